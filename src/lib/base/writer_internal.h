/* writer_internal.h - the writer's layout, for libkg's exporters only: an
 * inline fast path for the small writes they make millions of times (one
 * memcpy into the buffer instead of a function call and a strlen). */
#ifndef KG_WRITER_INTERNAL_H
#define KG_WRITER_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "kg/writer.h"

typedef enum writer_kind { WRITER_FILE, WRITER_STREAM, WRITER_MEMORY } writer_kind;

struct kg_writer {
    writer_kind kind;
    kg_status status;
    int saved_errno;
    int fd;               /* WRITER_FILE */
    FILE *stream;         /* WRITER_STREAM */
    bool do_fsync;
    bool is_closed;
    char *path;           /* target (file) or name (stream) */
    char *temp_path;      /* WRITER_FILE */
    int temp_slot;        /* WRITER_FILE: in writer_temp.c's table, or -1 */
    char *buffer;
    size_t used;
    size_t capacity;
    unsigned long flushes; /* times the buffer was emptied (kg_put_copy) */
};

/* kg_writer_write, inlined when the bytes fit in the buffer; everything
 * else (flushing, growing, errors) goes the usual way, so behaviour is
 * identical. A memory writer's NUL is added when it is read, not here. */
static inline void kg_put(kg_writer *w, const char *s, size_t n)
{
    if (w->status == KG_OK && !w->is_closed && n <= w->capacity - w->used) {
        memcpy(w->buffer + w->used, s, n);
        w->used += n;
    } else {
        kg_writer_write(w, s, n);
    }
}

static inline void kg_putc(kg_writer *w, char c)
{
    kg_put(w, &c, 1);
}

/* kg_writer_puts for the short values written per record (numbers,
 * dates): copies up to the NUL straight into the buffer in one pass, where
 * strlen and then memcpy would read the string twice; falls back to
 * kg_writer_puts when the buffer may be too short. Same bytes. */
static inline void kg_put_str(kg_writer *w, const char *s)
{
    if (w->status != KG_OK || w->is_closed) {
        kg_writer_puts(w, s);
        return;
    }
    char *out = w->buffer + w->used, *end = w->buffer + w->capacity;
    const char *p = s;
    while (out < end && *p)
        *out++ = *p++;
    if (*p) {
        kg_writer_puts(w, s); /* did not fit: written whole after a flush */
        return;
    }
    w->used = (size_t)(out - w->buffer);
}

/* A string literal, its length known at compile time. */
#define KG_PUT_LIT(w, literal) kg_put((w), "" literal, sizeof(literal) - 1)

/* Frees space in the buffer (flushing it, or growing a memory writer's)
 * for callers that fill w->buffer directly. KG_OK or w's failed status. */
kg_status kg_writer_make_room(kg_writer *w);

/* Writes again the bytes written at buffer[start .. end) when they are all
 * still there (no flush since, counted by flushes) and fit: a value that
 * a format repeats (an edge id as key and id) is then escaped once.
 * Returns false, having written nothing, when the caller must write them
 * the usual way. */
static inline bool kg_put_copy(kg_writer *w, size_t start, size_t end, unsigned long flushes)
{
    size_t n = end - start;
    if (w->flushes != flushes || w->status != KG_OK || w->is_closed || end > w->used ||
        n > w->capacity - w->used)
        return false;
    memcpy(w->buffer + w->used, w->buffer + start, n);
    w->used += n;
    return true;
}

/* Empties a memory writer for reuse, keeping its buffer. */
static inline void kg_writer_memory_reset(kg_writer *w)
{
    w->used = 0;
    w->flushes++;
}

#endif
