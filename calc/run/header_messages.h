/* Internal to calc/run: the words of the header binding (column_map.c,
 * case_from_cells.c), Danish and English side by side in one table
 * (header_messages.c).  Both forms of a message take the same printf
 * arguments in the same order. */
#ifndef RFY_HEADER_MESSAGES_H
#define RFY_HEADER_MESSAGES_H

#include <stddef.h>

#include <rfy/fault.h> /* rfy_lang */

typedef enum header_msg {
    HM_OUT_OF_MEMORY,
    HM_INTERNAL_EXTRA,    /* %d */
    HM_EMPTY_HEADER,
    HM_TOO_WIDE,          /* %zu %d */
    HM_NO_NAME,           /* %zu */
    HM_UNKNOWN_SIMPLE,    /* %s %zu %s%s%s */
    HM_TWICE,             /* %s %d %zu */
    HM_TWICE_MAP,         /* %s %d %zu */
    HM_MISSING_REQUIRED,  /* %s */
    HM_IGNORED_BUT_READ,  /* %s %zu */
    HM_MAPPED_TO_UNKNOWN, /* %lu %zu %s */
    HM_UNKNOWN_ONE,
    HM_UNKNOWN_MANY,      /* %zu */
    HM_UNKNOWN_ENTRY,     /* %s %s %d */
    HM_DID_YOU_MEAN,      /* %s */
    HM_AND_MORE,          /* %zu */
    HM_NUL_BYTES,         /* %s (the UTF-16 hint) */
    HM_TWO_BOMS,
    HM_NOT_UTF8,          /* %s (the Windows-1252 hint) */
    HM_EXACT_ONE,         /* %s (the map hint) */
    HM_EXACT_MANY,        /* %s (the map hint) */
    HM_OR_IGNORE,         /* %s (the ignore hint) */
    HM_MONEY_ONE,
    HM_MONEY_MANY,
    HM_LINE,              /* %lu %s: the batch's "line N: message" */
    HM_MAP_CANNOT_READ,   /* %s %s: the map file, why */
    HM_MAP_HEADER,        /* %lu */
    HM_MAP_TWO_NAMES,     /* %lu */
    HM_MAP_TWICE,         /* %lu %s %lu %lu */
    HM_MAP_EMPTY,
    HM_MAP_UNREADABLE,
    HM_IGNORE_EMPTY_NAME, /* %s */
    HM_COUNT
} header_msg;

/* The printf format of message m in lang (Danish unless RFY_LANG_EN); static. */
const char *header_message(header_msg m, rfy_lang lang);

#endif
