/*
 * The computation of one case-month (rules.md §3–5, §9).
 *
 * Unit of work: one person, one calendar month, one forløb type.  All money
 * is exact (øre in mpz_t, exact intermediates in mpq_t); the only rounding
 * is at the points rules.md §5 names.
 */
#ifndef RFY_CALC_H
#define RFY_CALC_H

#include <gmp.h>

#include <rfy/date.h>
#include <rfy/holiday.h>
#include <rfy/rates.h>
#include <rfy/export.h>
#include <rfy/fault.h>

RFY_BEGIN_DECLS

/* § 68 stk. 2: the four categories. */
typedef enum rfy_category {
    RFY_CAT_FORSORGER = 0,         /* nr. 1 */
    RFY_CAT_IKKE_FORSORGER = 1,    /* nr. 2 */
    RFY_CAT_U25_HJEMME = 2,        /* nr. 3 */
    RFY_CAT_U25_HJEMME_BIDRAG = 3  /* nr. 4 */
} rfy_category;

typedef enum rfy_forloeb {
    RFY_FORLOEB_RESSOURCE = 0,     /* ressourceforløb, kapitel 6 a */
    RFY_FORLOEB_JOBAFKLARING = 1   /* jobafklaringsforløb, § 69 j (from 2014-07) */
} rfy_forloeb;

typedef enum rfy_prior {
    RFY_PRIOR_NONE = 0,
    RFY_PRIOR_SYGEDAGPENGE = 1,    /* § 68 stk. 4 */
    RFY_PRIOR_LEDIGHEDSYDELSE = 2  /* § 68 stk. 5 */
} rfy_prior;

/* The period of prior_amount.  RFY_PER_UNSET (the default after init and
 * reset) is refused with a prior: a weekly amount read as monthly would pay
 * far too little, so the engine never guesses. */
typedef enum rfy_period_unit {
    RFY_PER_MONTH = 0,
    RFY_PER_WEEK = 1,
    RFY_PER_UNSET = 2
} rfy_period_unit;

/* Plausibility limits (interface.md): a value beyond them is bad input. */
#define RFY_MAX_AMOUNT_ORE 999999999L /* 9999999.99 kr. */
#define RFY_MAX_HOURS_C 74400L        /* 744 hours, in hundredths */
#define RFY_MAX_HOLIDAY_DAYS_C 3100L  /* 31 feriedage, in hundredths */
#define RFY_MAX_CHILDREN 20
#define RFY_MAX_SANCTION_DAYS 31      /* and never more than the row's days of entitlement */

/* One case-month's input.  Init with rfy_case_init(), clear with rfy_case_clear(). */
typedef struct rfy_case {
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
} rfy_case;

RFY_API void rfy_case_init(rfy_case *c);
RFY_API void rfy_case_clear(rfy_case *c);
/* Back to defaults (ressourceforløb, whole month, no prior, all amounts 0), keeping allocations. */
RFY_API void rfy_case_reset(rfy_case *c);

/* Why a case-month could not be computed: rfy_error, a list of faults as
 * data (codes, columns, values, parameters), in rfy/fault.h. */

/* How the level of a segment was chosen. */
typedef enum rfy_level_basis {
    RFY_BASIS_STK2 = 0,           /* § 68 stk. 2 (or § 69 j stk. 2) level */
    RFY_BASIS_SYGEDAGPENGE = 1,   /* § 68 stk. 4: hidtidig sygedagpenge above the floor */
    RFY_BASIS_SDP_FLOOR = 2,      /* § 68 stk. 4, 4. pkt.: the stk. 2 level applies as the floor */
    RFY_BASIS_LEDIGHED = 3,       /* § 68 stk. 5: hidtidig ledighedsydelse above the floor */
    RFY_BASIS_LEDIGHED_FLOOR = 4  /* § 68 stk. 5, 2. pkt.: floor applied */
} rfy_level_basis;

