/* analysis_centrality.c - centrality measures of a finished graph: degree
 * counted here, the others by igraph on the view each needs (see
 * kg/analysis.h for the definitions and how they match NetworkX), then
 * normalised, plus the ranking every listing shares. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_internal.h"
#include "kg/text.h"

static const char *const measure_names[KG_MEASURE_COUNT] = {
    "degree",    "in-degree", "out-degree",  "betweenness", "closeness",
    "harmonic",  "pagerank",  "eigenvector", "hub",         "authority"};

kg_centrality_options kg_centrality_defaults(void)
{
    kg_centrality_options o;
    memset(&o, 0, sizeof o);
    o.cutoff = -1;
    o.damping = 0.85;
    o.seed = 1;
    return o;
}

/* splitmix64 (Steele, Lea, Flood 2014): tiny, well mixed, and the same
 * everywhere, so a seeded sample is reproducible across platforms. */
static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* Uniform in 0..bound-1 without modulo bias (Lemire's rejection). */
static size_t below(uint64_t *state, size_t bound)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % (uint64_t)bound;
    uint64_t r;
    do
        r = splitmix64(state);
    while (r >= limit);
    return (size_t)(r % (uint64_t)bound);
}

static int compare_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

kg_status kg_sample_nodes(size_t n, size_t k, uint64_t seed, size_t *out, kg_error *err)
{
    if (k > n || (k > 0 && !out))
        return kg_error_set(err, KG_EUSAGE, NULL, "cannot sample %zu of %zu nodes", k, n);
    size_t *pool = malloc((n ? n : 1) * sizeof *pool);
    if (!pool)
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory sampling %zu nodes", k);
    for (size_t i = 0; i < n; i++)
        pool[i] = i;
    uint64_t state = seed;
    for (size_t i = 0; i < k; i++) { /* the first k steps of Fisher-Yates */
        size_t j = i + below(&state, n - i);
        size_t t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
    }
    memcpy(out, pool, k * sizeof *out);
    qsort(out, k, sizeof *out, compare_size);
    free(pool);
    return KG_OK;
}

const char *kg_measure_name(kg_measure measure)
{
    return (unsigned)measure < KG_MEASURE_COUNT ? measure_names[measure] : "?";
}

kg_status kg_measure_from_name(const char *name, kg_measure *out, kg_error *err)
{
    char folded[64], other[64];
    kg_fold(name ? name : "", folded, sizeof folded);
    for (int m = 0; m < KG_MEASURE_COUNT; m++) {
        kg_fold(measure_names[m], other, sizeof other);
        if (strcmp(folded, other) == 0) {
            *out = (kg_measure)m;
            return KG_OK;
        }
    }
    kg_status st = kg_error_set(err, KG_EUSAGE, NULL, "unknown measure '%s'", name ? name : "");
    const char *near = kg_suggest(name ? name : "", measure_names, KG_MEASURE_COUNT);
    if (err && near)
        snprintf(err->hint, sizeof err->hint, "did you mean '%s'?", near);
    return st;
}

/* Degrees counted from the relations: total on the multigraph (a loop
 * adds 2), in and out on the directed view. */
static void degrees(const kg_graph *graph, kg_measure measure, double *values)
{
    size_t n = kg_graph_node_count(graph), m = kg_graph_edge_count(graph);
    for (size_t i = 0; i < n; i++)
        values[i] = 0;
    for (size_t j = 0; j < m; j++) {
        const kg_edge *e = kg_graph_edge(graph, j);
        bool is_both_ways = e->source != e->target && kg_edge_is_symmetric(graph, e);
        if (measure == KG_MEASURE_DEGREE) {
            values[e->source] += 1;
            values[e->target] += 1;
        } else if (measure == KG_MEASURE_OUT_DEGREE) {
            values[e->source] += 1;
            if (is_both_ways)
                values[e->target] += 1;
        } else {
            values[e->target] += 1;
            if (is_both_ways)
                values[e->source] += 1;
        }
    }
}

static bool is_path_measure(kg_measure m)
{
    return m == KG_MEASURE_BETWEENNESS || m == KG_MEASURE_CLOSENESS || m == KG_MEASURE_HARMONIC;
}

/* Closeness: igraph gives 1/sum (NaN when nothing is reached); the
 * normalised form scales by (r/(n-1)) * r as NetworkX does. */
