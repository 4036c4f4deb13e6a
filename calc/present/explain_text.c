/*
 * rfy__explain_text(): one computed case-month explained in Danish (or English) for a
 * caseworker.  Formats the rfy_result and the engine's explanation trace
 * (rfy/explain.h) only: no rule arithmetic and no choice of legal reference
 * here; every amount paid is one of the
 * result's rounded columns, so the printed lines add up (gross − total =
 * payment, or 0).
 *
 * How numbers are shown:
 *   - whole øre: "16.382,00" (rfy_money_format_da);
 *   - an exact intermediate that ends within four decimals of a krone
 *     (30 %/55 % parts, hourly disregards): all its decimals, "2.022,3555";
 *   - an exact intermediate that does not end (52/12, ÷ days in month):
 *     cut to øre and marked "…" when standing alone, "≈" + the value
 *     rounded to øre when it is the result of a calculation.
 */
#include <stdio.h>
#include <string.h>

#include "explain_render.h"

/* Every word of the explanation, Danish or (lang RFY_LANG_EN) English, side by
 * side; names of categories, months, rates and units come from the engine. */
#define T(da, en) (lang == RFY_LANG_EN ? (en) : (da))

#define NUM 64 /* room for one formatted number */

/* ---- numbers ------------------------------------------------------------ */

/* Øre as "16.382,00". */
static const char *da_z(char *buf, const mpz_t ore)
{
    if (rfy_money_format_da(buf, NUM, ore) < 0)
        snprintf(buf, NUM, "?");
    return buf;
}

/* An exact value: all its decimals ("2.022,3555"); *cut set when it does not
 * end within four decimals (then cut to øre and "…").  Not inlined: GCC would
 * then bound the text by NUM and warn (-Wformat-truncation) at every line
 * that joins several such values into a buffer the caller sized for them. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static const char *da_exact(char *buf, const mpq_t q, int *cut)
{
    if (rfy_q_format_da_exact(buf, NUM, q, cut) < 0)
        snprintf(buf, NUM, "?");
    return buf;
}

/* A value standing alone: exact if it terminates, else cut to øre and "…". */
static const char *da_q(char *buf, const mpq_t q)
{
    return da_exact(buf, q, NULL);
}

/*
 * The result of a calculation whose amount is `rounded` (the exact value
 * rounded once to øre): "= 2.022,35", "= 2.022,3555 ≈ 2.022,36", or
 * "≈ 5.752,13" when the exact value does not end.
 */
static const char *da_result(char *buf, size_t size, const mpq_t exact, const mpz_t rounded)
{
    char a[NUM], b[NUM];
    const char *text;
    int cut;
    if (mpz_cmp_ui(mpq_denref(exact), 1) == 0)
        snprintf(buf, size, "= %s", da_z(a, rounded));
    else if (text = da_exact(a, exact, &cut), !cut)
        snprintf(buf, size, "= %s ≈ %s", text, da_z(b, rounded));
    else
        snprintf(buf, size, "≈ %s", da_z(b, rounded));
    return buf;
}

/* As da_result() for an intermediate value, rounded here for display only. */
static const char *da_result_q(char *buf, size_t size, const mpq_t exact)
{
    mpz_t r;
    mpz_init(r);
    rfy_round_half_away(r, exact, 1);
    da_result(buf, size, exact, r);
    mpz_clear(r);
    return buf;
}

/* A count held in hundredths (feriedage, hours, calendar days), exact:
 * "10", "2,5", "4,2", "0,014". */
static const char *da_count(char *buf, const mpq_t hundredths)
{
    size_t n;
    da_q(buf, hundredths);
    n = strlen(buf);
    if (!strchr(buf, ',') || (n >= 3 && strcmp(buf + n - 3, "…") == 0))
        return buf;
    while (n > 0 && buf[n - 1] == '0')
        buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == ',')
        buf[--n] = '\0';
    return buf;
}

static const char *da_count_z(char *buf, const mpz_t hundredths)
{
    mpq_t q;
    mpq_init(q);
    mpq_set_z(q, hundredths);
    da_count(buf, q);
    mpq_clear(q);
    return buf;
}

/* ---- words -------------------------------------------------------------- */

/* A legal reference as Danish prose writes it: "§ 68 a stk. 2" → "§ 68 a, stk. 2". */
static const char *da_ref(char *buf, size_t size, const char *ref)
{
    size_t o = 0;
    for (const char *p = ref; *p && o + 2 < size; p++) {
        if (*p == ' ' && (strncmp(p, " stk.", 5) == 0 || strncmp(p, " nr.", 4) == 0) && o > 0 &&
            buf[o - 1] != ',')
            buf[o++] = ',';
        buf[o++] = *p;
    }
    buf[o] = '\0';
    return buf;
}

