/*
 * The case ledger (rules.md §10): payroll month after month.
 *
 * A ledger is an SQLite database (Debian's libsqlite3; WAL mode, a busy
 * timeout, schema version in PRAGMA user_version).  For every case-month
 * paid it keeps the canonical input rows, the output row as written, the
 * rates_id, the run, the payment and the holiday state after the month; for
 * every run its id, time, files and their SHA-256, options and totals.
 * Nothing stored is ever deleted: a correction supersedes a case-month.
 *
 * A batch run through a ledger (rfy_batch_config.ledger):
 *   - a case's first month in the file takes its holiday state from the
 *     ledger's latest stored month of that case before it (rules.md §8: a
 *     calendar month in between with no entry breaks the run);
 *   - a case-month already stored is refused, every row of it, unless the
 *     run is a correction run;
 *   - every computed case-month is put into the run's one transaction
 *     (rfy_ledger_put), which is committed right before the output files
 *     are renamed into place (rfy_ledger_commit) or rolled back.
 *
 * Security: the ledger holds personal data.  It is created with mode 0600
 * (its -wal and -shm files take the same mode); a ledger that group or
 * others may write is refused.
 *
 * Threads: one rfy_ledger is used by one thread at a time (the batch loop
 * calls it from the thread that delivers rows, whatever --jobs; inside
 * rfy_batch_run a thread of the ledger's own inserts the new case-months,
 * and it has ended when rfy_batch_run returns).  Two
 * processes on one ledger: the second waits for the first's transaction up
 * to the busy timeout (RFY_LEDGER_BUSY_MS), then rfy_ledger_begin fails with
 * RFY_EIO and a message that says so.
 */
#ifndef RFY_LEDGER_H
#define RFY_LEDGER_H

#include <gmp.h>
#include <stddef.h>

#include <rfy/date.h>
#include <rfy/export.h>
#include <rfy/fault.h>
#include <rfy/holiday.h>

RFY_BEGIN_DECLS

typedef struct rfy_ledger rfy_ledger;
struct rfy_batch_row;  /* rfy/batch.h */
struct rfy_batch_stats; /* rfy/batch.h */
struct rfy_rates;      /* rfy/rates.h */

/* How long a run waits for another run's transaction on the same ledger. */
#define RFY_LEDGER_BUSY_MS 5000

/* The schema version this build writes (PRAGMA user_version). */
#define RFY_LEDGER_SCHEMA 4

/*
 * Open (write: create when missing, mode 0600) the ledger at `path` and
 * bring its schema to RFY_LEDGER_SCHEMA.  Read-only (write 0): the file must
 * exist.  Returns RFY_OK with *out set, or RFY_EIO / RFY_EINPUT with
 * *errmsg (malloc'ed, caller frees): not a ledger, a newer schema, a ledger
 * others may write.
 */
RFY_API int rfy_ledger_open(rfy_ledger **out, const char *path, int write, char **errmsg);

/*
 * rfy_ledger_open with the ledger's messages in `lang`: RFY_LANG_DA (what
 * rfy_ledger_open gives) or RFY_LANG_EN.  The open's own failures (*errmsg:
 * not a ledger, a newer schema, a ledger others may write) are already in
 * that language, and so is every later message of the handle
 * (rfy_ledger_error, the errmsg of the other functions).  Words that SQLite
 * or the system give come as they are, after the ledger's own.  Returns as
 * rfy_ledger_open.
 */
RFY_API int rfy_ledger_open_lang(rfy_ledger **out, const char *path, int write, rfy_lang lang,
                                 char **errmsg);

/*
 * The language of lg's messages from now on: RFY_LANG_EN English, any
 * other value Danish.  A message already given stays as it was.  NULL is
 * fine (nothing happens).
 */
RFY_API void rfy_ledger_set_lang(rfy_ledger *lg, rfy_lang lang);

/* Roll back anything not committed and close (NULL is fine). */
RFY_API void rfy_ledger_close(rfy_ledger *lg);

