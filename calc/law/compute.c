/*
 * rfy_compute(): one case-month, in the order of rules.md §1–5.
 *   §1 coverage → §3 level and segments → §4 deductions and §9 sanctions →
 *   §5 rounding.
 * § 68 a stk. 1 (other income, krone for krone) is applied here directly.
 */
#include <stdio.h>
#include <string.h>

#include "message_hints.h"
#include "fault.h"
#include "rules.h"
#include "xq.h"
#include <rfy/money.h>
#include <rfy/status.h>

void rfy_result_init(rfy_result *r)
{
    memset(r, 0, sizeof *r);
    /* GMP's allocation functions never return NULL (rfy/oom.h): neither may this. */
    r->seg = rfy__xalloc(NULL, 0, RFY_MAX_SEGMENTS * sizeof *r->seg);
    for (int i = 0; i < RFY_MAX_SEGMENTS; i++) {
        mpq_init(r->seg[i].level);
        mpq_init(r->seg[i].amount);
    }
    r->seg_cap = RFY_MAX_SEGMENTS;
    mpq_init(r->stk2_level);
    mpq_init(r->tillaeg);
    mpq_init(r->prior_monthly);
    mpq_init(r->wage_exact);
    mpq_init(r->holiday_uncapped);
    mpq_init(r->holiday_cap);
    mpq_init(r->holiday_exact);
    mpq_init(r->activation_disregard);
    mpq_init(r->activation_exact);
    mpz_init(r->gross);
    mpz_init(r->wage_deduction);
    mpz_init(r->holiday_deduction);
    mpz_init(r->activation_deduction);
    mpz_init(r->other_deduction);
    mpz_init(r->sanction_day_amount);
    mpz_init(r->sanction_period);
    mpz_init(r->sanction_point);
    mpz_init(r->sanction_deduction);
    mpz_init(r->total_deduction);
    mpz_init(r->payment);
    for (int i = 0; i < 3; i++)
        mpq_init(r->scratch_q[i]);
    for (int i = 0; i < 2; i++)
        mpz_init(r->scratch_z[i]);
    rfy_holiday_month_init(&r->holiday);
}

void rfy_result_clear(rfy_result *r)
{
    for (int i = 0; i < r->seg_cap; i++) {
        mpq_clear(r->seg[i].level);
        mpq_clear(r->seg[i].amount);
    }
    rfy__xfree(r->seg, (size_t)r->seg_cap * sizeof *r->seg);
    r->seg = NULL;
    r->seg_cap = 0;
    rfy__rows_scratch_free(r);
    mpq_clear(r->stk2_level);
    mpq_clear(r->tillaeg);
    mpq_clear(r->prior_monthly);
    mpq_clear(r->wage_exact);
    mpq_clear(r->holiday_uncapped);
    mpq_clear(r->holiday_cap);
    mpq_clear(r->holiday_exact);
    mpq_clear(r->activation_disregard);
    mpq_clear(r->activation_exact);
    mpz_clear(r->gross);
    mpz_clear(r->wage_deduction);
    mpz_clear(r->holiday_deduction);
    mpz_clear(r->activation_deduction);
    mpz_clear(r->other_deduction);
    mpz_clear(r->sanction_day_amount);
    mpz_clear(r->sanction_period);
    mpz_clear(r->sanction_point);
    mpz_clear(r->sanction_deduction);
    mpz_clear(r->total_deduction);
    mpz_clear(r->payment);
    for (int i = 0; i < 3; i++)
        mpq_clear(r->scratch_q[i]);
    for (int i = 0; i < 2; i++)
        mpz_clear(r->scratch_z[i]);
    rfy_holiday_month_clear(&r->holiday);
}

/* § 69 j stk. 9–11 apply § 68 a stk. 2–4 to jobafklaringsforløb. */
const char *rfy__wage_ref(rfy_forloeb f)
{
    return f == RFY_FORLOEB_JOBAFKLARING ? "§ 69 j stk. 9" : "§ 68 a stk. 2";
}

const char *rfy__holiday_ref(rfy_forloeb f)
{
    return f == RFY_FORLOEB_JOBAFKLARING ? "§ 69 j stk. 11" : "§ 68 a stk. 4";
}

const char *rfy__activation_ref(rfy_forloeb f)
{
    return f == RFY_FORLOEB_JOBAFKLARING ? "§ 69 j stk. 10" : "§ 68 a stk. 3";
}

int rfy__coverage(const rfy_case *in, rfy_error *err)
{
    rfy_fault *f;
    /* rules.md §1: ressourceforløb exist from 2013-01-01 (lov nr. 1380 af 23.12.2012). */
    if (in->month < RFY_FIRST_MONTH) {
        if ((f = rfy__fault_add(err, RFY_FAULT_BEFORE_RESSOURCEFORLOEB, "month")))
            f->month = in->month;
        rfy__fault_end(err);
        return RFY_ECOVERAGE;
    }
    /* § 69 j: jobafklaringsforløb from 2014-07-01 (lov nr. 720 af 25.6.2014). */
    if (in->forloeb == RFY_FORLOEB_JOBAFKLARING && in->month < RFY_JOBAFKLARING_FIRST_MONTH) {
        if ((f = rfy__fault_add(err, RFY_FAULT_BEFORE_JOBAFKLARING, "month")))
            f->month = in->month;
        rfy__fault_end(err);
        return RFY_ECOVERAGE;
    }
    return RFY_OK;
}

