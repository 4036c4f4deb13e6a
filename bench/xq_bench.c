/*
 * Micro benchmark behind the choice of the rules' exact number type
 * (docs/performance.md, "The exact number type"): one case-month's
 * arithmetic -- the steps calc/law does for a row -- written three times,
 * on GMP's mpq_t (what the rules used), on rfy__xq (calc/base/xq.h: int64
 * numerator and denominator, GMP beyond) and, when built with FLINT
 * (-DRFY_XQ_BENCH_FLINT, libflint-dev), on FLINT's fmpq_t, over the same
 * generated rows.  Prints nanoseconds a row (fastest of 5 passes) and
 * checks that all three give the same rounded øre.
 *
 *   cmake --build BUILD --target rfy_bench_xq && BUILD/rfy_bench_xq [ROWS]   (default 200 000)
 *
 * The steps of one row (rules.md §3–5): the level from a rate (an integer),
 * a part month's level × days / days in the month, a weekly prior × 52/12
 * compared with the level, the gross as the sum of two segments, the wage
 * rule (30 % up to T, 55 % above, ÷ 100), holiday pay's cap gross ×
 * holiday_days × 7 / (days × 500) against W(wage + holiday pay) − W(wage),
 * the tilbud disregard hours × hourly / 100 against the income, and four
 * roundings half away from zero.  Integer arithmetic only: no floating
 * point, the timing included.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <gmp.h>

#include "xq.h"
#include <rfy/money.h>

#ifdef RFY_XQ_BENCH_FLINT
#include <flint/fmpq.h>
#include <flint/fmpz.h>
#endif

/* The engine's inputs and rates are mpz_t integers (øre, hundredths): each
 * kernel starts from them as the rules do. */
typedef struct row {
    mpz_t level, prior_week, wage, t, holiday_pay, holiday_days, hours, hourly, income;
    int days, dim;
} row;

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static long between(uint64_t *s, long lo, long hi)
{
    return lo + (long)(rng_next(s) % (uint64_t)(hi - lo + 1));
}

static void gen(row *r, size_t n)
{
    uint64_t s = 20250601u;
    for (size_t i = 0; i < n; i++) {
        mpz_inits(r[i].level, r[i].prior_week, r[i].wage, r[i].t, r[i].holiday_pay, r[i].holiday_days,
                  r[i].hours, r[i].hourly, r[i].income, NULL);
        mpz_set_si(r[i].level, between(&s, 900000, 2000000));
        mpz_set_si(r[i].prior_week, between(&s, 200000, 500000));
        mpz_set_si(r[i].wage, between(&s, 0, 1) ? between(&s, 0, 4000000) : 0);
        mpz_set_si(r[i].t, between(&s, 1500000, 1800000));
        mpz_set_si(r[i].holiday_pay, between(&s, 0, 3) == 0 ? between(&s, 1, 2000000) : 0);
        mpz_set_si(r[i].holiday_days, between(&s, 1, 2500));
        mpz_set_si(r[i].hours, between(&s, 0, 20000));
        mpz_set_si(r[i].hourly, between(&s, 1499, 1800));
        mpz_set_si(r[i].income, between(&s, 0, 2) == 0 ? between(&s, 1, 3000000) : 0);
        r[i].dim = (int)between(&s, 28, 31);
        r[i].days = between(&s, 0, 3) == 0 ? (int)between(&s, 1, r[i].dim) : r[i].dim;
    }
}

static long ns_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (long)(t1.tv_sec - t0->tv_sec) * 1000000000L + (t1.tv_nsec - t0->tv_nsec);
}

/* ---- mpq_t ---------------------------------------------------------------- */

static void wage_q(mpq_t out, const mpz_t x, const mpz_t t, mpz_t tmp)
{
    mpz_set_ui(mpq_denref(out), 100);
    if (mpz_cmp(x, t) > 0) {
        mpz_sub(tmp, x, t);
        mpz_mul_ui(mpq_numref(out), tmp, 55);
        mpz_addmul_ui(mpq_numref(out), t, 30);
    } else {
        mpz_mul_ui(mpq_numref(out), x, 30);
    }
    mpq_canonicalize(out);
}

