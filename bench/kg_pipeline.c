/* kg_pipeline.c - the benchmark pipeline in libkg, phase by phase, timed
 * with its own monotonic clock (as bench/nx_pipeline.py and
 * bench/ig_pipeline.py time theirs):
 *
 *   kg_pipeline NODES.tsv EDGES.tsv OUTDIR FROM TO
 *
 * load (streaming ingest, sort), PageRank (directed, damping 0.85), weakly
 * connected components, one shortest path FROM -> TO (undirected), then
 * GraphML, node-link JSON and DOT into OUTDIR. Prints "phase NAME SECONDS"
 * and "rss NAME KB" (peak so far) lines and a few results the run script
 * compares across tools. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#define BENCH_PROGRAM "kg_pipeline"
#include "bench_common.h"

/* Ends a phase: its time on our clock and the peak resident set so far. */
static void phase(const char *name, double started)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("phase %s %.3f\nrss %s %ld\n", name, now() - started, name, ru.ru_maxrss);
    fflush(stdout);
}

static int write_format(const kg_graph *g, kg_format f, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/kg.%s", dir, kg_format_extension(f));
    kg_writer *w = NULL;
    kg_error err;
    kg_error_clear(&err);
    double t = now();
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
    double t0 = now(), t = t0;
    kg_graph *g = load(argv[1], argv[2]);
    if (!g)
        return 1;
    kg_error err;
    kg_error_clear(&err);
    size_t n = kg_graph_node_count(g);
    phase("load", t);
    printf("nodes %zu\nedges %zu\n", n, kg_graph_edge_count(g));

    t = now();
    double *rank = malloc(n * sizeof *rank);
    kg_centrality_options co = kg_centrality_defaults();
    co.is_directed = true;
    if (!rank || kg_centrality(g, KG_MEASURE_PAGERANK, &co, rank, &err) != KG_OK)
        return fail(&err, "pagerank");
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (rank[i] > rank[best])
            best = i;
    phase("pagerank", t);
    printf("top_pagerank %s %.6g\n", kg_graph_node(g, best)->id, rank[best]);
    free(rank);

    t = now();
    kg_partition parts;
    if (kg_components(g, false, &parts, &err) != KG_OK)
        return fail(&err, "components");
    phase("components", t);
    printf("components %zu\nlargest_component %zu\n", parts.count,
           parts.count ? parts.sizes[0] : 0);
    kg_partition_clear(&parts);

    t = now();
    size_t from = kg_graph_find_node(g, argv[4]), to = kg_graph_find_node(g, argv[5]);
    kg_path_list paths;
    if (from == KG_SCHEMA_NOT_FOUND || to == KG_SCHEMA_NOT_FOUND) {
        fprintf(stderr, "kg_pipeline: no node %s or %s\n", argv[4], argv[5]);
        return 1;
    }
    if (kg_shortest_paths(g, from, to, NULL, &paths, &err) != KG_OK)
        return fail(&err, "path");
    phase("path", t);
    printf("path_length %lld\n", paths.count ? (long long)paths.length : -1LL);
    kg_path_list_clear(&paths);

    if (write_format(g, KG_FORMAT_GRAPHML, argv[3]) || write_format(g, KG_FORMAT_JSON, argv[3]) ||
        write_format(g, KG_FORMAT_DOT, argv[3]))
        return 1;
    kg_graph_free(g);
    phase("total", t0);
    return 0;
}
