/*
 * § 68 stk. 4 and 5: the hidtidige ydelse (sygedagpenge or ledighedsydelse)
 * as a monthly amount.  The floor (the stk. 2 level) is applied per segment
 * in segments.c.
 */
#include <stdio.h>
#include <string.h>

#include "fault.h"
#include "rules.h"
#include "xq.h"
#include <rfy/money.h>
#include <rfy/status.h>

/*
 * Decision (rules.md §3, docs/decisions.md D2): a weekly amount converts to
 * monthly as × 52/12, exactly (no rounding here; the gross is rounded once).
 */
static void to_monthly(rfy__xq *out, const mpz_t amount, rfy_period_unit unit)
{
    rfy__xq_set_z(out, amount);
    if (unit == RFY_PER_WEEK)
        rfy__xq_mul_frac_ui(out, out, RFY_WEEKS_PER_YEAR, RFY_MONTHS_PER_YEAR);
}

/* prior > the maximum `max` (a weekly or monthly rate), both as exact
 * monthly amounts (rfy__xq, calc/base/xq.h: exact, machine integers while
 * they fit). */
static int above_max(const rfy__xq *prior, const rfy_rate_value *max, rfy_period_unit unit)
{
    rfy__xq m;
    int above;
    rfy__xq_init(&m);
    to_monthly(&m, max->amount, unit);
    above = rfy__xq_cmp(prior, &m) > 0;
    rfy__xq_clear(&m);
    return above;
}

/*
 * § 68 stk. 5 with LAS § 74 a stk. 2 and AFL § 47: ledighedsydelse is at
 * most the year's highest dagpenge amount (89 % of it, or less), so a larger
 * hidtidig ledighedsydelse is bad input where that maximum is published or
 * secondary; where it is derived the row is computed and flagged, as for
 * sygedagpenge (rules.md §3).  Decision (docs/decisions.md): both sides are
 * compared as exact monthly amounts, a weekly amount (the input's, or the
 * weekly maximum until 2017-06) × 52/12, the same conversion the level uses.
 * A table set without the maximum for the month skips the check (rfy rates
 * check lists the key as absent).
 */
static int check_ledighed_max(rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                              const rfy__xq *prior, rfy_error *err)
{
    const rfy_rate_value *max = rfy_rates_get(rates, RFY_RATE_DAGPENGE_MAX_MONTH, in->month);
    char amount[40];
    if (!max)
        max = rfy_rates_get(rates, RFY_RATE_DAGPENGE_MAX_WEEK, in->month);
    if (!max)
        return RFY_OK;
    if (!above_max(prior, max, max->key == RFY_RATE_DAGPENGE_MAX_WEEK ? RFY_PER_WEEK : RFY_PER_MONTH))
        return RFY_OK;
    /* The maximum is recorded only when it decides something, so that it
     * never weakens the provenance of a row it merely checked. */
    rfy__rate_used(res, max->key, max);
    if (max->provenance == RFY_PROV_DERIVED) {
        res->warnings |= RFY_WARN_LY_ABOVE_DERIVED_MAX;
        return RFY_OK;
    }
    rfy_money_format(amount, sizeof amount, max->amount, '.');
    {
        rfy_fault *f = rfy__fault_add(err, RFY_FAULT_LY_ABOVE_MAX, "prior_amount");
        if (f) {
            rfy__fault_value(f, amount, strlen(amount));
            f->limit = max->key == RFY_RATE_DAGPENGE_MAX_WEEK;
            f->other = in->prior_unit == RFY_PER_WEEK;
            f->month = in->month;
        }
        rfy__fault_end(err);
    }
    return RFY_EINPUT;
}

/* § 68 stk. 4/5: the prior's plausibility against the year's maximum. */
static int check_prior_max(rfy_result *res, const rfy_rates *rates, const rfy_case *in,
                           const rfy__xq *prior, rfy_error *err)
{
    if (in->prior == RFY_PRIOR_LEDIGHEDSYDELSE)
        return check_ledighed_max(res, rates, in, prior, err);
    if (in->prior == RFY_PRIOR_SYGEDAGPENGE) {
        /* § 68 stk. 4 with sygedagpengeloven § 50: no sygedagpenge exceed the
         * year's highest amount, so a larger hidtidig ydelse is bad input --
         * where that maximum is published or secondary.  A derived maximum is
         * a guess: the row is computed and flagged, never refused (rules.md
         * §3); an absent one cannot be checked.  A monthly amount is compared
         * with the weekly maximum × 52/12. */
        const rfy_rate_value *max = rfy_rates_get(rates, RFY_RATE_SDP_MAX_WEEK, in->month);
        if (!max) {
            /* No maximum to check against: computed, and flagged so that
             * somebody looks at the amount (rules.md §3: never refused on a
             * missing maximum). */
            res->warnings |= RFY_WARN_SDP_MAX_UNKNOWN;
            return RFY_OK;
        }
        rfy__rate_used(res, RFY_RATE_SDP_MAX_WEEK, max);
        if (above_max(prior, max, RFY_PER_WEEK)) {
            char amount[40];
            if (max->provenance == RFY_PROV_DERIVED) {
                res->warnings |= RFY_WARN_SDP_ABOVE_DERIVED_MAX;
                return RFY_OK;
            }
            rfy_money_format(amount, sizeof amount, max->amount, '.');
            {
                rfy_fault *f = rfy__fault_add(err, RFY_FAULT_SDP_ABOVE_MAX, "prior_amount");
                if (f) {
                    rfy__fault_value(f, amount, strlen(amount));
                    f->month = in->month;
                }
                rfy__fault_end(err);
            }
            return RFY_EINPUT;
        }
    }
    return RFY_OK;
}

int rfy__level_prior(rfy_result *res, const rfy_rates *rates, const rfy_case *in, rfy_error *err)
{
    rfy__xq prior;
    int rc;
    rfy__set_zero_q(res->prior_monthly);
    if (in->prior == RFY_PRIOR_NONE)
        return RFY_OK;
    rfy__xq_init(&prior);
    to_monthly(&prior, in->prior_amount, in->prior_unit);
    rfy__xq_get_q(res->prior_monthly, &prior);
    rc = check_prior_max(res, rates, in, &prior, err);
    rfy__xq_clear(&prior);
    return rc;
}
