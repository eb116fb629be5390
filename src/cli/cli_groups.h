/* cli_groups.h - neighbourhoods and groups (cli_groups.c), shared by
 * neighbours and subgraph, and by components and communities. */
#ifndef KG_CLI_GROUPS_H
#define KG_CLI_GROUPS_H

#include "cli_filter.h"

/* Parses "both", "out" or "in" for --direction. */
int kg_cli_parse_direction(const char *command, const char *arg, kg_direction *out);

/* Resolves the `count` names and fills distance[V] and via[V] (see
 * kg_neighbourhood) on g->graph; returns an exit code, having printed
 * any problem. */
int kg_cli_neighbourhood(kg_cli_graphs *g, char **names, size_t count, size_t depth,
                         kg_direction direction, size_t *distance, size_t *via);

/* A key: value line above a result table: text, or number when text is
 * NULL. Lists of them end with a NULL key. */
typedef struct kg_cli_meta {
    const char *key;
    const char *text;
    double number;
} kg_cli_meta;

/* Prints a partition (components or communities) as a table: one row per
 * group, the largest first, with its size and members (ids; CSV and JSON
 * add their labels); `kind` ("component", "community") names the first
 * column. The key: value lines are graph, `before`, nodes, the number of
 * groups, `after` (either list may be NULL). When st is not KG_OK, prints
 * err instead. Returns the exit code. */
int kg_cli_print_partition(const kg_graph *g, kg_status st, const kg_error *err,
                           const kg_partition *p, const char *kind, const kg_cli_meta *before,
                           const kg_cli_meta *after, kg_out_format format);

#endif
