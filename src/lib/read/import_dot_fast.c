/* import_dot_fast.c - DOT in one pass of kg's own, for the subset kg,
 * NetworkX, igraph and Gephi write; cgraph (import_dot.c) reads the rest.
 * cgraph builds its whole graph of strings and dictionaries before kg sees
 * a node, which took ten times `kg ingest`'s time on large files.
 *
 * The subset: `strict? (graph|digraph) ID? {` then statements, each with
 * an optional ';': `ID [k=v, ...]...` (a node), `ID -> ID [...]...` or
 * `ID -- ID [...]...` (an edge), `node [...]` and `edge [...]` defaults,
 * `graph [...]` and `k = v` graph attributes, then `}` and nothing but
 * comments. IDs are bare names, numerals, or quoted strings with cgraph's
 * escapes (\" and an escaped line break) joined by '+'. Comments: / * * /,
 * // and '#' lines. Anything else (subgraphs, edge chains, ports, node
 * lists, HTML strings, edge keys, kg's legend, a node given attributes
 * twice, a default set after it is used or set to two values, a default
 * for a kg field, a repeated edge of a strict graph) makes the reader give
 * up before it adds anything to the importer, and cgraph reads the file.
 *
 * Inside the subset the graph is the one cgraph gives: nodes in the order
 * they are first named, edges grouped by tail in that order (cgraph's
 * out-edge lists), attributes in name order (cgraph's attribute
 * dictionary), a value equal to its default left out, values typed by
 * inference over the whole file - so the reader makes two passes over
 * the text: the first checks the subset, finds the nodes and edges and
 * infers the types; the second reads each element's attribute lists
 * again (from the offsets the first kept) and adds it. Memory: 16 bytes
 * per node plus its id, 12 bytes per edge, 4 per edge for the order. */
#define _DEFAULT_SOURCE /* madvise's MADV_DONTNEED */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "import_dot.h"
#include "import_internal.h"

#define NONE UINT32_MAX
/* cgraph's scanner fails on a token of about 16 KiB: a bare ID, or a run
 * of a quoted string between escapes (kg writes parts of 16,000 bytes at
 * most); the reader leaves longer ones to cgraph and its message. */
#define RUN_MAX 16000

typedef enum tok {
    T_END, T_ID, T_LBRACE, T_RBRACE, T_LBRACKET, T_RBRACKET, T_EQ, T_SEMI, T_COMMA,
    T_ARROW, T_DASHES, T_NODE, T_EDGE, T_GRAPH, T_DIGRAPH, T_STRICT, T_OTHER
} tok;

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

typedef struct sym {
    const char *name; /* in the arena */
    const char *def;  /* default value, or NULL */
    uint32_t rank;    /* position in name order */
    uint32_t last;    /* last element that set it, for repeats in one element */
    uint32_t next;    /* the attribute that followed it in the last list */
    bool is_used, is_field;
    kg_dot_role role;
    kg_imp_infer infer;
} sym;

typedef struct syms {
    sym *items;
    size_t count, cap;
    kg_index_map index; /* name -> item */
    uint32_t first;     /* the first attribute of the last list */
} syms;

typedef struct fnode {
    const char *id; /* in the arena */
    uint32_t hash;
    uint32_t attrs; /* offset of its attribute list, or NONE */
} fnode;

typedef struct fedge {
    uint32_t tail, head, attrs;
} fedge;

typedef struct pair {
    uint32_t rank, sym;
    size_t value; /* offset in the values buffer */
} pair;

typedef struct fast {
    kg_importer *im;
    const char *text;
    size_t len, pos, start; /* start: of the last token */
    buf tok, name;
    bool is_out, is_nomem; /* outside the subset; out of memory */
    bool is_directed, is_strict;
    bool is_skipping; /* a value only checked, not kept: f->tok stays empty */
    kg_arena arena;
    const char *graph_name, *label;
    const char **styles; /* kg_style:... graph attributes: name, value pairs */
    size_t style_count, style_cap;
    syms nodes_attrs, edges_attrs;
    fnode *nodes;
    size_t node_count, node_cap;
    uint32_t *slots; /* node index + 1 per slot, 0 empty; power-of-two capacity */
    size_t slot_cap;
    fedge *edges;
    size_t edge_count, edge_cap;
    uint64_t *pairs; /* strict graphs: the edges' node pairs, open addressing */
    size_t pair_count, pair_cap;
    uint32_t element; /* counts elements with attribute lists, for sym.last */
    uint32_t prev;    /* the attribute before in this list, or NONE */
    size_t dropped;   /* the text's bytes before this are dropped (is_text_mapped) */
    buf values;       /* the second pass: one element's values, NUL-separated */
    pair *found;      /* and its attributes */
    size_t found_count, found_cap;
} fast;

