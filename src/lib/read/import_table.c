/* import_table.c - CSV (RFC 4180: quoted fields, "" for a quote, line
 * breaks inside quotes) and TSV (tab-separated, no quoting) with a header
 * row. A header with "source" and "target" columns makes an edge list,
 * one with "id" a node list. Columns are attributes named by the header;
 * a Neo4j-style suffix types them ("weight:double", "since:int") or names
 * kg's fields (":ID", ":START_ID", ":END_ID", ":TYPE", ":LABEL"), so
 * kg's own neo4j-admin files read back: ":LABEL" holds "Entity;TYPE" and
 * "aliases:string[]" the aliases joined by ';';
 * untyped columns get the type all their values share (inferred without
 * changing any text). Empty cells are absent values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import_internal.h"
#include "kg/writer.h"

typedef struct cell {
    char *text; /* in the table's arena */
    int line, column;
} cell;

typedef struct row {
    cell *cells;
    size_t count;
} row;

enum role { ROLE_ATTR, ROLE_ID, ROLE_SOURCE, ROLE_TARGET, ROLE_TYPE };

typedef struct column {
    const char *name;
    int role;
    bool is_typed;
    bool is_array;  /* "name:type[]": values joined by ';' */
    bool is_labels; /* ":LABEL": Neo4j labels joined by ';' */
    kg_imp_type type;
} column;

typedef struct table {
    kg_importer *im;
    kg_arena arena;
    row *rows;
    size_t row_count, row_capacity;
    column *columns;
    size_t column_count;
    bool is_edge_list;
    bool is_neo4j; /* neo4j-admin: an untyped column is a string column */
} table;

/* ---- splitting ---------------------------------------------------------- */

typedef struct scanner {
    const char *p, *end;
    int line, column;
    char separator;
} scanner;

static void advance(scanner *s)
{
    if (*s->p == '\n') {
        s->line++;
        s->column = 1;
    } else if (((unsigned char)*s->p & 0xC0) != 0x80) {
        s->column++; /* columns count characters, not bytes */
    }
    s->p++;
}

static bool is_row_end(const scanner *s)
{
    return s->p == s->end || *s->p == '\n' || (*s->p == '\r' && (s->p + 1 == s->end || s->p[1] == '\n'));
}

/* One field into the arena; KG_EINPUT for a malformed quoted field. */
static kg_status scan_field(table *t, scanner *s, cell *out)
{
    kg_writer *w = NULL;
    *out = (cell){NULL, s->line, s->column};
    if (kg_writer_open_memory(&w, NULL) != KG_OK)
        return kg_imp_error(t->im, KG_ENOMEM, NULL, NULL, "out of memory");
    kg_status st = KG_OK;
    if (s->separator == ',' && s->p < s->end && *s->p == '"') {
        advance(s);
        for (;;) {
            if (s->p == s->end) {
                kg_imp_where w0 = {out->line, out->column, NULL};
                st = kg_imp_error(t->im, KG_EINPUT, &w0, NULL, "quoted field is never closed");
                break;
            }
            if (*s->p == '"' && (s->p + 1 == s->end || s->p[1] != '"')) {
                advance(s);
                break;
            }
            if (*s->p == '"')
                advance(s); /* "" is one quote */
            kg_writer_putc(w, *s->p);
            advance(s);
        }
        if (st == KG_OK && !is_row_end(s) && *s->p != s->separator) {
            kg_imp_where w1 = {s->line, s->column, NULL};
            st = kg_imp_error(t->im, KG_EINPUT, &w1, "quote the whole field and double the quotes inside",
                              "unexpected text after a quoted field");
        }
    } else {
        while (!is_row_end(s) && *s->p != s->separator) {
            kg_writer_putc(w, *s->p);
            advance(s);
        }
    }
    size_t len;
    const char *text = kg_writer_memory(w, &len);
    if (st == KG_OK && (kg_writer_status(w) != KG_OK || !(out->text = kg_arena_strndup(&t->arena, text, len))))
        st = kg_imp_error(t->im, KG_ENOMEM, NULL, NULL, "out of memory");
    kg_writer_abort(w);
    return st;
}