/* "14. maj 2024" */
static const char *da_date(char *buf, size_t size, const rfy_date *d, rfy_lang lang)
{
    snprintf(buf, size, T("%d. %s %d", "%d %s %d"), d->day, rfy_month_name(d->month, lang), d->year);
    return buf;
}

/* "1.–14. maj", "14. maj" */
static const char *day_range(char *buf, size_t size, rfy_month m, int first, int last, rfy_lang lang)
{
    const char *name = rfy_month_name(RFY_MONTH_NUM(m), lang);
    if (first == last)
        snprintf(buf, size, T("%d. %s", "%d %s"), first, name);
    else
        snprintf(buf, size, T("%d.–%d. %s", "%d–%d %s"), first, last, name);
    return buf;
}

/*
 * The wage rule W(x) written out from the engine's parts: "55 % af (20.000,00
 * − 16.323,00)", "30 % af 16.323,00 + 55 % af (…) = 4.896,90 + 2.022,35".
 */
static const char *wage_expr(char *buf, size_t size, const rfy_wage_parts *w, const mpz_t t,
                             int only_55, const rfy_explanation *e, rfy_lang lang)
{
    char sx[NUM], st[NUM], s30[NUM], s55[NUM];

    da_z(sx, w->income);
    da_z(st, t);
    if (only_55 && w->above_threshold)
        snprintf(buf, size, T("%u %% af (%s − %s)", "%u %% of (%s − %s)"), e->wage_high_pct, sx, st);
    else if (only_55)
        snprintf(buf, size, T("%u %% af max(0; %s − %s)", "%u %% of max(0; %s − %s)"), e->wage_high_pct, sx, st);
    else if (w->above_threshold)
        snprintf(buf, size, T("%u %% af %s + %u %% af (%s − %s) = %s + %s", "%u %% of %s + %u %% of (%s − %s) = %s + %s"), e->wage_low_pct, st,
                 e->wage_high_pct, sx, st, da_q(s30, w->part_low), da_q(s55, w->part_high));
    else
        snprintf(buf, size, T("%u %% af %s", "%u %% of %s"), e->wage_low_pct, sx);
    return buf;
}

/* ---- sections ------------------------------------------------------------ */

static void heading(FILE *out, const char *title, const char *case_id, const rfy_case *in,
                    const rfy_result *res, const rfy_explanation *e, rfy_lang lang)
{
    char from[NUM];
    int first = in->start_day ? in->start_day : 1;
    int last = in->end_day ? in->end_day : res->days_in_month;

    fprintf(out, "%s\n", title);
    if (case_id)
        fprintf(out, T("Sag:       %s\n", "Case:      %s\n"), case_id);
    fprintf(out, T("Måned:     %s %d\n", "Month:     %s %d\n"), rfy_month_name(RFY_MONTH_NUM(res->month), lang),
            RFY_MONTH_YEAR(res->month));
    fprintf(out, T("Kategori:  %s\n", "Category:  %s\n"), rfy_category_text(in->category, lang));
    fprintf(out, T("Forløb:    %s (%s)\n", "Course:    %s (%s)\n"),
            in->forloeb == RFY_FORLOEB_JOBAFKLARING ? "jobafklaringsforløb" : "ressourceforløb",
            e->forloeb_ref);
    fprintf(out, T("Ret til ydelse: %s (%d af %d dage)\n", "Entitled: %s (%d of %d days)\n"),
            day_range(from, sizeof from, res->month, first, last, lang), res->days,
            res->days_in_month);
    if (e->no_new_forloeb_ref)
        fprintf(out,
                T("Bemærk: fra 1. %s %d kan der ikke startes nye ressourceforløb (%s); forløb, der "
                  "allerede er i gang, fortsætter efter det hidtidige %s og beregnes som før.\n",
                  "Note: from 1 %s %d no new ressourceforløb can be started (%s); a forløb already "
                  "under way continues under the former %s and is computed as before.\n"),
                rfy_month_name(RFY_MONTH_NUM(e->no_new_forloeb_from), lang),
                RFY_MONTH_YEAR(e->no_new_forloeb_from), e->no_new_forloeb_ref, e->forloeb_ref);
}

