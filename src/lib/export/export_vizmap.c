/* export_vizmap.c - the schema's drawing styles as a Cytoscape desktop style
 * (File > Import > Styles from File: its "vizmap" XML), for the .cyjs file;
 * Cytoscape desktop has no reader for Cytoscape.js style sheets. Each
 * visual property has a default and a discrete mapping from the "type"
 * column to the value of each type that sets one; labels and tooltips pass
 * the "label"/"interaction" and "quote" columns through. */
#include <stdio.h>
#include <string.h>

#include "export_internal.h"

/* A value for one type's style, written into buf (at least 16 bytes) or
 * returned as a constant; NULL when the type sets none. */
typedef const char *(*style_value)(const kg_style *s, char *buf);

static const char *lookup(const char *const (*map)[2], const char *key)
{
    for (size_t i = 0; key && map[i][0]; i++)
        if (strcmp(key, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

static const char *hex_color(const char *color, char *buf)
{
    unsigned char rgba[4];
    if (!kg_export_parse_color(color, rgba))
        return NULL;
    snprintf(buf, 16, "#%02X%02X%02X", rgba[0], rgba[1], rgba[2]);
    return buf;
}

static const char *node_shape(const kg_style *s, char *buf)
{
    static const char *const map[][2] = {
        {"box", "RECTANGLE"},      {"rect", "RECTANGLE"},      {"rectangle", "RECTANGLE"},
        {"square", "RECTANGLE"},   {"box3d", "RECTANGLE"},     {"folder", "RECTANGLE"},
        {"component", "RECTANGLE"}, {"tab", "RECTANGLE"},      {"note", "RECTANGLE"},
        {"cds", "RECTANGLE"},      {"ellipse", "ELLIPSE"},     {"oval", "ELLIPSE"},
        {"circle", "ELLIPSE"},     {"egg", "ELLIPSE"},         {"hexagon", "HEXAGON"},
        {"octagon", "OCTAGON"},    {"diamond", "DIAMOND"},     {"triangle", "TRIANGLE"},
        {"parallelogram", "PARALLELOGRAM"}, {NULL, NULL}};
    (void)buf;
    const char *shape = lookup(map, s->shape);
    if (shape && strcmp(shape, "RECTANGLE") == 0 && kg_export_style_has(s->style, "rounded"))
        return "ROUND_RECTANGLE";
    return shape;
}

static const char *fill_color(const kg_style *s, char *buf)
{
    return kg_export_style_has(s->style, "filled") ? hex_color(s->fillcolor, buf) : NULL;
}

static const char *line_color(const kg_style *s, char *buf)
{
    return hex_color(s->color, buf);
}

static const char *font_color(const kg_style *s, char *buf)
{
    return hex_color(s->fontcolor, buf);
}

static const char *line_type(const kg_style *s, char *buf)
{
    (void)buf;
    if (kg_export_style_has(s->style, "dashed"))
        return "EQUAL_DASH";
    return kg_export_style_has(s->style, "dotted") ? "DOT" : NULL;
}

static const char *border_width(const kg_style *s, char *buf)
{
    (void)buf;
    return kg_export_style_has(s->style, "bold") ? "3.0" : NULL;
}

static const char *arrow(const char *arrowhead)
{
    static const char *const map[][2] = {
        {"normal", "DELTA"},     {"inv", "DELTA"},    {"empty", "DELTA"},
        {"dot", "CIRCLE"},       {"odot", "CIRCLE"},  {"diamond", "DIAMOND"},
        {"odiamond", "DIAMOND"}, {"tee", "T"},        {"vee", "ARROW"},
        {"box", "SQUARE"},       {"obox", "SQUARE"},  {"none", "NONE"},
        {NULL, NULL}};
    return lookup(map, arrowhead);
}

/* Graphviz draws the head at the target for dir forward (the default) and
 * both, at the source for back and both. */
static const char *target_arrow(const kg_style *s, char *buf)
{
    (void)buf;
    const char *dir = s->dir ? s->dir : "forward";
    if (strcmp(dir, "forward") != 0 && strcmp(dir, "both") != 0)
        return "NONE";
    return arrow(s->arrowhead);
}

static const char *source_arrow(const kg_style *s, char *buf)
{
    (void)buf;
    const char *dir = s->dir ? s->dir : "forward";
    if (strcmp(dir, "back") != 0 && strcmp(dir, "both") != 0)
        return NULL;
    const char *shape = arrow(s->arrowhead);
    return shape ? shape : "DELTA";
}

static const kg_style *type_style(const kg_schema *schema, bool for_nodes, size_t i,
                                  const char **name)
{
    if (for_nodes) {
        const kg_node_type *t = kg_schema_node_type(schema, i);
        *name = t->name;
        return &t->style;
    }
    const kg_edge_type *t = kg_schema_edge_type(schema, i);
    *name = t->name;
    return &t->style;
}

/* <visualProperty name= default=> with a discrete mapping on "type" when
 * any type sets a value (the schema forbids an empty mapping). */
static void mapped(kg_writer *w, const kg_schema *schema, bool for_nodes, const char *property,
                   const char *fallback, style_value value)
{
    size_t count = !schema ? 0
                   : for_nodes ? kg_schema_node_type_count(schema)
                               : kg_schema_edge_type_count(schema);
    kg_writer_printf(w, "      <visualProperty name=\"%s\" default=\"%s\"", property, fallback);
    bool is_open = false;
    for (size_t i = 0; i < count; i++) {
        const char *name;
        char buf[16];
        const char *v = value(type_style(schema, for_nodes, i, &name), buf);
        if (!v)
            continue;
        if (!is_open)
            kg_writer_puts(w, ">\n        <discreteMapping attributeName=\"type\""
                              " attributeType=\"string\">\n");
        is_open = true;
        kg_writer_puts(w, "          <discreteMappingEntry attributeValue=\"");
        kg_write_xml_text(w, name);
        kg_writer_printf(w, "\" value=\"%s\"/>\n", v);
    }
    kg_writer_puts(w, is_open ? "        </discreteMapping>\n      </visualProperty>\n" : "/>\n");
}

static void passthrough(kg_writer *w, const char *property, const char *column)
{
    kg_writer_printf(w,
                     "      <visualProperty name=\"%s\" default=\"\">\n"
                     "        <passthroughMapping attributeName=\"%s\""
                     " attributeType=\"string\"/>\n      </visualProperty>\n",
                     property, column);
}

/* The style's name: "kg" and the graph's name, bytes other than letters,
 * digits, '-', '.' and '_' as '_' (the vizmap schema types it NCName). */
static void style_name(kg_writer *w, const char *graph_name)
{
    kg_writer_puts(w, graph_name[0] ? "kg_" : "kg");
    for (const char *c = graph_name; *c; c++) {
        bool is_safe = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                       (*c >= '0' && *c <= '9') || *c == '-' || *c == '.' || *c == '_';
        kg_writer_putc(w, is_safe ? *c : '_');
    }
}

kg_status kg_export_cytoscape_vizmap(const kg_graph *g, kg_writer *w, kg_error *err)
{
    const kg_schema *schema = kg_graph_schema(g);
    kg_writer_puts(w, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                      "<vizmap id=\"kg\" documentVersion=\"3.1\">\n  <visualStyle name=\"");
    style_name(w, kg_graph_name(g));
    kg_writer_puts(w, "\">\n    <network>\n"
                      "      <visualProperty name=\"NETWORK_BACKGROUND_PAINT\""
                      " default=\"#FFFFFF\"/>\n    </network>\n    <node>\n"
                      "      <dependency name=\"nodeSizeLocked\" value=\"false\"/>\n"
                      "      <visualProperty name=\"NODE_WIDTH\" default=\"90.0\"/>\n"
                      "      <visualProperty name=\"NODE_HEIGHT\" default=\"30.0\"/>\n"
                      "      <visualProperty name=\"NODE_LABEL_FONT_SIZE\" default=\"10\"/>\n");
    passthrough(w, "NODE_LABEL", "label");
    passthrough(w, "NODE_TOOLTIP", "quote");
    mapped(w, schema, true, "NODE_SHAPE", "ELLIPSE", node_shape);
    mapped(w, schema, true, "NODE_FILL_COLOR", "#FFFFFF", fill_color);
    mapped(w, schema, true, "NODE_BORDER_PAINT", "#333333", line_color);
    mapped(w, schema, true, "NODE_BORDER_STROKE", "SOLID", line_type);
    mapped(w, schema, true, "NODE_BORDER_WIDTH", "1.0", border_width);
    mapped(w, schema, true, "NODE_LABEL_COLOR", "#000000", font_color);
    kg_writer_puts(w, "    </node>\n    <edge>\n"
                      "      <dependency name=\"arrowColorMatchesEdge\" value=\"true\"/>\n"
                      "      <visualProperty name=\"EDGE_LABEL_FONT_SIZE\" default=\"8\"/>\n");
    passthrough(w, "EDGE_LABEL", "interaction");
    passthrough(w, "EDGE_TOOLTIP", "quote");
    mapped(w, schema, false, "EDGE_STROKE_UNSELECTED_PAINT", "#666666", line_color);
    mapped(w, schema, false, "EDGE_LABEL_COLOR", "#666666", line_color);
    mapped(w, schema, false, "EDGE_LINE_TYPE", "SOLID", line_type);
    mapped(w, schema, false, "EDGE_WIDTH", "1.0", border_width);
    mapped(w, schema, false, "EDGE_TARGET_ARROW_SHAPE", "DELTA", target_arrow);
    mapped(w, schema, false, "EDGE_SOURCE_ARROW_SHAPE", "NONE", source_arrow);
    kg_writer_puts(w, "    </edge>\n  </visualStyle>\n</vizmap>\n");
    return kg_export_writer_error(w, err);
}
