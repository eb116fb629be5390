/* extract.c - the extractor's inputs and entity table: texts (checked UTF-8
 * without NUL bytes), --known data sets and the iso-codes country list
 * become names; kg_extractor_run then finds names (mentions.c) and the
 * relations between them (relations.c). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extractor.h"
#include "kg/file.h"
#include "kg/text.h"

kg_status kg_extractor_new(const kg_schema *schema, kg_extractor **out, kg_error *err)
{
    *out = NULL;
    if (!schema)
        return kg_error_set(err, KG_EUSAGE, NULL, "extraction needs a schema");
    kg_extractor *ex = calloc(1, sizeof *ex);
    if (!ex)
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    ex->schema = schema;
    ex->max_text = KG_EXTRACT_MAX_TEXT;
    kg_arena_init(&ex->arena);
    kg_ex_names_init(&ex->names, &ex->arena);
    kg_ex_names_init(&ex->lower_words, &ex->arena);
    kg_ex_names_init(&ex->firsts, &ex->arena);
    kg_ex_names_init(&ex->cue_heads, &ex->arena);
    kg_ex_names_init(&ex->country_codes, &ex->arena);
    if (kg_ex_lexicon_load(&ex->lexicon, schema) != KG_OK) {
        kg_extractor_free(ex);
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    }
    for (size_t c = 0; c < ex->lexicon.count; c++) {
        const ex_cue *cue = &ex->lexicon.cues[c];
        const char *last = cue->words[cue->count ? cue->count - 1 : 0];
        if (cue->kind == EX_CUE_NODE && !cue->structure &&
            kg_ex_names_add(&ex->cue_heads, last, strlen(last), 0) != KG_OK) {
            kg_extractor_free(ex);
            return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
        }
    }
    ex->default_type = kg_schema_find_node_type(schema, "organisation");
    if (ex->default_type == KG_SCHEMA_NOT_FOUND)
        ex->default_type = 0;
    ex->person_type = kg_schema_find_node_type(schema, "person");
    if (kg_schema_node_type_count(schema) == 0) {
        kg_extractor_free(ex);
        return kg_error_set(err, KG_EINPUT, NULL, "the schema declares no node types");
    }
    *out = ex;
    return KG_OK;
}

void kg_extractor_free(kg_extractor *ex)
{
    if (!ex)
        return;
    for (size_t i = 0; i < ex->text_count; i++)
        kg_ex_text_free(&ex->texts[i]);
    for (size_t i = 0; i < ex->entity_count; i++) {
        free(ex->entities[i].id);
        free(ex->entities[i].label);
        for (size_t a = 0; a < ex->entities[i].alias_count; a++)
            free(ex->entities[i].aliases[a]);
        free(ex->entities[i].aliases);
    }
    free(ex->entities);
    free(ex->merged_into);
    free(ex->relations);
    free(ex->texts);
    free(ex->sources);
    kg_ex_lexicon_free(&ex->lexicon);
    kg_ex_names_free(&ex->names);
    kg_ex_names_free(&ex->lower_words);
    kg_ex_names_free(&ex->firsts);
    kg_ex_names_free(&ex->cue_heads);
    kg_ex_names_free(&ex->country_codes);
    kg_arena_free(&ex->arena);
    free(ex);
}

/* The name's key: its tokens joined the way kg_ex_key joins text tokens, so
 * "ASEAN–EU  Dialogue" in a label matches the text's spacing. */
static kg_status name_key(kg_extractor *ex, const char *name, char *key, size_t size,
                          size_t *len)
{
    ex_token *tokens = NULL;
    size_t count = 0;
    char *copy = NULL;
    *len = 0;
    if (kg_ex_tokenise_phrase(name, &tokens, &count, &copy) != KG_OK)
        return KG_ENOMEM;
    /* leading "the" is not part of a name: "the Netherlands" */
    size_t first = count > 1 && strcmp(tokens[0].lower, "the") == 0 ? 1 : 0;
    kg_status st = KG_OK;
    if (count > first && count - first <= KG_EX_NAME_MAX) {
        *len = kg_ex_key(copy, tokens, first, count, key, size);
        if (count - first > ex->max_name_tokens)
            ex->max_name_tokens = count - first;
        /* the longest name starting with this word, in tokens */
        st = kg_ex_names_raise(&ex->firsts, copy + tokens[first].start,
                               tokens[first].end - tokens[first].start, count - first);
    }
    free(tokens);
    free(copy);
    return st;
}

