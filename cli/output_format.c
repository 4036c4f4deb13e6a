/* Output formats: adapters from rfy's CSV lines to Excel CSV and xlsx
 * (output_format.h).  The adapter streams come from fopencookie(). */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output_format.h"
#include <rfy/rfy.h>
#include "run_summary.h"
#include "xlsx_book.h"

/* The words of the workbook a person reads (sheet names, summary labels):
 * Danish, English with --lang en (cli_lang).  Column names stay as in the CSV. */
typedef struct xlsx_word {
    const char *da, *en;
} xlsx_word;
#define WORD(w) (cli_lang == RFY_LANG_EN ? (w).en : (w).da)
static const xlsx_word SHEET_RESULTS = {"resultater", "results"};
static const xlsx_word SHEET_REJECTS = {"afviste", "rejects"};
static const xlsx_word SHEET_SUMMARY = {"resumé", "summary"};
static const xlsx_word L_ROWS = {"rækker læst", "rows read"};
static const xlsx_word L_COMPUTED = {"beregnet", "computed"};
static const xlsx_word L_CASEMONTHS = {"sagsmåneder", "case-months"};
static const xlsx_word L_REJECTED = {"afvist", "rejected"};
static const xlsx_word L_GROSS = {"brutto", "gross"};
static const xlsx_word L_APPLIED = {"anvendte fradrag", "deductions applied"};
static const xlsx_word L_PAID = {"udbetalt (brutto - anvendte fradrag)", "paid (gross - deductions applied)"};
static const xlsx_word L_BEYOND = {"fradrag ud over ydelsen", "deductions beyond the benefit"};
static const xlsx_word L_TOTAL = {"total_deduction (kolonnens sum)", "total_deduction (column sum)"};
static const xlsx_word L_PAID_ZERO = {"sagsmåneder udbetalt 0", "case-months paid 0"};
static const xlsx_word L_DERIVED = {"sagsmåneder på en afledt sats", "case-months on a derived rate"};
static const xlsx_word L_BY_REASON = {"afviste efter årsag", "rejects by reason"};
static const xlsx_word L_COUNT = {"antal", "count"};
static const xlsx_word L_COLUMN = {"kolonne", "column"};
static const xlsx_word L_REASON = {"årsag", "reason"};
static const xlsx_word L_OTHER = {"andre årsager", "other reasons"};

/* Columns whose cells are amounts in kr. (two decimals), and whole numbers. */
static const char *const AMOUNT_COLUMNS[] = {
    "gross", "wage_deduction", "holiday_deduction", "activation_deduction", "other_deduction",
    "total_deduction", "payment", "sanction_deduction", "paid", "difference"};
static const char *const WHOLE_COLUMNS[] = {
    "days", "days_in_month", "holiday_run_months", "line"};
/* Day counts of the holiday ledger: two decimals, three where the exact count needs them. */
static const char *const DAY_COLUMNS[] = {
    "holiday_used_days", "holiday_days_left", "holiday_excess_days"};

typedef struct line_stream {
    struct output_adapter *a;
    FILE **slot;      /* the caller's stream pointer */
    FILE *orig;       /* what it pointed to */
    FILE *fp;         /* the adapter stream put there */
    char *buf;        /* the line being assembled */
    size_t len, cap;
    int rejects;      /* the rejects stream */
    int header_seen;
    int in_summary;   /* after the empty line of audit's summary block */
    unsigned long row;
    unsigned char kind[RFY_CSV_MAX_FIELDS]; /* per column: 0 text, 1 amount, 2 whole, 3 days */
} line_stream;

struct output_adapter {
    output_format fmt;
    line_stream out, rej;
    int have_rej;
    xlsx_book *book;
    xlsx_sheet *results, *rejects, *summary;
    unsigned long summary_row;
};

int output_format_from_name(output_format *out, const char *name)
{
    if (strcmp(name, "csv") == 0)
        *out = OUTPUT_CSV;
    else if (strcmp(name, "excel") == 0)
        *out = OUTPUT_EXCEL;
    else if (strcmp(name, "xlsx") == 0)
        *out = OUTPUT_XLSX;
    else
        return -1;
    return 0;
}

