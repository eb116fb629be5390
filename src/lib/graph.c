/* graph.c - the in-memory model: loaders add nodes and edges, finish sorts
 * them into the canonical order every exporter relies on for byte-identical
 * output, and the accessors serve exporters and analysis. */
#include "kg/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct kg_graph {
    kg_arena arena;
    kg_strset strings;
    kg_schema *schema;
    const char *name, *title, *description;
    kg_node *nodes;
    size_t node_count, node_capacity;
    kg_edge *edges;
    size_t edge_count, edge_capacity;
    kg_source *sources;
    size_t source_count, source_capacity;
    kg_index_map node_ids;
    bool is_finished;
};

kg_status kg_graph_new(kg_graph **out)
{
    kg_graph *g = calloc(1, sizeof *g);
    *out = g;
    if (!g)
        return KG_ENOMEM;
    kg_arena_init(&g->arena);
    kg_strset_init(&g->strings, &g->arena);
    kg_index_map_init(&g->node_ids);
    g->name = g->title = g->description = "";
    return KG_OK;
}

void kg_graph_free(kg_graph *g)
{
    if (!g)
        return;
    kg_schema_free(g->schema);
    kg_index_map_free(&g->node_ids);
    kg_strset_free(&g->strings);
    kg_arena_free(&g->arena);
    free(g->nodes);
    free(g->edges);
    free(g->sources);
    free(g);
}

void kg_graph_set_schema(kg_graph *g, kg_schema *schema)
{
    if (g->schema != schema)
        kg_schema_free(g->schema);
    g->schema = schema;
}

/* Interns s (NULL stays NULL). Returns false when out of memory. */
static bool intern(kg_graph *g, const char *s, const char **out)
{
    *out = s ? kg_strset_intern(&g->strings, s) : NULL;
    return !s || *out;
}

kg_status kg_graph_intern(kg_graph *g, const char *s, const char **out)
{
    return intern(g, s, out) ? KG_OK : KG_ENOMEM;
}

static kg_status set_text(kg_graph *g, const char **field, const char *text)
{
    const char *copy;
    if (!intern(g, text, &copy))
        return KG_ENOMEM;
    *field = copy ? copy : "";
    return KG_OK;
}

kg_status kg_graph_set_name(kg_graph *g, const char *name)
{
    return set_text(g, &g->name, name);
}

kg_status kg_graph_set_title(kg_graph *g, const char *title)
{
    return set_text(g, &g->title, title);
}

kg_status kg_graph_set_description(kg_graph *g, const char *text)
{
    return set_text(g, &g->description, text);
}

kg_status kg_graph_add_source(kg_graph *g, const kg_source *source)
{
    if (g->is_finished || !source->id)
        return KG_EUSAGE;
    if (kg_grow((void **)&g->sources, &g->source_capacity, g->source_count + 1,
                sizeof *g->sources) != KG_OK)
        return KG_ENOMEM;
    kg_source *s = &g->sources[g->source_count];
    if (!intern(g, source->id, &s->id) || !intern(g, source->title, &s->title) ||
        !intern(g, source->file, &s->file) || !intern(g, source->url, &s->url) ||
        !intern(g, source->retrieved, &s->retrieved))
        return KG_ENOMEM;
    g->source_count++;
    return KG_OK;
}

static kg_status copy_evidence(kg_graph *g, const kg_evidence *from, uint32_t count,
                               const kg_evidence **out)
{
    *out = NULL;
    if (count == 0)
        return KG_OK;
    kg_evidence *copy = kg_arena_alloc(&g->arena, count * sizeof *copy);
    if (!copy)
        return KG_ENOMEM;
    for (uint32_t i = 0; i < count; i++)
        if (!intern(g, from[i].source, &copy[i].source) ||
            !intern(g, from[i].quote, &copy[i].quote))
            return KG_ENOMEM;
    *out = copy;
    return KG_OK;
}

static int compare_attrs(const void *a, const void *b)
{
    return strcmp(((const kg_attr *)a)->key, ((const kg_attr *)b)->key);
}

