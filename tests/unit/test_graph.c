/* Unit tests for graph.c: building through the API, canonical ordering,
 * edge ids, interning, attribute lookup and filtering. */
#include "test_util.h"

static kg_graph *three_nodes(void)
{
    kg_graph *g;
    assert_int_equal(kg_graph_new(&g), KG_OK);
    const char *ids[] = {"c", "a", "b"};
    for (int i = 0; i < 3; i++) {
        kg_node n = {0};
        n.id = ids[i];
        n.type = "place";
        n.type_index = KG_SCHEMA_NOT_FOUND;
        size_t index;
        assert_int_equal(kg_graph_add_node(g, &n, &index), KG_OK);
        assert_int_equal(index, (size_t)i);
    }
    return g;
}

static void add_edge(kg_graph *g, size_t s, const char *type, size_t t, const char *id)
{
    kg_edge e = {0};
    e.source = s;
    e.target = t;
    e.type = type;
    e.id = id;
    e.type_index = KG_SCHEMA_NOT_FOUND;
    assert_int_equal(kg_graph_add_edge(g, &e), KG_OK);
}

static void sorts_nodes_and_edges(void **state)
{
    (void)state;
    kg_graph *g = three_nodes(); /* c=0 a=1 b=2 before finish */
    add_edge(g, 0, "z", 1, NULL); /* c -> a */
    add_edge(g, 1, "y", 2, NULL); /* a -> b */
    add_edge(g, 1, "x", 2, NULL); /* a -> b */
    add_edge(g, 1, "x", 2, NULL); /* parallel */
    assert_int_equal(kg_graph_finish(g, NULL), KG_OK);
    assert_string_equal(kg_graph_node(g, 0)->id, "a");
    assert_string_equal(kg_graph_node(g, 2)->id, "c");
    assert_int_equal(kg_graph_find_node(g, "c"), 2);
    const char *expected[] = {"a:x:b", "a:x:b:2", "a:y:b", "c:z:a"};
    for (size_t j = 0; j < 4; j++)
        assert_string_equal(kg_graph_edge(g, j)->id, expected[j]);
    assert_int_equal(kg_graph_edge(g, 3)->source, 2);
    assert_int_equal(kg_graph_edge(g, 3)->target, 0);
    assert_null(kg_graph_edge(g, 4));
    kg_graph_free(g);
}

static void rejects_duplicates(void **state)
{
    (void)state;
    kg_graph *g = three_nodes();
    kg_node n = {0};
    n.id = "a";
    assert_int_equal(kg_graph_add_node(g, &n, NULL), KG_EINPUT);
    add_edge(g, 0, "t", 1, "same");
    add_edge(g, 1, "t", 2, "same");
    kg_error err;
    assert_int_equal(kg_graph_finish(g, &err), KG_EINPUT);
    assert_non_null(strstr(err.message, "duplicate relation id 'same'"));
    kg_graph_free(g);
}

static void edge_to_missing_node_is_usage_error(void **state)
{
    (void)state;
    kg_graph *g = three_nodes();
    kg_edge e = {0};
    e.source = 0;
    e.target = 7;
    assert_int_equal(kg_graph_add_edge(g, &e), KG_EUSAGE);
    kg_graph_free(g);
}

static void interning_shares_storage(void **state)
{
    (void)state;
    kg_graph *g;
    kg_graph_new(&g);
    char a[] = "organisation", b[] = "organisation";
    const char *x, *y;
    assert_int_equal(kg_graph_intern(g, a, &x), KG_OK);
    assert_int_equal(kg_graph_intern(g, b, &y), KG_OK);
    assert_ptr_equal(x, y);
    assert_ptr_not_equal(x, a);
    kg_graph_free(g);
}

/* "Q997788" and "Q2087762" share the low 32 bits of their FNV-1a hash (the
 * part the tables keep; found by brute force): both must stay findable, by
 * the id index and by the string set, as the tables grow and rehash. */
