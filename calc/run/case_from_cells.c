/*
 * Batch input columns → rfy_case.  See case_from_cells.h.
 *
 * Every reason names the column and, where it helps, echoes the offending
 * value (made safe and cut short) and the values that would be accepted.
 * Nothing here allocates: it runs once per row of files with millions of rows.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "case_from_cells.h"
#include "category_da.h"
#include "header_messages.h"
#include "fault.h"
#include "message_hints.h"
#include "rules.h"
#include "text_utf8.h"

/* Header names (interface.md "Batch input"), indexed by case_column. */
static const char *const COLUMN_NAME[CASE_COL_COUNT] = {
    "case_id",       "month",           "category",          "forloeb",
    "start",         "end",             "children",          "child_support",
    "prior",         "prior_amount",    "prior_unit",        "prior_until",
    "wage",          "holiday_pay",     "holiday_days",      "activation_income",
    "activation_hours", "other_income",    "holiday_ydelse_days", "holiday_run_months",
    "holiday_used_days", "sanction_days",  "sanction_amount"};

const char *case_column_name(case_column col)
{
    return (unsigned)col < CASE_COL_COUNT ? COLUMN_NAME[col] : "";
}

int case_column_required(case_column col)
{
    return col == CASE_COL_CASE_ID || col == CASE_COL_MONTH || col == CASE_COL_CATEGORY;
}

/* ---- Header ---------------------------------------------------------------- */

int case_binding_bind(case_binding *b, const rfy_csv_record *header, const char *const *extra,
                      size_t nextra, rfy_lang lang, char *msg, size_t msgsize)
{
    size_t i, k, kept;

    memset(b, 0, sizeof *b);
    for (k = 0; k < CASE_COL_COUNT; k++)
        b->field[k] = -1;
    msg[0] = '\0';
    if (nextra > CASE_MAX_EXTRA) {
        snprintf(msg, msgsize, header_message(HM_INTERNAL_EXTRA, lang), CASE_MAX_EXTRA);
        return RFY_EINPUT;
    }
    b->nextra = nextra;
    for (k = 0; k < nextra; k++) {
        b->extra_name[k] = extra[k];
        b->extra_field[k] = -1;
    }
    b->nfields = header->nfields;
    if (header->nfields == 1 && header->len[0] == 0) {
        snprintf(msg, msgsize, "%s", header_message(HM_EMPTY_HEADER, lang));
        return RFY_EINPUT;
    }
    /* More fields than the reader keeps cannot all be distinct known columns. */
    if (header->nfields > RFY_CSV_MAX_FIELDS) {
        snprintf(msg, msgsize, header_message(HM_TOO_WIDE, lang), header->nfields,
                 CASE_COL_COUNT + (int)nextra);
        return RFY_EINPUT;
    }
    kept = header->nfields;
    for (i = 0; i < kept; i++) {
        const char *name = header->field[i];
        size_t len = header->len[i];
        int *slot = NULL;
        const char *known = NULL;
        char shown[CASE_ID_DISPLAY_SIZE];

        for (k = 0; k < CASE_COL_COUNT && !slot; k++)
            if (strlen(COLUMN_NAME[k]) == len && memcmp(COLUMN_NAME[k], name, len) == 0) {
                slot = &b->field[k];
                known = COLUMN_NAME[k];
            }
        for (k = 0; k < nextra && !slot; k++)
            if (strlen(extra[k]) == len && memcmp(extra[k], name, len) == 0) {
                slot = &b->extra_field[k];
                known = extra[k];
            }
        if (!slot) {
            case_input_display_id(shown, sizeof shown, name, len);
            if (len == 0)
                snprintf(msg, msgsize, header_message(HM_NO_NAME, lang), i + 1);
            else
                snprintf(msg, msgsize, header_message(HM_UNKNOWN_SIMPLE, lang), shown, i + 1,
                         /* a whole ';'- or tab-separated header read as one column */
                         memchr(name, ';', len)    ? " ("
                         : memchr(name, '\t', len) ? " ("
                                                   : "",
                         memchr(name, ';', len)    ? rfy__hint_default_lang(RFY_HINT_SEMICOLON_FILE, lang)
                         : memchr(name, '\t', len) ? rfy__hint_default_lang(RFY_HINT_TAB_FILE, lang)
                                                   : "",
                         memchr(name, ';', len) || memchr(name, '\t', len) ? ")" : "");
            rfy__utf8_trim_tail(msg); /* msgsize may end inside the name */
            return RFY_EINPUT;
        }
        if (*slot >= 0) {
            snprintf(msg, msgsize, header_message(HM_TWICE, lang), known, *slot + 1, i + 1);
            return RFY_EINPUT;
        }
        *slot = (int)i;
    }
    for (k = 0; k < CASE_COL_COUNT; k++)
        if (case_column_required((case_column)k) && b->field[k] < 0) {
            snprintf(msg, msgsize, header_message(HM_MISSING_REQUIRED, lang), COLUMN_NAME[k]);
            return RFY_EINPUT;
        }
    for (k = 0; k < CASE_COL_COUNT; k++)
        if (b->field[k] >= 0)
            b->bound[b->nbound++] = (unsigned char)k;
    return RFY_OK;
}

