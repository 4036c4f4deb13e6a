/*
 * The rules of rules.md §3–5, one test per rule, each expected value worked
 * out by hand from the law and the published rates (arithmetic in comments).
 * 2024 rates (bm.dk): forsørger 16.382, ikke-forsørger 12.326, u25 hjemme
 * 3.834, lønindtægtsgrænse 16.323, timesats 17,86, sygedagpenge max 4.695/uge,
 * normalbidrag 1.548 (1.370 + 178).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/rfy.h>
#include "check_run.h"
#include "fault_check.h"
#include "one_case.h"
#include "rules.h" /* rfy__deductions_and_rounding: the totals beyond 64 bits */

static void month(int y, int m)
{
    C.month = RFY_MONTH(y, m);
}

/* ---- rules.md §6 worked checks -------------------------------------------- */

START_TEST(worked_wage_ressource_2024)
{
    /* forsørger, wage 20.000, ressourceforløb 2024 (55 % above T only):
     * 0,55 × (20.000 − 16.323) = 0,55 × 3.677 = 2.022,35; 16.382 − 2.022,35 = 14.359,65 */
    month(2024, 5);
    amt(C.wage, "20000");
    compute_ok();
    ck_money(Z.gross, "16382.00");
    ck_money(Z.wage_deduction, "2022.35");
    ck_money(Z.payment, "14359.65");
    ck_assert_str_eq(Z.level_ref, "§ 68 stk. 2 nr. 1");
    ck_assert_str_eq(Z.wage_ref, "§ 68 a stk. 2");
    ck_assert_int_eq(Z.provenance, RFY_PROV_PUBLISHED);
    ck_adds_up();
}
END_TEST

START_TEST(worked_wage_jobafklaring_2024)
{
    /* § 69 j stk. 9, 30/55: 0,30 × 16.323 + 0,55 × 3.677 = 4.896,90 + 2.022,35 = 6.919,25;
     * 16.382 − 6.919,25 = 9.462,75 */
    month(2024, 5);
    C.forloeb = RFY_FORLOEB_JOBAFKLARING;
    amt(C.wage, "20000");
    compute_ok();
    ck_money(Z.wage_deduction, "6919.25");
    ck_money(Z.payment, "9462.75");
    ck_assert_str_eq(Z.level_ref, "§ 69 j stk. 2 nr. 1");
    ck_assert_str_eq(Z.wage_ref, "§ 69 j stk. 9");
    ck_adds_up();
}
END_TEST

START_TEST(worked_tilbud_200_hours)
{
    /* ikke-forsørger, tilbud income 4.000 over 200 h: disregard min(200,160) × 17,86 = 2.857,60;
     * deduction 4.000 − 2.857,60 = 1.142,40; 12.326 − 1.142,40 = 11.183,60 */
    month(2024, 5);
    C.category = RFY_CAT_IKKE_FORSORGER;
    amt(C.activation_income, "4000");
    amt(C.activation_hours, "200");
    compute_ok();
    ck_money(Z.activation_deduction, "1142.40");
    ck_money(Z.payment, "11183.60");
    ck_adds_up();
}
END_TEST

START_TEST(worked_part_month_april_from_10th)
{
    /* April 2024 from the 10th: 21 of 30 days; 16.382 × 21/30 = 11.467,40 (exact) */
    month(2024, 4);
    C.start_day = 10;
    compute_ok();
    ck_assert_int_eq(Z.days, 21);
    ck_assert_int_eq(Z.days_in_month, 30);
    ck_money(Z.gross, "11467.40");
    ck_money(Z.payment, "11467.40");
    ck_assert_uint_eq(Z.flags & RFY_FLAG_INEXACT, 0);
}
END_TEST

START_TEST(worked_sygedagpenge_week_to_month)
{
    /* § 68 stk. 4: 4.695/uge × 52/12 = 244.140/12 = 20.345,00 a month, above the floor 16.382 */
    month(2024, 5);
    C.prior = RFY_PRIOR_SYGEDAGPENGE;
    amt(C.prior_amount, "4695");
    C.prior_unit = RFY_PER_WEEK;
    C.has_prior_until = 1;
    C.prior_until = (rfy_date){2024, 12, 31};
    compute_ok();
    ck_money(Z.gross, "20345.00");
    ck_assert_int_eq(Z.nsegments, 1);
    ck_assert_int_eq(Z.seg[0].basis, RFY_BASIS_SYGEDAGPENGE);
    ck_assert_str_eq(Z.level_ref, "§ 68 stk. 4");
}
END_TEST

/* ---- § 68 stk. 2: levels and nr. 4 ------------------------------------------ */

START_TEST(levels_each_category_2024)
{
    static const char *const want[] = {"16382.00", "12326.00", "3834.00"};
    static const char *const ref[] = {"§ 68 stk. 2 nr. 1", "§ 68 stk. 2 nr. 2", "§ 68 stk. 2 nr. 3"};
    month(2024, 1);
    for (int c = 0; c < 3; c++) {
        C.category = (rfy_category)c;
        compute_ok();
        ck_money(Z.gross, want[c]);
        ck_assert_str_eq(Z.level_ref, ref[c]);
    }
}
END_TEST

START_TEST(nr4_tillaeg_per_child_and_cap)
{
    /* worked example B12: 3.834 + 1 × 1.548 = 5.382; 2 children 3.834 + 3.096 = 6.930;
     * 9 children 3.834 + 13.932 = 17.766 > cap 16.382 → 16.382 */
    month(2024, 3);
    C.category = RFY_CAT_U25_HJEMME_BIDRAG;
    C.children = 1;
    compute_ok();
    ck_money(Z.gross, "5382.00");
    ck_assert_str_eq(Z.level_ref, "§ 68 stk. 2 nr. 4");
    C.children = 2;
    compute_ok();
    ck_money(Z.gross, "6930.00");
    ck_assert_int_eq(Z.tillaeg_capped, 0);
    C.children = 9;
    compute_ok();
    ck_money(Z.gross, "16382.00");
    ck_assert_int_eq(Z.tillaeg_capped, 1);
}
END_TEST

START_TEST(nr4_child_support_below_normalbidrag)
{
    /* documented bidrag 1.000 < normalbidrag 1.548: tillæg 1.000; 3.834 + 1.000 = 4.834 */
    month(2024, 3);
    C.category = RFY_CAT_U25_HJEMME_BIDRAG;
    C.children = 1;
    C.has_child_support = 1;
    amt(C.child_support, "1000");
    compute_ok();
    ck_money(Z.gross, "4834.00");
    /* above: min(2.000, 1 × 1.548) = 1.548 → 5.382 */
    amt(C.child_support, "2000");
    compute_ok();
    ck_money(Z.gross, "5382.00");
}
END_TEST

