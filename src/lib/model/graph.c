/* graph.c - the in-memory model: loaders add nodes and edges, finish sorts
 * them into the canonical order every exporter relies on for byte-identical
 * output, and the accessors serve exporters and analysis. */
#include "kg/graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
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

kg_status kg_graph_intern_new(kg_graph *g, const char *s, const char **out, bool *is_new)
{
    size_t before = g->strings.count;
    kg_status st = kg_graph_intern(g, s, out);
    *is_new = g->strings.count != before;
    return st;
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
    kg_evidence *copy = kg_arena_alloc_aligned(&g->arena, count * sizeof *copy,
                                                _Alignof(kg_evidence));
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
    kg_attr *copy = kg_arena_alloc_aligned(&g->arena, count * sizeof *copy, _Alignof(kg_attr));
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
    const char **copy = kg_arena_alloc_aligned(&g->arena, count * sizeof *copy,
                                              _Alignof(const char *));
    if (!copy)
        return KG_ENOMEM;
    for (uint32_t i = 0; i < count; i++)
        if (!intern(g, from[i], &copy[i]))
            return KG_ENOMEM;
    *out = copy;
    return KG_OK;
}

/* What entities and relations both carry: evidence and attributes. */
static kg_status copy_evidence_attrs(kg_graph *g, const kg_evidence *evidence,
                                     uint32_t evidence_count, const kg_evidence **evidence_out,
                                     const kg_attr *attrs, uint32_t attr_count,
                                     const kg_attr **attrs_out)
{
    kg_status st = copy_evidence(g, evidence, evidence_count, evidence_out);
    if (st == KG_OK)
        st = copy_attrs(g, attrs, attr_count, attrs_out);
    return st;
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
        st = copy_evidence_attrs(g, node->evidence, node->evidence_count, &n.evidence,
                                 node->attrs, node->attr_count, &n.attrs);
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
    kg_status st = copy_evidence_attrs(g, edge->evidence, edge->evidence_count, &e.evidence,
                                       edge->attrs, edge->attr_count, &e.attrs);
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

/* ---- finish: canonical order and edge ids -----------------------------
 * Sorting compares integers, not strings, wherever it can: nodes by the
 * first 8 bytes of their id (then the rest), edges by (source index, type
 * rank, target index, position) once the nodes are in id order, which is
 * the same order as (source id, type, target id, position). On a million
 * nodes and five million edges this is seconds instead of tens of seconds,
 * and edges are permuted in place, so sorting needs no second edge array. */

typedef struct node_key {
    uint64_t prefix; /* the id's first 8 bytes, big-endian, zero-padded */
    const char *id;
    size_t index;
} node_key;

static uint64_t id_prefix(const char *s)
{
    uint64_t p = 0;
    int i = 0;
    for (; i < 8 && s[i]; i++)
        p = (p << 8) | (unsigned char)s[i];
    return i ? p << (8 * (8 - i)) : 0;
}

static int compare_node_keys(const void *pa, const void *pb)
{
    const node_key *a = pa, *b = pb;
    if (a->prefix != b->prefix)
        return a->prefix < b->prefix ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Sorts nodes by id and fills old_to_new; the id map keeps its keys (the
 * strings do not move) and has its values renumbered in place. Nodes are
 * permuted in place along the permutation's cycles (a key whose index is
 * its own place is done), so no second node array is needed. */
static kg_status sort_nodes(kg_graph *g, size_t *old_to_new)
{
    size_t n = g->node_count;
    if (n == 0)
        return KG_OK;
    node_key *keys = malloc(n * sizeof *keys);
    if (!keys)
        return KG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        keys[i] = (node_key){id_prefix(g->nodes[i].id), g->nodes[i].id, i};
    qsort(keys, n, sizeof *keys, compare_node_keys);
    for (size_t i = 0; i < n; i++)
        old_to_new[keys[i].index] = i;
    for (size_t i = 0; i < n; i++) {
        if (keys[i].index == i)
            continue;
        kg_node held = g->nodes[i];
        size_t j = i;
        for (;;) {
            size_t k = keys[j].index;
            keys[j].index = j;
            if (k == i) {
                g->nodes[j] = held;
                break;
            }
            g->nodes[j] = g->nodes[k];
            j = k;
        }
    }
    free(keys);
    kg_index_map *map = &g->node_ids;
    for (size_t j = 0; j < map->capacity; j++)
        if (map->slots[j].key)
            map->slots[j].value = old_to_new[map->slots[j].value];
    return KG_OK;
}

/* hi: source index and type rank; lo: target index and position. */
typedef struct edge_key {
    uint64_t hi, lo;
} edge_key;

static int compare_edge_keys(const void *pa, const void *pb)
{
    const edge_key *a = pa, *b = pb;
    if (a->hi != b->hi)
        return a->hi < b->hi ? -1 : 1;
    return a->lo < b->lo ? -1 : a->lo > b->lo;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Replaces the low 32 bits of each key's hi, a type number in order of
 * first appearance, by the type's rank in name order. */
static kg_status rank_types(edge_key *keys, size_t m, const char **names, size_t count)
{
    const char **order = malloc(count * sizeof *order);
    uint32_t *rank = malloc(count * sizeof *rank);
    kg_index_map by_name;
    kg_index_map_init(&by_name);
    kg_status st = order && rank ? KG_OK : KG_ENOMEM;
    if (st == KG_OK) {
        memcpy(order, names, count * sizeof *order);
        qsort(order, count, sizeof *order, compare_names);
        for (size_t i = 0; i < count && st == KG_OK; i++)
            st = kg_index_map_put(&by_name, order[i], i, NULL);
    }
    for (size_t i = 0; i < count && st == KG_OK; i++)
        rank[i] = (uint32_t)kg_index_map_get(&by_name, names[i]);
    for (size_t j = 0; j < m && st == KG_OK; j++)
        keys[j].hi = (keys[j].hi & ~(uint64_t)UINT32_MAX) | rank[keys[j].hi & UINT32_MAX];
    kg_index_map_free(&by_name);
    free(order);
    free(rank);
    return st;
}

/* Numbers the edges' types in order of first appearance (equal names,
 * even at different addresses, share a number) into the keys. */
static kg_status number_types(const kg_graph *g, edge_key *keys, const char ***names,
                              size_t *count)
{
    kg_index_map seen;
    kg_index_map_init(&seen);
    size_t capacity = 0, number = 0;
    const char *last = NULL;
    kg_status st = KG_OK;
    *names = NULL;
    *count = 0;
    for (size_t j = 0; j < g->edge_count && st == KG_OK; j++) {
        const char *type = g->edges[j].type;
        if (type != last) {
            number = kg_index_map_get(&seen, type);
            if (number == (size_t)-1) {
                number = *count;
                st = kg_grow((void **)names, &capacity, *count + 1, sizeof **names);
                if (st == KG_OK)
                    st = kg_index_map_put(&seen, type, number, NULL);
                if (st == KG_OK)
                    (*names)[(*count)++] = type;
            }
            last = type;
        }
        keys[j].hi |= (uint64_t)number;
    }
    kg_index_map_free(&seen);
    return st;
}

/* Moves edge keys[i].position to place i, following the permutation's
 * cycles; a key whose position is its own index is done. */
static void permute_edges(kg_edge *edges, edge_key *keys, size_t m)
{
#define POSITION(i) ((size_t)(keys[i].lo & UINT32_MAX))
#define SET_DONE(i) (keys[i].lo = (keys[i].lo & ~(uint64_t)UINT32_MAX) | (uint64_t)(i))
    for (size_t i = 0; i < m; i++) {
        if (POSITION(i) == i)
            continue;
        kg_edge held = edges[i];
        size_t j = i;
        for (;;) {
            size_t k = POSITION(j);
            SET_DONE(j);
            if (k == i) {
                edges[j] = held;
                break;
            }
            edges[j] = edges[k];
            j = k;
        }
    }
#undef POSITION
#undef SET_DONE
}

static kg_status sort_edges(kg_graph *g, const size_t *old_to_new)
{
    size_t m = g->edge_count;
    if (m == 0)
        return KG_OK;
    edge_key *keys = malloc(m * sizeof *keys);
    const char **names = NULL;
    size_t type_count = 0;
    if (!keys)
        return KG_ENOMEM;
    for (size_t i = 0; i < m; i++) {
        kg_edge *e = &g->edges[i];
        e->source = old_to_new[e->source];
        e->target = old_to_new[e->target];
        keys[i].hi = (uint64_t)e->source << 32;
        keys[i].lo = (uint64_t)e->target << 32 | (uint64_t)i;
    }
    kg_status st = number_types(g, keys, &names, &type_count);
    if (st == KG_OK)
        st = rank_types(keys, m, names, type_count);
    if (st == KG_OK) {
        qsort(keys, m, sizeof *keys, compare_edge_keys);
        permute_edges(g->edges, keys, m);
    }
    free(names);
    free(keys);
    return st;
}

/* Edge ids seen so far: open addressing over edge indexes, each slot
 * (hash tag << 32 | index + 1), 0 when empty. The tag spares most string
 * comparisons; 8 bytes a slot, at most 2/3 full, only while finishing. */
typedef struct id_table {
    uint64_t *slots;
    size_t mask;
} id_table;

static uint64_t *id_slot(const id_table *t, const kg_graph *g, const char *id, uint64_t hash)
{
    uint32_t tag = (uint32_t)(hash >> 32);
    for (size_t j = hash & t->mask;; j = (j + 1) & t->mask) {
        uint64_t slot = t->slots[j];
        if (!slot || ((uint32_t)(slot >> 32) == tag &&
                      strcmp(g->edges[(uint32_t)slot - 1].id, id) == 0))
            return &t->slots[j];
    }
}

static void id_put(uint64_t *slot, uint64_t hash, size_t edge)
{
    *slot = (hash >> 32) << 32 | (uint64_t)(edge + 1);
}

/* Gives every edge without an id "SOURCE:TYPE:TARGET", suffixed ":2", ":3"
 * for the later parallel edges, skipping any suffix an explicit id took.
 * Generated ids are unique by construction, so they go straight into the
 * arena rather than through the string set. */
static kg_status assign_edge_ids(kg_graph *g, kg_error *err)
{
    size_t capacity = 16;
    while (capacity < g->edge_count + g->edge_count / 2 + 1)
        capacity *= 2;
    id_table t = {calloc(capacity, sizeof *t.slots), capacity - 1};
    if (!t.slots)
        return KG_ENOMEM;
    kg_status st = KG_OK;
    char *buf = NULL;
    size_t buf_size = 0;
    for (size_t i = 0; i < g->edge_count && st == KG_OK; i++) {
        const kg_edge *e = &g->edges[i];
        if (!e->id)
            continue;
        uint64_t h = kg_hash_string(e->id);
        uint64_t *slot = id_slot(&t, g, e->id, h);
        if (*slot)
            st = kg_error_set(err, KG_EINPUT, NULL, "duplicate relation id '%s'", e->id);
        else
            id_put(slot, h, i);
    }
    for (size_t i = 0; i < g->edge_count && st == KG_OK; i++) {
        kg_edge *e = &g->edges[i];
        if (e->id)
            continue;
        const char *s = g->nodes[e->source].id, *d = g->nodes[e->target].id;
        size_t s_len = strlen(s), t_len = strlen(e->type), d_len = strlen(d);
        size_t need = s_len + t_len + d_len + 32;
        if (need > buf_size) {
            char *grown = realloc(buf, need);
            if (!grown) { st = KG_ENOMEM; break; }
            buf = grown;
            buf_size = need;
        }
        /* "%s:%s:%s" without snprintf, which took 40% of this loop */
        memcpy(buf, s, s_len);
        buf[s_len] = ':';
        memcpy(buf + s_len + 1, e->type, t_len);
        buf[s_len + 1 + t_len] = ':';
        memcpy(buf + s_len + t_len + 2, d, d_len);
        int len = (int)(s_len + t_len + d_len + 2);
        buf[len] = '\0';
        int base = len;
        uint64_t h = kg_hash_string(buf);
        uint64_t *slot = id_slot(&t, g, buf, h);
        for (unsigned k = 2; *slot; k++) {
            len = base + snprintf(buf + base, buf_size - (size_t)base, ":%u", k);
            h = kg_hash_string(buf);
            slot = id_slot(&t, g, buf, h);
        }
        e->id = kg_arena_strndup(&g->arena, buf, (size_t)len);
        if (!e->id)
            st = KG_ENOMEM;
        else
            id_put(slot, h, i);
    }
    free(buf);
    free(t.slots);
    return st;
}

/* Sorting moves edges but not their attribute arrays, which stay where
 * loading put them, in input order; exporters and filters read them in
 * edge order, so on a large graph each read was a cache miss. One pass
 * lays them out again in edge order (the first copies stay in the arena,
 * unused: 24 bytes per attribute). */
static kg_status pack_edge_attrs(kg_graph *g)
{
    size_t total = 0;
    for (size_t i = 0; i < g->edge_count; i++)
        total += g->edges[i].attr_count;
    if (total == 0)
        return KG_OK;
    if (total > SIZE_MAX / sizeof(kg_attr))
        return KG_ENOMEM;
    kg_attr *packed = kg_arena_alloc_aligned(&g->arena, total * sizeof *packed, _Alignof(kg_attr));
    if (!packed)
        return KG_ENOMEM;
    enum { AHEAD = 16 };
    for (size_t i = 0; i < g->edge_count; i++) {
        kg_edge *e = &g->edges[i];
#if defined(__GNUC__)
        if (i + AHEAD < g->edge_count)
            __builtin_prefetch(g->edges[i + AHEAD].attrs);
#endif
        if (e->attr_count == 0)
            continue;
        memcpy(packed, e->attrs, e->attr_count * sizeof *packed);
        e->attrs = packed;
        packed += e->attr_count;
    }
    return KG_OK;
}

kg_status kg_graph_finish(kg_graph *g, kg_error *err)
{
    if (g->is_finished)
        return KG_OK;
    /* Keys pack node and edge indexes and type ranks into 32 bits. */
    if (g->node_count >= UINT32_MAX || g->edge_count >= UINT32_MAX)
        return kg_error_set(err, KG_ELIMIT, NULL, "more than %u nodes or edges", UINT32_MAX - 1);
    size_t *old_to_new = malloc((g->node_count + 1) * sizeof *old_to_new);
    kg_status st = old_to_new ? sort_nodes(g, old_to_new) : KG_ENOMEM;
    if (st == KG_OK)
        st = sort_edges(g, old_to_new);
    if (st == KG_OK)
        st = pack_edge_attrs(g);
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
