/* relations.c - relations between the names of one clause: an edge cue of
 * the schema ("led by", "-led", "took over from") between two mentions
 * gives a candidate, its direction from the cue, its ends from the nearest
 * mentions (and the lists they head: "A, B and C"), its type kept only when
 * the schema allows those ends; the quote is the shortest span holding the
 * two names and the cue, the date the nearest one in the clause. */
#include <stdlib.h>
#include <string.h>

#include "coordination.h"
#include "coreference.h"
#include "extractor.h"

#define EX_MENTIONS_MAX KG_EX_SENTENCE_MAX
#define EX_LEFT_GAP 8
#define EX_RIGHT_GAP 4
#define EX_CUES_AT_MAX 16

typedef struct clause {
    const ex_text *t;
    uint32_t text;
    size_t first, last;          /* tokens */
    const ex_mention *m;
    const uint32_t *quote;       /* per mention: the byte its quote starts at */
    size_t count;
    size_t subject;              /* first name of the sentence before, or EX_NO_ENTITY */
    struct frame *frame;         /* the fronted name that the clauses are about */
    const ex_lexicon *lexicon;
    const size_t *alt;           /* per mention: the other entity of a plural
                                  * description ("both organisations"), or
                                  * EX_NO_ENTITY */
} clause;

#define EX_FRAME_SUBJECTS 8

/* "At the Tisza Summit, the Sava Council ...": the fronted name (tokens [first,
 * last)) and the subjects after it, kept for the next sentence when that
 * opens with "they" or "it". */
typedef struct frame {
    bool active;
    uint32_t first, last;
    uint32_t quote;              /* byte of the opening "At"/"In"/"During" */
    size_t entity;
    size_t subjects[EX_FRAME_SUBJECTS];
    size_t subject_count;
} frame;

static bool is_article(const ex_token *tok)
{
    return strcmp(tok->lower, "the") == 0 || strcmp(tok->lower, "a") == 0 ||
           strcmp(tok->lower, "an") == 0;
}

static bool is_paren(const clause *c, size_t i)
{
    const ex_token *tok = &c->t->tokens[i];
    return tok->kind == EX_PUNCT && (c->t->text[tok->start] == '(' || c->t->text[tok->start] == ')');
}

static bool is_punct(const clause *c, size_t i, char ch)
{
    return i < c->last && c->t->tokens[i].kind == EX_PUNCT &&
           c->t->text[c->t->tokens[i].start] == ch;
}

/* Tokens in [a, b) that are not articles or parentheses. */
static size_t gap(const clause *c, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        n += !is_article(&c->t->tokens[i]) && !is_paren(c, i);
    return n;
}

/* Whether [a, b) only joins list items: ",", "and", "or", articles; or
 * is "and its/their" and one or two lower-case words ("A and its
 * successor B"). */
static bool is_list_glue(const clause *c, size_t a, size_t b)
{
    if (a >= b)
        return false;
    const ex_token *tk = c->t->tokens;
    if (b - a >= 3 && b - a <= 4 && strcmp(tk[a].lower, "and") == 0 &&
        (strcmp(tk[a + 1].lower, "its") == 0 || strcmp(tk[a + 1].lower, "their") == 0)) {
        bool plain = true;
        for (size_t i = a + 2; i < b; i++)
            plain &= tk[i].kind == EX_WORD && !tk[i].is_cap && !tk[i].is_digit;
        if (plain)
            return true;
    }
    for (size_t i = a; i < b; i++) {
        const ex_token *tok = &c->t->tokens[i];
        bool ok = is_article(tok) || strcmp(tok->lower, "and") == 0 || is_paren(c, i) ||
                  strcmp(tok->lower, "or") == 0 ||
                  (tok->kind == EX_PUNCT && (c->t->text[tok->start] == ',' ||
                                             c->t->text[tok->start] == '/'));
        if (!ok)
            return false;
    }
    return true;
}

static kg_status add_relation(kg_extractor *ex, const clause *c, size_t s, size_t t,
                              size_t type, const char *rule, double confidence,
                              uint32_t q0, uint32_t q1, const char *date)
{
    for (size_t i = ex->relation_count; i-- > 0;) {
        ex_relation *r = &ex->relations[i];
        if (r->source != s || r->target != t || r->type != type)
            continue;
        /* one quote per passage: of two nested spans the shorter states it */
        bool same = false;
        for (size_t e = 0; e < r->evidence_count; e++) {
            ex_evidence *ev = &r->evidence[e];
            if (ev->text != c->text)
                continue;
            if (ev->start <= q0 && q1 <= ev->end)
                *ev = (ex_evidence){c->text, q0, q1};
            same |= (ev->start <= q0 && q1 <= ev->end) || (q0 <= ev->start && ev->end <= q1);
        }
        if (!same && r->evidence_count < sizeof r->evidence / sizeof r->evidence[0])
            r->evidence[r->evidence_count++] = (ex_evidence){c->text, q0, q1};
        if (confidence > r->confidence)
            r->confidence = confidence;
        if (!r->date[0] && date)
            memcpy(r->date, date, sizeof r->date);
        return KG_OK;
    }
    if (ex->relation_count == ex->relation_capacity) {
        size_t grown = ex->relation_capacity ? ex->relation_capacity * 2 : 256;
        ex_relation *more = realloc(ex->relations, grown * sizeof *more);
        if (!more)
            return KG_ENOMEM;
        ex->relations = more;
        ex->relation_capacity = grown;
    }
    ex_relation *r = &ex->relations[ex->relation_count++];
    memset(r, 0, sizeof *r);
    r->source = s;
    r->target = t;
    r->type = type;
    r->rule = rule;
    r->confidence = confidence;
    if (date)
        memcpy(r->date, date, sizeof r->date);
    r->evidence[0] = (ex_evidence){c->text, q0, q1};
    r->evidence_count = 1;
    return KG_OK;
}

/* The date of the clause nearest to token at, outside every mention. */
static const char *nearest_date(const clause *c, size_t at)
{
    const char *best = NULL;
    size_t best_distance = (size_t)-1;
    size_t lo = 0, hi = c->t->date_count; /* dates are in text order */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->t->dates[mid].first < c->first)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t d = lo; d < c->t->date_count && c->t->dates[d].first < c->last; d++) {
        const ex_date *date = &c->t->dates[d];
        if (date->last > c->last)
            continue;
        bool inside = false;
        for (size_t k = 0; k < c->count; k++)
            inside |= date->first >= c->m[k].first && date->first < c->m[k].last;
        if (inside)
            continue;
        size_t distance = date->first > at ? date->first - at : at - date->first;
        if (distance < best_distance) {
            best_distance = distance;
            best = date->text;
        }
    }
    return best;
}

static bool type_in(uint64_t mask, size_t type)
{
    return !mask || (type < 64 && (mask >> type) & 1);
}

static const char *rule_of(const ex_cue *cue)
{
    static const char *const names[] = {"cue", "adjacent-names", "name-prefix", "name-inner",
                                        "comma-names", "heading", "frame",
                                        "frame-subject", "name-suffix", "name-pair",
                                        "name-possessive", "including"};
    if (cue->structure)
        return names[cue->structure];
    return cue->is_reverse ? "cue-reverse" : "cue";
}

/* Relates entity ea (the left end) and eb by the first of cues the schema
 * allows; the quote is bytes [q0, q1), the date the nearest to token at. */
static kg_status relate_entities(kg_extractor *ex, const clause *c, size_t ea, size_t eb,
                                 const size_t *cues, size_t n, uint32_t q0, uint32_t q1,
                                 size_t at, double confidence)
{
    if (ea == eb)
        return KG_OK;
    for (size_t k = 0; k < n; k++) {
        const ex_cue *cue = &ex->lexicon.cues[cues[k]];
        if (!type_in(cue->left_types, ex->entities[ea].type) ||
            !type_in(cue->right_types, ex->entities[eb].type))
            continue;
        size_t s = cue->is_reverse ? eb : ea, t = cue->is_reverse ? ea : eb;
        if (!kg_schema_allows(ex->schema, cue->type, ex->entities[s].type,
                              ex->entities[t].type))
            continue;
        /* a name seen only inside another ("United Nations" in "Charter of
         * the United Nations") is written too, quoting that name */
        for (size_t end = 0; end < 2; end++) {
            size_t e = end ? eb : ea;
            if (ex->entities[e].evidence_count == 0)
                kg_ex_entity_evidence(ex, e, c->text, q0, q1);
            ex->entities[e].is_used = true;
        }
        return add_relation(ex, c, s, t, cue->type, rule_of(cue), confidence, q0, q1,
                            nearest_date(c, at));
    }
    return KG_OK;
}

/* Relates mentions a and b (a before b in the text) by cues that matched
 * at tokens [p, q) (p == q: a pattern of names). */
static kg_status relate(kg_extractor *ex, const clause *c, size_t a, size_t b,
                        const size_t *cues, size_t n, size_t p, size_t q, double confidence)
{
    const ex_token *tk = c->t->tokens;
    uint32_t q0 = c->quote[a] < c->quote[b] ? c->quote[a] : c->quote[b];
    uint32_t q1 = tk[c->m[b].last - 1].end;
    if (tk[c->m[a].last - 1].end > q1) /* "At the Summit, C": a after b */
        q1 = tk[c->m[a].last - 1].end;
    if (p < q && tk[p].start < q0)
        q0 = tk[p].start;
    if (p < q && tk[q - 1].end > q1)
        q1 = tk[q - 1].end;
    return relate_entities(ex, c, c->m[a].entity, c->m[b].entity, cues, n, q0, q1,
                           p < q ? p : c->m[b].first, confidence);
}

