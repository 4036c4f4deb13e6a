/*
 * The audit's money in the engine (include/rfy/audit.h): a `paid` cell, the
 * paid sum of a case-month, difference = paid − payment against a tolerance
 * (docs/audit.md: at most the tolerance either way is a match, decisions.md
 * D44), and the run's totals.  Every expected value is worked out by hand in
 * øre in the comment next to it; the reasons are the ones `rfy audit` writes
 * to its rejects (tests/test_audit.sh checks them through the program).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/rfy.h>
#include "check_run.h"
#include "fault_check.h"
#include "money_check.h"

static rfy_audit_paid *P;
static rfy_audit_totals *T;
static rfy_error E;
static mpz_t paid, payment, tol, diff, got;

static void setup(void)
{
    P = rfy_audit_paid_new();
    T = rfy_audit_totals_new();
    ck_assert_ptr_nonnull(P);
    ck_assert_ptr_nonnull(T);
    mpz_inits(paid, payment, tol, diff, got, NULL);
    memset(&E, 0, sizeof E);
}

static void teardown(void)
{
    mpz_clears(paid, payment, tol, diff, got, NULL);
    rfy_audit_totals_free(T);
    rfy_audit_paid_free(P);
}

/* The paid sum so far (a copy, rfy_audit_paid_sum). */
static mpz_ptr paid_sum(void)
{
    rfy_audit_paid_sum(got, P);
    return got;
}

/* One of the run's sums (a copy, rfy_audit_totals_amount). */
static mpz_ptr total(rfy_audit_amount_id which)
{
    rfy_audit_totals_amount(got, T, which);
    return got;
}

/* The run's counts. */
static rfy_audit_counts counts(void)
{
    return rfy_audit_totals_counts(T);
}

/* Add one paid cell of a case-month of n rows, line `line`. */
static int add(const char *cell, unsigned long line, size_t n, const rfy_decimal_syntax *syn)
{
    return rfy_audit_paid_add(P, cell, strlen(cell), line, n, syn, &E);
}

/* A case-month paid 14.000,00 on its period row plus a correction line of
 * 359,65: 1 400 000 + 35 965 = 1 435 965 øre = 14.359,65, against a payment
 * of 14.359,65: difference 0,00, a match with no tolerance. */
START_TEST(correction_line_completes_the_payment)
{
    rfy_audit_paid_start(P);
    ck_assert_int_eq(add("14000.00", 2, 2, &RFY_AMOUNT_DOT), RFY_OK);
    ck_assert_int_eq(add("359.65", 3, 2, &RFY_AMOUNT_DOT), RFY_OK);
    ck_assert_int_eq(rfy_audit_paid_finish(P, &RFY_AMOUNT_DOT, &E), RFY_OK);
    ck_assert_uint_eq(rfy_audit_paid_given(P), 2); /* both cells gave an amount */
    ck_money(paid_sum(), "14359.65");
    amt(payment, "14359.65");
    ck_assert_int_eq(rfy_audit_compare(diff, paid_sum(), payment, tol), RFY_AUDIT_MATCH);
    ck_money(diff, "0.00");
}
END_TEST

/* paid 14.400,00 against 14.359,65: 1 440 000 − 1 435 965 = 4 035 øre =
 * 40,35 paid too much.  With tolerance 50,00 (5 000 ≥ 4 035) a match; the
 * difference is still 40,35. */
START_TEST(overpaid_beyond_and_within_tolerance)
{
    amt(paid, "14400.00");
    amt(payment, "14359.65");
    ck_assert_int_eq(rfy_audit_compare(diff, paid, payment, tol), RFY_AUDIT_OVER);
    ck_money(diff, "40.35");
    amt(tol, "50.00");
    ck_assert_int_eq(rfy_audit_compare(diff, paid, payment, tol), RFY_AUDIT_MATCH);
    ck_money(diff, "40.35");
}
END_TEST

/* The boundary (docs/audit.md "at most AMOUNT either way"): |d| = T is a
 * match, one øre more is not.  Over: 14.400,00 − 14.359,65 = 40,35 with T
 * 40,35 → match; T 40,34 → over.  Under: 14.319,30 − 14.359,65 = −40,35
 * with T 40,35 → match; T 40,34 → under. */
