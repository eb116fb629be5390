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

/* getopt_long values of the drawing options that subgraph and diagram
 * share (above any command's own numbers), the rows of their option
 * tables, and the one place they are applied. */
enum { KG_OPT_LAYOUT = 0x1000, KG_OPT_RANKDIR, KG_OPT_MAX_SIZE, KG_OPT_NO_LEGEND };
#define KG_CLI_DRAWING_LONGOPTS                                   \
    {"layout", required_argument, NULL, KG_OPT_LAYOUT},           \
        {"rankdir", required_argument, NULL, KG_OPT_RANKDIR},     \
        {"max-size", required_argument, NULL, KG_OPT_MAX_SIZE},   \
        {"no-legend", no_argument, NULL, KG_OPT_NO_LEGEND}
/* Applies drawing option c to o and returns an exit code, or returns
 * KG_CLI_NOT_DRAWING when c is none of them. */
#define KG_CLI_NOT_DRAWING (-2)
int kg_cli_drawing_option(const char *command, int c, const char *arg, kg_export_options *o);

/* Parses --max-size PX (0: no bound; at most 100000). Prints a usage
 * error and returns KG_EXIT_USAGE when it is not a number. */
int kg_cli_parse_max_size(const char *command, const char *arg, unsigned *out);

#endif
