/*
 * rfy_break_even_wage(): the smallest wage in whole øre at which a
 * case-month pays nothing (rules.md §11), by exact inversion.
 *
 * payment(w) = max(0, K − R(W(w)) − R(H(w))), where
 *   K     = gross − the deductions that do not depend on the wage (income in
 *           tilbud, other income, sanctions), all whole øre;
 *   W(w)  = the wage deduction of § 68 a stk. 2 / § 69 j stk. 9 (exact);
 *   H(w)  = the holiday pay deduction of § 68 a stk. 4 / § 69 j stk. 11,
 *           min(W(w + holiday_pay) − W(w), cap) (exact);
 *   R     = rounding to whole øre, half away from zero (rules.md §5).
 * W is convex (slopes 0 or 30 %, then 55 %), so W(w + hp) − W(w) never
 * falls and neither does min(·, cap): payment never rises with w.
 *
 * The wage axis [0, 9.999.999,99 kr.] is cut where a slope changes: T − hp
 * and T (the kinks of W(w + hp) and W(w)), and inside a piece where the
 * uncapped holiday deduction passes the cap.  On each piece W and H are
 * linear in w (α·w + β, γ·w + δ); their coefficients are read from the
 * engine's own exact values (rfy_compute at two wages of the piece), so no
 * rule is written twice.  The first piece whose right end pays nothing holds
 * the answer, found there without search:
 *   R(x) >= k  ⇔  x >= k − 1/2   (x >= 0, half away from zero);
 *   one rounded term varies: w = ceil((K − R(other) − 1/2 − β) / α);
 *   both vary: R(W) + R(H) >= K ⇔ for some whole k, R(W) >= k and
 *   R(H) >= K − k, so w = min over k of max(A(k), B(K − k)) with the exact
 *   inverses A, B; A rises and B falls with k, so the real minimum of the
 *   max is where the two linear inverses cross, k̂ = (α(K − 1/2 − δ) +
 *   γ(1/2 + β)) / (α + γ), and the whole minimum is at floor(k̂) or
 *   floor(k̂) + 1 (a convex function's; ceil and max(L, ·) keep the order).
 * The answer is then confirmed by rfy_compute() at w and w − 0,01.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fault.h"
#include "rules.h"
#include <rfy/status.h>
#include <rfy/whatif.h>
#include "whatif_internal.h"

rfy_break_even *rfy_break_even_new(void)
{
    rfy_break_even *b = malloc(sizeof *b);
    if (!b)
        return NULL;
    memset(b, 0, sizeof *b);
    mpz_init(b->wage);
    mpz_init(b->threshold);
    return b;
}

void rfy_break_even_free(rfy_break_even *b)
{
    if (!b)
        return;
    mpz_clear(b->wage);
    mpz_clear(b->threshold);
    free(b);
}

void rfy_break_even_amount(mpz_t out, const rfy_break_even *b, rfy_break_even_amount_id which)
{
    switch (which) {
    case RFY_BREAK_EVEN_WAGE: mpz_set(out, b->wage); return;
    case RFY_BREAK_EVEN_THRESHOLD: mpz_set(out, b->threshold); return;
    }
    mpz_set_ui(out, 0);
}

rfy_break_even_info rfy_break_even_rule(const rfy_break_even *b)
{
    return b->rule;
}

void rfy_break_even_hours(mpz_t hours, const mpz_t wage, const mpz_t hourly)
{
    /* round(h × hourly / 100) >= wage  ⇔  h × hourly / 100 >= wage − 1/2
     * ⇔  h >= (2 × wage − 1) × 50 / hourly */
    mpz_t n;
    if (mpz_sgn(wage) <= 0) {
        mpz_set_ui(hours, 0);
        return;
    }
    mpz_init(n);
    mpz_mul_2exp(n, wage, 1);
    mpz_sub_ui(n, n, 1);
    mpz_mul_ui(n, n, 50);
    mpz_cdiv_q(hours, n, hourly);
    mpz_clear(n);
}

