/* import_json.c - node-link JSON as NetworkX's node_link_data writes it and
 * kg's JSON exporter too: {"directed", "multigraph", "graph", "nodes",
 * "links" (NetworkX before 3.6, kg) or "edges" (NetworkX 3.6+)}. Values
 * keep their JSON type; kg's list fields (aliases, evidence) are arrays;
 * other arrays and objects are kept as their JSON text. Read in one
 * streaming pass (json_pull.h): each node and link goes to the builder as
 * its members go by, so memory follows the graph, not the document; only
 * nested values (lists, "graph" members) become small jansson trees.
 * Duplicate keys are rejected; syntax errors are reported at line:column,
 * everything else by JSON Pointer. A syntax error anywhere outranks a
 * problem found before it, as when the whole document was parsed first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_json.h"
#include "json_check.h"
#include "kg/dataset.h"
#include "kg/text.h"

typedef kg_json_reader node_link;

kg_status kg_jr_fail(node_link *nl, const char *pointer, const char *hint, const char *what)
{
    kg_imp_where w = {0, 0, pointer};
    return kg_imp_error(nl->im, KG_EINPUT, &w, hint, "%s", what);
}

static kg_status evidence_value(node_link *nl, json_t *v, const char *pointer)
{
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_is_array(v) ? json_array_get(v, i) : v;
        json_t *source = json_object_get(item, "source"), *quote = json_object_get(item, "quote");
        if (!json_is_object(item) || !json_is_string(source) || !json_is_string(quote))
            return kg_jr_fail(nl, pointer, NULL, "evidence must be {\"source\": ..., \"quote\": ...} objects");
        kg_status st = kg_imp_add_evidence(nl->im, json_string_value(source),
                                           json_string_value(quote));
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

kg_status kg_jr_list_value(node_link *nl, bool is_edge, const char *name, json_t *v,
                            const char *pointer)
{
    if (strcmp(name, "evidence") == 0)
        return evidence_value(nl, v, pointer);
    bool is_aliases = !is_edge && strcmp(name, "aliases") == 0 && json_is_array(v);
    for (size_t i = 0; is_aliases && i < json_array_size(v); i++)
        is_aliases = json_is_string(json_array_get(v, i));
    for (size_t i = 0; is_aliases && i < json_array_size(v); i++) {
        kg_status st = kg_imp_add_alias(nl->im, json_string_value(json_array_get(v, i)));
        if (st != KG_OK)
            return st;
    }
    if (is_aliases)
        return KG_OK;
    char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    if (!text)
        return kg_imp_error(nl->im, KG_ENOMEM, NULL, NULL, "out of memory");
    kg_status st = kg_imp_value(nl->im, name, text, KG_VALUE_STRING);
    free(text);
    return st;
}

static kg_status read_sources(kg_importer *im, json_t *list, const kg_imp_where *where)
{
    if (!json_is_array(list))
        return kg_imp_error(im, KG_EINPUT, where, NULL, "graph sources must be a list of objects");
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *s = json_array_get(list, i);
        kg_source src = {json_string_value(json_object_get(s, "id")),
                         json_string_value(json_object_get(s, "title")),
                         json_string_value(json_object_get(s, "file")),
                         json_string_value(json_object_get(s, "url")),
                         json_string_value(json_object_get(s, "retrieved"))};
        if (!src.id)
            return kg_imp_error(im, KG_EINPUT, where, NULL, "a graph source without an \"id\"");
        kg_status st = kg_imp_add_source(im, &src);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

kg_status kg_node_link_sources(kg_importer *im, const char *text, const kg_imp_where *where)
{
    if (!text[0])
        return KG_OK;
    json_t *list = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
    kg_status st = read_sources(im, list, where);
    json_decref(list);
    return st;
}


/* ---- the streaming pass ------------------------------------------------- */

/* A syntax (or depth, read, memory) error of the parser, at line:column. */
kg_status kg_jr_syntax_error(node_link *nl)
{
    kg_jp *jp = &nl->jp;
    kg_imp_where w = {jp->error_line, jp->error_column, NULL};
    const char *hint = jp->hint[0] ? jp->hint : NULL;
    switch (jp->status) {
    case KG_ENOMEM: return kg_imp_error(nl->im, KG_ENOMEM, NULL, NULL, "out of memory");
    case KG_EIO: return kg_imp_error(nl->im, KG_EIO, NULL, NULL, "read error");
    case KG_ELIMIT: return kg_imp_error(nl->im, KG_ELIMIT, &w, hint, "%s", jp->message);
    default: return kg_imp_error(nl->im, KG_EINPUT, &w, hint, "JSON syntax error: %s", jp->message);
    }
}

