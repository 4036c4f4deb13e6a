/*
 * The public librfy API as a program uses it (include/rfy/rfy.h): reading a case
 * from named fields, the engine's own refusal of a prior without its unit,
 * the explanation trace, the batch loop, hints and the version.
 * Values are worked out by hand from the law and rates/2024.csv:
 *   forsørger level 16.382,00; lønindtægtsgrænse T = 16.323,00.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "fault_check.h"
#include <rfy/rfy.h>

static rfy_rates *rates;

static void setup(void)
{
    char *msg = NULL;
    ck_assert_int_eq(rfy_rates_load_builtin(&rates, &msg), RFY_OK);
    free(msg);
}

static void teardown(void)
{
    rfy_rates_free(rates);
    rates = NULL;
}

/* Øre of a whole-øre exact value. */
static long ore_q(const mpq_t q)
{
    ck_assert_int_eq(mpz_cmp_ui(mpq_denref(q), 1), 0);
    return mpz_get_si(mpq_numref(q));
}

START_TEST(version_is_the_headers)
{
    ck_assert_str_eq(rfy_version(), RFY_VERSION);
}
END_TEST

/* The case: sygedagpenge 4.500 and no unit.  Read as monthly it would
 * pay 16.382,00 (the floor) instead of 4.500 × 52/12 = 19.500,00. */
START_TEST(engine_refuses_prior_without_unit)
{
    rfy_case c;
    rfy_result r;
    rfy_error err;

    rfy_case_init(&c);
    rfy_result_init(&r);
    c.month = RFY_MONTH(2024, 5);
    c.category = RFY_CAT_FORSORGER;
    c.prior = RFY_PRIOR_SYGEDAGPENGE;
    mpz_set_ui(c.prior_amount, 450000);
    c.has_prior_until = 1;
    c.prior_until = (rfy_date){2024, 12, 31};
    ck_assert_int_eq(rfy_compute(&r, rates, &c, &err), RFY_EINPUT);
    ck_assert_str_eq(err.column, "prior_unit");
    ck_assert_fault(&err, "prior_unit_required", "prior_unit skal udfyldes med prior sygedagpenge: brug uge eller måned");

    /* with the unit: 4.500 × 52/12 = 19.500,00 > 16.382,00, so § 68 stk. 4 is the level */
    c.prior_unit = RFY_PER_WEEK;
    ck_assert_int_eq(rfy_compute(&r, rates, &c, &err), RFY_OK);
    ck_assert_int_eq(mpz_get_si(r.payment), 1950000);
    ck_assert_str_eq(r.level_ref, "§ 68 stk. 4");
    rfy_result_clear(&r);
    rfy_case_clear(&c);
}
END_TEST

START_TEST(fields_read_and_refused)
{
    const rfy_field ok[] = {{"month", "2024-05"}, {"category", "forsorger"}, {"wage", "20000,00"}};
    const rfy_field no_unit[] = {{"month", "2024-05"},       {"category", "forsorger"},
                                 {"prior", "sygedagpenge"}, {"prior_amount", "4500"},
                                 {"prior_until", "2024-12-31"}};
    const rfy_field unknown[] = {{"month", "2024-05"}, {"category", "forsorger"}, {"salary", "1"}};
    rfy_case c;
    rfy_error err;

    rfy_case_init(&c);
    ck_assert_int_eq(rfy_case_from_fields(&c, ok, 3, &RFY_AMOUNT_COMMA, &err), RFY_OK);
    ck_assert_int_eq(c.month, RFY_MONTH(2024, 5));
    ck_assert_int_eq(mpz_get_si(c.wage), 2000000);
    ck_assert_int_eq(rfy_case_from_fields(&c, no_unit, 5, NULL, &err), RFY_EINPUT);
    ck_assert_str_eq(err.column, "prior_unit");
    ck_assert_fault(&err, "prior_unit_required", "prior_unit skal udfyldes med prior sygedagpenge: brug uge eller måned");
    /* an unknown key is named as given (it is the column at fault) */
    ck_assert_int_eq(rfy_case_from_fields(&c, unknown, 3, NULL, &err), RFY_EINPUT);
    ck_assert_str_eq(err.column, "salary");
    ck_assert_fault(&err, "column_unknown", "ukendt kolonne 'salary' (nr. 3); kolonnenavne skrives præcist og med små bogstaver, "
        "se docs/batch.md");
    /* the same fault in English, from the same catalogue */
    {
        char en[512];
        rfy_error_text(en, sizeof en, &err, RFY_LANG_EN);
        ck_assert_str_eq(en, "unknown column 'salary' (column 3); column names are exact and lowercase, "
                             "see docs/batch.md");
    }
    /* 18 columns of the case-month, the holiday ledger's 3 (rules.md §8) and the sanctions' 2 (§9) */
    ck_assert_uint_eq(rfy_input_column_count(), 23);
    ck_assert_str_eq(rfy_input_column_name(10), "prior_unit");
    ck_assert_str_eq(rfy_input_column_name(20), "holiday_used_days");
    ck_assert_str_eq(rfy_input_column_name(21), "sanction_days");
    ck_assert_str_eq(rfy_input_column_name(22), "sanction_amount");
    ck_assert_ptr_null(rfy_input_column_name(23));
    rfy_case_clear(&c);
}
END_TEST

