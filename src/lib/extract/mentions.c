/* mentions.c - names in a text: capitalised multi-word names joined by
 * "of", "for", "and" ...; acronym definitions "Long Name (LN)"; a title
 * followed by a personal name; each typed by the node cues of the schema
 * (the head word first: "Council of the European Union" is a Council), by a
 * context word before it ("in Mons"), or by its shape. Known names win. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extractor.h"

static const char *const connectors[] = {"of", "for", "on", "and", "the", "in", "de", "du",
                                         "des", "la", "le", "von", "van", "&", NULL};
static const char *const function_words[] = {
    "the", "a", "an", "in", "on", "at", "of", "for", "and", "or", "to", "by", "with", "from",
    "since", "during", "after", "before", "following", "this", "these", "that", "those",
    "its", "their", "his", "her", "both", "as", "while", "when", "under", "between",
    "through", "also", "however", "there", "it", "they", "we", "all", "some", "such", "each",
    "other", "what", "how", "why", "where", "which", "who", "our", "my", "your", "since",
    "until", "today", "then", "thus", "upon", "within", "across", "against", NULL};
static const char *const ordinals[] = {"first", "second", "third", "fourth", "fifth", "sixth",
                                       "seventh", "eighth", "ninth", "tenth", NULL};
static const char *const month_words[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", NULL};

static bool in_list(const char *word, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(word, *list) == 0)
            return true;
    return false;
}

static bool is_lower_word(const kg_extractor *ex, const ex_token *tok)
{
    return kg_ex_names_find(&ex->lower_words, tok->lower, strlen(tok->lower)) != EX_NO_ENTITY;
}

/* Best node cue inside tokens [a, b): the head (last word before the first
 * connector) scores 5, the first word 4, the last word 3 ("European Union
 * Rule of Law Mission" is a Mission), any other word before the first
 * connector 2, the rest 1. */
static size_t type_by_cues(const kg_extractor *ex, const ex_token *tk, size_t a, size_t b)
{
    size_t head_end = b;
    for (size_t i = a + 1; i < b; i++)
        if (!tk[i].is_cap && !tk[i].is_digit && !tk[i].is_joined &&
            in_list(tk[i].lower, connectors)) {
            head_end = i;
            break;
        }
    size_t best = KG_SCHEMA_NOT_FOUND;
    int best_score = 0;
    for (size_t i = a; i < b; i++) {
        size_t from, n = kg_ex_cues_starting(&ex->lexicon, tk[i].lower, &from);
        for (size_t j = from; j < from + n; j++) {
            const ex_cue *cue = &ex->lexicon.cues[ex->lexicon.by_word[j]];
            if (cue->kind != EX_CUE_NODE || i + cue->count > b)
                continue;
            bool ok = kg_ex_cue_matches(cue, tk, i, b) ||
                      (cue->count == 1 && tk[i].is_joined); /* "Vice-President" */
            if (!ok)
                continue;
            int score = i + cue->count == head_end ? 5 : i == a ? 4 : i + cue->count == b ? 3
                        : i < head_end ? 2 : 1;
            if (score > best_score) {
                best_score = score;
                best = cue->type;
            }
        }
    }
    return best;
}

/* The cue of kind (and of node type `type` unless KG_SCHEMA_NOT_FOUND)
 * that ends exactly at token `at`, starting at or after `first`; its node
 * type, or KG_SCHEMA_NOT_FOUND. */
static size_t cue_ending_at(const kg_extractor *ex, const ex_token *tk, size_t first, size_t at,
                            ex_cue_kind kind, size_t type)
{
    for (size_t start = at; start-- > first && at - start <= EX_CUE_TOKENS_MAX;) {
        size_t from, n = kg_ex_cues_starting(&ex->lexicon, tk[start].lower, &from);
        for (size_t j = from; j < from + n; j++) {
            const ex_cue *cue = &ex->lexicon.cues[ex->lexicon.by_word[j]];
            if (cue->kind == kind && start + cue->count == at &&
                (type == KG_SCHEMA_NOT_FOUND || cue->type == type) &&
                kg_ex_cue_matches(cue, tk, start, at))
                return cue->type;
        }
    }
    return KG_SCHEMA_NOT_FOUND;
}

/* The node type a context cue just before token a gives, if any. */
static size_t type_by_context(const kg_extractor *ex, const ex_token *tk, size_t first, size_t a)
{
    size_t at = a;
    if (at > first && strcmp(tk[at - 1].lower, "the") == 0)
        at--;
    size_t type = cue_ending_at(ex, tk, first, at, EX_CUE_CONTEXT, KG_SCHEMA_NOT_FOUND);
    /* "the border agency Frontex": a type's own word, in lower case, just before */
    if (type == KG_SCHEMA_NOT_FOUND && at > first && !tk[at - 1].is_cap)
        type = cue_ending_at(ex, tk, first, at, EX_CUE_NODE, KG_SCHEMA_NOT_FOUND);
    return type;
}

/* Whether a person-context cue ("Secretary General", "Minister") ends at k. */
static bool title_ends_at(const kg_extractor *ex, const ex_token *tk, size_t a, size_t k)
{
    return cue_ending_at(ex, tk, a, k, EX_CUE_CONTEXT, ex->person_type) != KG_SCHEMA_NOT_FOUND;
}

/* Whether a title ("President") is among the words [a, k). */
static bool has_title(const kg_extractor *ex, const ex_token *tk, size_t a, size_t k)
{
    for (size_t e = a + 1; e <= k; e++)
        if (title_ends_at(ex, tk, a, e))
            return true;
    return false;
}

/* Two to four capitalised words with no cue, connector or acronym. */
static bool looks_personal(const kg_extractor *ex, const ex_token *tk, size_t a, size_t b)
{
    size_t words = 0;
    for (size_t i = a; i < b; i++) {
        if (!tk[i].is_cap || tk[i].is_allcaps || tk[i].is_digit || is_lower_word(ex, &tk[i]))
            return false;
        words += !tk[i].is_joined;
    }
    return words >= 2 && words <= 4 && type_by_cues(ex, tk, a, b) == KG_SCHEMA_NOT_FOUND;
}

static bool is_joined_edge_cue(const kg_extractor *ex, const ex_token *tk, size_t i, size_t end)
{
    size_t from, n = kg_ex_cues_starting(&ex->lexicon, tk[i].lower, &from);
    for (size_t j = from; j < from + n; j++) {
        const ex_cue *cue = &ex->lexicon.cues[ex->lexicon.by_word[j]];
        if (cue->kind == EX_CUE_EDGE && cue->is_first_joined &&
            kg_ex_cue_matches(cue, tk, i, end))
            return true;
    }
    return false;
}

/* Whether an edge cue of two or more words starts at token a ("Signature
 * of" the Pact: the cue's first word opens a sentence, no name). */
static bool starts_edge_cue(const kg_extractor *ex, const ex_token *tk, size_t a, size_t end)
{
    size_t from, n = kg_ex_cues_starting(&ex->lexicon, tk[a].lower, &from);
    for (size_t j = from; j < from + n; j++) {
        const ex_cue *cue = &ex->lexicon.cues[ex->lexicon.by_word[j]];
        if (cue->kind == EX_CUE_EDGE && !cue->structure && cue->count >= 2 &&
            kg_ex_cue_matches(cue, tk, a, end))
            return true;
    }
    return false;
}

/* Whether the schema has a name-inside-name cue for `word` ("<in> @event")
 * whose left end allows node type `type`: then "Summit in Vilnius" is one
 * name, and Vilnius a name inside it. */
static bool inner_cue_for(const kg_extractor *ex, const char *word, size_t type)
{
    for (size_t c = 0; c < ex->lexicon.count; c++) {
        const ex_cue *cue = &ex->lexicon.cues[c];
        if (cue->kind == EX_CUE_EDGE && cue->structure == EX_INNER &&
            strcmp(cue->words[0], word) == 0 &&
            (!cue->left_types || (type < 64 && (cue->left_types >> type) & 1)))
            return true;
    }
    return false;
}

