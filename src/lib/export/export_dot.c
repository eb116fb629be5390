/* export_dot.c - Graphviz DOT. We write the text ourselves rather than
 * through cgraph's agwrite, because agwrite leaves simple ids unquoted,
 * folds long lines and orders attributes by declaration; here every id and
 * value is quoted and escaped (kg_write_dot_string), the order is the
 * graph's sorted order, and the SVG exporter parses this very text with
 * cgraph, so every build proves Graphviz accepts it.
 *
 * Layout of the file: graph defaults, one statement per node (drawing
 * style from its type, kg's fields as extra attributes), one per edge, and,
 * only when asked (has_dot_legend), a legend cluster whose nodes carry
 * kg_legend="true" so importers skip it: by default the file holds the
 * data's nodes only, so pygraphviz and NetworkX count what they should. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "writer_internal.h"

/* Writes `, name="value"` (or without the comma for the first of a list). */
typedef struct attr_list {
    kg_writer *w;
    bool is_first;
} attr_list;

static void put_separator(attr_list *a)
{
    if (a->is_first)
        KG_PUT_LIT(a->w, " [");
    else
        KG_PUT_LIT(a->w, ", ");
    a->is_first = false;
}

static void put(attr_list *a, const char *name, const char *value)
{
    if (!value)
        return;
    put_separator(a);
    kg_write_dot_string(a->w, name);
    kg_putc(a->w, '=');
    kg_write_dot_string(a->w, value);
}

/* The same for a name that is a string literal needing no escape: the
 * separator, its quoted form and the = are one copy (this runs for every
 * value). Both prefixes have the same length. */
#define PUT_NAMED(a, name, value) \
    put_named((a), " [\"" name "\"=", ", \"" name "\"=", sizeof(", \"" name "\"=") - 1, \
              (value))

static void put_named(attr_list *a, const char *first, const char *later, size_t len,
                      const char *value)
{
    if (!value)
        return;
    kg_put(a->w, a->is_first ? first : later, len);
    a->is_first = false;
    kg_write_dot_string(a->w, value);
}

/* Takes ownership of a malloc'd value; returns false when it is NULL
 * (out of memory). Empty values are left out. */
static bool put_owned(attr_list *a, const char *name, char *value)
{
    if (!value)
        return false;
    if (value[0])
        put(a, name, value);
    free(value);
    return true;
}

static void end_list(attr_list *a)
{
    if (a->is_first)
        KG_PUT_LIT(a->w, ";\n");
    else
        KG_PUT_LIT(a->w, "];\n");
}

static void put_style(attr_list *a, const kg_style *s)
{
    PUT_NAMED(a, "shape", s->shape);
    PUT_NAMED(a, "style", s->style);
    PUT_NAMED(a, "fillcolor", s->fillcolor);
    PUT_NAMED(a, "color", s->color);
    PUT_NAMED(a, "fontcolor", s->fontcolor);
    PUT_NAMED(a, "arrowhead", s->arrowhead);
    PUT_NAMED(a, "dir", s->dir);
}

static void put_dates(attr_list *a, kg_date start, kg_date end)
{
    char text[11];
    if (start.precision != KG_DATE_NONE)
        PUT_NAMED(a, "start", kg_date_format(start, text));
    if (end.precision != KG_DATE_NONE)
        PUT_NAMED(a, "end", kg_date_format(end, text));
}

static void put_free_attrs(attr_list *a, const kg_attr *attrs, uint32_t count)
{
    char name[256];
    for (uint32_t i = 0; i < count; i++)
        put(a, kg_export_attr_name(attrs[i].key, name, sizeof name), attrs[i].text);
}

/* The evidence JSON (kg_export_evidence_json) written straight into its
 * DOT string when every source and quote is plain ASCII for both languages
 * and the whole fits one DOT part: the same bytes, without building the
 * JSON in memory, copying it and escaping it again (about 5% of converting
 * a large data set). False, nothing written, otherwise. The lengths of the
 * first PLAIN_LENS sources and quotes are kept from the check. */