/* The last message of lg, in its language (borrowed, valid until lg's next
 * call; "" when none). */
RFY_API const char *rfy_ledger_error(const rfy_ledger *lg);

/*
 * Start a run: one write transaction (taken at once, so a second run waits
 * here, up to RFY_LEDGER_BUSY_MS, then fails).  `corrections`: case-months
 * already stored are recomputed instead of refused.  `rates_id` is stored
 * with every case-month; `rates` recomputes the later stored months of a
 * corrected case (may be NULL without corrections).  Returns RFY_OK or
 * RFY_EIO with *errmsg.
 */
RFY_API int rfy_ledger_begin(rfy_ledger *lg, int corrections, const char *rates_id,
                             const struct rfy_rates *rates, char **errmsg);

/* Whether the run started by rfy_ledger_begin is a correction run. */
RFY_API int rfy_ledger_corrections(const rfy_ledger *lg);

/*
 * Undo every case-month put since rfy_ledger_begin, keeping the
 * transaction (the batch loop reads an unsorted input again).  Returns RFY_OK
 * or RFY_EIO.
 */
RFY_API int rfy_ledger_restart(rfy_ledger *lg);

/*
 * The holiday state after the latest stored (current) month of a case before
 * `month`: *found 0 when none (st untouched); else st holds it, with
 * st->last = that month (unknown when that month's state was unknown).
 * Returns RFY_OK or RFY_EIO.
 */
RFY_API int rfy_ledger_state_before(rfy_ledger *lg, const char *case_id, size_t len,
                                    rfy_month month, rfy_holiday_state *st, int *found);

/*
 * The latest current stored month of a case into *month; *found 0 when the
 * ledger has none (then no month of the case is stored: a run need not look
 * each of its months up).  Returns RFY_OK or RFY_EIO.
 */
RFY_API int rfy_ledger_case_latest(rfy_ledger *lg, const char *case_id, size_t len,
                                   rfy_month *month, int *found);

/* What the ledger holds of one case-month (rfy_ledger_lookup): an opaque
 * handle, read through the functions below. */
typedef struct rfy_ledger_stored rfy_ledger_stored;

/* A new, empty handle (nothing stored); NULL when out of memory. */
RFY_API rfy_ledger_stored *rfy_ledger_stored_new(void);
/* Free s (NULL is fine). */
RFY_API void rfy_ledger_stored_free(rfy_ledger_stored *s);

/* 1 when the case-month was paid before, 0 when never (then the rest is empty). */
RFY_API int rfy_ledger_stored_found(const rfy_ledger_stored *s);
/* The run number that paid it (0 when not stored). */
RFY_API long long rfy_ledger_stored_run(const rfy_ledger_stored *s);
/* That run's id shortened to 16 hex digits, and its time ("2026-12-06T14:00:00Z");
 * "" when not stored.  Borrowed from s. */
RFY_API const char *rfy_ledger_stored_run_id(const rfy_ledger_stored *s);
RFY_API const char *rfy_ledger_stored_run_time(const rfy_ledger_stored *s);
/* What was paid for it, øre, copied into out (initialised by the caller; 0 when not stored). */
RFY_API void rfy_ledger_stored_payment(mpz_t out, const rfy_ledger_stored *s);

/* The current stored entry of a case-month into *s.  Returns RFY_OK or RFY_EIO. */
RFY_API int rfy_ledger_lookup(rfy_ledger *lg, const char *case_id, size_t len, rfy_month month,
                              rfy_ledger_stored *s);

/*
 * Store a computed case-month of the run: its input rows (canonical form:
 * every input column in rfy's order, as given), the output row `out` (len
 * bytes, as written, newline included), payment and holiday state after
 * the month.  In a correction run a stored case-month is superseded by it
 * and the case's later stored months are recomputed (see
 * rfy_ledger_take_recomputed).  `decimal_comma`: the amount syntax of the
 * cells.  Returns RFY_OK or RFY_EIO with *errmsg.
 */