/* Whether "from" comes shortly before token a in its clause: then a "to"
 * after the name ends it ("from the River Court to Lowland"). */
static bool after_from(const ex_text *t, size_t a)
{
    for (size_t i = a; i-- > 0 && a - i <= 6 && t->tokens[i].kind != EX_PUNCT;)
        if (strcmp(t->tokens[i].lower, "from") == 0)
            return true;
    return false;
}

/* End of the capitalised name starting at a (a capitalised word). */
static size_t name_end(const kg_extractor *ex, const ex_text *t, size_t a, size_t end)
{
    const ex_token *tk = t->tokens;
    size_t j = a + 1;
    while (j < end && tk[j].kind == EX_WORD) {
        if (tk[j].is_joined) {
            if (!tk[j].is_cap && !tk[j].is_digit && is_joined_edge_cue(ex, tk, j, end))
                break;
            /* "Lake Board-run Pilot Stations": a modifier, then a name */
            if (!tk[j].is_cap && !tk[j].is_digit && j + 1 < end && tk[j + 1].kind == EX_WORD &&
                tk[j + 1].is_cap && !tk[j + 1].is_joined)
                break;
            j++;
            continue;
        }
        if (tk[j].is_cap && !in_list(tk[j].lower, month_words)) {
            j++;
            continue;
        }
        /* "Alliance to Protect Wetlands": a cue word, "to", a capitalised
         * verb and its object */
        if (strcmp(tk[j].lower, "to") == 0 && !tk[j].is_cap && j + 2 < end &&
            type_by_cues(ex, tk, j - 1, j) != KG_SCHEMA_NOT_FOUND && tk[j + 1].kind == EX_WORD &&
            tk[j + 1].is_cap && !tk[j + 1].is_allcaps && !tk[j + 1].is_joined &&
            type_by_cues(ex, tk, j + 1, j + 2) == KG_SCHEMA_NOT_FOUND &&
            !is_lower_word(ex, &tk[j + 1]) && tk[j + 2].kind == EX_WORD && tk[j + 2].is_cap &&
            !tk[j + 2].is_joined && !in_list(tk[j + 2].lower, function_words) &&
            !after_from(t, a)) {
            size_t known_entity;
            if (kg_ex_known_length(ex, t, j + 1, end, &known_entity) == 0) {
                j += 2;
                continue;
            }
        }
        if (!in_list(tk[j].lower, connectors) || tk[j].is_cap)
            break;
        size_t k = j + 1;
        bool is_and = strcmp(tk[j].lower, "and") == 0 || strcmp(tk[j].lower, "&") == 0;
        if (!is_and && k < end && strcmp(tk[k].lower, "the") == 0 && strcmp(tk[j].lower, "the"))
            k++;
        if (k >= end || tk[k].kind != EX_WORD || !tk[k].is_cap || tk[k].is_joined ||
            in_list(tk[k].lower, month_words))
            break;
        bool left_typed = type_by_cues(ex, tk, a, j) != KG_SCHEMA_NOT_FOUND;
        if (is_and) {
            /* "European Council and European Commission" are two names,
             * "Subcommittee on Security and Defence" one */
            char key[EX_KEY_MAX];
            size_t len = kg_ex_key(t->text, tk, a, j, key, sizeof key);
            bool ends_typed = type_by_cues(ex, tk, j - 1, j) != KG_SCHEMA_NOT_FOUND;
            bool starts_typed = type_by_cues(ex, tk, k, k + 1) != KG_SCHEMA_NOT_FOUND;
            /* "Heads of State and Government": one more word of the same
             * kind closes the name */
            bool closes = k + 1 >= end || tk[k + 1].kind != EX_WORD ||
                          (!tk[k + 1].is_cap && !in_list(tk[k + 1].lower, connectors));
            if (starts_typed && !ends_typed && closes && left_typed && j > a + 1 &&
                type_by_cues(ex, tk, a, j) == type_by_cues(ex, tk, k, k + 1))
                starts_typed = false;
            if (ends_typed || starts_typed || tk[j - 1].is_allcaps ||
                looks_personal(ex, tk, a, j) ||
                (len && kg_ex_names_find(&ex->names, key, len) != EX_NO_ENTITY) ||
                tk[k].is_allcaps)
                break;
        } else if (strcmp(tk[j].lower, "in") == 0 && left_typed &&
                   (!inner_cue_for(ex, "in", type_by_cues(ex, tk, a, j)) ||
                    cue_ending_at(ex, tk, a, j, EX_CUE_NODE, type_by_cues(ex, tk, a, j)) ==
                        KG_SCHEMA_NOT_FOUND)) {
            /* "Mission in Kosovo", "Summit in Vilnius": the cue word is
             * the head, "in" and the place belong to the name; after a
             * proper word ("Operation Linden in Lowland") they do not */
            break;
        }
        j = k;
    }
    return j;
}

/* The longest known name starting at token i, or 0. */
size_t kg_ex_known_length(const kg_extractor *ex, const ex_text *t, size_t i, size_t end,
                          size_t *entity)
{
    const ex_token *tok = &t->tokens[i];
    size_t longest = kg_ex_names_find(&ex->firsts, t->text + tok->start, tok->end - tok->start);
    if (longest == EX_NO_ENTITY)
        return 0;
    size_t max = end - i < ex->max_name_tokens ? end - i : ex->max_name_tokens;
    if (longest < max)
        max = longest;
    char key[EX_KEY_MAX];
    for (size_t n = max; n > 0; n--) {
        if (i + n < t->token_count && t->tokens[i + n].is_joined && t->tokens[i + n].is_cap)
            continue; /* a name ends at a word boundary ("ASEAN-EU"), not "ASEAN-led" */
        size_t len = kg_ex_key(t->text, t->tokens, i, i + n, key, sizeof key);
        if (!len)
            continue;
        size_t e = kg_ex_names_find(&ex->names, key, len);
        if (e != EX_NO_ENTITY) {
            *entity = kg_ex_resolve(ex, e);
            return n;
        }
    }
    return 0;
}

size_t kg_ex_mentions(kg_extractor *ex, const ex_text *t, size_t first, size_t last,
                      ex_mention *out, size_t max)
{
    size_t count = 0;
    for (size_t i = first; i < last && count < max;) {
        size_t entity;
        size_t n = t->tokens[i].kind == EX_WORD && !t->tokens[i].is_joined
                       ? kg_ex_known_length(ex, t, i, last, &entity) : 0;
        if (n == 0) {
            i++;
            continue;
        }
        out[count++] = (ex_mention){(uint32_t)i, (uint32_t)(i + n), entity};
        i += n;
    }
    return count;
}

/* Adds the name at tokens [a, b) (typed), or finds it; *entity is set. */
static kg_status note_name(kg_extractor *ex, uint32_t text, size_t a, size_t b, size_t type,
                           const char *rule, double confidence, size_t *entity)
{
    const ex_text *t = &ex->texts[text];
    char key[EX_KEY_MAX];
    size_t len = kg_ex_key(t->text, t->tokens, a, b, key, sizeof key);
    *entity = EX_NO_ENTITY;
    if (!len)
        return KG_OK;
    size_t found = kg_ex_names_find(&ex->names, key, len);
    if (found != EX_NO_ENTITY) {
        *entity = kg_ex_resolve(ex, found);
        /* a later mention may say more: "in Brussels" after "Brussels said" */
        ex_entity *e = &ex->entities[*entity];
        bool weak = strcmp(e->rule, "capitalised") == 0 || strcmp(e->rule, "acronym") == 0;
        bool strong = strcmp(rule, "context") == 0 || strcmp(rule, "cue-word") == 0;
        if (!e->is_known && weak && strong && confidence > e->confidence) {
            e->type = type;
            e->rule = rule;
            e->confidence = confidence;
        }
        return KG_OK;
    }
    /* "the Sava cell" after "the Sava Cell": the known name, its head in
     * lower case */
    size_t at = t->tokens[b - 1].start - t->tokens[a].start;
    if (b > a + 1 && t->tokens[a].is_cap && at < len && key[at] >= 'a' && key[at] <= 'z') {
        key[at] = (char)(key[at] - 'a' + 'A');
        found = kg_ex_names_find(&ex->names, key, len);
        key[at] = (char)(key[at] - 'A' + 'a');
        if (found != EX_NO_ENTITY) {
            *entity = kg_ex_resolve(ex, found);
            return kg_ex_entity_alias(ex, *entity, key);
        }
    }
    kg_status st = kg_ex_entity_add(ex, key, type, rule, confidence, entity);
    if (st == KG_OK)
        kg_ex_entity_evidence(ex, *entity, text, t->tokens[a].start, t->tokens[b - 1].end);
    ex->entities[*entity].is_used = false; /* used once pass 2 sees it */
    return st;
}

