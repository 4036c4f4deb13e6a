/*
 * Property test (issue 3): rfy_compute() against a slow, obviously correct
 * reference written from rules.md §3–5 (tests/reference/reference.c), in the
 * style of GMP's random tests.
 *
 * A fixed-seed generator (splitmix64; no rand(), no time()) makes random valid
 * case-months across 2013-01..2026-12 that steer towards the edges: part
 * months, the prior_until split, the wage threshold hit exactly, holiday pay
 * that reaches the cap, hours around 160, the nr. 4 cap.  For each, the engine
 * and the reference must agree on days and on every printed column to the
 * øre.  Then invalid cases (one fault planted in a valid case) must be refused
 * with the right result code and column.
 *
 * docs/property-test.md describes the test.  Environment (optional):
 * RFY_PROPERTY_SEED (decimal) and RFY_PROPERTY_CASES to explore further; a
 * failure prints the seed, the case as `rfy preview` arguments and both
 * results.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/rfy.h>

/* The reference is compiled into this program only (every file in tests/support/ is
 * linked into every test), hence the direct include. */
#include "reference/reference.c"
#include "check_run.h"
#include "money_check.h"

#define DEFAULT_SEED 20240611u
#define DEFAULT_VALID_CASES 20000ul
#define INVALID_CASES 4000ul
#define MAX_REPORTS 10

/* ---- the generator --------------------------------------------------------- */

typedef struct rng {
    uint64_t s;
} rng;

