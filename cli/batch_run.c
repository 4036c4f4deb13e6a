/* The streaming row loop shared by batch and audit.  See batch_run.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_run.h"

/* State of one run, shared with the CSV reader's callback. */
typedef struct run {
    const batch_config *cfg;
    batch_stats *stats;
    case_binding binding;
    int have_header;
    rfy_case in;          /* reused for every row: no per-row allocation */
    rfy_result res;       /* idem */
    rfy_error err;
    char id[CASE_ID_DISPLAY_SIZE];
    int stop_rc;          /* why the callback stopped the reader */
    char *errmsg;         /* message for stop_rc, malloc'ed */
} run;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static char *message(char **out, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    free(*out);
    *out = malloc((size_t)n + 1);
    if (*out) {
        va_start(ap, fmt);
        vsnprintf(*out, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return *out;
}

static int header(run *r, const rfy_csv_record *rec)
{
    char msg[300];
    if (case_binding_bind(&r->binding, rec, r->cfg->extra_columns, r->cfg->nextra, msg,
                          sizeof msg) != RFY_OK ||
        (r->cfg->on_header &&
         r->cfg->on_header(r->cfg->user, &r->binding, msg, sizeof msg) != RFY_OK)) {
        message(&r->errmsg, "line %lu: %s", rec->line, msg);
        r->stop_rc = RFY_ECSV;
        return 1;
    }
    r->have_header = 1;
    return 0;
}

/* Hand a row that failed to the on_reject hook. */
static int rejected(run *r, const rfy_csv_record *rec, const rfy_error *err)
{
    batch_reject rej;
    size_t len;
    const char *id = case_input_cell(&r->binding, rec, CASE_COL_CASE_ID, &len);
    rej.line = rec->line;
    rej.number = r->stats->rows;
    rej.rec = rec;
    rej.case_id_len = case_input_display_id(r->id, sizeof r->id, id, len);
    rej.case_id = r->id;
    rej.column = err->column ? err->column : "";
    rej.reason = err->reason;
    r->stats->rejected++;
    return r->cfg->on_reject ? r->cfg->on_reject(r->cfg->user, &rej) : RFY_OK;
}

static int on_record(void *user, const rfy_csv_record *rec)
{
    run *r = user;
    const batch_config *cfg = r->cfg;
    int rc;

    if (!r->have_header)
        return header(r, rec);
    r->stats->rows++;
    rfy_case_reset(&r->in);
    rc = case_input_parse(&r->in, &r->binding, rec, cfg->amount, &r->err);
    if (rc == RFY_OK) {
        rc = rfy_compute(&r->res, cfg->rates, &r->in, &r->err);
        /* Bad input, a month outside the law's coverage and a missing rate
         * are faults of the row; anything else (memory) stops the run. */
        if (rc != RFY_OK && rc != RFY_EINPUT && rc != RFY_ECOVERAGE && rc != RFY_ENORATE) {
            message(&r->errmsg, "line %lu: %s", rec->line, rfy_rc_name(rc));
            r->stop_rc = rc;
            return 1;
        }
        if (rc != RFY_OK && r->err.reason[0] == '\0')
            snprintf(r->err.reason, sizeof r->err.reason, "%s", rfy_rc_name(rc));
    }
    if (rc == RFY_OK && cfg->on_row) {
        batch_row row;
        row.line = rec->line;
        row.number = r->stats->rows;
        row.rec = rec;
        row.binding = &r->binding;
        row.case_id = case_input_cell(&r->binding, rec, CASE_COL_CASE_ID, &row.case_id_len);
        row.in = &r->in;
        row.res = &r->res;
        r->err.column = "";
        r->err.reason[0] = '\0';
        rc = cfg->on_row(cfg->user, &row, &r->err);
        if (rc != RFY_OK && rc != RFY_EINPUT) {
            r->stop_rc = rc;
            return 1;
        }
    }
    if (rc == RFY_OK)
        r->stats->computed++;
    else if ((rc = rejected(r, rec, &r->err)) != RFY_OK) {
        r->stop_rc = rc;
        return 1;
    }
    if (cfg->progress_every && cfg->on_progress && r->stats->rows % cfg->progress_every == 0)
        cfg->on_progress(cfg->user, r->stats->rows);
    return 0;
}

int batch_run(batch_stats *stats, const batch_config *cfg, FILE *in, char **errmsg)
{
    run r;
    int rc;

    memset(stats, 0, sizeof *stats);
    memset(&r, 0, sizeof r);
    *errmsg = NULL;
    r.cfg = cfg;
    r.stats = stats;
    rfy_case_init(&r.in);
    rfy_result_init(&r.res);

    rc = rfy_csv_read_stream_tap(in, cfg->delimiter, on_record, &r, cfg->tap, cfg->tap_user, errmsg);
    if (rc == RFY_ESTOP) {
        /* Our callback stopped the reader: report its reason instead. */
        free(*errmsg);
        *errmsg = r.errmsg;
        r.errmsg = NULL;
        rc = r.stop_rc;
        goto cleanup;
    }
    if (rc != RFY_OK) {
        if (!*errmsg)
            message(errmsg, "%s", rfy_rc_name(rc));
        goto cleanup;
    }
    if (!r.have_header) {
        message(errmsg, "the input is empty: expected a header row with at least case_id, "
                        "month and category");
        rc = RFY_ECSV;
        goto cleanup;
    }
    if (stats->rows != stats->computed + stats->rejected) {
        message(errmsg, "internal error: %lu rows read but %lu computed and %lu rejected",
                stats->rows, stats->computed, stats->rejected);
        rc = RFY_ESTOP;
        goto cleanup;
    }
cleanup:
    free(r.errmsg);
    rfy_result_clear(&r.res);
    rfy_case_clear(&r.in);
    return rc;
}