/* Whether the acronym at token k spells the initials of the capitalised
 * words of [a, b) (an all-capitals word counts whole) with the tokens
 * [k, k_end): "Lake Security and Defence Policy" is LSDP. */
static bool spells(const ex_text *t, size_t a, size_t b, size_t k, size_t k_end)
{
    const ex_token *tk = t->tokens;
    char want[16], have[16];
    size_t nw = 0, nh = 0;
    for (size_t i = tk[k].start; i < tk[k_end - 1].end && nw < sizeof want; i++)
        if (t->text[i] >= 'A' && t->text[i] <= 'Z')
            want[nw++] = t->text[i];
    for (size_t i = a; i < b; i++) {
        if (tk[i].kind != EX_WORD || !tk[i].is_cap)
            continue;
        if (tk[i].is_allcaps) {
            for (size_t j = tk[i].start; j < tk[i].end && nh < sizeof have; j++)
                if (t->text[j] >= 'A' && t->text[j] <= 'Z')
                    have[nh++] = t->text[j];
        } else if (nh < sizeof have) {
            have[nh++] = t->text[tk[i].start];
        }
    }
    return nw >= 2 && nw == nh && memcmp(want, have, nw) == 0;
}

/* "Long Name (LN)": the acronym becomes an alias of the name. A bare
 * acronym seen earlier is folded into the long name. */
static kg_status acronym(kg_extractor *ex, uint32_t text, size_t a, size_t b, size_t end,
                         size_t entity)
{
    const ex_text *t = &ex->texts[text];
    const ex_token *tk = t->tokens;
    if (entity == EX_NO_ENTITY || b + 2 >= end || t->text[tk[b].start] != '(' ||
        tk[b + 1].kind != EX_WORD || !tk[b + 1].is_cap)
        return KG_OK;
    size_t close = b + 2; /* "(CERT-DU)": parts joined by hyphens */
    while (close < end && tk[close].kind == EX_WORD && tk[close].is_joined && tk[close].is_cap)
        close++;
    if (close >= end || t->text[tk[close].start] != ')')
        return KG_OK;
    /* "the Declaration on Lake Security Policy (LSP)": the acronym spells
     * the name after "on", not the whole; it is that name's */
    if (!spells(t, a, b, b + 1, close)) {
        for (size_t y = a + 1; y + 1 < b; y++) {
            if (tk[y - 1].is_cap || tk[y - 1].kind != EX_WORD ||
                !in_list(tk[y - 1].lower, connectors) || !tk[y].is_cap ||
                !spells(t, y, b, b + 1, close))
                continue;
            size_t type = type_by_cues(ex, tk, y, b), inner;
            if (type == KG_SCHEMA_NOT_FOUND)
                break;
            kg_status st = note_name(ex, text, y, b, type, "cue-word", 0.6, &inner);
            if (st != KG_OK || inner == EX_NO_ENTITY || inner == entity)
                return st;
            return acronym(ex, text, y, b, end, inner);
        }
    }
    size_t upper = 0;
    for (size_t i = tk[b + 1].start; i < tk[close - 1].end; i++)
        upper += t->text[i] >= 'A' && t->text[i] <= 'Z';
    bool initials = (t->text[tk[a].start] | 32) == (t->text[tk[b + 1].start] | 32);
    /* one word and an acronym that is no prefix of it: "Lowland (LFOR)"
     * names something else */
    size_t words = 0;
    for (size_t i = a; i < b; i++)
        words += tk[i].kind == EX_WORD && !tk[i].is_joined;
    if (initials && words == 1 && tk[close - 1].end - tk[b + 1].start > tk[a].end - tk[a].start)
        initials = false;
    if (initials && words == 1 &&
        strncasecmp(t->text + tk[a].start, t->text + tk[b + 1].start,
                    tk[close - 1].end - tk[b + 1].start) != 0)
        initials = false;
    const char *rule = ex->entities[entity].rule;
    if (upper < 2 ||
        (!initials && strcmp(rule, "cue-word") != 0 && strcmp(rule, "noun-phrase") != 0))
        return KG_OK; /* "Operation Blue Harbour (OBH)" is typed; "(IMO)" after a word is not */
    char key[EX_KEY_MAX];
    size_t len = kg_ex_key(t->text, tk, b + 1, close, key, sizeof key);
    size_t other = kg_ex_names_find(&ex->names, key, len);
    if (other != EX_NO_ENTITY) {
        other = kg_ex_resolve(ex, other);
        if (other == entity || strcmp(ex->entities[other].rule, "acronym") != 0)
            return KG_OK;
        ex->merged_into[other] = entity; /* the name now answers to it */
        char **more = realloc(ex->entities[entity].aliases,
                              (ex->entities[entity].alias_count + 1) * sizeof *more);
        if (!more)
            return KG_ENOMEM;
        ex->entities[entity].aliases = more;
        if (!(more[ex->entities[entity].alias_count] = strdup(key)))
            return KG_ENOMEM;
        ex->entities[entity].alias_count++;
        return KG_OK;
    }
    ex_entity *e = &ex->entities[entity];
    if (e->evidence_count == 1 && e->evidence[0].text == text &&
        e->evidence[0].start == tk[a].start)
        e->evidence[0].end = tk[close].end; /* quote the definition */
    return kg_ex_entity_alias(ex, entity, key);
}

