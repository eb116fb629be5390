/* import_values.h - typed values for the importers (import_values.c):
 * declared types to canonical text, and types inferred for formats that
 * declare none. */
#ifndef KG_IMPORT_VALUES_H
#define KG_IMPORT_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/graph.h"

/* An integer that fits int64_t, in JSON grammar. */
bool kg_imp_is_int64(const char *s);

/* A declared type's text (GraphML attr.type, Neo4j-style CSV header
 * suffix) to a kind and canonical text in buf (size bytes): booleans
 * "true"/"false" (from any case of true/false/1/0), integers without sign
 * or leading zeros, reals in JSON grammar with a '.' or exponent. Leading
 * and trailing white space is ignored for non-strings. Returns false when
 * text is not of the type; then buf holds the reason. Non-finite reals
 * (NaN, INF) become strings and *is_nonfinite is set. */
typedef enum kg_imp_type {
    KG_IMP_STRING = 0,
    KG_IMP_BOOLEAN,
    KG_IMP_INTEGER,
    KG_IMP_REAL
} kg_imp_type;
bool kg_imp_convert(const char *text, kg_imp_type type, char *buf, size_t size,
                    kg_value_kind *kind, bool *is_nonfinite);

/* For formats without types (DOT, CSV without header types): the type all
 * of an attribute's values share, inferred without changing any text:
 * booleans are exactly true/false, numbers in JSON grammar. */
typedef struct kg_imp_infer {
    bool is_seen, can_boolean, can_integer, can_real;
} kg_imp_infer;
void kg_imp_infer_init(kg_imp_infer *inf);
void kg_imp_infer_add(kg_imp_infer *inf, const char *text);
kg_imp_type kg_imp_infer_result(const kg_imp_infer *inf);

#endif
