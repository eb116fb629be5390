/* cmd_neighbours.c - `kg neighbours`: the ego network of one or more
 * entities, every entity within --depth relations listed with its
 * distance and the relation that reaches it (kg_neighbourhood). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_command.h"
#include "cli_groups.h"
#include "commands.h"

const char kg_usage_neighbours[] =
    "Usage: kg neighbours DATASET ENTITY... [--depth K] [--direction D] [options]\n"
    "\n"
    "Lists every entity within K relations of the ENTITY (or of any of them),\n"
    "nearest first, then by id, with the relation that reaches it from an\n"
    "entity one step nearer (the nearer entity with the lowest id). ENTITY is\n"
    "an id, label or alias, compared without regard to case or accents.\n"
    "'kg subgraph' writes the same selection as a graph file.\n"
    "\n"
    "Options:\n"
    "  -d, --depth K              how many relations away (default 1; 'all':\n"
    "                             no limit)\n"
    "      --direction D          both (default: relations either way), out\n"
    "                             (following relations forward) or in\n"
    "                             (backwards); symmetric types go both ways\n"
    KG_CLI_FORMAT_USAGE
    "  -h, --help                 show this help\n"
    "\n"
    "Columns: distance, id, label, type, via (the relation type), direction\n"
    "('->' along the relation, '<-' against it), from (the nearer entity);\n"
    "CSV and JSON add the relation id.\n"
    "\n"
    KG_CLI_SELECTION_USAGE
    "\n"
    "Exit codes: 0 done, 1 usage error, 2 invalid data set, unknown or\n"
    "ambiguous entity, or unknown type, 3 I/O or memory error.\n";

enum { OPT_DIRECTION = KG_OPT_FIRST_COMMAND_OPTION };

typedef struct neighbours_args {
    kg_cli_selection selection;
    size_t depth;
    kg_direction direction;
} neighbours_args;

static int own_option(void *args, int c, const char *arg)
{
    neighbours_args *a = args;
    int rc = KG_EXIT_OK;
    switch (c) {
    case 'd': rc = kg_cli_parse_depth("neighbours", arg, &a->depth); break;
    case OPT_DIRECTION:
        rc = kg_cli_parse_direction("neighbours", arg, &a->direction);
        break;
    default: return KG_CLI_NOT_OWN;
    }
    return rc;
}

/* Node indexes reached, nearest first, then by index (= id order). */
static size_t *reached_in_order(const size_t *distance, size_t n, size_t *count)
{
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return NULL;
    *count = 0;
    size_t remaining = 0;
    for (size_t i = 0; i < n; i++)
        remaining += distance[i] != KG_UNREACHED;
    /* a counting pass per distance: depths are small, and this keeps
     * ties in index order without a comparison sort */
    for (size_t d = 0; *count < remaining; d++)
        for (size_t i = 0; i < n; i++)
            if (distance[i] == d)
                order[(*count)++] = i;
    return order;
}

/* The centres' ids (the entities at distance 0), joined by ", ". */
static void add_centres(kg_table *t, const kg_graph *g, const size_t *distance, size_t count)
{
    size_t n = kg_graph_node_count(g), len = 1;
    for (size_t i = 0; i < n; i++)
        if (distance[i] == 0)
            len += strlen(kg_graph_node(g, i)->id) + 2;
    char *text = malloc(len);
    if (!text)
        return; /* the table reports nothing missing; the rows say it all */
    size_t used = 0;
    text[0] = '\0';
    for (size_t i = 0; i < n; i++)
        if (distance[i] == 0)
            used += (size_t)snprintf(text + used, len - used, "%s%s", used ? ", " : "",
                                     kg_graph_node(g, i)->id);
    kg_table_meta_text(t, count == 1 ? "centre" : "centres", text);
    free(text);
}

