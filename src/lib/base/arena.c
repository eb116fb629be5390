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
    set->slots = NULL;
    set->capacity = set->count = 0;
}

/* The hash of s for the string set and index maps, and its length: 8
 * bytes a step (FNV-1a's byte a step, a multiply each, was the cost of
 * hashing the ids of millions of edges), then mixed so that the low bits
 * that pick a slot depend on every byte. */
static uint32_t hash_length(const char *s, size_t *length)
{
    size_t n = strlen(s);
    *length = n;
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = 0x9E3779B97F4A7C15u ^ (uint64_t)n, w;
    for (; n > 8; n -= 8, p += 8) {
        memcpy(&w, p, sizeof w);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    if (*length >= 8) { /* the last 8 bytes, perhaps overlapping */
        memcpy(&w, (const unsigned char *)s + *length - 8, sizeof w);
    } else if (n >= 4) { /* two 4-byte reads that cover the 4 to 7 bytes */
        uint32_t a, b;
        memcpy(&a, p, sizeof a);
        memcpy(&b, p + n - 4, sizeof b);
        w = (uint64_t)a | (uint64_t)b << 32;
    } else { /* 0 to 3 bytes */
        w = n ? (uint64_t)p[0] | (uint64_t)p[n / 2] << 8 | (uint64_t)p[n - 1] << 16 : 0;
    }
    h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDu;
    h ^= h >> 33;
    return (uint32_t)h;
}

static uint32_t slot_length(size_t length)
{
    return length < UINT32_MAX ? (uint32_t)length : UINT32_MAX;
}

/* The slot holding s (hash, length) or the empty one where it goes. */
static kg_strset_slot *strset_probe(kg_strset_slot *slots, size_t cap, uint32_t hash,
                                    size_t length, const char *s)
{
    uint32_t len = slot_length(length);
    for (size_t j = hash & (cap - 1);; j = (j + 1) & (cap - 1)) {
        kg_strset_slot *slot = &slots[j];
        /* s may be the stored copy itself (re-interned by the graph) */
        if (!slot->s || slot->s == s ||
            (slot->hash == hash && slot->length == len &&
             (len < UINT32_MAX ? memcmp(slot->s, s, length) : strcmp(slot->s, s)) == 0))
            return slot;
    }
}

static bool strset_grow(kg_strset *set)
{
    size_t cap = set->capacity ? set->capacity * 2 : 1024;
    kg_strset_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    kg_advise_huge_pages(slots, cap * sizeof *slots);
    for (size_t i = 0; i < set->capacity; i++) {
        const kg_strset_slot *old = &set->slots[i];
        if (!old->s)
            continue;
        /* the strings are unique: the first empty slot is the place */
        size_t j = old->hash & (cap - 1);
        while (slots[j].s)
            j = (j + 1) & (cap - 1);
        slots[j] = *old;
    }
    free(set->slots);
    set->slots = slots;
    set->capacity = cap;
    return true;
}

const char *kg_strset_intern(kg_strset *set, const char *s)
{
    if ((set->count + 1) * 4 > set->capacity * 3 && !strset_grow(set))
        return NULL;
    size_t length;
    uint32_t hash = hash_length(s, &length);
    kg_strset_slot *slot = strset_probe(set->slots, set->capacity, hash, length, s);
    if (slot->s)
        return slot->s;
    char *copy = kg_arena_strndup(set->arena, s, length);
    if (!copy)
        return NULL;
    *slot = (kg_strset_slot){copy, hash, slot_length(length)};
    set->count++;
    return copy;
}

void kg_index_map_init(kg_index_map *map)
{
    memset(map, 0, sizeof *map);
}

void kg_index_map_free(kg_index_map *map)
{
    free(map->slots);
    kg_index_map_init(map);
}

/* The slot holding key (hash, length) or the empty one where it goes. */
static kg_index_slot *map_probe(kg_index_slot *slots, size_t cap, uint32_t hash,
                                size_t length, const char *key)
{
    uint32_t len = slot_length(length);
    for (size_t j = hash & (cap - 1);; j = (j + 1) & (cap - 1)) {
        kg_index_slot *slot = &slots[j];
        if (!slot->key ||
            (slot->hash == hash && slot->length == len &&
             (len < UINT32_MAX ? memcmp(slot->key, key, length) : strcmp(slot->key, key)) == 0))
            return slot;
    }
}

static bool map_grow(kg_index_map *map)
{
    size_t cap = map->capacity ? map->capacity * 2 : 1024;
    kg_index_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    kg_advise_huge_pages(slots, cap * sizeof *slots);
    for (size_t i = 0; i < map->capacity; i++) {
        const kg_index_slot *old = &map->slots[i];
        if (!old->key)
            continue;
        size_t j = old->hash & (cap - 1); /* keys are unique: the first empty slot */
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = *old;
    }
    free(map->slots);
    map->slots = slots;
    map->capacity = cap;
    return true;
}

kg_status kg_index_map_put(kg_index_map *map, const char *key, size_t value,
                           size_t *existing)
{
    if ((map->count + 1) * 4 > map->capacity * 3 && !map_grow(map))
        return KG_ENOMEM;
    size_t length;
    uint32_t hash = hash_length(key, &length);
    kg_index_slot *slot = map_probe(map->slots, map->capacity, hash, length, key);
    if (slot->key) {
        if (existing)
            *existing = slot->value;
        return KG_EINPUT;
    }
    *slot = (kg_index_slot){key, value, hash, slot_length(length)};
    map->count++;
    return KG_OK;
}

size_t kg_index_map_get(const kg_index_map *map, const char *key)
{
    if (map->capacity == 0)
        return (size_t)-1;
    size_t length;
    uint32_t hash = hash_length(key, &length);
    const kg_index_slot *slot = map_probe(map->slots, map->capacity, hash, length, key);
    return slot->key ? slot->value : (size_t)-1;
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
