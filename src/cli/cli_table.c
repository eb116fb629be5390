/* cli_table.c - the analysis commands' results: a table of typed cells
 * printed as aligned columns with key: value lines above, CSV, or JSON
 * (cli_table.h). */
#include "cli_table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* The next cell, of a numeric kind, its column then right-aligned; NULL
 * as next_cell. */
static cell *numeric_cell(kg_table *t, cell_kind kind)
{
    cell *c = next_cell(t);
    if (!c)
        return NULL;
    c->kind = kind;
    t->is_numeric[(t->filled - 1) % t->columns] = true;
    return c;
}

bool kg_table_number(kg_table *t, double value)
{
    cell *c = numeric_cell(t, CELL_NUMBER);
    if (c)
        c->number = value;
    return c != NULL;
}

bool kg_table_count(kg_table *t, size_t value)
{
    cell *c = numeric_cell(t, CELL_COUNT);
    if (c)
        c->count = value;
    return c != NULL;
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