const char *case_input_cell(const case_binding *b, const rfy_csv_record *rec, case_column col,
                            size_t *len)
{
    int f = (unsigned)col < CASE_COL_COUNT ? b->field[col] : -1;
    if (f < 0 || (size_t)f >= rec->nfields || f >= RFY_CSV_MAX_FIELDS) {
        *len = 0;
        return "";
    }
    *len = rec->len[f];
    return rec->field[f];
}

const char *case_input_extra_cell(const case_binding *b, const rfy_csv_record *rec, size_t i,
                                  size_t *len)
{
    int f = i < b->nextra ? b->extra_field[i] : -1;
    if (f < 0 || (size_t)f >= rec->nfields || f >= RFY_CSV_MAX_FIELDS) {
        *len = 0;
        return "";
    }
    *len = rec->len[f];
    return rec->field[f];
}

int rfy_batch_binding_has_extra(const rfy_case_binding *b, size_t i)
{
    return i < b->nextra && b->extra_field[i] >= 0;
}

const char *rfy_batch_binding_extra_cell(const rfy_case_binding *b, const rfy_csv_record *rec,
                                         size_t i, size_t *len)
{
    return case_input_extra_cell(b, rec, i, len);
}

const char *rfy_batch_binding_cell(const rfy_case_binding *b, const rfy_csv_record *rec,
                                   const char *column, size_t *len)
{
    for (int k = 0; k < CASE_COL_COUNT; k++)
        if (strcmp(COLUMN_NAME[k], column) == 0)
            return case_input_cell(b, rec, (case_column)k, len);
    *len = 0;
    return "";
}

/* ---- Text safety ------------------------------------------------------------ */

/* Printable: ASCII 0x20–0x7E, or a non-ASCII character that is not a C1 control. */
static int printable(unsigned long cp)
{
    return (cp >= 0x20 && cp <= 0x7E) || cp >= 0xA0;
}

/* Characters that print as nothing (soft hyphen, zero-width and direction
 * marks, word joiners, the byte-order mark): an id containing one looks the
 * same as an id without it, so two different cases could look alike. */
static int invisible(unsigned long cp)
{
    return cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
}

/* Whether the invalid UTF-8 at s is more likely a Windows-1252 letter (æ is
 * 0xE6, ø 0xF8, å 0xE5 there) than cut-off UTF-8: a byte that cannot start
 * UTF-8, or a lead byte followed by a byte that cannot continue it. */
static int looks_cp1252(const unsigned char *s, size_t len)
{
    if (s[0] < 0x80 || s[0] == 0x81 || s[0] == 0x8D || s[0] == 0x8F || s[0] == 0x90 ||
        s[0] == 0x9D) /* ASCII, or not a character in Windows-1252 */
        return 0;
    if (s[0] < 0xC2 || s[0] > 0xF4)
        return 1;
    return len >= 2 && (s[1] & 0xC0u) != 0x80u;
}

