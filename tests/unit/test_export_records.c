/* Unit tests for export_records.c: the record loop that large exports run
 * in two threads, in chunks, with each node's id escaped once into a
 * table. The output must not depend on any of that, so every exporter
 * using the loop writes the same graph with one thread and with chunks of
 * several sizes (1 record, odd sizes that leave a short last run, more
 * than the graph), and the texts must be byte-identical. The one-thread
 * text is the one tests/cli checks with NetworkX, igraph and Graphviz. */
#include "test_util.h"

/* libkg-internal (src/lib/export/export_internal.h): records per chunk, 0 for
 * one thread. */
void kg_export_set_chunk_records(size_t records);

static kg_graph *graph;

static const char *intern(const char *s)
{
    const char *out = NULL;
    assert_int_equal(kg_graph_intern(graph, s, &out), KG_OK);
    return out;
}

/* Ids and labels with what every format escapes (quotes, backslash,
 * markup, control characters, non-ASCII), so the id table and the
 * escapers are exercised on every edge. */
static void add_nodes(size_t n)
{
    static const char *const types[] = {"organisation", "treaty", "place"};
    for (size_t i = 0; i < n; i++) {
        char id[64], label[64], year[16];
        snprintf(id, sizeof id, i % 5 ? "N%zu" : "n\"%zu\\<&>'\xC3\xA9", i);
        snprintf(label, sizeof label, "Label %zu\twith \xE2\x80\xA8 and ]]>", i);
        snprintf(year, sizeof year, "%zu", 1900 + i % 120);
        kg_attr attrs[2] = {{intern("founded"), intern(year), KG_VALUE_INTEGER},
                            {intern("note"), intern(i % 3 ? "a \"note\"" : "x"),
                             KG_VALUE_STRING}};
        kg_node node = {.id = id, .type = types[i % 3], .label = label,
                        .attrs = attrs, .attr_count = i % 4 ? 2 : 0};
        kg_date_parse(i % 2 ? "1999-05" : "2004-12-02", &node.start);
        assert_int_equal(kg_graph_add_node(graph, &node, NULL), KG_OK);
    }
}

/* A deterministic scatter of typed, dated, weighted edges. */
static void add_edges(size_t n, size_t m)
{
    static const char *const types[] = {"succeeded_by", "located_at", "signed_by"};
    uint64_t x = 88172645463325252u;
    for (size_t i = 0; i < m; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        char weight[32];
        snprintf(weight, sizeof weight, "%.3f", (double)(x % 10000) / 1000.0);
        kg_attr attrs[1] = {{intern("weight"), intern(weight), KG_VALUE_REAL}};
        kg_edge edge = {.type = types[i % 3], .source = (size_t)(x % n),
                        .target = (size_t)((x >> 20) % n), .attrs = attrs,
                        .attr_count = i % 7 ? 1 : 0};
        if (i % 2)
            kg_date_parse("2016-03", &edge.start);
        assert_int_equal(kg_graph_add_edge(graph, &edge), KG_OK);
    }
}

static int setup(void **state)
{
    (void)state;
    if (kg_graph_new(&graph) != KG_OK)
        return -1;
    kg_graph_set_name(graph, "records");
    add_nodes(500);
    add_edges(500, 3000);
    return kg_graph_finish(graph, NULL) == KG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    kg_export_set_chunk_records(16384);
    kg_graph_free(graph);
    return 0;
}

static char *export_text(kg_format format, size_t chunk)
{
    kg_export_set_chunk_records(chunk);
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    kg_error err;
    kg_error_clear(&err);
    assert_int_equal(kg_export(graph, format, NULL, w, &err), KG_OK);
    char *text = strdup(kg_writer_memory(w, NULL));
    kg_writer_abort(w);
    return text;
}

static void same_in_any_chunks(kg_format format)
{
    static const size_t chunks[] = {1, 2, 7, 64, 999, 2999, 3000, 100000};
    char *serial = export_text(format, 0);
    assert_true(strlen(serial) > 100000); /* the whole graph, not a stub */
    for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
        char *parallel = export_text(format, chunks[i]);
        if (strcmp(serial, parallel) != 0)
            fail_msg("%s differs with chunks of %zu records", kg_format_name(format),
                     chunks[i]);
        free(parallel);
    }
    free(serial);
}

