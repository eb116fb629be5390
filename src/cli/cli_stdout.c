/* cli_stdout.c - a command succeeds only when its standard output reached
 * its reader: the GNU close_stdout habit. At exit, standard output is
 * flushed and closed and any error (disk full, a closed descriptor) is
 * reported as "kg: <stdout>: ..." with exit code 3, unless a command has
 * already reported it. A reader that went away (EPIPE: `kg ... | head -1`)
 * is not an error, as in coreutils.
 *
 * Also, when kg starts with descriptor 0, 1 or 2 closed (`kg ... >&-`),
 * the slot is filled with /dev/null opened read-only, so that no output
 * file opened later takes descriptor 1 and receives what was meant for
 * standard output (or 2 and receive messages); writes to it fail with
 * EBADF, which is reported like any other write error. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool stdout_reported;

void kg_cli_stdout_note_error(const kg_error *err)
{
    if (strcmp(err->file, "<stdout>") == 0)
        stdout_reported = true;
}

static void close_stdout(void)
{
    /* An earlier failed write leaves the error flag, not its errno; what
     * it could not write is still buffered, so fclose, which flushes,
     * usually meets the same error again and says which. */
    bool had_error = ferror(stdout) != 0;
    int e = EIO;
    if (fclose(stdout) != 0) {
        had_error = true;
        e = errno;
    }
    if (!had_error || stdout_reported || e == EPIPE)
        return;
    fprintf(stderr, "kg: <stdout>: %s\n", strerror(e));
    _exit(KG_EXIT_SYSTEM);
}

void kg_cli_stdout_guard(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0 && null != fd) { /* lower slots are taken: it is fd */
            dup2(null, fd);
            close(null);
        }
    }
    atexit(close_stdout);
}
