/*
 * The case-months of the ledger (rules.md §10; rfy/ledger.h): what is
 * stored of a case-month, the holiday state it hands on, and the one stored
 * entry a case-month may have.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/batch.h>
#include "case_from_cells.h"
#include "ledger_internal.h"
#include <rfy/status.h>
#include "calc_internal.h"

void rfy__ledger_stored_init(rfy_ledger_stored *s)
{
    memset(s, 0, sizeof *s);
    mpz_init(s->payment);
}

void rfy__ledger_stored_clear(rfy_ledger_stored *s)
{
    mpz_clear(s->payment);
}

rfy_ledger_stored *rfy_ledger_stored_new(void)
{
    rfy_ledger_stored *s = malloc(sizeof *s);
    if (s)
        rfy__ledger_stored_init(s);
    return s;
}

void rfy_ledger_stored_free(rfy_ledger_stored *s)
{
    if (!s)
        return;
    rfy__ledger_stored_clear(s);
    free(s);
}

int rfy_ledger_stored_found(const rfy_ledger_stored *s)
{
    return s->stored;
}

long long rfy_ledger_stored_run(const rfy_ledger_stored *s)
{
    return s->run;
}

const char *rfy_ledger_stored_run_id(const rfy_ledger_stored *s)
{
    return s->run_id;
}

const char *rfy_ledger_stored_run_time(const rfy_ledger_stored *s)
{
    return s->run_time;
}

void rfy_ledger_stored_payment(mpz_t out, const rfy_ledger_stored *s)
{
    mpz_set(out, s->payment);
}

/* a < b, a == b, a > b: SQLite's order of TEXT (memcmp, then the shorter
 * first), as rfy_casemonth_cmp orders case ids. */
static int id_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
    return rfy_casemonth_cmp(a, alen, 0, b, blen, 0);
}

/* A prepared statement, reset; a look-up goes to the writer thread's
 * reading connection while there is one. */
static sqlite3_stmt *stmt(rfy_ledger *lg, enum ledger_stmt which)
{
    sqlite3_stmt *s = lg->writer ? ledger_writer_stmt(lg, which) : lg->st[which];
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return s;
}

int rfy_ledger_lookup(rfy_ledger *lg, const char *case_id, size_t len, rfy_month month,
                      rfy_ledger_stored *out)
{
    sqlite3_stmt *s;
    int rc;
    if (ledger_flush_case(lg, case_id, len) != RFY_OK)
        return RFY_EIO;
    s = stmt(lg, LS_LOOKUP);
    out->stored = 0;
    mpz_set_ui(out->payment, 0);
    sqlite3_bind_text(s, 1, case_id, (int)len, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, month);
    sqlite3_bind_text(s, 3, lg->time, -1, SQLITE_STATIC); /* a month this run stored: its time */
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        const unsigned char *id = sqlite3_column_text(s, 2), *t = sqlite3_column_text(s, 3);
        out->stored = 1;
        out->entry = sqlite3_column_int64(s, 0);
        out->run = sqlite3_column_int64(s, 1);
        snprintf(out->run_id, sizeof out->run_id, "%s", id ? (const char *)id : "");
        snprintf(out->run_time, sizeof out->run_time, "%s", t ? (const char *)t : "");
        mpz_set_si(out->payment, (long)sqlite3_column_int64(s, 4));
        out->packed = sqlite3_column_int(s, 5);
        rc = SQLITE_DONE;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? RFY_OK
                             : ledger_fail_db(lg, NULL, sqlite3_db_handle(s));
}

/* The two halves of the ledger a case-month may be in (rfy_ledger.gap). */
enum { LEDGER_ROWS, LEDGER_KEYS };

/* Whether case_id lies in half h's known gap (no current case-month there). */
static int in_gap(const rfy_ledger *lg, int h, const char *case_id, size_t len)
{
    const struct ledger_gap *g = &lg->gap[h];
    /* only inside a run: its write lock keeps other runs out */
    return lg->in_run && g->set && id_cmp(g->lo, g->lo_len, case_id, len) < 0 &&
           (g->hi_open || id_cmp(case_id, len, g->hi, g->hi_len) < 0);
}