/* Whether s holds a byte that is not valid UTF-8 and looks like Windows-1252. */
static int text_looks_cp1252(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, n;
    unsigned long cp;
    while (i < len) {
        if ((n = rfy__utf8_char(p + i, len - i, &cp)) == 0)
            return looks_cp1252(p + i, len - i);
        i += n;
    }
    return 0;
}

rfy_fault_code case_input_id_fault(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, chars = 0, spaces = 0;
    if (len == 0)
        return RFY_FAULT_CASE_ID_EMPTY;
    while (i < len) {
        unsigned long cp = 0;
        size_t n;
        if (p[i] > ' ' && p[i] < 0x7F) { /* printable ASCII but space: most ids are only these */
            i++;
            chars++;
            continue;
        }
        n = rfy__utf8_char(p + i, len - i, &cp);
        if (n == 0)
            return looks_cp1252(p + i, len - i) ? RFY_FAULT_CASE_ID_CP1252 : RFY_FAULT_CASE_ID_NOT_UTF8;
        if (!printable(cp))
            return RFY_FAULT_CASE_ID_CONTROL;
        if (invisible(cp))
            return RFY_FAULT_CASE_ID_INVISIBLE;
        if (cp == ' ')
            spaces++;
        i += n;
        chars++;
    }
    if (chars > CASE_ID_MAX_CHARS)
        return RFY_FAULT_CASE_ID_TOO_LONG;
    if (spaces == chars)
        return RFY_FAULT_CASE_ID_BLANK;
    return RFY_FAULT_NONE;
}

/* Safe copy of at most max_chars characters of s (see case_input_display_id). */
static size_t display(char *buf, size_t size, const char *s, size_t len, size_t max_chars)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0, chars = 0;
    while (i < len) {
        unsigned long cp = 0;
        size_t n = rfy__utf8_char(p + i, len - i, &cp);
        if (chars == max_chars) {
            if (o + 4 <= size) {
                memcpy(buf + o, "...", 3);
                o += 3;
            }
            break;
        }
        if (n == 0 || !printable(cp) || invisible(cp)) {
            if (o + 2 > size)
                break;
            buf[o++] = '?';
            i += n ? n : 1;
        } else {
            if (o + n + 1 > size)
                break;
            memcpy(buf + o, p + i, n);
            o += n;
            i += n;
        }
        chars++;
    }
    if (size > 0)
        buf[o < size ? o : size - 1] = '\0';
    return o;
}

size_t case_input_display_id(char *buf, size_t size, const char *s, size_t len)
{
    return display(buf, size, s, len, CASE_ID_MAX_CHARS);
}

/* ---- Cells ------------------------------------------------------------------- */

/* A cell being parsed: its column and text. */
typedef struct cell {
    case_column col;
    const char *s;
    size_t len;
} cell;

/* Every column's cell, empty: where case_input_parse() starts. */
#define NO_CELL(k) {(case_column)(k), "", 0}
static const cell NO_CELLS[CASE_COL_COUNT] = {
    NO_CELL(0),  NO_CELL(1),  NO_CELL(2),  NO_CELL(3),  NO_CELL(4),  NO_CELL(5),
    NO_CELL(6),  NO_CELL(7),  NO_CELL(8),  NO_CELL(9),  NO_CELL(10), NO_CELL(11),
    NO_CELL(12), NO_CELL(13), NO_CELL(14), NO_CELL(15), NO_CELL(16), NO_CELL(17),
    NO_CELL(18), NO_CELL(19), NO_CELL(20), NO_CELL(21), NO_CELL(22)};
_Static_assert(CASE_COL_COUNT == 23, "NO_CELLS names every column");

/* Record a fault of `code` at cell c, with its value as given; returns RFY_EINPUT. */
static int reject(rfy_error *err, const cell *c, rfy_fault_code code, long limit)
{
    return rfy__fault(err, code, COLUMN_NAME[c->col], c->s, c->len, limit);
}

