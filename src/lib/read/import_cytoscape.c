/* import_cytoscape.c - Cytoscape JSON (.cyjs): what Cytoscape desktop
 * exports and kg writes, {"data": {...}, "elements": {"nodes": [...],
 * "edges": [...]}}, and the element lists Cytoscape.js takes, {"elements":
 * [...]} or a bare [...] of {"group": "nodes"|"edges", "data": {...}}.
 * Read in one streaming pass (import_json.h): each element becomes a small
 * jansson tree, handed to the builder and freed. An element's "data" holds
 * its id, source and target and its values; kg's field names map back to
 * fields as in node-link JSON. Cytoscape's own columns are folded in: a
 * node's "name" is its label when it has none, an edge's "interaction" its
 * type, and what repeats those ("shared_name", "shared_interaction", kg's
 * "quote" and "evidence_source" text columns) or is session state ("SUID",
 * "selected", the element's "position", "classes", ...) is not kept. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_json.h"
#include "json_check.h"
#include "kg/text.h"

static bool is_id(const json_t *v)
{
    return json_is_string(v) || json_is_integer(v);
}

/* An id value as text (integers in decimal) into buf. */
static const char *id_text(const json_t *v, char buf[32])
{
    if (json_is_string(v))
        return json_string_value(v);
    snprintf(buf, 32, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    return buf;
}

static const char *string_of(const json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

static bool same_string(const json_t *obj, const char *a, const char *b)
{
    const char *x = string_of(obj, a), *y = string_of(obj, b);
    return x && y && strcmp(x, y) == 0;
}

/* Whether text is the evidence's source ids one a line, as kg writes its
 * "evidence_source" column. */
static bool is_evidence_sources(const json_t *evidence, const char *text)
{
    size_t n = json_is_array(evidence) ? json_array_size(evidence) : 0;
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *id = string_of(json_array_get(evidence, i), "source");
        size_t len = id ? strlen(id) : 0;
        if (!id || strncmp(text, id, len) != 0 || text[len] != (i + 1 < n ? '\n' : '\0'))
            return false;
        text += len + (i + 1 < n);
    }
    return true;
}

/* Whether the member `name` of data repeats another or is Cytoscape's
 * bookkeeping, and is left out. */
static bool is_dropped(const json_t *data, bool is_edge, const char *name, const json_t *v)
{
    if (strcmp(name, "SUID") == 0 || (strcmp(name, "selected") == 0 && json_is_boolean(v)))
        return true;
    if (strcmp(name, "shared_name") == 0)
        return same_string(data, "shared_name", "name");
    if (strcmp(name, "shared_interaction") == 0)
        return same_string(data, "shared_interaction", "interaction");
    if (!is_edge && strcmp(name, "name") == 0)
        return json_is_string(v) && (!json_object_get(data, "label") ||
                                     same_string(data, "name", "label"));
    if (is_edge && strcmp(name, "interaction") == 0)
        return json_is_string(v) && (!json_object_get(data, "type") ||
                                     same_string(data, "interaction", "type"));
    if (strcmp(name, "evidence_source") == 0)
        return json_is_string(v) &&
               is_evidence_sources(json_object_get(data, "evidence"), json_string_value(v));
    return false;
}

/* One scalar or nested value of an element's data. */
static kg_status data_value(kg_json_reader *r, bool is_edge, const char *name, json_t *v,
                            const char *pointer)
{
    kg_importer *im = r->im;
    char buf[64];
    switch (json_typeof(v)) {
    case JSON_NULL: return KG_OK;
    case JSON_STRING: return kg_imp_value(im, name, json_string_value(v), KG_VALUE_STRING);
    case JSON_INTEGER:
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return kg_imp_value(im, name, buf, KG_VALUE_INTEGER);
    case JSON_REAL: {
        kg_format_double(json_real_value(v), buf);
        bool is_integer = false;
        if (kg_json_number(buf, &is_integer) && is_integer)
            strcat(buf, ".0"); /* 1.0 stays a real */
        return kg_imp_value(im, name, buf, KG_VALUE_REAL);
    }
    case JSON_TRUE: return kg_imp_value(im, name, "true", KG_VALUE_BOOLEAN);
    case JSON_FALSE: return kg_imp_value(im, name, "false", KG_VALUE_BOOLEAN);
    default: {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, name);
        return kg_jr_list_value(r, is_edge, name, v, ptr);
    }
    }
}

