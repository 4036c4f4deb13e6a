/*
 * One case-month runner (rules.md §7, §8; docs/casemonth.md "One runner").
 *
 * Every front end decides a case-month the same way, here:
 *   1. a row that cannot be read takes the other rows of its case-month with
 *      it (each names it);
 *   2. more than RFY_MAX_PERIOD_ROWS rows, overlapping days or two forløb
 *      types refuse every row (rfy_rows_check);
 *   3. rfy_compute_rows() computes the rows together; a row it refuses takes
 *      the others with it;
 *   4. the case's holiday ledger (§ 69 stk. 5) takes the month, always: the
 *      state comes in with the case's first month (both columns default to
 *      0), a month that is refused leaves the state unknown.
 *
 * rfy_casemonth_compute() is steps 1-3 for one case-month and
 * rfy_casemonth_holiday() step 4 (the batch runs them in worker threads and in
 * delivery order, respectively); rfy_casemonth_run() is all of it over rows
 * in any order held in memory (`rfy serve`, `rfy preview`).  The batch loop
 * (rfy/batch.h) streams a file through the same two functions.
 */
#ifndef RFY_RUNNER_H
#define RFY_RUNNER_H

#include <stddef.h>

#include <rfy/calc.h>
#include <rfy/casemonth.h>
#include <rfy/export.h>

RFY_BEGIN_DECLS

/*
 * Steps 1-3 for the n rows of one case-month, in input order; rows[i] NULL
 * when row i could not be read (its faults are the caller's).
 *
 * Returns RFY_OK with res computed (no holiday yet: rfy_casemonth_holiday).
 * Returns a row fault (RFY_EINPUT, RFY_ECOVERAGE, RFY_ENORATE) when the
 * case-month is refused, with conflict[i] for every row: RFY_ROWS_FINE means
 * the row is at fault itself -- its read faults when rows[i] is NULL, else
 * the faults in err (then *at == i) -- and any other value is a conflict to
 * word with rfy_rows_reason() / rfy_rows_reason_named(), naming row
 * conflict[i].other (the row at fault for RFY_ROWS_WITH_OTHERS: quote its
 * faults).  *at is the row err belongs to, or RFY_NO_ROW.  Any other code is
 * not the input's fault (memory): the run stops.
 * err is left alone when a row could not be read (it may hold that row's
 * faults).  Preconditions: res from rfy_result_new(); 1 <= n; conflict has n entries; rows of
 * one case_id and month.
 */
RFY_API int rfy_casemonth_compute(rfy_result *res, const rfy_rates *rates,
                                  const rfy_case *const *rows, size_t n,
                                  rfy_rows_conflict *conflict, rfy_error *err, size_t *at);

/*
 * Step 4: the holiday ledger of a computed case-month (rules.md §8), with
 * st the state of its case (rfy_holiday_state_new() or _reset() for a case's first
 * month), its period rows in input order.  Returns RFY_OK with res's holiday
 * columns and warnings set; or RFY_EINPUT with err and *at (the row at
 * fault): the case-month is refused and its case's state is unknown from it.
 */
RFY_API int rfy_casemonth_holiday(rfy_result *res, rfy_holiday_state *st,
                                  const rfy_case *const *rows, size_t n, rfy_error *err,
                                  size_t *at);

/* One row given to rfy_casemonth_run(). */
typedef struct rfy_run_row {
    /* In: */
    const rfy_case *in;      /* the row as read, or NULL: it could not be (err says why) */
    const char *case_id;     /* its case ("" when none given) */
    size_t case_id_len;
    int keyed;               /* its month is a month: it can be grouped (else it stands alone) */
    rfy_month month;
    unsigned long number;    /* how a fault of another row names it ("row 3", "line 7") */
    /* In and out: */
    int rc;                  /* in: RFY_OK when read; out: RFY_OK when its case-month was computed */
    rfy_error err;           /* in: its read faults; out: its faults when rc != RFY_OK */
} rfy_run_row;

/*
 * A computed case-month: its rows (pointers into the caller's array, in
 * input order) and the result, holiday included.  Return RFY_OK to go on,
 * anything else to stop the run (rfy_casemonth_run returns it).
 */
typedef int (*rfy_run_result_fn)(void *user, const rfy_run_row *const *rows, size_t n,
                                 const rfy_result *res);

/*
 * Run the n rows rows[0..n) in any order: group the keyed rows into case-months in the
 * batch's order (rfy_casemonth_cmp, then input order), decide each
 * (rfy_casemonth_compute, then rfy_casemonth_holiday with one state per
 * case), and hand each computed case-month to on_result in that order.  A
 * refused row gets rc and err, its reason naming other rows as `noun` and
 * their number ("row", "line").  Rows that are not keyed keep their own rc
 * and err.  Returns RFY_OK, RFY_ENOMEM, or what on_result returned to stop.
 * Preconditions: each row's in, rc and err set as above; rates loaded.
 */
RFY_API int rfy_casemonth_run(rfy_run_row *const *rows, size_t n, const rfy_rates *rates,
                              const char *noun, rfy_run_result_fn on_result, void *user);

RFY_END_DECLS

#endif
