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
#include "xq.h"            /* rfy__z_get_i64: an amount's value from its limb */

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
    cell->has_value = rfy__z_get_i64(ore, &cell->value);
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
 * exact text.
 *
 * The row is written through a cursor held in locals (row_w below), not
 * through c->used and c->n: the text's bytes are written through char
 * pointers, which may alias anything, so fields of c would be read back
 * from memory after every byte.  The room for the whole row is checked
 * once, before the first cell (row_text_bound).
 */

/* Where the next cell of a result row goes. */
typedef struct row_w {
    char *p;                    /* its text, in c->text */
    rfy_cell *cell;             /* its cell: column, kind and quoting stand there (c->row_layout) */
    const __mpz_struct **ore;   /* its exact amount, or NULL */
    int fail;                   /* a value did not fit its column */
} row_w;

/* The cell of the text just written at t (len bytes): no value. */
static inline void w_cell(row_w *w, const char *t, size_t len, int has_value, int64_t value,
                          const __mpz_struct *ore)
{
    w->cell->text = t;
    w->cell->len = len;
    w->cell->has_value = has_value;
    w->cell->value = value;
    w->cell++;
    *w->ore++ = ore;
}

/* Copy a short text (a name: category, forløb, provenance, a case_id, a
 * level reference) with fixed-size moves the compiler inlines, not a call
 * to memcpy per cell. */
