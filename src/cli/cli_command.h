/* cli_command.h - the frame every analysis command runs in
 * (cli_command.c): its options parsed, its operands checked, the data set
 * loaded with the selection applied, its work done, and everything freed.
 * A command keeps only its options, its checks and its work. */
#ifndef KG_CLI_COMMAND_H
#define KG_CLI_COMMAND_H

#include "cli_filter.h"

/* The checks after the options, before anything is read (options that
 * exclude each other, a required option, the operand count when it is
 * not a fixed one, an output format): `count` operands follow the
 * options. Prints the problem and returns its exit code. */
typedef int kg_cli_command_check(void *args, size_t count);

/* The command's work on the loaded data set: operands[0] is its path,
 * operands[1 .. count-1] the rest. Returns the exit code; the frame
 * frees the graphs. */
typedef int kg_cli_command_work(void *args, kg_cli_graphs *graphs, char **operands,
                                size_t count);

typedef struct kg_cli_command {
    const char *name;              /* "centrality": messages, selection */
    const char *shortopts;         /* for getopt_long (with the leading ':') */
    /* its own rows, ended by a NULL row; the frame adds --format and the
     * selection options (KG_CLI_SELECTION_LONGOPTS) */
    const struct option *longopts;
    kg_cli_own_option *own;
    kg_cli_command_check *check; /* or NULL */
    /* unless what is NULL, then: exactly `operands` operands, described as
     * `what` ("one DATASET") */
    int operands;
    const char *what;
    kg_cli_command_work *work;
} kg_cli_command;

/* Runs cmd on argv: initialises and frees the selection in `s` (a field
 * of args, whose other fields the caller has set to their defaults),
 * parses the options, checks, loads argv's first operand and does the
 * work. Returns the exit code. */
int kg_cli_run_command(const kg_cli_command *cmd, int argc, char **argv, kg_cli_selection *s,
                       void *args);

#endif