static bool out(fast *f)
{
    f->is_out = true;
    return false;
}

static bool nomem(fast *f)
{
    f->is_nomem = f->is_out = true;
    return false;
}

static bool put(fast *f, buf *b, const char *s, size_t n)
{
    if (f->is_skipping && b == &f->tok)
        return true;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->s, cap);
        if (!grown)
            return nomem(f);
        b->s = grown;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return true;
}

/* Drops the pages of a mapped file's text between f->dropped and upto
 * (both rounded down to pages), so that the file read so far leaves the
 * resident set; a page touched again is read again from the page cache.
 * Done every 64 MiB of text. */
static void drop_pages(fast *f, size_t upto)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    if (!f->im->is_text_mapped || upto < f->dropped + ((size_t)64 << 20) || page == 0 ||
        ((uintptr_t)f->text & (page - 1)) != 0)
        return;
    size_t from = f->dropped / page * page, to = upto / page * page;
    if (to > from)
        madvise((void *)(uintptr_t)(f->text + from), to - from, MADV_DONTNEED);
    f->dropped = to;
}

/* ---- scanning ----------------------------------------------------------- */

static bool is_id_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Skips white space and comments; false on what cgraph reads otherwise
 * (a '#' line directive, an unclosed comment). */
static bool skip_space(fast *f)
{
    const char *t = f->text;
    while (f->pos < f->len) {
        char c = t[f->pos];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            f->pos++;
        else if (c == '/' && f->pos + 1 < f->len && t[f->pos + 1] == '/') {
            const char *nl = memchr(t + f->pos, '\n', f->len - f->pos);
            f->pos = nl ? (size_t)(nl - t) : f->len;
        } else if (c == '/' && f->pos + 1 < f->len && t[f->pos + 1] == '*') {
            const char *end = strstr(t + f->pos + 2, "*/");
            if (!end)
                return out(f);
            f->pos = (size_t)(end - t) + 2;
        } else if (c == '#' && (f->pos == 0 || t[f->pos - 1] == '\n')) {
            size_t p = f->pos + 1;
            while (p < f->len && (t[p] == ' ' || t[p] == '\t'))
                p++;
            if (p < f->len && (is_digit((unsigned char)t[p]) || strncmp(t + p, "line", 4) == 0))
                return out(f); /* cgraph reads "# 12" and "#line 12" as line numbers */
            const char *nl = memchr(t + f->pos, '\n', f->len - f->pos);
            f->pos = nl ? (size_t)(nl - t) : f->len;
        } else
            break;
    }
    return true;
}

/* A quoted string at f->pos, appended to f->tok as cgraph stores it: \"
 * is a quote, an escaped line break vanishes, other backslashes stay. */
static bool quoted(fast *f)
{
    const char *t = f->text;
    size_t p = f->pos + 1;
    for (;;) {
        const char *quote = memchr(t + p, '"', f->len - p);
        size_t end = quote ? (size_t)(quote - t) : f->len;
        const char *slash = memchr(t + p, '\\', end - p);
        size_t run = slash ? (size_t)(slash - t) : end;
        if (run - p > RUN_MAX)
            return out(f);
        if (run > p && !put(f, &f->tok, t + p, run - p))
            return false;
        if (run >= f->len || (run + 1 >= f->len && t[run] == '\\'))
            return out(f); /* unterminated */
        if (t[run] == '"') {
            f->pos = run + 1;
            return true;
        }
        char next = t[run + 1];
        if (next == '"' && !put(f, &f->tok, "\"", 1))
            return false;
        if (next == '\\' && !put(f, &f->tok, "\\\\", 2))
            return false;
        if (next != '"' && next != '\\' && next != '\n' && !put(f, &f->tok, "\\", 1))
            return false;
        p = next == '"' || next == '\\' || next == '\n' ? run + 2 : run + 1;
    }
}