RFY_API int rfy_ledger_put(rfy_ledger *lg, const struct rfy_batch_row *row, int decimal_comma,
                           const char *out, size_t len, char **errmsg);

/* The run's totals of corrections so far, øre: efterbetaling (Σ positive)
 * and tilbagebetaling (Σ negative, as a positive amount). */
RFY_API void rfy_ledger_correction_totals(const rfy_ledger *lg, mpz_t efterbetaling,
                                          mpz_t tilbagebetaling);

/* What a run was (rfy_ledger_commit). */
typedef struct rfy_ledger_run {
    const char *input_name, *input_sha256;
    const char *output_name, *output_sha256;   /* sha NULL: standard output */
    const char *rejects_name, *rejects_sha256;
    const char *options_json;                  /* the receipt's options, or NULL */
    const char *output_header;                 /* the output's header line, newline included */
    unsigned long rows, computed, rejected;
    const struct rfy_batch_stats *totals;      /* the run's sums (gross, deductions, payment;
                                                * rfy/batch.h); NULL: all 0 */
} rfy_ledger_run;

/*
 * Record the run and commit its transaction.  The run id is the SHA-256
 * of its time, files and totals (64 hex digits, into id_out when not
 * NULL, 65 bytes).  Returns RFY_OK or RFY_EIO with *errmsg; then nothing
 * of the run is stored.
 */
RFY_API int rfy_ledger_commit(rfy_ledger *lg, const rfy_ledger_run *run, char *id_out,
                              char **errmsg);

/* Roll the run back: the ledger is as before rfy_ledger_begin. */
RFY_API void rfy_ledger_rollback(rfy_ledger *lg);

/* ---- Reading a ledger (`rfy ledger`): all read-only but import ----------------------- */

/* One run, as rfy_ledger_runs gives it (strings borrowed for the call; NULL when unknown). */
typedef struct rfy_ledger_run_info {
    long long run;                /* run number, 1, 2, ... */
    const char *run_id;           /* 64 hex digits */
    const char *time;             /* UTC */
    const char *kind;             /* "batch" or "import" */
    int corrections;
    const char *input_name, *input_sha256, *output_name, *output_sha256, *options;
    unsigned long rows, computed, rejected, stored; /* stored: case-months it stored */
    /* its amounts: rfy_ledger_run_amount() */
} rfy_ledger_run_info;

/* The amounts of a run, in øre. */
typedef enum rfy_ledger_run_amount_id {
    RFY_LEDGER_RUN_PAID,            /* Σ payment of the case-months it stored */
    RFY_LEDGER_RUN_EFTERBETALING,   /* Σ positive corrections */
    RFY_LEDGER_RUN_TILBAGEBETALING  /* Σ negative corrections, as a positive amount */
} rfy_ledger_run_amount_id;

/* One amount of run r, copied into out (initialised by the caller).  r must
 * be the pointer rfy_ledger_runs() handed to fn, during that call. */
RFY_API void rfy_ledger_run_amount(mpz_t out, const rfy_ledger_run_info *r,
                                   rfy_ledger_run_amount_id which);

/* Every committed run, oldest first, to fn (non-zero from fn stops: returned as is).
 * Returns RFY_OK, fn's code or RFY_EIO. */
RFY_API int rfy_ledger_runs(rfy_ledger *lg, int (*fn)(void *user, const rfy_ledger_run_info *r),
                            void *user);

/* One stored case-month, as rfy_ledger_case gives it. */
typedef struct rfy_ledger_entry {
    rfy_month month;
    long long run;                /* the run that stored it */
    const char *run_id, *run_time, *kind;
    int current;                  /* 0: superseded by a later entry of the same month */
    int in_file;                  /* 0: recomputed (a later month of a correction), or imported */
    int corrected;                /* its previously paid amount and correction are set */
    int holiday_known;            /* the state after the month is known */
    long holiday_run_months;      /* receipt months after the month */
    /* its amounts: rfy_ledger_entry_amount() */
    /* What was stored of it, as text ("" for none), valid during the call:
     * its input rows (every input column in rfy's order, CSV, one line a
     * row) and its output row as written (newline included), wherever the
     * ledger keeps them (docs/ledger.md).  (Added in 1.1: the library fills
     * the struct, so a program built against 1.0 is unaffected.) */
    const char *input_rows, *output_row;
} rfy_ledger_entry;

