/* kg/ingest.h - bulk loading of large node and edge lists, streamed line
 * by line so the text is never held in memory: KGX-style TSV
 * (nodes.tsv / edges.tsv with id, category, name / subject, predicate,
 * object columns), kg's own simpler TSV headers (id, type, label /
 * source, type, target) and JSON Lines (one node or edge object a line).
 * Every other column is kept as a typed attribute. With a schema, types,
 * endpoint rules and dates are checked, and problems are reported as
 * FILE:LINE:COLUMN with "did you mean" hints. Column names and mapping:
 * docs/cli.md (kg ingest).
 *
 * Use: kg_ingest_new, kg_ingest_add_file (or _stream) once per input,
 * nodes before or after edges, then kg_ingest_finish for the finished
 * graph. Memory is that of the graph (kg/graph.h) plus one line of text
 * and, for edges read before their end nodes, a small pending record.
 */
#ifndef KG_INGEST_H
#define KG_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "kg/error.h"
#include "kg/graph.h"
#include "kg/schema.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_ingest kg_ingest;

typedef enum kg_ingest_format {
    KG_INGEST_AUTO = 0, /* from the extension: .tsv/.tab TSV, .jsonl/.ndjson JSONL */
    KG_INGEST_TSV,
    KG_INGEST_JSONL
} kg_ingest_format;

/* What a file holds. A TSV file is a node list or an edge list by its
 * header (subject/source and object/target columns: edges); a JSON Lines
 * file may mix both, each line by its keys. */
typedef enum kg_ingest_role {
    KG_INGEST_ANY = 0,
    KG_INGEST_NODES,
    KG_INGEST_EDGES
} kg_ingest_role;

/* Where a long run is, for progress reports. */
typedef struct kg_ingest_progress {
    const char *file;     /* the input being read, or NULL when finishing */
    uint64_t bytes_read;  /* of this file */
    uint64_t bytes_total; /* its size, 0 when unknown (a pipe) */
    uint64_t lines;       /* of this file */
    size_t nodes;         /* in the graph so far */
    size_t edges;
} kg_ingest_progress;

typedef struct kg_ingest_options {
    size_t max_bytes; /* per input file; 0 = KG_DEFAULT_MAX_INGEST_BYTES */
    size_t max_nodes; /* 0 = KG_DEFAULT_MAX_NODES (kg/file.h) */
    size_t max_edges; /* 0 = KG_DEFAULT_MAX_EDGES */
    /* When given (not owned; the graph takes a reference), node and edge
     * types must be the schema's and edges must join the node types it
     * allows; otherwise types are kept as written. */
    kg_schema *schema;
    const char *name;              /* graph name; NULL: "graph" */
    const char *default_node_type; /* for nodes without one; NULL: "node" */
    const char *default_edge_type; /* NULL: "related_to" */
    /* Called about every 64K lines and once at the end of each file;
     * NULL: none. The library itself never prints. */
    void (*progress)(void *context, const kg_ingest_progress *progress);
    void *progress_context;
} kg_ingest_options;

/* Bulk files are limited by count rather than size by default. */
#define KG_DEFAULT_MAX_INGEST_BYTES ((size_t)1 << 40) /* 1 TiB */
/* Lines longer than this are an error (they are held whole). */
#define KG_INGEST_MAX_LINE ((size_t)64 << 20)

/* Options with every field zero/NULL: the defaults above. */
kg_ingest_options kg_ingest_defaults(void);

/* options may be NULL. Copies the options (the schema is referenced). */
kg_status kg_ingest_new(const kg_ingest_options *options, kg_ingest **out,
                        kg_error *err);
void kg_ingest_free(kg_ingest *ingest);

/* Reads one input. Problems go to diags (may be NULL), each with
 * file:line:column; reading goes on after an input problem so that one
 * run reports up to the diagnostics' limit. Returns KG_OK, KG_EINPUT when
 * any problem was found (in this or an earlier input), KG_EIO, KG_ENOMEM
 * or KG_ELIMIT (reading stops). */
kg_status kg_ingest_add_file(kg_ingest *ingest, const char *path,
                             kg_ingest_format format, kg_ingest_role role,
                             kg_diagnostics *diags);
/* Same from an open stream (not closed); `name` is used in messages and
 * for the format when format is KG_INGEST_AUTO. */
kg_status kg_ingest_add_stream(kg_ingest *ingest, FILE *stream,
                               const char *name, kg_ingest_format format,
                               kg_ingest_role role, kg_diagnostics *diags);

/* Resolves edges read before their end nodes, checks them, and hands over
 * the finished graph (*out; NULL on failure). The ingest is spent: only
 * kg_ingest_free may follow. */
kg_status kg_ingest_finish(kg_ingest *ingest, kg_graph **out,
                           kg_diagnostics *diags);

/* The format a file name's extension names, or KG_INGEST_AUTO. */
kg_ingest_format kg_ingest_format_from_path(const char *path);

#ifdef __cplusplus
}
#endif
#endif
