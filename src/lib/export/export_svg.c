/* export_svg.c - SVG, PNG and PDF drawn by Graphviz: our own DOT text
 * (export_dot.c) is parsed by cgraph, laid out and rendered by gvc in memory
 * in the gvc output format asked for, so the drawing and the DOT file
 * always agree. Graphviz prints its errors on stderr by
 * default; the library must not print, so they are caught with agseterrf
 * and returned in the kg_error instead. Not thread-safe: Graphviz is not. */
#include <stdio.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "export_internal.h"
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

/* The DOT text of the graph, in a memory writer the caller aborts. */
static kg_status dot_text(const kg_graph *g, const kg_export_options *o,
                          kg_writer **out, kg_error *err)
{
    kg_status status = kg_writer_open_memory(out, err);
    if (status == KG_OK)
        status = kg_export_dot(g, o, *out, err);
    return status;
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

/* gvc_format: a Graphviz output format ("svg", "png", "pdf"). */
static kg_status render(const char *dot, const kg_export_options *o, const char *gvc_format,
                        kg_writer *w, kg_error *err)
{
    graphviz_message[0] = '\0';
    agusererrf previous = agseterrf(catch_graphviz_message);
    GVC_t *gvc = kg_graphviz_context();
    Agraph_t *graph = gvc ? agmemread(dot) : NULL;
    kg_status status = KG_OK;
    if (!gvc || !graph)
        status = graphviz_error(err, w, "read");
    else if (gvLayout(gvc, graph, o->layout ? o->layout : "dot") != 0)
        status = graphviz_error(err, w, "lay out");
    else {
        char *bytes = NULL;
        unsigned int len = 0;
        if (gvRenderData(gvc, graph, gvc_format, &bytes, &len) != 0 || !bytes)
            status = graphviz_error(err, w, "render");
        else
            kg_writer_write(w, bytes, len);
        gvFreeRenderData(bytes);
        gvFreeLayout(gvc, graph);
    }
    if (graph)
        agclose(graph);
    agseterrf(previous);
    return status;
}

static kg_status draw(const kg_graph *g, const kg_export_options *options,
                      const char *gvc_format, kg_writer *w, kg_error *err)
{
    kg_export_options defaults = kg_export_defaults();
    const kg_export_options *o = options ? options : &defaults;
    kg_writer *dot = NULL;
    kg_status status = dot_text(g, o, &dot, err);
    if (status == KG_OK)
        status = render(kg_writer_memory(dot, NULL), o, gvc_format, w, err);
    kg_writer_abort(dot);
    if (status != KG_OK)
        return status;
    return kg_export_writer_error(w, err);
}

kg_status kg_export_svg(const kg_graph *g, const kg_export_options *options,
                        kg_writer *w, kg_error *err)
{
    return draw(g, options, "svg", w, err);
}

/* PNG and PDF come from Graphviz's cairo plugin (libgvplugin-pango). */
kg_status kg_export_png(const kg_graph *g, const kg_export_options *options,
                        kg_writer *w, kg_error *err)
{
    return draw(g, options, "png", w, err);
}

kg_status kg_export_pdf(const kg_graph *g, const kg_export_options *options,
                        kg_writer *w, kg_error *err)
{
    return draw(g, options, "pdf", w, err);
}
