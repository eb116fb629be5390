/* dataset_values.c - the values inside entities and relations: dates at the
 * precision a text gives, evidence quotes citing known sources, and free
 * attributes kept with their JSON type. */
#include <stdio.h>
#include <string.h>

#include "dataset_internal.h"
#include "kg/text.h"

#define ATTRS_MAX 256

static const char *const evidence_keys[] = {"source", "quote", "offset", "length", NULL};

static kg_date load_date(loader *ld, json_t *obj, const char *pointer, const char *key)
{
    kg_date date = {0, 0, 0, KG_DATE_NONE};
    const char *text = kg_json_string(&ld->ctx, obj, pointer, key, false);
    if (text && kg_date_parse(text, &date) != KG_OK) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, key);
        kg_json_report(&ld->ctx, KG_EINPUT, ptr,
                       "dates are YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
                       "invalid date '%s'", text);
    }
    return date;
}

void kg_ds_load_interval(loader *ld, json_t *obj, const char *pointer, kg_date *start,
                          kg_date *end)
{
    *start = load_date(ld, obj, pointer, "start");
    *end = load_date(ld, obj, pointer, "end");
    if (start->precision && end->precision &&
        kg_date_last_day(*end) < kg_date_first_day(*start)) {
        char ptr[KG_POINTER_MAX], a[11], b[11];
        kg_pointer_key(ptr, pointer, "end");
        kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL, "end %s is before start %s",
                       kg_date_format(*end, a), kg_date_format(*start, b));
    }
}

/* ---- review keys (kg extract candidates; docs/extract.md) -------------- */

static void check_natural(loader *ld, json_t *obj, const char *pointer, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (v && !(json_is_integer(v) && json_integer_value(v) >= 0)) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, key);
        kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL,
                       "expected a byte count (an integer >= 0), found %s",
                       kg_json_type_name(v));
    }
}

void kg_ds_check_review(loader *ld, json_t *obj, const char *pointer)
{
    char ptr[KG_POINTER_MAX];
    json_t *conf = json_object_get(obj, "confidence");
    if (conf && !(json_is_number(conf) && json_number_value(conf) >= 0.0 &&
                  json_number_value(conf) <= 1.0)) {
        kg_pointer_key(ptr, pointer, "confidence");
        kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL, "expected a number from 0 to 1");
    }
    kg_json_string(&ld->ctx, obj, pointer, "rule", false);
    const char *status = kg_json_string(&ld->ctx, obj, pointer, "status", false);
    if (status && strcmp(status, "candidate") && strcmp(status, "accepted") &&
        strcmp(status, "rejected")) {
        static const char *const statuses[] = {"candidate", "accepted", "rejected"};
        kg_pointer_key(ptr, pointer, "status");
        kg_json_report_unknown(&ld->ctx, ptr, "status", status,
                               kg_suggest(status, statuses, 3));
    }
}

/* ---- evidence and attributes ------------------------------------------ */

static bool load_one_evidence(loader *ld, json_t *obj, const char *pointer,
                              kg_evidence *out)
{
    if (!json_is_object(obj)) {
        kg_json_report(&ld->ctx, KG_EINPUT, pointer, NULL,
                       "expected an evidence object {\"source\", \"quote\"}, found %s",
                       kg_json_type_name(obj));
        return false;
    }
    kg_json_check_keys(&ld->ctx, obj, pointer, evidence_keys);
    out->source = kg_json_string(&ld->ctx, obj, pointer, "source", true);
    out->quote = kg_json_string(&ld->ctx, obj, pointer, "quote", true);
    check_natural(ld, obj, pointer, "offset");
    check_natural(ld, obj, pointer, "length");
    if (out->source && !kg_graph_find_source(ld->graph, out->source)) {
        char ptr[KG_POINTER_MAX];
        const char *ids[64];
        size_t n = kg_graph_source_count(ld->graph);
        for (size_t i = 0; i < n && i < 64; i++)
            ids[i] = kg_graph_source(ld->graph, i)->id;
        kg_pointer_key(ptr, pointer, "source");
        kg_json_report_unknown(&ld->ctx, ptr, "source", out->source,
                               kg_suggest(out->source, ids, n < 64 ? n : 64));
        return false;
    }
    return out->source && out->quote;
}