/* The values of data (its id and ends are set already). */
static kg_status data_values(kg_json_reader *r, json_t *data, bool is_edge, const char *pointer)
{
    const char *name;
    json_t *v;
    const kg_import_options *o = &r->im->options;
    bool takes_type = !o->edge_type_attr || strcmp(o->edge_type_attr, "type") == 0;
    json_object_foreach(data, name, v) {
        if (strcmp(name, "id") == 0 || (is_edge && (strcmp(name, "source") == 0 ||
                                                     strcmp(name, "target") == 0)))
            continue;
        kg_status st = KG_OK;
        if (!is_edge && strcmp(name, "name") == 0 && json_is_string(v) &&
            !json_object_get(data, "label"))
            st = kg_imp_value(r->im, "label", json_string_value(v), KG_VALUE_STRING);
        else if (is_edge && strcmp(name, "interaction") == 0 && json_is_string(v) &&
                 !json_object_get(data, "type") && takes_type)
            st = kg_imp_value(r->im, "type", json_string_value(v), KG_VALUE_STRING);
        else if (!is_dropped(data, is_edge, name, v))
            st = data_value(r, is_edge, name, v, pointer);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

/* Whether the element is an edge: its group, else (for a list that mixes
 * both) whether its data has a source and a target, as Cytoscape.js says. */
static kg_status element_kind(kg_json_reader *r, json_t *el, json_t *data, int known,
                              const char *pointer, bool *is_edge)
{
    json_t *group = json_object_get(el, "group");
    if (group && !(json_is_string(group) && (strcmp(json_string_value(group), "nodes") == 0 ||
                                             strcmp(json_string_value(group), "edges") == 0))) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, "group");
        return kg_jr_fail(r, ptr, NULL, "an element's \"group\" is \"nodes\" or \"edges\"");
    }
    if (known >= 0)
        *is_edge = known;
    else if (group)
        *is_edge = strcmp(json_string_value(group), "edges") == 0;
    else
        *is_edge = json_object_get(data, "source") && json_object_get(data, "target");
    return KG_OK;
}

/* One element (known: 0 a node, 1 an edge, -1 from the element). */
static kg_status element(kg_json_reader *r, json_t *el, int known, const char *pointer)
{
    json_t *data = json_is_object(el) ? json_object_get(el, "data") : NULL;
    if (!json_is_object(data))
        return kg_jr_fail(r, pointer, "Cytoscape elements are {\"data\": {\"id\": ...}}",
                          "an element needs a \"data\" object");
    bool is_edge = false;
    kg_status st = element_kind(r, el, data, known, pointer, &is_edge);
    if (st != KG_OK)
        return st;
    kg_imp_where w = {0, 0, pointer};
    if ((st = kg_imp_begin(r->im, is_edge, &w)) != KG_OK)
        return st;
    char ptr[KG_POINTER_MAX], a[32], b[32];
    json_t *id = json_object_get(data, "id");
    json_t *source = json_object_get(data, "source"), *target = json_object_get(data, "target");
    if (id && !is_id(id)) {
        kg_pointer_key(ptr, pointer, "data");
        kg_pointer_key(ptr, ptr, "id");
        return kg_jr_fail(r, ptr, NULL, "an element's \"id\" is a string or an integer");
    }
    if (!is_edge && !id) {
        kg_pointer_key(ptr, pointer, "data");
        return kg_jr_fail(r, ptr, NULL, "a node needs an \"id\" that is a string or an integer");
    }
    if (is_edge && (!is_id(source) || !is_id(target))) {
        kg_pointer_key(ptr, pointer, "data");
        return kg_jr_fail(r, ptr, NULL,
                          "an edge needs a \"source\" and a \"target\" that are node ids");
    }
    if (id && (st = kg_imp_set_id(r->im, id_text(id, a))) != KG_OK)
        return st;
    if (is_edge && (st = kg_imp_set_endpoints(r->im, id_text(source, a), id_text(target, b))) !=
                       KG_OK)
        return st;
    kg_pointer_key(ptr, pointer, "data");
    st = data_values(r, data, is_edge, ptr);
    return st == KG_OK ? kg_imp_end(r->im) : st;
}

