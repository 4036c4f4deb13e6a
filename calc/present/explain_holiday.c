/*
 * The "Ferie" section of a preview (rules.md §8, § 69 stk. 5): the holiday
 * ledger of one case-month as the engine filled it in res->holiday, in
 * Danish text and as JSON.  Nothing here counts: every number is read from
 * the result (rfy_holiday_apply), only formatted.
 */
#include <stdio.h>
#include <string.h>

#include "explain_render.h"

/* Danish, or English when lang is RFY_LANG_EN, side by side. */
#define T(da, en) (lang == RFY_LANG_EN ? (en) : (da))

#define NUM 48

/* "januar 2024" */
static const char *month_da(char *buf, size_t size, rfy_month m, rfy_lang lang)
{
    snprintf(buf, size, "%s %d", rfy_month_name(RFY_MONTH_NUM(m), lang), RFY_MONTH_YEAR(m));
    return buf;
}

/* Days the Danish way: "10,00", "2,912". */
static const char *days_da(char *buf, size_t size, int64_t days)
{
    if (rfy_holiday_days_format_m(buf, size, days, ',') < 0)
        snprintf(buf, size, "?");
    return buf;
}

/* Feriedage (hundredths) the Danish way: "5,00". */
static const char *feriedage_da(char *buf, size_t size, const mpz_t hundredths)
{
    if (rfy_money_format(buf, size, hundredths, ',') < 0)
        snprintf(buf, size, "?");
    return buf;
}

/* What excess days mean, and how a stop is entered (text and JSON say the same). */
static const char EXCESS_DA[] =
    "rfy trækker dem ikke fra: at standse ydelsen for de dage kræver en afgørelse fra "
    "kommunen. Træffer kommunen den, indtastes måneden som periode-rækker (start og end), "
    "der udelader de dage.";
static const char EXCESS_EN[] =
    "rfy does not deduct them: stopping the benefit for those days needs a decision by the "
    "kommune. When the kommune makes it, the month is entered as period rows (start and end) "
    "that leave those days out.";

int rfy__explain_holiday_text(FILE *out, const rfy_case *in, const rfy_result *res, rfy_lang lang)
{
    const rfy_holiday_month *h = &res->holiday;
    char m[32], from[32], to[32], a[NUM], b[NUM], c[NUM], d[NUM];

    if (h->status == RFY_HOLIDAY_NONE)
        return 0;
    fputs(T("\nFerie (§ 69, stk. 5)\n", "\nHoliday (§ 69, stk. 5)\n"), out);
    if (h->status == RFY_HOLIDAY_UNKNOWN) {
        fputs(T("  Ukendt: en tidligere måned i sagen blev afvist, så antallet af måneder og de "
                "brugte feriedage kendes ikke. Ret den måned, eller angiv holiday_run_months og "
                "holiday_used_days.\n",
                "  Unknown: an earlier month of the case was rejected, so the count of months and "
                "the feriedage used are not known. Correct that month, or give holiday_run_months "
                "and holiday_used_days.\n"),
              out);
        return ferror(out) ? EOF : 0;
    }
    month_da(m, sizeof m, res->month, lang);
    if (h->run_broken)
        fputs(T("  En hel kalendermåned uden ydelse gik forud: tællingen af måneder startede "
                "forfra.\n",
                "  A whole calendar month without the benefit came before: the count of months "
                "started again.\n"),
              out);
    fprintf(out, T("  Måneder i træk med ydelse før %s: %ld (efter denne måned: %ld)\n",
                   "  Months in a row with the benefit before %s: %ld (after this month: %ld)\n"),
            m,
            h->run_before, h->run_after);
    if (h->right) {
        fprintf(out, T("  Ret til ferie med ydelse: ja, %d dage (5 uger) i ferieperioden %s – %s%s\n",
                       "  Right to holiday with the benefit: yes, %d days (5 weeks) in the holiday window %s – %s%s\n"),
                RFY_HOLIDAY_WINDOW_DAYS, month_da(from, sizeof from, h->window_from, lang),
                month_da(to, sizeof to, h->window_to, lang),
                h->new_window ? T(" (ny periode fra denne måned)", " (a new window from this month)") : "");
        fprintf(out, T("  Brugt i perioden før denne måned: %s dage\n",
                       "  Used in the window before this month: %s days\n"),
                days_da(a, sizeof a, h->used_before_m));
    } else {
        fprintf(out, T("  Ret til ferie med ydelse: nej, endnu ikke (%ld af %d måneder; retten "
                       "kommer efter %d måneder i træk)\n",
                       "  Right to holiday with the benefit: no, not yet (%ld of %d months; the right "
                       "comes after %d months in a row)\n"),
                h->run_before, RFY_HOLIDAY_RUN_MONTHS, RFY_HOLIDAY_RUN_MONTHS);
    }
    if (h->fg_m > 0)
        fprintf(out, T("  Ferie med feriegodtgørelse: %s feriedage × %d/%d = %s dage%s (§ 68 a, stk. 4)\n",
                       "  Holiday with holiday pay: %s feriedage × %d/%d = %s days%s (§ 68 a, stk. 4)\n"),
                feriedage_da(a, sizeof a, in->holiday_days), RFY_FERIEDAG_CAL_DAYS,
                RFY_FERIEDAG_WORK_DAYS, days_da(b, sizeof b, h->fg_m),
                h->right ? T("; holdes først og tæller med i de 35 dage",
                             "; taken first and counted in the 35 days")
                         : T("; kræver ingen ret og tæller ikke med",
                             "; needs no right and is not counted"));
    if (h->right)
        fprintf(out, T("  Ferie med ydelse: %s dage; retten dækker denne måned højst "
                       "max(0; 35 − %s − %s) = %s dage\n",
                       "  Holiday with the benefit: %s days; the right covers at most "
                       "max(0; 35 − %s − %s) = %s days this month\n"),
                days_da(a, sizeof a, h->ydelse_m), days_da(b, sizeof b, h->used_before_m),
                days_da(c, sizeof c, h->fg_m), days_da(d, sizeof d, h->allowed_m));
    else
        fprintf(out, T("  Ferie med ydelse: %s dage; der er endnu ingen ret til ferie med ydelse "
                       "(§ 69, stk. 5), så ingen af dagene er dækket\n",
                       "  Holiday with the benefit: %s days; there is no right to holiday with the "
                       "benefit yet (§ 69, stk. 5), so none of the days is covered\n"),
                days_da(a, sizeof a, h->ydelse_m));
    if (h->right)
        fprintf(out, T("  Brugt efter denne måned: %s dage; tilbage i perioden: %s dage\n",
                       "  Used after this month: %s days; left in the window: %s days\n"),
                days_da(a, sizeof a, h->used_after_m), days_da(b, sizeof b, h->days_left_m));
    if (h->excess_m > 0)
        fprintf(out, T("  Ferie ud over retten: %s dage. %s\n", "  Holiday beyond the right: %s days. %s\n"),
                days_da(a, sizeof a, h->excess_m), T(EXCESS_DA, EXCESS_EN));
    else
        fputs(T("  Ferie ud over retten: ingen\n", "  Holiday beyond the right: none\n"), out);
    return ferror(out) ? EOF : 0;
}

