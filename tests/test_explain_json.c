/*
 * rfy_explain_json(): cases built in C through the public setters, computed
 * with rfy_compute(), rendered by the library,
 * serialised and parsed back with jansson, then checked:
 *   - the deduction amounts add up to total_deduction, and gross − total =
 *     payment (or 0), exactly (rfy_decimal_parse of the strings);
 *   - a split month lists two segments; each segment's "amount" is its exact
 *     fraction rounded once, and the gross is the exact sum rounded once
 *     (rules.md §5), which can differ by an øre from the sum of the rounded
 *     segment amounts (checked on a case where it does);
 *   - money is never a JSON number;
 *   - hand-worked values (rules.md §6, worked example B1, B2, B6, B9, B12).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <rfy/rfy.h>
#include "check_run.h"

static rfy_rates *rates;

static void setup(void)
{
    char *err = NULL;
    ck_assert_int_eq(rfy_rates_load_builtin(&rates, &err), RFY_OK);
    free(err);
}

static void teardown(void)
{
    rfy_rates_free(rates);
    rates = NULL;
}

/* Compute `c`, render it, serialise and parse the text back. */
static json_t *explain_roundtrip(const rfy_case *c, const char *case_id)
{
    rfy_result *res = rfy_result_new();
    rfy_error err;
    const rfy_explain_options opts = {case_id, NULL, RFY_LANG_DA, 0, NULL};
    json_t *back;
    json_error_t jerr;
    char *text;

    ck_assert_ptr_nonnull(res);
    ck_assert_msg(rfy_compute(res, rates, c, &err) == RFY_OK, "compute: %s: %s", err.column,
                  err.reason);
    text = rfy_explain_json(res, &c, 1, rates, &opts);
    ck_assert_ptr_nonnull(text);
    back = json_loads(text, 0, &jerr);
    ck_assert_msg(back != NULL, "JSON does not parse back: %s", jerr.text);
    free(text);
    rfy_result_free(res);
    return back;
}

/* The money string obj[key] ("2022.35") in øre, via rfy_decimal_parse. */
static void money(mpz_t out, const json_t *obj, const char *key)
{
    const json_t *v = json_object_get(obj, key);
    const char *why = NULL;
    ck_assert_msg(json_is_string(v), "%s is not a string", key);
    ck_assert_msg(rfy_decimal_parse(out, json_string_value(v), json_string_length(v),
                                    &RFY_AMOUNT_DOT, &why) == RFY_OK,
                  "%s = '%s': %s", key, json_string_value(v), why ? why : "");
}

/* obj[key + "_exact"] as a fraction when present, else obj[key] (whole øre). */
static void exact(mpq_t out, const json_t *obj, const char *key)
{
    char name[64];
    const json_t *v;
    snprintf(name, sizeof name, "%s_exact", key);
    v = json_object_get(obj, name);
    if (v) {
        ck_assert(json_is_string(v));
        ck_assert_int_eq(mpq_set_str(out, json_string_value(v), 10), 0);
        mpq_canonicalize(out);
        /* only given when not whole øre */
        ck_assert_int_ne(mpz_cmp_ui(mpq_denref(out), 1), 0);
    } else {
        mpz_t z;
        mpz_init(z);
        money(z, obj, key);
        mpq_set_z(out, z);
        mpz_clear(z);
    }
}

static void assert_str(const json_t *obj, const char *key, const char *want)
{
    const json_t *v = json_object_get(obj, key);
    ck_assert_msg(json_is_string(v), "%s missing or not a string", key);
    ck_assert_str_eq(json_string_value(v), want);
}

