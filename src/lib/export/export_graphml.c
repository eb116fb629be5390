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
#include "writer_internal.h"

static const char *const node_fields[] = {"label", "type", "description", "aliases",
                                          "start", "end", "evidence", "quote", NULL};
static const char *const edge_fields[] = {"edge_id", "type", "start", "end",
                                          "evidence", "quote", NULL};

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

/* The keys of one domain ("graph", "node", "edge"): its fixed string
 * fields (id DOMAIN_FIELD), then its typed attributes (id DOMAIN_attrN). */
static void declare_domain(kg_writer *w, const char *domain, const char *const *fields,
                           const kg_attr_keys *attrs)
{
    char id[64], buf[256];
    for (const char *const *f = fields; *f; f++) {
        snprintf(id, sizeof id, "%s_%s", domain, *f);
        declare_key(w, id, domain, *f, "string");
    }
    for (size_t i = 0; attrs && i < attrs->count; i++) {
        snprintf(id, sizeof id, "%s_attr%zu", domain, i);
        declare_key(w, id, domain, kg_export_attr_name(attrs->keys[i].name, buf, sizeof buf),
                    graphml_type(attrs->keys[i].kind));
    }
}

static void declare_keys(kg_writer *w, const kg_attr_keys *nodes, const kg_attr_keys *edges)
{
    static const char *const graph_fields[] = {"name", "title", "description", "sources", NULL};
    declare_domain(w, "graph", graph_fields, NULL);
    declare_domain(w, "node", node_fields, nodes);
    declare_domain(w, "edge", edge_fields, edges);
}

/* OPEN text</data>, where OPEN is `INDENT<data key="KEY">`; nothing for
 * NULL or "". */
static void data_opened(kg_writer *w, const char *open, size_t open_len, const char *text)
{
    if (!text || !text[0])
        return;
    kg_put(w, open, open_len);
    kg_write_xml_text(w, text);
    KG_PUT_LIT(w, "</data>\n");
}

/* The same for string literals indent and key: the opening tag is one
 * literal, copied at once (this runs for every value). */
#define DATA(w, indent, key, text) \
    data_opened((w), indent "<data key=\"" key "\">", \
                sizeof(indent "<data key=\"" key "\">") - 1, (text))

