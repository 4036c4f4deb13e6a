/* Reader for tests/vectors/ (*.tsv) (format in vectors.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vectors.h"

char *rfy_vector_failf(const char *fmt, ...)
{
    va_list ap;
    int n;
    char *s;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !(s = malloc((size_t)n + 1)))
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Unescape src[0..n) into dst (which has room for n + 1 bytes: escapes only
 * shrink).  Returns the length, or -1 on an unknown escape. */
static long unescape(char *dst, const char *src, size_t n)
{
    size_t i, o = 0;
    for (i = 0; i < n; i++) {
        if (src[i] != '\\') {
            dst[o++] = src[i];
            continue;
        }
        if (++i >= n)
            return -1;
        switch (src[i]) {
        case 's': dst[o++] = ' '; break;
        case 't': dst[o++] = '\t'; break;
        case 'n': dst[o++] = '\n'; break;
        case 'r': dst[o++] = '\r'; break;
        case '\\': dst[o++] = '\\'; break;
        case 'x': {
            int hi, lo;
            if (i + 2 >= n) /* needs two hex digits */
                return -1;
            hi = hexval(src[i + 1]);
            lo = hexval(src[i + 2]);
            if (hi < 0 || lo < 0)
                return -1;
            dst[o++] = (char)(hi * 16 + lo);
            i += 2;
            break;
        }
        default:
            return -1;
        }
    }
    dst[o] = '\0';
    return (long)o;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t used = 0, cap = 0, got;
    if (!f)
        return NULL;
    do {
        if (used == cap) {
            char *p = realloc(buf, cap = cap ? cap * 2 : 4096);
            if (!p) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
        }
        got = fread(buf + used, 1, cap - used, f);
        used += got;
    } while (got > 0);
    if (ferror(f)) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *len = used;
    return buf;
}

int rfy_vectors_run(const char *path, size_t nfields, rfy_vector_fn fn, void *user,
                    unsigned long *ncases, unsigned long *nfailed)
{
    size_t len = 0, pos = 0;
    char *text = slurp(path, &len);
    char *scratch = NULL;
    unsigned long line = 0;
    int rc = -1;

    *ncases = 0;
    *nfailed = 0;
    if (!text) {
        fprintf(stderr, "%s: cannot read vector file\n", path);
        return -1;
    }
    scratch = malloc(len + RFY_VECTOR_MAX_FIELDS + 1);
    if (!scratch)
        goto done;
    while (pos < len) {
        const char *start = text + pos, *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        size_t f = 0, i, from = 0, out = 0;
        rfy_vector v;
        char *why;

        pos += n + (nl ? 1 : 0);
        line++;
        if (n > 0 && start[n - 1] == '\r') /* tolerate an editor's CRLF */
            n--;
        if (n == 0 || start[0] == '#')
            continue;
        memset(&v, 0, sizeof v);
        v.file = path;
        v.line = line;
        for (i = 0; i <= n; i++) {
            long ul;
            if (i < n && start[i] != '\t')
                continue;
            if (f == RFY_VECTOR_MAX_FIELDS) {
                fprintf(stderr, "%s:%lu: too many fields\n", path, line);
                goto done;
            }
            ul = unescape(scratch + out, start + from, i - from);
            if (ul < 0) {
                fprintf(stderr, "%s:%lu: bad escape in field %zu (use \\s \\t \\n \\r \\\\ \\xHH)\n",
                        path, line, f + 1);
                goto done;
            }
            v.field[f] = scratch + out;
            v.len[f] = (size_t)ul;
            out += (size_t)ul + 1;
            f++;
            from = i + 1;
        }
        v.nfields = f;
        if (f != nfields) {
            fprintf(stderr, "%s:%lu: expected %zu TAB-separated fields, found %zu\n", path, line,
                    nfields, f);
            goto done;
        }
        (*ncases)++;
        why = fn(user, &v);
        if (why) {
            fprintf(stderr, "%s:%lu: %s\n", path, line, why);
            free(why);
            (*nfailed)++;
        }
    }
    rc = 0;
done:
    free(scratch);
    free(text);
    return rc;
}
