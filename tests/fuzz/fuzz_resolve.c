/* fuzz_resolve.c - libFuzzer harness for name resolution: any bytes, as a
 * name, are resolved against the small fixture; the answer must be one
 * node, or an error that says why. Build and run: scripts/fuzz.sh. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg/kg.h"

#ifndef KG_FUZZ_DATASET
#error "define KG_FUZZ_DATASET as the path of a data set"
#endif

static kg_graph *graph;
static kg_resolver *resolver;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!graph && (kg_dataset_load(KG_FUZZ_DATASET, NULL, &graph, NULL) != KG_OK ||
                   kg_resolver_new(graph, &resolver, NULL) != KG_OK))
        abort();
    char *name = malloc(size + 1);
    if (!name)
        return 0;
    memcpy(name, data, size);
    name[size] = '\0';
    size_t node = (size_t)-1;
    kg_error err;
    kg_error_clear(&err);
    kg_status st = kg_resolve(resolver, name, &node, &err);
    if (st == KG_OK ? node >= kg_graph_node_count(graph) : err.message[0] == '\0')
        abort();
    free(name);
    return 0;
}
