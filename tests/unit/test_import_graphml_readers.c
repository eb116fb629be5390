/* The two GraphML readers against each other: libxml2's SAX2 parser, and
 * kg's own pass over the subset kg, NetworkX, igraph, yEd and Gephi write,
 * which gives up on anything else so that libxml2 reads it
 * (KG_GRAPHML_READER chooses). Every document gives the same status,
 * messages and graph (as node-link JSON) either way: the GraphML files of
 * the shared corpora (skipped when absent; read as files, which the fast
 * reader maps), kg's GraphML and yEd exports of the test data sets, the
 * shipped data set and the hostile fixture, and small documents at the
 * edges of the subset, for which the test also says which reader must
 * read them. */
#include <dirent.h>

#include "reader_outcome.h"

#define CORPUS KG_SOURCE_DIR "/../shared/corpora/graphml"

static outcome read_as(const char *reader, const char *text, size_t len, const char *path)
{
    return read_with("KG_GRAPHML_READER", reader, KG_IMPORT_GRAPHML, "in.graphml", text, len, path);
}


/* Both readers agree on the document (text, or the file at path); returns
 * whether the fast reader read it. */
static bool same_either_way(const char *what, const char *text, size_t len, const char *path)
{
    outcome a = read_as("libxml2", text, len, path), b = read_as(NULL, text, len, path);
    outcome c = read_as("fast", text, len, path);
    bool is_fast = !strstr(c.messages, "KG_GRAPHML_READER=fast");
    if (a.status != b.status || strcmp(a.messages, b.messages) != 0 || !a.json != !b.json ||
        (a.json && strcmp(a.json, b.json) != 0) ||
        (is_fast && (c.status != a.status || strcmp(c.messages, a.messages) != 0))) {
        fail_readers_differ(what, "libxml2", &a, "fast", &b);
    }
    outcome_free(&a);
    outcome_free(&b);
    outcome_free(&c);
    return is_fast;
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
        if (n < 8 || strcmp(e->d_name + n - 8, ".graphml") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", CORPUS, e->d_name);
        fast += same_either_way(path, NULL, 0, path);
        files++;
    }
    closedir(dir);
    assert_true(files >= 20);
    assert_true(fast >= 15); /* all but the one-line, non-UTF-8 and broken ones */
}

/* kg's own GraphML and yEd exports must all take the fast reader, as text
 * and as files. */
static void test_kg_exports(void **state)
{
    (void)state;
    static const char *const sets[] = {KG_TEST_DATA "/small.kg.json",
                                       KG_TEST_DATA "/analysis.kg.json",
                                       KG_TEST_DATA "/hostile.kg.json",
                                       KG_SOURCE_DIR "/data/nato-eu.kg.json"};
    static const kg_format formats[] = {KG_FORMAT_GRAPHML, KG_FORMAT_YED};
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        kg_graph *graph = NULL;
        assert_int_equal(kg_dataset_load(sets[i], NULL, &graph, NULL), KG_OK);
        for (size_t k = 0; k < 2; k++) {
            kg_writer *w = NULL;
            assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
            assert_int_equal(kg_export(graph, formats[k], NULL, w, NULL), KG_OK);
            size_t len = 0;
            const char *xml = kg_writer_memory(w, &len);
            if (!same_either_way(sets[i], xml, len, NULL))
                fail_msg("%s: kg's export %zu did not take the fast reader", sets[i], k);
            char path[] = "/tmp/kg-graphml-readers-XXXXXX";
            int fd = mkstemp(path);
            assert_true(fd >= 0);
            FILE *f = fdopen(fd, "wb");
            assert_non_null(f);
            assert_int_equal(fwrite(xml, 1, len, f), len);
            fclose(f);
            char named[64];
            snprintf(named, sizeof named, "%s.graphml", path);
            assert_int_equal(rename(path, named), 0);
            if (!same_either_way(named, NULL, 0, named))
                fail_msg("%s: kg's export %zu as a file did not take the fast reader", sets[i], k);
            remove(named);
            kg_writer_abort(w);
        }
        kg_graph_free(graph);
    }
}

typedef struct small {
    const char *text;
    bool is_fast; /* the fast reader reads it */
} small;

