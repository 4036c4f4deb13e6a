/*
 * The case-month input: init/clear, names, and the checks that need no rates.
 * Every reason names the input column so a payroll officer can fix the row.
 */
#include <stdio.h>
#include <string.h>

#include "category_da.h"
#include "fault.h"
#include "rules.h"
#include "xq.h"
#include <rfy/status.h>

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
        return rfy_forloeb_from_danish(out, s, len); /* "ressourceforløb", "jobafklaringsforløb" */
    *out = (rfy_forloeb)v;
    return 0;
}

int rfy_prior_from_name(rfy_prior *out, const char *s, size_t len)
{
    int v;
    if (from_name(&v, PRIOR, 3, s, len))
        return rfy_prior_from_danish(out, s, len); /* "ingen" */
    *out = (rfy_prior)v;
    return 0;
}

int rfy__refuse_prior_unit(rfy_error *err, rfy_prior prior)
{
    /* Decision D15: no default unit.  An empty unit cannot be told from
     * "month", and reading a weekly amount as monthly would pay far too little. */
    rfy_fault *f = rfy__fault_add(err, RFY_FAULT_PRIOR_UNIT_REQUIRED, "prior_unit");
    if (f)
        f->name = rfy_prior_name(prior);
    rfy__fault_end(err);
    return RFY_EINPUT;
}

/* Record a fault of `code` at `column` (no value: the case holds numbers). */
static void bad(rfy_error *err, const char *column, rfy_fault_code code)
{
    rfy__fault(err, code, column, NULL, 0, 0);
}

/* An amount within the interface.md plausibility limit (0 .. 9999999.99 kr.),
 * else a fault naming the limit. */
static void check_amount(rfy_error *err, const char *column, const mpz_t v)
{
    int64_t x;
    if (rfy__z_get_i64(v, &x) && x >= 0 && x <= RFY_MAX_AMOUNT_ORE)
        return; /* the usual case, read in place: no call into GMP */
    if (mpz_sgn(v) < 0)
        rfy__fault(err, RFY_FAULT_AMOUNT_NEGATIVE, column, NULL, 0, RFY_MAX_AMOUNT_ORE);
    else if (mpz_cmp_si(v, RFY_MAX_AMOUNT_ORE) > 0)
        rfy__fault(err, RFY_FAULT_AMOUNT_TOO_LARGE, column, NULL, 0, RFY_MAX_AMOUNT_ORE);
}

/* A number 0..max (in `scale`ths) of the column's unit, else a fault naming max. */
static void check_range(rfy_error *err, const char *column, const mpz_t v, long max, long scale)
{
    int64_t x;
    if (rfy__z_get_i64(v, &x) && x >= 0 && x <= max)
        return; /* the usual case, read in place */
    if (mpz_sgn(v) < 0 || mpz_cmp_si(v, max) > 0) {
        char shown[32];
        rfy_fault *f;
        if (mpz_sizeinbase(v, 10) < 20)
            snprintf(shown, sizeof shown, "%ld", mpz_get_si(v) / scale);
        else
            snprintf(shown, sizeof shown, "?");
        f = rfy__fault_add(err, RFY_FAULT_OUT_OF_RANGE, column);
        if (f) {
            rfy__fault_value(f, shown, strlen(shown));
            f->limit = max / scale;
        }
        rfy__fault_end(err);
    }
}

/* The same for a whole number held in a long. */
static void check_count(rfy_error *err, const char *column, long v, long max)
{
    if (v < 0 || v > max) {
        char shown[24];
        rfy_fault *f = rfy__fault_add(err, RFY_FAULT_OUT_OF_RANGE, column);
        snprintf(shown, sizeof shown, "%ld", v);
        if (f) {
            rfy__fault_value(f, shown, strlen(shown));
            f->limit = max;
        }
        rfy__fault_end(err);
    }
}