START_TEST(nr4_year_without_normalbidrag)
{
    /* 2016: no normalbidrag is known (docs/rates.md); without child_support that is an error
     * naming the missing value; with child_support 1.200: 3.411 + 1.200 = 4.611 */
    month(2016, 6);
    C.category = RFY_CAT_U25_HJEMME_BIDRAG;
    C.children = 1;
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_ENORATE);
    ck_assert_str_eq(E.column, "child_support");
    ck_assert_fault(&E, "normalbidrag_missing", "child_support: normalbidraget for 2016-06 kendes ikke: giv det dokumenterede "
        "månedlige bidrag i child_support (§ 68 stk. 2 nr. 4)");
    C.has_child_support = 1;
    amt(C.child_support, "1200");
    compute_ok();
    ck_money(Z.gross, "4611.00");
}
END_TEST

START_TEST(nr4_requires_children)
{
    month(2024, 3);
    C.category = RFY_CAT_U25_HJEMME_BIDRAG;
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "children");
}
END_TEST

/* ---- § 68 stk. 4 and 5 ------------------------------------------------------ */

static void sdp(const char *amount, int y, int m, int d)
{
    C.prior = RFY_PRIOR_SYGEDAGPENGE;
    amt(C.prior_amount, amount);
    C.prior_unit = RFY_PER_WEEK;
    C.has_prior_until = 1;
    C.prior_until = (rfy_date){y, m, d};
}

START_TEST(sdp_floor_applies)
{
    /* worked example B10: 2.500/uge × 52/12 = 10.833,33… < ikke-forsørger 12.326 → 12.326,00
     * (§ 68 stk. 4, 4. pkt.) */
    month(2024, 5);
    C.category = RFY_CAT_IKKE_FORSORGER;
    sdp("2500", 2024, 12, 31);
    compute_ok();
    ck_money(Z.gross, "12326.00");
    ck_assert_int_eq(Z.seg[0].basis, RFY_BASIS_SDP_FLOOR);
    ck_assert_str_eq(Z.level_ref, "§ 68 stk. 4, 4. pkt.");
}
END_TEST

START_TEST(sdp_split_mid_month)
{
    /* May 2024 (31 days), prior_until 14 May: 14 days at 20.345 and 17 days at 16.382:
     * (14 × 20.345 + 17 × 16.382)/31 = (284.830 + 278.494)/31 = 563.324/31 = 18.171,741… → 18.171,74 */
    month(2024, 5);
    sdp("4695", 2024, 5, 14);
    compute_ok();
    ck_assert_int_eq(Z.nsegments, 2);
    ck_assert_int_eq(Z.seg[0].first_day, 1);
    ck_assert_int_eq(Z.seg[0].last_day, 14);
    ck_assert_int_eq(Z.seg[1].first_day, 15);
    ck_assert_int_eq(Z.seg[1].days, 17);
    ck_money(Z.gross, "18171.74");
    ck_assert_str_eq(Z.level_ref, "§ 68 stk. 4; § 68 stk. 2 nr. 1");
    ck_assert_uint_eq(Z.flags & RFY_FLAG_INEXACT, RFY_FLAG_INEXACT);
}
END_TEST

START_TEST(sdp_until_first_day)
{
    /* prior_until 1 May: 1 day at 20.345, 30 at 16.382: (20.345 + 491.460)/31 = 511.805/31
     * = 16.509,838… → 16.509,84 */
    month(2024, 5);
    sdp("4695", 2024, 5, 1);
    compute_ok();
    ck_assert_int_eq(Z.nsegments, 2);
    ck_assert_int_eq(Z.seg[0].days, 1);
    ck_money(Z.gross, "16509.84");
}
END_TEST

START_TEST(sdp_until_last_day_and_before)
{
    /* prior_until 31 May: the whole month at 20.345,00; prior_until 30 April: none of it */
    month(2024, 5);
    sdp("4695", 2024, 5, 31);
    compute_ok();
    ck_assert_int_eq(Z.nsegments, 1);
    ck_money(Z.gross, "20345.00");
    C.prior_until = (rfy_date){2024, 4, 30};
    compute_ok();
    ck_assert_int_eq(Z.nsegments, 1);
    ck_assert_int_eq(Z.seg[0].basis, RFY_BASIS_STK2);
    ck_money(Z.gross, "16382.00");
}
END_TEST

START_TEST(sdp_above_highest_amount_is_bad_input)
{
    /* 4.696/uge > the 2024 maximum 4.695 (sygedagpengeloven § 50) */
    month(2024, 5);
    sdp("4696", 2024, 12, 31);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "prior_amount");
    /* monthly: 20.345,01 > 4.695 × 52/12 = 20.345,00 */
    C.prior_unit = RFY_PER_MONTH;
    amt(C.prior_amount, "20345.01");
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    amt(C.prior_amount, "20345.00");
    compute_ok();
    ck_money(Z.gross, "20345.00");
}
END_TEST

START_TEST(sdp_only_in_ressourceforloeb)
{
    month(2024, 5);
    C.forloeb = RFY_FORLOEB_JOBAFKLARING;
    sdp("4695", 2024, 12, 31);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "prior");
}
END_TEST

START_TEST(sdp_requires_prior_until)
{
    month(2024, 5);
    sdp("4695", 2024, 12, 31);
    C.has_prior_until = 0;
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "prior_until");
}
END_TEST

START_TEST(sdp_2025_secondary_max_4865)
{
    /* 2025: the highest sygedagpenge amount is 4.865/uge (secondary, borger.dk; the chain
     * agrees: 4.695 × 1,036 = 4.864,02, to the nearest 5 kr. = 4.865).
     * 4.865 × 52/12 = 252.980/12 = 21.081,666… → 21.081,67 > forsørger 16.972: the prior
     * is the level; computed with no sdp warning (derived_rate: the 2025 levels are derived). */
    month(2025, 3);
    sdp("4865", 2025, 12, 31);
    compute_ok();
    ck_money(Z.gross, "21081.67");
    ck_money(Z.payment, "21081.67");
    ck_assert_uint_eq(Z.warnings & (RFY_WARN_SDP_ABOVE_DERIVED_MAX | RFY_WARN_SDP_MAX_UNKNOWN), 0);
    ck_assert_uint_eq(Z.warnings & RFY_WARN_DERIVED_RATE, RFY_WARN_DERIVED_RATE);
    ck_money(Z.rate[RFY_RATE_SDP_MAX_WEEK]->amount, "4865.00");
    ck_assert_int_eq(Z.rate[RFY_RATE_SDP_MAX_WEEK]->provenance, RFY_PROV_SECONDARY);
    /* 4.870/uge is above a secondary maximum: bad input, naming it */
    sdp("4870", 2025, 12, 31);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "prior_amount");
    ck_assert_ptr_nonnull(strstr(E.reason, "4865.00"));
}
END_TEST

