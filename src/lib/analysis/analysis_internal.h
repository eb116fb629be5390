/* analysis_internal.h - what the analysis modules share and callers need
 * not see: silencing igraph's handlers, turning igraph error codes into
 * kg_status, and building the views of a graph that the measures use. */
#ifndef KG_ANALYSIS_INTERNAL_H
#define KG_ANALYSIS_INTERNAL_H

#include <igraph.h>

#include "kg/analysis.h"

/* The caller's igraph handlers, saved while libkg's silent ones are in
 * place: igraph_error_handler_ignore (igraph frees its own temporaries and
 * returns the code) and a warning handler that prints nothing. */
typedef struct kg_igraph_guard {
    igraph_error_handler_t *error_handler;
    igraph_warning_handler_t *warning_handler;
} kg_igraph_guard;

void kg_igraph_enter(kg_igraph_guard *guard);
void kg_igraph_leave(const kg_igraph_guard *guard);

/* KG_OK for IGRAPH_SUCCESS; otherwise fills err with "what: igraph's
 * message" and returns KG_ENOMEM for IGRAPH_ENOMEM, KG_EUSAGE for an
 * invalid argument, KG_ELIMIT for overflow, KG_EINPUT else. */
kg_status kg_igraph_status(igraph_error_t code, const char *what,
                           kg_error *err);

/* How much of the multigraph a view keeps. */
typedef enum kg_igraph_simplify {
    KG_IGRAPH_MULTI = 0,    /* every relation */
    KG_IGRAPH_NO_LOOPS,     /* self-loops dropped */
    KG_IGRAPH_SIMPLE        /* self-loops dropped, parallel ones merged */
} kg_igraph_simplify;

/* The undirected view, or the directed one (symmetric relations added the
 * other way round as well), simplified as asked. Vertex i = node i; edge
 * ids are not relation indexes unless directed is false and simplify is
 * KG_IGRAPH_MULTI. Initialises *out only on success. O(V + E). */
kg_status kg_igraph_view(const kg_graph *graph, bool is_directed,
                         kg_igraph_simplify simplify, igraph_t *out,
                         kg_error *err);

/* The graph a cache was made for (NULL for no cache). */
const kg_graph *kg_analysis_cache_graph(const kg_analysis_cache *cache);

/* The view from cache (built there the first time it is asked for) or,
 * without a cache, built into *scratch; *out points at it. The caller
 * destroys *scratch only when *out == scratch. */
kg_status kg_igraph_view_kept(kg_analysis_cache *cache, const kg_graph *graph,
                              bool is_directed, kg_igraph_simplify simplify,
                              igraph_t *scratch, const igraph_t **out,
                              kg_error *err);

/* One step out of a node: the neighbour and the relation that leads there. */
typedef struct kg_step {
    size_t node;
    size_t edge;
} kg_step;

/* Compressed adjacency for breadth-first searches (analysis_paths.c): the
 * steps out of node u are steps[start[u] .. start[u+1]), in relation order
 * as built (a path search sorts those it walks by neighbour, then
 * relation, which changes no search's result). Self-loops are left out:
 * they never shorten a path. */
typedef struct kg_adjacency {
    size_t *start;
    kg_step *steps;
} kg_adjacency;

/* Builds the adjacency of the relations walkable in `direction` (symmetric
 * ones both ways); KG_ENOMEM leaves *adj empty. O(V + E). */
kg_status kg_adjacency_build(const kg_graph *graph, kg_direction direction,
                             kg_adjacency *adj);
void kg_adjacency_free(kg_adjacency *adj);

/* The adjacency for `direction` kept in cache, built the first time it is
 * asked for; *out points into the cache. */
kg_status kg_adjacency_kept(kg_analysis_cache *cache, kg_direction direction,
                            kg_adjacency **out, kg_error *err);

/* Which view measure needs under options (see kg_centrality). */
void kg_measure_view(kg_measure measure, const kg_centrality_options *options,
                     bool *is_directed, kg_igraph_simplify *simplify);

/* True when relation `edge` is of a symmetric type in the graph's schema. */
bool kg_edge_is_symmetric(const kg_graph *graph, const kg_edge *edge);

#endif
