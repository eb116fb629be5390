/* extract_internal.h - what the extractor's files share: tokens, sentences,
 * dates, the name table and the candidate entities and relations. */
#ifndef KG_EXTRACT_INTERNAL_H
#define KG_EXTRACT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "kg/extract.h"

/* Longest sentence in tokens; longer runs are cut (a 10 MB line without a
 * full stop becomes bounded pieces). */
#define KG_EX_SENTENCE_MAX 200
/* Longest name in tokens. */
#define KG_EX_NAME_MAX 16

typedef enum ex_token_kind {
    EX_WORD = 0,  /* letters, digits, inner '.' ("D.C.") */
    EX_PUNCT,     /* one punctuation character (or a dash, a quote mark) */
    EX_POSS       /* 's or ’s */
} ex_token_kind;

typedef struct ex_token {
    uint32_t start, end;      /* byte offsets in the text */
    uint8_t kind;
    bool is_cap;              /* first letter upper case */
    bool is_allcaps;          /* two or more letters, none lower case */
    bool is_digit;            /* starts with a digit */
    bool is_joined;           /* glued to the previous word by '-' */
    bool is_line_start;       /* first token of a line */
    char lower[24];           /* lower-cased ASCII prefix, for cue tests */
} ex_token;

typedef struct ex_sentence {
    uint32_t first, last;     /* token range [first, last) */
} ex_sentence;

typedef struct ex_date {
    uint32_t first, last;     /* tokens */
    char text[11];            /* "2003", "2003-03", "2003-03-31" */
} ex_date;

typedef struct ex_text {
    const char *source_id;
    char *text;
    size_t len;
    ex_token *tokens;
    size_t token_count;
    ex_sentence *sentences;
    size_t sentence_count;
    ex_date *dates;
    size_t date_count;
} ex_text;

/* Tokenises and splits into sentences; fills t->tokens, sentences, dates. */
kg_status kg_ex_tokenise(ex_text *t);
void kg_ex_text_free(ex_text *t);
/* Lower-cased copy of the token's text (up to size-1 bytes). */
void kg_ex_token_lower(const ex_text *t, const ex_token *tok, char *out, size_t size);
/* Whether the token's text equals word (case-insensitive ASCII). */
bool kg_ex_token_is(const ex_text *t, const ex_token *tok, const char *word);

/* Splits a phrase into tokens (for names and cues); *count tokens written. */
kg_status kg_ex_tokenise_phrase(const char *phrase, ex_token **tokens, size_t *count,
                                char **copy);

/* ---- candidates ------------------------------------------------------ */

typedef struct ex_evidence {
    uint32_t text;            /* index of the ex_text */
    uint32_t start, end;      /* byte span of the quote */
} ex_evidence;

typedef struct ex_entity {
    char *id;
    char *label;
    char **aliases;
    size_t alias_count;
    size_t type;              /* node type index */
    const char *rule;
    double confidence;
    bool is_known;            /* from --known: written with its own id */
    bool is_used;             /* mentioned in some text */
    ex_evidence evidence[2];
    size_t evidence_count;
} ex_entity;

typedef struct ex_relation {
    size_t source, target;    /* entity indexes */
    size_t type;              /* edge type index */
    const char *rule;
    double confidence;
    char date[11];            /* "" when none */
    ex_evidence evidence[3];
    size_t evidence_count;
} ex_relation;

#endif
