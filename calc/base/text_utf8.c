/*
 * UTF-8 for messages: see text_utf8.h.
 *
 * Reasons echo what a user typed (cut to a few characters) inside buffers of
 * 200 bytes; a cut may fall inside a multi-byte character.  A reason with a
 * broken character cannot be put in JSON (jansson refuses it) and shows as
 * garbage in a CSV, so the engine trims the broken tail where it composes.
 */
#include <string.h>

#include "text_utf8.h"

size_t rfy__utf8_char(const unsigned char *s, size_t len, unsigned long *cp)
{
    unsigned long c;
    size_t n, i;
    if (len == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        n = 2;
        c = s[0] & 0x1Fu;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        n = 3;
        c = s[0] & 0x0Fu;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        n = 4;
        c = s[0] & 0x07u;
    } else
        return 0;
    if (len < n)
        return 0;
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0u) != 0x80u)
            return 0;
        c = (c << 6) | (s[i] & 0x3Fu);
    }
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

int rfy__utf8_prefix(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return (int)n;
    /* s[max] is the first byte left out: if it continues a character, that
     * character started before the cut and goes too. */
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0u) == 0x80u)
        n--;
    return (int)n;
}

size_t rfy__text_append(char *buf, size_t size, size_t used, const char *s)
{
    size_t k = (size_t)rfy__utf8_prefix(s, size - 1 - used);
    memcpy(buf + used, s, k);
    buf[used + k] = '\0';
    return used + k;
}

void rfy__utf8_trim_tail(char *s)
{
    size_t len = strlen(s), start = len;
    unsigned long cp;
    /* The last character starts at most 3 bytes back, at a byte that is not
     * a continuation byte (10xxxxxx). */
    while (start > 0 && len - start < 4 && ((unsigned char)s[start - 1] & 0xC0u) == 0x80u)
        start--;
    if (start == 0 || len - start >= 4)
        return;
    start--;
    if ((unsigned char)s[start] >= 0x80 &&
        rfy__utf8_char((const unsigned char *)s + start, len - start, &cp) != len - start)
        s[start] = '\0';
}
