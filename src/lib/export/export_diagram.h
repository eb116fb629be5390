/* export_diagram.h - what the drawing modules share: the bounded label
 * text of kg/diagram.h, and the legend's shape. */
#ifndef KG_EXPORT_DIAGRAM_H
#define KG_EXPORT_DIAGRAM_H

#include <stddef.h>

#include "export_internal.h"
#include "kg/diagram.h"

/* Legend entries per row of the legend table. */
#define KG_DIAGRAM_LEGEND_COLUMNS 4

#define KG_DIAGRAM_CUT_SIZE(limit) (6 * (limit) + 16)

/* Writes into out[size] the words of s wrapped into lines of at most
 * `line` characters (a longer word is broken), at most `limit` characters
 * in all; when s holds more, the text ends with "…". Reads no more of s
 * than it writes (plus one word), so a label of any length costs
 * O(limit). KG_DIAGRAM_CUT_SIZE(limit) bytes always suffice. */
void kg_diagram_cut_label(const char *s, char *out, size_t size, size_t line, size_t limit);

#endif
