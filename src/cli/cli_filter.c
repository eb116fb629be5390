/* cli_filter.c - the selection options every analysis command accepts,
 * loading a graph (through the loading door, cli_load.c) with them
 * applied, and entity names resolved with helpful messages. Results are
 * printed by cli_table.c; neighbourhoods and groups are cli_groups.c's. */
#include "cli_filter.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli_load.h"

/* ---- selection options -------------------------------------------------- */

void kg_cli_selection_init(kg_cli_selection *s, const char *command)
{
    memset(s, 0, sizeof *s);
    s->command = command;
    s->as_of.precision = KG_DATE_NONE;
}

void kg_cli_selection_free(kg_cli_selection *s)
{
    for (int k = 0; k < 4; k++) {
        for (size_t i = 0; i < s->lists[k].count; i++)
            free(s->lists[k].names[i]);
        free(s->lists[k].names);
        s->lists[k].names = NULL;
        s->lists[k].count = 0;
    }
}

/* Adds each name of a comma-separated list. */
static int add_types(kg_cli_selection *s, kg_type_list *list, const char *value)
{
    const char *p = value;
    while (*p) {
        size_t len = strcspn(p, ",");
        if (len > 0) {
            char **grown = realloc(list->names, (list->count + 1) * sizeof *grown);
            char *name = grown ? strndup(p, len) : NULL;
            if (grown)
                list->names = grown;
            if (!name) {
                kg_cli_fail("out of memory");
                return KG_EXIT_SYSTEM;
            }
            list->names[list->count++] = name;
        }
        p += len;
        if (*p == ',')
            p++;
    }
    if (list->count == 0)
        return kg_cli_usage_error(s->command, "empty type list '%s'", value);
    return KG_EXIT_OK;
}

int kg_cli_selection_option(kg_cli_selection *s, int c, const char *arg, char **argv)
{
    switch (c) {
    case KG_OPT_NODE_TYPE: return add_types(s, &s->lists[0], arg);
    case KG_OPT_EXCLUDE_NODE_TYPE: return add_types(s, &s->lists[1], arg);
    case KG_OPT_EDGE_TYPE: return add_types(s, &s->lists[2], arg);
    case KG_OPT_EXCLUDE_EDGE_TYPE: return add_types(s, &s->lists[3], arg);
    case KG_OPT_AS_OF:
        if (kg_date_parse(arg, &s->as_of) != KG_OK)
            return kg_cli_usage_error(s->command,
                                      "invalid date '%s' for --as-of (expected YYYY, YYYY-MM or "
                                      "YYYY-MM-DD)", arg);
        return KG_EXIT_OK;
    case KG_OPT_SCHEMA: s->schema_path = arg; return KG_EXIT_OK;
    case KG_OPT_FROM: s->from = arg; return kg_cli_check_from(s->command, arg);
    case 'f':
        if (strcmp(arg, "table") == 0 || strcmp(arg, "text") == 0)
            s->format = KG_OUT_TABLE;
        else if (strcmp(arg, "csv") == 0)
            s->format = KG_OUT_CSV;
        else if (strcmp(arg, "json") == 0)
            s->format = KG_OUT_JSON;
        else
            return kg_cli_usage_error(s->command, "unknown format '%s' (known: table, csv, json)",
                                      arg);
        return KG_EXIT_OK;
    case ':':
        return kg_cli_usage_error(s->command, "option '%s' needs a value", argv[optind - 1]);
    default:
        return kg_cli_usage_error(s->command, "unknown option '%s'", argv[optind - 1]);
    }
}

