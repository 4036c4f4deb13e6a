/*
 * Fuzz target: the input decoder (cli/input_decode.h) and the CSV reader
 * behind it, as `rfy batch` and `rfy audit` read a file.
 *
 * Input: byte 0 chooses the encoding (--encoding utf-8, cp1252, latin1,
 * utf-16), the delimiter when the file has no "sep=X" line, the size of the
 * reads and whether to run the chunk test; byte 1 where the chunk boundary
 * falls; the rest is the file.
 *
 * 1. Decode in one read and again in small reads of varying size: the same
 *    text and the same error.  A byte-order mark decides the encoding; a
 *    converted file (cp1252, latin1, utf-16) that decodes without error is
 *    valid UTF-8; a UTF-8 file passes through byte for byte, less the
 *    "sep=X" it may start with.  A decoding error is a message "linje N: ..."
 *    with N past every line already served.
 * 2. The CSV reader over the decoder stream: records count up, lines never
 *    go back, a read error is the decoder's (with its message); without one,
 *    the records are those of the decoded text read from memory.
 * 3. Chunk boundaries: the decoder reads the file 64 KiB at a time.  The
 *    file behind 64 KiB − k bytes of 'a' (in the file's encoding; no line
 *    end) decodes to those 'a's followed by exactly the file's own text, and
 *    fails with the same message, wherever the boundary falls in it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz_targets.h"
#include "input_decode.h"
#include <rfy/csv.h>
#include <rfy/status.h>

/* The decoder's read size (input_decode.c IN_CAP). */
#define DECODE_CHUNK (1u << 16)

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
static int is_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len, k;
        unsigned long cp;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            len = 2, cp = c & 0x1Fu;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, cp = c & 0x0Fu;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, cp = c & 0x07u;
        else
            return 0;
        if (i + len > n)
            return 0;
        for (k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0u) != 0x80u)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

static unsigned long newlines(const char *p, size_t n)
{
    unsigned long k = 0;
    size_t i;
    for (i = 0; i < n; i++)
        k += p[i] == '\n';
    return k;
}

/* What one decoding gave. */
typedef struct decoded {
    int rc;              /* input_decode_open */
    char sep;
    input_encoding used;
    char *text;          /* what the stream served */
    size_t len;
    int failed;          /* the stream reported a read error */
    char *why;           /* open's message or input_decode_error(), copied */
} decoded;

static void decoded_clear(decoded *r)
{
    free(r->text);
    free(r->why);
}

/* The whole file through the decoder; step 0 reads all at once, otherwise
 * reads of 1..step bytes in a pattern. */
static void decode_all(decoded *r, const uint8_t *data, size_t size, input_encoding enc,
                       unsigned step)
{
    input_decoder *d = NULL;
    FILE *raw = fmemopen((void *)data, size, "rb"), *in = NULL, *acc;
    char *err = NULL, buf[4096];
    unsigned turn = 0;

    memset(r, 0, sizeof *r);
    FUZZ_CHECK(raw != NULL);
    r->rc = input_decode_open(&d, &in, &r->sep, &r->used, raw, enc, NULL, NULL, &err);
    FUZZ_CHECK(r->rc == RFY_OK || r->rc == RFY_EIO || r->rc == RFY_ENOMEM);
    if (r->rc != RFY_OK) {
        FUZZ_CHECK(err != NULL && d == NULL && in == NULL);
        r->why = err;
        r->failed = 1;
        fclose(raw);
        return;
    }
    FUZZ_CHECK(err == NULL && d != NULL && in != NULL);
    acc = open_memstream(&r->text, &r->len);
    FUZZ_CHECK(acc != NULL);
    for (;;) {
        size_t want = step ? 1 + (turn++ * 7u) % step : sizeof buf, n;
        n = fread(buf, 1, want, in);
        fwrite(buf, 1, n, acc);
        if (n < want)
            break;
    }
    r->failed = ferror(in) != 0;
    FUZZ_CHECK(fclose(acc) == 0);
    /* a read error is a decoding error, and only a read error has a reason */
    FUZZ_CHECK(r->failed == (input_decode_error(d) != NULL));
    if (r->failed) {
        r->why = strdup(input_decode_error(d));
        FUZZ_CHECK(r->why != NULL);
    }
    input_decode_close(d);
    fclose(raw);
}

