/* Hand-checked facts of the shipped NATO-EU data set (data/nato-eu.kg.json),
 * asserted through the public API: each fact was read in
 * data/sources/nato-eu-relations.txt, and each test looks the edge up by
 * source, type and target, then checks its dates and that its quote carries
 * the words that state it. A test fails when an edit of the data set loses
 * or distorts one of these facts. */
#include "test_util.h"

#define NATO_EU KG_SOURCE_DIR "/data/nato-eu.kg.json"

static kg_graph *graph;

static int setup(void **state)
{
    (void)state;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    kg_status st = kg_dataset_load(NATO_EU, NULL, &graph, &d);
    for (size_t i = 0; i < d.count; i++) {
        char line[2048];
        fprintf(stderr, "%s\n", kg_error_format(&d.items[i], line, sizeof line));
    }
    kg_diagnostics_clear(&d);
    return st == KG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    kg_graph_free(graph);
    return 0;
}

static const kg_node *node(const char *id)
{
    size_t i = kg_graph_find_node(graph, id);
    if (i == KG_SCHEMA_NOT_FOUND)
        fprintf(stderr, "no entity '%s'\n", id);
    assert_true(i != KG_SCHEMA_NOT_FOUND);
    return kg_graph_node(graph, i);
}

/* The n-th (from 0) edge source -type-> target, or NULL. */
static const kg_edge *find_nth_edge(const char *source, const char *type, const char *target,
                                    size_t n)
{
    size_t s = kg_graph_find_node(graph, source), t = kg_graph_find_node(graph, target);
    for (size_t i = 0; i < kg_graph_edge_count(graph); i++) {
        const kg_edge *e = kg_graph_edge(graph, i);
        if (e->source == s && e->target == t && strcmp(e->type, type) == 0 && n-- == 0)
            return e;
    }
    return NULL;
}

static const kg_edge *edge(const char *source, const char *type, const char *target)
{
    const kg_edge *e = find_nth_edge(source, type, target, 0);
    if (!e)
        fprintf(stderr, "no edge %s -%s-> %s\n", source, type, target);
    assert_non_null(e);
    return e;
}

static void expect_date(kg_date date, const char *text)
{
    char buf[11];
    assert_string_equal(kg_date_format(date, buf), text);
}

/* Asserts that one of the edge's quotes contains every word given. */
static void expect_quote(const kg_edge *e, const char *const *words, size_t count)
{
    for (uint32_t q = 0; q < e->evidence_count; q++) {
        size_t found = 0;
        for (size_t w = 0; w < count; w++)
            found += strstr(e->evidence[q].quote, words[w]) != NULL;
        if (found == count) {
            assert_string_equal(e->evidence[q].source, "nato-eu-relations");
            return;
        }
    }
    fprintf(stderr, "edge %s: no quote contains all of", e->id);
    for (size_t w = 0; w < count; w++)
        fprintf(stderr, " '%s'", words[w]);
    fprintf(stderr, "\n");
    fail();
}

#define QUOTE_HAS(e, ...)                                                          \
    do {                                                                           \
        const char *const words_[] = {__VA_ARGS__};                                \
        expect_quote((e), words_, sizeof words_ / sizeof words_[0]);               \
    } while (0)

static void loads_and_every_quote_is_grounded(void **state)
{
    (void)state;
    assert_true(kg_graph_node_count(graph) > 200);
    assert_true(kg_graph_edge_count(graph) > 500);
    kg_verify_report report;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    assert_int_equal(kg_verify(graph, KG_SOURCE_DIR "/data", "nato-eu.kg.json", &report, &d),
                     KG_OK);
    assert_int_equal(d.count, 0);
    assert_int_equal(report.quotes_found, report.quotes);
    assert_int_equal(report.relations_with_evidence, kg_graph_edge_count(graph));
    kg_verify_report_clear(&report);
    kg_diagnostics_clear(&d);
}

/* "On 31 March 2003, the EU-led Operation Concordia took over the
 * responsibilities of the NATO-led mission, Operation Allied Harmony" */
