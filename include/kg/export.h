/* kg/export.h - writing a graph in the formats other tools read.
 *
 * One exporter per format, each reading only the finished kg_graph and
 * writing through a kg_writer. All output is deterministic: nodes in id
 * order, edges in (source, type, target, position) order, attributes sorted,
 * no timestamps, numbers formatted independently of the locale.
 *
 *   dot      Graphviz DOT: every id quoted, styles from the schema, legend
 *   graphml  GraphML with typed <key> declarations for every attribute
 *   json     NetworkX node-link JSON ("links", directed, multigraph, key)
 *   svg      a drawing laid out and rendered by Graphviz (gvc), from the
 *            bounded drawing DOT of kg/draw.h
 *   html     a self-contained interactive viewer (Cytoscape.js inlined)
 *
 * and, written only when asked for (docs/exports.md has a section on each):
 *
 *   gexf             GEXF 1.3 for Gephi: typed attributes, dates as intervals
 *   cytoscape        Cytoscape.js / Cytoscape desktop elements JSON (.cyjs)
 *   cytoscape-style  the matching Cytoscape.js style sheet (.style.json)
 *   cytoscape-vizmap the same style for Cytoscape desktop (.vizmap.xml)
 *   yed              GraphML with yFiles node and edge graphics (.yed.graphml)
 *   cypher           a Cypher script of batched UNWIND/MERGE statements (Neo4j)
 *   neo4j            neo4j-admin import CSV files, one per type, in a folder
 *   nt, ttl          RDF as N-Triples and Turtle
 *   png, pdf         the DOT drawing rendered by Graphviz, like svg
 */
#ifndef KG_EXPORT_H
#define KG_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/error.h"
#include "kg/graph.h"
#include "kg/writer.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kg_format {
    KG_FORMAT_DOT = 0,
    KG_FORMAT_GRAPHML,
    KG_FORMAT_JSON,
    KG_FORMAT_SVG,
    KG_FORMAT_HTML,
    KG_FORMAT_GEXF,
    KG_FORMAT_CYTOSCAPE,
    KG_FORMAT_CYTOSCAPE_STYLE,
    KG_FORMAT_CYTOSCAPE_VIZMAP,
    KG_FORMAT_YED,
    KG_FORMAT_CYPHER,
    KG_FORMAT_NEO4J,
    KG_FORMAT_NTRIPLES,
    KG_FORMAT_TURTLE,
    KG_FORMAT_PNG,
    KG_FORMAT_PDF,
    KG_FORMAT_COUNT
} kg_format;

typedef struct kg_export_options {
    bool has_legend;     /* DOT/SVG: draw a legend of the types used */
    const char *layout;  /* SVG: Graphviz engine; NULL = "dot" */
    const char *rankdir; /* DOT/SVG: "LR", "TB"...; NULL = "LR" */
    /* RDF: the namespace of entities (BASE id/ID), statements and sources;
     * NULL = kg's defaults (docs/exports.md). '/' is added unless it ends
     * in '/' or '#'. */
    const char *base_iri;
    bool has_dot_legend; /* DOT file: also write the legend as a
                            cluster_legend of kg_legend="true" nodes
                            (default: no; drawings have their own) */
    unsigned max_pixels; /* SVG/PNG/PDF: longest side at most this many
                            pixels at 96 per inch (PDF and SVG: the same
                            inches); Graphviz scales down to fit; 0: none */
} kg_export_options;

#define KG_DEFAULT_MAX_PIXELS 4800u

/* Default options: legend on in drawings (not in DOT files), layout
 * chosen by size (kg/draw.h), left to right, KG_DEFAULT_MAX_PIXELS. */
kg_export_options kg_export_defaults(void);

/* KG_OK when the layout is a Graphviz engine kg supports (dot, neato, fdp,
 * sfdp, circo, twopi, osage, patchwork), rankdir is LR, RL, TB or BT, and
 * base_iri (if set) is an absolute IRI (a scheme, ':', and no spaces,
 * control characters or <>"{}|^`\); otherwise KG_EUSAGE with a hint. */
kg_status kg_export_check_options(const kg_export_options *options, kg_error *err);

/* Parses a format name or extension ("dot", "gv", "graphml", "gexf",
 * "turtle", "yed.graphml", ...). */
kg_status kg_format_from_name(const char *name, kg_format *out);
const char *kg_format_name(kg_format format);
/* File extension without the dot ("dot", "graphml", "yed.graphml"...); for
 * neo4j, the suffix of the folder its files go into. */
const char *kg_format_extension(kg_format format);
/* The format a file name's extension names ("out/x.gv" -> DOT,
 * "x.yed.graphml" -> yEd, "x.style.json" -> Cytoscape style); KG_EUSAGE
 * when the extension is missing or unknown. */
kg_status kg_format_from_path(const char *path, kg_format *out);
/* Whether `kg build` writes this format when no format is asked for. */
bool kg_format_is_default(kg_format format);
/* Whether the format writes several files into a folder (neo4j) rather
 * than one file: kg_export then fails; use kg_export_neo4j_* below. */
bool kg_format_is_folder(kg_format format);

/* Writes graph in format to w (options may be NULL for defaults). Does not
 * commit w. Returns KG_OK or the first error, described in err.
 *
 * With more than 16,384 nodes or edges, the text formats are formatted by
 * the calling thread and one more thread (POSIX threads), which is joined
 * before kg_export returns; w is only ever written from the calling
 * thread, and the bytes are the same as with one thread. The graph must
 * not change meanwhile (a finished graph never does). */
