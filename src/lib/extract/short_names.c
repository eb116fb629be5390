/* short_names.c - between the two passes, names that stand for other
 * names: a short name that one longer name continues ("the second Pact" for
 * "the second Pact on Rivers", "Lakeport" for "Lakeport D.C."), "the
 * Agreement on the Lake Arrangements" and "the Lake Arrangements", and
 * acronyms the text never defines ("UN" for the one name "United Nations"). */
#include <stdlib.h>
#include <string.h>

#include "extractor.h"

/* Whether `label` starts with `shorter` (of two words or more) and then
 * " of ", " on ", " in ", " for " or " at " ("second Pact on Rivers" after
 * "second Pact"), or with `shorter` and an initialism ("Washington D.C."). */
static bool continues_with_complement(const char *label, const char *shorter)
{
    static const char *const words[] = {" of ", " on ", " in ", " for ", " at ", NULL};
    size_t n = strlen(shorter);
    if (strncmp(label, shorter, n) != 0)
        return false;
    /* "Washington D.C.": an initialism after the name */
    if (label[n] == ' ' && strchr(label + n + 1, '.') && !strchr(label + n + 1, ' '))
        return true;
    if (!strchr(shorter, ' '))
        return false; /* one word and a complement: "Council of Europe" is no "Council" */
    for (const char *const *w = words; *w; w++)
        if (strncmp(label + n, *w, strlen(*w)) == 0)
            return true;
    return false;
}

/* Merges entity e into entity into: its label becomes an alias there. */
static kg_status merge_into(kg_extractor *ex, size_t e, size_t into)
{
    ex_entity *to = &ex->entities[into];
    char **more = realloc(to->aliases, (to->alias_count + 1) * sizeof *more);
    if (!more)
        return KG_ENOMEM;
    to->aliases = more;
    if (!(more[to->alias_count] = strdup(ex->entities[e].label)))
        return KG_ENOMEM;
    to->alias_count++;
    ex->merged_into[e] = into;
    return KG_OK;
}

/* Whether the words of label (space-separated) have the capitals of
 * acronym (n letters) as initials, lower-case words skipped: "United
 * Nations" is UN. Two words at least. */
static bool initials_are(const char *label, const char *acronym, size_t n)
{
    size_t k = 0, words = 0;
    for (const char *p = label; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (*p >= 'A' && *p <= 'Z') {
            if (k >= n || *p != acronym[k])
                return false;
            k++;
            words++;
        } else if (!(*p >= 'a' && *p <= 'z')) {
            return false; /* digits, marks: no plain name */
        }
        p += strcspn(p, " ");
    }
    return k == n && words >= 2;
}

/* An acronym the text never defines, opening a name ("UN Mission in
 * Kosovo") or alone: the one known name of two or more capitalised words
 * whose initials it is ("United Nations") takes it as an alias. */
static kg_status implicit_acronyms(kg_extractor *ex)
{
    size_t count = ex->entity_count;
    for (size_t e = 0; e < count; e++) {
        /* each all-capitals word of the label, hyphen parts too ("AU-EU summit") */
        for (const char *w = ex->entities[e].label; *w;) {
            size_t n = strcspn(w, " -");
            const char *next = w[n] ? w + n + 1 : w + n;
            bool caps = n >= 2 && n <= 6;
            for (size_t i = 0; caps && i < n; i++)
                caps = w[i] >= 'A' && w[i] <= 'Z';
            if (!caps || kg_ex_names_find(&ex->names, w, n) != EX_NO_ENTITY) {
                w = next;
                continue;
            }
            char acronym[8];
            memcpy(acronym, w, n);
            acronym[n] = '\0';
            size_t found = EX_NO_ENTITY;
            bool unique = true;
            for (size_t l = 0; l < count && unique; l++) {
                if (ex->merged_into[l] != l || !initials_are(ex->entities[l].label, acronym, n))
                    continue;
                unique = found == EX_NO_ENTITY;
                found = l;
            }
            if (found != EX_NO_ENTITY && unique) {
                kg_status st = KG_OK;
                if (w == ex->entities[e].label && w[n] == '\0' && ex->merged_into[e] == e &&
                    !strcmp(ex->entities[e].rule, "acronym"))
                    st = merge_into(ex, e, found); /* the bare acronym */
                if (st == KG_OK)
                    st = kg_ex_entity_alias(ex, found, acronym);
                if (st != KG_OK)
                    return st;
            }
            w = next;
        }
    }
    return KG_OK;
}

kg_status kg_ex_short_names(kg_extractor *ex)
{
    kg_status ist = implicit_acronyms(ex);
    if (ist != KG_OK)
        return ist;
    /* "the Agreement on the Lake Arrangements" and "the Lake Arrangements"
     * are one thing: a cue word of the type, "on" or "of", and a name of the
     * same type (which becomes an alias of the whole) */
    for (size_t e = 0; e < ex->entity_count; e++) {
        const ex_entity *o = &ex->entities[e];
        const char *sp = strchr(o->label, ' ');
        if (ex->merged_into[e] != e || o->is_known || !sp ||
            (strncmp(sp, " on ", 4) && strncmp(sp, " of ", 4)))
            continue;
        /* the first word is a cue of the type ("Agreement"), not "Rule of Law Mission" */
        char first[24];
        size_t fl = (size_t)(sp - o->label);
        if (fl >= sizeof first)
            continue;
        for (size_t i = 0; i < fl; i++)
            first[i] = (char)(o->label[i] >= 'A' && o->label[i] <= 'Z' ? o->label[i] + 32
                                                                       : o->label[i]);
        first[fl] = '\0';
        bool cue = false;
        size_t from, n = kg_ex_cues_starting(&ex->lexicon, first, &from);
        for (size_t j = from; j < from + n && !cue; j++) {
            const ex_cue *c = &ex->lexicon.cues[ex->lexicon.by_word[j]];
            cue = c->kind == EX_CUE_NODE && c->count == 1 && c->type == o->type;
        }
        const char *rest = sp + 4;
        if (!strncmp(rest, "the ", 4))
            rest += 4;
        if (!cue)
            continue;
        size_t inner = kg_ex_names_find(&ex->names, rest, strlen(rest));
        if (inner == EX_NO_ENTITY)
            continue;
        inner = kg_ex_resolve(ex, inner);
        if (inner != e && ex->entities[inner].type == o->type && !ex->entities[inner].is_known) {
            kg_status st = merge_into(ex, inner, e);
            if (st != KG_OK)
                return st;
        }
    }
    for (size_t e = 0; e < ex->entity_count; e++) {
        ex_entity *s = &ex->entities[e];
        if (ex->merged_into[e] != e || s->is_known ||
            !strcmp(s->rule, "country-list") || !strcmp(s->rule, "place-list") ||
            !strcmp(s->rule, "noun-phrase"))
            continue; /* "a joint statement" is any statement */
        size_t longer = EX_NO_ENTITY;
        bool unique = true;
        for (size_t l = 0; l < ex->entity_count && unique; l++) {
            if (l == e || ex->merged_into[l] != l || ex->entities[l].type != s->type ||
                !continues_with_complement(ex->entities[l].label, s->label))
                continue;
            unique = longer == EX_NO_ENTITY;
            longer = l;
        }
        if (longer == EX_NO_ENTITY || !unique)
            continue;
        kg_status st = merge_into(ex, e, longer);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}
