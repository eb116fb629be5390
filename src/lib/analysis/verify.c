/* verify.c - proves that each fact is grounded: every evidence quote is
 * looked up in the text of the source it cites, white space normalised.
 * A quote that is not found gets the nearest passage as a hint, so a typo in
 * a quote is fixed in seconds. Also counts coverage for `kg verify`. */
#include "kg/verify.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "kg/file.h"
#include "kg/text.h"

#define HINT_CONTEXT 120

typedef struct source_text {
    const char *id;
    char *text; /* normalised; NULL when unreadable */
} source_text;

char *kg_normalise_space(char *s)
{
    char *out = s;
    bool pending = false;
    for (const char *in = s; *in; in++) {
        if (isspace((unsigned char)*in)) {
            pending = out != s;
            continue;
        }
        if (pending)
            *out++ = ' ';
        pending = false;
        *out++ = *in;
    }
    *out = '\0';
    return s;
}

static char *fold_copy(const char *s)
{
    size_t need = kg_fold(s, NULL, 0) + 1;
    char *out = malloc(need);
    if (out)
        kg_fold(s, out, need);
    return out;
}

static kg_status load_sources(const kg_graph *g, const char *base_dir, source_text *texts,
                              kg_diagnostics *diags)
{
    kg_status result = KG_OK;
    for (size_t i = 0; i < kg_graph_source_count(g); i++) {
        const kg_source *s = kg_graph_source(g, i);
        texts[i].id = s->id;
        if (!s->file)
            continue;
        char path[4096];
        if (s->file[0] == '/' || !base_dir || !base_dir[0])
            snprintf(path, sizeof path, "%s", s->file);
        else
            snprintf(path, sizeof path, "%s/%s", base_dir, s->file);
        kg_error err;
        size_t len;
        kg_status st = kg_read_file(path, KG_DEFAULT_MAX_BYTES, &texts[i].text, &len, &err);
        if (st != KG_OK) {
            kg_diagnostics_add(diags, &err);
            result = result == KG_OK ? st : result;
            continue;
        }
        kg_normalise_space(texts[i].text);
    }
    return result;
}

static const source_text *find_text(const source_text *texts, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(texts[i].id, id) == 0)
            return &texts[i];
    return NULL;
}

/* Longest prefix of quote (in bytes) found in text; its position in *at. */
static size_t longest_found_prefix(const char *text, const char *quote, size_t len,
                                   const char **at)
{
    size_t lo = 0, hi = len;
    char *probe = malloc(len + 1);
    *at = NULL;
    if (!probe)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        memcpy(probe, quote, mid);
        probe[mid] = '\0';
        const char *hit = strstr(text, probe);
        if (hit) {
            lo = mid;
            *at = hit;
        } else {
            hi = mid - 1;
        }
    }
    free(probe);
    return lo;
}

/* Among the places where the quote's first prefix_len bytes occur, the one
 * whose following passage is closest to the whole quote (edit distance), so
 * a typo late in a quote that shares its opening words with an earlier
 * sentence still points at the right sentence. */
static const char *best_occurrence(const char *quote, size_t prefix_len, const char *first)
{
    size_t len = strlen(quote);
    char *prefix = kg_strndup(quote, prefix_len);
    char *window = malloc(len + 1);
    const char *best = first;
    size_t best_distance = (size_t)-1;
    for (const char *at = first; prefix && window && at; at = strstr(at + 1, prefix)) {
        size_t n = strnlen(at, len);
        memcpy(window, at, n);
        window[n] = '\0';
        size_t d = kg_edit_distance(window, quote, len);
        if (d < best_distance) {
            best_distance = d;
            best = at;
        }
    }
    free(prefix);
    free(window);
    return best;
}

/* The passage of text most likely meant by quote: where its longest found
 * prefix, or failing that its longest found suffix, sits. */
static void closest_passage(const char *text, const char *quote, char *out, size_t size)
{
    size_t len = strlen(quote);
    const char *at = NULL;
    size_t prefix = longest_found_prefix(text, quote, len, &at);
    if (at && prefix >= 8)
        at = best_occurrence(quote, prefix, at);
    if (prefix < 8) {
        /* Try from the middle of the quote: typos near the start are common. */
        size_t skip = len / 2;
        const char *mid_at = NULL;
        size_t found = longest_found_prefix(text, quote + skip, len - skip, &mid_at);
        if (found >= 8 && mid_at) {
            at = mid_at - (mid_at - text >= (ptrdiff_t)skip ? skip : (size_t)(mid_at - text));
            prefix = found;
        }
    }
    if (!at || prefix < 8) {
        snprintf(out, size, "no passage of the source shares its first words");
        return;
    }
    size_t span = len + 20 < HINT_CONTEXT * 2 ? len + 20 : HINT_CONTEXT * 2;
    size_t avail = strlen(at);
    if (span > avail)
        span = avail;
    while (span < avail && (at[span] & 0xC0) == 0x80)
        span++; /* do not cut a UTF-8 sequence */
    snprintf(out, size, "closest passage: \"%.*s%s\"", (int)span, at, span < avail ? "..." : "");
}

static void report_missing(const char *dataset_name, const char *pointer, const char *text,
                           const char *quote, kg_diagnostics *diags)
{
    kg_error e;
    kg_error_clear(&e);
    e.status = KG_EINPUT;
    snprintf(e.file, sizeof e.file, "%s", dataset_name ? dataset_name : "");
    snprintf(e.pointer, sizeof e.pointer, "%s", pointer);
    snprintf(e.message, sizeof e.message, "quote not found in its source");
    if (text)
        closest_passage(text, quote, e.hint, sizeof e.hint);
    else
        snprintf(e.message, sizeof e.message, "quote cites a source with no readable file");
    kg_diagnostics_add(diags, &e);
}

