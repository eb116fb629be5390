/* cmd_review.c - `kg review`: write the review page of a candidate data set
 * (kg extract's output): one HTML file holding the data set, its schema's
 * types and its sources' texts, where a person accepts, rejects, retypes
 * and merges candidates and downloads the accepted ones for kg merge. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

const char kg_usage_review[] =
    "Usage: kg review CANDIDATES [-o FILE.html] [--schema FILE] [-q]\n"
    "\n"
    "Writes a self-contained review page for a candidate data set (the output\n"
    "of kg extract): each candidate entity and relation with its quote\n"
    "highlighted in its sentence, its type, confidence and rule. In the page:\n"
    "j/k or the arrow keys move, a accepts, r rejects, t changes the type,\n"
    "m merges an entity into another (it becomes an alias, its relations\n"
    "follow), u undoes. \"Save accepted\" downloads NAME.accepted.kg.json (for\n"
    "CANDIDATES NAME.kg.json): the accepted candidates (\"status\": \"accepted\";\n"
    "rejected and unreviewed ones are left out) as a data set for kg merge;\n"
    "save it beside CANDIDATES so its schema and source paths still resolve.\n"
    "The source texts (the data set's \"file\" paths, relative to its folder)\n"
    "are embedded; one that cannot be read is a warning, and its quotes are\n"
    "shown without their sentences.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE   write here ('-' for standard output); default:\n"
    "                      CANDIDATES with .kg.json replaced by .review.html\n"
    "      --schema FILE   use this schema instead of the data set's own\n"
    "  -q, --quiet         no warnings about unreadable sources\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit codes: 0 written, 1 usage error, 2 invalid data set, 3 I/O error.\n";

/* CANDIDATES minus ".kg.json" (or ".json") plus ".review.html". */
static char *default_output(const char *path)
{
    size_t len = strlen(path);
    const char *suffixes[] = {".kg.json", ".json"};
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(suffixes[i]);
        if (len > n && strcmp(path + len - n, suffixes[i]) == 0) {
            len -= n;
            break;
        }
    }
    char *out = malloc(len + sizeof ".review.html");
    if (out) {
        memcpy(out, path, len);
        memcpy(out + len, ".review.html", sizeof ".review.html");
    }
    return out;
}

/* The folder source files resolve against, as kg verify does. */
static void dataset_dir(const char *path, char *dir, size_t size)
{
    snprintf(dir, size, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        snprintf(dir, size, ".");
}

/* Reads each source's file; one that is missing or unreadable stays NULL
 * (a warning unless quiet), one with a NUL byte is cut there. */
static int read_sources(const kg_graph *g, const char *dir, bool is_quiet, char **texts)
{
    for (size_t i = 0; i < kg_graph_source_count(g); i++) {
        const kg_source *s = kg_graph_source(g, i);
        if (!s->file)
            continue;
        char path[4096];
        int n = s->file[0] == '/' ? snprintf(path, sizeof path, "%s", s->file)
                                  : snprintf(path, sizeof path, "%s/%s", dir, s->file);
        if (n < 0 || (size_t)n >= sizeof path) {
            kg_cli_fail("review: source '%s': path too long", s->id);
            return KG_EXIT_SYSTEM;
        }
        kg_error err;
        kg_error_clear(&err);
        size_t len = 0;
        kg_status st = kg_read_file(path, KG_DEFAULT_MAX_BYTES, &texts[i], &len, &err);
        if (st == KG_ENOMEM)
            return kg_cli_exit_code(st);
        if (st != KG_OK) {
            texts[i] = NULL;
            if (!is_quiet)
                kg_cli_fail("review: %s: source '%s' cannot be read (%s); its quotes are "
                            "shown without their sentences", path, s->id, err.message);
        } else if (strlen(texts[i]) < len && !is_quiet)
            kg_cli_fail("review: %s: source '%s' holds a NUL byte; the page shows its text "
                        "up to it", path, s->id);
    }
    return KG_EXIT_OK;
}

typedef struct review_args {
    const kg_graph *graph;
    const char *dataset_text, *input;
    char **texts;
} review_args;

static kg_status write_page(kg_writer *w, void *ctx, kg_error *err)
{
    const review_args *r = ctx;
    return kg_export_review(r->graph, r->dataset_text, r->input, (const char *const *)r->texts, w,
                            err);
}

int kg_cmd_review(int argc, char **argv)
{
    const char *input = NULL, *output = NULL, *schema_path = NULL;
    bool is_quiet = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0)
            is_quiet = true;
        else if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc)
            output = argv[++i];
        else if (strcmp(argv[i], "--schema") == 0 && i + 1 < argc)
            schema_path = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1])
            return kg_cli_usage_error("review", "unknown option '%s' (or a missing value)",
                                      argv[i]);
        else if (input)
            return kg_cli_usage_error("review", "give one CANDIDATES data set, not '%s' too",
                                      argv[i]);
        else
            input = argv[i];
    }
    if (!input || strcmp(input, "-") == 0)
        return kg_cli_usage_error("review", "give a CANDIDATES data set file");

    kg_graph *g = NULL;
    char *dataset_text = NULL, *own_output = NULL, **texts = NULL;
    int rc = kg_cli_load(input, schema_path, &g);
    if (rc != KG_EXIT_OK)
        goto cleanup;
    kg_error err;
    kg_error_clear(&err);
    size_t len = 0;
    kg_status st = kg_read_file(input, KG_DEFAULT_MAX_BYTES, &dataset_text, &len, &err);
    if (st != KG_OK) {
        kg_cli_print_error(&err);
        rc = kg_cli_exit_code(st);
        goto cleanup;
    }
    size_t n = kg_graph_source_count(g);
    texts = calloc(n ? n : 1, sizeof *texts);
    if (!output)
        output = own_output = default_output(input);
    if (!texts || !output) {
        kg_cli_fail("out of memory");
        rc = KG_EXIT_SYSTEM;
        goto cleanup;
    }
    char dir[4096];
    dataset_dir(input, dir, sizeof dir);
    if ((rc = read_sources(g, dir, is_quiet, texts)) != KG_EXIT_OK)
        goto cleanup;
    review_args page = {g, dataset_text, input, texts};
    rc = kg_cli_write_output(output, write_page, &page);
cleanup:
    for (size_t i = 0; texts && i < kg_graph_source_count(g); i++)
        free(texts[i]);
    free(texts);
    free(own_output);
    free(dataset_text);
    kg_graph_free(g);
    return rc;
}
