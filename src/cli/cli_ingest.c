/* cli_ingest.c - the kg tool's side of bulk loading: which files to read
 * in which order, the graph's name, and progress lines on stderr. */
#include "cli_ingest.h"

#include <string.h>
#include <time.h>
#include <unistd.h>

double kg_cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *kg_cli_bytes(double bytes, char *buf)
{
    static const char *const units[] = {"B", "kB", "MB", "GB", "TB"};
    int u = 0;
    while (bytes >= 1000 && u < 4) {
        bytes /= 1000;
        u++;
    }
    snprintf(buf, 32, u ? "%.1f %s" : "%.0f %s", bytes, units[u]);
    return buf;
}

bool kg_cli_wants_progress(bool is_forced, bool is_disabled)
{
    return !is_disabled && (is_forced || isatty(STDERR_FILENO));
}

typedef struct progress_state {
    bool is_tty;
    double started, last;
} progress_state;

/* One line at most every 0.2 s on a terminal (rewritten in place), every
 * 2 s otherwise (a log keeps each). */
static void show_progress(void *context, const kg_ingest_progress *p)
{
    progress_state *s = context;
    double now = kg_cli_now();
    bool is_end = p->file && p->bytes_total && p->bytes_read == p->bytes_total;
    if (!p->file || (now - s->last < (s->is_tty ? 0.2 : 2.0) && !is_end))
        return;
    s->last = now;
    char done[32];
    fprintf(stderr, "%skg: %s: %s", s->is_tty ? "\r" : "", p->file,
            kg_cli_bytes((double)p->bytes_read, done));
    if (p->bytes_total)
        fprintf(stderr, " (%.0f%%)", 100.0 * (double)p->bytes_read / (double)p->bytes_total);
    fprintf(stderr, ", %zu nodes, %zu edges, %.1f s%s", p->nodes, p->edges, now - s->started,
            s->is_tty ? "\033[K" : "\n");
    if (s->is_tty && is_end)
        fputc('\n', stderr);
    fflush(stderr);
}

/* "data/x_nodes.tsv" -> "x"; "data/nodes.tsv" -> "data"; else "graph". */
static void default_name(const kg_cli_ingest_inputs *in, char *out, size_t size)
{
    const char *path = in->node_count ? in->nodes[0]
                       : in->mixed_count ? in->mixed[0]
                       : in->edge_count ? in->edges[0] : "graph";
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    snprintf(out, size, "%s", base);
    char *dot = strchr(out, '.');
    if (dot && dot != out)
        *dot = '\0';
    static const char *const suffixes[] = {"_nodes", "-nodes", "_edges", "-edges", NULL};
    for (const char *const *s = suffixes; *s; s++) {
        size_t n = strlen(out), k = strlen(*s);
        if (n > k && strcmp(out + n - k, *s) == 0)
            out[n - k] = '\0';
    }
    if (strcmp(out, "nodes") == 0 || strcmp(out, "edges") == 0) {
        /* name the folder instead */
        size_t dir_len = slash ? (size_t)(slash - path) : 0;
        const char *dir = path;
        while (dir_len > 0 && memchr(dir, '/', dir_len)) {
            const char *next = memchr(dir, '/', dir_len);
            dir_len -= (size_t)(next + 1 - dir);
            dir = next + 1;
        }
        if (dir_len > 0 && !(dir_len == 1 && dir[0] == '.'))
            snprintf(out, size, "%.*s", (int)dir_len, dir);
        else
            snprintf(out, size, "graph");
    }
}

static kg_status add_all(kg_ingest *ingest, const char **paths, size_t n,
                         kg_ingest_format format, kg_ingest_role role, kg_diagnostics *diags)
{
    kg_status worst = KG_OK;
    for (size_t i = 0; i < n; i++) {
        kg_status st = kg_ingest_add_file(ingest, paths[i], format, role, diags);
        if (st != KG_OK && st != KG_EINPUT)
            return st; /* I/O, memory, limits: stop */
        if (st != KG_OK)
            worst = st;
    }
    return worst;
}

int kg_cli_ingest(const kg_cli_ingest_inputs *in, kg_graph **out)
{
    *out = NULL;
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_ingest_options o = kg_ingest_defaults();
    o.max_bytes = kg_cli_limits.max_bytes;
    o.max_nodes = kg_cli_limits.max_nodes;
    o.max_edges = kg_cli_limits.max_edges;
    char name[256];
    default_name(in, name, sizeof name);
    o.name = in->name ? in->name : name;
    progress_state progress = {isatty(STDERR_FILENO) != 0, kg_cli_now(), 0};
    if (in->has_progress) {
        o.progress = show_progress;
        o.progress_context = &progress;
    }
    kg_ingest *ingest = NULL;
    kg_error err;
    kg_status st = in->schema_path ? kg_schema_load(in->schema_path, &o.schema, &diags) : KG_OK;
    if (st == KG_OK && kg_ingest_new(&o, &ingest, &err) != KG_OK)
        st = kg_diagnostics_add(&diags, &err) == KG_OK ? err.status : KG_ENOMEM;
    kg_status read_st = KG_OK;
    if (st == KG_OK)
        read_st = add_all(ingest, in->nodes, in->node_count, in->format, KG_INGEST_NODES, &diags);
    if (st == KG_OK && (read_st == KG_OK || read_st == KG_EINPUT))
        read_st = add_all(ingest, in->mixed, in->mixed_count, in->format, KG_INGEST_ANY, &diags);
    if (st == KG_OK && (read_st == KG_OK || read_st == KG_EINPUT))
        read_st = add_all(ingest, in->edges, in->edge_count, in->format, KG_INGEST_EDGES, &diags);
    if (st == KG_OK) {
        double t = kg_cli_now();
        if (in->has_progress)
            fprintf(stderr, "kg: checking and sorting the graph\n");
        /* Finish even after input problems: unknown nodes are found here. */
        kg_status fin = kg_ingest_finish(ingest, out, &diags);
        st = read_st != KG_OK ? read_st : fin;
        if (st == KG_OK && in->has_progress)
            fprintf(stderr, "kg: read %zu nodes and %zu edges in %.2f s (sorting %.2f s)\n",
                    kg_graph_node_count(*out), kg_graph_edge_count(*out),
                    kg_cli_now() - progress.started, kg_cli_now() - t);
    }
    kg_cli_print_diagnostics(&diags);
    kg_diagnostics_clear(&diags);
    kg_ingest_free(ingest);
    kg_schema_free(o.schema);
    if (st != KG_OK) {
        kg_graph_free(*out);
        *out = NULL;
    }
    return kg_cli_exit_code(st);
}
