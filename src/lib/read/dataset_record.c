/* dataset_record.c - the streaming pass's entities and relations without
 * jansson: each record is pulled into a flat list of tokens (the parser's
 * events with their text), checked there and added to the graph. A record
 * these checks do not find plainly valid (an unknown key, a value of another
 * type, an unknown entity or type, a bad date, a duplicate id, ...) is turned
 * into the jansson tree dataset.c's checks read, from the same tokens, so
 * every problem is reported by those checks in their words and order. */
#include <stdlib.h>
#include <string.h>

#include "dataset_internal.h"
#include "kg/text.h"

/* More than this many evidence objects, attributes or aliases in a record:
 * the checks of dataset.c take it (the fast path keeps them on the stack). */
#define EVIDENCE_FAST 16
#define ATTRS_FAST 32
#define ALIASES_FAST 16

/* ---- reading ------------------------------------------------------------ */

void kg_ds_record_free(kg_ds_record *rec)
{
    free(rec->tokens);
    free(rec->text);
    memset(rec, 0, sizeof *rec);
}

static bool push(kg_ds_record *rec, const kg_jp *jp, kg_jp_event ev)
{
    if (rec->count == rec->cap &&
        kg_grow((void **)&rec->tokens, &rec->cap, rec->count + 1, sizeof *rec->tokens) != KG_OK)
        return false;
    kg_ds_token *t = &rec->tokens[rec->count++];
    t->ev = ev;
    t->len = 0;
    t->text = 0;
    t->integer = 0;
    if (ev == KG_JP_KEY || ev == KG_JP_STRING || ev == KG_JP_INTEGER || ev == KG_JP_REAL) {
        size_t need = rec->text_len + jp->text_len + 1;
        if (need > rec->text_cap &&
            kg_grow((void **)&rec->text, &rec->text_cap, need, 1) != KG_OK)
            return false;
        memcpy(rec->text + rec->text_len, jp->text, jp->text_len + 1);
        t->text = rec->text_len;
        t->len = jp->text_len;
        rec->text_len = need;
        if (ev == KG_JP_INTEGER)
            t->integer = jp->integer;
        else if (ev == KG_JP_REAL)
            t->real = jp->real;
    }
    return true;
}

bool kg_ds_record_read(kg_ds_record *rec, kg_jp *jp, size_t depth_max, bool *is_oom)
{
    rec->count = 0;
    rec->text_len = 0;
    /* Buffers grown by one huge record are not kept for the small rest. */
    if (rec->text_cap > ((size_t)1 << 20) || rec->cap > ((size_t)1 << 16))
        kg_ds_record_free(rec);
    size_t depth = 1; /* of the innermost open object or array; the record's is 1 */
    kg_jp_event ev = KG_JP_BEGIN_OBJECT;
    for (;;) {
        if (!push(rec, jp, ev)) {
            *is_oom = true;
            return false;
        }
        if (depth == 0)
            return true;
        ev = kg_jp_next(jp);
        if (ev == KG_JP_ERROR)
            return false;
        if (ev == KG_JP_BEGIN_OBJECT || ev == KG_JP_BEGIN_ARRAY) {
            /* the tree builder's bound, at the same place */
            if (depth + 1 >= depth_max) {
                *is_oom = true;
                return false;
            }
            depth++;
        } else if (ev == KG_JP_END_OBJECT || ev == KG_JP_END_ARRAY) {
            depth--;
        }
    }
}

/* ---- the jansson tree, for dataset.c's checks --------------------------- */

static const char *text_of(const kg_ds_record *rec, size_t t)
{
    return rec->text + rec->tokens[t].text;
}

