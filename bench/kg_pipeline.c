/* kg_pipeline.c - the benchmark pipeline in libkg, phase by phase, timed
 * with its own monotonic clock (as bench/nx_pipeline.py and
 * bench/ig_pipeline.py time theirs):
 *
 *   kg_pipeline NODES.tsv EDGES.tsv OUTDIR FROM TO
 *
 * load (streaming ingest, sort), view (the indexes the analyses search,
 * built once per graph in a kg_analysis_cache: igraph's directed view for
 * PageRank and kg's undirected adjacency for paths; python3-igraph builds
 * its counterpart while loading, in Graph()), PageRank (directed, damping
 * 0.85), weakly connected components, one shortest path FROM -> TO
 * (undirected), then GraphML, node-link JSON and DOT into OUTDIR. Prints "phase NAME SECONDS"
 * and "rss NAME KB" (peak so far) lines and a few results the run script
 * compares across tools. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#define BENCH_PROGRAM "kg_pipeline"
#include "bench_common.h"

/* When a phase started: on the monotonic clock and in CPU time (user and
 * system, every thread) of the process. */
typedef struct mark {
    double wall;
    double cpu;
} mark;

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static mark start(void)
{
    return (mark){now(), cpu_seconds()};
}

/* Ends a phase: its time on our clock, its CPU time (which a machine
 * shared with other jobs inflates less than the wall clock) and the peak
 * resident set so far. */
static void phase(const char *name, mark started)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("phase %s %.3f\ncpu %s %.3f\nrss %s %ld\n", name, now() - started.wall, name,
           cpu_seconds() - started.cpu, name, ru.ru_maxrss);
    fflush(stdout);
}

static int write_format(const kg_graph *g, kg_format f, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/kg.%s", dir, kg_format_extension(f));
    kg_writer *w = NULL;
    kg_error err;
    kg_error_clear(&err);
    mark t = start();
    kg_status st = kg_writer_open_file(path, false, &w, &err);
    if (st == KG_OK)
        st = kg_export(g, f, NULL, w, &err);
    if (st == KG_OK)
        st = kg_writer_commit(w, &err);
    else
        kg_writer_abort(w);
    if (st != KG_OK)
        return fail(&err, path);
    char name[64];
    snprintf(name, sizeof name, "write_%s", kg_format_name(f));
    phase(name, t);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: kg_pipeline NODES.tsv EDGES.tsv OUTDIR FROM TO\n");
        return 2;
    }
    mark t0 = start(), t = t0;
    kg_graph *g = load(argv[1], argv[2]);
    if (!g)
        return 1;
    kg_error err;
    kg_error_clear(&err);
    size_t n = kg_graph_node_count(g);
    phase("load", t);
    printf("nodes %zu\nedges %zu\n", n, kg_graph_edge_count(g));

    t = start();
    kg_analysis_cache *cache = NULL;
    kg_centrality_options co = kg_centrality_defaults();
    co.is_directed = true;
    if (kg_analysis_cache_new(g, &cache, &err) != KG_OK ||
        kg_analysis_cache_prepare(cache, KG_MEASURE_PAGERANK, &co, &err) != KG_OK ||
        kg_analysis_cache_prepare_paths(cache, false, &err) != KG_OK)
        return fail(&err, "view");
    phase("view", t);

    t = start();
    double *rank = malloc(n * sizeof *rank);
    if (!rank || kg_centrality_kept(cache, KG_MEASURE_PAGERANK, &co, rank, &err) != KG_OK)
        return fail(&err, "pagerank");
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (rank[i] > rank[best])
            best = i;
    phase("pagerank", t);
    printf("top_pagerank %s %.6g\n", kg_graph_node(g, best)->id, rank[best]);
    free(rank);

    t = start();
    kg_partition parts;
    if (kg_components(g, false, &parts, &err) != KG_OK)
        return fail(&err, "components");
    phase("components", t);
    printf("components %zu\nlargest_component %zu\n", parts.count,
           parts.count ? parts.sizes[0] : 0);
    kg_partition_clear(&parts);

    t = start();
    size_t from = kg_graph_find_node(g, argv[4]), to = kg_graph_find_node(g, argv[5]);
    kg_path_list paths;
    if (from == KG_SCHEMA_NOT_FOUND || to == KG_SCHEMA_NOT_FOUND) {
        fprintf(stderr, "kg_pipeline: no node %s or %s\n", argv[4], argv[5]);
        return 1;
    }
    if (kg_shortest_paths_kept(cache, from, to, NULL, &paths, &err) != KG_OK)
        return fail(&err, "path");
    phase("path", t);
    printf("path_length %lld\n", paths.count ? (long long)paths.length : -1LL);
    kg_path_list_clear(&paths);
    kg_analysis_cache_free(cache);

    if (write_format(g, KG_FORMAT_GRAPHML, argv[3]) || write_format(g, KG_FORMAT_JSON, argv[3]) ||
        write_format(g, KG_FORMAT_DOT, argv[3]))
        return 1;
    kg_graph_free(g);
    phase("total", t0);
    return 0;
}
