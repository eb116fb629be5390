/* cli_command.c - the frame every analysis command runs in: options,
 * checks, loading with the selection, the command's work, freeing. */
#include "cli_command.h"

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
    kg_cli_selection_init(s, cmd->name);
    int rc = kg_cli_parse_options(argc, argv, cmd->shortopts, cmd->longopts, s, cmd->own, args);
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