/* Whether [a, b) is a comma, with articles only: not "and" or "or". */
static bool only_comma(const clause *c, size_t a, size_t b)
{
    bool comma = false;
    for (size_t i = a; i < b; i++) {
        const ex_token *tok = &c->t->tokens[i];
        if (tok->kind == EX_PUNCT && c->t->text[tok->start] == ',')
            comma = true;
        else if (!is_article(tok))
            return false;
    }
    return comma;
}

/* Whether [a, b) holds "and", "or" or "/". */
static bool has_conjunction(const clause *c, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        const ex_token *tok = &c->t->tokens[i];
        if (strcmp(tok->lower, "and") == 0 || strcmp(tok->lower, "or") == 0 ||
            (tok->kind == EX_PUNCT && c->t->text[tok->start] == '/'))
            return true;
    }
    return false;
}

static bool after_preposition(const clause *c, size_t i);
static bool is_fronted(const clause *c, size_t p);
static bool has_comma_and(const clause *c, size_t a, size_t b);

/* Whether mention k stands in parentheses ("A (now known as B) and C"):
 * then its list ends at the ")". */
static bool in_parentheses(const clause *c, size_t k)
{
    for (size_t i = c->m[k].first; i-- > c->first;)
        if (is_paren(c, i))
            return c->t->text[c->t->tokens[i].start] == '(';
    return false;
}

static bool has_closing(const clause *c, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (is_paren(c, i) && c->t->text[c->t->tokens[i].start] == ')')
            return true;
    return false;
}

/* Whether mention k is followed by a lower-case node cue ("the Union cell",
 * "an RDU office"): it modifies that noun and is no list item of its own. */
static bool modifies_noun(const clause *c, size_t k)
{
    size_t i = c->m[k].last;
    if (i >= c->last || c->t->tokens[i].kind != EX_WORD || c->t->tokens[i].is_cap)
        return false;
    size_t from, n = kg_ex_cues_starting(c->lexicon, c->t->tokens[i].lower, &from);
    for (size_t j = from; j < from + n; j++) {
        const ex_cue *cue = &c->lexicon->cues[c->lexicon->by_word[j]];
        if (cue->kind == EX_CUE_NODE && cue->count == 1)
            return true;
    }
    return false;
}

/* First and last mention of the list that mention k belongs to. Names
 * joined by commas only are no list ("Oslo, Norway"), and a fronted
 * phrase is not part of the list after it ("In Oslo, the Nordic Council
 * and the Arctic Council met"). */
static void list_around(const clause *c, size_t k, size_t *lo, size_t *hi)
{
    *lo = *hi = k;
    while (*lo > 0 && is_list_glue(c, c->m[*lo - 1].last, c->m[*lo].first))
        (*lo)--;
    bool aside = in_parentheses(c, k);
    while (*hi + 1 < c->count && is_list_glue(c, c->m[*hi].last, c->m[*hi + 1].first) &&
           !modifies_noun(c, *hi + 1) &&
           !(aside && has_closing(c, c->m[*hi].last, c->m[*hi + 1].first)))
        (*hi)++;
    /* no conjunction: an apposition; two names parted by ", and": two
     * clauses ("X is part of A, and B meets ..."), not "A, B, and C" */
    if (*lo < *hi && (!has_conjunction(c, c->m[*lo].last, c->m[*hi].first) ||
                      (*hi == *lo + 1 && has_comma_and(c, c->m[*lo].last, c->m[*hi].first)))) {
        *lo = *hi = k;
        return;
    }
    if (*lo < k && after_preposition(c, c->m[*lo].first) && is_fronted(c, c->m[*lo].first) &&
        !has_conjunction(c, c->m[*lo].last, c->m[*lo + 1].first))
        (*lo)++;
}

/* The first of "it", "its", "they", "their" in [from, p) within the
 * left window, or p when there is none. */
static size_t pronoun_before(const clause *c, size_t from, size_t p)
{
    static const char *const pronouns[] = {"it", "its", "they", "their", NULL};
    if (p > from + EX_LEFT_GAP)
        from = p - EX_LEFT_GAP;
    for (size_t i = from; i < p; i++)
        for (const char *const *w = pronouns; *w; w++)
            if (strcmp(c->t->tokens[i].lower, *w) == 0)
                return i;
    return p;
}

/* The first word token of the clause that is not an article or a date:
 * the clause's first name is its subject only if it opens the clause. */
static size_t first_name(const clause *c)
{
    size_t i = c->first;
    while (i < c->last && (c->t->tokens[i].kind != EX_WORD || is_article(&c->t->tokens[i])))
        i++;
    return i;
}

/* Whether token i is part of a date ("11 July 2018"). */
static bool in_date(const clause *c, size_t i)
{
    size_t lo = 0, hi = c->t->date_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->t->dates[mid].last <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->t->date_count && c->t->dates[lo].first <= i;
}

/* Whether only punctuation, dates and up to two other words precede token
 * p in the clause ("11 July 2018: At the ...", "In 2003, at the ..."). */
static bool is_fronted(const clause *c, size_t p)
{
    size_t words = 0;
    for (size_t i = c->first; i < p; i++) {
        const ex_token *tok = &c->t->tokens[i];
        if (tok->kind != EX_WORD || in_date(c, i) || is_article(tok))
            continue;
        /* "It released its report, making ...": a pronoun is the subject */
        if (words == 0 && (strcmp(tok->lower, "it") == 0 || strcmp(tok->lower, "they") == 0))
            return false;
        if (++words > 2)
            return false;
    }
    return true;
}

/* Whether tokens [a, b) are all lower-case words ("new", "border agency"). */
static bool plain_between(const clause *c, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (c->t->tokens[i].kind != EX_WORD || c->t->tokens[i].is_cap)
            return false;
    return true;
}

/* Whether [a, b) holds a preposition ("mission in", "office for"). */
static bool has_preposition(const clause *c, size_t a, size_t b)
{
    static const char *const words[] = {"in", "at", "of", "for", "on", "to", "from", "with",
                                        "near", "off", NULL};
    for (size_t i = a; i < b; i++)
        for (const char *const *w = words; *w; w++)
            if (strcmp(c->t->tokens[i].lower, *w) == 0)
                return true;
    return false;
}

/* The mention before ", which" or ", who" when only up to three words
 * stand between "which" and the cue at p ("X, which operated in Y", "X,
 * which is based in Y"); c->count when there is none. r is the first
 * mention after the cue. */
static size_t relative_antecedent(const clause *c, size_t r, size_t p)
{
    const ex_token *tk = c->t->tokens;
    size_t lo = p > c->first + 5 ? p - 5 : c->first;
    for (size_t w = p; w-- > lo;) {
        if (tk[w].kind != EX_WORD || tk[w].is_cap)
            return c->count;
        if (strcmp(tk[w].lower, "which") && strcmp(tk[w].lower, "who"))
            continue;
        size_t i = w; /* ", which"; "(EUPOL), which" */
        if (i == c->first || tk[i - 1].kind != EX_PUNCT || c->t->text[tk[i - 1].start] != ',')
            return c->count;
        i--;
        if (i > c->first && is_paren(c, i - 1))
            i--;
        for (size_t k = r; k-- > 0;)
            if (c->m[k].last == i)
                return k;
        return c->count;
    }
    return c->count;
}

/* Whether a preposition of place or direction (article skipped) stands
 * just before token i. */
static bool after_preposition(const clause *c, size_t i)
{
    static const char *const words[] = {"to", "in", "at", "into", "from", "off", "near", NULL};
    if (i > c->first && is_article(&c->t->tokens[i - 1]))
        i--;
    if (i == c->first)
        return false;
    for (const char *const *w = words; *w; w++)
        if (strcmp(c->t->tokens[i - 1].lower, *w) == 0)
            return true;
    return false;
}

static bool has_word(const clause *c, size_t a, size_t b, const char *word)
{
    for (size_t i = a; i < b; i++)
        if (strcmp(c->t->tokens[i].lower, word) == 0)
            return true;
    return false;
}

/* The mention just before a ", <word>ing" that opens a participial phrase
 * between mention `left` and token p (the phrase holding the cue), or
 * c->count. */
static size_t participle_subject(const clause *c, size_t left, size_t p)
{
    const ex_token *tk = c->t->tokens;
    for (size_t k = left + 1; k-- > 0;) {
        size_t i = c->m[k].last;
        if (i + 1 >= p || !is_punct(c, i, ','))
            continue;
        const ex_token *w = &tk[i + 1];
        size_t len = w->end - w->start;
        if (w->kind == EX_WORD && !w->is_cap && len > 4 &&
            strncmp(c->t->text + w->end - 3, "ing", 3) == 0)
            return k;
    }
    return c->count;
}

static bool is_auxiliary(const ex_token *tok)
{
    static const char *const words[] = {"was", "were", "is", "are", "been", "be", "being", NULL};
    for (const char *const *w = words; *w; w++)
        if (strcmp(tok->lower, *w) == 0)
            return true;
    return false;
}

/* In "was established in 2003 by Y" (an auxiliary before the cue at p, "by"
 * within six words after its end q), the mention of Y; else c->count. r is
 * the first mention at or after q. */
static size_t passive_agent(const clause *c, size_t p, size_t q, size_t r)
{
    const ex_token *tk = c->t->tokens;
    if (p == c->first || !is_auxiliary(&tk[p - 1]))
        return c->count;
    for (size_t i = q; i < c->last && i < q + 6; i++) {
        if (strcmp(tk[i].lower, "by"))
            continue;
        size_t y = i + 1 < c->last && is_article(&tk[i + 1]) ? i + 2 : i + 1;
        for (size_t k = r; k < c->count && c->m[k].first <= y; k++)
            if (c->m[k].first == y)
                return k;
        return c->count;
    }
    return c->count;
}

