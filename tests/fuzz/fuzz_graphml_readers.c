/* fuzz_graphml_readers.c - libFuzzer harness for the fast GraphML reader
 * (import_graphml_fast.c) against libxml2's: any bytes are read with
 * KG_GRAPHML_READER=fast; when the fast reader takes them, libxml2's path
 * must give the same status, the same messages and the same graph
 * (compared as node-link JSON), else the harness aborts. Build and run:
 * scripts/fuzz.sh SECONDS graphml_readers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/import.h"
#include "kg/kg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct outcome {
    kg_status status;
    char messages[4096];
    kg_writer *json; /* the graph as node-link JSON, or NULL */
} outcome;

static void read_as(const char *reader, const uint8_t *data, size_t size, outcome *o)
{
    setenv("KG_GRAPHML_READER", reader, 1);
    kg_import_options options = kg_import_defaults();
    options.format = KG_IMPORT_GRAPHML;
    options.max_nodes = 10000;
    options.max_edges = 10000;
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_graph *graph = NULL;
    o->status = kg_import_buffer((const char *)data, size, "fuzz.graphml", &options, &graph, &diags);
    unsetenv("KG_GRAPHML_READER");
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static outcome fast, slow;
    read_as("fast", data, size, &fast);
    if (!strstr(fast.messages, "KG_GRAPHML_READER=fast")) {
        read_as("libxml2", data, size, &slow);
        size_t a = 0, b = 0;
        const char *ja = fast.json ? kg_writer_memory(fast.json, &a) : NULL;
        const char *jb = slow.json ? kg_writer_memory(slow.json, &b) : NULL;
        if (fast.status != slow.status || strcmp(fast.messages, slow.messages) != 0 ||
            !ja != !jb || a != b || (ja && memcmp(ja, jb, a) != 0)) {
            fprintf(stderr, "fast (%d):\n%s%.*s\nlibxml2 (%d):\n%s%.*s\n", fast.status,
                    fast.messages, (int)a, ja ? ja : "", slow.status, slow.messages, (int)b,
                    jb ? jb : "");
            abort();
        }
        if (slow.json)
            kg_writer_abort(slow.json);
    }
    if (fast.json)
        kg_writer_abort(fast.json);
    return 0;
}
