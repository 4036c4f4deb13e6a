/* Internal to calc/: messages that end in a program's hint (rfy/hint.h). */
#ifndef RFY_CALC_HINT_H
#define RFY_CALC_HINT_H

#include <rfy/hint.h>

/* "unexpected ',' (no thousands separators; HINT)": static, for rfy_decimal_parse. */
const char *rfy__decimal_comma_why(void);

/* "case_id is not valid UTF-8 text: looks like Windows-1252 (...): HINT": static. */
const char *rfy__cp1252_id_why(void);

#endif
