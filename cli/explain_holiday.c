/*
 * The "Ferie" section of a preview (rules.md §8, § 69 stk. 5): the holiday
 * ledger of one case-month as the engine filled it in res->holiday, in
 * Danish text and as JSON.  Nothing here counts: every number is read from
 * the result (rfy_holiday_apply), only formatted.
 */
#include <stdio.h>
#include <string.h>

#include "explain.h"

#define NUM 48

/* "januar 2024" */
static const char *month_da(char *buf, size_t size, rfy_month m)
{
    snprintf(buf, size, "%s %d", rfy_month_name(RFY_MONTH_NUM(m), RFY_LANG_DA), RFY_MONTH_YEAR(m));
    return buf;
}

/* Days the Danish way: "10,00", "2,912". */
static const char *days_da(char *buf, size_t size, const mpz_t days)
{
    if (rfy_holiday_days_format(buf, size, days, ',') < 0)
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

int explain_holiday_text(FILE *out, const rfy_case *in, const rfy_result *res)
{
    const rfy_holiday_month *h = &res->holiday;
    char m[32], from[32], to[32], a[NUM], b[NUM], c[NUM], d[NUM];

    if (h->status == RFY_HOLIDAY_NONE)
        return 0;
    fputs("\nFerie (§ 69, stk. 5)\n", out);
    if (h->status == RFY_HOLIDAY_UNKNOWN) {
        fputs("  Ukendt: en tidligere måned i sagen blev afvist, så antallet af måneder og de "
              "brugte feriedage kendes ikke. Ret den måned, eller angiv holiday_run_months og "
              "holiday_used_days.\n", out);
        return ferror(out) ? EOF : 0;
    }
    month_da(m, sizeof m, res->month);
    if (h->run_broken)
        fputs("  En hel kalendermåned uden ydelse gik forud: tællingen af måneder startede "
              "forfra.\n", out);
    fprintf(out, "  Måneder i træk med ydelse før %s: %ld (efter denne måned: %ld)\n", m,
            h->run_before, h->run_after);
    if (h->right) {
        fprintf(out, "  Ret til ferie med ydelse: ja, %d dage (5 uger) i ferieperioden %s – %s%s\n",
                RFY_HOLIDAY_WINDOW_DAYS, month_da(from, sizeof from, h->window_from),
                month_da(to, sizeof to, h->window_to),
                h->new_window ? " (ny periode fra denne måned)" : "");
        fprintf(out, "  Brugt i perioden før denne måned: %s dage\n",
                days_da(a, sizeof a, h->used_before_m));
    } else {
        fprintf(out, "  Ret til ferie med ydelse: nej, endnu ikke (%ld af %d måneder; retten "
                     "kommer efter %d måneder i træk)\n",
                h->run_before, RFY_HOLIDAY_RUN_MONTHS, RFY_HOLIDAY_RUN_MONTHS);
    }
    if (mpz_sgn(h->fg_m) > 0)
        fprintf(out, "  Ferie med feriegodtgørelse: %s feriedage × %d/%d = %s dage%s (§ 68 a, stk. 4)\n",
                feriedage_da(a, sizeof a, in->holiday_days), RFY_FERIEDAG_CAL_DAYS,
                RFY_FERIEDAG_WORK_DAYS, days_da(b, sizeof b, h->fg_m),
                h->right ? "; holdes først og tæller med i de 35 dage"
                         : "; kræver ingen ret og tæller ikke med");
    if (h->right)
        fprintf(out, "  Ferie med ydelse: %s dage; retten dækker denne måned højst "
                     "max(0; 35 − %s − %s) = %s dage\n",
                days_da(a, sizeof a, h->ydelse_m), days_da(b, sizeof b, h->used_before_m),
                days_da(c, sizeof c, h->fg_m), days_da(d, sizeof d, h->allowed_m));
    else
        fprintf(out, "  Ferie med ydelse: %s dage; der er endnu ingen ret til ferie med ydelse "
                     "(§ 69, stk. 5), så ingen af dagene er dækket\n",
                days_da(a, sizeof a, h->ydelse_m));
    if (h->right)
        fprintf(out, "  Brugt efter denne måned: %s dage; tilbage i perioden: %s dage\n",
                days_da(a, sizeof a, h->used_after_m), days_da(b, sizeof b, h->days_left_m));
    if (mpz_sgn(h->excess_m) > 0)
        fprintf(out, "  Ferie ud over retten: %s dage. %s\n", days_da(a, sizeof a, h->excess_m),
                EXCESS_DA);
    else
        fputs("  Ferie ud over retten: ingen\n", out);
    return ferror(out) ? EOF : 0;
}

/* Attach v to obj under key; 1 on failure (steals v, as json_object_set_new). */
static int put(json_t *obj, const char *key, json_t *v)
{
    if (!v)
        return 1;
    return json_object_set_new(obj, key, v) != 0;
}

static json_t *days_json(const mpz_t days)
{
    char buf[NUM];
    if (rfy_holiday_days_format(buf, sizeof buf, days, '.') < 0)
        return NULL;
    return json_string(buf);
}

static json_t *month_json(rfy_month mo)
{
    char buf[8];
    rfy_month_format(buf, mo);
    return json_string(buf);
}

json_t *explain_holiday_json(const rfy_case *in, const rfy_result *res)
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
    if (mpz_sgn(h->excess_m) > 0)
        bad |= put(o, "excess_note_da", json_string(EXCESS_DA));
done:
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}
