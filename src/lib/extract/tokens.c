/* tokens.c - the first step of extraction: a text becomes word and
 * punctuation tokens (Unicode classes from utf8proc), sentences (full stops
 * that are not abbreviations, line breaks, a length cap) and dates with the
 * precision the text gives ("2003", "March 2003", "31 March 2003"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "extract_internal.h"

/* Code point at s (len bytes left) and its length; never fails on valid
 * UTF-8, which kg_extractor_add_text guarantees. */
static int32_t decode(const char *s, size_t len, size_t *n)
{
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t got = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
    if (got <= 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = (size_t)got;
    return cp;
}

static bool is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static bool is_space_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

static bool is_hyphen_cp(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
static bool is_apostrophe_cp(int32_t cp) { return cp == '\'' || cp == 0x2019; }

static int32_t peek(const ex_text *t, size_t at, size_t *n)
{
    if (at >= t->len) {
        *n = 0;
        return 0;
    }
    return decode(t->text + at, t->len - at, n);
}

void kg_ex_token_lower(const ex_text *t, const ex_token *tok, char *out, size_t size)
{
    size_t o = 0;
    for (size_t at = tok->start; at < tok->end && o + 4 < size;) {
        size_t n;
        int32_t cp = utf8proc_tolower(decode(t->text + at, tok->end - at, &n));
        o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + o);
        at += n;
    }
    out[o] = '\0';
}

bool kg_ex_token_is(const ex_text *t, const ex_token *tok, const char *word)
{
    size_t len = tok->end - tok->start;
    if (len != strlen(word))
        return false;
    for (size_t i = 0; i < len; i++) {
        char a = t->text[tok->start + i], b = word[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
        if (a != b)
            return false;
    }
    return true;
}

static void classify(const ex_text *t, ex_token *tok)
{
    size_t n;
    int32_t first = decode(t->text + tok->start, tok->end - tok->start, &n);
    tok->is_digit = first >= '0' && first <= '9';
    tok->is_cap = utf8proc_category(first) == UTF8PROC_CATEGORY_LU;
    size_t letters = 0, uppers = 0;
    for (size_t at = tok->start; at < tok->end; at += n) {
        int32_t cp = decode(t->text + at, tok->end - at, &n);
        utf8proc_category_t c = utf8proc_category(cp);
        if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO)
            letters++;
        if (c == UTF8PROC_CATEGORY_LU)
            uppers++;
    }
    tok->is_allcaps = letters >= 2 && uppers == letters;
    kg_ex_token_lower(t, tok, tok->lower, sizeof tok->lower);
}

/* End of the word starting at `at`: word characters, an apostrophe or a
 * '.' between letters ("D.C", "O'Neill"), a ',' or '.' between digits. */
static size_t word_end(const ex_text *t, size_t at)
{
    size_t n, n2;
    while (at < t->len) {
        int32_t cp = peek(t, at, &n);
        if (is_word_cp(cp)) {
            at += n;
            continue;
        }
        int32_t next = peek(t, at + n, &n2);
        bool inner = at > 0 && n2 > 0 && is_word_cp(next);
        if (inner && cp == '.' && !(next >= '0' && next <= '9') && at + n + n2 < t->len &&
            t->text[at + n + n2] == '.')
            at += n; /* D.C. */
        else if (inner && (cp == '.' || cp == ',') && t->text[at - 1] >= '0' &&
                 t->text[at - 1] <= '9' && next >= '0' && next <= '9')
            at += n; /* 60,000 */
        else if (inner && is_apostrophe_cp(cp) && !(next == 's' && !is_word_cp(peek(t, at + n + 1, &n2))))
            at += n; /* O'Neill, not ASEAN's */
        else
            break;
    }
    return at;
}

static kg_status push_token(ex_text *t, size_t *cap, const ex_token *tok)
{
    if (t->token_count == *cap) {
        size_t grown = *cap ? *cap * 2 : 1024;
        ex_token *more = realloc(t->tokens, grown * sizeof *more);
        if (!more)
            return KG_ENOMEM;
        t->tokens = more;
        *cap = grown;
    }
    t->tokens[t->token_count++] = *tok;
    return KG_OK;
}

static kg_status tokenise_words(ex_text *t)
{
    size_t cap = 0, at = 0, n;
    bool line_start = true, joined = false;
    while (at < t->len) {
        int32_t cp = peek(t, at, &n);
        if (is_space_cp(cp)) {
            if (cp == '\n')
                line_start = true;
            joined = false;
            at += n;
            continue;
        }
        ex_token tok;
        memset(&tok, 0, sizeof tok);
        tok.start = (uint32_t)at;
        tok.is_line_start = line_start;
        line_start = false;
        size_t n2;
        if (is_word_cp(cp)) {
            tok.kind = EX_WORD;
            tok.end = (uint32_t)word_end(t, at);
            tok.is_joined = joined;
            joined = false;
        } else if (is_apostrophe_cp(cp) && peek(t, at + n, &n2) == 's' &&
                   !is_word_cp(peek(t, at + n + 1, &n2)) && t->token_count > 0 &&
                   t->tokens[t->token_count - 1].end == at) {
            tok.kind = EX_POSS;
            tok.end = (uint32_t)(at + n + 1);
        } else if (is_hyphen_cp(cp) && t->token_count > 0 &&
                   t->tokens[t->token_count - 1].end == at &&
                   t->tokens[t->token_count - 1].kind == EX_WORD &&
                   is_word_cp(peek(t, at + n, &n2))) {
            joined = true; /* ASEAN-EU, UN-led: no token for the hyphen */
            at += n;
            continue;
        } else {
            tok.kind = EX_PUNCT;
            tok.end = (uint32_t)(at + n);
        }
        classify(t, &tok);
        if (push_token(t, &cap, &tok) != KG_OK)
            return KG_ENOMEM;
        at = tok.end;
    }
    return KG_OK;
}

static const char *const abbreviations[] = {
    "mr", "ms", "mrs", "dr", "st", "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "art", "para", "fig",
    "approx", "e.g", "i.e", "u.s", "u.k", NULL};

static bool is_abbreviation(const ex_text *t, const ex_token *w)
{
    if (w->kind != EX_WORD)
        return false;
    if (w->end - w->start == 1 && w->is_cap)
        return true; /* an initial: "J. Smith" */
    for (const char *const *a = abbreviations; *a; a++)
        if (strcmp(w->lower, *a) == 0)
            return true;
    return memchr(t->text + w->start, '.', w->end - w->start) != NULL;
}

static bool ends_sentence(const ex_text *t, size_t i)
{
    const ex_token *tok = &t->tokens[i];
    if (tok->kind != EX_PUNCT || tok->end - tok->start != 1)
        return false;
    char c = t->text[tok->start];
    if (c != '.' && c != '!' && c != '?')
        return false;
    if (i + 1 >= t->token_count)
        return true;
    const ex_token *next = &t->tokens[i + 1];
    if (next->is_line_start)
        return true;
    if (c == '.' && i > 0 && t->tokens[i - 1].end == tok->start &&
        is_abbreviation(t, &t->tokens[i - 1]))
        return false;
    return next->is_cap || next->is_digit || next->kind == EX_PUNCT;
}

static kg_status split_sentences(ex_text *t)
{
    size_t cap = 0, first = 0;
    for (size_t i = 0; i <= t->token_count; i++) {
        bool cut = i == t->token_count || (i > first && t->tokens[i].is_line_start) ||
                   i - first >= KG_EX_SENTENCE_MAX;
        if (!cut)
            continue;
        if (i > first) {
            if (t->sentence_count == cap) {
                size_t grown = cap ? cap * 2 : 256;
                ex_sentence *more = realloc(t->sentences, grown * sizeof *more);
                if (!more)
                    return KG_ENOMEM;
                t->sentences = more;
                cap = grown;
            }
            t->sentences[t->sentence_count++] = (ex_sentence){(uint32_t)first, (uint32_t)i};
        }
        first = i;
        if (i < t->token_count && ends_sentence(t, i)) {
            /* keep the full stop in this sentence */
        }
    }
    /* Second pass: cut after sentence-final punctuation. */
    size_t count = t->sentence_count;
    ex_sentence *split = NULL;
    size_t split_count = 0, split_cap = 0;
    for (size_t s = 0; s < count; s++) {
        size_t start = t->sentences[s].first;
        for (size_t i = start; i < t->sentences[s].last; i++) {
            if (i + 1 < t->sentences[s].last && !ends_sentence(t, i))
                continue;
            if (split_count == split_cap) {
                split_cap = split_cap ? split_cap * 2 : 256;
                ex_sentence *more = realloc(split, split_cap * sizeof *more);
                if (!more) {
                    free(split);
                    return KG_ENOMEM;
                }
                split = more;
            }
            split[split_count++] = (ex_sentence){(uint32_t)start, (uint32_t)(i + 1)};
            start = i + 1;
        }
    }
    free(t->sentences);
    t->sentences = split;
    t->sentence_count = split_count;
    return KG_OK;
}

/* ---- dates ------------------------------------------------------------ */

static const char *const months[] = {"january", "february", "march", "april", "may", "june",
                                     "july", "august", "september", "october", "november",
                                     "december"};

static int month_of(const ex_token *tok)
{
    if (tok->kind != EX_WORD || !tok->is_cap)
        return 0;
    size_t len = strlen(tok->lower);
    for (int m = 0; m < 12; m++) {
        if (strcmp(tok->lower, months[m]) == 0)
            return m + 1;
        if (len >= 3 && len <= 4 && m != 4 && strncmp(tok->lower, months[m], len) == 0 &&
            (len == 3 || (m == 8 && len == 4)))
            return m + 1; /* "Sep", "Sept" */
    }
    return 0;
}

static int number_of(const ex_token *tok, int lo, int hi)
{
    if (tok->kind != EX_WORD || !tok->is_digit)
        return 0;
    size_t len = strlen(tok->lower);
    if (len > 4)
        return 0;
    int v = 0;
    for (size_t i = 0; i < len; i++) {
        if (tok->lower[i] < '0' || tok->lower[i] > '9')
            return 0;
        v = v * 10 + (tok->lower[i] - '0');
    }
    return v >= lo && v <= hi ? v : 0;
}

/* The token after a month name, skipping its abbreviation dot. */
static size_t after_month(const ex_text *t, size_t i)
{
    if (i + 1 < t->token_count && t->tokens[i + 1].kind == EX_PUNCT &&
        t->text[t->tokens[i + 1].start] == '.')
        return i + 2;
    return i + 1;
}

static kg_status find_dates(ex_text *t)
{
    size_t cap = 0;
    for (size_t i = 0; i < t->token_count; i++) {
        ex_date d;
        memset(&d, 0, sizeof d);
        const ex_token *tk = t->tokens;
        size_t n = t->token_count;
        int day = number_of(&tk[i], 1, 31), month, year;
        size_t j;
        if (day && i + 2 < n && (month = month_of(&tk[i + 1])) &&
            (j = after_month(t, i + 1)) < n && (year = number_of(&tk[j], 1000, 2999))) {
            snprintf(d.text, sizeof d.text, "%04d-%02d-%02d", year, month, day);
            d.first = (uint32_t)i;
            d.last = (uint32_t)j + 1;
        } else if ((month = month_of(&tk[i])) && (j = after_month(t, i)) < n &&
                   (year = number_of(&tk[j], 1000, 2999))) {
            snprintf(d.text, sizeof d.text, "%04d-%02d", year, month);
            d.first = (uint32_t)i;
            d.last = (uint32_t)j + 1;
        } else if ((month = month_of(&tk[i])) && (j = after_month(t, i)) + 2 < n &&
                   (day = number_of(&tk[j], 1, 31)) && tk[j + 1].kind == EX_PUNCT &&
                   t->text[tk[j + 1].start] == ',' &&
                   (year = number_of(&tk[j + 2], 1000, 2999))) {
            snprintf(d.text, sizeof d.text, "%04d-%02d-%02d", year, month, day);
            d.first = (uint32_t)i;
            d.last = (uint32_t)j + 3;
        } else if ((year = number_of(&tk[i], 1000, 2999)) && strlen(tk[i].lower) == 4) {
            snprintf(d.text, sizeof d.text, "%04d", year);
            d.first = (uint32_t)i;
            d.last = (uint32_t)i + 1;
        } else {
            continue;
        }
        if (t->date_count == cap) {
            cap = cap ? cap * 2 : 64;
            ex_date *more = realloc(t->dates, cap * sizeof *more);
            if (!more)
                return KG_ENOMEM;
            t->dates = more;
        }
        t->dates[t->date_count++] = d;
        i = d.last - 1;
    }
    return KG_OK;
}

kg_status kg_ex_tokenise(ex_text *t)
{
    kg_status st = tokenise_words(t);
    if (st == KG_OK)
        st = split_sentences(t);
    if (st == KG_OK)
        st = find_dates(t);
    return st;
}

void kg_ex_text_free(ex_text *t)
{
    free(t->text);
    free(t->tokens);
    free(t->sentences);
    free(t->dates);
    memset(t, 0, sizeof *t);
}

kg_status kg_ex_tokenise_phrase(const char *phrase, ex_token **tokens, size_t *count,
                                char **copy)
{
    ex_text t;
    memset(&t, 0, sizeof t);
    t.len = strlen(phrase);
    t.text = malloc(t.len + 1);
    if (!t.text)
        return KG_ENOMEM;
    memcpy(t.text, phrase, t.len + 1);
    kg_status st = tokenise_words(&t);
    if (st != KG_OK) {
        kg_ex_text_free(&t);
        return st;
    }
    *tokens = t.tokens;
    *count = t.token_count;
    *copy = t.text;
    return KG_OK;
}
