/* fuzz_graphml_readers.c - libFuzzer harness for the fast GraphML reader
 * (import_graphml_fast.c) against libxml2's: any bytes are read with
 * KG_GRAPHML_READER=fast; when the fast reader takes them, libxml2's path
 * must give the same status, the same messages and the same graph
 * (compared as node-link JSON); read with the default reader (which
 * starts over with libxml2 when the fast one gives up part way), always;
 * else the harness aborts. Build and run:
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
    if (reader)
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

/* a and b agree, else the harness aborts. */
static void compare(const char *what, outcome *a, outcome *b)
{
    size_t na = 0, nb = 0;
    const char *ja = a->json ? kg_writer_memory(a->json, &na) : NULL;
    const char *jb = b->json ? kg_writer_memory(b->json, &nb) : NULL;
    if (a->status != b->status || strcmp(a->messages, b->messages) != 0 || !ja != !jb ||
        na != nb || (ja && memcmp(ja, jb, na) != 0)) {
        fprintf(stderr, "%s (%d):\n%s%.*s\nlibxml2 (%d):\n%s%.*s\n", what, a->status,
                a->messages, (int)na, ja ? ja : "", b->status, b->messages, (int)nb,
                jb ? jb : "");
        abort();
    }
}

/* The fast reader alone (when it takes the input) and the default (the
 * fast reader, started over with libxml2 when it gives up part way) must
 * both give libxml2's outcome. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static outcome fast, slow, either;
    read_as("libxml2", data, size, &slow);
    read_as("fast", data, size, &fast);
    if (!strstr(fast.messages, "KG_GRAPHML_READER=fast"))
        compare("fast", &fast, &slow);
    read_as(NULL, data, size, &either);
    compare("default", &either, &slow);
    outcome *all[] = {&fast, &slow, &either};
    for (size_t i = 0; i < 3; i++)
        if (all[i]->json)
            kg_writer_abort(all[i]->json);
    return 0;
}