static int parse_enum(const cell *c, int (*from_name)(void *, const char *, size_t), void *out,
                      rfy_fault_code unknown, rfy_error *err)
{
    if (from_name(out, c->s, c->len) == 0)
        return RFY_OK;
    return reject(err, c, text_looks_cp1252(c->s, c->len) ? RFY_FAULT_TEXT_CP1252 : unknown, 0);
}

/* Adapters: the engine's from_name functions take typed pointers. */
static int category_from(void *out, const char *s, size_t len)
{
    return rfy_category_from_name(out, s, len);
}
static int forloeb_from(void *out, const char *s, size_t len)
{
    return rfy_forloeb_from_name(out, s, len);
}
static int prior_from(void *out, const char *s, size_t len)
{
    return rfy_prior_from_name(out, s, len);
}

/* A decimal cell into `out` (øre, or hundredths for hours and days), with its
 * plausibility limit `max` (same unit); `shown_limit` is the limit as the
 * fault names it (øre for an amount, whole hours or days otherwise). */
/* The usual cell -- "123", "123.4", "123.45": at most 9 whole digits, then
 * optionally the decimal point and 1 to syn->max_decimals digits, nothing
 * else -- read straight from the cell's bytes into *v (value × 10^max_decimals,
 * as rfy_decimal_parse() gives it: the same digits, scaled the same way).
 * Returns 0 for anything else (signs, separators, faults, longer numbers),
 * which rfy_amount_parse() then reads and judges. */
static int plain_decimal(unsigned long *v, const char *s, size_t len, const rfy_decimal_syntax *syn)
{
    unsigned long long x = 0;
    size_t i = 0, whole, frac = 0;
    if (syn == &RFY_AMOUNT_DA || syn->max_decimals > 4)
        return 0;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        x = x * 10 + (unsigned)(s[i++] - '0');
    whole = i;
    if (whole == 0 || whole > 9)
        return 0;
    if (i < len) {
        if (s[i++] != syn->decimal_point)
            return 0;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            x = x * 10 + (unsigned)(s[i++] - '0');
            frac++;
        }
        if (i < len || frac == 0 || frac > syn->max_decimals)
            return 0;
    }
    for (; frac < syn->max_decimals; frac++)
        x *= 10; /* below 10^13: no overflow */
    if (x > ULONG_MAX)
        return 0;
    *v = (unsigned long)x;
    return 1;
}

static int parse_decimal(mpz_t out, const cell *c, const rfy_decimal_syntax *syn, long max,
                         rfy_fault_code too_large, long shown_limit, rfy_error *err)
{
    const char *why = NULL;
    unsigned long v;
    if (plain_decimal(&v, c->s, c->len, syn)) {
        mpz_set_ui(out, v);
        if (max < 0 || v > (unsigned long)max)
            return reject(err, c, too_large, shown_limit);
        return RFY_OK;
    }
    if (rfy_amount_parse(out, c->s, c->len, syn, &why) != RFY_OK) { /* also 20.000,00 */
        rfy_fault_code code = rfy__number_fault(why);
        return reject(err, c, code, code == RFY_FAULT_NUMBER_DECIMALS ? syn->max_decimals
                                    : code == RFY_FAULT_NUMBER_TOO_LONG ? RFY_DECIMAL_MAX_CHARS
                                                                        : 0);
    }
    if (mpz_cmp_si(out, max) > 0)
        return reject(err, c, too_large, shown_limit);
    return RFY_OK;
}

/* An amount in kr.: the interface limit 9999999.99. */
static int parse_amount(mpz_t out, const cell *c, const rfy_decimal_syntax *syn, rfy_error *err)
{
    return parse_decimal(out, c, syn, RFY_MAX_AMOUNT_ORE, RFY_FAULT_AMOUNT_TOO_LARGE,
                         RFY_MAX_AMOUNT_ORE, err);
}