#define PLAIN_LENS 8
static bool put_plain_evidence(attr_list *a, const kg_evidence *ev, uint32_t count)
{
    size_t lens[2 * PLAIN_LENS];
    size_t total = 2; /* the JSON's length: [ ] and each {"source":"","quote":""}, */
    for (uint32_t i = 0; i < count; i++) {
        if (!ev[i].source || !ev[i].quote)
            return false;
        size_t source = kg_dot_json_plain_len(ev[i].source);
        size_t quote = source == SIZE_MAX ? SIZE_MAX : kg_dot_json_plain_len(ev[i].quote);
        if (quote == SIZE_MAX || quote >= KG_DOT_ONE_PART || source >= KG_DOT_ONE_PART)
            return false;
        total += source + quote + 25;
        if (i < PLAIN_LENS) {
            lens[2 * i] = source;
            lens[2 * i + 1] = quote;
        }
    }
    if (total >= KG_DOT_ONE_PART)
        return false;
    kg_writer *w = a->w;
    put_separator(a);
    KG_PUT_LIT(w, "\"evidence\"=\"[");
    for (uint32_t i = 0; i < count; i++) {
        bool is_kept = i < PLAIN_LENS;
        if (i)
            kg_putc(w, ',');
        KG_PUT_LIT(w, "{\\\"source\\\":\\\"");
        kg_put(w, ev[i].source, is_kept ? lens[2 * i] : strlen(ev[i].source));
        KG_PUT_LIT(w, "\\\",\\\"quote\\\":\\\"");
        kg_put(w, ev[i].quote, is_kept ? lens[2 * i + 1] : strlen(ev[i].quote));
        KG_PUT_LIT(w, "\\\"}");
    }
    KG_PUT_LIT(w, "]\"");
    if (count == 1 && lens[1]) {
        /* one plain, short quote is its own tooltip, as kg_write_dot_string
         * would copy it (put_evidence) */
        KG_PUT_LIT(w, ", \"tooltip\"=\"");
        kg_put(w, ev[0].quote, lens[1]);
        kg_putc(w, '"');
    }
    return true;
}

static bool put_evidence(attr_list *a, const kg_evidence *ev, uint32_t count)
{
    if (put_plain_evidence(a, ev, count))
        return count == 1 || put_owned(a, "tooltip", kg_export_quotes_text(ev, count));
    if (!put_owned(a, "evidence", kg_export_evidence_json(ev, count)))
        return false;
    if (count == 1 && ev[0].quote) {
        /* one quote is its own tooltip: no copy (2% of converting a large data set) */
        if (ev[0].quote[0])
            put(a, "tooltip", ev[0].quote);
        return true;
    }
    return put_owned(a, "tooltip", kg_export_quotes_text(ev, count));
}

static const kg_style *node_style(const kg_schema *schema, const kg_node *n)
{
    if (!schema || n->type_index == KG_SCHEMA_NOT_FOUND)
        return NULL;
    return &kg_schema_node_type(schema, n->type_index)->style;
}

static const kg_style *edge_style(const kg_schema *schema, const kg_edge *e)
{
    if (!schema || e->type_index == KG_SCHEMA_NOT_FOUND)
        return NULL;
    return &kg_schema_edge_type(schema, e->type_index)->style;
}

static bool write_node(kg_writer *w, const void *graph, size_t i)
{
    const kg_schema *schema = kg_graph_schema(graph);
    const kg_node *n = kg_graph_node(graph, i);
    KG_PUT_LIT(w, "  ");
    kg_write_dot_string(w, n->id);
    attr_list a = {w, true};
    PUT_NAMED(&a, "label", n->label);
    PUT_NAMED(&a, "type", n->type);
    const kg_style *style = node_style(schema, n);
    if (style)
        put_style(&a, style);
    PUT_NAMED(&a, "description", n->description);
    put_dates(&a, n->start, n->end);
    bool ok = n->alias_count == 0 || /* skip building an empty value */
              put_owned(&a, "aliases", kg_export_aliases_json(n));
    if (ok && n->evidence_count)
        ok = put_evidence(&a, n->evidence, n->evidence_count);
    put_free_attrs(&a, n->attrs, n->attr_count);
    end_list(&a);
    return ok;
}

