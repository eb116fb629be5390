/* Unit tests for dataset.c: the shipped fixture loads into the expected
 * graph, and each kind of validation problem is reported with its JSON
 * Pointer (or line:column) and a useful hint. */
#include "test_util.h"

#define HEAD "{\"kg\": 1, \"sources\": [{\"id\": \"s\", \"title\": \"t\", \"url\": \"u\"}],\n"
#define EV "\"evidence\": {\"source\": \"s\", \"quote\": \"q\"}"
#define ORG(id) "{\"id\": \"" id "\", \"type\": \"organisation\", \"label\": \"" id "\"}"
#define TWO_ORGS "\"entities\": [" ORG("a") ", " ORG("b") "],\n"

static kg_schema *schema;

static int setup(void **state)
{
    (void)state;
    schema = test_schema();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kg_schema_free(schema);
    return 0;
}

static kg_status parse(const char *json, kg_graph **g, kg_diagnostics *d)
{
    kg_load_options o = {0};
    o.schema = schema;
    kg_diagnostics_init(d, 0);
    return kg_dataset_parse(json, strlen(json), "test.kg.json", NULL, &o, g, d);
}

/* Asserts that parsing json fails with a problem at pointer whose message
 * contains `message` and whose hint contains `hint` (when not NULL). */
static void expect_problem(const char *json, const char *pointer, const char *message,
                           const char *hint)
{
    kg_graph *g = (kg_graph *)1;
    kg_diagnostics d;
    assert_int_equal(parse(json, &g, &d), KG_EINPUT);
    assert_null(g);
    bool seen = false;
    for (size_t i = 0; i < d.count && !seen; i++)
        seen = strcmp(d.items[i].pointer, pointer) == 0 &&
               strstr(d.items[i].message, message) &&
               (!hint || strstr(d.items[i].hint, hint)) &&
               strcmp(d.items[i].file, "test.kg.json") == 0;
    if (!seen)
        for (size_t i = 0; i < d.count; i++)
            fprintf(stderr, "  got: %s: %s; %s\n", d.items[i].pointer, d.items[i].message,
                    d.items[i].hint);
    kg_diagnostics_clear(&d);
    assert_true(seen);
}

static void loads_fixture(void **state)
{
    (void)state;
    kg_graph *g = NULL;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    assert_int_equal(kg_dataset_load(KG_TEST_DATA "/small.kg.json", NULL, &g, &d), KG_OK);
    assert_int_equal(d.count, 0);
    assert_string_equal(kg_graph_name(g), "small");
    assert_string_equal(kg_graph_title(g), "A small test graph");
    assert_int_equal(kg_graph_node_count(g), 10);
    assert_int_equal(kg_graph_edge_count(g), 12);
    for (size_t i = 1; i < kg_graph_node_count(g); i++)
        assert_true(strcmp(kg_graph_node(g, i - 1)->id, kg_graph_node(g, i)->id) < 0);
    const kg_node *union_node = kg_graph_node(g, kg_graph_find_node(g, "union"));
    assert_string_equal(union_node->type, "organisation");
    assert_int_equal(union_node->alias_count, 2);
    assert_int_equal(kg_node_attr(union_node, "members")->kind, KG_VALUE_INTEGER);
    assert_string_equal(kg_node_attr(union_node, "share")->text, "0.5");
    assert_int_equal(kg_node_attr(union_node, "is_union")->kind, KG_VALUE_BOOLEAN);
    assert_int_equal(kg_node_attr(union_node, "founded_text")->kind, KG_VALUE_STRING);
    /* The two parallel cooperates_with edges keep their own ids. */
    assert_string_equal(kg_graph_edge(g, 0)->id, "alliance:cooperates_with:union");
    assert_string_equal(kg_graph_edge(g, 1)->id, "second-cooperation");
    const kg_edge *e = kg_graph_edge(g, 0);
    assert_string_equal(kg_graph_node(g, e->source)->id, "alliance");
    assert_string_equal(kg_graph_node(g, e->target)->id, "union");
    assert_int_equal(e->evidence_count, 1);
    assert_string_equal(e->evidence[0].source, "small");
    kg_diagnostics_clear(&d);
    kg_graph_free(g);
}

