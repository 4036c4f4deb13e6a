/* The options of every rfy command, and the usage texts printed from them (options_table.h). */
#include <string.h>

#include "cli.h"
#include "options_table.h"

/* ---- Options several commands share, worded once ---------------------------------------------- */

#define OPT_RATES {"--rates", "DIR", "satstabellerne i DIR i stedet for de indbyggede",            \
                   "the rate tables in DIR instead of the built-in ones"}
#define OPT_LANG {"--lang", "da|en", "sproget i det, rfy skriver (standard da: dansk)",            \
                  "the language of what rfy writes (default da: Danish)"}
#define OPT_JSON_EXPLAIN {"--json", NULL, "forklaringen som JSON i stedet for dansk tekst",        \
                          "the explanation as JSON instead of Danish text"}
#define OPT_DECIMAL_COMMA {"--decimal-comma", NULL, "beløb skrives 12345,67 (eller 12.345,67)",    \
                           "amounts are written 12345,67 (or 12.345,67)"}
#define OPT_DELIMITER {"--delimiter", "C", "skilletegnet mellem felterne, ét tegn (eller 'tab')",  \
                       "input field delimiter, one character (or 'tab')"}

/* The input and files of batch and audit (run_args.h, run_options.h). */
#define RUN_FILE_OPTIONS(OUT, OUTHELP_DA, OUTHELP_EN)                                              \
    OPT_RATES, {"-o", OUT, OUTHELP_DA, OUTHELP_EN},                                                \
        {"--rejects", "REJ.csv", "rækker, der ikke beregnes (standard: ved outputtet)",            \
         "rows not computed (default: beside the output)"},                                        \
        {"--receipt", "PATH", "kørslens kvittering (standard: ved outputtet)",                     \
         "the run's receipt (default: beside the output)"}
#define RUN_INPUT_OPTIONS                                                                          \
    OPT_DELIMITER, OPT_DECIMAL_COMMA,                                                              \
        {"--encoding", "E", "utf-8 (standard), cp1252, latin1 eller utf-16",                       \
         "utf-8 (default), cp1252, latin1 or utf-16"},                                             \
        {"--columns", "MAP.csv", "map filens kolonnenavne til rfy's (from,to)",                    \
         "map the file's header names to rfy's (from,to)"},                                        \
        {"--ignore-columns", "N,...", "kolonner, der springes over (cpr, navn, ...)",              \
         "columns to read past (cpr, navn, ...)"},                                                 \
        {"--format", "csv|excel|xlsx|json",                                                        \
         "outputtet som CSV, Excels CSV, xlsx eller JSON Lines",                                   \
         "the output as CSV, Excel's CSV, xlsx or JSON Lines"},                                    \
        {"--jobs", "N", "N tråde (1-16, standard 1); samme output som med én",                     \
         "N threads (1-16, default 1); the same output as one"},                                   \
        {"--quiet", NULL, "ingen fremdriftslinjer (oversigten skrives stadig)",                    \
         "no progress lines (the summary is still printed)"}

