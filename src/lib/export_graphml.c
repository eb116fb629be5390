/* export_graphml.c - GraphML with a typed <key> for every attribute, since
 * Gephi and yEd ignore undeclared data and NetworkX and igraph convert
 * values by attr.type. Edge ids are written twice: as the <edge id> that
 * GraphML defines (NetworkX uses it as the multigraph key) and as an
 * `edge_id` data value, because igraph's reader drops the XML id.
 *
 * Fixed keys have readable ids (node_type, edge_quote...); free attributes
 * get node_attrN / edge_attrN in name order, as names may hold characters
 * an XML NMTOKEN cannot. A free attribute whose values mix kinds is declared
 * double when they are all numbers, string otherwise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"

typedef struct attr_key {
    const char *name; /* the attribute's own key */
    kg_value_kind kind;
} attr_key;

typedef struct key_table {
    attr_key *keys;
    size_t count;
} key_table;

static const char *const node_fields[] = {"label", "type", "description", "aliases",
                                          "start", "end", "evidence", "quote", NULL};
static const char *const edge_fields[] = {"edge_id", "type", "start", "end",
                                          "evidence", "quote", NULL};

static int compare_keys(const void *a, const void *b)
{
    const attr_key *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (int)x->kind - (int)y->kind;
}

static kg_value_kind merge_kinds(kg_value_kind a, kg_value_kind b)
{
    if (a == b)
        return a;
    bool both_numbers = (a == KG_VALUE_INTEGER || a == KG_VALUE_REAL) &&
                        (b == KG_VALUE_INTEGER || b == KG_VALUE_REAL);
    return both_numbers ? KG_VALUE_REAL : KG_VALUE_STRING;
}

/* Sorts and merges the collected (name, kind) pairs in place. */
static void unique_keys(key_table *t)
{
    qsort(t->keys, t->count, sizeof *t->keys, compare_keys);
    size_t out = 0;
    for (size_t i = 0; i < t->count; i++) {
        if (out > 0 && strcmp(t->keys[out - 1].name, t->keys[i].name) == 0)
            t->keys[out - 1].kind = merge_kinds(t->keys[out - 1].kind, t->keys[i].kind);
        else
            t->keys[out++] = t->keys[i];
    }
    t->count = out;
}

/* Attribute keys are interned by the graph and outlive the table. */
static kg_status collect_keys(const kg_graph *g, bool for_nodes, key_table *t)
{
    size_t total = 0, n = for_nodes ? kg_graph_node_count(g) : kg_graph_edge_count(g);
    for (size_t i = 0; i < n; i++)
        total += for_nodes ? kg_graph_node(g, i)->attr_count : kg_graph_edge(g, i)->attr_count;
    t->keys = malloc((total + 1) * sizeof *t->keys);
    t->count = 0;
    if (!t->keys)
        return KG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const kg_attr *attrs = for_nodes ? kg_graph_node(g, i)->attrs : kg_graph_edge(g, i)->attrs;
        uint32_t count = for_nodes ? kg_graph_node(g, i)->attr_count
                                   : kg_graph_edge(g, i)->attr_count;
        for (uint32_t j = 0; j < count; j++)
            t->keys[t->count++] = (attr_key){attrs[j].key, attrs[j].kind};
    }
    unique_keys(t);
    return KG_OK;
}

static size_t find_key(const key_table *t, const char *name)
{
    size_t lo = 0, hi = t->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->keys[mid].name, name);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return KG_SCHEMA_NOT_FOUND;
}

static const char *graphml_type(kg_value_kind kind)
{
    switch (kind) {
    case KG_VALUE_INTEGER: return "long";
    case KG_VALUE_REAL: return "double";
    case KG_VALUE_BOOLEAN: return "boolean";
    default: return "string";
    }
}

static void declare_key(kg_writer *w, const char *id, const char *domain,
                        const char *name, const char *type)
{
    kg_writer_printf(w, "  <key id=\"%s\" for=\"%s\" attr.name=\"", id, domain);
    kg_write_xml_text(w, name);
    kg_writer_printf(w, "\" attr.type=\"%s\"/>\n", type);
}

