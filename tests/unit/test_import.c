/* Importers through the public API (kg/import.h): typed values, kg's field
 * names mapped back, defaults, parallel edges, yEd labels, nested graphs,
 * the DOT legend, node-link variants, CSV quoting, schema checks, limits,
 * and errors with their line:column. Real files from other tools and the
 * round trips through each format: tests/cli/test_import.sh. */
#include "test_util.h"

/* Imports text as `name` (its extension names the format). */
static kg_status import_text(const char *text, const char *name, const kg_import_options *o,
                             kg_graph **g, kg_diagnostics *d)
{
    kg_diagnostics_init(d, 0);
    return kg_import_buffer(text, strlen(text), name, o, g, d);
}

static const kg_node *node(const kg_graph *g, const char *id)
{
    size_t i = kg_graph_find_node(g, id);
    assert_true(i != KG_SCHEMA_NOT_FOUND);
    return kg_graph_node(g, i);
}

static void assert_attr(const kg_attr *a, const char *text, kg_value_kind kind)
{
    assert_non_null(a);
    assert_string_equal(a->text, text);
    assert_int_equal(a->kind, kind);
}

/* The first diagnostic with status `status` (warnings are KG_OK). */
static const kg_error *first(const kg_diagnostics *d, kg_status status)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].status == status)
            return &d->items[i];
    fail_msg("no diagnostic with status %d", (int)status);
    return NULL;
}

static void formats(void **state)
{
    (void)state;
    kg_import_format f;
    assert_int_equal(kg_import_format_from_path("a/b.graphml", &f), KG_OK);
    assert_int_equal(f, KG_IMPORT_GRAPHML);
    assert_int_equal(kg_import_format_from_path("x.gv", &f), KG_OK);
    assert_int_equal(f, KG_IMPORT_DOT);
    assert_int_equal(kg_import_format_from_path("x.tsv", &f), KG_OK);
    assert_int_equal(f, KG_IMPORT_TSV);
    assert_int_equal(kg_import_format_from_path("x.svg", &f), KG_EUSAGE);
    assert_int_equal(kg_import_format_from_path("noext", &f), KG_EUSAGE);
    assert_string_equal(kg_import_format_name(KG_IMPORT_CSV), "csv");
}

static const char graphml_typed[] =
    "<?xml version=\"1.0\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"k0\" for=\"node\" attr.name=\"age\" attr.type=\"int\"><default>7</default></key>\n"
    "<key id=\"k1\" for=\"edge\" attr.name=\"w\" attr.type=\"double\"/>\n"
    "<key id=\"k2\" for=\"node\" attr.name=\"ok\" attr.type=\"boolean\"/>\n"
    "<key id=\"k3\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "<key id=\"k4\" for=\"node\" attr.name=\"attr_label\" attr.type=\"string\"/>\n"
    "<key id=\"k5\" for=\"all\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "<key id=\"k6\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
    "<key id=\"k7\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
    "<graph id=\"G\" edgedefault=\"directed\">\n"
    "<node id=\"a\"><data key=\"k0\"> 42 </data><data key=\"k2\">FALSE</data>"
    "<data key=\"k3\">Alpha &amp; co</data><data key=\"k4\">free</data>"
    "<data key=\"k5\">person</data><data key=\"k6\">[\"A\",\"Alf\"]</data></node>\n"
    "<node id=\"b\"><data key=\"k2\">1</data></node>\n"
    "<edge id=\"e1\" source=\"a\" target=\"b\"><data key=\"k1\">.5</data>"
    "<data key=\"k7\">[{\"source\":\"s\",\"quote\":\"q\"}]</data></edge>\n"
    "<edge source=\"a\" target=\"b\"><data key=\"k1\">3</data></edge>\n"
    "<edge source=\"a\" target=\"b\"/>\n"
    "</graph></graphml>\n";

