/* lexicon.c - the extractor's cue tables, read from the schema: per node
 * type the words that make a name that type ("Agency") and the words before
 * a name that do ("in" for a place); per edge type the phrases that state
 * it, forwards ("led by") or backwards ("-led", "took over from"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

/* Bit mask of the comma-separated node type names in [s, end). */
static uint64_t type_mask(const kg_schema *schema, const char *s, const char *end)
{
    uint64_t mask = 0;
    while (s < end) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        const char *stop = comma ? comma : end;
        char name[65];
        size_t len = (size_t)(stop - s) < 64 ? (size_t)(stop - s) : 64;
        memcpy(name, s, len);
        name[len] = '\0';
        size_t t = kg_schema_find_node_type(schema, name);
        if (t < 64)
            mask |= (uint64_t)1 << t;
        s = stop + 1;
    }
    return mask;
}

static const char *const structures[] = {"", "<adjacent>", "<prefix>", "<inner>", "<comma>",
                                         "<heading>", "<frame>",
                                         "<frame-subject>", "<suffix>", "<pair>",
                                         "<possessive>", "<including>"};

static kg_status add_cue(ex_lexicon *lx, const kg_schema *schema, ex_cue_kind kind,
                         const char *phrase, size_t type, bool is_reverse)
{
    ex_cue cue;
    memset(&cue, 0, sizeof cue);
    cue.kind = kind;
    cue.type = type;
    cue.is_reverse = is_reverse;
    const char *at = strstr(phrase, " @");
    size_t len = at ? (size_t)(at - phrase) : strlen(phrase);
    if (at) {
        const char *end = at + strlen(at), *gt = strchr(at, '>');
        cue.left_types = type_mask(schema, at + 2, gt ? gt : end);
        cue.right_types = gt ? type_mask(schema, gt + 1, end) : 0;
    }
    for (uint8_t k = 1; k < sizeof structures / sizeof structures[0]; k++)
        if (len == strlen(structures[k]) && strncmp(phrase, structures[k], len) == 0)
            cue.structure = k;
    /* "<of>", "<on>", "<for>": a name after that word inside a name */
    if (!cue.structure && phrase[0] == '<' && len > 2 && len < sizeof cue.words[0] &&
        phrase[len - 1] == '>' && (len != strlen("<inner>") || strncmp(phrase, "<inner>", len))) {
        bool word = true;
        for (size_t i = 1; i + 1 < len; i++)
            word &= phrase[i] >= 'a' && phrase[i] <= 'z';
        if (word) {
            cue.structure = EX_INNER;
            memcpy(cue.words[0], phrase + 1, len - 2);
            cue.words[0][len - 2] = '\0';
        }
    }
    if (phrase[0] == '<' && !cue.structure)
        return KG_OK; /* a pattern this version does not know: ignored */
    if (!cue.structure) {
        char words[256];
        snprintf(words, sizeof words, "%.*s", (int)len, phrase);
        const char *p = words;
        if (p[0] == '-') {
            cue.is_first_joined = true;
            p++;
        }
        ex_token *tokens = NULL;
        size_t count = 0;
        char *copy = NULL;
        if (kg_ex_tokenise_phrase(p, &tokens, &count, &copy) != KG_OK)
            return KG_ENOMEM;
        if (count == 0 || count > EX_CUE_TOKENS_MAX) {
            free(tokens);
            free(copy);
            return KG_OK; /* nothing to match, or too long to be a cue */
        }
        for (size_t i = 0; i < count; i++)
            memcpy(cue.words[i], tokens[i].lower, sizeof cue.words[i]);
        cue.count = (uint8_t)count;
        free(tokens);
        free(copy);
    }
    if (lx->count == lx->capacity) {
        size_t grown = lx->capacity ? lx->capacity * 2 : 128;
        ex_cue *more = realloc(lx->cues, grown * sizeof *more);
        if (!more)
            return KG_ENOMEM;
        lx->cues = more;
        lx->capacity = grown;
    }
    lx->cues[lx->count++] = cue;
    return KG_OK;
}

