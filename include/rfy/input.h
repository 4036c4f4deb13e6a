/*
 * Reading a case-month from named text fields: the batch input columns of
 * docs/interface.md ("case_id", "month", "prior_unit", ...), each a text
 * value exactly as it would stand in a CSV cell.
 *
 * The engine owns every check: the syntax of each cell, the allowed values,
 * the plausibility limits, start and end inside the month, and the fields
 * that depend on one another.  A refused case names the column at fault and
 * says why in words for a payroll officer, the same words `rfy batch` writes
 * to its rejects file.  rfy_compute() checks a case again, so a program that
 * fills an rfy_case itself gets the same protection (e.g. a prior without
 * prior_unit is refused, never read as monthly).
 *
 * Thread safety: no shared state; any number of threads may read cases at
 * once, each into its own rfy_case.
 */
#ifndef RFY_INPUT_H
#define RFY_INPUT_H

#include <stddef.h>

#include <rfy/calc.h>
#include <rfy/money.h>
#include <rfy/export.h>

RFY_BEGIN_DECLS

/* Most extra columns a batch may declare besides the input columns. */
#define RFY_BATCH_MAX_EXTRA 8

/* Where each column sits in the rows of one file (bound from its header by
 * the batch loop; opaque to programs). */
typedef struct rfy_case_binding rfy_case_binding;

/* One named field: `name` a batch input column, `value` its text (NUL-terminated). */
typedef struct rfy_field {
    const char *name;
    const char *value;
} rfy_field;

/*
 * Read one case-month from `n` named fields into `out`.
 *
 * Names are the batch input columns, exact and lowercase; each may appear
 * once; a field not given is an empty cell (its default).  `month` and
 * `category` are required; `case_id` is optional here (rfy_case does not
 * carry it) but checked when given.  `amount` is the decimal syntax of
 * amounts, hours and feriedage: &RFY_AMOUNT_DOT ("1234.50") or
 * &RFY_AMOUNT_COMMA ("1234,50"); NULL means RFY_AMOUNT_DOT.
 * Cells are checked in column order, so a case with several faults reports
 * the first.  Returns RFY_OK; or RFY_EINPUT with err->column (the column at
 * fault, or "" for an unknown or repeated name) and err->reason filled.
 * Preconditions: out from rfy_case_new(); it is reset first.
 * err not NULL.  Does not allocate.
 */
RFY_API int rfy_case_from_fields(rfy_case *out, const rfy_field *fields, size_t n,
                                 const rfy_decimal_syntax *amount, rfy_error *err);

/* Number of batch input columns, and the name of column i (0-based, in the
 * order cells are checked); NULL when i is out of range. */
RFY_API size_t rfy_input_column_count(void);
RFY_API const char *rfy_input_column_name(size_t i);

RFY_END_DECLS

#endif
