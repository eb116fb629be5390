/* merge.c - `kg merge`: reviewed candidates join a data set. Entities are
 * matched by id, then by label or alias (case-folded); a match keeps the
 * base entity and gains the candidate's quotes and names; relations whose
 * ends are accepted are added, or join the quotes of an equal relation.
 * Nothing of the base is dropped; conflicts are reported with the
 * candidate file and a JSON Pointer. */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"
#include "kg/text.h"

typedef struct merge_state {
    json_t *base;
    json_t *names;   /* folded name -> entity id (string) */
    json_t *ids;     /* entity id -> entity object (borrowed) */
    json_t *rels;    /* "source\x1ftype\x1ftarget" -> relation object */
    const kg_merge_options *options;
    kg_merge_report *report;
    kg_diagnostics *diags;
    kg_status status;
} merge_state;

static void conflict(merge_state *m, const char *file, const char *pointer, const char *fmt,
                     ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void conflict(merge_state *m, const char *file, const char *pointer, const char *fmt,
                     ...)
{
    char text[KG_ERROR_TEXT_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    kg_error err;
    kg_error_set(&err, KG_EINPUT, file, "%s", text);
    snprintf(err.pointer, sizeof err.pointer, "%s", pointer);
    kg_diagnostics_add(m->diags, &err);
    m->report->conflicts++;
    m->status = KG_EINPUT;
}

static void fold_name(const char *name, char *out, size_t size)
{
    const char *p = name;
    if (strncmp(p, "the ", 4) == 0 || strncmp(p, "The ", 4) == 0)
        p += 4;
    kg_fold(p, out, size);
}

static void index_entity(merge_state *m, json_t *e)
{
    const char *id = json_string_value(json_object_get(e, "id"));
    if (!id)
        return;
    json_object_set(m->ids, id, e);
    char key[1024];
    json_t *label = json_object_get(e, "label");
    if (json_is_string(label)) {
        fold_name(json_string_value(label), key, sizeof key);
        if (!json_object_get(m->names, key))
            json_object_set_new(m->names, key, json_string(id));
    }
    size_t i;
    json_t *alias;
    json_array_foreach(json_object_get(e, "aliases"), i, alias) {
        if (!json_is_string(alias))
            continue;
        fold_name(json_string_value(alias), key, sizeof key);
        if (!json_object_get(m->names, key))
            json_object_set_new(m->names, key, json_string(id));
    }
}

static void relation_key(json_t *r, char *out, size_t size)
{
    snprintf(out, size, "%s\x1f%s\x1f%s", json_string_value(json_object_get(r, "source")),
             json_string_value(json_object_get(r, "type")),
             json_string_value(json_object_get(r, "target")));
}

/* Appends to base's evidence the candidate quotes it lacks. */
static void join_evidence(json_t *base, json_t *cand)
{
    json_t *from = json_object_get(cand, "evidence");
    if (json_is_object(from)) {
        json_t *list = json_array();
        json_array_append(list, from);
        from = list;
    } else {
        json_incref(from);
    }
    json_t *to = json_object_get(base, "evidence");
    if (json_is_object(to)) {
        json_t *list = json_array();
        json_array_append(list, to);
        json_object_set_new(base, "evidence", list);
        to = list;
    } else if (!to && json_array_size(from)) {
        to = json_array();
        json_object_set_new(base, "evidence", to);
    }
    size_t i, j;
    json_t *ev, *have;
    json_array_foreach(from, i, ev) {
        bool present = false;
        json_array_foreach(to, j, have)
            present |= json_equal(json_object_get(have, "quote"), json_object_get(ev, "quote")) &&
                       json_equal(json_object_get(have, "source"), json_object_get(ev, "source"));
        if (!present)
            json_array_append(to, ev);
    }
    json_decref(from);
}

static bool wanted(merge_state *m, json_t *item)
{
    const char *status = json_string_value(json_object_get(item, "status"));
    bool ok = !status || strcmp(status, "accepted") == 0 ||
              (m->options && m->options->take_all && strcmp(status, "candidate") == 0);
    if (!ok)
        m->report->skipped++;
    return ok;
}

static json_t *accepted_copy(json_t *item)
{
    json_t *copy = json_deep_copy(item);
    json_object_del(copy, "status");
    json_object_del(copy, "confidence");
    json_object_del(copy, "rule");
    return copy;
}

static void add_name(merge_state *m, json_t *e, const char *name)
{
    char key[1024];
    fold_name(name, key, sizeof key);
    if (json_object_get(m->names, key))
        return; /* someone has it: an alias may not be claimed twice */
    json_t *aliases = json_object_get(e, "aliases");
    if (!aliases) {
        aliases = json_array();
        json_object_set_new(e, "aliases", aliases);
    }
    json_array_append_new(aliases, json_string(name));
    json_object_set_new(m->names, key, json_string(json_string_value(json_object_get(e, "id"))));
}

/* Returns the base id the candidate entity maps to, or NULL (skipped). */
static const char *merge_entity(merge_state *m, json_t *e, const char *file, size_t index,
                                json_t *ents)
{
    char ptr[128];
    snprintf(ptr, sizeof ptr, "/entities/%zu", index);
    const char *id = json_string_value(json_object_get(e, "id"));
    const char *label = json_string_value(json_object_get(e, "label"));
    const char *type = json_string_value(json_object_get(e, "type"));
    if (!id || !label || !type) {
        conflict(m, file, ptr, "an entity needs id, label and type");
        return NULL;
    }
    json_t *match = json_object_get(m->ids, id);
    const char *names[64];
    size_t n = 0;
    names[n++] = label;
    size_t i;
    json_t *alias;
    json_array_foreach(json_object_get(e, "aliases"), i, alias)
        if (json_is_string(alias) && n < 64)
            names[n++] = json_string_value(alias);
    for (size_t k = 0; !match && k < n; k++) {
        char key[1024];
        fold_name(names[k], key, sizeof key);
        json_t *owner = json_object_get(m->names, key);
        if (owner)
            match = json_object_get(m->ids, json_string_value(owner));
    }
    if (!match) {
        json_t *copy = accepted_copy(e);
        json_array_append_new(ents, copy);
        index_entity(m, copy);
        m->report->entities_added++;
        return id;
    }
    const char *base_type = json_string_value(json_object_get(match, "type"));
    const char *base_id = json_string_value(json_object_get(match, "id"));
    if (base_type && strcmp(base_type, type) != 0) {
        char tptr[160];
        snprintf(tptr, sizeof tptr, "%s/type", ptr);
        conflict(m, file, tptr, "entity '%s' is a '%s' in the base; change one of the types",
                 base_id, base_type);
        return NULL;
    }
    join_evidence(match, e);
    for (size_t k = 0; k < n; k++)
        if (strcmp(names[k], json_string_value(json_object_get(match, "label"))) != 0)
            add_name(m, match, names[k]);
    m->report->entities_merged++;
    return base_id;
}

static void merge_sources(merge_state *m, json_t *cand, const char *file)
{
    json_t *base_sources = json_object_get(m->base, "sources");
    size_t i, j;
    json_t *s, *b;
    json_array_foreach(json_object_get(cand, "sources"), i, s) {
        const char *id = json_string_value(json_object_get(s, "id"));
        bool found = false;
        json_array_foreach(base_sources, j, b) {
            const char *bid = json_string_value(json_object_get(b, "id"));
            if (!id || !bid || strcmp(id, bid) != 0)
                continue;
            found = true;
            if (!json_equal(json_object_get(b, "file"), json_object_get(s, "file")) &&
                json_object_get(b, "file") && json_object_get(s, "file")) {
                char ptr[64];
                snprintf(ptr, sizeof ptr, "/sources/%zu/file", i);
                conflict(m, file, ptr, "source '%s' names another file in the base (%s)", id,
                         json_string_value(json_object_get(b, "file")));
            }
        }
        if (!found)
            json_array_append(base_sources, s);
    }
}

static void merge_relations(merge_state *m, json_t *cand, json_t *map, const char *file)
{
    json_t *rels = json_object_get(m->base, "relations");
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(cand, "relations"), i, r) {
        if (!wanted(m, r))
            continue;
        const char *s = json_string_value(json_object_get(r, "source"));
        const char *t = json_string_value(json_object_get(r, "target"));
        json_t *ms = s ? json_object_get(map, s) : NULL, *mt = t ? json_object_get(map, t) : NULL;
        if (!ms || !mt) {
            const char *missing = !ms ? s : t;
            if (missing && json_object_get(map, "\x1fseen") && json_object_get(json_object_get(map, "\x1fseen"), missing)) {
                m->report->skipped++; /* its end was not accepted */
                continue;
            }
            char ptr[64];
            snprintf(ptr, sizeof ptr, "/relations/%zu/%s", i, !ms ? "source" : "target");
            conflict(m, file, ptr, "unknown entity '%s'", missing ? missing : "?");
            continue;
        }
        json_t *copy = accepted_copy(r);
        json_object_set(copy, "source", ms);
        json_object_set(copy, "target", mt);
        char key[1024];
        relation_key(copy, key, sizeof key);
        json_t *same = json_object_get(m->rels, key);
        if (same) {
            join_evidence(same, copy);
            json_decref(copy);
            m->report->relations_merged++;
        } else {
            json_array_append_new(rels, copy);
            json_object_set(m->rels, key, copy);
            m->report->relations_added++;
        }
    }
}

static void merge_one(merge_state *m, json_t *cand, const char *file)
{
    json_t *map = json_object();  /* candidate id -> base id */
    json_t *seen = json_object(); /* candidate ids, accepted or not */
    json_t *ents = json_object_get(m->base, "entities");
    merge_sources(m, cand, file);
    size_t i;
    json_t *e;
    json_object_set_new(map, "\x1fseen", seen);
    json_array_foreach(json_object_get(cand, "entities"), i, e) {
        const char *id = json_string_value(json_object_get(e, "id"));
        if (id)
            json_object_set_new(seen, id, json_true());
        if (!wanted(m, e))
            continue;
        const char *to = merge_entity(m, e, file, i, ents);
        if (to && id)
            json_object_set_new(map, id, json_string(to));
    }
    /* relations may also name base entities directly */
    const char *id;
    json_t *obj;
    json_object_foreach(m->ids, id, obj)
        if (!json_object_get(map, id) && !json_object_get(seen, id))
            json_object_set_new(map, id, json_string(id));
    merge_relations(m, cand, map, file);
    json_decref(map);
}

static json_t *parse(const char *text, size_t len, const char *name, kg_diagnostics *diags)
{
    json_error_t jerr;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root || !json_is_object(root)) {
        kg_error err;
        kg_error_set(&err, KG_EINPUT, name, "%s", root ? "expected a data set object" : jerr.text);
        err.line = root ? 0 : jerr.line;
        err.column = root ? 0 : jerr.column;
        kg_diagnostics_add(diags, &err);
        json_decref(root);
        return NULL;
    }
    return root;
}