int rfy_case_check(const rfy_case *in, rfy_error *err)
{
    int y = RFY_MONTH_YEAR(in->month), m = RFY_MONTH_NUM(in->month);
    int dim, first, last, days_ok = 1;
    rfy_error mine;

    /* Every fault is listed, in column order; with err NULL they are counted in `mine`. */
    if (!err)
        err = &mine;
    rfy_error_reset(err);
    if (y < 1 || y > 9999 || m < 1 || m > 12) {
        bad(err, "month", RFY_FAULT_MONTH_RANGE);
        return RFY_EINPUT; /* everything below is about days of the month */
    }
    dim = rfy_days_in_month(y, m);
    if ((unsigned)in->category > RFY_CAT_U25_HJEMME_BIDRAG)
        bad(err, "category", RFY_FAULT_CATEGORY_UNKNOWN);
    if ((unsigned)in->forloeb > RFY_FORLOEB_JOBAFKLARING)
        bad(err, "forloeb", RFY_FAULT_FORLOEB_UNKNOWN);
    if ((unsigned)in->prior > RFY_PRIOR_LEDIGHEDSYDELSE)
        bad(err, "prior", RFY_FAULT_PRIOR_UNKNOWN);
    if (in->start_day < 0 || in->start_day > dim) {
        rfy_fault *f = rfy__fault_add(err, RFY_FAULT_DAY_OUTSIDE_MONTH, "start");
        if (f)
            f->month = in->month;
        rfy__fault_end(err);
        days_ok = 0;
    }
    if (in->end_day < 0 || in->end_day > dim) {
        rfy_fault *f = rfy__fault_add(err, RFY_FAULT_DAY_OUTSIDE_MONTH, "end");
        if (f)
            f->month = in->month;
        rfy__fault_end(err);
        days_ok = 0;
    }
    first = in->start_day ? in->start_day : 1;
    last = in->end_day ? in->end_day : dim;
    if (days_ok && last < first) {
        rfy_fault *f = rfy__fault_add(err, RFY_FAULT_END_BEFORE_START, "end");
        if (f) {
            char shown[24];
            rfy_month_format(shown, in->month);
            snprintf(shown + 7, sizeof shown - 7, "-%02d", last % 100);
            rfy__fault_value(f, shown, strlen(shown));
            f->first_day = first;
            f->month = in->month;
        }
        rfy__fault_end(err);
        days_ok = 0;
    }

    /* § 68 stk. 2 nr. 4: the tillæg is per child with documented bidragspligt. */
    if (in->children < 0 || in->children > RFY_MAX_CHILDREN)
        rfy__fault(err, RFY_FAULT_CHILDREN_RANGE, "children", NULL, 0, RFY_MAX_CHILDREN);
    else if (in->category == RFY_CAT_U25_HJEMME_BIDRAG && in->children < 1)
        bad(err, "children", RFY_FAULT_CHILDREN_REQUIRED);
    if (in->has_child_support)
        check_amount(err, "child_support", in->child_support);

    check_amount(err, "prior_amount", in->prior_amount);
    if (in->prior == RFY_PRIOR_NONE) {
        if (mpz_sgn(in->prior_amount) > 0)
            bad(err, "prior_amount", RFY_FAULT_PRIOR_AMOUNT_WITHOUT_PRIOR);
        if (in->has_prior_until)
            bad(err, "prior_until", RFY_FAULT_PRIOR_UNTIL_WITHOUT_SDP);
    } else if ((unsigned)in->prior <= RFY_PRIOR_LEDIGHEDSYDELSE) {
        if (mpz_sgn(in->prior_amount) == 0)
            bad(err, "prior_amount", RFY_FAULT_PRIOR_AMOUNT_REQUIRED);
        if (in->prior_unit != RFY_PER_MONTH && in->prior_unit != RFY_PER_WEEK)
            rfy__refuse_prior_unit(err, in->prior);
        if (in->prior == RFY_PRIOR_SYGEDAGPENGE) {
            /* § 68 stk. 4 is a ressourceforløb rule; jobafklaring pays the stk. 2 level. */
            if (in->forloeb != RFY_FORLOEB_RESSOURCE)
                bad(err, "prior", RFY_FAULT_SDP_ONLY_RESSOURCE);
            else if (!in->has_prior_until)
                bad(err, "prior_until", RFY_FAULT_PRIOR_UNTIL_REQUIRED);
        } else if (in->has_prior_until) {
            bad(err, "prior_until", RFY_FAULT_PRIOR_UNTIL_ONLY_SDP);
        }
    }

    check_amount(err, "wage", in->wage);
    check_amount(err, "holiday_pay", in->holiday_pay);
    check_range(err, "holiday_days", in->holiday_days, RFY_MAX_HOLIDAY_DAYS_C, 100);
    /* § 68 a stk. 4: the cap is the benefit for the days the holiday pay covers. */
    if (mpz_sgn(in->holiday_pay) > 0 && mpz_sgn(in->holiday_days) == 0)
        bad(err, "holiday_days", RFY_FAULT_HOLIDAY_DAYS_REQUIRED);
    check_amount(err, "activation_income", in->activation_income);
    check_range(err, "activation_hours", in->activation_hours, RFY_MAX_HOURS_C, 100);
    check_amount(err, "other_income", in->other_income);

    /* § 69 stk. 5 ledger columns (rules.md §8). */
    check_count(err, "holiday_ydelse_days", in->holiday_ydelse_days, RFY_MAX_HOLIDAY_YDELSE_DAYS);
    check_count(err, "holiday_run_months", in->holiday_run_months, RFY_MAX_HOLIDAY_RUN_MONTHS);
    check_range(err, "holiday_used_days", in->holiday_used_days, RFY_MAX_HOLIDAY_USED_DAYS_M, 1000);
    /* A window opens only after 12 receipt months: days used before month 13 belong to no window. */
    if (mpz_sgn(in->holiday_used_days) > 0 && in->holiday_run_months < RFY_HOLIDAY_RUN_MONTHS)
        rfy__fault(err, RFY_FAULT_HOLIDAY_USED_NO_WINDOW, "holiday_used_days", NULL, 0,
                   RFY_HOLIDAY_RUN_MONTHS);
    /* rules.md §9: a periodesanktion is days of this row's period, so never
     * more days than the row gives entitlement for (paying a negative day, or
     * sanctioning a day twice, would be the same error as paying one twice). */
    if (in->sanction_days < 0 || in->sanction_days > RFY_MAX_SANCTION_DAYS) {
        check_count(err, "sanction_days", in->sanction_days, RFY_MAX_SANCTION_DAYS);
    } else if (days_ok && in->sanction_days > last - first + 1) {
        rfy_fault *f = rfy__fault_add(err, RFY_FAULT_SANCTION_DAYS_EXCEED, "sanction_days");
        if (f) {
            char shown[16];
            snprintf(shown, sizeof shown, "%d", in->sanction_days);
            rfy__fault_value(f, shown, strlen(shown));
            f->limit = last - first + 1;
            f->first_day = first;
            f->last_day = last;
        }
        rfy__fault_end(err);
    }
    check_amount(err, "sanction_amount", in->sanction_amount);
    return err->nfaults > 0 || err->more ? RFY_EINPUT : RFY_OK;
}
