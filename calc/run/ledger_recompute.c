/*
 * Case-months recomputed from what the ledger stored (rules.md §10): the
 * later months of a corrected case, and `rfy ledger verify`.  The stored
 * rows are read by the same engine functions a batch file is read by
 * (rfy_case_from_fields, rfy_compute_rows, rfy_holiday_apply_rows).
 */
#include <stdlib.h>
#include <string.h>

#include "case_from_cells.h"
#include "fault.h"
#include "ledger_internal.h"
#include <rfy/casemonth.h>
#include <rfy/csv.h>
#include <rfy/input.h>
#include <rfy/status.h>
#include "calc_internal.h"

/* Most period rows of one case-month (rfy/casemonth.h). */
#define STORED_ROWS_MAX 64

typedef struct read_ctx {
    rfy_case *cases;
    size_t max, n;
    const rfy_decimal_syntax *amount;
    rfy_error *err;
    int rc;
    int carried;          /* a state comes from the month before: the rows' own is not read */
} read_ctx;

static int read_row(void *user, const rfy_csv_record *rec)
{
    read_ctx *c = user;
    rfy_field f[CASE_COL_COUNT];
    size_t k = 0;
    if (c->n >= c->max || rec->nfields != CASE_COL_COUNT) {
        rfy_error_reset(c->err);
        rfy__fault(c->err, RFY_FAULT_LEDGER_ROWS_FORM, "", NULL, 0, 0);
        c->rc = RFY_EINPUT;
        return 1;
    }
    for (int col = 0; col < CASE_COL_COUNT; col++)
        if (rec->len[col]) /* an empty cell is a field not given */
            f[k++] = (rfy_field){case_column_name((case_column)col), rec->field[col]};
    c->rc = rfy_case_from_fields(&c->cases[c->n], f, k, c->amount, c->err);
    if (c->rc != RFY_OK)
        return 1;
    if (c->carried)
        c->cases[c->n].has_holiday_state = 0; /* the ledger carries the state */
    c->n++;
    return 0;
}

int ledger_compute_stored(rfy_result *res, rfy_case *cases, size_t max, size_t *n,
                          const rfy_rates *rates, const char *rows, int comma,
                          rfy_holiday_state *st, rfy_error *err)
{
    read_ctx c = {cases, max, 0, comma ? &RFY_AMOUNT_COMMA : &RFY_AMOUNT_DOT, err, RFY_OK,
                  st->last >= 0};
    const rfy_case *p[STORED_ROWS_MAX];
    int rc = rfy_csv_read_buffer(rows, strlen(rows), ',', read_row, &c, NULL);
    *n = c.n;
    if (c.rc != RFY_OK)
        return c.rc;
    if (rc != RFY_OK || c.n == 0 || c.n > STORED_ROWS_MAX) {
        rfy_error_reset(err);
        rfy__fault(err, RFY_FAULT_LEDGER_ROWS_UNREADABLE, "", NULL, 0, 0);
        return RFY_EINPUT;
    }
    for (size_t i = 0; i < c.n; i++)
        p[i] = &cases[i];
    if ((rc = rfy_compute_rows(res, rates, p, c.n, err, NULL)) != RFY_OK)
        return rc;
    return rfy_holiday_apply_rows(res, st, p, c.n, err, NULL);
}

/* A later stored month as read: its rows and what was stored of its result. */
typedef struct later_row {
    char *rows;
    int comma, known;
    long long payment, run, used;
} later_row;

int ledger_recompute_later(rfy_ledger *lg, const char *case_id, size_t len, rfy_month after,
                           rfy_holiday_state *st, int (*fn)(void *user, const ledger_later *l),
                           void *user)
{
    sqlite3_stmt *s = lg->st[LS_LATER];
    rfy_case cases[STORED_ROWS_MAX];
    rfy_result res;
    rfy_error err;
    ledger_later l;
    int rc = RFY_OK, step;

    /* the walk stores rows while it reads: read the later months first */
    later_row *v = NULL;
    size_t nv = 0, cap = 0;
    if (ledger_flush(lg) != RFY_OK) /* the run's case-months first */
        return RFY_EIO;
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, case_id, (int)len, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, after);
    sqlite3_bind_text(s, 3, lg->rates_id ? lg->rates_id : "", -1, SQLITE_STATIC); /* this run's months */
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        if (nv == cap) {
            later_row *nvv = realloc(v, (cap = cap ? 2 * cap : 8) * sizeof *v);
            if (!nvv) { step = SQLITE_NOMEM; break; }
            v = nvv;
        }
        v[nv] = (later_row){strdup((const char *)sqlite3_column_text(s, 3)),
                            sqlite3_column_int(s, 2), sqlite3_column_int(s, 6),
                            sqlite3_column_int64(s, 5), sqlite3_column_int64(s, 7),
                            sqlite3_column_int64(s, 8)};
        if (!v[nv].rows) { step = SQLITE_NOMEM; break; }
        nv++;
    }
    sqlite3_reset(s);
    if (step != SQLITE_DONE)
        rc = ledger_fail_db(lg, NULL, lg->db);

    for (size_t i = 0; i < STORED_ROWS_MAX; i++)
        rfy_case_init(&cases[i]);
    rfy_result_init(&res);
    mpz_inits(l.previously_paid, l.correction, NULL);
    for (size_t i = 0; rc == RFY_OK && i < nv; i++) {
        size_t n = 0;
        const rfy_holiday_month *h = &res.holiday;
        rc = ledger_compute_stored(&res, cases, STORED_ROWS_MAX, &n, lg->rates, v[i].rows,
                                   v[i].comma, st, &err);
        if (rc != RFY_OK) {
            ledger_fail(lg, NULL, LM_NO_LONGER_COMPUTES, lg->path, (int)len, case_id, err.reason);
            break;
        }
        int known = h->status == RFY_HOLIDAY_KNOWN;
        if (mpz_cmp_si(res.payment, (long)v[i].payment) == 0 && known == v[i].known &&
            (!known || (h->run_after == v[i].run && h->used_after_m == (int64_t)v[i].used)))
            break; /* unchanged: so is everything after it */
        l.case_id = case_id;
        l.case_id_len = len;
        l.in = &cases[0];
        l.res = &res;
        mpz_set_si(l.previously_paid, (long)v[i].payment);
        mpz_sub(l.correction, res.payment, l.previously_paid);
        lg->later_rows = v[i].rows;
        lg->later_comma = v[i].comma;
        rc = fn(user, &l);
        lg->later_rows = NULL;
    }
    mpz_clears(l.previously_paid, l.correction, NULL);
    rfy_result_clear(&res);
    for (size_t i = 0; i < STORED_ROWS_MAX; i++)
        rfy_case_clear(&cases[i]);
    for (size_t i = 0; i < nv; i++)
        free(v[i].rows);
    free(v);
    return rc;
}
