/* view.c - choosing what a readable drawing shows (kg/view.h): a chain
 * of one relation type, the most central entities, the paths between two
 * entities, a selection, or the whole graph folded into groups. Each view
 * is a new graph plus what the drawing needs to know about it; the drawing
 * itself is kg/draw.h's (the export stage). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/view.h"

static kg_status no_memory(kg_error *err)
{
    return kg_error_set(err, KG_ENOMEM, NULL, "out of memory while choosing a view");
}

/* Copies the kept entities into d->graph and carries centres over (their
 * index in the copy is found by id: the copy is sorted its own way). */
static kg_status take(const kg_graph *g, const bool *keep_node, const bool *keep_edge,
                      const bool *centres, kg_diagram *d, kg_error *err)
{
    if (kg_graph_filter(g, keep_node, keep_edge, &d->graph) != KG_OK)
        return no_memory(err);
    if (!centres)
        return KG_OK;
    size_t n = kg_graph_node_count(d->graph);
    d->is_centre = calloc(n ? n : 1, sizeof *d->is_centre);
    if (!d->is_centre)
        return no_memory(err);
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        if (!centres[i])
            continue;
        size_t j = kg_graph_find_node(d->graph, kg_graph_node(g, i)->id);
        if (j < n)
            d->is_centre[j] = true;
    }
    return KG_OK;
}

/* The end every view shares: when st is still KG_OK, out takes the kept
 * entities and relations; the selection arrays are freed (any may be NULL),
 * and out is cleared on failure. */
static kg_status finish_view(kg_status st, const kg_graph *g, bool *keep_node, bool *keep_edge,
                             bool *centres, kg_diagram *out, kg_error *err)
{
    if (st == KG_OK)
        st = take(g, keep_node, keep_edge, centres, out, err);
    free(keep_node);
    free(keep_edge);
    free(centres);
    if (st != KG_OK)
        kg_diagram_clear(out);
    return st;
}

kg_status kg_view_select(const kg_graph *g, const bool *keep, const bool *centres,
                         kg_diagram *out, kg_error *err)
{
    memset(out, 0, sizeof *out);
    kg_status st = take(g, keep, NULL, centres, out, err);
    if (st != KG_OK)
        kg_diagram_clear(out);
    return st;
}

/* Whether type is one of the comma-separated names in list. */
static bool in_type_list(const char *type, const char *list)
{
    size_t n = strlen(type);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, type, n) == 0)
            return true;
        p += len;
        if (*p == ',')
            p++;
    }
    return false;
}

kg_status kg_view_chain(const kg_graph *g, const char *edge_type, kg_diagram *out,
                        kg_error *err)
{
    memset(out, 0, sizeof *out);
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g);
    bool *keep_node = calloc(n + 1, sizeof *keep_node);
    bool *keep_edge = calloc(m + 1, sizeof *keep_edge);
    kg_status st = keep_node && keep_edge ? KG_OK : no_memory(err);
    size_t found = 0;
    for (size_t j = 0; st == KG_OK && j < m; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        if (!e->type || !in_type_list(e->type, edge_type))
            continue;
        keep_edge[j] = keep_node[e->source] = keep_node[e->target] = true;
        found++;
    }
    if (st == KG_OK && found == 0)
        st = kg_error_set(err, KG_EINPUT, NULL, "no relation of type '%s' to draw as a chain",
                          edge_type);
    st = finish_view(st, g, keep_node, keep_edge, NULL, out, err);
    if (st == KG_OK)
        out->kind = KG_DIAGRAM_TIMELINE;
    return st;
}

kg_status kg_view_top(const kg_graph *g, kg_measure measure, size_t top, kg_diagram *out,
                      kg_error *err)
{
    memset(out, 0, sizeof *out);
    size_t n = kg_graph_node_count(g);
    double *values = malloc((n + 1) * sizeof *values);
    size_t *order = malloc((n + 1) * sizeof *order);
    bool *keep = calloc(n + 1, sizeof *keep);
    kg_status st = values && order && keep ? KG_OK : no_memory(err);
    kg_centrality_options options = kg_centrality_defaults();
    if (st == KG_OK)
        st = kg_centrality(g, measure, &options, values, err);
    if (st == KG_OK)
        st = kg_rank(values, n, order, err);
    for (size_t i = 0; st == KG_OK && i < top && i < n; i++)
        keep[order[i]] = true;
    free(values);
    free(order);
    return finish_view(st, g, keep, NULL, NULL, out, err);
}

