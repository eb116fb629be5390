/* ingest.c - bulk loading, the line reader: reads inputs line by line
 * (never the whole text) within the size limits, hands each line to the
 * TSV or JSON Lines reader, and reports progress. The records those make
 * go into the graph through the record sink, ingest_build.c. */
#include "ingest_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kg/file.h"
#include "kg/text.h"

#define PROGRESS_EVERY 65536

kg_ingest_options kg_ingest_defaults(void)
{
    kg_ingest_options o;
    memset(&o, 0, sizeof o);
    return o;
}

kg_ingest_format kg_ingest_format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot)
        return KG_INGEST_AUTO;
    if (strcmp(dot, ".tsv") == 0 || strcmp(dot, ".tab") == 0 || strcmp(dot, ".txt") == 0)
        return KG_INGEST_TSV;
    if (strcmp(dot, ".jsonl") == 0 || strcmp(dot, ".ndjson") == 0)
        return KG_INGEST_JSONL;
    return KG_INGEST_AUTO;
}

kg_status kg_ingest_new(const kg_ingest_options *options, kg_ingest **out, kg_error *err)
{
    kg_ingest *in = calloc(1, sizeof *in);
    *out = NULL;
    if (!in || kg_graph_new(&in->graph) != KG_OK) {
        free(in);
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    }
    in->options = options ? *options : kg_ingest_defaults();
    kg_ingest_options *o = &in->options;
    if (!o->max_bytes) o->max_bytes = KG_DEFAULT_MAX_INGEST_BYTES;
    if (!o->max_nodes) o->max_nodes = KG_DEFAULT_MAX_NODES;
    if (!o->max_edges) o->max_edges = KG_DEFAULT_MAX_EDGES;
    if (!o->default_node_type) o->default_node_type = "node";
    if (!o->default_edge_type) o->default_edge_type = "related_to";
    if (o->schema)
        kg_graph_set_schema(in->graph, kg_schema_ref(o->schema));
    if (kg_graph_set_name(in->graph, o->name ? o->name : "graph") != KG_OK) {
        kg_ingest_free(in);
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    }
    *out = in;
    return KG_OK;
}

void kg_ingest_free(kg_ingest *in)
{
    if (!in)
        return;
    kg_graph_free(in->graph);
    for (size_t i = 0; i < in->file_count; i++)
        free(in->files[i]);
    free(in->files);
    free(in->pending);
    free(in);
}

kg_status kg_ingest_scratch_attrs(ingest_scratch *s, size_t need)
{
    return kg_grow((void **)&s->attrs, &s->attr_capacity, need, sizeof *s->attrs);
}

kg_status kg_ingest_scratch_aliases(ingest_scratch *s, size_t need)
{
    return kg_grow((void **)&s->aliases, &s->alias_capacity, need, sizeof *s->aliases);
}

/* ---- reading ------------------------------------------------------------ */

void kg_ingest_report_progress(const kg_ingest *ingest, const char *name, uint64_t read,
                            uint64_t total, uint64_t lines)
{
    if (!ingest->options.progress)
        return;
    kg_ingest_progress p = {name, read, total, lines, kg_graph_node_count(ingest->graph),
                            kg_graph_edge_count(ingest->graph) + ingest->pending_count};
    ingest->options.progress(ingest->options.progress_context, &p);
}

static kg_status remember_file(kg_ingest *ingest, const char *name)
{
    char **grown = realloc(ingest->files, (ingest->file_count + 1) * sizeof *grown);
    if (!grown)
        return KG_ENOMEM;
    ingest->files = grown;
    grown[ingest->file_count] = kg_strdup(name);
    if (!grown[ingest->file_count])
        return KG_ENOMEM;
    ingest->file_count++;
    return KG_OK;
}

