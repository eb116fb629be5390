/* kg/analysis.h - the questions analysts ask of a relationship graph:
 * selecting part of it (types, dates), centrality, shortest paths with
 * their evidence, neighbourhoods, components and communities. Every
 * function reads a finished kg_graph and never changes it.
 *
 * Two views of the graph are used, and each function says which:
 *   undirected  every relation joins its two ends, whatever its direction;
 *   directed    every relation runs source -> target, and a relation of a
 *               symmetric type (schema "symmetric": true, e.g.
 *               cooperates_with) runs both ways, since its direction
 *               carries no meaning.
 * The graph is a multigraph (parallel relations, self-loops). Degree counts
 * every relation; path-based measures (paths, betweenness, closeness,
 * harmonic) use the simple graph (parallel relations collapsed, self-loops
 * dropped); spectral measures (PageRank, eigenvector, hub, authority) use
 * the multigraph without self-loops, a parallel relation adding weight.
 *
 * igraph computes most measures. igraph's default error handler aborts the
 * process and its warning handler prints, so these functions install a
 * silent handler for the duration of each call and restore the caller's
 * afterwards; igraph's handlers are process-wide, so do not call them from
 * two threads at once. Results are deterministic: randomised algorithms
 * are seeded explicitly and ties are broken by node id.
 *
 * In the complexity notes V is the number of nodes and E of relations.
 */
#ifndef KG_ANALYSIS_H
#define KG_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kg/error.h"
#include "kg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Selecting part of a graph ------------------------------------------ */

/* Which nodes and relations to keep. Type lists are type names; a node is
 * kept when its type is in node_types (or node_types is empty) and not in
 * exclude_node_types, and, when as_of is a date, when its [start, end]
 * interval overlaps that date (a date covers its whole span: "2003-03" is
 * any day of March 2003; open ends are unbounded). A relation is kept by
 * the same rules on edge types and dates, and only when both its ends are
 * kept. */
typedef struct kg_filter {
    const char *const *node_types;
    size_t node_type_count;
    const char *const *exclude_node_types;
    size_t exclude_node_type_count;
    const char *const *edge_types;
    size_t edge_type_count;
    const char *const *exclude_edge_types;
    size_t exclude_edge_type_count;
    kg_date as_of; /* precision KG_DATE_NONE: no date condition */
} kg_filter;

/* An empty filter (keeps everything). */
void kg_filter_init(kg_filter *filter);
/* True when the filter keeps every node and relation of any graph. */
bool kg_filter_is_empty(const kg_filter *filter);

/* Fills keep_node[V] and keep_edge[E] (either may be NULL). Type names are
 * checked against the graph's schema (or, without one, the types the graph
 * uses): an unknown one gives KG_EINPUT with the closest name as hint.
 * O((V + E) * T + T log S) for T listed types and S schema types (lists
 * are short, so in practice O(V + E)). */
kg_status kg_filter_mark(const kg_graph *graph, const kg_filter *filter,
                         bool *keep_node, bool *keep_edge, kg_error *err);

/* A new finished graph holding what the filter keeps (kg_graph_filter).
 * O(V + E) plus sorting. */
kg_status kg_filter_apply(const kg_graph *graph, const kg_filter *filter,
                          kg_graph **out, kg_error *err);

/* ---- igraph ------------------------------------------------------------- */

struct igraph_s; /* igraph_t, from <igraph.h> */

/* Initialises *out as an igraph graph with vertex i = node i and edge j =
 * relation j, directed (source -> target, as stored) or undirected; the
 * caller destroys it with igraph_destroy. This is the one-to-one mapping:
 * the analysis functions below build their views (symmetric relations both
 * ways, simple projections) from it. O(V + E). */
kg_status kg_graph_to_igraph(const kg_graph *graph, struct igraph_s *out,
                             bool is_directed, kg_error *err);

/* ---- Centrality --------------------------------------------------------- */