static igraph_error_t closeness(const igraph_t *g, const kg_centrality_options *o,
                                igraph_neimode_t mode, igraph_vector_t *res)
{
    igraph_vector_int_t reached;
    igraph_error_t code = igraph_vector_int_init(&reached, 0);
    if (code != IGRAPH_SUCCESS)
        return code;
    code = igraph_closeness_cutoff(g, res, &reached, NULL, igraph_vss_all(), mode, NULL, false,
                                   (igraph_real_t)o->cutoff);
    igraph_integer_t n = igraph_vcount(g);
    for (igraph_integer_t i = 0; code == IGRAPH_SUCCESS && i < n; i++) {
        double raw = VECTOR(*res)[i], r = (double)VECTOR(reached)[i];
        if (isnan(raw) || r == 0)
            raw = 0;
        VECTOR(*res)[i] = o->is_raw || n <= 1 ? raw : raw * r * r / (double)(n - 1);
    }
    igraph_vector_int_destroy(&reached);
    return code;
}

/* Betweenness over the paths out of o->samples sampled sources, scaled by
 * n / samples (the estimate NetworkX's k-sampled betweenness makes). */
static igraph_error_t sampled_betweenness(const igraph_t *g, const kg_centrality_options *o,
                                          igraph_vector_t *res)
{
    igraph_integer_t n = igraph_vcount(g);
    size_t k = o->samples;
    igraph_vector_int_t sources;
    igraph_error_t code = igraph_vector_int_init(&sources, (igraph_integer_t)k);
    if (code != IGRAPH_SUCCESS)
        return code;
    size_t *sample = malloc(k * sizeof *sample);
    if (!sample || kg_sample_nodes((size_t)n, k, o->seed, sample, NULL) != KG_OK)
        code = IGRAPH_ENOMEM;
    for (size_t i = 0; code == IGRAPH_SUCCESS && i < k; i++)
        VECTOR(sources)[i] = (igraph_integer_t)sample[i];
    if (code == IGRAPH_SUCCESS)
        code = igraph_betweenness_subset(g, res, igraph_vss_all(), igraph_is_directed(g),
                                         igraph_vss_vector(&sources), igraph_vss_all(), NULL);
    if (code == IGRAPH_SUCCESS)
        igraph_vector_scale(res, (double)n / (double)k);
    free(sample);
    igraph_vector_int_destroy(&sources);
    return code;
}

static igraph_error_t run_measure(const igraph_t *g, kg_measure measure,
                                  const kg_centrality_options *o, igraph_vector_t *res)
{
    igraph_bool_t is_directed = igraph_is_directed(g);
    igraph_neimode_t mode = is_directed ? IGRAPH_OUT : IGRAPH_ALL;
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    igraph_real_t value;
    switch (measure) {
    case KG_MEASURE_BETWEENNESS:
        if (o->samples > 0)
            return sampled_betweenness(g, o, res);
        return igraph_betweenness_cutoff(g, res, igraph_vss_all(), is_directed, NULL,
                                         (igraph_real_t)o->cutoff);
    case KG_MEASURE_CLOSENESS:
        return closeness(g, o, mode, res);
    case KG_MEASURE_HARMONIC:
        return igraph_harmonic_centrality_cutoff(g, res, igraph_vss_all(), mode, NULL,
                                                 !o->is_raw, (igraph_real_t)o->cutoff);
    case KG_MEASURE_PAGERANK:
        return igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, res, &value, igraph_vss_all(),
                               is_directed, o->damping, NULL, NULL);
    case KG_MEASURE_EIGENVECTOR:
        return igraph_eigenvector_centrality(g, res, &value, is_directed, true, NULL, &arpack);
    case KG_MEASURE_HUB:
        return igraph_hub_and_authority_scores(g, res, NULL, &value, true, NULL, &arpack);
    case KG_MEASURE_AUTHORITY:
        return igraph_hub_and_authority_scores(g, NULL, res, &value, true, NULL, &arpack);
    default:
        return IGRAPH_EINVAL;
    }
}

/* Relative size below which a spectral value is rounding noise. */
#define SPECTRAL_NOISE 1e-12