void ledger_gap_note_put(rfy_ledger *lg, const char *case_id, size_t len)
{
    lg->latest.set = 0; /* a case's latest month may be this one now */
    for (int h = LEDGER_ROWS; h <= LEDGER_KEYS; h++)
        if (in_gap(lg, h, case_id, len)) { /* the gap now starts after it */
            if (len > sizeof lg->gap[h].lo) { /* (an id no key allows: no gap kept) */
                lg->gap[h].set = 0;
                continue;
            }
            memcpy(lg->gap[h].lo, case_id, len);
            lg->gap[h].lo_len = len;
        }
}

/*
 * case_id has no current case-month in half h: find the next case id that
 * has one there, and remember that none between them has (the gap).  The
 * batch asks case by case in this order, so that a run of new cases costs
 * one look-up, not one each (an empty ledger: one in all), and a half that
 * holds few cases (the rows of casemonth, when the rest is packed) is
 * hardly asked at all.  Returns RFY_OK, or RFY_EIO.
 */
static int find_gap(rfy_ledger *lg, int h, const char *case_id, size_t len)
{
    struct ledger_gap *g = &lg->gap[h];
    sqlite3_stmt *s;
    int rc;
    g->set = 0;
    if (!lg->in_run || len > sizeof g->lo)
        return RFY_OK; /* (the id: cannot happen, the key's id was validated) */
    s = stmt(lg, h == LEDGER_ROWS ? LS_NEXT_CASE : LS_NEXT_CASE_PACKED);
    sqlite3_bind_text(s, 1, case_id, (int)len, SQLITE_STATIC);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        const void *next = sqlite3_column_blob(s, 0);
        size_t n = (size_t)sqlite3_column_bytes(s, 0);
        rc = SQLITE_DONE;
        if (sqlite3_column_type(s, 0) == SQLITE_NULL)
            g->hi_open = 1;
        else if (n <= sizeof g->hi) {
            memcpy(g->hi, next, n);
            g->hi_len = n;
            g->hi_open = 0;
        } else
            goto done; /* an id longer than any valid one: no gap kept */
        memcpy(g->lo, case_id, len);
        g->lo_len = len;
        g->set = 1;
    }
done:
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? RFY_OK : ledger_fail_db(lg, NULL, sqlite3_db_handle(s));
}

/*
 * The latest current case-month of a case before month `before` (INT_MAX:
 * any), with its state, into *l (l->set: one was found): a row's latest,
 * then a packed one's, the later counts; a half whose gap holds the case is
 * not asked.  With `learn` (before is INT_MAX), a half with none for the
 * case learns the gap after it.  Returns RFY_OK or RFY_EIO.
 */
static int latest_before(rfy_ledger *lg, const char *case_id, size_t len, rfy_month before,
                         int learn, struct ledger_latest *l)
{
    l->set = 0;
    for (int h = LEDGER_ROWS; h <= LEDGER_KEYS; h++) {
        sqlite3_stmt *s;
        int rc, here = 0;
        if (in_gap(lg, h, case_id, len))
            continue; /* between two cases this half has: none here, nor put by this run */
        s = stmt(lg, h == LEDGER_ROWS ? LS_STATE_BEFORE : LS_STATE_BEFORE_PACKED);
        sqlite3_bind_text(s, 1, case_id, (int)len, SQLITE_STATIC);
        sqlite3_bind_int(s, 2, before);
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            rfy_month m = sqlite3_column_int(s, 0);
            here = 1;
            if (!l->set || m > l->month) {
                l->set = 1;
                l->month = m;
                l->known = sqlite3_column_int(s, 1);
                l->run_months = sqlite3_column_int64(s, 2);
                l->used_m = sqlite3_column_int64(s, 3);
            }
            rc = SQLITE_DONE;
        }
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            return ledger_fail_db(lg, NULL, sqlite3_db_handle(s));
        if (learn && !here && find_gap(lg, h, case_id, len) != RFY_OK)
            return RFY_EIO;
    }
    return RFY_OK;
}