START_TEST(sdp_2026_secondary_max_5085)
{
    /* 2026: 5.085/uge (secondary; chain 4.865 × 1,045 = 5.083,93 → 5.085).
     * 5.085 × 52/12 = 264.420/12 = 22.035,00 exactly; 5.090 is rejected. */
    month(2026, 5);
    sdp("5085", 2026, 12, 31);
    compute_ok();
    ck_money(Z.gross, "22035.00");
    ck_money(Z.payment, "22035.00");
    ck_assert_uint_eq(Z.warnings & RFY_WARN_SDP_ABOVE_DERIVED_MAX, 0);
    sdp("5090", 2026, 12, 31);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "prior_amount");
    ck_assert_ptr_nonnull(strstr(E.reason, "5085.00"));
}
END_TEST

/* A one-file 2027 table as `rfy rates derive 2027 --r 2.9` writes it (the maxima derived). */
static rfy_rates *derived_2027(void)
{
    static const char t[] =
        "key,effective_from,effective_to,amount,unit,provenance,legal_ref,source\n"
        "rfy_forsorger,2027-01-01,2027-12-31,18171,kr/month,derived,x,y\n"
        "wage_threshold_month,2027-01-01,2027-12-31,18184,kr/month,derived,x,y\n"
        "activation_hour_disregard,2027-01-01,2027-12-31,19.80,kr/hour,derived,x,y\n"
        "rfy_sdp_max_week,2027-01-01,2027-12-31,5210,kr/week,derived,x,y\n"
        "dagpenge_max_month,2027-01-01,2027-12-31,22581,kr/month,derived,x,y\n";
    const char *names[] = {"2027.csv"}, *texts[] = {t};
    size_t lens[] = {sizeof t - 1};
    rfy_rates *r = NULL;
    ck_assert_int_eq(rfy_rates_load_files(&r, 1, names, texts, lens, NULL), RFY_OK);
    return r;
}

START_TEST(sdp_above_derived_max_computes_with_warning)
{
    /* 2027 (derived): highest sygedagpenge 5.085 × 1,0245 = 5.209,58 → 5.210.  5.300/uge is
     * above it: never refused on a guess (rules.md §3).  5.300 × 52/12 = 275.600/12 =
     * 22.966,666… → 22.966,67, warning sdp_above_derived_max whose detail names 5210.00;
     * 5.210 itself is not flagged. */
    char detail[320];
    rfy_rates *r2 = derived_2027();
    month(2027, 1);
    sdp("5300", 2027, 12, 31);
    ck_assert_int_eq(rfy_compute(&Z, r2, &C, &E), RFY_OK);
    ck_money(Z.gross, "22966.67");
    ck_assert_uint_eq(Z.warnings & RFY_WARN_SDP_ABOVE_DERIVED_MAX, RFY_WARN_SDP_ABOVE_DERIVED_MAX);
    ck_assert_int_gt(rfy_warning_detail(detail, sizeof detail, RFY_WARN_SDP_ABOVE_DERIVED_MAX, &Z),
                     0);
    ck_assert_ptr_nonnull(strstr(detail, "5210.00"));
    /* the same in Danish, the amount written the Danish way */
    ck_assert_int_gt(rfy_warning_detail_lang(detail, sizeof detail, RFY_WARN_SDP_ABOVE_DERIVED_MAX, &Z,
                                             RFY_LANG_DA), 0);
    ck_assert_str_eq(detail, "prior_amount er over det afledte højeste sygedagpengebeløb 5.210,00 kr. pr. uge "
                             "(ikke offentliggjort; § 68 stk. 4): rækken er beregnet med det; kontrollér beløbet");
    sdp("5210", 2027, 12, 31);
    ck_assert_int_eq(rfy_compute(&Z, r2, &C, &E), RFY_OK);
    ck_assert_uint_eq(Z.warnings & RFY_WARN_SDP_ABOVE_DERIVED_MAX, 0);
    /* 2024's maximum 4.695 is published: 4.700/uge there stays bad input */
    month(2024, 3);
    sdp("4700", 2024, 12, 31);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "prior_amount");
    rfy_rates_free(r2);
}
END_TEST

static void ledighed(const char *amount, rfy_period_unit unit)
{
    C.prior = RFY_PRIOR_LEDIGHEDSYDELSE;
    amt(C.prior_amount, amount);
    C.prior_unit = unit;
}

START_TEST(ledighed_bound_2024)
{
    /* § 68 stk. 5, AFL § 47: 2024's highest dagpenge amount is 20.359 kr./md. (secondary).
     * 9.999.999,99/uge × 52/12 = 43.333.333,29 a month is far above it: bad input, naming
     * the maximum.  4.000/uge × 52/12 = 208.000/12 = 17.333,333… → 17.333,33 computes as
     * before, published, without a warning (a maximum it stays under never weakens the
     * row's provenance). */
    month(2024, 5);
    ledighed("9999999.99", RFY_PER_WEEK);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "prior_amount");
    ck_assert_int_eq(E.nfaults, 1);
    ck_assert_str_eq(rfy_fault_id(E.fault[0].code), "ledighedsydelse_above_max");
    /* a monthly maximum (limit 0), a weekly amount given (other 1) */
    ck_assert_str_eq(E.reason, "prior_amount er over det højeste dagpengebeløb for måneden (20359.00 kr. "
                               "pr. måned; et ugebeløb tæller × 52/12; § 68 stk. 5, AFL § 47)");
    {
        char en[300];
        rfy_error_text(en, sizeof en, &E, RFY_LANG_EN);
        ck_assert_str_eq(en, "prior_amount is above the highest dagpenge amount for the month (20359.00 "
                             "kr. per month; a weekly amount counts x 52/12; § 68 stk. 5, AFL § 47)");
    }
    ledighed("4000", RFY_PER_WEEK);
    compute_ok();
    ck_money(Z.gross, "17333.33");
    ck_money(Z.payment, "17333.33");
    ck_assert_str_eq(Z.level_ref, "§ 68 stk. 5");
    ck_assert_uint_eq(Z.warnings, 0);
    ck_assert_int_eq(Z.provenance, RFY_PROV_PUBLISHED);
    /* exactly at the maximum: 20.359/md. computes; 20.359,01 is rejected */
    ledighed("20359", RFY_PER_MONTH);
    compute_ok();
    ck_money(Z.gross, "20359.00");
    ledighed("20359.01", RFY_PER_MONTH);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    /* weekly against monthly, both × 52/12: 4.698/uge = 20.358,00/md. passes; 4.699/uge =
     * 20.362,33/md. is above 20.359 and rejected */
    ledighed("4698", RFY_PER_WEEK);
    compute_ok();
    ck_money(Z.gross, "20358.00");
    ledighed("4699", RFY_PER_WEEK);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
}
END_TEST

