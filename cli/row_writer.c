/*
 * Rows in every --format from typed cells (row_writer.h).  What each format
 * does with a cell is its writer's (write_csv.c, write_excel.c, write_xlsx.c,
 * write_json.c), the columns are row_layout.c's; here: which stream and
 * sheet a row goes to, the byte-order mark and the summary sheet.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "row_writer.h"
#include "run_summary.h"
#include "write_csv.h"
#include "write_json.h"
#include "write_xlsx.h"

int output_format_from_name(output_format *out, const char *name)
{
    if (strcmp(name, "csv") == 0)
        *out = OUTPUT_CSV;
    else if (strcmp(name, "excel") == 0)
        *out = OUTPUT_EXCEL;
    else if (strcmp(name, "xlsx") == 0)
        *out = OUTPUT_XLSX;
    else if (strcmp(name, "json") == 0)
        *out = OUTPUT_JSON;
    else
        return -1;
    return 0;
}

const char *output_format_name(output_format f)
{
    return f == OUTPUT_EXCEL ? "excel" : f == OUTPUT_XLSX ? "xlsx" : f == OUTPUT_JSON ? "json" : "csv";
}

/* ---- The writer ------------------------------------------------------------------ */

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

struct row_writer {
    const char *cmd;           /* "batch", "audit": for the message of a full sheet */
    output_format fmt;
    const row_layout *out, *rej;
    int rej_fmt_file;          /* the rejects go to a file: in the format (xlsx: CSV and sheet) */
    char *buf;                 /* one row, sized by the layouts' bounds */
    size_t size;
    char *csv;                 /* xlsx, excel: the row's CSV text for the ledger */
    unsigned long out_lines, rej_lines; /* lines written (excel: the mark before the first) */
    xlsx_book *book;
    xlsx_sheet *results, *rejects, *summary;
    unsigned long results_row, rejects_row, summary_row;
    rfy_cells *scratch;        /* the summary sheet's cells */
};

int row_writer_open(row_writer **wp, const char *cmd, output_format fmt, const row_layout *out,
                    const row_layout *rej, int rejects_to_file, const char *xlsx_path, char **errmsg)
{
    row_writer *w = calloc(1, sizeof *w);
    *wp = NULL;
    *errmsg = NULL;
    if (!w)
        goto nomem;
    w->cmd = cmd;
    w->fmt = fmt;
    w->out = out;
    w->rej = rej;
    w->rej_fmt_file = rejects_to_file;
    w->size = out->bound > rej->bound ? out->bound : rej->bound;
    if (row_layout_header_bound(out) > w->size)
        w->size = row_layout_header_bound(out);
    if (row_layout_header_bound(rej) > w->size)
        w->size = row_layout_header_bound(rej);
    if (!(w->buf = malloc(w->size)) || (fmt != OUTPUT_CSV && !(w->csv = malloc(w->size))) ||
        !(w->scratch = rfy_cells_new()))
        goto nomem;
    if (fmt == OUTPUT_XLSX) {
        if (!(w->book = xlsx_book_open(xlsx_path)) ||
            !(w->results = xlsx_book_sheet(w->book, WORD(SHEET_RESULTS))) ||
            !(w->rejects = xlsx_book_sheet(w->book, WORD(SHEET_REJECTS))) ||
            !(w->summary = xlsx_book_sheet(w->book, WORD(SHEET_SUMMARY)))) {
            row_writer_free(w);
            *errmsg = strdup(cli_msg(RFY_MSG_XLSX_CANNOT_START));
            return -1;
        }
        xlsx_sheet_header(w->results);
        xlsx_sheet_header(w->rejects);
        xlsx_set_width(w->results, 0, 0, 16);
        xlsx_set_width(w->results, 4, 4, 24);
        xlsx_set_width(w->results, 7, 13, 14);
        xlsx_set_width(w->rejects, 3, 3, 80);
        xlsx_set_width(w->summary, 0, 0, 34);
        xlsx_set_width(w->summary, 1, 1, 16);
        xlsx_set_width(w->summary, 3, 3, 80);
    }
    *wp = w;
    return 0;
nomem:
    row_writer_free(w);
    *errmsg = strdup(cli_msg(RFY_MSG_OUT_OF_MEMORY));
    return -1;
}

