/* import.c - the registry of the importers: format names, reading the
 * input (and a table's node list) with its size limit, and dispatch to the
 * parser. The importer the parsers fill is set up and reports through
 * importer.c; the builder they feed is import_build.c, mapping kg's field
 * names back to fields once, which is what makes JSON -> GraphML -> JSON
 * and JSON -> DOT -> JSON give the same graph whatever sits in the middle. */
#define _DEFAULT_SOURCE /* mmap's MAP_ANONYMOUS */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import_internal.h"
#include "kg/file.h"

/* ---- formats ------------------------------------------------------------ */

static const struct {
    const char *name;
    kg_import_format format;
} format_names[] = {
    {"graphml", KG_IMPORT_GRAPHML}, {"xml", KG_IMPORT_GRAPHML}, {"dot", KG_IMPORT_DOT},
    {"gv", KG_IMPORT_DOT},          {"json", KG_IMPORT_JSON},   {"csv", KG_IMPORT_CSV},
    {"tsv", KG_IMPORT_TSV},         {"tab", KG_IMPORT_TSV},     {"cyjs", KG_IMPORT_CYTOSCAPE},
};

kg_import_options kg_import_defaults(void)
{
    kg_import_options o;
    memset(&o, 0, sizeof o);
    return o;
}

kg_status kg_import_format_from_name(const char *name, kg_import_format *out)
{
    for (size_t i = 0; name && i < sizeof format_names / sizeof format_names[0]; i++) {
        if (strcmp(name, format_names[i].name) == 0) {
            *out = format_names[i].format;
            return KG_OK;
        }
    }
    return KG_EUSAGE;
}

kg_status kg_import_format_from_path(const char *path, kg_import_format *out)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    if (!dot || dot[1] == '\0')
        return KG_EUSAGE;
    return kg_import_format_from_name(dot + 1, out);
}

const char *kg_import_format_name(kg_import_format format)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (format_names[i].format == format)
            return format_names[i].name;
    return "unknown";
}

kg_status kg_import_end(kg_importer *im, kg_status st, kg_graph **out)
{
    if (st == KG_OK)
        st = kg_imp_finish(im, out);
    else if (im->status == KG_OK)
        im->status = st;
    kg_imp_cleanup(im);
    return st != KG_OK ? st : im->status;
}

/* Reads path whole, within the size limit; a failure is the import's
 * (added to its diagnostics and recorded as its status). */
static kg_status read_input_file(kg_importer *im, const char *path, char **text, size_t *len)
{
    kg_error err;
    kg_status st = kg_read_file(path, im->options.max_bytes, text, len, &err);
    if (st != KG_OK) {
        if (im->diags)
            kg_diagnostics_add(im->diags, &err);
        if (im->status == KG_OK)
            im->status = st;
    }
    return st;
}

/* A CSV/TSV edge list with the node list options->nodes_path: the node
 * list is read here, so the table parser only ever parses text. Its
 * separator follows its own extension, else the edge list's. */
static kg_status run_table(kg_importer *im, const char *text, size_t len, char separator)
{
    const char *path = im->options.nodes_path;
    if (!path)
        return kg_table_import(im, text, len, separator, NULL);
    kg_import_format format;
    kg_imp_text nodes = {path, NULL, 0, separator};
    if (kg_import_format_from_path(path, &format) == KG_OK)
        nodes.separator = format == KG_IMPORT_TSV   ? '\t'
                          : format == KG_IMPORT_CSV ? ','
                                                    : separator;
    char *nodes_text = NULL;
    kg_status st = read_input_file(im, path, &nodes_text, &nodes.len);
    if (st != KG_OK)
        return st;
    nodes.text = nodes_text;
    st = kg_table_import(im, text, len, separator, &nodes);
    free(nodes_text);
    return st;
}

static kg_status run_importer(kg_importer *im, kg_import_format format, const char *text,
                              size_t len)
{
    switch (format) {
    case KG_IMPORT_GRAPHML: return kg_graphml_import(im, text, len);
    case KG_IMPORT_DOT: return kg_dot_import(im, text, len);
    case KG_IMPORT_JSON: return kg_node_link_import(im, text, len);
    case KG_IMPORT_CYTOSCAPE: return kg_cytoscape_import(im, text, len);
    case KG_IMPORT_CSV: return run_table(im, text, len, ',');
    case KG_IMPORT_TSV: return run_table(im, text, len, '\t');
    default: return kg_imp_error(im, KG_EUSAGE, NULL, NULL, "unknown import format");
    }
}

