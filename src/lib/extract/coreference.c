/* coreference.c - descriptions that refer back to a name: "the
 * organisation", "both organisations", "the Alliance". The head nouns are
 * the schema's data (node type `anaphors`), not a word list of this file. */
#include <stdlib.h>
#include <string.h>

#include "coreference.h"

/* Sentences back that a lower-case description may reach (2 and 5 were
 * measured; 5 found one more relation on the NATO-EU page, no loss). */
#define EX_COREF_SENTENCES 5

kg_status kg_ex_coref_init(ex_coref *cr, const kg_extractor *ex)
{
    memset(cr, 0, sizeof *cr);
    cr->type_count = kg_schema_node_type_count(ex->schema);
    size_t n = 2 * cr->type_count + 1;
    cr->recent = malloc(n * sizeof *cr->recent);
    cr->seen = calloc(n, sizeof *cr->seen);
    if (!cr->recent || !cr->seen) {
        kg_ex_coref_free(cr);
        return KG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        cr->recent[i] = EX_NO_ENTITY;
    return KG_OK;
}

void kg_ex_coref_free(ex_coref *cr)
{
    free(cr->recent);
    free(cr->seen);
    free(cr->count);
    memset(cr, 0, sizeof *cr);
}

/* Entity e is named in sentence s. */
static kg_status note_one(const kg_extractor *ex, ex_coref *cr, size_t e, size_t s)
{
    if (e >= cr->entity_count) {
        size_t grown = ex->entity_count > e ? ex->entity_count : e + 1;
        uint32_t *more = realloc(cr->count, grown * sizeof *more);
        if (!more)
            return KG_ENOMEM;
        memset(more + cr->entity_count, 0, (grown - cr->entity_count) * sizeof *more);
        cr->count = more;
        cr->entity_count = grown;
    }
    cr->count[e]++;
    size_t type = ex->entities[e].type;
    if (type >= cr->type_count)
        return KG_OK;
    size_t *r = cr->recent + 2 * type, *at = cr->seen + 2 * type;
    if (r[0] != e) {
        r[1] = r[0];
        at[1] = at[0];
        r[0] = e;
    }
    at[0] = s;
    return KG_OK;
}

/* Entity e is named in sentence s; a name of two known names joined by a
 * hyphen ("RDU-DANU") names the two ("both organisations" are they). */
static kg_status note(const kg_extractor *ex, ex_coref *cr, size_t e, size_t s)
{
    const char *label = ex->entities[e].label, *dash = strchr(label, '-');
    if (dash && dash > label && dash[1] && !strchr(dash + 1, '-') && !strchr(label, ' ')) {
        size_t a = kg_ex_names_find(&ex->names, label, (size_t)(dash - label));
        size_t b = kg_ex_names_find(&ex->names, dash + 1, strlen(dash + 1));
        if (a != EX_NO_ENTITY && b != EX_NO_ENTITY) {
            a = kg_ex_resolve(ex, a);
            b = kg_ex_resolve(ex, b);
            if (a != e && b != e && a != b) {
                kg_status st = note_one(ex, cr, a, s);
                return st == KG_OK ? note_one(ex, cr, b, s) : st;
            }
        }
    }
    return note_one(ex, cr, e, s);
}

/* The node type whose anaphors hold the token's word (*plural when it is
 * the word and "s"); KG_SCHEMA_NOT_FOUND when none. */
static size_t anaphor_type(const kg_extractor *ex, const ex_token *tok, bool *plural)
{
    size_t len = strlen(tok->lower);
    for (size_t k = 0; k < kg_schema_node_type_count(ex->schema); k++) {
        const kg_node_type *nt = kg_schema_node_type(ex->schema, k);
        for (size_t a = 0; a < nt->anaphor_count; a++) {
            const char *w = nt->anaphors[a];
            size_t n = strlen(w);
            if (len == n && strcmp(tok->lower, w) == 0) {
                *plural = false;
                return k;
            }
            if (len == n + 1 && tok->lower[n] == 's' && strncmp(tok->lower, w, n) == 0) {
                *plural = true;
                return k;
            }
        }
    }
    return KG_SCHEMA_NOT_FOUND;
}

/* Whether the label holds word (n bytes) as a whole word. */
static bool holds_word(const char *label, const char *word, size_t n)
{
    for (const char *p = strstr(label, word); p; p = strstr(p + 1, word)) {
        bool start = p == label || p[-1] == ' ' || p[-1] == '-';
        bool end = p[n] == '\0' || p[n] == ' ' || p[n] == '-';
        if (start && end)
            return true;
    }
    return false;
}

/* Whether the label holds another anaphor of the type than word, written
 * with a capital ("European Union" is "the Union", not "the Alliance"). */
static bool holds_other(const kg_node_type *nt, const char *label, const char *word)
{
    for (size_t a = 0; a < nt->anaphor_count; a++) {
        char cap[64];
        size_t n = strlen(nt->anaphors[a]);
        if (n == 0 || n >= sizeof cap)
            continue;
        memcpy(cap, nt->anaphors[a], n + 1);
        if (cap[0] >= 'a' && cap[0] <= 'z')
            cap[0] = (char)(cap[0] - 'a' + 'A');
        if (strcmp(cap, word) != 0 && holds_word(label, cap, n))
            return true;
    }
    return false;
}

/* "the Alliance": the entity of the type named so far whose label holds
 * the word, else the one of the type named most often whose label holds
 * no other anaphor of the type. */
static size_t capitalised(const kg_extractor *ex, const ex_coref *cr, const ex_text *t,
                          const ex_token *head, size_t type)
{
    size_t best = EX_NO_ENTITY, best_holding = EX_NO_ENTITY;
    const char *word = t->text + head->start;
    size_t n = head->end - head->start;
    char buf[64];
    if (n >= sizeof buf)
        return EX_NO_ENTITY;
    memcpy(buf, word, n);
    buf[n] = '\0';
    const kg_node_type *nt = kg_schema_node_type(ex->schema, type);
    for (size_t e = 0; e < cr->entity_count; e++) {
        if (!cr->count[e] || ex->entities[e].type != type)
            continue;
        if (!holds_other(nt, ex->entities[e].label, buf) &&
            (best == EX_NO_ENTITY || cr->count[e] > cr->count[best]))
            best = e;
        if (holds_word(ex->entities[e].label, buf, n) &&
            (best_holding == EX_NO_ENTITY || cr->count[e] > cr->count[best_holding]))
            best_holding = e;
    }
    return best_holding != EX_NO_ENTITY ? best_holding : best;
}

static bool is_word(const ex_token *tok, const char *w)
{
    return tok->kind == EX_WORD && strcmp(tok->lower, w) == 0;
}

/* Whether the "it" at token i is a verb's object that ends its clause: a
 * one-word edge cue before it ("supports"), a full stop, ";" or "," after. */
static bool object_pronoun(const kg_extractor *ex, const ex_text *t, size_t i, size_t last)
{
    const ex_token *tk = t->tokens;
    if (i + 1 < last && !(tk[i + 1].kind == EX_PUNCT &&
                          strchr(".;,", t->text[tk[i + 1].start])))
        return false;
    size_t from, n = kg_ex_cues_starting(&ex->lexicon, tk[i - 1].lower, &from);
    for (size_t j = from; j < from + n; j++) {
        const ex_cue *cue = &ex->lexicon.cues[ex->lexicon.by_word[j]];
        if (cue->kind == EX_CUE_EDGE && !cue->structure && cue->count == 1 &&
            !cue->is_first_joined && strlen(cue->words[0]) > 3)
            return true;
    }
    return false;
}

size_t kg_ex_anaphors(const kg_extractor *ex, ex_coref *cr, const ex_text *t, size_t s,
                      size_t first, size_t last, ex_mention *m, uint32_t *quote, size_t *alt,
                      size_t count, size_t max)
{
    ex_mention in[KG_EX_SENTENCE_MAX];
    uint32_t in_quote[KG_EX_SENTENCE_MAX];
    if (count > KG_EX_SENTENCE_MAX)
        count = KG_EX_SENTENCE_MAX;
    memcpy(in, m, count * sizeof *in);
    memcpy(in_quote, quote, count * sizeof *in_quote);
    const ex_token *tk = t->tokens;
    size_t out = 0, k = 0;
    for (size_t i = first; i < last && out < max;) {
        if (k < count && in[k].first <= i) {
            if (note(ex, cr, in[k].entity, s) != KG_OK)
                return out; /* out of memory: no more descriptions */
            alt[out] = EX_NO_ENTITY;
            quote[out] = in_quote[k];
            m[out++] = in[k];
            i = in[k].last > i ? in[k].last : i + 1;
            k++;
            continue;
        }
        size_t next = k < count ? in[k].first : last;
        /* "..., and the Lake Board supports it.": an "it" after a verb cue
         * that ends its clause, the verb's subject just before the verb, is
         * the sentence's first name (when that is not the subject) */
        if (is_word(&tk[i], "it") && i > first && k >= 2 && in[k - 1].last + 1 == i &&
            object_pronoun(ex, t, i, last) && in[0].entity != in[k - 1].entity) {
            alt[out] = EX_NO_ENTITY;
            quote[out] = tk[i].start;
            m[out++] = (ex_mention){(uint32_t)i, (uint32_t)(i + 1), in[0].entity};
            i++;
            continue;
        }
        bool the = is_word(&tk[i], "the"), both = is_word(&tk[i], "both"),
             these = is_word(&tk[i], "these"),
             this = is_word(&tk[i], "this") || is_word(&tk[i], "that");
        if (!(the || both || these || this)) {
            i++;
            continue;
        }
        size_t h = i + 1;
        bool two = (the || these) && h < next && is_word(&tk[h], "two");
        h += two;
        bool plural = false;
        size_t type = h < next && tk[h].kind == EX_WORD && !tk[h].is_joined
                          ? anaphor_type(ex, &tk[h], &plural) : KG_SCHEMA_NOT_FOUND;
        /* "the mission of ...", "the operation Sea Blue": another name */
        bool described = h + 1 < last && (is_word(&tk[h + 1], "of") ||
                                          (tk[h + 1].kind == EX_WORD && tk[h + 1].is_cap) ||
                                          (tk[h + 1].kind == EX_PUNCT &&
                                           t->text[tk[h + 1].start] == '-'));
        if (type == KG_SCHEMA_NOT_FOUND || type >= cr->type_count || described ||
            plural != (both || these || two)) {
            i++;
            continue;
        }
        const size_t *r = cr->recent + 2 * type, *at = cr->seen + 2 * type;
        size_t e = EX_NO_ENTITY, e2 = EX_NO_ENTITY;
        if (plural) {
            if (r[1] != EX_NO_ENTITY && s - at[1] <= EX_COREF_SENTENCES) {
                e = r[1];
                e2 = r[0];
            }
        } else if (tk[h].is_cap) {
            e = capitalised(ex, cr, t, &tk[h], type);
        } else if (r[0] != EX_NO_ENTITY && s - at[0] <= EX_COREF_SENTENCES) {
            e = r[0];
        }
        if (e == EX_NO_ENTITY) {
            i++;
            continue;
        }
        if (!plural && note(ex, cr, e, s) != KG_OK)
            return out;
        alt[out] = e2;
        quote[out] = tk[i].start;
        m[out++] = (ex_mention){(uint32_t)i, (uint32_t)(h + 1), e};
        i = h + 1;
    }
    return out;
}
