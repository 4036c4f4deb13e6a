/*
 * The one catalogue of faults (rfy/fault.h): each code's stable id and its
 * words in Danish and English.  Front ends never write a fault's words
 * themselves; they render them here (as curl_easy_strerror or sqlite3_errstr
 * do), so a fault reads the same in the batch's rejects, the preview, the
 * API and the page.
 *
 * Templates name the fault's parameters:
 *   %v value as given   %c column        %l limit        %K limit in øre as kr.
 *   %o other number     %a first day     %b last day     %m month
 *   %D the month and first day as a date (2024-04-20)
 *   %M other month      %n name          %C cause's id   %x cause's column
 *   %u the column's unit               %h the hint the entry names (rfy/hint.h), the
 *                                      caller's (rfy_fault_text_hinted) or the library's
 *   %P (overlap with limit 1) how a correction is entered in an audit
 *   %N "line" or "row" as name says (the other row of a case-month)
 *   %U "per week" (limit 1) or "per month"   %W (other 1) how a weekly amount counts
 *   %r / %t the value's first part (up to its first space) / the rest
 * Every text says what is wrong and the way out.
 */
#include <stdio.h>
#include <string.h>

#include <rfy/fault.h>
#include <rfy/hint.h>
#include "text_utf8.h"

typedef struct entry {
    const char *id;
    int hint;       /* rfy_hint for %h, or -1 */
    const char *da; /* Danish: the default */
    const char *en;
} entry;