const char *output_format_name(output_format f)
{
    return f == OUTPUT_EXCEL ? "excel" : f == OUTPUT_XLSX ? "xlsx" : "csv";
}

/* ---- One line ------------------------------------------------------------------ */

typedef struct fields {
    size_t n;
    const char *s[RFY_CSV_MAX_FIELDS];
    size_t len[RFY_CSV_MAX_FIELDS];
    char *copy; /* the record's texts live in the reader's buffer: copied here */
} fields;

static int take_record(void *user, const rfy_csv_record *rec)
{
    fields *f = user;
    size_t i, total = 0, at = 0;
    f->n = rec->nfields < RFY_CSV_MAX_FIELDS ? rec->nfields : RFY_CSV_MAX_FIELDS;
    for (i = 0; i < f->n; i++)
        total += rec->len[i] + 1;
    if (!(f->copy = malloc(total + 1)))
        return 1;
    for (i = 0; i < f->n; i++) {
        memcpy(f->copy + at, rec->field[i], rec->len[i]);
        f->copy[at + rec->len[i]] = '\0';
        f->s[i] = f->copy + at;
        f->len[i] = rec->len[i];
        at += rec->len[i] + 1;
    }
    return 1; /* one record per line */
}

/* "-12.50", "0.00": an amount as rfy writes it. */
static int amount_text(const char *s, size_t len)
{
    size_t i = s[0] == '-', digits = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    return digits > 0 && len - i == 3 && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9' &&
           s[i + 2] >= '0' && s[i + 2] <= '9';
}

static int digits_only(const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return len > 0;
}

/* A day count as rfy writes it: digits, '.', two or three digits. */
static int days_text(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || i == len || s[i] != '.' || (len - i - 1 != 2 && len - i - 1 != 3))
        return 0;
    return digits_only(s + i + 1, len - i - 1);
}

static void learn_header(line_stream *ls, const fields *f)
{
    size_t i, k;
    for (i = 0; i < f->n; i++) {
        ls->kind[i] = 0;
        for (k = 0; k < sizeof AMOUNT_COLUMNS / sizeof AMOUNT_COLUMNS[0]; k++)
            if (strcmp(f->s[i], AMOUNT_COLUMNS[k]) == 0)
                ls->kind[i] = 1;
        for (k = 0; k < sizeof WHOLE_COLUMNS / sizeof WHOLE_COLUMNS[0]; k++)
            if (strcmp(f->s[i], WHOLE_COLUMNS[k]) == 0)
                ls->kind[i] = 2;
        for (k = 0; k < sizeof DAY_COLUMNS / sizeof DAY_COLUMNS[0]; k++)
            if (strcmp(f->s[i], DAY_COLUMNS[k]) == 0)
                ls->kind[i] = 3;
    }
    ls->header_seen = 1;
}

/* The kind of field i of a line: by column for data rows; audit's summary
 * block ("# name,value") by the look of the value. */
static int kind_of(const line_stream *ls, const fields *f, size_t i)
{
    if (ls->in_summary)
        return i == 0 ? 0 : amount_text(f->s[i], f->len[i]) ? 1 : digits_only(f->s[i], f->len[i]) ? 2 : 0;
    return ls->kind[i] == 1 && amount_text(f->s[i], f->len[i]) ? 1
           : ls->kind[i] == 2 && digits_only(f->s[i], f->len[i]) ? 2
           : ls->kind[i] == 3 && days_text(f->s[i], f->len[i]) ? 3 : 0;
}

