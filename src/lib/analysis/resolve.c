/* resolve.c - name resolution for every command that names a node: an
 * index of folded ids, labels and aliases (kg_fold: case, accents and
 * separators ignored), searched by binary search, with the candidates
 * listed when a name is ambiguous and the nearest name when it is unknown. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/resolve.h"
#include "kg/text.h"

typedef struct name_entry {
    const char *key;  /* folded, in the resolver's buffer */
    const char *name; /* as written, in the graph */
    size_t node;
} name_entry;

struct kg_resolver {
    const kg_graph *graph;
    name_entry *entries;
    size_t count;
    char *keys; /* every folded key, NUL-separated */
};

#define AMBIGUOUS_LISTED 8

static int compare_entries(const void *a, const void *b)
{
    const name_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Counts names and folded bytes, so both arrays are allocated once. */
static void measure(const kg_graph *g, size_t *count, size_t *bytes)
{
    *count = 0;
    *bytes = 0;
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        const kg_node *node = kg_graph_node(g, i);
        *count += 1 + (node->label != NULL) + node->alias_count;
        *bytes += kg_fold(node->id, NULL, 0) + 1;
        if (node->label)
            *bytes += kg_fold(node->label, NULL, 0) + 1;
        for (uint32_t a = 0; a < node->alias_count; a++)
            *bytes += kg_fold(node->aliases[a], NULL, 0) + 1;
    }
}

static void add_name(kg_resolver *r, char **cursor, const char *name, size_t node)
{
    size_t len = kg_fold(name, NULL, 0);
    kg_fold(name, *cursor, len + 1);
    r->entries[r->count].key = *cursor;
    r->entries[r->count].name = name;
    r->entries[r->count].node = node;
    r->count++;
    *cursor += len + 1;
}

kg_status kg_resolver_new(const kg_graph *graph, kg_resolver **out, kg_error *err)
{
    *out = NULL;
    if (!graph || !kg_graph_is_finished(graph))
        return kg_error_set(err, KG_EUSAGE, NULL, "resolver: graph missing or not finished");
    size_t count, bytes;
    measure(graph, &count, &bytes);
    kg_resolver *r = calloc(1, sizeof *r);
    if (r) {
        r->graph = graph;
        r->entries = malloc((count ? count : 1) * sizeof *r->entries);
        r->keys = malloc(bytes ? bytes : 1);
    }
    if (!r || !r->entries || !r->keys) {
        kg_resolver_free(r);
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory indexing %zu names", count);
    }
    char *cursor = r->keys;
    for (size_t i = 0; i < kg_graph_node_count(graph); i++) {
        const kg_node *node = kg_graph_node(graph, i);
        add_name(r, &cursor, node->id, i);
        if (node->label)
            add_name(r, &cursor, node->label, i);
        for (uint32_t a = 0; a < node->alias_count; a++)
            add_name(r, &cursor, node->aliases[a], i);
    }
    qsort(r->entries, r->count, sizeof *r->entries, compare_entries);
    *out = r;
    return KG_OK;
}

void kg_resolver_free(kg_resolver *r)
{
    if (!r)
        return;
    free(r->entries);
    free(r->keys);
    free(r);
}

/* First entry whose key is not below `key`. */
static size_t lower_bound(const kg_resolver *r, const char *key)
{
    size_t lo = 0, hi = r->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(r->entries[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

kg_status kg_resolve_candidates(const kg_resolver *r, const char *name, size_t *nodes,
                                size_t max, size_t *total, kg_error *err)
{
    *total = 0;
    if (!r || !name)
        return kg_error_set(err, KG_EUSAGE, NULL, "resolve: no resolver or name");
    size_t exact = kg_graph_find_node(r->graph, name);
    if (exact != KG_SCHEMA_NOT_FOUND) {
        if (max > 0)
            nodes[0] = exact;
        *total = 1;
        return KG_OK;
    }
    size_t len = kg_fold(name, NULL, 0);
    char stack[256];
    char *key = len < sizeof stack ? stack : malloc(len + 1);
    if (!key)
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory looking up a name");
    kg_fold(name, key, len + 1);
    size_t last = KG_SCHEMA_NOT_FOUND;
    /* Entries with one key are sorted by node: distinct nodes come in id
     * order, duplicates (a label equal to the id) side by side. */
    for (size_t i = lower_bound(r, key); i < r->count && strcmp(r->entries[i].key, key) == 0;
         i++) {
        if (r->entries[i].node == last)
            continue;
        last = r->entries[i].node;
        if (*total < max)
            nodes[*total] = last;
        (*total)++;
    }
    if (key != stack)
        free(key);
    return KG_OK;
}

static kg_status unknown_name(const kg_resolver *r, const char *name, kg_error *err)
{
    kg_status st = kg_error_set(err, KG_EINPUT, NULL, "unknown entity '%s'", name);
    if (!err || r->count == 0)
        return st;
    const char **names = malloc(r->count * sizeof *names);
    if (!names)
        return st; /* the hint is a courtesy; the error stands without it */
    for (size_t i = 0; i < r->count; i++)
        names[i] = r->entries[i].name;
    const char *near = kg_suggest(name, names, r->count);
    if (near)
        snprintf(err->hint, sizeof err->hint, "did you mean '%s'?", near);
    free(names);
    return st;
}

static kg_status ambiguous_name(const kg_resolver *r, const char *name, const size_t *nodes,
                                size_t listed, size_t total, kg_error *err)
{
    char list[KG_ERROR_TEXT_MAX];
    size_t used = 0;
    list[0] = '\0';
    for (size_t i = 0; i < listed && used < sizeof list; i++) {
        const kg_node *node = kg_graph_node(r->graph, nodes[i]);
        int n = snprintf(list + used, sizeof list - used, "%s'%s' (%s)", i ? ", " : "", node->id,
                         node->label ? node->label : "");
        if (n < 0)
            break;
        used += (size_t)n;
    }
    kg_status st = kg_error_set(err, KG_EINPUT, NULL, "name '%s' is ambiguous: %zu entities match",
                                name, total);
    if (err)
        snprintf(err->hint, sizeof err->hint, "use an id: %.480s%s", list,
                 total > listed ? ", ..." : ""); /* 480: room for the rest */
    return st;
}

kg_status kg_resolve(const kg_resolver *r, const char *name, size_t *node, kg_error *err)
{
    if (!r || !name || !node)
        return kg_error_set(err, KG_EUSAGE, NULL, "resolve: no resolver, name or output");
    size_t nodes[AMBIGUOUS_LISTED], total;
    kg_status st = kg_resolve_candidates(r, name, nodes, AMBIGUOUS_LISTED, &total, err);
    if (st != KG_OK)
        return st;
    if (total == 0)
        return unknown_name(r, name, err);
    if (total > 1)
        return ambiguous_name(r, name, nodes, total < AMBIGUOUS_LISTED ? total : AMBIGUOUS_LISTED,
                              total, err);
    *node = nodes[0];
    return KG_OK;
}

kg_status kg_resolve_node(const kg_graph *graph, const char *name, size_t *node, kg_error *err)
{
    kg_resolver *r = NULL;
    kg_status st = kg_resolver_new(graph, &r, err);
    if (st == KG_OK)
        st = kg_resolve(r, name, node, err);
    kg_resolver_free(r);
    return st;
}
