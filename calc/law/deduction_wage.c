/*
 * § 68 a stk. 2 (wage incl. pension) and § 68 a stk. 4 (holiday pay);
 * § 69 j stk. 9 and 11 for jobafklaringsforløb.
 */
#include "rules.h"
#include <rfy/status.h>

/*
 * W(x): the wage deduction for a month's wage x (øre), threshold T.
 *   ressourceforløb up to 2021-12 and jobafklaring (§ 69 j stk. 9):
 *       30 % of min(x, T) + 55 % of max(0, x − T)      (§ 68 a stk. 2, LBK 981/2019)
 *   ressourceforløb from 2022-01 (lov nr. 1160 af 8.6.2021):
 *       55 % of max(0, x − T)
 * T is not prorated in part months (rules.md §4, Decision D3).
 */
static void wage_rule(mpq_t out, const mpz_t x, const mpz_t t, int only_55, mpz_t tmp)
{
    /* out = (30 × min(x, T) + 55 × max(0, x − T)) / 100, or without the 30 % part */
    mpz_set_ui(mpq_denref(out), 100);
    if (mpz_cmp(x, t) > 0) {
        mpz_sub(tmp, x, t);
        mpz_mul_ui(mpq_numref(out), tmp, RFY_WAGE_HIGH_PCT);
        if (!only_55)
            mpz_addmul_ui(mpq_numref(out), t, RFY_WAGE_LOW_PCT);
    } else if (!only_55) {
        mpz_mul_ui(mpq_numref(out), x, RFY_WAGE_LOW_PCT);
    } else {
        mpz_set_ui(mpq_numref(out), 0);
    }
    rfy__q_canonicalize(out);
}

/* The same rule in its two parts, for the explanation (explain.c); they add
 * up to wage_rule()'s value. */
void rfy__wage_parts(mpq_t low, mpq_t high, const mpz_t x, const mpz_t t, int only_55)
{
    mpq_set_ui(low, 0, 1);
    mpq_set_ui(high, 0, 1);
    if (!only_55) {
        mpz_mul_ui(mpq_numref(low), mpz_cmp(x, t) < 0 ? x : t, RFY_WAGE_LOW_PCT);
        mpz_set_ui(mpq_denref(low), 100);
        rfy__q_canonicalize(low);
    }
    if (mpz_cmp(x, t) > 0) {
        mpz_sub(mpq_numref(high), x, t);
        mpz_mul_ui(mpq_numref(high), mpq_numref(high), RFY_WAGE_HIGH_PCT);
        mpz_set_ui(mpq_denref(high), 100);
        rfy__q_canonicalize(high);
    }
}

int rfy__deduction_wage(rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                        rfy_error *err)
{
    const rfy_rate_value *t;
    int only_55;
    mpq_t *gross = &res->scratch_q[0], *w2 = &res->scratch_q[2];
    mpz_t *tmp = &res->scratch_z[0], *sum = &res->scratch_z[1];

    rfy__set_zero_q(res->wage_exact);
    rfy__set_zero_q(res->holiday_uncapped);
    rfy__set_zero_q(res->holiday_cap);
    rfy__set_zero_q(res->holiday_exact);
    res->holiday_capped = 0;
    res->wage_55_only = in->forloeb == RFY_FORLOEB_RESSOURCE && in->month >= RFY_WAGE_55_ONLY_FROM;
    if (mpz_sgn(in->wage) == 0 && mpz_sgn(in->holiday_pay) == 0)
        return RFY_OK;
    t = rfy__rate(res, rates, RFY_RATE_WAGE_THRESHOLD, in->month, err);
    if (!t)
        return RFY_ENORATE;
    only_55 = res->wage_55_only;

    /* § 68 a stk. 2 */
    wage_rule(res->wage_exact, in->wage, t->amount, only_55, *tmp);
    if (mpz_sgn(in->holiday_pay) == 0)
        return RFY_OK;

    /* § 68 a stk. 4: feriegodtgørelse is deducted "på samme måde som lønindtægt",
     * in the period it covers: the extra deduction it causes on top of the wage,
     * W(wage + holiday_pay) − W(wage), at most the benefit for the calendar days
     * it covers, holiday_days × 7/5 (5 feriedage = 7 dage, Ankestyrelsen). */
    mpz_add(*sum, in->wage, in->holiday_pay);
    wage_rule(*w2, *sum, t->amount, only_55, *tmp);
    mpq_sub(res->holiday_uncapped, *w2, res->wage_exact);

    /* Cap = benefit per calendar day × holiday_days × 7/5.  rules.md: level ×
     * holiday_days × 7/5 / days_in_month.  Decision D4: in a month with two
     * levels the benefit per day is the month's exact gross / days of
     * entitlement (equal to level / days_in_month whenever there is one level). */
    mpz_mul(mpq_numref(res->holiday_cap), mpq_numref(*gross), in->holiday_days);
    mpz_mul_ui(mpq_numref(res->holiday_cap), mpq_numref(res->holiday_cap), RFY_HOLIDAY_CAL_DAYS);
    mpz_mul_ui(mpq_denref(res->holiday_cap), mpq_denref(*gross),
               (unsigned long)res->days * RFY_HOLIDAY_WORK_DAYS * 100u);
    rfy__q_canonicalize(res->holiday_cap); /* holiday_days is in hundredths: 7/5 ÷ 100 = 7/500 */

    if (mpq_cmp(res->holiday_uncapped, res->holiday_cap) > 0) {
        mpq_set(res->holiday_exact, res->holiday_cap);
        res->holiday_capped = 1;
    } else {
        mpq_set(res->holiday_exact, res->holiday_uncapped);
    }
    return RFY_OK;
}
