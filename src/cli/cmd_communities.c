/* cmd_communities.c - `kg communities`: groups of entities more densely
 * related among themselves than with the rest, found by Louvain or Leiden
 * modularity optimisation (kg_communities), seeded so runs agree. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli_command.h"
#include "cli_groups.h"
#include "commands.h"

const char kg_usage_communities[] =
    "Usage: kg communities DATASET [--method louvain|leiden] [--seed N]\n"
    "                      [--resolution G] [options]\n"
    "\n"
    "Partitions the entities of DATASET into communities that maximise\n"
    "modularity on the undirected graph (parallel relations counted once,\n"
    "self-loops dropped), largest first, and prints the modularity reached.\n"
    "Isolated entities form communities of their own. The same data set,\n"
    "method, seed and resolution always give the same communities.\n"
    "\n"
    "Options:\n"
    "  -m, --method METHOD        louvain (default; igraph multilevel) or leiden\n"
    "      --seed N               seed of igraph's random number generator\n"
    "                             (default 1)\n"
    "      --resolution G         modularity resolution: above 1 gives more,\n"
    "                             smaller communities (default 1)\n"
    KG_CLI_FORMAT_USAGE
    "  -h, --help                 show this help\n"
    "\n"
    "Columns: community, size, members (ids); CSV and JSON add labels.\n"
    "\n"
    KG_CLI_SELECTION_USAGE
    "\n"
    "Exit codes: 0 done, 1 usage error, 2 invalid data set or unknown type,\n"
    "3 I/O or memory error.\n";

enum { OPT_SEED = KG_OPT_FIRST_COMMAND_OPTION, OPT_RESOLUTION };

typedef struct communities_args {
    kg_cli_selection selection;
    kg_community_options options;
} communities_args;

static int own_option(void *args, int c, const char *arg)
{
    communities_args *a = args;
    int rc = KG_EXIT_OK;
    size_t seed;
    char *end;
    switch (c) {
    case 'm':
        if (strcmp(arg, "louvain") == 0 || strcmp(arg, "multilevel") == 0)
            a->options.method = KG_COMMUNITY_LOUVAIN;
        else if (strcmp(arg, "leiden") == 0)
            a->options.method = KG_COMMUNITY_LEIDEN;
        else
            rc = kg_cli_usage_error("communities",
                                    "unknown method '%s' (known: louvain, leiden)", arg);
        break;
    case OPT_SEED:
        rc = kg_cli_parse_count("communities", "--seed", arg, &seed);
        a->options.seed = (unsigned long)seed;
        break;
    case OPT_RESOLUTION:
        errno = 0;
        a->options.resolution = strtod(arg, &end);
        if (*arg == '\0' || *end != '\0' || errno == ERANGE ||
            !isfinite(a->options.resolution) || !(a->options.resolution > 0))
            rc = kg_cli_usage_error("communities",
                                    "--resolution needs a positive number, not '%s'",
                                    arg);
        break;
    default: return KG_CLI_NOT_OWN;
    }
    return rc;
}

static int work(void *args, kg_cli_graphs *graphs, char **operands, size_t count)
{
    (void)operands;
    (void)count;
    const communities_args *a = args;
    kg_partition p;
    kg_error err;
    kg_error_clear(&err);
    kg_status st = kg_communities(graphs->graph, &a->options, &p, &err);
    const char *method = a->options.method == KG_COMMUNITY_LEIDEN ? "leiden" : "louvain";
    kg_cli_meta before[] = {{"method", method, 0},
                            {"seed", NULL, (double)a->options.seed},
                            {"resolution", NULL, a->options.resolution},
                            {NULL, NULL, 0}};
    kg_cli_meta after[] = {{"modularity", NULL, st == KG_OK ? p.modularity : 0},
                           {NULL, NULL, 0}};
    int rc = kg_cli_print_partition(graphs->graph, st, &err, &p, "community", before, after,
                                    a->selection.format);
    kg_partition_clear(&p);
    return rc;
}

static const struct option longopts[] = {
    {"method", required_argument, NULL, 'm'},
    {"seed", required_argument, NULL, OPT_SEED},
    {"resolution", required_argument, NULL, OPT_RESOLUTION},
    {NULL, 0, NULL, 0}};

static const kg_cli_command command = {.name = "communities", .shortopts = ":m:f:",
                                       .longopts = longopts, .own = own_option,
                                       .operands = 1, .what = "one DATASET",
                                       .work = work};

int kg_cmd_communities(int argc, char **argv)
{
    communities_args a;
    memset(&a, 0, sizeof a);
    a.options = kg_community_defaults();
    return kg_cli_run_command(&command, argc, argv, &a.selection, &a);
}
