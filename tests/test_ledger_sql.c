/*
 * The ledger's batch INSERT (calc/run/ledger_sql.c): a conflict inside it
 * ends the run's whole transaction.
 *
 * Why it matters: with SQLite's default conflict handling (ABORT), a
 * multi-row INSERT into a table with a UNIQUE index may fail half-way and
 * must then undo only its own rows, so SQLite keeps a statement journal of
 * every page the statement touches: with 64 KiB pages and 32 rows a
 * statement that was 1.66 GB of temporary-file writes for 300 000
 * case-months, more than the ledger itself.  The run never continues after a
 * failed INSERT (a refused or failed run changes nothing, rules.md §10), so
 * the statement says OR ROLLBACK, and SQLite needs no statement journal.
 * These tests fail if the INSERT goes back to ABORT: the transaction would
 * then survive the conflict.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include <rfy/ledger.h>
#include <rfy/status.h>
#include "check_run.h"
#include "ledger_internal.h"

static char dir[64];
static char path[96];

/* A new ledger (the schema of rfy_ledger_open) and a plain connection to it. */
static sqlite3 *new_ledger(void)
{
    rfy_ledger *lg = NULL;
    char *err = NULL;
    sqlite3 *db = NULL;
    snprintf(dir, sizeof dir, "/tmp/rfy-ledger-sql.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/l.db", dir);
    ck_assert_int_eq(rfy_ledger_open(&lg, path, 1, &err), RFY_OK);
    rfy_ledger_close(lg);
    free(err);
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "BEGIN IMMEDIATE;"
                                      "INSERT INTO run (time, kind, corrections)"
                                      " VALUES ('2026-12-06T20:00:00Z', 'batch', 0)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    return db;
}

static void drop_ledger(sqlite3 *db)
{
    char cmd[160];
    sqlite3_close(db);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Row r (0-based) of the batch statement: case "K-1", month m, payment p. */
static void bind_row(sqlite3_stmt *s, int r, int month, long long payment)
{
    int i = r * LEDGER_INSERT_PARAMS;
    sqlite3_bind_text(s, i + 1, "K-1", -1, SQLITE_STATIC);
    sqlite3_bind_int(s, i + 2, month);
    sqlite3_bind_int64(s, i + 3, 1);     /* the run */
    sqlite3_bind_int64(s, i + 4, r + 1); /* its output row */
    sqlite3_bind_text(s, i + 5, "", 0, SQLITE_STATIC);
    sqlite3_bind_int(s, i + 6, 0);
    sqlite3_bind_text(s, i + 7, "K-1,2026-11\n", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, i + 8, "K-1,2026-11,...\n", -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, i + 9, payment);
    sqlite3_bind_null(s, i + 10);
    sqlite3_bind_null(s, i + 11);
    sqlite3_bind_int(s, i + 12, 0);
    sqlite3_bind_int64(s, i + 13, 0);
    sqlite3_bind_int64(s, i + 14, 0);
    sqlite3_bind_int(s, i + 15, 0);
}

static long long count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    long long n = -1;
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* The same case-month twice in one statement: the unique index of current
 * entries refuses it, and the transaction (with the run's row) is gone. */
START_TEST(conflict_ends_the_transaction)
{
    sqlite3 *db = new_ledger();
    char *sql = ledger_insert_sql(2);
    sqlite3_stmt *s;
    ck_assert_ptr_nonnull(sql);
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    bind_row(s, 0, 2026 * 12 + 10, 1697200); /* 2026-11 */
    bind_row(s, 1, 2026 * 12 + 10, 1697200); /* 2026-11 again */
    ck_assert_int_eq(sqlite3_step(s), SQLITE_CONSTRAINT);
    sqlite3_finalize(s);
    free(sql);
    ck_assert_int_eq(sqlite3_get_autocommit(db), 1); /* no transaction left */
    ck_assert_int_eq(count(db, "SELECT count(*) FROM run"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM casemonth"), 0);
    drop_ledger(db);
}
END_TEST

/* Two case-months of one case: both stored, the transaction still open. */
START_TEST(distinct_rows_are_stored)
{
    sqlite3 *db = new_ledger();
    char *sql = ledger_insert_sql(2);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    bind_row(s, 0, 2026 * 12 + 10, 1697200); /* 2026-11: 16 972,00 kr. */
    bind_row(s, 1, 2026 * 12 + 11, 1697200); /* 2026-12 */
    ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    free(sql);
    ck_assert_int_eq(sqlite3_get_autocommit(db), 0);
    /* 2 × 1 697 200 øre = 3 394 400 */
    ck_assert_int_eq(count(db, "SELECT sum(payment) FROM casemonth"), 3394400);
    ck_assert_int_eq(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM casemonth WHERE superseded_by IS NULL"), 2);
    drop_ledger(db);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ledger_sql");
    TCase *tc = tcase_create("batch insert");
    tcase_add_test(tc, conflict_ends_the_transaction);
    tcase_add_test(tc, distinct_rows_are_stored);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