static json_t *tree(loader *ld, const kg_ds_record *rec, size_t *t)
{
    const kg_ds_token *k = &rec->tokens[(*t)++];
    json_t *v = NULL;
    switch (k->ev) {
    case KG_JP_STRING: return json_stringn_nocheck(text_of(rec, *t - 1), k->len);
    case KG_JP_INTEGER: return json_integer((json_int_t)k->integer);
    case KG_JP_REAL:
        v = json_real(k->real);
        if (v && ld->real_count < sizeof ld->reals / sizeof ld->reals[0] &&
            kg_ds_plain_decimal(text_of(rec, *t - 1), ld->reals[ld->real_count].text))
            ld->reals[ld->real_count++].value = v;
        return v;
    case KG_JP_TRUE: return json_true();
    case KG_JP_FALSE: return json_false();
    case KG_JP_NULL: return json_null();
    case KG_JP_BEGIN_OBJECT:
        v = json_object();
        while (v && rec->tokens[*t].ev == KG_JP_KEY) {
            const char *key = text_of(rec, (*t)++);
            json_t *member = tree(ld, rec, t);
            if (!member || json_object_set_new_nocheck(v, key, member) != 0) {
                json_decref(v);
                return NULL;
            }
        }
        (*t)++; /* '}' */
        return v;
    case KG_JP_BEGIN_ARRAY:
        v = json_array();
        while (v && rec->tokens[*t].ev != KG_JP_END_ARRAY) {
            json_t *item = tree(ld, rec, t);
            if (!item || json_array_append_new(v, item) != 0) {
                json_decref(v);
                return NULL;
            }
        }
        (*t)++; /* ']' */
        return v;
    default: return NULL;
    }
}

json_t *kg_ds_record_tree(loader *ld, const kg_ds_record *rec)
{
    size_t t = 0;
    return tree(ld, rec, &t);
}

/* ---- the checks, on the tokens ------------------------------------------ */

/* The members of an entity or relation that the checks read. */
typedef struct fields {
    const char *id, *type, *label, *description, *source, *target, *start, *end;
    size_t type_len;
    size_t aliases, evidence, attributes; /* token of the value, 0 when absent */
} fields;

static bool is(const char *key, const char *name)
{
    return strcmp(key, name) == 0;
}

/* Token t is the key (or string) name, a literal: its length first, then
 * a memcmp the compiler turns into a compare or two (every member of every
 * record is told apart here). */
#define IS(rec, t, name) \
    ((rec)->tokens[t].len == sizeof(name) - 1 && \
     memcmp(text_of(rec, t), name, sizeof(name) - 1) == 0)

/* A non-empty string at token t, as kg_json_string wants. */
static bool string_at(const kg_ds_record *rec, size_t t, const char **out)
{
    const kg_ds_token *k = &rec->tokens[t];
    if (k->ev != KG_JP_STRING || k->len == 0)
        return false;
    *out = text_of(rec, t);
    return true;
}

/* The token after the value that starts at token t. */
static size_t after_value(const kg_ds_record *rec, size_t t)
{
    size_t depth = 0;
    do {
        kg_jp_event ev = rec->tokens[t++].ev;
        if (ev == KG_JP_BEGIN_OBJECT || ev == KG_JP_BEGIN_ARRAY)
            depth++;
        else if (ev == KG_JP_END_OBJECT || ev == KG_JP_END_ARRAY)
            depth--;
    } while (depth > 0);
    return t;
}

/* The review keys, valid (kg_ds_check_review); key is token k. */
static bool review_member(const kg_ds_record *rec, size_t k, size_t v)
{
    const kg_ds_token *value = &rec->tokens[v];
    const char *s;
    if (IS(rec, k, "confidence"))
        return (value->ev == KG_JP_INTEGER && (value->integer == 0 || value->integer == 1)) ||
               (value->ev == KG_JP_REAL && value->real >= 0.0 && value->real <= 1.0);
    if (IS(rec, k, "rule"))
        return string_at(rec, v, &s);
    if (IS(rec, k, "status"))
        return string_at(rec, v, &s) &&
               (is(s, "candidate") || is(s, "accepted") || is(s, "rejected"));
    return false;
}

/* The member whose key is token k into f (an entity's, or is_edge a
 * relation's): false for a key the record may not have or a value of
 * another type. */
