/* json_check.c - see json_check.h. Problems accumulate in the context so a
 * loader can check a whole file and report everything in one pass. */
#include "json_check.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kg/file.h"
#include "kg/text.h"

void kg_json_ctx_init(kg_json_ctx *ctx, const char *file, kg_diagnostics *diags)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->file = file;
    ctx->diags = diags;
    ctx->max_depth = KG_DEFAULT_MAX_DEPTH;
}

static void record(kg_json_ctx *ctx, const kg_error *e)
{
    /* Running out of memory outranks the input problems it may have caused. */
    if (ctx->first == KG_OK || e->status == KG_ENOMEM)
        ctx->first = e->status;
    ctx->problems++;
    if (kg_diagnostics_add(ctx->diags, e) != KG_OK && ctx->first == KG_EINPUT)
        ctx->first = KG_ENOMEM;
}

void kg_json_report(kg_json_ctx *ctx, kg_status status, const char *pointer,
                    const char *hint, const char *fmt, ...)
{
    kg_error e;
    kg_error_clear(&e);
    e.status = status;
    snprintf(e.file, sizeof e.file, "%s", ctx->file ? ctx->file : "");
    snprintf(e.pointer, sizeof e.pointer, "%s", pointer ? pointer : "");
    if (hint)
        snprintf(e.hint, sizeof e.hint, "%s", hint);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    record(ctx, &e);
}

void kg_json_report_unknown(kg_json_ctx *ctx, const char *pointer,
                            const char *what, const char *name,
                            const char *suggestion)
{
    char hint[KG_ERROR_TEXT_MAX];
    if (suggestion)
        snprintf(hint, sizeof hint, "did you mean '%s'?", suggestion);
    kg_json_report(ctx, KG_EINPUT, pointer, suggestion ? hint : NULL,
                   "unknown %s '%s'", what, name);
}

/* Finds where text first nests deeper than max_depth arrays and objects,
 * before jansson recurses that deep (its own limit is 2048). Returns false
 * and fills line and column (1-based) when it does. */
static bool find_too_deep(const char *text, size_t len, size_t max_depth, int *line, int *column)
{
    size_t depth = 0;
    bool in_string = false, escaped = false;
    *line = 1;
    *column = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        (*column)++;
        if (c == '\n') {
            (*line)++;
            *column = 0;
        }
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth)
                return false;
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return true;
}

json_t *kg_json_parse(kg_json_ctx *ctx, const char *text, size_t len)
{
    int line, column;
    if (ctx->max_depth && !find_too_deep(text, len, ctx->max_depth, &line, &column)) {
        kg_error e;
        kg_error_clear(&e);
        e.status = KG_ELIMIT;
        snprintf(e.file, sizeof e.file, "%s", ctx->file ? ctx->file : "");
        e.line = line;
        e.column = column;
        snprintf(e.message, sizeof e.message, "nesting deeper than the limit of %zu",
                 ctx->max_depth);
        snprintf(e.hint, sizeof e.hint, "raise it with --max-depth");
        record(ctx, &e);
        return NULL;
    }
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (root)
        return root;
    kg_error e;
    kg_error_clear(&e);
    /* jansson leaves the error text empty when its first allocations fail. */
    bool is_oom = json_error_code(&jerr) == json_error_out_of_memory || jerr.text[0] == '\0';
    e.status = is_oom ? KG_ENOMEM : KG_EINPUT;
    snprintf(e.file, sizeof e.file, "%s", ctx->file ? ctx->file : "");
    e.line = jerr.line > 0 ? jerr.line : 1;
    e.column = jerr.column > 0 ? jerr.column : 1;
    /* jansson names its own flag; say what it means instead. */
    char *flag = strstr(jerr.text, " without JSON_ALLOW_NUL");
    if (flag)
        memmove(flag, flag + strlen(" without JSON_ALLOW_NUL"),
                strlen(flag + strlen(" without JSON_ALLOW_NUL")) + 1);
    snprintf(e.message, sizeof e.message, "%s%s", is_oom ? "out of memory while parsing JSON" : "JSON syntax error: ",
             is_oom ? "" : jerr.text);
    if (flag)
        snprintf(e.hint, sizeof e.hint, "strings cannot hold NUL characters");
    record(ctx, &e);
    return NULL;
}

