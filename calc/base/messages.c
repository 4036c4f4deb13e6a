/*
 * The one catalogue of what a run or a command says as a whole
 * (rfy/messages.h): each message's printf format in Danish (the default)
 * and English, side by side.  It sits on the lowest floor of calc/ so the
 * CSV reader (run/) and the command line (cli/) render from the same table.
 *
 * The two texts of an entry take the same conversions in the same order
 * (tests/test_messages.c checks it), so a call site passes one argument
 * list to either.  File names, column names, option names and commands stay
 * verbatim in both; the way out comes last.
 */
#include <string.h>

#include "reasons.h"

#include <rfy/messages.h>
#include <rfy/status.h>

/* The library's way out at the end of rfy_decimal_parse()'s reason for a
 * ',' (message_hints.c, DEFAULT_DECIMAL_COMMA): a program replaces it with
 * rfy_hints_apply, in either language. */
#define DECIMAL_COMMA_HINT "decimalkomma skal angives som inputtets syntaks"

typedef struct message_text {
    const char *da; /* the default */
    const char *en;
} message_text;

static const message_text MESSAGES[RFY_MSG_COUNT] = {
    /* words that go into other messages */
    [RFY_MSG_STDIN] = {"standardinput", "standard input"},
    [RFY_MSG_STDOUT] = {"standardoutput", "standard output"},
    [RFY_MSG_STDERR] = {"standardfejl", "standard error"},
    [RFY_MSG_OUTPUT_FILE] = {"outputfilen", "output"},
    [RFY_MSG_REPORT_FILE] = {"rapportfilen", "report"},
    [RFY_MSG_FOUND_MORE] = {", fandt flere", ", found more"},
    [RFY_MSG_USAGE] = {"brug: ", "usage: "},
    [RFY_MSG_OPTIONS] = {"Tilvalg:", "Options:"},
    /* the command line */
    [RFY_MSG_LANG_MISSING] = {"--lang kræver da eller en", "--lang needs da or en"},
    [RFY_MSG_LANG_BAD] = {"--lang '%s': brug da eller en", "--lang '%s': use da or en"},
    [RFY_MSG_NO_COMMAND] = {"ingen kommando '%s' (prøv rfy help)",
                            "no command '%s' (try rfy help)"},
    [RFY_MSG_UNKNOWN_COMMAND] = {"ukendt kommando '%s' (prøv rfy --help)",
                                 "unknown command '%s' (try rfy --help)"},
    [RFY_MSG_UNKNOWN_OPTION] = {"ukendt tilvalg '%s' (rfy help %s viser tilvalgene)",
                                "unknown option '%s' (rfy help %s lists the options)"},
    [RFY_MSG_UNKNOWN_OPTION_TOP] = {"ukendt tilvalg '%s' (prøv rfy --help)",
                                    "unknown option '%s' (try rfy --help)"},
    [RFY_MSG_OPTION_AMBIGUOUS] = {"tilvalget '%s' kan være flere: skriv hele navnet",
                                  "option '%s' is ambiguous: write its whole name"},
    [RFY_MSG_OPTION_NEEDS_VALUE] = {"%s kræver en værdi", "%s needs a value"},
    [RFY_MSG_OPTION_NO_VALUE] = {"%s tager ingen værdi", "%s takes no value"},
    [RFY_MSG_UNEXPECTED_ARG] = {"uventet argument '%s'", "unexpected argument '%s'"},
    [RFY_MSG_DELIMITER] = {"--delimiter skal være ét tegn, der ikke er et anførselstegn eller et "
                           "linjeskift (eller 'tab'), ikke '%s'",
                           "--delimiter must be one character other than a quote or a line break "
                           "(or 'tab'), not '%s'"},
    [RFY_MSG_JOBS] = {"--jobs skal være et helt tal fra 1 til %d, ikke '%s'",
                      "--jobs must be a whole number from 1 to %d, not '%s'"},
    [RFY_MSG_ONE_INPUT] = {"forventede én inputfil (%s, eller - for standardinput)%s",
                           "expected one input file (%s, or - for standard input)%s"},
    [RFY_MSG_XLSX_NEEDS_FILE] = {"--format xlsx skriver en projektmappe: giv den en fil med -o %s",
                                 "--format xlsx writes a workbook: give it a file with -o %s"},
    [RFY_MSG_ENCODING] = {"--encoding skal være utf-8, cp1252, latin1 eller utf-16, ikke '%s'",
                          "--encoding must be utf-8, cp1252, latin1 or utf-16, not '%s'"},
    [RFY_MSG_COLUMNS_ONCE] = {"--columns må kun gives én gang", "--columns may be given once"},
    [RFY_MSG_FORMAT] = {"--format skal være csv, excel, xlsx eller json, ikke '%s'",
                        "--format must be csv, excel, xlsx or json, not '%s'"},
    [RFY_MSG_SEP_LINE] = {"%s: linje 1 siger sep=%c, men --delimiter giver et andet: udelad "
                          "--delimiter",
                          "%s: line 1 says sep=%c but --delimiter gives another: leave out "
                          "--delimiter"},
    [RFY_MSG_FILES_DIFFERENT] = {"inputfilen, %s og afvisningsfilen skal være forskellige filer",
                                 "the input, %s and rejects files must be different"},
    [RFY_MSG_RECEIPT_CLASHES] = {"kvitteringen skal være en anden fil end inputfilen, %s og "
                                 "afvisningsfilen (og ikke standardoutput, når %s skrives dertil)",
                                 "the receipt must be another file than the input, %s and rejects "
                                 "(and not standard output when the %s is there)"},
    [RFY_MSG_CORRECTIONS_NEED_LEDGER] = {"--corrections kræver --ledger FIL (de sagsmåneder, der "
                                         "er betalt før, står i ledgeren)",
                                         "--corrections needs --ledger FILE (the case-months paid "
                                         "before are in the ledger)"},
    [RFY_MSG_KEEP_EMPTY] = {"--keep-columns: '%s' er tom: giv navnene adskilt af kommaer",
                            "--keep-columns: '%s' is empty: give the names separated by commas"},
    [RFY_MSG_KEEP_TOO_MANY] = {"--keep-columns: '%s' er én for mange: højst 8 kolonner bevares",
                               "--keep-columns: '%s' is one too many: at most 8 columns are kept"},
    [RFY_MSG_KEEP_INPUT] =
        {"--keep-columns: '%s' er en af rfy's inputkolonner: rfy læser den (dens værdi står i "
         "outputtet)",
         "--keep-columns: '%s' is one of rfy's input columns: rfy reads it (its value is in the "
         "output)"},
    [RFY_MSG_KEEP_TWICE] = {"--keep-columns: '%s' er givet to gange",
                            "--keep-columns: '%s' is given twice"},
    [RFY_MSG_KEEP_MISSING] = {"--keep-columns: inputtet har ingen kolonne '%s' (overskriftens "
                              "navne, præcis som skrevet)",
                              "--keep-columns: the input has no column '%s' (the header names, "
                              "exactly as written)"},
    /* files */
    [RFY_MSG_CANNOT_READ] = {"kan ikke læse %s: %s", "cannot read %s: %s"},
    [RFY_MSG_CANNOT_OPEN] = {"kan ikke åbne %s: %s", "cannot open %s: %s"},
    [RFY_MSG_CANNOT_CREATE] = {"kan ikke oprette %s: %s", "cannot create %s: %s"},
    [RFY_MSG_CANNOT_WRITE] = {"kan ikke skrive %s: %s", "cannot write %s: %s"},
    [RFY_MSG_CANNOT_REPLACE] = {"kan ikke erstatte %s: %s", "cannot replace %s: %s"},
    [RFY_MSG_CANNOT_HASH] = {"kan ikke beregne kontrolsummen af %s: %s", "cannot hash %s: %s"},
    [RFY_MSG_CANNOT_READ_BACK] = {"kan ikke læse %s igen for at beregne kontrolsummen: %s",
                                  "cannot read %s back to hash it: %s"},
    [RFY_MSG_WRITE_FAILED] = {"kan ikke skrive %s: en skrivning mislykkedes",
                              "cannot write %s: a write failed"},
    [RFY_MSG_NOT_FINISHED] = {"kan ikke erstatte %s: filen er ikke færdigskrevet",
                              "cannot replace %s: not finished"},
    [RFY_MSG_NOT_WRITTEN] = {"%s er ikke skrevet", "%s not written"},
    [RFY_MSG_CANNOT_READ_INPUT] = {"inputtet kan ikke læses", "cannot read the input"},
    [RFY_MSG_CANNOT_WRITE_OUTPUT] = {"outputtet kan ikke skrives", "cannot write the output"},
    [RFY_MSG_CANNOT_WRITE_THE] = {"%s kan ikke skrives", "cannot write the %s"},
    [RFY_MSG_CANNOT_WRITE_SUMMARY_SHEET] = {"oversigtsarket kan ikke skrives: ikke nok hukommelse",
                                            "cannot write the summary sheet: out of memory"},
    [RFY_MSG_XLSX_TOO_MANY_ROWS] = {"rækkerne kan ikke skrives som xlsx (et ark rummer højst "
                                    "1048576 rækker: brug --format csv)",
                                    "cannot write the xlsx rows (a sheet holds at most 1048576 "
                                    "rows: use --format csv)"},
    [RFY_MSG_XLSX_CANNOT_START] = {"xlsx-projektmappen kan ikke oprettes",
                                   "cannot start the xlsx workbook"},
    [RFY_MSG_XLSX_CANNOT_WRITE] = {"xlsx-projektmappen kan ikke skrives: %s",
                                   "cannot write the xlsx workbook: %s"},
    [RFY_MSG_RECEIPT_TO_STDERR] = {"kan ikke skrive kvitteringen til standardfejl: %s",
                                   "cannot write the receipt to standard error: %s"},
    [RFY_MSG_CANNOT_BUILD_RECEIPT] = {"kvitteringen kan ikke dannes: ikke nok hukommelse",
                                      "cannot build the receipt: out of memory"},
    [RFY_MSG_CANNOT_WRITE_RECEIPT] = {"kvitteringen kan ikke skrives", "cannot write the receipt"},
    [RFY_MSG_RECEIPT_OVERWRITE] = {"kvitteringen %s ville overskrive inputtet eller et output",
                                   "the receipt %s would overwrite the input or an output"},
    [RFY_MSG_REJECTS_SPOOL] = {"kan ikke åbne en midlertidig fil til afvisningerne: %s",
                               "cannot open a temporary file for the rejects: %s"},
    [RFY_MSG_REJECTS_ORDER] = {"afvisningerne kan ikke sættes i linjerækkefølge: %s",
                               "cannot put the rejects in line order: %s"},
    [RFY_MSG_REJECTS_ORDER_WRITE] = {"afvisningerne kan ikke skrives i linjerækkefølge: %s",
                                     "cannot write the rejects in line order: %s"},
    [RFY_MSG_CANNOT_HASH_INPUT] = {"kontrolsummen af inputtet kan ikke beregnes: ikke nok "
                                   "hukommelse",
                                   "cannot hash the input: out of memory"},
    /* reading the input */
    [RFY_MSG_INPUT_EMPTY] = {"inputtet er tomt: der skal være en overskriftsrække med mindst "
                             "case_id, month og category",
                             "the input is empty: expected a header row with at least case_id, "
                             "month and category"},
    [RFY_MSG_CSV_UNTERMINATED] = {"linje %lu: et felt i anførselstegn i kolonne %lu slutter aldrig "
                                  "(et '\"' lukkes aldrig)",
                                  "line %lu: unterminated quoted field in column %lu (a '\"' is "
                                  "never closed)"},
    [RFY_MSG_CSV_MALFORMED] = {"linje %lu: fejl i anførselstegnene i kolonne %lu (et '\"' inde i "
                               "et felt uden anførselstegn, eller tekst efter et afsluttende "
                               "anførselstegn)",
                               "line %lu: malformed quoting in column %lu (a '\"' inside an "
                               "unquoted field, or text after a closing quote)"},
    [RFY_MSG_CSV_TOO_LONG] = {"linje %lu: posten er længere end 1 MiB (et anførselstegn, der "
                              "ikke lukkes?)",
                              "line %lu: record longer than 1 MiB (an unterminated quote?)"},
    [RFY_MSG_CSV_READ] = {"linje %lu: kan ikke læse videre: %s", "line %lu: %s"},
    [RFY_MSG_UTF16_BROKEN] = {"linje %lu: indholdet er ikke gyldigt UTF-16 (et brudt "
                              "surrogatpar): er filen virkelig UTF-16?",
                              "line %lu: the bytes are not valid UTF-16 (a broken surrogate pair): "
                              "is the file really UTF-16?"},
    [RFY_MSG_CP1252_BYTE] =
        {"linje %lu: byte 0x%02X er ikke et tegn i Windows-1252: er filen "
         "UTF-8 (udelad --encoding) eller Latin-1 (--encoding latin1)?",
         "line %lu: byte 0x%02X is not a character in Windows-1252: is the file "
         "UTF-8 (leave out --encoding) or Latin-1 (--encoding latin1)?"},
    [RFY_MSG_ENDS_IN_CHARACTER] = {"linje %lu: filen slutter midt i et tegn (et ulige antal "
                                   "byte i UTF-16?)",
                                   "line %lu: the file ends in the middle of a character (an odd "
                                   "number of bytes in UTF-16?)"},
    [RFY_MSG_ICONV] = {"systemets iconv kan ikke konvertere fra den ønskede tegnkodning",
                       "this system's iconv cannot convert from the encoding asked for"},
    [RFY_MSG_INVALID_RATES] = {"ugyldige satstabeller: ", "invalid rate tables: "},
    /* the end of a run */
    [RFY_MSG_OUT_OF_MEMORY] = {"ikke nok hukommelse", "out of memory"},
    [RFY_MSG_OUT_OF_MEMORY_GMP] = {"ikke nok hukommelse (GMP)", "out of memory (GMP)"},
    [RFY_MSG_INTERNAL_ROWS] = {"intern fejl: %lu rækker læst, men %lu nævnt i outputrækker og "
                               "%lu afvist",
                               "internal error: %lu rows read, but %lu named in output rows and "
                               "%lu rejected"},
    [RFY_MSG_PROGRESS_ROWS] = {"%lu rækker\xE2\x80\xA6", "%lu rows\xE2\x80\xA6"},
    [RFY_MSG_SUM_READ_ONE] = {"%lu række læst, %lu beregnet", "%lu row read, %lu computed"},
    [RFY_MSG_SUM_READ_MANY] = {"%lu rækker læst, %lu beregnet", "%lu rows read, %lu computed"},
    [RFY_MSG_SUM_CASEMONTHS_ONE] = {" (%lu sagsmåned)", " (%lu case-month)"},
    [RFY_MSG_SUM_CASEMONTHS_MANY] = {" (%lu sagsmåneder)", " (%lu case-months)"},
    [RFY_MSG_SUM_REJECTED] = {", %lu afvist", ", %lu rejected"},
    [RFY_MSG_SUM_SEE] = {" (se %s)", " (see %s)"},
    [RFY_MSG_SUM_WARNED_ONE] = {"%lu række med advarsel %s%s", "%lu row with warning %s%s"},
    [RFY_MSG_SUM_WARNED_MANY] = {"%lu rækker med advarsel %s%s", "%lu rows with warning %s%s"},
    [RFY_MSG_SUM_DERIVED] =
        {" (beregnet med en værdi der ikke er offentliggjort: rfy rates show ÅR)",
         " (computed with a value that is not published: rfy rates show YEAR)"},
    [RFY_MSG_SUM_SORTED_ONE] = {"inputtet var ikke i sagsmåned-orden: sorteret (%lu midlertidig "
                                "fil)",
                                "the input was not in case-month order: sorted (%lu temporary "
                                "file)"},
    [RFY_MSG_SUM_SORTED_MANY] = {"inputtet var ikke i sagsmåned-orden: sorteret (%lu midlertidige "
                                 "filer)",
                                 "the input was not in case-month order: sorted (%lu temporary "
                                 "files)"},
    [RFY_MSG_CORRECTIONS_TOTAL] = {"rettelser: efterbetaling %s kr., tilbagebetaling %s kr.",
                                   "corrections: efterbetaling %s kr., tilbagebetaling %s kr."},
    [RFY_MSG_RECOMPUTED] = {"%lu senere måned(er) i ledgeren genberegnet med den nye ferietilstand "
                            "(rettelser uden linjer)",
                            "%lu later month(s) in the ledger recomputed with the new holiday "
                            "state (corrections without lines)"},
    [RFY_MSG_LEDGER_RUN] = {"ledger %s: kørsel %s gemt", "ledger %s: run %s stored"},
    [RFY_MSG_LEDGER_NOTHING] = {"ledger %s: intet gemt (ingen sagsmåned beregnet)",
                                "ledger %s: nothing stored (no case-month computed)"},
    [RFY_MSG_LEDGER_CANNOT_OPEN] = {"ledgeren kan ikke åbnes", "cannot open the ledger"},
    [RFY_MSG_CASEMONTH_ONE] = {"sagsmåned", "case-month"},
    [RFY_MSG_CASEMONTH_MANY] = {"sagsmåneder", "case-months"},
    [RFY_MSG_WORD_PAID] = {"udbetalt", "paid"},
    [RFY_MSG_WORD_RECOMPUTED] = {"genberegnet", "recomputed"},
    [RFY_MSG_SUM_GROSS] = {"brutto %s - anvendte fradrag %s = %s %s",
                           "gross %s - deductions applied %s = %s %s"},
    [RFY_MSG_SUM_BEYOND] = {"fradrag ud over ydelsen %s (ikke udbetalt, ikke skyldig); sagsmåneder "
                            "med udbetaling 0: %lu; på en afledt sats: %lu",
                            "deductions beyond the benefit %s (not paid, not owed); case-months "
                            "paid 0: %lu; on a derived rate: %lu"},
    [RFY_MSG_SUM_REJECT_REASON] = {"%lu afvist: %s%s%s", "%lu rejected: %s%s%s"},
    [RFY_MSG_SUM_REJECT_OTHER] = {"%lu afvist af andre grunde (se afvisningsfilen)",
                                  "%lu rejected for other reasons (see the rejects file)"},
    /* rfy audit */
    [RFY_MSG_AUDIT_NO_PAID] = {"kolonnen paid mangler: en revision skal bruge det beløb der blev "
                               "udbetalt i hver række",
                               "missing column paid: an audit needs the amount that was paid in "
                               "each row"},
    [RFY_MSG_AUDIT_SUM_ONE] = {"%lu række læst, %lu stemmer, %lu afviger, %lu afvist",
                               "%lu row read, %lu match, %lu differ, %lu rejected"},
    [RFY_MSG_AUDIT_SUM_MANY] = {"%lu rækker læst, %lu stemmer, %lu afviger, %lu afvist",
                                "%lu rows read, %lu match, %lu differ, %lu rejected"},
    [RFY_MSG_AUDIT_SUM_CASEMONTHS] = {"; %lu sagsmåneder fra %lu rækker",
                                      "; %lu case-months from %lu rows"},
    [RFY_MSG_AUDIT_HOLIDAY_ONE] = {"%lu sagsmåned med ferie ud over retten (§ 69 stk. 5), markeret "
                                   "i rapporten",
                                   "%lu case-month with holiday beyond the right (§ 69 stk. 5), "
                                   "flagged in the report"},
    [RFY_MSG_AUDIT_HOLIDAY_MANY] = {"%lu sagsmåneder med ferie ud over retten (§ 69 stk. 5), "
                                    "markeret i rapporten",
                                    "%lu case-months with holiday beyond the right (§ 69 stk. 5), "
                                    "flagged in the report"},
    [RFY_MSG_AUDIT_OVER_UNDER] = {"overbetalt %lu %s, %s; underbetalt %lu %s, %s",
                                  "overpaid %lu %s, %s; underpaid %lu %s, %s"},
    [RFY_MSG_AUDIT_WITHIN] = {"; inden for tolerancen %s", "; within the tolerance %s"},
    [RFY_MSG_AUDIT_DIFFERENCES] = {"sum af differencer (betalt - udbetaling) %s; betalt i alt %s, "
                                   "genberegnet i alt %s",
                                   "sum of differences (paid - payment) %s; total paid %s, total "
                                   "recomputed %s"},
    [RFY_MSG_AUDIT_LEDGER] =
        {"ledger %s: %lu %s som ledgeren betalte, %lu afviger (%lu findes ikke "
         "i ledgeren); sum af differencer (betalt - ledgeren) %s",
         "ledger %s: %lu %s as the ledger paid, %lu differ (%lu not in the "
         "ledger); sum of differences (paid - ledger) %s"},
    [RFY_MSG_AUDIT_EXPLAIN_NEEDS_ID] = {"--explain kræver et case_id (CASE_ID eller "
                                        "CASE_ID:ÅÅÅÅ-MM)",
                                        "--explain needs a case_id (CASE_ID or CASE_ID:YYYY-MM)"},
    [RFY_MSG_AUDIT_TOLERANCE] = {"--tolerance skal være et beløb som 0.50 eller 0,50 (kr., højst "
                                 "9999999.99), ikke '%s'%s%s",
                                 "--tolerance must be an amount such as 0.50 or 0,50 (kr., at most "
                                 "9999999.99), not '%s'%s%s"},
    [RFY_MSG_AUDIT_INTERNAL] = {"intern fejl: %lu rækker læst, men %lu stemmer, %lu afviger og %lu "
                                "afvist",
                                "internal error: %lu rows read, but %lu match, %lu differ and %lu "
                                "rejected"},
    [RFY_MSG_AUDIT_EXPLAIN_NONE] = {"--explain %s: ingen beregnet sagsmåned har det case_id%s",
                                    "--explain %s: no computed case-month has that case_id%s"},
    [RFY_MSG_AUDIT_AND_MONTH] = {" og den måned", " and month"},
    /* rfy preview */
    [RFY_MSG_PREVIEW_TOO_MANY_COLUMNS] = {"biblioteket har %d inputkolonner, flere end %d",
                                          "the library has %d input columns, more than %d"},
    [RFY_MSG_OPTION_TWICE] = {"%s er givet to gange", "%s given twice"},
    [RFY_MSG_UNEXPECTED_VALUE] = {"uventet argument '%s' (værdier står efter et tilvalg, f.eks. "
                                  "--wage 20000)",
                                  "unexpected argument '%s' (values go after an option, e.g. "
                                  "--wage 20000)"},
    [RFY_MSG_PREVIEW_INPUT_ONLY] = {"med --input kommer rækkerne fra filen: giv kun --case-id og "
                                    "--month, ikke %s",
                                    "with --input the rows come from the file: give only --case-id "
                                    "and --month, not %s"},
    [RFY_MSG_PREVIEW_INPUT_NEEDS] = {"--input kræver --case-id ID og --month ÅÅÅÅ-MM",
                                     "--input needs --case-id ID and --month YYYY-MM"},
    [RFY_MSG_PREVIEW_DELIMITER] = {"--delimiter hører sammen med --input",
                                   "--delimiter goes with --input"},
    [RFY_MSG_MONTH_REQUIRED] = {"--month ÅÅÅÅ-MM skal angives", "--month YYYY-MM is required"},
    [RFY_MSG_CATEGORY_REQUIRED] = {"--category skal angives (forsorger, ikke_forsorger, u25_hjemme "
                                   "eller u25_hjemme_bidrag)",
                                   "--category is required (forsorger, ikke_forsorger, u25_hjemme "
                                   "or u25_hjemme_bidrag)"},
    [RFY_MSG_PREVIEW_CANNOT_WRITE] = {"forhåndsvisningen kan ikke skrives til standardoutput",
                                      "cannot write the preview to standard output"},
    [RFY_MSG_LINE_REJECT] = {"linje %lu: %s%s%s", "line %lu: %s%s%s"},
    [RFY_MSG_MONTH_BAD] = {"--month '%s' er ikke en måned (ÅÅÅÅ-MM): %s",
                           "--month '%s' is not a month (YYYY-MM): %s"},
    [RFY_MSG_PREVIEW_NOT_COMPUTED_ONE] = {"sag %s, %s: ikke beregnet (%lu række afvist ovenfor)",
                                          "case %s, %s: not computed (%lu row rejected above)"},
    [RFY_MSG_PREVIEW_NOT_COMPUTED_MANY] = {"sag %s, %s: ikke beregnet (%lu rækker afvist ovenfor)",
                                           "case %s, %s: not computed (%lu rows rejected above)"},
    [RFY_MSG_PREVIEW_NO_ROW] = {"%s har ingen række for sag %s i %s",
                                "%s has no row for case %s in %s"},
    /* rfy whatif */
    [RFY_MSG_CANNOT_WRITE_STDOUT] = {"kan ikke skrive til standardoutput",
                                     "cannot write to standard output"},
    /* rfy rates */
    [RFY_MSG_RATES_NO_YEAR] =
        {"ingen satstabel dækker %d: tabellerne dækker %s. Næste år tilføjes "
         "med rfy rates derive ÅR --r PCT -o MAPPE og derefter --rates MAPPE "
         "(docs/rates.md)",
         "no rate table covers %d: the tables cover %s. To add the next year: "
         "rfy rates derive YEAR --r PCT -o DIR, then --rates DIR "
         "(docs/rates.md)"},
    [RFY_MSG_RATES_ALL_LISTED] = {" (alle fejl står på standardoutput)",
                                  " (all errors listed on standard output)"},
    [RFY_MSG_RATES_DERIVE_NOT_EMPTY] = {"%s rummer andre filer (eller er ikke en mappe): afled til "
                                        "en ny eller tom mappe",
                                        "%s holds other files (or is not a directory): derive "
                                        "into a new or empty directory"},
    [RFY_MSG_RATES_EXPECTED] = {"forventede 'show ÅR', 'check', 'export MAPPE' eller 'derive ÅR'",
                                "expected 'show YEAR', 'check', 'export DIR' or 'derive YEAR'"},
    [RFY_MSG_RATES_EXPECTED_NOT] = {"forventede 'show ÅR', 'check', 'export MAPPE' eller 'derive "
                                    "ÅR', ikke '%s'",
                                    "expected 'show YEAR', 'check', 'export DIR' or 'derive YEAR', "
                                    "not '%s'"},
    [RFY_MSG_RATES_DERIVE_EXPECTED] =
        {"forventede ÅR, --r PCT og -o MAPPE, f.eks. rfy rates derive "
         "2027 --r 2.9 -o rates-2027",
         "expected YEAR, --r PCT and -o DIR, e.g. rfy rates derive "
         "2027 --r 2.9 -o rates-2027"},
    [RFY_MSG_RATES_YEAR_BAD] = {"ÅR skal være et år som %s, ikke '%s'",
                                "YEAR must be a year like %s, not '%s'"},
    [RFY_MSG_RATES_DERIVE_OPTIONS] = {"--r, --afdaempning, --reduction, --normalbidrag og -o hører "
                                      "til 'rfy rates derive'",
                                      "--r, --afdaempning, --reduction, --normalbidrag and -o "
                                      "belong to 'rfy rates derive'"},
    [RFY_MSG_RATES_SHOW_EXPECTED] = {"forventede ét ÅR, f.eks. rfy rates show 2024",
                                     "expected one YEAR, e.g. rfy rates show 2024"},
    [RFY_MSG_RATES_EXPORT_EXPECTED] =
        {"forventede én MAPPE, f.eks. rfy rates export /srv/rfy/rates",
         "expected one DIR, e.g. rfy rates export /srv/rfy/rates"},
    [RFY_MSG_RATES_EXPORT_BUILTIN] = {"skriver de indbyggede tabeller; en --rates-mappe kopieres "
                                      "ved at kopiere dens filer",
                                      "writes the built-in tables; to copy a --rates directory, "
                                      "copy its files"},
    [RFY_MSG_RATES_DIR_OPEN] = {"kan ikke åbne satstabelmappen %s: %s",
                                "cannot open rate table directory %s: %s"},
    [RFY_MSG_RATES_EXISTS] = {"%s findes og overskrives ikke (den kan rumme dine rettelser): skriv "
                              "til en ny eller tom mappe",
                              "%s exists and is not overwritten (it may hold your edits): write "
                              "into a new or empty directory"},
    /* rfy rates check */
    [RFY_MSG_RC_STRUCT_ERRORS] = {"Strukturfejl (tabellerne kan ikke bruges, før de er rettet):",
                                  "Structural errors (the tables cannot be used until these are "
                                  "fixed):"},
    [RFY_MSG_RC_STRUCT_NONE] = {"Strukturfejl: ingen", "Structural errors: none"},
    [RFY_MSG_RC_MISSING_HEAD] = {"Manglende nøgler (hver dækket måned fra %s):",
                                 "Missing keys (every covered month from %s):"},
    [RFY_MSG_RC_MISSING_FOUND] = {"manglende nøgler fundet: rækker i de måneder bliver afvist",
                                  "missing keys found: rows of those months will be rejected"},
    [RFY_MSG_RC_MISSING_NONE] = {"ingen påkrævet nøgle mangler", "no required key missing"},
    [RFY_MSG_RC_CHAIN_HEAD] = {"Indekseringskæden (docs/rates.md afsnit 4):",
                               "Indexation chain (docs/rates.md section 4):"},
    [RFY_MSG_RC_MISSING_LINE] = {"MANGLER %s %s..%s (%s)", "MISSING %s %s..%s (%s)"},
    [RFY_MSG_RC_ABSENT_LINE] = {"IKKE ANGIVET %s %s..%s (%s)", "ABSENT %s %s..%s (%s)"},
    [RFY_MSG_RC_THEN_REQUIRED] = {"tabellen for de måneder har ingen række med den: hver række "
                                  "i sådan en måned ville blive afvist",
                                  "the table for those months has no row of it: every row of "
                                  "such a month would be rejected"},
    [RFY_MSG_RC_THEN_SDP_MAX] = {"plausibilitetskontrollen af prior_amount efter § 68 stk. 4 "
                                 "springes over",
                                 "the § 68 stk. 4 plausibility check of prior_amount is skipped"},
    [RFY_MSG_RC_THEN_NORMALBIDRAG] = {"en sag efter § 68 stk. 2 nr. 4 skal have det dokumenterede "
                                      "child_support",
                                      "a § 68 stk. 2 nr. 4 case needs the documented "
                                      "child_support"},
    [RFY_MSG_RC_THEN_DAGPENGE_MAX] = {"grænsen efter § 68 stk. 5 for et prior_amount fra "
                                      "ledighedsydelse kontrolleres ikke",
                                      "the § 68 stk. 5 bound of a ledighedsydelse prior_amount is "
                                      "not checked"},
    [RFY_MSG_RC_MISMATCH] = {"AFVIGELSE %d %s (%s:%lu, %s): tabellen %s, %s %s",
                             "MISMATCH %d %s (%s:%lu, %s): table %s, %s %s"},
    [RFY_MSG_RC_CHAIN_GIVES] = {"kæden giver", "chain gives"},
    [RFY_MSG_RC_FORSORGER_IS] = {"forsørgerniveauet er", "forsørger level is"},
    [RFY_MSG_RC_GRUND_TILLAEG_IS] = {"grundbeløb + tillæg er", "grundbeløb + tillæg is"},
    [RFY_MSG_RC_DAY_IS] = {"niveau × 12 / 260, afrundet til hele kroner, er",
                           "level × 12 / 260, rounded to kroner, is"},
    [RFY_MSG_RC_NO_FORSORGER] = {"AFVIGELSE %d rfy_u25_bidrag_max (%s:%lu): intet forsørgerniveau",
                                 "MISMATCH %d rfy_u25_bidrag_max (%s:%lu): no forsørger level"},
    [RFY_MSG_RC_NO_BASE] = {"kæden kan ikke køres: ingen %s-række for dens basisår %d",
                            "cannot run the chain: no %s row for its base year %d"},
    [RFY_MSG_RC_NO_YEAR] = {"kæden kan ikke køres: ingen %s-række for %d",
                            "cannot run the chain: no %s row for %d"},
    [RFY_MSG_RC_CHECKED] = {"kontrollerede %d værdier (%d offentliggjorte, %d sekundære, "
                            "%d afledte): %s",
                            "checked %d values (%d published, %d secondary, %d derived): %s"},
    [RFY_MSG_RC_ALL_REPRODUCED] = {"alle genskabt af kæden", "all reproduced by the chain"},
    [RFY_MSG_RC_MISMATCHES_FOUND] = {"AFVIGELSER FUNDET", "MISMATCHES FOUND"},
    /* rfy rates show */
    [RFY_MSG_RS_HEADING] = {"Satstabel %d (rates_id %s)", "Rate table %d (rates_id %s)"},
    [RFY_MSG_RS_COL_KEY] = {"nøgle", "key"},
    [RFY_MSG_RS_COL_AMOUNT] = {"beløb", "amount"},
    [RFY_MSG_RS_COL_UNIT] = {"enhed", "unit"},
    [RFY_MSG_RS_COL_EFFECTIVE] = {"gælder", "effective"},
    [RFY_MSG_RS_COL_PROVENANCE] = {"herkomst", "provenance"},
    [RFY_MSG_RS_COL_LEGAL_REF] = {"lovhenvisning", "legal reference"},
    [RFY_MSG_RS_SOURCE] = {"kilde: %s (%s:%lu%s)", "source: %s (%s:%lu%s)"},
    [RFY_MSG_RS_FROM_LEVEL] = {"; beløbet er beregnet af niveauet: afrundet(niveau × 12 / 260)",
                               "; amount computed from the level: round(level × 12 / 260)"},
    [RFY_MSG_RS_FROM_CHAIN] = {"; beløbet er beregnet af kæden", "; amount computed by the chain"},
    [RFY_MSG_RS_NOTES] = {"Noter og antagelser i tabelfilerne:",
                          "Notes and assumptions in the table files:"},
    [RFY_MSG_RS_NOT_COVERED] = {"Ingen satstabel dækker %d (tabellerne dækker %s). Rækker dateret "
                                "%d: kun reguleringsparametre, intet beløb, som en beregning "
                                "bruger:",
                                "No rate table covers %d (the tables cover %s). Rows dated %d: "
                                "regulation parameters only, no amount a computation uses:"},
    /* rfy rates export and derive */
    [RFY_MSG_RATES_EXPORTED] = {"skrev %lu tabelfiler i %s; brug dem med --rates %s "
                                "(docs/rates.md)",
                                "wrote %lu table files to %s; use them with --rates %s "
                                "(docs/rates.md)"},
    [RFY_MSG_RATES_DERIVED] = {"skrev %lu tabelfiler i %s, %s afledt (hver værdi markeret derived; "
                               "rfy rates show %d --rates %s viser dem); brug dem med --rates %s "
                               "(docs/rates.md)",
                               "wrote %lu table files to %s, %s derived (every value marked "
                               "derived; rfy rates show %d --rates %s lists them); use them with "
                               "--rates %s (docs/rates.md)"},
    /* rfy serve */
    [RFY_MSG_SERVE_NUMBER] = {"%s '%s' er ikke et helt tal %s-1000000",
                              "%s '%s' is not a whole number %s-1000000"},
    [RFY_MSG_SERVE_LISTEN] = {"--listen '%s' er ikke ADDR:PORT med en IPv4-adresse og en port "
                              "0-65535 (f.eks. 127.0.0.1:8080; port 0: en vilkårlig ledig port)",
                              "--listen '%s' is not ADDR:PORT with an IPv4 address and a port "
                              "0-65535 (e.g. 127.0.0.1:8080; port 0: any free port)"},
    [RFY_MSG_SERVE_LISTENING] = {"lytter på http://%s:%u/ (rates_id %s); SIGTERM eller Ctrl-C "
                                 "stopper",
                                 "listening on http://%s:%u/ (rates_id %s); SIGTERM or Ctrl-C "
                                 "stops"},
    [RFY_MSG_SERVE_LOWERED] = {"--max-connections %u sænket til %u: grænsen for åbne filer "
                               "tillader ikke flere (hæv den: ulimit -Hn, eller LimitNOFILE= i en "
                               "systemd-unit)",
                               "--max-connections %u lowered to %u: the limit on open files allows "
                               "no more (raise it: ulimit -Hn, or LimitNOFILE= in a systemd unit)"},
    [RFY_MSG_SERVE_STOPPING] = {"%s: svarer på de forespørgsler, der er i gang (højst %d s), og "
                                "tager ikke imod nye",
                                "%s: answering the requests under way (at most %d s), taking no "
                                "new ones"},
    [RFY_MSG_SERVE_CUT] = {"%u forespørgsel(er) afbrudt efter %d s",
                           "%u request(s) cut short after %d s"},
    [RFY_MSG_SERVE_STOPPED] = {"stoppet (%s)", "stopped (%s)"},
    [RFY_MSG_SERVE_CANNOT_LISTEN] = {"kan ikke lytte (adressen er i brug, eller er den ikke denne "
                                     "maskines?)",
                                     "cannot listen (address in use, or not this machine's?)"},
    [RFY_MSG_SERVE_MHD_DROPPED] = {"%u flere beskeder fra libmicrohttpd udeladt",
                                   "%u more libmicrohttpd messages left out"},
    /* a status code's words */
    [RFY_MSG_RC_OK] = {"i orden", "ok"},
    [RFY_MSG_RC_EINPUT] = {"ugyldigt input", "bad input"},
    [RFY_MSG_RC_ENORATE] = {"ingen sats for måneden", "no rate for the month"},
    [RFY_MSG_RC_ECOVERAGE] = {"måneden ligger uden for lovens dækning",
                              "month outside the law's coverage"},
    [RFY_MSG_RC_ERATES] = {"ugyldig satstabel", "invalid rate table"},
    [RFY_MSG_RC_EIO] = {"fejl ved læsning eller skrivning", "input/output error"},
    [RFY_MSG_RC_ENOMEM] = {"ikke nok hukommelse", "out of memory"},
    [RFY_MSG_RC_ECSV] = {"fejl i CSV-filens opbygning", "malformed CSV"},
    [RFY_MSG_RC_ESTOP] = {"stoppet", "stopped"},
    [RFY_MSG_RC_UNKNOWN] = {"ukendt fejl", "unknown error"},
    /* rfy ledger */
    [RFY_MSG_LEDGER_RUNS_HEADER] =
        {"kørsel  id                tidspunkt (UTC)       art     rækker  "
         "beregnet  afvist  udbetalt  efterbetaling  tilbagebetaling  "
         "input\n",
         "   run  id                time (UTC)            kind      rows  "
         "computed  reject      paid  efterbetaling  tilbagebetaling  "
         "input\n"},
    [RFY_MSG_LEDGER_RUNS_NONE] = {"ingen kørsler i ledgeren\n", "no runs in the ledger\n"},
    [RFY_MSG_LEDGER_SHOW_HEADER] =
        {"måned    kørsel  udbetalt      tidligere udbetalt  rettelse     "
         "ferie: måneder  dage brugt  status\n",
         "month       run  paid          previously paid     correction  "
         "holiday: months   days used  status\n"},
    [RFY_MSG_LEDGER_SHOW_CURRENT] = {"gældende", "current"},
    [RFY_MSG_LEDGER_SHOW_SUPERSEDED] = {"erstattet", "superseded"},
    [RFY_MSG_LEDGER_SHOW_RECOMPUTED] = {" (genberegnet)", " (recomputed)"},
    [RFY_MSG_LEDGER_SHOW_IMPORTED] = {" (importeret)", " (imported)"},
    [RFY_MSG_LEDGER_SHOW_UNKNOWN] = {"ukendt", "unknown"},
    [RFY_MSG_LEDGER_SHOW_NONE] = {"sagen %s findes ikke i ledgeren\n",
                                  "case %s is not in the ledger\n"},
    [RFY_MSG_LEDGER_VERIFY_DIFF] = {"%s %s (kørsel %lld): %s: %s\n", "%s %s (run %lld): %s: %s\n"},
    [RFY_MSG_LEDGER_VERIFY_DONE] =
        {"rfy ledger verify: %lu sagsmåneder genberegnet, %lu forskelle\n",
         "rfy ledger verify: %lu case-months recomputed, %lu differences\n"},
    [RFY_MSG_LEDGER_IMPORT_DONE] =
        {"rfy ledger import: %lu sagsmåneder fra %s gemt som historik\n",
         "rfy ledger import: %lu case-months from %s stored as history\n"},
    [RFY_MSG_LEDGER_CANNOT_EXPORT] = {"eksporten kan ikke skrives", "cannot write the export"},
    [RFY_MSG_LEDGER_FAILED] = {"mislykkedes", "failed"},
    [RFY_MSG_LEDGER_EXPECTED] = {"forventede en underkommando og ledgerens fil",
                                 "expected a sub-command and the ledger's file"},
    [RFY_MSG_LEDGER_UNKNOWN_SUB] = {"ukendt underkommando '%s'", "unknown sub-command '%s'"},
    [RFY_MSG_LEDGER_SUB_ARGS] = {"forkert antal argumenter til '%s'",
                                 "wrong number of arguments to '%s'"},
    [RFY_MSG_LEDGER_EXPORT_RUN] = {"export kræver --run ID", "export needs --run ID"},
    /* the rate-table loader */
    [RFY_MSG_RL_HEADER] = {"overskriften skal være: %s", "header must be: %s"},
    [RFY_MSG_RL_FIELDS] = {"forventede %d felter (%s), fandt %lu",
                           "expected %d fields (%s), found %lu"},
    [RFY_MSG_RL_NUL] = {"felt %lu indeholder en NUL-byte", "field %lu contains a NUL byte"},
    [RFY_MSG_RL_UNKNOWN_KEY] = {"ukendt nøgle '%.60s'", "unknown key '%.60s'"},
    [RFY_MSG_RL_YEARS] = {"effective_from og effective_to skal ligge i årene %d-%d (en tastefejl i "
                          "årstallet?)",
                          "effective dates must lie in the years %d-%d (a typo in the year?)"},
    [RFY_MSG_RL_TO_BEFORE_FROM] = {"effective_to ligger før effective_from",
                                   "effective_to is before effective_from"},
    [RFY_MSG_RL_UNIT] = {"unit for %s skal være '%s'", "unit of %s must be '%s'"},
    [RFY_MSG_RL_PROVENANCE] = {"provenance skal være published, secondary eller derived",
                               "provenance must be published, secondary or derived"},
    [RFY_MSG_RL_LEGAL_REF_EMPTY] = {"legal_ref er tom", "legal_ref is empty"},
    [RFY_MSG_RL_SOURCE_EMPTY] = {"source er tom", "source is empty"},
    [RFY_MSG_RL_CHAIN_DERIVED] = {"amount 'chain' bruges kun med provenance derived",
                                  "amount 'chain' is only for provenance derived"},
    [RFY_MSG_RL_CHAIN_NOT_CHAIN] = {"amount 'chain': %s beregnes ikke af kæden (angiv beløbet)",
                                    "amount 'chain': %s is not computed by the chain (give the "
                                    "amount)"},
    [RFY_MSG_RL_CHAIN_BASE] = {"amount 'chain': kæden for %s begynder i rækken for %d, som skal "
                               "have et beløb",
                               "amount 'chain': the chain of %s starts from its %d row, which "
                               "needs an amount"},
    [RFY_MSG_RL_CHAIN_CANNOT] = {"amount 'chain': kæden kan ikke beregne %s for %d (den kræver "
                                 "rækken for basisåret %d og rækker med regulation_r_pct og "
                                 "regulation_afdaempning_pct for hvert år til og med %d)",
                                 "amount 'chain': the chain cannot compute %s for %d (it needs the "
                                 "%d base row and regulation_r_pct and regulation_afdaempning_pct "
                                 "rows for every year up to %d)"},
    [RFY_MSG_RL_NO_ROWS] = {"ingen satsrækker i tabellerne", "no rate rows found"},
    [RFY_MSG_RL_DUPLICATE] = {"dublet: %s er også angivet i %s:%lu",
                              "duplicate: %s also defined at %s:%lu"},
    [RFY_MSG_RL_OVERLAP] = {"overlap: %s er også angivet i %s:%lu; begge ville gælde for %s",
                            "overlap: %s also defined at %s:%lu; both would govern %s"},
    [RFY_MSG_RL_MORE_ERRORS] = {"... flere fejl vises ikke: ret disse, og kør igen",
                                "... more errors not shown: fix these and run again"},
    [RFY_MSG_RL_CSV_UNREADABLE] = {"kan ikke læses", "cannot be read"},
    [RFY_MSG_RL_NO_HEADER] = {"overskriftslinjen mangler", "missing header line"},
    [RFY_MSG_RL_DIR_OPEN] = {"%s: kan ikke åbne satstabelmappen: %s",
                             "%s: cannot open rate table directory: %s"},
    [RFY_MSG_RL_DIR_EMPTY] = {"%s: ingen *.csv-satstabeller i denne mappe",
                              "%s: no *.csv rate tables in this directory"},
    [RFY_MSG_RL_FILE_TOO_LARGE] = {"%s: satstabelfilen er større end 16 MiB",
                                   "%s: rate table file larger than 16 MiB"},
    [RFY_MSG_RL_FILE_UNREADABLE] = {"%s: kan ikke læse satstabelfilen",
                                    "%s: cannot read rate table file"},
    /* rfy_rates_derive_lang */
    [RFY_MSG_RD_NO_BASE] =
        {"rfy rates derive: tabellen for %s har ingen %s at aflede fra (rfy rates "
         "check viser, hvad der mangler)",
         "rfy rates derive: the %s table has no %s to derive from (rfy rates "
         "check lists what is missing)"},
    [RFY_MSG_RD_NOT_LOADED] = {"rfy rates derive: de afledte tabeller kan ikke indlæses: %s",
                               "rfy rates derive: the derived tables do not load: %s"},
    [RFY_MSG_RD_NOT_CHECKED] = {"rfy rates derive: tabellerne, der afledes fra, består ikke rfy "
                                "rates check (en værdi, kæden ikke genskaber, eller en manglende "
                                "nøgle): kør først rfy rates check på dem",
                                "rfy rates derive: the tables derived from do not pass rfy rates "
                                "check (a value the chain does not reproduce, or a missing key): "
                                "run rfy rates check on them first"},
    [RFY_MSG_RD_YEAR] = {"rfy rates derive: ÅR skal være året efter den sidste tabel, og det er %s "
                         "ikke: tabellerne dækker %s, så afled %s",
                         "rfy rates derive: YEAR must be the year after the last table: %s is "
                         "not, the tables cover %s, so derive %s"},
    [RFY_MSG_RD_R] = {"rfy rates derive: --r skal være en procentsats skrevet som et decimaltal "
                      "med punktum, f.eks. 2.9, ikke '%s'",
                      "rfy rates derive: --r must be a plain decimal percentage with a point, "
                      "like 2.9, not '%s'"},
    [RFY_MSG_RD_AFDAEMPNING] = {"rfy rates derive: --afdaempning skal være en procentsats skrevet "
                                "som et decimaltal med punktum, f.eks. 0.75, ikke '%s'",
                                "rfy rates derive: --afdaempning must be a plain decimal "
                                "percentage with a point, like 0.75, not '%s'"},
    [RFY_MSG_RD_REDUCTION] = {"rfy rates derive: --reduction skal være en procentsats skrevet som "
                              "et decimaltal med punktum, f.eks. 0.45, ikke '%s'",
                              "rfy rates derive: --reduction must be a plain decimal percentage "
                              "with a point, like 0.45, not '%s'"},
    [RFY_MSG_RD_NORMALBIDRAG] = {"rfy rates derive: --normalbidrag skal være et beløb i kroner "
                                 "skrevet som et decimaltal med punktum, f.eks. 1675, ikke '%s'",
                                 "rfy rates derive: --normalbidrag must be a plain decimal amount "
                                 "in kroner with a point, like 1675, not '%s'"},
    [RFY_MSG_RD_MISSING] = {"(mangler)", "(missing)"},
    /* the parsers' reasons: the English is the parser's *why, word for word */
    [RFY_MSG_WHY_MONTH_FORMAT] = {"forventede en måned som ÅÅÅÅ-MM", "expected a month as YYYY-MM"},
    [RFY_MSG_WHY_MONTH_NONE] = {"den måned findes ikke", "no such month"},
    [RFY_MSG_WHY_DATE_FORMAT] = {"forventede en dato som ÅÅÅÅ-MM-DD",
                                 "expected a date as YYYY-MM-DD"},
    [RFY_MSG_WHY_DATE_NONE] = {"den dato findes ikke i kalenderen", "no such date in the calendar"},
    [RFY_MSG_WHY_DECIMALS_UNSUPPORTED] = {"det antal decimaler understøttes ikke",
                                          "unsupported number of decimals"},
    [RFY_MSG_WHY_EMPTY] = {"tom værdi", "empty value"},
    [RFY_MSG_WHY_TOO_LONG] = {"for lang (mere end 24 tegn)", "too long (more than 24 characters)"},
    [RFY_MSG_WHY_COMMA] = {"uventet ',' (ingen tusindtalsseparatorer; " DECIMAL_COMMA_HINT ")",
                           "unexpected ',' (no thousands separators; " DECIMAL_COMMA_HINT ")"},
    [RFY_MSG_WHY_POINT] =
        {"uventet '.' (ingen tusindtalsseparatorer; decimaltegnet er ',')",
         "unexpected '.' (no thousands separators; the decimal separator is ',')"},
    [RFY_MSG_WHY_EXPONENT] = {"eksponentnotation er ikke tilladt",
                              "exponent notation is not allowed"},
    [RFY_MSG_WHY_SPACE] = {"indeholder mellemrum", "contains white space"},
    [RFY_MSG_WHY_SIGN_FIRST] = {"et fortegn må kun stå først", "a sign is only allowed first"},
    [RFY_MSG_WHY_CHARACTER] = {"uventet tegn (forventede cifre og ét decimaltegn)",
                               "unexpected character (expected digits and one decimal point)"},
    [RFY_MSG_WHY_SIGN] = {"fortegn er ikke tilladt", "a sign is not allowed"},
    [RFY_MSG_WHY_SIGN_NEGATIVE] = {"fortegn er ikke tilladt (beløb er aldrig negative)",
                                   "a sign is not allowed (amounts are never negative)"},
    [RFY_MSG_WHY_TWO_DECIMALS] = {"mere end 2 decimaler (tusindtalsseparatorer er ikke tilladt)",
                                  "more than 2 decimals (no thousands separators are allowed)"},
    [RFY_MSG_WHY_DECIMALS] = {"for mange decimaler", "too many decimals"},
    [RFY_MSG_WHY_TWO_POINTS] = {"mere end ét decimaltegn", "more than one decimal point"},
    [RFY_MSG_WHY_NO_INTEGER] = {"der mangler cifre før decimaltegnet",
                                "missing digits before the decimal point"},
    [RFY_MSG_WHY_NO_DIGITS] = {"ingen cifre", "no digits"},
    [RFY_MSG_WHY_NO_FRACTION] = {"ingen cifre efter decimaltegnet",
                                 "empty fraction after the decimal point"},
    [RFY_MSG_WHY_NOT_NUMBER] = {"ikke et tal", "not a number"},
    [RFY_MSG_WHY_POINT_AFTER_COMMA] = {"uventet '.' efter decimalkommaet (skriv 20.000,00 eller "
                                       "20000,00)",
                                       "unexpected '.' after the decimal comma (write 20.000,00 "
                                       "or 20000,00)"},
    [RFY_MSG_WHY_POINT_GROUPING] = {"uventet '.' (decimaltegnet er ','; et '.' må kun dele "
                                    "kronerne i grupper på tre: 20.000,00)",
                                    "unexpected '.' (the decimal separator is ','; a '.' may only "
                                    "group the kroner by three: 20.000,00)"},
    [RFY_MSG_WHY_TWO_COMMAS] = {"mere end ét decimalkomma (et ',' står kun foran ørerne; skriv "
                                "4.650,00 eller 4650)",
                                "more than one decimal comma (a ',' stands only before the øre; "
                                "write 4.650,00 or 4650)"},
};

