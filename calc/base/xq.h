/*
 * Internal to calc/: rfy__xq, the exact rational number of the rules' hot
 * path.  A value is held as a reduced fraction of two int64_t (numerator,
 * positive denominator) while it fits, and as a GMP mpq_t beyond that; every
 * operation checks the machine arithmetic with __builtin_*_overflow and, on
 * overflow, redoes the step in GMP.  The value is always the same canonical
 * fraction GMP's mpq would hold, so either representation gives the same
 * result to the bit: the small one only skips GMP's heap, its calls and its
 * general gcd for the amounts a row carries (øre, day counts, fractions with
 * denominators like 100, 12, 31 or 500).  docs/performance.md gives the
 * measurement behind the choice (against FLINT's fmpq and plain mpq).
 *
 * No floating point.  The fast paths are inline here; the GMP fallbacks are
 * in xq.c.
 *
 * Ownership: rfy__xq_init() before first use (allocates nothing until a
 * value overflows 64 bits), rfy__xq_clear() once at the end.
 */
#ifndef RFY_CALC_XQ_H
#define RFY_CALC_XQ_H

#include <stdint.h>

#include <gmp.h>

#include <rfy/status.h>

/* The small form is handed to GMP as a long (mpz_set_si), and read from
 * one limb: a 64-bit long and 64-bit limbs, as on every platform rfy builds for. */
_Static_assert(sizeof(long) == sizeof(int64_t), "rfy__xq needs a 64-bit long");

/* z = v (z initialised): mpz_set_si's result, written in place when z has a
 * limb already (every number a batch reuses), so that storing a small value
 * into a result's mpq_t is a few stores, not two calls into GMP.  The
 * fields are the documented layout of gmp.h's __mpz_struct; a number GMP
 * has not yet given a limb (mpz_init allocates lazily) goes to mpz_set_si. */
static inline void rfy__z_set_i64(mpz_ptr z, int64_t v)
{
    if (GMP_NUMB_BITS == 64 && z->_mp_alloc >= 1) {
        z->_mp_d[0] = v < 0 ? 0 - (mp_limb_t)v : (mp_limb_t)v;
        z->_mp_size = v < 0 ? -1 : v > 0;
    } else {
        mpz_set_si(z, (long)v);
    }
}

/* *v = z when z fits an int64_t other than INT64_MIN (returns 1), read from
 * its limb in place; 0 (and *v untouched) otherwise.  The whole-øre columns
 * of a result are summed and subtracted in machine integers through this,
 * checked, with GMP for anything larger. */
static inline int rfy__z_get_i64(const mpz_t z, int64_t *v)
{
    int size = z->_mp_size;
    mp_limb_t limb;
    if (size == 0) {
        *v = 0;
        return 1;
    }
    if ((size != 1 && size != -1) || GMP_NUMB_BITS != 64)
        return 0;
    limb = z->_mp_d[0];
    if (limb > (mp_limb_t)INT64_MAX)
        return 0;
    *v = size > 0 ? (int64_t)limb : -(int64_t)limb;
    return 1;
}

/* sum += x (both initialised), mpz_add's result: written in place when sum
 * and x are each 0 or one positive limb and the limb does not carry (a
 * run's totals, added for every row), mpz_add otherwise. */
static inline void rfy__z_add(mpz_ptr sum, mpz_srcptr x)
{
    mp_limb_t s, t;
    if (GMP_NUMB_BITS == 64 && sum->_mp_alloc >= 1 && (unsigned)sum->_mp_size <= 1 &&
        (unsigned)x->_mp_size <= 1) {
        s = sum->_mp_size ? sum->_mp_d[0] : 0;
        t = x->_mp_size ? x->_mp_d[0] : 0;
        if (!__builtin_add_overflow(s, t, &s)) {
            sum->_mp_d[0] = s;
            sum->_mp_size = s != 0;
            return;
        }
    }
    mpz_add(sum, sum, x);
}