/* Excel CSV: ';', decimal comma in amounts, CRLF; the mark before the first line. */
static int excel_line(line_stream *ls, const fields *f)
{
    size_t i, k;
    char cell[2 * 1024 + 3], amount[64];
    if (ls->row == 0 && fputs("\xEF\xBB\xBF", ls->orig) == EOF)
        return -1;
    for (i = 0; i < f->n; i++) {
        const char *s = f->s[i];
        size_t len = f->len[i];
        int n;
        int kind = kind_of(ls, f, i);
        if ((kind == 1 || kind == 3) && len < sizeof amount) {
            for (k = 0; k < len; k++)
                amount[k] = s[k] == '.' ? ',' : s[k];
            s = amount;
        }
        if ((n = rfy_csv_format_field(cell, sizeof cell, s, len, ';', 0)) < 0)
            return -1;
        if ((i && putc(';', ls->orig) == EOF) || fwrite(cell, 1, (size_t)n, ls->orig) != (size_t)n)
            return -1;
    }
    return fputs("\r\n", ls->orig) == EOF ? -1 : 0;
}

/* One cell of a sheet, by kind. */
static int put(xlsx_sheet *s, unsigned long row, unsigned col, const char *text, int kind, int bold)
{
    return kind == 1 ? xlsx_put_amount(s, row, col, text)
           : kind == 2 ? xlsx_put_whole(s, row, col, text)
           : kind == 3 ? xlsx_put_decimal(s, row, col, text)
                       : xlsx_put_text(s, row, col, text, bold);
}

static int xlsx_line(line_stream *ls, fields *f)
{
    output_adapter *a = ls->a;
    xlsx_sheet *sheet = ls->rejects ? a->rejects : a->results;
    unsigned long *row = &ls->row;
    size_t i;
    if (ls->in_summary) { /* audit: "# name,value" */
        sheet = a->summary;
        row = &a->summary_row;
        if (f->n >= 1 && f->len[0] >= 2 && memcmp(f->s[0], "# ", 2) == 0)
            f->s[0] += 2;
    }
    for (i = 0; i < f->n; i++)
        if (put(sheet, *row, (unsigned)i, f->s[i], ls->header_seen ? kind_of(ls, f, i) : 0,
                !ls->header_seen && !ls->in_summary) != 0)
            return -1;
    (*row)++;
    return 0;
}

/* A whole line (without its '\n') of the CSV rfy wrote. */
static int on_line(line_stream *ls)
{
    fields f;
    char *err = NULL;
    int rc;
    memset(&f, 0, sizeof f);
    if (ls->len == 0) { /* audit: the empty line before the summary block */
        ls->in_summary = 1;
        if (ls->a->fmt == OUTPUT_EXCEL)
            return fputs("\r\n", ls->orig) == EOF ? -1 : 0;
        return 0;
    }
    /* xlsx: the rejects CSV file is written as well, as it is */
    if (ls->rejects && ls->a->fmt == OUTPUT_XLSX &&
        (fwrite(ls->buf, 1, ls->len, ls->orig) != ls->len || putc('\n', ls->orig) == EOF))
        return -1;
    if (!memchr(ls->buf, '"', ls->len)) { /* the usual line: no quoting, split at ',' */
        char *p = ls->buf, *end = ls->buf + ls->len;
        while (f.n < RFY_CSV_MAX_FIELDS) {
            char *comma = memchr(p, ',', (size_t)(end - p));
            f.s[f.n] = p;
            f.len[f.n++] = (size_t)((comma ? comma : end) - p);
            if (!comma)
                break;
            *comma = '\0';
            p = comma + 1;
        }
        ls->buf[ls->len] = '\0'; /* the buffer always has room for it (stream_write) */
    } else if (rfy_csv_read_buffer(ls->buf, ls->len, ',', take_record, &f, &err) != RFY_ESTOP ||
               !f.copy) {
        free(err);
        free(f.copy);
        errno = EINVAL;
        return -1;
    }
    rc = ls->a->fmt == OUTPUT_EXCEL ? excel_line(ls, &f) : xlsx_line(ls, &f);
    if (!ls->header_seen)
        learn_header(ls, &f);
    if (ls->a->fmt == OUTPUT_EXCEL)
        ls->row++;
    free(f.copy);
    return rc;
}

