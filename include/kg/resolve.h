/* kg/resolve.h - finding the entity a person means: by id, label or alias,
 * compared case- and accent-insensitively (kg_fold), so "turkiye",
 * "Türkiye" and "TÜRKIYE" all name the same node. An ambiguous name reports
 * its candidates; an unknown one suggests the closest known name.
 */
#ifndef KG_RESOLVE_H
#define KG_RESOLVE_H

#include <stddef.h>

#include "kg/error.h"
#include "kg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An index of every id, label and alias of a finished graph. It points
 * into the graph, which must outlive it. */
typedef struct kg_resolver kg_resolver;

/* Builds the index. O(N log N) time and O(N) memory for N names (ids,
 * labels and aliases together). */
kg_status kg_resolver_new(const kg_graph *graph, kg_resolver **out,
                          kg_error *err);
void kg_resolver_free(kg_resolver *resolver);

/* The nodes `name` may mean, in id order: how many there are in *total,
 * and the first `max` of them written to nodes (which may be NULL when max
 * is 0). The rules, in order:
 *   1. a node whose id is exactly `name` is the only candidate;
 *   2. otherwise every node whose folded id, label or alias equals the
 *      folded name.
 * O(log N + K) for K candidates. */
kg_status kg_resolve_candidates(const kg_resolver *resolver, const char *name,
                                size_t *nodes, size_t max, size_t *total,
                                kg_error *err);

/* The one node `name` means, in *node. Fails with KG_EINPUT when there is
 * none (message "unknown entity 'X'", hint "did you mean 'Y'?" naming the
 * closest id, label or alias) or more than one (message listing up to
 * eight candidates as id (label)). O(log N) when found, O(N * L^2) for the
 * suggestion (L: name length, capped at 256 bytes). */
kg_status kg_resolve(const kg_resolver *resolver, const char *name,
                     size_t *node, kg_error *err);

/* One-off lookup without keeping an index: builds one, resolves, frees. */
kg_status kg_resolve_node(const kg_graph *graph, const char *name,
                          size_t *node, kg_error *err);

#ifdef __cplusplus
}
#endif
#endif
