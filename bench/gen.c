/* gen.c - deterministic synthetic knowledge graphs for the benchmarks:
 * typed nodes with labels and attributes, edges with heavy-tailed
 * (power-law) degrees, typed and dated. The same arguments give the same
 * bytes on every machine: one splitmix64 stream, integer and exactly
 * rounded double arithmetic only (no libm), no locale.
 *
 *   gen NODES EDGES SEED DIR [tsv] [jsonl] [graphml] [kgjson]
 *
 * writes DIR/nodes.tsv and DIR/edges.tsv (KGX headers: id, category, name
 * / subject, predicate, object), with jsonl DIR/nodes.jsonl and
 * DIR/edges.jsonl, with graphml DIR/graph.graphml (what NetworkX and
 * igraph read), with kgjson a kg data set DIR/g.kg.json and the schema it
 * names, DIR/schema.json (the generator's types, no endpoint rules; each
 * relation quotes one source). Default: tsv only.
 *
 * Degrees: each end is node perm[floor(n * u^3)] for u uniform in [0,1),
 * so the node of rank r gets about (r/n)^(-2/3) times the mean degree:
 * P(degree > k) ~ k^-1.5, a few hubs with tens of thousands of edges. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const node_types[] = {"organisation", "organisation", "organisation",
                                         "body", "agency", "person", "person", "place",
                                         "event", "treaty", "operation", "country"};
static const char *const edge_types[] = {"member_of", "member_of", "cooperates_with",
                                         "located_at", "part_of", "signed_by",
                                         "succeeded_by", "funds", "operates_under"};
static const char *const syllables[] = {"al", "ber", "cor", "dan", "el", "fa", "gen", "hor",
                                        "is", "ja", "kor", "lu", "mar", "nor", "os", "pe",
                                        "qui", "ra", "sal", "tor", "ur", "ve", "wal", "zen"};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static uint64_t below(uint64_t *state, uint64_t bound)
{
    return splitmix64(state) % bound; /* bias < 2^-40 for our bounds */
}

static double uniform(uint64_t *state)
{
    return (double)(splitmix64(state) >> 11) * (1.0 / 9007199254740992.0);
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    setvbuf(f, NULL, _IOFBF, 1 << 20);
    return f;
}

static void close_out(FILE *f)
{
    if (ferror(f) || fclose(f) != 0) {
        fprintf(stderr, "gen: write error: %s\n", strerror(errno));
        exit(1);
    }
}

typedef struct node_info {
    const char *type;
    char label[40];
    int founded;  /* 0: none */
    int score;    /* thousandths; -1: none */
} node_info;

static void make_node(uint64_t *rng, uint64_t i, node_info *n)
{
    n->type = node_types[below(rng, COUNT(node_types))];
    size_t len = 0;
    int parts = 2 + (int)below(rng, 3);
    for (int k = 0; k < parts; k++)
        len += (size_t)snprintf(n->label + len, sizeof n->label - len, "%s",
                                syllables[below(rng, COUNT(syllables))]);
    n->label[0] = (char)(n->label[0] - 'a' + 'A');
    snprintf(n->label + len, sizeof n->label - len, " %llu", (unsigned long long)i);
    n->founded = below(rng, 4) ? 1800 + (int)below(rng, 225) : 0;
    n->score = below(rng, 2) ? (int)below(rng, 100000) : -1;
}

typedef struct edge_info {
    uint64_t source, target;
    const char *type;
    char start[11], end[11];
    int weight; /* thousandths */
} edge_info;

static void make_date(uint64_t *rng, int min_year, char *out)
{
    int year = min_year + (int)below(rng, (uint64_t)(2025 - min_year));
    switch (below(rng, 4)) {
    case 0: snprintf(out, 11, "%04d", year); break;
    case 1: snprintf(out, 11, "%04d-%02d", year, 1 + (int)below(rng, 12)); break;
    default:
        snprintf(out, 11, "%04d-%02d-%02d", year, 1 + (int)below(rng, 12),
                 1 + (int)below(rng, 28));
    }
}

static void make_edge(uint64_t *rng, uint64_t n, const uint32_t *perm, edge_info *e)
{
    double u = uniform(rng), v = uniform(rng);
    e->source = perm[(uint64_t)((double)n * u * u * u)];
    e->target = perm[(uint64_t)((double)n * v * v * v)];
    e->type = edge_types[below(rng, COUNT(edge_types))];
    e->start[0] = e->end[0] = '\0';
    if (below(rng, 10) < 8) {
        make_date(rng, 1950, e->start);
        if (below(rng, 10) < 3) {
            int year = atoi(e->start);
            snprintf(e->end, sizeof e->end, "%04d", year + 1 + (int)below(rng, 2025 - year));
        }
    }
    e->weight = 1 + (int)below(rng, 10000);
}

