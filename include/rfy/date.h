/* Calendar dates and months (proleptic Gregorian), parsed strictly. */
#ifndef RFY_DATE_H
#define RFY_DATE_H

#include <stddef.h>
#include <rfy/export.h>

RFY_BEGIN_DECLS

typedef struct rfy_date {
    int year;  /* 1..9999 */
    int month; /* 1..12 */
    int day;   /* 1..days in month */
} rfy_date;

/* A month as one integer: year × 12 + (month − 1).  Orders naturally. */
typedef int rfy_month;

#define RFY_MONTH(y, m) ((y) * 12 + ((m) - 1))
#define RFY_MONTH_YEAR(mi) ((mi) / 12)
#define RFY_MONTH_NUM(mi) ((mi) % 12 + 1)

/* Number of days in the month (28..31). Precondition: 1 <= month <= 12. */
RFY_API int rfy_days_in_month(int year, int month);

/*
 * Parse "YYYY-MM-DD" exactly (10 characters, a real calendar date).
 * Returns RFY_OK or RFY_EINPUT with a static reason in *why (may be NULL).
 */
RFY_API int rfy_date_parse(rfy_date *out, const char *text, size_t len, const char **why);

/* Parse "YYYY-MM" exactly.  Same conventions as rfy_date_parse(). */
RFY_API int rfy_month_parse(rfy_month *out, const char *text, size_t len, const char **why);

/* <0, 0, >0 as a is before, equal to, after b. */
RFY_API int rfy_date_cmp(const rfy_date *a, const rfy_date *b);

/* The month a date falls in. */
RFY_API rfy_month rfy_date_month(const rfy_date *d);

/* Format "YYYY-MM-DD" / "YYYY-MM" into buf (at least 11 / 8 bytes). */
RFY_API void rfy_date_format(char *buf, const rfy_date *d);
RFY_API void rfy_month_format(char *buf, rfy_month m);

RFY_END_DECLS

#endif
