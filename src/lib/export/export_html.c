/* export_html.c - the interactive viewer: src/viewer/template.html with the
 * style sheet, Cytoscape.js, the viewer script and the graph (as JSON in a
 * <script type="application/json"> element) filled in, so the page works
 * from disk with no network. Every string goes through the script-safe
 * JSON escaper, so no label can end the element it sits in. The page's
 * data format is documented in docs/viewer.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_html_layout.h"
#include "export_internal.h"
#include "internal.h"
#include "viewer_assets.h"

/* ---- the graph as JSON ------------------------------------------------- */

static void json_string(kg_writer *w, const char *s)
{
    kg_write_json_string_for_script(w, s ? s : "");
}

/* , "name": "value" when value is set. */
static void member(kg_writer *w, const char *name, const char *value)
{
    if (!value)
        return;
    kg_writer_puts(w, ", ");
    json_string(w, name);
    kg_writer_puts(w, ": ");
    json_string(w, value);
}

/* The start and end as written ("2003-03") and as the first and last day
 * they cover (20030301, 20031231 for "2003"), so the page's date slider
 * and kg's as-of filtering agree without the page knowing the calendar. */
static void dates(kg_writer *w, kg_date start, kg_date end)
{
    char text[11];
    if (start.precision != KG_DATE_NONE) {
        member(w, "start", kg_date_format(start, text));
        kg_writer_printf(w, ", \"start_day\": %ld", (long)kg_date_first_day(start));
    }
    if (end.precision != KG_DATE_NONE) {
        member(w, "end", kg_date_format(end, text));
        kg_writer_printf(w, ", \"end_day\": %ld", (long)kg_date_last_day(end));
    }
}

/* Whether text is a JSON number or literal, so it can be written bare.
 * The loader gives canonical forms; a graph built through the API might
 * not, and then the value is written as a string rather than break JSON. */
static bool is_json_scalar(const char *text, kg_value_kind kind)
{
    if (kind == KG_VALUE_BOOLEAN)
        return strcmp(text, "true") == 0 || strcmp(text, "false") == 0;
    return kg_json_number(text, NULL);
}

static void attributes(kg_writer *w, const kg_attr *attrs, uint32_t count)
{
    if (count == 0)
        return;
    kg_writer_puts(w, ", \"attributes\": {");
    for (uint32_t i = 0; i < count; i++) {
        if (i)
            kg_writer_puts(w, ", ");
        json_string(w, attrs[i].key);
        kg_writer_puts(w, ": ");
        if (attrs[i].kind != KG_VALUE_STRING && is_json_scalar(attrs[i].text, attrs[i].kind))
            kg_writer_puts(w, attrs[i].text);
        else
            json_string(w, attrs[i].text);
    }
    kg_writer_putc(w, '}');
}

static kg_status script_string(kg_writer *w, const char *s)
{
    return kg_write_json_string_for_script(w, s ? s : "");
}

static void evidence(kg_writer *w, const kg_evidence *ev, uint32_t count)
{
    kg_export_json_evidence_as(w, ev, count, script_string);
}

/* "style": {...} with the Graphviz attributes the schema sets. */
static void style(kg_writer *w, const kg_style *s)
{
    const char *names[] = {"shape", "style", "fillcolor", "color", "fontcolor", "arrowhead", "dir"};
    const char *values[] = {s->shape, s->style, s->fillcolor, s->color,
                            s->fontcolor, s->arrowhead, s->dir};
    const char *sep = "{";
    kg_writer_puts(w, ", \"style\": ");
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!values[i])
            continue;
        kg_writer_puts(w, sep);
        json_string(w, names[i]);
        kg_writer_puts(w, ": ");
        json_string(w, values[i]);
        sep = ", ";
    }
    kg_writer_puts(w, *sep == '{' ? "{}" : "}");
}

