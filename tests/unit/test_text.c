/* Unit tests for text.c: UTF-8 checks, folding, edit distance, hints,
 * locale-free numbers. */
#include <locale.h>

#include "test_util.h"

static void utf8_validation(void **state)
{
    (void)state;
    assert_true(kg_utf8_valid("plain", 5));
    assert_true(kg_utf8_valid("T\xc3\xbcrkiye", 8));
    assert_true(kg_utf8_valid("\xf0\x9f\x98\x80", 4));
    assert_false(kg_utf8_valid("\xc3", 1));              /* truncated */
    assert_false(kg_utf8_valid("\xc0\xaf", 2));          /* overlong '/' */
    assert_false(kg_utf8_valid("\xed\xa0\x80", 3));      /* surrogate */
    assert_false(kg_utf8_valid("\xf4\x90\x80\x80", 4));  /* above U+10FFFF */
    assert_false(kg_utf8_valid("\xff", 1));
}

static void folding(void **state)
{
    (void)state;
    char out[64];
    kg_fold("T\xc3\xbcrkiye", out, sizeof out);
    assert_string_equal(out, "turkiye");
    kg_fold("  Operation   Sea-Guardian_ ", out, sizeof out);
    assert_string_equal(out, "operation sea guardian");
    kg_fold("Jos\xc3\xa9 Manuel Barroso", out, sizeof out);
    assert_string_equal(out, "jose manuel barroso");
    kg_fold("\xc5\x92uvre", out, sizeof out); /* Œ */
    assert_string_equal(out, "oeuvre");
    assert_int_equal(kg_fold("abcdef", out, 4), 6); /* full length reported */
    assert_string_equal(out, "abc");
}

/* Names in other scripts and in other normal forms fold alike. */
static void folding_unicode(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Tu\xcc\x88rkiye", "turkiye"},                   /* u + combining diaeresis (NFD) */
        {"T\xc3\x9cRK\xc4\xb0YE", "turkiye"},              /* TÜRKİYE: dotted capital I */
        {"\xc8\x98tefan cel Mare", "stefan cel mare"},     /* Ș, comma below (Romanian) */
        {"\xc5\x9etefan", "stefan"},                       /* Ş, cedilla */
        {"\xce\x91\xce\x98\xce\x89\xce\x9d\xce\x91", /* ΑΘΉΝΑ */
         "\xce\xb1\xce\xb8\xce\xb7\xce\xbd\xce\xb1"},   /* αθηνα */
        {"\xce\xa3\xce\x97\xce\x9c\xce\x91", "\xcf\x83\xce\xb7\xce\xbc\xce\xb1"}, /* ΣΗΜΑ */
        {"\xcf\x83\xce\xb7\xce\xbc\xce\xb1\xcf\x82",       /* σημας: final sigma */
         "\xcf\x83\xce\xb7\xce\xbc\xce\xb1\xcf\x83"},
        {"\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90", /* МОСКВА */
         "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0"}, /* москва */
        {"\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0", "\xd0\xb5\xd0\xbb\xd0\xba\xd0\xb0"}, /* Ёлка */
        {"Stra\xc3\x9f" "e", "strasse"},                   /* ß */
        {"\xc5\x81\xc3\xb3" "d\xc5\xba", "lodz"},            /* Łódź: Ł has no decomposition */
        {"K\xc3\xb8" "benhavn", "kobenhavn"},              /* ø */
        {"\xef\xbc\xae\xef\xbc\xa1\xef\xbc\xb4\xef\xbc\xaf", "nato"}, /* fullwidth */
        {"EU\xc2\xa0\xc2\xa0" "Council", "eu council"},      /* no-break spaces */
        {"co\xc2\xad" "operation", "cooperation"},         /* soft hyphen is ignorable */
        {"\xef\xac\x81nal", "final"},                      /* ﬁ ligature */
        {"a\xff" "b", "a\xff" "b"},                               /* a stray byte stays */
    };
    char out[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kg_fold(cases[i].in, out, sizeof out);
        assert_string_equal(out, cases[i].want);
    }
}

static void edit_distance(void **state)
{
    (void)state;
    assert_int_equal(kg_edit_distance("signed_by", "signed_by", 5), 0);
    assert_int_equal(kg_edit_distance("signedby", "signed_by", 5), 1);
    assert_int_equal(kg_edit_distance("sigend_by", "signed_by", 5), 1); /* swap */
    assert_int_equal(kg_edit_distance("kitten", "sitting", 5), 3);
    assert_int_equal(kg_edit_distance("a", "abcdefgh", 2), 3); /* capped */
}

static void suggestions(void **state)
{
    (void)state;
    const char *types[] = {"organisation", "operation", "place", "person"};
    assert_string_equal(kg_suggest("organization", types, 4), "organisation");
    assert_string_equal(kg_suggest("Place", types, 4), "place");
    assert_null(kg_suggest("treaty", types, 4));
    const char *tied[] = {"abd", "abc"};
    assert_string_equal(kg_suggest("abx", tied, 2), "abc"); /* ties: first in order */
}

static void numbers_ignore_locale(void **state)
{
    (void)state;
    char out[32];
    assert_string_equal(kg_format_double(0.5, out), "0.5");
    assert_string_equal(kg_format_double(0.1, out), "0.1");
    assert_string_equal(kg_format_double(1e300, out), "1e+300");
    assert_string_equal(kg_format_double(0.1 + 0.2, out), "0.30000000000000004");
    assert_string_equal(kg_format_double(-3.0, out), "-3");
    assert_string_equal(kg_format_double(1.0 / 0.0, out), "INF");
    assert_string_equal(kg_format_double(0.0 / 0.0, out), "NaN");
    if (setlocale(LC_NUMERIC, "de_DE.UTF-8") || setlocale(LC_NUMERIC, "fr_FR.UTF-8")) {
        assert_string_equal(kg_format_double(2.25, out), "2.25");
        setlocale(LC_NUMERIC, "C");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_validation), cmocka_unit_test(folding), cmocka_unit_test(folding_unicode),
        cmocka_unit_test(edit_distance),   cmocka_unit_test(suggestions),
        cmocka_unit_test(numbers_ignore_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
