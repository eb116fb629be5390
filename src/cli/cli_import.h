/* cli_import.h - loading any input kg reads: a kg data set (*.kg.json), or
 * a graph another tool wrote (GraphML, DOT, node-link JSON, CSV/TSV) through
 * libkg's importers. Shared by `kg convert` and `kg build`. */
#ifndef KG_CLI_IMPORT_H
#define KG_CLI_IMPORT_H

#include "cli.h"

typedef struct kg_cli_import_args {
    const char *from;           /* format name, or NULL: from the file name */
    const char *schema_path;    /* or NULL */
    const char *node_type_attr; /* or NULL */
    const char *edge_type_attr; /* or NULL */
    const char *nodes_path;     /* CSV/TSV node list, or NULL */
} kg_cli_import_args;

/* True when path names a kg data set (ends in .kg.json). */
bool kg_cli_is_dataset(const char *path);

/* Loads path ("-": standard input, which needs args->from) as a kg data set
 * or an import, printing warnings and errors; returns an exit code and, on
 * success, *out. args may be NULL. */
int kg_cli_load_any(const char *path, const kg_cli_import_args *args, kg_graph **out);

#endif
