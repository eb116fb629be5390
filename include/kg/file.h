/* kg/file.h - reading whole input files with a size limit, and the input
 * limits every loader applies by default (data sets, schemas, importers,
 * bulk ingest). Part of libkg's base: it depends on kg/error.h only. */
#ifndef KG_FILE_H
#define KG_FILE_H

#include <stddef.h>

#include "kg/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define KG_DEFAULT_MAX_BYTES ((size_t)1 << 30) /* 1 GiB */
#define KG_DEFAULT_MAX_NODES ((size_t)10000000)
#define KG_DEFAULT_MAX_EDGES ((size_t)50000000)
#define KG_DEFAULT_MAX_DEPTH ((size_t)64) /* data sets need 5 */
/* jansson refuses nesting deeper than this (its compile-time limit). */
#define KG_MAX_JSON_DEPTH 2048

/* Reads a whole file into a NUL-terminated buffer (caller frees), refusing
 * directories, files over max_bytes (KG_ELIMIT) and read errors (KG_EIO). */
kg_status kg_read_file(const char *path, size_t max_bytes, char **text,
                       size_t *len, kg_error *err);

/* The folder of path into out (size bytes): "data/x.kg.json" -> "data",
 * "/x" -> "/", "x" -> ".". Relative paths inside a file (a data set's
 * schema, its sources) are resolved against it. Returns out. */
char *kg_path_folder(const char *path, char *out, size_t size);

#ifdef __cplusplus
}
#endif
#endif
