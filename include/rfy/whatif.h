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

/* One point of the table.  Init with rfy_whatif_point_init(), clear with
 * rfy_whatif_point_clear(). */
typedef struct rfy_whatif_point {
    int has_hours;         /* the point was given as hours at an hourly wage */
    mpz_t hours;           /* hours worked, hundredths (has_hours) */
    mpz_t wage;            /* monthly wage incl. pension, øre */
    mpz_t payment;         /* ydelse paid, øre (rfy_result.payment) */
    mpz_t deductions;      /* all deductions of the month, øre (rfy_result.total_deduction) */
    mpz_t total;           /* wage + payment, øre */
    int has_kept;          /* 0 on a table's first point */
    mpq_t kept;            /* kept of the last krone since the point before (rfy_whatif_kept) */
} rfy_whatif_point;

RFY_API void rfy_whatif_point_init(rfy_whatif_point *p);
RFY_API void rfy_whatif_point_clear(rfy_whatif_point *p);

/*
 * One point: the case-month `in` computed by rfy_compute() with its wage
 * replaced by `wage` (øre).  `res` (initialised with rfy_result_init) holds
 * the full breakdown afterwards.  out->has_kept is set to 0.
 * Returns RFY_OK, or rfy_compute()'s fault with err filled (a wage above
 * the plausibility limit is RFY_EINPUT on column "wage").
 */
RFY_API int rfy_whatif_at(rfy_whatif_point *out, rfy_result *res, const rfy_rates *rates,
                          const rfy_case *in, const mpz_t wage, rfy_error *err);

/*
 * kept_of_last_krone between points a and b (a's wage below b's), exact
 * (rules.md §11): (wage_b + payment_b − wage_a − payment_a) / (wage_b − wage_a).
 * 1 where no ydelse is lost, 9/20 where 55 % is deducted.
 * Precondition: wage_a < wage_b.
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

/* The range of a table: wages from..to by step, or hours from..to by step at an
 * hourly wage (the wage of h hours is h × hourly, rounded half away to øre). */
typedef struct rfy_whatif_range {
    int by_hours;
    mpz_t from, to, step;  /* øre; or hours in hundredths when by_hours */
    mpz_t hourly;          /* øre an hour (by_hours) */
} rfy_whatif_range;

RFY_API void rfy_whatif_range_init(rfy_whatif_range *r);
RFY_API void rfy_whatif_range_clear(rfy_whatif_range *r);

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
 * added when the steps miss it).  Returns RFY_OK with *npoints set, or
 * RFY_EINPUT with err->column naming the field.
 */
RFY_API int rfy_whatif_range_from_fields(rfy_whatif_range *out, size_t *npoints,
                                         const rfy_field *fields, size_t n,
                                         const rfy_decimal_syntax *amount, rfy_error *err);

/*
 * The table: pts[0..npoints-1] (each initialised), the points of `range` in
 * order, each by rfy_whatif_at(), with kept_of_last_krone from the point
 * before (none on the first).  Returns RFY_OK or the first point's fault.
 * Preconditions: npoints as rfy_whatif_range_from_fields() gave it.
 */
RFY_API int rfy_whatif_table(rfy_whatif_point *pts, size_t npoints, const rfy_rates *rates,
                             const rfy_case *in, const rfy_whatif_range *range, rfy_error *err);

/* The wage of `hours` (hundredths) at `hourly` øre an hour: hours × hourly /
 * 100, rounded half away from zero to whole øre (Decision, docs/whatif.md). */
RFY_API void rfy_whatif_wage_of_hours(mpz_t wage, const mpz_t hours, const mpz_t hourly);

/* The break-even wage and the wage rule it was found on. */
typedef struct rfy_break_even {
    mpz_t wage;            /* smallest wage (øre) with payment 0; 0 when the other
                            * incomes already take the whole ydelse */
    mpz_t hours;           /* with an hourly wage: the fewest hours (hundredths)
                            * whose wage reaches `wage` (rfy_break_even_hours) */
    mpz_t threshold;       /* the month's wage threshold T, øre */
    unsigned low_pct;      /* deducted of the wage up to T: 30, or 0 (ressourceforløb from 2022-01) */
    unsigned high_pct;     /* deducted of the wage above T: 55 */
    const char *wage_ref;  /* "§ 68 a stk. 2" or "§ 69 j stk. 9" */
    const char *holiday_ref; /* the holiday pay rule when holiday_pay > 0, else NULL */
} rfy_break_even;

RFY_API void rfy_break_even_init(rfy_break_even *b);
RFY_API void rfy_break_even_clear(rfy_break_even *b);

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
 */
RFY_API int rfy_break_even_wage(rfy_break_even *out, const rfy_rates *rates, const rfy_case *in,
                                rfy_error *err);

/*
 * The fewest hours (hundredths) at `hourly` øre an hour whose wage
 * (rfy_whatif_wage_of_hours) is at least `wage`: exact, ceil((wage − 1/2) ×
 * 100 / hourly), 0 for a wage of 0.  Precondition: hourly > 0.
 */
RFY_API void rfy_break_even_hours(mpz_t hours, const mpz_t wage, const mpz_t hourly);

RFY_END_DECLS

#endif
