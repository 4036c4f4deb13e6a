/* POST /api/v1/whatif (serve_whatif.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h" /* cli_hints */
#include "serve_whatif.h"
#include "whatif_answer.h"

static const char *const RANGE_KEYS[] = {"wage_from",  "wage_to",  "step",      "hourly_wage",
                                         "hours_from", "hours_to", "hours_step"};
#define NRANGE (sizeof RANGE_KEYS / sizeof RANGE_KEYS[0])
#define MAX_COLUMNS 48

static int oom(serve_answer *ans)
{
    serve_answer_clear(ans);
    ans->status = 500;
    ans->content_type = "text/plain; charset=utf-8";
    return RFY_ENOMEM;
}

/* A JSON answer (steals root). */
static int answer(serve_answer *ans, int status, json_t *root)
{
    char *text = root ? json_dumps(root, JSON_COMPACT) : NULL;
    json_decref(root);
    ans->is_api = 1;
    if (!text)
        return oom(ans);
    ans->status = status;
    ans->content_type = "application/json; charset=utf-8";
    ans->body = text;
    ans->len = strlen(text);
    return RFY_OK;
}

/* The faults of err as /calculate writes them (serve_api_errors()). */
static int fault(serve_answer *ans, int status, const rfy_error *err)
{
    return answer(ans, status, serve_api_errors(err));
}

/* A value as the text of a field: a string, or a whole number's digits into
 * `digits`; NULL for null.  A number with a fraction, or anything else, is
 * refused into err. */
static const char *field_text(json_t *v, const char *name, char *digits, size_t size,
                              rfy_error *err)
{
    if (json_is_string(v)) {
        if (strlen(json_string_value(v)) != json_string_length(v)) {
            rfy_error_add(err, RFY_FAULT_JSON_NUL, name, NULL, 0, 0);
            return NULL;
        }
        return json_string_value(v);
    }
    if (json_is_integer(v)) {
        snprintf(digits, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return digits;
    }
    if (json_is_real(v))
        rfy_error_add(err, RFY_FAULT_JSON_FRACTION, name, NULL, 0, 0);
    else if (!json_is_null(v))
        rfy_error_add(err, RFY_FAULT_JSON_TYPE, name, NULL, 0, 0);
    return NULL;
}

/* The library's static name of input column `key`, or NULL. */
static const char *column_named(const char *key)
{
    for (size_t k = 0; k < rfy_input_column_count(); k++)
        if (strcmp(key, rfy_input_column_name(k)) == 0)
            return rfy_input_column_name(k);
    return NULL;
}

typedef struct request {
    rfy_field cf[MAX_COLUMNS], rf[NRANGE];
    char digits[MAX_COLUMNS + NRANGE][24];
    size_t nc, nr;
    const rfy_decimal_syntax *amount; /* RFY_AMOUNT_DOT, or RFY_AMOUNT_DA ("amount_format": "da") */
} request;

/* The case object and the range keys into fields; RFY_OK or RFY_EINPUT (err). */
static int decode(request *q, json_t *root, rfy_error *err)
{
    const char *key, *text;
    json_t *v, *c = json_object_get(root, "case");
    size_t nd = 0;

    rfy_error_reset(err);
    json_object_foreach(root, key, v) {
        size_t k;
        if (strcmp(key, "case") == 0)
            continue;
        if (strcmp(key, "amount_format") == 0) { /* as for /calculate: the page's amounts as typed */
            const char *f = json_string_value(v);
            rfy_fault bad = {.code = RFY_FAULT_JSON_AMOUNT_FORMAT, .column = ""};
            if (f && strcmp(f, "da") == 0) {
                q->amount = &RFY_AMOUNT_DA;
                continue;
            }
            if (f && strcmp(f, "dot") == 0)
                continue;
            err->column = "";
            rfy_fault_text_hinted(err->reason, sizeof err->reason, &bad, RFY_LANG_DA, cli_hints);
            return RFY_EINPUT;
        }
        for (k = 0; k < NRANGE && strcmp(key, RANGE_KEYS[k]) != 0; k++)
            ;
        if (k == NRANGE)
            return rfy_error_add(err, RFY_FAULT_WHATIF_KEY_UNKNOWN, "", key, 0, 0);
        text = field_text(v, RANGE_KEYS[k], q->digits[nd], sizeof q->digits[nd], err);
        nd++;
        if (!text && err->nfaults)
            return RFY_EINPUT;
        if (text)
            q->rf[q->nr++] = (rfy_field){RANGE_KEYS[k], text};
    }
    json_object_foreach(c, key, v) {
        const char *column = column_named(key);
        if (!column || q->nc == MAX_COLUMNS)
            return rfy_error_add(err, RFY_FAULT_WHATIF_CASE_KEY_UNKNOWN, "", key, 0, 0);
        if (strcmp(column, "wage") == 0)
            continue; /* the wage is what varies: one given with the case is not used (W6) */
        text = field_text(v, column, q->digits[nd], sizeof q->digits[nd], err);
        nd++;
        if (!text && err->nfaults)
            return RFY_EINPUT;
        if (text)
            q->cf[q->nc++] = (rfy_field){column, text};
    }
    return RFY_OK;
}

int serve_whatif(serve_answer *ans, const rfy_rates *rates, const char *body, size_t len)
{
    json_error_t jerr;
    json_t *root;
    request q;
    rfy_case *c;
    rfy_whatif_range *r = NULL;
    whatif_answer wa;
    rfy_error err;
    size_t npoints = 0;
    int rc, crc;

    root = json_loadb(body ? body : "", len, JSON_REJECT_DUPLICATES, &jerr);
    rfy_error_reset(&err);
    if (!root) {
        for (char *p = jerr.text; *p; p++) /* the quoted bytes need not be UTF-8 */
            if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7E)
                *p = '?';
        rfy_error_add(&err, RFY_FAULT_JSON_MALFORMED, "", jerr.text, jerr.line, jerr.column);
        return fault(ans, 400, &err);
    }
    if (!json_is_object(root) || !json_is_object(json_object_get(root, "case"))) {
        json_decref(root);
        rfy_error_add(&err, RFY_FAULT_WHATIF_BODY_SHAPE, "", NULL, 0, 0);
        return fault(ans, 400, &err);
    }
    memset(&q, 0, sizeof q);
    q.amount = &RFY_AMOUNT_DOT;
    if (!(c = rfy_case_new())) {
        json_decref(root);
        return oom(ans);
    }
    whatif_answer_init(&wa);
    r = rfy_whatif_range_new();
    if (!r) {
        rc = oom(ans);
    } else if (decode(&q, root, &err) != RFY_OK) {
        rc = fault(ans, 422, &err);
    } else if (rfy_whatif_range_from_fields(r, &npoints, q.rf, q.nr, q.amount, &err) != RFY_OK) {
        rc = fault(ans, npoints > RFY_WHATIF_MAX_POINTS ? 413 : 422, &err);
    } else if (rfy_case_from_fields(c, q.cf, q.nc, q.amount, &err) != RFY_OK) {
        rc = fault(ans, 422, &err);
    } else if ((crc = whatif_answer_compute(&wa, rates, c, r, &err)) != RFY_OK) {
        rc = crc == RFY_ENOMEM ? oom(ans) : fault(ans, 422, &err);
    } else {
        rc = answer(ans, 200, whatif_answer_json(&wa, rates));
    }
    whatif_answer_clear(&wa);
    rfy_whatif_range_free(r);
    rfy_case_free(c);
    json_decref(root);
    return rc;
}
