/*
 * The rfy_explanation handle (include/rfy/explain.h): allocation and the
 * accessors over the struct of explain_internal.h.  Values leave as copies;
 * nothing here computes (explain.c fills the trace).
 */
#include <stdlib.h>

#include "explain_internal.h"

rfy_explanation *rfy_explanation_new(void)
{
    rfy_explanation *e = malloc(sizeof *e);
    if (e)
        rfy_explanation_init(e);
    return e;
}

void rfy_explanation_free(rfy_explanation *e)
{
    if (!e)
        return;
    rfy_explanation_clear(e);
    free(e);
}

const char *rfy_explanation_ref(const rfy_explanation *e, rfy_explanation_ref_id which)
{
    switch (which) {
    case RFY_EXPLAIN_FORLOEB_REF: return e->forloeb_ref;
    case RFY_EXPLAIN_NO_NEW_FORLOEB_REF: return e->no_new_forloeb_ref;
    case RFY_EXPLAIN_STK2_REF: return e->stk2_ref;
    case RFY_EXPLAIN_NR4_BASE_REF: return e->nr4_base_ref;
    case RFY_EXPLAIN_PRIOR_REF: return e->prior_ref;
    case RFY_EXPLAIN_FLOOR_REF: return e->floor_ref;
    case RFY_EXPLAIN_WAGE_RULE: return e->wage_rule;
    }
    return NULL;
}

void rfy_explanation_amount(mpq_t out, const rfy_explanation *e, rfy_explanation_amount_id which)
{
    switch (which) {
    case RFY_EXPLAIN_TILLAEG_ALL: mpq_set_z(out, e->tillaeg_all); return;
    case RFY_EXPLAIN_NR4_BEFORE_CAP: mpq_set(out, e->nr4_before_cap); return;
    case RFY_EXPLAIN_WAGE_PART_LOW: mpq_set(out, e->wage.part_low); return;
    case RFY_EXPLAIN_WAGE_PART_HIGH: mpq_set(out, e->wage.part_high); return;
    case RFY_EXPLAIN_WAGE_TOTAL: mpq_set(out, e->wage.total); return;
    case RFY_EXPLAIN_WAGE_HOLIDAY_PART_LOW: mpq_set(out, e->wage_holiday.part_low); return;
    case RFY_EXPLAIN_WAGE_HOLIDAY_PART_HIGH: mpq_set(out, e->wage_holiday.part_high); return;
    case RFY_EXPLAIN_WAGE_HOLIDAY_TOTAL: mpq_set(out, e->wage_holiday.total); return;
    case RFY_EXPLAIN_HOLIDAY_CALENDAR_DAYS: mpq_set(out, e->holiday_calendar_days); return;
    case RFY_EXPLAIN_HOURS_COUNTED: mpq_set_z(out, e->hours_counted); return;
    case RFY_EXPLAIN_SANCTION_DAY_LEVEL: mpq_set(out, e->sanction_day_level); return;
    case RFY_EXPLAIN_SANCTION_DAY_EXACT: mpq_set(out, e->sanction_day_exact); return;
    case RFY_EXPLAIN_GROSS_EXACT: mpq_set(out, e->gross_exact); return;
    }
    mpq_set_ui(out, 0, 1);
}

long rfy_explanation_value(const rfy_explanation *e, rfy_explanation_value_id which)
{
    switch (which) {
    case RFY_EXPLAIN_NO_NEW_FORLOEB_FROM: return (long)e->no_new_forloeb_from;
    case RFY_EXPLAIN_HAS_TILLAEG_ALL: return e->has_tillaeg_all;
    case RFY_EXPLAIN_PRIOR_ABOVE_FLOOR: return e->prior_above_floor;
    case RFY_EXPLAIN_WEEK_TO_MONTH_NUM: return (long)e->week_to_month_num;
    case RFY_EXPLAIN_WEEK_TO_MONTH_DEN: return (long)e->week_to_month_den;
    case RFY_EXPLAIN_WAGE_LOW_PCT: return (long)e->wage_low_pct;
    case RFY_EXPLAIN_WAGE_HIGH_PCT: return (long)e->wage_high_pct;
    case RFY_EXPLAIN_WAGE_RULE_LAST_MONTH: return (long)e->wage_rule_last_month;
    case RFY_EXPLAIN_WAGE_ABOVE_THRESHOLD: return e->wage.above_threshold;
    case RFY_EXPLAIN_HOLIDAY_DAYS_NUM: return (long)e->holiday_days_num;
    case RFY_EXPLAIN_HOLIDAY_DAYS_DEN: return (long)e->holiday_days_den;
    case RFY_EXPLAIN_HOURS_CAP: return e->hours_cap;
    case RFY_EXPLAIN_HAS_SANCTION: return e->has_sanction;
    case RFY_EXPLAIN_SANCTION_DAY_NUM: return (long)e->sanction_day_num;
    case RFY_EXPLAIN_SANCTION_DAY_DEN: return (long)e->sanction_day_den;
    case RFY_EXPLAIN_SANCTION_DAY_OWN_NR4: return e->sanction_day_own_nr4;
    case RFY_EXPLAIN_SANCTION_DAY_NOT_PRIOR: return e->sanction_day_not_prior;
    case RFY_EXPLAIN_SANCTION_DAY_PER_ROW: return e->sanction_day_per_row;
    case RFY_EXPLAIN_PAYMENT_FLOORED: return e->payment_floored;
    }
    return 0;
}

const char *rfy_explanation_rate_ref(const rfy_explanation *e, rfy_rate_key key)
{
    return (unsigned)key < RFY_RATE_KEY_COUNT ? e->rate_ref[key] : NULL;
}
