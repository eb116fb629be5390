/* export_json.c - NetworkX node-link JSON. We write "links" (the key
 * NetworkX used up to 3.5 and still reads with edges="links"), plus
 * "directed" and "multigraph" so readers rebuild a MultiDiGraph, and a
 * "key" per link (the edge id) so parallel edges stay apart. Values keep
 * their JSON types; aliases and evidence are arrays. One node or link per
 * line, so diffs of the file stay readable. */
#include <stdio.h>

#include "export_internal.h"
#include "writer_internal.h"

static void write_node(kg_writer *w, const kg_node *n)
{
    KG_PUT_LIT(w, "    {\"id\": ");
    kg_write_json_string(w, n->id);
    kg_export_json_member(w, "type", n->type);
    kg_export_json_member(w, "label", n->label);
    kg_export_json_member(w, "description", n->description);
    kg_export_json_aliases(w, n);
    kg_export_json_dates(w, n->start, n->end);
    kg_export_json_evidence(w, n->evidence, n->evidence_count);
    kg_export_json_attrs(w, n->attrs, n->attr_count);
    kg_putc(w, '}');
}

static void write_link(kg_writer *w, const kg_graph *g, const kg_edge *e)
{
    KG_PUT_LIT(w, "    {\"source\": ");
    kg_write_json_string(w, kg_graph_node(g, e->source)->id);
    kg_export_json_member(w, "target", kg_graph_node(g, e->target)->id);
    kg_export_json_member(w, "key", e->id);
    kg_export_json_member(w, "id", e->id);
    kg_export_json_member(w, "type", e->type);
    kg_export_json_dates(w, e->start, e->end);
    kg_export_json_evidence(w, e->evidence, e->evidence_count);
    kg_export_json_attrs(w, e->attrs, e->attr_count);
    kg_putc(w, '}');
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
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        write_node(w, kg_graph_node(g, i));
        kg_writer_puts(w, i + 1 < kg_graph_node_count(g) ? ",\n" : "\n");
    }
    KG_PUT_LIT(w, "  ],\n  \"links\": [\n");
    for (size_t i = 0; i < kg_graph_edge_count(g); i++) {
        write_link(w, g, kg_graph_edge(g, i));
        kg_writer_puts(w, i + 1 < kg_graph_edge_count(g) ? ",\n" : "\n");
    }
    KG_PUT_LIT(w, "  ]\n}\n");
    return kg_export_writer_error(w, err);
}