START_TEST(difference_equal_to_tolerance_is_a_match)
{
    amt(payment, "14359.65");
    amt(paid, "14400.00");
    amt(tol, "40.35");
    ck_assert_int_eq(rfy_audit_compare(diff, paid, payment, tol), RFY_AUDIT_MATCH);
    amt(tol, "40.34");
    ck_assert_int_eq(rfy_audit_compare(diff, paid, payment, tol), RFY_AUDIT_OVER);
    amt(paid, "14319.30");
    amt(tol, "40.35");
    ck_assert_int_eq(rfy_audit_compare(diff, paid, payment, tol), RFY_AUDIT_MATCH);
    ck_money(diff, "-40.35");
    amt(tol, "40.34");
    ck_assert_int_eq(rfy_audit_compare(diff, paid, payment, tol), RFY_AUDIT_UNDER);
    ck_money(diff, "-40.35");
}
END_TEST

/* Two rows, paid empty on one: the empty cell counts 0, the sum is the
 * other row's 12.326,00 (1 232 600 øre). */
START_TEST(empty_on_one_row_of_two_counts_zero)
{
    rfy_audit_paid_start(P);
    ck_assert_int_eq(add("", 2, 2, &RFY_AMOUNT_DOT), RFY_OK);
    ck_assert_int_eq(add("12326.00", 3, 2, &RFY_AMOUNT_DOT), RFY_OK);
    ck_assert_int_eq(rfy_audit_paid_finish(P, &RFY_AMOUNT_DOT, &E), RFY_OK);
    ck_money(paid_sum(), "12326.00");
}
END_TEST

/* Empty on every row of two: a reject naming paid and the way out (the
 * decimal comma's zero with --decimal-comma). */
