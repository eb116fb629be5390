/* Unit tests for dataset_read.c: the streaming reader of data sets must
 * report exactly what the whole-document loader reports (status, place,
 * message, hint, in the same order) and build the same graph, on the test
 * data sets, on a table of broken ones, on every truncation and on byte
 * substitutions of a small one, from a buffer and from a file. */
#include <unistd.h>

#include "graph_same.h"
#include "test_util.h"

/* The whole-document loader (dataset.c), which the stream must agree with. */
kg_status kg_ds_parse_tree(const char *text, size_t len, const char *name,
                           const char *base_dir, const kg_load_options *options,
                           kg_graph **out, kg_diagnostics *diags);

static kg_schema *schema;

static int setup(void **state)
{
    (void)state;
    schema = test_schema();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kg_schema_free(schema);
    return 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
    text[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return text;
}

static void print_diags(const char *what, const kg_diagnostics *d)
{
    char line[2048];
    for (size_t i = 0; i < d->count; i++)
        fprintf(stderr, "  %s: %s\n", what, kg_error_format(&d->items[i], line, sizeof line));
}

/* e formatted, without the " near 'TOKEN'" / " near end of file" context
 * jansson adds to syntax errors (the stream does not keep token text). */
static const char *formatted(const kg_error *e, char *buf, size_t size)
{
    kg_error_format(e, buf, size);
    char *near = strstr(buf, " near ");
    if (near && strstr(buf, "JSON syntax error")) {
        char *end = strstr(near, " near end of file");
        if (end == near) {
            memmove(near, near + 17, strlen(near + 17) + 1);
        } else if (near[6] == '\'') {
            char *close = strrchr(near + 7, '\'');
            if (close)
                memmove(near, close + 1, strlen(close + 1) + 1);
        }
    }
    return buf;
}

/* Loads text both ways (and from a file when path is given) and compares. */
static void agree_on(const char *text, size_t len, const kg_load_options *o, const char *path)
{
    kg_diagnostics want, got;
    kg_diagnostics_init(&want, 0);
    kg_diagnostics_init(&got, 0);
    kg_graph *gw = NULL, *gg = NULL;
    kg_status sw = kg_ds_parse_tree(text, len, "t.kg.json", NULL, o, &gw, &want);
    kg_status sg = kg_dataset_parse(text, len, "t.kg.json", NULL, o, &gg, &got);
    bool same = sw == sg && want.count == got.count && want.dropped == got.dropped &&
                same_graph(gw, gg);
    char a[2048], b[2048];
    for (size_t i = 0; same && i < want.count; i++)
        same = strcmp(formatted(&want.items[i], a, sizeof a),
                      formatted(&got.items[i], b, sizeof b)) == 0;
    if (!same) {
        fprintf(stderr, "input (%zu bytes): %.*s\n", len, (int)(len < 400 ? len : 400), text);
        fprintf(stderr, " status %d (whole), %d (stream)\n", sw, sg);
        print_diags("whole ", &want);
        print_diags("stream", &got);
    }
    kg_graph_free(gg);
    kg_diagnostics_clear(&got);
    if (same && path) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(text, 1, len, f), len);
        fclose(f);
        kg_diagnostics_clear(&want);
        kg_diagnostics_init(&got, 0);
        kg_diagnostics_init(&want, 0);
        kg_graph_free(gw);
        gw = NULL;
        sw = kg_ds_parse_tree(text, len, path, NULL, o, &gw, &want);
        sg = kg_dataset_load(path, o, &gg, &got);
        same = sw == sg && want.count == got.count && same_graph(gw, gg);
        for (size_t i = 0; same && i < want.count; i++)
            same = strcmp(formatted(&want.items[i], a, sizeof a),
                          formatted(&got.items[i], b, sizeof b)) == 0;
        if (!same) {
            fprintf(stderr, "from a file: status %d (whole), %d (stream)\n", sw, sg);
            print_diags("whole ", &want);
            print_diags("stream", &got);
        }
        kg_graph_free(gg);
        kg_diagnostics_clear(&got);
    }
    kg_graph_free(gw);
    kg_diagnostics_clear(&want);
    assert_true(same);
}

static kg_load_options with_schema(void)
{
    kg_load_options o = {0};
    o.schema = schema;
    return o;
}

