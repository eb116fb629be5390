/* Unit tests for ingest*.c: KGX and kg TSV headers, JSON Lines, typed
 * attributes, pending edges, schema checks reported as file:line:column
 * with hints, and limits. Inputs are in-memory streams (fmemopen). */
#include "test_util.h"

/* Reads each (name, text) input in order into a graph; returns the status
 * and fills diags. */
static kg_status ingest(const kg_ingest_options *o, const char *const *inputs, size_t n,
                        kg_graph **out, kg_diagnostics *diags)
{
    kg_ingest *in = NULL;
    kg_error err;
    assert_int_equal(kg_ingest_new(o, &in, &err), KG_OK);
    kg_status st = KG_OK;
    for (size_t i = 0; i < n; i++) {
        const char *name = inputs[2 * i], *text = inputs[2 * i + 1];
        FILE *f = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
        assert_non_null(f);
        kg_status one = kg_ingest_add_stream(in, f, name, KG_INGEST_AUTO, KG_INGEST_ANY, diags);
        fclose(f);
        if (one != KG_OK && st == KG_OK)
            st = one;
    }
    kg_status fin = kg_ingest_finish(in, out, diags);
    kg_ingest_free(in);
    return st != KG_OK ? st : fin;
}

static bool has_problem(const kg_diagnostics *d, const char *file, int line, int column,
                        const char *text)
{
    for (size_t i = 0; i < d->count; i++) {
        const kg_error *e = &d->items[i];
        if (strcmp(e->file, file) == 0 && e->line == line && e->column == column &&
            (strstr(e->message, text) || strstr(e->hint, text)))
            return true;
    }
    for (size_t i = 0; i < d->count; i++) {
        char buf[2048];
        fprintf(stderr, "  got: %s\n", kg_error_format(&d->items[i], buf, sizeof buf));
    }
    return false;
}

