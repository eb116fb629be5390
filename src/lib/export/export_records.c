/* export_records.c - the record loop of the exporters. Writing a large
 * graph is bound by memory, not by formatting: records are in sorted
 * order, but the strings they point to (and nodes' attribute arrays) lie
 * where loading put them, in input order, and an edge's target is any
 * node, so nearly every value read misses the cache. Three remedies, none
 * changing a byte of the output:
 *
 * - prefetching: memory for records a few places ahead is requested
 *   early, so the misses overlap instead of stalling one after another;
 * - the id table: every node id escaped once, packed in node order, so an
 *   edge's ends are two copies from a block that stays in cache;
 * - two threads: the caller's thread formats one run of records straight
 *   into the output while a second formats the next run into memory,
 *   which is then appended; runs are written strictly in order. */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export_internal.h"
#include "internal.h"
#include "writer_internal.h"

static size_t chunk_records = 16384;

void kg_export_set_chunk_records(size_t records)
{
    chunk_records = records;
}

typedef struct record_loop {
    const kg_graph *g;
    const kg_id_table *ids; /* or NULL */
    bool is_edges;
    kg_record_writer write_one;
    const void *ctx;
} record_loop;

/* ---- prefetching ----------------------------------------------------------
 * Two steps, as the addresses are chained: FAR records ahead, the record's
 * arrays, strings and end nodes; NEAR records ahead, what those hold (by
 * then in cache). */
enum { PREFETCH_FAR = 16, PREFETCH_NEAR = 8 };

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

static void prefetch_attr_texts(const kg_attr *attrs, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++)
        PREFETCH(attrs[i].text);
}

static void prefetch_node(const kg_graph *g, size_t i)
{
    size_t n = kg_graph_node_count(g);
    if (i + PREFETCH_FAR < n) {
        const kg_node *far = kg_graph_node(g, i + PREFETCH_FAR);
        PREFETCH(far->id);
        PREFETCH(far->label);
        PREFETCH(far->attrs);
    }
    if (i + PREFETCH_NEAR < n) {
        const kg_node *near = kg_graph_node(g, i + PREFETCH_NEAR);
        prefetch_attr_texts(near->attrs, near->attr_count);
    }
}

static void prefetch_ends_far(const kg_graph *g, const kg_id_table *ids, const kg_edge *e)
{
    if (ids && ids->width) {
        PREFETCH(ids->text + e->target * ids->width);
    } else if (ids) {
        PREFETCH(ids->offsets + e->target);
    } else {
        PREFETCH(kg_graph_node(g, e->source));
        PREFETCH(kg_graph_node(g, e->target));
    }
}

static void prefetch_ends_near(const kg_graph *g, const kg_id_table *ids, const kg_edge *e)
{
    if (ids && ids->width) {
        return; /* the slot came in one step */
    } else if (ids) {
        PREFETCH(ids->text + ids->offsets[e->target]);
    } else {
        PREFETCH(kg_graph_node(g, e->source)->id);
        PREFETCH(kg_graph_node(g, e->target)->id);
    }
}

/* Sources need nothing: edges are sorted by source. */
static void prefetch_edge(const kg_graph *g, const kg_id_table *ids, size_t i)
{
    size_t m = kg_graph_edge_count(g);
    if (i + PREFETCH_FAR < m) {
        const kg_edge *far = kg_graph_edge(g, i + PREFETCH_FAR);
        PREFETCH(far->id);
        PREFETCH(far->attrs);
        prefetch_ends_far(g, ids, far);
    }
    if (i + PREFETCH_NEAR < m) {
        const kg_edge *near = kg_graph_edge(g, i + PREFETCH_NEAR);
        prefetch_ends_near(g, ids, near);
        prefetch_attr_texts(near->attrs, near->attr_count);
    }
}

/* ---- the loop ------------------------------------------------------------ */

