/* export_rdf.c - RDF 1.1 as N-Triples and Turtle, from one emitter: the
 * same triples in the same order, Turtle grouping them by subject and
 * shortening IRIs to prefixed names where the name allows it.
 *
 * IRIs (docs/exports.md): entities https://kg.example/id/ID, node types
 * https://kg.example/ns/type#TYPE, edge types without a Wikidata property
 * https://kg.example/ns/relation#TYPE (with one: its "direct" property,
 * http://www.wikidata.org/prop/direct/P1366), free attributes
 * https://kg.example/ns/attribute#NAME, kg's own terms https://kg.example/ns#.
 * Ids are percent-encoded (every byte but A-Z a-z 0-9 - . _ ~), so any id
 * makes a valid IRI. Each edge is asserted as a triple and also described by
 * a standard RDF reification (an rdf:Statement named after the data set and
 * the edge id) that carries its id, type, dates, attributes and evidence;
 * parallel edges thus stay apart although their triple is the same, and
 * that triple is asserted once.
 *
 * With a base IRI B (kg_export_options.base_iri), entities are B id/ID,
 * statements B relation/EDGE-ID and sources B source/ID. Without one,
 * entities keep the shared https://kg.example/id/ namespace, and statements
 * and sources are named after the graph: its name, or for a graph without
 * one a hash of its ids, so two unnamed graphs do not collide in a store. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "export_internal.h"

#define KG_NS "https://kg.example/ns#"
#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define XSD_NS "http://www.w3.org/2001/XMLSchema#"

typedef struct prefix {
    const char *name;
    const char *iri;
} prefix;

static const prefix prefixes[] = {
    {"kg", KG_NS},
    {"kgt", "https://kg.example/ns/type#"},
    {"kgr", "https://kg.example/ns/relation#"},
    {"kga", "https://kg.example/ns/attribute#"},
    {"kgd", "https://kg.example/id/"},
    {"wd", "http://www.wikidata.org/entity/"},
    {"wdt", "http://www.wikidata.org/prop/direct/"},
    {"rdf", RDF_NS},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"xsd", XSD_NS},
};

enum { P_KG, P_TYPE, P_RELATION, P_ATTR, P_ID, P_WD, P_WDT, P_RDF, P_RDFS, P_SKOS, P_XSD };

/* An RDF term: an IRI (a namespace, from the table or given, plus a local
 * part that is percent-encoded), or a blank node (local is its label). */
typedef struct term {
    int prefix;         /* index into prefixes, or -1 */
    const char *base;   /* the namespace when prefix is -1 */
    const char *local;
    bool is_blank;
} term;

static term iri(int p, const char *local)
{
    return (term){p, NULL, local, false};
}

typedef struct rdf_out {
    kg_writer *w;
    const kg_graph *graph;
    bool is_turtle;
    bool has_shared_predicates; /* two edge types map to one Wikidata property */
    const char *id_base;        /* the kgd: namespace */
    const char *source_base;   /* https://kg.example/source/NAME/ */
    const char *relation_base; /* https://kg.example/relation/NAME/ */
    term subject;
    bool has_subject;
} rdf_out;

static bool is_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

/* Percent-encodes all but unreserved bytes; runs of those are copied at
 * once, not byte by byte (this runs for every IRI). */
static void put_encoded(kg_writer *w, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        const unsigned char *run = p;
        while (*p && is_unreserved(*p))
            p++;
        kg_put(w, (const char *)run, (size_t)(p - run));
        if (*p) {
            char code[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            kg_put(w, code, 3);
            p++;
        }
    }
}

/* Whether the encoded local part is a Turtle PN_LOCAL: it may not start
 * with - or ., end with ., nor hold ~ (all else is letters, digits, _ or
 * %XX escapes). An empty local part is allowed. */
static bool is_turtle_local(const char *s)
{
    size_t len = strlen(s);
    if (len && (s[0] == '-' || s[0] == '.' || s[len - 1] == '.'))
        return false;
    return strchr(s, '~') == NULL;
}

