/* cmd_diagram.c - `kg diagram`: a drawing a person can read. Loads a data
 * set with the selection options, picks a view of it (kg_view_* in the
 * library: ego network, path, chain, top entities, selection, overview),
 * warns when the view holds more entities than stay legible, and draws it
 * as SVG, PNG and PDF from one layout, or writes its drawing DOT. */
#include <stdlib.h>
#include <string.h>

#include "cli_draw.h"
#include "cli_command.h"
#include "cli_groups.h"
#include "commands.h"

const char kg_usage_diagram[] =
    "Usage: kg diagram DATASET VIEW [ARG...] -o FILE [-f FORMATS] [options]\n"
    "\n"
    "Draws one view of DATASET, small enough to read. Views:\n"
    "  ego ENTITY...      the entities within --depth relations of these\n"
    "  path FROM TO       every shortest path between two entities\n"
    "  chain TYPE[,TYPE]  the relations of one type (or a few) and the entities\n"
    "                     they join, placed along a row of dates: an entity\n"
    "                     sits at the date of the one relation leading to it,\n"
    "                     or at its own start date (succeeded_by, signed_by)\n"
    "  top                the --top N entities by --measure and their relations\n"
    "  select             everything the selection options keep (with\n"
    "                     --connected, only entities with a relation drawn)\n"
    "  overview           the whole graph as groups (--group-by type or\n"
    "                     community), the --per-group entities of highest\n"
    "                     degree in each, one line per pair of groups with\n"
    "                     the number of relations between them\n"
    "ENTITY is an id, label or alias, compared without regard to case or\n"
    "accents. A view of more than 60 entities is drawn with a warning on\n"
    "stderr naming a narrower view.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE      where to write ('-': standard output, one format,\n"
    "                         needs -f); with several formats, FILE's\n"
    "                         extension is replaced by each format's\n"
    "  -f, --format LIST      svg, png, pdf or dot, comma-separated (default:\n"
    "                         from FILE's extension); svg, png and pdf are\n"
    "                         laid out once; dot is the text Graphviz lays out\n"
    "  -d, --depth K          ego: how many relations away (default 1)\n"
    "      --direction D      ego: both (default), out or in\n"
    "  -m, --measure M        top: degree (default), betweenness, pagerank, ...\n"
    "  -n, --top N            top: how many entities (default 20)\n"
    "      --group-by G       overview: type (default) or community\n"
    "      --per-group K      overview: entities shown per group (default 3)\n"
    "      --connected        select: leave out entities with no relation kept\n"
    "      --title TEXT       the drawing's title (default: the data set's\n"
    "                         title and the view)\n"
    "      --layout ENGINE    dot, neato, fdp, sfdp, circo, twopi, osage or\n"
    "                         patchwork (default: dot up to 150 entities and\n"
    "                         400 relations, else sfdp)\n"
    "      --rankdir DIR      LR (default), RL, TB or BT\n"
    "      --max-size PX      longest side in pixels at 96 per inch (default\n"
    "                         4800; 0: no bound)\n"
    "      --no-legend        leave out the legend of the types drawn\n"
    "      --fsync            fsync each file before renaming it into place\n"
    "  -q, --quiet            print no summary or warning on stderr\n"
    "  -h, --help             show this help\n"
    "\n"
    KG_CLI_SELECTION_USAGE
    "\n"
    "Exit codes: 0 drawn, 1 usage error, 2 invalid data set, unknown entity or\n"
    "type, no such path or chain, 3 I/O or memory error.\n";

enum {
    OPT_DIRECTION = KG_OPT_FIRST_COMMAND_OPTION,
    OPT_GROUP_BY,
    OPT_PER_GROUP,
    OPT_TITLE,
    OPT_FSYNC,
    OPT_CONNECTED
};

#define MAX_FORMATS 4

typedef struct diagram_args {
    kg_cli_selection selection;
    const char *output;
    const char *formats;
    kg_format chosen[MAX_FORMATS]; /* from formats or output */
    size_t chosen_count;
    const char *title;
    const char *measure;
    size_t depth, top, per_group;
    kg_direction direction;
    kg_group_by group_by;
    kg_export_options export;
    bool do_fsync;
    bool is_quiet;
    bool is_connected;
} diagram_args;

