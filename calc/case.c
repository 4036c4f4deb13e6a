/*
 * The case-month input: init/clear, names, and the checks that need no rates.
 * Every reason names the input column so a payroll officer can fix the row.
 */
#include <stdio.h>
#include <string.h>

#include "category_da.h"
#include "rules.h"
#include "rfy_status.h"

void rfy_case_init(rfy_case *c)
{
    memset(c, 0, sizeof *c);
    mpz_init(c->child_support);
    mpz_init(c->prior_amount);
    mpz_init(c->wage);
    mpz_init(c->holiday_pay);
    mpz_init(c->holiday_days);
    mpz_init(c->activation_income);
    mpz_init(c->activation_hours);
    mpz_init(c->other_income);
    c->prior_unit = RFY_PER_UNSET;
    mpz_init(c->holiday_used_days);
    mpz_init(c->sanction_amount);
}

void rfy_case_clear(rfy_case *c)
{
    mpz_clear(c->child_support);
    mpz_clear(c->prior_amount);
    mpz_clear(c->wage);
    mpz_clear(c->holiday_pay);
    mpz_clear(c->holiday_days);
    mpz_clear(c->activation_income);
    mpz_clear(c->activation_hours);
    mpz_clear(c->other_income);
    mpz_clear(c->holiday_used_days);
    mpz_clear(c->sanction_amount);
}

void rfy_case_reset(rfy_case *c)
{
    c->month = 0;
    c->category = RFY_CAT_FORSORGER;
    c->forloeb = RFY_FORLOEB_RESSOURCE;
    c->start_day = c->end_day = 0;
    c->children = 0;
    c->has_child_support = 0;
    c->prior = RFY_PRIOR_NONE;
    c->prior_unit = RFY_PER_UNSET;
    c->has_prior_until = 0;
    memset(&c->prior_until, 0, sizeof c->prior_until);
    rfy__set_zero(c->child_support);
    rfy__set_zero(c->prior_amount);
    rfy__set_zero(c->wage);
    rfy__set_zero(c->holiday_pay);
    rfy__set_zero(c->holiday_days);
    rfy__set_zero(c->activation_income);
    rfy__set_zero(c->activation_hours);
    rfy__set_zero(c->other_income);
    c->holiday_ydelse_days = 0;
    c->has_holiday_state = 0;
    c->holiday_run_months = 0;
    rfy__set_zero(c->holiday_used_days);
    c->sanction_days = 0;
    rfy__set_zero(c->sanction_amount);
}

static const char *const CATEGORY[] = {"forsorger", "ikke_forsorger", "u25_hjemme",
                                       "u25_hjemme_bidrag"};
static const char *const FORLOEB[] = {"ressourceforloeb", "jobafklaring"};
static const char *const PRIOR[] = {"none", "sygedagpenge", "ledighedsydelse"};

static int from_name(int *out, const char *const *names, int n, const char *s, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0) {
            *out = i;
            return 0;
        }
    return -1;
}

const char *rfy_category_name(rfy_category c)
{
    return (unsigned)c < 4 ? CATEGORY[c] : "?";
}

const char *rfy_forloeb_name(rfy_forloeb f)
{
    return (unsigned)f < 2 ? FORLOEB[f] : "?";
}

const char *rfy_prior_name(rfy_prior p)
{
    return (unsigned)p < 3 ? PRIOR[p] : "?";
}

int rfy_category_from_name(rfy_category *out, const char *s, size_t len)
{
    int v;
    if (from_name(&v, CATEGORY, 4, s, len))
        return rfy_category_from_danish(out, s, len); /* "forsørger", "ikke-forsørger" */
    *out = (rfy_category)v;
    return 0;
}

int rfy_forloeb_from_name(rfy_forloeb *out, const char *s, size_t len)
{
    int v;
    if (from_name(&v, FORLOEB, 2, s, len))
        return -1;
    *out = (rfy_forloeb)v;
    return 0;
}

