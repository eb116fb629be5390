/* json_pull.c - see json_pull.h. One state machine over a byte window that
 * a FILE refills in 64 KiB chunks; strings are copied out in runs; object
 * keys are kept per open object (a linear scan for small objects, a hash
 * index from INDEX_FROM keys on) to reject duplicates as jansson does. */
#include "json_pull.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define CHUNK ((size_t)1 << 16)
#define INDEX_FROM 16

/* jp->keys holds each open object's keys as entries of a length byte (the
 * key's length, 255 for 255 or more), the key and its NUL; offsets name a
 * key's text, after its length byte, so the scan of a small object steps
 * from key to key and compares lengths without a strlen or strcmp each. */
struct kg_jp_frame {
    bool is_object;
    size_t keys_start; /* offset of this object's first entry in jp->keys */
    size_t key_count;
    size_t *index; /* key offsets + 1, open addressing; NULL until INDEX_FROM */
    size_t index_cap;
};

enum { S_START, S_VALUE, S_ARRAY_FIRST, S_OBJECT_FIRST, S_KEY, S_AFTER, S_DONE, S_ERROR };

static void init_common(kg_jp *jp, size_t max_depth)
{
    memset(jp, 0, sizeof *jp);
    jp->line = 1;
    jp->max_depth = max_depth ? max_depth : (size_t)-1;
    jp->state = S_START;
}

void kg_jp_init_buffer(kg_jp *jp, const char *text, size_t len, size_t max_depth)
{
    init_common(jp, max_depth);
    jp->p = (const unsigned char *)text;
    jp->end = jp->p + len;
}

kg_status kg_jp_init_file(kg_jp *jp, FILE *file, size_t max_depth)
{
    init_common(jp, max_depth);
    jp->file = file;
    jp->chunk = malloc(CHUNK);
    if (!jp->chunk)
        return KG_ENOMEM;
    jp->p = jp->end = jp->chunk;
    return KG_OK;
}

void kg_jp_free(kg_jp *jp)
{
    for (size_t i = 0; i < jp->depth; i++)
        free(jp->frames[i].index);
    free(jp->frames);
    free(jp->keys);
    free(jp->text);
    free(jp->chunk);
    jp->frames = NULL;
    jp->keys = jp->text = NULL;
    jp->chunk = NULL;
}

/* ---- errors and input --------------------------------------------------- */