/* Jobafklaring, May 2024 (§ 69 j: the 30/55 rule still applies), wage
 * 20.000,00, holiday pay 3.000,00 for 5 feriedage, 200 hours in a tilbud:
 *   W(20.000) = 30 % × 16.323,00 + 55 % × 3.677,00 = 4.896,90 + 2.022,35 = 6.919,25
 *   W(23.000) = 4.896,90 + 55 % × 6.677,00 = 4.896,90 + 3.672,35 = 8.569,25
 *   5 feriedage × 7/5 = 7 calendar days; hours counted min(200, 160) = 160. */
START_TEST(trace_jobafklaring)
{
    const rfy_field f[] = {{"month", "2024-05"},          {"category", "forsorger"},
                           {"forloeb", "jobafklaring"},   {"wage", "20000"},
                           {"holiday_pay", "3000"},       {"holiday_days", "5"},
                           {"activation_income", "100"}, {"activation_hours", "200"}};
    rfy_case c;
    rfy_result r;
    rfy_explanation e;
    rfy_error err;

    rfy_case_init(&c);
    rfy_result_init(&r);
    rfy_explanation_init(&e);
    ck_assert_int_eq(rfy_case_from_fields(&c, f, 8, NULL, &err), RFY_OK);
    ck_assert_int_eq(rfy_compute(&r, rates, &c, &err), RFY_OK);
    ck_assert_int_eq(rfy_explain(&e, &c, &r), RFY_OK);
    ck_assert_str_eq(e.forloeb_ref, "§ 69 j");
    ck_assert_str_eq(e.stk2_ref, "§ 69 j stk. 2 nr. 1");
    ck_assert_str_eq(e.wage_rule, "30/55");
    ck_assert_uint_eq(e.wage_low_pct, 30);
    ck_assert_uint_eq(e.wage_high_pct, 55);
    ck_assert_int_eq(e.wage_rule_last_month, 0);
    ck_assert_int_eq(ore_q(e.wage.part_low), 489690);
    ck_assert_int_eq(ore_q(e.wage.part_high), 202235);
    ck_assert_int_eq(ore_q(e.wage.total), 691925);
    ck_assert_int_eq(ore_q(e.wage_holiday.total), 856925);
    ck_assert(mpq_equal(e.wage.total, r.wage_exact));
    ck_assert_uint_eq(e.holiday_days_num, 7);
    ck_assert_uint_eq(e.holiday_days_den, 5);
    ck_assert_int_eq(ore_q(e.holiday_calendar_days), 700);
    ck_assert_int_eq(e.hours_cap, 16000);
    ck_assert_int_eq(mpz_get_si(e.hours_counted), 16000);
    ck_assert_str_eq(e.rate_ref[RFY_RATE_WAGE_THRESHOLD], "§ 69 j stk. 9");
    ck_assert_str_eq(e.rate_ref[RFY_RATE_HOUR_DISREGARD], "§ 69 j stk. 10");
    ck_assert_str_eq(e.rate_ref[RFY_RATE_FORSORGER], "§ 69 j stk. 2 nr. 1");
    ck_assert_ptr_null(e.rate_ref[RFY_RATE_SDP_MAX_WEEK]);
    ck_assert_ptr_null(e.prior_ref);
    rfy_explanation_clear(&e);
    rfy_result_clear(&r);
    rfy_case_clear(&c);
}
END_TEST

