/* cli.c - helpers every kg command uses: printing diagnostics in the
 * compiler-like format, mapping statuses to exit codes, loading data sets. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"

int kg_cli_exit_code(kg_status status)
{
    switch (status) {
    case KG_OK: return KG_EXIT_OK;
    case KG_EUSAGE: return KG_EXIT_USAGE;
    case KG_EINPUT: return KG_EXIT_INPUT;
    case KG_EIO:
    case KG_ENOMEM:
    case KG_ELIMIT: return KG_EXIT_SYSTEM;
    }
    return KG_EXIT_SYSTEM;
}

void kg_cli_print_error(const kg_error *err)
{
    char line[KG_ERROR_FILE_MAX + KG_ERROR_POINTER_MAX + 2 * KG_ERROR_TEXT_MAX + 16];
    fprintf(stderr, "kg: %s\n", kg_error_format(err, line, sizeof line));
    kg_cli_stdout_note_error(err);
}

void kg_cli_print_diagnostics(const kg_diagnostics *diags)
{
    for (size_t i = 0; i < diags->count; i++)
        kg_cli_print_error(&diags->items[i]);
    if (diags->dropped)
        fprintf(stderr, "kg: and %zu more problem%s\n", diags->dropped,
                diags->dropped == 1 ? "" : "s");
}

void kg_cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("kg: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int kg_cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "kg %s: ", command);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'kg help %s'.\n", command);
    va_end(ap);
    return KG_EXIT_USAGE;
}

int kg_cli_ensure_directory(const char *dir)
{
    /* mkdir first and look only when it exists: checking before mkdir
     * races with another run creating the same folder meanwhile. */
    if (mkdir(dir, 0777) == 0)
        return KG_EXIT_OK;
    int e = errno;
    struct stat st;
    if (e == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return KG_EXIT_OK;
    if (e == EEXIST)
        kg_cli_fail("%s: output path exists and is not a folder", dir);
    else
        kg_cli_fail("%s: cannot create output folder: %s", dir, strerror(e));
    return KG_EXIT_SYSTEM;
}

int kg_cli_write_output(const char *path, kg_cli_write_fn write, void *ctx)
{
    kg_error err;
    kg_error_clear(&err);
    kg_writer *w = NULL;
    kg_status st = strcmp(path, "-") == 0 ? kg_writer_open_stream(stdout, "<stdout>", &w, &err)
                                          : kg_writer_open_file(path, false, &w, &err);
    if (st == KG_OK)
        st = write(w, ctx, &err);
    if (st == KG_OK)
        st = kg_writer_commit(w, &err);
    else
        kg_writer_abort(w);
    if (st != KG_OK) {
        if (!err.message[0])
            kg_error_set(&err, st, path, "cannot write");
        kg_cli_print_error(&err);
    }
    return kg_cli_exit_code(st);
}

int kg_cli_write_export(const kg_graph *g, const char *out, kg_format format,
                        const kg_export_options *options, bool do_fsync)
{
    kg_error err;
    kg_error_clear(&err);
    bool is_stdout = strcmp(out, "-") == 0;
    kg_status st;
    if (kg_format_is_folder(format)) {
        if (is_stdout) {
            kg_cli_fail("the %s format writes a folder of files, not a stream; name a folder",
                        kg_format_name(format));
            return KG_EXIT_USAGE;
        }
        int rc = kg_cli_ensure_directory(out);
        if (rc != KG_EXIT_OK)
            return rc;
        st = kg_export_neo4j_folder(g, out, do_fsync, &err);
    } else {
        kg_writer *w = NULL;
        st = is_stdout ? kg_writer_open_stream(stdout, "<stdout>", &w, &err)
                       : kg_writer_open_file(out, do_fsync, &w, &err);
        if (st == KG_OK)
            st = kg_export(g, format, options, w, &err);
        if (st == KG_OK)
            st = kg_writer_commit(w, &err);
        else
            kg_writer_abort(w);
    }
    if (st != KG_OK)
        kg_cli_print_error(&err);
    return kg_cli_exit_code(st);
}

kg_load_options kg_cli_limits;

/* Parses a count with an optional K, M or G (powers of 1024) suffix. */
static bool parse_size(const char *text, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 10);
    if (end == text || text[0] == '-' || errno)
        return false;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k') shift = 10, end++;
    else if (*end == 'M' || *end == 'm') shift = 20, end++;
    else if (*end == 'G' || *end == 'g') shift = 30, end++;
    if (*end || value == 0 || value > (SIZE_MAX >> shift))
        return false;
    *out = (size_t)value << shift;
    return true;
}