/* A list of elements, after its '['. */
static kg_status read_elements(kg_json_reader *r, int known, const char *list_pointer)
{
    char ptr[KG_POINTER_MAX];
    kg_jp_event ev;
    kg_status st;
    for (size_t i = 0; (st = kg_jr_next(r, &ev)) == KG_OK && ev != KG_JP_END_ARRAY; i++) {
        kg_pointer_index(ptr, list_pointer, i);
        json_t *el = kg_jr_nested_value(r, ev);
        if (!el)
            return r->im->status;
        st = element(r, el, known, ptr);
        json_decref(el);
        if (st != KG_OK)
            return st;
    }
    return st;
}

/* {"nodes": [...], "edges": [...]}, after its '{'. */
static kg_status read_groups(kg_json_reader *r)
{
    kg_jp_event ev;
    kg_status st;
    while ((st = kg_jr_next(r, &ev)) == KG_OK && ev == KG_JP_KEY) {
        int known = strcmp(r->jp.text, "nodes") == 0 ? 0 : strcmp(r->jp.text, "edges") == 0 ? 1
                                                                                           : -1;
        if ((st = kg_jr_next(r, &ev)) != KG_OK)
            return st;
        if (known >= 0 && ev != KG_JP_BEGIN_ARRAY)
            return kg_jr_fail(r, known ? "/elements/edges" : "/elements/nodes", NULL,
                              "expected a list of elements");
        st = known >= 0 ? read_elements(r, known, known ? "/elements/edges" : "/elements/nodes")
                        : kg_jr_skip(r, ev);
        if (st != KG_OK)
            return st;
    }
    return st;
}

/* Cytoscape's bookkeeping among the graph's data. */
static bool is_graph_bookkeeping(const char *name)
{
    static const char *const names[] = {"SUID", "selected", "shared_name", "__Annotations"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

static kg_status read_document(kg_json_reader *r)
{
    kg_jp_event ev;
    kg_status st = kg_jr_next(r, &ev);
    if (st != KG_OK)
        return st;
    if (ev == KG_JP_BEGIN_ARRAY)
        st = read_elements(r, -1, "");
    bool has_elements = ev == KG_JP_BEGIN_ARRAY;
    while (st == KG_OK && ev == KG_JP_BEGIN_OBJECT && (st = kg_jr_next(r, &ev)) == KG_OK &&
           ev == KG_JP_KEY) {
        bool is_elements = strcmp(r->jp.text, "elements") == 0;
        bool is_data = strcmp(r->jp.text, "data") == 0;
        if ((st = kg_jr_next(r, &ev)) != KG_OK)
            return st;
        if (is_elements && ev == KG_JP_BEGIN_OBJECT)
            st = read_groups(r);
        else if (is_elements && ev == KG_JP_BEGIN_ARRAY)
            st = read_elements(r, -1, "/elements");
        else if (is_elements)
            return kg_jr_fail(r, "/elements", NULL, "expected {\"nodes\": [...], \"edges\": "
                                                    "[...]} or a list of elements");
        else if (is_data && ev == KG_JP_BEGIN_OBJECT)
            st = kg_jr_read_graph(r, is_graph_bookkeeping);
        else
            st = kg_jr_skip(r, ev);
        has_elements |= is_elements;
        ev = KG_JP_BEGIN_OBJECT; /* the loop goes on over the top-level members */
    }
    if (st != KG_OK)
        return st;
    if (!has_elements)
        return kg_jr_fail(r, "", "Cytoscape desktop writes it with File > Export > Network to File",
                          "expected Cytoscape \"elements\"");
    return kg_jr_next(r, &ev); /* only white space may follow */
}

static kg_status import(kg_importer *im, const char *text, size_t len, FILE *file)
{
    kg_json_reader r;
    im->creates_missing_nodes = false; /* Cytoscape refuses edges to missing nodes */
    kg_status st = kg_jr_init(&r, im, text, len, file);
    return st == KG_OK ? kg_jr_run(&r, read_document) : st;
}

kg_status kg_cytoscape_import(kg_importer *im, const char *text, size_t len)
{
    return import(im, text, len, NULL);
}

kg_status kg_cytoscape_import_file(kg_importer *im, FILE *file)
{
    return import(im, NULL, 0, file);
}
