/*
 * Sanctions the kommune decided (rules.md §9).  rfy never decides a
 * sanction; it applies the decided ones exactly, so that a payroll run pays
 * the sanctioned month right and an audit can reproduce it.
 *
 *   Periodesanktion, § 69 b stk. 2 with § 36 stk. 2–3 and § 69 c
 *   (ressourceforløb), § 69 m and § 69 n (jobafklaringsforløb): a fradrag of
 *   sanction_days whole days × the amount a day of the person's § 68 stk. 2
 *   level.
 *   Punktsanktion (nedsættelse), § 69 d / § 69 o: sanction_amount, as decided.
 *
 * Both are deductions of the case-month like those of § 68 a: they are part
 * of total_deduction, the payment never goes below 0, and nothing carries
 * over to another month (rules.md §4, §5).
 */
#include <stdio.h>

#include "rules.h"
#include <rfy/money.h>
#include <rfy/status.h>

/*
 * The rate row of the daily amount for each category.  nr. 4 has none of its
 * own: the ministry publishes only the maximum (sanction_day_u25_bidrag_max),
 * and a person's nr. 4 level may be below it.
 */
static const rfy_rate_key DAY_KEY[] = {
    [RFY_CAT_FORSORGER] = RFY_RATE_SANCTION_DAY_FORSORGER,
    [RFY_CAT_IKKE_FORSORGER] = RFY_RATE_SANCTION_DAY_IKKE_FORSORGER,
    [RFY_CAT_U25_HJEMME] = RFY_RATE_SANCTION_DAY_U25_HJEMME,
    [RFY_CAT_U25_HJEMME_BIDRAG] = RFY_RATE_KEY_COUNT,
};

void rfy__sanction_day_exact(mpq_t out, const mpq_t level)
{
    mpz_mul_ui(mpq_numref(out), mpq_numref(level), RFY_SANCTION_DAY_MONTHS);
    mpz_mul_ui(mpq_denref(out), mpq_denref(level), RFY_SANCTION_DAY_WORKDAYS);
    mpq_canonicalize(out);
}

/* round(level × 12 / 260) to whole kroner into out, with x as scratch. */
static void day_amount(mpz_t out, const mpq_t level, mpq_t x)
{
    /*
     * Decision (rules.md §9, docs/decisions.md D46): the monthly level × 12
     * months / 260 working days a year (52 weeks of 5 days), rounded to whole
     * kroner, half away from zero.  It reproduces every published figure:
     * 2022 15.570 → 718,62 → 719, 11.716 → 540,74 → 541, 3.644 → 168,18 → 168;
     * 2024 16.382 → 756,09 → 756, 12.326 → 568,89 → 569, 3.834 → 176,95 → 177.
     */
    rfy__sanction_day_exact(x, level);
    rfy_round_half_away(out, x, 100);
}

void rfy_sanction_day_amount(mpz_t out, const mpq_t level)
{
    mpq_t x;
    mpq_init(x);
    day_amount(out, level, x);
    mpq_clear(x);
}

int rfy__sanction_day(mpz_t daily, rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                      rfy_error *err)
{
    const rfy_rate_value *v;

    if (in->category == RFY_CAT_U25_HJEMME_BIDRAG) {
        /* rules.md §9: for nr. 4 the person's own nr. 4 level (u25 + tillæg,
         * capped at the forsørger level), by the same rule; at the cap it is
         * the ministry's maximum (2022: 719). */
        day_amount(daily, res->stk2_level, res->scratch_q[1]); /* a temporary of level_prior.c only */
        res->sanction_day_by_rule = 1;
        return RFY_OK;
    }
    /* nr. 1–3: the year's daily amount of the category (rate data).  A person
     * paid at the § 68 stk. 4/5 level is sanctioned on the stk. 2 level of
     * the category (Decision D47: no daily amount is published for those
     * levels, and § 69 b stk. 2 refers to § 36, whose fradrag is per day of
     * the help "efter § 25"). */
    v = rfy__rate(res, rates, DAY_KEY[in->category], in->month, err);
    if (!v)
        return RFY_ENORATE;
    mpz_set(daily, v->amount);
    res->sanction_day_by_rule = 0;
    return RFY_OK;
}

void rfy__sanction_start(rfy_result *res, rfy_forloeb forloeb)
{
    int jobafklaring = forloeb == RFY_FORLOEB_JOBAFKLARING;
    /* § 69 b stk. 2 / § 69 n (jobafklaring): periodesanktion.
     * § 69 d / § 69 o (jobafklaring): punktsanktion. */
    res->sanction_period_ref = jobafklaring ? "§ 69 n" : "§ 69 b stk. 2";
    res->sanction_point_ref = jobafklaring ? "§ 69 o" : "§ 69 d";
    res->sanction_day_by_rule = 0;
    rfy__set_zero(res->sanction_day_amount);
    rfy__set_zero(res->sanction_period);
    rfy__set_zero(res->sanction_point);
    rfy__set_zero(res->sanction_deduction);
}

int rfy__sanction_row(rfy_result *res, const rfy_rates *rates, const rfy_case *row,
                      rfy_error *err)
{
    int rc;
    if (row->sanction_days > 0) {
        /* rules.md §9: the row's days × the amount a day of the row's level */
        if ((rc = rfy__sanction_day(res->sanction_day_amount, res, rates, row, err)) != RFY_OK)
            return rc;
        /* whole days × whole kroner: exact øre, no rounding */
        mpz_addmul_ui(res->sanction_period, res->sanction_day_amount,
                      (unsigned long)row->sanction_days);
    }
    /* the punktsanktion the kommune decided, as given (its amounts were not
     * found in the sources; rfy does not guess them) */
    rfy__add_to(res->sanction_point, row->sanction_amount);
    /* most rows have no sanction: 0 + 0 without a call into GMP */
    if (mpz_sgn(res->sanction_period) != 0 || mpz_sgn(res->sanction_point) != 0)
        mpz_add(res->sanction_deduction, res->sanction_period, res->sanction_point);
    else
        rfy__set_zero(res->sanction_deduction);
    return RFY_OK;
}
