/*
 * The reference computation (see reference.h for how and why it differs from
 * the engine).  Everything is in kroner as exact rationals; only the final
 * columns are rounded to øre.
 */
#include "reference.h"

/* ---- calendar ------------------------------------------------------------ */

/* Gregorian: every 4th year is a leap year, except centuries not divisible by 400. */
static int ref_days_in_month(int year, int month)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : len[month - 1];
}

/* A date as one comparable number YYYYMMDD. */
static long ref_ymd(int year, int month, int day)
{
    return (long)year * 10000L + (long)month * 100L + day;
}

/* ---- rates ----------------------------------------------------------------- */

/* The value of `key` for the month, in kroner (table amounts are × 100). */
static int ref_rate_kr(mpq_t out, const rfy_rates *rates, rfy_rate_key key, rfy_month month,
                       rfy_rate_key *missing)
{
    const rfy_rate_value *v = rfy_rates_get(rates, key, month);
    if (!v) {
        *missing = key;
        return -1;
    }
    mpq_set_z(out, v->amount);
    mpz_mul_ui(mpq_denref(out), mpq_denref(out), 100);
    mpq_canonicalize(out);
    return 0;
}

/* An input amount in øre (or hundredths of an hour/feriedag) as a plain number. */
static void ref_hundredths(mpq_t out, const mpz_t v)
{
    mpq_set_z(out, v);
    mpz_mul_ui(mpq_denref(out), mpq_denref(out), 100);
    mpq_canonicalize(out);
}

static void ref_set_frac(mpq_t out, unsigned long num, unsigned long den)
{
    mpq_set_ui(out, num, den);
    mpq_canonicalize(out);
}

static void ref_max0(mpq_t x)
{
    if (mpq_sgn(x) < 0)
        mpq_set_ui(x, 0, 1);
}

/* ---- rounding ---------------------------------------------------------------- */

static void ref_round_ore(mpz_t out, const mpq_t kroner)
{
    mpq_t ore, frac;
    mpz_t fl;
    mpq_inits(ore, frac, NULL);
    mpz_init(fl);

    /* x = kroner × 100 øre; fl = floor(x); frac = x − fl in [0, 1) */
    mpq_set(ore, kroner);
    mpz_mul_ui(mpq_numref(ore), mpq_numref(ore), 100);
    mpq_canonicalize(ore);
    mpz_fdiv_q(fl, mpq_numref(ore), mpq_denref(ore));
    mpq_set_z(frac, fl);
    mpq_sub(frac, ore, frac);

    /* Compare 2·frac with 1: above → up; below → down; exactly a half → away
     * from zero, which is up for x > 0 and down (stay at the floor) for x < 0. */
    mpz_mul_ui(mpq_numref(frac), mpq_numref(frac), 2);
    mpq_canonicalize(frac);
    {
        int c = mpq_cmp_ui(frac, 1, 1);
        if (c > 0 || (c == 0 && mpq_sgn(ore) > 0))
            mpz_add_ui(fl, fl, 1);
    }
    mpz_set(out, fl);

    mpz_clear(fl);
    mpq_clears(ore, frac, NULL);
}

/* ---- results ----------------------------------------------------------------- */

static void ref_result_init(ref_result *r)
{
    r->days = 0;
    r->two_levels = 0;
    mpz_inits(r->gross, r->wage_deduction, r->holiday_deduction, r->activation_deduction,
              r->other_deduction, r->sanction_deduction, r->total_deduction, r->payment, NULL);
    mpq_inits(r->gross_kr, r->day_rate_kr, r->wage_kr, r->holiday_uncapped_kr, r->holiday_cap_kr,
              r->activation_kr, r->sanction_day_kr, NULL);
}

static void ref_result_clear(ref_result *r)
{
    mpz_clears(r->gross, r->wage_deduction, r->holiday_deduction, r->activation_deduction,
               r->other_deduction, r->sanction_deduction, r->total_deduction, r->payment, NULL);
    mpq_clears(r->gross_kr, r->day_rate_kr, r->wage_kr, r->holiday_uncapped_kr, r->holiday_cap_kr,
               r->activation_kr, r->sanction_day_kr, NULL);
}

/* ---- § 68 stk. 2: the level of the category ----------------------------------- */