/* The batch input columns, each an option of preview and whatif ('_' written '-'). */
#define CASE_OPTIONS                                                                               \
    {"--month", "YYYY-MM", "kalendermåneden", "the calendar month"},                               \
        {"--category", "CAT", "forsorger, ikke_forsorger, u25_hjemme, u25_hjemme_bidrag",          \
         "forsorger, ikke_forsorger, u25_hjemme, u25_hjemme_bidrag"},                              \
        {"--case-id", "ID", "sagen (med --input: hvilken af filens sager)",                        \
         "the case (with --input: which case of the file)"},                                       \
        {"--forloeb", "F", "ressourceforloeb (standard) eller jobafklaring",                       \
         "ressourceforloeb (default) or jobafklaring"},                                            \
        {"--start", "DATE", "første dag med ret til ydelse i måneden (ÅÅÅÅ-MM-DD)",                \
         "first day of entitlement in the month (YYYY-MM-DD)"},                                    \
        {"--end", "DATE", "sidste dag med ret til ydelse i måneden (ÅÅÅÅ-MM-DD)",                  \
         "last day of entitlement in the month (YYYY-MM-DD)"},                                     \
        {"--children", "N", "børn med dokumenteret bidragspligt (nr. 4)",                          \
         "children with documented bidragspligt (nr. 4)"},                                         \
        {"--child-support", "KR", "det dokumenterede bidrag pr. måned (nr. 4)",                    \
         "the documented bidrag a month (nr. 4)"},                                                 \
        {"--prior", "P", "sygedagpenge eller ledighedsydelse før (§ 68 stk. 4, 5)",                \
         "sygedagpenge or ledighedsydelse before (§ 68 stk. 4, 5)"},                               \
        {"--prior-amount", "KR", "beløbet på ydelsen før", "the prior benefit's amount"},          \
        {"--prior-unit", "week|month", "hvad --prior-amount gælder pr.",                           \
         "what --prior-amount is per"},                                                            \
        {"--prior-until", "DATE", "sidste dag med ret til ydelse på sygedagpengeniveau",           \
         "last day of the sygedagpenge-level entitlement"},                                        \
        {"--wage", "KR", "lønindtægt i måneden", "wage income in the month"},                      \
        {"--holiday-pay", "KR", "feriegodtgørelse udbetalt i måneden",                             \
         "feriegodtgoerelse paid in the month"},                                                   \
        {"--holiday-days", "N", "de feriedage, som feriegodtgørelsen dækker",                      \
         "the holiday days the holiday pay covers"},                                               \
        {"--activation-income", "KR", "indtægt fra et tilbud", "income from an offer (tilbud)"},   \
        {"--activation-hours", "N", "timer i tilbuddet i måneden",                                 \
         "hours of that offer in the month"},                                                      \
        {"--other-income", "KR", "anden indtægt, der fradrages fuldt ud",                          \
         "other income deducted in full"},                                                         \
        {"--holiday-ydelse-days", "N", "feriedage med ydelse holdt i måneden",                     \
         "days of holiday with ydelse taken in the month"},                                        \
        {"--holiday-run-months", "N", "måneder i træk med ydelse før måneden",                     \
         "months in a row with ydelse before the month"},                                          \
        {"--holiday-used-days", "N", "feriedage med ydelse brugt i perioden før",                  \
         "holiday days with ydelse used in the period before"},                                    \
        {"--sanction-days", "N", "dage med periodesanktion, som kommunen har besluttet",           \
         "days of periodesanktion the kommune decided"},                                           \
        {"--sanction-amount", "KR", "en punktsanktion, som kommunen har besluttet",                \
         "a punktsanktion the kommune decided"}

#define CASE_WORDS                                                                                 \
    "--month --category [--case-id] [--forloeb] [--start] [--end] [--children] [--child-support] " \
    "[--prior] [--prior-amount] [--prior-unit] [--prior-until] [--wage] [--holiday-pay] "          \
    "[--holiday-days] [--activation-income] [--activation-hours] [--other-income] "                \
    "[--holiday-ydelse-days] [--holiday-run-months] [--holiday-used-days] [--sanction-days] "      \
    "[--sanction-amount]"

/* ---- The commands ------------------------------------------------------------------------------ */

static const cli_option BATCH[] = {
    RUN_FILE_OPTIONS("OUT.csv", "outputtet (standard og \"-\": standardoutput)",
                     "the output (default and \"-\": standard output)"),
    RUN_INPUT_OPTIONS,
    {"--ledger", "FILE", "sagsledgeren: tilstand føres med, intet betales to gange",
     "the case ledger: state carried, no month paid twice"},
    {"--corrections", NULL, "med --ledger: betal forskellen for betalte måneder",
     "with --ledger: pay the difference for months paid"},
    {"--keep-columns", "N,...", "inputkolonner, der kopieres til output og afvisninger",
     "input columns copied to the output and reject rows"},
    OPT_LANG,
};
static const char *const BATCH_FORMS[] = {
    "[--rates] [-o] [--rejects] [--receipt] [--delimiter] [--decimal-comma] [--encoding] "
    "[--columns] [--ignore-columns] [--format] [--jobs] [--quiet] [--ledger [--corrections]] "
    "[--keep-columns] [--lang] IN.csv",
    NULL};

static const cli_option AUDIT[] = {
    RUN_FILE_OPTIONS("REPORT.csv", "rapporten (standard og \"-\": standardoutput)",
                     "the report (default and \"-\": standard output)"),
    {"--explain", "CASE_ID[:YYYY-MM]", "forklar hver af sagens sagsmåneder, ens eller ej",
     "explain each case-month of the case, matching or not"},
    {"--tolerance", "AMOUNT", "en forskel på højst AMOUNT stemmer (standard 0.00)",
     "a difference up to AMOUNT is a match (default 0.00)"},
    {"--ledger", "FILE", "sammenlign også paid med det, ledgeren har betalt",
     "also compare paid with what the case ledger paid"},
    RUN_INPUT_OPTIONS,
    OPT_LANG,
};
static const char *const AUDIT_FORMS[] = {
    "[--rates] [-o] [--rejects] [--receipt] [--explain] [--tolerance] [--jobs] [--delimiter] "
    "[--decimal-comma] [--quiet] [--encoding] [--columns] [--ignore-columns] [--format] [--ledger] "
    "[--lang] HISTORIC.csv",
    NULL};