int kg_cli_parse_options(int argc, char **argv, const char *shortopts,
                         const struct option *longopts, kg_cli_selection *s,
                         kg_cli_own_option *own, void *args)
{
    opterr = 0;
    optind = 1;
    int c, rc = KG_EXIT_OK;
    while (rc == KG_EXIT_OK && (c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        rc = own(args, c, optarg);
        if (rc == KG_CLI_NOT_OWN)
            rc = kg_cli_selection_option(s, c, optarg, argv);
    }
    return rc;
}

int kg_cli_expect_operands(const char *command, int argc, int count, const char *what)
{
    if (argc - optind == count)
        return KG_EXIT_OK;
    return kg_cli_usage_error(command, "expected %s, got %d arguments", what, argc - optind);
}

int kg_cli_parse_depth(const char *command, const char *arg, size_t *depth)
{
    if (strcmp(arg, "all") == 0) {
        *depth = KG_UNREACHED;
        return KG_EXIT_OK;
    }
    return kg_cli_parse_count(command, "--depth", arg, depth);
}

int kg_cli_parse_count(const char *command, const char *option, const char *arg, size_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (arg[0] == '-' || arg[0] == '\0' || *end != '\0' || errno == ERANGE || v > SIZE_MAX / 2)
        return kg_cli_usage_error(command, "%s needs a non-negative whole number, not '%s'",
                                  option, arg);
    *out = (size_t)v;
    return KG_EXIT_OK;
}

/* ---- loading and resolving ---------------------------------------------- */

int kg_cli_load_selection(const char *path, const kg_cli_selection *s, kg_cli_graphs *out)
{
    memset(out, 0, sizeof *out);
    out->path = path;
    kg_cli_load_args load = {s->command, s->from, s->schema_path, NULL, NULL, NULL};
    int rc = kg_cli_load_graph(path, &load, &out->full);
    if (rc != KG_EXIT_OK)
        return rc;
    kg_filter f;
    kg_filter_init(&f);
    f.node_types = (const char *const *)s->lists[0].names;
    f.node_type_count = s->lists[0].count;
    f.exclude_node_types = (const char *const *)s->lists[1].names;
    f.exclude_node_type_count = s->lists[1].count;
    f.edge_types = (const char *const *)s->lists[2].names;
    f.edge_type_count = s->lists[2].count;
    f.exclude_edge_types = (const char *const *)s->lists[3].names;
    f.exclude_edge_type_count = s->lists[3].count;
    f.as_of = s->as_of;
    if (kg_filter_is_empty(&f)) {
        out->graph = out->full;
        return KG_EXIT_OK;
    }
    kg_error err;
    kg_error_clear(&err);
    kg_status st = kg_filter_apply(out->full, &f, &out->graph, &err);
    if (st != KG_OK) {
        snprintf(err.file, sizeof err.file, "%s", path);
        kg_cli_print_error(&err);
        kg_cli_graphs_free(out);
        return kg_cli_exit_code(st);
    }
    return KG_EXIT_OK;
}

void kg_cli_graphs_free(kg_cli_graphs *g)
{
    kg_resolver_free(g->resolver);
    if (g->graph != g->full)
        kg_graph_free(g->graph);
    kg_graph_free(g->full);
    memset(g, 0, sizeof *g);
}

int kg_cli_resolve(kg_cli_graphs *g, const char *name, size_t *index)
{
    kg_error err;
    kg_error_clear(&err);
    kg_status st = KG_OK;
    if (!g->resolver)
        st = kg_resolver_new(g->full, &g->resolver, &err);
    size_t node = 0;
    if (st == KG_OK)
        st = kg_resolve(g->resolver, name, &node, &err);
    if (st != KG_OK) {
        snprintf(err.file, sizeof err.file, "%s", g->path);
        kg_cli_print_error(&err);
        return kg_cli_exit_code(st);
    }
    const kg_node *n = kg_graph_node(g->full, node);
    *index = kg_graph_find_node(g->graph, n->id);
    if (*index == KG_SCHEMA_NOT_FOUND) {
        kg_cli_fail("%s: entity '%s' (%s, %s) is not in the selection (--node-type, "
                    "--exclude-node-type or --as-of leave it out)",
                    g->path, n->id, n->label, n->type);
        return KG_EXIT_INPUT;
    }
    return KG_EXIT_OK;
}
