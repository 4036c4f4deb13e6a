/*
 * The rfy_case handle (include/rfy/calc.h): allocation, setters and getters
 * over the struct of calc_internal.h.  Setters only store: rfy_compute()
 * checks the whole case (case_checks.c), so a program gets the same refusal,
 * naming the same column, as a batch row.
 */
#include <stdlib.h>
#include <string.h>

#include "calc_internal.h"

rfy_case *rfy_case_new(void)
{
    rfy_case *c = malloc(sizeof *c);
    if (c)
        rfy_case_init(c);
    return c;
}

void rfy_case_free(rfy_case *c)
{
    if (!c)
        return;
    rfy_case_clear(c);
    free(c);
}

/* The mpz_t of an amount id; NULL for an id out of range. */
static mpz_ptr case_amount(rfy_case *c, rfy_case_amount_id which)
{
    switch (which) {
    case RFY_CASE_CHILD_SUPPORT: return c->child_support;
    case RFY_CASE_PRIOR_AMOUNT: return c->prior_amount;
    case RFY_CASE_WAGE: return c->wage;
    case RFY_CASE_HOLIDAY_PAY: return c->holiday_pay;
    case RFY_CASE_HOLIDAY_DAYS: return c->holiday_days;
    case RFY_CASE_ACTIVATION_INCOME: return c->activation_income;
    case RFY_CASE_ACTIVATION_HOURS: return c->activation_hours;
    case RFY_CASE_OTHER_INCOME: return c->other_income;
    case RFY_CASE_HOLIDAY_USED_DAYS: return c->holiday_used_days;
    case RFY_CASE_SANCTION_AMOUNT: return c->sanction_amount;
    }
    return NULL;
}

void rfy_case_set_month(rfy_case *c, rfy_month m) { c->month = m; }
void rfy_case_set_category(rfy_case *c, rfy_category cat) { c->category = cat; }
void rfy_case_set_forloeb(rfy_case *c, rfy_forloeb f) { c->forloeb = f; }
void rfy_case_set_children(rfy_case *c, int children) { c->children = children; }
void rfy_case_set_holiday_ydelse_days(rfy_case *c, int days) { c->holiday_ydelse_days = days; }
void rfy_case_set_sanction_days(rfy_case *c, int days) { c->sanction_days = days; }

void rfy_case_set_days(rfy_case *c, int start_day, int end_day)
{
    c->start_day = start_day;
    c->end_day = end_day;
}

void rfy_case_set_prior(rfy_case *c, rfy_prior p, const mpz_t amount, rfy_period_unit unit)
{
    c->prior = p;
    mpz_set(c->prior_amount, amount);
    c->prior_unit = unit;
}

void rfy_case_set_prior_until(rfy_case *c, const rfy_date *until)
{
    c->has_prior_until = until != NULL;
    if (until)
        c->prior_until = *until;
}

void rfy_case_set_amount(rfy_case *c, rfy_case_amount_id which, const mpz_t value)
{
    mpz_ptr z = case_amount(c, which);
    if (!z)
        return;
    mpz_set(z, value);
    if (which == RFY_CASE_CHILD_SUPPORT)
        c->has_child_support = 1;
    if (which == RFY_CASE_HOLIDAY_USED_DAYS)
        c->has_holiday_state = 1;
}

void rfy_case_set_holiday_state(rfy_case *c, long run_months, const mpz_t used_days)
{
    c->has_holiday_state = 1;
    c->holiday_run_months = run_months;
    mpz_set(c->holiday_used_days, used_days);
}

rfy_month rfy_case_month(const rfy_case *c) { return c->month; }
rfy_category rfy_case_category(const rfy_case *c) { return c->category; }
rfy_forloeb rfy_case_forloeb(const rfy_case *c) { return c->forloeb; }
int rfy_case_start_day(const rfy_case *c) { return c->start_day; }
int rfy_case_end_day(const rfy_case *c) { return c->end_day; }
int rfy_case_children(const rfy_case *c) { return c->children; }
rfy_prior rfy_case_prior(const rfy_case *c) { return c->prior; }
rfy_period_unit rfy_case_prior_unit(const rfy_case *c) { return c->prior_unit; }
int rfy_case_holiday_ydelse_days(const rfy_case *c) { return c->holiday_ydelse_days; }
int rfy_case_sanction_days(const rfy_case *c) { return c->sanction_days; }

int rfy_case_prior_until(const rfy_case *c, rfy_date *out)
{
    if (c->has_prior_until && out)
        *out = c->prior_until;
    return c->has_prior_until;
}

void rfy_case_amount(mpz_t out, const rfy_case *c, rfy_case_amount_id which)
{
    mpz_ptr z = case_amount((rfy_case *)c, which);
    if (z)
        mpz_set(out, z);
    else
        mpz_set_ui(out, 0);
}