static kg_status scan_row(table *t, scanner *s, row *r)
{
    cell *cells = NULL;
    size_t count = 0, capacity = 0;
    kg_status st = KG_OK;
    for (;;) {
        if (kg_grow((void **)&cells, &capacity, count + 1, sizeof *cells) != KG_OK) {
            st = kg_imp_error(t->im, KG_ENOMEM, NULL, NULL, "out of memory");
            break;
        }
        if ((st = scan_field(t, s, &cells[count])) != KG_OK)
            break;
        count++;
        if (is_row_end(s))
            break;
        advance(s); /* the separator */
    }
    if (s->p < s->end && *s->p == '\r')
        advance(s);
    if (s->p < s->end && *s->p == '\n')
        advance(s);
    r->cells = st == KG_OK ? kg_arena_alloc(&t->arena, count * sizeof *cells + 1) : NULL;
    if (st == KG_OK && !r->cells)
        st = kg_imp_error(t->im, KG_ENOMEM, NULL, NULL, "out of memory");
    if (st == KG_OK)
        memcpy(r->cells, cells, count * sizeof *cells);
    r->count = count;
    free(cells);
    return st;
}

static kg_status split(table *t, const char *text, size_t len, char separator)
{
    scanner s = {text, text + len, 1, 1, separator};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        s.p += 3; /* a byte-order mark */
    kg_status st = KG_OK;
    while (st == KG_OK && s.p < s.end) {
        row r;
        st = scan_row(t, &s, &r);
        if (st != KG_OK || (r.count == 1 && !r.cells[0].text[0]))
            continue; /* an empty line */
        if (kg_grow((void **)&t->rows, &t->row_capacity, t->row_count + 1, sizeof *t->rows) != KG_OK)
            return kg_imp_error(t->im, KG_ENOMEM, NULL, NULL, "out of memory");
        t->rows[t->row_count++] = r;
    }
    return st;
}

/* ---- header ------------------------------------------------------------- */

/* "name:suffix" (Neo4j's header syntax): a type or one of kg's fields. */
static void parse_header(column *c, char *name)
{
    static const struct {
        const char *suffix;
        int role;
        kg_imp_type type;
    } suffixes[] = {{"ID", ROLE_ID, 0},        {"START_ID", ROLE_SOURCE, 0}, {"END_ID", ROLE_TARGET, 0},
                    {"TYPE", ROLE_TYPE, 0},    {"LABEL", ROLE_TYPE, 0},      {"int", ROLE_ATTR, KG_IMP_INTEGER},
                    {"long", ROLE_ATTR, KG_IMP_INTEGER}, {"float", ROLE_ATTR, KG_IMP_REAL},
                    {"double", ROLE_ATTR, KG_IMP_REAL},  {"boolean", ROLE_ATTR, KG_IMP_BOOLEAN},
                    {"string", ROLE_ATTR, KG_IMP_STRING}};
    memset(c, 0, sizeof *c);
    c->name = name;
    c->role = strcmp(name, "id") == 0       ? ROLE_ID
              : strcmp(name, "source") == 0 ? ROLE_SOURCE
              : strcmp(name, "target") == 0 ? ROLE_TARGET
                                            : ROLE_ATTR;
    char *colon = strrchr(name, ':');
    if (!colon || c->role != ROLE_ATTR)
        return;
    char *paren = strchr(colon + 1, '('); /* ":ID(Person)" names an id space */
    size_t n = paren ? (size_t)(paren - colon - 1) : strlen(colon + 1);
    bool is_array = n > 2 && strncmp(colon + 1 + n - 2, "[]", 2) == 0;
    if (is_array)
        n -= 2;
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        if (strlen(suffixes[i].suffix) != n || strncasecmp(colon + 1, suffixes[i].suffix, n) != 0)
            continue;
        if (is_array && suffixes[i].role != ROLE_ATTR)
            return;
        *colon = '\0';
        c->role = suffixes[i].role;
        c->is_typed = c->role == ROLE_ATTR;
        c->is_array = is_array;
        c->is_labels = strcasecmp(suffixes[i].suffix, "LABEL") == 0;
        /* An array's values stay one string, except aliases. */
        c->type = is_array ? KG_IMP_STRING : suffixes[i].type;
        if (c->role == ROLE_TYPE)
            c->name = "type";
        return;
    }
}

