/* coordination.c - coordinated names that share a head: "the Presidents of
 * the Danube Commission and the Sava Commission" mentions "President of the
 * Danube Commission" and "President of the Sava Commission" when the texts
 * name those elsewhere. No word list: the plural is the title's own word
 * with a final "s", and the singular names must be known. */
#include <string.h>

#include "coordination.h"

/* The entity named by the mention's words with its first word's final "s"
 * dropped ("Presidents of the X" -> "President of the X"); *head is set
 * to that singular key's length up to and including " of " or " of the ". */
static size_t singular(const kg_extractor *ex, const ex_text *t, const ex_mention *m,
                       char *key, size_t size, size_t *head)
{
    const ex_token *tk = t->tokens;
    size_t n = m->last - m->first;
    if (n < 3 || !tk[m->first].is_cap || tk[m->first].kind != EX_WORD ||
        strcmp(tk[m->first + 1].lower, "of") != 0)
        return EX_NO_ENTITY;
    size_t word = tk[m->first].end - tk[m->first].start;
    if (word < 4 || t->text[tk[m->first].end - 1] != 's' || t->text[tk[m->first].end - 2] == 's')
        return EX_NO_ENTITY;
    size_t len = kg_ex_key(t->text, tk, m->first, m->last, key, size);
    if (!len)
        return EX_NO_ENTITY;
    memmove(key + word - 1, key + word, len - word + 1); /* drop the "s" */
    len--;
    size_t h = word - 1 + strlen(" of ");
    if (strcmp(tk[m->first + 2].lower, "the") == 0)
        h += strlen("the ");
    *head = h;
    return kg_ex_names_find(&ex->names, key, len);
}

void kg_ex_distribute_titles(const kg_extractor *ex, const ex_text *t, ex_mention *m,
                             uint32_t *quote, size_t count)
{
    const ex_token *tk = t->tokens;
    for (size_t k = 0; k < count; k++) {
        char key[EX_KEY_MAX];
        size_t head = 0;
        size_t title = singular(ex, t, &m[k], key, sizeof key, &head);
        if (title == EX_NO_ENTITY)
            continue;
        m[k].entity = title;
        /* "... and [the] B": "President of the B", then "President of B" */
        if (k + 1 >= count || m[k].last >= m[k + 1].first ||
            strcmp(tk[m[k].last].lower, "and") != 0)
            continue;
        size_t between = m[k + 1].first - m[k].last;
        if (between > 2 || (between == 2 && strcmp(tk[m[k].last + 1].lower, "the") != 0))
            continue;
        size_t of_end = head; /* key[0 .. of_end) is "President of " or "... of the " */
        size_t of_only = strncmp(key + of_end - 4, "the ", 4) == 0 ? of_end - 4 : of_end;
        char b[EX_KEY_MAX];
        size_t blen = kg_ex_key(t->text, tk, m[k + 1].first, m[k + 1].last, b, sizeof b);
        for (int with_the = 1; blen && with_the >= 0; with_the--) {
            size_t prefix = with_the ? of_only + 4 : of_only;
            if (prefix + blen + 1 > sizeof key)
                break;
            if (with_the)
                memcpy(key + of_only, "the ", 4);
            memcpy(key + prefix, b, blen + 1);
            size_t other = kg_ex_names_find(&ex->names, key, prefix + blen);
            if (other != EX_NO_ENTITY) {
                m[k + 1].entity = other;
                quote[k + 1] = quote[k];
                k++;
                break;
            }
        }
    }
}
