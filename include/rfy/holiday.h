/*
 * Holiday with ressourceforløbsydelse over time (rules.md §8; § 69 stk. 5,
 * § 68 a stk. 4, BEK nr. 1470 af 16.12.2019): the holiday ledger of one case.
 *
 * After 12 consecutive months of receipt a person has a right to 35 calendar
 * days (5 weeks) of holiday with the ydelse, to be held within the 12
 * following months (the "window"); holiday with feriegodtgørelse is held
 * first and counts against the 35 days.  Days beyond the right are reported
 * as excess, never deducted: stopping the ydelse is the kommune's decision.
 *
 * The ledger is a small state (rfy_holiday_state) carried from one month of
 * a case to the next, and one function (rfy_holiday_step) that applies one
 * case-month to it.  The state goes out with every month, so a monthly run
 * can hand it to the next run.  Day counts are exact whole numbers of
 * thousandths of a day ("_m": 35 days = 35000): feriedage come in
 * hundredths and × 7/5 makes 2,08 feriedage 2,912 days = 2912 thousandths,
 * so no count ever needs more.  Never binary floating point.  A month's
 * counts (rfy_holiday_month) are plain int64_t: they are day counts, not
 * money, and bounded by RFY_HOLIDAY_MAX_M; amounts given to the functions
 * (the state's days used, a month's feriedage) are mpz_t parameters.
 */
#ifndef RFY_HOLIDAY_H
#define RFY_HOLIDAY_H

#include <gmp.h>
#include <stddef.h>
#include <stdint.h>

#include <rfy/date.h>
#include <rfy/export.h>

RFY_BEGIN_DECLS

/* § 69 stk. 5: "5 ugers ferie" = 35 calendar days (Ankestyrelsen 68-15: 5 feriedage = 7 days). */
#define RFY_HOLIDAY_WINDOW_DAYS 35
#define RFY_HOLIDAY_WINDOW_M 35000L  /* the same in thousandths of a day */
/* § 69 stk. 5: the right comes after 12 consecutive months of receipt; a window lasts 12 months. */
#define RFY_HOLIDAY_RUN_MONTHS 12
/* § 68 a stk. 4 (Ankestyrelsen 68-15): 5 feriedage are 7 calendar days, so
 * feriedage × 7/5 are the calendar days they cover. */
#define RFY_FERIEDAG_CAL_DAYS 7
#define RFY_FERIEDAG_WORK_DAYS 5

/* Plausibility limits of the input columns (interface.md). */
#define RFY_MAX_HOLIDAY_YDELSE_DAYS 31      /* holiday_ydelse_days: whole calendar days */
#define RFY_MAX_HOLIDAY_RUN_MONTHS 999      /* holiday_run_months: whole months */
#define RFY_MAX_HOLIDAY_USED_DAYS_M 35000L  /* holiday_used_days: 35 days, in thousandths */

/* The largest day count, in thousandths, a month's ledger holds or
 * rfy_holiday_days_format() writes (10^15 − 1, about 2.7 million years of
 * days): rfy_holiday_step() refuses a state or feriedage beyond it, so every
 * count of rfy_holiday_month fits an int64_t with room for their sums.  The
 * engine's own inputs stay far below (35 days used, 31 feriedage a row). */
#define RFY_HOLIDAY_MAX_M INT64_C(999999999999999)

/* Decimals a day count may need: feriedage have two, × 7/5 makes three (2,08 × 7/5 = 2,912). */
#define RFY_HOLIDAY_DAY_DECIMALS 3

struct rfy_error; /* rfy/calc.h */

/* The ledger of one case between two months: an opaque handle. */
typedef struct rfy_holiday_state rfy_holiday_state;

/* A new state: known, run 0, used 0, no month applied yet (a case's first
 * month comes next).  NULL when out of memory; free with rfy_holiday_state_free(). */
RFY_API rfy_holiday_state *rfy_holiday_state_new(void);
/* Free st (NULL is fine). */
RFY_API void rfy_holiday_state_free(rfy_holiday_state *st);
/* Back to the state rfy_holiday_state_new() gives (for the next case). */
RFY_API void rfy_holiday_state_reset(rfy_holiday_state *st);

/* 1 when the state is known; 0 when a rejected month left it unknown
 * (rules.md §8: no guess). */
RFY_API int rfy_holiday_state_known(const rfy_holiday_state *st);
/* Consecutive receipt months before the next month. */
RFY_API long rfy_holiday_state_run_months(const rfy_holiday_state *st);
/* The month last applied, or -1 before the case's first month. */
RFY_API rfy_month rfy_holiday_state_last(const rfy_holiday_state *st);
/* Days used in the current window before the next month, thousandths,
 * copied into out (initialised by the caller). */
RFY_API void rfy_holiday_state_used(mpz_t out, const rfy_holiday_state *st);