typedef enum kg_measure {
    KG_MEASURE_DEGREE = 0, /* relations at the node (a self-loop counts 2) */
    KG_MEASURE_IN_DEGREE,  /* directed view */
    KG_MEASURE_OUT_DEGREE, /* directed view */
    KG_MEASURE_BETWEENNESS,
    KG_MEASURE_CLOSENESS,
    KG_MEASURE_HARMONIC,
    KG_MEASURE_PAGERANK,
    KG_MEASURE_EIGENVECTOR,
    KG_MEASURE_HUB,       /* directed view always */
    KG_MEASURE_AUTHORITY, /* directed view always */
    KG_MEASURE_COUNT
} kg_measure;

typedef struct kg_centrality_options {
    bool is_directed; /* betweenness, closeness, harmonic, PageRank and
                         eigenvector on the directed view (default: no) */
    bool is_raw;      /* raw instead of normalised values (default: no) */
    int cutoff;       /* betweenness, closeness, harmonic: only paths of at
                         most this many relations count; < 0: exact (default) */
    double damping;   /* PageRank damping factor (default 0.85) */
    size_t samples;   /* betweenness only: estimate it from shortest paths
                         out of this many source nodes drawn at random
                         (kg_sample_nodes with `seed`), scaled by n/samples
                         as NetworkX's betweenness_centrality(k=...) does;
                         0 or >= n: exact (default 0). Not with a cutoff. */
    uint64_t seed;    /* for samples (default 1) */
} kg_centrality_options;

/* Defaults: undirected, normalised, exact, damping 0.85, seed 1. */
kg_centrality_options kg_centrality_defaults(void);

/* "degree", "in-degree", "out-degree", "betweenness", "closeness",
 * "harmonic", "pagerank", "eigenvector", "hub", "authority". */
const char *kg_measure_name(kg_measure measure);
/* Parses a measure name, ignoring case and treating '-', '_' and ' ' alike
 * ("in_degree"); KG_EUSAGE with a suggestion for an unknown one. */
kg_status kg_measure_from_name(const char *name, kg_measure *out,
                               kg_error *err);

/* Writes one value per node into values[V]. Definitions (n = V), chosen to
 * match NetworkX's conventions for the normalised values:
 *
 *   degree, in-, out-degree  raw: count of relations (multigraph);
 *       normalised: count / (n - 1).
 *   betweenness  raw: sum over pairs s != t (unordered when undirected) of
 *       the share of shortest s-t paths through the node (igraph);
 *       normalised: times 2/((n-1)(n-2)) undirected, 1/((n-1)(n-2))
 *       directed (as NetworkX); unchanged when n <= 2. With a cutoff,
 *       only paths of at most `cutoff` relations count (approximate, for
 *       large graphs; igraph_betweenness_cutoff). With `samples` = k, only
 *       paths out of k sampled sources count, and the sum is scaled by n/k
 *       (an unbiased estimate; igraph_betweenness_subset).
 *   closeness  over the r nodes the node reaches (directed: following
 *       relations out of it): raw 1 / (sum of distances) (igraph);
 *       normalised (r / (n-1)) * (r / sum of distances), the
 *       Wasserman-Faust form NetworkX uses, so a node in a small component
 *       does not look central. 0 for a node that reaches nothing.
 *   harmonic  raw: sum of 1/distance to every other node (unreached: 0);
 *       normalised: divided by n - 1.
 *   pagerank  igraph PRPACK, damping `damping`, dangling nodes jump
 *       uniformly; sums to 1 (raw and normalised alike).
 *   eigenvector  leading eigenvector of the adjacency matrix (directed:
 *       centrality flows along relations, as NetworkX); normalised: the
 *       largest value is 1 (igraph); raw: unit Euclidean length (NetworkX).
 *       A directed graph without cycles has all zeros.
 *   hub, authority  Kleinberg's HITS; normalised: largest value 1 (igraph
 *       hub and authority scores); raw: summing to 1 (NetworkX hits).
 *       Eigenvector, hub and authority values smaller than 1e-12 times the
 *       largest are set to 0 (ARPACK's rounding noise).
 *
 * Time: degree O(V + E); betweenness O(V E) (with a cutoff, less; with
 * k samples O(k E));
 * closeness and harmonic O(V (V + E)); PageRank, eigenvector, hub and
 * authority O(E) per iteration (ARPACK or PRPACK), a few hundred at most.
 * Memory O(V + E). */