/* When mention k follows "by" ([article]) after a passive ("X was signed
 * by k"), the mention X before the auxiliary; else c->count. */
static size_t passive_subject(const clause *c, size_t k)
{
    const ex_token *tk = c->t->tokens;
    size_t i = c->m[k].first;
    if (i > c->first && is_article(&tk[i - 1]))
        i--;
    if (i == c->first || strcmp(tk[i - 1].lower, "by"))
        return c->count;
    for (size_t x = k; x-- > 0;) {
        size_t a = c->m[x].last;
        if (a < c->last && a + 3 >= i - 1 && is_auxiliary(&tk[a]))
            return x;
    }
    return c->count;
}

/* A word cue of edge type `type` with the source before it ("established
 * by"), or EX_NO_ENTITY. */
static size_t forward_cue(const kg_extractor *ex, size_t type)
{
    for (size_t i = 0; i < ex->lexicon.count; i++) {
        const ex_cue *cue = &ex->lexicon.cues[i];
        if (cue->kind == EX_CUE_EDGE && cue->type == type && !cue->is_reverse && !cue->structure)
            return i;
    }
    return EX_NO_ENTITY;
}

/* Whether [a, b) holds ", and" (a comma, then "and"). */
static bool has_comma_and(const clause *c, size_t a, size_t b)
{
    for (size_t i = a; i + 1 < b; i++)
        if (is_punct(c, i, ',') && strcmp(c->t->tokens[i + 1].lower, "and") == 0)
            return true;
    return false;
}

/* "A, B and C were its founding members": no name after the cue, a
 * pronoun before it, and a list before that; the pronoun stands for the
 * first name of the sentence before. r is the first mention after q. */
static kg_status pronoun_after_list(kg_extractor *ex, const clause *c, size_t p, size_t q,
                                    size_t r, const size_t *cues, size_t n, size_t left_max)
{
    if (r == 0 || c->subject == EX_NO_ENTITY || left_max == 0)
        return KG_OK;
    size_t left = r - 1;
    while (left > 0 && c->m[left].last > p)
        left--;
    if (c->m[left].last > p || gap(c, c->m[left].last, p) > left_max)
        return KG_OK;
    size_t pronoun = pronoun_before(c, c->m[left].last, p);
    if (pronoun == p)
        return KG_OK;
    size_t lo, hi;
    list_around(c, left, &lo, &hi);
    const ex_token *tk = c->t->tokens;
    kg_status st = KG_OK;
    for (size_t a = lo; a <= left && st == KG_OK; a++)
        st = relate_entities(ex, c, c->subject, c->m[a].entity, cues, n, c->quote[a],
                             tk[q - 1].end, p, a == left ? 0.45 : 0.35);
    return st;
}

/* Whether mention k is followed by a lower-case word, which it modifies
 * ("the Union partners"). */
static bool modifies(const clause *c, size_t k)
{
    size_t i = c->m[k].last;
    return i < c->last && c->t->tokens[i].kind == EX_WORD && !c->t->tokens[i].is_cap &&
           !c->t->tokens[i].is_digit && strcmp(c->t->tokens[i].lower, "and") &&
           strcmp(c->t->tokens[i].lower, "or");
}

/* A symmetric cue with both ends after it, the list m[r .. hi]: "talks
 * between A and B" relates A and B; "talks between A and B, and their
 * partners (C, D and E)" each of A, B with each of C, D, E (", and" parts
 * the two sides); "talks between A, B and C" every two of them. */
static kg_status between_pairs(kg_extractor *ex, const clause *c, size_t r, size_t hi,
                               const size_t *cues, size_t n, size_t p, size_t q, double conf)
{
    const ex_token *tk = c->t->tokens;
    kg_status st = KG_OK;
    size_t split = c->m[hi].last;
    if (split + 1 < c->last && is_paren(c, split)) /* "C (CARD), and ..." */
        split++;
    if (!(is_punct(c, split, ',') && split + 1 < c->last &&
          strcmp(tk[split + 1].lower, "and") == 0)) {
        for (size_t a = r; a < hi && st == KG_OK; a++)
            for (size_t b = a + 1; b <= hi && st == KG_OK; b++)
                st = relate(ex, c, a, b, cues, n, p, q, conf - (a == r && b == r + 1 ? 0 : 0.1));
        return st;
    }
    size_t x = hi + 1; /* the other side: a list within four words after ", and" */
    if (x >= c->count || gap(c, split + 2, c->m[x].first) > 4) {
        for (size_t a = r; a < hi && st == KG_OK; a++)
            for (size_t b = a + 1; b <= hi && st == KG_OK; b++)
                st = relate(ex, c, a, b, cues, n, p, q, conf - 0.1);
        return st;
    }
    /* "and their Union partners (C, D and E)": a name before a lower-case
     * noun only modifies it; the list in parentheses after the noun is the
     * other side, and without one there is no name on that side */
    if (modifies(c, x)) {
        size_t y = c->m[x].last;
        while (y < c->last && y < c->m[x].last + 3 && !is_paren(c, y))
            y++;
        if (x + 1 >= c->count || !is_punct(c, y, '(') || gap(c, y, c->m[x + 1].first) > 0)
            return st;
        x++;
    }
    size_t lo2, hi2;
    list_around(c, x, &lo2, &hi2);
    for (size_t a = r; a <= hi && st == KG_OK; a++)
        for (size_t b = x; b <= hi2 && st == KG_OK; b++)
            st = relate(ex, c, a, b, cues, n, p, q, conf - 0.1);
    return st;
}

/* Whether an <adjacent> cue relates mention k to the one right after it
 * ("Director Karl Weiss"), as the schema allows. */
static bool titles(const kg_extractor *ex, const clause *c, size_t k)
{
    size_t a = ex->entities[c->m[k].entity].type, b = ex->entities[c->m[k + 1].entity].type;
    for (size_t i = 0; i < ex->lexicon.count; i++) {
        const ex_cue *cue = &ex->lexicon.cues[i];
        if (cue->kind != EX_CUE_EDGE || cue->structure != EX_ADJACENT ||
            !type_in(cue->left_types, a) || !type_in(cue->right_types, b))
            continue;
        if (kg_schema_allows(ex->schema, cue->type, cue->is_reverse ? b : a,
                             cue->is_reverse ? a : b))
            return true;
    }
    return false;
}

static bool heads_list(const clause *c, size_t k);

/* The known name that ends mention k after "in" or "at" ("Cologne" in
 * "the Council meeting in Cologne"), or EX_NO_ENTITY. */
static size_t place_at_end(const kg_extractor *ex, const clause *c, size_t k)
{
    const ex_token *tk = c->t->tokens;
    const ex_mention *m = &c->m[k];
    for (size_t j = m->first + 1; j + 1 < m->last; j++) {
        if (tk[j].kind != EX_WORD || tk[j].is_cap ||
            (strcmp(tk[j].lower, "in") && strcmp(tk[j].lower, "at")))
            continue;
        size_t y = strcmp(tk[j + 1].lower, "the") == 0 ? j + 2 : j + 1, inner;
        if (y < m->last && kg_ex_known_length(ex, c->t, y, m->last, &inner) == m->last - y)
            return inner;
    }
    return EX_NO_ENTITY;
}

static bool comma_types(const kg_extractor *ex, size_t ea, size_t eb);

/* Whether a <comma> cue relates mention k and the one after it ("Oslo,
 * Norway"), as the schema allows; or the place that ends mention k and
 * the one after it ("a meeting in Cologne, Germany"). */
static bool comma_pair(const kg_extractor *ex, const clause *c, size_t k)
{
    if (comma_types(ex, c->m[k].entity, c->m[k + 1].entity))
        return true;
    size_t inner = place_at_end(ex, c, k);
    return inner != EX_NO_ENTITY && comma_types(ex, inner, c->m[k + 1].entity);
}

static bool comma_types(const kg_extractor *ex, size_t ea, size_t eb)
{
    size_t a = ex->entities[ea].type, b = ex->entities[eb].type;
    for (size_t i = 0; i < ex->lexicon.count; i++) {
        const ex_cue *cue = &ex->lexicon.cues[i];
        if (cue->kind == EX_CUE_EDGE && cue->structure == EX_COMMA &&
            type_in(cue->left_types, a) && type_in(cue->right_types, b) &&
            kg_schema_allows(ex->schema, cue->type, cue->is_reverse ? b : a, cue->is_reverse ? a : b))
            return true;
    }
    return false;
}

#define EX_FAR_OBJECT_GAP 8

/* "participating in the relevant planning and conduct phases of the Lake
 * Exercise": a name after "of" ([article]) at the end of lower-case words
 * (no punctuation, auxiliary or other preposition: not "under way to
 * ensure consistency between the output of X") within
 * EX_FAR_OBJECT_GAP words of the cue's end q is its object, as "the phases
 * of X" right after the cue would be. Not for the short cues. */
static bool far_object(const clause *c, size_t q, size_t r, bool is_short)
{
    const ex_token *tk = c->t->tokens;
    if (is_short || r >= c->count || gap(c, q, c->m[r].first) > EX_FAR_OBJECT_GAP)
        return false;
    size_t of = c->m[r].first;
    if (of > q && is_article(&tk[of - 1]))
        of--;
    if (of <= q + 1 || strcmp(tk[of - 1].lower, "of"))
        return false;
    for (size_t i = q; i + 1 < of; i++)
        if (tk[i].kind != EX_WORD || tk[i].is_cap || tk[i].is_digit || is_auxiliary(&tk[i]) ||
            strcmp(tk[i].lower, "between") == 0)
            return false;
    return !has_preposition(c, q, of - 1);
}

