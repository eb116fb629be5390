/* import_graphml.c - GraphML through libxml2's streaming reader, so a large
 * file is never held as a tree and every element has a line:column.
 * Safety: no network (XML_PARSE_NONET), no DTD loading, no entity
 * substitution (documents that declare entities are refused, so nothing can
 * expand), libxml2's default size and depth limits (no XML_PARSE_HUGE), and
 * kg's own byte limit before parsing when one is set. A file is read in
 * chunks (kg_graphml_import_file), never held whole.
 *
 * <key>s give each value its type (attr.type) and a <default> for elements
 * without one. yEd's graphics data (y:ShapeNode, y:PolyLineEdge, yFiles
 * for HTML's x:List ...) are not values: they are skipped, but a node label
 * found in them becomes the node's label. A graph nested in a node (yEd
 * groups) is flattened into the top graph, with a warning. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "import_internal.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

enum domain { FOR_GRAPH = 1, FOR_NODE = 2, FOR_EDGE = 4, FOR_ALL = 7, FOR_OTHER = 8 };

typedef struct gml_key {
    char *id, *name;
    int domain;
    kg_imp_type type;
    char *default_text; /* canonical, or NULL */
    kg_value_kind default_kind;
    bool is_warned;
} gml_key;

typedef struct buffer {
    char *text;
    size_t len, capacity;
} buffer;

typedef struct gml {
    kg_importer *im;
    xmlTextReaderPtr reader;
    gml_key *keys;
    size_t key_count, key_capacity;
    bool *seen; /* per key: the current element has a value */
    size_t seen_capacity;
    buffer text, label;
    char *yed_label; /* first label found in the element's graphics */
    int xml_line, xml_column;
    char xml_message[KG_ERROR_TEXT_MAX];
    bool has_xml_error, has_graph, has_label_value, is_port_warned;
} gml;

/* ---- reading ------------------------------------------------------------ */

static void on_xml_error(void *arg, xmlErrorPtr error)
{
    gml *g = arg;
    if (g->has_xml_error || !error || error->level < XML_ERR_ERROR)
        return;
    g->has_xml_error = true;
    g->xml_line = error->line;
    g->xml_column = error->int2;
    snprintf(g->xml_message, sizeof g->xml_message, "%s", error->message ? error->message : "");
    size_t n = strlen(g->xml_message);
    while (n > 0 && (g->xml_message[n - 1] == '\n' || g->xml_message[n - 1] == ' '))
        g->xml_message[--n] = '\0';
}

