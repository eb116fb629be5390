/* The exporters beyond the default four, through the public API: the format
 * table (names, two-part extensions, defaults), the Cypher, N-Triples and
 * CSV escapers, and what each format must hold for the small fixture.
 * Whether other tools read the files back is tests/cli/test_export_more.sh. */
#include <unistd.h>

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
static char *export_text(kg_format format)
{
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    kg_error err;
    assert_int_equal(kg_export(small, format, NULL, w, &err), KG_OK);
    size_t len;
    const char *bytes = kg_writer_memory(w, &len);
    char *text = malloc(len + 1);
    assert_non_null(text);
    memcpy(text, bytes, len + 1);
    kg_writer_abort(w);
    return text;
}

typedef kg_status (*escaper)(kg_writer *w, const char *s);

static void assert_escaped(escaper escape, const char *in, const char *want)
{
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    assert_int_equal(escape(w, in), KG_OK);
    assert_string_equal(kg_writer_memory(w, NULL), want);
    kg_writer_abort(w);
}

static void format_table(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        kg_format format;
    } names[] = {{"gexf", KG_FORMAT_GEXF},         {"cytoscape", KG_FORMAT_CYTOSCAPE},
                 {"cyjs", KG_FORMAT_CYTOSCAPE},    {"cytoscape-style", KG_FORMAT_CYTOSCAPE_STYLE},
                 {"yed", KG_FORMAT_YED},           {"cypher", KG_FORMAT_CYPHER},
                 {"neo4j", KG_FORMAT_NEO4J},       {"nt", KG_FORMAT_NTRIPLES},
                 {"ntriples", KG_FORMAT_NTRIPLES}, {"ttl", KG_FORMAT_TURTLE},
                 {"turtle", KG_FORMAT_TURTLE},     {"png", KG_FORMAT_PNG},
                 {"pdf", KG_FORMAT_PDF},           {"cytoscape-vizmap", KG_FORMAT_CYTOSCAPE_VIZMAP},
                 {"vizmap.xml", KG_FORMAT_CYTOSCAPE_VIZMAP}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        kg_format f;
        assert_int_equal(kg_format_from_name(names[i].name, &f), KG_OK);
        assert_int_equal(f, names[i].format);
        assert_false(kg_format_is_default(f));
    }
    for (int f = 0; f < KG_FORMAT_COUNT; f++)
        assert_string_not_equal(kg_format_name((kg_format)f), "unknown");
    assert_true(kg_format_is_folder(KG_FORMAT_NEO4J));
    assert_false(kg_format_is_folder(KG_FORMAT_GEXF));
    assert_string_equal(kg_format_extension(KG_FORMAT_YED), "yed.graphml");
    assert_string_equal(kg_format_extension(KG_FORMAT_CYTOSCAPE_STYLE), "style.json");
}

