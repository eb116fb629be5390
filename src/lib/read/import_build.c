/* import_build.c - the builder every importer feeds (import_internal.h):
 * kg's field names back to fields, attr_ prefixes reversed, values kg's
 * exporters derive dropped when they match, type options and the schema
 * applied, limits enforced, and each edge added as soon as both its ends
 * are known (the rest queued until every node is). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "graph_internal.h"
#include "importer.h"
#include "pending.h"
#include "kg/text.h"

enum imp_check { CHECK_QUOTES, CHECK_TYPE, CHECK_STYLE };

struct kg_imp_pending_edge {
    kg_pending_edge base; /* the edge and its end ids */
    const char *soft_id;
    int line, column;
    const char *pointer; /* interned, or NULL */
};

static kg_status no_memory(kg_importer *im)
{
    return kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory");
}

static bool intern(kg_importer *im, const char *s, const char **out)
{
    if (kg_graph_intern(im->graph, s, out) == KG_OK)
        return true;
    no_memory(im);
    return false;
}

/* ---- edge ids ------------------------------------------------------------ */

static size_t id_slot(const kg_imp_id_set *set, const char *id)
{
    uint64_t h = (uint64_t)(uintptr_t)id * 0x9E3779B97F4A7C15u;
    return (size_t)(h ^ (h >> 29)) & (set->capacity - 1);
}

/* Adds an interned id: KG_EINPUT when it is there already, KG_ENOMEM. */
static kg_status id_set_add(kg_imp_id_set *set, const char *id)
{
    if ((set->count + 1) * 4 > set->capacity * 3) {
        size_t cap = set->capacity ? set->capacity * 2 : 1024;
        const char **old = set->slots;
        size_t old_cap = set->capacity;
        if (!(set->slots = calloc(cap, sizeof *set->slots))) {
            set->slots = old;
            return KG_ENOMEM;
        }
        set->capacity = cap;
        for (size_t i = 0; i < old_cap; i++) {
            if (!old[i])
                continue;
            size_t j = id_slot(set, old[i]);
            while (set->slots[j])
                j = (j + 1) & (cap - 1);
            set->slots[j] = old[i];
        }
        free(old);
    }
    size_t j = id_slot(set, id);
    for (; set->slots[j]; j = (j + 1) & (set->capacity - 1))
        if (set->slots[j] == id)
            return KG_EINPUT;
    set->slots[j] = id;
    set->count++;
    return KG_OK;
}

/* Starts keeping edge ids: every explicit one so far, added or queued. */
static kg_status track_edge_ids(kg_importer *im)
{
    im->is_tracking_ids = true;
    kg_status st = KG_OK;
    size_t n = kg_graph_edge_count(im->graph);
    for (size_t i = 0; i < n && st != KG_ENOMEM; i++) {
        const char *id = kg_graph_edge(im->graph, i)->id;
        st = id ? id_set_add(&im->edge_ids, id) : KG_OK;
    }
    for (size_t i = 0; i < im->pending_count && st != KG_ENOMEM; i++) {
        const char *id = im->edges[i].base.edge.id;
        st = id ? id_set_add(&im->edge_ids, id) : KG_OK;
    }
    return st == KG_ENOMEM ? no_memory(im) : KG_OK;
}

/* ---- elements ----------------------------------------------------------- */

static kg_imp_where element_where(const kg_importer *im)
{
    const kg_imp_element *e = &im->el;
    return (kg_imp_where){e->line, e->column, e->pointer[0] ? e->pointer : NULL};
}

kg_status kg_imp_begin(kg_importer *im, bool is_edge, const kg_imp_where *where)
{
    kg_imp_element *e = &im->el;
    e->is_open = true;
    e->is_edge = is_edge;
    e->id = e->source = e->target = e->type = e->label = e->description = e->soft_id = NULL;
    e->is_id_new = false;
    e->source_index = e->target_index = KG_SCHEMA_NOT_FOUND;
    e->start = e->end = (kg_date){0, 0, 0, KG_DATE_NONE};
    e->alias_count = e->evidence_count = e->attr_count = e->deferred_count = 0;
    e->line = where ? where->line : 0;
    e->column = where ? where->column : 0;
    /* a copy as snprintf would make it, without its cost on every element */
    const char *pointer = where && where->pointer ? where->pointer : "";
    size_t n = strlen(pointer);
    n = n < sizeof e->pointer ? n : sizeof e->pointer - 1;
    memcpy(e->pointer, pointer, n);
    e->pointer[n] = '\0';
    return KG_OK;
}

