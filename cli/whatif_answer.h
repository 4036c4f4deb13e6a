/*
 * The answer of `rfy whatif` and POST /api/v1/whatif (interface.md): the
 * break-even wage and the table for one case-month and one range, computed
 * by the engine (rfy/whatif.h) and written as JSON in one place, so the CLI's
 * --json and the API give the same object.
 */
#ifndef RFY_WHATIF_ANSWER_H
#define RFY_WHATIF_ANSWER_H

#include <jansson.h>

#include <rfy/rfy.h>

typedef struct whatif_answer {
    rfy_break_even *be;
    rfy_whatif_table *table;
    rfy_break_even_info rule; /* the wage rule the break-even was found on */
    mpz_t be_wage;          /* the break-even wage, øre (a copy) */
    mpz_t be_hours;         /* the fewest hours reaching it, hundredths (by_hours) */
    mpz_t threshold;        /* the month's wage threshold, øre (a copy) */
    mpz_t hourly_ore;       /* the hourly wage, øre (by_hours; a copy) */
    int by_hours;
    char hourly[32];        /* the hourly wage as "150.00" (by_hours) */
} whatif_answer;

/* An empty answer, ready for whatif_answer_compute() and whatif_answer_clear(). */
void whatif_answer_init(whatif_answer *a);

/*
 * Compute the break-even wage (and, with hours, the fewest hours reaching
 * it) and the table of `range` (read by rfy_whatif_range_from_fields).
 * Returns RFY_OK, RFY_ENOMEM, or the engine's fault with err filled.
 * Precondition: *a initialised and not computed yet; clear it with
 * whatif_answer_clear() in every case.
 */
int whatif_answer_compute(whatif_answer *a, const rfy_rates *rates, const rfy_case *c,
                          const rfy_whatif_range *range, rfy_error *err);


void whatif_answer_clear(whatif_answer *a);

/*
 * {"break_even_wage", ["break_even_hours",] "threshold", "segments": [{"from",
 * "to", "deduction_pct", "ref"}], ["holiday_ref",] "rows": [{["hours",] "wage",
 * "payment", "deductions", "total", "kept_of_last_krone",
 * "kept_of_last_krone_pct"}], "rates_id"}; amounts as strings ("7500.00"),
 * kept as an exact fraction ("9/20", null on the first row) and a percentage
 * with two decimals.  NULL when memory runs out.
 */
json_t *whatif_answer_json(const whatif_answer *a, const rfy_rates *rates);

#endif
