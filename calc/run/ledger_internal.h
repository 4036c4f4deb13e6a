/* Internal to calc/: the ledger's handle and its prepared statements
 * (include/rfy/ledger.h is the public side).  ledger.c opens, migrates and
 * runs the transaction; ledger_store.c reads and writes case-months. */
#ifndef RFY_CALC_LEDGER_INTERNAL_H
#define RFY_CALC_LEDGER_INTERNAL_H

#include <gmp.h>
#include <sqlite3.h>

#include "casemonth_key.h"
#include <rfy/batch.h>
#include <rfy/calc.h>
#include <rfy/ledger.h>

#include "case_from_cells.h"
#include "holiday_state.h"

/* The statements a run uses for every case-month, prepared once. */
enum ledger_stmt {
    LS_LOOKUP,       /* current entry of (case_id, month) */
    LS_STATE_BEFORE, /* latest current row of casemonth of a case before a month (any: INT_MAX) */
    LS_STATE_BEFORE_PACKED, /* ... and latest packed one (the later of the two counts) */
    LS_INSERT,       /* a new case-month */
    LS_SUPERSEDE,    /* mark an entry superseded */
    LS_LATER,        /* current entries of a case after a month, in month order */
    LS_UNPACK,       /* a packed current entry written out whole into casemonth, superseded */
    LS_UNKEY,        /* ... and its cmkey row removed */
    LS_NEXT_CASE,    /* the first case id after one with a current row of casemonth */
    LS_NEXT_CASE_PACKED, /* ... with a packed case-month */
    LS_ROWS_BETWEEN, /* a current row of casemonth of a case id between two */
    LS_ROW_CURRENT,  /* a current row of casemonth of (case_id, month) */
    LS_COUNT
};

/*
 * Case-months new to the ledger are inserted LEDGER_BATCH at a time, with
 * one multi-row INSERT: SQLite's cost per statement (its cursors,
 * allocations) was as large as its cost per row.  The INSERT says OR
 * ROLLBACK, so that SQLite keeps no statement journal for it
 * (ledger_sql.c).  A pending case-month is a ledger_pending, its texts in
 * its batch's text.
 */
#define LEDGER_BATCH 32
typedef struct ledger_pending {
    char id[CASEMONTH_KEY_ID_MAX]; /* its case id (id_len bytes) */
    size_t id_len, rows_off, rows_len, out_off, out_len; /* its texts: in text */
    long long seq, payment, run_months, used_m;
    int month, decimal_comma, known;
} ledger_pending;

/* A full batch as one row of table cmpack (ledger_pack.c): the bytes laid
 * out (plain) and compressed (packed), buffers reused. */
typedef struct ledger_pack {
    union LZ4_stream_u *lz4;      /* the compressor's state, reused (LZ4_stream_t) */
    char *plain, *packed;
    size_t plain_cap, packed_cap;
    size_t size, packed_len;      /* the pack's bytes, and compressed */
} ledger_pack;

/* A pack's bytes before its texts: a count, and LEDGER_PACK_SLOT bytes a
 * slot (ledger_pack.c). */
#define LEDGER_PACK_SLOT 36
#define LEDGER_PACK_HEAD(n) (4 + LEDGER_PACK_SLOT * (size_t)(n))

typedef struct ledger_batch {
    ledger_pending pend[LEDGER_BATCH];
    size_t n;
    /* The pending case-months' texts, in order, after LEDGER_PACK_HEAD(
     * LEDGER_BATCH) bytes kept free: a full batch is compressed from here
     * as it is, its head written in place (ledger_pack_build). */
    char *text;
    size_t len, cap;
    ledger_pack pack;             /* its texts packed, when it is full */
} ledger_batch;

/*
 * ledger_pack_build: b's case-months, in order, their values and texts, as
 * one pack of table cmpack (pk->packed, pk->packed_len; pk->size
 * decompressed).  0, or -1 when out of memory (or beyond a pack's limit:
 * cannot happen for LEDGER_BATCH rows).
 * ledger_pack_free: its buffers.
 * ledger_pack_register: the SQL functions rfy_pack_text (the texts of a
 * schema-3 pack, table rowpack) and rfy_pack_field (a field of a cmpack
 * slot, LEDGER_PACK_FIELD) on db.  SQLITE_OK or a code.
 */