/* § 68 stk. 2 nr. 4: u25 level + tillæg, at most the forsørger level. */
static void level_nr4(FILE *out, const rfy_case *in, const rfy_result *res,
                      const rfy_explanation *e, rfy_lang lang)
{
    const rfy_rate_value *base = res->rate[RFY_RATE_U25_HJEMME];
    const rfy_rate_value *cap = res->rate[RFY_RATE_U25_BIDRAG_MAX];
    const rfy_rate_value *nb = res->rate[RFY_RATE_NORMALBIDRAG];
    char ref[48], a[NUM], b[NUM], c[NUM], d[NUM];
    const char *barn = in->children == 1 ? T("barn", "child") : T("børn", "children");

    fprintf(out, "  %s (%s):\n", da_ref(ref, sizeof ref, e->stk2_ref), rfy_category_text(in->category, lang));
    if (base)
        fprintf(out, T("    grundbeløb efter %s: %s kr./md.\n", "    base amount under %s: %s kr./month\n"), da_ref(ref, sizeof ref, e->nr4_base_ref),
                da_z(a, base->amount));
    if (nb && !in->has_child_support) {
        fprintf(out, T("    tillæg: %d %s × normalbidrag %s = %s\n", "    supplement: %d %s × normalbidrag %s = %s\n"), in->children, barn,
                da_z(a, nb->amount), da_q(b, res->tillaeg));
    } else if (nb) {
        fprintf(out, T("    tillæg: min(dokumenteret bidrag %s; %d %s × normalbidrag %s = %s) = %s\n",
                        "    supplement: min(documented support %s; %d %s × normalbidrag %s = %s) = %s\n"),
                da_z(a, in->child_support), in->children, barn, da_z(b, nb->amount),
                da_z(c, e->tillaeg_all), da_q(d, res->tillaeg));
    } else {
        fprintf(out, T("    tillæg: dokumenteret bidrag %s (intet normalbidrag kendt for måneden)\n",
                        "    supplement: documented support %s (no normalbidrag known for the month)\n"),
                da_q(a, res->tillaeg));
    }
    if (base && cap) {
        fprintf(out, "    %s + %s = %s, ", da_z(a, base->amount), da_q(b, res->tillaeg),
                da_q(c, e->nr4_before_cap));
        if (res->tillaeg_capped)
            fprintf(out, T("over loftet %s (forsørgersatsen): loftet binder\n",
                            "above the cap %s (the forsørger rate): the cap applies\n"),
                    da_z(d, cap->amount));
        else
            fprintf(out, T("ikke over loftet %s (forsørgersatsen): loftet binder ikke\n",
                            "not above the cap %s (the forsørger rate): the cap does not apply\n"),
                    da_z(d, cap->amount));
    }
    fprintf(out, T("  Niveau efter %s: %s kr./md.\n", "  Level under %s: %s kr./month\n"), da_ref(ref, sizeof ref, e->stk2_ref),
            da_q(a, res->stk2_level));
}

/* § 68 stk. 4 / stk. 5: the hidtidige ydelse against the stk. 2 floor. */
static void level_prior(FILE *out, const rfy_case *in, const rfy_result *res,
                        const rfy_explanation *e, rfy_lang lang)
{
    int sdp = in->prior == RFY_PRIOR_SYGEDAGPENGE;
    char ref[48], pref[48], fref[48], a[NUM], b[NUM], c[NUM], r[NUM + 8], date[48];

    da_ref(ref, sizeof ref, e->stk2_ref);
    da_ref(pref, sizeof pref, e->prior_ref);
    if (in->prior_unit == RFY_PER_WEEK)
        fprintf(out, T("  %s: %s %s kr./uge × %u/%u %s kr./md.\n", "  %s: %s %s kr./week × %u/%u %s kr./month\n"), pref,
                sdp ? T("hidtidige sygedagpenge", "former sygedagpenge") : T("hidtidig ledighedsydelse", "former ledighedsydelse"),
                da_z(a, in->prior_amount), e->week_to_month_num, e->week_to_month_den,
                da_result_q(r, sizeof r, res->prior_monthly));
    else
        fprintf(out, T("  %s: %s %s kr./md.\n", "  %s: %s %s kr./month\n"), pref,
                sdp ? T("hidtidige sygedagpenge", "former sygedagpenge") : T("hidtidig ledighedsydelse", "former ledighedsydelse"),
                da_z(a, in->prior_amount));
    if (sdp && (res->warnings & RFY_WARN_SDP_ABOVE_DERIVED_MAX))
        fprintf(out, T("    (over det afledte højeste sygedagpengebeløb %s kr./uge × %u/%u, som ikke "
                       "er offentliggjort: beregnet alligevel; kontrollér beløbet)\n",
                       "    (above the derived highest sygedagpenge amount %s kr./week × %u/%u, "
                       "which is not published: computed all the same; check the amount)\n"),
                da_z(a, res->rate[RFY_RATE_SDP_MAX_WEEK]->amount), e->week_to_month_num,
                e->week_to_month_den);
    else if (sdp && res->rate[RFY_RATE_SDP_MAX_WEEK])
        fprintf(out, T("    (højst det %shøjeste sygedagpengebeløb %s kr./uge × %u/%u; det er overholdt)\n",
                       "    (at most the %shighest sygedagpenge amount %s kr./week × %u/%u; it is kept)\n"),
                res->rate[RFY_RATE_SDP_MAX_WEEK]->provenance == RFY_PROV_DERIVED ? T("afledte ", "derived ")
                                                                                 : "",
                da_z(a, res->rate[RFY_RATE_SDP_MAX_WEEK]->amount), e->week_to_month_num,
                e->week_to_month_den);
    else if (sdp)
        fputs(T("    (intet højeste sygedagpengebeløb kendt for måneden: beløbet er ikke kontrolleret)\n",
                "    (no highest sygedagpenge amount known for the month: the amount is not checked)\n"),
              out);
    else if (res->warnings & RFY_WARN_LY_ABOVE_DERIVED_MAX) {
        const rfy_rate_value *dp = res->rate[RFY_RATE_DAGPENGE_MAX_MONTH]
                                       ? res->rate[RFY_RATE_DAGPENGE_MAX_MONTH]
                                       : res->rate[RFY_RATE_DAGPENGE_MAX_WEEK];
        if (dp)
            fprintf(out, T("    (over det afledte højeste dagpengebeløb %s %s, som ikke er "
                           "offentliggjort: beregnet alligevel; kontrollér beløbet)\n",
                           "    (above the derived highest dagpenge amount %s %s, which is not "
                           "published: computed all the same; check the amount)\n"),
                    da_z(a, dp->amount), rfy_rate_unit_text(dp->key, lang));
    }
    if (e->prior_above_floor)
        fprintf(out, T("    %s er mere end niveauet efter %s (%s): den hidtidige ydelse er niveauet",
                       "    %s is more than the level under %s (%s): the former benefit is the level"),
                da_q(b, res->prior_monthly), ref, da_q(c, res->stk2_level));
    else
        fprintf(out,
                T("    %s er ikke mere end niveauet efter %s (%s): efter %s er niveauet mindst %s",
                  "    %s is not more than the level under %s (%s): under %s the level is at least %s"),
                da_q(b, res->prior_monthly), ref, da_q(c, res->stk2_level),
                da_ref(fref, sizeof fref, e->floor_ref), c);
    if (sdp)
        fprintf(out, T(" til og med %s; derefter niveauet efter %s.\n", " up to and including %s; then the level under %s.\n"),
                da_date(date, sizeof date, &in->prior_until, lang), ref);
    else
        fputs(T(" (stk. 5 har ingen slutdato).\n", " (stk. 5 has no end date).\n"), out);
}