static const entry CATALOGUE[RFY_FAULT_COUNT] = {
    [RFY_FAULT_NONE] = {"none", -1, "ingen fejl", "no fault"},
    [RFY_FAULT_FIELD_COUNT] =
        {"field_count", -1,
         "rækken har %o felter, men overskriften har %l: ret rækken (et felt med skilletegn skal stå i anførselstegn)",
         "expected %l fields (as in the header), found %o: correct the row (a field with the delimiter must be quoted)"},
    [RFY_FAULT_TOO_MANY_FIELDS] =
        {"too_many_fields", -1, "%o felter givet; der findes kun %l kolonner",
         "%o fields given; there are only %l columns"},
    [RFY_FAULT_COLUMN_UNKNOWN] =
        {"column_unknown", -1,
         "ukendt kolonne '%v' (nr. %o); kolonnenavne skrives præcist og med små bogstaver, se docs/batch.md",
         "unknown column '%v' (column %o); column names are exact and lowercase, see docs/batch.md"},
    [RFY_FAULT_COLUMN_TWICE] =
        {"column_twice", -1, "kolonnen %c er givet to gange", "column %c is given twice"},
    [RFY_FAULT_CASE_ID_EMPTY] = {"case_id_empty", -1, "case_id er tom: giv sagens id", "case_id is empty: give the case's id"},
    [RFY_FAULT_CASE_ID_NOT_UTF8] =
        {"case_id_not_utf8", -1, "case_id er ikke gyldig UTF-8-tekst: gem filen som CSV UTF-8",
         "case_id is not valid UTF-8 text: save the file as CSV UTF-8"},
    [RFY_FAULT_CASE_ID_CP1252] =
        {"case_id_cp1252", RFY_HINT_CP1252,
         "case_id er ikke gyldig UTF-8-tekst: ligner Windows-1252 (dansk Excels CSV): %h",
         "case_id is not valid UTF-8 text: looks like Windows-1252 (Danish Excel's CSV): %h"},
    [RFY_FAULT_CASE_ID_CONTROL] =
        {"case_id_control", -1, "case_id indeholder et styretegn (tabulator, linjeskift, NUL el.lign.)",
         "case_id contains a control character (tab, line break, NUL or similar)"},
    [RFY_FAULT_CASE_ID_INVISIBLE] =
        {"case_id_invisible", -1,
         "case_id indeholder et usynligt tegn (nulbreddes mellemrum, byte-order mark el.lign.)",
         "case_id contains an invisible character (zero-width space, byte-order mark or similar)"},
    [RFY_FAULT_CASE_ID_TOO_LONG] =
        {"case_id_too_long", -1, "case_id er længere end %l tegn", "case_id is longer than %l characters"},
    [RFY_FAULT_CASE_ID_BLANK] =
        {"case_id_blank", -1, "case_id er blank (kun mellemrum)", "case_id is blank (only spaces)"},
    [RFY_FAULT_REQUIRED] =
        {"required", -1, "%c skal udfyldes%u", "%c is required%u"},
    [RFY_FAULT_MONTH_INVALID] =
        {"month_invalid", -1, "%c '%v' er ikke en gyldig måned: skriv ÅÅÅÅ-MM, fx 2024-04",
         "%c '%v' is not a valid month: write YYYY-MM, e.g. 2024-04"},
    [RFY_FAULT_DATE_INVALID] =
        {"date_invalid", -1, "%c '%v' er ikke en gyldig dato: skriv ÅÅÅÅ-MM-DD, fx 2024-04-15",
         "%c '%v' is not a valid date: write YYYY-MM-DD, e.g. 2024-04-15"},
    [RFY_FAULT_DATE_OUTSIDE_MONTH] =
        {"date_outside_month", -1, "%c %v ligger uden for måneden %m (start og end skal ligge i rækkens måned)",
         "%c %v is outside the month %m (start and end must lie in the row's month)"},
    [RFY_FAULT_END_BEFORE_START] =
        {"end_before_start", -1, "%c %v ligger før start %D", "%c %v is before start %D"},
    [RFY_FAULT_CATEGORY_UNKNOWN] =
        {"category_unknown", -1,
         "%c '%v' kendes ikke: brug forsorger, ikke_forsorger, u25_hjemme eller u25_hjemme_bidrag",
         "%c '%v' is not known: use forsorger, ikke_forsorger, u25_hjemme or u25_hjemme_bidrag"},
    [RFY_FAULT_FORLOEB_UNKNOWN] =
        {"forloeb_unknown", -1, "%c '%v' kendes ikke: brug ressourceforløb eller jobafklaringsforløb",
         "%c '%v' is not known: use ressourceforloeb or jobafklaring"},
    [RFY_FAULT_PRIOR_UNKNOWN] =
        {"prior_unknown", -1, "%c '%v' kendes ikke: brug ingen, sygedagpenge eller ledighedsydelse",
         "%c '%v' is not known: use none, sygedagpenge or ledighedsydelse"},
    [RFY_FAULT_PRIOR_UNIT_UNKNOWN] =
        {"prior_unit_unknown", -1, "%c '%v' kendes ikke: brug uge eller måned",
         "%c '%v' is not known: use week or month"},
    [RFY_FAULT_TEXT_CP1252] =
        {"text_cp1252", RFY_HINT_CP1252, "%c '%v' kendes ikke: ligner Windows-1252 (dansk Excels CSV): %h",
         "%c '%v' is not known: looks like Windows-1252 (Danish Excel's CSV): %h"},
    [RFY_FAULT_NUMBER_SIGN] =
        {"number_sign", -1, "%c '%v' er ikke et gyldigt tal: fortegn er ikke tilladt (beløb er aldrig negative)",
         "%c '%v' is not a valid number: a sign is not allowed (amounts are never negative)"},
    [RFY_FAULT_NUMBER_DECIMALS] =
        {"number_decimals", -1, "%c '%v' er ikke et gyldigt tal: mere end %l decimaler (uden tusindtalsseparator)",
         "%c '%v' is not a valid number: more than %l decimals (no thousands separators are allowed)"},
    [RFY_FAULT_NUMBER_COMMA] =
        {"number_comma", RFY_HINT_DECIMAL_COMMA, "%c '%v' er ikke et gyldigt tal: uventet ',' (ingen tusindtalsseparator; %h)",
         "%c '%v' is not a valid number: unexpected ',' (no thousands separators; %h)"},
    [RFY_FAULT_NUMBER_POINT] =
        {"number_point", -1,
         "%c '%v' er ikke et gyldigt tal: uventet '.' (decimaltegnet er ','; et '.' må kun dele kronerne i grupper på tre: 20.000,00)",
         "%c '%v' is not a valid number: unexpected '.' (the decimal separator is ','; a '.' may only group the kroner by three: 20.000,00)"},
    [RFY_FAULT_NUMBER_EXPONENT] =
        {"number_exponent", -1, "%c '%v' er ikke et gyldigt tal: eksponent (fx 1e5) er ikke tilladt",
         "%c '%v' is not a valid number: exponent notation is not allowed"},
    [RFY_FAULT_NUMBER_SPACE] =
        {"number_space", -1, "%c '%v' er ikke et gyldigt tal: indeholder mellemrum",
         "%c '%v' is not a valid number: contains white space"},
    [RFY_FAULT_NUMBER_CHARACTER] =
        {"number_character", -1, "%c '%v' er ikke et gyldigt tal: uventet tegn (forventer cifre og ét decimaltegn)",
         "%c '%v' is not a valid number: unexpected character (expected digits and one decimal point)"},
    [RFY_FAULT_NUMBER_TOO_LONG] =
        {"number_too_long", -1, "%c '%v' er ikke et gyldigt tal: længere end %l tegn",
         "%c '%v' is not a valid number: too long (more than %l characters)"},
    [RFY_FAULT_NUMBER_INVALID] =
        {"number_invalid", -1, "%c '%v' er ikke et gyldigt tal: skriv cifre med højst ét decimaltegn, fx 1234,50",
         "%c '%v' is not a valid number: write digits with at most one decimal point, e.g. 1234.50"},
    [RFY_FAULT_NUMBER_TWO_COMMAS] =
        {"number_two_commas", -1,
         "%c '%v' er ikke et gyldigt beløb: to kommaer (kommaet står kun før ørerne; tusinder deles med punktum: 4.650,00 eller 4650)",
         "%c '%v' is not a valid amount: two commas (the comma stands only before the øre; thousands are grouped with a point: 4.650,00 or 4650)"},
    [RFY_FAULT_NOT_WHOLE] =
        {"not_whole", -1, "%c '%v' er ikke et helt antal %u fra 0 til %l (kun cifre, uden fortegn og decimaler)",
         "%c '%v' is not a whole number of %u from 0 to %l (digits only, no sign or decimals)"},
    [RFY_FAULT_AMOUNT_NEGATIVE] =
        {"amount_negative", -1, "%c er negativ: et beløb skal være fra 0 til %K",
         "%c is negative: an amount must be from 0 to %K"},
    [RFY_FAULT_AMOUNT_TOO_LARGE] =
        {"amount_too_large", -1, "%c '%v' er over grænsen %K", "%c '%v' is above the limit %K"},
    [RFY_FAULT_OUT_OF_RANGE] =
        {"out_of_range", -1, "%c '%v' er uden for grænsen: fra 0 til %l %u", "%c '%v' is out of range: from 0 to %l %u"},
    [RFY_FAULT_CHILDREN_RANGE] =
        {"children_range", -1, "%c '%v' er uden for grænsen: brug et helt tal fra 1 til %l",
         "%c '%v' is out of range: use a whole number from 1 to %l"},
    [RFY_FAULT_MONTH_RANGE] = {"month_range", -1, "%c er uden for kalenderen", "%c is out of range"},
    [RFY_FAULT_DAY_OUTSIDE_MONTH] =
        {"day_outside_month", -1, "%c skal være en dag i måneden %m", "%c must be a day inside the month %m"},
    [RFY_FAULT_CHILDREN_REQUIRED] =
        {"children_required", -1,
         "%c skal udfyldes for u25_hjemme_bidrag: antallet af børn (1-20) med dokumenteret bidragspligt (§ 68 stk. 2 nr. 4)",
         "%c is required for u25_hjemme_bidrag: the number of children (1-20) with documented bidragspligt (§ 68 stk. 2 nr. 4)"},
    [RFY_FAULT_PRIOR_AMOUNT_WITHOUT_PRIOR] =
        {"prior_amount_without_prior", -1,
         "%c er udfyldt, men prior er ingen: sæt prior til sygedagpenge eller ledighedsydelse, eller lad prior_amount stå tom",
         "%c given, but prior is none: set prior to sygedagpenge or ledighedsydelse, or leave prior_amount empty"},
    [RFY_FAULT_PRIOR_UNTIL_WITHOUT_SDP] =
        {"prior_until_without_sygedagpenge", -1, "%c er udfyldt, men prior er ikke sygedagpenge",
         "%c given, but prior is not sygedagpenge"},
    [RFY_FAULT_PRIOR_AMOUNT_REQUIRED] =
        {"prior_amount_required", -1, "%c skal udfyldes med en prior: den hidtidige ydelse i kr. pr. prior_unit",
         "%c is required with a prior: the hidtidige ydelse in kr. per prior_unit"},
    [RFY_FAULT_PRIOR_UNIT_REQUIRED] =
        {"prior_unit_required", -1, "%c skal udfyldes med prior %n: brug uge eller måned",
         "%c is required with prior %n: use week or month"},
    [RFY_FAULT_SDP_ONLY_RESSOURCE] =
        {"sygedagpenge_only_ressourceforloeb", -1,
         "%c: sygedagpengeniveauet (§ 68 stk. 4) gælder kun i ressourceforløb; i jobafklaringsforløb lades prior tom",
         "%c: the sygedagpenge level (§ 68 stk. 4) applies only in ressourceforloeb; in jobafklaring leave prior empty"},
    [RFY_FAULT_PRIOR_UNTIL_REQUIRED] =
        {"prior_until_required", -1,
         "%c skal udfyldes med prior sygedagpenge: sidste dag med ret på sygedagpengeniveau (ÅÅÅÅ-MM-DD)",
         "%c is required with prior sygedagpenge: the last day of the sygedagpenge-level entitlement (YYYY-MM-DD)"},
    [RFY_FAULT_PRIOR_UNTIL_ONLY_SDP] =
        {"prior_until_only_sygedagpenge", -1, "%c bruges kun med prior sygedagpenge (§ 68 stk. 5 har ingen slutdato)",
         "%c is only used with prior sygedagpenge (§ 68 stk. 5 has no end date)"},
    [RFY_FAULT_HOLIDAY_DAYS_REQUIRED] =
        {"holiday_days_required", -1, "%c skal udfyldes, når holiday_pay er givet: de feriedage feriepengene dækker",
         "%c is required when holiday_pay is given: the feriedage the holiday pay covers"},
    [RFY_FAULT_HOLIDAY_USED_NO_WINDOW] =
        {"holiday_used_without_window", -1,
         "%c er udfyldt, men holiday_run_months er under %l: der åbnes ingen ferieperiode før %l måneders sammenhængende modtagelse (lad holiday_used_days stå tom, eller ret holiday_run_months)",
         "%c given, but holiday_run_months is below %l: no holiday window is open before %l consecutive months of receipt (leave holiday_used_days empty, or correct holiday_run_months)"},
    [RFY_FAULT_SANCTION_DAYS_EXCEED] =
        {"sanction_days_exceed", -1,
         "%c %v er flere end rækkens %l dage med ret (dag %a-%b i måneden): en periodesanktion dækker kun dage i rækkens periode",
         "%c %v is more than the row's %l days of entitlement (days %a-%b of the month): a periodesanktion covers days of this row's period only"},
    [RFY_FAULT_BEFORE_RESSOURCEFORLOEB] =
        {"before_ressourceforloeb", -1, "%m ligger før ressourceforløb fandtes (fra 2013-01, lov nr. 1380 af 23.12.2012)",
         "%m is before ressourceforloeb existed (from 2013-01, lov nr. 1380 af 23.12.2012)"},
    [RFY_FAULT_BEFORE_JOBAFKLARING] =
        {"before_jobafklaring", -1, "%m ligger før jobafklaringsforløb fandtes (fra 2014-07, lov nr. 720 af 25.6.2014)",
         "%m is before jobafklaringsforloeb existed (from 2014-07, lov nr. 720 af 25.6.2014)"},
    [RFY_FAULT_RATE_MISSING] =
        {"rate_missing", RFY_HINT_MISSING_KEY, "satstabellen for %m mangler %n: %h",
         "the rate table for %m has no %n: %h"},
    [RFY_FAULT_RATE_MONTH_UNCOVERED] =
        {"rate_month_uncovered", RFY_HINT_NEWER_RATES,
         "ingen satstabel dækker %m (mangler: %n; tabellerne dækker %v): %h",
         "no rate table covers %m (needed: %n; the tables cover %v): %h"},
    [RFY_FAULT_NORMALBIDRAG_MISSING] =
        {"normalbidrag_missing", -1,
         "%c: normalbidraget for %m kendes ikke: giv det dokumenterede månedlige bidrag i child_support (§ 68 stk. 2 nr. 4)",
         "%c: no normalbidrag_month is known for %m: give the documented monthly bidrag in child_support (§ 68 stk. 2 nr. 4)"},
    [RFY_FAULT_SDP_ABOVE_MAX] =
        {"sygedagpenge_above_max", -1,
         "%c er over det højeste sygedagpengebeløb for måneden (%v kr. pr. uge, × 52/12 pr. måned; § 68 stk. 4)",
         "%c is above the highest sygedagpenge amount for the month (%v kr. per week, x 52/12 per month; § 68 stk. 4)"},
    [RFY_FAULT_OVERLAP] =
        {"overlap", -1,
         "dagene overlapper %N %o (samme sag og måned): en dag ville blive betalt to gange; alle rækker i sagsmåneden afvises%P",
         "its days overlap those of %N %o, same case and month: a day would be paid twice; all rows of the case-month are rejected%P"},
    [RFY_FAULT_FORLOEB_DIFFERS] =
        {"forloeb_differs", -1,
         "forloeb er et andet end på %N %o (samme sag og måned; en sagsmåned er ét forløb); alle rækker i sagsmåneden afvises",
         "forloeb differs from %N %o, same case and month (one case-month is one forloeb); every row of this case-month is rejected"},
    [RFY_FAULT_TOO_MANY_ROWS] =
        {"too_many_rows", -1,
         "mere end %l periode-rækker for én sag og måned (de må overlappe); alle rækker i sagsmåneden afvises",
         "more than %l period rows for one case and month (they must overlap); every row of this case-month is rejected"},
    [RFY_FAULT_WITH_REJECTED_ROW] =
        {"with_rejected_row", -1, "ikke beregnet: %N %o i samme sag og måned blev afvist (%x%C)",
         "not computed: %N %o of the same case and month was rejected (%x%C)"},
    [RFY_FAULT_MONTHS_DIFFER] =
        {"months_differ", -1, "rækker fra forskellige måneder kan ikke udgøre én sagsmåned",
         "rows of different months cannot form one case-month"},
    [RFY_FAULT_PAYMENT_WITHOUT_ROW] =
        {"payment_without_row", -1, "en betalingslinje, men ingen række i samme sag og måned at beregne den ud fra",
         "a payment line, but no row of this case and month to compute it from"},
    [RFY_FAULT_HOLIDAY_MONTH_ORDER] =
        {"holiday_month_order", -1,
         "måned %m kommer efter %M i samme sag: ferieregnskabet kræver hver af sagens måneder én gang og i rækkefølge",
         "month %m comes after %M of the same case: the holiday ledger needs each case's months once and in order"},
    [RFY_FAULT_HOLIDAY_STATE_DIFFERS] =
        {"holiday_state_differs", -1,
         "%c afviger fra tilstanden ført videre fra %M i denne fil (%l måneder, %v dage): angiv tilstanden kun i sagens første måned",
         "%c differs from the state carried from %M in this file (%l months, %v days): give the state on a case's first month only"},
    [RFY_FAULT_HOLIDAY_YDELSE_SUM] =
        {"holiday_ydelse_sum", -1, "%c for månedens rækker giver i alt %o, mere end en måneds 31 dage",
         "%c of the month's rows add up to %o, more than the 31 days of a month"},
    [RFY_FAULT_HOLIDAY_STATE_ROWS_DIFFER] =
        {"holiday_state_rows_differ", -1,
         "%c afviger fra værdien på en anden række i samme sagsmåned: angiv ferietilstanden én gang, eller ens på alle rækker",
         "%c differs from the value on another row of the same case-month: give the holiday state once, or the same on every row"},
    [RFY_FAULT_PAID_EMPTY] =
        {"paid_empty", -1, "%c er tom: angiv det udbetalte beløb (0 hvis intet blev udbetalt)",
         "%c is empty: give the amount that was paid (0 if nothing was)"},
    [RFY_FAULT_PAID_EMPTY_ALL] =
        {"paid_empty_all", -1,
         "%c er tom på alle rækker i denne sag og måned: angiv det udbetalte beløb (0 hvis intet blev udbetalt)",
         "%c is empty on every row of this case and month: give the amount that was paid (0 if nothing was)"},
    [RFY_FAULT_JSON_MALFORMED] =
        {"json_malformed", -1, "ugyldig JSON i linje %l, kolonne %o: %v",
         "malformed JSON at line %l, column %o: %v"},
    [RFY_FAULT_JSON_SHAPE] =
        {"json_shape", -1, "indholdet skal være {\"rows\": [ {...}, ... ]} med mindst én række",
         "the body must be {\"rows\": [ {...}, ... ]} with at least one row object"},
    [RFY_FAULT_JSON_TOO_MANY_ROWS] =
        {"json_too_many_rows", -1, "%o rækker i én forespørgsel: højst %l (send flere forespørgsler)",
         "%o rows in one request: at most %l (send several requests)"},
    [RFY_FAULT_JSON_ROW_NOT_OBJECT] =
        {"json_row_not_object", -1,
         "en række skal være et JSON-objekt af inputkolonner, fx {\"month\": \"2024-05\", \"category\": \"forsorger\"}",
         "a row must be a JSON object of batch input columns, e.g. {\"month\": \"2024-05\", \"category\": \"forsorger\"}"},
    [RFY_FAULT_JSON_NUL] =
        {"json_nul", -1, "%c indeholder et NUL-tegn", "%c contains a NUL character"},
    [RFY_FAULT_JSON_FRACTION] =
        {"json_fraction", -1,
         "%c er et JSON-tal med decimaler, som ikke kan bæres præcist: skriv det som tekst, fx \"12345.67\"",
         "%c is a JSON number with a fraction, which cannot be carried exactly: write it as a string, e.g. \"12345.67\""},
    [RFY_FAULT_JSON_TYPE] =
        {"json_type", -1, "%c skal være en tekst eller et helt tal", "%c must be a string or a whole number"},
    [RFY_FAULT_JSON_AMOUNT_FORMAT] =
        {"json_amount_format", -1,
         "\"amount_format\" skal være \"da\" (beløb som 4.650 og 20.000,00) eller \"dot\" (1234.50)",
         "\"amount_format\" must be \"da\" (amounts like 4.650 and 20.000,00) or \"dot\" (1234.50)"},
    [RFY_FAULT_HTTP_BODY_TOO_LARGE] =
        {"http_body_too_large", -1, "forespørgslens indhold er over %l byte", "the request body is over %l bytes"},
    [RFY_FAULT_HTTP_METHOD] = {"http_method", -1, "brug %v", "use %v"},
    [RFY_FAULT_HTTP_NO_PATH] =
        {"http_no_path", -1,
         "ingen sådan API-sti (POST /api/v1/calculate, GET /api/v1/catalogue, GET /api/v1/rates/ÅÅÅÅ, GET /api/v1/health)",
         "no such API path (POST /api/v1/calculate, GET /api/v1/catalogue, GET /api/v1/rates/YYYY, GET /api/v1/health)"},
    [RFY_FAULT_RATES_YEAR_UNCOVERED] =
        {"rates_year_uncovered", -1, "ingen satstabel dækker %l", "no rate table covers %l"},
    [RFY_FAULT_LY_ABOVE_MAX] =
        {"ledighedsydelse_above_max", -1,
         "%c er over det højeste dagpengebeløb for måneden (%v kr. %U%W; § 68 stk. 5, AFL § 47)",
         "%c is above the highest dagpenge amount for the month (%v kr. %U%W; § 68 stk. 5, AFL § 47)"},
    [RFY_FAULT_LEDGER_PAID] =
        {"ledger_already_paid", -1,
         "%m i denne sag er udbetalt af kørsel %o (%r) den %t: kør igen med --corrections for at betale en efterregulering",
         "%m of this case was paid by run %o (%r) of %t; to pay a correction, run again with --corrections"},
    [RFY_FAULT_LEDGER_STATE_DIFFERS] =
        {"ledger_holiday_state_differs", -1,
         "rækken angiver %o måneder, %r dage; ledgeren fører %l måneder, %t dage efter %M: lad holiday_run_months og holiday_used_days stå tomme",
         "the row gives %o months, %r days; the ledger carries %l months, %t days after %M: leave holiday_run_months and holiday_used_days empty"},
    [RFY_FAULT_LEDGER_ROWS_FORM] =
        {"ledger_rows_form", -1,
         "de gemte rækker har ikke ledgerens form: ledgeren er beskadiget eller skrevet af et andet program (rfy ledger verify)",
         "stored rows are not in the ledger's form: the ledger is damaged or was written by another program (rfy ledger verify)"},
    [RFY_FAULT_LEDGER_ROWS_UNREADABLE] =
        {"ledger_rows_unreadable", -1,
         "de gemte rækker kan ikke læses: ledgeren er beskadiget (rfy ledger verify)",
         "stored rows cannot be read: the ledger is damaged (rfy ledger verify)"},
    [RFY_FAULT_WHATIF_KEY_UNKNOWN] =
        {"whatif_key_unknown", -1,
         "'%v' hører ikke til et interval: brug wage_from, wage_to og step, eller hourly_wage, hours_from, hours_to og hours_step",
         "'%v' is not part of a range: use wage_from, wage_to and step, or hourly_wage, hours_from, hours_to and hours_step"},
    [RFY_FAULT_WHATIF_CASE_KEY_UNKNOWN] =
        {"whatif_case_key_unknown", -1,
         "'%v' er ikke en inputkolonne (nøglerne i \"case\" er batchens kolonnenavne, fx month, category, other_income)",
         "'%v' is not an input column (the keys of \"case\" are the batch input column names, e.g. month, category, other_income)"},
    [RFY_FAULT_WHATIF_RANGE_BOTH] =
        {"whatif_range_both", -1,
         "giv enten et lønspænd (wage_from, wage_to, step) eller timer til en timeløn (hourly_wage, hours_from, hours_to, hours_step), ikke begge",
         "give either a wage range (wage_from, wage_to, step) or hours at an hourly wage (hourly_wage, hours_from, hours_to, hours_step), not both"},
    [RFY_FAULT_WHATIF_RANGE_REQUIRED] =
        {"whatif_range_required", -1,
         "et interval skal angives: wage_from, wage_to og step (kr.), eller hourly_wage, hours_from, hours_to og hours_step",
         "a range is required: wage_from, wage_to and step (kroner), or hourly_wage, hours_from, hours_to and hours_step"},
    [RFY_FAULT_WHATIF_HOURLY_RANGE] =
        {"whatif_hourly_range", -1, "%c '%v' skal være et beløb over 0 og højst %K",
         "%c '%v' must be an amount above 0 and at most %K"},
    [RFY_FAULT_WHATIF_HOURS_WAGE_TOO_LARGE] =
        {"whatif_hours_wage_too_large", -1,
         "%c timer à hourly_wage giver en løn over %K, den største rfy tager imod",
         "%c hours at hourly_wage come to a wage above %K, the largest rfy accepts"},
    [RFY_FAULT_WHATIF_FROM_ABOVE_TO] =
        {"whatif_from_above_to", -1, "%c må ikke være over %n", "%c must not be above %n"},
    [RFY_FAULT_WHATIF_STEP_ZERO] =
        {"whatif_step_zero", -1, "%c skal være over 0", "%c must be above 0"},
    [RFY_FAULT_WHATIF_TOO_MANY_POINTS] =
        {"whatif_too_many_points", -1, "intervallet har flere end %l punkter: tag et større skridt eller et kortere interval",
         "the range has more than %l points: take a larger step or a shorter range"},
    [RFY_FAULT_WHATIF_BODY_SHAPE] =
        {"whatif_body_shape", -1,
         "indholdet skal være {\"case\": {...}, \"wage_from\": \"0\", \"wage_to\": \"40000\", \"step\": \"1000\"} (eller hourly_wage, hours_from, hours_to, hours_step)",
         "the body must be {\"case\": {...}, \"wage_from\": \"0\", \"wage_to\": \"40000\", \"step\": \"1000\"} (or hourly_wage, hours_from, hours_to, hours_step)"},
    [RFY_FAULT_BREAK_EVEN_NONE] =
        {"break_even_none", -1,
         "ingen løn op til %K (den største løn rfy tager imod) fjerner hele ydelsen: der er ingen nulpunktsløn",
         "no wage up to %K (the largest wage rfy accepts) takes the whole ydelse: there is no break-even wage"},
    [RFY_FAULT_BREAK_EVEN_UNCONFIRMED] =
        {"break_even_unconfirmed", -1,
         "nulpunktslønnen kunne ikke bekræftes af beregningen (en fejl i rfy: indberet venligst sagen)",
         "the break-even wage could not be confirmed by the computation (a defect in rfy: please report the case)"},
    [RFY_FAULT_HTTP_BUSY] =
        {"server_busy", -1,
         "serveren har allerede for mange anmodninger og svar i hukommelsen; prøv igen om et sekund (Retry-After)",
         "the server already holds too many requests and answers in memory; try again in a second (Retry-After)"},
    [RFY_FAULT_HTTP_STOPPING] =
        {"server_stopping", -1, "serveren er ved at stoppe; prøv igen om lidt (Retry-After)",
         "the server is stopping; try again in a moment (Retry-After)"},
    [RFY_FAULT_HTTP_LENGTH_AMBIGUOUS] =
        {"request_length_ambiguous", -1,
         "anmodningens længde er tvetydig: Content-Length er givet to gange med forskellige værdier eller sammen med Transfer-Encoding; send én Content-Length",
         "the request's length is ambiguous: Content-Length given twice with different values, or with Transfer-Encoding; send one Content-Length"},
};