static int parse_group_by(const char *arg, kg_group_by *out)
{
    if (strcmp(arg, "type") == 0)
        *out = KG_GROUP_BY_TYPE;
    else if (strcmp(arg, "community") == 0)
        *out = KG_GROUP_BY_COMMUNITY;
    else
        return kg_cli_usage_error("diagram", "--group-by is type or community, not '%s'", arg);
    return KG_EXIT_OK;
}

static int own_option(void *args, int c, const char *arg)
{
    diagram_args *a = args;
    int rc = KG_EXIT_OK;
    switch (c) {
    case 'o': a->output = arg; break;
    case 'f': a->formats = arg; break;
    case 'd': rc = kg_cli_parse_count("diagram", "--depth", arg, &a->depth); break;
    case 'm': a->measure = arg; break;
    case 'n': rc = kg_cli_parse_count("diagram", "--top", arg, &a->top); break;
    case OPT_DIRECTION: rc = kg_cli_parse_direction("diagram", arg, &a->direction); break;
    case OPT_GROUP_BY: rc = parse_group_by(arg, &a->group_by); break;
    case OPT_PER_GROUP:
        rc = kg_cli_parse_count("diagram", "--per-group", arg, &a->per_group);
        break;
    case OPT_TITLE: a->title = arg; break;
    case OPT_FSYNC: a->do_fsync = true; break;
    case OPT_CONNECTED: a->is_connected = true; break;
    case 'q': a->is_quiet = true; break;
    default:
        rc = kg_cli_drawing_option("diagram", c, arg, &a->export);
        return rc == KG_CLI_NOT_DRAWING ? KG_CLI_NOT_OWN : rc;
    }
    return rc;
}

/* The formats asked for (or FILE's), each a drawing format or dot. */
static int choose_formats(const diagram_args *a, kg_format *formats, size_t *count)
{
    *count = 0;
    if (!a->formats) {
        if (strcmp(a->output, "-") == 0)
            return kg_cli_usage_error("diagram", "writing to standard output needs -f FORMAT");
        if (kg_format_from_path(a->output, &formats[0]) != KG_OK)
            return kg_cli_usage_error("diagram", "cannot tell the format from '%s'; give -f "
                                      "svg, png, pdf or dot", a->output);
        *count = 1;
    } else {
        char list[256];
        snprintf(list, sizeof list, "%s", a->formats);
        for (char *save = NULL, *name = strtok_r(list, ",", &save); name;
             name = strtok_r(NULL, ",", &save)) {
            if (*count == MAX_FORMATS || kg_format_from_name(name, &formats[*count]) != KG_OK)
                return kg_cli_usage_error("diagram", "unknown or repeated format '%s'", name);
            (*count)++;
        }
    }
    for (size_t i = 0; i < *count; i++)
        if (formats[i] != KG_FORMAT_SVG && formats[i] != KG_FORMAT_PNG &&
            formats[i] != KG_FORMAT_PDF && formats[i] != KG_FORMAT_DOT)
            return kg_cli_usage_error("diagram", "a diagram is svg, png, pdf or dot, not %s; "
                                      "'kg subgraph' writes the other formats",
                                      kg_format_name(formats[i]));
    if (*count == 0)
        return kg_cli_usage_error("diagram", "-f names no format");
    if (*count > 1 && strcmp(a->output, "-") == 0)
        return kg_cli_usage_error("diagram", "standard output takes one format, not %zu",
                                  *count);
    return KG_EXIT_OK;
}

/* FILE for one format, or FILE with its extension replaced by format's
 * when several are written. */
static void target_name(const diagram_args *a, kg_format f, size_t count, char *out,
                        size_t size)
{
    if (count == 1) {
        snprintf(out, size, "%s", a->output);
        return;
    }
    const char *slash = strrchr(a->output, '/');
    const char *dot = strrchr(slash ? slash : a->output, '.');
    int stem = dot ? (int)(dot - a->output) : (int)strlen(a->output);
    snprintf(out, size, "%.*s.%s", stem, a->output, kg_format_extension(f));
}