static void graphml_types_defaults_fields(void **state)
{
    (void)state;
    kg_graph *g = NULL;
    kg_diagnostics d;
    assert_int_equal(import_text(graphml_typed, "t.graphml", NULL, &g, &d), KG_OK);
    assert_string_equal(kg_graph_name(g), "G");
    const kg_node *a = node(g, "a"), *b = node(g, "b");
    assert_attr(kg_node_attr(a, "age"), "42", KG_VALUE_INTEGER);
    assert_attr(kg_node_attr(b, "age"), "7", KG_VALUE_INTEGER); /* <default> */
    assert_attr(kg_node_attr(a, "ok"), "false", KG_VALUE_BOOLEAN);
    assert_attr(kg_node_attr(b, "ok"), "true", KG_VALUE_BOOLEAN);
    assert_attr(kg_node_attr(a, "label"), "free", KG_VALUE_STRING); /* attr_label */
    assert_string_equal(a->label, "Alpha & co");
    assert_string_equal(a->type, "person");
    assert_string_equal(b->type, KG_IMPORT_DEFAULT_NODE_TYPE);
    assert_int_equal(a->type_index, KG_SCHEMA_NOT_FOUND);
    assert_int_equal(a->alias_count, 2);
    assert_string_equal(a->aliases[1], "Alf");
    assert_int_equal(kg_graph_edge_count(g), 3); /* parallel edges kept */
    /* (source, type, target, input position): e1 came first */
    assert_string_equal(kg_graph_edge(g, 1)->id, "a:edge:b");
    assert_attr(kg_edge_attr(kg_graph_edge(g, 1), "w"), "3.0", KG_VALUE_REAL);
    assert_string_equal(kg_graph_edge(g, 2)->id, "a:edge:b:2");
    const kg_edge *e = kg_graph_edge(g, 0);
    assert_string_equal(e->id, "e1");
    assert_attr(kg_edge_attr(e, "w"), "0.5", KG_VALUE_REAL);
    assert_int_equal(e->evidence_count, 1);
    assert_string_equal(e->evidence[0].quote, "q");
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static void graphml_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int line, column;
        const char *message;
    } cases[] = {
        {"<graphml><graph>\n<node id=\"a\">\n</graph></graphml>", 3, 9, "XML error"},
        {"<graphml><key id=\"k\" for=\"node\" attr.type=\"int\"/><graph>\n"
         "<node id=\"a\"><data key=\"k\">x1</data></node></graph></graphml>", 2, 0,
         "expected an integer, found 'x1'"},
        {"<graphml><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/></graph></graphml>", 2,
         0, "edge target 'b' is not a node"},
        {"<graphml><graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>", 1, 0,
         "duplicate node id 'a'"},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY x \"xx\">]>\n<graphml><graph/></graphml>", 2,
         0, "declares entities"},
        /* an element is reported at its '<', on the line where it starts */
        {"<graphml><graph>\n  <node x=\"1\"/>\n</graph></graphml>", 2, 3, "<node> without an id"},
        {"<graphml><graph>\n<node id=\"a\"/><node\n  id=\"a\"/></graph></graphml>", 2, 0,
         "duplicate node id 'a'"},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE g SYSTEM \"g.dtd\">\n"
         "<graphml><graph><node id=\"a&e;\"/></graph></graphml>", 3, 0,
         "entity reference '&e;' is not supported"},
        {"<graphml><graph><hyperedge/></graph></graphml>", 1, 0, "hyperedges are not supported"},
        /* a repeated edge id: the first one new to the graph, then after
         * an id that was a node's, and after one that waited for its ends */
        {"<graphml><key id=\"i\" for=\"edge\" attr.name=\"edge_id\"/><graph>"
         "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"><data key=\"i\">e1</data></edge>\n"
         "<edge source=\"b\" target=\"a\"><data key=\"i\">e1</data></edge></graph></graphml>",
         2, 0, "duplicate edge id 'e1'"},
        {"<graphml><key id=\"i\" for=\"edge\" attr.name=\"edge_id\"/><graph>"
         "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"><data key=\"i\">e1</data></edge>"
         "<edge source=\"a\" target=\"b\"><data key=\"i\">a</data></edge>\n\n"
         "<edge source=\"b\" target=\"a\"><data key=\"i\">e1</data></edge></graph></graphml>",
         3, 0, "duplicate edge id 'e1'"},
        {"<graphml><key id=\"i\" for=\"edge\" attr.name=\"edge_id\"/><graph>"
         "<edge source=\"a\" target=\"b\"><data key=\"i\">e1</data></edge>"
         "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"><data key=\"i\">b</data></edge>\n"
         "<edge source=\"b\" target=\"a\"><data key=\"i\">e1</data></edge></graph></graphml>",
         2, 0, "duplicate edge id 'e1'"},
        {"<root/>", 1, 0, "not GraphML"},
        {"", 1, 1, "empty file"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kg_graph *g = NULL;
        kg_diagnostics d;
        assert_int_equal(import_text(cases[i].text, "bad.graphml", NULL, &g, &d), KG_EINPUT);
        assert_null(g);
        const kg_error *e = first(&d, KG_EINPUT);
        assert_string_equal(e->file, "bad.graphml");
        if (cases[i].line ? e->line != cases[i].line : e->line < 1)
            fail_msg("case %zu: line %d, expected %d (%s)", i, e->line, cases[i].line, e->message);
        if (cases[i].column)
            assert_int_equal(e->column, cases[i].column);
        else
            assert_true(e->column > 0);
        if (!strstr(e->message, cases[i].message))
            fail_msg("case %zu: '%s' lacks '%s'", i, e->message, cases[i].message);
        kg_diagnostics_clear(&d);
    }
}

