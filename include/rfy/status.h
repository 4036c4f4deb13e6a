/* Result codes and status flags shared by every rfy module. */
#ifndef RFY_STATUS_H
#define RFY_STATUS_H


#include <rfy/export.h>

RFY_BEGIN_DECLS
/* Result codes (functions return one of these; 0 is success). */
enum rfy_rc {
    RFY_OK = 0,
    RFY_EINPUT = 1,    /* malformed or implausible input value */
    RFY_ENORATE = 2,   /* no rate table covers the month (rules.md §1) */
    RFY_ECOVERAGE = 3, /* month outside the law's coverage (before 2013-01, jobafklaring before 2014-07) */
    RFY_ERATES = 4,    /* malformed rate table file */
    RFY_EIO = 5,       /* cannot read or write a file */
    RFY_ENOMEM = 6,    /* out of memory */
    RFY_ECSV = 7,      /* malformed CSV structure (unterminated quote, overlong record) */
    RFY_ESTOP = 8      /* a callback asked to stop */
};

/*
 * Status flags in the style of libmpdec: quiet functions report what they did
 * instead of aborting.  Several may be or-ed together.
 */
#define RFY_FLAG_ROUNDED 0x01u /* a rounding step was applied */
#define RFY_FLAG_INEXACT 0x02u /* rounding changed the value (a non-zero remainder was dropped) */

/* Human-readable name of a result code (static string). */
RFY_API const char *rfy_rc_name(int rc);

RFY_END_DECLS

#endif