int rfy_ledger_case_latest(rfy_ledger *lg, const char *case_id, size_t len, rfy_month *month,
                           int *found)
{
    struct ledger_latest *l = &lg->latest;
    if (ledger_flush_case(lg, case_id, len) != RFY_OK ||
        latest_before(lg, case_id, len, INT_MAX, 1, l) != RFY_OK) {
        l->set = 0; /* half filled, and its id another case's */
        return RFY_EIO;
    }
    *found = l->set;
    if (l->set)
        *month = l->month;
    /* kept for the state_before of a later month that follows (the batch's next question) */
    if (l->set && lg->in_run && len <= sizeof l->id) {
        memcpy(l->id, case_id, len);
        l->len = len;
    } else
        l->set = 0;
    return RFY_OK;
}

int rfy_ledger_state_before(rfy_ledger *lg, const char *case_id, size_t len, rfy_month month,
                            rfy_holiday_state *st, int *found)
{
    struct ledger_latest here;
    const struct ledger_latest *l = &lg->latest;
    if (ledger_flush_case(lg, case_id, len) != RFY_OK)
        return RFY_EIO;
    /* after the case's latest month: that one (rfy_ledger_case_latest), else ask */
    if (!(l->set && lg->in_run && l->len == len && memcmp(l->id, case_id, len) == 0 &&
          month > l->month)) {
        if (latest_before(lg, case_id, len, month, 0, &here) != RFY_OK)
            return RFY_EIO;
        l = &here;
    }
    *found = l->set;
    if (l->set && l->known) {
        mpz_set_si(st->used_m, (long)l->used_m);
        rfy_holiday_state_start(st, (long)l->run_months, st->used_m);
        st->last = l->month; /* the months after it follow on (or a gap breaks the run) */
    } else if (l->set) {
        rfy_holiday_state_forget(st, l->month); /* rules.md §8: unknown, no guess */
    }
    return RFY_OK;
}

/* Append n bytes to b->text; returns its offset, or (size_t)-1 when out of
 * memory. */
static size_t pend_add(ledger_batch *b, const char *p, size_t n)
{
    size_t at = b->len;
    if (at + n + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 16384;
        while (c < at + n + 1)
            c *= 2;
        char *q = realloc(b->text, c);
        if (!q)
            return (size_t)-1;
        b->text = q;
        b->cap = c;
    }
    memcpy(b->text + at, p, n);
    b->len += n;
    return at;
}

int ledger_flush(rfy_ledger *lg)
{
    if (lg->writer)
        return ledger_writer_stop(lg, 1); /* the rest on this thread */
    lg->last_case_len = 0;
    if (ledger_flush_batch(lg, lg->cur) != SQLITE_DONE)
        return ledger_flush_fail(lg);
    return RFY_OK;
}

void ledger_pending_drop(rfy_ledger *lg)
{
    if (lg->writer)
        ledger_writer_stop(lg, 0);
    lg->cur->n = 0;
    lg->cur->len = 0;
    lg->last_case_len = 0;
}

int ledger_flush_case(rfy_ledger *lg, const char *case_id, size_t len)
{
    const ledger_batch *b = lg->cur;
    /* The batch loop delivers case-months in case order: a case's
     * case-months in flight are the last put, and a case after it has
     * none.  Only a caller asking out of that order (the library's own
     * user) needs the whole batch searched, and never with the writer
     * thread (which runs inside rfy_batch_run only). */
    if (lg->last_case_len == len && memcmp(lg->last_case, case_id, len) == 0)
        return ledger_flush(lg);
    if (lg->writer || b->n == 0 || lg->last_case_len == 0 ||
        id_cmp(case_id, len, lg->last_case, lg->last_case_len) > 0)
        return RFY_OK;
    for (size_t i = 0; i < b->n; i++)
        if (b->pend[i].id_len == len && memcmp(b->pend[i].id, case_id, len) == 0)
            return ledger_flush(lg);
    return RFY_OK;
}

/* A case-month new to the ledger (no stored entry, not a correction run):
 * kept pending, inserted with the next LEDGER_BATCH - 1 (ledger_flush), on
 * the writer thread when there is one. */
