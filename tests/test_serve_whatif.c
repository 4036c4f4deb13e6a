/*
 * POST /api/v1/whatif without a socket (cli/serve_whatif.c through
 * serve_api_answer()): the route, the statuses, the decoder's strictness and
 * a hand-computed break-even.
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

static int call(json_t **out, const char *method, const char *body)
{
    serve_answer a;
    json_error_t e;
    int status;
    ck_assert_int_eq(serve_api_answer(&a, rates, method, "/api/v1/whatif", body,
                                      body ? strlen(body) : 0), RFY_OK);
    status = a.status;
    *out = json_loadb(a.body, a.len, 0, &e);
    ck_assert_msg(*out != NULL, "API answer is JSON: %.*s", (int)a.len, a.body);
    serve_answer_clear(&a);
    return status;
}

static const char *first_column(json_t *root)
{
    json_t *c = json_object_get(json_array_get(json_object_get(root, "errors"), 0), "column");
    return json_is_string(c) ? json_string_value(c) : "(null)";
}

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    ck_assert_msg(s != NULL, "%s is a string", key);
    return s;
}

START_TEST(break_even_and_rows)
{
    json_t *root, *rows, *r;
    /* Forsørger 2024-05: 16.323 + 16.381,995 / 0,55 = 46.108,445… → 46.108,45
     * (docs/whatif.md).  At 20.000: 16.382,00 − 0,55 × 3.677 = 14.359,65; from
     * 20.000 to 30.000 the ydelse falls 5.500, so 4.500 of 10.000 are kept: 9/20. */
    ck_assert_int_eq(call(&root, "POST",
                          "{\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\"},"
                          "\"wage_from\":\"0\",\"wage_to\":30000,\"step\":\"10000\"}"), 200);
    ck_assert_str_eq(str(root, "break_even_wage"), "46108.45");
    ck_assert_str_eq(str(root, "threshold"), "16323.00");
    rows = json_object_get(root, "rows");
    ck_assert_uint_eq(json_array_size(rows), 4);
    ck_assert(json_is_null(json_object_get(json_array_get(rows, 0), "kept_of_last_krone")));
    r = json_array_get(rows, 2);
    ck_assert_str_eq(str(r, "wage"), "20000.00");
    ck_assert_str_eq(str(r, "payment"), "14359.65");
    ck_assert_str_eq(str(r, "deductions"), "2022.35");
    ck_assert_str_eq(str(r, "total"), "34359.65");
    r = json_array_get(rows, 3);
    ck_assert_str_eq(str(r, "kept_of_last_krone"), "9/20");
    ck_assert_str_eq(str(r, "kept_of_last_krone_pct"), "45.00");
    ck_assert_int_eq(json_integer_value(json_object_get(
                         json_array_get(json_object_get(root, "segments"), 1), "deduction_pct")), 55);
    json_decref(root);
}
END_TEST

/* "amount_format": "da", as the page sends it: the range "0".."30.000" step "10.000" is the one
 * above (at 20.000: 14.359,65; break-even 46.108,45); other_income "1.000" is 1.000 kr.
 * deducted krone for krone (14.359,65 − 1.000,00 = 13.359,65), never 1 kr.; "4,650,00" and an
 * unknown format are refused. */
START_TEST(danish_amounts)
{
    json_t *root;
    ck_assert_int_eq(call(&root, "POST",
                          "{\"amount_format\":\"da\",\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\","
                          "\"other_income\":\"1.000\"},\"wage_from\":\"0\",\"wage_to\":\"30.000\",\"step\":\"10.000\"}"),
                     200);
    ck_assert_uint_eq(json_array_size(json_object_get(root, "rows")), 4);
    ck_assert_str_eq(str(json_array_get(json_object_get(root, "rows"), 2), "wage"), "20000.00");
    ck_assert_str_eq(str(json_array_get(json_object_get(root, "rows"), 2), "payment"), "13359.65");
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST",
                          "{\"amount_format\":\"da\",\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\"},"
                          "\"wage_from\":\"0\",\"wage_to\":\"4,650,00\",\"step\":\"1000\"}"), 422);
    ck_assert_str_eq(first_column(root), "wage_to");
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST",
                          "{\"amount_format\":\"x\",\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\"},"
                          "\"wage_from\":\"0\",\"wage_to\":\"30000\",\"step\":\"1000\"}"), 422);
    json_decref(root);
}
END_TEST

