/* import_json.c - node-link JSON as NetworkX's node_link_data writes it and
 * kg's JSON exporter too: {"directed", "multigraph", "graph", "nodes",
 * "links" (NetworkX before 3.6, kg) or "edges" (NetworkX 3.6+)}. Values
 * keep their JSON type; kg's list fields (aliases, evidence) are arrays;
 * other arrays and objects are kept as their JSON text. Parsed by jansson
 * with duplicate keys rejected; problems are reported by JSON Pointer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"
#include "json_check.h"
#include "kg/text.h"

typedef struct node_link {
    kg_importer *im;
    kg_json_ctx ctx;
    bool use_keys; /* string link keys are unique: they are the edge ids */
} node_link;

static kg_status fail(node_link *nl, const char *pointer, const char *hint, const char *what)
{
    kg_imp_where w = {0, 0, pointer};
    return kg_imp_error(nl->im, KG_EINPUT, &w, hint, "%s", what);
}

/* A scalar's canonical text into buf (64 bytes) or the string itself;
 * NULL for null, arrays and objects. */
static const char *scalar_text(json_t *v, char *buf, kg_value_kind *kind)
{
    switch (json_typeof(v)) {
    case JSON_STRING: *kind = KG_VALUE_STRING; return json_string_value(v);
    case JSON_INTEGER:
        *kind = KG_VALUE_INTEGER;
        snprintf(buf, 64, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf;
    case JSON_REAL: {
        *kind = KG_VALUE_REAL;
        kg_format_double(json_real_value(v), buf);
        bool is_integer = false;
        if (kg_json_number(buf, &is_integer) && is_integer)
            strcat(buf, ".0"); /* 1.0 stays a real */
        return buf;
    }
    case JSON_TRUE: *kind = KG_VALUE_BOOLEAN; return "true";
    case JSON_FALSE: *kind = KG_VALUE_BOOLEAN; return "false";
    default: return NULL;
    }
}

/* A node id or link end: a string, or an integer as NetworkX allows. */
static const char *id_text(json_t *v, char *buf)
{
    kg_value_kind kind;
    return json_is_string(v) || json_is_integer(v) ? scalar_text(v, buf, &kind) : NULL;
}

static kg_status evidence_value(node_link *nl, json_t *v, const char *pointer)
{
    size_t n = json_is_array(v) ? json_array_size(v) : 1;
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_is_array(v) ? json_array_get(v, i) : v;
        json_t *source = json_object_get(item, "source"), *quote = json_object_get(item, "quote");
        if (!json_is_object(item) || !json_is_string(source) || !json_is_string(quote))
            return fail(nl, pointer, NULL, "evidence must be {\"source\": ..., \"quote\": ...} objects");
        kg_status st = kg_imp_add_evidence(nl->im, json_string_value(source),
                                           json_string_value(quote));
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

static kg_status list_value(node_link *nl, bool is_edge, const char *name, json_t *v,
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

/* Every member of a node or link object but those in skip. */
static kg_status values(node_link *nl, json_t *obj, bool is_edge, const char *pointer,
                        const char *const *skip)
{
    const char *name;
    json_t *v;
    json_object_foreach(obj, name, v) {
        bool is_skipped = false;
        for (const char *const *s = skip; *s && !is_skipped; s++)
            is_skipped = strcmp(name, *s) == 0;
        if (is_skipped || json_is_null(v))
            continue;
        char buf[64], ptr[KG_POINTER_MAX];
        kg_value_kind kind;
        const char *text = scalar_text(v, buf, &kind);
        kg_pointer_key(ptr, pointer, name);
        kg_status st = text ? kg_imp_value(nl->im, name, text, kind)
                            : list_value(nl, is_edge, name, v, ptr);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

static kg_status read_node(node_link *nl, json_t *node, const char *pointer)
{
    static const char *const skip[] = {"id", NULL};
    char buf[64], ptr[KG_POINTER_MAX];
    if (!json_is_object(node))
        return fail(nl, pointer, NULL, "a node must be an object with an \"id\"");
    kg_pointer_key(ptr, pointer, "id");
    const char *id = id_text(json_object_get(node, "id"), buf);
    if (!id)
        return fail(nl, json_object_get(node, "id") ? ptr : pointer, NULL,
                    "a node needs an \"id\" that is a string or an integer");
    kg_imp_where w = {0, 0, pointer};
    kg_status st = kg_imp_begin(nl->im, false, &w);
    if (st == KG_OK)
        st = kg_imp_set_id(nl->im, id);
    if (st == KG_OK)
        st = values(nl, node, false, pointer, skip);
    return st == KG_OK ? kg_imp_end(nl->im) : st;
}

static kg_status read_link(node_link *nl, json_t *link, const char *pointer)
{
    static const char *const skip[] = {"source", "target", "key", NULL};
    char sbuf[64], tbuf[64];
    if (!json_is_object(link))
        return fail(nl, pointer, NULL, "a link must be an object with a \"source\" and \"target\"");
    const char *source = id_text(json_object_get(link, "source"), sbuf);
    const char *target = id_text(json_object_get(link, "target"), tbuf);
    if (!source || !target)
        return fail(nl, pointer, NULL,
                    "a link needs a \"source\" and a \"target\" that are strings or integers");
    kg_imp_where w = {0, 0, pointer};
    kg_status st = kg_imp_begin(nl->im, true, &w);
    if (st == KG_OK)
        st = kg_imp_set_endpoints(nl->im, source, target);
    if (st == KG_OK)
        st = values(nl, link, true, pointer, skip);
    json_t *key = json_object_get(link, "key");
    if (st == KG_OK && nl->use_keys && json_is_string(key) && !nl->im->el.id)
        st = kg_imp_set_id(nl->im, json_string_value(key));
    return st == KG_OK ? kg_imp_end(nl->im) : st;
}

/* String keys become edge ids only when no two links share one: NetworkX
 * keys are unique per node pair, kg's edge ids in the whole graph. */
static bool keys_are_unique(json_t *links)
{
    kg_index_map seen;
    kg_index_map_init(&seen);
    bool is_unique = true;
    for (size_t i = 0; is_unique && i < json_array_size(links); i++) {
        json_t *key = json_object_get(json_array_get(links, i), "key");
        if (json_is_string(key))
            is_unique = kg_index_map_put(&seen, json_string_value(key), i, NULL) == KG_OK;
    }
    kg_index_map_free(&seen);
    return is_unique;
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

static kg_status read_graph(node_link *nl, json_t *graph)
{
    const char *name;
    json_t *v;
    json_object_foreach(graph, name, v) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, "/graph", name);
        kg_imp_where w = {0, 0, ptr};
        kg_status st = KG_OK;
        if (strcmp(name, "sources") == 0)
            st = read_sources(nl->im, v, &w);
        else if (json_is_string(v) && (strcmp(name, "name") == 0 || strcmp(name, "title") == 0 ||
                                       strcmp(name, "description") == 0))
            st = kg_imp_graph_value(nl->im, name, json_string_value(v));
        else
            kg_imp_warning(nl->im, &w, "graph attribute '%s' is not kept: kg graphs have only a "
                                       "name, title, description and sources", name);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

static kg_status read_document(node_link *nl, json_t *root)
{
    if (!json_is_object(root))
        return fail(nl, "", "NetworkX writes it with json.dump(node_link_data(G))",
                    "expected a node-link object with \"nodes\" and \"links\"");
    json_t *nodes = json_object_get(root, "nodes");
    json_t *links = json_object_get(root, "links"), *edges = json_object_get(root, "edges");
    if (!json_is_array(nodes))
        return fail(nl, nodes ? "/nodes" : "", NULL, "expected a \"nodes\" list");
    if (links && edges)
        return fail(nl, "/edges", NULL, "both \"links\" and \"edges\": which are the edges?");
    const char *list_name = edges ? "/edges" : "/links";
    links = edges ? edges : links;
    if (links && !json_is_array(links))
        return fail(nl, list_name, NULL, "expected a list of links");
    json_t *graph = json_object_get(root, "graph");
    kg_status st = json_is_object(graph) ? read_graph(nl, graph) : KG_OK;
    char ptr[KG_POINTER_MAX];
    for (size_t i = 0; st == KG_OK && i < json_array_size(nodes); i++) {
        kg_pointer_index(ptr, "/nodes", i);
        st = read_node(nl, json_array_get(nodes, i), ptr);
    }
    nl->use_keys = keys_are_unique(links);
    for (size_t i = 0; st == KG_OK && i < json_array_size(links); i++) {
        kg_pointer_index(ptr, list_name, i);
        st = read_link(nl, json_array_get(links, i), ptr);
    }
    return st;
}

kg_status kg_node_link_import(kg_importer *im, const char *text, size_t len)
{
    node_link nl = {im, {0}, false};
    kg_json_ctx_init(&nl.ctx, im->name, im->diags);
    im->creates_missing_nodes = true; /* as networkx.node_link_graph does */
    json_t *root = kg_json_parse(&nl.ctx, text, len);
    if (!root) {
        if (im->status == KG_OK)
            im->status = nl.ctx.first;
        return nl.ctx.first;
    }
    kg_status st = read_document(&nl, root);
    json_decref(root);
    return st;
}
