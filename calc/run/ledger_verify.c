/*
 * `rfy ledger verify` (rfy/ledger.h): every current case-month recomputed
 * from its stored rows, the holiday state carried from month to month as a
 * run carries it, and compared with what was stored.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger_internal.h"
#include <rfy/money.h>
#include <rfy/rates.h>
#include <rfy/status.h>
#include "calc_internal.h"

#define VERIFY_ROWS_MAX 64

typedef struct verify_ctx {
    int (*fn)(void *user, const rfy_ledger_difference *d);
    void *user;
    unsigned long differences;
} verify_ctx;

static int report(verify_ctx *v, const char *case_id, rfy_month month, long long run,
                  const char *what, const char *detail, const char *detail_en)
{
    rfy_ledger_difference d = {case_id, month, run, what, detail, detail_en};
    v->differences++;
    return v->fn ? v->fn(v->user, &d) : RFY_OK;
}

int rfy_ledger_verify(rfy_ledger *lg, const struct rfy_rates *rates,
                      int (*fn)(void *user, const rfy_ledger_difference *d), void *user,
                      unsigned long *checked, unsigned long *differences)
{
    /* Two halves, each read in (case_id, month) order by its own index and
     * merged by SQLite (a compound ORDER BY): the current rows of casemonth
     * and the packed case-months (cmkey).  Nothing is sorted. */
    static const char SQL[] =
        "SELECT c.case_id, c.month, c.run, CASE WHEN c.pack IS NULL THEN c.input_rows"
        " ELSE rfy_pack_text(p.id, p.rows, p.size, c.seq - p.first_seq, 0) END, c.decimal_comma,"
        " c.payment, c.holiday_known, c.holiday_run_months, c.holiday_used_m, "
        LEDGER_RATES_ID_SQL ", c.origin FROM casemonth c JOIN run r ON r.id = c.run"
        " LEFT JOIN rowpack p ON p.id = c.pack WHERE c.superseded_by IS NULL"
        " UNION ALL"
        " SELECT k.case_id, k.month, q.run, " LPF_("q", "k", 0) ", " LPF_("q", "k", 6) ", "
        LPF_("q", "k", 2) ", " LPF_("q", "k", 3) ", " LPF_("q", "k", 4) ", " LPF_("q", "k", 5)
        ", coalesce(r.rates_id, ''), 0 FROM cmkey k JOIN cmpack q ON q.id = k.pack"
        " JOIN run r ON r.id = q.run"
        " ORDER BY 1, 2";
    sqlite3_stmt *s = NULL;
    rfy_case cases[VERIFY_ROWS_MAX];
    rfy_result res;
    rfy_holiday_state st;
    rfy_error err;
    verify_ctx v = {fn, user, 0};
    char *prev_case = NULL, detail[256], detail_en[256];
    const char *tables = rfy_rates_id(rates);
    int rc = RFY_OK, step = SQLITE_DONE;
    mpz_t used;

    *checked = 0;
    if (sqlite3_prepare_v2(lg->db, SQL, -1, &s, NULL) != SQLITE_OK)
        return ledger_fail_db(lg, NULL, lg->db);
    for (size_t i = 0; i < VERIFY_ROWS_MAX; i++)
        rfy_case_init(&cases[i]);
    rfy_result_init(&res);
    rfy__holiday_state_init(&st);
    mpz_init(used);
    while (rc == RFY_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(s, 0);
        rfy_month month = sqlite3_column_int(s, 1);
        long long run = sqlite3_column_int64(s, 2), payment = sqlite3_column_int64(s, 5);
        int known = sqlite3_column_int(s, 6), origin = sqlite3_column_int(s, 10);
        long run_months = (long)sqlite3_column_int64(s, 7);
        const char *rid = (const char *)sqlite3_column_text(s, 9);
        size_t n;
        mpz_set_si(used, (long)sqlite3_column_int64(s, 8));
        if (!prev_case || strcmp(prev_case, id) != 0) {
            /* a new case: its first month takes the state its rows gave */
            free(prev_case);
            if (!(prev_case = strdup(id))) {
                rc = ledger_fail(lg, NULL, LM_OUT_OF_MEMORY, lg->path);
                break;
            }
            rfy__holiday_state_clear(&st);
            rfy__holiday_state_init(&st);
        }
        if (origin == 2) { /* imported: nothing to recompute; its state carries on */
            if (known) {
                rfy_holiday_state_start(&st, run_months, used);
                st.last = month;
            } else
                rfy_holiday_state_forget(&st, month);
            continue;
        }
        ++*checked;
        if (rid && tables && strcmp(rid, tables) != 0) {
            snprintf(detail, sizeof detail, "gemt med rates_id %s, genberegnet med %s", rid, tables);
            snprintf(detail_en, sizeof detail_en, "stored with rates_id %s, recomputed with %s", rid,
                     tables);
            rc = report(&v, id, month, run, "rates_id", detail, detail_en);
        }
        rc = rc != RFY_OK ? rc
                          : ledger_compute_stored(&res, cases, VERIFY_ROWS_MAX, &n, rates,
                                                  (const char *)sqlite3_column_text(s, 3),
                                                  sqlite3_column_int(s, 4), &st, &err);
        if (rc == RFY_EINPUT || rc == RFY_ENORATE || rc == RFY_ECOVERAGE) {
            char words[200];
            snprintf(detail, sizeof detail, "%s%s%s", err.column, *err.column ? ": " : "",
                     err.reason);
            rfy_error_text(words, sizeof words, &err, RFY_LANG_EN);
            snprintf(detail_en, sizeof detail_en, "%s%s%s", err.column, *err.column ? ": " : "",
                     words);
            rc = report(&v, id, month, run, "input", detail, detail_en);
            rfy_holiday_state_forget(&st, month);
            continue;
        }
        if (rc != RFY_OK)
            break;
        if (mpz_cmp_si(res.payment, (long)payment) != 0) {
            char a[40], b[40];
            mpz_t p;
            mpz_init_set_si(p, (long)payment);
            rfy_money_format(a, sizeof a, p, '.');
            rfy_money_format(b, sizeof b, res.payment, '.');
            mpz_clear(p);
            snprintf(detail, sizeof detail, "gemt %s, genberegnet %s", a, b);
            snprintf(detail_en, sizeof detail_en, "stored %s, recomputed %s", a, b);
            rc = report(&v, id, month, run, "payment", detail, detail_en);
        }
        {
            const rfy_holiday_month *h = &res.holiday;
            int k = h->status == RFY_HOLIDAY_KNOWN;
            if (rc == RFY_OK && (k != known || (k && (h->run_after != run_months ||
                                                      mpz_cmp_si(used, (long)h->used_after_m) != 0)))) {
                char a[24] = "?", b[24] = "?";
                if (known)
                    rfy_holiday_days_format(a, sizeof a, used, '.');
                if (k)
                    rfy_holiday_days_format_m(b, sizeof b, h->used_after_m, '.');
                snprintf(detail, sizeof detail,
                         "gemt %ld måneder, %s dage; genberegnet %ld måneder, %s dage",
                         known ? run_months : 0L, a, k ? h->run_after : 0L, b);
                snprintf(detail_en, sizeof detail_en,
                         "stored %ld months, %s days; recomputed %ld months, %s days",
                         known ? run_months : 0L, a, k ? h->run_after : 0L, b);
                rc = report(&v, id, month, run, "holiday", detail, detail_en);
            }
        }
    }
    if (rc == RFY_OK && step != SQLITE_DONE)
        rc = ledger_fail_db(lg, NULL, lg->db);
    sqlite3_finalize(s);
    free(prev_case);
    mpz_clear(used);
    rfy__holiday_state_clear(&st);
    rfy_result_clear(&res);
    for (size_t i = 0; i < VERIFY_ROWS_MAX; i++)
        rfy_case_clear(&cases[i]);
    *differences = v.differences;
    return rc;
}
