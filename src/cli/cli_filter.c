/* cli_filter.c - the selection options every analysis command accepts,
 * loading a data set with them applied, entity names resolved with helpful
 * messages, and results printed as an aligned table, CSV or JSON. */
#include "cli_filter.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli_load.h"

/* ---- selection options -------------------------------------------------- */

void kg_cli_selection_init(kg_cli_selection *s, const char *command)
{
    memset(s, 0, sizeof *s);
    s->command = command;
    s->as_of.precision = KG_DATE_NONE;
}

void kg_cli_selection_free(kg_cli_selection *s)
{
    for (int k = 0; k < 4; k++) {
        for (size_t i = 0; i < s->lists[k].count; i++)
            free(s->lists[k].names[i]);
        free(s->lists[k].names);
        s->lists[k].names = NULL;
        s->lists[k].count = 0;
    }
}

/* Adds each name of a comma-separated list. */
static int add_types(kg_cli_selection *s, kg_type_list *list, const char *value)
{
    const char *p = value;
    while (*p) {
        size_t len = strcspn(p, ",");
        if (len > 0) {
            char **grown = realloc(list->names, (list->count + 1) * sizeof *grown);
            char *name = grown ? strndup(p, len) : NULL;
            if (grown)
                list->names = grown;
            if (!name) {
                kg_cli_fail("out of memory");
                return KG_EXIT_SYSTEM;
            }
            list->names[list->count++] = name;
        }
        p += len;
        if (*p == ',')
            p++;
    }
    if (list->count == 0)
        return kg_cli_usage_error(s->command, "empty type list '%s'", value);
    return KG_EXIT_OK;
}

int kg_cli_selection_option(kg_cli_selection *s, int c, const char *arg, char **argv)
{
    switch (c) {
    case KG_OPT_NODE_TYPE: return add_types(s, &s->lists[0], arg);
    case KG_OPT_EXCLUDE_NODE_TYPE: return add_types(s, &s->lists[1], arg);
    case KG_OPT_EDGE_TYPE: return add_types(s, &s->lists[2], arg);
    case KG_OPT_EXCLUDE_EDGE_TYPE: return add_types(s, &s->lists[3], arg);
    case KG_OPT_AS_OF:
        if (kg_date_parse(arg, &s->as_of) != KG_OK)
            return kg_cli_usage_error(s->command,
                                      "invalid date '%s' for --as-of (expected YYYY, YYYY-MM or "
                                      "YYYY-MM-DD)", arg);
        return KG_EXIT_OK;
    case KG_OPT_SCHEMA: s->schema_path = arg; return KG_EXIT_OK;
    case KG_OPT_FROM: s->from = arg; return kg_cli_check_from(s->command, arg);
    case 'f':
        if (strcmp(arg, "table") == 0 || strcmp(arg, "text") == 0)
            s->format = KG_OUT_TABLE;
        else if (strcmp(arg, "csv") == 0)
            s->format = KG_OUT_CSV;
        else if (strcmp(arg, "json") == 0)
            s->format = KG_OUT_JSON;
        else
            return kg_cli_usage_error(s->command, "unknown format '%s' (known: table, csv, json)",
                                      arg);
        return KG_EXIT_OK;
    case ':':
        return kg_cli_usage_error(s->command, "option '%s' needs a value", argv[optind - 1]);
    default:
        return kg_cli_usage_error(s->command, "unknown option '%s'", argv[optind - 1]);
    }
}

int kg_cli_parse_count(const char *command, const char *option, const char *arg, size_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (arg[0] == '-' || arg[0] == '\0' || *end != '\0' || errno == ERANGE || v > SIZE_MAX / 2)
        return kg_cli_usage_error(command, "%s needs a non-negative whole number, not '%s'",
                                  option, arg);
    *out = (size_t)v;
    return KG_EXIT_OK;
}

/* ---- loading and resolving ---------------------------------------------- */

