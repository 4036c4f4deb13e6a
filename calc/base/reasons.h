/*
 * Internal to calc/: the parsers' reasons are the catalogue's entries.
 *
 * rfy_date_parse(), rfy_month_parse(), rfy_decimal_parse() and the amount
 * parsers point *why at the English text of one RFY_MSG_WHY_* entry of the
 * catalogue (calc/base/messages.c) itself, not at a copy of its words.  The
 * pointer then names the reason: rfy__why_id() finds the entry by identity,
 * so a reason is turned into its Danish (rfy_reason_text) or into a row's
 * fault code (rfy__number_fault) without reading its text.
 */
#ifndef RFY_CALC_REASONS_H
#define RFY_CALC_REASONS_H

#include <rfy/messages.h>

/* The static English text of reason `id` (an RFY_MSG_WHY_* id). */
const char *rfy__why(rfy_message id);

/* The RFY_MSG_WHY_* id whose text `why` is (by address), or -1 for any
 * other pointer (NULL, another library's text, a copy). */
int rfy__why_id(const char *why);

#endif
