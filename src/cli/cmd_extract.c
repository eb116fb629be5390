/* cmd_extract.c - `kg extract`: propose a candidate data set from texts;
 * each text becomes a source whose path is written relative to the output,
 * so `kg verify` finds every quote. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"

#define DEFAULT_COUNTRIES "/usr/share/iso-codes/json/iso_3166-1.json"
#define DEFAULT_PLACES "/usr/share/zoneinfo"
#define MAX_KNOWN 16

const char kg_usage_extract[] =
    "Usage: kg extract TEXT... [--schema FILE] [--known DATASET]... [-o FILE]\n"
    "\n"
    "Proposes a candidate data set from plain-text, Markdown or HTML files\n"
    "(UTF-8; a page's main text is written beside the output as ID.txt and\n"
    "cited, since quotes come from it):\n"
    "names (known ones, capitalised multi-word names, acronym definitions,\n"
    "countries), their types from the schema's node cues, and relations from\n"
    "the schema's edge cues, each with the shortest verbatim quote, its byte\n"
    "offsets, a confidence, the rule that produced it and \"status\":\n"
    "\"candidate\". The output passes kg validate and kg verify as it is.\n"
    "Review it (set status to accepted or rejected), then kg merge.\n"
    "\n"
    "Options:\n"
    "      --schema FILE      schema with the cue lexicons (default: the schema\n"
    "                         of the first --known data set)\n"
    "      --known DATASET    recognise this data set's labels and aliases and\n"
    "                         reuse its ids (repeatable)\n"
    "      --countries FILE   iso-codes 3166-1 JSON of country names (default\n"
    "                         " DEFAULT_COUNTRIES " if present)\n"
    "      --no-countries     do not load a country list\n"
    "      --places DIR       tzdata folder: short country names (iso3166.tab)\n"
    "                         and cities (zone1970.tab) (default\n"
    "                         " DEFAULT_PLACES " if present)\n"
    "      --no-places        do not load them\n"
    "      --name NAME        the data set's name (default: extracted)\n"
    "  -o, --output FILE      write here (default: standard output)\n"
    "  -q, --quiet            no summary on standard error\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit codes: 0 written, 1 usage error, 2 invalid input (binary file, NUL\n"
    "byte, malformed UTF-8, bad schema or data set), 3 I/O error or a text\n"
    "over 32 MiB (raise it with --max-input-size; memory is about ten times\n"
    "the text).\n";

/* The folder of path ("." when it has none), into out. */
static void folder_of(const char *path, char *out, size_t size)
{
    snprintf(out, size, "%s", path);
    char *slash = strrchr(out, '/');
    if (!slash)
        snprintf(out, size, ".");
    else
        *(slash == out ? slash + 1 : slash) = '\0';
}

/* path relative to the folder dir (both made absolute), into out; path as
 * given when either cannot be resolved. */
static void relative_path(const char *dir, const char *path, char *out, size_t size)
{
    char adir[PATH_MAX], apath[PATH_MAX];
    if (!realpath(dir, adir) || !realpath(path, apath)) {
        snprintf(out, size, "%s", path);
        return;
    }
    if (strcmp(adir, "/") == 0) {
        snprintf(out, size, "%s", apath + 1);
        return;
    }
    size_t i = 0;
    while (adir[i] && adir[i] == apath[i])
        i++;
    size_t common = i;
    if (!(adir[i] == '\0' && apath[i] == '/'))
        while (common > 0 && adir[common] != '/')
            common--;
    size_t o = 0;
    out[0] = '\0';
    for (const char *c = adir + common; *c; c++)
        if (*c == '/' && o + 4 < size) {
            memcpy(out + o, "../", 3);
            o += 3;
        }
    snprintf(out + o, size - o, "%s", apath + common + 1);
}

/* Source id: the file name without folder and extension, as a slug. */
static void source_id(const char *path, char *out, size_t size)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t o = 0;
    for (const char *c = base; *c && *c != '.' && o + 1 < size; c++) {
        char ch = *c;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        out[o++] = ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) ? ch : '-';
    }
    out[o] = '\0';
    if (o == 0)
        snprintf(out, size, "text");
}

/* Title: the first non-empty line, without Markdown heading marks. */
static void source_title(const char *text, const char *fallback, char *out, size_t size)
{
    const char *line = text;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *p = line;
        while (p < line + len && (*p == '#' || *p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        size_t n = (size_t)(line + len - p);
        while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r'))
            n--;
        if (n > 0) {
            if (n > 120)
                n = 120;
            while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80)
                n--; /* not in the middle of a UTF-8 sequence */
            snprintf(out, size, "%.*s", (int)n, p);
            return;
        }
        if (!end)
            break;
        line = end + 1;
    }
    snprintf(out, size, "%s", fallback);
}

typedef struct extract_args {
    const char *schema_path;
    const char *known[MAX_KNOWN];
    size_t known_count;
    const char *countries;
    const char *places;
    const char *name;
    const char *output;
    bool is_quiet;
    const char **texts;
    size_t text_count;
} extract_args;

