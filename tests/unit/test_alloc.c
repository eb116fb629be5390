/* Allocation-failure sweep: fails the Nth allocation for every N while
 * loading the fixture, exporting it (DOT, GraphML, JSON), summarising and
 * verifying it, importing node-link JSON, GraphML and DOT, and checks that
 * each such run returns KG_ENOMEM (never a silent success or another error)
 * and frees all it allocated.
 *
 * libkg's malloc/calloc/realloc/free calls are redirected here by the
 * linker (-Wl,--wrap=...; see tests/CMakeLists.txt), and jansson's through
 * json_set_alloc_funcs, so no hook in the library itself is needed. */
#include <execinfo.h>
#include <jansson.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "test_util.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void __real_free(void *p);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
void __wrap_free(void *p);

/* libkg-internal (src/lib/export/export_internal.h): records per chunk, 0 for
 * one thread. */
void kg_export_set_chunk_records(size_t records);

/* Atomic: large exports allocate from a second thread too. */
static long fail_at = -1;         /* the allocation number to fail; -1 = none */
static atomic_long allocations;   /* allocations attempted in this run */
static atomic_long live;          /* allocated and not yet freed */

/* With KG_ALLOC_TRACE=1 in the environment, prints the call stack of each
 * failed allocation, to find the path that mishandled it. */
static bool should_fail(void)
{
    bool is_failing = fail_at >= 0 && atomic_fetch_add(&allocations, 1) == fail_at;
    if (is_failing && getenv("KG_ALLOC_TRACE")) {
        void *frames[32];
        backtrace_symbols_fd(frames, backtrace(frames, 32), 2);
    }
    return is_failing;
}

void *__wrap_malloc(size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __real_malloc(size);
    live += p != NULL;
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __real_calloc(n, size);
    live += p != NULL;
    return p;
}

void *__wrap_realloc(void *p, size_t size)
{
    if (should_fail())
        return NULL;
    void *q = __real_realloc(p, size);
    live += p == NULL && q != NULL;
    return q;
}

void __wrap_free(void *p)
{
    live -= p != NULL;
    __real_free(p);
}

/* jansson's allocations are tracked for leaks but never failed: jansson
 * 2.14 reports some of its own allocation failures as syntax errors
 * ("string or '}' expected"), which no caller can tell apart, so the sweep
 * covers libkg's allocations (docs/reliability.md notes the limitation). */
static void *json_malloc(size_t size)
{
    void *p = __real_malloc(size);
    live += p != NULL;
    return p;
}
static void json_free(void *p) { __wrap_free(p); }

static char last_message[1024]; /* the loader's first message, if any */

/* One complete run; returns the first failing status or KG_OK. */
static kg_status scenario(void)
{
    kg_graph *g = NULL;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    kg_status st = kg_dataset_load(KG_TEST_DATA "/small.kg.json", NULL, &g, &d);
    last_message[0] = '\0';
    if (d.count > 0)
        kg_error_format(&d.items[0], last_message, sizeof last_message);
    kg_diagnostics_clear(&d);
    for (int f = 0; st == KG_OK && f < KG_FORMAT_COUNT; f++) {
        if (f == KG_FORMAT_SVG || f == KG_FORMAT_PNG || f == KG_FORMAT_PDF)
            continue; /* Graphviz allocates outside our reach */
        kg_writer *w = NULL;
        size_t files = 0;
        st = kg_writer_open_memory(&w, NULL);
        if (st == KG_OK && kg_format_is_folder((kg_format)f))
            st = kg_neo4j_file_count(g, &files);
        for (size_t i = 0; st == KG_OK && i < files; i++)
            st = kg_export_neo4j_file(g, i, w, NULL);
        if (st == KG_OK && !kg_format_is_folder((kg_format)f))
            st = kg_export(g, (kg_format)f, NULL, w, NULL);
        kg_writer_abort(w);
    }
    kg_summary s;
    if (st == KG_OK && (st = kg_summarise(g, &s, NULL)) == KG_OK)
        kg_summary_clear(&s);
    kg_verify_report r;
    if (st == KG_OK) {
        kg_diagnostics_init(&d, 0);
        st = kg_verify(g, KG_TEST_DATA, "small.kg.json", &r, &d);
        kg_verify_report_clear(&r);
        kg_diagnostics_clear(&d);
    }
    kg_graph_free(g);
    return st;
}