static void run_mpq(const row *r, size_t n, mpz_t sum)
{
    mpq_t level, seg, prior, gross, w1, w2, hol, cap, dis, act;
    mpz_t z, z2, tmp, out;
    mpq_inits(level, seg, prior, gross, w1, w2, hol, cap, dis, act, NULL);
    mpz_inits(z, z2, tmp, out, NULL);
    for (size_t i = 0; i < n; i++) {
        mpq_set_z(level, r[i].level);
        mpq_set_z(prior, r[i].prior_week);
        mpz_mul_ui(mpq_numref(prior), mpq_numref(prior), 52);
        mpz_mul_ui(mpq_denref(prior), mpq_denref(prior), 12);
        mpq_canonicalize(prior);
        if (mpq_cmp(prior, level) > 0)
            mpq_set(level, prior);
        mpz_mul_ui(mpq_numref(seg), mpq_numref(level), (unsigned long)r[i].days);
        mpz_mul_ui(mpq_denref(seg), mpq_denref(level), (unsigned long)r[i].dim);
        mpq_canonicalize(seg);
        mpq_add(gross, seg, level);
        wage_q(w1, r[i].wage, r[i].t, tmp);
        mpz_add(z, r[i].wage, r[i].holiday_pay);
        wage_q(w2, z, r[i].t, tmp);
        mpq_sub(hol, w2, w1);
        mpz_mul(mpq_numref(cap), mpq_numref(gross), r[i].holiday_days);
        mpz_mul_ui(mpq_numref(cap), mpq_numref(cap), 7);
        mpz_mul_ui(mpq_denref(cap), mpq_denref(gross), (unsigned long)r[i].days * 500u);
        mpq_canonicalize(cap);
        if (mpq_cmp(hol, cap) > 0)
            mpq_set(hol, cap);
        mpz_mul(mpq_numref(dis), r[i].hours, r[i].hourly);
        mpz_set_ui(mpq_denref(dis), 100);
        mpq_canonicalize(dis);
        mpq_set_z(act, r[i].income);
        mpq_sub(act, act, dis);
        if (mpq_sgn(act) < 0)
            mpq_set_ui(act, 0, 1);
        rfy_round_half_away(out, gross, 1);
        mpz_add(sum, sum, out);
        rfy_round_half_away(out, w1, 1);
        mpz_add(sum, sum, out);
        rfy_round_half_away(out, hol, 1);
        mpz_add(sum, sum, out);
        rfy_round_half_away(out, act, 1);
        mpz_add(sum, sum, out);
    }
    mpq_clears(level, seg, prior, gross, w1, w2, hol, cap, dis, act, NULL);
    mpz_clears(z, z2, tmp, out, NULL);
}

/* ---- rfy__xq --------------------------------------------------------------- */

static void wage_x(rfy__xq *out, rfy__xq *tmp, const rfy__xq *x, const rfy__xq *t)
{
    if (rfy__xq_cmp(x, t) > 0) {
        rfy__xq_sub(tmp, x, t);
        rfy__xq_mul_frac_ui(tmp, tmp, 55, 100);
        rfy__xq_mul_frac_ui(out, t, 30, 100);
        rfy__xq_add(out, out, tmp);
    } else {
        rfy__xq_mul_frac_ui(out, x, 30, 100);
    }
}

static void run_xq(const row *r, size_t n, mpz_t sum)
{
    rfy__xq level, seg, prior, gross, w1, w2, hol, cap, dis, act, x, t, tmp;
    rfy__xq *all[] = {&level, &seg, &prior, &gross, &w1, &w2, &hol, &cap, &dis, &act, &x, &t, &tmp};
    mpz_t z, out;
    mpz_inits(z, out, NULL);
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        rfy__xq_init(all[k]);
    for (size_t i = 0; i < n; i++) {
        /* the rates and the input are mpz_t in the engine: start from them */
        rfy__xq_set_z(&level, r[i].level);
        rfy__xq_set_z(&prior, r[i].prior_week);
        rfy__xq_mul_frac_ui(&prior, &prior, 52, 12);
        if (rfy__xq_cmp(&prior, &level) > 0)
            rfy__xq_set(&level, &prior);
        rfy__xq_mul_frac_ui(&seg, &level, (uint64_t)r[i].days, (uint64_t)r[i].dim);
        rfy__xq_add(&gross, &seg, &level);
        rfy__xq_set_z(&x, r[i].wage);
        rfy__xq_set_z(&t, r[i].t);
        wage_x(&w1, &tmp, &x, &t);
        rfy__xq_set_z(&tmp, r[i].holiday_pay);
        rfy__xq_add(&x, &x, &tmp);
        wage_x(&w2, &tmp, &x, &t);
        rfy__xq_sub(&hol, &w2, &w1);
        rfy__xq_mul_z_div_ui(&cap, &gross, r[i].holiday_days, (uint64_t)r[i].days * 500u);
        rfy__xq_mul_frac_ui(&cap, &cap, 7, 1);
        if (rfy__xq_cmp(&hol, &cap) > 0)
            rfy__xq_set(&hol, &cap);
        rfy__xq_set_z(&dis, r[i].hours);
        rfy__xq_mul_z_div_ui(&dis, &dis, r[i].hourly, 100);
        rfy__xq_set_z(&act, r[i].income);
        rfy__xq_sub(&act, &act, &dis);
        if (rfy__xq_sgn(&act) < 0)
            rfy__xq_set_zero(&act);
        rfy__xq_round_half_away(out, &gross, 1);
        mpz_add(sum, sum, out);
        rfy__xq_round_half_away(out, &w1, 1);
        mpz_add(sum, sum, out);
        rfy__xq_round_half_away(out, &hol, 1);
        mpz_add(sum, sum, out);
        rfy__xq_round_half_away(out, &act, 1);
        mpz_add(sum, sum, out);
    }
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        rfy__xq_clear(all[k]);
    mpz_clears(z, out, NULL);
}