static void level_section(FILE *out, const rfy_case *in, const rfy_result *res,
                          const rfy_explanation *e, rfy_lang lang)
{
    char ref[48], a[NUM];

    fputs(T("\nNiveau\n", "\nLevel\n"), out);
    if (in->category == RFY_CAT_U25_HJEMME_BIDRAG)
        level_nr4(out, in, res, e, lang);
    else
        fprintf(out, T("  %s (%s): %s kr./md.\n", "  %s (%s): %s kr./month\n"), da_ref(ref, sizeof ref, e->stk2_ref),
                rfy_category_text(in->category, lang), da_q(a, res->stk2_level));
    if (in->prior != RFY_PRIOR_NONE)
        level_prior(out, in, res, e, lang);
}

static void segments_section(FILE *out, const rfy_result *res, const rfy_explanation *e, rfy_lang lang)
{
    char days[48], ref[48], a[NUM], r[NUM + 8];

    fputs(T("\nDage med ret til ydelse\n", "\nDays with a right to the benefit\n"), out);
    for (int i = 0; i < res->nsegments; i++) {
        const rfy_segment *s = &res->seg[i];
        fprintf(out, T("  %s: %d %s à %s/%d %s (%s)\n", "  %s: %d %s at %s/%d %s (%s)\n"),
                day_range(days, sizeof days, res->month, s->first_day, s->last_day, lang), s->days,
                s->days == 1 ? T("dag", "day") : T("dage", "days"), da_q(a, s->level), res->days_in_month,
                da_result_q(r, sizeof r, s->amount), da_ref(ref, sizeof ref, s->level_ref));
    }
    /* the gross is the exact sum, rounded once: shown when that rounding did something */
    if (res->nsegments > 1 || mpz_cmp_ui(mpq_denref(e->gross_exact), 1) != 0)
        fprintf(out, T("  Bruttoydelse, summen afrundet én gang til hele øre: %s\n",
                       "  Gross benefit, the sum rounded once to whole øre: %s\n"),
                da_z(a, res->gross));
}

