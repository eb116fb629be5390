/* schema.c - loads data/schema.json into the vocabulary the data-set loader
 * checks against and the DOT/SVG exporters draw with. Types are kept sorted
 * by name so lookups are binary searches and output order is stable. */
#include "kg/schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "json_check.h"
#include "kg/file.h"
#include "kg/text.h"

struct kg_schema {
    size_t refs;
    kg_arena arena;
    kg_strset strings;
    kg_node_type *node_types;
    size_t node_type_count;
    kg_edge_type *edge_types;
    size_t edge_type_count;
    bool is_out_of_memory; /* an allocation failed while loading */
};

#define TYPE_NAME_MAX 64

static const char *const top_keys[] = {"kg_schema", "description", "node_types",
                                       "edge_types", NULL};
static const char *const node_type_keys[] = {"description", "wikidata", "style", "cues",
                                             "context", "anaphors", NULL};
static const char *const edge_type_keys[] = {"description", "inverse", "wikidata",
                                             "source", "target", "symmetric",
                                             "style", "cues", "reverse_cues", "fallback",
                                             NULL};
static const char *const node_style_keys[] = {"shape", "style", "fillcolor", "color",
                                              "fontcolor", NULL};
static const char *const edge_style_keys[] = {"color", "style", "arrowhead", "dir",
                                              NULL};

static bool valid_type_name(const char *name)
{
    size_t len = strlen(name);
    if (len == 0 || len > TYPE_NAME_MAX || name[0] < 'a' || name[0] > 'z')
        return false;
    for (const char *c = name; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
            return false;
    return true;
}

/* "Q123" or "P123". */
static bool valid_wikidata_id(const char *id, char letter)
{
    if (id[0] != letter || !id[1])
        return false;
    for (const char *c = id + 1; *c; c++)
        if (*c < '0' || *c > '9')
            return false;
    return true;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of obj, sorted; caller frees the array (not the strings). */
static const char **sorted_keys(json_t *obj, size_t *count)
{
    *count = json_object_size(obj);
    const char **names = calloc(*count + 1, sizeof *names);
    if (!names)
        return NULL;
    size_t i = 0;
    const char *key;
    json_t *value;
    json_object_foreach(obj, key, value) {
        (void)value;
        names[i++] = key;
    }
    qsort(names, *count, sizeof *names, compare_names);
    return names;
}

static const char *keep(kg_schema *s, const char *text)
{
    const char *kept = text ? kg_strset_intern(&s->strings, text) : NULL;
    if (text && !kept)
        s->is_out_of_memory = true;
    return kept;
}

static void load_style(kg_json_ctx *ctx, kg_schema *s, json_t *type_obj,
                       const char *pointer, bool is_edge, kg_style *style)
{
    memset(style, 0, sizeof *style);
    json_t *obj = kg_json_object(ctx, type_obj, pointer, "style", false);
    if (!obj)
        return;
    char ptr[KG_POINTER_MAX];
    kg_pointer_key(ptr, pointer, "style");
    kg_json_check_keys(ctx, obj, ptr, is_edge ? edge_style_keys : node_style_keys);
    style->color = keep(s, kg_json_string(ctx, obj, ptr, "color", false));
    style->style = keep(s, kg_json_string(ctx, obj, ptr, "style", false));
    if (is_edge) {
        style->arrowhead = keep(s, kg_json_string(ctx, obj, ptr, "arrowhead", false));
        style->dir = keep(s, kg_json_string(ctx, obj, ptr, "dir", false));
    } else {
        style->shape = keep(s, kg_json_string(ctx, obj, ptr, "shape", false));
        style->fillcolor = keep(s, kg_json_string(ctx, obj, ptr, "fillcolor", false));
        style->fontcolor = keep(s, kg_json_string(ctx, obj, ptr, "fontcolor", false));
    }
}

/* Checks one string of a list: returns it to keep, or NULL after
 * reporting why it cannot be kept (iptr is its JSON Pointer). */
typedef const char *list_item_check(kg_json_ctx *ctx, const char *iptr, json_t *item);

/* An optional list `key` of strings, each passed by check; the kept ones
 * in an arena array (*out, *count; NULL and 0 when the key is absent). */
static void load_checked_list(kg_json_ctx *ctx, kg_schema *s, json_t *obj,
                              const char *pointer, const char *key, list_item_check *check,
                              const char *const **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    json_t *list = kg_json_array(ctx, obj, pointer, key, false);
    if (!list)
        return;
    char ptr[KG_POINTER_MAX];
    kg_pointer_key(ptr, pointer, key);
    const char **items = kg_arena_alloc(&s->arena, (json_array_size(list) + 1) * sizeof *items);
    if (!items) {
        s->is_out_of_memory = true;
        return;
    }
    size_t i;
    json_t *item;
    json_array_foreach(list, i, item) {
        char iptr[KG_POINTER_MAX];
        kg_pointer_index(iptr, ptr, i);
        const char *text = check(ctx, iptr, item);
        if (text)
            items[(*count)++] = keep(s, text);
    }
    *out = items;
}

static const char *non_empty_string(kg_json_ctx *ctx, const char *iptr, json_t *item)
{
    const char *text = json_string_value(item);
    if (text && text[0])
        return text;
    kg_json_report(ctx, KG_EINPUT, iptr, NULL, "expected a non-empty string, found %s",
                   kg_json_type_name(item));
    return NULL;
}

/* An optional list of non-empty strings (the extractor's cue words). */
static void load_string_list(kg_json_ctx *ctx, kg_schema *s, json_t *obj,
                             const char *pointer, const char *key,
                             const char *const **out, size_t *count)
{
    load_checked_list(ctx, s, obj, pointer, key, non_empty_string, out, count);
}

static void load_node_type(kg_json_ctx *ctx, kg_schema *s, json_t *obj,
                           const char *pointer, kg_node_type *t)
{
    kg_json_check_keys(ctx, obj, pointer, node_type_keys);
    t->description = keep(s, kg_json_string(ctx, obj, pointer, "description", true));
    t->wikidata = keep(s, kg_json_string(ctx, obj, pointer, "wikidata", false));
    if (t->wikidata && !valid_wikidata_id(t->wikidata, 'Q')) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, "wikidata");
        kg_json_report(ctx, KG_EINPUT, ptr, "a Wikidata item id looks like 'Q43229'",
                       "'%s' is not a Wikidata item id", t->wikidata);
    }
    load_style(ctx, s, obj, pointer, false, &t->style);
    load_string_list(ctx, s, obj, pointer, "cues", &t->cues, &t->cue_count);
    load_string_list(ctx, s, obj, pointer, "context", &t->context, &t->context_count);
    load_string_list(ctx, s, obj, pointer, "anaphors", &t->anaphors, &t->anaphor_count);
}

