/* import_dot.c - Graphviz DOT through cgraph (agmemread), so kg reads
 * exactly the language Graphviz reads. cgraph keeps no positions, so
 * syntax errors have the line cgraph reports (and the column of the token
 * it names), and other problems name the node or edge.
 *
 * Kept: every attribute a node or edge sets to something other than the
 * graph's default (what agwrite would write), typed by inference since DOT
 * has no types. Dropped: what kg's own DOT exporter derives - the legend
 * (nodes with kg_legend="true" and the cluster_legend subgraph), tooltips
 * equal to the evidence quotes, edge labels equal to the type, and drawing
 * attributes equal to the type's style (from the legend, the
 * "kg_style:node:TYPE:FIELD" graph attributes, or the schema).
 * Subgraphs and clusters are reported in warnings; their grouping is not
 * kept. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>

#include "import_dot.h"
#include "import_internal.h"

/* cgraph's error callback has no user pointer; the message is assembled
 * here from the pieces it is printed in. Not thread-safe (nor is cgraph). */
static char dot_message[512];

static int catch_message(char *text)
{
    size_t used = strlen(dot_message);
    snprintf(dot_message + used, sizeof dot_message - used, "%s", text);
    return 0;
}

typedef struct dot {
    kg_importer *im;
    Agraph_t *graph;
    Agraph_t *legend; /* cluster_legend, or NULL */
    kg_dot_styles styles;
    kg_imp_infer *node_kinds, *edge_kinds; /* indexed like the attribute lists */
    Agsym_t **node_syms, **edge_syms;
    size_t node_sym_count, edge_sym_count;
} dot;

/* ---- syntax errors ------------------------------------------------------ */

/* "syntax error in line 4 near 'x'": the line, and the column of x in it. */
static kg_status syntax_error(kg_importer *im, const char *text)
{
    kg_imp_where w = {0, 0, NULL};
    const char *at = strstr(dot_message, "line ");
    const char *near = strstr(dot_message, "near '");
    if (at)
        w.line = atoi(at + 5);
    const char *line = text;
    for (int i = 1; line && i < w.line; i++)
        line = (line = strchr(line, '\n')) ? line + 1 : NULL;
    if (line && near) {
        char token[64];
        snprintf(token, sizeof token, "%s", near + 6);
        char *quote = strrchr(token, '\'');
        if (quote)
            *quote = '\0';
        const char *end = strchr(line, '\n');
        const char *found = token[0] ? strstr(line, token) : NULL;
        if (found && (!end || found < end))
            w.column = (int)(found - line) + 1;
    }
    char *msg = strstr(dot_message, "syntax error");
    const char *shown = msg ? msg : dot_message[0] ? dot_message : "cannot parse the DOT text";
    char clean[512];
    snprintf(clean, sizeof clean, "%s", shown);
    size_t n = strlen(clean);
    while (n > 0 && (clean[n - 1] == '\n' || clean[n - 1] == ' '))
        clean[--n] = '\0';
    return kg_imp_error(im, KG_EINPUT, &w, NULL, "DOT %s", clean);
}

/* ---- values ------------------------------------------------------------- */

/* DOT escapes as kg's exporter writes them (and Graphviz reads in labels):
 * \\ is a backslash, \n \l \r line breaks, \N in a node label its id. */
static char *unescape(const char *s, const char *node_id)
{
    size_t extra = node_id ? strlen(node_id) : 0, n = 0;
    for (const char *p = strstr(s, "\\N"); p; p = strstr(p + 2, "\\N"))
        n++;
    char *out = malloc(strlen(s) + n * extra + 1), *o = out;
    if (!out)
        return NULL;
    for (const char *p = s; *p; p++) {
        if (p[0] != '\\' || p[1] == '\0') {
            *o++ = *p;
            continue;
        }
        char c = *++p;
        if (c == 'n' || c == 'l' || c == 'r')
            *o++ = '\n';
        else if (c == 'N' && node_id) {
            memcpy(o, node_id, extra);
            o += extra;
        } else if (c == '\\')
            *o++ = '\\';
        else {
            *o++ = '\\';
            *o++ = c;
        }
    }
    *o = '\0';
    return out;
}

static bool is_style_attr(const char *name, bool is_edge)
{
    static const char *const node_attrs[] = {"shape", "style", "fillcolor", "color", "fontcolor", NULL};
    static const char *const edge_attrs[] = {"color", "style", "arrowhead", "dir", "fontcolor", NULL};
    for (const char *const *a = is_edge ? edge_attrs : node_attrs; *a; a++)
        if (strcmp(*a, name) == 0)
            return true;
    return false;
}