int kg_cli_load_selection(const char *path, const kg_cli_selection *s, kg_cli_graphs *out)
{
    memset(out, 0, sizeof *out);
    out->path = path;
    kg_cli_load_args load = {s->command, s->from, s->schema_path, NULL, NULL, NULL};
    int rc = kg_cli_load_graph(path, &load, &out->full);
    if (rc != KG_EXIT_OK)
        return rc;
    kg_filter f;
    kg_filter_init(&f);
    f.node_types = (const char *const *)s->lists[0].names;
    f.node_type_count = s->lists[0].count;
    f.exclude_node_types = (const char *const *)s->lists[1].names;
    f.exclude_node_type_count = s->lists[1].count;
    f.edge_types = (const char *const *)s->lists[2].names;
    f.edge_type_count = s->lists[2].count;
    f.exclude_edge_types = (const char *const *)s->lists[3].names;
    f.exclude_edge_type_count = s->lists[3].count;
    f.as_of = s->as_of;
    if (kg_filter_is_empty(&f)) {
        out->graph = out->full;
        return KG_EXIT_OK;
    }
    kg_error err;
    kg_error_clear(&err);
    kg_status st = kg_filter_apply(out->full, &f, &out->graph, &err);
    if (st != KG_OK) {
        snprintf(err.file, sizeof err.file, "%s", path);
        kg_cli_print_error(&err);
        kg_cli_graphs_free(out);
        return kg_cli_exit_code(st);
    }
    return KG_EXIT_OK;
}

void kg_cli_graphs_free(kg_cli_graphs *g)
{
    kg_resolver_free(g->resolver);
    if (g->graph != g->full)
        kg_graph_free(g->graph);
    kg_graph_free(g->full);
    memset(g, 0, sizeof *g);
}

int kg_cli_resolve(kg_cli_graphs *g, const char *name, size_t *index)
{
    kg_error err;
    kg_error_clear(&err);
    kg_status st = KG_OK;
    if (!g->resolver)
        st = kg_resolver_new(g->full, &g->resolver, &err);
    size_t node = 0;
    if (st == KG_OK)
        st = kg_resolve(g->resolver, name, &node, &err);
    if (st != KG_OK) {
        snprintf(err.file, sizeof err.file, "%s", g->path);
        kg_cli_print_error(&err);
        return kg_cli_exit_code(st);
    }
    const kg_node *n = kg_graph_node(g->full, node);
    *index = kg_graph_find_node(g->graph, n->id);
    if (*index == KG_SCHEMA_NOT_FOUND) {
        kg_cli_fail("%s: entity '%s' (%s, %s) is not in the selection (--node-type, "
                    "--exclude-node-type or --as-of leave it out)",
                    g->path, n->id, n->label, n->type);
        return KG_EXIT_INPUT;
    }
    return KG_EXIT_OK;
}

/* ---- tables --------------------------------------------------------------- */

typedef enum cell_kind { CELL_NULL = 0, CELL_TEXT, CELL_NUMBER, CELL_COUNT, CELL_LIST } cell_kind;

typedef struct cell {
    cell_kind kind;
    char *text;   /* TEXT */
    double number;
    size_t count;
    char **items; /* LIST, `count` of them */
} cell;

typedef struct meta {
    char *key;
    char *text;
    double number;
    bool is_number;
} meta;

struct kg_table {
    size_t columns;
    const char *const *names;
    bool *is_numeric;
    cell *cells; /* row-major */
    size_t rows;
    size_t filled; /* cells in use */
    size_t capacity;
    meta *metas;
    size_t meta_count;
    bool is_broken; /* an allocation failed */
};

#define LIST_SHOWN 10
#define KG_TABLE_MAX_COLUMNS 32

kg_table *kg_table_new(size_t columns, const char *const *names)
{
    if (columns == 0 || columns > KG_TABLE_MAX_COLUMNS)
        return NULL;
    kg_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->columns = columns;
    t->names = names;
    t->is_numeric = calloc(columns ? columns : 1, sizeof *t->is_numeric);
    if (!t->is_numeric) {
        free(t);
        return NULL;
    }
    return t;
}

static void free_cell(cell *c)
{
    free(c->text);
    for (size_t i = 0; c->kind == CELL_LIST && i < c->count; i++)
        free(c->items[i]);
    free(c->items);
}

void kg_table_free(kg_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->filled; i++)
        free_cell(&t->cells[i]);
    for (size_t i = 0; i < t->meta_count; i++) {
        free(t->metas[i].key);
        free(t->metas[i].text);
    }
    free(t->metas);
    free(t->cells);
    free(t->is_numeric);
    free(t);
}

static bool add_meta(kg_table *t, const char *key, const char *text, double number)
{
    if (t->is_broken)
        return false;
    meta *grown = realloc(t->metas, (t->meta_count + 1) * sizeof *grown);
    if (!grown)
        return !(t->is_broken = true);
    t->metas = grown;
    meta *m = &t->metas[t->meta_count];
    m->key = strdup(key);
    m->text = text ? strdup(text) : NULL;
    m->number = number;
    m->is_number = !text;
    if (!m->key || (text && !m->text)) {
        free(m->key);
        free(m->text);
        return !(t->is_broken = true);
    }
    t->meta_count++;
    return true;
}

