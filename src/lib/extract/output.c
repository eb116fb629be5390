/* output.c - the candidate data set: ids for new entities (a slug of the
 * label, unique, never another entity's name), then JSON with every entity
 * and relation marked "status": "candidate", its rule, confidence and
 * quotes with their byte offsets. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extractor.h"
#include "kg/text.h"

static char *slug(const char *label)
{
    size_t need = kg_fold(label, NULL, 0) + 1;
    char *folded = malloc(need);
    char *out = malloc(need + 16);
    if (!folded || !out) {
        free(folded);
        free(out);
        return NULL;
    }
    kg_fold(label, folded, need);
    size_t o = 0;
    for (const char *c = folded; *c; c++) {
        bool ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9');
        if (ok)
            out[o++] = *c;
        else if (o > 0 && out[o - 1] != '-')
            out[o++] = '-';
    }
    while (o > 0 && out[o - 1] == '-')
        o--;
    if (o > 100)
        o = 100;
    if (o == 0)
        out[o++] = 'x';
    out[o] = '\0';
    free(folded);
    return out;
}

static bool id_taken(const kg_extractor *ex, const ex_names *ids, const char *id)
{
    return kg_ex_names_find(ids, id, strlen(id)) != EX_NO_ENTITY ||
           kg_ex_names_find(&ex->names, id, strlen(id)) != EX_NO_ENTITY;
}

kg_status kg_ex_assign_ids(kg_extractor *ex)
{
    ex_names ids;
    kg_ex_names_init(&ids, &ex->arena);
    kg_status st = KG_OK;
    for (size_t i = 0; i < ex->entity_count && st == KG_OK; i++)
        if (ex->entities[i].id)
            st = kg_ex_names_add(&ids, ex->entities[i].id, strlen(ex->entities[i].id), i);
    for (size_t i = 0; i < ex->entity_count && st == KG_OK; i++) {
        ex_entity *e = &ex->entities[i];
        if (e->id || !e->is_used || ex->merged_into[i] != i)
            continue;
        char *base = slug(e->label);
        if (!base) {
            st = KG_ENOMEM;
            break;
        }
        size_t len = strlen(base);
        e->id = base;
        for (int n = 2; id_taken(ex, &ids, e->id); n++)
            snprintf(base + len, 16, "-%d", n);
        st = kg_ex_names_add(&ids, e->id, strlen(e->id), i);
    }
    kg_ex_names_free(&ids);
    return st;
}

typedef struct id_order {
    const char *id;
    size_t entity;
} id_order;

static int compare_ids(const void *a, const void *b)
{
    return strcmp(((const id_order *)a)->id, ((const id_order *)b)->id);
}

static json_t *evidence_json(const kg_extractor *ex, const ex_evidence *ev, size_t count)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < count; i++) {
        const ex_text *t = &ex->texts[ev[i].text];
        json_t *item = json_object();
        if (!item || json_array_append_new(list, item) ||
            json_object_set_new(item, "source", json_string(t->source_id)) ||
            json_object_set_new(item, "quote", json_stringn(t->text + ev[i].start,
                                                            ev[i].end - ev[i].start)) ||
            json_object_set_new(item, "offset", json_integer(ev[i].start)) ||
            json_object_set_new(item, "length", json_integer(ev[i].end - ev[i].start))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static int set_candidate(json_t *obj, const char *rule, double confidence)
{
    return json_object_set_new(obj, "confidence", json_real((double)(int)(confidence * 100 + 0.5) / 100)) ||
           json_object_set_new(obj, "rule", json_string(rule)) ||
           json_object_set_new(obj, "status", json_string("candidate"));
}

/* Claims the name (case and accents folded, as the loader compares names)
 * for entity `index`: false when another entity has it already. */
static bool claim(json_t *names, const char *name, size_t index, int *bad)
{
    char buf[512];
    size_t n = kg_fold(name, buf, sizeof buf);
    if (n >= sizeof buf)
        buf[sizeof buf - 1] = '\0';
    json_t *owner = json_object_get(names, buf);
    if (owner)
        return (size_t)json_integer_value(owner) == index;
    *bad |= json_object_set_new(names, buf, json_integer((json_int_t)index));
    return true;
}

/* The entity's JSON; names maps the folded ids and labels of all written
 * entities (and the aliases written so far) to their entity: an alias
 * another entity has is left out, so that a name lands on one entity
 * (merges and short names can give "Sava Cell" to one entity and "Sava cell"
 * to another). */
