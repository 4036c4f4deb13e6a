/*
 * Explaining one computed case-month: the level and why, the rate values
 * used with their provenance, the segments, every deduction with its
 * arithmetic, and the totals.
 *
 * Private to calc/present/: the renderers behind rfy_explain_text() and
 * rfy_explain_json() (explain_api.c), which `rfy preview`, `rfy serve` and
 * `rfy audit --explain` print.  Each takes the language it writes in (no
 * setting is kept between calls).  The renderers only read an rfy_result that rfy_compute()
 * filled for the same rfy_case: they never recompute a paid amount.  The
 * amounts they print are the result's rounded columns (gross, each
 * deduction, total, payment), so the printed lines always add up; exact
 * intermediate values (52/12 conversions, segment amounts, 30 %/55 % parts)
 * are shown as what they are: exact fractions, displayed rounded.
 */
#ifndef RFY_EXPLAIN_RENDER_H
#define RFY_EXPLAIN_RENDER_H

#include <stdio.h>

#include <jansson.h>

#include <rfy/rfy.h>
#include "explain_internal.h"

/* Version of the JSON layout rfy__explain_json() writes ("schema_version"). */
#define EXPLAIN_JSON_SCHEMA_VERSION 1

/*
 * Write the Danish explanation of one case-month to `out`, for a caseworker.
 *
 * Amounts are in Danish format (16.382,00); legal references are written as
 * Danish prose writes them ("§ 68 a, stk. 2").  The text ends with the line
 * "Dette er en forhåndsberegning, ikke en afgørelse."
 * `case_id` (may be NULL) is printed in the heading when given: rfy_case
 * does not carry it.
 * Preconditions: rfy_compute(res, rates, in, ...) returned RFY_OK for these
 * very arguments, and nothing changed since.
 * Returns 0, or EOF on a write error (out's error indicator set).
 */
int rfy__explain_text(FILE *out, const char *case_id, const rfy_case *in, const rfy_result *res,
                      const rfy_rates *rates, rfy_lang lang);

/*
 * The same breakdown for `rfy audit --explain`: a paid month recomputed.
 * Headed "Genberegning af ressourceforløbsydelse for en udbetalt måned" and
 * closed with "Dette er en genberegning efter reglerne af en udbetalt måned,
 * ikke en afgørelse." instead of the preview's forhåndsberegning lines.
 * Preconditions and return value: as rfy__explain_text().
 */
int rfy__explain_text_recomputation(FILE *out, const char *case_id, const rfy_case *in,
                                    const rfy_result *res, const rfy_rates *rates, rfy_lang lang);

/*
 * The same explanation as a JSON object (schema in docs/preview.md):
 * schema_version, engine, input (echo), month, category, forloeb, level,
 * segments, rates, deductions, gross, total_deduction, payment, provenance,
 * rates_id, and holiday (the Ferie section) when a ledger was applied.  Money is always a string with two decimals and '.' ("2022.35"),
 * never a JSON number; an exact value that is not whole øre is also given as
 * "num/den" in øre.  `case_id` (may be NULL) is echoed in input.case_id
 * (null when NULL).
 * A warning's English detail ends in the program's ways out (`hints`, may be
 * NULL: the library's own words).
 * Preconditions: as rfy__explain_text().
 * Returns a new reference (caller json_decref()s it), or NULL when memory
 * runs out.
 */
json_t *rfy__explain_json(const char *case_id, const rfy_case *in, const rfy_result *res,
                     const rfy_rates *rates, const rfy_hints *hints);

/*
 * The "Ferie" section (§ 69 stk. 5, rules.md §8) of the same explanation:
 * the holiday ledger the engine put in res->holiday (rfy_holiday_apply).
 * Nothing is written, and rfy__explain_holiday_json() returns json_null(), when
 * no ledger was applied (res->holiday.status RFY_HOLIDAY_NONE).
 * explain_holiday_text returns 0 or EOF; explain_holiday_json a new
 * reference, or NULL when memory runs out.
 */
int rfy__explain_holiday_text(FILE *out, const rfy_case *in, const rfy_result *res, rfy_lang lang);
json_t *rfy__explain_holiday_json(const rfy_case *in, const rfy_result *res);

#endif