static kg_status add_name(kg_extractor *ex, const char *name, size_t entity)
{
    char key[EX_KEY_MAX];
    size_t len;
    if (name_key(ex, name, key, sizeof key, &len) != KG_OK)
        return KG_ENOMEM;
    return len ? kg_ex_names_add(&ex->names, key, len, entity) : KG_OK;
}

size_t kg_ex_resolve(const kg_extractor *ex, size_t entity)
{
    while (entity < ex->entity_count && ex->merged_into[entity] != entity)
        entity = ex->merged_into[entity];
    return entity;
}

kg_status kg_ex_entity_add(kg_extractor *ex, const char *label, size_t type,
                           const char *rule, double confidence, size_t *out)
{
    if (ex->entity_count == ex->entity_capacity) {
        size_t grown = ex->entity_capacity ? ex->entity_capacity * 2 : 256;
        ex_entity *more = realloc(ex->entities, grown * sizeof *more);
        if (!more)
            return KG_ENOMEM;
        ex->entities = more;
        size_t *merged = realloc(ex->merged_into, grown * sizeof *merged);
        if (!merged)
            return KG_ENOMEM;
        ex->merged_into = merged;
        ex->entity_capacity = grown;
    }
    ex_entity *e = &ex->entities[ex->entity_count];
    memset(e, 0, sizeof *e);
    e->label = strdup(label);
    if (!e->label)
        return KG_ENOMEM;
    e->type = type;
    e->rule = rule;
    e->confidence = confidence;
    size_t index = ex->entity_count++;
    ex->merged_into[index] = index;
    *out = index;
    return add_name(ex, label, index);
}

kg_status kg_ex_entity_alias(kg_extractor *ex, size_t entity, const char *alias)
{
    char key[EX_KEY_MAX];
    size_t len;
    if (name_key(ex, alias, key, sizeof key, &len) != KG_OK)
        return KG_ENOMEM;
    if (!len || kg_ex_names_find(&ex->names, key, len) != EX_NO_ENTITY)
        return KG_OK;
    ex_entity *e = &ex->entities[entity];
    char **more = realloc(e->aliases, (e->alias_count + 1) * sizeof *more);
    if (!more)
        return KG_ENOMEM;
    e->aliases = more;
    if (!(e->aliases[e->alias_count] = strdup(alias)))
        return KG_ENOMEM;
    e->alias_count++;
    return kg_ex_names_add(&ex->names, key, len, entity);
}

void kg_ex_entity_evidence(kg_extractor *ex, size_t entity, uint32_t text, uint32_t start,
                           uint32_t end)
{
    ex_entity *e = &ex->entities[entity];
    e->is_used = true;
    if (e->evidence_count < sizeof e->evidence / sizeof e->evidence[0])
        e->evidence[e->evidence_count++] = (ex_evidence){text, start, end};
}

kg_status kg_extractor_add_known(kg_extractor *ex, const kg_graph *known, kg_error *err)
{
    for (size_t i = 0; i < kg_graph_node_count(known); i++) {
        const kg_node *n = kg_graph_node(known, i);
        size_t type = kg_schema_find_node_type(ex->schema, n->type);
        if (type == KG_SCHEMA_NOT_FOUND)
            continue; /* a type this schema lacks: cannot be written */
        size_t index;
        if (kg_ex_entity_add(ex, n->label, type, "known", 1.0, &index) != KG_OK ||
            !(ex->entities[index].id = strdup(n->id)))
            return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
        ex->entities[index].is_known = true;
        for (uint32_t a = 0; a < n->alias_count; a++)
            if (kg_ex_entity_alias(ex, index, n->aliases[a]) != KG_OK)
                return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    }
    return KG_OK;
}

