/* cli_command.c - the frame every analysis command runs in: options,
 * checks, loading with the selection, the command's work, freeing. */
#include "cli_command.h"

/* Rows every analysis command's table ends with: --format and the
 * selection options. */
static const struct option shared_longopts[] = {
    {"format", required_argument, NULL, 'f'},
    KG_CLI_SELECTION_LONGOPTS,
    {NULL, 0, NULL, 0}};

enum { MAX_LONGOPTS = 48 };

/* The command's own rows followed by the shared ones, in all[]. */
static void join_longopts(const struct option *own, struct option all[MAX_LONGOPTS])
{
    size_t n = 0, shared = sizeof shared_longopts / sizeof shared_longopts[0];
    for (; own[n].name && n + shared < MAX_LONGOPTS; n++)
        all[n] = own[n];
    for (size_t i = 0; i < shared; i++)
        all[n + i] = shared_longopts[i];
}

static int check(const kg_cli_command *cmd, int argc, void *args)
{
    int rc = cmd->check ? cmd->check(args, (size_t)(argc - optind)) : KG_EXIT_OK;
    if (rc == KG_EXIT_OK && cmd->what)
        rc = kg_cli_expect_operands(cmd->name, argc, cmd->operands, cmd->what);
    return rc;
}

int kg_cli_run_command(const kg_cli_command *cmd, int argc, char **argv, kg_cli_selection *s,
                       void *args)
{
    struct option longopts[MAX_LONGOPTS];
    join_longopts(cmd->longopts, longopts);
    kg_cli_selection_init(s, cmd->name);
    int rc = kg_cli_parse_options(argc, argv, cmd->shortopts, longopts, s, cmd->own, args);
    if (rc == KG_EXIT_OK)
        rc = check(cmd, argc, args);
    if (rc == KG_EXIT_OK) {
        char **operands = argv + optind;
        kg_cli_graphs graphs;
        rc = kg_cli_load_selection(operands[0], s, &graphs);
        if (rc == KG_EXIT_OK) {
            rc = cmd->work(args, &graphs, operands, (size_t)(argc - optind));
            kg_cli_graphs_free(&graphs);
        }
    }
    kg_cli_selection_free(s);
    return rc;
}
