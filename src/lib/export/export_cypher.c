/* export_cypher.c - a Cypher script for cypher-shell -f, in the form Neo4j
 * recommends for loading: per type, batches of rows passed to UNWIND, one
 * MERGE per node and one MATCH per relationship end (no MATCH (a), (b),
 * which the planner warns is a cartesian product), each batch one
 * statement and so one transaction. Labels and relationship types cannot
 * be parameters, hence a statement per type. Every write is a MERGE, so
 * running the script again changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "writer_internal.h"

/* Rows per UNWIND statement: Neo4j's guidance is thousands of rows per
 * transaction; 1000 keeps statements a few hundred kB. */
#define KG_CYPHER_BATCH 1000

/* A label, relationship type or property key in backquotes (a backquote
 * inside doubled), so any name is safe. */
static void cypher_name(kg_writer *w, const char *name)
{
    kg_writer_putc(w, '`');
    for (const char *c = name; *c; c++) {
        if (*c == '`')
            kg_writer_putc(w, '`');
        kg_writer_putc(w, *c);
    }
    kg_writer_putc(w, '`');
}

static void cypher_property(kg_writer *w, bool *is_first, const char *name, const char *value)
{
    if (!value || !value[0])
        return;
    kg_writer_puts(w, *is_first ? "" : ", ");
    *is_first = false;
    cypher_name(w, name);
    kg_writer_puts(w, ": ");
    kg_write_cypher_string(w, value);
}

/* Dates, evidence (JSON text and the quotes) and free attributes in their
 * types; false when out of memory. */
static bool cypher_properties(kg_writer *w, bool *is_first, kg_date start, kg_date end,
                              const kg_evidence *ev, uint32_t ev_count, const kg_attr *attrs,
                              uint32_t attr_count)
{
    char text[11], buf[256];
    cypher_property(w, is_first, "start", kg_date_format(start, text));
    cypher_property(w, is_first, "end", kg_date_format(end, text));
    bool ok = true;
    if (ev_count > 0) { /* empty texts would be left out: not built at all */
        char *evidence = kg_export_evidence_json(ev, ev_count);
        char *quotes = kg_export_quotes_text(ev, ev_count);
        cypher_property(w, is_first, "evidence", evidence);
        cypher_property(w, is_first, "quote", quotes);
        ok = evidence && quotes;
        free(evidence);
        free(quotes);
    }
    for (uint32_t i = 0; i < attr_count; i++) {
        const char *name = kg_export_attr_name(attrs[i].key, buf, sizeof buf);
        if (attrs[i].kind == KG_VALUE_STRING) {
            cypher_property(w, is_first, name, attrs[i].text);
            continue;
        }
        kg_writer_puts(w, *is_first ? "" : ", ");
        *is_first = false;
        cypher_name(w, name);
        kg_writer_printf(w, ": %s", attrs[i].text);
        /* A real read as "1" would be an integer in Cypher. */
        if (attrs[i].kind == KG_VALUE_REAL && !strpbrk(attrs[i].text, ".eE"))
            kg_writer_puts(w, ".0");
    }
    return ok;
}

/* {id: '...', props: {...}} */
static bool node_row(kg_writer *w, const kg_node *n)
{
    bool is_first = true;
    kg_writer_puts(w, "{id: ");
    kg_write_cypher_string(w, n->id);
    kg_writer_puts(w, ", props: {");
    cypher_property(w, &is_first, "label", n->label);
    cypher_property(w, &is_first, "description", n->description);
    if (n->alias_count) {
        kg_writer_puts(w, is_first ? "aliases: [" : ", aliases: [");
        is_first = false;
        for (uint32_t i = 0; i < n->alias_count; i++) {
            kg_writer_puts(w, i ? ", " : "");
            kg_write_cypher_string(w, n->aliases[i]);
        }
        kg_writer_putc(w, ']');
    }
    bool ok = cypher_properties(w, &is_first, n->start, n->end, n->evidence, n->evidence_count,
                                n->attrs, n->attr_count);
    kg_writer_puts(w, "}}");
    return ok;
}

/* {source: '...', target: '...', id: '...', props: {...}} */
static bool edge_row(kg_writer *w, const kg_id_table *ids, const kg_edge *e)
{
    bool is_first = true;
    kg_writer_puts(w, "{source: ");
    kg_put_node_id(w, ids, e->source);
    kg_writer_puts(w, ", target: ");
    kg_put_node_id(w, ids, e->target);
    kg_writer_puts(w, ", id: ");
    kg_write_cypher_string(w, e->id);
    kg_writer_puts(w, ", props: {");
    bool ok = cypher_properties(w, &is_first, e->start, e->end, e->evidence, e->evidence_count,
                                e->attrs, e->attr_count);
    kg_writer_puts(w, "}}");
    return ok;
}

