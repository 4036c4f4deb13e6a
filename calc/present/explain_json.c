/*
 * rfy__explain_json(): one computed case-month as a JSON object (jansson).
 *
 * Formats the rfy_result and the engine's explanation trace (rfy/explain.h):
 * no rule arithmetic, no choice of legal reference.  Its texts are Danish;
 * programs get it as text from rfy_explain_json() (explain_api.c).  Money is never a JSON number: every amount is a string
 * with two decimals and '.', and an exact value that is not whole øre also
 * carries its fraction "num/den" in øre, so a reader can redo the arithmetic
 * without any floating point.
 */
#include <stdio.h>
#include <string.h>

#include "explain_render.h"

/* Attach v to obj under key; 1 on failure (v NULL or no memory), else 0.
 * Steals v either way, as json_object_set_new() does. */
static int put(json_t *obj, const char *key, json_t *v)
{
    if (!v)
        return 1;
    return json_object_set_new(obj, key, v) != 0;
}

/* Append v to arr; same conventions as put(). */
static int push(json_t *arr, json_t *v)
{
    if (!v)
        return 1;
    return json_array_append_new(arr, v) != 0;
}

/* Øre as "2022.35". */
static json_t *money_z(const mpz_t ore)
{
    char buf[64];
    if (rfy_money_format(buf, sizeof buf, ore, '.') < 0)
        return NULL;
    return json_string(buf);
}

/* Øre, or null when absent. */
static json_t *money_z_or_null(int present, const mpz_t ore)
{
    return present ? money_z(ore) : json_null();
}

/* An exact value in øre as "num/den" (GMP's canonical fraction). */
static json_t *fraction(const mpq_t q)
{
    void (*freefn)(void *, size_t);
    char *s = mpq_get_str(NULL, 10, q);
    json_t *v;

    if (!s)
        return NULL;
    v = json_string(s);
    mp_get_memory_functions(NULL, NULL, &freefn);
    freefn(s, strlen(s) + 1);
    return v;
}

/*
 * An exact value in øre: obj[key] = the value rounded half away from zero to
 * whole øre ("9188.06"; display, as rules.md §5 rounds a column once), and,
 * when it is not whole øre, obj[key + "_exact"] = "num/den" in øre.
 */
static int put_q(json_t *obj, const char *key, const mpq_t q)
{
    char name[64];
    mpz_t ore;
    int bad;

    mpz_init(ore);
    rfy_round_half_away(ore, q, 1);
    bad = put(obj, key, money_z(ore));
    mpz_clear(ore);
    if (mpz_cmp_ui(mpq_denref(q), 1) != 0) {
        snprintf(name, sizeof name, "%s_exact", key);
        bad |= put(obj, name, fraction(q));
    }
    return bad;
}

/* obj[key] = "num/den" only when q is not whole øre (the unrounded value of
 * an amount that was rounded once). */
static int put_exact(json_t *obj, const char *key, const mpq_t q)
{
    if (mpz_cmp_ui(mpq_denref(q), 1) == 0)
        return 0;
    return put(obj, key, fraction(q));
}

static json_t *date_json(const rfy_date *d)
{
    char buf[11];
    rfy_date_format(buf, d);
    return json_string(buf);
}

/* Day `day` of the result's month as "YYYY-MM-DD". */
static json_t *day_json(rfy_month m, int day)
{
    rfy_date d = {RFY_MONTH_YEAR(m), RFY_MONTH_NUM(m), day};
    return date_json(&d);
}

static const char *basis_name(rfy_level_basis b)
{
    switch (b) {
    case RFY_BASIS_STK2: return "stk2";
    case RFY_BASIS_SYGEDAGPENGE: return "sygedagpenge";
    case RFY_BASIS_SDP_FLOOR: return "sygedagpenge_floor";
    case RFY_BASIS_LEDIGHED: return "ledighedsydelse";
    case RFY_BASIS_LEDIGHED_FLOOR: return "ledighedsydelse_floor";
    }
    return "unknown";
}