START_TEST(ledighed_bound_weekly_2017)
{
    /* Until 2017-06 the maximum is weekly: 849 kr./dag × 5 = 4.245/uge.  2017-03: 4.245/uge
     * computes (4.245 × 52/12 = 18.395,00); 4.245,01/uge is rejected, naming 4245.00 per
     * week; a monthly 18.395,01 (> 4.245 × 52/12) too.  From 2017-07 the monthly 18.403. */
    month(2017, 3);
    ledighed("4245", RFY_PER_WEEK);
    compute_ok();
    ck_money(Z.gross, "18395.00");
    ledighed("4245.01", RFY_PER_WEEK);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(rfy_fault_id(E.fault[0].code), "ledighedsydelse_above_max");
    ck_assert_str_eq(E.reason, "prior_amount er over det højeste dagpengebeløb for måneden (4245.00 kr. "
                               "pr. uge; et ugebeløb tæller × 52/12; § 68 stk. 5, AFL § 47)");
    ledighed("18395.01", RFY_PER_MONTH);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    /* a monthly amount against the weekly maximum: no word about a weekly amount */
    ck_assert_str_eq(E.reason, "prior_amount er over det højeste dagpengebeløb for måneden (4245.00 kr. "
                               "pr. uge; § 68 stk. 5, AFL § 47)");
    {
        char en[300];
        rfy_error_text(en, sizeof en, &E, RFY_LANG_EN);
        ck_assert_str_eq(en, "prior_amount is above the highest dagpenge amount for the month (4245.00 "
                             "kr. per week; § 68 stk. 5, AFL § 47)");
    }
    month(2017, 7);
    ledighed("18403", RFY_PER_MONTH);
    compute_ok();
    ck_money(Z.gross, "18403.00");
    ledighed("18403.01", RFY_PER_MONTH);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.reason, "prior_amount er over det højeste dagpengebeløb for måneden (18403.00 kr. "
                               "pr. måned; § 68 stk. 5, AFL § 47)");
}
END_TEST

START_TEST(ledighed_above_derived_max_computes_with_warning)
{
    /* 2027 (derived): dagpenge maximum 22.041 × 1,0245 = 22.581,00 → 22.581.  23.000/md. is
     * above it: computed (23.000,00) and flagged ledighedsydelse_above_derived_max, the
     * detail naming 22581.00; 22.581/md. is not flagged. */
    char detail[320];
    rfy_rates *r2 = derived_2027();
    month(2027, 1);
    ledighed("23000", RFY_PER_MONTH);
    ck_assert_int_eq(rfy_compute(&Z, r2, &C, &E), RFY_OK);
    ck_money(Z.gross, "23000.00");
    ck_assert_uint_eq(Z.warnings & RFY_WARN_LY_ABOVE_DERIVED_MAX, RFY_WARN_LY_ABOVE_DERIVED_MAX);
    ck_assert_int_gt(rfy_warning_detail(detail, sizeof detail, RFY_WARN_LY_ABOVE_DERIVED_MAX, &Z),
                     0);
    ck_assert_ptr_nonnull(strstr(detail, "22581.00"));
    ledighed("22581", RFY_PER_MONTH);
    ck_assert_int_eq(rfy_compute(&Z, r2, &C, &E), RFY_OK);
    ck_assert_uint_eq(Z.warnings & RFY_WARN_LY_ABOVE_DERIVED_MAX, 0);
    rfy_rates_free(r2);
}
END_TEST

START_TEST(nr4_2026_normalbidrag_1675)
{
    /* 2026: normalbidrag 1.675 (secondary); one child, no child_support:
     * u25 hjemme 4.151 + 1 × 1.675 = 5.826,00 */
    month(2026, 4);
    C.category = RFY_CAT_U25_HJEMME_BIDRAG;
    C.children = 1;
    compute_ok();
    ck_money(Z.gross, "5826.00");
    ck_money(Z.payment, "5826.00");
}
END_TEST

START_TEST(sdp_without_max_is_not_checked)
{
    /* A table set without rfy_sdp_max_week for the month: the § 68 stk. 4 check cannot run,
     * and the row is computed (never refused for a missing maximum) with the warning
     * sdp_max_unknown.  One-row 2024 table:
     * forsørger 16.382 and the threshold; 5.000/uge × 52/12 = 260.000/12 = 21.666,666…
     * → 21.666,67. */
    static const char t[] =
        "key,effective_from,effective_to,amount,unit,provenance,legal_ref,source\n"
        "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,x,y\n"
        "wage_threshold_month,2024-01-01,2024-12-31,16323,kr/month,published,x,y\n"
        "activation_hour_disregard,2024-01-01,2024-12-31,17.86,kr/hour,published,x,y\n";
    const char *names[] = {"2024.csv"}, *texts[] = {t};
    size_t lens[] = {sizeof t - 1};
    rfy_rates *r2 = NULL;
    char *err = NULL;
    ck_assert_int_eq(rfy_rates_load_files(&r2, 1, names, texts, lens, &err), RFY_OK);
    month(2024, 3);
    sdp("5000", 2024, 12, 31);
    ck_assert_int_eq(rfy_compute(&Z, r2, &C, &E), RFY_OK);
    ck_money(Z.gross, "21666.67");
    /* ... and flagged: nothing checked the amount */
    ck_assert_uint_eq(Z.warnings, RFY_WARN_SDP_MAX_UNKNOWN);
    ck_assert_str_eq(rfy_warning_code(RFY_WARN_SDP_MAX_UNKNOWN), "sdp_max_unknown");
    ck_assert_ptr_null(Z.rate[RFY_RATE_SDP_MAX_WEEK]);
    rfy_rates_free(r2);
}
END_TEST

/* ---- issue: this month's payroll (2025-07..2026-12) --------------------------- */

START_TEST(forsorger_2026_11_wage_20000)
{
    /* 2026 forsørger: round(16.972 × 1,045) = round(17.735,74) = 17.736 (derived);
     * threshold 17.672 (secondary).  Ressourceforløb from 2022: 55 % above T only:
     * 0,55 × (20.000 − 17.672) = 0,55 × 2.328 = 1.280,40; 17.736 − 1.280,40 = 16.455,60 */
    month(2026, 11);
    amt(C.wage, "20000");
    compute_ok();
    ck_money(Z.gross, "17736.00");
    ck_money(Z.wage_deduction, "1280.40");
    ck_money(Z.payment, "16455.60");
    ck_assert_int_eq(Z.provenance, RFY_PROV_DERIVED);
    ck_assert_uint_eq(Z.warnings, RFY_WARN_DERIVED_RATE);
    ck_assert_int_eq(Z.rate[RFY_RATE_WAGE_THRESHOLD]->provenance, RFY_PROV_SECONDARY);
    ck_adds_up();
}
END_TEST