static const cli_option PREVIEW[] = {
    OPT_RATES,
    OPT_JSON_EXPLAIN,
    OPT_DECIMAL_COMMA,
    CASE_OPTIONS,
    {"--input", "FILE.csv", "sagsmånedens rækker fra en batchfil (\"-\": stdin)",
     "the case-month's rows from a batch file (\"-\": stdin)"},
    {"--delimiter", "C", "med --input: filens skilletegn (eller 'tab')",
     "with --input: the file's delimiter (or 'tab')"},
    OPT_LANG,
};
static const char *const PREVIEW_FORMS[] = {
    "[--rates] [--json] [--decimal-comma] [--lang] " CASE_WORDS,
    "[--rates] [--json] [--decimal-comma] [--delimiter] [--lang] --input --case-id --month",
    NULL};

static const cli_option WHATIF[] = {
    OPT_RATES,
    {"--json", NULL, "tabellen som JSON i stedet for dansk tekst",
     "the table as JSON instead of Danish text"},
    OPT_DECIMAL_COMMA,
    CASE_OPTIONS,
    {"--wage-from", "KR", "intervallets første løn", "the first wage of the range"},
    {"--wage-to", "KR", "intervallets sidste løn", "the last wage of the range"},
    {"--step", "KR", "skridtet i løn", "the wage step"},
    {"--hourly-wage", "KR", "en timeløn, for et interval af timer i stedet for løn",
     "a wage per hour, for a range of hours instead of wages"},
    {"--hours-from", "H", "det første antal timer", "the first number of hours"},
    {"--hours-to", "H", "det sidste antal timer", "the last number of hours"},
    {"--hours-step", "H", "skridtet i timer", "the step in hours"},
    OPT_LANG,
};
static const char *const WHATIF_FORMS[] = {
    "[--rates] [--json] [--decimal-comma] [--lang] " CASE_WORDS " --wage-from --wage-to --step",
    "[--rates] [--json] [--decimal-comma] [--lang] --month --category [the case options above] "
    "--hourly-wage --hours-from --hours-to --hours-step",
    NULL};

static const cli_option RATES[] = {
    OPT_RATES,
    {"--r", "PCT", "derive: årets satsreguleringsprocent (2.9)",
     "derive: the year's satsreguleringsprocent (2.9)"},
    {"--afdaempning", "PCT", "derive: afdæmpningen (standard 0)",
     "derive: the afdaempning (default 0)"},
    {"--reduction", "PCT", "derive: engangsreduktionen (standard: tabellernes)",
     "derive: the one-off reduction (default: the tables')"},
    {"--normalbidrag", "KR", "derive: normalbidraget pr. barn (standard: intet)",
     "derive: the normalbidrag per child (default: none)"},
    {"-o", "DIR", "derive: den nye eller tomme mappe til tabellerne",
     "derive: the new or empty folder to write the tables into"},
    OPT_LANG,
};
static const char *const RATES_FORMS[] = {
    "[--rates] [--lang] show YEAR | check | export DIR",
    "[--rates] [--lang] derive YEAR --r [--afdaempning] [--reduction] [--normalbidrag] -o",
    NULL};

static const cli_option SERVE[] = {
    OPT_RATES,
    {"--listen", "ADDR:PORT", "hvor der lyttes (standard 127.0.0.1:8080)",
     "where to listen (default 127.0.0.1:8080)"},
    {"--max-connections", "N", "forbindelser åbne på én gang (standard: filgrænsen)",
     "connections open at once (default: the files limit)"},
    {"--max-per-address", "N", "forbindelser fra én adresse (standard: ingen grænse)",
     "connections from one address (default: no limit)"},
    {"--max-answer-memory", "MIB", "hukommelse til forespørgsler og svar (standard 128)",
     "memory for bodies and answers held at once (default 128)"},
    OPT_LANG,
};
static const char *const SERVE_FORMS[] = {
    "[--rates] [--listen] [--max-connections] [--max-per-address] [--max-answer-memory] [--lang]",
    NULL};

static const cli_option LEDGER[] = {
    {"--json", NULL, "runs, show: som JSON", "runs, show: as JSON"},
    {"--run", "ID", "export: kørslen, ved nummer eller 8+ hex-cifre af id",
     "export: the run, by number or 8+ hex digits of its id"},
    {"-o", "OUT.csv", "export: hvor der skrives (standard: standardoutput)",
     "export: where to write (default: standard output)"},
    OPT_RATES,
    OPT_LANG,
};
static const char *const LEDGER_FORMS[] = {
    "runs FILE [--json] [--lang]", "show FILE CASE_ID [--json]", "export FILE --run [-o]",
    "verify FILE [--rates]", "import FILE OUT.csv", NULL};

