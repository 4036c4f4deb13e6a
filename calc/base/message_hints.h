/* Internal to calc/: the library's own ways out at the end of its messages
 * (rfy/hint.h).  A program's words reach a message only through the
 * rfy_hints it passes to a rendering call. */
#ifndef RFY_CALC_HINT_H
#define RFY_CALC_HINT_H

#include <rfy/fault.h> /* rfy_lang */
#include <rfy/hint.h>

/* The library's words for hint h (static); "" for an unknown hint. */
const char *rfy__hint_default(rfy_hint h);

/* The same in lang: the Danish default where the hint has one (the header
 * binding's), else the one above. */
const char *rfy__hint_default_lang(rfy_hint h, rfy_lang lang);

#endif