static kg_status cue_at(kg_extractor *ex, const clause *c, size_t p, size_t q,
                        const size_t *cues, size_t n, size_t *next_mention)
{
    const ex_cue *cue = &ex->lexicon.cues[cues[0]];
    bool is_short = cue->count == 1 && strlen(cue->words[0]) <= 3;
    size_t left_max = is_short ? 0 : EX_LEFT_GAP, right_max = is_short ? 0 : EX_RIGHT_GAP;
    size_t r = *next_mention; /* first mention at or after q */
    while (r < c->count && c->m[r].first < q)
        r++;
    *next_mention = r;
    if (r >= c->count || (gap(c, q, c->m[r].first) > right_max && !far_object(c, q, r, is_short)))
        return pronoun_after_list(ex, c, p, q, r, cues, n, left_max);
    const ex_token *tk = c->t->tokens;
    /* "X was established in 2003 by Y": a passive verb cue with "by"
     * before the name after it states the relation with the source first,
     * as "established by" does */
    size_t forward[EX_CUES_AT_MAX], nf = 0, agent = passive_agent(c, p, q, r), after = r;
    if (cue->is_reverse && agent < c->count) {
        for (size_t k = 0; k < n; k++) {
            size_t f = forward_cue(ex, ex->lexicon.cues[cues[k]].type);
            if (f != EX_NO_ENTITY && nf < EX_CUES_AT_MAX)
                forward[nf++] = f;
        }
        if (nf) {
            cues = forward;
            n = nf;
            cue = &ex->lexicon.cues[cues[0]];
            r = agent;
        }
    }
    /* "work together including on X": a verb cue followed by a
     * preposition has no object; X is what the phrase is about */
    if (!is_short && !nf && q < c->m[r].first && has_preposition(c, q, q + 1) &&
        !has_preposition(c, p + cue->count - 1, p + cue->count))
        return KG_OK;
    bool has_left = after > 0 && c->m[after - 1].last <= p &&
                    gap(c, c->m[after - 1].last, p) <= left_max;
    /* "a Lake cell was set up at RIVCOM": after a passive (an auxiliary and
     * one or two lower-case words) "in"/"at" places the passive's subject */
    if (is_short && !has_left && after > 0 && c->m[after - 1].last + 2 <= p &&
        c->m[after - 1].last + 3 >= p) {
        size_t i = c->m[after - 1].last;
        bool passive = is_auxiliary(&tk[i]);
        for (size_t x = i + 1; passive && x < p; x++)
            passive = tk[x].kind == EX_WORD && !tk[x].is_cap && !tk[x].is_digit &&
                      !is_auxiliary(&tk[x]) && !is_article(&tk[x]);
        has_left = passive;
    }
    size_t left = after - 1, r0 = after;
    /* "A and B condemn X, and support Y": after ", and" the nearest name
     * on the left belongs to the conjunct before; the subject is the
     * clause's opening name (and the list it heads) */
    if (has_left && !is_short && has_comma_and(c, c->m[left].last, p)) {
        kg_status st = KG_OK;
        size_t lo, hi, slo, shi;
        list_around(c, r, &lo, &hi);
        list_around(c, 0, &slo, &shi);
        if (left > shi && c->m[0].first == first_name(c))
            for (size_t a = 0; a <= shi && st == KG_OK; a++)
                for (size_t b = r; b <= hi && st == KG_OK; b++)
                    st = relate(ex, c, a, b, cues, n, p, q, 0.35);
        return st;
    }
    /* "ships to the Northern Sea to support Norland": the object of a
     * preposition is not the subject of the verb after it */
    if (has_left && !is_short && after_preposition(c, c->m[left].first)) {
        /* "X is based in Y and is headed by Z": the clause's opening name */
        kg_status st = KG_OK;
        size_t lo, hi;
        list_around(c, r, &lo, &hi);
        /* "launched Operation Blue, sending ships to the Black Sea to
         * support Romania": a participle after a comma has the name before
         * that comma as its subject */
        size_t owner = participle_subject(c, left, p);
        if (owner < c->count) {
            for (size_t b = r; b <= hi && st == KG_OK; b++)
                st = relate(ex, c, owner, b, cues, n, p, q, 0.35);
            return st;
        }
        if (left > 0 && c->m[0].first == first_name(c) && has_word(c, c->m[left].last, p, "and"))
            for (size_t b = r; b <= hi && st == KG_OK; b++)
                st = relate(ex, c, 0, b, cues, n, p, q, 0.35);
        return st;
    }
    /* "support the EU’s Operation Sophia": the owner only modifies; the end
     * is the name it owns */
    if (r + 1 < c->count && c->m[r].last < c->last && tk[c->m[r].last].kind == EX_POSS &&
        c->m[r + 1].first <= c->m[r].last + 3 &&
        plain_between(c, c->m[r].last + 1, c->m[r + 1].first)) {
        /* "support the Union’s mission in Tarnia": what is owned is the
         * mission, a noun; Tarnia only modifies it */
        if (has_preposition(c, c->m[r].last + 1, c->m[r + 1].first))
            return KG_OK;
        r++;
    }
    /* "the UN-led mission, Operation X": a name glued to a lower-case
     * word ("-led", "-run") modifies what follows */
    else if (r + 1 < c->count && c->m[r].last < c->last && tk[c->m[r].last].is_joined &&
             !tk[c->m[r].last].is_cap && tk[c->m[r].last].kind == EX_WORD &&
             c->m[r + 1].first <= c->m[r].last + 4 &&
             gap(c, c->m[r].last, c->m[r + 1].first) <= 3 && r > 0 && c->m[r - 1].last <= p)
        r++;
    /* "met the Director Karl Weiss": a title with the name of its holder
     * after it (an <adjacent> pattern); the end is the person */
    if (r + 1 < c->count && c->m[r + 1].first == c->m[r].last && titles(ex, c, r))
        r++;
    size_t rlo, rhi;
    list_around(c, r, &rlo, &rhi);
    rlo = r;
    /* "took over from the Drava-led mission, Operation Grey": a name after
     * only a comma is the same thing named again (unless the comma pattern
     * relates the two, "Oslo, Norway", it heads a list, the comma ends a
     * fronted phrase, or the cue is symmetric and would pair the two) */
    if (!is_short && rhi == r && r + 1 < c->count &&
        only_comma(c, c->m[r].last, c->m[r + 1].first) && !heads_list(c, r + 1) &&
        !comma_pair(ex, c, r) && (has_left || !is_fronted(c, p)) &&
        !kg_schema_edge_type(ex->schema, cue->type)->is_symmetric)
        rhi = r + 1;
    double conf = is_short ? 0.45 : 0.65;
    kg_status st = KG_OK;
    /* "cooperation between the two organisations": a plural description
     * after a symmetric cue names both its ends */
    if (rlo == rhi && c->alt[r] != EX_NO_ENTITY &&
        (!has_left || strcmp(cue->words[cue->count - 1], "between") == 0))
        for (size_t k = 0; k < n; k++)
            if (kg_schema_edge_type(ex->schema, ex->lexicon.cues[cues[k]].type)->is_symmetric)
                return relate_entities(ex, c, c->m[r].entity, c->alt[r], cues + k, 1,
                                       tk[p].start, tk[c->m[r].last - 1].end, p, conf - 0.1);
    /* "talks between A and B": both ends after the cue; "the Pact was
     * signed between A and B" relates the Pact to each, and so does "an
     * exchange of letters between A and B" when a cue of a type that is
     * not symmetric ("between" on signed_by) takes the name before it */
    size_t own[EX_CUES_AT_MAX];
    if (strcmp(cue->words[cue->count - 1], "between") == 0 && rhi > rlo) {
        size_t no = 0, sym[EX_CUES_AT_MAX], ns = 0;
        for (size_t k = 0; k < n; k++) {
            const ex_cue *ck = &ex->lexicon.cues[cues[k]];
            size_t lt = has_left ? ex->entities[c->m[left].entity].type : 0;
            if (kg_schema_edge_type(ex->schema, ck->type)->is_symmetric)
                sym[ns++] = cues[k];
            else if (has_left && kg_schema_allows(ex->schema, ck->type,
                                                  ck->is_reverse ? ex->entities[c->m[r].entity].type : lt,
                                                  ck->is_reverse ? lt : ex->entities[c->m[r].entity].type))
                own[no++] = cues[k];
        }
        if (no) {
            cues = own;
            n = no;
            cue = &ex->lexicon.cues[cues[0]];
        } else if (ns)
            return between_pairs(ex, c, rlo, rhi, sym, ns, p, q, conf - 0.1);
    }
    if (has_left) {
        size_t llo, lhi;
        list_around(c, left, &llo, &lhi);
        /* "X was signed by A and B in Oslo": after a passive's agents,
         * "in"/"at" places X, not the agents */
        size_t patient = is_short ? passive_subject(c, llo) : c->count;
        if (patient < c->count) {
            for (size_t b = rlo; b <= rhi && st == KG_OK; b++)
                st = relate(ex, c, patient, b, cues, n, p, q, conf - 0.1);
            return st;
        }
        if (is_short)
            llo = left; /* "A and B in C": only B is in C */
        size_t before = ex->relation_count;
        for (size_t a = llo; a <= left && st == KG_OK; a++)
            for (size_t b = rlo; b <= rhi && st == KG_OK; b++)
                st = relate(ex, c, a, b, cues, n, p, q,
                            conf - (a != left || b != r ? 0.1 : 0.0));
        /* "X is based in Y and is headed by Z": when the schema rejects the
         * nearest name, the cue belongs to the name that opens the clause */
        if (st == KG_OK && ex->relation_count == before && !is_short && llo > 0 &&
            c->m[0].first == first_name(c) && has_word(c, c->m[left].last, p, "and"))
            for (size_t b = rlo; b <= rhi && st == KG_OK; b++)
                st = relate(ex, c, 0, b, cues, n, p, q, conf - 0.3);
        return st;
    }
    for (size_t k = 0; k < n; k++) {
        const ex_cue *sym = &ex->lexicon.cues[cues[k]];
        if (kg_schema_edge_type(ex->schema, sym->type)->is_symmetric && rhi > rlo)
            return between_pairs(ex, c, rlo, rhi, cues + k, 1, p, q, conf - 0.1);
    } /* "cooperation between A and B" */
    if (is_fronted(c, p) && rhi > rlo && only_comma(c, c->m[rhi - 1].last, c->m[rhi].first))
        rhi--; /* "At the request of A and B, C": C ends the list, as the subject */
    if (is_fronted(c, p) && rhi + 1 < c->count) {
        /* "At the request of A and B, C ...": C is the left end. "In Oslo,
         * the Council agreed": a fronted one-word cue places the clause's
         * event, not its subject, so it relates the subject only by edge
         * types that constrain the subject's type ("At the Summit, C"
         * takes part) */
        size_t x = rhi + 1, kept[EX_CUES_AT_MAX], nk = 0;
        for (size_t k = 0; k < n; k++) {
            const kg_edge_type *et =
                kg_schema_edge_type(ex->schema, ex->lexicon.cues[cues[k]].type);
            if (!is_short || !(ex->lexicon.cues[cues[k]].is_reverse ? et->allows_any_target
                                                                     : et->allows_any_source))
                kept[nk++] = cues[k];
        }
        /* the subject follows the comma that ends the fronted phrase: in
         * "In a meeting with the Director Anna Berg, the Council ...", Anna
         * Berg is still part of the phrase */
        size_t comma = c->m[rhi].last;
        while (comma < c->last && !is_punct(c, comma, ','))
            comma++;
        while (x < c->count && c->m[x].first < comma)
            x++;
        if (x < c->count && comma < c->last && gap(c, comma + 1, c->m[x].first) <= 2 &&
            comma - c->m[rhi].last <= 4)
            for (size_t b = rlo; b <= rhi && st == KG_OK; b++)
                st = relate(ex, c, x, b, kept, nk, p, q, conf - 0.15);
        return st;
    }
    /* "Its members are A, B and C": the pronoun stands for the first name
     * of the sentence before */
    /* "EUPOL, which operated in Afghanistan": the name before ", which" */
    size_t ante = relative_antecedent(c, r, p);
    if (ante < c->count) {
        for (size_t b = rlo; b <= rhi && st == KG_OK; b++)
            st = relate(ex, c, ante, b, cues, n, p, q, conf - 0.1);
        return st;
    }
    size_t pronoun = pronoun_before(c, r0 > 0 && c->m[r0 - 1].last <= p ? c->m[r0 - 1].last : c->first, p);
    /* "their summit in Oslo": a possessive pronoun owns the noun that a
     * one-word cue ("in") relates, not the name after it */
    if (pronoun < p && is_short &&
        (strcmp(tk[pronoun].lower, "its") == 0 || strcmp(tk[pronoun].lower, "their") == 0))
        pronoun = p;
    if (pronoun < p && c->subject != EX_NO_ENTITY) {
        for (size_t b = rlo; b <= rhi && st == KG_OK; b++)
            st = relate_entities(ex, c, c->subject, c->m[b].entity, cues, n, tk[pronoun].start,
                                 tk[c->m[b].last - 1].end, p, conf - 0.2);
        return st;
    }
    /* "The EU has ... for years and agreed to take over X": a verb far from
     * any name on its left belongs to the clause's first name */
    if (!is_short && r0 > 0 && c->m[0].last <= p && c->m[0].first == first_name(c))
        for (size_t b = rlo; b <= rhi && st == KG_OK; b++)
            st = relate(ex, c, 0, b, cues, n, p, q, conf - 0.3);
    return st;
}

