/* Unit tests for analysis_*.c on tests/data/analysis.kg.json, whose answers
 * are worked out by hand below.
 *
 * The fixture, undirected and simplified (n = 10):
 *
 *     alpha --- bravo          hotel --- juliet        india
 *        \      /
 *        charlie --- delta
 *           |          |
 *          golf ---- echo --- foxtrot
 *
 * plus a second alpha-bravo relation (parallel; cooperates_with is
 * symmetric) and a self-loop on alpha. Stored directions: alpha->bravo
 * (x2, symmetric), bravo->charlie, charlie->alpha, charlie->delta,
 * charlie->golf, delta->echo, golf->echo, echo->foxtrot, alpha->alpha,
 * hotel->juliet.
 *
 * Betweenness (unordered pairs): charlie lies on all 4 shortest paths out
 * of alpha to {delta, golf, echo, foxtrot}, the same 4 out of bravo, and
 * on half of delta-golf: 8.5. delta: half of alpha-echo, alpha-foxtrot,
 * bravo-echo, bravo-foxtrot, charlie-echo, charlie-foxtrot: 3; golf the
 * same. echo: alpha-, bravo-, charlie-, delta-, golf-foxtrot (5) and half
 * of delta-golf: 5.5. The sum, 20, is the sum over the 21 pairs of the
 * component of (distance - 1). Normalised: times 2/(9*8).
 *
 * Closeness: sums of distances alpha 13, charlie 9, delta 10, echo 11,
 * foxtrot 16; each reaches the r = 6 others of its component, so the
 * normalised value is (6/9)(6/sum); hotel reaches juliet only: (1/9)(1/1).
 */
#include <math.h>

#include "test_util.h"

enum { ALPHA, BRAVO, CHARLIE, DELTA, ECHO, FOXTROT, GOLF, HOTEL, INDIA, JULIET, N };

static kg_graph *graph;

static int setup(void **state)
{
    (void)state;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    kg_status st = kg_dataset_load(KG_TEST_DATA "/analysis.kg.json", NULL, &graph, &d);
    if (st != KG_OK && d.count) {
        char line[2048];
        fprintf(stderr, "%s\n", kg_error_format(&d.items[0], line, sizeof line));
    }
    kg_diagnostics_clear(&d);
    return st == KG_OK && kg_graph_node_count(graph) == N ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    kg_graph_free(graph);
    return 0;
}

#define TOLERANCE 1e-9

static void measure(kg_measure m, bool is_raw, bool is_directed, double *values)
{
    kg_centrality_options o = kg_centrality_defaults();
    o.is_raw = is_raw;
    o.is_directed = is_directed;
    kg_error err;
    assert_int_equal(kg_centrality(graph, m, &o, values, &err), KG_OK);
}

static void expect_values(const double *got, const double *want)
{
    for (int i = 0; i < N; i++) {
        if (fabs(got[i] - want[i]) > TOLERANCE)
            fail_msg("node %s: got %.12g, expected %.12g", kg_graph_node(graph, (size_t)i)->id,
                     got[i], want[i]);
    }
}

static void node_order_is_ids(void **state)
{
    (void)state;
    const char *ids[N] = {"alpha", "bravo", "charlie", "delta", "echo",
                          "foxtrot", "golf", "hotel", "india", "juliet"};
    for (int i = 0; i < N; i++)
        assert_string_equal(kg_graph_node(graph, (size_t)i)->id, ids[i]);
}

static void degrees(void **state)
{
    (void)state;
    double v[N];
    /* alpha: 2 parallel + part_of + a self-loop counted twice */
    const double total[N] = {5, 3, 4, 2, 3, 1, 2, 1, 0, 1};
    measure(KG_MEASURE_DEGREE, true, false, v);
    expect_values(v, total);
    double normalised[N];
    for (int i = 0; i < N; i++)
        normalised[i] = total[i] / 9;
    measure(KG_MEASURE_DEGREE, false, false, v);
    expect_values(v, normalised);
    /* symmetric relations run both ways; the loop is one in and one out */
    const double in[N] = {4, 2, 1, 1, 2, 1, 1, 0, 0, 1};
    const double out[N] = {3, 3, 3, 1, 1, 0, 1, 1, 0, 0};
    measure(KG_MEASURE_IN_DEGREE, true, false, v);
    expect_values(v, in);
    measure(KG_MEASURE_OUT_DEGREE, true, false, v);
    expect_values(v, out);
}

