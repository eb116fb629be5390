/* kg/extract.h - proposing a candidate data set from plain text or Markdown
 * (`kg extract`, docs/extract.md), and merging reviewed candidates into a
 * data set (`kg merge`). Extraction is rule-based and deterministic: names
 * come from --known data sets, a country list, capitalised multi-word names
 * and acronym definitions; types and relations from the cue words the schema
 * declares per node and edge type. Every candidate carries the shortest
 * verbatim quote that states it, its byte offsets, a confidence and a rule.
 */
#ifndef KG_EXTRACT_H
#define KG_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/error.h"
#include "kg/graph.h"
#include "kg/schema.h"
#include "kg/writer.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_extractor kg_extractor;

/* Largest text kg_extractor_add_text accepts (KG_ELIMIT beyond); memory
 * is about ten times the text (tokens of 48 bytes). */
#define KG_EXTRACT_MAX_TEXT ((size_t)32 << 20)

/* A new extractor using schema's lexicons (schema is referenced, not
 * copied: it must outlive the extractor). */
kg_status kg_extractor_new(const kg_schema *schema, kg_extractor **out, kg_error *err);
void kg_extractor_free(kg_extractor *ex);

/* Sets the largest text kg_extractor_add_text accepts (default
 * KG_EXTRACT_MAX_TEXT); 0 restores the default. */
void kg_extractor_set_max_text(kg_extractor *ex, size_t bytes);

/* Recognise the entities of a known data set (labels and aliases) and reuse
 * their ids. The graph must outlive the extractor. */
kg_status kg_extractor_add_known(kg_extractor *ex, const kg_graph *known, kg_error *err);

/* Recognise country names from an iso-codes JSON file (Debian's
 * /usr/share/iso-codes/json/iso_3166-1.json: name, common_name,
 * official_name) as entities of node type `type` (usually "country"). */
kg_status kg_extractor_load_countries(kg_extractor *ex, const char *path, const char *type,
                                      kg_error *err);

/* Recognise the short country names and the cities of a tzdata folder
 * (Debian's /usr/share/zoneinfo): DIR/iso3166.tab ("BN<TAB>Brunei") gives
 * aliases of the countries loaded by kg_extractor_load_countries (a new
 * entity of `country_type` when none has that code), DIR/zone1970.tab the
 * cities of two-part zone names ("Asia/Tbilisi": Tbilisi) as entities of
 * `place_type`. Names already taken are left to their first owner. */
kg_status kg_extractor_load_places(kg_extractor *ex, const char *dir, const char *country_type,
                                   const char *place_type, kg_error *err);

/* Adds one input. source->id and title are required; file is written as the
 * source's path. The text is copied. Refuses (KG_EINPUT, with the byte
 * offset in err) NUL bytes and malformed UTF-8; KG_ELIMIT above
 * KG_EXTRACT_MAX_TEXT. `name` names the input in messages. */
kg_status kg_extractor_add_text(kg_extractor *ex, const kg_source *source, const char *name,
                                const char *text, size_t len, kg_error *err);

/* The main text of an HTML page (a saved web page): libxml2's HTML parser,
 * scripts, styles, navigation, headers, footers and forms dropped, one line
 * per block element. *text (and *title, the page's <title>, when title is
 * not NULL; may be NULL) are NUL-terminated and the caller frees them.
 * Extract from this text and cite it as the source file: quotes are taken
 * from it, not from the HTML. */
kg_status kg_html_to_text(const char *html, size_t len, const char *name, char **text,
                          size_t *text_len, char **title, kg_error *err);

/* Finds mentions and relations in every text added (names found in any
 * text are recognised in all). Call once, after the last add. */
kg_status kg_extractor_run(kg_extractor *ex, kg_error *err);

/* Counts after kg_extractor_run. */
size_t kg_extractor_entity_count(const kg_extractor *ex);
size_t kg_extractor_relation_count(const kg_extractor *ex);

typedef struct kg_extract_meta {
    const char *name;   /* data set "name", or NULL */
    const char *title;  /* or NULL */
    const char *schema; /* the "schema" path as written, or NULL */
} kg_extract_meta;

/* Writes the candidate data set as JSON (entities sorted by id, relations
 * in text order): byte-identical for identical inputs. */
kg_status kg_extractor_write(const kg_extractor *ex, const kg_extract_meta *meta,
                             kg_writer *w, kg_error *err);

/* ---- merge ------------------------------------------------------------ */

typedef struct kg_merge_options {
    bool take_all;      /* take "candidate" entries too, not only "accepted" */
} kg_merge_options;

typedef struct kg_merge_report {
    size_t entities_added;
    size_t entities_merged;  /* matched an existing entity by id, label or alias */
    size_t relations_added;
    size_t relations_merged; /* same source, type, target: quotes joined */
    size_t skipped;          /* rejected, or candidates without take_all */
    size_t conflicts;        /* reported in diags */
} kg_merge_report;

/* Merges candidate data sets (JSON texts) into base (a JSON text) and
 * returns the merged data set as a NUL-terminated JSON text in *out (caller
 * frees). Conflicts (an entity whose type differs from the one it matches,
 * a name claimed by two base entities, a relation whose end is unknown) are
 * added to diags with the candidate file's name and a JSON Pointer; the
 * status is KG_EINPUT when any could not be settled. */
kg_status kg_merge(const char *base_text, size_t base_len, const char *base_name,
                   const char *const *cand_texts, const size_t *cand_lens,
                   const char *const *cand_names, size_t cand_count,
                   const kg_merge_options *options, char **out,
                   kg_merge_report *report, kg_diagnostics *diags);

#ifdef __cplusplus
}
#endif
#endif