static bool is_spectral(kg_measure m)
{
    return m == KG_MEASURE_EIGENVECTOR || m == KG_MEASURE_HUB || m == KG_MEASURE_AUTHORITY;
}

/* Rescales igraph's values into the documented normalised or raw form. */
static void rescale(kg_measure measure, const kg_centrality_options *o, bool is_directed,
                    double *values, size_t n)
{
    double scale = 1;
    if (measure == KG_MEASURE_BETWEENNESS && !o->is_raw && n > 2)
        scale = (is_directed ? 1.0 : 2.0) / ((double)(n - 1) * (double)(n - 2));
    if (measure == KG_MEASURE_EIGENVECTOR && o->is_raw) {
        double sum = 0; /* unit Euclidean length, as NetworkX */
        for (size_t i = 0; i < n; i++)
            sum += values[i] * values[i];
        scale = sum > 0 ? 1 / sqrt(sum) : 1;
    }
    if ((measure == KG_MEASURE_HUB || measure == KG_MEASURE_AUTHORITY) && o->is_raw) {
        double sum = 0; /* summing to 1, as NetworkX hits */
        for (size_t i = 0; i < n; i++)
            sum += values[i];
        scale = sum > 0 ? 1 / sum : 1;
    }
    double largest = 0;
    for (size_t i = 0; i < n; i++) {
        values[i] = values[i] * scale + 0.0; /* + 0.0 turns -0 into 0 */
        if (isnan(values[i]))
            values[i] = 0; /* harmonic of a lone node: 0/0 */
        largest = fabs(values[i]) > largest ? fabs(values[i]) : largest;
    }
    /* ARPACK leaves rounding noise (1e-17) where the exact value is 0 */
    for (size_t i = 0; i < n && is_spectral(measure); i++)
        if (fabs(values[i]) < SPECTRAL_NOISE * largest)
            values[i] = 0;
}

void kg_measure_view(kg_measure measure, const kg_centrality_options *o, bool *is_directed,
                     kg_igraph_simplify *simplify)
{
    *is_directed = o->is_directed || measure == KG_MEASURE_HUB || measure == KG_MEASURE_AUTHORITY;
    *simplify = is_path_measure(measure) ? KG_IGRAPH_SIMPLE : KG_IGRAPH_NO_LOOPS;
}

static kg_status igraph_measure(kg_analysis_cache *cache, const kg_graph *graph,
                                kg_measure measure, const kg_centrality_options *o,
                                double *values, kg_error *err)
{
    bool is_directed;
    kg_igraph_simplify simplify;
    kg_measure_view(measure, o, &is_directed, &simplify);
    size_t n = kg_graph_node_count(graph);
    igraph_t scratch;
    const igraph_t *g = NULL;
    igraph_vector_t res;
    bool has_res = false;
    kg_igraph_guard guard;
    kg_igraph_enter(&guard);
    kg_status st = kg_igraph_view_kept(cache, graph, is_directed, simplify, &scratch, &g, err);
    if (st == KG_OK) {
        st = kg_igraph_status(igraph_vector_init(&res, 0), "allocating results", err);
        has_res = st == KG_OK;
    }
    if (st == KG_OK)
        st = kg_igraph_status(run_measure(g, measure, o, &res), kg_measure_name(measure), err);
    if (st == KG_OK) {
        for (size_t i = 0; i < n; i++)
            values[i] = VECTOR(res)[i];
        rescale(measure, o, is_directed, values, n);
    }
    if (has_res)
        igraph_vector_destroy(&res);
    if (g == &scratch)
        igraph_destroy(&scratch);
    kg_igraph_leave(&guard);
    return st;
}

