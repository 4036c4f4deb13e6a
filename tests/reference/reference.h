/*
 * A slow, obviously correct reference of rules.md §3–5 and §9, for the property
 * test (tests/test_property.c).  Not part of the engine and not linked into
 * other tests: test_property.c includes reference.c directly, so every
 * function here is static.
 *
 * It is written from rules.md, not from calc/, and deliberately another way:
 *   - money in kroner as mpq (the engine works in øre);
 *   - the gross summed day by day: for each calendar day of entitlement, the
 *     level in force that day / days_in_month (the engine sums segments);
 *   - the wage rule W(x) as the law words it: 30 % "indtil" the threshold,
 *     55 % "derudover" (from 2022-01 in ressourceforløb only the 55 %);
 *   - its own calendar, date comparison and rounding (2·|x − floor(x)| vs 1).
 * Only the rate values are shared with the engine (rfy_rates_get): the tables
 * are data, not under test here.
 */
#ifndef RFY_TEST_REFERENCE_H
#define RFY_TEST_REFERENCE_H

#include <gmp.h>

#include <rfy/calc.h>
#include <rfy/rates.h>
/* White-box: the engine's own test reads the result's and the case's fields directly
 * (calc/law/calc_internal.h); programs use the accessors of <rfy/calc.h>. */
#include "calc_internal.h"

/* The printed columns (øre) and, for failure reports, exact kroner values. */
typedef struct ref_result {
    int days;                  /* calendar days of entitlement */
    int two_levels;            /* the level changed inside the month */
    mpz_t gross, wage_deduction, holiday_deduction, activation_deduction, other_deduction;
    mpz_t sanction_deduction;  /* rules.md §9 */
    mpz_t total_deduction, payment;
    mpq_t gross_kr;            /* Σ over days of level / days_in_month */
    mpq_t day_rate_kr;         /* benefit per calendar day used for the holiday cap */
    mpq_t wage_kr;             /* W(wage) */
    mpq_t holiday_uncapped_kr; /* W(wage + holiday_pay) − W(wage) */
    mpq_t holiday_cap_kr;      /* day rate × holiday_days × 7/5 */
    mpq_t activation_kr;       /* max(0, income − min(hours, 160) × hourly disregard) */
    mpq_t sanction_day_kr;     /* the stk. 2 level × 12 / 260, rounded to whole kroner */
} ref_result;

static void ref_result_init(ref_result *r);
static void ref_result_clear(ref_result *r);

/*
 * Round an exact number of kroner to whole øre, half away from zero
 * (rules.md §5).  Precondition: out initialised.
 */
static void ref_round_ore(mpz_t out, const mpq_t kroner);

/*
 * Compute one case-month by rules.md §3–5.
 *
 * Preconditions: `in` is a valid case (the generator only makes valid ones:
 * no plausibility checks here), `out` initialised.  Returns 0, or -1 with
 * *missing set to the rate key when a rate the rules need is absent (then
 * `out` is unspecified).
 */
static int ref_compute(ref_result *out, const rfy_rates *rates, const rfy_case *in,
                       rfy_rate_key *missing);

#endif
