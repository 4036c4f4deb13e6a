/* Category values in Danish spelling (internal to calc/; see category_da.c). */
#ifndef RFY_CATEGORY_DA_H
#define RFY_CATEGORY_DA_H

#include <stddef.h>

#include "rfy_calc.h"

/*
 * The § 68 stk. 2 category a Danish spelling names ("forsørger",
 * "ikke-forsørger", "u25-hjemme", ...), compared without regard to case
 * (ASCII and æ/ø/å).  Returns 0 and sets *out, or -1 when s names none.
 */
int rfy_category_from_danish(rfy_category *out, const char *s, size_t len);

#endif