/* The input as given (batch column names), defaults resolved to null/0. */
static json_t *input_echo(const char *case_id, const rfy_case *in)
{
    json_t *o = json_object();
    char m[8];
    int bad = 0;

    if (!o)
        return NULL;
    rfy_month_format(m, in->month);
    bad |= put(o, "case_id", case_id ? json_string(case_id) : json_null());
    bad |= put(o, "month", json_string(m));
    bad |= put(o, "category", json_string(rfy_category_name(in->category)));
    bad |= put(o, "forloeb", json_string(rfy_forloeb_name(in->forloeb)));
    bad |= put(o, "start", in->start_day ? day_json(in->month, in->start_day) : json_null());
    bad |= put(o, "end", in->end_day ? day_json(in->month, in->end_day) : json_null());
    bad |= put(o, "children", json_integer(in->children));
    bad |= put(o, "child_support", money_z_or_null(in->has_child_support, in->child_support));
    bad |= put(o, "prior", json_string(rfy_prior_name(in->prior)));
    bad |= put(o, "prior_amount", money_z_or_null(in->prior != RFY_PRIOR_NONE, in->prior_amount));
    bad |= put(o, "prior_unit",
               in->prior == RFY_PRIOR_NONE ? json_null()
                                           : json_string(in->prior_unit == RFY_PER_WEEK ? "week"
                                                                                        : "month"));
    bad |= put(o, "prior_until", in->has_prior_until ? date_json(&in->prior_until) : json_null());
    bad |= put(o, "wage", money_z(in->wage));
    bad |= put(o, "holiday_pay", money_z(in->holiday_pay));
    /* feriedage and hours are held in hundredths, like øre: same two-decimal text */
    bad |= put(o, "holiday_days", money_z(in->holiday_days));
    bad |= put(o, "activation_income", money_z(in->activation_income));
    bad |= put(o, "activation_hours", money_z(in->activation_hours));
    bad |= put(o, "other_income", money_z(in->other_income));
    bad |= put(o, "sanction_days", json_integer(in->sanction_days));
    bad |= put(o, "sanction_amount", money_z(in->sanction_amount));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* nr. 4 detail: u25 level + tillæg, capped at the forsørger level. */
static int level_nr4(json_t *level, const rfy_case *in, const rfy_result *res)
{
    const rfy_rate_value *base = res->rate[RFY_RATE_U25_HJEMME];
    const rfy_rate_value *cap = res->rate[RFY_RATE_U25_BIDRAG_MAX];
    const rfy_rate_value *nb = res->rate[RFY_RATE_NORMALBIDRAG];
    json_t *o = json_object();
    int bad = 0;

    if (!o)
        return 1;
    bad |= put(o, "u25_level", base ? money_z(base->amount) : json_null());
    bad |= put(o, "children", json_integer(in->children));
    bad |= put(o, "normalbidrag", nb ? money_z(nb->amount) : json_null());
    bad |= put(o, "child_support", money_z_or_null(in->has_child_support, in->child_support));
    bad |= put_q(o, "tillaeg", res->tillaeg);
    bad |= put(o, "cap", cap ? money_z(cap->amount) : json_null());
    bad |= put(o, "capped", json_boolean(res->tillaeg_capped));
    return bad | put(level, "nr4", o);
}

/* § 68 stk. 4/5 detail: the hidtidige ydelse, its monthly amount, the floor. */
static int level_prior(json_t *level, const rfy_case *in, const rfy_result *res,
                       const rfy_explanation *e)
{
    json_t *o = json_object();
    char conv[24];
    int bad = 0;

    if (!o)
        return 1;
    snprintf(conv, sizeof conv, "%u/%u", e->week_to_month_num, e->week_to_month_den);
    bad |= put(o, "kind", json_string(rfy_prior_name(in->prior)));
    bad |= put(o, "legal_ref", json_string(e->prior_ref));
    bad |= put(o, "amount", money_z(in->prior_amount));
    bad |= put(o, "unit", json_string(in->prior_unit == RFY_PER_WEEK ? "week" : "month"));
    bad |= put(o, "conversion", in->prior_unit == RFY_PER_WEEK ? json_string(conv) : json_null());
    bad |= put_q(o, "monthly", res->prior_monthly);
    bad |= put(o, "until", in->has_prior_until ? date_json(&in->prior_until) : json_null());
    bad |= put_q(o, "floor", res->stk2_level);
    bad |= put(o, "above_floor", json_boolean(e->prior_above_floor));
    return bad | put(level, "prior", o);
}

static json_t *level_json(const rfy_case *in, const rfy_result *res, const rfy_explanation *e)
{
    json_t *o = json_object(), *basis = json_array();
    int bad = !o || !basis;

    for (int i = 0; !bad && i < res->nsegments; i++)
        bad |= push(basis, json_string(basis_name(res->seg[i].basis)));
    if (!bad) {
        bad |= put(o, "ref", json_string(res->level_ref));
        bad |= put(o, "basis", basis);
        basis = NULL;
        bad |= put(o, "stk2_ref", json_string(e->stk2_ref));
        bad |= put_q(o, "stk2_level", res->stk2_level);
        if (in->category == RFY_CAT_U25_HJEMME_BIDRAG)
            bad |= level_nr4(o, in, res);
        if (in->prior != RFY_PRIOR_NONE)
            bad |= level_prior(o, in, res, e);
    }
    json_decref(basis);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *segments_json(const rfy_result *res)
{
    json_t *arr = json_array();
    int bad = !arr;

    for (int i = 0; !bad && i < res->nsegments; i++) {
        const rfy_segment *s = &res->seg[i];
        json_t *o = json_object();
        if (!o) {
            bad = 1;
            break;
        }
        bad |= put(o, "first_day", day_json(res->month, s->first_day));
        bad |= put(o, "last_day", day_json(res->month, s->last_day));
        bad |= put(o, "days", json_integer(s->days));
        bad |= put(o, "days_in_month", json_integer(res->days_in_month));
        bad |= put(o, "ref", json_string(s->level_ref));
        bad |= put(o, "basis", json_string(basis_name(s->basis)));
        bad |= put_q(o, "level", s->level);
        bad |= put_q(o, "amount", s->amount);
        bad |= push(arr, o);
    }
    if (bad) {
        json_decref(arr);
        return NULL;
    }
    return arr;
}

static json_t *rates_json(const rfy_result *res, const rfy_rates *rates)
{
    json_t *arr = json_array();
    int bad = !arr;

    for (int k = 0; !bad && k < RFY_RATE_KEY_COUNT; k++) {
        const rfy_rate_value *v = res->rate[k];
        json_t *o;
        char where[64];
        if (!v)
            continue;
        if (!(o = json_object())) {
            bad = 1;
            break;
        }
        snprintf(where, sizeof where, "%s:%lu", v->file ? v->file : "", v->line);
        bad |= put(o, "key", json_string(rfy_rate_key_name(v->key)));
        bad |= put(o, "amount", money_z(v->amount));
        bad |= put(o, "unit", json_string(rfy_rate_key_unit(v->key)));
        bad |= put(o, "effective_from", date_json(&v->from));
        bad |= put(o, "effective_to", date_json(&v->to));
        bad |= put(o, "provenance", json_string(rfy_provenance_name(v->provenance)));
        bad |= put(o, "legal_ref", json_string(v->legal_ref ? v->legal_ref : ""));
        bad |= put(o, "source", json_string(v->source ? v->source : ""));
        {
            /* the source for a person, in Danish (rfy_rate_source_text): what the page shows */
            char shown[512];
            rfy_rate_source_text(shown, sizeof shown, v, rates, RFY_LANG_DA);
            bad |= put(o, "source_text", json_string(shown));
            /* the law the key belongs to, as the engine names it ("§ 68 stk. 2 nr. 4") */
            bad |= put(o, "legal_ref_text", json_string(rfy_rate_key_law(v->key)));
        }
        bad |= put(o, "table", json_string(where));
        bad |= push(arr, o);
    }
    if (bad) {
        json_decref(arr);
        return NULL;
    }
    return arr;
}

static json_t *deduction_wage(const rfy_case *in, const rfy_result *res, const rfy_explanation *e)
{
    const rfy_rate_value *t = res->rate[RFY_RATE_WAGE_THRESHOLD];
    json_t *o = json_object();
    int bad = !o;

    if (bad)
        return NULL;
    bad |= put(o, "kind", json_string("wage"));
    bad |= put(o, "amount", money_z(res->wage_deduction));
    bad |= put(o, "legal_ref", json_string(res->wage_ref));
    bad |= put(o, "rule", json_string(e->wage_rule));
    bad |= put(o, "wage", money_z(in->wage));
    bad |= put(o, "threshold", t ? money_z(t->amount) : json_null());
    if (t) {
        bad |= put_q(o, "part_30", e->wage.part_low);
        bad |= put_q(o, "part_55", e->wage.part_high);
    }
    /* the rule's percentages and, under 30/55 in ressourceforløb, its last
     * month: the engine's, so that no front end writes them itself */
    bad |= put(o, "low_pct", json_integer((json_int_t)e->wage_low_pct));
    bad |= put(o, "high_pct", json_integer((json_int_t)e->wage_high_pct));
    if (e->wage_rule_last_month) {
        char m[8];
        rfy_month_format(m, e->wage_rule_last_month);
        bad |= put(o, "rule_last_month", json_string(m));
    } else
        bad |= put(o, "rule_last_month", json_null());
    bad |= put_exact(o, "amount_exact", res->wage_exact);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *deduction_holiday(const rfy_case *in, const rfy_result *res,
                                 const rfy_explanation *e)
{
    json_t *o = json_object();
    int bad = !o;

    if (bad)
        return NULL;
    bad |= put(o, "kind", json_string("holiday"));
    bad |= put(o, "amount", money_z(res->holiday_deduction));
    bad |= put(o, "legal_ref", json_string(res->holiday_ref));
    bad |= put(o, "holiday_pay", money_z(in->holiday_pay));
    bad |= put(o, "holiday_days", money_z(in->holiday_days));
    bad |= put_q(o, "calendar_days", e->holiday_calendar_days);
    bad |= put_q(o, "deduction_without", e->wage.total);
    bad |= put_q(o, "deduction_with", e->wage_holiday.total);
    bad |= put_q(o, "uncapped", res->holiday_uncapped);
    bad |= put_q(o, "cap", res->holiday_cap);
    bad |= put(o, "capped", json_boolean(res->holiday_capped));
    bad |= put_exact(o, "amount_exact", res->holiday_exact);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *deduction_activation(const rfy_case *in, const rfy_result *res,
                                    const rfy_explanation *e)
{
    const rfy_rate_value *h = res->rate[RFY_RATE_HOUR_DISREGARD];
    json_t *o = json_object();
    int bad = !o;

    if (bad)
        return NULL;
    bad |= put(o, "kind", json_string("activation"));
    bad |= put(o, "amount", money_z(res->activation_deduction));
    bad |= put(o, "legal_ref", json_string(res->activation_ref));
    bad |= put(o, "income", money_z(in->activation_income));
    bad |= put(o, "hours", money_z(in->activation_hours));
    bad |= put(o, "hours_counted", money_z(e->hours_counted));
    bad |= put(o, "hourly_disregard", h ? money_z(h->amount) : json_null());
    bad |= put_q(o, "disregard", res->activation_disregard);
    bad |= put_exact(o, "amount_exact", res->activation_exact);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *deduction_other(const rfy_case *in, const rfy_result *res)
{
    json_t *o = json_object();
    int bad = !o;

    if (bad)
        return NULL;
    bad |= put(o, "kind", json_string("other"));
    bad |= put(o, "amount", money_z(res->other_deduction));
    bad |= put(o, "legal_ref", json_string(res->other_ref));
    bad |= put(o, "other_income", money_z(in->other_income));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/*
 * rules.md §9: the sanctions the kommune decided.  The periodesanktion is
 * days × the amount a day; the amount a day is the level × 12 / 260 rounded
 * to whole kroner ("day_rule"), taken from the rate table for nr. 1–3
 * ("day_source": "rate_table") or computed from the person's own nr. 4 level
 * ("own_nr4_level").  The punktsanktion is as decided.
 */
static json_t *deduction_sanction(const rfy_case *in, const rfy_result *res,
                                  const rfy_explanation *e)
{
    json_t *o = json_object();
    char rule[64];
    int bad = !o;

    if (bad)
        return NULL;
    bad |= put(o, "kind", json_string("sanction"));
    bad |= put(o, "amount", money_z(res->sanction_deduction));
    bad |= put(o, "legal_ref", json_string(res->sanction_period_ref));
    bad |= put(o, "days", json_integer(in->sanction_days));
    if (in->sanction_days > 0 && e->sanction_day_per_row) {
        /* several period rows at different levels: no single amount a day */
        snprintf(rule, sizeof rule, "round(level × %u / %u) to whole kroner, per period row",
                 e->sanction_day_num, e->sanction_day_den);
        bad |= put(o, "day_amount", json_null());
        bad |= put(o, "day_rule", json_string(rule));
        bad |= put(o, "day_num", json_integer((json_int_t)e->sanction_day_num));
        bad |= put(o, "day_den", json_integer((json_int_t)e->sanction_day_den));
    } else if (in->sanction_days > 0) {
        snprintf(rule, sizeof rule, "round(level × %u / %u) to whole kroner", e->sanction_day_num,
                 e->sanction_day_den);
        bad |= put(o, "day_amount", money_z(res->sanction_day_amount));
        bad |= put(o, "day_rule", json_string(rule));
        bad |= put(o, "day_num", json_integer((json_int_t)e->sanction_day_num));
        bad |= put(o, "day_den", json_integer((json_int_t)e->sanction_day_den));
        bad |= put(o, "day_source",
                   json_string(e->sanction_day_own_nr4 ? "own_nr4_level" : "rate_table"));
        bad |= put_q(o, "day_level", e->sanction_day_level);
        bad |= put_exact(o, "day_exact", e->sanction_day_exact);
    } else {
        bad |= put(o, "day_amount", json_null());
    }
    bad |= put(o, "period_amount", money_z(res->sanction_period));
    bad |= put(o, "point_amount", money_z(res->sanction_point));
    bad |= put(o, "point_legal_ref", json_string(res->sanction_point_ref));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The exact Σ of the segment amounts, when it is not whole øre (the gross is
 * that sum rounded once). */
static int gross_exact(json_t *root, const rfy_explanation *e)
{
    if (mpz_cmp_ui(mpq_denref(e->gross_exact), 1) == 0)
        return 0;
    return put(root, "gross_exact", fraction(e->gross_exact));
}

/* "warnings": [{"code": "derived_rate", "detail": "..."}], empty when none;
 * the detail names the value the warning rests on (rfy_warning_detail). */
static json_t *warnings_json(const rfy_result *res, const rfy_hints *hints)
{
    json_t *a = json_array();
    int bad = !a;
    for (unsigned bit = 1; !bad && (bit & RFY_WARN_ALL); bit <<= 1) {
        char detail[320], hinted[320];
        json_t *o;
        if (!(res->warnings & bit))
            continue;
        o = json_object();
        bad = !o || put(o, "code", json_string(rfy_warning_code((rfy_warning)bit)));
        if (!bad && rfy_warning_detail(detail, sizeof detail, (rfy_warning)bit, res) >= 0) {
            rfy_hints_apply(hinted, sizeof hinted, detail, hints); /* "rfy rates show" */
            bad = put(o, "detail", json_string(hinted));
        }
        /* the same in Danish, for a person (the page, docs/preview.md) */
        if (!bad && rfy_warning_detail_lang(detail, sizeof detail, (rfy_warning)bit, res, RFY_LANG_DA) >= 0)
            bad = put(o, "detail_da", json_string(detail));
        bad |= push(a, o);
    }
    if (bad) {
        json_decref(a);
        return NULL;
    }
    return a;
}

/* "notes": what the caseworker should know about the month (no effect on the amount). */
static json_t *notes_json(const rfy_explanation *e)
{
    json_t *a = json_array();
    char note[320], from[8];
    if (a && e->no_new_forloeb_ref) {
        rfy_month_format(from, e->no_new_forloeb_from);
        snprintf(note, sizeof note,
                 "no_new_ressourceforloeb: from %s-01 no new ressourceforløb can start (%s); "
                 "running courses continue under the former %s and are computed as before",
                 from, e->no_new_forloeb_ref, e->forloeb_ref);
        if (push(a, json_string(note))) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

json_t *rfy__explain_json(const char *case_id, const rfy_case *in, const rfy_result *res,
                     const rfy_rates *rates, const rfy_hints *hints)
{
    json_t *root = json_object(), *engine = json_object(), *ded = json_array();
    rfy_explanation e;
    char m[8];
    int bad = !root || !engine || !ded;

    rfy_explanation_init(&e);
    if (bad)
        goto done;
    rfy_explain(&e, in, res);
    rfy_month_format(m, res->month);
    bad |= put(engine, "name", json_string("rfy"));
    bad |= put(engine, "version", json_string(RFY_VERSION));
    /* the five deductions always, in batch column order, so their amounts
     * add up to total_deduction without a lookup */
    bad |= push(ded, deduction_wage(in, res, &e));
    bad |= push(ded, deduction_holiday(in, res, &e));
    bad |= push(ded, deduction_activation(in, res, &e));
    bad |= push(ded, deduction_other(in, res));
    bad |= push(ded, deduction_sanction(in, res, &e));

    bad |= put(root, "schema_version", json_integer(EXPLAIN_JSON_SCHEMA_VERSION));
    bad |= put(root, "engine", engine);
    engine = NULL;
    bad |= put(root, "input", input_echo(case_id, in));
    bad |= put(root, "month", json_string(m));
    bad |= put(root, "category", json_string(rfy_category_name(in->category)));
    bad |= put(root, "forloeb", json_string(rfy_forloeb_name(in->forloeb)));
    bad |= put(root, "days_in_month", json_integer(res->days_in_month));
    bad |= put(root, "days", json_integer(res->days));
    bad |= put(root, "level", level_json(in, res, &e));
    bad |= put(root, "segments", segments_json(res));
    bad |= put(root, "rates", rates_json(res, rates));
    bad |= put(root, "deductions", ded);
    ded = NULL;
    bad |= put(root, "gross", money_z(res->gross));
    bad |= gross_exact(root, &e);
    bad |= put(root, "total_deduction", money_z(res->total_deduction));
    bad |= put(root, "payment", money_z(res->payment));
    bad |= put(root, "provenance", json_string(rfy_provenance_name(res->provenance)));
    bad |= put(root, "rates_id", json_string(rfy_rates_id(rates)));
    bad |= put(root, "warnings", warnings_json(res, hints));
    bad |= put(root, "notes", notes_json(&e));
    if (res->holiday.status != RFY_HOLIDAY_NONE)
        bad |= put(root, "holiday", rfy__explain_holiday_json(in, res));

done:
    rfy_explanation_clear(&e);
    json_decref(engine);
    json_decref(ded);
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}