kg_status kg_jr_next(node_link *nl, kg_jp_event *ev)
{
    *ev = kg_jp_next(&nl->jp);
    return *ev == KG_JP_ERROR ? kg_jr_syntax_error(nl) : KG_OK;
}

kg_status kg_jr_skip(node_link *nl, kg_jp_event first)
{
    return kg_jp_skip(&nl->jp, first) == KG_JP_ERROR ? kg_jr_syntax_error(nl) : KG_OK;
}

static kg_status copy_text(node_link *nl, char **dst, size_t *cap)
{
    if (kg_grow((void **)dst, cap, nl->jp.text_len + 1, 1) != KG_OK)
        return kg_imp_error(nl->im, KG_ENOMEM, NULL, NULL, "out of memory");
    memcpy(*dst, nl->jp.text, nl->jp.text_len + 1);
    return KG_OK;
}

static bool is_id_event(kg_jp_event ev)
{
    return ev == KG_JP_STRING || ev == KG_JP_INTEGER;
}

/* The value whose first event is `first` as a jansson tree (NULL after an
 * error, which is reported). */
json_t *kg_jr_nested_value(node_link *nl, kg_jp_event first)
{
    nl->nested_len = 0;
    kg_status st = kg_jp_capture(&nl->jp, first, &nl->nested, &nl->nested_len, &nl->nested_cap);
    if (st != KG_OK) {
        kg_jr_syntax_error(nl);
        return NULL;
    }
    json_t *v = json_loadb(nl->nested, nl->nested_len, JSON_DECODE_ANY, NULL);
    if (!v)
        kg_imp_error(nl->im, KG_ENOMEM, NULL, NULL, "out of memory");
    return v;
}

/* One member of a node or link (not its id or ends), its value's first
 * event just read. */
static kg_status member(node_link *nl, bool is_edge, const char *pointer, kg_jp_event ev)
{
    kg_jp *jp = &nl->jp;
    const char *name = nl->name;
    char buf[64];
    switch (ev) {
    case KG_JP_NULL: return KG_OK;
    case KG_JP_STRING: return kg_imp_value(nl->im, name, jp->text, KG_VALUE_STRING);
    case KG_JP_INTEGER: return kg_imp_value(nl->im, name, jp->text, KG_VALUE_INTEGER);
    case KG_JP_TRUE: return kg_imp_value(nl->im, name, "true", KG_VALUE_BOOLEAN);
    case KG_JP_FALSE: return kg_imp_value(nl->im, name, "false", KG_VALUE_BOOLEAN);
    case KG_JP_REAL: {
        kg_format_double(jp->real, buf);
        bool is_integer = false;
        if (kg_json_number(buf, &is_integer) && is_integer)
            strcat(buf, ".0"); /* 1.0 stays a real */
        return kg_imp_value(nl->im, name, buf, KG_VALUE_REAL);
    }
    default: break;
    }
    json_t *v = kg_jr_nested_value(nl, ev);
    if (!v)
        return nl->im->status;
    char ptr[KG_POINTER_MAX];
    kg_pointer_key(ptr, pointer, name);
    kg_status st = kg_jr_list_value(nl, is_edge, name, v, ptr);
    json_decref(v);
    return st;
}

static kg_status read_node(node_link *nl, const char *pointer)
{
    kg_imp_where w = {nl->jp.line, nl->jp.column, pointer}; /* its '{' */
    kg_status st = kg_imp_begin(nl->im, false, &w);
    bool has_id = false;
    kg_jp_event ev;
    while (st == KG_OK && (st = kg_jr_next(nl, &ev)) == KG_OK && ev == KG_JP_KEY) {
        if ((st = copy_text(nl, &nl->name, &nl->name_cap)) != KG_OK ||
            (st = kg_jr_next(nl, &ev)) != KG_OK)
            break;
        if (strcmp(nl->name, "id") != 0) {
            st = member(nl, false, pointer, ev);
        } else if (is_id_event(ev)) {
            has_id = true;
            st = kg_imp_set_id(nl->im, nl->jp.text);
        } else {
            char ptr[KG_POINTER_MAX];
            kg_pointer_key(ptr, pointer, "id");
            return kg_jr_fail(nl, ptr, NULL, "a node needs an \"id\" that is a string or an integer");
        }
    }
    if (st == KG_OK && !has_id)
        st = kg_jr_fail(nl, pointer, NULL, "a node needs an \"id\" that is a string or an integer");
    return st == KG_OK ? kg_imp_end(nl->im) : st;
}