START_TEST(hours)
{
    json_t *root;
    /* 46.108,45 at 150 kr. an hour: ceil((2 × 4.610.845 − 1) × 50 / 15.000) = 30.739 → 307,39 h */
    ck_assert_int_eq(call(&root, "POST",
                          "{\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\"},"
                          "\"hourly_wage\":\"150\",\"hours_from\":\"0\",\"hours_to\":\"7.5\","
                          "\"hours_step\":\"7.5\"}"), 200);
    ck_assert_str_eq(str(root, "break_even_hours"), "307.39");
    ck_assert_str_eq(str(json_array_get(json_object_get(root, "rows"), 1), "wage"), "1125.00");
    ck_assert_str_eq(str(json_array_get(json_object_get(root, "rows"), 1), "hours"), "7.50");
    json_decref(root);
}
END_TEST

START_TEST(faults_as_calculate)
{
    json_t *root;
    ck_assert_int_eq(call(&root, "GET", NULL), 405);
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST", "{\"case\":"), 400);
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST", "[1]"), 400);
    ck_assert_str_eq(str(json_array_get(json_object_get(root, "errors"), 0), "code"), "whatif_body_shape");
    json_decref(root);
    /* 1 001 points: 413, as 1 001 rows of /calculate */
    ck_assert_int_eq(call(&root, "POST",
                          "{\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\"},"
                          "\"wage_from\":0,\"wage_to\":1000,\"step\":1}"), 413);
    json_decref(root);
    /* exactly 1 000: fine */
    ck_assert_int_eq(call(&root, "POST",
                          "{\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\"},"
                          "\"wage_from\":0,\"wage_to\":999,\"step\":1}"), 200);
    json_decref(root);
    /* a fraction as a JSON number, in the range and in the case */
    ck_assert_int_eq(call(&root, "POST",
                          "{\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\"},"
                          "\"wage_from\":0,\"wage_to\":1000,\"step\":2.5}"), 422);
    ck_assert_str_eq(first_column(root), "step");
    ck_assert_str_eq(str(json_array_get(json_object_get(root, "errors"), 0), "code"), "json_fraction");
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST",
                          "{\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\","
                          "\"other_income\":10.5},\"wage_from\":0,\"wage_to\":1000,\"step\":1000}"),
                     422);
    ck_assert_str_eq(first_column(root), "other_income");
    json_decref(root);
    /* a wage in the case is not used: the wage is what varies (break-even as without it) */
    ck_assert_int_eq(call(&root, "POST",
                          "{\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\","
                          "\"wage\":\"100\"},\"wage_from\":0,\"wage_to\":1000,\"step\":1000}"), 200);
    ck_assert_str_eq(str(root, "break_even_wage"), "46108.45");
    ck_assert_str_eq(str(json_array_get(json_object_get(root, "rows"), 0), "payment"), "16382.00");
    json_decref(root);
    /* unknown keys; a month before 2013 */
    ck_assert_int_eq(call(&root, "POST",
                          "{\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\"},"
                          "\"wage_from\":0,\"wage_to\":1000,\"step\":1000,\"x\":1}"), 422);
    {
        /* the API's fault object, as /calculate writes it: code, Danish and English */
        json_t *e = json_array_get(json_object_get(root, "errors"), 0);
        ck_assert_str_eq(str(e, "code"), "whatif_key_unknown");
        ck_assert_str_eq(str(e, "reason"), "'x' hører ikke til et interval: brug wage_from, wage_to og step, "
                                           "eller hourly_wage, hours_from, hours_to og hours_step");
        ck_assert_str_eq(str(e, "reason_en"), "'x' is not part of a range: use wage_from, wage_to and step, "
                                              "or hourly_wage, hours_from, hours_to and hours_step");
        ck_assert(json_is_null(json_object_get(e, "row")));
    }
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST",
                          "{\"case\":{\"month\":\"2012-05\",\"category\":\"forsorger\"},"
                          "\"wage_from\":0,\"wage_to\":1000,\"step\":1000}"), 422);
    ck_assert_str_eq(first_column(root), "month");
    json_decref(root);
    ck_assert_int_eq(call(&root, "POST",
                          "{\"case\":{\"month\":\"2024-05\",\"category\":\"forsorger\"},"
                          "\"wage_from\":0,\"wage_to\":1000}"), 422);
    ck_assert_str_eq(first_column(root), "step");
    json_decref(root);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("serve_whatif");
    TCase *t = tcase_create("whatif");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, break_even_and_rows);
    tcase_add_test(t, hours);
    tcase_add_test(t, danish_amounts);
    tcase_add_test(t, faults_as_calculate);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
