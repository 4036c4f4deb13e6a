/*
 * Internal to calc/: one function per rule of rules.md §3–4, each in the file
 * named after its provision.  rfy_compute() (compute.c) calls them in order.
 *
 *   level_stk2.c        § 68 stk. 2 nr. 1–4 (and § 69 j stk. 2): the level, nr. 4 tillæg and cap
 *   level_prior.c       § 68 stk. 4 (sygedagpenge) and stk. 5 (ledighedsydelse), 52/12 conversion
 *   segments.c          part months and the prior_until split (calendar-day proration)
 *   deduction_wage.c    § 68 a stk. 2 / § 69 j stk. 9 (wage) and § 68 a stk. 4 (holiday pay)
 *   deduction_activation.c  § 68 a stk. 3 (income in tilbud, hourly disregard)
 *   deduction_sanction.c § 69 b–d, § 69 m–o: sanctions the kommune decided (rules.md §9)
 *   compute.c           § 68 a stk. 1 (other income), rounding (rules.md §5), provenance
 */
#ifndef RFY_RULES_H
#define RFY_RULES_H

#include <string.h>

#include <rfy/calc.h>
#include <rfy/holiday.h>

#include "calc_internal.h"
#include "alloc.h"
#include "exact.h"
#include "holiday_state.h"

/* The month of a rule change or of coverage (rules.md §1, §4). */
#define RFY_FIRST_MONTH RFY_MONTH(2013, 1)              /* lov nr. 1380 af 23.12.2012 */
#define RFY_JOBAFKLARING_FIRST_MONTH RFY_MONTH(2014, 7) /* lov nr. 720 af 25.6.2014 */
#define RFY_WAGE_55_ONLY_FROM RFY_MONTH(2022, 1)        /* lov nr. 1160 af 8.6.2021 */
/* No new ressourceforløb from 1.2.2026; running courses continue (lov nr. 1750 af 29.12.2025). */
#define RFY_NO_NEW_RESSOURCEFORLOEB_FROM RFY_MONTH(2026, 2)
#define RFY_NO_NEW_RESSOURCEFORLOEB_LAW "lov nr. 1750 af 29.12.2025"

/* The constants of the rules, each in one place (explain.c shows them). */
#define RFY_WAGE_LOW_PCT 30           /* § 68 a stk. 2: 30 % of the wage up to T */
#define RFY_WAGE_HIGH_PCT 55          /* § 68 a stk. 2: 55 % of the wage above T */
#define RFY_WEEKS_PER_YEAR 52         /* weekly → monthly: × 52/12 (Decision D2) */
#define RFY_MONTHS_PER_YEAR 12
#define RFY_HOLIDAY_CAL_DAYS RFY_FERIEDAG_CAL_DAYS   /* § 68 a stk. 4: 5 feriedage = 7 */
#define RFY_HOLIDAY_WORK_DAYS RFY_FERIEDAG_WORK_DAYS /* calendar days (rfy/holiday.h) */
#define RFY_MAX_HOURS_COUNTED_C 16000 /* § 68 a stk. 3: at most 160 hours, hundredths */
#define RFY_SANCTION_DAY_MONTHS 12    /* rules.md §9: a day = the level × 12 / 260 (Decision D46) */
#define RFY_SANCTION_DAY_WORKDAYS 260 /* 52 weeks of 5 working days */

/* The legal references of the deduction lines for a forløb (compute.c). */
const char *rfy__wage_ref(rfy_forloeb f);
const char *rfy__holiday_ref(rfy_forloeb f);
const char *rfy__activation_ref(rfy_forloeb f);
#define RFY_OTHER_REF "§ 68 a stk. 1"

/* The category's § 68 stk. 2 (§ 69 j stk. 2) level reference (segments.c). */
const char *rfy__stk2_ref(rfy_forloeb f, rfy_category c);

/* § 68 stk. 4/5: the reference of a prior above its floor, and of the floor (segments.c). */
const char *rfy__prior_ref(rfy_prior p);
const char *rfy__floor_ref(rfy_prior p);

/* W(x) in its two parts (deduction_wage.c): low = 30 % of min(x, T) unless
 * only_55, high = 55 % of max(0, x − T). */
void rfy__wage_parts(mpq_t low, mpq_t high, const mpz_t x, const mpz_t t, int only_55);

/* Record the rate row v used for key (rules.md §2): res->rate[key], and the
 * weakest provenance among those recorded, kept as they are recorded so the
 * result's provenance needs no pass over every key.  rfy__rates_forget()
 * empties both. */
static inline void rfy__rate_used(rfy_result *res, rfy_rate_key key, const rfy_rate_value *v)
{
    res->rate[key] = v;
    if (v->provenance > res->rate_weakest)
        res->rate_weakest = v->provenance;
}