/* Type and keep the name [a, b), or drop it; *entity is the result. */
static kg_status classify_name(kg_extractor *ex, uint32_t text, size_t first, size_t a,
                               size_t b, size_t *entity)
{
    const ex_text *t = &ex->texts[text];
    const ex_token *tk = t->tokens;
    *entity = EX_NO_ENTITY;
    size_t type = type_by_cues(ex, tk, a, b);
    size_t words = 0;
    for (size_t i = a; i < b; i++)
        words += !tk[i].is_joined;
    if (words == 1) {
        if (tk[a].is_allcaps)
            return note_name(ex, text, a, b, type != KG_SCHEMA_NOT_FOUND ? type : ex->default_type,
                             "acronym", 0.5, entity);
        if (type != KG_SCHEMA_NOT_FOUND || a == first || is_lower_word(ex, &tk[a]) ||
            in_list(tk[a].lower, function_words) || in_list(tk[a].lower, ordinals) ||
            tk[a].is_digit)
            return KG_OK;
        size_t ctx = type_by_context(ex, tk, first, a);
        if (ctx != KG_SCHEMA_NOT_FOUND)
            return note_name(ex, text, a, b, ctx, "context", 0.5, entity);
        return note_name(ex, text, a, b, ex->default_type, "capitalised", 0.3, entity);
    }
    /* "Secretary General Ana Lindqvist", "President of the Nordic
     * Council Pekka Virtanen": a title or a typed name, then a person */
    for (size_t k = a + 1; ex->person_type != KG_SCHEMA_NOT_FOUND && k + 1 < b; k++) {
        if (!tk[k].is_joined && looks_personal(ex, tk, k, b) &&
            (title_ends_at(ex, tk, a, k) ||
             (type_by_cues(ex, tk, k - 1, k) != KG_SCHEMA_NOT_FOUND && has_title(ex, tk, a, k)))) {
            size_t role;
            kg_status st = classify_name(ex, text, first, a, k, &role);
            if (st != KG_OK)
                return st;
            return note_name(ex, text, k, b, ex->person_type, "title-name", 0.6, entity);
        }
    }
    if (type != KG_SCHEMA_NOT_FOUND) {
        /* "Charter of the United Nations" also names the United Nations,
         * "Summit in Vilnius" Vilnius */
        for (size_t j = a + 1; j + 1 < b; j++) {
            bool is_of = strcmp(tk[j].lower, "of") == 0;
            if (!is_of && (tk[j].is_cap || tk[j].kind != EX_WORD || tk[j].is_joined ||
                           !inner_cue_for(ex, tk[j].lower, type)))
                continue;
            size_t y = strcmp(tk[j + 1].lower, "the") == 0 ? j + 2 : j + 1;
            size_t tail_type = y + 1 < b ? type_by_cues(ex, tk, y, b) : KG_SCHEMA_NOT_FOUND;
            if (tail_type == KG_SCHEMA_NOT_FOUND && !is_of && y < b)
                tail_type = type_by_context(ex, tk, a, y);
            /* "Director of Frostline": a title of one word's organisation */
            if (tail_type == KG_SCHEMA_NOT_FOUND && is_of && y + 1 == b && tk[y].is_cap &&
                !tk[y].is_digit && !is_lower_word(ex, &tk[y]) && title_ends_at(ex, tk, a, j))
                tail_type = ex->default_type;
            size_t tail;
            if (tail_type != KG_SCHEMA_NOT_FOUND && tk[y].is_cap) {
                kg_status st = note_name(ex, text, y, b, tail_type, "cue-word", 0.6, &tail);
                if (st != KG_OK)
                    return st;
                if (tail != EX_NO_ENTITY && ex->entities[tail].evidence_count)
                    ex->entities[tail].is_used = true; /* written even if never alone */
            }
            break;
        }
        return note_name(ex, text, a, b, type, "cue-word", 0.7, entity);
    }
    size_t ctx = type_by_context(ex, tk, first, a);
    if (ctx != KG_SCHEMA_NOT_FOUND && ctx != ex->person_type)
        return note_name(ex, text, a, b, ctx, "context", 0.5, entity);
    if (ex->person_type != KG_SCHEMA_NOT_FOUND && looks_personal(ex, tk, a, b))
        return note_name(ex, text, a, b, ex->person_type, "personal-name", 0.4, entity);
    return note_name(ex, text, a, b, ex->default_type, "capitalised", 0.35, entity);
}

/* Where a name may start at token i: a capitalised word that is not a
 * month, a year after "the" ("the 2022 Strategic Concept"), an ordinal
 * before a capitalised name ("third Joint Declaration"). */
static bool starts_name(const ex_text *t, size_t first, size_t i, size_t end)
{
    const ex_token *tk = t->tokens;
    if (tk[i].kind != EX_WORD || tk[i].is_joined)
        return false;
    bool next_cap = i + 1 < end && tk[i + 1].is_cap && !tk[i + 1].is_joined;
    if (tk[i].is_digit)
        return next_cap && i > first && strcmp(tk[i - 1].lower, "the") == 0 &&
               strlen(tk[i].lower) == 4;
    if (!tk[i].is_cap)
        return next_cap && in_list(tk[i].lower, ordinals);
    return !in_list(tk[i].lower, month_words);
}

/* Whether the word after the name [a, b) is a node type's own word in
 * lower case ("arrangements", "region", "fleet"): the head noun of the
 * name, which then types it. Not after an acronym ("ASEAN forces") or a
 * name typed already ("the Nordic Council meeting"). */
static bool head_noun_after(const kg_extractor *ex, const ex_text *t, size_t a, size_t b,
                            size_t end)
{
    const ex_token *tk = t->tokens;
    if (b >= end || tk[b].kind != EX_WORD || tk[b].is_cap || tk[b].is_joined ||
        tk[b].is_digit || (b + 1 < end && tk[b + 1].is_joined))
        return false;
    bool caps = true, single = true;
    for (size_t i = a; i < b; i++) {
        caps &= tk[i].is_allcaps || (tk[i].kind == EX_PUNCT);
        single &= i == a || tk[i].is_joined;
    }
    size_t noun = cue_ending_at(ex, tk, b, b + 1, EX_CUE_NODE, KG_SCHEMA_NOT_FOUND);
    size_t own = type_by_cues(ex, tk, a, b);
    if (caps || noun == KG_SCHEMA_NOT_FOUND || own == noun)
        return false;
    if (single && (in_list(tk[a].lower, function_words) || in_list(tk[a].lower, ordinals) ||
                   is_lower_word(ex, &tk[a])))
        return false;
    return true;
}

static bool is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* Whether key occurs in text[0, n) between word boundaries. */
static bool occurs_as_words(const char *text, size_t n, const char *key, size_t len)
{
    for (const char *p = text; len && (size_t)(p - text) + len <= n; p++) {
        p = memchr(p, key[0], n - len + 1 - (size_t)(p - text));
        if (!p)
            return false;
        if (memcmp(p, key, len) == 0 && (p == text || !is_word_byte(p[-1])) &&
            ((size_t)(p - text) + len == n || !is_word_byte(p[len])))
            return true;
    }
    return false;
}

/* The node type of heading lines (a context cue "<heading>"), or
 * KG_SCHEMA_NOT_FOUND when the schema declares none. */
static size_t heading_type(const kg_extractor *ex)
{
    for (size_t c = 0; c < ex->lexicon.count; c++)
        if (ex->lexicon.cues[c].kind == EX_CUE_CONTEXT &&
            ex->lexicon.cues[c].structure == EX_HEADING)
            return ex->lexicon.cues[c].type;
    return KG_SCHEMA_NOT_FOUND;
}

/* A heading: a line of two to six words without a full stop, its first
 * word capitalised, the others in lower case (or acronyms): "Military
 * mobility", "Countering hybrid threats". It names a topic, typed by its
 * cue words or by the schema's "<heading>" context; the same words in lower
 * case elsewhere in the text are a mention of it. */
static kg_status heading_name(kg_extractor *ex, uint32_t text, size_t first, size_t last)
{
    const ex_text *t = &ex->texts[text];
    const ex_token *tk = t->tokens;
    size_t words = 0;
    if (last <= first || !tk[first].is_cap || tk[first].is_allcaps || tk[first].kind != EX_WORD)
        return KG_OK;
    for (size_t i = first; i < last; i++) {
        if (tk[i].kind != EX_WORD || tk[i].is_digit || (i > first && tk[i].is_cap && !tk[i].is_allcaps))
            return KG_OK;
        words += !tk[i].is_joined;
    }
    uint32_t end = tk[last - 1].end;
    if (words < 2 || words > 6 || end >= t->len || t->text[end] != '\n')
        return KG_OK; /* a heading ends its line and a text follows */
    /* typed by its last word only ("Crisis management exercises"): a
     * heading's first word is often a modifier ("River pollution control") */
    size_t type = cue_ending_at(ex, tk, first, last, EX_CUE_NODE, KG_SCHEMA_NOT_FOUND);
    if (type == KG_SCHEMA_NOT_FOUND)
        type = heading_type(ex);
    if (type == KG_SCHEMA_NOT_FOUND)
        return KG_OK;
    size_t entity, before = ex->entity_count;
    kg_status st = note_name(ex, text, first, last, type, "heading", 0.4, &entity);
    if (st != KG_OK || entity == EX_NO_ENTITY || ex->entity_count == before)
        return st; /* a heading seen before was looked for already */
    char key[EX_KEY_MAX];
    size_t len = kg_ex_key(t->text, tk, first, last, key, sizeof key);
    if (!len)
        return KG_OK;
    key[0] = (char)(key[0] | 32); /* an ASCII capital: the lower-case form */
    if (key[0] < 'a' || key[0] > 'z')
        return KG_OK;
    bool seen = false;
    for (size_t x = 0; x < ex->text_count && !seen; x++)
        seen = occurs_as_words(ex->texts[x].text, ex->texts[x].len, key, len);
    st = seen ? kg_ex_entity_alias(ex, entity, key) : KG_OK;
    /* in a title, every word but the small ones capitalised: "Dialogue on
     * River Pollution Control" names the heading "River pollution control" */
    bool changed = false;
    for (size_t i = 0; i < len; i++) {
        bool starts = i == 0 || key[i - 1] == ' ';
        if (!starts || key[i] < 'a' || key[i] > 'z')
            continue;
        size_t w = strcspn(key + i, " ");
        static const char *const small[] = {"of", "and", "on", "for", "the", "in", "to", "a",
                                            "an", "or", NULL};
        char word[8];
        if (w < sizeof word) {
            memcpy(word, key + i, w);
            word[w] = '\0';
            if (in_list(word, small))
                continue;
        }
        key[i] = (char)(key[i] - 'a' + 'A');
        changed = true;
    }
    seen = false;
    for (size_t x = 0; changed && x < ex->text_count && !seen; x++)
        seen = occurs_as_words(ex->texts[x].text, ex->texts[x].len, key, len);
    return st == KG_OK && seen ? kg_ex_entity_alias(ex, entity, key) : st;
}

