/*
 * Hints: the way out that a program adds to an engine message.
 *
 * The engine's messages name input columns and values, never how a
 * particular program is driven: "no rate table covers 2028-01 (needed:
 * rfy_forsorger; the tables cover 2012-2027): load a rate table that covers
 * the month".  A program replaces the way out at the end with its own
 * words, e.g. `rfy` says "supply a table for it with --rates DIR".
 *
 * Thread safety: set hints once at start-up, before any other thread calls
 * the library; they are read, never written, afterwards.
 */
#ifndef RFY_HINT_H
#define RFY_HINT_H

#include <rfy/export.h>

RFY_BEGIN_DECLS

typedef enum rfy_hint {
    RFY_HINT_NEWER_RATES = 0,    /* a month no loaded table covers */
    RFY_HINT_DECIMAL_COMMA = 1,  /* an amount with ',' read in '.' syntax */
    RFY_HINT_SEMICOLON_FILE = 2, /* a header that looks ';'-separated */
    RFY_HINT_TAB_FILE = 3,       /* a header that looks tab-separated */
    RFY_HINT_MISSING_KEY = 4,    /* a table that covers the month lacks a key */
    RFY_HINT_ASSUMPTIONS = 5,    /* where a year's assumptions are listed; the year follows */
    RFY_HINT_CP1252 = 6,         /* text that is not UTF-8 but looks like Windows-1252 */
    RFY_HINT_UTF16 = 7,          /* a header with NUL bytes: UTF-16 read as UTF-8 */
    RFY_HINT_MAP_COLUMNS = 8,    /* unknown columns: map them (rfy/columns.h) */
    RFY_HINT_IGNORE_COLUMNS = 9, /* unknown columns: read past them; their names follow */
    RFY_HINT_COUNT
} rfy_hint;

/*
 * Replace the hint `h` with `text` (copied; at most 95 bytes are kept).
 * NULL restores the library's default.  Returns RFY_OK, or RFY_EINPUT for
 * an unknown hint.
 */
RFY_API int rfy_set_hint(rfy_hint h, const char *text);

/* The hint now in force (static string; valid until the next rfy_set_hint). */
RFY_API const char *rfy_hint_text(rfy_hint h);

RFY_END_DECLS

#endif
