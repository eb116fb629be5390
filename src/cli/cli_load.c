/* cli_load.c - the one loading door: decides what a file is (--from, a
 * folder, the extension, then the content) and hands it to the reader for
 * that kind: kg_cli_load for data sets, kg_import_* for other tools'
 * graphs, kg_cli_ingest for bulk lists, with the command-wide limits
 * (--max-input-size ...) applied to each. */
#include "cli_load.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli_ingest.h"

typedef enum input_kind {
    IN_UNKNOWN = 0,
    IN_DATASET, /* kg data set */
    IN_GRAPHML,
    IN_DOT,
    IN_JSON,    /* node-link */
    IN_CYJS,    /* Cytoscape elements */
    IN_CSV,     /* kg table: source/target edge list or id node list */
    IN_TSV,
    IN_KGX,     /* bulk TSV: subject/predicate/object, id/category */
    IN_JSONL,
    IN_FOLDER,  /* bulk node and edge lists */
    IN_NEO4J    /* kg's neo4j-admin export: a folder holding nodes_*.csv */
} input_kind;

/* --from names; those marked is_extension are also file extensions. */
static const struct {
    const char *name;
    input_kind kind;
    bool is_extension;
} kind_names[] = {
    {"kg", IN_DATASET, false},   {"graphml", IN_GRAPHML, true}, {"xml", IN_GRAPHML, true},
    {"dot", IN_DOT, true},       {"gv", IN_DOT, true},          {"json", IN_JSON, true},
    {"csv", IN_CSV, true},       {"tsv", IN_TSV, true},         {"tab", IN_TSV, true},
    {"kgx", IN_KGX, false},      {"jsonl", IN_JSONL, true},     {"ndjson", IN_JSONL, true},
    {"cyjs", IN_CYJS, true},     {"cytoscape", IN_CYJS, false},
};

