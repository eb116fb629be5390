/* ingest_build.c - bulk loading, the record sink: turns the records the
 * TSV and JSON Lines readers make into graph nodes and edges, checked
 * against the schema when there is one, reporting problems at
 * FILE:LINE:COLUMN. Edges that name nodes not read yet wait in a pending
 * list until kg_ingest_finish resolves them (pending.c). */
#include "ingest_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/file.h"
#include "kg/text.h"
#include "pending.h"

#define MAX_SUGGESTED_NODES 200000 /* above, "did you mean" costs too much */
#define MAX_NODE_SUGGESTIONS 10

/* ---- problems ----------------------------------------------------------- */

static kg_status report(kg_diagnostics *diags, kg_status status, const char *file, int line,
                        int column, const char *hint, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 0)))
#endif
    ;

static kg_status report(kg_diagnostics *diags, kg_status status, const char *file, int line,
                        int column, const char *hint, const char *fmt, va_list ap)
{
    kg_error e;
    kg_error_clear(&e);
    e.status = status;
    snprintf(e.file, sizeof e.file, "%s", file ? file : "");
    e.line = line;
    e.column = line ? column : 0;
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    if (hint)
        snprintf(e.hint, sizeof e.hint, "%s", hint);
    if (diags && kg_diagnostics_add(diags, &e) != KG_OK)
        return KG_ENOMEM;
    return status;
}

kg_status kg_ingest_problem(ingest_input *in, kg_status status, int column, const char *hint,
                            const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kg_status st = report(in->diags, status, in->name, in->line, column, hint, fmt, ap);
    va_end(ap);
    in->ingest->has_problems = true;
    return st == KG_ENOMEM ? st : status;
}

kg_status kg_ingest_problem_at(kg_ingest *ingest, kg_diagnostics *diags, kg_status status,
                               const char *file, int line, int column, const char *hint,
                               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kg_status st = report(diags, status, file, line, column, hint, fmt, ap);
    va_end(ap);
    ingest->has_problems = true;
    return st == KG_ENOMEM ? st : status;
}

/* ---- values ------------------------------------------------------------- */

kg_value_kind kg_ingest_value_kind(const char *s)
{
    if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)
        return KG_VALUE_BOOLEAN;
    bool is_integer;
    if (!kg_json_number(s, &is_integer))
        return KG_VALUE_STRING;
    /* Integers beyond 64 bits would lose digits in readers: keep as reals
     * (18 characters, the sign included, always fit). */
    return is_integer && strlen(s) <= 18 ? KG_VALUE_INTEGER : KG_VALUE_REAL;
}

static bool has_text(ingest_value v)
{
    return v.text && v.text[0];
}

static kg_status parse_date(ingest_input *in, ingest_value v, const char *what, kg_date *out)
{
    out->precision = KG_DATE_NONE;
    if (!has_text(v))
        return KG_OK;
    if (kg_date_parse(v.text, out) == KG_OK)
        return KG_OK;
    return kg_ingest_problem(in, KG_EINPUT, v.column, "dates are YYYY, YYYY-MM or YYYY-MM-DD",
                             "invalid %s date '%s'", what, v.text);
}

static kg_status parse_dates(ingest_input *in, const ingest_record *r, kg_date *start,
                             kg_date *end)
{
    kg_status st = parse_date(in, r->start, "start", start);
    kg_status st2 = parse_date(in, r->end, "end", end);
    if (st != KG_OK || st2 != KG_OK)
        return st != KG_OK ? st : st2;
    if (start->precision && end->precision &&
        kg_date_last_day(*end) < kg_date_first_day(*start))
        return kg_ingest_problem(in, KG_EINPUT, r->end.column, NULL,
                                 "end %s is before start %s", r->end.text, r->start.text);
    return KG_OK;
}

/* "biolink:NamedThing" -> "named_thing": how KGX names the schema's types. */
static void kgx_type_name(const char *text, char *out, size_t size)
{
    const char *colon = strrchr(text, ':');
    const char *p = colon ? colon + 1 : text;
    size_t n = 0;
    for (; *p && n + 2 < size; p++) {
        if (*p >= 'A' && *p <= 'Z') {
            if (n > 0 && out[n - 1] != '_')
                out[n++] = '_';
            out[n++] = (char)(*p - 'A' + 'a');
        } else {
            out[n++] = *p == ' ' ? '_' : *p;
        }
    }
    out[n] = '\0';
}