static json_t *entity_json(const kg_extractor *ex, const ex_entity *e, size_t index,
                           json_t *names)
{
    json_t *obj = json_object();
    if (!obj)
        return NULL;
    int bad = json_object_set_new(obj, "id", json_string(e->id)) ||
              json_object_set_new(obj, "type",
                                  json_string(kg_schema_node_type(ex->schema, e->type)->name)) ||
              json_object_set_new(obj, "label", json_string(e->label));
    json_t *aliases = NULL;
    for (size_t a = 0; !bad && a < e->alias_count; a++) {
        if (!claim(names, e->aliases[a], index, &bad))
            continue;
        if (!aliases) {
            aliases = json_array();
            bad = !aliases || json_object_set_new(obj, "aliases", aliases);
        }
        bad = bad || json_array_append_new(aliases, json_string(e->aliases[a]));
    }
    if (!bad && e->evidence_count) {
        json_t *ev = evidence_json(ex, e->evidence, e->evidence_count);
        bad = !ev || json_object_set_new(obj, "evidence", ev);
    }
    if (bad || set_candidate(obj, e->rule, e->confidence)) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

static json_t *relation_json(const kg_extractor *ex, const ex_relation *r)
{
    json_t *obj = json_object();
    json_t *ev = evidence_json(ex, r->evidence, r->evidence_count);
    if (!obj || !ev ||
        json_object_set_new(obj, "source", json_string(ex->entities[r->source].id)) ||
        json_object_set_new(obj, "type",
                            json_string(kg_schema_edge_type(ex->schema, r->type)->name)) ||
        json_object_set_new(obj, "target", json_string(ex->entities[r->target].id)) ||
        (r->date[0] && json_object_set_new(obj, "start", json_string(r->date))) ||
        json_object_set_new(obj, "evidence", ev) || set_candidate(obj, r->rule, r->confidence)) {
        json_decref(obj);
        return NULL;
    }
    return obj;
}

static json_t *sources_json(const kg_extractor *ex)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < ex->text_count; i++) {
        const kg_source *s = &ex->sources[i];
        json_t *obj = json_object();
        if (!obj || json_array_append_new(list, obj) ||
            json_object_set_new(obj, "id", json_string(s->id)) ||
            json_object_set_new(obj, "title", json_string(s->title)) ||
            (s->file && json_object_set_new(obj, "file", json_string(s->file))) ||
            (s->url && json_object_set_new(obj, "url", json_string(s->url)))) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

static json_t *dataset_json(const kg_extractor *ex, const kg_extract_meta *meta)
{
    json_t *root = json_object();
    json_t *entities = json_array(), *relations = json_array();
    json_t *sources = sources_json(ex);
    id_order *order = malloc((ex->entity_count + 1) * sizeof *order);
    size_t n = 0;
    int bad = !root || !entities || !relations || !sources || !order;
    for (size_t i = 0; !bad && i < ex->entity_count; i++)
        if (ex->entities[i].is_used && ex->merged_into[i] == i)
            order[n++] = (id_order){ex->entities[i].id, i};
    if (!bad && n)
        qsort(order, n, sizeof *order, compare_ids);
    json_t *names = json_object();
    bad = bad || !names;
    for (size_t i = 0; !bad && i < n; i++) {
        const ex_entity *e = &ex->entities[order[i].entity];
        claim(names, e->id, order[i].entity, &bad);
        claim(names, e->label, order[i].entity, &bad);
    }
    for (size_t i = 0; !bad && i < n; i++) {
        json_t *e = entity_json(ex, &ex->entities[order[i].entity], order[i].entity, names);
        bad = !e || json_array_append_new(entities, e);
    }
    json_decref(names);
    for (size_t i = 0; !bad && i < ex->relation_count; i++) {
        json_t *r = relation_json(ex, &ex->relations[i]);
        bad = !r || json_array_append_new(relations, r);
    }
    free(order);
    if (!bad)
        bad = json_object_set_new(root, "kg", json_integer(1)) ||
              (meta && meta->name && json_object_set_new(root, "name", json_string(meta->name))) ||
              (meta && meta->title && json_object_set_new(root, "title", json_string(meta->title))) ||
              json_object_set_new(root, "description",
                                  json_string("Candidates proposed by kg extract: review each "
                                              "(status accepted or rejected), then kg merge.")) ||
              (meta && meta->schema && json_object_set_new(root, "schema", json_string(meta->schema)));
    if (!bad) {
        bad = json_object_set_new(root, "sources", sources) ||
              json_object_set_new(root, "entities", entities) ||
              json_object_set_new(root, "relations", relations);
        sources = entities = relations = NULL;
    }
    json_decref(sources);
    json_decref(entities);
    json_decref(relations);
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}

kg_status kg_extractor_write(const kg_extractor *ex, const kg_extract_meta *meta,
                             kg_writer *w, kg_error *err)
{
    if (!ex->has_run)
        return kg_error_set(err, KG_EUSAGE, NULL, "kg_extractor_run has not been called");
    json_t *root = dataset_json(ex, meta);
    char *text = root ? json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(3)) : NULL;
    json_decref(root);
    if (!text)
        return kg_error_set(err, KG_ENOMEM, NULL, "out of memory");
    kg_status st = kg_writer_puts(w, text);
    if (st == KG_OK)
        st = kg_writer_putc(w, '\n');
    free(text);
    if (st != KG_OK)
        return kg_error_set(err, st, kg_writer_name(w), "cannot write the candidates");
    return KG_OK;
}