/* Pointers are built for every member a loader reads, millions of times
 * in a large data set: plain copies, no printf. */
void kg_pointer_key(char *out, const char *base, const char *key)
{
    size_t n = strlen(base);
    if (n > KG_POINTER_MAX - 2)
        n = KG_POINTER_MAX - 2;
    memmove(out, base, n);
    out[n++] = '/';
    for (const char *k = key; *k && n + 3 < KG_POINTER_MAX; k++) {
        if (*k == '~' || *k == '/') {
            out[n++] = '~';
            out[n++] = *k == '~' ? '0' : '1';
        } else {
            out[n++] = *k;
        }
    }
    out[n < KG_POINTER_MAX ? n : KG_POINTER_MAX - 1] = '\0';
}

void kg_pointer_index(char *out, const char *base, size_t index)
{
    char digits[24];
    size_t d = 0;
    do
        digits[d++] = (char)('0' + index % 10);
    while ((index /= 10) != 0);
    size_t n = strlen(base);
    if (n > KG_POINTER_MAX - 2 - d)
        n = KG_POINTER_MAX - 2 - d;
    memmove(out, base, n);
    out[n++] = '/';
    while (d)
        out[n++] = digits[--d];
    out[n] = '\0';
}

void kg_json_check_keys(kg_json_ctx *ctx, json_t *obj, const char *pointer,
                        const char *const *allowed)
{
    const char *key;
    json_t *value;
    size_t count = 0;
    while (allowed[count])
        count++;
    json_object_foreach(obj, key, value) {
        bool known = false;
        /* the first byte settles most comparisons without a call */
        for (size_t i = 0; i < count && !known; i++)
            known = key[0] == allowed[i][0] && strcmp(key, allowed[i]) == 0;
        if (known)
            continue;
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, key);
        kg_json_report_unknown(ctx, ptr, "key", key, kg_suggest(key, allowed, count));
    }
}

const char *kg_json_type_name(const json_t *value)
{
    switch (json_typeof(value)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "a value";
}

/* obj[key] when present and of type `type`; reports otherwise. */
static json_t *member(kg_json_ctx *ctx, json_t *obj, const char *pointer,
                      const char *key, bool required, json_type type,
                      const char *expected)
{
    json_t *value = json_object_get(obj, key);
    if (!value) {
        if (required)
            kg_json_report(ctx, KG_EINPUT, pointer, NULL,
                           "missing required key '%s'", key);
        return NULL;
    }
    if (json_typeof(value) != type) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, key);
        kg_json_report(ctx, KG_EINPUT, ptr, NULL, "expected %s, found %s",
                       expected, kg_json_type_name(value));
        return NULL;
    }
    return value;
}

const char *kg_json_string(kg_json_ctx *ctx, json_t *obj, const char *pointer,
                           const char *key, bool required)
{
    json_t *value = member(ctx, obj, pointer, key, required, JSON_STRING, "a string");
    if (!value)
        return NULL;
    if (json_string_length(value) == 0) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, key);
        kg_json_report(ctx, KG_EINPUT, ptr, NULL, "'%s' must not be empty", key);
        return NULL;
    }
    return json_string_value(value);
}

json_t *kg_json_object(kg_json_ctx *ctx, json_t *obj, const char *pointer,
                       const char *key, bool required)
{
    return member(ctx, obj, pointer, key, required, JSON_OBJECT, "an object");
}

json_t *kg_json_array(kg_json_ctx *ctx, json_t *obj, const char *pointer,
                      const char *key, bool required)
{
    return member(ctx, obj, pointer, key, required, JSON_ARRAY, "an array");
}
