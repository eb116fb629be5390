/* ingest_tsv.c - tab-separated node and edge lists for the bulk loader:
 * the header names the columns (KGX's id/category/name and
 * subject/predicate/object, or kg's id/type/label and source/type/target),
 * each later line is split in place into one record. No quoting, as in
 * KGX TSV; '|' separates the values of a list column (aliases, synonym). */
#include <stdlib.h>
#include <string.h>

#include "ingest_internal.h"

typedef enum column_role {
    COL_ATTR = 0,
    COL_ID,
    COL_TYPE,
    COL_LABEL,
    COL_DESCRIPTION,
    COL_ALIASES,
    COL_START,
    COL_END,
    COL_SOURCE,
    COL_TARGET
} column_role;

typedef struct tsv_header {
    char **names;
    column_role *roles;
    size_t count;      /* columns; 0 when the header was bad */
    size_t name_count; /* names allocated */
    bool is_edge_list;
    char **cells; /* one line's fields, reused */
    int *columns;
} tsv_header;

/* Field names in order of preference: the first present takes the role,
 * a later one of the same role stays an attribute. */
typedef struct field_name {
    const char *name;
    column_role role;
} field_name;

static const field_name node_fields[] = {
    {"id", COL_ID},          {"category", COL_TYPE},    {"type", COL_TYPE},
    {"label", COL_LABEL},    {"name", COL_LABEL},       {"description", COL_DESCRIPTION},
    {"aliases", COL_ALIASES}, {"synonym", COL_ALIASES}, {"start", COL_START},
    {"end", COL_END},        {NULL, COL_ATTR}};

static const field_name edge_fields[] = {
    {"subject", COL_SOURCE}, {"source", COL_SOURCE}, {"object", COL_TARGET},
    {"target", COL_TARGET},  {"predicate", COL_TYPE}, {"type", COL_TYPE},
    {"id", COL_ID},          {"start", COL_START},   {"end", COL_END},
    {NULL, COL_ATTR}};

static size_t split(char *line, char **cells, int *columns, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        char *tab = strchr(p, '\t');
        if (n < max) {
            cells[n] = p;
            columns[n] = (int)(p - line) + 1;
        }
        n++;
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static bool has_column(char *const *names, size_t count, const char *a, const char *b)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(names[i], a) == 0 || strcmp(names[i], b) == 0)
            return true;
    return false;
}

/* Gives each column its role: for each role, the first field name of the
 * table that the header has. */
static void assign_roles(tsv_header *h)
{
    const field_name *fields = h->is_edge_list ? edge_fields : node_fields;
    bool taken[COL_TARGET + 1] = {false};
    for (const field_name *f = fields; f->name; f++) {
        if (taken[f->role])
            continue;
        for (size_t i = 0; i < h->count; i++)
            if (h->roles[i] == COL_ATTR && strcmp(h->names[i], f->name) == 0) {
                h->roles[i] = f->role;
                taken[f->role] = true;
                break;
            }
    }
}

static kg_status check_header(ingest_input *in, tsv_header *h, char *line, size_t count);

static kg_status read_header(ingest_input *in, char *line)
{
    tsv_header *h = calloc(1, sizeof *h);
    if (!h)
        return kg_ingest_problem(in, KG_ENOMEM, 0, NULL, "out of memory");
    in->format_state = h;
    size_t count = 1;
    for (const char *p = line; (p = strchr(p, '\t')); p++)
        count++;
    h->names = calloc(count, sizeof *h->names);
    h->roles = calloc(count, sizeof *h->roles);
    h->cells = calloc(count, sizeof *h->cells);
    h->columns = calloc(count, sizeof *h->columns);
    if (!h->names || !h->roles || !h->cells || !h->columns)
        return kg_ingest_problem(in, KG_ENOMEM, 0, NULL, "out of memory");
    kg_status st = check_header(in, h, line, count);
    if (st == KG_OK)
        h->count = count;
    return st;
}

