/* names.c - the extractor's name table: every label and alias (from --known,
 * the country list and the texts) maps to one entity, looked up by its exact
 * token text; open addressing with FNV-1a, keys stored in an arena. */
#include <stdlib.h>
#include <string.h>

#include "names.h"

static uint32_t hash_key(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void kg_ex_names_init(ex_names *m, kg_arena *arena)
{
    memset(m, 0, sizeof *m);
    m->arena = arena;
}

void kg_ex_names_free(ex_names *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

static kg_status grow(ex_names *m)
{
    size_t cap = m->capacity ? m->capacity * 2 : 1024;
    ex_name_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return KG_ENOMEM;
    for (size_t i = 0; i < m->capacity; i++) {
        if (!m->slots[i].key)
            continue;
        size_t at = m->slots[i].hash & (cap - 1);
        while (slots[at].key)
            at = (at + 1) & (cap - 1);
        slots[at] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->capacity = cap;
    return KG_OK;
}

size_t kg_ex_names_find(const ex_names *m, const char *key, size_t len)
{
    if (!m->capacity)
        return EX_NO_ENTITY;
    uint32_t h = hash_key(key, len);
    for (size_t at = h & (m->capacity - 1);; at = (at + 1) & (m->capacity - 1)) {
        const ex_name_slot *s = &m->slots[at];
        if (!s->key)
            return EX_NO_ENTITY;
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
            return s->entity;
    }
}

kg_status kg_ex_names_raise(ex_names *m, const char *key, size_t len, size_t value)
{
    if (len == 0)
        return KG_OK;
    if (m->capacity) {
        uint32_t h = hash_key(key, len);
        for (size_t at = h & (m->capacity - 1); m->slots[at].key; at = (at + 1) & (m->capacity - 1)) {
            ex_name_slot *s = &m->slots[at];
            if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0) {
                if (value > s->entity)
                    s->entity = value;
                return KG_OK;
            }
        }
    }
    return kg_ex_names_add(m, key, len, value);
}

kg_status kg_ex_names_add(ex_names *m, const char *key, size_t len, size_t entity)
{
    if (len == 0 || kg_ex_names_find(m, key, len) != EX_NO_ENTITY)
        return KG_OK;
    if ((m->count + 1) * 2 > m->capacity && grow(m) != KG_OK)
        return KG_ENOMEM;
    char *copy = kg_arena_strndup(m->arena, key, len);
    if (!copy)
        return KG_ENOMEM;
    uint32_t h = hash_key(key, len);
    size_t at = h & (m->capacity - 1);
    while (m->slots[at].key)
        at = (at + 1) & (m->capacity - 1);
    m->slots[at] = (ex_name_slot){copy, len, h, entity};
    m->count++;
    return KG_OK;
}

/* The key of a token range: token texts joined by ' ', or by '-' where the
 * text glued them with a hyphen. Returns the length, 0 if it does not fit. */
size_t kg_ex_key(const char *text, const ex_token *tokens, size_t first, size_t last,
                 char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = first; i < last; i++) {
        size_t len = tokens[i].end - tokens[i].start;
        if (o + len + 2 > size)
            return 0;
        if (i > first && tokens[i].kind != EX_POSS)
            out[o++] = tokens[i].is_joined ? '-' : ' ';
        memcpy(out + o, text + tokens[i].start, len);
        o += len;
    }
    /* an initialism keeps its last full stop: "Washington D.C." */
    if (last > first && tokens[last - 1].kind == EX_WORD && o + 2 <= size &&
        text[tokens[last - 1].end] == '.' &&
        memchr(text + tokens[last - 1].start, '.', tokens[last - 1].end - tokens[last - 1].start))
        out[o++] = '.';
    out[o] = '\0';
    return o;
}