static void two_part_extensions(void **state)
{
    (void)state;
    kg_format f;
    assert_int_equal(kg_format_from_path("out/x.yed.graphml", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_YED);
    assert_int_equal(kg_format_from_path("x.graphml", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_GRAPHML);
    assert_int_equal(kg_format_from_path("a.yed/x.graphml", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_GRAPHML);
    assert_int_equal(kg_format_from_path("out/x.style.json", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_CYTOSCAPE_STYLE);
    assert_int_equal(kg_format_from_path("out/x.vizmap.xml", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_CYTOSCAPE_VIZMAP);
    assert_int_equal(kg_format_from_path("out/x.json", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_JSON);
    /* The two-part extension alone is no file name with an extension. */
    assert_int_equal(kg_format_from_path("out/.style.json", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_JSON);
    assert_int_equal(kg_format_from_path("out/x.ttl", &f), KG_OK);
    assert_int_equal(f, KG_FORMAT_TURTLE);
}

static void cypher_strings(void **state)
{
    (void)state;
    assert_escaped(kg_write_cypher_string, "it's", "'it\\'s'");
    assert_escaped(kg_write_cypher_string, "a\\b \"q\"", "'a\\\\b \"q\"'");
    assert_escaped(kg_write_cypher_string, "l1\nl2\r\t\x01", "'l1\\nl2\\r\\t\\u0001'");
    assert_escaped(kg_write_cypher_string, "bad \xff", "'bad \xEF\xBF\xBD'");
    assert_escaped(kg_write_cypher_string, "", "''");
}

static void ntriples_strings(void **state)
{
    (void)state;
    assert_escaped(kg_write_ntriples_string, "say \"hi\"", "\"say \\\"hi\\\"\"");
    /* A backslash is \u005C, so readers that undo \r before \\ agree. */
    assert_escaped(kg_write_ntriples_string, "\\r", "\"\\u005Cr\"");
    assert_escaped(kg_write_ntriples_string, "a\nb\x7f", "\"a\\nb\\u007F\"");
    assert_escaped(kg_write_ntriples_string, "it's \xE6\x97\xA5", "\"it's \xE6\x97\xA5\"");
}

static void csv_fields(void **state)
{
    (void)state;
    assert_escaped(kg_write_csv_field, "a,b", "\"a,b\"");
    assert_escaped(kg_write_csv_field, "say \"hi\"", "\"say \"\"hi\"\"\"");
    assert_escaped(kg_write_csv_field, "l1\nl2", "\"l1\nl2\"");
}

static void gexf_is_dynamic(void **state)
{
    (void)state;
    char *text = export_text(KG_FORMAT_GEXF);
    assert_non_null(strstr(text, "<gexf xmlns=\"http://gexf.net/1.3\""));
    assert_non_null(strstr(text, "mode=\"dynamic\" timeformat=\"date\""));
    /* "2003-03" starts on its first day; "2003-12" ends on its last. */
    assert_non_null(strstr(text, "<node id=\"berlin-plus\" label=\"Berlin Plus arrangements\" "
                                 "start=\"2003-03-01\">"));
    assert_non_null(strstr(text, "start=\"2003-03-31\" end=\"2003-12-31\">"));
    assert_non_null(strstr(text, "<attvalue for=\"start\" value=\"2003-03\"/>"));
    assert_non_null(strstr(text, "<attribute id=\"attr2\" title=\"members\" type=\"long\"/>"));
    assert_non_null(strstr(text, "<edge id=\"second-cooperation\" source=\"alliance\" "
                                 "target=\"union\" label=\"cooperates_with\" "
                                 "kind=\"cooperates_with\">"));
    assert_non_null(strstr(text, "<viz:color r=\"31\" g=\"78\" b=\"121\"/>"));
    assert_non_null(strstr(text, "label=\"liaison &quot;team&quot; \\ with &lt;odd&gt; &amp; "
                                 "characters\""));
    free(text);
}

static void cytoscape_elements_and_style(void **state)
{
    (void)state;
    char *text = export_text(KG_FORMAT_CYTOSCAPE);
    assert_non_null(strstr(text, "\"elements\": {\n    \"nodes\": [\n"));
    assert_non_null(strstr(text, "{\"data\": {\"id\": \"second-cooperation\", \"source\": "
                                 "\"alliance\", \"target\": \"union\", \"type\": "
                                 "\"cooperates_with\", \"interaction\": \"cooperates_with\""));
    assert_non_null(strstr(text, "\"members\": 27"));
    free(text);
    text = export_text(KG_FORMAT_CYTOSCAPE_STYLE);
    assert_non_null(strstr(text, "{\"selector\": \"node[type = \\\"organisation\\\"]\", "
                                 "\"style\": {\"shape\": \"rectangle\", \"background-color\": "
                                 "\"#1f4e79\", \"color\": \"#ffffff\"}}"));
    assert_non_null(strstr(text, "{\"selector\": \"edge[type = \\\"cooperates_with\\\"]\", "
                                 "\"style\": {\"line-style\": \"dashed\", "
                                 "\"target-arrow-shape\": \"none\"}}"));
    free(text);
    text = export_text(KG_FORMAT_CYTOSCAPE_VIZMAP);
    assert_non_null(strstr(text, "<visualProperty name=\"NODE_FILL_COLOR\" default=\"#FFFFFF\">\n"
                                 "        <discreteMapping attributeName=\"type\""
                                 " attributeType=\"string\">\n"
                                 "          <discreteMappingEntry attributeValue=\"operation\""
                                 " value=\"#F4B183\"/>\n"
                                 "          <discreteMappingEntry attributeValue=\"organisation\""
                                 " value=\"#1F4E79\"/>\n"));
    assert_non_null(strstr(text, "<discreteMappingEntry attributeValue=\"cooperates_with\""
                                 " value=\"EQUAL_DASH\"/>"));
    free(text);
}

static void yed_graphics(void **state)
{
    (void)state;
    char *yed = export_text(KG_FORMAT_YED);
    char *plain = export_text(KG_FORMAT_GRAPHML);
    assert_non_null(strstr(yed, "<key id=\"node_graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>"));
    assert_non_null(strstr(yed, "<y:Fill color=\"#1F4E79\" transparent=\"false\"/>"));
    assert_non_null(strstr(yed, ">The Alliance</y:NodeLabel>"));
    assert_non_null(strstr(yed, "<y:Shape type=\"rectangle3d\"/>"));
    assert_non_null(strstr(yed, "<y:LineStyle color=\"#C00000\" type=\"line\" width=\"2.0\"/>"));
    assert_non_null(strstr(yed, "<y:Arrows source=\"none\" target=\"none\"/>"));
    assert_null(strstr(plain, "<y:"));
    assert_null(strstr(plain, "yfiles"));
    free(yed);
    free(plain);
}

static void cypher_script(void **state)
{
    (void)state;
    char *text = export_text(KG_FORMAT_CYPHER);
    assert_non_null(strstr(text, "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS"));
    /* One UNWIND batch per type: rows, then one MERGE per node... */
    assert_non_null(strstr(text, "UNWIND [\n  {id: 'alliance', props: {`label`: 'The Alliance', "
                                 "aliases: ['NATO']}},\n  {id: 'union', props: {`label`: "
                                 "'The Union', aliases: ['EU', 'Union'], `founded_text`: '1993', "
                                 "`is_union`: true, `members`: 27, `share`: 0.5}}\n] AS row\n"
                                 "MERGE (n:Entity {id: row.id}) SET n:`organisation` "
                                 "SET n += row.props;\n"));
    assert_non_null(strstr(text, "`label`: 'liaison \"team\" \\\\ with <odd> & characters'"));
    /* ... and one MATCH per relationship end, never MATCH (a), (b). */
    assert_non_null(strstr(text, "  {source: 'alliance', target: 'union', id: "
                                 "'second-cooperation', props: {"));
    assert_non_null(strstr(text, "] AS row\nMATCH (a:Entity {id: row.source})\n"
                                 "MATCH (b:Entity {id: row.target})\n"
                                 "MERGE (a)-[r:`cooperates_with` {id: row.id}]->(b) "
                                 "SET r += row.props;\n"));
    assert_null(strstr(text, "}), (b"));
    assert_non_null(strstr(text, "work\\ntogether."));
    free(text);
}

static void rdf_triples(void **state)
{
    (void)state;
    char *nt = export_text(KG_FORMAT_NTRIPLES);
    assert_non_null(strstr(nt, "<https://kg.example/id/allied-harmony> "
                               "<http://www.wikidata.org/prop/direct/P1366> "
                               "<https://kg.example/id/concordia> .\n"));
    assert_non_null(strstr(nt, "<https://kg.example/id/concordia> "
                               "<https://kg.example/ns/relation#operates_under> "
                               "<https://kg.example/id/berlin-plus> .\n"));
    assert_non_null(strstr(nt, "<https://kg.example/id/berlin-plus> <https://kg.example/ns#start> "
                               "\"2003-03\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .\n"));
    assert_non_null(strstr(nt, "<https://kg.example/relation/small/alliance%3Acooperates_with%3Aunion> "
                               "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                               "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .\n"));
    assert_non_null(strstr(nt, "\"liaison \\\"team\\\" \\u005C with <odd> & characters\""));
    free(nt);
    char *ttl = export_text(KG_FORMAT_TURTLE);
    assert_non_null(strstr(ttl, "@prefix wdt: <http://www.wikidata.org/prop/direct/> .\n"));
    assert_non_null(strstr(ttl, "kgd:union\n    rdf:type kgt:organisation ;\n    rdfs:label \"The Union\""));
    assert_non_null(strstr(ttl, "kga:members \"27\"^^xsd:integer"));
    free(ttl);
}

static void neo4j_files(void **state)
{
    (void)state;
    size_t count = 0;
    assert_int_equal(kg_neo4j_file_count(small, &count), KG_OK);
    assert_int_equal(count, 12);
    char name[64];
    assert_int_equal(kg_neo4j_file_name(small, 0, name, sizeof name), KG_OK);
    assert_string_equal(name, "nodes_body.csv");
    assert_int_equal(kg_neo4j_file_name(small, 5, name, sizeof name), KG_OK);
    assert_string_equal(name, "relationships_cooperates_with.csv");
    assert_int_equal(kg_neo4j_file_name(small, 12, name, sizeof name), KG_EUSAGE);
    kg_writer *w = NULL;
    kg_error err;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    assert_int_equal(kg_export_neo4j_file(small, 2, w, &err), KG_OK);
    assert_string_equal(kg_writer_memory(w, NULL),
                        "id:ID,:LABEL,label,description,aliases:string[],start,end,evidence,quote,"
                        "founded_text,is_union:boolean,members:long,share:double\n"
                        "\"alliance\",\"Entity;organisation\",\"The Alliance\",,\"NATO\",,,,,,,,\n"
                        "\"union\",\"Entity;organisation\",\"The Union\",,\"EU;Union\",,,,,"
                        "\"1993\",\"true\",\"27\",\"0.5\"\n");
    kg_writer_abort(w);
    /* One file per call: kg_export refuses the folder format. */
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    assert_int_equal(kg_export(small, KG_FORMAT_NEO4J, NULL, w, &err), KG_EUSAGE);
    kg_writer_abort(w);
}

static void neo4j_folder(void **state)
{
    (void)state;
    char dir[] = "/tmp/kg-neo4j-XXXXXX";
    assert_non_null(mkdtemp(dir));
    kg_error err;
    assert_int_equal(kg_export_neo4j_folder(small, dir, false, &err), KG_OK);
    char path[256];
    snprintf(path, sizeof path, "%s/relationships_succeeded_by.csv", dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[256];
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, ":START_ID,:END_ID,:TYPE,id,start,end,evidence,quote\n");
    fclose(f);
    size_t count = 0;
    assert_int_equal(kg_neo4j_file_count(small, &count), KG_OK);
    for (size_t i = 0; i < count; i++) {
        char name[64];
        assert_int_equal(kg_neo4j_file_name(small, i, name, sizeof name), KG_OK);
        snprintf(path, sizeof path, "%s/%s", dir, name);
        assert_int_equal(remove(path), 0);
    }
    assert_int_equal(rmdir(dir), 0);
    /* A folder that does not exist: an I/O error, nothing written. */
    assert_int_equal(kg_export_neo4j_folder(small, "/nonexistent/kg", false, &err), KG_EIO);
}

static void drawings(void **state)
{
    (void)state;
    char *png = export_text(KG_FORMAT_PNG);
    assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
    free(png);
    kg_writer *w = NULL;
    kg_error err;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    assert_int_equal(kg_export_pdf(small, NULL, w, &err), KG_OK);
    size_t len;
    const char *pdf = kg_writer_memory(w, &len);
    assert_true(len > 100);
    assert_memory_equal(pdf, "%PDF-", 5);
    kg_writer_abort(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_table),
        cmocka_unit_test(two_part_extensions),
        cmocka_unit_test(cypher_strings),
        cmocka_unit_test(ntriples_strings),
        cmocka_unit_test(csv_fields),
        cmocka_unit_test(gexf_is_dynamic),
        cmocka_unit_test(cytoscape_elements_and_style),
        cmocka_unit_test(yed_graphics),
        cmocka_unit_test(cypher_script),
        cmocka_unit_test(rdf_triples),
        cmocka_unit_test(neo4j_files),
        cmocka_unit_test(neo4j_folder),
        cmocka_unit_test(drawings),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