/* ---- views --------------------------------------------------------------- */

static int library_failed(kg_status st, const kg_error *err)
{
    kg_cli_print_error(err);
    return kg_cli_exit_code(st);
}

static int view_ego(kg_cli_graphs *graphs, char **names, size_t count, const diagram_args *a,
                    kg_diagram *d)
{
    if (count == 0)
        return kg_cli_usage_error("diagram", "the ego view needs at least one ENTITY");
    size_t n = kg_graph_node_count(graphs->graph);
    size_t *distance = malloc((n + 1) * sizeof *distance);
    bool *keep = malloc((n + 1) * sizeof *keep);
    bool *centres = malloc((n + 1) * sizeof *centres);
    int rc = distance && keep && centres ? KG_EXIT_OK : KG_EXIT_SYSTEM;
    if (rc == KG_EXIT_OK)
        rc = kg_cli_neighbourhood(graphs, names, count, a->depth, a->direction, distance, NULL);
    else
        kg_cli_fail("out of memory");
    if (rc == KG_EXIT_OK) {
        for (size_t i = 0; i < n; i++) {
            keep[i] = distance[i] != KG_UNREACHED;
            centres[i] = distance[i] == 0;
        }
        kg_error err;
        kg_status st = kg_view_select(graphs->graph, keep, centres, d, &err);
        if (st != KG_OK)
            rc = library_failed(st, &err);
    }
    free(distance);
    free(keep);
    free(centres);
    return rc;
}

static int view_path(kg_cli_graphs *graphs, char **names, size_t count, kg_diagram *d)
{
    if (count != 2)
        return kg_cli_usage_error("diagram", "the path view needs FROM and TO");
    size_t from, to;
    int rc = kg_cli_resolve(graphs, names[0], &from);
    if (rc == KG_EXIT_OK)
        rc = kg_cli_resolve(graphs, names[1], &to);
    kg_error err;
    kg_status st = rc == KG_EXIT_OK ? kg_view_path(graphs->graph, from, to, d, &err) : KG_OK;
    return rc != KG_EXIT_OK ? rc : st != KG_OK ? library_failed(st, &err) : KG_EXIT_OK;
}