static void ignore_message(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

static kg_imp_where here(const gml *g)
{
    return (kg_imp_where){xmlTextReaderGetParserLineNumber(g->reader),
                          xmlTextReaderGetParserColumnNumber(g->reader), NULL};
}

static kg_status xml_failure(gml *g)
{
    kg_imp_where w = {g->xml_line, g->xml_column, NULL};
    if (w.line <= 0) /* encoding errors come without a position */
        w = (kg_imp_where){1, 1, NULL};
    if (g->has_xml_error)
        return kg_imp_error(g->im, KG_EINPUT, &w, NULL, "XML error: %s", g->xml_message);
    w = here(g);
    return kg_imp_error(g->im, KG_EINPUT, &w, NULL, "XML error: unexpected end of the document");
}

/* Next node; KG_EINPUT at a parse error or an unexpected end. */
static kg_status step(gml *g)
{
    int rc = xmlTextReaderRead(g->reader);
    if (rc != 1)
        return xml_failure(g);
    if (xmlTextReaderNodeType(g->reader) == XML_READER_TYPE_ENTITY_REFERENCE) {
        kg_imp_where w = here(g);
        return kg_imp_error(g->im, KG_EINPUT, &w, "kg reads GraphML without DTD processing",
                            "entity reference '&%s;' is not supported",
                            (const char *)xmlTextReaderConstLocalName(g->reader));
    }
    return KG_OK;
}

static int node_type(const gml *g) { return xmlTextReaderNodeType(g->reader); }
static int depth(const gml *g) { return xmlTextReaderDepth(g->reader); }

/* True when the current node ends the element opened at depth d. */
static bool is_end(const gml *g, int d)
{
    return node_type(g) == XML_READER_TYPE_END_ELEMENT && depth(g) == d;
}

/* The current element is a GraphML element named name. */
static bool is_element(const gml *g, const char *name)
{
    const char *ns = (const char *)xmlTextReaderConstNamespaceUri(g->reader);
    const char *local = (const char *)xmlTextReaderConstLocalName(g->reader);
    return node_type(g) == XML_READER_TYPE_ELEMENT && (!ns || strcmp(ns, GRAPHML_NS) == 0) &&
           local && strcmp(local, name) == 0;
}

/* Attribute of the current element, malloc'd, or NULL (also when out of
 * memory: callers then report it missing, and the next allocation fails). */
static char *attribute(const gml *g, const char *name)
{
    xmlChar *value = xmlTextReaderGetAttribute(g->reader, (const xmlChar *)name);
    char *copy = value ? kg_strdup((const char *)value) : NULL;
    xmlFree(value);
    return copy;
}

/* Reads past the end of the current element. */
static kg_status skip(gml *g)
{
    if (xmlTextReaderIsEmptyElement(g->reader))
        return KG_OK;
    int d = depth(g);
    kg_status st;
    while ((st = step(g)) == KG_OK && !is_end(g, d)) {
    }
    return st;
}

static bool append(buffer *b, const char *s)
{
    size_t n = strlen(s);
    if (kg_grow((void **)&b->text, &b->capacity, b->len + n + 1, 1) != KG_OK)
        return false;
    memcpy(b->text + b->len, s, n + 1);
    b->len += n;
    return true;
}

static bool is_label_element(const gml *g)
{
    const char *local = (const char *)xmlTextReaderConstLocalName(g->reader);
    return node_type(g) == XML_READER_TYPE_ELEMENT && local &&
           (strcmp(local, "NodeLabel") == 0 || strcmp(local, "EdgeLabel") == 0 ||
            strcmp(local, "Label.Text") == 0);
}

/* The text of the current element (text and CDATA, comments ignored) in
 * g->text; *has_elements when it also holds elements (yEd graphics), whose
 * first label text goes to g->label. */
static kg_status read_content(gml *g, bool *has_elements)
{
    g->text.len = g->label.len = 0;
    *has_elements = false;
    if (!append(&g->text, "") || !append(&g->label, ""))
        return kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
    if (xmlTextReaderIsEmptyElement(g->reader))
        return KG_OK;
    int d = depth(g), label_depth = -1;
    bool has_label = false;
    kg_status st;
    while ((st = step(g)) == KG_OK && !is_end(g, d)) {
        int t = node_type(g);
        bool is_text = t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
                       t == XML_READER_TYPE_WHITESPACE ||
                       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
        const char *value = is_text ? (const char *)xmlTextReaderConstValue(g->reader) : NULL;
        if (t == XML_READER_TYPE_ELEMENT) {
            *has_elements = true;
            if (!has_label && label_depth < 0 && is_label_element(g) &&
                !xmlTextReaderIsEmptyElement(g->reader))
                label_depth = depth(g);
        } else if (t == XML_READER_TYPE_END_ELEMENT && depth(g) == label_depth) {
            label_depth = -1;
            has_label = g->label.len > 0;
        } else if (value && depth(g) == d + 1 && !append(&g->text, value)) {
            return kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
        } else if (value && label_depth >= 0 && depth(g) == label_depth + 1 &&
                   !append(&g->label, value)) {
            return kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
        }
    }
    return st;
}

static char *trimmed(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    return kg_strndup(s, n);
}

/* ---- keys --------------------------------------------------------------- */

static int parse_domain(const char *text)
{
    if (!text || strcmp(text, "all") == 0)
        return FOR_ALL;
    if (strcmp(text, "node") == 0)
        return FOR_NODE;
    if (strcmp(text, "edge") == 0)
        return FOR_EDGE;
    if (strcmp(text, "graph") == 0)
        return FOR_GRAPH;
    return FOR_OTHER; /* port, endpoint, hyperedge, graphml */
}

static kg_status parse_type(gml *g, gml_key *k, const char *text, const kg_imp_where *w)
{
    static const struct {
        const char *name;
        kg_imp_type type;
    } types[] = {{"string", KG_IMP_STRING}, {"boolean", KG_IMP_BOOLEAN}, {"int", KG_IMP_INTEGER},
                 {"long", KG_IMP_INTEGER},  {"float", KG_IMP_REAL},      {"double", KG_IMP_REAL}};
    k->type = KG_IMP_STRING;
    if (!text)
        return KG_OK;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (strcmp(text, types[i].name) == 0) {
            k->type = types[i].type;
            return KG_OK;
        }
    }
    kg_imp_warning(g->im, w, "key '%s' has attr.type '%s', which GraphML does not define; "
                             "its values are kept as strings", k->id, text);
    return KG_OK;
}

