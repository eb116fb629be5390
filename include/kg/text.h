/* kg/text.h - small text utilities shared by loaders, exporters and the CLI:
 * UTF-8 checks, case- and accent-insensitive folding for name lookup, edit
 * distance for "did you mean" hints, and locale-independent number output.
 */
#ifndef KG_TEXT_H
#define KG_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* True when the len bytes at s are well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF). NUL bytes are allowed here; callers
 * that need C strings reject them separately. */
bool kg_utf8_valid(const char *s, size_t len);

/* Writes a folded copy of s into out (at most size bytes, NUL-terminated),
 * for matching names in any script: Unicode compatibility decomposition
 * (NFKD), full case folding, combining marks and default-ignorable
 * characters dropped (utf8proc), plus the few Latin letters Unicode does
 * not decompose mapped to their base ("Türkiye", "Tu\u0308rkiye" ->
 * "turkiye"; "Ș" -> "s"; "Œ" -> "oe"; "ΑΘΉΝΑ" -> "αθηνα"; "МОСКВА" ->
 * "москва"); runs of white space (any Zs), '-' and '_' collapsed to one
 * space, leading and trailing space dropped. Malformed UTF-8 bytes are
 * copied unchanged. Returns the folded length, which may exceed size - 1
 * when the output was truncated. */
size_t kg_fold(const char *s, char *out, size_t size);

/* Optimal-string-alignment edit distance between a and b (bytes), capped:
 * returns cap + 1 as soon as the distance is known to exceed cap.
 * O(len(a) * len(b)) time, O(len(b)) memory; strings over 256 bytes are
 * compared on their first 256. */
size_t kg_edit_distance(const char *a, const char *b, size_t cap);

/* The candidate closest to word (after folding) if it is close enough to be
 * a plausible typo (distance <= max(2, len/3)), else NULL. Ties go to the
 * candidate that sorts first, so hints are deterministic. */
const char *kg_suggest(const char *word, const char *const *candidates,
                       size_t count);

/* Formats a double as the shortest decimal that reads back identically,
 * always with '.' as decimal separator whatever LC_NUMERIC says; NaN and
 * infinities as "NaN", "INF", "-INF" (the GraphML/XSD spelling).
 * out must hold at least 32 bytes. Returns out. */
char *kg_format_double(double value, char *out);

#ifdef __cplusplus
}
#endif
#endif