typedef struct ctx {
    const rfy_rates *rates;
    rfy_case work;
    rfy_result res;
    rfy_error *err;
    mpz_t K;            /* gross − the deductions that do not depend on the wage */
    mpz_t d;            /* R(W(w)) + R(H(w)) at the last evaluation */
    mpq_t alpha, beta, gamma, delta, t, u, half;
    mpz_t w, a, b;
} ctx;

/* R(W(w)) + R(H(w)) into c->d, with the exact W, H in c->res. */
static int deductions_at(ctx *c, const mpz_t w)
{
    int rc = rfy__whatif_eval(NULL, &c->res, c->rates, &c->work, w, c->err);
    if (rc == RFY_OK)
        mpz_add(c->d, c->res.wage_deduction, c->res.holiday_deduction);
    return rc;
}

/* out = max(L, ceil((target − b0) / slope)): the smallest whole w >= L with
 * slope·w + b0 >= target.  Precondition: slope > 0. */
static void inverse(mpz_t out, ctx *c, const mpq_t slope, const mpq_t b0, const mpq_t target,
                    const mpz_t L)
{
    mpq_sub(c->t, target, b0);
    mpq_div(c->t, c->t, slope);
    mpz_cdiv_q(out, mpq_numref(c->t), mpq_denref(c->t));
    if (mpz_cmp(out, L) < 0)
        mpz_set(out, L);
}

/* The smallest whole w >= L with R(slope·w + b0) >= k (k whole). */
static void rounded_inverse(mpz_t out, ctx *c, const mpq_t slope, const mpq_t b0, const mpz_t k,
                            const mpz_t L)
{
    mpq_set_z(c->u, k);
    mpq_sub(c->u, c->u, c->half); /* R(x) >= k ⇔ x >= k − 1/2 */
    inverse(out, c, slope, b0, c->u, L);
}

/* Linear form of the exact value at L and L + 1: slope = v1 − v0, at0 = v0 − slope·L. */
static void line(mpq_t slope, mpq_t at0, const mpq_t v0, const mpq_t v1, const mpz_t L, mpq_t tmp)
{
    mpq_sub(slope, v1, v0);
    mpq_set_z(tmp, L);
    mpq_mul(tmp, tmp, slope);
    mpq_sub(at0, v0, tmp);
}

/*
 * The piece [L, U] on which W and H are linear.  *found = 1 and `ans` the
 * smallest whole w in it with R(W) + R(H) >= K when its right end pays
 * nothing; else *found = 0.
 */
static int solve_piece(ctx *c, const mpz_t L, const mpz_t U, int *found, mpz_t ans)
{
    mpq_t w0, h0;
    mpz_t k, j, x;
    int rc;

    *found = 0;
    if ((rc = deductions_at(c, U)) != RFY_OK)
        return rc;
    if (mpz_cmp(c->d, c->K) < 0)
        return RFY_OK; /* still paid at U */
    *found = 1;
    if (mpz_cmp(L, U) == 0) {
        mpz_set(ans, L);
        return RFY_OK;
    }
    mpq_inits(w0, h0, NULL);
    mpz_inits(k, j, x, NULL);
    if ((rc = deductions_at(c, L)) != RFY_OK)
        goto done;
    mpq_set(w0, c->res.wage_exact);
    mpq_set(h0, c->res.holiday_exact);
    mpz_add_ui(x, L, 1);
    if ((rc = deductions_at(c, x)) != RFY_OK)
        goto done;
    line(c->alpha, c->beta, w0, c->res.wage_exact, L, c->t);
    line(c->gamma, c->delta, h0, c->res.holiday_exact, L, c->t);

    if (mpq_sgn(c->alpha) == 0 && mpq_sgn(c->gamma) == 0) {
        mpz_set(ans, L); /* constant on the piece and not paid at U: not paid at L */
    } else if (mpq_sgn(c->gamma) == 0) {
        /* H fixed on the piece: R(W) >= K − R(δ) */
        rfy_round_half_away(x, c->delta, 1);
        mpz_sub(k, c->K, x);
        rounded_inverse(ans, c, c->alpha, c->beta, k, L);
    } else if (mpq_sgn(c->alpha) == 0) {
        /* W fixed on the piece (below T from 2022): R(H) >= K − R(β) */
        rfy_round_half_away(x, c->beta, 1);
        mpz_sub(k, c->K, x);
        rounded_inverse(ans, c, c->gamma, c->delta, k, L);
    } else {
        /* both vary: k̂ = (α(K − 1/2 − δ) + γ(1/2 + β)) / (α + γ) */
        mpq_set_z(c->t, c->K);
        mpq_sub(c->t, c->t, c->half);
        mpq_sub(c->t, c->t, c->delta);
        mpq_mul(c->t, c->t, c->alpha);
        mpq_add(c->u, c->half, c->beta);
        mpq_mul(c->u, c->u, c->gamma);
        mpq_add(c->t, c->t, c->u);
        mpq_add(c->u, c->alpha, c->gamma);
        mpq_div(c->t, c->t, c->u);
        mpz_fdiv_q(k, mpq_numref(c->t), mpq_denref(c->t));
        for (int step = 0; step < 2; step++, mpz_add_ui(k, k, 1)) {
            /* max(A(k), B(K − k)) */
            rounded_inverse(c->a, c, c->alpha, c->beta, k, L);
            mpz_sub(j, c->K, k);
            rounded_inverse(c->b, c, c->gamma, c->delta, j, L);
            if (mpz_cmp(c->a, c->b) < 0)
                mpz_set(c->a, c->b);
            if (step == 0 || mpz_cmp(c->a, ans) < 0)
                mpz_set(ans, c->a);
        }
    }
done:
    mpz_clears(k, j, x, NULL);
    mpq_clears(w0, h0, NULL);
    return rc;
}