bool kg_table_meta_text(kg_table *t, const char *key, const char *value)
{
    return add_meta(t, key, value ? value : "", 0);
}

bool kg_table_meta_number(kg_table *t, const char *key, double value)
{
    return add_meta(t, key, NULL, value);
}

bool kg_table_row(kg_table *t)
{
    if (t->is_broken)
        return false;
    while (t->filled < t->rows * t->columns) /* pad a short row */
        if (!kg_table_text(t, NULL))
            return false;
    t->rows++;
    return true;
}

/* The next cell of the current row, or NULL. */
static cell *next_cell(kg_table *t)
{
    if (t->is_broken || t->rows == 0 || t->filled >= t->rows * t->columns)
        return NULL;
    if (t->filled == t->capacity) {
        size_t grown = t->capacity ? 2 * t->capacity : 64;
        cell *cells = realloc(t->cells, grown * sizeof *cells);
        if (!cells) {
            t->is_broken = true;
            return NULL;
        }
        t->cells = cells;
        t->capacity = grown;
    }
    cell *c = &t->cells[t->filled++];
    memset(c, 0, sizeof *c);
    return c;
}

bool kg_table_text(kg_table *t, const char *value)
{
    cell *c = next_cell(t);
    if (!c)
        return false;
    if (!value)
        return true;
    c->kind = CELL_TEXT;
    c->text = strdup(value);
    return c->text ? true : !(t->is_broken = true);
}

bool kg_table_number(kg_table *t, double value)
{
    cell *c = next_cell(t);
    if (!c)
        return false;
    c->kind = CELL_NUMBER;
    c->number = value;
    t->is_numeric[(t->filled - 1) % t->columns] = true;
    return true;
}

bool kg_table_count(kg_table *t, size_t value)
{
    cell *c = next_cell(t);
    if (!c)
        return false;
    c->kind = CELL_COUNT;
    c->count = value;
    t->is_numeric[(t->filled - 1) % t->columns] = true;
    return true;
}

bool kg_table_list(kg_table *t, const char *const *items, size_t count)
{
    cell *c = next_cell(t);
    if (!c)
        return false;
    c->kind = CELL_LIST;
    c->items = calloc(count ? count : 1, sizeof *c->items);
    if (!c->items)
        return !(t->is_broken = true);
    for (size_t i = 0; i < count; i++, c->count++)
        if (!(c->items[i] = strdup(items[i])))
            return !(t->is_broken = true);
    return true;
}

/* ---- printing ------------------------------------------------------------- */

/* Formats a cell for a table (is_exact false) or for CSV/JSON. */
static char *cell_text(const cell *c, bool is_exact)
{
    char buf[64];
    switch (c->kind) {
    case CELL_NULL: return strdup(is_exact ? "" : "-");
    case CELL_TEXT: return strdup(c->text);
    case CELL_COUNT: snprintf(buf, sizeof buf, "%zu", c->count); return strdup(buf);
    case CELL_NUMBER:
        if (is_exact) {
            kg_format_double(c->number, buf);
        } else {
            snprintf(buf, sizeof buf, "%.6g", c->number);
            for (char *p = buf; *p; p++)
                if (*p == ',')
                    *p = '.'; /* a decimal comma from LC_NUMERIC */
        }
        return strdup(buf);
    case CELL_LIST: break;
    }
    size_t shown = is_exact || c->count <= LIST_SHOWN ? c->count : LIST_SHOWN - 1;
    size_t len = 32;
    for (size_t i = 0; i < shown; i++)
        len += strlen(c->items[i]) + 2;
    char *s = malloc(len);
    if (!s)
        return NULL;
    size_t used = 0;
    s[0] = '\0';
    for (size_t i = 0; i < shown; i++)
        used += (size_t)snprintf(s + used, len - used, "%s%s", i ? (is_exact ? " " : ", ") : "",
                                 c->items[i]);
    if (shown < c->count)
        snprintf(s + used, len - used, ", ... +%zu", c->count - shown);
    return s;
}

/* Display width: UTF-8 code points (continuation bytes do not count). */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void put_padded(kg_writer *w, const char *s, size_t field, bool is_right, bool is_last)
{
    size_t pad = field > width(s) ? field - width(s) : 0;
    if (is_right)
        for (size_t i = 0; i < pad; i++)
            kg_writer_putc(w, ' ');
    kg_writer_puts(w, s);
    if (!is_right && !is_last)
        for (size_t i = 0; i < pad; i++)
            kg_writer_putc(w, ' ');
    kg_writer_puts(w, is_last ? "\n" : "  ");
}

