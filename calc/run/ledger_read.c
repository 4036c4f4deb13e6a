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

/* What fn is handed: the open part first, so that the amounts' accessors
 * find the rest from the pointer fn was given. */
typedef struct run_info_full {
    rfy_ledger_run_info pub;
    mpz_t paid, efterbetaling, tilbagebetaling;
} run_info_full;

typedef struct entry_full {
    rfy_ledger_entry pub;
    mpz_t payment, previously_paid, correction, holiday_used_m;
} entry_full;

void rfy_ledger_run_amount(mpz_t out, const rfy_ledger_run_info *r, rfy_ledger_run_amount_id which)
{
    const run_info_full *f = (const run_info_full *)r;
    switch (which) {
    case RFY_LEDGER_RUN_PAID:
        mpz_set(out, f->paid);
        break;
    case RFY_LEDGER_RUN_EFTERBETALING:
        mpz_set(out, f->efterbetaling);
        break;
    case RFY_LEDGER_RUN_TILBAGEBETALING:
        mpz_set(out, f->tilbagebetaling);
        break;
    }
}

void rfy_ledger_entry_amount(mpz_t out, const rfy_ledger_entry *e, rfy_ledger_entry_amount_id which)
{
    const entry_full *f = (const entry_full *)e;
    switch (which) {
    case RFY_LEDGER_ENTRY_PAYMENT:
        mpz_set(out, f->payment);
        break;
    case RFY_LEDGER_ENTRY_PREVIOUSLY_PAID:
        mpz_set(out, f->previously_paid);
        break;
    case RFY_LEDGER_ENTRY_CORRECTION:
        mpz_set(out, f->correction);
        break;
    case RFY_LEDGER_ENTRY_HOLIDAY_USED_M:
        mpz_set(out, f->holiday_used_m);
        break;
    }
}

int rfy_ledger_runs(rfy_ledger *lg, int (*fn)(void *user, const rfy_ledger_run_info *r),
                    void *user)
{
    static const char SQL[] =
        "SELECT r.id, r.run_id, r.time, r.kind, r.corrections, r.input_name, r.input_sha256,"
        " r.output_name, r.output_sha256, r.options, r.rows, r.computed, r.rejected,"
        " r.total_paid, r.efterbetaling, r.tilbagebetaling,"
        /* its case-months: rows of casemonth and slots of packs (one written
         * out of its pack by a correction counts as a slot, from_pack) */
        " (SELECT count(*) FROM casemonth c WHERE c.id BETWEEN r.first_entry AND r.last_entry"
        "  AND c.run = r.id AND c.from_pack IS NULL)"
        " + (SELECT coalesce(sum(q.n), 0) FROM cmpack q"
        "  WHERE q.id BETWEEN r.first_entry AND r.last_entry AND q.run = r.id)"
        " FROM run r WHERE r.run_id IS NOT NULL ORDER BY r.id";
    sqlite3_stmt *s = NULL;
    run_info_full full;
    rfy_ledger_run_info *rp = &full.pub;
    int rc = RFY_OK, step = SQLITE_DONE;
    if (sqlite3_prepare_v2(lg->db, SQL, -1, &s, NULL) != SQLITE_OK)
        return ledger_fail_db(lg, NULL, lg->db);
    mpz_inits(full.paid, full.efterbetaling, full.tilbagebetaling, NULL);
    while (rc == RFY_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        rp->run = sqlite3_column_int64(s, 0);
        rp->run_id = text(s, 1);
        rp->time = text(s, 2);
        rp->kind = text(s, 3);
        rp->corrections = sqlite3_column_int(s, 4);
        rp->input_name = text(s, 5);
        rp->input_sha256 = text(s, 6);
        rp->output_name = text(s, 7);
        rp->output_sha256 = text(s, 8);
        rp->options = text(s, 9);
        rp->rows = (unsigned long)sqlite3_column_int64(s, 10);
        rp->computed = (unsigned long)sqlite3_column_int64(s, 11);
        rp->rejected = (unsigned long)sqlite3_column_int64(s, 12);
        mpz_set_si(full.paid, (long)sqlite3_column_int64(s, 13));
        mpz_set_si(full.efterbetaling, (long)sqlite3_column_int64(s, 14));
        mpz_set_si(full.tilbagebetaling, (long)sqlite3_column_int64(s, 15));
        rp->stored = (unsigned long)sqlite3_column_int64(s, 16);
        rc = fn(user, rp);
    }
    if (rc == RFY_OK && step != SQLITE_DONE)
        rc = ledger_fail_db(lg, NULL, lg->db);
    mpz_clears(full.paid, full.efterbetaling, full.tilbagebetaling, NULL);
    sqlite3_finalize(s);
    return rc;
}

