/*
 * rfy_explain(): the explanation trace of a computed case-month
 * (include/rfy/explain.h).  Every value here is derived from the case, the
 * result and the rate values the result recorded, with the same rule
 * functions and constants as the computation, so an explanation built from
 * it always agrees with the payment.
 */
#include <string.h>

#include <rfy/explain.h>
#include "explain_internal.h"
#include <rfy/status.h>
#include "rules.h"

static void parts_init(rfy_wage_parts *p)
{
    mpz_init(p->income);
    mpq_init(p->part_low);
    mpq_init(p->part_high);
    mpq_init(p->total);
}

static void parts_clear(rfy_wage_parts *p)
{
    mpz_clear(p->income);
    mpq_clear(p->part_low);
    mpq_clear(p->part_high);
    mpq_clear(p->total);
}

void rfy_explanation_init(rfy_explanation *e)
{
    memset(e, 0, sizeof *e);
    mpz_init(e->tillaeg_all);
    mpq_init(e->nr4_before_cap);
    parts_init(&e->wage);
    parts_init(&e->wage_holiday);
    mpq_init(e->holiday_calendar_days);
    mpz_init(e->hours_counted);
    mpq_init(e->gross_exact);
    mpq_init(e->sanction_day_level);
    mpq_init(e->sanction_day_exact);
}

void rfy_explanation_clear(rfy_explanation *e)
{
    mpz_clear(e->tillaeg_all);
    mpq_clear(e->nr4_before_cap);
    parts_clear(&e->wage);
    parts_clear(&e->wage_holiday);
    mpq_clear(e->holiday_calendar_days);
    mpz_clear(e->hours_counted);
    mpq_clear(e->gross_exact);
    mpq_clear(e->sanction_day_level);
    mpq_clear(e->sanction_day_exact);
}

/* W(x) against threshold t, in parts (§ 68 a stk. 2). */
static void wage_parts(rfy_wage_parts *p, const mpz_t x, const mpz_t t, int only_55)
{
    mpz_set(p->income, x);
    p->above_threshold = mpz_cmp(x, t) > 0;
    rfy__wage_parts(p->part_low, p->part_high, x, t, only_55);
    mpq_add(p->total, p->part_low, p->part_high);
}

/* § 68 stk. 2 nr. 4: the tillæg before the cap. */
static void level_nr4(rfy_explanation *e, const rfy_case *in, const rfy_result *res)
{
    const rfy_rate_value *base = res->rate[RFY_RATE_U25_HJEMME];
    const rfy_rate_value *nb = res->rate[RFY_RATE_NORMALBIDRAG];

    e->nr4_base_ref = rfy__stk2_ref(in->forloeb, RFY_CAT_U25_HJEMME);
    e->has_tillaeg_all = nb && in->has_child_support;
    if (nb)
        mpz_mul_ui(e->tillaeg_all, nb->amount, (unsigned long)in->children);
    if (base)
        mpq_set_z(e->nr4_before_cap, base->amount);
    mpq_add(e->nr4_before_cap, e->nr4_before_cap, res->tillaeg);
}

/* The provision a rate serves in this case-month: the forløb's own paragraph
 * (§ 69 j for jobafklaring) where the rules name one. */
static const char *rate_ref(rfy_rate_key k, const rfy_case *in, const rfy_result *res)
{
    switch (k) {
    case RFY_RATE_FORSORGER:
        return rfy__stk2_ref(in->forloeb, RFY_CAT_FORSORGER);
    case RFY_RATE_IKKE_FORSORGER:
        return rfy__stk2_ref(in->forloeb, RFY_CAT_IKKE_FORSORGER);
    case RFY_RATE_U25_HJEMME:
        return rfy__stk2_ref(in->forloeb, RFY_CAT_U25_HJEMME);
    case RFY_RATE_U25_BIDRAG_MAX: /* the nr. 4 cap */
        return rfy__stk2_ref(in->forloeb, RFY_CAT_U25_HJEMME_BIDRAG);
    case RFY_RATE_WAGE_THRESHOLD:
        return res->wage_ref;
    case RFY_RATE_HOUR_DISREGARD:
        return res->activation_ref;
    case RFY_RATE_SANCTION_DAY_FORSORGER:
    case RFY_RATE_SANCTION_DAY_IKKE_FORSORGER:
    case RFY_RATE_SANCTION_DAY_U25_HJEMME:
    case RFY_RATE_SANCTION_DAY_U25_BIDRAG_MAX:
        return res->sanction_period_ref; /* § 69 b stk. 2, or § 69 n in jobafklaring */
    default:
        return rfy_rate_key_law(k);
    }
}

