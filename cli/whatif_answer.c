/* The what-if answer: computed by the engine, written as JSON (whatif_answer.h). */
#include <stdlib.h>
#include <string.h>

#include "whatif_answer.h"

void whatif_answer_init(whatif_answer *a)
{
    memset(a, 0, sizeof *a);
    rfy_break_even_init(&a->be);
}

int whatif_answer_compute(whatif_answer *a, const rfy_rates *rates, const rfy_case *c,
                          const rfy_whatif_range *range, size_t npoints, rfy_error *err)
{
    int rc;
    a->by_hours = range->by_hours;
    if (range->by_hours && rfy_money_format(a->hourly, sizeof a->hourly, range->hourly, '.') < 0)
        return RFY_ENOMEM;
    if (!(a->pts = calloc(npoints ? npoints : 1, sizeof *a->pts)))
        return RFY_ENOMEM;
    a->npoints = npoints;
    for (size_t i = 0; i < npoints; i++)
        rfy_whatif_point_init(&a->pts[i]);
    if ((rc = rfy_break_even_wage(&a->be, rates, c, err)) != RFY_OK)
        return rc;
    if (range->by_hours)
        rfy_break_even_hours(a->be.hours, a->be.wage, range->hourly);
    return rfy_whatif_table(a->pts, npoints, rates, c, range, err);
}

void whatif_answer_clear(whatif_answer *a)
{
    for (size_t i = 0; a->pts && i < a->npoints; i++)
        rfy_whatif_point_clear(&a->pts[i]);
    free(a->pts);
    a->pts = NULL;
    a->npoints = 0;
    rfy_break_even_clear(&a->be);
}

/* øre (or hundredths of an hour) as "1234.56"; NULL when memory runs out */
static json_t *amount(const mpz_t v)
{
    char buf[64];
    if (rfy_money_format(buf, sizeof buf, v, '.') < 0)
        return NULL;
    return json_string(buf);
}

static json_t *row_json(const whatif_answer *a, const rfy_whatif_point *p)
{
    char frac[128], pct[32];
    json_t *row = json_pack("{s:o, s:o, s:o, s:o}", "wage", amount(p->wage), "payment",
                            amount(p->payment), "deductions", amount(p->deductions), "total",
                            amount(p->total));
    if (!row)
        return NULL;
    if (p->has_kept && rfy_whatif_kept_text(frac, sizeof frac, pct, sizeof pct, p->kept, '.') == 0) {
        if (json_object_set_new(row, "kept_of_last_krone", json_string(frac)) != 0 ||
            json_object_set_new(row, "kept_of_last_krone_pct", json_string(pct)) != 0)
            goto oom;
    } else if (json_object_set_new(row, "kept_of_last_krone", json_null()) != 0 ||
               json_object_set_new(row, "kept_of_last_krone_pct", json_null()) != 0) {
        goto oom;
    }
    if (a->by_hours && json_object_set_new(row, "hours", amount(p->hours)) != 0)
        goto oom;
    return row;
oom:
    json_decref(row);
    return NULL;
}

json_t *whatif_answer_json(const whatif_answer *a, const rfy_rates *rates)
{
    json_t *rows = json_array(), *root = NULL, *segs;

    if (!rows)
        return NULL;
    for (size_t i = 0; i < a->npoints; i++)
        if (json_array_append_new(rows, row_json(a, &a->pts[i])) != 0) {
            json_decref(rows);
            return NULL;
        }
    /* the wage rule's pieces: up to T at low_pct, above T at high_pct */
    segs = json_pack("[{s:s, s:o, s:i, s:s}, {s:o, s:n, s:i, s:s}]", "from", "0.00", "to",
                     amount(a->be.threshold), "deduction_pct", (int)a->be.low_pct, "ref",
                     a->be.wage_ref, "from", amount(a->be.threshold), "to", "deduction_pct",
                     (int)a->be.high_pct, "ref", a->be.wage_ref);
    root = json_pack("{s:o, s:o, s:o, s:o, s:s}", "break_even_wage", amount(a->be.wage), "threshold",
                     amount(a->be.threshold), "segments", segs, "rows", rows, "rates_id",
                     rfy_rates_id(rates));
    if (!root)
        return NULL;
    if (a->be.holiday_ref && json_object_set_new(root, "holiday_ref", json_string(a->be.holiday_ref)))
        goto oom;
    if (a->by_hours && (json_object_set_new(root, "break_even_hours", amount(a->be.hours)) != 0 ||
                        json_object_set_new(root, "hourly_wage", json_string(a->hourly)) != 0))
        goto oom;
    return root;
oom:
    json_decref(root);
    return NULL;
}
