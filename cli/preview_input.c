/* Preview of a case-month from the period rows in a file (preview_input.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/batch.h>
#include "cli.h"
#include "preview_input.h"

typedef struct finder {
    const preview_input *p;
    const rfy_rates *rates;
    rfy_month month;
    const rfy_case_binding *binding;
    unsigned long found, rejected;
    int write_failed;
} finder;

static int same_case(const finder *f, const char *id, size_t len)
{
    return len == strlen(f->p->case_id) && memcmp(id, f->p->case_id, len) == 0;
}

static int on_header(void *user, const rfy_case_binding *b, char *msg, size_t msgsize)
{
    finder *f = user;
    (void)msg;
    (void)msgsize;
    f->binding = b;
    return RFY_OK;
}

static int on_row(void *user, const rfy_batch_row *row, rfy_error *err)
{
    finder *f = user;
    const rfy_case *rows[64];
    unsigned long lines[64];
    size_t n = 0;
    (void)err;
    if (!same_case(f, row->case_id, row->case_id_len) || rfy_case_month(row->in) != f->month)
        return RFY_OK;
    for (size_t i = 0; i < row->nrows && n < 64; i++) {
        rows[n] = rfy_batch_row_case(row, i);
        lines[n++] = rfy_batch_row_line(row, i);
    }
    f->found++;
    /* the engine's explanation (rfy/explain.h), each row with its input line */
    rfy_explain_options opts = {f->p->case_id, lines, cli_lang, 0, cli_hints};
    char *text = f->p->json ? rfy_explain_json(row->res, rows, n, f->rates, &opts)
                            : rfy_explain_text(row->res, rows, n, f->rates, &opts);
    if (!text || fputs(text, stdout) == EOF || (f->p->json && fputc('\n', stdout) == EOF))
        f->write_failed = 1;
    free(text);
    return RFY_OK;
}

static int on_reject(void *user, const rfy_batch_reject *rej)
{
    finder *f = user;
    size_t len;
    const char *id, *m;
    rfy_month month;
    const char *why;
    if (!f->binding)
        return RFY_OK;
    id = rfy_batch_binding_cell(f->binding, rej->rec, "case_id", &len);
    if (!same_case(f, id, len))
        return RFY_OK;
    m = rfy_batch_binding_cell(f->binding, rej->rec, "month", &len);
    if (rfy_month_parse(&month, m, len, &why) != RFY_OK || month != f->month)
        return RFY_OK;
    f->rejected++;
    {
        /* every fault of the row, in cli_lang (rfy_error_text) */
        char columns[256], reasons[2048];
        const char *column = rej->column, *reason = rej->reason;
        if (rej->err && rej->err->nfaults > 0) {
            rfy_error_columns(columns, sizeof columns, rej->err);
            rfy_error_text_hinted(reasons, sizeof reasons, rej->err, cli_lang, cli_hints);
            column = columns;
            reason = reasons;
        }
        cli_say("preview", RFY_MSG_LINE_REJECT, rej->line, column, column[0] ? ": " : "", reason);
    }
    return RFY_OK;
}

int preview_from_input(const preview_input *p, const rfy_rates *rates)
{
    finder f;
    rfy_batch_config cfg;
    rfy_batch_stats *st;
    FILE *in;
    char *msg = NULL;
    const char *why;
    int rc;

    memset(&f, 0, sizeof f);
    f.p = p;
    f.rates = rates;
    if (rfy_month_parse(&f.month, p->month, strlen(p->month), &why) != RFY_OK) {
        cli_say("preview", RFY_MSG_MONTH_BAD, p->month, rfy_reason_text(why, cli_lang));
        return RFY_EXIT_USAGE;
    }
    in = strcmp(p->path, "-") == 0 ? stdin : fopen(p->path, "rb");
    if (!in) {
        cli_say("preview", RFY_MSG_CANNOT_READ, p->path, cli_errno(errno));
        return RFY_EXIT_USAGE;
    }
    memset(&cfg, 0, sizeof cfg);
    cfg.rates = rates;
    cfg.delimiter = p->delimiter ? p->delimiter : ',';
    cfg.amount = p->decimal_comma ? &RFY_AMOUNT_COMMA : &RFY_AMOUNT_DOT;
    cfg.on_header = on_header;
    cfg.on_row = on_row;
    cfg.on_reject = on_reject;
    cfg.user = &f;
    if (!(st = rfy_batch_stats_new())) {
        if (in != stdin)
            fclose(in);
        cli_say("preview", RFY_MSG_OUT_OF_MEMORY);
        return RFY_EXIT_USAGE;
    }
    rc = rfy_batch_run_lang(st, &cfg, in, cli_lang, &msg);
    rfy_batch_stats_free(st);
    if (in != stdin)
        fclose(in);
    if (rc != RFY_OK) {
        char hinted[4096]; /* the engine's message with rfy's ways out */
        if (msg)
            rfy_hints_apply(hinted, sizeof hinted, msg, cli_hints);
        fprintf(stderr, "rfy preview: %s: %s\n", p->path, msg ? hinted : rfy_rc_text(rc, cli_lang));
        free(msg);
        return RFY_EXIT_USAGE;
    }
    free(msg);
    if (f.write_failed || fflush(stdout) != 0 || ferror(stdout)) {
        cli_say("preview", RFY_MSG_PREVIEW_CANNOT_WRITE);
        return RFY_EXIT_USAGE;
    }
    if (f.rejected) {
        cli_say("preview",
                f.rejected == 1 ? RFY_MSG_PREVIEW_NOT_COMPUTED_ONE : RFY_MSG_PREVIEW_NOT_COMPUTED_MANY,
                p->case_id, p->month, f.rejected);
        return RFY_EXIT_USAGE;
    }
    if (!f.found) {
        cli_say("preview", RFY_MSG_PREVIEW_NO_ROW, p->path, p->case_id, p->month);
        return RFY_EXIT_USAGE;
    }
    return RFY_EXIT_OK;
}
