/*
 * The HTTP API of `rfy serve` (interface.md "HTTP API"), without the HTTP.
 *
 * serve_api_answer() maps one request (method, path, body) to one answer
 * (status, content type, body): the routing, the request decoder and the
 * JSON answers all live here, so that Check tests and the libFuzzer target
 * drive exactly what the server runs, with no socket.  cli/serve_http.c only
 * moves bytes between libmicrohttpd and this function and adds the headers.
 *
 * A row of POST /api/v1/calculate goes the way of a `rfy preview` option
 * set: its keys are named fields the library reads as a batch row
 * (rfy_case_from_fields()).  The rows are grouped into case-months in the
 * engine's order (rfy_casemonth_cmp()), each computed by rfy_compute_rows()
 * with the case's holiday ledger, and written by explain_json() (one row)
 * or explain_rows_json() (several).  So the API gives the same object as
 * `rfy preview --json` (or `rfy preview --input --json`) and the same
 * reasons as the batch rejects.
 *
 * Thread safety: serve_api_answer() only reads `rates` and the embedded page
 * assets; any number of threads may call it at once.
 */
#ifndef RFY_SERVE_API_H
#define RFY_SERVE_API_H

#include <stddef.h>

#include <rfy/rfy.h>

/* Largest request body accepted (interface.md): larger → 413. */
#define SERVE_MAX_BODY (1024u * 1024u)
/* Most rows in one POST /api/v1/calculate: more → 413. */
#define SERVE_MAX_ROWS 1000

/* One answer.  `body` is malloc'ed (serve_answer_clear frees it). */
typedef struct serve_answer {
    int status;               /* HTTP status code */
    const char *content_type; /* static string */
    char *body;               /* may be NULL when len is 0 */
    size_t len;
    int is_api;               /* 1: an /api/ answer (Cache-Control: no-store) */
} serve_answer;

/* Release what an answer holds; safe on a zeroed or cleared answer. */
void serve_answer_clear(serve_answer *ans);

/*
 * Answer one request.
 *
 * `method` ("GET", "POST", ...), `path` (the URL path without the query),
 * `body` (may be NULL when body_len is 0; need not be NUL-terminated).
 * Routes: GET / and the page's assets; POST /api/v1/calculate;
 * GET /api/v1/rates/YYYY; GET /api/v1/health.  A known path with another
 * method → 405, an unknown path → 404, body_len > SERVE_MAX_BODY → 413.
 * Every /api/ answer is a JSON object; an error answer has "errors":
 * [{"row", "column", "reason"}] (row and column null when not a row's).
 * Returns RFY_OK with *ans filled, or RFY_ENOMEM (then *ans is a 500 answer
 * with an empty body that the caller can still send).
 */
int serve_api_answer(serve_answer *ans, const rfy_rates *rates, const char *method,
                     const char *path, const char *body, size_t body_len);

struct json_t; /* jansson's */

/*
 * The API's error object for faults that are no row's: {"errors": [{"row":
 * null, "column", "code", "reason" (Danish), "reason_en"}, ...]}, one entry
 * per fault of err, worded by the engine's catalogue.  The one fault writer
 * of every /api/ answer (POST /api/v1/whatif uses it too).  NULL when out of
 * memory.
 */
struct json_t *serve_api_errors(const rfy_error *err);

#endif