/* The schema index of a type written as in the schema or as KGX writes it
 * ("biolink:Organization"); KG_SCHEMA_NOT_FOUND with a problem otherwise. */
static kg_status schema_type(ingest_input *in, bool is_edge, ingest_value v, const char *type,
                             size_t *index, const char **name)
{
    const kg_schema *schema = in->ingest->options.schema;
    *index = KG_SCHEMA_NOT_FOUND;
    *name = type;
    if (!schema)
        return KG_OK;
    *index = is_edge ? kg_schema_find_edge_type(schema, type)
                     : kg_schema_find_node_type(schema, type);
    if (*index != KG_SCHEMA_NOT_FOUND)
        return KG_OK;
    char mapped[128];
    kgx_type_name(type, mapped, sizeof mapped);
    *index = is_edge ? kg_schema_find_edge_type(schema, mapped)
                     : kg_schema_find_node_type(schema, mapped);
    if (*index != KG_SCHEMA_NOT_FOUND) {
        *name = is_edge ? kg_schema_edge_type(schema, *index)->name
                        : kg_schema_node_type(schema, *index)->name;
        return KG_OK;
    }
    const char *near = is_edge ? kg_schema_suggest_edge_type(schema, mapped)
                               : kg_schema_suggest_node_type(schema, mapped);
    char hint[160];
    if (near)
        snprintf(hint, sizeof hint, "did you mean '%s'?", near);
    return kg_ingest_problem(in, KG_EINPUT, v.column, near ? hint : NULL,
                             "unknown %s type '%s'", is_edge ? "edge" : "node", type);
}

/* ---- nodes -------------------------------------------------------------- */

static kg_status add_node(ingest_input *in, const ingest_record *r)
{
    kg_ingest *ingest = in->ingest;
    if (!has_text(r->id))
        return kg_ingest_problem(in, KG_EINPUT, r->id.column, NULL, "node without an id");
    if (kg_graph_node_count(ingest->graph) >= ingest->options.max_nodes)
        return kg_ingest_problem(in, KG_ELIMIT, 0, "raise it with --max-nodes",
                                 "more than %zu nodes (the limit)", ingest->options.max_nodes);
    kg_node n;
    memset(&n, 0, sizeof n);
    ingest_value type = r->type;
    const char *type_text = has_text(type) ? type.text : ingest->options.default_node_type;
    kg_status st = schema_type(in, false, type, type_text, &n.type_index, &n.type);
    kg_status st2 = parse_dates(in, r, &n.start, &n.end);
    if (st != KG_OK || st2 != KG_OK)
        return st != KG_OK ? st : st2;
    n.id = r->id.text;
    n.label = has_text(r->label) ? r->label.text : NULL;
    n.description = has_text(r->description) ? r->description.text : NULL;
    n.aliases = r->aliases;
    n.alias_count = r->alias_count;
    n.attrs = r->attrs;
    n.attr_count = r->attr_count;
    n.origin = (uint32_t)r->line;
    st = kg_graph_add_node(ingest->graph, &n, NULL);
    if (st == KG_EINPUT) {
        const kg_node *first =
            kg_graph_node(ingest->graph, kg_graph_find_node(ingest->graph, n.id));
        char hint[64];
        snprintf(hint, sizeof hint, "first defined on line %u", first ? first->origin : 0);
        return kg_ingest_problem(in, KG_EINPUT, r->id.column, hint, "duplicate node id '%s'",
                                 n.id);
    }
    if (st != KG_OK)
        return kg_ingest_problem(in, st, 0, NULL, "out of memory");
    return KG_OK;
}

/* ---- edges -------------------------------------------------------------- */

/* With a schema: the ends' node types must be ones the edge type allows. */
static kg_status check_ends(kg_ingest *ingest, kg_diagnostics *diags, const char *file,
                            int line, const kg_edge *e, int source_column, int target_column)
{
    for (int k = 0; ingest->options.schema && k < 2; k++) {
        const kg_node *n = kg_graph_node(ingest->graph, k ? e->target : e->source);
        kg_error err;
        if (kg_schema_check_end(ingest->options.schema, e->type_index, (kg_edge_end)k,
                                n->type_index, n->id, &err) != KG_OK)
            return kg_ingest_problem_at(ingest, diags, KG_EINPUT, file, line,
                              k ? target_column : source_column, err.hint, "%s", err.message);
    }
    return KG_OK;
}