static input_kind kind_from_name(const char *name, bool is_extension)
{
    for (size_t i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
        if (strcmp(name, kind_names[i].name) == 0 && (!is_extension || kind_names[i].is_extension))
            return kind_names[i].kind;
    return IN_UNKNOWN;
}

int kg_cli_check_from(const char *command, const char *from)
{
    if (!from || kind_from_name(from, false) != IN_UNKNOWN)
        return KG_EXIT_OK;
    return kg_cli_usage_error(command, "unknown input format '%s' (known: %s)", from,
                              KG_CLI_FROM_NAMES);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* ---- telling formats apart by content --------------------------------- */

#define HEAD_SIZE 4096

/* A JSON object's first deciding top-level key: kg, entities, relations
 * (a data set), nodes, links, edges (node-link) or elements,
 * target_cytoscapejs_version (Cytoscape). directed and multigraph say
 * node-link unless a deciding key follows (NetworkX writes them before
 * "elements" in Cytoscape JSON too): *weak is set. */
static input_kind json_key_kind(const char *key, input_kind *weak)
{
    if (strcmp(key, "elements") == 0 || strcmp(key, "target_cytoscapejs_version") == 0)
        return IN_CYJS;
    if (strcmp(key, "directed") == 0 || strcmp(key, "multigraph") == 0)
        *weak = IN_JSON;
    static const char *const dataset[] = {"kg", "entities", "relations"};
    static const char *const node_link[] = {"nodes", "links", "edges"};
    for (size_t i = 0; i < sizeof dataset / sizeof dataset[0]; i++)
        if (strcmp(key, dataset[i]) == 0)
            return IN_DATASET;
    for (size_t i = 0; i < sizeof node_link / sizeof node_link[0]; i++)
        if (strcmp(key, node_link[i]) == 0)
            return IN_JSON;
    return IN_UNKNOWN;
}

/* Scans the JSON object f is inside of (just after its '{') until a
 * top-level key decides; an object followed by another is JSON Lines. */
static input_kind sniff_json(FILE *f)
{
    int depth = 1, c;
    input_kind weak = IN_UNKNOWN;
    bool in_string = false, is_escaped = false, is_key = false, expects_key = true;
    char key[32];
    size_t key_len = 0;
    while ((c = getc(f)) != EOF) {
        if (in_string) {
            if (is_escaped) {
                is_escaped = false;
            } else if (c == '\\') {
                is_escaped = true;
            } else if (c == '"') {
                in_string = false;
                key[key_len < sizeof key ? key_len : 0] = '\0';
                input_kind k =
                    is_key && key_len < sizeof key ? json_key_kind(key, &weak) : IN_UNKNOWN;
                if (k != IN_UNKNOWN)
                    return k;
                continue;
            }
            if (is_key && key_len < sizeof key)
                key[key_len++] = (char)c;
            continue;
        }
        if (c == '"') {
            in_string = true;
            is_key = depth == 1 && expects_key;
            expects_key = false;
            key_len = 0;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == ',' && depth == 1) {
            expects_key = true;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            while ((c = getc(f)) != EOF && isspace(c))
                ;
            return c == '{' ? IN_JSONL : weak;
        }
    }
    return weak;
}

/* Skips white space and DOT comments (//, / * * /, # lines). */
static const char *skip_dot_space(const char *p)
{
    for (;;) {
        while (isspace((unsigned char)*p))
            p++;
        if (p[0] == '/' && p[1] == '/') {
            p += strcspn(p, "\n");
        } else if (*p == '#') {
            p += strcspn(p, "\n");
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            if (!end)
                return p + strlen(p);
            p = end + 2;
        } else {
            return p;
        }
    }
}

static bool starts_with_word(const char *p, const char *word)
{
    size_t n = strlen(word);
    return strncasecmp(p, word, n) == 0 && !isalnum((unsigned char)p[n]) && p[n] != '_';
}

/* Whether the header line (up to its end) has a column called name, the
 * part before a Neo4j-style ":type" counting. */
static bool header_has(const char *line, char sep, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = line; *p && *p != '\n';) {
        size_t len = strcspn(p, sep == '\t' ? "\t\r\n" : ",\r\n");
        const char *field = p;
        size_t field_len = len;
        if (sep == ',' && field_len >= 2 && field[0] == '"') {
            field++;
            field_len -= 2;
        }
        const char *colon = memchr(field, ':', field_len);
        size_t name_len = colon ? (size_t)(colon - field) : field_len;
        if (name_len == n && strncmp(field, name, n) == 0)
            return true;
        if (colon && name_len == 0 && field_len - 1 == n && strncasecmp(colon + 1, name, n) == 0)
            return true; /* :ID, :START_ID */
        p += len;
        if (*p != sep)
            break;
        p++;
    }
    return false;
}

/* A TSV header names its dialect: KGX columns make a bulk list. */
static input_kind tsv_dialect(const char *line)
{
    static const char *const kgx[] = {"subject", "predicate", "object", "category"};
    for (size_t i = 0; i < sizeof kgx / sizeof kgx[0]; i++)
        if (header_has(line, '\t', kgx[i]))
            return IN_KGX;
    return IN_TSV;
}

/* A table by content only when its header names kg's columns. */
static bool is_table_header(const char *line, char sep)
{
    static const char *const columns[] = {"source", "target", "id", "start_id"};
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
        if (header_has(line, sep, columns[i]))
            return true;
    return false;
}

/* Whether p (after a '[') starts a list of Cytoscape.js elements: its
 * first object's first key is "data" or "group". */
static bool is_element_list(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    if (*p++ != '{')
        return false;
    while (isspace((unsigned char)*p))
        p++;
    return strncmp(p, "\"data\"", 6) == 0 || strncmp(p, "\"group\"", 7) == 0;
}

/* The kind of the regular file f by its first bytes (and, for JSON, the
 * keys of its object); `hint` is what the extension said (IN_JSON, IN_TSV)
 * or IN_UNKNOWN. */
static input_kind sniff(FILE *f, input_kind hint)
{
    char head[HEAD_SIZE + 1];
    size_t len = fread(head, 1, HEAD_SIZE, f);
    head[len] = '\0';
    const char *p = head;
    if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    if (hint == IN_TSV)
        return tsv_dialect(p);
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '{' && fseek(f, (long)(p - head) + 1, SEEK_SET) == 0) {
        input_kind k = sniff_json(f);
        return k != IN_UNKNOWN ? k : hint;
    }
    if (*p == '[' && is_element_list(p + 1))
        return IN_CYJS;
    if (hint != IN_UNKNOWN)
        return hint;
    if (*p == '<')
        return IN_GRAPHML;
    const char *word = skip_dot_space(p);
    if (starts_with_word(word, "strict") || starts_with_word(word, "graph") ||
        starts_with_word(word, "digraph"))
        return IN_DOT;
    size_t line_len = strcspn(p, "\n");
    if (memchr(p, '\t', line_len)) {
        input_kind k = tsv_dialect(p);
        return k == IN_KGX || is_table_header(p, '\t') ? k : IN_UNKNOWN;
    }
    if (memchr(p, ',', line_len) && is_table_header(p, ','))
        return IN_CSV;
    return IN_UNKNOWN;
}

