/* cmd_build.c - `kg build`: load data sets, and only if every one is valid,
 * write each requested export to a temporary file; rename them all into
 * place once all succeeded. Prints a summary of each graph. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cli_draw.h"
#include "cli_load.h"
#include "commands.h"

const char kg_usage_build[] =
    "Usage: kg build [DATASET...] [-o DIR] [-f FORMATS] [options]\n"
    "\n"
    "Checks each data set and writes DIR/NAME.EXT for each format, NAME being\n"
    "the data set's file name without .kg.json. With no DATASET, builds every\n"
    "data/*.kg.json into out/. Nothing is written unless every data set is\n"
    "valid and every export succeeds; existing files are replaced atomically.\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR       output folder (default: out; created if missing;\n"
    "                         not '-': 'kg convert IN - --to FMT' writes stdout)\n"
    "  -f, --format LIST      comma-separated: dot,graphml,json,svg,html\n"
    "                         (default: those five; html is the interactive viewer)\n"
    "                         or any of: gexf (Gephi), cytoscape (.cyjs),\n"
    "                         cytoscape-style (.style.json, Cytoscape.js),\n"
    "                         cytoscape-vizmap (.vizmap.xml, Cytoscape desktop),\n"
    "                         yed (.yed.graphml),\n"
    "                         cypher, neo4j (folder NAME.neo4j of import CSV\n"
    "                         files), nt, ttl, png, pdf\n"
    "      --schema FILE      use this schema instead of the data set's own\n"
    "      --from FORMAT      read every input as FORMAT (kg, graphml, dot, json,\n"
    "                         cyjs, csv, tsv, kgx, jsonl) instead of telling it\n"
    "                         from its name and content (docs/import.md)\n"
    "      --layout ENGINE    Graphviz layout for SVG, PNG, PDF: dot, neato, fdp,\n"
    "                         sfdp, circo, twopi, osage, patchwork (default: dot\n"
    "                         up to 150 entities and 400 relations, else sfdp);\n"
    "                         the drawing is laid out once for all three\n"
    "      --rankdir DIR      LR, RL, TB or BT (default: LR)\n"
    "      --max-size PX      longest side of SVG, PNG, PDF in pixels at 96 per\n"
    "                         inch (default 4800; 0: no bound)\n"
    "      --no-legend        leave the legend out of SVG, PNG and PDF\n"
    "      --dot-legend       also write the legend into the DOT file (as\n"
    "                         kg_legend=\"true\" nodes; default: data only)\n"
    "      --base-iri IRI     nt, ttl: name entities IRI id/ID, statements and\n"
    "                         sources IRI relation/, IRI source/ (default:\n"
    "                         https://kg.example/..., per data set name)\n"
    "      --fsync            fsync each file before renaming it, its folder after\n"
    "  -q, --quiet            print no summary\n"
    "  -h, --help             show this help\n"
    "\n"
    "Exit codes: 0 built, 1 usage error, 2 invalid data set, 3 I/O error.\n";

#define MAX_DATASETS 256

typedef struct build_options {
    const char *output_dir;
    const char *schema_path;
    const char *from;
    bool formats[KG_FORMAT_COUNT];
    kg_export_options export;
    bool do_fsync;
    bool is_quiet;
} build_options;

static int parse_options(int argc, char **argv, build_options *o)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"schema", required_argument, NULL, 's'}, {"layout", required_argument, NULL, 'L'},
        {"rankdir", required_argument, NULL, 'R'}, {"no-legend", no_argument, NULL, 'N'},
        {"fsync", no_argument, NULL, 'F'},         {"quiet", no_argument, NULL, 'q'},
        {"from", required_argument, NULL, 'I'}, {"base-iri", required_argument, NULL, 'B'},
        {"max-size", required_argument, NULL, 'M'}, {"dot-legend", no_argument, NULL, 'D'},
        {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    o->output_dir = "out";
    o->export = kg_export_defaults();
    for (int i = 0; i < KG_FORMAT_COUNT; i++)
        o->formats[i] = kg_format_is_default((kg_format)i);
    opterr = 0;
    optind = 1;
    int c, rc = KG_EXIT_OK;
    while (rc == KG_EXIT_OK && (c = getopt_long(argc, argv, ":o:f:q", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->output_dir = optarg; break;
        case 'f': rc = kg_cli_parse_formats("build", optarg, o->formats); break;
        case 's': o->schema_path = optarg; break;
        case 'I': o->from = optarg; rc = kg_cli_check_from("build", optarg); break;
        case 'L': o->export.layout = optarg; break;
        case 'R': o->export.rankdir = optarg; break;
        case 'N': o->export.has_legend = false; break;
        case 'B': o->export.base_iri = optarg; break;
        case 'D': o->export.has_dot_legend = true; break;
        case 'M': rc = kg_cli_parse_max_size("build", optarg, &o->export.max_pixels); break;
        case 'F': o->do_fsync = true; break;
        case 'q': o->is_quiet = true; break;
        case ':': return kg_cli_usage_error("build", "option '%s' needs a value", argv[optind - 1]);
        default: return kg_cli_usage_error("build", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (rc == KG_EXIT_OK && strcmp(o->output_dir, "-") == 0)
        return kg_cli_usage_error("build", "-o takes a folder, and '-' (standard output) is none; "
                                           "write one format to standard output with 'kg convert "
                                           "DATASET - --to FORMAT'");
    kg_error err;
    if (rc == KG_EXIT_OK && kg_export_check_options(&o->export, &err) != KG_OK)
        rc = kg_cli_usage_error("build", "%s; %s", err.message, err.hint);
    return rc;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every data/NAME.kg.json, sorted, as malloc'd strings; count in *n. */
