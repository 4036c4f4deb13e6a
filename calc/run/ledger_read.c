/*
 * Reading the case ledger (rfy/ledger.h; `rfy ledger runs|show|export`):
 * what was paid, run by run and case by case, and a run's output again.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger_internal.h"
#include <rfy/status.h>

static const char *text(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

int rfy_ledger_runs(rfy_ledger *lg, int (*fn)(void *user, const rfy_ledger_run_info *r),
                    void *user)
{
    static const char SQL[] =
        "SELECT r.id, r.run_id, r.time, r.kind, r.corrections, r.input_name, r.input_sha256,"
        " r.output_name, r.output_sha256, r.options, r.rows, r.computed, r.rejected,"
        " r.total_paid, r.efterbetaling, r.tilbagebetaling,"
        " (SELECT count(*) FROM casemonth c WHERE c.id BETWEEN r.first_entry AND r.last_entry"
        "  AND c.run = r.id)"
        " FROM run r WHERE r.run_id IS NOT NULL ORDER BY r.id";
    sqlite3_stmt *s = NULL;
    rfy_ledger_run_info r;
    int rc = RFY_OK, step = SQLITE_DONE;
    if (sqlite3_prepare_v2(lg->db, SQL, -1, &s, NULL) != SQLITE_OK)
        return ledger_fail(lg, NULL, "ledger: %s", sqlite3_errmsg(lg->db));
    mpz_inits(r.paid, r.efterbetaling, r.tilbagebetaling, NULL);
    while (rc == RFY_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        r.run = sqlite3_column_int64(s, 0);
        r.run_id = text(s, 1);
        r.time = text(s, 2);
        r.kind = text(s, 3);
        r.corrections = sqlite3_column_int(s, 4);
        r.input_name = text(s, 5);
        r.input_sha256 = text(s, 6);
        r.output_name = text(s, 7);
        r.output_sha256 = text(s, 8);
        r.options = text(s, 9);
        r.rows = (unsigned long)sqlite3_column_int64(s, 10);
        r.computed = (unsigned long)sqlite3_column_int64(s, 11);
        r.rejected = (unsigned long)sqlite3_column_int64(s, 12);
        mpz_set_si(r.paid, (long)sqlite3_column_int64(s, 13));
        mpz_set_si(r.efterbetaling, (long)sqlite3_column_int64(s, 14));
        mpz_set_si(r.tilbagebetaling, (long)sqlite3_column_int64(s, 15));
        r.stored = (unsigned long)sqlite3_column_int64(s, 16);
        rc = fn(user, &r);
    }
    if (rc == RFY_OK && step != SQLITE_DONE)
        rc = ledger_fail(lg, NULL, "ledger: %s", sqlite3_errmsg(lg->db));
    mpz_clears(r.paid, r.efterbetaling, r.tilbagebetaling, NULL);
    sqlite3_finalize(s);
    return rc;
}

int rfy_ledger_case(rfy_ledger *lg, const char *case_id,
                    int (*fn)(void *user, const rfy_ledger_entry *e), void *user, int *found)
{
    static const char SQL[] =
        "SELECT c.month, c.run, r.run_id, r.time, r.kind, c.superseded_by IS NULL, c.origin,"
        " c.payment, c.previously_paid, c.correction, c.holiday_known,"
        " c.holiday_run_months, c.holiday_used_m"
        " FROM casemonth c JOIN run r ON r.id = c.run WHERE c.case_id = ?1"
        " ORDER BY c.month, c.id";
    sqlite3_stmt *s = NULL;
    rfy_ledger_entry e;
    int rc = RFY_OK, step = SQLITE_DONE;
    *found = 0;
    if (sqlite3_prepare_v2(lg->db, SQL, -1, &s, NULL) != SQLITE_OK)
        return ledger_fail(lg, NULL, "ledger: %s", sqlite3_errmsg(lg->db));
    sqlite3_bind_text(s, 1, case_id, -1, SQLITE_STATIC);
    mpz_inits(e.payment, e.previously_paid, e.correction, e.holiday_used_m, NULL);
    while (rc == RFY_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        *found = 1;
        e.month = sqlite3_column_int(s, 0);
        e.run = sqlite3_column_int64(s, 1);
        e.run_id = text(s, 2);
        e.run_time = text(s, 3);
        e.kind = text(s, 4);
        e.current = sqlite3_column_int(s, 5);
        e.in_file = sqlite3_column_int(s, 6) == 0;
        mpz_set_si(e.payment, (long)sqlite3_column_int64(s, 7));
        e.corrected = sqlite3_column_type(s, 8) != SQLITE_NULL;
        mpz_set_si(e.previously_paid, (long)sqlite3_column_int64(s, 8));
        mpz_set_si(e.correction, (long)sqlite3_column_int64(s, 9));
        e.holiday_known = sqlite3_column_int(s, 10);
        e.holiday_run_months = (long)sqlite3_column_int64(s, 11);
        mpz_set_si(e.holiday_used_m, (long)sqlite3_column_int64(s, 12));
        rc = fn(user, &e);
    }
    if (rc == RFY_OK && step != SQLITE_DONE)
        rc = ledger_fail(lg, NULL, "ledger: %s", sqlite3_errmsg(lg->db));
    mpz_clears(e.payment, e.previously_paid, e.correction, e.holiday_used_m, NULL);
    sqlite3_finalize(s);
    return rc;
}

/* The run number of `ref`: digits are a number, else a prefix of its id. */
static int find_run(rfy_ledger *lg, const char *ref, long long *run, char **errmsg)
{
    sqlite3_stmt *s = NULL;
    size_t n = strlen(ref), digits = strspn(ref, "0123456789");
    int step, count = 0, imported = 0;
    if (n == 0 || (digits != n && (n < 8 || strspn(ref, "0123456789abcdef") != n)))
    {
        ledger_fail(lg, errmsg, "--run %s: give a run number (rfy ledger runs) or at least 8 hex "
                    "digits of its id", ref);
        return RFY_EINPUT;
    }
    if (sqlite3_prepare_v2(lg->db,
                           digits == n ? "SELECT id, kind FROM run WHERE id = ?1 AND run_id IS NOT NULL"
                                       : "SELECT id, kind FROM run WHERE substr(run_id, 1, ?2) = ?1",
                           -1, &s, NULL) != SQLITE_OK)
        return ledger_fail(lg, errmsg, "ledger: %s", sqlite3_errmsg(lg->db));
    sqlite3_bind_text(s, 1, ref, -1, SQLITE_STATIC);
    if (digits != n)
        sqlite3_bind_int(s, 2, (int)n);
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        *run = sqlite3_column_int64(s, 0);
        count++;
        if (strcmp((const char *)sqlite3_column_text(s, 1), "import") == 0)
            imported = 1;
    }
    sqlite3_finalize(s);
    if (step != SQLITE_DONE)
        return ledger_fail(lg, errmsg, "ledger: %s", sqlite3_errmsg(lg->db));
    if (count == 1 && !imported)
        return RFY_OK;
    ledger_fail(lg, errmsg,
                count == 0 ? "--run %s: no such run in the ledger (rfy ledger runs lists them)"
                : imported ? "--run %s: an import has no output of its own"
                           : "--run %s: more than one run has an id that starts so: give more digits",
                ref);
    return RFY_EINPUT;
}