static ssize_t stream_write(void *cookie, const char *buf, size_t n)
{
    line_stream *ls = cookie;
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(buf + i, '\n', n - i);
        size_t piece = nl ? (size_t)(nl - (buf + i)) : n - i;
        if (ls->len + piece + 1 > ls->cap) {
            size_t cap = ls->cap ? ls->cap : 4096;
            char *p;
            while (cap < ls->len + piece + 1)
                cap *= 2;
            if (!(p = realloc(ls->buf, cap))) {
                errno = ENOMEM;
                return 0;
            }
            ls->buf = p;
            ls->cap = cap;
        }
        memcpy(ls->buf + ls->len, buf + i, piece);
        ls->len += piece;
        i += piece;
        if (nl) {
            i++;
            if (on_line(ls) != 0) {
                if (!errno)
                    errno = EIO;
                return 0; /* fopencookie: 0 reports an error */
            }
            ls->len = 0;
        }
    }
    return (ssize_t)n;
}

static int stream_close(void *cookie)
{
    (void)cookie;
    return 0;
}

static int stream_start(line_stream *ls, output_adapter *a, FILE **slot, int rejects)
{
    static const cookie_io_functions_t io = {NULL, stream_write, NULL, stream_close};
    ls->a = a;
    ls->slot = slot;
    ls->orig = *slot;
    ls->rejects = rejects;
    if (!(ls->fp = fopencookie(ls, "w", io)))
        return -1;
    *slot = ls->fp;
    return 0;
}

/* Close the adapter stream (flushing it) and give the original back.
 * Returns 0, or -1 when the last lines could not be handled. */
static int stream_end(line_stream *ls)
{
    int rc = 0;
    if (ls->fp) {
        rc = fclose(ls->fp) == 0 && ls->len == 0 ? 0 : -1;
        ls->fp = NULL;
        *ls->slot = ls->orig;
    }
    free(ls->buf);
    ls->buf = NULL;
    return rc;
}

/* ---- The adapter ------------------------------------------------------------------ */

int output_adapter_open(output_adapter **ap, output_format fmt, FILE **out_fp, FILE **rej_fp,
                        const char *xlsx_path, char **errmsg)
{
    output_adapter *a;
    *ap = NULL;
    *errmsg = NULL;
    if (fmt == OUTPUT_CSV)
        return 0;
    if (!(a = calloc(1, sizeof *a)))
        goto nomem;
    a->fmt = fmt;
    if (fmt == OUTPUT_XLSX) {
        if (!(a->book = xlsx_book_open(xlsx_path)) ||
            !(a->results = xlsx_book_sheet(a->book, WORD(SHEET_RESULTS))) ||
            !(a->rejects = xlsx_book_sheet(a->book, WORD(SHEET_REJECTS))) ||
            !(a->summary = xlsx_book_sheet(a->book, WORD(SHEET_SUMMARY)))) {
            output_adapter_free(a);
            *errmsg = strdup("cannot start the xlsx workbook");
            return -1;
        }
        xlsx_sheet_header(a->results);
        xlsx_sheet_header(a->rejects);
        xlsx_set_width(a->results, 0, 0, 16);
        xlsx_set_width(a->results, 4, 4, 24);
        xlsx_set_width(a->results, 7, 13, 14);
        xlsx_set_width(a->rejects, 3, 3, 80);
        xlsx_set_width(a->summary, 0, 0, 34);
        xlsx_set_width(a->summary, 1, 1, 16);
        xlsx_set_width(a->summary, 3, 3, 80);
    }
    if (stream_start(&a->out, a, out_fp, 0) != 0)
        goto nomem;
    if (rej_fp) {
        a->have_rej = 1;
        if (stream_start(&a->rej, a, rej_fp, 1) != 0)
            goto nomem;
    }
    *ap = a;
    return 0;
nomem:
    output_adapter_free(a);
    *errmsg = strdup("out of memory");
    return -1;
}

/* One "label, value" row of the summary sheet. */
static int summary_row(output_adapter *a, const char *label, const char *value, int kind)
{
    int rc = xlsx_put_text(a->summary, a->summary_row, 0, label, 0) |
             put(a->summary, a->summary_row, 1, value, kind, 0);
    a->summary_row++;
    return rc;
}

static int summary_count(output_adapter *a, const char *label, unsigned long n)
{
    char v[24];
    snprintf(v, sizeof v, "%lu", n);
    return summary_row(a, label, v, 2);
}

