/* cmd_centrality.c - `kg centrality`: who is central in the (selected)
 * graph, by one or more measures computed by libkg (kg_centrality), ranked
 * by the first of them, ties by id. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli_command.h"
#include "commands.h"

const char kg_usage_centrality[] =
    "Usage: kg centrality DATASET [-m MEASURES] [--top N] [--raw] [options]\n"
    "\n"
    "Ranks the entities of DATASET by centrality, largest first (ties by id).\n"
    "Measures: degree, in-degree, out-degree, betweenness, closeness, harmonic,\n"
    "pagerank, eigenvector, hub, authority. Definitions and how they compare\n"
    "with NetworkX and python-igraph: docs/cli.md.\n"
    "\n"
    "Options:\n"
    "  -m, --measure LIST         comma-separated measures, or 'all'\n"
    "                             (default: degree,betweenness,closeness,pagerank)\n"
    "      --sort MEASURE         rank by this measure (default: the first listed)\n"
    "  -n, --top N                show only the N highest-ranked entities\n"
    "      --raw                  raw values instead of normalised ones\n"
    "      --directed             betweenness, closeness, harmonic, PageRank and\n"
    "                             eigenvector follow relations' direction\n"
    "      --undirected           ignore direction (default)\n"
    "      --cutoff K             betweenness, closeness and harmonic count only\n"
    "                             paths of at most K relations (approximate and\n"
    "                             faster on large graphs; default: exact)\n"
    "      --samples K            estimate betweenness from the shortest paths\n"
    "                             out of K sources drawn at random, scaled by\n"
    "                             n/K (approximate; default: exact)\n"
    "      --seed S               seed of that draw (default 1; same seed, same\n"
    "                             sources)\n"
    "      --exact                on a large graph (V*(V+E) over 10^10), compute\n"
    "                             exact betweenness, closeness and harmonic anyway;\n"
    "                             without it they are refused there, and the\n"
    "                             default measures are degree and pagerank\n"
    "      --damping D            PageRank damping factor (default 0.85)\n"
    KG_CLI_FORMAT_USAGE
    "  -h, --help                 show this help\n"
    "\n"
    KG_CLI_SELECTION_USAGE
    "\n"
    "Exit codes: 0 done, 1 usage error, 2 invalid data set or unknown type,\n"
    "3 I/O or memory error.\n";

enum { OPT_SORT = KG_OPT_FIRST_COMMAND_OPTION, OPT_RAW, OPT_DIRECTED, OPT_UNDIRECTED,
       OPT_CUTOFF, OPT_DAMPING, OPT_SAMPLES, OPT_SEED, OPT_EXACT };

/* Above this many steps (V * (V + E)), exact path-based measures take
 * minutes to hours: 10^10 is about a minute for igraph on one core. */
#define LARGE_GRAPH_WORK 1e10

typedef struct centrality_args {
    kg_cli_selection selection;
    bool measures[KG_MEASURE_COUNT];
    kg_measure order[KG_MEASURE_COUNT]; /* in the order given */
    size_t measure_count;
    kg_measure sort;
    bool has_sort;
    size_t top;
    bool has_default_measures; /* no -m: the defaults may shrink at scale */
    bool is_exact;             /* --exact */
    kg_centrality_options options;
} centrality_args;

static int add_measure(centrality_args *a, const char *name)
{
    kg_measure m;
    kg_error err;
    kg_error_clear(&err);
    if (kg_measure_from_name(name, &m, &err) != KG_OK)
        return kg_cli_usage_error("centrality", "%s%s%s", err.message, err.hint[0] ? "; " : "",
                                  err.hint);
    if (!a->measures[m]) {
        a->measures[m] = true;
        a->order[a->measure_count++] = m;
    }
    return KG_EXIT_OK;
}

static int parse_measures(centrality_args *a, const char *list)
{
    if (strcmp(list, "all") == 0) {
        for (int m = 0; m < KG_MEASURE_COUNT; m++)
            if (!a->measures[m])
                add_measure(a, kg_measure_name((kg_measure)m));
        return KG_EXIT_OK;
    }
    char *copy = strdup(list);
    if (!copy)
        return KG_EXIT_SYSTEM;
    int rc = KG_EXIT_OK;
    for (char *save = NULL, *name = strtok_r(copy, ",", &save); name && rc == KG_EXIT_OK;
         name = strtok_r(NULL, ",", &save))
        rc = add_measure(a, name);
    free(copy);
    return rc;
}

