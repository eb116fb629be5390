/* kg/dataset.h - loading a kg data set (data/NAME.kg.json, format in
 * docs/format.md): read in one streaming pass, each record checked against
 * the schema and added to a kg_graph as it is read (memory follows the
 * graph, not the file). Every problem is reported with its JSON Pointer (or line:column
 * for syntax errors) so a user can fix a file in one pass.
 */
#ifndef KG_DATASET_H
#define KG_DATASET_H

#include <stddef.h>

#include "kg/error.h"
#include "kg/file.h"
#include "kg/graph.h"
#include "kg/schema.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_load_options {
    size_t max_bytes;  /* input size limit; 0 = KG_DEFAULT_MAX_BYTES */
    size_t max_nodes;  /* 0 = KG_DEFAULT_MAX_NODES */
    size_t max_edges;  /* 0 = KG_DEFAULT_MAX_EDGES */
    size_t max_depth;  /* JSON nesting; 0 = KG_DEFAULT_MAX_DEPTH */
    /* Schema to use instead of the one the data set names; not owned. */
    kg_schema *schema;
} kg_load_options;

/* The limits (KG_DEFAULT_MAX_*) and kg_read_file are kg/file.h's. */

/* Loads the data set at path (options may be NULL for defaults). A regular
 * file is read in chunks, never held, so options->max_bytes applies only
 * when set (not 0); other files, and documents whose lists come before
 * their schema, sources or entities, are read whole within the limit
 * (default KG_DEFAULT_MAX_BYTES). The schema
 * is the data set's "schema" key resolved against the data set's folder
 * (default "schema.json" beside it), unless options->schema is given.
 * On success *out is a finished graph; otherwise *out is NULL, every problem
 * found is in diags (may be NULL) and the first one's status is returned. */
kg_status kg_dataset_load(const char *path, const kg_load_options *options,
                          kg_graph **out, kg_diagnostics *diags);

/* Same from a buffer; `name` names the input in diagnostics and `base_dir`
 * resolves the relative schema path (may be NULL when options->schema is
 * given). */
kg_status kg_dataset_parse(const char *text, size_t len, const char *name,
                           const char *base_dir,
                           const kg_load_options *options, kg_graph **out,
                           kg_diagnostics *diags);

#ifdef __cplusplus
}
#endif
#endif