/* The encoding a byte-order mark chooses, or `enc`. */
static input_encoding expected_encoding(const uint8_t *data, size_t size, input_encoding enc)
{
    if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        return INPUT_ENC_UTF8;
    if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
        return INPUT_ENC_UTF16;
    return enc;
}

static void check_decoded(const decoded *r, const uint8_t *data, size_t size, input_encoding enc)
{
    if (r->why) {
        unsigned long line;
        FUZZ_CHECK(r->why[0] != '\0');
        if (r->rc != RFY_ENOMEM) {
            /* the catalogue's words in cli_lang: Danish, the default */
            FUZZ_CHECK(sscanf(r->why, "linje %lu: ", &line) == 1);
            FUZZ_CHECK(line >= 1 && line > newlines(r->text, r->len));
        }
    }
    if (r->rc != RFY_OK)
        return;
    FUZZ_CHECK(r->used == expected_encoding(data, size, enc));
    /* a tab or a printable ASCII character other than the quote */
    FUZZ_CHECK(r->sep == 0 || r->sep == '\t' || (r->sep >= 0x20 && r->sep <= 0x7E && r->sep != '"'));
    if (r->used == INPUT_ENC_UTF8) {
        /* pass-through: the bytes themselves, less a leading "sep=X" */
        size_t at = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        FUZZ_CHECK(!r->failed);
        if (r->sep) {
            FUZZ_CHECK(r->len + 5 == size);
            FUZZ_CHECK(memcmp(r->text, data, at) == 0);
            FUZZ_CHECK(strncasecmp((const char *)data + at, "sep=", 4) == 0);
            FUZZ_CHECK(data[at + 4] == (uint8_t)r->sep);
            FUZZ_CHECK(memcmp(r->text + at, data + at + 5, size - at - 5) == 0);
        } else {
            FUZZ_CHECK(r->len == size);
            FUZZ_CHECK(size == 0 || memcmp(r->text, data, size) == 0);
        }
    } else if (!r->failed) {
        FUZZ_CHECK(is_utf8((const unsigned char *)r->text, r->len));
        if (r->used == INPUT_ENC_LATIN1) { /* every byte is a character: 1 or 2 bytes in UTF-8 */
            size_t i, expect = 0;
            for (i = 0; i < size; i++)
                expect += data[i] < 0x80 ? 1 : 2;
            FUZZ_CHECK(r->len + (r->sep ? 5 : 0) == expect);
        }
    }
}

static int same(const decoded *a, const decoded *b)
{
    return a->rc == b->rc && a->sep == b->sep && a->used == b->used && a->failed == b->failed &&
           a->len == b->len && (a->len == 0 || memcmp(a->text, b->text, a->len) == 0) &&
           (a->why == NULL) == (b->why == NULL) && (!a->why || strcmp(a->why, b->why) == 0);
}

/* ---- 2. the CSV reader over the stream ------------------------------------ */

typedef struct records {
    unsigned long n, last_line;
    unsigned long digest; /* of every record's line and fields */
} records;

static int on_record(void *user, const rfy_csv_record *rec)
{
    records *s = user;
    size_t i, k, kept = rec->nfields < RFY_CSV_MAX_FIELDS ? rec->nfields : RFY_CSV_MAX_FIELDS;
    FUZZ_CHECK(rec->nfields >= 1);
    FUZZ_CHECK(rec->index == s->n + 1);
    FUZZ_CHECK(rec->line >= 1 && rec->line >= s->last_line);
    s->digest = s->digest * 31u + rec->line * 7u + rec->nfields;
    for (i = 0; i < kept; i++) {
        FUZZ_CHECK(rec->field[i][rec->len[i]] == '\0');
        for (k = 0; k < rec->len[i]; k++)
            s->digest = s->digest * 131u + (unsigned char)rec->field[i][k];
        s->digest = s->digest * 131u + 0x100u;
    }
    s->n++;
    s->last_line = rec->line;
    return 0;
}

