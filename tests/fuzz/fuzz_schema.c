/* fuzz_schema.c - libFuzzer harness for the schema reader. */
#include <stdint.h>
#include <stdlib.h>

#include "kg/kg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_schema *schema = NULL;
    kg_status st = kg_schema_parse((const char *)data, size, "fuzz.json", &schema, &diags);
    if ((st == KG_OK) != (schema != NULL) || (st != KG_OK && diags.count == 0))
        abort();
    for (size_t i = 0; i < kg_schema_edge_type_count(schema); i++)
        kg_schema_allows(schema, i, 0, 0);
    kg_schema_free(schema);
    kg_diagnostics_clear(&diags);
    return 0;
}
