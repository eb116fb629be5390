/* lexicon.h - cue tables of the extractor (lexicon.c). */
#ifndef KG_EXTRACT_LEXICON_H
#define KG_EXTRACT_LEXICON_H

#include "extract_internal.h"
#include "kg/schema.h"

#define EX_CUE_TOKENS_MAX 6

typedef enum ex_cue_kind { EX_CUE_EDGE = 0, EX_CUE_NODE, EX_CUE_CONTEXT } ex_cue_kind;

/* Cues that are patterns of names rather than words ("<adjacent>", ...);
 * docs/extract.md. For <prefix>, <possessive> and <of> the left end is the
 * containing name, the right end the name inside it. */
typedef enum ex_structure {
    EX_WORDS = 0,
    EX_ADJACENT,   /* "Secretary General Ana Lindqvist" */
    EX_PREFIX,     /* "Interpol Cyber Fusion Centre" holds "Interpol"; also "Interpol’s Staff" */
    EX_INNER,      /* "President of the European Council": a name after a
                      preposition (words[0]: "of", "on", "for") inside a name */
    EX_COMMA,      /* "Mons, Belgium" */
    EX_HEADING,    /* a node type's context "<heading>": the type of a heading line */
    EX_FRAME,      /* "At the Tisza Summit, the Sava Council welcomed the Rivers Pact": the
                      fronted name (left end) and each later name but the subject */
    EX_FRAME_SUBJECT, /* the fronted name (left end) and the subject after it */
    EX_SUFFIX,     /* "Rhine Mission Austria" ends with "Austria" (the right end) */
    EX_PAIR,       /* "RDU-DANU talks" holds RDU and DANU joined by a hyphen (right ends) */
    EX_POSSESSIVE, /* "Tarnia’s invasion of X" opens with Tarnia and "’s" (right end) */
    EX_INCLUDING   /* "the Dialogue covers many issues, including threats posed by
                      Tarnia": the names after ", including" and lower-case words (right
                      ends) and the nearest name before it of the cue's left types */
} ex_structure;

typedef struct ex_cue {
    char words[EX_CUE_TOKENS_MAX][24]; /* lower case */
    uint8_t count;
    uint8_t kind;
    bool is_reverse;      /* edge cue with the target before it */
    bool is_first_joined; /* "-led": glued to the word before */
    uint8_t structure;    /* ex_structure: a pattern of names, not of words */
    uint64_t left_types;  /* " @a,b>c": node types allowed at the left end */
    uint64_t right_types; /* and at the right end; 0 = any */
    size_t type;          /* node or edge type index */
    size_t order;         /* position in the schema, for stable sorting */
} ex_cue;

typedef struct ex_lexicon {
    ex_cue *cues; /* sorted: longest first */
    size_t count;
    size_t capacity;
    size_t *by_word;       /* cue indexes sorted by first word, then index */
    size_t by_word_count;
} ex_lexicon;

kg_status kg_ex_lexicon_load(ex_lexicon *lx, const kg_schema *schema);
void kg_ex_lexicon_free(ex_lexicon *lx);
/* Whether cue's words are the tokens at [at, at + cue->count) (< end). */
/* The cues whose first word is `word`, longest first: by_word[*first ..
 * *first + return value). */
size_t kg_ex_cues_starting(const ex_lexicon *lx, const char *word, size_t *first);
bool kg_ex_cue_matches(const ex_cue *cue, const ex_token *tokens, size_t at, size_t end);

#endif