/* Reads lines until the end, a stopping problem or the size limit. */
static kg_status read_lines(ingest_input *in, FILE *stream, kg_ingest_format format,
                            uint64_t total)
{
    kg_ingest *ingest = in->ingest;
    char *line = NULL;
    size_t capacity = 0;
    uint64_t read = 0;
    kg_status st = KG_OK;
    ssize_t n;
    errno = 0;
    while ((n = getline(&line, &capacity, stream)) >= 0) {
        in->line++;
        read += (uint64_t)n;
        if (read > ingest->options.max_bytes) {
            st = kg_ingest_problem(in, KG_ELIMIT, 0, "raise it with --max-input-size",
                                   "input is over the limit of %zu bytes",
                                   ingest->options.max_bytes);
            break;
        }
        size_t len = (size_t)n;
        if ((size_t)n > KG_INGEST_MAX_LINE) {
            st = kg_ingest_problem(in, KG_ELIMIT, 0, NULL, "line longer than %zu bytes",
                                   KG_INGEST_MAX_LINE);
            break;
        }
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!kg_utf8_valid(line, len) || memchr(line, '\0', len)) {
            kg_ingest_problem(in, KG_EINPUT, 0, NULL, "not UTF-8 text");
        } else {
            kg_status line_st = format == KG_INGEST_TSV ? kg_ingest_tsv_line(in, line, len)
                                                        : kg_ingest_jsonl_line(in, line, len);
            if (line_st != KG_OK && line_st != KG_EINPUT) {
                st = line_st;
                break;
            }
        }
        if ((in->line % PROGRESS_EVERY) == 0)
            kg_ingest_report_progress(ingest, in->name, read, total, (uint64_t)in->line);
    }
    if (st == KG_OK && ferror(stream))
        st = kg_ingest_problem(in, KG_EIO, 0, NULL, "read error: %s", strerror(errno));
    if (st == KG_OK && format == KG_INGEST_TSV && in->line == 0)
        st = kg_ingest_problem(in, KG_EINPUT, 0, NULL, "empty file: a header row is needed");
    kg_ingest_report_progress(ingest, in->name, read, total, (uint64_t)in->line);
    free(line);
    return st;
}

kg_status kg_ingest_add_stream(kg_ingest *ingest, FILE *stream, const char *name,
                               kg_ingest_format format, kg_ingest_role role,
                               kg_diagnostics *diags)
{
    if (!ingest || ingest->is_spent || !stream)
        return KG_EUSAGE;
    ingest_input in;
    memset(&in, 0, sizeof in);
    in.ingest = ingest;
    in.diags = diags;
    in.name = name ? name : "<stream>";
    in.role = role;
    if (format == KG_INGEST_AUTO)
        format = kg_ingest_format_from_path(in.name);
    if (format == KG_INGEST_AUTO)
        return kg_ingest_problem(&in, KG_EUSAGE, 0, "name it .tsv or .jsonl",
                                 "cannot tell the format from the file name");
    if (remember_file(ingest, in.name) != KG_OK)
        return kg_ingest_problem(&in, KG_ENOMEM, 0, NULL, "out of memory");
    struct stat sb;
    uint64_t total = fstat(fileno(stream), &sb) == 0 && S_ISREG(sb.st_mode)
                         ? (uint64_t)sb.st_size : 0;
    kg_status st = read_lines(&in, stream, format, total);
    kg_ingest_tsv_free(&in);
    free(in.scratch.attrs);
    free(in.scratch.aliases);
    if (st == KG_OK && ingest->has_problems)
        st = KG_EINPUT;
    return st;
}

kg_status kg_ingest_add_file(kg_ingest *ingest, const char *path, kg_ingest_format format,
                             kg_ingest_role role, kg_diagnostics *diags)
{
    if (!ingest || !path)
        return KG_EUSAGE;
    FILE *f = fopen(path, "rb");
    struct stat sb;
    if (!f || fstat(fileno(f), &sb) != 0 || S_ISDIR(sb.st_mode)) {
        int e = f ? (S_ISDIR(sb.st_mode) ? EISDIR : errno) : errno;
        if (f)
            fclose(f);
        return kg_ingest_problem_at(ingest, diags, KG_EIO, path, 0, 0, NULL, "cannot read: %s",
                          strerror(e));
    }
    /* A large buffer: fewer system calls on multi-gigabyte inputs. */
    setvbuf(f, NULL, _IOFBF, 1 << 20);
    kg_status st = kg_ingest_add_stream(ingest, f, path, format, role, diags);
    fclose(f);
    return st;
}