/* Whether s (n bytes) is word in any case, as cgraph's keywords are. */
static bool is_word(const char *s, size_t n, const char *word)
{
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
        if (c != word[i])
            return false;
    }
    return true;
}

static tok keyword(const char *s, size_t n)
{
    static const struct {
        const char *word;
        tok kind;
    } words[] = {{"node", T_NODE},       {"edge", T_EDGE},     {"graph", T_GRAPH},
                 {"digraph", T_DIGRAPH}, {"strict", T_STRICT}, {"subgraph", T_OTHER}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (is_word(s, n, words[i].word))
            return words[i].kind;
    return T_ID;
}

/* The next token; an ID's text in f->tok. */
static tok lex(fast *f)
{
    if (!skip_space(f))
        return T_OTHER;
    f->start = f->pos;
    f->tok.len = 0;
    if (f->pos >= f->len)
        return T_END;
    const char *t = f->text;
    unsigned char c = (unsigned char)t[f->pos];
    unsigned char next = f->pos + 1 < f->len ? (unsigned char)t[f->pos + 1] : 0;
    tok punct = c == '{'   ? T_LBRACE
                : c == '}' ? T_RBRACE
                : c == '[' ? T_LBRACKET
                : c == ']' ? T_RBRACKET
                : c == '=' ? T_EQ
                : c == ';' ? T_SEMI
                : c == ',' ? T_COMMA
                           : T_END;
    if (punct != T_END) {
        f->pos++;
        return punct;
    }
    if (c == '-' && (next == '>' || next == '-')) {
        f->pos += 2;
        return next == '>' ? T_ARROW : T_DASHES;
    }
    if (c == '"') {
        if (!quoted(f))
            return T_OTHER;
        for (;;) { /* "a" + "b" */
            size_t after = f->pos;
            if (!skip_space(f))
                return T_OTHER;
            if (f->pos >= f->len || t[f->pos] != '+') {
                f->pos = after;
                break;
            }
            f->pos++;
            if (!skip_space(f) || f->pos >= f->len || t[f->pos] != '"' || !quoted(f))
                return T_OTHER;
        }
        if (f->tok.len == 0 && !put(f, &f->tok, "", 0))
            return T_OTHER;
        return T_ID;
    }
    size_t end = f->pos;
    if (is_id_start(c)) {
        while (end < f->len && (is_id_start((unsigned char)t[end]) || is_digit((unsigned char)t[end])))
            end++;
    } else if (is_digit(c) || c == '.' || c == '-') { /* -?(.[0-9]+|[0-9]+(.[0-9]*)?) */
        end += c == '-';
        if (end < f->len && t[end] == '.') {
            end++;
            if (end >= f->len || !is_digit((unsigned char)t[end]))
                return T_OTHER;
            while (end < f->len && is_digit((unsigned char)t[end]))
                end++;
        } else if (end < f->len && is_digit((unsigned char)t[end])) {
            while (end < f->len && is_digit((unsigned char)t[end]))
                end++;
            if (end < f->len && t[end] == '.')
                end++;
            while (end < f->len && is_digit((unsigned char)t[end]))
                end++;
        } else
            return T_OTHER;
        /* cgraph splits a numeral run into a name or a '.' (with a warning) */
        if (end < f->len && (is_id_start((unsigned char)t[end]) || t[end] == '.'))
            return T_OTHER;
    } else
        return T_OTHER; /* HTML strings, ports, anything else */
    if (end - f->pos > RUN_MAX)
        return out(f), T_OTHER;
    if (!put(f, &f->tok, t + f->pos, end - f->pos))
        return T_OTHER;
    size_t n = end - f->pos;
    f->pos = end;
    return is_id_start(c) ? keyword(t + f->start, n) : T_ID;
}

/* The next token if it is want (then consumed), else leaves it. */
static bool accept(fast *f, tok want)
{
    size_t at = f->pos;
    if (lex(f) == want)
        return true;
    f->pos = at;
    return false;
}

/* ---- the first pass ----------------------------------------------------- */

static sym *sym_get(fast *f, syms *ss, const char *name)
{
    size_t i = kg_index_map_get(&ss->index, name);
    if (i != (size_t)-1)
        return &ss->items[i];
    char *copy = kg_arena_strndup(&f->arena, name, strlen(name));
    if (!copy || kg_grow((void **)&ss->items, &ss->cap, ss->count + 1, sizeof *ss->items) != KG_OK ||
        kg_index_map_put(&ss->index, copy, ss->count, NULL) != KG_OK) {
        nomem(f);
        return NULL;
    }
    sym *s = &ss->items[ss->count++];
    memset(s, 0, sizeof *s);
    s->name = copy;
    s->last = s->next = NONE;
    s->is_field = kg_dot_is_kg_field(copy);
    s->role = kg_dot_role_of(copy, ss == &f->edges_attrs);
    kg_imp_infer_init(&s->infer);
    return s;
}

/* The attribute name of an element's list: most lists name the same
 * attributes in the same order, so the one that followed the previous
 * attribute last time is tried before the index. NULL when out. */
static sym *sym_next(fast *f, syms *ss, const char *name, bool can_add)
{
    uint32_t guess = f->prev == NONE ? ss->first : ss->items[f->prev].next;
    size_t i = guess != NONE && strcmp(ss->items[guess].name, name) == 0
                   ? guess
                   : kg_index_map_get(&ss->index, name);
    if (i == (size_t)-1) {
        sym *added = can_add ? sym_get(f, ss, name) : NULL;
        if (!added)
            return can_add ? NULL : (nomem(f), NULL);
        i = (size_t)(added - ss->items);
    }
    if (f->prev == NONE)
        ss->first = (uint32_t)i;
    else
        ss->items[f->prev].next = (uint32_t)i;
    f->prev = (uint32_t)i;
    return &ss->items[i];
}

static bool grow_slots(fast *f)
{
    size_t cap = f->slot_cap ? f->slot_cap * 2 : 1024;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return nomem(f);
    for (size_t i = 0; i < f->node_count; i++) {
        size_t at = f->nodes[i].hash & (cap - 1);
        while (slots[at])
            at = (at + 1) & (cap - 1);
        slots[at] = (uint32_t)i + 1;
    }
    free(f->slots);
    f->slots = slots;
    f->slot_cap = cap;
    return true;
}

/* The node named id, added when new; NONE when out of the subset. */
static uint32_t node_get(fast *f, const buf *id)
{
    if (id->len == 0 || f->node_count >= NONE - 1)
        return out(f), NONE;
    if (f->node_count * 2 >= f->slot_cap && !grow_slots(f))
        return NONE;
    uint32_t hash = (uint32_t)kg_hash_string(id->s);
    size_t at = hash & (f->slot_cap - 1);
    for (; f->slots[at]; at = (at + 1) & (f->slot_cap - 1)) {
        const fnode *n = &f->nodes[f->slots[at] - 1];
        if (n->hash == hash && strcmp(n->id, id->s) == 0)
            return f->slots[at] - 1;
    }
    char *copy = kg_arena_strndup(&f->arena, id->s, id->len);
    if (!copy || kg_grow((void **)&f->nodes, &f->node_cap, f->node_count + 1, sizeof *f->nodes) != KG_OK)
        return nomem(f), NONE;
    f->nodes[f->node_count] = (fnode){copy, hash, NONE};
    f->slots[at] = (uint32_t)++f->node_count;
    return (uint32_t)f->node_count - 1;
}

/* Strict graphs merge a repeated edge into the first; the reader leaves
 * that to cgraph. */
static bool strict_pair(fast *f, uint32_t tail, uint32_t head)
{
    if (!f->is_directed && tail > head) {
        uint32_t t = tail;
        tail = head;
        head = t;
    }
    uint64_t key = ((uint64_t)tail << 32 | head) + 1;
    if (f->pair_count * 2 >= f->pair_cap) {
        size_t cap = f->pair_cap ? f->pair_cap * 2 : 1024;
        uint64_t *pairs = calloc(cap, sizeof *pairs);
        if (!pairs)
            return nomem(f);
        for (size_t i = 0; i < f->pair_cap; i++)
            if (f->pairs[i]) {
                size_t at = (size_t)(f->pairs[i] * 0x9E3779B97F4A7C15u >> 20) & (cap - 1);
                while (pairs[at])
                    at = (at + 1) & (cap - 1);
                pairs[at] = f->pairs[i];
            }
        free(f->pairs);
        f->pairs = pairs;
        f->pair_cap = cap;
    }
    size_t at = (size_t)(key * 0x9E3779B97F4A7C15u >> 20) & (f->pair_cap - 1);
    for (; f->pairs[at]; at = (at + 1) & (f->pair_cap - 1))
        if (f->pairs[at] == key)
            return out(f);
    f->pairs[at] = key;
    f->pair_count++;
    return true;
}

static bool is_label_default(bool is_edge, const char *name, const char *value)
{
    return !is_edge && strcmp(name, "label") == 0 && strcmp(value, "\\N") == 0;
}

/* The attribute named f->name in a node or edge's list; NULL when out. */
static sym *element_sym(fast *f, bool is_edge)
{
    const char *name = f->name.s;
    if (strcmp(name, "kg_legend") == 0 || (is_edge && strcmp(name, "key") == 0))
        return out(f), NULL; /* kg's legend; an edge's key names the edge */
    sym *s = sym_next(f, is_edge ? &f->edges_attrs : &f->nodes_attrs, name, true);
    if (!s)
        return NULL;
    if (s->last == f->element)
        return out(f), NULL; /* set twice in one element: the last counts */
    s->last = f->element;
    s->is_used = true;
    return s;
}

/* Its value (in f->tok), for the type inference; kg's fields are strings
 * whatever their values, so theirs are only checked, not copied. */
static bool element_value(fast *f, sym *s)
{
    f->is_skipping = s->is_field;
    tok t = lex(f);
    f->is_skipping = false;
    if (t != T_ID)
        return out(f);
    const char *value = f->tok.s;
    if (!s->is_field && value[0] && (!s->def || strcmp(value, s->def) != 0))
        kg_imp_infer_add(&s->infer, value);
    return true;
}

/* name = value of a `node [...]`, `edge [...]` or graph attribute. */
static bool default_attr(fast *f, tok kind)
{
    const char *name = f->name.s, *value = f->tok.s;
    char *copy = kg_arena_strndup(&f->arena, value, f->tok.len);
    if (!copy)
        return nomem(f);
    if (kind == T_GRAPH) {
        bool is_style = strncmp(name, "kg_style:", 9) == 0;
        if (strcmp(name, "label") == 0) {
            if (f->label && strcmp(f->label, value) != 0)
                return out(f);
            f->label = copy;
        } else if (is_style) {
            for (size_t i = 0; i < f->style_count; i += 2)
                if (strcmp(f->styles[i], name) == 0)
                    return strcmp(f->styles[i + 1], value) == 0 ? true : out(f);
            char *name_copy = kg_arena_strndup(&f->arena, name, f->name.len);
            if (!name_copy || kg_grow((void **)&f->styles, &f->style_cap, f->style_count + 2,
                                      sizeof *f->styles) != KG_OK)
                return nomem(f);
            f->styles[f->style_count++] = name_copy;
            f->styles[f->style_count++] = copy;
        }
        return true;
    }
    bool is_edge = kind == T_EDGE;
    if (strcmp(name, "kg_legend") == 0 || (is_edge && strcmp(name, "key") == 0))
        return out(f);
    if (value[0] && kg_dot_is_kg_field(name) && !is_label_default(is_edge, name, value))
        return out(f); /* every later element would set the field */
    sym *s = sym_get(f, is_edge ? &f->edges_attrs : &f->nodes_attrs, name);
    if (!s)
        return false;
    if (s->is_used || (s->def && strcmp(s->def, value) != 0))
        return out(f); /* elements before it would keep another default */
    s->def = copy;
    return true;
}

/* One or more [...] lists (the first '[' read already), for an element
 * (kind T_NODE or T_EDGE with is_element) or a default statement. */
static bool attr_lists(fast *f, tok kind, bool is_element)
{
    f->element++;
    f->prev = NONE;
    do {
        for (;;) {
            tok t = lex(f);
            if (t == T_RBRACKET)
                break;
            if (t != T_ID)
                return out(f);
            f->name.len = 0;
            if (!put(f, &f->name, f->tok.s, f->tok.len))
                return false;
            if (is_element) {
                sym *s = element_sym(f, kind == T_EDGE);
                if (!s)
                    return false;
                if (lex(f) != T_EQ || !element_value(f, s))
                    return out(f);
            } else if (lex(f) != T_EQ || lex(f) != T_ID || !default_attr(f, kind))
                return out(f);
            if (!accept(f, T_COMMA))
                accept(f, T_SEMI);
        }
    } while (accept(f, T_LBRACKET));
    return true;
}

/* A statement that starts with an ID (in f->tok). */
static bool id_statement(fast *f)
{
    buf *first = &f->name;
    first->len = 0;
    if (!put(f, first, f->tok.s, f->tok.len))
        return false;
    size_t at = f->pos;
    tok t = lex(f);
    if (t == T_EQ) { /* a graph attribute */
        if (lex(f) != T_ID)
            return out(f);
        return default_attr(f, T_GRAPH);
    }
    if (t == T_ARROW || t == T_DASHES) {
        if ((t == T_ARROW) != f->is_directed)
            return out(f);
        uint32_t tail = node_get(f, first);
        if (tail == NONE || lex(f) != T_ID)
            return out(f);
        uint32_t head = node_get(f, &f->tok);
        if (head == NONE || (f->is_strict && !strict_pair(f, tail, head)))
            return false;
        uint32_t attrs = NONE;
        at = f->pos;
        t = lex(f);
        if (t == T_ARROW || t == T_DASHES)
            return out(f); /* a chain */
        if (t == T_LBRACKET) {
            attrs = (uint32_t)f->start;
            if (!attr_lists(f, T_EDGE, true))
                return false;
        } else
            f->pos = at;
        if (f->edge_count >= NONE - 1 ||
            kg_grow((void **)&f->edges, &f->edge_cap, f->edge_count + 1, sizeof *f->edges) != KG_OK)
            return f->edge_count >= NONE - 1 ? out(f) : nomem(f);
        f->edges[f->edge_count++] = (fedge){tail, head, attrs};
        return true;
    }
    uint32_t node = node_get(f, first);
    if (node == NONE)
        return false;
    if (t != T_LBRACKET) {
        f->pos = at;
        return true;
    }
    if (f->nodes[node].attrs != NONE)
        return out(f); /* attributes given twice: cgraph merges them */
    f->nodes[node].attrs = (uint32_t)f->start;
    return attr_lists(f, T_NODE, true);
}

static bool first_pass(fast *f)
{
    tok t = lex(f);
    if (t == T_STRICT) {
        f->is_strict = true;
        t = lex(f);
    }
    if (t != T_GRAPH && t != T_DIGRAPH)
        return out(f);
    f->is_directed = t == T_DIGRAPH;
    t = lex(f);
    if (t == T_ID) {
        if (f->tok.len == 0 || !(f->graph_name = kg_arena_strndup(&f->arena, f->tok.s, f->tok.len)))
            return f->tok.len == 0 ? out(f) : nomem(f);
        t = lex(f);
    }
    if (t != T_LBRACE)
        return out(f);
    for (;;) {
        t = lex(f);
        bool ok;
        if (t == T_RBRACE)
            return lex(f) == T_END || out(f); /* another graph: cgraph warns */
        if (t == T_ID)
            ok = id_statement(f);
        else if ((t == T_NODE || t == T_EDGE || t == T_GRAPH) && lex(f) == T_LBRACKET)
            ok = attr_lists(f, t, false);
        else
            return out(f);
        if (!ok)
            return false;
        accept(f, T_SEMI);
        drop_pages(f, f->pos);
    }
}

/* ---- the second pass ---------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
    return strcmp((*(sym *const *)a)->name, (*(sym *const *)b)->name);
}

/* Each attribute's place in name order, cgraph's order of attributes. */
static bool rank_syms(fast *f, syms *ss)
{
    sym **order = malloc((ss->count + 1) * sizeof *order);
    if (!order)
        return nomem(f);
    for (size_t i = 0; i < ss->count; i++)
        order[i] = &ss->items[i];
    qsort(order, ss->count, sizeof *order, by_name);
    for (size_t i = 0; i < ss->count; i++)
        order[i]->rank = (uint32_t)i;
    free(order);
    return true;
}

/* The attribute lists at offset attrs again (the first pass checked
 * them), into f->found in name order. */
static bool collect(fast *f, uint32_t attrs, syms *ss)
{
    f->pos = attrs;
    f->prev = NONE;
    f->found_count = 0;
    f->values.len = 0;
    while (accept(f, T_LBRACKET))
        for (tok t = lex(f); t == T_ID; t = lex(f)) {
            sym *s = sym_next(f, ss, f->tok.s, false);
            lex(f); /* = */
            lex(f);
            size_t at = f->values.len;
            if (!s || !put(f, &f->values, f->tok.s, f->tok.len) ||
                kg_grow((void **)&f->found, &f->found_cap, f->found_count + 1,
                        sizeof *f->found) != KG_OK)
                return nomem(f);
            f->values.len++; /* keep the NUL */
            pair p = {s->rank, (uint32_t)(s - ss->items), at};
            size_t j = f->found_count++;
            for (; j > 0 && f->found[j - 1].rank > p.rank; j--)
                f->found[j] = f->found[j - 1];
            f->found[j] = p;
            if (!accept(f, T_COMMA))
                accept(f, T_SEMI);
        }
    return true;
}

/* What cgraph's reader gives for the element's set values. */
static kg_status element_values(fast *f, uint32_t attrs, bool is_edge, const char *node_id)
{
    if (attrs == NONE)
        return KG_OK;
    syms *ss = is_edge ? &f->edges_attrs : &f->nodes_attrs;
    if (!collect(f, attrs, ss))
        return kg_imp_error(f->im, KG_ENOMEM, NULL, NULL, "out of memory");
    kg_status st = KG_OK;
    for (size_t i = 0; i < f->found_count && st == KG_OK; i++) {
        const sym *s = &ss->items[f->found[i].sym];
        const char *v = f->values.s + f->found[i].value;
        if (!v[0] || (s->def && !s->is_field && strcmp(v, s->def) == 0))
            continue; /* cgraph's set_value: unset, or the default */
        st = kg_dot_value(f->im, s->name, s->role, v, false, &s->infer, node_id);
    }
    return st;
}

/* "node 'a'" or "edge 'a' -> 'b'" as snprintf would write it into
 * where (KG_ERROR_POINTER_MAX bytes), without its cost per element. */
static void where_of(char *where, const char *const *parts, size_t count)
{
    size_t used = 0;
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(parts[i]);
        if (n > KG_ERROR_POINTER_MAX - 1 - used)
            n = KG_ERROR_POINTER_MAX - 1 - used;
        memcpy(where + used, parts[i], n);
        used += n;
    }
    where[used] = '\0';
}

