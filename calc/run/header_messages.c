/* The words of the header binding in Danish and English (header_messages.h).
 * Danish first: short, concrete, the way out at the end; column names,
 * option names and file names stay as they are spelled. */
#include "header_messages.h"

static const struct {
    const char *da, *en;
} TEXT[HM_COUNT] = {
    [HM_OUT_OF_MEMORY] = {"ikke nok hukommelse", "out of memory"},
    [HM_INTERNAL_EXTRA] = {"intern fejl: mere end %d ekstra kolonner",
                           "internal error: more than %d extra columns"},
    [HM_EMPTY_HEADER] = {"overskriftsrækken er tom", "the header row is empty"},
    [HM_TOO_WIDE] = {"overskriften har %zu kolonner; kun %d er kendte",
                     "the header has %zu columns; only %d are known"},
    [HM_NO_NAME] = {"kolonne %zu i overskriften har intet navn",
                    "column %zu of the header has no name"},
    [HM_UNKNOWN_SIMPLE] = {"ukendt kolonne '%s' (kolonne %zu i overskriften); kolonnenavne staves "
                           "præcist og med små bogstaver, se docs/batch.md%s%s%s",
                           "unknown column '%s' (column %zu of the header); column names are "
                           "exact and lowercase, see docs/batch.md%s%s%s"},
    [HM_TWICE] = {"kolonnen '%s' står to gange i overskriften (kolonne %d og %zu)",
                  "column '%s' appears twice in the header (columns %d and %zu)"},
    [HM_TWICE_MAP] = {"kolonnen '%s' står to gange i overskriften (kolonne %d og %zu), "
                      "kolonnekortet medregnet",
                      "column '%s' appears twice in the header (columns %d and %zu), "
                      "counting the column map"},
    [HM_MISSING_REQUIRED] = {"kolonnen '%s' mangler i overskriften (den er påkrævet)",
                             "required column '%s' is missing from the header"},
    [HM_IGNORED_BUT_READ] = {"'%s' (kolonne %zu i overskriften) skal springes over, men rfy læser "
                             "den: tag den ud af --ignore-columns",
                             "'%s' (column %zu of the header) is to be read past, but rfy reads it: "
                             "take it out of the columns read past"},
    [HM_MAPPED_TO_UNKNOWN] = {"linje %lu i kolonnekortet mapper kolonne %zu i overskriften til "
                              "'%s', som ikke er en kolonne rfy læser",
                              "line %lu of the column map maps column %zu of the header to '%s', "
                              "which is not a column rfy reads"},
    [HM_UNKNOWN_ONE] = {"ukendt kolonne ", "unknown column "},
    [HM_UNKNOWN_MANY] = {"%zu ukendte kolonner: ", "%zu unknown columns: "},
    [HM_UNKNOWN_ENTRY] = {"%s'%s' (kolonne %d i overskriften", "%s'%s' (column %d of the header"},
    [HM_DID_YOU_MEAN] = {"; mente du '%s'?", "; did you mean '%s'?"},
    [HM_AND_MORE] = {" og %zu til", " and %zu more"},
    [HM_NUL_BYTES] = {"; NUL-bytes i overskriften: en UTF-16-fil? %s",
                      "; NUL bytes in the header: a UTF-16 file? %s"},
    [HM_TWO_BOMS] = {"; et byte order mark inde i overskriften: filen har to (fjern det ene)",
                     "; a byte-order mark inside the header: the file has two (remove one)"},
    [HM_NOT_UTF8] = {"; overskriften er ikke UTF-8: en Windows-1252-fil, som dansk Excel gemmer "
                     "CSV? %s",
                     "; the header is not UTF-8: a Windows-1252 file, as Danish Excel saves CSV? %s"},
    [HM_EXACT_ONE] = {"; kolonnenavne staves præcist og med små bogstaver: omdøb den eller %s",
                      "; column names are exact and lowercase: rename it or %s"},
    [HM_EXACT_MANY] = {"; kolonnenavne staves præcist og med små bogstaver: omdøb dem eller %s",
                       "; column names are exact and lowercase: rename them or %s"},
    [HM_OR_IGNORE] = {", eller %s ", ", or %s "},
    [HM_MONEY_ONE] = {" bærer penge eller ferie: map den til rfy's navn, spring den aldrig over",
                      " carries money or holiday: map it to rfy's name, never read past it"},
    [HM_MONEY_MANY] = {" bærer penge eller ferie: map dem til rfy's navne, spring dem aldrig over",
                       " carry money or holiday: map them to rfy's names, never read past them"},
    [HM_LINE] = {"linje %lu: %s", "line %lu: %s"},
    /* the column map file (--columns) and the list of columns read past */
    [HM_MAP_CANNOT_READ] = {"kan ikke læse %s: %s", "cannot read %s: %s"},
    [HM_MAP_HEADER] = {"linje %lu: overskriften skal være from,to",
                       "line %lu: the header must be from,to"},
    [HM_MAP_TWO_NAMES] = {"linje %lu: forventede to navne, from (filens overskrift) og to (rfy's "
                          "kolonne)",
                          "line %lu: expected two names, from (the file's header) and to (rfy's "
                          "column)"},
    [HM_MAP_TWICE] = {"linje %lu: '%s' er mappet to gange (linje %lu og %lu)",
                      "line %lu: '%s' is mapped twice (lines %lu and %lu)"},
    [HM_MAP_EMPTY] = {"ingen mappinger (forventede overskriften from,to og rækker)",
                      "no mappings (expected a header from,to and rows)"},
    [HM_MAP_UNREADABLE] = {"ulæselig", "unreadable"},
    [HM_IGNORE_EMPTY_NAME] = {"et tomt kolonnenavn i '%s' (navnene adskilles med ',')",
                              "an empty column name in '%s' (names are separated by ',')"},
};

const char *header_message(header_msg m, rfy_lang lang)
{
    if ((unsigned)m >= HM_COUNT)
        return "";
    return lang == RFY_LANG_EN ? TEXT[m].en : TEXT[m].da;
}
