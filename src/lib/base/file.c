/* file.c - reading whole input files with a size limit and errors that name
 * the file; shared by the schema and data-set loaders and by verify. */
#include "kg/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

kg_status kg_read_file(const char *path, size_t max_bytes, char **text, size_t *len,
                       kg_error *err)
{
    *text = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return kg_error_set(err, KG_EIO, path, "cannot open: %s", strerror(errno));
    struct stat st;
    kg_status status = KG_OK;
    char *buf = NULL;
    if (fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
        status = kg_error_set(err, KG_EIO, path, "cannot read: %s",
                              S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno));
        goto cleanup;
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096, used = 0;
    if (cap - 1 > max_bytes) {
        status = kg_error_set(err, KG_ELIMIT, path,
                              "file is %zu bytes, over the limit of %zu", cap - 1, max_bytes);
        if (err)
            snprintf(err->hint, sizeof err->hint, "raise it with --max-input-size");
        goto cleanup;
    }
    /* Read until EOF rather than trusting st_size: pipes and /proc files
     * report 0 or lie. */
    for (;;) {
        if (used + 1 >= cap) {
            if (cap > max_bytes) {
                status = kg_error_set(err, KG_ELIMIT, path,
                                      "file is over the limit of %zu bytes", max_bytes);
                if (err)
                    snprintf(err->hint, sizeof err->hint, "raise it with --max-input-size");
                goto cleanup;
            }
            cap *= 2;
        }
        char *grown = buf && cap <= used + 1 ? NULL : realloc(buf, cap);
        if (!grown) {
            status = kg_error_set(err, KG_ENOMEM, path, "out of memory reading the file");
            goto cleanup;
        }
        buf = grown;
        size_t n = fread(buf + used, 1, cap - used - 1, f);
        used += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        status = kg_error_set(err, KG_EIO, path, "read error: %s", strerror(errno));
        goto cleanup;
    }
    buf[used] = '\0';
    *text = buf;
    *len = used;
    buf = NULL;
cleanup:
    free(buf);
    fclose(f);
    return status;
}

char *kg_path_folder(const char *path, char *out, size_t size)
{
    snprintf(out, size, "%s", path);
    char *slash = strrchr(out, '/');
    if (slash)
        *(slash == out ? slash + 1 : slash) = '\0';
    else
        snprintf(out, size, ".");
    return out;
}
