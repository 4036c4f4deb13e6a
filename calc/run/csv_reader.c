/*
 * Streaming CSV reader on libcsv.  Input is fed to libcsv one physical line
 * at a time so that every record knows the line it starts on (a quoted
 * field may span lines).  One record buffer is reused: memory is constant.
 *
 * Most lines of a batch hold no quote at all.  Such a line, when it is a
 * whole record (libcsv is between records and the line's end is in the
 * piece), is split here at its delimiters without libcsv: its fields are
 * the bytes between them, exactly as libcsv would give them in strict mode
 * without space trimming, and they stay where they were read, each
 * delimiter (and the line end) overwritten with the field's NUL.  No byte is
 * copied.  Any other line goes through libcsv as before.
 */
#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/csv.h>
#include <rfy/messages.h>
#include <rfy/status.h>

typedef struct reader {
    struct csv_parser parser;
    rfy_csv_record_fn fn;
    void *user;
    /* the record being assembled */
    char *buf;
    size_t used, cap;
    size_t offset[RFY_CSV_MAX_FIELDS];
    rfy_csv_record rec;
    /* position */
    unsigned long line;         /* line of the bytes being fed */
    unsigned long record_line;  /* line where the current record started */
    unsigned long records;
    size_t record_bytes;        /* bytes fed since the record started */
    int in_record;
    int at_start;               /* nothing fed yet (BOM check) */
    int prev_cr;                /* the last byte fed was a CR (a CRLF may span two pieces) */
    int stopped;
    int nomem;
    rfy_lang lang;              /* of a structural fault's words */
} reader;

/* libcsv trims spaces and tabs by default; rfy keeps fields exactly as
 * written so that "12.50 " is reported rather than silently accepted. */
static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

/* Make room for `need` bytes in the record buffer: rarely needed (the buffer
 * only grows), so kept out of on_field(), which runs for every field. */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static int grow_buf(reader *r, size_t need)
{
    size_t cap = r->cap ? r->cap : 256;
    char *p;
    while (cap < need)
        cap *= 2;
    p = realloc(r->buf, cap);
    if (!p) {
        r->nomem = 1;
        return -1;
    }
    r->buf = p;
    r->cap = cap;
    return 0;
}

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    size_t n = r->rec.nfields++;
    if (n >= RFY_CSV_MAX_FIELDS || r->stopped || r->nomem)
        return;
    if (r->used + len + 1 > r->cap && grow_buf(r, r->used + len + 1) != 0)
        return;
    r->offset[n] = r->used;
    if (len)
        memcpy(r->buf + r->used, s, len);
    r->buf[r->used + len] = '\0';
    r->rec.len[n] = len;
    r->used += len + 1;
}

/* A record of empty fields only (";;;;": what a spreadsheet writes for an
 * emptied row) is a blank line, not a record. */
static int only_delimiters(const reader *r)
{
    size_t i;
    if (r->rec.nfields < 2 || r->rec.nfields > RFY_CSV_MAX_FIELDS)
        return 0;
    for (i = 0; i < r->rec.nfields; i++)
        if (r->rec.len[i] != 0)
            return 0;
    return 1;
}

/* Hand the record in r->rec (its fields set) to the callback, and start the next. */
static void deliver(reader *r)
{
    if (!r->stopped && !r->nomem && !only_delimiters(r)) {
        r->rec.line = r->record_line;
        r->rec.index = ++r->records;
        if (r->fn(r->user, &r->rec) != 0)
            r->stopped = 1;
    }
    r->rec.nfields = 0;
    r->used = 0;
    r->in_record = 0;
    r->record_bytes = 0;
}

/* libcsv's end of a record: its fields are in the record buffer. */
static void on_record(int term, void *data)
{
    reader *r = data;
    size_t i, kept = r->rec.nfields < RFY_CSV_MAX_FIELDS ? r->rec.nfields : RFY_CSV_MAX_FIELDS;
    (void)term;
    if (!r->nomem)
        for (i = 0; i < kept; i++)
            r->rec.field[i] = r->buf + r->offset[i];
    deliver(r);
}

/*
 * A whole record on one line without a quote: s[0..len) are its bytes up to
 * the line end, s[len] the line end's first byte (CR or LF), and s is
 * writable.  Splits it in place at the delimiters, each delimiter and
 * s[len] becoming its field's NUL, and delivers it.  libcsv (strict, no
 * space trimming) gives the same fields: without a quote every byte is a
 * field byte or a delimiter, and a line end ends the record.
 */
