/* stats.c - the summary `kg build` prints: counts per type, weakly
 * connected components (union-find, O(V + E α(V))), isolated nodes. */
#include "kg/stats.h"

#include <stdlib.h>
#include <string.h>

static size_t find_root(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]]; /* path halving */
        x = parent[x];
    }
    return x;
}

static int compare_counts(const void *a, const void *b)
{
    return strcmp(((const kg_type_count *)a)->type, ((const kg_type_count *)b)->type);
}

/* Counts values of `type` (a string per element) into a sorted list. */
static kg_status count_types(const char *const *types, size_t n, kg_type_count **out,
                             size_t *count)
{
    kg_type_count *list = calloc(n + 1, sizeof *list);
    if (!list)
        return KG_ENOMEM;
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < used && strcmp(list[j].type, types[i]) != 0)
            j++; /* few distinct types: a linear scan is fine */
        if (j == used)
            list[used++].type = types[i];
        list[j].count++;
    }
    qsort(list, used, sizeof *list, compare_counts);
    *out = list;
    *count = used;
    return KG_OK;
}

static kg_status count_components(const kg_graph *g, kg_summary *s)
{
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g);
    size_t *parent = malloc((n + 1) * sizeof *parent);
    size_t *size = calloc(n + 1, sizeof *size);
    size_t *degree = calloc(n + 1, sizeof *degree);
    kg_status st = KG_ENOMEM;
    if (!parent || !size || !degree)
        goto cleanup;
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    for (size_t j = 0; j < m; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        degree[e->source]++;
        degree[e->target]++;
        size_t a = find_root(parent, e->source), b = find_root(parent, e->target);
        if (a != b)
            parent[a < b ? b : a] = a < b ? a : b;
    }
    for (size_t i = 0; i < n; i++) {
        size_t r = find_root(parent, i);
        if (size[r]++ == 0)
            s->weak_components++;
        if (size[r] > s->largest_component)
            s->largest_component = size[r];
        if (degree[i] == 0)
            s->isolated_nodes++;
    }
    st = KG_OK;
cleanup:
    free(parent);
    free(size);
    free(degree);
    return st;
}

kg_status kg_summarise(const kg_graph *g, kg_summary *s, kg_error *err)
{
    memset(s, 0, sizeof *s);
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g);
    s->node_count = n;
    s->edge_count = m;
    const char **types = malloc((n > m ? n : m) * sizeof *types + 1);
    kg_status st = types ? KG_OK : KG_ENOMEM;
    for (size_t i = 0; st == KG_OK && i < n; i++)
        types[i] = kg_graph_node(g, i)->type;
    if (st == KG_OK)
        st = count_types(types, n, &s->node_types, &s->node_type_count);
    for (size_t j = 0; st == KG_OK && j < m; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        types[j] = e->type;
        s->self_loops += e->source == e->target;
        s->dated_edges += e->start.precision || e->end.precision;
        s->evidenced_edges += e->evidence_count > 0;
    }
    if (st == KG_OK)
        st = count_types(types, m, &s->edge_types, &s->edge_type_count);
    if (st == KG_OK)
        st = count_components(g, s);
    free(types);
    if (st != KG_OK) {
        kg_summary_clear(s);
        return kg_error_set(err, st, NULL, "out of memory while summarising the graph");
    }
    return KG_OK;
}

void kg_summary_clear(kg_summary *s)
{
    free(s->node_types);
    free(s->edge_types);
    memset(s, 0, sizeof *s);
}
