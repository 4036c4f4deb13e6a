/*
 * The program-supplied ends of engine messages (rfy/hint.h).  Kept in static
 * buffers so that messages are built without allocating, and so that the
 * `why` strings of rfy_decimal_parse() stay static.
 */
#include <stdio.h>
#include <string.h>

#include "message_hints.h"
#include <rfy/status.h>

#define HINT_SIZE 96

/* The defaults of the hints that end a fault's words (fault_catalogue.c)
 * are Danish, as the faults are by default; the others end messages that
 * are still English.  A front end sets its own (cli_set_hints). */
#define DEFAULT_DECIMAL_COMMA "decimalkomma skal angives som inputtets syntaks"
#define COMMA_WHY(hint) "unexpected ',' (no thousands separators; " hint ")"
#define DEFAULT_CP1252 "læs filen som Windows-1252"
#define CP1252_ID_WHY(hint) "case_id is not valid UTF-8 text: looks like Windows-1252 (Danish Excel's CSV): " hint

static const char *const DEFAULT_HINT[RFY_HINT_COUNT] = {
    [RFY_HINT_NEWER_RATES] = "indlæs en satstabel der dækker måneden",
    [RFY_HINT_MISSING_KEY] = "tilføj rækken til tabellen",
    [RFY_HINT_ASSUMPTIONS] = "the comments of the rate table for",
    [RFY_HINT_DECIMAL_COMMA] = DEFAULT_DECIMAL_COMMA,
    [RFY_HINT_SEMICOLON_FILE] = "a ';'-separated file? read it with ';' as the delimiter",
    [RFY_HINT_TAB_FILE] = "a tab-separated file? read it with tab as the delimiter",
    [RFY_HINT_CP1252] = DEFAULT_CP1252,
    [RFY_HINT_UTF16] = "read it as UTF-16",
    [RFY_HINT_MAP_COLUMNS] = "map to rfy's names",
    [RFY_HINT_IGNORE_COLUMNS] = "read past by name:",
};

static char hint[RFY_HINT_COUNT][HINT_SIZE];
static int hint_set[RFY_HINT_COUNT];
/* rfy_decimal_parse()'s reason for a ',' in '.' syntax, with the hint: composed
 * when the hint is set, so that parsing threads only ever read it. */
static char comma_why[HINT_SIZE + 64] = COMMA_WHY(DEFAULT_DECIMAL_COMMA);
/* case_id's reason for bytes that look like Windows-1252, composed likewise. */
static char cp1252_id_why[HINT_SIZE + 96] = CP1252_ID_WHY(DEFAULT_CP1252);

int rfy_set_hint(rfy_hint h, const char *text)
{
    if ((unsigned)h >= RFY_HINT_COUNT)
        return RFY_EINPUT;
    hint_set[h] = text != NULL;
    if (text)
        snprintf(hint[h], sizeof hint[h], "%s", text);
    if (h == RFY_HINT_DECIMAL_COMMA)
        snprintf(comma_why, sizeof comma_why, COMMA_WHY("%s"), rfy_hint_text(h));
    if (h == RFY_HINT_CP1252)
        snprintf(cp1252_id_why, sizeof cp1252_id_why, CP1252_ID_WHY("%s"), rfy_hint_text(h));
    return RFY_OK;
}

const char *rfy_hint_text(rfy_hint h)
{
    if ((unsigned)h >= RFY_HINT_COUNT)
        return "";
    return hint_set[h] ? hint[h] : DEFAULT_HINT[h];
}

const char *rfy__decimal_comma_why(void)
{
    return comma_why;
}

const char *rfy__cp1252_id_why(void)
{
    return cp1252_id_why;
}
