/* import_graphml_keys.c - the GraphML reader's values: <key>s (type,
 * domain, <default>), found by id in a hash; each <data> typed by its key
 * and handed to the builder; keys' defaults for the values an element
 * lacks; the label found in yEd graphics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_graphml.h"

static kg_status no_memory(gml *g)
{
    return kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
}

static int parse_domain(const char *text)
{
    if (!text || strcmp(text, "all") == 0)
        return GML_FOR_ALL;
    if (strcmp(text, "node") == 0)
        return GML_FOR_NODE;
    if (strcmp(text, "edge") == 0)
        return GML_FOR_EDGE;
    if (strcmp(text, "graph") == 0)
        return GML_FOR_GRAPH;
    return GML_FOR_OTHER; /* port, endpoint, hyperedge, graphml */
}

static void parse_type(gml *g, gml_key *k, const char *text, const kg_imp_where *w)
{
    static const struct {
        const char *name;
        kg_imp_type type;
    } types[] = {{"string", KG_IMP_STRING}, {"boolean", KG_IMP_BOOLEAN}, {"int", KG_IMP_INTEGER},
                 {"long", KG_IMP_INTEGER},  {"float", KG_IMP_REAL},      {"double", KG_IMP_REAL}};
    k->type = KG_IMP_STRING;
    if (!text)
        return;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (strcmp(text, types[i].name) == 0) {
            k->type = types[i].type;
            return;
        }
    }
    kg_imp_warning(g->im, w, "key '%s' has attr.type '%s', which GraphML does not define; "
                             "its values are kept as strings", k->id, text);
}

/* text converted by the key's type: *out is text itself for strings, else
 * canonical text in g->converted; an error at w when it is not of the type. */
static kg_status typed_value(gml *g, const gml_key *k, const char *text, const kg_imp_where *w,
                             const char **out, kg_value_kind *kind)
{
    size_t size = strlen(text) + 128; /* room for the reason on failure */
    gml_buffer *b = &g->converted;
    if (k->type != KG_IMP_STRING && kg_grow((void **)&b->text, &b->capacity, size, 1) != KG_OK)
        return no_memory(g);
    bool is_nonfinite = false;
    if (!kg_imp_convert(text, k->type, b->text, size, kind, &is_nonfinite))
        return kg_imp_error(g->im, KG_EINPUT, w, NULL, "key '%s' (%s): %s", k->id, k->name,
                            b->text);
    if (is_nonfinite)
        kg_imp_warning(g->im, w, "'%s' is not a finite number; kept as the string '%s'", k->name,
                       b->text);
    *out = k->type == KG_IMP_STRING ? text : b->text;
    return KG_OK;
}

/* A new key (id and name copied); NULL when out of memory. */
static gml_key *add_key(gml *g, const char *id, const char *name)
{
    if (kg_grow((void **)&g->keys, &g->key_capacity, g->key_count + 1, sizeof *g->keys) != KG_OK ||
        kg_grow((void **)&g->seen, &g->seen_capacity, g->key_count + 1, sizeof *g->seen) != KG_OK)
        return NULL;
    gml_key *k = &g->keys[g->key_count];
    memset(k, 0, sizeof *k);
    k->id = id ? kg_strdup(id) : NULL;
    k->name = kg_strdup(name && name[0] ? name : id ? id : "");
    if ((id && !k->id) || !k->name) {
        free(k->id);
        free(k->name);
        return NULL;
    }
    k->is_label = strcmp(k->name, "label") == 0;
    k->next = (size_t)-1;
    g->seen[g->key_count] = false; /* an element may be open (undeclared keys) */
    g->key_count++;                /* owned from here, freed with the others */
    return k;
}

kg_status kg_gml_key(gml *g, const kg_imp_where *w)
{
    const char *domain = kg_gml_attribute(g, 0, "for");
    int for_domain = parse_domain(domain);
    const char *id = kg_gml_attribute(g, 1, "id");
    const char *name = kg_gml_attribute(g, 2, "attr.name");
    if (g->st != KG_OK)
        return g->st;
    gml_key *k = add_key(g, id, name);
    if (!k)
        return no_memory(g);
    k->domain = for_domain;
    if (!k->id)
        return kg_imp_error(g->im, KG_EINPUT, w, NULL, "<key> without an id");
    kg_status st = kg_index_map_put(&g->key_ids, k->id, g->key_count - 1, NULL);
    if (st == KG_EINPUT)
        return kg_imp_error(g->im, KG_EINPUT, w, NULL, "key id '%s' is declared twice", k->id);
    if (st != KG_OK)
        return no_memory(g);
    const char *type = kg_gml_attribute(g, 0, "attr.type");
    if (g->st == KG_OK)
        parse_type(g, k, type, w);
    return g->st;
}

