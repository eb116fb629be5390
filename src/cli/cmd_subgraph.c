/* cmd_subgraph.c - `kg subgraph`: writes part of a data set as a graph
 * file in any export format: the selection (types, --as-of) and, when
 * entities are named, only their neighbourhood, written through an atomic
 * kg_writer by kg_export. */
#include <stdlib.h>
#include <string.h>

#include "cli_command.h"
#include "cli_draw.h"
#include "cli_groups.h"
#include "commands.h"

const char kg_usage_subgraph[] =
    "Usage: kg subgraph DATASET [ENTITY...] -o FILE [-f FORMAT] [--depth K]\n"
    "                   [--direction D] [options]\n"
    "\n"
    "Writes part of DATASET to FILE: the entities and relations the selection\n"
    "options keep and, when ENTITY names are given, only the entities within\n"
    "K relations of them with every kept relation among those entities (the\n"
    "ego network). ENTITY is an id, label or alias, compared without regard\n"
    "to case or accents. The file is written to a temporary beside it and\n"
    "renamed into place when complete.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE          where to write ('-': standard output, which\n"
    "                             needs -f)\n"
    "  -f, --format FORMAT        any format of kg build: dot, graphml, json, svg,\n"
    "                             png, pdf, html, gexf, ... (default: from FILE's\n"
    "                             extension)\n"
    "  -d, --depth K              with ENTITY: how many relations away (default 1;\n"
    "                             'all': the entities' whole components)\n"
    "      --direction D          both (default), out or in, as for neighbours\n"
    "      --layout ENGINE        Graphviz layout for SVG, PNG, PDF (default: dot\n"
    "                             up to 150 entities and 400 relations, else sfdp)\n"
    "      --max-size PX          longest side of SVG, PNG, PDF in pixels at 96\n"
    "                             per inch (default 4800; 0: no bound)\n"
    "      --rankdir DIR          LR, RL, TB or BT (default: LR)\n"
    "      --no-legend            leave the legend out of SVG, PNG and PDF\n"
    "      --base-iri IRI         nt, ttl: the namespace of entities, statements\n"
    "                             and sources (as for kg build)\n"
    "      --fsync                fsync FILE before renaming it, its folder after\n"
    "  -q, --quiet                print no summary on stderr\n"
    "  -h, --help                 show this help\n"
    "\n"
    KG_CLI_SELECTION_USAGE
    "\n"
    "Exit codes: 0 done, 1 usage error, 2 invalid data set, unknown or\n"
    "ambiguous entity, or unknown type, 3 I/O or memory error.\n";

enum { OPT_DIRECTION = KG_OPT_FIRST_COMMAND_OPTION, OPT_FSYNC, OPT_BASE_IRI };

typedef struct subgraph_args {
    kg_cli_selection selection;
    const char *output;
    const char *format_name;
    kg_format format; /* chosen from format_name or output */
    size_t depth;
    kg_direction direction;
    kg_export_options export; /* --layout, --max-size, --no-legend, --base-iri */
    bool do_fsync;
    bool is_quiet;
} subgraph_args;

static int own_option(void *args, int c, const char *arg)
{
    subgraph_args *a = args;
    int rc = KG_EXIT_OK;
    switch (c) {
    case 'o': a->output = arg; break;
    case 'f': a->format_name = arg; break; /* an export format here */
    case 'd': rc = kg_cli_parse_depth("subgraph", arg, &a->depth); break;
    case OPT_DIRECTION: rc = kg_cli_parse_direction("subgraph", arg, &a->direction); break;
    case OPT_FSYNC: a->do_fsync = true; break;
    case OPT_BASE_IRI: a->export.base_iri = arg; break;
    case 'q': a->is_quiet = true; break;
    default:
        rc = kg_cli_drawing_option("subgraph", c, arg, &a->export);
        return rc == KG_CLI_NOT_DRAWING ? KG_CLI_NOT_OWN : rc;
    }
    return rc;
}

