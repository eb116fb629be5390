/* dataset_read.c - reads a kg data set in one streaming pass (json_pull.h):
 * the top-level members before the first list are gathered and checked
 * (version, name, schema), then each element of "sources" becomes a small
 * jansson tree that dataset.c checks and adds to the graph, and each entity
 * and relation is checked on its tokens (dataset_record.c), becoming such a
 * tree only when something is wrong: memory follows the graph, not the
 * document.
 * Problems are the whole-document loader's, in its order: a syntax error
 * anywhere outranks the rest, limits are checked on the lists' lengths, and
 * a document whose members come in another order (the schema after the
 * entities, the relations before them) is read by that loader instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dataset_internal.h"
#include "json_pull.h"

/* Deepest nesting the tree builder recurses into (jansson's own bound). */
#define BUILD_DEPTH_MAX 2048

enum { SOURCES = 1, ENTITIES = 2, RELATIONS = 4 };

typedef struct reader {
    loader ld;
    kg_jp jp;
    const char *base_dir;
    json_t *header;        /* the top-level members before the first list */
    kg_ds_record record;   /* the entity or relation being read */
    bool is_header_done;
    bool is_stopped;       /* the schema is unusable or a limit is hit: read on, check nothing */
    bool needs_tree;       /* members in an order the stream cannot follow */
    bool is_oom;
    int seen;              /* SOURCES | ENTITIES | RELATIONS */
    size_t diags_count, diags_dropped; /* at the start, to undo */
} reader;

/* ---- undoing what was reported ----------------------------------------- */

typedef struct mark {
    size_t count, dropped, problems;
    kg_status first;
} mark;

static mark mark_now(const reader *r)
{
    const kg_diagnostics *d = r->ld.ctx.diags;
    mark m = {d ? d->count : 0, d ? d->dropped : 0, r->ld.ctx.problems, r->ld.ctx.first};
    return m;
}

static void undo_to(reader *r, mark m)
{
    kg_diagnostics *d = r->ld.ctx.diags;
    if (d && d->count >= m.count) {
        d->count = m.count;
        d->dropped = m.dropped;
    }
    r->ld.ctx.problems = m.problems;
    r->ld.ctx.first = m.first;
}

/* ---- values as small trees --------------------------------------------- */

static json_t *build(reader *r, kg_jp_event ev, size_t depth);

static json_t *build_object(reader *r, size_t depth)
{
    json_t *obj = json_object();
    char short_key[64]; /* most keys: no allocation */
    char *key = NULL;
    size_t key_cap = 0;
    kg_jp_event ev;
    while (obj && (ev = kg_jp_next(&r->jp)) == KG_JP_KEY) {
        char *k = short_key;
        if (r->jp.text_len >= sizeof short_key) {
            if (kg_grow((void **)&key, &key_cap, r->jp.text_len + 1, 1) != KG_OK)
                goto fail;
            k = key;
        }
        memcpy(k, r->jp.text, r->jp.text_len + 1);
        json_t *v = build(r, kg_jp_next(&r->jp), depth + 1);
        if (!v || json_object_set_new_nocheck(obj, k, v) != 0)
            goto fail;
    }
    free(key);
    if (obj && ev == KG_JP_END_OBJECT)
        return obj;
    r->is_oom |= !obj;
    json_decref(obj);
    return NULL;
fail:
    r->is_oom |= r->jp.status == KG_OK;
    free(key);
    json_decref(obj);
    return NULL;
}

static json_t *build_array(reader *r, size_t depth)
{
    json_t *arr = json_array();
    kg_jp_event ev;
    while (arr && (ev = kg_jp_next(&r->jp)) != KG_JP_END_ARRAY && ev != KG_JP_ERROR) {
        json_t *v = build(r, ev, depth + 1);
        if (!v || json_array_append_new(arr, v) != 0) {
            r->is_oom |= r->jp.status == KG_OK;
            json_decref(arr);
            return NULL;
        }
    }
    if (arr && ev == KG_JP_END_ARRAY)
        return arr;
    r->is_oom |= !arr;
    json_decref(arr);
    return NULL;
}

/* The text kg_format_double gives for the number written as text, when
 * that is a plain decimal (-?D+.D+) of at most 15 significant digits with
 * 1e-4 <= |value| < 1e15, or zero: then "%.15g" reads back exactly and
 * gives the decimal itself, its fraction's trailing zeros cut. */