static kg_status add_graph_edge(kg_ingest *ingest, kg_diagnostics *diags, const char *file,
                                int line, const kg_edge *e, int source_column,
                                int target_column)
{
    if (kg_graph_edge_count(ingest->graph) >= ingest->options.max_edges)
        return kg_ingest_problem_at(ingest, diags, KG_ELIMIT, file, line, 0, "raise it with --max-edges",
                          "more than %zu edges (the limit)", ingest->options.max_edges);
    kg_status st = check_ends(ingest, diags, file, line, e, source_column, target_column);
    if (st != KG_OK)
        return st;
    st = kg_graph_add_edge(ingest->graph, e);
    if (st != KG_OK)
        return kg_ingest_problem_at(ingest, diags, st, file, line, 0, NULL, "out of memory");
    return KG_OK;
}

static kg_status keep_pending(ingest_input *in, const ingest_record *r, const kg_edge *e)
{
    kg_ingest *ingest = in->ingest;
    if (kg_grow((void **)&ingest->pending, &ingest->pending_capacity, ingest->pending_count + 1,
                sizeof *ingest->pending) != KG_OK)
        return kg_ingest_problem(in, KG_ENOMEM, 0, NULL, "out of memory");
    pending_edge *p = &ingest->pending[ingest->pending_count];
    /* The edge's strings must outlive the line: intern them now. */
    p->base.edge = *e;
    kg_graph *g = ingest->graph;
    kg_status st = kg_graph_intern(g, r->source.text, &p->base.source_id);
    if (st == KG_OK) st = kg_graph_intern(g, r->target.text, &p->base.target_id);
    if (st == KG_OK) st = kg_graph_intern(g, e->id, &p->base.edge.id);
    if (st == KG_OK) st = kg_graph_intern(g, e->type, &p->base.edge.type);
    kg_attr *attrs = NULL;
    if (st == KG_OK && e->attr_count) {
        attrs = malloc(e->attr_count * sizeof *attrs);
        st = attrs ? KG_OK : KG_ENOMEM;
        for (uint32_t i = 0; st == KG_OK && i < e->attr_count; i++) {
            attrs[i].kind = e->attrs[i].kind;
            st = kg_graph_intern(g, e->attrs[i].key, &attrs[i].key);
            if (st == KG_OK)
                st = kg_graph_intern(g, e->attrs[i].text, &attrs[i].text);
        }
    }
    if (st != KG_OK) {
        free(attrs);
        return kg_ingest_problem(in, KG_ENOMEM, 0, NULL, "out of memory");
    }
    p->base.edge.attrs = p->attrs = attrs;
    p->file = (uint32_t)(ingest->file_count - 1);
    p->line = r->line;
    p->source_column = r->source.column;
    p->target_column = r->target.column;
    ingest->pending_count++;
    return KG_OK;
}

static kg_status add_edge(ingest_input *in, const ingest_record *r)
{
    kg_ingest *ingest = in->ingest;
    if (!has_text(r->source) || !has_text(r->target))
        return kg_ingest_problem(in, KG_EINPUT,
                                 has_text(r->source) ? r->target.column : r->source.column, NULL,
                                 "edge without a %s", has_text(r->source) ? "target" : "source");
    kg_edge e;
    memset(&e, 0, sizeof e);
    const char *type_text = has_text(r->type) ? r->type.text : ingest->options.default_edge_type;
    kg_status st = schema_type(in, true, r->type, type_text, &e.type_index, &e.type);
    kg_status st2 = parse_dates(in, r, &e.start, &e.end);
    if (st != KG_OK || st2 != KG_OK)
        return st != KG_OK ? st : st2;
    e.id = has_text(r->id) ? r->id.text : NULL;
    e.attrs = r->attrs;
    e.attr_count = r->attr_count;
    e.origin = (uint32_t)r->line;
    e.source = kg_graph_find_node(ingest->graph, r->source.text);
    e.target = kg_graph_find_node(ingest->graph, r->target.text);
    if (e.source == KG_SCHEMA_NOT_FOUND || e.target == KG_SCHEMA_NOT_FOUND)
        return keep_pending(in, r, &e);
    return add_graph_edge(ingest, in->diags, in->name, r->line, &e, r->source.column,
                          r->target.column);
}

