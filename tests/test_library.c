/*
 * The public librfy API as a program uses it (include/rfy/rfy.h): reading a case
 * from named fields, the engine's own refusal of a prior without its unit,
 * the handles and their accessors, the explanation trace and its text and
 * JSON, the batch loop, hints and the version.  Only <rfy/rfy.h>: no field
 * of a case, result or trace is read here.
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

/* Øre of a result's amount, through its accessor (a copy). */
static long result_ore(const rfy_result *r, rfy_result_amount_id which)
{
    mpq_t q;
    long v;
    mpq_init(q);
    rfy_result_amount(q, r, which);
    v = ore_q(q);
    mpq_clear(q);
    return v;
}

/* Øre (or hundredths) of a trace's value, through its accessor. */
static long trace_ore(const rfy_explanation *e, rfy_explanation_amount_id which)
{
    mpq_t q;
    long v;
    mpq_init(q);
    rfy_explanation_amount(q, e, which);
    v = ore_q(q);
    mpq_clear(q);
    return v;
}

/* A case read from named fields (checked like a batch row). */
static rfy_case *case_of(const rfy_field *f, size_t n)
{
    rfy_error err;
    rfy_case *c = rfy_case_new();
    ck_assert_ptr_nonnull(c);
    ck_assert_msg(rfy_case_from_fields(c, f, n, NULL, &err) == RFY_OK, "%s: %s", err.column,
                  err.reason);
    return c;
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
    rfy_case *c = rfy_case_new();
    rfy_result *r = rfy_result_new();
    rfy_error err;
    const rfy_date until = {2024, 12, 31};
    mpz_t amount;

    ck_assert_ptr_nonnull(c);
    ck_assert_ptr_nonnull(r);
    mpz_init_set_ui(amount, 450000);
    rfy_case_set_month(c, RFY_MONTH(2024, 5));
    rfy_case_set_category(c, RFY_CAT_FORSORGER);
    rfy_case_set_prior(c, RFY_PRIOR_SYGEDAGPENGE, amount, RFY_PER_UNSET);
    rfy_case_set_prior_until(c, &until);
    ck_assert_int_eq(rfy_compute(r, rates, c, &err), RFY_EINPUT);
    ck_assert_str_eq(err.column, "prior_unit");
    ck_assert_fault(&err, "prior_unit_required", "prior_unit skal udfyldes med prior sygedagpenge: brug uge eller måned");

    /* with the unit: 4.500 × 52/12 = 19.500,00 > 16.382,00, so § 68 stk. 4 is the level */
    rfy_case_set_prior(c, RFY_PRIOR_SYGEDAGPENGE, amount, RFY_PER_WEEK);
    ck_assert_int_eq(rfy_compute(r, rates, c, &err), RFY_OK);
    ck_assert_int_eq(result_ore(r, RFY_RESULT_PAYMENT), 1950000);
    ck_assert_int_eq(result_ore(r, RFY_RESULT_PRIOR_MONTHLY), 1950000);
    ck_assert_str_eq(rfy_result_level_ref(r), "§ 68 stk. 4");
    mpz_clear(amount);
    rfy_result_free(r);
    rfy_case_free(c);
}
END_TEST

