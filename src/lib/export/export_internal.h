/* export_internal.h - what the exporters share besides exporter.h's kit
 * (field names, list-valued fields as JSON text, JSON members), which it
 * includes: typed attribute keys (export_keys.c), the record loop and id
 * table (export_records.c), GraphML with hooks, styles (export_style.c). */
#ifndef KG_EXPORT_INTERNAL_H
#define KG_EXPORT_INTERNAL_H

#include "exporter.h"
#include "kg/export.h"
#include "writer_internal.h"


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

/* The loop over a graph's nodes (or edges) that every large exporter runs:
 * calls write_one(w, ctx, i) for i = 0..count-1 and keeps the output
 * exactly that of a plain loop. On large graphs, two threads format
 * alternate chunks of records (the second into memory, appended in order),
 * and memory for records a few places ahead is prefetched. write_one must
 * only read the graph and ctx; it returns false when out of memory.
 * Returns false when out of memory; stops early, returning true, when w
 * fails (its status says why). */
typedef bool (*kg_record_writer)(kg_writer *w, const void *ctx, size_t i);
bool kg_export_nodes(kg_writer *w, const kg_graph *g, kg_record_writer write_one,
                     const void *ctx);

/* Every node's id as one format writes it (escaped, and quoted if the
 * format's escaper quotes), packed in node order: the ends of an edge are
 * then one copy each from a block that stays in cache, not a node record
 * and a string read from anywhere in memory, escaped again for every edge
 * (5 million edges: 10 million reads). */
typedef struct kg_id_table {
    const kg_graph *graph; /* whose ids: also a context for edge writers */
    char *text;
    size_t *offsets; /* node i is text[offsets[i] .. offsets[i + 1]) */
    /* When every escaped id is short (most graphs), the table is slots of
     * `width` (16 or 32) bytes instead: a length byte, then the id. One
     * read per edge end rather than two, and a fixed-size copy. 0 when
     * offsets are used. */
    size_t width;
} kg_id_table;

/* strlen(s) when every byte of s is printable ASCII that neither JSON nor
 * DOT escapes (no '"' or '\\'): s as a JSON string inside a DOT string is
 * then \"s\". SIZE_MAX otherwise. (escape.c) */
size_t kg_dot_json_plain_len(const char *s);
/* The longest text kg_write_dot_string always writes as one quoted string
 * (a longer one may be cut into parts). */
#define KG_DOT_ONE_PART (16000 / 3)

typedef kg_status (*kg_string_escaper)(kg_writer *w, const char *s);
/* false when out of memory. */
bool kg_id_table_build(kg_id_table *ids, const kg_graph *g, kg_string_escaper escape);
void kg_id_table_free(kg_id_table *ids);

/* A value written escaped, to be written again (a format that repeats a
 * value: an edge id as key and as id) without escaping it twice. */
typedef struct kg_written {
    size_t start, end;
    unsigned long flushes;
} kg_written;

static inline kg_written kg_put_escaped(kg_writer *w, kg_string_escaper escape,
                                        const char *value)
{
    kg_written span = {w->used, 0, w->flushes};
    escape(w, value);
    span.end = w->used;
    return span;
}

/* The bytes of span again, copied while they are still in the buffer;
 * otherwise value escaped anew. */
static inline void kg_put_again(kg_writer *w, kg_written span, kg_string_escaper escape,
                                const char *value)
{
    if (!kg_put_copy(w, span.start, span.end, span.flushes))
        escape(w, value);
}

/* Where node's escaped id starts, and its length. */
static inline const char *kg_id_table_entry(const kg_id_table *ids, size_t node, size_t *len)
{
    if (ids->width) {
        const char *slot = ids->text + node * ids->width;
        *len = (unsigned char)slot[0];
        return slot + 1;
    }
    *len = ids->offsets[node + 1] - ids->offsets[node];
    return ids->text + ids->offsets[node];
}

/* Writes node's escaped id. From slots, the whole slot is copied when the
 * buffer has room (a fixed-size copy the compiler inlines) and only the
 * id's length is kept. */
static inline void kg_put_node_id(kg_writer *w, const kg_id_table *ids, size_t node)
{
    size_t len;
    const char *id = kg_id_table_entry(ids, node, &len);
    if (ids->width && w->status == KG_OK && !w->is_closed &&
        w->capacity - w->used >= ids->width) {
        if (ids->width == 16)
            memcpy(w->buffer + w->used, id, 15);
        else
            memcpy(w->buffer + w->used, id, 31);
        w->used += len;
    } else {
        kg_put(w, id, len);
    }
}

/* kg_export_nodes for edges; with ids (or NULL), what is prefetched for an
 * edge's ends is their place in the table rather than their records. */
bool kg_export_edges(kg_writer *w, const kg_graph *g, const kg_id_table *ids,
                     kg_record_writer write_one, const void *ctx);
/* Records per chunk (default 16384); 0 keeps to one thread. For tests,
 * which compare both ways on small graphs; not for concurrent use. */
void kg_export_set_chunk_records(size_t records);

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

/* N-Triples (is_turtle false) or Turtle with options' base IRI (options
 * may be NULL: the default IRIs). */
kg_status kg_export_rdf(const kg_graph *g, const kg_export_options *options, bool is_turtle,
                        kg_writer *w, kg_error *err);

#endif