static int put_pending(rfy_ledger *lg, const struct rfy_batch_row *row, int decimal_comma,
                       const char *out, size_t len)
{
    const rfy_holiday_month *h = &row->res->holiday;
    ledger_batch *b = lg->cur;
    ledger_pending *p = &b->pend[b->n];
    int known = h->status == RFY_HOLIDAY_KNOWN;
    if (row->case_id_len > sizeof p->id) /* cannot happen: the key's id was validated */
        return ledger_fail(lg, NULL, LM_OUT_OF_MEMORY, lg->path);
    if (b->n == 0)
        b->len = LEDGER_PACK_HEAD(LEDGER_BATCH); /* the pack's head goes there */
    /* the canonical rows straight into the batch's text, the output row
     * after them: the texts lie as the pack holds them */
    p->rows_off = b->len;
    if (!ledger_canonical_rows_at(lg, row, &b->text, &b->cap, b->len, &p->rows_len))
        return ledger_fail(lg, NULL, LM_OUT_OF_MEMORY, lg->path);
    b->len += p->rows_len;
    if ((p->out_off = pend_add(b, out, len)) == (size_t)-1)
        return ledger_fail(lg, NULL, LM_OUT_OF_MEMORY, lg->path);
    memcpy(p->id, row->case_id, row->case_id_len);
    p->id_len = row->case_id_len;
    p->out_len = len;
    p->month = row->in->month;
    p->seq = ++lg->seq;
    p->decimal_comma = decimal_comma;
    p->payment = mpz_get_si(row->res->payment);
    p->known = known;
    p->run_months = known ? h->run_after : 0;
    p->used_m = known ? h->used_after_m : 0;
    if (row->case_id_len <= sizeof lg->last_case) { /* always: the key's id was validated */
        memcpy(lg->last_case, row->case_id, row->case_id_len);
        lg->last_case_len = row->case_id_len;
    }
    if (++b->n < LEDGER_BATCH)
        return RFY_OK;
    if (lg->writer)
        return ledger_writer_send(lg);
    return ledger_flush(lg);
}

/*
 * Take the stored entry `prev` of row's case-month out of the current ones
 * before its successor is inserted (superseded_by 0 for now; rfy_ledger_put
 * points it at the successor).  A packed one is first written out whole
 * into casemonth and its key removed: superseded, never deleted (rules.md
 * §10), and its pack keeps its texts.
 */
static int supersede_first(rfy_ledger *lg, const struct rfy_batch_row *row,
                           const rfy_ledger_stored *prev, char **errmsg)
{
    sqlite3_stmt *s;
    int rc = RFY_OK;
    if (!prev->packed) {
        s = stmt(lg, LS_SUPERSEDE);
        sqlite3_bind_int64(s, 1, prev->entry);
        sqlite3_bind_int64(s, 2, 0);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = ledger_fail_db(lg, errmsg, lg->db);
        sqlite3_reset(s);
        return rc;
    }
    for (int which = LS_UNPACK; rc == RFY_OK && which <= LS_UNKEY; which++) {
        s = stmt(lg, (enum ledger_stmt)which);
        sqlite3_bind_text(s, 1, row->case_id, (int)row->case_id_len, SQLITE_STATIC);
        sqlite3_bind_int(s, 2, row->in->month);
        if (which == LS_UNPACK)
            sqlite3_bind_int64(s, 3, 0);
        if (sqlite3_step(s) != SQLITE_DONE || sqlite3_changes(lg->db) != 1)
            rc = ledger_fail_db(lg, errmsg, lg->db);
        sqlite3_reset(s);
    }
    return rc;
}