int rfy_prior_from_name(rfy_prior *out, const char *s, size_t len)
{
    int v;
    if (from_name(&v, PRIOR, 3, s, len))
        return -1;
    *out = (rfy_prior)v;
    return 0;
}

int rfy__refuse_prior_unit(rfy_error *err, rfy_prior prior)
{
    /* Decision D15: no default unit.  An empty unit cannot be told from
     * "month", and reading a weekly amount as monthly would pay far too little. */
    if (err) {
        err->column = "prior_unit";
        snprintf(err->reason, sizeof err->reason,
                 "prior_unit is required with prior %s: use week or month", rfy_prior_name(prior));
    }
    return RFY_EINPUT;
}

static int bad(rfy_error *err, const char *column, const char *reason)
{
    if (err) {
        err->column = column;
        snprintf(err->reason, sizeof err->reason, "%s", reason);
    }
    return RFY_EINPUT;
}

/* An amount within the interface.md plausibility limit (0 .. 9999999.99 kr.). */
static int amount_ok(const mpz_t v)
{
    return mpz_sgn(v) >= 0 && mpz_cmp_si(v, RFY_MAX_AMOUNT_ORE) <= 0;
}

int rfy_case_check(const rfy_case *in, rfy_error *err)
{
    int y = RFY_MONTH_YEAR(in->month), m = RFY_MONTH_NUM(in->month);
    int dim, first, last;

    if (y < 1 || y > 9999)
        return bad(err, "month", "month out of range");
    dim = rfy_days_in_month(y, m);
    if ((unsigned)in->category > RFY_CAT_U25_HJEMME_BIDRAG)
        return bad(err, "category", "unknown category");
    if ((unsigned)in->forloeb > RFY_FORLOEB_JOBAFKLARING)
        return bad(err, "forloeb", "unknown forloeb");
    if ((unsigned)in->prior > RFY_PRIOR_LEDIGHEDSYDELSE)
        return bad(err, "prior", "unknown prior");
    if (in->start_day < 0 || in->start_day > dim)
        return bad(err, "start", "start must be a day inside the month");
    if (in->end_day < 0 || in->end_day > dim)
        return bad(err, "end", "end must be a day inside the month");
    first = in->start_day ? in->start_day : 1;
    last = in->end_day ? in->end_day : dim;
    if (last < first)
        return bad(err, "end", "end is before start");

    /* § 68 stk. 2 nr. 4: the tillæg is per child with documented bidragspligt. */
    if (in->category == RFY_CAT_U25_HJEMME_BIDRAG && in->children < 1)
        return bad(err, "children",
                   "required for u25_hjemme_bidrag: the number of children (1-20) with documented "
                   "bidragspligt");
    if (in->children < 0 || in->children > RFY_MAX_CHILDREN)
        return bad(err, "children", "must be a whole number from 1 to 20");
    if (in->has_child_support && !amount_ok(in->child_support))
        return bad(err, "child_support", "must be an amount from 0 to 9999999.99");

    if (!amount_ok(in->prior_amount))
        return bad(err, "prior_amount", "must be an amount from 0 to 9999999.99");
    if (in->prior == RFY_PRIOR_NONE) {
        if (mpz_sgn(in->prior_amount) != 0)
            return bad(err, "prior_amount", "given, but prior is none: set prior to sygedagpenge "
                                            "or ledighedsydelse, or leave prior_amount empty");
        if (in->has_prior_until)
            return bad(err, "prior_until", "given, but prior is not sygedagpenge");
    } else {
        if (mpz_sgn(in->prior_amount) <= 0)
            return bad(err, "prior_amount",
                       "required with a prior: the hidtidige ydelse in kr. per prior_unit");
        if (in->prior_unit != RFY_PER_MONTH && in->prior_unit != RFY_PER_WEEK)
            return rfy__refuse_prior_unit(err, in->prior);
        if (in->prior == RFY_PRIOR_SYGEDAGPENGE) {
            /* § 68 stk. 4 is a ressourceforløb rule; jobafklaring pays the stk. 2 level. */
            if (in->forloeb != RFY_FORLOEB_RESSOURCE)
                return bad(err, "prior",
                           "sygedagpenge level (§ 68 stk. 4) applies only in ressourceforloeb; in "
                           "jobafklaring leave prior empty");
            if (!in->has_prior_until)
                return bad(err, "prior_until",
                           "required with prior sygedagpenge: the last day of the "
                           "sygedagpenge-level entitlement (YYYY-MM-DD)");
        } else if (in->has_prior_until) {
            return bad(err, "prior_until", "only used with prior sygedagpenge (§ 68 stk. 5 has no end date)");
        }
    }

    if (!amount_ok(in->wage))
        return bad(err, "wage", "must be an amount from 0 to 9999999.99");
    if (!amount_ok(in->holiday_pay))
        return bad(err, "holiday_pay", "must be an amount from 0 to 9999999.99");
    if (mpz_sgn(in->holiday_days) < 0 || mpz_cmp_si(in->holiday_days, RFY_MAX_HOLIDAY_DAYS_C) > 0)
        return bad(err, "holiday_days", "must be from 0 to 31 feriedage");
    /* § 68 a stk. 4: the cap is the benefit for the days the holiday pay covers. */
    if (mpz_sgn(in->holiday_pay) > 0 && mpz_sgn(in->holiday_days) == 0)
        return bad(err, "holiday_days",
                   "required when holiday_pay is given: the feriedage the holiday pay covers");
    if (!amount_ok(in->activation_income))
        return bad(err, "activation_income", "must be an amount from 0 to 9999999.99");
    if (mpz_sgn(in->activation_hours) < 0 ||
        mpz_cmp_si(in->activation_hours, RFY_MAX_HOURS_C) > 0)
        return bad(err, "activation_hours", "must be from 0 to 744 hours");
    if (!amount_ok(in->other_income))
        return bad(err, "other_income", "must be an amount from 0 to 9999999.99");

    /* § 69 stk. 5 ledger columns (rules.md §8). */
    if (in->holiday_ydelse_days < 0 || in->holiday_ydelse_days > RFY_MAX_HOLIDAY_YDELSE_DAYS)
        return bad(err, "holiday_ydelse_days", "must be a whole number of days from 0 to 31");
    if (in->holiday_run_months < 0 || in->holiday_run_months > RFY_MAX_HOLIDAY_RUN_MONTHS)
        return bad(err, "holiday_run_months", "must be a whole number of months from 0 to 999");
    if (mpz_sgn(in->holiday_used_days) < 0 ||
        mpz_cmp_si(in->holiday_used_days, RFY_MAX_HOLIDAY_USED_DAYS_M) > 0)
        return bad(err, "holiday_used_days", "must be from 0 to 35 days");
    /* A window opens only after 12 receipt months: days used before month 13 belong to no window. */
    if (mpz_sgn(in->holiday_used_days) > 0 && in->holiday_run_months < RFY_HOLIDAY_RUN_MONTHS)
        return bad(err, "holiday_used_days",
                   "given, but holiday_run_months is below 12: no holiday window is open before "
                   "12 consecutive months of receipt (leave holiday_used_days empty, or correct "
                   "holiday_run_months)");
    /* rules.md §9: a periodesanktion is days of this row's period, so never
     * more days than the row gives entitlement for (paying a negative day, or
     * sanctioning a day twice, would be the same error as paying one twice). */
    if (in->sanction_days < 0 || in->sanction_days > RFY_MAX_SANCTION_DAYS)
        return bad(err, "sanction_days", "must be a whole number of days from 0 to 31");
    if (in->sanction_days > last - first + 1) {
        if (err) {
            err->column = "sanction_days";
            snprintf(err->reason, sizeof err->reason,
                     "sanction_days %d is more than the row's %d days of entitlement (days %d-%d "
                     "of the month): a periodesanktion covers days of this row's period only",
                     in->sanction_days, last - first + 1, first, last);
        }
        return RFY_EINPUT;
    }
    if (!amount_ok(in->sanction_amount))
        return bad(err, "sanction_amount", "must be an amount from 0 to 9999999.99");
    return RFY_OK;
}
