/* The two DOT readers against each other: cgraph's, and the one-pass
 * reader of the subset kg, NetworkX, igraph and Gephi write, which gives
 * up on anything else so that cgraph reads it (KG_DOT_READER chooses).
 * Every file gives the same status, messages and graph (as node-link
 * JSON) either way: the Graphviz files of the shared corpora (skipped
 * when absent), kg's own DOT exports of the test data sets, the shipped
 * data set and the hostile fixture, and small files at the edges of the
 * subset, for which the test also says which reader must read them. */
#include <dirent.h>

#include "reader_outcome.h"

#define CORPUS KG_SOURCE_DIR "/../shared/corpora/dot"

static outcome read_as(const char *reader, const char *text, size_t len)
{
    return read_with("KG_DOT_READER", reader, KG_IMPORT_DOT, "in.dot", text, len, NULL);
}

static size_t lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* cgraph's anonymous names ("%5") count on from one read to the next in a
 * process: "%" and its digits become "%". */
static void mask_anonymous_names(char *s)
{
    char *to = s;
    for (const char *p = s; p && *p;) {
        *to++ = *p;
        if (*p++ == '%')
            while (*p >= '0' && *p <= '9')
                p++;
    }
    if (s)
        *to = '\0';
}

/* Both readers agree on text; returns whether the one-pass reader read it. */
static bool same_either_way(const char *what, const char *text, size_t len)
{
    outcome a = read_as("cgraph", text, len), b = read_as(NULL, text, len);
    outcome c = read_as("fast", text, len);
    bool is_fast = !strstr(c.messages, "KG_DOT_READER=fast");
    /* When cgraph reads the file both times, only the messages' count is
     * compared: cgraph's own order of subgraphs and its names of anonymous
     * graphs change from one read to the next in a process. */
    bool is_same_messages = is_fast ? strcmp(a.messages, b.messages) == 0
                                    : lines(a.messages) == lines(b.messages);
    if (!is_fast) {
        mask_anonymous_names(a.json);
        mask_anonymous_names(b.json);
    }
    if (a.status != b.status || !is_same_messages ||
        (a.json && (!b.json || strcmp(a.json, b.json) != 0))) {
        fail_readers_differ(what, "cgraph", &a, "one-pass", &b);
    }
    outcome_free(&a);
    outcome_free(&b);
    outcome_free(&c);
    return is_fast;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
    text[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return text;
}

static void test_corpus(void **state)
{
    (void)state;
    DIR *dir = opendir(CORPUS);
    if (!dir)
        skip();
    size_t files = 0, fast = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        size_t n = strlen(e->d_name);
        if (n < 4 || (strcmp(e->d_name + n - 3, ".gv") != 0 && strcmp(e->d_name + n - 4, ".dot") != 0))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", CORPUS, e->d_name);
        size_t len = 0;
        char *text = slurp(path, &len);
        fast += same_either_way(path, text, len);
        files++;
        free(text);
    }
    closedir(dir);
    assert_true(files >= 20);
    assert_true(fast >= 10); /* the plain ones: Latin1, NaN, crazy, unix... */
}

/* kg's own exports must all take the one-pass reader. */
static void test_kg_exports(void **state)
{
    (void)state;
    static const char *const sets[] = {KG_TEST_DATA "/small.kg.json",
                                       KG_TEST_DATA "/analysis.kg.json",
                                       KG_TEST_DATA "/hostile.kg.json",
                                       KG_SOURCE_DIR "/data/nato-eu.kg.json"};
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        kg_graph *graph = NULL;
        assert_int_equal(kg_dataset_load(sets[i], NULL, &graph, NULL), KG_OK);
        kg_writer *w = NULL;
        assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
        assert_int_equal(kg_export(graph, KG_FORMAT_DOT, NULL, w, NULL), KG_OK);
        size_t len = 0;
        const char *dot = kg_writer_memory(w, &len);
        if (!same_either_way(sets[i], dot, len))
            fail_msg("%s: kg's DOT export did not take the one-pass reader", sets[i]);
        kg_writer_abort(w);
        kg_graph_free(graph);
    }
}

typedef struct small {
    const char *text;
    bool is_fast; /* the one-pass reader reads it */
} small;

