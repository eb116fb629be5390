/* export_diagram_views.c - what the timeline and overview diagrams add to
 * the drawing DOT (export_diagram_dot.c): a row of dates with each entity
 * ranked at its date, and one node per group with a line per pair of
 * groups. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_diagram.h"
#include "writer_internal.h"

/* ---- timeline ------------------------------------------------------------ */

/* Each entity's place on the timeline: the date of the one dated relation
 * of the chain that leads to it, or, with none leading to it, its own start
 * date; entities reached by several dated relations (a signatory of many
 * declarations) float free. KG_DATE_NONE: no place. */
static void timeline_dates(const kg_graph *g, kg_date *when)
{
    size_t n = kg_graph_node_count(g);
    size_t *entering = calloc(n + 1, sizeof *entering);
    for (size_t i = 0; i < n; i++)
        when[i].precision = KG_DATE_NONE;
    for (size_t j = 0; entering && j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        entering[e->target]++;
        if (e->start.precision != KG_DATE_NONE)
            when[e->target] = e->start;
    }
    for (size_t i = 0; entering && i < n; i++) {
        if (entering[i] > 1)
            when[i].precision = KG_DATE_NONE;
        else if (entering[i] == 0)
            when[i] = kg_graph_node(g, i)->start;
    }
    free(entering);
}

static int compare_days(const void *a, const void *b)
{
    const kg_date *x = a, *y = b;
    int32_t dx = kg_date_first_day(*x), dy = kg_date_first_day(*y);
    if (dx != dy)
        return dx < dy ? -1 : 1;
    return (int)x->precision - (int)y->precision;
}

static bool same_date(kg_date a, kg_date b)
{
    return a.precision == b.precision && kg_date_first_day(a) == kg_date_first_day(b);
}

/* A row of dates joined by a grey line, each entity in the rank of its
 * date (rank=same), so the chain reads in date order. */
kg_status kg_draw_timeline(kg_writer *w, const kg_diagram *d, bool is_by_id)
{
    const kg_graph *g = d->graph;
    size_t n = kg_graph_node_count(g), stops = 0;
    kg_date *when = malloc((n + 1) * sizeof *when);
    kg_date *sorted = malloc((n + 1) * sizeof *sorted);
    if (!when || !sorted) {
        free(when);
        free(sorted);
        return KG_ENOMEM;
    }
    timeline_dates(g, when);
    for (size_t i = 0; i < n; i++)
        if (when[i].precision != KG_DATE_NONE)
            sorted[stops++] = when[i];
    qsort(sorted, stops, sizeof *sorted, compare_days);
    size_t unique = 0;
    for (size_t i = 0; i < stops; i++)
        if (unique == 0 || !same_date(sorted[unique - 1], sorted[i]))
            sorted[unique++] = sorted[i];
    char prefix[64], name[96], text[11];
    kg_export_own_prefix(g, "kg:", prefix, sizeof prefix);
    kg_writer_puts(w, "  node [shape=\"plaintext\", style=\"\", fontcolor=\"#555555\"];\n");
    for (size_t k = 0; k < unique; k++) {
        snprintf(name, sizeof name, "%sdate:%zu", prefix, k);
        kg_writer_puts(w, "  ");
        kg_write_dot_string(w, name);
        kg_writer_puts(w, " [label=");
        kg_write_dot_string(w, kg_date_format(sorted[k], text));
        kg_writer_puts(w, "];\n");
        if (k > 0) {
            char previous[96];
            snprintf(previous, sizeof previous, "%sdate:%zu", prefix, k - 1);
            kg_writer_puts(w, "  ");
            kg_write_dot_string(w, previous);
            kg_writer_puts(w, " -> ");
            kg_write_dot_string(w, name);
            kg_writer_puts(w, " [color=\"#bbbbbb\", arrowhead=\"none\", tooltip=\"time\"];\n");
        }
        kg_writer_puts(w, "  { rank=\"same\"; ");
        kg_write_dot_string(w, name);
        for (size_t i = 0; i < n; i++) {
            if (when[i].precision == KG_DATE_NONE || !same_date(when[i], sorted[k]))
                continue;
            kg_writer_puts(w, "; ");
            kg_draw_put_node_name(w, g, is_by_id, i);
        }
        kg_writer_puts(w, "; }\n");
    }
    free(when);
    free(sorted);
    return KG_OK;
}

/* ---- overview ------------------------------------------------------------ */

