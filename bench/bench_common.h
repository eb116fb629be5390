/* bench_common.h - what the benchmark's C programs share: a monotonic
 * clock, error printing, and loading the generated TSV files the same way
 * in each. Header-only, since each program is built by one cc command;
 * define BENCH_PROGRAM (the name errors start with) before including. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdio.h>
#include <time.h>

#include "kg/kg.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int fail(const kg_error *err, const char *what)
{
    char line[2048];
    fprintf(stderr, BENCH_PROGRAM ": %s: %s\n", what, kg_error_format(err, line, sizeof line));
    return 1;
}

/* The graph named "bench" from NODES.tsv and EDGES.tsv, or NULL (errors
 * printed). */
static kg_graph *load(const char *nodes, const char *edges)
{
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_ingest *in = NULL;
    kg_graph *g = NULL;
    kg_error err;
    kg_error_clear(&err);
    kg_ingest_options o = kg_ingest_defaults();
    o.name = "bench";
    if (kg_ingest_new(&o, &in, &err) != KG_OK) {
        fail(&err, "load");
    } else if (kg_ingest_add_file(in, nodes, KG_INGEST_TSV, KG_INGEST_NODES, &diags) != KG_OK ||
               kg_ingest_add_file(in, edges, KG_INGEST_TSV, KG_INGEST_EDGES, &diags) != KG_OK ||
               kg_ingest_finish(in, &g, &diags) != KG_OK) {
        for (size_t i = 0; i < diags.count; i++)
            fail(&diags.items[i], "load");
        g = NULL;
    }
    kg_ingest_free(in);
    kg_diagnostics_clear(&diags);
    return g;
}

#endif
