/* arena.c - where a graph's and a schema's strings live: a bump allocator,
 * a string set that interns them, and a string-to-index hash map. Nodes and
 * edges hold plain pointers into the arena, so no per-string malloc. */
#define _DEFAULT_SOURCE /* madvise's MADV_HUGEPAGE */
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define ARENA_BLOCK (64 * 1024)
/* Once an arena holds this much, it takes blocks of LARGE_BLOCK. */
#define ARENA_LARGE (16u << 20)
#define LARGE_BLOCK (4u << 20)
#define HUGE_PAGE (2u << 20)

/* Large graphs are read in random order (an edge's target node, its
 * attributes), and with 4 KiB pages nearly every such read also misses
 * the TLB: asking for transparent huge pages on big allocations makes
 * large exports and lookups markedly faster. Advice only; ignored where
 * unsupported. Only whole huge pages inside the block are advised. */
void kg_advise_huge_pages(void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
    if (size < 2 * HUGE_PAGE)
        return;
    uintptr_t start = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t end = ((uintptr_t)p + size) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (end > start)
        (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
    (void)p;
    (void)size;
#endif
}

struct kg_arena_block {
    kg_arena_block *next;
    size_t size;
    max_align_t data[];
};

void kg_arena_init(kg_arena *arena)
{
    memset(arena, 0, sizeof *arena);
}

void kg_arena_free(kg_arena *arena)
{
    kg_arena_block *b = arena->head;
    while (b) {
        kg_arena_block *next = b->next;
        free(b);
        b = next;
    }
    kg_arena_init(arena);
}

/* size bytes at a multiple of align (a power of two) from the arena. */
static void *arena_take(kg_arena *arena, size_t size, size_t align)
{
    if (size == 0)
        size = 1;
    size_t start = arena->head ? (arena->used + align - 1) & ~(align - 1) : 0;
    if (!arena->head || size > arena->head->size || start > arena->head->size - size) {
        size_t usual = arena->total >= ARENA_LARGE ? LARGE_BLOCK : ARENA_BLOCK;
        size_t block = size > usual / 4 ? size : usual;
        if (block > SIZE_MAX - sizeof(kg_arena_block))
            return NULL;
        kg_arena_block *b = malloc(sizeof *b + block);
        if (!b)
            return NULL;
        kg_advise_huge_pages(b, sizeof *b + block);
        b->size = block;
        arena->total += block;
        if (block == size && arena->head) {
            /* A large piece gets a block of its own behind the current
             * one, so the rest of the current block is not wasted. */
            b->next = arena->head->next;
            arena->head->next = b;
            return b->data;
        }
        b->next = arena->head;
        arena->head = b;
        start = 0;
    }
    arena->used = start + size;
    return (char *)arena->head->data + start;
}

void *kg_arena_alloc(kg_arena *arena, size_t size)
{
    return arena_take(arena, size, sizeof(max_align_t));
}

void *kg_arena_alloc_aligned(kg_arena *arena, size_t size, size_t align)
{
    return arena_take(arena, size, align);
}

char *kg_arena_strndup(kg_arena *arena, const char *s, size_t len)
{
    /* Text needs no alignment: packing strings saves 8 bytes a string on
     * average, which adds up over millions of interned ids. */
    char *copy = len < SIZE_MAX ? arena_take(arena, len + 1, 1) : NULL;
    if (!copy)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

char *kg_strdup(const char *s)
{
    size_t len = strlen(s) + 1;
    char *copy = malloc(len);
    return copy ? memcpy(copy, s, len) : NULL;
}

char *kg_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

uint64_t kg_hash_string(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    return h;
}

void kg_strset_init(kg_strset *set, kg_arena *arena)
{
    memset(set, 0, sizeof *set);
    set->arena = arena;
}

void kg_strset_free(kg_strset *set)
{
    free(set->slots);
    free(set->hashes);
    set->slots = NULL;
    set->hashes = NULL;
    set->capacity = set->count = 0;
}

/* Slot for a string with this hash in a table of cap slots: the first
 * empty one, or the one holding s. Comparing the stored hashes first means
 * strcmp runs only on a (nearly always true) match, not on every probe. */
static size_t probe(const char *const *slots, const uint32_t *hashes, size_t cap,
                    uint32_t hash, const char *s)
{
    size_t j = hash & (cap - 1);
    /* Distinct strings can share a 32-bit hash: only strcmp decides, and
     * with s NULL (rehashing unique keys) only an empty slot will do. */
    while (slots[j] && !(s && hashes[j] == hash && strcmp(slots[j], s) == 0))
        j = (j + 1) & (cap - 1);
    return j;
}

/* Doubles a table's slot, hash and (when values is not NULL) value arrays. */
static bool rehash(const char ***slots, uint32_t **hashes, size_t **values, size_t *capacity)
{
    size_t cap = *capacity ? *capacity * 2 : 1024;
    const char **new_slots = calloc(cap, sizeof *new_slots);
    uint32_t *new_hashes = malloc(cap * sizeof *new_hashes);
    size_t *new_values = values ? malloc(cap * sizeof *new_values) : NULL;
    if (!new_slots || !new_hashes || (values && !new_values)) {
        free(new_slots);
        free(new_hashes);
        free(new_values);
        return false;
    }
    kg_advise_huge_pages(new_slots, cap * sizeof *new_slots);
    kg_advise_huge_pages(new_hashes, cap * sizeof *new_hashes);
    if (new_values)
        kg_advise_huge_pages(new_values, cap * sizeof *new_values);
    for (size_t i = 0; i < *capacity; i++) {
        if (!(*slots)[i])
            continue;
        /* Keys are unique, so only an empty slot is looked for. */
        size_t j = probe(new_slots, new_hashes, cap, (*hashes)[i], NULL);
        new_slots[j] = (*slots)[i];
        new_hashes[j] = (*hashes)[i];
        if (values)
            new_values[j] = (*values)[i];
    }
    free(*slots);
    free(*hashes);
    *slots = new_slots;
    *hashes = new_hashes;
    if (values) {
        free(*values);
        *values = new_values;
    }
    *capacity = cap;
    return true;
}

const char *kg_strset_intern(kg_strset *set, const char *s)
{
    if ((set->count + 1) * 4 > set->capacity * 3 &&
        !rehash(&set->slots, &set->hashes, NULL, &set->capacity))
        return NULL;
    uint32_t hash = (uint32_t)kg_hash_string(s);
    size_t j = probe(set->slots, set->hashes, set->capacity, hash, s);
    if (set->slots[j])
        return set->slots[j];
    char *copy = kg_arena_strndup(set->arena, s, strlen(s));
    if (!copy)
        return NULL;
    set->slots[j] = copy;
    set->hashes[j] = hash;
    set->count++;
    return copy;
}

void kg_index_map_init(kg_index_map *map)
{
    memset(map, 0, sizeof *map);
}

void kg_index_map_free(kg_index_map *map)
{
    free(map->keys);
    free(map->values);
    free(map->hashes);
    kg_index_map_init(map);
}

kg_status kg_index_map_put(kg_index_map *map, const char *key, size_t value,
                           size_t *existing)
{
    if ((map->count + 1) * 4 > map->capacity * 3 &&
        !rehash(&map->keys, &map->hashes, &map->values, &map->capacity))
        return KG_ENOMEM;
    uint32_t hash = (uint32_t)kg_hash_string(key);
    size_t j = probe(map->keys, map->hashes, map->capacity, hash, key);
    if (map->keys[j]) {
        if (existing)
            *existing = map->values[j];
        return KG_EINPUT;
    }
    map->keys[j] = key;
    map->values[j] = value;
    map->hashes[j] = hash;
    map->count++;
    return KG_OK;
}

size_t kg_index_map_get(const kg_index_map *map, const char *key)
{
    if (map->capacity == 0)
        return (size_t)-1;
    size_t j = probe(map->keys, map->hashes, map->capacity, (uint32_t)kg_hash_string(key), key);
    return map->keys[j] ? map->values[j] : (size_t)-1;
}

kg_status kg_grow(void **items, size_t *capacity, size_t need, size_t elem)
{
    if (need <= *capacity)
        return KG_OK;
    size_t cap = *capacity ? *capacity : 16;
    while (cap < need) {
        if (cap > SIZE_MAX / 2 / elem)
            return KG_ENOMEM;
        cap *= 2;
    }
    void *grown = realloc(*items, cap * elem);
    if (!grown)
        return KG_ENOMEM;
    kg_advise_huge_pages(grown, cap * elem);
    *items = grown;
    *capacity = cap;
    return KG_OK;
}