#define NS "xmlns=\"http://graphml.graphdrawing.org/xmlns\""
#define KEYS "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>" \
             "<key id=\"d1\" for=\"edge\" attr.name=\"w\" attr.type=\"double\"/>\n"
#define DOC(body) "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml " NS ">\n" KEYS \
                  "<graph id=\"G\" edgedefault=\"directed\">\n" body "\n</graph>\n</graphml>\n"

static void test_edges_of_the_subset(void **state)
{
    (void)state;
    static const small cases[] = {
        /* read by the fast reader */
        {DOC("<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/>"), true},
        {"<graphml><graph><node id='a'/></graph></graphml>", true},
        {"<?xml version='1.0' encoding='utf-8'?><graphml><graph/></graphml>", true},
        {"<?xml version=\"1.0\" standalone=\"yes\" ?>\n<graphml><graph/></graphml>", true},
        {DOC("<node id=\"a&amp;b&lt;&gt;&quot;&apos;\"><data key=\"d0\">x&amp;y&#65;&#x42;&#x20AC;</data></node>"), true},
        {DOC("<node id=\"&#38;&#x26;amp;\"><data key=\"d0\">&#38;#38;</data></node>"), true},
        {DOC("<node id=\"tab\tnl\nx\"><data key=\"d0\">t\tn\nx&#9;&#10;&#13;</data></node>"), true},
        {DOC("<node id=\"a\"><data key=\"d0\"><![CDATA[<b>&amp;]]]]><![CDATA[>]]></data></node>"), true},
        {DOC("<!-- c --><node id=\"a\"><!-- in --><data key=\"d0\">x<!-- mid -->y</data><!----></node>"), true},
        {"<!-- before --><graphml><graph><node id=\"a\"/></graph></graphml><!-- after -->\n", true},
        {DOC("<node id=\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"><data key=\"d0\">\xc3\xa9 \xf0\x9f\x98\x80</data></node>"), true},
        {DOC("<node id=\"\xc3\xa9\"/><node id=\"\xc3\xa9\"/>"), true}, /* kg's error, its position */
        {DOC("  \xc3\xa9\xc3\xa9 <node id=\"x\"/><edge source=\"x\"/>"), true},
        {DOC("<node id=\"a\"/><edge source=\"a\" target=\"zz\"><data key=\"d1\">nope</data></edge>"), true},
        {DOC("<node id=\"a\"><data key=\"d0\">x</data><data key=\"d0\">y</data></node>"), true},
        {DOC("<node id=\"a\"><port name=\"p\"/><graph id=\"in\"><node id=\"b\"/></graph></node>"), true},
        {DOC("<hyperedge><endpoint node=\"a\"/></hyperedge>"), true},
        {DOC("<node id=\"a\"><data key=\"dx\">1</data></node>"), true},
        {"<graphml " NS " xmlns:y=\"http://www.yworks.com/xml/graphml\"><key id=\"d6\" for=\"node\" yfiles.type=\"nodegraphics\"/><graph>"
         "<node id=\"n0\"><data key=\"d6\"><y:ShapeNode><y:Geometry x=\"1.0\" y=\"2\"/><y:NodeLabel a=\"b\">Label &amp; more</y:NodeLabel></y:ShapeNode></data></node>"
         "</graph></graphml>", true},
        {"<g:graphml xmlns:g=\"http://graphml.graphdrawing.org/xmlns\"><g:graph><g:node id=\"a\"/><node id=\"b\"/></g:graph></g:graphml>", true},
        {"<graphml xmlns=\"urn:other\"><graph/></graphml>", true},
        {"<other/>", true},
        {"<graphml><key id=\"k\" for=\"node\" attr.type=\"int\"><default>12</default></key><graph><node id=\"a\"/></graph></graphml>", true},
        {"<graphml><graph><node id=\"a\" a:x=\"1\" xmlns:a=\"urn:a\" b:x=\"2\" xmlns:b=\"urn:b\"/></graph></graphml>", false},
        {"<graphml><graph/><graph/></graphml>", true},
        {"<graphml></graphml>", true},
        {"<graphml>\n<graph>\n<node\n id=\"a\"\n/>\n<node id=\"a\"/></graph></graphml>", true},
        /* left to libxml2 */
        {"\xef\xbb\xbf<graphml><graph/></graphml>", false},
        {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml><graph><node id=\"\xe9\"/></graph></graphml>", false},
        {"<?xml version=\"1.1\"?><graphml><graph/></graphml>", false},
        {"<!DOCTYPE graphml [<!ENTITY e \"x\">]><graphml><graph/></graphml>", false},
        {"<?pi x?><graphml><graph/></graphml>", false},
        {"<graphml><?pi x?><graph/></graphml>", false},
        {" <?xml version=\"1.0\"?><graphml><graph/></graphml>", false},
        {"<graphml><graph><node id=\"a\"></graph></graphml>", false},
        {"<graphml><graph><node id=\"a\" id=\"b\"/></graph></graphml>", false},
        {"<graphml><graph><node id=\"a<b\"/></graph></graphml>", false},
        {"<graphml><graph><node id=\"a\">]]></node></graph></graphml>", false},
        {"<graphml><graph/></graphml><graphml/>", false},
        {"<graphml><graph/></graphml>text", false},
        {"", true}, /* refused before any reader */
        {"   ", false},
        {"<graphml><graph>", false},
        {"<graphml><graph><node id=\"a\">&foo;</node></graph></graphml>", false},
        {"<graphml><graph><node id=\"&#0;\"/></graph></graphml>", false},
        {"<graphml><graph><node id=\"&#xD800;\"/></graph></graphml>", false},
        {"<graphml><graph><node id=\"a&b\"/></graph></graphml>", false},
        {"<graphml><graph><node id=\"\x01\"/></graph></graphml>", false},
        {"<graphml><graph><node id=\"\xc3\"/></graph></graphml>", false},
        {"<graphml><graph><node id=\"\xed\xa0\x80\"/></graph></graphml>", false},
        {"<graphml><graph><node id=\"\xef\xbf\xbe\"/></graph></graphml>", false},
        {"<graphml><graph><node id=\"\xc0\x80\"/></graph></graphml>", false},
        {"<graphml>\r\n<graph/></graphml>", false},
        {"<graphml><graph><y:node id=\"a\"/></graph></graphml>", false},
        {"<graphml><graph><node y:id=\"a\" id=\"b\"/></graph></graphml>", false},
        {"<graphml xmlns:y=\"\"><graph/></graphml>", false},
        {"<graphml xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"><graph/></graphml>", false},
        {"<graphml><graph><node id=\"a\" xml:lang=\"en\"/></graph></graphml>", false},
        {"<gr\xc3\xa4ph/>", false},
        {"<graphml><graph><node id=\"a\"id=\"b\"/></graph></graphml>", false},
        {"<graphml><!-- a -- b --><graph/></graphml>", false},
        {"<graphml><!-- a ---><graph/></graphml>", false},
        {"<graphml><graph><node id=\"a\"><![CDATA[x]]</node></graph></graphml>", false},
        {"<graphml><graph></graph ></graphml >", true},
        {"<graphml><graph></grap></graphml>", false},
        {"<graphml><graph><node id=a/></graph></graphml>", false},
        {"<a:b:c/>", false},
        {"<graphml xmlns:x=\"http://w:ww.example.org/\"><graph/></graphml>", false},
        {"<graphml xmlns:x=\"http://example.org/a%20b\"><graph/></graphml>", false},
        {"<graphml xmlns=\"graphml\"><graph/></graphml>", false},
        {"<graphml><graph><node id=\"a\"/></graph></graphml", false},
        {"<graphml><graph><node id=\"a\"/></graph></graphml>\n<!-- x", false},
        {"<![CDATA[x]]><graphml/>", false},
        /* given up part way, after warnings and nodes: libxml2 from the start */
        {"<graphml><graph><node id=\"a\"><port name=\"p\"/></node></graph><graph/><?pi x?></graphml>", false},
        {DOC("<node id=\"a\"><graph><node id=\"b\"/></graph></node><node id=\"c\"/>\r\n<edge source=\"a\" target=\"c\"/>"), false},
        {DOC("<node id=\"a\"/><node id=\"a\"/>&bogus;"), true}, /* the importer stops first */
        {DOC("<node id=\"a\"/><node id=\"a\"/>"), true},
        /* graphics tags the fast reader remembers and does not read again:
         * the same bytes under another binding of their prefix, a tag
         * spread over lines, each node's own label, a position after them */
        {"<graphml " NS " xmlns:y=\"urn:y1\"><key id=\"g\" for=\"node\" yfiles.type=\"nodegraphics\"/><graph>"
         "<node id=\"n0\"><data key=\"g\"><y:Fill a=\"1\"/><y:Fill a=\"1\"/><y:NodeLabel x=\"1\">A</y:NodeLabel></data></node>"
         "<node id=\"n1\" xmlns:y=\"urn:y2\"><data key=\"g\"><y:Fill a=\"1\"/><y:NodeLabel x=\"1\">B</y:NodeLabel></data></node>"
         "<node id=\"n2\"><data key=\"g\"><y:Fill\n a=\"1\"/><y:Fill\n a=\"1\"/><y:NodeLabel x=\"1\">C</y:NodeLabel></data></node>\n"
         "<node id=\"n2\"/></graph></graphml>", true},
        {"<graphml " NS "><key id=\"g\" for=\"node\"/><graph>"
         "<node id=\"n0\"><data key=\"g\" xmlns:z=\"urn:z\"><z:Fill a=\"1\"/><z:Fill a=\"1\"/></data></node>"
         "<node id=\"n1\"><data key=\"g\"><z:Fill a=\"1\"/></data></node></graph></graphml>", false},
        {"<graphml " NS " xmlns:y=\"urn:y\"><key id=\"g\" for=\"node\"/><graph>"
         "<node id=\"n0\"><data key=\"g\"><y:F a=\"&gt;\" b=\">\"/><y:F a=\"&gt;\" b=\">\"/></data></node>"
         "<node id=\"n1\"><data key=\"g\"><y:F a=\"&gt;\" b=\">\" b=\"2\"/></data></node></graph></graphml>", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool is_fast = same_either_way(cases[i].text, cases[i].text, strlen(cases[i].text), NULL);
        if (is_fast != cases[i].is_fast)
            fail_msg("case %zu %s: read by %s, expected %s", i, cases[i].text,
                     is_fast ? "the fast reader" : "libxml2",
                     cases[i].is_fast ? "the fast reader" : "libxml2");
    }
}

/* Start tags far into long lines: the fast reader reads them only in the
 * first 400 bytes, or inside a value (yEd's graphics). */
static void test_long_lines(void **state)
{
    (void)state;
    char text[8192];
    char pad[600];
    memset(pad, ' ', sizeof pad - 1);
    pad[sizeof pad - 1] = '\0';
    snprintf(text, sizeof text, "<graphml><graph>%s<node id=\"a\"/></graph></graphml>", pad);
    assert_false(same_either_way("long line", text, strlen(text), NULL));
    snprintf(text, sizeof text, "<graphml><graph>\n%.40s<node id=\"a\"/></graph></graphml>", pad);
    assert_true(same_either_way("short line", text, strlen(text), NULL));
    snprintf(text, sizeof text,
             "<graphml " NS "><key id=\"d\" for=\"node\"/><graph>\n<node id=\"a\"><data key=\"d\">"
             "%s<x><y>%s</y></x></data></node></graph></graphml>", pad, pad);
    assert_true(same_either_way("long line in a value", text, strlen(text), NULL));
    /* a text run over 1 MiB is left to libxml2 */
    size_t big = ((size_t)1 << 20) + 10;
    char *huge = malloc(big + 200);
    assert_non_null(huge);
    char *o = huge + sprintf(huge, "<graphml><key id=\"d\" for=\"node\"/><graph><node id=\"a\"><data key=\"d\">");
    memset(o, 'x', big);
    strcpy(o + big, "</data></node></graph></graphml>");
    assert_false(same_either_way("huge text", huge, strlen(huge), NULL));
    free(huge);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus),
        cmocka_unit_test(test_kg_exports),
        cmocka_unit_test(test_edges_of_the_subset),
        cmocka_unit_test(test_long_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
