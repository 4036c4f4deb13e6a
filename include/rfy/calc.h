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

/*
 * One case-month's input: an opaque handle.  Make one with rfy_case_new()
 * (or let rfy_case_from_fields() fill it from named text fields, rfy/input.h),
 * set its values with the setters below, release it with rfy_case_free().
 * A new case is the default: ressourceforløb, the whole month, no prior,
 * every amount 0, no holiday state; month and category must be set.
 */
typedef struct rfy_case rfy_case;

/* The amounts and counts of a case, for rfy_case_set_amount() and
 * rfy_case_amount().  Øre unless the comment says hundredths/thousandths. */
typedef enum rfy_case_amount_id {
    RFY_CASE_CHILD_SUPPORT = 0,     /* child_support: documented monthly bidrag, øre */
    RFY_CASE_PRIOR_AMOUNT = 1,      /* prior_amount: hidtidig ydelse per prior_unit, øre */
    RFY_CASE_WAGE = 2,              /* wage: lønindtægt incl. pension, øre */
    RFY_CASE_HOLIDAY_PAY = 3,       /* holiday_pay: feriegodtgørelse, øre */
    RFY_CASE_HOLIDAY_DAYS = 4,      /* holiday_days: feriedage covered, hundredths */
    RFY_CASE_ACTIVATION_INCOME = 5, /* activation_income: income in tilbud, øre */
    RFY_CASE_ACTIVATION_HOURS = 6,  /* activation_hours: hours worked, hundredths */
    RFY_CASE_OTHER_INCOME = 7,      /* other_income, øre */
    RFY_CASE_HOLIDAY_USED_DAYS = 8, /* holiday_used_days: days used in the window, thousandths */
    RFY_CASE_SANCTION_AMOUNT = 9    /* sanction_amount: punktsanktion, øre */
} rfy_case_amount_id;

/* How many rfy_case_amount_id values there are. */
#define RFY_CASE_AMOUNT_COUNT 10

/*
 * A new case with the defaults above.  Returns NULL when memory runs out.
 * The caller owns it: rfy_case_free() (NULL is allowed).
 */
RFY_API rfy_case *rfy_case_new(void);
RFY_API void rfy_case_free(rfy_case *c);
/* Back to defaults (ressourceforløb, whole month, no prior, all amounts 0), keeping allocations. */
RFY_API void rfy_case_reset(rfy_case *c);

/*
 * Setters.  None of them checks: rfy_compute() checks the whole case
 * (rfy_case_check) and refuses it naming the column at fault, so the order
 * of the calls does not matter.  The values are those of the batch input
 * columns of the same name (docs/interface.md).
 */
RFY_API void rfy_case_set_month(rfy_case *c, rfy_month m);
RFY_API void rfy_case_set_category(rfy_case *c, rfy_category cat);
RFY_API void rfy_case_set_forloeb(rfy_case *c, rfy_forloeb f);
/* start and end, days of the month; 0 is the first resp. the last day. */
RFY_API void rfy_case_set_days(rfy_case *c, int start_day, int end_day);
RFY_API void rfy_case_set_children(rfy_case *c, int children);
/* A prior ydelse (§ 68 stk. 4/5): its kind, amount in øre per `unit`; RFY_PRIOR_NONE clears it. */
RFY_API void rfy_case_set_prior(rfy_case *c, rfy_prior p, const mpz_t amount, rfy_period_unit unit);
/* prior_until: the last day of the sygedagpenge-level entitlement (copied); NULL: none. */
RFY_API void rfy_case_set_prior_until(rfy_case *c, const rfy_date *until);
/* One amount (copied).  Setting RFY_CASE_CHILD_SUPPORT marks child_support as given. */
RFY_API void rfy_case_set_amount(rfy_case *c, rfy_case_amount_id which, const mpz_t value);
/* holiday_ydelse_days: calendar days of holiday with ydelse this month (0–31). */
RFY_API void rfy_case_set_holiday_ydelse_days(rfy_case *c, int days);
/* The holiday state a case's first month starts from (rules.md §8):
 * holiday_run_months, and holiday_used_days in thousandths (copied). */
