/* kg/writer.h - buffered output that is either complete or absent.
 *
 * A file writer writes into a temporary file beside the target
 * (".NAME.PID.TAG.tmp"), and kg_writer_commit renames it into place only when
 * every byte was written and the file closed cleanly; kg_writer_abort (or
 * any failure) removes the temporary, so a failed run never leaves a
 * half-written or clobbered output. Errors are sticky: after the first
 * failed write, later writes do nothing and commit reports that failure.
 */
#ifndef KG_WRITER_H
#define KG_WRITER_H

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>

#include "kg/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_writer kg_writer;

/* Atomic file output to `path`; with do_fsync, the file is fsynced before
 * the rename and its folder after it, so the new file survives a power
 * cut. Opening removes the temporaries ".NAME.PID.TAG.tmp" of `path` that a
 * kg process since killed left behind (PID no longer running). */
kg_status kg_writer_open_file(const char *path, bool do_fsync,
                              kg_writer **out, kg_error *err);
/* Output to an open stream (e.g. stdout); `name` is used in messages.
 * The stream is flushed, not closed, on commit. */
kg_status kg_writer_open_stream(FILE *stream, const char *name,
                                kg_writer **out, kg_error *err);
/* Output collected in memory; read it with kg_writer_memory. */
kg_status kg_writer_open_memory(kg_writer **out, kg_error *err);

kg_status kg_writer_write(kg_writer *w, const void *data, size_t len);
kg_status kg_writer_puts(kg_writer *w, const char *s);
kg_status kg_writer_putc(kg_writer *w, char c);
kg_status kg_writer_printf(kg_writer *w, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* KG_OK, or the first error any call on this writer met. */
kg_status kg_writer_status(const kg_writer *w);
/* The name messages use: the target path, the stream name or "<memory>". */
const char *kg_writer_name(const kg_writer *w);

/* Memory writers only: the bytes so far (NUL-terminated) and their count. */
const char *kg_writer_memory(const kg_writer *w, size_t *len);

/* Flushes and closes without renaming (so several outputs can be finished
 * first and renamed together). Idempotent. */
kg_status kg_writer_close(kg_writer *w, kg_error *err);
/* Closes if needed, renames into place, frees w. On failure removes the
 * temporary and frees w too. */
kg_status kg_writer_commit(kg_writer *w, kg_error *err);
/* Removes the temporary (if any) and frees w. Accepts NULL. */
void kg_writer_abort(kg_writer *w);

/* Unlinks the temporary file of every file writer not yet committed or
 * aborted, leaving the writers otherwise as they are. Async-signal-safe:
 * meant for a SIGINT/SIGTERM handler that then ends the process. (The
 * temporaries of a process killed outright are removed by the next writer
 * opened for the same target: see kg_writer_open_file.) */
void kg_writer_remove_temporaries(void);

#ifdef __cplusplus
}
#endif
#endif