static void deduction_wage(FILE *out, const rfy_result *res, const rfy_explanation *e, rfy_lang lang)
{
    const rfy_rate_value *t = res->rate[RFY_RATE_WAGE_THRESHOLD];
    char expr[256], r[2 * NUM], ref[48], st[NUM];

    if (!t)
        return;
    wage_expr(expr, sizeof expr, &e->wage, t->amount, res->wage_55_only, e, lang);
    fprintf(out, T("  Løn: %s %s (%s)", "  Wage: %s %s (%s)"), expr,
            da_result(r, sizeof r, res->wage_exact, res->wage_deduction),
            da_ref(ref, sizeof ref, res->wage_ref));
    if (!res->wage_55_only && !e->wage.above_threshold)
        fprintf(out, T("; lønnen er ikke over lønindtægtsgrænsen %s", "; the wage is not above the wage threshold %s"),
                da_z(st, t->amount));
    if (e->wage_rule_last_month)
        fprintf(out, T("; %s-reglen gælder for ressourceforløb til og med %s %d",
                       "; the %s rule applies to ressourceforløb up to and including %s %d"),
                e->wage_rule,
                rfy_month_name(RFY_MONTH_NUM(e->wage_rule_last_month), lang),
                RFY_MONTH_YEAR(e->wage_rule_last_month));
    fputc('\n', out);
}

/* § 68 a stk. 4: W(wage + holiday_pay) − W(wage), at most the benefit for the days it covers. */
static void deduction_holiday(FILE *out, const rfy_case *in, const rfy_result *res,
                              const rfy_explanation *e, rfy_lang lang)
{
    const rfy_rate_value *t = res->rate[RFY_RATE_WAGE_THRESHOLD];
    int only_55 = res->wage_55_only;
    char expr[256], r[2 * NUM], ref[48], a[NUM], b[NUM], c[NUM];

    if (!t)
        return;
    fprintf(out, T("  Feriegodtgørelse: %s for %s feriedage (%s)\n", "  Holiday pay: %s for %s feriedage (%s)\n"), da_z(a, in->holiday_pay),
            da_count_z(b, in->holiday_days), da_ref(ref, sizeof ref, res->holiday_ref));
    wage_expr(expr, sizeof expr, &e->wage_holiday, t->amount, only_55, e, lang);
    fprintf(out, T("    fradrag af løn og feriegodtgørelse i alt %s: %s %s\n",
                   "    deduction for wage and holiday pay together %s: %s %s\n"),
            da_z(a, e->wage_holiday.income), expr, da_result_q(r, sizeof r, e->wage_holiday.total));
    wage_expr(expr, sizeof expr, &e->wage, t->amount, only_55, e, lang);
    fprintf(out, T("    fradrag af lønnen alene %s: %s %s\n", "    deduction for the wage alone %s: %s %s\n"),
            da_z(a, in->wage), expr,
            da_result_q(r, sizeof r, e->wage.total));
    fprintf(out, T("    forskel: %s − %s %s\n", "    difference: %s − %s %s\n"), da_q(a, e->wage_holiday.total), da_q(b, e->wage.total),
            da_result_q(r, sizeof r, res->holiday_uncapped));
    if (res->nsegments == 1)
        fprintf(out, T("    loft: ydelsen for %s × %u/%u = %s dage: %s × %s/%d %s",
                       "    cap: the benefit for %s × %u/%u = %s days: %s × %s/%d %s"),
                da_count_z(a, in->holiday_days), e->holiday_days_num, e->holiday_days_den,
                da_count(b, e->holiday_calendar_days), da_q(c, res->seg[0].level), b,
                res->days_in_month, da_result_q(r, sizeof r, res->holiday_cap));
    else
        fprintf(out,
                T("    loft: ydelsen for %s × %u/%u = %s dage: bruttoydelsen pr. dag med ret til "
                  "ydelse (%d dage) × %s %s",
                  "    cap: the benefit for %s × %u/%u = %s days: the gross benefit per day with a "
                  "right (%d days) × %s %s"),
                da_count_z(a, in->holiday_days), e->holiday_days_num, e->holiday_days_den,
                da_count(b, e->holiday_calendar_days), res->days, b,
                da_result_q(r, sizeof r, res->holiday_cap));
    fputs(res->holiday_capped ? T("; loftet binder\n", "; the cap applies\n")
                              : T("; loftet binder ikke\n", "; the cap does not apply\n"),
          out);
    fprintf(out, T("    fradrag for feriegodtgørelse, det mindste af forskel og loft %s\n",
                   "    deduction for holiday pay, the smaller of difference and cap %s\n"),
            da_result(r, sizeof r, res->holiday_exact, res->holiday_deduction));
}

