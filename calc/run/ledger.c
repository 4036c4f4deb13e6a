/*
 * The case ledger's file and transaction (rules.md §10; rfy/ledger.h):
 * open with the right permissions, bring the schema up to date, one write
 * transaction per run, commit or roll back.  Case-months: ledger_store.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <rfy/batch.h>
#include "hex.h"
#include "ledger_internal.h"
#include <rfy/status.h>

/*
 * The schema, one step per version: migration i brings user_version i to
 * i + 1.  A later version adds a step, never edits one, so that every ledger
 * ever written can be brought forward.  Money columns are whole øre.
 */
static const char *const MIGRATIONS[RFY_LEDGER_SCHEMA] = {
    /* 0 → 1 */
    "CREATE TABLE run ("
    "  id INTEGER PRIMARY KEY,"          /* the run number */
    "  run_id TEXT UNIQUE,"              /* SHA-256 of the run, hex (NULL until committed) */
    "  time TEXT NOT NULL,"              /* UTC, 2026-12-06T14:00:00Z */
    "  kind TEXT NOT NULL,"              /* batch | import */
    "  corrections INTEGER NOT NULL,"
    "  input_name TEXT, input_sha256 TEXT,"
    "  output_name TEXT, output_sha256 TEXT,"
    "  rejects_name TEXT, rejects_sha256 TEXT,"
    "  options TEXT,"                    /* the receipt's options, JSON */
    "  output_header TEXT,"              /* the output's header line */
    "  rows INTEGER, computed INTEGER, rejected INTEGER,"
    "  total_gross INTEGER, total_deductions INTEGER, total_paid INTEGER,"
    "  efterbetaling INTEGER NOT NULL DEFAULT 0, tilbagebetaling INTEGER NOT NULL DEFAULT 0,"
    "  first_entry INTEGER, last_entry INTEGER);" /* its case-months: ids first..last (export) */
    "CREATE TABLE casemonth ("
    "  id INTEGER PRIMARY KEY,"
    "  case_id TEXT NOT NULL,"
    "  month INTEGER NOT NULL,"          /* months since year 0: year * 12 + month - 1 */
    "  run INTEGER NOT NULL REFERENCES run(id),"
    "  seq INTEGER NOT NULL,"            /* output row of its run (1-based); 0: recomputed */
    "  superseded_by INTEGER REFERENCES casemonth(id)," /* NULL: the current entry */
    "  rates_id TEXT NOT NULL,"
    "  decimal_comma INTEGER NOT NULL,"  /* the amount syntax of input_rows */
    "  input_rows TEXT NOT NULL,"        /* canonical: every input column, rfy's order, CSV */
    "  output_row TEXT NOT NULL,"        /* as written, newline included */
    "  payment INTEGER NOT NULL,"
    "  previously_paid INTEGER, correction INTEGER,"
    "  holiday_known INTEGER NOT NULL, holiday_run_months INTEGER NOT NULL,"
    "  holiday_used_m INTEGER NOT NULL,"  /* thousandths of a day, after the month */
    "  origin INTEGER NOT NULL);"        /* 0 a row of the run's file, 1 recomputed, 2 imported */
    "CREATE UNIQUE INDEX casemonth_current ON casemonth(case_id, month)"
    "  WHERE superseded_by IS NULL;",
    /* 1 → 2: the rates_id once a run.  A case-month written since stores ''
     * in casemonth.rates_id and means its run's; one written before keeps
     * its own (a run's rates_id was the same in all its case-months). Saves
     * 16 bytes a case-month, about 5 % of the ledger. */
    "ALTER TABLE run ADD COLUMN rates_id TEXT;",
    /* 2 → 3: row packs (ledger_pack.c).  The texts of a full batch of new
     * case-months go compressed into one row of rowpack; a case-month
     * written so points at it (pack) and leaves input_rows and output_row
     * empty.  One written before, or alone, keeps its texts in place. */
    "CREATE TABLE rowpack ("
    "  id INTEGER PRIMARY KEY,"
    "  run INTEGER NOT NULL REFERENCES run(id),"
    "  first_seq INTEGER NOT NULL,"      /* casemonth.seq of slot 0; slot i: first_seq + i */
    "  n INTEGER NOT NULL,"              /* its case-months */
    "  size INTEGER NOT NULL,"           /* bytes, decompressed */
    "  rows BLOB NOT NULL);"             /* LZ4 block: count, lengths, texts (ledger_pack.c) */
    "ALTER TABLE casemonth ADD COLUMN pack INTEGER REFERENCES rowpack(id);",
    /* 3 → 4: packed case-months (ledger_pack.c, docs/ledger.md).  A full
     * batch of a run's new case-months is one row of cmpack, holding their
     * texts and values, and one narrow row each in cmkey, the key that
     * refuses a second payment; they have no row in casemonth.  Their entry
     * ids are cmpack.id + slot, from the same sequence as casemonth.id.  One
     * superseded by a correction is first written out whole into casemonth
     * (from_pack: the pack it left) and its cmkey row removed; the pack
     * keeps its texts.  Half the SQLite work a case-month, and a third less
     * written (docs/performance.md). */
    "CREATE TABLE cmpack ("
    "  id INTEGER PRIMARY KEY,"          /* the entry id of slot 0; slot i: id + i */
    "  run INTEGER NOT NULL REFERENCES run(id),"
    "  first_seq INTEGER NOT NULL,"      /* casemonth.seq of slot 0; slot i: first_seq + i */
    "  n INTEGER NOT NULL,"              /* its case-months */
    "  size INTEGER NOT NULL,"           /* bytes, decompressed */
    "  rows BLOB NOT NULL);"             /* LZ4 block: values, lengths, texts (ledger_pack.c) */
    "CREATE TABLE cmkey ("
    "  case_id TEXT NOT NULL,"
    "  month INTEGER NOT NULL,"
    "  pack INTEGER NOT NULL REFERENCES cmpack(id),"
    "  slot INTEGER NOT NULL,"
    "  PRIMARY KEY (case_id, month)) WITHOUT ROWID;"
    "ALTER TABLE casemonth ADD COLUMN from_pack INTEGER REFERENCES cmpack(id);"
    /* One current entry per case and month across both kinds: a current row
     * of casemonth whose case-month is packed is refused here (such rows
     * are few: a run's last few, corrections, imports); the other way,
     * ledger_flush_batch checks each pack's case ids against casemonth
     * before its keys go in (a trigger on cmkey would cost every key). */
    "CREATE TRIGGER casemonth_once BEFORE INSERT ON casemonth"
    "  WHEN NEW.superseded_by IS NULL AND EXISTS"
    "  (SELECT 1 FROM cmkey WHERE case_id = NEW.case_id AND month = NEW.month)"
    "  BEGIN SELECT RAISE(ROLLBACK, '" LEDGER_STORED_TWICE_SQL "'); END;",
};

