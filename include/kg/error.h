/* kg/error.h - how libkg reports failure.
 *
 * Every fallible call returns a kg_status and, when given a non-NULL kg_error,
 * fills it with where the problem is (file, line:column or JSON Pointer), what
 * it is, and a hint when one helps. Validation that finds many problems
 * collects them in a kg_diagnostics list instead of stopping at the first.
 */
#ifndef KG_ERROR_H
#define KG_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kg_status {
    KG_OK = 0,
    KG_EUSAGE,  /* the caller asked for something meaningless */
    KG_EINPUT,  /* input is malformed or breaks the schema */
    KG_EIO,     /* reading or writing a file failed */
    KG_ENOMEM,  /* an allocation failed */
    KG_ELIMIT   /* a resource limit was exceeded */
} kg_status;

#define KG_ERROR_FILE_MAX 512
#define KG_ERROR_POINTER_MAX 256
#define KG_ERROR_TEXT_MAX 512

typedef struct kg_error {
    kg_status status;
    char file[KG_ERROR_FILE_MAX];       /* "" when no file is involved */
    int line;                           /* 1-based; 0 when unknown */
    int column;                         /* 1-based; 0 when unknown */
    char pointer[KG_ERROR_POINTER_MAX]; /* JSON Pointer, "" when none */
    char message[KG_ERROR_TEXT_MAX];
    char hint[KG_ERROR_TEXT_MAX];       /* e.g. "did you mean 'nato'?" */
} kg_error;

/* Clears every field to "no error". Accepts NULL. */
void kg_error_clear(kg_error *err);

/* Fills err (if not NULL) and returns status, so callers can write
 * `return kg_error_set(err, KG_EIO, path, "cannot open: %s", strerror(e));` */
kg_status kg_error_set(kg_error *err, kg_status status, const char *file,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Formats err as one line the way compilers do:
 *   FILE:LINE:COL: message[; hint]   or   FILE: POINTER: message[; hint]
 * Always NUL-terminates (truncating) when size > 0. Returns buf. */
char *kg_error_format(const kg_error *err, char *buf, size_t size);

/* Short English name of a status ("invalid input"). */
const char *kg_status_name(kg_status status);

/* A list of problems, capped at `limit` entries; later ones are counted in
 * `dropped` so a report can say "and N more". */
typedef struct kg_diagnostics {
    kg_error *items;
    size_t count;
    size_t capacity;
    size_t limit;
    size_t dropped;
} kg_diagnostics;

#define KG_DIAGNOSTICS_DEFAULT_LIMIT 50

void kg_diagnostics_init(kg_diagnostics *diags, size_t limit);
void kg_diagnostics_clear(kg_diagnostics *diags);
/* Appends a copy of err; returns KG_ENOMEM only if the list cannot grow. */
kg_status kg_diagnostics_add(kg_diagnostics *diags, const kg_error *err);
/* Number of problems seen, including the dropped ones. */
size_t kg_diagnostics_total(const kg_diagnostics *diags);

#ifdef __cplusplus
}
#endif
#endif
