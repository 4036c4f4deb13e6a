/*
 * Warnings of a computed case-month (rfy/calc.h): their codes, and a
 * sentence naming the value each one rests on.  The codes are part of the
 * outside interface (interface.md, the `warnings` column).
 */
#include <stdio.h>
#include <string.h>

#include "message_hints.h"
#include "rules.h"
#include <rfy/names.h>
#include "text_utf8.h"
#include <rfy/money.h>

const char *rfy_warning_code(rfy_warning w)
{
    switch (w) {
    case RFY_WARN_DERIVED_RATE: return "derived_rate";
    case RFY_WARN_SDP_ABOVE_DERIVED_MAX: return "sdp_above_derived_max";
    case RFY_WARN_HOLIDAY_EXCESS: return "holiday_excess";
    case RFY_WARN_HOLIDAY_STATE_UNKNOWN: return "holiday_state_unknown";
    case RFY_WARN_SDP_MAX_UNKNOWN: return "sdp_max_unknown";
    case RFY_WARN_LY_ABOVE_DERIVED_MAX: return "ledighedsydelse_above_derived_max";
    }
    return NULL;
}

int rfy_warnings_format(char *buf, size_t size, unsigned warnings)
{
    size_t o = 0;
    if (size == 0)
        return 0;
    buf[0] = '\0';
    for (unsigned bit = 1; bit & RFY_WARN_ALL; bit <<= 1) {
        const char *code = (warnings & bit) ? rfy_warning_code((rfy_warning)bit) : NULL;
        size_t n, sep = o ? 1 : 0;
        if (!code)
            continue;
        /* by hand, not snprintf: this runs for every output row */
        n = strlen(code);
        if (sep + n >= size - o)
            break;
        if (sep)
            buf[o] = ';';
        memcpy(buf + o + sep, code, n);
        o += sep + n;
        buf[o] = '\0';
    }
    return (int)o;
}

/* An amount as the language writes it: "4860.00" (English, as in the files) or "4.860,00". */
static int amount_text(char *buf, size_t size, const mpz_t ore, int da)
{
    return da ? rfy_money_format_da(buf, size, ore) : rfy_money_format(buf, size, ore, '.');
}

/*
 * The derived values used: in English the table keys ("rfy_forsorger 17736.00
 * kr/month, ..."), in Danish their names ("Ressourceforløbsydelse, forsørger
 * 17.736,00 kr./md.; ...").
 */
static void derived_values(char *buf, size_t size, const rfy_result *res, int da)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int k = 0; k < RFY_RATE_KEY_COUNT; k++) {
        const rfy_rate_value *v = res->rate[k];
        char amount[48];
        int n;
        if (!v || v->provenance != RFY_PROV_DERIVED || amount_text(amount, sizeof amount, v->amount, da) < 0)
            continue;
        n = da ? snprintf(buf + o, size - o, "%s%s %s %s", o ? "; " : "",
                          rfy_rate_key_text(v->key, RFY_LANG_DA), amount,
                          rfy_rate_unit_text(v->key, RFY_LANG_DA))
               : snprintf(buf + o, size - o, "%s%s %s %s", o ? ", " : "", rfy_rate_key_name(v->key),
                          amount, rfy_rate_key_unit(v->key));
        if (n < 0 || (size_t)n >= size - o)
            return;
        o += (size_t)n;
    }
}

/* One function for both languages: each warning finds its value once, then
 * words it in the language asked for. */