START_TEST(jobafklaring_ikke_forsorger_2025_09_wage_10000)
{
    /* 2025-09 uses the 2025 amounts (Decision A1): ikke-forsørger 12.770; the wage 10.000
     * is below T 16.911, § 69 j stk. 9 30/55: 0,30 × 10.000 = 3.000,00;
     * 12.770 − 3.000 = 9.770,00 */
    month(2025, 9);
    C.forloeb = RFY_FORLOEB_JOBAFKLARING;
    C.category = RFY_CAT_IKKE_FORSORGER;
    amt(C.wage, "10000");
    compute_ok();
    ck_money(Z.gross, "12770.00");
    ck_money(Z.wage_deduction, "3000.00");
    ck_money(Z.payment, "9770.00");
    ck_adds_up();
}
END_TEST

START_TEST(ikke_forsorger_2026_03_tilbud_200_hours)
{
    /* 2026: ikke-forsørger round(12.770 × 1,045) = round(13.344,65) = 13.345; hourly
     * round(18,50 × 1,045; øre) = round(19,3325) = 19,33.  Income 4.000 over 200 h:
     * 4.000 − 160 × 19,33 = 4.000 − 3.092,80 = 907,20; 13.345 − 907,20 = 12.437,80 */
    month(2026, 3);
    C.category = RFY_CAT_IKKE_FORSORGER;
    amt(C.activation_income, "4000");
    amt(C.activation_hours, "200");
    compute_ok();
    ck_money(Z.gross, "13345.00");
    ck_money(Z.activation_deduction, "907.20");
    ck_money(Z.payment, "12437.80");
    ck_adds_up();
}
END_TEST

START_TEST(ressourceforloeb_from_2026_02_note)
{
    /* lov nr. 1750 af 29.12.2025: no new ressourceforløb from 1.2.2026; running ones continue
     * (computed as before, so only a note).  Jobafklaringsforløb are not affected. */
    ck_assert_int_eq(rfy_no_new_ressourceforloeb(RFY_MONTH(2026, 1), RFY_FORLOEB_RESSOURCE), 0);
    ck_assert_int_ne(rfy_no_new_ressourceforloeb(RFY_MONTH(2026, 2), RFY_FORLOEB_RESSOURCE), 0);
    ck_assert_int_eq(rfy_no_new_ressourceforloeb(RFY_MONTH(2026, 2), RFY_FORLOEB_JOBAFKLARING), 0);
}
END_TEST

START_TEST(warning_codes)
{
    char buf[128];
    ck_assert_str_eq(rfy_warning_code(RFY_WARN_DERIVED_RATE), "derived_rate");
    ck_assert_str_eq(rfy_warning_code(RFY_WARN_SDP_ABOVE_DERIVED_MAX), "sdp_above_derived_max");
    ck_assert_str_eq(rfy_warning_code(RFY_WARN_HOLIDAY_EXCESS), "holiday_excess");
    ck_assert_str_eq(rfy_warning_code(RFY_WARN_HOLIDAY_STATE_UNKNOWN), "holiday_state_unknown");
    ck_assert_str_eq(rfy_warning_code(RFY_WARN_SDP_MAX_UNKNOWN), "sdp_max_unknown");
    ck_assert_str_eq(rfy_warning_code(RFY_WARN_LY_ABOVE_DERIVED_MAX),
                     "ledighedsydelse_above_derived_max");
    ck_assert_ptr_null(rfy_warning_code((rfy_warning)(1u << 6)));
    ck_assert_int_eq(rfy_warnings_format(buf, sizeof buf, 0), 0);
    ck_assert_str_eq(buf, "");
    rfy_warnings_format(buf, sizeof buf, RFY_WARN_DERIVED_RATE | RFY_WARN_SDP_ABOVE_DERIVED_MAX);
    ck_assert_str_eq(buf, "derived_rate;sdp_above_derived_max");
}
END_TEST

START_TEST(ledighed_above_and_below_floor)
{
    /* § 68 stk. 5: 4.185/uge × 52/12 = 217.620/12 = 18.135,00 > 12.326 → 18.135,00 */
    month(2024, 5);
    C.category = RFY_CAT_IKKE_FORSORGER;
    C.prior = RFY_PRIOR_LEDIGHEDSYDELSE;
    amt(C.prior_amount, "4185");
    C.prior_unit = RFY_PER_WEEK;
    compute_ok();
    ck_money(Z.gross, "18135.00");
    ck_assert_str_eq(Z.level_ref, "§ 68 stk. 5");
    /* monthly 12.000 < 12.326 → floor (§ 68 stk. 5, 2. pkt.) */
    C.prior_unit = RFY_PER_MONTH;
    amt(C.prior_amount, "12000");
    compute_ok();
    ck_money(Z.gross, "12326.00");
    ck_assert_str_eq(Z.level_ref, "§ 68 stk. 5, 2. pkt.");
}
END_TEST

/* ---- part months: 28/29/30/31 days ------------------------------------------ */

START_TEST(part_months_each_length)
{
    /* from the 10th:
     * Feb 2023 (28): 19 days, 15.874 × 19/28 = 301.606/28 = 10.771,642… → 10.771,64
     * Feb 2024 (29): 20 days, 16.382 × 20/29 = 327.640/29 = 11.297,931… → 11.297,93
     * May 2024 (31): 22 days, 16.382 × 22/31 = 360.404/31 = 11.625,935… → 11.625,94 */
    C.start_day = 10;
    month(2023, 2);
    compute_ok();
    ck_assert_int_eq(Z.days, 19);
    ck_money(Z.gross, "10771.64");
    month(2024, 2);
    compute_ok();
    ck_assert_int_eq(Z.days_in_month, 29);
    ck_money(Z.gross, "11297.93");
    month(2024, 5);
    compute_ok();
    ck_money(Z.gross, "11625.94");
    /* end on the 20th of May 2024: 10..20 = 11 days, 16.382 × 11/31 = 180.202/31 = 5.812,967… → 5.812,97 */
    C.end_day = 20;
    compute_ok();
    ck_assert_int_eq(Z.days, 11);
    ck_money(Z.gross, "5812.97");
}
END_TEST

START_TEST(end_before_start_is_bad_input)
{
    month(2024, 5);
    C.start_day = 20;
    C.end_day = 10;
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "end");
}
END_TEST

/* ---- § 68 a stk. 2: the wage rule over time --------------------------------- */

