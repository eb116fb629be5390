/* Escapers: each output language's special characters, control characters,
 * invalid UTF-8 and the characters XML cannot carry. */
#include "test_util.h"

typedef kg_status (*escaper)(kg_writer *, const char *);

/* Runs an escaper on s and compares the bytes written with want. */
static void expect_escaped(escaper fn, const char *s, const char *want)
{
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    assert_int_equal(fn(w, s), KG_OK);
    assert_string_equal(kg_writer_memory(w, NULL), want);
    kg_writer_abort(w);
}

static void dot_strings(void **state)
{
    (void)state;
    expect_escaped(kg_write_dot_string, "node", "\"node\"");
    expect_escaped(kg_write_dot_string, "a\"b\\c", "\"a\\\"b\\\\c\"");
    expect_escaped(kg_write_dot_string, "line\nbreak", "\"line\\nbreak\"");
    expect_escaped(kg_write_dot_string, "tab\there\x01", "\"tab here \"");
    expect_escaped(kg_write_dot_string, "T\xC3\xBCrkiye", "\"T\xC3\xBCrkiye\"");
    expect_escaped(kg_write_dot_string, "bad\xFF\xC3", "\"bad\xEF\xBF\xBD\xEF\xBF\xBD\"");
    expect_escaped(kg_write_dot_string, "\xEF\xBF\xBF", "\"\xEF\xBF\xBD\""); /* U+FFFF */
    expect_escaped(kg_write_dot_string, "", "\"\"");
}

