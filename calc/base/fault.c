/*
 * Recording faults (fault.h) and the small API around the list (rfy/fault.h).
 * Every function works in the caller's fixed-size rfy_error: the per-row hot
 * path never allocates, and a row with many faults keeps the first
 * RFY_MAX_FAULTS and says that there were more.
 */
#include <string.h>

#include "fault.h"
#include <rfy/status.h>
#include "text_utf8.h"

void rfy_error_reset(rfy_error *err)
{
    err->column = "";
    err->reason[0] = '\0';
    err->nfaults = 0;
    err->more = 0;
}

rfy_fault *rfy__fault_add(rfy_error *err, rfy_fault_code code, const char *column)
{
    rfy_fault *f;
    if (!err)
        return NULL;
    if (err->nfaults < 0 || err->nfaults > RFY_MAX_FAULTS)
        rfy_error_reset(err); /* a caller's error never initialised: start clean */
    if (err->nfaults == RFY_MAX_FAULTS) {
        err->more = 1;
        return NULL;
    }
    f = &err->fault[err->nfaults++];
    memset(f, 0, sizeof *f);
    f->code = code;
    f->column = column ? column : "";
    f->name = "";
    f->cause_column = "";
    return f;
}

void rfy__fault_end(rfy_error *err)
{
    size_t used;
    if (!err || err->nfaults == 0)
        return;
    if (err->nfaults == 1) {
        err->column = err->fault[0].column;
        err->reason[0] = '\0';
    }
    /* The reason is every fault in Danish, joined by "; ": append the last one. */
    used = strlen(err->reason);
    if (used > 0 && used + 2 < sizeof err->reason) {
        memcpy(err->reason + used, "; ", 3);
        used += 2;
    }
    if (used + 1 < sizeof err->reason)
        rfy_fault_text(err->reason + used, sizeof err->reason - used, &err->fault[err->nfaults - 1],
                       RFY_LANG_DA);
}

/* Printable: ASCII 0x20–0x7E, or a non-ASCII character that is not a C1 control. */
static int printable(unsigned long cp)
{
    return (cp >= 0x20 && cp <= 0x7E) || cp >= 0xA0;
}

void rfy__fault_value(rfy_fault *f, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    /* room for the longest character and "..." before the NUL */
    const size_t room = sizeof f->value - 1 - 3;
    while (i < len) {
        unsigned long cp = 0;
        size_t n = rfy__utf8_char(p + i, len - i, &cp);
        size_t w = (n == 0 || !printable(cp)) ? 1 : n;
        if (o + w > room) {
            memcpy(f->value + o, "...", 3);
            o += 3;
            break;
        }
        if (n == 0 || !printable(cp)) {
            f->value[o++] = '?';
            i += n ? n : 1;
        } else {
            memcpy(f->value + o, p + i, n);
            o += n;
            i += n;
        }
    }
    f->value[o] = '\0';
}

int rfy_error_add(rfy_error *err, rfy_fault_code code, const char *column, const char *value,
                  long limit, long other)
{
    rfy_fault *f = rfy__fault_add(err, code, column);
    if (f) {
        if (value)
            rfy__fault_value(f, value, strlen(value));
        f->limit = limit;
        f->other = other;
    }
    rfy__fault_end(err);
    return RFY_EINPUT;
}

int rfy__fault(rfy_error *err, rfy_fault_code code, const char *column, const char *value,
               size_t len, long limit)
{
    rfy_fault *f = rfy__fault_add(err, code, column);
    if (f) {
        if (value)
            rfy__fault_value(f, value, len);
        f->limit = limit;
    }
    rfy__fault_end(err);
    return RFY_EINPUT;
}

void rfy__fault_copy(rfy_error *dst, const rfy_error *src)
{
    int i;
    for (i = 0; i < src->nfaults; i++) {
        rfy_fault *f = rfy__fault_add(dst, src->fault[i].code, src->fault[i].column);
        if (f)
            *f = src->fault[i];
        rfy__fault_end(dst);
    }
    if (src->more)
        dst->more = 1;
}

size_t rfy_error_text(char *buf, size_t size, const rfy_error *err, rfy_lang lang)
{
    return rfy_error_text_hinted(buf, size, err, lang, NULL);
}

size_t rfy_error_text_hinted(char *buf, size_t size, const rfy_error *err, rfy_lang lang,
                             const rfy_hints *hints)
{
    size_t used = 0;
    int i;
    if (size == 0)
        return 0;
    buf[0] = '\0';
    for (i = 0; i < err->nfaults && used + 1 < size; i++) {
        if (i > 0)
            used = rfy__text_append(buf, size, used, "; ");
        if (used + 1 < size)
            used += rfy_fault_text_hinted(buf + used, size - used, &err->fault[i], lang, hints);
    }
    if (err->more && used + 1 < size) /* more faults than the list keeps */
        used = rfy__text_append(buf, size, used, lang == RFY_LANG_EN ? "; and more faults" : "; og flere fejl");
    /* An error filled by code outside the catalogue (a caller's own reason). */
    if (err->nfaults == 0)
        used = rfy_hints_apply(buf, size, err->reason, hints);
    return used;
}

size_t rfy_error_codes(char *buf, size_t size, const rfy_error *err)
{
    size_t used = 0;
    int i;
    if (size == 0)
        return 0;
    buf[0] = '\0';
    for (i = 0; i < err->nfaults; i++) {
        if (i > 0)
            used = rfy__text_append(buf, size, used, ";");
        used = rfy__text_append(buf, size, used, rfy_fault_id(err->fault[i].code));
    }
    return used;
}

size_t rfy_error_columns(char *buf, size_t size, const rfy_error *err)
{
    size_t used = 0;
    int i, j, n = 0;
    if (size == 0)
        return 0;
    buf[0] = '\0';
    for (i = 0; i < err->nfaults; i++) {
        const char *c = err->fault[i].column;
        int seen = 0;
        if (!c || !c[0])
            continue;
        for (j = 0; j < i && !seen; j++)
            seen = strcmp(err->fault[j].column ? err->fault[j].column : "", c) == 0;
        if (seen)
            continue;
        if (n++ > 0)
            used = rfy__text_append(buf, size, used, ";");
        used = rfy__text_append(buf, size, used, c);
    }
    if (err->nfaults == 0 && err->column)
        used = rfy__text_append(buf, size, 0, err->column);
    return used;
}