/* The invariants every explanation must satisfy. */
static void check_invariants(const json_t *root)
{
    const json_t *ded = json_object_get(root, "deductions");
    const json_t *segs = json_object_get(root, "segments");
    mpz_t sum, d, gross, total, payment, want, r;
    mpq_t qsum, q;
    size_t i;

    mpz_inits(sum, d, gross, total, payment, want, r, NULL);
    mpq_init(qsum);
    mpq_init(q);
    ck_assert_int_eq(json_integer_value(json_object_get(root, "schema_version")), 1);

    /* deductions: the five kinds, adding up to total_deduction exactly */
    ck_assert(json_is_array(ded));
    ck_assert_uint_eq(json_array_size(ded), 5);
    for (i = 0; i < json_array_size(ded); i++) {
        const json_t *e = json_array_get(ded, i);
        static const char *const KIND[5] = {"wage", "holiday", "activation", "other",
                                            "sanction"};
        assert_str(e, "kind", KIND[i]);
        ck_assert(json_is_string(json_object_get(e, "legal_ref")));
        money(d, e, "amount");
        /* the amount is its exact value rounded once */
        exact(q, e, "amount");
        rfy_round_half_away(r, q, 1);
        ck_assert(mpz_cmp(r, d) == 0);
        mpz_add(sum, sum, d);
    }
    money(total, root, "total_deduction");
    ck_assert_msg(mpz_cmp(sum, total) == 0, "deductions do not add up to total_deduction");

    /* payment = max(0, gross − total) */
    money(gross, root, "gross");
    money(payment, root, "payment");
    mpz_sub(want, gross, total);
    if (mpz_sgn(want) < 0)
        mpz_set_ui(want, 0);
    ck_assert_msg(mpz_cmp(want, payment) == 0, "gross - total != payment");

    /* segments: each amount = level × days / days_in_month exactly, rounded
     * once; the gross = Σ exact amounts, rounded once (rules.md §5) */
    ck_assert(json_is_array(segs));
    ck_assert_uint_ge(json_array_size(segs), 1);
    for (i = 0; i < json_array_size(segs); i++) {
        const json_t *s = json_array_get(segs, i);
        mpq_t level;
        mpq_init(level);
        exact(level, s, "level");
        exact(q, s, "amount");
        mpz_mul_si(mpq_numref(level), mpq_numref(level),
                   (long)json_integer_value(json_object_get(s, "days")));
        mpz_mul_si(mpq_denref(level), mpq_denref(level),
                   (long)json_integer_value(json_object_get(s, "days_in_month")));
        mpq_canonicalize(level);
        ck_assert(mpq_equal(level, q));
        money(d, s, "amount");
        rfy_round_half_away(r, q, 1);
        ck_assert(mpz_cmp(r, d) == 0);
        mpq_add(qsum, qsum, q);
        mpq_clear(level);
    }
    exact(q, root, "gross");
    ck_assert(mpq_equal(q, qsum));
    rfy_round_half_away(r, qsum, 1);
    ck_assert(mpz_cmp(r, gross) == 0);

    mpz_clears(sum, d, gross, total, payment, want, r, NULL);
    mpq_clear(qsum);
    mpq_clear(q);
}

/* No JSON number anywhere but these counts and the rules' whole constants
 * (the wage rule's percentages, the sanction's 12/260): money is always a
 * string. */
static void check_no_money_numbers(const json_t *v, const char *key)
{
    static const char *const COUNTS[] = {"schema_version", "days",    "days_in_month",
                                         "children",       "sanction_days", "low_pct",
                                         "high_pct",       "day_num", "day_den"};
    if (json_is_real(v))
        ck_abort_msg("%s is a real number", key);
    if (json_is_integer(v)) {
        int allowed = 0;
        for (size_t i = 0; i < sizeof COUNTS / sizeof *COUNTS; i++)
            allowed |= key && strcmp(key, COUNTS[i]) == 0;
        ck_assert_msg(allowed, "%s is a JSON number", key ? key : "(array element)");
    }
    if (json_is_object(v)) {
        const char *k;
        json_t *x;
        json_object_foreach((json_t *)v, k, x) check_no_money_numbers(x, k);
    }
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) check_no_money_numbers(x, NULL);
    }
}

static rfy_case *base_case(int year, int month, rfy_category cat)
{
    rfy_case *c = rfy_case_new();
    ck_assert_ptr_nonnull(c);
    rfy_case_set_month(c, RFY_MONTH(year, month));
    rfy_case_set_category(c, cat);
    return c;
}

/* One amount of the case (øre, or hundredths for days and hours). */
static void set_amount(rfy_case *c, rfy_case_amount_id which, unsigned long v)
{
    mpz_t z;
    mpz_init_set_ui(z, v);
    rfy_case_set_amount(c, which, z);
    mpz_clear(z);
}

