/*
 * Gain from work: "what happens to the money if I work?" (rules.md §11).
 *
 * For one case-month with its other incomes fixed, the ydelse paid as a
 * function of the monthly wage w, payment(w), is non-increasing and
 * piecewise linear: the wage deduction of § 68 a stk. 2 (§ 69 j stk. 9)
 * has the slopes 0 %, 30 % and 55 %, the holiday pay deduction of stk. 4
 * (min(W(w + holiday_pay) − W(w), cap)) adds its own kinks, and nothing
 * else depends on w.  This module gives:
 *   - one point: the case-month computed by rfy_compute() with wage w, so a
 *     point is exactly what `rfy batch` pays for that wage;
 *   - a table of points over a wage range (or hours at an hourly wage);
 *   - the break-even wage: the smallest wage in whole øre at which nothing
 *     is paid, found by inverting the pieces exactly in rational arithmetic
 *     with the rounding of rules.md §5 (never by search);
 *   - the share of the last extra krone kept between two points, exact.
 *
 * The case is one case-month of one period row (the options of `rfy
 * preview`): its `wage` is replaced by the point's wage; every other
 * column (holiday pay, income in tilbud, other income, sanctions, part
 * months, a prior) stays as given.
 *
 * A point, a range, a table and a break-even are opaque handles
 * (rfy_X_new / rfy_X_free, NULL-safe); their amounts are handed out as
 * copies into the caller's mpz_t or mpq_t (øre, hours in hundredths).
 * Threads: each thread uses its own handles; the rates may be shared.
 */
#ifndef RFY_WHATIF_H
#define RFY_WHATIF_H

#include <gmp.h>
#include <stddef.h>

#include <rfy/calc.h>
#include <rfy/input.h>
#include <rfy/money.h>
#include <rfy/export.h>

RFY_BEGIN_DECLS

/* Most points in one table (the limit of POST /api/v1/calculate's rows). */
#define RFY_WHATIF_MAX_POINTS 1000

/* Most points in one table (the limit of POST /api/v1/calculate's rows). */
#define RFY_WHATIF_MAX_POINTS 1000

/* One point: a wage and what is paid at it (opaque). */
typedef struct rfy_whatif_point rfy_whatif_point;

/* The range of a table: wages, or hours at an hourly wage (opaque). */
typedef struct rfy_whatif_range rfy_whatif_range;

/* The points of a range, computed (opaque). */
typedef struct rfy_whatif_table rfy_whatif_table;

/* The break-even wage and the wage rule it was found on (opaque). */
typedef struct rfy_break_even rfy_break_even;

/* The amounts of a point (rfy_whatif_point_amount). */
typedef enum rfy_whatif_amount_id {
    RFY_WHATIF_WAGE = 0,       /* monthly wage incl. pension, øre */
    RFY_WHATIF_PAYMENT = 1,    /* ydelse paid, øre (the result's payment) */
    RFY_WHATIF_DEDUCTIONS = 2, /* all deductions of the month, øre (the result's total deduction) */
    RFY_WHATIF_TOTAL = 3,      /* wage + payment, øre */
    RFY_WHATIF_HOURS = 4       /* hours worked, hundredths (a point of an hours range; else 0) */
} rfy_whatif_amount_id;

/*
 * A new point (all amounts 0).  Returns NULL when memory runs out.  The
 * caller owns it: release it with rfy_whatif_point_free().
 */
RFY_API rfy_whatif_point *rfy_whatif_point_new(void);

/* Release a point.  NULL is allowed and does nothing. */
RFY_API void rfy_whatif_point_free(rfy_whatif_point *p);

/*
 * One amount of a point (`which`), copied into `out` (initialised by the
 * caller).  An unknown `which` gives 0.  Precondition: p not NULL.
 */
RFY_API void rfy_whatif_point_amount(mpz_t out, const rfy_whatif_point *p,
                                     rfy_whatif_amount_id which);

/* Non-zero when the point was given as hours at an hourly wage (a table's point). */
RFY_API int rfy_whatif_point_has_hours(const rfy_whatif_point *p);

/*
 * kept_of_last_krone since the point before in its table (rfy_whatif_kept),
 * copied into `out` (initialised by the caller).  Returns 1 with the value,
 * or 0 (out unchanged) where there is none: the first point of a table, a
 * point of rfy_whatif_at(), or two points whose wages round to the same øre.
 */
RFY_API int rfy_whatif_point_kept(mpq_t out, const rfy_whatif_point *p);