/* § 68 a stk. 3: max(0; income − min(hours; 160) × hourly disregard), krone for krone. */
static void deduction_activation(FILE *out, const rfy_case *in, const rfy_result *res,
                                 const rfy_explanation *e, rfy_lang lang)
{
    const rfy_rate_value *h = res->rate[RFY_RATE_HOUR_DISREGARD];
    char r[2 * NUM], ref[48], a[NUM], b[NUM], c[NUM], d[NUM], cap[NUM];
    mpz_t hours_cap;

    if (!h)
        return;
    mpz_init_set_si(hours_cap, e->hours_cap);
    da_count_z(cap, hours_cap);
    mpz_clear(hours_cap);
    fprintf(out,
            T("  Indtægt i tilbud: max(0; %s − min(%s; %s) timer × %s) = max(0; %s − %s) %s (%s)\n",
              "  Income in an offer: max(0; %s − min(%s; %s) hours × %s) = max(0; %s − %s) %s (%s)\n"),
            da_z(a, in->activation_income), da_count_z(b, in->activation_hours), cap,
            da_z(c, h->amount), a, da_q(d, res->activation_disregard),
            da_result(r, sizeof r, res->activation_exact, res->activation_deduction),
            da_ref(ref, sizeof ref, res->activation_ref));
}

/*
 * rules.md §9: the sanctions the kommune decided, one "Sanktioner" line: the
 * days × the amount a day with the rule behind it, and the punktsanktion,
 * each with its paragraph.  Every value is the engine's (result and trace).
 */
static void deduction_sanction(FILE *out, const rfy_case *in, const rfy_result *res,
                               const rfy_explanation *e, rfy_lang lang)
{
    char ref[48], a[NUM], b[NUM], c[NUM], lvl[NUM], r[NUM];
    const char *sep = "";

    fputs(T("  Sanktioner: ", "  Sanctions: "), out);
    if (in->sanction_days > 0 && e->sanction_day_per_row) {
        /* several period rows: each row's days at its own level's amount a day */
        fprintf(out, T("periodesanktion %d dage, hver periodes dage efter periodens eget niveau "
                       "× %u/%u, afrundet til hele kroner = %s (%s)",
                       "periodesanktion %d days, each period's days at the period's own level "
                       "× %u/%u, rounded to whole kroner = %s (%s)"),
                in->sanction_days, e->sanction_day_num, e->sanction_day_den,
                da_z(b, res->sanction_period), da_ref(ref, sizeof ref, res->sanction_period_ref));
        sep = "; ";
    } else if (in->sanction_days > 0) {
        fprintf(out, T("periodesanktion %d %s × %s kr. = %s (%s; dagssats: niveauet %s × %u/%u = "
                       "%s, afrundet til hele kroner: %s%s)",
                       "periodesanktion %d %s × %s kr. = %s (%s; amount a day: the level %s × %u/%u = "
                       "%s, rounded to whole kroner: %s%s)"),
                in->sanction_days, in->sanction_days == 1 ? T("dag", "day") : T("dage", "days"),
                da_z(a, res->sanction_day_amount), da_z(b, res->sanction_period),
                da_ref(ref, sizeof ref, res->sanction_period_ref),
                da_q(lvl, e->sanction_day_level), e->sanction_day_num, e->sanction_day_den,
                da_q(r, e->sanction_day_exact), a,
                e->sanction_day_own_nr4     ? T("; personens eget niveau efter nr. 4",
                                                    "; the person's own level under nr. 4")
                : e->sanction_day_not_prior ? T("; efter stk. 2-niveauet, ikke den hidtidige ydelse",
                                                "; at the stk. 2 level, not the former benefit")
                                            : "");
        sep = "; ";
    }
    if (mpz_sgn(in->sanction_amount) > 0)
        fprintf(out, T("%spunktsanktion %s (%s)", "%spunktsanktion %s (%s)"), sep, da_z(c, res->sanction_point),
                da_ref(ref, sizeof ref, res->sanction_point_ref));
    if (in->sanction_days > 0 && mpz_sgn(in->sanction_amount) > 0)
        fprintf(out, T("; i alt %s", "; in all %s"), da_z(a, res->sanction_deduction));
    fputc('\n', out);
}

static void deductions_section(FILE *out, const rfy_case *in, const rfy_result *res,
                               const rfy_explanation *e, rfy_lang lang)
{
    char ref[48], a[NUM], b[NUM];
    int any = 0;

    fputs(T("\nFradrag\n", "\nDeductions\n"), out);
    if (mpz_sgn(in->wage) > 0) {
        deduction_wage(out, res, e, lang);
        any = 1;
    }
    if (mpz_sgn(in->holiday_pay) > 0) {
        deduction_holiday(out, in, res, e, lang);
        any = 1;
    }
    if (mpz_sgn(in->activation_income) > 0) {
        deduction_activation(out, in, res, e, lang);
        any = 1;
    }
    if (mpz_sgn(in->other_income) > 0) {
        /* § 68 a stk. 1: krone for krone */
        fprintf(out, T("  Anden indtægt: %s krone for krone = %s (%s)\n",
                       "  Other income: %s krone for krone = %s (%s)\n"), da_z(a, in->other_income),
                da_z(b, res->other_deduction), da_ref(ref, sizeof ref, res->other_ref));
        any = 1;
    }
    if (e->has_sanction) {
        deduction_sanction(out, in, res, e, lang);
        any = 1;
    }
    if (!any)
        fputs(T("  Ingen indtægter at trække fra.\n", "  No income to deduct.\n"), out);
}

