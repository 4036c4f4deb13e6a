/*
 * rfy__xq (calc/base/xq.h), the exact number of the rules' hot path, against
 * plain GMP:
 *   - recorded cases at the edges of its 64-bit form (values near 2^63 and
 *     2^64), where it must fall back to mpq and come back when the result
 *     fits again, with the expected values written out;
 *   - a property test: every operation the rules use (set from an integer
 *     or a fraction, +, −, × m / d, × z / d, comparison, sign, rounding half
 *     away from zero to øre and to kroner) on random and edge operands from
 *     a fixed-seed generator, compared with the same step on mpq_t and
 *     with a slow rounding written from its definition.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include <gmp.h>

#include <rfy/status.h>
#include "check_run.h"
#include "xq.h"

/* ---- helpers ---------------------------------------------------------------- */

static void q_from_str(mpq_t q, const char *s)
{
    ck_assert_int_eq(mpq_set_str(q, s, 10), 0);
    mpq_canonicalize(q);
}

/* x must hold exactly the value `want` (a GMP fraction text) and be in the
 * small form exactly when numerator and denominator fit an int64_t other
 * than INT64_MIN. */
static void assert_xq(const rfy__xq *x, const char *want)
{
    mpq_t got, w;
    mpq_init(got);
    mpq_init(w);
    q_from_str(w, want);
    rfy__xq_get_q(got, x);
    ck_assert_msg(mpq_equal(got, w), "got %s, want %s", mpq_get_str(NULL, 10, got), want);
    {
        int fits = mpz_fits_slong_p(mpq_numref(w)) && mpz_fits_slong_p(mpq_denref(w)) &&
                   mpz_get_si(mpq_numref(w)) != INT64_MIN;
        ck_assert_msg((x->den != 0) == fits, "%s: small form %d, expected %d", want, x->den != 0, fits);
    }
    mpq_clear(got);
    mpq_clear(w);
}

/* z must be the integer `want` (decimal text). */
static void assert_z(const mpz_t z, const char *want)
{
    char buf[64];
    ck_assert_uint_lt(mpz_sizeinbase(z, 10), sizeof buf - 2);
    mpz_get_str(buf, 10, z);
    ck_assert_str_eq(buf, want);
}

static void xq_from_str(rfy__xq *x, const char *s)
{
    mpq_t q;
    mpq_init(q);
    q_from_str(q, s);
    rfy__xq_set_q(x, q);
    mpq_clear(q);
}

/* ---- recorded cases: the fallback near 2^63 and 2^64 ------------------------ */

START_TEST(fallback_near_2_63)
{
    rfy__xq a, b, c;
    rfy__xq_init(&a);
    rfy__xq_init(&b);
    rfy__xq_init(&c);

    /* INT64_MAX = 2^63 − 1 = 9223372036854775807 still fits */
    xq_from_str(&a, "9223372036854775807");
    assert_xq(&a, "9223372036854775807");
    ck_assert_int_ne(a.den, 0);
    /* + 1 = 2^63: overflows, held by GMP */
    xq_from_str(&b, "1");
    rfy__xq_add(&c, &a, &b);
    assert_xq(&c, "9223372036854775808");
    ck_assert_int_eq(c.den, 0);
    /* − 1 again: back in the small form */
    rfy__xq_sub(&c, &c, &b);
    assert_xq(&c, "9223372036854775807");
    ck_assert_int_ne(c.den, 0);
    /* −2^63 (INT64_MIN) is kept by GMP so that negation never overflows */
    xq_from_str(&a, "-9223372036854775807");
    rfy__xq_sub(&c, &a, &b);
    assert_xq(&c, "-9223372036854775808");
    ck_assert_int_eq(c.den, 0);
    /* (2^63 − 1) × 3 / 3: the product overflows, the reduced result fits */
    xq_from_str(&a, "9223372036854775807");
    rfy__xq_mul_frac_ui(&c, &a, 3, 3);
    assert_xq(&c, "9223372036854775807");
    /* (2^63 − 1) × 52 / 12 = 119903836479112085491 / 3 (7 × 52 = 364 ≡ 1 mod 3:
     * 9223372036854775807 × 13 = 119903836479112085491, not divisible by 3) */
    rfy__xq_mul_frac_ui(&c, &a, 52, 12);
    assert_xq(&c, "119903836479112085491/3");
    /* comparisons across the two forms: 2^63 − 1 < 119903836479112085491/3 */
    ck_assert_int_eq(rfy__xq_cmp(&a, &c), -1);
    ck_assert_int_eq(rfy__xq_cmp(&c, &a), 1);
    ck_assert_int_eq(rfy__xq_sgn(&c), 1);
    /* a denominator near 2^63: 1/(2^62) + 1/(2^62) = 1/2^61 (fits), and
     * 1/(2^63 − 1) − 1/(2^62) needs a denominator of 2^62 × (2^63 − 1) */
    xq_from_str(&a, "1/4611686018427387904");
    rfy__xq_add(&c, &a, &a);
    assert_xq(&c, "1/2305843009213693952");
    xq_from_str(&b, "1/9223372036854775807");
    rfy__xq_sub(&c, &b, &a);
    /* (2^62 − (2^63 − 1)) / (2^62 (2^63 − 1)) = −(2^62 − 1) / 42535295865117307928310139910543638528 */
    assert_xq(&c, "-4611686018427387903/42535295865117307928310139910543638528");
    rfy__xq_clear(&a);
    rfy__xq_clear(&b);
    rfy__xq_clear(&c);
}
END_TEST