static int ref_stk2_level(mpq_t level, const rfy_rates *rates, const rfy_case *in,
                          rfy_rate_key *missing)
{
    int rc = 0;
    mpq_t nb, tillaeg, cap, support;
    mpq_inits(nb, tillaeg, cap, support, NULL);

    switch (in->category) {
    case RFY_CAT_FORSORGER:
        rc = ref_rate_kr(level, rates, RFY_RATE_FORSORGER, in->month, missing);
        break;
    case RFY_CAT_IKKE_FORSORGER:
        rc = ref_rate_kr(level, rates, RFY_RATE_IKKE_FORSORGER, in->month, missing);
        break;
    case RFY_CAT_U25_HJEMME:
        rc = ref_rate_kr(level, rates, RFY_RATE_U25_HJEMME, in->month, missing);
        break;
    case RFY_CAT_U25_HJEMME_BIDRAG:
        /* nr. 4 = nr. 3 + tillæg; tillæg = children × normalbidrag, or
         * min(child_support, children × normalbidrag) when child_support is
         * given; with no normalbidrag known, the given child_support. */
        rc = ref_rate_kr(level, rates, RFY_RATE_U25_HJEMME, in->month, missing);
        if (rc)
            break;
        if (in->has_child_support)
            ref_hundredths(support, in->child_support);
        if (ref_rate_kr(nb, rates, RFY_RATE_NORMALBIDRAG, in->month, missing) == 0) {
            mpq_set_ui(tillaeg, (unsigned long)in->children, 1);
            mpq_mul(tillaeg, tillaeg, nb);
            if (in->has_child_support && mpq_cmp(support, tillaeg) < 0)
                mpq_set(tillaeg, support);
        } else if (in->has_child_support) {
            mpq_set(tillaeg, support);
        } else {
            rc = -1; /* *missing = normalbidrag, set above */
            break;
        }
        mpq_add(level, level, tillaeg);
        /* capped at the forsørger level (rules.md §3), read as that level */
        rc = ref_rate_kr(cap, rates, RFY_RATE_FORSORGER, in->month, missing);
        if (rc == 0 && mpq_cmp(level, cap) > 0)
            mpq_set(level, cap);
        break;
    }
    mpq_clears(nb, tillaeg, cap, support, NULL);
    return rc;
}

/* ---- § 68 a stk. 2: W(x) ------------------------------------------------------- */

/*
 * "30 pct. af lønindtægten indtil [T] og 55 pct. af lønindtægten derudover";
 * from 2022-01 in ressourceforløb only the 55 % of what lies above T.
 */
static void ref_wage_rule(mpq_t out, const mpq_t x, const mpq_t T, int only_above)
{
    mpq_t upto, above, pct;
    mpq_inits(upto, above, pct, NULL);

    /* the part of x up to T, and the part beyond it */
    mpq_set(upto, mpq_cmp(x, T) < 0 ? x : T);
    mpq_sub(above, x, T);
    ref_max0(above);

    ref_set_frac(pct, 55, 100);
    mpq_mul(out, above, pct);
    if (!only_above) {
        ref_set_frac(pct, 30, 100);
        mpq_mul(upto, upto, pct);
        mpq_add(out, out, upto);
    }
    mpq_clears(upto, above, pct, NULL);
}

/* ---- the case-month -------------------------------------------------------------- */