static bool member(const kg_ds_record *rec, bool is_edge, size_t k, fields *f)
{
    size_t v = k + 1;
    kg_jp_event ev = rec->tokens[v].ev;
    switch (text_of(rec, k)[0]) {
    case 'a':
        if (!is_edge && IS(rec, k, "aliases") && ev == KG_JP_BEGIN_ARRAY)
            return (f->aliases = v), true;
        if (IS(rec, k, "attributes") && ev == KG_JP_BEGIN_OBJECT)
            return (f->attributes = v), true;
        return false;
    case 'd': return !is_edge && IS(rec, k, "description") && string_at(rec, v, &f->description);
    case 'e':
        if (IS(rec, k, "end"))
            return string_at(rec, v, &f->end);
        if (IS(rec, k, "evidence") && (ev == KG_JP_BEGIN_OBJECT || ev == KG_JP_BEGIN_ARRAY))
            return (f->evidence = v), true;
        return false;
    case 'i': return IS(rec, k, "id") && string_at(rec, v, &f->id);
    case 'l': return !is_edge && IS(rec, k, "label") && string_at(rec, v, &f->label);
    case 's':
        if (IS(rec, k, "start"))
            return string_at(rec, v, &f->start);
        if (is_edge && IS(rec, k, "source"))
            return string_at(rec, v, &f->source);
        return review_member(rec, k, v);
    case 't':
        if (IS(rec, k, "type"))
            return string_at(rec, v, &f->type) && (f->type_len = rec->tokens[v].len, true);
        return is_edge && IS(rec, k, "target") && string_at(rec, v, &f->target);
    default: return review_member(rec, k, v);
    }
}

static bool read_fields(const kg_ds_record *rec, bool is_edge, fields *f)
{
    memset(f, 0, sizeof *f);
    size_t t = 1;
    while (rec->tokens[t].ev == KG_JP_KEY) {
        if (!member(rec, is_edge, t, f))
            return false;
        t = after_value(rec, t + 1);
    }
    return true;
}

/* The node type (is_edge: edge type) named by the len bytes at name into
 * *index, as kg_schema_find_node_type or kg_schema_find_edge_type gives it
 * (KG_SCHEMA_NOT_FOUND too); false when out of memory. Lengths are
 * compared first: this runs for every record, and the schema's binary
 * search took three or four strcmp. */
static bool find_type(loader *ld, bool is_edge, const char *name, size_t len, size_t *index)
{
    const kg_schema *s = ld->schema;
    kg_ds_type_name *names = ld->type_names[is_edge];
    if (!names) {
        size_t n = is_edge ? kg_schema_edge_type_count(s) : kg_schema_node_type_count(s);
        names = malloc((n + 1) * sizeof *names);
        if (!names)
            return false;
        for (size_t i = 0; i < n; i++) {
            names[i].name = is_edge ? kg_schema_edge_type(s, i)->name
                                    : kg_schema_node_type(s, i)->name;
            names[i].len = names[i].name ? strlen(names[i].name) : (size_t)-1;
        }
        ld->type_names[is_edge] = names;
        ld->type_counts[is_edge] = n;
    }
    *index = KG_SCHEMA_NOT_FOUND;
    for (size_t i = 0; i < ld->type_counts[is_edge]; i++) {
        if (names[i].len == len && memcmp(names[i].name, name, len) == 0) {
            *index = i;
            break;
        }
    }
    return true;
}

/* "start" and "end": dates, in order (kg_ds_load_interval). */
static bool read_interval(const fields *f, kg_date *start, kg_date *end)
{
    kg_date none = {0, 0, 0, KG_DATE_NONE};
    *start = none;
    *end = none;
    if ((f->start && kg_date_parse(f->start, start) != KG_OK) ||
        (f->end && kg_date_parse(f->end, end) != KG_OK))
        return false;
    return !(start->precision && end->precision &&
             kg_date_last_day(*end) < kg_date_first_day(*start));
}