/* owned: text itself, when import_text may have it (a file kg_read_file
 * read, NUL-terminated at len): the parsers read it in place instead of a
 * copy, and it is freed once parsed, before the graph is finished (the
 * importer copies what it keeps), which lowers the peak by the file's
 * size. is_mapped: text is a file's mapping (map_file), NUL-terminated,
 * read in place. Else text is copied. */
static kg_status import_text(const char *text, size_t len, char *owned, bool is_mapped,
                             const char *name, const kg_import_options *options,
                             kg_graph **out, kg_diagnostics *diags)
{
    bool is_terminated = owned != NULL || is_mapped;
    *out = NULL;
    kg_import_options o = options ? *options : kg_import_defaults();
    kg_importer im;
    kg_status st = kg_imp_init(&im, name ? name : "<input>", &o, diags);
    if (st != KG_OK) {
        kg_imp_cleanup(&im);
        free(owned);
        return st;
    }
    im.is_text_mapped = is_mapped;
    kg_import_format format = o.format;
    if (format == KG_IMPORT_AUTO && (!name || kg_import_format_from_path(name, &format) != KG_OK))
        st = kg_imp_error(&im, KG_EUSAGE, NULL,
                          "name the format: graphml, dot, json, cyjs, csv or tsv",
                          "cannot tell the format from the file name");
    else if (len > im.options.max_bytes)
        st = kg_imp_error(&im, KG_ELIMIT, NULL, NULL, "input is %zu bytes, over the limit of %zu",
                          len, im.options.max_bytes);
    char *copy = st == KG_OK && !is_terminated ? malloc(len + 1) : NULL;
    if (st == KG_OK && !is_terminated && !copy)
        st = kg_imp_error(&im, KG_ENOMEM, NULL, NULL, "out of memory");
    if (st == KG_OK && copy) {
        memcpy(copy, text, len);
        copy[len] = '\0';
    }
    if (st == KG_OK)
        st = run_importer(&im, format, copy ? copy : text, len);
    free(copy);
    free(owned);
    return kg_import_end(&im, st, out);
}

kg_status kg_import_buffer(const char *text, size_t len, const char *name,
                           const kg_import_options *options, kg_graph **out,
                           kg_diagnostics *diags)
{
    return import_text(text, len, NULL, false, name, options, out, diags);
}

/* ---- a neo4j-admin folder (kg's NAME.neo4j/) ------------------------- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folder's files named PREFIX*.csv, sorted, as paths in the arena. */
static kg_status list_files(kg_importer *im, kg_arena *arena, const char *dir,
                            const char *prefix, char ***files, size_t *count)
{
    size_t capacity = 0;
    *files = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return kg_imp_error(im, KG_EIO, NULL, NULL, "cannot open folder '%s'", dir);
    kg_status st = KG_OK;
    for (struct dirent *entry; st == KG_OK && (entry = readdir(d));) {
        size_t n = strlen(entry->d_name);
        if (strncmp(entry->d_name, prefix, strlen(prefix)) != 0 || n < 4 ||
            strcmp(entry->d_name + n - 4, ".csv") != 0)
            continue;
        size_t size = strlen(dir) + n + 2;
        char *path = kg_arena_alloc(arena, size);
        if (!path || kg_grow((void **)files, &capacity, *count + 1, sizeof **files) != KG_OK) {
            st = kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory");
            break;
        }
        snprintf(path, size, "%s/%s", dir, entry->d_name);
        (*files)[(*count)++] = path;
    }
    closedir(d);
    if (st == KG_OK && *count)
        qsort(*files, *count, sizeof **files, compare_names);
    return st;
}

/* Reads one file of the folder and hands its text to the table parser. */
static kg_status import_folder_file(kg_importer *im, const char *path, int expect_edges)
{
    char *text = NULL;
    size_t len = 0;
    kg_status st = read_input_file(im, path, &text, &len);
    if (st != KG_OK)
        return st;
    kg_imp_text part = {path, text, len, ','};
    st = kg_table_import_part(im, &part, expect_edges, true);
    free(text);
    return st;
}

/* Every nodes_*.csv as a node list, then every relationships_*.csv as an
 * edge list, each in name order. */
