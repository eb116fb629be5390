/* cmd_merge.c - `kg merge`: add reviewed candidates (kg extract's output,
 * statuses edited) to a data set, written atomically. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

const char kg_usage_merge[] =
    "Usage: kg merge BASE CANDIDATES... -o OUT [--all]\n"
    "\n"
    "Adds the accepted entries of candidate data sets (\"status\": \"accepted\",\n"
    "or no status) to the data set BASE and writes the result to OUT.\n"
    "Entities are matched by id, then by label or alias (case and accents\n"
    "folded): a match keeps the base entity and gains the candidate's quotes\n"
    "and names; otherwise the entity is added. A relation between accepted or\n"
    "base entities is added, or joins its quotes to an equal relation (same\n"
    "source, type, target). Rejected entries are skipped, and so are\n"
    "relations with an end that was not accepted. Nothing of BASE is lost.\n"
    "Source paths are kept as written: keep candidates beside OUT.\n"
    "\n"
    "Options:\n"
    "      --all           take \"candidate\" entries too (unreviewed)\n"
    "  -o, --output FILE   write here ('-' for standard output); required\n"
    "  -q, --quiet         no summary on standard error\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit codes: 0 merged, 1 usage error, 2 a conflict kg merge cannot settle\n"
    "(an entity typed differently in BASE, an unknown relation end, a source\n"
    "id naming another file; each reported as FILE: /json/pointer), 3 I/O.\n";

static int read_inputs(int count, char **paths, char **texts, size_t *lens)
{
    for (int i = 0; i < count; i++) {
        kg_error err;
        kg_error_clear(&err);
        kg_status st = kg_read_file(paths[i], KG_DEFAULT_MAX_BYTES, &texts[i], &lens[i], &err);
        if (st != KG_OK) {
            kg_cli_print_error(&err);
            return kg_cli_exit_code(st);
        }
    }
    return KG_EXIT_OK;
}

/* The merged data set and a final newline. */
static kg_status write_text(kg_writer *w, void *ctx, kg_error *err)
{
    (void)err;
    kg_status st = kg_writer_puts(w, ctx);
    return st == KG_OK ? kg_writer_putc(w, '\n') : st;
}

int kg_cmd_merge(int argc, char **argv)
{
    const char *output = NULL;
    kg_merge_options options = {false};
    bool is_quiet = false;
    char **paths = calloc((size_t)argc, sizeof *paths);
    char **texts = calloc((size_t)argc, sizeof *texts);
    size_t *lens = calloc((size_t)argc, sizeof *lens);
    int count = 0, rc = KG_EXIT_OK;
    if (!paths || !texts || !lens) {
        kg_cli_fail("out of memory");
        rc = KG_EXIT_SYSTEM;
        goto cleanup;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--all") == 0)
            options.take_all = true;
        else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0)
            is_quiet = true;
        else if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc)
            output = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) {
            rc = kg_cli_usage_error("merge", "unknown option '%s' (or a missing value)", argv[i]);
            goto cleanup;
        } else
            paths[count++] = argv[i];
    }
    if (count < 2 || !output) {
        rc = kg_cli_usage_error("merge", "give BASE, at least one CANDIDATES file and -o OUT");
        goto cleanup;
    }
    if ((rc = read_inputs(count, paths, texts, lens)) != KG_EXIT_OK)
        goto cleanup;
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_merge_report report;
    char *merged = NULL;
    kg_status st = kg_merge(texts[0], lens[0], paths[0], (const char *const *)(texts + 1),
                            lens + 1, (const char *const *)(paths + 1), (size_t)count - 1,
                            &options, &merged, &report, &diags);
    kg_cli_print_diagnostics(&diags);
    kg_diagnostics_clear(&diags);
    rc = kg_cli_exit_code(st);
    if (st == KG_OK) {
        rc = kg_cli_write_output(output, write_text, merged);
        if (rc == KG_EXIT_OK && !is_quiet)
            fprintf(stderr, "kg: merge: %zu entities added, %zu merged; %zu relations added, "
                            "%zu merged; %zu skipped\n", report.entities_added,
                    report.entities_merged, report.relations_added, report.relations_merged,
                    report.skipped);
    }
    free(merged);
cleanup:
    for (int i = 0; texts && i < count; i++)
        free(texts[i]);
    free(texts);
    free(paths);
    free(lens);
    return rc;
}
