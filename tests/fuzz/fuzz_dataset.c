/* fuzz_dataset.c - libFuzzer harness for the data-set reader: any bytes are
 * parsed against the test schema; a valid graph is then exported to every
 * format but the Graphviz renderings in memory, so hostile labels also
 * exercise the escapers.
 * Build and run: scripts/fuzz.sh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg/kg.h"

#ifndef KG_FUZZ_SCHEMA
#error "define KG_FUZZ_SCHEMA as the path of a schema file"
#endif

static kg_schema *schema;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!schema && kg_schema_load(KG_FUZZ_SCHEMA, &schema, NULL) != KG_OK)
        abort();
    kg_load_options options = {0};
    options.schema = schema;
    options.max_nodes = 10000;
    options.max_edges = 10000;
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_graph *graph = NULL;
    kg_status st = kg_dataset_parse((const char *)data, size, "fuzz.kg.json", NULL, &options,
                                    &graph, &diags);
    if ((st == KG_OK) != (graph != NULL) || (st != KG_OK && diags.count == 0))
        abort(); /* a failure must always say why */
    for (int f = 0; graph && f < KG_FORMAT_COUNT; f++) {
        const char *name = kg_format_name((kg_format)f);
        if (!strcmp(name, "svg") || !strcmp(name, "png") || !strcmp(name, "pdf"))
            continue; /* Graphviz's layout is not ours to fuzz, and slow */
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
