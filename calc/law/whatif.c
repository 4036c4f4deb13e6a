/*
 * Gain from work (rules.md §11): one point, a table, kept_of_last_krone
 * and the range of a table.  Every point is rfy_compute() on the case with
 * another wage: no rule of §3–§9 is written here.  The break-even wage is
 * in whatif_break_even.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fault.h"
#include "rules.h"
#include <rfy/status.h>
#include <rfy/whatif.h>
#include "whatif_internal.h"

/* The points of a range (opaque in rfy/whatif.h). */
struct rfy_whatif_table {
    rfy_whatif_point *pts; /* cap of them initialised, n computed */
    size_t n, cap;
};

static void point_init(rfy_whatif_point *p)
{
    memset(p, 0, sizeof *p);
    mpz_init(p->hours);
    mpz_init(p->wage);
    mpz_init(p->payment);
    mpz_init(p->deductions);
    mpz_init(p->total);
    mpq_init(p->kept);
}

static void point_clear(rfy_whatif_point *p)
{
    mpz_clear(p->hours);
    mpz_clear(p->wage);
    mpz_clear(p->payment);
    mpz_clear(p->deductions);
    mpz_clear(p->total);
    mpq_clear(p->kept);
}

rfy_whatif_point *rfy_whatif_point_new(void)
{
    rfy_whatif_point *p = malloc(sizeof *p);
    if (p)
        point_init(p);
    return p;
}

void rfy_whatif_point_free(rfy_whatif_point *p)
{
    if (!p)
        return;
    point_clear(p);
    free(p);
}

void rfy_whatif_point_amount(mpz_t out, const rfy_whatif_point *p, rfy_whatif_amount_id which)
{
    switch (which) {
    case RFY_WHATIF_WAGE: mpz_set(out, p->wage); return;
    case RFY_WHATIF_PAYMENT: mpz_set(out, p->payment); return;
    case RFY_WHATIF_DEDUCTIONS: mpz_set(out, p->deductions); return;
    case RFY_WHATIF_TOTAL: mpz_set(out, p->total); return;
    case RFY_WHATIF_HOURS: mpz_set(out, p->hours); return;
    }
    mpz_set_ui(out, 0);
}

int rfy_whatif_point_has_hours(const rfy_whatif_point *p)
{
    return p->has_hours;
}

int rfy_whatif_point_kept(mpq_t out, const rfy_whatif_point *p)
{
    if (!p->has_kept)
        return 0;
    mpq_set(out, p->kept);
    return 1;
}

void rfy__case_copy(rfy_case *to, const rfy_case *from)
{
    to->month = from->month;
    to->category = from->category;
    to->forloeb = from->forloeb;
    to->start_day = from->start_day;
    to->end_day = from->end_day;
    to->children = from->children;
    to->has_child_support = from->has_child_support;
    mpz_set(to->child_support, from->child_support);
    to->prior = from->prior;
    mpz_set(to->prior_amount, from->prior_amount);
    to->prior_unit = from->prior_unit;
    to->has_prior_until = from->has_prior_until;
    to->prior_until = from->prior_until;
    mpz_set(to->wage, from->wage);
    mpz_set(to->holiday_pay, from->holiday_pay);
    mpz_set(to->holiday_days, from->holiday_days);
    mpz_set(to->activation_income, from->activation_income);
    mpz_set(to->activation_hours, from->activation_hours);
    mpz_set(to->other_income, from->other_income);
    to->holiday_ydelse_days = from->holiday_ydelse_days;
    to->has_holiday_state = from->has_holiday_state;
    to->holiday_run_months = from->holiday_run_months;
    mpz_set(to->holiday_used_days, from->holiday_used_days);
    to->sanction_days = from->sanction_days;
    mpz_set(to->sanction_amount, from->sanction_amount);
}

int rfy__whatif_eval(rfy_whatif_point *out, rfy_result *res, const rfy_rates *rates,
                     rfy_case *work, const mpz_t wage, rfy_error *err)
{
    int rc;
    mpz_set(work->wage, wage);
    if ((rc = rfy_compute(res, rates, work, err)) != RFY_OK)
        return rc;
    if (out) {
        out->has_kept = 0;
        out->has_hours = 0;
        mpz_set_ui(out->hours, 0);
        mpz_set(out->wage, wage);
        mpz_set(out->payment, res->payment);
        mpz_set(out->deductions, res->total_deduction);
        mpz_add(out->total, wage, res->payment);
    }
    return RFY_OK;
}

