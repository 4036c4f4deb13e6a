/*
 * Typed cells of a result row, a reject and a summary figure (rfy/cells.h).
 *
 * Built here, where the result's fields are visible, so that front ends
 * read values only through the cells.  Every number is formatted once, into
 * the row's own text buffer, and its exact value kept beside it as a plain
 * integer.  A result row's cells are laid out there as rfy's CSV line as
 * they are made (rfy_cells_csv_line), so its text is copied once, into the
 * line; other rows borrow text that already stands somewhere.  Nothing is
 * allocated per row: the batch hot path fills the same rfy_cells for every
 * case-month.
 */
#include <stdlib.h>
#include <string.h>

#include <rfy/rfy.h>
#include <rfy/cells.h>

#include "calc_internal.h" /* the result's fields, read once per row */
#include "money_text.h"    /* rfy__ore_put: an amount's text, written in place */

/* Room for the numbers, lines and reject texts of one row.  A result row
 * needs the lines (RFY_BATCH_LINES_MAX), 14 amounts and 3 day counts of at
 * most 48 bytes and the warnings (128); a reject its columns (256), reasons
 * (2048) and codes (512). */
#define CELLS_TEXT (RFY_BATCH_LINES_MAX + 40 * 48 + 4096)
#define CELLS_MAX 64
/* The longest rates_id whose CSV field a rfy_cells keeps from row to row. */
#define RATES_ID_MAX 80

