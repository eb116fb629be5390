/* graphviz_context.h - the one Graphviz context of the process, shared by
 * the exporters that call gvc (export_svg.c draws, export_html_layout.c
 * lays out the viewer's graph). Defined in export_svg.c, which says why
 * there is only one. Not thread-safe: Graphviz is not. */
#ifndef KG_GRAPHVIZ_CONTEXT_H
#define KG_GRAPHVIZ_CONTEXT_H

#include <graphviz/gvc.h>

/* The process's gvc context, made on first use, never freed; NULL when
 * Graphviz cannot start. */
GVC_t *kg_graphviz_context(void);

/* gvLayout with the C library's random generators reset first, so a
 * layout does not depend on the layouts that ran before it in the process.
 * Returns gvLayout's result. */
int kg_graphviz_layout(GVC_t *gvc, Agraph_t *graph, const char *engine);

#endif
