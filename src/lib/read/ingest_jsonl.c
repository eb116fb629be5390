/* ingest_jsonl.c - JSON Lines for the bulk loader: each line one object, a
 * node (id, category or type, name or label, ...) or an edge (subject or
 * source, predicate or type, object or target, ...), parsed alone with
 * jansson so memory never holds more than a line. Other members become
 * typed attributes (an "attributes" object is flattened into them). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest_internal.h"
#include "kg/text.h"

/* Text made for a line (numbers, nested values as JSON), freed after it. */
typedef struct line_texts {
    char **items;
    size_t count, capacity;
} line_texts;

static const char *keep_text(line_texts *t, char *text)
{
    if (!text)
        return NULL;
    if (kg_grow((void **)&t->items, &t->capacity, t->count + 1, sizeof *t->items) != KG_OK) {
        free(text);
        return NULL;
    }
    t->items[t->count++] = text;
    return text;
}

/* Column of "key" in the line (1-based bytes), or 0. */
static int key_column(const char *line, const char *key)
{
    char quoted[160];
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    const char *at = strstr(line, quoted);
    return at ? (int)(at - line) + 1 : 0;
}

static bool is_member(const json_t *obj, const char *a, const char *b)
{
    return json_object_get(obj, a) || json_object_get(obj, b);
}

typedef enum field_role { F_ATTR, F_ID, F_TYPE, F_LABEL, F_DESCRIPTION, F_ALIASES, F_START,
                          F_END, F_SOURCE, F_TARGET, F_ATTRIBUTES } field_role;

/* Which field a member is, the first of each pair winning (as in TSV). */
static field_role role_of(const json_t *obj, const char *key, bool is_edge)
{
    static const struct { const char *key, *before; field_role role; bool is_edge; } fields[] = {
        {"id", NULL, F_ID, false},           {"category", NULL, F_TYPE, false},
        {"type", "category", F_TYPE, false}, {"label", NULL, F_LABEL, false},
        {"name", "label", F_LABEL, false},   {"description", NULL, F_DESCRIPTION, false},
        {"aliases", NULL, F_ALIASES, false}, {"synonym", "aliases", F_ALIASES, false},
        {"subject", NULL, F_SOURCE, true},   {"source", "subject", F_SOURCE, true},
        {"object", NULL, F_TARGET, true},    {"target", "object", F_TARGET, true},
        {"predicate", NULL, F_TYPE, true},   {"type", "predicate", F_TYPE, true},
        {"id", NULL, F_ID, true}};
    if (strcmp(key, "start") == 0)
        return F_START;
    if (strcmp(key, "end") == 0)
        return F_END;
    if (strcmp(key, "attributes") == 0 && json_is_object(json_object_get(obj, key)))
        return F_ATTRIBUTES;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i].is_edge == is_edge && strcmp(fields[i].key, key) == 0)
            return fields[i].before && json_object_get(obj, fields[i].before) ? F_ATTR
                                                                               : fields[i].role;
    return F_ATTR;
}

/* An attribute value: scalars in their type, anything else as JSON text. */
static kg_status attr_value(line_texts *t, const json_t *v, kg_attr *out)
{
    char buf[64];
    switch (json_typeof(v)) {
    case JSON_STRING: out->text = json_string_value(v); out->kind = KG_VALUE_STRING; break;
    case JSON_INTEGER:
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        out->text = keep_text(t, kg_strdup(buf));
        out->kind = KG_VALUE_INTEGER;
        break;
    case JSON_REAL:
        out->text = keep_text(t, kg_strdup(kg_format_double(json_real_value(v), buf)));
        out->kind = KG_VALUE_REAL;
        break;
    case JSON_TRUE: out->text = "true"; out->kind = KG_VALUE_BOOLEAN; break;
    case JSON_FALSE: out->text = "false"; out->kind = KG_VALUE_BOOLEAN; break;
    default:
        out->text = keep_text(t, json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII));
        out->kind = KG_VALUE_STRING;
        break;
    }
    return out->text ? KG_OK : KG_ENOMEM;
}

static kg_status add_attr(ingest_input *in, line_texts *t, ingest_record *r, const char *key,
                          const json_t *v)
{
    if (json_is_null(v))
        return KG_OK;
    if (kg_ingest_scratch_attrs(&in->scratch, r->attr_count + 1) != KG_OK)
        return KG_ENOMEM;
    kg_attr *a = &in->scratch.attrs[r->attr_count];
    a->key = key;
    if (attr_value(t, v, a) != KG_OK)
        return KG_ENOMEM;
    r->attr_count++;
    r->attrs = in->scratch.attrs;
    return KG_OK;
}

