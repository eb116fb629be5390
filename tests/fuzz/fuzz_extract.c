/* fuzz_extract.c - libFuzzer harness for the extractor: any bytes as a
 * text (refused with an error, or extracted into a valid data set that the
 * data-set loader accepts). The schema with the cue lexicons is
 * KG_FUZZ_SCHEMA; the first byte, when odd, adds a --known data set
 * (KG_FUZZ_DATASET) so the known-name path runs too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kg/kg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static kg_schema *schema;
    static kg_graph *known;
    if (!schema && kg_schema_load(KG_FUZZ_SCHEMA, &schema, NULL) != KG_OK)
        abort();
    if (!known) {
        kg_load_options options = {0};
        options.schema = schema;
        if (kg_dataset_load(KG_FUZZ_DATASET, &options, &known, NULL) != KG_OK)
            abort();
    }
    kg_extractor *ex = NULL;
    kg_error err;
    if (kg_extractor_new(schema, &ex, &err) != KG_OK)
        abort();
    if (size > 0 && (data[0] & 1) && kg_extractor_add_known(ex, known, &err) != KG_OK)
        abort();
    kg_source source = {"fuzz", "fuzz", "fuzz.txt", NULL, NULL};
    kg_status st = kg_extractor_add_text(ex, &source, "fuzz.txt", (const char *)data, size, &err);
    if (st == KG_OK)
        st = kg_extractor_run(ex, &err);
    kg_writer *w = NULL;
    if (st == KG_OK) {
        if (kg_writer_open_memory(&w, &err) != KG_OK)
            abort();
        kg_extract_meta meta = {"fuzz", "fuzz", NULL};
        if (kg_extractor_write(ex, &meta, w, &err) != KG_OK)
            abort();
        size_t len;
        const char *json = kg_writer_memory(w, &len);
        kg_load_options options = {0};
        options.schema = schema;
        kg_graph *g = NULL;
        kg_diagnostics diags;
        kg_diagnostics_init(&diags, 0);
        /* the candidates must load: a valid data set, whatever the text */
        if (kg_dataset_parse(json, len, "candidates.kg.json", NULL, &options, &g, &diags) !=
            KG_OK)
            abort();
        kg_graph_free(g);
        kg_diagnostics_clear(&diags);
        kg_writer_abort(w);
    } else if (st != KG_EINPUT && st != KG_ELIMIT) {
        abort();
    }
    kg_extractor_free(ex);
    return 0;
}