int rfy_whatif_at(rfy_whatif_point *out, rfy_result *res, const rfy_rates *rates,
                  const rfy_case *in, const mpz_t wage, rfy_error *err)
{
    rfy_case work;
    int rc;
    rfy_case_init(&work);
    rfy__case_copy(&work, in);
    rc = rfy__whatif_eval(out, res, rates, &work, wage, err);
    rfy_case_clear(&work);
    return rc;
}

void rfy_whatif_kept(mpq_t out, const rfy_whatif_point *a, const rfy_whatif_point *b)
{
    /* rules.md §11: (w2 + p(w2) − w1 − p(w1)) / (w2 − w1), exact */
    mpz_sub(mpq_numref(out), b->total, a->total);
    mpz_sub(mpq_denref(out), b->wage, a->wage);
    mpq_canonicalize(out);
}

int rfy_whatif_kept_text(char *frac, size_t frac_size, char *pct, size_t pct_size,
                         const mpq_t kept, char point)
{
    if (frac) {
        size_t need = mpz_sizeinbase(mpq_numref(kept), 10) + mpz_sizeinbase(mpq_denref(kept), 10) + 3;
        if (frac_size < need)
            return -1;
        mpq_get_str(frac, 10, kept);
    }
    if (pct) {
        /* display only: kept × 100 % with two decimals = kept × 10000
         * hundredths, rounded half away from zero */
        mpq_t x;
        mpz_t h;
        int n;
        mpq_init(x);
        mpz_init(h);
        mpz_mul_ui(mpq_numref(x), mpq_numref(kept), 10000);
        mpz_set(mpq_denref(x), mpq_denref(kept));
        mpq_canonicalize(x);
        rfy_round_half_away(h, x, 1);
        n = rfy_money_format(pct, pct_size, h, point);
        mpz_clear(h);
        mpq_clear(x);
        if (n < 0)
            return -1;
    }
    return 0;
}

void rfy_whatif_wage_of_hours(mpz_t wage, const mpz_t hours, const mpz_t hourly)
{
    /* Decision (docs/whatif.md): hours (hundredths) × hourly (øre) / 100,
     * rounded half away from zero to whole øre, as a payslip does. */
    mpq_t x;
    mpq_init(x);
    mpz_mul(mpq_numref(x), hours, hourly);
    mpz_set_ui(mpq_denref(x), 100);
    mpq_canonicalize(x);
    rfy_round_half_away(wage, x, 1);
    mpq_clear(x);
}

rfy_whatif_range *rfy_whatif_range_new(void)
{
    rfy_whatif_range *r = malloc(sizeof *r);
    if (!r)
        return NULL;
    memset(r, 0, sizeof *r);
    mpz_init(r->from);
    mpz_init(r->to);
    mpz_init(r->step);
    mpz_init(r->hourly);
    return r;
}

void rfy_whatif_range_free(rfy_whatif_range *r)
{
    if (!r)
        return;
    mpz_clear(r->from);
    mpz_clear(r->to);
    mpz_clear(r->step);
    mpz_clear(r->hourly);
    free(r);
}

int rfy_whatif_range_by_hours(const rfy_whatif_range *r)
{
    return r->by_hours;
}

void rfy_whatif_range_hourly(mpz_t out, const rfy_whatif_range *r)
{
    if (r->by_hours)
        mpz_set(out, r->hourly);
    else
        mpz_set_ui(out, 0);
}

/* The fields of a range, in the order their faults are reported. */
enum { F_WAGE_FROM, F_WAGE_TO, F_STEP, F_HOURLY, F_HOURS_FROM, F_HOURS_TO, F_HOURS_STEP, F_COUNT };
static const char *const RANGE_FIELD[F_COUNT] = {"wage_from",  "wage_to",  "step",      "hourly_wage",
                                                 "hours_from", "hours_to", "hours_step"};

/* One fault of the range (the catalogue words it); returns RFY_EINPUT. */
static int fail(rfy_error *err, rfy_fault_code code, const char *column, const char *value,
                long limit)
{
    return rfy__fault(err, code, column, value, value ? strlen(value) : 0, limit);
}

