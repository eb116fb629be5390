/* export_html_layout.c - where the viewer draws each entity, computed when
 * the page is written: Graphviz's sfdp (through gvc, the process's one
 * context) on boxes the size the page will draw, seeded, with overlaps
 * removed, so the page opens at once on a fixed picture instead of laying
 * the graph out in the browser. Not thread-safe: Graphviz is not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export_html_layout.h"
#include "graphviz_context.h"
#include "internal.h"

/* What the page draws (src/viewer/styles.js): a 12 px label cut after
 * KG_VIEWER_LABEL_MAX characters and wrapped at 150 px, 6 px padding.
 * Text width is estimated at 7 px a character (a little wide for most
 * sans-serif faces, so the boxes given to Graphviz hold the real ones). */
#define CHAR_PX 7.0
#define WRAP_PX 150.0
#define LINE_PX 14.4
#define PAD_PX 6.0
/* Above this many entities, overlaps are left in place. */
#define KG_VIEWER_LARGE 2000

static char graphviz_message[256];

static int catch_graphviz_message(char *text)
{
    snprintf(graphviz_message, sizeof graphviz_message, "%s", text);
    size_t len = strlen(graphviz_message);
    while (len > 0 && (graphviz_message[len - 1] == '\n' || graphviz_message[len - 1] == ' '))
        graphviz_message[--len] = '\0';
    return 0;
}

/* Characters (code points) in s, counting each invalid byte as one. */
static size_t chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; n++) {
        uint32_t cp;
        size_t step = kg_utf8_decode(s + i, len - i, &cp);
        i += step ? step : 1;
    }
    return n;
}

/* Width and height in px of the label's box, wrapped at spaces as the
 * page wraps it. */
static void label_box(const char *label, double *w, double *h)
{
    size_t per_line = (size_t)(WRAP_PX / CHAR_PX), line = 0, widest = 0, lines = 1;
    size_t total = chars(label, strlen(label));
    if (total > KG_VIEWER_LABEL_MAX)
        total = KG_VIEWER_LABEL_MAX; /* cut, with the ellipsis */
    const char *p = label;
    size_t seen = 0;
    while (*p && seen < total) {
        size_t word_len = strcspn(p, " ");
        size_t word = chars(p, word_len);
        if (seen + word > total)
            word = total - seen;
        if (line && line + 1 + word > per_line) {
            lines++;
            line = word;
        } else {
            line += (line ? 1 : 0) + word;
        }
        if (line > widest)
            widest = line;
        seen += word + 1;
        p += word_len;
        while (*p == ' ')
            p++;
    }
    *w = (double)widest * CHAR_PX;
    *h = (double)lines * LINE_PX;
}

/* How much larger than its label box a shape is drawn (styles.js
 * SHAPE_ROOM), by Graphviz shape name; 1 for boxes. */
static void shape_room(const char *shape, double *rw, double *rh)
{
    static const struct {
        const char *shape;
        double w, h;
    } rooms[] = {{"ellipse", 1.3, 1.4}, {"oval", 1.3, 1.4}, {"circle", 1.3, 1.4},
                 {"egg", 1.3, 1.4}, {"diamond", 1.8, 1.8}, {"triangle", 2, 2},
                 {"star", 2.4, 2.4}, {"hexagon", 1.35, 1.1}, {"octagon", 1.25, 1.25},
                 {"pentagon", 1.5, 1.5}, {"house", 1.5, 1.5}, {"parallelogram", 1.5, 1.05},
                 {"cds", 1.3, 1.05}, {"note", 1.12, 1.15}, {"tab", 1.12, 1.15},
                 {"folder", 1.15, 1.1}, {"cylinder", 1.15, 1.1}};
    *rw = *rh = 1.0;
    if (!shape)
        shape = "ellipse"; /* Graphviz's default */
    for (size_t i = 0; i < sizeof rooms / sizeof rooms[0]; i++) {
        if (strcmp(shape, rooms[i].shape) == 0) {
            *rw = rooms[i].w;
            *rh = rooms[i].h;
            return;
        }
    }
}

static const char *shape_of(const kg_schema *schema, const kg_node *n)
{
    if (!schema || n->type_index == KG_SCHEMA_NOT_FOUND)
        return NULL;
    return kg_schema_node_type(schema, n->type_index)->style.shape;
}

