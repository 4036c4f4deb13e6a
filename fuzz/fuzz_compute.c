/*
 * Fuzz target: one case-month through rfy_compute on the built-in tables.
 *
 * The input bytes are read as a small program that fills an rfy_case with
 * bounded values: months 2010–2029 (so before coverage, covered and after
 * the last table), every enum plus one value out of range, days 0–32,
 * amounts mostly inside the plausibility limits and sometimes one past them.
 * A refusal must name its column; a computed month must add up as
 * rules.md §5 says, agree with its own exact intermediate values, and be
 * computed the same again in the same (warm) result.
 */
#include <string.h>

#include "fuzz_targets.h"
#include <rfy/calc.h>
#include <rfy/money.h>
#include <rfy/status.h>
/* White-box: the engine's own test reads the result's and the case's fields directly
 * (calc/law/calc_internal.h); programs use the accessors of <rfy/calc.h>. */
#include "calc_internal.h"

typedef struct cursor {
    const uint8_t *p;
    size_t n;
} cursor;

/* Next `k` bytes as a little-endian number; missing bytes read as 0. */
static unsigned long take(cursor *c, unsigned k)
{
    unsigned long v = 0;
    unsigned i;
    for (i = 0; i < k; i++) {
        unsigned long b = 0;
        if (c->n > 0) {
            b = *c->p++;
            c->n--;
        }
        v |= b << (8 * i);
    }
    return v;
}

/* An amount in øre: mostly small, sometimes anything up to the limit, rarely
 * exactly the limit or one øre past it. */
static void amount(mpz_t z, cursor *c, unsigned long limit)
{
    unsigned long kind = take(c, 1);
    if (kind < 96)
        mpz_set_ui(z, 0);
    else if (kind < 176)
        mpz_set_ui(z, take(c, 2) * 100 % (limit + 1)); /* whole kroner up to 65.535 */
    else if (kind < 250)
        mpz_set_ui(z, take(c, 4) % (limit + 1));
    else if (kind < 253)
        mpz_set_ui(z, limit);
    else
        mpz_set_ui(z, limit + 1);
}

static void build_case(rfy_case *c, cursor *in)
{
    int year = 2010 + (int)(take(in, 1) % 20), dim, y2, m2;
    rfy_case_reset(c);
    c->month = RFY_MONTH(year, 1 + (int)(take(in, 1) % 12));
    c->category = (rfy_category)(take(in, 1) % 5);
    c->forloeb = (rfy_forloeb)(take(in, 1) % 3);
    c->start_day = (int)(take(in, 1) % 33);
    c->end_day = (int)(take(in, 1) % 33);
    c->children = (int)(take(in, 1) % 23);
    c->has_child_support = (int)(take(in, 1) % 2);
    amount(c->child_support, in, RFY_MAX_AMOUNT_ORE);
    c->prior = (rfy_prior)(take(in, 1) % 4);
    amount(c->prior_amount, in, RFY_MAX_AMOUNT_ORE);
    c->prior_unit = (rfy_period_unit)(take(in, 1) % 2);
    c->has_prior_until = (int)(take(in, 1) % 2);
    /* prior_until is a real date (the parser guarantees it) near the month */
    y2 = year - 1 + (int)(take(in, 1) % 3);
    m2 = 1 + (int)(take(in, 1) % 12);
    dim = rfy_days_in_month(y2, m2);
    c->prior_until.year = y2;
    c->prior_until.month = m2;
    c->prior_until.day = 1 + (int)(take(in, 1) % (unsigned long)dim);
    amount(c->wage, in, RFY_MAX_AMOUNT_ORE);
    amount(c->holiday_pay, in, RFY_MAX_AMOUNT_ORE);
    amount(c->holiday_days, in, RFY_MAX_HOLIDAY_DAYS_C);
    amount(c->activation_income, in, RFY_MAX_AMOUNT_ORE);
    amount(c->activation_hours, in, RFY_MAX_HOURS_C);
    amount(c->other_income, in, RFY_MAX_AMOUNT_ORE);
    c->sanction_days = (int)(take(in, 1) % 33);
    amount(c->sanction_amount, in, RFY_MAX_AMOUNT_ORE);
    /* a common shape: the rest of the input picks nothing more */
}

