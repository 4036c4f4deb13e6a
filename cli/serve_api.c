/*
 * serve_api_answer(): routing, the request decoder and the JSON answers of
 * `rfy serve` (interface.md "HTTP API").  No socket here (cli/serve_http.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h" /* cli_hints */
#include "serve_api.h"
#include "serve_whatif.h"
#include "web_assets.h"

static const char JSON_TYPE[] = "application/json; charset=utf-8";

void serve_answer_clear(serve_answer *ans)
{
    free(ans->body);
    ans->body = NULL;
    ans->len = 0;
}

/* ---- Answers ----------------------------------------------------------------- */

static int answer_oom(serve_answer *ans)
{
    serve_answer_clear(ans);
    ans->status = 500;
    ans->content_type = "text/plain; charset=utf-8";
    return RFY_ENOMEM;
}

/* A JSON answer (steals root; root NULL means memory ran out). */
static int answer_json(serve_answer *ans, int status, json_t *root)
{
    char *text;
    ans->is_api = 1;
    if (!root)
        return answer_oom(ans);
    text = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    if (!text)
        return answer_oom(ans);
    ans->status = status;
    ans->content_type = JSON_TYPE;
    ans->body = text;
    ans->len = strlen(text);
    return RFY_OK;
}

/* One error object per fault: {"row", "column", "code", "reason" (Danish),
 * "reason_en"}, the words from the engine's catalogue (rfy/fault.h); row < 0
 * and column "" are written null. */
static json_t *error_object(long row, const rfy_fault *f)
{
    char da[1024], en[1024];
    rfy_fault_text_hinted(da, sizeof da, f, RFY_LANG_DA, cli_hints);
    rfy_fault_text_hinted(en, sizeof en, f, RFY_LANG_EN, cli_hints);
    return json_pack("{s:o, s:o, s:s, s:s, s:s}", "row", row >= 0 ? json_integer(row) : json_null(),
                     "column", f->column && *f->column ? json_string(f->column) : json_null(),
                     "code", rfy_fault_id(f->code), "reason", da, "reason_en", en);
}

/* Every fault of err as error objects appended to `errors`; returns 0 or -1. */
static int append_errors(json_t *errors, long row, const rfy_error *err)
{
    for (int k = 0; k < err->nfaults; k++)
        if (json_array_append_new(errors, error_object(row, &err->fault[k])) != 0)
            return -1;
    if (err->nfaults == 0) { /* not the input's fault: said as it is */
        json_t *e = json_pack("{s:o, s:o, s:o, s:s, s:s}", "row",
                              row >= 0 ? json_integer(row) : json_null(), "column", json_null(),
                              "code", json_null(), "reason", err->reason, "reason_en", err->reason);
        if (json_array_append_new(errors, e) != 0)
            return -1;
    }
    return 0;
}

/* jansson's message quotes the bytes near a syntax error as they came, and
 * they need not be UTF-8 (nor is a cut at the end of the message whole):
 * anything outside printable ASCII becomes '?', so the reason can go in the
 * JSON answer. */
static void ascii_only(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7E)
            *s = '?';
}

json_t *serve_api_errors(const rfy_error *err)
{
    json_t *errors = json_array();
    if (errors && append_errors(errors, -1, err) != 0) {
        json_decref(errors);
        errors = NULL;
    }
    return errors ? json_pack("{s:o}", "errors", errors) : NULL;
}

/* An answer with a single fault that is no row's. */
static int answer_error(serve_answer *ans, int status, rfy_fault_code code, const char *value,
                        long limit, long other)
{
    rfy_error err;
    rfy_error_reset(&err);
    rfy_error_add(&err, code, "", value, limit, other);
    return answer_json(ans, status, serve_api_errors(&err));
}

/* ---- Request decoder ----------------------------------------------------------- */

/* Most input columns (the library has fewer; room for the features to come). */
#define MAX_COLUMNS 48

/* One row of the request as named text fields for rfy_case_from_fields().
 * Strings point into the parsed JSON document; integers are formatted into
 * `digits`.  case_id is kept apart: it is echoed, not computed with. */
typedef struct request_row {
    rfy_field field[MAX_COLUMNS];
    size_t n;
    const char *case_id;
    char digits[MAX_COLUMNS][24];
} request_row;

