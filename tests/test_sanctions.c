/*
 * Sanctions the kommune decided (rules.md §9; calc/law/deduction_sanction.c),
 * each expected value worked out by hand from the law and the rate tables
 * (arithmetic in comments).  Daily amounts: round(level × 12 / 260) to whole
 * kroner; published 2022: 719 / 541 / 168 (max 719), 2024: 756 / 569 / 177.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/rfy.h>
#include "check_run.h"
#include "fault_check.h"
#include "one_case.h"

/* ---- the cases of a sanctioned month ------------------------------------------------------ */

START_TEST(forsorger_may_2024_three_days)
{
    /* 3 days × 756 (16.382 × 12 / 260 = 756,09 → 756) = 2.268,00;
     * 16.382 − 2.268 = 14.114,00 */
    C.month = RFY_MONTH(2024, 5);
    C.category = RFY_CAT_FORSORGER;
    C.sanction_days = 3;
    compute_ok();
    ck_money(Z.sanction_day_amount, "756.00");
    ck_money(Z.sanction_period, "2268.00");
    ck_money(Z.sanction_point, "0.00");
    ck_money(Z.sanction_deduction, "2268.00");
    ck_money(Z.total_deduction, "2268.00");
    ck_money(Z.payment, "14114.00");
    ck_assert_str_eq(Z.sanction_period_ref, "§ 69 b stk. 2");
    ck_assert_str_eq(Z.sanction_point_ref, "§ 69 d");
    ck_assert_int_eq(Z.sanction_day_by_rule, 0);
    /* the published 2024 figure is the rate row used */
    ck_assert_ptr_nonnull(Z.rate[RFY_RATE_SANCTION_DAY_FORSORGER]);
    ck_assert_int_eq(Z.rate[RFY_RATE_SANCTION_DAY_FORSORGER]->provenance, RFY_PROV_PUBLISHED);
    ck_assert_int_eq(Z.provenance, RFY_PROV_PUBLISHED);
    ck_adds_up();
}
END_TEST

START_TEST(ikke_forsorger_march_2022_days_and_point)
{
    /* 2 days × 541 (11.716 × 12 / 260 = 540,74 → 541) + punktsanktion 500 =
     * 1.082 + 500 = 1.582,00; 11.716 − 1.582 = 10.134,00 */
    C.month = RFY_MONTH(2022, 3);
    C.category = RFY_CAT_IKKE_FORSORGER;
    C.sanction_days = 2;
    amt(C.sanction_amount, "500.00");
    compute_ok();
    ck_money(Z.sanction_day_amount, "541.00");
    ck_money(Z.sanction_period, "1082.00");
    ck_money(Z.sanction_point, "500.00");
    ck_money(Z.sanction_deduction, "1582.00");
    ck_money(Z.payment, "10134.00");
    ck_assert_int_eq(Z.provenance, RFY_PROV_PUBLISHED);
    ck_adds_up();
}
END_TEST

START_TEST(sygedagpenge_level_sanctioned_on_stk2)
{
    /* § 68 stk. 4: 4.695 a week × 52/12 = 20.345,00 a month (above 16.382) for
     * all of May 2024; 1 day sanctioned on the stk. 2 level's daily amount 756
     * (Decision D47), not on 20.345 × 12 / 260 = 939; 20.345 − 756 = 19.589,00 */
    C.month = RFY_MONTH(2024, 5);
    C.category = RFY_CAT_FORSORGER;
    C.prior = RFY_PRIOR_SYGEDAGPENGE;
    amt(C.prior_amount, "4695");
    C.prior_unit = RFY_PER_WEEK;
    C.has_prior_until = 1;
    C.prior_until = (rfy_date){2024, 6, 30};
    C.sanction_days = 1;
    compute_ok();
    ck_money(Z.gross, "20345.00");
    ck_assert_int_eq(Z.seg[0].basis, RFY_BASIS_SYGEDAGPENGE);
    ck_money(Z.sanction_day_amount, "756.00");
    ck_money(Z.sanction_deduction, "756.00");
    ck_money(Z.payment, "19589.00");
    ck_adds_up();
}
END_TEST

