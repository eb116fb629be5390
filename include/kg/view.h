/* kg/view.h - which part of a graph a readable drawing shows: each view
 * fills a kg_diagram (kg/diagram.h) with a new graph, its centres and, for
 * an overview, its groups; kg/draw.h draws it. docs/diagrams.md. */
#ifndef KG_VIEW_H
#define KG_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/analysis.h"
#include "kg/diagram.h"
#include "kg/error.h"
#include "kg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The relations of type edge_type (or of any of a comma-separated list of
 * types) and the entities they join: a timeline diagram (entities placed
 * in the date order of the relations that lead to them). KG_EINPUT when
 * no relation has such a type. O(V + E). */
kg_status kg_view_chain(const kg_graph *graph, const char *edge_type,
                        kg_diagram *out, kg_error *err);

/* The n entities ranked highest by measure and the relations among them.
 * O(the measure) + O(V log V). */
kg_status kg_view_top(const kg_graph *graph, kg_measure measure, size_t n,
                      kg_diagram *out, kg_error *err);

/* Every shortest path between from and to (up to KG_DEFAULT_MAX_PATHS),
 * undirected, with the relations along them; the ends are centres.
 * KG_EINPUT when there is no path. */
kg_status kg_view_path(const kg_graph *graph, size_t from, size_t to,
                       kg_diagram *out, kg_error *err);

/* The entities for which keep[i] is true (all: NULL) and the relations
 * among them; centres (may be NULL) are drawn bold. */
kg_status kg_view_select(const kg_graph *graph, const bool *keep,
                         const bool *centres, kg_diagram *out, kg_error *err);

typedef enum kg_group_by {
    KG_GROUP_BY_TYPE = 0,
    KG_GROUP_BY_COMMUNITY /* Louvain, seed 1 (kg_communities) */
} kg_group_by;

/* The whole graph in groups: each group a cluster showing its `per_group`
 * entities of highest degree, and one link per pair of groups carrying
 * the number of relations between them. O(V log V + E). */
kg_status kg_view_overview(const kg_graph *graph, kg_group_by group_by,
                           size_t per_group, kg_diagram *out, kg_error *err);

#ifdef __cplusplus
}
#endif
#endif
