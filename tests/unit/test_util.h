/* test_util.h - what the unit tests share: cmocka, the fixture paths, and
 * a helper to load the test schema. */
#ifndef KG_TEST_UTIL_H
#define KG_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/kg.h"

static inline kg_schema *test_schema(void)
{
    kg_schema *schema = NULL;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    kg_status st = kg_schema_load(KG_TEST_DATA "/schema.json", &schema, &d);
    if (st != KG_OK && d.count) {
        char line[2048];
        fprintf(stderr, "%s\n", kg_error_format(&d.items[0], line, sizeof line));
    }
    kg_diagnostics_clear(&d);
    assert_int_equal(st, KG_OK);
    return schema;
}

#endif
