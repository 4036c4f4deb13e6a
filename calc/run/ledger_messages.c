/*
 * The ledger's own messages, Danish and English side by side
 * (ledger_internal.h: ledger_message).  Everything the ledger says about a
 * whole run (the file, its mode, its schema, a lock, a run reference, an
 * import line) is one entry here; ledger_fail renders it in the handle's
 * language (Danish unless told, rfy_ledger_set_lang).
 *
 * The two texts of an entry are printf formats with the same conversions in
 * the same order (tests/test_ledger_messages.c checks it), so one call site
 * passes one list of arguments to either.  Text that SQLite or the system
 * gives (sqlite3_errmsg, strerror) comes as an argument, as it is.  File
 * names, column names, options and commands stay verbatim in both; the way
 * out comes last.
 */
#include "ledger_internal.h"

typedef struct ledger_text {
    const char *da; /* the default */
    const char *en;
} ledger_text;

static const ledger_text MESSAGES[LM_COUNT] = {
    /* a failure SQLite or the system names (its words follow) */
    [LM_DETAIL] = {"ledgeren %s: %s", "ledger %s: %s"},
    [LM_OUT_OF_MEMORY] = {"ledgeren %s: ikke nok hukommelse", "ledger %s: out of memory"},
    /* opening */
    [LM_MISSING] = {"ledgeren %s findes ikke: giv ledgerens fil (rfy batch --ledger FIL opretter en)",
                    "ledger %s does not exist: give the ledger's file (rfy batch --ledger FILE creates "
                    "one)"},
    [LM_CANNOT_CREATE] = {"ledgeren %s kan ikke oprettes: %s", "cannot create the ledger %s: %s"},
    [LM_CANNOT_OPEN] = {"ledgeren %s kan ikke åbnes: %s", "cannot open the ledger %s: %s"},
    [LM_NOT_REGULAR] = {"ledgeren %s er ikke en almindelig fil: giv ledgerens fil",
                        "ledger %s: not a regular file: give the ledger's file"},
    [LM_MODE] = {"ledgeren %s: andre kan skrive i den (tilstand %03o); ledgeren rummer det, der er "
                 "udbetalt: chmod 600 %s",
                 "ledger %s: others may write it (mode %03o); the ledger holds what was paid: "
                 "chmod 600 %s"},
    [LM_NOT_SQLITE] = {"ledgeren %s er ikke en SQLite-database: %s",
                       "ledger %s is not an SQLite database: %s"},
    [LM_NOT_A_LEDGER] = {"%s er ikke en ledger (ikke en SQLite-database): giv ledgerens fil, eller "
                         "et nyt navn for at starte en",
                         "%s is not a ledger (not an SQLite database): give the ledger's file, or a "
                         "new name to start one"},
    [LM_SCHEMA_NEWER] = {"ledgeren %s har skemaversion %d; denne rfy kender op til %d: brug en nyere "
                         "rfy",
                         "ledger %s has schema version %d; this rfy knows up to %d: use a newer rfy"},
    [LM_SCHEMA_OLDER] = {"ledgeren %s har skemaversion %d: kør rfy batch med den én gang for at "
                         "bringe den op på %d",
                         "ledger %s has schema version %d: run rfy batch with it once to bring it "
                         "to %d"},
    [LM_SCHEMA_STEP] = {"ledgeren %s: skema %d → %d: %s", "ledger %s: schema %d → %d: %s"},
    /* a run */
    [LM_NOT_OPEN_FOR_RUN] = {"ledgeren %s er ikke åbnet til en kørsel",
                             "ledger %s: not open for a run"},
    [LM_IN_USE] = {"ledgeren %s bruges af en anden kørsel (ventede %d s): kør igen, når den er "
                   "færdig",
                   "ledger %s is in use by another run (waited %d s): run again when it has "
                   "finished"},
    [LM_NO_RUN] = {"ledgeren %s: ingen kørsel er startet", "ledger %s: no run started"},
    [LM_NO_RUN_TO_COMMIT] = {"ledgeren %s: ingen kørsel at gemme", "ledger %s: no run to commit"},
    [LM_CANNOT_HASH] = {"ledgeren %s: kørslens id kan ikke beregnes",
                        "ledger %s: cannot hash the run"},
    [LM_CANNOT_COMMIT] = {"ledgeren %s: kørslen kan ikke gemmes: %s",
                          "ledger %s: cannot commit the run: %s"},
    [LM_STORED_TWICE] = {"ledgeren %s: en sagsmåned er gemt to gange",
                         "ledger %s: case-month stored twice"},
    [LM_NO_LONGER_COMPUTES] = {"ledgeren %s: sag %.*s: en gemt måned kan ikke længere beregnes: %s",
                               "ledger %s: case %.*s: a stored month no longer computes: %s"},
    /* row packs (ledger_pack.c's SQL function failed) */
    [LM_PACK_DAMAGED] = {"ledgeren %s: en rækkepakke er beskadiget",
                         "ledger %s: a row pack is damaged"},
    [LM_PACK_NO_SLOT] = {"ledgeren %s: en sagsmåned mangler i sin rækkepakke",
                         "ledger %s: a case-month is missing from its row pack"},
    /* export: --run */
    [LM_RUN_REF] = {"--run %s: giv et kørselsnummer (rfy ledger runs) eller mindst 8 hex-cifre af "
                    "kørslens id",
                    "--run %s: give a run number (rfy ledger runs) or at least 8 hex digits of "
                    "its id"},
    [LM_RUN_NONE] = {"--run %s: ingen sådan kørsel i ledgeren (rfy ledger runs viser dem)",
                     "--run %s: no such run in the ledger (rfy ledger runs lists them)"},
    [LM_RUN_IMPORT] = {"--run %s: en import har intet eget output",
                       "--run %s: an import has no output of its own"},
    [LM_RUN_AMBIGUOUS] = {"--run %s: mere end én kørsel har et id, der begynder sådan: giv flere "
                          "cifre",
                          "--run %s: more than one run has an id that starts so: give more "
                          "digits"},
    [LM_EXPORT_WRITE] = {"eksporten kan ikke skrives", "cannot write the export"},
    /* import: a line of the file */
    [LM_IMPORT_EMPTY] = {"%s er tom: import tager et output fra rfy batch",
                         "%s is empty: import takes an output of rfy batch"},
    [LM_IMPORT_NO_COLUMN] = {"linje %lu: ingen kolonne %s: import tager et output fra rfy batch",
                             "line %lu: no column %s: import takes an output of rfy batch"},
    [LM_IMPORT_FEW_CELLS] = {"linje %lu: for få celler (ingen %s)", "line %lu: too few cells (no %s)"},
    [LM_IMPORT_MONTH] = {"linje %lu: month: %s", "line %lu: month: %s"},
    [LM_IMPORT_PAYMENT] = {"linje %lu: payment: %s", "line %lu: payment: %s"},
    [LM_IMPORT_RUN_MONTHS] = {"linje %lu: holiday_run_months: %.40s er ikke et antal måneder",
                              "line %lu: holiday_run_months: %.40s is not a number of months"},
    [LM_IMPORT_USED_DAYS] = {"linje %lu: holiday_used_days: %s", "line %lu: holiday_used_days: %s"},
    [LM_IMPORT_CASE_EMPTY] = {"linje %lu: case_id er tom: giv sagens id",
                              "line %lu: case_id is empty: give the case's id"},
    [LM_IMPORT_TOO_LONG] = {"linje %lu: rækken er længere end en outputrække fra rfy",
                            "line %lu: the row is longer than an output row of rfy"},
    [LM_IMPORT_ALREADY] = {"linje %lu: %s i sag %.64s er allerede i ledgeren (kørsel %lld den %s)",
                           "line %lu: %s of case %.64s is in the ledger already (run %lld of %s)"},
    [LM_IMPORT_DETAIL] = {"linje %lu: %.200s", "line %lu: %.200s"},
};

const char *ledger_message_format(ledger_message id, rfy_lang lang)
{
    if ((unsigned)id >= LM_COUNT || !MESSAGES[id].da)
        return NULL;
    return lang == RFY_LANG_EN ? MESSAGES[id].en : MESSAGES[id].da;
}
