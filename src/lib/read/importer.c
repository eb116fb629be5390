/* importer.c - the importer every parser fills (importer.h): its set-up
 * with the options' defaults, its clean-up, and its errors and warnings,
 * each with the file and line:column or JSON Pointer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "importer.h"
#include "kg/file.h"

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

kg_status kg_imp_restart(kg_importer *im, size_t diag_count, size_t diag_dropped)
{
    const char *name = im->name;
    kg_import_options o = im->options;
    kg_diagnostics *diags = im->diags;
    kg_imp_style_fn style_fn = im->style_fn;
    void *style_ctx = im->style_ctx;
    bool is_text_mapped = im->is_text_mapped, creates = im->creates_missing_nodes;
    kg_imp_cleanup(im);
    if (diags && diags->count >= diag_count) {
        diags->count = diag_count;
        diags->dropped = diag_dropped;
    }
    kg_status st = kg_imp_init(im, name, &o, diags);
    im->style_fn = style_fn;
    im->style_ctx = style_ctx;
    im->is_text_mapped = is_text_mapped;
    im->creates_missing_nodes = creates;
    return st;
}

void kg_imp_cleanup(kg_importer *im)
{
    kg_graph_free(im->graph);
    im->graph = NULL;
    free(im->edges);
    free(im->edge_ids.slots);
    im->edge_ids = (kg_imp_id_set){NULL, 0, 0};
    free(im->el.aliases);
    free(im->el.evidence);
    free(im->el.attrs);
    kg_arena_free(&im->scratch);
}


