/* The input decoded to UTF-8 (input_decode.h): a read-only stdio stream from
 * fopencookie() over glibc iconv. */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "input_decode.h"
#include <rfy/status.h>

/* Bytes read from the file at a time; decoded text needs at most 4 bytes per
 * 2 input bytes (UTF-16) or 3 per byte (Windows-1252's €), so OUT_CAP always
 * holds one chunk decoded. */
#define IN_CAP (1u << 16)
#define OUT_CAP (3u * IN_CAP + 16u)

struct input_decoder {
    FILE *raw, *fp;
    iconv_t cd;             /* (iconv_t)-1: the bytes pass through */
    input_encoding enc;
    char *in;               /* raw bytes not yet decoded */
    size_t in_len;
    char *out;              /* decoded bytes not yet read */
    size_t out_pos, out_len;
    int eof;
    unsigned long newlines; /* in the text decoded so far: the line of a fault */
    rfy_csv_tap_fn tap;
    void *tap_user;
    char *error;            /* why decoding stopped (input_decode_error) */
    char *iobuf;            /* fp's buffer (IN_CAP bytes): the reader's 64 KiB reads in one piece */
};

static const struct {
    const char *name;
    input_encoding enc;
} NAMES[] = {{"utf-8", INPUT_ENC_UTF8},         {"utf8", INPUT_ENC_UTF8},
             {"cp1252", INPUT_ENC_CP1252},      {"windows-1252", INPUT_ENC_CP1252},
             {"latin1", INPUT_ENC_LATIN1},      {"iso-8859-1", INPUT_ENC_LATIN1},
             {"utf-16", INPUT_ENC_UTF16},       {"utf16", INPUT_ENC_UTF16}};