/* Where, inside [L, U], the uncapped holiday deduction passes the cap:
 * *split = 1 and `last` the last whole wage below or at it. */
static int cap_split(ctx *c, const mpz_t L, const mpz_t U, int *split, mpz_t last)
{
    mpq_t u0, cap;
    mpz_t x;
    int rc;

    *split = 0;
    if (mpz_sgn(c->work.holiday_pay) == 0 || mpz_cmp(L, U) >= 0)
        return RFY_OK;
    mpq_inits(u0, cap, NULL);
    mpz_init(x);
    if ((rc = deductions_at(c, U)) != RFY_OK)
        goto done;
    mpq_set(cap, c->res.holiday_cap);
    if (mpq_cmp(c->res.holiday_uncapped, cap) <= 0)
        goto done; /* never capped inside (it never falls) */
    if ((rc = deductions_at(c, L)) != RFY_OK)
        goto done;
    if (mpq_cmp(c->res.holiday_uncapped, cap) >= 0)
        goto done; /* capped on the whole piece */
    mpq_set(u0, c->res.holiday_uncapped);
    mpz_add_ui(x, L, 1);
    if ((rc = deductions_at(c, x)) != RFY_OK)
        goto done;
    line(c->gamma, c->delta, u0, c->res.holiday_uncapped, L, c->t);
    /* γ·w + δ = cap at w = (cap − δ) / γ; γ > 0 since it passes the cap */
    mpq_sub(c->t, cap, c->delta);
    mpq_div(c->t, c->t, c->gamma);
    mpz_fdiv_q(last, mpq_numref(c->t), mpq_denref(c->t));
    *split = 1;
done:
    mpz_clear(x);
    mpq_clears(u0, cap, NULL);
    return rc;
}

static int not_confirmed(rfy_error *err)
{
    rfy_error_reset(err);
    return rfy__fault(err, RFY_FAULT_BREAK_EVEN_UNCONFIRMED, "", NULL, 0, 0);
}

