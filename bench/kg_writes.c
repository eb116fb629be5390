/* kg_writes.c - write throughput of any of kg's export formats:
 *
 *   kg_writes NODES.tsv EDGES.tsv OUTDIR REPEATS FORMAT...
 *
 * loads the graph once (as kg_pipeline does), then writes each FORMAT
 * (kg's format names: dot, graphml, json, gexf, cytoscape, yed, cypher,
 * ntriples, turtle) REPEATS times into OUTDIR/kg.EXT, each time after
 * removing the previous file and a sync(), so every write starts from the
 * state bench/formats.sh copies the file with cp from. Prints one line
 * "write FORMAT BYTES SECONDS" per write. */
#define _DEFAULT_SOURCE /* sync() */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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
    fprintf(stderr, "kg_writes: %s: %s\n", what, kg_error_format(err, line, sizeof line));
    return 1;
}

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
    if (kg_ingest_new(&o, &in, &err) != KG_OK ||
        kg_ingest_add_file(in, nodes, KG_INGEST_TSV, KG_INGEST_NODES, &diags) != KG_OK ||
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

static int write_once(const kg_graph *g, kg_format f, const char *path)
{
    kg_error err;
    kg_error_clear(&err);
    unlink(path);
    sync();
    kg_writer *w = NULL;
    double t = now();
    kg_status st = kg_writer_open_file(path, false, &w, &err);
    if (st == KG_OK)
        st = kg_export(g, f, NULL, w, &err);
    if (st == KG_OK)
        st = kg_writer_commit(w, &err);
    else
        kg_writer_abort(w);
    double seconds = now() - t;
    if (st != KG_OK)
        return fail(&err, path);
    struct stat s;
    if (stat(path, &s) != 0)
        return 1;
    printf("write %s %lld %.4f\n", kg_format_name(f), (long long)s.st_size, seconds);
    fflush(stdout);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: kg_writes NODES.tsv EDGES.tsv OUTDIR REPEATS FORMAT...\n");
        return 2;
    }
    kg_graph *g = load(argv[1], argv[2]);
    if (!g)
        return 1;
    int repeats = atoi(argv[4]), rc = 0;
    for (int a = 5; a < argc && rc == 0; a++) {
        kg_format f;
        if (kg_format_from_name(argv[a], &f) != KG_OK || kg_format_is_folder(f)) {
            fprintf(stderr, "kg_writes: not a one-file format: %s\n", argv[a]);
            rc = 2;
            break;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/kg.%s", argv[3], kg_format_extension(f));
        for (int r = 0; r < repeats && rc == 0; r++)
            rc = write_once(g, f, path);
    }
    kg_graph_free(g);
    return rc;
}
