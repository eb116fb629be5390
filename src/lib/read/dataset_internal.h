/* dataset_internal.h - state shared by the data-set loader's files:
 * dataset_read.c (the streaming pass over the document), dataset.c
 * (records: sources, entities, relations; the whole-document path) and
 * dataset_values.c (values: dates, evidence, attributes). */
#ifndef KG_DATASET_INTERNAL_H
#define KG_DATASET_INTERNAL_H

#include "internal.h"
#include "json_check.h"
#include "json_pull.h"
#include "kg/dataset.h"

/* A schema type's name and its length (dataset_record.c's lookups). */
typedef struct kg_ds_type_name {
    const char *name;
    size_t len;
} kg_ds_type_name;

/* Everything one load needs. `scratch` holds what one record needs until
 * it is in the graph (the streaming pass empties it between records);
 * `keep` what the load needs to its end (folded names, relation ids). */
typedef struct loader {
    kg_json_ctx ctx;
    kg_graph *graph;
    const kg_schema *schema;
    kg_load_options options;
    kg_arena scratch;
    kg_arena keep;
    kg_index_map names;      /* folded id/label -> entity index */
    kg_index_map aliases;    /* folded alias -> entity index */
    kg_index_map relation_ids;
    const char **entity_ids; /* for "did you mean" on endpoints (malloc) */
    size_t entity_count, entity_cap;
    /* The streaming pass's record: its plain decimals with the text
     * kg_format_double gives for them, found without printf and strtod. */
    struct {
        const json_t *value;
        char text[32];
    } reals[8];
    size_t real_count;
    /* The schema's node [0] and edge [1] type names, for the token checks
     * (built on first use, malloc). */
    kg_ds_type_name *type_names[2];
    size_t type_counts[2];
} loader;

/* options with the defaults (KG_DEFAULT_MAX_*) filled in. */
void kg_ds_apply_defaults(kg_load_options *o, const kg_load_options *given);
void kg_ds_loader_init(loader *ld, const char *name, const kg_load_options *options,
                       kg_diagnostics *diags);
void kg_ds_loader_free(loader *ld);
/* The top-level object's own members (root may hold only those): allowed
 * keys, "kg": 1, name, title, description. */
void kg_ds_load_header(loader *ld, json_t *root);
/* The schema root names (resolved against base_dir), or the options'; NULL
 * when it cannot be used (reported). */
kg_schema *kg_ds_find_schema(loader *ld, json_t *root, const char *base_dir);
/* One element of "sources", "entities", "relations" at its position:
 * checked, and added to the graph when it has no problem. The entities
 * come before the relations; kg_ds_check_aliases after the last entity. */
void kg_ds_load_source(loader *ld, json_t *obj, size_t position);
void kg_ds_load_entity(loader *ld, json_t *obj, size_t position);
void kg_ds_check_aliases(loader *ld);
void kg_ds_load_relation(loader *ld, json_t *obj, size_t position);
/* kg_graph_finish when nothing went wrong; the default graph name. */
void kg_ds_finish(loader *ld, const char *name);
/* The whole document parsed into one jansson tree, then checked: for
 * documents the streaming pass cannot follow (kg_dataset_parse's contract). */
kg_status kg_ds_parse_tree(const char *text, size_t len, const char *name,
                           const char *base_dir, const kg_load_options *options,
                           kg_graph **out, kg_diagnostics *diags);

/* A valid entity or relation id: letters, digits, then also "_.:-", at
 * most 128 bytes. */
bool kg_ds_valid_id(const char *id);
/* The text kg_format_double gives for the number written as text, when
 * that is a plain decimal (dataset_read.c); false otherwise. */
bool kg_ds_plain_decimal(const char *text, char out[32]);

/* ---- records without jansson (dataset_record.c) ------------------------ */

/* One parser event of a record, its text at `text` in the record's text. */
typedef struct kg_ds_token {
    kg_jp_event ev;
    size_t len, text;
    union {
        int64_t integer;
        double real;
    };
} kg_ds_token;

/* An entity or relation as the parser gave it (reused record to record). */
typedef struct kg_ds_record {
    kg_ds_token *tokens;
    size_t count, cap;
    char *text; /* each token's text NUL-terminated */
    size_t text_len, text_cap;
} kg_ds_record;

void kg_ds_record_free(kg_ds_record *rec);
/* Reads the object whose '{' jp has just given, to its '}'; false after a
 * parser error, or with *is_oom set when out of memory or deeper than
 * depth_max (the tree builder's bound). */
bool kg_ds_record_read(kg_ds_record *rec, kg_jp *jp, size_t depth_max, bool *is_oom);
/* The record as the jansson tree kg_ds_load_entity and kg_ds_load_relation
 * read (its plain decimals in ld->reals), or NULL when out of memory. */
json_t *kg_ds_record_tree(loader *ld, const kg_ds_record *rec);
/* Checks the record and adds it to the graph when it is plainly valid
 * (true); false when anything is wrong or unusual, and nothing was done:
 * then kg_ds_load_entity or kg_ds_load_relation on its tree says what. */
bool kg_ds_fast_entity(loader *ld, const kg_ds_record *rec, size_t position);
bool kg_ds_fast_relation(loader *ld, const kg_ds_record *rec, size_t position);

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
