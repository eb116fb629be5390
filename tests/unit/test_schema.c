/* Unit tests for schema.c: the test and shipped schemas load; lookups,
 * Wikidata mapping and endpoint rules; each kind of schema error. */
#include "test_util.h"

static void loads_and_looks_up(void **state)
{
    (void)state;
    kg_schema *s = test_schema();
    assert_int_equal(kg_schema_node_type_count(s), 6);
    assert_string_equal(kg_schema_node_type(s, 0)->name, "body"); /* sorted */
    size_t org = kg_schema_find_node_type(s, "organisation");
    size_t treaty = kg_schema_find_node_type(s, "treaty");
    size_t signed_by = kg_schema_find_edge_type(s, "signed_by");
    assert_int_not_equal(org, KG_SCHEMA_NOT_FOUND);
    assert_int_equal(kg_schema_find_node_type(s, "nope"), KG_SCHEMA_NOT_FOUND);
    assert_true(kg_schema_allows(s, signed_by, treaty, org));
    assert_false(kg_schema_allows(s, signed_by, org, treaty));
    /* The one endpoint check every loader reports with. */
    kg_error err;
    assert_int_equal(kg_schema_check_end(s, signed_by, KG_EDGE_SOURCE, treaty, "t", &err), KG_OK);
    assert_int_equal(kg_schema_check_end(s, signed_by, KG_EDGE_SOURCE, org, "nato", &err),
                     KG_EINPUT);
    assert_string_equal(err.message,
                        "edge type 'signed_by' does not allow a source of type 'organisation' "
                        "('nato')");
    assert_string_equal(err.hint, "allowed: treaty");
    assert_int_equal(kg_schema_check_end(s, signed_by, KG_EDGE_TARGET, treaty, "t", NULL),
                     KG_EINPUT);
    assert_int_equal(kg_schema_find_wikidata_property(s, "P156"),
                     kg_schema_find_edge_type(s, "succeeded_by"));
    assert_int_equal(kg_schema_find_wikidata_property(s, "P9999"), KG_SCHEMA_NOT_FOUND);
    const kg_edge_type *t = kg_schema_edge_type(s, kg_schema_find_edge_type(s, "cooperates_with"));
    assert_true(t->is_symmetric);
    assert_string_equal(t->style.dir, "none");
    assert_string_equal(kg_schema_node_type(s, org)->style.fillcolor, "#1f4e79");
    assert_string_equal(kg_schema_suggest_edge_type(s, "signedby"), "signed_by");
    /* Reference counting: one more reference survives one free. */
    kg_schema *again = kg_schema_ref(s);
    kg_schema_free(s);
    assert_string_equal(kg_schema_node_type(again, 0)->name, "body");
    kg_schema_free(again);
}

static void shipped_schema_loads(void **state)
{
    (void)state;
    kg_schema *s;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    assert_int_equal(kg_schema_load(KG_SOURCE_DIR "/data/schema.json", &s, &d), KG_OK);
    const char *required_nodes[] = {"organisation", "body", "agency", "liaison_body", "treaty",
                                    "policy", "operation", "exercise", "programme", "place",
                                    "role", "person", "event"};
    for (size_t i = 0; i < sizeof required_nodes / sizeof *required_nodes; i++)
        assert_int_not_equal(kg_schema_find_node_type(s, required_nodes[i]), KG_SCHEMA_NOT_FOUND);
    const char *required_edges[] = {"succeeded_by", "operates_under", "located_at", "signed_by",
                                    "member_of", "part_of", "led_by", "supports",
                                    "established_by", "participated_in"};
    for (size_t i = 0; i < sizeof required_edges / sizeof *required_edges; i++) {
        size_t e = kg_schema_find_edge_type(s, required_edges[i]);
        assert_int_not_equal(e, KG_SCHEMA_NOT_FOUND);
        assert_non_null(kg_schema_edge_type(s, e)->description);
    }
    assert_int_equal(kg_schema_find_wikidata_property(s, "P1366"),
                     kg_schema_find_edge_type(s, "succeeded_by"));
    assert_int_equal(kg_schema_find_wikidata_property(s, "P463"),
                     kg_schema_find_edge_type(s, "member_of"));
    kg_schema_free(s);
    kg_diagnostics_clear(&d);
}

static void expect_schema_problem(const char *json, const char *pointer, const char *message)
{
    kg_schema *s = (kg_schema *)1;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    assert_int_not_equal(kg_schema_parse(json, strlen(json), "s.json", &s, &d), KG_OK);
    assert_null(s);
    bool seen = false;
    for (size_t i = 0; i < d.count && !seen; i++)
        seen = strcmp(d.items[i].pointer, pointer) == 0 && strstr(d.items[i].message, message);
    for (size_t i = 0; !seen && i < d.count; i++)
        fprintf(stderr, "  got: %s: %s\n", d.items[i].pointer, d.items[i].message);
    kg_diagnostics_clear(&d);
    assert_true(seen);
}

#define NT "\"node_types\": {\"place\": {\"description\": \"d\"}}"

static void schema_errors(void **state)
{
    (void)state;
    expect_schema_problem("{\"node_types\": {}, \"edge_types\": {}}", "",
                          "missing required key 'kg_schema'");
    expect_schema_problem("{\"kg_schema\": 2, " NT ", \"edge_types\": {}}", "/kg_schema",
                          "unsupported schema version");
    expect_schema_problem("{\"kg_schema\": 1, \"node_types\": {\"Place\": {\"description\": \"d\"}}, \"edge_types\": {}}",
                          "/node_types/Place", "invalid type name");
    expect_schema_problem("{\"kg_schema\": 1, " NT ", \"edge_types\": {\"e\": {\"description\": \"d\", "
                          "\"source\": [\"palce\"], \"target\": \"*\"}}}",
                          "/edge_types/e/source/0", "unknown node type 'palce'");
    expect_schema_problem("{\"kg_schema\": 1, " NT ", \"edge_types\": {\"e\": {\"description\": \"d\", "
                          "\"source\": \"*\"}}}",
                          "/edge_types/e", "missing required key 'target'");
    expect_schema_problem("{\"kg_schema\": 1, " NT ", \"edge_types\": {\"e\": {\"description\": \"d\", "
                          "\"source\": \"*\", \"target\": \"*\", \"wikidata\": [\"Q5\"]}}}",
                          "/edge_types/e/wikidata/0", "expected a Wikidata property id");
    expect_schema_problem("{\"kg_schema\": 1, \"node_types\": {\"place\": {\"description\": \"d\", "
                          "\"style\": {\"shap\": \"box\"}}}, \"edge_types\": {}}",
                          "/node_types/place/style/shap", "unknown key 'shap'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_and_looks_up),
        cmocka_unit_test(shipped_schema_loads),
        cmocka_unit_test(schema_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
