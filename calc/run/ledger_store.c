/*
 * The case-months of the ledger (rules.md §10; rfy/ledger.h): what is
 * stored of a case-month, the holiday state it hands on, and the one stored
 * entry a case-month may have.
 */
#include <stdlib.h>
#include <string.h>

#include <rfy/batch.h>
#include "case_from_cells.h"
#include "ledger_internal.h"
#include <rfy/status.h>

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

static sqlite3_stmt *stmt(rfy_ledger *lg, enum ledger_stmt which)
{
    sqlite3_stmt *s = lg->st[which];
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return s;
}

int rfy_ledger_lookup(rfy_ledger *lg, const char *case_id, size_t len, rfy_month month,
                      rfy_ledger_stored *out)
{
    sqlite3_stmt *s = stmt(lg, LS_LOOKUP);
    int rc;
    out->stored = 0;
    mpz_set_ui(out->payment, 0);
    sqlite3_bind_text(s, 1, case_id, (int)len, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, month);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        const unsigned char *id = sqlite3_column_text(s, 2), *t = sqlite3_column_text(s, 3);
        out->stored = 1;
        out->entry = sqlite3_column_int64(s, 0);
        out->run = sqlite3_column_int64(s, 1);
        snprintf(out->run_id, sizeof out->run_id, "%s", id ? (const char *)id : "");
        snprintf(out->run_time, sizeof out->run_time, "%s", t ? (const char *)t : "");
        mpz_set_si(out->payment, (long)sqlite3_column_int64(s, 4));
        rc = SQLITE_DONE;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? RFY_OK : ledger_fail(lg, NULL, "ledger: %s", sqlite3_errmsg(lg->db));
}

int rfy_ledger_case_latest(rfy_ledger *lg, const char *case_id, size_t len, rfy_month *month,
                           int *found)
{
    sqlite3_stmt *s = stmt(lg, LS_CASE_LATEST);
    int rc;
    *found = 0;
    sqlite3_bind_text(s, 1, case_id, (int)len, SQLITE_STATIC);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        if (sqlite3_column_type(s, 0) != SQLITE_NULL) {
            *found = 1;
            *month = sqlite3_column_int(s, 0);
        }
        rc = SQLITE_DONE;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? RFY_OK : ledger_fail(lg, NULL, "ledger: %s", sqlite3_errmsg(lg->db));
}

int rfy_ledger_state_before(rfy_ledger *lg, const char *case_id, size_t len, rfy_month month,
                            rfy_holiday_state *st, int *found)
{
    sqlite3_stmt *s = stmt(lg, LS_STATE_BEFORE);
    int rc;
    *found = 0;
    sqlite3_bind_text(s, 1, case_id, (int)len, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, month);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        rfy_month last = sqlite3_column_int(s, 0);
        *found = 1;
        if (sqlite3_column_int(s, 1)) {
            mpz_set_si(st->used_m, (long)sqlite3_column_int64(s, 3));
            rfy_holiday_state_start(st, (long)sqlite3_column_int64(s, 2), st->used_m);
            st->last = last; /* the months after it follow on (or a gap breaks the run) */
        } else {
            rfy_holiday_state_forget(st, last); /* rules.md §8: unknown, no guess */
        }
        rc = SQLITE_DONE;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? RFY_OK : ledger_fail(lg, NULL, "ledger: %s", sqlite3_errmsg(lg->db));
}

/* Append n bytes to a growing buffer.  Returns 0, or -1 when out of memory. */
static int put_bytes(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = *cap ? *cap : 512;
        while (c < *len + n + 1)
            c *= 2;
        char *p = realloc(*buf, c);
        if (!p)
            return -1;
        *buf = p;
        *cap = c;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return 0;
}

/*
 * The canonical input rows of a case-month: one CSV line per period row,
 * every input column in rfy's order (case_column), each cell as given, so
 * that the case-month can be read again with rfy_case_from_fields()
 * whatever the file's header names, column order or delimiter were.
 */