static void put_term(rdf_out *o, term t)
{
    if (t.is_blank) {
        KG_PUT_LIT(o->w, "_:");
        kg_writer_puts(o->w, t.local);
        return;
    }
    if (o->is_turtle && t.prefix >= 0 && is_turtle_local(t.local)) {
        kg_writer_puts(o->w, prefixes[t.prefix].name);
        kg_putc(o->w, ':');
        put_encoded(o->w, t.local);
        return;
    }
    kg_putc(o->w, '<');
    kg_writer_puts(o->w, t.prefix == P_ID ? o->id_base
                         : t.prefix >= 0  ? prefixes[t.prefix].iri
                                          : t.base);
    put_encoded(o->w, t.local);
    kg_putc(o->w, '>');
}

static void subject(rdf_out *o, term s)
{
    o->subject = s;
    o->has_subject = false;
}

/* Starts a triple "S P " (N-Triples) or continues the subject's group. */
static void predicate(rdf_out *o, term p)
{
    if (!o->is_turtle) {
        put_term(o, o->subject);
        kg_putc(o->w, ' ');
    } else if (!o->has_subject) {
        put_term(o, o->subject);
        KG_PUT_LIT(o->w, "\n    ");
    } else {
        KG_PUT_LIT(o->w, " ;\n    ");
    }
    o->has_subject = true;
    put_term(o, p);
    kg_putc(o->w, ' ');
}

static void end_object(rdf_out *o)
{
    if (!o->is_turtle)
        KG_PUT_LIT(o->w, " .\n");
}

static void end_subject(rdf_out *o)
{
    if (o->is_turtle && o->has_subject)
        KG_PUT_LIT(o->w, " .\n\n");
    o->has_subject = false;
}

static void object(rdf_out *o, term p, term value)
{
    predicate(o, p);
    put_term(o, value);
    end_object(o);
}

/* A literal; datatype is an xsd local name or NULL for a plain string. */
static void literal(rdf_out *o, term p, const char *text, const char *datatype)
{
    if (!text)
        return;
    predicate(o, p);
    kg_write_ntriples_string(o->w, text);
    if (datatype) {
        KG_PUT_LIT(o->w, "^^");
        put_term(o, iri(P_XSD, datatype));
    }
    end_object(o);
}

static void date_literal(rdf_out *o, const char *name, kg_date date)
{
    static const char *const types[] = {NULL, "gYear", "gYearMonth", "date"};
    char text[11];
    if (date.precision != KG_DATE_NONE)
        literal(o, iri(P_KG, name), kg_date_format(date, text), types[date.precision]);
}

static void attributes(rdf_out *o, const kg_attr *attrs, uint32_t count)
{
    static const char *const types[] = {NULL, "integer", "double", "boolean"};
    for (uint32_t i = 0; i < count; i++)
        literal(o, iri(P_ATTR, attrs[i].key), attrs[i].text, types[attrs[i].kind]);
}

/* kg:evidence _:LABELeJ for each item; the items themselves are written
 * after the subject by write_evidence_items. */
static void evidence_links(rdf_out *o, const char *label, uint32_t count)
{
    char blank[64];
    for (uint32_t j = 0; j < count; j++) {
        snprintf(blank, sizeof blank, "%se%u", label, (unsigned)j);
        object(o, iri(P_KG, "evidence"), (term){-1, NULL, blank, true});
    }
}

static void evidence_items(rdf_out *o, const char *label, const kg_evidence *ev,
                           uint32_t count)
{
    char blank[64];
    for (uint32_t j = 0; j < count; j++) {
        snprintf(blank, sizeof blank, "%se%u", label, (unsigned)j);
        subject(o, (term){-1, NULL, blank, true});
        object(o, iri(P_RDF, "type"), iri(P_KG, "Evidence"));
        object(o, iri(P_KG, "source"), (term){-1, o->source_base, ev[j].source, false});
        literal(o, iri(P_KG, "quote"), ev[j].quote, NULL);
        end_subject(o);
    }
}

