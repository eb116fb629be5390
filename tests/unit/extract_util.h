/* extract_util.h - what the extractor's unit tests share: run kg extract
 * on a text through the public API with data/schema.json's lexicons and
 * Debian's country list, and find entities in the JSON it writes. */
#ifndef KG_TEST_EXTRACT_UTIL_H
#define KG_TEST_EXTRACT_UTIL_H

#include <jansson.h>
#include <stdlib.h>

#include "test_util.h"

#define COUNTRIES "/usr/share/iso-codes/json/iso_3166-1.json"

typedef struct extracted {
    json_t *root;
    char *text;
} extracted;

/* The schema the tests extract with (a test may point it at a variant). */
static const char *extract_schema_path = KG_SOURCE_DIR "/data/schema.json";

static inline kg_schema *lexicon_schema(void)
{
    kg_schema *schema = NULL;
    assert_int_equal(kg_schema_load(extract_schema_path, &schema, NULL), KG_OK);
    return schema;
}

/* Extracts text; the JSON output parsed into out->root. */
static inline kg_status extract(const char *text, size_t len, extracted *out, kg_error *err)
{
    kg_schema *schema = lexicon_schema();
    kg_extractor *ex = NULL;
    kg_writer *w = NULL;
    memset(out, 0, sizeof *out);
    assert_int_equal(kg_extractor_new(schema, &ex, err), KG_OK);
    /* countries come from Debian's iso-codes (scripts/deps.sh installs it) */
    assert_int_equal(kg_extractor_load_countries(ex, COUNTRIES, "country", err), KG_OK);
    kg_source source = {"t", "A test text", "t.txt", NULL, NULL};
    kg_status st = kg_extractor_add_text(ex, &source, "t.txt", text, len, err);
    if (st == KG_OK)
        st = kg_extractor_run(ex, err);
    if (st == KG_OK) {
        assert_int_equal(kg_writer_open_memory(&w, err), KG_OK);
        kg_extract_meta meta = {"t", "T", "schema.json"};
        assert_int_equal(kg_extractor_write(ex, &meta, w, err), KG_OK);
        size_t n;
        out->text = strdup(kg_writer_memory(w, &n));
        json_error_t jerr;
        out->root = json_loads(out->text, 0, &jerr);
        assert_non_null(out->root);
        kg_writer_abort(w);
    }
    kg_extractor_free(ex);
    kg_schema_free(schema);
    return st;
}

static inline void release(extracted *e)
{
    json_decref(e->root);
    free(e->text);
}

static inline json_t *entity(const extracted *e, const char *label)
{
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(e->root, "entities"), i, item)
        if (strcmp(json_string_value(json_object_get(item, "label")), label) == 0)
            return item;
    return NULL;
}

static inline const char *id_of(const extracted *e, const char *label)
{
    json_t *item = entity(e, label);
    return item ? json_string_value(json_object_get(item, "id")) : "(missing)";
}

/* The relation source -type-> target (labels), or NULL. */
static inline json_t *relation(const extracted *e, const char *source, const char *type,
                               const char *target)
{
    const char *s = id_of(e, source), *t = id_of(e, target);
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(e->root, "relations"), i, item)
        if (strcmp(json_string_value(json_object_get(item, "source")), s) == 0 &&
            strcmp(json_string_value(json_object_get(item, "target")), t) == 0 &&
            strcmp(json_string_value(json_object_get(item, "type")), type) == 0)
            return item;
    return NULL;
}

/* Extracts text into e, which must succeed. */
static inline void run(const char *text, extracted *e)
{
    kg_error err;
    assert_int_equal(extract(text, strlen(text), e, &err), KG_OK);
}

#endif
