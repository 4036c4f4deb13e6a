/*
 * A case-month from several period rows (rules.md §7).
 *
 * One month of one case may come as several input rows: the level changed
 * inside the month (a child was born on the 12th: ikke_forsorger 1–11,
 * forsorger 12–31), or the kommune stopped the benefit for some days (rows
 * 1–9 and 17–31).  Such rows are computed as ONE case-month:
 *   - their start..end ranges must not overlap (an exact repeat is an
 *     overlap): paying a day twice is the worst error a payroll run can make;
 *   - forloeb is the same on every row;
 *   - each row gives the level for its own days; the gross is the sum over
 *     the segments of all rows (rules.md §3);
 *   - the incomes are summed over the rows and deducted once (rules.md §4):
 *     one wage threshold, the 160 hours once, the holiday cap from the
 *     month's exact gross per day of entitlement;
 *   - days no row covers are days without benefit.
 * With one row the result is exactly rfy_compute()'s.
 */
#ifndef RFY_CASEMONTH_H
#define RFY_CASEMONTH_H

#include <stddef.h>

#include <rfy/calc.h>
#include <rfy/export.h>

RFY_BEGIN_DECLS

/* Most rows one case-month may have: at least one day each, so more than 31
 * period rows always overlap.  A front end may hold up to this many; more are
 * rejected (rfy_rows_reason with RFY_ROWS_TOO_MANY). */
#define RFY_MAX_PERIOD_ROWS 31

/* "No row" in rfy_rows_conflict.other. */
#define RFY_NO_ROW ((size_t)-1)

/* Why a row of a case-month cannot be computed with the others. */
typedef enum rfy_rows_fault {
    RFY_ROWS_FINE = 0,    /* nothing against this row */
    RFY_ROWS_OVERLAP,     /* its start..end overlaps `other`'s (or repeats it) */
    RFY_ROWS_FORLOEB,     /* its forloeb differs from `other`'s */
    RFY_ROWS_WITH_OTHERS, /* fine itself, but `other` is at fault: the case-month is not computed */
    RFY_ROWS_TOO_MANY     /* the case-month has more than RFY_MAX_PERIOD_ROWS period rows */
} rfy_rows_fault;

typedef struct rfy_rows_conflict {
    rfy_rows_fault fault;
    size_t other;         /* index of the other row named in the reason, or RFY_NO_ROW */
} rfy_rows_conflict;

/*
 * Check the rows of one case-month against each other (rules.md §7):
 * start..end ranges must not overlap, forloeb must agree, at most
 * RFY_MAX_PERIOD_ROWS rows.  Each row's own input (rfy_case_check) is not
 * checked here.  Fills out[i] for every row i: RFY_ROWS_FINE for all when
 * the rows go together (returns RFY_OK); otherwise every row gets a fault,
 * each naming another row (returns RFY_EINPUT): an overlapping row names a
 * row it overlaps, a row with another forloeb names a row it differs from,
 * and every other row names the first row at fault.
 * Preconditions: rows[0..n-1] are of one month; n >= 1; out has n entries.
 */
RFY_API int rfy_rows_check(rfy_rows_conflict *out, const rfy_case *const *rows, size_t n);

/*
 * The reject reason of a row with conflict c (err->column and err->reason),
 * naming the other row by its input line `other_line` (0: none).  For
 * RFY_ROWS_WITH_OTHERS, `other_err` is the other row's own error if it has
 * one (its column and reason are quoted), or NULL when it is a conflict.
 */
RFY_API void rfy_rows_reason(rfy_error *err, const rfy_rows_conflict *c, unsigned long other_line,
                     const rfy_error *other_err);

/*
 * The same, naming the other row as `noun` and `other` ("row", 3: "... those
 * of row 3 ...") for a front end whose rows are not lines of a file (the
 * HTTP API counts its rows from 0).  rfy_rows_reason() is this with "line".
 */
RFY_API void rfy_rows_reason_named(rfy_error *err, const rfy_rows_conflict *c, const char *noun,
                           unsigned long other, const rfy_error *other_err);

/*
 * The order in which rows are grouped into case-months and case-months are
 * given out (rules.md §7; the order of batch and audit output): by case_id
 * compared byte by byte ("A" < "AB" < "B" < "a"), then by month.  Returns
 * <0, 0 or >0 as (id_a, month_a) sorts before, with or after (id_b,
 * month_b); 0 means the two rows are of one case-month.
 */
RFY_API int rfy_casemonth_cmp(const char *id_a, size_t len_a, rfy_month month_a, const char *id_b,
                      size_t len_b, rfy_month month_b);

/*
 * Compute one case-month from its n period rows, in any order (rules.md §7).
 *
 * Runs rfy_rows_check(), then for each row rfy_case_check() and the level
 * rules, then the deductions once on the summed incomes.  Returns RFY_OK
 * with `out` filled: its segments are those of all rows in day order,
 * its days the days of entitlement, its level_ref the distinct references
 * in day order; the level detail (stk2_level, tillaeg, prior_monthly) is the
 * last row's in day order; rfy_result_category() names the categories when there
 * are several (rfy_rows_category), else it is "".  On failure returns the code rfy_compute() would
 * give (RFY_EINPUT for a conflict between rows) with err filled and *at set
 * to the index of the row at fault (at may be NULL).  n == 1 is exactly
 * rfy_compute(out, rates, rows[0], err).
 * Preconditions: out from rfy_result_new(); 1 <= n.  Warm results
 * compute without allocating (segments and scratch grow once).
 */
RFY_API int rfy_compute_rows(rfy_result *out, const rfy_rates *rates, const rfy_case *const *rows,
                     size_t n, rfy_error *err, size_t *at);

/*
 * The case an explanation of a case-month of several rows reads (rules.md
 * §7): the month's incomes summed over the rows exactly as rfy_compute_rows()
 * summed them before deducting them once, the level detail (category,
 * children, prior ...) of the row that ends last, and the days from the
 * first row's start to the last row's end.  Front ends show it with the
 * result instead of adding the rows up themselves.
 * Preconditions: `out` from rfy_case_new(); rfy_compute_rows(res,
 * rates, rows, n, ...) returned RFY_OK for these rows; n >= 1.
 */
RFY_API void rfy_rows_month_case(rfy_case *out, const rfy_case *const *rows, size_t n,
                                 const rfy_result *res);

/*
 * The category to show for a case-month: the names of the rows' categories
 * in day order, distinct, joined by ';' ("ikke_forsorger;forsorger"), into
 * buf (NUL-terminated, cut to fit).  Returns the length.
 */
RFY_API size_t rfy_rows_category(char *buf, size_t size, const rfy_case *const *rows, size_t n);

RFY_END_DECLS

#endif
