/* import.c - the registry of the importers: format names, reading the
 * input (and a table's node list) with its size limit, and dispatch to the
 * parser. The importer the parsers fill is set up and reports through
 * importer.c; the builder they feed is import_build.c, mapping kg's field
 * names back to fields once, which is what makes JSON -> GraphML -> JSON
 * and JSON -> DOT -> JSON give the same graph whatever sits in the middle. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

kg_status kg_import_buffer(const char *text, size_t len, const char *name,
                           const kg_import_options *options, kg_graph **out,
                           kg_diagnostics *diags)
{
    *out = NULL;
    kg_import_options o = options ? *options : kg_import_defaults();
    kg_importer im;
    kg_status st = kg_imp_init(&im, name ? name : "<input>", &o, diags);
    if (st != KG_OK) {
        kg_imp_cleanup(&im);
        return st;
    }
    kg_import_format format = o.format;
    if (format == KG_IMPORT_AUTO && (!name || kg_import_format_from_path(name, &format) != KG_OK))
        st = kg_imp_error(&im, KG_EUSAGE, NULL,
                          "name the format: graphml, dot, json, cyjs, csv or tsv",
                          "cannot tell the format from the file name");
    else if (len > im.options.max_bytes)
        st = kg_imp_error(&im, KG_ELIMIT, NULL, NULL, "input is %zu bytes, over the limit of %zu",
                          len, im.options.max_bytes);
    char *copy = st == KG_OK ? malloc(len + 1) : NULL;
    if (st == KG_OK && !copy)
        st = kg_imp_error(&im, KG_ENOMEM, NULL, NULL, "out of memory");
    if (st == KG_OK) {
        memcpy(copy, text, len);
        copy[len] = '\0';
        st = run_importer(&im, format, copy, len);
    }
    free(copy);
    return kg_import_end(&im, st, out);
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
    size_t len = 0;
    kg_status st = kg_read_file(path, o.max_bytes ? o.max_bytes : KG_DEFAULT_MAX_BYTES,
                                &text, &len, &err);
    if (st != KG_OK) {
        if (diags)
            kg_diagnostics_add(diags, &err);
        return st;
    }
    st = kg_import_buffer(text, len, path, &o, out, diags);
    free(text);
    return st;
}
