/* test_diagram.c - readable drawings: labels wrapped and cut within their
 * bounds whatever the text, the views' contents on the small data set, and
 * the drawing DOT (legend as a table, no legend nodes, timeline ranks). */
#include "test_util.h"

/* export_diagram.h (private to the export stage) */
void kg_diagram_cut_label(const char *s, char *out, size_t size, size_t line, size_t limit);

static kg_graph *small;

static int setup(void **state)
{
    (void)state;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    kg_status st = kg_dataset_load(KG_TEST_DATA "/small.kg.json", NULL, &small, &d);
    kg_diagnostics_clear(&d);
    return st == KG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    kg_graph_free(small);
    return 0;
}

static void cut(const char *s, size_t line, size_t limit, const char *expected)
{
    char out[6 * 64 + 16];
    kg_diagram_cut_label(s, out, sizeof out, line, limit);
    assert_string_equal(out, expected);
}

static void labels_wrap_at_words_and_cut_with_ellipsis(void **state)
{
    (void)state;
    cut("NATO Mission Iraq", 22, 66, "NATO Mission Iraq");
    cut("European Union Rule of Law Mission in Kosovo", 22, 66,
        "European Union Rule of\nLaw Mission in Kosovo");
    cut("  spaced\t\nout  ", 22, 66, "spaced out");
    cut("", 22, 66, "");
    /* a word longer than a line is broken */
    cut("abcdefghij", 4, 66, "abcd\nefgh\nij");
    /* cut after `limit` characters, ending in U+2026 */
    cut("one two three four", 22, 7, "one two\xE2\x80\xA6");
    cut("one two three", 22, 13, "one two three");
    /* characters, not bytes: five two-byte letters fit a line of five */
    cut("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 x", 5, 66,
        "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\nx");
    /* a multi-byte character is never split by the cut */
    cut("\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC", 22, 2, "\xE2\x82\xAC\xE2\x82\xAC\xE2\x80\xA6");
}

static void huge_label_costs_its_bound(void **state)
{
    (void)state;
    size_t n = 8u << 20; /* 8 MB of one word: read up to the cut only */
    char *huge = malloc(n + 1);
    assert_non_null(huge);
    memset(huge, 'x', n);
    huge[n] = '\0';
    char out[6 * 66 + 16];
    kg_diagram_cut_label(huge, out, sizeof out, 22, 66);
    assert_int_equal(strlen(out), 66 + 2 + 3); /* 66 x, two line breaks, "…" */
    free(huge);
}

static char *diagram_dot(const kg_diagram *d, const kg_export_options *o)
{
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    assert_int_equal(kg_diagram_dot(d, o, w, NULL), KG_OK);
    char *text = strdup(kg_writer_memory(w, NULL));
    kg_writer_abort(w);
    return text;
}

static void chain_is_a_timeline(void **state)
{
    (void)state;
    kg_diagram d;
    assert_int_equal(kg_view_chain(small, "succeeded_by", &d, NULL), KG_OK);
    assert_int_equal(d.kind, KG_DIAGRAM_TIMELINE);
    /* allied-harmony -> concordia (2003-03-31), sfor -> althea */
    assert_int_equal(kg_graph_node_count(d.graph), 4);
    assert_int_equal(kg_graph_edge_count(d.graph), 2);
    char *dot = diagram_dot(&d, NULL);
    assert_non_null(strstr(dot, "rank=\"same\"; \"kg:date:0\"; \"concordia\";"));
    assert_non_null(strstr(dot, "label=\"2003-03-31\""));
    assert_non_null(strstr(dot, "label=<<TABLE"));  /* legend and title: a table */
    assert_non_null(strstr(dot, ">operation</TD>"));
    assert_null(strstr(dot, ">place</TD>"));          /* types not drawn: not listed */
    assert_null(strstr(dot, "kg_legend"));
    free(dot);
    kg_diagram_clear(&d);
    kg_error err;
    assert_int_equal(kg_view_chain(small, "no_such_type", &d, &err), KG_EINPUT);
    assert_null(d.graph);
}

static void top_path_overview(void **state)
{
    (void)state;
    kg_diagram d;
    assert_int_equal(kg_view_top(small, KG_MEASURE_DEGREE, 3, &d, NULL), KG_OK);
    assert_int_equal(kg_graph_node_count(d.graph), 3);
    kg_diagram_clear(&d);

    size_t from = kg_graph_find_node(small, "allied-harmony");
    size_t to = kg_graph_find_node(small, "concordia");
    assert_int_equal(kg_view_path(small, from, to, &d, NULL), KG_OK);
    assert_int_equal(kg_graph_node_count(d.graph), 2);
    assert_non_null(d.is_centre);
    assert_true(d.is_centre[0] && d.is_centre[1]);
    kg_diagram_clear(&d);

    assert_int_equal(kg_view_overview(small, KG_GROUP_BY_TYPE, 1, &d, NULL), KG_OK);
    size_t members = 0;
    for (size_t k = 0; k < d.group_count; k++)
        members += d.group_sizes[k];
    assert_int_equal(members, kg_graph_node_count(small));
    assert_string_equal(d.group_names[0], "operation"); /* the largest group first */
    assert_int_equal(kg_graph_node_count(d.graph), d.group_count); /* one per group */
    size_t relations = 0;
    for (size_t k = 0; k < d.link_count; k++)
        relations += d.links[k].count;
    assert_int_equal(relations, kg_graph_edge_count(small));
    char *dot = diagram_dot(&d, NULL);
    assert_non_null(strstr(dot, "<B>operation</B> (4)"));
    free(dot);
    kg_diagram_clear(&d);
}

static void engine_by_size(void **state)
{
    (void)state;
    kg_diagram d;
    assert_int_equal(kg_view_select(small, NULL, NULL, &d, NULL), KG_OK);
    kg_export_options o = kg_export_defaults();
    assert_string_equal(kg_diagram_engine(&d, &o), "dot");
    o.layout = "circo";
    assert_string_equal(kg_diagram_engine(&d, &o), "circo");
    o = kg_export_defaults();
    o.max_pixels = 960;
    char *dot = diagram_dot(&d, &o);
    assert_non_null(strstr(dot, "size=\"10.00,10.00\""));
    free(dot);
    kg_diagram_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(labels_wrap_at_words_and_cut_with_ellipsis),
        cmocka_unit_test(huge_label_costs_its_bound),
        cmocka_unit_test(chain_is_a_timeline),
        cmocka_unit_test(top_path_overview),
        cmocka_unit_test(engine_by_size),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