/* children: a whole number 1–20, digits only (no sign, no decimals). */
static int parse_children(int *out, const cell *c, rfy_error *err)
{
    long n = 0;
    size_t i;
    for (i = 0; i < c->len; i++) {
        if (c->s[i] < '0' || c->s[i] > '9')
            return reject(err, c, RFY_FAULT_CHILDREN_RANGE, RFY_MAX_CHILDREN);
        if (n <= RFY_MAX_CHILDREN)
            n = n * 10 + (c->s[i] - '0');
    }
    if (n < 1 || n > RFY_MAX_CHILDREN)
        return reject(err, c, RFY_FAULT_CHILDREN_RANGE, RFY_MAX_CHILDREN);
    *out = (int)n;
    return RFY_OK;
}

/* A whole number 0..max, digits only (no sign, no decimals); the unit is the column's. */
static int parse_count(long *out, const cell *c, long max, rfy_error *err)
{
    long n = 0;
    size_t i;
    for (i = 0; i < c->len; i++) {
        if (c->s[i] < '0' || c->s[i] > '9')
            return reject(err, c, RFY_FAULT_NOT_WHOLE, max);
        if (n <= max)
            n = n * 10 + (c->s[i] - '0');
    }
    if (n > max)
        return reject(err, c, RFY_FAULT_OUT_OF_RANGE, max);
    *out = n;
    return RFY_OK;
}

/* A date; with in_month set it must lie in `month`. */
static int parse_date(rfy_date *out, const cell *c, const rfy_month *in_month, rfy_error *err)
{
    const char *why = NULL;
    if (rfy_date_parse(out, c->s, c->len, &why) != RFY_OK)
        return reject(err, c, RFY_FAULT_DATE_INVALID, 0);
    if (in_month && rfy_date_month(out) != *in_month) {
        rfy_fault *f = rfy__fault_add(err, RFY_FAULT_DATE_OUTSIDE_MONTH, COLUMN_NAME[c->col]);
        if (f) {
            rfy__fault_value(f, c->s, c->len);
            f->month = *in_month;
        }
        rfy__fault_end(err);
        return RFY_EINPUT;
    }
    return RFY_OK;
}

/* ---- Row ----------------------------------------------------------------------- */