/* The output (rejects 0) is JSON Lines (--format json); its rejects stay
 * rfy's CSV, as xlsx's. */
static int json(const row_writer *w, int rejects)
{
    return w->fmt == OUTPUT_JSON && !rejects;
}

/* The dialect of a text line of the output (rejects 0) or rejects (1), or
 * NULL when that stream gets no CSV text (xlsx's output, JSON). */
static const csv_dialect *dialect(const row_writer *w, int rejects)
{
    if (json(w, rejects))
        return NULL;
    if (w->fmt == OUTPUT_EXCEL && (!rejects || w->rej_fmt_file))
        return &WRITE_EXCEL;
    if (w->fmt == OUTPUT_XLSX && !rejects)
        return NULL;
    return &WRITE_CSV;
}

/* n bytes of buf as one line of fp; the byte-order mark first in an Excel file. */
static int put_line(row_writer *w, FILE *fp, int rejects, const char *buf, size_t n)
{
    unsigned long *lines = rejects ? &w->rej_lines : &w->out_lines;
    if (dialect(w, rejects) == &WRITE_EXCEL && *lines == 0 && fputs("\xEF\xBB\xBF", fp) == EOF)
        return EOF;
    (*lines)++;
    return fwrite(buf, 1, n, fp) == n ? 0 : EOF;
}

/* The sheet a row of the output (0) or rejects (1) goes to, and its row
 * counter; NULL when not xlsx (or rejects not to a file). */
static xlsx_sheet *sheet(row_writer *w, int rejects, unsigned long **row)
{
    if (w->fmt != OUTPUT_XLSX || (rejects && !w->rej_fmt_file))
        return NULL;
    *row = rejects ? &w->rejects_row : &w->results_row;
    return rejects ? w->rejects : w->results;
}

int row_writer_header(row_writer *w, FILE *fp, int rejects)
{
    const row_layout *l = rejects ? w->rej : w->out;
    const csv_dialect *d = dialect(w, rejects);
    unsigned long *row;
    xlsx_sheet *s = sheet(w, rejects, &row);
    if (d) {
        int n = write_csv_names(w->buf, w->size, l->name, l->quoting, l->n, d);
        if (n < 0) {
            errno = EOVERFLOW;
            return EOF;
        }
        if (put_line(w, fp, rejects, w->buf, (size_t)n) != 0)
            return EOF;
    }
    if (s) {
        for (size_t i = 0; i < l->n; i++)
            if (xlsx_put_text(s, *row, (unsigned)i, l->name[i], 1) != 0)
                return EOF;
        (*row)++;
    }
    return 0;
}

/* A JSON line of c (the names of the output's or the rejects' layout) into
 * fp; the buffer grows when a row needs more (kept cells of control bytes). */
static int json_line(row_writer *w, FILE *fp, int rejects, const rfy_cells *c, size_t *len)
{
    const row_layout *l = rejects ? w->rej : w->out;
    int n;
    while ((n = write_json_row(w->buf, w->size, c, l->name, l->n)) < 0) {
        char *more = w->size < ((size_t)1 << 30) ? realloc(w->buf, 2 * w->size) : NULL;
        if (!more) {
            errno = ENOMEM;
            return EOF;
        }
        w->buf = more;
        w->size *= 2;
    }
    if (len)
        *len = (size_t)n;
    return fwrite(w->buf, 1, (size_t)n, fp) == (size_t)n ? 0 : EOF;
}

