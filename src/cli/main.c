/* main.c - the kg command: finds the command named by the first argument
 * and runs it. Everything else lives in cmd_<name>.c and in libkg. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static void print_help(FILE *out)
{
    fprintf(out,
            "kg %s - build, check, analyse and export knowledge graphs of institutions\n\n"
            "Usage: kg COMMAND [OPTIONS] [ARGS]\n"
            "       kg help COMMAND | kg COMMAND --help | kg --version\n\n"
            "Commands:\n",
            kg_version());
    for (size_t i = 0; i < kg_command_count; i++)
        fprintf(out, "  %-12s %s\n", kg_commands[i].name, kg_commands[i].summary);
    fprintf(out,
            "\nExit codes:\n"
            "  0  success\n"
            "  1  usage error (unknown command or option, missing argument)\n"
            "  2  invalid input (syntax, schema or evidence errors; unknown names)\n"
            "  3  I/O, memory or resource-limit error\n\n"
            "Limits, accepted by every command (K, M, G suffixes allowed):\n"
            "  --max-input-size N  largest input file (default 1G; node-link JSON and\n"
            "                      GraphML files are streamed: no limit unless given)\n"
            "  --max-nodes N       most entities in a data set (default 10000000)\n"
            "  --max-edges N       most relations in a data set (default 50000000)\n"
            "  --max-depth N       deepest JSON nesting (default 64)\n\n"
            "Data goes to stdout when an output is '-'; messages go to stderr as\n"
            "FILE:LINE:COL: message or FILE: /json/pointer: message.\n"
            "Documentation: README.md, docs/cli.md, docs/format.md\n");
}

static int run_help(int argc, char **argv)
{
    if (argc < 3) {
        print_help(stdout);
        return KG_EXIT_OK;
    }
    const kg_command *cmd = kg_cli_find_command(argv[2]);
    if (!cmd) {
        kg_cli_fail("unknown command '%s'; see 'kg --help'", argv[2]);
        return KG_EXIT_USAGE;
    }
    fputs(cmd->usage, stdout);
    return KG_EXIT_OK;
}

int main(int argc, char **argv)
{
    kg_cli_stdout_guard();
    kg_cli_catch_signals();
    int rc = kg_cli_take_limits(&argc, argv);
    if (rc != KG_EXIT_OK)
        return rc;
    if (argc < 2) {
        print_help(stderr);
        return KG_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return print_help(stdout), KG_EXIT_OK;
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("kg %s\n", kg_version());
        return KG_EXIT_OK;
    }
    if (strcmp(name, "help") == 0)
        return run_help(argc, argv);
    const kg_command *cmd = kg_cli_find_command(name);
    if (!cmd) {
        const char *names[64];
        size_t n = 0;
        for (; n < kg_command_count && n < 64; n++)
            names[n] = kg_commands[n].name;
        const char *near = kg_suggest(name, names, n);
        if (near)
            kg_cli_fail("unknown command '%s'; did you mean '%s'?", name, near);
        else
            kg_cli_fail("unknown command '%s'; see 'kg --help'", name);
        return KG_EXIT_USAGE;
    }
    /* Every command answers -h and --help with its usage from the table. */
    if (kg_cli_wants_help(argc - 1, argv + 1)) {
        fputs(cmd->usage, stdout);
        return KG_EXIT_OK;
    }
    return cmd->run(argc - 1, argv + 1);
}