static inline void copy_short(char *to, const char *from, size_t len)
{
    if (len > 16 && len <= 32) {
        memcpy(to, from, 16);
        memcpy(to + len - 16, from + len - 16, 16);
    } else if (len >= 8 && len <= 16) {
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

/* A text cell of a column never quoted (a name), copied into the line. */
static inline void w_name(row_w *w, const char *s, size_t len)
{
    copy_short(w->p, s, len);
    w->p[len] = ',';
    w_cell(w, w->p, len, 0, 0, NULL);
    w->p += len + 1;
}

/* A text cell copied into the line; quoted there when its column and text
 * ask for it (the cell then keeps the borrowed text s itself).  Room:
 * 2 × len + 4 bytes. */
static inline void w_text(row_w *w, rfy_column col, const char *s, size_t len)
{
    int neutralise = TABLE[col].quoting == RFY_QUOTE_NEUTRALISE, n;
    if (plain_csv(s, len, neutralise)) {
        copy_short(w->p, s, len);
        w->p[len] = ',';
        w_cell(w, w->p, len, 0, 0, NULL);
        w->p += len + 1;
        return;
    }
    if ((n = rfy_csv_format_field(w->p, 2 * len + 3, s, len, ',', neutralise)) < 0) {
        w->fail = 1;
        return;
    }
    w->p[n] = ',';
    w_cell(w, (size_t)n == len ? w->p : s, len, 0, 0, NULL); /* the same bytes when not quoted */
    w->p += (size_t)n + 1;
}

/* A whole number (days, run months, a line number) at most 20 digits, as
 * whole_cell().  Room: 21 bytes. */
static inline void w_whole(row_w *w, unsigned long v)
{
    size_t n = put_whole(w->p, v);
    w->p[n] = ',';
    w_cell(w, w->p, n, v <= (unsigned long)INT64_MAX, (int64_t)v, NULL);
    w->p += n + 1;
}

/* An amount in øre: "0.00" for nil (most deduction columns), one limb by
 * rfy__ore_put (money_text.h), anything larger by rfy_money_format.  Room:
 * 64 bytes. */
static inline void w_amount(row_w *w, const mpz_t ore)
{
    char *p = w->p;
    size_t len;
    if (mpz_sgn(ore) == 0) {
        memcpy(p, "0.00,", 5);
        w_cell(w, p, 4, 1, 0, ore);
        w->p += 5;
        return;
    }
    if (mpz_size(ore) == 1 && GMP_NUMB_BITS == 64) {
        mp_limb_t mag = mpz_getlimbn(ore, 0);
        int neg = mpz_sgn(ore) < 0;
        len = rfy__ore_put(p, neg, (uint64_t)mag, '.');
        if (mag <= (mp_limb_t)INT64_MAX)
            w_cell(w, p, len, 1, neg ? -(int64_t)mag : (int64_t)mag, ore);
        else
            w_cell(w, p, len, 0, 0, ore); /* beyond int64_t: no plain value */
    } else {
        int n = rfy_money_format(p, 64, ore, '.');
        if (n < 0) {
            w->fail = 1;
            return;
        }
        len = (size_t)n;
        w_cell(w, p, len, 0, 0, ore); /* beyond int64_t: no plain value */
    }
    p[len] = ',';
    w->p += len + 1;
}

/* A day count in thousandths (rfy/holiday.h): two decimals, three when
 * needed.  Room: 49 bytes. */
static inline void w_days(row_w *w, int64_t thousandths)
{
    int n;
    if (thousandths == 0) { /* most months: no holiday used, left or beyond */
        memcpy(w->p, "0.00,", 5);
        w_cell(w, w->p, 4, 1, 0, NULL);
        w->p += 5;
        return;
    }
    if ((n = rfy_holiday_days_format_m(w->p, 48, thousandths, '.')) < 0) {
        w->fail = 1;
        return;
    }
    w->p[n] = ',';
    w_cell(w, w->p, (size_t)n, 1, thousandths, NULL);
    w->p += (size_t)n + 1;
}

/* The month as YYYY-MM, as rfy_month_format() writes it.  Room: 8 bytes. */
static inline void w_month(row_w *w, rfy_month month)
{
    int y = RFY_MONTH_YEAR(month), m = RFY_MONTH_NUM(month);
    if (y >= 0 && y <= 9999) {
        memcpy(w->p, RFY__TWO_DIGITS + 2 * (y / 100), 2);
        memcpy(w->p + 2, RFY__TWO_DIGITS + 2 * (y % 100), 2);
        w->p[4] = '-';
        memcpy(w->p + 5, RFY__TWO_DIGITS + 2 * m, 2);
    } else {
        rfy_month_format(w->p, month);
    }
    w->p[7] = ',';
    w_cell(w, w->p, 7, 0, 0, NULL);
    w->p += 8;
}

/* The five holiday columns (rules.md §8): the state after the month, or five
 * empty cells when no ledger is known for it.  Room: 4 + 21 + 3 × 49. */
static void w_holiday(row_w *w, const rfy_holiday_month *h)
{
    if (h->status != RFY_HOLIDAY_KNOWN) {
        for (int col = RFY_COL_HOLIDAY_RIGHT; col <= RFY_COL_HOLIDAY_EXCESS_DAYS; col++)
            w_name(w, "", 0);
        return;
    }
    w_name(w, h->right ? "yes" : "no", h->right ? 3 : 2);
    w_whole(w, (unsigned long)(h->run_after < 0 ? 0 : h->run_after));
    w_days(w, h->used_after_m);
    w_days(w, h->days_left_m);
    w_days(w, h->excess_m);
}

/* The rates_id cell: the same for every row of a run, so its CSV field is
 * made once and kept (the text compared, not the pointer: a caller may
 * change the text under the same pointer).  Room: see row_text_bound. */
static void w_rates_id(rfy_cells *c, row_w *w, const char *rates_id, int kept)
{
    if (!kept) {
        size_t len = strlen(rates_id);
        int n;
        if (len == 0 || len > RATES_ID_MAX) {
            w_text(w, RFY_COL_RATES_ID, rates_id, len);
            return;
        }
        n = rfy_csv_format_field(c->rates_csv, sizeof c->rates_csv, rates_id, len, ',', 0);
        if (n < 0) {
            w->fail = 1;
            return;
        }
        memcpy(c->rates_id, rates_id, len + 1);
        c->rates_len = len;
        c->rates_csv_len = (size_t)n;
    }
    memcpy(w->p, c->rates_csv, c->rates_csv_len);
    w->p[c->rates_csv_len] = ',';
    /* the same bytes when not quoted; else the text as it is */
    w_cell(w, c->rates_csv_len == c->rates_len ? w->p : rates_id, c->rates_len, 0, 0, NULL);
    w->p += c->rates_csv_len + 1;
}

/* The most bytes a result row's text can take: each cell's room above
 * (the case_id and the level reference quoted at worst, the rates_id's
 * field when it is not the one kept), and the lines. */
static size_t row_text_bound(const rfy_batch_row *row, const char *rates_id, int kept)
{
    size_t rates = kept ? 2 * RATES_ID_MAX + 4 : 2 * strlen(rates_id) + 4;
    return (2 * row->case_id_len + 4) + 8 /* month */ + (64 + 1) /* category */ + (32 + 1) +
           (2 * 96 + 4) /* level_ref */ + 2 * 21 + 8 * 64 /* amounts */ + (16 + 1) + rates +
           (RFY_BATCH_LINES_MAX + 1) + (4 + 21 + 3 * 49) /* holiday */ + 129 /* warnings */ +
           RFY__ORE_PUT_ROOM;
}

int rfy_cells_of_row(rfy_cells *c, const rfy_batch_row *row, const char *rates_id)
{
    const rfy_case *in = row->in;
    const rfy_result *r = row->res;
    row_w w;
    int n, kept;
    const char *name;

    rfy_cells_clear(c);
    if (!c->row_layout) { /* the result columns' column, kind and quoting, set once */
        for (size_t i = 0; i < RFY_RESULT_COLUMNS; i++) {
            c->cell[i].column = (rfy_column)i;
            c->cell[i].kind = TABLE[i].kind;
            c->cell[i].quoting = TABLE[i].quoting;
        }
        c->row_layout = 1;
    }
    /* the rates_id the same as the row before's: its CSV field is kept */
    kept = c->rates_len != 0 && strncmp(rates_id, c->rates_id, c->rates_len + 1) == 0;
    if (row_text_bound(row, rates_id, kept) > CELLS_TEXT) {
        c->fail = 1; /* not with validated input (a case_id of at most 256 bytes) */
        return RFY_EINPUT;
    }
    w.p = c->text;
    w.cell = c->cell;
    w.ore = c->ore;
    w.fail = 0;
    w_text(&w, RFY_COL_CASE_ID, row->case_id, row->case_id_len);
    w_month(&w, in->month);
    /* several categories in a month of several rows (rfy/casemonth.h) */
    name = r->category[0] ? r->category : rfy_category_name(in->category);
    w_name(&w, name, strlen(name));
    name = rfy_forloeb_name(in->forloeb);
    w_name(&w, name, strlen(name));
    w_text(&w, RFY_COL_LEVEL_REF, r->level_ref, strlen(r->level_ref));
    w_whole(&w, (unsigned long)(r->days < 0 ? 0 : r->days));
    w_whole(&w, (unsigned long)(r->days_in_month < 0 ? 0 : r->days_in_month));
    w_amount(&w, r->gross);
    w_amount(&w, r->wage_deduction);
    w_amount(&w, r->holiday_deduction);
    w_amount(&w, r->activation_deduction);
    w_amount(&w, r->other_deduction);
    w_amount(&w, r->total_deduction);
    w_amount(&w, r->payment);
    name = rfy_provenance_name(r->provenance);
    w_name(&w, name, strlen(name));
    w_rates_id(c, &w, rates_id, kept);
    /* the case-month's input lines joined by ';' (interface.md); one row
     * (most case-months): its line number alone */
    if (row->nrows == 1 && rfy_batch_row_line(row, 0) < 100000000u) {
        n = (int)rfy__whole8_put(w.p, (uint32_t)rfy_batch_row_line(row, 0));
        w.p[n] = ',';
        w_cell(&w, w.p, (size_t)n, 0, 0, NULL); /* a text column: no value */
        w.p += (size_t)n + 1;
    } else if ((n = rfy_batch_row_format_lines(w.p, RFY_BATCH_LINES_MAX, row)) < 0) { /* 2..64 rows */
        w.fail = 1;
    } else {
        w.p[n] = ',';
        w_cell(&w, w.p, (size_t)n, 0, 0, NULL);
        w.p += (size_t)n + 1;
    }
    w_holiday(&w, &r->holiday);
    /* interface.md: sanction_deduction (rules.md §9), part of total_deduction */
    w_amount(&w, r->sanction_deduction);
    /* codes joined by ';' (interface.md), never a comma */
    n = rfy_warnings_format(w.p, 128, r->warnings);
    w.p[n] = ',';
    w_cell(&w, w.p, (size_t)n, 0, 0, NULL);
    w.p += (size_t)n + 1;

    c->n = (size_t)(w.cell - c->cell);
    c->used = (size_t)(w.p - c->text);
    if (w.fail || c->n != RFY_RESULT_COLUMNS) {
        c->fail = 1;
        return RFY_EINPUT;
    }
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
