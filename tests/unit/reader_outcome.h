/* reader_outcome.h - what the tests that hold two readers of one format
 * against each other share (test_import_dot.c, test_import_graphml_readers.c):
 * one import, chosen by an environment variable, as its status, messages
 * and graph. */
#ifndef KG_TEST_READER_OUTCOME_H
#define KG_TEST_READER_OUTCOME_H

#include "test_util.h"

typedef struct outcome {
    kg_status status;
    char *messages; /* every diagnostic, one a line */
    char *json;     /* the graph as node-link JSON, or NULL */
} outcome;

static inline char *cat(char *s, const char *more)
{
    size_t n = s ? strlen(s) : 0;
    char *grown = realloc(s, n + strlen(more) + 1);
    assert_non_null(grown);
    strcpy(grown + n, more);
    return grown;
}

/* text (or, when path is given, the file at path) imported as format with
 * the environment variable env set to reader (unset when NULL): its status,
 * every message, one a line, and the graph as node-link JSON. */
static inline outcome read_with(const char *env, const char *reader, kg_import_format format,
                                const char *name, const char *text, size_t len, const char *path)
{
    if (reader)
        setenv(env, reader, 1);
    else
        unsetenv(env);
    kg_import_options options = kg_import_defaults();
    options.format = format;
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_graph *graph = NULL;
    kg_status st = path ? kg_import_file(path, &options, &graph, &diags)
                        : kg_import_buffer(text, len, name, &options, &graph, &diags);
    outcome o = {st, cat(NULL, ""), NULL};
    unsetenv(env);
    for (size_t i = 0; i < diags.count; i++) {
        char line[2048];
        o.messages = cat(o.messages, kg_error_format(&diags.items[i], line, sizeof line));
        o.messages = cat(o.messages, "\n");
    }
    kg_diagnostics_clear(&diags);
    if (graph) {
        kg_writer *w = NULL;
        assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
        assert_int_equal(kg_export(graph, KG_FORMAT_JSON, NULL, w, NULL), KG_OK);
        size_t n = 0;
        const char *json = kg_writer_memory(w, &n);
        o.json = malloc(n + 1);
        assert_non_null(o.json);
        memcpy(o.json, json, n);
        o.json[n] = '\0';
        kg_writer_abort(w);
        kg_graph_free(graph);
    }
    return o;
}

static inline void outcome_free(outcome *o)
{
    free(o->messages);
    free(o->json);
}

/* Prints where two readers' outcomes part (status, messages, and the JSON
 * from 80 bytes before the first difference) under `what`, and fails. */
static inline void fail_readers_differ(const char *what, const char *name_a, const outcome *a,
                                       const char *name_b, const outcome *b)
{
    size_t at = 0;
    while (a->json && b->json && a->json[at] && a->json[at] == b->json[at])
        at++;
    at = at > 80 ? at - 80 : 0;
    fprintf(stderr, "%s: the readers differ\n--- %s (%d)\n%s%.200s\n--- %s (%d)\n%s%.200s\n", what,
            name_a, a->status, a->messages, a->json ? a->json + at : "", name_b, b->status,
            b->messages, b->json ? b->json + at : "");
    fail();
}

#endif
