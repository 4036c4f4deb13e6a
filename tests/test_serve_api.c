/*
 * serve_api_answer() without a socket: routing, the request decoder's
 * strictness, the statuses, and the amounts (hand-computed from the 2024
 * rates).  tests/web/api_test.py drives the same code over HTTP.
 */
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <jansson.h>

#include "check_run.h"
#include <rfy/rfy.h>
#include "serve_api.h"

static rfy_rates *rates;

static void setup(void)
{
    char *msg = NULL;
    ck_assert_int_eq(rfy_rates_load_builtin(&rates, &msg), RFY_OK);
}

static void teardown(void)
{
    rfy_rates_free(rates);
}

/* POST body to path; returns the status and the parsed answer in *out. */
static int call(json_t **out, const char *method, const char *path, const char *body)
{
    serve_answer a;
    json_error_t e;
    int status;
    ck_assert_int_eq(serve_api_answer(&a, rates, method, path, body, body ? strlen(body) : 0), RFY_OK);
    status = a.status;
    *out = a.is_api ? json_loadb(a.body, a.len, 0, &e) : NULL;
    if (a.is_api)
        ck_assert_msg(*out != NULL, "API answer is JSON: %.*s", (int)a.len, a.body);
    serve_answer_clear(&a);
    return status;
}

/* The code of the first error object. */
static const char *first_code(json_t *root)
{
    json_t *e = json_array_get(json_object_get(root, "errors"), 0);
    return json_string_value(json_object_get(e, "code"));
}

/* Its English words (the same catalogue). */
static const char *first_reason_en(json_t *root)
{
    json_t *e = json_array_get(json_object_get(root, "errors"), 0);
    return json_string_value(json_object_get(e, "reason_en"));
}

static const char *first_reason(json_t *root, const char **column, long *row)
{
    json_t *e = json_array_get(json_object_get(root, "errors"), 0);
    json_t *c = json_object_get(e, "column"), *r = json_object_get(e, "row");
    *column = json_is_string(c) ? json_string_value(c) : NULL;
    *row = json_is_integer(r) ? (long)json_integer_value(r) : -1;
    return json_string_value(json_object_get(e, "reason"));
}

START_TEST(one_month_with_wage)
{
    json_t *root;
    /* 16.382,00 − 55 % × (20.000,00 − 16.323,00) = 16.382,00 − 2.022,35 = 14.359,65 */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\","
                          "\"wage\":20000}]}"), 200);
    json_t *r = json_array_get(json_object_get(root, "results"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(r, "payment")), "14359.65");
    ck_assert_str_eq(json_string_value(json_object_get(r, "total_deduction")), "2022.35");
    ck_assert(json_is_null(json_object_get(json_object_get(r, "input"), "case_id")));
    ck_assert_str_eq(json_string_value(json_object_get(root, "rates_id")), rfy_rates_id(rates));
    json_decref(root);
}
END_TEST

/* "amount_format": "da": the page's fields as a caseworker types them.  Wage 20.000,00 as
 * "20.000,00" pays what 20000 pays (14.359,65, above); "20.650" is 20.650 kr. as 20650 is:
 * 16.382,00 − 55 % × (20.650,00 − 16.323,00) = 16.382,00 − 2.379,85 = 14.002,15;
 * "4,650,00" is refused with its own code; an unknown format is refused. */
START_TEST(danish_amounts)
{
    static const char *const SAME[][2] = {{"20.000,00", "14359.65"}, {"20000,5", "14359.37"},
                                          {"20.650", "14002.15"}, {"20650", "14002.15"}};
    json_t *root;
    char body[256];
    const char *column;
    long row;
    /* 20000,5: 55 % × (20.000,50 − 16.323,00) = 55 % × 3.677,50 = 2.022,625 → 2.022,63; 16.382 − 2.022,63 */
    for (size_t i = 0; i < sizeof SAME / sizeof SAME[0]; i++) {
        snprintf(body, sizeof body, "{\"amount_format\":\"da\",\"rows\":[{\"month\":\"2024-05\","
                 "\"category\":\"forsorger\",\"wage\":\"%s\"}]}", SAME[i][0]);
        ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate", body), 200);
        ck_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(root, "results"), 0),
                                                           "payment")), SAME[i][1]);
        json_decref(root);
    }
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"amount_format\":\"da\",\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\","
                          "\"wage\":\"4,650,00\"}]}"), 422);
    ck_assert_str_eq(first_code(root), "number_two_commas");
    ck_assert_ptr_nonnull(strstr(first_reason(root, &column, &row), "to kommaer"));
    ck_assert_str_eq(column, "wage");
    json_decref(root);
    /* without the flag, a batch file's rule: "4.650" is 4,65 kr. (dot decimals) */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\",\"wage\":\"4.650\"}]}"),
                     422);
    ck_assert_str_eq(first_code(root), "number_decimals");
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"amount_format\":\"en\",\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\"}]}"),
                     400);
    ck_assert_str_eq(first_code(root), "json_amount_format");
    json_decref(root);
}
END_TEST