static void totals_section(FILE *out, const rfy_result *res, const rfy_explanation *e, rfy_lang lang)
{
    const mpz_t *ded[5] = {&res->wage_deduction, &res->holiday_deduction,
                           &res->activation_deduction, &res->other_deduction,
                           &res->sanction_deduction};
    char g[NUM], t[NUM], p[NUM], a[NUM];
    int nonzero = 0;

    for (int i = 0; i < 5; i++)
        nonzero += mpz_sgn(*ded[i]) != 0;
    fputs(T("\nResultat\n", "\nResult\n"), out);
    fprintf(out, T("  Bruttoydelse             %14s\n", "  Gross benefit            %14s\n"), da_z(g, res->gross));
    fprintf(out, T("  Fradrag i alt            %14s", "  Deductions in all        %14s"),
            da_z(t, res->total_deduction));
    if (nonzero > 1) {
        const char *sep = "  (";
        for (int i = 0; i < 5; i++)
            if (mpz_sgn(*ded[i]) != 0) {
                fprintf(out, "%s%s", sep, da_z(a, *ded[i]));
                sep = " + ";
            }
        fputc(')', out);
    }
    fputc('\n', out);
    fprintf(out, T("  Til udbetaling (før skat)%14s", "  Payment (before tax)     %14s"), da_z(p, res->payment));
    if (!e->payment_floored)
        fprintf(out, "  (%s − %s)\n", g, t);
    else
        fprintf(out, T("  (%s − %s er under 0; intet overføres til en anden måned)\n",
                       "  (%s − %s is below 0; nothing is carried to another month)\n"),
                g, t);
}

static void rates_section(FILE *out, const rfy_result *res, const rfy_explanation *e,
                          const rfy_rates *rates, rfy_lang lang)
{
    char ref[64], a[NUM], date[48];

    fputs(T("\nAnvendte satser\n", "\nRates used\n"), out);
    for (int k = 0; k < RFY_RATE_KEY_COUNT; k++) {
        const rfy_rate_value *v = res->rate[k];
        if (!v)
            continue;
        fprintf(out, T("  %s (%s): %s %s, gældende fra %s, %s\n", "  %s (%s): %s %s, in force from %s, %s\n"), rfy_rate_key_text(k, lang),
                da_ref(ref, sizeof ref, e->rate_ref[k]), da_z(a, v->amount),
                rfy_rate_unit_text(v->key, lang), da_date(date, sizeof date, &v->from, lang),
                rfy_provenance_text(v->provenance, lang));
        /* in Danish from the engine: a derived row's chain recomputed, a source named */
        {
            char shown[512];
            rfy_rate_source_text(shown, sizeof shown, v, rates, lang);
            fprintf(out, "    %s\n", shown);
        }
    }
    switch (res->provenance) {
    case RFY_PROV_PUBLISHED:
        fputs(T("  Grundlag: alle brugte satser er offentliggjort.\n", "  Basis: every rate used is published.\n"), out);
        break;
    case RFY_PROV_SECONDARY:
        fputs(T("  Grundlag: mindst én sats er fra en sekundær kilde.\n",
                "  Basis: at least one rate is from a secondary source.\n"),
              out);
        break;
    case RFY_PROV_DERIVED:
        fputs(T("  Grundlag: mindst én sats er afledt af reguleringskæden, ikke offentliggjort.\n",
                "  Basis: at least one rate is derived by the regulation chain, not published.\n"),
              out);
        break;
    }
    fprintf(out, T("  Satstabeller: %s (rfy %s)\n", "  Rate tables: %s (rfy %s)\n"), rfy_rates_id(rates), RFY_VERSION);
}