static int parse_real(const char *option, const char *arg, double *out)
{
    char *end = NULL;
    errno = 0;
    *out = strtod(arg, &end);
    if (*arg == '\0' || *end != '\0' || errno == ERANGE || !isfinite(*out))
        return kg_cli_usage_error("centrality", "%s needs a number, not '%s'", option, arg);
    return KG_EXIT_OK;
}

static int own_option(void *args, int c, const char *arg)
{
    centrality_args *a = args;
    int rc = KG_EXIT_OK;
    size_t count;
    double real;
    switch (c) {
    case 'm': rc = parse_measures(a, arg); break;
    case 'n': rc = kg_cli_parse_count("centrality", "--top", arg, &a->top); break;
    case OPT_RAW: a->options.is_raw = true; break;
    case OPT_DIRECTED: a->options.is_directed = true; break;
    case OPT_UNDIRECTED: a->options.is_directed = false; break;
    case OPT_SORT: {
        kg_error err;
        kg_error_clear(&err);
        if (kg_measure_from_name(arg, &a->sort, &err) != KG_OK)
            rc = kg_cli_usage_error("centrality", "%s%s%s", err.message,
                                    err.hint[0] ? "; " : "", err.hint);
        a->has_sort = true;
        break;
    }
    case OPT_CUTOFF:
        rc = kg_cli_parse_count("centrality", "--cutoff", arg, &count);
        if (rc == KG_EXIT_OK && count > 1000000)
            rc = kg_cli_usage_error("centrality", "--cutoff %zu is too large", count);
        a->options.cutoff = (int)count;
        break;
    case OPT_SAMPLES:
        rc = kg_cli_parse_count("centrality", "--samples", arg, &a->options.samples);
        if (rc == KG_EXIT_OK && a->options.samples == 0)
            rc = kg_cli_usage_error("centrality", "--samples needs at least 1");
        break;
    case OPT_EXACT: a->is_exact = true; break;
    case OPT_SEED:
        rc = kg_cli_parse_count("centrality", "--seed", arg, &count);
        a->options.seed = (uint64_t)count;
        break;
    case OPT_DAMPING:
        rc = parse_real("--damping", arg, &real);
        if (rc == KG_EXIT_OK && !(real > 0 && real < 1))
            rc = kg_cli_usage_error("centrality", "--damping must be between 0 and 1, not %s",
                                    arg);
        a->options.damping = real;
        break;
    default: return KG_CLI_NOT_OWN;
    }
    return rc;
}

/* The options that depend on each other, once all are read. */
static int check(void *args, size_t count)
{
    (void)count;
    centrality_args *a = args;
    int rc = KG_EXIT_OK;
    if (a->options.samples > 0 && a->options.cutoff >= 0)
        rc = kg_cli_usage_error("centrality", "choose --cutoff or --samples, not both");
    if (rc == KG_EXIT_OK && a->measure_count == 0) {
        rc = parse_measures(a, "degree,betweenness,closeness,pagerank");
        a->has_default_measures = true;
    }
    if (rc == KG_EXIT_OK && !a->has_sort)
        a->sort = a->order[0];
    if (rc == KG_EXIT_OK && !a->measures[a->sort])
        rc = add_measure(a, kg_measure_name(a->sort));
    return rc;
}

/* The sampled sources, space-separated ids, so a result can be checked
 * or reproduced (a "sources:" line above a table, a JSON field). */
static void add_sources(kg_table *t, const kg_graph *g, size_t k, uint64_t seed)
{
    size_t *sample = malloc(k * sizeof *sample);
    size_t len = 1;
    char *text = NULL;
    if (sample && kg_sample_nodes(kg_graph_node_count(g), k, seed, sample, NULL) == KG_OK) {
        for (size_t i = 0; i < k; i++)
            len += strlen(kg_graph_node(g, sample[i])->id) + 1;
        text = malloc(len);
    }
    if (text) {
        size_t used = 0;
        for (size_t i = 0; i < k; i++)
            used += (size_t)snprintf(text + used, len - used, "%s%s", i ? " " : "",
                                     kg_graph_node(g, sample[i])->id);
        kg_table_meta_text(t, "sources", text);
    }
    free(text);
    free(sample);
}