/* The library's static name of input column `key`, or NULL when it is none. */
static const char *column_named(const char *key)
{
    for (size_t k = 0; k < rfy_input_column_count(); k++)
        if (strcmp(key, rfy_input_column_name(k)) == 0)
            return rfy_input_column_name(k);
    return NULL;
}

/* `key` made safe to echo: printable ASCII kept, any other byte '?', at most 40. */
static void shown_key(char *buf, size_t size, const char *key)
{
    size_t o = 0;
    for (const char *p = key; *p && o + 1 < size && o < 40; p++)
        buf[o++] = (*p >= 0x20 && *p < 0x7f) ? *p : '?';
    buf[o] = '\0';
}

/*
 * One JSON row object into *r.  Values: a string (taken as the cell's text,
 * exactly as in a CSV cell), an integer (its decimal digits), or null (not
 * given).  A number with a fraction is refused: a JSON reader may carry it as
 * binary floating point, and 0.1 is not exactly 0.1 there.  Keys must be
 * input columns, and month and category are required (as the columns of a
 * batch file).  Returns RFY_OK or RFY_EINPUT with err filled.
 */
static int decode_row(request_row *r, json_t *obj, rfy_error *err)
{
    const char *key;
    json_t *v;
    long position = 0; /* of the key in the row object, from 1 */

    memset(r, 0, sizeof *r);
    rfy_error_reset(err);
    if (!json_is_object(obj))
        return rfy_error_add(err, RFY_FAULT_JSON_ROW_NOT_OBJECT, "", NULL, 0, 0);
    /* every key is looked at, so the row reports all its faults, each at its own key */
    json_object_foreach(obj, key, v) {
        const char *text = NULL, *column = column_named(key);
        position++;
        if (!column || r->n == MAX_COLUMNS) {
            char shown[48];
            shown_key(shown, sizeof shown, key);
            /* the key as given is the column at fault (it lives as long as the request) */
            rfy_error_add(err, RFY_FAULT_COLUMN_UNKNOWN, key, shown, 0, position);
            continue;
        }
        if (json_is_string(v)) {
            text = json_string_value(v);
            if (strlen(text) != json_string_length(v)) {
                rfy_error_add(err, RFY_FAULT_JSON_NUL, column, NULL, 0, 0);
                continue;
            }
        } else if (json_is_integer(v)) {
            snprintf(r->digits[r->n], sizeof r->digits[r->n], "%" JSON_INTEGER_FORMAT,
                     json_integer_value(v));
            text = r->digits[r->n];
        } else if (json_is_real(v)) {
            rfy_error_add(err, RFY_FAULT_JSON_FRACTION, column, NULL, 0, 0);
            continue;
        } else if (!json_is_null(v)) {
            rfy_error_add(err, RFY_FAULT_JSON_TYPE, column, NULL, 0, 0);
            continue;
        }
        if (!text)
            continue;
        if (strcmp(column, "case_id") == 0)
            r->case_id = text;
        r->field[r->n].name = column;
        r->field[r->n].value = text;
        r->n++;
    }
    for (const char *const *req = (const char *const[]){"month", "category", NULL}; *req; req++) {
        size_t i;
        for (i = 0; i < r->n && strcmp(r->field[i].name, *req) != 0; i++)
            ;
        if (i == r->n)
            rfy_error_add(err, RFY_FAULT_REQUIRED, *req, NULL, 0, 0);
    }
    return err->nfaults > 0 ? RFY_EINPUT : RFY_OK;
}

/* ---- POST /api/v1/calculate -------------------------------------------------- */

/* Money sums of the results (the period table's totals): the engine's
 * rfy_batch_stats, added up by rfy_batch_stats_add(). */
typedef rfy_batch_stats totals;

static json_t *money_json(const mpz_t ore)
{
    char buf[64];
    if (rfy_money_format(buf, sizeof buf, ore, '.') < 0)
        return NULL;
    return json_string(buf);
}

/* One sum of the totals, as exact text. */
static json_t *total_json(const totals *t, rfy_batch_total which)
{
    json_t *j;
    mpz_t ore;
    mpz_init(ore);
    rfy_batch_stats_total(ore, t, which);
    j = money_json(ore);
    mpz_clear(ore);
    return j;
}

/* One row of the request, decoded and read, as the engine's runner takes it. */
typedef struct api_row {
    rfy_run_row run;      /* first: the runner's rows are these */
    request_row r;
    rfy_case *c;          /* the row read (rfy_case_new) */
} api_row;