const char *rfy_fault_id(rfy_fault_code code)
{
    return (unsigned)code < RFY_FAULT_COUNT && CATALOGUE[code].id ? CATALOGUE[code].id : "";
}

int rfy_fault_from_id(rfy_fault_code *out, const char *id)
{
    int i;
    for (i = 0; i < RFY_FAULT_COUNT; i++)
        if (CATALOGUE[i].id && strcmp(CATALOGUE[i].id, id) == 0) {
            *out = (rfy_fault_code)i;
            return 0;
        }
    return -1;
}

int rfy_lang_from_name(rfy_lang *out, const char *name)
{
    if (strcmp(name, "da") == 0)
        *out = RFY_LANG_DA;
    else if (strcmp(name, "en") == 0)
        *out = RFY_LANG_EN;
    else
        return -1;
    return 0;
}

/* The unit of a column's whole or bounded number, for %u. */
static const char *unit_of(const char *column, rfy_lang lang)
{
    static const struct {
        const char *column, *da, *en;
    } UNIT[] = {
        {"holiday_days", "feriedage", "feriedage"},
        {"activation_hours", "timer", "hours"},
        {"holiday_ydelse_days", "kalenderdage", "calendar days"},
        {"holiday_run_months", "måneder", "months"},
        {"holiday_used_days", "dage", "days"},
        {"sanction_days", "dage", "days"},
        {"hours_to", "timer", "hours"},
    };
    size_t i;
    for (i = 0; i < sizeof UNIT / sizeof UNIT[0]; i++)
        if (strcmp(UNIT[i].column, column) == 0)
            return lang == RFY_LANG_EN ? UNIT[i].en : UNIT[i].da;
    return "";
}

