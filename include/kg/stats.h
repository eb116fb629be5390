/* kg/stats.h - summary figures for a graph: counts per node and edge type,
 * weakly connected components and isolated nodes (what `kg build` prints).
 */
#ifndef KG_STATS_H
#define KG_STATS_H

#include <stddef.h>

#include "kg/error.h"
#include "kg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_type_count {
    const char *type;
    size_t count;
} kg_type_count;

typedef struct kg_summary {
    size_t node_count;
    size_t edge_count;
    kg_type_count *node_types; /* sorted by type name */
    size_t node_type_count;
    kg_type_count *edge_types;
    size_t edge_type_count;
    size_t weak_components;
    size_t largest_component; /* nodes in the largest weak component */
    size_t isolated_nodes;    /* nodes with no edge at all */
    size_t self_loops;
    size_t dated_edges;       /* edges with a start or end date */
    size_t evidenced_edges;   /* edges with at least one evidence quote */
} kg_summary;

/* Fills summary (free with kg_summary_clear). O(V + E). */
kg_status kg_summarise(const kg_graph *graph, kg_summary *summary,
                       kg_error *err);
void kg_summary_clear(kg_summary *summary);

#ifdef __cplusplus
}
#endif
#endif
