/*
 * The ledger's writer thread (ledger_internal.h; rules.md §10 is unchanged
 * by it): in a batch run with a ledger (any --jobs), the batches of
 * case-months new to the ledger are packed and inserted on a thread of
 * their own, so that LZ4, SQLite's B-tree work and the WAL's writes run
 * beside the batch instead of inside it.
 *
 * The run's transaction stays one transaction on one connection: only the
 * writer thread uses that connection while it runs (the calling thread's
 * look-ups go to a second connection, below), and the calling thread takes
 * it back, idle, in ledger_writer_stop before anything else (commit,
 * rollback, restart, a correction) touches it, and at the latest when
 * rfy_batch_run returns.
 *
 * The look-ups of a run that is not a correction run ask what the ledger
 * held before the run (is a case-month stored, the state a case's first
 * month starts from), so they read from a second connection in a read
 * transaction of its own: in WAL mode it sees the last committed ledger
 * while the run's transaction is being written.  The batch loop delivers
 * case-months in case order, so the only case-months of the run a look-up
 * could concern are those of the last case put; ledger_flush_case stops the
 * thread for that case (and the run goes on on one thread).
 *
 * The hand-over is a ring of LEDGER_RING batches: the calling thread fills
 * one, sends it and takes the next free one, waiting only when all are in
 * flight (the memory stays bounded: LEDGER_RING × LEDGER_BATCH case-months).
 * The writer sleeps until LEDGER_WAKE batches wait and then takes all that
 * come until the ring is empty: one wake-up (a futex call on each side) for
 * several batches rather than for each one.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_internal.h"
#include <rfy/status.h>

#define LEDGER_RING 16
#define LEDGER_WAKE 8 /* batches that wake the writer: fewer wake-ups, each worth more */

/* The look-ups that go to the reading connection. */
static const enum ledger_stmt READS[] = {LS_LOOKUP, LS_STATE_BEFORE, LS_STATE_BEFORE_PACKED,
                                         LS_NEXT_CASE, LS_NEXT_CASE_PACKED};
#define NREADS (sizeof READS / sizeof READS[0])

struct ledger_writer {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t work;          /* a batch was sent, or quit */
    pthread_cond_t room;          /* a batch was inserted */
    ledger_batch ring[LEDGER_RING];
    unsigned long head, tail;     /* sent: ring[tail..head) (mod LEDGER_RING); filled: ring[head] */
    int quit, drop;               /* stop when the ring is empty; drop: insert nothing more */
    int draining;                 /* the writer is awake and takes what comes */
    int failed;                   /* an insert failed: msg */
    char msg[256];
    sqlite3 *rdb;                 /* the reading connection */
    sqlite3_stmt *rst[LS_COUNT];  /* its look-ups (READS) */
};

