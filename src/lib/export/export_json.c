/* export_json.c - NetworkX node-link JSON. We write "links" (the key
 * NetworkX used up to 3.5 and still reads with edges="links"), plus
 * "directed" and "multigraph" so readers rebuild a MultiDiGraph, and a
 * "key" per link (the edge id) so parallel edges stay apart. Values keep
 * their JSON types; aliases and evidence are arrays. One node or link per
 * line, so diffs of the file stay readable. */
#include <stdio.h>

#include "export_internal.h"
#include "writer_internal.h"

/* What a node and a link end with: dates, evidence, attributes, '}'. */
static void end_record(kg_writer *w, kg_date start, kg_date end, const kg_evidence *ev,
                       uint32_t ev_count, const kg_attr *attrs, uint32_t attr_count)
{
    kg_export_json_dates(w, start, end);
    kg_export_json_evidence(w, ev, ev_count);
    kg_export_json_attrs(w, attrs, attr_count);
    kg_putc(w, '}');
}

static bool write_node(kg_writer *w, const void *graph, size_t i)
{
    const kg_node *n = kg_graph_node(graph, i);
    KG_PUT_LIT(w, "    {\"id\": ");
    kg_write_json_string(w, n->id);
    kg_export_json_member(w, "type", n->type);
    kg_export_json_member(w, "label", n->label);
    kg_export_json_member(w, "description", n->description);
    kg_export_json_aliases(w, n);
    end_record(w, n->start, n->end, n->evidence, n->evidence_count, n->attrs, n->attr_count);
    kg_export_end_element(w, i, kg_graph_node_count(graph));
    return true;
}

static bool write_link(kg_writer *w, const void *ctx, size_t i)
{
    const kg_id_table *ids = ctx;
    const kg_graph *g = ids->graph;
    const kg_edge *e = kg_graph_edge(g, i);
    KG_PUT_LIT(w, "    {\"source\": ");
    kg_put_node_id(w, ids, e->source);
    KG_PUT_LIT(w, ", \"target\": ");
    kg_put_node_id(w, ids, e->target);
    if (e->id) {
        KG_PUT_LIT(w, ", \"key\": ");
        kg_written id = kg_put_escaped(w, kg_write_json_string, e->id);
        KG_PUT_LIT(w, ", \"id\": ");
        kg_put_again(w, id, kg_write_json_string, e->id);
    }
    kg_export_json_member(w, "type", e->type);
    end_record(w, e->start, e->end, e->evidence, e->evidence_count, e->attrs, e->attr_count);
    kg_export_end_element(w, i, kg_graph_edge_count(g));
    return true;
}

static void write_source(kg_writer *w, const kg_source *s)
{
    KG_PUT_LIT(w, "{\"id\": ");
    kg_write_json_string(w, s->id);
    kg_export_json_member(w, "title", s->title);
    kg_export_json_member(w, "file", s->file);
    kg_export_json_member(w, "url", s->url);
    kg_export_json_member(w, "retrieved", s->retrieved);
    kg_putc(w, '}');
}

static void write_graph_attrs(kg_writer *w, const kg_graph *g)
{
    KG_PUT_LIT(w, "  \"graph\": {\"name\": ");
    kg_write_json_string(w, kg_graph_name(g));
    kg_export_json_member(w, "title", kg_graph_title(g));
    if (kg_graph_description(g)[0])
        kg_export_json_member(w, "description", kg_graph_description(g));
    KG_PUT_LIT(w, ", \"sources\": [");
    for (size_t i = 0; i < kg_graph_source_count(g); i++) {
        if (i)
            KG_PUT_LIT(w, ", ");
        write_source(w, kg_graph_source(g, i));
    }
    KG_PUT_LIT(w, "]},\n");
}

kg_status kg_export_json(const kg_graph *g, kg_writer *w, kg_error *err)
{
    KG_PUT_LIT(w, "{\n  \"directed\": true,\n  \"multigraph\": true,\n");
    write_graph_attrs(w, g);
    KG_PUT_LIT(w, "  \"nodes\": [\n");
    kg_id_table ids;
    bool ok = kg_id_table_build(&ids, g, kg_write_json_string);
    ok = ok && kg_export_nodes(w, g, write_node, g);
    KG_PUT_LIT(w, "  ],\n  \"links\": [\n");
    ok = ok && kg_export_edges(w, g, &ids, write_link, &ids);
    kg_id_table_free(&ids);
    KG_PUT_LIT(w, "  ]\n}\n");
    if (!ok)
        return kg_error_set(err, KG_ENOMEM, kg_writer_name(w), "out of memory while writing JSON");
    return kg_export_writer_error(w, err);
}
