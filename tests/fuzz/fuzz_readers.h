/* fuzz_readers.h - what the two-reader harnesses share (fuzz_dot_readers.c,
 * fuzz_graphml_readers.c): one import, its reader chosen by an environment
 * variable, kept as status, messages and node-link JSON to compare. */
#ifndef KG_FUZZ_READERS_H
#define KG_FUZZ_READERS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/import.h"
#include "kg/kg.h"

typedef struct outcome {
    kg_status status;
    char messages[4096];
    kg_writer *json; /* the graph as node-link JSON, or NULL */
} outcome;

/* data imported as format with the environment variable env set to reader
 * (left as it is when NULL, unset after): status, messages, graph. */
static void read_with(const char *env, const char *reader, kg_import_format format,
                      const char *name, const uint8_t *data, size_t size, outcome *o)
{
    if (reader)
        setenv(env, reader, 1);
    kg_import_options options = kg_import_defaults();
    options.format = format;
    options.max_nodes = 10000;
    options.max_edges = 10000;
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_graph *graph = NULL;
    o->status = kg_import_buffer((const char *)data, size, name, &options, &graph, &diags);
    unsetenv(env);
    o->messages[0] = '\0';
    for (size_t i = 0; i < diags.count; i++) {
        char line[1024];
        size_t used = strlen(o->messages);
        snprintf(o->messages + used, sizeof o->messages - used, "%s\n",
                 kg_error_format(&diags.items[i], line, sizeof line));
    }
    kg_diagnostics_clear(&diags);
    o->json = NULL;
    if (graph && (kg_writer_open_memory(&o->json, NULL) != KG_OK ||
                  kg_export(graph, KG_FORMAT_JSON, NULL, o->json, NULL) != KG_OK))
        abort();
    kg_graph_free(graph);
}

#endif
