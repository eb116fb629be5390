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
 *   svg      the DOT drawing laid out and rendered by Graphviz (gvc)
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
    KG_FORMAT_COUNT
} kg_format;

typedef struct kg_export_options {
    bool has_legend;     /* DOT/SVG: draw a legend of the types used */
    const char *layout;  /* SVG: Graphviz engine; NULL = "dot" */
    const char *rankdir; /* DOT/SVG: "LR", "TB"...; NULL = "LR" */
} kg_export_options;

/* Default options: legend on, dot layout, left to right. */
kg_export_options kg_export_defaults(void);

/* KG_OK when the layout is a Graphviz engine kg supports (dot, neato, fdp,
 * sfdp, circo, twopi, osage, patchwork) and rankdir is LR, RL, TB or BT;
 * otherwise KG_EUSAGE with the choices in err's hint. */
kg_status kg_export_check_options(const kg_export_options *options, kg_error *err);

/* Parses a format name ("dot", "gv", "graphml", "json", "svg"). */
kg_status kg_format_from_name(const char *name, kg_format *out);
const char *kg_format_name(kg_format format);
/* File extension without the dot ("dot", "graphml", "json", "svg"). */
const char *kg_format_extension(kg_format format);
/* The format a file name's extension names ("out/x.gv" -> DOT); KG_EUSAGE
 * when the extension is missing or unknown. */
kg_status kg_format_from_path(const char *path, kg_format *out);
/* Whether `kg build` writes this format when no format is asked for. */
bool kg_format_is_default(kg_format format);

/* Writes graph in format to w (options may be NULL for defaults). Does not
 * commit w. Returns KG_OK or the first error, described in err. */
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
/* Escapers, one per output language, appending to w. Each makes any byte
 * string safe inside its context; invalid UTF-8 becomes U+FFFD and NUL and
 * other control characters are escaped or dropped as the language needs. */
kg_status kg_write_dot_string(kg_writer *w, const char *s); /* with quotes */
kg_status kg_write_xml_text(kg_writer *w, const char *s); /* text and attr */
kg_status kg_write_json_string(kg_writer *w, const char *s); /* with quotes */
/* As kg_write_json_string, also escaping <, >, & and U+2028/U+2029 so the
 * JSON can sit inside an HTML <script> element. */
kg_status kg_write_json_string_for_script(kg_writer *w, const char *s);

#ifdef __cplusplus
}
#endif
#endif
