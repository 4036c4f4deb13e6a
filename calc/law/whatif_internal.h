/* Internal to the what-if (whatif.c, whatif_break_even.c). */
#ifndef RFY_WHATIF_INTERNAL_H
#define RFY_WHATIF_INTERNAL_H

#include <rfy/whatif.h>

/* One point (opaque in rfy/whatif.h). */
struct rfy_whatif_point {
    int has_hours; /* the point was given as hours at an hourly wage */
    mpz_t hours;   /* hours worked, hundredths (has_hours) */
    mpz_t wage;    /* monthly wage incl. pension, øre */
    mpz_t payment; /* ydelse paid, øre (the result's payment) */
    mpz_t deductions; /* all deductions of the month, øre (the result's total deduction) */
    mpz_t total;   /* wage + payment, øre */
    int has_kept;  /* 0 on a table's first point */
    mpq_t kept;    /* kept of the last krone since the point before (rfy_whatif_kept) */
};

/* The range of a table (opaque in rfy/whatif.h). */
struct rfy_whatif_range {
    int by_hours;
    mpz_t from, to, step; /* øre; or hours in hundredths when by_hours */
    mpz_t hourly;         /* øre an hour (by_hours) */
    size_t npoints;       /* as rfy_whatif_range_from_fields() counted them */
};

/* The break-even wage (opaque in rfy/whatif.h). */
struct rfy_break_even {
    mpz_t wage;      /* smallest wage (øre) with payment 0 */
    mpz_t threshold; /* the month's wage threshold T, øre */
    rfy_break_even_info rule;
};

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
