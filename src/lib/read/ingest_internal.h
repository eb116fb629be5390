/* ingest_internal.h - what the bulk loader's files share: the line reader
 * (ingest.c) hands each line to ingest_tsv.c or ingest_jsonl.c, which only
 * split text into records for the record sink (ingest_build.c: the graph
 * being built, checks, pending edges, finishing). */
#ifndef KG_INGEST_INTERNAL_H
#define KG_INGEST_INTERNAL_H

#include "internal.h"
#include "kg/ingest.h"
#include "pending.h"

/* An edge whose ends were not both known when it was read. */
typedef struct pending_edge {
    kg_pending_edge base;              /* the edge, its end ids interned */
    kg_attr *attrs;                    /* edge.attrs, owned */
    uint32_t file;                     /* into files */
    int line, source_column, target_column;
} pending_edge;

struct kg_ingest {
    kg_ingest_options options;
    kg_graph *graph;
    char **files; /* names of the inputs, for pending edges' messages */
    size_t file_count;
    pending_edge *pending;
    size_t pending_count, pending_capacity;
    size_t node_suggestions;
    bool has_problems;
    bool is_spent;
};

/* A field of a record: its text (NULL or "" when absent) and the 1-based
 * column it starts at, for messages. */
typedef struct ingest_value {
    const char *text;
    int column;
} ingest_value;

/* One node or edge as read from a line; strings belong to the reader and
 * are copied into the graph. */
typedef struct ingest_record {
    bool is_edge;
    int line;
    ingest_value id, type, label, description, start, end;
    ingest_value source, target; /* edges */
    const char *const *aliases;
    uint32_t alias_count;
    const kg_attr *attrs;
    uint32_t attr_count;
} ingest_record;

/* The reader's scratch arrays, grown as needed and reused line after line. */
typedef struct ingest_scratch {
    kg_attr *attrs;
    size_t attr_capacity;
    const char **aliases;
    size_t alias_capacity;
} ingest_scratch;

kg_status kg_ingest_scratch_attrs(ingest_scratch *s, size_t need);
kg_status kg_ingest_scratch_aliases(ingest_scratch *s, size_t need);

/* The state of reading one input, shared by the two line formats. */
typedef struct ingest_input {
    kg_ingest *ingest;
    kg_diagnostics *diags;
    const char *name;
    kg_ingest_role role;
    int line;
    ingest_scratch scratch;
    void *format_state; /* the TSV header */
} ingest_input;

/* Reports a problem at name:line:column (column 0: the line only); input
 * problems let reading go on, others stop it. Returns status. */
kg_status kg_ingest_problem(ingest_input *in, kg_status status, int column,
                            const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The same for a place outside a line being read (a pending edge's, a
 * file that cannot be opened). */
kg_status kg_ingest_problem_at(kg_ingest *ingest, kg_diagnostics *diags, kg_status status,
                               const char *file, int line, int column, const char *hint,
                               const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* Calls the progress callback, if any (ingest.c); name NULL: finishing. */
void kg_ingest_report_progress(const kg_ingest *ingest, const char *name, uint64_t read,
                               uint64_t total, uint64_t lines);

/* Adds a node or an edge (checking it); KG_EINPUT problems are reported
 * and returned, so the caller simply goes on to the next line. */
kg_status kg_ingest_record(ingest_input *in, const ingest_record *record);

/* The kind a text value has in a TSV cell: integer or real when it is a
 * JSON number (so exporters can copy it), boolean for true/false. */
kg_value_kind kg_ingest_value_kind(const char *text);

/* The line readers: one call per line (without its newline; may be
 * modified in place). TSV's first line is the header. */
kg_status kg_ingest_tsv_line(ingest_input *in, char *line, size_t len);
void kg_ingest_tsv_free(ingest_input *in);
kg_status kg_ingest_jsonl_line(ingest_input *in, char *line, size_t len);

#endif
