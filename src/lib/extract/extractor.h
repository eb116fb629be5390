/* extractor.h - the extractor's state, shared by extract.c (inputs and
 * entities), mentions.c (names in the text), relations.c (cues between
 * names) and output.c (the candidate data set). */
#ifndef KG_EXTRACTOR_H
#define KG_EXTRACTOR_H

#include "extract_internal.h"
#include "lexicon.h"
#include "names.h"

struct kg_extractor {
    const kg_schema *schema;
    kg_arena arena;
    ex_lexicon lexicon;
    ex_names names;        /* label or alias -> entity */
    ex_names lower_words;  /* words the texts write in lower case */
    ex_names firsts;       /* first word of names -> longest such name in tokens */
    ex_names cue_heads;    /* last words of node cues: a quick "no" for heads */
    ex_names country_codes; /* ISO 3166 alpha-2 code -> country entity */
    size_t max_name_tokens;
    kg_source *sources;
    ex_text *texts;
    size_t text_count;
    size_t text_capacity;
    ex_entity *entities;
    size_t entity_count;
    size_t entity_capacity;
    size_t *merged_into;   /* per entity: itself, or the entity it became */
    ex_relation *relations;
    size_t relation_count;
    size_t relation_capacity;
    size_t default_type;   /* node type of a name no cue types */
    size_t person_type;    /* KG_SCHEMA_NOT_FOUND when the schema has none */
    size_t max_text;       /* bytes; KG_EXTRACT_MAX_TEXT unless set */
    bool has_run;
};

/* A mention of an entity in a sentence: tokens [first, last). */
typedef struct ex_mention {
    uint32_t first, last;
    size_t entity;
} ex_mention;

/* Adds an entity (label copied) and its names; returns its index in *out. */
kg_status kg_ex_entity_add(kg_extractor *ex, const char *label, size_t type,
                           const char *rule, double confidence, size_t *out);
/* Adds an alias unless another entity has that name. */
kg_status kg_ex_entity_alias(kg_extractor *ex, size_t entity, const char *alias);
size_t kg_ex_resolve(const kg_extractor *ex, size_t entity);
void kg_ex_entity_evidence(kg_extractor *ex, size_t entity, uint32_t text, uint32_t start,
                           uint32_t end);

/* Pass 1: names in text t become entities. */
kg_status kg_ex_find_names(kg_extractor *ex, uint32_t text);
/* Between the passes: a name that a longer name of its type continues
 * with a complement, and no other, names that one ("the second Pact" is
 * "the second Pact on Rivers"). */
kg_status kg_ex_short_names(kg_extractor *ex);
/* Pass 2: mentions of known names and the relations between them. */
kg_status kg_ex_find_relations(kg_extractor *ex, uint32_t text);
/* Length in tokens of the longest known name at token i (ending before
 * end), its entity in *entity; 0 when none. */
size_t kg_ex_known_length(const kg_extractor *ex, const ex_text *t, size_t i, size_t end,
                          size_t *entity);
/* The mentions of sentence s (longest names first); returns the count. */
size_t kg_ex_mentions(kg_extractor *ex, const ex_text *t, size_t first, size_t last,
                      ex_mention *out, size_t max);

/* Gives every used entity without one an id (output.c). */
kg_status kg_ex_assign_ids(kg_extractor *ex);

#endif