static void *writer_main(void *arg)
{
    rfy_ledger *lg = arg;
    struct ledger_writer *w = lg->writer;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        ledger_batch *b;
        int skip, rc = SQLITE_DONE;
        /* asleep until LEDGER_WAKE batches wait (one wake-up for several),
         * then awake until none is left; at the end, the rest */
        while (!w->quit && w->head - w->tail < (w->draining ? 1u : LEDGER_WAKE)) {
            w->draining = 0;
            pthread_cond_wait(&w->work, &w->mu);
        }
        if (w->tail == w->head)
            break; /* quit, and nothing left */
        w->draining = 1;
        b = &w->ring[w->tail % LEDGER_RING];
        skip = w->drop || w->failed;
        pthread_mutex_unlock(&w->mu);
        if (skip) {
            b->n = 0;
            b->len = 0;
        } else
            rc = ledger_flush_batch(lg, b);
        pthread_mutex_lock(&w->mu);
        if (rc != SQLITE_DONE && !w->failed) {
            w->failed = 1;
            snprintf(w->msg, sizeof w->msg, "%s", sqlite3_errmsg(lg->db)); /* SQLite's words */
        }
        w->tail++;
        pthread_cond_signal(&w->room);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

static void writer_free(struct ledger_writer *w)
{
    for (size_t i = 0; i < NREADS; i++)
        sqlite3_finalize(w->rst[READS[i]]);
    if (w->rdb) {
        ledger_exec_db(w->rdb, "COMMIT"); /* the read transaction */
        sqlite3_close(w->rdb);
    }
    for (int i = 0; i < LEDGER_RING; i++) {
        free(w->ring[i].text);
        ledger_pack_free(&w->ring[i].pack);
    }
    free(w);
}

int ledger_writer_start(rfy_ledger *lg)
{
    struct ledger_writer *w;
    if (lg->writer || !lg->in_run || lg->corrections || lg->cur->n || lg->seq)
        return RFY_OK; /* not at the start of a plain run: stays on one thread */
    if (!(w = calloc(1, sizeof *w)))
        return RFY_ENOMEM;
    if (sqlite3_open_v2(lg->path, &w->rdb, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        ledger_vfs_name()) != SQLITE_OK)
        goto fail;
    sqlite3_busy_timeout(w->rdb, RFY_LEDGER_BUSY_MS);
    if (ledger_pack_register(w->rdb) != SQLITE_OK) /* the look-ups read packed values */
        goto fail;
    for (size_t i = 0; i < NREADS; i++)
        if (sqlite3_prepare_v3(w->rdb, ledger_stmt_sql(READS[i]), -1, SQLITE_PREPARE_PERSISTENT,
                               &w->rst[READS[i]], NULL) != SQLITE_OK)
            goto fail;
    /* the ledger as committed before this run, for the whole run */
    if (ledger_exec_db(w->rdb, "BEGIN") != SQLITE_OK ||
        ledger_exec_db(w->rdb, "SELECT count(*) FROM run") != SQLITE_OK)
        goto fail;
    if (pthread_mutex_init(&w->mu, NULL) != 0)
        goto fail;
    if (pthread_cond_init(&w->work, NULL) != 0) {
        pthread_mutex_destroy(&w->mu);
        goto fail;
    }
    if (pthread_cond_init(&w->room, NULL) != 0) {
        pthread_cond_destroy(&w->work);
        pthread_mutex_destroy(&w->mu);
        goto fail;
    }
    lg->writer = w;
    if (pthread_create(&w->thread, NULL, writer_main, lg) != 0) {
        lg->writer = NULL;
        pthread_cond_destroy(&w->room);
        pthread_cond_destroy(&w->work);
        pthread_mutex_destroy(&w->mu);
        goto fail;
    }
    lg->cur = &w->ring[0];
    return RFY_OK;
fail:
    writer_free(w);
    return RFY_EIO;
}

int ledger_writer_send(rfy_ledger *lg)
{
    struct ledger_writer *w = lg->writer;
    int failed;
    pthread_mutex_lock(&w->mu);
    w->head++;
    if (w->head - w->tail >= LEDGER_WAKE)
        pthread_cond_signal(&w->work);
    while (w->head - w->tail >= LEDGER_RING && !w->failed)
        pthread_cond_wait(&w->room, &w->mu);
    failed = w->failed;
    pthread_mutex_unlock(&w->mu);
    if (failed)
        return ledger_writer_stop(lg, 0);
    lg->cur = &w->ring[w->head % LEDGER_RING];
    return RFY_OK;
}

int ledger_writer_stop(rfy_ledger *lg, int write)
{
    struct ledger_writer *w = lg->writer;
    ledger_batch *rest = lg->cur;
    int rc = RFY_OK;
    if (!w)
        return RFY_OK;
    pthread_mutex_lock(&w->mu);
    w->quit = 1;
    w->drop = !write;
    pthread_cond_signal(&w->work);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL);
    pthread_cond_destroy(&w->room);
    pthread_cond_destroy(&w->work);
    pthread_mutex_destroy(&w->mu);
    lg->writer = NULL;
    lg->cur = &lg->batch;
    if (w->failed)
        rc = lg->clash ? ledger_fail(lg, NULL, LM_STORED_TWICE, lg->path)
                       : ledger_fail(lg, NULL, LM_DETAIL, lg->path, w->msg);
    else if (write && rest->n && ledger_flush_batch(lg, rest) != SQLITE_DONE)
        rc = ledger_flush_fail(lg);
    lg->last_case_len = 0;
    writer_free(w);
    return rc;
}

sqlite3_stmt *ledger_writer_stmt(rfy_ledger *lg, enum ledger_stmt which)
{
    sqlite3_stmt *s = lg->writer->rst[which];
    return s ? s : lg->st[which];
}
