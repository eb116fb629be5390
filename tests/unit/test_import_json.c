/* The streaming node-link reader (import_json.c over json_pull.c) against
 * jansson, which kg used before: on every file of JSONTestSuite (in the
 * shared corpora next to the source tree; skipped when absent) both accept
 * or both reject, from a buffer and from a file read in chunks; values
 * that cross the reader's 64 KiB chunks; and the same graph either way. */
#include <dirent.h>
#include <jansson.h>
#include <unistd.h>

#include "test_util.h"

#define CORPUS KG_SOURCE_DIR "/../shared/corpora/jsontestsuite"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return text;
}

/* Nesting depth of brackets outside strings (kg's limit applies to it). */
static size_t depth_of(const char *text, size_t len)
{
    size_t depth = 0, most = 0;
    bool in_string = false, escaped = false;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            most = ++depth > most ? depth : most;
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return most;
}

/* Whether kg rejected the text as JSON (syntax or nesting), not as a graph. */
static bool rejects_json(const kg_diagnostics *d)
{
    for (size_t i = 0; i < d->count; i++)
        if (strstr(d->items[i].message, "JSON syntax error") ||
            strstr(d->items[i].message, "nesting deeper"))
            return true;
    return false;
}

static void jsontestsuite_verdicts(void **state)
{
    (void)state;
    DIR *dir = opendir(CORPUS);
    if (!dir)
        skip();
    size_t files = 0;
    struct dirent *e;
    kg_import_options o = kg_import_defaults();
    o.format = KG_IMPORT_JSON;
    kg_load_options dataset_options = {0};
    dataset_options.schema = test_schema();
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", CORPUS, e->d_name);
        size_t len;
        char *text = slurp(path, &len);
        json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL);
        bool want_reject = !root || depth_of(text, len) > KG_DEFAULT_MAX_DEPTH;
        json_decref(root);
        /* node-link, Cytoscape, data set; each from a buffer and a file */
        static const char *const readers[] = {"node-link", "Cytoscape", "data set"};
        for (int run = 0; run < 6; run++) {
            bool from_file = run & 1, is_dataset = run >= 4;
            o.format = run < 2 ? KG_IMPORT_JSON : KG_IMPORT_CYTOSCAPE;
            kg_diagnostics d;
            kg_diagnostics_init(&d, 0);
            kg_graph *g = NULL;
            kg_status st;
            if (is_dataset)
                st = from_file ? kg_dataset_load(path, &dataset_options, &g, &d)
                               : kg_dataset_parse(text, len, e->d_name, NULL, &dataset_options,
                                                  &g, &d);
            else
                st = from_file ? kg_import_file(path, &o, &g, &d)
                               : kg_import_buffer(text, len, e->d_name, &o, &g, &d);
            if (rejects_json(&d) != want_reject)
                fail_msg("%s (%s, %s): jansson %s it, the streaming reader %s it", e->d_name,
                         readers[run / 2], from_file ? "file" : "buffer",
                         want_reject ? "rejects" : "accepts", want_reject ? "accepts" : "rejects");
            if (want_reject)
                assert_int_not_equal(st, KG_OK);
            kg_graph_free(g);
            kg_diagnostics_clear(&d);
        }
        free(text);
        files++;
    }
    closedir(dir);
    kg_schema_free(dataset_options.schema);
    assert_true(files >= 300);
}