/* "*" or a list of node type names; fills the index list. */
static void load_endpoint_types(kg_json_ctx *ctx, kg_schema *s, json_t *obj,
                                const char *pointer, const char *key, bool *any,
                                const size_t **types, size_t *count)
{
    char ptr[KG_POINTER_MAX];
    kg_pointer_key(ptr, pointer, key);
    json_t *value = json_object_get(obj, key);
    *any = false;
    *types = NULL;
    *count = 0;
    if (!value) {
        kg_json_report(ctx, KG_EINPUT, pointer, "use \"*\" to allow any node type",
                       "missing required key '%s'", key);
        return;
    }
    if (json_is_string(value) && strcmp(json_string_value(value), "*") == 0) {
        *any = true;
        return;
    }
    if (!json_is_array(value) || json_array_size(value) == 0) {
        kg_json_report(ctx, KG_EINPUT, ptr, NULL,
                       "expected \"*\" or a non-empty list of node types, found %s",
                       kg_json_type_name(value));
        return;
    }
    size_t *list = kg_arena_alloc(&s->arena, json_array_size(value) * sizeof *list);
    if (!list) {
        s->is_out_of_memory = true;
        return;
    }
    size_t i;
    json_t *item;
    json_array_foreach(value, i, item) {
        char iptr[KG_POINTER_MAX];
        kg_pointer_index(iptr, ptr, i);
        const char *name = json_string_value(item);
        size_t index = name ? kg_schema_find_node_type(s, name) : KG_SCHEMA_NOT_FOUND;
        if (!name)
            kg_json_report(ctx, KG_EINPUT, iptr, NULL, "expected a node type name, found %s",
                           kg_json_type_name(item));
        else if (index == KG_SCHEMA_NOT_FOUND)
            kg_json_report_unknown(ctx, iptr, "node type", name,
                                   kg_schema_suggest_node_type(s, name));
        else
            list[(*count)++] = index;
    }
    *types = list;
}