static kg_status read_link(node_link *nl, const char *pointer)
{
    kg_imp_where w = {nl->jp.line, nl->jp.column, pointer}; /* its '{' */
    kg_status st = kg_imp_begin(nl->im, true, &w);
    bool has_source = false, has_target = false, has_key = false, is_bad_end = false;
    kg_jp_event ev;
    while (st == KG_OK && (st = kg_jr_next(nl, &ev)) == KG_OK && ev == KG_JP_KEY) {
        if ((st = copy_text(nl, &nl->name, &nl->name_cap)) != KG_OK ||
            (st = kg_jr_next(nl, &ev)) != KG_OK)
            break;
        bool is_source = strcmp(nl->name, "source") == 0;
        if (is_source || strcmp(nl->name, "target") == 0) {
            is_bad_end |= !is_id_event(ev);
            if (!is_id_event(ev))
                st = kg_jr_skip(nl, ev);
            else if (is_source)
                st = copy_text(nl, &nl->source, &nl->source_cap);
            else
                st = copy_text(nl, &nl->target, &nl->target_cap);
            has_source |= is_source;
            has_target |= !is_source;
        } else if (strcmp(nl->name, "key") == 0) {
            /* string keys are the edge ids when no two edges share one */
            has_key = ev == KG_JP_STRING;
            st = has_key ? copy_text(nl, &nl->key, &nl->key_cap) : kg_jr_skip(nl, ev);
        } else {
            st = member(nl, true, pointer, ev);
        }
    }
    if (st == KG_OK && (!has_source || !has_target || is_bad_end))
        st = kg_jr_fail(nl, pointer, NULL,
                  "a link needs a \"source\" and a \"target\" that are strings or integers");
    if (st == KG_OK)
        st = kg_imp_set_endpoints(nl->im, nl->source, nl->target);
    if (st == KG_OK && has_key)
        st = kg_imp_set_soft_id(nl->im, nl->key);
    return st == KG_OK ? kg_imp_end(nl->im) : st;
}

/* The elements of "nodes" or "links"/"edges", after its '['. */
static kg_status read_list(node_link *nl, bool is_edge, const char *list_name)
{
    char ptr[KG_POINTER_MAX];
    kg_jp_event ev;
    kg_status st;
    for (size_t i = 0; (st = kg_jr_next(nl, &ev)) == KG_OK && ev != KG_JP_END_ARRAY; i++) {
        kg_pointer_index(ptr, list_name, i);
        if (ev != KG_JP_BEGIN_OBJECT)
            return kg_jr_fail(nl, ptr, NULL,
                        is_edge ? "a link must be an object with a \"source\" and \"target\""
                                : "a node must be an object with an \"id\"");
        st = is_edge ? read_link(nl, ptr) : read_node(nl, ptr);
        if (st != KG_OK)
            return st;
    }
    return st;
}

kg_status kg_jr_graph_member(node_link *nl, const char *name, json_t *v)
{
    char ptr[KG_POINTER_MAX];
    kg_pointer_key(ptr, "/graph", name);
    kg_imp_where w = {0, 0, ptr};
    if (strcmp(name, "sources") == 0)
        return read_sources(nl->im, v, &w);
    if (json_is_string(v) && (strcmp(name, "name") == 0 || strcmp(name, "title") == 0 ||
                              strcmp(name, "description") == 0))
        return kg_imp_graph_value(nl->im, name, json_string_value(v));
    kg_imp_warning(nl->im, &w, "graph attribute '%s' is not kept: kg graphs have only a "
                               "name, title, description and sources", name);
    return KG_OK;
}

kg_status kg_jr_read_graph(node_link *nl, bool (*skips)(const char *name))
{
    kg_jp_event ev;
    kg_status st;
    while ((st = kg_jr_next(nl, &ev)) == KG_OK && ev == KG_JP_KEY) {
        if ((st = copy_text(nl, &nl->name, &nl->name_cap)) != KG_OK ||
            (st = kg_jr_next(nl, &ev)) != KG_OK)
            return st;
        if (skips && skips(nl->name)) {
            if ((st = kg_jr_skip(nl, ev)) != KG_OK)
                return st;
            continue;
        }
        json_t *v = kg_jr_nested_value(nl, ev);
        if (!v)
            return nl->im->status;
        st = kg_jr_graph_member(nl, nl->name, v);
        json_decref(v);
        if (st != KG_OK)
            return st;
    }
    return st;
}