/* The rows of one request and what is answered for them. */
typedef struct request {
    api_row *row;
    size_t n;
    rfy_run_row **run;    /* every row, for the runner */
    const rfy_case **rows; /* one case-month's rows, for the explanation */
    json_t *results;
    totals *t;
    const rfy_rates *rates;
    const rfy_decimal_syntax *amount; /* RFY_AMOUNT_DOT, or RFY_AMOUNT_DA ("amount_format": "da") */
} request;

/* Decode and read every row (a row that cannot be decoded keeps its reason
 * and stands alone). */
static void read_rows(request *q, json_t *rows)
{
    for (size_t i = 0; i < q->n; i++) {
        api_row *w = &q->row[i];
        rfy_run_row *run = &w->run;
        const char *why;
        run->number = (unsigned long)i;
        run->case_id = "";
        run->rc = decode_row(&w->r, json_array_get(rows, i), &run->err);
        if (run->rc != RFY_OK) {
            /* the row's cells that could be read have their faults too: all of them, in one list */
            rfy_error cells;
            if (json_is_object(json_array_get(rows, i)) &&
                rfy_case_from_fields(w->c, w->r.field, w->r.n, q->amount, &cells) != RFY_OK)
                for (int k = 0; k < cells.nfaults; k++) {
                    const rfy_fault *f = &cells.fault[k];
                    int dup = 0; /* a required column left out is reported once */
                    for (int j = 0; j < run->err.nfaults && !dup; j++)
                        dup = run->err.fault[j].code == f->code && strcmp(run->err.fault[j].column, f->column) == 0;
                    if (!dup && run->err.nfaults < RFY_MAX_FAULTS)
                        run->err.fault[run->err.nfaults++] = *f;
                }
            continue;
        }
        run->case_id = w->r.case_id ? w->r.case_id : "";
        run->case_id_len = strlen(run->case_id);
        for (size_t k = 0; k < w->r.n; k++)
            if (strcmp(w->r.field[k].name, "month") == 0)
                run->keyed = rfy_month_parse(&run->month, w->r.field[k].value,
                                             strlen(w->r.field[k].value), &why) == RFY_OK;
        run->rc = rfy_case_from_fields(w->c, w->r.field, w->r.n, q->amount, &run->err);
        if (run->rc == RFY_OK)
            rfy_error_reset(&run->err);
        run->in = w->c;
    }
}

/* The rows a case-month of several rows came from, as request row numbers
 * ("row" in each of the explanation's periods, which are in day order). */
static int number_periods(json_t *one, const rfy_run_row *const *g, size_t np)
{
    size_t k;
    json_t *p;
    json_array_foreach(json_object_get(one, "periods"), k, p) {
        json_int_t first = json_integer_value(json_object_get(p, "first_day"));
        for (size_t i = 0; i < np; i++)
            if ((rfy_case_start_day(g[i]->in) ? rfy_case_start_day(g[i]->in) : 1) == first &&
                json_object_set_new(p, "row", json_integer((json_int_t)g[i]->number)) != 0)
                return -1;
    }
    return 0;
}

/* A case-month the engine's runner computed (rfy/runner.h), as JSON: one
 * row is `rfy preview --json`'s object, several `rfy preview --input`'s
 * (D49).  The caller drops the results when any row was refused. */
static int on_result(void *user, const rfy_run_row *const *g, size_t np, const rfy_result *res)
{
    request *q = user;
    const api_row *first = (const api_row *)g[0];
    const rfy_explain_options opts = {first->r.case_id, NULL, RFY_LANG_DA, 0, cli_hints};
    char *text;
    json_t *one;
    for (size_t i = 0; i < np; i++)
        q->rows[i] = g[i]->in;
    /* the engine's explanation, taken in as it is into the answer */
    if (!(text = rfy_explain_json(res, q->rows, np, q->rates, &opts)))
        return RFY_ENOMEM;
    one = json_loads(text, 0, NULL);
    free(text);
    if (!one || (np > 1 && number_periods(one, g, np) != 0) ||
        json_array_append_new(q->results, one) != 0)
        return RFY_ENOMEM;
    rfy_batch_stats_add(q->t, res);
    return RFY_OK;
}

