/* export_diagram_dot.c - the DOT text a readable drawing is laid out from
 * (kg/draw.h): only what Graphviz draws (labels wrapped and cut, full
 * text in tooltips, styles from the schema), and a legend that is an
 * HTML-like table in the graph label rather than nodes; timelines and
 * overviews add their ranks and group nodes (export_diagram_views.c). The data's own
 * DOT export (export_dot.c) keeps every field; this one keeps a drawing
 * fast whatever the labels hold: no string longer than KG_DRAW_TOOLTIP
 * bytes reaches Graphviz. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_diagram.h"
#include "writer_internal.h"

/* ---- bounded text ------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* Length in bytes of the character at s (1 for a stray continuation or
 * invalid byte: the escaper replaces it). */
static size_t char_bytes(const char *s)
{
    size_t n = 1;
    unsigned char c = (unsigned char)s[0];
    size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    while (n < want && s[n] && is_continuation(s[n]))
        n++;
    return n;
}

/* Characters of the word at s (up to the next space or the end), and its
 * length in bytes in *bytes. */
static size_t word_chars(const char *s, size_t *bytes)
{
    size_t chars = 0, len = 0;
    while (s[len] && !is_space(s[len])) {
        len += char_bytes(s + len);
        chars++;
    }
    *bytes = len;
    return chars;
}

void kg_diagram_cut_label(const char *s, char *out, size_t size, size_t line, size_t limit)
{
    size_t len = 0, line_chars = 0, total = 0;
    bool is_cut = false;
    out[0] = '\0';
    if (!s)
        return;
    while (*s && !is_cut) {
        while (is_space(*s))
            s++;
        if (!*s)
            break;
        size_t bytes, chars = word_chars(s, &bytes);
        if (line_chars > 0 && line_chars + 1 + chars > line) {
            out[len++] = '\n';
            line_chars = 0;
        } else if (line_chars > 0) {
            out[len++] = ' ';
            line_chars++;
            total++;
        }
        /* the word, broken where a line or the label ends */
        for (size_t i = 0; i < bytes && !is_cut;) {
            if (total >= limit || len + 8 >= size) {
                is_cut = true;
                break;
            }
            if (line_chars >= line) {
                out[len++] = '\n';
                line_chars = 0;
            }
            size_t n = char_bytes(s + i);
            memcpy(out + len, s + i, n);
            len += n;
            i += n;
            line_chars++;
            total++;
        }
        s += bytes;
    }
    if (is_cut || (*s && total >= limit)) {
        while (len > 0 && (out[len - 1] == ' ' || out[len - 1] == '\n'))
            len--;
        memcpy(out + len, "\xE2\x80\xA6", 3); /* U+2026 … */
        len += 3;
    }
    out[len] = '\0';
}

/* Writes at most max bytes of s (cut at a character boundary, then "…")
 * as a quoted DOT string. */
static void put_cut_string(kg_writer *w, const char *s, size_t max)
{
    size_t len = strlen(s);
    if (len <= max) {
        kg_write_dot_string(w, s);
        return;
    }
    char *copy = malloc(max + 4);
    if (!copy) {
        kg_write_dot_string(w, "");
        return;
    }
    while (max > 0 && is_continuation(s[max]))
        max--;
    memcpy(copy, s, max);
    memcpy(copy + max, "\xE2\x80\xA6", 4);
    kg_write_dot_string(w, copy);
    free(copy);
}

/* ---- names -------------------------------------------------------------- */

/* Entities are named by id when every id is short, else "n<index>" (one
 * rule for the whole file, so names never collide). */
static bool has_short_ids(const kg_graph *g)
{
    for (size_t i = 0; i < kg_graph_node_count(g); i++)
        if (strlen(kg_graph_node(g, i)->id) > 200)
            return false;
    return true;
}

void kg_draw_put_node_name(kg_writer *w, const kg_graph *g, bool is_by_id, size_t i)
{
    if (is_by_id) {
        kg_write_dot_string(w, kg_graph_node(g, i)->id);
        return;
    }
    char name[32];
    snprintf(name, sizeof name, "n%zu", i);
    kg_write_dot_string(w, name);
}