int rfy_explain(rfy_explanation *e, const rfy_case *in, const rfy_result *res)
{
    const rfy_rate_value *t = res->rate[RFY_RATE_WAGE_THRESHOLD];
    int only_55 = res->wage_55_only;

    e->forloeb_ref = in->forloeb == RFY_FORLOEB_JOBAFKLARING ? "§ 69 j" : "kapitel 6 a";
    e->no_new_forloeb_ref = rfy_no_new_ressourceforloeb(res->month, in->forloeb)
                                ? RFY_NO_NEW_RESSOURCEFORLOEB_LAW
                                : NULL;
    e->no_new_forloeb_from = e->no_new_forloeb_ref ? RFY_NO_NEW_RESSOURCEFORLOEB_FROM : 0;

    /* Level */
    e->stk2_ref = rfy__stk2_ref(in->forloeb, in->category);
    e->nr4_base_ref = NULL;
    e->has_tillaeg_all = 0;
    mpz_set_ui(e->tillaeg_all, 0);
    mpq_set_ui(e->nr4_before_cap, 0, 1);
    if (in->category == RFY_CAT_U25_HJEMME_BIDRAG)
        level_nr4(e, in, res);

    /* Hidtidig ydelse */
    e->week_to_month_num = RFY_WEEKS_PER_YEAR;
    e->week_to_month_den = RFY_MONTHS_PER_YEAR;
    e->prior_ref = in->prior == RFY_PRIOR_NONE ? NULL : rfy__prior_ref(in->prior);
    e->floor_ref = in->prior == RFY_PRIOR_NONE ? NULL : rfy__floor_ref(in->prior);
    e->prior_above_floor = in->prior != RFY_PRIOR_NONE &&
                           mpq_cmp(res->prior_monthly, res->stk2_level) > 0;

    /* Wage and holiday pay: W(wage) and W(wage + holiday_pay) */
    e->wage_rule = only_55 ? "55" : "30/55";
    e->wage_low_pct = RFY_WAGE_LOW_PCT;
    e->wage_high_pct = RFY_WAGE_HIGH_PCT;
    e->wage_rule_last_month = in->forloeb == RFY_FORLOEB_RESSOURCE && !only_55
                                  ? RFY_WAGE_55_ONLY_FROM - 1
                                  : 0;
    e->holiday_days_num = RFY_HOLIDAY_CAL_DAYS;
    e->holiday_days_den = RFY_HOLIDAY_WORK_DAYS;
    mpz_set_ui(e->wage.income, 0);
    mpz_set_ui(e->wage_holiday.income, 0);
    if (t) {
        mpz_t sum;
        wage_parts(&e->wage, in->wage, t->amount, only_55);
        mpz_init(sum);
        mpz_add(sum, in->wage, in->holiday_pay);
        wage_parts(&e->wage_holiday, sum, t->amount, only_55);
        mpz_clear(sum);
    }
    /* 5 feriedage = 7 calendar days (Ankestyrelsen); hundredths stay hundredths */
    mpz_mul_ui(mpq_numref(e->holiday_calendar_days), in->holiday_days, RFY_HOLIDAY_CAL_DAYS);
    mpz_set_ui(mpq_denref(e->holiday_calendar_days), RFY_HOLIDAY_WORK_DAYS);
    mpq_canonicalize(e->holiday_calendar_days);

    /* Income in a tilbud: at most 160 hours a month count */
    e->hours_cap = RFY_MAX_HOURS_COUNTED_C;
    if (mpz_cmp_ui(in->activation_hours, RFY_MAX_HOURS_COUNTED_C) > 0)
        mpz_set_ui(e->hours_counted, RFY_MAX_HOURS_COUNTED_C);
    else
        mpz_set(e->hours_counted, in->activation_hours);

    /* Sanctions: the amount a day is the stk. 2 level × 12 / 260, rounded to kroner */
    e->has_sanction = in->sanction_days > 0 || mpz_sgn(in->sanction_amount) > 0;
    e->sanction_day_num = RFY_SANCTION_DAY_MONTHS;
    e->sanction_day_den = RFY_SANCTION_DAY_WORKDAYS;
    mpq_set(e->sanction_day_level, res->stk2_level);
    rfy__sanction_day_exact(e->sanction_day_exact, res->stk2_level);
    e->sanction_day_own_nr4 = res->sanction_day_by_rule;
    e->sanction_day_not_prior = in->prior != RFY_PRIOR_NONE;
    {
        mpz_t one_rate;
        mpz_init(one_rate);
        mpz_mul_ui(one_rate, res->sanction_day_amount, (unsigned long)in->sanction_days);
        e->sanction_day_per_row = mpz_cmp(one_rate, res->sanction_period) != 0;
        mpz_clear(one_rate);
    }

    /* Totals: the gross is this exact sum rounded once (rules §5) */
    mpq_set_ui(e->gross_exact, 0, 1);
    for (int i = 0; i < res->nsegments; i++)
        mpq_add(e->gross_exact, e->gross_exact, res->seg[i].amount);
    e->payment_floored = mpz_cmp(res->gross, res->total_deduction) < 0;

    for (int k = 0; k < RFY_RATE_KEY_COUNT; k++)
        e->rate_ref[k] = res->rate[k] ? rate_ref((rfy_rate_key)k, in, res) : NULL;
    return RFY_OK;
}