int rfy_ledger_put(rfy_ledger *lg, const struct rfy_batch_row *row, int decimal_comma,
                   const char *out, size_t len, char **errmsg)
{
    const rfy_holiday_month *h = &row->res->holiday;
    rfy_ledger_stored prev;
    sqlite3_stmt *s;
    size_t rows_len = 0;
    const char *rows;
    int rc, known = h->status == RFY_HOLIDAY_KNOWN;
    mpz_t corr;

    if (!lg->in_run)
        return ledger_fail(lg, errmsg, LM_NO_RUN, lg->path);
    ledger_gap_note_put(lg, row->case_id, row->case_id_len);
    if (row->ledger && !row->ledger->stored && !lg->corrections && row->nrows != 0) {
        /* the batch loop found none stored: the common case, inserted in batches */
        rc = put_pending(lg, row, decimal_comma, out, len);
        if (rc != RFY_OK && errmsg && !*errmsg)
            *errmsg = strdup(lg->msg);
        return rc;
    }
    if (row->nrows == 0 && lg->later_rows) {
        /* a later month recomputed: its stored rows, stored again */
        rows = lg->later_rows;
        rows_len = strlen(rows);
        decimal_comma = lg->later_comma;
    } else
        rows = ledger_canonical_rows(lg, row, &rows_len);
    if (!rows)
        return ledger_fail(lg, errmsg, LM_OUT_OF_MEMORY, lg->path);
    if (ledger_flush(lg) != RFY_OK) {
        if (errmsg && !*errmsg)
            *errmsg = strdup(lg->msg);
        return RFY_EIO;
    }
    rfy__ledger_stored_init(&prev);
    mpz_init(corr);
    /* the batch loop looked it up already: look again only for a stored one */
    rc = row->ledger && !row->ledger->stored
             ? RFY_OK
             : rfy_ledger_lookup(lg, row->case_id, row->case_id_len, row->in->month, &prev);
    if (rc == RFY_OK && prev.stored && !lg->corrections)
        rc = ledger_fail(lg, errmsg, LM_STORED_TWICE, lg->path);
    if (rc == RFY_OK && prev.stored)
        rc = supersede_first(lg, row, &prev, errmsg);
    if (rc == RFY_OK) {
        s = stmt(lg, LS_INSERT);
        sqlite3_bind_text(s, 1, row->case_id, (int)row->case_id_len, SQLITE_STATIC);
        sqlite3_bind_int(s, 2, row->in->month);
        sqlite3_bind_int64(s, 3, lg->run);
        sqlite3_bind_int64(s, 4, ++lg->seq);
        sqlite3_bind_text(s, 5, "", 0, SQLITE_STATIC); /* the run's (run.rates_id) */
        sqlite3_bind_int(s, 6, decimal_comma);
        sqlite3_bind_text(s, 7, rows, (int)rows_len, SQLITE_STATIC);
        sqlite3_bind_text(s, 8, out, (int)len, SQLITE_STATIC);
        sqlite3_bind_int64(s, 9, mpz_get_si(row->res->payment));
        if (prev.stored) {
            /* rules.md §10: correction = payment − previously_paid */
            mpz_sub(corr, row->res->payment, prev.payment);
            sqlite3_bind_int64(s, 10, mpz_get_si(prev.payment));
            sqlite3_bind_int64(s, 11, mpz_get_si(corr));
            if (mpz_sgn(corr) > 0)
                mpz_add(lg->efter, lg->efter, corr);
            else
                mpz_sub(lg->tilbage, lg->tilbage, corr);
        }
        sqlite3_bind_int(s, 12, known);
        sqlite3_bind_int64(s, 13, known ? h->run_after : 0);
        sqlite3_bind_int64(s, 14, known ? h->used_after_m : 0);
        sqlite3_bind_int(s, 15, row->nrows == 0 ? 1 : 0);
        sqlite3_bind_int64(s, 17, lg->next_id);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = ledger_fail_db(lg, errmsg, lg->db);
        else
            ledger_note_entry(lg, lg->next_id++);
        sqlite3_reset(s);
    }
    if (rc == RFY_OK && prev.stored) {
        /* superseded, never deleted (rules.md §10) */
        s = stmt(lg, LS_SUPERSEDE);
        sqlite3_bind_int64(s, 1, prev.entry);
        sqlite3_bind_int64(s, 2, lg->next_id - 1);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = ledger_fail_db(lg, errmsg, lg->db);
        sqlite3_reset(s);
    }
    mpz_clear(corr);
    rfy__ledger_stored_clear(&prev);
    return rc;
}