bool kg_ds_plain_decimal(const char *text, char out[32])
{
    const char *p = text;
    bool is_negative = *p == '-';
    p += is_negative;
    const char *whole = p;
    while (*p >= '0' && *p <= '9')
        p++;
    size_t whole_len = (size_t)(p - whole);
    if (whole_len == 0 || whole_len > 15 || *p != '.')
        return false;
    const char *fraction = ++p;
    while (*p >= '0' && *p <= '9')
        p++;
    size_t fraction_len = (size_t)(p - fraction);
    if (*p != '\0' || fraction_len == 0)
        return false;
    while (fraction_len && fraction[fraction_len - 1] == '0')
        fraction_len--;
    size_t significant = whole_len + fraction_len;
    if (whole_len == 1 && whole[0] == '0') {
        size_t zeros = 0;
        while (zeros < fraction_len && fraction[zeros] == '0')
            zeros++;
        if (zeros == fraction_len) {
            strcpy(out, is_negative ? "-0" : "0");
            return true;
        }
        if (zeros > 3)
            return false;
        significant = fraction_len - zeros;
    }
    if (significant > 15)
        return false;
    size_t n = 0;
    if (is_negative)
        out[n++] = '-';
    memcpy(out + n, whole, whole_len);
    n += whole_len;
    if (fraction_len) {
        out[n++] = '.';
        memcpy(out + n, fraction, fraction_len);
        n += fraction_len;
    }
    out[n] = '\0';
    return true;
}

static json_t *build_real(reader *r)
{
    json_t *v = json_real(r->jp.real);
    loader *ld = &r->ld;
    if (v && ld->real_count < sizeof ld->reals / sizeof ld->reals[0] &&
        kg_ds_plain_decimal(r->jp.text, ld->reals[ld->real_count].text))
        ld->reals[ld->real_count++].value = v;
    return v;
}

/* The value whose first event is ev as a jansson tree; NULL after a parser
 * error or (is_oom) when out of memory. */
static json_t *build(reader *r, kg_jp_event ev, size_t depth)
{
    json_t *v = NULL;
    switch (ev) {
    case KG_JP_STRING: v = json_stringn_nocheck(r->jp.text, r->jp.text_len); break;
    case KG_JP_INTEGER: v = json_integer((json_int_t)r->jp.integer); break;
    case KG_JP_REAL: v = build_real(r); break;
    case KG_JP_TRUE: v = json_true(); break;
    case KG_JP_FALSE: v = json_false(); break;
    case KG_JP_NULL: v = json_null(); break;
    case KG_JP_BEGIN_OBJECT:
    case KG_JP_BEGIN_ARRAY:
        if (depth >= BUILD_DEPTH_MAX) {
            r->is_oom = true; /* reported as a resource limit, as jansson's */
            return NULL;
        }
        return ev == KG_JP_BEGIN_OBJECT ? build_object(r, depth) : build_array(r, depth);
    default: return NULL; /* KG_JP_ERROR */
    }
    r->is_oom |= !v;
    return v;
}

/* ---- the top level ------------------------------------------------------ */

/* The header gathered so far is all there is: check it, find the schema. */
static void finish_header(reader *r)
{
    loader *ld = &r->ld;
    r->is_header_done = true;
    kg_ds_load_header(ld, r->header);
    kg_schema *schema = kg_ds_find_schema(ld, r->header, r->base_dir);
    if (!schema) {
        r->is_stopped = true;
        return;
    }
    kg_graph_set_schema(ld->graph, schema);
    ld->schema = schema;
}

static const char *const section_names[] = {"sources", "entities", "relations"};

static int section_of(const char *key)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(key, section_names[i]) == 0)
            return 1 << i;
    return 0;
}

static const char *section_name(int section)
{
    return section_names[section == SOURCES ? 0 : section == ENTITIES ? 1 : 2];
}

/* A list that is not a list, or missing (v NULL): the whole-document
 * loader's report. */
static void report_not_list(reader *r, int section, json_t *v)
{
    json_t *holder = json_object();
    if (!holder || (v && json_object_set_nocheck(holder, section_name(section), v) != 0)) {
        r->is_oom = true;
    } else {
        kg_json_array(&r->ld.ctx, holder, "", section_name(section), true);
    }
    json_decref(holder);
}