static void print_aligned(const kg_table *t, char **texts, kg_writer *w)
{
    size_t field[KG_TABLE_MAX_COLUMNS];
    for (size_t c = 0; c < t->columns; c++)
        field[c] = width(t->names[c]);
    for (size_t i = 0; i < t->filled; i++)
        if (width(texts[i]) > field[i % t->columns])
            field[i % t->columns] = width(texts[i]);
    for (size_t i = 0; i < t->meta_count; i++) {
        char buf[64];
        const meta *m = &t->metas[i];
        kg_writer_printf(w, "%s: %s\n", m->key,
                         m->is_number ? kg_format_double(m->number, buf) : m->text);
    }
    if (t->meta_count)
        kg_writer_putc(w, '\n');
    for (size_t c = 0; c < t->columns; c++)
        put_padded(w, t->names[c], field[c], t->is_numeric[c], c + 1 == t->columns);
    for (size_t i = 0; i < t->filled; i++)
        put_padded(w, texts[i], field[i % t->columns], t->is_numeric[i % t->columns],
                   i % t->columns + 1 == t->columns);
}

static void put_csv(kg_writer *w, const char *s, bool is_last)
{
    if (strpbrk(s, ",\"\r\n")) {
        kg_writer_putc(w, '"');
        for (; *s; s++) {
            if (*s == '"')
                kg_writer_putc(w, '"');
            kg_writer_putc(w, *s);
        }
        kg_writer_putc(w, '"');
    } else {
        kg_writer_puts(w, s);
    }
    kg_writer_puts(w, is_last ? "\r\n" : ",");
}

static void put_json_cell(kg_writer *w, const cell *c, const char *text)
{
    if (c->kind == CELL_NULL) {
        kg_writer_puts(w, "null");
    } else if (c->kind == CELL_TEXT) {
        kg_write_json_string(w, c->text);
    } else if (c->kind == CELL_LIST) {
        kg_writer_putc(w, '[');
        for (size_t i = 0; i < c->count; i++) {
            if (i)
                kg_writer_puts(w, ", ");
            kg_write_json_string(w, c->items[i]);
        }
        kg_writer_putc(w, ']');
    } else if (c->kind == CELL_NUMBER && !isfinite(c->number)) {
        kg_writer_puts(w, "null"); /* JSON has no NaN or infinity */
    } else {
        kg_writer_puts(w, text);
    }
}

static void print_json(const kg_table *t, char **texts, kg_writer *w)
{
    char buf[64];
    kg_writer_puts(w, "{\n");
    for (size_t i = 0; i < t->meta_count; i++) {
        const meta *m = &t->metas[i];
        kg_writer_puts(w, "  ");
        kg_write_json_string(w, m->key);
        kg_writer_puts(w, ": ");
        if (m->is_number)
            kg_writer_puts(w, isfinite(m->number) ? kg_format_double(m->number, buf) : "null");
        else
            kg_write_json_string(w, m->text);
        kg_writer_puts(w, ",\n");
    }
    kg_writer_puts(w, "  \"results\": [");
    for (size_t r = 0; r < t->rows; r++) {
        kg_writer_puts(w, r ? ",\n    {" : "\n    {");
        for (size_t c = 0; c < t->columns; c++) {
            size_t i = r * t->columns + c;
            if (c)
                kg_writer_puts(w, ", ");
            kg_write_json_string(w, t->names[c]);
            kg_writer_puts(w, ": ");
            put_json_cell(w, &t->cells[i], texts[i]);
        }
        kg_writer_putc(w, '}');
    }
    kg_writer_puts(w, t->rows ? "\n  ]\n}\n" : "]\n}\n");
}

static void print_csv(const kg_table *t, char **texts, kg_writer *w)
{
    for (size_t c = 0; c < t->columns; c++)
        put_csv(w, t->names[c], c + 1 == t->columns);
    for (size_t i = 0; i < t->filled; i++)
        put_csv(w, texts[i], i % t->columns + 1 == t->columns);
}

