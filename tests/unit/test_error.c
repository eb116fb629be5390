/* Unit tests for error.c: message formats the CLI prints and editors parse,
 * and the capped diagnostics list. */
#include "test_util.h"

static void formats(void **state)
{
    (void)state;
    kg_error e;
    char buf[1024];
    kg_error_set(&e, KG_EINPUT, "data/x.kg.json", "unknown entity '%s'", "nato2");
    snprintf(e.pointer, sizeof e.pointer, "/relations/17/target");
    snprintf(e.hint, sizeof e.hint, "did you mean 'nato'?");
    assert_string_equal(kg_error_format(&e, buf, sizeof buf),
                        "data/x.kg.json: /relations/17/target: unknown entity 'nato2'; did you mean 'nato'?");
    e.line = 12;
    e.column = 5;
    assert_string_equal(kg_error_format(&e, buf, sizeof buf),
                        "data/x.kg.json:12:5: unknown entity 'nato2'; did you mean 'nato'?");
    kg_error_clear(&e);
    e.status = KG_ENOMEM;
    assert_string_equal(kg_error_format(&e, buf, sizeof buf), "out of memory");
    kg_error_set(&e, KG_EIO, "f", "%s", "a long message");
    assert_string_equal(kg_error_format(&e, buf, 8), "f: a lo"); /* truncates safely */
    assert_int_equal(kg_error_set(NULL, KG_EIO, NULL, "x"), KG_EIO);
}

static void diagnostics_cap(void **state)
{
    (void)state;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 3);
    kg_error e;
    kg_error_set(&e, KG_EINPUT, "f", "m");
    for (int i = 0; i < 5; i++)
        assert_int_equal(kg_diagnostics_add(&d, &e), KG_OK);
    assert_int_equal(d.count, 3);
    assert_int_equal(d.dropped, 2);
    assert_int_equal(kg_diagnostics_total(&d), 5);
    kg_diagnostics_clear(&d);
    assert_int_equal(d.count, 0);
    assert_int_equal(d.limit, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formats),
        cmocka_unit_test(diagnostics_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
