/*
 * Inserting a batch of pending case-months (ledger_internal.h): one
 * multi-row INSERT for a full batch, one row at a time for the rest.  Called
 * by the run's own thread (ledger_store.c) and by the writer thread
 * (ledger_writer.c); it calls neither, so calls between the ledger's files
 * only go down.
 */
#include "ledger_internal.h"

/* Bind what is the same for every case-month of the run, as the row of
 * parameters from i + 1 on (bindings outlive sqlite3_reset: the batch
 * statement is bound so once a run). */
static void bind_run(rfy_ledger *lg, sqlite3_stmt *s, int i)
{
    sqlite3_bind_int64(s, i + 3, lg->run);
    sqlite3_bind_text(s, i + 5, "", 0, SQLITE_STATIC); /* the run's (run.rates_id) */
    sqlite3_bind_null(s, i + 10); /* new to the ledger: nothing paid before */
    sqlite3_bind_null(s, i + 11);
    sqlite3_bind_int(s, i + 15, 0); /* a row of the run's file */
}

/* Bind the rest of pending case-month p of batch b as the row of
 * parameters from i + 1 on. */
static void bind_pending(const ledger_batch *b, sqlite3_stmt *s, int i, const ledger_pending *p)
{
    const char *t = b->text;
    sqlite3_bind_text(s, i + 1, t + p->id_off, (int)p->id_len, SQLITE_STATIC);
    sqlite3_bind_int(s, i + 2, p->month);
    sqlite3_bind_int64(s, i + 4, p->seq);
    sqlite3_bind_int(s, i + 6, p->decimal_comma);
    sqlite3_bind_text(s, i + 7, t + p->rows_off, (int)p->rows_len, SQLITE_STATIC);
    sqlite3_bind_text(s, i + 8, t + p->out_off, (int)p->out_len, SQLITE_STATIC);
    sqlite3_bind_int64(s, i + 9, p->payment);
    sqlite3_bind_int(s, i + 12, p->known);
    sqlite3_bind_int64(s, i + 13, p->run_months);
    sqlite3_bind_int64(s, i + 14, p->used_m);
}

int ledger_flush_batch(rfy_ledger *lg, ledger_batch *b)
{
    size_t i = 0;
    int rc = SQLITE_DONE;
    if (b->n == LEDGER_BATCH) {
        /* one statement; rowids are given in order, so its entries are
         * last - LEDGER_BATCH + 1 .. last */
        sqlite3_stmt *s = lg->insert_batch;
        sqlite3_reset(s);
        if (lg->batch_run != lg->run) {
            for (int j = 0; j < LEDGER_BATCH; j++)
                bind_run(lg, s, j * LEDGER_INSERT_PARAMS);
            lg->batch_run = lg->run;
        }
        for (; i < LEDGER_BATCH; i++)
            bind_pending(b, s, (int)i * LEDGER_INSERT_PARAMS, &b->pend[i]);
        rc = sqlite3_step(s);
        if (rc == SQLITE_DONE) {
            long long last = sqlite3_last_insert_rowid(lg->db);
            ledger_note_entry(lg, last - LEDGER_BATCH + 1);
            ledger_note_entry(lg, last);
        }
        sqlite3_reset(s);
    }
    for (; i < b->n && rc == SQLITE_DONE; i++) {
        sqlite3_stmt *s = lg->st[LS_INSERT];
        sqlite3_reset(s);
        bind_run(lg, s, 0);
        bind_pending(b, s, 0, &b->pend[i]);
        rc = sqlite3_step(s);
        if (rc == SQLITE_DONE)
            ledger_note_entry(lg, sqlite3_last_insert_rowid(lg->db));
        sqlite3_reset(s);
    }
    b->n = 0;
    b->len = 0;
    return rc;
}