static kg_status read_header(table *t)
{
    if (t->row_count == 0)
        return kg_imp_error(t->im, KG_EINPUT, NULL, "the first row names the columns",
                            "no header row");
    const row *h = &t->rows[0];
    t->column_count = h->count;
    t->columns = kg_arena_alloc(&t->arena, h->count * sizeof *t->columns + 1);
    if (!t->columns)
        return kg_imp_error(t->im, KG_ENOMEM, NULL, NULL, "out of memory");
    bool has[5] = {false};
    for (size_t i = 0; i < h->count; i++) {
        column *c = &t->columns[i];
        kg_imp_where w = {h->cells[i].line, h->cells[i].column, NULL};
        parse_header(c, h->cells[i].text);
        if (c->role != ROLE_ATTR && c->role != ROLE_TYPE && has[c->role])
            return kg_imp_error(t->im, KG_EINPUT, &w, NULL, "a second '%s' column", c->name);
        has[c->role] = true;
        for (size_t j = 0; j < i; j++)
            if (strcmp(t->columns[j].name, c->name) == 0 && c->role == ROLE_ATTR)
                return kg_imp_error(t->im, KG_EINPUT, &w, NULL, "column '%s' appears twice", c->name);
    }
    t->is_edge_list = has[ROLE_SOURCE] || has[ROLE_TARGET];
    if (t->is_edge_list && !(has[ROLE_SOURCE] && has[ROLE_TARGET]))
        return kg_imp_error(t->im, KG_EINPUT, &(kg_imp_where){1, 1, NULL}, NULL,
                            "an edge list needs both a 'source' and a 'target' column");
    if (!t->is_edge_list && !has[ROLE_ID])
        return kg_imp_error(t->im, KG_EINPUT, &(kg_imp_where){1, 1, NULL},
                            "name the columns in the first row",
                            "the header has neither 'source' and 'target' (an edge list) nor 'id' "
                            "(a node list)");
    return KG_OK;
}

/* Untyped attribute columns: the type all their values share. */
static void infer_columns(table *t)
{
    for (size_t c = 0; c < t->column_count; c++) {
        column *col = &t->columns[c];
        if (col->role != ROLE_ATTR || col->is_typed)
            continue;
        if (t->is_neo4j) {
            col->type = KG_IMP_STRING;
            continue;
        }
        kg_imp_infer inf;
        kg_imp_infer_init(&inf);
        for (size_t r = 1; r < t->row_count; r++)
            if (c < t->rows[r].count && t->rows[r].cells[c].text[0])
                kg_imp_infer_add(&inf, t->rows[r].cells[c].text);
        col->type = kg_imp_infer_result(&inf);
    }
}

/* ---- rows --------------------------------------------------------------- */

/* The type in Neo4j labels "A;B": kg writes "Entity;TYPE", so the first
 * label other than Entity (Entity itself when it is the only one). */
static kg_status labels_type(table *t, char *labels)
{
    char *chosen = NULL;
    for (char *label = labels, *next; label; label = next) {
        next = strchr(label, ';');
        if (next)
            *next++ = '\0';
        if (label[0] && (!chosen || strcmp(chosen, "Entity") == 0))
            chosen = label;
    }
    return chosen ? kg_imp_value(t->im, "type", chosen, KG_VALUE_STRING) : KG_OK;
}

/* Neo4j's array cell "a;b;c" as aliases (its only array kg writes). */
static kg_status alias_list(table *t, const char *text)
{
    kg_status st = KG_OK;
    for (const char *p = text; st == KG_OK && *p;) {
        size_t n = strcspn(p, ";");
        char *alias = kg_arena_strndup(&t->arena, p, n);
        if (!alias)
            return kg_imp_error(t->im, KG_ENOMEM, NULL, NULL, "out of memory");
        if (alias[0])
            st = kg_imp_add_alias(t->im, alias);
        p += n + (p[n] == ';');
    }
    return st;
}

