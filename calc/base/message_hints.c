/*
 * The ways out at the end of engine messages (rfy/hint.h): the library's own
 * words, and a program's, carried in an rfy_hints it passes to the call that
 * renders a message.  Nothing here is process-wide state that can change:
 * the defaults are constant, and an rfy_hints belongs to its caller.
 */
#include <stdlib.h>
#include <string.h>

#include "message_hints.h"
#include "text_utf8.h"
#include <rfy/status.h>

#define HINT_SIZE 96

/* The defaults of the hints that end a fault's words (fault_catalogue.c)
 * are Danish, as the faults are by default.  Those that end the header
 * binding's messages are English here, for messages in English, and have
 * Danish twins (DEFAULT_HINT_DA below).  A front end gives its own
 * (cli_set_hints). */
#define DEFAULT_DECIMAL_COMMA "decimalkomma skal angives som inputtets syntaks"

static const char *const DEFAULT_HINT[RFY_HINT_COUNT] = {
    [RFY_HINT_NEWER_RATES] = "indlæs en satstabel der dækker måneden",
    [RFY_HINT_MISSING_KEY] = "tilføj rækken til tabellen",
    [RFY_HINT_ASSUMPTIONS] = "the comments of the rate table for",
    [RFY_HINT_DECIMAL_COMMA] = DEFAULT_DECIMAL_COMMA,
    [RFY_HINT_SEMICOLON_FILE] = "a ';'-separated file? read it with ';' as the delimiter",
    [RFY_HINT_TAB_FILE] = "a tab-separated file? read it with tab as the delimiter",
    [RFY_HINT_CP1252] = "læs filen som Windows-1252",
    [RFY_HINT_UTF16] = "read it as UTF-16",
    [RFY_HINT_MAP_COLUMNS] = "map to rfy's names",
    [RFY_HINT_IGNORE_COLUMNS] = "read past by name:",
};

/* The Danish defaults of the hints that end the header binding's messages
 * (calc/run/header_messages.c); NULL: the one default serves both languages.
 * rfy_hints_apply() replaces either language's default. */
static const char *const DEFAULT_HINT_DA[RFY_HINT_COUNT] = {
    [RFY_HINT_SEMICOLON_FILE] = "en fil delt med ';'? læs den med ';' som skilletegn",
    [RFY_HINT_TAB_FILE] = "en fil delt med tabulator? læs den med tabulator som skilletegn",
    [RFY_HINT_UTF16] = "læs den som UTF-16",
    [RFY_HINT_MAP_COLUMNS] = "map til rfy's navne",
    [RFY_HINT_IGNORE_COLUMNS] = "spring over ved navn:",
};

struct rfy_hints {
    char text[RFY_HINT_COUNT][HINT_SIZE];
    unsigned char set[RFY_HINT_COUNT]; /* text[h] replaces the default */
};

const char *rfy__hint_default(rfy_hint h)
{
    return (unsigned)h < RFY_HINT_COUNT ? DEFAULT_HINT[h] : "";
}

const char *rfy__hint_default_lang(rfy_hint h, rfy_lang lang)
{
    if ((unsigned)h >= RFY_HINT_COUNT)
        return "";
    return lang != RFY_LANG_EN && DEFAULT_HINT_DA[h] ? DEFAULT_HINT_DA[h] : DEFAULT_HINT[h];
}

rfy_hints *rfy_hints_new(void)
{
    return calloc(1, sizeof(rfy_hints));
}

void rfy_hints_free(rfy_hints *h)
{
    free(h);
}

int rfy_hints_set(rfy_hints *h, rfy_hint which, const char *text)
{
    if (!h || (unsigned)which >= RFY_HINT_COUNT)
        return RFY_EINPUT;
    h->set[which] = text != NULL;
    h->text[which][0] = '\0';
    if (text)
        rfy__text_append(h->text[which], sizeof h->text[which], 0, text);
    return RFY_OK;
}

const char *rfy_hints_text(const rfy_hints *h, rfy_hint which)
{
    if ((unsigned)which >= RFY_HINT_COUNT)
        return "";
    return h && h->set[which] ? h->text[which] : DEFAULT_HINT[which];
}

size_t rfy_hints_apply(char *buf, size_t size, const char *msg, const rfy_hints *h)
{
    size_t used = 0;
    if (size == 0)
        return 0;
    buf[0] = '\0';
    while (*msg && used + 1 < size) {
        /* the earliest default a program replaces, from here on */
        const char *at = NULL;
        int which = -1;
        size_t skip = 0; /* the length of the default found */
        for (int k = 0; h && k < 2 * RFY_HINT_COUNT; k++) {
            const char *p, *d = k < RFY_HINT_COUNT ? DEFAULT_HINT[k] : DEFAULT_HINT_DA[k - RFY_HINT_COUNT];
            if (!d || !h->set[k % RFY_HINT_COUNT] || !(p = strstr(msg, d)))
                continue;
            if (!at || p < at) {
                at = p;
                which = k % RFY_HINT_COUNT;
                skip = strlen(d);
            }
        }
        if (!at) {
            used = rfy__text_append(buf, size, used, msg);
            break;
        }
        /* the bytes before it, then the program's words */
        size_t k = (size_t)(at - msg), room = size - 1 - used;
        if (k > room) {
            used = rfy__text_append(buf, size, used, msg); /* cut between characters */
            break;
        }
        memcpy(buf + used, msg, k);
        used += k;
        buf[used] = '\0';
        used = rfy__text_append(buf, size, used, h->text[which]);
        msg = at + skip;
    }
    return used;
}
