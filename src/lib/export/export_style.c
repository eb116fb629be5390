/* export_style.c - the schema's Graphviz drawing styles as the exporters
 * for other tools need them: the style of an element's type, Graphviz
 * colours as RGB(A) numbers, and words of a style list. GEXF, Cytoscape and
 * yEd translate these into their own vocabularies. */
#include <string.h>

#include "export_internal.h"

const kg_style *kg_export_node_style(const kg_graph *g, const kg_node *n)
{
    const kg_schema *schema = kg_graph_schema(g);
    if (!schema || n->type_index == KG_SCHEMA_NOT_FOUND)
        return NULL;
    return &kg_schema_node_type(schema, n->type_index)->style;
}

const kg_style *kg_export_edge_style(const kg_graph *g, const kg_edge *e)
{
    const kg_schema *schema = kg_graph_schema(g);
    if (!schema || e->type_index == KG_SCHEMA_NOT_FOUND)
        return NULL;
    return &kg_schema_edge_type(schema, e->type_index)->style;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* A few X11 names a schema is likely to use; others are not translated. */
static const struct {
    const char *name;
    unsigned char rgb[3];
} named_colors[] = {
    {"black", {0, 0, 0}},       {"white", {255, 255, 255}}, {"red", {255, 0, 0}},
    {"green", {0, 255, 0}},     {"blue", {0, 0, 255}},      {"yellow", {255, 255, 0}},
    {"orange", {255, 165, 0}},  {"gray", {192, 192, 192}},  {"grey", {192, 192, 192}},
    {"purple", {160, 32, 240}}, {"brown", {165, 42, 42}},   {"pink", {255, 192, 203}},
};

bool kg_export_parse_color(const char *color, unsigned char rgba[4])
{
    if (!color)
        return false;
    rgba[3] = 255;
    size_t len = strlen(color);
    if (color[0] == '#' && (len == 4 || len == 7 || len == 9)) {
        int digits[8];
        for (size_t i = 1; i < len; i++)
            if ((digits[i - 1] = hex_digit(color[i])) < 0)
                return false;
        if (len == 4) {
            for (int i = 0; i < 3; i++)
                rgba[i] = (unsigned char)(digits[i] * 17);
            return true;
        }
        for (size_t i = 0; i < (len - 1) / 2; i++)
            rgba[i] = (unsigned char)(digits[2 * i] * 16 + digits[2 * i + 1]);
        return true;
    }
    for (size_t i = 0; i < sizeof named_colors / sizeof named_colors[0]; i++) {
        if (strcmp(color, named_colors[i].name) == 0) {
            memcpy(rgba, named_colors[i].rgb, 3);
            return true;
        }
    }
    return false;
}

bool kg_export_style_has(const char *style, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = style; p && *p;) {
        while (*p == ',' || *p == ' ')
            p++;
        size_t len = strcspn(p, ", ");
        if (len == n && strncmp(p, word, n) == 0)
            return true;
        p += len;
    }
    return false;
}
