/* cmd_convert.c - `kg convert IN OUT`: read a graph in any format kg
 * imports (or a kg data set) and write it in any format kg exports, through
 * an atomic writer, so a failed conversion leaves OUT untouched. */
#include <getopt.h>
#include <string.h>

#include "cli_draw.h"
#include "cli_load.h"
#include "commands.h"

const char kg_usage_convert[] =
    "Usage: kg convert IN OUT [--from FMT] [--to FMT] [options]\n"
    "\n"
    "Reads the graph in IN and writes it to OUT. Input formats: graphml (.graphml,\n"
    ".xml; yEd files too), dot (.dot, .gv), json (NetworkX node-link, .json), cyjs\n"
    "(Cytoscape desktop and Cytoscape.js JSON, .cyjs), csv and tsv (edge or node\n"
    "lists with a header, .csv, .tsv), a folder of\n"
    "neo4j-admin CSV files as kg's neo4j export writes it (NAME.neo4j), and kg\n"
    "data sets (.kg.json). Output formats: every format of 'kg build' (from OUT's\n"
    "extension). Attributes keep their types; kg's own field names map back to\n"
    "kg's fields, so files kg wrote read back as the same graph. Mapping and\n"
    "quirks: docs/import.md.\n"
    "\n"
    "Options:\n"
    "      --from FMT            input format (default: from IN's extension;\n"
    "                            needed when IN is '-', standard input)\n"
    "      --to FMT              output format (default: from OUT's extension;\n"
    "                            needed when OUT is '-', standard output)\n"
    "      --node-type-attr A    take node types from attribute A (default: 'type';\n"
    "                            nodes without one get type 'node')\n"
    "      --edge-type-attr A    take edge types from attribute A (default: 'type';\n"
    "                            edges without one get type 'edge')\n"
    "      --nodes FILE          CSV/TSV: a node list to read with the edge list IN\n"
    "      --schema FILE         check types against this schema and draw with its\n"
    "                            styles (default: no schema, any type allowed)\n"
    "      --no-legend           leave the legend out of SVG, PNG and PDF\n"
    "      --layout ENGINE       Graphviz layout for SVG, PNG, PDF (default: dot up\n"
    "                            to 150 entities and 400 relations, else sfdp)\n"
    "      --max-size PX         longest side of SVG, PNG, PDF in pixels at 96\n"
    "                            per inch (default 4800; 0: no bound)\n"
    "      --base-iri IRI        nt, ttl: name entities IRI id/ID, statements and\n"
    "                            sources IRI relation/, IRI source/ (default:\n"
    "                            https://kg.example/..., per graph: its name, or\n"
    "                            a hash of its ids when it has none)\n"
    "      --fsync               fsync OUT before renaming it, its folder after\n"
    "  -h, --help                show this help\n"
    "\n"
    "Exit codes: 0 converted, 1 usage error, 2 invalid input (reported as\n"
    "FILE:LINE:COL: message), 3 I/O, memory or limit error.\n";

enum { OPT_FROM = 256, OPT_TO, OPT_NODE_TYPE, OPT_EDGE_TYPE, OPT_NODES, OPT_SCHEMA,
       OPT_NO_LEGEND, OPT_FSYNC, OPT_BASE_IRI, OPT_LAYOUT, OPT_MAX_SIZE };

typedef struct convert_args {
    kg_cli_load_args in;
    const char *to;
    kg_export_options export;
    bool do_fsync;
} convert_args;

static int parse_options(int argc, char **argv, convert_args *a)
{
    static const struct option longopts[] = {
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"node-type-attr", required_argument, NULL, OPT_NODE_TYPE},
        {"edge-type-attr", required_argument, NULL, OPT_EDGE_TYPE},
        {"nodes", required_argument, NULL, OPT_NODES},
        {"schema", required_argument, NULL, OPT_SCHEMA},
        {"no-legend", no_argument, NULL, OPT_NO_LEGEND},
        {"fsync", no_argument, NULL, OPT_FSYNC},
        {"base-iri", required_argument, NULL, OPT_BASE_IRI},
        {"layout", required_argument, NULL, OPT_LAYOUT},
        {"max-size", required_argument, NULL, OPT_MAX_SIZE},
        {NULL, 0, NULL, 0}};
    memset(a, 0, sizeof *a);
    a->export = kg_export_defaults();
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FROM: a->in.from = optarg; break;
        case OPT_TO: a->to = optarg; break;
        case OPT_NODE_TYPE: a->in.node_type_attr = optarg; break;
        case OPT_EDGE_TYPE: a->in.edge_type_attr = optarg; break;
        case OPT_NODES: a->in.nodes_path = optarg; break;
        case OPT_SCHEMA: a->in.schema_path = optarg; break;
        case OPT_NO_LEGEND: a->export.has_legend = false; break;
        case OPT_FSYNC: a->do_fsync = true; break;
        case OPT_BASE_IRI: a->export.base_iri = optarg; break;
        case OPT_LAYOUT: a->export.layout = optarg; break;
        case OPT_MAX_SIZE:
            if (kg_cli_parse_max_size("convert", optarg, &a->export.max_pixels) != KG_EXIT_OK)
                return KG_EXIT_USAGE;
            break;
        case ':': return kg_cli_usage_error("convert", "option '%s' needs a value", argv[optind - 1]);
        default: return kg_cli_usage_error("convert", "unknown option '%s'", argv[optind - 1]);
        }
    }
    kg_error err;
    if (kg_export_check_options(&a->export, &err) != KG_OK)
        return kg_cli_usage_error("convert", "%s; %s", err.message, err.hint);
    if (argc - optind != 2)
        return kg_cli_usage_error("convert", "expected IN and OUT, got %d argument%s",
                                  argc - optind, argc - optind == 1 ? "" : "s");
    return KG_EXIT_OK;
}

static int output_format(const char *out, const char *to, kg_format *format)
{
    if (to && kg_format_from_name(to, format) != KG_OK)
        return kg_cli_usage_error("convert", "unknown output format '%s'", to);
    if (!to && strcmp(out, "-") == 0)
        return kg_cli_usage_error("convert", "writing to standard output needs --to FORMAT");
    if (!to && kg_format_from_path(out, format) != KG_OK)
        return kg_cli_usage_error("convert", "cannot tell the output format from '%s'; use --to",
                                  out);
    return KG_EXIT_OK;
}

int kg_cmd_convert(int argc, char **argv)
{
    convert_args a;
    int rc = parse_options(argc, argv, &a);
    kg_format format = KG_FORMAT_JSON;
    const char *in = rc == KG_EXIT_OK ? argv[optind] : NULL;
    const char *out = rc == KG_EXIT_OK ? argv[optind + 1] : NULL;
    if (rc == KG_EXIT_OK)
        rc = output_format(out, a.to, &format);
    if (rc == KG_EXIT_OK) {
        kg_error err;
        if (kg_export_check_options(&a.export, &err) != KG_OK)
            rc = kg_cli_usage_error("convert", "%s; %s", err.message, err.hint);
    }
    kg_graph *g = NULL;
    if (rc == KG_EXIT_OK)
        rc = kg_cli_load_graph(in, &a.in, &g);
    if (rc == KG_EXIT_OK)
        rc = kg_cli_write_export(g, out, format, &a.export, a.do_fsync);
    kg_graph_free(g);
    return rc;
}
