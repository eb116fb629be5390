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
 * per node plus its id, 12 bytes per edge, 4 per edge for the order.
 * The tokens are import_dot_scan.c's. */
#define _DEFAULT_SOURCE /* madvise's MADV_DONTNEED */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "import_dot.h"
#include "import_dot_scan.h"
#include "import_internal.h"

#define NONE UINT32_MAX

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
    kg_dot_scan sc; /* the text, where the scanner is, the last token */
    kg_dot_buf name;
    bool is_directed, is_strict;
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
    kg_dot_buf values; /* the second pass: one element's values, NUL-separated */
    pair *found;       /* and its attributes */
    size_t found_count, found_cap;
} fast;

/* Drops the pages of a mapped file's text between f->dropped and upto
 * (both rounded down to pages), so that the file read so far leaves the
 * resident set; a page touched again is read again from the page cache.
 * Done every 64 MiB of text. */
static void drop_pages(fast *f, size_t upto)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    if (!f->im->is_text_mapped || upto < f->dropped + ((size_t)64 << 20) || page == 0 ||
        ((uintptr_t)f->sc.text & (page - 1)) != 0)
        return;
    size_t from = f->dropped / page * page, to = upto / page * page;
    if (to > from)
        madvise((void *)(uintptr_t)(f->sc.text + from), to - from, MADV_DONTNEED);
    f->dropped = to;
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
        kg_dot_nomem(&f->sc);
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
            return can_add ? NULL : (kg_dot_nomem(&f->sc), NULL);
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
        return kg_dot_nomem(&f->sc);
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
/* cgraph takes a name that starts with '%' for one of its own anonymous
 * ids and renames it ("%5"): such names are left to cgraph. */
static bool is_cgraph_local_name(const char *s, size_t len)
{
    return len == 0 || s[0] == '%';
}

static uint32_t node_get(fast *f, const kg_dot_buf *id)
{
    if (is_cgraph_local_name(id->s, id->len) || f->node_count >= NONE - 1)
        return kg_dot_out(&f->sc), NONE;
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
        return kg_dot_nomem(&f->sc), NONE;
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
            return kg_dot_nomem(&f->sc);
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
            return kg_dot_out(&f->sc);
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
        return kg_dot_out(&f->sc), NULL; /* kg's legend; an edge's key names the edge */
    sym *s = sym_next(f, is_edge ? &f->edges_attrs : &f->nodes_attrs, name, true);
    if (!s)
        return NULL;
    if (s->last == f->element)
        return kg_dot_out(&f->sc), NULL; /* set twice in one element: the last counts */
    s->last = f->element;
    s->is_used = true;
    return s;
}

/* Its value (in f->sc.tok), for the type inference; kg's fields are strings
 * whatever their values, so theirs are only checked, not copied. */
static bool element_value(fast *f, sym *s)
{
    f->sc.is_skipping = s->is_field;
    kg_dot_tok t = kg_dot_lex(&f->sc);
    f->sc.is_skipping = false;
    if (t != KG_DOT_ID)
        return kg_dot_out(&f->sc);
    const char *value = f->sc.tok.s;
    if (!s->is_field && value[0] && (!s->def || strcmp(value, s->def) != 0))
        kg_imp_infer_add(&s->infer, value);
    return true;
}

/* name = value of a `node [...]`, `edge [...]` or graph attribute. */
static bool default_attr(fast *f, kg_dot_tok kind)
{
    const char *name = f->name.s, *value = f->sc.tok.s;
    char *copy = kg_arena_strndup(&f->arena, value, f->sc.tok.len);
    if (!copy)
        return kg_dot_nomem(&f->sc);
    if (kind == KG_DOT_GRAPH) {
        bool is_style = strncmp(name, "kg_style:", 9) == 0;
        if (strcmp(name, "label") == 0) {
            if (f->label && strcmp(f->label, value) != 0)
                return kg_dot_out(&f->sc);
            f->label = copy;
        } else if (is_style) {
            for (size_t i = 0; i < f->style_count; i += 2)
                if (strcmp(f->styles[i], name) == 0)
                    return strcmp(f->styles[i + 1], value) == 0 ? true : kg_dot_out(&f->sc);
            char *name_copy = kg_arena_strndup(&f->arena, name, f->name.len);
            if (!name_copy || kg_grow((void **)&f->styles, &f->style_cap, f->style_count + 2,
                                      sizeof *f->styles) != KG_OK)
                return kg_dot_nomem(&f->sc);
            f->styles[f->style_count++] = name_copy;
            f->styles[f->style_count++] = copy;
        }
        return true;
    }
    bool is_edge = kind == KG_DOT_EDGE;
    if (strcmp(name, "kg_legend") == 0 || (is_edge && strcmp(name, "key") == 0))
        return kg_dot_out(&f->sc);
    if (value[0] && kg_dot_is_kg_field(name) && !is_label_default(is_edge, name, value))
        return kg_dot_out(&f->sc); /* every later element would set the field */
    sym *s = sym_get(f, is_edge ? &f->edges_attrs : &f->nodes_attrs, name);
    if (!s)
        return false;
    if (s->is_used || (s->def && strcmp(s->def, value) != 0))
        return kg_dot_out(&f->sc); /* elements before it would keep another default */
    s->def = copy;
    return true;
}