static void retype_by_head(kg_extractor *ex, const ex_text *t, size_t b, size_t end,
                           size_t entity);

/* Whether the word at i is a one-word reverse edge cue in "-ed" ("signed",
 * "adopted") of an edge type whose source may be of node type `type`. */
static bool source_participle(const kg_extractor *ex, const ex_token *tk, size_t i, size_t end,
                              size_t type)
{
    size_t n = strlen(tk[i].lower);
    if (tk[i].kind != EX_WORD || tk[i].is_cap || n < 4 || strcmp(tk[i].lower + n - 2, "ed"))
        return false;
    size_t from, count = kg_ex_cues_starting(&ex->lexicon, tk[i].lower, &from);
    for (size_t j = from; j < from + count; j++) {
        const ex_cue *cue = &ex->lexicon.cues[ex->lexicon.by_word[j]];
        if (cue->kind != EX_CUE_EDGE || !cue->is_reverse || cue->count != 1 ||
            cue->structure || !kg_ex_cue_matches(cue, tk, i, end))
            continue;
        const kg_edge_type *et = kg_schema_edge_type(ex->schema, cue->type);
        if (et->allows_any_source)
            continue; /* "supported", "replaced": any name, no sign of a document */
        for (size_t k = 0; k < et->source_type_count; k++)
            if (et->source_types[k] == type)
                return true;
    }
    return false;
}

/* Length of the common prefix of a and b (ASCII bytes, case kept). */
static size_t common_prefix(const char *a, size_t na, const char *b, size_t nb)
{
    size_t n = 0;
    while (n < na && n < nb && a[n] == b[n])
        n++;
    return n;
}

/* The country whose name the word w (n bytes) is the adjective of, from
 * the iso-codes names alone: w ends as demonyms do ("-an", "-ian", "-ish",
 * "-ese", "-i") and either starts the first word of a country's name
 * ("Afghan": Afghanistan) or holds that word less its last two letters
 * ("Norwegian": Norw-ay, "Iraqi": Iraq); the longest such match wins, a tie
 * gives none. EX_NO_ENTITY when none. */
static size_t demonym_country(const kg_extractor *ex, const char *w, size_t n)
{
    static const char *const endings[] = {"an", "ian", "ish", "ese", "i", NULL};
    bool ends = false;
    for (const char *const *e = endings; *e && !ends; e++) {
        size_t k = strlen(*e);
        ends = n > k + 3 && memcmp(w + n - k, *e, k) == 0;
    }
    if (!ends)
        return EX_NO_ENTITY;
    size_t best = EX_NO_ENTITY, best_len = 0;
    bool tie = false;
    for (size_t i = 0; i < ex->country_codes.capacity; i++) {
        if (!ex->country_codes.slots[i].key)
            continue;
        size_t c = kg_ex_resolve(ex, ex->country_codes.slots[i].entity);
        const ex_entity *e = &ex->entities[c];
        for (size_t k = 0; k <= e->alias_count; k++) {
            const char *name = k ? e->aliases[k - 1] : e->label;
            size_t fw = strcspn(name, " ,-");
            size_t l = common_prefix(w, n, name, fw);
            if (l < 4 || (l < n && l + 2 < fw) || (l == n && n < 6 && l < fw))
                continue; /* "Roman" is no Romania */
            if (l > best_len) {
                best = c;
                best_len = l;
                tie = false;
            } else if (l == best_len && c != best) {
                tie = true;
            }
        }
    }
    return tie ? EX_NO_ENTITY : best;
}

/* "the Afghan Ministry of the Interior": the first word of a name is the
 * adjective of a country; it becomes a name of that country, so the name
 * is the country's (by the <prefix> cues, as "Afghanistan Ministry" would
 * be). */
static kg_status demonym_alias(kg_extractor *ex, const ex_text *t, size_t a, size_t b)
{
    const ex_token *tk = t->tokens;
    if (b < a + 2 || tk[a].kind != EX_WORD || !tk[a].is_cap || tk[a].is_allcaps ||
        tk[a + 1].is_joined || in_list(tk[a].lower, function_words))
        return KG_OK;
    const char *w = t->text + tk[a].start;
    size_t n = tk[a].end - tk[a].start;
    if (kg_ex_names_find(&ex->names, w, n) != EX_NO_ENTITY)
        return KG_OK;
    size_t country = demonym_country(ex, w, n);
    if (country == EX_NO_ENTITY)
        return KG_OK;
    char key[64];
    if (n >= sizeof key)
        return KG_OK;
    memcpy(key, w, n);
    key[n] = '\0';
    return kg_ex_entity_alias(ex, country, key);
}

/* "the Rivers Pact signed in Vienna": a name, a participle of an edge cue
 * that the name's type may be the source of, "in" and a name; the whole is
 * another name of the same thing (the place names which one). */
static kg_status participle_alias(kg_extractor *ex, const ex_text *t, size_t b, size_t last,
                                  size_t a, size_t entity)
{
    const ex_token *tk = t->tokens;
    if (entity == EX_NO_ENTITY || b + 2 >= last ||
        !source_participle(ex, tk, b, last, ex->entities[entity].type) ||
        strcmp(tk[b + 1].lower, "in") || tk[b + 2].kind != EX_WORD || !tk[b + 2].is_cap ||
        tk[b + 2].is_joined || in_list(tk[b + 2].lower, month_words))
        return KG_OK;
    size_t place, known = kg_ex_known_length(ex, t, b + 2, last, &place);
    size_t end = known ? b + 2 + known : name_end(ex, t, b + 2, last);
    char key[EX_KEY_MAX];
    if (!kg_ex_key(t->text, tk, a, end, key, sizeof key))
        return KG_OK;
    return kg_ex_entity_alias(ex, entity, key);
}