static void parallel_edges_get_numbered_ids(void **state)
{
    (void)state;
    const char *json = HEAD TWO_ORGS "\"relations\": ["
        "{\"source\": \"a\", \"type\": \"supports\", \"target\": \"b\", " EV "},"
        "{\"source\": \"a\", \"type\": \"supports\", \"target\": \"b\", " EV "},"
        "{\"source\": \"a\", \"type\": \"supports\", \"target\": \"b\", \"id\": \"a:supports:b:3\", " EV "}]}";
    kg_graph *g;
    kg_diagnostics d;
    assert_int_equal(parse(json, &g, &d), KG_OK);
    assert_string_equal(kg_graph_edge(g, 0)->id, "a:supports:b");
    assert_string_equal(kg_graph_edge(g, 1)->id, "a:supports:b:2");
    assert_string_equal(kg_graph_edge(g, 2)->id, "a:supports:b:3");
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static void unknown_node_type(void **state)
{
    (void)state;
    expect_problem(HEAD "\"entities\": [{\"id\": \"a\", \"type\": \"organization\", \"label\": \"A\"}], \"relations\": []}",
                   "/entities/0/type", "unknown node type 'organization'",
                   "did you mean 'organisation'?");
}

static void unknown_edge_type(void **state)
{
    (void)state;
    expect_problem(HEAD TWO_ORGS "\"relations\": [{\"source\": \"a\", \"type\": \"suports\", \"target\": \"b\", " EV "}]}",
                   "/relations/0/type", "unknown edge type 'suports'", "did you mean 'supports'?");
}

static void unknown_endpoint(void **state)
{
    (void)state;
    expect_problem(HEAD "\"entities\": [" ORG("alliance") ", " ORG("union") "], \"relations\": ["
                   "{\"source\": \"alliance\", \"type\": \"supports\", \"target\": \"unoin\", " EV "}]}",
                   "/relations/0/target", "unknown entity 'unoin'", "did you mean 'union'?");
}

static void endpoint_type_not_allowed(void **state)
{
    (void)state;
    expect_problem(HEAD TWO_ORGS "\"relations\": [{\"source\": \"a\", \"type\": \"signed_by\", \"target\": \"b\", " EV "}]}",
                   "/relations/0/source", "does not allow a source of type 'organisation'",
                   "allowed: treaty");
}

static void duplicate_entity_id(void **state)
{
    (void)state;
    expect_problem(HEAD "\"entities\": [" ORG("a") ", " ORG("a") "], \"relations\": []}",
                   "/entities/1/id", "duplicate entity id 'a' (first at /entities/0)", NULL);
}

static void alias_claimed_twice(void **state)
{
    (void)state;
    expect_problem(HEAD "\"entities\": ["
                   "{\"id\": \"a\", \"type\": \"organisation\", \"label\": \"A\", \"aliases\": [\"X\"]},"
                   "{\"id\": \"b\", \"type\": \"organisation\", \"label\": \"B\", \"aliases\": [\"x\"]}],"
                   "\"relations\": []}",
                   "/entities/1/aliases/0", "alias 'x' is also claimed by /entities/0", NULL);
    expect_problem(HEAD "\"entities\": ["
                   "{\"id\": \"a\", \"type\": \"organisation\", \"label\": \"Alpha\"},"
                   "{\"id\": \"b\", \"type\": \"organisation\", \"label\": \"B\", \"aliases\": [\"alpha\"]}],"
                   "\"relations\": []}",
                   "/entities/1/aliases/0", "is the id or label of another entity (/entities/0)", NULL);
}

static void bad_dates(void **state)
{
    (void)state;
    expect_problem(HEAD "\"entities\": [{\"id\": \"a\", \"type\": \"organisation\", \"label\": \"A\", \"start\": \"2003-02-30\"}], \"relations\": []}",
                   "/entities/0/start", "invalid date '2003-02-30'", "YYYY-MM");
    expect_problem(HEAD TWO_ORGS "\"relations\": [{\"source\": \"a\", \"type\": \"supports\", \"target\": \"b\", "
                   "\"start\": \"2004\", \"end\": \"2003-12\", " EV "}]}",
                   "/relations/0/end", "end 2003-12 is before start 2004", NULL);
}

static void same_period_at_two_precisions_is_fine(void **state)
{
    (void)state;
    kg_graph *g;
    kg_diagnostics d;
    const char *json = HEAD TWO_ORGS "\"relations\": [{\"source\": \"a\", \"type\": \"supports\", "
        "\"target\": \"b\", \"start\": \"2003-03\", \"end\": \"2003\", " EV "}]}";
    assert_int_equal(parse(json, &g, &d), KG_OK);
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static void missing_evidence(void **state)
{
    (void)state;
    expect_problem(HEAD TWO_ORGS "\"relations\": [{\"source\": \"a\", \"type\": \"supports\", \"target\": \"b\"}]}",
                   "/relations/0", "missing evidence", "quote");
    expect_problem(HEAD TWO_ORGS "\"relations\": [{\"source\": \"a\", \"type\": \"supports\", \"target\": \"b\", \"evidence\": []}]}",
                   "/relations/0/evidence", "missing evidence", NULL);
    expect_problem(HEAD TWO_ORGS "\"relations\": [{\"source\": \"a\", \"type\": \"supports\", \"target\": \"b\", "
                   "\"evidence\": [{\"source\": \"s\", \"quote\": \"\"}]}]}",
                   "/relations/0/evidence/0/quote", "must not be empty", NULL);
}

static void evidence_unknown_source(void **state)
{
    (void)state;
    expect_problem(HEAD TWO_ORGS "\"relations\": [{\"source\": \"a\", \"type\": \"supports\", \"target\": \"b\", "
                   "\"evidence\": [{\"source\": \"ss\", \"quote\": \"q\"}]}]}",
                   "/relations/0/evidence/0/source", "unknown source 'ss'", "did you mean 's'?");
}

static void unknown_key(void **state)
{
    (void)state;
    expect_problem(HEAD "\"entities\": [{\"id\": \"a\", \"type\": \"organisation\", \"lable\": \"A\"}], \"relations\": []}",
                   "/entities/0/lable", "unknown key 'lable'", "did you mean 'label'?");
}

static void wrong_value_type(void **state)
{
    (void)state;
    expect_problem(HEAD "\"entities\": [{\"id\": \"a\", \"type\": \"organisation\", \"label\": 5}], \"relations\": []}",
                   "/entities/0/label", "expected a string, found an integer", NULL);
    expect_problem(HEAD "\"entities\": [{\"id\": \"a\", \"type\": \"organisation\", \"label\": \"A\", "
                   "\"attributes\": {\"x\": [1]}}], \"relations\": []}",
                   "/entities/0/attributes/x", "strings, numbers or booleans", NULL);
    expect_problem(HEAD "\"entities\": [{\"id\": \"a b\", \"type\": \"organisation\", \"label\": \"A\"}], \"relations\": []}",
                   "/entities/0/id", "invalid entity id 'a b'", NULL);
}

static void syntax_errors_have_line_and_column(void **state)
{
    (void)state;
    kg_graph *g;
    kg_diagnostics d;
    assert_int_equal(parse("{\n  \"kg\": 1,\n  \"entities\": [,]\n}", &g, &d), KG_EINPUT);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, 3);
    assert_true(d.items[0].column > 0);
    kg_diagnostics_clear(&d);
    assert_int_equal(parse("{\"kg\": 1, \"kg\": 1}", &g, &d), KG_EINPUT);
    assert_non_null(strstr(d.items[0].message, "duplicate"));
    assert_int_equal(d.items[0].line, 1);
    kg_diagnostics_clear(&d);
}

static void reports_every_problem_up_to_the_limit(void **state)
{
    (void)state;
    char json[16384];
    size_t n = (size_t)snprintf(json, sizeof json, HEAD "\"entities\": [");
    for (int i = 0; i < 60; i++)
        n += (size_t)snprintf(json + n, sizeof json - n,
                              "%s{\"id\": \"e%d\", \"type\": \"bogus\", \"label\": \"E\"}",
                              i ? "," : "", i);
    snprintf(json + n, sizeof json - n, "], \"relations\": []}");
    kg_graph *g;
    kg_diagnostics d;
    assert_int_equal(parse(json, &g, &d), KG_EINPUT);
    assert_int_equal(d.count, KG_DIAGNOSTICS_DEFAULT_LIMIT);
    assert_int_equal(kg_diagnostics_total(&d), 60);
    assert_string_equal(d.items[59 - 10].pointer, "/entities/49/type");
    kg_diagnostics_clear(&d);
}

static void limits(void **state)
{
    (void)state;
    kg_load_options o = {0};
    o.schema = schema;
    o.max_nodes = 1;
    kg_graph *g;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    const char *json = HEAD TWO_ORGS "\"relations\": []}";
    assert_int_equal(kg_dataset_parse(json, strlen(json), "x", NULL, &o, &g, &d), KG_ELIMIT);
    assert_string_equal(d.items[0].pointer, "/entities");
    kg_diagnostics_clear(&d);
    o.max_nodes = 0;
    o.max_bytes = 10;
    assert_int_equal(kg_dataset_parse(json, strlen(json), "x", NULL, &o, &g, &d), KG_ELIMIT);
    kg_diagnostics_clear(&d);
}

static void missing_files(void **state)
{
    (void)state;
    kg_graph *g;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    assert_int_equal(kg_dataset_load(KG_TEST_DATA "/no-such.kg.json", NULL, &g, &d), KG_EIO);
    assert_non_null(strstr(d.items[0].file, "no-such.kg.json"));
    kg_diagnostics_clear(&d);
    assert_int_equal(kg_dataset_load(KG_TEST_DATA, NULL, &g, &d), KG_EIO);
    assert_non_null(strstr(d.items[0].message, "directory"));
    kg_diagnostics_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_fixture),
        cmocka_unit_test(parallel_edges_get_numbered_ids),
        cmocka_unit_test(unknown_node_type),
        cmocka_unit_test(unknown_edge_type),
        cmocka_unit_test(unknown_endpoint),
        cmocka_unit_test(endpoint_type_not_allowed),
        cmocka_unit_test(duplicate_entity_id),
        cmocka_unit_test(alias_claimed_twice),
        cmocka_unit_test(bad_dates),
        cmocka_unit_test(same_period_at_two_precisions_is_fine),
        cmocka_unit_test(missing_evidence),
        cmocka_unit_test(evidence_unknown_source),
        cmocka_unit_test(unknown_key),
        cmocka_unit_test(wrong_value_type),
        cmocka_unit_test(syntax_errors_have_line_and_column),
        cmocka_unit_test(reports_every_problem_up_to_the_limit),
        cmocka_unit_test(limits),
        cmocka_unit_test(missing_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