/* What path is: a folder, then its extension, then its content. Prints
 * and returns an exit code when it cannot tell. */
/* A folder as kg's neo4j export writes it (NAME.neo4j/ with nodes_*.csv). */
static bool is_neo4j_folder(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return false;
    bool found = false;
    for (struct dirent *e; !found && (e = readdir(d));)
        found = strncmp(e->d_name, "nodes_", 6) == 0 && ends_with(e->d_name, ".csv");
    closedir(d);
    return found;
}

static int identify(const char *command, const char *path, input_kind *kind)
{
    struct stat sb;
    bool exists = stat(path, &sb) == 0;
    if (exists && S_ISDIR(sb.st_mode)) {
        *kind = is_neo4j_folder(path) ? IN_NEO4J : IN_FOLDER;
        return KG_EXIT_OK;
    }
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    *kind = ends_with(path, ".kg.json") ? IN_DATASET
            : dot ? kind_from_name(dot + 1, true) : IN_UNKNOWN;
    bool needs_content = *kind == IN_UNKNOWN || *kind == IN_JSON || *kind == IN_TSV;
    if (!needs_content || (exists && !S_ISREG(sb.st_mode) && *kind != IN_UNKNOWN))
        return KG_EXIT_OK;
    if (!exists) {
        if (*kind != IN_UNKNOWN)
            return KG_EXIT_OK; /* its reader says it is missing */
        int e = errno;
        return kg_cli_usage_error(command, "cannot tell the format of %s; use --from FORMAT "
                                           "(and it cannot be opened: %s)", path, strerror(e));
    }
    FILE *f = S_ISREG(sb.st_mode) ? fopen(path, "rb") : NULL;
    if (f) {
        *kind = sniff(f, *kind);
        fclose(f);
    }
    if (*kind == IN_UNKNOWN) {
        kg_cli_fail("cannot tell the format of %s; use --from FORMAT (%s)", path,
                    KG_CLI_FROM_NAMES);
        return KG_EXIT_INPUT;
    }
    return KG_EXIT_OK;
}

/* ---- reading each kind ---------------------------------------------------- */

/* A data set; from standard input its schema is found from the current
 * folder. */
static int load_dataset(const char *path, const kg_cli_load_args *a, kg_graph **out)
{
    return kg_cli_load(path, a->schema_path, out); /* "-": standard input */
}

/* "x_edges.tsv" -> "x_nodes.tsv" into buf, when that file exists. */
static bool companion_nodes(const char *path, char *buf, size_t size)
{
    const char *dot = strrchr(path, '.');
    size_t stem = dot ? (size_t)(dot - path) : strlen(path);
    if (stem < 5 || strncmp(path + stem - 5, "edges", 5) != 0 ||
        (size_t)snprintf(buf, size, "%s", path) >= size)
        return false;
    memcpy(buf + stem - 5, "nodes", 5);
    struct stat sb;
    return stat(buf, &sb) == 0 && S_ISREG(sb.st_mode);
}

static kg_import_format import_format(input_kind kind)
{
    switch (kind) {
    case IN_GRAPHML: return KG_IMPORT_GRAPHML;
    case IN_DOT: return KG_IMPORT_DOT;
    case IN_CSV: return KG_IMPORT_CSV;
    case IN_TSV: return KG_IMPORT_TSV;
    case IN_CYJS: return KG_IMPORT_CYTOSCAPE;
    case IN_NEO4J: return KG_IMPORT_AUTO; /* kg_import_file reads the folder */
    default: return KG_IMPORT_JSON;
    }
}