START_TEST(wage_2021_12_vs_2022_01)
{
    /* 2021-12, ressourceforløb, 30/55: T 15.264, level 15.547:
     * 0,30 × 15.264 + 0,55 × 4.736 = 4.579,20 + 2.604,80 = 7.184,00; 15.547 − 7.184 = 8.363,00
     * 2022-01, 55 % above T only: T 15.401, level 15.570: 0,55 × 4.599 = 2.529,45 → 13.040,55 */
    amt(C.wage, "20000");
    month(2021, 12);
    compute_ok();
    ck_money(Z.wage_deduction, "7184.00");
    ck_money(Z.payment, "8363.00");
    month(2022, 1);
    compute_ok();
    ck_money(Z.wage_deduction, "2529.45");
    ck_money(Z.payment, "13040.55");
}
END_TEST

START_TEST(wage_at_and_below_threshold)
{
    /* worked example B4: wage exactly 16.323 = T: ressourceforløb 0 → 16.382,00;
     * jobafklaring 0,30 × 16.323 = 4.896,90 → 11.485,10 */
    month(2024, 5);
    amt(C.wage, "16323");
    compute_ok();
    ck_money(Z.wage_deduction, "0.00");
    ck_money(Z.payment, "16382.00");
    C.forloeb = RFY_FORLOEB_JOBAFKLARING;
    compute_ok();
    ck_money(Z.wage_deduction, "4896.90");
    ck_money(Z.payment, "11485.10");
    /* B3: ikke-forsørger 8.000: ressourceforløb 0 → 12.326,00; jobafklaring 2.400 → 9.926,00 */
    C.category = RFY_CAT_IKKE_FORSORGER;
    amt(C.wage, "8000");
    compute_ok();
    ck_money(Z.payment, "9926.00");
    C.forloeb = RFY_FORLOEB_RESSOURCE;
    compute_ok();
    ck_money(Z.payment, "12326.00");
    /* one øre above T: 0,55 × 0,01 = 0,0055 kr. = 0,55 øre → rounds to 0,01 (half away) */
    C.category = RFY_CAT_FORSORGER;
    amt(C.wage, "16323.01");
    compute_ok();
    ck_money(Z.wage_deduction, "0.01");
}
END_TEST

START_TEST(wage_below_threshold_before_2022)
{
    /* 2020 ikke-forsørger, wage 5.000 (< T 14.965): 0,30 × 5.000 = 1.500 → 11.554 − 1.500 = 10.054,00 */
    month(2020, 6);
    C.category = RFY_CAT_IKKE_FORSORGER;
    amt(C.wage, "5000");
    compute_ok();
    ck_money(Z.payment, "10054.00");
}
END_TEST

START_TEST(jobafklaring_coverage)
{
    /* § 69 j from 2014-07: June 2014 is an error, July 2014 pays 14.203 (2014 level) */
    C.forloeb = RFY_FORLOEB_JOBAFKLARING;
    month(2014, 6);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_ECOVERAGE);
    ck_assert_str_eq(E.column, "month");
    month(2014, 7);
    compute_ok();
    ck_money(Z.gross, "14203.00");
}
END_TEST

/* ---- § 68 a stk. 4: holiday pay --------------------------------------------- */

START_TEST(holiday_cap_binding_and_not)
{
    /* April 2024 (30 days), forsørger, wage 16.323 (= T), holiday pay 10.000:
     * uncapped W(26.323) − W(16.323) = 0,55 × 10.000 − 0 = 5.500,00.
     * 5 feriedage = 7 days: cap 16.382 × 7/30 = 3.822,466… → binds → 3.822,47;
     * payment 16.382 − 3.822,47 = 12.559,53.
     * 10 feriedage = 14 days: cap 16.382 × 14/30 = 7.644,93… → does not bind → 5.500,00 */
    month(2024, 4);
    amt(C.wage, "16323");
    amt(C.holiday_pay, "10000");
    amt(C.holiday_days, "5");
    compute_ok();
    ck_assert_int_eq(Z.holiday_capped, 1);
    ck_money(Z.holiday_deduction, "3822.47");
    ck_money(Z.payment, "12559.53");
    ck_adds_up();
    amt(C.holiday_days, "10");
    compute_ok();
    ck_assert_int_eq(Z.holiday_capped, 0);
    ck_money(Z.holiday_deduction, "5500.00");
    ck_money(Z.payment, "10882.00");
    ck_assert_str_eq(Z.holiday_ref, "§ 68 a stk. 4");
}
END_TEST

START_TEST(holiday_worked_example_b13)
{
    /* B13: ikke-forsørger 2024, holiday pay 5.000 for 10 feriedage, no wage (April, 30 days):
     * ressourceforløb: W(5.000) − W(0) = 0 (below T) → 12.326,00;
     * jobafklaring: 0,30 × 5.000 = 1.500; cap 12.326 × 14/30 = 5.752,13 does not bind → 10.826,00 */
    month(2024, 4);
    C.category = RFY_CAT_IKKE_FORSORGER;
    amt(C.holiday_pay, "5000");
    amt(C.holiday_days, "10");
    compute_ok();
    ck_money(Z.payment, "12326.00");
    C.forloeb = RFY_FORLOEB_JOBAFKLARING;
    compute_ok();
    ck_money(Z.holiday_deduction, "1500.00");
    ck_money(Z.payment, "10826.00");
    ck_assert_str_eq(Z.holiday_ref, "§ 69 j stk. 11");
}
END_TEST

START_TEST(holiday_needs_days)
{
    month(2024, 4);
    amt(C.holiday_pay, "100");
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "holiday_days");
}
END_TEST

/* ---- § 68 a stk. 3: tilbud income ------------------------------------------- */

START_TEST(tilbud_hours_edges)
{
    /* ikke-forsørger 2024, income 4.000:
     * 100 h: 4.000 − 1.786,00 = 2.214,00 → 10.112,00 (B5)
     * 160.00 h and 160.01 h: both 160 × 17,86 = 2.857,60 → 1.142,40 → 11.183,60
     * 159.99 h: 159,99 × 17,86 = 2.857,4214 → 4.000 − 2.857,4214 = 1.142,5786 → 1.142,58 → 11.183,42
     * income 1.000 over 100 h: max(0, 1.000 − 1.786) = 0 → 12.326,00 (B7) */
    month(2024, 5);
    C.category = RFY_CAT_IKKE_FORSORGER;
    amt(C.activation_income, "4000");
    amt(C.activation_hours, "100");
    compute_ok();
    ck_money(Z.payment, "10112.00");
    amt(C.activation_hours, "160.00");
    compute_ok();
    ck_money(Z.activation_deduction, "1142.40");
    amt(C.activation_hours, "160.01");
    compute_ok();
    ck_money(Z.activation_deduction, "1142.40");
    ck_money(Z.payment, "11183.60");
    amt(C.activation_hours, "159.99");
    compute_ok();
    ck_money(Z.activation_deduction, "1142.58");
    ck_money(Z.payment, "11183.42");
    amt(C.activation_income, "1000");
    amt(C.activation_hours, "100");
    compute_ok();
    ck_money(Z.activation_deduction, "0.00");
    ck_money(Z.payment, "12326.00");
}
END_TEST

