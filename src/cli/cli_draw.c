/* cli_draw.c - the drawing step shared by `kg build` and `kg diagram`:
 * the library lays out and renders; this file tells the user what is
 * slow, since the library never prints. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_draw.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

kg_status kg_cli_draw(const kg_graph *g, const kg_diagram *d, const kg_export_options *o,
                      const kg_format *formats, kg_writer *const *writers, size_t count,
                      bool is_quiet, kg_error *err)
{
    kg_diagram plain;
    memset(&plain, 0, sizeof plain);
    memcpy(&plain.graph, &g, sizeof g); /* only read */
    const kg_diagram *drawn = d ? d : &plain;
    size_t nodes = kg_graph_node_count(drawn->graph), edges = kg_graph_edge_count(drawn->graph);
    bool is_slow = nodes >= KG_CLI_SLOW_NODES || edges >= KG_CLI_SLOW_EDGES;
    const char *engine = kg_diagram_engine(drawn, o);
    double started = now();
    if (is_slow && !is_quiet)
        fprintf(stderr, "kg: laying out %zu entities and %zu relations with %s%s...\n", nodes,
                edges, engine,
                strcmp(engine, "dot") == 0 ? " (may take minutes; --layout sfdp is fast)" : "");
    kg_status st = d ? kg_diagram_draw(d, o, formats, writers, count, err)
                     : kg_export_drawings(g, o, formats, writers, count, err);
    if (is_slow && !is_quiet && st == KG_OK)
        fprintf(stderr, "kg: laid out and drew %zu format%s in %.1f s\n", count,
                count == 1 ? "" : "s", now() - started);
    return st;
}

int kg_cli_parse_max_size(const char *command, const char *arg, unsigned *out)
{
    char *end;
    unsigned long value = strtoul(arg, &end, 10);
    if (end == arg || *end || arg[0] == '-' || value > 100000)
        return kg_cli_usage_error(command, "--max-size expects pixels from 0 to 100000, "
                                           "not '%s'", arg);
    *out = (unsigned)value;
    return KG_EXIT_OK;
}

int kg_cli_drawing_option(const char *command, int c, const char *arg, kg_export_options *o)
{
    switch (c) {
    case KG_OPT_LAYOUT: o->layout = arg; return KG_EXIT_OK;
    case KG_OPT_RANKDIR: o->rankdir = arg; return KG_EXIT_OK;
    case KG_OPT_MAX_SIZE: return kg_cli_parse_max_size(command, arg, &o->max_pixels);
    case KG_OPT_NO_LEGEND: o->has_legend = false; return KG_EXIT_OK;
    default: return KG_CLI_NOT_DRAWING;
    }
}
