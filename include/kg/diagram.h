/* kg/diagram.h - what a drawing a person can read shows: a graph (usually
 * a part of a larger one) and what the drawing needs to know about it
 * (centres, the groups of an overview). The views of kg/view.h (analysis)
 * fill a kg_diagram; the drawing functions of kg/draw.h (export) lay it out
 * and render it. docs/diagrams.md. */
#ifndef KG_DIAGRAM_H
#define KG_DIAGRAM_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kg_diagram_kind {
    KG_DIAGRAM_PLAIN = 0, /* entities and relations */
    KG_DIAGRAM_TIMELINE,  /* as plain, entities placed along a row of dates */
    KG_DIAGRAM_OVERVIEW   /* groups as clusters, links between groups */
} kg_diagram_kind;

/* A relation between two groups of an overview, drawn once. */
typedef struct kg_diagram_link {
    size_t from, to; /* groups */
    size_t count;    /* relations of the whole graph between them */
} kg_diagram_link;

/* What to draw. graph's entities and relations are drawn; the rest
 * depends on kind. Arrays are owned by the diagram (kg_diagram_clear). */
typedef struct kg_diagram {
    kg_graph *graph;
    kg_diagram_kind kind;
    bool *is_centre;       /* NULL, or per entity of graph: drawn bold */
    /* overview: */
    size_t group_count;
    char **group_names;    /* group_count names ("country", "community 1") */
    size_t *group_sizes;   /* entities of the whole graph in each group */
    size_t *node_group;    /* per entity of graph: its group */
    kg_diagram_link *links;
    size_t link_count;
} kg_diagram;

/* Frees what d owns and zeroes it; d may be NULL. */
void kg_diagram_clear(kg_diagram *d);

#ifdef __cplusplus
}
#endif
#endif
