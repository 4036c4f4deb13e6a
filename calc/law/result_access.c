/*
 * The rfy_result and rfy_segment handles (include/rfy/calc.h): allocation
 * and the accessors over the structs of calc_internal.h.  Amounts leave as
 * copies (mpq_t) or exact text; nothing here computes.  The batch's hot
 * path does not come through here: inside the library the struct is read
 * directly.
 */
#include <stdlib.h>
#include <string.h>

#include "calc_internal.h"
#include <rfy/money.h>

rfy_result *rfy_result_new(void)
{
    rfy_result *r = malloc(sizeof *r);
    if (r)
        rfy_result_init(r);
    return r;
}

void rfy_result_free(rfy_result *r)
{
    if (!r)
        return;
    rfy_result_clear(r);
    free(r);
}

rfy_month rfy_result_month(const rfy_result *r) { return r->month; }
int rfy_result_days_in_month(const rfy_result *r) { return r->days_in_month; }
int rfy_result_days(const rfy_result *r) { return r->days; }
const char *rfy_result_level_ref(const rfy_result *r) { return r->level_ref; }
const char *rfy_result_category(const rfy_result *r) { return r->category; }
rfy_provenance rfy_result_provenance(const rfy_result *r) { return r->provenance; }
unsigned rfy_result_rounding_flags(const rfy_result *r) { return r->flags; }
unsigned rfy_result_warnings(const rfy_result *r) { return r->warnings; }
const rfy_holiday_month *rfy_result_holiday(const rfy_result *r) { return &r->holiday; }

const char *rfy_result_ref(const rfy_result *r, rfy_result_ref_id which)
{
    switch (which) {
    case RFY_REF_WAGE: return r->wage_ref;
    case RFY_REF_HOLIDAY: return r->holiday_ref;
    case RFY_REF_ACTIVATION: return r->activation_ref;
    case RFY_REF_OTHER: return r->other_ref;
    case RFY_REF_SANCTION_PERIOD: return r->sanction_period_ref;
    case RFY_REF_SANCTION_POINT: return r->sanction_point_ref;
    }
    return NULL;
}

int rfy_result_flag(const rfy_result *r, rfy_result_flag_id which)
{
    switch (which) {
    case RFY_RESULT_TILLAEG_CAPPED: return r->tillaeg_capped != 0;
    case RFY_RESULT_WAGE_55_ONLY: return r->wage_55_only != 0;
    case RFY_RESULT_HOLIDAY_CAPPED: return r->holiday_capped != 0;
    case RFY_RESULT_SANCTION_DAY_BY_RULE: return r->sanction_day_by_rule != 0;
    }
    return 0;
}

/* The whole-øre amount of an id; NULL when the id is an exact detail (or unknown). */
static mpz_srcptr whole_amount(const rfy_result *r, rfy_result_amount_id which)
{
    switch (which) {
    case RFY_RESULT_GROSS: return r->gross;
    case RFY_RESULT_WAGE_DEDUCTION: return r->wage_deduction;
    case RFY_RESULT_HOLIDAY_DEDUCTION: return r->holiday_deduction;
    case RFY_RESULT_ACTIVATION_DEDUCTION: return r->activation_deduction;
    case RFY_RESULT_OTHER_DEDUCTION: return r->other_deduction;
    case RFY_RESULT_SANCTION_DEDUCTION: return r->sanction_deduction;
    case RFY_RESULT_TOTAL_DEDUCTION: return r->total_deduction;
    case RFY_RESULT_PAYMENT: return r->payment;
    case RFY_RESULT_SANCTION_DAY_AMOUNT: return r->sanction_day_amount;
    case RFY_RESULT_SANCTION_PERIOD: return r->sanction_period;
    case RFY_RESULT_SANCTION_POINT: return r->sanction_point;
    default: return NULL;
    }
}