static kg_status copy_attrs(kg_graph *g, const kg_attr *from, uint32_t count,
                            const kg_attr **out)
{
    *out = NULL;
    if (count == 0)
        return KG_OK;
    kg_attr *copy = kg_arena_alloc(&g->arena, count * sizeof *copy);
    if (!copy)
        return KG_ENOMEM;
    for (uint32_t i = 0; i < count; i++) {
        copy[i].kind = from[i].kind;
        if (!intern(g, from[i].key, &copy[i].key) ||
            !intern(g, from[i].text, &copy[i].text))
            return KG_ENOMEM;
    }
    qsort(copy, count, sizeof *copy, compare_attrs);
    *out = copy;
    return KG_OK;
}

static kg_status copy_aliases(kg_graph *g, const char *const *from, uint32_t count,
                              const char *const **out)
{
    *out = NULL;
    if (count == 0)
        return KG_OK;
    const char **copy = kg_arena_alloc(&g->arena, count * sizeof *copy);
    if (!copy)
        return KG_ENOMEM;
    for (uint32_t i = 0; i < count; i++)
        if (!intern(g, from[i], &copy[i]))
            return KG_ENOMEM;
    *out = copy;
    return KG_OK;
}

kg_status kg_graph_add_node(kg_graph *g, const kg_node *node, size_t *index)
{
    if (g->is_finished || !node->id)
        return KG_EUSAGE;
    if (kg_grow((void **)&g->nodes, &g->node_capacity, g->node_count + 1,
                sizeof *g->nodes) != KG_OK)
        return KG_ENOMEM;
    kg_node n = *node;
    if (!intern(g, node->id, &n.id) || !intern(g, node->type, &n.type) ||
        !intern(g, node->label ? node->label : node->id, &n.label) ||
        !intern(g, node->description, &n.description))
        return KG_ENOMEM;
    if (!n.type)
        n.type = "";
    kg_status st = copy_aliases(g, node->aliases, node->alias_count, &n.aliases);
    if (st == KG_OK)
        st = copy_evidence(g, node->evidence, node->evidence_count, &n.evidence);
    if (st == KG_OK)
        st = copy_attrs(g, node->attrs, node->attr_count, &n.attrs);
    if (st != KG_OK)
        return st;
    st = kg_index_map_put(&g->node_ids, n.id, g->node_count, NULL);
    if (st != KG_OK)
        return st; /* KG_EINPUT: duplicate id */
    g->nodes[g->node_count] = n;
    if (index)
        *index = g->node_count;
    g->node_count++;
    return KG_OK;
}

kg_status kg_graph_add_edge(kg_graph *g, const kg_edge *edge)
{
    if (g->is_finished || edge->source >= g->node_count ||
        edge->target >= g->node_count)
        return KG_EUSAGE;
    if (kg_grow((void **)&g->edges, &g->edge_capacity, g->edge_count + 1,
                sizeof *g->edges) != KG_OK)
        return KG_ENOMEM;
    kg_edge e = *edge;
    if (!intern(g, edge->id, &e.id) || !intern(g, edge->type, &e.type))
        return KG_ENOMEM;
    if (!e.type)
        e.type = "";
    kg_status st = copy_evidence(g, edge->evidence, edge->evidence_count, &e.evidence);
    if (st == KG_OK)
        st = copy_attrs(g, edge->attrs, edge->attr_count, &e.attrs);
    if (st != KG_OK)
        return st;
    g->edges[g->edge_count++] = e;
    return KG_OK;
}

size_t kg_graph_find_node(const kg_graph *g, const char *id)
{
    size_t i = kg_index_map_get(&g->node_ids, id);
    return i == (size_t)-1 ? KG_SCHEMA_NOT_FOUND : i;
}

/* ---- finish: canonical order and edge ids ----------------------------- */

typedef struct edge_key {
    const char *source, *type, *target;
    size_t position;
} edge_key;

static int compare_edge_keys(const void *pa, const void *pb)
{
    const edge_key *a = pa, *b = pb;
    int c = strcmp(a->source, b->source);
    if (c == 0)
        c = strcmp(a->type, b->type);
    if (c == 0)
        c = strcmp(a->target, b->target);
    if (c == 0)
        c = a->position < b->position ? -1 : a->position > b->position;
    return c;
}

static int compare_nodes(const void *a, const void *b)
{
    return strcmp(((const kg_node *)a)->id, ((const kg_node *)b)->id);
}

/* Sorts nodes by id, fills old_to_new (the id map still holds the old
 * indexes until it is rebuilt here). */
