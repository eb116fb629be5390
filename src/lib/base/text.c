/* text.c - UTF-8 validation, name folding (Unicode through utf8proc),
 * edit distance and locale-free number formatting: the small text tools
 * that loaders (hints), exporters (escaping, numbers) and name resolution
 * share. */
#include "kg/text.h"

#include "internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Length of the well-formed UTF-8 sequence at s (1-4), or 0 if malformed. */
static size_t utf8_sequence(const unsigned char *s, size_t len)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; }
    else return 0;
    if (len < n)
        return 0;
    uint32_t cp = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

size_t kg_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = len ? utf8_sequence(p, len) : 0;
    if (n == 0) {
        *cp = 0xFFFD;
        return len ? 1 : 0;
    }
    uint32_t value = n == 1 ? p[0] : p[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++)
        value = (value << 6) | (p[i] & 0x3F);
    *cp = value;
    return n;
}

static const char *skip_digits(const char *s)
{
    while (*s >= '0' && *s <= '9')
        s++;
    return s;
}

bool kg_json_number(const char *s, bool *is_integer)
{
    const char *p = s;
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (*p >= '1' && *p <= '9')
        p = skip_digits(p);
    else
        return false;
    bool is_int = true;
    if (*p == '.') {
        const char *q = skip_digits(p + 1);
        if (q == p + 1)
            return false;
        p = q;
        is_int = false;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        const char *q = skip_digits(p);
        if (q == p)
            return false;
        p = q;
        is_int = false;
    }
    if (is_integer)
        *is_integer = is_int;
    return *p == '\0';
}

bool kg_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    while (len > 0) {
        size_t n = utf8_sequence(p, len);
        if (n == 0)
            return false;
        p += n;
        len -= n;
    }
    return true;
}

/* Latin letters with a stroke or of their own that Unicode does not
 * decompose, so no normalisation reaches their base letter; every other
 * accent is a combining mark after decomposition. */
static const struct {
    uint32_t cp;
    const char *base;
} undecomposed[] = {
    {0x00E6, "ae"}, {0x00F0, "d"}, {0x00F8, "o"}, {0x00FE, "th"}, {0x0111, "d"},
    {0x0127, "h"},  {0x0131, "i"}, {0x0138, "k"}, {0x0142, "l"},  {0x014B, "n"},
    {0x0153, "oe"}, {0x0167, "t"}, {0x0180, "b"}, {0x0188, "c"}, {0x01B6, "z"},
};

static const char *undecomposed_base(uint32_t cp)
{
    for (size_t i = 0; i < sizeof undecomposed / sizeof undecomposed[0]; i++)
        if (undecomposed[i].cp == cp)
            return undecomposed[i].base;
    return NULL;
}

static bool is_separator(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_' ||
           c == '\f' || c == '\v' ||
           (c > 0x7F && utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_ZS);
}

/* Appends n bytes to out if room remains; always counts them. */
static void fold_put(char *out, size_t size, size_t *len, const char *s,
                     size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (*len + 1 < size)
            out[*len] = s[i];
        (*len)++;
    }
}

/* Appends one folded code point, a space first when one is pending. */
static void fold_emit(char *out, size_t size, size_t *len, bool *pending_space, uint32_t cp)
{
    if (is_separator(cp)) {
        *pending_space = *len > 0;
        return;
    }
    if (*pending_space)
        fold_put(out, size, len, " ", 1);
    *pending_space = false;
    const char *base = undecomposed_base(cp);
    if (base) {
        fold_put(out, size, len, base, strlen(base));
        return;
    }
    utf8proc_uint8_t bytes[4];
    utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, bytes);
    fold_put(out, size, len, (const char *)bytes, (size_t)n);
}

/* Compatibility decomposition, case folding, and default-ignorable
 * characters and combining marks dropped: per code point, so a stray byte
 * stays as it is rather than failing the whole string. */
#define KG_FOLD_OPTIONS                                                              \
    (UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | \
     UTF8PROC_IGNORE)

size_t kg_fold(const char *s, char *out, size_t size)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t remaining = strlen(s), len = 0;
    bool pending_space = false;
    while (remaining > 0) {
        size_t n = utf8_sequence(p, remaining);
        if (n == 0) {
            if (pending_space)
                fold_put(out, size, &len, " ", 1);
            pending_space = false;
            fold_put(out, size, &len, (const char *)p, 1); /* a stray byte as it is */
            n = 1;
        } else if (n == 1) {
            unsigned char c = *p >= 'A' && *p <= 'Z' ? (unsigned char)(*p - 'A' + 'a') : *p;
            fold_emit(out, size, &len, &pending_space, c);
        } else {
            uint32_t cp;
            kg_utf8_decode((const char *)p, n, &cp);
            utf8proc_int32_t folded[18];
            int last_boundclass = 0;
            utf8proc_ssize_t count = utf8proc_decompose_char(
                (utf8proc_int32_t)cp, folded, 18, (utf8proc_option_t)KG_FOLD_OPTIONS,
                &last_boundclass);
            if (count < 0 || count > 18) {
                folded[0] = (utf8proc_int32_t)cp;
                count = 1;
            }
            for (utf8proc_ssize_t i = 0; i < count; i++)
                fold_emit(out, size, &len, &pending_space, (uint32_t)folded[i]);
        }
        p += n;
        remaining -= n;
    }
    if (size > 0)
        out[len < size ? len : size - 1] = '\0';
    return len;
}

#define EDIT_MAX 256

size_t kg_edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > EDIT_MAX) la = EDIT_MAX;
    if (lb > EDIT_MAX) lb = EDIT_MAX;
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    /* Three rows suffice for optimal string alignment (adjacent swaps). */
    size_t rows[3][EDIT_MAX + 1];
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = prev[j - 1] + cost;
            if (prev[j] + 1 < best) best = prev[j] + 1;
            if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            cur[j] = best;
            if (best < row_min) row_min = best;
        }
        if (row_min > cap)
            return cap + 1;
        size_t *t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    return prev[lb] > cap ? cap + 1 : prev[lb];
}

const char *kg_suggest(const char *word, const char *const *candidates,
                       size_t count)
{
    char folded[EDIT_MAX + 1], other[EDIT_MAX + 1];
    kg_fold(word, folded, sizeof folded);
    size_t wlen = strlen(folded);
    size_t cap = wlen / 3 > 2 ? wlen / 3 : 2;
    const char *best = NULL;
    size_t best_distance = cap + 1;
    for (size_t i = 0; i < count; i++) {
        if (!candidates[i])
            continue;
        kg_fold(candidates[i], other, sizeof other);
        size_t d = kg_edit_distance(folded, other, cap);
        if (d < best_distance ||
            (d == best_distance && best && d <= cap && strcmp(candidates[i], best) < 0)) {
            best = candidates[i];
            best_distance = d;
        }
    }
    return best_distance <= cap ? best : NULL;
}

char *kg_format_double(double value, char *out)
{
    if (isnan(value))
        return strcpy(out, "NaN");
    if (isinf(value))
        return strcpy(out, value < 0 ? "-INF" : "INF");
    /* Shortest of %.15g..%.17g that reads back exactly. */
    for (int precision = 15; precision <= 17; precision++) {
        snprintf(out, 32, "%.*g", precision, value);
        if (strtod(out, NULL) == value) /* same locale as snprintf */
            break;
    }
    for (char *c = out; *c; c++)
        if (*c == ',')
            *c = '.'; /* a decimal comma from LC_NUMERIC */
    return out;
}
