/*
 * Typed cells of a result row, a reject and a summary figure (rfy/cells.h).
 *
 * Built here, where the result's fields are visible, so that front ends
 * read values only through the cells.  Every number is formatted once, into
 * the row's own text buffer, and its exact value kept beside it as a plain
 * integer; text that already stands somewhere (case_id, level_ref, names)
 * is borrowed, not copied.  Nothing is allocated per row: the batch hot path
 * fills the same rfy_cells for every case-month.
 */
#include <stdlib.h>
#include <string.h>

#include <rfy/rfy.h>
#include <rfy/cells.h>

#include "calc_internal.h" /* the result's fields, read once per row */

/* Room for the numbers, lines and reject texts of one row.  A result row
 * needs the lines (RFY_BATCH_LINES_MAX), 14 amounts and 3 day counts of at
 * most 48 bytes and the warnings (128); a reject its columns (256), reasons
 * (2048) and codes (512). */
#define CELLS_TEXT (RFY_BATCH_LINES_MAX + 40 * 48 + 4096)
#define CELLS_MAX 64

struct rfy_cells {
    size_t n;
    rfy_cell cell[CELLS_MAX];
    const __mpz_struct *ore[CELLS_MAX]; /* an amount cell's exact value (borrowed) */
    size_t used;                        /* bytes of text taken */
    int fail;                           /* something did not fit */
    char text[CELLS_TEXT];
};

/* The one column table: name, kind, CSV quoting, bound on the text's bytes.
 * Amounts: up to 48 bytes (rfy_money_format of any amount rfy computes). */