int rfy_compute(rfy_result *res, const rfy_rates *rates, const rfy_case *in, rfy_error *err)
{
    int rc;

    if (err)
        rfy_error_reset(err);
    rfy__rates_forget(res);
    res->flags = 0;
    res->warnings = 0;
    res->category[0] = '\0';
    res->holiday.status = RFY_HOLIDAY_NONE; /* the ledger is the caller's: rfy_holiday_apply() */
    res->month = in->month;
    if ((rc = rfy_case_check(in, err)) != RFY_OK || (rc = rfy__coverage(in, err)) != RFY_OK)
        return rc;
    res->days_in_month = rfy_days_in_month(RFY_MONTH_YEAR(in->month), RFY_MONTH_NUM(in->month));

    /* §3: level and segments */
    if ((rc = rfy__level_stk2(res, rates, in, err)) != RFY_OK ||
        (rc = rfy__level_prior(res, rates, in, err)) != RFY_OK)
        return rc;
    /* §9: sanctions on the row's § 68 stk. 2 level, known from here on */
    rfy__sanction_start(res, in->forloeb);
    if ((rc = rfy__sanction_row(res, rates, in, err)) != RFY_OK)
        return rc;
    rfy__segments(res, in);

    /* §4: deductions (wage and holiday need the exact gross for the holiday cap) */
    return rfy__deductions_and_rounding(res, rates, in, err);
}

/* rules.md §5: an exact amount rounded to whole øre, half away from zero:
 * rfy_round_half_away()'s rule through rfy__xq (the same quotient,
 * remainder and tie; its GMP path for values beyond 64 bits), reading the
 * mpq_t in place instead of a call per column. */
static unsigned round_ore(mpz_t out, const mpq_t exact)
{
    rfy__xq x;
    unsigned flags;
    if (mpz_sgn(mpq_numref(exact)) == 0) { /* most deductions of a month: 0 is 0, exactly */
        rfy__z_set_i64(out, 0);
        return RFY_FLAG_ROUNDED;
    }
    rfy__xq_init(&x);
    rfy__xq_set_q(&x, exact);
    flags = rfy__xq_round_half_away(out, &x, 1);
    rfy__xq_clear(&x);
    return flags;
}

/*
 * rules.md §5 and Decision D5: the whole-øre columns after rounding,
 *   other_deduction = other income (§ 68 a stk. 1),
 *   total_deduction = wage + holiday + activation + other + sanction,
 *   payment = max(0, gross − total_deduction): no deduction carries over.
 * Summed in rfy__xq (machine integers while they fit, GMP beyond).
 */
/* sum += x, a whole number of øre, skipped when x is 0 (most deductions of
 * a month are), as rfy__add_to does for an mpz_t. */
static inline void add_whole(rfy__xq *sum, rfy__xq *term, const mpz_t x)
{
    if (mpz_sgn(x) != 0) {
        rfy__xq_set_z(term, x);
        rfy__xq_add(sum, sum, term);
    }
}

static void totals(rfy_result *res, const mpz_t other)
{
    rfy__xq total, term, pay;
    rfy__xq_init(&total);
    rfy__xq_init(&term);
    rfy__xq_init(&pay);
    rfy__xq_set_z(&total, res->wage_deduction);
    add_whole(&total, &term, res->holiday_deduction);
    add_whole(&total, &term, res->activation_deduction);
    add_whole(&total, &term, other);
    add_whole(&total, &term, res->sanction_deduction);
    rfy__xq_set_z(&pay, res->gross);
    rfy__xq_sub(&pay, &pay, &total);
    if (rfy__xq_sgn(&pay) < 0)
        rfy__xq_set_zero(&pay);
    /* other_deduction = other income, copied (mpz_set's value, in place while it fits) */
    rfy__xq_set_z(&term, other);
    rfy__xq_get_z(res->other_deduction, &term);
    rfy__xq_get_z(res->total_deduction, &total);
    rfy__xq_get_z(res->payment, &pay);
    rfy__xq_clear(&total);
    rfy__xq_clear(&term);
    rfy__xq_clear(&pay);
}

int rfy__deductions_and_rounding(rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                                 rfy_error *err)
{
    int rc;
    mpq_t *gross = &res->scratch_q[0];

    if ((rc = rfy__deduction_wage(res, rates, in, err)) != RFY_OK ||
        (rc = rfy__deduction_activation(res, rates, in, err)) != RFY_OK)
        return rc;
    res->wage_ref = rfy__wage_ref(in->forloeb);
    res->holiday_ref = rfy__holiday_ref(in->forloeb);
    res->activation_ref = rfy__activation_ref(in->forloeb);
    res->other_ref = RFY_OTHER_REF;

    /* §5: each money column rounded once to whole øre, half away from zero;
     * total_deduction is the sum of the rounded deductions, so the breakdown
     * always adds up. */
    res->flags |= round_ore(res->gross, *gross);
    res->flags |= round_ore(res->wage_deduction, res->wage_exact);
    res->flags |= round_ore(res->holiday_deduction, res->holiday_exact);
    res->flags |= round_ore(res->activation_deduction, res->activation_exact);
    /* § 68 a stk. 1: other income krone for krone (already whole øre).
     * rules.md §9: sanctions are whole øre already (whole days × whole kroner,
     * and the punktsanktion as decided) and part of the total; set per row
     * before (rfy__sanction_row). */
    totals(res, in->other_income);
    /* rules.md §2: the weakest provenance among the rate values used */
    res->provenance = res->rate_weakest;
    /* rules.md §2: a result computed with a derived value says so. */
    if (res->provenance == RFY_PROV_DERIVED)
        res->warnings |= RFY_WARN_DERIVED_RATE;
    return RFY_OK;
}