int kg_table_print(kg_table *t, kg_out_format format)
{
    kg_error err;
    kg_error_clear(&err);
    kg_writer *w = NULL;
    char **texts = NULL;
    kg_status st = t && !t->is_broken ? KG_OK : KG_ENOMEM;
    if (st == KG_OK) {
        /* a last short row is padded like the others */
        while (t->filled < t->rows * t->columns && kg_table_text(t, NULL))
            ;
        st = t->is_broken ? KG_ENOMEM : KG_OK;
    }
    if (st == KG_OK)
        texts = calloc(t->filled ? t->filled : 1, sizeof *texts);
    for (size_t i = 0; texts && i < t->filled; i++)
        if (!(texts[i] = cell_text(&t->cells[i], format != KG_OUT_TABLE)))
            st = KG_ENOMEM;
    if (st == KG_OK && !texts)
        st = KG_ENOMEM;
    if (st == KG_OK)
        st = kg_writer_open_stream(stdout, "<stdout>", &w, &err);
    if (st == KG_OK) {
        if (format == KG_OUT_JSON)
            print_json(t, texts, w);
        else if (format == KG_OUT_CSV)
            print_csv(t, texts, w);
        else
            print_aligned(t, texts, w);
        st = kg_writer_commit(w, &err);
    } else if (st == KG_ENOMEM) {
        kg_error_set(&err, st, NULL, "out of memory formatting results");
    }
    for (size_t i = 0; texts && i < t->filled; i++)
        free(texts[i]);
    free(texts);
    if (st != KG_OK)
        kg_cli_print_error(&err);
    return kg_cli_exit_code(st);
}

/* ---- partitions ---------------------------------------------------------- */

static kg_table *partition_table(const char *kind, kg_out_format format)
{
    /* a table keeps its column names by pointer: static lists outlive it */
    static const char *const component[] = {"component", "size", "members", "labels"};
    static const char *const community[] = {"community", "size", "members", "labels"};
    const char *const *columns = strcmp(kind, "community") == 0 ? community : component;
    return kg_table_new(format == KG_OUT_TABLE ? 3 : 4, columns);
}

static void fill_partition(kg_table *t, const kg_graph *g, const kg_partition *p,
                           kg_out_format format)
{
    size_t n = kg_graph_node_count(g);
    const char **ids = malloc((n ? n : 1) * sizeof *ids);
    const char **labels = malloc((n ? n : 1) * sizeof *labels);
    size_t *start = calloc(p->count + 1, sizeof *start);
    if (!ids || !labels || !start) {
        kg_table_row(t); /* leaves the table short; kg_table_print reports it */
        free(ids);
        free(labels);
        free(start);
        return;
    }
    /* bucket the nodes by group, keeping id order within each */
    for (size_t i = 0; i < n; i++)
        start[p->membership[i] + 1]++;
    for (size_t k = 0; k < p->count; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < n; i++) {
        size_t slot = start[p->membership[i]]++;
        ids[slot] = kg_graph_node(g, i)->id;
        labels[slot] = kg_graph_node(g, i)->label;
    }
    for (size_t k = 0, first = 0; k < p->count; first += p->sizes[k], k++) {
        kg_table_row(t);
        kg_table_count(t, k + 1);
        kg_table_count(t, p->sizes[k]);
        kg_table_list(t, ids + first, p->sizes[k]);
        if (format != KG_OUT_TABLE)
            kg_table_list(t, labels + first, p->sizes[k]);
    }
    free(start);
    free(labels);
    free(ids);
}

static void add_meta_list(kg_table *t, const kg_cli_meta *list)
{
    for (; list && list->key; list++) {
        if (list->text)
            kg_table_meta_text(t, list->key, list->text);
        else
            kg_table_meta_number(t, list->key, list->number);
    }
}

int kg_cli_print_partition(const kg_graph *g, kg_status st, const kg_error *err,
                           const kg_partition *p, const char *kind, const kg_cli_meta *before,
                           const kg_cli_meta *after, kg_out_format format)
{
    if (st != KG_OK) {
        kg_cli_print_error(err);
        return kg_cli_exit_code(st);
    }
    kg_table *t = partition_table(kind, format);
    if (!t) {
        kg_cli_fail("out of memory");
        return KG_EXIT_SYSTEM;
    }
    char count_name[32];
    snprintf(count_name, sizeof count_name, "%s", strcmp(kind, "community") == 0
                                                      ? "communities" : "components");
    kg_table_meta_text(t, "graph", kg_graph_name(g));
    add_meta_list(t, before);
    kg_table_meta_number(t, "nodes", (double)kg_graph_node_count(g));
    kg_table_meta_number(t, count_name, (double)p->count);
    add_meta_list(t, after);
    fill_partition(t, g, p, format);
    int rc = kg_table_print(t, format);
    kg_table_free(t);
    return rc;
}