typedef struct rfy__xq {
    int64_t num; /* small form: num / den, gcd 1, num != INT64_MIN */
    int64_t den; /* > 0 in the small form; 0: the value is in big */
    int big_init; /* big has been mpq_init'ed (kept for reuse) */
    mpq_t big;
} rfy__xq;

/* x = 0, allocating nothing. */
static inline void rfy__xq_init(rfy__xq *x)
{
    x->num = 0;
    x->den = 1;
    x->big_init = 0;
}

void rfy__xq_big_clear(rfy__xq *x);

/* Frees the GMP value, if one was ever needed; x is 0 afterwards. */
static inline void rfy__xq_clear(rfy__xq *x)
{
    if (x->big_init)
        rfy__xq_big_clear(x);
    x->num = 0;
    x->den = 1;
}

/* --- the GMP fallbacks (xq.c); callers use the inline functions below --- */
void rfy__xq_big_set_z(rfy__xq *x, const mpz_t z);
void rfy__xq_big_set_q(rfy__xq *x, const mpq_t q);
void rfy__xq_big_frac_u(rfy__xq *x, int neg, uint64_t mag, uint64_t den);
void rfy__xq_big_add(rfy__xq *out, const rfy__xq *a, const rfy__xq *b, int sub);
void rfy__xq_big_mul_frac(rfy__xq *out, const rfy__xq *a, const mpz_t mul, uint64_t m, uint64_t d);
int rfy__xq_big_cmp(const rfy__xq *a, const rfy__xq *b);
void rfy__xq_big_get_q(mpq_t out, const rfy__xq *x);
void rfy__xq_big_get_z(mpz_t out, const rfy__xq *x);
unsigned rfy__xq_big_round(mpz_t out, const rfy__xq *x, unsigned long unit);
void rfy__xq_big_set(rfy__xq *out, const rfy__xq *x);

/* gcd of two unsigned 64-bit integers (binary, Stein's, with the
 * minimum and the difference taken without branches); gcd(0, b) = b. */
static inline uint64_t rfy__gcd_u64(uint64_t a, uint64_t b)
{
    int shift;
    if (a == 0)
        return b;
    if (b == 0)
        return a;
    shift = __builtin_ctzll(a | b);
    a >>= __builtin_ctzll(a);
    do {
        uint64_t d;
        b >>= __builtin_ctzll(b);
        d = b - a;
        a = a < b ? a : b; /* min(a, b) */
        b = b > d ? d : (uint64_t)0 - d; /* |b − a|: d wrapped when b < a */
    } while (b != 0);
    return a << shift;
}