/* A record writer's own rdf_out, writing to w (each thread has its own
 * writer; a record opens and ends its subjects itself). */
static rdf_out record_out(kg_writer *w, const rdf_out *shared)
{
    rdf_out o = *shared;
    o.w = w;
    o.has_subject = false;
    return o;
}

/* How an entity's or a relation's statements end: its dates, attributes
 * and evidence links, then (after the subject) its evidence items. */
static void record_tail(rdf_out *o, const char *label, kg_date start, kg_date end,
                        const kg_attr *attrs, uint32_t attr_count, const kg_evidence *ev,
                        uint32_t ev_count)
{
    date_literal(o, "start", start);
    date_literal(o, "end", end);
    attributes(o, attrs, attr_count);
    evidence_links(o, label, ev_count);
    end_subject(o);
    evidence_items(o, label, ev, ev_count);
}

static bool write_node(kg_writer *w, const void *shared, size_t index)
{
    rdf_out out = record_out(w, shared), *o = &out;
    const kg_node *n = kg_graph_node(o->graph, index);
    char label[32];
    snprintf(label, sizeof label, "n%zu", index);
    subject(o, iri(P_ID, n->id));
    object(o, iri(P_RDF, "type"), iri(P_TYPE, n->type));
    literal(o, iri(P_RDFS, "label"), n->label, NULL);
    literal(o, iri(P_KG, "id"), n->id, NULL);
    literal(o, iri(P_RDFS, "comment"), n->description, NULL);
    for (uint32_t i = 0; i < n->alias_count; i++)
        literal(o, iri(P_SKOS, "altLabel"), n->aliases[i], NULL);
    record_tail(o, label, n->start, n->end, n->attrs, n->attr_count, n->evidence,
                n->evidence_count);
    return true;
}

/* wdt:P... when the schema maps the edge type to Wikidata, else kgr:TYPE. */
static term edge_predicate(const kg_graph *g, const kg_edge *e)
{
    const kg_schema *schema = kg_graph_schema(g);
    if (schema && e->type_index != KG_SCHEMA_NOT_FOUND) {
        const kg_edge_type *t = kg_schema_edge_type(schema, e->type_index);
        if (t->wikidata_count)
            return iri(P_WDT, t->wikidata[0]);
    }
    return iri(P_RELATION, e->type);
}

static bool same_term(term a, term b)
{
    return a.prefix == b.prefix && strcmp(a.local, b.local) == 0;
}

/* Whether an earlier edge asserts the same triple. Edges are in (source,
 * type, target) order, so parallel edges of one type are neighbours; only
 * when two types share a predicate are the source's other edges searched. */
static bool is_asserted_before(const rdf_out *o, size_t index, term predicate_term)
{
    const kg_edge *e = kg_graph_edge(o->graph, index);
    for (size_t j = index; j-- > 0;) {
        const kg_edge *prev = kg_graph_edge(o->graph, j);
        if (prev->source != e->source)
            return false;
        bool is_same_type = prev->type_index == e->type_index && strcmp(prev->type, e->type) == 0;
        if (!is_same_type && !o->has_shared_predicates)
            return false;
        if (prev->target == e->target &&
            same_term(edge_predicate(o->graph, prev), predicate_term))
            return true;
        if (is_same_type && !o->has_shared_predicates)
            return false;
    }
    return false;
}

