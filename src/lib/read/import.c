/* import.c - the front of the importers: format names, reading the input
 * with its size limit, dispatch to the parser, and error reporting. The
 * builder the parsers feed is import_build.c; mapping kg's field names back
 * to fields there, once, is what makes JSON -> GraphML -> JSON and JSON ->
 * DOT -> JSON give the same graph whatever format sits in the middle. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import_internal.h"
#include "kg/dataset.h"

/* ---- formats ------------------------------------------------------------ */

static const struct {
    const char *name;
    kg_import_format format;
} format_names[] = {
    {"graphml", KG_IMPORT_GRAPHML}, {"xml", KG_IMPORT_GRAPHML}, {"dot", KG_IMPORT_DOT},
    {"gv", KG_IMPORT_DOT},          {"json", KG_IMPORT_JSON},   {"csv", KG_IMPORT_CSV},
    {"tsv", KG_IMPORT_TSV},         {"tab", KG_IMPORT_TSV},
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

static kg_status run_importer(kg_importer *im, kg_import_format format, const char *text,
                              size_t len)
{
    switch (format) {
    case KG_IMPORT_GRAPHML: return kg_graphml_import(im, text, len);
    case KG_IMPORT_DOT: return kg_dot_import(im, text, len);
    case KG_IMPORT_JSON: return kg_node_link_import(im, text, len);
    case KG_IMPORT_CSV: return kg_table_import(im, text, len, ',');
    case KG_IMPORT_TSV: return kg_table_import(im, text, len, '\t');
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
                          "name the format: graphml, dot, json, csv or tsv",
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
    if (st == KG_OK)
        st = kg_imp_finish(&im, out);
    else if (im.status == KG_OK)
        im.status = st;
    kg_imp_cleanup(&im);
    return st != KG_OK ? st : im.status;
}

/* A folder: kg's neo4j-admin export (NAME.neo4j/). */
static kg_status import_folder(const char *path, const kg_import_options *o, kg_graph **out,
                               kg_diagnostics *diags)
{
    kg_importer im;
    kg_status st = kg_imp_init(&im, path, o, diags);
    if (st == KG_OK)
        st = kg_neo4j_folder_import(&im, path);
    if (st == KG_OK)
        st = kg_imp_finish(&im, out);
    else if (im.status == KG_OK)
        im.status = st;
    kg_imp_cleanup(&im);
    return st != KG_OK ? st : im.status;
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
                 "use .graphml, .dot, .gv, .json, .csv or .tsv, or name the format");
        if (diags)
            kg_diagnostics_add(diags, &err);
        return KG_EUSAGE;
    }
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

/* ---- errors ------------------------------------------------------------ */

static void report(kg_importer *im, kg_status status, const kg_imp_where *where,
                   const char *hint, const char *prefix, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 0)))
#endif
    ;

static void report(kg_importer *im, kg_status status, const kg_imp_where *where,
                   const char *hint, const char *prefix, const char *fmt, va_list ap)
{
    if (!im->diags)
        return;
    kg_error err;
    kg_error_clear(&err);
    err.status = status;
    snprintf(err.file, sizeof err.file, "%s", im->name);
    if (where) {
        err.line = where->line;
        err.column = where->column;
        if (where->pointer)
            snprintf(err.pointer, sizeof err.pointer, "%s", where->pointer);
    }
    size_t n = (size_t)snprintf(err.message, sizeof err.message, "%s", prefix);
    vsnprintf(err.message + n, sizeof err.message - n, fmt, ap);
    if (hint)
        snprintf(err.hint, sizeof err.hint, "%s", hint);
    kg_diagnostics_add(im->diags, &err);
}

kg_status kg_imp_error(kg_importer *im, kg_status status, const kg_imp_where *where,
                       const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(im, status, where, hint, "", fmt, ap);
    va_end(ap);
    if (im->status == KG_OK)
        im->status = status;
    return status;
}

void kg_imp_warning(kg_importer *im, const kg_imp_where *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(im, KG_OK, where, NULL, "warning: ", fmt, ap);
    va_end(ap);
}

static kg_status no_memory(kg_importer *im)
{
    return kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory");
}

/* ---- set-up ------------------------------------------------------------- */

kg_status kg_imp_init(kg_importer *im, const char *name, const kg_import_options *o,
                      kg_diagnostics *diags)
{
    memset(im, 0, sizeof *im);
    im->name = name;
    im->options = *o;
    im->diags = diags;
    kg_arena_init(&im->scratch);
    kg_index_map_init(&im->edge_ids);
    kg_import_options *p = &im->options;
    if (!p->max_bytes)
        p->max_bytes = KG_DEFAULT_MAX_BYTES;
    if (!p->max_nodes)
        p->max_nodes = KG_DEFAULT_MAX_NODES;
    if (!p->max_edges)
        p->max_edges = KG_DEFAULT_MAX_EDGES;
    if (!p->default_node_type || !p->default_node_type[0])
        p->default_node_type = KG_IMPORT_DEFAULT_NODE_TYPE;
    if (!p->default_edge_type || !p->default_edge_type[0])
        p->default_edge_type = KG_IMPORT_DEFAULT_EDGE_TYPE;
    if (p->node_type_attr && !p->node_type_attr[0])
        p->node_type_attr = NULL;
    if (p->edge_type_attr && !p->edge_type_attr[0])
        p->edge_type_attr = NULL;
    if (kg_graph_new(&im->graph) != KG_OK)
        return no_memory(im);
    return KG_OK;
}

void kg_imp_cleanup(kg_importer *im)
{
    kg_graph_free(im->graph);
    im->graph = NULL;
    free(im->edges);
    kg_index_map_free(&im->edge_ids);
    free(im->el.aliases);
    free(im->el.evidence);
    free(im->el.attrs);
    kg_arena_free(&im->scratch);
}