static void test_edges_of_the_subset(void **state)
{
    (void)state;
    static const small cases[] = {
        /* read in one pass */
        {"digraph { a -> b; c -> a; a -> c; b; d }", true}, /* edges grouped by tail */
        {"graph { a -- b; b -- a; a -- a }", true},
        {"strict digraph g { a -> b; b -> a }", true},
        {"digraph \"g\" { \"a\\\"b\" [label=\"x\" + \"y\", note=\"p\\\\q\\n\"]; \"a\\\"b\" -> c }", true},
        {"digraph { \"line\\\nbreak\" [x=\"1\\\n2\"] }", true},
        {"digraph { // one\n/* two\n */ a\n# three\n}", true},
        {"digraph { node [color=red, fontsize=10]; a [color=red]; b [color=blue]; c }", true},
        {"digraph { a [color=red]; node [color=red]; node [color=red]; }", false},
        {"graph { node [label=\"\\N\"]; a -- b; c [label=\"C\"] }", true},
        {"digraph { n [z=1, a=\"2.5\", m=true][k=x]; o [z=2, a=3, m=false]; p [z=\"\"] }", true},
        {"DiGraph { Node [x=1]; EDGE [y=2]; a -> b [y=3] }", true},
        {"digraph { -1.5 -> .5 -> 7; }", false},
        {"digraph { -1.5 -> .5; 7. }", true},
        {"digraph { label=\"Title\\nline\"; rankdir=LR; graph [\"kg_style:node:person:shape\"=box] }",
         true},
        {"digraph { a [label=\"A\", type=person, shape=box]; a -> b [label=knows, type=knows] }",
         true},
        {"digraph { a -> b [id=e1]; b -> a [id=e1] }", true}, /* the importer's error */
        {"digraph { a [\xc3\xa9t\xc3\xa9=\"\xe2\x82\xac\"] }", true},
        /* found by fuzz_dot_readers: cgraph renames a name that starts with
         * '%' ("%5"), so such names are left to it */
        {"digraph { a -> \"%b\" }", false},
        {"digraph \"%g\" { a -> b }", false},
        /* left to cgraph */
        {"digraph { a -> b -> c }", false},
        {"digraph { subgraph cluster_x { a } }", false},
        {"digraph { a:p -> b }", false},
        {"digraph { a, b }", false},
        {"digraph { a [label=<<b>x</b>>] }", false},
        {"digraph { a -> b [key=k]; a -> b [key=k] }", false},
        {"digraph { a [kg_legend=true] }", false},
        {"digraph { a [x=1]; a [y=2] }", false},
        {"digraph { a [x=1, x=2] }", false},
        {"digraph { node [type=person]; a }", false},
        {"digraph { node [x=1]; a; node [x=2]; b }", false},
        {"strict digraph { a -> b [w=1]; a -> b [w=2] }", false},
        {"strict graph { a -- b; b -- a }", false},
        {"digraph { 1abc }", false},
        {"digraph { \"\" }", false},
        {"digraph { a } digraph { b }", false},
        {"digraph { label=x; label=y }", false},
        {"digraph { a\n# 12 \"other.gv\"\n}", false},
        {"digraph { a -- b }", false},
        {"digraph { a -> }", false},
        {"digraph { a [x=\"unterminated] }", false},
        {"digraph { a /* unclosed }", false},
        {"graph { ; }", false},
        {"digraph { a + b }", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool is_fast = same_either_way(cases[i].text, cases[i].text, strlen(cases[i].text));
        if (is_fast != cases[i].is_fast)
            fail_msg("%s: read by %s, expected %s", cases[i].text,
                     is_fast ? "the one-pass reader" : "cgraph",
                     cases[i].is_fast ? "the one-pass reader" : "cgraph");
    }
}

/* A string over 16 KiB, which kg writes as "..." + "..." parts. */
/* Strings as kg writes those over 16,000 bytes: "..." + "..." parts.
 * cgraph cannot read a part of about 16 KiB without an escape in it; the
 * one-pass reader leaves such a file to cgraph and its message. */
static void test_long_strings(void **state)
{
    (void)state;
    static const size_t sizes[] = {15000, 17000};
    for (size_t k = 0; k < 2; k++) {
        size_t part = sizes[k], parts = 3;
        char *text = malloc(parts * (part + 8) + 64), *o = text;
        assert_non_null(text);
        o += sprintf(o, "digraph { a [description=");
        for (size_t p = 0; p < parts; p++) {
            o += sprintf(o, "%s\"", p ? " + " : "");
            for (size_t i = 0; i < part; i++)
                *o++ = i % 100 == 99 ? ' ' : (char)('a' + (i + p) % 26);
            *o++ = '"';
        }
        strcpy(o, "] }");
        assert_int_equal(same_either_way("long strings", text, strlen(text)), k == 0);
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus),
        cmocka_unit_test(test_kg_exports),
        cmocka_unit_test(test_edges_of_the_subset),
        cmocka_unit_test(test_long_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
