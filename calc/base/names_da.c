/*
 * The words for the engine's codes, once (rfy/names.h).  Danish first; the
 * English is for --lang en and for integrators.
 */
#include <string.h>

#include <rfy/names.h>

#define PICK(lang, da, en) ((lang) == RFY_LANG_EN ? (en) : (da))

const char *rfy_month_name(int month, rfy_lang lang)
{
    static const char *const DA[12] = {"januar", "februar", "marts", "april", "maj", "juni", "juli",
                                       "august", "september", "oktober", "november", "december"};
    static const char *const EN[12] = {"January", "February", "March", "April", "May", "June", "July",
                                       "August", "September", "October", "November", "December"};
    if (month < 1 || month > 12)
        return "";
    return PICK(lang, DA[month - 1], EN[month - 1]);
}

/* § 68 stk. 2 nr. 1–4 */
const char *rfy_category_text(rfy_category c, rfy_lang lang)
{
    static const char *const DA[4] = {"forsørger", "ikke-forsørger", "under 25 år, hjemmeboende",
                                      "under 25 år, hjemmeboende, med bidragspligt over for barn"};
    static const char *const EN[4] = {"provider (forsørger)", "not a provider (ikke-forsørger)",
                                      "under 25, living at home",
                                      "under 25, living at home, liable to pay child support"};
    if ((unsigned)c > RFY_CAT_U25_HJEMME_BIDRAG)
        return "";
    return PICK(lang, DA[c], EN[c]);
}

const char *rfy_forloeb_text(rfy_forloeb f, rfy_lang lang)
{
    if (f == RFY_FORLOEB_JOBAFKLARING)
        return PICK(lang, "jobafklaringsforløb (§ 69 j)", "jobafklaringsforløb (§ 69 j)");
    if (f == RFY_FORLOEB_RESSOURCE)
        return PICK(lang, "ressourceforløb (kapitel 6 a)", "ressourceforløb (chapter 6 a)");
    return "";
}

const char *rfy_rate_key_text(rfy_rate_key k, rfy_lang lang)
{
    static const char *const DA[RFY_RATE_KEY_COUNT] = {
        [RFY_RATE_FORSORGER] = "Ressourceforløbsydelse, forsørger",
        [RFY_RATE_IKKE_FORSORGER] = "Ressourceforløbsydelse, ikke-forsørger",
        [RFY_RATE_U25_HJEMME] = "Ressourceforløbsydelse, under 25 år, hjemmeboende",
        [RFY_RATE_U25_BIDRAG_MAX] = "Loft for under 25 år med bidragspligt (forsørgersatsen)",
        [RFY_RATE_SDP_MAX_WEEK] = "Højeste sygedagpengebeløb",
        [RFY_RATE_LEDIGHED_89_WEEK] = "Ledighedsydelse (89 %)",
        [RFY_RATE_WAGE_THRESHOLD] = "Lønindtægtsgrænse",
        [RFY_RATE_HOUR_DISREGARD] = "Fradragsfrit beløb pr. arbejdstime i tilbud",
        [RFY_RATE_NORMALBIDRAG] = "Normalbidrag pr. barn",
        [RFY_RATE_NORMALBIDRAG_GRUND] = "Normalbidrag, grundbeløb",
        [RFY_RATE_NORMALBIDRAG_TILLAEG] = "Normalbidrag, tillæg",
        [RFY_RATE_REG_R] = "Satsreguleringsprocent",
        [RFY_RATE_REG_AFDAEMPNING] = "Afdæmpning af satsreguleringen",
        [RFY_RATE_REG_REDUCTION] = "Engangsnedsættelse af satsreguleringen",
        [RFY_RATE_SANCTION_DAY_FORSORGER] = "Periodesanktion pr. dag, forsørger",
        [RFY_RATE_SANCTION_DAY_IKKE_FORSORGER] = "Periodesanktion pr. dag, ikke-forsørger",
        [RFY_RATE_SANCTION_DAY_U25_HJEMME] = "Periodesanktion pr. dag, under 25 år, hjemmeboende",
        [RFY_RATE_SANCTION_DAY_U25_BIDRAG_MAX] =
            "Periodesanktion pr. dag, under 25 år med bidragspligt (højst)",
        [RFY_RATE_DAGPENGE_MAX_WEEK] = "Højeste dagpengebeløb pr. uge",
        [RFY_RATE_DAGPENGE_MAX_MONTH] = "Højeste dagpengebeløb pr. måned",
    };
    static const char *const EN[RFY_RATE_KEY_COUNT] = {
        [RFY_RATE_FORSORGER] = "Ressourceforløbsydelse, provider",
        [RFY_RATE_IKKE_FORSORGER] = "Ressourceforløbsydelse, not a provider",
        [RFY_RATE_U25_HJEMME] = "Ressourceforløbsydelse, under 25, living at home",
        [RFY_RATE_U25_BIDRAG_MAX] = "Cap for under 25 with child support (the provider rate)",
        [RFY_RATE_SDP_MAX_WEEK] = "Highest sygedagpenge amount",
        [RFY_RATE_LEDIGHED_89_WEEK] = "Ledighedsydelse (89 %)",
        [RFY_RATE_WAGE_THRESHOLD] = "Wage threshold",
        [RFY_RATE_HOUR_DISREGARD] = "Disregarded amount per hour worked in tilbud",
        [RFY_RATE_NORMALBIDRAG] = "Normalbidrag per child",
        [RFY_RATE_NORMALBIDRAG_GRUND] = "Normalbidrag, base amount",
        [RFY_RATE_NORMALBIDRAG_TILLAEG] = "Normalbidrag, supplement",
        [RFY_RATE_REG_R] = "Rate adjustment percentage",
        [RFY_RATE_REG_AFDAEMPNING] = "Damping of the rate adjustment",
        [RFY_RATE_REG_REDUCTION] = "One-off reduction of the rate adjustment",
        [RFY_RATE_SANCTION_DAY_FORSORGER] = "Period sanction per day, provider",
        [RFY_RATE_SANCTION_DAY_IKKE_FORSORGER] = "Period sanction per day, not a provider",
        [RFY_RATE_SANCTION_DAY_U25_HJEMME] = "Period sanction per day, under 25, living at home",
        [RFY_RATE_SANCTION_DAY_U25_BIDRAG_MAX] = "Period sanction per day, under 25 with child support (at most)",
        [RFY_RATE_DAGPENGE_MAX_WEEK] = "Highest dagpenge amount per week",
        [RFY_RATE_DAGPENGE_MAX_MONTH] = "Highest dagpenge amount per month",
    };
    const char *s;
    if ((unsigned)k >= RFY_RATE_KEY_COUNT)
        return "";
    s = PICK(lang, DA[k], EN[k]);
    return s ? s : rfy_rate_key_name(k);
}

