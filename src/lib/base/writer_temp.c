/* writer_temp.c - what becomes of a file writer's temporary when the run
 * is killed before it commits or aborts.
 *
 * Killed by a signal it can catch (SIGINT, SIGTERM, SIGHUP): the program's
 * handler calls kg_writer_remove_temporaries, which unlinks the temporary
 * of every writer still open. So it must be async-signal-safe: the open
 * writers' paths sit in a fixed table of atomic pointers (no lock, no
 * allocation), and the handler only loads them and calls unlink.
 *
 * Killed outright (SIGKILL, a crash, a power cut): nothing runs, so the
 * next writer opened for the same target removes the leftovers it
 * recognises, ".NAME.PID.TAG.tmp" whose process PID no longer exists. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "kg/writer.h"

#if ATOMIC_POINTER_LOCK_FREE != 2
#error "the signal-safe table of temporaries needs lock-free atomic pointers"
#endif

/* More open writers than this is possible (kg build of many data sets in
 * many formats); the temporaries of those past the table are then left
 * to the next run's clean-up, as after SIGKILL. */
#define TEMP_SLOTS 1024

static _Atomic(const char *) live[TEMP_SLOTS];

int kg_temp_register(const char *temp_path)
{
    for (int i = 0; i < TEMP_SLOTS; i++) {
        const char *empty = NULL;
        if (atomic_compare_exchange_strong(&live[i], &empty, temp_path))
            return i;
    }
    return -1;
}

void kg_temp_unregister(int slot)
{
    if (slot >= 0 && slot < TEMP_SLOTS)
        atomic_store(&live[slot], NULL);
}

void kg_writer_remove_temporaries(void)
{
    for (int i = 0; i < TEMP_SLOTS; i++) {
        const char *path = atomic_load(&live[i]);
        if (path)
            unlink(path);
    }
}

/* Whether name is ".BASE.PID.TAG.tmp" (TAG in hex) for a PID that is not
 * this process and no longer exists. */
static bool is_stale(const char *name, const char *base, size_t base_len)
{
    if (name[0] != '.' || strncmp(name + 1, base, base_len) != 0 || name[base_len + 1] != '.')
        return false;
    const char *p = name + base_len + 2, *digits = p;
    long pid = 0;
    while (*p >= '0' && *p <= '9' && p - digits < 10)
        pid = pid * 10 + (*p++ - '0');
    if (p == digits || *p++ != '.' || pid <= 0 || pid == (long)getpid())
        return false;
    const char *tag = p;
    while ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))
        p++;
    if (p == tag || p - tag > 16 || strcmp(p, ".tmp") != 0)
        return false;
    return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* Copies the folder part of path ("." when none) into dir; false when it
 * does not fit. */
bool kg_temp_folder(const char *path, char *dir, size_t size)
{
    const char *slash = strrchr(path, '/');
    size_t len = slash ? (size_t)(slash - path) + 1 : 0;
    if (len + 2 > size)
        return false;
    memcpy(dir, path, len);
    strcpy(dir + len, len ? "" : ".");
    return true;
}

void kg_temp_remove_stale(const char *path)
{
    /* No allocation by libkg here: this is tidying, and it must neither
     * fail a run nor count in the allocation-failure sweep. */
    char dir[4096];
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t base_len = strlen(base);
    DIR *d = kg_temp_folder(path, dir, sizeof dir) ? opendir(dir) : NULL;
    if (!d)
        return;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL)
        if (is_stale(entry->d_name, base, base_len))
            unlinkat(dirfd(d), entry->d_name, 0);
    closedir(d);
}
