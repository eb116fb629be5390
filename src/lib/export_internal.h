/* export_internal.h - what the exporters share: the names every format
 * gives kg's fields, and the list-valued fields (aliases, evidence) as
 * JSON text for formats whose attributes hold only scalars. */
#ifndef KG_EXPORT_INTERNAL_H
#define KG_EXPORT_INTERNAL_H

#include "kg/export.h"

/* The name a free attribute is exported under: its own, unless that is one
 * of kg's field names (id, type, label, ...), then "attr_" + key, so a free
 * attribute can never overwrite a field. Returns key or buf. */
const char *kg_export_attr_name(const char *key, char *buf, size_t size);

/* JSON array text of the aliases (["EUMS","..."]) or of the evidence
 * ([{"source":"s","quote":"..."}]); "" when there are none. Returns a
 * malloc'd string (caller frees) or NULL when out of memory. */
char *kg_export_aliases_json(const kg_node *node);
char *kg_export_evidence_json(const kg_evidence *evidence, uint32_t count);
/* The graph's sources as JSON text ([{"id":..,"title":..,"file"/"url":..}]),
 * "" when there are none; malloc'd, or NULL when out of memory. */
char *kg_export_sources_json(const kg_graph *graph);

/* The evidence quotes joined by newlines, for tools that show plain text.
 * malloc'd, or NULL when out of memory. */
char *kg_export_quotes_text(const kg_evidence *evidence, uint32_t count);

/* Writes "key": value pairs of the free attributes into a JSON object
 * being written (each preceded by ", "), values in their JSON type. */
void kg_export_json_attrs(kg_writer *w, const kg_attr *attrs, uint32_t count);

/* The free-attribute keys of the nodes (or edges) of a graph, optionally
 * only of those of one type: each name once, in name order, with the kind
 * its values share (integers and reals together: real; other mixes:
 * string). Free with kg_export_keys_free. */
typedef struct kg_attr_key {
    const char *name;
    kg_value_kind kind;
} kg_attr_key;

typedef struct kg_attr_keys {
    kg_attr_key *keys;
    size_t count;
} kg_attr_keys;

kg_status kg_export_collect_keys(const kg_graph *g, bool for_nodes, const char *only_type,
                                 kg_attr_keys *keys);
/* Index of name in keys, or KG_SCHEMA_NOT_FOUND. O(log n). */
size_t kg_export_find_key(const kg_attr_keys *keys, const char *name);
void kg_export_keys_free(kg_attr_keys *keys);

/* GraphML with hooks, so yEd's flavour shares the plain writer: `header`
 * replaces the <?xml ...?><graphml ...> prologue, and the callbacks (any may
 * be NULL) add key declarations and data inside each node and edge. */
typedef struct kg_graphml_extras {
    const char *header;
    void (*declare_keys)(kg_writer *w);
    void (*node_data)(kg_writer *w, const kg_graph *g, const kg_node *n);
    void (*edge_data)(kg_writer *w, const kg_graph *g, const kg_edge *e);
} kg_graphml_extras;

kg_status kg_graphml_write(const kg_graph *g, const kg_graphml_extras *extras,
                           kg_writer *w, kg_error *err);

/* The style of a node's or edge's type, or NULL without a schema or type. */
const kg_style *kg_export_node_style(const kg_graph *g, const kg_node *n);
const kg_style *kg_export_edge_style(const kg_graph *g, const kg_edge *e);

/* A Graphviz colour ("#1f4e79", "#1f4e7980", "#abc" or one of a few common
 * names) as red, green, blue and alpha 0..255; false when not understood. */
bool kg_export_parse_color(const char *color, unsigned char rgba[4]);

/* Whether a comma-separated Graphviz style list ("filled,rounded") holds
 * the word `word`. */
bool kg_export_style_has(const char *style, const char *word);

/* Members of a JSON object being written, each preceded by ", ": a string
 * member (nothing for NULL), the dates that are set, the evidence array
 * (nothing when empty). Shared by the node-link and Cytoscape JSON. */
void kg_export_json_member(kg_writer *w, const char *name, const char *value);
void kg_export_json_dates(kg_writer *w, kg_date start, kg_date end);
void kg_export_json_aliases(kg_writer *w, const kg_node *node); /* none: nothing */
void kg_export_json_evidence(kg_writer *w, const kg_evidence *ev, uint32_t count);

/* Sets err from the writer's sticky status, naming its file. */
kg_status kg_export_writer_error(kg_writer *w, kg_error *err);

#endif