/* The exact amount of an id; NULL when it is a whole-øre one (or unknown). */
static mpq_srcptr exact_amount(const rfy_result *r, rfy_result_amount_id which)
{
    switch (which) {
    case RFY_RESULT_STK2_LEVEL: return r->stk2_level;
    case RFY_RESULT_TILLAEG: return r->tillaeg;
    case RFY_RESULT_PRIOR_MONTHLY: return r->prior_monthly;
    case RFY_RESULT_WAGE_EXACT: return r->wage_exact;
    case RFY_RESULT_HOLIDAY_UNCAPPED: return r->holiday_uncapped;
    case RFY_RESULT_HOLIDAY_CAP: return r->holiday_cap;
    case RFY_RESULT_HOLIDAY_EXACT: return r->holiday_exact;
    case RFY_RESULT_ACTIVATION_DISREGARD: return r->activation_disregard;
    case RFY_RESULT_ACTIVATION_EXACT: return r->activation_exact;
    default: return NULL;
    }
}

void rfy_result_amount(mpq_t out, const rfy_result *r, rfy_result_amount_id which)
{
    mpz_srcptr z = whole_amount(r, which);
    mpq_srcptr q = z ? NULL : exact_amount(r, which);
    if (z)
        mpq_set_z(out, z);
    else if (q)
        mpq_set(out, q);
    else
        mpq_set_ui(out, 0, 1);
}

int rfy_result_amount_text(char *buf, size_t size, const rfy_result *r,
                           rfy_result_amount_id which)
{
    mpz_srcptr z = whole_amount(r, which);
    if (!z)
        return -1;
    if (mpz_sgn(z) == 0) { /* most deduction columns of a batch are nil: no GMP call */
        if (size < 5)
            return -1;
        memcpy(buf, "0.00", 5);
        return 4;
    }
    return rfy_money_format(buf, size, z, '.');
}

int rfy_result_amount_ore(mpz_t out, const rfy_result *r, rfy_result_amount_id which)
{
    mpz_srcptr z = whole_amount(r, which);
    if (!z)
        return -1;
    mpz_set(out, z);
    return 0;
}

int rfy_result_amount_sign(const rfy_result *r, rfy_result_amount_id which)
{
    mpz_srcptr z = whole_amount(r, which);
    mpq_srcptr q = z ? NULL : exact_amount(r, which);
    return z ? mpz_sgn(z) : q ? mpq_sgn(q) : 0;
}

size_t rfy_result_segment_count(const rfy_result *r) { return (size_t)r->nsegments; }

const rfy_segment *rfy_result_segment(const rfy_result *r, size_t i)
{
    return i < (size_t)r->nsegments ? &r->seg[i] : NULL;
}

int rfy_segment_first_day(const rfy_segment *s) { return s->first_day; }
int rfy_segment_last_day(const rfy_segment *s) { return s->last_day; }
int rfy_segment_days(const rfy_segment *s) { return s->days; }
rfy_level_basis rfy_segment_basis(const rfy_segment *s) { return s->basis; }
const char *rfy_segment_level_ref(const rfy_segment *s) { return s->level_ref; }
void rfy_segment_level(mpq_t out, const rfy_segment *s) { mpq_set(out, s->level); }
void rfy_segment_amount(mpq_t out, const rfy_segment *s) { mpq_set(out, s->amount); }

size_t rfy_result_warning_count(const rfy_result *r)
{
    size_t n = 0;
    for (unsigned bit = 1; bit & RFY_WARN_ALL; bit <<= 1)
        n += (r->warnings & bit) != 0;
    return n;
}

rfy_warning rfy_result_warning(const rfy_result *r, size_t i)
{
    for (unsigned bit = 1; bit & RFY_WARN_ALL; bit <<= 1)
        if ((r->warnings & bit) && i-- == 0)
            return (rfy_warning)bit;
    return (rfy_warning)0;
}

const rfy_rate_value *rfy_result_rate(const rfy_result *r, rfy_rate_key key)
{
    return (unsigned)key < RFY_RATE_KEY_COUNT ? r->rate[key] : NULL;
}
