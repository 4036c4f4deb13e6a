/*
 * Hints: the way out that a program puts at the end of an engine message.
 *
 * The engine's messages name input columns and values, never how a
 * particular program is driven: "no rate table covers 2028-01 (needed:
 * rfy_forsorger; the tables cover 2012-2027): load a rate table that covers
 * the month".  A program that wants its own words there ("supply a table
 * for it with --rates DIR") makes an rfy_hints with them and gives it to the
 * call that renders the message: rfy_fault_text_hinted() and
 * rfy_error_text_hinted() for faults, rfy_hints_apply() for the messages the
 * engine hands out as text (a header's unknown columns, a warning's detail,
 * a number's `why`).  There is no process-wide setting: two threads, or two
 * front ends in one process, may render the same fault with different hints.
 *
 * Thread safety: an rfy_hints may be read by any number of threads at once;
 * change it (rfy_hints_set) only while no other thread uses it.
 */
#ifndef RFY_HINT_H
#define RFY_HINT_H

#include <stddef.h>

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

/* A program's ways out, one text per rfy_hint (opaque). */
typedef struct rfy_hints rfy_hints;

/*
 * A new set of hints, each the library's own words until set.  Returns
 * NULL when memory runs out.  The caller owns it: release it with
 * rfy_hints_free().
 */
RFY_API rfy_hints *rfy_hints_new(void);

/* Release a set of hints.  NULL is allowed and does nothing. */
RFY_API void rfy_hints_free(rfy_hints *h);

/*
 * Replace hint `which` with `text` (copied; at most 95 bytes are kept, cut
 * between UTF-8 characters).  NULL restores the library's words.  Returns
 * RFY_OK, or RFY_EINPUT for an unknown hint or a NULL `h`.
 */
RFY_API int rfy_hints_set(rfy_hints *h, rfy_hint which, const char *text);

/*
 * The text of hint `which` in `h` (borrowed: valid until it is set again or
 * `h` is freed); with h NULL the library's own words (static).  "" for an
 * unknown hint.
 */
RFY_API const char *rfy_hints_text(const rfy_hints *h, rfy_hint which);

/*
 * An engine message with the program's ways out: `msg` (a message the
 * engine wrote with its own hints: a column map's or a header's fault, a
 * warning's detail, a number's `why`) copied into buf with each of the
 * library's hint texts that `h` replaces written as h says.  buf and msg
 * may not overlap.  Into buf (size >= 1), NUL-terminated, cut between UTF-8
 * characters; returns the length written.  With h NULL a plain copy.
 * Thread-safe; never allocates.
 */
RFY_API size_t rfy_hints_apply(char *buf, size_t size, const char *msg, const rfy_hints *h);

RFY_END_DECLS

#endif