static const char *wikidata_property(kg_json_ctx *ctx, const char *iptr, json_t *item)
{
    const char *id = json_string_value(item);
    if (id && valid_wikidata_id(id, 'P'))
        return id;
    kg_json_report(ctx, KG_EINPUT, iptr, "a Wikidata property id looks like 'P1366'",
                   "expected a Wikidata property id");
    return NULL;
}

static void load_wikidata_properties(kg_json_ctx *ctx, kg_schema *s, json_t *obj,
                                     const char *pointer, kg_edge_type *t)
{
    load_checked_list(ctx, s, obj, pointer, "wikidata", wikidata_property, &t->wikidata,
                      &t->wikidata_count);
}

static void load_edge_type(kg_json_ctx *ctx, kg_schema *s, json_t *obj,
                           const char *pointer, kg_edge_type *t)
{
    kg_json_check_keys(ctx, obj, pointer, edge_type_keys);
    t->description = keep(s, kg_json_string(ctx, obj, pointer, "description", true));
    t->inverse = keep(s, kg_json_string(ctx, obj, pointer, "inverse", false));
    load_wikidata_properties(ctx, s, obj, pointer, t);
    load_endpoint_types(ctx, s, obj, pointer, "source", &t->allows_any_source,
                        &t->source_types, &t->source_type_count);
    load_endpoint_types(ctx, s, obj, pointer, "target", &t->allows_any_target,
                        &t->target_types, &t->target_type_count);
    json_t *symmetric = json_object_get(obj, "symmetric");
    if (symmetric && !json_is_boolean(symmetric)) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, "symmetric");
        kg_json_report(ctx, KG_EINPUT, ptr, NULL, "expected true or false, found %s",
                       kg_json_type_name(symmetric));
    }
    t->is_symmetric = json_is_true(symmetric);
    json_t *fallback = json_object_get(obj, "fallback");
    if (fallback && (!json_is_integer(fallback) || json_integer_value(fallback) < 0 ||
                     json_integer_value(fallback) > 100)) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, "fallback");
        kg_json_report(ctx, KG_EINPUT, ptr, "a priority from 0 to 100; the highest wins",
                       "expected an integer from 0 to 100");
    }
    t->fallback = fallback && json_is_integer(fallback) ? (int)json_integer_value(fallback) : 0;
    load_style(ctx, s, obj, pointer, true, &t->style);
    load_string_list(ctx, s, obj, pointer, "cues", &t->cues, &t->cue_count);
    load_string_list(ctx, s, obj, pointer, "reverse_cues", &t->reverse_cues,
                     &t->reverse_cue_count);
}

/* Allocates the type array (sorted names first, so node types can be
 * looked up while edge types are read) and loads each type. */
static void load_types(kg_json_ctx *ctx, kg_schema *s, json_t *root, bool is_edge)
{
    const char *key = is_edge ? "edge_types" : "node_types";
    json_t *types = kg_json_object(ctx, root, "", key, true);
    if (!types)
        return;
    char base[KG_POINTER_MAX];
    kg_pointer_key(base, "", key);
    size_t count;
    const char **names = sorted_keys(types, &count);
    void *array = names ? kg_arena_alloc(&s->arena, (count + 1) *
                  (is_edge ? sizeof(kg_edge_type) : sizeof(kg_node_type))) : NULL;
    if (!array) {
        s->is_out_of_memory = true;
        free(names);
        return;
    }
    memset(array, 0, (count + 1) * (is_edge ? sizeof(kg_edge_type) : sizeof(kg_node_type)));
    if (is_edge) { s->edge_types = array; s->edge_type_count = count; }
    else { s->node_types = array; s->node_type_count = count; }
    for (size_t i = 0; i < count; i++) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, base, names[i]);
        json_t *obj = json_object_get(types, names[i]);
        if (!valid_type_name(names[i]))
            kg_json_report(ctx, KG_EINPUT, ptr, "type names are lower case: [a-z][a-z0-9_]*",
                           "invalid type name '%s'", names[i]);
        if (is_edge)
            s->edge_types[i].name = keep(s, names[i]);
        else
            s->node_types[i].name = keep(s, names[i]);
        if (!json_is_object(obj))
            kg_json_report(ctx, KG_EINPUT, ptr, NULL, "expected an object, found %s",
                           kg_json_type_name(obj));
        else if (is_edge)
            load_edge_type(ctx, s, obj, ptr, &s->edge_types[i]);
        else
            load_node_type(ctx, s, obj, ptr, &s->node_types[i]);
    }
    free(names);
}

