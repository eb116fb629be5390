/* export_diagram.h - what the drawing modules share: the bounded label
 * text of kg/draw.h, and the legend's shape. */
#ifndef KG_EXPORT_DIAGRAM_H
#define KG_EXPORT_DIAGRAM_H

#include <stdbool.h>
#include <stddef.h>

#include "export_internal.h"
#include "kg/draw.h"

/* Legend entries per row of the legend table. */
#define KG_DIAGRAM_LEGEND_COLUMNS 4

#define KG_DIAGRAM_CUT_SIZE(limit) (6 * (limit) + 16)

/* Writes into out[size] the words of s wrapped into lines of at most
 * `line` characters (a longer word is broken), at most `limit` characters
 * in all; when s holds more, the text ends with "…". Reads no more of s
 * than it writes (plus one word), so a label of any length costs
 * O(limit). KG_DIAGRAM_CUT_SIZE(limit) bytes always suffice. */
void kg_diagram_cut_label(const char *s, char *out, size_t size, size_t line, size_t limit);

/* Shared by export_diagram_dot.c and export_diagram_views.c. */
/* An entity's name in the drawing: its id, or "n<index>" when is_by_id
 * is false (some id is longer than 200 bytes). */
void kg_draw_put_node_name(kg_writer *w, const kg_graph *g, bool is_by_id, size_t i);
/* `, name="value"` (nothing for NULL or ""). */
void kg_draw_put_attr(kg_writer *w, const char *name, const char *value);
/* text cut (one line) and escaped for an HTML-like label. */
void kg_draw_put_html(kg_writer *w, const char *text, size_t line);
/* Whether c can go into an HTML-like label's COLOR attribute as it is. */
bool kg_draw_is_colour(const char *c);
/* The timeline's dates and ranks; KG_ENOMEM when out of memory. */
kg_status kg_draw_timeline(kg_writer *w, const kg_diagram *d, bool is_by_id);
/* The overview's group nodes and links. */
void kg_draw_overview(kg_writer *w, const kg_diagram *d);

#endif
