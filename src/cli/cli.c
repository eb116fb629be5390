/* cli.c - helpers every kg command uses: printing diagnostics in the
 * compiler-like format, mapping statuses to exit codes, loading data sets. */
#include "cli.h"

#include <stdarg.h>
#include <string.h>

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

int kg_cli_load(const char *path, const char *schema_path, kg_graph **out)
{
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_load_options options;
    memset(&options, 0, sizeof options);
    kg_status st = KG_OK;
    if (schema_path)
        st = kg_schema_load(schema_path, &options.schema, &diags);
    if (st == KG_OK)
        st = kg_dataset_load(path, &options, out, &diags);
    kg_cli_print_diagnostics(&diags);
    kg_diagnostics_clear(&diags);
    kg_schema_free(options.schema);
    return kg_cli_exit_code(st);
}

bool kg_cli_wants_help(int argc, char **argv, const char *command)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            const kg_command *cmd = kg_cli_find_command(command);
            if (cmd)
                fputs(cmd->usage, stdout);
            return true;
        }
    }
    return false;
}

const kg_command *kg_cli_find_command(const char *name)
{
    for (size_t i = 0; i < kg_command_count; i++)
        if (strcmp(kg_commands[i].name, name) == 0)
            return &kg_commands[i];
    return NULL;
}
