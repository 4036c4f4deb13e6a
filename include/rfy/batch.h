/*
 * The batch loop: rows of named text fields in, results and rejects out.
 *
 * rfy_batch_run() reads a batch CSV (docs/interface.md "Batch input")
 * record by record, binds the header, groups the data rows into case-months
 * (the rows of one case_id and month, wherever they are in the file:
 * rfy/casemonth.h), reads each row into an rfy_case (rfy/input.h), computes
 * each case-month with rfy_compute_rows(), and hands every case-month to
 * exactly one of two hooks: on_row (computed: once for all its rows) or
 * on_reject (once per row not computed, with the line, the column and the
 * reason).  What to write is the
 * caller's business: `rfy batch` writes the output columns, `rfy audit`
 * compares with its extra `paid` column, a server answers a request.  The
 * totals (rows, computed, rejected and the exact sums) come back in
 * rfy_batch_stats; the input bytes pass through the `tap` hook as read, so
 * a receipt can hash them without a second read.
 *
 * Order (docs/casemonth.md): case-months are delivered by case_id
 * (bytewise), then month; the rows of one case-month by input line.  Input
 * already in that order streams in constant memory.  Other input is sorted
 * externally in bounded memory (a 16 MiB buffer, unnamed temporary files):
 * with on_restart and a regular-file input, the run streams until the first
 * row out of order, then starts again from the top, sorting; without
 * on_restart a regular file's order is checked by a first reading; standard
 * input is sorted.  Rows whose month is not a month (or whose case_id is
 * over 256 bytes) cannot be grouped: they are rejected on their own (when
 * sorting, before every case-month).  The output is the same either way.
 *
 * Invariant: rows == computed + rejected, always, and every row is named in
 * exactly one on_row (rfy_batch_row_line) or one on_reject; rfy_batch_run
 * checks it before returning and reports a mismatch as an internal error.
 *
 * Threads: one run uses the calling thread (and, with jobs > 1, worker
 * threads of its own).  Several runs may go on at once in different threads
 * over one rfy_rates.
 */
#ifndef RFY_BATCH_H
#define RFY_BATCH_H

#include <gmp.h>
#include <stdio.h>

#include <rfy/calc.h>
#include <rfy/columns.h>
#include <rfy/csv.h>
#include <rfy/input.h>
#include <rfy/money.h>
#include <rfy/export.h>

RFY_BEGIN_DECLS

struct rfy_ledger; /* rfy/ledger.h */

/* With a ledger (rfy_batch_config.ledger): what it held of a computed
 * case-month (rules.md §10), read through the functions below. */
typedef struct rfy_batch_ledger_mark rfy_batch_ledger_mark;

/* 1 when the case-month was paid before (a correction run recomputed it), else 0. */
RFY_API int rfy_batch_ledger_mark_stored(const rfy_batch_ledger_mark *m);

/* The amounts of a mark, in øre. */
typedef enum rfy_batch_ledger_amount {
    RFY_BATCH_LEDGER_PREVIOUSLY_PAID, /* what was paid for it (0 when not stored) */
    RFY_BATCH_LEDGER_CORRECTION       /* payment − previously paid (0 when not stored) */
} rfy_batch_ledger_amount;

/* One amount of m, copied into out (initialised by the caller). */
RFY_API void rfy_batch_ledger_mark_amount(mpz_t out, const rfy_batch_ledger_mark *m,
                                          rfy_batch_ledger_amount which);

/* A case-month that was computed. */
typedef struct rfy_batch_row {
    unsigned long line;            /* physical line where its first row starts (1 = header line) */
    unsigned long number;          /* 1-based data row number of its first row (header not counted) */
    const rfy_csv_record *rec;     /* its first row's raw fields (rfy_batch_row_extra_cell for all) */
    const rfy_case_binding *binding;
    const char *case_id;           /* raw, validated by the engine (printable UTF-8, 1-64 characters) */
    size_t case_id_len;
    const rfy_case *in;            /* its first period row (month, forloeb; category when alone) */
    const rfy_result *res;         /* the case-month (res->category names several categories) */
    size_t nrows;                  /* its input rows: period rows and payment lines */
    const void *group;             /* the loop's own: read with rfy_batch_row_line() and co. */
    const rfy_batch_ledger_mark *ledger; /* with cfg->ledger, else NULL */
} rfy_batch_row;

