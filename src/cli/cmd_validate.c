/* cmd_validate.c - `kg validate`: load each data set against its schema and
 * report every problem, writing nothing. */
#include <string.h>

#include "cli.h"
#include "cli_load.h"
#include "commands.h"

const char kg_usage_validate[] =
    "Usage: kg validate DATASET... [--schema FILE] [--from FORMAT] [-q]\n"
    "\n"
    "Checks each data set (syntax, schema, references, dates, evidence) and\n"
    "reports every problem as FILE: /json/pointer: message, or FILE:LINE:COL\n"
    "for syntax errors. Writes no files. Graphs in other formats (GraphML, DOT,\n"
    "node-link JSON, CSV/TSV, KGX, JSON Lines, folders; docs/import.md) are\n"
    "checked as they are read, against --schema when given. DATASET '-'\n"
    "reads standard input as a data set (its schema path then resolves against\n"
    "the current directory) unless --from names another format.\n"
    "\n"
    "Options:\n"
    "      --schema FILE   use this schema instead of the data set's own\n"
    "      --from FORMAT   read every input as FORMAT (kg, graphml, dot, json,\n"
    "                      cyjs, csv, tsv, kgx, jsonl) instead of telling it from\n"
    "                      its name and content\n"
    "  -q, --quiet         print nothing for valid data sets\n"
    "  -h, --help          show this help\n"
    "\n"
    "Exit codes: 0 all valid, 1 usage error, 2 invalid, 3 I/O error.\n";

int kg_cmd_validate(int argc, char **argv)
{
    const char *schema_path = NULL, *from = NULL;
    bool is_quiet = false;
    int first = 1;
    for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
        if (strcmp(argv[first], "--") == 0) {
            first++;
            break;
        }
        if (strcmp(argv[first], "-q") == 0 || strcmp(argv[first], "--quiet") == 0)
            is_quiet = true;
        else if (strcmp(argv[first], "--schema") == 0 && first + 1 < argc)
            schema_path = argv[++first];
        else if (strncmp(argv[first], "--schema=", 9) == 0)
            schema_path = argv[first] + 9;
        else if (strcmp(argv[first], "--from") == 0 && first + 1 < argc)
            from = argv[++first];
        else if (strncmp(argv[first], "--from=", 7) == 0)
            from = argv[first] + 7;
        else
            return kg_cli_usage_error("validate", "unknown option '%s'", argv[first]);
    }
    if (first >= argc)
        return kg_cli_usage_error("validate", "give at least one data set");
    int rc = kg_cli_check_from("validate", from);
    if (rc != KG_EXIT_OK)
        return rc;
    kg_cli_load_args load = {"validate", from, schema_path, NULL, NULL, NULL};
    for (int i = first; i < argc; i++) {
        kg_graph *g = NULL;
        int one = kg_cli_load_graph(argv[i], &load, &g);
        if (one == KG_EXIT_OK && !is_quiet)
            printf("%s: valid (%zu entities, %zu relations)\n",
                   strcmp(argv[i], "-") == 0 ? "<stdin>" : argv[i],
                   kg_graph_node_count(g), kg_graph_edge_count(g));
        kg_graph_free(g);
        if (one > rc)
            rc = one;
    }
    return rc;
}