static void test_data_sets(void **state)
{
    (void)state;
    const char *files[] = {"small.kg.json", "analysis.kg.json", "hostile.kg.json"};
    kg_load_options o = with_schema();
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", KG_TEST_DATA, files[i]);
        size_t len;
        char *text = slurp(path, &len);
        agree_on(text, len, &o, NULL);
        free(text);
    }
}

#define SRC "\"sources\": [{\"id\": \"s\", \"title\": \"t\", \"url\": \"u\"}]"
#define EV "\"evidence\": {\"source\": \"s\", \"quote\": \"q\"}"
#define ORG(id) "{\"id\": \"" id "\", \"type\": \"organisation\", \"label\": \"" id "\"}"
#define ENTS "\"entities\": [" ORG("a") ", " ORG("b") "]"
#define REL(s, t) "{\"source\": \"" s "\", \"type\": \"cooperates_with\", \"target\": \"" t "\", " EV "}"
#define RELS "\"relations\": [" REL("a", "b") "]"

static void broken_data_sets(void **state)
{
    (void)state;
    const char *docs[] = {
        "{\"kg\": 1, " SRC ", " ENTS ", " RELS "}",
        "{\"kg\": 2, \"nmae\": \"x\", " SRC ", " ENTS ", " RELS "}",
        "{" SRC ", " ENTS ", " RELS "}",
        "{\"kg\": 1, " ENTS ", " SRC ", " RELS "}",
        "{\"kg\": 1, " SRC ", " RELS ", " ENTS "}",
        "{\"kg\": 1, " SRC ", " ENTS ", " RELS ", \"title\": \"late\"}",
        "{\"kg\": 1, " SRC ", " ENTS ", " RELS ", \"kg\": 1}",
        "{\"kg\": 1, " ENTS ", " RELS "}",
        "{\"kg\": 1, " SRC ", " RELS "}",
        "{\"kg\": 1, " SRC ", " ENTS "}",
        "{\"kg\": 1}",
        "{}",
        "[]",
        "[1, 2",
        "{\"kg\": 1, " SRC ", \"entities\": {}, " RELS "}",
        "{\"kg\": 1, " SRC ", \"entities\": null, " RELS "}",
        "{\"kg\": 1, \"sources\": 3, " ENTS ", " RELS "}",
        "{\"kg\": 1, " SRC ", " ENTS ", \"relations\": \"x\"}",
        "{\"kg\": 1, " SRC ", \"entities\": [" ORG("a") ", " ORG("a") ", 7, " ORG("-x") "], " RELS "}",
        "{\"kg\": 1, " SRC ", " ENTS ", \"relations\": [" REL("a", "c") ", " REL("zz", "b") ", 5]}",
        "{\"kg\": 1, " SRC ", " ENTS ", \"relations\": [" REL("a", "b") "], \"x\": [}",
        "{\"kg\": 1, " SRC ", " ENTS ", \"relations\": [" REL("a", "b") "]} x",
        "{\"kg\": 1, " SRC ", \"entities\": [{\"id\": \"a\", \"id\": \"b\"}], " RELS "}",
        "{\"kg\": 1, " SRC ", \"entities\": [{\"id\": \"a\", \"type\": \"organisaton\", "
        "\"label\": \"A\", \"aliases\": [\"b\", \"\", 3]}, " ORG("b") "], " RELS "}",
        "{\"kg\": 1, " SRC ", \"entities\": [{\"id\": \"a\", \"type\": \"organisation\", "
        "\"label\": \"A\", \"start\": \"2020\", \"end\": \"2019\", \"confidence\": 2, "
        "\"status\": \"acepted\", \"attributes\": {\"x\": [1], \"\": 1, \"y\": 1.5}}], " RELS "}",
        "{\"kg\": 1, " SRC ", " ENTS ", \"relations\": [{\"id\": \"r\", \"source\": \"a\", "
        "\"type\": \"cooperates_with\", \"target\": \"b\", " EV "}, {\"id\": \"r\", \"source\": \"a\", "
        "\"type\": \"cooperates_with\", \"target\": \"b\", \"evidence\": [{\"source\": \"t\", "
        "\"quote\": \"q\"}]}, {\"source\": \"a\", \"type\": \"cooperates_with\", \"target\": \"b\"}]}",
        "{\"kg\": 1, \"schema\": 5, " SRC ", " ENTS ", " RELS "}",
        "{\"kg\": 1, " SRC ", \"entities\": [{\"id\": \"a\", \"type\": \"organisation\", "
        "\"label\": \"A\", \"a_key_longer_than_sixty_four_characters_to_take_the_allocated_path_x\": "
        "{\"another_key_longer_than_sixty_four_characters_to_take_the_allocated_path\": 1}}], " RELS "}",
        "{\"kg\": 1, \"name\": \"caf\xe9\", " SRC "}",
        "{\"kg\": 1, \"name\": \"n\\u0000x\", " SRC "}",
        "{\"kg\": 1, \"name\": \"n\\ud800x\\u0000\", " SRC "}",
        "{\"kg\": 1, \"name\": \"n\\ud800\\u0041\", " SRC "}",
        "{\"kg\": 1, \"name\": \"n\\udc00\", " SRC "}",
        "{\"kg\": 1, \"name\": \"n\\ud800\\n\", " SRC "}",
        "{\"kg\": 1, \"k\\u0000\": 1, " SRC "}",
        "{\"kg\": 1, \"name\": \"\\ud83d\\ude00\", " SRC ", " ENTS ", " RELS "}",
        "{\"kg\": 1, \"name\": \"\xf0\x9f\x98\x80\xc3\", " SRC "}",
        "{\"kg\": 1, \"name\": \"\xed\xa0\x80\", " SRC "}",
    };
    kg_load_options o = with_schema();
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
        agree_on(docs[i], strlen(docs[i]), &o, NULL);
    /* found by fuzz_dataset_stream: a NUL byte is an invalid token */
    agree_on("[\0]", 3, &o, NULL);
    agree_on("{\"kg\": 1, \"n\": \0}", 16, &o, NULL);
    /* ...and the UTF-8 after a literal or a number is checked first */
    const char *after[] = {"[a\xe5]", "[true\xff]", "[12\xc3]", "[1.\xe5]", "[-\x80]", "[0\xed\xa0\x80]",
                           "[1e5\xf0\x9f\x98]", "[nul\xc3\xa9]", "[7\xc3\xa9]", "[\"\\\xe5\"]",
                           "[\"\\u00\xe5\"]", "[\"\\\xc3\xa9\"]"};
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++)
        agree_on(after[i], strlen(after[i]), &o, NULL);
    /* limits: the lengths count, not what came before the limit */
    o.max_nodes = 1;
    agree_on(docs[18], strlen(docs[18]), &o, NULL);
    agree_on(docs[0], strlen(docs[0]), &o, NULL);
    /* found by fuzz_dataset_stream: entities over the limit after another
     * error stop the load there too (no relation reported dangling) */
    const char *after_error = "{\"kg\": 1, \"x\": 1, " SRC ", " ENTS ", " RELS "}";
    agree_on(after_error, strlen(after_error), &o, NULL);
    o.max_nodes = 0;
    o.max_edges = 2;
    agree_on(docs[25], strlen(docs[25]), &o, NULL);
    o.max_edges = 0;
    o.max_depth = 2;
    agree_on(docs[0], strlen(docs[0]), &o, NULL);
}

