/* exporter.h - the kit every exporter calls back into (exporter.c): the
 * names every format gives kg's fields, the list-valued fields (aliases,
 * evidence) as JSON text for formats whose attributes hold only scalars,
 * JSON members the JSON formats share, and the writer's error. */
#ifndef KG_EXPORTER_H
#define KG_EXPORTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kg/export.h"
#include "kg/graph.h"
#include "writer_internal.h"

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
/* The evidence sources' ids joined by newlines, line i the source of
 * quote i. malloc'd, or NULL when out of memory. */
char *kg_export_evidence_sources_text(const kg_evidence *evidence, uint32_t count);

/* Writes "key": value pairs of the free attributes into a JSON object
 * being written (each preceded by ", "), values in their JSON type. */
void kg_export_json_attrs(kg_writer *w, const kg_attr *attrs, uint32_t count);

/* Ends element i of count in a JSON array written one element a line:
 * ",\n", or "\n" after the last. */
static inline void kg_export_end_element(kg_writer *w, size_t i, size_t count)
{
    if (i + 1 < count)
        KG_PUT_LIT(w, ",\n");
    else
        kg_putc(w, '\n');
}

/* Members of a JSON object being written, each preceded by ", ": a string
 * member (nothing for NULL), the dates that are set, the evidence array
 * (nothing when empty). Shared by the node-link and Cytoscape JSON.
 * kg_export_json_member's name is a string literal needing no escape:
 * `, "name": ` is then one literal, copied at once. */
#define kg_export_json_member(w, name, value) \
    kg_export_json_named((w), ", \"" name "\": ", sizeof(", \"" name "\": ") - 1, (value))
void kg_export_json_named(kg_writer *w, const char *prefix, size_t len, const char *value);
void kg_export_json_dates(kg_writer *w, kg_date start, kg_date end);
void kg_export_json_aliases(kg_writer *w, const kg_node *node); /* none: nothing */
/* The ", \"evidence\": [...]" member with each string written by `string`
 * (kg_write_json_string, or the script-safe one for the HTML page), even
 * when empty. */
typedef kg_status (*kg_export_string_fn)(kg_writer *w, const char *s);
void kg_export_json_evidence_as(kg_writer *w, const kg_evidence *ev, uint32_t count,
                                kg_export_string_fn string);
void kg_export_json_evidence(kg_writer *w, const kg_evidence *ev, uint32_t count);

/* Writes into prefix[size] a prefix no entity id of g starts with: base
 * ("legend:", "kg:"), or base with '_' inserted before its last character
 * as often as needed ("kg_:", "kg__:"), for nodes an export adds of its
 * own, so they never merge with the data's. */
void kg_export_own_prefix(const kg_graph *g, const char *base, char *prefix, size_t size);

/* Sets err from the writer's sticky status, naming its file. */
kg_status kg_export_writer_error(kg_writer *w, kg_error *err);

/* Copies a page template to w, calling fill for each @KG_NAME@ marker
 * (name without the @KG_ and @); fill returns false for a name it does not
 * know, which ends the copy with KG_EUSAGE naming `what` (e.g. "viewer").
 * Shared by the viewer (export_html.c) and review (export_review.c) pages. */
typedef bool (*kg_export_fill_fn)(kg_writer *w, void *ctx, const char *name, size_t len);
kg_status kg_export_template(kg_writer *w, const char *text, size_t size, const char *what,
                             kg_export_fill_fn fill, void *ctx, kg_error *err);

#endif