/* Reads "evidence" (an object or a non-empty list of them) into scratch. */
void kg_ds_load_evidence(loader *ld, json_t *obj, const char *pointer, bool required,
                          const kg_evidence **out, uint32_t *count)
{
    *out = NULL;
    *count = 0;
    json_t *value = json_object_get(obj, "evidence");
    char ptr[KG_POINTER_MAX];
    kg_pointer_key(ptr, pointer, "evidence");
    if (!value || (json_is_array(value) && json_array_size(value) == 0)) {
        if (required)
            kg_json_report(&ld->ctx, KG_EINPUT, value ? ptr : pointer,
                           "add {\"source\": SOURCE-ID, \"quote\": \"the sentence that states it\"}",
                           "missing evidence: every relation needs a quote from a source");
        return;
    }
    bool is_list = json_is_array(value);
    size_t n = is_list ? json_array_size(value) : 1;
    kg_evidence *items = kg_arena_alloc(&ld->scratch, n * sizeof *items);
    if (!items) {
        kg_json_report(&ld->ctx, KG_ENOMEM, ptr, NULL, "out of memory");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char iptr[KG_POINTER_MAX];
        if (is_list)
            kg_pointer_index(iptr, ptr, i);
        else
            memcpy(iptr, ptr, strlen(ptr) + 1); /* both KG_POINTER_MAX */
        if (load_one_evidence(ld, is_list ? json_array_get(value, i) : value, iptr,
                              &items[*count]))
            (*count)++;
    }
    *out = items;
}

/* Canonical text of a scalar attribute value, in scratch memory. */
static const char *attr_text(loader *ld, json_t *value, kg_value_kind *kind)
{
    char buf[64];
    switch (json_typeof(value)) {
    case JSON_STRING:
        *kind = KG_VALUE_STRING;
        return json_string_value(value);
    case JSON_INTEGER:
        *kind = KG_VALUE_INTEGER;
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(value));
        break;
    case JSON_REAL:
        *kind = KG_VALUE_REAL;
        for (size_t i = 0; i < ld->real_count; i++)
            if (ld->reals[i].value == value)
                return ld->reals[i].text;
        kg_format_double(json_real_value(value), buf);
        break;
    case JSON_TRUE:
    case JSON_FALSE:
        *kind = KG_VALUE_BOOLEAN;
        return json_is_true(value) ? "true" : "false";
    default:
        return NULL;
    }
    return kg_arena_strndup(&ld->scratch, buf, strlen(buf));
}

void kg_ds_load_attributes(loader *ld, json_t *obj, const char *pointer,
                            const kg_attr **out, uint32_t *count)
{
    *out = NULL;
    *count = 0;
    json_t *attrs = kg_json_object(&ld->ctx, obj, pointer, "attributes", false);
    if (!attrs)
        return;
    char base[KG_POINTER_MAX];
    kg_pointer_key(base, pointer, "attributes");
    size_t n = json_object_size(attrs);
    if (n > ATTRS_MAX) {
        kg_json_report(&ld->ctx, KG_ELIMIT, base, NULL,
                       "%zu attributes, over the limit of %d", n, ATTRS_MAX);
        return;
    }
    kg_attr *items = kg_arena_alloc(&ld->scratch, (n + 1) * sizeof *items);
    if (!items) {
        kg_json_report(&ld->ctx, KG_ENOMEM, base, NULL, "out of memory");
        return;
    }
    const char *key;
    json_t *value;
    json_object_foreach(attrs, key, value) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, base, key);
        kg_attr *a = &items[*count];
        a->key = key;
        a->text = attr_text(ld, value, &a->kind);
        if (!key[0])
            kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL, "attribute names must not be empty");
        else if (!a->text)
            kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL,
                           "attribute values are strings, numbers or booleans, found %s",
                           kg_json_type_name(value));
        else
            (*count)++;
    }
    *out = items;
}