/* A prior ydelse of `amount` øre a week until `until`. */
static void set_prior_week(rfy_case *c, rfy_prior p, unsigned long amount, rfy_date until)
{
    mpz_t z;
    mpz_init_set_ui(z, amount);
    rfy_case_set_prior(c, p, z, RFY_PER_WEEK);
    rfy_case_set_prior_until(c, &until);
    mpz_clear(z);
}

static const json_t *deduction(const json_t *root, size_t i)
{
    return json_array_get(json_object_get(root, "deductions"), i);
}

/* rules.md §6 / B1: forsørger, wage 20.000, 2024: 16.382 − 0,55 × 3.677 = 14.359,65 */
START_TEST(wage_55)
{
    rfy_case *c;
    json_t *root;
    c = base_case(2024, 5, RFY_CAT_FORSORGER);
    set_amount(c, RFY_CASE_WAGE, 2000000);
    root = explain_roundtrip(c, "K-1");
    check_invariants(root);
    check_no_money_numbers(root, NULL);
    assert_str(root, "gross", "16382.00");
    /* 0.55 × (20000.00 − 16323.00) = 0.55 × 3677.00 = 2022.35 */
    assert_str(deduction(root, 0), "amount", "2022.35");
    assert_str(deduction(root, 0), "legal_ref", "§ 68 a stk. 2");
    assert_str(deduction(root, 0), "threshold", "16323.00");
    assert_str(deduction(root, 0), "rule", "55");
    assert_str(root, "total_deduction", "2022.35");
    assert_str(root, "payment", "14359.65");
    assert_str(json_object_get(root, "input"), "case_id", "K-1");
    assert_str(json_object_get(root, "level"), "ref", "§ 68 stk. 2 nr. 1");
    assert_str(root, "provenance", "published");
    assert_str(root, "rates_id", rfy_rates_id(rates));
    /* rates used: the forsørger level and the wage threshold, in key order */
    ck_assert_uint_eq(json_array_size(json_object_get(root, "rates")), 2);
    assert_str(json_array_get(json_object_get(root, "rates"), 1), "key", "wage_threshold_month");
    assert_str(json_array_get(json_object_get(root, "rates"), 1), "effective_from", "2024-01-01");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/* B2: jobafklaring 30/55: 0,30 × 16.323 + 0,55 × 3.677 = 4.896,90 + 2.022,35 = 6.919,25 */
START_TEST(wage_30_55)
{
    rfy_case *c;
    json_t *root;
    c = base_case(2024, 5, RFY_CAT_FORSORGER);
    rfy_case_set_forloeb(c, RFY_FORLOEB_JOBAFKLARING);
    set_amount(c, RFY_CASE_WAGE, 2000000);
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    ck_assert(json_is_null(json_object_get(json_object_get(root, "input"), "case_id")));
    assert_str(deduction(root, 0), "rule", "30/55");
    assert_str(deduction(root, 0), "part_30", "4896.90");
    assert_str(deduction(root, 0), "part_55", "2022.35");
    assert_str(deduction(root, 0), "amount", "6919.25");
    assert_str(deduction(root, 0), "legal_ref", "§ 69 j stk. 9");
    /* the percentages of § 69 j stk. 9, from the engine; jobafklaring keeps
     * 30/55 after 2021, so no last month */
    ck_assert_int_eq(json_integer_value(json_object_get(deduction(root, 0), "low_pct")), 30);
    ck_assert_int_eq(json_integer_value(json_object_get(deduction(root, 0), "high_pct")), 55);
    ck_assert(json_is_null(json_object_get(deduction(root, 0), "rule_last_month")));
    assert_str(root, "payment", "9462.75");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/* Ressourceforløb: 30/55 applies to wage up to and including December 2021,
 * 55 % above the threshold from January 2022 (rules.md §4).  The JSON names
 * the rule and, under 30/55, its last month: "30/55" and "2021-12" in
 * December 2021; "55" and null in January 2022. */
START_TEST(wage_rule_last_month)
{
    rfy_case *c;
    json_t *root;
    c = base_case(2021, 12, RFY_CAT_FORSORGER);
    set_amount(c, RFY_CASE_WAGE, 2000000);
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    assert_str(deduction(root, 0), "rule", "30/55");
    assert_str(deduction(root, 0), "rule_last_month", "2021-12");
    json_decref(root);
    rfy_case_free(c);
    c = base_case(2022, 1, RFY_CAT_FORSORGER);
    set_amount(c, RFY_CASE_WAGE, 2000000);
    root = explain_roundtrip(c, NULL);
    assert_str(deduction(root, 0), "rule", "55");
    ck_assert(json_is_null(json_object_get(deduction(root, 0), "rule_last_month")));
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/*
 * Split month: sygedagpenge 4.695/uge (× 52/12 = 20.345,00) to 14 May, then
 * 16.382: 20.345 × 14/31 = 9.188,0645… and 16.382 × 17/31 = 8.983,6774…;
 * exact sum 56.332.400/31 øre = 18.171,7419… → gross 18.171,74.
 */
START_TEST(split_sygedagpenge)
{
    rfy_case *c;
    json_t *root;
    const json_t *segs;
    c = base_case(2024, 5, RFY_CAT_FORSORGER);
    set_prior_week(c, RFY_PRIOR_SYGEDAGPENGE, 469500, (rfy_date){2024, 5, 14});
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    segs = json_object_get(root, "segments");
    ck_assert_uint_eq(json_array_size(segs), 2);
    assert_str(json_array_get(segs, 0), "first_day", "2024-05-01");
    assert_str(json_array_get(segs, 0), "last_day", "2024-05-14");
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(segs, 0), "days")), 14);
    assert_str(json_array_get(segs, 0), "level", "20345.00");
    assert_str(json_array_get(segs, 0), "basis", "sygedagpenge");
    assert_str(json_array_get(segs, 0), "amount_exact", "28483000/31"); /* 2034500 × 14/31 */
    assert_str(json_array_get(segs, 1), "first_day", "2024-05-15");
    assert_str(json_array_get(segs, 1), "amount_exact", "27849400/31"); /* 1638200 × 17/31 */
    assert_str(json_array_get(segs, 1), "basis", "stk2");
    assert_str(root, "gross_exact", "56332400/31");
    assert_str(root, "gross", "18171.74");
    assert_str(json_object_get(json_object_get(root, "level"), "prior"), "monthly", "20345.00");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/*
 * A split month whose rounded segment amounts do not add up to the gross:
 * sygedagpenge 4.000/uge × 52/12 = 5.200.000/3 øre to 14 May:
 *   5.200.000/3 × 14/31 = 72.800.000/93 = 782.795,698… øre → 7.827,96
 *   1.638.200 × 17/31   = 27.849.400/31 = 898.367,741… øre → 8.983,68
 * rounded separately 16.811,64, but the gross is the exact sum
 * 156.348.200/93 = 1.681.163,440… øre rounded once: 16.811,63.
 */
START_TEST(split_rounds_once)
{
    rfy_case *c;
    json_t *root;
    const json_t *segs;
    c = base_case(2024, 5, RFY_CAT_FORSORGER);
    set_prior_week(c, RFY_PRIOR_SYGEDAGPENGE, 400000, (rfy_date){2024, 5, 14});
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    segs = json_object_get(root, "segments");
    ck_assert_uint_eq(json_array_size(segs), 2);
    assert_str(json_array_get(segs, 0), "level_exact", "5200000/3");
    assert_str(json_array_get(segs, 0), "amount", "7827.96");
    assert_str(json_array_get(segs, 0), "amount_exact", "72800000/93");
    assert_str(json_array_get(segs, 1), "amount", "8983.68");
    assert_str(root, "gross_exact", "156348200/93");
    assert_str(root, "gross", "16811.63");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/*
 * All four deductions, ikke-forsørger April 2024 from the 10th (21/30):
 *   gross 12.326 × 21/30 = 8.628,20
 *   wage 12.000 ≤ 16.323: 0,00
 *   holiday 5.000 for 10 feriedage: W(17.000) − W(12.000) = 0,55 × 677 − 0 = 372,35;
 *     cap 12.326 × 14/30 = 5.752,133… (1.725.640/3 øre) does not bind
 *   tilbud 4.000 − min(200, 160) × 17,86 = 4.000 − 2.857,60 = 1.142,40 (B6)
 *   other 500,00
 *   total 2.014,75; payment 8.628,20 − 2.014,75 = 6.613,45
 */
START_TEST(all_four)
{
    rfy_case *c;
    json_t *root;
    c = base_case(2024, 4, RFY_CAT_IKKE_FORSORGER);
    rfy_case_set_days(c, 10, 0);
    set_amount(c, RFY_CASE_WAGE, 1200000);
    set_amount(c, RFY_CASE_HOLIDAY_PAY, 500000);
    set_amount(c, RFY_CASE_HOLIDAY_DAYS, 1000);
    set_amount(c, RFY_CASE_ACTIVATION_INCOME, 400000);
    set_amount(c, RFY_CASE_ACTIVATION_HOURS, 20000);
    set_amount(c, RFY_CASE_OTHER_INCOME, 50000);
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    check_no_money_numbers(root, NULL);
    assert_str(root, "gross", "8628.20");
    assert_str(deduction(root, 0), "amount", "0.00");
    assert_str(deduction(root, 1), "amount", "372.35");
    assert_str(deduction(root, 1), "calendar_days", "14.00");
    assert_str(deduction(root, 1), "cap_exact", "1725640/3");
    ck_assert(json_is_false(json_object_get(deduction(root, 1), "capped")));
    assert_str(deduction(root, 2), "amount", "1142.40");
    assert_str(deduction(root, 2), "hours_counted", "160.00");
    assert_str(deduction(root, 2), "disregard", "2857.60");
    assert_str(deduction(root, 3), "amount", "500.00");
    assert_str(root, "total_deduction", "2014.75");
    assert_str(root, "payment", "6613.45");
    assert_str(json_object_get(root, "input"), "start", "2024-04-10");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/*
 * Holiday cap binds: u25 hjemme 3.834, wage 16.323 (= T, W = 0), holiday pay
 * 10.000 for 5 feriedage: uncapped 0,55 × 10.000 = 5.500; cap 3.834 × 7/31 =
 * 2.683.800/31 øre = 865,7419… → 865,74; payment 3.834 − 865,74 = 2.968,26.
 */
START_TEST(holiday_capped)
{
    rfy_case *c;
    json_t *root;
    c = base_case(2024, 5, RFY_CAT_U25_HJEMME);
    set_amount(c, RFY_CASE_WAGE, 1632300);
    set_amount(c, RFY_CASE_HOLIDAY_PAY, 1000000);
    set_amount(c, RFY_CASE_HOLIDAY_DAYS, 500);
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    assert_str(deduction(root, 1), "uncapped", "5500.00");
    assert_str(deduction(root, 1), "cap_exact", "2683800/31");
    assert_str(deduction(root, 1), "amount_exact", "2683800/31");
    ck_assert(json_is_true(json_object_get(deduction(root, 1), "capped")));
    assert_str(deduction(root, 1), "amount", "865.74");
    assert_str(root, "payment", "2968.26");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/* B9: u25 hjemme 3.834, other income 5.000: payment floored at 0,00. */
START_TEST(payment_zero)
{
    rfy_case *c;
    json_t *root;
    c = base_case(2024, 5, RFY_CAT_U25_HJEMME);
    set_amount(c, RFY_CASE_OTHER_INCOME, 500000);
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    assert_str(root, "total_deduction", "5000.00");
    assert_str(root, "payment", "0.00");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/* B12: nr. 4, 9 children: 3.834 + 9 × 1.548 = 17.766 > 16.382: capped. */
START_TEST(bidrag_capped)
{
    rfy_case *c;
    json_t *root;
    const json_t *nr4;
    c = base_case(2024, 3, RFY_CAT_U25_HJEMME_BIDRAG);
    rfy_case_set_children(c, 9);
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    nr4 = json_object_get(json_object_get(root, "level"), "nr4");
    assert_str(nr4, "u25_level", "3834.00");
    assert_str(nr4, "normalbidrag", "1548.00");
    assert_str(nr4, "tillaeg", "13932.00");
    assert_str(nr4, "cap", "16382.00");
    ck_assert(json_is_true(json_object_get(nr4, "capped")));
    assert_str(root, "gross", "16382.00");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/* 2025 levels are derived from the chain: the result says so. */
START_TEST(derived_provenance)
{
    rfy_case *c;
    json_t *root;
    const json_t *r;
    c = base_case(2025, 3, RFY_CAT_FORSORGER);
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    assert_str(root, "provenance", "derived");
    r = json_array_get(json_object_get(root, "rates"), 0);
    assert_str(r, "key", "rfy_forsorger");
    assert_str(r, "amount", "16972.00");
    assert_str(r, "provenance", "derived");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/* rules.md §9: ikke-forsørger March 2022, 2 days of periodesanktion and a
 * punktsanktion of 500,00: 2 × 541 + 500 = 1.582,00; 11.716 − 1.582 = 10.134,00.
 * The amount a day 541 = round(11.716 × 12 / 260) = round(540,738…); in øre
 * 1171600 × 12 / 260 = 14059200/260 = 702960/13 (÷ 20) = 54073,846… øre. */
START_TEST(sanction_line)
{
    rfy_case *c;
    json_t *root;
    const json_t *s;
    c = base_case(2022, 3, RFY_CAT_IKKE_FORSORGER);
    rfy_case_set_sanction_days(c, 2);
    set_amount(c, RFY_CASE_SANCTION_AMOUNT, 50000);
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    check_no_money_numbers(root, NULL);
    s = deduction(root, 4);
    assert_str(s, "kind", "sanction");
    assert_str(s, "amount", "1582.00");
    assert_str(s, "legal_ref", "§ 69 b stk. 2");
    ck_assert_int_eq(json_integer_value(json_object_get(s, "days")), 2);
    assert_str(s, "day_amount", "541.00");
    assert_str(s, "day_source", "rate_table");
    assert_str(s, "day_level", "11716.00");
    assert_str(s, "day_exact", "702960/13");
    assert_str(s, "period_amount", "1082.00");
    assert_str(s, "point_amount", "500.00");
    assert_str(s, "point_legal_ref", "§ 69 d");
    assert_str(root, "payment", "10134.00");
    assert_str(json_object_get(root, "input"), "sanction_amount", "500.00");
    /* the 2022 daily amount is the ministry's published figure */
    assert_str(json_array_get(json_object_get(root, "rates"), 1), "key",
               "sanction_day_ikke_forsorger");
    assert_str(json_array_get(json_object_get(root, "rates"), 1), "provenance", "published");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

/* Jobafklaring: § 69 n and § 69 o.  nr. 4 with one child, May 2024:
 * 3.834 + 1.548 = 5.382 (below the cap 16.382); a day 5.382 × 12 / 260 =
 * 248,4 → 248; 2 days = 496,00. */
START_TEST(sanction_jobafklaring_nr4)
{
    rfy_case *c;
    json_t *root;
    const json_t *s;
    c = base_case(2024, 5, RFY_CAT_U25_HJEMME_BIDRAG);
    rfy_case_set_forloeb(c, RFY_FORLOEB_JOBAFKLARING);
    rfy_case_set_children(c, 1);
    rfy_case_set_sanction_days(c, 2);
    root = explain_roundtrip(c, NULL);
    check_invariants(root);
    s = deduction(root, 4);
    assert_str(s, "legal_ref", "§ 69 n");
    assert_str(s, "point_legal_ref", "§ 69 o");
    assert_str(s, "day_amount", "248.00");
    assert_str(s, "day_source", "own_nr4_level");
    assert_str(s, "amount", "496.00");
    /* 5.382 − 496 = 4.886,00 */
    assert_str(root, "payment", "4886.00");
    json_decref(root);
    rfy_case_free(c);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("explain_json");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, wage_55);
    tcase_add_test(tc, wage_30_55);
    tcase_add_test(tc, wage_rule_last_month);
    tcase_add_test(tc, split_sygedagpenge);
    tcase_add_test(tc, split_rounds_once);
    tcase_add_test(tc, all_four);
    tcase_add_test(tc, holiday_capped);
    tcase_add_test(tc, payment_zero);
    tcase_add_test(tc, bidrag_capped);
    tcase_add_test(tc, derived_provenance);
    tcase_add_test(tc, sanction_line);
    tcase_add_test(tc, sanction_jobafklaring_nr4);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