/* Every cell of c into a row of sheet s. */
static int sheet_row(xlsx_sheet *s, unsigned long row, const rfy_cells *c)
{
    size_t n = rfy_cells_count(c);
    for (size_t i = 0; i < n; i++)
        if (xlsx_put_cell(s, row, (unsigned)i, rfy_cells_at(c, i)) != 0)
            return EOF;
    return 0;
}

/* A row of the output (0) or rejects (1): text line and sheet row as the format says. */
static int put_row(row_writer *w, FILE *fp, int rejects, const rfy_cells *c, size_t *len)
{
    const csv_dialect *d = dialect(w, rejects);
    unsigned long *row;
    xlsx_sheet *s = sheet(w, rejects, &row);
    if (len)
        *len = 0;
    if (json(w, rejects))
        return json_line(w, fp, rejects, c, len);
    if (d) {
        int n = write_csv_row(w->buf, w->size, c, d);
        if (n < 0) {
            errno = EOVERFLOW; /* not with validated input: the layout bounds every cell */
            return EOF;
        }
        if (put_line(w, fp, rejects, w->buf, (size_t)n) != 0)
            return EOF;
        if (len)
            *len = (size_t)n;
    }
    if (s) {
        if (sheet_row(s, *row, c) != 0) {
            if (*row >= 1048576) /* xlsx's limit, the same in every spreadsheet */
                cli_say(w->cmd, RFY_MSG_XLSX_TOO_MANY_ROWS);
            errno = EFBIG;
            return EOF;
        }
        (*row)++;
    }
    return 0;
}

int row_writer_row(row_writer *w, FILE *fp, const rfy_cells *c, const char **csv, size_t *csv_len)
{
    if (put_row(w, fp, 0, c, csv_len) != 0)
        return EOF;
    if (csv) {
        int n;
        if (w->fmt == OUTPUT_CSV) { /* the line just written */
            *csv = w->buf;
            return 0;
        }
        if ((n = write_csv_row(w->csv, w->size, c, &WRITE_CSV)) < 0) {
            errno = EOVERFLOW;
            return EOF;
        }
        *csv = w->csv;
        *csv_len = (size_t)n;
    }
    return 0;
}

int row_writer_reject(row_writer *w, FILE *fp, const rfy_cells *c, size_t *len)
{
    return put_row(w, fp, 1, c, len);
}

int row_writer_blank(row_writer *w, FILE *fp)
{
    const csv_dialect *d = dialect(w, 0);
    return d ? put_line(w, fp, 0, d->eol, strlen(d->eol)) : 0;
}

int row_writer_figure(row_writer *w, FILE *fp, const rfy_cells *c)
{
    const csv_dialect *d = dialect(w, 0);
    if (json(w, 0))
        return json_line(w, fp, 0, c, NULL);
    if (d) {
        int n = write_csv_row(w->buf, w->size, c, d);
        if (n < 0) {
            errno = EOVERFLOW;
            return EOF;
        }
        return put_line(w, fp, 0, w->buf, (size_t)n);
    }
    if (sheet_row(w->summary, w->summary_row, c) != 0)
        return EOF;
    w->summary_row++;
    return 0;
}

/* ---- The summary sheet ----------------------------------------------------------- */

/* One "label, value" row of the summary sheet. */
static int summary_cells(row_writer *w, const char *label)
{
    int rc = xlsx_put_text(w->summary, w->summary_row, 0, label, 0);
    if (rfy_cells_count(w->scratch) == 1)
        rc |= xlsx_put_cell(w->summary, w->summary_row, 1, rfy_cells_at(w->scratch, 0));
    w->summary_row++;
    return rc;
}

static int summary_count(row_writer *w, const char *label, unsigned long n)
{
    rfy_cells_clear(w->scratch);
    if (rfy_cells_add_whole(w->scratch, RFY_COL_FIGURE_COUNT, n) != RFY_OK)
        return -1;
    return summary_cells(w, label);
}

