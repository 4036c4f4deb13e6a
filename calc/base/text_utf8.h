/* Internal to calc/: UTF-8 for messages.  Every reason the engine writes is
 * valid UTF-8, so that a front end can put it in JSON, CSV or HTML as it is. */
#ifndef RFY_CALC_TEXT_UTF8_H
#define RFY_CALC_TEXT_UTF8_H

#include <stddef.h>

/* Length (1–4) of the well-formed UTF-8 character at s, its code point in
 * *cp; 0 if s starts with no well-formed character (len 0 included). */
size_t rfy__utf8_char(const unsigned char *s, size_t len, unsigned long *cp);

/* The longest prefix of s, at most max bytes, that ends at a character
 * boundary: the length to print with "%.*s" when quoting s cut short. */
int rfy__utf8_prefix(const char *s, size_t max);

/* Append s to the NUL-terminated text of `used` bytes in buf (size bytes),
 * cut between characters if it does not fit; returns the new length.
 * Precondition: used < size. */
size_t rfy__text_append(char *buf, size_t size, size_t used, const char *s);

/* Cut s (NUL-terminated) before a last character that is incomplete: what a
 * bounded snprintf leaves when the buffer ends inside a multi-byte
 * character.  Precondition: s is otherwise valid UTF-8. */
void rfy__utf8_trim_tail(char *s);

#endif