#ifdef RFY_XQ_BENCH_FLINT
/* ---- FLINT's fmpq_t --------------------------------------------------------- */

static void wage_f(fmpq_t out, const fmpz_t x, const fmpz_t t, fmpz_t tmp)
{
    if (fmpz_cmp(x, t) > 0) {
        fmpz_sub(tmp, x, t);
        fmpz_mul_ui(fmpq_numref(out), tmp, 55);
        fmpz_addmul_ui(fmpq_numref(out), t, 30);
    } else {
        fmpz_mul_ui(fmpq_numref(out), x, 30);
    }
    fmpz_set_ui(fmpq_denref(out), 100);
    fmpq_canonicalise(out);
}

/* rfy_round_half_away() on fmpq: truncating quotient, away from zero on 2|r| ≥ den. */
static void round_f(mpz_t out, const fmpq_t x, fmpz_t q, fmpz_t r, fmpz_t d)
{
    fmpz_tdiv_qr(q, r, fmpq_numref(x), fmpq_denref(x));
    fmpz_abs(r, r);
    fmpz_mul_2exp(r, r, 1);
    if (!fmpz_is_zero(r) && fmpz_cmp(r, fmpq_denref(x)) >= 0) {
        if (fmpq_sgn(x) > 0)
            fmpz_add_ui(q, q, 1);
        else
            fmpz_sub_ui(q, q, 1);
    }
    (void)d;
    fmpz_get_mpz(out, q);
}

static void run_fmpq(const row *r, size_t n, mpz_t sum)
{
    fmpq_t level, seg, prior, gross, w1, w2, hol, cap, dis, act;
    fmpz_t z, z2, tmp, q, rr, d;
    mpz_t out;
    fmpq *qs[] = {level, seg, prior, gross, w1, w2, hol, cap, dis, act};
    fmpz *zs[] = {z, z2, tmp, q, rr, d};
    mpz_init(out);
    for (size_t k = 0; k < 10; k++)
        fmpq_init(qs[k]);
    for (size_t k = 0; k < 6; k++)
        fmpz_init(zs[k]);
    for (size_t i = 0; i < n; i++) {
        fmpz_set_mpz(fmpq_numref(level), r[i].level);
        fmpz_one(fmpq_denref(level));
        fmpz_set_mpz(z, r[i].prior_week);
        fmpz_mul_ui(z, z, 52);
        fmpz_set_ui(z2, 12);
        fmpq_set_fmpz_frac(prior, z, z2);
        if (fmpq_cmp(prior, level) > 0)
            fmpq_set(level, prior);
        fmpz_mul_ui(fmpq_numref(seg), fmpq_numref(level), (ulong)r[i].days);
        fmpz_mul_ui(fmpq_denref(seg), fmpq_denref(level), (ulong)r[i].dim);
        fmpq_canonicalise(seg);
        fmpq_add(gross, seg, level);
        fmpz_set_mpz(z, r[i].wage);
        fmpz_set_mpz(z2, r[i].t);
        wage_f(w1, z, z2, tmp);
        fmpz_set_mpz(tmp, r[i].holiday_pay);
        fmpz_add(z, z, tmp);
        wage_f(w2, z, z2, tmp);
        fmpq_sub(hol, w2, w1);
        fmpz_set_mpz(tmp, r[i].holiday_days);
        fmpz_mul(fmpq_numref(cap), fmpq_numref(gross), tmp);
        fmpz_mul_ui(fmpq_numref(cap), fmpq_numref(cap), 7u);
        fmpz_mul_ui(fmpq_denref(cap), fmpq_denref(gross), (ulong)r[i].days * 500u);
        fmpq_canonicalise(cap);
        if (fmpq_cmp(hol, cap) > 0)
            fmpq_set(hol, cap);
        fmpz_set_mpz(z, r[i].hours);
        fmpz_set_mpz(z2, r[i].hourly);
        fmpz_mul(fmpq_numref(dis), z, z2);
        fmpz_set_ui(fmpq_denref(dis), 100);
        fmpq_canonicalise(dis);
        fmpz_set_mpz(fmpq_numref(act), r[i].income);
        fmpz_one(fmpq_denref(act));
        fmpq_sub(act, act, dis);
        if (fmpq_sgn(act) < 0)
            fmpq_zero(act);
        round_f(out, gross, q, rr, d);
        mpz_add(sum, sum, out);
        round_f(out, w1, q, rr, d);
        mpz_add(sum, sum, out);
        round_f(out, hol, q, rr, d);
        mpz_add(sum, sum, out);
        round_f(out, act, q, rr, d);
        mpz_add(sum, sum, out);
    }
    for (size_t k = 0; k < 10; k++)
        fmpq_clear(qs[k]);
    for (size_t k = 0; k < 6; k++)
        fmpz_clear(zs[k]);
    mpz_clear(out);
}
#endif