static int summary_amount(output_adapter *a, const char *label, const mpz_t ore)
{
    char v[64];
    if (rfy_money_format(v, sizeof v, ore, '.') < 0)
        return -1;
    return summary_row(a, label, v, 1);
}

int output_adapter_summary(output_adapter *a, const run_summary *s, const char *rates_id)
{
    int rc = 0;
    size_t i;
    if (!a || a->fmt != OUTPUT_XLSX)
        return 0;
    if (a->summary_row) /* audit: after the report's "# name,value" block, one empty row */
        a->summary_row++;
    rc |= summary_count(a, WORD(L_ROWS), s->rows);
    rc |= summary_count(a, WORD(L_COMPUTED), s->computed);
    rc |= summary_count(a, WORD(L_CASEMONTHS), s->casemonths);
    rc |= summary_count(a, WORD(L_REJECTED), s->rejected);
    rc |= summary_amount(a, WORD(L_GROSS), s->gross);
    rc |= summary_amount(a, WORD(L_APPLIED), s->applied);
    rc |= summary_amount(a, WORD(L_PAID), s->paid);
    rc |= summary_amount(a, WORD(L_BEYOND), s->beyond);
    rc |= summary_amount(a, WORD(L_TOTAL), s->deductions);
    rc |= summary_count(a, WORD(L_PAID_ZERO), s->paid_zero);
    rc |= summary_count(a, WORD(L_DERIVED), s->derived);
    rc |= summary_row(a, "rates_id", rates_id, 0);
    if (s->nreasons || s->other_reasons) {
        a->summary_row++;
        rc |= xlsx_put_text(a->summary, a->summary_row, 0, WORD(L_BY_REASON), 1);
        rc |= xlsx_put_text(a->summary, a->summary_row, 1, WORD(L_COUNT), 1);
        rc |= xlsx_put_text(a->summary, a->summary_row, 2, WORD(L_COLUMN), 1);
        rc |= xlsx_put_text(a->summary, a->summary_row, 3, WORD(L_REASON), 1);
        a->summary_row++;
        for (i = 0; i < s->nreasons; i++) {
            char v[24];
            snprintf(v, sizeof v, "%lu", s->reasons[i].count);
            rc |= xlsx_put_whole(a->summary, a->summary_row, 1, v);
            rc |= xlsx_put_text(a->summary, a->summary_row, 2, s->reasons[i].column, 0);
            rc |= xlsx_put_text(a->summary, a->summary_row, 3, s->reasons[i].reason, 0);
            a->summary_row++;
        }
        if (s->other_reasons) {
            char v[24];
            snprintf(v, sizeof v, "%lu", s->other_reasons);
            rc |= xlsx_put_whole(a->summary, a->summary_row, 1, v);
            rc |= xlsx_put_text(a->summary, a->summary_row, 3, WORD(L_OTHER), 0);
            a->summary_row++;
        }
    }
    return rc ? -1 : 0;
}

int output_adapter_finish(output_adapter *a, char **errmsg)
{
    const char *why = NULL;
    int rc = 0;
    *errmsg = NULL;
    if (!a)
        return 0;
    if (stream_end(&a->out) != 0 || (a->have_rej && stream_end(&a->rej) != 0)) {
        rc = -1;
        *errmsg = strdup(a->fmt == OUTPUT_XLSX ? "cannot write the xlsx rows (a sheet holds at most "
                                                 "1048576 rows: use --format csv)"
                                               : "cannot write the excel output");
    }
    if (a->book) {
        if (rc == 0 && xlsx_book_close(a->book, &why) != 0) {
            rc = -1;
            *errmsg = strdup(why ? why : "cannot write the xlsx workbook");
        } else if (rc != 0)
            xlsx_book_discard(a->book);
        a->book = NULL;
    }
    free(a);
    return rc;
}

void output_adapter_free(output_adapter *a)
{
    if (!a)
        return;
    stream_end(&a->out);
    if (a->have_rej)
        stream_end(&a->rej);
    xlsx_book_discard(a->book);
    free(a);
}
