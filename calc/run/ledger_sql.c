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
    " holiday_run_months, holiday_used_m, origin, pack, id)"
#define KEY_INSERT_SQL "INSERT OR ROLLBACK INTO cmkey (case_id, month, pack, slot)"

/* A row of ledger_pack_insert_sql: ?1 the pack is shared, the slot is
 * written out, and case-month i has LEDGER_PACKED_PARAMS parameters from
 * 2 + 2 i: case_id, month.  Everything else of it is in the pack. */
#define PACKED_ROW "(?%d,?%d,?1,%d)"

char *ledger_pack_insert_sql(int n)
{
    size_t len = sizeof KEY_INSERT_SQL + 16 + (size_t)n * (sizeof PACKED_ROW + 32);
    char *sql = malloc(len), *p;
    if (!sql)
        return NULL;
    p = sql + snprintf(sql, len, "%s VALUES ", KEY_INSERT_SQL);
    for (int i = 0; i < n; i++) {
        int k = 1 + i * LEDGER_PACKED_PARAMS;
        if (i)
            *p++ = ',';
        p += snprintf(p, len - (size_t)(p - sql), PACKED_ROW, k + 1, k + 2, i);
    }
    return sql;
}

/* The casemonth columns LS_UNPACK writes out of a pack: the entry as the
 * pack holds it, superseded (?3, 0 until its successor's id is set). */
#define UNPACK_COLUMNS                                                                           \
    "id, case_id, month, run, seq, superseded_by, rates_id, decimal_comma, input_rows,"          \
    " output_row, payment, previously_paid, correction, holiday_known, holiday_run_months,"      \
    " holiday_used_m, origin, pack, from_pack"

/*
 * The run's look-ups ask both kinds of case-month: rows of casemonth (their
 * current ones by the partial unique index) and packed ones (cmkey's key).
 * Each half with ORDER BY and LIMIT 1 reads one index entry, and a packed
 * one's values are decompressed for that one only.  The halves of the
 * state and latest-month look-ups are two statements, the later of their
 * answers taken in C: as one compound statement with ORDER BY, SQLite
 * sorted the two rows in a sorter of its own each time, half the cost of a
 * month run into a full ledger.
 */
static const char *const STMT_SQL[LS_COUNT] = {
    /* LEFT JOIN run: a case-month stored by this run has no run row until
     * commit (?3: this run's time) */
    [LS_LOOKUP] = "SELECT c.id, c.run, substr(r.run_id, 1, 16), coalesce(r.time, ?3), c.payment, 0"
                  " FROM casemonth c LEFT JOIN run r ON r.id = c.run"
                  " WHERE c.case_id = ?1 AND c.month = ?2 AND c.superseded_by IS NULL"
                  " UNION ALL"
                  " SELECT q.id + k.slot, q.run, substr(r.run_id, 1, 16), coalesce(r.time, ?3), "
                  LPF_("q", "k", 2) ", 1 FROM cmkey k JOIN cmpack q ON q.id = k.pack"
                  " LEFT JOIN run r ON r.id = q.run WHERE k.case_id = ?1 AND k.month = ?2",
    [LS_STATE_BEFORE] = "SELECT month, holiday_known, holiday_run_months, holiday_used_m"
                        " FROM casemonth WHERE case_id = ?1 AND month < ?2"
                        " AND superseded_by IS NULL ORDER BY month DESC LIMIT 1",
    [LS_STATE_BEFORE_PACKED] = "SELECT k.month, " LPF_("q", "k", 3) ", " LPF_("q", "k", 4) ", "
                               LPF_("q", "k", 5) " FROM cmkey k JOIN cmpack q ON q.id = k.pack"
                               " WHERE k.case_id = ?1 AND k.month < ?2 ORDER BY k.month DESC LIMIT 1",
    [LS_INSERT] = INSERT_SQL " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                  " ?16, ?17)",
    [LS_SUPERSEDE] = "UPDATE casemonth SET superseded_by = ?2 WHERE id = ?1",
    /* (LEFT JOIN run as LS_LOOKUP; ?3: this run's rates_id) */
    [LS_LATER] = "SELECT c.id, c.month, c.decimal_comma, c.input_rows, c.output_row, c.payment,"
                 " c.holiday_known, c.holiday_run_months, c.holiday_used_m,"
                 " CASE WHEN c.rates_id <> '' THEN c.rates_id ELSE coalesce(r.rates_id, ?3) END"
                 " FROM " LEDGER_ENTRY_SQL " c LEFT JOIN run r ON r.id = c.run"
                 " WHERE c.case_id = ?1 AND c.month > ?2 AND c.superseded_by IS NULL ORDER BY c.month",
    [LS_UNPACK] = "INSERT OR ROLLBACK INTO casemonth (" UNPACK_COLUMNS ")"
                  " SELECT q.id + k.slot, k.case_id, k.month, q.run, q.first_seq + k.slot, ?3, '', "
                  LPF_("q", "k", 6) ", " LPF_("q", "k", 0) ", " LPF_("q", "k", 1) ", "
                  LPF_("q", "k", 2) ", NULL, NULL, " LPF_("q", "k", 3) ", " LPF_("q", "k", 4) ", "
                  LPF_("q", "k", 5) ", 0, NULL, q.id"
                  " FROM cmkey k JOIN cmpack q ON q.id = k.pack WHERE k.case_id = ?1 AND k.month = ?2",
    [LS_UNKEY] = "DELETE FROM cmkey WHERE case_id = ?1 AND month = ?2",
    [LS_ROWS_BETWEEN] = "SELECT 1 FROM casemonth WHERE case_id BETWEEN ?1 AND ?2"
                        " AND superseded_by IS NULL LIMIT 1",
    [LS_ROW_CURRENT] = "SELECT 1 FROM casemonth WHERE case_id = ?1 AND month = ?2"
                       " AND superseded_by IS NULL",
    [LS_NEXT_CASE] = "SELECT min(case_id) FROM casemonth WHERE case_id > ?1 AND superseded_by IS NULL",
    [LS_NEXT_CASE_PACKED] = "SELECT min(case_id) FROM cmkey WHERE case_id > ?1",
};

int ledger_fail(rfy_ledger *lg, char **errmsg, ledger_message id, ...)
{
    char text[sizeof lg->msg];
    const char *fmt = ledger_message_format(id, lg->lang);
    va_list ap;
    va_start(ap, id);
    /* into text first: an argument may be lg->msg (an earlier failure's words) */
    if (fmt)
        vsnprintf(text, sizeof text, fmt, ap);
    else
        snprintf(text, sizeof text, "ledger %s", lg->path ? lg->path : "");
    va_end(ap);
    memcpy(lg->msg, text, sizeof text);
    if (errmsg && !*errmsg)
        *errmsg = strdup(lg->msg);
    return RFY_EIO;
}

int ledger_fail_db(rfy_ledger *lg, char **errmsg, sqlite3 *db)
{
    const char *why = sqlite3_errmsg(db);
    /* rfy_pack_text's own failures (ledger_pack.c) in the ledger's words */
    if (strcmp(why, LEDGER_PACK_DAMAGED) == 0)
        return ledger_fail(lg, errmsg, LM_PACK_DAMAGED, lg->path);
    if (strcmp(why, LEDGER_PACK_NO_SLOT) == 0)
        return ledger_fail(lg, errmsg, LM_PACK_NO_SLOT, lg->path);
    if (strcmp(why, LEDGER_STORED_TWICE_SQL) == 0)
        return ledger_fail(lg, errmsg, LM_STORED_TWICE, lg->path);
    return ledger_fail(lg, errmsg, LM_DETAIL, lg->path, why);
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
