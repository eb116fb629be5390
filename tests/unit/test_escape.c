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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dot_strings),
        cmocka_unit_test(xml_text),
        cmocka_unit_test(json_strings),
        cmocka_unit_test(json_in_script),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