const char *rfy_rate_unit_text(rfy_rate_key k, rfy_lang lang)
{
    const char *u = (unsigned)k < RFY_RATE_KEY_COUNT ? rfy_rate_key_unit(k) : "";
    if (strcmp(u, "kr/month") == 0)
        return PICK(lang, "kr./md.", "kr./month");
    if (strcmp(u, "kr/week") == 0)
        return PICK(lang, "kr./uge", "kr./week");
    if (strcmp(u, "kr/hour") == 0)
        return PICK(lang, "kr./time", "kr./hour");
    if (strcmp(u, "kr/day") == 0)
        return PICK(lang, "kr./dag", "kr./day");
    return PICK(lang, "pct.", "per cent");
}

/* rules.md §2 */
const char *rfy_provenance_text(rfy_provenance p, rfy_lang lang)
{
    switch (p) {
    case RFY_PROV_PUBLISHED: return PICK(lang, "offentliggjort", "published");
    case RFY_PROV_SECONDARY: return PICK(lang, "sekundær kilde", "secondary source");
    case RFY_PROV_DERIVED:
        return PICK(lang, "afledt af reguleringskæden, ikke offentliggjort",
                    "derived by the adjustment chain, not published");
    }
    return PICK(lang, "ukendt grundlag", "unknown basis");
}

const char *rfy_warning_text(rfy_warning w, rfy_lang lang)
{
    switch (w) {
    case RFY_WARN_DERIVED_RATE:
        return PICK(lang, "Afledt sats, ikke offentliggjort: se «Anvendte satser».",
                    "A derived rate, not published: see the rates used.");
    case RFY_WARN_SDP_ABOVE_DERIVED_MAX:
        return PICK(lang,
                    "De hidtidige sygedagpenge er over det afledte højeste sygedagpengebeløb (ikke "
                    "offentliggjort): måneden er beregnet; kontrollér beløbet (§ 68, stk. 4).",
                    "The sygedagpenge are above the derived highest sygedagpenge amount (not "
                    "published): the month is computed; check the amount (§ 68 stk. 4).");
    case RFY_WARN_HOLIDAY_EXCESS:
        return PICK(lang, "Der er holdt flere feriedage med ydelse end retten giver.",
                    "More days of holiday with ydelse were held than the right gives.");
    case RFY_WARN_HOLIDAY_STATE_UNKNOWN:
        return PICK(lang, "Ferieretten kendes ikke: angiv måneder og brugte feriedage før denne måned.",
                    "The holiday right is not known: give the months and days used before this month.");
    case RFY_WARN_SDP_MAX_UNKNOWN:
        return PICK(lang,
                    "Satstabellerne har intet højeste sygedagpengebeløb for måneden: de hidtidige "
                    "sygedagpenge er ikke kontrolleret; måneden er beregnet; kontrollér beløbet "
                    "(§ 68, stk. 4).",
                    "The rate tables have no highest sygedagpenge amount for the month: the "
                    "sygedagpenge are not checked; the month is computed; check the amount (§ 68 stk. 4).");
    case RFY_WARN_LY_ABOVE_DERIVED_MAX:
        return PICK(lang,
                    "Den hidtidige ledighedsydelse er over det afledte højeste dagpengebeløb (ikke "
                    "offentliggjort): måneden er beregnet; kontrollér beløbet (§ 68, stk. 5).",
                    "The ledighedsydelse is above the derived highest dagpenge amount (not "
                    "published): the month is computed; check the amount (§ 68 stk. 5).");
    }
    return "";
}

/* rules.md §1 (lov nr. 1750 af 29.12.2025) */
const char *rfy_note_no_new_ressourceforloeb_text(rfy_lang lang)
{
    return PICK(lang,
                "Fra 1. februar 2026 kan der ikke startes nye ressourceforløb (lov nr. 1750 af "
                "29.12.2025); forløb, der allerede er i gang, fortsætter efter det hidtidige kapitel "
                "6 a og beregnes som før.",
                "From 1 February 2026 no new ressourceforløb can start (lov nr. 1750 af 29.12.2025); "
                "courses already running continue under the former chapter 6 a and are computed as "
                "before.");
}