static int parse_args(int argc, char **argv, extract_args *a)
{
    memset(a, 0, sizeof *a);
    a->countries = DEFAULT_COUNTRIES;
    a->places = DEFAULT_PLACES;
    a->output = "-";
    a->texts = calloc((size_t)argc, sizeof *a->texts);
    if (!a->texts) {
        kg_cli_fail("out of memory");
        return KG_EXIT_SYSTEM;
    }
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0)
            a->is_quiet = true;
        else if (strcmp(arg, "--no-countries") == 0)
            a->countries = NULL;
        else if (strcmp(arg, "--no-places") == 0)
            a->places = NULL;
        else if (strcmp(arg, "--schema") == 0 && has_value)
            a->schema_path = argv[++i];
        else if (strcmp(arg, "--countries") == 0 && has_value)
            a->countries = argv[++i];
        else if (strcmp(arg, "--places") == 0 && has_value)
            a->places = argv[++i];
        else if (strcmp(arg, "--name") == 0 && has_value)
            a->name = argv[++i];
        else if ((strcmp(arg, "-o") == 0 || strcmp(arg, "--output") == 0) && has_value)
            a->output = argv[++i];
        else if (strcmp(arg, "--known") == 0 && has_value) {
            if (a->known_count == MAX_KNOWN)
                return kg_cli_usage_error("extract", "at most %d --known data sets", MAX_KNOWN);
            a->known[a->known_count++] = argv[++i];
        } else if (arg[0] == '-' && arg[1])
            return kg_cli_usage_error("extract", "unknown option '%s' (or a missing value)", arg);
        else
            a->texts[a->text_count++] = arg;
    }
    if (a->text_count == 0)
        return kg_cli_usage_error("extract", "give at least one text file");
    if (!a->schema_path && a->known_count == 0)
        return kg_cli_usage_error("extract", "give --schema FILE (or a --known data set "
                                             "whose schema has the cue lexicons)");
    return KG_EXIT_OK;
}

/* Whether the input is an HTML page: by extension or by its first tag. */
static bool is_html(const char *path, const char *text)
{
    const char *dot = strrchr(path, '.');
    if (dot && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0 ||
                strcmp(dot, ".xhtml") == 0))
        return true;
    while (*text == ' ' || *text == '\n' || *text == '\r' || *text == '\t')
        text++;
    return strncasecmp(text, "<!doctype html", 14) == 0 || strncasecmp(text, "<html", 5) == 0;
}

/* Writes the main text of a page beside the output (OUTDIR/ID.txt), so the
 * candidates cite a file kg verify can read; the page's text replaces *text. */
static kg_status html_input(const char *path, const char *out_dir, const char *id, char **text,
                            size_t *len, char *title, size_t title_size, char *file,
                            size_t file_size, kg_error *err)
{
    char *plain = NULL, *page_title = NULL;
    size_t plain_len = 0;
    kg_status st = kg_html_to_text(*text, *len, path, &plain, &plain_len, &page_title, err);
    if (st != KG_OK)
        return st;
    char txt[PATH_MAX + 256];
    snprintf(txt, sizeof txt, "%s/%s.txt", out_dir, id);
    kg_writer *w = NULL;
    st = kg_writer_open_file(txt, false, &w, err);
    if (st == KG_OK && (st = kg_writer_write(w, plain, plain_len)) == KG_OK)
        st = kg_writer_commit(w, err);
    else if (w)
        kg_writer_abort(w);
    if (st == KG_OK) {
        relative_path(out_dir, txt, file, file_size);
        if (page_title && page_title[0])
            snprintf(title, title_size, "%s", page_title);
        free(*text);
        *text = plain;
        *len = plain_len;
        plain = NULL;
    } else if (!err->message[0]) {
        kg_error_set(err, st, txt, "cannot write the page's text");
    }
    free(plain);
    free(page_title);
    return st;
}

static int add_texts(kg_extractor *ex, const extract_args *a, const char *out_dir)
{
    for (size_t i = 0; i < a->text_count; i++) {
        char *text = NULL;
        size_t len = 0;
        kg_error err;
        kg_error_clear(&err);
        size_t max = kg_cli_limits.max_bytes ? kg_cli_limits.max_bytes : KG_EXTRACT_MAX_TEXT;
        kg_status st = kg_read_file(a->texts[i], max, &text, &len, &err);
        char id[128], title[256], file[PATH_MAX];
        if (st == KG_OK) {
            source_id(a->texts[i], id, sizeof id);
            for (size_t j = 0; j < i; j++) {
                char other[128];
                source_id(a->texts[j], other, sizeof other);
                if (strcmp(other, id) == 0)
                    snprintf(id + strlen(id), sizeof id - strlen(id), "-%zu", i + 1);
            }
            source_title(text, id, title, sizeof title);
            relative_path(out_dir, a->texts[i], file, sizeof file);
            if (memchr(text, '\0', len) == NULL && is_html(a->texts[i], text))
                st = html_input(a->texts[i], out_dir, id, &text, &len, title, sizeof title,
                                file, sizeof file, &err);
        }
        if (st == KG_OK) {
            kg_source source = {id, title, file, NULL, NULL};
            st = kg_extractor_add_text(ex, &source, a->texts[i], text, len, &err);
        }
        free(text);
        if (st != KG_OK) {
            kg_cli_print_error(&err);
            return kg_cli_exit_code(st);
        }
    }
    return KG_EXIT_OK;
}