bool kg_dot_is_kg_field(const char *name)
{
    static const char *const fields[] = {"id", "type", "label", "description", "aliases", "start",
                                         "end", "evidence", "edge_id", NULL};
    for (const char *const *f = fields; *f; f++)
        if (strcmp(*f, name) == 0)
            return true;
    return false;
}

/* The value an element sets for sym, or NULL when it keeps the default. */
static char *set_value(void *obj, Agsym_t *sym)
{
    char *v = agxget(obj, sym);
    if (!v || !v[0])
        return NULL;
    if (sym->defval && strcmp(v, sym->defval) == 0 && !kg_dot_is_kg_field(sym->name))
        return NULL;
    return v;
}

static bool is_legend_node(const dot *d, Agnode_t *n)
{
    char name[] = "kg_legend";
    const char *mark = agget(n, name);
    return (mark && strcmp(mark, "true") == 0) || (d->legend && agsubnode(d->legend, n, 0));
}

kg_dot_role kg_dot_role_of(const char *name, bool is_edge)
{
    bool is_label = strcmp(name, "label") == 0;
    return strcmp(name, "tooltip") == 0  ? KG_DOT_TOOLTIP
           : is_edge && is_label          ? KG_DOT_EDGE_LABEL
           : is_style_attr(name, is_edge) ? KG_DOT_STYLE
           : is_label                     ? KG_DOT_NODE_LABEL
           : kg_dot_is_kg_field(name)     ? KG_DOT_FIELD
                                          : KG_DOT_FREE;
}

kg_status kg_dot_value(kg_importer *im, const char *name, kg_dot_role role, const char *raw,
                       bool is_html, const kg_imp_infer *inf, const char *node_id)
{
    /* without a backslash there is nothing to unescape: raw is the text */
    bool is_plain = is_html || !strchr(raw, '\\');
    char *owned = is_plain ? NULL : unescape(raw, role == KG_DOT_NODE_LABEL ? node_id : NULL);
    const char *text = is_plain ? raw : owned;
    if (!text)
        return kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory");
    kg_status st;
    if (role == KG_DOT_TOOLTIP)
        st = kg_imp_derived(im, name, text, KG_VALUE_STRING, "quotes");
    else if (role == KG_DOT_EDGE_LABEL)
        st = kg_imp_derived(im, name, text, KG_VALUE_STRING, "type");
    else if (role == KG_DOT_STYLE)
        st = kg_imp_derived(im, name, text, KG_VALUE_STRING, "style");
    else if (role == KG_DOT_NODE_LABEL && node_id && strcmp(text, node_id) == 0)
        st = KG_OK; /* Graphviz's default label */
    else if (role == KG_DOT_NODE_LABEL || role == KG_DOT_FIELD)
        st = kg_imp_value(im, name, text, KG_VALUE_STRING);
    else {
        char buf[512];
        kg_value_kind kind = KG_VALUE_STRING;
        bool is_nonfinite;
        kg_imp_type type = kg_imp_infer_result(inf);
        bool is_typed = type != KG_IMP_STRING && strlen(text) < 400 &&
                        kg_imp_convert(text, type, buf, sizeof buf, &kind, &is_nonfinite);
        st = kg_imp_value(im, name, is_typed ? buf : text, is_typed ? kind : KG_VALUE_STRING);
    }
    free(owned);
    return st;
}

static kg_status one_value(dot *d, void *obj, Agsym_t *sym, const kg_imp_infer *inf,
                           bool is_edge, const char *node_id)
{
    char *raw = set_value(obj, sym);
    if (!raw || strcmp(sym->name, "kg_legend") == 0)
        return KG_OK;
    return kg_dot_value(d->im, sym->name, kg_dot_role_of(sym->name, is_edge), raw, aghtmlstr(raw),
                        inf, node_id);
}

/* ---- elements ----------------------------------------------------------- */

static kg_status values(dot *d, void *obj, bool is_edge, const char *node_id)
{
    Agsym_t **syms = is_edge ? d->edge_syms : d->node_syms;
    size_t count = is_edge ? d->edge_sym_count : d->node_sym_count;
    kg_imp_infer *kinds = is_edge ? d->edge_kinds : d->node_kinds;
    kg_status st = KG_OK;
    for (size_t i = 0; i < count && st == KG_OK; i++)
        st = one_value(d, obj, syms[i], &kinds[i], is_edge, node_id);
    return st;
}

