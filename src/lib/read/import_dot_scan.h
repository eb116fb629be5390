/* import_dot_scan.h - the one-pass DOT reader's scanner (import_dot_scan.c):
 * DOT's tokens as cgraph's scanner reads them, for the subset the reader
 * handles (import_dot_fast.c); anything else is KG_DOT_OTHER, and what
 * cgraph would read differently (a line directive, a token of 16 KiB)
 * sets is_out, so that the reader leaves the file to cgraph. */
#ifndef KG_IMPORT_DOT_SCAN_H
#define KG_IMPORT_DOT_SCAN_H

#include <stdbool.h>
#include <stddef.h>

typedef enum kg_dot_tok {
    KG_DOT_END, KG_DOT_ID, KG_DOT_LBRACE, KG_DOT_RBRACE, KG_DOT_LBRACKET, KG_DOT_RBRACKET,
    KG_DOT_EQ, KG_DOT_SEMI, KG_DOT_COMMA, KG_DOT_ARROW, KG_DOT_DASHES, KG_DOT_NODE,
    KG_DOT_EDGE, KG_DOT_GRAPH, KG_DOT_DIGRAPH, KG_DOT_STRICT, KG_DOT_OTHER
} kg_dot_tok;

/* A growing NUL-terminated string. */
typedef struct kg_dot_buf {
    char *s;
    size_t len, cap;
} kg_dot_buf;

typedef struct kg_dot_scan {
    const char *text; /* NUL-terminated at len */
    size_t len, pos, start; /* start: of the last token */
    kg_dot_buf tok;         /* the last ID as cgraph stores it */
    bool is_out, is_nomem;  /* outside the subset; out of memory */
    bool is_skipping;       /* an ID only checked, not kept: tok stays empty */
} kg_dot_scan;

/* Both set is_out (is_nomem) and return false. */
bool kg_dot_out(kg_dot_scan *f);
bool kg_dot_nomem(kg_dot_scan *f);
/* Appends n bytes of s to b (not to tok while is_skipping). */
bool kg_dot_put(kg_dot_scan *f, kg_dot_buf *b, const char *s, size_t n);
/* The next token from pos; an ID's text in tok. */
kg_dot_tok kg_dot_lex(kg_dot_scan *f);
/* The next token if it is want (then consumed), else leaves it. */
bool kg_dot_accept(kg_dot_scan *f, kg_dot_tok want);

#endif