static int report(const kg_graph *g, const neighbours_args *a, size_t count,
                  const size_t *distance, const size_t *via)
{
    static const char *const columns[] = {"distance", "id",   "label", "type",
                                          "via",      "direction", "from", "relation_id"};
    bool is_full = a->selection.format != KG_OUT_TABLE;
    size_t n = kg_graph_node_count(g), shown = 0;
    size_t *order = reached_in_order(distance, n, &shown);
    kg_table *t = order ? kg_table_new(is_full ? 8 : 7, columns) : NULL;
    if (!t) {
        free(order);
        kg_cli_fail("out of memory");
        return KG_EXIT_SYSTEM;
    }
    kg_table_meta_text(t, "graph", kg_graph_name(g));
    add_centres(t, g, distance, count);
    if (a->depth == KG_UNREACHED)
        kg_table_meta_text(t, "depth", "all");
    else
        kg_table_meta_number(t, "depth", (double)a->depth);
    kg_table_meta_text(t, "direction", a->direction == KG_DIRECTION_OUT  ? "out"
                                       : a->direction == KG_DIRECTION_IN ? "in"
                                                                          : "both");
    kg_table_meta_number(t, "entities", (double)shown);
    for (size_t r = 0; r < shown; r++) {
        size_t i = order[r];
        const kg_node *node = kg_graph_node(g, i);
        kg_table_row(t);
        kg_table_count(t, distance[i]);
        kg_table_text(t, node->id);
        kg_table_text(t, node->label);
        kg_table_text(t, node->type);
        if (via[i] == KG_UNREACHED) {
            kg_table_text(t, NULL);
            kg_table_text(t, NULL);
            kg_table_text(t, NULL);
            if (is_full)
                kg_table_text(t, NULL);
            continue;
        }
        const kg_edge *e = kg_graph_edge(g, via[i]);
        bool is_forward = e->target == i;
        kg_table_text(t, e->type);
        kg_table_text(t, is_forward ? "->" : "<-");
        kg_table_text(t, kg_graph_node(g, is_forward ? e->source : e->target)->id);
        if (is_full)
            kg_table_text(t, e->id);
    }
    int rc = kg_table_print(t, a->selection.format);
    kg_table_free(t);
    free(order);
    return rc;
}

/* At least one ENTITY after the DATASET. */
static int check(void *args, size_t count)
{
    (void)args;
    if (count < 2)
        return kg_cli_usage_error("neighbours", "expected DATASET and at least one ENTITY");
    return KG_EXIT_OK;
}

static int work(void *args, kg_cli_graphs *graphs, char **operands, size_t count)
{
    neighbours_args *a = args;
    size_t n = kg_graph_node_count(graphs->graph);
    size_t *distance = malloc((n ? n : 1) * sizeof *distance);
    size_t *via = malloc((n ? n : 1) * sizeof *via);
    int rc = KG_EXIT_OK;
    if (!distance || !via) {
        kg_cli_fail("out of memory");
        rc = KG_EXIT_SYSTEM;
    }
    if (rc == KG_EXIT_OK)
        rc = kg_cli_neighbourhood(graphs, operands + 1, count - 1, a->depth, a->direction,
                                  distance, via);
    if (rc == KG_EXIT_OK)
        rc = report(graphs->graph, a, count - 1, distance, via);
    free(via);
    free(distance);
    return rc;
}

static const struct option longopts[] = {
    {"depth", required_argument, NULL, 'd'},
    {"direction", required_argument, NULL, OPT_DIRECTION},
    {NULL, 0, NULL, 0}};

static const kg_cli_command command = {.name = "neighbours", .shortopts = ":d:f:",
                                       .longopts = longopts, .own = own_option,
                                       .check = check, .work = work};

int kg_cmd_neighbours(int argc, char **argv)
{
    neighbours_args a;
    memset(&a, 0, sizeof a);
    a.depth = 1;
    a.direction = KG_DIRECTION_BOTH;
    return kg_cli_run_command(&command, argc, argv, &a.selection, &a);
}