static void dot_same_in_any_chunks(void **state)
{
    (void)state;
    same_in_any_chunks(KG_FORMAT_DOT);
}

static void graphml_same_in_any_chunks(void **state)
{
    (void)state;
    same_in_any_chunks(KG_FORMAT_GRAPHML);
}

static void json_same_in_any_chunks(void **state)
{
    (void)state;
    same_in_any_chunks(KG_FORMAT_JSON);
}

static void yed_same_in_any_chunks(void **state)
{
    (void)state;
    same_in_any_chunks(KG_FORMAT_YED);
}

static void gexf_same_in_any_chunks(void **state)
{
    (void)state;
    same_in_any_chunks(KG_FORMAT_GEXF);
}

static void cytoscape_same_in_any_chunks(void **state)
{
    (void)state;
    same_in_any_chunks(KG_FORMAT_CYTOSCAPE);
}

static void cypher_same_in_any_chunks(void **state)
{
    (void)state;
    same_in_any_chunks(KG_FORMAT_CYPHER);
}

static void ntriples_same_in_any_chunks(void **state)
{
    (void)state;
    same_in_any_chunks(KG_FORMAT_NTRIPLES);
}

static void turtle_same_in_any_chunks(void **state)
{
    (void)state;
    same_in_any_chunks(KG_FORMAT_TURTLE);
}

static char *neo4j_text(size_t file, size_t chunk)
{
    kg_export_set_chunk_records(chunk);
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    assert_int_equal(kg_export_neo4j_file(graph, file, w, NULL), KG_OK);
    char *text = strdup(kg_writer_memory(w, NULL));
    kg_writer_abort(w);
    return text;
}

/* Neo4j CSV: one file per type, each a filtered pass over the records. */
static void neo4j_same_in_any_chunks(void **state)
{
    (void)state;
    size_t count = 0;
    assert_int_equal(kg_neo4j_file_count(graph, &count), KG_OK);
    assert_int_equal(count, 6); /* 3 node types, 3 edge types */
    for (size_t file = 0; file < count; file++) {
        char *serial = neo4j_text(file, 0);
        assert_true(strlen(serial) > 10000);
        for (size_t chunk = 1; chunk < 1000; chunk = chunk * 3 + 4) {
            char *parallel = neo4j_text(file, chunk);
            if (strcmp(serial, parallel) != 0)
                fail_msg("Neo4j file %zu differs with chunks of %zu records", file, chunk);
            free(parallel);
        }
        free(serial);
    }
}

/* The id table holds each id as the edge lines write it: escaped, so the
 * node whose id has a quote, a backslash and markup appears escaped as an
 * edge end, never raw. */
static void edge_ends_are_escaped(void **state)
{
    (void)state;
    char *dot = export_text(KG_FORMAT_DOT, 7);
    assert_non_null(strstr(dot, "\"n\\\"0\\\\<&>'\xC3\xA9\" -> "));
    char *graphml = export_text(KG_FORMAT_GRAPHML, 7);
    assert_non_null(strstr(graphml, "source=\"n&quot;0\\&lt;&amp;&gt;&apos;\xC3\xA9\""));
    assert_null(strstr(graphml, "source=\"n\"0"));
    char *json = export_text(KG_FORMAT_JSON, 7);
    assert_non_null(strstr(json, "{\"source\": \"n\\\"0\\\\<&>'\xC3\xA9\", \"target\": "));
    free(dot);
    free(graphml);
    free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dot_same_in_any_chunks),
        cmocka_unit_test(graphml_same_in_any_chunks),
        cmocka_unit_test(json_same_in_any_chunks),
        cmocka_unit_test(yed_same_in_any_chunks),
        cmocka_unit_test(gexf_same_in_any_chunks),
        cmocka_unit_test(cytoscape_same_in_any_chunks),
        cmocka_unit_test(cypher_same_in_any_chunks),
        cmocka_unit_test(ntriples_same_in_any_chunks),
        cmocka_unit_test(turtle_same_in_any_chunks),
        cmocka_unit_test(neo4j_same_in_any_chunks),
        cmocka_unit_test(edge_ends_are_escaped),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