static int choose_format(const subgraph_args *a, kg_format *format)
{
    if (a->format_name) {
        if (kg_format_from_name(a->format_name, format) == KG_OK)
            return KG_EXIT_OK;
        return kg_cli_usage_error("subgraph", "unknown format '%s'; see 'kg help build' for "
                                  "the format names", a->format_name);
    }
    if (strcmp(a->output, "-") == 0)
        return kg_cli_usage_error("subgraph", "writing to standard output needs -f FORMAT");
    if (kg_format_from_path(a->output, format) == KG_OK)
        return KG_EXIT_OK;
    return kg_cli_usage_error("subgraph", "cannot tell the format from '%s'; give -f FORMAT",
                              a->output);
}

/* The ego network of the named entities, as a new graph in *out. */
static int ego_network(kg_cli_graphs *graphs, char **names, size_t count,
                       const subgraph_args *a, kg_graph **out)
{
    size_t n = kg_graph_node_count(graphs->graph);
    size_t *distance = malloc((n ? n : 1) * sizeof *distance);
    bool *keep = malloc((n ? n : 1) * sizeof *keep);
    int rc = distance && keep ? KG_EXIT_OK : KG_EXIT_SYSTEM;
    if (rc == KG_EXIT_OK)
        rc = kg_cli_neighbourhood(graphs, names, count, a->depth, a->direction, distance, NULL);
    else
        kg_cli_fail("out of memory");
    if (rc == KG_EXIT_OK) {
        for (size_t i = 0; i < n; i++)
            keep[i] = distance[i] != KG_UNREACHED;
        kg_status st = kg_graph_filter(graphs->graph, keep, NULL, out);
        if (st != KG_OK) {
            kg_cli_fail("cannot copy the neighbourhood: %s", kg_status_name(st));
            rc = kg_cli_exit_code(st);
        }
    }
    free(keep);
    free(distance);
    return rc;
}

static int write_graph(const kg_graph *g, kg_format format, const subgraph_args *a)
{
    int rc = kg_cli_write_export(g, a->output, format, &a->export, a->do_fsync);
    if (rc == KG_EXIT_OK && !a->is_quiet)
        fprintf(stderr, "kg: wrote %s (%s): %zu entities, %zu relations\n",
                strcmp(a->output, "-") == 0 ? "<stdout>" : a->output, kg_format_name(format),
                kg_graph_node_count(g), kg_graph_edge_count(g));
    return rc;
}

/* A DATASET, where to write and in what format, before reading it. */
static int check(void *args, size_t count)
{
    subgraph_args *a = args;
    if (count < 1)
        return kg_cli_usage_error("subgraph", "expected a DATASET");
    if (!a->output)
        return kg_cli_usage_error("subgraph", "say where to write with -o FILE ('-': stdout)");
    return choose_format(a, &a->format);
}

static int work(void *args, kg_cli_graphs *graphs, char **operands, size_t count)
{
    const subgraph_args *a = args;
    kg_graph *ego = NULL;
    int rc = KG_EXIT_OK;
    if (count > 1)
        rc = ego_network(graphs, operands + 1, count - 1, a, &ego);
    if (rc == KG_EXIT_OK)
        rc = write_graph(ego ? ego : graphs->graph, a->format, a);
    kg_graph_free(ego);
    return rc;
}

static const struct option longopts[] = {
    {"output", required_argument, NULL, 'o'},
    {"depth", required_argument, NULL, 'd'},
    {"direction", required_argument, NULL, OPT_DIRECTION},
    {"fsync", no_argument, NULL, OPT_FSYNC},
    KG_CLI_DRAWING_LONGOPTS,
    {"base-iri", required_argument, NULL, OPT_BASE_IRI},
    {"quiet", no_argument, NULL, 'q'},
    {NULL, 0, NULL, 0}};

static const kg_cli_command command = {.name = "subgraph", .shortopts = ":o:f:d:q",
                                       .longopts = longopts, .own = own_option,
                                       .check = check, .work = work};

int kg_cmd_subgraph(int argc, char **argv)
{
    subgraph_args a;
    memset(&a, 0, sizeof a);
    a.depth = 1;
    a.direction = KG_DIRECTION_BOTH;
    a.export = kg_export_defaults();
    return kg_cli_run_command(&command, argc, argv, &a.selection, &a);
}