int rfy_whatif_range_from_fields(rfy_whatif_range *out, size_t *npoints_out,
                                 const rfy_field *fields, size_t n, const rfy_decimal_syntax *amount,
                                 rfy_error *err)
{
    size_t *npoints = &out->npoints; /* also handed out through npoints_out */
    const char *value[F_COUNT] = {0};
    mpz_t *dst[F_COUNT] = {&out->from, &out->to, &out->step, &out->hourly,
                           &out->from, &out->to, &out->step};
    mpz_t span, q, r;
    int wage_form = 0, hour_form = 0, rc = RFY_OK;
    unsigned long max;

    *npoints = 0;
    if (npoints_out)
        *npoints_out = 0;
    rfy_error_reset(err);
    if (!amount)
        amount = &RFY_AMOUNT_DOT;
    for (size_t i = 0; i < n; i++) {
        int k;
        for (k = 0; k < F_COUNT && strcmp(fields[i].name, RANGE_FIELD[k]) != 0; k++)
            ;
        if (k == F_COUNT)
            return fail(err, RFY_FAULT_WHATIF_KEY_UNKNOWN, "", fields[i].name, 0);
        if (value[k])
            return fail(err, RFY_FAULT_COLUMN_TWICE, RANGE_FIELD[k], NULL, 0);
        value[k] = fields[i].value;
        if (k <= F_STEP)
            wage_form = 1;
        else
            hour_form = 1;
    }
    if (wage_form && hour_form)
        return fail(err, RFY_FAULT_WHATIF_RANGE_BOTH, "", NULL, 0);
    if (!wage_form && !hour_form)
        return fail(err, RFY_FAULT_WHATIF_RANGE_REQUIRED, "", NULL, 0);
    out->by_hours = hour_form;
    for (int k = hour_form ? F_HOURLY : F_WAGE_FROM; k <= (hour_form ? F_HOURS_STEP : F_STEP); k++) {
        const char *why;
        if (!value[k])
            return fail(err, RFY_FAULT_REQUIRED, RANGE_FIELD[k], NULL, 0);
        if (rfy_amount_parse(*dst[k], value[k], strlen(value[k]), amount, &why) != RFY_OK) {
            rfy_fault_code code = rfy__number_fault(why);
            return fail(err, code, RANGE_FIELD[k], value[k],
                        code == RFY_FAULT_NUMBER_DECIMALS ? amount->max_decimals
                        : code == RFY_FAULT_NUMBER_TOO_LONG ? RFY_DECIMAL_MAX_CHARS
                                                            : 0);
        }
    }
    /* Plausibility (interface.md): wages up to 9.999.999,99 kr., hours up to 744. */
    max = hour_form ? (unsigned long)RFY_MAX_HOURS_C : (unsigned long)RFY_MAX_AMOUNT_ORE;
    if (hour_form && (mpz_sgn(out->hourly) == 0 || mpz_cmp_ui(out->hourly, RFY_MAX_AMOUNT_ORE) > 0))
        return fail(err, RFY_FAULT_WHATIF_HOURLY_RANGE, "hourly_wage", value[F_HOURLY],
                    RFY_MAX_AMOUNT_ORE);
    if (mpz_cmp_ui(out->to, max) > 0)
        return hour_form ? fail(err, RFY_FAULT_OUT_OF_RANGE, "hours_to", value[F_HOURS_TO],
                                RFY_MAX_HOURS_C / 100)
                         : fail(err, RFY_FAULT_AMOUNT_TOO_LARGE, "wage_to", value[F_WAGE_TO],
                                RFY_MAX_AMOUNT_ORE);
    if (hour_form) {
        /* the wage of the last point must be one rfy accepts */
        int too_big;
        mpz_init(span);
        rfy_whatif_wage_of_hours(span, out->to, out->hourly);
        too_big = mpz_cmp_ui(span, RFY_MAX_AMOUNT_ORE) > 0;
        mpz_clear(span);
        if (too_big)
            return fail(err, RFY_FAULT_WHATIF_HOURS_WAGE_TOO_LARGE, "hours_to", NULL,
                        RFY_MAX_AMOUNT_ORE);
    }
    if (mpz_cmp(out->from, out->to) > 0) {
        rfy_fault *f = rfy__fault_add(err, RFY_FAULT_WHATIF_FROM_ABOVE_TO,
                                      RANGE_FIELD[hour_form ? F_HOURS_FROM : F_WAGE_FROM]);
        if (f)
            f->name = RANGE_FIELD[hour_form ? F_HOURS_TO : F_WAGE_TO];
        rfy__fault_end(err);
        return RFY_EINPUT;
    }
    if (mpz_sgn(out->step) == 0)
        return fail(err, RFY_FAULT_WHATIF_STEP_ZERO, RANGE_FIELD[hour_form ? F_HOURS_STEP : F_STEP],
                    NULL, 0);
    /* points: from, from + step, ... <= to, and `to` when the steps miss it */
    mpz_inits(span, q, r, NULL);
    mpz_sub(span, out->to, out->from);
    mpz_fdiv_qr(q, r, span, out->step);
    /* more than the limit even before `to` is added: say "over the limit" */
    *npoints = mpz_cmp_ui(q, RFY_WHATIF_MAX_POINTS) >= 0
                   ? (size_t)RFY_WHATIF_MAX_POINTS + 1
                   : (size_t)mpz_get_ui(q) + 1 + (mpz_sgn(r) != 0);
    if (*npoints > RFY_WHATIF_MAX_POINTS) {
        rc = fail(err, RFY_FAULT_WHATIF_TOO_MANY_POINTS, RANGE_FIELD[hour_form ? F_HOURS_STEP : F_STEP],
                  NULL, RFY_WHATIF_MAX_POINTS);
    }
    mpz_clears(span, q, r, NULL);
    if (npoints_out)
        *npoints_out = *npoints;
    return rc;
}