static kg_status read_node(dot *d, Agnode_t *n)
{
    char where[KG_ERROR_POINTER_MAX];
    snprintf(where, sizeof where, "node '%s'", agnameof(n));
    kg_imp_where w = {0, 0, where};
    kg_status st = kg_imp_begin(d->im, false, &w);
    if (st == KG_OK)
        st = kg_imp_set_id(d->im, agnameof(n));
    if (st == KG_OK)
        st = values(d, n, false, agnameof(n));
    return st == KG_OK ? kg_imp_end(d->im) : st;
}

static kg_status read_edge(dot *d, Agedge_t *e)
{
    char where[KG_ERROR_POINTER_MAX];
    const char *tail = agnameof(agtail(e)), *head = agnameof(aghead(e));
    snprintf(where, sizeof where, "edge '%s' -> '%s'", tail, head);
    kg_imp_where w = {0, 0, where};
    kg_status st = kg_imp_begin(d->im, true, &w);
    if (st == KG_OK)
        st = kg_imp_set_endpoints(d->im, tail, head);
    if (st == KG_OK)
        st = values(d, e, true, NULL);
    return st == KG_OK ? kg_imp_end(d->im) : st;
}

/* ---- legend and subgraphs ----------------------------------------------- */

const kg_style *kg_dot_style_lookup(void *ctx, bool is_edge, const char *type)
{
    const kg_dot_styles *styles = ctx;
    for (size_t i = 0; i < styles->count; i++)
        if (styles->items[i].is_edge == is_edge && strcmp(styles->items[i].type, type) == 0)
            return &styles->items[i].style;
    return NULL;
}

void kg_dot_styles_free(kg_dot_styles *styles)
{
    for (size_t i = 0; i < styles->count; i++)
        free(styles->items[i].owned_type);
    free(styles->items);
    styles->items = NULL;
    styles->count = 0;
}

static const char *attr_or_null(void *obj, const char *name)
{
    char copy[32];
    snprintf(copy, sizeof copy, "%s", name);
    const char *v = agget(obj, copy);
    return v && v[0] ? v : NULL;
}

static kg_status add_style(dot *d, void *obj, bool is_edge)
{
    const char *type = attr_or_null(obj, "label");
    if (!type)
        return KG_OK;
    kg_dot_styles *styles = &d->styles;
    kg_dot_style *grown = realloc(styles->items, (styles->count + 1) * sizeof *grown);
    if (!grown)
        return kg_imp_error(d->im, KG_ENOMEM, NULL, NULL, "out of memory");
    styles->items = grown;
    kg_dot_style *s = &styles->items[styles->count++];
    s->is_edge = is_edge;
    s->type = type;
    s->owned_type = NULL;
    s->style = (kg_style){attr_or_null(obj, "shape"), attr_or_null(obj, "style"),
                          attr_or_null(obj, "fillcolor"), attr_or_null(obj, "color"),
                          attr_or_null(obj, "fontcolor"), attr_or_null(obj, "arrowhead"),
                          attr_or_null(obj, "dir")};
    if (is_edge) /* the exporter sets an edge's fontcolor to its colour */
        s->style.fontcolor = NULL;
    return KG_OK;
}

/* Styles of the types kg's legend shows: legend nodes are labelled with a
 * node type, legend edges with an edge type. */
static kg_status read_legend(dot *d)
{
    kg_status st = KG_OK;
    for (Agnode_t *n = agfstnode(d->graph); n && st == KG_OK; n = agnxtnode(d->graph, n)) {
        if (!is_legend_node(d, n))
            continue;
        Agedge_t *e = agfstout(d->graph, n);
        if (!e && !agfstin(d->graph, n))
            st = add_style(d, n, false);
        for (; e && st == KG_OK; e = agnxtout(d->graph, e))
            if (is_legend_node(d, aghead(e)))
                st = add_style(d, e, true);
    }
    return st;
}

/* The style of (is_edge, type), added empty when missing; NULL when out
 * of memory. */