static kg_status read_document(node_link *nl)
{
    kg_jp_event ev;
    kg_status st = kg_jr_next(nl, &ev);
    if (st != KG_OK)
        return st;
    if (ev != KG_JP_BEGIN_OBJECT)
        return kg_jr_fail(nl, "", "NetworkX writes it with json.dump(node_link_data(G))",
                    "expected a node-link object with \"nodes\" and \"links\"");
    bool has_nodes = false, has_links = false;
    while ((st = kg_jr_next(nl, &ev)) == KG_OK && ev == KG_JP_KEY) {
        bool is_nodes = strcmp(nl->jp.text, "nodes") == 0;
        bool is_edges = strcmp(nl->jp.text, "edges") == 0;
        bool is_links = is_edges || strcmp(nl->jp.text, "links") == 0;
        bool is_graph = strcmp(nl->jp.text, "graph") == 0;
        if ((st = kg_jr_next(nl, &ev)) != KG_OK)
            return st;
        if (is_nodes) {
            has_nodes = true;
            if (ev != KG_JP_BEGIN_ARRAY)
                return kg_jr_fail(nl, "/nodes", NULL, "expected a \"nodes\" list");
            st = read_list(nl, false, "/nodes");
        } else if (is_links) {
            const char *list_name = is_edges ? "/edges" : "/links";
            if (has_links)
                return kg_jr_fail(nl, "/edges", NULL, "both \"links\" and \"edges\": which are the edges?");
            has_links = true;
            if (ev != KG_JP_BEGIN_ARRAY)
                return kg_jr_fail(nl, list_name, NULL, "expected a list of links");
            st = read_list(nl, true, list_name);
        } else if (is_graph && ev == KG_JP_BEGIN_OBJECT) {
            st = kg_jr_read_graph(nl, NULL);
        } else {
            st = kg_jr_skip(nl, ev);
        }
        if (st != KG_OK)
            return st;
    }
    if (st != KG_OK)
        return st;
    if (!has_nodes)
        return kg_jr_fail(nl, "", NULL, "expected a \"nodes\" list");
    return kg_jr_next(nl, &ev); /* only white space may follow */
}

/* After a problem with the graph: a syntax error later in the file takes
 * its place, as when jansson parsed the whole document first. */
static kg_status syntax_first(node_link *nl, kg_status st, size_t diags_count,
                              size_t diags_dropped)
{
    kg_jp *jp = &nl->jp;
    if (st == KG_ENOMEM || st == KG_EIO || jp->status != KG_OK)
        return st;
    kg_jp_event ev;
    do
        ev = kg_jp_next(jp);
    while (ev != KG_JP_ERROR && ev != KG_JP_EOF);
    if (ev != KG_JP_ERROR)
        return st;
    kg_diagnostics *d = nl->im->diags;
    if (d && d->count >= diags_count) {
        d->count = diags_count;
        d->dropped = diags_dropped;
    }
    nl->im->status = KG_OK;
    return kg_jr_syntax_error(nl);
}

kg_status kg_jr_run(node_link *nl, kg_status (*document)(node_link *nl))
{
    kg_importer *im = nl->im;
    size_t diags_count = im->diags ? im->diags->count : 0;
    size_t diags_dropped = im->diags ? im->diags->dropped : 0;
    kg_status st = document(nl);
    if (st != KG_OK)
        st = syntax_first(nl, st, diags_count, diags_dropped);
    kg_jp_free(&nl->jp);
    free(nl->nested);
    free(nl->name);
    free(nl->source);
    free(nl->target);
    free(nl->key);
    return st;
}

kg_status kg_jr_init(node_link *nl, kg_importer *im, const char *text, size_t len, FILE *file)
{
    memset(nl, 0, sizeof *nl);
    nl->im = im;
    if (!file) {
        kg_jp_init_buffer(&nl->jp, text, len, KG_DEFAULT_MAX_DEPTH);
        return KG_OK;
    }
    if (kg_jp_init_file(&nl->jp, file, KG_DEFAULT_MAX_DEPTH) == KG_OK)
        return KG_OK;
    kg_jp_free(&nl->jp);
    return kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory");
}

static kg_status import(kg_importer *im, const char *text, size_t len, FILE *file)
{
    node_link nl;
    im->creates_missing_nodes = true; /* as networkx.node_link_graph does */
    kg_status st = kg_jr_init(&nl, im, text, len, file);
    return st == KG_OK ? kg_jr_run(&nl, read_document) : st;
}

kg_status kg_node_link_import(kg_importer *im, const char *text, size_t len)
{
    return import(im, text, len, NULL);
}

kg_status kg_node_link_import_file(kg_importer *im, FILE *file)
{
    return import(im, NULL, 0, file);
}