static kg_status sentence_names(kg_extractor *ex, uint32_t text, size_t first, size_t last)
{
    const ex_text *t = &ex->texts[text];
    const ex_token *tk = t->tokens;
    kg_status hs = heading_name(ex, text, first, last);
    if (hs != KG_OK)
        return hs;
    /* the first word of a sentence (after list marks) is capitalised anyway */
    size_t lead = first;
    while (lead < last && tk[lead].kind == EX_PUNCT)
        lead++;
    for (size_t i = lead; i < last;) {
        size_t known_entity;
        size_t known = kg_ex_known_length(ex, t, i, last, &known_entity);
        size_t a = i, b = i;
        if (starts_name(t, lead, i, last)) {
            b = name_end(ex, t, i, last);
            bool opens = a == lead || (a > first && tk[a - 1].kind == EX_PUNCT &&
                                       t->text[tk[a - 1].start] == ':');
            bool is_head = type_by_cues(ex, tk, a, a + 1) != KG_SCHEMA_NOT_FOUND;
            if (b > a + 1 && !tk[a].is_allcaps &&
                (in_list(tk[a].lower, function_words) ||
                 (opens && !is_head &&
                  (is_lower_word(ex, &tk[a]) || starts_edge_cue(ex, tk, a, b))))) {
                a++; /* "Relations between ...", "The Council", "Signature of X" */
                while (a < b && !tk[a].is_cap)
                    a++;
            }
        }
        if (b > a && head_noun_after(ex, t, a, b, last))
            b++; /* "the Oslo Accords arrangements", "the Alpine region" */
        if (known >= b - i && known > 0) {
            kg_status st = participle_alias(ex, t, i + known, last, i, known_entity);
            if (st != KG_OK)
                return st;
            i += known;
            continue;
        }
        if (b <= a) {
            i = b > i ? b : i + 1;
            continue;
        }
        size_t entity;
        kg_status st = classify_name(ex, text, lead, a, b, &entity);
        if (st == KG_OK)
            st = acronym(ex, text, a, b, last, entity);
        if (st != KG_OK)
            return st;
        retype_by_head(ex, t, b, last, entity);
        st = participle_alias(ex, t, b, last, a, entity);
        if (st == KG_OK && entity != EX_NO_ENTITY)
            st = demonym_alias(ex, t, a, b);
        if (st != KG_OK)
            return st;
        i = b;
    }
    return KG_OK;
}

/* Words that end a noun phrase on its left: besides the function words,
 * auxiliaries and a few words that are never modifiers. */
static const char *const phrase_stops[] = {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "may", "might", "shall", "should", "must", "do", "does", "did", "not",
    "no", "into", "onto", "per", "about", "via", "like", "if", "than", "but", "nor", "yet",
    "so", "whose", "whom", "including", "namely", "either", "every", "any", "another",
    "several", "many", "few", "more", "most", "very", "an", "one", "same", "so-called", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "see", NULL};

static bool is_phrase_stop(const ex_token *tok)
{
    if (tok->kind != EX_WORD)
        return true;
    if (tok->is_digit)
        return false;
    if (in_list(tok->lower, function_words) || in_list(tok->lower, phrase_stops))
        return true; /* also "The", "Since" opening a sentence */
    if (tok->is_cap)
        return in_list(tok->lower, month_words);
    size_t n = strlen(tok->lower);
    /* a past participle is more often the verb than a modifier
     * ("the Council adopted new guidelines") */
    if (n > 3 && tok->lower[n - 2] == 'e' && tok->lower[n - 1] == 'd')
        return true;
    return false;
}

static bool is_determiner(const ex_token *tok)
{
    static const char *const determiners[] = {"the", "a", "an", "its", "their", "this", "these",
                                              "that", "his", "her", "our", "each", NULL};
    return tok->kind == EX_POSS || in_list(tok->lower, determiners);
}

/* Whether the word at v looks like a verb in the present tense: a
 * determiner follows ("the arrangements provide the basis"), or it ends in
 * "s" and a name follows ("the dialogue covers Lowland"). */
static bool is_verb_after(const ex_text *t, size_t v, size_t end)
{
    const ex_token *tk = t->tokens;
    size_t n = strlen(tk[v].lower);
    if (v + 1 >= end || n < 3)
        return false;
    if (is_determiner(&tk[v + 1]))
        return true; /* "the arrangements provide the basis" */
    return tk[v].lower[n - 1] == 's' && tk[v + 1].is_cap && tk[v + 1].kind == EX_WORD;
}

/* The node cue (of any type) ending at token h, its first token in *start;
 * a plural head matches a one-word cue ("exercises", "summits"). */
static size_t head_cue(const kg_extractor *ex, const ex_token *tk, size_t first, size_t h,
                       size_t *start)
{
    for (size_t s = h + 1; s-- > first && h + 1 - s <= EX_CUE_TOKENS_MAX;) {
        size_t from, n = kg_ex_cues_starting(&ex->lexicon, tk[s].lower, &from);
        for (size_t j = from; j < from + n; j++) {
            const ex_cue *cue = &ex->lexicon.cues[ex->lexicon.by_word[j]];
            if (cue->kind == EX_CUE_NODE && s + cue->count == h + 1 &&
                kg_ex_cue_matches(cue, tk, s, h + 1)) {
                *start = s;
                return cue->type;
            }
        }
    }
    size_t n = strlen(tk[h].lower);
    if (n < 4 || tk[h].lower[n - 1] != 's' || n >= sizeof tk[h].lower)
        return KG_SCHEMA_NOT_FOUND;
    ex_token singular = tk[h];
    singular.lower[n - 1] = '\0';
    singular.is_joined = false;
    size_t from, count = kg_ex_cues_starting(&ex->lexicon, singular.lower, &from);
    for (size_t j = from; j < from + count; j++) {
        const ex_cue *cue = &ex->lexicon.cues[ex->lexicon.by_word[j]];
        if (cue->kind == EX_CUE_NODE && cue->count == 1 &&
            kg_ex_cue_matches(cue, &singular, 0, 1)) {
            *start = h;
            return cue->type;
        }
    }
    return KG_SCHEMA_NOT_FOUND;
}

/* A name that its own words do not type, followed by a closing quote or
 * its acronym and a lower-case head noun, takes the head's type: the
 * “Lakeside” arrangements, the Heavy Lift Air (HLA) fleet. */
static void retype_by_head(kg_extractor *ex, const ex_text *t, size_t b, size_t end,
                           size_t entity)
{
    const ex_token *tk = t->tokens;
    if (entity == EX_NO_ENTITY || b >= end)
        return;
    ex_entity *e = &ex->entities[entity];
    if (e->is_known || (strcmp(e->rule, "capitalised") && strcmp(e->rule, "personal-name") &&
                        strcmp(e->rule, "acronym")))
        return;
    const char *c = t->text + tk[b].start;
    size_t h;
    if (tk[b].kind == EX_PUNCT && (*c == '"' || *c == '\'' || !strncmp(c, "\xe2\x80\x9d", 3) ||
                                   !strncmp(c, "\xe2\x80\x99", 3)))
        h = b + 1;
    else if (*c == '(' && b + 3 < end && tk[b + 1].is_allcaps && t->text[tk[b + 2].start] == ')')
        h = b + 3;
    else
        return;
    if (h >= end || tk[h].kind != EX_WORD || tk[h].is_cap || tk[h].is_joined ||
        (h + 1 < end && tk[h + 1].is_joined) ||
        (h + 1 < end && tk[h + 1].kind == EX_WORD && !tk[h + 1].is_cap &&
         !is_phrase_stop(&tk[h + 1]) && !is_verb_after(t, h + 1, end)))
        return;
    size_t s, type = head_cue(ex, tk, h, h, &s);
    if (type == KG_SCHEMA_NOT_FOUND)
        return;
    e->type = type;
    e->rule = "cue-word";
    e->confidence = 0.5;
}

/* End of the complement after a head noun at h: "of", "for", "on" and a
 * name or up to three lower-case words ("exchange of letters", "statement
 * on the Western Isles"); "in" and a name when the schema lets a name of
 * this type hold a place ("summit in Lakeport"). h + 1 when none. */
static size_t complement_end(const kg_extractor *ex, const ex_text *t, size_t h, size_t end,
                             size_t type, bool lower_ok)
{
    const ex_token *tk = t->tokens;
    size_t p = h + 1;
    if (p + 1 >= end || tk[p].kind != EX_WORD || tk[p].is_cap)
        return h + 1;
    bool is_in = strcmp(tk[p].lower, "in") == 0;
    if (!is_in && strcmp(tk[p].lower, "of") && strcmp(tk[p].lower, "for") &&
        strcmp(tk[p].lower, "on"))
        return h + 1;
    if (is_in && !inner_cue_for(ex, "in", type))
        return h + 1;
    size_t y = p + 1;
    if (strcmp(tk[y].lower, "the") == 0 && y + 1 < end && tk[y + 1].is_cap)
        y++;
    if (tk[y].kind == EX_WORD && tk[y].is_cap && !tk[y].is_joined && !tk[y].is_digit &&
        !in_list(tk[y].lower, month_words)) {
        size_t entity, known = kg_ex_known_length(ex, t, y, end, &entity);
        size_t b = name_end(ex, t, y, end);
        b = known > b - y ? y + known : b;
        /* "report on Ruritania relations": the name modifies a noun */
        if (b < end && tk[b].kind == EX_WORD && !tk[b].is_cap && !is_phrase_stop(&tk[b]))
            return h + 1;
        return b;
    }
    if (is_in || !lower_ok)
        return h + 1;
    size_t b = y, words = 0;
    while (b < end && words < 3 && tk[b].kind == EX_WORD && !tk[b].is_cap && !tk[b].is_digit &&
           (tk[b].is_joined || !is_phrase_stop(&tk[b]))) {
        words += !tk[b].is_joined;
        b++;
    }
    if (b < end && tk[b].is_joined)
        return h + 1; /* cut inside a hyphenated word */
    return words ? b : h + 1;
}