int ledger_pack_build(ledger_pack *pk, ledger_batch *b);
void ledger_pack_free(ledger_pack *pk);
int ledger_pack_register(sqlite3 *db);

/* What the schema's trigger casemonth_once says (ledger.c), and
 * ledger_flush_batch's code when a pack's case-month is a current row of
 * casemonth already (lg->clash set): a case-month stored twice. */
#define LEDGER_STORED_TWICE_SQL "rfy: a case-month stored twice"
#define LEDGER_CLASH (-2)

/* What rfy_pack_text says when it fails (SQLite's message; ledger_fail_db
 * turns it into the ledger's own words). */
#define LEDGER_PACK_DAMAGED "rfy_pack_text: a row pack is damaged"
#define LEDGER_PACK_NO_SLOT "rfy_pack_text: no such case-month in the row pack"

struct ledger_writer;             /* ledger_writer.c */

/*
 * How a file's columns make its canonical input rows (ledger_rows.c): runs
 * of consecutive fields in rfy's column order, columns col .. col + k - 1
 * being fields field .. field + k - 1.  A column the file does not have is
 * an empty cell: `lead` separators come before a run's first cell (those of
 * the missing columns before it and its own), `trail` after the last run.
 * Made from a binding's fields once and kept for the case-months after it
 * (nrun 0: none made yet; a binding always has case_id).
 */
typedef struct ledger_rows_plan {
    int field[CASE_COL_COUNT];    /* the binding's fields it was made from */
    int nrun, trail;
    struct ledger_cell_run {
        int col, field, k, lead;
    } run[CASE_COL_COUNT];
} ledger_rows_plan;

struct rfy_ledger {
    sqlite3 *db;
    char *path;
    int writable;
    int in_run;                   /* rfy_ledger_begin'ed, not yet committed or rolled back */
    int corrections;
    long long run;                /* this run's number: its row in table run, written at commit */
    const char *kind;             /* its run.kind: "batch" or "import" (static) */
    long long seq;                /* output rows put in this run */
    long long first_entry, last_entry; /* ids of its first and last case-month (0: none) */
    long long next_id;            /* the entry id the next case-month stored gets */
    int clash;                    /* ledger_flush_batch found a pack's case-month stored */
    long long begin_id;           /* next_id when the run began (rfy_ledger_restart) */
    char *rows_buf;               /* canonical rows of the case-month being put (reused) */
    size_t rows_cap;
    ledger_rows_plan rows_plan;   /* how the file's columns make them (ledger_rows.c) */
    char *rates_id;
    const struct rfy_rates *rates;
    char time[21];                /* this run's time, UTC */
    sqlite3_stmt *st[LS_COUNT];
    sqlite3_stmt *insert_batch;   /* cmkey rows of LEDGER_BATCH packed case-months
                                   * (ledger_pack_insert_sql) */
    sqlite3_stmt *insert_pack;    /* a row of table cmpack */
    ledger_batch batch;           /* the pending case-months (no writer thread) */
    ledger_batch *cur;            /* the batch being filled: &batch, or the writer's */
    struct ledger_writer *writer; /* NULL: the batches are inserted by the caller's thread */
    /* For each half of the ledger (LEDGER_ROWS: current rows of casemonth;
     * LEDGER_KEYS: packed case-months), the case ids known to have no
     * current case-month there (ledger_store.c): every id strictly between
     * lo and hi (hi_open: no upper end), in SQLite's order of TEXT
     * (rfy_casemonth_cmp's).  A look-up skips a half whose gap holds the
     * case.  Narrowed by every put, forgotten by begin, restart, rollback
     * and commit. */
    struct ledger_gap {
        int set, hi_open;
        char lo[CASEMONTH_KEY_ID_MAX], hi[CASEMONTH_KEY_ID_MAX];
        size_t lo_len, hi_len;
    } gap[2];
    /* The latest current month of the case rfy_ledger_case_latest last
     * found one for, with its state: rfy_ledger_state_before of a later
     * month of that case is this (the batch asks it next).  Forgotten by
     * any put, and where the gaps are. */
    struct ledger_latest {
        int set, known;
        char id[CASEMONTH_KEY_ID_MAX];
        size_t len;
        rfy_month month;
        long long run_months, used_m;
    } latest;
    char last_case[CASEMONTH_KEY_ID_MAX]; /* the case id of the last case-month put */
    size_t last_case_len;         /* 0: none since the last flush */
    mpz_t efter, tilbage;         /* Σ positive corrections, Σ |negative| corrections */
    /* A later month being recomputed (ledger_recompute_later): its stored
     * rows, stored again with its new result by rfy_ledger_put. */
    const char *later_rows;
    int later_comma;
    rfy_lang lang;                /* of its messages: RFY_LANG_DA unless told */
    char msg[256];
};