START_TEST(fallback_near_2_64)
{
    rfy__xq a, b, c;
    mpz_t z, r;
    unsigned flags;
    rfy__xq_init(&a);
    rfy__xq_init(&b);
    rfy__xq_init(&c);
    mpz_init(z);
    mpz_init(r);

    /* 2^64 + 1 = 18446744073709551617 from an integer: GMP's form */
    mpz_set_str(z, "18446744073709551617", 10);
    rfy__xq_set_z(&a, z);
    assert_xq(&a, "18446744073709551617");
    /* ÷ 100 and rounded to øre: 184467440737095516.17 → 184467440737095516
     * (remainder 17 < 50) */
    rfy__xq_mul_frac_ui(&b, &a, 1, 100);
    assert_xq(&b, "18446744073709551617/100");
    flags = rfy__xq_round_half_away(r, &b, 1);
    assert_z(r, "184467440737095516");
    ck_assert_uint_eq(flags, RFY_FLAG_ROUNDED | RFY_FLAG_INEXACT);
    /* 4294967295 × 4294967297 = 2^64 − 1 = 18446744073709551615: too large
     * for int64, and ÷ 5 reduces it to 3689348814741910323, which fits */
    xq_from_str(&a, "4294967295");
    mpz_set_str(z, "4294967297", 10);
    rfy__xq_mul_z_div_ui(&c, &a, z, 5);
    assert_xq(&c, "3689348814741910323");
    ck_assert_int_ne(c.den, 0);
    /* the same without the ÷ 5: 2^64 − 1 in GMP */
    rfy__xq_mul_z_div_ui(&c, &a, z, 1);
    assert_xq(&c, "18446744073709551615");
    /* rounding a value of the small form whose rounded result × unit
     * overflows: (2^63 − 1) rounded to kroner (unit 100) = 9223372036854775800
     * (…807 = …800 + 7, 7 < 50: down) */
    xq_from_str(&a, "9223372036854775807");
    flags = rfy__xq_round_half_away(r, &a, 100);
    assert_z(r, "9223372036854775800");
    ck_assert_uint_eq(flags, RFY_FLAG_ROUNDED | RFY_FLAG_INEXACT);
    /* −(2^63 − 51) to kroner: …757 = …700 + 57, 57 ≥ 50: away from zero:
     * −9223372036854775800 */
    xq_from_str(&a, "-9223372036854775757");
    flags = rfy__xq_round_half_away(r, &a, 100);
    assert_z(r, "-9223372036854775800");
    /* (2^63 − 1) + 43 = 9223372036854775850 (GMP's form): a tie, rounded to
     * kroner away from zero: 9223372036854775900 */
    xq_from_str(&a, "9223372036854775807");
    xq_from_str(&b, "43");
    rfy__xq_add(&c, &a, &b); /* 9223372036854775850: big */
    flags = rfy__xq_round_half_away(r, &c, 100);
    assert_z(r, "9223372036854775900");
    ck_assert_uint_eq(flags, RFY_FLAG_ROUNDED | RFY_FLAG_INEXACT);

    mpz_clear(z);
    mpz_clear(r);
    rfy__xq_clear(&a);
    rfy__xq_clear(&b);
    rfy__xq_clear(&c);
}
END_TEST

/* ---- the property test --------------------------------------------------------- */

typedef struct rng {
    uint64_t s;
} rng;

