/* writer.c - the one way libkg writes output: buffered, error-checked, and
 * for files atomic (temporary file in the target folder, renamed into place
 * only when complete), so no run ever leaves a half-written export. */
#include "kg/writer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define WRITER_BUFFER (64 * 1024)

#include "writer_internal.h"

static kg_writer *writer_new(writer_kind kind, const char *name, size_t capacity)
{
    kg_writer *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->kind = kind;
    w->fd = -1;
    w->temp_slot = -1;
    w->path = kg_strdup(name);
    w->capacity = capacity;
    /* One byte more than capacity: room for the NUL kg_writer_memory adds. */
    w->buffer = malloc(capacity + 1);
    if (!w->path || !w->buffer) {
        free(w->path);
        free(w->buffer);
        free(w);
        return NULL;
    }
    return w;
}

static void writer_free(kg_writer *w)
{
    free(w->path);
    free(w->temp_path);
    free(w->buffer);
    free(w);
}

kg_status kg_writer_open_file(const char *path, bool do_fsync, kg_writer **out,
                              kg_error *err)
{
    *out = NULL;
    kg_writer *w = writer_new(WRITER_FILE, path, WRITER_BUFFER);
    size_t len = strlen(path);
    if (w)
        w->temp_path = malloc(len + 48);
    if (!w || !w->temp_path) {
        if (w)
            writer_free(w);
        return kg_error_set(err, KG_ENOMEM, path, "out of memory");
    }
    /* ".NAME.PID.N.tmp" beside the target: same file system, so rename is
     * atomic, and hidden from globs such as "out/NAME.svg". O_EXCL with mode
     * 0666 (not mkstemp's 0600) lets the umask decide the permissions. */
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    kg_temp_remove_stale(path);
    int e = 0;
    for (unsigned attempt = 0; attempt < 100 && w->fd < 0; attempt++) {
        unsigned tag = (unsigned)(((uintptr_t)w >> 4) + attempt * 2654435761u);
        memcpy(w->temp_path, path, dir_len);
        snprintf(w->temp_path + dir_len, len + 48 - dir_len, ".%s.%ld.%x.tmp",
                 path + dir_len, (long)getpid(), tag);
        w->fd = open(w->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        e = errno;
        if (w->fd < 0 && e != EEXIST)
            break;
    }
    if (w->fd < 0) {
        writer_free(w);
        return kg_error_set(err, KG_EIO, path, "cannot create output: %s", strerror(e));
    }
    w->temp_slot = kg_temp_register(w->temp_path);
    w->do_fsync = do_fsync;
    *out = w;
    return KG_OK;
}

kg_status kg_writer_open_stream(FILE *stream, const char *name, kg_writer **out,
                                kg_error *err)
{
    *out = writer_new(WRITER_STREAM, name, WRITER_BUFFER);
    if (!*out)
        return kg_error_set(err, KG_ENOMEM, name, "out of memory");
    (*out)->stream = stream;
    return KG_OK;
}

kg_status kg_writer_open_memory(kg_writer **out, kg_error *err)
{
    /* Small to start (it doubles as needed): exports make one for each
     * edge's evidence, and glibc's malloc tidies all its small free chunks
     * before every request of 1 KiB or more, which took 2% of a convert. */
    *out = writer_new(WRITER_MEMORY, "<memory>", 256);
    if (!*out)
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    return KG_OK;
}

static kg_status fail(kg_writer *w, kg_status status, int e)
{
    if (w->status == KG_OK) {
        w->status = status;
        w->saved_errno = e;
    }
    return w->status;
}

/* Writes len bytes at data to the file or stream. */
static kg_status write_out(kg_writer *w, const char *data, size_t len)
{
    if (w->kind == WRITER_STREAM) {
        if (fwrite(data, 1, len, w->stream) != len)
            return fail(w, KG_EIO, errno);
        return KG_OK;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(w->fd, data + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(w, KG_EIO, n < 0 ? errno : EIO);
        done += (size_t)n;
    }
    return KG_OK;
}

/* Empties the buffer into the file or stream. */
static kg_status flush_buffer(kg_writer *w)
{
    if (w->kind == WRITER_MEMORY || w->used == 0 || w->status != KG_OK)
        return w->status;
    if (write_out(w, w->buffer, w->used) != KG_OK)
        return w->status;
    w->used = 0;
    w->flushes++;
    return KG_OK;
}

static kg_status grow_memory(kg_writer *w, size_t need)
{
    size_t cap = w->capacity;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return fail(w, KG_ENOMEM, ENOMEM);
        cap *= 2;
    }
    char *grown = realloc(w->buffer, cap + 1);
    if (!grown)
        return fail(w, KG_ENOMEM, ENOMEM);
    w->buffer = grown;
    w->capacity = cap;
    return KG_OK;
}

kg_status kg_writer_make_room(kg_writer *w)
{
    if (w->status != KG_OK || w->is_closed)
        return w->status != KG_OK ? w->status : fail(w, KG_EUSAGE, 0);
    if (w->kind == WRITER_MEMORY)
        return grow_memory(w, w->capacity + 1);
    return flush_buffer(w);
}

kg_status kg_writer_write(kg_writer *w, const void *data, size_t len)
{
    if (w->status != KG_OK || w->is_closed)
        return w->status != KG_OK ? w->status : fail(w, KG_EUSAGE, 0);
    if (w->kind == WRITER_MEMORY) {
        if (len > w->capacity - w->used && grow_memory(w, w->used + len) != KG_OK)
            return w->status;
        memcpy(w->buffer + w->used, data, len);
        w->used += len;
        return KG_OK;
    }
    if (w->used + len > w->capacity && flush_buffer(w) != KG_OK)
        return w->status;
    if (len >= w->capacity) {
        /* Larger than the buffer: written straight from data (an export
         * thread's whole run), in buffer-sized pieces, which the kernel
         * copies fastest. */
        const char *p = data;
        while (len > 0) {
            size_t piece = len < w->capacity ? len : w->capacity;
            if (write_out(w, p, piece) != KG_OK)
                return w->status;
            p += piece;
            len -= piece;
        }
        return KG_OK;
    }
    memcpy(w->buffer + w->used, data, len);
    w->used += len;
    return KG_OK;
}

kg_status kg_writer_puts(kg_writer *w, const char *s)
{
    return kg_writer_write(w, s, strlen(s));
}

kg_status kg_writer_putc(kg_writer *w, char c)
{
    if (w->status == KG_OK && !w->is_closed && w->used < w->capacity) {
        w->buffer[w->used++] = c;
        return KG_OK;
    }
    return kg_writer_write(w, &c, 1);
}

kg_status kg_writer_printf(kg_writer *w, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return fail(w, KG_EIO, EINVAL);
    if ((size_t)n < sizeof small)
        return kg_writer_write(w, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big)
        return fail(w, KG_ENOMEM, ENOMEM);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    kg_status st = kg_writer_write(w, big, (size_t)n);
    free(big);
    return st;
}

kg_status kg_writer_status(const kg_writer *w)
{
    return w->status;
}

const char *kg_writer_name(const kg_writer *w)
{
    return w->path;
}

const char *kg_writer_memory(const kg_writer *w, size_t *len)
{
    if (w->kind != WRITER_MEMORY) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = w->used;
    w->buffer[w->used] = '\0'; /* the buffer has a byte beyond capacity */
    return w->buffer;
}

static kg_status describe(const kg_writer *w, kg_error *err, const char *what)
{
    if (w->status == KG_ENOMEM)
        return kg_error_set(err, KG_ENOMEM, w->path, "out of memory while %s", what);
    return kg_error_set(err, w->status, w->path, "error while %s: %s", what,
                        w->saved_errno ? strerror(w->saved_errno) : "writer misused");
}

kg_status kg_writer_close(kg_writer *w, kg_error *err)
{
    if (w->is_closed)
        return w->status == KG_OK ? KG_OK : describe(w, err, "writing");
    flush_buffer(w);
    if (w->kind == WRITER_STREAM && w->status == KG_OK && fflush(w->stream) != 0)
        fail(w, KG_EIO, errno);
    if (w->kind == WRITER_FILE) {
        if (w->status == KG_OK && w->do_fsync && fsync(w->fd) != 0)
            fail(w, KG_EIO, errno);
        if (close(w->fd) != 0)
            fail(w, KG_EIO, errno);
        w->fd = -1;
    }
    w->is_closed = true;
    return w->status == KG_OK ? KG_OK : describe(w, err, "writing");
}

/* Makes the rename of path durable: fsync of its folder. File systems
 * that cannot sync a folder say EINVAL; there is nothing more to do. */
static int sync_folder(const char *path)
{
    char dir[4096];
    if (!kg_temp_folder(path, dir, sizeof dir))
        return ENAMETOOLONG;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int e = fsync(fd) == 0 || errno == EINVAL ? 0 : errno;
    close(fd);
    return e;
}

kg_status kg_writer_commit(kg_writer *w, kg_error *err)
{
    kg_status st = kg_writer_close(w, err);
    if (st == KG_OK && w->kind == WRITER_FILE && rename(w->temp_path, w->path) != 0) {
        fail(w, KG_EIO, errno);
        st = describe(w, err, "renaming the output into place");
    }
    if (st != KG_OK && w->kind == WRITER_FILE)
        unlink(w->temp_path);
    if (w->kind == WRITER_FILE)
        kg_temp_unregister(w->temp_slot);
    int e = 0;
    if (st == KG_OK && w->kind == WRITER_FILE && w->do_fsync && (e = sync_folder(w->path)) != 0) {
        fail(w, KG_EIO, e);
        st = describe(w, err, "syncing the folder after the rename");
    }
    writer_free(w);
    return st;
}

void kg_writer_abort(kg_writer *w)
{
    if (!w)
        return;
    if (w->kind == WRITER_FILE) {
        if (w->fd >= 0)
            close(w->fd);
        unlink(w->temp_path);
        kg_temp_unregister(w->temp_slot);
    }
    writer_free(w);
}