static void concordia_took_over_from_allied_harmony(void **state)
{
    (void)state;
    const kg_edge *e = edge("operation-allied-harmony", "succeeded_by", "operation-concordia");
    expect_date(e->start, "2003-03-31");
    QUOTE_HAS(e, "31 March 2003", "Operation Concordia took over", "Operation Allied Harmony");
    QUOTE_HAS(edge("operation-allied-harmony", "led_by", "nato"), "NATO-led mission");
    QUOTE_HAS(edge("operation-concordia", "led_by", "eu"), "EU-led Operation Concordia");
    const kg_node *concordia = node("operation-concordia");
    expect_date(concordia->start, "2003-03-31");
    expect_date(concordia->end, "2003-12");
    /* Concordia was not succeeded by Althea: Althea only built on its results. */
    assert_null(find_nth_edge("operation-concordia", "succeeded_by", "operation-althea", 0));
    QUOTE_HAS(edge("operation-althea", "based_on", "operation-concordia"),
              "Building on the results of Operation Concordia");
}

static void concordia_was_the_first_berlin_plus_operation(void **state)
{
    (void)state;
    const kg_edge *e = edge("operation-concordia", "operates_under", "berlin-plus");
    expect_date(e->end, "2003-12");
    QUOTE_HAS(e, "first \"Berlin Plus\" operation");
    QUOTE_HAS(edge("operation-concordia", "located_at", "north-macedonia"),
              "former Yugoslav Republic of Macedonia");
}

/* "the EU deployed a new mission – Operation Althea – on 2 December 2004. The
 * EU Force (EUFOR) operates under the "Berlin Plus" arrangements" */
static void althea_operates_under_berlin_plus(void **state)
{
    (void)state;
    const kg_edge *e = edge("operation-althea", "operates_under", "berlin-plus");
    expect_date(e->start, "2004-12-02");
    QUOTE_HAS(e, "EUFOR", "operates under the \"Berlin Plus\" arrangements");
    QUOTE_HAS(edge("sfor", "succeeded_by", "operation-althea"), "conclusion of the NATO-led",
              "2 December 2004");
    QUOTE_HAS(edge("operation-althea", "led_by", "shape-vice-chief-of-staff"),
              "Vice-Chief of Staff at SHAPE is the Commander of Operation Althea");
    QUOTE_HAS(edge("eu-operation-headquarters", "located_at", "shape"),
              "EU Operation Headquarters is located at SHAPE");
    const kg_node *althea = node("operation-althea");
    bool has_eufor = false;
    for (uint32_t a = 0; a < althea->alias_count; a++)
        has_eufor |= strcmp(althea->aliases[a], "EUFOR") == 0;
    assert_true(has_eufor);
}

static void declaration_on_esdp_and_framework_dates(void **state)
{
    (void)state;
    const kg_edge *e = edge("declaration-esdp", "adopted_by", "nato");
    expect_date(e->start, "2002-12-16");
    QUOTE_HAS(e, "agreed on 16 December 2002");
    e = edge("framework-for-cooperation", "adopted_by", "eu");
    expect_date(e->start, "2003-03-17");
    QUOTE_HAS(e, "17 March 2003");
    QUOTE_HAS(edge("berlin-plus", "part_of", "framework-for-cooperation"),
              "As part of this framework", "Berlin Plus");
    e = edge("exchange-of-letters-2001", "signed_by", "eu-presidency");
    expect_date(e->start, "2001-01");
    QUOTE_HAS(e, "January 2001", "exchange of letters");
}

/* "A NATO Permanent Liaison Team has been operating at the EU Military Staff
 * since November 2005 and an EU Cell was set up at SHAPE (NATO's strategic
 * command for operations in Mons, Belgium) in March 2006." */