START_TEST(empty_on_every_row_is_a_reject)
{
    rfy_audit_paid_start(P);
    ck_assert_int_eq(add("", 2, 2, &RFY_AMOUNT_COMMA), RFY_OK);
    ck_assert_int_eq(add("", 3, 2, &RFY_AMOUNT_COMMA), RFY_OK);
    ck_assert_int_eq(rfy_audit_paid_finish(P, &RFY_AMOUNT_COMMA, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "paid");
    ck_assert_fault(&E, "paid_empty_all", "paid er tom på alle rækker i denne sag og måned: angiv det udbetalte beløb (0 hvis "
        "intet blev udbetalt)");
}
END_TEST

/* A single row's empty paid: its own reason, without a line number. */
START_TEST(empty_on_a_single_row_is_a_reject)
{
    rfy_audit_paid_start(P);
    ck_assert_int_eq(add("", 2, 1, &RFY_AMOUNT_DOT), RFY_EINPUT);
    ck_assert_str_eq(E.column, "paid");
    ck_assert_fault(&E, "paid_empty", "paid er tom: angiv det udbetalte beløb (0 hvis intet blev udbetalt)");
}
END_TEST

/* Danish syntax with --decimal-comma: '12.345,67' = 1 234 567 øre; with a
 * decimal point the thousands separator is refused. */
START_TEST(danish_thousands_with_decimal_comma)
{
    ck_assert_int_eq(rfy_audit_paid_parse(paid, "12.345,67", 9, &RFY_AMOUNT_COMMA, &E), RFY_OK);
    ck_money(paid, "12345.67");
    ck_assert_int_eq(rfy_audit_paid_parse(paid, "12,345.67", 9, &RFY_AMOUNT_DOT, &E),
                     RFY_EINPUT);
    ck_assert_str_eq(E.column, "paid");
    ck_assert_fault(&E, "number_comma", "paid '12,345.67' er ikke et gyldigt tal: uventet ',' (ingen tusindtalsseparator; "
        "decimalkomma skal angives som inputtets syntaks)");
}
END_TEST

/* The limit is RFY_MAX_AMOUNT_ORE = 999 999 999 øre = 9.999.999,99: that is
 * accepted, one øre more is refused; in a case-month of several rows the
 * reason names the line. */
START_TEST(above_the_limit)
{
    ck_assert_int_eq(rfy_audit_paid_parse(paid, "9.999.999,99", 12, &RFY_AMOUNT_COMMA, &E),
                     RFY_OK);
    ck_money(paid, "9999999.99");
    ck_assert_int_eq(rfy_audit_paid_parse(paid, "10.000.000,00", 13, &RFY_AMOUNT_COMMA, &E),
                     RFY_EINPUT);
    ck_assert_fault(&E, "amount_too_large", "paid '10.000.000,00' er over grænsen 9.999.999,99 kr.");
    rfy_audit_paid_start(P);
    ck_assert_int_eq(add("100.00", 7, 2, &RFY_AMOUNT_DOT), RFY_OK);
    ck_assert_int_eq(add("10000000.00", 8, 2, &RFY_AMOUNT_DOT), RFY_EINPUT);
    ck_assert_str_eq(E.column, "paid");
    ck_assert_fault(&E, "amount_too_large", "linje 8: paid '10000000.00' er over grænsen 9.999.999,99 kr.");
}
END_TEST

/* A value of "x" and 40 four-byte characters: the fault keeps at most 68
 * bytes of it, cut between characters, and "...": "x" (1 byte) + 16
 * characters (64 bytes) = 65 bytes; the 17th would end at byte 69. */
START_TEST(quoted_value_cut_between_characters)
{
    char cell[1 + 40 * 4 + 1] = "x", want[200] = "paid 'x";
    for (int i = 0; i < 40; i++)
        strcat(cell, "\xf0\x9f\x98\x80");
    for (int i = 0; i < 15; i++)
        strcat(want, "\xf0\x9f\x98\x80");
    strcat(want, "\xf0\x9f\x98\x80...' er ikke et gyldigt tal: l\xC3\xA6ngere end 24 tegn");
    ck_assert_int_eq(rfy_audit_paid_parse(paid, cell, strlen(cell), &RFY_AMOUNT_DOT, &E),
                     RFY_EINPUT);
    ck_assert_fault(&E, "number_too_long", "paid 'x😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀...' er ikke et gyldigt tal: længere end 24 tegn");
}
END_TEST

/* A started sum forgets the previous case-month: 500,00 then, afresh,
 * 250,00 → 250,00. */
START_TEST(start_begins_afresh)
{
    rfy_audit_paid_start(P);
    ck_assert_int_eq(add("500.00", 2, 1, &RFY_AMOUNT_DOT), RFY_OK);
    rfy_audit_paid_start(P);
    ck_assert_int_eq(rfy_audit_paid_finish(P, &RFY_AMOUNT_DOT, &E), RFY_EINPUT);
    ck_assert_int_eq(add("250.00", 3, 1, &RFY_AMOUNT_DOT), RFY_OK);
    ck_money(paid_sum(), "250.00");
}
END_TEST

/* Five case-months against payment 14.359,65 (1 435 965 øre), tolerance 0:
 *   paid 14.400,00: +4 035 øre (over)
 *   paid 14.359,65:      0     (match)
 *   paid 14.500,00: +14 035    (over)
 *   paid 14.000,00: −35 965    (under)
 *   paid 14.359,65:      0     (match)
 * over 2, 4 035 + 14 035 = 18 070 = 180,70; under 1, −359,65; matches 2;
 * paid total 14.400,00 + 14.359,65 + 14.500,00 + 14.000,00 + 14.359,65 =
 * 71.619,30; difference total 180,70 − 359,65 = −178,95. */
START_TEST(totals_over_several_case_months)
{
    static const char *const cells[] = {"14400.00", "14359.65", "14500.00", "14000.00",
                                        "14359.65"};
    amt(payment, "14359.65");
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        amt(paid, cells[i]);
        rfy_audit_totals_add(T, paid, diff, rfy_audit_compare(diff, paid, payment, tol));
    }
    ck_assert_uint_eq(counts().over, 2);
    ck_money(total(RFY_AUDIT_OVER_SUM), "180.70");
    ck_assert_uint_eq(counts().under, 1);
    ck_money(total(RFY_AUDIT_UNDER_SUM), "-359.65");
    ck_assert_uint_eq(counts().matches, 2);
    ck_money(total(RFY_AUDIT_PAID_TOTAL), "71619.30");
    ck_money(total(RFY_AUDIT_DIFF_TOTAL), "-178.95");
    /* the same sums as exact text: −17 895 øre with a comma; 7 161 930 øre
     * needs "71619.30" + NUL = 9 bytes, so 8 is too small */
    char text[16];
    ck_assert_int_eq(rfy_audit_totals_text(text, sizeof text, T, RFY_AUDIT_DIFF_TOTAL, ','), 7);
    ck_assert_str_eq(text, "-178,95");
    ck_assert_int_eq(rfy_audit_totals_text(text, 9, T, RFY_AUDIT_PAID_TOTAL, '.'), 8);
    ck_assert_str_eq(text, "71619.30");
    ck_assert_int_eq(rfy_audit_totals_text(text, 8, T, RFY_AUDIT_PAID_TOTAL, '.'), -1);
    ck_assert_int_eq(rfy_audit_totals_text(text, sizeof text, T, (rfy_audit_amount_id)5, '.'), -1);
    ck_assert_str_eq(text, "");
    rfy_audit_totals_reset(T);
    ck_assert_uint_eq(counts().over + counts().under + counts().matches, 0);
    ck_money(total(RFY_AUDIT_PAID_TOTAL), "0.00");
    ck_money(total(RFY_AUDIT_DIFF_TOTAL), "0.00");
}
END_TEST