static void add_meta(kg_table *t, const kg_graph *g, const centrality_args *a)
{
    kg_table_meta_text(t, "graph", kg_graph_name(g));
    kg_table_meta_number(t, "nodes", (double)kg_graph_node_count(g));
    kg_table_meta_number(t, "edges", (double)kg_graph_edge_count(g));
    kg_table_meta_text(t, "view", a->options.is_directed ? "directed" : "undirected");
    kg_table_meta_text(t, "values", a->options.is_raw ? "raw" : "normalised");
    kg_table_meta_text(t, "sort", kg_measure_name(a->sort));
    if (a->options.cutoff >= 0)
        kg_table_meta_number(t, "cutoff", a->options.cutoff);
    if (a->measures[KG_MEASURE_PAGERANK])
        kg_table_meta_number(t, "damping", a->options.damping);
    size_t n = kg_graph_node_count(g), k = a->options.samples;
    if (k > 0 && k < n && a->measures[KG_MEASURE_BETWEENNESS]) {
        kg_table_meta_number(t, "samples", (double)k);
        kg_table_meta_number(t, "seed", (double)a->options.seed);
        add_sources(t, g, k, a->options.seed);
    }
}

static int report(const kg_graph *g, const centrality_args *a, double *const *values,
                  const size_t *order)
{
    const char *names[4 + KG_MEASURE_COUNT] = {"rank", "id", "label", "type"};
    for (size_t k = 0; k < a->measure_count; k++)
        names[4 + k] = kg_measure_name(a->order[k]);
    kg_table *t = kg_table_new(4 + a->measure_count, names);
    if (!t) {
        kg_cli_fail("out of memory");
        return KG_EXIT_SYSTEM;
    }
    add_meta(t, g, a);
    size_t n = kg_graph_node_count(g);
    size_t shown = a->top && a->top < n ? a->top : n;
    for (size_t r = 0; r < shown; r++) {
        const kg_node *node = kg_graph_node(g, order[r]);
        kg_table_row(t);
        kg_table_count(t, r + 1);
        kg_table_text(t, node->id);
        kg_table_text(t, node->label);
        kg_table_text(t, node->type);
        for (size_t k = 0; k < a->measure_count; k++)
            kg_table_number(t, values[a->order[k]][order[r]]);
    }
    int rc = kg_table_print(t, a->selection.format);
    kg_table_free(t);
    return rc;
}

static void drop_measure(centrality_args *a, kg_measure m)
{
    size_t k = 0;
    for (size_t i = 0; i < a->measure_count; i++)
        if (a->order[i] != m)
            a->order[k++] = a->order[i];
    a->measure_count = k;
    a->measures[m] = false;
}

/* On a large graph, the measures that scale (degree, PageRank, sampled
 * betweenness) are chosen, and say so; exact path-based measures are
 * refused unless asked for with --exact (an estimate is the user's call,
 * never made silently). */
