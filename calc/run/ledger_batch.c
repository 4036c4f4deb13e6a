/*
 * Inserting a batch of pending case-months (ledger_internal.h): a full
 * batch as one pack (cmpack) and one multi-row INSERT of its keys (cmkey),
 * the rest one row of casemonth at a time.  Called by the run's own thread (ledger_store.c) and by the writer
 * thread (ledger_writer.c); it calls neither, so calls between the ledger's
 * files only go down.
 */
#include "ledger_internal.h"

/* Bind pending case-month p of batch b to the single-row LS_INSERT: its
 * texts in place, nothing paid before, a row of the run's file. */
static void bind_one(rfy_ledger *lg, const ledger_batch *b, sqlite3_stmt *s,
                     const ledger_pending *p)
{
    const char *t = b->text;
    sqlite3_bind_text(s, 1, p->id, (int)p->id_len, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, p->month);
    sqlite3_bind_int64(s, 3, lg->run);
    sqlite3_bind_int64(s, 4, p->seq);
    sqlite3_bind_text(s, 5, "", 0, SQLITE_STATIC); /* the run's (run.rates_id) */
    sqlite3_bind_int(s, 6, p->decimal_comma);
    sqlite3_bind_text(s, 7, t + p->rows_off, (int)p->rows_len, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, t + p->out_off, (int)p->out_len, SQLITE_STATIC);
    sqlite3_bind_int64(s, 9, p->payment);
    sqlite3_bind_null(s, 10);
    sqlite3_bind_null(s, 11);
    sqlite3_bind_int(s, 12, p->known);
    sqlite3_bind_int64(s, 13, p->run_months);
    sqlite3_bind_int64(s, 14, p->used_m);
    sqlite3_bind_int(s, 15, 0);
    sqlite3_bind_null(s, 16);
    sqlite3_bind_int64(s, 17, lg->next_id);
}

/* Whether b's case-months are numbered one after the other (a pack finds
 * its case-months by seq): always, as put_pending numbers them. */
static int seqs_follow_on(const ledger_batch *b)
{
    for (size_t i = 1; i < b->n; i++)
        if (b->pend[i].seq != b->pend[0].seq + (long long)i)
            return 0;
    return 1;
}

/* A full batch: its values and texts as one row of cmpack, then a cmkey
 * row for each case-month with one statement (ledger_pack_insert_sql: ?1
 * the pack, then LEDGER_PACKED_PARAMS a case-month).  The pack's id is the
 * entry id of its slot 0, its case-months' ids follow on. */
/* 1 when a case-month of b is a current row of casemonth already (the
 * run's own checks make it impossible; a pack must never make it two), 0
 * when none is, or the SQLite code as -code.  One look-up of the batch's
 * range of case ids (in key order), and one a case-month only when a row
 * lies in that range. */
static int pack_clashes(rfy_ledger *lg, const ledger_batch *b)
{
    sqlite3_stmt *s = lg->st[LS_ROWS_BETWEEN];
    const ledger_pending *first = &b->pend[0], *last = &b->pend[b->n - 1];
    int rc, found = 0;
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, first->id, (int)first->id_len, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, last->id, (int)last->id_len, SQLITE_STATIC);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? 0 : -rc;
    s = lg->st[LS_ROW_CURRENT];
    for (size_t i = 0; i < b->n && !found; i++) {
        sqlite3_reset(s);
        sqlite3_bind_text(s, 1, b->pend[i].id, (int)b->pend[i].id_len, SQLITE_STATIC);
        sqlite3_bind_int(s, 2, b->pend[i].month);
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            found = 1;
        else if (rc != SQLITE_DONE) {
            sqlite3_reset(s);
            return -rc;
        }
    }
    sqlite3_reset(s);
    return found;
}

static int insert_packed(rfy_ledger *lg, ledger_batch *b)
{
    sqlite3_stmt *s = lg->insert_pack;
    long long pack = lg->next_id;
    int rc = pack_clashes(lg, b);
    if (rc != 0) {
        lg->clash = rc > 0;
        return rc > 0 ? LEDGER_CLASH : -rc;
    }
    if (ledger_pack_build(&b->pack, b) != 0)
        return SQLITE_NOMEM;
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, lg->run);
    sqlite3_bind_int64(s, 2, b->pend[0].seq);
    sqlite3_bind_int(s, 3, (int)b->n);
    sqlite3_bind_int64(s, 4, (sqlite3_int64)b->pack.size);
    sqlite3_bind_blob(s, 5, b->pack.packed, (int)b->pack.packed_len, SQLITE_STATIC);
    sqlite3_bind_int64(s, 6, pack);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return rc;
    s = lg->insert_batch;
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, pack);
    for (size_t i = 0; i < b->n; i++) {
        const ledger_pending *p = &b->pend[i];
        int k = 1 + (int)i * LEDGER_PACKED_PARAMS;
        sqlite3_bind_text(s, k + 1, p->id, (int)p->id_len, SQLITE_STATIC);
        sqlite3_bind_int(s, k + 2, p->month);
    }
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc == SQLITE_DONE) {
        ledger_note_entry(lg, pack);
        ledger_note_entry(lg, pack + (long long)b->n - 1);
        lg->next_id += (long long)b->n;
    }
    return rc;
}

int ledger_flush_fail(rfy_ledger *lg)
{
    if (lg->clash)
        return ledger_fail(lg, NULL, LM_STORED_TWICE, lg->path);
    return ledger_fail_db(lg, NULL, lg->db);
}

int ledger_flush_batch(rfy_ledger *lg, ledger_batch *b)
{
    size_t i = 0;
    int rc = SQLITE_DONE;
    if (b->n == LEDGER_BATCH && seqs_follow_on(b)) {
        rc = insert_packed(lg, b);
        i = b->n;
    }
    for (; i < b->n && rc == SQLITE_DONE; i++) {
        sqlite3_stmt *s = lg->st[LS_INSERT];
        sqlite3_reset(s);
        bind_one(lg, b, s, &b->pend[i]);
        rc = sqlite3_step(s);
        if (rc == SQLITE_DONE)
            ledger_note_entry(lg, lg->next_id++);
        sqlite3_reset(s);
    }
    b->n = 0;
    b->len = 0;
    return rc;
}
