/*
 * The fixture of the tests that compute one case (tests/test_compute.c,
 * tests/test_sanctions.c): the built-in rate tables, one case, its result and
 * its error, and the checks every such test makes.
 *
 * Add one_case_setup/one_case_teardown to a TCase as its checked fixture;
 * then fill C, call compute_ok() and compare amounts with ck_money().
 */
#ifndef RFY_TEST_ONE_CASE_H
#define RFY_TEST_ONE_CASE_H

#include <gmp.h>

#include "money_check.h"
#include <rfy/rfy.h>
/* White-box: the engine's own test reads the result's and the case's fields directly
 * (calc/law/calc_internal.h); programs use the accessors of <rfy/calc.h>. */
#include "calc_internal.h"

extern rfy_rates *R; /* the built-in tables */
extern rfy_case C;   /* the case, reset before every test */
extern rfy_result Z; /* what rfy_compute gave */
extern rfy_error E;  /* why it refused */

void one_case_setup(void);
void one_case_teardown(void);

/* rfy_compute(C) succeeds (else the test fails with the engine's reason). */
void compute_ok(void);

/* rfy_compute(C) returns want_rc and names `column`. */
void compute_bad(int want_rc, const char *column);

/* rules.md §5 and §9: the breakdown adds up.  The sanction deduction is its
 * two parts; total_deduction is the sum of the rounded deductions;
 * payment = max(0, gross − total_deduction). */
void ck_adds_up(void);

#endif