/*
 * The ledger's messages (ledger_messages.c): each has a Danish and an
 * English printf format with the same conversions in the same order; the
 * comment gives the arguments.  SQLite's and the system's words come as an
 * argument, as they are.
 */
typedef enum ledger_message {
    LM_DETAIL,             /* path, SQLite's or the system's message */
    LM_OUT_OF_MEMORY,      /* path */
    LM_MISSING,            /* path (opened to read) */
    LM_CANNOT_CREATE,      /* path, strerror */
    LM_CANNOT_OPEN,        /* path, SQLite's message */
    LM_NOT_REGULAR,        /* path */
    LM_MODE,               /* path, mode (unsigned, octal), path */
    LM_NOT_SQLITE,         /* path, SQLite's message */
    LM_NOT_A_LEDGER,       /* path */
    LM_SCHEMA_NEWER,       /* path, its version, RFY_LEDGER_SCHEMA (int) */
    LM_SCHEMA_OLDER,       /* path, its version, RFY_LEDGER_SCHEMA (int) */
    LM_SCHEMA_STEP,        /* path, from, to (int), SQLite's message */
    LM_NOT_OPEN_FOR_RUN,   /* path */
    LM_IN_USE,             /* path, seconds waited (int) */
    LM_NO_RUN,             /* path */
    LM_NO_RUN_TO_COMMIT,   /* path */
    LM_CANNOT_HASH,        /* path */
    LM_CANNOT_COMMIT,      /* path, SQLite's message */
    LM_STORED_TWICE,       /* path */
    LM_NO_LONGER_COMPUTES, /* path, case id (int length, text), the engine's reason */
    LM_PACK_DAMAGED,       /* path */
    LM_PACK_NO_SLOT,       /* path */
    LM_RUN_REF,            /* the --run value */
    LM_RUN_NONE,           /* the --run value */
    LM_RUN_IMPORT,         /* the --run value */
    LM_RUN_AMBIGUOUS,      /* the --run value */
    LM_EXPORT_WRITE,       /* (none) */
    LM_IMPORT_EMPTY,       /* the file's name */
    LM_IMPORT_NO_COLUMN,   /* line (unsigned long), column */
    LM_IMPORT_FEW_CELLS,   /* line (unsigned long), column */
    LM_IMPORT_MONTH,       /* line (unsigned long), why */
    LM_IMPORT_PAYMENT,     /* line (unsigned long), why */
    LM_IMPORT_RUN_MONTHS,  /* line (unsigned long), the cell */
    LM_IMPORT_USED_DAYS,   /* line (unsigned long), why */
    LM_IMPORT_CASE_EMPTY,  /* line (unsigned long) */
    LM_IMPORT_TOO_LONG,    /* line (unsigned long) */
    LM_IMPORT_ALREADY,     /* line (unsigned long), month, case id, run (long long), run time */
    LM_IMPORT_DETAIL,      /* line (unsigned long), a message */
    LM_COUNT
} ledger_message;

/* The printf format of message `id` in `lang` (RFY_LANG_EN English, any
 * other Danish); NULL for an id outside the table. */
const char *ledger_message_format(ledger_message id, rfy_lang lang);

/* Message `id` in lg's language, its arguments after it, into lg->msg and a
 * malloc'ed copy into *errmsg (when errmsg is not NULL and *errmsg is);
 * an argument may be lg->msg itself.  Returns RFY_EIO. */
int ledger_fail(rfy_ledger *lg, char **errmsg, ledger_message id, ...);

/* ledger_fail with the last failure of connection db: LM_DETAIL with the
 * path and SQLite's message, or LM_PACK_DAMAGED / LM_PACK_NO_SLOT when it is
 * rfy_pack_text's.  Returns RFY_EIO. */
int ledger_fail_db(rfy_ledger *lg, char **errmsg, sqlite3 *db);

/* Run one SQL text (no results).  Returns SQLITE_OK or the SQLite code. */
int ledger_exec(rfy_ledger *lg, const char *sql);
int ledger_exec_db(sqlite3 *db, const char *sql);

