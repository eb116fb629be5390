/* export_neo4j.c - Neo4j: the CSV files `neo4j-admin database import`
 * reads (one of nodes per node type, one of relationships per edge type,
 * headers in its documented syntax: id:ID, :LABEL, :START_ID, :END_ID,
 * :TYPE, typed properties such as members:long, aliases:string[] with ;
 * between items); the Cypher script is export_cypher.c. Every node also
 * gets the label Entity, so one id space and one uniqueness constraint
 * cover all types. Lists of evidence are JSON text, as Neo4j properties
 * cannot hold maps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "writer_internal.h"

/* ---- the types, which decide the files -------------------------------- */

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct node (or edge) type names in name order; malloc'd array of
 * interned strings, count in *n; NULL when out of memory. */
static const char **distinct_types(const kg_graph *g, bool for_nodes, size_t *n)
{
    size_t total = for_nodes ? kg_graph_node_count(g) : kg_graph_edge_count(g);
    const char **types = malloc((total + 1) * sizeof *types);
    *n = 0;
    if (!types)
        return NULL;
    for (size_t i = 0; i < total; i++)
        types[i] = for_nodes ? kg_graph_node(g, i)->type : kg_graph_edge(g, i)->type;
    qsort(types, total, sizeof *types, compare_strings);
    for (size_t i = 0; i < total; i++)
        if (*n == 0 || strcmp(types[*n - 1], types[i]) != 0)
            types[(*n)++] = types[i];
    return types;
}

/* Which type file i is about: its name and whether it holds nodes. */
static kg_status file_type(const kg_graph *g, size_t i, const char **type, bool *is_nodes)
{
    size_t node_types, edge_types;
    const char **nodes = distinct_types(g, true, &node_types);
    const char **edges = distinct_types(g, false, &edge_types);
    kg_status status = nodes && edges ? KG_OK : KG_ENOMEM;
    if (status == KG_OK && i < node_types)
        *type = nodes[i], *is_nodes = true;
    else if (status == KG_OK && i - node_types < edge_types)
        *type = edges[i - node_types], *is_nodes = false;
    else if (status == KG_OK)
        status = KG_EUSAGE;
    free(nodes);
    free(edges);
    return status;
}

kg_status kg_neo4j_file_count(const kg_graph *g, size_t *count)
{
    size_t node_types = 0, edge_types = 0;
    const char **nodes = distinct_types(g, true, &node_types);
    const char **edges = distinct_types(g, false, &edge_types);
    kg_status status = nodes && edges ? KG_OK : KG_ENOMEM;
    *count = status == KG_OK ? node_types + edge_types : 0;
    free(nodes);
    free(edges);
    return status;
}

/* nodes_TYPE.csv / relationships_TYPE.csv; bytes of TYPE other than
 * letters, digits, - and _ become _, and then the file number is added so
 * two types can never share a file. */
kg_status kg_neo4j_file_name(const kg_graph *g, size_t i, char *name, size_t size)
{
    const char *type;
    bool is_nodes, is_changed = false;
    kg_status status = file_type(g, i, &type, &is_nodes);
    if (status != KG_OK)
        return status;
    int len = snprintf(name, size, "%s_", is_nodes ? "nodes" : "relationships");
    for (const char *c = type; *c && len > 0 && (size_t)len + 16 < size; c++) {
        bool is_safe = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                       (*c >= '0' && *c <= '9') || *c == '-' || *c == '_';
        is_changed |= !is_safe;
        name[len++] = is_safe ? *c : '_';
    }
    if (len <= 0 || (size_t)len + 16 >= size)
        return KG_ELIMIT;
    if (is_changed)
        snprintf(name + len, size - (size_t)len, "-%zu.csv", i + 1);
    else
        snprintf(name + len, size - (size_t)len, ".csv");
    return KG_OK;
}

/* ---- CSV -------------------------------------------------------------- */

static const char *csv_type(kg_value_kind kind)
{
    switch (kind) {
    case KG_VALUE_INTEGER: return ":long";
    case KG_VALUE_REAL: return ":double";
    case KG_VALUE_BOOLEAN: return ":boolean";
    default: return "";
    }
}

/* A header field: the property name (a ':' in it would start the type, so
 * it becomes '_'), its type suffix, quoted when CSV needs it. */