static kg_status centrality(kg_analysis_cache *cache, const kg_graph *graph, kg_measure measure,
                            const kg_centrality_options *options, double *values, kg_error *err)
{
    kg_centrality_options o = options ? *options : kg_centrality_defaults();
    if (!graph || !values || (unsigned)measure >= KG_MEASURE_COUNT)
        return kg_error_set(err, KG_EUSAGE, NULL, "centrality: no graph, output or measure");
    if (!kg_graph_is_finished(graph))
        return kg_error_set(err, KG_EUSAGE, NULL, "centrality: graph is not finished");
    if (!(o.damping > 0 && o.damping < 1))
        return kg_error_set(err, KG_EUSAGE, NULL,
                            "PageRank damping must be between 0 and 1 (exclusive), not %g",
                            o.damping);
    if (o.cutoff < 0)
        o.cutoff = -1;
    size_t n = kg_graph_node_count(graph);
    if (o.samples >= n)
        o.samples = 0; /* every node a source: the exact value */
    if (o.samples > 0 && o.cutoff >= 0)
        return kg_error_set(err, KG_EUSAGE, NULL,
                            "approximate betweenness: choose a cutoff or sampling, not both");
    if (n == 0)
        return KG_OK;
    if (measure > KG_MEASURE_OUT_DEGREE)
        return igraph_measure(cache, graph, measure, &o, values, err);
    degrees(graph, measure, values);
    for (size_t i = 0; i < n && !o.is_raw; i++)
        values[i] = n > 1 ? values[i] / (double)(n - 1) : 1;
    return KG_OK;
}

kg_status kg_centrality(const kg_graph *graph, kg_measure measure,
                        const kg_centrality_options *options, double *values, kg_error *err)
{
    return centrality(NULL, graph, measure, options, values, err);
}

kg_status kg_centrality_kept(kg_analysis_cache *cache, kg_measure measure,
                             const kg_centrality_options *options, double *values, kg_error *err)
{
    if (!cache)
        return kg_error_set(err, KG_EUSAGE, NULL, "centrality: no analysis cache");
    return centrality(cache, kg_analysis_cache_graph(cache), measure, options, values, err);
}

kg_status kg_analysis_cache_prepare(kg_analysis_cache *cache, kg_measure measure,
                                   const kg_centrality_options *options, kg_error *err)
{
    if (!cache || (unsigned)measure >= KG_MEASURE_COUNT)
        return kg_error_set(err, KG_EUSAGE, NULL, "analysis cache: no cache or measure");
    const kg_graph *graph = kg_analysis_cache_graph(cache);
    if (measure <= KG_MEASURE_OUT_DEGREE || kg_graph_node_count(graph) == 0)
        return KG_OK; /* counted without a view */
    kg_centrality_options o = options ? *options : kg_centrality_defaults();
    bool is_directed;
    kg_igraph_simplify simplify;
    kg_measure_view(measure, &o, &is_directed, &simplify);
    igraph_t scratch;
    const igraph_t *view;
    kg_igraph_guard guard;
    kg_igraph_enter(&guard);
    kg_status st = kg_igraph_view_kept(cache, graph, is_directed, simplify, &scratch, &view, err);
    kg_igraph_leave(&guard);
    return st;
}

/* ---- ranking ------------------------------------------------------------ */

/* The value rounded to 10 significant digits, so that results equal up to
 * floating-point noise tie and fall back to id order. */
static double tie_key(double v)
{
    if (v == 0 || !isfinite(v))
        return isnan(v) ? -INFINITY : v;
    double digits = floor(log10(fabs(v)));
    double scale = pow(10, 9 - digits);
    return nearbyint(v * scale) / scale;
}

/* Stable merge sort of order[lo..hi) by key, largest first. */
static void merge_sort(size_t *order, size_t *tmp, const double *key, size_t lo, size_t hi)
{
    if (hi - lo < 2)
        return;
    size_t mid = lo + (hi - lo) / 2;
    merge_sort(order, tmp, key, lo, mid);
    merge_sort(order, tmp, key, mid, hi);
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        tmp[k++] = key[order[j]] > key[order[i]] ? order[j++] : order[i++];
    while (i < mid)
        tmp[k++] = order[i++];
    while (j < hi)
        tmp[k++] = order[j++];
    memcpy(order + lo, tmp + lo, (hi - lo) * sizeof *order);
}

kg_status kg_rank(const double *values, size_t n, size_t *order, kg_error *err)
{
    if (n == 0)
        return KG_OK;
    double *key = malloc(n * sizeof *key);
    size_t *tmp = malloc(n * sizeof *tmp);
    kg_status st = KG_OK;
    if (!key || !tmp) {
        st = kg_error_set(err, KG_ENOMEM, NULL, "out of memory ranking %zu values", n);
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        key[i] = tie_key(values[i]);
        order[i] = i;
    }
    merge_sort(order, tmp, key, 0, n);
cleanup:
    free(tmp);
    free(key);
    return st;
}
