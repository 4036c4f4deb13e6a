/* Internal to calc/: small exact-arithmetic helpers of the rules' hot path
 * (rfy__q_canonicalize is in money.c; the rest are inline). */
#ifndef RFY_EXACT_H
#define RFY_EXACT_H

#include <gmp.h>

/* x = 0, with no call into GMP when x is 0 already (a batch resets its
 * case and result for every row, and most of their amounts stay 0).
 * mpz_size and mpz_getlimbn read the number in place (inline in gmp.h); an
 * mpq counts as 0 only as 0/1, so one left 0/n by a write to its parts is
 * still set. */
static inline void rfy__set_zero(mpz_t x)
{
    if (mpz_sgn(x) != 0)
        mpz_set_ui(x, 0);
}

static inline void rfy__set_zero_q(mpq_t x)
{
    if (mpz_sgn(mpq_numref(x)) != 0 || mpz_size(mpq_denref(x)) != 1 ||
        mpz_getlimbn(mpq_denref(x), 0) != 1)
        mpq_set_ui(x, 0, 1);
}

/*
 * mpq_canonicalize(q), the same canonical fraction: for a positive
 * denominator of one machine word (every fraction the rules build: × 52/12,
 * ÷ 100, days / days in the month) the common factor is found with
 * mpz_gcd_ui, a one-word gcd, instead of a general one (money.c).
 */
void rfy__q_canonicalize(mpq_ptr q);

/* sum += x, with no call into GMP when x is 0 (most deductions of a month
 * are): the same sum, exactly. */
static inline void rfy__add_to(mpz_t sum, const mpz_t x)
{
    if (mpz_sgn(x) != 0)
        mpz_add(sum, sum, x);
}

#endif