/* The cues of one name pattern, in lexicon order. */
static size_t structural_cues(const kg_extractor *ex, ex_structure kind, size_t *out)
{
    size_t n = 0;
    for (size_t k = 0; k < ex->lexicon.count && n < EX_CUES_AT_MAX; k++)
        if (ex->lexicon.cues[k].kind == EX_CUE_EDGE && ex->lexicon.cues[k].structure == kind)
            out[n++] = k;
    return n;
}

static bool is_token(const clause *c, size_t i, const char *text)
{
    return i < c->last && strcmp(c->t->tokens[i].lower, text) == 0;
}

/* In a description in parentheses after mention k ("the Rhine Office (the
 * Commission’s secretariat in Basel)"), from token i to the ")" (or to the
 * `end` character, for one between commas), a name after "in" or "at"
 * places the described name, by that word's cues. */
static kg_status aside_places(kg_extractor *ex, const clause *c, size_t k, size_t i, char end)
{
    const ex_token *tk = c->t->tokens;
    size_t b = k + 1;
    for (; i < c->last && !is_punct(c, i, end) && !is_paren(c, i); i++) {
        if (strcmp(tk[i].lower, "in") && strcmp(tk[i].lower, "at"))
            continue;
        while (b < c->count && c->m[b].first <= i)
            b++;
        size_t y = i + 1 < c->last && is_article(&tk[i + 1]) ? i + 2 : i + 1;
        if (b >= c->count || c->m[b].first != y)
            continue;
        size_t from, n = kg_ex_cues_starting(&ex->lexicon, tk[i].lower, &from);
        size_t cues[EX_CUES_AT_MAX], count = 0;
        for (size_t j = from; j < from + n && count < EX_CUES_AT_MAX; j++) {
            const ex_cue *cue = &ex->lexicon.cues[ex->lexicon.by_word[j]];
            if (cue->kind == EX_CUE_EDGE && cue->count == 1 && !cue->structure)
                cues[count++] = ex->lexicon.by_word[j];
        }
        return relate_entities(ex, c, c->m[k].entity, c->m[b].entity, cues, count,
                               c->quote[k], tk[c->m[b].last - 1].end, i, 0.35);
    }
    return KG_OK;
}

/* The entity named by token i alone ("RDU" in "RDU-DANU"), or EX_NO_ENTITY. */
static size_t one_word_name(const kg_extractor *ex, const clause *c, size_t i)
{
    const ex_token *tok = &c->t->tokens[i];
    if (tok->kind != EX_WORD || !tok->is_cap)
        return EX_NO_ENTITY;
    size_t found = kg_ex_names_find(&ex->names, c->t->text + tok->start, tok->end - tok->start);
    return found == EX_NO_ENTITY ? found : kg_ex_resolve(ex, found);
}

/* Names inside names: "Interpol Cyber Fusion Centre" holds "Interpol" (a
 * prefix), "President of the Nordic Council" holds "Nordic Council"
 * (after "of"), and "Interpol’s General Secretariat" is read as a prefix. */
