/* export_cytoscape.c - Cytoscape elements JSON (.cyjs), which Cytoscape
 * desktop imports and Cytoscape.js takes as cy.add(json.elements), and the
 * matching Cytoscape.js style sheet (.style.json) made from the schema's
 * drawing styles, one rule per type ("node[type = \"agency\"]"). Two
 * formats rather than one, so each stays one file through one writer.
 *
 * Element data keeps kg's field names (aliases and evidence as arrays) and
 * adds the names Cytoscape desktop shows by default: "name" (the label) on
 * nodes and "interaction" (the type) on edges. Desktop reads a list of
 * objects as a list of empty strings, so the evidence is also written as
 * two text columns, "quote" and "evidence_source", one item a line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "writer_internal.h"

/* Free attributes; "name" and "interaction" are Cytoscape's own fields
 * here, so like kg's fields they get the attr_ prefix. */
static void attrs(kg_writer *w, const kg_attr *a, uint32_t count)
{
    char buf[256];
    for (uint32_t i = 0; i < count; i++) {
        const char *name = kg_export_attr_name(a[i].key, buf, sizeof buf);
        if (strcmp(a[i].key, "name") == 0 || strcmp(a[i].key, "interaction") == 0 ||
            strcmp(a[i].key, "evidence_source") == 0) {
            snprintf(buf, sizeof buf, "attr_%s", a[i].key);
            name = buf;
        }
        kg_writer_puts(w, ", ");
        kg_write_json_string(w, name);
        kg_writer_puts(w, ": ");
        if (a[i].kind == KG_VALUE_STRING)
            kg_write_json_string(w, a[i].text);
        else
            kg_put_str(w, a[i].text);
    }
}

/* The evidence as the structured array and as the two text columns;
 * false when out of memory. */
static bool evidence(kg_writer *w, const kg_evidence *ev, uint32_t count)
{
    if (count == 0)
        return true;
    kg_export_json_evidence(w, ev, count);
    char *quotes = kg_export_quotes_text(ev, count);
    char *sources = kg_export_evidence_sources_text(ev, count);
    if (quotes && sources) {
        kg_export_json_member(w, "quote", quotes);
        kg_export_json_member(w, "evidence_source", sources);
    }
    bool ok = quotes && sources;
    free(quotes);
    free(sources);
    return ok;
}

static bool write_node(kg_writer *w, const void *graph, size_t i)
{
    const kg_node *n = kg_graph_node(graph, i);
    kg_writer_puts(w, "      {\"data\": {\"id\": ");
    kg_write_json_string(w, n->id);
    kg_export_json_member(w, "name", n->label);
    kg_export_json_member(w, "label", n->label);
    kg_export_json_member(w, "type", n->type);
    kg_export_json_member(w, "description", n->description);
    kg_export_json_aliases(w, n);
    kg_export_json_dates(w, n->start, n->end);
    bool ok = evidence(w, n->evidence, n->evidence_count);
    attrs(w, n->attrs, n->attr_count);
    KG_PUT_LIT(w, "}}");
    kg_export_end_element(w, i, kg_graph_node_count(graph));
    return ok;
}

static bool write_edge(kg_writer *w, const void *ctx, size_t i)
{
    const kg_id_table *ids = ctx;
    const kg_graph *g = ids->graph;
    const kg_edge *e = kg_graph_edge(g, i);
    KG_PUT_LIT(w, "      {\"data\": {\"id\": ");
    kg_write_json_string(w, e->id);
    KG_PUT_LIT(w, ", \"source\": ");
    kg_put_node_id(w, ids, e->source);
    KG_PUT_LIT(w, ", \"target\": ");
    kg_put_node_id(w, ids, e->target);
    kg_export_json_member(w, "type", e->type);
    kg_export_json_member(w, "interaction", e->type);
    kg_export_json_dates(w, e->start, e->end);
    bool ok = evidence(w, e->evidence, e->evidence_count);
    attrs(w, e->attrs, e->attr_count);
    KG_PUT_LIT(w, "}}");
    kg_export_end_element(w, i, kg_graph_edge_count(g));
    return ok;
}