/* With --tolerance 0,50 a match may differ: its difference still counts in
 * the sum of differences, which is then paid total − payment total
 * (docs/audit.md), and apart in within_sum.  Payment 14.359,65 each:
 *   paid 14.360,15: +0,50 (match: equal to the tolerance)
 *   paid 14.359,34: −0,31 (match)
 *   paid 14.400,00: +40,35 (over)
 *   paid 14.359,14: −0,51 (under: one øre beyond)
 * over 40,35; under −0,51; within 0,50 − 0,31 = 0,19;
 * paid total 14.360,15 + 14.359,34 + 14.400,00 + 14.359,14 = 57.478,63;
 * payment total 4 × 14.359,65 = 57.438,60; 57.478,63 − 57.438,60 = 40,03
 * = 40,35 − 0,51 + 0,19 = diff_total (the old sum of over and under alone,
 * 39,84, was one figure the summary could not reconcile). */
START_TEST(totals_with_tolerance_add_up)
{
    static const char *const cells[] = {"14360.15", "14359.34", "14400.00", "14359.14"};
    amt(tol, "0.50");
    amt(payment, "14359.65");
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        amt(paid, cells[i]);
        rfy_audit_totals_add(T, paid, diff, rfy_audit_compare(diff, paid, payment, tol));
    }
    ck_assert_uint_eq(counts().matches, 2);
    ck_assert_uint_eq(counts().over, 1);
    ck_assert_uint_eq(counts().under, 1);
    ck_money(total(RFY_AUDIT_OVER_SUM), "40.35");
    ck_money(total(RFY_AUDIT_UNDER_SUM), "-0.51");
    ck_money(total(RFY_AUDIT_WITHIN_SUM), "0.19");
    ck_money(total(RFY_AUDIT_PAID_TOTAL), "57478.63");
    ck_money(total(RFY_AUDIT_DIFF_TOTAL), "40.03");
    rfy_audit_totals_reset(T);
    ck_money(total(RFY_AUDIT_WITHIN_SUM), "0.00");
}
END_TEST

/* --tolerance: "0,50" and "0.50" are both 50 øre; the limit 9999999.99 is
 * accepted and one øre more refused (why NULL: a number, too large); a sign
 * or a third decimal is refused with a why. */
START_TEST(tolerance_text)
{
    const char *why;
    ck_assert_int_eq(rfy_audit_tolerance_parse(tol, "0,50", 4, &why), RFY_OK);
    ck_money(tol, "0.50");
    ck_assert_int_eq(rfy_audit_tolerance_parse(tol, "0.50", 4, &why), RFY_OK);
    ck_money(tol, "0.50");
    ck_assert_int_eq(rfy_audit_tolerance_parse(tol, "9999999.99", 10, &why), RFY_OK);
    ck_assert_int_eq(rfy_audit_tolerance_parse(tol, "10000000.00", 11, &why), RFY_EINPUT);
    ck_assert_ptr_null(why);
    ck_assert_int_eq(rfy_audit_tolerance_parse(tol, "-1.00", 5, &why), RFY_EINPUT);
    ck_assert_ptr_nonnull(why);
    ck_assert_int_eq(rfy_audit_tolerance_parse(tol, "0.505", 5, &why), RFY_EINPUT);
    ck_assert_ptr_nonnull(why);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("audit_engine");
    TCase *t = tcase_create("rfy/audit.h");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, correction_line_completes_the_payment);
    tcase_add_test(t, overpaid_beyond_and_within_tolerance);
    tcase_add_test(t, difference_equal_to_tolerance_is_a_match);
    tcase_add_test(t, empty_on_one_row_of_two_counts_zero);
    tcase_add_test(t, empty_on_every_row_is_a_reject);
    tcase_add_test(t, empty_on_a_single_row_is_a_reject);
    tcase_add_test(t, danish_thousands_with_decimal_comma);
    tcase_add_test(t, above_the_limit);
    tcase_add_test(t, quoted_value_cut_between_characters);
    tcase_add_test(t, start_begins_afresh);
    tcase_add_test(t, totals_over_several_case_months);
    tcase_add_test(t, totals_with_tolerance_add_up);
    tcase_add_test(t, tolerance_text);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