static inline void rfy__rates_forget(rfy_result *res)
{
    memset(res->rate, 0, sizeof res->rate);
    res->rate_weakest = RFY_PROV_PUBLISHED;
}

/* rfy__rate() when no row covers key and month: NULL, with err filled
 * (RFY_ENORATE, naming key and month; rate_lookup.c). */
const rfy_rate_value *rfy__rate_missing(const rfy_rates *rates, rfy_rate_key key, rfy_month month,
                                        rfy_error *err);

/*
 * The rate `key` for the month of `in`, recorded in res->rate[key].  NULL
 * with err filled (RFY_ENORATE, naming key and month) when no table covers it.
 * rfy_rates_get()'s look-up, inline: the rules ask for one or two rates a row.
 */
static inline const rfy_rate_value *rfy__rate(rfy_result *res, const rfy_rates *rates,
                                              rfy_rate_key key, rfy_month month, rfy_error *err)
{
    const rfy_rate_value *v = rfy__rates_lookup(rates, key, month);
    if (!v)
        return rfy__rate_missing(rates, key, month, err);
    rfy__rate_used(res, key, v);
    return v;
}

/* Refuse a case whose prior has no prior_unit: fills err (column
 * "prior_unit") and returns RFY_EINPUT.  One reason for the reader and the
 * engine (case_checks.c). */
int rfy__refuse_prior_unit(rfy_error *err, rfy_prior prior);

/* § 68 stk. 2: res->stk2_level (and the nr. 4 detail). */
int rfy__level_stk2(rfy_result *res, const rfy_rates *rates, const rfy_case *in, rfy_error *err);

/* § 68 stk. 4/5: res->prior_monthly, and the stk. 4 plausibility check. */
int rfy__level_prior(rfy_result *res, const rfy_rates *rates, const rfy_case *in, rfy_error *err);

/* Segments of the month with their levels, and the exact gross in res->scratch_q[0]. */
void rfy__segments(rfy_result *res, const rfy_case *in);

/* § 68 a stk. 2 and 4: res->wage_55_only, res->wage_exact, res->holiday_uncapped/cap/exact.
 * Needs the exact gross in res->scratch_q[0]. */
int rfy__deduction_wage(rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                        rfy_error *err);

/* § 68 a stk. 3: res->activation_disregard and res->activation_exact. */
int rfy__deduction_activation(rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                              rfy_error *err);

/* rules.md §1: the month lies within the law's coverage (ressourceforløb from
 * 2013-01, jobafklaringsforløb from 2014-07).  RFY_OK or RFY_ECOVERAGE. */
int rfy__coverage(const rfy_case *in, rfy_error *err);

/*
 * rules.md §4–5 for a case-month whose segments are done (gross exact in
 * res->scratch_q[0], res->days set): the deductions on the incomes of `in`,
 * the rounding, the totals and the provenance.
 */
int rfy__deductions_and_rounding(rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                                 rfy_error *err);

/* The summed incomes of a case-month: an rfy_case the deduction rules read
 * (casemonth.c fills it; result_scratch.c frees it). */
struct rfy_rows_scratch {
    rfy_case sum;
};

/* Room for n segments in res->seg (initialised; result_scratch.c). */
void rfy__segments_reserve(rfy_result *res, int n);

/* Free rfy_compute_rows()'s scratch (rfy_result_clear; result_scratch.c). */
void rfy__rows_scratch_free(rfy_result *res);
/*
 * § 69 b stk. 2 / § 69 n: the periodesanktion amount a day of the row's level,
 * into `daily` (øre, whole kroner).  Needs res->stk2_level (the row's own
 * § 68 stk. 2 level, nr. 4 incl. its tillæg).  Records the rate row used.
 */
int rfy__sanction_day(mpz_t daily, rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                      rfy_error *err);

/* rules.md §9, in two steps so that a case-month of several period rows can
 * sanction each row on its own level:
 *   rfy__sanction_start()  zeroes the sanction fields and sets the references
 *                          of the forløb (§ 69 b stk. 2 / § 69 d; § 69 n / § 69 o);
 *   rfy__sanction_row()    adds one row: its sanction_days × the amount a day of
 *                          its level (res->stk2_level must be that row's, i.e.
 *                          call it right after rfy__level_stk2() for the row),
 *                          and its punktsanktion; keeps sanction_deduction =
 *                          sanction_period + sanction_point. */
void rfy__sanction_start(rfy_result *res, rfy_forloeb forloeb);
/* The unrounded amount a day of a monthly level: level × 12 / 260, exact (øre). */
void rfy__sanction_day_exact(mpq_t out, const mpq_t level);
int rfy__sanction_row(rfy_result *res, const rfy_rates *rates, const rfy_case *row,
                      rfy_error *err);

#endif