static int find_default_datasets(char **paths, size_t *n)
{
    DIR *dir = opendir("data");
    *n = 0;
    if (!dir) {
        kg_cli_fail("no data set given and cannot read folder 'data': %s", strerror(errno));
        return KG_EXIT_USAGE;
    }
    struct dirent *entry;
    while ((entry = readdir(dir)) && *n < MAX_DATASETS) {
        size_t len = strlen(entry->d_name);
        if (entry->d_name[0] == '.' || len <= 8 || strcmp(entry->d_name + len - 8, ".kg.json"))
            continue;
        paths[*n] = malloc(len + 6);
        if (!paths[*n])
            break;
        snprintf(paths[(*n)++], len + 6, "data/%s", entry->d_name);
    }
    closedir(dir);
    qsort(paths, *n, sizeof *paths, compare_strings);
    if (*n == 0) {
        kg_cli_fail("no data set given and none found as data/*.kg.json");
        return KG_EXIT_USAGE;
    }
    return KG_EXIT_OK;
}

/* "data/nato-eu.kg.json" -> "nato-eu" */
static void output_stem(const char *path, char *out, size_t size)
{
    const char *base = strrchr(path, '/');
    snprintf(out, size, "%s", base ? base + 1 : path);
    char *ext = strstr(out, ".kg.json");
    if (!ext)
        ext = strrchr(out, '.');
    if (ext && ext != out)
        *ext = '\0';
}

static void print_counts(const char *what, const kg_type_count *list, size_t n)
{
    printf("  %s:", what);
    for (size_t i = 0; i < n; i++)
        printf("%s %s %zu", i ? "," : "", list[i].type, list[i].count);
    printf("\n");
}

static int print_summary(const char *path, const kg_graph *g)
{
    kg_summary s;
    kg_error err;
    if (kg_summarise(g, &s, &err) != KG_OK) {
        kg_cli_print_error(&err);
        return KG_EXIT_SYSTEM;
    }
    printf("%s: %zu nodes, %zu edges\n", path, s.node_count, s.edge_count);
    print_counts("nodes by type", s.node_types, s.node_type_count);
    print_counts("edges by type", s.edge_types, s.edge_type_count);
    printf("  weakly connected components: %zu (largest: %zu nodes)\n", s.weak_components,
           s.largest_component);
    printf("  isolated nodes: %zu, self-loops: %zu\n", s.isolated_nodes, s.self_loops);
    printf("  edges with dates: %zu, with evidence: %zu\n", s.dated_edges, s.evidenced_edges);
    kg_summary_clear(&s);
    return KG_EXIT_OK;
}