START_TEST(u25_wage_and_31_days_pays_zero)
{
    /* u25 hjemmeboende May 2024: 3.834; wage 20.000: 0,55 × (20.000 − 16.323)
     * = 2.022,35; 31 × 177 (3.834 × 12 / 260 = 176,95 → 177) = 5.487,00;
     * total 7.509,35 > 3.834: payment 0,00, nothing carried over */
    C.month = RFY_MONTH(2024, 5);
    C.category = RFY_CAT_U25_HJEMME;
    amt(C.wage, "20000");
    C.sanction_days = 31;
    compute_ok();
    ck_money(Z.wage_deduction, "2022.35");
    ck_money(Z.sanction_deduction, "5487.00");
    ck_money(Z.total_deduction, "7509.35");
    ck_money(Z.payment, "0.00");
    ck_adds_up();
}
END_TEST

/* ---- the rule's cases ---------------------------------------------------------- */

START_TEST(jobafklaring_references)
{
    /* § 69 n (periodesanktion) and § 69 o (punktsanktion) in jobafklaring;
     * 1 × 569 (12.326 × 12 / 260 = 568,89 → 569) + 100 = 669; 12.326 − 669 = 11.657 */
    C.month = RFY_MONTH(2024, 5);
    C.category = RFY_CAT_IKKE_FORSORGER;
    C.forloeb = RFY_FORLOEB_JOBAFKLARING;
    C.sanction_days = 1;
    amt(C.sanction_amount, "100");
    compute_ok();
    ck_assert_str_eq(Z.sanction_period_ref, "§ 69 n");
    ck_assert_str_eq(Z.sanction_point_ref, "§ 69 o");
    ck_money(Z.sanction_deduction, "669.00");
    ck_money(Z.payment, "11657.00");
    ck_adds_up();
}
END_TEST

START_TEST(nr4_own_level_and_cap)
{
    /* nr. 4, 1 child, 2024: 3.834 + 1.548 = 5.382 (below the cap);
     * 5.382 × 12 / 260 = 248,4 → 248; 2 days = 496; 5.382 − 496 = 4.886 */
    C.month = RFY_MONTH(2024, 5);
    C.category = RFY_CAT_U25_HJEMME_BIDRAG;
    C.children = 1;
    C.sanction_days = 2;
    compute_ok();
    ck_assert_int_eq(Z.sanction_day_by_rule, 1);
    ck_money(Z.sanction_day_amount, "248.00");
    ck_money(Z.sanction_deduction, "496.00");
    ck_money(Z.payment, "4886.00");
    ck_adds_up();
    /* 9 children: 3.834 + 9 × 1.548 = 17.766 > 16.382: capped at 16.382;
     * its day 756 = the ministry's maximum (2022: 719 for 15.570) */
    C.children = 9;
    compute_ok();
    ck_money(Z.sanction_day_amount, "756.00");
    ck_money(Z.payment, "14870.00"); /* 16.382 − 2 × 756 = 14.870 */
    ck_adds_up();
    /* 2022, capped: 15.570 × 12 / 260 = 718,62 → 719, the published maximum */
    C.month = RFY_MONTH(2022, 3);
    compute_ok();
    ck_money(Z.sanction_day_amount, "719.00");
    ck_adds_up();
}
END_TEST

START_TEST(ledighedsydelse_level_sanctioned_on_stk2)
{
    /* § 68 stk. 5: 20.000 a month > 12.326: level 20.000; 2 days × 569 = 1.138
     * (the stk. 2 level's day); 20.000 − 1.138 = 18.862 */
    C.month = RFY_MONTH(2024, 5);
    C.category = RFY_CAT_IKKE_FORSORGER;
    C.prior = RFY_PRIOR_LEDIGHEDSYDELSE;
    amt(C.prior_amount, "20000");
    C.prior_unit = RFY_PER_MONTH;
    C.sanction_days = 2;
    compute_ok();
    ck_money(Z.gross, "20000.00");
    ck_money(Z.sanction_deduction, "1138.00");
    ck_money(Z.payment, "18862.00");
    ck_adds_up();
}
END_TEST

START_TEST(derived_daily_amount_says_so)
{
    /* 2023 (levels secondary, no published daily amount): 15.874 × 12 / 260 =
     * 732,65 → 733, a derived rate row: the result's provenance is derived */
    C.month = RFY_MONTH(2023, 6);
    C.category = RFY_CAT_FORSORGER;
    compute_ok();
    ck_assert_int_eq(Z.provenance, RFY_PROV_SECONDARY);
    ck_assert_ptr_null(Z.rate[RFY_RATE_SANCTION_DAY_FORSORGER]); /* not used without days */
    C.sanction_days = 1;
    compute_ok();
    ck_money(Z.sanction_day_amount, "733.00");
    ck_money(Z.payment, "15141.00"); /* 15.874 − 733 */
    ck_assert_int_eq(Z.rate[RFY_RATE_SANCTION_DAY_FORSORGER]->provenance, RFY_PROV_DERIVED);
    ck_assert_int_eq(Z.provenance, RFY_PROV_DERIVED);
    ck_adds_up();
}
END_TEST