static void declare_keys(kg_writer *w, const key_table *nodes, const key_table *edges)
{
    static const char *const graph_fields[] = {"name", "title", "description", "sources", NULL};
    char id[64], buf[256];
    for (const char *const *f = graph_fields; *f; f++) {
        snprintf(id, sizeof id, "graph_%s", *f);
        declare_key(w, id, "graph", *f, "string");
    }
    for (const char *const *f = node_fields; *f; f++) {
        snprintf(id, sizeof id, "node_%s", *f);
        declare_key(w, id, "node", *f, "string");
    }
    for (size_t i = 0; i < nodes->count; i++) {
        snprintf(id, sizeof id, "node_attr%zu", i);
        declare_key(w, id, "node", kg_export_attr_name(nodes->keys[i].name, buf, sizeof buf),
                    graphml_type(nodes->keys[i].kind));
    }
    for (const char *const *f = edge_fields; *f; f++) {
        snprintf(id, sizeof id, "edge_%s", *f);
        declare_key(w, id, "edge", *f, "string");
    }
    for (size_t i = 0; i < edges->count; i++) {
        snprintf(id, sizeof id, "edge_attr%zu", i);
        declare_key(w, id, "edge", kg_export_attr_name(edges->keys[i].name, buf, sizeof buf),
                    graphml_type(edges->keys[i].kind));
    }
}

/* <data key="KEY">text</data>; nothing for NULL or "". */
static void data(kg_writer *w, const char *indent, const char *key, const char *text)
{
    if (!text || !text[0])
        return;
    kg_writer_printf(w, "%s<data key=\"%s\">", indent, key);
    kg_write_xml_text(w, text);
    kg_writer_puts(w, "</data>\n");
}

/* Same for a malloc'd value, which it frees; false when value is NULL. */
static bool data_owned(kg_writer *w, const char *indent, const char *key, char *text)
{
    if (!text)
        return false;
    data(w, indent, key, text);
    free(text);
    return true;
}

static void data_dates(kg_writer *w, const char *domain, kg_date start, kg_date end)
{
    char key[32], text[11];
    snprintf(key, sizeof key, "%s_start", domain);
    data(w, "      ", key, kg_date_format(start, text));
    snprintf(key, sizeof key, "%s_end", domain);
    data(w, "      ", key, kg_date_format(end, text));
}

static void data_attrs(kg_writer *w, const char *domain, const key_table *t,
                       const kg_attr *attrs, uint32_t count)
{
    char key[64];
    for (uint32_t i = 0; i < count; i++) {
        size_t k = find_key(t, attrs[i].key);
        snprintf(key, sizeof key, "%s_attr%zu", domain, k);
        data(w, "      ", key, attrs[i].text);
    }
}

static bool data_evidence(kg_writer *w, const char *domain, const kg_evidence *ev,
                          uint32_t count)
{
    char key[32];
    snprintf(key, sizeof key, "%s_evidence", domain);
    if (!data_owned(w, "      ", key, kg_export_evidence_json(ev, count)))
        return false;
    snprintf(key, sizeof key, "%s_quote", domain);
    return data_owned(w, "      ", key, kg_export_quotes_text(ev, count));
}

static bool write_node(kg_writer *w, const key_table *t, const kg_node *n)
{
    kg_writer_puts(w, "    <node id=\"");
    kg_write_xml_text(w, n->id);
    kg_writer_puts(w, "\">\n");
    data(w, "      ", "node_label", n->label);
    data(w, "      ", "node_type", n->type);
    data(w, "      ", "node_description", n->description);
    bool ok = data_owned(w, "      ", "node_aliases", kg_export_aliases_json(n));
    data_dates(w, "node", n->start, n->end);
    ok = ok && data_evidence(w, "node", n->evidence, n->evidence_count);
    data_attrs(w, "node", t, n->attrs, n->attr_count);
    kg_writer_puts(w, "    </node>\n");
    return ok;
}

