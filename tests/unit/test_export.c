/* Exporters through the public API: the format table, option checks, and
 * what each format must contain for the small fixture. Whether other tools
 * read the files back identically is tests/cli/test_export_consumers.sh. */
#include <jansson.h>

#include "test_util.h"

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

/* The export as a malloc'd string. */
static char *export_text(kg_format format, const kg_export_options *o)
{
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    kg_error err;
    assert_int_equal(kg_export(small, format, o, w, &err), KG_OK);
    char *text = strdup(kg_writer_memory(w, NULL));
    kg_writer_abort(w);
    return text;
}

static void format_names(void **state)
{
    (void)state;
    kg_format f;
    assert_int_equal(kg_format_from_name("gv", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_DOT);
    assert_int_equal(kg_format_from_name("graphml", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_GRAPHML);
    assert_int_equal(kg_format_from_name("png!", &f), KG_EUSAGE);
    assert_int_equal(kg_format_from_path("out/a.b/graph.svg", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_SVG);
    assert_int_equal(kg_format_from_path("out/a.json/graph", &f), KG_EUSAGE);
    assert_string_equal(kg_format_extension(KG_FORMAT_JSON), "json");
    assert_string_equal(kg_format_name(KG_FORMAT_COUNT), "unknown");
    assert_true(kg_format_is_default(KG_FORMAT_DOT));
}

static void options_are_checked(void **state)
{
    (void)state;
    kg_export_options o = kg_export_defaults();
    kg_error err;
    assert_int_equal(kg_export_check_options(&o, &err), KG_OK);
    o.layout = "nosuch";
    assert_int_equal(kg_export_check_options(&o, &err), KG_EUSAGE);
    assert_non_null(strstr(err.hint, "neato"));
    o.layout = "neato";
    o.rankdir = "XY";
    assert_int_equal(kg_export_check_options(&o, &err), KG_EUSAGE);
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    assert_int_equal(kg_export(small, KG_FORMAT_DOT, &o, w, &err), KG_EUSAGE);
    kg_writer_abort(w);
}

static void exports_are_deterministic(void **state)
{
    (void)state;
    for (int f = 0; f < KG_FORMAT_COUNT; f++) {
        /* Cairo stamps PDFs with the time; neo4j writes a folder. */
        if (f == KG_FORMAT_PDF || kg_format_is_folder((kg_format)f))
            continue;
        char *a = export_text((kg_format)f, NULL), *b = export_text((kg_format)f, NULL);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
}

static void json_is_node_link(void **state)
{
    (void)state;
    char *text = export_text(KG_FORMAT_JSON, NULL);
    json_error_t jerr;
    json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);
    assert_non_null(root);
    assert_true(json_is_true(json_object_get(root, "directed")));
    assert_true(json_is_true(json_object_get(root, "multigraph")));
    json_t *links = json_object_get(root, "links");
    assert_int_equal(json_array_size(links), 12);
    assert_int_equal(json_array_size(json_object_get(root, "nodes")), 10);
    size_t i;
    json_t *link;
    int parallel = 0;
    json_array_foreach(links, i, link) {
        assert_string_equal(json_string_value(json_object_get(link, "key")),
                            json_string_value(json_object_get(link, "id")));
        parallel += strcmp(json_string_value(json_object_get(link, "key")),
                           "second-cooperation") == 0;
    }
    assert_int_equal(parallel, 1);
    json_t *union_node = json_array_get(json_object_get(root, "nodes"), 9);
    assert_string_equal(json_string_value(json_object_get(union_node, "id")), "union");
    assert_int_equal(json_integer_value(json_object_get(union_node, "members")), 27);
    assert_true(json_is_real(json_object_get(union_node, "share")));
    assert_true(json_is_true(json_object_get(union_node, "is_union")));
    assert_string_equal(json_string_value(json_object_get(union_node, "founded_text")), "1993");
    json_decref(root);
    free(text);
}

static void graphml_declares_typed_keys(void **state)
{
    (void)state;
    char *text = export_text(KG_FORMAT_GRAPHML, NULL);
    assert_non_null(strstr(text, "attr.name=\"members\" attr.type=\"long\""));
    assert_non_null(strstr(text, "attr.name=\"share\" attr.type=\"double\""));
    assert_non_null(strstr(text, "attr.name=\"is_union\" attr.type=\"boolean\""));
    assert_non_null(strstr(text, "<edge id=\"second-cooperation\""));
    /* Every data element refers to a declared key. */
    for (const char *p = strstr(text, "<data key=\""); p; p = strstr(p + 1, "<data key=\"")) {
        char key[64], declared[96];
        assert_int_equal(sscanf(p, "<data key=\"%63[^\"]\"", key), 1);
        snprintf(declared, sizeof declared, "<key id=\"%s\"", key);
        assert_non_null(strstr(text, declared));
    }
    free(text);
}

static void dot_quotes_every_id(void **state)
{
    (void)state;
    kg_export_options o = kg_export_defaults();
    o.has_dot_legend = true;
    char *with_legend = export_text(KG_FORMAT_DOT, &o);
    assert_non_null(strstr(with_legend, "\n  \"node\" [\"label\"=\"liaison \\\"team\\\" \\\\ with"));
    assert_non_null(strstr(with_legend, "\"node\" -> \"military-staff\""));
    assert_null(strstr(with_legend, "\n  node ->"));
    assert_non_null(strstr(with_legend, "cluster_legend"));
    assert_null(strstr(with_legend, "kg_style:"));
    o = kg_export_defaults(); /* the default: no legend nodes, styles as graph attributes */
    o.rankdir = "TB";
    char *plain = export_text(KG_FORMAT_DOT, &o);
    assert_null(strstr(plain, "cluster_legend"));
    assert_null(strstr(plain, "kg_legend"));
    assert_non_null(strstr(plain, "\"kg_style:node:operation:shape\"=\"box3d\";"));
    assert_non_null(strstr(plain, "rankdir=\"TB\""));
    free(with_legend);
    free(plain);
}

/* exporter.c: the evidence list as JSON text (what DOT's "evidence" holds),
 * and its quotes joined by newlines (the tooltip of more than one). */
char *kg_export_evidence_json(const kg_evidence *evidence, uint32_t count);
char *kg_export_quotes_text(const kg_evidence *evidence, uint32_t count);

/* DOT's "evidence" value of a node and of an edge carrying ev: the JSON
 * text escaped for DOT, whichever way the exporter writes it (straight
 * when plain and short, else built and escaped). */
static void dot_evidence_is(const kg_evidence *ev, uint32_t count)
{
    kg_graph *g = NULL;
    assert_int_equal(kg_graph_new(&g), KG_OK);
    kg_node n = {0};
    n.id = "a";
    n.type = "organisation";
    n.type_index = KG_SCHEMA_NOT_FOUND;
    n.evidence = ev;
    n.evidence_count = count;
    assert_int_equal(kg_graph_add_node(g, &n, NULL), KG_OK);
    n.id = "b";
    n.evidence_count = 0;
    assert_int_equal(kg_graph_add_node(g, &n, NULL), KG_OK);
    kg_edge e = {0};
    e.type = "supports";
    e.source = 0;
    e.target = 1;
    e.type_index = KG_SCHEMA_NOT_FOUND;
    e.evidence = ev;
    e.evidence_count = count;
    assert_int_equal(kg_graph_add_edge(g, &e), KG_OK);
    assert_int_equal(kg_graph_finish(g, NULL), KG_OK);
    kg_writer *w = NULL, *want = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    assert_int_equal(kg_writer_open_memory(&want, NULL), KG_OK);
    assert_int_equal(kg_export(g, KG_FORMAT_DOT, NULL, w, NULL), KG_OK);
    char *json = kg_export_evidence_json(ev, count);
    char *quotes = kg_export_quotes_text(ev, count);
    assert_non_null(json);
    assert_non_null(quotes);
    kg_writer_puts(want, "\"evidence\"=");
    kg_write_dot_string(want, json);
    const char *tooltip = count == 1 ? ev[0].quote : quotes;
    if (tooltip[0]) {
        kg_writer_puts(want, ", \"tooltip\"=");
        kg_write_dot_string(want, tooltip);
    }
    kg_writer_puts(want, "]");
    const char *text = kg_writer_memory(w, NULL), *expected = kg_writer_memory(want, NULL);
    const char *at = strstr(text, "\"evidence\"=");
    assert_non_null(at);
    assert_memory_equal(at, expected, strlen(expected));
    at = strstr(at + 1, "\"evidence\"=");
    assert_non_null(at);
    assert_memory_equal(at, expected, strlen(expected));
    assert_null(strstr(at + 1, "\"evidence\"="));
    free(json);
    free(quotes);
    kg_writer_abort(want);
    kg_writer_abort(w);
    kg_graph_free(g);
}

static void dot_evidence_as_json(void **state)
{
    (void)state;
    static char long_quote[20000];
    const kg_evidence cases[][2] = {
        {{"s", "A plain sentence."}, {NULL, NULL}},
        {{"s", ""}, {NULL, NULL}},
        {{"s", ""}, {"t", ""}},
        {{"s", "It \"quotes\" and has a \\ backslash."}, {NULL, NULL}},
        {{"s\\x", "plain"}, {NULL, NULL}},
        {{"s", "caf\xc3\xa9, \xe2\x82\xac and a bad byte \xff"}, {NULL, NULL}},
        {{"s", "tab\there, newline\nthere, DEL\x7f"}, {NULL, NULL}},
        {{"s", "first"}, {"t", "second"}},
        {{"s", "first"}, {"t", "second \"quoted\""}},
        {{"s", long_quote}, {NULL, NULL}},
        {{"s", long_quote}, {"t", "x"}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        dot_evidence_is(cases[i], cases[i][1].source ? 2 : 1);
    /* quotes around the length where the whole no longer fits one DOT
     * part (5,333 bytes of JSON), and far over it */
    size_t lengths[] = {5300, 5305, 5306, 5307, 5308, 5320, 16100, 19999};
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        memset(long_quote, 'q', lengths[i]);
        long_quote[lengths[i]] = '\0';
        dot_evidence_is(cases[9], 1);
        dot_evidence_is(cases[10], 2);
    }
}

static void unfinished_graph_is_refused(void **state)
{
    (void)state;
    kg_graph *g = NULL;
    assert_int_equal(kg_graph_new(&g), KG_OK);
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    kg_error err;
    assert_int_equal(kg_export(g, KG_FORMAT_JSON, NULL, w, &err), KG_EUSAGE);
    kg_writer_abort(w);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_names),
        cmocka_unit_test(options_are_checked),
        cmocka_unit_test(exports_are_deterministic),
        cmocka_unit_test(json_is_node_link),
        cmocka_unit_test(graphml_declares_typed_keys),
        cmocka_unit_test(dot_quotes_every_id),
        cmocka_unit_test(dot_evidence_as_json),
        cmocka_unit_test(unfinished_graph_is_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