static char *canonical_rows(rfy_ledger *lg, const rfy_batch_row *row, size_t *outlen)
{
    char cell[2 * 1024 + 3];
    size_t len = 0;
    char **bufp = &lg->rows_buf;
    size_t *capp = &lg->rows_cap;
    for (size_t i = 0; i < row->nrows; i++) {
        if (rfy_batch_row_is_payment(row, i))
            continue;
        for (int col = 0; col < CASE_COL_COUNT; col++) {
            size_t n;
            const char *v = rfy__batch_row_input_cell(row, i, (case_column)col, &n);
            int k = n <= 1024 ? rfy_csv_format_field(cell, sizeof cell, v, n, ',', 0) : -1;
            if (k < 0 || (col && put_bytes(bufp, &len, capp, ",", 1) != 0) ||
                put_bytes(bufp, &len, capp, cell, (size_t)k) != 0)
                return NULL;
        }
        if (put_bytes(bufp, &len, capp, "\n", 1) != 0)
            return NULL;
    }
    if (put_bytes(bufp, &len, capp, "", 0) != 0) /* a case-month of payment lines only */
        return NULL;
    *outlen = len;
    return *bufp;
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
        return ledger_fail(lg, errmsg, "ledger %s: no run started", lg->path);
    if (row->nrows == 0 && lg->later_rows) {
        /* a later month recomputed: its stored rows, stored again */
        rows = lg->later_rows;
        rows_len = strlen(rows);
        decimal_comma = lg->later_comma;
    } else
        rows = canonical_rows(lg, row, &rows_len);
    if (!rows)
        return ledger_fail(lg, errmsg, "ledger %s: out of memory", lg->path);
    rfy__ledger_stored_init(&prev);
    mpz_init(corr);
    /* the batch loop looked it up already: look again only for a stored one */
    rc = row->ledger && !row->ledger->stored
             ? RFY_OK
             : rfy_ledger_lookup(lg, row->case_id, row->case_id_len, row->in->month, &prev);
    if (rc == RFY_OK && prev.stored && !lg->corrections)
        rc = ledger_fail(lg, errmsg, "ledger %s: case-month stored twice", lg->path);
    if (rc == RFY_OK && prev.stored) {
        /* out of the unique current index first; pointed at its successor below */
        s = stmt(lg, LS_SUPERSEDE);
        sqlite3_bind_int64(s, 1, prev.entry);
        sqlite3_bind_int64(s, 2, 0);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = ledger_fail(lg, errmsg, "ledger %s: %s", lg->path, sqlite3_errmsg(lg->db));
        sqlite3_reset(s);
    }
    if (rc == RFY_OK) {
        s = stmt(lg, LS_INSERT);
        sqlite3_bind_text(s, 1, row->case_id, (int)row->case_id_len, SQLITE_STATIC);
        sqlite3_bind_int(s, 2, row->in->month);
        sqlite3_bind_int64(s, 3, lg->run);
        sqlite3_bind_int64(s, 4, ++lg->seq);
        sqlite3_bind_text(s, 5, lg->rates_id, -1, SQLITE_STATIC);
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
        sqlite3_bind_int64(s, 14, known ? mpz_get_si(h->used_after_m) : 0);
        sqlite3_bind_int(s, 15, row->nrows == 0 ? 1 : 0);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = ledger_fail(lg, errmsg, "ledger %s: %s", lg->path, sqlite3_errmsg(lg->db));
        else
            ledger_note_entry(lg, sqlite3_last_insert_rowid(lg->db));
        sqlite3_reset(s);
    }
    if (rc == RFY_OK && prev.stored) {
        /* superseded, never deleted (rules.md §10) */
        s = stmt(lg, LS_SUPERSEDE);
        sqlite3_bind_int64(s, 1, prev.entry);
        sqlite3_bind_int64(s, 2, sqlite3_last_insert_rowid(lg->db));
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = ledger_fail(lg, errmsg, "ledger %s: %s", lg->path, sqlite3_errmsg(lg->db));
        sqlite3_reset(s);
    }
    mpz_clear(corr);
    rfy__ledger_stored_clear(&prev);
    return rc;
}