/* ---- attributes --------------------------------------------------------- */

void kg_draw_put_attr(kg_writer *w, const char *name, const char *value)
{
    if (!value || !value[0])
        return;
    kg_writer_puts(w, ", ");
    kg_writer_puts(w, name);
    kg_putc(w, '=');
    kg_write_dot_string(w, value);
}

static void put_style(kg_writer *w, const kg_style *s)
{
    if (!s)
        return;
    kg_draw_put_attr(w, "shape", s->shape);
    kg_draw_put_attr(w, "style", s->style);
    kg_draw_put_attr(w, "fillcolor", s->fillcolor);
    kg_draw_put_attr(w, "color", s->color);
    kg_draw_put_attr(w, "fontcolor", s->fontcolor);
}

static void put_label(kg_writer *w, const char *name, const char *text)
{
    char cut[KG_DIAGRAM_CUT_SIZE(KG_DRAW_LABEL)];
    kg_diagram_cut_label(text, cut, sizeof cut, KG_DRAW_LINE, KG_DRAW_LABEL);
    kg_writer_puts(w, name);
    kg_putc(w, '=');
    kg_write_dot_string(w, cut);
}

/* "label (type), start – end" as the SVG tooltip of an entity. */
static void put_node_tooltip(kg_writer *w, const kg_node *n)
{
    char dates[32] = "", a[11], b[11];
    if (n->start.precision != KG_DATE_NONE || n->end.precision != KG_DATE_NONE)
        snprintf(dates, sizeof dates, ", %s \xE2\x80\x93 %s",
                 n->start.precision != KG_DATE_NONE ? kg_date_format(n->start, a) : "",
                 n->end.precision != KG_DATE_NONE ? kg_date_format(n->end, b) : "");
    size_t label_len = strlen(n->label ? n->label : n->id);
    if (label_len > KG_DRAW_TOOLTIP) {
        kg_writer_puts(w, ", tooltip=");
        put_cut_string(w, n->label ? n->label : n->id, KG_DRAW_TOOLTIP);
        return;
    }
    size_t size = label_len + strlen(n->type ? n->type : "") + sizeof dates + 8;
    char *text = malloc(size);
    if (!text)
        return;
    snprintf(text, size, "%s (%s)%s", n->label ? n->label : n->id, n->type ? n->type : "",
             dates);
    kg_writer_puts(w, ", tooltip=");
    put_cut_string(w, text, KG_DRAW_TOOLTIP);
    free(text);
}

static void write_node(kg_writer *w, const kg_diagram *d, bool is_by_id, size_t i)
{
    const kg_graph *g = d->graph;
    const kg_node *n = kg_graph_node(g, i);
    kg_writer_puts(w, "  ");
    kg_draw_put_node_name(w, g, is_by_id, i);
    kg_writer_puts(w, " [");
    put_label(w, "label", n->label ? n->label : n->id);
    put_node_tooltip(w, n);
    put_style(w, kg_export_node_style(g, n));
    if (d->is_centre && d->is_centre[i])
        kg_writer_puts(w, ", penwidth=\"2.5\", fontname=\"Helvetica-Bold\"");
    kg_writer_puts(w, "];\n");
}

/* The text of a date, or "" when it has none. */
static const char *date_text(kg_date date, char *out)
{
    if (date.precision == KG_DATE_NONE) {
        out[0] = '\0';
        return out;
    }
    return kg_date_format(date, out);
}