const char *rfy_message_format(rfy_message id, rfy_lang lang) {
    if ((unsigned)id >= RFY_MSG_COUNT || !MESSAGES[id].da)
        return NULL;
    return lang == RFY_LANG_EN ? MESSAGES[id].en : MESSAGES[id].da;
}

const char *rfy__why(rfy_message id) {
    return MESSAGES[id].en;
}

int rfy__why_id(const char *why) {
    /* by address: the parsers hand out the catalogue's own English text */
    for (int id = RFY_MSG_WHY_FIRST; why && id <= RFY_MSG_WHY_LAST; id++)
        if (why == MESSAGES[id].en)
            return id;
    return -1;
}

const char *rfy_reason_text(const char *why, rfy_lang lang) {
    int id = rfy__why_id(why);
    if (id < 0)
        return why ? why : ""; /* not a reason of rfy's parsers: as it is */
    return lang == RFY_LANG_EN ? MESSAGES[id].en : MESSAGES[id].da;
}

const char *rfy_rc_text(int rc, rfy_lang lang) {
    rfy_message id;
    switch (rc) {
    case RFY_OK: id = RFY_MSG_RC_OK; break;
    case RFY_EINPUT: id = RFY_MSG_RC_EINPUT; break;
    case RFY_ENORATE: id = RFY_MSG_RC_ENORATE; break;
    case RFY_ECOVERAGE: id = RFY_MSG_RC_ECOVERAGE; break;
    case RFY_ERATES: id = RFY_MSG_RC_ERATES; break;
    case RFY_EIO: id = RFY_MSG_RC_EIO; break;
    case RFY_ENOMEM: id = RFY_MSG_RC_ENOMEM; break;
    case RFY_ECSV: id = RFY_MSG_RC_ECSV; break;
    case RFY_ESTOP: id = RFY_MSG_RC_ESTOP; break;
    default: id = RFY_MSG_RC_UNKNOWN; break;
    }
    return rfy_message_format(id, lang);
}