/* Every row through the engine's runner, then every refused row, in request order. */
static int calculate_rows(request *q, json_t *rows, json_t *errors)
{
    int rc;
    read_rows(q, rows);
    for (size_t i = 0; i < q->n; i++)
        q->run[i] = &q->row[i].run;
    rc = rfy_casemonth_run(q->run, q->n, q->rates, "row", on_result, q);
    for (size_t i = 0; rc == RFY_OK && i < q->n; i++)
        if (q->row[i].run.rc != RFY_OK && append_errors(errors, (long)i, &q->row[i].run.err) != 0)
            rc = RFY_ENOMEM;
    return rc;
}

static int calculate(serve_answer *ans, const rfy_rates *rates, const char *body, size_t len)
{
    json_error_t jerr;
    json_t *root, *rows, *format, *results = NULL, *errors = NULL, *answer = NULL;
    totals *t;
    request q;
    size_t n;
    int rc = RFY_OK;

    root = json_loadb(body ? body : "", len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        char text[sizeof jerr.text];
        snprintf(text, sizeof text, "%s", jerr.text);
        ascii_only(text);
        return answer_error(ans, 400, RFY_FAULT_JSON_MALFORMED, text, jerr.line, jerr.column);
    }
    rows = json_object_get(root, "rows");
    format = json_object_get(root, "amount_format");
    if (!json_is_object(root) || json_object_size(root) != 1 + (format != NULL) || !json_is_array(rows) ||
        json_array_size(rows) == 0) {
        json_decref(root);
        return answer_error(ans, 400, RFY_FAULT_JSON_SHAPE, NULL, 0, 0);
    }
    /* "amount_format": "da" reads the rows' amounts as a caseworker types them (4.650, 20.000,00:
     * rfy_amount_parse_da); "dot" or none, as a batch file's (1234.50) */
    if (format && !(json_is_string(format) && (strcmp(json_string_value(format), "da") == 0 ||
                                               strcmp(json_string_value(format), "dot") == 0))) {
        json_decref(root);
        return answer_error(ans, 400, RFY_FAULT_JSON_AMOUNT_FORMAT, NULL, 0, 0);
    }
    if ((n = json_array_size(rows)) > SERVE_MAX_ROWS) {
        json_decref(root);
        return answer_error(ans, 413, RFY_FAULT_JSON_TOO_MANY_ROWS, NULL, SERVE_MAX_ROWS, (long)n);
    }

    t = rfy_batch_stats_new();
    memset(&q, 0, sizeof q);
    q.amount = format && strcmp(json_string_value(format), "da") == 0 ? &RFY_AMOUNT_DA : &RFY_AMOUNT_DOT;
    q.n = n;
    q.row = calloc(n, sizeof *q.row);
    q.run = calloc(n, sizeof *q.run);
    q.rows = calloc(n, sizeof *q.rows);
    results = json_array();
    errors = json_array();
    if (q.row)
        for (size_t i = 0; i < n; i++)
            if (!(q.row[i].c = rfy_case_new())) {
                for (size_t j = 0; j < i; j++)
                    rfy_case_free(q.row[j].c);
                free(q.row);
                q.row = NULL;
                break;
            }
    q.results = results;
    q.t = t;
    q.rates = rates;
    if (!t || !q.row || !q.run || !q.rows || !results || !errors ||
        calculate_rows(&q, rows, errors) != RFY_OK) {
        rc = answer_oom(ans);
    } else if (json_array_size(errors) > 0) {
        answer = json_pack("{s:O}", "errors", errors);
        rc = answer_json(ans, 422, answer);
    } else {
        answer = json_pack("{s:O, s:{s:o, s:o, s:o}, s:s}", "results", results, "totals",
                           "gross", total_json(t, RFY_BATCH_TOTAL_GROSS), "total_deduction",
                           total_json(t, RFY_BATCH_TOTAL_DEDUCTIONS), "payment",
                           total_json(t, RFY_BATCH_TOTAL_PAYMENT),
                           "rates_id", rfy_rates_id(rates));
        rc = answer_json(ans, 200, answer);
    }
    if (q.row)
        for (size_t i = 0; i < n; i++)
            rfy_case_free(q.row[i].c);
    free(q.row);
    free(q.run);
    free(q.rows);
    rfy_batch_stats_free(t);
    json_decref(results);
    json_decref(errors);
    json_decref(root);
    return rc;
}

/* ---- GET /api/v1/rates/YYYY and /api/v1/health ---------------------------------- */