static void load_record(loader *ld, int section, json_t *obj, size_t i)
{
    if (section == SOURCES)
        kg_ds_load_source(ld, obj, i);
    else if (section == ENTITIES)
        kg_ds_load_entity(ld, obj, i);
    else
        kg_ds_load_relation(ld, obj, i);
}

/* One element of a list, its first event ev just read: an entity or
 * relation object through the checks on its tokens, and through those of
 * dataset.c (on its tree) when they find anything wrong or unusual; anything
 * else as a tree. False after a parser error or when out of memory. */
static bool read_record(reader *r, int section, kg_jp_event ev, size_t i)
{
    loader *ld = &r->ld;
    json_t *obj;
    if (ev == KG_JP_BEGIN_OBJECT && section != SOURCES) {
        if (!kg_ds_record_read(&r->record, &r->jp, BUILD_DEPTH_MAX, &r->is_oom))
            return false;
        bool is_done = section == ENTITIES ? kg_ds_fast_entity(ld, &r->record, i)
                                           : kg_ds_fast_relation(ld, &r->record, i);
        if (is_done)
            return true;
        obj = kg_ds_record_tree(ld, &r->record);
        r->is_oom |= !obj;
    } else {
        obj = build(r, ev, 1);
    }
    if (!obj)
        return false;
    load_record(ld, section, obj, i);
    json_decref(obj);
    return true;
}

/* The elements of a list, after its '['. Over the node or edge limit, the
 * rest is only counted and what its first part reported is undone: the
 * limit is the one problem, as when the length was known first. */
static void read_list(reader *r, int section)
{
    loader *ld = &r->ld;
    size_t limit = section == ENTITIES ? ld->options.max_nodes
                   : section == RELATIONS ? ld->options.max_edges : (size_t)-1;
    mark before = mark_now(r);
    size_t i = 0;
    kg_jp_event ev;
    for (; (ev = kg_jp_next(&r->jp)) != KG_JP_END_ARRAY; i++) {
        if (ev == KG_JP_ERROR)
            return;
        if (i >= limit) {
            if (kg_jp_skip(&r->jp, ev) == KG_JP_ERROR)
                return;
            continue;
        }
        ld->real_count = 0;
        if (!read_record(r, section, ev, i))
            return;
        ld->real_count = 0;
        if (ld->scratch.total > ((size_t)1 << 20))
            kg_arena_free(&ld->scratch);
    }
    if (i > limit) {
        undo_to(r, before);
        bool is_nodes = section == ENTITIES;
        char ptr[KG_POINTER_MAX];
        kg_pointer_key(ptr, "", section_name(section));
        kg_json_report(&ld->ctx, KG_ELIMIT, ptr,
                       is_nodes ? "raise it with --max-nodes" : "raise it with --max-edges",
                       "%zu %s, over the limit of %zu", i, section_name(section), limit);
        r->is_stopped = true;
        return;
    }
    if (section == ENTITIES)
        kg_ds_check_aliases(ld);
}

/* The lists must come in the order the checks need them: sources, then
 * entities, then relations, after every other member. */
static bool in_order(const reader *r, int section)
{
    if (section == ENTITIES)
        return r->seen & SOURCES;
    if (section == RELATIONS)
        return r->seen & ENTITIES;
    return true;
}

/* One of the three lists, its first event ev just read. */
static void read_section(reader *r, int section, kg_jp_event ev)
{
    if (!r->is_header_done)
        finish_header(r);
    r->seen |= section;
    /* Without the entities every relation would look dangling: say only
     * what stopped the load. */
    bool skips = r->is_stopped || (section == RELATIONS && (r->ld.ctx.first == KG_ELIMIT ||
                                                            r->ld.ctx.first == KG_ENOMEM));
    if (skips) {
        kg_jp_skip(&r->jp, ev);
    } else if (ev == KG_JP_BEGIN_ARRAY) {
        read_list(r, section);
    } else {
        json_t *v = build(r, ev, 0);
        if (v) {
            report_not_list(r, section, v);
            if (section == ENTITIES)
                kg_ds_check_aliases(&r->ld);
        }
        json_decref(v);
    }
}

static bool parsing_failed(const reader *r)
{
    return r->jp.status != KG_OK || r->is_oom;
}