static void ids_with_equal_hashes_stay_apart(void **state)
{
    (void)state;
    kg_graph *g;
    assert_int_equal(kg_graph_new(&g), KG_OK);
    char id[32];
    for (int i = 0; i < 5002; i++) {
        if (i < 2)
            snprintf(id, sizeof id, "%s", i == 0 ? "Q997788" : "Q2087762");
        else
            snprintf(id, sizeof id, "filler-%d", i);
        kg_node n = {0};
        n.id = id;
        n.type = "place";
        n.type_index = KG_SCHEMA_NOT_FOUND;
        assert_int_equal(kg_graph_add_node(g, &n, NULL), KG_OK);
    }
    assert_int_equal(kg_graph_find_node(g, "Q997788"), 0);
    assert_int_equal(kg_graph_find_node(g, "Q2087762"), 1);
    const char *a, *b;
    assert_int_equal(kg_graph_intern(g, "Q997788", &a), KG_OK);
    assert_int_equal(kg_graph_intern(g, "Q2087762", &b), KG_OK);
    assert_ptr_equal(a, kg_graph_node(g, 0)->id);
    assert_ptr_equal(b, kg_graph_node(g, 1)->id);
    assert_int_equal(kg_graph_find_node(g, "Q-1"), KG_SCHEMA_NOT_FOUND);
    kg_graph_free(g);
}

static void copies_and_sorts_attributes(void **state)
{
    (void)state;
    kg_graph *g;
    kg_graph_new(&g);
    char key[] = "zeta";
    kg_attr attrs[] = {{key, "1", KG_VALUE_INTEGER}, {"alpha", "x", KG_VALUE_STRING}};
    kg_node n = {0};
    n.id = "n";
    n.attrs = attrs;
    n.attr_count = 2;
    kg_graph_add_node(g, &n, NULL);
    key[0] = 'Z'; /* the graph must hold its own copy */
    kg_graph_finish(g, NULL);
    const kg_node *node = kg_graph_node(g, 0);
    assert_string_equal(node->attrs[0].key, "alpha");
    assert_string_equal(node->attrs[1].key, "zeta");
    assert_string_equal(kg_node_attr(node, "zeta")->text, "1");
    assert_null(kg_node_attr(node, "Zeta"));
    assert_string_equal(node->label, "n"); /* label defaults to id */
    kg_graph_free(g);
}

static void filter_keeps_selected(void **state)
{
    (void)state;
    kg_graph *g = three_nodes();
    add_edge(g, 0, "t", 1, NULL); /* c -> a */
    add_edge(g, 1, "t", 2, NULL); /* a -> b */
    kg_graph_finish(g, NULL);     /* a b c */
    bool keep_node[] = {true, true, false};
    kg_graph *sub;
    assert_int_equal(kg_graph_filter(g, keep_node, NULL, &sub), KG_OK);
    assert_int_equal(kg_graph_node_count(sub), 2);
    assert_int_equal(kg_graph_edge_count(sub), 1);
    assert_string_equal(kg_graph_edge(sub, 0)->id, "a:t:b");
    bool keep_edge[] = {false, true}; /* edges: a:t:b, c:t:a */
    kg_graph *sub2;
    assert_int_equal(kg_graph_filter(g, NULL, keep_edge, &sub2), KG_OK);
    assert_int_equal(kg_graph_node_count(sub2), 3);
    assert_int_equal(kg_graph_edge_count(sub2), 1);
    assert_string_equal(kg_graph_edge(sub2, 0)->id, "c:t:a");
    kg_graph_free(sub);
    kg_graph_free(sub2);
    kg_graph_free(g);
}

/* docs/architecture.md and graph.h state these sizes; keep them honest. */
static void documented_sizes(void **state)
{
    (void)state;
    if (sizeof(void *) != 8)
        skip();
    assert_int_equal(sizeof(kg_node), 96);
    assert_int_equal(sizeof(kg_edge), 80);
    assert_int_equal(sizeof(kg_evidence), 16);
    assert_int_equal(sizeof(kg_attr), 24);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sorts_nodes_and_edges),
        cmocka_unit_test(rejects_duplicates),
        cmocka_unit_test(edge_to_missing_node_is_usage_error),
        cmocka_unit_test(interning_shares_storage),
        cmocka_unit_test(ids_with_equal_hashes_stay_apart),
        cmocka_unit_test(copies_and_sorts_attributes),
        cmocka_unit_test(filter_keeps_selected),
        cmocka_unit_test(documented_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
