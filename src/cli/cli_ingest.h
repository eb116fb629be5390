/* cli_ingest.h - bulk inputs for the kg tool: reading node and edge lists
 * (TSV, JSON Lines) through libkg's streaming loader with progress on
 * stderr, shared by `kg ingest` and the analysis commands, which accept a
 * folder holding nodes.tsv/edges.tsv (or .jsonl) or a .jsonl file too. */
#ifndef KG_CLI_INGEST_H
#define KG_CLI_INGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

typedef struct kg_cli_ingest_inputs {
    const char **nodes; /* node lists, read first */
    size_t node_count;
    const char **mixed; /* JSON Lines (or TSV) of either kind */
    size_t mixed_count;
    const char **edges; /* edge lists, read last */
    size_t edge_count;
    const char *schema_path; /* or NULL */
    const char *name;        /* graph name, or NULL: from the file names */
    bool has_progress;       /* report progress on stderr */
} kg_cli_ingest_inputs;

/* Reads the inputs (with kg_cli_limits), printing every problem; returns
 * an exit code and, on success, the finished graph in *out. */
int kg_cli_ingest(const kg_cli_ingest_inputs *inputs, kg_graph **out);

/* True when path is a bulk input the analysis commands read with
 * kg_cli_ingest_path: a folder, a .jsonl/.ndjson file or a .tsv file. */
bool kg_cli_is_bulk_input(const char *path);
/* Loads such an input: a folder's nodes.tsv and edges.tsv (or .jsonl), a
 * JSON Lines file, or an edge list X_edges.tsv / edges.tsv with the node
 * list X_nodes.tsv / nodes.tsv beside it. */
int kg_cli_ingest_path(const char *path, const char *schema_path, kg_graph **out);

/* Whether to show progress: stderr is a terminal, or forced. */
bool kg_cli_wants_progress(bool is_forced, bool is_disabled);
/* Seconds on a monotonic clock, for phase timings. */
double kg_cli_now(void);
/* "1.2 GB", "350 kB": byte counts for people. buf holds 32 bytes. */
const char *kg_cli_bytes(double bytes, char *buf);

#endif