/* The warnings of the result (rfy_warning), in Danish; nothing when none. */
static void warnings_section(FILE *out, const rfy_result *res, const rfy_explanation *e, rfy_lang lang)
{
    char a[NUM], ref[48];
    const char *sep = "";

    if (!res->warnings)
        return;
    fputs(T("\nAdvarsler\n", "\nWarnings\n"), out);
    if (res->warnings & RFY_WARN_DERIVED_RATE) {
        fputs(T("  Afledt sats, ikke offentliggjort: ", "  Derived rate, not published: "), out);
        for (int k = 0; k < RFY_RATE_KEY_COUNT; k++) {
            const rfy_rate_value *v = res->rate[k];
            if (!v || v->provenance != RFY_PROV_DERIVED)
                continue;
            fprintf(out, "%s%s %s %s", sep, rfy_rate_key_text(k, lang), da_z(a, v->amount), rfy_rate_unit_text(v->key, lang));
            sep = "; ";
        }
        fprintf(out, T("\n    Antagelserne bag satserne: rfy rates show %d.\n",
                       "\n    The assumptions behind the rates: rfy rates show %d.\n"),
                RFY_MONTH_YEAR(res->month));
    }
    if (res->warnings & RFY_WARN_SDP_ABOVE_DERIVED_MAX)
        fprintf(out, T("  Hidtidige sygedagpenge over det afledte højeste sygedagpengebeløb %s "
                       "kr./uge (ikke offentliggjort): rækken er beregnet; kontrollér beløbet "
                       "(%s).\n",
                       "  Former sygedagpenge above the derived highest sygedagpenge amount %s "
                       "kr./week (not published): the row is computed; check the amount (%s).\n"),
                da_z(a, res->rate[RFY_RATE_SDP_MAX_WEEK]->amount),
                da_ref(ref, sizeof ref, e->prior_ref));
    if (res->warnings & RFY_WARN_LY_ABOVE_DERIVED_MAX) {
        const rfy_rate_value *dp = res->rate[RFY_RATE_DAGPENGE_MAX_MONTH]
                                       ? res->rate[RFY_RATE_DAGPENGE_MAX_MONTH]
                                       : res->rate[RFY_RATE_DAGPENGE_MAX_WEEK];
        if (dp)
            fprintf(out, T("  Hidtidig ledighedsydelse over det afledte højeste dagpengebeløb %s "
                           "kr./%s (ikke offentliggjort): rækken er beregnet; kontrollér beløbet "
                           "(§ 68, stk. 5).\n",
                           "  Former ledighedsydelse above the derived highest dagpenge amount %s "
                           "kr./%s (not published): the row is computed; check the amount "
                           "(§ 68, stk. 5).\n"),
                    da_z(a, dp->amount),
                    dp->key == RFY_RATE_DAGPENGE_MAX_WEEK ? T("uge", "week") : T("md.", "month"));
    }
    if (res->warnings & RFY_WARN_HOLIDAY_EXCESS) {
        if (rfy_holiday_days_format_m(a, sizeof a, res->holiday.excess_m, ',') < 0)
            snprintf(a, sizeof a, "?");
        fprintf(out, T("  Ferie ud over retten: %s dage (§ 69, stk. 5); se afsnittet Ferie.\n",
                       "  Holiday beyond the right: %s days (§ 69, stk. 5); see the section Holiday.\n"),
                a);
    }
    if (res->warnings & RFY_WARN_HOLIDAY_STATE_UNKNOWN)
        fputs(T("  Feriestatus ukendt: en tidligere måned i sagen blev afvist.\n",
                "  Holiday state unknown: an earlier month of the case was rejected.\n"),
              out);
}

/* The explanation under a title and a closing line: a preview is a
 * forhåndsberegning; the same breakdown of a paid month in an audit is a
 * recomputation (genberegning), and must not read as advance notice. */
static int explain_as(FILE *out, const char *title, const char *closing, const char *case_id,
                      const rfy_case *in, const rfy_result *res, const rfy_rates *rates,
                      rfy_lang lang)
{
    rfy_explanation e;

    rfy_explanation_init(&e);
    rfy_explain(&e, in, res);
    heading(out, title, case_id, in, res, &e, lang);
    level_section(out, in, res, &e, lang);
    segments_section(out, res, &e, lang);
    deductions_section(out, in, res, &e, lang);
    totals_section(out, res, &e, lang);
    rfy__explain_holiday_text(out, in, res, lang);
    rates_section(out, res, &e, rates, lang);
    warnings_section(out, res, &e, lang);
    fprintf(out, "\n%s\n", closing);
    rfy_explanation_clear(&e);
    return ferror(out) ? EOF : 0;
}

int rfy__explain_text(FILE *out, const char *case_id, const rfy_case *in, const rfy_result *res,
                 const rfy_rates *rates, rfy_lang lang)
{
    return explain_as(out, T("Forhåndsberegning af ressourceforløbsydelse",
                             "Advance calculation of ressourceforløbsydelse"),
                      T("Dette er en forhåndsberegning, ikke en afgørelse.",
                        "This is an advance calculation, not a decision."),
                      case_id, in, res, rates, lang);
}

int rfy__explain_text_recomputation(FILE *out, const char *case_id, const rfy_case *in,
                               const rfy_result *res, const rfy_rates *rates, rfy_lang lang)
{
    return explain_as(out, T("Genberegning af ressourceforløbsydelse for en udbetalt måned",
                             "Recomputation of ressourceforløbsydelse for a month paid"),
                      T("Dette er en genberegning efter reglerne af en udbetalt måned, ikke en "
                        "afgørelse.",
                        "This is a recomputation by the rules of a month paid, not a decision."),
                      case_id, in, res, rates, lang);
}
