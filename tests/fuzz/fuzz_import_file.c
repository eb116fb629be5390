/* fuzz_import_file.c - libFuzzer harness for the streaming readers of
 * files (node-link JSON, GraphML: -DKG_FUZZ_FORMAT=KG_IMPORT_JSON or
 * _GRAPHML): any bytes are written to a file, read with kg_import_file (in
 * chunks) and with kg_import_buffer, and the two must agree on the status
 * and the graph's size, and on the first error (both GraphML reads go
 * through libxml2's SAX parser by the same chunked input).
 * Build and run: scripts/fuzz.sh. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kg/import.h"
#include "kg/kg.h"

#ifndef KG_FUZZ_FORMAT
#error "define KG_FUZZ_FORMAT as a kg_import_format"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kg_status import(const uint8_t *data, size_t size, const char *path, kg_graph **graph,
                        kg_diagnostics *diags)
{
    kg_import_options options = kg_import_defaults();
    options.format = KG_FUZZ_FORMAT;
    options.max_nodes = 10000;
    options.max_edges = 10000;
    kg_diagnostics_init(diags, 0);
    kg_status st = path ? kg_import_file(path, &options, graph, diags)
                        : kg_import_buffer((const char *)data, size, "fuzz", &options, graph,
                                           diags);
    if ((st == KG_OK) != (*graph != NULL) || (st != KG_OK && diags->count == 0))
        abort(); /* a failure must always say why */
    return st;
}

/* The first diagnostic that is an error, not a warning (status KG_OK). */
static const char *first_error(const kg_diagnostics *d)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].status != KG_OK)
            return d->items[i].message;
    return "";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/kg-fuzz-file-%ld", (long)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    kg_graph *a = NULL, *b = NULL;
    kg_diagnostics da, db;
    kg_status sa = import(data, size, path, &a, &da);
    kg_status sb = import(data, size, NULL, &b, &db);
    if (sa != sb || (a && (kg_graph_node_count(a) != kg_graph_node_count(b) ||
                           kg_graph_edge_count(a) != kg_graph_edge_count(b))))
        abort(); /* the file and the buffer must read the same */
    if (sa != KG_OK && strcmp(first_error(&da), first_error(&db)) != 0)
        abort();
    kg_graph_free(a);
    kg_graph_free(b);
    kg_diagnostics_clear(&da);
    kg_diagnostics_clear(&db);
    return 0;
}