/* Node-link JSON through the streaming reader, from a buffer and from a
 * file read in chunks: nested values, evidence, graph sources, keys. */
static const char node_link_text[] =
    "{\"graph\": {\"name\": \"g\", \"sources\": [{\"id\": \"s1\", \"title\": \"S\"}]},\n"
    " \"nodes\": [{\"id\": \"a\", \"type\": \"person\", \"aliases\": [\"A\", \"Ay\"],\n"
    "   \"w\": 1.5, \"n\": 3, \"ok\": true, \"tags\": {\"x\": [1, 2]}},\n"
    "  {\"id\": 7, \"label\": \"caf\\u00e9\"}],\n"
    " \"links\": [{\"source\": \"a\", \"target\": 7, \"key\": \"k1\", \"type\": \"knows\",\n"
    "   \"evidence\": [{\"source\": \"s1\", \"quote\": \"q\"}]},\n"
    "  {\"source\": 7, \"target\": \"c\", \"start\": \"2001\"}]}\n";

/* GraphML through the SAX reader, the same two ways: key defaults, typed
 * values, references, a yEd label, soft and explicit edge ids (no warning:
 * a warning lost to a failed allocation would pass as success). */
static const char graphml_text[] =
    "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"t\" for=\"node\" attr.name=\"type\"><default>person</default></key>\n"
    "<key id=\"n\" for=\"node\" attr.name=\"n\" attr.type=\"int\"><default>+3</default></key>\n"
    "<key id=\"y\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
    "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "<key id=\"i\" for=\"edge\" attr.name=\"edge_id\"/>\n"
    "<graph id=\"g\" edgedefault=\"directed\">\n"
    "<node id=\"a&amp;b\"><data key=\"t\">org</data><data key=\"y\"><y:ShapeNode "
    "xmlns:y=\"http://www.yworks.com/xml/graphml\"><y:NodeLabel> A </y:NodeLabel>"
    "</y:ShapeNode></data></node>\n"
    "<node id=\"c\"><data key=\"n\">-7</data></node>\n"
    "<edge id=\"e1\" source=\"a&amp;b\" target=\"c\"><data key=\"w\">1.5</data></edge>\n"
    "<edge source=\"c\" target=\"a&#38;b\"><data key=\"i\">e2</data><![CDATA[x]]></edge>\n"
    "</graph></graphml>\n";

static char import_path[64]; /* the text as a file, made on the first run */
static char graphml_path[64];

/* text (format) from a buffer, then from a file made at *path on the
 * first run. */
static kg_status import_both(kg_import_format format, const char *text, char *path,
                             size_t path_size)
{
    kg_graph *g = NULL;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    kg_import_options o = kg_import_defaults();
    o.format = format;
    kg_status st = kg_import_buffer(text, strlen(text), "x", &o, &g, &d);
    kg_graph_free(g);
    g = NULL;
    if (!path[0]) {
        snprintf(path, path_size, "/tmp/kg-test-alloc-XXXXXX");
        int fd = mkstemp(path);
        FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
    }
    if (st == KG_OK)
        st = kg_import_file(path, &o, &g, &d);
    last_message[0] = '\0';
    if (d.count > 0)
        kg_error_format(&d.items[0], last_message, sizeof last_message);
    kg_diagnostics_clear(&d);
    kg_graph_free(g);
    return st;
}

static kg_status import_scenario(void)
{
    return import_both(KG_IMPORT_JSON, node_link_text, import_path, sizeof import_path);
}

/* The text is in the fast reader's subset (import_graphml_fast.c), yEd
 * graphics included: KG_GRAPHML_READER=fast makes sure it is read there;
 * the second scenario sweeps libxml2's path. */
static kg_status graphml_scenario(void)
{
    setenv("KG_GRAPHML_READER", "fast", 1);
    kg_status st = import_both(KG_IMPORT_GRAPHML, graphml_text, graphml_path, sizeof graphml_path);
    unsetenv("KG_GRAPHML_READER");
    return st;
}

/* The fast reader gives up at the processing instruction, after the
 * whole graph: the import starts over with libxml2. */
static char graphml_restart_path[64];

static kg_status graphml_restart_scenario(void)
{
    static char text[sizeof graphml_text + 16];
    snprintf(text, sizeof text, "%.*s<?pi x?>\n", (int)strlen(graphml_text) - 1, graphml_text);
    return import_both(KG_IMPORT_GRAPHML, text, graphml_restart_path, sizeof graphml_restart_path);
}

