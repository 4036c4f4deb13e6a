/*
 * Batch input columns → rfy_case.  See case_input.h.
 *
 * Every reason names the column and, where it helps, echoes the offending
 * value (made safe and cut short) and the values that would be accepted.
 * Nothing here allocates: it runs once per row of files with millions of rows.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "case_input.h"
#include "hint.h"
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

/* Longest part of a bad value echoed in a reason (the reason has 200 bytes). */
#define ECHO_CHARS 32

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
                      size_t nextra, char *msg, size_t msgsize)
{
    size_t i, k, kept;

    memset(b, 0, sizeof *b);
    for (k = 0; k < CASE_COL_COUNT; k++)
        b->field[k] = -1;
    msg[0] = '\0';
    if (nextra > CASE_MAX_EXTRA) {
        snprintf(msg, msgsize, "internal error: more than %d extra columns", CASE_MAX_EXTRA);
        return RFY_EINPUT;
    }
    b->nextra = nextra;
    for (k = 0; k < nextra; k++) {
        b->extra_name[k] = extra[k];
        b->extra_field[k] = -1;
    }
    b->nfields = header->nfields;
    if (header->nfields == 1 && header->len[0] == 0) {
        snprintf(msg, msgsize, "the header row is empty");
        return RFY_EINPUT;
    }
    /* More fields than the reader keeps cannot all be distinct known columns. */
    if (header->nfields > RFY_CSV_MAX_FIELDS) {
        snprintf(msg, msgsize, "the header has %zu columns; only %d are known", header->nfields,
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
                snprintf(msg, msgsize, "column %zu of the header has no name", i + 1);
            else
                snprintf(msg, msgsize,
                         "unknown column '%s' (column %zu of the header); column names are "
                         "exact and lowercase, see docs/batch.md%s%s%s",
                         shown, i + 1,
                         /* a whole ';'- or tab-separated header read as one column */
                         memchr(name, ';', len)    ? " ("
                         : memchr(name, '\t', len) ? " ("
                                                   : "",
                         memchr(name, ';', len)    ? rfy_hint_text(RFY_HINT_SEMICOLON_FILE)
                         : memchr(name, '\t', len) ? rfy_hint_text(RFY_HINT_TAB_FILE)
                                                   : "",
                         memchr(name, ';', len) || memchr(name, '\t', len) ? ")" : "");
            rfy__utf8_trim_tail(msg); /* msgsize may end inside the name */
            return RFY_EINPUT;
        }
        if (*slot >= 0) {
            snprintf(msg, msgsize, "column '%s' appears twice in the header (columns %d and %zu)",
                     known, *slot + 1, i + 1);
            return RFY_EINPUT;
        }
        *slot = (int)i;
    }
    for (k = 0; k < CASE_COL_COUNT; k++)
        if (case_column_required((case_column)k) && b->field[k] < 0) {
            snprintf(msg, msgsize, "required column '%s' is missing from the header",
                     COLUMN_NAME[k]);
            return RFY_EINPUT;
        }
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

/* What a reason adds when the bytes look like Windows-1252. */
#define CP1252_HINT "looks like Windows-1252 (Danish Excel's CSV): "

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

int case_input_check_id(const char *s, size_t len, const char **why)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, chars = 0, spaces = 0;
    if (len == 0) {
        *why = "case_id is empty";
        return RFY_EINPUT;
    }
    while (i < len) {
        unsigned long cp = 0;
        size_t n;
        if (p[i] > ' ' && p[i] < 0x7F) { /* printable ASCII but space: most ids are only these */
            i++;
            chars++;
            continue;
        }
        n = rfy__utf8_char(p + i, len - i, &cp);
        if (n == 0) {
            *why = looks_cp1252(p + i, len - i) ? rfy__cp1252_id_why()
                                                : "case_id is not valid UTF-8 text";
            return RFY_EINPUT;
        }
        if (!printable(cp)) {
            *why = "case_id contains a control character (tab, line break, NUL or similar)";
            return RFY_EINPUT;
        }
        if (invisible(cp)) {
            *why = "case_id contains an invisible character (zero-width space, byte-order mark "
                   "or similar)";
            return RFY_EINPUT;
        }
        if (cp == ' ')
            spaces++;
        i += n;
        chars++;
    }
    if (chars > CASE_ID_MAX_CHARS) {
        *why = "case_id is longer than 64 characters";
        return RFY_EINPUT;
    }
    if (spaces == chars) {
        *why = "case_id is blank (only spaces)";
        return RFY_EINPUT;
    }
    return RFY_OK;
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

/* Fill err for column col: the reason is the column name, a space, then fmt. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int reject(rfy_error *err, case_column col, const char *fmt, ...)
{
    va_list ap;
    int n;
    err->column = COLUMN_NAME[col];
    n = snprintf(err->reason, sizeof err->reason, "%s ", COLUMN_NAME[col]);
    va_start(ap, fmt);
    vsnprintf(err->reason + n, sizeof err->reason - (size_t)n, fmt, ap);
    va_end(ap);
    rfy__utf8_trim_tail(err->reason);
    return RFY_EINPUT;
}

/* The bad value, quoted for a reason. */
static const char *shown(char *buf, size_t size, const cell *c)
{
    display(buf, size, c->s, c->len, ECHO_CHARS);
    return buf;
}

static int parse_enum(const cell *c, int (*from_name)(void *, const char *, size_t), void *out,
                      const char *allowed, rfy_error *err)
{
    char v[ECHO_CHARS * 4 + 4];
    if (from_name(out, c->s, c->len) == 0)
        return RFY_OK;
    return reject(err, c->col, "'%s' is not known: use %s%s%s", shown(v, sizeof v, c), allowed,
                  text_looks_cp1252(c->s, c->len) ? "; " CP1252_HINT : "",
                  text_looks_cp1252(c->s, c->len) ? rfy_hint_text(RFY_HINT_CP1252) : "");
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
 * plausibility limit `max` (same unit) written `max_text` for people. */
static int parse_decimal(mpz_t out, const cell *c, const rfy_decimal_syntax *syn, long max,
                         const char *max_text, rfy_error *err)
{
    char v[ECHO_CHARS * 4 + 4];
    const char *why = NULL;
    if (rfy_amount_parse(out, c->s, c->len, syn, &why) != RFY_OK) /* also 20.000,00 */
        return reject(err, c->col, "'%s' is not a valid number: %s", shown(v, sizeof v, c),
                      why ? why : "unreadable");
    if (mpz_cmp_si(out, max) > 0)
        return reject(err, c->col, "'%s' is above the limit %s", shown(v, sizeof v, c),
                      max_text);
    return RFY_OK;
}

/* An amount in kr.: the interface limit 9999999.99, written in the input's syntax. */
static int parse_amount(mpz_t out, const cell *c, const rfy_decimal_syntax *syn, rfy_error *err)
{
    return parse_decimal(out, c, syn, RFY_MAX_AMOUNT_ORE,
                         syn->decimal_point == ',' ? "9999999,99 kr." : "9999999.99 kr.", err);
}

/* children: a whole number 1–20, digits only (no sign, no decimals). */
static int parse_children(int *out, const cell *c, rfy_error *err)
{
    char v[ECHO_CHARS * 4 + 4];
    long n = 0;
    size_t i;
    for (i = 0; i < c->len; i++) {
        if (c->s[i] < '0' || c->s[i] > '9')
            return reject(err, c->col, "'%s' is not a whole number from 1 to 20 (digits only, "
                          "no sign or decimals)", shown(v, sizeof v, c));
        if (n <= RFY_MAX_CHILDREN)
            n = n * 10 + (c->s[i] - '0');
    }
    if (n < 1 || n > RFY_MAX_CHILDREN)
        return reject(err, c->col, "'%s' is out of range: use a whole number from 1 to 20",
                      shown(v, sizeof v, c));
    *out = (int)n;
    return RFY_OK;
}

/* A whole number 0..max, digits only (no sign, no decimals); `what` names the unit. */
static int parse_count(long *out, const cell *c, long max, const char *what, rfy_error *err)
{
    char v[ECHO_CHARS * 4 + 4];
    long n = 0;
    size_t i;
    for (i = 0; i < c->len; i++) {
        if (c->s[i] < '0' || c->s[i] > '9')
            return reject(err, c->col, "'%s' is not a whole number of %s from 0 to %ld (digits "
                          "only, no sign or decimals)", shown(v, sizeof v, c), what, max);
        if (n <= max)
            n = n * 10 + (c->s[i] - '0');
    }
    if (n > max)
        return reject(err, c->col, "'%s' is above the limit %ld %s", shown(v, sizeof v, c), max,
                      what);
    *out = n;
    return RFY_OK;
}

/* A date; with in_month set it must lie in `month`. */
static int parse_date(rfy_date *out, const cell *c, const rfy_month *in_month, rfy_error *err)
{
    char v[ECHO_CHARS * 4 + 4], m[8];
    const char *why = NULL;
    if (rfy_date_parse(out, c->s, c->len, &why) != RFY_OK)
        return reject(err, c->col, "'%s' is not a valid date: %s", shown(v, sizeof v, c),
                      why ? why : "expected YYYY-MM-DD");
    if (in_month && rfy_date_month(out) != *in_month) {
        rfy_month_format(m, *in_month);
        return reject(err, c->col, "%s is outside the month %s (start and end must lie in the "
                      "row's month)", shown(v, sizeof v, c), m);
    }
    return RFY_OK;
}

/* ---- Row ----------------------------------------------------------------------- */

int case_input_parse(rfy_case *out, const case_binding *b, const rfy_csv_record *rec,
                     const rfy_decimal_syntax *amount, rfy_error *err)
{
    /* activation_hours and holiday_days: two decimals, like amounts, in the
     * same decimal syntax (hundredths). */
    cell c[CASE_COL_COUNT];
    char v[ECHO_CHARS * 4 + 4];
    const char *why = NULL;
    rfy_date start = {0, 0, 0}, end, until;
    size_t k;
    int rc;

    err->column = "";
    err->reason[0] = '\0';
    if (rec->nfields != b->nfields) {
        snprintf(err->reason, sizeof err->reason, "expected %zu fields (as in the header), found %zu",
                 b->nfields, rec->nfields);
        return RFY_EINPUT;
    }
    for (k = 0; k < CASE_COL_COUNT; k++) {
        c[k].col = (case_column)k;
        c[k].s = case_input_cell(b, rec, (case_column)k, &c[k].len);
    }

    /* Required columns. */
    if (case_input_check_id(c[CASE_COL_CASE_ID].s, c[CASE_COL_CASE_ID].len, &why) != RFY_OK) {
        err->column = COLUMN_NAME[CASE_COL_CASE_ID];
        snprintf(err->reason, sizeof err->reason, "%s", why);
        return RFY_EINPUT;
    }
    if (c[CASE_COL_MONTH].len == 0)
        return reject(err, CASE_COL_MONTH, "is required (YYYY-MM, e.g. 2024-04)");
    if (rfy_month_parse(&out->month, c[CASE_COL_MONTH].s, c[CASE_COL_MONTH].len, &why) != RFY_OK)
        return reject(err, CASE_COL_MONTH, "'%s' is not a valid month: %s",
                      shown(v, sizeof v, &c[CASE_COL_MONTH]), why ? why : "expected YYYY-MM");
    if (c[CASE_COL_CATEGORY].len == 0)
        return reject(err, CASE_COL_CATEGORY,
                      "is required: use forsorger, ikke_forsorger, u25_hjemme or "
                      "u25_hjemme_bidrag");
    if ((rc = parse_enum(&c[CASE_COL_CATEGORY], category_from, &out->category,
                         "forsorger, ikke_forsorger, u25_hjemme or u25_hjemme_bidrag", err)))
        return rc;

    /* Optional columns: an empty cell keeps the default of rfy_case_reset(). */
    if (c[CASE_COL_FORLOEB].len &&
        (rc = parse_enum(&c[CASE_COL_FORLOEB], forloeb_from, &out->forloeb,
                         "ressourceforloeb or jobafklaring", err)))
        return rc;
    if (c[CASE_COL_START].len) {
        if ((rc = parse_date(&start, &c[CASE_COL_START], &out->month, err)))
            return rc;
        out->start_day = start.day;
    }
    if (c[CASE_COL_END].len) {
        if ((rc = parse_date(&end, &c[CASE_COL_END], &out->month, err)))
            return rc;
        if (out->start_day > end.day) {
            char s[11];
            rfy_date_format(s, &start);
            return reject(err, CASE_COL_END, "%s is before start %s",
                          shown(v, sizeof v, &c[CASE_COL_END]), s);
        }
        out->end_day = end.day;
    }
    if (c[CASE_COL_CHILDREN].len && (rc = parse_children(&out->children, &c[CASE_COL_CHILDREN], err)))
        return rc;
    if (c[CASE_COL_CHILD_SUPPORT].len) {
        if ((rc = parse_amount(out->child_support, &c[CASE_COL_CHILD_SUPPORT], amount, err)))
            return rc;
        out->has_child_support = 1;
    }
    if (c[CASE_COL_PRIOR].len &&
        (rc = parse_enum(&c[CASE_COL_PRIOR], prior_from, &out->prior,
                         "none, sygedagpenge or ledighedsydelse", err)))
        return rc;
    if (c[CASE_COL_PRIOR_AMOUNT].len &&
        (rc = parse_amount(out->prior_amount, &c[CASE_COL_PRIOR_AMOUNT], amount, err)))
        return rc;
    if (c[CASE_COL_PRIOR_UNIT].len) {
        const cell *u = &c[CASE_COL_PRIOR_UNIT];
        if (u->len == 4 && memcmp(u->s, "week", 4) == 0)
            out->prior_unit = RFY_PER_WEEK;
        else if (u->len == 5 && memcmp(u->s, "month", 5) == 0)
            out->prior_unit = RFY_PER_MONTH;
        else
            return reject(err, CASE_COL_PRIOR_UNIT, "'%s' is not known: use %s",
                          shown(v, sizeof v, u), "week or month");
    } else if (out->prior != RFY_PRIOR_NONE) {
        /* Checked here too (the engine checks it again) so that a row with
         * several faults reports the first in column order. */
        return rfy__refuse_prior_unit(err, out->prior);
    }
    if (c[CASE_COL_PRIOR_UNTIL].len) {
        if ((rc = parse_date(&until, &c[CASE_COL_PRIOR_UNTIL], NULL, err)))
            return rc;
        out->prior_until = until;
        out->has_prior_until = 1;
    }
    if (c[CASE_COL_WAGE].len && (rc = parse_amount(out->wage, &c[CASE_COL_WAGE], amount, err)))
        return rc;
    if (c[CASE_COL_HOLIDAY_PAY].len &&
        (rc = parse_amount(out->holiday_pay, &c[CASE_COL_HOLIDAY_PAY], amount, err)))
        return rc;
    if (c[CASE_COL_HOLIDAY_DAYS].len &&
        (rc = parse_decimal(out->holiday_days, &c[CASE_COL_HOLIDAY_DAYS], amount,
                            RFY_MAX_HOLIDAY_DAYS_C, "31 days", err)))
        return rc;
    if (c[CASE_COL_ACTIVATION_INCOME].len &&
        (rc = parse_amount(out->activation_income, &c[CASE_COL_ACTIVATION_INCOME], amount, err)))
        return rc;
    if (c[CASE_COL_ACTIVATION_HOURS].len &&
        (rc = parse_decimal(out->activation_hours, &c[CASE_COL_ACTIVATION_HOURS], amount,
                            RFY_MAX_HOURS_C, "744 hours", err)))
        return rc;
    if (c[CASE_COL_OTHER_INCOME].len &&
        (rc = parse_amount(out->other_income, &c[CASE_COL_OTHER_INCOME], amount, err)))
        return rc;
    /* rules.md §8: holiday with ydelse in whole calendar days; the ledger state
     * of the case's first month (days used may have three decimals: 2,08
     * feriedage × 7/5 = 2,912 days). */
    if (c[CASE_COL_HOLIDAY_YDELSE_DAYS].len) {
        long n = 0;
        if ((rc = parse_count(&n, &c[CASE_COL_HOLIDAY_YDELSE_DAYS], RFY_MAX_HOLIDAY_YDELSE_DAYS,
                              "calendar days", err)))
            return rc;
        out->holiday_ydelse_days = (int)n;
    }
    if (c[CASE_COL_HOLIDAY_RUN_MONTHS].len) {
        if ((rc = parse_count(&out->holiday_run_months, &c[CASE_COL_HOLIDAY_RUN_MONTHS],
                              RFY_MAX_HOLIDAY_RUN_MONTHS, "months", err)))
            return rc;
        out->has_holiday_state = 1;
    }
    if (c[CASE_COL_HOLIDAY_USED_DAYS].len) {
        rfy_decimal_syntax days3 = {RFY_HOLIDAY_DAY_DECIMALS, amount->decimal_point, 0};
        if ((rc = parse_decimal(out->holiday_used_days, &c[CASE_COL_HOLIDAY_USED_DAYS], &days3,
                                RFY_MAX_HOLIDAY_USED_DAYS_M, "35 days", err)))
            return rc;
        out->has_holiday_state = 1;
    }
    /* rules.md §9: whole days of periodesanktion (a fraction of a day is refused) */
    if (c[CASE_COL_SANCTION_DAYS].len) {
        long n = 0;
        if ((rc = parse_count(&n, &c[CASE_COL_SANCTION_DAYS], RFY_MAX_SANCTION_DAYS, "days", err)))
            return rc;
        out->sanction_days = (int)n;
    }
    if (c[CASE_COL_SANCTION_AMOUNT].len &&
        (rc = parse_amount(out->sanction_amount, &c[CASE_COL_SANCTION_AMOUNT], amount, err)))
        return rc;
    return RFY_OK;
}
