/* cli_import.c - one loading step for every input: data sets through
 * kg_cli_load (with their schema), everything else through kg_import_*,
 * with the command-wide limits (--max-input-size ...) applied to both. */
#include "cli_import.h"

#include <stdlib.h>
#include <string.h>

bool kg_cli_is_dataset(const char *path)
{
    size_t n = strlen(path);
    return n > 8 && strcmp(path + n - 8, ".kg.json") == 0;
}

static int import(const char *path, const kg_cli_import_args *a, kg_import_options *o,
                  kg_graph **out, kg_diagnostics *diags)
{
    if (a && a->from && kg_import_format_from_name(a->from, &o->format) != KG_OK)
        return kg_cli_usage_error("convert", "unknown input format '%s' (known: graphml, dot, "
                                             "json, csv, tsv, kg)", a->from);
    bool is_stdin = strcmp(path, "-") == 0;
    if (is_stdin && o->format == KG_IMPORT_AUTO)
        return kg_cli_usage_error("convert", "reading standard input needs --from FORMAT");
    kg_status st;
    if (!is_stdin) {
        st = kg_import_file(path, o, out, diags);
    } else {
        char *text = NULL;
        size_t len = 0;
        size_t max = o->max_bytes ? o->max_bytes : KG_DEFAULT_MAX_BYTES;
        int rc = kg_cli_read_stdin(max, &text, &len);
        if (rc != KG_EXIT_OK) {
            free(text);
            return rc;
        }
        st = kg_import_buffer(text, len, "<stdin>", o, out, diags);
        free(text);
    }
    return kg_cli_exit_code(st);
}

int kg_cli_load_any(const char *path, const kg_cli_import_args *a, kg_graph **out)
{
    const char *schema_path = a ? a->schema_path : NULL;
    *out = NULL;
    if ((!a || !a->from) ? kg_cli_is_dataset(path) : strcmp(a->from, "kg") == 0)
        return kg_cli_load(path, schema_path, out);
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_import_options o = kg_import_defaults();
    o.max_bytes = kg_cli_limits.max_bytes;
    o.max_nodes = kg_cli_limits.max_nodes;
    o.max_edges = kg_cli_limits.max_edges;
    if (a) {
        o.node_type_attr = a->node_type_attr;
        o.edge_type_attr = a->edge_type_attr;
        o.nodes_path = a->nodes_path;
    }
    kg_status st = schema_path ? kg_schema_load(schema_path, &o.schema, &diags) : KG_OK;
    int rc = st == KG_OK ? import(path, a, &o, out, &diags) : kg_cli_exit_code(st);
    kg_cli_print_diagnostics(&diags);
    kg_diagnostics_clear(&diags);
    kg_schema_free(o.schema);
    return rc;
}
