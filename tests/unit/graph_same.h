/* graph_same.h - whether two graphs are the same field by field: nodes and
 * edges in order, with ids, types, labels, dates, aliases, evidence and
 * attributes. For the tests and fuzz harness that read one input two ways
 * (test_dataset_stream.c, fuzz_dataset_stream.c). */
#ifndef KG_TEST_GRAPH_SAME_H
#define KG_TEST_GRAPH_SAME_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "kg/kg.h"

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_date(kg_date a, kg_date b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day &&
           a.precision == b.precision;
}

static bool same_extras(const kg_evidence *ea, const kg_evidence *eb, uint32_t evidence,
                        const kg_attr *aa, const kg_attr *ab, uint32_t attrs)
{
    for (uint32_t i = 0; i < evidence; i++)
        if (!same_text(ea[i].source, eb[i].source) || !same_text(ea[i].quote, eb[i].quote))
            return false;
    for (uint32_t i = 0; i < attrs; i++)
        if (!same_text(aa[i].key, ab[i].key) || !same_text(aa[i].text, ab[i].text) ||
            aa[i].kind != ab[i].kind)
            return false;
    return true;
}

static bool same_node(const kg_node *x, const kg_node *y)
{
    if (!same_text(x->id, y->id) || !same_text(x->type, y->type) ||
        !same_text(x->label, y->label) || !same_text(x->description, y->description) ||
        x->type_index != y->type_index || x->origin != y->origin ||
        !same_date(x->start, y->start) || !same_date(x->end, y->end) ||
        x->alias_count != y->alias_count || x->evidence_count != y->evidence_count ||
        x->attr_count != y->attr_count ||
        !same_extras(x->evidence, y->evidence, x->evidence_count, x->attrs, y->attrs,
                     x->attr_count))
        return false;
    for (uint32_t i = 0; i < x->alias_count; i++)
        if (!same_text(x->aliases[i], y->aliases[i]))
            return false;
    return true;
}

static bool same_edge(const kg_edge *x, const kg_edge *y)
{
    return same_text(x->id, y->id) && same_text(x->type, y->type) && x->source == y->source &&
           x->target == y->target && x->type_index == y->type_index && x->origin == y->origin &&
           same_date(x->start, y->start) && same_date(x->end, y->end) &&
           x->evidence_count == y->evidence_count && x->attr_count == y->attr_count &&
           same_extras(x->evidence, y->evidence, x->evidence_count, x->attrs, y->attrs,
                       x->attr_count);
}

static bool same_graph(const kg_graph *a, const kg_graph *b)
{
    if (!a || !b)
        return a == b;
    if (kg_graph_node_count(a) != kg_graph_node_count(b) ||
        kg_graph_edge_count(a) != kg_graph_edge_count(b) ||
        !same_text(kg_graph_name(a), kg_graph_name(b)))
        return false;
    for (size_t i = 0; i < kg_graph_node_count(a); i++)
        if (!same_node(kg_graph_node(a, i), kg_graph_node(b, i)))
            return false;
    for (size_t i = 0; i < kg_graph_edge_count(a); i++)
        if (!same_edge(kg_graph_edge(a, i), kg_graph_edge(b, i)))
            return false;
    return true;
}



#endif