/* One evidence object at token *t (its '{'), citing a known source. */
static bool read_one_evidence(const loader *ld, const kg_ds_record *rec, size_t *t,
                              kg_evidence *e)
{
    e->source = e->quote = NULL;
    size_t k = *t + 1;
    for (; rec->tokens[k].ev == KG_JP_KEY; k += 2) {
        const kg_ds_token *v = &rec->tokens[k + 1];
        bool ok = IS(rec, k, "source")  ? string_at(rec, k + 1, &e->source)
                  : IS(rec, k, "quote") ? string_at(rec, k + 1, &e->quote)
                  : IS(rec, k, "offset") || IS(rec, k, "length")
                      ? v->ev == KG_JP_INTEGER && v->integer >= 0
                      : false;
        if (!ok)
            return false;
    }
    *t = k + 1; /* after '}' */
    return e->source && e->quote && kg_graph_find_source(ld->graph, e->source);
}

/* "evidence" (one object or a list of them; kg_ds_load_evidence). */
static bool read_evidence(const loader *ld, const kg_ds_record *rec, size_t v, kg_evidence *out,
                          uint32_t *count)
{
    *count = 0;
    if (!v)
        return true;
    if (rec->tokens[v].ev == KG_JP_BEGIN_OBJECT)
        return (*count = 1), read_one_evidence(ld, rec, &v, out);
    size_t t = v + 1;
    while (rec->tokens[t].ev == KG_JP_BEGIN_OBJECT) {
        if (*count == EVIDENCE_FAST || !read_one_evidence(ld, rec, &t, &out[*count]))
            return false;
        (*count)++;
    }
    return rec->tokens[t].ev == KG_JP_END_ARRAY;
}

/* "attributes": scalar values under non-empty names, their text as
 * kg_ds_load_attributes gives it (reals: room for each one's text). */
static bool read_attributes(const kg_ds_record *rec, size_t v, kg_attr *out,
                            char (*reals)[32], uint32_t *count)
{
    *count = 0;
    if (!v)
        return true;
    for (size_t t = v + 1; rec->tokens[t].ev == KG_JP_KEY; t += 2) {
        const kg_ds_token *value = &rec->tokens[t + 1];
        if (*count == ATTRS_FAST || rec->tokens[t].len == 0)
            return false;
        kg_attr *a = &out[*count];
        a->key = text_of(rec, t);
        switch (value->ev) {
        case KG_JP_STRING: a->kind = KG_VALUE_STRING; a->text = text_of(rec, t + 1); break;
        case KG_JP_INTEGER: a->kind = KG_VALUE_INTEGER; a->text = text_of(rec, t + 1); break;
        case KG_JP_REAL:
            a->kind = KG_VALUE_REAL;
            if (!kg_ds_plain_decimal(text_of(rec, t + 1), reals[*count]))
                kg_format_double(value->real, reals[*count]);
            a->text = reals[*count];
            break;
        case KG_JP_TRUE:
        case KG_JP_FALSE:
            a->kind = KG_VALUE_BOOLEAN;
            a->text = value->ev == KG_JP_TRUE ? "true" : "false";
            break;
        default: return false;
        }
        (*count)++;
    }
    return true;
}

/* "aliases": non-empty strings. */
static bool read_aliases(const kg_ds_record *rec, size_t v, const char **out, uint32_t *count)
{
    *count = 0;
    if (!v)
        return true;
    size_t t = v + 1;
    for (; rec->tokens[t].ev != KG_JP_END_ARRAY; t++) {
        if (*count == ALIASES_FAST || !string_at(rec, t, &out[*count]))
            return false;
        (*count)++;
    }
    return true;
}

static void report_oom(loader *ld, const char *array, size_t position, const char *key)
{
    char ptr[KG_POINTER_MAX], keyptr[KG_POINTER_MAX];
    kg_pointer_index(ptr, array, position);
    if (key)
        kg_pointer_key(keyptr, ptr, key);
    kg_json_report(&ld->ctx, KG_ENOMEM, key ? keyptr : ptr, NULL, "out of memory");
}

