/*
 * The holiday ledger of rules.md §8 (§ 69 stk. 5, § 68 a stk. 4, BEK nr. 1470
 * af 16.12.2019).  See rfy/holiday.h.  Every count is an exact whole number
 * of thousandths of a calendar day (suffix _m): an mpz_t in the state, an
 * int64_t in a month's ledger (bounded by RFY_HOLIDAY_MAX_M, checked on the
 * way in).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fault.h"
#include "holiday_state.h"
#include "xq.h" /* rfy__z_get_i64 / rfy__z_set_i64: the state read and kept in place */
#include <rfy/calc.h>
#include <rfy/holiday.h>
#include <rfy/status.h>
#include "calc_internal.h"

/* fg_m below is feriedage (hundredths) × 10 × 7/5 in whole thousandths. */
_Static_assert((10 * RFY_FERIEDAG_CAL_DAYS) % RFY_FERIEDAG_WORK_DAYS == 0,
               "feriedage in hundredths × 7/5 must be whole thousandths");

void rfy__holiday_state_init(rfy_holiday_state *st)
{
    st->known = 1;
    st->run_months = 0;
    mpz_init(st->used_m);
    st->last = -1;
}

void rfy__holiday_state_clear(rfy_holiday_state *st)
{
    mpz_clear(st->used_m);
}

rfy_holiday_state *rfy_holiday_state_new(void)
{
    rfy_holiday_state *st = malloc(sizeof *st);
    if (st)
        rfy__holiday_state_init(st);
    return st;
}

void rfy_holiday_state_free(rfy_holiday_state *st)
{
    if (!st)
        return;
    rfy__holiday_state_clear(st);
    free(st);
}

void rfy_holiday_state_reset(rfy_holiday_state *st)
{
    st->known = 1;
    st->run_months = 0;
    mpz_set_ui(st->used_m, 0);
    st->last = -1;
}

int rfy_holiday_state_known(const rfy_holiday_state *st)
{
    return st->known;
}

long rfy_holiday_state_run_months(const rfy_holiday_state *st)
{
    return st->run_months;
}

rfy_month rfy_holiday_state_last(const rfy_holiday_state *st)
{
    return st->last;
}

void rfy_holiday_state_used(mpz_t out, const rfy_holiday_state *st)
{
    mpz_set(out, st->used_m);
}

void rfy_holiday_state_start(rfy_holiday_state *st, long run_months, const mpz_t used_m)
{
    st->known = 1;
    st->run_months = run_months;
    mpz_set(st->used_m, used_m);
    st->last = -1;
}

void rfy_holiday_state_forget(rfy_holiday_state *st, rfy_month month)
{
    st->known = 0;
    st->last = month;
    st->run_months = 0;
    mpz_set_ui(st->used_m, 0);
}

void rfy_holiday_month_init(rfy_holiday_month *h)
{
    memset(h, 0, sizeof *h);
}

void rfy_holiday_month_clear(rfy_holiday_month *h)
{
    (void)h; /* plain values: nothing to free */
}

/* feriedage in hundredths × 10 × 7/5 = thousandths of a calendar day */
#define FG_PER_FERIEDAG_C (10 * RFY_FERIEDAG_CAL_DAYS / RFY_FERIEDAG_WORK_DAYS)

/* RFY_EINPUT with an out-of-range fault on `column` (limit in whole days). */
static int out_of_range(struct rfy_error *err, const char *column, long limit_days)
{
    rfy_fault *f;
    if (err)
        rfy_error_reset(err);
    if ((f = rfy__fault_add(err, RFY_FAULT_OUT_OF_RANGE, column))) {
        rfy__fault_value(f, "?", 1);
        f->limit = limit_days;
    }
    rfy__fault_end(err);
    return RFY_EINPUT;
}