/* splitmix64 (Steele, Lea, Flood 2014): small, fast, every seed is good. */
static uint64_t rng_next(rng *g)
{
    uint64_t z = (g->s += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* Uniform in 0..n-1 (n ≥ 1; the modulo bias is below 2^-40, irrelevant here). */
static unsigned long below(rng *g, unsigned long n)
{
    return (unsigned long)(rng_next(g) % n);
}

/* Uniform in lo..hi inclusive. */
static unsigned long between(rng *g, unsigned long lo, unsigned long hi)
{
    return lo + below(g, hi - lo + 1);
}

static int chance(rng *g, unsigned percent)
{
    return below(g, 100) < percent;
}

static unsigned long env_ul(const char *name, unsigned long dflt)
{
    const char *s = getenv(name);
    char *end;
    unsigned long v;
    if (!s || !*s)
        return dflt;
    v = strtoul(s, &end, 10);
    return *end ? dflt : v;
}

/* An amount in øre steered to the edges around `mark` (a threshold, a level):
 * exactly on it, one øre either side, whole kroner, small, or anywhere. */
static void pick_amount(mpz_t out, rng *g, unsigned long mark)
{
    unsigned long v;
    switch (below(g, 10)) {
    case 0:
        v = mark;
        break;
    case 1:
        v = mark > 0 ? mark - 1 : 0;
        break;
    case 2:
        v = mark + 1;
        break;
    case 3:
        v = below(g, 100) + 1; /* under one krone */
        break;
    case 4:
        v = below(g, 2 * mark / 100 + 2) * 100; /* whole kroner */
        break;
    case 5:
        v = below(g, (unsigned long)RFY_MAX_AMOUNT_ORE + 1);
        break;
    case 6:
        v = mark + below(g, 500000);
        break;
    default:
        v = below(g, 2 * mark + 2);
        break;
    }
    if (v > (unsigned long)RFY_MAX_AMOUNT_ORE)
        v = (unsigned long)RFY_MAX_AMOUNT_ORE;
    mpz_set_ui(out, v);
}

/* A table amount (× 100) as unsigned long, or 0 if the month has none. */
static unsigned long rate_ore(const rfy_rates *rates, rfy_rate_key key, rfy_month m)
{
    const rfy_rate_value *v = rfy_rates_get(rates, key, m);
    return v ? mpz_get_ui(v->amount) : 0;
}

/* The stk. 2 level of the category in øre (nr. 4: the base, for steering only). */
static unsigned long level_ore(const rfy_rates *rates, const rfy_case *c)
{
    static const rfy_rate_key key[] = {RFY_RATE_FORSORGER, RFY_RATE_IKKE_FORSORGER,
                                       RFY_RATE_U25_HJEMME, RFY_RATE_U25_HJEMME};
    return rate_ore(rates, key[c->category], c->month);
}

/* A prior_until before, inside or after the month, often next to start/end. */
static void pick_prior_until(rfy_case *c, rng *g, int dim, int first, int last)
{
    int y = RFY_MONTH_YEAR(c->month), m = RFY_MONTH_NUM(c->month);
    c->has_prior_until = 1;
    switch (below(g, 8)) {
    case 0: /* the last day of the month before */
        c->prior_until = (rfy_date){m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1,
                                    rfy_days_in_month(m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1)};
        break;
    case 1: /* a year before */
        c->prior_until = (rfy_date){y - 1, m, 1};
        break;
    case 2: /* the first day of the next month */
        c->prior_until = (rfy_date){m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1};
        break;
    case 3: /* a year later */
        c->prior_until = (rfy_date){y + 1, m, 28};
        break;
    case 4: /* next to the first day of entitlement */
        c->prior_until = (rfy_date){y, m, first > 1 && chance(g, 50) ? first - 1 : first};
        break;
    case 5: /* next to the last day */
        c->prior_until = (rfy_date){y, m, last < dim && chance(g, 50) ? last + 1 : last};
        break;
    default: /* anywhere in the month */
        c->prior_until = (rfy_date){y, m, (int)between(g, 1, (unsigned long)dim)};
        break;
    }
}

/* A random valid case-month (rules.md §1 coverage, interface.md limits). */
static void gen_valid(rfy_case *c, rng *g, const rfy_rates *rates)
{
    int y, m, dim, first, last;
    unsigned long T, level;

    rfy_case_reset(c);
    c->month = RFY_MONTH(2013, 1) + (rfy_month)below(g, 168); /* 2013-01..2026-12 */
    y = RFY_MONTH_YEAR(c->month);
    m = RFY_MONTH_NUM(c->month);
    dim = rfy_days_in_month(y, m);
    if (c->month >= RFY_MONTH(2014, 7) && chance(g, 30))
        c->forloeb = RFY_FORLOEB_JOBAFKLARING; /* § 69 j from 2014-07 */
    c->category = (rfy_category)below(g, 4);

    /* § 68 stk. 2 nr. 4: children; child_support required where no normalbidrag is known */
    if (c->category == RFY_CAT_U25_HJEMME_BIDRAG) {
        unsigned long nb = rate_ore(rates, RFY_RATE_NORMALBIDRAG, c->month);
        c->children = chance(g, 90) ? (int)between(g, 1, 4) : (int)between(g, 1, RFY_MAX_CHILDREN);
        if (nb == 0 || chance(g, 50)) {
            c->has_child_support = 1;
            pick_amount(c->child_support, g, nb ? nb * (unsigned long)c->children : 150000ul);
        }
    } else if (chance(g, 10)) {
        c->children = (int)between(g, 0, RFY_MAX_CHILDREN); /* allowed, unused */
    }

    /* part months */
    switch (below(g, 10)) {
    case 0:
        c->start_day = (int)between(g, 1, (unsigned long)dim);
        break;
    case 1:
        c->end_day = (int)between(g, 1, (unsigned long)dim);
        break;
    case 2:
        c->start_day = (int)between(g, 1, (unsigned long)dim);
        c->end_day = (int)between(g, (unsigned long)c->start_day, (unsigned long)dim);
        break;
    case 3: /* the edges: explicit whole month, single first or last day */
        c->start_day = chance(g, 50) ? 1 : dim;
        c->end_day = chance(g, 50) ? dim : c->start_day;
        if (c->end_day < c->start_day)
            c->end_day = c->start_day;
        break;
    default:
        break;
    }
    first = c->start_day ? c->start_day : 1;
    last = c->end_day ? c->end_day : dim;

    /* § 68 stk. 4/5 */
    level = level_ore(rates, c);
    switch (below(g, 10)) {
    case 0:
    case 1: /* ledighedsydelse: any positive amount, often at the floor */
        c->prior = RFY_PRIOR_LEDIGHEDSYDELSE;
        c->prior_unit = chance(g, 50) ? RFY_PER_WEEK : RFY_PER_MONTH;
        pick_amount(c->prior_amount, g, c->prior_unit == RFY_PER_WEEK ? level * 12 / 52 : level);
        if (mpz_sgn(c->prior_amount) == 0)
            mpz_set_ui(c->prior_amount, 1);
        {
            /* at most the highest dagpenge amount (§ 68 stk. 5, AFL § 47): above it the
             * row is bad input.  Caps in øre, rounded down so that × 52/12 stays within. */
            unsigned long dm = rate_ore(rates, RFY_RATE_DAGPENGE_MAX_MONTH, c->month);
            unsigned long dw = rate_ore(rates, RFY_RATE_DAGPENGE_MAX_WEEK, c->month);
            unsigned long cap = c->prior_unit == RFY_PER_WEEK ? (dm ? dm * 12 / 52 : dw)
                                                             : (dm ? dm : dw * 52 / 12);
            if (cap && mpz_cmp_ui(c->prior_amount, cap) > 0)
                mpz_set_ui(c->prior_amount, cap);
        }
        break;
    case 2:
    case 3:
    case 4: {
        /* sygedagpenge: ressourceforløb only, a year with a known maximum, at most it */
        unsigned long maxw = rate_ore(rates, RFY_RATE_SDP_MAX_WEEK, c->month);
        unsigned long cap, v;
        if (c->forloeb != RFY_FORLOEB_RESSOURCE || maxw == 0)
            break;
        c->prior = RFY_PRIOR_SYGEDAGPENGE;
        c->prior_unit = chance(g, 50) ? RFY_PER_WEEK : RFY_PER_MONTH;
        cap = c->prior_unit == RFY_PER_WEEK ? maxw : maxw * 52 / 12; /* floor: ≤ max × 52/12 */
        switch (below(g, 4)) {
        case 0:
            v = cap;
            break;
        case 1: /* at the stk. 2 level, so the floor and the prior tie */
            v = c->prior_unit == RFY_PER_WEEK ? level * 12 / 52 : level;
            break;
        default:
            v = between(g, 1, cap);
            break;
        }
        if (v < 1 || v > cap)
            v = between(g, 1, cap);
        mpz_set_ui(c->prior_amount, v);
        pick_prior_until(c, g, dim, first, last);
        break;
    }
    default:
        break;
    }

    /* § 68 a stk. 2 and 4: wage and holiday pay around the threshold */
    T = rate_ore(rates, RFY_RATE_WAGE_THRESHOLD, c->month);
    if (chance(g, 55))
        pick_amount(c->wage, g, T);
    if (chance(g, 25)) {
        unsigned long w = mpz_get_ui(c->wage);
        if (w < T && chance(g, 25))
            mpz_set_ui(c->holiday_pay, T - w); /* wage + holiday pay = T exactly */
        else
            pick_amount(c->holiday_pay, g, chance(g, 50) ? 300000ul : T);
        if (mpz_sgn(c->holiday_pay) == 0)
            mpz_set_ui(c->holiday_pay, between(g, 1, 1000000));
        mpz_set_ui(c->holiday_days, chance(g, 50) ? between(g, 1, 25) * 100 : between(g, 1, 3100));
    }

    /* § 68 a stk. 3: income in tilbud, hours around 160 */
    if (chance(g, 30)) {
        unsigned long hourly = rate_ore(rates, RFY_RATE_HOUR_DISREGARD, c->month);
        unsigned long h, dis;
        switch (below(g, 5)) {
        case 0:
            h = 16000;
            break;
        case 1:
            h = between(g, 15900, 16100);
            break;
        case 2:
            h = between(g, 150, 170) * 100;
            break;
        case 3:
            h = 0;
            break;
        default:
            h = below(g, (unsigned long)RFY_MAX_HOURS_C + 1);
            break;
        }
        mpz_set_ui(c->activation_hours, h);
        /* the disregard min(h, 160) × hourly, in øre when it is whole */
        dis = (h < 16000 ? h : 16000) * hourly;
        if (dis % 100 == 0 && chance(g, 30))
            mpz_set_ui(c->activation_income, dis / 100);
        else
            pick_amount(c->activation_income, g, dis / 100);
    }

    /* § 68 a stk. 1 */
    if (chance(g, 20))
        pick_amount(c->other_income, g, level);

    /* rules.md §9: sanctions the kommune decided, up to all the row's days */
    if (chance(g, 15))
        c->sanction_days = (int)below(g, (unsigned long)(last - first + 2));
    if (chance(g, 10))
        pick_amount(c->sanction_amount, g, level);
}

/* ---- printing a case and the results --------------------------------------- */

static void print_hundredths(FILE *f, const char *name, const mpz_t v)
{
    char buf[64];
    rfy_money_format(buf, sizeof buf, v, '.');
    fprintf(f, " --%s %s", name, buf);
}

/* The case as `rfy preview` arguments, to reproduce it by hand. */
static void print_case(FILE *f, const rfy_case *c)
{
    int y = RFY_MONTH_YEAR(c->month), m = RFY_MONTH_NUM(c->month);
    fprintf(f, "  rfy preview --month %04d-%02d --category %s --forloeb %s", y, m,
            rfy_category_name(c->category), rfy_forloeb_name(c->forloeb));
    if (c->start_day)
        fprintf(f, " --start %04d-%02d-%02d", y, m, c->start_day);
    if (c->end_day)
        fprintf(f, " --end %04d-%02d-%02d", y, m, c->end_day);
    if (c->children)
        fprintf(f, " --children %d", c->children);
    if (c->has_child_support)
        print_hundredths(f, "child_support", c->child_support);
    if (c->prior != RFY_PRIOR_NONE || mpz_sgn(c->prior_amount)) {
        fprintf(f, " --prior %s", rfy_prior_name(c->prior));
        print_hundredths(f, "prior_amount", c->prior_amount);
        fprintf(f, " --prior_unit %s", c->prior_unit == RFY_PER_WEEK ? "week" : "month");
    }
    if (c->has_prior_until)
        fprintf(f, " --prior_until %04d-%02d-%02d", c->prior_until.year, c->prior_until.month,
                c->prior_until.day);
    print_hundredths(f, "wage", c->wage);
    print_hundredths(f, "holiday_pay", c->holiday_pay);
    print_hundredths(f, "holiday_days", c->holiday_days);
    print_hundredths(f, "activation_income", c->activation_income);
    print_hundredths(f, "activation_hours", c->activation_hours);
    print_hundredths(f, "other_income", c->other_income);
    fprintf(f, " --sanction-days %d", c->sanction_days);
    print_hundredths(f, "sanction_amount", c->sanction_amount);
    fputc('\n', f);
}

static void print_row(FILE *f, const char *name, const mpz_t engine, const mpz_t ref)
{
    char a[64], b[64];
    rfy_money_format(a, sizeof a, engine, '.');
    rfy_money_format(b, sizeof b, ref, '.');
    fprintf(f, "    %-22s engine %14s  reference %14s%s\n", name, a, b,
            mpz_cmp(engine, ref) ? "   <-- differs" : "");
}

static void print_both(FILE *f, const rfy_result *e, const ref_result *r)
{
    fprintf(f, "    %-22s engine %14d  reference %14d%s\n", "days", e->days, r->days,
            e->days != r->days ? "   <-- differs" : "");
    print_row(f, "gross", e->gross, r->gross);
    print_row(f, "wage_deduction", e->wage_deduction, r->wage_deduction);
    print_row(f, "holiday_deduction", e->holiday_deduction, r->holiday_deduction);
    print_row(f, "activation_deduction", e->activation_deduction, r->activation_deduction);
    print_row(f, "other_deduction", e->other_deduction, r->other_deduction);
    print_row(f, "sanction_deduction", e->sanction_deduction, r->sanction_deduction);
    print_row(f, "total_deduction", e->total_deduction, r->total_deduction);
    print_row(f, "payment", e->payment, r->payment);
    gmp_fprintf(f,
                "    reference exact (kr.): gross %Qd, per day %Qd, W(wage) %Qd, holiday %Qd capped "
                "at %Qd, tilbud %Qd%s\n",
                r->gross_kr, r->day_rate_kr, r->wage_kr, r->holiday_uncapped_kr, r->holiday_cap_kr,
                r->activation_kr, r->two_levels ? " (two levels)" : "");
}

/* Every column and the days equal? */
static int agree(const rfy_result *e, const ref_result *r)
{
    return e->days == r->days && mpz_cmp(e->gross, r->gross) == 0 &&
           mpz_cmp(e->wage_deduction, r->wage_deduction) == 0 &&
           mpz_cmp(e->holiday_deduction, r->holiday_deduction) == 0 &&
           mpz_cmp(e->activation_deduction, r->activation_deduction) == 0 &&
           mpz_cmp(e->other_deduction, r->other_deduction) == 0 &&
           mpz_cmp(e->sanction_deduction, r->sanction_deduction) == 0 &&
           mpz_cmp(e->total_deduction, r->total_deduction) == 0 &&
           mpz_cmp(e->payment, r->payment) == 0;
}

/* ---- shared fixture ----------------------------------------------------------- */

static rfy_rates *R;

static void setup(void)
{
    char *err = NULL;
    int rc = rfy_rates_load_builtin(&R, &err);
    ck_assert_msg(rc == RFY_OK, "built-in rates: %s", err ? err : "?");
}

static void teardown(void)
{
    rfy_rates_free(R);
}

static void ck_ore(const mpz_t z, const char *want)
{
    char got[64];
    rfy_money_format(got, sizeof got, z, '.');
    ck_assert_str_eq(got, want);
}

/* ---- the reference checked by hand first ---------------------------------------- */

START_TEST(reference_rounds_half_away_from_zero)
{
    /* kroner → øre: {num, den, øre} */
    static const struct {
        long num;
        unsigned long den;
        long ore;
    } v[] = {
        {0, 1, 0},
        {1, 200, 1},             /* 0,005 → 0,01 (a half: up) */
        {3, 200, 2},             /* 0,015 → 0,02 */
        {-1, 200, -1},           /* −0,005 → −0,01 (a half: away from zero) */
        {-3, 200, -2},           /* −0,015 → −0,02 */
        {149999, 10000000, 1},   /* 0,0149999 → 0,01 (just under a half) */
        {151, 10000, 2},         /* 0,0151 → 0,02 */
        {-51, 10000, -1},        /* −0,0051 → −0,01 */
        {-49, 10000, 0},         /* −0,0049 → 0,00 */
        {107, 40, 268},          /* 2,675 → 2,68 (exact, unlike a binary double) */
        {1, 3, 33},              /* 0,333… → 0,33 */
        {2, 3, 67},              /* 0,666… → 0,67 */
        {-2, 3, -67},            /* −0,666… → −0,67 */
    };
    mpq_t q;
    mpz_t z;
    mpq_init(q);
    mpz_init(z);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        mpq_set_si(q, v[i].num, v[i].den);
        mpq_canonicalize(q);
        ref_round_ore(z, q);
        ck_assert_msg(mpz_cmp_si(z, v[i].ore) == 0, "%ld/%lu kr. → %ld øre, got %ld", v[i].num,
                      v[i].den, v[i].ore, mpz_get_si(z));
    }
    mpz_clear(z);
    mpq_clear(q);
}
END_TEST

/* Run the reference on one case and expect RFY_OK-like success. */
static void ref_ok(ref_result *r, const rfy_case *c)
{
    rfy_rate_key missing = RFY_RATE_KEY_COUNT;
    ck_assert_int_eq(ref_compute(r, R, c, &missing), 0);
}

START_TEST(reference_worked_checks)
{
    rfy_case c;
    ref_result r;
    rfy_case_init(&c);
    ref_result_init(&r);

    /* rules.md §6, 2024: forsørger, wage 20.000, ressourceforløb:
     * 16.382 − 0,55 × (20.000 − 16.323) = 16.382 − 2.022,35 = 14.359,65 */
    rfy_case_reset(&c);
    c.month = RFY_MONTH(2024, 5);
    amt(c.wage, "20000");
    ref_ok(&r, &c);
    ck_ore(r.gross, "16382.00");
    ck_ore(r.wage_deduction, "2022.35");
    ck_ore(r.payment, "14359.65");

    /* jobafklaring 30/55: 0,30 × 16.323 + 0,55 × 3.677 = 4.896,90 + 2.022,35 = 6.919,25;
     * 16.382 − 6.919,25 = 9.462,75 */
    c.forloeb = RFY_FORLOEB_JOBAFKLARING;
    ref_ok(&r, &c);
    ck_ore(r.wage_deduction, "6919.25");
    ck_ore(r.payment, "9462.75");

    /* 2021-12 ressourceforløb is still 30/55: T = 15.264 (2021);
     * 0,30 × 15.264 + 0,55 × (20.000 − 15.264) = 4.579,20 + 2.604,80 = 7.184,00 */
    rfy_case_reset(&c);
    c.month = RFY_MONTH(2021, 12);
    amt(c.wage, "20000");
    ref_ok(&r, &c);
    ck_ore(r.wage_deduction, "7184.00");
    /* 2022-01 (lov nr. 1160 af 8.6.2021): only 55 % above T = 15.401;
     * 0,55 × (20.000 − 15.401) = 0,55 × 4.599 = 2.529,45 */
    c.month = RFY_MONTH(2022, 1);
    ref_ok(&r, &c);
    ck_ore(r.wage_deduction, "2529.45");

    /* ikke-forsørger, tilbud 4.000 kr. over 200 h: 4.000 − 160 × 17,86 = 4.000 − 2.857,60
     * = 1.142,40; 12.326 − 1.142,40 = 11.183,60 */
    rfy_case_reset(&c);
    c.month = RFY_MONTH(2024, 5);
    c.category = RFY_CAT_IKKE_FORSORGER;
    amt(c.activation_income, "4000");
    amt(c.activation_hours, "200");
    ref_ok(&r, &c);
    ck_ore(r.activation_deduction, "1142.40");
    ck_ore(r.payment, "11183.60");

    /* forsørger April 2024 from the 10th: 16.382 × 21/30 = 11.467,40 */
    rfy_case_reset(&c);
    c.month = RFY_MONTH(2024, 4);
    c.start_day = 10;
    ref_ok(&r, &c);
    ck_assert_int_eq(r.days, 21);
    ck_ore(r.gross, "11467.40");

    /* sygedagpenge 4.695/week × 52/12 = 20.345,00 a month, above the floor 16.382 */
    rfy_case_reset(&c);
    c.month = RFY_MONTH(2024, 5);
    c.prior = RFY_PRIOR_SYGEDAGPENGE;
    c.prior_unit = RFY_PER_WEEK;
    amt(c.prior_amount, "4695");
    c.has_prior_until = 1;
    c.prior_until = (rfy_date){2024, 12, 31};
    ref_ok(&r, &c);
    ck_ore(r.gross, "20345.00");
    ck_assert_int_eq(r.two_levels, 0);

    /* Split month with holiday pay (Decision D4), April 2024 (30 days), sygedagpenge
     * 4.695/week until the 15th: 15 × 20.345/30 + 15 × 16.382/30 = 10.172,50 + 8.191,00
     * = 18.363,50.  Wage 20.000: 0,55 × 3.677 = 2.022,35.  Holiday pay 10.000 for 5 days:
     * W(30.000) − W(20.000) = 0,55 × 10.000 = 5.500; cap = 18.363,50/30 × 5 × 7/5
     * = 612,11666… × 7 = 4.284,81666… → 4.284,82.  Total 6.307,17; 18.363,50 − 6.307,17
     * = 12.056,33 */
    c.month = RFY_MONTH(2024, 4);
    c.prior_until = (rfy_date){2024, 4, 15};
    amt(c.wage, "20000");
    amt(c.holiday_pay, "10000");
    amt(c.holiday_days, "5");
    ref_ok(&r, &c);
    ck_assert_int_eq(r.two_levels, 1);
    ck_ore(r.gross, "18363.50");
    ck_ore(r.wage_deduction, "2022.35");
    ck_ore(r.holiday_deduction, "4284.82");
    ck_ore(r.total_deduction, "6307.17");
    ck_ore(r.payment, "12056.33");

    /* nr. 4, 2024, 9 children: 3.834 + 9 × 1.548 = 17.766 > forsørger 16.382 → 16.382;
     * with child_support 1.000: 3.834 + 1.000 = 4.834 */
    rfy_case_reset(&c);
    c.month = RFY_MONTH(2024, 3);
    c.category = RFY_CAT_U25_HJEMME_BIDRAG;
    c.children = 9;
    ref_ok(&r, &c);
    ck_ore(r.gross, "16382.00");
    c.has_child_support = 1;
    amt(c.child_support, "1000");
    ref_ok(&r, &c);
    ck_ore(r.gross, "4834.00");

    /* deductions above the gross: payment 0, the total is still the sum */
    rfy_case_reset(&c);
    c.month = RFY_MONTH(2024, 3);
    c.category = RFY_CAT_U25_HJEMME;
    amt(c.other_income, "5000");
    ref_ok(&r, &c);
    ck_ore(r.total_deduction, "5000.00");
    ck_ore(r.payment, "0.00");

    ref_result_clear(&r);
    rfy_case_clear(&c);
}
END_TEST

/* The comparison is not vacuous: a one-øre difference in any column is caught. */
START_TEST(comparison_catches_one_ore)
{
    rfy_case c;
    rfy_result e;
    ref_result r;
    rfy_error err;
    mpz_t *col[8];
    rfy_case_init(&c);
    rfy_result_init(&e);
    ref_result_init(&r);
    rfy_case_reset(&c);
    c.month = RFY_MONTH(2024, 5);
    amt(c.wage, "20000");
    ck_assert_int_eq(rfy_compute(&e, R, &c, &err), RFY_OK);
    ref_ok(&r, &c);
    ck_assert(agree(&e, &r));
    col[0] = &r.gross;
    col[1] = &r.wage_deduction;
    col[2] = &r.holiday_deduction;
    col[3] = &r.activation_deduction;
    col[4] = &r.other_deduction;
    col[5] = &r.total_deduction;
    col[6] = &r.payment;
    col[7] = &r.sanction_deduction;
    for (int i = 0; i < 8; i++) {
        mpz_add_ui(*col[i], *col[i], 1);
        ck_assert_msg(!agree(&e, &r), "column %d", i);
        mpz_sub_ui(*col[i], *col[i], 1);
    }
    r.days++;
    ck_assert(!agree(&e, &r));
    ref_result_clear(&r);
    rfy_result_clear(&e);
    rfy_case_clear(&c);
}
END_TEST

/* ---- the property: engine == reference on random valid cases -------------------- */

/* How often the generator reached each edge (so the test cannot rot silently). */
typedef struct coverage_count {
    unsigned long jobafklaring, nr4, nr4_no_normalbidrag, part_month, single_day;
    unsigned long sdp, sdp_split, sdp_all_month, sdp_none_of_month, ledighed, prior_at_floor;
    unsigned long wage_at_T, wage_and_holiday_at_T, holiday, holiday_capped, holiday_uncapped;
    unsigned long hours_160, hours_above_160, tilbud_exact, payment_zero, half_ore;
    unsigned long ressource_2021_12, ressource_2022_01;
    unsigned long sanction_days, sanction_all_days, sanction_nr4, sanction_prior, sanction_point;
} coverage_count;

/* x kr. lies exactly halfway between two øre (200·x an odd integer). */
static int is_half_ore(const mpq_t x)
{
    mpz_t t;
    int r;
    mpz_init(t);
    mpz_mul_ui(t, mpq_numref(x), 200);
    r = mpz_divisible_p(t, mpq_denref(x));
    if (r) {
        mpz_divexact(t, t, mpq_denref(x));
        r = mpz_odd_p(t);
    }
    mpz_clear(t);
    return r;
}

static void count(coverage_count *k, const rfy_case *c, const rfy_result *e, const ref_result *r)
{
    int dim = e->days_in_month;
    unsigned long T = rate_ore(R, RFY_RATE_WAGE_THRESHOLD, c->month);
    mpz_t s;
    mpz_init(s);
    k->jobafklaring += c->forloeb == RFY_FORLOEB_JOBAFKLARING;
    k->nr4 += c->category == RFY_CAT_U25_HJEMME_BIDRAG;
    k->nr4_no_normalbidrag += c->category == RFY_CAT_U25_HJEMME_BIDRAG &&
                              !rfy_rates_get(R, RFY_RATE_NORMALBIDRAG, c->month);
    k->part_month += r->days < dim;
    k->single_day += r->days == 1;
    if (c->prior == RFY_PRIOR_SYGEDAGPENGE) {
        k->sdp++;
        k->sdp_split += r->two_levels;
        k->sdp_all_month += e->nsegments == 1 && e->seg[0].basis != RFY_BASIS_STK2;
        k->sdp_none_of_month += e->nsegments == 1 && e->seg[0].basis == RFY_BASIS_STK2;
    }
    k->ledighed += c->prior == RFY_PRIOR_LEDIGHEDSYDELSE;
    k->prior_at_floor += c->prior != RFY_PRIOR_NONE && mpq_equal(e->prior_monthly, e->stk2_level);
    k->wage_at_T += mpz_cmp_ui(c->wage, T) == 0;
    mpz_add(s, c->wage, c->holiday_pay);
    k->wage_and_holiday_at_T += mpz_sgn(c->holiday_pay) > 0 && mpz_cmp_ui(s, T) == 0;
    if (mpz_sgn(c->holiday_pay) > 0) {
        k->holiday++;
        k->holiday_capped += mpq_cmp(r->holiday_cap_kr, r->holiday_uncapped_kr) < 0;
        k->holiday_uncapped += mpq_sgn(r->holiday_uncapped_kr) > 0 &&
                               mpq_cmp(r->holiday_cap_kr, r->holiday_uncapped_kr) > 0;
    }
    k->hours_160 += mpz_sgn(c->activation_income) > 0 && mpz_cmp_ui(c->activation_hours, 16000) == 0;
    k->hours_above_160 += mpz_sgn(c->activation_income) > 0 &&
                          mpz_cmp_ui(c->activation_hours, 16000) > 0;
    if (mpz_sgn(c->activation_income) > 0 && mpz_sgn(c->activation_hours) > 0) {
        /* income exactly min(hours, 160) × hourly disregard: øre × 100 = hundredths × øre */
        unsigned long h = mpz_get_ui(c->activation_hours);
        mpz_set_ui(s, h < 16000 ? h : 16000);
        mpz_mul_ui(s, s, rate_ore(R, RFY_RATE_HOUR_DISREGARD, c->month));
        mpz_submul_ui(s, c->activation_income, 100);
        k->tilbud_exact += mpz_sgn(s) == 0;
    }
    k->payment_zero += mpz_sgn(r->payment) == 0;
    k->half_ore += is_half_ore(r->gross_kr) || is_half_ore(r->wage_kr) ||
                   is_half_ore(r->holiday_uncapped_kr) || is_half_ore(r->holiday_cap_kr);
    k->ressource_2021_12 += c->forloeb == RFY_FORLOEB_RESSOURCE && c->month == RFY_MONTH(2021, 12) &&
                            mpz_sgn(c->wage) > 0;
    k->ressource_2022_01 += c->forloeb == RFY_FORLOEB_RESSOURCE && c->month == RFY_MONTH(2022, 1) &&
                            mpz_sgn(c->wage) > 0;
    k->sanction_days += c->sanction_days > 0;
    k->sanction_all_days += c->sanction_days > 0 && c->sanction_days == r->days;
    k->sanction_nr4 += c->sanction_days > 0 && c->category == RFY_CAT_U25_HJEMME_BIDRAG;
    k->sanction_prior += c->sanction_days > 0 && c->prior != RFY_PRIOR_NONE;
    k->sanction_point += mpz_sgn(c->sanction_amount) > 0;
    mpz_clear(s);
}

#define CK_COVERED(k, field, min)                                                                  \
    ck_assert_msg((k).field >= (min), "generator reached " #field " only %lu times (want >= %d)", \
                  (k).field, (min))

START_TEST(engine_equals_reference)
{
    unsigned long seed = env_ul("RFY_PROPERTY_SEED", DEFAULT_SEED);
    unsigned long n = env_ul("RFY_PROPERTY_CASES", DEFAULT_VALID_CASES);
    unsigned long i, failed = 0;
    rng g = {seed};
    rfy_case c;
    rfy_result e;
    ref_result r;
    rfy_error err;
    coverage_count k;

    memset(&k, 0, sizeof k);
    rfy_case_init(&c);
    rfy_result_init(&e);
    ref_result_init(&r);
    for (i = 0; i < n; i++) {
        rfy_rate_key missing = RFY_RATE_KEY_COUNT;
        int rc, rrc;
        gen_valid(&c, &g, R);
        rc = rfy_compute(&e, R, &c, &err);
        rrc = ref_compute(&r, R, &c, &missing);
        if (rrc != 0) {
            /* the generator made a case the reference cannot price: a test bug */
            fprintf(stderr, "case %lu (seed %lu): reference lacks rate %s\n", i, seed,
                    rfy_rate_key_name(missing));
            print_case(stderr, &c);
            failed++;
            continue;
        }
        if (rc != RFY_OK) {
            if (failed++ < MAX_REPORTS) {
                fprintf(stderr, "case %lu (seed %lu): engine refused a valid case: %s: %s: %s\n",
                        i, seed, rfy_rc_name(rc), err.column, err.reason);
                print_case(stderr, &c);
            }
            continue;
        }
        if (!agree(&e, &r)) {
            if (failed++ < MAX_REPORTS) {
                fprintf(stderr, "case %lu (seed %lu): engine and reference disagree\n", i, seed);
                print_case(stderr, &c);
                print_both(stderr, &e, &r);
            }
            continue;
        }
        count(&k, &c, &e, &r);
    }
    ref_result_clear(&r);
    rfy_result_clear(&e);
    rfy_case_clear(&c);
    ck_assert_msg(failed == 0, "%lu of %lu case-months disagree (seed %lu); first %d on stderr",
                  failed, n, seed, MAX_REPORTS);

    if (getenv("RFY_PROPERTY_VERBOSE"))
        fprintf(stderr,
                "property: %lu cases, seed %lu: jobafklaring %lu, nr4 %lu (no normalbidrag %lu), "
                "part month %lu, single day %lu, sygedagpenge %lu (split %lu, all month %lu, none "
                "%lu), ledighed %lu, prior at floor %lu, wage = T %lu, wage + holiday = T %lu, "
                "holiday %lu (capped %lu, under cap %lu), hours = 160 %lu, hours > 160 %lu, "
                "tilbud = disregard %lu, payment 0 %lu, half-øre %lu, 2021-12 %lu, 2022-01 %lu\n",
                n, seed, k.jobafklaring, k.nr4, k.nr4_no_normalbidrag, k.part_month, k.single_day,
                k.sdp, k.sdp_split, k.sdp_all_month, k.sdp_none_of_month, k.ledighed,
                k.prior_at_floor, k.wage_at_T, k.wage_and_holiday_at_T, k.holiday,
                k.holiday_capped, k.holiday_uncapped, k.hours_160, k.hours_above_160,
                k.tilbud_exact, k.payment_zero, k.half_ore, k.ressource_2021_12,
                k.ressource_2022_01);

    /* The edges were actually reached (minimums for the default 20 000 cases). */
    if (n >= DEFAULT_VALID_CASES) {
        CK_COVERED(k, jobafklaring, 1000);
        CK_COVERED(k, nr4, 1000);
        CK_COVERED(k, nr4_no_normalbidrag, 50);
        CK_COVERED(k, part_month, 1000);
        CK_COVERED(k, single_day, 100);
        CK_COVERED(k, sdp, 1000);
        CK_COVERED(k, sdp_split, 200);
        CK_COVERED(k, sdp_all_month, 200);
        CK_COVERED(k, sdp_none_of_month, 200);
        CK_COVERED(k, ledighed, 1000);
        CK_COVERED(k, prior_at_floor, 50);
        CK_COVERED(k, wage_at_T, 500);
        CK_COVERED(k, wage_and_holiday_at_T, 50);
        CK_COVERED(k, holiday_capped, 200);
        CK_COVERED(k, holiday_uncapped, 200);
        CK_COVERED(k, hours_160, 200);
        CK_COVERED(k, hours_above_160, 200);
        CK_COVERED(k, tilbud_exact, 50);
        CK_COVERED(k, payment_zero, 200);
        CK_COVERED(k, half_ore, 20);
        CK_COVERED(k, ressource_2021_12, 20);
        CK_COVERED(k, ressource_2022_01, 20);
        CK_COVERED(k, sanction_days, 1000);
        CK_COVERED(k, sanction_all_days, 50);
        CK_COVERED(k, sanction_nr4, 200);
        CK_COVERED(k, sanction_prior, 200);
        CK_COVERED(k, sanction_point, 1000);
    }
}
END_TEST


/* ---- several period rows (rules.md §7) ------------------------------------------ */

/* Copy every field of a case (the mpz_t by value). */
static void case_copy(rfy_case *to, const rfy_case *from)
{
    to->month = from->month;
    to->category = from->category;
    to->forloeb = from->forloeb;
    to->start_day = from->start_day;
    to->end_day = from->end_day;
    to->children = from->children;
    to->has_child_support = from->has_child_support;
    mpz_set(to->child_support, from->child_support);
    to->prior = from->prior;
    mpz_set(to->prior_amount, from->prior_amount);
    to->prior_unit = from->prior_unit;
    to->has_prior_until = from->has_prior_until;
    to->prior_until = from->prior_until;
    mpz_set(to->wage, from->wage);
    mpz_set(to->holiday_pay, from->holiday_pay);
    mpz_set(to->holiday_days, from->holiday_days);
    mpz_set(to->activation_income, from->activation_income);
    mpz_set(to->activation_hours, from->activation_hours);
    mpz_set(to->other_income, from->other_income);
    to->sanction_days = from->sanction_days;
    mpz_set(to->sanction_amount, from->sanction_amount);
}

/* Split x over parts[0..k-1] at random (each part >= 0, the sum x). */
static void split_amount(mpz_t *parts, size_t k, const mpz_t x, rng *g)
{
    mpz_t left;
    mpz_init_set(left, x);
    for (size_t i = 0; i + 1 < k; i++) {
        unsigned long l = mpz_get_ui(left);
        mpz_set_ui(parts[i], chance(g, 20) ? 0 : below(g, l + 1));
        mpz_sub(left, left, parts[i]);
    }
    mpz_set(parts[k - 1], left);
    mpz_clear(left);
}

#define MAX_SPLIT 4

/*
 * Split case c into k period rows of the same month: its days cut at random
 * points, each row with c's level (category, children, prior...), c's
 * incomes split over the rows at random (holiday pay with its feriedage on
 * one row: § 68 a stk. 4 needs both on a row), then the rows shuffled.
 * Returns k (1 when c has one day).
 */
static size_t split_case(rfy_case *rows, const rfy_case *c, rng *g)
{
    int dim = rfy_days_in_month(RFY_MONTH_YEAR(c->month), RFY_MONTH_NUM(c->month));
    int first = c->start_day ? c->start_day : 1, last = c->end_day ? c->end_day : dim;
    size_t k = 1 + between(g, 1, MAX_SPLIT - 1), i, j;
    int cut[MAX_SPLIT + 1];
    mpz_t parts[MAX_SPLIT];

    if ((int)k > last - first + 1)
        k = (size_t)(last - first + 1);
    if (k < 2)
        return 1;
    /* k − 1 distinct cuts: row i has days cut[i]..cut[i+1]−1 */
    cut[0] = first;
    cut[k] = last + 1;
    for (i = 1; i < k; i++) {
        int d;
        do {
            d = (int)between(g, (unsigned long)first + 1, (unsigned long)last);
            for (j = 1; j < i && cut[j] != d; j++)
                ;
        } while (j < i);
        cut[i] = d;
    }
    for (i = 1; i < k; i++) /* insertion sort of cut[1..k-1] */
        for (j = i; j > 1 && cut[j - 1] > cut[j]; j--) {
            int t = cut[j];
            cut[j] = cut[j - 1];
            cut[j - 1] = t;
        }
    for (i = 0; i < k; i++) {
        case_copy(&rows[i], c);
        rows[i].start_day = cut[i];
        rows[i].end_day = cut[i + 1] - 1;
        mpz_init(parts[i]);
    }
    split_amount(parts, k, c->wage, g);
    for (i = 0; i < k; i++)
        mpz_set(rows[i].wage, parts[i]);
    split_amount(parts, k, c->activation_income, g);
    for (i = 0; i < k; i++)
        mpz_set(rows[i].activation_income, parts[i]);
    split_amount(parts, k, c->activation_hours, g);
    for (i = 0; i < k; i++)
        mpz_set(rows[i].activation_hours, parts[i]);
    split_amount(parts, k, c->other_income, g);
    for (i = 0; i < k; i++)
        mpz_set(rows[i].other_income, parts[i]);
    /* rules.md §9: the punktsanktion split like an income; the sanction days
     * spread over the rows, each within its own days (every piece has the same
     * § 68 stk. 2 level, so the total is the one row's) */
    split_amount(parts, k, c->sanction_amount, g);
    for (i = 0; i < k; i++)
        mpz_set(rows[i].sanction_amount, parts[i]);
    {
        int left = c->sanction_days;
        for (i = 0; i < k; i++) {
            int room = rows[i].end_day - rows[i].start_day + 1;
            int take = i + 1 == k ? left : (int)below(g, (unsigned long)(left < room ? left : room) + 1);
            if (take > room)
                take = room;
            rows[i].sanction_days = take;
            left -= take;
        }
        /* what the last row could not hold goes to the first rows with room */
        for (i = 0; left > 0 && i < k; i++) {
            int room = rows[i].end_day - rows[i].start_day + 1 - rows[i].sanction_days;
            int take = left < room ? left : room;
            rows[i].sanction_days += take;
            left -= take;
        }
    }
    j = below(g, k);
    for (i = 0; i < k; i++)
        if (i != j) {
            mpz_set_ui(rows[i].holiday_pay, 0);
            mpz_set_ui(rows[i].holiday_days, 0);
        }
    for (i = 0; i < k; i++)
        mpz_clear(parts[i]);
    /* any order: Fisher–Yates */
    for (i = k - 1; i > 0; i--) {
        rfy_case t;
        j = below(g, i + 1);
        t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
    }
    return k;
}

/*
 * rules.md §7: a case-month given as several period rows -- its days cut
 * into pieces with the same level, its incomes split over them at random, the
 * rows in any order -- is the same case-month: rfy_compute_rows() gives what
 * the slow reference gives for the one row (and so what rfy_compute() gives),
 * on every printed column, the days and the level references.
 */
START_TEST(split_rows_equal_one_row)
{
    unsigned long seed = env_ul("RFY_PROPERTY_SEED", DEFAULT_SEED) + 1;
    unsigned long n = env_ul("RFY_PROPERTY_CASES", DEFAULT_VALID_CASES) / 2;
    unsigned long i, failed = 0, split = 0;
    rng g = {seed};
    rfy_case c, rows[MAX_SPLIT];
    const rfy_case *ptr[MAX_SPLIT];
    rfy_result one, many;
    ref_result r;
    rfy_error err;

    rfy_case_init(&c);
    for (i = 0; i < MAX_SPLIT; i++) {
        rfy_case_init(&rows[i]);
        ptr[i] = &rows[i];
    }
    rfy_result_init(&one);
    rfy_result_init(&many);
    ref_result_init(&r);
    for (i = 0; i < n; i++) {
        rfy_rate_key missing = RFY_RATE_KEY_COUNT;
        size_t k, at = 0;
        int rc;
        gen_valid(&c, &g, R);
        if ((k = split_case(rows, &c, &g)) < 2)
            continue;
        split++;
        /* ptr may point at shuffled structs: refresh */
        for (size_t j = 0; j < k; j++)
            ptr[j] = &rows[j];
        if (rfy_compute(&one, R, &c, &err) != RFY_OK || ref_compute(&r, R, &c, &missing) != 0)
            continue; /* engine_equals_reference reports these */
        rc = rfy_compute_rows(&many, R, ptr, k, &err, &at);
        if (rc != RFY_OK || !agree(&many, &r) || strcmp(many.level_ref, one.level_ref) != 0 ||
            many.provenance != one.provenance) {
            if (failed++ < MAX_REPORTS) {
                fprintf(stderr, "case %lu (seed %lu): %zu period rows differ from one row (%s%s%s)\n",
                        i, seed, k, rc == RFY_OK ? "" : rfy_rc_name(rc), rc == RFY_OK ? "" : ": ",
                        rc == RFY_OK ? "" : err.reason);
                print_case(stderr, &c);
                for (size_t j = 0; j < k; j++) {
                    fprintf(stderr, "  row %zu:", j);
                    print_case(stderr, &rows[j]);
                }
                if (rc == RFY_OK) {
                    print_both(stderr, &many, &r);
                    fprintf(stderr, "  level_ref %s / %s\n", many.level_ref, one.level_ref);
                }
            }
        }
    }
    ref_result_clear(&r);
    rfy_result_clear(&many);
    rfy_result_clear(&one);
    for (i = 0; i < MAX_SPLIT; i++)
        rfy_case_clear(&rows[i]);
    rfy_case_clear(&c);
    ck_assert_msg(failed == 0, "%lu of %lu split case-months differ (seed %lu)", failed, split,
                  seed);
    ck_assert_uint_gt(split, n / 2);
}
END_TEST

/* ---- invalid cases: refused with the right column ------------------------------- */

/* A month of coverage with a published or secondary sygedagpenge maximum (2013..2024):
 * above it a prior_amount is refused (2025-2026 have a derived one: computed, flagged). */
static rfy_month month_with_sdp(rng *g)
{
    return RFY_MONTH(2013, 1) + (rfy_month)below(g, 144);
}

/* Make `c` a plain valid ressourceforløb sygedagpenge case in month m. */
static void make_sdp(rfy_case *c, rng *g, rfy_month m)
{
    c->month = m;
    c->forloeb = RFY_FORLOEB_RESSOURCE;
    c->category = RFY_CAT_FORSORGER;
    c->start_day = c->end_day = 0;
    if (c->sanction_days > 28) /* a whole month of another length: at most 28 */
        c->sanction_days = 28;
    c->prior = RFY_PRIOR_SYGEDAGPENGE;
    c->prior_unit = RFY_PER_WEEK;
    mpz_set_ui(c->prior_amount, between(g, 1, 400000));
    c->has_prior_until = 1;
    c->prior_until = (rfy_date){RFY_MONTH_YEAR(m), RFY_MONTH_NUM(m), 1};
}

/* An amount beyond the interface.md limit, or negative. */
static void bad_amount(mpz_t v, rng *g)
{
    if (chance(g, 50))
        mpz_set_si(v, -(long)between(g, 1, 100000));
    else
        mpz_set_ui(v, (unsigned long)RFY_MAX_AMOUNT_ORE + between(g, 1, 100000));
}

/* Plant one fault in the valid case c; returns the expected rc and column. */
static int plant_fault(rfy_case *c, rng *g, const char **column)
{
    int dim = rfy_days_in_month(RFY_MONTH_YEAR(c->month), RFY_MONTH_NUM(c->month));
    switch (below(g, 29)) {
    case 0:
        c->start_day = chance(g, 50) ? dim + 1 : -1;
        *column = "start";
        return RFY_EINPUT;
    case 1:
        c->end_day = chance(g, 50) ? dim + (int)between(g, 1, 5) : -1;
        *column = "end";
        return RFY_EINPUT;
    case 2: /* end before start */
        c->end_day = (int)between(g, 1, (unsigned long)dim - 1);
        c->start_day = (int)between(g, (unsigned long)c->end_day + 1, (unsigned long)dim);
        *column = "end";
        return RFY_EINPUT;
    case 3: /* nr. 4 without children */
        c->category = RFY_CAT_U25_HJEMME_BIDRAG;
        c->children = 0;
        *column = "children";
        return RFY_EINPUT;
    case 4:
        c->children = chance(g, 50) ? RFY_MAX_CHILDREN + 1 : -1;
        *column = "children";
        return RFY_EINPUT;
    case 5:
        c->has_child_support = 1;
        bad_amount(c->child_support, g);
        *column = "child_support";
        return RFY_EINPUT;
    case 6: /* prior_amount without a prior */
        c->prior = RFY_PRIOR_NONE;
        c->has_prior_until = 0;
        mpz_set_ui(c->prior_amount, between(g, 1, 1000000));
        *column = "prior_amount";
        return RFY_EINPUT;
    case 7: /* prior_until without a prior */
        c->prior = RFY_PRIOR_NONE;
        mpz_set_ui(c->prior_amount, 0);
        c->has_prior_until = 1;
        c->prior_until = (rfy_date){2020, 1, 1};
        *column = "prior_until";
        return RFY_EINPUT;
    case 8: /* a prior with no amount */
        make_sdp(c, g, month_with_sdp(g));
        if (chance(g, 50)) {
            c->prior = RFY_PRIOR_LEDIGHEDSYDELSE;
            c->has_prior_until = 0;
        }
        mpz_set_ui(c->prior_amount, 0);
        *column = "prior_amount";
        return RFY_EINPUT;
    case 9: /* sygedagpenge in jobafklaring (§ 68 stk. 4 is ressourceforløb only) */
        make_sdp(c, g, RFY_MONTH(2014, 7) + (rfy_month)below(g, 120));
        c->forloeb = RFY_FORLOEB_JOBAFKLARING;
        *column = "prior";
        return RFY_EINPUT;
    case 10:
        make_sdp(c, g, month_with_sdp(g));
        c->has_prior_until = 0;
        *column = "prior_until";
        return RFY_EINPUT;
    case 11: /* ledighedsydelse has no end date */
        make_sdp(c, g, month_with_sdp(g));
        c->prior = RFY_PRIOR_LEDIGHEDSYDELSE;
        *column = "prior_until";
        return RFY_EINPUT;
    case 12:
        make_sdp(c, g, month_with_sdp(g));
        c->prior = chance(g, 50) ? RFY_PRIOR_LEDIGHEDSYDELSE : RFY_PRIOR_SYGEDAGPENGE;
        c->has_prior_until = c->prior == RFY_PRIOR_SYGEDAGPENGE;
        bad_amount(c->prior_amount, g);
        *column = "prior_amount";
        return RFY_EINPUT;
    case 13:
        bad_amount(c->wage, g);
        *column = "wage";
        return RFY_EINPUT;
    case 14:
        bad_amount(c->holiday_pay, g);
        mpz_set_ui(c->holiday_days, 500);
        *column = "holiday_pay";
        return RFY_EINPUT;
    case 15:
        mpz_set_si(c->holiday_days, chance(g, 50) ? RFY_MAX_HOLIDAY_DAYS_C + 1 : -1);
        *column = "holiday_days";
        return RFY_EINPUT;
    case 16: /* holiday pay without the days it covers */
        mpz_set_ui(c->holiday_pay, between(g, 1, 1000000));
        mpz_set_ui(c->holiday_days, 0);
        *column = "holiday_days";
        return RFY_EINPUT;
    case 17:
        bad_amount(c->activation_income, g);
        *column = "activation_income";
        return RFY_EINPUT;
    case 18:
        mpz_set_si(c->activation_hours, chance(g, 50) ? RFY_MAX_HOURS_C + 1 : -1);
        *column = "activation_hours";
        return RFY_EINPUT;
    case 19:
        bad_amount(c->other_income, g);
        *column = "other_income";
        return RFY_EINPUT;
    case 20: /* before ressourceforløb existed (rules.md §1) */
        c->month = RFY_MONTH(2000, 1) + (rfy_month)below(g, 13 * 12);
        c->start_day = c->end_day = 0;
        if (c->sanction_days > 28) /* a whole month of another length: at most 28 */
            c->sanction_days = 28;
        c->has_prior_until = c->prior == RFY_PRIOR_SYGEDAGPENGE;
        c->prior_until = (rfy_date){2000, 1, 1};
        *column = "month";
        return RFY_ECOVERAGE;
    case 21: /* jobafklaring before 2014-07 */
        c->month = RFY_MONTH(2013, 1) + (rfy_month)below(g, 18);
        c->forloeb = RFY_FORLOEB_JOBAFKLARING;
        c->start_day = c->end_day = 0;
        if (c->sanction_days > 28) /* a whole month of another length: at most 28 */
            c->sanction_days = 28;
        if (c->prior == RFY_PRIOR_SYGEDAGPENGE) {
            c->prior = RFY_PRIOR_NONE;
            c->has_prior_until = 0;
            mpz_set_ui(c->prior_amount, 0);
        }
        *column = "month";
        return RFY_ECOVERAGE;
    case 22: /* no rate table: 2027-01 and later */
        c->month = RFY_MONTH(2027, 1) + (rfy_month)below(g, 60);
        c->start_day = c->end_day = 0;
        if (c->sanction_days > 28) /* a whole month of another length: at most 28 */
            c->sanction_days = 28;
        *column = "month";
        return RFY_ENORATE;
    case 23: /* sygedagpenge in a month no table covers */
        make_sdp(c, g, RFY_MONTH(2027, 1) + (rfy_month)below(g, 24));
        *column = "month";
        return RFY_ENORATE;
    case 24: { /* sygedagpenge above the year's highest amount */
        unsigned long maxw;
        make_sdp(c, g, month_with_sdp(g));
        maxw = rate_ore(R, RFY_RATE_SDP_MAX_WEEK, c->month);
        if (chance(g, 50)) {
            mpz_set_ui(c->prior_amount, maxw + between(g, 1, 10000));
        } else {
            c->prior_unit = RFY_PER_MONTH; /* floor(max × 52/12) + 1 > max × 52/12 */
            mpz_set_ui(c->prior_amount, maxw * 52 / 12 + between(g, 1, 10000));
        }
        *column = "prior_amount";
        return RFY_EINPUT;
    }
    case 25: /* nr. 4 in 2016 (no normalbidrag known) without child_support */
        c->month = RFY_MONTH(2016, 1) + (rfy_month)below(g, 12);
        c->category = RFY_CAT_U25_HJEMME_BIDRAG;
        c->children = (int)between(g, 1, 4);
        c->has_child_support = 0;
        c->start_day = c->end_day = 0;
        if (c->sanction_days > 28) /* a whole month of another length: at most 28 */
            c->sanction_days = 28;
        *column = "child_support";
        return RFY_ENORATE;
    case 26: { /* rules.md §9: more sanction days than the row's days of entitlement */
        int first = c->start_day ? c->start_day : 1, last = c->end_day ? c->end_day : dim;
        c->sanction_days = last - first + 1 + (int)between(g, 1, 3);
        *column = "sanction_days";
        return RFY_EINPUT;
    }
    case 27:
        bad_amount(c->sanction_amount, g);
        *column = "sanction_amount";
        return RFY_EINPUT;
    default: /* an out-of-range enumeration */
        switch (below(g, 3)) {
        case 0:
            c->category = (rfy_category)4;
            *column = "category";
            break;
        case 1:
            c->forloeb = (rfy_forloeb)2;
            *column = "forloeb";
            break;
        default:
            c->prior = (rfy_prior)3;
            *column = "prior";
            break;
        }
        return RFY_EINPUT;
    }
}

START_TEST(invalid_cases_are_refused)
{
    unsigned long seed = env_ul("RFY_PROPERTY_SEED", DEFAULT_SEED) ^ 0x5EEDu;
    unsigned long i, failed = 0;
    unsigned long by_rc[RFY_ESTOP + 1] = {0};
    rng g = {seed};
    rfy_case c;
    rfy_result e;
    rfy_error err;

    rfy_case_init(&c);
    rfy_result_init(&e);
    for (i = 0; i < INVALID_CASES; i++) {
        const char *want_col = "?";
        int want, rc;
        gen_valid(&c, &g, R);
        want = plant_fault(&c, &g, &want_col);
        err.column = NULL;
        err.reason[0] = '\0';
        rc = rfy_compute(&e, R, &c, &err);
        if (rc != want || !err.column || strcmp(err.column, want_col) != 0 || !err.reason[0]) {
            if (failed++ < MAX_REPORTS) {
                fprintf(stderr,
                        "invalid case %lu (seed %lu): want %s in column %s, got %s in column %s: "
                        "%s\n",
                        i, seed, rfy_rc_name(want), want_col, rfy_rc_name(rc),
                        err.column ? err.column : "(null)", err.reason);
                print_case(stderr, &c);
            }
            continue;
        }
        by_rc[want]++;
    }
    rfy_result_clear(&e);
    rfy_case_clear(&c);
    ck_assert_msg(failed == 0, "%lu of %lu invalid cases not refused as expected", failed,
                  INVALID_CASES);
    ck_assert_uint_ge(by_rc[RFY_EINPUT], 2000);
    ck_assert_uint_ge(by_rc[RFY_ECOVERAGE], 100);
    ck_assert_uint_ge(by_rc[RFY_ENORATE], 100);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("property");
    TCase *t = tcase_create("reference");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 120);
    tcase_add_test(t, reference_rounds_half_away_from_zero);
    tcase_add_test(t, reference_worked_checks);
    tcase_add_test(t, comparison_catches_one_ore);
    tcase_add_test(t, engine_equals_reference);
    tcase_add_test(t, invalid_cases_are_refused);
    tcase_add_test(t, split_rows_equal_one_row);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