START_TEST(fields_read_and_refused)
{
    const rfy_field ok[] = {{"month", "2024-05"}, {"category", "forsorger"}, {"wage", "20000,00"}};
    const rfy_field no_unit[] = {{"month", "2024-05"},       {"category", "forsorger"},
                                 {"prior", "sygedagpenge"}, {"prior_amount", "4500"},
                                 {"prior_until", "2024-12-31"}};
    const rfy_field unknown[] = {{"month", "2024-05"}, {"category", "forsorger"}, {"salary", "1"}};
    rfy_case *c = rfy_case_new();
    rfy_error err;
    mpz_t wage;

    mpz_init(wage);
    ck_assert_int_eq(rfy_case_from_fields(c, ok, 3, &RFY_AMOUNT_COMMA, &err), RFY_OK);
    ck_assert_int_eq(rfy_case_month(c), RFY_MONTH(2024, 5));
    rfy_case_amount(wage, c, RFY_CASE_WAGE);
    ck_assert_int_eq(mpz_get_si(wage), 2000000);
    mpz_clear(wage);
    ck_assert_int_eq(rfy_case_from_fields(c, no_unit, 5, NULL, &err), RFY_EINPUT);
    ck_assert_str_eq(err.column, "prior_unit");
    ck_assert_fault(&err, "prior_unit_required", "prior_unit skal udfyldes med prior sygedagpenge: brug uge eller måned");
    /* an unknown key is named as given (it is the column at fault) */
    ck_assert_int_eq(rfy_case_from_fields(c, unknown, 3, NULL, &err), RFY_EINPUT);
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
    rfy_case_free(c);
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
    rfy_case *c = case_of(f, 8);
    rfy_result *r = rfy_result_new();
    rfy_explanation *e = rfy_explanation_new();
    rfy_error err;

    ck_assert_int_eq(rfy_compute(r, rates, c, &err), RFY_OK);
    ck_assert_int_eq(rfy_explain(e, c, r), RFY_OK);
    ck_assert_str_eq(rfy_explanation_ref(e, RFY_EXPLAIN_FORLOEB_REF), "§ 69 j");
    ck_assert_str_eq(rfy_explanation_ref(e, RFY_EXPLAIN_STK2_REF), "§ 69 j stk. 2 nr. 1");
    ck_assert_str_eq(rfy_explanation_ref(e, RFY_EXPLAIN_WAGE_RULE), "30/55");
    ck_assert_int_eq(rfy_explanation_value(e, RFY_EXPLAIN_WAGE_LOW_PCT), 30);
    ck_assert_int_eq(rfy_explanation_value(e, RFY_EXPLAIN_WAGE_HIGH_PCT), 55);
    ck_assert_int_eq(rfy_explanation_value(e, RFY_EXPLAIN_WAGE_RULE_LAST_MONTH), 0);
    ck_assert_int_eq(trace_ore(e, RFY_EXPLAIN_WAGE_PART_LOW), 489690);
    ck_assert_int_eq(trace_ore(e, RFY_EXPLAIN_WAGE_PART_HIGH), 202235);
    ck_assert_int_eq(trace_ore(e, RFY_EXPLAIN_WAGE_TOTAL), 691925);
    ck_assert_int_eq(trace_ore(e, RFY_EXPLAIN_WAGE_HOLIDAY_TOTAL), 856925);
    ck_assert_int_eq(result_ore(r, RFY_RESULT_WAGE_EXACT), 691925);
    ck_assert_int_eq(rfy_explanation_value(e, RFY_EXPLAIN_HOLIDAY_DAYS_NUM), 7);
    ck_assert_int_eq(rfy_explanation_value(e, RFY_EXPLAIN_HOLIDAY_DAYS_DEN), 5);
    ck_assert_int_eq(trace_ore(e, RFY_EXPLAIN_HOLIDAY_CALENDAR_DAYS), 700);
    ck_assert_int_eq(rfy_explanation_value(e, RFY_EXPLAIN_HOURS_CAP), 16000);
    ck_assert_int_eq(trace_ore(e, RFY_EXPLAIN_HOURS_COUNTED), 16000);
    ck_assert_str_eq(rfy_explanation_rate_ref(e, RFY_RATE_WAGE_THRESHOLD), "§ 69 j stk. 9");
    ck_assert_str_eq(rfy_explanation_rate_ref(e, RFY_RATE_HOUR_DISREGARD), "§ 69 j stk. 10");
    ck_assert_str_eq(rfy_explanation_rate_ref(e, RFY_RATE_FORSORGER), "§ 69 j stk. 2 nr. 1");
    ck_assert_ptr_null(rfy_explanation_rate_ref(e, RFY_RATE_SDP_MAX_WEEK));
    ck_assert_ptr_null(rfy_explanation_ref(e, RFY_EXPLAIN_PRIOR_REF));
    rfy_explanation_free(e);
    rfy_result_free(r);
    rfy_case_free(c);
}
END_TEST

/* Ressourceforløb, June 2021: 30/55 until December 2021; sygedagpenge 3.000
 * a week = 13.000,00 a month, below the stk. 2 level: the floor applies. */