static void check_version(kg_json_ctx *ctx, json_t *root)
{
    json_t *version = json_object_get(root, "kg_schema");
    if (!version)
        kg_json_report(ctx, KG_EINPUT, "", "add \"kg_schema\": 1",
                       "missing required key 'kg_schema'");
    else if (!json_is_integer(version) || json_integer_value(version) != 1)
        kg_json_report(ctx, KG_EINPUT, "/kg_schema", "this kg reads version 1",
                       "unsupported schema version");
}

kg_status kg_schema_parse(const char *text, size_t len, const char *name,
                          kg_schema **out, kg_diagnostics *diags)
{
    *out = NULL;
    kg_json_ctx ctx;
    kg_json_ctx_init(&ctx, name, diags);
    size_t diags_before = diags ? diags->count : 0;
    json_t *root = kg_json_parse(&ctx, text, len);
    if (!root)
        return ctx.first;
    kg_schema *s = calloc(1, sizeof *s);
    if (!s) {
        json_decref(root);
        return KG_ENOMEM;
    }
    s->refs = 1;
    kg_arena_init(&s->arena);
    kg_strset_init(&s->strings, &s->arena);
    if (!json_is_object(root)) {
        kg_json_report(&ctx, KG_EINPUT, "", NULL, "expected an object, found %s",
                       kg_json_type_name(root));
    } else {
        kg_json_check_keys(&ctx, root, "", top_keys);
        check_version(&ctx, root);
        kg_json_string(&ctx, root, "", "description", false);
        load_types(&ctx, s, root, false);
        load_types(&ctx, s, root, true);
    }
    json_decref(root);
    if (s->is_out_of_memory) {
        /* Drop the problems a half-built schema caused; they are not real. */
        if (diags)
            diags->count = diags_before;
        kg_json_report(&ctx, KG_ENOMEM, "", NULL, "out of memory while loading the schema");
        kg_schema_free(s);
        return KG_ENOMEM;
    }
    if (ctx.first != KG_OK) {
        kg_schema_free(s);
        return ctx.first;
    }
    *out = s;
    return KG_OK;
}

kg_status kg_schema_load(const char *path, kg_schema **out, kg_diagnostics *diags)
{
    char *text = NULL;
    size_t len = 0;
    kg_error err;
    *out = NULL;
    kg_status st = kg_read_file(path, KG_DEFAULT_MAX_BYTES, &text, &len, &err);
    if (st != KG_OK) {
        kg_diagnostics_add(diags, &err);
        return st;
    }
    st = kg_schema_parse(text, len, path, out, diags);
    free(text);
    return st;
}

kg_schema *kg_schema_ref(kg_schema *s)
{
    if (s)
        s->refs++;
    return s;
}

void kg_schema_free(kg_schema *s)
{
    if (!s || --s->refs > 0)
        return;
    kg_strset_free(&s->strings);
    kg_arena_free(&s->arena);
    free(s);
}

size_t kg_schema_node_type_count(const kg_schema *s) { return s ? s->node_type_count : 0; }
size_t kg_schema_edge_type_count(const kg_schema *s) { return s ? s->edge_type_count : 0; }

const kg_node_type *kg_schema_node_type(const kg_schema *s, size_t i)
{
    return s && i < s->node_type_count ? &s->node_types[i] : NULL;
}

const kg_edge_type *kg_schema_edge_type(const kg_schema *s, size_t i)
{
    return s && i < s->edge_type_count ? &s->edge_types[i] : NULL;
}