static void read_csv(const uint8_t *data, size_t size, input_encoding enc, char fallback,
                     const decoded *whole)
{
    input_decoder *d = NULL;
    FILE *raw = fmemopen((void *)data, size, "rb"), *in = NULL;
    char *err = NULL, sep = 0;
    input_encoding used;
    records s = {0, 0, 0};
    int rc;

    FUZZ_CHECK(raw != NULL);
    if (input_decode_open(&d, &in, &sep, &used, raw, enc, NULL, NULL, &err) != RFY_OK) {
        free(err);
        fclose(raw);
        return;
    }
    rc = rfy_csv_read_stream(in, sep ? sep : fallback, on_record, &s, &err);
    FUZZ_CHECK(rc == RFY_OK || rc == RFY_ECSV || rc == RFY_EIO || rc == RFY_ENOMEM);
    FUZZ_CHECK(rc == RFY_OK || err != NULL || rc == RFY_ENOMEM);
    if (rc == RFY_EIO) /* the only read errors are the decoder's */
        FUZZ_CHECK(input_decode_error(d) != NULL && whole->failed);
    if (!whole->failed && rc != RFY_ENOMEM) {
        /* the same records as the decoded text read from memory */
        records m = {0, 0, 0};
        char *err2 = NULL;
        int rc2 = rfy_csv_read_buffer(whole->text, whole->len, sep ? sep : fallback, on_record, &m,
                                      &err2);
        FUZZ_CHECK(rc2 == rc);
        FUZZ_CHECK(m.n == s.n && m.digest == s.digest);
        FUZZ_CHECK((err == NULL) == (err2 == NULL) && (!err || strcmp(err, err2) == 0));
        free(err2);
    }
    free(err);
    input_decode_close(d);
    fclose(raw);
}

/* ---- 3. a chunk boundary anywhere in the file ------------------------------ */

static void chunk_test(const uint8_t *data, size_t size, input_encoding enc, unsigned where,
                       const decoded *whole)
{
    size_t unit = enc == INPUT_ENC_UTF16 ? 2 : 1, k, padlen, i;
    int big_endian = enc == INPUT_ENC_UTF16 && size >= 2 && data[0] == 0 && data[1] != 0;
    uint8_t *buf;
    decoded r;

    /* the padding would hide what only a file's start may say */
    if (size == 0 || whole->rc != RFY_OK || whole->sep ||
        expected_encoding(data, size, INPUT_ENC_LATIN1) != INPUT_ENC_LATIN1) /* a byte-order mark */
        return;
    k = 1 + where % (size < 255 ? size : 255); /* the file's first k bytes in the first chunk */
    if (unit == 2 && k % 2)
        k++;
    padlen = DECODE_CHUNK - k;
    if (!(buf = malloc(padlen + size)))
        return;
    for (i = 0; i < padlen; i++)
        buf[i] = unit == 1 ? 'a' : (i % 2 == (size_t)big_endian ? 'a' : 0);
    memcpy(buf + padlen, data, size);
    decode_all(&r, buf, padlen + size, enc, 0);
    FUZZ_CHECK(r.rc == RFY_OK || r.rc == RFY_EIO || r.rc == RFY_ENOMEM);
    if (r.rc != RFY_ENOMEM) {
        size_t nchars = padlen / unit;
        FUZZ_CHECK(r.failed == whole->failed);
        FUZZ_CHECK((r.why == NULL) == (whole->why == NULL));
        if (r.why)
            FUZZ_CHECK(strcmp(r.why, whole->why) == 0);
        else {
            FUZZ_CHECK(r.len == nchars + whole->len);
            for (i = 0; i < nchars; i++)
                FUZZ_CHECK(r.text[i] == 'a');
            FUZZ_CHECK(whole->len == 0 || memcmp(r.text + nchars, whole->text, whole->len) == 0);
        }
    }
    decoded_clear(&r);
    free(buf);
}

int rfy_fuzz_input_decode(const uint8_t *data, size_t size)
{
    static const input_encoding encodings[] = {INPUT_ENC_UTF8, INPUT_ENC_CP1252, INPUT_ENC_LATIN1,
                                               INPUT_ENC_UTF16};
    input_encoding enc;
    unsigned control, where;
    decoded whole, small;

    if (size < 2)
        return 0;
    control = data[0];
    where = data[1];
    data += 2;
    size -= 2;
    enc = encodings[control & 3u];

    decode_all(&whole, data, size, enc, 0);
    check_decoded(&whole, data, size, enc);
    decode_all(&small, data, size, enc, 1 + ((control >> 3) & 15u));
    check_decoded(&small, data, size, enc);
    FUZZ_CHECK(same(&whole, &small));

    read_csv(data, size, enc, control & 4u ? ';' : ',', &whole);
    if (control & 0x80u)
        chunk_test(data, size, enc, where, &whole);

    decoded_clear(&whole);
    decoded_clear(&small);
    return 0;
}

#ifdef RFY_FUZZ_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rfy_fuzz_input_decode(data, size);
}
#endif