static void betweenness(void **state)
{
    (void)state;
    double v[N];
    const double raw[N] = {0, 0, 8.5, 3, 5.5, 0, 3, 0, 0, 0};
    measure(KG_MEASURE_BETWEENNESS, true, false, v);
    expect_values(v, raw);
    double normalised[N];
    for (int i = 0; i < N; i++)
        normalised[i] = raw[i] * 2 / (9.0 * 8.0);
    measure(KG_MEASURE_BETWEENNESS, false, false, v);
    expect_values(v, normalised);
    /* Directed: alpha->bravo->charlie->{delta,golf}->echo->foxtrot and
     * bravo->alpha, charlie->alpha. bravo: alpha->charlie and alpha->{delta,
     * golf, echo, foxtrot} (5). charlie: every path out of alpha or bravo
     * beyond it (2 * 4) and bravo->alpha? no, that is direct: 8. alpha:
     * charlie->bravo (1). delta, golf: half of {alpha, bravo, charlie} ->
     * {echo, foxtrot} each: 3. echo: {alpha, bravo, charlie, delta, golf}
     * -> foxtrot: 5. */
    const double directed[N] = {1, 5, 8, 3, 5, 0, 3, 0, 0, 0};
    measure(KG_MEASURE_BETWEENNESS, true, true, v);
    expect_values(v, directed);
}

static void approximate_betweenness(void **state)
{
    (void)state;
    double v[N], exact[N], zero[N] = {0};
    kg_centrality_options o = kg_centrality_defaults();
    o.is_raw = true;
    o.cutoff = 1; /* paths of one relation have no inner node */
    assert_int_equal(kg_centrality(graph, KG_MEASURE_BETWEENNESS, &o, v, NULL), KG_OK);
    expect_values(v, zero);
    o.cutoff = 5; /* the diameter is 4: exact */
    assert_int_equal(kg_centrality(graph, KG_MEASURE_BETWEENNESS, &o, v, NULL), KG_OK);
    measure(KG_MEASURE_BETWEENNESS, true, false, exact);
    expect_values(v, exact);
    o.cutoff = 2; /* only delta-golf (via charlie or echo) and the 2-paths */
    assert_int_equal(kg_centrality(graph, KG_MEASURE_BETWEENNESS, &o, v, NULL), KG_OK);
    /* charlie: alpha-delta, alpha-golf, bravo-delta, bravo-golf, half of
     * delta-golf = 4.5; delta: charlie-echo half = 0.5; golf the same;
     * echo: delta-foxtrot, golf-foxtrot, half of delta-golf = 2.5 */
    const double two[N] = {0, 0, 4.5, 0.5, 2.5, 0, 0.5, 0, 0, 0};
    expect_values(v, two);

    /* Sampling all nodes is exact; sampling one source gives n times that
     * source's dependencies, halved for unordered pairs. */
    o.cutoff = -1;
    o.samples = N;
    assert_int_equal(kg_centrality(graph, KG_MEASURE_BETWEENNESS, &o, v, NULL), KG_OK);
    expect_values(v, exact);
    size_t source;
    assert_int_equal(kg_sample_nodes(N, 1, 2, &source, NULL), KG_OK);
    assert_int_equal(source, ALPHA); /* seed 2 draws alpha (splitmix64) */
    o.samples = 1;
    o.seed = 2;
    assert_int_equal(kg_centrality(graph, KG_MEASURE_BETWEENNESS, &o, v, NULL), KG_OK);
    /* out of alpha: charlie on 4 paths, delta and golf on half of 2 each,
     * echo on 1; halved (unordered pairs) and scaled by n/k = 10 */
    const double want[N] = {0, 0, 4 * 5.0, 1 * 5.0, 1 * 5.0, 0, 1 * 5.0, 0, 0, 0};
    expect_values(v, want);
    o.samples = 3;
    o.cutoff = 2;
    kg_error err;
    assert_int_equal(kg_centrality(graph, KG_MEASURE_BETWEENNESS, &o, v, &err), KG_EUSAGE);
    assert_non_null(strstr(err.message, "not both"));
}