/* Entities and relations are checked on their tokens and only turned into
 * jansson trees for the checks of dataset.c when something is wrong or
 * unusual: records with every member, and records just past what the token
 * checks take (17 evidence objects, 33 attributes, 17 aliases), each with
 * and without a problem, must give the same graph and messages. */
#define FULL_ENT(id)                                                                          \
    "{\"id\": \"" id "\", \"type\": \"organisation\", \"label\": \"L " id "\", "             \
    "\"description\": \"d\", \"aliases\": [\"Alias " id "\", \"AKA " id "\"], "                 \
    "\"start\": \"1990-02\", \"end\": \"2001\", \"evidence\": [{\"source\": \"s\", "          \
    "\"quote\": \"q1\", \"offset\": 3, \"length\": 2}, {\"quote\": \"q2\", \"source\": \"s\"}], " \
    "\"attributes\": {\"z\": \"\", \"n\": -4, \"r\": 0.50, \"e\": 1e5, \"t\": true, "           \
    "\"f\": false}, \"confidence\": 0.5, \"rule\": \"r1\", \"status\": \"accepted\"}"
#define FULL_REL(id, more)                                                                    \
    "{\"id\": \"" id "\", \"source\": \"a\", \"type\": \"cooperates_with\", \"target\": \"b\", " \
    "\"start\": \"2000-01-31\", \"end\": \"2000-02\", \"evidence\": {\"source\": \"s\", "     \
    "\"quote\": \"q\", \"offset\": 0}, \"attributes\": {\"w\": 2.5}, \"confidence\": 1, "      \
    "\"rule\": \"x\", \"status\": \"candidate\"" more "}"