static bool write_edge(kg_writer *w, const void *ctx, size_t i)
{
    const kg_id_table *ids = ctx;
    const kg_graph *g = ids->graph;
    const kg_edge *e = kg_graph_edge(g, i);
    const kg_style *style = edge_style(kg_graph_schema(g), e);
    KG_PUT_LIT(w, "  ");
    kg_put_node_id(w, ids, e->source);
    KG_PUT_LIT(w, " -> ");
    kg_put_node_id(w, ids, e->target);
    attr_list a = {w, true};
    PUT_NAMED(&a, "id", e->id);
    if (e->type && !a.is_first) {
        KG_PUT_LIT(w, ", \"label\"=");
        kg_written type = kg_put_escaped(w, kg_write_dot_string, e->type);
        KG_PUT_LIT(w, ", \"type\"=");
        kg_put_again(w, type, kg_write_dot_string, e->type);
    } else {
        PUT_NAMED(&a, "label", e->type);
        PUT_NAMED(&a, "type", e->type);
    }
    if (style) {
        put_style(&a, style);
        PUT_NAMED(&a, "fontcolor", style->color);
    }
    put_dates(&a, e->start, e->end);
    bool ok = e->evidence_count == 0 || put_evidence(&a, e->evidence, e->evidence_count);
    put_free_attrs(&a, e->attrs, e->attr_count);
    end_list(&a);
    return ok;
}

/* ---- legend ---------------------------------------------------------------
 * Only the types the graph uses, in schema order. Legend node names start
 * with a prefix no data node has, so they can never merge with real nodes. */

static void legend_node(kg_writer *w, const char *prefix, const char *kind,
                        const char *name, const char *label, const kg_style *style)
{
    char id[512];
    snprintf(id, sizeof id, "%s%s:%s", prefix, kind, name);
    KG_PUT_LIT(w, "    ");
    kg_write_dot_string(w, id);
    attr_list a = {w, true};
    PUT_NAMED(&a, "label", label);
    PUT_NAMED(&a, "kg_legend", "true");
    if (style)
        put_style(&a, style);
    else
        PUT_NAMED(&a, "shape", "point");
    end_list(&a);
}

/* The types g uses: node type i at [i], edge type j at [node_types + j]
 * (node_types, edge_types: the schema's counts); NULL when out of memory.
 * The caller frees it. */
static bool *used_types(const kg_graph *g, size_t *node_types, size_t *edge_types)
{
    const kg_schema *schema = kg_graph_schema(g);
    *node_types = kg_schema_node_type_count(schema);
    *edge_types = kg_schema_edge_type_count(schema);
    bool *used = calloc(*node_types + *edge_types + 1, sizeof *used);
    if (!used)
        return NULL;
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        size_t t = kg_graph_node(g, i)->type_index;
        if (t != KG_SCHEMA_NOT_FOUND)
            used[t] = true;
    }
    for (size_t i = 0; i < kg_graph_edge_count(g); i++) {
        size_t t = kg_graph_edge(g, i)->type_index;
        if (t != KG_SCHEMA_NOT_FOUND)
            used[*node_types + t] = true;
    }
    return used;
}

static void legend_edge(kg_writer *w, const char *prefix, const kg_edge_type *t)
{
    char from[512], to[512];
    legend_node(w, prefix, "from", t->name, "", NULL);
    legend_node(w, prefix, "to", t->name, "", NULL);
    snprintf(from, sizeof from, "%sfrom:%s", prefix, t->name);
    snprintf(to, sizeof to, "%sto:%s", prefix, t->name);
    KG_PUT_LIT(w, "    ");
    kg_write_dot_string(w, from);
    KG_PUT_LIT(w, " -> ");
    kg_write_dot_string(w, to);
    attr_list a = {w, true};
    PUT_NAMED(&a, "label", t->name);
    put_style(&a, &t->style);
    PUT_NAMED(&a, "fontcolor", t->style.color);
    end_list(&a);
}

static kg_status write_legend(kg_writer *w, const kg_graph *g)
{
    const kg_schema *schema = kg_graph_schema(g);
    size_t node_types, edge_types;
    bool *used = used_types(g, &node_types, &edge_types);
    if (!used)
        return KG_ENOMEM;
    char prefix[64];
    kg_export_own_prefix(g, "legend:", prefix, sizeof prefix);
    kg_writer_puts(w, "  subgraph \"cluster_legend\" {\n"
                      "    label=\"Legend\"; style=\"rounded\"; color=\"#999999\";"
                      " fontsize=\"12\";\n");
    for (size_t i = 0; i < node_types; i++) {
        const kg_node_type *t = kg_schema_node_type(schema, i);
        if (used[i])
            legend_node(w, prefix, "node", t->name, t->name, &t->style);
    }
    for (size_t i = 0; i < edge_types; i++)
        if (used[node_types + i])
            legend_edge(w, prefix, kg_schema_edge_type(schema, i));
    KG_PUT_LIT(w, "  }\n");
    free(used);
    return KG_OK;
}