int input_encoding_from_name(input_encoding *out, const char *name)
{
    size_t i;
    for (i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
        if (strcasecmp(NAMES[i].name, name) == 0) {
            *out = NAMES[i].enc;
            return 0;
        }
    return -1;
}

const char *input_encoding_name(input_encoding e)
{
    switch (e) {
    case INPUT_ENC_CP1252: return "cp1252";
    case INPUT_ENC_LATIN1: return "latin1";
    case INPUT_ENC_UTF16: return "utf-16";
    default: return "utf-8";
    }
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void set_error(input_decoder *d, const char *fmt, ...)
{
    va_list ap;
    char buf[300];
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    free(d->error);
    d->error = strdup(buf);
}

static unsigned long count_newlines(const char *p, size_t n)
{
    unsigned long k = 0;
    const char *e = p + n;
    while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
        k++;
        p++;
    }
    return k;
}

/* Read more raw bytes into d->in (tapped).  Returns 0, or -1 on a read error. */
static int read_raw(input_decoder *d)
{
    size_t want = IN_CAP - d->in_len, n;
    if (d->eof || want == 0)
        return 0;
    n = fread(d->in + d->in_len, 1, want, d->raw);
    if (n > 0 && d->tap)
        d->tap(d->tap_user, d->in + d->in_len, n);
    d->in_len += n;
    if (n < want) {
        if (ferror(d->raw))
            return -1;
        d->eof = 1;
    }
    return 0;
}

/* Decode what d->in holds into d->out (which must be empty).  Returns 0, or
 * -1 with d->error set and errno EILSEQ when the bytes are not text. */
static int decode(input_decoder *d)
{
    char *inp = d->in, *outp = d->out;
    size_t inleft = d->in_len, outleft = OUT_CAP;
    size_t r = iconv(d->cd, &inp, &inleft, &outp, &outleft);
    int e = errno;
    d->out_pos = 0;
    d->out_len = (size_t)(outp - d->out);
    d->newlines += count_newlines(d->out, d->out_len);
    if (r == (size_t)-1 && e == EILSEQ) {
        if (d->enc == INPUT_ENC_UTF16)
            set_error(d, cli_msg(RFY_MSG_UTF16_BROKEN), d->newlines + 1);
        else
            set_error(d, cli_msg(RFY_MSG_CP1252_BYTE), d->newlines + 1, (unsigned)(unsigned char)*inp);
        errno = EILSEQ;
        return -1;
    }
    if (r == (size_t)-1 && e == EINVAL && d->eof) {
        set_error(d, cli_msg(RFY_MSG_ENDS_IN_CHARACTER), d->newlines + 1);
        errno = EILSEQ;
        return -1;
    }
    /* EINVAL: a character cut by the chunk's end waits for the next chunk. */
    memmove(d->in, inp, inleft);
    d->in_len = inleft;
    return 0;
}

static ssize_t decoder_read(void *cookie, char *buf, size_t size)
{
    input_decoder *d = cookie;
    size_t n;
    while (d->out_pos == d->out_len) {
        if (d->cd == (iconv_t)-1) { /* pass-through: straight into the reader's buffer */
            n = fread(buf, 1, size, d->raw);
            if (n > 0 && d->tap)
                d->tap(d->tap_user, buf, n);
            if (n == 0 && ferror(d->raw))
                return -1;
            return (ssize_t)n;
        }
        if (read_raw(d) != 0)
            return -1;
        if (d->in_len == 0 && d->eof)
            return 0;
        if (decode(d) != 0)
            return -1;
    }
    n = d->out_len - d->out_pos < size ? d->out_len - d->out_pos : size;
    memcpy(buf, d->out + d->out_pos, n);
    d->out_pos += n;
    return (ssize_t)n;
}

static int decoder_close(void *cookie)
{
    (void)cookie; /* freed by input_decode_close() */
    return 0;
}

/* Whether Excel's "sep=X" may name c: a tab or a printable ASCII character
 * other than the quote.  Anything else (a NUL byte, a line end, half of a
 * UTF-8 character) cannot be a delimiter; such a line stays as it is and is
 * read as data. */
static int sep_char_ok(unsigned char c)
{
    return c == '\t' || (c >= 0x20 && c <= 0x7E && c != '"');
}

/* Excel's "sep=X" first line (after a UTF-8 byte-order mark, if any): note X
 * and remove "sep=X", keeping the line end, so the line numbers stay. */
static void take_sep_line(input_decoder *d, char *sep)
{
    char *p = d->out + d->out_pos;
    size_t n = d->out_len - d->out_pos, at = 0;
    *sep = 0;
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        at = 3;
    if (n - at < 5 || strncasecmp(p + at, "sep=", 4) != 0 || !sep_char_ok((unsigned char)p[at + 4]))
        return;
    if (n - at > 5 && p[at + 5] != '\r' && p[at + 5] != '\n')
        return;
    *sep = p[at + 4];
    memmove(p + at, p + at + 5, n - at - 5);
    d->out_len -= 5;
}

void input_decode_close(input_decoder *d)
{
    if (!d)
        return;
    if (d->fp)
        fclose(d->fp);
    if (d->cd != (iconv_t)-1)
        iconv_close(d->cd);
    free(d->in);
    free(d->out);
    free(d->error);
    free(d->iobuf);
    free(d);
}

const char *input_decode_error(const input_decoder *d)
{
    return d ? d->error : NULL;
}

int input_decode_open(input_decoder **dp, FILE **out, char *sep, input_encoding *used, FILE *raw,
                      input_encoding enc, rfy_csv_tap_fn tap, void *tap_user, char **errmsg)
{
    static const cookie_io_functions_t io = {decoder_read, NULL, NULL, decoder_close};
    input_decoder *d = calloc(1, sizeof *d);
    const char *from = NULL;
    unsigned char *b;

    *dp = NULL;
    *out = NULL;
    *errmsg = NULL;
    if (d)
        d->cd = (iconv_t)-1;
    if (!d || !(d->in = malloc(IN_CAP)) || !(d->out = malloc(OUT_CAP)))
        goto nomem;
    d->raw = raw;
    d->tap = tap;
    d->tap_user = tap_user;
    if (read_raw(d) != 0) {
        *errmsg = strdup(cli_errno(errno ? errno : EIO));
        input_decode_close(d);
        return RFY_EIO;
    }
    /* A byte-order mark decides, whatever the option said. */
    b = (unsigned char *)d->in;
    if (d->in_len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        enc = INPUT_ENC_UTF8; /* the CSV reader skips the mark itself */
    else if (d->in_len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        from = b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        enc = INPUT_ENC_UTF16;
        memmove(d->in, d->in + 2, d->in_len - 2);
        d->in_len -= 2;
    } else if (enc == INPUT_ENC_UTF16)
        from = d->in_len >= 2 && b[0] == 0 && b[1] != 0 ? "UTF-16BE" : "UTF-16LE";
    else if (enc == INPUT_ENC_CP1252)
        from = "CP1252";
    else if (enc == INPUT_ENC_LATIN1)
        from = "ISO-8859-1";
    d->enc = enc;
    if (from) {
        if ((d->cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
            *errmsg = strdup(cli_msg(RFY_MSG_ICONV));
            input_decode_close(d);
            return RFY_EIO;
        }
        if (decode(d) != 0) {
            *errmsg = d->error;
            d->error = NULL;
            input_decode_close(d);
            return RFY_EIO;
        }
    } else { /* pass-through: the first chunk is served as it is */
        char *t = d->in;
        d->in = d->out;
        d->out = t;
        d->out_pos = 0;
        d->out_len = d->in_len;
        d->in_len = 0;
    }
    take_sep_line(d, sep);
    if (!(d->fp = fopencookie(d, "r", io)))
        goto nomem;
    /* glibc gives a cookie stream 8 KiB of buffer, and reads through it even
     * when asked for more: without this, 64 KiB reads of the CSV reader are
     * eight calls of decoder_read().  Failing, it only costs speed. */
    if ((d->iobuf = malloc(IN_CAP)) != NULL)
        (void)setvbuf(d->fp, d->iobuf, _IOFBF, IN_CAP);
    *used = enc;
    *dp = d;
    *out = d->fp;
    return RFY_OK;
nomem:
    input_decode_close(d);
    *errmsg = strdup(cli_msg(RFY_MSG_OUT_OF_MEMORY));
    return RFY_ENOMEM;
}
