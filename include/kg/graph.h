/* kg/graph.h - the one in-memory model every loader fills and every exporter
 * and analysis reads: typed, dated nodes (entities) and edges (relations),
 * each with its evidence, plus the sources the evidence quotes.
 *
 * Building: kg_graph_new, kg_graph_add_* (strings and arrays are copied into
 * the graph's arena, so callers keep ownership of what they pass), then
 * kg_graph_finish, which sorts nodes by id and edges by (source id, type,
 * target id, insertion order), gives every edge an id, and freezes the graph.
 * Reading: the accessors below, valid only after kg_graph_finish.
 *
 * Memory: strings are interned once per graph; a node costs
 * sizeof(kg_node) (96 bytes on LP64) plus its strings and arrays, an edge
 * sizeof(kg_edge) (80 bytes) plus its evidence and attributes and its
 * generated id. On 1M nodes / 5M edges: ~200 bytes a node, ~130 an edge
 * (docs/performance.md).
 */
#ifndef KG_GRAPH_H
#define KG_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kg/error.h"
#include "kg/schema.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_graph kg_graph;

/* ---- Dates ------------------------------------------------------------ */

typedef enum kg_date_precision {
    KG_DATE_NONE = 0,
    KG_DATE_YEAR,
    KG_DATE_MONTH,
    KG_DATE_DAY
} kg_date_precision;

/* A calendar date known to year, month or day precision. */
typedef struct kg_date {
    int16_t year;      /* 1..9999 */
    uint8_t month;     /* 1..12, 0 when precision < MONTH */
    uint8_t day;       /* 1..31, 0 when precision < DAY */
    uint8_t precision; /* kg_date_precision */
} kg_date;

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date).
 * Returns KG_OK or KG_EINPUT; *out is KG_DATE_NONE on failure. */
kg_status kg_date_parse(const char *text, kg_date *out);
/* Writes the date in the precision it has; "" for KG_DATE_NONE.
 * out must hold 11 bytes. Returns out. */
char *kg_date_format(kg_date date, char *out);
/* First and last day the date covers, as YYYYMMDD integers; 0 for NONE.
 * "2003-03" covers 20030301..20030331. */
int32_t kg_date_first_day(kg_date date);
int32_t kg_date_last_day(kg_date date);
/* True when an interval [start, end] (either may be NONE: open) includes
 * any part of the day `on` (YYYYMMDD). */
bool kg_date_interval_contains(kg_date start, kg_date end, int32_t on);

/* ---- Elements --------------------------------------------------------- */

typedef enum kg_value_kind {
    KG_VALUE_STRING = 0,
    KG_VALUE_INTEGER,
    KG_VALUE_REAL,
    KG_VALUE_BOOLEAN
} kg_value_kind;

/* A free attribute; `text` is its canonical lexical form ("42", "2.5",
 * "true"), so exporters never reformat numbers. */
typedef struct kg_attr {
    const char *key;
    const char *text;
    kg_value_kind kind;
} kg_attr;

/* A verbatim quote from a source that states a fact. */
typedef struct kg_evidence {
    const char *source; /* a kg_source id */
    const char *quote;
} kg_evidence;

typedef struct kg_source {
    const char *id;
    const char *title;
    const char *file;      /* path as written in the data set, or NULL */
    const char *url;       /* or NULL */
    const char *retrieved; /* date text, or NULL */
} kg_source;

typedef struct kg_node {
    const char *id;
    const char *type;        /* type name */
    const char *label;
    const char *description; /* or NULL */
    const char *const *aliases;
    const kg_evidence *evidence;
    const kg_attr *attrs;    /* sorted by key */
    uint32_t alias_count;
    uint32_t evidence_count;
    uint32_t attr_count;
    uint32_t origin;         /* position in the input, for messages */
    size_t type_index;       /* into the schema, or KG_SCHEMA_NOT_FOUND */
    kg_date start;
    kg_date end;
} kg_node;

