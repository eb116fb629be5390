/* cmd_ingest.c - `kg ingest`: bulk node and edge lists (KGX-style TSV,
 * kg's own TSV headers, JSON Lines) streamed into a graph, checked against
 * a schema when one is given, then written in each requested format
 * atomically, like `kg build`, with a summary and optional progress. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli_draw.h"
#include "cli_ingest.h"
#include "commands.h"

const char kg_usage_ingest[] =
    "Usage: kg ingest [--nodes FILE]... [--edges FILE]... [INPUT...] [options]\n"
    "\n"
    "Reads large node and edge lists line by line (the text is never held in\n"
    "memory) and writes DIR/NAME.EXT for each format. Inputs:\n"
    "  TSV with a header row: KGX (id, category, name, ... / subject,\n"
    "    predicate, object, ...) or kg's own (id, type, label / source, type,\n"
    "    target); start and end are dates; every other column is kept as a\n"
    "    typed attribute (integer, real, boolean or text).\n"
    "  JSON Lines (.jsonl): one node or edge object per line, same names.\n"
    "Node lists are read first, then INPUTs (either kind), then edge lists.\n"
    "Nothing is written unless every input is valid.\n"
    "\n"
    "Options:\n"
    "      --nodes FILE       a node list (.tsv or .jsonl); may be repeated\n"
    "      --edges FILE       an edge list (.tsv or .jsonl); may be repeated\n"
    "      --schema FILE      check types, endpoint rules and dates against\n"
    "                         this schema (KGX names such as biolink:Organization\n"
    "                         match the type organisation)\n"
    "  -o, --output DIR       output folder (default: out; created if missing)\n"
    "  -f, --format LIST      comma-separated formats as for kg build\n"
    "                         (default: dot,graphml,json)\n"
    "  -n, --name NAME        graph name and output file stem (default: from the\n"
    "                         input names: x_nodes.tsv -> x, DIR/nodes.tsv -> DIR)\n"
    "      --check            check only; write nothing\n"
    "      --progress         report progress and timings on stderr (default:\n"
    "                         only when stderr is a terminal)\n"
    "      --no-progress      never report progress\n"
    "      --layout ENGINE    Graphviz layout for SVG, PNG, PDF (default: dot up\n"
    "                         to 150 entities and 400 relations, else sfdp)\n"
    "      --max-size PX      longest side of SVG, PNG, PDF in pixels at 96 per\n"
    "                         inch (default 4800; 0: no bound)\n"
    "      --base-iri IRI     nt, ttl: name entities IRI id/ID, statements and\n"
    "                         sources IRI relation/, IRI source/\n"
    "      --fsync            fsync each file before renaming it, its folder after\n"
    "  -q, --quiet            print no summary\n"
    "  -h, --help             show this help\n"
    "\n"
    "Limits: --max-nodes, --max-edges and --max-input-size (per file) apply.\n"
    "Exit codes: 0 done, 1 usage error, 2 invalid input, 3 I/O or resource error.\n";

/* Layout-based formats cannot lay out graphs this large in useful time. */
#define MAX_DRAWN_NODES 20000

#define MAX_INPUTS 64

typedef struct ingest_args {
    const char *nodes[MAX_INPUTS], *edges[MAX_INPUTS];
    size_t node_count, edge_count;
    const char *schema_path, *output_dir, *name;
    bool formats[KG_FORMAT_COUNT];
    bool is_check, is_quiet, do_fsync, is_progress, is_no_progress;
    kg_export_options export; /* --layout, --max-size, --base-iri */
} ingest_args;

static int add_input(const char **list, size_t *count, const char *path)
{
    if (*count == MAX_INPUTS)
        return kg_cli_usage_error("ingest", "at most %d node and %d edge lists", MAX_INPUTS,
                                  MAX_INPUTS);
    list[(*count)++] = path;
    return KG_EXIT_OK;
}