int rfy_warning_detail_lang(char *buf, size_t size, rfy_warning w, const rfy_result *res, rfy_lang lang)
{
    char values[320], amount[48];
    const int da = lang != RFY_LANG_EN;
    const rfy_rate_value *v;
    int n = -1;
    if (!(res->warnings & (unsigned)w) || size == 0)
        return -1;
    switch (w) {
    case RFY_WARN_DERIVED_RATE:
        derived_values(values, sizeof values, res, da);
        n = da ? snprintf(buf, size, "beregnet med satser, der er afledt af reguleringskæden og ikke "
                                     "offentliggjort: %s (rfy rates show %d viser antagelserne)",
                          values, RFY_MONTH_YEAR(res->month))
               : snprintf(buf, size, "computed with values derived by the indexation chain, not "
                                     "published: %s (%s %d lists the assumptions)",
                          values, rfy__hint_default(RFY_HINT_ASSUMPTIONS), RFY_MONTH_YEAR(res->month));
        break;
    case RFY_WARN_SDP_ABOVE_DERIVED_MAX: /* § 68 stk. 4 */
        v = res->rate[RFY_RATE_SDP_MAX_WEEK];
        if (!v || amount_text(amount, sizeof amount, v->amount, da) < 0)
            return -1;
        n = snprintf(buf, size,
                     da ? "prior_amount er over det afledte højeste sygedagpengebeløb %s kr. pr. uge (ikke "
                          "offentliggjort; § 68 stk. 4): rækken er beregnet med det; kontrollér beløbet"
                        : "prior_amount is above the derived highest sygedagpenge amount %s kr. per "
                          "week (not published; § 68 stk. 4): the row is computed with it, check the "
                          "amount",
                     amount);
        break;
    case RFY_WARN_HOLIDAY_EXCESS: /* § 69 stk. 5 */
        if (rfy_holiday_days_format_m(amount, sizeof amount, res->holiday.excess_m, da ? ',' : '.') < 0)
            return -1;
        n = snprintf(buf, size,
                     da ? "%s dages ferie med ydelse ud over retten (§ 69 stk. 5): vist, ikke trukket; et "
                          "stop kræver kommunens afgørelse, indtastet som periode-rækker"
                        : "%s days of holiday with ydelse beyond the right (§ 69 stk. 5): reported, not "
                          "deducted; a stop needs the kommune's decision, entered as period rows",
                     amount);
        break;
    case RFY_WARN_HOLIDAY_STATE_UNKNOWN:
        n = snprintf(buf, size, "%s",
                     da ? "ferietilstanden kendes ikke efter en tidligere afvist måned i sagen: "
                          "ret den måned, eller angiv holiday_run_months og holiday_used_days"
                        : "the holiday state is unknown after an earlier rejected month of the "
                          "case: correct that month, or give holiday_run_months and "
                          "holiday_used_days");
        break;
    case RFY_WARN_SDP_MAX_UNKNOWN: /* § 68 stk. 4 */
        n = snprintf(buf, size, "%s",
                     da ? "satstabellerne har intet højeste sygedagpengebeløb (rfy_sdp_max_week) for "
                          "måneden: prior_amount kunne ikke kontrolleres (§ 68 stk. 4); rækken er beregnet "
                          "med det; kontrollér beløbet"
                        : "the rate tables give no highest sygedagpenge amount (rfy_sdp_max_week) for "
                          "the month: prior_amount could not be checked (§ 68 stk. 4); the row is "
                          "computed with it, check the amount");
        break;
    case RFY_WARN_LY_ABOVE_DERIVED_MAX: /* § 68 stk. 5, AFL § 47 */
        v = res->rate[RFY_RATE_DAGPENGE_MAX_MONTH] ? res->rate[RFY_RATE_DAGPENGE_MAX_MONTH]
                                                   : res->rate[RFY_RATE_DAGPENGE_MAX_WEEK];
        if (!v || amount_text(amount, sizeof amount, v->amount, da) < 0)
            return -1;
        n = snprintf(buf, size,
                     da ? "prior_amount er over det afledte højeste dagpengebeløb %s kr. pr. %s (ikke "
                          "offentliggjort; § 68 stk. 5, AFL § 47): rækken er beregnet med det; kontrollér "
                          "beløbet"
                        : "prior_amount is above the derived highest dagpenge amount %s kr. per %s "
                          "(not published; § 68 stk. 5, AFL § 47): the row is computed with it, check "
                          "the amount",
                     amount,
                     v->key == RFY_RATE_DAGPENGE_MAX_WEEK ? (da ? "uge" : "week") : (da ? "måned" : "month"));
        break;
    }
    if (n < 0)
        return -1;
    if ((size_t)n >= size)
        rfy__utf8_trim_tail(buf); /* cut between characters, never inside one */
    return (size_t)n < size ? n : (int)strlen(buf);
}

int rfy_warning_detail(char *buf, size_t size, rfy_warning w, const rfy_result *res)
{
    return rfy_warning_detail_lang(buf, size, w, res, RFY_LANG_EN);
}

int rfy_no_new_ressourceforloeb(rfy_month m, rfy_forloeb f)
{
    /* rules.md §1: lov nr. 1750 af 29.12.2025, from 1.2.2026 */
    return f == RFY_FORLOEB_RESSOURCE && m >= RFY_NO_NEW_RESSOURCEFORLOEB_FROM;
}
