/* fuzz_import.c - libFuzzer harness for the importers: any bytes are read
 * as the format chosen at build time (-DKG_FUZZ_FORMAT=KG_IMPORT_GRAPHML,
 * _DOT, _JSON, _CSV or _TSV); a graph that loads is exported to DOT,
 * GraphML and JSON in memory. Build and run: scripts/fuzz.sh. */
#include <stdint.h>
#include <stdlib.h>

#include "kg/import.h"
#include "kg/kg.h"

#ifndef KG_FUZZ_FORMAT
#error "define KG_FUZZ_FORMAT as a kg_import_format"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_import_options options = kg_import_defaults();
    options.format = KG_FUZZ_FORMAT;
    options.max_nodes = 10000;
    options.max_edges = 10000;
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_graph *graph = NULL;
    kg_status st = kg_import_buffer((const char *)data, size, "fuzz", &options, &graph, &diags);
    if ((st == KG_OK) != (graph != NULL) || (st != KG_OK && diags.count == 0))
        abort(); /* a failure must always say why */
    for (int f = KG_FORMAT_DOT; graph && f <= KG_FORMAT_JSON; f++) {
        kg_writer *w = NULL;
        if (kg_writer_open_memory(&w, NULL) != KG_OK)
            abort();
        kg_export(graph, (kg_format)f, NULL, w, NULL);
        kg_writer_abort(w);
    }
    kg_graph_free(graph);
    kg_diagnostics_clear(&diags);
    return 0;
}