static bool write_edge(kg_writer *w, const void *shared, size_t index)
{
    rdf_out out = record_out(w, shared), *o = &out;
    const kg_graph *g = o->graph;
    const kg_edge *e = kg_graph_edge(g, index);
    char label[32];
    snprintf(label, sizeof label, "r%zu", index);
    term source = iri(P_ID, kg_graph_node(g, e->source)->id);
    term target = iri(P_ID, kg_graph_node(g, e->target)->id);
    term predicate_term = edge_predicate(g, e);
    if (!is_asserted_before(o, index, predicate_term)) {
        subject(o, source);
        object(o, predicate_term, target);
        end_subject(o);
    }
    subject(o, (term){-1, o->relation_base, e->id, false});
    object(o, iri(P_RDF, "type"), iri(P_RDF, "Statement"));
    object(o, iri(P_RDF, "subject"), source);
    object(o, iri(P_RDF, "predicate"), predicate_term);
    object(o, iri(P_RDF, "object"), target);
    literal(o, iri(P_KG, "id"), e->id, NULL);
    literal(o, iri(P_KG, "type"), e->type, NULL);
    record_tail(o, label, e->start, e->end, e->attrs, e->attr_count, e->evidence,
                e->evidence_count);
    return true;
}

static void write_source(rdf_out *o, const kg_source *s)
{
    subject(o, (term){-1, o->source_base, s->id, false});
    object(o, iri(P_RDF, "type"), iri(P_KG, "Source"));
    literal(o, iri(P_KG, "id"), s->id, NULL);
    literal(o, iri(P_RDFS, "label"), s->title, NULL);
    literal(o, iri(P_KG, "file"), s->file, NULL);
    literal(o, iri(P_KG, "url"), s->url, "anyURI");
    kg_date retrieved;
    if (s->retrieved && kg_date_parse(s->retrieved, &retrieved) == KG_OK)
        date_literal(o, "retrieved", retrieved);
    else
        literal(o, iri(P_KG, "retrieved"), s->retrieved, NULL);
    end_subject(o);
}

/* The schema's vocabulary: node types as classes (close to their Wikidata
 * item), edge types without a Wikidata property as properties. */
static void write_vocabulary(rdf_out *o, const kg_schema *schema)
{
    for (size_t i = 0; i < kg_schema_node_type_count(schema); i++) {
        const kg_node_type *t = kg_schema_node_type(schema, i);
        subject(o, iri(P_TYPE, t->name));
        object(o, iri(P_RDF, "type"), iri(P_RDFS, "Class"));
        literal(o, iri(P_RDFS, "label"), t->name, NULL);
        literal(o, iri(P_RDFS, "comment"), t->description, NULL);
        if (t->wikidata)
            object(o, iri(P_SKOS, "closeMatch"), iri(P_WD, t->wikidata));
        end_subject(o);
    }
    for (size_t i = 0; i < kg_schema_edge_type_count(schema); i++) {
        const kg_edge_type *t = kg_schema_edge_type(schema, i);
        if (t->wikidata_count)
            continue;
        subject(o, iri(P_RELATION, t->name));
        object(o, iri(P_RDF, "type"), iri(P_RDF, "Property"));
        literal(o, iri(P_RDFS, "label"), t->name, NULL);
        literal(o, iri(P_RDFS, "comment"), t->description, NULL);
        end_subject(o);
    }
}

/* FNV-1a over the graph's node ids and edge ids, types and ends: a name
 * for a graph that has none, the same for the same graph on every run. */
static uint64_t graph_hash(const kg_graph *g)
{
    uint64_t h = 0xcbf29ce484222325u;
#define KG_HASH_TEXT(text)                                          \
    for (const unsigned char *c = (const unsigned char *)(text);; c++) { \
        h = (h ^ *c) * 0x100000001b3u;                              \
        if (!*c)                                                    \
            break;                                                  \
    }
    for (size_t i = 0; i < kg_graph_node_count(g); i++)
        KG_HASH_TEXT(kg_graph_node(g, i)->id);
    for (size_t i = 0; i < kg_graph_edge_count(g); i++) {
        const kg_edge *e = kg_graph_edge(g, i);
        KG_HASH_TEXT(e->id);
        KG_HASH_TEXT(e->type);
        KG_HASH_TEXT(kg_graph_node(g, e->source)->id);
        KG_HASH_TEXT(kg_graph_node(g, e->target)->id);
    }
#undef KG_HASH_TEXT
    return h;
}

