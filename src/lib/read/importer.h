/* importer.h - the importer every format's parser fills: one builder that
 * turns "element with named values" into kg nodes and edges. Each parser
 * only finds elements and their values and says where they are; the
 * builder (import_build.c) maps kg's field names back to fields
 * (docs/exports.md), reverses the attr_ prefix, applies the type options
 * and the schema, enforces the limits, adds each edge as soon as both its
 * ends are known (buffering the rest until every node is); set-up and problems with the file and line:column or JSON Pointer
 * are importer.c's. */
#ifndef KG_IMPORTER_H
#define KG_IMPORTER_H

#include <stdbool.h>

#include "internal.h"
#include "kg/import.h"

/* Where an element or value is: line:column (1-based; 0 unknown) or a JSON
 * Pointer (may be NULL). */
typedef struct kg_imp_where {
    int line;
    int column;
    const char *pointer;
} kg_imp_where;

/* The drawing style kg's DOT exporter wrote for a type, when the importer
 * knows it (from a legend); NULL when unknown. */
typedef const kg_style *(*kg_imp_style_fn)(void *ctx, bool is_edge, const char *type);

typedef struct kg_imp_deferred {
    const char *name;
    const char *text;
    kg_value_kind kind;
    int check; /* imp_check in import_build.c */
} kg_imp_deferred;

#define KG_IMP_DEFERRED_MAX 16

/* The element being built. */
typedef struct kg_imp_element {
    bool is_open;
    bool is_edge;
    const char *id, *source, *target, *type, *label, *description;
    bool is_id_new; /* id was new to the graph's strings when set */
    const char *soft_id; /* an edge id used only if unique (GraphML ids NetworkX writes) */
    /* the nodes source and target name when they were known as they were
     * set, else KG_SCHEMA_NOT_FOUND (looked up again when the edge ends) */
    size_t source_index, target_index;
    kg_date start, end;
    const char **aliases;
    size_t alias_count, alias_capacity;
    kg_evidence *evidence;
    size_t evidence_count, evidence_capacity;
    kg_attr *attrs;
    size_t attr_count, attr_capacity;
    kg_imp_deferred deferred[KG_IMP_DEFERRED_MAX];
    size_t deferred_count;
    int line, column;
    char pointer[KG_ERROR_POINTER_MAX];
} kg_imp_element;

typedef struct kg_imp_pending_edge kg_imp_pending_edge;

/* Edge ids seen. They are interned in the graph (equal ids are one
 * string), so the set holds addresses: no string is hashed or compared,
 * and a slot is 8 bytes. */
typedef struct kg_imp_id_set {
    const char **slots; /* NULL: empty */
    size_t capacity;    /* a power of two, or 0 */
    size_t count;
} kg_imp_id_set;

typedef struct kg_importer {
    const char *name;          /* file named in messages */
    kg_import_options options; /* with defaults filled in */
    kg_graph *graph;
    kg_diagnostics *diags;     /* may be NULL */
    kg_status status;          /* first error, KG_OK so far */
    kg_arena scratch;          /* pending edges' arrays */
    size_t edge_count;         /* edges read, added or pending */
    /* Edges not added when read: from the first one whose ends were not
     * both known yet (or that has only a soft id, or that the schema
     * refuses) on, every edge waits here until finish, so that the graph
     * receives edges in the file's order either way. */
    kg_imp_pending_edge *edges;
    size_t pending_count, pending_capacity;
    bool is_queueing;
    size_t node_count;
    /* Explicit edge ids seen, for duplicates: kept from the first id that
     * was not new to the graph's strings on (until then none can repeat
     * one), then holding every explicit id read. */
    kg_imp_id_set edge_ids;
    bool is_tracking_ids;
    bool creates_missing_nodes; /* edges may name nodes never declared */
    kg_imp_style_fn style_fn;
    void *style_ctx;
    /* The parsed text is a read-only mapping of the file (import.c): a
     * parser may drop its pages (MADV_DONTNEED), which are read again from
     * the page cache if touched, to keep the file out of the peak. */
    bool is_text_mapped;
    kg_imp_element el;
} kg_importer;

/* Set up im for one input; creates the graph. KG_ENOMEM on failure. */
kg_status kg_imp_init(kg_importer *im, const char *name,
                      const kg_import_options *options, kg_diagnostics *diags);
/* Starts im over on the same input with the same options, as if nothing
 * had been read: a reader that gave up part way (GraphML's fast reader)
 * hands the input to another. The diagnostics are cut back to diag_count
 * entries and diag_dropped dropped ones (their values before). */
kg_status kg_imp_restart(kg_importer *im, size_t diag_count, size_t diag_dropped);
/* Frees what init allocated, including the graph unless finish took it. */
void kg_imp_cleanup(kg_importer *im);

/* Records an error (the first one's status is returned by finish) and
 * returns status. hint may be NULL. */
kg_status kg_imp_error(kg_importer *im, kg_status status, const kg_imp_where *where,
                       const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Records a warning (status KG_OK, message "warning: ..."). */
void kg_imp_warning(kg_importer *im, const kg_imp_where *where, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Element building: begin, then ids and values, then end. Strings are
 * copied. A value is named as in the file: kg field names become fields,
 * "attr_<field>" becomes the free attribute <field>, anything else a free
 * attribute of the given kind (text in canonical form, see below). */
kg_status kg_imp_begin(kg_importer *im, bool is_edge, const kg_imp_where *where);
kg_status kg_imp_set_id(kg_importer *im, const char *id);
/* An edge id the file gives that may not be unique: NetworkX writes its
 * per-node-pair multigraph keys as GraphML edge ids. If any two collide,
 * no soft id is used and kg names the edges (with a warning). */
kg_status kg_imp_set_soft_id(kg_importer *im, const char *id);
kg_status kg_imp_set_endpoints(kg_importer *im, const char *source, const char *target);
kg_status kg_imp_value(kg_importer *im, const char *name, const char *text,
                       kg_value_kind kind);
/* A value kg derives from others (DOT tooltip, edge label, drawing styles):
 * dropped at end when it equals what kg would have written, else kept as a
 * free attribute. check: "quotes", "type" or "style". */
kg_status kg_imp_derived(kg_importer *im, const char *name, const char *text,
                         kg_value_kind kind, const char *check);
kg_status kg_imp_add_alias(kg_importer *im, const char *alias);
kg_status kg_imp_add_evidence(kg_importer *im, const char *source, const char *quote);
/* Adds the node, or the edge when its ends are known (else queues it until
 * every node is known). */
kg_status kg_imp_end(kg_importer *im);

/* Graph-level fields. */
kg_status kg_imp_graph_value(kg_importer *im, const char *name, const char *text);
kg_status kg_imp_add_source(kg_importer *im, const kg_source *source);

/* Adds the queued edges, checks the schema, finishes the graph. On success
 * *out owns it. Returns the first error recorded, if any. */
kg_status kg_imp_finish(kg_importer *im, kg_graph **out);

#endif