START_TEST(trace_floor_and_transition)
{
    const rfy_field f[] = {{"month", "2021-06"},       {"category", "forsorger"},
                           {"prior", "sygedagpenge"}, {"prior_amount", "3000"},
                           {"prior_unit", "week"},    {"prior_until", "2021-12-31"}};
    rfy_case *c = case_of(f, 6);
    rfy_result *r = rfy_result_new();
    rfy_explanation *e = rfy_explanation_new();
    rfy_error err;

    ck_assert_int_eq(rfy_compute(r, rates, c, &err), RFY_OK);
    ck_assert_int_eq(rfy_explain(e, c, r), RFY_OK);
    ck_assert_str_eq(rfy_explanation_ref(e, RFY_EXPLAIN_PRIOR_REF), "§ 68 stk. 4");
    ck_assert_str_eq(rfy_explanation_ref(e, RFY_EXPLAIN_FLOOR_REF), "§ 68 stk. 4, 4. pkt.");
    ck_assert_int_eq(rfy_explanation_value(e, RFY_EXPLAIN_PRIOR_ABOVE_FLOOR), 0);
    ck_assert_int_eq(rfy_explanation_value(e, RFY_EXPLAIN_WEEK_TO_MONTH_NUM), 52);
    ck_assert_int_eq(rfy_explanation_value(e, RFY_EXPLAIN_WEEK_TO_MONTH_DEN), 12);
    ck_assert_int_eq(result_ore(r, RFY_RESULT_PRIOR_MONTHLY), 1300000);
    ck_assert_int_eq(rfy_explanation_value(e, RFY_EXPLAIN_WAGE_RULE_LAST_MONTH), RFY_MONTH(2021, 12));
    ck_assert_str_eq(rfy_explanation_ref(e, RFY_EXPLAIN_FORLOEB_REF), "kapitel 6 a");
    ck_assert_str_eq(rfy_result_level_ref(r), "§ 68 stk. 4, 4. pkt.");
    rfy_explanation_free(e);
    rfy_result_free(r);
    rfy_case_free(c);
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
    ck_assert_int_eq(result_ore(row->res, RFY_RESULT_PAYMENT), 1435965);
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

/* A wrong header stops the run before any row: rfy_batch_run says so in
 * Danish, rfy_batch_run_lang(RFY_LANG_EN) in English, and a program's hints
 * replace the library's ways out in either (rfy_hints_apply). */
START_TEST(batch_header_message_languages)
{
    static const char csv[] = "case_id,month,category,wage,wage\nA,2024-05,forsorger,1,1\n";
    static const char semi[] = "case_id;month;category\n";
    rfy_batch_config cfg;
    rfy_batch_stats *st = rfy_batch_stats_new();
    rfy_hints *h = rfy_hints_new();
    seen s = {0, 0, ""};
    char *msg = NULL, hinted[512];
    FILE *in;

    ck_assert_ptr_nonnull(st);
    ck_assert_ptr_nonnull(h);
    memset(&cfg, 0, sizeof cfg);
    cfg.rates = rates;
    cfg.delimiter = ',';
    cfg.amount = &RFY_AMOUNT_DOT;
    cfg.on_row = on_row;
    cfg.on_reject = on_reject;
    cfg.user = &s;
    ck_assert_ptr_nonnull(in = fmemopen((void *)csv, sizeof csv - 1, "r"));
    ck_assert_int_eq(rfy_batch_run(st, &cfg, in, &msg), RFY_ECSV);
    ck_assert_str_eq(msg, "linje 1: kolonnen 'wage' står to gange i overskriften (kolonne 4 og 5)");
    free(msg);
    fclose(in);
    ck_assert_ptr_nonnull(in = fmemopen((void *)csv, sizeof csv - 1, "r"));
    ck_assert_int_eq(rfy_batch_run_lang(st, &cfg, in, RFY_LANG_EN, &msg), RFY_ECSV);
    ck_assert_str_eq(msg, "line 1: column 'wage' appears twice in the header (columns 4 and 5)");
    free(msg);
    fclose(in);
    ck_assert_int_eq(s.rows + s.rejects, 0);

    rfy_hints_set(h, RFY_HINT_SEMICOLON_FILE, "use ';'");
    ck_assert_ptr_nonnull(in = fmemopen((void *)semi, sizeof semi - 1, "r"));
    ck_assert_int_eq(rfy_batch_run(st, &cfg, in, &msg), RFY_ECSV);
    ck_assert_ptr_nonnull(strstr(msg, "(kolonne 1 i overskriften); en fil delt med ';'? læs den med "
                                      "';' som skilletegn; "));
    rfy_hints_apply(hinted, sizeof hinted, msg, h);
    ck_assert_ptr_nonnull(strstr(hinted, "(kolonne 1 i overskriften); use ';'; kolonnenavne"));
    free(msg);
    fclose(in);
    ck_assert_ptr_nonnull(in = fmemopen((void *)semi, sizeof semi - 1, "r"));
    ck_assert_int_eq(rfy_batch_run_lang(st, &cfg, in, RFY_LANG_EN, &msg), RFY_ECSV);
    rfy_hints_apply(hinted, sizeof hinted, msg, h);
    ck_assert_ptr_nonnull(strstr(hinted, "(column 1 of the header); use ';'; column names"));
    free(msg);
    fclose(in);
    rfy_hints_free(h);
    rfy_batch_stats_free(st);
}
END_TEST

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

/* A program's hint ends the engine's message when it gives it to the rendering
 * call; NULL restores the library's words. */
START_TEST(hints)
{
    static const char WORDS[] = "ingen satstabel dækker 2099-01 (mangler: rfy_forsorger; tabellerne "
                                "dækker 2012-2026): ";
    rfy_case *c = rfy_case_new();
    rfy_result *r = rfy_result_new();
    rfy_error err;
    char text[512], want[512];
    rfy_hints *kommune = rfy_hints_new(), *web = rfy_hints_new();

    ck_assert_ptr_nonnull(kommune);
    ck_assert_ptr_nonnull(web);
    rfy_case_set_month(c, RFY_MONTH(2099, 1));
    ck_assert_int_eq(rfy_compute(r, rates, c, &err), RFY_ENORATE);
    ck_assert_str_eq(err.column, "month");
    /* the fault itself (and err.reason) ends in the library's own way out */
    snprintf(want, sizeof want, "%s%s", WORDS, "indlæs en satstabel der dækker måneden");
    ck_assert_fault(&err, "rate_month_uncovered", want);
    /* two programs' hints at once, each given to the rendering call: no setting is shared */
    ck_assert_int_eq(rfy_hints_set(kommune, RFY_HINT_NEWER_RATES, "ask the kommune for tables"), RFY_OK);
    ck_assert_int_eq(rfy_hints_set(web, RFY_HINT_NEWER_RATES, "upload a table"), RFY_OK);
    rfy_error_text_hinted(text, sizeof text, &err, RFY_LANG_DA, kommune);
    snprintf(want, sizeof want, "%s%s", WORDS, "ask the kommune for tables");
    ck_assert_str_eq(text, want);
    rfy_fault_text_hinted(text, sizeof text, &err.fault[0], RFY_LANG_DA, web);
    snprintf(want, sizeof want, "%s%s", WORDS, "upload a table");
    ck_assert_str_eq(text, want);
    /* the same fault without hints: the library's words, as before */
    rfy_error_text(text, sizeof text, &err, RFY_LANG_DA);
    snprintf(want, sizeof want, "%s%s", WORDS, "indlæs en satstabel der dækker måneden");
    ck_assert_str_eq(text, want);
    ck_assert_str_eq(err.reason, want);
    /* a message handed out as text gets the program's words through rfy_hints_apply */
    rfy_hints_apply(text, sizeof text, err.reason, kommune);
    snprintf(want, sizeof want, "%s%s", WORDS, "ask the kommune for tables");
    ck_assert_str_eq(text, want);
    rfy_hints_apply(text, sizeof text, err.reason, NULL); /* no hints: a copy */
    ck_assert_str_eq(text, err.reason);
    /* cut short between characters: "ingen satstabel d" + NUL = 18 bytes ("æ" is two) */
    ck_assert_uint_eq(rfy_hints_apply(text, 19, err.reason, kommune), 17);
    ck_assert_str_eq(text, "ingen satstabel d");
    /* NULL restores the library's words; an unknown hint or no handle is refused */
    ck_assert_int_eq(rfy_hints_set(kommune, RFY_HINT_NEWER_RATES, NULL), RFY_OK);
    ck_assert_str_eq(rfy_hints_text(kommune, RFY_HINT_NEWER_RATES), "indlæs en satstabel der dækker måneden");
    ck_assert_str_eq(rfy_hints_text(NULL, RFY_HINT_NEWER_RATES), "indlæs en satstabel der dækker måneden");
    ck_assert_str_eq(rfy_hints_text(web, RFY_HINT_NEWER_RATES), "upload a table");
    ck_assert_int_eq(rfy_hints_set(kommune, RFY_HINT_COUNT, "x"), RFY_EINPUT);
    ck_assert_int_eq(rfy_hints_set(NULL, RFY_HINT_NEWER_RATES, "x"), RFY_EINPUT);
    ck_assert_str_eq(rfy_hints_text(kommune, RFY_HINT_COUNT), "");
    rfy_hints_free(kommune);
    rfy_hints_free(web);
    rfy_hints_free(NULL);
    rfy_result_free(r);
    rfy_case_free(c);
}
END_TEST

/*
 * The result's accessors on a split month: sygedagpenge 4.695/uge
 * (× 52/12 = 20.345,00) to 14 May 2024, then the forsørger level 16.382,00:
 *   days 1–14: 2.034.500 × 14/31 = 28.483.000/31 øre (§ 68 stk. 4)
 *   days 15–31: 1.638.200 × 17/31 = 27.849.400/31 øre (§ 68 stk. 2 nr. 1)
 *   gross 56.332.400/31 = 1.817.174,19… øre → 18.171,74 (rounded once).
 */
START_TEST(result_accessors_split_month)
{
    const rfy_field f[] = {{"month", "2024-05"},      {"category", "forsorger"},
                           {"prior", "sygedagpenge"}, {"prior_amount", "4695"},
                           {"prior_unit", "week"},    {"prior_until", "2024-05-14"}};
    rfy_case *c = case_of(f, 6);
    rfy_result *r = rfy_result_new();
    const rfy_segment *s0, *s1;
    rfy_error err;
    char text[32];
    mpq_t q;
    mpz_t z;

    mpq_init(q);
    mpz_init(z);
    ck_assert_int_eq(rfy_compute(r, rates, c, &err), RFY_OK);
    ck_assert_int_eq(rfy_result_month(r), RFY_MONTH(2024, 5));
    ck_assert_int_eq(rfy_result_days(r), 31);
    ck_assert_int_eq(rfy_result_days_in_month(r), 31);
    ck_assert_str_eq(rfy_result_level_ref(r), "§ 68 stk. 4; § 68 stk. 2 nr. 1");
    ck_assert_str_eq(rfy_result_category(r), "");
    ck_assert_uint_eq(rfy_result_segment_count(r), 2);
    ck_assert_ptr_nonnull(s0 = rfy_result_segment(r, 0));
    ck_assert_ptr_nonnull(s1 = rfy_result_segment(r, 1));
    ck_assert_ptr_null(rfy_result_segment(r, 2));
    ck_assert_int_eq(rfy_segment_first_day(s0), 1);
    ck_assert_int_eq(rfy_segment_last_day(s0), 14);
    ck_assert_int_eq(rfy_segment_days(s0), 14);
    ck_assert_int_eq(rfy_segment_basis(s0), RFY_BASIS_SYGEDAGPENGE);
    ck_assert_str_eq(rfy_segment_level_ref(s0), "§ 68 stk. 4");
    rfy_segment_level(q, s0);
    ck_assert_int_eq(ore_q(q), 2034500);
    rfy_segment_amount(q, s0);
    ck_assert_int_eq(mpq_cmp_ui(q, 28483000, 31), 0);
    ck_assert_int_eq(rfy_segment_first_day(s1), 15);
    ck_assert_int_eq(rfy_segment_basis(s1), RFY_BASIS_STK2);
    ck_assert_str_eq(rfy_segment_level_ref(s1), "§ 68 stk. 2 nr. 1");
    rfy_segment_amount(q, s1);
    ck_assert_int_eq(mpq_cmp_ui(q, 27849400, 31), 0);
    /* the printed columns as exact text and as øre; an exact detail has no text */
    ck_assert_int_eq(rfy_result_amount_text(text, sizeof text, r, RFY_RESULT_GROSS), 8);
    ck_assert_str_eq(text, "18171.74");
    ck_assert_int_eq(rfy_result_amount_text(text, sizeof text, r, RFY_RESULT_WAGE_DEDUCTION), 4);
    ck_assert_str_eq(text, "0.00");
    ck_assert_int_eq(rfy_result_amount_text(text, sizeof text, r, RFY_RESULT_PRIOR_MONTHLY), -1);
    ck_assert_int_eq(rfy_result_amount_text(text, 8, r, RFY_RESULT_GROSS), -1); /* no room */
    ck_assert_int_eq(rfy_result_amount_ore(z, r, RFY_RESULT_PAYMENT), 0);
    ck_assert_int_eq(mpz_get_si(z), 1817174);
    ck_assert_int_eq(rfy_result_amount_ore(z, r, RFY_RESULT_STK2_LEVEL), -1);
    ck_assert_int_eq(rfy_result_amount_sign(r, RFY_RESULT_PAYMENT), 1);
    ck_assert_int_eq(rfy_result_amount_sign(r, RFY_RESULT_TOTAL_DEDUCTION), 0);
    ck_assert_int_eq(result_ore(r, RFY_RESULT_STK2_LEVEL), 1638200);
    ck_assert_str_eq(rfy_result_ref(r, RFY_REF_WAGE), "§ 68 a stk. 2");
    ck_assert_int_eq(rfy_result_flag(r, RFY_RESULT_WAGE_55_ONLY), 1);
    ck_assert_uint_eq(rfy_result_warning_count(r), 0);
    ck_assert_int_eq(rfy_result_warning(r, 0), 0);
    ck_assert_int_eq(rfy_rate_value_provenance(rfy_result_rate(r, RFY_RATE_FORSORGER)), RFY_PROV_PUBLISHED);
    ck_assert_int_eq(rfy_result_holiday(r)->status, RFY_HOLIDAY_NONE);
    mpz_clear(z);
    mpq_clear(q);
    rfy_result_free(r);
    rfy_case_free(c);
}
END_TEST

/* November 2026, forsørger, wage 20.000: the 2026 level is derived
 * (round(16.972 × 1,045) = 17.736), so the one warning is derived_rate;
 * 0,55 × (20.000 − 17.672) = 1.280,40; 17.736 − 1.280,40 = 16.455,60. */
START_TEST(result_warnings_by_index)
{
    const rfy_field f[] = {{"month", "2026-11"}, {"category", "forsorger"}, {"wage", "20000"}};
    rfy_case *c = case_of(f, 3);
    rfy_result *r = rfy_result_new();
    rfy_error err;

    ck_assert_int_eq(rfy_compute(r, rates, c, &err), RFY_OK);
    ck_assert_int_eq(result_ore(r, RFY_RESULT_PAYMENT), 1645560);
    ck_assert_uint_eq(rfy_result_warnings(r), RFY_WARN_DERIVED_RATE);
    ck_assert_uint_eq(rfy_result_warning_count(r), 1);
    ck_assert_int_eq(rfy_result_warning(r, 0), RFY_WARN_DERIVED_RATE);
    ck_assert_int_eq(rfy_result_warning(r, 1), 0);
    ck_assert_int_eq(rfy_result_provenance(r), RFY_PROV_DERIVED);
    rfy_result_free(r);
    rfy_case_free(c);
}
END_TEST

/* A rate row through its accessors (the handle is opaque).  rates/2015.csv
 * line 4: forsørger 14.416 kr./md. from 5 January 2015 (published), so May
 * 2015 is governed by it; rates/2026.csv line 10: forsørger written "chain",
 * round(16.972 × 1,045) = round(17.735,74) = 17.736 kr. (derived). */
START_TEST(rate_value_accessors)
{
    const rfy_rate_value *v = rfy_rates_get(rates, RFY_RATE_FORSORGER, RFY_MONTH(2015, 5));
    char text[32];
    rfy_date d;
    mpz_t z;

    mpz_init(z);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(rfy_rate_value_key(v), RFY_RATE_FORSORGER);
    rfy_rate_value_amount(z, v);
    ck_assert_int_eq(mpz_cmp_ui(z, 1441600), 0);
    ck_assert_int_eq(rfy_rate_value_amount_text(text, sizeof text, v, ','), 8);
    ck_assert_str_eq(text, "14416,00");
    ck_assert_int_eq(rfy_rate_value_amount_text(text, 8, v, '.'), -1); /* needs 9 bytes */
    d = rfy_rate_value_from(v);
    ck_assert(d.year == 2015 && d.month == 1 && d.day == 5);
    d = rfy_rate_value_to(v);
    ck_assert(d.year == 2015 && d.month == 12 && d.day == 31);
    ck_assert_int_eq(rfy_rate_value_provenance(v), RFY_PROV_PUBLISHED);
    ck_assert_str_eq(rfy_rate_value_file(v), "2015.csv");
    ck_assert_uint_eq(rfy_rate_value_line(v), 4);
    ck_assert_int_eq(rfy_rate_value_chained(v), 0);
    ck_assert_str_eq(rfy_rate_value_legal_ref(v),
                     "LAS §§ 68 stk. 2 nr. 1 og 69 j stk. 2 nr. 1 (LBK nr. 190 af 24.02.2012 m.s.æ.)");
    ck_assert_ptr_nonnull(strstr(rfy_rate_value_source(v), "bm.dk"));

    v = rfy_rates_get(rates, RFY_RATE_FORSORGER, RFY_MONTH(2026, 11));
    ck_assert_ptr_nonnull(v);
    rfy_rate_value_amount(z, v);
    ck_assert_int_eq(mpz_cmp_ui(z, 1773600), 0);
    ck_assert_int_ne(rfy_rate_value_chained(v), 0);
    ck_assert_int_eq(rfy_rate_value_provenance(v), RFY_PROV_DERIVED);
    ck_assert_str_eq(rfy_rate_value_file(v), "2026.csv");
    ck_assert_uint_eq(rfy_rate_value_line(v), 10);
    mpz_clear(z);
}
END_TEST

/* The case's setters and getters; a NULL handle is freed without harm. */
START_TEST(case_setters_and_getters)
{
    rfy_case *c = rfy_case_new();
    rfy_date until = {2024, 5, 14}, got;
    mpz_t v;

    mpz_init_set_ui(v, 123456);
    rfy_case_set_month(c, RFY_MONTH(2024, 5));
    rfy_case_set_category(c, RFY_CAT_U25_HJEMME_BIDRAG);
    rfy_case_set_forloeb(c, RFY_FORLOEB_JOBAFKLARING);
    rfy_case_set_days(c, 3, 20);
    rfy_case_set_children(c, 2);
    rfy_case_set_amount(c, RFY_CASE_OTHER_INCOME, v);
    rfy_case_set_sanction_days(c, 4);
    rfy_case_set_holiday_ydelse_days(c, 5);
    ck_assert_int_eq(rfy_case_prior_until(c, &got), 0);
    rfy_case_set_prior(c, RFY_PRIOR_LEDIGHEDSYDELSE, v, RFY_PER_MONTH);
    rfy_case_set_prior_until(c, &until);
    ck_assert_int_eq(rfy_case_month(c), RFY_MONTH(2024, 5));
    ck_assert_int_eq(rfy_case_category(c), RFY_CAT_U25_HJEMME_BIDRAG);
    ck_assert_int_eq(rfy_case_forloeb(c), RFY_FORLOEB_JOBAFKLARING);
    ck_assert_int_eq(rfy_case_start_day(c), 3);
    ck_assert_int_eq(rfy_case_end_day(c), 20);
    ck_assert_int_eq(rfy_case_children(c), 2);
    ck_assert_int_eq(rfy_case_prior(c), RFY_PRIOR_LEDIGHEDSYDELSE);
    ck_assert_int_eq(rfy_case_prior_unit(c), RFY_PER_MONTH);
    ck_assert_int_eq(rfy_case_prior_until(c, &got), 1);
    ck_assert_int_eq(got.day, 14);
    ck_assert_int_eq(rfy_case_sanction_days(c), 4);
    ck_assert_int_eq(rfy_case_holiday_ydelse_days(c), 5);
    mpz_set_ui(v, 0);
    rfy_case_amount(v, c, RFY_CASE_OTHER_INCOME);
    ck_assert_int_eq(mpz_get_si(v), 123456);
    rfy_case_amount(v, c, RFY_CASE_WAGE);
    ck_assert_int_eq(mpz_get_si(v), 0);
    /* reset: the defaults again */
    rfy_case_reset(c);
    ck_assert_int_eq(rfy_case_forloeb(c), RFY_FORLOEB_RESSOURCE);
    ck_assert_int_eq(rfy_case_prior_unit(c), RFY_PER_UNSET);
    rfy_case_amount(v, c, RFY_CASE_OTHER_INCOME);
    ck_assert_int_eq(mpz_get_si(v), 0);
    mpz_clear(v);
    rfy_case_free(c);
    rfy_case_free(NULL);
    rfy_result_free(NULL);
    rfy_explanation_free(NULL);
}
END_TEST

/* The explanation `rfy preview` prints, from the library: May 2024,
 * forsørger, wage 20.000,00: 55 % × (20.000,00 − 16.323,00) = 2.022,35;
 * 16.382,00 − 2.022,35 = 14.359,65. */
START_TEST(explain_text_and_json)
{
    const rfy_field f[] = {{"month", "2024-05"}, {"category", "forsorger"}, {"wage", "20000"}};
    rfy_case *c = case_of(f, 3);
    rfy_result *r = rfy_result_new();
    const rfy_case *rows[] = {c};
    rfy_explain_options en = {"K-7", NULL, RFY_LANG_EN, 0, NULL};
    rfy_error err;
    char *da_text, *en_text, *json;

    ck_assert_int_eq(rfy_compute(r, rates, c, &err), RFY_OK);
    da_text = rfy_explain_text(r, rows, 1, rates, NULL);
    ck_assert_ptr_nonnull(da_text);
    ck_assert_msg(strncmp(da_text, "Forhåndsberegning af ressourceforløbsydelse\n", 45) == 0, "%s",
                  da_text);
    ck_assert_ptr_nonnull(strstr(da_text, "Måned:     maj 2024\n"));
    ck_assert_ptr_nonnull(strstr(da_text, "14.359,65"));
    ck_assert_ptr_nonnull(strstr(da_text, "2.022,35"));
    ck_assert_ptr_null(strstr(da_text, "Sag:"));
    ck_assert_ptr_nonnull(strstr(da_text, "\nDette er en forhåndsberegning, ikke en afgørelse.\n"));
    en_text = rfy_explain_text(r, rows, 1, rates, &en);
    ck_assert_ptr_nonnull(en_text);
    ck_assert_ptr_nonnull(strstr(en_text, "Case:      K-7\n"));
    ck_assert_ptr_nonnull(strstr(en_text, "Month:     May 2024\n"));
    ck_assert_ptr_nonnull(strstr(en_text, "This is an advance calculation, not a decision."));
    en.recomputation = 1;
    en.lang = RFY_LANG_DA;
    free(en_text);
    en_text = rfy_explain_text(r, rows, 1, rates, &en);
    ck_assert_ptr_nonnull(strstr(en_text, "Genberegning af ressourceforløbsydelse for en udbetalt måned"));
    json = rfy_explain_json(r, rows, 1, rates, &en);
    ck_assert_ptr_nonnull(json);
    ck_assert_ptr_nonnull(strstr(json, "\"payment\": \"14359.65\""));
    ck_assert_ptr_nonnull(strstr(json, "\"case_id\": \"K-7\""));
    ck_assert_ptr_null(rfy_explain_text(r, rows, 0, rates, NULL)); /* no rows */
    free(json);
    free(en_text);
    free(da_text);
    rfy_result_free(r);
    rfy_case_free(c);
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
    tcase_add_test(tc, batch_header_message_languages);
    tcase_add_test(tc, hints);
    tcase_add_test(tc, totals_split);
    tcase_add_test(tc, result_accessors_split_month);
    tcase_add_test(tc, result_warnings_by_index);
    tcase_add_test(tc, rate_value_accessors);
    tcase_add_test(tc, case_setters_and_getters);
    tcase_add_test(tc, explain_text_and_json);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(library_suite());
}