/*
 * One point: the case-month `in` computed by rfy_compute() with its wage
 * replaced by `wage` (øre).  `res` (initialised with rfy_result_init) holds
 * the full breakdown afterwards.  The point has no kept (rfy_whatif_point_kept
 * returns 0) and no hours.
 * Returns RFY_OK, or rfy_compute()'s fault with err filled (a wage above
 * the plausibility limit is RFY_EINPUT on column "wage").
 * Preconditions: out not NULL.
 */
RFY_API int rfy_whatif_at(rfy_whatif_point *out, rfy_result *res, const rfy_rates *rates,
                          const rfy_case *in, const mpz_t wage, rfy_error *err);

/*
 * kept_of_last_krone between points a and b (a's wage below b's), exact
 * (rules.md §11): (wage_b + payment_b − wage_a − payment_a) / (wage_b − wage_a).
 * 1 where no ydelse is lost, 9/20 where 55 % is deducted.
 * Precondition: wage_a < wage_b; out initialised.
 */
RFY_API void rfy_whatif_kept(mpq_t out, const rfy_whatif_point *a, const rfy_whatif_point *b);

/*
 * kept written for people and programs: the exact fraction ("9/20", "1")
 * into frac, and the percentage with two decimals, rounded half away from
 * zero for display ("45.00" with point '.', "45,00" with ',') into pct.
 * Either buffer may be NULL.  Returns 0, or -1 when a buffer is too small.
 */
RFY_API int rfy_whatif_kept_text(char *frac, size_t frac_size, char *pct, size_t pct_size,
                                 const mpq_t kept, char point);

/*
 * A new, empty range.  Returns NULL when memory runs out.  The caller owns
 * it: release it with rfy_whatif_range_free().  Fill it with
 * rfy_whatif_range_from_fields().
 */
RFY_API rfy_whatif_range *rfy_whatif_range_new(void);

/* Release a range.  NULL is allowed and does nothing. */
RFY_API void rfy_whatif_range_free(rfy_whatif_range *r);

/*
 * Read a range from named text fields, as a front end gets them: either
 * wage_from, wage_to and step (amounts in kroner), or hourly_wage,
 * hours_from, hours_to and hours_step (hours with at most two decimals).
 * `amount` is the decimal syntax (&RFY_AMOUNT_DOT or &RFY_AMOUNT_COMMA;
 * NULL is the dot).  Checks: every value given once, one of the two forms
 * complete and not both, step > 0, from <= to, to within the plausibility
 * limits (9.999.999,99 kr., 744 hours, and the wage of hours_to hours at
 * hourly_wage at most 9.999.999,99 kr.), at most RFY_WHATIF_MAX_POINTS points
 * (the points are from, from + step, ... up to and including to; `to` is
 * added when the steps miss it).  Returns RFY_OK with *npoints set (npoints
 * may be NULL), or RFY_EINPUT with err->column naming the field; with too
 * many points *npoints is then above RFY_WHATIF_MAX_POINTS (an API answers
 * 413), else 0.  After RFY_EINPUT the range is not meaningful.
 * Preconditions: out not NULL; err not NULL.
 */
RFY_API int rfy_whatif_range_from_fields(rfy_whatif_range *out, size_t *npoints,
                                         const rfy_field *fields, size_t n,
                                         const rfy_decimal_syntax *amount, rfy_error *err);

/* Non-zero when the range is hours at an hourly wage.  Precondition: r not NULL. */
RFY_API int rfy_whatif_range_by_hours(const rfy_whatif_range *r);

/*
 * The hourly wage of an hours range, øre an hour, copied into `out`
 * (initialised by the caller); 0 for a wage range.  Precondition: r not NULL.
 */
RFY_API void rfy_whatif_range_hourly(mpz_t out, const rfy_whatif_range *r);

/*
 * A new, empty table (no points).  Returns NULL when memory runs out.  The
 * caller owns it: release it with rfy_whatif_table_free().
 */
RFY_API rfy_whatif_table *rfy_whatif_table_new(void);

/* Release a table and its points.  NULL is allowed and does nothing. */
RFY_API void rfy_whatif_table_free(rfy_whatif_table *t);

/*
 * The table of `range`: its points in order, each by rfy_whatif_at(), with
 * kept_of_last_krone from the point before (none on the first) and, for an
 * hours range, the hours.  Points from an earlier call are replaced.
 * Returns RFY_OK; the first point's fault with err filled (the table then
 * holds no points); or RFY_ENOMEM.
 * Preconditions: t not NULL; range filled by rfy_whatif_range_from_fields()
 * with RFY_OK.
 */
