/* import_graphml_fast.c - GraphML in kg's own pass over the text, for the
 * subset kg, NetworkX, igraph, yEd and Gephi write; libxml2
 * (import_graphml.c) reads the rest. libxml2's parse alone took more than
 * all of `kg ingest` on a large yEd file, whose graphics kg skips.
 *
 * The subset: UTF-8 text without a byte order mark or a carriage return;
 * an optional declaration `<?xml version="1.0"` with an optional
 * encoding "UTF-8" (any case) and standalone, at the first byte; comments;
 * one root element; elements and attributes with ASCII names (NCName or
 * prefix:NCName) whose prefixes are declared; attribute values in '"' or
 * '\''; character data; CDATA sections; the five predefined entity
 * references and character references. Anything else - a DOCTYPE, a
 * processing instruction, another encoding, a character XML 1.0 forbids,
 * any well-formedness or namespace error, a namespace name that is not a
 * plain URI, an `xml:` name, nesting over 200, over 1 MiB of text in one
 * data or default element (or in one element inside one), a
 * start tag read for its position beginning more than 64 bytes into its
 * line, after the first 400 bytes (libxml2 may no longer hold the line's
 * start then, and gives another position) - makes the reader give up
 * where it is: import_graphml.c then starts the import over (a fresh
 * importer, the diagnostics added since dropped) and libxml2 reads the
 * document from the start. Up to there the reader calls the SAX2
 * callbacks of import_graphml.c with what libxml2 would give them (names,
 * namespace URIs, attribute values normalized as libxml2 gives them, '&'
 * as "&#38;", text decoded), so the graph and every message are the ones
 * libxml2's path gives: an importer's error stops both at the same
 * element, and a document that is not in the subset is read by libxml2
 * alone. The reader skips the attributes of the
 * elements the callbacks ignore (yEd's graphics). */
#define _DEFAULT_SOURCE /* madvise's MADV_DONTNEED */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include "import_graphml.h"

#define MAX_FAST_DEPTH 200
#define MAX_RUN ((size_t)1 << 20)
#define MAX_NAME 1000
#define MAX_LINE_OFFSET 64
#define DROP_EVERY ((size_t)8 << 20)
#define MEMO_SLOTS 128 /* a power of two */
#define MEMO_MAX 160   /* bytes of a start tag remembered */

typedef struct xns {
    char *prefix; /* NULL: the default namespace */
    size_t prefix_len;
    char *uri;
    int depth;
} xns;

typedef struct xopen {
    const char *name;
    size_t len;
    bool is_value; /* a data or default element, or inside one */
} xopen;

typedef struct xatt {
    const char *name, *value, *value_end;
    size_t len, colon; /* colon: the prefix's length, 0 none */
    size_t start, end; /* the value as libxml2 gives it, in vals */
} xatt;

/* A start tag read before whose attributes no callback wanted (yEd's
 * graphics: the same <y:Fill .../> on every node): the same bytes in the
 * same namespaces are the same tag, and are not read again. */
typedef struct xmemo {
    size_t len; /* '<' to '>', 0: an empty slot */
    size_t name_len, colon;
    bool is_empty;
    bool is_ascii; /* no byte over 0x7F (else a hit marks its line for column counts) */
    unsigned gen;  /* of the namespaces it was read in */
    unsigned hits; /* a tag that keeps coming is not replaced at once */
    const char *uri; /* its namespace's (the declaration lives while gen holds) */
    char text[MEMO_MAX];
    char names[MEMO_MAX + 1]; /* local name NUL prefix NUL, as the callback gets them */
} xmemo;

typedef struct fx {
    gml *g;
    bool emit, mapped;
    const char *text, *p, *end;
    int line;
    const char *line_start;
    bool line_utf8; /* the line so far has a character over 0x7F: count columns */
    size_t dropped;
    xopen *open;
    size_t open_cap;
    int depth;
    bool has_root;
    xns *ns;
    size_t ns_count, ns_cap;
    size_t run[MAX_FAST_DEPTH + 2];
    xatt *atts;
    size_t att_count, att_cap;
    gml_buffer vals, name;
    const xmlChar **ptrs;
    size_t ptr_cap;
    bool is_nomem;
    xmemo *memo;     /* MEMO_SLOTS, or NULL */
    unsigned ns_gen; /* changes with every declaration made or dropped */
} fx;