static kg_jp_event fail(kg_jp *jp, kg_status status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static kg_jp_event fail(kg_jp *jp, kg_status status, const char *fmt, ...)
{
    if (jp->status == KG_OK) {
        jp->status = status;
        jp->error_line = jp->line;
        jp->error_column = jp->column > 0 ? jp->column : 1;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(jp->message, sizeof jp->message, fmt, ap);
        va_end(ap);
    }
    jp->state = S_ERROR;
    return KG_JP_ERROR;
}

static bool refill(kg_jp *jp)
{
    if (!jp->file || jp->status != KG_OK)
        return false;
    size_t n = fread(jp->chunk, 1, CHUNK, jp->file);
    if (n == 0) {
        if (ferror(jp->file))
            fail(jp, KG_EIO, "read error");
        return false;
    }
    jp->p = jp->chunk;
    jp->end = jp->chunk + n;
    return true;
}

static inline int peek(kg_jp *jp)
{
    if (jp->p == jp->end && !refill(jp))
        return -1;
    return *jp->p;
}

/* Consumes c, the byte at jp->p; columns count characters, not bytes. */
static inline void advance(kg_jp *jp, int c)
{
    jp->p++;
    if (c == '\n') {
        jp->line++;
        jp->column = 0;
    } else if ((c & 0xC0) != 0x80) {
        jp->column++;
    }
}

static inline int get(kg_jp *jp)
{
    int c = peek(jp);
    if (c >= 0)
        advance(jp, c);
    return c;
}

static bool text_room(kg_jp *jp, size_t extra)
{
    if (jp->text_len + extra + 1 <= jp->text_cap)
        return true;
    return kg_grow((void **)&jp->text, &jp->text_cap, jp->text_len + extra + 1, 1) == KG_OK;
}

static inline bool text_put(kg_jp *jp, int c)
{
    if (!text_room(jp, 1))
        return false;
    jp->text[jp->text_len++] = (char)c;
    return true;
}

static kg_jp_event no_memory(kg_jp *jp)
{
    return fail(jp, KG_ENOMEM, "out of memory");
}

/* ---- strings ------------------------------------------------------------ */

/* Whether nothing follows in the file: a sequence cut by the end of the
 * last chunk is cut by the end of the input, as in a buffer. */
static bool at_file_end(FILE *file)
{
    int c = getc(file);
    if (c == EOF)
        return true;
    ungetc(c, file);
    return false;
}

/* jansson checks the UTF-8 of every character as it reads it, so a bad
 * sequence where a literal, a number or an escape goes on is its error, at
 * the place before it. (In a file, a sequence cut by the end of a chunk that
 * the file goes on after is not checked here.) */
static bool bad_utf8_next(kg_jp *jp)
{
    int c = peek(jp);
    if (c < 0x80)
        return false;
    size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool is_bad = n == 0 || (jp->p + n > jp->end && (!jp->file || at_file_end(jp->file)));
    if (!is_bad && jp->p + n <= jp->end) {
        uint32_t cp = (uint32_t)c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
        for (size_t i = 1; i < n && !is_bad; i++) {
            is_bad = jp->p[i] < 0x80 || jp->p[i] > 0xBF;
            cp = cp << 6 | (jp->p[i] & 0x3Fu);
        }
        is_bad = is_bad || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
                 (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
    }
    if (is_bad)
        fail(jp, KG_EINPUT, "unable to decode byte 0x%x", (unsigned)c);
    return is_bad;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool read_hex4(kg_jp *jp, uint32_t *out)
{
    *out = 0;
    for (int i = 0; i < 4; i++) {
        if (bad_utf8_next(jp)) /* the first error stays */
            return false;
        int h = hex_value(get(jp));
        if (h < 0)
            return false;
        *out = *out << 4 | (uint32_t)h;
    }
    return true;
}

static bool put_utf8(kg_jp *jp, uint32_t cp)
{
    if (!text_room(jp, 4))
        return false;
    char *o = jp->text + jp->text_len;
    size_t n;
    if (cp < 0x80) {
        o[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | cp >> 6);
        o[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        o[0] = (char)(0xF0 | cp >> 18);
        o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    jp->text_len += n;
    return true;
}

typedef struct string_problems string_problems;

/* What decoding a string's escapes found, reported when its closing quote
 * is reached, as jansson reports it (it decodes a string after lexing it
 * whole): the first bad surrogate, else a NUL. */
struct string_problems {
    char unicode[40]; /* "invalid Unicode '\\uD800'"; empty if none */
    bool has_nul;
};

static kg_jp_event escape(kg_jp *jp, string_problems *sp)
{
    if (bad_utf8_next(jp))
        return KG_JP_ERROR;
    int c = get(jp);
    uint32_t cp;
    switch (c) {
    case '"': case '\\': case '/': return text_put(jp, c) ? KG_JP_STRING : no_memory(jp);
    case 'b': return text_put(jp, '\b') ? KG_JP_STRING : no_memory(jp);
    case 'f': return text_put(jp, '\f') ? KG_JP_STRING : no_memory(jp);
    case 'n': return text_put(jp, '\n') ? KG_JP_STRING : no_memory(jp);
    case 'r': return text_put(jp, '\r') ? KG_JP_STRING : no_memory(jp);
    case 't': return text_put(jp, '\t') ? KG_JP_STRING : no_memory(jp);
    case 'u': break;
    default: return fail(jp, KG_EINPUT, "invalid escape");
    }
    if (!read_hex4(jp, &cp))
        return fail(jp, KG_EINPUT, "invalid escape");
    bool is_decoding = !sp->unicode[0];
    sp->has_nul |= cp == 0;
    if (cp >= 0xDC00 && cp <= 0xDFFF && is_decoding)
        snprintf(sp->unicode, sizeof sp->unicode, "invalid Unicode '\\u%04X'", (unsigned)cp);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        /* a low surrogate must follow; anything else is lexed as usual */
        if (peek(jp) != '\\') {
            if (is_decoding)
                snprintf(sp->unicode, sizeof sp->unicode, "invalid Unicode '\\u%04X'",
                         (unsigned)cp);
            return KG_JP_STRING;
        }
        advance(jp, '\\');
        if (peek(jp) != 'u') {
            if (is_decoding)
                snprintf(sp->unicode, sizeof sp->unicode, "invalid Unicode '\\u%04X'",
                         (unsigned)cp);
            return escape(jp, sp); /* the escape after the backslash */
        }
        advance(jp, 'u');
        uint32_t low;
        if (!read_hex4(jp, &low))
            return fail(jp, KG_EINPUT, "invalid escape");
        sp->has_nul |= low == 0;
        if ((low < 0xDC00 || low > 0xDFFF) && is_decoding)
            snprintf(sp->unicode, sizeof sp->unicode, "invalid Unicode '\\u%04X\\u%04X'",
                     (unsigned)cp, (unsigned)low);
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (sp->unicode[0])
        return KG_JP_STRING; /* the string is an error: its text no longer matters */
    return put_utf8(jp, cp) ? KG_JP_STRING : no_memory(jp);
}


/* One UTF-8 sequence starting with byte c (>= 0x80), validated as jansson
 * does: no overlong forms, surrogates or code points above U+10FFFF. */
static kg_jp_event utf8_sequence(kg_jp *jp, int c)
{
    size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    /* jansson names the first byte and the place before it */
    if (n == 0)
        return fail(jp, KG_EINPUT, "unable to decode byte 0x%x", (unsigned)c);
    int line = jp->line, column = jp->column;
    advance(jp, c);
    uint32_t cp = (uint32_t)c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    if (!text_room(jp, n))
        return no_memory(jp);
    jp->text[jp->text_len] = (char)c;
    for (size_t i = 1; i < n; i++) {
        int d = peek(jp);
        if (d < 0x80 || d > 0xBF) {
            jp->line = line;
            jp->column = column;
            return fail(jp, KG_EINPUT, "unable to decode byte 0x%x", (unsigned)c);
        }
        advance(jp, d);
        jp->text[jp->text_len + i] = (char)d;
        cp = cp << 6 | ((uint32_t)d & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) ||
        cp > 0x10FFFF) {
        jp->line = line;
        jp->column = column;
        return fail(jp, KG_EINPUT, "unable to decode byte 0x%x", (unsigned)c);
    }
    jp->text_len += n;
    return KG_JP_STRING;
}

/* The bytes a string's text takes as they are: ASCII but control
 * characters, the quote and the backslash (one table load a byte instead
 * of four comparisons). */
static const bool is_plain_in_string[256] = { /* 0x80 and up: 0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* After the opening quote: the string's text into jp->text. */
static kg_jp_event scan_string(kg_jp *jp, bool is_key)
{
    string_problems sp = {{0}, false};
    jp->text_len = 0;
    for (;;) {
        const unsigned char *s = jp->p, *q = s;
        while (q < jp->end && is_plain_in_string[*q])
            q++;
        if (q > s) {
            size_t n = (size_t)(q - s);
            if (!text_room(jp, n))
                return no_memory(jp);
            memcpy(jp->text + jp->text_len, s, n);
            jp->text_len += n;
            jp->column += (int)n;
            jp->p = q;
        }
        int c = peek(jp);
        kg_jp_event ev = KG_JP_STRING;
        if (c < 0)
            return fail(jp, KG_EINPUT, "premature end of input");
        if (c == '"') {
            advance(jp, c);
            if (sp.unicode[0])
                return fail(jp, KG_EINPUT, "%s", sp.unicode);
            if (sp.has_nul && is_key)
                return fail(jp, KG_EINPUT, "NUL byte in object key not supported");
            if (sp.has_nul) {
                snprintf(jp->hint, sizeof jp->hint, "strings cannot hold NUL characters");
                return fail(jp, KG_EINPUT, "\\u0000 is not allowed");
            }
            break;
        }
        if (c < 0x20) /* jansson: at the place before it */
            return c == '\n' ? fail(jp, KG_EINPUT, "unexpected newline")
                             : fail(jp, KG_EINPUT, "control character 0x%x", (unsigned)c);
        if (c == '\\') {
            advance(jp, c);
            ev = escape(jp, &sp);
        } else if (c >= 0x80) {
            ev = utf8_sequence(jp, c);
        }
        if (ev == KG_JP_ERROR)
            return ev;
    }
    if (!text_room(jp, 0))
        return no_memory(jp);
    jp->text[jp->text_len] = '\0';
    return KG_JP_STRING;
}

/* ---- numbers and literals ----------------------------------------------- */

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static kg_jp_event digits(kg_jp *jp)
{
    int c = peek(jp);
    if (bad_utf8_next(jp))
        return KG_JP_ERROR;
    if (!is_digit(c)) /* jansson puts it back: the place is before it */
        return fail(jp, KG_EINPUT, "invalid token");
    while (is_digit(c)) {
        if (!text_put(jp, c))
            return no_memory(jp);
        advance(jp, c);
        c = peek(jp);
    }
    return KG_JP_INTEGER;
}

/* The value of a real written without exponent whose digits, read as an
 * integer m, are at most 2^53 with at most 22 after the point: m and 10^k
 * are then exact doubles and one division rounds m / 10^k correctly, so
 * the result is strtod's (Clinger's fast path) at a fraction of its cost;
 * false for any other text. */
static bool exact_decimal(const char *text, double *out)
{
    static const double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char *p = text;
    bool is_negative = *p == '-';
    p += is_negative;
    uint64_t m = 0;
    int digits = 0, fraction = -1;
    for (; *p; p++) {
        if (*p == '.' && fraction < 0) {
            fraction = 0;
            continue;
        }
        if (*p < '0' || *p > '9' || ++digits > 19)
            return false;
        m = m * 10 + (uint64_t)(*p - '0');
        fraction += fraction >= 0;
    }
    if (fraction < 0 || fraction > 22 || m > ((uint64_t)1 << 53))
        return false;
    double v = (double)m / powers[fraction];
    *out = is_negative ? -v : v;
    return true;
}

static kg_jp_event scan_number(kg_jp *jp, int c)
{
    jp->text_len = 0;
    bool is_real = false;
    if (c == '-') {
        if (!text_put(jp, c))
            return no_memory(jp);
        advance(jp, c);
        c = peek(jp);
    }
    if (c == '0') {
        if (!text_put(jp, c))
            return no_memory(jp);
        advance(jp, c);
        c = peek(jp);
        if (is_digit(c))
            return fail(jp, KG_EINPUT, "invalid token");
    } else if (digits(jp) == KG_JP_ERROR) {
        return KG_JP_ERROR;
    }
    c = peek(jp);
    if (c == '.') {
        is_real = true;
        if (!text_put(jp, c))
            return no_memory(jp);
        advance(jp, c);
        if (digits(jp) == KG_JP_ERROR)
            return KG_JP_ERROR;
        c = peek(jp);
    }
    if (c == 'e' || c == 'E') {
        is_real = true;
        if (!text_put(jp, c))
            return no_memory(jp);
        advance(jp, c);
        c = peek(jp);
        if (c == '+' || c == '-') {
            if (!text_put(jp, c))
                return no_memory(jp);
            advance(jp, c);
        }
        if (digits(jp) == KG_JP_ERROR)
            return KG_JP_ERROR;
    }
    if (bad_utf8_next(jp))
        return KG_JP_ERROR;
    if (!text_room(jp, 0))
        return no_memory(jp);
    jp->text[jp->text_len] = '\0';
    errno = 0;
    if (!is_real) {
        long long v = strtoll(jp->text, NULL, 10);
        if (errno == ERANGE)
            return fail(jp, KG_EINPUT, v < 0 ? "too big negative integer" : "too big integer");
        jp->integer = v;
        /* JSON's grammar leaves one spelling per integer but "-0": the
         * text is already what "%lld" would write */
        if (v == 0 && jp->text[0] == '-')
            memcpy(jp->text, "0", 2), jp->text_len = 1;
        return KG_JP_INTEGER;
    }
    if (exact_decimal(jp->text, &jp->real))
        return KG_JP_REAL;
    jp->real = strtod(jp->text, NULL);
    if (errno == ERANGE && (jp->real == HUGE_VAL || jp->real == -HUGE_VAL))
        return fail(jp, KG_EINPUT, "real number overflow");
    return KG_JP_REAL;
}

static kg_jp_event scan_literal(kg_jp *jp)
{
    jp->text_len = 0;
    int c = peek(jp);
    while ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        if (!text_put(jp, c))
            return no_memory(jp);
        advance(jp, c);
        c = peek(jp);
    }
    if (bad_utf8_next(jp))
        return KG_JP_ERROR;
    jp->text[jp->text_len] = '\0';
    if (strcmp(jp->text, "true") == 0)
        return KG_JP_TRUE;
    if (strcmp(jp->text, "false") == 0)
        return KG_JP_FALSE;
    if (strcmp(jp->text, "null") == 0)
        return KG_JP_NULL;
    return fail(jp, KG_EINPUT, "invalid token");
}

/* ---- structure ---------------------------------------------------------- */

static kg_jp_event push(kg_jp *jp, bool is_object)
{
    if (jp->depth + 1 > jp->max_depth) {
        snprintf(jp->hint, sizeof jp->hint, "raise it with --max-depth");
        return fail(jp, KG_ELIMIT, "nesting deeper than the limit of %zu", jp->max_depth);
    }
    if (kg_grow((void **)&jp->frames, &jp->frame_cap, jp->depth + 1, sizeof *jp->frames) != KG_OK)
        return no_memory(jp);
    kg_jp_frame *f = &jp->frames[jp->depth++];
    memset(f, 0, sizeof *f);
    f->is_object = is_object;
    f->keys_start = jp->keys_len;
    jp->state = is_object ? S_OBJECT_FIRST : S_ARRAY_FIRST;
    return is_object ? KG_JP_BEGIN_OBJECT : KG_JP_BEGIN_ARRAY;
}

static kg_jp_event pop(kg_jp *jp)
{
    kg_jp_frame *f = &jp->frames[--jp->depth];
    bool is_object = f->is_object;
    jp->keys_len = f->keys_start;
    free(f->index);
    f->index = NULL;
    jp->state = S_AFTER;
    return is_object ? KG_JP_END_OBJECT : KG_JP_END_ARRAY;
}

static uint64_t hash_key(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* Inserts key offset `at` into f's index; false if the key is there. */
static bool index_put(kg_jp *jp, kg_jp_frame *f, size_t at)
{
    const char *key = jp->keys + at;
    size_t mask = f->index_cap - 1;
    for (size_t i = (size_t)hash_key(key) & mask;; i = (i + 1) & mask) {
        if (!f->index[i]) {
            f->index[i] = at + 1;
            return true;
        }
        if (strcmp(jp->keys + f->index[i] - 1, key) == 0)
            return false;
    }
}

/* The offset of the key after the one at `at`. */
static size_t next_key(const kg_jp *jp, size_t at)
{
    size_t len = (unsigned char)jp->keys[at - 1];
    return at + (len < 255 ? len : strlen(jp->keys + at)) + 2;
}

static bool index_rebuild(kg_jp *jp, kg_jp_frame *f, size_t cap)
{
    size_t *index = calloc(cap, sizeof *index);
    if (!index)
        return false;
    free(f->index);
    f->index = index;
    f->index_cap = cap;
    for (size_t at = f->keys_start + 1; at < jp->keys_len; at = next_key(jp, at))
        index_put(jp, f, at);
    return true;
}

/* Records the key in jp->text for the open object; KG_JP_ERROR when it is
 * there already or memory runs out. */
static kg_jp_event add_key(kg_jp *jp)
{
    kg_jp_frame *f = &jp->frames[jp->depth - 1];
    unsigned char len_byte = (unsigned char)(jp->text_len < 255 ? jp->text_len : 255);
    if (!f->index) {
        for (size_t at = f->keys_start + 1; at < jp->keys_len; at = next_key(jp, at))
            if ((unsigned char)jp->keys[at - 1] == len_byte && jp->keys[at] == jp->text[0] &&
                (len_byte < 255 ? memcmp(jp->keys + at, jp->text, jp->text_len) == 0
                                : strcmp(jp->keys + at, jp->text) == 0))
                return fail(jp, KG_EINPUT, "duplicate object key");
    }
    size_t entry = jp->keys_len, at = entry + 1;
    if (kg_grow((void **)&jp->keys, &jp->keys_cap, at + jp->text_len + 1, 1) != KG_OK)
        return no_memory(jp);
    jp->keys[entry] = (char)len_byte;
    memcpy(jp->keys + at, jp->text, jp->text_len + 1);
    jp->keys_len = at + jp->text_len + 1;
    f->key_count++;
    if (f->index && 2 * f->key_count > f->index_cap) {
        jp->keys_len = entry; /* rebuilt without it, then put as the new one */
        if (!index_rebuild(jp, f, 2 * f->index_cap))
            return no_memory(jp);
        jp->keys_len = at + jp->text_len + 1;
    } else if (!f->index && f->key_count == INDEX_FROM) {
        jp->keys_len = entry;
        if (!index_rebuild(jp, f, 4 * INDEX_FROM))
            return no_memory(jp);
        jp->keys_len = at + jp->text_len + 1;
    }
    if (f->index && !index_put(jp, f, at))
        return fail(jp, KG_EINPUT, "duplicate object key");
    return KG_JP_KEY;
}

static void skip_space(kg_jp *jp)
{
    for (;;) {
        while (jp->p < jp->end) {
            int c = *jp->p;
            if (c == ' ' || c == '\t' || c == '\r') {
                jp->p++;
                jp->column++;
            } else if (c == '\n') {
                jp->p++;
                jp->line++;
                jp->column = 0;
            } else {
                return;
            }
        }
        if (!refill(jp))
            return;
    }
}

static kg_jp_event value(kg_jp *jp)
{
    int c = peek(jp);
    if (c < 0) /* jansson: an array ends there, or a member's value is missing */
        return fail(jp, KG_EINPUT, jp->depth && !jp->frames[jp->depth - 1].is_object
                                       ? "']' expected" : "unexpected token");
    if (c == '{' || c == '[') {
        advance(jp, c);
        return push(jp, c == '{');
    }
    jp->state = S_AFTER;
    if (c == '"') {
        advance(jp, c);
        return scan_string(jp, false);
    }
    if (c == '-' || is_digit(c))
        return scan_number(jp, c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return scan_literal(jp);
    if (c >= 0x80)
        return utf8_sequence(jp, c) == KG_JP_ERROR ? KG_JP_ERROR
                                                   : fail(jp, KG_EINPUT, "invalid token");
    advance(jp, c);
    /* jansson: punctuation is a token in the wrong place, the rest none */
    return fail(jp, KG_EINPUT, c && strchr("}],:", c) ? "unexpected token" : "invalid token");
}

/* Not what was expected (`what`) at the next token: jansson lexes that
 * token whole first, so a problem inside it comes first and the place of
 * the error is after it. */
static kg_jp_event wrong_token(kg_jp *jp, const char *what)
{
    int c = peek(jp);
    if (c == '{' || c == '[' || c == '}' || c == ']' || c == ',' || c == ':') {
        advance(jp, c);
    } else if (c >= 0 && value(jp) == KG_JP_ERROR && strcmp(jp->message, "invalid token") != 0 &&
               strcmp(jp->message, "unexpected token") != 0 &&
               strcmp(jp->message, "\\u0000 is not allowed") != 0) {
        return KG_JP_ERROR;
    }
    jp->status = KG_OK;
    jp->hint[0] = '\0';
    return fail(jp, KG_EINPUT, "%s", what);
}

static kg_jp_event key(kg_jp *jp, const char *expected)
{
    int c = peek(jp);
    if (c != '"')
        return wrong_token(jp, expected);
    advance(jp, c);
    if (scan_string(jp, true) == KG_JP_ERROR || add_key(jp) == KG_JP_ERROR)
        return KG_JP_ERROR;
    skip_space(jp);
    c = peek(jp);
    if (c != ':')
        return wrong_token(jp, "':' expected");
    advance(jp, c);
    jp->state = S_VALUE;
    return KG_JP_KEY;
}

kg_jp_event kg_jp_next(kg_jp *jp)
{
    skip_space(jp);
    switch (jp->state) {
    case S_START: {
        int c = peek(jp);
        if (c == '{' || c == '[') {
            advance(jp, c);
            return push(jp, c == '{');
        }
        return wrong_token(jp, "'[' or '{' expected");
    }
    case S_VALUE: return value(jp);
    case S_ARRAY_FIRST:
        if (peek(jp) == ']') {
            advance(jp, ']');
            return pop(jp);
        }
        return value(jp);
    case S_OBJECT_FIRST:
        if (peek(jp) == '}') {
            advance(jp, '}');
            return pop(jp);
        }
        return key(jp, "string or '}' expected");
    case S_KEY: return key(jp, "string or '}' expected");
    case S_AFTER: {
        int c = peek(jp);
        if (jp->depth == 0) {
            if (c < 0 && jp->status == KG_OK) {
                jp->state = S_DONE;
                return KG_JP_EOF;
            }
            return wrong_token(jp, "end of file expected");
        }
        bool is_object = jp->frames[jp->depth - 1].is_object;
        if (c == ',' || c == (is_object ? '}' : ']'))
            advance(jp, c);
        if (c == ',') {
            jp->state = is_object ? S_KEY : S_VALUE;
            skip_space(jp);
            return is_object ? key(jp, "string or '}' expected") : value(jp);
        }
        if (c == (is_object ? '}' : ']'))
            return pop(jp);
        return wrong_token(jp, is_object ? "'}' expected" : "']' expected");
    }
    case S_DONE: return KG_JP_EOF;
    default: return KG_JP_ERROR;
    }
}

kg_jp_event kg_jp_skip(kg_jp *jp, kg_jp_event first)
{
    if (first != KG_JP_BEGIN_OBJECT && first != KG_JP_BEGIN_ARRAY)
        return first;
    size_t depth = jp->depth - 1;
    for (;;) {
        kg_jp_event ev = kg_jp_next(jp);
        if (ev == KG_JP_ERROR || ev == KG_JP_EOF)
            return KG_JP_ERROR;
        if ((ev == KG_JP_END_OBJECT || ev == KG_JP_END_ARRAY) && jp->depth == depth)
            return ev;
    }
}

/* ---- capture ------------------------------------------------------------ */

typedef struct sink {
    char **out;
    size_t *len, *cap;
} sink;

static bool put(sink *s, const char *text, size_t n)
{
    if (kg_grow((void **)s->out, s->cap, *s->len + n + 1, 1) != KG_OK)
        return false;
    memcpy(*s->out + *s->len, text, n);
    *s->len += n;
    (*s->out)[*s->len] = '\0';
    return true;
}

static bool put_string(sink *s, const char *text, size_t n)
{
    if (!put(s, "\"", 1))
        return false;
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        char esc[8];
        if (c == '"' || c == '\\')
            snprintf(esc, sizeof esc, "\\%c", c);
        else
            snprintf(esc, sizeof esc, "\\u%04x", c);
        if (!put(s, text + from, i - from) || !put(s, esc, strlen(esc)))
            return false;
        from = i + 1;
    }
    return put(s, text + from, n - from) && put(s, "\"", 1);
}

static bool put_event(kg_jp *jp, sink *s, kg_jp_event ev, size_t start)
{
    bool is_end = ev == KG_JP_END_OBJECT || ev == KG_JP_END_ARRAY;
    char last = *s->len > start ? (*s->out)[*s->len - 1] : '[';
    if (!is_end && last != '[' && last != '{' && last != ':' && !put(s, ",", 1))
        return false;
    switch (ev) {
    case KG_JP_BEGIN_OBJECT: return put(s, "{", 1);
    case KG_JP_END_OBJECT: return put(s, "}", 1);
    case KG_JP_BEGIN_ARRAY: return put(s, "[", 1);
    case KG_JP_END_ARRAY: return put(s, "]", 1);
    case KG_JP_KEY: return put_string(s, jp->text, jp->text_len) && put(s, ":", 1);
    case KG_JP_STRING: return put_string(s, jp->text, jp->text_len);
    case KG_JP_INTEGER:
    case KG_JP_REAL: return put(s, jp->text, jp->text_len);
    case KG_JP_TRUE: return put(s, "true", 4);
    case KG_JP_FALSE: return put(s, "false", 5);
    default: return put(s, "null", 4);
    }
}

kg_status kg_jp_capture(kg_jp *jp, kg_jp_event first, char **out, size_t *len, size_t *cap)
{
    sink s = {out, len, cap};
    size_t start = *len, depth = jp->depth;
    if (first == KG_JP_BEGIN_OBJECT || first == KG_JP_BEGIN_ARRAY)
        depth--;
    kg_jp_event ev = first;
    for (;;) {
        if (!put_event(jp, &s, ev, start)) {
            no_memory(jp);
            return KG_ENOMEM;
        }
        if (jp->depth == depth)
            return KG_OK;
        ev = kg_jp_next(jp);
        if (ev == KG_JP_ERROR || ev == KG_JP_EOF)
            return jp->status != KG_OK ? jp->status : KG_EINPUT;
    }
}
