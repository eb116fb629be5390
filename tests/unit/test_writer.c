/* Unit tests for writer.c: atomic replacement, cleanup on abort and on
 * failure, sticky errors, memory output, and a full disk (/dev/full). */
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_util.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/kg-test-writer-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static size_t count_entries(void)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

static char *slurp(const char *path)
{
    char *text;
    size_t len;
    assert_int_equal(kg_read_file(path, 1 << 20, &text, &len, NULL), KG_OK);
    return text;
}

static void commit_replaces_atomically(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    FILE *f = fopen(path, "w");
    fputs("old", f);
    fclose(f);
    kg_writer *w;
    assert_int_equal(kg_writer_open_file(path, true, &w, NULL), KG_OK);
    kg_writer_puts(w, "new ");
    kg_writer_printf(w, "%d %s", 42, "text");
    char *during = slurp(path);
    assert_string_equal(during, "old"); /* untouched until commit */
    free(during);
    assert_int_equal(count_entries(), 2); /* target + temporary */
    assert_int_equal(kg_writer_commit(w, NULL), KG_OK);
    char *after = slurp(path);
    assert_string_equal(after, "new 42 text");
    free(after);
    assert_int_equal(count_entries(), 1);
    unlink(path);
}

static void abort_leaves_nothing(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/never.txt", dir);
    kg_writer *w;
    assert_int_equal(kg_writer_open_file(path, false, &w, NULL), KG_OK);
    kg_writer_puts(w, "partial");
    kg_writer_abort(w);
    assert_int_equal(count_entries(), 0);
    kg_writer_abort(NULL);
}

static void large_writes(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/big.txt", dir);
    size_t n = 300 * 1024;
    char *big = malloc(n);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 26);
    kg_writer *w;
    assert_int_equal(kg_writer_open_file(path, false, &w, NULL), KG_OK);
    kg_writer_putc(w, '<');
    kg_writer_write(w, big, n);
    kg_writer_putc(w, '>');
    assert_int_equal(kg_writer_commit(w, NULL), KG_OK);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_size, (off_t)n + 2);
    free(big);
    unlink(path);
}

static void missing_folder_is_an_io_error(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/no/such/out.txt", dir);
    kg_writer *w = (kg_writer *)1;
    kg_error err;
    assert_int_equal(kg_writer_open_file(path, false, &w, &err), KG_EIO);
    assert_null(w);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.message, "cannot create output"));
}

static void full_disk_is_reported(void **state)
{
    (void)state;
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        skip();
    kg_writer *w;
    kg_error err;
    assert_int_equal(kg_writer_open_stream(full, "/dev/full", &w, &err), KG_OK);
    for (int i = 0; i < 10000; i++)
        kg_writer_puts(w, "0123456789");
    assert_int_equal(kg_writer_status(w), KG_EIO); /* sticky after the first flush */
    assert_int_equal(kg_writer_commit(w, &err), KG_EIO);
    assert_non_null(strstr(err.message, "No space left"));
    fclose(full);
}

static void memory_writer(void **state)
{
    (void)state;
    kg_writer *w;
    assert_int_equal(kg_writer_open_memory(&w, NULL), KG_OK);
    for (int i = 0; i < 2000; i++)
        kg_writer_printf(w, "%04d", i);
    size_t len;
    const char *text = kg_writer_memory(w, &len);
    assert_int_equal(len, 8000);
    assert_memory_equal(text + 7996, "1999", 4);
    assert_int_equal(text[len], '\0');
    assert_int_equal(kg_writer_commit(w, NULL), KG_OK);
}

/* A folder of its own for a test that counts files: the group's folder
 * is set aside and restored. */
static char group_dir[256];

static int own_folder(void **state)
{
    memcpy(group_dir, dir, sizeof dir);
    return setup(state);
}

static int back_to_group_folder(void **state)
{
    int rc = teardown(state);
    memcpy(dir, group_dir, sizeof dir);
    return rc;
}

static bool exists(const char *name)
{
    char path[512];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return stat(path, &st) == 0;
}

static void touch(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("left by a killed run", f);
    fclose(f);
}

/* What a signal handler calls: every open writer's temporary goes, the
 * writers stay usable for abort, and committed files are not touched. */
static void signal_handler_removes_temporaries(void **state)
{
    (void)state;
    char a[300], b[300];
    snprintf(a, sizeof a, "%s/a.json", dir);
    snprintf(b, sizeof b, "%s/b.json", dir);
    kg_writer *wa = NULL, *wb = NULL;
    assert_int_equal(kg_writer_open_file(a, false, &wa, NULL), KG_OK);
    assert_int_equal(kg_writer_open_file(b, false, &wb, NULL), KG_OK);
    kg_writer_puts(wa, "a");
    assert_int_equal(kg_writer_commit(wa, NULL), KG_OK);
    kg_writer_puts(wb, "b");
    assert_int_equal(count_entries(), 2); /* a.json and b's temporary */
    kg_writer_remove_temporaries();
    assert_int_equal(count_entries(), 1);
    assert_true(exists("a.json"));
    kg_writer_abort(wb);
    kg_writer_remove_temporaries(); /* nothing registered any more */
    assert_true(exists("a.json"));
}

/* After SIGKILL: the next writer for the same target removes the
 * temporaries of kg processes that are gone, and nothing else. */
static void stale_temporaries_removed(void **state)
{
    (void)state;
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0)
        _exit(0);
    waitpid(child, NULL, 0); /* reaped: its PID names no process now */
    char dead[200], alive[200], not_hex[200], other[200], other_target[200];
    snprintf(dead, sizeof dead, ".x.json.%ld.9adc5067.tmp", (long)child);
    snprintf(alive, sizeof alive, ".x.json.%ld.1.tmp", (long)getppid());
    snprintf(not_hex, sizeof not_hex, ".x.json.%ld.zz.tmp", (long)child);
    snprintf(other, sizeof other, ".x.json.%ld.1.tmp.keep", (long)child);
    snprintf(other_target, sizeof other_target, ".y.json.%ld.1.tmp", (long)child);
    touch(dead);
    touch(alive);
    touch(not_hex);
    touch(other);
    touch(other_target);
    char x[300];
    snprintf(x, sizeof x, "%s/x.json", dir);
    kg_writer *w = NULL;
    assert_int_equal(kg_writer_open_file(x, false, &w, NULL), KG_OK);
    assert_false(exists(dead));
    assert_true(exists(alive));
    assert_true(exists(not_hex));
    assert_true(exists(other));
    assert_true(exists(other_target));
    assert_int_equal(kg_writer_commit(w, NULL), KG_OK);
    assert_true(exists("x.json"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(commit_replaces_atomically),
        cmocka_unit_test(abort_leaves_nothing),
        cmocka_unit_test(large_writes),
        cmocka_unit_test(missing_folder_is_an_io_error),
        cmocka_unit_test(full_disk_is_reported),
        cmocka_unit_test(memory_writer),
        cmocka_unit_test_setup_teardown(signal_handler_removes_temporaries, own_folder,
                                        back_to_group_folder),
        cmocka_unit_test_setup_teardown(stale_temporaries_removed, own_folder,
                                        back_to_group_folder),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