/* Binary search over an array of structs whose first member is the name;
 * entries with a NULL name (not loaded yet) are never in the middle. */
static size_t find_name(const void *array, size_t count, size_t stride,
                        const char *name)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *at = *(const char *const *)((const char *)array + mid * stride);
        int c = at ? strcmp(name, at) : -1;
        if (c == 0)
            return mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return KG_SCHEMA_NOT_FOUND;
}

size_t kg_schema_find_node_type(const kg_schema *s, const char *name)
{
    return s ? find_name(s->node_types, s->node_type_count, sizeof(kg_node_type), name)
             : KG_SCHEMA_NOT_FOUND;
}

size_t kg_schema_find_edge_type(const kg_schema *s, const char *name)
{
    return s ? find_name(s->edge_types, s->edge_type_count, sizeof(kg_edge_type), name)
             : KG_SCHEMA_NOT_FOUND;
}

size_t kg_schema_find_wikidata_property(const kg_schema *s, const char *property)
{
    for (size_t i = 0; s && i < s->edge_type_count; i++)
        for (size_t j = 0; j < s->edge_types[i].wikidata_count; j++)
            if (strcmp(s->edge_types[i].wikidata[j], property) == 0)
                return i;
    return KG_SCHEMA_NOT_FOUND;
}

/* kg_suggest over the names of a type array. */
static const char *suggest_name(const void *array, size_t count, size_t stride,
                                const char *name)
{
    const char *best = NULL;
    const char **names = malloc((count + 1) * sizeof *names);
    if (!names)
        return NULL;
    for (size_t i = 0; i < count; i++)
        names[i] = *(const char *const *)((const char *)array + i * stride);
    best = kg_suggest(name, names, count);
    free(names);
    return best;
}

const char *kg_schema_suggest_node_type(const kg_schema *s, const char *name)
{
    return s ? suggest_name(s->node_types, s->node_type_count, sizeof(kg_node_type), name)
             : NULL;
}

const char *kg_schema_suggest_edge_type(const kg_schema *s, const char *name)
{
    return s ? suggest_name(s->edge_types, s->edge_type_count, sizeof(kg_edge_type), name)
             : NULL;
}

static bool in_list(const size_t *list, size_t count, size_t value)
{
    for (size_t i = 0; i < count; i++)
        if (list[i] == value)
            return true;
    return false;
}

bool kg_schema_allows(const kg_schema *s, size_t edge_type, size_t source_type,
                      size_t target_type)
{
    const kg_edge_type *t = kg_schema_edge_type(s, edge_type);
    if (!t)
        return false;
    return (t->allows_any_source ||
            in_list(t->source_types, t->source_type_count, source_type)) &&
           (t->allows_any_target ||
            in_list(t->target_types, t->target_type_count, target_type));
}

kg_status kg_schema_check_end(const kg_schema *s, size_t edge_type, kg_edge_end end,
                              size_t node_type, const char *node_id, kg_error *err)
{
    const kg_edge_type *t = kg_schema_edge_type(s, edge_type);
    if (!t)
        return KG_OK;
    bool is_source = end == KG_EDGE_SOURCE;
    const size_t *types = is_source ? t->source_types : t->target_types;
    size_t count = is_source ? t->source_type_count : t->target_type_count;
    if ((is_source ? t->allows_any_source : t->allows_any_target) ||
        in_list(types, count, node_type))
        return KG_OK;
    if (!err)
        return KG_EINPUT;
    const kg_node_type *n = kg_schema_node_type(s, node_type);
    kg_error_set(err, KG_EINPUT, NULL, "edge type '%s' does not allow a %s of type '%s' ('%s')",
                 t->name, is_source ? "source" : "target", n ? n->name : "?", node_id);
    size_t used = (size_t)snprintf(err->hint, sizeof err->hint, "allowed: ");
    for (size_t i = 0; i < count && used < sizeof err->hint; i++)
        used += (size_t)snprintf(err->hint + used, sizeof err->hint - used, "%s%s",
                                 i ? ", " : "", kg_schema_node_type(s, types[i])->name);
    return KG_EINPUT;
}