int rfy_ledger_case(rfy_ledger *lg, const char *case_id,
                    int (*fn)(void *user, const rfy_ledger_entry *e), void *user, int *found)
{
    static const char SQL[] =
        "SELECT c.month, c.run, r.run_id, r.time, r.kind, c.superseded_by IS NULL, c.origin,"
        " c.payment, c.previously_paid, c.correction, c.holiday_known,"
        " c.holiday_run_months, c.holiday_used_m, c.input_rows, c.output_row"
        " FROM " LEDGER_ENTRY_SQL " c JOIN run r ON r.id = c.run"
        " WHERE c.case_id = ?1 ORDER BY c.month, c.id";
    sqlite3_stmt *s = NULL;
    entry_full full;
    rfy_ledger_entry *ep = &full.pub;
    int rc = RFY_OK, step = SQLITE_DONE;
    *found = 0;
    if (sqlite3_prepare_v2(lg->db, SQL, -1, &s, NULL) != SQLITE_OK)
        return ledger_fail_db(lg, NULL, lg->db);
    sqlite3_bind_text(s, 1, case_id, -1, SQLITE_STATIC);
    mpz_inits(full.payment, full.previously_paid, full.correction, full.holiday_used_m, NULL);
    while (rc == RFY_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        *found = 1;
        ep->month = sqlite3_column_int(s, 0);
        ep->run = sqlite3_column_int64(s, 1);
        ep->run_id = text(s, 2);
        ep->run_time = text(s, 3);
        ep->kind = text(s, 4);
        ep->current = sqlite3_column_int(s, 5);
        ep->in_file = sqlite3_column_int(s, 6) == 0;
        mpz_set_si(full.payment, (long)sqlite3_column_int64(s, 7));
        ep->corrected = sqlite3_column_type(s, 8) != SQLITE_NULL;
        mpz_set_si(full.previously_paid, (long)sqlite3_column_int64(s, 8));
        mpz_set_si(full.correction, (long)sqlite3_column_int64(s, 9));
        ep->holiday_known = sqlite3_column_int(s, 10);
        ep->holiday_run_months = (long)sqlite3_column_int64(s, 11);
        mpz_set_si(full.holiday_used_m, (long)sqlite3_column_int64(s, 12));
        ep->input_rows = text(s, 13);
        ep->output_row = text(s, 14);
        rc = fn(user, ep);
    }
    if (rc == RFY_OK && step != SQLITE_DONE)
        rc = ledger_fail_db(lg, NULL, lg->db);
    mpz_clears(full.payment, full.previously_paid, full.correction, full.holiday_used_m, NULL);
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
        ledger_fail(lg, errmsg, LM_RUN_REF, ref);
        return RFY_EINPUT;
    }
    if (sqlite3_prepare_v2(lg->db,
                           digits == n ? "SELECT id, kind FROM run WHERE id = ?1 AND run_id IS NOT NULL"
                                       : "SELECT id, kind FROM run WHERE substr(run_id, 1, ?2) = ?1",
                           -1, &s, NULL) != SQLITE_OK)
        return ledger_fail_db(lg, errmsg, lg->db);
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
        return ledger_fail_db(lg, errmsg, lg->db);
    if (count == 1 && !imported)
        return RFY_OK;
    ledger_fail(lg, errmsg, count == 0 ? LM_RUN_NONE : imported ? LM_RUN_IMPORT : LM_RUN_AMBIGUOUS,
                ref);
    return RFY_EINPUT;
}

/* The export's slots 0..63 (below) cover every pack. */
_Static_assert(LEDGER_BATCH <= 64, "export reads at most 64 slots a pack");

int rfy_ledger_export(rfy_ledger *lg, const char *ref, FILE *out, char **errmsg)
{
    sqlite3_stmt *s = NULL;
    long long run = 0;
    int rc, step;
    if ((rc = find_run(lg, ref, &run, errmsg)) != RFY_OK)
        return rc;
    /* The header, then the rows in the order the run wrote them: entry ids
     * first_entry..last_entry, in id order, the order the run put them.
     * Its rows of casemonth (not those a correction wrote out of a pack:
     * from_pack), and every slot of its packs (slot: 0..63, more than a
     * pack holds), as the run wrote them. */
    if (sqlite3_prepare_v2(lg->db,
                           "WITH RECURSIVE slot(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM slot"
                           " WHERE i < 63)"
                           " SELECT output_header, 0 FROM run WHERE id = ?1 UNION ALL"
                           " SELECT CASE WHEN c.pack IS NULL THEN c.output_row"
                           " ELSE rfy_pack_text(p.id, p.rows, p.size, c.seq - p.first_seq, 1) END,"
                           " c.id FROM run r"
                           " JOIN casemonth c ON c.id BETWEEN r.first_entry AND r.last_entry"
                           " LEFT JOIN rowpack p ON p.id = c.pack"
                           " WHERE r.id = ?1 AND c.run = ?1 AND c.from_pack IS NULL UNION ALL"
                           " SELECT rfy_pack_field(q.id, q.rows, q.size, slot.i, 1), q.id + slot.i"
                           " FROM run r JOIN cmpack q ON q.id BETWEEN r.first_entry AND r.last_entry"
                           " JOIN slot ON slot.i < q.n WHERE r.id = ?1 AND q.run = ?1"
                           " ORDER BY 2",
                           -1, &s, NULL) != SQLITE_OK)
        return ledger_fail_db(lg, errmsg, lg->db);
    sqlite3_bind_int64(s, 1, run);
    rc = RFY_OK;
    while (rc == RFY_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
        const void *b = sqlite3_column_blob(s, 0);
        size_t n = (size_t)sqlite3_column_bytes(s, 0);
        if (n && fwrite(b, 1, n, out) != n)
            rc = ledger_fail(lg, errmsg, LM_EXPORT_WRITE);
    }
    if (rc == RFY_OK && step != SQLITE_DONE)
        rc = ledger_fail_db(lg, errmsg, lg->db);
    sqlite3_finalize(s);
    return rc;
}