static const char *element_type(const kg_graph *g, bool for_nodes, size_t i)
{
    return for_nodes ? kg_graph_node(g, i)->type : kg_graph_edge(g, i)->type;
}

/* Element indices ordered by type name, then index (graph order): a
 * stable bottom-up merge sort, O(n log n); malloc'd, NULL when out of
 * memory. */
static size_t *type_order(const kg_graph *g, bool for_nodes, size_t count)
{
    size_t *order = malloc((count + 1) * sizeof *order);
    size_t *tmp = malloc((count + 1) * sizeof *tmp);
    const char **types = malloc((count + 1) * sizeof *types);
    if (!order || !tmp || !types) {
        free(order);
        free(tmp);
        free(types);
        return NULL;
    }
    for (size_t i = 0; i < count; i++) {
        order[i] = i;
        types[i] = element_type(g, for_nodes, i);
    }
    for (size_t width = 1; width < count; width *= 2) {
        for (size_t lo = 0; lo < count; lo += 2 * width) {
            size_t mid = lo + width < count ? lo + width : count;
            size_t hi = lo + 2 * width < count ? lo + 2 * width : count;
            size_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi)
                tmp[k++] = strcmp(types[order[b]], types[order[a]]) < 0 ? order[b++] : order[a++];
            while (a < mid)
                tmp[k++] = order[a++];
            while (b < hi)
                tmp[k++] = order[b++];
        }
        memcpy(order, tmp, count * sizeof *order);
    }
    free(tmp);
    free(types);
    return order;
}

/* The closing lines of a batch of one type. */
static void end_batch(kg_writer *w, bool for_nodes, const char *type)
{
    if (for_nodes) {
        kg_writer_puts(w, "\n] AS row\nMERGE (n:Entity {id: row.id}) SET n:");
        cypher_name(w, type);
        kg_writer_puts(w, " SET n += row.props;\n");
        return;
    }
    kg_writer_puts(w, "\n] AS row\nMATCH (a:Entity {id: row.source})\n"
                      "MATCH (b:Entity {id: row.target})\nMERGE (a)-[r:");
    cypher_name(w, type);
    kg_writer_puts(w, " {id: row.id}]->(b) SET r += row.props;\n");
}

/* Every node (or edge) in UNWIND batches of one type each. */
static bool write_batches(kg_writer *w, const kg_graph *g, const kg_id_table *ids,
                          bool for_nodes)
{
    size_t count = for_nodes ? kg_graph_node_count(g) : kg_graph_edge_count(g);
    size_t *order = type_order(g, for_nodes, count);
    if (!order)
        return false;
    bool ok = true;
    size_t in_batch = 0;
    for (size_t k = 0; ok && k < count && kg_writer_status(w) == KG_OK; k++) {
        const char *type = element_type(g, for_nodes, order[k]);
        bool is_new_type = k == 0 || strcmp(type, element_type(g, for_nodes, order[k - 1])) != 0;
        if (k > 0 && (is_new_type || in_batch == KG_CYPHER_BATCH)) {
            end_batch(w, for_nodes, element_type(g, for_nodes, order[k - 1]));
            in_batch = 0;
        }
        kg_writer_puts(w, in_batch ? ",\n  " : "UNWIND [\n  ");
        ok = for_nodes ? node_row(w, kg_graph_node(g, order[k]))
                       : edge_row(w, ids, kg_graph_edge(g, order[k]));
        in_batch++;
    }
    if (ok && count > 0)
        end_batch(w, for_nodes, element_type(g, for_nodes, order[count - 1]));
    free(order);
    return ok;
}

kg_status kg_export_cypher(const kg_graph *g, kg_writer *w, kg_error *err)
{
    kg_writer_printf(w, "// Written by kg: %zu nodes, %zu relationships. "
                        "Run with: cypher-shell -f FILE\n"
                        "// Batches of rows per type (UNWIND), every write a MERGE: running it "
                        "again changes nothing.\n"
                        "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS "
                        "FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n",
                     kg_graph_node_count(g), kg_graph_edge_count(g));
    kg_id_table ids;
    bool ok = kg_id_table_build(&ids, g, kg_write_cypher_string) &&
              write_batches(w, g, &ids, true) && write_batches(w, g, &ids, false);
    kg_id_table_free(&ids);
    if (!ok)
        return kg_error_set(err, KG_ENOMEM, kg_writer_name(w),
                            "out of memory while writing Cypher");
    return kg_export_writer_error(w, err);
}