static kg_status cell_value(table *t, const column *col, const cell *c)
{
    kg_imp_where w = {c->line, c->column, NULL};
    size_t size = strlen(c->text) + 128; /* room for the reason on failure */
    char *buf = malloc(size);
    if (!buf)
        return kg_imp_error(t->im, KG_ENOMEM, NULL, NULL, "out of memory");
    kg_value_kind kind = KG_VALUE_STRING;
    bool is_nonfinite = false;
    kg_status st = KG_OK;
    if (!kg_imp_convert(c->text, col->type, buf, size, &kind, &is_nonfinite))
        st = kg_imp_error(t->im, KG_EINPUT, &w, NULL, "column '%s': %s", col->name, buf);
    else if (is_nonfinite)
        kg_imp_warning(t->im, &w, "'%s' is not a finite number; kept as a string", c->text);
    if (st == KG_OK)
        st = kg_imp_value(t->im, col->name, col->type == KG_IMP_STRING ? c->text : buf, kind);
    free(buf);
    return st;
}

static kg_status read_row(table *t, const row *r)
{
    kg_imp_where w = {r->cells[0].line, r->cells[0].column, NULL};
    if (r->count != t->column_count)
        return kg_imp_error(t->im, KG_EINPUT, &w, NULL, "row has %zu field%s, the header %zu",
                            r->count, r->count == 1 ? "" : "s", t->column_count);
    kg_status st = kg_imp_begin(t->im, t->is_edge_list, &w);
    const char *source = NULL, *target = NULL;
    for (size_t i = 0; i < r->count && st == KG_OK; i++) {
        const column *col = &t->columns[i];
        const cell *c = &r->cells[i];
        if (!c->text[0])
            continue;
        if (col->role == ROLE_ID)
            st = kg_imp_set_id(t->im, c->text);
        else if (col->role == ROLE_SOURCE)
            source = c->text;
        else if (col->role == ROLE_TARGET)
            target = c->text;
        else if (col->role == ROLE_TYPE && col->is_labels)
            st = labels_type(t, c->text);
        else if (col->role == ROLE_TYPE)
            st = kg_imp_value(t->im, "type", c->text, KG_VALUE_STRING);
        else if (col->is_array && strcmp(col->name, "aliases") == 0)
            st = alias_list(t, c->text);
        else
            st = cell_value(t, col, c);
    }
    if (st == KG_OK && t->is_edge_list && (!source || !target))
        return kg_imp_error(t->im, KG_EINPUT, &w, NULL, "row without a %s",
                            source ? "target" : "source");
    if (st == KG_OK && t->is_edge_list)
        st = kg_imp_set_endpoints(t->im, source, target);
    return st == KG_OK ? kg_imp_end(t->im) : st;
}

static kg_status read_table(kg_importer *im, const char *text, size_t len, char separator,
                            int expect_edges, bool is_neo4j)
{
    table t;
    memset(&t, 0, sizeof t);
    t.im = im;
    t.is_neo4j = is_neo4j;
    kg_arena_init(&t.arena);
    kg_status st = split(&t, text, len, separator);
    if (st == KG_OK)
        st = read_header(&t);
    if (st == KG_OK && expect_edges >= 0 && t.is_edge_list != (expect_edges == 1))
        st = kg_imp_error(im, KG_EINPUT, &(kg_imp_where){1, 1, NULL}, NULL,
                          expect_edges ? "expected an edge list (source and target columns) "
                                         "with a separate node list"
                                       : "expected a node list (an 'id' column)");
    if (st == KG_OK)
        infer_columns(&t);
    for (size_t r = 1; st == KG_OK && r < t.row_count; r++)
        st = read_row(&t, &t.rows[r]);
    free(t.rows);
    kg_arena_free(&t.arena);
    return st;
}

/* Text already read (a node list, or one file of a neo4j-admin folder),
 * under its own name in messages. */
kg_status kg_table_import_part(kg_importer *im, const kg_imp_text *part, int expect_edges,
                               bool is_neo4j)
{
    const char *name = im->name;
    im->name = part->name;
    kg_status st = read_table(im, part->text, part->len, part->separator, expect_edges,
                              is_neo4j);
    im->name = name;
    return st;
}

kg_status kg_table_import(kg_importer *im, const char *text, size_t len, char separator,
                          const kg_imp_text *nodes)
{
    im->creates_missing_nodes = !nodes;
    kg_status st = nodes ? kg_table_import_part(im, nodes, 0, false) : KG_OK;
    if (st == KG_OK)
        st = read_table(im, text, len, separator, nodes ? 1 : -1, false);
    return st;
}
