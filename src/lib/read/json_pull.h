/* json_pull.h - a pull (event) parser for JSON that never holds the
 * document: it reads a buffer or a FILE in chunks and hands out one event at
 * a time, so a reader can build kg's graph as the text goes by, in memory
 * proportional to the graph. It accepts and rejects exactly what kg's jansson
 * loader does (json_loadb with duplicate keys rejected, kg_json_parse's depth
 * limit): an object or array at the top, RFC 8259 grammar, strict UTF-8, no
 * \u0000, integers that fit int64, reals that do not overflow; positions are
 * line:column counted in characters as jansson counts them. */
#ifndef KG_JSON_PULL_H
#define KG_JSON_PULL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "kg/error.h"

typedef enum kg_jp_event {
    KG_JP_ERROR = -1,
    KG_JP_EOF = 0, /* the document is complete and only white space followed */
    KG_JP_BEGIN_OBJECT,
    KG_JP_END_OBJECT,
    KG_JP_BEGIN_ARRAY,
    KG_JP_END_ARRAY,
    KG_JP_KEY, /* text holds the key */
    KG_JP_STRING,
    KG_JP_INTEGER, /* text holds the canonical decimal, integer the value */
    KG_JP_REAL,    /* text holds the number as written, real the value */
    KG_JP_TRUE,
    KG_JP_FALSE,
    KG_JP_NULL
} kg_jp_event;

typedef struct kg_jp_frame kg_jp_frame;

typedef struct kg_jp {
    /* input: the window [p, end) of a buffer or of the last chunk read */
    const unsigned char *p, *end;
    FILE *file;           /* NULL for a buffer */
    unsigned char *chunk; /* file chunks */
    /* position of the last character consumed (jansson's count) */
    int line, column;
    /* the last event's text (NUL-terminated; strings may hold no NUL) */
    char *text;
    size_t text_len, text_cap;
    int64_t integer;
    double real;
    /* structure */
    kg_jp_frame *frames;
    size_t depth, frame_cap, max_depth;
    char *keys; /* keys of the open objects, NUL-separated, for duplicates */
    size_t keys_len, keys_cap;
    int state;
    /* the first error: status (KG_EINPUT syntax, KG_ELIMIT depth, KG_ENOMEM,
     * KG_EIO read error), message and hint, at error_line:error_column */
    kg_status status;
    int error_line, error_column;
    char message[160];
    char hint[80];
} kg_jp;

/* Over len bytes at text (not copied; need not be NUL-terminated). */
void kg_jp_init_buffer(kg_jp *jp, const char *text, size_t len, size_t max_depth);
/* Over an open file, read in chunks (not closed by kg_jp_free). */
kg_status kg_jp_init_file(kg_jp *jp, FILE *file, size_t max_depth);
void kg_jp_free(kg_jp *jp);

/* The next event; KG_JP_ERROR (status, message, position set) once there is
 * an error, and from then on. */
kg_jp_event kg_jp_next(kg_jp *jp);

/* Skips the value whose first event was `first` (nothing for a scalar). */
kg_jp_event kg_jp_skip(kg_jp *jp, kg_jp_event first);

/* Appends the value whose first event was `first` to *out as compact JSON
 * (keys in document order, strings re-escaped, numbers as written), growing
 * it with kg_grow; for handing small nested values to jansson. */
kg_status kg_jp_capture(kg_jp *jp, kg_jp_event first, char **out, size_t *len, size_t *cap);

#endif