/* Ressourceforløb, June 2021: 30/55 until December 2021; sygedagpenge 3.000
 * a week = 13.000,00 a month, below the stk. 2 level: the floor applies. */
START_TEST(trace_floor_and_transition)
{
    const rfy_field f[] = {{"month", "2021-06"},       {"category", "forsorger"},
                           {"prior", "sygedagpenge"}, {"prior_amount", "3000"},
                           {"prior_unit", "week"},    {"prior_until", "2021-12-31"}};
    rfy_case c;
    rfy_result r;
    rfy_explanation e;
    rfy_error err;

    rfy_case_init(&c);
    rfy_result_init(&r);
    rfy_explanation_init(&e);
    ck_assert_int_eq(rfy_case_from_fields(&c, f, 6, NULL, &err), RFY_OK);
    ck_assert_int_eq(rfy_compute(&r, rates, &c, &err), RFY_OK);
    ck_assert_int_eq(rfy_explain(&e, &c, &r), RFY_OK);
    ck_assert_str_eq(e.prior_ref, "§ 68 stk. 4");
    ck_assert_str_eq(e.floor_ref, "§ 68 stk. 4, 4. pkt.");
    ck_assert_int_eq(e.prior_above_floor, 0);
    ck_assert_uint_eq(e.week_to_month_num, 52);
    ck_assert_uint_eq(e.week_to_month_den, 12);
    ck_assert_int_eq(ore_q(r.prior_monthly), 1300000);
    ck_assert_int_eq(e.wage_rule_last_month, RFY_MONTH(2021, 12));
    ck_assert_str_eq(e.forloeb_ref, "kapitel 6 a");
    ck_assert_str_eq(r.level_ref, "§ 68 stk. 4, 4. pkt.");
    rfy_explanation_clear(&e);
    rfy_result_clear(&r);
    rfy_case_clear(&c);
}
END_TEST

/* The batch loop: one row computed, one refused, the totals, the input hash. */
typedef struct seen {
    int rows, rejects;
    char column[32];
} seen;

static int on_row(void *user, const rfy_batch_row *row, rfy_error *err)
{
    (void)err;
    ((seen *)user)->rows++;
    ck_assert_int_eq(mpz_get_si(row->res->payment), 1435965);
    return RFY_OK;
}

static int on_reject(void *user, const rfy_batch_reject *rej)
{
    seen *s = user;
    s->rejects++;
    snprintf(s->column, sizeof s->column, "%s", rej->column);
    ck_assert_uint_eq(rej->line, 3);
    return RFY_OK;
}

START_TEST(batch_loop)
{
    /* May 2024, forsørger, wage 20.000,00: 16.382,00 − 55 % × 3.677,00 = 14.359,65 */
    static const char csv[] = "case_id,month,category,wage,prior,prior_amount\n"
                              "A,2024-05,forsorger,20000,,\n"
                              "B,2024-05,forsorger,,ledighedsydelse,15000\n";
    rfy_batch_config cfg;
    rfy_batch_stats *st = rfy_batch_stats_new();
    const rfy_batch_counts *n;
    mpz_t sum;
    seen s = {0, 0, ""};
    char *msg = NULL;
    FILE *in = fmemopen((void *)csv, sizeof csv - 1, "r");

    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_nonnull(st);
    memset(&cfg, 0, sizeof cfg);
    cfg.rates = rates;
    cfg.delimiter = ',';
    cfg.amount = &RFY_AMOUNT_DOT;
    cfg.on_row = on_row;
    cfg.on_reject = on_reject;
    cfg.user = &s;
    cfg.hash_input = 1;
    ck_assert_int_eq(rfy_batch_run(st, &cfg, in, &msg), RFY_OK);
    n = rfy_batch_stats_counts(st);
    ck_assert_ptr_null(msg);
    ck_assert_uint_eq(n->rows, 2);
    ck_assert_uint_eq(n->computed, 1);
    ck_assert_uint_eq(n->rejected, 1);
    ck_assert_int_eq(s.rows, 1);
    ck_assert_int_eq(s.rejects, 1);
    ck_assert_str_eq(s.column, "prior_unit");
    mpz_init(sum);
    rfy_batch_stats_total(sum, st, RFY_BATCH_TOTAL_PAYMENT);
    ck_assert_int_eq(mpz_get_si(sum), 1435965);
    rfy_batch_stats_total(sum, st, RFY_BATCH_TOTAL_DEDUCTIONS);
    ck_assert_int_eq(mpz_get_si(sum), 202235);
    mpz_clear(sum);
    /* the receipt's input hash: `printf '<the csv above>' | sha256sum`, 118 bytes */
    ck_assert_uint_eq(n->input_bytes, 118);
    ck_assert_str_eq(n->input_sha256,
                     "dc6280011a8049c3c54474734f00a76db6be77d4e9c03984aa0e64e3f96abd80");
    rfy_batch_stats_free(st);
    fclose(in);
}
END_TEST