/* ---- characters ------------------------------------------------------------ */

/* The UTF-8 character at p (a non-ASCII lead byte) when XML 1.0 allows
 * it: its length, else 0. */
static size_t utf8_char(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || (size_t)(end - p) < n)
        return 0;
    uint32_t cp = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return n;
}

static bool is_allowed(uint32_t cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

static size_t put_utf8(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A reference at p ('&'): its length, its text in out (at most 4 bytes)
 * and *out_len; 0 when outside the subset. */
static size_t reference(const char *p, const char *end, char *out, size_t *out_len)
{
    static const struct {
        const char *name;
        char c;
    } predefined[] = {{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"apos;", '\''}, {"quot;", '"'}};
    const char *q = p + 1;
    if (q < end && *q != '#') {
        for (size_t i = 0; i < sizeof predefined / sizeof *predefined; i++) {
            size_t n = strlen(predefined[i].name);
            if ((size_t)(end - q) >= n && memcmp(q, predefined[i].name, n) == 0) {
                out[0] = predefined[i].c;
                *out_len = 1;
                return 1 + n;
            }
        }
        return 0;
    }
    q++;
    bool is_hex = q < end && *q == 'x';
    q += is_hex;
    uint32_t cp = 0;
    size_t digits = 0;
    for (; q < end && digits <= 7; q++, digits++) {
        char c = *q;
        int d = c >= '0' && c <= '9'                ? c - '0'
                : is_hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : is_hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        if (d < 0)
            break;
        cp = cp * (is_hex ? 16 : 10) + (uint32_t)d;
    }
    if (digits == 0 || digits > 7 || q >= end || *q != ';' || !is_allowed(cp))
        return 0;
    *out_len = put_utf8(cp, out);
    return (size_t)(q + 1 - p);
}

/* Bytes that end a plain run: of character data, of an attribute value
 * (either quote), and the bytes of an ASCII name. */
static const unsigned char text_stop[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
static const unsigned char value_stop[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
static const unsigned char name_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* ---- state -------------------------------------------------------------- */

#define GROW(items, cap, need, elem) ((need) <= (cap) || kg_grow((void **)&(items), &(cap), (need), (elem)) == KG_OK)

static bool add(fx *x, gml_buffer *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->capacity && kg_grow((void **)&b->text, &b->capacity, b->len + n + 1, 1) != KG_OK) {
        x->is_nomem = true;
        return false;
    }
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len] = '\0';
    return true;
}

static void newline(fx *x, const char *p)
{
    x->line++;
    x->line_start = p + 1;
    x->line_utf8 = false;
}

/* Drops the pages of a mapped file read so far, every 8 MiB. */
static void drop_pages(fx *x)
{
    size_t upto = (size_t)(x->p - x->text);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    if (!x->mapped || upto < x->dropped + DROP_EVERY || page == 0 ||
        ((uintptr_t)x->text & (page - 1)) != 0)
        return;
    size_t from = x->dropped / page * page, to = upto / page * page;
    if (to > from)
        madvise((void *)(uintptr_t)(x->text + from), to - from, MADV_DONTNEED);
    x->dropped = to;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

static bool skip_space(fx *x)
{
    const char *p0 = x->p;
    for (; x->p < x->end && is_space(*x->p); x->p++)
        if (*x->p == '\n')
            newline(x, x->p);
    return x->p > p0;
}

static bool is_name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(char c)
{
    return name_byte[(unsigned char)c];
}

/* A QName at x->p: its length and the prefix's (0 none); false outside
 * the subset. */
static bool qname(fx *x, size_t *len, size_t *colon)
{
    const char *p = x->p;
    *colon = 0;
    if (p >= x->end || !is_name_start(*p))
        return false;
    for (p++; p < x->end && is_name_char(*p); p++) {
    }
    if (p < x->end && *p == ':') {
        *colon = (size_t)(p - x->p);
        p++;
        if (p >= x->end || !is_name_start(*p))
            return false;
        for (p++; p < x->end && is_name_char(*p); p++) {
        }
    }
    *len = (size_t)(p - x->p);
    if (*len > MAX_NAME || (p < x->end && ((unsigned char)*p >= 0x80 || *p == ':')))
        return false;
    x->p = p;
    return true;
}

/* ---- markup --------------------------------------------------------------- */

/* A comment at x->p ("<!--"). */
static bool comment(fx *x)
{
    const char *p = x->p + 4, *start = p;
    const unsigned char *end = (const unsigned char *)x->end;
    for (;;) {
        if (p >= x->end || (size_t)(p - start) > MAX_RUN)
            return false;
        unsigned char c = (unsigned char)*p;
        if (c == '-') {
            if (x->end - p >= 2 && p[1] == '-') {
                if (x->end - p >= 3 && p[2] == '>') {
                    x->p = p + 3;
                    return true;
                }
                return false;
            }
            p++;
        } else if (c >= 0x80) {
            size_t n = utf8_char((const unsigned char *)p, end);
            x->line_utf8 = true;
            if (n == 0)
                return false;
            p += n;
        } else if (c < 0x20 && c != '\t' && c != '\n') {
            return false;
        } else {
            if (c == '\n')
                newline(x, p);
            p++;
        }
    }
}

/* Scans character data up to '<' (or the end) as text of the element
 * open; emits it when x->emit. */
static bool text(fx *x)
{
    const unsigned char *p = (const unsigned char *)x->p, *end = (const unsigned char *)x->end;
    const unsigned char *seg = p;
    size_t *run = &x->run[x->depth];
    gml *g = x->g;
    bool wants = x->emit && x->depth > 0 && kg_gml_wants_text(g); /* else a no-op */
    for (;;) {
        /* indentation 8 spaces at a time, then byte by byte */
        for (uint64_t word; end - p >= 8; p += 8) {
            memcpy(&word, p, sizeof word);
            if (word != 0x2020202020202020u)
                break;
        }
        while (p < end && !text_stop[*p])
            p++;
        if (p >= end || *p == '<')
            break;
        unsigned char c = *p;
        if (c == '&') {
            if (x->depth == 0)
                return false;
            char out[4];
            size_t out_len = 0, n = reference((const char *)p, x->end, out, &out_len);
            if (n == 0)
                return false;
            if (wants) {
                if (p > seg)
                    kg_gml_sax_text(g, seg, (int)(p - seg));
                kg_gml_sax_text(g, (const xmlChar *)out, (int)out_len);
            }
            p += n;
            seg = p;
        } else if (c == ']') {
            if (end - p >= 3 && p[1] == ']' && p[2] == '>')
                return false;
            p++;
        } else if (c >= 0x80) {
            size_t n = utf8_char(p, end);
            x->line_utf8 = true;
            if (n == 0)
                return false;
            p += n;
        } else if (c == '\n') {
            newline(x, (const char *)p);
            p++;
        } else if (c == '\t') {
            p++;
        } else {
            return false;
        }
    }
    size_t n = (size_t)(p - (const unsigned char *)x->p);
    if (x->depth == 0) { /* outside the root: spaces only */
        for (const char *q = x->p; q < (const char *)p; q++)
            if (!is_space(*q))
                return false;
    }
    /* only values' text is kept, and limited: the rest is not counted */
    if (x->depth > 0 && x->open[x->depth - 1].is_value && (*run += n) > MAX_RUN)
        return false;
    if (wants && p > seg)
        kg_gml_sax_text(g, seg, (int)(p - seg));
    x->p = (const char *)p;
    return true;
}

/* A CDATA section at x->p. */
static bool cdata(fx *x)
{
    const char *p = x->p + 9, *start = p;
    const unsigned char *end = (const unsigned char *)x->end;
    for (;;) {
        if (p >= x->end)
            return false;
        unsigned char c = (unsigned char)*p;
        if (c == ']' && x->end - p >= 3 && p[1] == ']' && p[2] == '>')
            break;
        if (c >= 0x80) {
            size_t n = utf8_char((const unsigned char *)p, end);
            x->line_utf8 = true;
            if (n == 0)
                return false;
            p += n;
        } else if (c < 0x20 && c != '\t' && c != '\n') {
            return false;
        } else {
            if (c == '\n')
                newline(x, p);
            p++;
        }
    }
    size_t n = (size_t)(p - start);
    if (x->open[x->depth - 1].is_value && (x->run[x->depth] += n) > MAX_RUN)
        return false;
    if (x->emit && n > 0)
        kg_gml_sax_text(x->g, (const xmlChar *)start, (int)n);
    x->p = p + 3;
    return true;
}

/* An attribute value at x->p (its quote), checked; its libxml2 form is
 * added to x->vals when keep. */
static bool value(fx *x, xatt *a, bool keep)
{
    char quote = *x->p;
    const unsigned char *p = (const unsigned char *)x->p + 1, *end = (const unsigned char *)x->end;
    a->value = (const char *)p;
    a->start = x->vals.len;
    const unsigned char *seg = p;
    for (;;) {
        while (p < end && !value_stop[*p])
            p++;
        if (p >= end || *p == '<')
            return false;
        unsigned char c = *p;
        if (c == (unsigned char)quote)
            break;
        if (c == '"' || c == '\'') { /* the other quote */
            p++;
            continue;
        }
        if (keep && p > seg && !add(x, &x->vals, (const char *)seg, (size_t)(p - seg)))
            return false;
        if (c == '&') {
            char out[4];
            size_t out_len = 0, n = reference((const char *)p, x->end, out, &out_len);
            if (n == 0)
                return false;
            if (keep && !(out_len == 1 && out[0] == '&' ? add(x, &x->vals, "&#38;", 5)
                                                          : add(x, &x->vals, out, out_len)))
                return false;
            p += n;
        } else if (c >= 0x80) {
            size_t n = utf8_char(p, end);
            x->line_utf8 = true;
            if (n == 0)
                return false;
            if (keep && !add(x, &x->vals, (const char *)p, n))
                return false;
            p += n;
        } else if (c == '\n' || c == '\t') {
            if (c == '\n')
                newline(x, (const char *)p);
            if (keep && !add(x, &x->vals, " ", 1))
                return false;
            p++;
        } else {
            return false;
        }
        seg = p;
    }
    if (keep && p > seg && !add(x, &x->vals, (const char *)seg, (size_t)(p - seg)))
        return false;
    a->end = x->vals.len;
    if (keep && !add(x, &x->vals, "\0", 1)) /* a NUL after each value */
        return false;
    a->value_end = (const char *)p;
    if ((size_t)(p - (const unsigned char *)a->value) > MAX_RUN)
        return false;
    x->p = (const char *)p + 1;
    return true;
}

/* A namespace name libxml2 takes without a word: scheme ':' then letters,
 * digits, '.', '_', '-' and '/' only (no second ':', which libxml2's URI
 * parser may refuse as a port), not one of XML's own. */
static bool is_plain_uri(const xatt *a)
{
    size_t n = (size_t)(a->value_end - a->value);
    if (n == 0 || n > MAX_NAME || !is_name_start(a->value[0]) || a->value[0] == '_')
        return false;
    const char *q = a->value;
    while (q < a->value_end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
                                (*q >= '0' && *q <= '9') || *q == '+' || *q == '.' || *q == '-'))
        q++;
    if (q >= a->value_end || *q != ':' || q + 1 >= a->value_end)
        return false;
    for (q++; q < a->value_end; q++)
        if (!(is_name_char(*q) || *q == '/'))
            return false;
    return !(n == 36 && memcmp(a->value, "http://www.w3.org/XML/1998/namespace", n) == 0) &&
           !(n == 29 && memcmp(a->value, "http://www.w3.org/2000/xmlns/", n) == 0);
}

static const char *lookup(const fx *x, const char *prefix, size_t len)
{
    for (size_t i = x->ns_count; i-- > 0;) {
        const xns *n = &x->ns[i];
        if (!prefix ? !n->prefix : n->prefix && n->prefix_len == len &&
                                       memcmp(n->prefix, prefix, len) == 0)
            return n->uri;
    }
    return NULL;
}

static char *copy(fx *x, const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (!c) {
        x->is_nomem = true;
        return NULL;
    }
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

static bool declare(fx *x, const xatt *a)
{
    if (!is_plain_uri(a))
        return false;
    bool is_default = a->colon == 0;
    if (!is_default && ((a->len - 6 == 3 && memcmp(a->name + 6, "xml", 3) == 0) ||
                        (a->len - 6 == 5 && memcmp(a->name + 6, "xmlns", 5) == 0)))
        return false;
    if (kg_grow((void **)&x->ns, &x->ns_cap, x->ns_count + 1, sizeof *x->ns) != KG_OK) {
        x->is_nomem = true;
        return false;
    }
    xns *n = &x->ns[x->ns_count];
    n->prefix = is_default ? NULL : copy(x, a->name + 6, a->len - 6);
    n->prefix_len = is_default ? 0 : a->len - 6;
    n->uri = copy(x, a->value, (size_t)(a->value_end - a->value));
    n->depth = x->depth + 1;
    if ((!is_default && !n->prefix) || !n->uri) {
        free(n->prefix);
        free(n->uri);
        return false;
    }
    x->ns_count++;
    x->ns_gen++;
    return true;
}

static void undeclare(fx *x)
{
    while (x->ns_count > 0 && x->ns[x->ns_count - 1].depth > x->depth) {
        x->ns_count--;
        x->ns_gen++;
        x->g->graphml_uri = NULL; /* its address may come back with another name */
        free(x->ns[x->ns_count].prefix);
        free(x->ns[x->ns_count].uri);
    }
}

/* The column (in characters) of '<' at t, 1-based. */
static int column(const char *line_start, const char *t)
{
    /* indentation is ASCII: 8 bytes at a time while no byte is above 0x7F */
    const char *q = line_start;
    for (uint64_t word; t - q >= 8; q += 8) {
        memcpy(&word, q, sizeof word);
        if (word & 0x8080808080808080u)
            break;
    }
    int chars = 1 + (int)(q - line_start);
    for (; q < t; q++)
        if (((unsigned char)*q & 0xC0) != 0x80)
            chars++;
    return chars;
}

/* The rest of a start tag after its '<' at t: name, attributes (their
 * values kept when keep), namespaces; *has_decl when it declares one. */
static bool tag_body(fx *x, bool keep, size_t *name_len, size_t *name_colon, bool *empty,
                     bool *has_decl)
{
    const char *name = x->p + 1;
    x->p++;
    size_t len, colon;
    if (!qname(x, &len, &colon))
        return false;
    *name_len = len;
    *name_colon = colon;
    x->att_count = 0;
    x->vals.len = 0;
    bool is_empty = false;
    *has_decl = false;
    for (;;) {
        bool spaced = skip_space(x);
        if (x->p >= x->end)
            return false;
        if (*x->p == '>') {
            x->p++;
            break;
        }
        if (*x->p == '/') {
            if (x->end - x->p < 2 || x->p[1] != '>')
                return false;
            x->p += 2;
            is_empty = true;
            break;
        }
        if (!spaced)
            return false;
        if (!GROW(x->atts, x->att_cap, x->att_count + 1, sizeof *x->atts)) {
            x->is_nomem = true;
            return false;
        }
        xatt *a = &x->atts[x->att_count];
        a->name = x->p;
        if (!qname(x, &a->len, &a->colon))
            return false;
        skip_space(x);
        if (x->p >= x->end || *x->p != '=')
            return false;
        x->p++;
        skip_space(x);
        if (x->p >= x->end || (*x->p != '"' && *x->p != '\''))
            return false;
        bool is_decl = (a->len == 5 && memcmp(a->name, "xmlns", 5) == 0) ||
                       (a->colon == 5 && memcmp(a->name, "xmlns", 5) == 0);
        if (!value(x, a, keep && !is_decl))
            return false;
        if (is_decl)
            a->start = a->end = (size_t)-1;
        *has_decl = *has_decl || is_decl;
        for (size_t i = 0; i < x->att_count; i++) {
            const xatt *b = &x->atts[i];
            if (b->len == a->len && memcmp(b->name, a->name, a->len) == 0)
                return false; /* the same name twice */
            if (a->colon && b->colon && a->len - a->colon == b->len - b->colon &&
                memcmp(a->name + a->colon, b->name + b->colon, a->len - a->colon) == 0)
                return false; /* perhaps the same name in the same namespace */
        }
        x->att_count++;
    }
    /* namespaces: declarations first, then the names that use them */
    for (size_t i = 0; i < x->att_count; i++) {
        xatt *a = &x->atts[i];
        if (a->start == (size_t)-1 && !declare(x, a))
            return false;
    }
    size_t real = 0;
    for (size_t i = 0; i < x->att_count; i++) {
        xatt *a = &x->atts[i];
        if (a->start == (size_t)-1)
            continue;
        if (a->colon && ((a->colon == 3 && memcmp(a->name, "xml", 3) == 0) ||
                         !lookup(x, a->name, a->colon)))
            return false;
        if (real != i) /* a declaration was before it */
            x->atts[real] = *a;
        real++;
    }
    x->att_count = real;
    if (colon && ((colon == 3 && memcmp(name, "xml", 3) == 0) || !lookup(x, name, colon)))
        return false;
    *empty = is_empty;
    return true;
}

/* The slot a start tag of len bytes at t is remembered in. */
static size_t memo_slot(const char *t, size_t len)
{
    uint64_t a = 0, b = 0;
    memcpy(&a, t + 1, len - 1 < 8 ? len - 1 : 8);
    if (len > 9)
        memcpy(&b, t + len - 9, 8); /* the 8 bytes before '>' */
    uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15u) ^ len) * 0xFF51AFD7ED558CCDu;
    return (size_t)(h >> 57) & (MEMO_SLOTS - 1);
}

/* The start tag at t when it was read before in these namespaces, else
 * NULL. The bytes up to the first '>' must be the remembered tag's: that
 * tag had no other '>', so the same bytes end at the same place. */
static const xmemo *memo_find(fx *x, const char *t)
{
    if (!x->memo)
        return NULL;
    size_t room = (size_t)(x->end - t) < MEMO_MAX ? (size_t)(x->end - t) : MEMO_MAX;
    const char *gt = memchr(t, '>', room);
    if (!gt)
        return NULL;
    size_t len = (size_t)(gt + 1 - t);
    xmemo *m = &x->memo[memo_slot(t, len)];
    if (m->len != len || m->gen != x->ns_gen || memcmp(m->text, t, len) != 0) {
        if (m->hits > 0)
            m->hits--;
        return NULL;
    }
    if (m->hits < 8)
        m->hits++;
    return m;
}

/* Remembers the start tag just read at t (up to x->p) when it fits, has
 * no '>' before its end, and its slot is free or no longer in use. */
static void memo_put(fx *x, const char *t, size_t name_len, size_t colon, bool is_empty)
{
    size_t len = (size_t)(x->p - t);
    if (len > MEMO_MAX || memchr(t, '>', len - 1))
        return;
    if (!x->memo && !(x->memo = calloc(MEMO_SLOTS, sizeof *x->memo))) {
        x->is_nomem = true; /* reported when the reader is done */
        return;
    }
    xmemo *m = &x->memo[memo_slot(t, len)];
    if (m->len && m->hits > 0 && m->gen == x->ns_gen)
        return;
    m->len = len;
    m->name_len = name_len;
    m->colon = colon;
    m->is_empty = is_empty;
    m->is_ascii = true;
    for (size_t i = 0; i < len; i++)
        m->is_ascii = m->is_ascii && (unsigned char)t[i] < 0x80;
    m->gen = x->ns_gen;
    m->hits = 1;
    memcpy(m->text, t, len);
    const char *name = t + 1, *local = name + (colon ? colon + 1 : 0);
    size_t local_len = name_len - (colon ? colon + 1 : 0);
    memcpy(m->names, local, local_len);
    m->names[local_len] = '\0';
    memcpy(m->names + local_len + 1, name, colon);
    m->names[local_len + 1 + colon] = '\0';
    m->uri = lookup(x, colon ? name : NULL, colon);
}

/* A start tag at x->p ('<' and a name start). */
static bool start_tag(fx *x)
{
    const char *t = x->p;
    int line = x->line;
    const char *line_start = x->line_start;
    if (x->depth == 0 && x->has_root)
        return false;
    if (x->depth + 1 > MAX_FAST_DEPTH)
        return false;
    bool parent_value = x->depth > 0 && x->open[x->depth - 1].is_value;
    /* libxml2 keeps 80 bytes before a start tag, and all of its first
     * 500 bytes until then */
    if (!parent_value && t - line_start > MAX_LINE_OFFSET && t - x->text > 400)
        return false;
    gml *g = x->g;
    /* what the callback will read: attributes only of an element it looks at */
    bool keep = x->emit && g->st == KG_OK && !g->skip_depth && !g->is_reading;
    size_t len, colon;
    bool is_empty;
    const xmemo *m = keep ? NULL : memo_find(x, t);
    if (m) {
        x->p = t + m->len;
        len = m->name_len;
        colon = m->colon;
        is_empty = m->is_empty;
        x->att_count = 0;
        x->line_utf8 = x->line_utf8 || !m->is_ascii;
    } else {
        bool has_decl;
        if (!tag_body(x, keep, &len, &colon, &is_empty, &has_decl))
            return false;
        if (!keep && !has_decl && x->line == line) /* no newline in it */
            memo_put(x, t, len, colon, is_empty);
    }
    const char *name = t + 1;
    if (!GROW(x->open, x->open_cap, (size_t)x->depth + 1, sizeof *x->open)) {
        x->is_nomem = true;
        return false;
    }
    const char *local = name + (colon ? colon + 1 : 0);
    size_t local_len = len - (colon ? colon + 1 : 0);
    x->open[x->depth] = (xopen){name, len,
                                parent_value || (local_len == 4 && memcmp(local, "data", 4) == 0) ||
                                    (local_len == 7 && memcmp(local, "default", 7) == 0)};
    x->depth++;
    x->has_root = true;
    x->run[x->depth] = 0;
    if (x->emit && (g->skip_depth || g->st != KG_OK)) {
        /* the callback only counts the depth inside a skipped element */
        kg_gml_sax_start(g, (const xmlChar *)"", NULL, NULL, 0, NULL, 0, 0, NULL);
    } else if (x->emit && m) { /* names as they were given the last time */
        kg_gml_sax_start(g, (const xmlChar *)m->names,
                         colon ? (const xmlChar *)m->names + local_len + 1 : NULL,
                         (const xmlChar *)m->uri, 0, NULL, 0, 0, NULL);
    } else if (x->emit) {
        x->name.len = 0;
        if (!add(x, &x->name, local, local_len) || !add(x, &x->name, "\0", 1) ||
            !add(x, &x->name, name, colon))
            return false;
        const xmlChar *l = (const xmlChar *)x->name.text;
        const xmlChar *prefix = colon ? l + local_len + 1 : NULL;
        const xmlChar *uri = (const xmlChar *)lookup(x, colon ? name : NULL, colon);
        if (keep) {
            if (!GROW(x->ptrs, x->ptr_cap, 5 * x->att_count + 1, sizeof *x->ptrs)) {
                x->is_nomem = true;
                return false;
            }
            /* local names, NUL-terminated, after the values */
            size_t base = x->vals.len;
            for (size_t i = 0; i < x->att_count; i++) {
                const xatt *a = &x->atts[i];
                size_t off = a->colon ? a->colon + 1 : 0;
                if (!add(x, &x->vals, a->name + off, a->len - off) ||
                    !add(x, &x->vals, "\0", 1))
                    return false;
            }
            size_t at = base;
            for (size_t i = 0; i < x->att_count; i++) {
                const xatt *a = &x->atts[i];
                size_t off = a->colon ? a->colon + 1 : 0;
                const xmlChar **s = x->ptrs + 5 * i;
                s[0] = (const xmlChar *)x->vals.text + at;
                s[1] = a->colon ? (const xmlChar *)"" : NULL; /* only unprefixed ones are read */
                s[2] = NULL;
                s[3] = (const xmlChar *)x->vals.text + a->start;
                s[4] = (const xmlChar *)x->vals.text + a->end;
                at += a->len - off + 1;
            }
        }
        if (keep) /* the callback asks where the tag is */
            g->fast_where = (kg_imp_where){
                line, x->line_utf8 ? column(line_start, t) : (int)(t - line_start) + 1, NULL};
        kg_gml_sax_start(g, l, prefix, uri, 0, NULL, keep ? (int)x->att_count : 0, 0,
                         keep ? x->ptrs : NULL);
    }
    if (is_empty) {
        x->depth--;
        if (x->emit)
            kg_gml_sax_end(g, NULL, NULL, NULL);
        undeclare(x);
    }
    return true;
}

/* An end tag at x->p ("</"). */
static bool end_tag(fx *x)
{
    if (x->depth == 0)
        return false;
    const xopen *o = &x->open[x->depth - 1];
    x->p += 2;
    if ((size_t)(x->end - x->p) < o->len || memcmp(x->p, o->name, o->len) != 0)
        return false;
    x->p += o->len;
    if (x->p < x->end && (is_name_char(*x->p) || *x->p == ':'))
        return false;
    skip_space(x);
    if (x->p >= x->end || *x->p != '>')
        return false;
    x->p++;
    x->depth--;
    undeclare(x);
    if (x->emit)
        kg_gml_sax_end(x->g, NULL, NULL, NULL);
    return true;
}

/* ---- the document ------------------------------------------------------------ */

static bool literal(fx *x, const char *s)
{
    size_t n = strlen(s);
    if ((size_t)(x->end - x->p) < n || memcmp(x->p, s, n) != 0)
        return false;
    x->p += n;
    return true;
}

/* name = 'value' or "value" of the declaration, the value one of values
 * (compared without case when nocase). */
static bool pseudo(fx *x, const char *name, const char *const *values, bool nocase)
{
    if (!literal(x, name))
        return false;
    skip_space(x);
    if (!literal(x, "="))
        return false;
    skip_space(x);
    if (x->p >= x->end || (*x->p != '"' && *x->p != '\''))
        return false;
    char quote = *x->p++;
    for (; *values; values++) {
        size_t n = strlen(*values);
        if ((size_t)(x->end - x->p) > n && x->p[n] == quote &&
            (nocase ? strncasecmp(x->p, *values, n) == 0 : memcmp(x->p, *values, n) == 0)) {
            x->p += n + 1;
            return true;
        }
    }
    return false;
}

static bool declaration(fx *x)
{
    static const char *const version[] = {"1.0", NULL}, *const utf8[] = {"UTF-8", NULL},
                             *const yes_no[] = {"yes", "no", NULL};
    x->p += 5;
    if (!skip_space(x) || !pseudo(x, "version", version, false))
        return false;
    bool spaced = skip_space(x);
    if (spaced && x->p < x->end && *x->p == 'e') {
        if (!pseudo(x, "encoding", utf8, true))
            return false;
        spaced = skip_space(x);
    }
    if (spaced && x->p < x->end && *x->p == 's') {
        if (!pseudo(x, "standalone", yes_no, false))
            return false;
        skip_space(x);
    }
    return literal(x, "?>");
}

/* One pass over the document: true when it is in the subset (and, when
 * emitting, every callback has been called or the importer failed). */
static bool scan(fx *x)
{
    x->p = x->text;
    x->line = 1;
    x->line_start = x->text;
    x->line_utf8 = false;
    x->depth = 0;
    x->has_root = false;
    x->dropped = 0;
    x->run[0] = 0;
    if ((size_t)(x->end - x->p) >= 6 && memcmp(x->p, "<?xml", 5) == 0 && is_space(x->p[5]) &&
        !declaration(x))
        return false;
    while (x->p < x->end) {
        if (x->emit && x->g->st != KG_OK)
            return true;
        if (*x->p != '<') {
            if (!text(x))
                return false;
            continue;
        }
        if (x->mapped && (size_t)(x->p - x->text) >= x->dropped + DROP_EVERY)
            drop_pages(x);
        const char *p = x->p;
        size_t left = (size_t)(x->end - p);
        bool ok;
        if (left >= 2 && p[1] == '/')
            ok = end_tag(x);
        else if (left >= 4 && memcmp(p, "<!--", 4) == 0)
            ok = comment(x);
        else if (left >= 9 && memcmp(p, "<![CDATA[", 9) == 0 && x->depth > 0)
            ok = cdata(x);
        else
            ok = start_tag(x);
        if (!ok)
            return false;
    }
    return x->has_root && x->depth == 0;
}

static void fx_free(fx *x)
{
    x->depth = 0;
    undeclare(x);
    free(x->ns);
    free(x->open);
    free(x->atts);
    free(x->vals.text);
    free(x->name.text);
    free(x->ptrs);
    free(x->memo);
}

kg_status kg_gml_fast(gml *g, const char *text, size_t len, bool mapped, bool *handled)
{
    *handled = false;
    fx x;
    memset(&x, 0, sizeof x);
    x.g = g;
    x.text = text;
    x.end = text + len;
    x.mapped = mapped;
    x.emit = true;
    bool ok = scan(&x);
    kg_status st = g->st;
    if (ok || st != KG_OK) {
        *handled = true;
        if (st == KG_OK && x.is_nomem)
            st = kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
    } else if (x.is_nomem) { /* out of memory is no reason to try libxml2 */
        *handled = true;
        st = kg_imp_error(g->im, KG_ENOMEM, NULL, NULL, "out of memory");
    }
    fx_free(&x);
    return st;
}
