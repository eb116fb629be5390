/* import_internal.h - the parsers' entry points, which the registry
 * (import.c) dispatches to; each parser fills the importer of importer.h
 * and types values with import_values.h, both included here. */
#ifndef KG_IMPORT_INTERNAL_H
#define KG_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "import_values.h"
#include "importer.h"

/* Text already read, named for messages: a table's node list (--nodes),
 * which the registry reads so the parser never opens a file. */
typedef struct kg_imp_text {
    const char *name;
    const char *text; /* NUL-terminated at len */
    size_t len;
    char separator;
} kg_imp_text;

/* The graph's "sources" given as JSON text (GraphML's graph_sources). */
kg_status kg_node_link_sources(kg_importer *im, const char *text, const kg_imp_where *where);

/* The importers; each parses len bytes at text (NUL-terminated at len). */
kg_status kg_graphml_import(kg_importer *im, const char *text, size_t len);
kg_status kg_dot_import(kg_importer *im, const char *text, size_t len);
kg_status kg_node_link_import(kg_importer *im, const char *text, size_t len);
kg_status kg_cytoscape_import(kg_importer *im, const char *text, size_t len);
/* The streaming readers over an open file (import_stream.c), which never
 * hold the whole document. */
kg_status kg_node_link_import_file(kg_importer *im, FILE *file);
kg_status kg_graphml_import_file(kg_importer *im, FILE *file);
kg_status kg_cytoscape_import_file(kg_importer *im, FILE *file);
/* Whether format has a streaming reader; then kg_import_file reads the file
 * with kg_import_stream_file, which enforces options->max_bytes only when it
 * is set (not 0). */
bool kg_import_streams(kg_import_format format);
kg_status kg_import_stream_file(const char *path, const kg_import_options *options,
                                kg_graph **out, kg_diagnostics *diags);
/* nodes (may be NULL): a node list read first; every edge must then name
 * its nodes. */
kg_status kg_table_import(kg_importer *im, const char *text, size_t len, char separator,
                          const kg_imp_text *nodes);
/* One table read on its own (a node list, or a file of a neo4j-admin
 * folder): expect_edges 0 a node list, 1 an edge list, -1 either; is_neo4j:
 * untyped columns are strings and ":LABEL"/"name:type[]" columns are
 * Neo4j's, as neo4j-admin reads them. */
kg_status kg_table_import_part(kg_importer *im, const kg_imp_text *part, int expect_edges,
                               bool is_neo4j);

/* An import's end, after its parsing returned st: the graph in *out when
 * st is KG_OK (kg_imp_finish), else st recorded as the import's status;
 * frees the importer. Returns the first failure, or the import's status. */
kg_status kg_import_end(kg_importer *im, kg_status st, kg_graph **out);

#endif
