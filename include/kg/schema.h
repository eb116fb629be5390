/* kg/schema.h - the vocabulary of a graph: node types, edge types, which
 * node types each edge type may join, their Wikidata counterparts and how
 * each type is drawn. Loaded from data/schema.json (format: docs/format.md).
 */
#ifndef KG_SCHEMA_H
#define KG_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_schema kg_schema;

/* Graphviz drawing attributes; any field may be NULL (Graphviz default). */
typedef struct kg_style {
    const char *shape;
    const char *style;
    const char *fillcolor;
    const char *color;
    const char *fontcolor;
    const char *arrowhead;
    const char *dir;
} kg_style;

typedef struct kg_node_type {
    const char *name;
    const char *description;
    const char *wikidata; /* "Q43229" or NULL */
    kg_style style;
    /* Extraction lexicon (kg extract; docs/extract.md): words that make a
     * name this type ("Agency"), and words just before a name that do
     * ("in" for a place). Empty when the schema declares none. */
    const char *const *cues;
    size_t cue_count;
    const char *const *context;
    size_t context_count;
    /* Head nouns of descriptions that refer back to a name of this type
     * ("the organisation", "both organisations", "the Alliance"). */
    const char *const *anaphors;
    size_t anaphor_count;
} kg_node_type;

typedef struct kg_edge_type {
    const char *name;
    const char *description;
    const char *inverse;               /* NULL when none reads naturally */
    const char *const *wikidata;       /* "P1366", ...; wikidata_count entries */
    size_t wikidata_count;
    bool is_symmetric;
    /* kg extract: priority of this type as the default between two names of
     * a clause that no cue related (0: never; the highest allowed wins). */
    int fallback;
    bool allows_any_source;
    bool allows_any_target;
    const size_t *source_types;        /* node type indexes when not "any" */
    size_t source_type_count;
    const size_t *target_types;
    size_t target_type_count;
    kg_style style;
    /* Extraction lexicon: phrases that state this relation with the source
     * before the phrase ("led by"), and with the target before it
     * ("-led", "took over from"). */
    const char *const *cues;
    size_t cue_count;
    const char *const *reverse_cues;
    size_t reverse_cue_count;
} kg_edge_type;

#define KG_SCHEMA_NOT_FOUND ((size_t)-1)

/* Reads and checks a schema file. Every problem found is added to diags
 * (which may be NULL); on failure *out is NULL and the first problem's
 * status is returned. Types are sorted by name. */
kg_status kg_schema_load(const char *path, kg_schema **out,
                         kg_diagnostics *diags);
/* Same, from a buffer; `name` is used as the file name in diagnostics. */
kg_status kg_schema_parse(const char *text, size_t len, const char *name,
                          kg_schema **out, kg_diagnostics *diags);
/* Schemas are reference-counted: kg_schema_ref adds a reference and returns
 * schema; kg_schema_free drops one and frees on the last. Both accept NULL. */
kg_schema *kg_schema_ref(kg_schema *schema);
void kg_schema_free(kg_schema *schema);

size_t kg_schema_node_type_count(const kg_schema *schema);
size_t kg_schema_edge_type_count(const kg_schema *schema);
const kg_node_type *kg_schema_node_type(const kg_schema *schema, size_t i);
const kg_edge_type *kg_schema_edge_type(const kg_schema *schema, size_t i);

/* Index of the named type, or KG_SCHEMA_NOT_FOUND. O(log n). */
size_t kg_schema_find_node_type(const kg_schema *schema, const char *name);
size_t kg_schema_find_edge_type(const kg_schema *schema, const char *name);
/* The edge type whose Wikidata property list holds `property` ("P1366"),
 * or KG_SCHEMA_NOT_FOUND; how importers map Wikidata statements. */
size_t kg_schema_find_wikidata_property(const kg_schema *schema,
                                        const char *property);

/* Closest type name to a misspelt one, or NULL. */
const char *kg_schema_suggest_node_type(const kg_schema *schema,
                                        const char *name);
const char *kg_schema_suggest_edge_type(const kg_schema *schema,
                                        const char *name);

/* Whether an edge of type edge_type may go from a node of type source_type
 * to one of type target_type. */
bool kg_schema_allows(const kg_schema *schema, size_t edge_type,
                      size_t source_type, size_t target_type);

/* The end of an edge an endpoint check is about. */
typedef enum kg_edge_end { KG_EDGE_SOURCE = 0, KG_EDGE_TARGET = 1 } kg_edge_end;

/* The one endpoint rule every loader applies (data sets, importers, bulk
 * ingest): whether edge_type allows a node of node_type (whose id is
 * node_id) at `end`. KG_OK when it does (or edge_type is not the schema's);
 * otherwise KG_EINPUT with err's message "edge type 'T' does not allow a
 * source of type 'N' ('id')" and hint "allowed: a, b" (err may be NULL;
 * the caller adds the place). */
kg_status kg_schema_check_end(const kg_schema *schema, size_t edge_type,
                              kg_edge_end end, size_t node_type,
                              const char *node_id, kg_error *err);

#ifdef __cplusplus
}
#endif
#endif