typedef void (*kernel)(const row *, size_t, mpz_t);

/* Fastest of 5 passes, in ns a row; the checksum of the last pass in sum. */
static long time_kernel(kernel k, const row *r, size_t n, mpz_t sum)
{
    long best = 0;
    for (int pass = 0; pass < 5; pass++) {
        struct timespec t0;
        long ns;
        mpz_set_ui(sum, 0);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        k(r, n, sum);
        ns = ns_since(&t0);
        if (pass == 0 || ns < best)
            best = ns;
    }
    return best / (long)n;
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 200000;
    row *r = malloc(n * sizeof *r);
    mpz_t s_mpq, s_xq;
    long t_mpq, t_xq;
    int ok;
    if (!r || n == 0)
        return 2;
    gen(r, n);
    mpz_inits(s_mpq, s_xq, NULL);
    t_mpq = time_kernel(run_mpq, r, n, s_mpq);
    t_xq = time_kernel(run_xq, r, n, s_xq);
    ok = mpz_cmp(s_mpq, s_xq) == 0;
    printf("rows %zu (fastest of 5 passes; one case-month's arithmetic a row)\n", n);
    printf("%-8s %6ld ns/row  sum of rounded øre %s\n", "mpq_t", t_mpq, mpz_get_str(NULL, 10, s_mpq));
    printf("%-8s %6ld ns/row  sum of rounded øre %s  (%ld.%02ldx faster than mpq_t)\n", "rfy__xq", t_xq,
           mpz_get_str(NULL, 10, s_xq), t_mpq / t_xq, t_mpq * 100 / t_xq % 100);
#ifdef RFY_XQ_BENCH_FLINT
    {
        mpz_t s_f;
        long t_f;
        mpz_init(s_f);
        t_f = time_kernel(run_fmpq, r, n, s_f);
        ok = ok && mpz_cmp(s_mpq, s_f) == 0;
        printf("%-8s %6ld ns/row  sum of rounded øre %s  (%ld.%02ldx faster than mpq_t)\n", "fmpq_t", t_f,
               mpz_get_str(NULL, 10, s_f), t_mpq / t_f, t_mpq * 100 / t_f % 100);
        mpz_clear(s_f);
    }
#else
    printf("fmpq_t   not built (FLINT not found at configure time)\n");
#endif
    printf("%s\n", ok ? "all equal" : "MISMATCH");
    mpz_clears(s_mpq, s_xq, NULL);
    for (size_t i = 0; i < n; i++)
        mpz_clears(r[i].level, r[i].prior_week, r[i].wage, r[i].t, r[i].holiday_pay, r[i].holiday_days,
                   r[i].hours, r[i].hourly, r[i].income, NULL);
    free(r);
    return ok ? 0 : 1;
}