static kg_status header_field(kg_writer *w, const char *name, const char *type)
{
    size_t len = strlen(name);
    char *field = malloc(len + strlen(type) + 1);
    if (!field)
        return KG_ENOMEM;
    for (size_t i = 0; i <= len; i++)
        field[i] = name[i] == ':' ? '_' : name[i];
    strcat(field, type);
    kg_writer_putc(w, ',');
    if (strpbrk(field, ",\"\r\n"))
        kg_write_csv_field(w, field);
    else
        kg_writer_puts(w, field);
    free(field);
    return KG_OK;
}

static kg_status attr_headers(kg_writer *w, const kg_attr_keys *keys)
{
    char buf[256];
    kg_status status = KG_OK;
    for (size_t i = 0; status == KG_OK && i < keys->count; i++)
        status = header_field(w, kg_export_attr_name(keys->keys[i].name, buf, sizeof buf),
                              csv_type(keys->keys[i].kind));
    return status;
}

/* ,"value" or , for none. */
static void field(kg_writer *w, const char *value)
{
    kg_writer_putc(w, ',');
    if (value && value[0])
        kg_write_csv_field(w, value);
}

static bool field_owned(kg_writer *w, char *value)
{
    if (!value)
        return false;
    field(w, value);
    free(value);
    return true;
}

/* The free attributes in header order, empty where an element has none. */
static void attr_fields(kg_writer *w, const kg_attr_keys *keys, const kg_attr *attrs,
                        uint32_t count)
{
    uint32_t j = 0;
    for (size_t k = 0; k < keys->count; k++) {
        while (j < count && strcmp(attrs[j].key, keys->keys[k].name) < 0)
            j++;
        bool has = j < count && strcmp(attrs[j].key, keys->keys[k].name) == 0;
        field(w, has ? attrs[j].text : NULL);
    }
}

static bool common_fields(kg_writer *w, kg_date start, kg_date end, const kg_evidence *ev,
                          uint32_t count)
{
    char text[11];
    field(w, kg_date_format(start, text));
    field(w, kg_date_format(end, text));
    if (count == 0) { /* two empty fields, without building empty texts */
        field(w, NULL);
        field(w, NULL);
        return true;
    }
    return field_owned(w, kg_export_evidence_json(ev, count)) &&
           field_owned(w, kg_export_quotes_text(ev, count));
}

/* first (if not NULL) and the rest joined by `separator`, malloc'd. */
static char *join(const char *first, const char *const *rest, uint32_t count, char separator)
{
    size_t len = first ? strlen(first) + 1 : 0;
    for (uint32_t i = 0; i < count; i++)
        len += strlen(rest[i]) + 1;
    char *text = malloc(len + 1), *p = text;
    if (!text)
        return NULL;
    *p = '\0';
    if (first) {
        strcpy(p, first);
        p += strlen(first);
    }
    for (uint32_t i = 0; i < count; i++) {
        if (first || i > 0)
            *p++ = separator;
        strcpy(p, rest[i]);
        p += strlen(rest[i]);
    }
    return text;
}

/* aliases:string[] joined by ';', which neo4j-admin cannot escape: an
 * alias holding ';' is split there (the exact list is in the JSON and
 * Cypher exports). */
/* One file's rows: the nodes (or edges) of one type. */
typedef struct rows_ctx {
    const kg_id_table *ids; /* and the graph */
    const kg_attr_keys *keys;
    const char *type;
} rows_ctx;

/* Types are interned, so the address nearly always decides. */
static bool is_type(const char *type, const char *wanted)
{
    return type == wanted || strcmp(type, wanted) == 0;
}

/* What a node row and a relationship row end with: dates, evidence, the
 * attribute columns, the line end. False when out of memory. */
static bool end_row(kg_writer *w, const rows_ctx *c, kg_date start, kg_date end,
                    const kg_evidence *ev, uint32_t ev_count, const kg_attr *attrs,
                    uint32_t attr_count)
{
    bool ok = common_fields(w, start, end, ev, ev_count);
    attr_fields(w, c->keys, attrs, attr_count);
    kg_writer_putc(w, '\n');
    return ok;
}

