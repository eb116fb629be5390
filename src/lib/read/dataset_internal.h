/* dataset_internal.h - state shared by the data-set loader's two files:
 * dataset.c (structure: sources, entities, relations) and dataset_values.c
 * (values: dates, evidence, attributes). */
#ifndef KG_DATASET_INTERNAL_H
#define KG_DATASET_INTERNAL_H

#include "internal.h"
#include "json_check.h"
#include "kg/dataset.h"

/* Everything one load needs; scratch memory lives in `scratch`. */
typedef struct loader {
    kg_json_ctx ctx;
    kg_graph *graph;
    const kg_schema *schema;
    kg_load_options options;
    kg_arena scratch;
    kg_index_map names;      /* folded id/label -> entity index */
    kg_index_map aliases;    /* folded alias -> entity index */
    kg_index_map relation_ids;
    const char **entity_ids; /* for "did you mean" on endpoints */
    size_t entity_count;
} loader;

/* "start" and "end" of obj, checked to be dates in order. */
void kg_ds_load_interval(loader *ld, json_t *obj, const char *pointer, kg_date *start,
                         kg_date *end);
/* "evidence": one object or a non-empty list, each citing a known source. */
/* Checks the optional review keys of an entity or relation: confidence
 * (0..1), rule (a string), status (candidate, accepted or rejected). */
void kg_ds_check_review(loader *ld, json_t *obj, const char *pointer);
void kg_ds_load_evidence(loader *ld, json_t *obj, const char *pointer, bool required,
                         const kg_evidence **out, uint32_t *count);
/* "attributes": an object of scalar values. */
void kg_ds_load_attributes(loader *ld, json_t *obj, const char *pointer,
                           const kg_attr **out, uint32_t *count);

#endif
