/* cli_groups.c - what the neighbourhood and grouping commands share:
 * --direction, resolving centres and computing a neighbourhood
 * (neighbours, subgraph), and a partition printed as a table (components,
 * communities). */
#include "cli_groups.h"

#include <stdlib.h>
#include <string.h>

int kg_cli_parse_direction(const char *command, const char *arg, kg_direction *out)
{
    if (strcmp(arg, "both") == 0)
        *out = KG_DIRECTION_BOTH;
    else if (strcmp(arg, "out") == 0)
        *out = KG_DIRECTION_OUT;
    else if (strcmp(arg, "in") == 0)
        *out = KG_DIRECTION_IN;
    else
        return kg_cli_usage_error(command, "unknown direction '%s' (known: both, out, in)", arg);
    return KG_EXIT_OK;
}

int kg_cli_neighbourhood(kg_cli_graphs *g, char **names, size_t count, size_t depth,
                         kg_direction direction, size_t *distance, size_t *via)
{
    size_t *centres = malloc((count ? count : 1) * sizeof *centres);
    if (!centres) {
        kg_cli_fail("out of memory");
        return KG_EXIT_SYSTEM;
    }
    int rc = KG_EXIT_OK;
    for (size_t i = 0; i < count && rc == KG_EXIT_OK; i++)
        rc = kg_cli_resolve(g, names[i], &centres[i]);
    if (rc == KG_EXIT_OK) {
        kg_error err;
        kg_error_clear(&err);
        kg_status st = kg_neighbourhood(g->graph, centres, count, depth, direction, distance, via,
                                        &err);
        if (st != KG_OK) {
            kg_cli_print_error(&err);
            rc = kg_cli_exit_code(st);
        }
    }
    free(centres);
    return rc;
}

static kg_table *partition_table(const char *kind, kg_out_format format)
{
    /* a table keeps its column names by pointer: static lists outlive it */
    static const char *const component[] = {"component", "size", "members", "labels"};
    static const char *const community[] = {"community", "size", "members", "labels"};
    const char *const *columns = strcmp(kind, "community") == 0 ? community : component;
    return kg_table_new(format == KG_OUT_TABLE ? 3 : 4, columns);
}

static void fill_partition(kg_table *t, const kg_graph *g, const kg_partition *p,
                           kg_out_format format)
{
    size_t n = kg_graph_node_count(g);
    const char **ids = malloc((n ? n : 1) * sizeof *ids);
    const char **labels = malloc((n ? n : 1) * sizeof *labels);
    size_t *start = calloc(p->count + 1, sizeof *start);
    if (!ids || !labels || !start) {
        kg_table_row(t); /* leaves the table short; kg_table_print reports it */
        free(ids);
        free(labels);
        free(start);
        return;
    }
    /* bucket the nodes by group, keeping id order within each */
    for (size_t i = 0; i < n; i++)
        start[p->membership[i] + 1]++;
    for (size_t k = 0; k < p->count; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < n; i++) {
        size_t slot = start[p->membership[i]]++;
        ids[slot] = kg_graph_node(g, i)->id;
        labels[slot] = kg_graph_node(g, i)->label;
    }
    for (size_t k = 0, first = 0; k < p->count; first += p->sizes[k], k++) {
        kg_table_row(t);
        kg_table_count(t, k + 1);
        kg_table_count(t, p->sizes[k]);
        kg_table_list(t, ids + first, p->sizes[k]);
        if (format != KG_OUT_TABLE)
            kg_table_list(t, labels + first, p->sizes[k]);
    }
    free(start);
    free(labels);
    free(ids);
}

static void add_meta_list(kg_table *t, const kg_cli_meta *list)
{
    for (; list && list->key; list++) {
        if (list->text)
            kg_table_meta_text(t, list->key, list->text);
        else
            kg_table_meta_number(t, list->key, list->number);
    }
}

int kg_cli_print_partition(const kg_graph *g, kg_status st, const kg_error *err,
                           const kg_partition *p, const char *kind, const kg_cli_meta *before,
                           const kg_cli_meta *after, kg_out_format format)
{
    if (st != KG_OK) {
        kg_cli_print_error(err);
        return kg_cli_exit_code(st);
    }
    kg_table *t = partition_table(kind, format);
    if (!t) {
        kg_cli_fail("out of memory");
        return KG_EXIT_SYSTEM;
    }
    char count_name[32];
    snprintf(count_name, sizeof count_name, "%s", strcmp(kind, "community") == 0
                                                      ? "communities" : "components");
    kg_table_meta_text(t, "graph", kg_graph_name(g));
    add_meta_list(t, before);
    kg_table_meta_number(t, "nodes", (double)kg_graph_node_count(g));
    kg_table_meta_number(t, count_name, (double)p->count);
    add_meta_list(t, after);
    fill_partition(t, g, p, format);
    int rc = kg_table_print(t, format);
    kg_table_free(t);
    return rc;
}
