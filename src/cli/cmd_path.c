/* cmd_path.c - `kg path`: how two entities are connected, as the shortest
 * chains of relations between them (kg_shortest_paths), each step with its
 * relation type, direction and the evidence that states it. */
#include <stdlib.h>
#include <string.h>

#include "cli_command.h"
#include "commands.h"

const char kg_usage_path[] =
    "Usage: kg path DATASET FROM TO [--all] [--directed] [options]\n"
    "\n"
    "Prints a shortest chain of relations from FROM to TO (fewest relations;\n"
    "the first in order of entity ids), one step per row with the relation's\n"
    "type, its direction and its evidence. FROM and TO are ids, labels or\n"
    "aliases, compared without regard to case or accents.\n"
    "\n"
    "Options:\n"
    "      --all                  every shortest path, not only the first\n"
    "      --max-paths N          with --all, stop after N paths (default 1000)\n"
    "      --undirected           relations join their ends both ways (default:\n"
    "                             \"how are these connected?\")\n"
    "      --directed             follow relations from source to target only\n"
    "                             (symmetric types such as cooperates_with both\n"
    "                             ways)\n"
    KG_CLI_FORMAT_USAGE
    "  -h, --help                 show this help\n"
    "\n"
    "Columns: path, step, from, relation, direction ('->' along the relation,\n"
    "'<-' against it), to, evidence; CSV and JSON add the labels, the\n"
    "relation id and the evidence sources. With no path, prints none and says\n"
    "so on stderr (exit 0).\n"
    "\n"
    KG_CLI_SELECTION_USAGE
    "\n"
    "Exit codes: 0 done, 1 usage error, 2 invalid data set, unknown or\n"
    "ambiguous entity, or unknown type, 3 I/O or memory error.\n";

enum { OPT_ALL = KG_OPT_FIRST_COMMAND_OPTION, OPT_MAX_PATHS, OPT_DIRECTED, OPT_UNDIRECTED };

typedef struct path_args {
    kg_cli_selection selection;
    kg_path_options options;
} path_args;

static int own_option(void *args, int c, const char *arg)
{
    path_args *a = args;
    int rc = KG_EXIT_OK;
    switch (c) {
    case OPT_ALL: a->options.is_all = true; break;
    case OPT_MAX_PATHS:
        rc = kg_cli_parse_count("path", "--max-paths", arg, &a->options.max_paths);
        if (rc == KG_EXIT_OK && a->options.max_paths == 0)
            rc = kg_cli_usage_error("path", "--max-paths needs at least 1");
        break;
    case OPT_DIRECTED: a->options.is_directed = true; break;
    case OPT_UNDIRECTED: a->options.is_directed = false; break;
    default: return KG_CLI_NOT_OWN;
    }
    return rc;
}

/* The evidence of a relation as two parallel lists: quotes and sources. */
static void add_evidence(kg_table *t, const kg_edge *e, bool has_sources)
{
    const char *quotes[64], *sources[64];
    size_t n = e->evidence_count < 64 ? e->evidence_count : 64;
    for (size_t i = 0; i < n; i++) {
        quotes[i] = e->evidence[i].quote;
        sources[i] = e->evidence[i].source;
    }
    kg_table_list(t, quotes, n);
    if (has_sources)
        kg_table_list(t, sources, n);
}

static void add_step(kg_table *t, const kg_graph *g, const kg_path *p, size_t path, size_t step,
                     bool is_full)
{
    const kg_node *from = kg_graph_node(g, p->nodes[step]);
    const kg_node *to = kg_graph_node(g, p->nodes[step + 1]);
    const kg_edge *e = kg_graph_edge(g, p->edges[step]);
    kg_table_row(t);
    kg_table_count(t, path + 1);
    kg_table_count(t, step + 1);
    kg_table_text(t, from->id);
    if (is_full)
        kg_table_text(t, from->label);
    kg_table_text(t, e->type);
    kg_table_text(t, e->source == p->nodes[step] ? "->" : "<-");
    kg_table_text(t, to->id);
    if (is_full) {
        kg_table_text(t, to->label);
        kg_table_text(t, e->id);
    }
    add_evidence(t, e, is_full);
}