int rfy_ledger_export(rfy_ledger *lg, const char *ref, FILE *out, char **errmsg)
{
    sqlite3_stmt *s = NULL;
    long long run = 0;
    int rc, step;
    if ((rc = find_run(lg, ref, &run, errmsg)) != RFY_OK)
        return rc;
    /* The header, then the rows in the order the run wrote them. */
    /* ids first_entry..last_entry, in id order: the order the run put them */
    if (sqlite3_prepare_v2(lg->db,
                           "SELECT output_header, 0 FROM run WHERE id = ?1 UNION ALL"
                           " SELECT c.output_row, c.id FROM casemonth c, run r WHERE r.id = ?1"
                           " AND c.id BETWEEN r.first_entry AND r.last_entry AND c.run = ?1"
                           " ORDER BY 2",
                           -1, &s, NULL) != SQLITE_OK)
        return ledger_fail(lg, errmsg, "ledger: %s", sqlite3_errmsg(lg->db));
    sqlite3_bind_int64(s, 1, run);
    rc = RFY_OK;
    while (rc == RFY_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        const void *b = sqlite3_column_blob(s, 0);
        size_t n = (size_t)sqlite3_column_bytes(s, 0);
        if (n && fwrite(b, 1, n, out) != n)
            rc = ledger_fail(lg, errmsg, "cannot write the export");
    }
    if (rc == RFY_OK && step != SQLITE_DONE)
        rc = ledger_fail(lg, errmsg, "ledger: %s", sqlite3_errmsg(lg->db));
    sqlite3_finalize(s);
    return rc;
}