/* A row that was not computed. */
typedef struct rfy_batch_reject {
    unsigned long line;            /* physical line where the row starts */
    unsigned long number;          /* 1-based data row number */
    const rfy_csv_record *rec;
    const char *case_id;           /* safe to print (made safe); "" if none */
    size_t case_id_len;
    const char *column;            /* column at fault, or "" for the whole row */
    const char *reason;            /* for a payroll officer: Danish, every fault joined by "; " */
    const rfy_error *err;          /* the faults as data (codes, columns, values): render them
                                    * in a language with rfy_error_text() */
} rfy_batch_reject;

/* What to read and whom to tell.  Unused hooks may be NULL. */
typedef struct rfy_batch_config {
    const rfy_rates *rates;             /* required */
    char delimiter;                     /* input field delimiter, e.g. ',' or ';' */
    const rfy_decimal_syntax *amount;   /* RFY_AMOUNT_DOT or RFY_AMOUNT_COMMA */

    /* Further known columns (audit: "paid"), up to RFY_BATCH_MAX_EXTRA. */
    const char *const *extra_columns;
    size_t nextra;

    /*
     * Called once after the header is bound.  Return RFY_OK to go on, or
     * RFY_EINPUT with a message in msg (msgsize bytes) to refuse the file
     * (audit: the `paid` column is missing): rfy_batch_run then fails with
     * RFY_ECSV and "line N: <msg>".
     */
    int (*on_header)(void *user, const rfy_case_binding *b, char *msg, size_t msgsize);

    /*
     * Called for each computed row.  Return RFY_OK; or RFY_EINPUT with err
     * filled to turn the row into a reject instead (audit: `paid` is not an
     * amount) -- the hook must then not have written anything for it; or
     * any other code to stop the run, which rfy_batch_run returns as is (the hook
     * keeps its own message, e.g. a write error).
     */
    int (*on_row)(void *user, const rfy_batch_row *row, rfy_error *err);

    /*
     * audit: index of the extra column that makes a payment line (a row whose
     * only non-empty cells are case_id, month and this column: interface.md
     * "Audit input"); such a row joins its case-month and takes no part in
     * the computation.  Meaningful only when has_payment_lines is set.
     */
    int has_payment_lines;
    size_t payment_extra;

    /*
     * Optional: start the outputs afresh (empty them).  With it, a
     * regular-file input is streamed until the first row out of order, then
     * read again from the top and sorted (the loop starts its input hash
     * again itself); without it, the order is checked first.  Return
     * RFY_OK, or another code to stop the run.
     */
    int (*on_restart)(void *user);

    /*
     * Optional: the input read again from its first byte, as a new stream
     * (the caller closes the old one), or NULL when it cannot be.  For an
     * input that reaches the loop through a decoding stream.  Without it, a
     * regular file is rewound with fseeko() and anything else cannot be read
     * again (it is sorted).
     */
    FILE *(*reopen)(void *user);

    /* Called for each rejected row.  Return RFY_OK, or another code to stop. */
    int (*on_reject)(void *user, const rfy_batch_reject *rej);

    /* Called after every `progress_every` data rows (0 = never). */
    void (*on_progress)(void *user, unsigned long rows);
    unsigned long progress_every;

    /* Sees every input byte as read; may be NULL (for the receipt's hash, see hash_input). */
    rfy_csv_tap_fn tap;
    void *tap_user;

    void *user;                         /* passed to every hook */

    /*
     * Parallel computation (`rfy batch --jobs N`).  0 or 1: every row is
     * parsed, computed and handed to the hooks in the calling thread.  N > 1
     * (at most RFY_BATCH_MAX_JOBS) threads in all: the calling thread reads the
     * CSV and copies the records into chunks of rows; N − 1 worker threads
     * parse and compute the chunks; the calling thread then hands every row to the hooks in
     * input order, exactly as with one job (same rows, same rejects, same
     * order, same messages).  Only the hooks below run in the workers.
     */
    unsigned jobs;

    /*
     * Non-zero: take the SHA-256 of every input byte as it streams (standard
     * input too) into the counts' input_sha256 and input_bytes, for a
     * receipt.  `tap`, if set, still sees the bytes.
     */
    int hash_input;

    /*
     * The file's header names mapped to rfy's and the columns read past
     * (rfy/columns.h: `--columns MAP.csv`, `--ignore-columns`); NULL:
     * nothing mapped or ignored, every unknown column is an error at the
     * header.  Either way every unknown column is named in one message.
     */
    const rfy_column_map *columns;

    /*
     * The case ledger (rfy/ledger.h, rules.md §10), begun with
     * rfy_ledger_begin(), or NULL.  With it, before on_row: a case's first
     * month in the file takes its holiday state from the ledger's latest
     * stored month before it (a row giving another state is rejected,
     * naming both); a case-month already stored is rejected, every row,
     * unless the run is a correction run (then row->ledger says what was
     * paid).  Storing is on_row's (rfy_ledger_put with the row it wrote).
     */
    struct rfy_ledger *ledger;
} rfy_batch_config;