START_TEST(punktsanktion_alone_needs_no_rate)
{
    /* a punktsanktion is the amount as decided: 16.382 − 1.234,56 = 15.147,44 */
    C.month = RFY_MONTH(2024, 5);
    amt(C.sanction_amount, "1234.56");
    compute_ok();
    ck_money(Z.sanction_deduction, "1234.56");
    ck_money(Z.payment, "15147.44");
    ck_assert_ptr_null(Z.rate[RFY_RATE_SANCTION_DAY_FORSORGER]);
    ck_adds_up();
}
END_TEST

START_TEST(days_within_the_rows_entitlement)
{
    /* entitled from 10 May: 22 days; 22 days of sanction is the most:
     * 16.382 × 22/31 = 11.625,93…→ 11.625,94 (360.404/31 = 11.625,935…);
     * 22 × 756 = 16.632 > gross: payment 0 */
    C.month = RFY_MONTH(2024, 5);
    C.start_day = 10;
    C.sanction_days = 22;
    compute_ok();
    ck_money(Z.gross, "11625.94");
    ck_money(Z.sanction_deduction, "16632.00");
    ck_money(Z.payment, "0.00");
    ck_adds_up();
    /* one day more than the row's days of entitlement is bad input */
    C.sanction_days = 23;
    compute_bad(RFY_EINPUT, "sanction_days");
    ck_assert_fault(&E, "sanction_days_exceed", "sanction_days 23 er flere end rækkens 22 dage med ret (dag 10-31 i måneden): en "
        "periodesanktion dækker kun dage i rækkens periode");
    C.start_day = 0;
    C.sanction_days = 32;
    compute_bad(RFY_EINPUT, "sanction_days");
    C.sanction_days = -1;
    compute_bad(RFY_EINPUT, "sanction_days");
}
END_TEST

START_TEST(negative_or_huge_amount_is_bad_input)
{
    C.month = RFY_MONTH(2024, 5);
    mpz_set_si(C.sanction_amount, -1);
    compute_bad(RFY_EINPUT, "sanction_amount");
    mpz_set_si(C.sanction_amount, RFY_MAX_AMOUNT_ORE + 1L);
    compute_bad(RFY_EINPUT, "sanction_amount");
}
END_TEST

START_TEST(month_without_daily_amount_is_an_error)
{
    /* a user's table with the level but no sanction_day row: an error naming
     * the key and the month, never a fallback */
    static const char TABLE[] =
        "key,effective_from,effective_to,amount,unit,provenance,legal_ref,source\n"
        "rfy_forsorger,2027-01-01,2027-12-31,17000,kr/month,published,x,y\n";
    const char *names[] = {"2027.csv"}, *texts[] = {TABLE};
    size_t lens[] = {sizeof TABLE - 1};
    rfy_rates *own = NULL;
    char *err = NULL;
    ck_assert_int_eq(rfy_rates_load_files(&own, 1, names, texts, lens, &err), RFY_OK);
    C.month = RFY_MONTH(2027, 2);
    ck_assert_int_eq(rfy_compute(&Z, own, &C, &E), RFY_OK); /* no sanction: the level is enough */
    ck_money(Z.payment, "17000.00");
    C.sanction_days = 1;
    ck_assert_int_eq(rfy_compute(&Z, own, &C, &E), RFY_ENORATE);
    ck_assert_str_eq(E.column, "month");
    ck_assert_fault(&E, "rate_missing", "satstabellen for 2027-02 mangler sanction_day_forsorger: tilføj rækken til tabellen");
    rfy_rates_free(own);
}
END_TEST

