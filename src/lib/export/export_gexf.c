/* export_gexf.c - GEXF 1.3 for Gephi. kg's fields and the free attributes
 * are declared in <attributes class="node|edge"> with their types, so Gephi
 * shows them as typed columns. The graph is mode="dynamic" with
 * timeformat="date": a dated node or edge carries start/end XML attributes
 * at day precision (a year or month widened to its first and last day), so
 * Gephi's timeline filters by them; the dates as the data set gives them
 * stay in the `start` and `end` columns. Parallel edges get kind="TYPE"
 * (GEXF 1.3's multigraph key) and unique ids; colours and shapes come from
 * the schema styles as viz: elements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"

static const char *const node_fields[] = {"type", "description", "aliases", "start",
                                          "end", "evidence", "quote", NULL};
static const char *const edge_fields[] = {"type", "start", "end", "evidence", "quote", NULL};

static const char *gexf_type(kg_value_kind kind)
{
    switch (kind) {
    case KG_VALUE_INTEGER: return "long";
    case KG_VALUE_REAL: return "double";
    case KG_VALUE_BOOLEAN: return "boolean";
    default: return "string";
    }
}

static void declare(kg_writer *w, const char *id, const char *title, const char *type)
{
    kg_writer_printf(w, "      <attribute id=\"%s\" title=\"", id);
    kg_write_xml_text(w, title);
    kg_writer_printf(w, "\" type=\"%s\"/>\n", type);
}

static void declare_class(kg_writer *w, const char *cls, const char *const *fields,
                          const kg_attr_keys *keys)
{
    char id[32], name[256];
    kg_writer_printf(w, "    <attributes class=\"%s\">\n", cls);
    for (const char *const *f = fields; *f; f++)
        declare(w, *f, *f, "string");
    for (size_t i = 0; i < keys->count; i++) {
        snprintf(id, sizeof id, "attr%zu", i);
        declare(w, id, kg_export_attr_name(keys->keys[i].name, name, sizeof name),
                gexf_type(keys->keys[i].kind));
    }
    kg_writer_puts(w, "    </attributes>\n");
}

/* <attvalue for="ID" value="..."/>; nothing for NULL or "". */
static void value(kg_writer *w, const char *id, const char *text)
{
    if (!text || !text[0])
        return;
    KG_PUT_LIT(w, "          <attvalue for=\""); /* not printf: this runs per value */
    kg_writer_puts(w, id);
    KG_PUT_LIT(w, "\" value=\"");
    kg_write_xml_text(w, text);
    KG_PUT_LIT(w, "\"/>\n");
}

static bool value_owned(kg_writer *w, const char *id, char *text)
{
    if (!text)
        return false;
    value(w, id, text);
    free(text);
    return true;
}

static bool common_values(kg_writer *w, const kg_attr_keys *keys, kg_date start, kg_date end,
                          const kg_evidence *ev, uint32_t ev_count, const kg_attr *attrs,
                          uint32_t attr_count)
{
    char text[11], id[32];
    value(w, "start", kg_date_format(start, text));
    value(w, "end", kg_date_format(end, text));
    bool ok = ev_count == 0 || /* empty values are left out: not built at all */
              (value_owned(w, "evidence", kg_export_evidence_json(ev, ev_count)) &&
               value_owned(w, "quote", kg_export_quotes_text(ev, ev_count)));
    for (uint32_t i = 0; i < attr_count; i++) {
        snprintf(id, sizeof id, "attr%zu", kg_export_find_key(keys, attrs[i].key));
        value(w, id, attrs[i].text);
    }
    kg_writer_puts(w, "        </attvalues>\n");
    return ok;
}

/* start="YYYY-MM-DD" end="YYYY-MM-DD": the first day of the start and the
 * last day of the end; an open end is left out. */