kg_status kg_imp_set_id(kg_importer *im, const char *id)
{
    kg_imp_element *e = &im->el;
    if (kg_graph_intern_new(im->graph, id, &e->id, &e->is_id_new) == KG_OK)
        return KG_OK;
    return no_memory(im);
}

kg_status kg_imp_set_soft_id(kg_importer *im, const char *id)
{
    return intern(im, id, &im->el.soft_id) ? KG_OK : KG_ENOMEM;
}

/* An edge end's id, interned: a known node's own id (the same interned
 * string), its index kept for adding the edge; one hash probe where
 * interning and then finding the node took two on every edge. */
static bool end_id(kg_importer *im, const char *id, const char **out, size_t *index)
{
    *index = id ? kg_graph_find_node(im->graph, id) : KG_SCHEMA_NOT_FOUND;
    if (*index == KG_SCHEMA_NOT_FOUND)
        return intern(im, id, out);
    *out = kg_graph_node(im->graph, *index)->id;
    return true;
}

kg_status kg_imp_set_endpoints(kg_importer *im, const char *source, const char *target)
{
    kg_imp_element *e = &im->el;
    return end_id(im, source, &e->source, &e->source_index) &&
                   end_id(im, target, &e->target, &e->target_index)
               ? KG_OK
               : KG_ENOMEM;
}

/* Names kg gives its fields in every format (export.c's reserved list). */
static const char *const reserved_names[] = {
    "aliases", "description", "edge_id", "end", "evidence", "id", "key",
    "label", "quote", "source", "start", "target", "type", NULL};

static bool is_reserved(const char *name)
{
    for (const char *const *r = reserved_names; *r; r++)
        if (strcmp(name, *r) == 0)
            return true;
    return false;
}

static kg_status add_attr(kg_importer *im, const char *name, const char *text,
                          kg_value_kind kind)
{
    kg_imp_element *e = &im->el;
    for (size_t i = 0; i < e->attr_count; i++) {
        if (strcmp(e->attrs[i].key, name) == 0) {
            kg_imp_where w = element_where(im);
            return kg_imp_error(im, KG_EINPUT, &w, NULL, "attribute '%s' is given twice", name);
        }
    }
    if (kg_grow((void **)&e->attrs, &e->attr_capacity, e->attr_count + 1, sizeof *e->attrs) !=
        KG_OK)
        return no_memory(im);
    kg_attr *a = &e->attrs[e->attr_count];
    a->kind = kind;
    if (!intern(im, name, &a->key) || !intern(im, text, &a->text))
        return KG_ENOMEM;
    e->attr_count++;
    return KG_OK;
}

static kg_status set_field(kg_importer *im, const char **field, const char *name,
                           const char *text)
{
    if (!text[0])
        return KG_OK; /* an empty field is an absent one */
    if (*field) {
        kg_imp_where w = element_where(im);
        return kg_imp_error(im, KG_EINPUT, &w, NULL, "'%s' is given twice", name);
    }
    return intern(im, text, field) ? KG_OK : KG_ENOMEM;
}

static kg_status set_date(kg_importer *im, kg_date *date, const char *name, const char *text)
{
    kg_imp_where w = element_where(im);
    if (!text[0])
        return KG_OK;
    if (date->precision != KG_DATE_NONE)
        return kg_imp_error(im, KG_EINPUT, &w, NULL, "'%s' is given twice", name);
    if (kg_date_parse(text, date) != KG_OK)
        return kg_imp_error(im, KG_EINPUT, &w,
                            "dates are YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
                            "invalid %s date '%s'", name, text);
    return KG_OK;
}