/* splitmix64 (Steele, Lea, Flood 2014), as tests/test_property.c. */
static uint64_t rng_next(rng *g)
{
    uint64_t z = (g->s += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* An integer steered to the edges: small amounts, the limits of int64 and
 * uint64 and around them, and random values of every bit length up to 70. */
static void edge_integer(mpz_t z, rng *g)
{
    static const char *const EDGE[] = {
        "0", "1", "2", "3", "5", "7", "12", "31", "100", "260", "500",
        "9223372036854775807", "9223372036854775806", "9223372036854775808",
        "4611686018427387904", "3037000499", "3037000500", "4294967295", "4294967296",
        "18446744073709551615", "18446744073709551616", "18446744073709551617",
        "36893488147419103232",
    };
    uint64_t pick = rng_next(g) % 8;
    if (pick == 0) {
        mpz_set_str(z, EDGE[rng_next(g) % (sizeof EDGE / sizeof EDGE[0])], 10);
        if (rng_next(g) % 3 == 0) /* an edge ± a little */
            mpz_add_ui(z, z, rng_next(g) % 3);
    } else if (pick <= 3) {
        mpz_set_ui(z, (unsigned long)(rng_next(g) % 10000000000ull)); /* øre up to 10^8 kr. */
    } else {
        unsigned bits = (unsigned)(rng_next(g) % 70) + 1;
        uint64_t hi = rng_next(g), lo = rng_next(g);
        mpz_set_ui(z, (unsigned long)hi);
        mpz_mul_2exp(z, z, 64);
        mpz_add_ui(z, z, (unsigned long)lo);
        mpz_fdiv_r_2exp(z, z, bits);
    }
    if (rng_next(g) % 2)
        mpz_neg(z, z);
}

/* A canonical fraction: an integer over 1 half of the time, else over a
 * positive denominator drawn the same way. */
static void edge_fraction(mpq_t q, rng *g)
{
    edge_integer(mpq_numref(q), g);
    if (rng_next(g) % 2) {
        mpz_set_ui(mpq_denref(q), 1);
    } else {
        do
            edge_integer(mpq_denref(q), g);
        while (mpz_sgn(mpq_denref(q)) == 0);
        mpz_abs(mpq_denref(q), mpq_denref(q));
    }
    mpq_canonicalize(q);
}

/* A small machine factor: the rules' (days, 52, 12, 55, 100, 7, 500) or any. */
static uint64_t edge_factor(rng *g, int positive)
{
    static const uint64_t F[] = {1, 2, 5, 7, 12, 28, 30, 31, 52, 55, 100, 500, 15500, 4294967295u,
                                 4294967296u, 9223372036854775807u, 18446744073709551615u};
    uint64_t v = rng_next(g) % 3 ? F[rng_next(g) % (sizeof F / sizeof F[0])] : rng_next(g) >> (rng_next(g) % 64);
    if (positive && v == 0)
        v = 1;
    return v;
}

/* rounding half away from zero to a multiple of unit, from its definition:
 * |x| / unit + 1/2 rounded down, with the sign of x; inexact when x / unit
 * is no integer. */
static unsigned slow_round(mpz_t out, const mpq_t x, unsigned long unit)
{
    mpz_t n, d;
    unsigned flags = RFY_FLAG_ROUNDED;
    mpz_init(n);
    mpz_init(d);
    mpz_mul_ui(d, mpq_denref(x), unit); /* |x| / unit = |num| / d */
    mpz_abs(n, mpq_numref(x));
    if (!mpz_divisible_p(n, d))
        flags |= RFY_FLAG_INEXACT;
    mpz_mul_2exp(n, n, 1); /* floor((2|num| + d) / 2d) */
    mpz_add(n, n, d);
    mpz_mul_2exp(d, d, 1);
    mpz_fdiv_q(out, n, d);
    mpz_mul_ui(out, out, unit);
    if (mpq_sgn(x) < 0)
        mpz_neg(out, out);
    mpz_clear(n);
    mpz_clear(d);
    return flags;
}

static void u64_to_z(mpz_t z, uint64_t v)
{
    mpz_import(z, 1, 1, sizeof v, 0, 0, &v);
}

#define PROPERTY_ROUNDS 200000

START_TEST(property_against_gmp)
{
    rng g = {20261206u};
    rfy__xq a, b, c;
    mpq_t qa, qb, qc, got;
    mpz_t z, rz, rw, u;
    rfy__xq_init(&a);
    rfy__xq_init(&b);
    rfy__xq_init(&c);
    mpq_inits(qa, qb, qc, got, NULL);
    mpz_inits(z, rz, rw, u, NULL);

    for (long i = 0; i < PROPERTY_ROUNDS; i++) {
        int op = (int)(rng_next(&g) % 8);
        edge_fraction(qa, &g);
        edge_fraction(qb, &g);
        rfy__xq_set_q(&a, qa);
        rfy__xq_set_q(&b, qb);
        switch (op) {
        case 0:
            rfy__xq_add(&c, &a, &b);
            mpq_add(qc, qa, qb);
            break;
        case 1:
            rfy__xq_sub(&c, &a, &b);
            mpq_sub(qc, qa, qb);
            break;
        case 2: {
            uint64_t m = edge_factor(&g, 0), d = edge_factor(&g, 1);
            rfy__xq_mul_frac_ui(&c, &a, m, d);
            u64_to_z(u, m);
            mpz_mul(mpq_numref(qc), mpq_numref(qa), u);
            u64_to_z(u, d);
            mpz_mul(mpq_denref(qc), mpq_denref(qa), u);
            mpq_canonicalize(qc);
            break;
        }
        case 3: {
            uint64_t d = edge_factor(&g, 1);
            edge_integer(z, &g);
            rfy__xq_mul_z_div_ui(&c, &a, z, d);
            mpz_mul(mpq_numref(qc), mpq_numref(qa), z);
            u64_to_z(u, d);
            mpz_mul(mpq_denref(qc), mpq_denref(qa), u);
            mpq_canonicalize(qc);
            break;
        }
        case 4: {
            int want = mpq_cmp(qa, qb);
            want = (want > 0) - (want < 0);
            ck_assert_msg(rfy__xq_cmp(&a, &b) == want, "cmp %s %s", mpq_get_str(NULL, 10, qa),
                          mpq_get_str(NULL, 10, qb));
            ck_assert_int_eq(rfy__xq_cmp(&a, &a), 0);
            ck_assert_int_eq(rfy__xq_sgn(&a), mpq_sgn(qa));
            continue;
        }
        case 5: {
            unsigned long unit = rng_next(&g) % 2 ? 1 : 100;
            unsigned fx = rfy__xq_round_half_away(rz, &a, unit), fw = slow_round(rw, qa, unit);
            ck_assert_msg(mpz_cmp(rz, rw) == 0 && fx == fw, "round %s unit %lu: %s/%u, want %s/%u",
                          mpq_get_str(NULL, 10, qa), unit, mpz_get_str(NULL, 10, rz), fx,
                          mpz_get_str(NULL, 10, rw), fw);
            continue;
        }
        case 6:
            edge_integer(z, &g);
            rfy__xq_set_z(&c, z);
            mpq_set_z(qc, z);
            break;
        default: /* aliasing, as the rules write sum = sum + x */
            rfy__xq_set(&c, &a);
            rfy__xq_add(&c, &c, &b);
            mpq_add(qc, qa, qb);
            break;
        }
        rfy__xq_get_q(got, &c);
        ck_assert_msg(mpq_equal(got, qc), "op %d on %s, %s: got %s, want %s", op, mpq_get_str(NULL, 10, qa),
                      mpq_get_str(NULL, 10, qb), mpq_get_str(NULL, 10, got), mpq_get_str(NULL, 10, qc));
        /* one representation: small exactly when it fits */
        ck_assert_int_eq(c.den != 0, mpz_fits_slong_p(mpq_numref(qc)) && mpz_fits_slong_p(mpq_denref(qc)) &&
                                         mpz_get_si(mpq_numref(qc)) != INT64_MIN);
    }
    rfy__xq_clear(&a);
    rfy__xq_clear(&b);
    rfy__xq_clear(&c);
    mpq_clears(qa, qb, qc, got, NULL);
    mpz_clears(z, rz, rw, u, NULL);
}
END_TEST

/* The binary gcd against GMP's on edge and random pairs. */
START_TEST(gcd_against_gmp)
{
    rng g = {7u};
    mpz_t a, b, w;
    mpz_inits(a, b, w, NULL);
    for (int i = 0; i < 100000; i++) {
        uint64_t x = rng_next(&g) >> (rng_next(&g) % 64), y = rng_next(&g) >> (rng_next(&g) % 64);
        if (i % 7 == 0)
            y = x * (rng_next(&g) % 5);
        u64_to_z(a, x);
        u64_to_z(b, y);
        mpz_gcd(w, a, b);
        ck_assert_msg(mpz_get_ui(w) == rfy__gcd_u64(x, y), "gcd(%llu, %llu)", (unsigned long long)x,
                      (unsigned long long)y);
    }
    mpz_clears(a, b, w, NULL);
}
END_TEST

/* ---- the whole-øre helpers: rfy__z_get_i64 and rfy__z_add -------------------- */

START_TEST(z_get_i64_edges)
{
    static const struct {
        const char *z;
        int fits;
    } cases[] = {
        {"0", 1},
        {"-1", 1},
        {"9223372036854775807", 1},   /* 2^63 − 1 = INT64_MAX */
        {"-9223372036854775807", 1},  /* −(2^63 − 1) */
        {"9223372036854775808", 0},   /* 2^63: one limb, above INT64_MAX */
        {"-9223372036854775808", 0},  /* −2^63 = INT64_MIN: never the small form */
        {"18446744073709551615", 0},  /* 2^64 − 1: one limb */
        {"18446744073709551616", 0},  /* 2^64: two limbs */
        {"-18446744073709551616", 0},
    };
    mpz_t z, back;
    mpz_inits(z, back, NULL);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t v = 12345;
        ck_assert_int_eq(mpz_set_str(z, cases[i].z, 10), 0);
        ck_assert_msg(rfy__z_get_i64(z, &v) == cases[i].fits, "%s", cases[i].z);
        if (cases[i].fits) {
            /* and back: rfy__z_set_i64 into a number holding two limbs */
            mpz_set_str(back, "-340282366920938463463374607431768211455", 10); /* −(2^128 − 1) */
            rfy__z_set_i64(back, v);
            ck_assert_msg(mpz_cmp(back, z) == 0, "%s", cases[i].z);
        } else {
            ck_assert_int_eq(v, 12345); /* untouched */
        }
    }
    mpz_clears(z, back, NULL);
}
END_TEST

START_TEST(z_add_against_gmp)
{
    /* every pair of edge values, the in-place path (both 0 or one positive
     * limb, no carry) and each way out of it: a carry past 2^64, a negative
     * operand, two limbs, a sum GMP has not yet given a limb */
    static const char *const v[] = {"0", "1", "5", "9223372036854775807", "9223372036854775808",
                                    "18446744073709551615", "18446744073709551616", "-1",
                                    "-18446744073709551615", "-36893488147419103232"};
    const size_t n = sizeof v / sizeof v[0];
    mpz_t sum, x, want;
    mpz_inits(x, want, NULL);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            for (int fresh = 0; fresh < 2; fresh++) {
                mpz_init(sum); /* fresh: no limb allocated yet (GMP 6.2 allocates lazily) */
                if (!fresh || i > 0)
                    mpz_set_str(sum, v[i], 10);
                mpz_set_str(x, v[j], 10);
                mpz_add(want, sum, x);
                rfy__z_add(sum, x);
                ck_assert_msg(mpz_cmp(sum, want) == 0, "%s + %s", v[i], v[j]);
                mpz_clear(sum);
            }
    /* (2^64 − 1) + 1 = 2^64 = 18446744073709551616: the limb carries, GMP adds */
    mpz_init_set_str(sum, "18446744073709551615", 10);
    mpz_set_ui(x, 1);
    rfy__z_add(sum, x);
    assert_z(sum, "18446744073709551616");
    mpz_clear(sum);
    mpz_clears(x, want, NULL);
}
END_TEST

START_TEST(round_whole_number_no_division)
{
    /* a whole number of øre rounds to itself, exact: flags ROUNDED only
     * (the den = 1 path); next to it 2^63 − 1 and −(2^63 − 1) */
    static const char *const whole[] = {"0", "-5", "1234567", "9223372036854775807",
                                        "-9223372036854775807"};
    rfy__xq x;
    mpz_t out, want;
    mpz_inits(out, want, NULL);
    rfy__xq_init(&x);
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
        xq_from_str(&x, whole[i]);
        ck_assert_uint_eq(rfy__xq_round_half_away(out, &x, 1), RFY_FLAG_ROUNDED);
        assert_z(out, whole[i]);
    }
    /* 2^63 − 1/2 = (2^64 − 1)/2 rounds half away to 2^63 = 9223372036854775808,
     * beyond int64_t: the GMP path */
    xq_from_str(&x, "18446744073709551615/2");
    ck_assert_uint_eq(rfy__xq_round_half_away(out, &x, 1), RFY_FLAG_ROUNDED | RFY_FLAG_INEXACT);
    assert_z(out, "9223372036854775808");
    rfy__xq_clear(&x);
    mpz_clears(out, want, NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("xq");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, fallback_near_2_63);
    tcase_add_test(tc, fallback_near_2_64);
    tcase_add_test(tc, gcd_against_gmp);
    tcase_add_test(tc, property_against_gmp);
    tcase_add_test(tc, z_get_i64_edges);
    tcase_add_test(tc, z_add_against_gmp);
    tcase_add_test(tc, round_whole_number_no_division);
    suite_add_tcase(s, tc);
    return rfy_check_run(s);
}