static kg_dot_style *style_of(kg_dot_styles *styles, bool is_edge, const char *type, size_t len)
{
    for (size_t i = 0; i < styles->count; i++)
        if (styles->items[i].is_edge == is_edge && strlen(styles->items[i].type) == len &&
            strncmp(styles->items[i].type, type, len) == 0)
            return &styles->items[i];
    kg_dot_style *grown = realloc(styles->items, (styles->count + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    styles->items = grown;
    kg_dot_style *s = &styles->items[styles->count];
    memset(s, 0, sizeof *s);
    if (!(s->owned_type = kg_strndup(type, len)))
        return NULL;
    styles->count++;
    s->is_edge = is_edge;
    s->type = s->owned_type;
    return s;
}

kg_status kg_dot_style_attr(kg_importer *im, kg_dot_styles *styles, const char *name,
                            const char *value)
{
    bool is_edge = strncmp(name, "kg_style:edge:", 14) == 0;
    if (!is_edge && strncmp(name, "kg_style:node:", 14) != 0)
        return KG_OK;
    const char *type = name + 14, *field = strrchr(type, ':');
    if (!field || field == type || !value || !value[0])
        return KG_OK;
    kg_dot_style *s = style_of(styles, is_edge, type, (size_t)(field - type));
    if (!s)
        return kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory");
    field++;
    const char **slot = strcmp(field, "shape") == 0       ? &s->style.shape
                        : strcmp(field, "style") == 0     ? &s->style.style
                        : strcmp(field, "fillcolor") == 0 ? &s->style.fillcolor
                        : strcmp(field, "color") == 0     ? &s->style.color
                        : strcmp(field, "fontcolor") == 0 ? &s->style.fontcolor
                        : strcmp(field, "arrowhead") == 0 ? &s->style.arrowhead
                        : strcmp(field, "dir") == 0       ? &s->style.dir
                                                          : NULL;
    if (slot)
        *slot = value;
    return KG_OK;
}

/* Styles kg's DOT export writes as graph attributes when it writes no
 * legend nodes: "kg_style:node:TYPE:FIELD"="value" (or edge:). */
static kg_status read_style_attrs(dot *d)
{
    kg_status st = KG_OK;
    for (Agsym_t *sym = agnxtattr(d->graph, AGRAPH, NULL); sym && st == KG_OK;
         sym = agnxtattr(d->graph, AGRAPH, sym))
        st = kg_dot_style_attr(d->im, &d->styles, sym->name, agxget(d->graph, sym));
    return st;
}

static void note_subgraphs(dot *d, Agraph_t *parent)
{
    for (Agraph_t *s = agfstsubg(parent); s; s = agnxtsubg(s)) {
        const char *name = agnameof(s);
        if (s == d->legend)
            continue;
        if (name && name[0] != '%')
            kg_imp_warning(d->im, NULL, "%s '%s' (%d nodes): its nodes and edges are kept, the "
                                        "grouping is not",
                           strncmp(name, "cluster", 7) == 0 ? "cluster" : "subgraph", name,
                           agnnodes(s));
        note_subgraphs(d, s);
    }
}

kg_status kg_dot_graph_fields(kg_importer *im, const char *name, const char *label)
{
    kg_status st = KG_OK;
    if (name && name[0] != '%')
        st = kg_imp_graph_value(im, "name", name);
    char *text = label ? unescape(label, NULL) : NULL;
    if (st == KG_OK && label)
        st = text ? kg_imp_graph_value(im, "title", text)
                  : kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory");
    free(text);
    return st;
}

/* ---- inference ---------------------------------------------------------- */

static kg_status list_attrs(dot *d, int kind, Agsym_t ***syms, kg_imp_infer **kinds, size_t *count)
{
    size_t n = 0;
    for (Agsym_t *s = agnxtattr(d->graph, kind, NULL); s; s = agnxtattr(d->graph, kind, s))
        n++;
    *syms = calloc(n + 1, sizeof **syms);
    *kinds = calloc(n + 1, sizeof **kinds);
    if (!*syms || !*kinds)
        return kg_imp_error(d->im, KG_ENOMEM, NULL, NULL, "out of memory");
    n = 0;
    for (Agsym_t *s = agnxtattr(d->graph, kind, NULL); s; s = agnxtattr(d->graph, kind, s)) {
        (*syms)[n] = s;
        kg_imp_infer_init(&(*kinds)[n++]);
    }
    *count = n;
    return KG_OK;
}

/* The type each attribute's set values share, over all nodes (edges). */
static void infer(dot *d)
{
    for (Agnode_t *n = agfstnode(d->graph); n; n = agnxtnode(d->graph, n)) {
        if (is_legend_node(d, n))
            continue;
        for (size_t i = 0; i < d->node_sym_count; i++) {
            const char *v = set_value(n, d->node_syms[i]);
            if (v)
                kg_imp_infer_add(&d->node_kinds[i], v);
        }
        for (Agedge_t *e = agfstout(d->graph, n); e; e = agnxtout(d->graph, e))
            for (size_t i = 0; i < d->edge_sym_count; i++) {
                const char *v = set_value(e, d->edge_syms[i]);
                if (v)
                    kg_imp_infer_add(&d->edge_kinds[i], v);
            }
    }
}

static kg_status read_graph(dot *d)
{
    char legend_name[] = "cluster_legend";
    d->legend = agsubg(d->graph, legend_name, 0);
    kg_status st = read_legend(d);
    if (st == KG_OK)
        st = read_style_attrs(d);
    if (st == KG_OK)
        st = list_attrs(d, AGNODE, &d->node_syms, &d->node_kinds, &d->node_sym_count);
    if (st == KG_OK)
        st = list_attrs(d, AGEDGE, &d->edge_syms, &d->edge_kinds, &d->edge_sym_count);
    if (st != KG_OK)
        return st;
    st = kg_dot_graph_fields(d->im, agnameof(d->graph), attr_or_null(d->graph, "label"));
    note_subgraphs(d, d->graph);
    infer(d);
    for (Agnode_t *n = agfstnode(d->graph); n && st == KG_OK; n = agnxtnode(d->graph, n))
        if (!is_legend_node(d, n))
            st = read_node(d, n);
    for (Agnode_t *n = agfstnode(d->graph); n && st == KG_OK; n = agnxtnode(d->graph, n))
        for (Agedge_t *e = agfstout(d->graph, n); e && st == KG_OK; e = agnxtout(d->graph, e))
            if (!is_legend_node(d, n) && !is_legend_node(d, aghead(e)))
                st = read_edge(d, e);
    return st;
}

kg_status kg_dot_import(kg_importer *im, const char *text, size_t len)
{
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        kg_imp_where w = {1, 1, NULL};
        for (const char *p = text; p < nul; p++, w.column++)
            if (*p == '\n')
                w.line++, w.column = 0;
        return kg_imp_error(im, KG_EINPUT, &w, NULL, "NUL byte in DOT text");
    }
    /* KG_DOT_READER (for tests): "cgraph" reads every file through cgraph,
     * "fast" refuses files outside the one-pass reader's subset. */
    const char *reader = getenv("KG_DOT_READER");
    if (!reader || strcmp(reader, "cgraph") != 0) {
        bool handled = false;
        kg_status st = kg_dot_fast_import(im, text, len, &handled);
        if (handled)
            return st;
        if (reader && strcmp(reader, "fast") == 0)
            return kg_imp_error(im, KG_EINPUT, NULL, NULL,
                                "KG_DOT_READER=fast: the file is outside the one-pass subset");
    }
    dot_message[0] = '\0';
    agusererrf previous = agseterrf(catch_message);
    dot d;
    memset(&d, 0, sizeof d);
    d.im = im;
    /* cgraph's line count after a parse depends on how that parse ended;
     * after a failed one it is always one short. Fail one, then count. */
    char reset[] = "graph { -> }";
    Agraph_t *none = agmemread(reset);
    if (none)
        agclose(none);
    dot_message[0] = '\0';
    agreadline(1);
    FILE *stream = fmemopen((void *)(uintptr_t)text, len, "r"); /* read only */
    d.graph = stream ? agread(stream, NULL) : NULL;
    kg_status st = !stream ? kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory")
                   : d.graph ? KG_OK : syntax_error(im, text);
    Agraph_t *next = st == KG_OK ? agread(stream, NULL) : NULL;
    if (next) {
        kg_imp_warning(im, NULL, "more graphs follow '%s' (the next is '%s'); kg imports the "
                                 "first graph of a file", agnameof(d.graph), agnameof(next));
        agclose(next);
    }
    if (stream)
        fclose(stream);
    im->style_fn = kg_dot_style_lookup;
    im->style_ctx = &d.styles;
    if (st == KG_OK)
        st = read_graph(&d);
    /* The edges are queued with their derived values already resolved, so
     * nothing refers to the cgraph strings or the legend after this. */
    im->style_fn = NULL;
    im->style_ctx = NULL;
    if (d.graph)
        agclose(d.graph);
    agseterrf(previous);
    kg_dot_styles_free(&d.styles);
    free(d.node_syms);
    free(d.edge_syms);
    free(d.node_kinds);
    free(d.edge_kinds);
    return st;
}
