/* error.c - filling, formatting and collecting kg_error values. Every other
 * module reports through these, so messages look the same everywhere. */
#include "kg/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kg_error_clear(kg_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

kg_status kg_error_set(kg_error *err, kg_status status, const char *file,
                       const char *fmt, ...)
{
    if (!err)
        return status;
    kg_error_clear(err);
    err->status = status;
    if (file)
        snprintf(err->file, sizeof err->file, "%s", file);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

char *kg_error_format(const kg_error *err, char *buf, size_t size)
{
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (!err)
        return buf;
    size_t used = 0;
    int n = 0;
    if (err->file[0] && err->line > 0)
        n = snprintf(buf, size, "%s:%d:%d: ", err->file, err->line,
                     err->column > 0 ? err->column : 1);
    else if (err->file[0] && err->pointer[0])
        n = snprintf(buf, size, "%s: %s: ", err->file, err->pointer);
    else if (err->file[0])
        n = snprintf(buf, size, "%s: ", err->file);
    else if (err->pointer[0])
        n = snprintf(buf, size, "%s: ", err->pointer);
    if (n > 0)
        used = (size_t)n < size ? (size_t)n : size - 1;
    n = snprintf(buf + used, size - used, "%s",
                 err->message[0] ? err->message : kg_status_name(err->status));
    if (n > 0)
        used += (size_t)n < size - used ? (size_t)n : size - used - 1;
    if (err->hint[0] && used < size - 1)
        snprintf(buf + used, size - used, "; %s", err->hint);
    return buf;
}

const char *kg_status_name(kg_status status)
{
    switch (status) {
    case KG_OK: return "success";
    case KG_EUSAGE: return "usage error";
    case KG_EINPUT: return "invalid input";
    case KG_EIO: return "input/output error";
    case KG_ENOMEM: return "out of memory";
    case KG_ELIMIT: return "resource limit exceeded";
    }
    return "unknown error";
}

void kg_diagnostics_init(kg_diagnostics *diags, size_t limit)
{
    memset(diags, 0, sizeof *diags);
    diags->limit = limit ? limit : KG_DIAGNOSTICS_DEFAULT_LIMIT;
}

void kg_diagnostics_clear(kg_diagnostics *diags)
{
    if (!diags)
        return;
    size_t limit = diags->limit;
    free(diags->items);
    kg_diagnostics_init(diags, limit);
}

kg_status kg_diagnostics_add(kg_diagnostics *diags, const kg_error *err)
{
    if (!diags)
        return KG_OK;
    if (diags->count >= diags->limit) {
        diags->dropped++;
        return KG_OK;
    }
    if (diags->count == diags->capacity) {
        size_t cap = diags->capacity ? diags->capacity * 2 : 8;
        kg_error *items = realloc(diags->items, cap * sizeof *items);
        if (!items) {
            diags->dropped++;
            return KG_ENOMEM;
        }
        diags->items = items;
        diags->capacity = cap;
    }
    diags->items[diags->count++] = *err;
    return KG_OK;
}

size_t kg_diagnostics_total(const kg_diagnostics *diags)
{
    return diags ? diags->count + diags->dropped : 0;
}
