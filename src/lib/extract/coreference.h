/* coreference.h - descriptions that refer back to a name (coreference.c). */
#ifndef KG_EXTRACT_COREFERENCE_H
#define KG_EXTRACT_COREFERENCE_H

#include "extractor.h"

/* What one text has named so far: per node type the last two entities
 * named (and the sentence each was named in), per entity how often. */
typedef struct ex_coref {
    size_t type_count;
    size_t *recent;      /* 2 per node type; EX_NO_ENTITY when none */
    size_t *seen;        /* 2 per node type: the sentence of recent[] */
    uint32_t *count;     /* per entity: mentions so far */
    size_t entity_count;
} ex_coref;

kg_status kg_ex_coref_init(ex_coref *cr, const kg_extractor *ex);
void kg_ex_coref_free(ex_coref *cr);

/* Adds to the mentions m[0 .. count) of sentence s (tokens [first, last))
 * the descriptions that refer back to a name: a determiner and a head noun
 * that the schema lists among a node type's `anaphors` ("the organisation",
 * "this mission") take the entity of that type named last (within five
 * sentences); a capitalised head ("the Alliance") the
 * entity of that type whose label holds the word, else the one named most
 * often; a plural head after "both", "these" or "the two" ("both
 * organisations") the last two (a name of two names joined by a hyphen,
 * "RDU-DANU", names both), the second in alt[k] (EX_NO_ENTITY for
 * every other mention). Returns the new count (at most max), in text order;
 * quote[k] is set to each mention's first byte. */
size_t kg_ex_anaphors(const kg_extractor *ex, ex_coref *cr, const ex_text *t, size_t s,
                      size_t first, size_t last, ex_mention *m, uint32_t *quote, size_t *alt,
                      size_t count, size_t max);

#endif
