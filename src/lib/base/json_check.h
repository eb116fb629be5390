/* json_check.h - checking parsed JSON (jansson) against what a kg file
 * format expects, reporting each problem with its JSON Pointer into a
 * kg_diagnostics list. Shared by the schema and data-set loaders. */
#ifndef KG_JSON_CHECK_H
#define KG_JSON_CHECK_H

#include <jansson.h>
#include <stdbool.h>

#include "kg/error.h"

#define KG_POINTER_MAX KG_ERROR_POINTER_MAX

typedef struct kg_json_ctx {
    const char *file;        /* name used in messages */
    kg_diagnostics *diags;   /* may be NULL */
    kg_status first;         /* status of the first problem, KG_OK if none */
    size_t problems;
    size_t max_depth;        /* deepest nesting kg_json_parse accepts */
} kg_json_ctx;

void kg_json_ctx_init(kg_json_ctx *ctx, const char *file, kg_diagnostics *diags);

/* Records a problem at pointer; hint may be NULL. */
void kg_json_report(kg_json_ctx *ctx, kg_status status, const char *pointer,
                    const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Records a "did you mean" problem: hint is built from suggestion if any. */
void kg_json_report_unknown(kg_json_ctx *ctx, const char *pointer,
                            const char *what, const char *name,
                            const char *suggestion);

/* Parses text with duplicate keys rejected; syntax errors are reported
 * with line:column. Returns NULL on failure. */
json_t *kg_json_parse(kg_json_ctx *ctx, const char *text, size_t len);

/* pointer + "/" + escaped key (RFC 6901: "~" -> "~0", "/" -> "~1"). */
void kg_pointer_key(char *out, const char *base, const char *key);
/* pointer + "/" + index. */
void kg_pointer_index(char *out, const char *base, size_t index);

/* Reports every key of obj not in allowed (NULL-terminated), suggesting
 * the nearest allowed key. */
void kg_json_check_keys(kg_json_ctx *ctx, json_t *obj, const char *pointer,
                        const char *const *allowed);

/* The string value of obj[key]; reports a missing (when required) or
 * non-string or empty value and returns NULL. */
const char *kg_json_string(kg_json_ctx *ctx, json_t *obj, const char *pointer,
                           const char *key, bool required);
/* obj[key] if it is an object/array; reports other types, or absence when
 * required. */
json_t *kg_json_object(kg_json_ctx *ctx, json_t *obj, const char *pointer,
                       const char *key, bool required);
json_t *kg_json_array(kg_json_ctx *ctx, json_t *obj, const char *pointer,
                      const char *key, bool required);

/* Name of a JSON value's type for messages ("a string", "an array"). */
const char *kg_json_type_name(const json_t *value);

#endif