static size_t inside_count(const kg_diagram *d, size_t group)
{
    for (size_t k = 0; k < d->link_count; k++)
        if (d->links[k].from == group && d->links[k].to == group)
            return d->links[k].count;
    return 0;
}

/* The style of a group whose shown entities all have one type, or NULL. */
static const kg_style *group_style(const kg_diagram *d, size_t group)
{
    const kg_graph *g = d->graph;
    const kg_style *style = NULL;
    size_t type = KG_SCHEMA_NOT_FOUND;
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        if (d->node_group[i] != group)
            continue;
        if (type != KG_SCHEMA_NOT_FOUND && kg_graph_node(g, i)->type_index != type)
            return NULL;
        type = kg_graph_node(g, i)->type_index;
        style = kg_export_node_style(g, kg_graph_node(g, i));
    }
    return style;
}

static void group_name(const char *prefix, size_t group, char *out, size_t size)
{
    snprintf(out, size, "%sgroup:%zu", prefix, group);
}

/* One node per group: its name and size in bold, then the names of its
 * entities of highest degree, smaller. */
static void write_group(kg_writer *w, const kg_diagram *d, const char *prefix, size_t k)
{
    const kg_graph *g = d->graph;
    char name[96], text[512];
    group_name(prefix, k, name, sizeof name);
    kg_writer_puts(w, "  ");
    kg_write_dot_string(w, name);
    kg_writer_puts(w, " [label=<<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
                      "<TR><TD><B>");
    kg_draw_put_html(w, d->group_names[k], KG_DRAW_LABEL);
    kg_writer_printf(w, "</B> (%zu)</TD></TR>", d->group_sizes[k]);
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        if (d->node_group[i] != k)
            continue;
        const kg_node *n = kg_graph_node(g, i);
        kg_writer_puts(w, "<TR><TD><FONT POINT-SIZE=\"10\">");
        kg_draw_put_html(w, n->label ? n->label : n->id, KG_DRAW_LABEL);
        kg_writer_puts(w, "</FONT></TD></TR>");
    }
    kg_writer_puts(w, "</TABLE>>");
    snprintf(text, sizeof text, "%.200s: %zu entities, %zu relations among them",
             d->group_names[k], d->group_sizes[k], inside_count(d, k));
    kg_draw_put_attr(w, "tooltip", text);
    const kg_style *style = group_style(d, k);
    kg_writer_puts(w, ", shape=\"box\", style=\"rounded,filled\"");
    kg_draw_put_attr(w, "fillcolor", style && kg_draw_is_colour(style->fillcolor) ? style->fillcolor : "#f2f2f2");
    kg_draw_put_attr(w, "color", style && kg_draw_is_colour(style->color) ? style->color : "#999999");
    kg_draw_put_attr(w, "fontcolor", style && kg_draw_is_colour(style->fontcolor) ? style->fontcolor : NULL);
    kg_writer_puts(w, "];\n");
}

/* Groups as nodes; one undirected line per pair of groups, as thick as
 * there are relations between them, labelled with their number. */
void kg_draw_overview(kg_writer *w, const kg_diagram *d)
{
    char prefix[64];
    kg_export_own_prefix(d->graph, "kg:", prefix, sizeof prefix);
    for (size_t k = 0; k < d->group_count; k++)
        write_group(w, d, prefix, k);
    for (size_t k = 0; k < d->link_count; k++) {
        const kg_diagram_link *l = &d->links[k];
        if (l->from == l->to)
            continue;
        char a[96], b[96], count[32], tip[512];
        group_name(prefix, l->from, a, sizeof a);
        group_name(prefix, l->to, b, sizeof b);
        snprintf(count, sizeof count, "%zu", l->count);
        snprintf(tip, sizeof tip, "%zu relations between %.200s and %.200s", l->count,
                 d->group_names[l->from], d->group_names[l->to]);
        kg_writer_puts(w, "  ");
        kg_write_dot_string(w, a);
        kg_writer_puts(w, " -> ");
        kg_write_dot_string(w, b);
        kg_writer_printf(w, " [dir=\"none\", penwidth=\"%zu\", label=",
                         (size_t)(1 + (l->count >= 10) + (l->count >= 30) + (l->count >= 60)));
        kg_write_dot_string(w, count);
        kg_draw_put_attr(w, "tooltip", tip);
        kg_draw_put_attr(w, "labeltooltip", tip);
        kg_writer_puts(w, "];\n");
    }
}