bool kg_ds_fast_entity(loader *ld, const kg_ds_record *rec, size_t position)
{
    fields f;
    kg_evidence evidence[EVIDENCE_FAST];
    kg_attr attrs[ATTRS_FAST];
    char reals[ATTRS_FAST][32];
    const char *aliases[ALIASES_FAST];
    kg_node node;
    memset(&node, 0, sizeof node);
    if (!read_fields(rec, false, &f) || !f.id || !f.type || !f.label || !kg_ds_valid_id(f.id))
        return false;
    node.id = f.id;
    node.type = f.type;
    node.label = f.label;
    node.description = f.description;
    node.origin = (uint32_t)position;
    if (!find_type(ld, false, f.type, f.type_len, &node.type_index)) {
        report_oom(ld, "/entities", position, NULL);
        return true;
    }
    if (node.type_index == KG_SCHEMA_NOT_FOUND ||
        !read_aliases(rec, f.aliases, aliases, &node.alias_count) ||
        !read_interval(&f, &node.start, &node.end) ||
        !read_evidence(ld, rec, f.evidence, evidence, &node.evidence_count) ||
        !read_attributes(rec, f.attributes, attrs, reals, &node.attr_count))
        return false;
    node.aliases = f.aliases ? aliases : NULL;
    node.evidence = node.evidence_count ? evidence : NULL;
    node.attrs = f.attributes ? attrs : NULL;
    size_t index;
    kg_status st = kg_graph_add_node(ld->graph, &node, &index);
    if (st == KG_EINPUT)
        return false; /* a duplicate id: the checks say where the first is */
    if (st != KG_OK)
        report_oom(ld, "/entities", position, NULL);
    else if (kg_grow((void **)&ld->entity_ids, &ld->entity_cap, ld->entity_count + 1,
                     sizeof *ld->entity_ids) != KG_OK)
        report_oom(ld, "/entities", position, NULL);
    else
        ld->entity_ids[ld->entity_count++] = kg_graph_node(ld->graph, index)->id;
    return true;
}

bool kg_ds_fast_relation(loader *ld, const kg_ds_record *rec, size_t position)
{
    fields f;
    kg_evidence evidence[EVIDENCE_FAST];
    kg_attr attrs[ATTRS_FAST];
    char reals[ATTRS_FAST][32];
    kg_edge e;
    memset(&e, 0, sizeof e);
    if (!read_fields(rec, true, &f) || !f.source || !f.type || !f.target)
        return false;
    if (f.id && (!kg_ds_valid_id(f.id) ||
                 kg_index_map_get(&ld->relation_ids, f.id) != (size_t)-1))
        return false;
    e.id = f.id;
    e.type = f.type;
    e.origin = (uint32_t)position;
    e.source = kg_graph_find_node(ld->graph, f.source);
    e.target = kg_graph_find_node(ld->graph, f.target);
    if (!find_type(ld, true, f.type, f.type_len, &e.type_index)) {
        report_oom(ld, "/relations", position, NULL);
        return true;
    }
    if (e.source == KG_SCHEMA_NOT_FOUND || e.target == KG_SCHEMA_NOT_FOUND ||
        e.type_index == KG_SCHEMA_NOT_FOUND || !read_interval(&f, &e.start, &e.end) ||
        !read_evidence(ld, rec, f.evidence, evidence, &e.evidence_count) ||
        e.evidence_count == 0 || !read_attributes(rec, f.attributes, attrs, reals, &e.attr_count))
        return false;
    const kg_node *from = kg_graph_node(ld->graph, e.source);
    const kg_node *to = kg_graph_node(ld->graph, e.target);
    if (kg_schema_check_end(ld->schema, e.type_index, KG_EDGE_SOURCE, from->type_index, NULL,
                            NULL) != KG_OK ||
        kg_schema_check_end(ld->schema, e.type_index, KG_EDGE_TARGET, to->type_index, NULL,
                            NULL) != KG_OK)
        return false;
    e.evidence = evidence;
    e.attrs = f.attributes ? attrs : NULL;
    if (f.id) {
        /* the map outlives the record: it keeps a copy */
        const char *kept = kg_arena_strndup(&ld->keep, f.id, strlen(f.id));
        if (!kept || kg_index_map_put(&ld->relation_ids, kept, e.origin, NULL) != KG_OK) {
            report_oom(ld, "/relations", position, "id");
            return true;
        }
    }
    if (kg_graph_add_edge(ld->graph, &e) != KG_OK)
        report_oom(ld, "/relations", position, NULL);
    return true;
}
