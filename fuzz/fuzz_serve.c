/*
 * Fuzz target: the request decoder of `rfy serve` (cli/serve_api.c).
 *
 * The input bytes are the body of POST /api/v1/calculate, answered on the
 * built-in tables exactly as the server answers it.  Whatever the bytes: the
 * answer is 200, 400, 413 or 422 (never a crash, never 500 while memory
 * lasts); it is a JSON object; a 200 has one result per row and the totals;
 * a 422 names at least one error, each with a reason.
 */
#include <string.h>

#include <jansson.h>

#include "fuzz_targets.h"
#include <rfy/rfy.h>
#include "serve_api.h"

static const rfy_rates *serve_fuzz_rates(void)
{
    static rfy_rates *rates;
    if (!rates) {
        char *err = NULL;
        FUZZ_CHECK(rfy_rates_load_builtin(&rates, &err) == RFY_OK);
    }
    return rates;
}

/* Rows in the request when it is {"rows": [...]}; -1 otherwise. */
static long serve_fuzz_rows(const uint8_t *data, size_t size)
{
    json_error_t e;
    json_t *root = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &e);
    long n = -1;
    if (root && json_is_array(json_object_get(root, "rows")))
        n = (long)json_array_size(json_object_get(root, "rows"));
    json_decref(root);
    return n;
}

int rfy_fuzz_serve(const uint8_t *data, size_t size)
{
    serve_answer a;
    json_error_t e;
    json_t *root;

    FUZZ_CHECK(serve_api_answer(&a, serve_fuzz_rates(), "POST", "/api/v1/calculate",
                                (const char *)data, size) == RFY_OK);
    FUZZ_CHECK(a.status == 200 || a.status == 400 || a.status == 413 || a.status == 422);
    FUZZ_CHECK(a.is_api && a.body != NULL);
    root = json_loadb(a.body, a.len, 0, &e);
    FUZZ_CHECK(json_is_object(root));
    if (a.status == 200) {
        json_t *results = json_object_get(root, "results");
        FUZZ_CHECK(json_is_array(results));
        FUZZ_CHECK((long)json_array_size(results) == serve_fuzz_rows(data, size));
        FUZZ_CHECK(json_is_string(json_object_get(json_object_get(root, "totals"), "payment")));
    } else {
        json_t *errors = json_object_get(root, "errors");
        FUZZ_CHECK(json_array_size(errors) > 0);
        for (size_t i = 0; i < json_array_size(errors); i++) {
            const char *why = json_string_value(json_object_get(json_array_get(errors, i), "reason"));
            FUZZ_CHECK(why != NULL && why[0] != '\0');
        }
    }
    json_decref(root);
    serve_answer_clear(&a);

    /* The same bytes as a what-if request: an answer, never a crash or a 500;
     * every fault has a code and a reason. */
    FUZZ_CHECK(serve_api_answer(&a, serve_fuzz_rates(), "POST", "/api/v1/whatif",
                                (const char *)data, size) == RFY_OK);
    FUZZ_CHECK(a.status == 200 || a.status == 400 || a.status == 413 || a.status == 422);
    FUZZ_CHECK(a.is_api && a.body != NULL);
    root = json_loadb(a.body, a.len, 0, &e);
    FUZZ_CHECK(json_is_object(root));
    if (a.status == 200)
        FUZZ_CHECK(json_is_string(json_object_get(root, "break_even_wage")));
    else
        FUZZ_CHECK(json_array_size(json_object_get(root, "errors")) > 0);
    json_decref(root);
    serve_answer_clear(&a);
    return 0;
}

#ifdef RFY_FUZZ_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rfy_fuzz_serve(data, size);
}
#endif