/* Without legend nodes, the types' styles as graph attributes
 * ("kg_style:node:TYPE:FIELD"="value"), so kg convert can tell drawing
 * attributes derived from a type from the data's own; Graphviz ignores
 * attributes it does not know, and no reader counts them as nodes. */
static void style_attr(kg_writer *w, const char *kind, const char *type, const char *field,
                       const char *value)
{
    if (!value || !value[0])
        return;
    char name[512];
    snprintf(name, sizeof name, "kg_style:%s:%s:%s", kind, type, field);
    KG_PUT_LIT(w, "  ");
    kg_write_dot_string(w, name);
    kg_putc(w, '=');
    kg_write_dot_string(w, value);
    KG_PUT_LIT(w, ";\n");
}

static void style_attrs(kg_writer *w, const char *kind, const char *type, const kg_style *s)
{
    style_attr(w, kind, type, "shape", s->shape);
    style_attr(w, kind, type, "style", s->style);
    style_attr(w, kind, type, "fillcolor", s->fillcolor);
    style_attr(w, kind, type, "color", s->color);
    style_attr(w, kind, type, "fontcolor", s->fontcolor);
    style_attr(w, kind, type, "arrowhead", s->arrowhead);
    style_attr(w, kind, type, "dir", s->dir);
}

static kg_status write_type_styles(kg_writer *w, const kg_graph *g)
{
    const kg_schema *schema = kg_graph_schema(g);
    size_t node_types, edge_types;
    bool *used = used_types(g, &node_types, &edge_types);
    if (!used)
        return KG_ENOMEM;
    for (size_t i = 0; i < node_types; i++)
        if (used[i] && strlen(kg_schema_node_type(schema, i)->name) < 256)
            style_attrs(w, "node", kg_schema_node_type(schema, i)->name,
                        &kg_schema_node_type(schema, i)->style);
    for (size_t i = 0; i < edge_types; i++)
        if (used[node_types + i] && strlen(kg_schema_edge_type(schema, i)->name) < 256)
            style_attrs(w, "edge", kg_schema_edge_type(schema, i)->name,
                        &kg_schema_edge_type(schema, i)->style);
    free(used);
    return KG_OK;
}

/* ---- the whole file --------------------------------------------------- */

static void write_header(kg_writer *w, const kg_graph *g, const kg_export_options *o)
{
    KG_PUT_LIT(w, "digraph ");
    kg_write_dot_string(w, kg_graph_name(g)[0] ? kg_graph_name(g) : "kg");
    KG_PUT_LIT(w, " {\n  graph [charset=\"UTF-8\", rankdir=");
    kg_write_dot_string(w, o->rankdir ? o->rankdir : "LR");
    const char *title = kg_graph_title(g);
    if (title[0]) {
        KG_PUT_LIT(w, ", label=");
        kg_write_dot_string(w, title);
        KG_PUT_LIT(w, ", labelloc=\"t\"");
    }
    kg_writer_puts(w, ", fontname=\"Helvetica\", fontsize=\"16\","
                      " nodesep=\"0.15\", ranksep=\"0.5\", newrank=\"true\"];\n"
                      "  node [fontname=\"Helvetica\", fontsize=\"10\","
                      " margin=\"0.08,0.03\", height=\"0.3\"];\n"
                      "  edge [fontname=\"Helvetica\", fontsize=\"8\","
                      " arrowsize=\"0.6\"];\n");
}

kg_status kg_export_dot(const kg_graph *g, const kg_export_options *options,
                        kg_writer *w, kg_error *err)
{
    kg_export_options defaults = kg_export_defaults();
    const kg_export_options *o = options ? options : &defaults;
    write_header(w, g, o);
    bool ok = o->has_dot_legend || !kg_graph_schema(g) || write_type_styles(w, g) == KG_OK;
    kg_id_table ids;
    ok = kg_id_table_build(&ids, g, kg_write_dot_string) && ok;
    ok = ok && kg_export_nodes(w, g, write_node, g) &&
         kg_export_edges(w, g, &ids, write_edge, &ids);
    kg_id_table_free(&ids);
    if (ok && o->has_dot_legend && kg_graph_schema(g))
        ok = write_legend(w, g) == KG_OK;
    KG_PUT_LIT(w, "}\n");
    if (!ok)
        return kg_error_set(err, KG_ENOMEM, kg_writer_name(w), "out of memory while writing DOT");
    return kg_export_writer_error(w, err);
}
