/* cmd_components.c - `kg components`: the weakly or strongly connected
 * components of the (selected) graph, largest first (kg_components), and
 * the partition table that `kg communities` shares. */
#include <stdlib.h>
#include <string.h>

#include "cli_command.h"
#include "cli_groups.h"
#include "commands.h"

const char kg_usage_components[] =
    "Usage: kg components DATASET [--strong] [options]\n"
    "\n"
    "Lists the connected components of DATASET, largest first (ties: the one\n"
    "whose lowest id sorts first), with their members in id order.\n"
    "\n"
    "Options:\n"
    "      --weak                 entities joined by relations in either\n"
    "                             direction (default)\n"
    "      --strong               entities that reach each other following\n"
    "                             relations forward (symmetric types both ways)\n"
    KG_CLI_FORMAT_USAGE
    "  -h, --help                 show this help\n"
    "\n"
    "Columns: component, size, members (ids); CSV and JSON add labels.\n"
    "\n"
    KG_CLI_SELECTION_USAGE
    "\n"
    "Exit codes: 0 done, 1 usage error, 2 invalid data set or unknown type,\n"
    "3 I/O or memory error.\n";


typedef struct components_args {
    kg_cli_selection selection;
    bool is_strong;
} components_args;

enum { OPT_WEAK = KG_OPT_FIRST_COMMAND_OPTION, OPT_STRONG };

static int own_option(void *args, int c, const char *arg)
{
    (void)arg;
    components_args *a = args;
    switch (c) {
    case OPT_WEAK: a->is_strong = false; return KG_EXIT_OK;
    case OPT_STRONG: a->is_strong = true; return KG_EXIT_OK;
    default: return KG_CLI_NOT_OWN;
    }
}

static int work(void *args, kg_cli_graphs *graphs, char **operands, size_t count)
{
    (void)operands;
    (void)count;
    const components_args *a = args;
    kg_partition p;
    kg_error err;
    kg_error_clear(&err);
    kg_status st = kg_components(graphs->graph, a->is_strong, &p, &err);
    const char *kind = a->is_strong ? "strong" : "weak";
    kg_cli_meta meta[] = {{"kind", kind, 0}, {NULL, NULL, 0}};
    int rc = kg_cli_print_partition(graphs->graph, st, &err, &p, "component", meta, NULL,
                                    a->selection.format);
    kg_partition_clear(&p);
    return rc;
}

static const struct option longopts[] = {
    {"weak", no_argument, NULL, OPT_WEAK},
    {"strong", no_argument, NULL, OPT_STRONG},
    {NULL, 0, NULL, 0}};

static const kg_cli_command command = {.name = "components", .shortopts = ":f:",
                                       .longopts = longopts, .own = own_option,
                                       .operands = 1, .what = "one DATASET",
                                       .work = work};

int kg_cmd_components(int argc, char **argv)
{
    components_args a;
    memset(&a, 0, sizeof a);
    return kg_cli_run_command(&command, argc, argv, &a.selection, &a);
}