/* Converts text by the key's type into g->text's buffer; error at w. */
static kg_status typed_value(gml *g, const gml_key *k, const char *text, const kg_imp_where *w,
                             char **out, kg_value_kind *kind)
{
    size_t size = strlen(text) + 128; /* room for the reason on failure */
    char *converted = malloc(size);
    if (!converted)
        return kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
    bool is_nonfinite = false;
    if (!kg_imp_convert(text, k->type, converted, size, kind, &is_nonfinite)) {
        kg_status st = kg_imp_error(g->im, KG_EINPUT, w, NULL, "key '%s' (%s): %s", k->id,
                                    k->name, converted);
        free(converted);
        return st;
    }
    if (is_nonfinite)
        kg_imp_warning(g->im, w, "'%s' is not a finite number; kept as the string '%s'", k->name,
                       converted);
    if (k->type == KG_IMP_STRING) {
        free(converted);
        converted = kg_strdup(text);
        if (!converted)
            return kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
    }
    *out = converted;
    return KG_OK;
}

static kg_status parse_key(gml *g)
{
    kg_imp_where w = here(g);
    if (kg_grow((void **)&g->keys, &g->key_capacity, g->key_count + 1, sizeof *g->keys) != KG_OK)
        return kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
    gml_key *k = &g->keys[g->key_count];
    memset(k, 0, sizeof *k);
    char *domain = attribute(g, "for"), *type = attribute(g, "attr.type");
    k->id = attribute(g, "id");
    k->name = attribute(g, "attr.name");
    k->domain = parse_domain(domain);
    g->key_count++; /* owned from here, freed with the others */
    kg_status st = KG_OK;
    if (!k->id)
        st = kg_imp_error(g->im, KG_EINPUT, &w, NULL, "<key> without an id");
    for (size_t i = 0; st == KG_OK && i + 1 < g->key_count; i++)
        if (strcmp(g->keys[i].id, k->id) == 0)
            st = kg_imp_error(g->im, KG_EINPUT, &w, NULL, "key id '%s' is declared twice", k->id);
    if (st == KG_OK && (!k->name || !k->name[0])) {
        free(k->name);
        k->name = kg_strdup(k->id);
        if (!k->name)
            st = kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
    }
    if (st == KG_OK)
        st = parse_type(g, k, type, &w);
    free(domain);
    free(type);
    if (st != KG_OK || xmlTextReaderIsEmptyElement(g->reader))
        return st;
    int d = depth(g);
    while ((st = step(g)) == KG_OK && !is_end(g, d)) {
        if (!is_element(g, "default") || depth(g) != d + 1)
            continue;
        kg_imp_where dw = here(g);
        bool has_elements;
        st = read_content(g, &has_elements);
        if (st == KG_OK && !has_elements && !k->default_text)
            st = typed_value(g, k, g->text.text, &dw, &k->default_text,
                             &k->default_kind);
        if (st != KG_OK)
            break;
    }
    return st;
}

static gml_key *find_key(gml *g, const char *id)
{
    for (size_t i = 0; i < g->key_count; i++)
        if (strcmp(g->keys[i].id, id) == 0)
            return &g->keys[i];
    return NULL;
}

static kg_status reset_seen_keep(gml *g);