kg_status kg_merge(const char *base_text, size_t base_len, const char *base_name,
                   const char *const *cand_texts, const size_t *cand_lens,
                   const char *const *cand_names, size_t cand_count,
                   const kg_merge_options *options, char **out,
                   kg_merge_report *report, kg_diagnostics *diags)
{
    *out = NULL;
    memset(report, 0, sizeof *report);
    merge_state m = {parse(base_text, base_len, base_name, diags), json_object(), json_object(),
                     json_object(), options, report, diags, KG_OK};
    if (!m.base) {
        m.status = KG_EINPUT;
        goto cleanup;
    }
    const char *arrays[] = {"sources", "entities", "relations"};
    for (size_t k = 0; k < 3; k++)
        if (!json_is_array(json_object_get(m.base, arrays[k])))
            json_object_set_new(m.base, arrays[k], json_array());
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(m.base, "entities"), i, item)
        index_entity(&m, item);
    json_array_foreach(json_object_get(m.base, "relations"), i, item) {
        char key[1024];
        relation_key(item, key, sizeof key);
        if (!json_object_get(m.rels, key))
            json_object_set(m.rels, key, item);
    }
    for (size_t c = 0; c < cand_count; c++) {
        json_t *cand = parse(cand_texts[c], cand_lens[c], cand_names[c], diags);
        if (!cand) {
            m.status = KG_EINPUT;
            continue;
        }
        merge_one(&m, cand, cand_names[c]);
        json_decref(cand);
    }
    if (m.status == KG_OK) {
        *out = json_dumps(m.base, JSON_INDENT(2) | JSON_REAL_PRECISION(3));
        if (!*out)
            m.status = KG_ENOMEM;
    }
cleanup:
    json_decref(m.base);
    json_decref(m.names);
    json_decref(m.ids);
    json_decref(m.rels);
    return m.status;
}