kg_status kg_export_cytoscape(const kg_graph *g, kg_writer *w, kg_error *err)
{
    kg_writer_puts(w, "{\n  \"format_version\": \"1.0\",\n  \"generated_by\": \"kg\",\n"
                      "  \"target_cytoscapejs_version\": \"~3\",\n  \"data\": {\"name\": ");
    kg_write_json_string(w, kg_graph_name(g));
    kg_export_json_member(w, "title", kg_graph_title(g));
    if (kg_graph_description(g)[0])
        kg_export_json_member(w, "description", kg_graph_description(g));
    kg_writer_puts(w, ", \"sources\": [");
    for (size_t i = 0; i < kg_graph_source_count(g); i++) {
        const kg_source *s = kg_graph_source(g, i);
        kg_writer_puts(w, i ? ", {\"id\": " : "{\"id\": ");
        kg_write_json_string(w, s->id);
        kg_export_json_member(w, "title", s->title);
        kg_export_json_member(w, "file", s->file);
        kg_export_json_member(w, "url", s->url);
        kg_export_json_member(w, "retrieved", s->retrieved);
        kg_writer_putc(w, '}');
    }
    kg_writer_puts(w, "]},\n  \"elements\": {\n    \"nodes\": [\n");
    kg_id_table ids;
    bool ok = kg_id_table_build(&ids, g, kg_write_json_string) &&
              kg_export_nodes(w, g, write_node, g);
    kg_writer_puts(w, "    ],\n    \"edges\": [\n");
    ok = ok && kg_export_edges(w, g, &ids, write_edge, &ids);
    kg_writer_puts(w, "    ]\n  }\n}\n");
    kg_id_table_free(&ids);
    if (!ok)
        return kg_error_set(err, KG_ENOMEM, kg_writer_name(w),
                            "out of memory while writing Cytoscape JSON");
    return kg_export_writer_error(w, err);
}

/* ---- the style sheet -------------------------------------------------- */