int rfy_break_even_wage(rfy_break_even *out, const rfy_rates *rates, const rfy_case *in,
                        rfy_error *err)
{
    ctx c;
    mpz_t cut[5], L, U, last;
    int ncut = 0, rc, found = 0, split;
    rfy_error dummy;

    if (!err)
        err = &dummy;
    memset(&c, 0, sizeof c);
    c.rates = rates;
    c.err = err;
    rfy_case_init(&c.work);
    rfy__case_copy(&c.work, in);
    rfy_result_init(&c.res);
    mpz_inits(c.K, c.d, c.w, c.a, c.b, L, U, last, NULL);
    mpq_inits(c.alpha, c.beta, c.gamma, c.delta, c.t, c.u, c.half, NULL);
    mpq_set_ui(c.half, 1, 2);
    for (int i = 0; i < 5; i++)
        mpz_init(cut[i]);

    /* The highest wage the engine accepts: it must take the whole ydelse
     * (this also checks the case and looks the threshold up). */
    mpz_set_ui(c.w, RFY_MAX_AMOUNT_ORE);
    if ((rc = deductions_at(&c, c.w)) != RFY_OK)
        goto done;
    mpz_set(out->threshold, c.res.rate[RFY_RATE_WAGE_THRESHOLD]->amount);
    out->rule.low_pct = c.res.wage_55_only ? 0 : RFY_WAGE_LOW_PCT;
    out->rule.high_pct = RFY_WAGE_HIGH_PCT;
    out->rule.wage_ref = c.res.wage_ref;
    out->rule.holiday_ref = mpz_sgn(in->holiday_pay) ? c.res.holiday_ref : NULL;
    /* K = gross − (total − the wage-dependent deductions) */
    mpz_sub(c.K, c.res.gross, c.res.total_deduction);
    mpz_add(c.K, c.K, c.d);
    if (mpz_cmp(c.d, c.K) < 0) {
        rfy_error_reset(err);
        rc = rfy__fault(err, RFY_FAULT_BREAK_EVEN_NONE, "", NULL, 0, RFY_MAX_AMOUNT_ORE);
        goto done;
    }

    /* cuts 0 < [T − hp] < [T] < max, in order */
    mpz_set_ui(cut[ncut++], 0);
    mpz_sub(c.w, out->threshold, in->holiday_pay);
    if (mpz_sgn(c.w) > 0 && mpz_cmp_ui(c.w, RFY_MAX_AMOUNT_ORE) < 0)
        mpz_set(cut[ncut++], c.w);
    if (mpz_cmp(out->threshold, cut[ncut - 1]) > 0 &&
        mpz_cmp_ui(out->threshold, RFY_MAX_AMOUNT_ORE) < 0)
        mpz_set(cut[ncut++], out->threshold);
    mpz_set_ui(cut[ncut++], RFY_MAX_AMOUNT_ORE);

    /* nothing paid at 0: the other incomes take the whole ydelse */
    if ((rc = deductions_at(&c, cut[0])) != RFY_OK)
        goto done;
    if (mpz_cmp(c.d, c.K) >= 0) {
        mpz_set_ui(out->wage, 0);
        goto done;
    }
    for (int i = 0; i + 1 < ncut && !found; i++) {
        mpz_set(L, cut[i]);
        mpz_set(U, cut[i + 1]);
        if ((rc = cap_split(&c, L, U, &split, last)) != RFY_OK)
            goto done;
        if (split) {
            if ((rc = solve_piece(&c, L, last, &found, out->wage)) != RFY_OK)
                goto done;
            mpz_add_ui(L, last, 1);
            if (found || mpz_cmp(L, U) > 0)
                continue;
        }
        if ((rc = solve_piece(&c, L, U, &found, out->wage)) != RFY_OK)
            goto done;
    }
    if (!found) {
        rc = not_confirmed(err);
        goto done;
    }
    /* rules.md §11: payment(be) = 0 and payment(be − 0,01) > 0, by the engine itself */
    if ((rc = deductions_at(&c, out->wage)) != RFY_OK)
        goto done;
    if (mpz_sgn(c.res.payment) != 0) {
        rc = not_confirmed(err);
        goto done;
    }
    if (mpz_sgn(out->wage) > 0) {
        mpz_sub_ui(c.w, out->wage, 1);
        if ((rc = deductions_at(&c, c.w)) != RFY_OK)
            goto done;
        if (mpz_sgn(c.res.payment) == 0)
            rc = not_confirmed(err);
    }
done:
    for (int i = 0; i < 5; i++)
        mpz_clear(cut[i]);
    mpq_clears(c.alpha, c.beta, c.gamma, c.delta, c.t, c.u, c.half, NULL);
    mpz_clears(c.K, c.d, c.w, c.a, c.b, L, U, last, NULL);
    rfy_result_clear(&c.res);
    rfy_case_clear(&c.work);
    return rc;
}