kg_status kg_imp_add_alias(kg_importer *im, const char *alias)
{
    kg_imp_element *e = &im->el;
    if (kg_grow((void **)&e->aliases, &e->alias_capacity, e->alias_count + 1,
                sizeof *e->aliases) != KG_OK)
        return no_memory(im);
    return intern(im, alias, &e->aliases[e->alias_count++]) ? KG_OK : KG_ENOMEM;
}

kg_status kg_imp_add_evidence(kg_importer *im, const char *source, const char *quote)
{
    kg_imp_element *e = &im->el;
    if (kg_grow((void **)&e->evidence, &e->evidence_capacity, e->evidence_count + 1,
                sizeof *e->evidence) != KG_OK)
        return no_memory(im);
    kg_evidence *ev = &e->evidence[e->evidence_count];
    if (!intern(im, source, &ev->source) || !intern(im, quote, &ev->quote))
        return KG_ENOMEM;
    e->evidence_count++;
    return KG_OK;
}

/* aliases as JSON text (["a","b"]); any other text is one alias. */
static kg_status set_aliases_text(kg_importer *im, const char *text)
{
    if (!text[0])
        return KG_OK;
    json_t *list = text[0] == '[' ? json_loads(text, JSON_REJECT_DUPLICATES, NULL) : NULL;
    bool is_list = json_is_array(list);
    for (size_t i = 0; is_list && i < json_array_size(list); i++)
        is_list = json_is_string(json_array_get(list, i));
    kg_status st = KG_OK;
    if (!is_list)
        st = kg_imp_add_alias(im, text);
    for (size_t i = 0; is_list && st == KG_OK && i < json_array_size(list); i++)
        st = kg_imp_add_alias(im, json_string_value(json_array_get(list, i)));
    json_decref(list);
    return st;
}

/* evidence as JSON text: [{"source": S, "quote": Q}, ...] or one object. */
static kg_status set_evidence_text(kg_importer *im, const char *text)
{
    if (!text[0])
        return KG_OK;
    json_error_t jerr;
    json_t *value = json_loads(text, JSON_REJECT_DUPLICATES, &jerr);
    json_t *list = json_is_object(value) ? json_pack("[O]", value) : json_incref(value);
    bool ok = json_is_array(list);
    for (size_t i = 0; ok && i < json_array_size(list); i++) {
        json_t *item = json_array_get(list, i);
        json_t *source = json_object_get(item, "source"), *quote = json_object_get(item, "quote");
        ok = json_is_object(item) && json_object_size(item) == 2 && json_is_string(source) &&
             json_is_string(quote);
    }
    kg_status st = KG_OK;
    if (!ok) {
        kg_imp_where w = element_where(im);
        st = kg_imp_error(im, KG_EINPUT, &w,
                          "kg writes evidence as [{\"source\": ..., \"quote\": ...}]",
                          "'evidence' is not a JSON list of {source, quote} objects");
    }
    for (size_t i = 0; ok && st == KG_OK && i < json_array_size(list); i++) {
        json_t *item = json_array_get(list, i);
        st = kg_imp_add_evidence(im, json_string_value(json_object_get(item, "source")),
                                 json_string_value(json_object_get(item, "quote")));
    }
    json_decref(list);
    json_decref(value);
    return st;
}

static kg_status set_id_value(kg_importer *im, const char *name, const char *text,
                              kg_value_kind kind)
{
    if (!im->el.id)
        return kg_imp_set_id(im, text);
    if (strcmp(im->el.id, text) == 0)
        return KG_OK; /* GraphML edges: the XML id and kg's edge_id agree */
    return add_attr(im, name, text, kind);
}

/* name is word: the first bytes decide most calls without strcmp (every
 * value of every element passes here, for about ten names). */
static bool is_name(const char *name, const char *word)
{
    return name[0] == word[0] && strcmp(name, word) == 0;
}

/* The fields of a node or edge other than id and endpoints; false when
 * name is none of them. */