/* agsafeset with Graphviz 2.43's char * arguments, from constants. */
static void set(void *object, const char *name, const char *value)
{
    char n[16], v[32], none[1] = "";
    snprintf(n, sizeof n, "%s", name);
    snprintf(v, sizeof v, "%s", value);
    agsafeset(object, n, v, none);
}

/* The graph as Graphviz boxes (no labels: Graphviz need not measure text)
 * and undirected edges; nodes[i] is kg's node i. */
static Agraph_t *boxes(const kg_graph *g, Agnode_t **nodes)
{
    char graph_name[] = "kg";
    Agraph_t *ag = agopen(graph_name, Agundirected, NULL);
    if (!ag)
        return NULL;
    set(ag, "start", "1");          /* sfdp's seed: the same picture every time */
    /* Then scale the picture up until no two boxes overlap: prism,
     * Graphviz's default, goes through GTS, whose pointer-keyed tables
     * made the positions differ between runs in one of four builds; ortho
     * stretched nato-eu into a strip forty times as tall as wide. Scaling
     * keeps sfdp's shape. A large graph keeps its overlaps: removing them
     * takes minutes, and the page draws only the labels that fit anyway. */
    set(ag, "overlap", kg_graph_node_count(g) > KG_VIEWER_LARGE ? "true" : "scale");
    set(ag, "sep", "+12"); /* at least 12 pt between boxes */
    set(ag, "splines", "false");
    const kg_schema *schema = kg_graph_schema(g);
    char name[32], text[32];
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        const kg_node *n = kg_graph_node(g, i);
        double w, h, rw, rh;
        label_box(n->label ? n->label : n->id, &w, &h);
        shape_room(shape_of(schema, n), &rw, &rh);
        snprintf(name, sizeof name, "n%zu", i);
        nodes[i] = agnode(ag, name, 1);
        if (!nodes[i])
            return ag;
        set(nodes[i], "shape", "box");
        set(nodes[i], "fixedsize", "true");
        set(nodes[i], "label", "");
        snprintf(text, sizeof text, "%.3f", (w * rw + 2 * PAD_PX) / 72.0);
        set(nodes[i], "width", text);
        snprintf(text, sizeof text, "%.3f", (h * rh + 2 * PAD_PX) / 72.0);
        set(nodes[i], "height", text);
    }
    for (size_t i = 0; i < kg_graph_edge_count(g); i++) {
        const kg_edge *e = kg_graph_edge(g, i);
        if (e->source != e->target && nodes[e->source] && nodes[e->target])
            agedge(ag, nodes[e->source], nodes[e->target], NULL, 1);
    }
    return ag;
}

kg_status kg_viewer_layout(const kg_graph *g, kg_viewer_point **points, kg_error *err)
{
    size_t count = kg_graph_node_count(g);
    *points = NULL;
    if (count == 0)
        return KG_OK;
    kg_viewer_point *xy = calloc(count, sizeof *xy);
    Agnode_t **nodes = calloc(count, sizeof *nodes);
    if (!xy || !nodes) {
        free(xy);
        free(nodes);
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory laying out the viewer's graph");
    }
    graphviz_message[0] = '\0';
    agusererrf previous = agseterrf(catch_graphviz_message);
    GVC_t *gvc = kg_graphviz_context();
    Agraph_t *ag = gvc ? boxes(g, nodes) : NULL;
    kg_status status = KG_OK;
    if (!ag || !nodes[count - 1] || kg_graphviz_layout(gvc, ag, "sfdp") != 0) {
        status = kg_error_set(err, KG_EIO, NULL, "Graphviz could not lay out the viewer's graph%s%s",
                              graphviz_message[0] ? ": " : "", graphviz_message);
    } else {
        /* Points, y downwards as on screen, whole numbers so the page's
         * bytes do not depend on the last bits of the arithmetic. */
        for (size_t i = 0; i < count; i++) {
            xy[i].x = (long)(ND_coord(nodes[i]).x + (ND_coord(nodes[i]).x < 0 ? -0.5 : 0.5));
            xy[i].y = -(long)(ND_coord(nodes[i]).y + (ND_coord(nodes[i]).y < 0 ? -0.5 : 0.5));
        }
        gvFreeLayout(gvc, ag);
    }
    if (ag)
        agclose(ag);
    agseterrf(previous);
    free(nodes);
    if (status != KG_OK) {
        free(xy);
        return status;
    }
    *points = xy;
    return KG_OK;
}