static int parse_options(int argc, char **argv, ingest_args *a)
{
    enum { OPT_NODES = 256, OPT_EDGES, OPT_SCHEMA, OPT_CHECK, OPT_PROGRESS, OPT_NO_PROGRESS,
           OPT_FSYNC, OPT_LAYOUT, OPT_MAX_SIZE, OPT_BASE_IRI };
    static const struct option longopts[] = {
        {"nodes", required_argument, NULL, OPT_NODES},
        {"edges", required_argument, NULL, OPT_EDGES},
        {"schema", required_argument, NULL, OPT_SCHEMA},
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"name", required_argument, NULL, 'n'},
        {"check", no_argument, NULL, OPT_CHECK},
        {"progress", no_argument, NULL, OPT_PROGRESS},
        {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
        {"fsync", no_argument, NULL, OPT_FSYNC},
        {"quiet", no_argument, NULL, 'q'},
        {"layout", required_argument, NULL, OPT_LAYOUT},
        {"max-size", required_argument, NULL, OPT_MAX_SIZE},
        {"base-iri", required_argument, NULL, OPT_BASE_IRI},
        {NULL, 0, NULL, 0}};
    memset(a, 0, sizeof *a);
    a->export = kg_export_defaults();
    a->output_dir = "out";
    a->formats[KG_FORMAT_DOT] = a->formats[KG_FORMAT_GRAPHML] = a->formats[KG_FORMAT_JSON] = true;
    opterr = 0;
    optind = 1;
    int c, rc = KG_EXIT_OK;
    while (rc == KG_EXIT_OK && (c = getopt_long(argc, argv, ":o:f:n:q", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_NODES: rc = add_input(a->nodes, &a->node_count, optarg); break;
        case OPT_EDGES: rc = add_input(a->edges, &a->edge_count, optarg); break;
        case OPT_SCHEMA: a->schema_path = optarg; break;
        case 'o': a->output_dir = optarg; break;
        case 'f': rc = kg_cli_parse_formats("ingest", optarg, a->formats); break;
        case 'n': a->name = optarg; break;
        case OPT_CHECK: a->is_check = true; break;
        case OPT_PROGRESS: a->is_progress = true; break;
        case OPT_NO_PROGRESS: a->is_no_progress = true; break;
        case OPT_FSYNC: a->do_fsync = true; break;
        case 'q': a->is_quiet = true; break;
        case OPT_LAYOUT: a->export.layout = optarg; break;
        case OPT_MAX_SIZE: rc = kg_cli_parse_max_size("ingest", optarg, &a->export.max_pixels); break;
        case OPT_BASE_IRI: a->export.base_iri = optarg; break;
        case ':': return kg_cli_usage_error("ingest", "option '%s' needs a value", argv[optind - 1]);
        default: return kg_cli_usage_error("ingest", "unknown option '%s'", argv[optind - 1]);
        }
    }
    kg_error err;
    if (rc == KG_EXIT_OK && kg_export_check_options(&a->export, &err) != KG_OK)
        rc = kg_cli_usage_error("ingest", "%s; %s", err.message, err.hint);
    if (rc == KG_EXIT_OK && a->name && (!a->name[0] || strchr(a->name, '/')))
        rc = kg_cli_usage_error("ingest", "--name must be a file name, not '%s'", a->name);
    return rc;
}

static bool is_drawing(kg_format f)
{
    return f == KG_FORMAT_SVG || f == KG_FORMAT_PNG || f == KG_FORMAT_PDF || f == KG_FORMAT_HTML;
}

/* Writes one format into an uncommitted writer (*out). */
static kg_status write_one(const kg_graph *g, kg_format f, const char *target,
                           const ingest_args *a, kg_writer **out, kg_error *err)
{
    kg_status st = kg_writer_open_file(target, a->do_fsync, out, err);
    if (st == KG_OK)
        st = kg_export(g, f, &a->export, *out, err);
    if (st == KG_OK)
        st = kg_writer_close(*out, err);
    return st;
}

static bool is_picture(int f)
{
    return f == KG_FORMAT_SVG || f == KG_FORMAT_PNG || f == KG_FORMAT_PDF;
}

/* SVG, PNG and PDF from one layout: their writers are opened at
 * writers[*n...], drawn together and closed; each is credited the whole
 * drawing time. Returns an exit code. */
static int write_pictures(const kg_graph *g, const ingest_args *a, kg_writer **writers,
                          char (*targets)[4096], double *seconds, size_t *n)
{
    kg_format formats[3];
    size_t first = *n, count = 0;
    kg_error err;
    kg_error_clear(&err);
    kg_status st = KG_OK;
    for (int f = 0; f < KG_FORMAT_COUNT && st == KG_OK; f++) {
        if (!a->formats[f] || !is_picture(f))
            continue;
        snprintf(targets[*n], sizeof targets[*n], "%s/%s.%s", a->output_dir, kg_graph_name(g),
                 kg_format_extension((kg_format)f));
        st = kg_writer_open_file(targets[*n], a->do_fsync, &writers[*n], &err);
        if (st == KG_OK)
            formats[count++] = (kg_format)f, (*n)++;
    }
    double t = kg_cli_now();
    if (st == KG_OK && count > 0)
        st = kg_cli_draw(g, NULL, &a->export, formats, &writers[first], count, a->is_quiet, &err);
    for (size_t i = first; i < *n; i++) {
        seconds[i] = kg_cli_now() - t;
        if (st == KG_OK)
            st = kg_writer_close(writers[i], &err);
    }
    if (st != KG_OK) {
        kg_cli_print_error(&err);
        return kg_cli_exit_code(st);
    }
    return KG_EXIT_OK;
}

static int write_outputs(const kg_graph *g, const ingest_args *a, bool has_progress)
{
    kg_writer *writers[KG_FORMAT_COUNT] = {NULL};
    char targets[KG_FORMAT_COUNT][4096];
    double seconds[KG_FORMAT_COUNT];
    size_t n = 0;
    int rc = kg_cli_ensure_directory(a->output_dir);
    if (rc == KG_EXIT_OK)
        rc = write_pictures(g, a, writers, targets, seconds, &n);
    for (int f = 0; f < KG_FORMAT_COUNT && rc == KG_EXIT_OK; f++) {
        if (!a->formats[f] || is_picture(f))
            continue;
        snprintf(targets[n], sizeof targets[n], "%s/%s.%s", a->output_dir, kg_graph_name(g),
                 kg_format_extension((kg_format)f));
        kg_error err;
        kg_error_clear(&err);
        double t = kg_cli_now();
        kg_status st = write_one(g, (kg_format)f, targets[n], a, &writers[n], &err);
        seconds[n] = kg_cli_now() - t;
        n += writers[n] != NULL;
        if (st != KG_OK) {
            kg_cli_print_error(&err);
            rc = kg_cli_exit_code(st);
        }
    }
    for (size_t i = 0; i < n; i++) {
        kg_error err;
        struct stat sb;
        if (rc != KG_EXIT_OK) {
            kg_writer_abort(writers[i]);
        } else if (kg_writer_commit(writers[i], &err) != KG_OK) {
            kg_cli_print_error(&err);
            rc = KG_EXIT_SYSTEM;
        } else if (has_progress && stat(targets[i], &sb) == 0) {
            char size[32], rate[32];
            fprintf(stderr, "kg: wrote %s, %s in %.2f s (%s/s)\n", targets[i],
                    kg_cli_bytes((double)sb.st_size, size), seconds[i],
                    kg_cli_bytes((double)sb.st_size / (seconds[i] > 0 ? seconds[i] : 1e-9),
                                 rate));
        }
    }
    return rc;
}

static void print_counts(const char *what, const kg_type_count *list, size_t n)
{
    printf("  %s:", what);
    for (size_t i = 0; i < n; i++)
        printf("%s %s %zu", i ? "," : "", list[i].type, list[i].count);
    printf("\n");
}

static int print_summary(const kg_graph *g)
{
    kg_summary s;
    kg_error err;
    if (kg_summarise(g, &s, &err) != KG_OK) {
        kg_cli_print_error(&err);
        return KG_EXIT_SYSTEM;
    }
    printf("%s: %zu nodes, %zu edges\n", kg_graph_name(g), s.node_count, s.edge_count);
    print_counts("nodes by type", s.node_types, s.node_type_count);
    print_counts("edges by type", s.edge_types, s.edge_type_count);
    printf("  weakly connected components: %zu (largest: %zu nodes)\n", s.weak_components,
           s.largest_component);
    printf("  isolated nodes: %zu, self-loops: %zu, edges with dates: %zu\n", s.isolated_nodes,
           s.self_loops, s.dated_edges);
    kg_summary_clear(&s);
    return KG_EXIT_OK;
}

static int check_drawing(const kg_graph *g, const ingest_args *a)
{
    size_t n = kg_graph_node_count(g);
    for (int f = 0; f < KG_FORMAT_COUNT && !a->is_check; f++)
        if (a->formats[f] && is_drawing((kg_format)f) && n > MAX_DRAWN_NODES) {
            kg_cli_fail("%s: %zu nodes is too many to lay out (at most %d for svg, png, pdf "
                        "and html); write dot, graphml or json and use Gephi or Cytoscape, "
                        "or draw a part of it with 'kg subgraph'",
                        kg_format_name((kg_format)f), n, MAX_DRAWN_NODES);
            return KG_EXIT_SYSTEM;
        }
    return KG_EXIT_OK;
}

int kg_cmd_ingest(int argc, char **argv)
{
    ingest_args a;
    int rc = parse_options(argc, argv, &a);
    if (rc != KG_EXIT_OK)
        return rc;
    if (a.node_count + a.edge_count + (size_t)(argc - optind) == 0)
        return kg_cli_usage_error("ingest", "no input: give --nodes, --edges or INPUT files");
    bool has_progress = kg_cli_wants_progress(a.is_progress, a.is_no_progress);
    const char *mixed[MAX_INPUTS];
    size_t mixed_count = 0;
    for (int i = optind; i < argc && rc == KG_EXIT_OK; i++)
        rc = add_input(mixed, &mixed_count, argv[i]);
    if (rc != KG_EXIT_OK)
        return rc;
    kg_cli_ingest_inputs in = {a.nodes, a.node_count, mixed, mixed_count, a.edges,
                               a.edge_count, a.schema_path, a.name, has_progress, KG_INGEST_AUTO};
    kg_graph *g = NULL;
    rc = kg_cli_ingest(&in, &g);
    if (rc == KG_EXIT_OK)
        rc = check_drawing(g, &a);
    if (rc == KG_EXIT_OK && !a.is_check)
        rc = write_outputs(g, &a, has_progress);
    if (rc == KG_EXIT_OK && !a.is_quiet)
        rc = print_summary(g);
    kg_graph_free(g);
    return rc;
}