/* Attribute values with character and entity references (libxml2 hands
 * '&' over as "&#38;" when it does not substitute entities), and the
 * nesting limit of the SAX reader. */
static void graphml_references_and_depth(void **state)
{
    (void)state;
    kg_graph *g = NULL;
    kg_diagnostics d;
    const char *text = "<graphml><graph><node id=\"a&amp;b&#38;c&lt;&#x41;&amp;#38;\"/>"
                       "<node id=\"x\"/><edge source=\"a&amp;b&amp;c&lt;A&#38;#38;\" "
                       "target=\"x\"/></graph></graphml>";
    assert_int_equal(import_text(text, "r.graphml", NULL, &g, &d), KG_OK);
    assert_non_null(node(g, "a&b&c<A&#38;"));
    assert_int_equal(kg_graph_edge_count(g), 1);
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
    char deep[4096] = "<graphml><graph><node id=\"a\">";
    for (int i = 0; i < 300; i++)
        strcat(deep, "<x>");
    assert_int_equal(import_text(deep, "deep.graphml", NULL, &g, &d), KG_EINPUT);
    const kg_error *e = first(&d, KG_EINPUT);
    if (!e || !strstr(e->message, "nested deeper than the limit of 256") || e->line != 1)
        fail_msg("deep nesting: %s", e ? e->message : "no error");
    kg_diagnostics_clear(&d);
}