/* ---- values ------------------------------------------------------------- */

static void warn_graph_value(gml *g, gml_key *k, const kg_imp_where *w)
{
    if (k->is_warned)
        return;
    k->is_warned = true;
    kg_imp_warning(g->im, w, "graph attribute '%s' is not kept: kg graphs have only a name, "
                             "title, description and sources", k->name);
}

static kg_status graph_value(gml *g, gml_key *k, const char *text, const kg_imp_where *w)
{
    if (!text[0])
        return KG_OK;
    if (strcmp(k->name, "name") == 0 || strcmp(k->name, "title") == 0 ||
        strcmp(k->name, "description") == 0)
        return kg_imp_graph_value(g->im, k->name, text);
    if (strcmp(k->name, "sources") != 0) {
        warn_graph_value(g, k, w);
        return KG_OK;
    }
    return kg_node_link_sources(g->im, text, w);
}

/* TinkerPop and others use keys they never declare (`<data key="label">`):
 * such a key is taken as a string attribute of every domain, named by its
 * id, with a warning. */
static gml_key *undeclared_key(gml *g, const char *id, const kg_imp_where *w)
{
    if (kg_grow((void **)&g->keys, &g->key_capacity, g->key_count + 1, sizeof *g->keys) != KG_OK ||
        reset_seen_keep(g) != KG_OK) {
        kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
        return NULL;
    }
    gml_key *k = &g->keys[g->key_count];
    memset(k, 0, sizeof *k);
    k->id = kg_strdup(id);
    k->name = kg_strdup(id);
    k->domain = FOR_ALL;
    if (!k->id || !k->name) {
        free(k->id);
        free(k->name);
        kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
        return NULL;
    }
    g->key_count++;
    kg_imp_warning(g->im, w, "<data> refers to undeclared key '%s'; its values are kept as "
                             "strings named '%s'", id, id);
    return k;
}

/* A <data> of the element being built (domain FOR_NODE or FOR_EDGE), or of
 * the graph (FOR_GRAPH). */
static kg_status parse_data(gml *g, int domain)
{
    kg_imp_where w = here(g);
    char *key_id = attribute(g, "key");
    gml_key *k = key_id ? find_key(g, key_id) : NULL;
    kg_status st = KG_OK;
    if (!key_id)
        st = kg_imp_error(g->im, KG_EINPUT, &w, "give it the id of a <key>", "<data> without a key");
    else if (!k)
        k = undeclared_key(g, key_id, &w);
    if (st == KG_OK && !k)
        st = KG_ENOMEM;
    free(key_id);
    bool has_elements = false;
    if (st == KG_OK)
        st = read_content(g, &has_elements);
    if (st != KG_OK)
        return st;
    if (!(k->domain & domain)) {
        if (!k->is_warned)
            kg_imp_warning(g->im, &w, "key '%s' is declared for %s data; its value on a %s is "
                                      "ignored", k->id, k->domain == FOR_NODE ? "node"
                                      : k->domain == FOR_EDGE ? "edge" : k->domain == FOR_GRAPH ? "graph" : "other",
                           domain == FOR_NODE ? "node" : domain == FOR_EDGE ? "edge" : "graph");
        k->is_warned = true;
        return KG_OK;
    }
    g->seen[k - g->keys] = true;
    if (has_elements) { /* yEd graphics: a label is all kg takes from them */
        if (!g->yed_label && g->label.len > 0 && !(g->yed_label = trimmed(g->label.text)))
            return kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
        return KG_OK;
    }
    if (domain == FOR_GRAPH)
        return graph_value(g, k, g->text.text, &w);
    char *text = NULL;
    kg_value_kind kind;
    st = typed_value(g, k, g->text.text, &w, &text, &kind);
    if (st == KG_OK)
        st = kg_imp_value(g->im, k->name, text, kind);
    if (strcmp(k->name, "label") == 0)
        g->has_label_value = true;
    free(text);
    return st;
}

/* Values from keys' defaults for what the element did not give, then the
 * label found in yEd graphics when there is no other (on an edge, dropped
 * when it is the edge's type, unless edge types are taken from labels). */
