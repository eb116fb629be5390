/* export_html_layout.h - the viewer's positions, computed when the page is
 * written (export_html_layout.c), so the page does not lay out the graph
 * before it can draw. */
#ifndef KG_EXPORT_HTML_LAYOUT_H
#define KG_EXPORT_HTML_LAYOUT_H

#include "kg/export.h"

/* Labels drawn in the viewer are cut after this many characters (with an
 * ellipsis); the details panel shows them whole. Kept equal to
 * LABEL_MAX in src/viewer/styles.js. */
#define KG_VIEWER_LABEL_MAX 40

typedef struct kg_viewer_point {
    long x, y; /* centre of the node, in px (Graphviz points), y down */
} kg_viewer_point;

/* The centre of every node of the finished graph g, in node order, laid
 * out by Graphviz sfdp (seeded, overlaps removed): *points is a malloc'd
 * array of kg_graph_node_count(g) points the caller frees, NULL for an
 * empty graph. KG_EIO when Graphviz fails, KG_ENOMEM. Roughly
 * O((n + m) log n) for n nodes and m edges. */
kg_status kg_viewer_layout(const kg_graph *g, kg_viewer_point **points, kg_error *err);

#endif