static kg_status inner_names(kg_extractor *ex, const clause *c)
{
    size_t prefix[EX_CUES_AT_MAX], inner_cues[EX_CUES_AT_MAX];
    size_t np = structural_cues(ex, EX_PREFIX, prefix);
    size_t poss_cues[EX_CUES_AT_MAX], npo = structural_cues(ex, EX_POSSESSIVE, poss_cues);
    size_t ni = structural_cues(ex, EX_INNER, inner_cues);
    size_t suffix[EX_CUES_AT_MAX], ns = structural_cues(ex, EX_SUFFIX, suffix);
    size_t pair[EX_CUES_AT_MAX], npair = structural_cues(ex, EX_PAIR, pair);
    const ex_token *tk = c->t->tokens;
    kg_status st = KG_OK;
    for (size_t k = 0; k < c->count && st == KG_OK; k++) {
        const ex_mention *m = &c->m[k];
        uint32_t q0 = tk[m->first].start, q1 = tk[m->last - 1].end;
        size_t inner;
        /* two known one-word names joined by a hyphen inside the name:
         * "the RDU-DANU talks" relates both */
        for (size_t f = m->first; npair && st == KG_OK && f + 1 < m->last; f++) {
            /* not after "of"/"on": "Pact on RDU-DANU Cooperation" is about them */
            if (f > m->first && has_preposition(c, f, f + 1))
                break;
            size_t a = one_word_name(ex, c, f), b = one_word_name(ex, c, f + 1);
            if (!tk[f + 1].is_joined || a == EX_NO_ENTITY || b == EX_NO_ENTITY || a == b)
                continue;
            /* the pair belongs to the shortest known name it opens inside
             * this one: "First meeting of the RDU-DANU Group" relates the
             * Group to RDU and DANU, not the meeting */
            size_t holder = m->entity;
            for (size_t to = f + 3; to < m->last || (to == m->last && f > m->first); to++)
                if (kg_ex_known_length(ex, c->t, f, to, &inner) == to - f) {
                    holder = inner;
                    break;
                }
            /* "Declaration on RDU-DANU Cooperation": after a preposition the
             * pair is in a complement, what the name is about */
            if (holder == m->entity && has_preposition(c, m->first, f))
                break;
            st = relate_entities(ex, c, holder, a, pair, npair, q0, q1, m->first, 0.4);
            if (st == KG_OK)
                st = relate_entities(ex, c, holder, b, pair, npair, q0, q1, m->first, 0.4);
            break;
        }
        /* a known name that ends the name after a capitalised word: "Rhine
         * Mission Austria" (not "Council of Austria": that is <of>) */
        for (size_t f = m->last - 1; ns && st == KG_OK && f > m->first + 1; f--) {
            if (!tk[f - 1].is_cap || tk[f - 1].kind != EX_WORD || tk[f].is_joined)
                continue;
            if (kg_ex_known_length(ex, c->t, f, m->last, &inner) == m->last - f) {
                st = relate_entities(ex, c, m->entity, inner, suffix, ns, q0, q1, m->first, 0.45);
                break;
            }
        }
        /* a known name among the first two words: "Joint Interpol Liaison
         * Office". One before "’s" owns the rest ("Tarnia’s invasion of
         * X"): the cues that restrict their right end's type ("<prefix>
         * @event>place": "Vienna Summit" is in Vienna) do not apply */
        for (size_t f = m->first; (np || npo) && st == KG_OK && f < m->first + 2 &&
                                  f + 1 < m->last; f++) {
            size_t len = tk[f].is_joined ? 0 : kg_ex_known_length(ex, c->t, f, m->last - 1, &inner);
            if (len == 0)
                continue; /* not "DANU" alone in "RDU-DANU Group": a <pair> */
            size_t owner[EX_CUES_AT_MAX], no = 0;
            bool owns = tk[f + len].kind == EX_POSS;
            for (size_t x = 0; x < np; x++)
                if (!owns || !ex->lexicon.cues[prefix[x]].right_types)
                    owner[no++] = prefix[x];
            /* an owner also by the <possessive> cues ("Tarnia’s invasion of
             * X" is led by Tarnia) */
            for (size_t x = 0; owns && x < npo && no < EX_CUES_AT_MAX; x++)
                owner[no++] = poss_cues[x];
            st = relate_entities(ex, c, m->entity, inner, owner, no, q0, q1, m->first, 0.5);
            /* "the Union’s border agency Frontex" (or ", Frontex", or "the
             * Union naval forces (Operation Linden)"): an owned description
             * in lower case, then a name of its type, is that name; the
             * owner owns it too */
            bool described = f + len + owns < m->last;
            for (size_t x = f + len + owns; x < m->last; x++)
                described &= tk[x].kind == EX_WORD && !tk[x].is_cap && !tk[x].is_digit;
            size_t next = k + 1 < c->count ? c->m[k + 1].first : c->last;
            if (described && st == KG_OK && k + 1 < c->count &&
                ex->entities[c->m[k + 1].entity].type == ex->entities[m->entity].type &&
                (next == m->last ||
                 (next == m->last + 1 && is_punct(c, m->last, ',') && owns) ||
                 (next == m->last + 1 && is_punct(c, m->last, '(') &&
                  is_punct(c, c->m[k + 1].last, ')'))) &&
                !heads_list(c, k + 1))
                st = relate_entities(ex, c, c->m[k + 1].entity, inner, owner, no, q0,
                                     tk[c->m[k + 1].last - 1].end, m->first, 0.45);
            break;
        }
        for (size_t j = m->first + 1; ni && st == KG_OK && j + 1 < m->last; j++) {
            if (tk[j].is_cap || tk[j].kind != EX_WORD)
                continue;
            size_t y = is_token(c, j + 1, "the") ? j + 2 : j + 1;
            if (y >= m->last || kg_ex_known_length(ex, c->t, y, m->last, &inner) != m->last - y)
                continue;
            /* the cues of this word; after an owner ("Tarnia’s invasion of
             * X") X is what the event is done to, so the reverse cues, which
             * make X the source ("<of> @event>body": the body takes part in
             * "the meeting of the Body"), do not apply */
            bool owned = false;
            for (size_t x = m->first; x < j; x++)
                owned |= tk[x].kind == EX_POSS;
            size_t same[EX_CUES_AT_MAX], n = 0;
            for (size_t x = 0; x < ni; x++)
                if (strcmp(ex->lexicon.cues[inner_cues[x]].words[0], tk[j].lower) == 0 &&
                    (!owned || !ex->lexicon.cues[inner_cues[x]].is_reverse))
                    same[n++] = inner_cues[x];
            st = relate_entities(ex, c, m->entity, inner, same, n, q0, q1, m->first, 0.5);
            /* "a meeting of RDU Foreign Ministers": the inner name is seen
             * only here, so its own prefix is related here ("RDU Foreign
             * Ministers" part_of RDU) */
            size_t head, hl = kg_ex_known_length(ex, c->t, y, m->last - 1, &head);
            if (st == KG_OK && np && hl && head != inner && !tk[y].is_joined &&
                !tk[y + hl].is_joined && tk[y + hl].kind == EX_WORD)
                st = relate_entities(ex, c, inner, head, prefix, np, tk[y].start, q1, y, 0.45);
            break;
        }
        /* X (the A’s lower-case words ...): "the Rhine Office (the
         * Commission’s technical secretariat in Basel)" is the Commission's,
         * and in Basel; so is "the Rhine Office (a secretariat in Basel)",
         * and, between commas, "the Rhine Office, the Commission’s
         * secretariat in Basel," (there an owner is needed, and X opens
         * the clause: in "After meeting X, the A’s staff agreed" the comma
         * ends a fronted phrase) */
        bool opens = is_punct(c, m->last, '(');
        bool comma = is_punct(c, m->last, ',') && m->last + 1 < c->last &&
                     is_article(&tk[m->last + 1]) && m->first == first_name(c);
        size_t i = m->last + 1;
        if (i < c->last && is_article(&tk[i]))
            i++;
        const ex_mention *o = k + 1 < c->count && c->m[k + 1].first == i ? &c->m[k + 1] : NULL;
        bool owned = o && o->last < c->last && tk[o->last].kind == EX_POSS;
        size_t w = o ? o->last + 1 : i, owner = o ? o->entity : EX_NO_ENTITY;
        /* the description may itself be a name that holds its owner ("the
         * Commission’s technical secretariat" found as one noun phrase) */
        for (size_t j = o && !owned ? o->first + 1 : 0; o && !owned && j + 1 < o->last; j++)
            if (tk[j].kind == EX_POSS &&
                kg_ex_known_length(ex, c->t, o->first, j, &owner) == j - o->first) {
                owned = true;
                w = o->last - 1;
                break;
            }
        if (st == KG_OK && ((opens && (!o || owned)) || (comma && owned))) {
            if (w >= c->last || tk[w].kind != EX_WORD || tk[w].is_cap || tk[w].is_digit)
                continue;
            while (w + 1 < c->last && tk[w + 1].kind == EX_WORD && !tk[w + 1].is_cap &&
                   !has_preposition(c, w + 1, w + 2) && !has_conjunction(c, w + 1, w + 2))
                w++;
            if (o && np)
                st = relate_entities(ex, c, m->entity, owner, prefix, np, q0, tk[w].end,
                                     m->first, 0.4);
            if (st == KG_OK)
                st = aside_places(ex, c, k, w + 1, opens ? ')' : ',');
            continue;
        }
        if (opens)
            continue;
        /* A’s [one or two words] B (and the list B heads: "the EU’s A, B
         * and C"); A [one or two words] (B, C and D): "the Union's naval forces
         * (Operation Linden)" */
        if (np && st == KG_OK && k + 1 < c->count && m->last < c->last) {
            size_t from = m->last, to = c->m[k + 1].first;
            while (to > from + 1 && is_article(&tk[to - 1]))
                to--; /* "(the European Commission, ...)" */
            bool poss = tk[from].kind == EX_POSS;
            bool paren = !poss && to > from + 1 && is_paren(c, to - 1) &&
                         c->t->text[tk[to - 1].start] == '(';
            from += poss;
            to -= paren;
            if (!(poss || paren) || to > from + 2 || (paren && to == from) ||
                !plain_between(c, from, to))
                continue;
            size_t lo, hi, by_owner[EX_CUES_AT_MAX], nb = 0;
            list_around(c, k + 1, &lo, &hi);
            for (size_t x = 0; x < np; x++)
                by_owner[nb++] = prefix[x];
            /* "<possessive>" cues: "the Union’s Treaty of Graz" */
            for (size_t x = 0; poss && x < npo && nb < EX_CUES_AT_MAX; x++)
                by_owner[nb++] = poss_cues[x];
            for (size_t b = k + 1; b <= hi && st == KG_OK; b++)
                st = relate_entities(ex, c, c->m[b].entity, m->entity, by_owner, nb, q0,
                                     tk[c->m[b].last - 1].end, m->first,
                                     b == k + 1 ? 0.45 : 0.35);
        }
    }
    return st;
}

/* Whether mention k is followed by "and"/"or" and another name: then a
 * comma before it lists it ("Oslo, Norway and Iceland" are three places
 * of a list, not Oslo in Norway). */
static bool heads_list(const clause *c, size_t k)
{
    return k + 1 < c->count && is_list_glue(c, c->m[k].last, c->m[k + 1].first) &&
           has_conjunction(c, c->m[k].last, c->m[k + 1].first);
}

/* Two names with nothing between ("Secretary General Ana Lindqvist"),
 * or only a comma ("Mons, Belgium"). */
