/*
 * `rfy ledger import` (rfy/ledger.h): earlier outputs of rfy batch taken
 * as history, for a kommune that starts with months already paid.  What an
 * output row says is what the ledger needs to go on: the case-month was paid
 * (payment) and the holiday state after it.  One transaction: a fault
 * anywhere stores nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger_internal.h"
#include <rfy/csv.h>
#include <rfy/money.h>
#include <rfy/status.h>

/* The columns import reads (interface.md "Batch output"). */
enum { IC_CASE_ID, IC_MONTH, IC_PAYMENT, IC_RUN, IC_USED, IC_COUNT };
static const char *const IMPORT_COLUMN[IC_COUNT] = {"case_id", "month", "payment",
                                                     "holiday_run_months", "holiday_used_days"};

/* Day counts as rfy writes them: at most three decimals (rfy_holiday_days_format). */
static const rfy_decimal_syntax DAYS = {3, '.', 0};

typedef struct import_ctx {
    rfy_ledger *lg;
    int col[IC_COUNT];
    int have_header;
    unsigned long stored;
    char *errmsg;
    mpz_t payment, used;
} import_ctx;

/* Message `id` about line rec->line and the text `a` its format takes
 * (NULL for one that takes none: printf ignores an argument left over);
 * returns 1 (stop reading). */
static int import_fail(import_ctx *c, const rfy_csv_record *rec, ledger_message id, const char *a)
{
    ledger_fail(c->lg, &c->errmsg, id, rec->line, a ? a : "");
    return 1;
}

static int import_row(void *user, const rfy_csv_record *rec)
{
    import_ctx *c = user;
    rfy_ledger *lg = c->lg;
    rfy_ledger_stored prev;
    const char *why = NULL;
    rfy_month month;
    char out[8192];
    size_t n = 0;
    long run = 0;
    int known, rc;

    if (!c->have_header) {
        for (int k = 0; k < IC_COUNT; k++) {
            c->col[k] = -1;
            for (size_t i = 0; i < rec->nfields && i < RFY_CSV_MAX_FIELDS; i++)
                if (strcmp(rec->field[i], IMPORT_COLUMN[k]) == 0)
                    c->col[k] = (int)i;
            if (c->col[k] < 0)
                return import_fail(c, rec, LM_IMPORT_NO_COLUMN, IMPORT_COLUMN[k]);
        }
        c->have_header = 1;
        return 0;
    }
#define CELL(k) rec->field[c->col[k]], rec->len[c->col[k]]
    for (int k = 0; k < IC_COUNT; k++)
        if ((size_t)c->col[k] >= rec->nfields)
            return import_fail(c, rec, LM_IMPORT_FEW_CELLS, IMPORT_COLUMN[k]);
    if (rfy_month_parse(&month, CELL(IC_MONTH), &why) != RFY_OK)
        return import_fail(c, rec, LM_IMPORT_MONTH, why);
    if (rfy_amount_parse(c->payment, CELL(IC_PAYMENT), &RFY_AMOUNT_DOT, &why) != RFY_OK)
        return import_fail(c, rec, LM_IMPORT_PAYMENT, why);
    known = rec->len[c->col[IC_RUN]] > 0;
    if (known) {
        char *end;
        run = strtol(rec->field[c->col[IC_RUN]], &end, 10);
        if (*end || run < 1 || run > RFY_MAX_HOLIDAY_RUN_MONTHS)
            return import_fail(c, rec, LM_IMPORT_RUN_MONTHS, rec->field[c->col[IC_RUN]]);
        if (rfy_decimal_parse(c->used, CELL(IC_USED), &DAYS, &why) != RFY_OK)
            return import_fail(c, rec, LM_IMPORT_USED_DAYS, why);
    }
    if (rec->len[c->col[IC_CASE_ID]] == 0)
        return import_fail(c, rec, LM_IMPORT_CASE_EMPTY, NULL);
    /* the row as rfy wrote it (its cells joined again) */
    for (size_t i = 0; i < rec->nfields && i < RFY_CSV_MAX_FIELDS; i++) {
        int k;
        if (n + 2 * rec->len[i] + 4 > sizeof out)
            return import_fail(c, rec, LM_IMPORT_TOO_LONG, NULL);
        if (i)
            out[n++] = ',';
        k = rfy_csv_format_field(out + n, sizeof out - n, rec->field[i], rec->len[i], ',', 0);
        n += (size_t)(k < 0 ? 0 : k);
    }
    out[n++] = '\n';
    rfy__ledger_stored_init(&prev);
    rc = rfy_ledger_lookup(lg, CELL(IC_CASE_ID), month, &prev);
    if (rc == RFY_OK && prev.stored) {
        char m[8];
        rfy_month_format(m, month);
        ledger_fail(lg, &c->errmsg, LM_IMPORT_ALREADY, rec->line, m, rec->field[c->col[IC_CASE_ID]],
                    prev.run, prev.run_time);
        rfy__ledger_stored_clear(&prev);
        return 1;
    }
    rfy__ledger_stored_clear(&prev);
    if (rc != RFY_OK)
        return import_fail(c, rec, LM_IMPORT_DETAIL, lg->msg);
    {
        sqlite3_stmt *s = lg->st[LS_INSERT];
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        sqlite3_bind_text(s, 1, rec->field[c->col[IC_CASE_ID]], (int)rec->len[c->col[IC_CASE_ID]],
                          SQLITE_STATIC);
        sqlite3_bind_int(s, 2, month);
        sqlite3_bind_int64(s, 3, lg->run);
        sqlite3_bind_int64(s, 4, ++lg->seq);
        sqlite3_bind_text(s, 5, "", 0, SQLITE_STATIC);
        sqlite3_bind_int(s, 6, 0);
        sqlite3_bind_text(s, 7, "", 0, SQLITE_STATIC);
        sqlite3_bind_text(s, 8, out, (int)n, SQLITE_STATIC);
        sqlite3_bind_int64(s, 9, mpz_get_si(c->payment));
        sqlite3_bind_int(s, 12, known);
        sqlite3_bind_int64(s, 13, known ? run : 0);
        sqlite3_bind_int64(s, 14, known ? mpz_get_si(c->used) : 0);
        sqlite3_bind_int(s, 15, 2);
        sqlite3_bind_int64(s, 17, lg->next_id);
        rc = sqlite3_step(s);
        if (rc == SQLITE_DONE)
            ledger_note_entry(lg, lg->next_id++);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            return import_fail(c, rec, LM_IMPORT_DETAIL, sqlite3_errmsg(lg->db));
    }
#undef CELL
    c->stored++;
    return 0;
}