static void sampling_is_seeded(void **state)
{
    (void)state;
    size_t a[4], b[4], c[4];
    assert_int_equal(kg_sample_nodes(100, 4, 42, a, NULL), KG_OK);
    assert_int_equal(kg_sample_nodes(100, 4, 42, b, NULL), KG_OK);
    assert_int_equal(kg_sample_nodes(100, 4, 43, c, NULL), KG_OK);
    assert_memory_equal(a, b, sizeof a);
    assert_true(memcmp(a, c, sizeof a) != 0);
    for (int i = 0; i < 4; i++) {
        assert_true(a[i] < 100);
        if (i)
            assert_true(a[i - 1] < a[i]); /* sorted and distinct */
    }
    size_t all[5];
    assert_int_equal(kg_sample_nodes(5, 5, 1, all, NULL), KG_OK);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(all[i], i);
    assert_int_equal(kg_sample_nodes(5, 6, 1, all, NULL), KG_EUSAGE);
}

static void closeness_and_harmonic(void **state)
{
    (void)state;
    double v[N];
    const double sums[N] = {13, 13, 9, 10, 11, 16, 10, 1, 0, 1};
    double raw[N], normalised[N];
    for (int i = 0; i < N; i++) {
        double r = i == HOTEL || i == JULIET ? 1 : 6;
        raw[i] = sums[i] ? 1 / sums[i] : 0;
        normalised[i] = sums[i] ? (r / 9) * (r / sums[i]) : 0;
    }
    measure(KG_MEASURE_CLOSENESS, true, false, v);
    expect_values(v, raw);
    measure(KG_MEASURE_CLOSENESS, false, false, v);
    expect_values(v, normalised);

    const double harmonic[N] = {43.0 / 12, 43.0 / 12, 29.0 / 6, 4, 25.0 / 6, 17.0 / 6, 4,
                                1, 0, 1};
    measure(KG_MEASURE_HARMONIC, true, false, v);
    expect_values(v, harmonic);
    for (int i = 0; i < N; i++)
        normalised[i] = harmonic[i] / 9;
    measure(KG_MEASURE_HARMONIC, false, false, v);
    expect_values(v, normalised);

    /* Directed, following relations out: foxtrot reaches nothing; echo
     * only foxtrot; alpha reaches bravo 1, charlie 2, delta 3, golf 3,
     * echo 4, foxtrot 5. */
    measure(KG_MEASURE_CLOSENESS, true, true, v);
    assert_true(fabs(v[FOXTROT]) < TOLERANCE);
    assert_true(fabs(v[ECHO] - 1) < TOLERANCE);
    assert_true(fabs(v[ALPHA] - 1.0 / 18) < TOLERANCE);
    measure(KG_MEASURE_HARMONIC, true, true, v);
    assert_true(fabs(v[ALPHA] - (1 + 0.5 + 1.0 / 3 + 1.0 / 3 + 0.25 + 0.2)) < TOLERANCE);
}

static double sum(const double *v)
{
    double s = 0;
    for (int i = 0; i < N; i++)
        s += v[i];
    return s;
}

static double max(const double *v)
{
    double m = v[0];
    for (int i = 1; i < N; i++)
        m = v[i] > m ? v[i] : m;
    return m;
}

static void spectral_measures(void **state)
{
    (void)state;
    double v[N];
    for (int directed = 0; directed < 2; directed++) {
        measure(KG_MEASURE_PAGERANK, false, directed, v);
        assert_true(fabs(sum(v) - 1) < 1e-9);
        for (int i = 0; i < N; i++)
            assert_true(v[i] > 0); /* the random jump reaches everyone */
    }
    measure(KG_MEASURE_PAGERANK, false, false, v);
    /* undirected, hotel and juliet are alike, and so are alpha and bravo
     * (two parallel relations and one to charlie each; no loop) */
    assert_true(fabs(v[HOTEL] - v[JULIET]) < 1e-9);
    assert_true(fabs(v[ALPHA] - v[BRAVO]) < 1e-9);
    assert_true(v[CHARLIE] > v[ALPHA]);

    measure(KG_MEASURE_EIGENVECTOR, false, false, v);
    assert_true(fabs(max(v) - 1) < 1e-9);
    assert_true(fabs(v[INDIA]) < 1e-9); /* isolated */
    measure(KG_MEASURE_EIGENVECTOR, true, false, v);
    double length = 0;
    for (int i = 0; i < N; i++)
        length += v[i] * v[i];
    assert_true(fabs(length - 1) < 1e-9);

    measure(KG_MEASURE_HUB, false, false, v);
    assert_true(fabs(max(v) - 1) < 1e-6);
    assert_true(fabs(v[FOXTROT]) < 1e-9); /* no relation out */
    measure(KG_MEASURE_AUTHORITY, true, false, v);
    assert_true(fabs(sum(v) - 1) < 1e-9);
    assert_true(fabs(v[HOTEL]) < 1e-9); /* no relation in */
}

