/* internal.h - helpers shared inside libkg and not part of its API: the
 * string arena with interning that every graph and schema stores its text
 * in, and a growable array. */
#ifndef KG_INTERNAL_H
#define KG_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kg/error.h"

/* Bump allocator: memory is freed all at once; pointers never move. */
typedef struct kg_arena_block kg_arena_block;
typedef struct kg_arena {
    kg_arena_block *head;
    size_t used; /* bytes used in head */
    size_t total;
} kg_arena;

void kg_arena_init(kg_arena *arena);
void kg_arena_free(kg_arena *arena);
/* size bytes aligned for any object, or NULL. */
void *kg_arena_alloc(kg_arena *arena, size_t size);
/* size bytes at a multiple of align (a power of two, e.g. _Alignof(T)),
 * or NULL: arrays of pointers and attributes need 8, not 16, which saves
 * 8 bytes on a one-attribute array of every edge. */
void *kg_arena_alloc_aligned(kg_arena *arena, size_t size, size_t align);
/* Copies len bytes plus a NUL terminator, or NULL. */
char *kg_arena_strndup(kg_arena *arena, const char *s, size_t len);

/* A set of strings stored in an arena, so equal strings share storage. */
typedef struct kg_strset_slot {
    const char *s;   /* NULL: empty */
    uint32_t hash;   /* of s: probes compare it first */
    uint32_t length; /* of s (saturated at UINT32_MAX): compared next */
} kg_strset_slot;

typedef struct kg_strset {
    kg_arena *arena;
    /* a string and its hash side by side: a probe reads one cache line,
     * where separate arrays cost two misses on every lookup */
    kg_strset_slot *slots;
    size_t capacity; /* power of two */
    size_t count;
} kg_strset;

void kg_strset_init(kg_strset *set, kg_arena *arena);
void kg_strset_free(kg_strset *set);
/* The stored copy of s (adding it if new), or NULL when out of memory. */
const char *kg_strset_intern(kg_strset *set, const char *s);

/* Maps strings to indexes (an open-addressing hash table). Keys are not
 * copied: they must outlive the map (interned strings do). */
typedef struct kg_index_slot {
    const char *key; /* NULL: empty */
    size_t value;
    uint32_t hash, length; /* of key (length saturated at UINT32_MAX) */
} kg_index_slot;

typedef struct kg_index_map {
    kg_index_slot *slots; /* key, value and hash side by side, as kg_strset's */
    size_t capacity;      /* power of two */
    size_t count;
} kg_index_map;

void kg_index_map_init(kg_index_map *map);
void kg_index_map_free(kg_index_map *map);
/* Adds key -> value. When key is present already, leaves it and sets
 * *existing to its value (if existing is not NULL) and returns KG_EINPUT. */
kg_status kg_index_map_put(kg_index_map *map, const char *key, size_t value,
                           size_t *existing);
/* The value for key, or (size_t)-1. */
size_t kg_index_map_get(const kg_index_map *map, const char *key);

uint64_t kg_hash_string(const char *s);

/* Decodes the UTF-8 sequence at s (len > 0 bytes) into *cp and returns the
 * bytes it takes; a malformed sequence gives U+FFFD and 1, so callers can
 * replace bad bytes one at a time and always make progress. */
size_t kg_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Whether s is exactly a number in JSON's grammar,
 * -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; *is_integer (may be NULL)
 * says whether it had neither fraction nor exponent. Shared by the
 * importers, bulk ingest and the exporters that write numbers bare. */
bool kg_json_number(const char *s, bool *is_integer);

/* strdup through malloc (so allocation-failure tests see it), or NULL. */
char *kg_strdup(const char *s);
/* At most n bytes of s, NUL-terminated, in malloc'd memory; or NULL. */
char *kg_strndup(const char *s, size_t n);

/* Asks for transparent huge pages for the whole 2 MiB pages inside a
 * large allocation (see arena.c); a hint, with no effect on small ones. */
void kg_advise_huge_pages(void *p, size_t size);

/* Grows *items (element size elem) to hold at least need elements. */
kg_status kg_grow(void **items, size_t *capacity, size_t need, size_t elem);

/* writer_temp.c: the open file writers' temporaries, for a signal handler
 * (kg_writer_remove_temporaries), and the leftovers of killed runs.
 * Registers temp_path (kept by pointer until unregistered) and returns its
 * slot, or -1 when the table is full. */
int kg_temp_register(const char *temp_path);
void kg_temp_unregister(int slot);
/* Removes ".NAME.PID.TAG.tmp" beside path (NAME its last component) left
 * by a kg process PID that no longer exists. */
void kg_temp_remove_stale(const char *path);
/* The folder part of path ("." when none) into dir; false if too long. */
bool kg_temp_folder(const char *path, char *dir, size_t size);

#endif