/* In the second pass the lists are read again in the graph's order, not
 * the file's: every 2^16 elements all the text's pages are dropped. */
static void drop_all(fast *f, size_t element)
{
    if ((element & 0xFFFF) == 0xFFFF) {
        f->dropped = 0;
        drop_pages(f, f->len);
    }
}

static kg_status add_nodes(fast *f)
{
    kg_status st = KG_OK;
    for (size_t i = 0; i < f->node_count && st == KG_OK; i++) {
        const fnode *n = &f->nodes[i];
        char where[KG_ERROR_POINTER_MAX];
        where_of(where, (const char *const[]){"node '", n->id, "'"}, 3);
        kg_imp_where w = {0, 0, where};
        st = kg_imp_begin(f->im, false, &w);
        if (st == KG_OK)
            st = kg_imp_set_id(f->im, n->id);
        if (st == KG_OK)
            st = element_values(f, n->attrs, false, n->id);
        if (st == KG_OK)
            st = kg_imp_end(f->im);
        drop_all(f, i);
    }
    return st;
}

/* The edges grouped by tail, in node order, each group in file order:
 * the order of cgraph's out-edge lists. */
static kg_status add_edges(fast *f)
{
    uint32_t *order = malloc((f->edge_count + 1) * sizeof *order);
    uint32_t *next = calloc(f->node_count + 1, sizeof *next);
    kg_status st = KG_OK;
    if (!order || !next)
        st = kg_imp_error(f->im, KG_ENOMEM, NULL, NULL, "out of memory");
    for (size_t e = 0; st == KG_OK && e < f->edge_count; e++)
        next[f->edges[e].tail + 1]++;
    for (size_t n = 0; st == KG_OK && n < f->node_count; n++)
        next[n + 1] += next[n];
    for (size_t e = 0; st == KG_OK && e < f->edge_count; e++)
        order[next[f->edges[e].tail]++] = (uint32_t)e;
    free(next);
    for (size_t i = 0; st == KG_OK && i < f->edge_count; i++) {
        const fedge *e = &f->edges[order[i]];
        const char *tail = f->nodes[e->tail].id, *head = f->nodes[e->head].id;
        char where[KG_ERROR_POINTER_MAX];
        where_of(where, (const char *const[]){"edge '", tail, "' -> '", head, "'"}, 5);
        kg_imp_where w = {0, 0, where};
        st = kg_imp_begin(f->im, true, &w);
        if (st == KG_OK)
            st = kg_imp_set_endpoints(f->im, tail, head);
        if (st == KG_OK)
            st = element_values(f, e->attrs, true, NULL);
        if (st == KG_OK)
            st = kg_imp_end(f->im);
        drop_all(f, i);
    }
    free(order);
    return st;
}