static kg_status name_pairs(kg_extractor *ex, const clause *c)
{
    size_t adjacent[EX_CUES_AT_MAX], comma[EX_CUES_AT_MAX];
    size_t na = structural_cues(ex, EX_ADJACENT, adjacent);
    size_t nc = structural_cues(ex, EX_COMMA, comma);
    const ex_token *tk = c->t->tokens;
    for (size_t k = 0; k + 1 < c->count; k++) {
        size_t between = c->m[k + 1].first - c->m[k].last;
        kg_status st = KG_OK;
        if (between == 0 && na)
            st = relate(ex, c, k, k + 1, adjacent, na, c->m[k].last, c->m[k].last, 0.45);
        else if ((between == 1 || (between == 2 && is_article(&tk[c->m[k].last + 1]))) && nc &&
                 is_punct(c, c->m[k].last, ',') && !heads_list(c, k + 1))
        {
            st = relate(ex, c, k, k + 1, comma, nc, c->m[k].last, c->m[k].last, 0.45);
            /* "a meeting in Cologne, Germany": Cologne is in Germany */
            size_t inner = place_at_end(ex, c, k);
            if (st == KG_OK && inner != EX_NO_ENTITY &&
                !comma_types(ex, c->m[k].entity, c->m[k + 1].entity))
                st = relate_entities(ex, c, inner, c->m[k + 1].entity, comma, nc,
                                     tk[c->m[k].first].start, tk[c->m[k + 1].last - 1].end,
                                     c->m[k + 1].first, 0.45);
        }
        if (st != KG_OK)
            return st;
    }
    return inner_names(ex, c);
}

/* Whether entity e is named inside the tokens [first, last) ("Danube" in
 * "2019 Danube Summit"). */
static bool named_inside(const kg_extractor *ex, const clause *c, size_t first, size_t last,
                         size_t e)
{
    for (size_t i = first; i < last; i++) {
        size_t inner;
        if (kg_ex_known_length(ex, c->t, i, last, &inner) > 0 &&
            kg_ex_resolve(ex, inner) == kg_ex_resolve(ex, e))
            return true;
    }
    return false;
}

/* Relates the frame's name to the mentions m[k ...] of the clause but its
 * subjects and the names inside it. */
static kg_status frame_objects(kg_extractor *ex, const clause *c, size_t k, const size_t *cues,
                               size_t n)
{
    const frame *f = c->frame;
    const ex_token *tk = c->t->tokens;
    kg_status st = KG_OK;
    for (; k < c->count && st == KG_OK; k++) {
        size_t e = c->m[k].entity;
        bool skip = e == f->entity || named_inside(ex, c, f->first, f->last, e);
        for (size_t x = 0; x < f->subject_count && !skip; x++)
            skip = f->subjects[x] == e;
        if (!skip)
            st = relate_entities(ex, c, f->entity, e, cues, n, f->quote,
                                 tk[c->m[k].last - 1].end, c->m[k].first, 0.3);
    }
    return st;
}

/* "At the Tisza Summit, the Sava Council welcomed the Rivers Pact": a clause
 * fronted by at/in/during and a name, then a comma, is about that name; it
 * relates each later name but the subject (the name just after the comma,
 * and the list it heads) and the names inside the fronted one, by the
 * "<frame>" cues; so does the next sentence when it opens with "they" or
 * "it" ("They also welcome the Danube Plan"). */
static kg_status frame_relations(kg_extractor *ex, const clause *c)
{
    static const char *const openers[] = {"at", "in", "during", NULL};
    size_t cues[EX_CUES_AT_MAX], n = structural_cues(ex, EX_FRAME, cues);
    size_t sc[EX_CUES_AT_MAX], ns = structural_cues(ex, EX_FRAME_SUBJECT, sc);
    frame *f = c->frame;
    if ((!n && !ns) || c->count == 0)
        return KG_OK;
    const ex_token *tk = c->t->tokens;
    size_t open = first_name(c);
    if (f->active && open < c->last &&
        (strcmp(tk[open].lower, "they") == 0 || strcmp(tk[open].lower, "it") == 0))
        return frame_objects(ex, c, 0, cues, n);
    f->active = false;
    const ex_mention *m = &c->m[0];
    size_t i = m->first;
    /* "At the Summit", "At their summit in Oslo" */
    while (i > c->first && (is_article(&tk[i - 1]) || strcmp(tk[i - 1].lower, "their") == 0 ||
                            strcmp(tk[i - 1].lower, "its") == 0))
        i--;
    if (c->count < 2 || i == c->first || !is_fronted(c, i - 1) || !is_punct(c, m->last, ','))
        return KG_OK;
    bool opens = false;
    for (const char *const *w = openers; *w; w++)
        opens |= strcmp(tk[i - 1].lower, *w) == 0;
    if (!opens)
        return KG_OK;
    *f = (frame){true, m->first, m->last, tk[i - 1].start, m->entity, {0}, 0};
    size_t k = 1;
    kg_status st = KG_OK;
    if (gap(c, m->last + 1, c->m[1].first) <= 1) {
        size_t lo, hi;
        list_around(c, 1, &lo, &hi);
        for (k = 1; k <= hi && st == KG_OK; k++) {
            if (f->subject_count < EX_FRAME_SUBJECTS)
                f->subjects[f->subject_count++] = c->m[k].entity;
            /* "In the Rivers Pact, A, B and C agree": the frame's subjects */
            st = relate_entities(ex, c, m->entity, c->m[k].entity, sc, ns, f->quote,
                                 tk[c->m[k].last - 1].end, c->m[k].first, 0.35);
        }
    }
    return st == KG_OK ? frame_objects(ex, c, k, cues, n) : st;
}

/* "The Lake Dialogue covers many issues, including threats posed by
 * Tarnia and Lowland": what ", including" introduces is lower-case (the
 * issues' kinds), so the names after it are not parts of what comes before
 * it but what that is about. The "<including>" cues relate the nearest name
 * before the comma whose type is one of their left types to every name
 * after "including" in the clause, confidence 0.3. A name right after
 * "including" (an article between at most) is left to the word cues
 * ("the Union's bodies, including the Council": part_of). */
static kg_status including_topics(kg_extractor *ex, const clause *c)
{
    size_t cues[EX_CUES_AT_MAX], n = structural_cues(ex, EX_INCLUDING, cues);
    const ex_token *tk = c->t->tokens;
    kg_status st = KG_OK;
    size_t k = 0;
    for (size_t p = c->first + 1; n && p < c->last && st == KG_OK; p++) {
        if (strcmp(tk[p].lower, "including") || !is_punct(c, p - 1, ','))
            continue;
        while (k < c->count && c->m[k].first < p)
            k++;
        if (k == 0 || k >= c->count || gap(c, p + 1, c->m[k].first) == 0)
            continue;
        bool plain = true; /* lower-case words only, up to the first name */
        for (size_t i = p + 1; i < c->m[k].first; i++)
            plain &= tk[i].kind != EX_WORD || !tk[i].is_cap;
        if (!plain)
            continue;
        size_t left = k;
        while (left-- > 0) {
            bool fits = false;
            for (size_t j = 0; j < n; j++)
                fits |= ex->lexicon.cues[cues[j]].left_types != 0 &&
                        type_in(ex->lexicon.cues[cues[j]].left_types,
                                ex->entities[c->m[left].entity].type);
            if (fits)
                break;
        }
        if (left >= k)
            continue;
        for (size_t b = k; b < c->count && st == KG_OK; b++)
            if (c->m[b].entity != c->m[left].entity)
                st = relate(ex, c, left, b, cues, n, p, p + 1, 0.3);
    }
    return st;
}

#define EX_DEFAULT_GAP 8
/* words between two names that a `fallback` edge type may relate */
#define EX_FALLBACK_GAP 3
#define EX_DEFAULT_ANY(et) ((et)->allows_any_source && (et)->allows_any_target)

/* The one edge type that the schema allows between node types a and b (in
 * either direction) among those that constrain at least one end
 * (KG_SCHEMA_NOT_FOUND when none or several); *reverse when it goes from b
 * to a. */
static size_t only_edge_type(const kg_extractor *ex, size_t a, size_t b, bool *reverse)
{
    size_t found = KG_SCHEMA_NOT_FOUND;
    for (size_t k = 0; k < kg_schema_edge_type_count(ex->schema); k++) {
        const kg_edge_type *et = kg_schema_edge_type(ex->schema, k);
        if (EX_DEFAULT_ANY(et))
            continue;
        for (int dir = 0; dir < 2; dir++) {
            if (!kg_schema_allows(ex->schema, k, dir ? b : a, dir ? a : b))
                continue;
            if (found != KG_SCHEMA_NOT_FOUND)
                return KG_SCHEMA_NOT_FOUND;
            found = k;
            *reverse = dir == 1;
            if (et->is_symmetric)
                break;
        }
    }
    return found;
}

/* The edge type of highest `fallback` priority that the schema allows
 * between node types a and b (a before b in the text; from a to b when
 * both ways are allowed); KG_SCHEMA_NOT_FOUND when none. */
static size_t fallback_edge_type(const kg_extractor *ex, size_t a, size_t b, bool *reverse)
{
    size_t found = KG_SCHEMA_NOT_FOUND;
    int best = 0;
    for (size_t k = 0; k < kg_schema_edge_type_count(ex->schema); k++) {
        const kg_edge_type *et = kg_schema_edge_type(ex->schema, k);
        if (et->fallback <= best)
            continue;
        for (int dir = 0; dir < 2; dir++)
            if (kg_schema_allows(ex->schema, k, dir ? b : a, dir ? a : b)) {
                found = k;
                best = et->fallback;
                *reverse = dir == 1;
                break;
            }
    }
    return found;
}

/* Whether mentions a and b (a < b) are related by a candidate of this clause
 * (those from relation `from` on). */
static bool related_since(const kg_extractor *ex, size_t from, size_t ea, size_t eb)
{
    for (size_t i = from; i < ex->relation_count; i++) {
        const ex_relation *r = &ex->relations[i];
        if ((r->source == ea && r->target == eb) || (r->source == eb && r->target == ea))
            return true;
    }
    return false;
}

