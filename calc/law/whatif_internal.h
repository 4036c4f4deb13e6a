/* Internal to the what-if (whatif.c, whatif_break_even.c). */
#ifndef RFY_WHATIF_INTERNAL_H
#define RFY_WHATIF_INTERNAL_H

#include <rfy/whatif.h>

/* Every field of `from` into `to` (both initialised). */
void rfy__case_copy(rfy_case *to, const rfy_case *from);

/*
 * rfy_compute() of `work` with its wage set to `wage`, into res; the point
 * (may be NULL) gets wage, payment, deductions and total.  The one place the
 * what-if computes: every point and every value the break-even reads.
 */
int rfy__whatif_eval(rfy_whatif_point *out, rfy_result *res, const rfy_rates *rates,
                     rfy_case *work, const mpz_t wage, rfy_error *err);

#endif