/* rules.md §9 through the API: forsørger May 2024, 3 days of periodesanktion
 * (3 × 756 = 2.268,00) and a punktsanktion of 500: 16.382 − 2.768 = 13.614,00;
 * a fraction of a day is refused naming sanction_days. */
START_TEST(sanctions)
{
    json_t *root, *r, *d;
    const char *col, *why;
    long row;
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\","
                          "\"sanction_days\":3,\"sanction_amount\":\"500.00\"}]}"), 200);
    r = json_array_get(json_object_get(root, "results"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(r, "total_deduction")), "2768.00");
    ck_assert_str_eq(json_string_value(json_object_get(r, "payment")), "13614.00");
    d = json_array_get(json_object_get(r, "deductions"), 4);
    ck_assert_str_eq(json_string_value(json_object_get(d, "kind")), "sanction");
    ck_assert_str_eq(json_string_value(json_object_get(d, "day_amount")), "756.00");
    ck_assert_str_eq(json_string_value(json_object_get(d, "period_amount")), "2268.00");
    ck_assert_str_eq(json_string_value(json_object_get(d, "legal_ref")), "§ 69 b stk. 2");
    ck_assert_str_eq(json_string_value(json_object_get(d, "point_legal_ref")), "§ 69 d");
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\","
                          "\"sanction_days\":\"1.5\"}]}"), 422);
    why = first_reason(root, &col, &row);
    ck_assert_str_eq(col, "sanction_days");
    ck_assert_str_eq(first_code(root), "not_whole");
    ck_assert_str_eq(why, "sanction_days '1.5' er ikke et helt antal dage fra 0 til 31 (kun cifre, uden "
                          "fortegn og decimaler)");
    json_decref(root);
}
END_TEST

/* rules.md §7 through the API: July 2024, forsørger 12–31 sent before
 * ikke-forsørger 1–11 with wage 20.000 → one case-month:
 * gross (12.326 × 11 + 16.382 × 20) / 31 = 14.942,77, wage 0,55 × (20.000 −
 * 16.323) = 2.022,35, payment 12.920,42; its periods name their rows. */
START_TEST(two_periods_one_casemonth)
{
    json_t *root, *r, *p;
    const char *col, *why;
    long row;
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"case_id\":\"K\",\"month\":\"2024-07\",\"category\":"
                          "\"forsorger\",\"start\":\"2024-07-12\"},{\"case_id\":\"K\",\"month\":"
                          "\"2024-07\",\"category\":\"ikke_forsorger\",\"end\":\"2024-07-11\","
                          "\"wage\":20000}]}"), 200);
    ck_assert_uint_eq(json_array_size(json_object_get(root, "results")), 1);
    r = json_array_get(json_object_get(root, "results"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(r, "gross")), "14942.77");
    ck_assert_str_eq(json_string_value(json_object_get(r, "payment")), "12920.42");
    ck_assert_str_eq(json_string_value(json_object_get(r, "category")), "ikke_forsorger;forsorger");
    p = json_object_get(r, "periods");
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(p, 0), "row")), 1);
    ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(p, 1), "row")), 0);
    json_decref(root);
    /* 1–20 and 10–31 May: both rows refused, each naming the other */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\","
                          "\"end\":\"2024-05-20\"},{\"month\":\"2024-05\",\"category\":"
                          "\"forsorger\",\"start\":\"2024-05-10\"}]}"), 422);
    why = first_reason(root, &col, &row);
    ck_assert_int_eq(row, 0);
    ck_assert_str_eq(col, "start");
    ck_assert_str_eq(first_code(root), "overlap");
    ck_assert_str_eq(why, "dagene overlapper række 1 (samme sag og måned): en dag ville blive betalt to "
                          "gange; alle rækker i sagsmåneden afvises");
    ck_assert_uint_eq(json_array_size(json_object_get(root, "errors")), 2);
    json_decref(root);
}
END_TEST