static int choose_for_scale(const kg_graph *g, centrality_args *a)
{
    double n = (double)kg_graph_node_count(g), m = (double)kg_graph_edge_count(g);
    if (n * (n + m) <= LARGE_GRAPH_WORK || a->is_exact)
        return KG_EXIT_OK;
    if (a->has_default_measures) {
        drop_measure(a, KG_MEASURE_BETWEENNESS);
        drop_measure(a, KG_MEASURE_CLOSENESS);
        fprintf(stderr,
                "kg: note: %.0f entities and %.0f relations: computing degree and PageRank, "
                "which scale (O(V+E) per pass); exact betweenness and closeness would take "
                "O(V*E) time, hours here. For an estimate add -m betweenness --samples 1000 "
                "--seed 1; to wait for exact values use --exact\n", n, m);
        return KG_EXIT_OK;
    }
    static const kg_measure slow[] = {KG_MEASURE_BETWEENNESS, KG_MEASURE_CLOSENESS,
                                      KG_MEASURE_HARMONIC};
    for (size_t i = 0; i < sizeof slow / sizeof slow[0]; i++) {
        kg_measure s = slow[i];
        bool is_approximate = a->options.cutoff >= 0 ||
                              (s == KG_MEASURE_BETWEENNESS && a->options.samples > 0);
        if (!a->measures[s] || is_approximate)
            continue;
        kg_cli_fail("exact %s on %.0f entities and %.0f relations takes O(V*(V+E)) time "
                    "(about %.0e steps: hours); %s, limit paths with --cutoff K, or use "
                    "--exact to wait", kg_measure_name(s), n, m, n * (n + m),
                    s == KG_MEASURE_BETWEENNESS
                        ? "estimate it with --samples K --seed S (e.g. --samples 1000)"
                        : "rank by pagerank or degree instead");
        return KG_EXIT_USAGE;
    }
    if (a->options.samples > 0 && a->measures[KG_MEASURE_BETWEENNESS])
        fprintf(stderr, "kg: note: betweenness is estimated from %zu sampled sources (seed "
                "%llu), O(k*E)\n", a->options.samples, (unsigned long long)a->options.seed);
    return KG_EXIT_OK;
}

static int work(void *args, kg_cli_graphs *graphs, char **operands, size_t count)
{
    (void)operands;
    (void)count;
    centrality_args *a = args;
    const kg_graph *g = graphs->graph;
    int rc = choose_for_scale(g, a);
    if (rc != KG_EXIT_OK)
        return rc;
    size_t n = kg_graph_node_count(g);
    double *values[KG_MEASURE_COUNT] = {NULL};
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    kg_error err;
    kg_error_clear(&err);
    kg_analysis_cache *cache = NULL;
    kg_status st = order ? kg_analysis_cache_new(g, &cache, &err) : KG_ENOMEM;
    /* in kg_measure order, which runs the measures sharing an igraph view
     * one after the other: the cache builds each view once */
    for (int m = 0; m < KG_MEASURE_COUNT && st == KG_OK; m++) {
        if (!a->measures[m])
            continue;
        values[m] = malloc((n ? n : 1) * sizeof *values[m]);
        st = values[m] ? kg_centrality_kept(cache, (kg_measure)m, &a->options, values[m], &err)
                       : KG_ENOMEM;
    }
    kg_analysis_cache_free(cache);
    if (st == KG_OK)
        st = kg_rank(values[a->sort], n, order, &err);
    if (st == KG_ENOMEM && !err.message[0])
        kg_error_set(&err, st, NULL, "out of memory");
    if (st != KG_OK) {
        kg_cli_print_error(&err);
        rc = kg_cli_exit_code(st);
    } else {
        rc = report(g, a, values, order);
    }
    for (int m = 0; m < KG_MEASURE_COUNT; m++)
        free(values[m]);
    free(order);
    return rc;
}

static const struct option longopts[] = {
    {"measure", required_argument, NULL, 'm'}, {"sort", required_argument, NULL, OPT_SORT},
    {"top", required_argument, NULL, 'n'},      {"raw", no_argument, NULL, OPT_RAW},
    {"directed", no_argument, NULL, OPT_DIRECTED},
    {"undirected", no_argument, NULL, OPT_UNDIRECTED},
    {"cutoff", required_argument, NULL, OPT_CUTOFF},
    {"damping", required_argument, NULL, OPT_DAMPING},
    {"samples", required_argument, NULL, OPT_SAMPLES},
    {"seed", required_argument, NULL, OPT_SEED},
    {"exact", no_argument, NULL, OPT_EXACT},
    {NULL, 0, NULL, 0}};

static const kg_cli_command command = {.name = "centrality", .shortopts = ":m:n:f:",
                                       .longopts = longopts, .own = own_option,
                                       .check = check, .operands = 1,
                                       .what = "one DATASET", .work = work};

int kg_cmd_centrality(int argc, char **argv)
{
    centrality_args a;
    memset(&a, 0, sizeof a);
    a.options = kg_centrality_defaults();
    return kg_cli_run_command(&command, argc, argv, &a.selection, &a);
}