static int ref_compute(ref_result *out, const rfy_rates *rates, const rfy_case *in,
                       rfy_rate_key *missing)
{
    int rc = -1;
    int year = RFY_MONTH_YEAR(in->month), month = RFY_MONTH_NUM(in->month);
    int dim = ref_days_in_month(year, month);
    int first = in->start_day > 0 ? in->start_day : 1;
    int last = in->end_day > 0 ? in->end_day : dim;
    int day, only_above;
    long until = 0;
    mpq_t level, prior, day_level, first_level, t, w2, T, x, hourly, hours, income;

    mpq_inits(level, prior, day_level, first_level, t, w2, T, x, hourly, hours, income, NULL);

    /* § 68 stk. 2 (or § 69 j stk. 2: the same amounts) */
    if (ref_stk2_level(level, rates, in, missing))
        goto done;

    /* § 68 stk. 4/5: hidtidig ydelse per month; weekly × 52/12 */
    if (in->prior != RFY_PRIOR_NONE) {
        ref_hundredths(prior, in->prior_amount);
        if (in->prior_unit == RFY_PER_WEEK) {
            ref_set_frac(t, 52, 12);
            mpq_mul(prior, prior, t);
        }
        if (in->prior == RFY_PRIOR_SYGEDAGPENGE) {
            /* the maximum is only a validity limit (absent: not checked); it
             * takes no part in the amount */
            until = ref_ymd(in->prior_until.year, in->prior_until.month, in->prior_until.day);
        }
    }

    /* The gross, one calendar day at a time: the level in force that day / dim. */
    out->days = 0;
    out->two_levels = 0;
    mpq_set_ui(out->gross_kr, 0, 1);
    for (day = first; day <= last; day++) {
        int prior_today = in->prior == RFY_PRIOR_LEDIGHEDSYDELSE ||
                          (in->prior == RFY_PRIOR_SYGEDAGPENGE &&
                           ref_ymd(year, month, day) <= until);
        /* never less than the stk. 2 level (stk. 4, 4. pkt.; stk. 5, 2. pkt.) */
        mpq_set(day_level, prior_today && mpq_cmp(prior, level) > 0 ? prior : level);
        if (day == first)
            mpq_set(first_level, day_level);
        else if (!mpq_equal(day_level, first_level))
            out->two_levels = 1;
        mpq_set_ui(t, 1, (unsigned long)dim);
        mpq_mul(t, t, day_level);
        mpq_add(out->gross_kr, out->gross_kr, t);
        out->days++;
    }

    /* § 68 a stk. 2: wage incl. pension */
    if (ref_rate_kr(T, rates, RFY_RATE_WAGE_THRESHOLD, in->month, missing))
        goto done;
    only_above = in->forloeb == RFY_FORLOEB_RESSOURCE && year >= 2022; /* lov nr. 1160 af 8.6.2021 */
    ref_hundredths(x, in->wage);
    ref_wage_rule(out->wage_kr, x, T, only_above);

    /* § 68 a stk. 4: holiday pay on top of the wage, at most the benefit for
     * holiday_days × 7/5 calendar days.  Benefit per day: level / dim; with two
     * levels in the month the average gross / days (Decision D4). */
    mpq_set_ui(out->holiday_uncapped_kr, 0, 1);
    mpq_set_ui(out->holiday_cap_kr, 0, 1);
    if (out->two_levels) {
        mpq_set_ui(t, (unsigned long)out->days, 1);
        mpq_div(out->day_rate_kr, out->gross_kr, t);
    } else {
        mpq_set_ui(t, 1, (unsigned long)dim);
        mpq_mul(out->day_rate_kr, first_level, t);
    }
    if (mpz_sgn(in->holiday_pay) > 0) {
        ref_hundredths(t, in->holiday_pay);
        mpq_add(x, x, t); /* wage + holiday pay */
        ref_wage_rule(w2, x, T, only_above);
        mpq_sub(out->holiday_uncapped_kr, w2, out->wage_kr);
        ref_hundredths(t, in->holiday_days);
        mpq_mul(out->holiday_cap_kr, out->day_rate_kr, t);
        ref_set_frac(t, 7, 5);
        mpq_mul(out->holiday_cap_kr, out->holiday_cap_kr, t);
    }

    /* § 68 a stk. 3: income in tilbud above min(hours, 160) × hourly disregard */
    mpq_set_ui(out->activation_kr, 0, 1);
    if (mpz_sgn(in->activation_income) > 0) {
        if (ref_rate_kr(hourly, rates, RFY_RATE_HOUR_DISREGARD, in->month, missing))
            goto done;
        ref_hundredths(hours, in->activation_hours);
        if (mpq_cmp_ui(hours, 160, 1) > 0)
            mpq_set_ui(hours, 160, 1);
        mpq_mul(t, hours, hourly);
        ref_hundredths(income, in->activation_income);
        mpq_sub(out->activation_kr, income, t);
        ref_max0(out->activation_kr);
    }

    /* rules.md §9: the amount a day is the § 68 stk. 2 level of the category
     * (nr. 4: the person's own; a person on the stk. 4/5 level: still the
     * stk. 2 level) × 12 / 260, to whole kroner: ref_round_ore() rounds kroner
     * to øre, i.e. x / 100 to a whole number of (x / 100) / 100 kr. = whole x. */
    ref_set_frac(t, 12, 260 * 100);
    mpq_mul(t, level, t);
    ref_round_ore(out->sanction_deduction, t); /* round(level × 12 / 260), whole kroner */
    mpq_set_z(out->sanction_day_kr, out->sanction_deduction);
    mpq_set_ui(t, (unsigned long)in->sanction_days, 1);
    mpq_mul(t, t, out->sanction_day_kr);
    ref_hundredths(x, in->sanction_amount); /* the punktsanktion as decided */
    mpq_add(t, t, x);
    ref_round_ore(out->sanction_deduction, t);

    /* rules.md §5: round each column once; total of the rounded; payment ≥ 0 */
    ref_round_ore(out->gross, out->gross_kr);
    ref_round_ore(out->wage_deduction, out->wage_kr);
    if (mpq_cmp(out->holiday_uncapped_kr, out->holiday_cap_kr) < 0)
        ref_round_ore(out->holiday_deduction, out->holiday_uncapped_kr);
    else
        ref_round_ore(out->holiday_deduction, out->holiday_cap_kr);
    ref_round_ore(out->activation_deduction, out->activation_kr);
    ref_hundredths(t, in->other_income); /* § 68 a stk. 1: krone for krone */
    ref_round_ore(out->other_deduction, t);
    mpz_set_ui(out->total_deduction, 0);
    mpz_add(out->total_deduction, out->total_deduction, out->wage_deduction);
    mpz_add(out->total_deduction, out->total_deduction, out->holiday_deduction);
    mpz_add(out->total_deduction, out->total_deduction, out->activation_deduction);
    mpz_add(out->total_deduction, out->total_deduction, out->other_deduction);
    mpz_add(out->total_deduction, out->total_deduction, out->sanction_deduction);
    mpz_sub(out->payment, out->gross, out->total_deduction);
    if (mpz_sgn(out->payment) < 0)
        mpz_set_ui(out->payment, 0);
    rc = 0;
done:
    mpq_clears(level, prior, day_level, first_level, t, w2, T, x, hourly, hours, income, NULL);
    return rc;
}