static void write_edge(kg_writer *w, const kg_diagram *d, bool is_by_id, size_t j,
                       bool has_labels, bool has_mixed_types)
{
    const kg_graph *g = d->graph;
    const kg_edge *e = kg_graph_edge(g, j);
    const kg_style *s = kg_export_edge_style(g, e);
    char start[11], end[11];
    date_text(e->start, start);
    date_text(e->end, end);
    kg_writer_puts(w, "  ");
    kg_draw_put_node_name(w, g, is_by_id, e->source);
    kg_writer_puts(w, " -> ");
    kg_draw_put_node_name(w, g, is_by_id, e->target);
    kg_writer_puts(w, " [");
    const char *type = e->type ? e->type : "";
    if (d->kind == KG_DIAGRAM_TIMELINE && start[0] && !has_mixed_types) {
        put_label(w, "label", start);
    } else if (d->kind == KG_DIAGRAM_TIMELINE && start[0]) {
        char text[KG_DIAGRAM_CUT_SIZE(KG_DRAW_LABEL) + 16];
        kg_diagram_cut_label(type, text, sizeof text - 16, KG_DRAW_LABEL, KG_DRAW_LINE);
        strcat(text, " ");
        strcat(text, start);
        put_label(w, "label", text);
    } else if (has_labels)
        put_label(w, "label", type);
    else
        kg_writer_puts(w, "label=\"\"");
    char tip[KG_DIAGRAM_CUT_SIZE(KG_DRAW_LABEL) + 64];
    char cut[KG_DIAGRAM_CUT_SIZE(KG_DRAW_LABEL)];
    kg_diagram_cut_label(type, cut, sizeof cut, KG_DRAW_LABEL, KG_DRAW_LABEL);
    snprintf(tip, sizeof tip, "%s%s%s%s%s", cut, start[0] || end[0] ? " " : "", start,
             end[0] ? " \xE2\x80\x93 " : "", end);
    kg_draw_put_attr(w, "tooltip", tip);
    kg_draw_put_attr(w, "labeltooltip", tip);
    if (s) {
        kg_draw_put_attr(w, "style", s->style);
        kg_draw_put_attr(w, "color", s->color);
        kg_draw_put_attr(w, "fontcolor", s->color);
        kg_draw_put_attr(w, "arrowhead", s->arrowhead);
        kg_draw_put_attr(w, "dir", s->dir);
    }
    kg_writer_puts(w, "];\n");
}

/* ---- legend: an HTML-like table in the graph label ----------------------- */

void kg_draw_put_html(kg_writer *w, const char *text, size_t line)
{
    char cut[KG_DIAGRAM_CUT_SIZE(KG_DRAW_LABEL)];
    kg_diagram_cut_label(text, cut, sizeof cut, line, KG_DRAW_LABEL);
    for (char *p = cut; (p = strchr(p, '\n'));)
        *p = ' ';
    kg_write_xml_text(w, cut);
}

bool kg_draw_is_colour(const char *c)
{
    if (!c || !c[0])
        return false;
    for (; *c; c++)
        if (*c == '"' || *c == '<' || *c == '>' || *c == '&')
            return false;
    return true;
}

static void legend_cell_open(kg_writer *w, size_t *in_row)
{
    if (*in_row == 0)
        kg_writer_puts(w, "<TR>");
}

static void legend_cell_close(kg_writer *w, size_t *in_row)
{
    if (++*in_row == KG_DIAGRAM_LEGEND_COLUMNS) {
        kg_writer_puts(w, "</TR>\n");
        *in_row = 0;
    }
}

static void legend_node_type(kg_writer *w, const kg_node_type *t, size_t *in_row)
{
    legend_cell_open(w, in_row);
    kg_writer_puts(w, "<TD BORDER=\"1\" FIXEDSIZE=\"TRUE\" WIDTH=\"14\" HEIGHT=\"10\"");
    if (kg_draw_is_colour(t->style.fillcolor)) {
        kg_writer_puts(w, " BGCOLOR=\"");
        kg_write_xml_text(w, t->style.fillcolor);
        kg_putc(w, '"');
    }
    if (kg_draw_is_colour(t->style.color)) {
        kg_writer_puts(w, " COLOR=\"");
        kg_write_xml_text(w, t->style.color);
        kg_putc(w, '"');
    }
    kg_writer_puts(w, "></TD><TD ALIGN=\"LEFT\">");
    kg_draw_put_html(w, t->name, KG_DRAW_LABEL);
    kg_writer_puts(w, "</TD>");
    legend_cell_close(w, in_row);
}