RFY_API int rfy_whatif_table_compute(rfy_whatif_table *t, const rfy_rates *rates,
                                     const rfy_case *in, const rfy_whatif_range *range,
                                     rfy_error *err);

/* The points in the table (0 before rfy_whatif_table_compute() succeeds). */
RFY_API size_t rfy_whatif_table_count(const rfy_whatif_table *t);

/*
 * Point i of the table (borrowed: valid until the table is computed again
 * or freed), or NULL when i >= rfy_whatif_table_count(t).
 */
RFY_API const rfy_whatif_point *rfy_whatif_table_point(const rfy_whatif_table *t, size_t i);

/* The wage of `hours` (hundredths) at `hourly` øre an hour: hours × hourly /
 * 100, rounded half away from zero to whole øre (Decision, docs/whatif.md).
 * Precondition: wage initialised. */
RFY_API void rfy_whatif_wage_of_hours(mpz_t wage, const mpz_t hours, const mpz_t hourly);

/* The amounts of a break-even (rfy_break_even_amount). */
typedef enum rfy_break_even_amount_id {
    RFY_BREAK_EVEN_WAGE = 0,     /* smallest wage (øre) with payment 0; 0 when the other
                                  * incomes already take the whole ydelse */
    RFY_BREAK_EVEN_THRESHOLD = 1 /* the month's wage threshold T, øre */
} rfy_break_even_amount_id;

/* The wage rule a break-even was found on: plain values (rfy_break_even_rule). */
typedef struct rfy_break_even_info {
    unsigned low_pct;        /* deducted of the wage up to T: 30, or 0 (ressourceforløb from 2022-01) */
    unsigned high_pct;       /* deducted of the wage above T: 55 */
    const char *wage_ref;    /* "§ 68 a stk. 2" or "§ 69 j stk. 9" (static) */
    const char *holiday_ref; /* the holiday pay rule when holiday_pay > 0, else NULL (static) */
} rfy_break_even_info;

/*
 * A new, empty break-even.  Returns NULL when memory runs out.  The caller
 * owns it: release it with rfy_break_even_free().
 */
RFY_API rfy_break_even *rfy_break_even_new(void);

/* Release a break-even.  NULL is allowed and does nothing. */
RFY_API void rfy_break_even_free(rfy_break_even *b);

/*
 * The break-even wage of case-month `in` (its own wage is ignored):
 * the smallest w in whole øre with payment(w) = 0 (rules.md §11).
 *
 * Exact and without search: the wage axis is cut where the deduction rules
 * change slope (T, T − holiday_pay, where the holiday cap binds); on each
 * piece the wage and holiday deductions are linear, α·w + β and γ·w + δ,
 * read from the engine's exact values at two points of the piece; the
 * rounding to øre (rules.md §5) is inverted exactly (round(x) >= k ⇔
 * x >= k − 1/2), and with two rounded deductions the split of the needed
 * øre between them is solved where the two inverses cross.  The answer is
 * then computed by rfy_compute() at w and w − 0,01 as a check.
 * Returns RFY_OK; the case's own fault (as rfy_compute()); or RFY_EINPUT (no
 * column) when no wage up to 9.999.999,99 kr. takes the whole ydelse.
 * Precondition: out not NULL.
 */
RFY_API int rfy_break_even_wage(rfy_break_even *out, const rfy_rates *rates, const rfy_case *in,
                                rfy_error *err);

/*
 * One amount of a break-even found by rfy_break_even_wage(), copied into
 * `out` (initialised by the caller).  An unknown `which` gives 0.
 */
RFY_API void rfy_break_even_amount(mpz_t out, const rfy_break_even *b,
                                   rfy_break_even_amount_id which);

/* The wage rule of a break-even found by rfy_break_even_wage(). */
RFY_API rfy_break_even_info rfy_break_even_rule(const rfy_break_even *b);

/*
 * The fewest hours (hundredths) at `hourly` øre an hour whose wage
 * (rfy_whatif_wage_of_hours) is at least `wage`: exact, ceil((wage − 1/2) ×
 * 100 / hourly), 0 for a wage of 0.  Precondition: hourly > 0; hours
 * initialised.
 */
RFY_API void rfy_break_even_hours(mpz_t hours, const mpz_t wage, const mpz_t hourly);

RFY_END_DECLS

#endif