kg_status kg_export(const kg_graph *graph, kg_format format,
                    const kg_export_options *options, kg_writer *w,
                    kg_error *err);

kg_status kg_export_dot(const kg_graph *graph,
                        const kg_export_options *options, kg_writer *w,
                        kg_error *err);
kg_status kg_export_graphml(const kg_graph *graph, kg_writer *w,
                            kg_error *err);
kg_status kg_export_json(const kg_graph *graph, kg_writer *w, kg_error *err);
kg_status kg_export_svg(const kg_graph *graph,
                        const kg_export_options *options, kg_writer *w,
                        kg_error *err);
/* One HTML file that draws the graph and lets a reader search, filter by
 * type and date, follow paths and read the evidence; works from disk, with
 * no network. The page and its embedded data: docs/viewer.md. */
kg_status kg_export_html(const kg_graph *graph, kg_writer *w, kg_error *err);
/* The review page of a candidate data set (kg review; docs/extract.md):
 * one HTML file, working from disk, to accept, reject, retype and merge
 * candidates and download the accepted ones as a data set. dataset_text is
 * the data set file's text (embedded unchanged, so every key survives);
 * file_name its file's name (the saved file is named after it; may be
 * NULL: the data set's name is used); source_texts[i] is the text of kg_graph_source(graph, i), or NULL when it
 * could not be read (its quotes are then shown without their sentences);
 * source_texts itself may be NULL. */
kg_status kg_export_review(const kg_graph *graph, const char *dataset_text,
                           const char *file_name,
                           const char *const *source_texts, kg_writer *w,
                           kg_error *err);

/* GEXF 1.3 (Gephi): mode="dynamic", timeformat="date"; dates become the
 * first and last day they cover; viz colours from the schema styles. */
kg_status kg_export_gexf(const kg_graph *graph, kg_writer *w, kg_error *err);
/* Cytoscape elements JSON, the matching Cytoscape.js style sheet, and the
 * same style as Cytoscape desktop imports it (vizmap XML). */
kg_status kg_export_cytoscape(const kg_graph *graph, kg_writer *w, kg_error *err);
kg_status kg_export_cytoscape_style(const kg_graph *graph, kg_writer *w,
                                    kg_error *err);
kg_status kg_export_cytoscape_vizmap(const kg_graph *graph, kg_writer *w,
                                     kg_error *err);
/* GraphML as plain GraphML has it, plus yFiles ShapeNode/PolyLineEdge
 * graphics so yEd shows labels, colours and shapes. */
kg_status kg_export_yed(const kg_graph *graph, kg_writer *w, kg_error *err);
/* A Cypher script (cypher-shell -f): per type, UNWIND batches of rows
 * with one MERGE per node or one MATCH per relationship end; idempotent. */
kg_status kg_export_cypher(const kg_graph *graph, kg_writer *w, kg_error *err);
/* RDF 1.1 N-Triples and Turtle; vocabulary and IRIs: docs/exports.md. */
kg_status kg_export_ntriples(const kg_graph *graph, kg_writer *w, kg_error *err);
kg_status kg_export_turtle(const kg_graph *graph, kg_writer *w, kg_error *err);
/* The DOT drawing rendered by Graphviz as PNG or PDF (as kg_export_svg). */
kg_status kg_export_png(const kg_graph *graph, const kg_export_options *options,
                        kg_writer *w, kg_error *err);
kg_status kg_export_pdf(const kg_graph *graph, const kg_export_options *options,
                        kg_writer *w, kg_error *err);

/* neo4j-admin database import CSV: one file of nodes per node type and one
 * of relationships per edge type, in type-name order. File i is named
 * nodes_TYPE.csv or relationships_TYPE.csv (TYPE made file-name safe).
 * kg_export_neo4j_file writes file i to w; kg_export_neo4j_folder writes
 * them all into folder `dir` (which must exist), each atomically, renaming
 * them into place only when all were written. */
kg_status kg_neo4j_file_count(const kg_graph *graph, size_t *count);
kg_status kg_neo4j_file_name(const kg_graph *graph, size_t i, char *name,
                             size_t size);
kg_status kg_export_neo4j_file(const kg_graph *graph, size_t i, kg_writer *w,
                               kg_error *err);
kg_status kg_export_neo4j_folder(const kg_graph *graph, const char *dir,
                                 bool do_fsync, kg_error *err);

/* Escapers, one per output language, appending to w. Each makes any byte
 * string safe inside its context; invalid UTF-8 becomes U+FFFD and NUL and
 * other control characters are escaped or dropped as the language needs. */
kg_status kg_write_dot_string(kg_writer *w, const char *s); /* with quotes */
kg_status kg_write_xml_text(kg_writer *w, const char *s); /* text and attr */
kg_status kg_write_json_string(kg_writer *w, const char *s); /* with quotes */
/* As kg_write_json_string, also escaping <, >, & and U+2028/U+2029 so the
 * JSON can sit inside an HTML <script> element. */
kg_status kg_write_json_string_for_script(kg_writer *w, const char *s);
/* A Cypher string literal in single quotes, backslash escapes. */
kg_status kg_write_cypher_string(kg_writer *w, const char *s);
/* An RDF literal's quoted lexical form as N-Triples and Turtle read it. */
kg_status kg_write_ntriples_string(kg_writer *w, const char *s);
/* A CSV field (RFC 4180): quoted, with quotes doubled. */
kg_status kg_write_csv_field(kg_writer *w, const char *s);

#ifdef __cplusplus
}
#endif
#endif