/* The amounts of a stored case-month. */
typedef enum rfy_ledger_entry_amount_id {
    RFY_LEDGER_ENTRY_PAYMENT,          /* what it paid, øre */
    RFY_LEDGER_ENTRY_PREVIOUSLY_PAID,  /* what was paid before a correction, øre (0 unless corrected) */
    RFY_LEDGER_ENTRY_CORRECTION,       /* payment − previously paid, øre (0 unless corrected) */
    RFY_LEDGER_ENTRY_HOLIDAY_USED_M    /* days used in the window after it, thousandths */
} rfy_ledger_entry_amount_id;

/* One amount of entry e, copied into out (initialised by the caller).  e
 * must be the pointer rfy_ledger_case() handed to fn, during that call. */
RFY_API void rfy_ledger_entry_amount(mpz_t out, const rfy_ledger_entry *e,
                                     rfy_ledger_entry_amount_id which);

/* A case's entries in month order, each month's entries oldest first, to fn.
 * *found 0 when the ledger has no month of the case.  Returns as rfy_ledger_runs. */
RFY_API int rfy_ledger_case(rfy_ledger *lg, const char *case_id,
                            int (*fn)(void *user, const rfy_ledger_entry *e), void *user,
                            int *found);

/*
 * Write the output of run `run` (its number, or a prefix of its id of at
 * least 8 hex digits) to out: its header and every output row it wrote,
 * in order, byte for byte as the run wrote them in CSV.  Returns RFY_OK,
 * RFY_EINPUT (no such run, or an imported one: *errmsg) or RFY_EIO.
 */
RFY_API int rfy_ledger_export(rfy_ledger *lg, const char *run, FILE *out, char **errmsg);

/* A current case-month whose stored result verify cannot reproduce. */
typedef struct rfy_ledger_difference {
    const char *case_id;
    rfy_month month;
    long long run;
    const char *what;             /* "payment", "holiday", "rates_id", or an input fault */
    const char *detail;           /* for a person, in Danish: the stored and the recomputed values */
    const char *detail_en;        /* the same in English */
} rfy_ledger_difference;

/*
 * Recompute every current case-month that has stored rows (imported ones
 * have none) from those rows, with `rates`, in case and month order,
 * carrying the holiday state from month to month as the ledger does, and
 * report each difference (payment, holiday state after the month, rates_id)
 * to fn.  *checked: case-months recomputed; *differences: reported.
 * Returns RFY_OK (whether or not there are differences), fn's code or
 * RFY_EIO.
 */
RFY_API int rfy_ledger_verify(rfy_ledger *lg, const struct rfy_rates *rates,
                              int (*fn)(void *user, const rfy_ledger_difference *d), void *user,
                              unsigned long *checked, unsigned long *differences);

/*
 * Take an earlier output of rfy batch (its CSV, read from `in`) as history:
 * every row a case-month paid (payment) with its holiday state after the
 * month (holiday_run_months, holiday_used_days; unknown when empty).  One
 * run of kind "import", one transaction: any fault (a case-month already
 * stored, a cell that is not what rfy writes) stores nothing and names the
 * line in *errmsg.  Imported case-months have no input rows: verify skips
 * them; their state and payment carry on to the next run as any other's.
 * Returns RFY_OK (*stored: case-months), RFY_EINPUT or RFY_EIO.
 */
RFY_API int rfy_ledger_import(rfy_ledger *lg, FILE *in, const char *name, unsigned long *stored,
                              char **errmsg);

RFY_END_DECLS

#endif
