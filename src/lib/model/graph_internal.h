/* graph_internal.h - what the importers' builder asks of a graph beyond
 * the public API (include/kg/graph.h). */
#ifndef KG_GRAPH_INTERNAL_H
#define KG_GRAPH_INTERNAL_H

#include <stdbool.h>

#include "kg/graph.h"

/* kg_graph_intern, saying whether s was new to the graph's strings: a
 * string that was not there cannot be any edge's id yet. */
kg_status kg_graph_intern_new(kg_graph *graph, const char *s, const char **out, bool *is_new);

#endif
