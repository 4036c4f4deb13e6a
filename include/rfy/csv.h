/*
 * Streaming CSV records (RFC 4180) on top of libcsv.
 *
 * Records are delivered one at a time to a callback; memory stays constant
 * whatever the file size (the record buffer is reused).  A UTF-8 byte-order
 * mark at the start is skipped.  Blank lines are not records, nor are lines
 * of delimiters only (";;;;", a row a spreadsheet emptied).
 */
#ifndef RFY_CSV_H
#define RFY_CSV_H

#include <stddef.h>
#include <stdio.h>
#include <rfy/export.h>
#include <rfy/fault.h> /* rfy_lang */

RFY_BEGIN_DECLS

/* Largest record accepted; a longer one is a structural error. */
#define RFY_CSV_MAX_RECORD (1u << 20)
/* Fields kept per record; further fields are counted in nfields but not stored. */
#define RFY_CSV_MAX_FIELDS 64

typedef struct rfy_csv_record {
    unsigned long line;  /* 1-based physical line where the record starts */
    unsigned long index; /* 1-based record number (the header is record 1) */
    size_t nfields;      /* fields in the record (may exceed RFY_CSV_MAX_FIELDS) */
    const char *field[RFY_CSV_MAX_FIELDS]; /* NUL-terminated copies (a field may also contain NUL bytes) */
    size_t len[RFY_CSV_MAX_FIELDS];        /* true byte length of each field */
} rfy_csv_record;

/* Called once per record; return 0 to go on, non-zero to stop (RFY_ESTOP). */
typedef int (*rfy_csv_record_fn)(void *user, const rfy_csv_record *rec);

/*
 * Read all records from `in` (binary-safe), calling `fn` for each.
 *
 * Returns RFY_OK at end of input; RFY_ESTOP if fn stopped; RFY_ECSV for a
 * structural fault (unterminated quote, a quote inside an unquoted field,
 * a record over RFY_CSV_MAX_RECORD) with *errmsg naming the line and, for a
 * quote, the column, in Danish ("linje 2: et felt i anførselstegn i kolonne 1
 * slutter aldrig ..."; rfy_csv_read_stream_lang for English: the faults are
 * the catalogue's RFY_MSG_CSV_* of rfy/messages.h);
 * RFY_EIO on a read error; RFY_ENOMEM.  *errmsg (caller frees) is set only
 * on failure and may be NULL if errmsg is NULL.
 * Preconditions: delimiter is a single byte other than '"', CR or LF.
 */
RFY_API int rfy_csv_read_stream(FILE *in, char delimiter, rfy_csv_record_fn fn, void *user,
                        char **errmsg);

/* Sees every byte read from the stream, in order, before it is parsed (e.g. to
 * compute the SHA-256 of the input for a receipt while streaming). */
typedef void (*rfy_csv_tap_fn)(void *tap_user, const void *bytes, size_t n);

/* As rfy_csv_read_stream(), also passing every byte read to `tap` (may be NULL). */
RFY_API int rfy_csv_read_stream_tap(FILE *in, char delimiter, rfy_csv_record_fn fn, void *user,
                            rfy_csv_tap_fn tap, void *tap_user, char **errmsg);

/*
 * As rfy_csv_read_stream_tap(), with a structural fault or a read error told
 * in `lang` (RFY_LANG_DA or RFY_LANG_EN); the other functions here are this
 * with RFY_LANG_DA.
 */
RFY_API int rfy_csv_read_stream_lang(FILE *in, char delimiter, rfy_csv_record_fn fn, void *user,
                                     rfy_csv_tap_fn tap, void *tap_user, rfy_lang lang,
                                     char **errmsg);

/* As rfy_csv_read_stream() over an in-memory buffer. */
RFY_API int rfy_csv_read_buffer(const char *buf, size_t len, char delimiter, rfy_csv_record_fn fn,
                        void *user, char **errmsg);

/* As rfy_csv_read_buffer(), its faults in `lang`. */
RFY_API int rfy_csv_read_buffer_lang(const char *buf, size_t len, char delimiter,
                                     rfy_csv_record_fn fn, void *user, rfy_lang lang,
                                     char **errmsg);

/*
 * Write one field to `out`, quoting per RFC 4180 when it contains the
 * delimiter, a quote, CR or LF.  When `neutralise` is non-zero, a field that
 * a spreadsheet would read as a formula (first byte '=', '+', '-', '@',
 * TAB or CR) is prefixed with a single quote (OWASP CSV-injection advice).
 * Returns 0, or EOF on a write error.
 */
RFY_API int rfy_csv_write_field(FILE *out, const char *s, size_t len, char delimiter, int neutralise);

/*
 * Format one field into `buf` exactly as rfy_csv_write_field() writes it
 * (same quoting, same neutralising), so that a whole output row can be built
 * in memory and written at once.  No NUL is added.  Returns the number of
 * bytes written, or -1 (nothing written) when `size` is below the worst case
 * 2 × len + 3 (every byte a quote, plus the quotes and the leading ').
 */
RFY_API int rfy_csv_format_field(char *buf, size_t size, const char *s, size_t len, char delimiter,
                         int neutralise);

RFY_END_DECLS

#endif