#define FULL_DOC(ents, rels) \
    "{\"kg\": 1, " SRC ", \"entities\": [" ents "], \"relations\": [" rels "]}"

static void records(void **state)
{
    (void)state;
    const char *docs[] = {
        FULL_DOC(FULL_ENT("a") ", " FULL_ENT("b"), FULL_REL("r1", "") ", " FULL_REL("r2", "")),
        FULL_DOC(FULL_ENT("a") ", " FULL_ENT("a"), FULL_REL("r1", "")),
        FULL_DOC(FULL_ENT("a") ", " FULL_ENT("b"), FULL_REL("r1", "") ", " FULL_REL("r1", "")),
        FULL_DOC(FULL_ENT("a") ", " FULL_ENT("b"), FULL_REL("-r", "")),
        FULL_DOC(FULL_ENT("a") ", " FULL_ENT("b"), FULL_REL("r1", ", \"extra\": 1")),
        FULL_DOC(ORG("a") ", " ORG("b") ", {\"id\": \"c\", \"type\": \"person\", \"label\": \"C\"}",
                 "{\"source\": \"a\", \"type\": \"signed_by\", \"target\": \"b\", " EV "}, "
                 "{\"source\": \"a\", \"type\": \"located_at\", \"target\": \"c\", " EV "}, "
                 "{\"source\": \"c\", \"type\": \"located_at\", \"target\": \"a\", " EV "}"),
        FULL_DOC(ORG("a") ", " ORG("b") ", {\"id\": \"c\", \"type\": \"organisation\", \"label\": "
                 "\"C\", \"evidence\": []}, {\"id\": \"d\", \"type\": \"organisation\", \"label\": "
                 "\"D\", \"aliases\": [], \"attributes\": {}, \"description\": \"\"}",
                 "{\"source\": \"a\", \"type\": \"cooperates_with\", \"target\": \"b\", "
                 "\"evidence\": []}, {\"source\": \"a\", \"type\": \"cooperates_with\", \"target\": "
                 "\"b\", \"evidence\": [{\"source\": \"s\", \"quote\": \"q\", \"offset\": -1}]}, "
                 "{\"source\": \"a\", \"type\": \"cooperates_with\", \"target\": \"b\", "
                 "\"evidence\": [{\"source\": \"s\", \"quote\": \"q\", \"length\": 1.5}, 3]}, "
                 "{\"source\": \"a\", \"type\": \"cooperates_with\", \"target\": \"b\", "
                 "\"evidence\": {\"source\": \"s2\", \"quote\": \"q\", \"page\": 1}}, "
                 "{\"source\": \"a\", \"type\": \"cooperates_with\", \"target\": \"b\", " EV ", "
                 "\"confidence\": 1.5, \"rule\": \"\", \"status\": \"done\", \"label\": \"x\"}, "
                 "{\"source\": \"a\", \"type\": \"cooperates_with\", \"target\": \"b\", " EV ", "
                 "\"confidence\": true, \"rule\": 5, \"start\": \"2020-13\", \"end\": \"2019\"}, "
                 "{\"source\": \"a\", \"type\": \"cooperates_with\", \"target\": \"b\", " EV ", "
                 "\"attributes\": {\"\": 1, \"n\": null, \"o\": {}}, \"aliases\": [\"x\"]}, "
                 "{\"source\": \"a\", \"type\": \"cooperates_with\", \"target\": \"b\", " EV ", "
                 "\"confidence\": 2, \"status\": \"rejected\", \"id\": \"ok.1\"}"),
    };
    kg_load_options o = with_schema();
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
        agree_on(docs[i], strlen(docs[i]), &o, NULL);
    /* just past the token checks' room, valid and not */
    static const char *const tails[] = {"", ", \"x\": null"};
    for (int bad = 0; bad < 2; bad++) {
        for (int many = 16; many <= 17; many++) {
            char doc[16384];
            size_t n = (size_t)snprintf(doc, sizeof doc,
                                        "{\"kg\": 1, " SRC ", \"entities\": [{\"id\": \"a\", "
                                        "\"type\": \"organisation\", \"label\": \"A\", "
                                        "\"aliases\": [");
            for (int i = 0; i < many; i++)
                n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"alias %d\"", i ? ", " : "", i);
            n += (size_t)snprintf(doc + n, sizeof doc - n, "], \"attributes\": {");
            for (int i = 0; i < 2 * many; i++)
                n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"k%d\": %d.5", i ? ", " : "",
                                      i, i);
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s%s}}, " ORG("b") "], "
                                  "\"relations\": [{\"source\": \"a\", \"type\": \"supports\", "
                                  "\"target\": \"b\", \"evidence\": [",
                                  many == 17 ? ", \"k99\": 0.25" : "", tails[bad]);
            for (int i = 0; i < many; i++)
                n += (size_t)snprintf(doc + n, sizeof doc - n,
                                      "%s{\"source\": \"s\", \"quote\": \"q %d\"}", i ? ", " : "",
                                      i);
            n += (size_t)snprintf(doc + n, sizeof doc - n, "]}]}");
            agree_on(doc, n, &o, NULL);
        }
    }
}

