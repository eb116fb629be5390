/* export_svg.c - SVG, PNG and PDF drawn by Graphviz: the drawing DOT of a
 * diagram (export_diagram_dot.c) is parsed by cgraph, laid out once by gvc
 * and rendered in memory in every format asked for, so `-f svg,png,pdf`
 * costs one layout. Graphviz prints its errors on stderr by default; the
 * library must not print, so they are caught with agseterrf and returned
 * in the kg_error instead. Not thread-safe: Graphviz is not. */
#define _XOPEN_SOURCE 700 /* srand48 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export_diagram.h"
#include "graphviz_context.h"

/* Graphviz's error callback has no user pointer, so the last message is
 * kept here. */
static char graphviz_message[256];

static int catch_graphviz_message(char *text)
{
    size_t len = strlen(text);
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
        len--;
    if (len >= sizeof graphviz_message)
        len = sizeof graphviz_message - 1;
    memcpy(graphviz_message, text, len);
    graphviz_message[len] = '\0';
    return 0;
}

static kg_status graphviz_error(kg_error *err, kg_writer *w, const char *what)
{
    return kg_error_set(err, KG_EIO, kg_writer_name(w), "Graphviz could not %s the graph%s%s",
                        what, graphviz_message[0] ? ": " : "", graphviz_message);
}

/* One Graphviz context for the whole process, never freed: Graphviz 2.43's
 * pango plugin keeps a pointer to the last font name in a static variable,
 * and a second context after gvFreeContext reads it after it was freed
 * (AddressSanitizer: heap-use-after-free in textspan_size). The context
 * stays reachable, so leak checkers do not count it. Also used by the
 * viewer's layout (export_html_layout.c). */
GVC_t *kg_graphviz_context(void)
{
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    return gvc;
}

int kg_graphviz_layout(GVC_t *gvc, Agraph_t *graph, const char *engine)
{
    /* Parts of Graphviz's layouts draw from rand() and drand48() without
     * seeding them from the graph's "start", so a layout would depend on
     * the layouts run before it in the process (kg build's SVG before the
     * viewer's). Both generators start afresh for every layout. */
    srand(1);
    srand48(1);
    return gvLayout(gvc, graph, engine);
}

static const char *gvc_format(kg_format f)
{
    switch (f) {
    case KG_FORMAT_SVG: return "svg";
    case KG_FORMAT_PNG: return "png"; /* cairo plugin (libgvplugin-pango) */
    case KG_FORMAT_PDF: return "pdf";
    default: return NULL;
    }
}

/* Lays dot out with engine, then renders it once per writer. */
static kg_status render(const char *dot, const char *engine, const kg_format *formats,
                        kg_writer *const *writers, size_t count, kg_error *err)
{
    graphviz_message[0] = '\0';
    agusererrf previous = agseterrf(catch_graphviz_message);
    GVC_t *gvc = kg_graphviz_context();
    Agraph_t *graph = gvc ? agmemread(dot) : NULL;
    kg_status status = KG_OK;
    if (!gvc || !graph)
        status = graphviz_error(err, writers[0], "read");
    else if (kg_graphviz_layout(gvc, graph, engine) != 0)
        status = graphviz_error(err, writers[0], "lay out");
    for (size_t i = 0; status == KG_OK && i < count; i++) {
        char *bytes = NULL;
        unsigned int len = 0;
        if (gvRenderData(gvc, graph, gvc_format(formats[i]), &bytes, &len) != 0 || !bytes)
            status = graphviz_error(err, writers[i], "render");
        else
            kg_writer_write(writers[i], bytes, len);
        gvFreeRenderData(bytes);
        if (status == KG_OK)
            status = kg_export_writer_error(writers[i], err);
    }
    if (graph) {
        gvFreeLayout(gvc, graph); /* harmless when the layout failed */
        agclose(graph);
    }
    agseterrf(previous);
    return status;
}

kg_status kg_diagram_draw(const kg_diagram *d, const kg_export_options *options,
                          const kg_format *formats, kg_writer *const *writers, size_t count,
                          kg_error *err)
{
    kg_export_options defaults = kg_export_defaults();
    const kg_export_options *o = options ? options : &defaults;
    if (count == 0)
        return KG_OK;
    for (size_t i = 0; i < count; i++)
        if (!gvc_format(formats[i]))
            return kg_error_set(err, KG_EUSAGE, kg_writer_name(writers[i]),
                                "a drawing is SVG, PNG or PDF, not %s",
                                kg_format_name(formats[i]));
    kg_writer *dot = NULL;
    kg_status status = kg_writer_open_memory(&dot, err);
    if (status == KG_OK)
        status = kg_diagram_dot(d, o, dot, err);
    if (status == KG_OK)
        status = render(kg_writer_memory(dot, NULL), kg_diagram_engine(d, o), formats, writers,
                        count, err);
    kg_writer_abort(dot);
    return status;
}

kg_status kg_export_drawings(const kg_graph *g, const kg_export_options *options,
                             const kg_format *formats, kg_writer *const *writers, size_t count,
                             kg_error *err)
{
    kg_diagram d;
    memset(&d, 0, sizeof d);
    memcpy(&d.graph, &g, sizeof g); /* only read: drawing never frees or changes it */
    d.kind = KG_DIAGRAM_PLAIN;
    return kg_diagram_draw(&d, options, formats, writers, count, err);
}

static kg_status draw(const kg_graph *g, const kg_export_options *options, kg_format f,
                      kg_writer *w, kg_error *err)
{
    return kg_export_drawings(g, options, &f, &w, 1, err);
}

kg_status kg_export_svg(const kg_graph *g, const kg_export_options *options,
                        kg_writer *w, kg_error *err)
{
    return draw(g, options, KG_FORMAT_SVG, w, err);
}

kg_status kg_export_png(const kg_graph *g, const kg_export_options *options,
                        kg_writer *w, kg_error *err)
{
    return draw(g, options, KG_FORMAT_PNG, w, err);
}

kg_status kg_export_pdf(const kg_graph *g, const kg_export_options *options,
                        kg_writer *w, kg_error *err)
{
    return draw(g, options, KG_FORMAT_PDF, w, err);
}
