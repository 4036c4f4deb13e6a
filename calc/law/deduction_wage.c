/*
 * § 68 a stk. 2 (wage incl. pension) and § 68 a stk. 4 (holiday pay);
 * § 69 j stk. 9 and 11 for jobafklaringsforløb.
 */
#include "rules.h"
#include "xq.h"
#include <rfy/status.h>

/*
 * W(x): the wage deduction for a month's wage x (øre), threshold T.
 *   ressourceforløb up to 2021-12 and jobafklaring (§ 69 j stk. 9):
 *       30 % of min(x, T) + 55 % of max(0, x − T)      (§ 68 a stk. 2, LBK 981/2019)
 *   ressourceforløb from 2022-01 (lov nr. 1160 af 8.6.2021):
 *       55 % of max(0, x − T)
 * T is not prorated in part months (rules.md §4, Decision D3).
 */
static void wage_rule(rfy__xq *out, const rfy__xq *x, const rfy__xq *t, int only_55)
{
    /* out = (30 × min(x, T) + 55 × max(0, x − T)) / 100, or without the 30 % part;
     * the numerator in whole øre first, then one reduction by 100 */
    rfy__xq low;
    rfy__xq_init(&low);
    if (rfy__xq_cmp(x, t) > 0) {
        rfy__xq_sub(out, x, t);
        rfy__xq_mul_frac_ui(out, out, RFY_WAGE_HIGH_PCT, 1);
        if (!only_55) {
            rfy__xq_mul_frac_ui(&low, t, RFY_WAGE_LOW_PCT, 1);
            rfy__xq_add(out, out, &low);
        }
    } else if (!only_55) {
        rfy__xq_mul_frac_ui(out, x, RFY_WAGE_LOW_PCT, 1);
    } else {
        rfy__xq_set_zero(out);
    }
    rfy__xq_mul_frac_ui(out, out, 1, 100);
    rfy__xq_clear(&low);
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
    int only_55, rc = RFY_OK;
    rfy__xq x, tx, w1, w2, uncapped, cap;

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
    /* The arithmetic in rfy__xq (calc/base/xq.h): exact, in machine integers
     * while the numbers fit; the results are stored as the result's mpq_t. */
    rfy__xq_init(&x);
    rfy__xq_init(&tx);
    rfy__xq_init(&w1);
    rfy__xq_init(&w2);
    rfy__xq_init(&uncapped);
    rfy__xq_init(&cap);

    /* § 68 a stk. 2 */
    rfy__xq_set_z(&x, in->wage);
    rfy__xq_set_z(&tx, t->amount);
    wage_rule(&w1, &x, &tx, only_55);
    rfy__xq_get_q(res->wage_exact, &w1);
    if (mpz_sgn(in->holiday_pay) == 0)
        goto done;

    /* § 68 a stk. 4: feriegodtgørelse is deducted "på samme måde som lønindtægt",
     * in the period it covers: the extra deduction it causes on top of the wage,
     * W(wage + holiday_pay) − W(wage), at most the benefit for the calendar days
     * it covers, holiday_days × 7/5 (5 feriedage = 7 dage, Ankestyrelsen). */
    rfy__xq_set_z(&w2, in->holiday_pay);
    rfy__xq_add(&x, &x, &w2);
    wage_rule(&w2, &x, &tx, only_55);
    rfy__xq_sub(&uncapped, &w2, &w1);
    rfy__xq_get_q(res->holiday_uncapped, &uncapped);

    /* Cap = benefit per calendar day × holiday_days × 7/5.  rules.md: level ×
     * holiday_days × 7/5 / days_in_month.  Decision D4: in a month with two
     * levels the benefit per day is the month's exact gross / days of
     * entitlement (equal to level / days_in_month whenever there is one level).
     * holiday_days is in hundredths: 7/5 ÷ 100 = 7/500. */
    rfy__xq_set_q(&x, res->scratch_q[0]); /* the exact gross */
    rfy__xq_mul_z_div_ui(&cap, &x, in->holiday_days,
                         (uint64_t)res->days * RFY_HOLIDAY_WORK_DAYS * 100u);
    rfy__xq_mul_frac_ui(&cap, &cap, RFY_HOLIDAY_CAL_DAYS, 1);
    rfy__xq_get_q(res->holiday_cap, &cap);

    if (rfy__xq_cmp(&uncapped, &cap) > 0) {
        rfy__xq_get_q(res->holiday_exact, &cap);
        res->holiday_capped = 1;
    } else {
        rfy__xq_get_q(res->holiday_exact, &uncapped);
    }
done:
    rfy__xq_clear(&x);
    rfy__xq_clear(&tx);
    rfy__xq_clear(&w1);
    rfy__xq_clear(&w2);
    rfy__xq_clear(&uncapped);
    rfy__xq_clear(&cap);
    return rc;
}
