/* cli.h - what the kg commands share: exit codes, diagnostics printing,
 * loading a data set with its messages, and the command table.
 * Each command lives in cmd_<name>.c and is listed in main.c.
 */
#ifndef KG_CLI_H
#define KG_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "kg/kg.h"

/* Exit codes (documented in README and `kg --help`). */
enum {
    KG_EXIT_OK = 0,
    KG_EXIT_USAGE = 1,
    KG_EXIT_INPUT = 2,
    KG_EXIT_SYSTEM = 3
};

typedef struct kg_command {
    const char *name;
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    const char *summary;               /* one line for `kg --help` */
    const char *usage;                 /* full text for `kg help NAME` */
} kg_command;

/* Maps a library status to the documented exit code. */
int kg_cli_exit_code(kg_status status);

/* Prints "kg: " + the formatted error to stderr. */
void kg_cli_print_error(const kg_error *err);
/* Prints every diagnostic, then "kg: and N more problems" when capped. */
void kg_cli_print_diagnostics(const kg_diagnostics *diags);
/* Prints "kg: message" to stderr (printf-style). */
void kg_cli_fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Prints "kg CMD: message\nTry 'kg help CMD'." and returns KG_EXIT_USAGE. */
int kg_cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Resource limits every command applies when loading (0 = the library's
 * default), set from --max-input-size, --max-nodes, --max-edges and
 * --max-depth, which main.c takes out of the arguments of any command. */
extern kg_load_options kg_cli_limits;

/* Removes the limit options above from argv (wherever they appear before
 * "--"), storing them in kg_cli_limits. Returns an exit code. */
int kg_cli_take_limits(int *argc, char **argv);

/* Creates the folder dir unless it is one already (another run may be
 * creating it at the same moment). Prints any error; returns an exit code. */
int kg_cli_ensure_directory(const char *dir);

/* Writes one output through an atomic writer: path "-" is standard output;
 * write fills the writer (ctx is its own). Prints any error; returns an
 * exit code. Nothing is left under path unless write and commit succeed. */
typedef kg_status (*kg_cli_write_fn)(kg_writer *w, void *ctx, kg_error *err);
int kg_cli_write_output(const char *path, kg_cli_write_fn write, void *ctx);

/* Writes g as format to the file `out` (atomically), or to stdout when out
 * is "-"; a folder format (neo4j) creates the folder `out` if missing and
 * writes its files there. Prints any error; returns an exit code. */
int kg_cli_write_export(const kg_graph *g, const char *out, kg_format format,
                        const kg_export_options *options, bool do_fsync);

/* Parses a comma-separated list of export format names (or extensions)
 * into formats[KG_FORMAT_COUNT], clearing the others; empty names are
 * skipped. An unknown name is a usage error of `command` listing the known
 * ones; returns an exit code. Shared by build and ingest. */
int kg_cli_parse_formats(const char *command, const char *list, bool *formats);

/* Standard input into a buffer (caller frees *text),
 * refusing more than max bytes; prints any error, returns an exit code. */
int kg_cli_read_stdin(size_t max, char **text, size_t *len);

/* Loads a data set, printing its diagnostics; returns an exit code and,
 * on success, *out. path "-" reads standard input (named "<stdin>"; a
 * relative schema path resolves against the current directory). The
 * schema override may be NULL. */
int kg_cli_load(const char *path, const char *schema_path, kg_graph **out);

/* Whether argv (before any "--") holds -h or --help: main.c then prints
 * the command's usage from the command table instead of running it. */
bool kg_cli_wants_help(int argc, char **argv);

/* Fills a closed descriptor 0, 1 or 2 with /dev/null (read-only) and
 * arranges for standard output to be flushed and closed at exit: an error
 * then is reported and the exit code becomes 3 (cli_stdout.c). */
void kg_cli_stdout_guard(void);
/* On SIGINT, SIGTERM, SIGHUP and SIGPIPE (unless ignored at start),
 * removes the temporaries of uncommitted outputs, then lets the signal end
 * the process (cli_signals.c). */
void kg_cli_catch_signals(void);
/* Called for each error printed: one about "<stdout>" is not reported
 * again at exit. */
void kg_cli_stdout_note_error(const kg_error *err);

/* Finds a command by name, or NULL. */
const kg_command *kg_cli_find_command(const char *name);

#endif