/* NetworkX writes its per-pair multigraph keys as GraphML edge ids. */
static void graphml_soft_edge_ids(void **state)
{
    (void)state;
    kg_graph *g = NULL;
    kg_diagnostics d;
    const char *text = "<graphml><graph><node id=\"a\"/><node id=\"b\"/>"
                       "<edge id=\"0\" source=\"a\" target=\"b\"/><edge id=\"0\" source=\"b\" target=\"a\"/>"
                       "</graph><graph/></graphml>";
    assert_int_equal(import_text(text, "nx.graphml", NULL, &g, &d), KG_OK);
    assert_string_equal(kg_graph_edge(g, 0)->id, "a:edge:b");
    assert_non_null(strstr(first(&d, KG_OK)->message, "a second <graph> is skipped"));
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static void graphml_yed_nested(void **state)
{
    (void)state;
    kg_graph *g = NULL;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    kg_import_options o = kg_import_defaults();
    o.node_type_attr = "kind";
    o.edge_type_attr = "label";
    assert_int_equal(kg_import_file(KG_TEST_DATA "/import/yed.graphml", &o, &g, &d), KG_OK);
    assert_int_equal(kg_graph_node_count(g), 3);
    assert_string_equal(node(g, "n0")->label, "NATO");
    assert_string_equal(node(g, "n0")->type, "organisation"); /* the key's default */
    assert_string_equal(node(g, "n1::n0")->label, "EU Military\nStaff");
    assert_string_equal(node(g, "n1::n0")->type, "body");
    assert_string_equal(kg_graph_edge(g, 0)->type, "cooperates_with");
    bool has_nested_warning = false;
    for (size_t i = 0; i < d.count; i++)
        has_nested_warning |= d.items[i].status == KG_OK && strstr(d.items[i].message, "flattened");
    assert_true(has_nested_warning);
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static const char dot_kg[] =
    "digraph \"x\" {\n"
    "  graph [label=\"Title \\\\ \\\"q\\\"\"];\n"
    "  node [fontname=\"Helvetica\"];\n"
    "  \"a\" [label=\"A\\nline\", type=\"organisation\", shape=\"box\", n=\"3\", r=\"2\","
    " aliases=\"[\\\"x\\\\\\\\y\\\"]\"];\n"
    "  \"b\" [label=\"b\", type=\"organisation\", shape=\"box\", n=\"4\", r=\"2.5\"];\n"
    "  \"a\" -> \"b\" [id=\"e\", label=\"signed_by\", type=\"signed_by\","
    " evidence=\"[{\\\"source\\\":\\\"s\\\",\\\"quote\\\":\\\"q1\\\"}]\", tooltip=\"q1\"];\n"
    "  subgraph \"cluster_legend\" {\n"
    "    \"legend:node:organisation\" [label=\"organisation\", kg_legend=\"true\", shape=\"box\"];\n"
    "  }\n"
    "  subgraph cluster_0 { \"b\"; }\n"
    "}\n";

static void dot_fields_legend_inference(void **state)
{
    (void)state;
    kg_graph *g = NULL;
    kg_diagnostics d;
    assert_int_equal(import_text(dot_kg, "x.dot", NULL, &g, &d), KG_OK);
    assert_string_equal(kg_graph_name(g), "x");
    assert_string_equal(kg_graph_title(g), "Title \\ \"q\"");
    assert_int_equal(kg_graph_node_count(g), 2); /* the legend is skipped */
    const kg_node *a = node(g, "a");
    assert_string_equal(a->label, "A\nline");
    assert_null(kg_node_attr(a, "shape"));    /* equal to the legend's style */
    assert_null(kg_node_attr(a, "fontname")); /* a graph-wide default */
    assert_attr(kg_node_attr(a, "n"), "3", KG_VALUE_INTEGER);
    assert_attr(kg_node_attr(a, "r"), "2.0", KG_VALUE_REAL); /* the column has 2.5 */
    assert_int_equal(a->alias_count, 1);
    assert_string_equal(a->aliases[0], "x\\y");
    assert_string_equal(node(g, "b")->label, "b");
    const kg_edge *e = kg_graph_edge(g, 0);
    assert_string_equal(e->id, "e");
    assert_string_equal(e->type, "signed_by");
    assert_int_equal(e->attr_count, 0); /* label = type, tooltip = quotes */
    assert_int_equal(e->evidence_count, 1);
    const kg_error *w = first(&d, KG_OK);
    assert_non_null(strstr(w->message, "cluster_0"));
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static void dot_syntax_error(void **state)
{
    (void)state;
    kg_graph *g = NULL;
    kg_diagnostics d;
    assert_int_equal(import_text("digraph {\n  a -> b;\n  c -> ;\n}\n", "bad.gv", NULL, &g, &d),
                     KG_EINPUT);
    const kg_error *e = first(&d, KG_EINPUT);
    assert_int_equal(e->line, 3);
    assert_int_equal(e->column, 8);
    assert_non_null(strstr(e->message, "syntax error"));
    kg_diagnostics_clear(&d);
    /* cgraph recovers: the next parse works */
    assert_int_equal(import_text("graph { a -- b }", "ok.gv", NULL, &g, &d), KG_OK);
    assert_int_equal(kg_graph_edge_count(g), 1);
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static void node_link_variants(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "{\"directed\": true, \"multigraph\": true, \"graph\": {\"name\": \"n\"},"
        " \"nodes\": [{\"id\": 1, \"w\": 1.0, \"tags\": [1, 2]}, {\"id\": \"b\"}],"
        " \"links\": [{\"source\": 1, \"target\": \"b\", \"key\": 0},"
        "             {\"source\": 1, \"target\": \"b\", \"key\": 1, \"attr_key\": \"k\"}]}",
        "{\"nodes\": [{\"id\": 1, \"w\": 1.0, \"tags\": [1, 2]}, {\"id\": \"b\"}],"
        " \"edges\": [{\"source\": 1, \"target\": \"b\"}, {\"source\": 1, \"target\": \"b\","
        " \"attr_key\": \"k\"}]}",
    };
    for (size_t i = 0; i < 2; i++) {
        kg_graph *g = NULL;
        kg_diagnostics d;
        assert_int_equal(import_text(texts[i], "n.json", NULL, &g, &d), KG_OK);
        assert_int_equal(kg_graph_edge_count(g), 2);
        const kg_node *one = node(g, "1");
        assert_attr(kg_node_attr(one, "w"), "1.0", KG_VALUE_REAL);
        assert_attr(kg_node_attr(one, "tags"), "[1,2]", KG_VALUE_STRING);
        assert_string_equal(kg_graph_edge(g, 0)->id, "1:edge:b");
        assert_attr(kg_edge_attr(kg_graph_edge(g, 1), "key"), "k", KG_VALUE_STRING);
        kg_graph_free(g);
        kg_diagnostics_clear(&d);
    }
    kg_graph *g = NULL;
    kg_diagnostics d;
    assert_int_equal(import_text("{\"nodes\": [{\"id\": [1]}]}", "n.json", NULL, &g, &d), KG_EINPUT);
    assert_string_equal(first(&d, KG_EINPUT)->pointer, "/nodes/0/id");
    kg_diagnostics_clear(&d);
    assert_int_equal(import_text("{\"nodes\": [\n  {\"id\": 1,}]}", "n.json", NULL, &g, &d),
                     KG_EINPUT);
    assert_int_equal(first(&d, KG_EINPUT)->line, 2);
    kg_diagnostics_clear(&d);
}

/* Edges whose ends are known are added as they are read, the rest wait:
 * either way the graph gets them in the file's order, so parallel edges
 * split by a waiting one keep their order and their ids, whether the
 * nodes come first, last, or partly after the edges. */
static void edges_in_file_order(void **state)
{
    (void)state;
    static const char links[] =
        "\"links\": [{\"source\": \"a\", \"target\": \"b\", \"n\": 1},"
        " {\"source\": \"a\", \"target\": \"c\", \"n\": 2},"
        " {\"source\": \"a\", \"target\": \"b\", \"n\": 3},"
        " {\"source\": \"b\", \"target\": \"a\", \"n\": 4},"
        " {\"source\": \"a\", \"target\": \"b\", \"n\": 5}]";
    static const char nodes_ab[] = "\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}]";
    static const char nodes_abc[] =
        "\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}]";
    char texts[3][1024];
    snprintf(texts[0], sizeof texts[0], "{%s, %s}", nodes_ab, links);  /* c made at the end */
    snprintf(texts[1], sizeof texts[1], "{%s, %s}", links, nodes_abc); /* every edge waits */
    snprintf(texts[2], sizeof texts[2], "{%s, %s}", nodes_abc, links); /* none waits */
    static const char *const ids[] = {"a:edge:b", "a:edge:b:2", "a:edge:b:3", "a:edge:c",
                                      "b:edge:a"};
    static const char *const ns[] = {"1", "3", "5", "2", "4"};
    for (int t = 0; t < 3; t++) {
        kg_graph *g = NULL;
        kg_diagnostics d;
        assert_int_equal(import_text(texts[t], "n.json", NULL, &g, &d), KG_OK);
        assert_int_equal(kg_graph_node_count(g), 3);
        assert_int_equal(kg_graph_edge_count(g), 5);
        for (size_t i = 0; i < 5; i++) {
            const kg_edge *e = kg_graph_edge(g, i);
            assert_string_equal(e->id, ids[i]);
            assert_attr(kg_edge_attr(e, "n"), ns[i], KG_VALUE_INTEGER);
        }
        kg_graph_free(g);
        kg_diagnostics_clear(&d);
    }
    /* GraphML: c is declared between two parallel edges to it */
    static const char graphml[] =
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
        "<key id=\"w\" for=\"edge\" attr.name=\"w\" attr.type=\"int\"/>"
        "<graph edgedefault=\"directed\"><node id=\"a\"/>"
        "<edge source=\"a\" target=\"c\"><data key=\"w\">1</data></edge><node id=\"c\"/>"
        "<edge source=\"a\" target=\"c\"><data key=\"w\">2</data></edge></graph></graphml>";
    kg_graph *g = NULL;
    kg_diagnostics d;
    assert_int_equal(import_text(graphml, "g.graphml", NULL, &g, &d), KG_OK);
    assert_int_equal(kg_graph_edge_count(g), 2);
    assert_string_equal(kg_graph_edge(g, 0)->id, "a:edge:c");
    assert_attr(kg_edge_attr(kg_graph_edge(g, 0), "w"), "1", KG_VALUE_INTEGER);
    assert_attr(kg_edge_attr(kg_graph_edge(g, 1), "w"), "2", KG_VALUE_INTEGER);
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
}

static void table_csv_tsv(void **state)
{
    (void)state;
    kg_graph *g = NULL;
    kg_diagnostics d;
    const char *csv = "\xEF\xBB\xBFsource,target,type,since:int,note\r\n"
                      "a,b,knows,2001,\"x, \"\"y\"\"\nz\"\r\n"
                      "\r\n"
                      "b,a,,,\r\n";
    assert_int_equal(import_text(csv, "e.csv", NULL, &g, &d), KG_OK);
    assert_int_equal(kg_graph_node_count(g), 2);
    const kg_edge *e = kg_graph_edge(g, 0);
    assert_string_equal(e->type, "knows");
    assert_attr(kg_edge_attr(e, "since"), "2001", KG_VALUE_INTEGER);
    assert_attr(kg_edge_attr(e, "note"), "x, \"y\"\nz", KG_VALUE_STRING);
    assert_int_equal(kg_graph_edge(g, 1)->attr_count, 0);
    kg_graph_free(g);
    kg_diagnostics_clear(&d);

    assert_int_equal(import_text("id\tlabel\tn\na\tA \"q\"\t1\nb\tB\t2\n", "n.tsv", NULL, &g, &d),
                     KG_OK);
    assert_string_equal(node(g, "a")->label, "A \"q\"");
    assert_attr(kg_node_attr(node(g, "b"), "n"), "2", KG_VALUE_INTEGER);
    kg_graph_free(g);
    kg_diagnostics_clear(&d);

    /* kg's neo4j-admin node files: labels "Entity;TYPE", aliases joined by ';'. */
    assert_int_equal(import_text("id:ID,:LABEL,label,aliases:string[],tags:string[],n:long\n"
                                 "a,Entity;country,A,x;y z,p;q,3\nb,Entity,B,,,\n",
                                 "n.csv", NULL, &g, &d),
                     KG_OK);
    assert_string_equal(node(g, "a")->type, "country");
    assert_string_equal(node(g, "b")->type, "Entity");
    assert_int_equal(node(g, "a")->alias_count, 2);
    assert_string_equal(node(g, "a")->aliases[1], "y z");
    assert_attr(kg_node_attr(node(g, "a"), "tags"), "p;q", KG_VALUE_STRING);
    assert_attr(kg_node_attr(node(g, "a"), "n"), "3", KG_VALUE_INTEGER);
    assert_null(kg_node_attr(node(g, "a"), "aliases:string[]"));
    kg_graph_free(g);
    kg_diagnostics_clear(&d);

    assert_int_equal(import_text("source,target\na,b\nc\n", "e.csv", NULL, &g, &d), KG_EINPUT);
    assert_int_equal(first(&d, KG_EINPUT)->line, 3);
    kg_diagnostics_clear(&d);
    assert_int_equal(import_text("source,target\n\"a,b\n", "e.csv", NULL, &g, &d), KG_EINPUT);
    assert_non_null(strstr(first(&d, KG_EINPUT)->message, "never closed"));
    kg_diagnostics_clear(&d);
    assert_int_equal(import_text("x,y\n1,2\n", "e.csv", NULL, &g, &d), KG_EINPUT);
    kg_diagnostics_clear(&d);
}

static void schema_and_limits(void **state)
{
    (void)state;
    kg_schema *schema = test_schema();
    kg_import_options o = kg_import_defaults();
    o.schema = schema;
    kg_graph *g = NULL;
    kg_diagnostics d;
    const char *ok = "id,type\nt,treaty\no,organisation\n";
    assert_int_equal(import_text(ok, "n.csv", &o, &g, &d), KG_OK);
    assert_true(node(g, "t")->type_index != KG_SCHEMA_NOT_FOUND);
    assert_ptr_equal(kg_graph_schema(g), schema);
    kg_graph_free(g);
    kg_diagnostics_clear(&d);
    assert_int_equal(import_text("id,type\nt,treatyy\n", "n.csv", &o, &g, &d), KG_EINPUT);
    assert_string_equal(first(&d, KG_EINPUT)->hint, "did you mean 'treaty'?");
    kg_diagnostics_clear(&d);
    /* signed_by: a treaty signed by an organisation, not the reverse */
    const char *edges = "source,target,type\no,t,signed_by\n";
    assert_int_equal(import_text(edges, "e.csv", &o, &g, &d), KG_EINPUT); /* default type 'node' */
    kg_diagnostics_clear(&d);
    kg_schema_free(schema);

    kg_import_options limits = kg_import_defaults();
    limits.max_nodes = 1;
    assert_int_equal(import_text("id\na\nb\n", "n.csv", &limits, &g, &d), KG_ELIMIT);
    kg_diagnostics_clear(&d);
    limits = kg_import_defaults();
    limits.max_bytes = 4;
    assert_int_equal(import_text("id\na\nb\n", "n.csv", &limits, &g, &d), KG_ELIMIT);
    kg_diagnostics_clear(&d);
    assert_int_equal(import_text("id\na\n", "n.unknown", NULL, &g, &d), KG_EUSAGE);
    kg_diagnostics_clear(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formats),
        cmocka_unit_test(graphml_types_defaults_fields),
        cmocka_unit_test(graphml_errors),
        cmocka_unit_test(graphml_references_and_depth),
        cmocka_unit_test(graphml_soft_edge_ids),
        cmocka_unit_test(graphml_yed_nested),
        cmocka_unit_test(dot_fields_legend_inference),
        cmocka_unit_test(dot_syntax_error),
        cmocka_unit_test(node_link_variants),
        cmocka_unit_test(edges_in_file_order),
        cmocka_unit_test(table_csv_tsv),
        cmocka_unit_test(schema_and_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
