/*
 * rfy__xq's GMP side (xq.h): every step whose machine arithmetic would
 * overflow is redone here on mpq_t, and a result that fits 64 bits again
 * goes back to the small form, so a value has one representation whatever
 * path made it.  These run only for amounts beyond about 9.2 × 10^18 (in
 * øre, or as a numerator or denominator of an exact fraction): rare, and
 * exact either way.
 */
#include <limits.h>

#include "xq.h"

#include <rfy/money.h> /* rfy_round_half_away(): the one rounding rule */

void rfy__xq_big_clear(rfy__xq *x)
{
    mpq_clear(x->big);
    x->big_init = 0;
}

/* The value of x into the initialised tmp. */
static void to_q(mpq_t tmp, const rfy__xq *x)
{
    if (x->den) {
        rfy__z_set_i64(mpq_numref(tmp), x->num);
        rfy__z_set_i64(mpq_denref(tmp), x->den);
    } else {
        mpq_set(tmp, x->big);
    }
}

/* x = q (canonical): the small form when both parts fit. */
static void store(rfy__xq *x, const mpq_t q)
{
    if (sizeof(long) == sizeof(int64_t) && mpz_fits_slong_p(mpq_numref(q)) &&
        mpz_fits_slong_p(mpq_denref(q)) && mpz_get_si(mpq_numref(q)) != LONG_MIN) {
        x->num = mpz_get_si(mpq_numref(q));
        x->den = mpz_get_si(mpq_denref(q));
        return;
    }
    if (!x->big_init) {
        mpq_init(x->big);
        x->big_init = 1;
    }
    if (x->big != q)
        mpq_set(x->big, q);
    x->den = 0;
}

void rfy__xq_big_set(rfy__xq *out, const rfy__xq *x)
{
    store(out, x->big);
}

void rfy__xq_big_set_z(rfy__xq *x, const mpz_t z)
{
    mpq_t t;
    mpq_init(t);
    mpq_set_z(t, z);
    store(x, t);
    mpq_clear(t);
}

void rfy__xq_big_set_q(rfy__xq *x, const mpq_t q)
{
    store(x, q);
}

void rfy__xq_big_frac_u(rfy__xq *x, int neg, uint64_t mag, uint64_t den)
{
    mpq_t t;
    mpq_init(t);
    mpz_import(mpq_numref(t), 1, 1, sizeof mag, 0, 0, &mag);
    mpz_import(mpq_denref(t), 1, 1, sizeof den, 0, 0, &den);
    if (neg)
        mpz_neg(mpq_numref(t), mpq_numref(t));
    mpq_canonicalize(t);
    store(x, t);
    mpq_clear(t);
}

void rfy__xq_big_add(rfy__xq *out, const rfy__xq *a, const rfy__xq *b, int sub)
{
    mpq_t ta, tb;
    mpq_init(ta);
    mpq_init(tb);
    to_q(ta, a);
    to_q(tb, b);
    if (sub)
        mpq_sub(ta, ta, tb);
    else
        mpq_add(ta, ta, tb);
    store(out, ta);
    mpq_clear(ta);
    mpq_clear(tb);
}

void rfy__xq_big_mul_frac(rfy__xq *out, const rfy__xq *a, const mpz_t mul, uint64_t m, uint64_t d)
{
    mpq_t t;
    mpz_t u;
    mpq_init(t);
    mpz_init(u);
    to_q(t, a);
    if (mul)
        mpz_mul(mpq_numref(t), mpq_numref(t), mul);
    mpz_import(u, 1, 1, sizeof m, 0, 0, &m);
    mpz_mul(mpq_numref(t), mpq_numref(t), u);
    mpz_import(u, 1, 1, sizeof d, 0, 0, &d);
    mpz_mul(mpq_denref(t), mpq_denref(t), u);
    mpq_canonicalize(t);
    store(out, t);
    mpz_clear(u);
    mpq_clear(t);
}

int rfy__xq_big_cmp(const rfy__xq *a, const rfy__xq *b)
{
    mpq_t ta, tb;
    int c;
    mpq_init(ta);
    mpq_init(tb);
    to_q(ta, a);
    to_q(tb, b);
    c = mpq_cmp(ta, tb);
    mpq_clear(ta);
    mpq_clear(tb);
    return (c > 0) - (c < 0);
}

void rfy__xq_big_get_q(mpq_t out, const rfy__xq *x)
{
    mpq_set(out, x->big);
}

void rfy__xq_big_get_z(mpz_t out, const rfy__xq *x)
{
    /* truncated: the integer itself when the denominator is 1 */
    if (x->den)
        mpz_set_si(out, (long)(x->num / x->den));
    else
        mpz_tdiv_q(out, mpq_numref(x->big), mpq_denref(x->big));
}

unsigned rfy__xq_big_round(mpz_t out, const rfy__xq *x, unsigned long unit)
{
    /* Beyond what 64 bits can round (den × unit overflows, or x is big):
     * as an mpq_t, by the one rounding rule, rfy_round_half_away(). */
    mpq_t t;
    unsigned flags;
    mpq_init(t);
    to_q(t, x);
    flags = rfy_round_half_away(out, t, unit);
    mpq_clear(t);
    return flags;
}