/* Most worker threads rfy_batch_run() starts (memory stays constant: see calc/run/batch_run.c). */
#define RFY_BATCH_MAX_JOBS 16

/* The counts of a run (plain numbers: a copy or a borrowed pointer is fine). */
typedef struct rfy_batch_counts {
    unsigned long rows;      /* data rows read (header excluded) */
    unsigned long computed;  /* rows of the case-months passed to on_row and accepted */
    unsigned long casemonths; /* case-months passed to on_row and accepted */
    unsigned long sorted_runs; /* temporary files the input was sorted through (0: none) */
    int sorted;              /* 1: the input was not in case-month order (it was sorted) */
    unsigned long rejected;  /* rows passed to on_reject */
    unsigned long recomputed; /* correction run: later stored months passed to on_row
                               * as rows of no input lines (rfy/ledger.h) */
    /* With cfg->hash_input, after RFY_OK: the input's size and SHA-256 (64
     * lowercase hex digits); "" otherwise. */
    unsigned long long input_bytes;
    char input_sha256[65];
} rfy_batch_counts;

/* The sums of a run, in øre, of the rounded columns of the accepted rows. */
typedef enum rfy_batch_total {
    RFY_BATCH_TOTAL_GROSS,       /* the gross column */
    RFY_BATCH_TOTAL_DEDUCTIONS,  /* the total_deduction column */
    RFY_BATCH_TOTAL_PAYMENT      /* the payment column */
} rfy_batch_total;

/* What a run counted and summed: an opaque handle.  The sums are exact and
 * taken per chunk in the worker that computed it (no per-row cross-core
 * reads with several jobs). */
typedef struct rfy_batch_stats rfy_batch_stats;

/* A new handle, every count and sum 0; NULL when out of memory.  Free it
 * with rfy_batch_stats_free(). */
RFY_API rfy_batch_stats *rfy_batch_stats_new(void);
/* Free st (NULL is fine). */
RFY_API void rfy_batch_stats_free(rfy_batch_stats *st);

/* The counts of st, borrowed from it (valid until st is used again). */
RFY_API const rfy_batch_counts *rfy_batch_stats_counts(const rfy_batch_stats *st);

/* One sum of st, in øre, copied into out (initialised by the caller). */
RFY_API void rfy_batch_stats_total(mpz_t out, const rfy_batch_stats *st, rfy_batch_total which);

/*
 * Add one computed case-month's gross, total_deduction and payment to the
 * sums of st (the counts stay as they are).  A front end that shows a total
 * of several results (a period of months) takes it from here rather than
 * adding amounts itself.  Preconditions: st initialised; res filled by
 * rfy_compute() or rfy_compute_rows() with RFY_OK.
 */
RFY_API void rfy_batch_stats_add(rfy_batch_stats *st, const rfy_result *res);

/*
 * Split a run's deductions into those applied and those beyond the benefit
 * (rules.md §5: payment = max(0, gross − total_deduction) per case-month, and
 * §4: no deduction carries over, so what a month cannot take is neither paid
 * nor owed): applied = gross − paid, beyond = deductions − applied.
 * `gross`, `deductions` and `paid` are the sums of the gross, total_deduction
 * and payment columns (rfy_batch_stats_total()).  Returns 1 when the split reconciles
 * (gross − applied = paid, applied + beyond = deductions, both parts >= 0),
 * else 0 -- which only sums not taken from the same results can give.
 * Preconditions: applied and beyond initialised.
 */
RFY_API int rfy_batch_totals_split(mpz_t applied, mpz_t beyond, const mpz_t gross,
                                   const mpz_t deductions, const mpz_t paid);

