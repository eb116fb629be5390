/* names.h - the name table of the extractor (names.c). */
#ifndef KG_EXTRACT_NAMES_H
#define KG_EXTRACT_NAMES_H

#include "extract_internal.h"

#define EX_NO_ENTITY ((size_t)-1)
#define EX_KEY_MAX 512

typedef struct ex_name_slot {
    const char *key;
    size_t len;
    uint32_t hash;
    size_t entity;
} ex_name_slot;

typedef struct ex_names {
    kg_arena *arena;
    ex_name_slot *slots;
    size_t capacity; /* power of two */
    size_t count;
} ex_names;

void kg_ex_names_init(ex_names *m, kg_arena *arena);
void kg_ex_names_free(ex_names *m);
/* The entity named key, or EX_NO_ENTITY. */
size_t kg_ex_names_find(const ex_names *m, const char *key, size_t len);
/* Adds key -> entity unless key is taken (the first claim wins). */
kg_status kg_ex_names_add(ex_names *m, const char *key, size_t len, size_t entity);
/* Adds key -> value, or raises the value of key to value if it is less. */
kg_status kg_ex_names_raise(ex_names *m, const char *key, size_t len, size_t value);
size_t kg_ex_key(const char *text, const ex_token *tokens, size_t first, size_t last,
                 char *out, size_t size);

#endif
