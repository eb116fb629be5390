/* cli_filter.h - what the analysis commands (centrality, path, neighbours,
 * subgraph, components, communities) share: the selection options
 * (--node-type, --edge-type, --exclude-..., --as-of, --schema), loading a
 * data set and applying them once, resolving entity names with their
 * messages, and results written as an aligned table, CSV or JSON. */
#ifndef KG_CLI_FILTER_H
#define KG_CLI_FILTER_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

/* getopt_long values of the shared options (short options use letters). */
enum {
    KG_OPT_NODE_TYPE = 256,
    KG_OPT_EXCLUDE_NODE_TYPE,
    KG_OPT_EDGE_TYPE,
    KG_OPT_EXCLUDE_EDGE_TYPE,
    KG_OPT_AS_OF,
    KG_OPT_SCHEMA,
    KG_OPT_FROM,
    KG_OPT_FIRST_COMMAND_OPTION /* commands number their own from here */
};

/* Rows of the long-option table for the selection options. */
#define KG_CLI_SELECTION_LONGOPTS                                                   \
    {"node-type", required_argument, NULL, KG_OPT_NODE_TYPE},                       \
    {"exclude-node-type", required_argument, NULL, KG_OPT_EXCLUDE_NODE_TYPE},       \
    {"edge-type", required_argument, NULL, KG_OPT_EDGE_TYPE},                       \
    {"exclude-edge-type", required_argument, NULL, KG_OPT_EXCLUDE_EDGE_TYPE},       \
    {"as-of", required_argument, NULL, KG_OPT_AS_OF},                               \
    {"schema", required_argument, NULL, KG_OPT_SCHEMA},                             \
    {"from", required_argument, NULL, KG_OPT_FROM}

/* The usage lines describing them. */
#define KG_CLI_SELECTION_USAGE                                                        \
    "Selection (applied before anything else; lists are comma-separated and\n"        \
    "the options may be repeated):\n"                                                 \
    "      --node-type T,...          keep only entities of these types\n"            \
    "      --exclude-node-type T,...  drop entities of these types\n"                 \
    "      --edge-type T,...          keep only relations of these types\n"           \
    "      --exclude-edge-type T,...  drop relations of these types\n"                \
    "      --as-of DATE               keep only entities and relations valid on\n"    \
    "                                 DATE (YYYY, YYYY-MM or YYYY-MM-DD; a coarse\n"  \
    "                                 date means any day within it)\n"                \
    "      --schema FILE              use this schema instead of the data set's\n"  \
    "      --from FORMAT              read the input as FORMAT (kg, graphml, dot,\n"   \
    "                                 json, csv, tsv, kgx, jsonl) instead of telling\n" \
    "                                 it from its name and content\n"

#define KG_CLI_FORMAT_USAGE \
    "  -f, --format FORMAT            table (default), csv or json\n"

typedef enum kg_out_format { KG_OUT_TABLE = 0, KG_OUT_CSV, KG_OUT_JSON } kg_out_format;

/* Type lists own their strings (split from the option values). */
typedef struct kg_type_list {
    char **names;
    size_t count;
} kg_type_list;

typedef struct kg_cli_selection {
    const char *command; /* for messages */
    kg_type_list lists[4]; /* node, exclude node, edge, exclude edge */
    kg_date as_of;
    const char *schema_path;
    const char *from; /* --from, or NULL */
    kg_out_format format;
} kg_cli_selection;

void kg_cli_selection_init(kg_cli_selection *s, const char *command);
void kg_cli_selection_free(kg_cli_selection *s);

/* Handles option c if it is a shared one ('f' included): returns
 * KG_EXIT_OK, or an exit code after printing the problem. For ':' and '?'
 * (and any other value) prints the usage error and returns KG_EXIT_USAGE. */
int kg_cli_selection_option(kg_cli_selection *s, int c, const char *arg, char **argv);

/* Parses a non-negative integer option value ("--top 10"). */
int kg_cli_parse_count(const char *command, const char *option, const char *arg, size_t *out);

/* A graph in any format kg reads (cli_load.h), loaded whole and with the
 * selection applied. */
typedef struct kg_cli_graphs {
    const char *path;
    kg_graph *full;
    kg_graph *graph;       /* the selection (== full when nothing is filtered) */
    kg_resolver *resolver; /* over full, built on first use */
} kg_cli_graphs;

/* Loads path and applies the selection; on failure prints the problems,
 * leaves nothing to free and returns the exit code. */
int kg_cli_load_selection(const char *path, const kg_cli_selection *s, kg_cli_graphs *out);
void kg_cli_graphs_free(kg_cli_graphs *g);

/* The index in g->graph of the entity `name` means (id, label or alias,
 * ignoring case and accents); prints "unknown entity ... did you mean",
 * the candidates of an ambiguous name, or that the selection left it out,
 * and returns KG_EXIT_INPUT in those cases. */
int kg_cli_resolve(kg_cli_graphs *g, const char *name, size_t *index);

/* ---- results ------------------------------------------------------------ */

typedef struct kg_table kg_table;

/* A table with these column names (1 to 32 of them; NULL when out of
 * memory or out of range); numeric columns are right-aligned. */
kg_table *kg_table_new(size_t columns, const char *const *names);
void kg_table_free(kg_table *t);

/* Fields written before the rows in JSON ({"graph": ..., "measure": ...,
 * "results": [...]}) and as "# key: value" lines nowhere else. */
bool kg_table_meta_text(kg_table *t, const char *key, const char *value);
bool kg_table_meta_number(kg_table *t, const char *key, double value);

/* Appends cells to the current row, left to right; kg_table_row starts a
 * new row. Each returns false when out of memory (the table then refuses
 * further cells and kg_table_print reports it). */
bool kg_table_row(kg_table *t);
bool kg_table_text(kg_table *t, const char *value);   /* NULL: empty/null */
bool kg_table_number(kg_table *t, double value);
bool kg_table_count(kg_table *t, size_t value);
/* A list of strings: joined with ", " in tables (the first `shown`, then
 * "... +N"), with spaces in CSV, a JSON array in JSON. */
bool kg_table_list(kg_table *t, const char *const *items, size_t count);

/* Writes the table to stdout in the format; returns an exit code. Numbers
 * appear with 6 significant digits in tables and in their shortest exact
 * form (kg_format_double) in CSV and JSON; meta fields are "key: value"
 * lines above a table, JSON fields before "results", absent from CSV. */
int kg_table_print(kg_table *t, kg_out_format format);

/* ---- neighbourhoods and groups (cmd_neighbours.c, cmd_components.c) ---- */

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