static kg_status apply_defaults(gml *g, int domain, const char *yed_label)
{
    kg_status st = KG_OK;
    for (size_t i = 0; i < g->key_count && st == KG_OK; i++) {
        const gml_key *k = &g->keys[i];
        if (g->seen[i] || !k->default_text || !(k->domain & domain))
            continue;
        st = kg_imp_value(g->im, k->name, k->default_text, k->default_kind);
        if (strcmp(k->name, "label") == 0)
            g->has_label_value = true;
    }
    /* kg's yEd export labels each edge with its type: that label is
     * derived, not an attribute (as a DOT edge label equal to the type). */
    const char *type_attr = g->im->options.edge_type_attr;
    bool is_type = type_attr && strcmp(type_attr, "label") == 0;
    if (st == KG_OK && yed_label && yed_label[0] && !g->has_label_value)
        st = domain == FOR_EDGE && !is_type
                 ? kg_imp_derived(g->im, "label", yed_label, KG_VALUE_STRING, "type")
                 : kg_imp_value(g->im, "label", yed_label, KG_VALUE_STRING);
    return st;
}

/* ---- elements ------------------------------------------------------------ */

static kg_status parse_graph(gml *g, bool is_top);

/* Grows `seen` for a key added while an element is open, keeping it. */
static kg_status reset_seen_keep(gml *g)
{
    size_t old = g->seen_capacity;
    if (kg_grow((void **)&g->seen, &g->seen_capacity, g->key_count + 2, sizeof *g->seen) != KG_OK)
        return KG_ENOMEM;
    memset(g->seen + old, 0, (g->seen_capacity - old) * sizeof *g->seen);
    return KG_OK;
}

static kg_status reset_seen(gml *g)
{
    if (kg_grow((void **)&g->seen, &g->seen_capacity, g->key_count + 1, sizeof *g->seen) != KG_OK)
        return kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
    memset(g->seen, 0, (g->key_count + 1) * sizeof *g->seen);
    return KG_OK;
}

/* Starts an element: no key seen, no yEd label yet. */
static kg_status begin(gml *g, bool is_edge, const kg_imp_where *w)
{
    if (reset_seen(g) != KG_OK)
        return KG_ENOMEM;
    free(g->yed_label);
    g->yed_label = NULL;
    g->has_label_value = false;
    return kg_imp_begin(g->im, is_edge, w);
}

static kg_status end(gml *g, int domain)
{
    kg_status st = apply_defaults(g, domain, g->yed_label);
    return st == KG_OK ? kg_imp_end(g->im) : st;
}

/* A graph inside a node or edge: its nodes and edges join the top graph. */
static kg_status flatten(gml *g, const char *owner)
{
    kg_imp_where w = here(g);
    kg_imp_warning(g->im, &w, "graph nested in '%s' flattened: its nodes and edges are added "
                              "to the top graph, the nesting is not kept", owner);
    return parse_graph(g, false);
}

/* <node> or <edge>: data, then perhaps a nested graph; ports ignored. */
static kg_status parse_element(gml *g, bool is_edge)
{
    kg_imp_where w = here(g);
    char *id = attribute(g, "id");
    char *source = is_edge ? attribute(g, "source") : NULL;
    char *target = is_edge ? attribute(g, "target") : NULL;
    char *owner = kg_strdup(id ? id : "");
    kg_status st = owner ? begin(g, is_edge, &w) : kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
    if (st == KG_OK && !is_edge && !id)
        st = kg_imp_error(g->im, KG_EINPUT, &w, NULL, "<node> without an id");
    if (st == KG_OK && is_edge && (!source || !target))
        st = kg_imp_error(g->im, KG_EINPUT, &w, NULL, "<edge> without a source and a target");
    if (st == KG_OK && id)
        st = is_edge ? kg_imp_set_soft_id(g->im, id) : kg_imp_set_id(g->im, id);
    if (st == KG_OK && is_edge)
        st = kg_imp_set_endpoints(g->im, source, target);
    free(id);
    free(source);
    free(target);
    bool is_open = true;
    int d = depth(g), domain = is_edge ? FOR_EDGE : FOR_NODE;
    if (st == KG_OK && !xmlTextReaderIsEmptyElement(g->reader)) {
        while ((st = step(g)) == KG_OK && !is_end(g, d)) {
            if (node_type(g) != XML_READER_TYPE_ELEMENT || depth(g) != d + 1)
                continue;
            if (is_open && is_element(g, "data")) {
                st = parse_data(g, domain);
            } else if (is_element(g, "graph")) {
                if (is_open && (st = end(g, domain)) != KG_OK)
                    break;
                is_open = false;
                st = flatten(g, owner);
            } else {
                if (is_element(g, "port") && !g->is_port_warned) {
                    kg_imp_where pw = here(g);
                    kg_imp_warning(g->im, &pw, "ports are not kept");
                    g->is_port_warned = true;
                }
                st = skip(g);
            }
            if (st != KG_OK)
                break;
        }
    }
    if (st == KG_OK && is_open)
        st = end(g, domain);
    free(owner);
    return st;
}

