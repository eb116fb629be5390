/* cli_load.h - the one door every command that takes a graph reads it
 * through: a kg data set, a graph another tool wrote (GraphML, yEd GraphML,
 * DOT, node-link JSON, CSV/TSV tables) through libkg's importers, or bulk
 * node and edge lists (KGX TSV, JSON Lines, a folder) through the streaming
 * loader. Which one a file is follows one rule (docs/import.md, "Which
 * format a file is"): --from, else a folder, else the extension, else the
 * content. Shared by build, convert, validate and the analysis commands. */
#ifndef KG_CLI_LOAD_H
#define KG_CLI_LOAD_H

#include "cli.h"

typedef struct kg_cli_load_args {
    const char *command;        /* for usage messages; NULL: "convert" */
    const char *from;           /* format name, or NULL: by the rule */
    const char *schema_path;    /* or NULL */
    const char *node_type_attr; /* or NULL */
    const char *edge_type_attr; /* or NULL */
    const char *nodes_path;     /* a node list read with an edge list, or NULL */
} kg_cli_load_args;

/* The names --from accepts, for usage texts. */
#define KG_CLI_FROM_NAMES "kg, graphml, dot, json, cyjs, csv, tsv, kgx, jsonl"

/* Checks a --from value; prints the usage error and returns KG_EXIT_USAGE
 * when it names no input format. */
int kg_cli_check_from(const char *command, const char *from);

/* Loads path ("-": standard input, which needs args->from), printing
 * warnings and errors; returns an exit code and, on success, *out. A file
 * whose format the rule cannot tell is "cannot tell the format of FILE;
 * use --from FORMAT" (KG_EXIT_INPUT). args may be NULL. */
int kg_cli_load_graph(const char *path, const kg_cli_load_args *args, kg_graph **out);

#endif