void ledger_totals_reset(rfy_ledger *lg)
{
    mpz_set_ui(lg->efter, 0);
    mpz_set_ui(lg->tilbage, 0);
}

const char *rfy_ledger_error(const rfy_ledger *lg)
{
    return lg ? lg->msg : "";
}

/*
 * interface.md: the ledger is created 0600 and never loosened; one that
 * group or others may write is refused (anyone could rewrite what was paid).
 * Creating the file ourselves (O_EXCL) fixes its mode before SQLite writes a
 * byte; SQLite gives the -wal and -shm files the database's mode.
 */
static int check_file(rfy_ledger *lg, const char *path, int write, char **errmsg)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        int fd;
        if (errno == ENOENT && !write)
            return ledger_fail(lg, errmsg, LM_MISSING, path);
        if (errno != ENOENT)
            return ledger_fail(lg, errmsg, LM_DETAIL, path, strerror(errno));
        if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
            return ledger_fail(lg, errmsg, LM_CANNOT_CREATE, path, strerror(errno));
        close(fd);
        return RFY_OK;
    }
    if (!S_ISREG(sb.st_mode))
        return ledger_fail(lg, errmsg, LM_NOT_REGULAR, path);
    if (sb.st_mode & (S_IWGRP | S_IWOTH))
        return ledger_fail(lg, errmsg, LM_MODE, path, (unsigned)(sb.st_mode & 0777), path);
    return RFY_OK;
}