/* Duplicate keys, found as jansson finds them, in small objects (a scan
 * by key length) and large ones (a hash index from 16 keys on), with keys
 * of 255 bytes or more (whose length byte says only "long"). */
static void duplicate_keys(void **state)
{
    (void)state;
    kg_load_options o = with_schema();
    char a300[301], b300[302], c255[256];
    memset(a300, 'k', 300);
    a300[300] = '\0';
    memset(b300, 'k', 301); /* a300 is a prefix of it */
    b300[301] = '\0';
    memset(c255, 'k', 255);
    c255[255] = '\0';
    for (int keys = 1; keys <= 40; keys += 3) {
        for (int dup = -1; dup < keys; dup += 4) {
            for (int variant = 0; variant < 3; variant++) {
                char doc[16384];
                size_t n = (size_t)snprintf(doc, sizeof doc, "{\"kg\": 1, " SRC ", \"entities\": "
                                            "[{\"id\": \"a\", \"type\": \"organisation\", "
                                            "\"label\": \"A\", \"attributes\": {");
                for (int k = 0; k < keys; k++) {
                    const char *name = variant == 0 ? "" : variant == 1 ? a300 : c255;
                    n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"%s%d\": %d, ",
                                          k ? "" : "", name, k, k);
                }
                if (variant == 1)
                    n += (size_t)snprintf(doc + n, sizeof doc - n, "\"%s\": 1, \"%s\": 2, ",
                                          b300, a300);
                if (dup >= 0)
                    n += (size_t)snprintf(doc + n, sizeof doc - n, "\"%s%d\": 0, ",
                                          variant == 0 ? "" : variant == 1 ? a300 : c255, dup);
                n += (size_t)snprintf(doc + n, sizeof doc - n, "\"last\": 1}}], \"relations\": []}");
                agree_on(doc, n, &o, NULL);
            }
        }
    }
}