START_TEST(daily_amount_rule)
{
    /* round(level × 12 / 260) to whole kroner, half away from zero; in øre */
    static const struct {
        long level, day;
    } V[] = {
        {1557000, 71900}, /* 2022 nr. 1: 15.570 → 718,615… → 719 */
        {1171600, 54100}, /* 2022 nr. 2: 11.716 → 540,738… → 541 */
        {364400, 16800},  /* 2022 nr. 3:  3.644 → 168,184… → 168 */
        {1638200, 75600}, /* 2024 nr. 1: 16.382 → 756,092… → 756 */
        {1232600, 56900}, /* 2024 nr. 2: 12.326 → 568,892… → 569 */
        {383400, 17700},  /* 2024 nr. 3:  3.834 → 176,953… → 177 */
        {3250, 200},      /* 32,50 × 12 / 260 = 1,50 exactly → 2 (half away from zero) */
        {3249, 100},      /* 32,49 → 1,4995… → 1 */
        {0, 0},
    };
    mpz_t day;
    mpq_t level;
    mpz_init(day);
    mpq_init(level);
    for (size_t i = 0; i < sizeof V / sizeof V[0]; i++) {
        mpq_set_si(level, V[i].level, 1);
        rfy_sanction_day_amount(day, level);
        ck_assert_msg(mpz_cmp_si(day, V[i].day) == 0, "level %ld øre", V[i].level);
    }
    /* an exact fraction: 20.345 (4.695 × 52/12 as 24.414.000/12 øre) → 939,0 → 939 */
    mpq_set_si(level, 24414000, 12);
    mpq_canonicalize(level);
    rfy_sanction_day_amount(day, level);
    ck_assert(mpz_cmp_si(day, 93900) == 0);
    mpq_clear(level);
    mpz_clear(day);
}
END_TEST

/* rules.md §7 with §9: a case-month of two period rows, each row's
 * sanction_days on that row's own level.  May 2024: 1–11 ikke-forsørger
 * with 2 days, 12–31 forsørger (a child born on the 12th) with 1 day and a
 * punktsanktion of 100:
 *   gross 12.326 × 11/31 + 16.382 × 20/31 = (135.586 + 327.640)/31 = 463.226/31
 *         = 14.942,774… → 14.942,77
 *   sanctions 2 × 569 + 1 × 756 + 100 = 1.138 + 756 + 100 = 1.994,00
 *   payment 14.942,77 − 1.994,00 = 12.948,77
 * (pricing all 3 days on either level would give 3 × 569 = 1.707 or
 * 3 × 756 = 2.268: the test tells them apart). */
START_TEST(rows_each_on_their_own_level)
{
    rfy_case b;
    const rfy_case *rows[2];
    size_t at = 99;
    rfy_case_init(&b);
    rfy_case_reset(&b);
    C.month = b.month = RFY_MONTH(2024, 5);
    C.category = RFY_CAT_IKKE_FORSORGER;
    C.end_day = 11;
    C.sanction_days = 2;
    b.category = RFY_CAT_FORSORGER;
    b.start_day = 12;
    b.sanction_days = 1;
    amt(b.sanction_amount, "100");
    rows[0] = &b; /* any order */
    rows[1] = &C;
    ck_assert_int_eq(rfy_compute_rows(&Z, R, rows, 2, &E, &at), RFY_OK);
    ck_money(Z.gross, "14942.77");
    ck_money(Z.sanction_period, "1894.00");
    ck_money(Z.sanction_point, "100.00");
    ck_money(Z.sanction_deduction, "1994.00");
    ck_money(Z.payment, "12948.77");
    ck_adds_up();
    /* 12 days in a row of 11 days of entitlement: rejected, naming the column and the row */
    C.sanction_days = 12;
    ck_assert_int_eq(rfy_compute_rows(&Z, R, rows, 2, &E, &at), RFY_EINPUT);
    ck_assert_str_eq(E.column, "sanction_days");
    ck_assert_uint_eq(at, 1);
    rfy_case_clear(&b);
}
END_TEST

static Suite *sanctions_suite(void)
{
    Suite *s = suite_create("sanctions");
    TCase *t = tcase_create("sanctions");
    tcase_add_checked_fixture(t, one_case_setup, one_case_teardown);
    tcase_add_test(t, forsorger_may_2024_three_days);
    tcase_add_test(t, ikke_forsorger_march_2022_days_and_point);
    tcase_add_test(t, sygedagpenge_level_sanctioned_on_stk2);
    tcase_add_test(t, u25_wage_and_31_days_pays_zero);
    tcase_add_test(t, jobafklaring_references);
    tcase_add_test(t, nr4_own_level_and_cap);
    tcase_add_test(t, ledighedsydelse_level_sanctioned_on_stk2);
    tcase_add_test(t, derived_daily_amount_says_so);
    tcase_add_test(t, punktsanktion_alone_needs_no_rate);
    tcase_add_test(t, days_within_the_rows_entitlement);
    tcase_add_test(t, negative_or_huge_amount_is_bad_input);
    tcase_add_test(t, month_without_daily_amount_is_an_error);
    tcase_add_test(t, daily_amount_rule);
    tcase_add_test(t, rows_each_on_their_own_level);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return rfy_check_run(sanctions_suite());
}