/* Whether [a, b) starts another clause: "that", "which", "who", "where",
 * "when", or "and" before a lower-case word that is no article ("and
 * decided"). */
static bool clause_break(const clause *c, size_t a, size_t b)
{
    static const char *const words[] = {"that", "which", "who", "whose", "where", "when", NULL};
    const ex_token *tk = c->t->tokens;
    for (size_t i = a; i < b; i++) {
        for (const char *const *w = words; *w; w++)
            if (strcmp(tk[i].lower, *w) == 0)
                return true;
        if (strcmp(tk[i].lower, "and") == 0 && i + 1 < b && tk[i + 1].kind == EX_WORD &&
            !tk[i + 1].is_cap && !is_article(&tk[i + 1]))
            return true;
    }
    return false;
}

/* The fall-back: two names of a clause, at most EX_DEFAULT_GAP words apart
 * and not in one list, that no cue related, whose types the schema allows
 * only one edge type between: that type, confidence 0.2. Else, at most
 * EX_FALLBACK_GAP words apart, the allowed edge type of highest `fallback`
 * priority in the schema, confidence 0.15. */
static kg_status schema_default(kg_extractor *ex, const clause *c, size_t from)
{
    const ex_token *tk = c->t->tokens;
    kg_status st = KG_OK;
    for (size_t a = 0; a < c->count && st == KG_OK; a++)
        for (size_t b = a + 1; b < c->count && st == KG_OK; b++) {
            if (gap(c, c->m[a].last, c->m[b].first) > EX_DEFAULT_GAP)
                break;
            size_t ea = c->m[a].entity, eb = c->m[b].entity, lo, hi;
            list_around(c, a, &lo, &hi);
            if (ea == eb || b <= hi || related_since(ex, from, ea, eb) ||
                clause_break(c, c->m[a].last, c->m[b].first))
                continue;
            bool reverse = false;
            double confidence = 0.2;
            size_t ta = ex->entities[ea].type, tb = ex->entities[eb].type;
            size_t type = only_edge_type(ex, ta, tb, &reverse);
            if (type == KG_SCHEMA_NOT_FOUND &&
                gap(c, c->m[a].last, c->m[b].first) <= EX_FALLBACK_GAP) {
                type = fallback_edge_type(ex, ta, tb, &reverse);
                confidence = 0.15;
            }
            if (type == KG_SCHEMA_NOT_FOUND)
                continue;
            for (size_t end = 0; end < 2; end++)
                ex->entities[end ? eb : ea].is_used = true;
            st = add_relation(ex, c, reverse ? eb : ea, reverse ? ea : eb, type,
                              "schema-default", confidence, c->quote[a],
                              tk[c->m[b].last - 1].end, nearest_date(c, c->m[b].first));
        }
    return st;
}

/* "The Union has contributed civil assets to the Sava Mission": a cue of a
 * verb and "to" or "with" ("contributed to") matches with one or two
 * lower-case words (its object) between them; the cues that match at p
 * (lexicon entries by_word[from .. from + count)) go to out, and the
 * tokens they span is returned (0: none). */
static size_t gapped_cues(const kg_extractor *ex, const clause *c, size_t p, size_t from,
                          size_t count, size_t *out, size_t *n)
{
    const ex_token *tk = c->t->tokens;
    size_t span = 0;
    *n = 0;
    for (size_t j = from; j < from + count && *n < EX_CUES_AT_MAX; j++) {
        size_t idx = ex->lexicon.by_word[j];
        const ex_cue *cue = &ex->lexicon.cues[idx];
        if (cue->kind != EX_CUE_EDGE || cue->count != 2 || cue->is_first_joined ||
            (strcmp(cue->words[1], "to") && strcmp(cue->words[1], "with")) ||
            tk[p].kind != EX_WORD || strcmp(tk[p].lower, cue->words[0]))
            continue;
        for (size_t x = p + 2; x <= p + 3 && x < c->last; x++) {
            const ex_token *w = &tk[x - 1];
            if (w->kind != EX_WORD || w->is_cap || w->is_digit || is_auxiliary(w) ||
                is_article(w) || has_preposition(c, x - 1, x) ||
                strcmp(w->lower, "and") == 0 || strcmp(w->lower, "or") == 0)
                break;
            if (strcmp(tk[x].lower, cue->words[1]) == 0 && (!span || span == x + 1 - p)) {
                span = x + 1 - p;
                out[(*n)++] = idx;
                break;
            }
        }
    }
    return span;
}

static kg_status clause_relations(kg_extractor *ex, const clause *c)
{
    size_t clause_start = ex->relation_count;
    const ex_token *tk = c->t->tokens;
    size_t next_mention = 0, k = 0;
    for (size_t p = c->first; p < c->last; p++) {
        while (k < c->count && c->m[k].last <= p)
            k++;
        if (k < c->count && c->m[k].first <= p)
            continue; /* inside a name */
        /* the longest matching cues starting here (same length, any type) */
        size_t from, n_start = kg_ex_cues_starting(&ex->lexicon, tk[p].lower, &from);
        size_t cues[EX_CUES_AT_MAX], n = 0, len = 0;
        for (size_t j = from; j < from + n_start && n < EX_CUES_AT_MAX; j++) {
            size_t idx = ex->lexicon.by_word[j];
            const ex_cue *cue = &ex->lexicon.cues[idx];
            if (cue->kind != EX_CUE_EDGE || (len && cue->count != len) ||
                !kg_ex_cue_matches(cue, tk, p, c->last))
                continue;
            len = cue->count;
            cues[n++] = idx;
        }
        if (!len)
            len = gapped_cues(ex, c, p, from, n_start, cues, &n);
        if (!len)
            continue;
        kg_status st = cue_at(ex, c, p, p + len, cues, n, &next_mention);
        if (st != KG_OK)
            return st;
        p += len - 1;
    }
    kg_status st = frame_relations(ex, c);
    if (st == KG_OK)
        st = name_pairs(ex, c);
    if (st == KG_OK)
        st = including_topics(ex, c);
    return st == KG_OK ? schema_default(ex, c, clause_start) : st;
}

kg_status kg_ex_find_relations(kg_extractor *ex, uint32_t text)
{
    const ex_text *t = &ex->texts[text];
    ex_mention *m = malloc(EX_MENTIONS_MAX * sizeof *m);
    ex_mention *m2 = malloc(EX_MENTIONS_MAX * sizeof *m2);
    uint32_t *quote = malloc(EX_MENTIONS_MAX * sizeof *quote);
    size_t *alt = malloc(2 * EX_MENTIONS_MAX * sizeof *alt), *alt2 = alt + EX_MENTIONS_MAX;
    ex_coref cr;
    kg_status st = kg_ex_coref_init(&cr, ex);
    if (!m || !m2 || !quote || !alt || st != KG_OK) {
        free(m);
        free(m2);
        free(quote);
        free(alt);
        kg_ex_coref_free(&cr);
        return KG_ENOMEM;
    }
    size_t subject = EX_NO_ENTITY;
    frame fr = {0};
    for (size_t s = 0; s < t->sentence_count && st == KG_OK; s++) {
        size_t first = t->sentences[s].first, last = t->sentences[s].last;
        size_t count = kg_ex_mentions(ex, t, first, last, m, EX_MENTIONS_MAX);
        for (size_t k = 0; k < count; k++)
            quote[k] = t->tokens[m[k].first].start;
        kg_ex_distribute_titles(ex, t, m, quote, count);
        for (size_t k = 0; k < count; k++) {
            ex_entity *e = &ex->entities[m[k].entity];
            if (e->evidence_count == 0)
                kg_ex_entity_evidence(ex, m[k].entity, text, quote[k],
                                      t->tokens[m[k].last - 1].end);
            e->is_used = true;
        }
        /* "the organisation", "both organisations": the names they stand for */
        count = kg_ex_anaphors(ex, &cr, t, s, first, last, m, quote, alt, count,
                               EX_MENTIONS_MAX);
        /* clauses end at ';'; a pronoun refers to the last sentence's first name */
        size_t cfirst = first, mk = 0;
        for (size_t i = first; i <= last && st == KG_OK; i++) {
            bool cut = i == last || (t->tokens[i].kind == EX_PUNCT && t->text[t->tokens[i].start] == ';');
            if (!cut)
                continue;
            size_t m0 = mk;
            bool plural = false;
            while (mk < count && m[mk].first < i) {
                plural |= alt[mk] != EX_NO_ENTITY;
                mk++;
            }
            clause c = {t, text, cfirst, i, m + m0, quote + m0, mk - m0, subject, &fr,
                        &ex->lexicon, alt + m0};
            st = clause_relations(ex, &c);
            if (st == KG_OK && plural) {
                /* "both organisations": once more with the other one */
                for (size_t k = m0; k < mk; k++) {
                    m2[k - m0] = m[k];
                    alt2[k - m0] = alt[k];
                    if (alt[k] != EX_NO_ENTITY) {
                        m2[k - m0].entity = alt[k];
                        alt2[k - m0] = m[k].entity;
                    }
                }
                c.m = m2;
                c.alt = alt2;
                st = clause_relations(ex, &c);
            }
            cfirst = i + 1;
        }
        /* in "At the Summit, the Sava Council met ..." the subject is the
         * name after the fronted one */
        subject = fr.active && fr.subject_count ? fr.subjects[0]
                  : count                       ? m[0].entity
                                                : EX_NO_ENTITY;
    }
    free(m);
    free(m2);
    free(quote);
    free(alt);
    kg_ex_coref_free(&cr);
    return st;
}