/* A program's hint ends the engine's message; NULL restores the library's words. */
/* The run's deductions split into applied and beyond the benefit (øre).
 * Two forsørger case-months of May 2024 (16.382 each; threshold 16.323):
 *   wage 20.000: 0,55 × 3.677 = 2.022,35, payment 14.359,65;
 *   wage 50.000: 0,55 × 33.677 = 18.522,35 > 16.382, payment 0.
 * gross 32.764,00, deductions 20.544,70, paid 14.359,65:
 * applied = 32.764,00 − 14.359,65 = 18.404,35; beyond = 20.544,70 − 18.404,35 = 2.140,35. */
START_TEST(totals_split)
{
    mpz_t applied, beyond, gross, deductions, paid;
    mpz_inits(applied, beyond, gross, deductions, paid, NULL);
    mpz_set_ui(gross, 3276400);
    mpz_set_ui(deductions, 2054470);
    mpz_set_ui(paid, 1435965);
    ck_assert_int_eq(rfy_batch_totals_split(applied, beyond, gross, deductions, paid), 1);
    ck_assert_int_eq(mpz_get_ui(applied), 1840435);
    ck_assert_int_eq(mpz_get_ui(beyond), 214035);
    /* sums not from the same results: paid above gross gives a negative applied part */
    mpz_set_ui(paid, 3276401);
    ck_assert_int_eq(rfy_batch_totals_split(applied, beyond, gross, deductions, paid), 0);
    mpz_clears(applied, beyond, gross, deductions, paid, NULL);
}
END_TEST

START_TEST(hints)
{
    rfy_case c;
    rfy_result r;
    rfy_error err;

    rfy_case_init(&c);
    rfy_result_init(&r);
    c.month = RFY_MONTH(2099, 1);
    ck_assert_int_eq(rfy_compute(&r, rates, &c, &err), RFY_ENORATE);
    ck_assert_str_eq(err.column, "month");
    ck_assert_fault(&err, "rate_month_uncovered", "ingen satstabel dækker 2099-01 (mangler: rfy_forsorger; tabellerne dækker 2012-2026): "
        "indlæs en satstabel der dækker måneden");
    ck_assert_int_eq(rfy_set_hint(RFY_HINT_NEWER_RATES, "ask the kommune for tables"), RFY_OK);
    ck_assert_int_eq(rfy_compute(&r, rates, &c, &err), RFY_ENORATE);
    ck_assert_fault(&err, "rate_month_uncovered", "ingen satstabel dækker 2099-01 (mangler: rfy_forsorger; tabellerne dækker 2012-2026): "
        "ask the kommune for tables");
    ck_assert_int_eq(rfy_set_hint(RFY_HINT_NEWER_RATES, NULL), RFY_OK);
    ck_assert_str_eq(rfy_hint_text(RFY_HINT_NEWER_RATES), "indlæs en satstabel der dækker måneden");
    ck_assert_int_eq(rfy_set_hint(RFY_HINT_COUNT, "x"), RFY_EINPUT);
    rfy_result_clear(&r);
    rfy_case_clear(&c);
}
END_TEST

static Suite *library_suite(void)
{
    Suite *s = suite_create("library");
    TCase *tc = tcase_create("api");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, version_is_the_headers);
    tcase_add_test(tc, engine_refuses_prior_without_unit);
    tcase_add_test(tc, fields_read_and_refused);
    tcase_add_test(tc, trace_jobafklaring);
    tcase_add_test(tc, trace_floor_and_transition);
    tcase_add_test(tc, batch_loop);
    tcase_add_test(tc, hints);
    tcase_add_test(tc, totals_split);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(library_suite());
}
