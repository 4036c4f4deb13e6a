/*
 * Test support: the arguments a printf format takes (format_kinds.c).
 */
#ifndef RFY_TEST_FORMAT_KINDS_H
#define RFY_TEST_FORMAT_KINDS_H

#include <stddef.h>

/*
 * The arguments a printf format takes, one letter each: 'i' for an int
 * (a '*' width or precision, or %d/%o/%u/%x/%c without a length),
 * 'l' + conversion letter for long, 'L' + letter for long long, 's' a string,
 * 'f' a double, 'p' a pointer.  "%%" takes none.  Returns 0, or -1 for a
 * conversion this table has no business using (%n, an unknown letter).
 */
int format_argument_kinds(const char *fmt, char *out, size_t size);

/*
 * A Check assertion on entry `id` of a message table: both texts are there,
 * differ, and take the same arguments in the same order (so one call site
 * can pass one argument list to either).
 */
void ck_format_pair(int id, const char *da, const char *en);

#endif