static void kgx_headers(void **state)
{
    (void)state;
    const char *inputs[] = {
        "nodes.tsv",
        "id\tcategory\tname\tfounded\tscore\tactive\tsynonym\n"
        "b\tbiolink:Organization\tBee\t1949\t2.5\ttrue\tB1|B2\n"
        "a\tplace\tAy\t\t-0.25e3\tfalse\t\n",
        "edges.tsv",
        "subject\tpredicate\tobject\tstart\tend\tweight\trelation\n"
        "b\tlocated_at\ta\t1967\t2003-04\t007\tRO:1\n"
        "b\tlocated_at\ta\t\t\t1\t\n"};
    kg_graph *g = NULL;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    assert_int_equal(ingest(NULL, inputs, 2, &g, &d), KG_OK);
    assert_int_equal(kg_graph_node_count(g), 2);
    assert_int_equal(kg_graph_edge_count(g), 2);
    const kg_node *a = kg_graph_node(g, 0), *b = kg_graph_node(g, 1);
    assert_string_equal(a->id, "a");
    assert_string_equal(b->type, "biolink:Organization"); /* no schema: kept */
    assert_string_equal(b->label, "Bee");
    assert_int_equal(b->alias_count, 2);
    assert_string_equal(b->aliases[1], "B2");
    assert_int_equal(kg_node_attr(b, "founded")->kind, KG_VALUE_INTEGER);
    assert_int_equal(kg_node_attr(b, "score")->kind, KG_VALUE_REAL);
    assert_int_equal(kg_node_attr(b, "active")->kind, KG_VALUE_BOOLEAN);
    assert_int_equal(kg_node_attr(a, "score")->kind, KG_VALUE_REAL);
    assert_null(kg_node_attr(a, "founded")); /* empty cell: absent */
    const kg_edge *e = kg_graph_edge(g, 0);
    assert_string_equal(e->id, "b:located_at:a");
    assert_string_equal(kg_graph_edge(g, 1)->id, "b:located_at:a:2");
    assert_int_equal(e->start.year, 1967);
    assert_int_equal(e->end.month, 4);
    assert_int_equal(kg_edge_attr(e, "weight")->kind, KG_VALUE_STRING); /* "007" */
    assert_string_equal(kg_edge_attr(e, "relation")->text, "RO:1");
    assert_string_equal(kg_graph_name(g), "graph");
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static void own_headers_and_pending_edges(void **state)
{
    (void)state;
    /* Edges first: they wait for their nodes. */
    const char *inputs[] = {"e.tsv", "source\ttype\ttarget\tid\nx\tpart_of\ty\tr1\n",
                            "n.tsv", "id\ttype\tlabel\nx\tbody\tEx\ny\tbody\tWhy\n"};
    kg_ingest_options o = kg_ingest_defaults();
    o.name = "own";
    kg_graph *g = NULL;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    assert_int_equal(ingest(&o, inputs, 2, &g, &d), KG_OK);
    assert_int_equal(kg_graph_edge_count(g), 1);
    const kg_edge *e = kg_graph_edge(g, 0);
    assert_string_equal(e->id, "r1");
    assert_string_equal(kg_graph_node(g, e->source)->id, "x");
    assert_string_equal(kg_graph_name(g), "own");
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static void json_lines(void **state)
{
    (void)state;
    const char *inputs[] = {
        "g.jsonl",
        "{\"id\": \"n1\", \"category\": [\"biolink:Gene\", \"biolink:NamedThing\"], "
        "\"name\": \"One\", \"attributes\": {\"rank\": 3, \"x\": 0.5}, \"tags\": [1, 2]}\n"
        "\n"
        "{\"subject\": \"n1\", \"predicate\": \"rel\", \"object\": \"n2\", \"start\": \"2001\"}\n"
        "{\"id\": \"n2\", \"type\": \"thing\", \"label\": \"Two\", \"ok\": true}\n"};
    kg_graph *g = NULL;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    assert_int_equal(ingest(NULL, inputs, 1, &g, &d), KG_OK);
    assert_int_equal(kg_graph_node_count(g), 2);
    const kg_node *n1 = kg_graph_node(g, 0);
    assert_string_equal(n1->type, "biolink:Gene");
    assert_string_equal(kg_node_attr(n1, "rank")->text, "3");
    assert_int_equal(kg_node_attr(n1, "x")->kind, KG_VALUE_REAL);
    assert_string_equal(kg_node_attr(n1, "tags")->text, "[1,2]");
    assert_int_equal(kg_node_attr(kg_graph_node(g, 1), "ok")->kind, KG_VALUE_BOOLEAN);
    assert_string_equal(kg_graph_edge(g, 0)->type, "rel");
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static void schema_errors_with_positions(void **state)
{
    (void)state;
    kg_schema *schema = test_schema();
    kg_ingest_options o = kg_ingest_defaults();
    o.schema = schema;
    const char *inputs[] = {
        "nodes.tsv",
        "id\tcategory\tname\tstart\n"
        "nato\torganization\tNATO\t1949\n"   /* 2: typo in type */
        "eu\tbiolink:Organisation\tEU\t1993\n" /* 3: KGX's name of organisation */
        "eu\tbody\tEU again\t\n"             /* 4: duplicate */
        "paris\tplace\tParis\t\n"
        "t\ttreaty\tT\t\n"
        "rome\tplace\tRome\t1993-13\n",      /* 7: bad date */
        "edges.tsv",
        "subject\tpredicate\tobject\n"
        "eu\tlocatd_at\tparis\n" /* 2: typo in edge type */
        "eu\tlocated_at\tpariss\n" /* 3: unknown node */
        "eu\tsigned_by\tt\n"       /* 4: eu cannot be the source of signed_by */
        "eu\tpart_of\n",           /* 5: too few fields */
        "bad.jsonl",
        "{\"id\": \"j\", \"type\": \"place\"\n" /* syntax */
        "[1]\n"
        "{\"id\": \"k\", \"type\": \"plase\"}\n"};
    kg_graph *g = NULL;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    assert_int_equal(ingest(&o, inputs, 3, &g, &d), KG_EINPUT);
    assert_null(g);
    assert_true(has_problem(&d, "nodes.tsv", 2, 6, "did you mean 'organisation'?"));
    assert_true(has_problem(&d, "nodes.tsv", 7, 17, "invalid start date '1993-13'"));
    assert_true(has_problem(&d, "nodes.tsv", 4, 1, "duplicate node id 'eu'"));
    assert_true(has_problem(&d, "nodes.tsv", 4, 1, "first defined on line 3"));
    assert_true(has_problem(&d, "edges.tsv", 2, 4, "did you mean 'located_at'?"));
    assert_true(has_problem(&d, "edges.tsv", 3, 15, "edge target 'pariss' is not a node"));
    assert_true(has_problem(&d, "edges.tsv", 3, 15, "did you mean 'paris'?"));
    assert_true(has_problem(&d, "edges.tsv", 4, 1, "edge type 'signed_by' does not allow a source of type"));
    assert_true(has_problem(&d, "edges.tsv", 5, 11, "expected 3 tab-separated fields"));
    assert_true(has_problem(&d, "bad.jsonl", 1, 27, "JSON syntax error"));
    assert_true(has_problem(&d, "bad.jsonl", 2, 1, "expected an object"));
    assert_true(has_problem(&d, "bad.jsonl", 3, 13, "did you mean 'place'?"));
    kg_diagnostics_clear(&d);
    kg_schema_free(schema);
}

static void bad_headers_and_limits(void **state)
{
    (void)state;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    kg_graph *g = NULL;
    const char *no_id[] = {"x.tsv", "name\tcategory\nA\tb\n"};
    assert_int_equal(ingest(NULL, no_id, 1, &g, &d), KG_EINPUT);
    assert_true(has_problem(&d, "x.tsv", 1, 1, "neither node nor edge columns"));
    kg_diagnostics_clear(&d);

    kg_diagnostics_init(&d, 0);
    kg_ingest_options o = kg_ingest_defaults();
    o.max_nodes = 1;
    const char *two[] = {"n.tsv", "id\na\nb\n"};
    assert_int_equal(ingest(&o, two, 1, &g, &d), KG_ELIMIT);
    assert_true(has_problem(&d, "n.tsv", 3, 0, "more than 1 nodes"));
    kg_diagnostics_clear(&d);

    kg_diagnostics_init(&d, 0);
    const char *invalid_utf8[] = {"n.tsv", "id\n\xff\n"};
    assert_int_equal(ingest(NULL, invalid_utf8, 1, &g, &d), KG_EINPUT);
    assert_true(has_problem(&d, "n.tsv", 2, 0, "not UTF-8"));
    kg_diagnostics_clear(&d);

    assert_int_equal(kg_ingest_format_from_path("a/b.jsonl"), KG_INGEST_JSONL);
    assert_int_equal(kg_ingest_format_from_path("x.tsv"), KG_INGEST_TSV);
    assert_int_equal(kg_ingest_format_from_path("x.csv"), KG_INGEST_AUTO);
}

static void value_kinds(void **state)
{
    (void)state;
    kg_ingest_options o = kg_ingest_defaults();
    (void)o;
    const char *inputs[] = {"n.tsv",
                            "id\tv\n"
                            "a\t0\nb\t-12\nc\t1.5\nd\t1e9\ne\t01\nf\t.5\ng\t1.\nh\tTrue\n"
                            "i\t12345678901234567890\n"};
    kg_graph *g = NULL;
    assert_int_equal(ingest(NULL, inputs, 1, &g, NULL), KG_OK);
    const kg_value_kind expected[] = {KG_VALUE_INTEGER, KG_VALUE_INTEGER, KG_VALUE_REAL,
                                      KG_VALUE_REAL,    KG_VALUE_STRING,  KG_VALUE_STRING,
                                      KG_VALUE_STRING,  KG_VALUE_STRING,  KG_VALUE_REAL};
    for (size_t i = 0; i < kg_graph_node_count(g); i++)
        assert_int_equal(kg_node_attr(kg_graph_node(g, i), "v")->kind, expected[i]);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kgx_headers),
        cmocka_unit_test(own_headers_and_pending_edges),
        cmocka_unit_test(json_lines),
        cmocka_unit_test(schema_errors_with_positions),
        cmocka_unit_test(bad_headers_and_limits),
        cmocka_unit_test(value_kinds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
