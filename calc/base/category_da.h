/* Category values in Danish spelling (internal to calc/; see category_da.c). */
#ifndef RFY_CATEGORY_DA_H
#define RFY_CATEGORY_DA_H

#include <stddef.h>

#include <rfy/calc.h>

/*
 * The § 68 stk. 2 category a Danish spelling names ("forsørger",
 * "ikke-forsørger", "u25-hjemme", ...), compared without regard to case
 * (ASCII and æ/ø/å).  Returns 0 and sets *out, or -1 when s names none.
 */
int rfy_category_from_danish(rfy_category *out, const char *s, size_t len);

/* The forløb a Danish spelling names ("ressourceforløb", "jobafklaringsforløb"),
 * folded as above.  Returns 0 and sets *out, or -1. */
int rfy_forloeb_from_danish(rfy_forloeb *out, const char *s, size_t len);

/* The prior a Danish spelling names ("ingen", "sygedagpenge", "ledighedsydelse"). */
int rfy_prior_from_danish(rfy_prior *out, const char *s, size_t len);

/* The period of prior_amount: "week"/"uge", "month"/"måned"/"md".  Returns 0 or -1. */
int rfy__period_unit_from_name(rfy_period_unit *out, const char *s, size_t len);

#endif
