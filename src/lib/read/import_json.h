/* import_json.h - what the JSON importers share (import_json.c): a reader
 * over json_pull.h that reports the parser's errors at line:column and the
 * graph's by JSON Pointer, turns kg's list fields (aliases, evidence) and
 * other nested values into values, and lets a syntax error anywhere in the
 * file outrank what was found before it. Node-link JSON (import_json.c) and
 * Cytoscape JSON (import_cytoscape.c) read with it. */
#ifndef KG_IMPORT_JSON_H
#define KG_IMPORT_JSON_H

#include <jansson.h>

#include "import_internal.h"
#include "json_pull.h"

typedef struct kg_json_reader {
    kg_importer *im;
    kg_jp jp;
    char *nested; /* a nested value as compact JSON text, for jansson */
    size_t nested_len, nested_cap;
    char *name, *source, *target, *key; /* copies of the current member's key, link ends */
    size_t name_cap, source_cap, target_cap, key_cap;
} kg_json_reader;

/* Over len bytes at text, or over file when it is not NULL. */
kg_status kg_jr_init(kg_json_reader *r, kg_importer *im, const char *text, size_t len,
                     FILE *file);
/* Reads the document with `document`; a syntax error later in the file
 * takes the place of a problem it returned. Frees what r holds. */
kg_status kg_jr_run(kg_json_reader *r, kg_status (*document)(kg_json_reader *r));

/* The next event / skipping the value that starts with `first`; a parser
 * error is reported (at line:column) and returned. */
kg_status kg_jr_next(kg_json_reader *r, kg_jp_event *ev);
kg_status kg_jr_skip(kg_json_reader *r, kg_jp_event first);
kg_status kg_jr_syntax_error(kg_json_reader *r);
/* An input problem at pointer (KG_EINPUT). */
kg_status kg_jr_fail(kg_json_reader *r, const char *pointer, const char *hint, const char *what);
/* The value that starts with `first` as a jansson tree; NULL after an
 * error, which is reported. */
json_t *kg_jr_nested_value(kg_json_reader *r, kg_jp_event first);
/* A list or object value of the element being built: evidence, aliases,
 * else its compact JSON text as a string. */
kg_status kg_jr_list_value(kg_json_reader *r, bool is_edge, const char *name, json_t *v,
                           const char *pointer);
/* A member of the graph's own object (name, title, description, sources;
 * anything else is warned about). */
kg_status kg_jr_graph_member(kg_json_reader *r, const char *name, json_t *v);
/* The graph's object, after its '{': each member to kg_jr_graph_member
 * unless skips (may be NULL) says it is to be left out. */
kg_status kg_jr_read_graph(kg_json_reader *r, bool (*skips)(const char *name));

#endif