static void schema_types(kg_writer *w, const kg_schema *schema)
{
    size_t n = schema ? kg_schema_node_type_count(schema) : 0;
    kg_writer_puts(w, ",\n\"node_types\": [");
    for (size_t i = 0; i < n; i++) {
        const kg_node_type *t = kg_schema_node_type(schema, i);
        kg_writer_puts(w, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
        json_string(w, t->name);
        member(w, "description", t->description);
        member(w, "wikidata", t->wikidata);
        style(w, &t->style);
        kg_writer_putc(w, '}');
    }
    n = schema ? kg_schema_edge_type_count(schema) : 0;
    kg_writer_puts(w, "],\n\"edge_types\": [");
    for (size_t i = 0; i < n; i++) {
        const kg_edge_type *t = kg_schema_edge_type(schema, i);
        kg_writer_puts(w, i ? ",\n  {\"name\": " : "\n  {\"name\": ");
        json_string(w, t->name);
        member(w, "description", t->description);
        member(w, "inverse", t->inverse);
        kg_writer_puts(w, t->is_symmetric ? ", \"symmetric\": true" : ", \"symmetric\": false");
        style(w, &t->style);
        kg_writer_putc(w, '}');
    }
    kg_writer_putc(w, ']');
}

static void sources(kg_writer *w, const kg_graph *g)
{
    kg_writer_puts(w, ",\n\"sources\": [");
    for (size_t i = 0; i < kg_graph_source_count(g); i++) {
        const kg_source *s = kg_graph_source(g, i);
        kg_writer_puts(w, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
        json_string(w, s->id);
        member(w, "title", s->title);
        member(w, "file", s->file);
        member(w, "url", s->url);
        member(w, "retrieved", s->retrieved);
        kg_writer_putc(w, '}');
    }
    kg_writer_putc(w, ']');
}

/* xy: where the page draws each node (kg_viewer_layout), NULL for none. */
static void nodes(kg_writer *w, const kg_graph *g, const kg_viewer_point *xy)
{
    kg_writer_puts(w, ",\n\"nodes\": [");
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        const kg_node *n = kg_graph_node(g, i);
        kg_writer_puts(w, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
        json_string(w, n->id);
        member(w, "type", n->type);
        member(w, "label", n->label);
        if (xy)
            kg_writer_printf(w, ", \"x\": %ld, \"y\": %ld", xy[i].x, xy[i].y);
        kg_writer_puts(w, ", \"aliases\": [");
        for (uint32_t a = 0; a < n->alias_count; a++) {
            if (a)
                kg_writer_puts(w, ", ");
            json_string(w, n->aliases[a]);
        }
        kg_writer_putc(w, ']');
        member(w, "description", n->description);
        dates(w, n->start, n->end);
        attributes(w, n->attrs, n->attr_count);
        evidence(w, n->evidence, n->evidence_count);
        kg_writer_putc(w, '}');
    }
    kg_writer_putc(w, ']');
}

static void edges(kg_writer *w, const kg_graph *g)
{
    kg_writer_puts(w, ",\n\"edges\": [");
    for (size_t i = 0; i < kg_graph_edge_count(g); i++) {
        const kg_edge *e = kg_graph_edge(g, i);
        kg_writer_puts(w, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
        json_string(w, e->id);
        member(w, "type", e->type);
        member(w, "source", kg_graph_node(g, e->source)->id);
        member(w, "target", kg_graph_node(g, e->target)->id);
        dates(w, e->start, e->end);
        attributes(w, e->attrs, e->attr_count);
        evidence(w, e->evidence, e->evidence_count);
        kg_writer_putc(w, '}');
    }
    kg_writer_putc(w, ']');
}

static void graph_json(kg_writer *w, const kg_graph *g, const kg_viewer_point *xy)
{
    kg_writer_puts(w, "{\"kg_viewer\": 1");
    const char *fields[] = {"name", "title", "description"};
    const char *values[] = {kg_graph_name(g), kg_graph_title(g), kg_graph_description(g)};
    for (size_t i = 0; i < 3; i++)
        member(w, fields[i], *values[i] ? values[i] : NULL); /* "" when unset */
    schema_types(w, kg_graph_schema(g));
    sources(w, g);
    nodes(w, g, xy);
    edges(w, g);
    kg_writer_puts(w, "}\n");
}

/* ---- the template ------------------------------------------------------ */

/* The viewer's script files, by the marker that places each (@KG_JS_DOM@...);
 * template.html joins them inside one function scope. */
static const struct {
    const char *marker;
    const unsigned char *bytes;
    const size_t *size;
} scripts[] = {
    {"JS_DOM", kg_viewer_js_dom, &kg_viewer_js_dom_size},
    {"JS_DATES", kg_viewer_js_dates, &kg_viewer_js_dates_size},
    {"JS_STYLES", kg_viewer_js_styles, &kg_viewer_js_styles_size},
    {"JS_PANEL", kg_viewer_js_panel, &kg_viewer_js_panel_size},
    {"JS_PICTURE", kg_viewer_js_picture, &kg_viewer_js_picture_size},
    {"JS_APP", kg_viewer_js_app, &kg_viewer_js_app_size},
};

static bool fill_script(kg_writer *w, const char *name, size_t name_len)
{
    for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
        if (strlen(scripts[i].marker) == name_len && memcmp(scripts[i].marker, name, name_len) == 0) {
            kg_writer_write(w, scripts[i].bytes, *scripts[i].size);
            return true;
        }
    }
    return false;
}

/* Writes what replaces the marker @KG_name@ (name_len bytes of name);
 * false for an unknown marker. */
static bool fill(kg_writer *w, const kg_graph *g, const kg_viewer_point *xy, const char *name,
                 size_t name_len)
{
#define IS(literal) (name_len == sizeof literal - 1 && memcmp(name, literal, name_len) == 0)
    if (IS("TITLE")) {
        const char *title = kg_graph_title(g);
        kg_write_xml_text(w, *title ? title : kg_graph_name(g));
    } else if (IS("CSS")) {
        kg_writer_write(w, kg_viewer_css, kg_viewer_css_size);
    } else if (IS("DATA")) {
        graph_json(w, g, xy);
    } else if (IS("CYTOSCAPE")) {
        kg_writer_write(w, kg_viewer_cytoscape, kg_viewer_cytoscape_size);
    } else {
        return fill_script(w, name, name_len);
    }
    return true;
#undef IS
}

typedef struct html_page {
    const kg_graph *graph;
    kg_viewer_point *xy;
} html_page;

static bool fill_page(kg_writer *w, void *ctx, const char *name, size_t len)
{
    const html_page *page = ctx;
    return fill(w, page->graph, page->xy, name, len);
}

kg_status kg_export_html(const kg_graph *graph, kg_writer *w, kg_error *err)
{
    if (!graph || !w || !kg_graph_is_finished(graph))
        return kg_error_set(err, KG_EUSAGE, NULL,
                            "kg_export_html needs a finished graph and a writer");
    html_page page = {graph, NULL};
    kg_status status = kg_viewer_layout(graph, &page.xy, err);
    if (status == KG_OK)
        status = kg_export_template(w, (const char *)kg_viewer_template, kg_viewer_template_size,
                                    "viewer", fill_page, &page, err);
    free(page.xy);
    return status;
}
