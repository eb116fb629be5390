/* kg/diagram.h - drawings a person can read: which part of a graph to draw
 * (a view, chosen by the analysis functions below) and how to draw it (the
 * drawing functions, which lay the view out once with Graphviz and render
 * it as SVG, PNG and PDF, or write the DOT text Graphviz would read).
 *
 * Drawn labels are wrapped at word boundaries every KG_DRAW_LINE characters
 * and cut with an ellipsis after KG_DRAW_LABEL characters, so no label can
 * make a layout slow; the full text stays in the data and in each element's
 * SVG tooltip (itself cut after KG_DRAW_TOOLTIP bytes). docs/diagrams.md. */
#ifndef KG_DIAGRAM_H
#define KG_DIAGRAM_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/analysis.h"
#include "kg/error.h"
#include "kg/export.h"
#include "kg/graph.h"
#include "kg/writer.h"

#ifdef __cplusplus
extern "C" {
#endif

#define KG_DRAW_LINE 22        /* characters per drawn label line */
#define KG_DRAW_LABEL 66       /* characters drawn at most, then "…" */
#define KG_DRAW_TOOLTIP 4096   /* bytes of a tooltip at most, then "…" */
#define KG_DRAW_READABLE 60    /* entities a drawing holds and stays legible */
#define KG_DRAW_DOT_NODES 150  /* automatic engine: dot up to this many entities */
#define KG_DRAW_DOT_EDGES 400  /* ... and relations, sfdp beyond */
#define KG_DRAW_EDGE_LABELS 40 /* relation types drawn as labels up to this many
                                  relations; beyond, only in SVG tooltips */

typedef enum kg_diagram_kind {
    KG_DIAGRAM_PLAIN = 0, /* entities and relations */
    KG_DIAGRAM_TIMELINE,  /* as plain, entities placed along a row of dates */
    KG_DIAGRAM_OVERVIEW   /* groups as clusters, links between groups */
} kg_diagram_kind;

/* A relation between two groups of an overview, drawn once. */
typedef struct kg_diagram_link {
    size_t from, to; /* groups */
    size_t count;    /* relations of the whole graph between them */
} kg_diagram_link;

/* What to draw. graph's entities and relations are drawn; the rest
 * depends on kind. Arrays are owned by the diagram (kg_diagram_clear). */
typedef struct kg_diagram {
    kg_graph *graph;
    kg_diagram_kind kind;
    bool *is_centre;       /* NULL, or per entity of graph: drawn bold */
    /* overview: */
    size_t group_count;
    char **group_names;    /* group_count names ("country", "community 1") */
    size_t *group_sizes;   /* entities of the whole graph in each group */
    size_t *node_group;    /* per entity of graph: its group */
    kg_diagram_link *links;
    size_t link_count;
} kg_diagram;

void kg_diagram_clear(kg_diagram *d);

/* ---- views (analysis) ------------------------------------------------- */

/* The relations of type edge_type (or of any of a comma-separated list of
 * types) and the entities they join: a timeline diagram (entities placed
 * in the date order of the relations that lead to them). KG_EINPUT when
 * no relation has such a type. O(V + E). */
kg_status kg_view_chain(const kg_graph *graph, const char *edge_type,
                        kg_diagram *out, kg_error *err);

/* The n entities ranked highest by measure and the relations among them.
 * O(the measure) + O(V log V). */
kg_status kg_view_top(const kg_graph *graph, kg_measure measure, size_t n,
                      kg_diagram *out, kg_error *err);

/* Every shortest path between from and to (up to KG_DEFAULT_MAX_PATHS),
 * undirected, with the relations along them; the ends are centres.
 * KG_EINPUT when there is no path. */
kg_status kg_view_path(const kg_graph *graph, size_t from, size_t to,
                       kg_diagram *out, kg_error *err);

/* The entities for which keep[i] is true (all: NULL) and the relations
 * among them; centres (may be NULL) are drawn bold. */
kg_status kg_view_select(const kg_graph *graph, const bool *keep,
                         const bool *centres, kg_diagram *out, kg_error *err);

typedef enum kg_group_by {
    KG_GROUP_BY_TYPE = 0,
    KG_GROUP_BY_COMMUNITY /* Louvain, seed 1 (kg_communities) */
} kg_group_by;

/* The whole graph in groups: each group a cluster showing its `per_group`
 * entities of highest degree, and one link per pair of groups carrying
 * the number of relations between them. O(V log V + E). */
kg_status kg_view_overview(const kg_graph *graph, kg_group_by group_by,
                           size_t per_group, kg_diagram *out, kg_error *err);

/* ---- drawing (export) ------------------------------------------------- */

/* The Graphviz engine a drawing of d uses: o->layout, or dot up to
 * KG_DRAW_DOT_NODES entities and KG_DRAW_DOT_EDGES relations, sfdp
 * beyond. */
const char *kg_diagram_engine(const kg_diagram *d, const kg_export_options *o);

/* The DOT text Graphviz lays out for d (labels wrapped and cut, legend as
 * an HTML-like table in the graph label: no legend nodes). */
kg_status kg_diagram_dot(const kg_diagram *d, const kg_export_options *o,
                         kg_writer *w, kg_error *err);

/* Lays d out once and renders it in each formats[i] (KG_FORMAT_SVG,
 * _PNG, _PDF or _DOT, the last with Graphviz's positions) to writers[i].
 * Does not commit the writers. Not thread-safe (Graphviz is not). */
kg_status kg_diagram_draw(const kg_diagram *d, const kg_export_options *o,
                          const kg_format *formats, kg_writer *const *writers,
                          size_t count, kg_error *err);

/* The whole graph as a plain diagram, laid out once for all formats. */
kg_status kg_export_drawings(const kg_graph *graph, const kg_export_options *o,
                             const kg_format *formats, kg_writer *const *writers,
                             size_t count, kg_error *err);

#ifdef __cplusplus
}
#endif
#endif
