/* Unit tests for filter.c on tests/data/analysis.kg.json: node and edge
 * types kept or excluded, and --as-of before, within and after validity
 * intervals of every precision (hotel: 1990-05-01 .. 1999; delta: 2001 ..
 * 2003-06; echo from 2003-07; delta -> echo from 2003-07). */
#include "test_util.h"

static kg_graph *graph;

static int setup(void **state)
{
    (void)state;
    return kg_dataset_load(KG_TEST_DATA "/analysis.kg.json", NULL, &graph, NULL) == KG_OK ? 0
                                                                                           : -1;
}

static int teardown(void **state)
{
    (void)state;
    kg_graph_free(graph);
    return 0;
}

static bool has_node(const kg_graph *g, const char *id)
{
    return kg_graph_find_node(g, id) != KG_SCHEMA_NOT_FOUND;
}

static bool has_edge(const kg_graph *g, const char *id)
{
    for (size_t j = 0; j < kg_graph_edge_count(g); j++)
        if (strcmp(kg_graph_edge(g, j)->id, id) == 0)
            return true;
    return false;
}

static kg_graph *as_of(const char *date)
{
    kg_filter f;
    kg_filter_init(&f);
    assert_int_equal(kg_date_parse(date, &f.as_of), KG_OK);
    assert_false(kg_filter_is_empty(&f));
    kg_graph *out = NULL;
    assert_int_equal(kg_filter_apply(graph, &f, &out, NULL), KG_OK);
    return out;
}

static void empty_filter_keeps_everything(void **state)
{
    (void)state;
    kg_filter f;
    kg_filter_init(&f);
    assert_true(kg_filter_is_empty(&f));
    assert_true(kg_filter_is_empty(NULL));
    kg_graph *out;
    assert_int_equal(kg_filter_apply(graph, &f, &out, NULL), KG_OK);
    assert_int_equal(kg_graph_node_count(out), kg_graph_node_count(graph));
    assert_int_equal(kg_graph_edge_count(out), kg_graph_edge_count(graph));
    kg_graph_free(out);
}

static void as_of_before_within_after(void **state)
{
    (void)state;
    const char *before[] = {"1990-04-30", "1990-04", "1989"};
    for (size_t i = 0; i < 3; i++) {
        kg_graph *g = as_of(before[i]);
        assert_false(has_node(g, "hotel"));
        assert_false(has_edge(g, "hotel:signed_by:juliet"));
        assert_true(has_node(g, "juliet")); /* undated: always valid */
        assert_false(has_node(g, "delta"));
        kg_graph_free(g);
    }
    const char *within[] = {"1990-05-01", "1990-05", "1990", "1995-06-15", "1999-12-31"};
    for (size_t i = 0; i < 5; i++) {
        kg_graph *g = as_of(within[i]);
        assert_true(has_node(g, "hotel"));
        assert_true(has_edge(g, "hotel:signed_by:juliet"));
        kg_graph_free(g);
    }
    const char *after[] = {"2000-01-01", "2000", "2003-07"};
    for (size_t i = 0; i < 3; i++) {
        kg_graph *g = as_of(after[i]);
        assert_false(has_node(g, "hotel"));
        assert_false(has_edge(g, "hotel:signed_by:juliet"));
        kg_graph_free(g);
    }
}

static void as_of_succession(void **state)
{
    (void)state;
    kg_graph *g = as_of("2002");
    assert_true(has_node(g, "delta"));
    assert_false(has_node(g, "echo"));
    assert_false(has_edge(g, "golf:supports:echo")); /* its end is gone */
    assert_int_equal(kg_graph_node_count(g), 8);
    kg_graph_free(g);
    g = as_of("2003-06-30"); /* delta's last day, before echo and the succession */
    assert_true(has_node(g, "delta"));
    assert_false(has_node(g, "echo"));
    kg_graph_free(g);
    g = as_of("2003"); /* the year covers both */
    assert_true(has_node(g, "delta"));
    assert_true(has_node(g, "echo"));
    assert_true(has_edge(g, "delta:succeeded_by:echo"));
    kg_graph_free(g);
    g = as_of("2003-07-01");
    assert_false(has_node(g, "delta"));
    assert_true(has_node(g, "echo"));
    assert_false(has_edge(g, "delta:succeeded_by:echo"));
    kg_graph_free(g);
}

static void by_type(void **state)
{
    (void)state;
    const char *node_types[] = {"organisation", "body"};
    const char *edge_types[] = {"supports"};
    kg_filter f;
    kg_filter_init(&f);
    f.node_types = node_types;
    f.node_type_count = 2;
    f.exclude_edge_types = edge_types;
    f.exclude_edge_type_count = 1;
    bool keep_node[10], keep_edge[11];
    assert_int_equal(kg_filter_mark(graph, &f, keep_node, keep_edge, NULL), KG_OK);
    kg_graph *g;
    assert_int_equal(kg_filter_apply(graph, &f, &g, NULL), KG_OK);
    assert_int_equal(kg_graph_node_count(g), 4); /* alpha bravo charlie golf */
    /* the two alpha-bravo relations and charlie part_of alpha */
    assert_int_equal(kg_graph_edge_count(g), 3);
    assert_true(has_edge(g, "alpha-bravo-at-sea"));
    assert_false(has_edge(g, "alpha:supports:alpha"));
    kg_graph_free(g);

    kg_filter_init(&f);
    f.exclude_node_types = node_types;
    f.exclude_node_type_count = 2;
    f.edge_types = edge_types;
    f.edge_type_count = 1;
    assert_int_equal(kg_filter_apply(graph, &f, &g, NULL), KG_OK);
    assert_int_equal(kg_graph_node_count(g), 6);
    assert_int_equal(kg_graph_edge_count(g), 0); /* every 'supports' touches a body */
    kg_graph_free(g);
}

static void unknown_types_are_errors(void **state)
{
    (void)state;
    const char *bad_node[] = {"organization"};
    const char *bad_edge[] = {"suports"};
    kg_filter f;
    kg_filter_init(&f);
    f.node_types = bad_node;
    f.node_type_count = 1;
    kg_error err;
    kg_graph *g = (kg_graph *)1;
    assert_int_equal(kg_filter_apply(graph, &f, &g, &err), KG_EINPUT);
    assert_null(g);
    assert_string_equal(err.message, "unknown node type 'organization'");
    assert_string_equal(err.hint, "did you mean 'organisation'?");
    kg_filter_init(&f);
    f.exclude_edge_types = bad_edge;
    f.exclude_edge_type_count = 1;
    assert_int_equal(kg_filter_mark(graph, &f, NULL, NULL, &err), KG_EINPUT);
    assert_string_equal(err.message, "unknown edge type 'suports'");
    assert_string_equal(err.hint, "did you mean 'supports'?");
    /* a type the schema knows but the data set does not use is fine */
    const char *unused[] = {"cooperates_with", "signed_by"};
    kg_filter_init(&f);
    f.edge_types = unused;
    f.edge_type_count = 2;
    assert_int_equal(kg_filter_apply(graph, &f, &g, NULL), KG_OK);
    assert_int_equal(kg_graph_edge_count(g), 3);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_filter_keeps_everything),
        cmocka_unit_test(as_of_before_within_after),
        cmocka_unit_test(as_of_succession),
        cmocka_unit_test(by_type),
        cmocka_unit_test(unknown_types_are_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