static void split_line(reader *r, char *s, size_t len)
{
    const unsigned char delim = r->parser.delim_char;
    const uint64_t delim8 = 0x0101010101010101ULL * delim, low7 = 0x7F7F7F7F7F7F7F7FULL;
    const char **field = r->rec.field;
    size_t *flen = r->rec.len;
    size_t n = 0, start = 0, i = 0, at;
    /* Eight bytes at a time: the delimiters among them as a bit mask (the
     * high bit of each byte equal to the delimiter; exact, no carries
     * between bytes), taken lowest address first. */
    for (; i + 8 <= len; i += 8) {
        uint64_t w, x, m;
        memcpy(&w, s + i, 8);
        x = w ^ delim8;
        m = ~(((x & low7) + low7) | x | low7);
        while (m) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            at = i + (size_t)(__builtin_ctzll(m) >> 3);
            m &= m - 1;
#else
            at = i + (size_t)(__builtin_clzll(m) >> 3);
            m &= ~(0x8000000000000000ULL >> ((at - i) * 8));
#endif
            if (n < RFY_CSV_MAX_FIELDS) {
                field[n] = s + start;
                flen[n] = at - start;
            }
            s[at] = '\0';
            n++;
            start = at + 1;
        }
    }
    for (; i < len; i++) {
        if ((unsigned char)s[i] != delim)
            continue;
        if (n < RFY_CSV_MAX_FIELDS) {
            field[n] = s + start;
            flen[n] = i - start;
        }
        s[i] = '\0';
        n++;
        start = i + 1;
    }
    if (n < RFY_CSV_MAX_FIELDS) {
        field[n] = s + start;
        flen[n] = len - start;
    }
    s[len] = '\0';
    r->rec.nfields = n + 1;
    deliver(r);
}

/*
 * A structural fault: the catalogue's message (rfy/messages.h) and its data
 * (the line, the column or the system's reason), rendered in the reader's
 * language into *errmsg (malloc'ed; NULL when memory ran out).
 */