static void legend_edge_type(kg_writer *w, const kg_edge_type *t, size_t *in_row)
{
    legend_cell_open(w, in_row);
    kg_writer_puts(w, "<TD>");
    if (kg_draw_is_colour(t->style.color)) {
        kg_writer_puts(w, "<FONT COLOR=\"");
        kg_write_xml_text(w, t->style.color);
        kg_writer_puts(w, "\">\xE2\x80\x94\xE2\x86\x92</FONT>");
    } else {
        kg_writer_puts(w, "\xE2\x80\x94\xE2\x86\x92");
    }
    kg_writer_puts(w, "</TD><TD ALIGN=\"LEFT\">");
    kg_draw_put_html(w, t->name, KG_DRAW_LABEL);
    kg_writer_puts(w, "</TD>");
    legend_cell_close(w, in_row);
}

static void finish_row(kg_writer *w, size_t *in_row)
{
    if (*in_row == 0)
        return;
    for (; *in_row < KG_DIAGRAM_LEGEND_COLUMNS; (*in_row)++)
        kg_writer_puts(w, "<TD></TD><TD></TD>");
    kg_writer_puts(w, "</TR>\n");
    *in_row = 0;
}

#define LEGEND_OPEN \
    "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\"" \
    " CELLPADDING=\"1\">\n"
#define LEGEND_CLOSE "</TABLE></TD></TR>\n"

/* The index of the first true entry of used[n], or n. */
static size_t first_used(const bool *used, size_t n)
{
    size_t i = 0;
    while (i < n && !used[i])
        i++;
    return i;
}

/* The title and, with a legend, the types the drawing uses: node types as
 * coloured squares, relation types (the overview draws none) as arrows. */
static kg_status write_graph_label(kg_writer *w, const kg_diagram *d,
                                   const kg_export_options *o, const char *title)
{
    const kg_graph *g = d->graph;
    const kg_schema *schema = kg_graph_schema(g);
    bool has_legend = o->has_legend && schema;
    if (!title[0] && !has_legend)
        return KG_OK;
    size_t nt = has_legend ? kg_schema_node_type_count(schema) : 0;
    size_t et = has_legend ? kg_schema_edge_type_count(schema) : 0;
    bool *used = calloc(nt + et + 1, sizeof *used);
    if (!used)
        return KG_ENOMEM;
    for (size_t i = 0; has_legend && i < kg_graph_node_count(g); i++)
        if (kg_graph_node(g, i)->type_index < nt)
            used[kg_graph_node(g, i)->type_index] = true;
    for (size_t j = 0; has_legend && j < kg_graph_edge_count(g); j++)
        if (kg_graph_edge(g, j)->type_index < et)
            used[nt + kg_graph_edge(g, j)->type_index] = true;
    kg_writer_puts(w, "  label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\""
                      " CELLPADDING=\"1\">\n");
    if (title[0]) {
        kg_writer_puts(w, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\">");
        kg_draw_put_html(w, title, KG_DRAW_LABEL);
        kg_writer_puts(w, "</FONT></TD></TR>\n");
    }
    /* node types, then relation types, each a table of its own so that a
     * long name in one does not widen the columns of the other */
    size_t in_row = 0;
    for (size_t i = 0; i < nt; i++) {
        if (!used[i])
            continue;
        if (in_row == 0 && i == first_used(used, nt))
            kg_writer_puts(w, LEGEND_OPEN);
        legend_node_type(w, kg_schema_node_type(schema, i), &in_row);
    }
    finish_row(w, &in_row);
    if (first_used(used, nt) < nt)
        kg_writer_puts(w, LEGEND_CLOSE);
    for (size_t i = 0; i < et; i++) {
        if (!used[nt + i])
            continue;
        if (in_row == 0 && i == first_used(used + nt, et))
            kg_writer_puts(w, LEGEND_OPEN);
        legend_edge_type(w, kg_schema_edge_type(schema, i), &in_row);
    }
    finish_row(w, &in_row);
    if (first_used(used + nt, et) < et)
        kg_writer_puts(w, LEGEND_CLOSE);
    kg_writer_puts(w, "</TABLE>>;\n");
    free(used);
    return KG_OK;
}

/* ---- the whole file ------------------------------------------------------ */