RFY_API void rfy_case_set_holiday_state(rfy_case *c, long run_months, const mpz_t used_days);
/* sanction_days: whole days of periodesanktion. */
RFY_API void rfy_case_set_sanction_days(rfy_case *c, int days);

/* Getters: what the case holds (after rfy_case_from_fields(), what was read). */
RFY_API rfy_month rfy_case_month(const rfy_case *c);
RFY_API rfy_category rfy_case_category(const rfy_case *c);
RFY_API rfy_forloeb rfy_case_forloeb(const rfy_case *c);
/* start_day and end_day as given (0: the first / last day of the month). */
RFY_API int rfy_case_start_day(const rfy_case *c);
RFY_API int rfy_case_end_day(const rfy_case *c);
RFY_API int rfy_case_children(const rfy_case *c);
RFY_API rfy_prior rfy_case_prior(const rfy_case *c);
RFY_API rfy_period_unit rfy_case_prior_unit(const rfy_case *c);
/* Non-zero and *out set when prior_until is given. */
RFY_API int rfy_case_prior_until(const rfy_case *c, rfy_date *out);
/* One amount, copied into the caller's initialised out. */
RFY_API void rfy_case_amount(mpz_t out, const rfy_case *c, rfy_case_amount_id which);
RFY_API int rfy_case_holiday_ydelse_days(const rfy_case *c);
RFY_API int rfy_case_sanction_days(const rfy_case *c);

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

/* A run of days in the month with one level: borrowed from its result
 * (rfy_result_segment), valid while the result is neither freed nor computed again. */
typedef struct rfy_segment rfy_segment;

/*
 * The breakdown of one case-month: an opaque handle.  Make one with
 * rfy_result_new(), fill it with rfy_compute() (or rfy_compute_rows(), the
 * runner), read it with the accessors below, release it with
 * rfy_result_free().  A result may be computed into again and again; once
 * warm it does not allocate.
 */
typedef struct rfy_result rfy_result;

/* The amounts of a result, for rfy_result_amount() and rfy_result_amount_text(). */
typedef enum rfy_result_amount_id {
    /* The printed columns, whole øre (rules.md §5). */
    RFY_RESULT_GROSS = 0,
    RFY_RESULT_WAGE_DEDUCTION,
    RFY_RESULT_HOLIDAY_DEDUCTION,
    RFY_RESULT_ACTIVATION_DEDUCTION,
    RFY_RESULT_OTHER_DEDUCTION,
    RFY_RESULT_SANCTION_DEDUCTION,   /* sanction_period + sanction_point */
    RFY_RESULT_TOTAL_DEDUCTION,
    RFY_RESULT_PAYMENT,
    /* Sanctions (rules.md §9), whole øre. */
    RFY_RESULT_SANCTION_DAY_AMOUNT,  /* the amount a day (whole kroner); 0 without days */
    RFY_RESULT_SANCTION_PERIOD,      /* sanction_days × the amount a day */
    RFY_RESULT_SANCTION_POINT,       /* punktsanktion as decided */
    /* Exact details before rounding, øre (may be fractions). */
    RFY_RESULT_STK2_LEVEL,           /* § 68 stk. 2 level of the category for the whole month */
    RFY_RESULT_TILLAEG,              /* nr. 4: the tillæg before the cap */
    RFY_RESULT_PRIOR_MONTHLY,        /* § 68 stk. 4/5: hidtidig ydelse a month (× 52/12 for weekly) */
    RFY_RESULT_WAGE_EXACT,           /* W(wage) */
    RFY_RESULT_HOLIDAY_UNCAPPED,     /* W(wage + holiday_pay) − W(wage) */
    RFY_RESULT_HOLIDAY_CAP,          /* the level for holiday_days × 7/5 days */
    RFY_RESULT_HOLIDAY_EXACT,        /* min(uncapped, cap) */
    RFY_RESULT_ACTIVATION_DISREGARD, /* min(hours, 160) × the hourly disregard */
    RFY_RESULT_ACTIVATION_EXACT      /* max(0, income − disregard) */
} rfy_result_amount_id;