static bool field_value(kg_importer *im, const char *name, const char *text, kg_status *st)
{
    kg_imp_element *e = &im->el;
    const char *type_attr = e->is_edge ? im->options.edge_type_attr : im->options.node_type_attr;
    if (type_attr ? strcmp(name, type_attr) == 0 : is_name(name, "type"))
        *st = set_field(im, &e->type, name, text);
    else if (is_name(name, "start"))
        *st = set_date(im, &e->start, name, text);
    else if (is_name(name, "end"))
        *st = set_date(im, &e->end, name, text);
    else if (is_name(name, "evidence"))
        *st = set_evidence_text(im, text);
    else if (e->is_edge)
        return false;
    else if (is_name(name, "label"))
        *st = set_field(im, &e->label, name, text);
    else if (is_name(name, "description"))
        *st = set_field(im, &e->description, name, text);
    else if (is_name(name, "aliases"))
        *st = set_aliases_text(im, text);
    else
        return false;
    return true;
}

kg_status kg_imp_value(kg_importer *im, const char *name, const char *text, kg_value_kind kind)
{
    kg_imp_element *e = &im->el;
    if (name[0] == 'a' && strncmp(name, "attr_", 5) == 0 && is_reserved(name + 5))
        return add_attr(im, name + 5, text, kind);
    kg_status st = KG_OK;
    if (field_value(im, name, text, &st))
        return st;
    if (is_name(name, "id") || (e->is_edge && is_name(name, "edge_id")))
        return set_id_value(im, name, text, kind);
    if (is_name(name, "quote"))
        return kg_imp_derived(im, name, text, kind, "quotes");
    return add_attr(im, name, text, kind);
}

kg_status kg_imp_derived(kg_importer *im, const char *name, const char *text,
                         kg_value_kind kind, const char *check)
{
    kg_imp_element *e = &im->el;
    if (e->deferred_count == KG_IMP_DEFERRED_MAX)
        return add_attr(im, name, text, kind);
    kg_imp_deferred *d = &e->deferred[e->deferred_count];
    d->kind = kind;
    d->check = strcmp(check, "quotes") == 0 ? CHECK_QUOTES
               : strcmp(check, "type") == 0 ? CHECK_TYPE : CHECK_STYLE;
    if (!intern(im, name, &d->name) || !intern(im, text, &d->text))
        return KG_ENOMEM;
    e->deferred_count++;
    return KG_OK;
}

/* Characters an exporter may have replaced: control characters become a
 * space (DOT) or U+FFFD (GraphML), as do the noncharacters U+FFFE/U+FFFF. */
static bool is_replaceable(uint32_t cp)
{
    return (cp < 0x20 && cp != '\n') || cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF;
}

/* Whether text is quote as an exporter wrote it; *rest is what follows. */
static bool matches_written(const char *quote, const char *text, const char **rest)
{
    size_t qn = strlen(quote), tn = strlen(text);
    while (qn > 0) {
        uint32_t q, t = 0;
        size_t qlen = kg_utf8_decode(quote, qn, &q);
        size_t tlen = tn ? kg_utf8_decode(text, tn, &t) : 0;
        bool is_same = tlen == qlen && memcmp(quote, text, qlen) == 0;
        if (!tlen || (!is_same && !(is_replaceable(q) && (t == ' ' || t == 0xFFFD))))
            return false;
        quote += qlen;
        qn -= qlen;
        text += tlen;
        tn -= tlen;
    }
    *rest = text;
    return true;
}

/* Evidence quotes joined by newlines, as kg's exporters write them. */
static bool quotes_equal(const kg_imp_element *e, const char *text)
{
    if (e->evidence_count == 0)
        return false;
    for (size_t i = 0; i < e->evidence_count; i++) {
        if (!matches_written(e->evidence[i].quote, text, &text))
            return false;
        if (i + 1 < e->evidence_count && *text++ != '\n')
            return false;
    }
    return *text == '\0';
}

static const char *style_field(const kg_style *s, const char *name, bool is_edge)
{
    if (!s)
        return NULL;
    if (strcmp(name, "shape") == 0) return s->shape;
    if (strcmp(name, "style") == 0) return s->style;
    if (strcmp(name, "fillcolor") == 0) return s->fillcolor;
    if (strcmp(name, "color") == 0) return s->color;
    if (strcmp(name, "fontcolor") == 0) return is_edge ? s->color : s->fontcolor;
    if (strcmp(name, "arrowhead") == 0) return s->arrowhead;
    if (strcmp(name, "dir") == 0) return s->dir;
    return NULL;
}

