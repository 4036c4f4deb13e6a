/* Internal to calc/: small exact-arithmetic helpers of the rules' hot path
 * (rfy__q_canonicalize is in money.c; the rest are inline). */
#ifndef RFY_EXACT_H
#define RFY_EXACT_H

#include <gmp.h>

/* x = 0, with no call into GMP (a batch resets its case and result for
 * every row, and most of their amounts stay 0).  mpz_size and mpz_getlimbn
 * read the number in place (inline in gmp.h); an mpq counts as 0 only as
 * 0/1, so one left 0/n by a write to its parts is still set.  The stores
 * are mpz_set_ui's own on gmp.h's documented __mpz_struct (a size of 0 is
 * the number 0; a denominator keeps the limb it has), as rfy__z_set_i64
 * (xq.h) makes them. */
static inline void rfy__set_zero(mpz_t x)
{
    x->_mp_size = 0;
}

static inline void rfy__set_zero_q(mpq_t x)
{
    if (mpz_sgn(mpq_numref(x)) != 0 || mpz_size(mpq_denref(x)) != 1 ||
        mpz_getlimbn(mpq_denref(x), 0) != 1) {
        if (mpq_denref(x)->_mp_alloc >= 1) {
            mpq_numref(x)->_mp_size = 0;
            mpq_denref(x)->_mp_d[0] = 1;
            mpq_denref(x)->_mp_size = 1;
        } else {
            mpq_set_ui(x, 0, 1);
        }
    }
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