static void set_fault(const reader *r, char **errmsg, rfy_message id, ...)
{
    const char *fmt = rfy_message_format(id, r->lang);
    va_list ap;
    int n;
    if (!errmsg)
        return;
    va_start(ap, id);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    *errmsg = n < 0 ? NULL : malloc((size_t)n + 1);
    if (*errmsg) {
        va_start(ap, id);
        vsnprintf(*errmsg, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
}

/* Where the line of piece p[0..n) ends, when p is a whole line with its line
 * end (LF, CRLF or a bare CR, as feed_chunk() cuts them) and no quote
 * (`quote_free`: feed_chunk() knows where the next quote is): the bytes
 * before the line end.  (size_t)-1 otherwise. */
static size_t plain_line(const char *p, size_t n, int quote_free)
{
    size_t len;
    if (n == 0 || !quote_free)
        return (size_t)-1;
    len = n - 1;
    if (p[len] == '\n') {
        if (len > 0 && p[len - 1] == '\r')
            len--;
    } else if (p[len] != '\r') {
        return (size_t)-1; /* the line goes on in the next read */
    }
    return len;
}

/* Feed one piece of input that lies within one physical line (it may end
 * with the line's '\n').  `w` is the same bytes, writable (the read buffer),
 * or NULL when they are not; `quote_free`: the piece holds no '"'.  Returns
 * RFY_OK or an error code. */
static int feed(reader *r, const char *p, char *w, size_t n, int quote_free, char **errmsg)
{
    size_t i, len;
    char last = n ? p[n - 1] : 0; /* read before a split overwrites the line end */
    int fresh = !r->in_record;   /* libcsv is between records */
    if (!r->in_record) {
        /* A record starts at the first byte that is not a line end. */
        for (i = 0; i < n; i++)
            if (p[i] != '\r' && p[i] != '\n')
                break;
        if (i < n) {
            r->in_record = 1;
            r->record_line = r->line;
        }
    }
    if (r->in_record) {
        r->record_bytes += n;
        if (r->record_bytes > RFY_CSV_MAX_RECORD) {
            set_fault(r, errmsg, RFY_MSG_CSV_TOO_LONG, r->record_line);
            return RFY_ECSV;
        }
    }
    if (fresh && r->in_record && (len = plain_line(p, n, quote_free)) != (size_t)-1) {
        if (!w) { /* a buffer the caller owns: the line into the record buffer */
            if (len + 1 > r->cap && grow_buf(r, len + 1) != 0)
                return RFY_ENOMEM;
            memcpy(r->buf, p, len + 1);
            w = r->buf;
        }
        split_line(r, w, len);
    } else if (csv_parse(&r->parser, p, n, on_field, on_record, r) != n) {
        int e = csv_error(&r->parser);
        if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
            return RFY_ENOMEM;
        set_fault(r, errmsg, RFY_MSG_CSV_MALFORMED, r->line, (unsigned long)r->rec.nfields + 1);
        return RFY_ECSV;
    }
    if (r->nomem)
        return RFY_ENOMEM;
    /* Line ends: LF, CRLF, or a bare CR (old Mac and some spreadsheet exports).
     * A CRLF counts once, also when the chunk boundary falls between them. */
    if (n) {
        if (last == '\r' || (last == '\n' && !(n == 1 && r->prev_cr)))
            r->line++;
        r->prev_cr = last == '\r';
    }
    return r->stopped ? RFY_ESTOP : RFY_OK;
}

/* Split a chunk into line pieces and feed them; `w` as for feed(). */
static int feed_chunk(reader *r, const char *p, char *w, size_t n, char **errmsg)
{
    if (r->at_start && n > 0) {
        r->at_start = 0;
        if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
            (unsigned char)p[2] == 0xBF) {
            p += 3;
            n -= 3;
            if (w)
                w += 3;
        }
    }
    /* The next CR and the next quote are looked for once over the rest of
     * the chunk, not once a line: most chunks have none, or few. */
    const char *e = p + n, *cr = NULL, *quote = NULL;
    while (p < e) {
        size_t rest = (size_t)(e - p);
        const char *nl = memchr(p, '\n', rest);
        size_t piece = nl ? (size_t)(nl - p) + 1 : rest;
        int rc;
        if (!cr || cr < p) {
            cr = memchr(p, '\r', rest);
            if (!cr)
                cr = e;
        }
        /* A CR that is not the CR of a closing CRLF ends a line too. */
        if (cr < p + piece && !(nl && cr == nl - 1))
            piece = (size_t)(cr - p) + 1;
        if (!quote || quote < p) {
            quote = memchr(p, '"', rest);
            if (!quote)
                quote = e;
        }
        rc = feed(r, p, w, piece, quote >= p + piece, errmsg);
        if (rc != RFY_OK)
            return rc;
        p += piece;
        if (w)
            w += piece;
    }
    return RFY_OK;
}

static int finish(reader *r, char **errmsg)
{
    if (csv_fini(&r->parser, on_field, on_record, r) != 0) {
        set_fault(r, errmsg, RFY_MSG_CSV_UNTERMINATED, r->record_line,
                  (unsigned long)r->rec.nfields + 1);
        return RFY_ECSV;
    }
    if (r->nomem)
        return RFY_ENOMEM;
    return r->stopped ? RFY_ESTOP : RFY_OK;
}

static int reader_init(reader *r, char delimiter, rfy_csv_record_fn fn, void *user, rfy_lang lang)
{
    memset(r, 0, sizeof *r);
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
        return RFY_ENOMEM;
    csv_set_delim(&r->parser, (unsigned char)delimiter);
    csv_set_space_func(&r->parser, no_space);
    /* libcsv grows its field buffer by 128 bytes by default: a long field
     * would cost quadratic copying.  Grow in 64 KiB steps instead. */
    csv_set_blk_size(&r->parser, 1u << 16);
    r->fn = fn;
    r->user = user;
    r->line = 1;
    r->at_start = 1;
    r->lang = lang;
    return RFY_OK;
}

static void reader_free(reader *r)
{
    csv_free(&r->parser);
    free(r->buf);
}

int rfy_csv_read_buffer(const char *buf, size_t len, char delimiter, rfy_csv_record_fn fn,
                        void *user, char **errmsg)
{
    return rfy_csv_read_buffer_lang(buf, len, delimiter, fn, user, RFY_LANG_DA, errmsg);
}

int rfy_csv_read_buffer_lang(const char *buf, size_t len, char delimiter, rfy_csv_record_fn fn,
                             void *user, rfy_lang lang, char **errmsg)
{
    reader r;
    int rc = reader_init(&r, delimiter, fn, user, lang);
    if (errmsg)
        *errmsg = NULL;
    if (rc != RFY_OK)
        return rc;
    rc = feed_chunk(&r, buf, NULL, len, errmsg);
    if (rc == RFY_OK)
        rc = finish(&r, errmsg);
    reader_free(&r);
    return rc;
}

int rfy_csv_read_stream(FILE *in, char delimiter, rfy_csv_record_fn fn, void *user,
                        char **errmsg)
{
    return rfy_csv_read_stream_tap(in, delimiter, fn, user, NULL, NULL, errmsg);
}

int rfy_csv_read_stream_tap(FILE *in, char delimiter, rfy_csv_record_fn fn, void *user,
                            rfy_csv_tap_fn tap, void *tap_user, char **errmsg)
{
    return rfy_csv_read_stream_lang(in, delimiter, fn, user, tap, tap_user, RFY_LANG_DA, errmsg);
}

int rfy_csv_read_stream_lang(FILE *in, char delimiter, rfy_csv_record_fn fn, void *user,
                             rfy_csv_tap_fn tap, void *tap_user, rfy_lang lang, char **errmsg)
{
    enum { CHUNK = 1 << 16 };
    reader r;
    char *chunk = NULL;
    int rc = reader_init(&r, delimiter, fn, user, lang);
    if (errmsg)
        *errmsg = NULL;
    if (rc != RFY_OK)
        return rc;
    chunk = malloc(CHUNK);
    if (!chunk) {
        rc = RFY_ENOMEM;
        goto cleanup;
    }
    for (;;) {
        size_t n = fread(chunk, 1, CHUNK, in);
        if (n > 0 && tap)
            tap(tap_user, chunk, n);
        if (n > 0) {
            rc = feed_chunk(&r, chunk, chunk, n, errmsg);
            if (rc != RFY_OK)
                goto cleanup;
        }
        if (n < CHUNK) {
            if (ferror(in)) {
                set_fault(&r, errmsg, RFY_MSG_CSV_READ, r.line, rfy_errno_text(errno, r.lang));
                rc = RFY_EIO;
                goto cleanup;
            }
            break;
        }
    }
    rc = finish(&r, errmsg);
cleanup:
    free(chunk);
    reader_free(&r);
    return rc;
}

/* Bytes of a 64-bit word, and whether one of them is 0 or below n (n <= 128):
 * exact as a yes/no (the bit tricks of "Bit Twiddling Hacks"). */
#define BYTES_01 0x0101010101010101ULL
#define BYTES_80 0x8080808080808080ULL
#define HAS_ZERO_BYTE(v) (((v) - BYTES_01) & ~(v) & BYTES_80)
#define HAS_BYTE_BELOW(v, n) (((v) - BYTES_01 * (n)) & ~(v) & BYTES_80)

/* Does the field need quotes (RFC 4180), and a leading ' (CSV injection)? */
static void field_needs(const char *s, size_t len, char delimiter, int neutralise, int *quote,
                        int *lead)
{
    size_t i = 0;
    const uint64_t quote8 = BYTES_01 * (unsigned char)'"';
    const uint64_t delim8 = BYTES_01 * (unsigned char)delimiter;
    *quote = *lead = 0;
    if (neutralise && len > 0 &&
        (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        *lead = 1;
    /* Eight bytes at a time while none is the delimiter, '"' or below 14 (CR
     * 13, LF 10): every output row passes its text fields through here.  The
     * first word that may hold one is looked at byte by byte below. */
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (HAS_BYTE_BELOW(w, 14) | HAS_ZERO_BYTE(w ^ quote8) | HAS_ZERO_BYTE(w ^ delim8))
            break;
    }
    for (; i < len; i++)
        if (((unsigned char)s[i] <= '"' || s[i] == delimiter) && /* most bytes: one test */
            (s[i] == delimiter || s[i] == '"' || s[i] == '\r' || s[i] == '\n')) {
            *quote = 1;
            break;
        }
}

int rfy_csv_format_field(char *buf, size_t size, const char *s, size_t len, char delimiter,
                         int neutralise)
{
    int quote, lead;
    size_t i, pos = 0;
    if (size < 3 || len > (size - 3) / 2)
        return -1;
    field_needs(s, len, delimiter, neutralise, &quote, &lead);
    if (!quote && !lead) {
        memcpy(buf, s, len); /* the usual case: the text as it is */
        return (int)len;
    }
    if (quote)
        buf[pos++] = '"';
    if (lead)
        buf[pos++] = '\'';
    for (i = 0; i < len; i++) {
        if (s[i] == '"')
            buf[pos++] = '"';
        buf[pos++] = s[i];
    }
    if (quote)
        buf[pos++] = '"';
    return (int)pos;
}

int rfy_csv_write_field(FILE *out, const char *s, size_t len, char delimiter, int neutralise)
{
    int quote, lead;
    size_t i;
    field_needs(s, len, delimiter, neutralise, &quote, &lead);
    if (!quote && !lead) /* one fwrite, not a putc per byte */
        return len == 0 || fwrite(s, 1, len, out) == len ? 0 : EOF;
    if (quote && putc('"', out) == EOF)
        return EOF;
    if (lead && putc('\'', out) == EOF)
        return EOF;
    for (i = 0; i < len; i++) {
        if (s[i] == '"' && putc('"', out) == EOF)
            return EOF;
        if (putc(s[i], out) == EOF)
            return EOF;
    }
    if (quote && putc('"', out) == EOF)
        return EOF;
    return 0;
}
