/* analysis_paths.c - breadth-first questions answered on libkg's own
 * adjacency (no igraph needed, and the order of every answer is ours to
 * fix): neighbourhoods of nodes and shortest paths between two of them,
 * listed in id order with the relation behind each step. */
#include <stdlib.h>
#include <string.h>

#include "analysis_internal.h"

static int compare_steps(const void *a, const void *b)
{
    const kg_step *x = a, *y = b;
    if (x->node != y->node)
        return x->node < y->node ? -1 : 1;
    return x->edge < y->edge ? -1 : x->edge > y->edge;
}

void kg_adjacency_free(kg_adjacency *adj)
{
    free(adj->start);
    free(adj->steps);
    adj->start = NULL;
    adj->steps = NULL;
}

/* Whether relation e gives steps under dir, and which way: forward (source
 * to target), backward (target to source). A self-loop never does. Both
 * ways in the undirected view, without asking the schema. */
static bool steps_of(const kg_graph *g, const kg_edge *e, kg_direction dir, bool *forward,
                     bool *backward)
{
    if (dir == KG_DIRECTION_BOTH) {
        *forward = *backward = true;
    } else {
        bool is_symmetric = kg_edge_is_symmetric(g, e);
        *forward = dir != KG_DIRECTION_IN || is_symmetric;
        *backward = dir != KG_DIRECTION_OUT || is_symmetric;
    }
    return e->source != e->target;
}

/* Two passes over the relations: count steps per node, then place them. */
kg_status kg_adjacency_build(const kg_graph *g, kg_direction dir, kg_adjacency *adj)
{
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g);
    adj->start = calloc(n + 1, sizeof *adj->start);
    adj->steps = malloc((2 * m + 1) * sizeof *adj->steps);
    size_t *fill = malloc((n + 1) * sizeof *fill);
    kg_status st = adj->start && adj->steps && fill ? KG_OK : KG_ENOMEM;
    for (size_t j = 0; j < m && st == KG_OK; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        bool forward, backward;
        if (!steps_of(g, e, dir, &forward, &backward))
            continue;
        adj->start[e->source + 1] += forward;
        adj->start[e->target + 1] += backward;
    }
    for (size_t i = 0; i < n && st == KG_OK; i++)
        adj->start[i + 1] += adj->start[i];
    if (st == KG_OK)
        memcpy(fill, adj->start, (n + 1) * sizeof *fill);
    for (size_t j = 0; j < m && st == KG_OK; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        bool forward, backward;
        if (!steps_of(g, e, dir, &forward, &backward))
            continue;
        if (forward)
            adj->steps[fill[e->source]++] = (kg_step){e->target, j};
        if (backward)
            adj->steps[fill[e->target]++] = (kg_step){e->source, j};
    }
    free(fill);
    if (st != KG_OK)
        kg_adjacency_free(adj);
    return st;
}

/* Breadth-first distances from the centres, up to depth; queue holds V.
 * Stops as soon as node `stop` is reached (KG_UNREACHED: never): every node
 * nearer than it has its distance by then, the rest stay KG_UNREACHED. */
static void bfs(const kg_adjacency *adj, size_t n, const size_t *centres, size_t count, size_t depth,
                size_t stop, size_t *distance, size_t *queue)
{
    size_t head = 0, tail = 0;
    for (size_t i = 0; i < n; i++)
        distance[i] = KG_UNREACHED;
    for (size_t c = 0; c < count; c++) {
        if (distance[centres[c]] == 0)
            continue;
        distance[centres[c]] = 0;
        queue[tail++] = centres[c];
    }
    while (head < tail) {
        size_t u = queue[head++];
        if (distance[u] >= depth)
            continue;
        for (size_t k = adj->start[u]; k < adj->start[u + 1]; k++) {
            size_t v = adj->steps[k].node;
            if (distance[v] == KG_UNREACHED) {
                distance[v] = distance[u] + 1;
                queue[tail++] = v;
                if (v == stop)
                    return;
            }
        }
    }
}

static kg_status check_nodes(const kg_graph *g, const size_t *nodes, size_t count, kg_error *err)
{
    if (!g || !kg_graph_is_finished(g))
        return kg_error_set(err, KG_EUSAGE, NULL, "graph missing or not finished");
    for (size_t i = 0; i < count; i++)
        if (nodes[i] >= kg_graph_node_count(g))
            return kg_error_set(err, KG_EUSAGE, NULL, "node index %zu out of range (%zu nodes)",
                                nodes[i], kg_graph_node_count(g));
    return KG_OK;
}