static kg_status sort_nodes(kg_graph *g, size_t *old_to_new)
{
    if (g->node_count > 1) /* an empty graph has no array: qsort(NULL) is undefined */
        qsort(g->nodes, g->node_count, sizeof *g->nodes, compare_nodes);
    for (size_t i = 0; i < g->node_count; i++)
        old_to_new[kg_index_map_get(&g->node_ids, g->nodes[i].id)] = i;
    kg_index_map_free(&g->node_ids);
    for (size_t i = 0; i < g->node_count; i++)
        if (kg_index_map_put(&g->node_ids, g->nodes[i].id, i, NULL) != KG_OK)
            return KG_ENOMEM; /* ids were unique when added */
    return KG_OK;
}

static kg_status sort_edges(kg_graph *g, const size_t *old_to_new)
{
    if (g->edge_count == 0)
        return KG_OK;
    edge_key *keys = malloc(g->edge_count * sizeof *keys);
    kg_edge *sorted = malloc(g->edge_count * sizeof *sorted);
    kg_status st = KG_ENOMEM;
    if (!keys || !sorted)
        goto cleanup;
    for (size_t i = 0; i < g->edge_count; i++) {
        kg_edge *e = &g->edges[i];
        e->source = old_to_new[e->source];
        e->target = old_to_new[e->target];
        keys[i] = (edge_key){g->nodes[e->source].id, e->type,
                             g->nodes[e->target].id, i};
    }
    qsort(keys, g->edge_count, sizeof *keys, compare_edge_keys);
    for (size_t i = 0; i < g->edge_count; i++)
        sorted[i] = g->edges[keys[i].position];
    free(g->edges);
    g->edges = sorted;
    g->edge_capacity = g->edge_count;
    sorted = NULL;
    st = KG_OK;
cleanup:
    free(keys);
    free(sorted);
    return st;
}

/* Gives every edge without an id "SOURCE:TYPE:TARGET", suffixed ":2", ":3"
 * for the later parallel edges, skipping any suffix an explicit id took. */
static kg_status assign_edge_ids(kg_graph *g, kg_error *err)
{
    kg_index_map used;
    kg_index_map_init(&used);
    kg_status st = KG_OK;
    char *buf = NULL;
    size_t buf_size = 0;
    for (size_t i = 0; i < g->edge_count && st == KG_OK; i++) {
        const kg_edge *e = &g->edges[i];
        if (e->id && kg_index_map_put(&used, e->id, i, NULL) != KG_OK) {
            st = kg_index_map_get(&used, e->id) == (size_t)-1 ? KG_ENOMEM : KG_EINPUT;
            if (st == KG_EINPUT)
                kg_error_set(err, st, NULL, "duplicate relation id '%s'", e->id);
        }
    }
    for (size_t i = 0; i < g->edge_count && st == KG_OK; i++) {
        kg_edge *e = &g->edges[i];
        if (e->id)
            continue;
        const char *s = g->nodes[e->source].id, *t = g->nodes[e->target].id;
        size_t need = strlen(s) + strlen(e->type) + strlen(t) + 32;
        if (need > buf_size) {
            char *grown = realloc(buf, need);
            if (!grown) { st = KG_ENOMEM; break; }
            buf = grown;
            buf_size = need;
        }
        int base = snprintf(buf, buf_size, "%s:%s:%s", s, e->type, t);
        for (unsigned k = 2; kg_index_map_get(&used, buf) != (size_t)-1; k++)
            snprintf(buf + base, buf_size - (size_t)base, ":%u", k);
        if (!intern(g, buf, &e->id) ||
            kg_index_map_put(&used, e->id, i, NULL) != KG_OK)
            st = KG_ENOMEM;
    }
    free(buf);
    kg_index_map_free(&used);
    return st;
}

kg_status kg_graph_finish(kg_graph *g, kg_error *err)
{
    if (g->is_finished)
        return KG_OK;
    size_t *old_to_new = malloc((g->node_count + 1) * sizeof *old_to_new);
    kg_status st = old_to_new ? sort_nodes(g, old_to_new) : KG_ENOMEM;
    if (st == KG_OK)
        st = sort_edges(g, old_to_new);
    if (st == KG_OK)
        st = assign_edge_ids(g, err);
    if (st == KG_OK)
        g->is_finished = true;
    else if (st == KG_ENOMEM)
        kg_error_set(err, st, NULL, "out of memory while sorting the graph");
    free(old_to_new);
    return st;
}