static const char *lookup(const char *const (*map)[2], const char *key)
{
    for (size_t i = 0; key && map[i][0]; i++)
        if (strcmp(key, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

static const char *node_shape(const kg_style *s)
{
    static const char *const map[][2] = {
        {"box", "rectangle"},      {"rect", "rectangle"},     {"rectangle", "rectangle"},
        {"square", "rectangle"},   {"box3d", "rectangle"},    {"folder", "rectangle"},
        {"component", "rectangle"}, {"tab", "rectangle"},     {"note", "cut-rectangle"},
        {"cds", "tag"},            {"ellipse", "ellipse"},    {"oval", "ellipse"},
        {"circle", "ellipse"},     {"egg", "ellipse"},        {"hexagon", "hexagon"},
        {"octagon", "octagon"},    {"diamond", "diamond"},    {"triangle", "triangle"},
        {"parallelogram", "rhomboid"}, {"pentagon", "pentagon"}, {"star", "star"},
        {NULL, NULL}};
    const char *shape = lookup(map, s->shape);
    if (shape && strcmp(shape, "rectangle") == 0 && kg_export_style_has(s->style, "rounded"))
        return "round-rectangle";
    return shape;
}

static const char *arrow_shape(const char *arrowhead)
{
    static const char *const map[][2] = {
        {"normal", "triangle"}, {"inv", "triangle"}, {"empty", "triangle"},
        {"dot", "circle"},      {"odot", "circle"},  {"diamond", "diamond"},
        {"odiamond", "diamond"}, {"tee", "tee"},     {"vee", "vee"},
        {"box", "square"},      {"obox", "square"},  {"none", "none"},
        {NULL, NULL}};
    return lookup(map, arrowhead);
}

/* A style object being written: "name": "value" pairs, comma-separated. */
typedef struct style_object {
    kg_writer *w;
    bool is_first;
} style_object;

static void property(style_object *o, const char *name, const char *value)
{
    if (!value)
        return;
    kg_writer *w = o->w;
    kg_writer_puts(w, o->is_first ? "" : ", ");
    o->is_first = false;
    kg_write_json_string(w, name);
    kg_writer_puts(w, ": ");
    kg_write_json_string(w, value);
}

/* {"selector": "KIND[type = \"NAME\"]", "style": { ... Type names are quoted for the selector (\ and " escaped) and the whole
 * selector then for JSON. */
static kg_status open_rule(kg_writer *w, const char *kind, const char *type)
{
    size_t len = strlen(type);
    char *selector = malloc(2 * len + 32);
    if (!selector)
        return KG_ENOMEM;
    char *p = selector + sprintf(selector, "%s[type = \"", kind);
    for (const char *c = type; *c; c++) {
        if (*c == '"' || *c == '\\')
            *p++ = '\\';
        *p++ = *c;
    }
    strcpy(p, "\"]");
    kg_writer_puts(w, ",\n  {\"selector\": ");
    kg_write_json_string(w, selector);
    kg_writer_puts(w, ", \"style\": {");
    free(selector);
    return KG_OK;
}

static kg_status node_rule(kg_writer *w, const kg_node_type *t)
{
    const kg_style *s = &t->style;
    if (open_rule(w, "node", t->name) != KG_OK)
        return KG_ENOMEM;
    style_object o = {w, true};
    bool is_filled = kg_export_style_has(s->style, "filled");
    property(&o, "shape", node_shape(s));
    property(&o, "background-color", is_filled && s->fillcolor ? s->fillcolor : NULL);
    property(&o, "border-color", s->color);
    property(&o, "color", s->fontcolor);
    if (kg_export_style_has(s->style, "dashed") || kg_export_style_has(s->style, "dotted"))
        property(&o, "border-style", kg_export_style_has(s->style, "dashed") ? "dashed" : "dotted");
    if (kg_export_style_has(s->style, "bold"))
        property(&o, "border-width", "3px");
    kg_writer_puts(w, "}}");
    return KG_OK;
}

static kg_status edge_rule(kg_writer *w, const kg_edge_type *t)
{
    const kg_style *s = &t->style;
    if (open_rule(w, "edge", t->name) != KG_OK)
        return KG_ENOMEM;
    style_object o = {w, true};
    property(&o, "line-color", s->color);
    property(&o, "target-arrow-color", s->color);
    property(&o, "source-arrow-color", s->color);
    property(&o, "color", s->color);
    if (kg_export_style_has(s->style, "dashed"))
        property(&o, "line-style", "dashed");
    else if (kg_export_style_has(s->style, "dotted"))
        property(&o, "line-style", "dotted");
    if (kg_export_style_has(s->style, "bold"))
        property(&o, "width", "3px");
    const char *arrow = arrow_shape(s->arrowhead);
    const char *dir = s->dir ? s->dir : "forward";
    bool has_target = strcmp(dir, "forward") == 0 || strcmp(dir, "both") == 0;
    bool has_source = strcmp(dir, "back") == 0 || strcmp(dir, "both") == 0;
    property(&o, "target-arrow-shape", has_target ? arrow : "none");
    property(&o, "source-arrow-shape", has_source ? (arrow ? arrow : "triangle") : NULL);
    kg_writer_puts(w, "}}");
    return KG_OK;
}

kg_status kg_export_cytoscape_style(const kg_graph *g, kg_writer *w, kg_error *err)
{
    kg_writer_puts(w,
        "[\n  {\"selector\": \"node\", \"style\": {\"label\": \"data(label)\","
        " \"text-valign\": \"bottom\", \"text-margin-y\": \"4px\", \"text-wrap\": \"wrap\","
        " \"text-max-width\": \"160px\", \"font-size\": \"10px\", \"shape\": \"ellipse\","
        " \"background-color\": \"#ffffff\", \"border-width\": \"1px\","
        " \"border-color\": \"#333333\"}},\n"
        "  {\"selector\": \"edge\", \"style\": {\"label\": \"data(type)\","
        " \"font-size\": \"8px\", \"text-rotation\": \"autorotate\","
        " \"curve-style\": \"bezier\", \"width\": \"1px\", \"line-color\": \"#666666\","
        " \"target-arrow-shape\": \"triangle\", \"target-arrow-color\": \"#666666\"}}");
    const kg_schema *schema = kg_graph_schema(g);
    kg_status status = KG_OK;
    for (size_t i = 0; status == KG_OK && i < kg_schema_node_type_count(schema); i++)
        status = node_rule(w, kg_schema_node_type(schema, i));
    for (size_t i = 0; status == KG_OK && i < kg_schema_edge_type_count(schema); i++)
        status = edge_rule(w, kg_schema_edge_type(schema, i));
    kg_writer_puts(w, ",\n  {\"selector\": \":selected\", \"style\": {\"border-width\": \"3px\","
                      " \"line-color\": \"#ff8800\", \"border-color\": \"#ff8800\"}}\n]\n");
    if (status != KG_OK)
        return kg_error_set(err, status, kg_writer_name(w),
                            "out of memory while writing the Cytoscape style");
    return kg_export_writer_error(w, err);
}
