/* cmd_components.c - `kg components`: the weakly or strongly connected
 * components of the (selected) graph, largest first (kg_components), and
 * the partition table that `kg communities` shares. */
#include <stdlib.h>
#include <string.h>

#include "cli_filter.h"
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

kg_table *kg_cli_partition_table(const char *kind, kg_out_format format)
{
    /* a table keeps its column names by pointer: static lists outlive it */
    static const char *const component[] = {"component", "size", "members", "labels"};
    static const char *const community[] = {"community", "size", "members", "labels"};
    const char *const *columns = strcmp(kind, "community") == 0 ? community : component;
    return kg_table_new(format == KG_OUT_TABLE ? 3 : 4, columns);
}

void kg_cli_fill_partition(kg_table *t, const kg_graph *g, const kg_partition *p,
                           kg_out_format format)
{
    size_t n = kg_graph_node_count(g);
    const char **ids = malloc((n ? n : 1) * sizeof *ids);
    const char **labels = malloc((n ? n : 1) * sizeof *labels);
    size_t *start = calloc(p->count + 1, sizeof *start);
    if (!ids || !labels || !start) {
        kg_table_row(t); /* leaves the table short; kg_table_print reports it */
        free(ids);
        free(labels);
        free(start);
        return;
    }
    /* bucket the nodes by group, keeping id order within each */
    for (size_t i = 0; i < n; i++)
        start[p->membership[i] + 1]++;
    for (size_t k = 0; k < p->count; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < n; i++) {
        size_t slot = start[p->membership[i]]++;
        ids[slot] = kg_graph_node(g, i)->id;
        labels[slot] = kg_graph_node(g, i)->label;
    }
    for (size_t k = 0, first = 0; k < p->count; first += p->sizes[k], k++) {
        kg_table_row(t);
        kg_table_count(t, k + 1);
        kg_table_count(t, p->sizes[k]);
        kg_table_list(t, ids + first, p->sizes[k]);
        if (format != KG_OUT_TABLE)
            kg_table_list(t, labels + first, p->sizes[k]);
    }
    free(start);
    free(labels);
    free(ids);
}

typedef struct components_args {
    kg_cli_selection selection;
    bool is_strong;
} components_args;

enum { OPT_WEAK = KG_OPT_FIRST_COMMAND_OPTION, OPT_STRONG };

static int parse_options(int argc, char **argv, components_args *a)
{
    static const struct option longopts[] = {
        {"weak", no_argument, NULL, OPT_WEAK},
        {"strong", no_argument, NULL, OPT_STRONG},
        {"format", required_argument, NULL, 'f'},
        KG_CLI_SELECTION_LONGOPTS,
        {NULL, 0, NULL, 0}};
    opterr = 0;
    optind = 1;
    int c, rc = KG_EXIT_OK;
    while (rc == KG_EXIT_OK && (c = getopt_long(argc, argv, ":f:", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_WEAK: a->is_strong = false; break;
        case OPT_STRONG: a->is_strong = true; break;
        default: rc = kg_cli_selection_option(&a->selection, c, optarg, argv); break;
        }
    }
    return rc;
}

static int run(const char *path, const components_args *a)
{
    kg_cli_graphs graphs;
    int rc = kg_cli_load_selection(path, &a->selection, &graphs);
    if (rc != KG_EXIT_OK)
        return rc;
    kg_partition p;
    kg_error err;
    kg_error_clear(&err);
    kg_status st = kg_components(graphs.graph, a->is_strong, &p, &err);
    kg_table *t = st == KG_OK ? kg_cli_partition_table("component", a->selection.format) : NULL;
    if (st != KG_OK) {
        kg_cli_print_error(&err);
        rc = kg_cli_exit_code(st);
    } else if (!t) {
        kg_cli_fail("out of memory");
        rc = KG_EXIT_SYSTEM;
    } else {
        kg_table_meta_text(t, "graph", kg_graph_name(graphs.graph));
        kg_table_meta_text(t, "kind", a->is_strong ? "strong" : "weak");
        kg_table_meta_number(t, "nodes", (double)kg_graph_node_count(graphs.graph));
        kg_table_meta_number(t, "components", (double)p.count);
        kg_cli_fill_partition(t, graphs.graph, &p, a->selection.format);
        rc = kg_table_print(t, a->selection.format);
    }
    kg_table_free(t);
    kg_partition_clear(&p);
    kg_cli_graphs_free(&graphs);
    return rc;
}

int kg_cmd_components(int argc, char **argv)
{
    if (kg_cli_wants_help(argc, argv, "components"))
        return KG_EXIT_OK;
    components_args a;
    memset(&a, 0, sizeof a);
    kg_cli_selection_init(&a.selection, "components");
    int rc = parse_options(argc, argv, &a);
    if (rc == KG_EXIT_OK && argc - optind != 1)
        rc = kg_cli_usage_error("components", "expected one DATASET, got %d arguments",
                                argc - optind);
    if (rc == KG_EXIT_OK)
        rc = run(argv[optind], &a);
    kg_cli_selection_free(&a.selection);
    return rc;
}