/*
 * Run the loop over `in` until end of input.
 *
 * Returns RFY_OK when every row went to on_row or on_reject (rejected rows
 * are not a failure: see the counts' rejected).  Otherwise, with nothing more
 * delivered:
 *   RFY_ECSV   the input is empty, the header is wrong (unknown, duplicate
 *              or missing column) or a record is malformed (unterminated
 *              quote ...): *errmsg says so and names the line;
 *   RFY_EIO    the input could not be read (*errmsg);
 *   RFY_ENOMEM out of memory (*errmsg);
 *   RFY_ESTOP  internal error: the row counts do not add up (*errmsg);
 *   any other code a hook returned to stop (*errmsg NULL).
 * *errmsg is malloc'ed (caller frees) and NULL on success.
 * Preconditions: cfg->rates, cfg->amount set; stats from
 * rfy_batch_stats_new() (a run starts it from 0); errmsg not NULL.
 */
RFY_API int rfy_batch_run(rfy_batch_stats *stats, const rfy_batch_config *cfg, FILE *in,
                          char **errmsg);

/*
 * rfy_batch_run() with the header's message in `lang`.
 *
 * rfy_batch_run() is this with RFY_LANG_DA: a wrong header (unknown column,
 * a column given twice, a missing one, a column map that names no column of
 * rfy's) is told in Danish ("linje 1: ukendt kolonne ..."), or in English
 * with RFY_LANG_EN ("line 1: unknown column ...").  The ways out at the end
 * are the library's own words in that language; a program puts its own in
 * with rfy_hints_apply() on *errmsg (the defaults of both languages are
 * replaced).  Other messages (a malformed record, a read error) are not
 * affected.  Returns, owns and requires as rfy_batch_run() does.
 */
RFY_API int rfy_batch_run_lang(rfy_batch_stats *stats, const rfy_batch_config *cfg, FILE *in,
                               rfy_lang lang, char **errmsg);


/*
 * The text of extra column i (0-based index into cfg->extra_columns) in a
 * computed row: sets *len and returns a pointer into the row's record, or ""
 * with *len 0 when the column is absent.  Borrowed: valid during on_row.
 */
RFY_API const char *rfy_batch_row_extra(const rfy_batch_row *row, size_t i, size_t *len);

/* The input line of row i (0 <= i < row->nrows) of a computed case-month, in line order. */
RFY_API unsigned long rfy_batch_row_line(const rfy_batch_row *row, size_t i);

/* The period row i as read, or NULL for a payment line (audit). */
RFY_API const rfy_case *rfy_batch_row_case(const rfy_batch_row *row, size_t i);

/* Non-zero when row i is a payment line (audit). */
RFY_API int rfy_batch_row_is_payment(const rfy_batch_row *row, size_t i);

/* The text of extra column `extra` in row i (as rfy_batch_row_extra for the first row). */
RFY_API const char *rfy_batch_row_extra_cell(const rfy_batch_row *row, size_t i, size_t extra,
                                             size_t *len);

/*
 * The `lines` column of a case-month: its input lines joined by ';'
 * ("5;10"; interface.md), into buf (not NUL-terminated).  Returns the
 * length, or -1 if it does not fit in size (RFY_BATCH_LINES_MAX is enough).
 */
RFY_API int rfy_batch_row_format_lines(char *buf, size_t size, const rfy_batch_row *row);

/* Room for the lines of a case-month (64 rows of at most 20 digits and a ';'). */
#define RFY_BATCH_LINES_MAX (64 * 21)

/*
 * Whether the header that on_header was handed names extra column i
 * (0-based index into cfg->extra_columns): 1 when it does, 0 when the file
 * has no such column (or i is not a declared extra column).
 */
RFY_API int rfy_batch_binding_has_extra(const rfy_case_binding *b, size_t i);

/*
 * The text of extra column i (as above) in a record of the file bound in b
 * (a reject's rec): sets *len and returns a pointer into rec, or "" with
 * *len 0 when the file has no such column.  Borrowed from rec.
 */
RFY_API const char *rfy_batch_binding_extra_cell(const rfy_case_binding *b,
                                                 const rfy_csv_record *rec, size_t i,
                                                 size_t *len);

/*
 * The text of input column `column` (a name as rfy_input_column_name() gives
 * it: "case_id", "month") in a record of the file bound in b (a reject's
 * rec): sets *len and returns a pointer into rec, or "" with *len 0 when the
 * file has no such column or `column` is not an input column.  Borrowed
 * from rec.
 */
RFY_API const char *rfy_batch_binding_cell(const rfy_case_binding *b, const rfy_csv_record *rec,
                                           const char *column, size_t *len);

/* Room for a case_id made safe to print, as in rfy_batch_reject.case_id:
 * 64 characters of at most 4 bytes, "..." and the NUL. */
#define RFY_BATCH_CASE_ID_DISPLAY_SIZE (64 * 4 + 4)

RFY_END_DECLS

#endif
