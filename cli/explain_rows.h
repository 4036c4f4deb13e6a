/*
 * Explaining a case-month made of several period rows (rules.md §7): the
 * rows with their days, category and incomes, then the month's breakdown as
 * for one row (explain.h), on the month's summed incomes.  Used by
 * `rfy audit --explain` and `rfy preview --input`.
 */
#ifndef RFY_EXPLAIN_ROWS_H
#define RFY_EXPLAIN_ROWS_H

#include <stdio.h>

#include <jansson.h>

#include <rfy/batch.h>
#include <rfy/rfy.h>

/*
 * Write the Danish explanation of the case-month computed by
 * rfy_compute_rows(res, rates, rows, n, ...) to out.  lines[i] is the input
 * line of rows[i] (lines may be NULL).  With one row this is explain_text(),
 * or explain_text_recomputation() when `recomputation` is set (audit).
 * Returns 0, or EOF on a write error.
 */
int explain_rows_text(FILE *out, const char *case_id, const rfy_case *const *rows, size_t n,
                      const unsigned long *lines, const rfy_result *res, const rfy_rates *rates,
                      int recomputation);

/*
 * The same as a JSON object: explain_json() of the month (summed incomes)
 * plus "periods": [{line, first_day, last_day, category, prior}, ...] and,
 * with several categories, "category" as the batch column writes it.
 * Returns a new reference, or NULL when memory runs out.
 */
json_t *explain_rows_json(const char *case_id, const rfy_case *const *rows, size_t n,
                          const unsigned long *lines, const rfy_result *res, const rfy_rates *rates);

/* The text for a computed case-month of the batch loop (its period rows). */
int explain_batch_row(FILE *out, const char *case_id, const rfy_batch_row *row,
                      const rfy_rates *rates, int recomputation);

#endif
