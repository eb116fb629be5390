/* The HTML viewer export: the page holds the template, the style sheet and
 * both scripts; the embedded graph is JSON that jansson reads back exactly,
 * with no character that could end its <script> element. What the page
 * does in a browser is tests/cli/test_viewer.sh. */
#include <jansson.h>

#include "test_util.h"

static const char hostile[] = "</script><script>alert(1)</script>";
static const char separators[] = "line\xE2\x80\xA8para\xE2\x80\xA9<!-- & -->";

/* Two nodes with hostile text, one dated edge, attributes of every kind
 * (one REAL whose text is not JSON: it must come out as a string). */
static kg_graph *hostile_graph(void)
{
    kg_graph *g = NULL;
    assert_int_equal(kg_graph_new(&g), KG_OK);
    kg_graph_set_schema(g, test_schema());
    assert_int_equal(kg_graph_set_title(g, hostile), KG_OK);
    kg_source src = {.id = "s", .title = separators, .url = "javascript:alert(2)"};
    assert_int_equal(kg_graph_add_source(g, &src), KG_OK);
    const char *aliases[] = {separators};
    kg_evidence ev = {.source = "s", .quote = hostile};
    kg_attr attrs[] = {{"count", "12", KG_VALUE_INTEGER},
                       {"odd", "nan", KG_VALUE_REAL},
                       {"ok", "true", KG_VALUE_BOOLEAN},
                       {"text", hostile, KG_VALUE_STRING}};
    kg_node a = {.id = "a", .type = "organisation", .label = hostile, .aliases = aliases,
                 .alias_count = 1, .attrs = attrs, .attr_count = 4};
    kg_node b = {.id = "b", .type = "place", .label = "B"};
    size_t ia, ib;
    assert_int_equal(kg_graph_add_node(g, &a, &ia), KG_OK);
    assert_int_equal(kg_graph_add_node(g, &b, &ib), KG_OK);
    kg_edge e = {.type = "located_at", .source = ia, .target = ib, .evidence = &ev,
                 .evidence_count = 1};
    assert_int_equal(kg_date_parse("2003-02", &e.start), KG_OK);
    assert_int_equal(kg_date_parse("2004", &e.end), KG_OK);
    assert_int_equal(kg_graph_add_edge(g, &e), KG_OK);
    assert_int_equal(kg_graph_finish(g, NULL), KG_OK);
    return g;
}

static char *html_of(const kg_graph *g)
{
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    kg_error err;
    assert_int_equal(kg_export(g, KG_FORMAT_HTML, NULL, w, &err), KG_OK);
    char *text = strdup(kg_writer_memory(w, NULL));
    kg_writer_abort(w);
    assert_non_null(text);
    return text;
}

static size_t count(const char *haystack, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void format_is_named_html(void **state)
{
    (void)state;
    kg_format f;
    assert_int_equal(kg_format_from_name("html", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_HTML);
    assert_string_equal(kg_format_extension(KG_FORMAT_HTML), "html");
    assert_true(kg_format_is_default(KG_FORMAT_HTML));
}

static void page_is_complete(void **state)
{
    (void)state;
    kg_graph *g = hostile_graph();
    char *page = html_of(g);
    assert_int_equal(strncmp(page, "<!DOCTYPE html>\n", 16), 0);
    assert_null(strstr(page, "@KG_")); /* every marker filled */
    assert_int_equal(count(page, "<script"), 3);
    assert_int_equal(count(page, "</script>"), 3);
    assert_non_null(strstr(page, "cytoscape")); /* the vendored library */
    assert_non_null(strstr(page, "window.kgViewer")); /* the viewer script */
    assert_null(strstr(page, hostile));
    /* The title element holds the title as HTML text. */
    assert_non_null(strstr(page, "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
    free(page);
    kg_graph_free(g);
}

/* The graph as JSON: every string back exactly, dates as days, and each
 * node's position. */
static void data_reads_back_exactly(void **state)
{
    (void)state;
    kg_graph *g = hostile_graph();
    char *page = html_of(g);
    const char open[] = "<script type=\"application/json\" id=\"kg-data\">";
    char *start = strstr(page, open);
    assert_non_null(start);
    start += sizeof open - 1;
    char *end = strstr(start, "</script>");
    assert_non_null(end);
    *end = '\0';
    /* Nothing in the data could end or confuse the element. */
    assert_null(strpbrk(start, "<>&"));
    assert_null(strstr(start, "\xE2\x80\xA8"));
    assert_null(strstr(start, "\xE2\x80\xA9"));

    json_error_t jerr;
    json_t *root = json_loads(start, JSON_REJECT_DUPLICATES, &jerr);
    assert_non_null(root);
    assert_int_equal(json_integer_value(json_object_get(root, "kg_viewer")), 1);
    assert_string_equal(json_string_value(json_object_get(root, "title")), hostile);
    json_t *a = json_array_get(json_object_get(root, "nodes"), 0);
    assert_string_equal(json_string_value(json_object_get(a, "label")), hostile);
    assert_string_equal(json_string_value(json_array_get(json_object_get(a, "aliases"), 0)), separators);
    json_t *attrs = json_object_get(a, "attributes");
    assert_int_equal(json_integer_value(json_object_get(attrs, "count")), 12);
    assert_string_equal(json_string_value(json_object_get(attrs, "odd")), "nan");
    assert_true(json_is_true(json_object_get(attrs, "ok")));
    json_t *e = json_array_get(json_object_get(root, "edges"), 0);
    assert_string_equal(json_string_value(json_object_get(e, "start")), "2003-02");
    assert_int_equal(json_integer_value(json_object_get(e, "start_day")), 20030201);
    assert_string_equal(json_string_value(json_object_get(e, "end")), "2004");
    assert_int_equal(json_integer_value(json_object_get(e, "end_day")), 20041231);
    json_t *quote = json_object_get(json_array_get(json_object_get(e, "evidence"), 0), "quote");
    assert_string_equal(json_string_value(quote), hostile);
    /* Positions from the build-time layout: whole px, the two entities
     * apart (boxes at least 24 px tall, 12 px of separation). */
    json_t *b = json_array_get(json_object_get(root, "nodes"), 1);
    assert_true(json_is_integer(json_object_get(a, "x")) && json_is_integer(json_object_get(a, "y")));
    assert_true(json_is_integer(json_object_get(b, "x")) && json_is_integer(json_object_get(b, "y")));
    long dx = labs((long)(json_integer_value(json_object_get(a, "x")) - json_integer_value(json_object_get(b, "x"))));
    long dy = labs((long)(json_integer_value(json_object_get(a, "y")) - json_integer_value(json_object_get(b, "y"))));
    assert_true(dx >= 36 || dy >= 36);
    json_t *types = json_object_get(root, "node_types");
    assert_int_equal(json_array_size(types), kg_schema_node_type_count(kg_graph_schema(g)));
    json_decref(root);
    free(page);
    kg_graph_free(g);
}

static void output_is_deterministic(void **state)
{
    (void)state;
    kg_graph *g = hostile_graph();
    char *first = html_of(g);
    char *second = html_of(g);
    assert_string_equal(first, second);
    free(first);
    free(second);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_is_named_html),
        cmocka_unit_test(page_is_complete),
        cmocka_unit_test(data_reads_back_exactly),
        cmocka_unit_test(output_is_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