static int view_chain(kg_cli_graphs *graphs, char **names, size_t count, kg_diagram *d)
{
    if (count != 1)
        return kg_cli_usage_error("diagram", "the chain view needs one relation TYPE (or a "
                                  "comma-separated list)");
    const kg_schema *schema = kg_graph_schema(graphs->graph);
    char list[512];
    snprintf(list, sizeof list, "%s", names[0]);
    for (char *save = NULL, *type = strtok_r(list, ",", &save); schema && type;
         type = strtok_r(NULL, ",", &save)) {
        if (kg_schema_find_edge_type(schema, type) != KG_SCHEMA_NOT_FOUND)
            continue;
        const char *near = kg_schema_suggest_edge_type(schema, type);
        kg_cli_fail("%s: unknown relation type '%s'%s%s%s", graphs->path, type,
                    near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
        return KG_EXIT_INPUT;
    }
    kg_error err;
    kg_status st = kg_view_chain(graphs->graph, names[0], d, &err);
    return st != KG_OK ? library_failed(st, &err) : KG_EXIT_OK;
}

static int view_top(kg_cli_graphs *graphs, size_t count, const diagram_args *a, kg_diagram *d)
{
    if (count != 0)
        return kg_cli_usage_error("diagram", "the top view takes no ENTITY; use --top N");
    kg_measure measure = KG_MEASURE_DEGREE;
    kg_error err;
    if (a->measure && kg_measure_from_name(a->measure, &measure, &err) != KG_OK)
        return kg_cli_usage_error("diagram", "%s", err.message);
    kg_status st = kg_view_top(graphs->graph, measure, a->top, d, &err);
    return st != KG_OK ? library_failed(st, &err) : KG_EXIT_OK;
}

static int view_select(kg_cli_graphs *graphs, const diagram_args *a, kg_diagram *d)
{
    const kg_graph *g = graphs->graph;
    size_t n = kg_graph_node_count(g);
    bool *keep = NULL;
    if (a->is_connected) {
        if (!(keep = calloc(n + 1, sizeof *keep))) {
            kg_cli_fail("out of memory");
            return KG_EXIT_SYSTEM;
        }
        for (size_t j = 0; j < kg_graph_edge_count(g); j++)
            keep[kg_graph_edge(g, j)->source] = keep[kg_graph_edge(g, j)->target] = true;
    }
    kg_error err;
    kg_status st = kg_view_select(g, keep, NULL, d, &err);
    free(keep);
    return st != KG_OK ? library_failed(st, &err) : KG_EXIT_OK;
}

static int choose_view(kg_cli_graphs *graphs, const char *view, char **args, size_t count,
                       const diagram_args *a, kg_diagram *d)
{
    kg_error err;
    kg_status st = KG_OK;
    if (strcmp(view, "ego") == 0)
        return view_ego(graphs, args, count, a, d);
    if (strcmp(view, "path") == 0)
        return view_path(graphs, args, count, d);
    if (strcmp(view, "chain") == 0)
        return view_chain(graphs, args, count, d);
    if (strcmp(view, "top") == 0)
        return view_top(graphs, count, a, d);
    if (count != 0)
        return kg_cli_usage_error("diagram", "the %s view takes no ENTITY", view);
    if (strcmp(view, "select") == 0)
        return view_select(graphs, a, d);
    else if (strcmp(view, "overview") == 0)
        st = kg_view_overview(graphs->graph, a->group_by, a->per_group, d, &err);
    else
        return kg_cli_usage_error("diagram", "unknown view '%s' (ego, path, chain, top, "
                                  "select, overview)", view);
    return st != KG_OK ? library_failed(st, &err) : KG_EXIT_OK;
}

/* "TITLE: VIEW ARGS" unless --title says otherwise. */
static int set_title(const kg_cli_graphs *graphs, const char *view, char **args, size_t count,
                     const diagram_args *a, kg_diagram *d)
{
    char title[512];
    if (a->title) {
        snprintf(title, sizeof title, "%s", a->title);
    } else {
        const char *base = kg_graph_title(graphs->full);
        int len = snprintf(title, sizeof title, "%.200s%s%s", base, base[0] ? ": " : "", view);
        for (size_t i = 0; i < count && len > 0 && (size_t)len < sizeof title; i++)
            len += snprintf(title + len, sizeof title - (size_t)len, " %.100s", args[i]);
    }
    if (kg_graph_set_title(d->graph, title) != KG_OK) {
        kg_cli_fail("out of memory");
        return KG_EXIT_SYSTEM;
    }
    return KG_EXIT_OK;
}

static void warn_if_crowded(const kg_diagram *d, const char *view, const diagram_args *a)
{
    size_t n = kg_graph_node_count(d->graph);
    if (a->is_quiet || n <= KG_DRAW_READABLE)
        return;
    const char *hint =
        strcmp(view, "ego") == 0      ? "a smaller --depth, --node-type or --edge-type"
        : strcmp(view, "top") == 0    ? "a smaller --top"
        : strcmp(view, "overview") == 0 ? "a smaller --per-group"
                                      : "--node-type, --edge-type, --as-of, or the views "
                                        "'top --top 30' and 'overview'";
    fprintf(stderr, "kg diagram: warning: this view draws %zu entities; more than about %d "
                    "are hard to read; narrow it with %s\n", n, KG_DRAW_READABLE, hint);
}

/* ---- writing ------------------------------------------------------------- */

static int write_outputs(const kg_diagram *d, const kg_format *formats, size_t count,
                         const diagram_args *a)
{
    kg_writer *writers[MAX_FORMATS] = {NULL};
    kg_format drawings[MAX_FORMATS];
    kg_writer *drawing_writers[MAX_FORMATS];
    size_t drawing_count = 0;
    kg_error err;
    kg_error_clear(&err);
    kg_status st = KG_OK;
    for (size_t i = 0; i < count && st == KG_OK; i++) {
        char target[4096];
        target_name(a, formats[i], count, target, sizeof target);
        st = strcmp(target, "-") == 0
                 ? kg_writer_open_stream(stdout, "<stdout>", &writers[i], &err)
                 : kg_writer_open_file(target, a->do_fsync, &writers[i], &err);
        if (st == KG_OK && formats[i] == KG_FORMAT_DOT)
            st = kg_diagram_dot(d, &a->export, writers[i], &err);
        else if (st == KG_OK) {
            drawings[drawing_count] = formats[i];
            drawing_writers[drawing_count++] = writers[i];
        }
    }
    if (st == KG_OK && drawing_count > 0)
        st = kg_cli_draw(d->graph, d, &a->export, drawings, drawing_writers, drawing_count,
                         a->is_quiet, &err);
    for (size_t i = 0; i < count && st == KG_OK; i++)
        st = kg_writer_close(writers[i], &err);
    for (size_t i = 0; i < count; i++) { /* all or none */
        if (st == KG_OK && writers[i])
            st = kg_writer_commit(writers[i], &err);
        else
            kg_writer_abort(writers[i]);
    }
    if (st != KG_OK)
        return library_failed(st, &err);
    for (size_t i = 0; i < count && !a->is_quiet; i++) {
        char target[4096];
        target_name(a, formats[i], count, target, sizeof target);
        fprintf(stderr, "kg: wrote %s (%s): %zu entities, %zu relations\n",
                strcmp(target, "-") == 0 ? "<stdout>" : target,
                kg_format_name(formats[i]), kg_graph_node_count(d->graph),
                d->kind == KG_DIAGRAM_OVERVIEW ? d->link_count : kg_graph_edge_count(d->graph));
    }
    return KG_EXIT_OK;
}

/* Consistent export options, a DATASET and a VIEW, where to write and in
 * what formats, before reading anything. */
static int check(void *args, size_t count)
{
    diagram_args *a = args;
    kg_error err;
    if (kg_export_check_options(&a->export, &err) != KG_OK)
        return kg_cli_usage_error("diagram", "%s; %s", err.message, err.hint);
    if (count < 2)
        return kg_cli_usage_error("diagram", "expected DATASET and a VIEW");
    if (!a->output)
        return kg_cli_usage_error("diagram", "say where to write with -o FILE");
    return choose_formats(a, a->chosen, &a->chosen_count);
}

static int work(void *args, kg_cli_graphs *graphs, char **operands, size_t count)
{
    diagram_args *a = args;
    kg_diagram d;
    memset(&d, 0, sizeof d);
    int rc = choose_view(graphs, operands[1], operands + 2, count - 2, a, &d);
    if (rc == KG_EXIT_OK)
        rc = set_title(graphs, operands[1], operands + 2, count - 2, a, &d);
    if (rc == KG_EXIT_OK) {
        warn_if_crowded(&d, operands[1], a);
        rc = write_outputs(&d, a->chosen, a->chosen_count, a);
    }
    kg_diagram_clear(&d);
    return rc;
}

static const struct option longopts[] = {
    {"output", required_argument, NULL, 'o'},
    {"depth", required_argument, NULL, 'd'},
    {"measure", required_argument, NULL, 'm'},
    {"top", required_argument, NULL, 'n'},
    {"direction", required_argument, NULL, OPT_DIRECTION},
    {"group-by", required_argument, NULL, OPT_GROUP_BY},
    {"per-group", required_argument, NULL, OPT_PER_GROUP},
    {"title", required_argument, NULL, OPT_TITLE},
    KG_CLI_DRAWING_LONGOPTS,
    {"fsync", no_argument, NULL, OPT_FSYNC},
    {"connected", no_argument, NULL, OPT_CONNECTED},
    {"quiet", no_argument, NULL, 'q'},
    {NULL, 0, NULL, 0}};

static const kg_cli_command command = {.name = "diagram", .shortopts = ":o:f:d:m:n:q",
                                       .longopts = longopts, .own = own_option,
                                       .check = check, .work = work};

int kg_cmd_diagram(int argc, char **argv)
{
    diagram_args a;
    memset(&a, 0, sizeof a);
    a.export = kg_export_defaults();
    a.depth = 1;
    a.top = 20;
    a.per_group = 3;
    a.direction = KG_DIRECTION_BOTH;
    return kg_cli_run_command(&command, argc, argv, &a.selection, &a);
}