static kg_status parse_graph(gml *g, bool is_top)
{
    char *id = attribute(g, "id");
    kg_status st = KG_OK;
    if (is_top && id)
        st = kg_imp_graph_value(g->im, "name", id);
    free(id);
    if (st != KG_OK || xmlTextReaderIsEmptyElement(g->reader))
        return st;
    if ((st = reset_seen(g)) != KG_OK)
        return st;
    int d = depth(g);
    while ((st = step(g)) == KG_OK && !is_end(g, d)) {
        if (node_type(g) != XML_READER_TYPE_ELEMENT || depth(g) != d + 1)
            continue;
        if (is_element(g, "node") || is_element(g, "edge"))
            st = parse_element(g, is_element(g, "edge"));
        else if (is_element(g, "data") && is_top)
            st = parse_data(g, FOR_GRAPH);
        else if (is_element(g, "hyperedge")) {
            kg_imp_where hw = here(g);
            st = kg_imp_error(g->im, KG_EINPUT, &hw, "split it into edges",
                              "hyperedges are not supported");
        } else
            st = skip(g);
        if (st != KG_OK)
            break;
    }
    return st;
}

/* The document must declare no entities: references to them would be
 * expanded when attribute values are read. */
static kg_status check_doctype(gml *g)
{
    /* (xmlTextReaderCurrentDoc would take the document from the reader.) */
    xmlNodePtr node = xmlTextReaderCurrentNode(g->reader);
    xmlDtdPtr dtd = node && node->type == XML_DTD_NODE ? (xmlDtdPtr)node : NULL;
    if (dtd && (dtd->entities || dtd->pentities)) {
        kg_imp_where w = here(g);
        return kg_imp_error(g->im, KG_EINPUT, &w, "kg reads GraphML without DTD processing",
                            "the document declares entities, which kg does not expand");
    }
    return KG_OK;
}

static kg_status parse_root(gml *g)
{
    kg_status st;
    while ((st = step(g)) == KG_OK && node_type(g) != XML_READER_TYPE_ELEMENT)
        if (node_type(g) == XML_READER_TYPE_DOCUMENT_TYPE && (st = check_doctype(g)) != KG_OK)
            return st;
    if (st != KG_OK)
        return st;
    if (!is_element(g, "graphml")) {
        kg_imp_where w = here(g);
        return kg_imp_error(g->im, KG_EINPUT, &w, NULL, "not GraphML: the root element is <%s>",
                            (const char *)xmlTextReaderConstName(g->reader));
    }
    if (xmlTextReaderIsEmptyElement(g->reader))
        return kg_imp_error(g->im, KG_EINPUT, NULL, NULL, "the document has no <graph>");
    int d = depth(g);
    while ((st = step(g)) == KG_OK && !is_end(g, d)) {
        if (node_type(g) != XML_READER_TYPE_ELEMENT || depth(g) != d + 1)
            continue;
        kg_imp_where w = here(g);
        if (is_element(g, "key"))
            st = parse_key(g);
        else if (is_element(g, "graph") && g->has_graph) {
            kg_imp_warning(g->im, &w, "a second <graph> is skipped: kg imports the first graph "
                                      "of a file");
            st = skip(g);
        }
        else if (is_element(g, "graph")) {
            g->has_graph = true;
            st = parse_graph(g, true);
        } else
            st = skip(g);
        if (st != KG_OK)
            return st;
    }
    if (st == KG_OK && !g->has_graph)
        st = kg_imp_error(g->im, KG_EINPUT, NULL, NULL, "the document has no <graph>");
    return st;
}