kg_status kg_centrality(const kg_graph *graph, kg_measure measure,
                        const kg_centrality_options *options, double *values,
                        kg_error *err);

/* ---- Views kept across calls -------------------------------------------
 *
 * Each igraph-based centrality measure builds an igraph view of the graph,
 * O(V + E), and frees it on return. Callers running several measures on
 * one graph can keep the view in a kg_analysis_cache instead: the last
 * view built (directed or undirected; without self-loops, or also without
 * parallel relations) stays until a measure needs another one or until
 * kg_analysis_cache_free. PageRank and eigenvector share one view, hub and
 * authority another, betweenness, closeness and harmonic a third: run the
 * measures of one group one after the other and the view is built once.
 *
 * Memory cost: the one view kept between calls, which kg_centrality
 * would build and free inside each call: igraph holds it as two edge lists
 * and two indexes, 32 bytes per relation in it (64 for a symmetric
 * relation in the directed view, which holds it both ways) plus 16 bytes
 * per entity: about 180 MB at 1M entities / 5M relations. The peak is the
 * same as kg_centrality's. The cache also keeps the adjacency that
 * kg_shortest_paths_kept searches (below), built once. The cache reads the
 * graph, which must outlive it; not for use from two threads at once. */
typedef struct kg_analysis_cache kg_analysis_cache;

/* A cache for graph (finished); nothing is built until a measure asks. */
kg_status kg_analysis_cache_new(const kg_graph *graph, kg_analysis_cache **out,
                                kg_error *err);
void kg_analysis_cache_free(kg_analysis_cache *cache);
/* kg_centrality on the cache's graph, with the view kept in the cache:
 * the same values as kg_centrality. */
kg_status kg_centrality_kept(kg_analysis_cache *cache, kg_measure measure,
                             const kg_centrality_options *options, double *values,
                             kg_error *err);

/* Builds now the view kg_centrality_kept would build for measure under
 * options (NULL: the defaults), so that a caller can build it once, right
 * after loading (as igraph indexes a graph when it is made), and time or
 * report it apart from the measures. Nothing for the degrees. O(V + E). */
kg_status kg_analysis_cache_prepare(kg_analysis_cache *cache, kg_measure measure,
                                   const kg_centrality_options *options,
                                   kg_error *err);

/* Draws k distinct node indexes out of 0..n-1 (k <= n), uniformly, from a
 * generator seeded with `seed` (splitmix64; the same on every platform and
 * igraph version), and writes them to out[k] in increasing order. This is
 * the sample kg_centrality uses for approximate betweenness, so a caller
 * can show or reproduce it. O(n) time and memory. */
kg_status kg_sample_nodes(size_t n, size_t k, uint64_t seed, size_t *out,
                          kg_error *err);

/* Writes into order[n] the indexes 0..n-1 sorted by values, largest
 * first; values equal to 10 significant digits tie and keep index order,
 * which for a finished graph is node id order. O(n log n), O(n) memory. */
kg_status kg_rank(const double *values, size_t n, size_t *order,
                  kg_error *err);

/* ---- Neighbourhoods and paths ------------------------------------------- */

#define KG_UNREACHED ((size_t)-1)

typedef enum kg_direction {
    KG_DIRECTION_BOTH = 0, /* undirected view */
    KG_DIRECTION_OUT,      /* directed view, following relations forward */
    KG_DIRECTION_IN        /* directed view, following them backwards */
} kg_direction;

/* Breadth-first search from the `centre_count` centres up to `depth`
 * relations away (KG_UNREACHED: no limit). Fills distance[V]
 * (KG_UNREACHED beyond depth) and, if via_edge is not NULL, via_edge[V]:
 * for each reached node other than a centre, the relation from a node one
 * step nearer, the one from the nearer node with the lowest id (then the
 * lowest relation index); KG_UNREACHED for centres and unreached nodes.
 * O(V + E) time and memory. */
kg_status kg_neighbourhood(const kg_graph *graph, const size_t *centres,
                           size_t centre_count, size_t depth,
                           kg_direction direction, size_t *distance,
                           size_t *via_edge, kg_error *err);

