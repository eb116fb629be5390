/* cli_filter.h - what the analysis commands (centrality, path, neighbours,
 * subgraph, components, communities) share: the selection options
 * (--node-type, --edge-type, --exclude-..., --as-of, --schema, --from),
 * loading a graph and applying them once, and resolving entity names with
 * their messages. Results are written through cli_table.h; neighbourhoods
 * and partitions are cli_groups.h's. */
#ifndef KG_CLI_FILTER_H
#define KG_CLI_FILTER_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "cli_table.h"

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
    "                                 json, cyjs, csv, tsv, kgx, jsonl) instead of\n"  \
    "                                 telling it from its name and content\n"

#define KG_CLI_FORMAT_USAGE \
    "  -f, --format FORMAT            table (default), csv or json\n"

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

/* What a command's own option handler returns for an option that is not
 * its own (a selection option, 'f', or a mistake). */
#define KG_CLI_NOT_OWN (-1)

/* A command's own options: c is getopt_long's value, arg its argument.
 * Returns KG_EXIT_OK, an exit code after printing the problem, or
 * KG_CLI_NOT_OWN. */
typedef int kg_cli_own_option(void *args, int c, const char *arg);

/* The option loop every analysis command shares: parses argv's options
 * from the first with getopt_long (quietly), giving each to own(args, ...)
 * and, when it is not the command's own, to kg_cli_selection_option.
 * Stops at the first problem; returns KG_EXIT_OK or its exit code. The
 * operands start at optind. */
int kg_cli_parse_options(int argc, char **argv, const char *shortopts,
                         const struct option *longopts, kg_cli_selection *s,
                         kg_cli_own_option *own, void *args);

/* KG_EXIT_OK when exactly `count` operands follow the options; otherwise
 * prints "expected WHAT, got N arguments" and returns KG_EXIT_USAGE. */
int kg_cli_expect_operands(const char *command, int argc, int count, const char *what);

/* Parses a depth option value: a count, or "all" (KG_UNREACHED). */
int kg_cli_parse_depth(const char *command, const char *arg, size_t *depth);

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

#endif
