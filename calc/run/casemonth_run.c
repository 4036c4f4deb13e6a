/*
 * The one case-month runner (rfy/runner.h): how every front end decides a
 * case-month (rules.md §7) and keeps its case's holiday ledger (rules.md §8).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/runner.h>
#include <rfy/status.h>
#include "calc_internal.h"

#include "holiday_state.h"

/* Bad input, a month outside the law's coverage and a missing rate are
 * faults of a row; anything else (memory) stops the run. */
static int row_fault(int rc)
{
    return rc == RFY_EINPUT || rc == RFY_ECOVERAGE || rc == RFY_ENORATE;
}

/* Every row but `bad` (and those with faults of their own) is refused with it. */
static void with_culprit(rfy_rows_conflict *conflict, const rfy_case *const *rows, size_t n,
                         size_t bad)
{
    for (size_t i = 0; i < n; i++) {
        conflict[i].fault = i == bad || !rows[i] ? RFY_ROWS_FINE : RFY_ROWS_WITH_OTHERS;
        conflict[i].other = i == bad || !rows[i] ? RFY_NO_ROW : bad;
    }
}

int rfy_casemonth_compute(rfy_result *res, const rfy_rates *rates, const rfy_case *const *rows,
                          size_t n, rfy_rows_conflict *conflict, rfy_error *err, size_t *at)
{
    size_t i, k = 0;
    int rc;

    *at = RFY_NO_ROW;
    /* 1. a row that cannot be read: the case-month cannot be computed without it */
    for (i = 0; i < n; i++)
        if (!rows[i]) {
            with_culprit(conflict, rows, n, i);
            return RFY_EINPUT;
        }
    /* 2. rules.md §7: too many rows, overlapping days or two forløb types
     * refuse every row (one row alone has nothing to conflict with) */
    if (n > 1 && rfy_rows_check(conflict, rows, n) != RFY_OK)
        return RFY_EINPUT;
    /* 3. the rows computed together; the row the engine refuses takes the others */
    rfy_error_reset(err);
    rc = rfy_compute_rows(res, rates, rows, n, err, &k);
    if (rc == RFY_OK || !row_fault(rc))
        return rc;
    if (err->nfaults == 0 && err->reason[0] == '\0')
        snprintf(err->reason, sizeof err->reason, "%s", rfy_rc_name(rc));
    *at = k;
    with_culprit(conflict, rows, n, k);
    return rc;
}

int rfy_casemonth_holiday(rfy_result *res, rfy_holiday_state *st, const rfy_case *const *rows,
                          size_t n, rfy_error *err, size_t *at)
{
    *at = RFY_NO_ROW;
    if (n == 0)
        return RFY_OK;
    if (rfy_holiday_apply_rows(res, st, rows, n, err, at) == RFY_OK)
        return RFY_OK;
    /* rules.md §8: a refused month leaves the case's state unknown, never guessed */
    rfy_holiday_state_forget(st, rows[0]->month);
    return RFY_EINPUT;
}

/* ---- rfy_casemonth_run ------------------------------------------------------- */

/* qsort: case-month order, then input order (a case-month's rows as given). */
static int by_casemonth(const void *pa, const void *pb)
{
    const rfy_run_row *x = *(const rfy_run_row *const *)pa, *y = *(const rfy_run_row *const *)pb;
    int c = rfy_casemonth_cmp(x->case_id, x->case_id_len, x->month, y->case_id, y->case_id_len,
                              y->month);
    return c ? c : (x > y) - (x < y);
}

/* The state of the case being run: a fresh one when the case changes. */
typedef struct case_state {
    rfy_holiday_state st;
    const char *id;
    size_t len;
    int have;
} case_state;

static rfy_holiday_state *state_of(case_state *cs, const rfy_run_row *r)
{
    if (!cs->have || cs->len != r->case_id_len || memcmp(cs->id, r->case_id, cs->len) != 0) {
        rfy__holiday_state_clear(&cs->st);
        rfy__holiday_state_init(&cs->st);
        cs->id = r->case_id;
        cs->len = r->case_id_len;
        cs->have = 1;
    }
    return &cs->st;
}