typedef struct kg_path {
    size_t length; /* relations */
    size_t *nodes; /* length + 1 node indexes, from first */
    size_t *edges; /* length relation indexes; edges[i] joins nodes[i] and
                      nodes[i+1] (the lowest-index relation that does, in
                      the direction searched) */
} kg_path;

typedef struct kg_path_list {
    kg_path *paths;
    size_t count;      /* 0 when there is no path */
    size_t length;     /* of every path in the list */
    bool is_truncated; /* more shortest paths exist than max_paths */
} kg_path_list;

typedef struct kg_path_options {
    bool is_directed; /* follow relations forward only (symmetric ones
                         both ways); default: undirected */
    bool is_all;      /* every shortest path, not only the first */
    size_t max_paths; /* with is_all; 0: KG_DEFAULT_MAX_PATHS */
} kg_path_options;

#define KG_DEFAULT_MAX_PATHS ((size_t)1000)

/* Shortest paths (fewest relations) from node `from` to node `to`, on the
 * simple graph: paths are distinct sequences of nodes. They are listed in
 * lexicographic order of their node ids, so "the first" shortest path is
 * well defined. A node's path to itself has length 0. No path: count 0 and
 * KG_OK. O(V + E) for one path; with is_all, plus O(P * length) for P
 * paths. Free with kg_path_list_clear. */
kg_status kg_shortest_paths(const kg_graph *graph, size_t from, size_t to,
                            const kg_path_options *options,
                            kg_path_list *out, kg_error *err);
void kg_path_list_clear(kg_path_list *list);

/* kg_shortest_paths on the cache's graph, with the adjacency it searches
 * (undirected; or forward and backward, directed) kept in the cache: the
 * same paths, and each search after the first costs only its breadth-first
 * steps, not O(E) to index the relations. The adjacency takes 16 bytes a
 * step (two steps a relation, self-loops none) plus 8 a node per direction
 * kept: about 170 MB undirected at 1M entities / 5M relations, kept beside
 * the cache's igraph view until kg_analysis_cache_free. */
kg_status kg_shortest_paths_kept(kg_analysis_cache *cache, size_t from, size_t to,
                                 const kg_path_options *options,
                                 kg_path_list *out, kg_error *err);
/* Builds now what kg_shortest_paths_kept searches (directed or not). */
kg_status kg_analysis_cache_prepare_paths(kg_analysis_cache *cache, bool is_directed,
                                          kg_error *err);

/* ---- Components and communities ----------------------------------------- */

/* Nodes grouped: group 0 is the largest, ties going to the group whose
 * lowest node id sorts first. */
typedef struct kg_partition {
    size_t *membership; /* V entries: each node's group */
    size_t *sizes;      /* count entries */
    size_t count;
    double modularity;  /* communities only (else 0) */
} kg_partition;

void kg_partition_clear(kg_partition *partition);

/* Weakly connected components (undirected view) or, with is_strong,
 * strongly connected components (directed view). O(V + E). */
kg_status kg_components(const kg_graph *graph, bool is_strong,
                        kg_partition *out, kg_error *err);

typedef enum kg_community_method {
    KG_COMMUNITY_LOUVAIN = 0, /* igraph_community_multilevel */
    KG_COMMUNITY_LEIDEN       /* igraph_community_leiden, modularity */
} kg_community_method;

typedef struct kg_community_options {
    kg_community_method method;
    unsigned long seed; /* igraph's default RNG is seeded with it */
    double resolution;  /* modularity resolution gamma; default 1 */
} kg_community_options;

/* Louvain, seed 1, resolution 1. */
kg_community_options kg_community_defaults(void);

/* Communities maximising modularity on the undirected simple projection
 * (parallel relations collapsed, self-loops dropped, direction ignored).
 * Leiden optimises the same modularity (node weights = degrees, resolution
 * gamma / 2m) and iterates until stable. out->modularity is the partition's
 * modularity at this resolution. Isolated nodes form groups of their own.
 * Same graph and seed, same result. Louvain O(E) per pass, Leiden O(E)
 * per iteration, a few passes or iterations in practice. */
kg_status kg_communities(const kg_graph *graph,
                         const kg_community_options *options,
                         kg_partition *out, kg_error *err);

#ifdef __cplusplus
}
#endif
#endif
