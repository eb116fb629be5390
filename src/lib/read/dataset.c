/* dataset.c - the checks of a kg data set (docs/format.md): each source,
 * entity and relation, handed over as a small jansson tree, is checked
 * against the schema and added to the graph, every problem reported with its
 * JSON Pointer. dataset_read.c streams the records here one at a time (an
 * entity or relation only when the checks on its tokens in dataset_record.c
 * find something wrong or unusual); the
 * whole-document path at the end serves documents whose members come in an
 * order the stream cannot follow (the schema after the entities, ...). */
#include "kg/dataset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset_internal.h"
#include "kg/text.h"

#define ID_MAX 128

static const char *const top_keys[] = {"kg", "name", "title", "description", "schema",
                                       "sources", "entities", "relations", NULL};
static const char *const source_keys[] = {"id", "title", "file", "url", "retrieved", NULL};
static const char *const entity_keys[] = {"id", "type", "label", "aliases", "start", "end",
                                          "description", "evidence", "attributes",
                                          "confidence", "rule", "status", NULL};
static const char *const relation_keys[] = {"id", "source", "type", "target", "start",
                                            "end", "evidence", "attributes", "confidence",
                                            "rule", "status", NULL};

/* ---- small value checks ----------------------------------------------- */

bool kg_ds_valid_id(const char *id)
{
    size_t len = strlen(id);
    if (len == 0 || len > ID_MAX)
        return false;
    for (const char *c = id; *c; c++) {
        bool alnum = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                     (*c >= '0' && *c <= '9');
        if (!alnum && (c == id || !strchr("_.:-", *c)))
            return false;
    }
    return true;
}

/* ---- sources ---------------------------------------------------------- */

void kg_ds_load_source(loader *ld, json_t *obj, size_t i)
{
    {
        char ptr[KG_POINTER_MAX];
        kg_pointer_index(ptr, "/sources", i);
        if (!json_is_object(obj)) {
            kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL, "expected an object, found %s",
                           kg_json_type_name(obj));
            return;
        }
        kg_json_check_keys(&ld->ctx, obj, ptr, source_keys);
        kg_source s = {
            kg_json_string(&ld->ctx, obj, ptr, "id", true),
            kg_json_string(&ld->ctx, obj, ptr, "title", true),
            kg_json_string(&ld->ctx, obj, ptr, "file", false),
            kg_json_string(&ld->ctx, obj, ptr, "url", false),
            kg_json_string(&ld->ctx, obj, ptr, "retrieved", false),
        };
        if (!s.file && !s.url)
            kg_json_report(&ld->ctx, KG_EINPUT, ptr, "give a \"file\" (for kg verify) or a \"url\"",
                           "source has neither 'file' nor 'url'");
        if (!s.id || !s.title)
            return;
        if (kg_graph_find_source(ld->graph, s.id)) {
            char idptr[KG_POINTER_MAX];
            kg_pointer_key(idptr, ptr, "id");
            kg_json_report(&ld->ctx, KG_EINPUT, idptr, NULL, "duplicate source id '%s'", s.id);
        } else if (kg_graph_add_source(ld->graph, &s) != KG_OK) {
            kg_json_report(&ld->ctx, KG_ENOMEM, ptr, NULL, "out of memory");
        }
    }
}

static void load_sources(loader *ld, json_t *root)
{
    json_t *sources = kg_json_array(&ld->ctx, root, "", "sources", true);
    size_t i;
    json_t *obj;
    json_array_foreach(sources, i, obj)
        kg_ds_load_source(ld, obj, i);
}

/* ---- entities --------------------------------------------------------- */

/* Folded form of a name, kept for the load, for alias clash checks. */
static const char *folded(loader *ld, const char *name)
{
    char buf[512];
    size_t n = kg_fold(name, buf, sizeof buf);
    return kg_arena_strndup(&ld->keep, buf, n < sizeof buf ? n : sizeof buf - 1);
}

