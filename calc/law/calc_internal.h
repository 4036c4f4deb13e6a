/*
 * The structs behind the handles of <rfy/calc.h>: rfy_case, rfy_segment and
 * rfy_result.  Private to calc/ (and to the engine's own unit tests): a
 * program sees only the handles and their accessors, so none of these
 * fields is part of the ABI and they may change in any release.
 *
 * Inside the library the structs are used directly, on the stack or in
 * arrays, with the init/clear pairs below (hidden, not exported): the batch's
 * hot path reads and writes fields without a call or a copy.  The exported
 * rfy_case_new()/rfy_result_new() allocate one and run the same init.
 */
#ifndef RFY_CALC_INTERNAL_H
#define RFY_CALC_INTERNAL_H

#include <gmp.h>

#include <rfy/calc.h>

#include "rates_internal.h" /* the rows of rate[] below are read directly in calc/ */

/* One case-month's input.  Init with rfy_case_init(), clear with rfy_case_clear(). */
struct rfy_case {
    rfy_month month;
    rfy_category category;
    rfy_forloeb forloeb;
    int start_day;               /* first day of entitlement in the month; 0 = the 1st */
    int end_day;                 /* last day; 0 = the last day of the month */
    int children;                /* nr. 4: children with documented bidragspligt */
    int has_child_support;       /* child_support given */
    mpz_t child_support;         /* documented monthly bidrag, øre */
    rfy_prior prior;
    mpz_t prior_amount;          /* hidtidig ydelse, øre per prior_unit */
    rfy_period_unit prior_unit;  /* required with a prior (RFY_PER_UNSET is refused) */
    int has_prior_until;
    rfy_date prior_until;        /* last day of the sygedagpenge-level entitlement */
    mpz_t wage;                  /* lønindtægt incl. pension, øre */
    mpz_t holiday_pay;           /* feriegodtgørelse for holiday held this month, øre */
    mpz_t holiday_days;          /* feriedage covered, hundredths */
    mpz_t activation_income;     /* income in tilbud, øre */
    mpz_t activation_hours;      /* hours worked, hundredths */
    mpz_t other_income;          /* other income, øre */
    /* § 69 stk. 5 holiday ledger (rules.md §8). */
    int holiday_ydelse_days;     /* calendar days of holiday with ydelse this month, 0–31 */
    int has_holiday_state;       /* holiday_run_months or holiday_used_days given (a case's first month) */
    long holiday_run_months;     /* consecutive receipt months before this month */
    mpz_t holiday_used_days;     /* days used in the current window before this month, thousandths */
    /* Sanctions the kommune decided (rules.md §9): whole days of
     * periodesanktion for this row's period, and a punktsanktion in øre. */
    int sanction_days;
    mpz_t sanction_amount;
};

void rfy_case_init(rfy_case *c);
void rfy_case_clear(rfy_case *c);

/* A run of days in the month with one level. */
struct rfy_segment {
    int first_day, last_day, days;
    rfy_level_basis basis;
    const char *level_ref;  /* legal basis of the level, e.g. "§ 68 stk. 2 nr. 1" */
    mpq_t level;            /* monthly level in force, øre (exact) */
    mpq_t amount;           /* level × days / days_in_month, øre (exact) */
};

/* The breakdown of one case-month.  Init with rfy_result_init(), clear with rfy_result_clear(). */
struct rfy_result {
    rfy_month month;
    int days_in_month;
    int days;                     /* calendar days of entitlement */
    int nsegments;
    rfy_segment *seg;             /* nsegments of them, in day order (owned; grows, never shrinks) */
    int seg_cap;                  /* initialised entries of seg (at least RFY_MAX_SEGMENTS) */
    char level_ref[96];           /* distinct segment refs joined by "; " */
    /* Several period rows (rfy_compute_rows) of more than one category: their
     * names in day order joined by ';' ("ikke_forsorger;forsorger"); else "". */
    char category[64];

    /* § 68 stk. 2 level of the category for the whole month (before proration). */
    mpq_t stk2_level;
    /* nr. 4 detail: u25 base, tillæg before the cap, cap applied? */
    mpq_t tillaeg;
    int tillaeg_capped;
    /* § 68 stk. 4/5 detail: hidtidig ydelse as a monthly amount (exact, × 52/12 for weekly). */
    mpq_t prior_monthly;

    /* § 68 a detail (exact values before rounding). */
    int wage_55_only;             /* 1: 55 % above T only (ressourceforløb from 2022-01); 0: 30/55 */
    mpq_t wage_exact;             /* W(wage) */
    mpq_t holiday_uncapped;       /* W(wage + holiday_pay) − W(wage) */
    mpq_t holiday_cap;            /* level for holiday_days × 7/5 days */
    int holiday_capped;           /* the cap bound */
    mpq_t holiday_exact;          /* min(holiday_uncapped, holiday_cap) */
    mpq_t activation_disregard;   /* min(hours, 160) × hourly disregard */
    mpq_t activation_exact;       /* max(0, income − disregard) */

    /* Sanctions (rules.md §9), all whole øre.  The daily amount belongs to the
     * row's level: the table value sanction_day_* of the category (also for a
     * person on the stk. 4/5 level), or for nr. 4 the rule applied to the
     * person's own nr. 4 level (sanction_day_by_rule = 1).  0 when no days. */
    mpz_t sanction_day_amount;    /* kr. a day, in øre (whole kroner) */
    int sanction_day_by_rule;
    mpz_t sanction_period;        /* sanction_days × sanction_day_amount */
    mpz_t sanction_point;         /* punktsanktion as decided */

    /* The printed columns, rounded to øre (rules.md §5). */
    mpz_t gross, wage_deduction, holiday_deduction, activation_deduction, other_deduction;
    mpz_t sanction_deduction;     /* sanction_period + sanction_point */
    mpz_t total_deduction, payment;

    /* Legal references of the deduction lines (vary with the forløb). */
    const char *wage_ref, *holiday_ref, *activation_ref, *other_ref;
    const char *sanction_period_ref; /* § 69 b stk. 2 (ressourceforløb) / § 69 n (jobafklaring) */
    const char *sanction_point_ref;  /* § 69 d / § 69 o */

    /* § 69 stk. 5: the holiday ledger of the month, filled by rfy_holiday_step()
     * when the caller carries a case's state (status RFY_HOLIDAY_NONE otherwise). */
    rfy_holiday_month holiday;

    /* The rate values used (NULL where not used), and the weakest provenance. */
    const rfy_rate_value *rate[RFY_RATE_KEY_COUNT];
    rfy_provenance rate_weakest;  /* the weakest provenance in rate[] (rfy__rate_used) */
    rfy_provenance provenance;
    unsigned flags;               /* RFY_FLAG_ROUNDED / RFY_FLAG_INEXACT of the rounding steps */
    unsigned warnings;            /* rfy_warning bits: computed, but look at it */

    /* Scratch space for rfy_compute(): initialised once, so a warm result
     * computes without allocating.  Not part of the breakdown. */
    mpq_t scratch_q[3];
    mpz_t scratch_z[2];
    /* Scratch for rfy_compute_rows() (the month's summed incomes), made on
     * its first use and kept: NULL until then. */
    struct rfy_rows_scratch *rows_scratch;
};

void rfy_result_init(rfy_result *r);
void rfy_result_clear(rfy_result *r);

#endif
