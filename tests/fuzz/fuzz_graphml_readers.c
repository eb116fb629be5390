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

#include "fuzz_readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_as(const char *reader, const uint8_t *data, size_t size, outcome *o)
{
    read_with("KG_GRAPHML_READER", reader, KG_IMPORT_GRAPHML, "fuzz.graphml", data, size, o);
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