static void tsv_node(FILE *f, uint64_t i, const node_info *n)
{
    fprintf(f, "Q%llu\t%s\t%s\t", (unsigned long long)i, n->type, n->label);
    if (n->founded)
        fprintf(f, "%d", n->founded);
    fputc('\t', f);
    if (n->score >= 0)
        fprintf(f, "%d.%03d", n->score / 1000, n->score % 1000);
    fputc('\n', f);
}

static void jsonl_node(FILE *f, uint64_t i, const node_info *n)
{
    fprintf(f, "{\"id\": \"Q%llu\", \"category\": \"%s\", \"name\": \"%s\"",
            (unsigned long long)i, n->type, n->label);
    if (n->founded)
        fprintf(f, ", \"founded\": %d", n->founded);
    if (n->score >= 0)
        fprintf(f, ", \"score\": %d.%03d", n->score / 1000, n->score % 1000);
    fputs("}\n", f);
}

static void graphml_node(FILE *f, uint64_t i, const node_info *n)
{
    fprintf(f, "    <node id=\"Q%llu\"><data key=\"type\">%s</data><data key=\"label\">%s</data>",
            (unsigned long long)i, n->type, n->label);
    if (n->founded)
        fprintf(f, "<data key=\"founded\">%d</data>", n->founded);
    if (n->score >= 0)
        fprintf(f, "<data key=\"score\">%d.%03d</data>", n->score / 1000, n->score % 1000);
    fputs("</node>\n", f);
}

static void tsv_edge(FILE *f, const edge_info *e)
{
    fprintf(f, "Q%llu\t%s\tQ%llu\t%s\t%s\t%d.%03d\n", (unsigned long long)e->source, e->type,
            (unsigned long long)e->target, e->start, e->end, e->weight / 1000,
            e->weight % 1000);
}

static void jsonl_edge(FILE *f, const edge_info *e)
{
    fprintf(f, "{\"subject\": \"Q%llu\", \"predicate\": \"%s\", \"object\": \"Q%llu\"",
            (unsigned long long)e->source, e->type, (unsigned long long)e->target);
    if (e->start[0])
        fprintf(f, ", \"start\": \"%s\"", e->start);
    if (e->end[0])
        fprintf(f, ", \"end\": \"%s\"", e->end);
    fprintf(f, ", \"weight\": %d.%03d}\n", e->weight / 1000, e->weight % 1000);
}

static void graphml_edge(FILE *f, const edge_info *e)
{
    fprintf(f, "    <edge source=\"Q%llu\" target=\"Q%llu\"><data key=\"etype\">%s</data>",
            (unsigned long long)e->source, (unsigned long long)e->target, e->type);
    if (e->start[0])
        fprintf(f, "<data key=\"start\">%s</data>", e->start);
    if (e->end[0])
        fprintf(f, "<data key=\"end\">%s</data>", e->end);
    fprintf(f, "<data key=\"weight\">%d.%03d</data></edge>\n", e->weight / 1000,
            e->weight % 1000);
}

static void kgjson_node(FILE *f, uint64_t i, const node_info *n)
{
    fprintf(f, "%s\n    {\"id\": \"Q%llu\", \"type\": \"%s\", \"label\": \"%s\"",
            i ? "," : "", (unsigned long long)i, n->type, n->label);
    if (n->founded || n->score >= 0) {
        fputs(", \"attributes\": {", f);
        if (n->founded)
            fprintf(f, "\"founded\": %d%s", n->founded, n->score >= 0 ? ", " : "");
        if (n->score >= 0)
            fprintf(f, "\"score\": %d.%03d", n->score / 1000, n->score % 1000);
        fputc('}', f);
    }
    fputc('}', f);
}

static void kgjson_edge(FILE *f, uint64_t j, const edge_info *e)
{
    fprintf(f, "%s\n    {\"source\": \"Q%llu\", \"type\": \"%s\", \"target\": \"Q%llu\"",
            j ? "," : "", (unsigned long long)e->source, e->type, (unsigned long long)e->target);
    if (e->start[0])
        fprintf(f, ", \"start\": \"%s\"", e->start);
    if (e->end[0])
        fprintf(f, ", \"end\": \"%s\"", e->end);
    fprintf(f, ", \"evidence\": {\"source\": \"gen\", \"quote\": \"Generated relation %llu.\"}"
            ", \"attributes\": {\"weight\": %d.%03d}}", (unsigned long long)j,
            e->weight / 1000, e->weight % 1000);
}

