/* analysis_igraph.c - the bridge from a finished kg_graph to igraph: the
 * one-to-one conversion, the views the measures use (directed with
 * symmetric relations both ways, undirected, simplified), and the handler
 * guard that keeps igraph from aborting or printing inside libkg. */
#include <stdlib.h>

#include "analysis_internal.h"

static void silent_warning(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

void kg_igraph_enter(kg_igraph_guard *guard)
{
    guard->error_handler = igraph_set_error_handler(igraph_error_handler_ignore);
    guard->warning_handler = igraph_set_warning_handler(silent_warning);
}

void kg_igraph_leave(const kg_igraph_guard *guard)
{
    igraph_set_error_handler(guard->error_handler);
    igraph_set_warning_handler(guard->warning_handler);
}

kg_status kg_igraph_status(igraph_error_t code, const char *what, kg_error *err)
{
    kg_status status;
    switch (code) {
    case IGRAPH_SUCCESS: return KG_OK;
    case IGRAPH_ENOMEM: status = KG_ENOMEM; break;
    case IGRAPH_EINVAL:
    case IGRAPH_EINVVID:
    case IGRAPH_EINVMODE: status = KG_EUSAGE; break;
    case IGRAPH_EOVERFLOW:
    case IGRAPH_ERANGE: status = KG_ELIMIT; break;
    default: status = KG_EINPUT; break;
    }
    return kg_error_set(err, status, NULL, "%s: %s", what, igraph_strerror(code));
}

bool kg_edge_is_symmetric(const kg_graph *graph, const kg_edge *edge)
{
    const kg_schema *schema = kg_graph_schema(graph);
    if (!schema || edge->type_index == KG_SCHEMA_NOT_FOUND ||
        edge->type_index >= kg_schema_edge_type_count(schema))
        return false;
    return kg_schema_edge_type(schema, edge->type_index)->is_symmetric;
}

/* Fills pairs with the relations' ends (without self-loops when
 * drops_loops: cheaper than igraph_simplify on millions of edges) and, when
 * reversed_symmetric, the reverse of every symmetric relation after them. */
static kg_status edge_pairs(const kg_graph *graph, bool reversed_symmetric, bool drops_loops,
                            igraph_vector_int_t *pairs)
{
    size_t m = kg_graph_edge_count(graph), used = 0, extra = 0;
    for (size_t j = 0; reversed_symmetric && j < m; j++) {
        const kg_edge *e = kg_graph_edge(graph, j);
        extra += kg_edge_is_symmetric(graph, e) && e->source != e->target;
    }
    if (igraph_vector_int_resize(pairs, (igraph_integer_t)(2 * (m + extra))) != IGRAPH_SUCCESS)
        return KG_ENOMEM;
    igraph_integer_t *out = VECTOR(*pairs); /* filled directly: millions of pairs */
    for (size_t j = 0; j < m; j++) {
        const kg_edge *e = kg_graph_edge(graph, j);
        if (drops_loops && e->source == e->target)
            continue;
        out[used++] = (igraph_integer_t)e->source;
        out[used++] = (igraph_integer_t)e->target;
    }
    for (size_t j = 0; reversed_symmetric && j < m; j++) {
        const kg_edge *e = kg_graph_edge(graph, j);
        if (!kg_edge_is_symmetric(graph, e) || e->source == e->target)
            continue;
        out[used++] = (igraph_integer_t)e->target;
        out[used++] = (igraph_integer_t)e->source;
    }
    return igraph_vector_int_resize(pairs, (igraph_integer_t)used) == IGRAPH_SUCCESS
               ? KG_OK
               : KG_ENOMEM;
}

static kg_status build(const kg_graph *graph, bool is_directed, bool reversed_symmetric,
                       bool drops_loops, igraph_t *out, kg_error *err)
{
    if (!graph || !out)
        return kg_error_set(err, KG_EUSAGE, NULL, "no graph to convert");
    if (!kg_graph_is_finished(graph))
        return kg_error_set(err, KG_EUSAGE, NULL, "graph is not finished");
    igraph_vector_int_t pairs;
    if (igraph_vector_int_init(&pairs, 0) != IGRAPH_SUCCESS)
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory converting the graph");
    kg_status st = edge_pairs(graph, reversed_symmetric, drops_loops, &pairs);
    if (st == KG_OK) {
        igraph_error_t code = igraph_create(out, &pairs,
                                            (igraph_integer_t)kg_graph_node_count(graph),
                                            is_directed);
        st = kg_igraph_status(code, "converting the graph for igraph", err);
    } else {
        kg_error_set(err, st, NULL, "out of memory converting the graph");
    }
    igraph_vector_int_destroy(&pairs);
    return st;
}

kg_status kg_graph_to_igraph(const kg_graph *graph, struct igraph_s *out, bool is_directed,
                             kg_error *err)
{
    kg_igraph_guard guard;
    kg_igraph_enter(&guard);
    kg_status st = build(graph, is_directed, false, false, out, err);
    kg_igraph_leave(&guard);
    return st;
}

kg_status kg_igraph_view(const kg_graph *graph, bool is_directed, kg_igraph_simplify simplify,
                         igraph_t *out, kg_error *err)
{
    kg_status st = build(graph, is_directed, is_directed, simplify == KG_IGRAPH_NO_LOOPS, out,
                         err);
    if (st != KG_OK || simplify != KG_IGRAPH_SIMPLE)
        return st;
    igraph_error_t code = igraph_simplify(out, simplify == KG_IGRAPH_SIMPLE, true, NULL);
    st = kg_igraph_status(code, "simplifying the graph", err);
    if (st != KG_OK)
        igraph_destroy(out);
    return st;
}

/* ---- views kept across calls -------------------------------------------- */

/* One igraph view at a time, the last one asked for: measures that share
 * a view reuse it, and the cache never holds more of them than
 * kg_centrality would. Beside it, the path searches' adjacencies, one per
 * direction asked for (kg_direction indexes them). */
struct kg_analysis_cache {
    const kg_graph *graph;
    igraph_t view;
    bool has_view;
    bool is_directed;
    kg_igraph_simplify simplify;
    kg_adjacency adjacency[3];
    bool has_adjacency[3];
};

kg_status kg_analysis_cache_new(const kg_graph *graph, kg_analysis_cache **out, kg_error *err)
{
    if (out)
        *out = NULL;
    if (!graph || !out || !kg_graph_is_finished(graph))
        return kg_error_set(err, KG_EUSAGE, NULL, "analysis cache: no graph, not finished, "
                                                  "or no output");
    kg_analysis_cache *c = calloc(1, sizeof *c);
    if (!c)
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    c->graph = graph;
    *out = c;
    return KG_OK;
}

void kg_analysis_cache_free(kg_analysis_cache *cache)
{
    if (!cache)
        return;
    if (cache->has_view)
        igraph_destroy(&cache->view);
    for (int d = 0; d < 3; d++)
        kg_adjacency_free(&cache->adjacency[d]);
    free(cache);
}

const kg_graph *kg_analysis_cache_graph(const kg_analysis_cache *cache)
{
    return cache ? cache->graph : NULL;
}

kg_status kg_igraph_view_kept(kg_analysis_cache *cache, const kg_graph *graph, bool is_directed,
                              kg_igraph_simplify simplify, igraph_t *scratch,
                              const igraph_t **out, kg_error *err)
{
    *out = NULL;
    if (!cache) {
        kg_status st = kg_igraph_view(graph, is_directed, simplify, scratch, err);
        if (st == KG_OK)
            *out = scratch;
        return st;
    }
    if (cache->has_view &&
        (cache->is_directed != is_directed || cache->simplify != simplify)) {
        igraph_destroy(&cache->view); /* freed before the next is built */
        cache->has_view = false;
    }
    if (!cache->has_view) {
        kg_status st = kg_igraph_view(cache->graph, is_directed, simplify, &cache->view, err);
        if (st != KG_OK)
            return st;
        cache->has_view = true;
        cache->is_directed = is_directed;
        cache->simplify = simplify;
    }
    *out = &cache->view;
    return KG_OK;
}

kg_status kg_adjacency_kept(kg_analysis_cache *cache, kg_direction direction,
                            kg_adjacency **out, kg_error *err)
{
    *out = NULL;
    if ((unsigned)direction > KG_DIRECTION_IN)
        return kg_error_set(err, KG_EUSAGE, NULL, "unknown direction %d", (int)direction);
    if (!cache->has_adjacency[direction]) {
        if (kg_adjacency_build(cache->graph, direction, &cache->adjacency[direction]) != KG_OK)
            return kg_error_set(err, KG_ENOMEM, NULL, "out of memory searching the graph");
        cache->has_adjacency[direction] = true;
    }
    *out = &cache->adjacency[direction];
    return KG_OK;
}