#define AMOUNT_COL(name) {name, RFY_CELL_AMOUNT, RFY_QUOTE_NEVER, 48}
static const rfy_column_info TABLE[RFY_COL_COUNT_] = {
    [RFY_COL_CASE_ID] = {"case_id", RFY_CELL_TEXT, RFY_QUOTE_NEUTRALISE, 2 * 256 + 3},
    [RFY_COL_MONTH] = {"month", RFY_CELL_TEXT, RFY_QUOTE_NEVER, 7},
    [RFY_COL_CATEGORY] = {"category", RFY_CELL_TEXT, RFY_QUOTE_NEVER, 64},
    [RFY_COL_FORLOEB] = {"forloeb", RFY_CELL_TEXT, RFY_QUOTE_NEVER, 32},
    [RFY_COL_LEVEL_REF] = {"level_ref", RFY_CELL_TEXT, RFY_QUOTE_FIELD, 2 * 96 + 3},
    [RFY_COL_DAYS] = {"days", RFY_CELL_WHOLE, RFY_QUOTE_NEVER, 2},
    [RFY_COL_DAYS_IN_MONTH] = {"days_in_month", RFY_CELL_WHOLE, RFY_QUOTE_NEVER, 2},
    [RFY_COL_GROSS] = AMOUNT_COL("gross"),
    [RFY_COL_WAGE_DEDUCTION] = AMOUNT_COL("wage_deduction"),
    [RFY_COL_HOLIDAY_DEDUCTION] = AMOUNT_COL("holiday_deduction"),
    [RFY_COL_ACTIVATION_DEDUCTION] = AMOUNT_COL("activation_deduction"),
    [RFY_COL_OTHER_DEDUCTION] = AMOUNT_COL("other_deduction"),
    [RFY_COL_TOTAL_DEDUCTION] = AMOUNT_COL("total_deduction"),
    [RFY_COL_PAYMENT] = AMOUNT_COL("payment"),
    [RFY_COL_PROVENANCE] = {"provenance", RFY_CELL_TEXT, RFY_QUOTE_NEVER, 16},
    [RFY_COL_RATES_ID] = {"rates_id", RFY_CELL_TEXT, RFY_QUOTE_FIELD, 2 * 80 + 3},
    [RFY_COL_LINES] = {"lines", RFY_CELL_TEXT, RFY_QUOTE_NEVER, RFY_BATCH_LINES_MAX},
    [RFY_COL_HOLIDAY_RIGHT] = {"holiday_right", RFY_CELL_TEXT, RFY_QUOTE_NEVER, 3},
    [RFY_COL_HOLIDAY_RUN_MONTHS] = {"holiday_run_months", RFY_CELL_WHOLE, RFY_QUOTE_NEVER, 20},
    [RFY_COL_HOLIDAY_USED_DAYS] = {"holiday_used_days", RFY_CELL_DAYS, RFY_QUOTE_NEVER, 20},
    [RFY_COL_HOLIDAY_DAYS_LEFT] = {"holiday_days_left", RFY_CELL_DAYS, RFY_QUOTE_NEVER, 20},
    [RFY_COL_HOLIDAY_EXCESS_DAYS] = {"holiday_excess_days", RFY_CELL_DAYS, RFY_QUOTE_NEVER, 20},
    [RFY_COL_SANCTION_DEDUCTION] = AMOUNT_COL("sanction_deduction"),
    [RFY_COL_WARNINGS] = {"warnings", RFY_CELL_TEXT, RFY_QUOTE_NEVER, 128},
    [RFY_COL_PREVIOUSLY_PAID] = AMOUNT_COL("previously_paid"),
    [RFY_COL_CORRECTION] = AMOUNT_COL("correction"),
    [RFY_COL_PAID] = AMOUNT_COL("paid"),
    [RFY_COL_DIFFERENCE] = AMOUNT_COL("difference"),
    [RFY_COL_LEDGER_PAID] = AMOUNT_COL("ledger_paid"),
    [RFY_COL_LEDGER_DIFFERENCE] = AMOUNT_COL("ledger_difference"),
    [RFY_COL_LINE] = {"line", RFY_CELL_WHOLE, RFY_QUOTE_NEVER, 20},
    [RFY_COL_COLUMN] = {"column", RFY_CELL_TEXT, RFY_QUOTE_FIELD, 2 * 256 + 3},
    [RFY_COL_REASON] = {"reason", RFY_CELL_TEXT, RFY_QUOTE_NEUTRALISE, 2 * 2048 + 3},
    [RFY_COL_CODE] = {"code", RFY_CELL_TEXT, RFY_QUOTE_FIELD, 2 * 512 + 3},
    [RFY_COL_KEPT] = {"", RFY_CELL_TEXT, RFY_QUOTE_NEUTRALISE, 2 * RFY_CSV_MAX_RECORD + 3},
    [RFY_COL_FIGURE_NAME] = {"", RFY_CELL_TEXT, RFY_QUOTE_NEVER, 64},
    [RFY_COL_FIGURE_COUNT] = {"", RFY_CELL_WHOLE, RFY_QUOTE_NEVER, 20},
    [RFY_COL_FIGURE_AMOUNT] = {"", RFY_CELL_AMOUNT, RFY_QUOTE_NEVER, 48},
    [RFY_COL_FIGURE_TEXT] = {"", RFY_CELL_TEXT, RFY_QUOTE_FIELD, 2 * 80 + 3},
};

const rfy_column_info *rfy_column_info_of(rfy_column col)
{
    return (unsigned)col < RFY_COL_COUNT_ ? &TABLE[col] : NULL;
}

rfy_cells *rfy_cells_new(void)
{
    return calloc(1, sizeof(rfy_cells));
}

void rfy_cells_free(rfy_cells *c)
{
    free(c);
}

void rfy_cells_clear(rfy_cells *c)
{
    c->n = 0;
    c->used = 0;
    c->fail = 0;
}

size_t rfy_cells_count(const rfy_cells *c)
{
    return c->n;
}

const rfy_cell *rfy_cells_at(const rfy_cells *c, size_t i)
{
    return i < c->n ? &c->cell[i] : NULL;
}

const rfy_cell *rfy_cells_all(const rfy_cells *c, size_t *n)
{
    *n = c->n;
    return c->cell;
}

