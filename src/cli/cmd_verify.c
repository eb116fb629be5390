/* cmd_verify.c - `kg verify`: check every evidence quote against its source
 * text and print coverage figures; exit 2 if any fact is ungrounded. */
#include <string.h>

#include "cli.h"
#include "commands.h"

const char kg_usage_verify[] =
    "Usage: kg verify DATASET... [--schema FILE] [-q]\n"
    "\n"
    "Checks that every evidence quote occurs verbatim (white space aside) in\n"
    "the file of the source it cites. Each quote not found is reported with\n"
    "its JSON Pointer and the closest passage of the source. Then prints\n"
    "coverage: entities and relations per type, the share of relations with\n"
    "evidence and with dates, and the entities no quote mentions. DATASET '-'\n"
    "reads standard input; its schema and source files then resolve against\n"
    "the current directory.\n"
    "\n"
    "Options:\n"
    "      --schema FILE   use this schema instead of the data set's own\n"
    "  -q, --quiet         print only problems\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit codes: 0 all grounded, 1 usage error, 2 invalid data set or a quote\n"
    "not found, 3 I/O error (e.g. a source file cannot be read).\n";

static double percent(size_t part, size_t whole)
{
    return whole ? 100.0 * (double)part / (double)whole : 100.0;
}

static void print_type_counts(const char *what, const kg_type_count *list, size_t n)
{
    printf("  %s by type:\n", what);
    for (size_t i = 0; i < n; i++)
        printf("    %-20s %6zu\n", list[i].type, list[i].count);
}

static void print_report(const char *path, const kg_graph *g, const kg_verify_report *r)
{
    kg_summary s;
    printf("%s: %zu of %zu quotes found in their sources\n", path, r->quotes_found, r->quotes);
    printf("  relations: %zu; with evidence %zu (%.1f%%), with dates %zu (%.1f%%)\n",
           r->relations, r->relations_with_evidence,
           percent(r->relations_with_evidence, r->relations), r->relations_with_dates,
           percent(r->relations_with_dates, r->relations));
    printf("  entities: %zu; with dates %zu (%.1f%%); not mentioned in any quote: %zu\n",
           r->entities, r->entities_with_dates, percent(r->entities_with_dates, r->entities),
           r->unmentioned_count);
    if (kg_summarise(g, &s, NULL) == KG_OK) {
        print_type_counts("entities", s.node_types, s.node_type_count);
        print_type_counts("relations", s.edge_types, s.edge_type_count);
        kg_summary_clear(&s);
    }
    for (size_t i = 0; i < r->unmentioned_count; i++)
        printf("  unmentioned: %s\n", r->unmentioned[i]);
}

static int verify_one(const char *path, const char *schema_path, bool is_quiet)
{
    kg_graph *g = NULL;
    int rc = kg_cli_load(path, schema_path, &g);
    if (rc != KG_EXIT_OK)
        return rc;
    char dir[4096];
    kg_path_folder(path, dir, sizeof dir);
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_verify_report report;
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    kg_status st = kg_verify(g, dir, name, &report, &diags);
    kg_cli_print_diagnostics(&diags);
    if (!is_quiet)
        print_report(name, g, &report);
    kg_verify_report_clear(&report);
    kg_diagnostics_clear(&diags);
    kg_graph_free(g);
    return kg_cli_exit_code(st);
}

int kg_cmd_verify(int argc, char **argv)
{
    const char *schema_path = NULL;
    bool is_quiet = false;
    int first = 1;
    for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
        if (strcmp(argv[first], "-q") == 0 || strcmp(argv[first], "--quiet") == 0)
            is_quiet = true;
        else if (strcmp(argv[first], "--schema") == 0 && first + 1 < argc)
            schema_path = argv[++first];
        else
            return kg_cli_usage_error("verify", "unknown option '%s'", argv[first]);
    }
    if (first >= argc)
        return kg_cli_usage_error("verify", "give at least one data set");
    int rc = KG_EXIT_OK;
    for (int i = first; i < argc; i++) {
        int one = verify_one(argv[i], schema_path, is_quiet);
        if (one > rc)
            rc = one;
    }
    return rc;
}