static void load_aliases(loader *ld, json_t *obj, const char *pointer, kg_node *node)
{
    json_t *list = kg_json_array(&ld->ctx, obj, pointer, "aliases", false);
    size_t n = list ? json_array_size(list) : 0;
    const char **aliases = n ? kg_arena_alloc(&ld->scratch, n * sizeof *aliases) : NULL;
    if (n && !aliases) {
        kg_json_report(&ld->ctx, KG_ENOMEM, pointer, NULL, "out of memory");
        return;
    }
    char base[KG_POINTER_MAX];
    kg_pointer_key(base, pointer, "aliases");
    for (size_t i = 0; i < n; i++) {
        json_t *item = json_array_get(list, i);
        char ptr[KG_POINTER_MAX];
        kg_pointer_index(ptr, base, i);
        if (!json_is_string(item) || json_string_length(item) == 0)
            kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL, "expected a non-empty string, found %s",
                           kg_json_type_name(item));
        else
            aliases[node->alias_count++] = json_string_value(item);
    }
    node->aliases = aliases;
}

/* The "type" of a record, named in the schema as a node type or (is_edge)
 * an edge type: its index, or KG_SCHEMA_NOT_FOUND (reported, with the
 * nearest names). */
static size_t load_type(loader *ld, json_t *obj, const char *pointer, bool is_edge,
                        const char **type)
{
    *type = kg_json_string(&ld->ctx, obj, pointer, "type", true);
    if (!*type)
        return KG_SCHEMA_NOT_FOUND;
    size_t index = is_edge ? kg_schema_find_edge_type(ld->schema, *type)
                           : kg_schema_find_node_type(ld->schema, *type);
    if (index == KG_SCHEMA_NOT_FOUND) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, "type");
        kg_json_report_unknown(&ld->ctx, ptr, is_edge ? "edge type" : "node type", *type,
                               is_edge ? kg_schema_suggest_edge_type(ld->schema, *type)
                                       : kg_schema_suggest_node_type(ld->schema, *type));
    }
    return index;
}

/* Adds the entity's id and label to the name map (first claim wins). */
static void claim_names(loader *ld, const kg_node *node, size_t index)
{
    const char *names[2] = {folded(ld, node->id), folded(ld, node->label)};
    for (int i = 0; i < 2; i++) {
        if (!names[i] || kg_index_map_put(&ld->names, names[i], index, NULL) == KG_ENOMEM)
            kg_json_report(&ld->ctx, KG_ENOMEM, "", NULL, "out of memory");
    }
}

/* The checks every record of an array starts with: an object, known
 * keys, a valid review; ptr gets its JSON Pointer. False when it is not
 * an object (reported). */
static bool start_record(loader *ld, json_t *obj, const char *array, size_t position,
                         const char *const *keys, char ptr[KG_POINTER_MAX])
{
    kg_pointer_index(ptr, array, position);
    if (!json_is_object(obj)) {
        kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL, "expected an object, found %s",
                       kg_json_type_name(obj));
        return false;
    }
    kg_json_check_keys(&ld->ctx, obj, ptr, keys);
    kg_ds_check_review(ld, obj, ptr);
    return true;
}

