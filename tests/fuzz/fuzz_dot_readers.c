/* fuzz_dot_readers.c - libFuzzer harness for the one-pass DOT reader
 * (import_dot_fast.c) against cgraph's: any bytes are read with
 * KG_DOT_READER=fast; when the one-pass reader takes them, cgraph must
 * give the same status, the same messages and the same graph (compared as
 * node-link JSON), else the harness aborts. Build and run: scripts/fuzz.sh
 * SECONDS dot_readers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_as(const char *reader, const uint8_t *data, size_t size, outcome *o)
{
    read_with("KG_DOT_READER", reader, KG_IMPORT_DOT, "fuzz.dot", data, size, o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static outcome fast, cgraph;
    read_as("fast", data, size, &fast);
    if (!strstr(fast.messages, "KG_DOT_READER=fast")) {
        read_as("cgraph", data, size, &cgraph);
        size_t a = 0, b = 0;
        const char *ja = fast.json ? kg_writer_memory(fast.json, &a) : NULL;
        const char *jb = cgraph.json ? kg_writer_memory(cgraph.json, &b) : NULL;
        if (fast.status != cgraph.status || strcmp(fast.messages, cgraph.messages) != 0 ||
            !ja != !jb || a != b || (ja && memcmp(ja, jb, a) != 0)) {
            fprintf(stderr, "one-pass (%d):\n%s%.*s\ncgraph (%d):\n%s%.*s\n", fast.status,
                    fast.messages, (int)a, ja ? ja : "", cgraph.status, cgraph.messages, (int)b,
                    jb ? jb : "");
            abort();
        }
        if (cgraph.json)
            kg_writer_abort(cgraph.json);
    }
    if (fast.json)
        kg_writer_abort(fast.json);
    return 0;
}