static kg_status second_pass(fast *f)
{
    kg_importer *im = f->im;
    kg_dot_styles styles = {NULL, 0};
    kg_status st = KG_OK;
    for (size_t i = 0; i < f->style_count && st == KG_OK; i += 2)
        st = kg_dot_style_attr(im, &styles, f->styles[i], f->styles[i + 1]);
    if (st == KG_OK && (!rank_syms(f, &f->nodes_attrs) || !rank_syms(f, &f->edges_attrs)))
        st = kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory");
    if (st == KG_OK)
        st = kg_dot_graph_fields(im, f->graph_name, f->label && f->label[0] ? f->label : NULL);
    im->style_fn = kg_dot_style_lookup;
    im->style_ctx = &styles;
    if (st == KG_OK)
        st = add_nodes(f);
    if (st == KG_OK)
        st = add_edges(f);
    /* queued edges carry their derived values resolved already */
    im->style_fn = NULL;
    im->style_ctx = NULL;
    kg_dot_styles_free(&styles);
    return st;
}

static void syms_free(syms *ss)
{
    free(ss->items);
    kg_index_map_free(&ss->index);
}

kg_status kg_dot_fast_import(kg_importer *im, const char *text, size_t len, bool *handled)
{
    *handled = false;
    if (len >= NONE)
        return KG_OK; /* offsets are 32-bit */
    fast f;
    memset(&f, 0, sizeof f);
    f.im = im;
    f.text = text;
    f.len = len;
    kg_arena_init(&f.arena);
    kg_index_map_init(&f.nodes_attrs.index);
    kg_index_map_init(&f.edges_attrs.index);
    f.nodes_attrs.first = f.edges_attrs.first = f.prev = NONE;
    bool is_read = first_pass(&f) && !f.is_out;
    kg_status st = KG_OK;
    free(f.slots);
    f.slots = NULL;
    free(f.pairs);
    f.pairs = NULL;
    if (f.is_nomem) {
        *handled = true;
        st = kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory");
    } else if (is_read) {
        *handled = true;
        f.dropped = 0;
        drop_pages(&f, f.len);
        st = second_pass(&f);
    }
    free(f.tok.s);
    free(f.name.s);
    free(f.values.s);
    free(f.found);
    free(f.styles);
    free(f.nodes);
    free(f.edges);
    syms_free(&f.nodes_attrs);
    syms_free(&f.edges_attrs);
    kg_arena_free(&f.arena);
    return st;
}