/* A node-link document whose strings and arrays cross 64 KiB chunks. */
static void chunk_boundaries(void **state)
{
    (void)state;
    size_t cap = 1 << 20, used = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    used += (size_t)snprintf(text + used, cap - used, "{\"graph\": {\"name\": \"g\"}, \"nodes\": [");
    for (int i = 0; i < 3000; i++)
        used += (size_t)snprintf(text + used, cap - used,
                                 "%s\n  {\"id\": \"n%d\", \"label\": \"caf\\u00e9 \xe2\x82\xac %d\", "
                                 "\"w\": %d.5, \"aliases\": [\"a%d\", \"b\"]}",
                                 i ? "," : "", i, i, i, i);
    used += (size_t)snprintf(text + used, cap - used, "],\n\"links\": [");
    for (int i = 1; i < 3000; i++)
        used += (size_t)snprintf(text + used, cap - used,
                                 "%s{\"source\": \"n%d\", \"target\": \"n%d\", \"key\": \"k%d\"}",
                                 i > 1 ? "," : "", i - 1, i, i);
    used += (size_t)snprintf(text + used, cap - used, "]}\n");
    assert_true(used < cap - 1);
    char path[] = "/tmp/kg-test-json-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_int_equal(fwrite(text, 1, used, f), used);
    fclose(f);
    kg_import_options o = kg_import_defaults();
    o.format = KG_IMPORT_JSON;
    kg_graph *a = NULL, *b = NULL;
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    assert_int_equal(kg_import_file(path, &o, &a, &d), KG_OK);
    assert_int_equal(kg_import_buffer(text, used, "x.json", &o, &b, &d), KG_OK);
    remove(path);
    assert_int_equal(kg_graph_node_count(a), 3000);
    assert_int_equal(kg_graph_edge_count(a), 2999);
    for (size_t i = 0; i < 3000; i += 137) {
        const kg_node *x = kg_graph_node(a, i);
        const kg_node *y = kg_graph_node(b, kg_graph_find_node(b, x->id));
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->label, y->label);
        assert_int_equal(x->alias_count, 2);
        assert_string_equal(x->attrs[0].text, y->attrs[0].text);
        assert_int_equal(x->attrs[0].kind, KG_VALUE_REAL);
    }
    char want[64];
    snprintf(want, sizeof want, "caf\xc3\xa9 \xe2\x82\xac %d", 2999);
    assert_string_equal(kg_graph_node(a, kg_graph_find_node(a, "n2999"))->label, want);
    bool has_k1 = false; /* unique keys are the ids */
    for (size_t i = 0; i < kg_graph_edge_count(a); i++)
        has_k1 |= strcmp(kg_graph_edge(a, i)->id, "k1") == 0;
    assert_true(has_k1);
    kg_graph_free(a);
    kg_graph_free(b);
    kg_diagnostics_clear(&d);
    free(text);
}

/* A syntax error after a problem with the graph is the one reported. */
static void syntax_error_first(void **state)
{
    (void)state;
    const char *text = "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"a\"}], \"links\": [,]}";
    kg_diagnostics d;
    kg_diagnostics_init(&d, 0);
    kg_graph *g = NULL;
    kg_import_options o = kg_import_defaults();
    o.format = KG_IMPORT_JSON;
    assert_int_equal(kg_import_buffer(text, strlen(text), "x.json", &o, &g, &d), KG_EINPUT);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.items[0].message, "JSON syntax error"));
    assert_int_equal(d.items[0].line, 1);
    assert_int_equal(d.items[0].column, 49); /* the comma */
    kg_diagnostics_clear(&d);
    const char *dup = "{\"nodes\": [{\"id\": \"a\", \"x\": 1, \"x\": 2}]}";
    kg_diagnostics_init(&d, 0);
    assert_int_equal(kg_import_buffer(dup, strlen(dup), "x.json", &o, &g, &d), KG_EINPUT);
    assert_non_null(strstr(d.items[0].message, "duplicate object key"));
    kg_diagnostics_clear(&d);
}

/* Found by fuzz_import_file: a UTF-8 sequence cut by the end of a file is
 * bad UTF-8 there as in a buffer (it was taken for a sequence going on in
 * the next chunk, and the file's error was another one). */
static void utf8_cut_by_the_end_of_a_file(void **state)
{
    (void)state;
    const char *texts[] = {"[a\xe5]", "[a\xe5", "[tru\xf0\x9f]"};
    kg_import_options o = kg_import_defaults();
    o.format = KG_IMPORT_JSON;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char path[] = "/tmp/kg-test-json-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, texts[i], strlen(texts[i])), (ssize_t)strlen(texts[i]));
        close(fd);
        kg_diagnostics from_file, from_buffer;
        kg_diagnostics_init(&from_file, 0);
        kg_diagnostics_init(&from_buffer, 0);
        kg_graph *g = NULL;
        assert_int_equal(kg_import_file(path, &o, &g, &from_file), KG_EINPUT);
        assert_int_equal(kg_import_buffer(texts[i], strlen(texts[i]), path, &o, &g, &from_buffer),
                         KG_EINPUT);
        assert_non_null(strstr(from_file.items[0].message, "unable to decode byte"));
        assert_string_equal(from_file.items[0].message, from_buffer.items[0].message);
        assert_int_equal(from_file.items[0].column, from_buffer.items[0].column);
        kg_diagnostics_clear(&from_file);
        kg_diagnostics_clear(&from_buffer);
        remove(path);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsontestsuite_verdicts),
        cmocka_unit_test(chunk_boundaries),
        cmocka_unit_test(syntax_error_first),
        cmocka_unit_test(utf8_cut_by_the_end_of_a_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
