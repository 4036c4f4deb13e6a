/*
 * § 68 a stk. 3 (and § 69 j stk. 10): income earned in a tilbud is deducted
 * krone for krone after disregarding the hourly amount (14,99 kr., 2012-niveau,
 * regulated) per hour worked, for at most 160 hours a month.
 */
#include "rules.h"
#include "xq.h"
#include <rfy/status.h>

/* 160 hours in hundredths: "ikke ... mere end 160 timer pr. måned" */
#define MAX_HOURS_C RFY_MAX_HOURS_COUNTED_C

int rfy__deduction_activation(rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                              rfy_error *err)
{
    const rfy_rate_value *hourly;
    rfy__xq disregard, income;

    rfy__set_zero_q(res->activation_disregard);
    rfy__set_zero_q(res->activation_exact);
    if (mpz_sgn(in->activation_income) == 0)
        return RFY_OK;
    hourly = rfy__rate(res, rates, RFY_RATE_HOUR_DISREGARD, in->month, err);
    if (!hourly)
        return RFY_ENORATE;
    /* In rfy__xq (calc/base/xq.h): exact, machine integers while they fit. */
    rfy__xq_init(&disregard);
    rfy__xq_init(&income);
    /* disregard = min(hours, 160) × hourly; hours are in hundredths */
    if (mpz_cmp_ui(in->activation_hours, MAX_HOURS_C) > 0)
        rfy__xq_set_frac_u(&disregard, 0, MAX_HOURS_C, 1);
    else
        rfy__xq_set_z(&disregard, in->activation_hours);
    rfy__xq_mul_z_div_ui(&disregard, &disregard, hourly->amount, 100);
    rfy__xq_get_q(res->activation_disregard, &disregard);
    /* max(0, income − disregard): the disregard never makes income negative */
    rfy__xq_set_z(&income, in->activation_income);
    rfy__xq_sub(&income, &income, &disregard);
    if (rfy__xq_sgn(&income) < 0)
        rfy__xq_set_zero(&income);
    rfy__xq_get_q(res->activation_exact, &income);
    rfy__xq_clear(&disregard);
    rfy__xq_clear(&income);
    return RFY_OK;
}
