/* cli_ingest.h - bulk inputs for the kg tool: reading node and edge lists
 * (TSV, JSON Lines) through libkg's streaming loader with progress on
 * stderr, shared by `kg ingest` and the loading door (cli_load.c), through
 * which every command reads folders, KGX TSV and JSON Lines. */
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
    kg_ingest_format format; /* KG_INGEST_AUTO: from each file's extension */
} kg_cli_ingest_inputs;

/* Reads the inputs (with kg_cli_limits), printing every problem; returns
 * an exit code and, on success, the finished graph in *out. */
int kg_cli_ingest(const kg_cli_ingest_inputs *inputs, kg_graph **out);

/* Whether to show progress: stderr is a terminal, or forced. */
bool kg_cli_wants_progress(bool is_forced, bool is_disabled);
/* Seconds on a monotonic clock, for phase timings. */
double kg_cli_now(void);
/* "1.2 GB", "350 kB": byte counts for people. buf holds 32 bytes. */
const char *kg_cli_bytes(double bytes, char *buf);

#endif