bool kg_graph_is_finished(const kg_graph *g)
{
    return g->is_finished;
}

/* ---- reading ---------------------------------------------------------- */

const kg_schema *kg_graph_schema(const kg_graph *g) { return g->schema; }
const char *kg_graph_name(const kg_graph *g) { return g->name; }
const char *kg_graph_title(const kg_graph *g) { return g->title; }
const char *kg_graph_description(const kg_graph *g) { return g->description; }
size_t kg_graph_node_count(const kg_graph *g) { return g->node_count; }
size_t kg_graph_edge_count(const kg_graph *g) { return g->edge_count; }
size_t kg_graph_source_count(const kg_graph *g) { return g->source_count; }

const kg_node *kg_graph_node(const kg_graph *g, size_t i)
{
    return i < g->node_count ? &g->nodes[i] : NULL;
}

const kg_edge *kg_graph_edge(const kg_graph *g, size_t i)
{
    return i < g->edge_count ? &g->edges[i] : NULL;
}

const kg_source *kg_graph_source(const kg_graph *g, size_t i)
{
    return i < g->source_count ? &g->sources[i] : NULL;
}

const kg_source *kg_graph_find_source(const kg_graph *g, const char *id)
{
    for (size_t i = 0; i < g->source_count; i++)
        if (strcmp(g->sources[i].id, id) == 0)
            return &g->sources[i];
    return NULL;
}

static const kg_attr *find_attr(const kg_attr *attrs, uint32_t count,
                                const char *key)
{
    kg_attr probe = {key, NULL, KG_VALUE_STRING};
    return count ? bsearch(&probe, attrs, count, sizeof *attrs, compare_attrs)
                 : NULL;
}

const kg_attr *kg_node_attr(const kg_node *node, const char *key)
{
    return find_attr(node->attrs, node->attr_count, key);
}

const kg_attr *kg_edge_attr(const kg_edge *edge, const char *key)
{
    return find_attr(edge->attrs, edge->attr_count, key);
}

/* ---- filtering -------------------------------------------------------- */

static kg_status copy_header(const kg_graph *from, kg_graph *to)
{
    kg_graph_set_schema(to, kg_schema_ref(from->schema));
    kg_status st = kg_graph_set_name(to, from->name);
    if (st == KG_OK) st = kg_graph_set_title(to, from->title);
    if (st == KG_OK) st = kg_graph_set_description(to, from->description);
    for (size_t i = 0; i < from->source_count && st == KG_OK; i++)
        st = kg_graph_add_source(to, &from->sources[i]);
    return st;
}

kg_status kg_graph_filter(const kg_graph *g, const bool *keep_node,
                          const bool *keep_edge, kg_graph **out)
{
    kg_graph *sub = NULL;
    size_t *new_index = NULL;
    kg_status st = kg_graph_new(&sub);
    if (st != KG_OK)
        goto cleanup;
    st = copy_header(g, sub);
    new_index = malloc((g->node_count + 1) * sizeof *new_index);
    if (!new_index)
        st = KG_ENOMEM;
    for (size_t i = 0; i < g->node_count && st == KG_OK; i++) {
        new_index[i] = KG_SCHEMA_NOT_FOUND;
        if (!keep_node || keep_node[i])
            st = kg_graph_add_node(sub, &g->nodes[i], &new_index[i]);
    }
    for (size_t j = 0; j < g->edge_count && st == KG_OK; j++) {
        kg_edge e = g->edges[j];
        if ((keep_edge && !keep_edge[j]) || new_index[e.source] == KG_SCHEMA_NOT_FOUND ||
            new_index[e.target] == KG_SCHEMA_NOT_FOUND)
            continue;
        e.source = new_index[e.source];
        e.target = new_index[e.target];
        st = kg_graph_add_edge(sub, &e);
    }
    if (st == KG_OK)
        st = kg_graph_finish(sub, NULL);
cleanup:
    free(new_index);
    if (st != KG_OK) {
        kg_graph_free(sub);
        sub = NULL;
    }
    *out = sub;
    return st;
}