static kg_status check_header(ingest_input *in, tsv_header *h, char *line, size_t count)
{
    split(line, h->cells, h->columns, count);
    for (size_t i = 0; i < count; i++) {
        if (!h->cells[i][0])
            return kg_ingest_problem(in, KG_EINPUT, h->columns[i], NULL,
                                     "empty column name in the header");
        for (size_t j = 0; j < i; j++)
            if (strcmp(h->names[j], h->cells[i]) == 0)
                return kg_ingest_problem(in, KG_EINPUT, h->columns[i], NULL,
                                         "column '%s' appears twice", h->cells[i]);
        h->names[i] = kg_strdup(h->cells[i]);
        if (!h->names[i])
            return kg_ingest_problem(in, KG_ENOMEM, 0, NULL, "out of memory");
        h->name_count = i + 1;
    }
    h->count = count; /* for assign_roles; reset by the caller on failure */
    h->is_edge_list = has_column(h->names, count, "subject", "source") &&
                      has_column(h->names, count, "object", "target");
    assign_roles(h);
    h->count = 0;
    if (h->is_edge_list ? in->role == KG_INGEST_NODES : in->role == KG_INGEST_EDGES)
        return kg_ingest_problem(in, KG_EINPUT, 1,
                                 h->is_edge_list ? "a node list has an 'id' column and no "
                                                   "'subject'/'source' and 'object'/'target'"
                                                 : "an edge list has 'subject' (or 'source') "
                                                   "and 'object' (or 'target') columns",
                                 "expected %s list header",
                                 in->role == KG_INGEST_NODES ? "a node" : "an edge");
    if (!h->is_edge_list && !has_column(h->names, count, "id", "id"))
        return kg_ingest_problem(in, KG_EINPUT, 1,
                                 "a node list needs an 'id' column; an edge list 'subject' "
                                 "(or 'source') and 'object' (or 'target')",
                                 "header has neither node nor edge columns");
    return KG_OK;
}

/* Splits a '|'-separated list in place into the scratch alias array. */
static kg_status split_list(ingest_input *in, char *text, ingest_record *r)
{
    size_t n = 0;
    for (char *p = text; p; n++) {
        char *bar = strchr(p, '|');
        if (kg_ingest_scratch_aliases(&in->scratch, n + 1) != KG_OK)
            return kg_ingest_problem(in, KG_ENOMEM, 0, NULL, "out of memory");
        if (bar)
            *bar = '\0';
        in->scratch.aliases[n] = p;
        p = bar ? bar + 1 : NULL;
        if (!in->scratch.aliases[n][0])
            n--; /* empty items ("a||b") are dropped */
    }
    r->aliases = in->scratch.aliases;
    r->alias_count = (uint32_t)n;
    return KG_OK;
}

static kg_status fill_record(ingest_input *in, const tsv_header *h, ingest_record *r)
{
    uint32_t attrs = 0;
    for (size_t i = 0; i < h->count; i++) {
        ingest_value v = {h->cells[i], h->columns[i]};
        switch (h->roles[i]) {
        case COL_ID: r->id = v; break;
        case COL_TYPE: {
            /* KGX lists categories with '|', most specific first. */
            char *bar = strchr(h->cells[i], '|');
            if (bar)
                *bar = '\0';
            r->type = v;
            break;
        }
        case COL_LABEL: r->label = v; break;
        case COL_DESCRIPTION: r->description = v; break;
        case COL_START: r->start = v; break;
        case COL_END: r->end = v; break;
        case COL_SOURCE: r->source = v; break;
        case COL_TARGET: r->target = v; break;
        case COL_ALIASES:
            if (v.text[0] && split_list(in, h->cells[i], r) != KG_OK)
                return KG_ENOMEM;
            break;
        case COL_ATTR:
            if (!v.text[0])
                break; /* an empty cell is an absent value */
            if (kg_ingest_scratch_attrs(&in->scratch, attrs + 1) != KG_OK)
                return kg_ingest_problem(in, KG_ENOMEM, 0, NULL, "out of memory");
            in->scratch.attrs[attrs++] =
                (kg_attr){h->names[i], v.text, kg_ingest_value_kind(v.text)};
            break;
        }
    }
    r->attrs = in->scratch.attrs;
    r->attr_count = attrs;
    return KG_OK;
}

kg_status kg_ingest_tsv_line(ingest_input *in, char *line, size_t len)
{
    tsv_header *h = in->format_state;
    if (!h)
        return read_header(in, line);
    if (h->count == 0)
        return KG_EINPUT; /* the header was bad: already reported */
    if (len == 0)
        return KG_OK; /* blank lines (a trailing one, typically) */
    size_t n = split(line, h->cells, h->columns, h->count);
    if (n != h->count)
        return kg_ingest_problem(in, KG_EINPUT, n < h->count ? (int)len + 1 : 0,
                                 NULL, "expected %zu tab-separated fields, found %zu",
                                 h->count, n);
    ingest_record r;
    memset(&r, 0, sizeof r);
    r.is_edge = h->is_edge_list;
    r.line = in->line;
    kg_status st = fill_record(in, h, &r);
    return st == KG_OK ? kg_ingest_record(in, &r) : st;
}

void kg_ingest_tsv_free(ingest_input *in)
{
    tsv_header *h = in->format_state;
    if (!h)
        return;
    for (size_t i = 0; h->names && i < h->name_count; i++)
        free(h->names[i]);
    free(h->names);
    free(h->roles);
    free(h->cells);
    free(h->columns);
    free(h);
    in->format_state = NULL;
}
