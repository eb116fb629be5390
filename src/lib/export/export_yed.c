/* export_yed.c - GraphML for yEd: exactly the plain GraphML writer's keys
 * and data (export_graphml.c, through its hooks), plus one yFiles
 * "nodegraphics" and one "edgegraphics" value per element, because yEd
 * draws only what those hold: a y:ShapeNode with the label, fill, border and
 * shape of the node's type, and a y:PolyLineEdge with the line style,
 * colour, arrows and the edge type as its label. yEd does not size nodes to
 * their labels, so the width is estimated from the label; nodes start on a
 * grid, ready for one of yEd's layouts. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export_internal.h"

static const char *lookup(const char *const (*map)[2], const char *key, const char *fallback)
{
    for (size_t i = 0; key && map[i][0]; i++)
        if (strcmp(key, map[i][0]) == 0)
            return map[i][1];
    return fallback;
}

/* #RRGGBB as yEd writes colours, or fallback when not understood. */
static void put_color(kg_writer *w, const char *color, const char *fallback)
{
    unsigned char c[4];
    if (kg_export_parse_color(color, c))
        kg_writer_printf(w, "#%02X%02X%02X", c[0], c[1], c[2]);
    else
        kg_writer_puts(w, fallback);
}

static const char *line_type(const char *style)
{
    if (kg_export_style_has(style, "dashed"))
        return "dashed";
    return kg_export_style_has(style, "dotted") ? "dotted" : "line";
}

static const char *shape_type(const kg_style *s)
{
    static const char *const map[][2] = {
        {"box", "rectangle"},     {"rect", "rectangle"},       {"rectangle", "rectangle"},
        {"square", "rectangle"},  {"note", "rectangle"},       {"folder", "rectangle"},
        {"tab", "rectangle"},     {"component", "rectangle"},  {"cds", "rectangle"},
        {"box3d", "rectangle3d"}, {"ellipse", "ellipse"},      {"oval", "ellipse"},
        {"circle", "ellipse"},    {"egg", "ellipse"},          {"hexagon", "hexagon"},
        {"octagon", "octagon"},   {"diamond", "diamond"},      {"triangle", "triangle"},
        {"parallelogram", "parallelogram"}, {"trapezium", "trapezoid"}, {NULL, NULL}};
    const char *shape = lookup(map, s ? s->shape : NULL, "ellipse");
    if (strcmp(shape, "rectangle") == 0 && s && kg_export_style_has(s->style, "rounded"))
        return "roundrectangle";
    return shape;
}

/* Lines and the longest line's length in code points. */
static void label_extent(const char *label, size_t *lines, size_t *longest)
{
    size_t current = 0;
    *lines = 1, *longest = 0;
    for (const unsigned char *p = (const unsigned char *)label; *p; p++) {
        if (*p == '\n') {
            (*lines)++;
            current = 0;
        } else if ((*p & 0xC0) != 0x80 && ++current > *longest) {
            *longest = current;
        }
    }
}

static void node_graphics(kg_writer *w, const kg_graph *g, const kg_node *n)
{
    const kg_style *s = kg_export_node_style(g, n);
    size_t lines, longest;
    label_extent(n->label, &lines, &longest);
    double width = fmin(fmax(7.0 * (double)longest + 20.0, 60.0), 400.0);
    double height = 16.0 * (double)lines + 14.0;
    size_t count = kg_graph_node_count(g), i = kg_graph_find_node(g, n->id);
    size_t columns = (size_t)ceil(sqrt((double)count));
    kg_writer_puts(w, "      <data key=\"node_graphics\">\n        <y:ShapeNode>\n");
    kg_writer_printf(w, "          <y:Geometry x=\"%zu.0\" y=\"%zu.0\" width=\"%.1f\" height=\"%.1f\"/>\n",
                     i % columns * 260, i / columns * 100, width, height);
    bool is_filled = s && kg_export_style_has(s->style, "filled");
    kg_writer_puts(w, "          <y:Fill color=\"");
    put_color(w, is_filled ? s->fillcolor : NULL, "#FFFFFF");
    kg_writer_puts(w, "\" transparent=\"false\"/>\n          <y:BorderStyle color=\"");
    put_color(w, s ? s->color : NULL, "#000000");
    kg_writer_printf(w, "\" type=\"%s\" width=\"%s\"/>\n", line_type(s ? s->style : NULL),
                     s && kg_export_style_has(s->style, "bold") ? "2.0" : "1.0");
    kg_writer_puts(w, "          <y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\""
                      " fontSize=\"12\" modelName=\"internal\" modelPosition=\"c\" textColor=\"");
    put_color(w, s ? s->fontcolor : NULL, "#000000");
    kg_writer_puts(w, "\">");
    kg_write_xml_text(w, n->label);
    kg_writer_printf(w, "</y:NodeLabel>\n          <y:Shape type=\"%s\"/>\n"
                        "        </y:ShapeNode>\n      </data>\n", shape_type(s));
}

static const char *arrow_type(const char *arrowhead)
{
    static const char *const map[][2] = {
        {"normal", "standard"}, {"inv", "standard"},          {"empty", "white_delta"},
        {"diamond", "diamond"}, {"odiamond", "white_diamond"}, {"dot", "circle"},
        {"odot", "transparent_circle"}, {"tee", "t_shape"},  {"vee", "plain"},
        {"none", "none"},       {NULL, NULL}};
    return lookup(map, arrowhead, "standard");
}

static void edge_graphics(kg_writer *w, const kg_graph *g, const kg_edge *e)
{
    const kg_style *s = kg_export_edge_style(g, e);
    const char *dir = s && s->dir ? s->dir : "forward";
    const char *arrow = arrow_type(s ? s->arrowhead : NULL);
    bool has_target = strcmp(dir, "forward") == 0 || strcmp(dir, "both") == 0;
    bool has_source = strcmp(dir, "back") == 0 || strcmp(dir, "both") == 0;
    kg_writer_puts(w, "      <data key=\"edge_graphics\">\n        <y:PolyLineEdge>\n"
                      "          <y:LineStyle color=\"");
    put_color(w, s ? s->color : NULL, "#000000");
    kg_writer_printf(w, "\" type=\"%s\" width=\"%s\"/>\n", line_type(s ? s->style : NULL),
                     s && kg_export_style_has(s->style, "bold") ? "2.0" : "1.0");
    kg_writer_printf(w, "          <y:Arrows source=\"%s\" target=\"%s\"/>\n",
                     has_source ? arrow : "none", has_target ? arrow : "none");
    kg_writer_puts(w, "          <y:EdgeLabel fontSize=\"10\" textColor=\"");
    put_color(w, s ? s->color : NULL, "#000000");
    kg_writer_puts(w, "\">");
    kg_write_xml_text(w, e->type);
    kg_writer_puts(w, "</y:EdgeLabel>\n          <y:BendStyle smoothed=\"false\"/>\n"
                      "        </y:PolyLineEdge>\n      </data>\n");
}

static void declare_graphics_keys(kg_writer *w)
{
    kg_writer_puts(w, "  <key id=\"node_graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
                      "  <key id=\"edge_graphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n");
}

kg_status kg_export_yed(const kg_graph *g, kg_writer *w, kg_error *err)
{
    static const kg_graphml_extras yed = {
        .header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                  "    xmlns:y=\"http://www.yworks.com/xml/graphml\"\n"
                  "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                  "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                  "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n",
        .declare_keys = declare_graphics_keys,
        .node_data = node_graphics,
        .edge_data = edge_graphics,
    };
    return kg_graphml_write(g, &yed, w, err);
}