/* One or more [...] lists (the first '[' read already), for an element
 * (kind KG_DOT_NODE or KG_DOT_EDGE with is_element) or a default statement. */
static bool attr_lists(fast *f, kg_dot_tok kind, bool is_element)
{
    f->element++;
    f->prev = NONE;
    do {
        for (;;) {
            kg_dot_tok t = kg_dot_lex(&f->sc);
            if (t == KG_DOT_RBRACKET)
                break;
            if (t != KG_DOT_ID)
                return kg_dot_out(&f->sc);
            f->name.len = 0;
            if (!kg_dot_put(&f->sc, &f->name, f->sc.tok.s, f->sc.tok.len))
                return false;
            if (is_element) {
                sym *s = element_sym(f, kind == KG_DOT_EDGE);
                if (!s)
                    return false;
                if (kg_dot_lex(&f->sc) != KG_DOT_EQ || !element_value(f, s))
                    return kg_dot_out(&f->sc);
            } else if (kg_dot_lex(&f->sc) != KG_DOT_EQ || kg_dot_lex(&f->sc) != KG_DOT_ID || !default_attr(f, kind))
                return kg_dot_out(&f->sc);
            if (!kg_dot_accept(&f->sc, KG_DOT_COMMA))
                kg_dot_accept(&f->sc, KG_DOT_SEMI);
        }
    } while (kg_dot_accept(&f->sc, KG_DOT_LBRACKET));
    return true;
}

/* A statement that starts with an ID (in f->sc.tok). */
static bool id_statement(fast *f)
{
    kg_dot_buf *first = &f->name;
    first->len = 0;
    if (!kg_dot_put(&f->sc, first, f->sc.tok.s, f->sc.tok.len))
        return false;
    size_t at = f->sc.pos;
    kg_dot_tok t = kg_dot_lex(&f->sc);
    if (t == KG_DOT_EQ) { /* a graph attribute */
        if (kg_dot_lex(&f->sc) != KG_DOT_ID)
            return kg_dot_out(&f->sc);
        return default_attr(f, KG_DOT_GRAPH);
    }
    if (t == KG_DOT_ARROW || t == KG_DOT_DASHES) {
        if ((t == KG_DOT_ARROW) != f->is_directed)
            return kg_dot_out(&f->sc);
        uint32_t tail = node_get(f, first);
        if (tail == NONE || kg_dot_lex(&f->sc) != KG_DOT_ID)
            return kg_dot_out(&f->sc);
        uint32_t head = node_get(f, &f->sc.tok);
        if (head == NONE || (f->is_strict && !strict_pair(f, tail, head)))
            return false;
        uint32_t attrs = NONE;
        at = f->sc.pos;
        t = kg_dot_lex(&f->sc);
        if (t == KG_DOT_ARROW || t == KG_DOT_DASHES)
            return kg_dot_out(&f->sc); /* a chain */
        if (t == KG_DOT_LBRACKET) {
            attrs = (uint32_t)f->sc.start;
            if (!attr_lists(f, KG_DOT_EDGE, true))
                return false;
        } else
            f->sc.pos = at;
        if (f->edge_count >= NONE - 1 ||
            kg_grow((void **)&f->edges, &f->edge_cap, f->edge_count + 1, sizeof *f->edges) != KG_OK)
            return f->edge_count >= NONE - 1 ? kg_dot_out(&f->sc) : kg_dot_nomem(&f->sc);
        f->edges[f->edge_count++] = (fedge){tail, head, attrs};
        return true;
    }
    uint32_t node = node_get(f, first);
    if (node == NONE)
        return false;
    if (t != KG_DOT_LBRACKET) {
        f->sc.pos = at;
        return true;
    }
    if (f->nodes[node].attrs != NONE)
        return kg_dot_out(&f->sc); /* attributes given twice: cgraph merges them */
    f->nodes[node].attrs = (uint32_t)f->sc.start;
    return attr_lists(f, KG_DOT_NODE, true);
}

