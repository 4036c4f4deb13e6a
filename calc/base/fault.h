/*
 * Internal to calc/: recording faults into an rfy_error (rfy/fault.h).
 *
 * A check records a fault with rfy__fault_add(), fills the parameters the
 * code names, then calls rfy__fault_end(), which renders the Danish text into
 * err->reason (kept for one-line callers).  Nothing allocates.  err may be
 * NULL: the engine then only returns the status.
 */
#ifndef RFY_CALC_FAULT_H
#define RFY_CALC_FAULT_H

#include <stddef.h>

#include <rfy/calc.h>

/*
 * Start a fault of `code` at `column` (static, or "" for the row).  Returns
 * the fault to fill, or NULL when err is NULL or its list is full (then
 * err->more is set).  Always follow with rfy__fault_end(err).
 */
rfy_fault *rfy__fault_add(rfy_error *err, rfy_fault_code code, const char *column);

/* Close the fault last added: err->column (first fault) and err->reason. */
void rfy__fault_end(rfy_error *err);

/* Copy the value as given into f->value, made printable and cut between characters. */
void rfy__fault_value(rfy_fault *f, const char *s, size_t len);

/* One-call form: a fault with a value (may be NULL) and a limit; returns RFY_EINPUT. */
int rfy__fault(rfy_error *err, rfy_fault_code code, const char *column, const char *value,
               size_t len, long limit);

/* Copy the faults of src after those of dst (a later check of the same row). */
void rfy__fault_copy(rfy_error *dst, const rfy_error *src);

/*
 * The code of a `why` that rfy_decimal_parse() / rfy_amount_parse() gave
 * (money.c knows its own reasons).  RFY_FAULT_NUMBER_INVALID for any other.
 */
rfy_fault_code rfy__number_fault(const char *why);

#endif
