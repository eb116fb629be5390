/* kg/import.h - reading graphs that other tools wrote: GraphML (including
 * yEd files), Graphviz DOT, NetworkX node-link JSON, and CSV/TSV node and
 * edge lists. Each importer fills a finished kg_graph, keeping every node
 * and edge attribute with its type; kg's own field names (docs/exports.md)
 * map back to kg's fields, so a file kg wrote reads back as the same graph.
 * Mapping, limits and format quirks: docs/import.md.
 */
#ifndef KG_IMPORT_H
#define KG_IMPORT_H

#include <stddef.h>

#include "kg/error.h"
#include "kg/graph.h"
#include "kg/schema.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kg_import_format {
    KG_IMPORT_AUTO = 0, /* from the file name's extension */
    KG_IMPORT_GRAPHML,  /* .graphml, .xml */
    KG_IMPORT_DOT,      /* .dot, .gv */
    KG_IMPORT_JSON,     /* .json: node-link, "links" or "edges" */
    KG_IMPORT_CSV,      /* .csv: RFC 4180, a header row */
    KG_IMPORT_TSV,      /* .tsv, .tab: tab-separated, no quoting */
    KG_IMPORT_CYTOSCAPE, /* .cyjs: Cytoscape desktop's export, Cytoscape.js elements */
    KG_IMPORT_FORMAT_COUNT
} kg_import_format;

#define KG_IMPORT_DEFAULT_NODE_TYPE "node"
#define KG_IMPORT_DEFAULT_EDGE_TYPE "edge"

typedef struct kg_import_options {
    kg_import_format format;
    size_t max_bytes;  /* input size limit; 0 = KG_DEFAULT_MAX_BYTES (kg/file.h), but
                        * none for the files read streaming (node-link JSON, GraphML) */
    size_t max_nodes;  /* 0 = KG_DEFAULT_MAX_NODES */
    size_t max_edges;  /* 0 = KG_DEFAULT_MAX_EDGES */
    /* The attribute that holds the node (edge) type, for files without a
     * "type" attribute; NULL = "type". The attribute becomes the type and
     * is not kept as a free attribute. */
    const char *node_type_attr;
    const char *edge_type_attr;
    /* Type of elements that have none; NULL = "node" ("edge"). */
    const char *default_node_type;
    const char *default_edge_type;
    /* CSV/TSV: a node list read together with an edge-list input (may be
     * NULL). Edges must then name nodes of this list. */
    const char *nodes_path;
    /* When given (not owned; the graph takes a reference), every type must
     * be one of the schema's and edges must join the node types it allows;
     * otherwise any type is accepted and type_index is KG_SCHEMA_NOT_FOUND. */
    kg_schema *schema;
} kg_import_options;

/* Options with every field zero/NULL: the defaults above. */
kg_import_options kg_import_defaults(void);

/* "graphml", "xml", "dot", "gv", "json", "csv", "tsv", "tab". KG_EUSAGE
 * when unknown. */
kg_status kg_import_format_from_name(const char *name, kg_import_format *out);
/* From the file name's extension; KG_EUSAGE when missing or unknown. */
kg_status kg_import_format_from_path(const char *path, kg_import_format *out);
const char *kg_import_format_name(kg_import_format format);

/* Reads the file at path (format from options->format, or its extension)
 * into a finished graph. On failure *out is NULL and the first error's
 * status is returned. diags (may be NULL) receives every error, each with
 * the file and line:column (JSON: also a JSON Pointer, or only that for the
 * document's shape), and the warnings, which
 * have status KG_OK and a message starting with "warning: " (a nested
 * GraphML graph flattened, DOT subgraphs not kept, a value that cannot be
 * typed, ...). The library prints nothing. */
kg_status kg_import_file(const char *path, const kg_import_options *options,
                         kg_graph **out, kg_diagnostics *diags);

/* Same from len bytes at text (need not be NUL-terminated); `name` names the
 * input in messages. options->format must not be KG_IMPORT_AUTO unless name
 * has a known extension. options->nodes_path is still read from disk. */
kg_status kg_import_buffer(const char *text, size_t len, const char *name,
                           const kg_import_options *options, kg_graph **out,
                           kg_diagnostics *diags);

#ifdef __cplusplus
}
#endif
#endif
