/* kg/draw.h - how a readable drawing is drawn: a kg_diagram (kg/diagram.h)
 * laid out once with Graphviz and rendered as SVG, PNG and PDF, or written
 * as the DOT text Graphviz would read.
 *
 * Drawn labels are wrapped at word boundaries every KG_DRAW_LINE characters
 * and cut with an ellipsis after KG_DRAW_LABEL characters, so no label can
 * make a layout slow; the full text stays in the data and in each element's
 * SVG tooltip (itself cut after KG_DRAW_TOOLTIP bytes). docs/diagrams.md. */
#ifndef KG_DRAW_H
#define KG_DRAW_H

#include <stddef.h>

#include "kg/diagram.h"
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
