/* pending.h - edges read before their end nodes: both loaders that accept
 * them (the importers' builder, import_build.c, and bulk ingest, ingest.c)
 * keep such an edge with its end ids and resolve them all through
 * kg_pending_resolve once every node is in. */
#ifndef KG_PENDING_H
#define KG_PENDING_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/graph.h"
#include "kg/schema.h"

/* The first member of each loader's pending record. */
typedef struct kg_pending_edge {
    kg_edge edge;          /* source and target are filled by the resolver */
    const char *source_id; /* interned in the graph */
    const char *target_id;
} kg_pending_edge;

typedef struct kg_pending_ops {
    void *context;
    /* An end not in the graph: create it (filling *index) or report it and
     * return the problem's status. */
    kg_status (*missing)(void *context, size_t i, kg_edge_end end, const char *id,
                         size_t *index);
    /* Both ends found: check the edge and add it to the graph. */
    kg_status (*add)(void *context, size_t i, kg_edge *edge);
    bool stops_at_problem; /* else only at KG_ENOMEM and KG_ELIMIT */
} kg_pending_ops;

/* Resolves the count records of `stride` bytes at records (each starting
 * with a kg_pending_edge) in order; returns the first problem's status. */
kg_status kg_pending_resolve(const kg_graph *g, void *records, size_t count, size_t stride,
                             const kg_pending_ops *ops);

#endif