static int report(const kg_graph *g, size_t from, size_t to, const path_args *a,
                  const kg_path_list *list)
{
    static const char *const short_names[] = {"path", "step",     "from",    "relation",
                                              "direction", "to", "evidence"};
    static const char *const full_names[] = {
        "path", "step",     "from",        "from_label", "relation", "direction",
        "to",   "to_label", "relation_id", "evidence",   "sources"};
    bool is_full = a->selection.format != KG_OUT_TABLE;
    kg_table *t = is_full ? kg_table_new(11, full_names) : kg_table_new(7, short_names);
    if (!t) {
        kg_cli_fail("out of memory");
        return KG_EXIT_SYSTEM;
    }
    kg_table_meta_text(t, "graph", kg_graph_name(g));
    kg_table_meta_text(t, "from", kg_graph_node(g, from)->id);
    kg_table_meta_text(t, "from_label", kg_graph_node(g, from)->label);
    kg_table_meta_text(t, "to", kg_graph_node(g, to)->id);
    kg_table_meta_text(t, "to_label", kg_graph_node(g, to)->label);
    kg_table_meta_text(t, "view", a->options.is_directed ? "directed" : "undirected");
    if (list->count > 0)
        kg_table_meta_number(t, "length", (double)list->length);
    kg_table_meta_number(t, "paths", (double)list->count);
    if (list->is_truncated && a->options.is_all)
        kg_table_meta_text(t, "truncated", "yes: more shortest paths exist (--max-paths)");
    else if (list->is_truncated)
        kg_table_meta_text(t, "more", "other shortest paths exist (--all lists them)");
    for (size_t i = 0; i < list->count; i++)
        for (size_t s = 0; s < list->paths[i].length; s++)
            add_step(t, g, &list->paths[i], i, s, is_full);
    int rc = kg_table_print(t, a->selection.format);
    kg_table_free(t);
    return rc;
}

static int work(void *args, kg_cli_graphs *graphs, char **names, size_t count)
{
    (void)count;
    const path_args *a = args;
    size_t from = 0, to = 0;
    int rc = kg_cli_resolve(graphs, names[1], &from);
    if (rc == KG_EXIT_OK)
        rc = kg_cli_resolve(graphs, names[2], &to);
    kg_path_list list;
    memset(&list, 0, sizeof list);
    if (rc == KG_EXIT_OK) {
        kg_error err;
        kg_error_clear(&err);
        kg_status st = kg_shortest_paths(graphs->graph, from, to, &a->options, &list, &err);
        if (st != KG_OK) {
            kg_cli_print_error(&err);
            rc = kg_cli_exit_code(st);
        }
    }
    if (rc == KG_EXIT_OK) {
        if (list.count == 0)
            kg_cli_fail("no %s path from '%s' to '%s' in %s",
                        a->options.is_directed ? "directed" : "undirected",
                        kg_graph_node(graphs->graph, from)->id,
                        kg_graph_node(graphs->graph, to)->id,
                        graphs->graph == graphs->full ? "the graph" : "the selection");
        rc = report(graphs->graph, from, to, a, &list);
    }
    kg_path_list_clear(&list);
    return rc;
}

static const struct option longopts[] = {
    {"all", no_argument, NULL, OPT_ALL},
    {"max-paths", required_argument, NULL, OPT_MAX_PATHS},
    {"directed", no_argument, NULL, OPT_DIRECTED},
    {"undirected", no_argument, NULL, OPT_UNDIRECTED},
    {NULL, 0, NULL, 0}};

static const kg_cli_command command = {.name = "path", .shortopts = ":f:",
                                       .longopts = longopts, .own = own_option,
                                       .operands = 3, .what = "DATASET FROM TO",
                                       .work = work};

int kg_cmd_path(int argc, char **argv)
{
    path_args a;
    memset(&a, 0, sizeof a);
    return kg_cli_run_command(&command, argc, argv, &a.selection, &a);
}