/* The kept view gives kg_centrality's values for every measure, in an
 * order that switches views back and forth, directed and not. */
static void kept_views(void **state)
{
    (void)state;
    static const kg_measure order[] = {
        KG_MEASURE_PAGERANK,  KG_MEASURE_EIGENVECTOR, KG_MEASURE_BETWEENNESS, KG_MEASURE_HUB,
        KG_MEASURE_PAGERANK,  KG_MEASURE_AUTHORITY,   KG_MEASURE_CLOSENESS,   KG_MEASURE_HARMONIC,
        KG_MEASURE_DEGREE,    KG_MEASURE_EIGENVECTOR};
    kg_analysis_cache *cache = NULL;
    assert_int_equal(kg_analysis_cache_new(graph, &cache, NULL), KG_OK);
    for (int directed = 0; directed < 2; directed++) {
        kg_centrality_options o = kg_centrality_defaults();
        o.is_directed = directed;
        for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
            double want[N], got[N];
            assert_int_equal(kg_centrality(graph, order[k], &o, want, NULL), KG_OK);
            assert_int_equal(kg_centrality_kept(cache, order[k], &o, got, NULL), KG_OK);
            for (int i = 0; i < N; i++)
                assert_true(fabs(want[i] - got[i]) <= 1e-12 * (1 + fabs(want[i])));
        }
    }
    kg_analysis_cache_free(cache);
    kg_error err;
    assert_int_equal(kg_centrality_kept(NULL, KG_MEASURE_PAGERANK, NULL, (double[N]){0}, &err),
                     KG_EUSAGE);
    assert_int_equal(kg_analysis_cache_new(NULL, &cache, &err), KG_EUSAGE);
    assert_null(cache);
    kg_analysis_cache_free(NULL);
}

static void measure_names(void **state)
{
    (void)state;
    kg_measure m;
    kg_error err;
    for (int i = 0; i < KG_MEASURE_COUNT; i++) {
        assert_int_equal(kg_measure_from_name(kg_measure_name((kg_measure)i), &m, NULL), KG_OK);
        assert_int_equal(m, i);
    }
    assert_int_equal(kg_measure_from_name("In_Degree", &m, NULL), KG_OK);
    assert_int_equal(m, KG_MEASURE_IN_DEGREE);
    assert_int_equal(kg_measure_from_name("betweeness", &m, &err), KG_EUSAGE);
    assert_string_equal(err.hint, "did you mean 'betweenness'?");
}

static void ranking(void **state)
{
    (void)state;
    const double values[6] = {0.5, 1, 0.5 + 1e-15, 2, 0, 1};
    size_t order[6];
    assert_int_equal(kg_rank(values, 6, order, NULL), KG_OK);
    const size_t want[6] = {3, 1, 5, 0, 2, 4}; /* ties (to 10 digits) by index */
    assert_memory_equal(order, want, sizeof want);
}

static void expect_path(const kg_path *p, const char *const *ids, size_t length)
{
    assert_int_equal(p->length, length);
    for (size_t i = 0; i <= length; i++)
        assert_string_equal(kg_graph_node(graph, p->nodes[i])->id, ids[i]);
    for (size_t i = 0; i < length; i++) {
        const kg_edge *e = kg_graph_edge(graph, p->edges[i]);
        bool joins = (e->source == p->nodes[i] && e->target == p->nodes[i + 1]) ||
                     (e->target == p->nodes[i] && e->source == p->nodes[i + 1]);
        assert_true(joins);
    }
}