/* The uncommitted outputs of a run, renamed into place together, and the
 * folders the run created for them (removed again if the run fails). */
typedef struct output_list {
    kg_writer **writers;
    size_t count;
    size_t capacity;
    char *folders[MAX_DATASETS];
    size_t folder_count;
} output_list;

static kg_status add_output(output_list *outputs, kg_writer *w)
{
    if (outputs->count == outputs->capacity) {
        size_t capacity = outputs->capacity ? 2 * outputs->capacity : 16;
        kg_writer **grown = realloc(outputs->writers, capacity * sizeof *grown);
        if (!grown)
            return KG_ENOMEM;
        outputs->writers = grown;
        outputs->capacity = capacity;
    }
    outputs->writers[outputs->count++] = w;
    return KG_OK;
}

/* Writes one file (the whole export, or Neo4j CSV file `part`) into an
 * uncommitted writer kept in outputs. */
static kg_status export_file(const kg_graph *g, kg_format f, size_t part, const char *target,
                             const build_options *o, output_list *outputs, kg_error *err)
{
    kg_writer *w = NULL;
    kg_status st = kg_writer_open_file(target, o->do_fsync, &w, err);
    if (st == KG_OK && add_output(outputs, w) != KG_OK) {
        kg_writer_abort(w);
        return kg_error_set(err, KG_ENOMEM, target, "out of memory");
    }
    if (st == KG_OK)
        st = kg_format_is_folder(f) ? kg_export_neo4j_file(g, part, w, err)
                                    : kg_export(g, f, &o->export, w, err);
    if (st == KG_OK)
        st = kg_writer_close(w, err);
    return st;
}

/* The neo4j format: folder DIR/STEM.neo4j with one CSV file per type. */
static kg_status export_folder(const kg_graph *g, kg_format f, const char *folder,
                               const build_options *o, output_list *outputs, kg_error *err)
{
    if (mkdir(folder, 0777) == 0) {
        if (outputs->folder_count < MAX_DATASETS &&
            (outputs->folders[outputs->folder_count] = strdup(folder)))
            outputs->folder_count++;
    } else if (errno != EEXIST) {
        return kg_error_set(err, KG_EIO, folder, "cannot create folder: %s", strerror(errno));
    }
    size_t count = 0;
    kg_status st = kg_neo4j_file_count(g, &count);
    if (st != KG_OK)
        return kg_error_set(err, st, folder, "out of memory");
    for (size_t i = 0; st == KG_OK && i < count; i++) {
        char name[512], target[4096];
        st = kg_neo4j_file_name(g, i, name, sizeof name);
        if (st != KG_OK)
            return kg_error_set(err, st, folder, "cannot name Neo4j CSV file %zu", i + 1);
        int len = snprintf(target, sizeof target, "%s/%s", folder, name);
        if (len < 0 || (size_t)len >= sizeof target)
            return kg_error_set(err, KG_ELIMIT, folder, "path too long");
        st = export_file(g, f, i, target, o, outputs, err);
    }
    return st;
}

static bool is_drawing(int f)
{
    return f == KG_FORMAT_SVG || f == KG_FORMAT_PNG || f == KG_FORMAT_PDF;
}

/* SVG, PNG and PDF from one layout: one writer each, drawn together. */
static kg_status export_drawings(const kg_graph *g, const char *stem, const build_options *o,
                                 output_list *outputs, kg_error *err)
{
    kg_format formats[3];
    kg_writer *writers[3];
    size_t count = 0;
    kg_status st = KG_OK;
    for (int f = 0; f < KG_FORMAT_COUNT && st == KG_OK; f++) {
        if (!o->formats[f] || !is_drawing(f))
            continue;
        char target[4096];
        snprintf(target, sizeof target, "%s/%s.%s", o->output_dir, stem,
                 kg_format_extension((kg_format)f));
        st = kg_writer_open_file(target, o->do_fsync, &writers[count], err);
        if (st == KG_OK && add_output(outputs, writers[count]) != KG_OK) {
            kg_writer_abort(writers[count]);
            return kg_error_set(err, KG_ENOMEM, target, "out of memory");
        }
        if (st == KG_OK)
            formats[count++] = (kg_format)f;
    }
    if (st == KG_OK && count > 0)
        st = kg_cli_draw(g, NULL, &o->export, formats, writers, count, o->is_quiet, err);
    for (size_t i = 0; st == KG_OK && i < count; i++)
        st = kg_writer_close(writers[i], err);
    return st;
}