/* The top-level object's members, after its '{'. */
static void read_members(reader *r)
{
    kg_jp_event ev;
    while ((ev = kg_jp_next(&r->jp)) == KG_JP_KEY) {
        int section = section_of(r->jp.text);
        if (section && !in_order(r, section)) {
            r->needs_tree = true;
            return;
        }
        if (!section && r->is_header_done) {
            r->needs_tree = true;
            return;
        }
        char key[16];
        snprintf(key, sizeof key, "%s", section ? "" : r->jp.text);
        bool is_long_key = !section && r->jp.text_len >= sizeof key;
        char *long_key = is_long_key ? strdup(r->jp.text) : NULL;
        if (is_long_key && !long_key) {
            r->is_oom = true;
            return;
        }
        ev = kg_jp_next(&r->jp);
        if (section) {
            read_section(r, section, ev);
        } else {
            r->ld.real_count = 0;
            json_t *v = build(r, ev, 1);
            if (v && json_object_set_new_nocheck(r->header, is_long_key ? long_key : key, v) != 0)
                r->is_oom = true;
        }
        free(long_key);
        if (parsing_failed(r))
            return;
    }
}

/* The lists that never came, in the order they are checked. */
static void report_missing(reader *r)
{
    for (int section = SOURCES; section <= RELATIONS && !r->is_stopped; section <<= 1) {
        if (r->seen & section)
            continue;
        if (section == RELATIONS &&
            (r->ld.ctx.first == KG_ELIMIT || r->ld.ctx.first == KG_ENOMEM))
            break;
        report_not_list(r, section, NULL);
    }
}

static void read_document(reader *r)
{
    kg_jp_event ev = kg_jp_next(&r->jp);
    if (ev == KG_JP_ERROR)
        return;
    if (ev != KG_JP_BEGIN_OBJECT) {
        kg_json_report(&r->ld.ctx, KG_EINPUT, "", NULL,
                       "expected a data set object, found an array");
        return;
    }
    r->header = json_object();
    if (!r->header || kg_graph_new(&r->ld.graph) != KG_OK) {
        kg_json_report(&r->ld.ctx, KG_ENOMEM, "", NULL, "out of memory");
        return;
    }
    read_members(r);
    if (parsing_failed(r) || r->needs_tree)
        return;
    if (!r->is_header_done)
        finish_header(r);
    report_missing(r);
    if (kg_jp_next(&r->jp) == KG_JP_ERROR) /* only white space may follow */
        return;
    if (!r->is_stopped)
        kg_ds_finish(&r->ld, r->ld.ctx.file);
}

/* A syntax error (or the depth limit, a read error, no memory) of the
 * parser at line:column, in kg_json_parse's words. */
static void report_parser_error(reader *r)
{
    kg_jp *jp = &r->jp;
    kg_error e;
    kg_error_clear(&e);
    e.status = r->is_oom && jp->status == KG_OK ? KG_ENOMEM : jp->status;
    snprintf(e.file, sizeof e.file, "%s", r->ld.ctx.file ? r->ld.ctx.file : "");
    e.line = jp->error_line > 0 ? jp->error_line : 1;
    e.column = jp->error_column > 0 ? jp->error_column : 1;
    if (e.status == KG_ENOMEM)
        snprintf(e.message, sizeof e.message, "out of memory while parsing JSON");
    else if (e.status == KG_EIO)
        snprintf(e.message, sizeof e.message, "read error");
    else if (e.status == KG_ELIMIT)
        snprintf(e.message, sizeof e.message, "%s", jp->message);
    else
        snprintf(e.message, sizeof e.message, "JSON syntax error: %s", jp->message);
    if (jp->hint[0])
        snprintf(e.hint, sizeof e.hint, "%s", jp->hint);
    else if (e.status == KG_ELIMIT)
        snprintf(e.hint, sizeof e.hint, "raise it with --max-depth");
    if (r->ld.ctx.first == KG_OK || e.status == KG_ENOMEM)
        r->ld.ctx.first = e.status;
    r->ld.ctx.problems++;
    kg_diagnostics_add(r->ld.ctx.diags, &e);
}

/* Runs the pass; KG_EAGAIN-like: *needs_tree when the document must be
 * read whole instead (nothing is then reported or returned). */