/*
 * A case-month's rates_id in SQL, for a query of casemonth c joined to its
 * run r: its own when it has one (written before schema 2), else its run's
 * ('' for an imported run: no rate tables).
 */
#define LEDGER_RATES_ID_SQL                                                                       \
    "CASE WHEN c.rates_id <> '' THEN c.rates_id ELSE coalesce(r.rates_id, '') END"

/*
 * The fields of a slot of a cmpack pack, for rfy_pack_field(id, rows, size,
 * slot, field) (ledger_pack.c): texts as TEXT, the rest as INTEGER.
 */
enum ledger_pack_field {
    LPF_INPUT_ROWS,   /* canonical input rows */
    LPF_OUTPUT_ROW,   /* the output row, as written */
    LPF_PAYMENT,      /* øre */
    LPF_KNOWN,        /* holiday_known */
    LPF_RUN_MONTHS,   /* holiday_run_months */
    LPF_USED_M,       /* holiday_used_m */
    LPF_DECIMAL_COMMA /* decimal_comma */
};
#define LPF_(q, k, f) "rfy_pack_field(" q ".id, " q ".rows, " q ".size, " k ".slot, " #f ")"

/*
 * Every case-month of the ledger as one relation with casemonth's columns
 * (its texts resolved): the rows of casemonth, their texts in place or in a
 * schema-3 row pack, and the packed case-months of cmkey and cmpack.  For
 * the readers: "FROM " LEDGER_ENTRY_SQL " c".  SQLite pushes a reader's
 * WHERE on case_id, month or run into both halves, each with its own index.
 */
#define LEDGER_ENTRY_SQL                                                                          \
    "(SELECT c.id AS id, c.case_id AS case_id, c.month AS month, c.run AS run, c.seq AS seq,"     \
    " c.superseded_by AS superseded_by, c.rates_id AS rates_id,"                                  \
    " c.decimal_comma AS decimal_comma,"                                                          \
    " CASE WHEN c.pack IS NULL THEN c.input_rows"                                                 \
    " ELSE rfy_pack_text(p.id, p.rows, p.size, c.seq - p.first_seq, 0) END AS input_rows,"       \
    " CASE WHEN c.pack IS NULL THEN c.output_row"                                                 \
    " ELSE rfy_pack_text(p.id, p.rows, p.size, c.seq - p.first_seq, 1) END AS output_row,"       \
    " c.payment AS payment, c.previously_paid AS previously_paid, c.correction AS correction,"   \
    " c.holiday_known AS holiday_known, c.holiday_run_months AS holiday_run_months,"             \
    " c.holiday_used_m AS holiday_used_m, c.origin AS origin"                                     \
    " FROM casemonth c LEFT JOIN rowpack p ON p.id = c.pack"                                      \
    " UNION ALL"                                                                                  \
    " SELECT q.id + k.slot, k.case_id, k.month, q.run, q.first_seq + k.slot, NULL, '',"          \
    " " LPF_("q", "k", 6) ", " LPF_("q", "k", 0) ", " LPF_("q", "k", 1) ", " LPF_("q", "k", 2) \
    ", NULL, NULL, " LPF_("q", "k", 3) ", " LPF_("q", "k", 4) ", " LPF_("q", "k", 5) ", 0"      \
    " FROM cmkey k JOIN cmpack q ON q.id = k.pack)"

/* The SQL of a run's statement (ledger.c). */
const char *ledger_stmt_sql(enum ledger_stmt which);

/* A case-month that is not in the file, recomputed from its stored rows. */
typedef struct ledger_later {
    const char *case_id;
    size_t case_id_len;
    const rfy_case *in;           /* its first period row */
    const rfy_result *res;        /* recomputed, holiday state carried */
    mpz_t previously_paid;        /* its stored payment */
    mpz_t correction;             /* res->payment − previously_paid */
} ledger_later;

/*
 * rules.md §10: after a correction run's last month of a case, the case's
 * later stored months recomputed from their stored rows with the state `st`
 * (the state after that month; advanced here).  Each whose payment or
 * holiday state changes goes to fn (which writes it and stores it again with
 * rfy_ledger_put and a row of no input lines); the first that does not
 * change ends the walk (nothing after it can change).  Returns RFY_OK, fn's
 * code, or RFY_EIO / RFY_EINPUT (a stored row no longer computes: named in
 * lg->msg).
 */