static json_t *date_json(const rfy_date *d)
{
    char buf[11];
    rfy_date_format(buf, d);
    return json_string(buf);
}

/* Every table row in force in `year`, in key order (as `rfy rates show`). */
static int rates_year(serve_answer *ans, const rfy_rates *rates, int year)
{
    size_t n = rfy_rates_count(rates);
    json_t *arr = json_array();
    int bad = !arr;

    for (int k = 0; !bad && k < RFY_RATE_KEY_COUNT; k++)
        for (size_t i = 0; !bad && i < n; i++) {
            const rfy_rate_value *v = rfy_rates_at(rates, i);
            rfy_date from = rfy_rate_value_from(v), to = rfy_rate_value_to(v);
            rfy_rate_key key = rfy_rate_value_key(v);
            char where[64], amount[64];
            if ((int)key != k || from.year > year || to.year < year)
                continue;
            snprintf(where, sizeof where, "%s:%lu", rfy_rate_value_file(v), rfy_rate_value_line(v));
            bad = rfy_rate_value_amount_text(amount, sizeof amount, v, '.') < 0 ||
                  json_array_append_new(
                      arr, json_pack("{s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:s, s:s}", "key",
                                     rfy_rate_key_name(key), "amount", amount,
                                     "unit", rfy_rate_key_unit(key), "effective_from",
                                     date_json(&from), "effective_to", date_json(&to),
                                     "provenance", rfy_provenance_name(rfy_rate_value_provenance(v)),
                                     "legal_ref", rfy_rate_value_legal_ref(v), "source",
                                     rfy_rate_value_source(v), "table", where)) != 0;
        }
    if (bad) {
        json_decref(arr);
        return answer_oom(ans);
    }
    if (json_array_size(arr) == 0) {
        json_decref(arr);
        return answer_error(ans, 404, RFY_FAULT_RATES_YEAR_UNCOVERED, NULL, year, 0);
    }
    return answer_json(ans, 200, json_pack("{s:i, s:s, s:o}", "year", year, "rates_id",
                                           rfy_rates_id(rates), "rates", arr));
}

/* ---- GET /api/v1/catalogue ----------------------------------------------------------- */

/* The Danish words for the engine's codes, from the engine (rfy/names.h), so
 * that the page keeps no name list of its own: months, categories, forløb,
 * rate keys and units, provenance, warnings and notes. */
static int catalogue(serve_answer *ans)
{
    const rfy_lang da = RFY_LANG_DA;
    json_t *months = json_array(), *cats = json_object(), *forloeb = json_object(),
           *rates = json_object(), *units = json_object(), *prov = json_object(),
           *warn = json_object(), *notes = json_object();
    int ok = months && cats && forloeb && rates && units && prov && warn && notes;
    for (int m = 1; ok && m <= 12; m++)
        ok = json_array_append_new(months, json_string(rfy_month_name(m, da))) == 0;
    for (int c = RFY_CAT_FORSORGER; ok && c <= RFY_CAT_U25_HJEMME_BIDRAG; c++)
        ok = json_object_set_new(cats, rfy_category_name((rfy_category)c),
                                 json_string(rfy_category_text((rfy_category)c, da))) == 0;
    for (int f = RFY_FORLOEB_RESSOURCE; ok && f <= RFY_FORLOEB_JOBAFKLARING; f++)
        ok = json_object_set_new(forloeb, rfy_forloeb_name((rfy_forloeb)f),
                                 json_string(rfy_forloeb_text((rfy_forloeb)f, da))) == 0;
    for (int k = 0; ok && k < RFY_RATE_KEY_COUNT; k++)
        ok = json_object_set_new(rates, rfy_rate_key_name((rfy_rate_key)k),
                                 json_string(rfy_rate_key_text((rfy_rate_key)k, da))) == 0 &&
             json_object_set_new(units, rfy_rate_key_unit((rfy_rate_key)k),
                                 json_string(rfy_rate_unit_text((rfy_rate_key)k, da))) == 0;
    for (int p = RFY_PROV_PUBLISHED; ok && p <= RFY_PROV_DERIVED; p++)
        ok = json_object_set_new(prov, rfy_provenance_name((rfy_provenance)p),
                                 json_string(rfy_provenance_text((rfy_provenance)p, da))) == 0;
    for (unsigned w = 1; ok && w & RFY_WARN_ALL; w <<= 1)
        ok = json_object_set_new(warn, rfy_warning_code((rfy_warning)w),
                                 json_string(rfy_warning_text((rfy_warning)w, da))) == 0;
    ok = ok && json_object_set_new(notes, "no_new_ressourceforloeb",
                                   json_string(rfy_note_no_new_ressourceforloeb_text(da))) == 0;
    if (!ok) {
        json_decref(months), json_decref(cats), json_decref(forloeb), json_decref(rates);
        json_decref(units), json_decref(prov), json_decref(warn), json_decref(notes);
        return answer_oom(ans);
    }
    return answer_json(ans, 200,
                       json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "lang", "da", "months",
                                 months, "categories", cats, "forloeb", forloeb, "rates", rates, "units",
                                 units, "provenance", prov, "warnings", warn, "notes", notes));
}

