/*
 * The ledger's SQL and its lowest helpers (ledger_internal.h): the prepared
 * statements' text, the batch INSERT, running a statement, recording a
 * failure.  The floor of the ledger's files: ledger.c, ledger_store.c,
 * ledger_writer.c and the readers call down to it, and it calls none of them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_internal.h"
#include <rfy/status.h>

/* OR ROLLBACK: a conflict ends the run's transaction (the run stops and
 * changes nothing anyway), so SQLite keeps no statement journal for the
 * multi-row INSERT; with ABORT it copied every page each statement touched
 * to a temporary file (tests/test_ledger_sql.c, docs/performance.md). */
#define INSERT_SQL                                                                               \
    "INSERT OR ROLLBACK INTO casemonth (case_id, month, run, seq, rates_id, decimal_comma,"      \
    " input_rows, output_row, payment, previously_paid, correction, holiday_known,"              \
    " holiday_run_months, holiday_used_m, origin)"

char *ledger_insert_sql(int n)
{
    static const char ROW[] = ",(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    size_t len = sizeof INSERT_SQL + 8 + (size_t)n * (sizeof ROW - 1);
    char *sql = malloc(len), *p;
    if (!sql)
        return NULL;
    p = sql + snprintf(sql, len, "%s VALUES", INSERT_SQL);
    for (int i = 0; i < n; i++)
        p += snprintf(p, len - (size_t)(p - sql), "%s", i ? ROW : ROW + 1);
    return sql;
}

static const char *const STMT_SQL[LS_COUNT] = {
    [LS_LOOKUP] = "SELECT c.id, c.run, substr(r.run_id, 1, 16), r.time, c.payment FROM casemonth c"
                  " JOIN run r ON r.id = c.run"
                  " WHERE c.case_id = ?1 AND c.month = ?2 AND c.superseded_by IS NULL",
    [LS_STATE_BEFORE] = "SELECT month, holiday_known, holiday_run_months, holiday_used_m"
                        " FROM casemonth WHERE case_id = ?1 AND month < ?2"
                        " AND superseded_by IS NULL ORDER BY month DESC LIMIT 1",
    [LS_INSERT] = INSERT_SQL " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    [LS_SUPERSEDE] = "UPDATE casemonth SET superseded_by = ?2 WHERE id = ?1",
    [LS_CASE_LATEST] = "SELECT max(month) FROM casemonth WHERE case_id = ?1 AND superseded_by IS NULL",
    [LS_LATER] = "SELECT c.id, c.month, c.decimal_comma, c.input_rows, c.output_row, c.payment,"
                 " c.holiday_known, c.holiday_run_months, c.holiday_used_m, " LEDGER_RATES_ID_SQL
                 " FROM casemonth c JOIN run r ON r.id = c.run"
                 " WHERE c.case_id = ?1 AND c.month > ?2 AND c.superseded_by IS NULL ORDER BY c.month",
};

int ledger_fail(rfy_ledger *lg, char **errmsg, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lg->msg, sizeof lg->msg, fmt, ap);
    va_end(ap);
    if (errmsg && !*errmsg)
        *errmsg = strdup(lg->msg);
    return RFY_EIO;
}

int ledger_exec(rfy_ledger *lg, const char *sql)
{
    return sqlite3_exec(lg->db, sql, NULL, NULL, NULL);
}

int ledger_exec_db(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

const char *ledger_stmt_sql(enum ledger_stmt which)
{
    return STMT_SQL[which];
}
