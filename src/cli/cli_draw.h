/* cli_draw.h - drawing from the commands that write SVG, PNG and PDF
 * (build, diagram): one layout for all three formats, a line on stderr
 * before a layout that may take a while, and the --max-size option. */
#ifndef KG_CLI_DRAW_H
#define KG_CLI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"

/* Entities or relations from which a layout is announced on stderr. */
#define KG_CLI_SLOW_NODES 500
#define KG_CLI_SLOW_EDGES 1000

/* Draws d (NULL: the whole of g) into the writers, laying out once; says on
 * stderr which engine lays out a large drawing and how long it took,
 * unless is_quiet. Returns the library's status (err filled). */
kg_status kg_cli_draw(const kg_graph *g, const kg_diagram *d, const kg_export_options *o,
                      const kg_format *formats, kg_writer *const *writers, size_t count,
                      bool is_quiet, kg_error *err);

/* Parses --max-size PX (0: no bound; at most 100000). Prints a usage
 * error and returns KG_EXIT_USAGE when it is not a number. */
int kg_cli_parse_max_size(const char *command, const char *arg, unsigned *out);

#endif