/* Segments one period row can give (whole month, or split at prior_until).
 * A case-month from several rows (rfy/casemonth.h) has up to this many per row. */
#define RFY_MAX_SEGMENTS 2

/* A run of days in the month with one level. */
typedef struct rfy_segment {
    int first_day, last_day, days;
    rfy_level_basis basis;
    const char *level_ref;  /* legal basis of the level, e.g. "§ 68 stk. 2 nr. 1" */
    mpq_t level;            /* monthly level in force, øre (exact) */
    mpq_t amount;           /* level × days / days_in_month, øre (exact) */
} rfy_segment;

/* The breakdown of one case-month.  Init with rfy_result_init(), clear with rfy_result_clear(). */
typedef struct rfy_result {
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
} rfy_result;

/*
 * Warnings: the row was computed and paid, but something in it deserves a
 * look (interface.md, the `warnings` column).  A bitmask in
 * rfy_result.warnings; the codes are written joined by ';'.
 */
typedef enum rfy_warning {
    RFY_WARN_DERIVED_RATE          = 1u << 0, /* "derived_rate" */
    RFY_WARN_SDP_ABOVE_DERIVED_MAX = 1u << 1, /* "sdp_above_derived_max" */
    RFY_WARN_HOLIDAY_EXCESS        = 1u << 2, /* "holiday_excess" */
    RFY_WARN_HOLIDAY_STATE_UNKNOWN = 1u << 3, /* "holiday_state_unknown" */
    RFY_WARN_SDP_MAX_UNKNOWN       = 1u << 4, /* "sdp_max_unknown" */
    RFY_WARN_LY_ABOVE_DERIVED_MAX  = 1u << 5, /* "ledighedsydelse_above_derived_max" */
} rfy_warning;

/* The warnings defined, for loops: every bit below this is one rfy_warning. */
#define RFY_WARN_ALL 0x3Fu

/* The code as written in the `warnings` column ("derived_rate"); NULL if w is not one bit. */
RFY_API const char *rfy_warning_code(rfy_warning w);

/*
 * The codes of a warnings bitmask joined by ';' ("derived_rate;sdp_above_derived_max"),
 * "" when none, into buf (size bytes, at least 128).  Returns the length.
 */
RFY_API int rfy_warnings_format(char *buf, size_t size, unsigned warnings);

/*
 * One warning of a computed case-month explained in English for a payroll
 * officer, naming the value it rests on ("prior_amount 4900.00 kr. per week is
 * above the derived highest sygedagpenge amount 5210.00 (not published); the
 * row is computed: check the amount").  Into buf (size bytes); returns the
 * length, or -1 if w is not set in res->warnings.
 */
RFY_API int rfy_warning_detail(char *buf, size_t size, rfy_warning w, const rfy_result *res);

/* The same in `lang`: RFY_LANG_DA in Danish ("beregnet med satser, der er
 * afledt af reguleringskæden ..."), RFY_LANG_EN as rfy_warning_detail(). */
RFY_API int rfy_warning_detail_lang(char *buf, size_t size, rfy_warning w, const rfy_result *res,
                                    rfy_lang lang);

/*
 * Non-zero when month m of a forløb falls after ressourceforløb were closed
 * to new cases: from 2026-02 no new ressourceforløb can start (lov nr. 1750
 * af 29.12.2025); courses already running continue under the former
 * kapitel 6 a and are computed as before (rules.md §1).  Front ends say so
 * in the preview.  Jobafklaringsforløb are not affected.
 */
RFY_API int rfy_no_new_ressourceforloeb(rfy_month m, rfy_forloeb f);

RFY_API void rfy_result_init(rfy_result *r);
RFY_API void rfy_result_clear(rfy_result *r);

/*
 * Check a case for bad input that does not depend on the rates: plausibility
 * limits, start/end inside the month and in order, dependent fields
 * (children for nr. 4, prior_amount, prior_unit and prior_until for a prior,
 * holiday_days with holiday_pay, holiday_used_days only with a right), and
 * § 68 stk. 4 only in ressourceforløb.
 * Returns RFY_OK or RFY_EINPUT with err filled (err may be NULL).
 */