void kg_ds_load_entity(loader *ld, json_t *obj, size_t position)
{
    char ptr[KG_POINTER_MAX];
    if (!start_record(ld, obj, "/entities", position, entity_keys, ptr))
        return;
    kg_node node;
    memset(&node, 0, sizeof node);
    size_t problems = ld->ctx.problems;
    node.origin = (uint32_t)position;
    node.id = kg_json_string(&ld->ctx, obj, ptr, "id", true);
    node.type_index = load_type(ld, obj, ptr, false, &node.type);
    node.label = kg_json_string(&ld->ctx, obj, ptr, "label", true);
    node.description = kg_json_string(&ld->ctx, obj, ptr, "description", false);
    load_aliases(ld, obj, ptr, &node);
    kg_ds_load_interval(ld, obj, ptr, &node.start, &node.end);
    kg_ds_load_evidence(ld, obj, ptr, false, &node.evidence, &node.evidence_count);
    kg_ds_load_attributes(ld, obj, ptr, &node.attrs, &node.attr_count);
    char idptr[KG_POINTER_MAX];
    kg_pointer_key(idptr, ptr, "id");
    if (node.id && !kg_ds_valid_id(node.id)) {
        kg_json_report(&ld->ctx, KG_EINPUT, idptr,
                       "ids start with a letter or digit, then letters, digits, '_', '.', ':' or '-' (at most 128)",
                       "invalid entity id '%s'", node.id);
        return;
    }
    if (!node.id || ld->ctx.problems != problems)
        return;
    size_t index;
    kg_status st = kg_graph_add_node(ld->graph, &node, &index);
    if (st == KG_EINPUT) {
        size_t first = kg_graph_find_node(ld->graph, node.id);
        kg_json_report(&ld->ctx, KG_EINPUT, idptr, NULL,
                       "duplicate entity id '%s' (first at /entities/%u)", node.id,
                       kg_graph_node(ld->graph, first)->origin);
    } else if (st != KG_OK) {
        kg_json_report(&ld->ctx, st, ptr, NULL, "out of memory");
    } else if (kg_grow((void **)&ld->entity_ids, &ld->entity_cap, ld->entity_count + 1,
                       sizeof *ld->entity_ids) != KG_OK) {
        kg_json_report(&ld->ctx, KG_ENOMEM, ptr, NULL, "out of memory");
    } else {
        ld->entity_ids[ld->entity_count++] = kg_graph_node(ld->graph, index)->id;
    }
}

/* An alias may not be another entity's id, label or alias: name lookup
 * ("kg path NATO EU") must land on exactly one entity. */
void kg_ds_check_aliases(loader *ld)
{
    size_t n = kg_graph_node_count(ld->graph);
    /* The ids and labels are claimed here, in entity order, and only when
     * some entity has aliases: folding and mapping every name of a large
     * data set without any was 2% of reading it. */
    size_t first_alias = 0;
    while (first_alias < n && kg_graph_node(ld->graph, first_alias)->alias_count == 0)
        first_alias++;
    if (first_alias == n)
        return;
    for (size_t i = 0; i < n; i++)
        claim_names(ld, kg_graph_node(ld->graph, i), i);
    for (size_t i = first_alias; i < n; i++) {
        const kg_node *node = kg_graph_node(ld->graph, i);
        for (uint32_t a = 0; a < node->alias_count; a++) {
            const char *name = folded(ld, node->aliases[a]);
            size_t owner = name ? kg_index_map_get(&ld->names, name) : (size_t)-1;
            size_t other = (size_t)-1;
            kg_status put = KG_OK;
            char ptr[KG_POINTER_MAX], base[KG_POINTER_MAX];
            snprintf(base, sizeof base, "/entities/%u/aliases", node->origin);
            kg_pointer_index(ptr, base, a);
            if (owner != (size_t)-1 && owner != i)
                kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL,
                               "alias '%s' is the id or label of another entity (/entities/%u)",
                               node->aliases[a], kg_graph_node(ld->graph, owner)->origin);
            else if (!name || (put = kg_index_map_put(&ld->aliases, name, i, &other)) == KG_ENOMEM)
                kg_json_report(&ld->ctx, KG_ENOMEM, ptr, NULL, "out of memory");
            else if (put == KG_EINPUT && other != i)
                kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL,
                               "alias '%s' is also claimed by /entities/%u",
                               node->aliases[a], kg_graph_node(ld->graph, other)->origin);
        }
    }
}