kg_status kg_gml_default_end(gml *g, const gml_frame *f)
{
    gml_key *k = &g->keys[g->key_count - 1]; /* the <key> it is in, the last one read */
    if (g->has_elements || k->default_text)
        return KG_OK;
    const char *text;
    kg_status st = typed_value(g, k, g->text.text, &f->where, &text, &k->default_kind);
    if (st == KG_OK && !(k->default_text = kg_strdup(text)))
        st = no_memory(g);
    if (st == KG_OK)
        g->default_count++;
    return st;
}

/* TinkerPop and others use keys they never declare (`<data key="label">`):
 * such a key is taken as a string attribute of every domain, named by its
 * id, with a warning. */
static gml_key *undeclared_key(gml *g, const char *id, const kg_imp_where *w)
{
    gml_key *k = add_key(g, id, id);
    if (!k || kg_index_map_put(&g->key_ids, k->id, g->key_count - 1, NULL) != KG_OK) {
        no_memory(g);
        return NULL;
    }
    k->domain = GML_FOR_ALL;
    kg_imp_warning(g->im, w, "<data> refers to undeclared key '%s'; its values are kept as "
                             "strings named '%s'", id, id);
    return k;
}

kg_status kg_gml_data_begin(gml *g, gml_frame *f, int domain)
{
    f->domain = domain;
    f->key = (size_t)-1;
    const char *id = kg_gml_attribute(g, 0, "key");
    if (g->st != KG_OK)
        return g->st;
    if (!id)
        return kg_imp_error(g->im, KG_EINPUT, &f->where, "give it the id of a <key>",
                            "<data> without a key");
    /* Writers give each element's data in the same key order: the key
     * that followed the previous <data>'s key last time is tried before
     * the hash (a string compare instead of hashing the id). */
    size_t guess = g->last_key < g->key_count ? g->keys[g->last_key].next : (size_t)-1;
    if (guess < g->key_count && g->keys[guess].id && strcmp(g->keys[guess].id, id) == 0)
        f->key = guess;
    else
        f->key = kg_index_map_get(&g->key_ids, id);
    if (f->key == (size_t)-1) {
        if (!undeclared_key(g, id, &f->where))
            return KG_ENOMEM;
        f->key = g->key_count - 1;
    }
    if (g->last_key < g->key_count)
        g->keys[g->last_key].next = f->key;
    g->last_key = f->key;
    return KG_OK;
}

static const char *domain_name(int domain)
{
    return domain == GML_FOR_NODE    ? "node"
           : domain == GML_FOR_EDGE  ? "edge"
           : domain == GML_FOR_GRAPH ? "graph"
                                     : "other";
}

static kg_status graph_value(gml *g, gml_key *k, const char *text, const kg_imp_where *w)
{
    if (!text[0])
        return KG_OK;
    if (strcmp(k->name, "name") == 0 || strcmp(k->name, "title") == 0 ||
        strcmp(k->name, "description") == 0)
        return kg_imp_graph_value(g->im, k->name, text);
    if (strcmp(k->name, "sources") == 0)
        return kg_node_link_sources(g->im, text, w);
    if (!k->is_warned)
        kg_imp_warning(g->im, w, "graph attribute '%s' is not kept: kg graphs have only a name, "
                                 "title, description and sources", k->name);
    k->is_warned = true;
    return KG_OK;
}

/* Trimmed of white space into g->yed_label. */
static bool set_yed_label(gml *g, const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    gml_buffer *b = &g->yed_label;
    if (kg_grow((void **)&b->text, &b->capacity, n + 1, 1) != KG_OK)
        return false;
    memcpy(b->text, s, n);
    b->text[n] = '\0';
    b->len = n;
    g->has_yed_label = true;
    return true;
}

