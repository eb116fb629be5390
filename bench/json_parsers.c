/* json_parsers.c - tokenise-only throughput of kg's pull parser
 * (src/lib/read/json_pull.c) against yajl 2 (Debian's libyajl-dev, ISC),
 * the event parser kg could have used instead. Both read the file in
 * 64 KiB chunks, check UTF-8, turn numbers into int64/double and strings
 * into unescaped text, and count the events; neither builds anything.
 * kg's parser also rejects duplicate keys (it keeps each open object's
 * keys), which yajl does not do. Not part of kg: built by
 * bench/json_parsers.sh only.
 *
 *   json_parsers pull|yajl FILE    prints "events N" or the error */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "json_pull.h"

static unsigned long long events;

static int on_null(void *ctx) { (void)ctx; events++; return 1; }
static int on_boolean(void *ctx, int b) { (void)ctx; (void)b; events++; return 1; }
static int on_integer(void *ctx, long long i) { (void)ctx; (void)i; events++; return 1; }
static int on_double(void *ctx, double d) { (void)ctx; (void)d; events++; return 1; }
static int on_string(void *ctx, const unsigned char *s, size_t n)
{
    (void)ctx; (void)s; (void)n;
    events++;
    return 1;
}
static int on_start_map(void *ctx) { (void)ctx; events++; return 1; }
static int on_end_map(void *ctx) { (void)ctx; events++; return 1; }
static int on_start_array(void *ctx) { (void)ctx; events++; return 1; }
static int on_end_array(void *ctx) { (void)ctx; events++; return 1; }

static int run_yajl(FILE *f)
{
    static const yajl_callbacks callbacks = {on_null, on_boolean, on_integer, on_double, NULL,
                                             on_string, on_start_map, on_string, on_end_map,
                                             on_start_array, on_end_array};
    yajl_handle h = yajl_alloc(&callbacks, NULL, NULL);
    if (!h)
        return 1;
    static unsigned char chunk[1 << 16];
    yajl_status st = yajl_status_ok;
    size_t n;
    while (st == yajl_status_ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        st = yajl_parse(h, chunk, n);
    if (st == yajl_status_ok)
        st = yajl_complete_parse(h);
    int rc = 0;
    if (st != yajl_status_ok) {
        unsigned char *msg = yajl_get_error(h, 0, NULL, 0);
        fprintf(stderr, "yajl: %s\n", msg);
        yajl_free_error(h, msg);
        rc = 1;
    }
    yajl_free(h);
    return rc;
}

static int run_pull(FILE *f)
{
    kg_jp jp;
    if (kg_jp_init_file(&jp, f, 0) != KG_OK)
        return 1;
    kg_jp_event ev;
    while ((ev = kg_jp_next(&jp)) != KG_JP_EOF && ev != KG_JP_ERROR)
        events++;
    int rc = 0;
    if (ev == KG_JP_ERROR) {
        fprintf(stderr, "pull: %d:%d: %s\n", jp.error_line, jp.error_column, jp.message);
        rc = 1;
    }
    kg_jp_free(&jp);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "pull") != 0 && strcmp(argv[1], "yajl") != 0)) {
        fprintf(stderr, "usage: json_parsers pull|yajl FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[2], "rb");
    if (!f) {
        perror(argv[2]);
        return 1;
    }
    int rc = strcmp(argv[1], "pull") == 0 ? run_pull(f) : run_yajl(f);
    fclose(f);
    if (rc == 0)
        printf("events %llu\n", events);
    return rc;
}