rfy_whatif_table *rfy_whatif_table_new(void)
{
    return calloc(1, sizeof(rfy_whatif_table));
}

void rfy_whatif_table_free(rfy_whatif_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->cap; i++)
        point_clear(&t->pts[i]);
    free(t->pts);
    free(t);
}

size_t rfy_whatif_table_count(const rfy_whatif_table *t)
{
    return t->n;
}

const rfy_whatif_point *rfy_whatif_table_point(const rfy_whatif_table *t, size_t i)
{
    return i < t->n ? &t->pts[i] : NULL;
}

/* Room for n points, each initialised (kept for the next call). */
static int table_reserve(rfy_whatif_table *t, size_t n)
{
    rfy_whatif_point *p;
    if (n <= t->cap)
        return RFY_OK;
    if (!(p = realloc(t->pts, n * sizeof *p)))
        return RFY_ENOMEM;
    t->pts = p;
    for (; t->cap < n; t->cap++)
        point_init(&t->pts[t->cap]);
    return RFY_OK;
}

int rfy_whatif_table_compute(rfy_whatif_table *t, const rfy_rates *rates, const rfy_case *in,
                             const rfy_whatif_range *range, rfy_error *err)
{
    rfy_case work;
    rfy_result res;
    mpz_t x, wage;
    rfy_whatif_point *pts;
    size_t npoints = range->npoints;
    int rc;

    t->n = 0;
    if ((rc = table_reserve(t, npoints)) != RFY_OK)
        return rc;
    pts = t->pts;
    rfy_case_init(&work);
    rfy__case_copy(&work, in);
    rfy_result_init(&res);
    mpz_inits(x, wage, NULL);
    mpz_set(x, range->from);
    for (size_t i = 0; i < npoints && rc == RFY_OK; i++) {
        if (i + 1 == npoints)
            mpz_set(x, range->to); /* the last point is `to`, on the steps or not */
        if (range->by_hours)
            rfy_whatif_wage_of_hours(wage, x, range->hourly);
        else
            mpz_set(wage, x);
        rc = rfy__whatif_eval(&pts[i], &res, rates, &work, wage, err);
        if (rc != RFY_OK)
            break;
        pts[i].has_hours = range->by_hours;
        if (range->by_hours)
            mpz_set(pts[i].hours, x);
        /* kept between two points of different wages (hours at a tiny hourly
         * wage can round to the same øre: then nothing is said) */
        if (i > 0 && mpz_cmp(pts[i - 1].wage, pts[i].wage) < 0) {
            rfy_whatif_kept(pts[i].kept, &pts[i - 1], &pts[i]);
            pts[i].has_kept = 1;
        }
        mpz_add(x, x, range->step);
    }
    if (rc == RFY_OK)
        t->n = npoints;
    mpz_clears(x, wage, NULL);
    rfy_result_clear(&res);
    rfy_case_clear(&work);
    return rc;
}