RFY_API int rfy_case_check(const rfy_case *in, rfy_error *err);

/*
 * Compute one case-month exactly as rules.md §3–5 and §9 (sanctions) say.
 *
 * Runs rfy_case_check() first.  Returns RFY_OK with `out` filled;
 * RFY_EINPUT (bad input), RFY_ECOVERAGE (month before 2013-01, or
 * jobafklaring before 2014-07) or RFY_ENORATE (a rate the rules need is
 * missing for the month: the message names the key and the month), with
 * err filled.  Preconditions: out initialised with rfy_result_init(); it may
 * be reused across calls without clearing (no per-call allocation once warm).
 * Thread safety: `rates` is only read, so many threads may compute at once
 * with one table set, each with its own `in`, `out` and `err`.
 */
RFY_API int rfy_compute(rfy_result *out, const rfy_rates *rates, const rfy_case *in, rfy_error *err);

/*
 * The holiday ledger of one computed case-month (rules.md §8), into
 * res->holiday, advancing the case's state `st` (see rfy/holiday.h).
 *
 * On the case's first month (st fresh from rfy_holiday_state_init) the state
 * starts from in->holiday_run_months / in->holiday_used_days.  On a later
 * month those columns may be left empty; when given they must equal the
 * state carried from the month before (0 after a month without receipt),
 * else RFY_EINPUT names the column; when that state is unknown (a rejected
 * month), the given state is taken.  Sets RFY_WARN_HOLIDAY_EXCESS (excess
 * days) or RFY_WARN_HOLIDAY_STATE_UNKNOWN in res->warnings.
 * Returns RFY_OK, or RFY_EINPUT with err filled (err may be NULL): the month
 * is then rejected, and the caller forgets the state
 * (rfy_holiday_state_forget).  Preconditions: rfy_compute(res, ..., in, ...)
 * returned RFY_OK; a case's months are applied in month order.
 */
RFY_API int rfy_holiday_apply(rfy_result *res, rfy_holiday_state *st, const rfy_case *in, rfy_error *err);

/*
 * The same for a case-month of n period rows (rules.md §7, in any order):
 * the ledger reads the sums of holiday_days and holiday_ydelse_days over the
 * rows (at most 31 days with ydelse in all), and the state columns from the
 * rows that give them (which must agree).  On RFY_EINPUT *at (may be NULL)
 * is the index of the row at fault.  n == 1 is rfy_holiday_apply(res, st,
 * rows[0], err).  Precondition: 1 <= n; every row of the same month.
 */
RFY_API int rfy_holiday_apply_rows(rfy_result *res, rfy_holiday_state *st, const rfy_case *const *rows,
                           size_t n, rfy_error *err, size_t *at);

/*
 * The periodesanktion amount a day for a monthly level (rules.md §9,
 * Decision): round(level × 12 / 260) to whole kroner, half away from zero.
 * `out` is in øre (a multiple of 100); `level` in øre, exact.  This is the
 * rule behind the sanction_day_* rate rows (2024: 16.382 × 12 / 260 =
 * 756,09 → 756) and the daily amount of a nr. 4 person's own level.
 */
RFY_API void rfy_sanction_day_amount(mpz_t out, const mpq_t level);

/* Names as written in CSV ("forsorger", "jobafklaring", "sygedagpenge"). */
RFY_API const char *rfy_category_name(rfy_category c);
RFY_API const char *rfy_forloeb_name(rfy_forloeb f);
RFY_API const char *rfy_prior_name(rfy_prior p);
RFY_API int rfy_category_from_name(rfy_category *out, const char *s, size_t len);
RFY_API int rfy_forloeb_from_name(rfy_forloeb *out, const char *s, size_t len);
RFY_API int rfy_prior_from_name(rfy_prior *out, const char *s, size_t len);

RFY_END_DECLS

#endif
