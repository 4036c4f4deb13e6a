/* The what-if answer: computed by the engine, written as JSON (whatif_answer.h). */
#include <stdlib.h>
#include <string.h>

#include "whatif_answer.h"

void whatif_answer_init(whatif_answer *a)
{
    memset(a, 0, sizeof *a);
    mpz_inits(a->be_wage, a->be_hours, a->threshold, a->hourly_ore, NULL);
}

int whatif_answer_compute(whatif_answer *a, const rfy_rates *rates, const rfy_case *c,
                          const rfy_whatif_range *range, rfy_error *err)
{
    int rc;
    if (!(a->be = rfy_break_even_new()) || !(a->table = rfy_whatif_table_new()))
        return RFY_ENOMEM;
    a->by_hours = rfy_whatif_range_by_hours(range);
    rfy_whatif_range_hourly(a->hourly_ore, range);
    if (a->by_hours && rfy_money_format(a->hourly, sizeof a->hourly, a->hourly_ore, '.') < 0)
        return RFY_ENOMEM;
    if ((rc = rfy_break_even_wage(a->be, rates, c, err)) != RFY_OK)
        return rc;
    a->rule = rfy_break_even_rule(a->be);
    rfy_break_even_amount(a->be_wage, a->be, RFY_BREAK_EVEN_WAGE);
    rfy_break_even_amount(a->threshold, a->be, RFY_BREAK_EVEN_THRESHOLD);
    if (a->by_hours)
        rfy_break_even_hours(a->be_hours, a->be_wage, a->hourly_ore);
    return rfy_whatif_table_compute(a->table, rates, c, range, err);
}

void whatif_answer_clear(whatif_answer *a)
{
    rfy_whatif_table_free(a->table);
    a->table = NULL;
    rfy_break_even_free(a->be);
    a->be = NULL;
    mpz_clears(a->be_wage, a->be_hours, a->threshold, a->hourly_ore, NULL);
}

/* øre (or hundredths of an hour) as "1234.56"; NULL when memory runs out */
static json_t *amount(const mpz_t v)
{
    char buf[64];
    if (rfy_money_format(buf, sizeof buf, v, '.') < 0)
        return NULL;
    return json_string(buf);
}

/* Amount `which` of point p as "1234.56"; NULL when memory runs out. */
static json_t *point_amount(mpz_t scratch, const rfy_whatif_point *p, rfy_whatif_amount_id which)
{
    rfy_whatif_point_amount(scratch, p, which);
    return amount(scratch);
}

static json_t *row_json(const whatif_answer *a, const rfy_whatif_point *p)
{
    char frac[128], pct[32];
    mpz_t v;
    mpq_t kept;
    json_t *row;
    int has_kept;

    mpz_init(v);
    mpq_init(kept);
    row = json_pack("{s:o, s:o, s:o, s:o}", "wage", point_amount(v, p, RFY_WHATIF_WAGE), "payment",
                    point_amount(v, p, RFY_WHATIF_PAYMENT), "deductions",
                    point_amount(v, p, RFY_WHATIF_DEDUCTIONS), "total",
                    point_amount(v, p, RFY_WHATIF_TOTAL));
    has_kept = rfy_whatif_point_kept(kept, p);
    if (!row)
        goto oom;
    if (has_kept && rfy_whatif_kept_text(frac, sizeof frac, pct, sizeof pct, kept, '.') == 0) {
        if (json_object_set_new(row, "kept_of_last_krone", json_string(frac)) != 0 ||
            json_object_set_new(row, "kept_of_last_krone_pct", json_string(pct)) != 0)
            goto oom;
    } else if (json_object_set_new(row, "kept_of_last_krone", json_null()) != 0 ||
               json_object_set_new(row, "kept_of_last_krone_pct", json_null()) != 0) {
        goto oom;
    }
    if (a->by_hours && json_object_set_new(row, "hours", point_amount(v, p, RFY_WHATIF_HOURS)) != 0)
        goto oom;
    mpz_clear(v);
    mpq_clear(kept);
    return row;
oom:
    json_decref(row);
    mpz_clear(v);
    mpq_clear(kept);
    return NULL;
}

json_t *whatif_answer_json(const whatif_answer *a, const rfy_rates *rates)
{
    json_t *rows = json_array(), *root = NULL, *segs;

    if (!rows)
        return NULL;
    for (size_t i = 0; i < rfy_whatif_table_count(a->table); i++)
        if (json_array_append_new(rows, row_json(a, rfy_whatif_table_point(a->table, i))) != 0) {
            json_decref(rows);
            return NULL;
        }
    /* the wage rule's pieces: up to T at low_pct, above T at high_pct */
    segs = json_pack("[{s:s, s:o, s:i, s:s}, {s:o, s:n, s:i, s:s}]", "from", "0.00", "to",
                     amount(a->threshold), "deduction_pct", (int)a->rule.low_pct, "ref",
                     a->rule.wage_ref, "from", amount(a->threshold), "to", "deduction_pct",
                     (int)a->rule.high_pct, "ref", a->rule.wage_ref);
    root = json_pack("{s:o, s:o, s:o, s:o, s:s}", "break_even_wage", amount(a->be_wage), "threshold",
                     amount(a->threshold), "segments", segs, "rows", rows, "rates_id",
                     rfy_rates_id(rates));
    if (!root)
        return NULL;
    if (a->rule.holiday_ref && json_object_set_new(root, "holiday_ref", json_string(a->rule.holiday_ref)))
        goto oom;
    if (a->by_hours && (json_object_set_new(root, "break_even_hours", amount(a->be_hours)) != 0 ||
                        json_object_set_new(root, "hourly_wage", json_string(a->hourly)) != 0))
        goto oom;
    return root;
oom:
    json_decref(root);
    return NULL;
}