kg_status kg_neighbourhood(const kg_graph *g, const size_t *centres, size_t centre_count,
                           size_t depth, kg_direction direction, size_t *distance,
                           size_t *via_edge, kg_error *err)
{
    kg_status st = check_nodes(g, centres, centre_count, err);
    if (st != KG_OK)
        return st;
    size_t n = kg_graph_node_count(g);
    kg_adjacency adj = {NULL, NULL};
    size_t *queue = malloc((n + 1) * sizeof *queue);
    st = queue ? kg_adjacency_build(g, direction, &adj) : KG_ENOMEM;
    if (st != KG_OK) {
        kg_error_set(err, st, NULL, "out of memory searching the graph");
        goto cleanup;
    }
    bfs(&adj, n, centres, centre_count, depth, KG_UNREACHED, distance, queue);
    /* The step into w from the nearer node with the lowest id (then the
     * lowest relation): nodes and their steps are scanned in that order. */
    for (size_t i = 0; via_edge && i < n; i++)
        via_edge[i] = KG_UNREACHED;
    for (size_t u = 0; via_edge && u < n; u++) {
        if (distance[u] == KG_UNREACHED)
            continue;
        for (size_t k = adj.start[u]; k < adj.start[u + 1]; k++) {
            size_t w = adj.steps[k].node;
            if (via_edge[w] == KG_UNREACHED && distance[w] != KG_UNREACHED &&
                distance[w] == distance[u] + 1)
                via_edge[w] = adj.steps[k].edge;
        }
    }
cleanup:
    kg_adjacency_free(&adj);
    free(queue);
    return st;
}

/* ---- shortest paths ----------------------------------------------------- */

void kg_path_list_clear(kg_path_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++)
        free(list->paths[i].nodes); /* edges live in the same block */
    free(list->paths);
    memset(list, 0, sizeof *list);
}

/* Appends the path held in trail[0..length] (with its steps' relations). */
static kg_status keep_path(kg_path_list *list, size_t *capacity, const size_t *trail,
                           const size_t *edges, size_t length)
{
    if (list->count == *capacity) {
        size_t grown = *capacity ? 2 * *capacity : 4;
        kg_path *paths = realloc(list->paths, grown * sizeof *paths);
        if (!paths)
            return KG_ENOMEM;
        list->paths = paths;
        *capacity = grown;
    }
    size_t *block = malloc((2 * length + 1) * sizeof *block);
    if (!block)
        return KG_ENOMEM;
    kg_path *p = &list->paths[list->count++];
    p->length = length;
    p->nodes = block;
    p->edges = block + length + 1;
    memcpy(p->nodes, trail, (length + 1) * sizeof *trail);
    memcpy(p->edges, edges, length * sizeof *edges);
    return KG_OK;
}

/* The searches the enumeration needs: distances from `from` along the
 * search direction and to `to` against it. */
typedef struct path_search {
    kg_adjacency *forward;  /* kept in a cache, or the owned ones below */
    kg_adjacency *backward;
    kg_adjacency owned_forward;
    kg_adjacency owned_backward;
    size_t *from_distance;
    size_t *to_distance;
    size_t *trail;  /* nodes of the path being built */
    size_t *edges;  /* its relations */
    size_t *cursor; /* per depth: next step to try */
    unsigned char *is_sorted; /* per node: its forward steps are sorted */
} path_search;

/* Sorts u's forward steps by neighbour, then relation, once. */
static void sort_steps(path_search *s, size_t u)
{
    const kg_adjacency *adj = s->forward;
    if (s->is_sorted[u])
        return;
    s->is_sorted[u] = 1;
    qsort(adj->steps + adj->start[u], adj->start[u + 1] - adj->start[u], sizeof(kg_step),
          compare_steps);
}

/* Depth-first over the steps that stay on some shortest path: those to a
 * node one further from `from` and one nearer `to`. Every branch reaches
 * `to`, so the cost is O(length * degree) per path. Steps are sorted (as walked) by
 * neighbour, so paths come out in lexicographic order; of parallel steps
 * to one neighbour only the first (lowest relation index) is taken. */
static kg_status enumerate(path_search *s, size_t from, size_t length, size_t max,
                           kg_path_list *list)
{
    const kg_adjacency *adj = s->forward;
    size_t depth = 0, capacity = 0;
    s->trail[0] = from;
    s->cursor[0] = adj->start[from];
    sort_steps(s, from);
    if (length == 0)
        return keep_path(list, &capacity, s->trail, s->edges, 0);
    for (;;) {
        size_t u = s->trail[depth], k = s->cursor[depth];
        size_t end = adj->start[u + 1];
        while (k < end && !(s->from_distance[adj->steps[k].node] == depth + 1 &&
                            s->to_distance[adj->steps[k].node] == length - depth - 1 &&
                            (k == adj->start[u] || adj->steps[k - 1].node != adj->steps[k].node)))
            k++;
        if (k == end) { /* this branch is done: back up */
            if (depth == 0)
                return KG_OK;
            depth--;
            continue;
        }
        s->cursor[depth] = k + 1;
        s->edges[depth] = adj->steps[k].edge;
        s->trail[++depth] = adj->steps[k].node;
        if (depth < length) {
            s->cursor[depth] = adj->start[s->trail[depth]];
            sort_steps(s, s->trail[depth]);
            continue;
        }
        if (list->count == max) {
            list->is_truncated = true;
            return KG_OK;
        }
        if (keep_path(list, &capacity, s->trail, s->edges, length) != KG_OK)
            return KG_ENOMEM;
        depth--;
    }
}

