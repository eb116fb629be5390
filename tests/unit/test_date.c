/* Unit tests for date.c: parsing at each precision, calendar checks, the
 * span a date covers, and the as-of interval test. */
#include "test_util.h"

static void parse_precisions(void **state)
{
    (void)state;
    kg_date d;
    char buf[11];
    assert_int_equal(kg_date_parse("2003", &d), KG_OK);
    assert_int_equal(d.precision, KG_DATE_YEAR);
    assert_string_equal(kg_date_format(d, buf), "2003");
    assert_int_equal(kg_date_parse("2003-03", &d), KG_OK);
    assert_int_equal(d.precision, KG_DATE_MONTH);
    assert_string_equal(kg_date_format(d, buf), "2003-03");
    assert_int_equal(kg_date_parse("2003-03-17", &d), KG_OK);
    assert_int_equal(d.day, 17);
    assert_string_equal(kg_date_format(d, buf), "2003-03-17");
}

static void reject_bad_dates(void **state)
{
    (void)state;
    const char *bad[] = {"", "03", "2003-3", "2003-13", "2003-00", "2003-02-29",
                         "1900-02-29", "2003/03/17", "2003-03-17T00:00", "0000",
                         "March 2003", "2003-04-31", "２００３"};
    kg_date d;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(kg_date_parse(bad[i], &d), KG_EINPUT);
        assert_int_equal(d.precision, KG_DATE_NONE);
    }
    assert_int_equal(kg_date_parse("2004-02-29", &d), KG_OK); /* leap year */
    assert_int_equal(kg_date_parse("2000-02-29", &d), KG_OK);
}

static void spans(void **state)
{
    (void)state;
    kg_date d;
    kg_date_parse("2003-02", &d);
    assert_int_equal(kg_date_first_day(d), 20030201);
    assert_int_equal(kg_date_last_day(d), 20030228);
    kg_date_parse("2004", &d);
    assert_int_equal(kg_date_first_day(d), 20040101);
    assert_int_equal(kg_date_last_day(d), 20041231);
}

static void interval(void **state)
{
    (void)state;
    kg_date start, end, none = {0, 0, 0, KG_DATE_NONE};
    kg_date_parse("2003-03-31", &start);
    kg_date_parse("2003-12", &end);
    assert_false(kg_date_interval_contains(start, end, 20030330));
    assert_true(kg_date_interval_contains(start, end, 20030331));
    assert_true(kg_date_interval_contains(start, end, 20031231));
    assert_false(kg_date_interval_contains(start, end, 20040101));
    assert_true(kg_date_interval_contains(none, end, 19000101));
    assert_true(kg_date_interval_contains(start, none, 29991231));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_precisions), cmocka_unit_test(reject_bad_dates),
        cmocka_unit_test(spans), cmocka_unit_test(interval),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