/* The schema of the kgjson data set: every type gen uses, no rules. */
static void kgjson_schema(const char *dir)
{
    FILE *f = open_out(dir, "schema.json");
    fputs("{\"kg_schema\": 1, \"node_types\": {", f);
    for (size_t i = 0; i < COUNT(node_types); i++)
        if (!i || strcmp(node_types[i], node_types[i - 1]) != 0)
            fprintf(f, "%s\"%s\": {\"description\": \"gen\"}", i ? ", " : "", node_types[i]);
    fputs("}, \"edge_types\": {", f);
    for (size_t i = 0; i < COUNT(edge_types); i++)
        if (!i || strcmp(edge_types[i], edge_types[i - 1]) != 0)
            fprintf(f, "%s\"%s\": {\"description\": \"gen\", \"source\": \"*\", "
                    "\"target\": \"*\"}", i ? ", " : "", edge_types[i]);
    fputs("}}\n", f);
    close_out(f);
}

static const char graphml_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <key id=\"founded\" for=\"node\" attr.name=\"founded\" attr.type=\"long\"/>\n"
    "  <key id=\"score\" for=\"node\" attr.name=\"score\" attr.type=\"double\"/>\n"
    "  <key id=\"etype\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "  <key id=\"start\" for=\"edge\" attr.name=\"start\" attr.type=\"string\"/>\n"
    "  <key id=\"end\" for=\"edge\" attr.name=\"end\" attr.type=\"string\"/>\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <graph id=\"G\" edgedefault=\"directed\">\n";

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: gen NODES EDGES SEED DIR [tsv] [jsonl] [graphml] [kgjson]\n");
        return 2;
    }
    uint64_t n = strtoull(argv[1], NULL, 10), m = strtoull(argv[2], NULL, 10);
    uint64_t seed = strtoull(argv[3], NULL, 10);
    const char *dir = argv[4];
    int want_tsv = argc == 5, want_jsonl = 0, want_graphml = 0, want_kgjson = 0;
    for (int i = 5; i < argc; i++) {
        want_tsv |= strcmp(argv[i], "tsv") == 0;
        want_jsonl |= strcmp(argv[i], "jsonl") == 0;
        want_graphml |= strcmp(argv[i], "graphml") == 0;
        want_kgjson |= strcmp(argv[i], "kgjson") == 0;
    }
    if (n == 0 || n > UINT32_MAX) {
        fprintf(stderr, "gen: NODES must be 1..%u\n", UINT32_MAX);
        return 2;
    }
    uint32_t *perm = malloc(n * sizeof *perm);
    if (!perm)
        return 1;
    uint64_t rng = seed;
    for (uint64_t i = 0; i < n; i++)
        perm[i] = (uint32_t)i;
    for (uint64_t i = n - 1; i > 0; i--) { /* Fisher-Yates: hubs anywhere */
        uint64_t j = below(&rng, i + 1);
        uint32_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    FILE *tn = want_tsv ? open_out(dir, "nodes.tsv") : NULL;
    FILE *jn = want_jsonl ? open_out(dir, "nodes.jsonl") : NULL;
    FILE *g = want_graphml ? open_out(dir, "graph.graphml") : NULL;
    if (tn)
        fputs("id\tcategory\tname\tfounded\tscore\n", tn);
    if (g)
        fputs(graphml_head, g);
    FILE *k = want_kgjson ? open_out(dir, "g.kg.json") : NULL;
    if (k) {
        kgjson_schema(dir);
        fputs("{\"kg\": 1, \"name\": \"g\", \"schema\": \"schema.json\",\n"
              "  \"sources\": [{\"id\": \"gen\", \"title\": \"bench/gen.c\", "
              "\"url\": \"https://kg.example/gen\"}],\n  \"entities\": [", k);
    }
    for (uint64_t i = 0; i < n; i++) {
        node_info node;
        make_node(&rng, i, &node);
        if (tn) tsv_node(tn, i, &node);
        if (jn) jsonl_node(jn, i, &node);
        if (g) graphml_node(g, i, &node);
        if (k) kgjson_node(k, i, &node);
    }
    FILE *te = want_tsv ? open_out(dir, "edges.tsv") : NULL;
    FILE *je = want_jsonl ? open_out(dir, "edges.jsonl") : NULL;
    if (te)
        fputs("subject\tpredicate\tobject\tstart\tend\tweight\n", te);
    if (k)
        fputs("],\n  \"relations\": [", k);
    for (uint64_t j = 0; j < m; j++) {
        edge_info e;
        make_edge(&rng, n, perm, &e);
        if (te) tsv_edge(te, &e);
        if (je) jsonl_edge(je, &e);
        if (g) graphml_edge(g, &e);
        if (k) kgjson_edge(k, j, &e);
    }
    if (g)
        fputs("  </graph>\n</graphml>\n", g);
    if (k)
        fputs("]}\n", k);
    FILE *all[] = {tn, jn, g, te, je, k};
    for (size_t i = 0; i < COUNT(all); i++)
        if (all[i])
            close_out(all[i]);
    free(perm);
    return 0;
}