int rfy_holiday_step(rfy_holiday_month *out, rfy_holiday_state *st, rfy_month month,
                     const mpz_t feriedage_c, int ydelse_days, struct rfy_error *err)
{
    int64_t fc, used = 0;
    if (st->last >= 0 && month <= st->last) {
        rfy_fault *f;
        if (err)
            rfy_error_reset(err);
        if ((f = rfy__fault_add(err, RFY_FAULT_HOLIDAY_MONTH_ORDER, "month"))) {
            f->month = month;
            f->other_month = st->last;
        }
        rfy__fault_end(err);
        return RFY_EINPUT;
    }
    /* Every count of the month must fit its int64_t (rfy/holiday.h); the
     * engine's checked inputs are far below these bounds.  (Read in place:
     * a number beyond int64_t is beyond the bound too.) */
    if (!rfy__z_get_i64(feriedage_c, &fc) || fc < 0 || fc > RFY_HOLIDAY_MAX_M / FG_PER_FERIEDAG_C)
        return out_of_range(err, "holiday_days", RFY_HOLIDAY_MAX_M / FG_PER_FERIEDAG_C / 100);
    /* (after a gap the state's days are dropped below, whatever they were) */
    if (!(st->last >= 0 && month > st->last + 1) &&
        (!rfy__z_get_i64(st->used_m, &used) || used < 0 || used > RFY_HOLIDAY_MAX_M))
        return out_of_range(err, "holiday_used_days", RFY_HOLIDAY_MAX_M / 1000);

    out->run_broken = 0;
    /* BEK 1470/2019 § 1: the months are not consecutive when a whole calendar
     * month without receipt comes between them; the count starts again at 0,
     * and the window ends with the run (rules.md §8, Decision).  After such a
     * break the state is certain again, even after a rejected month. */
    if (st->last >= 0 && month > st->last + 1) {
        st->known = 1;
        st->run_months = 0;
        mpz_set_ui(st->used_m, 0);
        used = 0;
        out->run_broken = 1;
    }
    st->last = month;
    if (!st->known) {
        /* rules.md §8 (Decision): a rejected month leaves the state unknown; no guess. */
        out->status = RFY_HOLIDAY_UNKNOWN;
        return RFY_OK;
    }
    out->status = RFY_HOLIDAY_KNOWN;
    out->run_before = st->run_months;
    out->used_before_m = used; /* checked above, or 0 after a gap */

    /* § 69 stk. 5: the right after 12 consecutive receipt months. */
    out->right = out->run_before >= RFY_HOLIDAY_RUN_MONTHS;
    /* § 69 stk. 5: "inden for de efterfølgende 12 måneder": each further 12
     * months of the run open the next window (months 13–24, 25–36, ...);
     * unused days lapse at its end. */
    out->new_window = out->right && out->run_before % RFY_HOLIDAY_RUN_MONTHS == 0;
    if (out->new_window)
        out->used_before_m = 0;
    if (out->right) {
        out->window_from = month - (rfy_month)(out->run_before % RFY_HOLIDAY_RUN_MONTHS);
        out->window_to = out->window_from + RFY_HOLIDAY_RUN_MONTHS - 1;
    } else {
        out->window_from = out->window_to = 0;
    }

    /* § 68 a stk. 4 with Ankestyrelsen 68-15: 5 feriedage = 7 calendar days,
     * so fg = feriedage × 7/5; in thousandths of a day: hundredths × 10 × 7/5
     * = hundredths × 14 (whole: 5 divides 70). */
    out->fg_m = fc * FG_PER_FERIEDAG_C;
    out->ydelse_m = (int64_t)ydelse_days * 1000;

    if (out->right) {
        /* § 69 stk. 5: holiday with feriegodtgørelse is held first, and "den
         * samlede ferie kan højst udgøre 5 uger":
         * allowed = max(0, 35 − used − fg). */
        out->allowed_m = RFY_HOLIDAY_WINDOW_M - out->used_before_m - out->fg_m;
        if (out->allowed_m < 0)
            out->allowed_m = 0;
        /* used_after = min(35, used + fg + ydelse days) */
        out->used_after_m = out->used_before_m + out->fg_m + out->ydelse_m;
        if (out->used_after_m > RFY_HOLIDAY_WINDOW_M)
            out->used_after_m = RFY_HOLIDAY_WINDOW_M;
        /* days_left = 35 − used_after */
        out->days_left_m = RFY_HOLIDAY_WINDOW_M - out->used_after_m;
    } else {
        /* Before the right: no holiday with ydelse is covered; holiday with
         * feriegodtgørelse needs no right (§ 68 a stk. 4, last sentence) and
         * counts against nothing. */
        out->allowed_m = 0;
        out->used_after_m = 0;
        out->days_left_m = 0;
    }
    /* excess = max(0, ydelse days − allowed): reported, never deducted
     * (stopping the ydelse is the kommune's decision, Ankestyrelsen 2017). */
    out->excess_m = out->ydelse_m - out->allowed_m;
    if (out->excess_m < 0)
        out->excess_m = 0;

    /* BEK 1470/2019 § 1: a month of partial receipt counts as a whole month,
     * and so does a month paid 0 because of income (STAR 23.12.2021, section 8). */
    out->run_after = out->run_before + 1;
    st->run_months = out->run_after;
    rfy__z_set_i64(st->used_m, out->used_after_m);
    return RFY_OK;
}