static inline uint64_t rfy__xq_abs(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* x = num / den reduced, den > 0 given as unsigned; the magnitude of num as
 * unsigned and its sign apart.  Falls back to GMP when the reduced numerator
 * or denominator does not fit. */
static inline void rfy__xq_set_frac_u(rfy__xq *x, int neg, uint64_t mag, uint64_t den)
{
    if (den != 1) {
        /* gcd(mag, den) = gcd(mag mod den, den): one division brings the
         * numerator down to the size of the (small) denominator first */
        uint64_t g = rfy__gcd_u64(mag % den, den);
        if (g != 1) {
            mag /= g;
            den /= g;
        }
    }
    if (mag > (uint64_t)INT64_MAX || den > (uint64_t)INT64_MAX) {
        rfy__xq_big_frac_u(x, neg, mag, den);
        return;
    }
    x->num = neg ? -(int64_t)mag : (int64_t)mag;
    x->den = (int64_t)den;
}

/* x = 0. */
static inline void rfy__xq_set_zero(rfy__xq *x)
{
    x->num = 0;
    x->den = 1;
}

/* x = y. */
static inline void rfy__xq_set(rfy__xq *x, const rfy__xq *y)
{
    if (y->den) {
        x->num = y->num;
        x->den = y->den;
    } else {
        rfy__xq_big_set(x, y);
    }
}

/* |z| as one uint64_t when it fits in one (mpz_size and mpz_getlimbn are
 * inline in gmp.h: no call into GMP); 0 when it does not. */
static inline int rfy__z_small(const mpz_t z, uint64_t *mag)
{
    size_t n = mpz_size(z);
    if (n == 0) {
        *mag = 0;
        return 1;
    }
    if (n != 1 || GMP_NUMB_BITS != 64)
        return 0;
    *mag = (uint64_t)mpz_getlimbn(z, 0);
    return 1;
}

/* x = the integer z (øre from the input or a rate table). */
static inline void rfy__xq_set_z(rfy__xq *x, const mpz_t z)
{
    uint64_t mag;
    if (rfy__z_small(z, &mag) && mag <= (uint64_t)INT64_MAX) {
        x->num = mpz_sgn(z) < 0 ? -(int64_t)mag : (int64_t)mag;
        x->den = 1;
        return;
    }
    rfy__xq_big_set_z(x, z);
}

/* x = q (copied; canonical as every mpq is). */
static inline void rfy__xq_set_q(rfy__xq *x, const mpq_t q)
{
    uint64_t n, d;
    if (rfy__z_small(mpq_numref(q), &n) && n <= (uint64_t)INT64_MAX && rfy__z_small(mpq_denref(q), &d) &&
        d <= (uint64_t)INT64_MAX) {
        x->num = mpq_sgn(q) < 0 ? -(int64_t)n : (int64_t)n;
        x->den = (int64_t)d;
        return;
    }
    rfy__xq_big_set_q(x, q);
}

/* out = x (out initialised; the same canonical fraction). */
static inline void rfy__xq_get_q(mpq_t out, const rfy__xq *x)
{
    if (x->den) {
        rfy__z_set_i64(mpq_numref(out), x->num);
        rfy__z_set_i64(mpq_denref(out), x->den);
    } else {
        rfy__xq_big_get_q(out, x);
    }
}

/* out = x for a whole number x (a sum or difference of whole numbers of
 * øre; out initialised).  A fraction would be truncated toward zero. */
static inline void rfy__xq_get_z(mpz_t out, const rfy__xq *x)
{
    if (x->den == 1)
        rfy__z_set_i64(out, x->num);
    else
        rfy__xq_big_get_z(out, x);
}

/* -1, 0 or 1. */
static inline int rfy__xq_sgn(const rfy__xq *x)
{
    if (x->den)
        return (x->num > 0) - (x->num < 0);
    return mpq_sgn(x->big);
}

/* out = a + b (sub = 0) or a − b (sub = 1). */
static inline void rfy__xq_addsub(rfy__xq *out, const rfy__xq *a, const rfy__xq *b, int sub)
{
    if (a->den && b->den) {
        int64_t bn = b->num, n, t1, t2;
        uint64_t g, ad, bd;
        if (sub)
            bn = -bn; /* b->num != INT64_MIN: no overflow */
        if (a->den == b->den) {
            if (!__builtin_add_overflow(a->num, bn, &n) && n != INT64_MIN) {
                if (a->den == 1) {
                    out->num = n;
                    out->den = 1;
                } else {
                    rfy__xq_set_frac_u(out, n < 0, rfy__xq_abs(n), (uint64_t)a->den);
                }
                return;
            }
        } else {
            /* a/ad + bn/bd = (a × bd/g + bn × ad/g) / (ad/g × bd) */
            ad = (uint64_t)a->den;
            bd = (uint64_t)b->den;
            g = rfy__gcd_u64(ad, bd);
            if (!__builtin_mul_overflow(a->num, (int64_t)(bd / g), &t1) &&
                !__builtin_mul_overflow(bn, (int64_t)(ad / g), &t2) &&
                !__builtin_add_overflow(t1, t2, &n) && n != INT64_MIN) {
                uint64_t d;
                if (!__builtin_mul_overflow(ad / g, bd, &d)) {
                    rfy__xq_set_frac_u(out, n < 0, rfy__xq_abs(n), d);
                    return;
                }
            }
        }
    }
    rfy__xq_big_add(out, a, b, sub);
}

static inline void rfy__xq_add(rfy__xq *out, const rfy__xq *a, const rfy__xq *b)
{
    rfy__xq_addsub(out, a, b, 0);
}

static inline void rfy__xq_sub(rfy__xq *out, const rfy__xq *a, const rfy__xq *b)
{
    rfy__xq_addsub(out, a, b, 1);
}

/* out = a × m / d, for machine integers m ≥ 0 and d > 0 (× days / days in
 * the month, × 52/12, × 55/100, × 7/500).  The operations of the rules. */
static inline void rfy__xq_mul_frac_ui(rfy__xq *out, const rfy__xq *a, uint64_t m, uint64_t d)
{
    if (a->den) {
        uint64_t mag, den;
        if (!__builtin_mul_overflow(rfy__xq_abs(a->num), m, &mag) &&
            !__builtin_mul_overflow((uint64_t)a->den, d, &den)) {
            rfy__xq_set_frac_u(out, a->num < 0, mag, den);
            return;
        }
    }
    rfy__xq_big_mul_frac(out, a, NULL, m, d);
}

/* out = a × z / d, for an integer z (an input amount) and d > 0. */
static inline void rfy__xq_mul_z_div_ui(rfy__xq *out, const rfy__xq *a, const mpz_t z, uint64_t d)
{
    uint64_t zm, mag, den;
    if (a->den && rfy__z_small(z, &zm) && !__builtin_mul_overflow(rfy__xq_abs(a->num), zm, &mag) &&
        !__builtin_mul_overflow((uint64_t)a->den, d, &den)) {
        rfy__xq_set_frac_u(out, (a->num < 0) != (mpz_sgn(z) < 0), mag, den);
        return;
    }
    rfy__xq_big_mul_frac(out, a, z, 1, d);
}

/* The sign of a − b. */
static inline int rfy__xq_cmp(const rfy__xq *a, const rfy__xq *b)
{
    if (a->den && b->den) {
        int64_t l, r;
        if (a->den == b->den)
            return (a->num > b->num) - (a->num < b->num);
        if (!__builtin_mul_overflow(a->num, b->den, &l) && !__builtin_mul_overflow(b->num, a->den, &r))
            return (l > r) - (l < r);
    }
    return rfy__xq_big_cmp(a, b);
}

/*
 * rfy_round_half_away() (rfy/money.h) of x: out = x rounded to a multiple of
 * unit øre, half away from zero; returns RFY_FLAG_ROUNDED, or-ed with
 * RFY_FLAG_INEXACT when x was not already such a multiple.  The same
 * truncating quotient, remainder and tie rule as the GMP path.
 */
static inline unsigned rfy__xq_round_half_away(mpz_t out, const rfy__xq *x, unsigned long unit)
{
    if (x->den) {
        uint64_t den, mag = rfy__xq_abs(x->num), q, r;
        unsigned flags = RFY_FLAG_ROUNDED;
        if (!__builtin_mul_overflow((uint64_t)x->den, (uint64_t)unit, &den)) {
            if (den == 1) { /* a whole number of øre (most amounts): no division */
                q = mag;
                r = 0;
            } else {
                q = mag / den;
                r = mag % den;
            }
            if (r != 0) {
                flags |= RFY_FLAG_INEXACT;
                if (r >= den - r) /* 2r >= den without overflow */
                    q++;
            }
            if (!__builtin_mul_overflow(q, (uint64_t)unit, &q) && q <= (uint64_t)INT64_MAX) {
                rfy__z_set_i64(out, x->num < 0 ? -(int64_t)q : (int64_t)q);
                return flags;
            }
        }
    }
    return rfy__xq_big_round(out, x, unit);
}

#endif
