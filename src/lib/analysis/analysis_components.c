/* analysis_components.c - grouping nodes: weakly connected components (by
 * union-find), strongly connected components and modularity communities
 * (Louvain, Leiden) by igraph, renumbered so that group 0 is the largest
 * and ties go by lowest node id, whatever order they were found in. */
#include <stdlib.h>
#include <string.h>

#include "analysis_internal.h"

void kg_partition_clear(kg_partition *p)
{
    if (!p)
        return;
    free(p->membership);
    free(p->sizes);
    memset(p, 0, sizeof *p);
}

kg_community_options kg_community_defaults(void)
{
    kg_community_options o;
    o.method = KG_COMMUNITY_LOUVAIN;
    o.seed = 1;
    o.resolution = 1;
    return o;
}

typedef struct group_order {
    size_t group;
    size_t size;
    size_t first; /* lowest node index */
} group_order;

static int compare_groups(const void *a, const void *b)
{
    const group_order *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Fills out from a membership of n nodes in k groups numbered 0..k-1. */
static kg_status renumber_groups(const igraph_integer_t *membership, size_t n, size_t k,
                                 kg_partition *out)
{
    group_order *groups = calloc(k ? k : 1, sizeof *groups);
    size_t *rank = malloc((k ? k : 1) * sizeof *rank);
    out->membership = malloc((n ? n : 1) * sizeof *out->membership);
    out->sizes = malloc((k ? k : 1) * sizeof *out->sizes);
    kg_status st = groups && rank && out->membership && out->sizes ? KG_OK : KG_ENOMEM;
    for (size_t g = 0; g < k && st == KG_OK; g++)
        groups[g] = (group_order){g, 0, KG_UNREACHED};
    for (size_t i = 0; i < n && st == KG_OK; i++) {
        group_order *g = &groups[membership[i]];
        if (g->size++ == 0)
            g->first = i;
    }
    if (st == KG_OK)
        qsort(groups, k, sizeof *groups, compare_groups);
    for (size_t r = 0; r < k && st == KG_OK; r++) {
        rank[groups[r].group] = r;
        out->sizes[r] = groups[r].size;
    }
    for (size_t i = 0; i < n && st == KG_OK; i++)
        out->membership[i] = rank[membership[i]];
    out->count = k;
    free(rank);
    free(groups);
    return st;
}

static kg_status renumber(const igraph_vector_int_t *membership, size_t k, kg_partition *out)
{
    return renumber_groups(VECTOR(*membership), (size_t)igraph_vector_int_size(membership), k,
                           out);
}

/* The root of i's set, halving the path on the way. */
static size_t find_root(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/* Weak components need no igraph: union-find over the edges is O(E a(V))
 * and skips building igraph's indexed copy of the graph, which at 5M edges
 * took ten times longer than igraph's search itself. */
static kg_status weak_components(const kg_graph *graph, kg_partition *out)
{
    size_t n = kg_graph_node_count(graph), k = 0;
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    igraph_integer_t *group = malloc((n ? n : 1) * sizeof *group);
    kg_status st = parent && group ? KG_OK : KG_ENOMEM;
    for (size_t i = 0; i < n && st == KG_OK; i++)
        parent[i] = i;
    for (size_t j = 0; j < kg_graph_edge_count(graph) && st == KG_OK; j++) {
        const kg_edge *e = kg_graph_edge(graph, j);
        size_t a = find_root(parent, e->source), b = find_root(parent, e->target);
        if (a != b) /* the lower index becomes the root */
            parent[a > b ? a : b] = a < b ? a : b;
    }
    /* Roots are their set's lowest index, so groups are numbered in order
     * of their first node, and a node's root always comes before it. */
    for (size_t i = 0; i < n && st == KG_OK; i++) {
        size_t root = find_root(parent, i);
        group[i] = root == i ? (igraph_integer_t)k++ : group[root];
    }
    if (st == KG_OK)
        st = renumber_groups(group, n, k, out);
    free(parent);
    free(group);
    return st;
}

static kg_status check_graph(const kg_graph *graph, kg_partition *out, kg_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!graph || !out || !kg_graph_is_finished(graph))
        return kg_error_set(err, KG_EUSAGE, NULL, "graph missing, not finished, or no output");
    return KG_OK;
}

/* How a partition is found on an igraph view: fills membership (initialised,
 * empty) and the group count from g; ctx is the method's. */
typedef igraph_error_t membership_finder(const igraph_t *g, void *ctx,
                                         igraph_vector_int_t *membership,
                                         igraph_integer_t *count);

/* A partition of graph found by igraph on its view (directed or not,
 * simplified as asked), renumbered into out. `step` names igraph's step
 * in its errors, `groups` what is numbered ("components"). Clears out on
 * failure. */
static kg_status igraph_partition(const kg_graph *graph, bool is_directed,
                                  kg_igraph_simplify simplify, membership_finder *find,
                                  void *ctx, const char *step, const char *groups,
                                  kg_partition *out, kg_error *err)
{
    igraph_t g;
    igraph_vector_int_t membership;
    igraph_integer_t count = 0;
    bool has_graph = false, has_membership = false;
    kg_igraph_guard guard;
    kg_igraph_enter(&guard);
    kg_status st = kg_igraph_view(graph, is_directed, simplify, &g, err);
    has_graph = st == KG_OK;
    if (st == KG_OK) {
        st = kg_igraph_status(igraph_vector_int_init(&membership, 0), groups, err);
        has_membership = st == KG_OK;
    }
    if (st == KG_OK)
        st = kg_igraph_status(find(&g, ctx, &membership, &count), step, err);
    if (st == KG_OK && renumber(&membership, (size_t)count, out) != KG_OK)
        st = kg_error_set(err, KG_ENOMEM, NULL, "out of memory numbering %s", groups);
    if (has_membership)
        igraph_vector_int_destroy(&membership);
    if (has_graph)
        igraph_destroy(&g);
    kg_igraph_leave(&guard);
    if (st != KG_OK)
        kg_partition_clear(out);
    return st;
}

static igraph_error_t strong_components(const igraph_t *g, void *ctx,
                                        igraph_vector_int_t *membership, igraph_integer_t *count)
{
    (void)ctx;
    return igraph_connected_components(g, membership, NULL, count, IGRAPH_STRONG);
}

kg_status kg_components(const kg_graph *graph, bool is_strong, kg_partition *out, kg_error *err)
{
    kg_status st = check_graph(graph, out, err);
    if (st != KG_OK)
        return st;
    if (!is_strong) {
        st = weak_components(graph, out);
        if (st != KG_OK) {
            kg_partition_clear(out);
            return kg_error_set(err, st, NULL, "out of memory numbering components");
        }
        return KG_OK;
    }
    return igraph_partition(graph, true, KG_IGRAPH_MULTI, strong_components, NULL, "components",
                            "components", out, err);
}

/* Leiden optimising modularity: node weights are degrees and the
 * resolution is gamma / 2m (igraph's recipe for the modularity objective);
 * a negative iteration count runs until the partition is stable. */
static igraph_error_t leiden(const igraph_t *g, double gamma, igraph_vector_int_t *membership,
                             igraph_integer_t *count)
{
    igraph_vector_t weights;
    igraph_error_t code = igraph_vector_init(&weights, 0);
    if (code != IGRAPH_SUCCESS)
        return code;
    igraph_vector_int_t degree;
    code = igraph_vector_int_init(&degree, 0);
    if (code == IGRAPH_SUCCESS) {
        code = igraph_degree(g, &degree, igraph_vss_all(), IGRAPH_ALL, true);
        if (code == IGRAPH_SUCCESS)
            code = igraph_vector_resize(&weights, igraph_vector_int_size(&degree));
        for (igraph_integer_t i = 0; code == IGRAPH_SUCCESS && i < igraph_vector_int_size(&degree);
             i++)
            VECTOR(weights)[i] = (igraph_real_t)VECTOR(degree)[i];
        igraph_vector_int_destroy(&degree);
    }
    if (code == IGRAPH_SUCCESS)
        code = igraph_community_leiden(g, NULL, &weights, gamma / (2.0 * (double)igraph_ecount(g)),
                                       0.01, false, -1, membership, count, NULL);
    igraph_vector_destroy(&weights);
    return code;
}

static igraph_error_t find_communities(const igraph_t *g, const kg_community_options *o,
                                       igraph_vector_int_t *membership, igraph_integer_t *count,
                                       double *modularity)
{
    igraph_integer_t n = igraph_vcount(g);
    igraph_error_t code = IGRAPH_SUCCESS;
    *modularity = 0;
    if (igraph_ecount(g) == 0) { /* nothing to optimise: every node alone */
        code = igraph_vector_int_resize(membership, n);
        for (igraph_integer_t i = 0; code == IGRAPH_SUCCESS && i < n; i++)
            VECTOR(*membership)[i] = i;
        *count = n;
        return code;
    }
    code = igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)o->seed);
    if (code == IGRAPH_SUCCESS && o->method == KG_COMMUNITY_LEIDEN)
        code = leiden(g, o->resolution, membership, count);
    else if (code == IGRAPH_SUCCESS)
        code = igraph_community_multilevel(g, NULL, o->resolution, membership, NULL, NULL);
    if (code == IGRAPH_SUCCESS && o->method != KG_COMMUNITY_LEIDEN)
        *count = n ? igraph_vector_int_max(membership) + 1 : 0;
    igraph_real_t q = 0;
    if (code == IGRAPH_SUCCESS)
        code = igraph_modularity(g, membership, NULL, o->resolution, false, &q);
    *modularity = q;
    return code;
}

/* find_communities as a membership_finder: ctx is a community_run. */
typedef struct community_run {
    kg_community_options options;
    double modularity;
} community_run;

static igraph_error_t find_run_communities(const igraph_t *g, void *ctx,
                                           igraph_vector_int_t *membership,
                                           igraph_integer_t *count)
{
    community_run *run = ctx;
    return find_communities(g, &run->options, membership, count, &run->modularity);
}

kg_status kg_communities(const kg_graph *graph, const kg_community_options *options,
                         kg_partition *out, kg_error *err)
{
    kg_community_options o = options ? *options : kg_community_defaults();
    kg_status st = check_graph(graph, out, err);
    if (st != KG_OK)
        return st;
    if (!(o.resolution > 0))
        return kg_error_set(err, KG_EUSAGE, NULL, "resolution must be positive, not %g",
                            o.resolution);
    community_run run = {o, 0};
    st = igraph_partition(graph, false, KG_IGRAPH_SIMPLE, find_run_communities, &run,
                          o.method == KG_COMMUNITY_LEIDEN ? "Leiden" : "Louvain", "communities",
                          out, err);
    if (st == KG_OK)
        out->modularity = run.modularity;
    return st;
}
