/* import_dot_scan.c - DOT's tokens as cgraph's scanner (scan.l) reads
 * them, for the one-pass reader (import_dot_fast.c): bare IDs
 * [A-Za-z_\200-\377][A-Za-z_0-9\200-\377]*, numerals
 * -?(.[0-9]+|[0-9]+(.[0-9]*)?), quoted strings (\" a quote, an escaped
 * line break removed, other backslashes kept) joined by '+', keywords in
 * any case, -> and --, and comments. */
#include <stdlib.h>
#include <string.h>

#include "import_dot_scan.h"

/* cgraph's scanner fails on a token of about 16 KiB: a bare ID, or a run
 * of a quoted string between escapes (kg writes parts of 16,000 bytes at
 * most); the reader leaves longer ones to cgraph and its message. */
#define RUN_MAX 16000

bool kg_dot_out(kg_dot_scan *f)
{
    f->is_out = true;
    return false;
}

bool kg_dot_nomem(kg_dot_scan *f)
{
    f->is_nomem = f->is_out = true;
    return false;
}

bool kg_dot_put(kg_dot_scan *f, kg_dot_buf *b, const char *s, size_t n)
{
    if (f->is_skipping && b == &f->tok)
        return true;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->s, cap);
        if (!grown)
            return kg_dot_nomem(f);
        b->s = grown;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return true;
}

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
static bool skip_space(kg_dot_scan *f)
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
                return kg_dot_out(f);
            f->pos = (size_t)(end - t) + 2;
        } else if (c == '#' && (f->pos == 0 || t[f->pos - 1] == '\n')) {
            size_t p = f->pos + 1;
            while (p < f->len && (t[p] == ' ' || t[p] == '\t'))
                p++;
            if (p < f->len && (is_digit((unsigned char)t[p]) || strncmp(t + p, "line", 4) == 0))
                return kg_dot_out(f); /* cgraph reads "# 12" and "#line 12" as line numbers */
            const char *nl = memchr(t + f->pos, '\n', f->len - f->pos);
            f->pos = nl ? (size_t)(nl - t) : f->len;
        } else
            break;
    }
    return true;
}

/* A quoted string at f->pos, appended to f->tok as cgraph stores it: \"
 * is a quote, an escaped line break vanishes, other backslashes stay. */
static bool quoted(kg_dot_scan *f)
{
    const char *t = f->text;
    size_t p = f->pos + 1;
    for (;;) {
        const char *quote = memchr(t + p, '"', f->len - p);
        size_t end = quote ? (size_t)(quote - t) : f->len;
        const char *slash = memchr(t + p, '\\', end - p);
        size_t run = slash ? (size_t)(slash - t) : end;
        if (run - p > RUN_MAX)
            return kg_dot_out(f);
        if (run > p && !kg_dot_put(f, &f->tok, t + p, run - p))
            return false;
        if (run >= f->len || (run + 1 >= f->len && t[run] == '\\'))
            return kg_dot_out(f); /* unterminated */
        if (t[run] == '"') {
            f->pos = run + 1;
            return true;
        }
        char next = t[run + 1];
        if (next == '"' && !kg_dot_put(f, &f->tok, "\"", 1))
            return false;
        if (next == '\\' && !kg_dot_put(f, &f->tok, "\\\\", 2))
            return false;
        if (next != '"' && next != '\\' && next != '\n' && !kg_dot_put(f, &f->tok, "\\", 1))
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

static kg_dot_tok keyword(const char *s, size_t n)
{
    static const struct {
        const char *word;
        kg_dot_tok kind;
    } words[] = {{"node", KG_DOT_NODE},       {"edge", KG_DOT_EDGE},     {"graph", KG_DOT_GRAPH},
                 {"digraph", KG_DOT_DIGRAPH}, {"strict", KG_DOT_STRICT}, {"subgraph", KG_DOT_OTHER}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (is_word(s, n, words[i].word))
            return words[i].kind;
    return KG_DOT_ID;
}

kg_dot_tok kg_dot_lex(kg_dot_scan *f)
{
    if (!skip_space(f))
        return KG_DOT_OTHER;
    f->start = f->pos;
    f->tok.len = 0;
    if (f->pos >= f->len)
        return KG_DOT_END;
    const char *t = f->text;
    unsigned char c = (unsigned char)t[f->pos];
    unsigned char next = f->pos + 1 < f->len ? (unsigned char)t[f->pos + 1] : 0;
    kg_dot_tok punct = c == '{'   ? KG_DOT_LBRACE
                : c == '}' ? KG_DOT_RBRACE
                : c == '[' ? KG_DOT_LBRACKET
                : c == ']' ? KG_DOT_RBRACKET
                : c == '=' ? KG_DOT_EQ
                : c == ';' ? KG_DOT_SEMI
                : c == ',' ? KG_DOT_COMMA
                           : KG_DOT_END;
    if (punct != KG_DOT_END) {
        f->pos++;
        return punct;
    }
    if (c == '-' && (next == '>' || next == '-')) {
        f->pos += 2;
        return next == '>' ? KG_DOT_ARROW : KG_DOT_DASHES;
    }
    if (c == '"') {
        if (!quoted(f))
            return KG_DOT_OTHER;
        for (;;) { /* "a" + "b" */
            size_t after = f->pos;
            if (!skip_space(f))
                return KG_DOT_OTHER;
            if (f->pos >= f->len || t[f->pos] != '+') {
                f->pos = after;
                break;
            }
            f->pos++;
            if (!skip_space(f) || f->pos >= f->len || t[f->pos] != '"' || !quoted(f))
                return KG_DOT_OTHER;
        }
        if (f->tok.len == 0 && !kg_dot_put(f, &f->tok, "", 0))
            return KG_DOT_OTHER;
        return KG_DOT_ID;
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
                return KG_DOT_OTHER;
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
            return KG_DOT_OTHER;
        /* cgraph splits a numeral run into a name or a '.' (with a warning) */
        if (end < f->len && (is_id_start((unsigned char)t[end]) || t[end] == '.'))
            return KG_DOT_OTHER;
    } else
        return KG_DOT_OTHER; /* HTML strings, ports, anything else */
    if (end - f->pos > RUN_MAX)
        return kg_dot_out(f), KG_DOT_OTHER;
    if (!kg_dot_put(f, &f->tok, t + f->pos, end - f->pos))
        return KG_DOT_OTHER;
    size_t n = end - f->pos;
    f->pos = end;
    return is_id_start(c) ? keyword(t + f->start, n) : KG_DOT_ID;
}

bool kg_dot_accept(kg_dot_scan *f, kg_dot_tok want)
{
    size_t at = f->pos;
    if (kg_dot_lex(f) == want)
        return true;
    f->pos = at;
    return false;
}