int rfy_ledger_import(rfy_ledger *lg, FILE *in, const char *name, unsigned long *stored,
                      char **errmsg)
{
    import_ctx c;
    rfy_ledger_run run;
    char *msg = NULL;
    int rc;

    memset(&c, 0, sizeof c);
    c.lg = lg;
    *stored = 0;
    if ((rc = rfy_ledger_begin(lg, 0, "", NULL, errmsg)) != RFY_OK)
        return rc;
    lg->kind = "import"; /* run.kind, written at commit */
    mpz_inits(c.payment, c.used, NULL);
    rc = rfy_csv_read_stream_lang(in, ',', import_row, &c, NULL, NULL, lg->lang, &msg);
    if (rc == RFY_ESTOP) {
        *errmsg = c.errmsg;
        c.errmsg = NULL;
        rc = RFY_EINPUT;
    } else if (rc != RFY_OK) {
        *errmsg = msg;
        msg = NULL;
    } else if (!c.have_header) {
        ledger_fail(lg, errmsg, LM_IMPORT_EMPTY, name);
        rc = RFY_EINPUT;
    }
    if (rc == RFY_OK) {
        memset(&run, 0, sizeof run);
        run.input_name = name;
        run.computed = c.stored;
        run.rows = c.stored;
        rc = rfy_ledger_commit(lg, &run, NULL, errmsg);
    } else
        rfy_ledger_rollback(lg);
    if (rc == RFY_OK)
        *stored = c.stored;
    free(msg);
    free(c.errmsg);
    mpz_clears(c.payment, c.used, NULL);
    return rc;
}