static kg_status import_neo4j_folder(kg_importer *im, const char *dir)
{
    kg_arena arena;
    kg_arena_init(&arena);
    char **nodes = NULL, **relationships = NULL;
    size_t node_count = 0, relationship_count = 0;
    kg_status st = list_files(im, &arena, dir, "nodes_", &nodes, &node_count);
    if (st == KG_OK)
        st = list_files(im, &arena, dir, "relationships_", &relationships, &relationship_count);
    if (st == KG_OK && node_count == 0)
        st = kg_imp_error(im, KG_EINPUT, NULL,
                          "a neo4j-admin folder holds nodes_*.csv and relationships_*.csv files",
                          "no nodes_*.csv file in folder '%s'", dir);
    im->creates_missing_nodes = false;
    for (size_t i = 0; st == KG_OK && i < node_count; i++)
        st = import_folder_file(im, nodes[i], 0);
    for (size_t i = 0; st == KG_OK && i < relationship_count; i++)
        st = import_folder_file(im, relationships[i], 1);
    free(nodes);
    free(relationships);
    kg_arena_free(&arena);
    return st;
}

static kg_status import_folder(const char *path, const kg_import_options *o, kg_graph **out,
                               kg_diagnostics *diags)
{
    kg_importer im;
    kg_status st = kg_imp_init(&im, path, o, diags);
    if (st == KG_OK)
        st = import_neo4j_folder(&im, path);
    return kg_import_end(&im, st, out);
}

/* A regular file of 1 to max_bytes bytes mapped read-only, followed by a
 * NUL: the file's pages over an anonymous region one byte longer, whose
 * rest is zeros. false (nothing mapped) otherwise, and for any failure:
 * the caller reads the file instead, and reports what is wrong with it.
 * The DOT reader drops the pages it has read, so the file's size stays
 * out of the peak (a file cut short while mapped would end the process
 * with SIGBUS; kg does not guard against that). */
static bool map_file(const char *path, size_t max_bytes, char **text, size_t *len,
                     size_t *mapped)
{
    int fd = open(path, O_RDONLY);
    struct stat info;
    bool ok = fd >= 0 && fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 &&
              (uintmax_t)info.st_size <= max_bytes;
    size_t size = ok ? (size_t)info.st_size : 0;
    char *region = ok ? mmap(NULL, size + 1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
                      : MAP_FAILED;
    ok = region != MAP_FAILED &&
         mmap(region, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) != MAP_FAILED;
    if (!ok && region != MAP_FAILED)
        munmap(region, size + 1);
    if (fd >= 0)
        close(fd);
    *text = ok ? region : NULL;
    *len = size;
    *mapped = size + 1;
    return ok;
}

kg_status kg_import_file(const char *path, const kg_import_options *options, kg_graph **out,
                         kg_diagnostics *diags)
{
    *out = NULL;
    kg_import_options o = options ? *options : kg_import_defaults();
    kg_error err;
    kg_error_clear(&err);
    struct stat info;
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode))
        return import_folder(path, &o, out, diags);
    if (o.format == KG_IMPORT_AUTO && kg_import_format_from_path(path, &o.format) != KG_OK) {
        kg_error_set(&err, KG_EUSAGE, path, "cannot tell the format from the file name");
        snprintf(err.hint, sizeof err.hint,
                 "use .graphml, .dot, .gv, .json, .cyjs, .csv or .tsv, or name the format");
        if (diags)
            kg_diagnostics_add(diags, &err);
        return KG_EUSAGE;
    }
    if (kg_import_streams(o.format))
        return kg_import_stream_file(path, &o, out, diags);
    char *text = NULL;
    size_t len = 0, mapped = 0;
    if (o.format == KG_IMPORT_DOT &&
        map_file(path, o.max_bytes ? o.max_bytes : KG_DEFAULT_MAX_BYTES, &text, &len, &mapped)) {
        kg_status st = import_text(text, len, NULL, true, path, &o, out, diags);
        munmap(text, mapped);
        return st;
    }
    kg_status st = kg_read_file(path, o.max_bytes ? o.max_bytes : KG_DEFAULT_MAX_BYTES,
                                &text, &len, &err);
    if (st != KG_OK) {
        if (diags)
            kg_diagnostics_add(diags, &err);
        return st;
    }
    return import_text(text, len, text, false, path, &o, out, diags);
}