/* False when there are more entities than the limit (none are loaded). */
static bool load_entities(loader *ld, json_t *root)
{
    json_t *entities = kg_json_array(&ld->ctx, root, "", "entities", true);
    size_t n = entities ? json_array_size(entities) : 0;
    if (n > ld->options.max_nodes) {
        kg_json_report(&ld->ctx, KG_ELIMIT, "/entities", "raise it with --max-nodes",
                       "%zu entities, over the limit of %zu", n, ld->options.max_nodes);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        kg_ds_load_entity(ld, json_array_get(entities, i), i);
    kg_ds_check_aliases(ld);
    return true;
}

/* ---- relations -------------------------------------------------------- */

/* Index of the entity named by obj[key], reporting unknown ids. */
static size_t load_endpoint(loader *ld, json_t *obj, const char *pointer, const char *key)
{
    const char *id = kg_json_string(&ld->ctx, obj, pointer, key, true);
    if (!id)
        return KG_SCHEMA_NOT_FOUND;
    size_t index = kg_graph_find_node(ld->graph, id);
    if (index == KG_SCHEMA_NOT_FOUND) {
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, key);
        kg_json_report_unknown(&ld->ctx, ptr, "entity", id,
                               kg_suggest(id, ld->entity_ids, ld->entity_count));
    }
    return index;
}

/* The schema's endpoint rule (kg_schema_check_end), reported at the end's
 * JSON Pointer. */
static void check_endpoint_types(loader *ld, const kg_edge *e, const char *pointer)
{
    const size_t ends[2] = {e->source, e->target};
    const char *keys[2] = {"source", "target"};
    for (int k = 0; k < 2; k++) {
        const kg_node *n = kg_graph_node(ld->graph, ends[k]);
        kg_error err;
        if (kg_schema_check_end(ld->schema, e->type_index, (kg_edge_end)k, n->type_index, n->id,
                                &err) == KG_OK)
            continue;
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, pointer, keys[k]);
        kg_json_report(&ld->ctx, KG_EINPUT, ptr, err.hint, "%s", err.message);
    }
}

static void load_relation_id(loader *ld, json_t *obj, const char *pointer, kg_edge *e)
{
    e->id = kg_json_string(&ld->ctx, obj, pointer, "id", false);
    if (!e->id)
        return;
    char ptr[KG_POINTER_MAX];
    size_t first = 0;
    kg_status put;
    kg_pointer_key(ptr, pointer, "id");
    /* the map outlives the record's tree: it keeps a copy */
    const char *kept = NULL;
    if (!kg_ds_valid_id(e->id))
        kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL, "invalid relation id '%s'", e->id);
    else if (!(kept = kg_arena_strndup(&ld->keep, e->id, strlen(e->id))) ||
             (put = kg_index_map_put(&ld->relation_ids, kept, e->origin, &first)) == KG_ENOMEM)
        kg_json_report(&ld->ctx, KG_ENOMEM, ptr, NULL, "out of memory");
    else if (put == KG_EINPUT)
        kg_json_report(&ld->ctx, KG_EINPUT, ptr, NULL,
                       "duplicate relation id '%s' (first at /relations/%zu)", e->id, first);
}

void kg_ds_load_relation(loader *ld, json_t *obj, size_t position)
{
    char ptr[KG_POINTER_MAX];
    if (!start_record(ld, obj, "/relations", position, relation_keys, ptr))
        return;
    kg_edge e;
    memset(&e, 0, sizeof e);
    size_t problems = ld->ctx.problems;
    e.origin = (uint32_t)position;
    load_relation_id(ld, obj, ptr, &e);
    e.source = load_endpoint(ld, obj, ptr, "source");
    e.type_index = load_type(ld, obj, ptr, true, &e.type);
    e.target = load_endpoint(ld, obj, ptr, "target");
    kg_ds_load_interval(ld, obj, ptr, &e.start, &e.end);
    kg_ds_load_evidence(ld, obj, ptr, true, &e.evidence, &e.evidence_count);
    kg_ds_load_attributes(ld, obj, ptr, &e.attrs, &e.attr_count);
    if (e.source == KG_SCHEMA_NOT_FOUND || e.target == KG_SCHEMA_NOT_FOUND ||
        e.type_index == KG_SCHEMA_NOT_FOUND)
        return;
    check_endpoint_types(ld, &e, ptr);
    if (ld->ctx.problems != problems)
        return;
    if (kg_graph_add_edge(ld->graph, &e) != KG_OK)
        kg_json_report(&ld->ctx, KG_ENOMEM, ptr, NULL, "out of memory");
}

