/* filter.c - selecting part of a graph by node type, relation type and
 * date, once for every command: kg_filter_mark says what to keep and
 * kg_filter_apply copies it into a new graph with kg_graph_filter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/analysis.h"
#include "kg/text.h"

void kg_filter_init(kg_filter *filter)
{
    memset(filter, 0, sizeof *filter);
    filter->as_of.precision = KG_DATE_NONE;
}

bool kg_filter_is_empty(const kg_filter *f)
{
    return !f || (f->node_type_count == 0 && f->exclude_node_type_count == 0 &&
                  f->edge_type_count == 0 && f->exclude_edge_type_count == 0 &&
                  f->as_of.precision == KG_DATE_NONE);
}

static bool in_list(const char *type, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(type, list[i]) == 0)
            return true;
    return false;
}

/* Whether [start, end] overlaps the span of `on` (open ends unbounded). */
static bool overlaps(kg_date start, kg_date end, kg_date on)
{
    if (on.precision == KG_DATE_NONE)
        return true;
    if (start.precision != KG_DATE_NONE && kg_date_first_day(start) > kg_date_last_day(on))
        return false;
    if (end.precision != KG_DATE_NONE && kg_date_last_day(end) < kg_date_first_day(on))
        return false;
    return true;
}

/* Without a schema, the types the graph uses are the vocabulary. */
static const char *used_type(const kg_graph *g, bool is_node, size_t i)
{
    return is_node ? kg_graph_node(g, i)->type : kg_graph_edge(g, i)->type;
}

static kg_status unknown_type(const kg_graph *g, bool is_node, const char *name, kg_error *err)
{
    const kg_schema *schema = kg_graph_schema(g);
    const char *near = NULL;
    if (schema) {
        near = is_node ? kg_schema_suggest_node_type(schema, name)
                       : kg_schema_suggest_edge_type(schema, name);
    } else {
        /* every use of a type is a candidate: duplicates cost time, not
         * correctness, and the hint is only worked out on failure */
        size_t n = is_node ? kg_graph_node_count(g) : kg_graph_edge_count(g);
        const char **used = malloc((n ? n : 1) * sizeof *used);
        for (size_t i = 0; used && i < n; i++)
            used[i] = used_type(g, is_node, i);
        near = used ? kg_suggest(name, used, n) : NULL;
        free(used);
    }
    kg_status st = kg_error_set(err, KG_EINPUT, NULL, "unknown %s type '%s'",
                                is_node ? "node" : "edge", name);
    if (err && near)
        snprintf(err->hint, sizeof err->hint, "did you mean '%s'?", near);
    return st;
}

static kg_status check_types(const kg_graph *g, bool is_node, const char *const *list,
                             size_t count, kg_error *err)
{
    const kg_schema *schema = kg_graph_schema(g);
    for (size_t k = 0; k < count; k++) {
        bool is_known = false;
        if (schema) {
            is_known = (is_node ? kg_schema_find_node_type(schema, list[k])
                                : kg_schema_find_edge_type(schema, list[k])) != KG_SCHEMA_NOT_FOUND;
        } else {
            size_t n = is_node ? kg_graph_node_count(g) : kg_graph_edge_count(g);
            for (size_t i = 0; i < n && !is_known; i++)
                is_known = strcmp(used_type(g, is_node, i), list[k]) == 0;
        }
        if (!is_known)
            return unknown_type(g, is_node, list[k], err);
    }
    return KG_OK;
}

static kg_status check_filter(const kg_graph *g, const kg_filter *f, kg_error *err)
{
    kg_status st = check_types(g, true, f->node_types, f->node_type_count, err);
    if (st == KG_OK)
        st = check_types(g, true, f->exclude_node_types, f->exclude_node_type_count, err);
    if (st == KG_OK)
        st = check_types(g, false, f->edge_types, f->edge_type_count, err);
    if (st == KG_OK)
        st = check_types(g, false, f->exclude_edge_types, f->exclude_edge_type_count, err);
    return st;
}

kg_status kg_filter_mark(const kg_graph *g, const kg_filter *f, bool *keep_node,
                         bool *keep_edge, kg_error *err)
{
    if (!g || !kg_graph_is_finished(g))
        return kg_error_set(err, KG_EUSAGE, NULL, "filter: graph missing or not finished");
    kg_filter empty;
    kg_filter_init(&empty);
    if (!f)
        f = &empty;
    kg_status st = check_filter(g, f, err);
    if (st != KG_OK)
        return st;
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g);
    for (size_t i = 0; i < n && keep_node; i++) {
        const kg_node *node = kg_graph_node(g, i);
        keep_node[i] = (f->node_type_count == 0 ||
                        in_list(node->type, f->node_types, f->node_type_count)) &&
                       !in_list(node->type, f->exclude_node_types, f->exclude_node_type_count) &&
                       overlaps(node->start, node->end, f->as_of);
    }
    for (size_t j = 0; j < m && keep_edge; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        keep_edge[j] = (f->edge_type_count == 0 ||
                        in_list(e->type, f->edge_types, f->edge_type_count)) &&
                       !in_list(e->type, f->exclude_edge_types, f->exclude_edge_type_count) &&
                       overlaps(e->start, e->end, f->as_of) &&
                       (!keep_node || (keep_node[e->source] && keep_node[e->target]));
    }
    return KG_OK;
}

kg_status kg_filter_apply(const kg_graph *g, const kg_filter *f, kg_graph **out, kg_error *err)
{
    *out = NULL;
    if (!g || !kg_graph_is_finished(g))
        return kg_error_set(err, KG_EUSAGE, NULL, "filter: graph missing or not finished");
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g);
    bool *keep_node = malloc((n ? n : 1) * sizeof *keep_node);
    bool *keep_edge = malloc((m ? m : 1) * sizeof *keep_edge);
    kg_status st = KG_OK;
    if (!keep_node || !keep_edge) {
        st = kg_error_set(err, KG_ENOMEM, NULL, "out of memory filtering the graph");
        goto cleanup;
    }
    st = kg_filter_mark(g, f, keep_node, keep_edge, err);
    if (st != KG_OK)
        goto cleanup;
    st = kg_graph_filter(g, keep_node, keep_edge, out);
    if (st != KG_OK)
        kg_error_set(err, st, NULL, "cannot copy the selected part of the graph: %s",
                     kg_status_name(st));
cleanup:
    free(keep_edge);
    free(keep_node);
    return st;
}