START_TEST(period_totals)
{
    json_t *root, *t;
    /* May 2024 with sygedagpenge 4.000 kr./uge until 14 May: 14/31 × 4.000 × 52/12 + 17/31 ×
     * 16.382 = 156348200/93 øre → 16.811,63; June at the stk. 2 level 16.382,00; case_id echoed.
     * Total 16.811,63 + 16.382,00 = 33.193,63. */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":["
                          "{\"case_id\":\"A\",\"month\":\"2024-05\",\"category\":\"forsorger\","
                          "\"prior\":\"sygedagpenge\",\"prior_amount\":\"4000\",\"prior_unit\":\"week\","
                          "\"prior_until\":\"2024-05-14\"},"
                          "{\"case_id\":\"A\",\"month\":\"2024-06\",\"category\":\"forsorger\","
                          "\"prior\":\"sygedagpenge\",\"prior_amount\":\"4000\",\"prior_unit\":\"week\","
                          "\"prior_until\":\"2024-05-14\"}]}"), 200);
    json_t *res = json_object_get(root, "results");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(res, 0), "payment")), "16811.63");
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(res, 1), "payment")), "16382.00");
    ck_assert_str_eq(json_string_value(json_object_get(
                         json_object_get(json_array_get(res, 1), "input"), "case_id")), "A");
    t = json_object_get(root, "totals");
    ck_assert_str_eq(json_string_value(json_object_get(t, "payment")), "33193.63");
    ck_assert_str_eq(json_string_value(json_object_get(t, "gross")), "33193.63");
    json_decref(root);
}
END_TEST

START_TEST(strict_json)
{
    json_t *root;
    const char *col, *why;
    long row;

    /* a fraction as a JSON number: refused, naming the column */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\"},"
                          "{\"month\":\"2024-05\",\"category\":\"forsorger\",\"wage\":1e3}]}"), 422);
    why = first_reason(root, &col, &row);
    ck_assert_int_eq(row, 1);
    ck_assert_str_eq(col, "wage");
    ck_assert_str_eq(first_code(root), "json_fraction");
    ck_assert_str_eq(why, "wage er et JSON-tal med decimaler, som ikke kan bæres præcist: skriv det som "
                          "tekst, fx \"12345.67\"");
    ck_assert_ptr_null(json_object_get(root, "results"));
    json_decref(root);
    /* true is not a value */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\",\"wage\":true}]}"),
                     422);
    json_decref(root);
    /* a negative integer reaches the batch parser and gets its reason */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\",\"wage\":-5}]}"),
                     422);
    why = first_reason(root, &col, &row);
    ck_assert_str_eq(col, "wage");
    /* -500 on the page: the real reason, no sign allowed */
    ck_assert_str_eq(first_code(root), "number_sign");
    ck_assert_str_eq(why, "wage '-5' er ikke et gyldigt tal: fortegn er ikke tilladt (beløb er aldrig "
                          "negative)");
    ck_assert_str_eq(first_reason_en(root), "wage '-5' is not a valid number: a sign is not allowed "
                                            "(amounts are never negative)");
    json_decref(root);
    /* an unknown key is the column at fault, named as sent (not the key before it) */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\",\"category\":\"forsorger\",\"salary\":\"1\"}]}"),
                     422);
    why = first_reason(root, &col, &row);
    ck_assert_str_eq(col, "salary");
    ck_assert_str_eq(first_code(root), "column_unknown");
    ck_assert_str_eq(why, "ukendt kolonne 'salary' (nr. 3); kolonnenavne skrives præcist og med små "
                          "bogstaver, se docs/batch.md");
    json_decref(root);
    /* a bad month and a bad wage: both faults, each at its column, with its code */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2026-13\",\"category\":\"forsorger\",\"wage\":\"abc\"}]}"),
                     422);
    {
        json_t *errs = json_object_get(root, "errors");
        ck_assert_uint_eq(json_array_size(errs), 2);
        ck_assert_str_eq(json_string_value(json_object_get(json_array_get(errs, 0), "column")), "month");
        ck_assert_str_eq(json_string_value(json_object_get(json_array_get(errs, 0), "code")), "month_invalid");
        ck_assert_str_eq(json_string_value(json_object_get(json_array_get(errs, 1), "column")), "wage");
        ck_assert_str_eq(json_string_value(json_object_get(json_array_get(errs, 1), "code")),
                         "number_character");
        ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(errs, 1), "row")), 0);
    }
    json_decref(root);
    /* a NUL inside a string: the JSON reader refuses it (400) */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\\u0000\",\"category\":\"forsorger\"}]}"), 400);
    json_decref(root);
    /* duplicate keys, trailing garbage, not an object: 400 */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"month\":\"2024-05\",\"month\":\"2024-06\"}]}"), 400);
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate", "{\"rows\":[]} x"), 400);
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate", "[1]"), 400);
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate", "{\"rows\":[1]}"), 422);
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate", ""), 400);
    json_decref(root);
}
END_TEST