static void load_relations(loader *ld, json_t *root)
{
    json_t *relations = kg_json_array(&ld->ctx, root, "", "relations", true);
    size_t n = relations ? json_array_size(relations) : 0;
    if (n > ld->options.max_edges) {
        kg_json_report(&ld->ctx, KG_ELIMIT, "/relations", "raise it with --max-edges",
                       "%zu relations, over the limit of %zu", n, ld->options.max_edges);
        return;
    }
    for (size_t i = 0; i < n; i++)
        kg_ds_load_relation(ld, json_array_get(relations, i), i);
}

/* ---- top level -------------------------------------------------------- */

void kg_ds_apply_defaults(kg_load_options *o, const kg_load_options *given)
{
    memset(o, 0, sizeof *o);
    if (given)
        *o = *given;
    if (!o->max_bytes) o->max_bytes = KG_DEFAULT_MAX_BYTES;
    if (!o->max_nodes) o->max_nodes = KG_DEFAULT_MAX_NODES;
    if (!o->max_edges) o->max_edges = KG_DEFAULT_MAX_EDGES;
    if (!o->max_depth) o->max_depth = KG_DEFAULT_MAX_DEPTH;
}

/* The schema named by the data set (resolved against base_dir), or the one
 * given in the options. */
kg_schema *kg_ds_find_schema(loader *ld, json_t *root, const char *base_dir)
{
    if (ld->options.schema)
        return kg_schema_ref(ld->options.schema);
    const char *name = kg_json_string(&ld->ctx, root, "", "schema", false);
    if (!name)
        name = "schema.json";
    char path[4096];
    if (name[0] == '/' || !base_dir || !base_dir[0])
        snprintf(path, sizeof path, "%s", name);
    else
        snprintf(path, sizeof path, "%s/%s", base_dir, name);
    kg_schema *schema = NULL;
    kg_status status = kg_schema_load(path, &schema, ld->ctx.diags);
    if (status != KG_OK) {
        /* A schema that is missing or wrong makes the data set invalid;
         * running out of memory stays what it is. */
        kg_json_report(&ld->ctx, status == KG_ENOMEM ? KG_ENOMEM : KG_EINPUT, "/schema", NULL,
                       "cannot use schema '%s' (see above)", path);
        return NULL;
    }
    return schema;
}

void kg_ds_load_header(loader *ld, json_t *root)
{
    kg_json_check_keys(&ld->ctx, root, "", top_keys);
    json_t *version = json_object_get(root, "kg");
    if (!version)
        kg_json_report(&ld->ctx, KG_EINPUT, "", "add \"kg\": 1", "missing required key 'kg'");
    else if (!json_is_integer(version) || json_integer_value(version) != 1)
        kg_json_report(&ld->ctx, KG_EINPUT, "/kg", "this kg reads version 1",
                       "unsupported data set version");
    const char *name = kg_json_string(&ld->ctx, root, "", "name", false);
    const char *title = kg_json_string(&ld->ctx, root, "", "title", false);
    const char *text = kg_json_string(&ld->ctx, root, "", "description", false);
    if ((name && kg_graph_set_name(ld->graph, name) != KG_OK) ||
        (title && kg_graph_set_title(ld->graph, title) != KG_OK) ||
        (text && kg_graph_set_description(ld->graph, text) != KG_OK))
        kg_json_report(&ld->ctx, KG_ENOMEM, "", NULL, "out of memory");
}