typedef struct kg_edge {
    const char *id;          /* NULL when adding: kg_graph_finish assigns one */
    const char *type;
    size_t source;           /* node index */
    size_t target;           /* node index */
    size_t type_index;       /* into the schema, or KG_SCHEMA_NOT_FOUND */
    const kg_evidence *evidence;
    const kg_attr *attrs;    /* sorted by key */
    uint32_t evidence_count;
    uint32_t attr_count;
    uint32_t origin;         /* position in the input, for messages */
    kg_date start;
    kg_date end;
} kg_edge;

/* ---- Building --------------------------------------------------------- */

kg_status kg_graph_new(kg_graph **out);
void kg_graph_free(kg_graph *graph);

/* Takes ownership of schema (freed with the graph). May be NULL. */
void kg_graph_set_schema(kg_graph *graph, kg_schema *schema);
/* Copies the text. NULL clears. */
kg_status kg_graph_set_name(kg_graph *graph, const char *name);
kg_status kg_graph_set_title(kg_graph *graph, const char *title);
kg_status kg_graph_set_description(kg_graph *graph, const char *text);

/* Returns an interned copy of s that lives as long as the graph; equal
 * strings share storage. Useful for building kg_node/kg_edge values. */
kg_status kg_graph_intern(kg_graph *graph, const char *s, const char **out);

kg_status kg_graph_add_source(kg_graph *graph, const kg_source *source);
/* Copies node (its strings and arrays). Attributes are sorted by key. The
 * node's index until kg_graph_finish is returned in *index (may be NULL);
 * use it for kg_edge.source/target. Node ids must be unique:
 * a duplicate gives KG_EINPUT. */
kg_status kg_graph_add_node(kg_graph *graph, const kg_node *node,
                            size_t *index);
kg_status kg_graph_add_edge(kg_graph *graph, const kg_edge *edge);
/* Index of the node with this id among the nodes added so far (before
 * finish) or in sorted order (after); KG_SCHEMA_NOT_FOUND when none. O(1). */
size_t kg_graph_find_node(const kg_graph *graph, const char *id);

/* Sorts, assigns edge ids (SOURCE:TYPE:TARGET, then :2, :3 ... for parallel
 * edges in insertion order) and freezes the graph. Explicit edge ids must be
 * unique (KG_EINPUT otherwise, naming the id). */
kg_status kg_graph_finish(kg_graph *graph, kg_error *err);
bool kg_graph_is_finished(const kg_graph *graph);

/* ---- Reading ---------------------------------------------------------- */

const kg_schema *kg_graph_schema(const kg_graph *graph);
const char *kg_graph_name(const kg_graph *graph);        /* "" if unset */
const char *kg_graph_title(const kg_graph *graph);       /* "" if unset */
const char *kg_graph_description(const kg_graph *graph); /* "" if unset */

size_t kg_graph_node_count(const kg_graph *graph);
size_t kg_graph_edge_count(const kg_graph *graph);
size_t kg_graph_source_count(const kg_graph *graph);
const kg_node *kg_graph_node(const kg_graph *graph, size_t i);
const kg_edge *kg_graph_edge(const kg_graph *graph, size_t i);
const kg_source *kg_graph_source(const kg_graph *graph, size_t i);
/* Source with this id, or NULL. */
const kg_source *kg_graph_find_source(const kg_graph *graph, const char *id);

/* A new finished graph with the nodes for which keep_node[i] is true and
 * the edges for which keep_edge[j] is true and both ends are kept (either
 * array may be NULL: keep all). Shares the schema (reference-counted);
 * copies everything else. O(V + E) plus sorting. */
kg_status kg_graph_filter(const kg_graph *graph, const bool *keep_node,
                          const bool *keep_edge, kg_graph **out);

/* Value of attribute `key` on a node or edge, or NULL. O(log attrs). */
const kg_attr *kg_node_attr(const kg_node *node, const char *key);
const kg_attr *kg_edge_attr(const kg_edge *edge, const char *key);

#ifdef __cplusplus
}
#endif
#endif