/* Reasons are JSON strings, so they must be UTF-8 whatever the request held.
 * Found by fuzz_serve: a 500 instead of a 400/422. */
START_TEST(reasons_stay_utf8)
{
    json_t *root;
    const char *col, *why;
    long row;
    char body[600];

    /* A broken \u escape followed by bytes that are not UTF-8: jansson's
     * message quotes them; the answer is still a 400 with a reason. */
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate",
                          "{\"rows\":[{\"2a0_\\u161\xc2\x8d\x96\xdd<\"4\"}]}"), 400);
    why = first_reason(root, &col, &row);
    ck_assert_str_eq(first_code(root), "json_malformed");
    ck_assert_ptr_nonnull(strstr(why, "ugyldig JSON i linje 1"));
    json_decref(root);

    /* Row 0's category is x and 40 four-byte characters: its fault keeps
     * "x" and 16 of them (65 of at most 68 bytes), then "...".  Row 1, same
     * case and month, is refused naming row 0 and its fault's code. */
    strcpy(body, "{\"rows\":[{\"month\":\"2024-05\",\"category\":\"x");
    for (int i = 0; i < 40; i++)
        strcat(body, "\xf0\x9f\x98\x80");
    strcat(body, "\",\"end\":\"2024-05-10\"},{\"month\":\"2024-05\",\"category\":\"forsorger\","
                 "\"start\":\"2024-05-11\"}]}");
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate", body), 422);
    ck_assert_uint_eq(json_array_size(json_object_get(root, "errors")), 2);
    why = json_string_value(
        json_object_get(json_array_get(json_object_get(root, "errors"), 1), "reason"));
    ck_assert_ptr_nonnull(why);
    ck_assert_str_eq(why, "ikke beregnet: række 0 i samme sag og måned blev afvist (category: "
                          "category_unknown)");
    why = json_string_value(
        json_object_get(json_array_get(json_object_get(root, "errors"), 0), "reason"));
    ck_assert_ptr_nonnull(strstr(why, "\xf0\x9f\x98\x80...' kendes ikke"));
    json_decref(root);
}
END_TEST

/* GET /api/v1/catalogue: the engine's Danish names for its codes, which the page uses
 * instead of lists of its own. */
START_TEST(catalogue_names)
{
    json_t *root;
    ck_assert_int_eq(call(&root, "GET", "/api/v1/catalogue", NULL), 200);
    ck_assert_str_eq(json_string_value(json_object_get(root, "lang")), "da");
    ck_assert_str_eq(json_string_value(json_array_get(json_object_get(root, "months"), 4)), "maj");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "categories"), "ikke_forsorger")),
                     "ikke-forsørger");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "forloeb"), "jobafklaring")),
                     "jobafklaringsforløb (§ 69 j)");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "rates"), "wage_threshold_month")),
                     "Lønindtægtsgrænse");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "units"), "kr/week")), "kr./uge");
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "provenance"), "derived")),
                     "afledt af reguleringskæden, ikke offentliggjort");
    /* derived_rate, sdp_above_derived_max, holiday_excess, holiday_state_unknown, sdp_max_unknown,
     * ledighedsydelse_above_derived_max */
    ck_assert_uint_eq(json_object_size(json_object_get(root, "warnings")), 6);
    ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(json_object_get(root, "warnings"),
                                                                   "ledighedsydelse_above_derived_max")),
                                 "højeste dagpengebeløb"));
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST", "/api/v1/catalogue", "{}"), 405);
    ck_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(root, "errors"), 0), "code")),
                     "http_method");
    json_decref(root);
}
END_TEST