static int write_output(const kg_extractor *ex, const extract_args *a, const char *schema_rel)
{
    kg_error err;
    kg_error_clear(&err);
    kg_writer *w = NULL;
    bool is_stdout = strcmp(a->output, "-") == 0;
    kg_status st = is_stdout ? kg_writer_open_stream(stdout, "<stdout>", &w, &err)
                             : kg_writer_open_file(a->output, false, &w, &err);
    kg_extract_meta meta = {a->name ? a->name : "extracted", "Candidates from kg extract",
                            schema_rel};
    if (st == KG_OK)
        st = kg_extractor_write(ex, &meta, w, &err);
    if (st == KG_OK)
        st = kg_writer_commit(w, &err);
    else
        kg_writer_abort(w);
    if (st != KG_OK) {
        kg_cli_print_error(&err);
        return kg_cli_exit_code(st);
    }
    return KG_EXIT_OK;
}

int kg_cmd_extract(int argc, char **argv)
{
    extract_args a;
    int rc = parse_args(argc, argv, &a);
    kg_graph *known[MAX_KNOWN] = {NULL};
    kg_schema *schema = NULL;
    const kg_schema *use_schema = NULL;
    kg_extractor *ex = NULL;
    kg_error err;
    kg_error_clear(&err);
    char out_dir[PATH_MAX], schema_rel[PATH_MAX];
    folder_of(strcmp(a.output, "-") == 0 ? "./-" : a.output, out_dir, sizeof out_dir);
    for (size_t i = 0; rc == KG_EXIT_OK && i < a.known_count; i++)
        rc = kg_cli_load(a.known[i], a.schema_path, &known[i]);
    if (rc != KG_EXIT_OK)
        goto cleanup;
    if (a.schema_path) {
        kg_diagnostics diags;
        kg_diagnostics_init(&diags, 0);
        kg_status st = kg_schema_load(a.schema_path, &schema, &diags);
        kg_cli_print_diagnostics(&diags);
        kg_diagnostics_clear(&diags);
        if ((rc = kg_cli_exit_code(st)) != KG_EXIT_OK)
            goto cleanup;
        relative_path(out_dir, a.schema_path, schema_rel, sizeof schema_rel);
        use_schema = schema;
    } else {
        use_schema = kg_graph_schema(known[0]);
        char known_dir[PATH_MAX], known_schema[PATH_MAX * 2];
        folder_of(a.known[0], known_dir, sizeof known_dir);
        snprintf(known_schema, sizeof known_schema, "%s/schema.json", known_dir);
        relative_path(out_dir, known_schema, schema_rel, sizeof schema_rel);
    }
    kg_status st = kg_extractor_new(use_schema, &ex, &err);
    if (st == KG_OK)
        kg_extractor_set_max_text(ex, kg_cli_limits.max_bytes);
    for (size_t i = 0; st == KG_OK && i < a.known_count; i++)
        st = kg_extractor_add_known(ex, known[i], &err);
    if (st == KG_OK && a.countries &&
        (strcmp(a.countries, DEFAULT_COUNTRIES) != 0 || access(a.countries, R_OK) == 0))
        st = kg_extractor_load_countries(ex, a.countries, "country", &err);
    if (st == KG_OK && a.places &&
        (strcmp(a.places, DEFAULT_PLACES) != 0 || access(DEFAULT_PLACES "/zone1970.tab", R_OK) == 0))
        st = kg_extractor_load_places(ex, a.places, "country", "place", &err);
    if (st != KG_OK) {
        kg_cli_print_error(&err);
        rc = kg_cli_exit_code(st);
        goto cleanup;
    }
    if ((rc = add_texts(ex, &a, out_dir)) != KG_EXIT_OK)
        goto cleanup;
    if ((st = kg_extractor_run(ex, &err)) != KG_OK) {
        kg_cli_print_error(&err);
        rc = kg_cli_exit_code(st);
        goto cleanup;
    }
    rc = write_output(ex, &a, schema_rel);
    if (rc == KG_EXIT_OK && !a.is_quiet)
        fprintf(stderr, "kg: extract: %zu candidate entities, %zu candidate relations from %zu "
                        "text(s)\n", kg_extractor_entity_count(ex),
                kg_extractor_relation_count(ex), a.text_count);
cleanup:
    kg_extractor_free(ex);
    kg_schema_free(schema);
    for (size_t i = 0; i < a.known_count; i++)
        kg_graph_free(known[i]);
    free(a.texts);
    return rc;
}