/* The next cell of column col, its kind from the table; NULL when c is full. */
static rfy_cell *next(rfy_cells *c, rfy_column col, const char *text, size_t len)
{
    rfy_cell *cell;
    if (c->n == CELLS_MAX) {
        c->fail = 1;
        return NULL;
    }
    c->ore[c->n] = NULL;
    cell = &c->cell[c->n++];
    cell->column = col;
    cell->kind = TABLE[col].kind;
    cell->quoting = TABLE[col].quoting;
    cell->text = text;
    cell->len = len;
    cell->has_value = 0;
    cell->value = 0;
    return cell;
}

/* Room for up to `need` bytes of text; NULL (and c->fail) when there is none. */
static char *room(rfy_cells *c, size_t need)
{
    if (CELLS_TEXT - c->used < need) {
        c->fail = 1;
        return NULL;
    }
    return c->text + c->used;
}

static void text_cell(rfy_cells *c, rfy_column col, const char *s, size_t len)
{
    next(c, col, s, len);
}

/* A whole number, formatted without printf (a hot path: day counts, months). */
static void whole_cell(rfy_cells *c, rfy_column col, unsigned long v)
{
    char d[24];
    size_t n = 0;
    unsigned long left = v;
    char *p = room(c, sizeof d);
    rfy_cell *cell;
    if (!p)
        return;
    if (v < 100) { /* days 1..31, most run months */
        if (v >= 10)
            p[n++] = (char)('0' + v / 10);
        p[n++] = (char)('0' + v % 10);
    } else {
        do {
            d[sizeof d - 1 - n++] = (char)('0' + left % 10);
            left /= 10;
        } while (left > 0);
        memcpy(p, d + sizeof d - n, n);
    }
    c->used += n;
    if ((cell = next(c, col, p, n)) && v <= (unsigned long)INT64_MAX) {
        cell->has_value = 1;
        cell->value = (int64_t)v;
    }
}

/* An mpz's value when it fits in int64_t (read from its limb: no call). */
static int small_value(const mpz_t z, int64_t *v)
{
    int size = z->_mp_size;
    mp_limb_t limb;
    if (size == 0) {
        *v = 0;
        return 1;
    }
    if ((size != 1 && size != -1) || GMP_NUMB_BITS != 64)
        return 0;
    limb = z->_mp_d[0];
    if (limb > (mp_limb_t)INT64_MAX)
        return 0;
    *v = size > 0 ? (int64_t)limb : -(int64_t)limb;
    return 1;
}

/* An amount: its text with '.' and its øre (when they fit in 64 bits). */
static void amount_cell(rfy_cells *c, rfy_column col, const mpz_t ore)
{
    rfy_cell *cell;
    char *p;
    int n;
    if (mpz_sgn(ore) == 0) { /* most deduction columns are nil */
        if ((cell = next(c, col, "0.00", 4))) {
            cell->has_value = 1;
            c->ore[c->n - 1] = ore;
        }
        return;
    }
    if (!(p = room(c, 64)))
        return;
    n = rfy_money_format(p, 64, ore, '.');
    if (n < 0) {
        c->fail = 1;
        return;
    }
    c->used += (size_t)n;
    if (!(cell = next(c, col, p, (size_t)n)))
        return;
    c->ore[c->n - 1] = ore;
    cell->has_value = small_value(ore, &cell->value);
}

/* A day count in thousandths (rfy/holiday.h): two decimals, three when needed. */
static void days_cell(rfy_cells *c, rfy_column col, int64_t thousandths)
{
    rfy_cell *cell;
    char *p;
    int n;
    if (thousandths == 0) { /* most months: no holiday used, left or beyond */
        if ((cell = next(c, col, "0.00", 4)))
            cell->has_value = 1;
        return;
    }
    if (!(p = room(c, 48)))
        return;
    n = rfy_holiday_days_format_m(p, 48, thousandths, '.');
    if (n < 0) {
        c->fail = 1;
        return;
    }
    c->used += (size_t)n;
    if ((cell = next(c, col, p, (size_t)n)))
    {
        cell->value = thousandths;
        cell->has_value = 1;
    }
}