START_TEST(limits)
{
    serve_answer a;
    size_t n = 1001, i, o = 0;
    const char row[] = "{\"month\":\"2024-05\",\"category\":\"forsorger\"},";
    char *body = malloc(n * sizeof row + 32);
    json_t *root;

    ck_assert_ptr_nonnull(body);
    o += (size_t)sprintf(body, "{\"rows\":[");
    for (i = 0; i < n; i++)
        o += (size_t)sprintf(body + o, "%s", row);
    body[o - 1] = ']';
    body[o++] = '}';
    body[o] = '\0';
    ck_assert_int_eq(call(&root, "POST", "/api/v1/calculate", body), 413);
    json_decref(root);
    /* the size check comes first: no parsing of an oversized body */
    ck_assert_int_eq(serve_api_answer(&a, rates, "POST", "/api/v1/calculate", body,
                                      SERVE_MAX_BODY + 1), RFY_OK);
    ck_assert_int_eq(a.status, 413);
    serve_answer_clear(&a);
    free(body);
}
END_TEST

START_TEST(routes)
{
    json_t *root;
    serve_answer a;

    ck_assert_int_eq(call(&root, "GET", "/api/v1/calculate", NULL), 405);
    json_decref(root);
    ck_assert_int_eq(call(&root, "DELETE", "/api/v1/health", NULL), 405);
    json_decref(root);
    ck_assert_int_eq(call(&root, "GET", "/api/v2/health", NULL), 404);
    json_decref(root);
    ck_assert_int_eq(call(&root, "GET", "/api/v1/rates/24", NULL), 404);
    json_decref(root);
    ck_assert_int_eq(call(&root, "GET", "/api/v1/rates/1999", NULL), 404);
    json_decref(root);
    ck_assert_int_eq(call(&root, "GET", "/api/v1/health", NULL), 200);
    ck_assert_str_eq(json_string_value(json_object_get(root, "status")), "ok");
    ck_assert_str_eq(json_string_value(json_object_get(root, "version")), RFY_VERSION);
    json_decref(root);
    /* 2024: the forsørger level 16.382,00, published */
    ck_assert_int_eq(call(&root, "GET", "/api/v1/rates/2024", NULL), 200);
    json_t *arr = json_object_get(root, "rates");
    int found = 0;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *v = json_array_get(arr, i);
        if (strcmp(json_string_value(json_object_get(v, "key")), "rfy_forsorger") == 0) {
            ck_assert_str_eq(json_string_value(json_object_get(v, "amount")), "16382.00");
            ck_assert_str_eq(json_string_value(json_object_get(v, "provenance")), "published");
            found = 1;
        }
    }
    ck_assert(found);
    json_decref(root);

    /* the page and its files; no other path */
    ck_assert_int_eq(serve_api_answer(&a, rates, "GET", "/", NULL, 0), RFY_OK);
    ck_assert_int_eq(a.status, 200);
    ck_assert_ptr_nonnull(strstr(a.content_type, "text/html"));
    ck_assert_int_eq(a.is_api, 0);
    serve_answer_clear(&a);
    ck_assert_int_eq(serve_api_answer(&a, rates, "GET", "/app.js", NULL, 0), RFY_OK);
    ck_assert_int_eq(a.status, 200);
    serve_answer_clear(&a);
    ck_assert_int_eq(serve_api_answer(&a, rates, "GET", "/../rates/2024.csv", NULL, 0), RFY_OK);
    ck_assert_int_eq(a.status, 404);
    serve_answer_clear(&a);
    ck_assert_int_eq(serve_api_answer(&a, rates, "POST", "/", "x", 1), RFY_OK);
    ck_assert_int_eq(a.status, 405);
    serve_answer_clear(&a);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("serve_api");
    TCase *tc = tcase_create("serve_api");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, one_month_with_wage);
    tcase_add_test(tc, sanctions);
    tcase_add_test(tc, danish_amounts);
    tcase_add_test(tc, two_periods_one_casemonth);
    tcase_add_test(tc, period_totals);
    tcase_add_test(tc, strict_json);
    tcase_add_test(tc, reasons_stay_utf8);
    tcase_add_test(tc, limits);
    tcase_add_test(tc, catalogue_names);
    tcase_add_test(tc, routes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