/* What a required cell should hold, for the "required" code's %u. */
static const char *required_what(const char *column, rfy_lang lang)
{
    if (strcmp(column, "month") == 0)
        return lang == RFY_LANG_EN ? " (YYYY-MM, e.g. 2024-04)" : " (ÅÅÅÅ-MM, fx 2024-04)";
    if (strcmp(column, "category") == 0)
        return lang == RFY_LANG_EN ? ": use forsorger, ikke_forsorger, u25_hjemme or u25_hjemme_bidrag"
                                   : ": brug forsorger, ikke_forsorger, u25_hjemme eller u25_hjemme_bidrag";
    return "";
}

/* øre as kroner: Danish "9.999.999,99 kr.", English "9999999.99 kr.". */
static void kroner(char *buf, size_t size, long ore, rfy_lang lang)
{
    char digits[24];
    size_t n, i, o = 0;
    if (ore < 0)
        ore = 0;
    n = (size_t)snprintf(digits, sizeof digits, "%ld", ore / 100);
    for (i = 0; i < n && o + 2 < size; i++) {
        if (lang == RFY_LANG_DA && i > 0 && (n - i) % 3 == 0)
            buf[o++] = '.';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
    snprintf(buf + o, size - o, "%c%02ld kr.", lang == RFY_LANG_EN ? '.' : ',', ore % 100);
}

size_t rfy_fault_text(char *buf, size_t size, const rfy_fault *f, rfy_lang lang)
{
    return rfy_fault_text_hinted(buf, size, f, lang, NULL);
}

size_t rfy_fault_text_hinted(char *buf, size_t size, const rfy_fault *f, rfy_lang lang,
                             const rfy_hints *hints)
{
    const entry *e;
    const char *t;
    size_t used = 0;
    char tmp[48];

    if (size == 0)
        return 0;
    buf[0] = '\0';
    if ((unsigned)f->code >= RFY_FAULT_COUNT || !CATALOGUE[f->code].id)
        return 0;
    e = &CATALOGUE[f->code];
    if (f->line > 0) { /* the fault lies on another line than the row it is reported with */
        snprintf(tmp, sizeof tmp, lang == RFY_LANG_EN ? "line %lu: " : "linje %lu: ", f->line);
        used = rfy__text_append(buf, size, used, tmp);
    }
    for (t = lang == RFY_LANG_EN ? e->en : e->da; *t && used + 1 < size; t++) {
        const char *piece = tmp;
        const char *column = f->column ? f->column : "";
        if (*t != '%') {
            /* a run of plain bytes at once: keeps multi-byte characters whole */
            size_t k = strcspn(t, "%");
            char run[512];
            if (k >= sizeof run)
                k = sizeof run - 1;
            memcpy(run, t, k);
            run[k] = '\0';
            used = rfy__text_append(buf, size, used, run);
            t += k - 1;
            continue;
        }
        if (!t[1])
            break;
        switch (*++t) {
        case 'v': piece = f->value; break;
        case 'c': piece = column; break;
        case 'l': snprintf(tmp, sizeof tmp, "%ld", f->limit); break;
        case 'K': kroner(tmp, sizeof tmp, f->limit, lang); break;
        case 'o': snprintf(tmp, sizeof tmp, "%ld", f->other); break;
        case 'a': snprintf(tmp, sizeof tmp, "%d", f->first_day); break;
        case 'b': snprintf(tmp, sizeof tmp, "%d", f->last_day); break;
        case 'm': rfy_month_format(tmp, f->month); break;
        case 'D':
            rfy_month_format(tmp, f->month);
            snprintf(tmp + strlen(tmp), sizeof tmp - strlen(tmp), "-%02d", f->first_day);
            break;
        case 'M': rfy_month_format(tmp, f->other_month); break;
        case 'n': piece = f->name ? f->name : ""; break;
        case 'C': piece = rfy_fault_id(f->cause); break;
        case 'x':
            if (f->cause_column && f->cause_column[0])
                snprintf(tmp, sizeof tmp, "%.30s: ", f->cause_column);
            else
                tmp[0] = '\0';
            break;
        case 'u':
            piece = f->code == RFY_FAULT_REQUIRED ? required_what(column, lang) : unit_of(column, lang);
            break;
        case 'N':
            if (f->name && strcmp(f->name, "row") == 0)
                piece = lang == RFY_LANG_EN ? "row" : "række";
            else
                piece = lang == RFY_LANG_EN ? "line" : "linje";
            break;
        case 'P':
            piece = f->limit != 1 ? ""
                    : lang == RFY_LANG_EN ? "; a correction is a payment line (case_id, month, paid only)"
                                          : "; en rettelse er en betalingslinje (kun case_id, month og paid)";
            break;
        case 'h': piece = e->hint >= 0 ? rfy_hints_text(hints, (rfy_hint)e->hint) : ""; break;
        case 'U': /* the unit of a maximum: limit 1 = a week */
            piece = f->limit == 1 ? (lang == RFY_LANG_EN ? "per week" : "pr. uge")
                                  : (lang == RFY_LANG_EN ? "per month" : "pr. måned");
            break;
        case 'W': /* the row gave a weekly amount: say how it was compared */
            piece = f->other != 1 ? ""
                    : lang == RFY_LANG_EN ? "; a weekly amount counts x 52/12"
                                          : "; et ugebeløb tæller × 52/12";
            break;
        case 'r': /* the value's first part (before its first space) */
        case 't': { /* ... and the rest */
            size_t k = strcspn(f->value, " ");
            if (*t == 'r') {
                if (k >= sizeof tmp)
                    k = sizeof tmp - 1;
                memcpy(tmp, f->value, k);
                tmp[k] = '\0';
            } else
                piece = f->value[k] ? f->value + k + 1 : "";
            break;
        }
        default: tmp[0] = '%'; tmp[1] = '\0'; break;
        }
        used = rfy__text_append(buf, size, used, piece);
    }
    return used;
}