/* How many rfy_result_amount_id values there are. */
#define RFY_RESULT_AMOUNT_COUNT 20

/* The legal reference of a deduction line (vary with the forløb), for rfy_result_ref(). */
typedef enum rfy_result_ref_id {
    RFY_REF_WAGE = 0,        /* "§ 68 a stk. 2" / "§ 69 j stk. 9" */
    RFY_REF_HOLIDAY,
    RFY_REF_ACTIVATION,
    RFY_REF_OTHER,
    RFY_REF_SANCTION_PERIOD, /* § 69 b stk. 2 / § 69 n */
    RFY_REF_SANCTION_POINT   /* § 69 d / § 69 o */
} rfy_result_ref_id;

/* Which detail flags of a result are set, for rfy_result_flag(). */
typedef enum rfy_result_flag_id {
    RFY_RESULT_TILLAEG_CAPPED = 0,  /* nr. 4: the cap bound the tillæg */
    RFY_RESULT_WAGE_55_ONLY,        /* 55 % above T only (ressourceforløb from 2022-01), else 30/55 */
    RFY_RESULT_HOLIDAY_CAPPED,      /* the holiday cap bound */
    RFY_RESULT_SANCTION_DAY_BY_RULE /* nr. 4: the amount a day from the person's own level */
} rfy_result_flag_id;

/*
 * Warnings: the row was computed and paid, but something in it deserves a
 * look (interface.md, the `warnings` column).  A bitmask in
 * rfy_result_warnings(); the codes are written joined by ';'.
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
 * length, or -1 if w is not set in rfy_result_warnings(res).
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

/*
 * A new, empty result.  Returns NULL when memory runs out.  The caller owns
 * it: rfy_result_free() (NULL is allowed).
 */
RFY_API rfy_result *rfy_result_new(void);
RFY_API void rfy_result_free(rfy_result *r);

/*
 * Accessors of a computed result (rfy_compute() returned RFY_OK into it).
 * Strings returned are borrowed: static, or owned by the result or by the
 * rates it was computed with, valid while both live and the result is not
 * computed again.  None of them allocates or copies more than it returns.
 */
RFY_API rfy_month rfy_result_month(const rfy_result *r);
RFY_API int rfy_result_days_in_month(const rfy_result *r);
/* Calendar days of entitlement. */
RFY_API int rfy_result_days(const rfy_result *r);
/* The distinct legal references of the level, joined by "; " ("§ 68 stk. 2 nr. 1"). */
RFY_API const char *rfy_result_level_ref(const rfy_result *r);
/* Several period rows of more than one category: their names in day order
 * joined by ';' ("ikke_forsorger;forsorger"); else "". */
RFY_API const char *rfy_result_category(const rfy_result *r);
/* The legal reference of a deduction line. */
RFY_API const char *rfy_result_ref(const rfy_result *r, rfy_result_ref_id which);
/* A detail flag: 1 set, 0 not. */
RFY_API int rfy_result_flag(const rfy_result *r, rfy_result_flag_id which);

/* One amount, in øre, exact, copied into the caller's initialised `out`. */
RFY_API void rfy_result_amount(mpq_t out, const rfy_result *r, rfy_result_amount_id which);
/*
 * One amount as exact text in kroner with '.' ("2022.35", "-0.50"): the
 * amounts that are whole øre (the printed columns and the sanctions) only.
 * Into buf (size bytes, 32 is always enough).  Returns the length, or -1
 * when `which` may be a fraction (read it with rfy_result_amount()) or buf
 * is too small.
 */
