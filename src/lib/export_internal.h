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

/* The evidence quotes joined by newlines, for tools that show plain text.
 * malloc'd, or NULL when out of memory. */
char *kg_export_quotes_text(const kg_evidence *evidence, uint32_t count);

/* Writes "key": value pairs of the free attributes into a JSON object
 * being written (each preceded by ", "), values in their JSON type. */
void kg_export_json_attrs(kg_writer *w, const kg_attr *attrs, uint32_t count);

/* Sets err from the writer's sticky status, naming its file. */
kg_status kg_export_writer_error(kg_writer *w, kg_error *err);

#endif