static void put_day(kg_writer *w, int32_t yyyymmdd)
{
    kg_date day = {.year = (int16_t)(yyyymmdd / 10000), .month = (uint8_t)(yyyymmdd / 100 % 100),
                   .day = (uint8_t)(yyyymmdd % 100), .precision = KG_DATE_DAY};
    char text[11];
    kg_writer_puts(w, kg_date_format(day, text));
}

static void interval(kg_writer *w, kg_date start, kg_date end)
{
    int32_t first = kg_date_first_day(start), last = kg_date_last_day(end);
    if (first) {
        KG_PUT_LIT(w, " start=\"");
        put_day(w, first);
        kg_putc(w, '"');
    }
    if (last) {
        KG_PUT_LIT(w, " end=\"");
        put_day(w, last);
        kg_putc(w, '"');
    }
}

static void viz_color(kg_writer *w, const char *color)
{
    unsigned char c[4];
    if (!kg_export_parse_color(color, c))
        return;
    kg_writer_printf(w, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"", c[0], c[1], c[2]);
    if (c[3] != 255)
        kg_writer_printf(w, " a=\"%.3f\"", c[3] / 255.0);
    kg_writer_puts(w, "/>\n");
}

/* Gephi's node shapes are disc, square, triangle and diamond. */
static const char *node_shape(const char *shape)
{
    static const char *const map[][2] = {
        {"box", "square"},      {"rect", "square"},      {"rectangle", "square"},
        {"square", "square"},   {"box3d", "square"},     {"note", "square"},
        {"folder", "square"},   {"component", "square"}, {"tab", "square"},
        {"ellipse", "disc"},    {"oval", "disc"},        {"circle", "disc"},
        {"egg", "disc"},        {"point", "disc"},       {"doublecircle", "disc"},
        {"triangle", "triangle"}, {"diamond", "diamond"}, {NULL, NULL}};
    for (size_t i = 0; shape && map[i][0]; i++)
        if (strcmp(shape, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

/* What node and edge writers need: the record writers' context. */
typedef struct gexf_ctx {
    const kg_id_table *ids; /* and the graph */
    const kg_attr_keys *node_keys;
    const kg_attr_keys *edge_keys;
} gexf_ctx;

static bool write_node(kg_writer *w, const void *ctx, size_t i)
{
    const gexf_ctx *c = ctx;
    const kg_graph *g = c->ids->graph;
    const kg_attr_keys *keys = c->node_keys;
    const kg_node *n = kg_graph_node(g, i);
    kg_writer_puts(w, "      <node id=\"");
    kg_write_xml_text(w, n->id);
    kg_writer_puts(w, "\" label=\"");
    kg_write_xml_text(w, n->label);
    kg_writer_putc(w, '"');
    interval(w, n->start, n->end);
    kg_writer_puts(w, ">\n        <attvalues>\n");
    value(w, "type", n->type);
    value(w, "description", n->description);
    bool ok = value_owned(w, "aliases", kg_export_aliases_json(n));
    ok = common_values(w, keys, n->start, n->end, n->evidence, n->evidence_count, n->attrs,
                       n->attr_count) && ok;
    const kg_style *style = kg_export_node_style(g, n);
    if (style) {
        viz_color(w, style->fillcolor ? style->fillcolor : style->color);
        const char *shape = node_shape(style->shape);
        if (shape)
            kg_writer_printf(w, "        <viz:shape value=\"%s\"/>\n", shape);
    }
    kg_writer_puts(w, "      </node>\n");
    return ok;
}

static bool write_edge(kg_writer *w, const void *ctx, size_t i)
{
    const gexf_ctx *c = ctx;
    const kg_graph *g = c->ids->graph;
    const kg_attr_keys *keys = c->edge_keys;
    const kg_edge *e = kg_graph_edge(g, i);
    kg_writer_puts(w, "      <edge id=\"");
    kg_write_xml_text(w, e->id);
    kg_writer_puts(w, "\" source=\"");
    kg_put_node_id(w, c->ids, e->source);
    kg_writer_puts(w, "\" target=\"");
    kg_put_node_id(w, c->ids, e->target);
    kg_writer_puts(w, "\" label=\"");
    kg_write_xml_text(w, e->type);
    kg_writer_puts(w, "\" kind=\"");
    kg_write_xml_text(w, e->type);
    kg_writer_putc(w, '"');
    interval(w, e->start, e->end);
    kg_writer_puts(w, ">\n        <attvalues>\n");
    value(w, "type", e->type);
    bool ok = common_values(w, keys, e->start, e->end, e->evidence, e->evidence_count,
                            e->attrs, e->attr_count);
    const kg_style *style = kg_export_edge_style(g, e);
    if (style) {
        viz_color(w, style->color);
        if (kg_export_style_has(style->style, "dashed"))
            kg_writer_puts(w, "        <viz:shape value=\"dashed\"/>\n");
        else if (kg_export_style_has(style->style, "dotted"))
            kg_writer_puts(w, "        <viz:shape value=\"dotted\"/>\n");
        if (kg_export_style_has(style->style, "bold"))
            kg_writer_puts(w, "        <viz:thickness value=\"2.0\"/>\n");
    }
    kg_writer_puts(w, "      </edge>\n");
    return ok;
}

/* GEXF 1.3's <meta> allows one <description> and has no title element, so
 * the title and the description share it, a blank line between them. */
static void write_meta(kg_writer *w, const kg_graph *g)
{
    kg_writer_puts(w, "  <meta>\n    <creator>kg</creator>\n");
    const char *title = kg_graph_title(g), *description = kg_graph_description(g);
    if (title[0] || description[0]) {
        kg_writer_puts(w, "    <description>");
        kg_write_xml_text(w, title);
        if (title[0] && description[0])
            kg_writer_puts(w, "\n\n");
        kg_write_xml_text(w, description);
        kg_writer_puts(w, "</description>\n");
    }
    kg_writer_puts(w, "  </meta>\n");
}

kg_status kg_export_gexf(const kg_graph *g, kg_writer *w, kg_error *err)
{
    kg_attr_keys nodes = {0}, edges = {0};
    kg_id_table ids = {g, NULL, NULL, 0};
    bool ok = kg_export_collect_keys(g, true, NULL, &nodes) == KG_OK &&
              kg_export_collect_keys(g, false, NULL, &edges) == KG_OK &&
              kg_id_table_build(&ids, g, kg_write_xml_text);
    gexf_ctx ctx = {&ids, &nodes, &edges};
    if (ok) {
        /* No xsi:schemaLocation: the 1.3 RELAX NG schema allows no foreign
         * attribute on <gexf>. */
        kg_writer_puts(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<gexf xmlns=\"http://gexf.net/1.3\""
                          " xmlns:viz=\"http://gexf.net/1.3/viz\""
                          " version=\"1.3\">\n");
        write_meta(w, g);
        kg_writer_puts(w, "  <graph mode=\"dynamic\" timeformat=\"date\""
                          " defaultedgetype=\"directed\">\n");
        declare_class(w, "node", node_fields, &nodes);
        declare_class(w, "edge", edge_fields, &edges);
        kg_writer_printf(w, "    <nodes count=\"%zu\">\n", kg_graph_node_count(g));
        ok = kg_export_nodes(w, g, write_node, &ctx);
        kg_writer_printf(w, "    </nodes>\n    <edges count=\"%zu\">\n", kg_graph_edge_count(g));
        ok = ok && kg_export_edges(w, g, &ids, write_edge, &ctx);
        kg_writer_puts(w, "    </edges>\n  </graph>\n</gexf>\n");
    }
    kg_export_keys_free(&nodes);
    kg_export_keys_free(&edges);
    kg_id_table_free(&ids);
    if (!ok)
        return kg_error_set(err, KG_ENOMEM, kg_writer_name(w), "out of memory while writing GEXF");
    return kg_export_writer_error(w, err);
}