int ledger_recompute_later(rfy_ledger *lg, const char *case_id, size_t len, rfy_month after,
                           rfy_holiday_state *st, int (*fn)(void *user, const ledger_later *l),
                           void *user);

/*
 * Read the canonical rows of a stored case-month into cases[0..*n) (at most
 * max) and compute it: rfy_compute_rows, then the holiday state from st
 * (when st carries a month before, the state columns of the stored rows are
 * not read again: the ledger carries the state; a case's first month takes
 * them as its file gave them).  Returns RFY_OK or the engine's code with err.
 */
int ledger_compute_stored(rfy_result *res, rfy_case *cases, size_t max, size_t *n,
                          const rfy_rates *rates, const char *rows, int comma,
                          rfy_holiday_state *st, rfy_error *err);

/*
 * The canonical input rows of computed case-month `row` (ledger_rows.c):
 * one CSV line per period row (payment lines left out), every input column
 * in rfy's order (case_column), each cell as read and quoted only when it
 * must be, so that it reads again with rfy_case_from_fields() whatever the
 * file's header, column order or delimiter were.  In lg->rows_buf
 * (NUL-terminated, *outlen bytes); NULL when out of memory.
 */
char *ledger_canonical_rows(rfy_ledger *lg, const rfy_batch_row *row, size_t *outlen);

/* ledger_canonical_rows written at *buf + at instead (*buf of *cap bytes,
 * grown with realloc), as the texts of a pending batch are; returns
 * *buf + at, or NULL when out of memory. */
char *ledger_canonical_rows_at(rfy_ledger *lg, const rfy_batch_row *row, char **buf, size_t *cap,
                               size_t at, size_t *outlen);

/*
 * The span s[0..n) of a run of cells (rfy__batch_row_field_span), their
 * NULs between them, copied to d with each NUL turned into ',' -- when that
 * is the run's canonical text: no byte of it is one to quote (',', '"', CR,
 * LF) and it holds exactly `nuls` NUL bytes (the separators; a cell may hold
 * a NUL of its own).  Returns 1 when so, or 0: the run is then to be
 * written cell by cell (d's bytes are written again).  d has room for n + 8
 * bytes (a span shorter than eight bytes is written as eight).  The fast
 * way of ledger_canonical_rows (ledger_rows.c).
 */
int ledger_join_plain(char *d, const char *s, size_t n, size_t nuls);

/* Note entry `id` as put by the run (first and last, for export). */
static inline void ledger_note_entry(rfy_ledger *lg, long long id)
{
    if (!lg->first_entry)
        lg->first_entry = id;
    lg->last_entry = id;
}

/*
 * Insert the pending case-months (ledger_store.c).  Every statement that
 * reads or changes case-months of the run's transaction comes after it.
 * Returns RFY_OK, or RFY_EIO named in lg->msg.
 */
int ledger_flush(rfy_ledger *lg);

/* A case-month of case_id is being stored: the gaps of cases without one
 * (rfy_ledger_case_latest) now start after it, when it was inside, and the
 * latest month kept for state_before is forgotten. */
void ledger_gap_note_put(rfy_ledger *lg, const char *case_id, size_t len);

/* ledger_flush when a pending case-month is of case `case_id` (a look-up
 * of that case must see it); nothing otherwise. */
int ledger_flush_case(rfy_ledger *lg, const char *case_id, size_t len);

/* Forget the pending case-months (restart, rollback); a writer thread is
 * stopped first, its batches not inserted. */
void ledger_pending_drop(rfy_ledger *lg);

/* Insert the case-months of batch b and empty it; used by ledger_flush and
 * the writer thread.  Returns SQLITE_DONE, the SQLite code, or LEDGER_CLASH
 * (lg->clash set: a case-month of a full batch is a current row already;
 * nothing of the batch inserted). */
int ledger_flush_batch(rfy_ledger *lg, ledger_batch *b);

/* The failure of ledger_flush_batch in the ledger's words (lg->msg):
 * LM_STORED_TWICE for a clash, else SQLite's.  Returns RFY_EIO. */
int ledger_flush_fail(rfy_ledger *lg);