/* ---- § 68 a stk. 1 and the floor at 0 ---------------------------------------- */

START_TEST(other_income_and_floor)
{
    /* B8: ikke-forsørger, other income 3.000 → 9.326,00.
     * B9: u25 hjemme 3.834, other income 5.000 → payment 0,00 (no carry-over) */
    month(2024, 5);
    C.category = RFY_CAT_IKKE_FORSORGER;
    amt(C.other_income, "3000");
    compute_ok();
    ck_money(Z.payment, "9326.00");
    C.category = RFY_CAT_U25_HJEMME;
    amt(C.other_income, "5000");
    compute_ok();
    ck_money(Z.total_deduction, "5000.00");
    ck_money(Z.payment, "0.00");
    ck_adds_up();
}
END_TEST

START_TEST(all_four_deductions)
{
    /* forsørger May 2024: wage 18.000, holiday pay 2.000 for 5 feriedage, tilbud 3.000 over 50 h,
     * other 500.
     * wage: 0,55 × (18.000 − 16.323) = 0,55 × 1.677 = 922,35
     * holiday: W(20.000) − W(18.000) = 2.022,35 − 922,35 = 1.100,00;
     *          cap 16.382 × 7/31 = 3.699,16… → does not bind → 1.100,00
     * tilbud: 50 × 17,86 = 893,00; 3.000 − 893 = 2.107,00
     * other: 500,00; total 922,35 + 1.100 + 2.107 + 500 = 4.629,35; 16.382 − 4.629,35 = 11.752,65 */
    month(2024, 5);
    amt(C.wage, "18000");
    amt(C.holiday_pay, "2000");
    amt(C.holiday_days, "5");
    amt(C.activation_income, "3000");
    amt(C.activation_hours, "50");
    amt(C.other_income, "500");
    compute_ok();
    ck_money(Z.wage_deduction, "922.35");
    ck_money(Z.holiday_deduction, "1100.00");
    ck_money(Z.activation_deduction, "2107.00");
    ck_money(Z.other_deduction, "500.00");
    ck_money(Z.total_deduction, "4629.35");
    ck_money(Z.payment, "11752.65");
    ck_adds_up();
}
END_TEST

/* ---- coverage, missing rates, provenance ------------------------------------- */

START_TEST(months_outside_tables)
{
    /* before 2013-01: coverage error; 2027-01: no table covers it, and the message says
     * which years are covered and how to supply a table */
    month(2012, 12);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_ECOVERAGE);
    month(2027, 1);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_ENORATE);
    ck_assert_str_eq(E.column, "month");
    /* the way out, in the engine's words (rfy says --rates DIR: rfy/hint.h, the goldens) */
    ck_assert_fault(&E, "rate_month_uncovered", "ingen satstabel dækker 2027-01 (mangler: rfy_forsorger; tabellerne dækker 2012-2026): "
        "indlæs en satstabel der dækker måneden");
    ck_assert_str_eq(E.fault[0].name, "rfy_forsorger");
    ck_assert_int_eq(E.fault[0].month, RFY_MONTH(2027, 1));
    /* 2013-01, 2025-07 and 2026-12 are covered: 13.952 (2013), 16.972 (2025, derived, the
     * 2025 amounts for the second half too) and 17.736 (2026, derived) */
    month(2013, 1);
    compute_ok();
    ck_money(Z.gross, "13952.00");
    ck_assert_uint_eq(Z.warnings, 0);
    month(2025, 7);
    compute_ok();
    ck_money(Z.gross, "16972.00");
    ck_assert_int_eq(Z.provenance, RFY_PROV_DERIVED);
    month(2026, 12);
    compute_ok();
    ck_money(Z.gross, "17736.00");
}
END_TEST

START_TEST(key_missing_in_covered_month_names_the_table)
{
    /* A table that covers 2024 but lacks rfy_ikke_forsorger: the message blames the table's
     * missing key, not the month ("supply newer tables" would send the user the wrong way). */
    static const char t[] =
        "key,effective_from,effective_to,amount,unit,provenance,legal_ref,source\n"
        "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,x,y\n"
        "wage_threshold_month,2024-01-01,2024-12-31,16323,kr/month,published,x,y\n";
    const char *names[] = {"2024.csv"}, *texts[] = {t};
    size_t lens[] = {sizeof t - 1};
    rfy_rates *r2 = NULL;
    char *err = NULL;
    ck_assert_int_eq(rfy_rates_load_files(&r2, 1, names, texts, lens, &err), RFY_OK);
    month(2024, 3);
    C.category = RFY_CAT_IKKE_FORSORGER;
    ck_assert_int_eq(rfy_compute(&Z, r2, &C, &E), RFY_ENORATE);
    ck_assert_fault(&E, "rate_missing", "satstabellen for 2024-03 mangler rfy_ikke_forsorger: tilføj rækken til tabellen");
    rfy_rates_free(r2);
}
END_TEST

START_TEST(january_2015_uses_table_of_5_january)
{
    /* rules.md §2 Decision: the 2015 table "gældende fra 5. januar" governs all of January 2015 */
    month(2015, 1);
    C.start_day = 1;
    C.end_day = 4;
    compute_ok();
    /* 14.416 × 4/31 = 57.664/31 = 1.860,129… → 1.860,13 */
    ck_money(Z.gross, "1860.13");
    ck_assert_int_eq(Z.rate[RFY_RATE_FORSORGER]->from.day, 5);
}
END_TEST

START_TEST(provenance_is_the_weakest_used)
{
    /* 2024 plain: all published.  2021 forsørger 15.547 is secondary (Ældre Sagen). */
    month(2024, 5);
    compute_ok();
    ck_assert_int_eq(Z.provenance, RFY_PROV_PUBLISHED);
    month(2021, 5);
    compute_ok();
    ck_assert_int_eq(Z.provenance, RFY_PROV_SECONDARY);
    /* 2024 tilbud income uses the published hourly amount: still published */
    month(2024, 5);
    amt(C.activation_income, "100");
    compute_ok();
    ck_assert_int_eq(Z.provenance, RFY_PROV_PUBLISHED);
    ck_assert_ptr_nonnull(Z.rate[RFY_RATE_HOUR_DISREGARD]);
}
END_TEST

START_TEST(plausibility_limits)
{
    month(2024, 5);
    amt(C.wage, "9999999.99");
    compute_ok();
    ck_money(Z.payment, "0.00");
    mpz_add_ui(C.wage, C.wage, 1);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "wage");
}
END_TEST