/* The same for any key (an NMTOKEN, no escaping needed). */
static void data(kg_writer *w, const char *indent, const char *key, const char *text)
{
    char open[128];
    int n = snprintf(open, sizeof open, "%s<data key=\"%s\">", indent, key);
    if (n > 0 && (size_t)n < sizeof open)
        data_opened(w, open, (size_t)n, text);
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

static void data_dates(kg_writer *w, bool is_node, kg_date start, kg_date end)
{
    char text[11];
    if (start.precision != KG_DATE_NONE) {
        if (is_node)
            DATA(w, "      ", "node_start", kg_date_format(start, text));
        else
            DATA(w, "      ", "edge_start", kg_date_format(start, text));
    }
    if (end.precision != KG_DATE_NONE) {
        if (is_node)
            DATA(w, "      ", "node_end", kg_date_format(end, text));
        else
            DATA(w, "      ", "edge_end", kg_date_format(end, text));
    }
}

static void data_attrs(kg_writer *w, const char *domain, const kg_attr_keys *t,
                       const kg_attr *attrs, uint32_t count)
{
    /* `      <data key="DOMAIN_attrK">`, K in decimal without printf */
    static const char head[] = "      <data key=\"";
    char open[64];
    size_t prefix = sizeof head - 1 + strlen(domain);
    memcpy(open, head, sizeof head - 1);
    memcpy(open + sizeof head - 1, domain, prefix - (sizeof head - 1));
    memcpy(open + prefix, "_attr", 5);
    for (uint32_t i = 0; i < count; i++) {
        size_t k = kg_export_find_key(t, attrs[i].key);
        char digits[24], *d = digits + sizeof digits;
        *--d = '>';
        *--d = '"';
        do
            *--d = (char)('0' + k % 10);
        while ((k /= 10) > 0);
        size_t len = (size_t)(digits + sizeof digits - d);
        memcpy(open + prefix + 5, d, len);
        data_opened(w, open, prefix + 5 + len, attrs[i].text);
    }
}

static bool data_evidence(kg_writer *w, const char *domain, const kg_evidence *ev,
                          uint32_t count)
{
    char key[32];
    if (count == 0)
        return true; /* both values would be empty, and are left out */
    snprintf(key, sizeof key, "%s_evidence", domain);
    if (!data_owned(w, "      ", key, kg_export_evidence_json(ev, count)))
        return false;
    snprintf(key, sizeof key, "%s_quote", domain);
    return data_owned(w, "      ", key, kg_export_quotes_text(ev, count));
}

/* What every node and edge needs; the record writers' context. */
typedef struct graphml_ctx {
    const kg_graph *g;
    const kg_graphml_extras *x;
    const kg_attr_keys *nodes;
    const kg_attr_keys *edges;
    const kg_id_table *ids;
} graphml_ctx;

static bool write_node(kg_writer *w, const void *ctx, size_t i)
{
    const graphml_ctx *c = ctx;
    const kg_graphml_extras *x = c->x;
    const kg_node *n = kg_graph_node(c->g, i);
    KG_PUT_LIT(w, "    <node id=\"");
    kg_write_xml_text(w, n->id);
    KG_PUT_LIT(w, "\">\n");
    DATA(w, "      ", "node_label", n->label);
    DATA(w, "      ", "node_type", n->type);
    DATA(w, "      ", "node_description", n->description);
    bool ok = n->alias_count == 0 || /* skip building an empty value */
              data_owned(w, "      ", "node_aliases", kg_export_aliases_json(n));
    data_dates(w, true, n->start, n->end);
    ok = ok && data_evidence(w, "node", n->evidence, n->evidence_count);
    data_attrs(w, "node", c->nodes, n->attrs, n->attr_count);
    if (x && x->node_data)
        x->node_data(w, c->g, n);
    KG_PUT_LIT(w, "    </node>\n");
    return ok;
}

static bool write_edge(kg_writer *w, const void *ctx, size_t i)
{
    const graphml_ctx *c = ctx;
    const kg_graph *g = c->g;
    const kg_graphml_extras *x = c->x;
    const kg_edge *e = kg_graph_edge(g, i);
    KG_PUT_LIT(w, "    <edge id=\"");
    kg_written id = kg_put_escaped(w, kg_write_xml_text, e->id);
    KG_PUT_LIT(w, "\" source=\"");
    kg_put_node_id(w, c->ids, e->source);
    KG_PUT_LIT(w, "\" target=\"");
    kg_put_node_id(w, c->ids, e->target);
    KG_PUT_LIT(w, "\">\n");
    if (e->id && e->id[0]) { /* the id again, escaped once (as DATA) */
        KG_PUT_LIT(w, "      <data key=\"edge_edge_id\">");
        kg_put_again(w, id, kg_write_xml_text, e->id);
        KG_PUT_LIT(w, "</data>\n");
    }
    DATA(w, "      ", "edge_type", e->type);
    data_dates(w, false, e->start, e->end);
    bool ok = data_evidence(w, "edge", e->evidence, e->evidence_count);
    data_attrs(w, "edge", c->edges, e->attrs, e->attr_count);
    if (x && x->edge_data)
        x->edge_data(w, g, e);
    KG_PUT_LIT(w, "    </edge>\n");
    return ok;
}

static bool write_graph(kg_writer *w, const kg_graph *g, const kg_graphml_extras *x,
                        const kg_attr_keys *nodes, const kg_attr_keys *edges)
{
    const char *name = kg_graph_name(g)[0] ? kg_graph_name(g) : "kg";
    KG_PUT_LIT(w, "  <graph id=\"");
    kg_write_xml_text(w, name);
    KG_PUT_LIT(w, "\" edgedefault=\"directed\">\n");
    DATA(w, "    ", "graph_name", name);
    DATA(w, "    ", "graph_title", kg_graph_title(g));
    DATA(w, "    ", "graph_description", kg_graph_description(g));
    bool ok = data_owned(w, "    ", "graph_sources", kg_export_sources_json(g));
    kg_id_table ids = {g, NULL, NULL, 0};
    ok = ok && kg_id_table_build(&ids, g, kg_write_xml_text);
    graphml_ctx ctx = {g, x, nodes, edges, &ids};
    ok = ok && kg_export_nodes(w, g, write_node, &ctx);
    ok = ok && kg_export_edges(w, g, &ids, write_edge, &ctx);
    kg_id_table_free(&ids);
    KG_PUT_LIT(w, "  </graph>\n");
    return ok;
}

static const char plain_header[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
    "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
    "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

kg_status kg_graphml_write(const kg_graph *g, const kg_graphml_extras *x, kg_writer *w,
                           kg_error *err)
{
    kg_attr_keys nodes = {0}, edges = {0};
    bool ok = kg_export_collect_keys(g, true, NULL, &nodes) == KG_OK &&
              kg_export_collect_keys(g, false, NULL, &edges) == KG_OK;
    if (ok) {
        kg_writer_puts(w, x && x->header ? x->header : plain_header);
        declare_keys(w, &nodes, &edges);
        if (x && x->declare_keys)
            x->declare_keys(w);
        ok = write_graph(w, g, x, &nodes, &edges);
        KG_PUT_LIT(w, "</graphml>\n");
    }
    kg_export_keys_free(&nodes);
    kg_export_keys_free(&edges);
    if (!ok)
        return kg_error_set(err, KG_ENOMEM, kg_writer_name(w),
                            "out of memory while writing GraphML");
    return kg_export_writer_error(w, err);
}

kg_status kg_export_graphml(const kg_graph *g, kg_writer *w, kg_error *err)
{
    return kg_graphml_write(g, NULL, w, err);
}