static void liaison_bodies_and_where_they_sit(void **state)
{
    (void)state;
    assert_string_equal(node("nato-permanent-liaison-team")->type, "liaison_body");
    const kg_edge *e = edge("nato-permanent-liaison-team", "located_at", "eu-military-staff");
    expect_date(e->start, "2005-11");
    QUOTE_HAS(e, "since November 2005");
    e = edge("eu-cell-at-shape", "located_at", "shape");
    expect_date(e->start, "2006-03");
    QUOTE_HAS(e, "March 2006");
    e = edge("eu-cell-at-shape", "established_by", "military-permanent-arrangements");
    expect_date(e->start, "2005-10");
    QUOTE_HAS(e, "Agreement on Military Permanent Arrangements");
    QUOTE_HAS(edge("shape", "located_at", "mons"), "Mons, Belgium");
    QUOTE_HAS(edge("mons", "located_at", "belgium"), "Mons, Belgium");
}

static void joint_declarations_and_their_signatories(void **state)
{
    (void)state;
    const char *signatories[] = {"nato-secretary-general", "president-european-council",
                                 "president-european-commission"};
    for (size_t i = 0; i < 3; i++) {
        const kg_edge *e = edge("joint-declaration-2023", "signed_by", signatories[i]);
        expect_date(e->start, "2023-01-10");
        QUOTE_HAS(e, "10 January 2023 at NATO Headquarters");
        e = edge("joint-declaration-2018", "signed_by", signatories[i]);
        expect_date(e->start, "2018-07-10");
        QUOTE_HAS(e, "10 July 2018", "second Joint Declaration");
    }
    const kg_edge *e = edge("warsaw-summit-2016", "resulted_in", "joint-declaration-2016");
    expect_date(e->start, "2016-07");
    QUOTE_HAS(e, "2016 NATO Summit in Warsaw");
    expect_date(node("joint-declaration-2023")->start, "2023-01-10");
}

static void measures_of_2016_and_2017(void **state)
{
    (void)state;
    const kg_edge *e = edge("measures-2016", "adopted_by", "nato-foreign-ministers");
    expect_date(e->start, "2016-12-07");
    QUOTE_HAS(e, "42 specific measures");
    assert_string_equal(kg_node_attr(node("measures-2016"), "count")->text, "42");
    e = edge("measures-2017", "adopted_by", "nato-foreign-ministers");
    expect_date(e->start, "2017-12-05");
    QUOTE_HAS(e, "32 new proposals");
}

/* The 23 members in common, each a member of both organisations. */
static void twenty_three_members_in_common(void **state)
{
    (void)state;
    size_t eu_idx = kg_graph_find_node(graph, "eu");
    size_t in_common = 0;
    for (size_t i = 0; i < kg_graph_edge_count(graph); i++) {
        const kg_edge *e = kg_graph_edge(graph, i);
        if (e->target != eu_idx || strcmp(e->type, "member_of") != 0)
            continue;
        const kg_node *country = kg_graph_node(graph, e->source);
        assert_string_equal(country->type, "country");
        QUOTE_HAS(e, "23 members in common", country->label);
        QUOTE_HAS(edge(country->id, "member_of", "nato"), "23 members in common");
        in_common++;
    }
    assert_int_equal(in_common, 23);
    assert_null(find_nth_edge("norway", "member_of", "eu", 0));
    assert_null(find_nth_edge("united-kingdom", "member_of", "eu", 0));
}

/* "the NATO Computer Incident Response Capability (now known as the NATO Cyber
 * Security Centre)": a rename is a succeeded_by edge, not a lost name. */
static void renamed_cyber_capability(void **state)
{
    (void)state;
    QUOTE_HAS(edge("ncirc", "succeeded_by", "nato-cyber-security-centre"), "now known as");
    const kg_edge *e = edge("technical-arrangement-cyber", "adopted_by", "cert-eu");
    expect_date(e->start, "2016-02-10");
    QUOTE_HAS(e, "Technical Arrangement on Cyber Defence was concluded");
}

static void sea_guardian_supported_sophia(void **state)
{
    (void)state;
    const kg_edge *e = edge("operation-sea-guardian", "supports", "operation-sophia");
    expect_date(e->start, "2016-10-27");
    QUOTE_HAS(e, "Operation Sea Guardian will support the EU’s Operation Sophia");
    expect_date(node("operation-sophia")->end, "2020-03-31");
    e = edge("aegean-activity", "located_at", "aegean-sea");
    QUOTE_HAS(e, "11 February 2016", "Aegean Activity");
    QUOTE_HAS(edge("defence-ministers-2016-02", "requested_by", "turkiye"),
              "At the request of Germany, Greece and Türkiye");
}

