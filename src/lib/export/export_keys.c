/* export_keys.c - the typed free-attribute keys of a graph, shared by the
 * exporters that declare attributes before use (GraphML, yEd, GEXF, Neo4j
 * CSV headers): every (name, kind) pair in name order, with a name whose
 * values mix kinds declared double when all are numbers, string otherwise. */
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "internal.h"

static int compare_keys(const void *a, const void *b)
{
    const kg_attr_key *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (int)x->kind - (int)y->kind;
}

static kg_value_kind merge_kinds(kg_value_kind a, kg_value_kind b)
{
    if (a == b)
        return a;
    bool both_numbers = (a == KG_VALUE_INTEGER || a == KG_VALUE_REAL) &&
                        (b == KG_VALUE_INTEGER || b == KG_VALUE_REAL);
    return both_numbers ? KG_VALUE_REAL : KG_VALUE_STRING;
}

static void element_attrs(const kg_graph *g, bool for_nodes, size_t i, const char **type,
                          const kg_attr **attrs, uint32_t *count)
{
    if (for_nodes) {
        const kg_node *n = kg_graph_node(g, i);
        *type = n->type, *attrs = n->attrs, *count = n->attr_count;
    } else {
        const kg_edge *e = kg_graph_edge(g, i);
        *type = e->type, *attrs = e->attrs, *count = e->attr_count;
    }
}

/* The distinct names seen so far, merged as they come: a graph has few
 * names but millions of values, so each value costs one lookup (by
 * address first: names are interned, and most records repeat the keys of
 * the one before), not a slot in a table sorted afterwards. */
typedef struct key_set {
    kg_attr_keys *t;
    size_t capacity;
    kg_index_map index; /* name -> position in t */
} key_set;

static kg_status add_key(key_set *set, const char *name, kg_value_kind kind, size_t *hint)
{
    kg_attr_keys *t = set->t;
    size_t at = *hint < t->count && t->keys[*hint].name == name
                    ? *hint
                    : kg_index_map_get(&set->index, name);
    if (at != KG_SCHEMA_NOT_FOUND) {
        t->keys[at].kind = merge_kinds(t->keys[at].kind, kind);
        *hint = at + 1;
        return KG_OK;
    }
    if (t->count == set->capacity) {
        size_t capacity = set->capacity ? 2 * set->capacity : 8;
        kg_attr_key *grown = realloc(t->keys, capacity * sizeof *grown);
        if (!grown)
            return KG_ENOMEM;
        t->keys = grown;
        set->capacity = capacity;
    }
    if (kg_index_map_put(&set->index, name, t->count, NULL) != KG_OK)
        return KG_ENOMEM;
    t->keys[t->count++] = (kg_attr_key){name, kind};
    *hint = t->count;
    return KG_OK;
}

static kg_status collect(const kg_graph *g, bool for_nodes, const char *only_type, key_set *set)
{
    size_t n = for_nodes ? kg_graph_node_count(g) : kg_graph_edge_count(g);
    const char *type;
    const kg_attr *attrs;
    uint32_t count;
    for (size_t i = 0; i < n; i++) {
        element_attrs(g, for_nodes, i, &type, &attrs, &count);
        if (only_type && strcmp(type, only_type) != 0)
            continue;
        size_t hint = 0;
        for (uint32_t j = 0; j < count; j++)
            if (add_key(set, attrs[j].key, attrs[j].kind, &hint) != KG_OK)
                return KG_ENOMEM;
    }
    return KG_OK;
}

/* Attribute keys are interned by the graph and outlive the table. */
kg_status kg_export_collect_keys(const kg_graph *g, bool for_nodes, const char *only_type,
                                 kg_attr_keys *t)
{
    *t = (kg_attr_keys){0};
    key_set set = {.t = t};
    kg_index_map_init(&set.index);
    kg_status st = collect(g, for_nodes, only_type, &set);
    kg_index_map_free(&set.index);
    if (st != KG_OK) {
        kg_export_keys_free(t);
        return st;
    }
    if (t->count > 1)
        qsort(t->keys, t->count, sizeof *t->keys, compare_keys);
    return KG_OK;
}

size_t kg_export_find_key(const kg_attr_keys *t, const char *name)
{
    /* Keys are the graph's interned strings, so the usual few keys are
     * found by address, without comparing text (this runs per value). */
    for (size_t i = 0; i < t->count && i < 16; i++)
        if (t->keys[i].name == name)
            return i;
    size_t lo = 0, hi = t->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->keys[mid].name, name);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return KG_SCHEMA_NOT_FOUND;
}

void kg_export_keys_free(kg_attr_keys *t)
{
    free(t->keys);
    t->keys = NULL;
    t->count = 0;
}