struct rfy_cells {
    size_t n;
    rfy_cell cell[CELLS_MAX];
    const __mpz_struct *ore[CELLS_MAX]; /* an amount cell's exact value (borrowed) */
    size_t used;                        /* bytes of text taken */
    int fail;                           /* something did not fit */
    size_t line_cells;                  /* rfy_cells_csv_line: cells in the line (0: none) */
    size_t line_len;                    /* its bytes, from text[0] */
    int row_layout;                     /* cells 0..23 hold the result columns' column, kind, quoting */
    size_t rates_len;                   /* the last rates_id (0: none yet) */
    size_t rates_csv_len;               /* and its CSV field */
    char rates_id[RATES_ID_MAX + 1];
    char rates_csv[2 * RATES_ID_MAX + 3];
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
    c->line_cells = 0;
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
    if (c->n < RFY_RESULT_COLUMNS)
        c->row_layout = 0; /* another layout over the result row's cells */
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

/* v in decimal at p (at most 20 bytes), without printf (a hot path: day
 * counts, months); returns the length. */
static inline size_t put_whole(char *p, unsigned long v)
{
    char d[24];
    size_t n = 0;
    unsigned long left = v;
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
    return n;
}

/* A whole number. */
static void whole_cell(rfy_cells *c, rfy_column col, unsigned long v)
{
    char *p = room(c, 24);
    rfy_cell *cell;
    size_t n;
    if (!p)
        return;
    n = put_whole(p, v);
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

static void name_cell(rfy_cells *c, rfy_column col, const char *s)
{
    text_cell(c, col, s, strlen(s));
}

/*
 * The result row's cells are laid out as rfy's CSV line as they are made:
 * each cell's text in the row's text buffer, from its start, followed by
 * ','.  A writer of rfy's CSV copies that line instead of formatting the
 * cells again (rfy_cells_csv_line); every cell still points at its own
 * exact text.  The row_* helpers below are the cell helpers above plus
 * that comma.
 */

/* The next cell of a result row: column, kind and quoting stand in it
 * already (c->row_layout), so only the value is written.  At most
 * RFY_RESULT_COLUMNS of them, well within CELLS_MAX. */
static inline rfy_cell *row_cell(rfy_cells *c, const char *text, size_t len)
{
    size_t i = c->n++;
    rfy_cell *cell = &c->cell[i];
    c->ore[i] = NULL;
    cell->text = text;
    cell->len = len;
    cell->has_value = 0;
    cell->value = 0;
    return cell;
}

/* Copy a short text (a name: category, forløb, provenance) with fixed-size
 * moves the compiler inlines, not a call to memcpy per cell. */
static inline void copy_short(char *to, const char *from, size_t len)
{
    if (len >= 8 && len <= 16) {
        memcpy(to, from, 8);
        memcpy(to + len - 8, from + len - 8, 8);
    } else if (len >= 4 && len < 8) {
        memcpy(to, from, 4);
        memcpy(to + len - 4, from + len - 4, 4);
    } else if (len < 4) {
        for (size_t i = 0; i < len; i++)
            to[i] = from[i];
    } else {
        memcpy(to, from, len);
    }
}

/* Bytes of a 64-bit word: a byte of w is below n (n <= 128), or zero. */
#define BYTES_01 0x0101010101010101ULL
#define BYTES_80 0x8080808080808080ULL
#define ANY_BELOW(w, n) (((w) - BYTES_01 * (n)) & ~(w) & BYTES_80)
#define ANY_ZERO(w) ANY_BELOW(w, 1)

/* 1 when none of the eight bytes of w is below 14 (tab, CR, LF), '"' or ','. */
static inline int word_plain(uint64_t w)
{
    return !(ANY_BELOW(w, 14) | ANY_ZERO(w ^ (BYTES_01 * '"')) | ANY_ZERO(w ^ (BYTES_01 * ',')));
}

/*
 * A quick look whether the text s stands in rfy's CSV as it is, so the
 * usual case_id or level reference is copied without a call: 1 only when
 * no byte is below 14, '"' or ',' (eight at a time) and, with neutralise,
 * the first is none of = + - @.  0 says only "maybe not": the field then
 * goes through rfy_csv_format_field(), the one rule of CSV quoting.
 */
static inline int plain_csv(const char *s, size_t len, int neutralise)
{
    size_t i;
    uint64_t w;
    if (neutralise && len > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@'))
        return 0;
    if (len < 8) { /* byte by byte: a short text */
        for (i = 0; i < len; i++)
            if ((unsigned char)s[i] < 14 || s[i] == '"' || s[i] == ',')
                return 0;
        return 1;
    }
    for (i = 0; i + 8 <= len; i += 8) {
        memcpy(&w, s + i, 8);
        if (!word_plain(w))
            return 0;
    }
    /* the last eight bytes, overlapping the words before: within s */
    memcpy(&w, s + len - 8, 8);
    return word_plain(w);
}

/* A text cell copied into the line; quoted there when its column and text
 * ask for it (the cell then keeps the borrowed text s itself). */
static inline void row_text(rfy_cells *c, rfy_column col, const char *s, size_t len)
{
    char *p;
    int w;
    if (TABLE[col].quoting == RFY_QUOTE_NEVER ||
        plain_csv(s, len, TABLE[col].quoting == RFY_QUOTE_NEUTRALISE)) {
        if (!(p = room(c, len + 16)))
            return;
        copy_short(p, s, len);
        p[len] = ',';
        c->used += len + 1;
        row_cell(c, p, len);
        return;
    }
    if (!(p = room(c, 2 * len + 4)))
        return;
    w = rfy_csv_format_field(p, 2 * len + 3, s, len, ',', TABLE[col].quoting == RFY_QUOTE_NEUTRALISE);
    if (w < 0) {
        c->fail = 1;
        return;
    }
    p[w] = ',';
    c->used += (size_t)w + 1;
    row_cell(c, (size_t)w == len ? p : s, len); /* the same bytes when not quoted */
}

static inline void row_name(rfy_cells *c, rfy_column col, const char *s)
{
    row_text(c, col, s, strlen(s));
}

/* A whole number (days, run months), as whole_cell(). */
static inline void row_whole(rfy_cells *c, unsigned long v)
{
    char *p = room(c, 25);
    rfy_cell *cell;
    size_t n;
    if (!p)
        return;
    n = put_whole(p, v);
    p[n] = ',';
    c->used += n + 1;
    cell = row_cell(c, p, n);
    if (v <= (unsigned long)INT64_MAX) {
        cell->has_value = 1;
        cell->value = (int64_t)v;
    }
}

static inline void row_amount(rfy_cells *c, const mpz_t ore)
{
    rfy_cell *cell;
    char *p;
    int n;
    if (!(p = room(c, 64)))
        return;
    if (mpz_sgn(ore) == 0) { /* most deduction columns are nil */
        memcpy(p, "0.00,", 5);
        c->used += 5;
        cell = row_cell(c, p, 4);
        c->ore[c->n - 1] = ore;
        cell->has_value = 1;
        return;
    }
    if (mpz_size(ore) == 1 && GMP_NUMB_BITS == 64) { /* one limb: written in place */
        mp_limb_t mag = mpz_getlimbn(ore, 0);
        size_t len = rfy__ore_put(p, mpz_sgn(ore) < 0, (uint64_t)mag, '.');
        p[len] = ',';
        c->used += len + 1;
        cell = row_cell(c, p, len);
        c->ore[c->n - 1] = ore;
        if (mag <= (mp_limb_t)INT64_MAX) {
            cell->has_value = 1;
            cell->value = mpz_sgn(ore) < 0 ? -(int64_t)mag : (int64_t)mag;
        }
        return;
    }
    if ((n = rfy_money_format(p, 64, ore, '.')) < 0) {
        c->fail = 1;
        return;
    }
    p[n] = ',';
    c->used += (size_t)n + 1;
    cell = row_cell(c, p, (size_t)n);
    c->ore[c->n - 1] = ore;
    cell->has_value = small_value(ore, &cell->value);
}

/* A day count in thousandths (rfy/holiday.h): two decimals, three when needed. */
static inline void row_days(rfy_cells *c, int64_t thousandths)
{
    rfy_cell *cell;
    char *p;
    int n;
    if (!(p = room(c, 48)))
        return;
    if (thousandths == 0) { /* most months: no holiday used, left or beyond */
        memcpy(p, "0.00,", 5);
        c->used += 5;
        row_cell(c, p, 4)->has_value = 1;
        return;
    }
    if ((n = rfy_holiday_days_format_m(p, 48, thousandths, '.')) < 0) {
        c->fail = 1;
        return;
    }
    p[n] = ',';
    c->used += (size_t)n + 1;
    cell = row_cell(c, p, (size_t)n);
    cell->value = thousandths;
    cell->has_value = 1;
}

/* The five holiday columns (rules.md §8): the state after the month, or five
 * empty cells when no ledger is known for it. */
static void row_holiday(rfy_cells *c, const rfy_holiday_month *h)
{
    if (h->status != RFY_HOLIDAY_KNOWN) {
        for (int col = RFY_COL_HOLIDAY_RIGHT; col <= RFY_COL_HOLIDAY_EXCESS_DAYS; col++)
            row_text(c, (rfy_column)col, "", 0);
        return;
    }
    row_text(c, RFY_COL_HOLIDAY_RIGHT, h->right ? "yes" : "no", h->right ? 3 : 2);
    row_whole(c, (unsigned long)(h->run_after < 0 ? 0 : h->run_after));
    row_days(c, h->used_after_m);
    row_days(c, h->days_left_m);
    row_days(c, h->excess_m);
}

/* The rates_id cell: the same for every row of a run, so its CSV field is
 * made once and kept (the text compared, not the pointer: a caller may
 * change the text under the same pointer). */
static void row_rates_id(rfy_cells *c, const char *rates_id)
{
    char *p;
    size_t len;
    if (c->rates_len == 0 || strncmp(rates_id, c->rates_id, c->rates_len + 1) != 0) {
        int w;
        len = strlen(rates_id);
        if (len == 0 || len > RATES_ID_MAX) {
            row_text(c, RFY_COL_RATES_ID, rates_id, len);
            return;
        }
        w = rfy_csv_format_field(c->rates_csv, sizeof c->rates_csv, rates_id, len, ',', 0);
        if (w < 0) {
            c->fail = 1;
            return;
        }
        memcpy(c->rates_id, rates_id, len + 1);
        c->rates_len = len;
        c->rates_csv_len = (size_t)w;
    }
    if (!(p = room(c, c->rates_csv_len + 1)))
        return;
    memcpy(p, c->rates_csv, c->rates_csv_len);
    p[c->rates_csv_len] = ',';
    c->used += c->rates_csv_len + 1;
    /* the same bytes when not quoted; else the text as it is */
    row_cell(c, c->rates_csv_len == c->rates_len ? p : rates_id, c->rates_len);
}

int rfy_cells_of_row(rfy_cells *c, const rfy_batch_row *row, const char *rates_id)
{
    const rfy_case *in = row->in;
    const rfy_result *r = row->res;
    char *p;
    int n;

    rfy_cells_clear(c);
    if (!c->row_layout) { /* the result columns' column, kind and quoting, set once */
        for (size_t i = 0; i < RFY_RESULT_COLUMNS; i++) {
            c->cell[i].column = (rfy_column)i;
            c->cell[i].kind = TABLE[i].kind;
            c->cell[i].quoting = TABLE[i].quoting;
        }
        c->row_layout = 1;
    }
    row_text(c, RFY_COL_CASE_ID, row->case_id, row->case_id_len);
    if ((p = room(c, 8))) {
        int y = RFY_MONTH_YEAR(in->month), m = RFY_MONTH_NUM(in->month);
        if (y >= 0 && y <= 9999) { /* YYYY-MM, as rfy_month_format() writes it */
            memcpy(p, RFY__TWO_DIGITS + 2 * (y / 100), 2);
            memcpy(p + 2, RFY__TWO_DIGITS + 2 * (y % 100), 2);
            p[4] = '-';
            memcpy(p + 5, RFY__TWO_DIGITS + 2 * m, 2);
        } else {
            rfy_month_format(p, in->month);
        }
        p[7] = ',';
        c->used += 8;
        row_cell(c, p, 7);
    }
    /* several categories in a month of several rows (rfy/casemonth.h) */
    row_name(c, RFY_COL_CATEGORY, r->category[0] ? r->category : rfy_category_name(in->category));
    row_name(c, RFY_COL_FORLOEB, rfy_forloeb_name(in->forloeb));
    row_name(c, RFY_COL_LEVEL_REF, r->level_ref);
    row_whole(c, (unsigned long)(r->days < 0 ? 0 : r->days));
    row_whole(c, (unsigned long)(r->days_in_month < 0 ? 0 : r->days_in_month));
    row_amount(c, r->gross);
    row_amount(c, r->wage_deduction);
    row_amount(c, r->holiday_deduction);
    row_amount(c, r->activation_deduction);
    row_amount(c, r->other_deduction);
    row_amount(c, r->total_deduction);
    row_amount(c, r->payment);
    row_name(c, RFY_COL_PROVENANCE, rfy_provenance_name(r->provenance));
    row_rates_id(c, rates_id);
    /* the case-month's input lines joined by ';' (interface.md) */
    if ((p = room(c, RFY_BATCH_LINES_MAX + 1))) {
        /* one row (most case-months): its line number alone */
        n = row->nrows == 1 ? (int)put_whole(p, rfy_batch_row_line(row, 0))
                            : rfy_batch_row_format_lines(p, RFY_BATCH_LINES_MAX, row);
        if (n < 0)
            c->fail = 1;
        else {
            p[n] = ',';
            c->used += (size_t)n + 1;
            row_cell(c, p, (size_t)n);
        }
    }
    row_holiday(c, &r->holiday);
    /* interface.md: sanction_deduction (rules.md §9), part of total_deduction */
    row_amount(c, r->sanction_deduction);
    /* codes joined by ';' (interface.md), never a comma */
    if ((p = room(c, 129))) {
        n = rfy_warnings_format(p, 128, r->warnings);
        p[n] = ',';
        c->used += (size_t)n + 1;
        row_cell(c, p, (size_t)n);
    }
    if (c->fail || c->n != RFY_RESULT_COLUMNS)
        return RFY_EINPUT;
    c->line_cells = c->n;
    c->line_len = c->used;
    return RFY_OK;
}

const char *rfy_cells_csv_line(const rfy_cells *c, size_t *ncells, size_t *len)
{
    *ncells = c->line_cells;
    *len = c->line_cells ? c->line_len : 0;
    return c->line_cells ? c->text : NULL;
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