/* ---- rules.md §5 totals beyond 64 bits ---------------------------------------- */

/* rfy__deductions_and_rounding() on an exact gross and the whole-øre inputs
 * given, no wage, holiday pay or tilbud income (so no rate is read): the
 * totals are summed in int64_t while they fit, else in GMP. */
static void totals_of(const char *gross_exact, const char *other, const char *sanction)
{
    ck_assert_int_eq(mpq_set_str(Z.scratch_q[0], gross_exact, 10), 0);
    mpq_canonicalize(Z.scratch_q[0]);
    ck_assert_int_eq(mpz_set_str(C.other_income, other, 10), 0);
    mpz_set_ui(Z.sanction_period, 0);
    ck_assert_int_eq(mpz_set_str(Z.sanction_point, sanction, 10), 0);
    mpz_set(Z.sanction_deduction, Z.sanction_point);
    rfy__rates_forget(&Z);
    ck_assert_int_eq(rfy__deductions_and_rounding(&Z, R, &C, &E), RFY_OK);
    ck_adds_up();
}

static void ck_z(const mpz_t z, const char *want)
{
    mpz_t w;
    mpz_init_set_str(w, want, 10);
    ck_assert_msg(mpz_cmp(z, w) == 0, "got %s, want %s", mpz_get_str(NULL, 10, z), want);
    mpz_clear(w);
}

START_TEST(totals_in_int64_and_beyond)
{
    month(2024, 5);
    /* 2001/2 = 1000,5 øre rounds half away to 1001; total = 1; payment = 1001 − 1 = 1000 */
    totals_of("2001/2", "1", "0");
    ck_z(Z.gross, "1001");
    ck_z(Z.total_deduction, "1");
    ck_z(Z.payment, "1000");
    /* gross 2^63 − 1 = 9223372036854775807 øre, the largest int64_t: payment the same */
    totals_of("9223372036854775807", "0", "0");
    ck_z(Z.payment, "9223372036854775807");
    /* gross (2^64 − 1)/2 = 2^63 − 1/2 rounds to 2^63 = 9223372036854775808, beyond
     * int64_t: GMP; payment = 2^63 − 1 = 9223372036854775807 */
    totals_of("18446744073709551615/2", "1", "0");
    ck_z(Z.gross, "9223372036854775808");
    ck_z(Z.payment, "9223372036854775807");
    /* other 2^62 + 2^61 = 6917529027641081856 and sanction 2^62 = 4611686018427387904:
     * their sum 2^63 + 2^61 = 11529215046068469760 overflows int64_t (a wrapped
     * sum would be negative and pay 1000 + 6917529027641081856): GMP; payment
     * max(0, 1000 − 11529215046068469760) = 0 */
    totals_of("1000", "6917529027641081856", "4611686018427387904");
    ck_z(Z.total_deduction, "11529215046068469760");
    ck_z(Z.other_deduction, "6917529027641081856");
    ck_z(Z.payment, "0");
    /* other income 2^64 = 18446744073709551616 (two limbs): GMP; payment 0 */
    totals_of("1000", "18446744073709551616", "0");
    ck_z(Z.total_deduction, "18446744073709551616");
    ck_z(Z.payment, "0");
    /* and back in int64_t on the same result: 12 − 5 − 3 = 4 */
    totals_of("12", "5", "3");
    ck_z(Z.other_deduction, "5");
    ck_z(Z.total_deduction, "8");
    ck_z(Z.payment, "4");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("compute");
    TCase *t = tcase_create("rules");
    tcase_add_checked_fixture(t, one_case_setup, one_case_teardown);
    tcase_add_test(t, worked_wage_ressource_2024);
    tcase_add_test(t, totals_in_int64_and_beyond);
    tcase_add_test(t, worked_wage_jobafklaring_2024);
    tcase_add_test(t, worked_tilbud_200_hours);
    tcase_add_test(t, worked_part_month_april_from_10th);
    tcase_add_test(t, worked_sygedagpenge_week_to_month);
    tcase_add_test(t, levels_each_category_2024);
    tcase_add_test(t, nr4_tillaeg_per_child_and_cap);
    tcase_add_test(t, nr4_child_support_below_normalbidrag);
    tcase_add_test(t, nr4_year_without_normalbidrag);
    tcase_add_test(t, nr4_requires_children);
    tcase_add_test(t, sdp_floor_applies);
    tcase_add_test(t, sdp_split_mid_month);
    tcase_add_test(t, sdp_until_first_day);
    tcase_add_test(t, sdp_until_last_day_and_before);
    tcase_add_test(t, sdp_above_highest_amount_is_bad_input);
    tcase_add_test(t, sdp_only_in_ressourceforloeb);
    tcase_add_test(t, sdp_requires_prior_until);
    tcase_add_test(t, sdp_2025_secondary_max_4865);
    tcase_add_test(t, sdp_2026_secondary_max_5085);
    tcase_add_test(t, sdp_above_derived_max_computes_with_warning);
    tcase_add_test(t, ledighed_bound_2024);
    tcase_add_test(t, ledighed_bound_weekly_2017);
    tcase_add_test(t, ledighed_above_derived_max_computes_with_warning);
    tcase_add_test(t, nr4_2026_normalbidrag_1675);
    tcase_add_test(t, sdp_without_max_is_not_checked);
    tcase_add_test(t, forsorger_2026_11_wage_20000);
    tcase_add_test(t, jobafklaring_ikke_forsorger_2025_09_wage_10000);
    tcase_add_test(t, ikke_forsorger_2026_03_tilbud_200_hours);
    tcase_add_test(t, ressourceforloeb_from_2026_02_note);
    tcase_add_test(t, warning_codes);
    tcase_add_test(t, ledighed_above_and_below_floor);
    tcase_add_test(t, part_months_each_length);
    tcase_add_test(t, end_before_start_is_bad_input);
    tcase_add_test(t, wage_2021_12_vs_2022_01);
    tcase_add_test(t, wage_at_and_below_threshold);
    tcase_add_test(t, wage_below_threshold_before_2022);
    tcase_add_test(t, jobafklaring_coverage);
    tcase_add_test(t, holiday_cap_binding_and_not);
    tcase_add_test(t, holiday_worked_example_b13);
    tcase_add_test(t, holiday_needs_days);
    tcase_add_test(t, tilbud_hours_edges);
    tcase_add_test(t, other_income_and_floor);
    tcase_add_test(t, all_four_deductions);
    tcase_add_test(t, months_outside_tables);
    tcase_add_test(t, key_missing_in_covered_month_names_the_table);
    tcase_add_test(t, january_2015_uses_table_of_5_january);
    tcase_add_test(t, provenance_is_the_weakest_used);
    tcase_add_test(t, plausibility_limits);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