RFY_API int rfy_result_amount_text(char *buf, size_t size, const rfy_result *r,
                                   rfy_result_amount_id which);

/* One whole-øre amount (as rfy_result_amount_text() lists them), copied into
 * the caller's initialised `out`.  Returns 0, or -1 (out untouched) when
 * `which` may be a fraction. */
RFY_API int rfy_result_amount_ore(mpz_t out, const rfy_result *r, rfy_result_amount_id which);

/* The sign of one amount: -1, 0 or 1 (a zero payment, without a copy). */
RFY_API int rfy_result_amount_sign(const rfy_result *r, rfy_result_amount_id which);

/* The segments, in day order: count, then each by index (NULL out of range). */
RFY_API size_t rfy_result_segment_count(const rfy_result *r);
RFY_API const rfy_segment *rfy_result_segment(const rfy_result *r, size_t i);
RFY_API int rfy_segment_first_day(const rfy_segment *s);
RFY_API int rfy_segment_last_day(const rfy_segment *s);
RFY_API int rfy_segment_days(const rfy_segment *s);
RFY_API rfy_level_basis rfy_segment_basis(const rfy_segment *s);
/* The legal basis of the segment's level ("§ 68 stk. 4, 4. pkt."); static. */
RFY_API const char *rfy_segment_level_ref(const rfy_segment *s);
/* The monthly level in force, and level × days / days_in_month, øre, exact (copied). */
RFY_API void rfy_segment_level(mpq_t out, const rfy_segment *s);
RFY_API void rfy_segment_amount(mpq_t out, const rfy_segment *s);

/* The warnings (rfy_warning), as a bitmask and one by one in bit order. */
RFY_API unsigned rfy_result_warnings(const rfy_result *r);
RFY_API size_t rfy_result_warning_count(const rfy_result *r);
/* Warning i (0-based, in bit order); 0 when i is out of range. */
RFY_API rfy_warning rfy_result_warning(const rfy_result *r, size_t i);

/* The rate value of `key` used (borrowed from the rates), or NULL where not used. */
RFY_API const rfy_rate_value *rfy_result_rate(const rfy_result *r, rfy_rate_key key);
/* The weakest provenance of the rates used. */
RFY_API rfy_provenance rfy_result_provenance(const rfy_result *r);
/* RFY_FLAG_ROUNDED / RFY_FLAG_INEXACT of the rounding steps. */
RFY_API unsigned rfy_result_rounding_flags(const rfy_result *r);
/* The month's holiday ledger (§ 69 stk. 5; status RFY_HOLIDAY_NONE when no
 * state was carried): borrowed from the result. */
RFY_API const rfy_holiday_month *rfy_result_holiday(const rfy_result *r);

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
 * err filled.  Preconditions: out from rfy_result_new(); it may
 * be reused across calls without clearing (no per-call allocation once warm).
 * Thread safety: `rates` is only read, so many threads may compute at once
 * with one table set, each with its own `in`, `out` and `err`.
 */
RFY_API int rfy_compute(rfy_result *out, const rfy_rates *rates, const rfy_case *in, rfy_error *err);

/*
 * The holiday ledger of one computed case-month (rules.md §8), into
 * the result's holiday columns (rfy_result_holiday), advancing the case's state `st` (see rfy/holiday.h).
 *
 * On the case's first month (st fresh from rfy_holiday_state_init) the state
 * starts from the case's holiday_run_months / holiday_used_days.  On a later
 * month those columns may be left empty; when given they must equal the
 * state carried from the month before (0 after a month without receipt),
 * else RFY_EINPUT names the column; when that state is unknown (a rejected
 * month), the given state is taken.  Sets RFY_WARN_HOLIDAY_EXCESS (excess
 * days) or RFY_WARN_HOLIDAY_STATE_UNKNOWN in the result's warnings.
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