static bool write_range(kg_writer *w, const record_loop *loop, size_t from, size_t to)
{
    bool ok = true;
    for (size_t i = from; ok && i < to && w->status == KG_OK; i++) {
        if (loop->is_edges)
            prefetch_edge(loop->g, loop->ids, i);
        else
            prefetch_node(loop->g, i);
        ok = loop->write_one(w, loop->ctx, i);
    }
    return ok && w->status != KG_ENOMEM;
}

typedef struct chunk_job {
    const record_loop *loop;
    kg_writer *out; /* a memory writer */
    size_t from, to;
    bool ok;
    bool is_running;
    double seconds; /* spent formatting */
    pthread_t thread;
} chunk_job;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *run_chunk(void *arg)
{
    chunk_job *job = arg;
    double started = now();
    job->ok = write_range(job->out, job->loop, job->from, job->to);
    job->seconds = now() - started;
    return NULL;
}

/* Starts formatting [from, to) into out in a second thread; should none
 * start, the work is done when the job is finished instead. */
static void start_chunk(chunk_job *job, size_t from, size_t to)
{
    job->from = from;
    job->to = to;
    job->ok = true;
    /* The thread takes no signals: a handler then runs on the calling
     * thread, between two of its steps (kg_writer_remove_temporaries
     * relies on that: a writer's temporary path is freed only after it
     * left the table). */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    job->is_running = from < to && pthread_create(&job->thread, NULL, run_chunk, job) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

static bool finish_chunk(chunk_job *job)
{
    if (job->is_running)
        pthread_join(job->thread, NULL);
    else if (job->from < job->to)
        run_chunk(job);
    job->is_running = false;
    return job->ok;
}

/* Appends a finished chunk to w and empties its memory writer. */
static void append_chunk(kg_writer *w, chunk_job *job)
{
    size_t len;
    const char *text = kg_writer_memory(job->out, &len);
    kg_writer_write(w, text, len);
    kg_writer_memory_reset(job->out);
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

/* The length of the next side run: scaled by how long this thread took
 * for its share against the second thread for its run, so that both
 * finish together (this thread's share, the writing, costs more or less
 * with the state of the page cache); damped, and kept within bounds. */
static size_t balance(size_t there, size_t here, double here_seconds, double there_seconds)
{
    if (!(here_seconds > 0) || !(there_seconds > 0))
        return there;
    double ratio = here_seconds / there_seconds;
    ratio = ratio < 0.5 ? 0.5 : ratio > 2 ? 2 : ratio;
    double next = (double)there * (1 + ratio) / 2;
    double lowest = (double)here / 2, highest = (double)here * 8;
    next = next < lowest ? lowest : next > highest ? highest : next;
    return next < 1 ? 1 : (size_t)next;
}

/* Records in runs of [a, b) formatted here straight into w, then [b, c)
 * formatted by the second thread into memory. While this thread appends
 * one side run and formats its next run, the second thread formats the
 * following side run into the other memory writer, so both stay busy.
 * Side runs start twice as long, as this thread also does all the
 * writing, and are then balanced as they go. */
static bool write_alternating(kg_writer *w, const record_loop *loop, size_t count,
                              kg_writer *spare[2])
{
    size_t here = chunk_records, there = 2 * chunk_records;
    chunk_job jobs[2] = {{.loop = loop, .out = spare[0]}, {.loop = loop, .out = spare[1]}};
    size_t a = 0, b = min_size(here, count), c = min_size(b + there, count);
    int side = 0;
    start_chunk(&jobs[side], b, c);
    double started = now();
    for (;;) {
        bool ok = write_range(w, loop, a, b);
        double here_seconds = now() - started;
        ok = finish_chunk(&jobs[side]) && ok;
        if (!ok || c >= count || kg_writer_status(w) != KG_OK) {
            if (ok)
                append_chunk(w, &jobs[side]);
            return ok;
        }
        there = balance(there, here, here_seconds, jobs[side].seconds);
        a = c;
        b = min_size(a + here, count);
        c = min_size(b + there, count);
        start_chunk(&jobs[1 - side], b, c);
        started = now();
        append_chunk(w, &jobs[side]);
        side = 1 - side;
    }
}

static bool write_records(kg_writer *w, const record_loop *loop, size_t count)
{
    if (chunk_records == 0 || count <= chunk_records)
        return write_range(w, loop, 0, count);
    kg_writer *spare[2] = {NULL, NULL};
    kg_error ignored;
    bool ok = kg_writer_open_memory(&spare[0], &ignored) == KG_OK &&
              kg_writer_open_memory(&spare[1], &ignored) == KG_OK &&
              write_alternating(w, loop, count, spare);
    kg_writer_abort(spare[0]);
    kg_writer_abort(spare[1]);
    return ok;
}

bool kg_export_nodes(kg_writer *w, const kg_graph *g, kg_record_writer write_one,
                     const void *ctx)
{
    record_loop loop = {g, NULL, false, write_one, ctx};
    return write_records(w, &loop, kg_graph_node_count(g));
}

bool kg_export_edges(kg_writer *w, const kg_graph *g, const kg_id_table *ids,
                     kg_record_writer write_one, const void *ctx)
{
    record_loop loop = {g, ids, true, write_one, ctx};
    return write_records(w, &loop, kg_graph_edge_count(g));
}

/* ---- the id table -------------------------------------------------------- */

/* Repacks a table whose entries are all shorter than 32 bytes into slots
 * (see export_internal.h). false when out of memory. */
static bool use_slots(kg_id_table *ids, size_t n)
{
    size_t longest = 0;
    for (size_t i = 0; i < n; i++)
        if (ids->offsets[i + 1] - ids->offsets[i] > longest)
            longest = ids->offsets[i + 1] - ids->offsets[i];
    size_t width = longest < 16 ? 16 : longest < 32 ? 32 : 0;
    if (width == 0 || n > SIZE_MAX / width)
        return true; /* offsets it is */
    char *slots = calloc(n ? n : 1, width);
    if (!slots)
        return false;
    kg_advise_huge_pages(slots, n * width);
    for (size_t i = 0; i < n; i++) {
        size_t len = ids->offsets[i + 1] - ids->offsets[i];
        slots[i * width] = (char)len;
        memcpy(slots + i * width + 1, ids->text + ids->offsets[i], len);
    }
    free(ids->text);
    free(ids->offsets);
    *ids = (kg_id_table){ids->graph, slots, NULL, width};
    return true;
}

bool kg_id_table_build(kg_id_table *ids, const kg_graph *g, kg_string_escaper escape)
{
    size_t n = kg_graph_node_count(g);
    kg_writer *w = NULL;
    kg_error ignored;
    /* Edges read the table at random: huge pages spare a TLB miss a read. */
    *ids = (kg_id_table){g, NULL, malloc((n + 1) * sizeof *ids->offsets), 0};
    if (!ids->offsets || kg_writer_open_memory(&w, &ignored) != KG_OK) {
        kg_id_table_free(ids);
        return false;
    }
    kg_advise_huge_pages(ids->offsets, (n + 1) * sizeof *ids->offsets);
    for (size_t i = 0; i < n; i++) {
        if (i + PREFETCH_FAR < n)
            PREFETCH(kg_graph_node(g, i + PREFETCH_FAR)->id);
        kg_writer_memory(w, &ids->offsets[i]);
        escape(w, kg_graph_node(g, i)->id);
    }
    size_t len;
    const char *text = kg_writer_memory(w, &len);
    ids->offsets[n] = len;
    ids->text = kg_writer_status(w) == KG_OK ? malloc(len + 1) : NULL;
    if (ids->text) {
        kg_advise_huge_pages(ids->text, len + 1);
        memcpy(ids->text, text, len + 1);
    }
    kg_writer_abort(w);
    if (!ids->text) {
        kg_id_table_free(ids);
        return false;
    }
    if (!use_slots(ids, n)) {
        kg_id_table_free(ids);
        return false;
    }
    return true;
}

void kg_id_table_free(kg_id_table *ids)
{
    free(ids->text);
    free(ids->offsets);
    *ids = (kg_id_table){ids->graph, NULL, NULL, 0};
}
