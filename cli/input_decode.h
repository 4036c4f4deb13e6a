/*
 * The input as rfy reads it: UTF-8, whatever the file was saved as.
 *
 * Payroll files come from Danish Excel as Windows-1252 ("CSV
 * (semikolonsepareret)"), from older systems as Latin-1, and from Excel's
 * "Unicode text" as UTF-16 with a byte-order mark.  input_decode_open()
 * returns a stdio stream that yields the file's text as UTF-8 (glibc iconv),
 * so the CSV reader and everything after it see one encoding.
 *
 * - A byte-order mark decides, whatever --encoding says: UTF-16 LE/BE marks
 *   are decoded as UTF-16, a UTF-8 mark means UTF-8 (and is left for the
 *   CSV reader, which skips it).
 * - Without one: utf-8 (the default) passes the bytes through untouched
 *   (rows with invalid UTF-8 are rejected by the row checks, with a hint
 *   when they look like Windows-1252); cp1252 and latin1 are converted;
 *   utf-16 without a mark is read as little-endian (what Windows writes)
 *   unless the first byte is 0 (then big-endian).
 * - Excel's first line "sep=X" sets the delimiter (input_decoder.sep) and is
 *   read as a blank line, so line numbers stay those of the file.
 * - The tap sees the raw bytes of the file (the receipt hashes the file as
 *   it is on disk, not its decoded text).
 * Memory is constant: one input and one output buffer.
 */
#ifndef RFY_INPUT_DECODE_H
#define RFY_INPUT_DECODE_H

#include <stdio.h>

#include <rfy/csv.h>

typedef enum input_encoding {
    INPUT_ENC_UTF8 = 0,
    INPUT_ENC_CP1252,
    INPUT_ENC_LATIN1,
    INPUT_ENC_UTF16
} input_encoding;

/* --encoding NAME: utf-8, cp1252, latin1, utf-16 (also utf8, windows-1252,
 * iso-8859-1, utf16; any case).  Returns 0 and sets *out, or -1. */
int input_encoding_from_name(input_encoding *out, const char *name);

/* The canonical option name ("cp1252"). */
const char *input_encoding_name(input_encoding e);

typedef struct input_decoder input_decoder;

/*
 * Open a decoding stream over `raw` (which stays the caller's).  Reads the
 * first chunk to find a byte-order mark and a "sep=X" line.  On success
 * *out is the stream to read, *sep the delimiter of a "sep=X" line or 0, and
 * *used the encoding actually used (a byte-order mark overrides `enc`).
 * Returns RFY_OK, RFY_EIO (unreadable) or RFY_ENOMEM with *errmsg (caller
 * frees).  Close with input_decode_close().
 */
int input_decode_open(input_decoder **d, FILE **out, char *sep, input_encoding *used, FILE *raw,
                      input_encoding enc, rfy_csv_tap_fn tap, void *tap_user, char **errmsg);

/*
 * Why decoding stopped, when the stream reported a read error because the
 * bytes are not text in the encoding ("line 4: byte 0x81 is not a character
 * in Windows-1252 ..."); NULL otherwise.  Borrowed from d.
 */
const char *input_decode_error(const input_decoder *d);

/* Close the stream and free d (NULL is fine).  `raw` is not closed. */
void input_decode_close(input_decoder *d);

#endif
