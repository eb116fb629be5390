/* The review page (kg review): the template is filled, and the embedded
 * JSON reads back exactly (the data set's own text, each source's text,
 * the schema's types) with no character that could end its <script>
 * element. What the page does in a browser is tests/cli/test_review.sh. */
#include <jansson.h>

#include "test_util.h"

static const char hostile[] = "</script><script>alert(1)</script><!-- & \xE2\x80\xA8";
static const char dataset_text[] =
    "{\"kg\": 1, \"title\": \"</script>\", \"entities\": [], \"relations\": []}\n";

static kg_graph *review_graph(void)
{
    kg_graph *g = NULL;
    assert_int_equal(kg_graph_new(&g), KG_OK);
    kg_graph_set_schema(g, test_schema());
    assert_int_equal(kg_graph_set_title(g, hostile), KG_OK);
    kg_source a = {.id = "a", .title = "A", .file = "a.txt"};
    kg_source b = {.id = "b", .file = "missing.txt"};
    assert_int_equal(kg_graph_add_source(g, &a), KG_OK);
    assert_int_equal(kg_graph_add_source(g, &b), KG_OK);
    assert_int_equal(kg_graph_finish(g, NULL), KG_OK);
    return g;
}

static char *page_of(const kg_graph *g, const char *const *texts)
{
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    kg_error err;
    assert_int_equal(kg_export_review(g, dataset_text, "dir/x.cand.kg.json", texts, w, &err), KG_OK);
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

/* The text of the JSON data element. */
static json_t *embedded(const char *page)
{
    const char *tag = "<script type=\"application/json\" id=\"kg-review\">";
    const char *start = strstr(page, tag);
    assert_non_null(start);
    start += strlen(tag);
    const char *end = strstr(start, "</script>");
    assert_non_null(end);
    for (const char *p = start; p < end; p++)
        assert_true(*p != '<' && *p != '>' && *p != '&');
    json_error_t jerr;
    json_t *data = json_loadb(start, (size_t)(end - start), 0, &jerr);
    assert_non_null(data);
    return data;
}

static void page_is_complete_and_safe(void **state)
{
    (void)state;
    kg_graph *g = review_graph();
    const char *texts[] = {hostile, NULL};
    char *page = page_of(g, texts);
    assert_int_equal(strncmp(page, "<!DOCTYPE html>\n", 16), 0);
    assert_null(strstr(page, "@KG_"));
    assert_int_equal(count(page, "<script"), 2);
    assert_int_equal(count(page, "</script>"), 2);
    json_t *data = embedded(page);
    assert_int_equal(json_integer_value(json_object_get(data, "kg_review")), 1);
    assert_string_equal(json_string_value(json_object_get(data, "dataset")), dataset_text);
    assert_string_equal(json_string_value(json_object_get(data, "title")), hostile);
    assert_string_equal(json_string_value(json_object_get(data, "file")), "x.cand.kg.json");
    json_t *sources = json_object_get(data, "sources");
    assert_int_equal(json_array_size(sources), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(sources, 0), "text")),
                        hostile);
    assert_true(json_is_null(json_object_get(json_array_get(sources, 1), "text")));
    assert_string_equal(json_string_value(json_object_get(json_array_get(sources, 1), "title")),
                        "b"); /* no title: the id */
    json_t *node_types = json_object_get(data, "node_types");
    assert_true(json_array_size(node_types) > 0);
    json_t *edge_types = json_object_get(data, "edge_types");
    assert_true(json_array_size(edge_types) > 0);
    json_t *first = json_array_get(edge_types, 0);
    assert_true(json_is_string(json_object_get(first, "name")));
    json_t *from = json_object_get(first, "source_types");
    assert_true(json_is_null(from) || json_is_array(from));
    json_decref(data);
    free(page);
    kg_graph_free(g);
}

static void no_texts_and_determinism(void **state)
{
    (void)state;
    kg_graph *g = review_graph();
    char *one = page_of(g, NULL), *two = page_of(g, NULL);
    assert_string_equal(one, two);
    json_t *data = embedded(one);
    json_t *sources = json_object_get(data, "sources");
    assert_true(json_is_null(json_object_get(json_array_get(sources, 0), "text")));
    json_decref(data);
    free(one);
    free(two);
    kg_graph_free(g);
}

static void refuses_missing_arguments(void **state)
{
    (void)state;
    kg_graph *g = review_graph();
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    kg_error err;
    assert_int_equal(kg_export_review(NULL, dataset_text, NULL, NULL, w, &err), KG_EUSAGE);
    assert_int_equal(kg_export_review(g, NULL, NULL, NULL, w, &err), KG_EUSAGE);
    assert_int_equal(kg_export_review(g, dataset_text, NULL, NULL, NULL, &err), KG_EUSAGE);
    kg_writer_abort(w);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(page_is_complete_and_safe),
        cmocka_unit_test(no_texts_and_determinism),
        cmocka_unit_test(refuses_missing_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