static bool write_edge(kg_writer *w, const kg_graph *g, const key_table *t, const kg_edge *e)
{
    kg_writer_puts(w, "    <edge id=\"");
    kg_write_xml_text(w, e->id);
    kg_writer_puts(w, "\" source=\"");
    kg_write_xml_text(w, kg_graph_node(g, e->source)->id);
    kg_writer_puts(w, "\" target=\"");
    kg_write_xml_text(w, kg_graph_node(g, e->target)->id);
    kg_writer_puts(w, "\">\n");
    data(w, "      ", "edge_edge_id", e->id);
    data(w, "      ", "edge_type", e->type);
    data_dates(w, "edge", e->start, e->end);
    bool ok = data_evidence(w, "edge", e->evidence, e->evidence_count);
    data_attrs(w, "edge", t, e->attrs, e->attr_count);
    kg_writer_puts(w, "    </edge>\n");
    return ok;
}

/* The sources as JSON text, for the graph-level "sources" value. */
static char *sources_json(const kg_graph *g)
{
    kg_writer *w = NULL;
    if (kg_writer_open_memory(&w, NULL) != KG_OK)
        return NULL;
    for (size_t i = 0; i < kg_graph_source_count(g); i++) {
        const kg_source *s = kg_graph_source(g, i);
        kg_writer_puts(w, i ? "," : "[");
        kg_writer_puts(w, "{\"id\":");
        kg_write_json_string(w, s->id);
        kg_writer_puts(w, ",\"title\":");
        kg_write_json_string(w, s->title ? s->title : "");
        if (s->file) {
            kg_writer_puts(w, ",\"file\":");
            kg_write_json_string(w, s->file);
        }
        if (s->url) {
            kg_writer_puts(w, ",\"url\":");
            kg_write_json_string(w, s->url);
        }
        kg_writer_putc(w, '}');
    }
    if (kg_graph_source_count(g))
        kg_writer_putc(w, ']');
    char *text = NULL;
    size_t len;
    const char *bytes = kg_writer_memory(w, &len);
    if (kg_writer_status(w) == KG_OK && (text = malloc(len + 1)))
        memcpy(text, bytes, len + 1);
    kg_writer_abort(w);
    return text;
}

static bool write_graph(kg_writer *w, const kg_graph *g, const key_table *nodes,
                        const key_table *edges)
{
    const char *name = kg_graph_name(g)[0] ? kg_graph_name(g) : "kg";
    kg_writer_puts(w, "  <graph id=\"");
    kg_write_xml_text(w, name);
    kg_writer_puts(w, "\" edgedefault=\"directed\">\n");
    data(w, "    ", "graph_name", name);
    data(w, "    ", "graph_title", kg_graph_title(g));
    data(w, "    ", "graph_description", kg_graph_description(g));
    bool ok = data_owned(w, "    ", "graph_sources", sources_json(g));
    for (size_t i = 0; ok && i < kg_graph_node_count(g); i++)
        ok = write_node(w, nodes, kg_graph_node(g, i));
    for (size_t i = 0; ok && i < kg_graph_edge_count(g); i++)
        ok = write_edge(w, g, edges, kg_graph_edge(g, i));
    kg_writer_puts(w, "  </graph>\n");
    return ok;
}

kg_status kg_export_graphml(const kg_graph *g, kg_writer *w, kg_error *err)
{
    key_table nodes = {0}, edges = {0};
    bool ok = collect_keys(g, true, &nodes) == KG_OK && collect_keys(g, false, &edges) == KG_OK;
    if (ok) {
        kg_writer_puts(w,
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                       "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                       "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
        declare_keys(w, &nodes, &edges);
        ok = write_graph(w, g, &nodes, &edges);
        kg_writer_puts(w, "</graphml>\n");
    }
    free(nodes.keys);
    free(edges.keys);
    if (!ok)
        return kg_error_set(err, KG_ENOMEM, kg_writer_name(w),
                            "out of memory while writing GraphML");
    return kg_export_writer_error(w, err);
}