static void check_breakdown(const rfy_result *r, const rfy_case *c)
{
    mpz_t t, q;
    mpq_t sum, x;
    int i, days = 0;
    int dim = rfy_days_in_month(RFY_MONTH_YEAR(c->month), RFY_MONTH_NUM(c->month));

    mpz_init(t);
    mpz_init(q);
    mpq_init(sum);
    mpq_init(x);
    FUZZ_CHECK(r->month == c->month && r->days_in_month == dim);
    FUZZ_CHECK(r->nsegments >= 1 && r->nsegments <= RFY_MAX_SEGMENTS);
    for (i = 0; i < r->nsegments; i++) {
        const rfy_segment *s = &r->seg[i];
        FUZZ_CHECK(s->first_day >= 1 && s->first_day <= s->last_day && s->last_day <= dim);
        FUZZ_CHECK(s->days == s->last_day - s->first_day + 1);
        FUZZ_CHECK(i == 0 || s->first_day == r->seg[i - 1].last_day + 1);
        FUZZ_CHECK(s->level_ref != NULL);
        /* rules.md §3: amount = level × days / days_in_month, exact */
        mpq_set_ui(x, (unsigned long)s->days, (unsigned long)dim);
        mpq_canonicalize(x);
        mpq_mul(x, x, s->level);
        FUZZ_CHECK(mpq_equal(x, s->amount));
        FUZZ_CHECK(mpq_sgn(s->level) >= 0);
        mpq_add(sum, sum, s->amount);
        days += s->days;
    }
    FUZZ_CHECK(r->days == days && days >= 1 && days <= dim);

    /* rules.md §5: each column rounded once to øre; the breakdown adds up */
    rfy_round_half_away(q, sum, 1);
    FUZZ_CHECK(mpz_cmp(q, r->gross) == 0);
    rfy_round_half_away(q, r->wage_exact, 1);
    FUZZ_CHECK(mpz_cmp(q, r->wage_deduction) == 0);
    rfy_round_half_away(q, r->activation_exact, 1);
    FUZZ_CHECK(mpz_cmp(q, r->activation_deduction) == 0);
    FUZZ_CHECK(mpz_cmp(c->other_income, r->other_deduction) == 0);
    FUZZ_CHECK(mpz_sgn(r->gross) >= 0);
    FUZZ_CHECK(mpz_sgn(r->wage_deduction) >= 0 && mpz_sgn(r->holiday_deduction) >= 0);
    FUZZ_CHECK(mpz_sgn(r->activation_deduction) >= 0 && mpz_sgn(r->other_deduction) >= 0);
    mpz_add(t, r->wage_deduction, r->holiday_deduction);
    mpz_add(t, t, r->activation_deduction);
    mpz_add(t, t, r->other_deduction);
    /* rules.md §9: days × a whole-krone daily amount, plus the punktsanktion */
    FUZZ_CHECK(mpz_cmp(c->sanction_amount, r->sanction_point) == 0);
    FUZZ_CHECK(mpz_divisible_ui_p(r->sanction_day_amount, 100));
    mpz_mul_ui(q, r->sanction_day_amount, (unsigned long)c->sanction_days);
    FUZZ_CHECK(mpz_cmp(q, r->sanction_period) == 0);
    mpz_add(q, r->sanction_period, r->sanction_point);
    FUZZ_CHECK(mpz_cmp(q, r->sanction_deduction) == 0);
    FUZZ_CHECK(c->sanction_days <= r->days);
    mpz_add(t, t, r->sanction_deduction);
    FUZZ_CHECK(mpz_cmp(t, r->total_deduction) == 0);
    mpz_sub(t, r->gross, r->total_deduction);
    if (mpz_sgn(t) < 0)
        mpz_set_ui(t, 0);
    FUZZ_CHECK(mpz_cmp(t, r->payment) == 0);
    FUZZ_CHECK(mpz_cmp(r->payment, r->gross) <= 0);
    mpq_clear(x);
    mpq_clear(sum);
    mpz_clear(q);
    mpz_clear(t);
}

static const rfy_rates *builtin(void)
{
    /* Loaded once per process and kept: the tables are the same for every
     * input, and loading them is most of the cost of an execution. */
    static rfy_rates *rates;
    if (!rates) {
        char *err = NULL;
        FUZZ_CHECK(rfy_rates_load_builtin(&rates, &err) == RFY_OK);
    }
    return rates;
}

int rfy_fuzz_compute(const uint8_t *data, size_t size)
{
    const rfy_rates *rates = builtin();
    cursor in = {data, size};
    rfy_case c;
    rfy_result r, again;
    rfy_error err;
    int rc, check_rc;

    rfy_case_init(&c);
    rfy_result_init(&r);
    rfy_result_init(&again);
    build_case(&c, &in);
    memset(&err, 0, sizeof err);
    check_rc = rfy_case_check(&c, NULL);
    rc = rfy_compute(&r, rates, &c, &err);
    FUZZ_CHECK(rc == RFY_OK || rc == RFY_EINPUT || rc == RFY_ECOVERAGE || rc == RFY_ENORATE);
    FUZZ_CHECK(check_rc == RFY_OK || rc == RFY_EINPUT);
    if (rc != RFY_OK) {
        FUZZ_CHECK(err.column != NULL);
        FUZZ_CHECK(memchr(err.reason, '\0', sizeof err.reason) != NULL && err.reason[0] != '\0');
        goto done;
    }
    check_breakdown(&r, &c);
    /* the same case in a result that has computed something else before */
    {
        rfy_case other;
        rfy_case_init(&other);
        rfy_case_reset(&other);
        other.month = RFY_MONTH(2024, 2);
        other.category = RFY_CAT_FORSORGER;
        mpz_set_ui(other.wage, 2000000);
        FUZZ_CHECK(rfy_compute(&again, rates, &other, &err) == RFY_OK);
        rfy_case_clear(&other);
    }
    FUZZ_CHECK(rfy_compute(&again, rates, &c, &err) == RFY_OK);
    FUZZ_CHECK(mpz_cmp(again.gross, r.gross) == 0 && mpz_cmp(again.payment, r.payment) == 0);
    FUZZ_CHECK(mpz_cmp(again.total_deduction, r.total_deduction) == 0);
    FUZZ_CHECK(again.nsegments == r.nsegments && again.days == r.days);
    FUZZ_CHECK(strcmp(again.level_ref, r.level_ref) == 0);
done:
    rfy_result_clear(&again);
    rfy_result_clear(&r);
    rfy_case_clear(&c);
    return 0;
}

#ifdef RFY_FUZZ_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rfy_fuzz_compute(data, size);
}
#endif