static bool first_pass(fast *f)
{
    kg_dot_tok t = kg_dot_lex(&f->sc);
    if (t == KG_DOT_STRICT) {
        f->is_strict = true;
        t = kg_dot_lex(&f->sc);
    }
    if (t != KG_DOT_GRAPH && t != KG_DOT_DIGRAPH)
        return kg_dot_out(&f->sc);
    f->is_directed = t == KG_DOT_DIGRAPH;
    t = kg_dot_lex(&f->sc);
    if (t == KG_DOT_ID) {
        if (is_cgraph_local_name(f->sc.tok.s, f->sc.tok.len))
            return kg_dot_out(&f->sc);
        if (!(f->graph_name = kg_arena_strndup(&f->arena, f->sc.tok.s, f->sc.tok.len)))
            return kg_dot_nomem(&f->sc);
        t = kg_dot_lex(&f->sc);
    }
    if (t != KG_DOT_LBRACE)
        return kg_dot_out(&f->sc);
    for (;;) {
        t = kg_dot_lex(&f->sc);
        bool ok;
        if (t == KG_DOT_RBRACE)
            return kg_dot_lex(&f->sc) == KG_DOT_END || kg_dot_out(&f->sc); /* another graph: cgraph warns */
        if (t == KG_DOT_ID)
            ok = id_statement(f);
        else if ((t == KG_DOT_NODE || t == KG_DOT_EDGE || t == KG_DOT_GRAPH) && kg_dot_lex(&f->sc) == KG_DOT_LBRACKET)
            ok = attr_lists(f, t, false);
        else
            return kg_dot_out(&f->sc);
        if (!ok)
            return false;
        kg_dot_accept(&f->sc, KG_DOT_SEMI);
        drop_pages(f, f->sc.pos);
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
        return kg_dot_nomem(&f->sc);
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
    f->sc.pos = attrs;
    f->prev = NONE;
    f->found_count = 0;
    f->values.len = 0;
    while (kg_dot_accept(&f->sc, KG_DOT_LBRACKET))
        for (kg_dot_tok t = kg_dot_lex(&f->sc); t == KG_DOT_ID; t = kg_dot_lex(&f->sc)) {
            sym *s = sym_next(f, ss, f->sc.tok.s, false);
            kg_dot_lex(&f->sc); /* = */
            kg_dot_lex(&f->sc);
            size_t at = f->values.len;
            if (!s || !kg_dot_put(&f->sc, &f->values, f->sc.tok.s, f->sc.tok.len) ||
                kg_grow((void **)&f->found, &f->found_cap, f->found_count + 1,
                        sizeof *f->found) != KG_OK)
                return kg_dot_nomem(&f->sc);
            f->values.len++; /* keep the NUL */
            pair p = {s->rank, (uint32_t)(s - ss->items), at};
            size_t j = f->found_count++;
            for (; j > 0 && f->found[j - 1].rank > p.rank; j--)
                f->found[j] = f->found[j - 1];
            f->found[j] = p;
            if (!kg_dot_accept(&f->sc, KG_DOT_COMMA))
                kg_dot_accept(&f->sc, KG_DOT_SEMI);
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
        drop_pages(f, f->sc.len);
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
    f.sc.text = text;
    f.sc.len = len;
    kg_arena_init(&f.arena);
    kg_index_map_init(&f.nodes_attrs.index);
    kg_index_map_init(&f.edges_attrs.index);
    f.nodes_attrs.first = f.edges_attrs.first = f.prev = NONE;
    bool is_read = first_pass(&f) && !f.sc.is_out;
    kg_status st = KG_OK;
    free(f.slots);
    f.slots = NULL;
    free(f.pairs);
    f.pairs = NULL;
    if (f.sc.is_nomem) {
        *handled = true;
        st = kg_imp_error(im, KG_ENOMEM, NULL, NULL, "out of memory");
    } else if (is_read) {
        *handled = true;
        f.dropped = 0;
        drop_pages(&f, f.sc.len);
        st = second_pass(&f);
    }
    free(f.sc.tok.s);
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
