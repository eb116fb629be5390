/* kg_writes.c - write throughput of any of kg's export formats:
 *
 *   kg_writes NODES.tsv EDGES.tsv OUTDIR REPEATS FORMAT...
 *
 * loads the graph once (as kg_pipeline does), then writes each FORMAT
 * (kg's format names: dot, graphml, json, gexf, cytoscape, yed, cypher,
 * ntriples, turtle) REPEATS times into OUTDIR/kg.EXT, each time after
 * removing the previous file and a sync(), so every write starts from the
 * state bench/formats.sh copies the file with cp from. Prints one line
 * "write FORMAT BYTES SECONDS CPU_SECONDS" per write (CPU: user and
 * system time of every thread of the process during the write). */
#define _DEFAULT_SOURCE /* sync() */
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#define BENCH_PROGRAM "kg_writes"
#include "bench_common.h"

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static int write_once(const kg_graph *g, kg_format f, const char *path)
{
    kg_error err;
    kg_error_clear(&err);
    unlink(path);
    sync();
    kg_writer *w = NULL;
    double t = now(), cpu = cpu_seconds();
    kg_status st = kg_writer_open_file(path, false, &w, &err);
    if (st == KG_OK)
        st = kg_export(g, f, NULL, w, &err);
    if (st == KG_OK)
        st = kg_writer_commit(w, &err);
    else
        kg_writer_abort(w);
    double seconds = now() - t;
    cpu = cpu_seconds() - cpu;
    if (st != KG_OK)
        return fail(&err, path);
    struct stat s;
    if (stat(path, &s) != 0)
        return 1;
    printf("write %s %lld %.4f %.4f\n", kg_format_name(f), (long long)s.st_size, seconds, cpu);
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