/* Modifiers that tell which one no more than "the" does: "the new
 * mission", "relevant exercises". */
static const char *const vague[] = {
    "new", "own", "relevant", "previous", "recent", "future", "further", "respective",
    "various", "possible", "current", "existing", "upcoming", "latest", "additional",
    "similar", "other", "next", "last", "subsequent", "earlier", "later", NULL};

static bool is_vague(const ex_token *tok)
{
    return tok->kind == EX_WORD && !tok->is_joined && in_list(tok->lower, vague);
}

/* Another name of the noun phrase [a, b) (modifiers [a, s), head h): the
 * phrase without a complement that is a name, when two or more modifiers
 * make the rest a name by itself ("an extraordinary virtual summit of the
 * Lake Board" is also "the extraordinary virtual summit"; "an informal
 * meeting" or "Ruritania’s annexation" tell only a kind). */
static kg_status phrase_aliases(kg_extractor *ex, const ex_text *t, size_t a, size_t s,
                                size_t h, size_t b, size_t entity)
{
    const ex_token *tk = t->tokens;
    char key[EX_KEY_MAX];
    size_t telling = 0;
    for (size_t i = a; i < s; i++)
        telling += tk[i].kind == EX_WORD && !tk[i].is_joined && !tk[i].is_cap &&
                   !tk[i].is_digit && !is_vague(&tk[i]);
    if (b > h + 2 && strcmp(tk[h + 1].lower, "of") == 0 && telling >= 2 &&
        (tk[b - 1].is_cap || tk[b - 1].is_digit) &&
        kg_ex_key(t->text, tk, a, h + 1, key, sizeof key))
        return kg_ex_entity_alias(ex, entity, key);
    return KG_OK;
}

/* Whether token h is inside an edge cue of two or more words ("off the
 * coast of", "under the command of"): a cue's word heads no noun phrase. */
static bool in_edge_cue(const kg_extractor *ex, const ex_token *tk, size_t first, size_t h,
                        size_t last)
{
    for (size_t p = h + 1; p-- > first && h - p < EX_CUE_TOKENS_MAX;) {
        size_t from, n = kg_ex_cues_starting(&ex->lexicon, tk[p].lower, &from);
        for (size_t j = from; j < from + n; j++) {
            const ex_cue *cue = &ex->lexicon.cues[ex->lexicon.by_word[j]];
            if (cue->kind == EX_CUE_EDGE && !cue->structure && cue->count >= 2 &&
                p + cue->count > h && p + cue->count <= last && kg_ex_cue_matches(cue, tk, p, last))
                return true;
        }
    }
    return false;
}

/* "a non-combat advisory mission ... . Operation Linden will ...": the
 * name that opens the next sentence, when it has the phrase's type and
 * holds its head word ("Mission"), is what an indefinite phrase introduced;
 * its entity, or EX_NO_ENTITY. */
static size_t introduced_name(kg_extractor *ex, uint32_t text, size_t last, size_t h,
                              size_t type)
{
    const ex_text *t = &ex->texts[text];
    const ex_token *tk = t->tokens;
    size_t lo = 0, hi = t->sentence_count;
    while (lo < hi) { /* the first sentence starting at or after last */
        size_t mid = lo + (hi - lo) / 2;
        if (t->sentences[mid].first < last)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= t->sentence_count)
        return EX_NO_ENTITY;
    size_t k = t->sentences[lo].first, end = t->sentences[lo].last;
    while (k < end && tk[k].kind == EX_PUNCT)
        k++;
    if (k + 1 >= end || tk[k].kind != EX_WORD || !tk[k].is_cap ||
        in_list(tk[k].lower, function_words) || in_list(tk[k].lower, month_words))
        return EX_NO_ENTITY;
    size_t e = name_end(ex, t, k, end);
    bool holds = false;
    for (size_t i = k; i < e; i++)
        holds |= strcmp(tk[i].lower, tk[h].lower) == 0;
    if (e < k + 2 || !holds || type_by_cues(ex, tk, k, e) != type)
        return EX_NO_ENTITY;
    size_t named;
    if (note_name(ex, text, k, e, type, "cue-word", 0.7, &named) != KG_OK)
        return EX_NO_ENTITY;
    return named;
}

/* Lower-case noun phrases whose head noun is a node type's cue: "an
 * exchange of notes", "the joint naval exercises", "their summit in
 * Lakeport". The phrase runs from a determiner, a possessive, a
 * preposition or a punctuation mark (at most four modifiers away) to the
 * head and its complement; it needs a lower-case modifier next to the head
 * or a complement (a bare "the mission" is no name). A name and "’s" before
 * it are kept ("Ruritania’s annexation of Lowland"), with the phrase
 * without them as an alias. Lower confidence than capitalised names. */