kg_status kg_extractor_load_countries(kg_extractor *ex, const char *path, const char *type,
                                      kg_error *err)
{
    size_t type_index = kg_schema_find_node_type(ex->schema, type);
    if (type_index == KG_SCHEMA_NOT_FOUND)
        return kg_error_set(err, KG_EUSAGE, NULL, "the schema has no node type '%s'", type);
    json_error_t jerr;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return kg_error_set(err, KG_EIO, path, "cannot read the country list: %s", jerr.text);
    json_t *list = json_object_get(root, "3166-1");
    kg_status st = KG_OK;
    if (!json_is_array(list)) {
        st = kg_error_set(err, KG_EINPUT, path, "expected an iso-codes 3166-1 list");
        goto cleanup;
    }
    size_t i;
    json_t *item;
    json_array_foreach(list, i, item) {
        const char *name = json_string_value(json_object_get(item, "name"));
        const char *common = json_string_value(json_object_get(item, "common_name"));
        const char *official = json_string_value(json_object_get(item, "official_name"));
        /* "Korea, Republic of" is a sort key, not how texts write it */
        const char *label = common ? common : name;
        if (!label || strchr(label, ','))
            continue;
        char key[EX_KEY_MAX];
        size_t len;
        if (name_key(ex, label, key, sizeof key, &len) != KG_OK) {
            st = kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
            goto cleanup;
        }
        const char *code = json_string_value(json_object_get(item, "alpha_2"));
        size_t taken = len ? kg_ex_names_find(&ex->names, key, len) : EX_NO_ENTITY;
        if (code && taken != EX_NO_ENTITY &&
            kg_ex_names_add(&ex->country_codes, code, strlen(code), taken) != KG_OK) {
            st = kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
            goto cleanup;
        }
        if (!len || taken != EX_NO_ENTITY)
            continue; /* --known already names it */
        size_t index;
        if (kg_ex_entity_add(ex, label, type_index, "country-list", 0.9, &index) != KG_OK ||
            (code && kg_ex_names_add(&ex->country_codes, code, strlen(code), index) != KG_OK) ||
            (name && name != label && !strchr(name, ',') &&
             kg_ex_entity_alias(ex, index, name) != KG_OK) ||
            (official && kg_ex_entity_alias(ex, index, official) != KG_OK)) {
            st = kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
            goto cleanup;
        }
    }
cleanup:
    json_decref(root);
    return st;
}

/* Opens DIR/name for reading; NULL with err set when it cannot. */
static FILE *open_in(const char *dir, const char *name, char *path, size_t size, kg_error *err)
{
    snprintf(path, size, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f)
        kg_error_set(err, KG_EIO, path, "cannot read the tzdata table");
    return f;
}

/* Adds name as an entity of type (rule "place-list") or, when `entity` is
 * given, as its alias; a name taken already is left alone. */
static kg_status add_listed(kg_extractor *ex, const char *name, size_t type, size_t entity)
{
    char key[EX_KEY_MAX];
    size_t len;
    if (name_key(ex, name, key, sizeof key, &len) != KG_OK)
        return KG_ENOMEM;
    if (!len || kg_ex_names_find(&ex->names, key, len) != EX_NO_ENTITY)
        return KG_OK;
    if (entity != EX_NO_ENTITY)
        return kg_ex_entity_alias(ex, entity, name);
    size_t index;
    return kg_ex_entity_add(ex, name, type, "place-list", 0.8, &index);
}