int kg_cli_take_limits(int *argc, char **argv)
{
    static const struct {
        const char *name;
        size_t *value;
    } limits[] = {{"--max-input-size", &kg_cli_limits.max_bytes},
                  {"--max-nodes", &kg_cli_limits.max_nodes},
                  {"--max-edges", &kg_cli_limits.max_edges},
                  {"--max-depth", &kg_cli_limits.max_depth}};
    int out = 0;
    for (int i = 0; i < *argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < *argc)
                argv[out++] = argv[i++];
            break;
        }
        bool is_limit = false;
        for (size_t k = 0; k < sizeof limits / sizeof limits[0] && !is_limit; k++) {
            size_t n = strlen(limits[k].name);
            if (strncmp(argv[i], limits[k].name, n) != 0 || (argv[i][n] && argv[i][n] != '='))
                continue;
            is_limit = true;
            const char *value = argv[i][n] == '=' ? argv[i] + n + 1 : argv[++i];
            if (!value || !parse_size(value, limits[k].value)) {
                kg_cli_fail("%s needs a positive number (K, M, G suffixes allowed); see 'kg --help'",
                            limits[k].name);
                return KG_EXIT_USAGE;
            }
        }
        if (!is_limit)
            argv[out++] = argv[i];
    }
    argv[out] = NULL;
    *argc = out;
    return KG_EXIT_OK;
}

int kg_cli_read_stdin(size_t max, char **text, size_t *len)
{
    size_t capacity = 65536;
    *len = 0;
    *text = malloc(capacity);
    while (*text) {
        size_t n = fread(*text + *len, 1, capacity - *len, stdin);
        *len += n;
        if (*len > max) {
            kg_cli_fail("<stdin>: input is over the limit of %zu bytes", max);
            return KG_EXIT_SYSTEM;
        }
        if (n == 0)
            break;
        if (*len == capacity) {
            char *grown = realloc(*text, capacity *= 2);
            if (!grown)
                break;
            *text = grown;
        }
    }
    if (!*text || ferror(stdin)) {
        kg_cli_fail("<stdin>: %s", *text ? "read error" : "out of memory");
        return KG_EXIT_SYSTEM;
    }
    return KG_EXIT_OK;
}

/* A data set on standard input, named "<stdin>", its relative paths
 * (schema) resolved against the current directory. */
static kg_status load_stdin(const kg_load_options *options, kg_graph **out,
                            kg_diagnostics *diags, int *rc)
{
    char *text = NULL;
    size_t len = 0;
    size_t max = options->max_bytes ? options->max_bytes : KG_DEFAULT_MAX_BYTES;
    *rc = kg_cli_read_stdin(max, &text, &len);
    kg_status st = *rc == KG_EXIT_OK ? kg_dataset_parse(text, len, "<stdin>", ".", options, out,
                                                        diags)
                                     : KG_EIO;
    free(text);
    return st;
}

int kg_cli_load(const char *path, const char *schema_path, kg_graph **out)
{
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_load_options options = kg_cli_limits;
    kg_status st = KG_OK;
    int stdin_rc = KG_EXIT_OK;
    if (schema_path)
        st = kg_schema_load(schema_path, &options.schema, &diags);
    if (st == KG_OK && strcmp(path, "-") == 0)
        st = load_stdin(&options, out, &diags, &stdin_rc);
    else if (st == KG_OK)
        st = kg_dataset_load(path, &options, out, &diags);
    kg_cli_print_diagnostics(&diags);
    kg_diagnostics_clear(&diags);
    kg_schema_free(options.schema);
    return stdin_rc != KG_EXIT_OK ? stdin_rc : kg_cli_exit_code(st);
}

bool kg_cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return true;
    }
    return false;
}

int kg_cli_parse_formats(const char *command, const char *list, bool *formats)
{
    memset(formats, 0, KG_FORMAT_COUNT * sizeof *formats);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)len, p);
        kg_format f;
        if (len > 0 && kg_format_from_name(name, &f) != KG_OK) {
            char known[512];
            size_t used = 0;
            known[0] = '\0';
            for (int i = 0; i < KG_FORMAT_COUNT && used < sizeof known; i++)
                used += (size_t)snprintf(known + used, sizeof known - used, "%s%s",
                                         i ? ", " : "", kg_format_name((kg_format)i));
            return kg_cli_usage_error(command, "unknown format '%s' (known: %s)", name, known);
        }
        if (len > 0)
            formats[f] = true;
        p += len + (p[len] == ',');
    }
    return KG_EXIT_OK;
}

const kg_command *kg_cli_find_command(const char *name)
{
    for (size_t i = 0; i < kg_command_count; i++)
        if (strcmp(kg_commands[i].name, name) == 0)
            return &kg_commands[i];
    return NULL;
}