kg_status kg_gml_data_end(gml *g, const gml_frame *f)
{
    gml_key *k = &g->keys[f->key];
    const kg_imp_where *w = &f->where;
    if (!(k->domain & f->domain)) {
        if (!k->is_warned)
            kg_imp_warning(g->im, w, "key '%s' is declared for %s data; its value on a %s is "
                                     "ignored", k->id, domain_name(k->domain),
                           domain_name(f->domain));
        k->is_warned = true;
        return KG_OK;
    }
    g->seen[f->key] = true;
    if (g->has_elements) { /* yEd graphics: a label is all kg takes from them */
        if (!g->has_yed_label && g->label.len > 0 && !set_yed_label(g, g->label.text))
            return no_memory(g);
        return KG_OK;
    }
    if (f->domain == GML_FOR_GRAPH)
        return graph_value(g, k, g->text.text, w);
    const char *text;
    kg_value_kind kind;
    kg_status st = typed_value(g, k, g->text.text, w, &text, &kind);
    if (st == KG_OK)
        st = kg_imp_value(g->im, k->name, text, kind);
    if (k->is_label)
        g->has_label_value = true;
    return st;
}

kg_status kg_gml_begin(gml *g, bool is_edge, const kg_imp_where *w)
{
    if (g->key_count)
        memset(g->seen, 0, g->key_count * sizeof *g->seen);
    g->has_yed_label = false;
    g->has_label_value = false;
    return kg_imp_begin(g->im, is_edge, w);
}

/* Values from keys' defaults for what the element did not give, then the
 * label found in yEd graphics when there is no other (on an edge, dropped
 * when it is the edge's type, unless edge types are taken from labels). */
kg_status kg_gml_end(gml *g, const gml_frame *f)
{
    int domain = f->is_edge ? GML_FOR_EDGE : GML_FOR_NODE;
    kg_status st = KG_OK;
    for (size_t i = 0; g->default_count && i < g->key_count && st == KG_OK; i++) {
        const gml_key *k = &g->keys[i];
        if (g->seen[i] || !k->default_text || !(k->domain & domain))
            continue;
        st = kg_imp_value(g->im, k->name, k->default_text, k->default_kind);
        if (k->is_label)
            g->has_label_value = true;
    }
    /* kg's yEd export labels each edge with its type: that label is
     * derived, not an attribute (as a DOT edge label equal to the type). */
    const char *type_attr = g->im->options.edge_type_attr;
    bool is_type = type_attr && strcmp(type_attr, "label") == 0;
    const char *label = g->yed_label.text;
    /* the builder would drop it as derived: said here without interning
     * the label (the type given, and room for a derived value) */
    const kg_imp_element *e = &g->im->el;
    bool is_the_type = g->has_yed_label && domain == GML_FOR_EDGE && !is_type && e->type &&
                       e->type[0] && e->deferred_count < KG_IMP_DEFERRED_MAX &&
                       strcmp(e->type, label) == 0;
    if (st == KG_OK && g->has_yed_label && label[0] && !g->has_label_value && !is_the_type)
        st = domain == GML_FOR_EDGE && !is_type
                 ? kg_imp_derived(g->im, "label", label, KG_VALUE_STRING, "type")
                 : kg_imp_value(g->im, "label", label, KG_VALUE_STRING);
    /* An edge's id attribute is a soft id (NetworkX writes its multigraph
     * keys there), which matters only when no edge_id value gave the id:
     * set now, so that it is not interned for nothing on every edge. */
    if (st == KG_OK && f->is_edge && f->has_id && !g->im->el.id)
        st = kg_imp_set_soft_id(g->im, f->owner.text);
    return st == KG_OK ? kg_imp_end(g->im) : st;
}

void kg_gml_free(gml *g)
{
    for (size_t i = 0; i < g->key_count; i++) {
        free(g->keys[i].id);
        free(g->keys[i].name);
        free(g->keys[i].default_text);
    }
    free(g->keys);
    free(g->seen);
    kg_index_map_free(&g->key_ids);
    for (size_t i = 0; i < g->frames_used; i++)
        free(g->frames[i].owner.text);
    free(g->frames);
    gml_buffer *buffers[] = {&g->text, &g->label, &g->converted, &g->attr[0], &g->attr[1],
                             &g->attr[2], &g->yed_label};
    for (size_t i = 0; i < sizeof buffers / sizeof buffers[0]; i++)
        free(buffers[i]->text);
}