static void write_header(kg_writer *w, const kg_diagram *d, const kg_export_options *o,
                         const char *engine)
{
    const kg_graph *g = d->graph;
    kg_writer_puts(w, "digraph ");
    put_cut_string(w, kg_graph_name(g)[0] ? kg_graph_name(g) : "kg", 200);
    kg_writer_puts(w, " {\n  graph [charset=\"UTF-8\", rankdir=");
    const char *rankdir = o->rankdir ? o->rankdir : "LR";
    kg_write_dot_string(w, rankdir);
    kg_writer_puts(w, ", fontname=\"Helvetica\", fontsize=\"11\", labelloc=\"t\","
                      " labeljust=\"l\", nodesep=\"0.2\", ranksep=\"0.35\", pad=\"0.15\",\n"
                      "    outputorder=\"edgesfirst\", overlap=\"prism\", sep=\"+6\","
                      " esep=\"+3\"");
    if (strcmp(engine, "dot") == 0)
        kg_writer_puts(w, ", splines=\"true\", newrank=\"true\"");
    else if (kg_graph_edge_count(g) + d->link_count <= KG_DRAW_DOT_EDGES)
        kg_writer_puts(w, ", splines=\"true\""); /* routed around nodes and labels;
                                                     too slow for large drawings */
    if (o->max_pixels > 0) /* inches at 96 px per inch: Graphviz scales down to fit */
        kg_writer_printf(w, ", size=\"%u.%02u,%u.%02u\"", o->max_pixels / 96,
                         o->max_pixels % 96 * 100 / 96, o->max_pixels / 96,
                         o->max_pixels % 96 * 100 / 96);
    kg_writer_puts(w, "];\n"
                      "  node [fontname=\"Helvetica\", fontsize=\"11\", margin=\"0.08,0.03\","
                      " height=\"0.3\", shape=\"box\", style=\"rounded\"];\n"
                      "  edge [fontname=\"Helvetica\", fontsize=\"9\", arrowsize=\"0.6\","
                      " color=\"#777777\", fontcolor=\"#555555\"];\n");
}

const char *kg_diagram_engine(const kg_diagram *d, const kg_export_options *o)
{
    if (o && o->layout)
        return o->layout;
    if (d->kind == KG_DIAGRAM_OVERVIEW)
        return "neato"; /* groups all relate to each other: no hierarchy to rank */
    if (kg_graph_node_count(d->graph) <= KG_DRAW_DOT_NODES &&
        kg_graph_edge_count(d->graph) <= KG_DRAW_DOT_EDGES)
        return "dot";
    return "sfdp";
}

kg_status kg_diagram_dot(const kg_diagram *d, const kg_export_options *options, kg_writer *w,
                         kg_error *err)
{
    kg_export_options defaults = kg_export_defaults();
    const kg_export_options *o = options ? options : &defaults;
    const kg_graph *g = d->graph;
    bool is_by_id = has_short_ids(g);
    write_header(w, d, o, kg_diagram_engine(d, o));
    kg_status st = write_graph_label(w, d, o, kg_graph_title(g));
    if (d->kind == KG_DIAGRAM_OVERVIEW && st == KG_OK) {
        kg_draw_overview(w, d);
    } else if (st == KG_OK) {
        for (size_t i = 0; i < kg_graph_node_count(g); i++)
            write_node(w, d, is_by_id, i);
        bool has_labels = kg_graph_edge_count(g) <= KG_DRAW_EDGE_LABELS;
        bool has_mixed_types = false;
        for (size_t j = 1; j < kg_graph_edge_count(g); j++)
            has_mixed_types = has_mixed_types ||
                              kg_graph_edge(g, j)->type_index != kg_graph_edge(g, 0)->type_index;
        for (size_t j = 0; j < kg_graph_edge_count(g); j++)
            write_edge(w, d, is_by_id, j, has_labels, has_mixed_types);
        if (d->kind == KG_DIAGRAM_TIMELINE)
            st = kg_draw_timeline(w, d, is_by_id);
    }
    kg_writer_puts(w, "}\n");
    if (st != KG_OK)
        return kg_error_set(err, st, kg_writer_name(w), "out of memory while writing DOT");
    return kg_export_writer_error(w, err);
}
