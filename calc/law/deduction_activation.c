/*
 * § 68 a stk. 3 (and § 69 j stk. 10): income earned in a tilbud is deducted
 * krone for krone after disregarding the hourly amount (14,99 kr., 2012-niveau,
 * regulated) per hour worked, for at most 160 hours a month.
 */
#include "rules.h"
#include <rfy/status.h>

/* 160 hours in hundredths: "ikke ... mere end 160 timer pr. måned" */
#define MAX_HOURS_C RFY_MAX_HOURS_COUNTED_C

int rfy__deduction_activation(rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                              rfy_error *err)
{
    const rfy_rate_value *hourly;
    mpz_t *hours = &res->scratch_z[0];

    rfy__set_zero_q(res->activation_disregard);
    rfy__set_zero_q(res->activation_exact);
    if (mpz_sgn(in->activation_income) == 0)
        return RFY_OK;
    hourly = rfy__rate(res, rates, RFY_RATE_HOUR_DISREGARD, in->month, err);
    if (!hourly)
        return RFY_ENORATE;
    /* disregard = min(hours, 160) × hourly; hours are in hundredths */
    if (mpz_cmp_ui(in->activation_hours, MAX_HOURS_C) > 0)
        mpz_set_ui(*hours, MAX_HOURS_C);
    else
        mpz_set(*hours, in->activation_hours);
    mpz_mul(mpq_numref(res->activation_disregard), *hours, hourly->amount);
    mpz_set_ui(mpq_denref(res->activation_disregard), 100);
    rfy__q_canonicalize(res->activation_disregard);
    /* max(0, income − disregard): the disregard never makes income negative */
    mpq_set_z(res->activation_exact, in->activation_income);
    mpq_sub(res->activation_exact, res->activation_exact, res->activation_disregard);
    if (mpq_sgn(res->activation_exact) < 0)
        mpq_set_ui(res->activation_exact, 0, 1);
    return RFY_OK;
}