static int import(const char *path, input_kind kind, const kg_cli_load_args *a, kg_graph **out)
{
    kg_diagnostics diags;
    kg_diagnostics_init(&diags, 0);
    kg_import_options o = kg_import_defaults();
    o.format = import_format(kind);
    o.max_bytes = kg_cli_limits.max_bytes;
    o.max_nodes = kg_cli_limits.max_nodes;
    o.max_edges = kg_cli_limits.max_edges;
    o.node_type_attr = a->node_type_attr;
    o.edge_type_attr = a->edge_type_attr;
    char nodes[4096];
    o.nodes_path = a->nodes_path ? a->nodes_path
                   : companion_nodes(path, nodes, sizeof nodes) ? nodes : NULL;
    kg_status st = a->schema_path ? kg_schema_load(a->schema_path, &o.schema, &diags) : KG_OK;
    int rc = kg_cli_exit_code(st);
    if (st == KG_OK && strcmp(path, "-") != 0) {
        rc = kg_cli_exit_code(kg_import_file(path, &o, out, &diags));
    } else if (st == KG_OK) {
        char *text = NULL;
        size_t len = 0;
        rc = kg_cli_read_stdin(o.max_bytes ? o.max_bytes : KG_DEFAULT_MAX_BYTES, &text, &len);
        if (rc == KG_EXIT_OK)
            rc = kg_cli_exit_code(kg_import_buffer(text, len, "<stdin>", &o, out, &diags));
        free(text);
    }
    kg_cli_print_diagnostics(&diags);
    kg_diagnostics_clear(&diags);
    kg_schema_free(o.schema);
    return rc;
}

static bool is_file(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* Bulk lists: a folder's nodes.tsv and edges.tsv (or .jsonl), a JSON
 * Lines file, or a KGX list (an edge list with its node list). */
static int ingest(const char *path, input_kind kind, const kg_cli_load_args *a, kg_graph **out)
{
    char nodes[4096], edges[4096];
    const char *node_list[1] = {a->nodes_path ? a->nodes_path : nodes};
    const char *edge_list[1] = {edges}, *mixed[1] = {path};
    kg_cli_ingest_inputs in = {NULL, 0, NULL, 0, NULL, 0, a->schema_path, NULL,
                               kg_cli_wants_progress(false, false),
                               kind == IN_JSONL ? KG_INGEST_JSONL : KG_INGEST_TSV};
    if (kind == IN_FOLDER) {
        const char *ext = ".tsv";
        snprintf(nodes, sizeof nodes, "%s/nodes.tsv", path);
        if (!is_file(nodes))
            ext = ".jsonl";
        snprintf(nodes, sizeof nodes, "%s/nodes%s", path, ext);
        snprintf(edges, sizeof edges, "%s/edges%s", path, ext);
        if (!is_file(nodes) || !is_file(edges)) {
            kg_cli_fail("%s: is a directory without nodes.tsv and edges.tsv, nodes.jsonl and "
                        "edges.jsonl, or the nodes_*.csv files of kg's neo4j export", path);
            return KG_EXIT_SYSTEM;
        }
        in.format = strcmp(ext, ".tsv") == 0 ? KG_INGEST_TSV : KG_INGEST_JSONL;
        node_list[0] = nodes;
        in.nodes = node_list, in.node_count = 1;
        in.edges = edge_list, in.edge_count = 1;
    } else if (kind == IN_KGX && (a->nodes_path || companion_nodes(path, nodes, sizeof nodes))) {
        snprintf(edges, sizeof edges, "%s", path);
        in.nodes = node_list, in.node_count = 1;
        in.edges = edge_list, in.edge_count = 1;
    } else {
        in.mixed = mixed, in.mixed_count = 1;
    }
    return kg_cli_ingest(&in, out);
}

int kg_cli_load_graph(const char *path, const kg_cli_load_args *args, kg_graph **out)
{
    static const kg_cli_load_args none = {NULL, NULL, NULL, NULL, NULL, NULL};
    const kg_cli_load_args *a = args ? args : &none;
    const char *command = a->command ? a->command : "convert";
    *out = NULL;
    int rc = kg_cli_check_from(command, a->from);
    if (rc != KG_EXIT_OK)
        return rc;
    bool is_stdin = strcmp(path, "-") == 0;
    input_kind kind = a->from ? kind_from_name(a->from, false) : IN_UNKNOWN;
    if (is_stdin && !a->from)
        kind = IN_DATASET; /* a stream cannot be told by its name */
    if (!a->from && !is_stdin && (rc = identify(command, path, &kind)) != KG_EXIT_OK)
        return rc;
    if (is_stdin && (kind == IN_KGX || kind == IN_JSONL))
        return kg_cli_usage_error(command, "standard input can be read as kg, graphml, dot, cyjs, "
                                           "json, csv or tsv; name a file for %s", a->from);
    switch (kind) {
    case IN_DATASET: return load_dataset(path, a, out);
    case IN_KGX:
    case IN_JSONL:
    case IN_FOLDER: return ingest(path, kind, a, out);
    default: return import(path, kind, a, out);
    }
}