/* A string field; a category list gives its first (most specific) item. */
static kg_status text_field(ingest_input *in, const char *line, const char *key,
                            const json_t *v, bool is_list_ok, ingest_value *out)
{
    if (is_list_ok && json_is_array(v) && json_array_size(v) > 0)
        v = json_array_get(v, 0);
    out->column = key_column(line, key);
    if (json_is_null(v))
        return KG_OK;
    if (!json_is_string(v))
        return kg_ingest_problem(in, KG_EINPUT, out->column, NULL, "'%s' must be a string",
                                 key);
    out->text = json_string_value(v);
    return KG_OK;
}

static kg_status aliases_field(ingest_input *in, const char *line, const char *key,
                               const json_t *v, ingest_record *r)
{
    size_t n = json_is_array(v) ? json_array_size(v) : json_is_string(v) ? 1 : 0;
    if (!json_is_array(v) && !json_is_string(v) && !json_is_null(v))
        return kg_ingest_problem(in, KG_EINPUT, key_column(line, key), NULL,
                                 "'%s' must be a list of strings", key);
    if (kg_ingest_scratch_aliases(&in->scratch, n + 1) != KG_OK)
        return KG_ENOMEM;
    uint32_t count = 0;
    for (size_t i = 0; i < n; i++) {
        const json_t *item = json_is_array(v) ? json_array_get(v, i) : v;
        if (!json_is_string(item))
            return kg_ingest_problem(in, KG_EINPUT, key_column(line, key), NULL,
                                     "'%s' must be a list of strings", key);
        if (json_string_value(item)[0])
            in->scratch.aliases[count++] = json_string_value(item);
    }
    r->aliases = in->scratch.aliases;
    r->alias_count = count;
    return KG_OK;
}

static kg_status fill_record(ingest_input *in, const char *line, json_t *obj, line_texts *t,
                             ingest_record *r)
{
    const char *key;
    json_t *v;
    kg_status st = KG_OK;
    json_object_foreach(obj, key, v) {
        ingest_value *field = NULL;
        switch (role_of(obj, key, r->is_edge)) {
        case F_ID: field = &r->id; break;
        case F_TYPE: field = &r->type; break;
        case F_LABEL: field = &r->label; break;
        case F_DESCRIPTION: field = &r->description; break;
        case F_START: field = &r->start; break;
        case F_END: field = &r->end; break;
        case F_SOURCE: field = &r->source; break;
        case F_TARGET: field = &r->target; break;
        case F_ALIASES: st = aliases_field(in, line, key, v, r); break;
        case F_ATTRIBUTES: {
            const char *k;
            json_t *inner;
            json_object_foreach(v, k, inner) {
                if (st == KG_OK)
                    st = add_attr(in, t, r, k, inner);
            }
            break;
        }
        case F_ATTR: st = add_attr(in, t, r, key, v); break;
        }
        if (field && st == KG_OK)
            st = text_field(in, line, key, v, field == &r->type, field);
        if (st != KG_OK)
            return st == KG_ENOMEM ? kg_ingest_problem(in, st, 0, NULL, "out of memory") : st;
    }
    return KG_OK;
}

kg_status kg_ingest_jsonl_line(ingest_input *in, char *line, size_t len)
{
    size_t skip = strspn(line, " \t");
    if (skip == len)
        return KG_OK; /* blank line */
    json_error_t jerr;
    json_t *obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!obj)
        return kg_ingest_problem(in, KG_EINPUT, jerr.column > 0 ? jerr.column : 0, NULL,
                                 "JSON syntax error: %s", jerr.text);
    kg_status st = KG_OK;
    line_texts texts = {NULL, 0, 0};
    if (!json_is_object(obj)) {
        st = kg_ingest_problem(in, KG_EINPUT, (int)skip + 1, NULL,
                               "expected an object (a node or an edge) on each line");
    } else {
        ingest_record r;
        memset(&r, 0, sizeof r);
        r.line = in->line;
        r.is_edge = is_member(obj, "subject", "source") && is_member(obj, "object", "target");
        st = fill_record(in, line, obj, &texts, &r);
        if (st == KG_OK)
            st = kg_ingest_record(in, &r);
    }
    for (size_t i = 0; i < texts.count; i++)
        free(texts.items[i]);
    free(texts.items);
    json_decref(obj);
    return st;
}