/* The faults of the refused case-month g[0..n) into its rows. */
static void refuse(rfy_run_row **g, size_t n, const rfy_rows_conflict *conflict, int rc,
                   const rfy_error *err, size_t at, const char *noun)
{
    for (size_t i = 0; i < n; i++) {
        rfy_run_row *w = g[i];
        const rfy_rows_conflict *k = &conflict[i];
        if (k->fault == RFY_ROWS_FINE) {
            if (i == at) { /* the engine's own faults of this row */
                w->rc = rc;
                w->err = *err;
            }
            continue; /* else its read faults, as given */
        }
        {
            const rfy_run_row *o = k->other == RFY_NO_ROW ? g[0] : g[k->other];
            int quote = k->fault == RFY_ROWS_WITH_OTHERS && k->other != RFY_NO_ROW &&
                        conflict[k->other].fault == RFY_ROWS_FINE;
            w->rc = RFY_EINPUT;
            rfy_rows_reason_named(&w->err, k, noun, o->number, quote ? &o->err : NULL);
        }
    }
}

int rfy_casemonth_run(rfy_run_row *const *rows, size_t n, const rfy_rates *rates, const char *noun,
                      rfy_run_result_fn on_result, void *user)
{
    rfy_run_row **order = malloc((n ? n : 1) * sizeof *order);
    const rfy_case **in = malloc((n ? n : 1) * sizeof *in);
    rfy_rows_conflict *conflict = malloc((n ? n : 1) * sizeof *conflict);
    size_t nkeyed = 0, g0, g1;
    case_state cs;
    rfy_result res;
    rfy_error err;
    int rc = RFY_OK;

    if (!order || !in || !conflict) {
        free(order), free(in), free(conflict);
        return RFY_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        if (rows[i]->keyed)
            order[nkeyed++] = rows[i];
    qsort(order, nkeyed, sizeof *order, by_casemonth);
    memset(&cs, 0, sizeof cs);
    rfy__holiday_state_init(&cs.st);
    rfy_result_init(&res);
    for (g0 = 0; rc == RFY_OK && g0 < nkeyed; g0 = g1) {
        rfy_run_row **g = &order[g0];
        size_t m, at;
        int crc;
        for (g1 = g0 + 1; g1 < nkeyed && rfy_casemonth_cmp(g[0]->case_id, g[0]->case_id_len,
                                                           g[0]->month, order[g1]->case_id,
                                                           order[g1]->case_id_len,
                                                           order[g1]->month) == 0;
             g1++)
            ;
        m = g1 - g0;
        for (size_t i = 0; i < m; i++)
            in[i] = g[i]->rc == RFY_OK ? g[i]->in : NULL;
        crc = rfy_casemonth_compute(&res, rates, in, m, conflict, &err, &at);
        if (crc == RFY_OK &&
            (crc = rfy_casemonth_holiday(&res, state_of(&cs, g[0]), in, m, &err, &at)) != RFY_OK)
            for (size_t i = 0; i < m; i++) { /* the row at fault takes the others */
                conflict[i].fault = i == at ? RFY_ROWS_FINE : RFY_ROWS_WITH_OTHERS;
                conflict[i].other = i == at ? RFY_NO_ROW : at;
            }
        if (crc == RFY_OK) {
            rc = on_result ? on_result(user, (const rfy_run_row *const *)g, m, &res) : RFY_OK;
            continue;
        }
        if (!row_fault(crc)) {
            rc = crc;
            break;
        }
        /* a refused case-month leaves its case's holiday state unknown (rules.md §8);
         * after a holiday fault rfy_casemonth_holiday has said so already */
        rfy_holiday_state_forget(state_of(&cs, g[0]), g[0]->month);
        refuse(g, m, conflict, crc, &err, at, noun);
    }
    rfy_result_clear(&res);
    rfy__holiday_state_clear(&cs.st);
    free(order), free(in), free(conflict);
    return rc;
}