/* Attach v to obj under key; 1 on failure (steals v, as json_object_set_new). */
static int put(json_t *obj, const char *key, json_t *v)
{
    if (!v)
        return 1;
    return json_object_set_new(obj, key, v) != 0;
}

static json_t *days_json(int64_t days)
{
    char buf[NUM];
    if (rfy_holiday_days_format_m(buf, sizeof buf, days, '.') < 0)
        return NULL;
    return json_string(buf);
}

static json_t *month_json(rfy_month mo)
{
    char buf[8];
    rfy_month_format(buf, mo);
    return json_string(buf);
}

json_t *rfy__explain_holiday_json(const rfy_case *in, const rfy_result *res)
{
    const rfy_holiday_month *h = &res->holiday;
    json_t *o, *w = NULL;
    char fd[NUM];
    int bad;

    if (h->status == RFY_HOLIDAY_NONE)
        return json_null();
    if (!(o = json_object()))
        return NULL;
    bad = put(o, "title", json_string("Ferie"));
    bad |= put(o, "legal_ref", json_string("§ 69 stk. 5"));
    bad |= put(o, "state", json_string(h->status == RFY_HOLIDAY_KNOWN ? "known" : "unknown"));
    if (h->status == RFY_HOLIDAY_UNKNOWN) {
        bad |= put(o, "note_da", json_string("En tidligere måned i sagen blev afvist: tilstanden "
                                             "kendes ikke."));
        goto done;
    }
    bad |= put(o, "run_broken", json_boolean(h->run_broken));
    bad |= put(o, "run_months_before", json_integer(h->run_before));
    bad |= put(o, "run_months_after", json_integer(h->run_after));
    bad |= put(o, "right", json_boolean(h->right));
    bad |= put(o, "window_days", json_integer(RFY_HOLIDAY_WINDOW_DAYS));
    bad |= put(o, "run_months_for_right", json_integer(RFY_HOLIDAY_RUN_MONTHS));
    if (h->right) {
        if (!(w = json_object()))
            bad = 1;
        else {
            bad |= put(w, "from", month_json(h->window_from));
            bad |= put(w, "to", month_json(h->window_to));
            bad |= put(w, "new", json_boolean(h->new_window));
        }
        bad |= put(o, "window", w);
    } else {
        bad |= put(o, "window", json_null());
    }
    bad |= rfy_money_format(fd, sizeof fd, in->holiday_days, '.') < 0;
    bad |= put(o, "feriedage", json_string(fd));
    bad |= put(o, "feriegodtgoerelse_days", days_json(h->fg_m));
    bad |= put(o, "used_before", days_json(h->used_before_m));
    bad |= put(o, "ydelse_days", days_json(h->ydelse_m));
    bad |= put(o, "allowed", days_json(h->allowed_m));
    bad |= put(o, "excess", days_json(h->excess_m));
    bad |= put(o, "used_after", days_json(h->used_after_m));
    bad |= put(o, "days_left", days_json(h->days_left_m));
    if (h->excess_m > 0)
        bad |= put(o, "excess_note_da", json_string(EXCESS_DA));
done:
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}