kg_status kg_view_path(const kg_graph *g, size_t from, size_t to, kg_diagram *out,
                       kg_error *err)
{
    memset(out, 0, sizeof *out);
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g);
    kg_path_list paths = {0};
    kg_path_options options = {.is_directed = false, .is_all = true, .max_paths = 0};
    bool *keep_node = calloc(n + 1, sizeof *keep_node);
    bool *keep_edge = calloc(m + 1, sizeof *keep_edge);
    bool *centres = calloc(n + 1, sizeof *centres);
    kg_status st = keep_node && keep_edge && centres ? KG_OK : no_memory(err);
    if (st == KG_OK)
        st = kg_shortest_paths(g, from, to, &options, &paths, err);
    if (st == KG_OK && paths.count == 0)
        st = kg_error_set(err, KG_EINPUT, NULL, "no path joins '%s' and '%s'",
                          kg_graph_node(g, from)->id, kg_graph_node(g, to)->id);
    for (size_t p = 0; st == KG_OK && p < paths.count; p++) {
        const kg_path *path = &paths.paths[p];
        for (size_t i = 0; i <= path->length; i++)
            keep_node[path->nodes[i]] = true;
        for (size_t i = 0; i < path->length; i++)
            keep_edge[path->edges[i]] = true;
    }
    if (st == KG_OK)
        centres[from] = centres[to] = true;
    kg_path_list_clear(&paths);
    return finish_view(st, g, keep_node, keep_edge, centres, out, err);
}

/* ---- overview ----------------------------------------------------------- */

typedef struct ranked {
    size_t node, group, degree;
} ranked;

/* Group order, then highest degree, then node index (id order). */
static int compare_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    if (x->degree != y->degree)
        return x->degree > y->degree ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Groups by type: the largest first, ties by name. Fills membership[V],
 * names and sizes. */
typedef struct type_group {
    const char *name;
    size_t size;
} type_group;

static int compare_type_groups(const void *a, const void *b)
{
    const type_group *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return strcmp(x->name, y->name);
}

static kg_status group_by_type(const kg_graph *g, size_t *membership, kg_diagram *d)
{
    size_t n = kg_graph_node_count(g), count = 0;
    type_group *groups = calloc(n + 1, sizeof *groups);
    if (!groups)
        return KG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const char *type = kg_graph_node(g, i)->type ? kg_graph_node(g, i)->type : "";
        size_t k = 0;
        while (k < count && strcmp(groups[k].name, type) != 0)
            k++;
        if (k == count)
            groups[count++].name = type;
        groups[k].size++;
    }
    qsort(groups, count, sizeof *groups, compare_type_groups);
    d->group_names = calloc(count + 1, sizeof *d->group_names);
    d->group_sizes = calloc(count + 1, sizeof *d->group_sizes);
    kg_status st = d->group_names && d->group_sizes ? KG_OK : KG_ENOMEM;
    for (size_t k = 0; st == KG_OK && k < count; k++) {
        d->group_sizes[k] = groups[k].size;
        if (!(d->group_names[k] = strdup(groups[k].name)))
            st = KG_ENOMEM;
        d->group_count = k + 1;
    }
    for (size_t i = 0; st == KG_OK && i < n; i++) {
        const char *type = kg_graph_node(g, i)->type ? kg_graph_node(g, i)->type : "";
        for (size_t k = 0; k < count; k++)
            if (strcmp(groups[k].name, type) == 0)
                membership[i] = k;
    }
    free(groups);
    return st;
}

static kg_status group_by_community(const kg_graph *g, size_t *membership, kg_diagram *d,
                                    kg_error *err)
{
    kg_partition p = {0};
    kg_community_options options = kg_community_defaults();
    kg_status st = kg_communities(g, &options, &p, err);
    if (st != KG_OK)
        return st;
    memcpy(membership, p.membership, kg_graph_node_count(g) * sizeof *membership);
    d->group_names = calloc(p.count + 1, sizeof *d->group_names);
    d->group_sizes = calloc(p.count + 1, sizeof *d->group_sizes);
    st = d->group_names && d->group_sizes ? KG_OK : KG_ENOMEM;
    for (size_t k = 0; st == KG_OK && k < p.count; k++) {
        char name[64];
        snprintf(name, sizeof name, "community %zu", k + 1);
        d->group_sizes[k] = p.sizes[k];
        if (!(d->group_names[k] = strdup(name)))
            st = KG_ENOMEM;
        d->group_count = k + 1;
    }
    kg_partition_clear(&p);
    return st;
}