static kg_status run(reader *r, kg_graph **out, bool *needs_tree)
{
    mark start = mark_now(r);
    read_document(r);
    *needs_tree = r->needs_tree && !parsing_failed(r);
    if (!parsing_failed(r) && !r->needs_tree && r->ld.ctx.first != KG_OK &&
        r->ld.ctx.first != KG_ENOMEM) {
        /* a syntax error later in the text outranks what was found */
        kg_jp_event ev;
        do
            ev = kg_jp_next(&r->jp);
        while (ev != KG_JP_ERROR && ev != KG_JP_EOF);
    }
    if (*needs_tree || parsing_failed(r))
        undo_to(r, start);
    if (parsing_failed(r) && !*needs_tree)
        report_parser_error(r);
    kg_status st = *needs_tree ? KG_OK : r->ld.ctx.first;
    json_decref(r->header);
    kg_ds_record_free(&r->record);
    kg_jp_free(&r->jp);
    kg_ds_loader_free(&r->ld);
    if (st != KG_OK || *needs_tree) {
        kg_graph_free(r->ld.graph);
        return st;
    }
    *out = r->ld.graph;
    return KG_OK;
}

static void reader_init(reader *r, const char *name, const char *base_dir,
                        const kg_load_options *options, kg_diagnostics *diags)
{
    memset(r, 0, sizeof *r);
    kg_ds_loader_init(&r->ld, name, options, diags);
    r->base_dir = base_dir;
}

kg_status kg_dataset_parse(const char *text, size_t len, const char *name,
                           const char *base_dir, const kg_load_options *options,
                           kg_graph **out, kg_diagnostics *diags)
{
    *out = NULL;
    reader r;
    reader_init(&r, name, base_dir, options, diags);
    if (len > r.ld.options.max_bytes) {
        kg_ds_loader_free(&r.ld);
        return kg_ds_parse_tree(text, len, name, base_dir, options, out, diags);
    }
    kg_jp_init_buffer(&r.jp, text, len, r.ld.options.max_depth);
    bool needs_tree = false;
    kg_status st = run(&r, out, &needs_tree);
    if (needs_tree)
        st = kg_ds_parse_tree(text, len, name, base_dir, options, out, diags);
    return st;
}

/* The whole file through the whole-document loader. */
static kg_status load_whole(const char *path, const kg_load_options *options, const char *dir,
                            kg_graph **out, kg_diagnostics *diags)
{
    kg_load_options o;
    kg_ds_apply_defaults(&o, options);
    char *text = NULL;
    size_t len = 0;
    kg_error err;
    kg_status st = kg_read_file(path, o.max_bytes, &text, &len, &err);
    if (st != KG_OK) {
        kg_diagnostics_add(diags, &err);
        return st;
    }
    st = kg_ds_parse_tree(text, len, path, dir, &o, out, diags);
    free(text);
    return st;
}

/* A regular file within the size limit (which applies only when set: the
 * stream never holds the document), else NULL with the problem in err. */
static FILE *open_stream(const char *path, size_t max_bytes, kg_error *err)
{
    FILE *f = fopen(path, "rb");
    struct stat sb;
    if (!f || fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        if (f)
            fclose(f);
        return NULL; /* kg_read_file says what is wrong, or reads the pipe */
    }
    if (max_bytes && (uintmax_t)sb.st_size > max_bytes) {
        kg_error_set(err, KG_ELIMIT, path, "file is %ju bytes, over the limit of %zu",
                     (uintmax_t)sb.st_size, max_bytes);
        snprintf(err->hint, sizeof err->hint, "raise it with --max-input-size");
        fclose(f);
        return NULL;
    }
    return f;
}

kg_status kg_dataset_load(const char *path, const kg_load_options *options,
                          kg_graph **out, kg_diagnostics *diags)
{
    *out = NULL;
    char dir[4096];
    kg_path_folder(path, dir, sizeof dir);
    kg_error err;
    kg_error_clear(&err);
    FILE *f = open_stream(path, options ? options->max_bytes : 0, &err);
    if (!f && err.status != KG_OK) {
        kg_diagnostics_add(diags, &err);
        return err.status;
    }
    if (!f)
        return load_whole(path, options, dir, out, diags);
    reader r;
    reader_init(&r, path, dir, options, diags);
    kg_status st = kg_jp_init_file(&r.jp, f, r.ld.options.max_depth);
    bool needs_tree = false;
    if (st != KG_OK) {
        kg_json_report(&r.ld.ctx, KG_ENOMEM, "", NULL, "out of memory");
        kg_jp_free(&r.jp);
        kg_ds_loader_free(&r.ld);
    } else {
        st = run(&r, out, &needs_tree);
    }
    fclose(f);
    if (needs_tree)
        st = load_whole(path, options, dir, out, diags);
    return st;
}
