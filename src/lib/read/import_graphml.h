/* import_graphml.h - the GraphML reader's state, shared by its two halves:
 * import_graphml.c drives libxml2's SAX2 parser and keeps the element
 * stack; import_graphml_keys.c reads <key>s and turns each <data> into a
 * typed value of the element being built. */
#ifndef KG_IMPORT_GRAPHML_H
#define KG_IMPORT_GRAPHML_H

#include <stdbool.h>

#include <libxml/parser.h>

#include "import_internal.h"

enum {
    GML_FOR_GRAPH = 1,
    GML_FOR_NODE = 2,
    GML_FOR_EDGE = 4,
    GML_FOR_ALL = 7,
    GML_FOR_OTHER = 8
};

typedef struct gml_key {
    char *id, *name;
    int domain;
    kg_imp_type type;
    char *default_text; /* canonical, or NULL */
    kg_value_kind default_kind;
    bool is_warned, is_label;
    size_t next; /* the key of the <data> that followed this key's last, or (size_t)-1 */
} gml_key;

/* A text buffer reused from element to element. */
typedef struct gml_buffer {
    char *text;
    size_t len, capacity;
} gml_buffer;

typedef enum gml_frame_kind {
    GML_ROOT,
    GML_KEY,
    GML_DEFAULT,
    GML_GRAPH,
    GML_ELEMENT,
    GML_DATA
} gml_frame_kind;

/* An open element kg reads (elements it skips have none). */
typedef struct gml_frame {
    gml_frame_kind kind;
    int depth;            /* the root is 1 */
    kg_imp_where where;   /* its '<' */
    bool is_top;          /* GML_GRAPH: the top graph, not one nested in a node */
    bool is_edge;         /* GML_ELEMENT */
    bool is_open;         /* GML_ELEMENT: still taking values (no nested graph yet) */
    bool has_id;          /* GML_ELEMENT: it has an id attribute, in owner */
    gml_buffer owner;     /* GML_ELEMENT: its id, for the message on a nested graph */
    int domain;           /* GML_DATA: GML_FOR_* of the element it gives a value */
    size_t key;           /* GML_DATA, GML_DEFAULT: its key's index; (size_t)-1 none */
} gml_frame;

typedef struct gml {
    kg_importer *im;
    xmlParserCtxtPtr ctxt;
    kg_status st; /* the first failure: the parser is stopped */
    gml_key *keys;
    size_t key_count, key_capacity;
    kg_index_map key_ids; /* key id -> index in keys */
    size_t last_key;      /* the key of the last <data>, or (size_t)-1 */
    size_t default_count; /* keys with a <default>: none spares a loop per element */
    bool *seen;           /* per key: the current element has a value */
    size_t seen_capacity;
    gml_frame *frames;
    size_t frame_count, frame_capacity, frames_used;
    int depth;      /* of the element open; 0 outside the root */
    int skip_depth; /* the element being skipped, with all inside it; 0 none */
    /* the value being read (<data>, <default>) */
    bool is_reading, has_elements, has_label;
    int value_depth, label_depth; /* label_depth: the label element open, or -1 */
    gml_buffer text, label, converted;
    /* the start tag being reported: libxml2's localname, prefix, URI,
     * value, end for each attribute */
    const xmlChar **attrs;
    int attr_count;
    gml_buffer attr[3];
    gml_buffer yed_label; /* first label found in the element's graphics */
    bool has_yed_label, has_label_value;
    int xml_line, xml_column;
    char xml_message[KG_ERROR_TEXT_MAX];
    bool has_xml_error, has_graph, is_root_done, is_port_warned;
    kg_imp_where fast_where; /* without ctxt: the fast reader's '<' of the start tag */
    const xmlChar *graphml_uri; /* an element's namespace name found to be GraphML's, or NULL */
} gml;

/* libxml2's SAX2 callbacks, which the fast reader (import_graphml_fast.c)
 * calls as libxml2 would; positions come from g->fast_where when
 * g->ctxt is NULL. */
void kg_gml_sax_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                      int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                      int nb_defaulted, const xmlChar **attributes);
void kg_gml_sax_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri);
void kg_gml_sax_text(void *ctx, const xmlChar *ch, int len);

/* Whether kg_gml_sax_text keeps text now: that of a value being read, or
 * of its label element (the fast reader skips the other calls). */
static inline bool kg_gml_wants_text(const gml *g)
{
    return g->is_reading && !g->skip_depth && g->st == KG_OK &&
           (g->depth == g->value_depth || (g->depth == g->label_depth && g->label_depth >= 0));
}

/* Reads text (len bytes, the whole document) in kg's own pass, calling the
 * callbacks above, as long as it is in the fast subset: *handled then (or
 * on a failure of the importer, which stops it), and the status is the
 * document's; else (*handled false) it gave up part way, and the caller
 * must start the import over (kg_imp_restart) with libxml2. g is fresh (as
 * run() makes it); mapped: text is a file's mapping whose pages may be
 * dropped once read. */
kg_status kg_gml_fast(gml *g, const char *text, size_t len, bool mapped, bool *handled);

/* The start tag's unprefixed attribute name, NUL-terminated in the buffer
 * of slot (0-2) or, from the fast reader, where it is; NULL when absent.
 * Valid until the callback returns or the slot is asked again. */
const char *kg_gml_attribute(gml *g, int slot, const char *name);

/* <key> just opened at w (its <default> is read as a value). */
kg_status kg_gml_key(gml *g, const kg_imp_where *w);
/* <default> ended: its text in g->text. */
kg_status kg_gml_default_end(gml *g, const gml_frame *f);
/* <data> of domain just opened (frame f): finds its key. */
kg_status kg_gml_data_begin(gml *g, gml_frame *f, int domain);
/* <data> ended: its text in g->text, a label in its graphics in g->label. */
kg_status kg_gml_data_end(gml *g, const gml_frame *f);
/* Begins a node or an edge: no key seen, no yEd label yet. */
kg_status kg_gml_begin(gml *g, bool is_edge, const kg_imp_where *w);
/* Ends the element of frame f: keys' defaults for the values it lacks, the
 * yEd label, an edge's id attribute as its soft id. */
kg_status kg_gml_end(gml *g, const gml_frame *f);
/* Frees the keys and buffers. */
void kg_gml_free(gml *g);

#endif
