/* pending.c - the one resolver of edges read before their end nodes
 * (pending.h): look both ends up by id, let the loader create or report a
 * missing one, then let it check and add the edge. */
#include "pending.h"

kg_status kg_pending_resolve(const kg_graph *g, void *records, size_t count, size_t stride,
                             const kg_pending_ops *ops)
{
    kg_status first = KG_OK;
    for (size_t i = 0; i < count; i++) {
        kg_pending_edge *p = (kg_pending_edge *)(void *)((char *)records + i * stride);
        const char *ids[2] = {p->source_id, p->target_id};
        size_t *ends[2] = {&p->edge.source, &p->edge.target};
        kg_status st = KG_OK;
        for (int k = 0; k < 2 && st == KG_OK; k++) {
            *ends[k] = kg_graph_find_node(g, ids[k]);
            if (*ends[k] == KG_SCHEMA_NOT_FOUND)
                st = ops->missing(ops->context, i, (kg_edge_end)k, ids[k], ends[k]);
        }
        if (st == KG_OK)
            st = ops->add(ops->context, i, &p->edge);
        if (st != KG_OK && first == KG_OK)
            first = st;
        if (st == KG_ENOMEM || st == KG_ELIMIT || (st != KG_OK && ops->stops_at_problem))
            return st;
    }
    return first;
}
