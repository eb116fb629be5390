/* export_keys.c - the typed free-attribute keys of a graph, shared by the
 * exporters that declare attributes before use (GraphML, yEd, GEXF, Neo4j
 * CSV headers): every (name, kind) pair in name order, with a name whose
 * values mix kinds declared double when all are numbers, string otherwise. */
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"

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

/* Sorts and merges the collected (name, kind) pairs in place. */
static void unique_keys(kg_attr_keys *t)
{
    qsort(t->keys, t->count, sizeof *t->keys, compare_keys);
    size_t out = 0;
    for (size_t i = 0; i < t->count; i++) {
        if (out > 0 && strcmp(t->keys[out - 1].name, t->keys[i].name) == 0)
            t->keys[out - 1].kind = merge_kinds(t->keys[out - 1].kind, t->keys[i].kind);
        else
            t->keys[out++] = t->keys[i];
    }
    t->count = out;
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

/* Attribute keys are interned by the graph and outlive the table. */
kg_status kg_export_collect_keys(const kg_graph *g, bool for_nodes, const char *only_type,
                                 kg_attr_keys *t)
{
    size_t total = 0, n = for_nodes ? kg_graph_node_count(g) : kg_graph_edge_count(g);
    const char *type;
    const kg_attr *attrs;
    uint32_t count;
    for (size_t i = 0; i < n; i++) {
        element_attrs(g, for_nodes, i, &type, &attrs, &count);
        total += count;
    }
    t->keys = malloc((total + 1) * sizeof *t->keys);
    t->count = 0;
    if (!t->keys)
        return KG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        element_attrs(g, for_nodes, i, &type, &attrs, &count);
        if (only_type && strcmp(type, only_type) != 0)
            continue;
        for (uint32_t j = 0; j < count; j++)
            t->keys[t->count++] = (kg_attr_key){attrs[j].key, attrs[j].kind};
    }
    unique_keys(t);
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