/* One link per unordered pair of groups (a group with itself: relations
 * inside it), in group order. */
static kg_status count_links(const kg_graph *g, const size_t *membership, kg_diagram *d)
{
    size_t k = d->group_count;
    size_t *counts = calloc(k * k + 1, sizeof *counts);
    if (!counts)
        return KG_ENOMEM;
    for (size_t j = 0; j < kg_graph_edge_count(g); j++) {
        size_t a = membership[kg_graph_edge(g, j)->source];
        size_t b = membership[kg_graph_edge(g, j)->target];
        counts[a < b ? a * k + b : b * k + a]++;
    }
    size_t pairs = 0;
    for (size_t i = 0; i < k * k; i++)
        pairs += counts[i] != 0;
    d->links = calloc(pairs + 1, sizeof *d->links);
    if (!d->links) {
        free(counts);
        return KG_ENOMEM;
    }
    for (size_t a = 0; a < k; a++)
        for (size_t b = a; b < k; b++)
            if (counts[a * k + b])
                d->links[d->link_count++] = (kg_diagram_link){a, b, counts[a * k + b]};
    free(counts);
    return KG_OK;
}

/* Keeps the per_group entities of highest degree of each group. */
static kg_status keep_representatives(const kg_graph *g, const size_t *membership,
                                      size_t per_group, kg_diagram *d, kg_error *err)
{
    size_t n = kg_graph_node_count(g);
    ranked *r = calloc(n + 1, sizeof *r);
    bool *keep = calloc(n + 1, sizeof *keep);
    bool *keep_edge = calloc(kg_graph_edge_count(g) + 1, sizeof *keep_edge); /* none */
    kg_status st = r && keep && keep_edge ? KG_OK : no_memory(err);
    for (size_t i = 0; st == KG_OK && i < n; i++)
        r[i] = (ranked){i, membership[i], 0};
    for (size_t j = 0; st == KG_OK && j < kg_graph_edge_count(g); j++) {
        r[kg_graph_edge(g, j)->source].degree++;
        r[kg_graph_edge(g, j)->target].degree++;
    }
    if (st == KG_OK)
        qsort(r, n, sizeof *r, compare_ranked);
    for (size_t i = 0, taken = 0; st == KG_OK && i < n; i++) {
        taken = i > 0 && r[i].group == r[i - 1].group ? taken + 1 : 0;
        keep[r[i].node] = taken < per_group;
    }
    if (st == KG_OK)
        st = take(g, keep, keep_edge, NULL, d, err);
    size_t kept = st == KG_OK ? kg_graph_node_count(d->graph) : 0;
    if (st == KG_OK && !(d->node_group = calloc(kept + 1, sizeof *d->node_group)))
        st = no_memory(err);
    for (size_t i = 0; st == KG_OK && i < n; i++) {
        size_t j = keep[i] ? kg_graph_find_node(d->graph, kg_graph_node(g, i)->id) : kept;
        if (j < kept)
            d->node_group[j] = membership[i];
    }
    free(r);
    free(keep);
    free(keep_edge);
    return st;
}

kg_status kg_view_overview(const kg_graph *g, kg_group_by group_by, size_t per_group,
                           kg_diagram *out, kg_error *err)
{
    memset(out, 0, sizeof *out);
    out->kind = KG_DIAGRAM_OVERVIEW;
    size_t n = kg_graph_node_count(g);
    size_t *membership = calloc(n + 1, sizeof *membership);
    kg_status st = membership ? KG_OK : no_memory(err);
    if (st == KG_OK) {
        st = group_by == KG_GROUP_BY_TYPE ? group_by_type(g, membership, out)
                                          : group_by_community(g, membership, out, err);
        if (st == KG_ENOMEM)
            no_memory(err);
    }
    if (st == KG_OK && count_links(g, membership, out) != KG_OK)
        st = no_memory(err);
    if (st == KG_OK)
        st = keep_representatives(g, membership, per_group, out, err);
    free(membership);
    if (st != KG_OK)
        kg_diagram_clear(out);
    return st;
}