static void xml_text(void **state)
{
    (void)state;
    expect_escaped(kg_write_xml_text, "<a href='x'>&\"</a>",
                   "&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;");
    expect_escaped(kg_write_xml_text, "]]>", "]]&gt;");
    expect_escaped(kg_write_xml_text, "t\tn\nr\r", "t&#9;n&#10;r&#13;");
    expect_escaped(kg_write_xml_text, "nul-ish\x01\x1F", "nul-ish\xEF\xBF\xBD\xEF\xBF\xBD");
    expect_escaped(kg_write_xml_text, "\xEF\xBF\xBE", "\xEF\xBF\xBD"); /* U+FFFE */
    expect_escaped(kg_write_xml_text, "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    expect_escaped(kg_write_xml_text, "\xE6\x97\xA5\xE6\x9C\xAC", "\xE6\x97\xA5\xE6\x9C\xAC");
}

static void json_strings(void **state)
{
    (void)state;
    expect_escaped(kg_write_json_string, "q\"b\\", "\"q\\\"b\\\\\"");
    expect_escaped(kg_write_json_string, "\n\r\t\b\f\x01\x7F", "\"\\n\\r\\t\\b\\f\\u0001\\u007f\"");
    expect_escaped(kg_write_json_string, "</script>&", "\"</script>&\"");
    expect_escaped(kg_write_json_string, "bad\x80", "\"bad\xEF\xBF\xBD\"");
    expect_escaped(kg_write_json_string, "\xEF\xBF\xBF", "\"\\uffff\"");
}

static void json_in_script(void **state)
{
    (void)state;
    expect_escaped(kg_write_json_string_for_script, "</script><script>alert(1)</script>",
                   "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\"");
    expect_escaped(kg_write_json_string_for_script, "a&b \xE2\x80\xA8 \xE2\x80\xA9",
                   "\"a\\u0026b \\u2028 \\u2029\"");
}

/* plain * 3 + special + plain, and what it must become: long enough
 * (30,001 bytes and more) that the escapers' one-pass copy runs out of
 * buffer midway and hands over to their general loop, which must pick up
 * at the exact byte, in the middle of a run or at the special one. */
static void long_string(escaper fn, const char *open, char special, const char *escaped,
                        const char *close)
{
    size_t run = 10000;
    char *s = malloc(4 * run + 2), *want = malloc(4 * run + 64);
    assert_non_null(s);
    assert_non_null(want);
    for (size_t i = 0; i < 4 * run; i++)
        s[i] = (char)('a' + i % 26);
    s[3 * run] = special;
    s[4 * run] = '\0';
    int n = snprintf(want, 64, "%s", open);
    memcpy(want + n, s, 3 * run);
    n += (int)(3 * run);
    n += snprintf(want + n, 32, "%s", escaped);
    memcpy(want + n, s + 3 * run + 1, run - 1);
    n += (int)(run - 1);
    snprintf(want + n, 8, "%s", close);
    expect_escaped(fn, s, want);
    free(s);
    free(want);
}

static void long_strings_across_buffers(void **state)
{
    (void)state;
    long_string(kg_write_xml_text, "", '<', "&lt;", "");
    long_string(kg_write_json_string, "\"", '\\', "\\\\", "\"");
    long_string(kg_write_json_string_for_script, "\"", '&', "\\u0026", "\"");
    long_string(kg_write_cypher_string, "'", '\'', "\\'", "'");
    long_string(kg_write_ntriples_string, "\"", '\n', "\\n", "\"");
    long_string(kg_write_csv_field, "\"", '"', "\"\"", "\"");
}

/* Reads a DOT string written as "part" +\n"part"...: checks that every
 * part is shorter than Graphviz's 16,384 bytes, starts on a UTF-8 lead
 * byte and ends on a whole escape, and returns the parts joined. */
static char *dot_parts_joined(const char *dot, size_t *parts)
{
    char *joined = malloc(strlen(dot) + 1);
    assert_non_null(joined);
    size_t n = 0;
    *parts = 0;
    const char *p = dot;
    for (;;) {
        assert_int_equal(*p, '"');
        const char *start = ++p;
        assert_true(((unsigned char)*start & 0xC0) != 0x80); /* not mid-sequence */
        while (*p != '"') {
            assert_true(*p != '\0');
            if (*p == '\\')
                joined[n++] = *p++; /* an escape is two bytes, both in this part */
            joined[n++] = *p++;
        }
        assert_true(p - start < 16384);
        ++*parts;
        if (p[1] == '\0')
            break;
        assert_memory_equal(p, "\" +\n", 4);
        p += 4;
    }
    joined[n] = '\0';
    return joined;
}

/* Graphviz cannot read a quoted string of 16,384 bytes or more: longer
 * ones are split into parts it concatenates, never inside a UTF-8
 * sequence or an escape, and the parts hold exactly the one-part escape. */
static void dot_long_strings_split(void **state)
{
    (void)state;
    /* 70,000 bytes; a 4-byte emoji, a 2-byte letter and escapes in a
     * pattern whose period does not divide the part size, so boundaries
     * fall next to each of them */
    static const char *const pieces[] = {"\xF0\x9F\x9B\xB0", "\"", "\xC3\xA9", "\\",
                                         "a", "\n", "\xFF"};
    static const char *const escaped[] = {"\xF0\x9F\x9B\xB0", "\\\"", "\xC3\xA9",
                                          "\\\\", "a", "\\n", "\xEF\xBF\xBD"};
    size_t cap = 70000;
    char *s = malloc(cap + 8), *want = malloc(3 * cap + 8);
    assert_non_null(s);
    assert_non_null(want);
    size_t n = 0, m = 0;
    for (size_t i = 0; n < cap; i++) {
        size_t k = i % 11 < 7 ? i % 11 : 4; /* mostly plain 'a' */
        memcpy(s + n, pieces[k], strlen(pieces[k]));
        n += strlen(pieces[k]);
        memcpy(want + m, escaped[k], strlen(escaped[k]));
        m += strlen(escaped[k]);
    }
    s[n] = want[m] = '\0';
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    assert_int_equal(kg_write_dot_string(w, s), KG_OK);
    size_t parts;
    char *joined = dot_parts_joined(kg_writer_memory(w, NULL), &parts);
    assert_true(parts >= 5);
    assert_string_equal(joined, want);
    free(joined);
    kg_writer_abort(w);
    /* plain ASCII exactly three parts long: three full parts, no empty one */
    memset(s, 'a', 48000);
    s[48000] = '\0';
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    kg_write_dot_string(w, s);
    joined = dot_parts_joined(kg_writer_memory(w, NULL), &parts);
    assert_int_equal(parts, 3);
    assert_string_equal(joined, s);
    free(joined);
    kg_writer_abort(w);
    /* 5,332 bytes (under a third of a part) stay one part, even all quotes */
    memset(s, '"', 5332);
    s[5332] = '\0';
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    kg_write_dot_string(w, s);
    joined = dot_parts_joined(kg_writer_memory(w, NULL), &parts);
    assert_int_equal(parts, 1);
    free(joined);
    kg_writer_abort(w);
    free(s);
    free(want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dot_strings),
        cmocka_unit_test(xml_text),
        cmocka_unit_test(json_strings),
        cmocka_unit_test(json_in_script),
        cmocka_unit_test(long_strings_across_buffers),
        cmocka_unit_test(dot_long_strings_split),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