static int read_file(void *file, char *out, int len)
{
    size_t n = fread(out, 1, (size_t)len, file);
    return n == 0 && ferror((FILE *)file) ? -1 : (int)n;
}

/* Reads the document from reader (NULL when it could not be made), then
 * frees it. */
static kg_status run(kg_importer *im, gml *g)
{
    kg_status st = g->reader ? KG_OK : kg_imp_error(im, KG_ENOMEM, NULL, NULL,
                                                    "cannot start the XML reader");
    if (st == KG_OK) {
        xmlTextReaderSetStructuredErrorHandler(g->reader, on_xml_error, g);
        st = parse_root(g);
    }
    while (st == KG_OK && xmlTextReaderRead(g->reader) == 1) {
    } /* the rest must be well-formed too */
    if (st == KG_OK && g->has_xml_error)
        st = xml_failure(g);
    xmlFreeTextReader(g->reader);
    for (size_t i = 0; i < g->key_count; i++) {
        free(g->keys[i].id);
        free(g->keys[i].name);
        free(g->keys[i].default_text);
    }
    free(g->keys);
    free(g->seen);
    free(g->text.text);
    free(g->label.text);
    free(g->yed_label);
    return st;
}

#define READER_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES)

/* Errors raised outside the parser context (encoding, I/O) go to libxml2's
 * global handlers, which print: they are caught while parsing. */
typedef struct handlers {
    xmlGenericErrorFunc generic;
    void *generic_ctx;
    xmlStructuredErrorFunc structured;
    void *structured_ctx;
} handlers;

static handlers catch_errors(gml *g)
{
    handlers h = {xmlGenericError, xmlGenericErrorContext, xmlStructuredError,
                  xmlStructuredErrorContext};
    xmlSetGenericErrorFunc(g, ignore_message);
    xmlSetStructuredErrorFunc(g, on_xml_error);
    return h;
}

static void restore_errors(const handlers *h)
{
    xmlSetGenericErrorFunc(h->generic_ctx, h->generic);
    xmlSetStructuredErrorFunc(h->structured_ctx, h->structured);
}

kg_status kg_graphml_import(kg_importer *im, const char *text, size_t len)
{
    gml g;
    memset(&g, 0, sizeof g);
    g.im = im;
    if (len > (size_t)INT32_MAX)
        return kg_imp_error(im, KG_ELIMIT, NULL, NULL, "GraphML input over 2 GiB");
    if (len == 0)
        return kg_imp_error(im, KG_EINPUT, &(kg_imp_where){1, 1, NULL}, NULL,
                            "empty file: expected GraphML");
    handlers h = catch_errors(&g);
    g.reader = xmlReaderForMemory(text, (int)len, im->name, NULL, READER_OPTIONS);
    kg_status st = run(im, &g);
    restore_errors(&h);
    return st;
}

/* The same from an open file, which libxml2 reads in chunks: the document
 * is never held, so there is no size limit but the node and edge ones. */
kg_status kg_graphml_import_file(kg_importer *im, FILE *file)
{
    gml g;
    memset(&g, 0, sizeof g);
    g.im = im;
    int c = fgetc(file);
    if (c == EOF)
        return kg_imp_error(im, KG_EINPUT, &(kg_imp_where){1, 1, NULL}, NULL,
                            "empty file: expected GraphML");
    ungetc(c, file);
    handlers h = catch_errors(&g);
    g.reader = xmlReaderForIO(read_file, NULL, file, im->name, NULL, READER_OPTIONS);
    kg_status st = run(im, &g);
    restore_errors(&h);
    return st;
}