/* The namespace of KIND ("id", "relation", "source") in a memory writer
 * the caller aborts: BASE KIND/ with a base IRI; otherwise
 * https://kg.example/id/, or https://kg.example/KIND/NAME/ where NAME is
 * the graph's name or "g-" and its hash. */
static kg_status graph_base(const kg_graph *g, const char *base, const char *kind,
                            kg_writer **out)
{
    kg_status status = kg_writer_open_memory(out, NULL);
    if (status != KG_OK)
        return status;
    if (base) {
        size_t len = strlen(base);
        kg_writer_puts(*out, base);
        if (len && base[len - 1] != '/' && base[len - 1] != '#')
            kg_writer_putc(*out, '/');
        kg_writer_printf(*out, "%s/", kind);
    } else if (strcmp(kind, "id") == 0) {
        kg_writer_puts(*out, prefixes[P_ID].iri);
    } else {
        kg_writer_printf(*out, "https://kg.example/%s/", kind);
        if (kg_graph_name(g)[0])
            put_encoded(*out, kg_graph_name(g));
        else
            kg_writer_printf(*out, "g-%016llx", (unsigned long long)graph_hash(g));
        kg_writer_putc(*out, '/');
    }
    return kg_writer_status(*out);
}

/* Whether two edge types map to the same Wikidata property. */
static bool has_shared_predicates(const kg_schema *schema)
{
    size_t count = schema ? kg_schema_edge_type_count(schema) : 0;
    for (size_t i = 0; i < count; i++) {
        const kg_edge_type *a = kg_schema_edge_type(schema, i);
        for (size_t j = 0; a->wikidata_count && j < i; j++) {
            const kg_edge_type *b = kg_schema_edge_type(schema, j);
            if (b->wikidata_count && strcmp(a->wikidata[0], b->wikidata[0]) == 0)
                return true;
        }
    }
    return false;
}

static bool write_graph(rdf_out *o, const kg_graph *g)
{
    if (o->is_turtle) {
        for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
            kg_writer_printf(o->w, "@prefix %s: <%s> .\n", prefixes[i].name,
                             i == P_ID ? o->id_base : prefixes[i].iri);
        kg_putc(o->w, '\n');
    }
    write_vocabulary(o, kg_graph_schema(g));
    for (size_t i = 0; i < kg_graph_source_count(g); i++)
        write_source(o, kg_graph_source(g, i));
    return kg_export_nodes(o->w, g, write_node, o) &&
           kg_export_edges(o->w, g, NULL, write_edge, o);
}

kg_status kg_export_rdf(const kg_graph *g, const kg_export_options *options, bool is_turtle,
                        kg_writer *w, kg_error *err)
{
    const char *base = options ? options->base_iri : NULL;
    kg_writer *ids = NULL, *sources = NULL, *relations = NULL;
    kg_status status = graph_base(g, base, "id", &ids);
    if (status == KG_OK)
        status = graph_base(g, base, "source", &sources);
    if (status == KG_OK)
        status = graph_base(g, base, "relation", &relations);
    if (status == KG_OK) {
        rdf_out o = {.w = w,
                     .graph = g,
                     .is_turtle = is_turtle,
                     .has_shared_predicates = has_shared_predicates(kg_graph_schema(g)),
                     .id_base = kg_writer_memory(ids, NULL),
                     .source_base = kg_writer_memory(sources, NULL),
                     .relation_base = kg_writer_memory(relations, NULL)};
        if (!write_graph(&o, g))
            status = KG_ENOMEM;
    }
    kg_writer_abort(ids);
    kg_writer_abort(sources);
    kg_writer_abort(relations);
    if (status != KG_OK)
        return kg_error_set(err, status, kg_writer_name(w), "out of memory while writing RDF");
    return kg_export_writer_error(w, err);
}

kg_status kg_export_ntriples(const kg_graph *g, kg_writer *w, kg_error *err)
{
    return kg_export_rdf(g, NULL, false, w, err);
}

kg_status kg_export_turtle(const kg_graph *g, kg_writer *w, kg_error *err)
{
    return kg_export_rdf(g, NULL, true, w, err);
}