int case_input_parse(rfy_case *out, const case_binding *b, const rfy_csv_record *rec,
                     const rfy_decimal_syntax *amount, rfy_error *err)
{
    /* activation_hours and holiday_days: two decimals, like amounts, in the
     * same decimal syntax (hundredths).  Every cell is checked, so a row
     * reports all its faults (in column order); a check that needs another
     * cell (start inside the month) runs only when that cell was good. */
    cell c[CASE_COL_COUNT];
    const char *why = NULL;
    rfy_date start = {0, 0, 0}, end, until;
    rfy_fault_code idf;
    size_t k, kept;
    int month_ok = 0, start_ok = 1, prior_ok = 1;

    rfy_error_reset(err);
    if (rec->nfields != b->nfields) {
        rfy_fault *f = rfy__fault_add(err, RFY_FAULT_FIELD_COUNT, "");
        if (f) {
            f->limit = (long)b->nfields;
            f->other = (long)rec->nfields;
        }
        rfy__fault_end(err);
        return RFY_EINPUT;
    }
    /* The cells as case_input_cell() finds them: every column empty, then
     * the columns present looked up (an index beyond the kept fields, or an
     * unbound column's -1 as a huge unsigned one, stays empty). */
    kept = rec->nfields < RFY_CSV_MAX_FIELDS ? rec->nfields : RFY_CSV_MAX_FIELDS;
    memcpy(c, NO_CELLS, sizeof c);
    if (b->nbound) {
        for (k = 0; k < b->nbound; k++) {
            size_t col = b->bound[k];
            unsigned f = (unsigned)b->field[col];
            if (f < kept) {
                c[col].s = rec->field[f];
                c[col].len = rec->len[f];
            }
        }
    } else {
        for (k = 0; k < CASE_COL_COUNT; k++) {
            unsigned f = (unsigned)b->field[k];
            if (f < kept) {
                c[k].s = rec->field[f];
                c[k].len = rec->len[f];
            }
        }
    }

    /* Required columns. */
    if ((idf = case_input_id_fault(c[CASE_COL_CASE_ID].s, c[CASE_COL_CASE_ID].len)) != RFY_FAULT_NONE)
        reject(err, &c[CASE_COL_CASE_ID], idf, idf == RFY_FAULT_CASE_ID_TOO_LONG ? CASE_ID_MAX_CHARS : 0);
    if (c[CASE_COL_MONTH].len == 0)
        reject(err, &c[CASE_COL_MONTH], RFY_FAULT_REQUIRED, 0);
    else if (rfy_month_parse(&out->month, c[CASE_COL_MONTH].s, c[CASE_COL_MONTH].len, &why) != RFY_OK)
        reject(err, &c[CASE_COL_MONTH], RFY_FAULT_MONTH_INVALID, 0);
    else
        month_ok = 1;
    if (c[CASE_COL_CATEGORY].len == 0)
        reject(err, &c[CASE_COL_CATEGORY], RFY_FAULT_REQUIRED, 0);
    else
        parse_enum(&c[CASE_COL_CATEGORY], category_from, &out->category, RFY_FAULT_CATEGORY_UNKNOWN, err);

    /* Optional columns: an empty cell keeps the default of rfy_case_reset(). */
    if (c[CASE_COL_FORLOEB].len)
        parse_enum(&c[CASE_COL_FORLOEB], forloeb_from, &out->forloeb, RFY_FAULT_FORLOEB_UNKNOWN, err);
    if (c[CASE_COL_START].len) {
        if (month_ok && parse_date(&start, &c[CASE_COL_START], &out->month, err) == RFY_OK)
            out->start_day = start.day;
        else if (!month_ok && parse_date(&start, &c[CASE_COL_START], NULL, err) == RFY_OK)
            start_ok = 0; /* a good date, but no month to place it in */
        else
            start_ok = 0;
    }
    if (c[CASE_COL_END].len) {
        if (month_ok && parse_date(&end, &c[CASE_COL_END], &out->month, err) == RFY_OK) {
            if (start_ok && out->start_day > end.day) {
                rfy_fault *f = rfy__fault_add(err, RFY_FAULT_END_BEFORE_START, COLUMN_NAME[CASE_COL_END]);
                if (f) {
                    rfy__fault_value(f, c[CASE_COL_END].s, c[CASE_COL_END].len);
                    f->first_day = start.day;
                    f->month = out->month;
                }
                rfy__fault_end(err);
            } else {
                out->end_day = end.day;
            }
        } else if (!month_ok) {
            parse_date(&end, &c[CASE_COL_END], NULL, err);
        }
    }
    if (c[CASE_COL_CHILDREN].len)
        parse_children(&out->children, &c[CASE_COL_CHILDREN], err);
    if (c[CASE_COL_CHILD_SUPPORT].len &&
        parse_amount(out->child_support, &c[CASE_COL_CHILD_SUPPORT], amount, err) == RFY_OK)
        out->has_child_support = 1;
    if (c[CASE_COL_PRIOR].len &&
        parse_enum(&c[CASE_COL_PRIOR], prior_from, &out->prior, RFY_FAULT_PRIOR_UNKNOWN, err) != RFY_OK)
        prior_ok = 0;
    if (c[CASE_COL_PRIOR_AMOUNT].len)
        parse_amount(out->prior_amount, &c[CASE_COL_PRIOR_AMOUNT], amount, err);
    if (c[CASE_COL_PRIOR_UNIT].len) {
        const cell *u = &c[CASE_COL_PRIOR_UNIT];
        rfy_period_unit unit;
        if (rfy__period_unit_from_name(&unit, u->s, u->len) == 0)
            out->prior_unit = unit;
        else
            reject(err, u, RFY_FAULT_PRIOR_UNIT_UNKNOWN, 0);
    } else if (prior_ok && out->prior != RFY_PRIOR_NONE) {
        /* Checked here too (the engine checks it again) so that the row
         * reports it with the other faults of its cells. */
        rfy__refuse_prior_unit(err, out->prior);
    }
    if (c[CASE_COL_PRIOR_UNTIL].len && parse_date(&until, &c[CASE_COL_PRIOR_UNTIL], NULL, err) == RFY_OK) {
        out->prior_until = until;
        out->has_prior_until = 1;
    }
    if (c[CASE_COL_WAGE].len)
        parse_amount(out->wage, &c[CASE_COL_WAGE], amount, err);
    if (c[CASE_COL_HOLIDAY_PAY].len)
        parse_amount(out->holiday_pay, &c[CASE_COL_HOLIDAY_PAY], amount, err);
    if (c[CASE_COL_HOLIDAY_DAYS].len)
        parse_decimal(out->holiday_days, &c[CASE_COL_HOLIDAY_DAYS], amount, RFY_MAX_HOLIDAY_DAYS_C,
                      RFY_FAULT_OUT_OF_RANGE, RFY_MAX_HOLIDAY_DAYS_C / 100, err);
    if (c[CASE_COL_ACTIVATION_INCOME].len)
        parse_amount(out->activation_income, &c[CASE_COL_ACTIVATION_INCOME], amount, err);
    if (c[CASE_COL_ACTIVATION_HOURS].len)
        parse_decimal(out->activation_hours, &c[CASE_COL_ACTIVATION_HOURS], amount, RFY_MAX_HOURS_C,
                      RFY_FAULT_OUT_OF_RANGE, RFY_MAX_HOURS_C / 100, err);
    if (c[CASE_COL_OTHER_INCOME].len)
        parse_amount(out->other_income, &c[CASE_COL_OTHER_INCOME], amount, err);
    /* rules.md §8: holiday with ydelse in whole calendar days; the ledger state
     * of the case's first month (days used may have three decimals: 2,08
     * feriedage × 7/5 = 2,912 days). */
    if (c[CASE_COL_HOLIDAY_YDELSE_DAYS].len) {
        long n = 0;
        if (parse_count(&n, &c[CASE_COL_HOLIDAY_YDELSE_DAYS], RFY_MAX_HOLIDAY_YDELSE_DAYS, err) == RFY_OK)
            out->holiday_ydelse_days = (int)n;
    }
    if (c[CASE_COL_HOLIDAY_RUN_MONTHS].len) {
        parse_count(&out->holiday_run_months, &c[CASE_COL_HOLIDAY_RUN_MONTHS], RFY_MAX_HOLIDAY_RUN_MONTHS,
                    err);
        out->has_holiday_state = 1;
    }
    if (c[CASE_COL_HOLIDAY_USED_DAYS].len) {
        rfy_decimal_syntax days3 = {RFY_HOLIDAY_DAY_DECIMALS, amount->decimal_point, 0};
        parse_decimal(out->holiday_used_days, &c[CASE_COL_HOLIDAY_USED_DAYS], &days3,
                      RFY_MAX_HOLIDAY_USED_DAYS_M, RFY_FAULT_OUT_OF_RANGE, RFY_MAX_HOLIDAY_USED_DAYS_M / 1000,
                      err);
        out->has_holiday_state = 1;
    }
    /* rules.md §9: whole days of periodesanktion (a fraction of a day is refused) */
    if (c[CASE_COL_SANCTION_DAYS].len) {
        long n = 0;
        if (parse_count(&n, &c[CASE_COL_SANCTION_DAYS], RFY_MAX_SANCTION_DAYS, err) == RFY_OK)
            out->sanction_days = (int)n;
    }
    if (c[CASE_COL_SANCTION_AMOUNT].len)
        parse_amount(out->sanction_amount, &c[CASE_COL_SANCTION_AMOUNT], amount, err);
    return err->nfaults > 0 || err->more ? RFY_EINPUT : RFY_OK;
}