/* Checks one element's quotes; its pointer is `array`/origin
 * (/relations/3). */
static kg_status check_quotes(const kg_evidence *ev, uint32_t count, const char *array,
                              uint32_t origin, const source_text *texts, size_t text_count,
                              const char *dataset_name, kg_verify_report *r,
                              kg_diagnostics *diags)
{
    char base[64];
    snprintf(base, sizeof base, "%s/%u", array, origin);
    kg_status result = KG_OK;
    for (uint32_t k = 0; k < count; k++) {
        const source_text *src = find_text(texts, text_count, ev[k].source);
        char *quote = kg_strdup(ev[k].quote);
        if (!quote)
            return KG_ENOMEM;
        kg_normalise_space(quote);
        r->quotes++;
        if (src && src->text && quote[0] && strstr(src->text, quote)) {
            r->quotes_found++;
        } else {
            char pointer[KG_ERROR_POINTER_MAX];
            snprintf(pointer, sizeof pointer, "%s/evidence/%u/quote", base, k);
            report_missing(dataset_name, pointer, src ? src->text : NULL, quote, diags);
            result = KG_EINPUT;
        }
        free(quote);
    }
    return result;
}

/* True when the folded label or an alias occurs in some folded quote. */
static bool is_mentioned(const kg_node *node, char *const *quotes, size_t n)
{
    for (uint32_t a = 0; a <= node->alias_count; a++) {
        const char *name = a == 0 ? node->label : node->aliases[a - 1];
        char folded[512];
        if (kg_fold(name, folded, sizeof folded) >= sizeof folded || !folded[0])
            continue;
        for (size_t q = 0; q < n; q++)
            if (strstr(quotes[q], folded))
                return true;
    }
    return false;
}

/* Collects every quote (folded), then lists entities none of them names. */
static kg_status find_unmentioned(const kg_graph *g, kg_verify_report *r)
{
    size_t n = 0, cap = 0;
    for (size_t j = 0; j < kg_graph_edge_count(g); j++)
        cap += kg_graph_edge(g, j)->evidence_count;
    for (size_t i = 0; i < kg_graph_node_count(g); i++)
        cap += kg_graph_node(g, i)->evidence_count;
    char **quotes = calloc(cap + 1, sizeof *quotes);
    r->unmentioned = calloc(kg_graph_node_count(g) + 1, sizeof *r->unmentioned);
    kg_status st = quotes && r->unmentioned ? KG_OK : KG_ENOMEM;
    for (size_t j = 0; st == KG_OK && j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        for (uint32_t k = 0; st == KG_OK && k < e->evidence_count; k++)
            st = (quotes[n++] = fold_copy(e->evidence[k].quote)) ? KG_OK : KG_ENOMEM;
    }
    for (size_t i = 0; st == KG_OK && i < kg_graph_node_count(g); i++) {
        const kg_node *node = kg_graph_node(g, i);
        for (uint32_t k = 0; st == KG_OK && k < node->evidence_count; k++)
            st = (quotes[n++] = fold_copy(node->evidence[k].quote)) ? KG_OK : KG_ENOMEM;
    }
    for (size_t i = 0; st == KG_OK && i < kg_graph_node_count(g); i++)
        if (!is_mentioned(kg_graph_node(g, i), quotes, n))
            r->unmentioned[r->unmentioned_count++] = kg_graph_node(g, i)->id;
    for (size_t q = 0; quotes && q < n; q++)
        free(quotes[q]);
    free(quotes);
    return st;
}

static void count_coverage(const kg_graph *g, kg_verify_report *r)
{
    r->relations = kg_graph_edge_count(g);
    r->entities = kg_graph_node_count(g);
    for (size_t j = 0; j < r->relations; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        r->relations_with_evidence += e->evidence_count > 0;
        r->relations_with_dates += e->start.precision || e->end.precision;
    }
    for (size_t i = 0; i < r->entities; i++) {
        const kg_node *node = kg_graph_node(g, i);
        r->entities_with_dates += node->start.precision || node->end.precision;
    }
}

kg_status kg_verify(const kg_graph *g, const char *base_dir, const char *dataset_name,
                    kg_verify_report *r, kg_diagnostics *diags)
{
    memset(r, 0, sizeof *r);
    size_t n = kg_graph_source_count(g);
    source_text *texts = calloc(n + 1, sizeof *texts);
    if (!texts)
        return KG_ENOMEM;
    kg_status st = load_sources(g, base_dir, texts, diags);
    kg_status grounded = KG_OK;
    for (size_t j = 0; st != KG_ENOMEM && j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        kg_status q = check_quotes(e->evidence, e->evidence_count, "/relations", e->origin,
                                   texts, n, dataset_name, r, diags);
        grounded = grounded == KG_OK ? q : grounded;
    }
    for (size_t i = 0; st != KG_ENOMEM && i < kg_graph_node_count(g); i++) {
        const kg_node *node = kg_graph_node(g, i);
        kg_status q = check_quotes(node->evidence, node->evidence_count, "/entities",
                                   node->origin, texts, n, dataset_name, r, diags);
        grounded = grounded == KG_OK ? q : grounded;
    }
    count_coverage(g, r);
    kg_status mentioned = find_unmentioned(g, r);
    for (size_t i = 0; i < n; i++) {
        free(texts[i].text);
    }
    free(texts);
    if (mentioned == KG_ENOMEM || grounded == KG_ENOMEM)
        return KG_ENOMEM;
    return st != KG_OK ? st : grounded;
}

void kg_verify_report_clear(kg_verify_report *r)
{
    free(r->unmentioned);
    memset(r, 0, sizeof *r);
}