static kg_status noun_phrases(kg_extractor *ex, uint32_t text, size_t first, size_t last)
{
    const ex_text *t = &ex->texts[text];
    const ex_token *tk = t->tokens;
    for (size_t h = first; h < last; h++) {
        if (tk[h].kind != EX_WORD || tk[h].is_cap || tk[h].is_digit || tk[h].is_joined ||
            (h + 1 < last && tk[h + 1].is_joined))
            continue;
        size_t hn = strlen(tk[h].lower);
        if (kg_ex_names_find(&ex->cue_heads, tk[h].lower, hn) == EX_NO_ENTITY &&
            (hn < 4 || tk[h].lower[hn - 1] != 's' ||
             kg_ex_names_find(&ex->cue_heads, tk[h].lower, hn - 1) == EX_NO_ENTITY))
            continue; /* no cue ends with this word */
        /* the head is the last noun: "river" in "river pollution" is none */
        if (h + 1 < last && tk[h + 1].kind == EX_WORD && !tk[h + 1].is_cap &&
            !is_phrase_stop(&tk[h + 1]) && !is_verb_after(t, h + 1, last))
            continue;
        size_t s, type = head_cue(ex, tk, first, h, &s);
        if (type == KG_SCHEMA_NOT_FOUND || in_edge_cue(ex, tk, first, h, last))
            continue;
        /* "a Lake cell" after "the Lake Cell": a known name, its head in lower case */
        for (size_t n0 = h; n0-- > first && h - n0 <= 3 && tk[n0].kind == EX_WORD &&
                            tk[n0].is_cap && !in_list(tk[n0].lower, function_words);) {
            char key[EX_KEY_MAX];
            size_t len = kg_ex_key(t->text, tk, n0, h + 1, key, sizeof key);
            size_t at = tk[h].start - tk[n0].start, named;
            if (!len || at >= len || key[at] < 'a' || key[at] > 'z')
                break;
            key[at] = (char)(key[at] - 'a' + 'A');
            if ((named = kg_ex_names_find(&ex->names, key, len)) != EX_NO_ENTITY) {
                key[at] = (char)(key[at] - 'A' + 'a');
                kg_status st = kg_ex_entity_alias(ex, kg_ex_resolve(ex, named), key);
                if (st != KG_OK)
                    return st;
                break;
            }
        }
        /* modifiers to the left, up to a boundary */
        size_t a = s, words = 0;
        bool bounded = false;
        while (a > first) {
            const ex_token *tok = &tk[a - 1];
            if (tok->is_joined && tok->kind == EX_WORD) {
                a--;
                continue;
            }
            if (is_phrase_stop(tok) || words == 4) {
                bounded = is_phrase_stop(tok);
                break;
            }
            a--;
            words++;
        }
        if (a == first)
            bounded = true;
        /* a name of two capitalised words, then a word in "-s": the name
         * is the subject ("the Lake Board funds river projects") */
        for (size_t i = a; i + 2 < s + 1 && bounded; i++)
            if (tk[i].is_cap && !tk[i].is_joined && tk[i + 1].is_cap && !tk[i + 1].is_joined &&
                i + 2 < s && !tk[i + 2].is_cap && !tk[i + 2].is_joined &&
                tk[i + 2].lower[0] && tk[i + 2].lower[strlen(tk[i + 2].lower) - 1] == 's')
                bounded = false;
        /* after "to" the first word is more often a verb: "to fund new
         * projects" */
        static const char *const subjects[] = {"to", "we", "they", "it", "he", "she", "who",
                                               "which", "i", "you", NULL};
        if (!bounded || (a > first && in_list(tk[a - 1].lower, subjects))) {
            a = s;
            words = 0;
        }
        /* "X is an informal forum": a predicate describes X, it names
         * nothing new */
        static const char *const copulas[] = {"is", "are", "was", "were", "be", "been",
                                              "remains", "remained", "becomes", "became", NULL};
        size_t det = a;
        while (det > first && det + 2 > a && is_determiner(&tk[det - 1]))
            det--;
        if (det < a && det > first && in_list(tk[det - 1].lower, copulas))
            continue;
        /* "-ing" heads are nouns after a determiner ("an informal
         * meeting"), else often verbs ("building on ...") */
        if (hn > 4 && strcmp(tk[h].lower + hn - 3, "ing") == 0 && a > first &&
            !is_determiner(&tk[a - 1]) && t->text[tk[a - 1].start] != ':')
            continue;
        bool lower_ok = true;
        for (size_t i = a; i < s; i++)
            lower_ok &= !tk[i].is_cap || (i == first && !tk[i].is_allcaps);
        size_t b = complement_end(ex, t, h, last, type, lower_ok);
        /* a cue of its own words ("exchange of notes") needs nothing more */
        bool modified = s < h || (a < s && !tk[s - 1].is_digit &&
                                  (!tk[s - 1].is_cap || (s - 1 == first && !tk[s - 1].is_allcaps)));
        /* "the new mission", "relevant exercises": these words tell
         * which one no more than "the" does */
        bool telling = false;
        for (size_t i = a; i < s; i++)
            telling |= tk[i].kind == EX_WORD && !tk[i].is_joined && !is_vague(&tk[i]);
        if ((!modified || !telling) && b == h + 1 && s == h)
            continue;
        /* "the joint exercise in 2023": a year after the head tells which
         * one (not after a complement, nor "in 2023-2024") */
        if (b == h + 1 && b + 1 < last && strcmp(tk[b].lower, "in") == 0 &&
            tk[b + 1].is_digit && tk[b + 1].end - tk[b + 1].start == 4 &&
            !(b + 2 < last && tk[b + 2].is_joined))
            b += 2;
        /* "the Union’s border agency Frontex": the phrase describes the
         * name after it (which its head types), it names nothing new */
        if (b == h + 1 && b < last && tk[b].kind == EX_WORD && tk[b].is_cap &&
            !tk[b].is_allcaps && !tk[b].is_digit && !in_list(tk[b].lower, month_words) &&
            !in_list(tk[b].lower, function_words))
            continue;
        /* "Ruritania’s annexation of Lowland" */
        size_t owner = a;
        if (a > first + 1 && tk[a - 1].kind == EX_POSS && tk[a - 2].is_cap) {
            owner = a - 1;
            while (owner > first && a - owner < 6 && tk[owner - 1].kind == EX_WORD &&
                   (tk[owner - 1].is_cap || tk[owner - 1].is_joined) &&
                   !is_phrase_stop(&tk[owner - 1]))
                owner--;
        }
        /* "LSC (the lake’s strategic command for ...)": a description
         * types the acronym before it and names nothing new */
        size_t described, open = owner;
        if (open > first && is_determiner(&tk[open - 1]) && tk[open - 1].kind == EX_WORD)
            open--;
        if (open > first + 1 && t->text[tk[open - 1].start] == '(' &&
            tk[open - 2].is_allcaps &&
            kg_ex_known_length(ex, t, open - 2, open - 1, &described) == 1) {
            ex_entity *d = &ex->entities[described];
            if (!d->is_known && strcmp(d->rule, "acronym") == 0) {
                d->type = type;
                d->rule = "context";
            }
            h = b - 1;
            continue;
        }
        /* "the Union’s naval forces (Operation Linden)", "a common policy
         * (LSP)": a name of the phrase's type in brackets after it is what
         * the phrase describes; the phrase becomes a name of it */
        size_t named, nl;
        if (b + 2 < last && t->text[tk[b].start] == '(' && tk[b + 1].kind == EX_WORD &&
            (nl = kg_ex_known_length(ex, t, b + 1, last, &named)) > 0 && b + 1 + nl < last &&
            t->text[tk[b + 1 + nl].start] == ')' && ex->entities[named].type == type) {
            char key[EX_KEY_MAX];
            kg_status st = kg_ex_key(t->text, tk, owner, b, key, sizeof key)
                               ? kg_ex_entity_alias(ex, named, key) : KG_OK;
            if (st != KG_OK)
                return st;
            h = b - 1;
            continue;
        }
        /* "a non-combat advisory mission ... . Operation Linden will" */
        if (owner == a && a > first && (strcmp(tk[a - 1].lower, "a") == 0 ||
                                         strcmp(tk[a - 1].lower, "an") == 0)) {
            size_t intro = introduced_name(ex, text, last, h, type);
            char key[EX_KEY_MAX];
            if (intro != EX_NO_ENTITY && kg_ex_key(t->text, tk, a, b, key, sizeof key)) {
                kg_status st = kg_ex_entity_alias(ex, intro, key);
                if (st != KG_OK)
                    return st;
                h = b - 1;
                continue;
            }
        }
        size_t entity, before = ex->entity_count;
        kg_status st = note_name(ex, text, owner, b, type, "noun-phrase", 0.4, &entity);
        if (st == KG_OK && entity != EX_NO_ENTITY && ex->entity_count > before && owner < a) {
            char key[EX_KEY_MAX];
            if (kg_ex_key(t->text, tk, a, b, key, sizeof key))
                st = kg_ex_entity_alias(ex, entity, key);
        }
        if (st == KG_OK && entity != EX_NO_ENTITY && ex->entity_count > before && owner == a)
            st = phrase_aliases(ex, t, a, s, h, b, entity);
        if (st == KG_OK)
            st = acronym(ex, text, a, b, last, entity);
        if (st != KG_OK)
            return st;
        /* the names inside are written even if never mentioned alone */
        for (size_t i = owner; i < b; i++) {
            size_t inner, n = tk[i].kind == EX_WORD && !tk[i].is_joined
                                  ? kg_ex_known_length(ex, t, i, b, &inner) : 0;
            if (n && inner == entity)
                n = 0;
            if (n) {
                if (ex->entities[inner].evidence_count == 0)
                    kg_ex_entity_evidence(ex, inner, text, tk[i].start, tk[i + n - 1].end);
                ex->entities[inner].is_used = true;
            }
            i += n ? n - 1 : 0;
        }
        h = b - 1;
    }
    return KG_OK;
}

kg_status kg_ex_find_names(kg_extractor *ex, uint32_t text)
{
    const ex_text *t = &ex->texts[text];
    for (size_t s = 0; s < t->sentence_count; s++) {
        kg_status st = sentence_names(ex, text, t->sentences[s].first, t->sentences[s].last);
        if (st == KG_OK)
            st = noun_phrases(ex, text, t->sentences[s].first, t->sentences[s].last);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}
