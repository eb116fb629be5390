/* consumer.c - a program as a user of libkg writes it: only <kg/kg.h>, the
 * public API, and the installed library. tests/cli/test_install.sh builds it
 * against an installed prefix through pkg-config and through CMake, linking
 * libkg shared and static, and runs it on a data set. Prints one line:
 * "kg VERSION: N nodes, M edges, C components". */
#include <stdio.h>

#include <kg/kg.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: consumer DATASET\n");
        return 1;
    }
    kg_graph *graph = NULL;
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, KG_DIAGNOSTICS_DEFAULT_LIMIT);
    kg_partition parts = {0};
    kg_error err;
    char line[2048];
    int rc = 2;
    if (kg_dataset_load(argv[1], NULL, &graph, &diags) != KG_OK) {
        if (diags.count > 0)
            fprintf(stderr, "%s\n", kg_error_format(&diags.items[0], line, sizeof line));
        goto cleanup;
    }
    /* Components run in igraph: the call crosses into libkg's dependencies. */
    if (kg_components(graph, false, &parts, &err) != KG_OK) {
        fprintf(stderr, "%s\n", kg_error_format(&err, line, sizeof line));
        goto cleanup;
    }
    printf("kg %s: %zu nodes, %zu edges, %zu components\n", kg_version(),
           kg_graph_node_count(graph), kg_graph_edge_count(graph), parts.count);
    rc = 0;
cleanup:
    kg_partition_clear(&parts);
    kg_graph_free(graph);
    kg_diagnostics_clear(&diags);
    return rc;
}
