/* Unit tests for resolve.c on tests/data/analysis.kg.json: names found by
 * id, label and alias, ignoring case, accents and separators; ambiguous
 * names listing their candidates; unknown names with a suggestion. */
#include "test_util.h"

static kg_graph *graph;
static kg_resolver *resolver;

static int setup(void **state)
{
    (void)state;
    if (kg_dataset_load(KG_TEST_DATA "/analysis.kg.json", NULL, &graph, NULL) != KG_OK)
        return -1;
    return kg_resolver_new(graph, &resolver, NULL) == KG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    kg_resolver_free(resolver);
    kg_graph_free(graph);
    return 0;
}

/* The id of the node `name` resolves to, or "" with the error in err. */
static const char *resolve(const char *name, kg_error *err)
{
    size_t node;
    kg_error_clear(err);
    if (kg_resolve(resolver, name, &node, err) != KG_OK)
        return "";
    return kg_graph_node(graph, node)->id;
}

static void by_id_label_and_alias(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(resolve("charlie", &err), "charlie");
    assert_string_equal(resolve("Charlie Council", &err), "charlie");
    assert_string_equal(resolve("AO", &err), "alpha");
    assert_string_equal(resolve("alpha organisation", &err), "alpha");
    assert_string_equal(resolve("Mercury of Juliet", &err), "juliet");
}

static void ignoring_case_accents_and_separators(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(resolve("Türkiye", &err), "bravo");
    assert_string_equal(resolve("turkiye", &err), "bravo");
    assert_string_equal(resolve("TÜRKIYE", &err), "bravo");
    assert_string_equal(resolve("  operation_DELTA ", &err), "delta");
    assert_string_equal(resolve("Operation-Échó", &err), "echo");
    assert_string_equal(resolve("CHARLIE", &err), "charlie");
}

static void ambiguous_names_list_candidates(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(resolve("mercury", &err), "");
    assert_int_equal(err.status, KG_EINPUT);
    assert_non_null(strstr(err.message, "'mercury' is ambiguous: 2 entities match"));
    assert_non_null(strstr(err.hint, "'india' (Mercury), 'juliet' (Mercury)"));

    size_t nodes[4], total;
    assert_int_equal(kg_resolve_candidates(resolver, "MERCURY", nodes, 4, &total, NULL), KG_OK);
    assert_int_equal(total, 2);
    assert_string_equal(kg_graph_node(graph, nodes[0])->id, "india");
    assert_string_equal(kg_graph_node(graph, nodes[1])->id, "juliet");
    assert_int_equal(kg_resolve_candidates(resolver, "mercury", nodes, 1, &total, NULL), KG_OK);
    assert_int_equal(total, 2); /* counted beyond max */
    /* an exact id wins over labels and aliases */
    assert_int_equal(kg_resolve_candidates(resolver, "india", nodes, 4, &total, NULL), KG_OK);
    assert_int_equal(total, 1);
}

static void unknown_names_suggest(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(resolve("Operation Delt", &err), "");
    assert_int_equal(err.status, KG_EINPUT);
    assert_string_equal(err.message, "unknown entity 'Operation Delt'");
    assert_string_equal(err.hint, "did you mean 'Operation Delta'?");
    assert_string_equal(resolve("Turkey", &err), "");
    assert_string_equal(err.hint, "did you mean 'Türkiye'?");
    assert_string_equal(resolve("zzzzzzzzzzzz", &err), "");
    assert_string_equal(err.hint, "");
    size_t total = 9;
    assert_int_equal(kg_resolve_candidates(resolver, "nobody", NULL, 0, &total, NULL), KG_OK);
    assert_int_equal(total, 0);
}

static void one_off_lookup(void **state)
{
    (void)state;
    size_t node;
    assert_int_equal(kg_resolve_node(graph, "golf", &node, NULL), KG_OK);
    assert_string_equal(kg_graph_node(graph, node)->id, "golf");
    assert_int_equal(kg_resolve_node(graph, "gofl", &node, NULL), KG_EINPUT);
    /* a long name is folded on the heap, not truncated */
    char long_name[600];
    memset(long_name, 'x', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    assert_int_equal(kg_resolve_node(graph, long_name, &node, NULL), KG_EINPUT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(by_id_label_and_alias),
        cmocka_unit_test(ignoring_case_accents_and_separators),
        cmocka_unit_test(ambiguous_names_list_candidates),
        cmocka_unit_test(unknown_names_suggest),
        cmocka_unit_test(one_off_lookup),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