static void shortest_paths(void **state)
{
    (void)state;
    kg_path_list list;
    kg_path_options o = {false, true, 0};
    assert_int_equal(kg_shortest_paths(graph, ALPHA, FOXTROT, &o, &list, NULL), KG_OK);
    assert_int_equal(list.count, 2);
    assert_int_equal(list.length, 4);
    assert_false(list.is_truncated);
    const char *via_delta[] = {"alpha", "charlie", "delta", "echo", "foxtrot"};
    const char *via_golf[] = {"alpha", "charlie", "golf", "echo", "foxtrot"};
    expect_path(&list.paths[0], via_delta, 4);
    expect_path(&list.paths[1], via_golf, 4);
    kg_path_list_clear(&list);

    o.is_all = false; /* only the first in id order */
    assert_int_equal(kg_shortest_paths(graph, ALPHA, FOXTROT, &o, &list, NULL), KG_OK);
    assert_int_equal(list.count, 1);
    expect_path(&list.paths[0], via_delta, 4);
    /* the parallel alpha-bravo relations: the first by index, and one path */
    kg_path_list_clear(&list);
    o.is_all = true;
    assert_int_equal(kg_shortest_paths(graph, BRAVO, ALPHA, &o, &list, NULL), KG_OK);
    assert_int_equal(list.count, 1);
    assert_string_equal(kg_graph_edge(graph, list.paths[0].edges[0])->id, "alpha:cooperates_with:bravo");
    kg_path_list_clear(&list);

    o.is_directed = true; /* alpha -> bravo -> charlie -> ... */
    assert_int_equal(kg_shortest_paths(graph, ALPHA, FOXTROT, &o, &list, NULL), KG_OK);
    assert_int_equal(list.count, 2);
    const char *directed[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"};
    expect_path(&list.paths[0], directed, 5);
    kg_path_list_clear(&list);
    /* bravo -> alpha only because cooperates_with is symmetric */
    assert_int_equal(kg_shortest_paths(graph, BRAVO, ALPHA, &o, &list, NULL), KG_OK);
    assert_int_equal(list.length, 1);
    kg_path_list_clear(&list);
    assert_int_equal(kg_shortest_paths(graph, FOXTROT, ALPHA, &o, &list, NULL), KG_OK);
    assert_int_equal(list.count, 0);
    kg_path_list_clear(&list);

    o.is_directed = false;
    o.max_paths = 1;
    assert_int_equal(kg_shortest_paths(graph, ALPHA, FOXTROT, &o, &list, NULL), KG_OK);
    assert_int_equal(list.count, 1);
    assert_true(list.is_truncated);
    kg_path_list_clear(&list);
    assert_int_equal(kg_shortest_paths(graph, ALPHA, HOTEL, &o, &list, NULL), KG_OK);
    assert_int_equal(list.count, 0);
    kg_path_list_clear(&list);
    assert_int_equal(kg_shortest_paths(graph, ECHO, ECHO, &o, &list, NULL), KG_OK);
    assert_int_equal(list.count, 1);
    assert_int_equal(list.length, 0);
    kg_path_list_clear(&list);
    assert_int_equal(kg_shortest_paths(graph, ECHO, N, &o, &list, NULL), KG_EUSAGE);
}

static void same_paths(const kg_path_list *a, const kg_path_list *b)
{
    assert_int_equal(a->count, b->count);
    assert_int_equal(a->length, b->length);
    assert_int_equal(a->is_truncated, b->is_truncated);
    for (size_t i = 0; i < a->count; i++)
        for (size_t s = 0; s <= a->length; s++) {
            assert_int_equal(a->paths[i].nodes[s], b->paths[i].nodes[s]);
            if (s < a->length)
                assert_int_equal(a->paths[i].edges[s], b->paths[i].edges[s]);
        }
}

/* Paths searched on the adjacency kept in a cache (after a view was
 * prepared, and searched again on the steps the first searches sorted)
 * are kg_shortest_paths's, for every pair, both ways, with and without
 * --all. */
static void kept_paths(void **state)
{
    (void)state;
    kg_analysis_cache *cache = NULL;
    assert_int_equal(kg_analysis_cache_new(graph, &cache, NULL), KG_OK);
    kg_centrality_options co = kg_centrality_defaults();
    co.is_directed = true;
    assert_int_equal(kg_analysis_cache_prepare(cache, KG_MEASURE_PAGERANK, &co, NULL), KG_OK);
    assert_int_equal(kg_analysis_cache_prepare(cache, KG_MEASURE_DEGREE, NULL, NULL), KG_OK);
    assert_int_equal(kg_analysis_cache_prepare_paths(cache, false, NULL), KG_OK);
    double want[N], got[N];
    assert_int_equal(kg_centrality(graph, KG_MEASURE_PAGERANK, &co, want, NULL), KG_OK);
    assert_int_equal(kg_centrality_kept(cache, KG_MEASURE_PAGERANK, &co, got, NULL), KG_OK);
    for (int i = 0; i < N; i++)
        assert_true(fabs(want[i] - got[i]) <= 1e-12 * (1 + fabs(want[i])));
    for (int round = 0; round < 2; round++)
        for (int mode = 0; mode < 4; mode++) {
            kg_path_options o = {mode & 1, mode & 2, 0};
            for (size_t from = 0; from < N; from++)
                for (size_t to = 0; to < N; to++) {
                    kg_path_list a, b;
                    assert_int_equal(kg_shortest_paths(graph, from, to, &o, &a, NULL), KG_OK);
                    assert_int_equal(kg_shortest_paths_kept(cache, from, to, &o, &b, NULL),
                                     KG_OK);
                    same_paths(&a, &b);
                    kg_path_list_clear(&a);
                    kg_path_list_clear(&b);
                }
        }
    kg_path_list list;
    kg_error err;
    assert_int_equal(kg_shortest_paths_kept(cache, ECHO, N, NULL, &list, &err), KG_EUSAGE);
    assert_int_equal(list.count, 0);
    kg_analysis_cache_free(cache);
    assert_int_equal(kg_shortest_paths_kept(NULL, ALPHA, ECHO, NULL, &list, &err), KG_EUSAGE);
    assert_int_equal(kg_analysis_cache_prepare_paths(NULL, true, &err), KG_EUSAGE);
    assert_int_equal(kg_analysis_cache_prepare(NULL, KG_MEASURE_PAGERANK, NULL, &err),
                     KG_EUSAGE);
}

static void neighbourhoods(void **state)
{
    (void)state;
    size_t distance[N], via[N];
    size_t centre = DELTA;
    assert_int_equal(kg_neighbourhood(graph, &centre, 1, 1, KG_DIRECTION_BOTH, distance, via,
                                      NULL),
                     KG_OK);
    const size_t u = KG_UNREACHED;
    const size_t one[N] = {u, u, 1, 0, 1, u, u, u, u, u};
    assert_memory_equal(distance, one, sizeof one);
    assert_int_equal(via[DELTA], KG_UNREACHED);
    assert_string_equal(kg_graph_edge(graph, via[ECHO])->id, "delta:succeeded_by:echo");

    assert_int_equal(kg_neighbourhood(graph, &centre, 1, KG_UNREACHED, KG_DIRECTION_BOTH,
                                      distance, via, NULL),
                     KG_OK);
    const size_t all[N] = {2, 2, 1, 0, 1, 2, 2, u, u, u};
    assert_memory_equal(distance, all, sizeof all);
    /* golf is 2 away via charlie and via echo: charlie sorts first */
    assert_string_equal(kg_graph_edge(graph, via[GOLF])->id, "charlie:supports:golf");

    assert_int_equal(kg_neighbourhood(graph, &centre, 1, KG_UNREACHED, KG_DIRECTION_OUT,
                                      distance, NULL, NULL),
                     KG_OK);
    const size_t out[N] = {u, u, u, 0, 1, 2, u, u, u, u};
    assert_memory_equal(distance, out, sizeof out);
    assert_int_equal(kg_neighbourhood(graph, &centre, 1, 2, KG_DIRECTION_IN, distance, NULL,
                                      NULL),
                     KG_OK);
    const size_t in[N] = {u, 1 + 1, 1, 0, u, u, u, u, u, u};
    assert_memory_equal(distance, in, sizeof in);

    size_t centres[2] = {HOTEL, FOXTROT};
    assert_int_equal(kg_neighbourhood(graph, centres, 2, 1, KG_DIRECTION_BOTH, distance, NULL,
                                      NULL),
                     KG_OK);
    const size_t two[N] = {u, u, u, u, 1, 0, u, 0, u, 1};
    assert_memory_equal(distance, two, sizeof two);
}

static void components(void **state)
{
    (void)state;
    kg_partition p;
    assert_int_equal(kg_components(graph, false, &p, NULL), KG_OK);
    assert_int_equal(p.count, 3);
    const size_t sizes[3] = {7, 2, 1};
    assert_memory_equal(p.sizes, sizes, sizeof sizes);
    const size_t weak[N] = {0, 0, 0, 0, 0, 0, 0, 1, 2, 1};
    assert_memory_equal(p.membership, weak, sizeof weak);
    kg_partition_clear(&p);

    /* strong: {alpha, bravo, charlie} (bravo -> alpha by symmetry), and
     * every other node alone, numbered by id among equals */
    assert_int_equal(kg_components(graph, true, &p, NULL), KG_OK);
    assert_int_equal(p.count, 8);
    assert_int_equal(p.sizes[0], 3);
    const size_t strong[N] = {0, 0, 0, 1, 2, 3, 4, 5, 6, 7};
    assert_memory_equal(p.membership, strong, sizeof strong);
    kg_partition_clear(&p);
}

static void communities(void **state)
{
    (void)state;
    for (int method = 0; method < 2; method++) {
        kg_community_options o = kg_community_defaults();
        o.method = (kg_community_method)method;
        o.seed = 5;
        kg_partition a, b;
        assert_int_equal(kg_communities(graph, &o, &a, NULL), KG_OK);
        assert_int_equal(kg_communities(graph, &o, &b, NULL), KG_OK);
        assert_int_equal(a.count, b.count); /* same seed, same answer */
        assert_memory_equal(a.membership, b.membership, N * sizeof *a.membership);
        assert_true(a.modularity > 0.3);
        /* the triangle, the square's far side and the pair separate */
        assert_int_equal(a.membership[ALPHA], a.membership[BRAVO]);
        assert_int_not_equal(a.membership[ALPHA], a.membership[FOXTROT]);
        assert_int_equal(a.membership[HOTEL], a.membership[JULIET]);
        assert_int_not_equal(a.membership[HOTEL], a.membership[INDIA]);
        size_t total = 0;
        for (size_t k = 0; k < a.count; k++) {
            total += a.sizes[k];
            if (k)
                assert_true(a.sizes[k - 1] >= a.sizes[k]);
        }
        assert_int_equal(total, N);
        kg_partition_clear(&a);
        kg_partition_clear(&b);
    }
    kg_community_options o = kg_community_defaults();
    o.resolution = 0;
    kg_partition p;
    assert_int_equal(kg_communities(graph, &o, &p, NULL), KG_EUSAGE);
}

static void empty_graph(void **state)
{
    (void)state;
    kg_graph *g;
    assert_int_equal(kg_graph_new(&g), KG_OK);
    assert_int_equal(kg_graph_finish(g, NULL), KG_OK);
    double v[1];
    for (int m = 0; m < KG_MEASURE_COUNT; m++)
        assert_int_equal(kg_centrality(g, (kg_measure)m, NULL, v, NULL), KG_OK);
    kg_partition p;
    assert_int_equal(kg_components(g, false, &p, NULL), KG_OK);
    assert_int_equal(p.count, 0);
    kg_partition_clear(&p);
    assert_int_equal(kg_communities(g, NULL, &p, NULL), KG_OK);
    assert_int_equal(p.count, 0);
    kg_partition_clear(&p);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(node_order_is_ids),
        cmocka_unit_test(degrees),
        cmocka_unit_test(betweenness),
        cmocka_unit_test(approximate_betweenness),
        cmocka_unit_test(sampling_is_seeded),
        cmocka_unit_test(closeness_and_harmonic),
        cmocka_unit_test(spectral_measures),
        cmocka_unit_test(kept_views),
        cmocka_unit_test(measure_names),
        cmocka_unit_test(ranking),
        cmocka_unit_test(shortest_paths),
        cmocka_unit_test(kept_paths),
        cmocka_unit_test(neighbourhoods),
        cmocka_unit_test(components),
        cmocka_unit_test(communities),
        cmocka_unit_test(empty_graph),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