static int summary_amount(row_writer *w, const char *label, const mpz_t ore)
{
    rfy_cells_clear(w->scratch);
    if (rfy_cells_add_amount(w->scratch, RFY_COL_FIGURE_AMOUNT, ore) != RFY_OK)
        return -1;
    return summary_cells(w, label);
}

int row_writer_summary(row_writer *w, const run_summary *s, const char *rates_id)
{
    int rc = 0;
    size_t i;
    if (!w || w->fmt != OUTPUT_XLSX)
        return 0;
    if (w->summary_row) /* audit: after the report's "# name,value" block, one empty row */
        w->summary_row++;
    rc |= summary_count(w, WORD(L_ROWS), s->rows);
    rc |= summary_count(w, WORD(L_COMPUTED), s->computed);
    rc |= summary_count(w, WORD(L_CASEMONTHS), s->casemonths);
    rc |= summary_count(w, WORD(L_REJECTED), s->rejected);
    rc |= summary_amount(w, WORD(L_GROSS), s->gross);
    rc |= summary_amount(w, WORD(L_APPLIED), s->applied);
    rc |= summary_amount(w, WORD(L_PAID), s->paid);
    rc |= summary_amount(w, WORD(L_BEYOND), s->beyond);
    rc |= summary_amount(w, WORD(L_TOTAL), s->deductions);
    rc |= summary_count(w, WORD(L_PAID_ZERO), s->paid_zero);
    rc |= summary_count(w, WORD(L_DERIVED), s->derived);
    rc |= xlsx_put_text(w->summary, w->summary_row, 0, "rates_id", 0);
    rc |= xlsx_put_text(w->summary, w->summary_row, 1, rates_id, 0);
    w->summary_row++;
    if (s->nreasons || s->other_reasons) {
        w->summary_row++;
        rc |= xlsx_put_text(w->summary, w->summary_row, 0, WORD(L_BY_REASON), 1);
        rc |= xlsx_put_text(w->summary, w->summary_row, 1, WORD(L_COUNT), 1);
        rc |= xlsx_put_text(w->summary, w->summary_row, 2, WORD(L_COLUMN), 1);
        rc |= xlsx_put_text(w->summary, w->summary_row, 3, WORD(L_REASON), 1);
        w->summary_row++;
        for (i = 0; i < s->nreasons; i++) {
            rc |= xlsx_put_count(w->summary, w->summary_row, 1, s->reasons[i].count);
            rc |= xlsx_put_text(w->summary, w->summary_row, 2, s->reasons[i].column, 0);
            rc |= xlsx_put_text(w->summary, w->summary_row, 3, s->reasons[i].reason, 0);
            w->summary_row++;
        }
        if (s->other_reasons) {
            rc |= xlsx_put_count(w->summary, w->summary_row, 1, s->other_reasons);
            rc |= xlsx_put_text(w->summary, w->summary_row, 3, WORD(L_OTHER), 0);
            w->summary_row++;
        }
    }
    return rc ? -1 : 0;
}

int row_writer_finish(row_writer *w, char **errmsg)
{
    const char *why = NULL;
    int rc = 0;
    *errmsg = NULL;
    if (!w)
        return 0;
    if (w->book) {
        if (xlsx_book_close(w->book, &why) != 0) {
            rc = -1;
            char text[512]; /* libxlsxwriter's reason is its own (English) words */
            snprintf(text, sizeof text, cli_msg(RFY_MSG_XLSX_CANNOT_WRITE),
                     why ? why : rfy_rc_text(RFY_EIO, cli_lang));
            *errmsg = strdup(text);
        }
        w->book = NULL;
    }
    row_writer_free(w);
    return rc;
}

void row_writer_free(row_writer *w)
{
    if (!w)
        return;
    xlsx_book_discard(w->book);
    rfy_cells_free(w->scratch);
    free(w->buf);
    free(w->csv);
    free(w);
}