static bool node_row(kg_writer *w, const void *ctx, size_t i)
{
    const rows_ctx *c = ctx;
    const kg_node *n = kg_graph_node(c->ids->graph, i);
    if (!is_type(n->type, c->type))
        return true;
    kg_write_csv_field(w, n->id);
    char *labels = join("Entity", &n->type, 1, ';');
    char *aliases = join(NULL, n->aliases, n->alias_count, ';');
    bool ok = field_owned(w, labels);
    field(w, n->label);
    field(w, n->description);
    ok = field_owned(w, aliases) && ok;
    return end_row(w, c, n->start, n->end, n->evidence, n->evidence_count, n->attrs,
                   n->attr_count) && ok;
}

static bool edge_row(kg_writer *w, const void *ctx, size_t i)
{
    const rows_ctx *c = ctx;
    const kg_edge *e = kg_graph_edge(c->ids->graph, i);
    if (!is_type(e->type, c->type))
        return true;
    kg_put_node_id(w, c->ids, e->source);
    kg_putc(w, ',');
    /* as field(): an empty id, "" in the table, is left empty */
    size_t len;
    kg_id_table_entry(c->ids, e->target, &len);
    if (len > 2)
        kg_put_node_id(w, c->ids, e->target);
    field(w, e->type);
    field(w, e->id);
    return end_row(w, c, e->start, e->end, e->evidence, e->evidence_count, e->attrs,
                   e->attr_count);
}

kg_status kg_export_neo4j_file(const kg_graph *g, size_t i, kg_writer *w, kg_error *err)
{
    const char *type = NULL;
    bool is_nodes = false, ok = true;
    kg_attr_keys keys = {0};
    kg_id_table ids = {g, NULL, NULL, 0};
    kg_status status = file_type(g, i, &type, &is_nodes);
    if (status == KG_OK)
        status = kg_export_collect_keys(g, is_nodes, type, &keys);
    rows_ctx ctx = {&ids, &keys, type};
    if (status == KG_OK && is_nodes) {
        kg_writer_puts(w, "id:ID,:LABEL,label,description,aliases:string[],start,end,evidence,quote");
        status = attr_headers(w, &keys);
        kg_writer_putc(w, '\n');
        ok = status != KG_OK || kg_export_nodes(w, g, node_row, &ctx);
    } else if (status == KG_OK) {
        kg_writer_puts(w, ":START_ID,:END_ID,:TYPE,id,start,end,evidence,quote");
        status = attr_headers(w, &keys);
        kg_writer_putc(w, '\n');
        ok = status != KG_OK || (kg_id_table_build(&ids, g, kg_write_csv_field) &&
                                 kg_export_edges(w, g, &ids, edge_row, &ctx));
    }
    kg_export_keys_free(&keys);
    kg_id_table_free(&ids);
    if (status == KG_EUSAGE)
        return kg_error_set(err, status, kg_writer_name(w), "no Neo4j CSV file number %zu", i);
    if (status != KG_OK || !ok)
        return kg_error_set(err, KG_ENOMEM, kg_writer_name(w),
                            "out of memory while writing Neo4j CSV");
    return kg_export_writer_error(w, err);
}

kg_status kg_export_neo4j_folder(const kg_graph *g, const char *dir, bool do_fsync,
                                 kg_error *err)
{
    size_t count = 0;
    kg_writer **writers = NULL;
    if (kg_neo4j_file_count(g, &count) != KG_OK ||
        !(writers = calloc(count + 1, sizeof *writers)))
        return kg_error_set(err, KG_ENOMEM, dir, "out of memory");
    kg_status status = KG_OK;
    char name[512], path[4096];
    for (size_t i = 0; status == KG_OK && i < count; i++) {
        status = kg_neo4j_file_name(g, i, name, sizeof name);
        if (status != KG_OK) {
            kg_error_set(err, status, dir, "cannot name Neo4j CSV file %zu", i + 1);
            break;
        }
        int len = snprintf(path, sizeof path, "%s/%s", dir, name);
        if (len < 0 || (size_t)len >= sizeof path) {
            status = kg_error_set(err, KG_ELIMIT, dir, "path too long");
            break;
        }
        status = kg_writer_open_file(path, do_fsync, &writers[i], err);
        if (status == KG_OK)
            status = kg_export_neo4j_file(g, i, writers[i], err);
        if (status == KG_OK)
            status = kg_writer_close(writers[i], err);
    }
    /* Rename into place only when every file was written. */
    for (size_t i = 0; i < count; i++) {
        if (status == KG_OK)
            status = kg_writer_commit(writers[i], err);
        else
            kg_writer_abort(writers[i]);
    }
    free(writers);
    return status;
}