static kg_status add_list(ex_lexicon *lx, const kg_schema *schema, ex_cue_kind kind, const char *const *list, size_t n,
                          size_t type, bool is_reverse)
{
    for (size_t i = 0; i < n; i++)
        if (add_cue(lx, schema, kind, list[i], type, is_reverse) != KG_OK)
            return KG_ENOMEM;
    return KG_OK;
}

/* Longer cues first, so the longest phrase wins; ties keep schema order. */
static int compare_cues(const void *a, const void *b)
{
    const ex_cue *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return 0;
}

typedef struct word_index {
    const char *word;
    size_t index;
} word_index;

static int compare_by_word(const void *a, const void *b)
{
    const word_index *x = a, *y = b;
    int c = strcmp(x->word, y->word);
    return c ? c : (x->index < y->index ? -1 : x->index > y->index);
}

kg_status kg_ex_lexicon_load(ex_lexicon *lx, const kg_schema *schema)
{
    memset(lx, 0, sizeof *lx);
    for (size_t i = 0; i < kg_schema_node_type_count(schema); i++) {
        const kg_node_type *t = kg_schema_node_type(schema, i);
        if (add_list(lx, schema, EX_CUE_NODE, t->cues, t->cue_count, i, false) != KG_OK ||
            add_list(lx, schema, EX_CUE_CONTEXT, t->context, t->context_count, i, false) != KG_OK)
            return KG_ENOMEM;
    }
    for (size_t i = 0; i < kg_schema_edge_type_count(schema); i++) {
        const kg_edge_type *t = kg_schema_edge_type(schema, i);
        if (add_list(lx, schema, EX_CUE_EDGE, t->cues, t->cue_count, i, false) != KG_OK ||
            add_list(lx, schema, EX_CUE_EDGE, t->reverse_cues, t->reverse_cue_count, i, true) != KG_OK)
            return KG_ENOMEM;
    }
    for (size_t i = 0; i < lx->count; i++)
        lx->cues[i].order = i;
    if (lx->count)
        qsort(lx->cues, lx->count, sizeof *lx->cues, compare_cues);
    lx->by_word = malloc((lx->count + 1) * sizeof *lx->by_word);
    if (!lx->by_word)
        return KG_ENOMEM;
    word_index *pairs = malloc((lx->count + 1) * sizeof *pairs);
    if (!pairs)
        return KG_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < lx->count; i++)
        if (!lx->cues[i].structure)
            pairs[n++] = (word_index){lx->cues[i].words[0], i};
    if (n)
        qsort(pairs, n, sizeof *pairs, compare_by_word);
    for (size_t i = 0; i < n; i++)
        lx->by_word[i] = pairs[i].index;
    lx->by_word_count = n;
    free(pairs);
    return KG_OK;
}

size_t kg_ex_cues_starting(const ex_lexicon *lx, const char *word, size_t *first)
{
    size_t lo = 0, hi = lx->by_word_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(lx->cues[lx->by_word[mid]].words[0], word) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    size_t end = lo;
    while (end < lx->by_word_count && strcmp(lx->cues[lx->by_word[end]].words[0], word) == 0)
        end++;
    return end - lo;
}

void kg_ex_lexicon_free(ex_lexicon *lx)
{
    free(lx->cues);
    free(lx->by_word);
    memset(lx, 0, sizeof *lx);
}

bool kg_ex_cue_matches(const ex_cue *cue, const ex_token *tokens, size_t at, size_t end)
{
    if (cue->structure || at + cue->count > end)
        return false;
    for (size_t i = 0; i < cue->count; i++) {
        const ex_token *tok = &tokens[at + i];
        if (tok->kind == EX_PUNCT || strcmp(tok->lower, cue->words[i]) != 0)
            return false;
        if (i == 0 && cue->is_first_joined != tok->is_joined)
            return false;
        if (i > 0 && tok->is_joined && tok->kind == EX_WORD)
            return false;
    }
    /* a cue ends at a word boundary: "in" must not match "in-house" */
    return !(at + cue->count < end && tokens[at + cue->count].is_joined);
}