kg_status kg_extractor_load_places(kg_extractor *ex, const char *dir, const char *country_type,
                                   const char *place_type, kg_error *err)
{
    size_t country = kg_schema_find_node_type(ex->schema, country_type);
    size_t place = kg_schema_find_node_type(ex->schema, place_type);
    if (country == KG_SCHEMA_NOT_FOUND || place == KG_SCHEMA_NOT_FOUND)
        return kg_error_set(err, KG_EUSAGE, NULL, "the schema has no node type '%s'",
                            country == KG_SCHEMA_NOT_FOUND ? country_type : place_type);
    char path[4096], line[512];
    FILE *f = open_in(dir, "iso3166.tab", path, sizeof path, err);
    if (!f)
        return KG_EIO;
    kg_status st = KG_OK;
    /* "BN<TAB>Brunei"; "Britain (UK)", "Korea (South)" and "Central African
     * Rep." are not how texts write them */
    while (st == KG_OK && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab || tab - line != 2 || strpbrk(tab + 1, "(),&.") ||
            !kg_utf8_valid(tab + 1, strlen(tab + 1)))
            continue;
        *tab = '\0';
        size_t owner = kg_ex_names_find(&ex->country_codes, line, 2);
        st = add_listed(ex, tab + 1, country,
                        owner == EX_NO_ENTITY ? EX_NO_ENTITY : kg_ex_resolve(ex, owner));
    }
    fclose(f);
    if (st != KG_OK)
        return kg_error_set(err, st, NULL, "out of memory");
    if (!(f = open_in(dir, "zone1970.tab", path, sizeof path, err)))
        return KG_EIO;
    /* "GE<TAB>+4143+04449<TAB>Asia/Tbilisi": the city of a two-part zone
     * name; three-part names are small towns ("America/Indiana/Knox") and
     * Antarctica's are stations named after people */
    while (st == KG_OK && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *zone = strchr(line, '\t');
        zone = zone ? strchr(zone + 1, '\t') : NULL;
        if (line[0] == '#' || !zone)
            continue;
        zone++;
        zone[strcspn(zone, "\t")] = '\0';
        char *slash = strchr(zone, '/');
        if (!slash || strchr(slash + 1, '/') || strncmp(zone, "Antarctica/", 11) == 0 ||
            !kg_utf8_valid(zone, strlen(zone)))
            continue;
        for (char *c = slash + 1; *c; c++)
            if (*c == '_')
                *c = ' ';
        st = add_listed(ex, slash + 1, place, EX_NO_ENTITY);
    }
    fclose(f);
    return st == KG_OK ? KG_OK : kg_error_set(err, st, NULL, "out of memory");
}

/* Byte offset of the first malformed UTF-8 sequence, or len. */
static size_t first_bad_utf8(const char *s, size_t len)
{
    size_t at = 0;
    while (at < len) {
        size_t n = 1;
        while (n < 4 && at + n < len && ((unsigned char)s[at + n] & 0xC0) == 0x80)
            n++;
        size_t k = n;
        for (; k > 0; k--)
            if (kg_utf8_valid(s + at, k))
                break;
        if (k == 0)
            return at;
        at += k;
    }
    return len;
}