static void kosovo_and_afghanistan_missions(void **state)
{
    (void)state;
    const kg_edge *e = edge("eulex", "operates_under", "csdp");
    expect_date(e->start, "2008-12");
    QUOTE_HAS(e, "largest civilian mission ever launched under the Common Security and Defence Policy");
    e = edge("kfor", "led_by", "nato");
    expect_date(e->start, "1999");
    QUOTE_HAS(e, "since 1999");
    QUOTE_HAS(edge("eulex", "cooperates_with", "kfor"), "EULEX works closely with KFOR");
    QUOTE_HAS(edge("isaf", "succeeded_by", "resolute-support"), "its successor Resolute Support Mission");
    const kg_node *eupol = node("eupol-afghanistan");
    expect_date(eupol->start, "2007-06");
    expect_date(eupol->end, "2016-12");
    expect_date(node("resolute-support")->end, "2021-09");
}

static void capabilities_and_centres(void **state)
{
    (void)state;
    QUOTE_HAS(edge("mrtt-fleet", "developed_by", "occar"), "23 March 2023",
              "Organisation for Joint Armament Cooperation");
    QUOTE_HAS(edge("hybrid-coe", "located_at", "helsinki"), "located in Helsinki, Finland");
    QUOTE_HAS(edge("ccdcoe", "located_at", "tallinn"), "Tallinn, Estonia");
    const kg_edge *e = edge("pace-2022-2023", "succeeded_by", "pace-2024-2025");
    expect_date(e->start, "2024-02");
}

static void timeline_events_are_dated_and_linked(void **state)
{
    (void)state;
    const kg_node *ev = node("helsinki-council-1999");
    assert_string_equal(ev->type, "event");
    expect_date(ev->start, "1999-12");
    QUOTE_HAS(edge("psc", "established_by", "helsinki-council-1999"), "Political and Security Committee");
    ev = node("madrid-summit-2022");
    expect_date(ev->start, "2022-06-29");
    expect_date(ev->end, "2022-06-30");
    QUOTE_HAS(edge("president-european-council", "participated_in", "madrid-summit-2022"),
              "2022 NATO Summit in Madrid");
    QUOTE_HAS(edge("barroso", "participated_in", "barroso-visit-2013"), "11 February 2013");
    QUOTE_HAS(edge("barroso", "holds_position", "president-european-commission"),
              "President of the European Commission José Manuel Barroso");
    QUOTE_HAS(edge("progress-report-1", "authored_by", "mogherini"), "authored jointly");
    expect_date(node("progress-report-9")->start, "2024-06-13");
    /* "preceded by an exchange on Afghanistan in September 2021 and one on
     * Operation Althea in Bosnia and Herzegovina in December 2021" */
    const kg_edge *e = edge("psc-exchange-althea-2021", "succeeded_by", "psc-meeting-2022-02");
    expect_date(e->start, "2022-02-03");
    QUOTE_HAS(e, "preceded by an exchange on Afghanistan");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_and_every_quote_is_grounded),
        cmocka_unit_test(concordia_took_over_from_allied_harmony),
        cmocka_unit_test(concordia_was_the_first_berlin_plus_operation),
        cmocka_unit_test(althea_operates_under_berlin_plus),
        cmocka_unit_test(declaration_on_esdp_and_framework_dates),
        cmocka_unit_test(liaison_bodies_and_where_they_sit),
        cmocka_unit_test(joint_declarations_and_their_signatories),
        cmocka_unit_test(measures_of_2016_and_2017),
        cmocka_unit_test(twenty_three_members_in_common),
        cmocka_unit_test(renamed_cyber_capability),
        cmocka_unit_test(sea_guardian_supported_sophia),
        cmocka_unit_test(kosovo_and_afghanistan_missions),
        cmocka_unit_test(capabilities_and_centres),
        cmocka_unit_test(timeline_events_are_dated_and_linked),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