/* "/api/v1/rates/2024" → 2024; -1 when the tail is not four digits. */
static int year_of(const char *tail)
{
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (tail[i] < '0' || tail[i] > '9')
            return -1;
        y = y * 10 + (tail[i] - '0');
    }
    return tail[4] == '\0' ? y : -1;
}

/* ---- Routing ------------------------------------------------------------------ */

static const char RATES_PREFIX[] = "/api/v1/rates/";

int serve_api_answer(serve_answer *ans, const rfy_rates *rates, const char *method,
                     const char *path, const char *body, size_t body_len)
{
    int get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    int post = strcmp(method, "POST") == 0;
    int api = strncmp(path, "/api/", 5) == 0;
    const web_asset *asset;

    memset(ans, 0, sizeof *ans);
    ans->is_api = api;
    if (body_len > SERVE_MAX_BODY)
        return answer_error(ans, 413, RFY_FAULT_HTTP_BODY_TOO_LARGE, NULL, SERVE_MAX_BODY, 0);
    if (strcmp(path, "/api/v1/calculate") == 0)
        return post ? calculate(ans, rates, body, body_len)
                    : answer_error(ans, 405, RFY_FAULT_HTTP_METHOD, "POST /api/v1/calculate", 0, 0);
    if (strcmp(path, "/api/v1/whatif") == 0) /* gain from work: serve_whatif.c */
        return post ? serve_whatif(ans, rates, body, body_len)
                    : answer_error(ans, 405, RFY_FAULT_HTTP_METHOD, "POST /api/v1/whatif", 0, 0);
    if (strcmp(path, "/api/v1/health") == 0)
        return get ? answer_json(ans, 200, json_pack("{s:s, s:s, s:s}", "status", "ok", "version",
                                                     RFY_VERSION, "rates_id",
                                                     rfy_rates_id(rates)))
                   : answer_error(ans, 405, RFY_FAULT_HTTP_METHOD, "GET /api/v1/health", 0, 0);
    if (strcmp(path, "/api/v1/catalogue") == 0)
        return get ? catalogue(ans)
                   : answer_error(ans, 405, RFY_FAULT_HTTP_METHOD, "GET /api/v1/catalogue", 0, 0);
    if (strncmp(path, RATES_PREFIX, sizeof RATES_PREFIX - 1) == 0 &&
        year_of(path + sizeof RATES_PREFIX - 1) >= 0)
        return get ? rates_year(ans, rates, year_of(path + sizeof RATES_PREFIX - 1))
                   : answer_error(ans, 405, RFY_FAULT_HTTP_METHOD, "GET /api/v1/rates/YYYY", 0, 0);
    if (api)
        return answer_error(ans, 404, RFY_FAULT_HTTP_NO_PATH, NULL, 0, 0);
    if ((asset = web_asset_find(path)) != NULL) {
        if (!get) {
            ans->status = 405;
            ans->content_type = "text/plain; charset=utf-8";
            return RFY_OK;
        }
        if (!(ans->body = malloc(asset->len ? asset->len : 1)))
            return answer_oom(ans);
        memcpy(ans->body, asset->data, asset->len);
        ans->len = asset->len;
        ans->status = 200;
        ans->content_type = asset->content_type;
        return RFY_OK;
    }
    ans->status = 404;
    ans->content_type = "text/plain; charset=utf-8";
    if (!(ans->body = strdup("Ikke fundet.\n")))
        return answer_oom(ans);
    ans->len = strlen(ans->body);
    return RFY_OK;
}
