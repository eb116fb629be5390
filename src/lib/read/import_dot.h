/* import_dot.h - what kg's two DOT readers share. import_dot.c reads the
 * whole language through Graphviz's cgraph; import_dot_fast.c reads, in
 * one pass of its own, the subset kg, NetworkX, igraph and Gephi write,
 * and gives up on anything else before adding anything to the importer,
 * so that cgraph then reads the file. Both turn an attribute's value into
 * kg's values with kg_dot_value, so a file gives the same graph either
 * way. */
#ifndef KG_IMPORT_DOT_H
#define KG_IMPORT_DOT_H

#include <stdbool.h>
#include <stddef.h>

#include "import_values.h"
#include "importer.h"

/* The drawing style of one type, from kg's legend or its kg_style:...
 * graph attributes; the strings belong to the reader that found them. */
typedef struct kg_dot_style {
    bool is_edge;
    const char *type;
    char *owned_type; /* from a kg_style:... graph attribute, else NULL */
    kg_style style;
} kg_dot_style;

typedef struct kg_dot_styles {
    kg_dot_style *items;
    size_t count;
} kg_dot_styles;

/* The importer's style_fn over a kg_dot_styles (ctx). */
const kg_style *kg_dot_style_lookup(void *ctx, bool is_edge, const char *type);
/* A graph attribute: when its name is "kg_style:node:TYPE:FIELD" (or
 * edge:), value (kept, not copied) becomes that type's FIELD. */
kg_status kg_dot_style_attr(kg_importer *im, kg_dot_styles *styles, const char *name,
                            const char *value);
void kg_dot_styles_free(kg_dot_styles *styles);

/* Whether an attribute name is one of kg's fields (id, type, label...),
 * which are kept even when they equal the attribute's default. */
bool kg_dot_is_kg_field(const char *name);

/* What kg makes of an attribute of a node or an edge, by its name. */
typedef enum kg_dot_role {
    KG_DOT_FREE,       /* a free attribute, typed by inference */
    KG_DOT_FIELD,      /* one of kg's fields */
    KG_DOT_NODE_LABEL, /* a node's label: none when it is the node's id */
    KG_DOT_TOOLTIP,    /* derived: the evidence quotes */
    KG_DOT_EDGE_LABEL, /* derived: the edge's type */
    KG_DOT_STYLE       /* derived: the type's drawing style */
} kg_dot_role;
kg_dot_role kg_dot_role_of(const char *name, bool is_edge);

/* One attribute an element sets (raw: its text as cgraph stores it, not
 * empty, not the default), as its role says (kg_dot_role_of its name):
 * a kg field, a derived value kg_imp_derived checks, or a free attribute
 * typed as inf says. node_id: the node's id, NULL for an edge. */
kg_status kg_dot_value(kg_importer *im, const char *name, kg_dot_role role, const char *raw,
                       bool is_html, const kg_imp_infer *inf, const char *node_id);

/* The graph's name (skipped when NULL or anonymous, "%...") and title
 * (the graph's label, may be NULL). */
kg_status kg_dot_graph_fields(kg_importer *im, const char *name, const char *label);

/* The one-pass reader (import_dot_fast.c). Sets *handled and returns the
 * import's status when text is inside its subset; otherwise clears
 * *handled, returns KG_OK and has added nothing to im. */
kg_status kg_dot_fast_import(kg_importer *im, const char *text, size_t len, bool *handled);

#endif