/* The five holiday columns (rules.md §8): the state after the month, or five
 * empty cells when no ledger is known for it. */
static void holiday_cells(rfy_cells *c, const rfy_holiday_month *h)
{
    if (h->status != RFY_HOLIDAY_KNOWN) {
        for (int col = RFY_COL_HOLIDAY_RIGHT; col <= RFY_COL_HOLIDAY_EXCESS_DAYS; col++)
            text_cell(c, (rfy_column)col, "", 0);
        return;
    }
    text_cell(c, RFY_COL_HOLIDAY_RIGHT, h->right ? "yes" : "no", h->right ? 3 : 2);
    whole_cell(c, RFY_COL_HOLIDAY_RUN_MONTHS, (unsigned long)(h->run_after < 0 ? 0 : h->run_after));
    days_cell(c, RFY_COL_HOLIDAY_USED_DAYS, h->used_after_m);
    days_cell(c, RFY_COL_HOLIDAY_DAYS_LEFT, h->days_left_m);
    days_cell(c, RFY_COL_HOLIDAY_EXCESS_DAYS, h->excess_m);
}

static void name_cell(rfy_cells *c, rfy_column col, const char *s)
{
    text_cell(c, col, s, strlen(s));
}

int rfy_cells_of_row(rfy_cells *c, const rfy_batch_row *row, const char *rates_id)
{
    const rfy_case *in = row->in;
    const rfy_result *r = row->res;
    char *p;
    int n;

    rfy_cells_clear(c);
    text_cell(c, RFY_COL_CASE_ID, row->case_id, row->case_id_len);
    if ((p = room(c, 8))) {
        rfy_month_format(p, in->month);
        c->used += 7;
        text_cell(c, RFY_COL_MONTH, p, 7);
    }
    /* several categories in a month of several rows (rfy/casemonth.h) */
    name_cell(c, RFY_COL_CATEGORY, r->category[0] ? r->category : rfy_category_name(in->category));
    name_cell(c, RFY_COL_FORLOEB, rfy_forloeb_name(in->forloeb));
    name_cell(c, RFY_COL_LEVEL_REF, r->level_ref);
    whole_cell(c, RFY_COL_DAYS, (unsigned long)(r->days < 0 ? 0 : r->days));
    whole_cell(c, RFY_COL_DAYS_IN_MONTH, (unsigned long)(r->days_in_month < 0 ? 0 : r->days_in_month));
    amount_cell(c, RFY_COL_GROSS, r->gross);
    amount_cell(c, RFY_COL_WAGE_DEDUCTION, r->wage_deduction);
    amount_cell(c, RFY_COL_HOLIDAY_DEDUCTION, r->holiday_deduction);
    amount_cell(c, RFY_COL_ACTIVATION_DEDUCTION, r->activation_deduction);
    amount_cell(c, RFY_COL_OTHER_DEDUCTION, r->other_deduction);
    amount_cell(c, RFY_COL_TOTAL_DEDUCTION, r->total_deduction);
    amount_cell(c, RFY_COL_PAYMENT, r->payment);
    name_cell(c, RFY_COL_PROVENANCE, rfy_provenance_name(r->provenance));
    name_cell(c, RFY_COL_RATES_ID, rates_id);
    /* the case-month's input lines joined by ';' (interface.md) */
    if ((p = room(c, RFY_BATCH_LINES_MAX))) {
        n = rfy_batch_row_format_lines(p, RFY_BATCH_LINES_MAX, row);
        if (n < 0)
            c->fail = 1;
        else {
            c->used += (size_t)n;
            text_cell(c, RFY_COL_LINES, p, (size_t)n);
        }
    }
    holiday_cells(c, &r->holiday);
    /* interface.md: sanction_deduction (rules.md §9), part of total_deduction */
    amount_cell(c, RFY_COL_SANCTION_DEDUCTION, r->sanction_deduction);
    /* codes joined by ';' (interface.md), never a comma */
    if ((p = room(c, 128))) {
        n = rfy_warnings_format(p, 128, r->warnings);
        c->used += (size_t)n;
        text_cell(c, RFY_COL_WARNINGS, p, (size_t)n);
    }
    return c->fail || c->n != RFY_RESULT_COLUMNS ? RFY_EINPUT : RFY_OK;
}