static void search_free(path_search *s)
{
    kg_adjacency_free(&s->owned_forward);
    kg_adjacency_free(&s->owned_backward);
    free(s->from_distance);
    free(s->to_distance);
    free(s->trail);
    free(s->edges);
    free(s->cursor);
    free(s->is_sorted);
}

/* The work arrays, and the adjacencies: from cache when there is one
 * (built there once), else built for this search. Undirected searches
 * walk the one undirected adjacency both ways. */
static kg_status search_init(kg_analysis_cache *cache, const kg_graph *g, bool is_directed,
                             path_search *s, kg_error *err)
{
    size_t n = kg_graph_node_count(g);
    memset(s, 0, sizeof *s);
    s->from_distance = malloc((n + 1) * sizeof(size_t));
    s->to_distance = malloc((n + 1) * sizeof(size_t));
    s->trail = malloc((n + 1) * sizeof(size_t));
    s->edges = malloc((n + 1) * sizeof(size_t));
    s->cursor = malloc((n + 1) * sizeof(size_t));
    s->is_sorted = calloc(n + 1, 1);
    if (!s->from_distance || !s->to_distance || !s->trail || !s->edges || !s->cursor ||
        !s->is_sorted)
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory finding paths");
    kg_direction forward = is_directed ? KG_DIRECTION_OUT : KG_DIRECTION_BOTH;
    if (cache) {
        kg_status st = kg_adjacency_kept(cache, forward, &s->forward, err);
        if (st == KG_OK)
            st = is_directed ? kg_adjacency_kept(cache, KG_DIRECTION_IN, &s->backward, err)
                             : KG_OK;
        if (!is_directed)
            s->backward = s->forward;
        return st;
    }
    s->forward = &s->owned_forward;
    s->backward = is_directed ? &s->owned_backward : &s->owned_forward;
    kg_status st = kg_adjacency_build(g, forward, s->forward);
    if (st == KG_OK && is_directed)
        st = kg_adjacency_build(g, KG_DIRECTION_IN, s->backward);
    return st == KG_OK ? KG_OK
                       : kg_error_set(err, st, NULL, "out of memory finding paths");
}

static kg_status shortest_paths(kg_analysis_cache *cache, const kg_graph *g, size_t from,
                                size_t to, const kg_path_options *options, kg_path_list *out,
                                kg_error *err)
{
    kg_path_options o = {false, false, 0};
    if (options)
        o = *options;
    memset(out, 0, sizeof *out);
    size_t ends[2] = {from, to};
    kg_status st = check_nodes(g, ends, 2, err);
    if (st != KG_OK)
        return st;
    size_t max = !o.is_all ? 1 : o.max_paths ? o.max_paths : KG_DEFAULT_MAX_PATHS;
    path_search s;
    st = search_init(cache, g, o.is_directed, &s, err);
    if (st == KG_OK) {
        size_t n = kg_graph_node_count(g);
        /* trail doubles as the BFS queue: enumeration starts after. */
        /* Only nodes nearer than the far end can lie on a shortest path:
         * both searches stop there (the second no deeper than the first). */
        bfs(s.forward, n, &from, 1, KG_UNREACHED, to, s.from_distance, s.trail);
        size_t length = s.from_distance[to];
        if (length != KG_UNREACHED) {
            bfs(s.backward, n, &to, 1, length, from, s.to_distance, s.trail);
            st = enumerate(&s, from, length, max, out);
            out->length = length;
            if (st != KG_OK)
                kg_error_set(err, st, NULL, "out of memory finding paths");
        }
    }
    if (st != KG_OK)
        kg_path_list_clear(out);
    search_free(&s);
    return st;
}

kg_status kg_shortest_paths(const kg_graph *g, size_t from, size_t to,
                            const kg_path_options *options, kg_path_list *out, kg_error *err)
{
    return shortest_paths(NULL, g, from, to, options, out, err);
}

kg_status kg_shortest_paths_kept(kg_analysis_cache *cache, size_t from, size_t to,
                                 const kg_path_options *options, kg_path_list *out,
                                 kg_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!cache || !out)
        return kg_error_set(err, KG_EUSAGE, NULL, "shortest paths: no analysis cache or output");
    return shortest_paths(cache, kg_analysis_cache_graph(cache), from, to, options, out, err);
}

kg_status kg_analysis_cache_prepare_paths(kg_analysis_cache *cache, bool is_directed,
                                          kg_error *err)
{
    if (!cache)
        return kg_error_set(err, KG_EUSAGE, NULL, "shortest paths: no analysis cache");
    kg_adjacency *adj;
    kg_status st = kg_adjacency_kept(cache, is_directed ? KG_DIRECTION_OUT : KG_DIRECTION_BOTH,
                                     &adj, err);
    if (st == KG_OK && is_directed)
        st = kg_adjacency_kept(cache, KG_DIRECTION_IN, &adj, err);
    return st;
}
