/*
 * What a printf format takes, for the tests of the message tables
 * (tests/test_messages.c, tests/test_ledger_messages.c): each table holds a
 * Danish and an English format that must take the same arguments.
 */
#include <check.h>
#include <stddef.h>
#include <string.h>

#include "format_kinds.h"

int format_argument_kinds(const char *fmt, char *out, size_t size)
{
    size_t n = 0;
#define PUT(ch)                                                                                   \
    do {                                                                                          \
        if (n + 1 >= size)                                                                        \
            return -1;                                                                            \
        out[n++] = (ch);                                                                          \
    } while (0)
    for (const char *p = fmt; *p; p++) {
        int longs = 0;
        if (*p != '%')
            continue;
        if (*++p == '%')
            continue;
        while (*p && strchr("-+ #0", *p))
            p++;
        for (; *p == '*' || (*p >= '0' && *p <= '9'); p++)
            if (*p == '*')
                PUT('i');
        if (*p == '.')
            for (p++; *p == '*' || (*p >= '0' && *p <= '9'); p++)
                if (*p == '*')
                    PUT('i');
        for (; *p == 'l'; p++)
            longs++;
        switch (*p) {
        case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
            PUT(longs == 0 ? 'i' : longs == 1 ? 'l' : 'L');
            PUT(*p == 'd' || *p == 'i' ? 'd' : 'u'); /* signed or unsigned */
            break;
        case 'c':
            PUT('i');
            break;
        case 's':
            PUT('s');
            break;
        case 'f': case 'g': case 'e':
            PUT('f');
            break;
        case 'p':
            PUT('p');
            break;
        default:
            return -1;
        }
    }
#undef PUT
    out[n] = '\0';
    return 0;
}

void ck_format_pair(int id, const char *da, const char *en)
{
    char kda[32], ken[32];
    ck_assert_msg(da && *da, "message %d has no Danish text", id);
    ck_assert_msg(en && *en, "message %d has no English text", id);
    ck_assert_msg(strcmp(da, en) != 0, "message %d: the Danish is the English: %s", id, da);
    ck_assert_msg(format_argument_kinds(da, kda, sizeof kda) == 0, "message %d (da): %s", id, da);
    ck_assert_msg(format_argument_kinds(en, ken, sizeof ken) == 0, "message %d (en): %s", id, en);
    ck_assert_msg(strcmp(kda, ken) == 0, "message %d: da takes %s, en takes %s:\n  %s\n  %s", id,
                  kda, ken, da, en);
}