static kg_status graphml_libxml2_scenario(void)
{
    setenv("KG_GRAPHML_READER", "libxml2", 1);
    kg_status st = import_both(KG_IMPORT_GRAPHML, graphml_text, graphml_path, sizeof graphml_path);
    unsetenv("KG_GRAPHML_READER");
    return st;
}

/* DOT inside the one-pass reader's subset (import_dot_fast.c), from a
 * buffer and from a file (mapped): defaults, escapes, a joined string,
 * kg's style attributes, inferred types, parallel and undirected-looking
 * edges, a node named only by an edge. */
static const char dot_text[] =
    "digraph \"g\" {\n"
    "  graph [label=\"T\\nitle\", \"kg_style:node:person:shape\"=\"box\"];\n"
    "  node [fontname=\"Helvetica\"]; edge [fontsize=8];\n"
    "  \"a\" [label=\"A \\\"x\\\"\", type=person, shape=box, w=1.5, n=3];\n"
    "  b [label=\"B\" + \"b\", type=\"place\", w=2, n=4, ok=true]; // comment\n"
    "  a -> b [type=knows, label=knows, start=\"2001\", weight=0.5];\n"
    "  a -> b [type=knows, id=e2];\n"
    "  b -> c [tooltip=\"q\"];\n"
    "}\n";

static char dot_path[64];

static kg_status dot_scenario(void)
{
    return import_both(KG_IMPORT_DOT, dot_text, dot_path, sizeof dot_path);
}

static void sweep_with(kg_status (*scenario_fn)(void), long min_sites)
{
    json_set_alloc_funcs(json_malloc, json_free);
    fail_at = -1;
    allocations = 0;
    assert_int_equal(scenario_fn(), KG_OK);
    long baseline = live;
    long total = 0;
    for (long n = 0;; n++) {
        fail_at = n;
        allocations = 0;
        kg_status st = scenario_fn();
        if (allocations <= n) { /* the run needed fewer than n + 1 allocations */
            assert_int_equal(st, KG_OK);
            total = n;
            break;
        }
        /* A failed allocation must never pass silently as success. */
        if (st != KG_ENOMEM)
            fail_msg("failing allocation %ld gave status %d, not KG_ENOMEM (%s)", n, (int)st,
                     last_message);
        if (live != baseline)
            fail_msg("failing allocation %ld leaked %ld block(s)", n, live - baseline);
    }
    fail_at = -1;
    print_message("swept %ld allocation sites\n", total);
    assert_true(total > min_sites);
}

static void sweep(void)
{
    sweep_with(scenario, 100);
}

static void every_import_allocation_failure_is_clean(void **state)
{
    (void)state;
    sweep_with(import_scenario, 50);
    remove(import_path);
}

static void every_graphml_allocation_failure_is_clean(void **state)
{
    (void)state;
    sweep_with(graphml_scenario, 50);
    sweep_with(graphml_libxml2_scenario, 50);
    sweep_with(graphml_restart_scenario, 50);
    remove(graphml_path);
}

/* The one-pass DOT reader: each failure is KG_ENOMEM, never a fall back
 * to cgraph or a partial graph. */
static void every_dot_allocation_failure_is_clean(void **state)
{
    (void)state;
    assert_null(getenv("KG_DOT_READER"));
    sweep_with(dot_scenario, 50);
    remove(dot_path);
}

static void every_allocation_failure_is_clean(void **state)
{
    (void)state;
    sweep();
}

/* The same with exports in two threads and chunks of one record, so a
 * failure can strike the second thread's writer or the id table. Which
 * allocation is number N then varies from run to run; that each failure
 * gives KG_ENOMEM and leaks nothing must hold whichever it is. */
static void every_allocation_failure_is_clean_in_threads(void **state)
{
    (void)state;
    kg_export_set_chunk_records(1);
    sweep();
    kg_export_set_chunk_records(16384);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_allocation_failure_is_clean),
        cmocka_unit_test(every_allocation_failure_is_clean_in_threads),
        cmocka_unit_test(every_import_allocation_failure_is_clean),
        cmocka_unit_test(every_graphml_allocation_failure_is_clean),
        cmocka_unit_test(every_dot_allocation_failure_is_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