kg_status kg_ingest_record(ingest_input *in, const ingest_record *r)
{
    if (in->role == KG_INGEST_NODES && r->is_edge)
        return kg_ingest_problem(in, KG_EINPUT, 0, NULL, "an edge in a node list");
    if (in->role == KG_INGEST_EDGES && !r->is_edge)
        return kg_ingest_problem(in, KG_EINPUT, 0, NULL, "a node in an edge list");
    return r->is_edge ? add_edge(in, r) : add_node(in, r);
}

/* ---- finishing ---------------------------------------------------------- */

static const char *suggest_node(kg_ingest *ingest, const char *id)
{
    size_t n = kg_graph_node_count(ingest->graph);
    if (n == 0 || n > MAX_SUGGESTED_NODES || ingest->node_suggestions >= MAX_NODE_SUGGESTIONS)
        return NULL;
    const char **ids = malloc(n * sizeof *ids);
    if (!ids)
        return NULL;
    for (size_t i = 0; i < n; i++) /* insertion order: valid before finish */
        ids[i] = kg_graph_node(ingest->graph, i)->id;
    const char *near = kg_suggest(id, ids, n);
    free(ids);
    ingest->node_suggestions++;
    return near;
}

typedef struct resolving {
    kg_ingest *ingest;
    kg_diagnostics *diags;
} resolving;

/* An edge end no node list named: reported with the nearest node id. */
static kg_status missing_end(void *context, size_t i, kg_edge_end end, const char *id,
                             size_t *index)
{
    resolving *r = context;
    const pending_edge *p = &r->ingest->pending[i];
    bool is_source = end == KG_EDGE_SOURCE;
    const char *near = suggest_node(r->ingest, id);
    char hint[KG_ERROR_TEXT_MAX];
    if (near)
        snprintf(hint, sizeof hint, "did you mean '%s'?", near);
    *index = KG_SCHEMA_NOT_FOUND;
    return kg_ingest_problem_at(r->ingest, r->diags, KG_EINPUT, r->ingest->files[p->file], p->line,
                      is_source ? p->source_column : p->target_column, near ? hint : NULL,
                      "edge %s '%s' is not a node", is_source ? "source" : "target", id);
}

static kg_status add_resolved(void *context, size_t i, kg_edge *edge)
{
    resolving *r = context;
    const pending_edge *p = &r->ingest->pending[i];
    return add_graph_edge(r->ingest, r->diags, r->ingest->files[p->file], p->line, edge,
                          p->source_column, p->target_column);
}

static kg_status resolve_pending(kg_ingest *ingest, kg_diagnostics *diags)
{
    resolving r = {ingest, diags};
    kg_pending_ops ops = {&r, missing_end, add_resolved, false};
    kg_status st = kg_pending_resolve(ingest->graph, ingest->pending, ingest->pending_count,
                                      sizeof *ingest->pending, &ops);
    for (size_t i = 0; i < ingest->pending_count; i++)
        free(ingest->pending[i].attrs);
    free(ingest->pending);
    ingest->pending = NULL;
    ingest->pending_count = ingest->pending_capacity = 0;
    return st;
}

kg_status kg_ingest_finish(kg_ingest *ingest, kg_graph **out, kg_diagnostics *diags)
{
    *out = NULL;
    if (!ingest || ingest->is_spent)
        return KG_EUSAGE;
    ingest->is_spent = true;
    kg_ingest_report_progress(ingest, NULL, 0, 0, 0);
    kg_status st = resolve_pending(ingest, diags);
    if (st == KG_OK && ingest->has_problems)
        st = KG_EINPUT;
    if (st != KG_OK)
        return st;
    kg_error err;
    kg_error_clear(&err);
    st = kg_graph_finish(ingest->graph, &err);
    if (st != KG_OK) {
        if (diags)
            kg_diagnostics_add(diags, &err);
        return st;
    }
    *out = ingest->graph;
    ingest->graph = NULL;
    return KG_OK;
}
