/*
 * POST /api/v1/whatif (interface.md "HTTP API"): the break-even wage and the
 * table of `rfy whatif --json` for one case and one range.
 *
 * Body: {"case": {batch input columns, as a row of /api/v1/calculate, without
 * "wage"}, "wage_from", "wage_to", "step"} or {"case": {...}, "hourly_wage",
 * "hours_from", "hours_to", "hours_step"}; values are strings ("40000",
 * "7.5") or whole JSON numbers.  Limits and faults as /calculate: a number
 * with a fraction is refused, more than 1 000 points is 413, malformed JSON
 * or a body of another shape 400, a case or range the engine refuses 422
 * with {"errors": [{"row": null, "column", "reason"}]}.
 */
#ifndef RFY_SERVE_WHATIF_H
#define RFY_SERVE_WHATIF_H

#include <stddef.h>

#include "serve_api.h"

/* The answer to a POST of `body`; RFY_OK, or RFY_ENOMEM with a 500 answer. */
int serve_whatif(serve_answer *ans, const rfy_rates *rates, const char *body, size_t len);

#endif