static int migrate(rfy_ledger *lg, char **errmsg)
{
    sqlite3_stmt *s = NULL;
    int version = -1;
    if (sqlite3_prepare_v2(lg->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        version = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    if (version < 0)
        return ledger_fail(lg, errmsg, LM_NOT_SQLITE, lg->path, sqlite3_errmsg(lg->db));
    if (version > RFY_LEDGER_SCHEMA)
        return ledger_fail(lg, errmsg, LM_SCHEMA_NEWER, lg->path, version, RFY_LEDGER_SCHEMA);
    if (version == RFY_LEDGER_SCHEMA)
        return RFY_OK;
    if (!lg->writable)
        return ledger_fail(lg, errmsg, LM_SCHEMA_OLDER, lg->path, version, RFY_LEDGER_SCHEMA);
    if (ledger_exec(lg, "BEGIN IMMEDIATE") != SQLITE_OK)
        return ledger_fail_db(lg, errmsg, lg->db);
    for (int v = version; v < RFY_LEDGER_SCHEMA; v++) {
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
        if (ledger_exec(lg, MIGRATIONS[v]) != SQLITE_OK || ledger_exec(lg, sql) != SQLITE_OK) {
            ledger_fail(lg, errmsg, LM_SCHEMA_STEP, lg->path, v, v + 1, sqlite3_errmsg(lg->db));
            ledger_exec(lg, "ROLLBACK");
            return RFY_EIO;
        }
    }
    if (ledger_exec(lg, "COMMIT") != SQLITE_OK) {
        ledger_exec(lg, "ROLLBACK");
        return ledger_fail_db(lg, errmsg, lg->db);
    }
    return RFY_OK;
}

int rfy_ledger_open(rfy_ledger **out, const char *path, int write, char **errmsg)
{
    return rfy_ledger_open_lang(out, path, write, RFY_LANG_DA, errmsg);
}

void rfy_ledger_set_lang(rfy_ledger *lg, rfy_lang lang)
{
    if (lg)
        lg->lang = lang == RFY_LANG_EN ? RFY_LANG_EN : RFY_LANG_DA;
}

int rfy_ledger_open_lang(rfy_ledger **out, const char *path, int write, rfy_lang lang,
                         char **errmsg)
{
    rfy_ledger *lg = calloc(1, sizeof *lg);
    int flags = write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    *out = NULL;
    if (!lg || !(lg->path = strdup(path))) {
        char text[256];
        free(lg);
        snprintf(text, sizeof text, ledger_message_format(LM_OUT_OF_MEMORY, lang), path);
        if (errmsg)
            *errmsg = strdup(text);
        return RFY_ENOMEM;
    }
    mpz_inits(lg->efter, lg->tilbage, NULL);
    rfy_ledger_set_lang(lg, lang);
    lg->writable = write;
    lg->cur = &lg->batch;
    if (check_file(lg, path, write, errmsg) != RFY_OK)
        goto fail;
    if (sqlite3_open_v2(path, &lg->db, flags | SQLITE_OPEN_NOMUTEX, ledger_vfs_name()) != SQLITE_OK) {
        if (lg->db)
            ledger_fail(lg, errmsg, LM_CANNOT_OPEN, path, sqlite3_errmsg(lg->db));
        else
            ledger_fail(lg, errmsg, LM_OUT_OF_MEMORY, path);
        goto fail;
    }
    sqlite3_busy_timeout(lg->db, RFY_LEDGER_BUSY_MS);
    if (ledger_pack_register(lg->db) != SQLITE_OK) {
        ledger_fail_db(lg, errmsg, lg->db);
        goto fail;
    }
    /* A new ledger gets 64 KiB pages (fixed when the first byte is written;
     * ignored for an existing one): a run appends hundreds of MB, and with
     * 4 KiB pages the kernel's work per page (a write to the WAL, a read and
     * a write at the checkpoint) was a third of the ledger's cost. */
    if (write)
        ledger_exec(lg, "PRAGMA page_size=65536"); /* a hint: SQLite keeps the page size it has */
    /* WAL: readers (rfy ledger show) never block a run; synchronous=FULL:
     * a committed run survives a power cut, as the output files do (fsync). */
    if (write && (ledger_exec(lg, "PRAGMA journal_mode=WAL") != SQLITE_OK ||
                  ledger_exec(lg, "PRAGMA synchronous=FULL") != SQLITE_OK)) {
        if (sqlite3_errcode(lg->db) == SQLITE_NOTADB)
            ledger_fail(lg, errmsg, LM_NOT_A_LEDGER, path);
        else
            ledger_fail_db(lg, errmsg, lg->db);
        goto fail;
    }
    /* No checkpoint inside a run's COMMIT: the WAL is folded into the
     * database when the ledger is closed, after the outputs are renamed into
     * place (rfy batch), or before the next run's transaction. */
    if (write)
        ledger_exec(lg, "PRAGMA wal_autocheckpoint=0");
    if (migrate(lg, errmsg) != RFY_OK)
        goto fail;
    for (int i = 0; i < LS_COUNT; i++)
        if (sqlite3_prepare_v3(lg->db, ledger_stmt_sql((enum ledger_stmt)i), -1,
                               SQLITE_PREPARE_PERSISTENT, &lg->st[i], NULL) != SQLITE_OK) {
            ledger_fail_db(lg, errmsg, lg->db);
            goto fail;
        }
    if (write) {
        char *sql = ledger_pack_insert_sql(LEDGER_BATCH);
        int rc = sql ? sqlite3_prepare_v3(lg->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                          &lg->insert_batch, NULL)
                     : SQLITE_NOMEM;
        free(sql);
        if (rc == SQLITE_OK)
            rc = sqlite3_prepare_v3(lg->db,
                                    "INSERT INTO cmpack (id, run, first_seq, n, size, rows)"
                                    " VALUES (?6, ?1, ?2, ?3, ?4, ?5)",
                                    -1, SQLITE_PREPARE_PERSISTENT, &lg->insert_pack, NULL);
        if (rc != SQLITE_OK) {
            ledger_fail_db(lg, errmsg, lg->db);
            goto fail;
        }
    }
    *out = lg;
    return RFY_OK;
fail:
    rfy_ledger_close(lg);
    return RFY_EIO;
}

void rfy_ledger_close(rfy_ledger *lg)
{
    if (!lg)
        return;
    if (lg->in_run)
        rfy_ledger_rollback(lg);
    for (int i = 0; i < LS_COUNT; i++)
        sqlite3_finalize(lg->st[i]);
    sqlite3_finalize(lg->insert_batch);
    sqlite3_finalize(lg->insert_pack);
    sqlite3_close(lg->db);
    mpz_clears(lg->efter, lg->tilbage, NULL);
    free(lg->rates_id);
    free(lg->rows_buf);
    free(lg->batch.text);
    ledger_pack_free(&lg->batch.pack);
    free(lg->path);
    free(lg);
}

static void utc_now(char out[21])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The entry id the run's first case-month gets: after every id in use,
 * in casemonth and in the packs (cmpack.id + n - 1).  Read inside the
 * run's write transaction, so no other run takes it. */
static int next_entry_id(rfy_ledger *lg)
{
    sqlite3_stmt *s = NULL;
    int ok = sqlite3_prepare_v2(lg->db,
                                "SELECT max(coalesce((SELECT max(id) FROM casemonth), 0),"
                                " coalesce((SELECT id + n - 1 FROM cmpack ORDER BY id DESC LIMIT 1),"
                                " 0)) + 1",
                                -1, &s, NULL) == SQLITE_OK &&
             sqlite3_step(s) == SQLITE_ROW;
    if (ok)
        lg->next_id = lg->begin_id = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return ok ? RFY_OK : ledger_fail_db(lg, NULL, lg->db);
}

int rfy_ledger_begin(rfy_ledger *lg, int corrections, const char *rates_id,
                     const struct rfy_rates *rates, char **errmsg)
{
    sqlite3_stmt *s = NULL;
    int rc;
    if (!lg->writable || lg->in_run)
        return ledger_fail(lg, errmsg, LM_NOT_OPEN_FOR_RUN, lg->path);
    /* the WAL of an earlier run on this handle (nothing, after a close) */
    sqlite3_wal_checkpoint_v2(lg->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    /* IMMEDIATE: the write lock now, so two runs never interleave; the
     * second waits up to the busy timeout and then says so. */
    rc = ledger_exec(lg, "BEGIN IMMEDIATE");
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return ledger_fail(lg, errmsg, LM_IN_USE, lg->path, RFY_LEDGER_BUSY_MS / 1000);
    if (rc != SQLITE_OK)
        return ledger_fail_db(lg, errmsg, lg->db);
    lg->in_run = 1;
    lg->corrections = corrections;
    lg->rates = rates;
    lg->seq = lg->first_entry = lg->last_entry = 0;
    ledger_pending_drop(lg);
    ledger_totals_reset(lg);
    lg->clash = 0;
    lg->gap[0].set = lg->gap[1].set = lg->latest.set = 0;
    free(lg->rates_id);
    lg->rates_id = strdup(rates_id ? rates_id : "");
    utc_now(lg->time);
    lg->kind = "batch";
    /* The run's number now, its row at commit (rfy_ledger_commit): a row
     * written now and changed at commit would be a page SQLite wrote to the
     * WAL early and again at the end, and a frame rewritten makes SQLite
     * read the whole WAL again at commit to redo its checksums (a third of
     * a second for a 1 M-row run).  The write lock is held: no other run
     * takes the number. */
    if (!lg->rates_id ||
        sqlite3_prepare_v2(lg->db, "SELECT coalesce(max(id), 0) + 1 FROM run", -1, &s, NULL) !=
            SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW) {
        ledger_fail_db(lg, errmsg, lg->db);
        sqlite3_finalize(s);
        rfy_ledger_rollback(lg);
        return RFY_EIO;
    }
    lg->run = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    if (next_entry_id(lg) != RFY_OK || ledger_exec(lg, "SAVEPOINT rows") != SQLITE_OK) {
        ledger_fail_db(lg, errmsg, lg->db);
        rfy_ledger_rollback(lg);
        return RFY_EIO;
    }
    return RFY_OK;
}

int rfy_ledger_corrections(const rfy_ledger *lg)
{
    return lg->corrections;
}

int rfy_ledger_restart(rfy_ledger *lg)
{
    ledger_pending_drop(lg); /* the writer thread first: it notes entries */
    lg->seq = lg->first_entry = lg->last_entry = 0;
    lg->next_id = lg->begin_id;
    ledger_totals_reset(lg);
    lg->gap[0].set = lg->gap[1].set = lg->latest.set = 0; /* the rows put since begin are undone: what was learnt with them goes */
    if (ledger_exec(lg, "ROLLBACK TO rows") != SQLITE_OK)
        return ledger_fail_db(lg, NULL, lg->db);
    return RFY_OK;
}

void rfy_ledger_correction_totals(const rfy_ledger *lg, mpz_t efterbetaling, mpz_t tilbagebetaling)
{
    mpz_set(efterbetaling, lg->efter);
    mpz_set(tilbagebetaling, lg->tilbage);
}

/* An amount in øre as an SQLite integer (the ledger's money columns). */
static int bind_ore(sqlite3_stmt *s, int i, const mpz_t *v)
{
    if (!v)
        return sqlite3_bind_null(s, i);
    if (!mpz_fits_slong_p(*v))
        return SQLITE_TOOBIG;
    return sqlite3_bind_int64(s, i, mpz_get_si(*v));
}

static void sha_text(EVP_MD_CTX *ctx, const char *s)
{
    s = s ? s : "-";
    EVP_DigestUpdate(ctx, s, strlen(s));
    EVP_DigestUpdate(ctx, "\n", 1);
}

/* The run's id: SHA-256 of what identifies it (time, run number, files, totals). */
static int run_id(char out[65], const rfy_ledger *lg, const rfy_ledger_run *r)
{
    unsigned char md[32];
    unsigned len = 0;
    char num[32];
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
        EVP_MD_CTX_free(ctx);
        return -1;
    }
    snprintf(num, sizeof num, "%lld", lg->run);
    sha_text(ctx, lg->time);
    sha_text(ctx, num);
    sha_text(ctx, r->input_sha256);
    sha_text(ctx, r->output_sha256);
    sha_text(ctx, r->rejects_sha256);
    sha_text(ctx, r->options_json);
    int ok = EVP_DigestFinal_ex(ctx, md, &len) && len == 32;
    EVP_MD_CTX_free(ctx);
    if (!ok)
        return -1;
    rfy__hex(out, md, 32);
    return 0;
}

int rfy_ledger_commit(rfy_ledger *lg, const rfy_ledger_run *r, char *id_out, char **errmsg)
{
    static const char SQL[] =
        "INSERT INTO run (id, run_id, input_name, input_sha256, output_name, output_sha256,"
        " rejects_name, rejects_sha256, options, output_header, rows, computed, rejected,"
        " total_gross, total_deductions, total_paid, efterbetaling, tilbagebetaling, first_entry,"
        " last_entry, time, kind, corrections, rates_id)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
        " ?19, ?20, ?21, ?22, ?23, ?24)";
    sqlite3_stmt *s = NULL;
    char id[65];
    int ok;
    mpz_t gross, deductions, paid;
    if (!lg->in_run)
        return ledger_fail(lg, errmsg, LM_NO_RUN_TO_COMMIT, lg->path);
    if (ledger_flush(lg) != RFY_OK) {
        if (errmsg && !*errmsg)
            *errmsg = strdup(lg->msg);
        rfy_ledger_rollback(lg);
        return RFY_EIO;
    }
    mpz_inits(gross, deductions, paid, NULL);
    if (r->totals) {
        rfy_batch_stats_total(gross, r->totals, RFY_BATCH_TOTAL_GROSS);
        rfy_batch_stats_total(deductions, r->totals, RFY_BATCH_TOTAL_DEDUCTIONS);
        rfy_batch_stats_total(paid, r->totals, RFY_BATCH_TOTAL_PAYMENT);
    }
    if (run_id(id, lg, r) != 0) {
        mpz_clears(gross, deductions, paid, NULL);
        rfy_ledger_rollback(lg);
        return ledger_fail(lg, errmsg, LM_CANNOT_HASH, lg->path);
    }
    ok = sqlite3_prepare_v2(lg->db, SQL, -1, &s, NULL) == SQLITE_OK &&
         sqlite3_bind_int64(s, 1, lg->run) == SQLITE_OK &&
         sqlite3_bind_text(s, 2, id, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_text(s, 3, r->input_name, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_text(s, 4, r->input_sha256, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_text(s, 5, r->output_name, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_text(s, 6, r->output_sha256, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_text(s, 7, r->rejects_name, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_text(s, 8, r->rejects_sha256, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_text(s, 9, r->options_json, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_text(s, 10, r->output_header, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_int64(s, 11, (sqlite3_int64)r->rows) == SQLITE_OK &&
         sqlite3_bind_int64(s, 12, (sqlite3_int64)r->computed) == SQLITE_OK &&
         sqlite3_bind_int64(s, 13, (sqlite3_int64)r->rejected) == SQLITE_OK &&
         bind_ore(s, 14, (const mpz_t *)&gross) == SQLITE_OK &&
         bind_ore(s, 15, (const mpz_t *)&deductions) == SQLITE_OK &&
         bind_ore(s, 16, (const mpz_t *)&paid) == SQLITE_OK &&
         bind_ore(s, 17, (const mpz_t *)&lg->efter) == SQLITE_OK &&
         bind_ore(s, 18, (const mpz_t *)&lg->tilbage) == SQLITE_OK &&
         sqlite3_bind_int64(s, 19, lg->first_entry) == SQLITE_OK &&
         sqlite3_bind_int64(s, 20, lg->last_entry) == SQLITE_OK &&
         sqlite3_bind_text(s, 21, lg->time, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_text(s, 22, lg->kind, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_bind_int(s, 23, lg->corrections) == SQLITE_OK &&
         sqlite3_bind_text(s, 24, lg->rates_id, -1, SQLITE_STATIC) == SQLITE_OK &&
         sqlite3_step(s) == SQLITE_DONE;
    sqlite3_finalize(s);
    mpz_clears(gross, deductions, paid, NULL);
    if (!ok || ledger_exec(lg, "RELEASE rows") != SQLITE_OK ||
        ledger_exec(lg, "COMMIT") != SQLITE_OK) {
        ledger_fail(lg, errmsg, LM_CANNOT_COMMIT, lg->path, sqlite3_errmsg(lg->db));
        rfy_ledger_rollback(lg);
        return RFY_EIO;
    }
    lg->in_run = 0;
    lg->gap[0].set = lg->gap[1].set = lg->latest.set = 0;
    if (id_out)
        memcpy(id_out, id, sizeof id);
    return RFY_OK;
}

void rfy_ledger_rollback(rfy_ledger *lg)
{
    if (!lg || !lg->in_run)
        return;
    ledger_pending_drop(lg); /* the writer thread first: it uses the connection */
    ledger_exec(lg, "ROLLBACK");
    lg->in_run = 0;
    ledger_totals_reset(lg);
    lg->gap[0].set = lg->gap[1].set = lg->latest.set = 0;
}