/* Exports one graph in each chosen format into uncommitted writers. */
static int export_graph(const kg_graph *g, const char *path, const build_options *o,
                        output_list *outputs)
{
    char stem[256];
    output_stem(path, stem, sizeof stem);
    kg_error draw_err;
    kg_error_clear(&draw_err);
    if (export_drawings(g, stem, o, outputs, &draw_err) != KG_OK) {
        kg_cli_print_error(&draw_err);
        return kg_cli_exit_code(draw_err.status);
    }
    for (int f = 0; f < KG_FORMAT_COUNT; f++) {
        if (!o->formats[f] || is_drawing(f))
            continue;
        char target[4096];
        snprintf(target, sizeof target, "%s/%s.%s", o->output_dir, stem,
                 kg_format_extension((kg_format)f));
        kg_error err;
        kg_error_clear(&err);
        kg_status st = kg_format_is_folder((kg_format)f)
                           ? export_folder(g, (kg_format)f, target, o, outputs, &err)
                           : export_file(g, (kg_format)f, 0, target, o, outputs, &err);
        if (st != KG_OK) {
            kg_cli_print_error(&err);
            return kg_cli_exit_code(st);
        }
    }
    return KG_EXIT_OK;
}

/* Renames every finished output into place; on failure removes the rest. */
static int commit_all(output_list *outputs, int rc)
{
    for (size_t i = 0; i < outputs->count; i++) {
        if (rc != KG_EXIT_OK) {
            kg_writer_abort(outputs->writers[i]);
            continue;
        }
        kg_error err;
        if (kg_writer_commit(outputs->writers[i], &err) != KG_OK) {
            kg_cli_print_error(&err);
            rc = KG_EXIT_SYSTEM;
        }
    }
    for (size_t i = 0; i < outputs->folder_count; i++) {
        if (rc != KG_EXIT_OK)
            rmdir(outputs->folders[i]); /* empty once its files were aborted */
        free(outputs->folders[i]);
    }
    free(outputs->writers);
    return rc;
}

static int build(char **paths, size_t n, const build_options *o)
{
    kg_graph *graphs[MAX_DATASETS] = {NULL};
    output_list outputs = {.writers = NULL};
    int rc = KG_EXIT_OK;
    for (size_t i = 0; i < n; i++) {
        /* Any format kg reads, told apart as cli_load.h says. */
        kg_cli_load_args load = {"build", o->from, o->schema_path, NULL, NULL, NULL};
        int load_rc = kg_cli_load_graph(paths[i], &load, &graphs[i]);
        if (load_rc > rc)
            rc = load_rc;
    }
    if (rc == KG_EXIT_OK)
        rc = kg_cli_ensure_directory(o->output_dir);
    for (size_t i = 0; i < n && rc == KG_EXIT_OK; i++)
        rc = export_graph(graphs[i], paths[i], o, &outputs);
    rc = commit_all(&outputs, rc);
    for (size_t i = 0; i < n && rc == KG_EXIT_OK && !o->is_quiet; i++)
        rc = print_summary(paths[i], graphs[i]);
    for (size_t i = 0; i < n; i++)
        kg_graph_free(graphs[i]);
    return rc;
}

int kg_cmd_build(int argc, char **argv)
{
    build_options o;
    int rc = parse_options(argc, argv, &o);
    if (rc != KG_EXIT_OK)
        return rc;
    char *found[MAX_DATASETS];
    size_t n = 0;
    char **paths = argv + optind;
    n = (size_t)(argc - optind);
    if (n > MAX_DATASETS)
        return kg_cli_usage_error("build", "at most %d data sets at once", MAX_DATASETS);
    bool is_default = n == 0;
    if (is_default) {
        rc = find_default_datasets(found, &n);
        paths = found;
    }
    if (rc == KG_EXIT_OK)
        rc = build(paths, n, &o);
    for (size_t i = 0; is_default && i < n; i++)
        free(found[i]);
    return rc;
}
