/*
 * Which keys the covered months lack (rfy rates check): every gap of every
 * key in one report, so that a payroll officer completing a new year's table
 * sees all of it in one run, not one missing key per batch attempt.
 */
#include <stdio.h>

#include "rates_internal.h"
#include "rules.h"
#include <rfy/messages.h>

/* The keys without which no category can be computed (rules.md §3–4). */
static const rfy_rate_key REQUIRED[] = {
    RFY_RATE_FORSORGER,      RFY_RATE_IKKE_FORSORGER, RFY_RATE_U25_HJEMME,
    RFY_RATE_U25_BIDRAG_MAX, RFY_RATE_WAGE_THRESHOLD, RFY_RATE_HOUR_DISREGARD,
};

/* Keys a computation may do without, and what happens then.  `alt` is a key
 * that serves instead (the dagpenge maximum is weekly until 2017-06, monthly
 * after), RFY_RATE_KEY_COUNT for none. */
static const struct {
    rfy_rate_key key, alt;
    rfy_message then; /* the consequence, from the catalogue */
} OPTIONAL[] = {
    {RFY_RATE_SDP_MAX_WEEK, RFY_RATE_KEY_COUNT, RFY_MSG_RC_THEN_SDP_MAX},
    {RFY_RATE_NORMALBIDRAG, RFY_RATE_KEY_COUNT, RFY_MSG_RC_THEN_NORMALBIDRAG},
    {RFY_RATE_DAGPENGE_MAX_MONTH, RFY_RATE_DAGPENGE_MAX_WEEK, RFY_MSG_RC_THEN_DAGPENGE_MAX},
};

/* Report the runs of covered months (from 2013-01) that lack `key` (and `alt`,
 * unless RFY_RATE_KEY_COUNT), each as line `tag` with consequence `then`, both
 * catalogue entries in `lang`; returns their number. */
static int runs_without(const rfy_rates *r, rfy_rate_key key, rfy_rate_key alt, rfy_message tag,
                        rfy_message then, rfy_lang lang, FILE *report)
{
    rfy_month m, from = -1, first = r->first > RFY_FIRST_MONTH ? r->first : RFY_FIRST_MONTH;
    int runs = 0;
    for (m = first; m <= r->last + 1; m++) {
        int gap = m <= r->last && rfy_rates_covers(r, m) && !rfy_rates_get(r, key, m) &&
                  (alt == RFY_RATE_KEY_COUNT || !rfy_rates_get(r, alt, m));
        if (gap && from < 0)
            from = m;
        if (!gap && from >= 0) {
            char a[8], b[8];
            rfy_month_format(a, from);
            rfy_month_format(b, m - 1);
            if (report) {
                fprintf(report, rfy_message_format(tag, lang), rfy_rate_key_name(key), a, b,
                        rfy_message_format(then, lang));
                fputc('\n', report);
            }
            runs++;
            from = -1;
        }
    }
    return runs;
}

/* The report in the caller's language: a payroll officer reads it (rfy rates check). */
int rfy_rates_check_missing_lang(const rfy_rates *r, rfy_lang lang, FILE *report)
{
    int missing = 0;
    for (size_t i = 0; i < sizeof REQUIRED / sizeof REQUIRED[0]; i++)
        missing += runs_without(r, REQUIRED[i], RFY_RATE_KEY_COUNT, RFY_MSG_RC_MISSING_LINE,
                                RFY_MSG_RC_THEN_REQUIRED, lang, report);
    for (size_t i = 0; i < sizeof OPTIONAL / sizeof OPTIONAL[0]; i++)
        runs_without(r, OPTIONAL[i].key, OPTIONAL[i].alt, RFY_MSG_RC_ABSENT_LINE,
                     OPTIONAL[i].then, lang, report);
    return missing;
}

/* Danish first: the function without _lang speaks the default language. */
int rfy_rates_check_missing(const rfy_rates *r, FILE *report)
{
    return rfy_rates_check_missing_lang(r, RFY_LANG_DA, report);
}