/* Numbers keep the text kg_format_double gives them, however written. */
static void number_attributes(void **state)
{
    (void)state;
    const char *numbers[] = {"0.0001", "0.00001", "0.000123", "123456789012345.0",
                             "1234567890123456.0", "-0.0", "0.0", "0.10", "1.000", "-12.50",
                             "99.999999999999999", "0.1234567890123456", "1e5", "2.50E-3",
                             "123456789012345.6", "12345678901234.5", "1.7976931348623157e308",
                             "5e-324", "0.30000000000000004", "7", "-0", "10.0"};
    char doc[8192];
    size_t n = (size_t)snprintf(doc, sizeof doc, "{\"kg\": 1, " SRC ", \"entities\": [{\"id\": "
                                "\"a\", \"type\": \"organisation\", \"label\": \"A\", "
                                "\"attributes\": {");
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
        n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"n%zu\": %s", i ? ", " : "", i,
                              numbers[i]);
    n += (size_t)snprintf(doc + n, sizeof doc - n, "}}], \"relations\": []}");
    kg_load_options o = with_schema();
    agree_on(doc, n, &o, NULL);
    /* Random decimals of 1 to 19 digits, the point anywhere: those of up
     * to 2^53 as digits are converted without strtod (json_pull.c), and
     * the longer ones are written from the value, so a value one bit off
     * jansson's (strtod's) would show in the text. */
    uint64_t seed = 12345;
    for (int batch = 0; batch < 60; batch++) {
        n = (size_t)snprintf(doc, sizeof doc, "{\"kg\": 1, " SRC ", \"entities\": [{\"id\": "
                             "\"a\", \"type\": \"organisation\", \"label\": \"A\", "
                             "\"attributes\": {");
        for (int i = 0; i < 30; i++) {
            char number[32];
            size_t len = 0;
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            int digits = 1 + (int)((seed >> 33) % 19), point = (int)((seed >> 40) % (unsigned)digits);
            if ((seed >> 50) & 1)
                number[len++] = '-';
            for (int d = 0; d < digits; d++) {
                seed = seed * 6364136223846793005u + 1442695040888963407u;
                int digit = (int)((seed >> 33) % 10);
                if (d == 0 && digit == 0 && point > 0)
                    digit = 7; /* no leading zero before more digits */
                number[len++] = (char)('0' + digit);
                if (d == point)
                    number[len++] = '.';
            }
            if (number[len - 1] == '.')
                number[len++] = '5';
            number[len] = '\0';
            n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\"n%d\": %s", i ? ", " : "", i,
                                  number);
        }
        n += (size_t)snprintf(doc + n, sizeof doc - n, "}}], \"relations\": []}");
        agree_on(doc, n, &o, NULL);
    }
}

/* Every prefix, and a few characters put in every place, of a data set. */
static void truncations_and_substitutions(void **state)
{
    (void)state;
    const char *doc = "{\"kg\": 1, \"name\": \"n\", " SRC ",\n " ENTS ",\n "
                      "\"relations\": [" REL("a", "b") ", " REL("b", "x") "]}\n";
    /* and one with every member an entity and a relation may have */
    const char *full = FULL_DOC(FULL_ENT("a") ", " ORG("b"), FULL_REL("r1", ""));
    const char *each[] = {doc, full};
    for (int d = 0; d < 2; d++) {
        size_t len = strlen(each[d]);
        char *text = malloc(len + 1);
        assert_non_null(text);
        kg_load_options o = with_schema();
        for (size_t i = 0; i <= len; i++)
            agree_on(each[d], i, &o, NULL);
        const char subs[] = "\"{}[],:x1\\";
        for (size_t i = 0; i < len; i++) {
            for (const char *c = subs; *c; c++) {
                memcpy(text, each[d], len + 1);
                text[i] = *c;
                agree_on(text, len, &o, NULL);
            }
        }
        free(text);
    }
}

/* The same from files: the stream reads them in chunks. */
static void from_files(void **state)
{
    (void)state;
    char path[] = "/tmp/kg-test-dataset-stream-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    kg_load_options o = with_schema();
    size_t cap = 1 << 20, used = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    used += (size_t)snprintf(text, cap, "{\"kg\": 1, " SRC ", \"entities\": [");
    for (int i = 0; i < 3000; i++)
        used += (size_t)snprintf(text + used, cap - used,
                                 "%s\n {\"id\": \"e%d\", \"type\": \"organisation\", \"label\": "
                                 "\"caf\\u00e9 \xe2\x82\xac %d\", \"aliases\": [\"x%d\"]}",
                                 i ? "," : "", i, i, i);
    used += (size_t)snprintf(text + used, cap - used, "], \"relations\": [");
    for (int i = 1; i < 3000; i++)
        used += (size_t)snprintf(text + used, cap - used,
                                 "%s{\"source\": \"e%d\", \"type\": \"cooperates_with\", "
                                 "\"target\": \"e%d\", " EV "}", i > 1 ? "," : "", i - 1, i);
    used += (size_t)snprintf(text + used, cap - used, "]}");
    agree_on(text, used, &o, path);
    text[used - 40] = '#'; /* a syntax error far into the file */
    agree_on(text, used, &o, path);
    free(text);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_data_sets),
        cmocka_unit_test(broken_data_sets),
        cmocka_unit_test(records),
        cmocka_unit_test(duplicate_keys),
        cmocka_unit_test(number_attributes),
        cmocka_unit_test(truncations_and_substitutions),
        cmocka_unit_test(from_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