int rfy_holiday_days_format(char *buf, size_t size, const mpz_t days_m, char point)
{
    if (mpz_sgn(days_m) < 0 || mpz_cmp_si(days_m, RFY_HOLIDAY_MAX_M) > 0) {
        if (size)
            buf[0] = '\0';
        return -1;
    }
    return rfy_holiday_days_format_m(buf, size, (int64_t)mpz_get_si(days_m), point);
}

int rfy_holiday_days_format_m(char *buf, size_t size, int64_t days_m, char point)
{
    char tmp[32];
    uint64_t t, whole, frac;
    int n = 0, i, decimals;

    if (days_m == 0 && size > 4) { /* most cells of the batch output: the text below */
        memcpy(buf, "0.00", 5);
        buf[1] = point;
        return 4;
    }
    if (days_m < 0 || days_m > RFY_HOLIDAY_MAX_M) {
        if (size)
            buf[0] = '\0';
        return -1;
    }
    t = (uint64_t)days_m;
    /* two decimals unless the thousandths digit is needed (2,912) */
    decimals = t % 10 == 0 ? 2 : 3;
    frac = decimals == 2 ? t % 1000 / 10 : t % 1000;
    whole = t / 1000;
    for (i = 0; i < decimals; i++, frac /= 10)
        tmp[n++] = (char)('0' + frac % 10);
    tmp[n++] = point;
    do {
        tmp[n++] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole);
    if ((size_t)n >= size) {
        if (size)
            buf[0] = '\0';
        return -1;
    }
    for (i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
    return n;
}

/* What the ledger reads of a case-month (the sums of its period rows). */
typedef struct month_input {
    rfy_month month;
    int has_state;            /* holiday_run_months or holiday_used_days given */
    long run;                 /* holiday_run_months */
    const mpz_t *used_m;      /* holiday_used_days, thousandths */
    const mpz_t *feriedage_c; /* Σ holiday_days, hundredths */
    int ydelse;               /* Σ holiday_ydelse_days */
} month_input;

/* Whether a later month's state columns differ from the carried state (or 0
 * after a gap, which breaks the run); *column names the first that does. */
static int state_differs(const rfy_holiday_state *st, const month_input *in, const char **column)
{
    int gap = in->month > st->last + 1;
    long run = gap ? 0 : st->run_months;
    *column = in->run != run ? "holiday_run_months"
              : gap ? (mpz_sgn(*in->used_m) != 0 ? "holiday_used_days" : NULL)
              : mpz_cmp(*in->used_m, st->used_m) == 0 ? NULL : "holiday_used_days";
    return *column != NULL;
}

static int apply(rfy_result *res, rfy_holiday_state *st, const month_input *in, rfy_error *err)
{
    int rc;
    if (st->last < 0 && st->known) {
        /* rules.md §8: the state comes in with the case's first month (both default to 0). */
        rfy_holiday_state_start(st, in->run, *in->used_m);
    } else if (in->has_state) {
        const char *column = NULL;
        int known = st->known || (st->last >= 0 && in->month > st->last + 1);
        if (!known) {
            /* The caseworker gave the state that a rejected month left unknown. */
            rfy_holiday_state_start(st, in->run, *in->used_m);
        } else if (state_differs(st, in, &column)) {
            char used[24];
            int gap = in->month > st->last + 1;
            rfy_fault *f;
            if (gap || rfy_holiday_days_format(used, sizeof used, st->used_m, ',') < 0)
                snprintf(used, sizeof used, "0,00");
            if (err)
                rfy_error_reset(err);
            if ((f = rfy__fault_add(err, RFY_FAULT_HOLIDAY_STATE_DIFFERS, column))) {
                f->other_month = st->last;
                f->month = in->month;
                f->limit = gap ? 0 : st->run_months;
                rfy__fault_value(f, used, strlen(used));
            }
            rfy__fault_end(err);
            return RFY_EINPUT;
        }
    }
    rc = rfy_holiday_step(&res->holiday, st, in->month, *in->feriedage_c, in->ydelse, err);
    if (rc != RFY_OK)
        return rc;
    /* rules.md §8: excess days are flagged (never deducted); an unknown state
     * is said, not guessed. */
    if (res->holiday.status == RFY_HOLIDAY_UNKNOWN)
        res->warnings |= RFY_WARN_HOLIDAY_STATE_UNKNOWN;
    else if (res->holiday.excess_m > 0)
        res->warnings |= RFY_WARN_HOLIDAY_EXCESS;
    return RFY_OK;
}

int rfy_holiday_apply(rfy_result *res, rfy_holiday_state *st, const rfy_case *in, rfy_error *err)
{
    month_input m = {in->month, in->has_holiday_state, in->holiday_run_months,
                     (const mpz_t *)&in->holiday_used_days, (const mpz_t *)&in->holiday_days,
                     in->holiday_ydelse_days};
    return apply(res, st, &m, err);
}

int rfy_holiday_apply_rows(rfy_result *res, rfy_holiday_state *st, const rfy_case *const *rows,
                           size_t n, rfy_error *err, size_t *at)
{
    month_input m;
    mpz_t feriedage;
    size_t i, first_state = n;
    int rc = RFY_OK;

    if (at)
        *at = 0;
    if (n == 1)
        return rfy_holiday_apply(res, st, rows[0], err);
    mpz_init(feriedage);
    m.month = rows[0]->month;
    m.has_state = 0;
    m.run = 0;
    m.used_m = (const mpz_t *)&rows[0]->holiday_used_days;
    m.ydelse = 0;
    for (i = 0; i < n && rc == RFY_OK; i++) {
        const rfy_case *r = rows[i];
        /* rules.md §7: the month's holiday is the sum over its period rows */
        mpz_add(feriedage, feriedage, r->holiday_days);
        m.ydelse += r->holiday_ydelse_days;
        if (m.ydelse > RFY_MAX_HOLIDAY_YDELSE_DAYS) {
            rfy_fault *f;
            if (err)
                rfy_error_reset(err);
            if ((f = rfy__fault_add(err, RFY_FAULT_HOLIDAY_YDELSE_SUM, "holiday_ydelse_days")))
                f->other = m.ydelse;
            rfy__fault_end(err);
            rc = RFY_EINPUT;
        } else if (r->has_holiday_state && first_state == n) {
            first_state = i;
            m.has_state = 1;
            m.run = r->holiday_run_months;
            m.used_m = (const mpz_t *)&r->holiday_used_days;
        } else if (r->has_holiday_state &&
                   (r->holiday_run_months != m.run ||
                    mpz_cmp(r->holiday_used_days, *m.used_m) != 0)) {
            /* one month, one state: the rows must not disagree */
            if (err)
                rfy_error_reset(err);
            rfy__fault(err, RFY_FAULT_HOLIDAY_STATE_ROWS_DIFFER,
                       r->holiday_run_months != m.run ? "holiday_run_months" : "holiday_used_days",
                       NULL, 0, 0);
            rc = RFY_EINPUT;
        }
        if (rc != RFY_OK && at)
            *at = i;
    }
    if (rc == RFY_OK) {
        m.feriedage_c = (const mpz_t *)&feriedage;
        rc = apply(res, st, &m, err);
    }
    mpz_clear(feriedage);
    return rc;
}