/* Copy s into the row's text; the cell's text then stands there. */
static void copied_cell(rfy_cells *c, rfy_column col, const char *s, size_t len)
{
    char *p = room(c, len);
    if (!p)
        return;
    memcpy(p, s, len);
    c->used += len;
    text_cell(c, col, p, len);
}

int rfy_cells_of_reject(rfy_cells *c, const rfy_batch_reject *rej, rfy_lang lang,
                        const rfy_hints *hints)
{
    const char *column = rej->column ? rej->column : "", *reason = rej->reason ? rej->reason : "";
    rfy_cells_clear(c);
    whole_cell(c, RFY_COL_LINE, rej->line);
    text_cell(c, RFY_COL_CASE_ID, rej->case_id ? rej->case_id : "", rej->case_id ? rej->case_id_len : 0);
    if (rej->err && rej->err->nfaults > 0) {
        char columns[256], reasons[2048], codes[512];
        rfy_error_columns(columns, sizeof columns, rej->err);
        rfy_error_text_hinted(reasons, sizeof reasons, rej->err, lang, hints);
        rfy_error_codes(codes, sizeof codes, rej->err);
        copied_cell(c, RFY_COL_COLUMN, columns, strlen(columns));
        copied_cell(c, RFY_COL_REASON, reasons, strlen(reasons));
        copied_cell(c, RFY_COL_CODE, codes, strlen(codes));
    } else {
        name_cell(c, RFY_COL_COLUMN, column);
        name_cell(c, RFY_COL_REASON, reason);
        text_cell(c, RFY_COL_CODE, "", 0);
    }
    return c->fail ? RFY_EINPUT : RFY_OK;
}

/* col is a column of the table and of kind k. */
static int of_kind(rfy_column col, rfy_cell_kind k)
{
    return (unsigned)col < RFY_COL_COUNT_ && TABLE[col].kind == k;
}

int rfy_cells_add_amount(rfy_cells *c, rfy_column col, const mpz_t ore)
{
    if (!of_kind(col, RFY_CELL_AMOUNT))
        return RFY_EINPUT;
    amount_cell(c, col, ore);
    return c->fail ? RFY_EINPUT : RFY_OK;
}

int rfy_cells_add_empty(rfy_cells *c, rfy_column col)
{
    if ((unsigned)col >= RFY_COL_COUNT_)
        return RFY_EINPUT;
    text_cell(c, col, "", 0);
    return c->fail ? RFY_EINPUT : RFY_OK;
}

int rfy_cells_add_whole(rfy_cells *c, rfy_column col, unsigned long n)
{
    if (!of_kind(col, RFY_CELL_WHOLE))
        return RFY_EINPUT;
    whole_cell(c, col, n);
    return c->fail ? RFY_EINPUT : RFY_OK;
}

int rfy_cells_add_text(rfy_cells *c, rfy_column col, const char *text, size_t len)
{
    if (!of_kind(col, RFY_CELL_TEXT))
        return RFY_EINPUT;
    text_cell(c, col, text, len);
    return c->fail ? RFY_EINPUT : RFY_OK;
}

int rfy_cells_amount(mpq_t out, const rfy_cells *c, size_t i)
{
    if (i >= c->n || c->cell[i].kind != RFY_CELL_AMOUNT || !c->ore[i])
        return RFY_EINPUT;
    /* kroner = øre / 100, exactly */
    mpq_set_z(out, c->ore[i]);
    mpz_mul_ui(mpq_denref(out), mpq_denref(out), 100);
    mpq_canonicalize(out);
    return RFY_OK;
}