static const kg_style *type_style(kg_importer *im, const char *type)
{
    kg_schema *schema = im->options.schema;
    bool is_edge = im->el.is_edge;
    if (schema) {
        size_t t = is_edge ? kg_schema_find_edge_type(schema, type)
                           : kg_schema_find_node_type(schema, type);
        if (t != KG_SCHEMA_NOT_FOUND)
            return is_edge ? &kg_schema_edge_type(schema, t)->style
                           : &kg_schema_node_type(schema, t)->style;
    }
    return im->style_fn ? im->style_fn(im->style_ctx, is_edge, type) : NULL;
}

static kg_status resolve_deferred(kg_importer *im, const char *type)
{
    kg_imp_element *e = &im->el;
    const kg_style *style = type_style(im, type);
    for (size_t i = 0; i < e->deferred_count; i++) {
        const kg_imp_deferred *d = &e->deferred[i];
        const char *expected = d->check == CHECK_QUOTES ? NULL
                               : d->check == CHECK_TYPE ? type
                                                        : style_field(style, d->name, e->is_edge);
        bool is_derived = d->check == CHECK_QUOTES ? quotes_equal(e, d->text)
                                                   : expected && strcmp(expected, d->text) == 0;
        kg_status st = is_derived ? KG_OK : add_attr(im, d->name, d->text, d->kind);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

/* The type's index in the schema, or an error naming the closest type. */
static kg_status schema_type(kg_importer *im, bool is_edge, const char *type,
                             const kg_imp_where *where, size_t *index)
{
    kg_schema *schema = im->options.schema;
    *index = KG_SCHEMA_NOT_FOUND;
    if (!schema)
        return KG_OK;
    *index = is_edge ? kg_schema_find_edge_type(schema, type) : kg_schema_find_node_type(schema, type);
    if (*index != KG_SCHEMA_NOT_FOUND)
        return KG_OK;
    size_t n = is_edge ? kg_schema_edge_type_count(schema) : kg_schema_node_type_count(schema);
    const char **names = malloc((n + 1) * sizeof *names);
    if (!names)
        return no_memory(im);
    for (size_t i = 0; i < n; i++)
        names[i] = is_edge ? kg_schema_edge_type(schema, i)->name : kg_schema_node_type(schema, i)->name;
    const char *near = kg_suggest(type, names, n);
    char hint[KG_ERROR_TEXT_MAX];
    if (near)
        snprintf(hint, sizeof hint, "did you mean '%s'?", near);
    else
        snprintf(hint, sizeof hint, "map an attribute to the type with --%s-type-attr",
                 is_edge ? "edge" : "node");
    free(names);
    return kg_imp_error(im, KG_EINPUT, where, hint, "unknown %s type '%s'",
                        is_edge ? "edge" : "node", type);
}

static kg_status add_node(kg_importer *im, const kg_node *node, const kg_imp_where *where)
{
    if (im->node_count >= im->options.max_nodes)
        return kg_imp_error(im, KG_ELIMIT, where, NULL, "more than %zu nodes (the limit)",
                            im->options.max_nodes);
    kg_status st = kg_graph_add_node(im->graph, node, NULL);
    if (st == KG_EINPUT)
        return kg_imp_error(im, st, where, NULL, "duplicate node id '%s'", node->id);
    if (st != KG_OK)
        return no_memory(im);
    im->node_count++;
    return KG_OK;
}

static kg_status end_node(kg_importer *im, const kg_imp_where *where)
{
    kg_imp_element *e = &im->el;
    if (!e->id)
        return kg_imp_error(im, KG_EINPUT, where, NULL, "node without an id");
    const char *type = e->type && e->type[0] ? e->type : im->options.default_node_type;
    kg_status st = resolve_deferred(im, type);
    kg_node n;
    memset(&n, 0, sizeof n);
    if (st == KG_OK)
        st = schema_type(im, false, type, where, &n.type_index);
    if (st != KG_OK)
        return st;
    n.id = e->id;
    n.type = type;
    n.label = e->label;
    n.description = e->description;
    n.aliases = e->aliases;
    n.alias_count = (uint32_t)e->alias_count;
    n.evidence = e->evidence;
    n.evidence_count = (uint32_t)e->evidence_count;
    n.attrs = e->attrs;
    n.attr_count = (uint32_t)e->attr_count;
    n.origin = (uint32_t)im->node_count;
    n.start = e->start;
    n.end = e->end;
    return add_node(im, &n, where);
}

/* Copies n items of size elem into scratch memory (NULL when n == 0). */
static kg_status keep(kg_importer *im, const void *items, size_t n, size_t elem, const void **out)
{
    *out = NULL;
    if (n == 0)
        return KG_OK;
    void *copy = kg_arena_alloc(&im->scratch, n * elem);
    if (!copy)
        return no_memory(im);
    memcpy(copy, items, n * elem);
    *out = copy;
    return KG_OK;
}

/* The edge's schema type and end types, checked without reporting: an edge
 * they refuse is queued, so that its error comes in the file's order. */
static bool fits_schema(kg_importer *im, kg_edge *edge)
{
    kg_schema *schema = im->options.schema;
    edge->type_index = KG_SCHEMA_NOT_FOUND;
    if (!schema)
        return true;
    edge->type_index = kg_schema_find_edge_type(schema, edge->type);
    if (edge->type_index == KG_SCHEMA_NOT_FOUND)
        return false;
    for (int k = 0; k < 2; k++) {
        const kg_node *n = kg_graph_node(im->graph, k ? edge->target : edge->source);
        kg_error err;
        if (kg_schema_check_end(schema, edge->type_index, (kg_edge_end)k, n->type_index, n->id,
                                &err) != KG_OK)
            return false;
    }
    return true;
}

/* Adds the edge now when nothing before it waits and both its ends are
 * nodes already (kg, NetworkX and igraph write nodes first): the graph
 * copies its attributes and evidence once, and no queue entry is kept.
 * False when it must be queued. */
static bool add_now(kg_importer *im, kg_edge *edge, const kg_imp_element *e, kg_status *st)
{
    *st = KG_OK;
    if (im->is_queueing || (!e->id && e->soft_id))
        return false; /* a soft id is used only if all are unique */
    /* nodes are only added, so an end known when set is still that node */
    edge->source = e->source_index != KG_SCHEMA_NOT_FOUND ? e->source_index
                                                          : kg_graph_find_node(im->graph, e->source);
    edge->target = e->target_index != KG_SCHEMA_NOT_FOUND ? e->target_index
                                                          : kg_graph_find_node(im->graph, e->target);
    if (edge->source == KG_SCHEMA_NOT_FOUND || edge->target == KG_SCHEMA_NOT_FOUND ||
        !fits_schema(im, edge))
        return false;
    if (kg_graph_add_edge(im->graph, edge) != KG_OK)
        *st = no_memory(im);
    else
        im->edge_count++;
    return true;
}

static kg_status end_edge(kg_importer *im, const kg_imp_where *where)
{
    kg_imp_element *e = &im->el;
    if (!e->source || !e->target)
        return kg_imp_error(im, KG_EINPUT, where, NULL, "edge without a source and a target");
    if (im->edge_count >= im->options.max_edges)
        return kg_imp_error(im, KG_ELIMIT, where, NULL, "more than %zu edges (the limit)",
                            im->options.max_edges);
    if (e->id && !im->is_tracking_ids && !e->is_id_new && track_edge_ids(im) != KG_OK)
        return KG_ENOMEM;
    if (e->id && im->is_tracking_ids) {
        kg_status put = id_set_add(&im->edge_ids, e->id);
        if (put == KG_ENOMEM)
            return no_memory(im);
        if (put != KG_OK)
            return kg_imp_error(im, KG_EINPUT, where, NULL, "duplicate edge id '%s'", e->id);
    }
    const char *type = e->type && e->type[0] ? e->type : im->options.default_edge_type;
    kg_status st = resolve_deferred(im, type);
    if (st != KG_OK)
        return st;
    kg_edge edge;
    memset(&edge, 0, sizeof edge);
    edge.id = e->id;
    edge.type = type;
    edge.start = e->start;
    edge.end = e->end;
    edge.evidence = e->evidence;
    edge.evidence_count = (uint32_t)e->evidence_count;
    edge.attrs = e->attrs;
    edge.attr_count = (uint32_t)e->attr_count;
    edge.origin = (uint32_t)im->edge_count;
    if (add_now(im, &edge, e, &st))
        return st;
    im->is_queueing = true;
    if (kg_grow((void **)&im->edges, &im->pending_capacity, im->pending_count + 1,
                sizeof *im->edges) != KG_OK)
        return no_memory(im);
    kg_imp_pending_edge *p = &im->edges[im->pending_count];
    memset(p, 0, sizeof *p);
    p->base.edge = edge;
    p->base.edge.source = p->base.edge.target = 0;
    p->base.edge.type_index = KG_SCHEMA_NOT_FOUND;
    p->base.source_id = e->source;
    p->base.target_id = e->target;
    p->line = where->line;
    p->column = where->column;
    /* a pointer only when there is no line: one unique string per edge */
    if (where->pointer && !where->line && !intern(im, where->pointer, &p->pointer))
        return KG_ENOMEM;
    p->soft_id = e->id ? NULL : e->soft_id;
    st = keep(im, e->evidence, e->evidence_count, sizeof *e->evidence,
              (const void **)&p->base.edge.evidence);
    if (st == KG_OK)
        st = keep(im, e->attrs, e->attr_count, sizeof *e->attrs,
                  (const void **)&p->base.edge.attrs);
    if (st == KG_OK) {
        im->pending_count++;
        im->edge_count++;
    }
    return st;
}

kg_status kg_imp_end(kg_importer *im)
{
    kg_imp_element *e = &im->el;
    kg_imp_where where = element_where(im);
    e->is_open = false;
    if (e->start.precision && e->end.precision &&
        kg_date_last_day(e->end) < kg_date_first_day(e->start)) {
        char a[11], b[11];
        return kg_imp_error(im, KG_EINPUT, &where, NULL, "end %s is before start %s",
                            kg_date_format(e->end, a), kg_date_format(e->start, b));
    }
    return e->is_edge ? end_edge(im, &where) : end_node(im, &where);
}

/* ---- graph ------------------------------------------------------------- */

kg_status kg_imp_graph_value(kg_importer *im, const char *name, const char *text)
{
    kg_status st = KG_OK;
    if (strcmp(name, "name") == 0)
        st = kg_graph_set_name(im->graph, text);
    else if (strcmp(name, "title") == 0)
        st = kg_graph_set_title(im->graph, text);
    else if (strcmp(name, "description") == 0)
        st = kg_graph_set_description(im->graph, text);
    return st == KG_OK ? KG_OK : no_memory(im);
}

kg_status kg_imp_add_source(kg_importer *im, const kg_source *source)
{
    if (kg_graph_find_source(im->graph, source->id))
        return kg_imp_error(im, KG_EINPUT, NULL, NULL, "duplicate source id '%s'", source->id);
    return kg_graph_add_source(im->graph, source) == KG_OK ? KG_OK : no_memory(im);
}

/* With a schema: the edge's end types must be ones its type allows. */
static kg_status check_ends(kg_importer *im, const kg_edge *e, const kg_imp_where *where)
{
    for (int k = 0; im->options.schema && k < 2; k++) {
        const kg_node *n = kg_graph_node(im->graph, k ? e->target : e->source);
        kg_error err;
        if (kg_schema_check_end(im->options.schema, e->type_index, (kg_edge_end)k, n->type_index,
                                n->id, &err) != KG_OK)
            return kg_imp_error(im, KG_EINPUT, where, err.hint, "%s", err.message);
    }
    return KG_OK;
}

static kg_imp_where pending_where(const kg_importer *im, size_t i)
{
    const kg_imp_pending_edge *p = &im->edges[i];
    kg_imp_where where = {p->line, p->column, p->pointer};
    return where;
}

/* An edge end that is no node: created when the format allows it. */
static kg_status missing_end(void *context, size_t i, kg_edge_end end, const char *id,
                             size_t *index)
{
    kg_importer *im = context;
    kg_imp_where where = pending_where(im, i);
    if (!im->creates_missing_nodes)
        return kg_imp_error(im, KG_EINPUT, &where, NULL, "edge %s '%s' is not a node",
                            end == KG_EDGE_SOURCE ? "source" : "target", id);
    kg_node n;
    memset(&n, 0, sizeof n);
    n.id = id;
    n.type = im->options.default_node_type;
    n.origin = (uint32_t)im->node_count;
    kg_status st = schema_type(im, false, n.type, &where, &n.type_index);
    if (st == KG_OK)
        st = add_node(im, &n, &where);
    *index = kg_graph_find_node(im->graph, id);
    return st;
}

static kg_status add_resolved(void *context, size_t i, kg_edge *edge)
{
    kg_importer *im = context;
    kg_imp_where where = pending_where(im, i);
    kg_status st = schema_type(im, true, edge->type, &where, &edge->type_index);
    if (st == KG_OK)
        st = check_ends(im, edge, &where);
    if (st == KG_OK && kg_graph_add_edge(im->graph, edge) != KG_OK)
        st = no_memory(im);
    return st;
}

/* Soft ids become edge ids when none collides with another id. */
static kg_status use_soft_ids(kg_importer *im)
{
    bool is_unique = true, has_soft = false;
    for (size_t i = 0; i < im->pending_count && !has_soft; i++)
        has_soft = im->edges[i].soft_id != NULL;
    if (has_soft && !im->is_tracking_ids && track_edge_ids(im) != KG_OK)
        return KG_ENOMEM;
    for (size_t i = 0; i < im->pending_count && is_unique; i++) {
        const char *id = im->edges[i].soft_id;
        kg_status put = id ? id_set_add(&im->edge_ids, id) : KG_OK;
        if (put == KG_ENOMEM)
            return no_memory(im);
        is_unique = put == KG_OK;
    }
    if (!is_unique)
        kg_imp_warning(im, NULL, "edge ids are not unique (NetworkX writes its per-pair "
                                 "multigraph keys as ids); kg names the edges SOURCE:TYPE:TARGET");
    for (size_t i = 0; i < im->pending_count && is_unique; i++)
        if (im->edges[i].soft_id)
            im->edges[i].base.edge.id = im->edges[i].soft_id;
    return KG_OK;
}

static kg_status add_edges(kg_importer *im)
{
    kg_status st = use_soft_ids(im);
    kg_pending_ops ops = {im, missing_end, add_resolved, true};
    if (st == KG_OK)
        st = kg_pending_resolve(im->graph, im->edges, im->pending_count, sizeof *im->edges,
                                &ops);
    return st;
}

kg_status kg_imp_finish(kg_importer *im, kg_graph **out)
{
    *out = NULL;
    if (im->status != KG_OK)
        return im->status;
    kg_status st = add_edges(im);
    if (st != KG_OK)
        return st;
    /* The queue, its scratch copies and the edge id index are done with:
     * freed before kg_graph_finish sorts and names the edges (the peak). */
    free(im->edges);
    im->edges = NULL;
    im->pending_count = im->pending_capacity = 0;
    kg_arena_free(&im->scratch);
    free(im->edge_ids.slots);
    im->edge_ids = (kg_imp_id_set){NULL, 0, 0};
    if (im->options.schema)
        kg_graph_set_schema(im->graph, kg_schema_ref(im->options.schema));
    kg_error err;
    kg_error_clear(&err);
    st = kg_graph_finish(im->graph, &err);
    if (st != KG_OK)
        return kg_imp_error(im, st, NULL, NULL, "%s", err.message);
    *out = im->graph;
    im->graph = NULL;
    return KG_OK;
}