#define COMMAND(name, forms, opts) {name, forms, opts, sizeof opts / sizeof opts[0]}
static const cli_command COMMANDS[] = {
    COMMAND("batch", BATCH_FORMS, BATCH),    COMMAND("ledger", LEDGER_FORMS, LEDGER),
    COMMAND("preview", PREVIEW_FORMS, PREVIEW), COMMAND("whatif", WHATIF_FORMS, WHATIF),
    COMMAND("audit", AUDIT_FORMS, AUDIT),    COMMAND("rates", RATES_FORMS, RATES),
    COMMAND("serve", SERVE_FORMS, SERVE),
};

const cli_command *cli_commands(size_t *count)
{
    *count = sizeof COMMANDS / sizeof COMMANDS[0];
    return COMMANDS;
}

const cli_command *cli_command_find(const char *name)
{
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (strcmp(COMMANDS[i].name, name) == 0)
            return &COMMANDS[i];
    return NULL;
}

const cli_option *cli_option_find(const cli_command *cmd, const char *name)
{
    for (size_t i = 0; i < cmd->noptions; i++)
        if (strcmp(cmd->options[i].name, name) == 0)
            return &cmd->options[i];
    return NULL;
}

/* ---- Printing ---------------------------------------------------------------------------------- */

#define WIDTH 80

/* One word of a form into `buf`: "[--jobs]" becomes "[--jobs N]" (the brackets kept around it). */
static void expand_word(char *buf, size_t size, const cli_command *cmd, const char *w, size_t len)
{
    size_t lead = 0, trail = 0;
    char name[64];
    const cli_option *o;

    while (lead < len && w[lead] == '[')
        lead++;
    while (trail < len - lead && w[len - 1 - trail] == ']')
        trail++;
    if (len - lead - trail == 0 || len - lead - trail >= sizeof name || w[lead] != '-') {
        snprintf(buf, size, "%.*s", (int)len, w);
        return;
    }
    memcpy(name, w + lead, len - lead - trail);
    name[len - lead - trail] = '\0';
    o = cli_option_find(cmd, name);
    if (!o || !o->arg)
        snprintf(buf, size, "%.*s", (int)len, w);
    else
        snprintf(buf, size, "%.*s%s %s%.*s", (int)lead, w, name, o->arg, (int)trail, w + len - trail);
}

void cli_print_synopsis(FILE *out, const cli_command *cmd, const char *first, const char *next)
{
    for (size_t f = 0; cmd->forms[f]; f++) {
        const char *p = cmd->forms[f], *prefix = f == 0 ? first : next;
        int col = fprintf(out, "%srfy %s", prefix, cmd->name);
        int indent = col + 1;
        while (*p) {
            char word[128];
            size_t len;
            while (*p == ' ')
                p++;
            len = strcspn(p, " ");
            if (len == 0)
                break;
            expand_word(word, sizeof word, cmd, p, len);
            p += len;
            if (col + 1 + (int)strlen(word) >= WIDTH && col > indent) {
                fprintf(out, "\n%*s", indent - 1, "");
                col = indent - 1;
            }
            col += fprintf(out, " %s", word);
        }
        fputc('\n', out);
    }
}

void cli_print_options(FILE *out, const cli_command *cmd)
{
    for (size_t i = 0; i < cmd->noptions; i++) {
        const cli_option *o = &cmd->options[i];
        int col = fprintf(out, "  %s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        if (col > 21) {
            fputc('\n', out);
            col = 0;
        }
        fprintf(out, "%*s%s\n", 23 - col, "", cli_lang == RFY_LANG_EN ? o->help_en : o->help);
    }
}

void cli_print_help(FILE *out, const char *command, const char *about, const char *footer)
{
    const cli_command *cmd = cli_command_find(command);
    if (!cmd)
        return;
    cli_print_usage(out, command);
    if (about)
        fprintf(out, "\n%s", about);
    fprintf(out, "\n%s\n", cli_msg(RFY_MSG_OPTIONS));
    cli_print_options(out, cmd);
    if (footer)
        fprintf(out, "\n%s", footer);
}

void cli_print_usage(FILE *out, const char *command)
{
    const cli_command *cmd = cli_command_find(command);
    const char *first = cli_msg(RFY_MSG_USAGE); /* "brug: " (catalogue, cli_lang) */
    char next[16];
    /* the lines after the first start under the synopsis (the word is ASCII) */
    snprintf(next, sizeof next, "%*s", (int)strlen(first), "");
    if (cmd)
        cli_print_synopsis(out, cmd, first, next);
}