/*
 * Start a case's ledger from the state given with its first month in a file
 * (input columns holiday_run_months and holiday_used_days, rules.md §8):
 * known, `run_months` receipt months and `used_m` thousandths of a day used
 * before that month, no month applied yet.  No check here: the limits are
 * rfy_case_check()'s.
 */
RFY_API void rfy_holiday_state_start(rfy_holiday_state *st, long run_months, const mpz_t used_m);

/*
 * Month `month` of the case was rejected: the state is unknown from now on
 * (rules.md §8, Decision), until a gap breaks the run (the count is then 0
 * again, whatever the rejected month was) or a later month gives the state.
 */
RFY_API void rfy_holiday_state_forget(rfy_holiday_state *st, rfy_month month);

/* What a step found. */
typedef enum rfy_holiday_status {
    RFY_HOLIDAY_NONE = 0,     /* no ledger was applied (e.g. a result not from a case's months) */
    RFY_HOLIDAY_KNOWN = 1,    /* the fields below are the month's ledger */
    RFY_HOLIDAY_UNKNOWN = 2   /* an earlier month was rejected: columns empty, holiday_state_unknown */
} rfy_holiday_status;

/* One month of the ledger: plain values, day counts in thousandths of a
 * calendar day, each 0..RFY_HOLIDAY_MAX_M.  It holds no resources;
 * rfy_holiday_month_init() zeroes it (and _clear() does nothing more). */
typedef struct rfy_holiday_month {
    rfy_holiday_status status;
    int run_broken;           /* a whole calendar month without receipt came before: run from 0 */
    long run_before;          /* receipt months before this month */
    long run_after;           /* run_before + 1: this month is a receipt month */
    int right;                /* run_before >= 12 */
    int new_window;           /* right and run_before mod 12 = 0: a window starts this month */
    rfy_month window_from;    /* the window this month is in (when right) */
    rfy_month window_to;      /* window_from + 11 */
    int64_t used_before_m;    /* used in the window before this month (0 in a new window) */
    int64_t fg_m;             /* holiday_days × 7/5: holiday with feriegodtgørelse */
    int64_t ydelse_m;         /* holiday with ydelse held this month */
    int64_t allowed_m;        /* holiday with ydelse the right still covers this month */
    int64_t excess_m;         /* holiday with ydelse beyond the right (reported, not deducted) */
    int64_t used_after_m;     /* used in the window after this month (0 without a right) */
    int64_t days_left_m;      /* 35 days − used_after (0 without a right) */
} rfy_holiday_month;

/* Zero h (status RFY_HOLIDAY_NONE). */
RFY_API void rfy_holiday_month_init(rfy_holiday_month *h);
/* Nothing to free: kept so that init and clear still pair. */
RFY_API void rfy_holiday_month_clear(rfy_holiday_month *h);

/*
 * Apply one case-month to a case's ledger (rules.md §8), filling `out` and
 * advancing `st` to the state after the month.
 *
 * `month` is the case-month (a receipt month: it has days of entitlement);
 * `feriedage_c` the
 * feriedage of holiday with feriegodtgørelse held in it, in hundredths (the
 * holiday_days column); `ydelse_days` the calendar days of holiday with
 * ydelse held in it (holiday_ydelse_days, 0–31; not compared with the days
 * of entitlement: a holiday that crosses a month end may be entered in the
 * month it starts).
 * A gap since the last month applied (a whole calendar month without
 * receipt) breaks the run first.  With an unknown state, out->status is
 * RFY_HOLIDAY_UNKNOWN and nothing else is filled.
 * Returns RFY_OK; or RFY_EINPUT (column month, st unchanged) when `month`
 * is not after the last month applied: the caller must apply a case's
 * months in order; or RFY_EINPUT (a fault out of range naming
 * holiday_days or holiday_used_days, st unchanged) when feriedage_c is
 * negative or × 14 above RFY_HOLIDAY_MAX_M, or the state's days used are
 * negative or above it.  err may be NULL.
 */
RFY_API int rfy_holiday_step(rfy_holiday_month *out, rfy_holiday_state *st, rfy_month month,
                     const mpz_t feriedage_c, int ydelse_days, struct rfy_error *err);

/*
 * Format a day count given in thousandths: two decimals, or three when the
 * value needs them (10000 → "10.00", 2912 → "2.912"), so that a printed
 * state read back is the same state.  `point` is '.' or ','.  Returns the
 * length, or -1 if `size` is too small or days_m is negative or above
 * 10^15.
 */
RFY_API int rfy_holiday_days_format(char *buf, size_t size, const mpz_t days_m, char point);
/* The same for a count of rfy_holiday_month (an int64_t): -1 when negative
 * or above RFY_HOLIDAY_MAX_M, or when `size` is too small. */
RFY_API int rfy_holiday_days_format_m(char *buf, size_t size, int64_t days_m, char point);

RFY_END_DECLS

#endif