/* Default graph name: the file name without folders and ".kg.json". */
static void default_name(kg_graph *g, const char *file)
{
    if (kg_graph_name(g)[0] || !file)
        return;
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    char name[256];
    snprintf(name, sizeof name, "%s", base);
    char *dot = strstr(name, ".kg.json");
    if (!dot)
        dot = strrchr(name, '.');
    if (dot && dot != name)
        *dot = '\0';
    kg_graph_set_name(g, name);
}

void kg_ds_loader_init(loader *ld, const char *name, const kg_load_options *options,
                       kg_diagnostics *diags)
{
    memset(ld, 0, sizeof *ld);
    kg_json_ctx_init(&ld->ctx, name, diags);
    kg_ds_apply_defaults(&ld->options, options);
    ld->ctx.max_depth = ld->options.max_depth;
    kg_arena_init(&ld->scratch);
    kg_arena_init(&ld->keep);
}

void kg_ds_loader_free(loader *ld)
{
    kg_index_map_free(&ld->names);
    kg_index_map_free(&ld->aliases);
    kg_index_map_free(&ld->relation_ids);
    kg_arena_free(&ld->scratch);
    kg_arena_free(&ld->keep);
    free(ld->entity_ids);
    ld->entity_ids = NULL;
    for (int i = 0; i < 2; i++) {
        free(ld->type_names[i]);
        ld->type_names[i] = NULL;
    }
}

void kg_ds_finish(loader *ld, const char *name)
{
    if (ld->ctx.first == KG_OK) {
        kg_error err;
        kg_error_clear(&err);
        if (kg_graph_finish(ld->graph, &err) != KG_OK)
            kg_json_report(&ld->ctx, err.status, "", NULL, "%s", err.message);
    }
    default_name(ld->graph, name);
}

kg_status kg_ds_parse_tree(const char *text, size_t len, const char *name,
                           const char *base_dir, const kg_load_options *options,
                           kg_graph **out, kg_diagnostics *diags)
{
    loader ld;
    kg_ds_loader_init(&ld, name, options, diags);
    *out = NULL;
    json_t *root = NULL;
    if (len > ld.options.max_bytes) {
        kg_json_report(&ld.ctx, KG_ELIMIT, "", "raise it with --max-input-size",
                       "input is %zu bytes, over the limit of %zu",
                       len, ld.options.max_bytes);
        goto cleanup;
    }
    root = kg_json_parse(&ld.ctx, text, len);
    if (!root)
        goto cleanup;
    if (!json_is_object(root)) {
        kg_json_report(&ld.ctx, KG_EINPUT, "", NULL, "expected a data set object, found %s",
                       kg_json_type_name(root));
        goto cleanup;
    }
    if (kg_graph_new(&ld.graph) != KG_OK) {
        kg_json_report(&ld.ctx, KG_ENOMEM, "", NULL, "out of memory");
        goto cleanup;
    }
    kg_ds_load_header(&ld, root);
    kg_schema *schema = kg_ds_find_schema(&ld, root, base_dir);
    if (!schema)
        goto cleanup;
    kg_graph_set_schema(ld.graph, schema);
    ld.schema = schema;
    load_sources(&ld, root);
    bool are_entities_loaded = load_entities(&ld, root);
    /* Without the entities every relation would look dangling: say only
     * what stopped the load (also after earlier errors, as the streaming
     * reader does). */
    if (are_entities_loaded && ld.ctx.first != KG_ELIMIT && ld.ctx.first != KG_ENOMEM)
        load_relations(&ld, root);
    kg_ds_finish(&ld, name);
cleanup:
    json_decref(root);
    kg_ds_loader_free(&ld);
    if (ld.ctx.first != KG_OK) {
        kg_graph_free(ld.graph);
        return ld.ctx.first;
    }
    *out = ld.graph;
    return KG_OK;
}