static void line_col(const char *s, size_t at, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < at; i++) {
        if (s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

void kg_extractor_set_max_text(kg_extractor *ex, size_t bytes)
{
    ex->max_text = bytes ? bytes : KG_EXTRACT_MAX_TEXT;
}

static kg_status check_text(const char *name, const char *text, size_t len, size_t max,
                            kg_error *err)
{
    if (len > max)
        return kg_error_set(err, KG_ELIMIT, name, "text of %zu bytes is over the limit of %zu",
                            len, max);
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        size_t line, col;
        line_col(text, (size_t)(nul - text), &line, &col);
        kg_status st = kg_error_set(err, KG_EINPUT, name,
                                    "a NUL byte at byte %zu: a binary file, not a text",
                                    (size_t)(nul - text));
        if (err) {
            err->line = (int)line;
            err->column = (int)col;
        }
        return st;
    }
    size_t bad = first_bad_utf8(text, len);
    if (bad < len) {
        size_t line, col;
        line_col(text, bad, &line, &col);
        kg_status st = kg_error_set(err, KG_EINPUT, name,
                                    "malformed UTF-8 at byte %zu; convert the text to UTF-8 "
                                    "(e.g. iconv -f latin1 -t utf-8)", bad);
        if (err) {
            err->line = (int)line;
            err->column = (int)col;
        }
        return st;
    }
    return KG_OK;
}

static char *keep_string(kg_extractor *ex, const char *s)
{
    return s ? kg_arena_strndup(&ex->arena, s, strlen(s)) : NULL;
}

kg_status kg_extractor_add_text(kg_extractor *ex, const kg_source *source, const char *name,
                                const char *text, size_t len, kg_error *err)
{
    if (ex->has_run)
        return kg_error_set(err, KG_EUSAGE, name, "texts must be added before the run");
    if (!source || !source->id || !source->title)
        return kg_error_set(err, KG_EUSAGE, name, "a source needs an id and a title");
    kg_status st = check_text(name, text, len, ex->max_text, err);
    if (st != KG_OK)
        return st;
    if (len > UINT32_MAX - 1)
        return kg_error_set(err, KG_ELIMIT, name, "text too large");
    if (ex->text_count == ex->text_capacity) {
        size_t grown = ex->text_capacity ? ex->text_capacity * 2 : 4;
        ex_text *more = realloc(ex->texts, grown * sizeof *more);
        if (!more)
            return kg_error_set(err, KG_ENOMEM, name, "out of memory");
        ex->texts = more;
        kg_source *srcs = realloc(ex->sources, grown * sizeof *srcs);
        if (!srcs)
            return kg_error_set(err, KG_ENOMEM, name, "out of memory");
        ex->sources = srcs;
        ex->text_capacity = grown;
    }
    ex_text *t = &ex->texts[ex->text_count];
    memset(t, 0, sizeof *t);
    kg_source *s = &ex->sources[ex->text_count];
    s->id = keep_string(ex, source->id);
    s->title = keep_string(ex, source->title);
    s->file = keep_string(ex, source->file);
    s->url = keep_string(ex, source->url);
    s->retrieved = NULL;
    t->source_id = s->id;
    t->text = malloc(len + 1);
    if (!t->text || !s->id || !s->title)
        goto oom;
    memcpy(t->text, text, len);
    t->text[len] = '\0';
    t->len = len;
    if (kg_ex_tokenise(t) != KG_OK) {
        kg_ex_text_free(t);
        goto oom;
    }
    for (size_t i = 0; i < t->token_count; i++) {
        const ex_token *tok = &t->tokens[i];
        if (tok->kind == EX_WORD && !tok->is_cap && !tok->is_digit &&
            kg_ex_names_add(&ex->lower_words, tok->lower, strlen(tok->lower), 0) != KG_OK) {
            kg_ex_text_free(t);
            goto oom;
        }
    }
    ex->text_count++;
    return KG_OK;
oom:
    free(t->text);
    t->text = NULL;
    return kg_error_set(err, KG_ENOMEM, name, "out of memory");
}

kg_status kg_extractor_run(kg_extractor *ex, kg_error *err)
{
    if (ex->has_run)
        return kg_error_set(err, KG_EUSAGE, NULL, "the extractor has already run");
    ex->has_run = true;
    for (uint32_t i = 0; i < ex->text_count; i++)
        if (kg_ex_find_names(ex, i) != KG_OK)
            return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    if (kg_ex_short_names(ex) != KG_OK)
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    for (uint32_t i = 0; i < ex->text_count; i++)
        if (kg_ex_find_relations(ex, i) != KG_OK)
            return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    if (kg_ex_assign_ids(ex) != KG_OK)
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    return KG_OK;
}

size_t kg_extractor_entity_count(const kg_extractor *ex)
{
    size_t n = 0;
    for (size_t i = 0; ex && i < ex->entity_count; i++)
        n += ex->entities[i].is_used && ex->merged_into[i] == i;
    return n;
}

size_t kg_extractor_relation_count(const kg_extractor *ex)
{
    return ex ? ex->relation_count : 0;
}