/*
 * The writer thread (ledger_writer.c), in rfy_batch_run: the batches of
 * new case-months are inserted on a thread of their own while the run goes
 * on.  Only in a run that is not a correction run, whose look-ups read the
 * ledger as it was before the run (a second connection, its own read
 * transaction): a look-up of a case with case-months in the run's batches
 * stops the thread first (ledger_flush).
 *
 * ledger_writer_start: from rfy_ledger_begin until the first case-month is
 * put (rfy_batch_run, which stops it before it returns); returns RFY_OK or
 * an error (the run goes on without the thread).
 * ledger_writer_send: *cur is full; hand it over and take a free batch
 * (waits while all are in flight); RFY_EIO when the thread failed (lg->msg).
 * ledger_writer_stop: insert (write 1) or drop (write 0) what is in flight,
 * end the thread; RFY_EIO when an insert failed (lg->msg).
 * ledger_writer_stmt: a look-up statement on the reading connection.
 */
int ledger_writer_start(rfy_ledger *lg);
int ledger_writer_send(rfy_ledger *lg);
int ledger_writer_stop(rfy_ledger *lg, int write);
sqlite3_stmt *ledger_writer_stmt(rfy_ledger *lg, enum ledger_stmt which);

/*
 * The name of the VFS the ledger opens its database with (ledger_vfs.c):
 * the default one, which also begins writing the database and its WAL to
 * disk every 8 MiB, so that the COMMIT's and the checkpoint's fsyncs wait
 * for less.  Registered on first call; NULL when it cannot be (the default
 * VFS is then used as it is).
 */
#define LEDGER_VFS_NAME "rfy-writeback"
const char *ledger_vfs_name(void);

/* The INSERT of the cmkey rows of n case-months of a full batch, in pack
 * ?1 (ledger_sql.c: the parameters); malloc'ed, NULL when out of memory. */
#define LEDGER_PACKED_PARAMS 2
char *ledger_pack_insert_sql(int n);

/* Undo the case-months of the correction totals (restart, rollback). */
void ledger_totals_reset(rfy_ledger *lg);

/* What the ledger holds of one case-month (rfy/ledger.h's rfy_ledger_stored). */
struct rfy_ledger_stored {
    int stored;          /* 0: never paid; the rest is then empty */
    long long entry;     /* its entry id in the ledger */
    int packed;          /* 1: in a pack (cmkey), 0: a row of casemonth */
    long long run;       /* the run number that paid it */
    char run_id[17];     /* that run's id, shortened to 16 hex digits */
    char run_time[21];   /* that run's time, "2026-12-06T14:00:00Z" */
    mpz_t payment;       /* what was paid for it, øre */
};

/* An rfy_ledger_stored on the stack: empty, and its number freed (ledger_store.c). */
void rfy__ledger_stored_init(rfy_ledger_stored *s);
void rfy__ledger_stored_clear(rfy_ledger_stored *s);

/* What the ledger held of a computed case-month (rfy/batch.h's accessors,
 * batch_row.c): filled by the batch loop, read by the ledger's store. */
struct rfy_batch_ledger_mark {
    int stored;              /* 1: paid before; a correction run recomputed it */
    mpz_t previously_paid;   /* what was paid for it (0 when not stored), øre */
    mpz_t correction;        /* payment − previously_paid (0 when not stored), øre */
};

/*
 * The text of input column `col` in row i (0 <= i < row->nrows) of a
 * computed case-month, as read ("" with *len 0 when the file has no such
 * column).  Borrowed: valid during on_row.  For the ledger's canonical rows
 * (batch_run.c).
 */
const char *rfy__batch_row_input_cell(const rfy_batch_row *row, size_t i, case_column col,
                                      size_t *len);

/*
 * Fields first .. first + k - 1 (k >= 1) of row i of a computed case-month
 * as one span of bytes: the fields lie one after another, each followed by
 * a NUL (the last one's NUL is not in the span), so the span is the first
 * field's text through the last one's.  A field may hold NUL bytes itself
 * (rfy_csv_record): a caller that splits the span at its NULs counts them.
 * Sets *text (borrowed: valid during on_row) and returns the span's length,
 * or returns (size_t)-1 when the row does not keep all k fields (a row
 * shorter than the header, or fields beyond RFY_CSV_MAX_FIELDS).  For the
 * ledger's canonical rows (ledger_rows.c), one call for a run of cells.
 */
size_t rfy__batch_row_field_span(const rfy_batch_row *row, size_t i, int first, int k,
                                 const char **text);

#endif
