/*
 * Typed cells (include/rfy/cells.h): the cells of a computed case-month and
 * of a reject, their kinds from the one column table, their exact values,
 * and the CSV and Excel lines the writers make of them (cli/write_csv.c).
 *
 * The case-month, worked out by hand from the law and rates/2024.csv
 * (forsørger level 16.382,00; lønindtægtsgrænse T = 16.323,00):
 *   A, May 2024, forsørger, ressourceforløb, wage 20.000,00:
 *   gross 16.382,00 (§ 68 stk. 2 nr. 1, all 31 days of May);
 *   wage deduction § 68 a stk. 2: 0,55 × (20.000,00 − 16.323,00) = 0,55 × 3.677,00 = 2.022,35;
 *   payment 16.382,00 − 2.022,35 = 14.359,65 = 1.435.965 øre;
 *   holiday (§ 69 stk. 5): the case's first month, 1 month of ydelse, no right yet,
 *   0,00 days used, left and beyond.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "write_csv.h"
#include <rfy/rfy.h>

static rfy_rates *rates;

static void setup(void)
{
    char *msg = NULL;
    ck_assert_int_eq(rfy_rates_load_builtin(&rates, &msg), RFY_OK);
}

static void teardown(void)
{
    rfy_rates_free(rates);
    rates = NULL;
}

/* What the hooks saw, checked after the run (Check's asserts in a hook would
 * leave the loop mid-row). */
typedef struct seen {
    int rows, rejects;
    char row_csv[1024], row_excel[1024], reject_csv[1024];
    rfy_cell cell[RFY_RESULT_COLUMNS];
    char text[RFY_RESULT_COLUMNS][128];
    mpq_t payment;
    int payment_rc;
    rfy_cell rcell[5];
    char rtext[5][512];
} seen;

static void keep(rfy_cell *to, char *text, size_t size, const rfy_cell *from)
{
    *to = *from;
    snprintf(text, size, "%.*s", (int)from->len, from->text);
    to->text = text;
}

static int on_row(void *user, const rfy_batch_row *row, rfy_error *err)
{
    seen *s = user;
    rfy_cells *c = rfy_cells_new();
    int n;
    (void)err;
    if (!c || rfy_cells_of_row(c, row, rfy_rates_id(rates)) != RFY_OK)
        return RFY_ESTOP;
    for (size_t i = 0; i < RFY_RESULT_COLUMNS && i < rfy_cells_count(c); i++)
        keep(&s->cell[i], s->text[i], sizeof s->text[i], rfy_cells_at(c, i));
    s->payment_rc = rfy_cells_amount(s->payment, c, RFY_COL_PAYMENT);
    n = write_csv_row(s->row_csv, sizeof s->row_csv - 1, c, &WRITE_CSV);
    s->row_csv[n < 0 ? 0 : n] = '\0';
    n = write_csv_row(s->row_excel, sizeof s->row_excel - 1, c, &WRITE_EXCEL);
    s->row_excel[n < 0 ? 0 : n] = '\0';
    s->rows++;
    rfy_cells_free(c);
    return RFY_OK;
}

static int on_reject(void *user, const rfy_batch_reject *rej)
{
    seen *s = user;
    rfy_cells *c = rfy_cells_new();
    int n;
    if (!c || rfy_cells_of_reject(c, rej, RFY_LANG_EN, NULL) != RFY_OK || rfy_cells_count(c) != 5)
        return RFY_ESTOP;
    for (size_t i = 0; i < 5; i++)
        keep(&s->rcell[i], s->rtext[i], sizeof s->rtext[i], rfy_cells_at(c, i));
    n = write_csv_row(s->reject_csv, sizeof s->reject_csv - 1, c, &WRITE_CSV);
    s->reject_csv[n < 0 ? 0 : n] = '\0';
    s->rejects++;
    rfy_cells_free(c);
    return RFY_OK;
}

static void run(seen *s, const char *csv)
{
    rfy_batch_config cfg;
    rfy_batch_stats *st = rfy_batch_stats_new();
    char *msg = NULL;
    FILE *in = fmemopen((void *)csv, strlen(csv), "r");
    ck_assert_ptr_nonnull(in);
    memset(&cfg, 0, sizeof cfg);
    cfg.rates = rates;
    cfg.delimiter = ',';
    cfg.amount = &RFY_AMOUNT_DOT;
    cfg.on_row = on_row;
    cfg.on_reject = on_reject;
    cfg.user = s;
    ck_assert_ptr_nonnull(st);
    ck_assert_int_eq(rfy_batch_run(st, &cfg, in, &msg), RFY_OK);
    rfy_batch_stats_free(st);
    fclose(in);
}

/* Cell i: its column, kind, exact text and (for numbers) its exact value. */
#define CK_CELL(i, kind_, text_, has_, value_)                                                    \
    do {                                                                                          \
        ck_assert_int_eq(s.cell[i].column, i);                                                    \
        ck_assert_int_eq(s.cell[i].kind, kind_);                                                  \
        ck_assert_int_eq(s.cell[i].kind, rfy_column_info_of(i)->kind);                            \
        ck_assert_str_eq(s.cell[i].text, text_);                                                  \
        ck_assert_int_eq(s.cell[i].has_value, has_);                                              \
        if (has_)                                                                                 \
            ck_assert_int_eq(s.cell[i].value, value_);                                            \
    } while (0)

START_TEST(casemonth_cells)
{
    seen s;
    memset(&s, 0, sizeof s);
    mpq_init(s.payment);
    run(&s, "case_id,month,category,wage\nA,2024-05,forsorger,20000\n");
    ck_assert_int_eq(s.rows, 1);
    CK_CELL(RFY_COL_CASE_ID, RFY_CELL_TEXT, "A", 0, 0);
    CK_CELL(RFY_COL_MONTH, RFY_CELL_TEXT, "2024-05", 0, 0);
    CK_CELL(RFY_COL_CATEGORY, RFY_CELL_TEXT, "forsorger", 0, 0);
    CK_CELL(RFY_COL_FORLOEB, RFY_CELL_TEXT, "ressourceforloeb", 0, 0);
    CK_CELL(RFY_COL_LEVEL_REF, RFY_CELL_TEXT, "§ 68 stk. 2 nr. 1", 0, 0);
    CK_CELL(RFY_COL_DAYS, RFY_CELL_WHOLE, "31", 1, 31);
    CK_CELL(RFY_COL_DAYS_IN_MONTH, RFY_CELL_WHOLE, "31", 1, 31);
    /* 16.382,00 kr. = 1.638.200 øre; 2.022,35 = 202.235 øre; 14.359,65 = 1.435.965 øre */
    CK_CELL(RFY_COL_GROSS, RFY_CELL_AMOUNT, "16382.00", 1, 1638200);
    CK_CELL(RFY_COL_WAGE_DEDUCTION, RFY_CELL_AMOUNT, "2022.35", 1, 202235);
    CK_CELL(RFY_COL_HOLIDAY_DEDUCTION, RFY_CELL_AMOUNT, "0.00", 1, 0);
    CK_CELL(RFY_COL_ACTIVATION_DEDUCTION, RFY_CELL_AMOUNT, "0.00", 1, 0);
    CK_CELL(RFY_COL_OTHER_DEDUCTION, RFY_CELL_AMOUNT, "0.00", 1, 0);
    CK_CELL(RFY_COL_TOTAL_DEDUCTION, RFY_CELL_AMOUNT, "2022.35", 1, 202235);
    CK_CELL(RFY_COL_PAYMENT, RFY_CELL_AMOUNT, "14359.65", 1, 1435965);
    CK_CELL(RFY_COL_PROVENANCE, RFY_CELL_TEXT, "published", 0, 0);
    CK_CELL(RFY_COL_LINES, RFY_CELL_TEXT, "2", 0, 0);
    CK_CELL(RFY_COL_HOLIDAY_RIGHT, RFY_CELL_TEXT, "no", 0, 0);
    CK_CELL(RFY_COL_HOLIDAY_RUN_MONTHS, RFY_CELL_WHOLE, "1", 1, 1);
    CK_CELL(RFY_COL_HOLIDAY_USED_DAYS, RFY_CELL_DAYS, "0.00", 1, 0);
    CK_CELL(RFY_COL_HOLIDAY_DAYS_LEFT, RFY_CELL_DAYS, "0.00", 1, 0);
    CK_CELL(RFY_COL_HOLIDAY_EXCESS_DAYS, RFY_CELL_DAYS, "0.00", 1, 0);
    CK_CELL(RFY_COL_SANCTION_DEDUCTION, RFY_CELL_AMOUNT, "0.00", 1, 0);
    CK_CELL(RFY_COL_WARNINGS, RFY_CELL_TEXT, "", 0, 0);
    /* the payment as an exact fraction: 1.435.965 / 100 = 287.193 / 20 kr. */
    ck_assert_int_eq(s.payment_rc, RFY_OK);
    ck_assert_int_eq(mpz_get_si(mpq_numref(s.payment)), 287193);
    ck_assert_int_eq(mpz_get_si(mpq_denref(s.payment)), 20);
    mpq_clear(s.payment);
    {
        char want[512];
        snprintf(want, sizeof want,
                 "A,2024-05,forsorger,ressourceforloeb,§ 68 stk. 2 nr. 1,31,31,16382.00,2022.35,0.00,"
                 "0.00,0.00,2022.35,14359.65,published,%s,2,no,1,0.00,0.00,0.00,0.00,\n",
                 rfy_rates_id(rates));
        ck_assert_str_eq(s.row_csv, want);
        snprintf(want, sizeof want,
                 "A;2024-05;forsorger;ressourceforloeb;§ 68 stk. 2 nr. 1;31;31;16382,00;2022,35;0,00;"
                 "0,00;0,00;2022,35;14359,65;published;%s;2;no;1;0,00;0,00;0,00;0,00;\r\n",
                 rfy_rates_id(rates));
        ck_assert_str_eq(s.row_excel, want);
    }
}
END_TEST

/* A row with a bad month and a bad wage: one reject, both faults with their codes
 * (the only row of a stream: the sort has nothing to sort, and must not hand qsort NULL);
 * the case_id "=B" is neutralised in CSV (a spreadsheet must not run it). */
START_TEST(reject_cells)
{
    seen s;
    memset(&s, 0, sizeof s);
    run(&s, "case_id,month,category,wage\n=B,2024-13,forsorger,-5\n");
    ck_assert_int_eq(s.rejects, 1);
    ck_assert_int_eq(s.rcell[0].column, RFY_COL_LINE);
    ck_assert_int_eq(s.rcell[0].kind, RFY_CELL_WHOLE);
    ck_assert_int_eq(s.rcell[0].value, 2);
    ck_assert_str_eq(s.rcell[1].text, "=B");
    ck_assert_int_eq(rfy_column_info_of(s.rcell[1].column)->quoting, RFY_QUOTE_NEUTRALISE);
    ck_assert_str_eq(s.rcell[2].text, "month;wage");
    ck_assert_str_eq(s.rcell[4].text, "month_invalid;number_sign");
    ck_assert_msg(strncmp(s.reject_csv, "2,'=B,month;wage,\"month '2024-13' ", 34) == 0, "%s",
                  s.reject_csv);
    ck_assert_msg(strstr(s.reject_csv, "\",month_invalid;number_sign\n") != NULL, "%s", s.reject_csv);
}
END_TEST

/* An amount beyond 64 bits keeps its exact text and fraction, and has no int64 value. */
START_TEST(large_amount)
{
    rfy_cells *c = rfy_cells_new();
    mpz_t ore;
    mpq_t kr, want;
    ck_assert_ptr_nonnull(c);
    mpz_init(ore);
    mpq_inits(kr, want, NULL);
    mpz_ui_pow_ui(ore, 2, 64); /* 18.446.744.073.709.551.616 øre */
    ck_assert_int_eq(rfy_cells_add_amount(c, RFY_COL_PAID, ore), RFY_OK);
    ck_assert_int_eq(rfy_cells_add_whole(c, RFY_COL_PAID, 1), RFY_EINPUT); /* not a whole column */
    ck_assert_int_eq(rfy_cells_count(c), 1);
    ck_assert_int_eq(rfy_cells_at(c, 0)->has_value, 0);
    ck_assert_int_eq((int)rfy_cells_at(c, 0)->len, 21);
    ck_assert(memcmp(rfy_cells_at(c, 0)->text, "184467440737095516.16", 21) == 0);
    ck_assert_int_eq(rfy_cells_amount(kr, c, 0), RFY_OK);
    mpq_set_str(want, "18446744073709551616/100", 10);
    mpq_canonicalize(want);
    ck_assert(mpq_equal(kr, want));
    mpz_clear(ore);
    mpq_clears(kr, want, NULL);
    rfy_cells_free(c);
}
END_TEST

/* One rfy_cells used again and again, as the batch does: the result row as a
 * ready CSV line (rfy_cells_csv_line), a cell added after it, another layout
 * over the same cells, then the row again. */
typedef struct reuse {
    int rows, line_cells, after_clear_null, line_col_after_clear, case_col_again, case_kind_again;
    char line[1024], with_paid[1024], again[1024], case_text[64];
    char rates_quoted[1024], rates_cell[32], rates_other[1024];
} reuse;

static int on_row_reuse(void *user, const rfy_batch_row *row, rfy_error *err)
{
    reuse *u = user;
    rfy_cells *c = rfy_cells_new();
    const char *line;
    size_t ncells, len;
    mpz_t paid;
    int n;
    (void)err;
    if (!c || rfy_cells_of_row(c, row, rfy_rates_id(rates)) != RFY_OK)
        return RFY_ESTOP;
    line = rfy_cells_csv_line(c, &ncells, &len);
    u->line_cells = (int)ncells;
    snprintf(u->line, sizeof u->line, "%.*s", line ? (int)len : 0, line ? line : "");
    snprintf(u->case_text, sizeof u->case_text, "%.*s", (int)rfy_cells_at(c, 0)->len,
             rfy_cells_at(c, 0)->text);
    mpz_init_set_si(paid, 1234); /* 12,34 kr. */
    rfy_cells_add_amount(c, RFY_COL_PREVIOUSLY_PAID, paid);
    n = write_csv_row(u->with_paid, sizeof u->with_paid - 1, c, &WRITE_CSV);
    u->with_paid[n < 0 ? 0 : n] = '\0';
    rfy_cells_clear(c);
    rfy_cells_add_whole(c, RFY_COL_LINE, 7);
    u->after_clear_null = rfy_cells_csv_line(c, &ncells, &len) == NULL && ncells == 0;
    u->line_col_after_clear = rfy_cells_at(c, 0)->column == RFY_COL_LINE;
    if (rfy_cells_of_row(c, row, rfy_rates_id(rates)) != RFY_OK)
        return RFY_ESTOP;
    u->case_col_again = rfy_cells_at(c, 0)->column == RFY_COL_CASE_ID;
    u->case_kind_again = rfy_cells_at(c, 0)->kind == RFY_CELL_TEXT;
    n = write_csv_row(u->again, sizeof u->again - 1, c, &WRITE_CSV);
    u->again[n < 0 ? 0 : n] = '\0';
    /* another rates_id in the same cells: quoted, then plain, each its own */
    {
        char rid[16] = "r,\"1";
        if (rfy_cells_of_row(c, row, rid) != RFY_OK)
            return RFY_ESTOP;
        n = write_csv_row(u->rates_quoted, sizeof u->rates_quoted - 1, c, &WRITE_CSV);
        u->rates_quoted[n < 0 ? 0 : n] = '\0';
        snprintf(u->rates_cell, sizeof u->rates_cell, "%.*s",
                 (int)rfy_cells_at(c, RFY_COL_RATES_ID)->len, rfy_cells_at(c, RFY_COL_RATES_ID)->text);
        strcpy(rid, "r1"); /* the same pointer, another text */
        if (rfy_cells_of_row(c, row, rid) != RFY_OK)
            return RFY_ESTOP;
        n = write_csv_row(u->rates_other, sizeof u->rates_other - 1, c, &WRITE_CSV);
        u->rates_other[n < 0 ? 0 : n] = '\0';
    }
    mpz_clear(paid);
    rfy_cells_free(c);
    u->rows++;
    return RFY_OK;
}

/* The case_id A,"1 (a comma and a quote) stands quoted in the line, "A,""1",
 * and as it is in its cell; the amounts of casemonth_cells above. */
START_TEST(csv_line_reuse)
{
    reuse u;
    rfy_batch_config cfg;
    rfy_batch_stats *st = rfy_batch_stats_new();
    char *msg = NULL, want[512];
    const char *csv = "case_id,month,category,wage\n\"A,\"\"1\",2024-05,forsorger,20000\n";
    FILE *in = fmemopen((void *)csv, strlen(csv), "r");
    memset(&u, 0, sizeof u);
    memset(&cfg, 0, sizeof cfg);
    cfg.rates = rates;
    cfg.delimiter = ',';
    cfg.amount = &RFY_AMOUNT_DOT;
    cfg.on_row = on_row_reuse;
    cfg.user = &u;
    ck_assert_ptr_nonnull(in);
    ck_assert_int_eq(rfy_batch_run(st, &cfg, in, &msg), RFY_OK);
    rfy_batch_stats_free(st);
    fclose(in);
    ck_assert_int_eq(u.rows, 1);
    ck_assert_int_eq(u.line_cells, RFY_RESULT_COLUMNS);
    snprintf(want, sizeof want,
             "\"A,\"\"1\",2024-05,forsorger,ressourceforloeb,§ 68 stk. 2 nr. 1,31,31,16382.00,2022.35,"
             "0.00,0.00,0.00,2022.35,14359.65,published,%s,2,no,1,0.00,0.00,0.00,0.00,,",
             rfy_rates_id(rates));
    ck_assert_str_eq(u.line, want);
    ck_assert_str_eq(u.case_text, "A,\"1");
    snprintf(want, sizeof want,
             "\"A,\"\"1\",2024-05,forsorger,ressourceforloeb,§ 68 stk. 2 nr. 1,31,31,16382.00,2022.35,"
             "0.00,0.00,0.00,2022.35,14359.65,published,%s,2,no,1,0.00,0.00,0.00,0.00,,12.34\n",
             rfy_rates_id(rates));
    ck_assert_str_eq(u.with_paid, want);
    ck_assert_int_eq(u.after_clear_null, 1);
    ck_assert_int_eq(u.line_col_after_clear, 1);
    ck_assert_int_eq(u.case_col_again, 1);
    ck_assert_int_eq(u.case_kind_again, 1);
    want[strlen(want) - strlen(",12.34\n")] = '\0';
    strcat(want, "\n");
    ck_assert_str_eq(u.again, want);
    ck_assert_msg(strstr(u.rates_quoted, ",published,\"r,\"\"1\",2,no,") != NULL, "%s", u.rates_quoted);
    ck_assert_str_eq(u.rates_cell, "r,\"1");
    ck_assert_msg(strstr(u.rates_other, ",published,r1,2,no,") != NULL, "%s", u.rates_other);
}
END_TEST

/* The case_ids of quoting_of_case_ids, each its own case: every length
 * around a word of eight bytes, the byte that needs quoting first, last, in
 * the overlapping tail, and the leading bytes a spreadsheet would run. */
static const char *const QUOTE_IDS[] = {
    "A", "AB CD", "ABCDEFG", "ABCDEFGH", "ABCDEFGHIJ", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ",
    "A,B", "ABCDEFGHI,", "ABCDEFGH\"I", ",BCDEFGHIJKLMNOPQ", "ABCDEFGHIJKLMNOP,", "=SUM(A1)",
    "-5", "+ABCDEFGHIJ", "@x",
};
#define NQUOTE_IDS (sizeof QUOTE_IDS / sizeof QUOTE_IDS[0])

typedef struct quoted {
    size_t rows;
    char line[NQUOTE_IDS][256];
} quoted;

static int on_row_quoted(void *user, const rfy_batch_row *row, rfy_error *err)
{
    quoted *q = user;
    rfy_cells *c = rfy_cells_new();
    size_t ncells, len;
    const char *line;
    (void)err;
    if (!c || q->rows >= NQUOTE_IDS || rfy_cells_of_row(c, row, rfy_rates_id(rates)) != RFY_OK)
        return RFY_ESTOP;
    line = rfy_cells_csv_line(c, &ncells, &len);
    snprintf(q->line[q->rows++], sizeof q->line[0], "%.*s", (int)len, line);
    rfy_cells_free(c);
    return RFY_OK;
}

/* Each case_id stands in the result row's CSV line exactly as
 * rfy_csv_format_field() writes it (quoted when it holds ',' or '"', a
 * leading = + - @ neutralised), whichever way the row's writer took. */
START_TEST(quoting_of_case_ids)
{
    quoted q;
    rfy_batch_config cfg;
    rfy_batch_stats *st = rfy_batch_stats_new();
    char *msg = NULL, csv[2048], want[128];
    size_t used = (size_t)snprintf(csv, sizeof csv, "case_id,month,category\n");
    FILE *in;
    for (size_t i = 0; i < NQUOTE_IDS; i++) {
        int w = rfy_csv_format_field(want, sizeof want, QUOTE_IDS[i], strlen(QUOTE_IDS[i]), ',', 0);
        ck_assert_int_gt(w, 0);
        used += (size_t)snprintf(csv + used, sizeof csv - used, "%.*s,2024-05,forsorger\n", w, want);
    }
    memset(&q, 0, sizeof q);
    memset(&cfg, 0, sizeof cfg);
    cfg.rates = rates;
    cfg.delimiter = ',';
    cfg.amount = &RFY_AMOUNT_DOT;
    cfg.on_row = on_row_quoted;
    cfg.user = &q;
    in = fmemopen(csv, used, "r");
    ck_assert_ptr_nonnull(in);
    ck_assert_int_eq(rfy_batch_run(st, &cfg, in, &msg), RFY_OK);
    rfy_batch_stats_free(st);
    fclose(in);
    /* the rows come in case_id order (bytewise), not the table's: find each */
    ck_assert_uint_eq(q.rows, NQUOTE_IDS);
    for (size_t i = 0; i < NQUOTE_IDS; i++) {
        int w = rfy_csv_format_field(want, sizeof want - 1, QUOTE_IDS[i], strlen(QUOTE_IDS[i]), ',', 1);
        size_t found = 0;
        ck_assert_int_gt(w, 0);
        want[w] = ',';
        want[w + 1] = '\0';
        for (size_t r = 0; r < q.rows; r++)
            if (strncmp(q.line[r], want, (size_t)w + 1) == 0 &&
                strncmp(q.line[r] + w + 1, "2024-05,forsorger,", 18) == 0)
                found++;
        ck_assert_msg(found == 1, "case_id %s: %s not found once", QUOTE_IDS[i], want);
    }
    /* by hand: A,B is quoted, "A,B"; =SUM(A1) is neutralised, '=SUM(A1); the
     * quote of ABCDEFGH"I is doubled inside quotes, "ABCDEFGH""I"; AB CD as it is */
    {
        static const char *const by_hand[] = {"\"A,B\",2024-05,", "'=SUM(A1),2024-05,",
                                              "\"ABCDEFGH\"\"I\",2024-05,", "AB CD,2024-05,"};
        for (size_t k = 0; k < sizeof by_hand / sizeof by_hand[0]; k++) {
            size_t found = 0;
            for (size_t r = 0; r < q.rows; r++)
                found += strncmp(q.line[r], by_hand[k], strlen(by_hand[k])) == 0;
            ck_assert_msg(found == 1, "%s", by_hand[k]);
        }
    }
}
END_TEST

/* Every column of the table has a name (the result columns, in interface.md's order) and a bound. */
START_TEST(column_table)
{
    static const char *const names[RFY_RESULT_COLUMNS] = {
        "case_id", "month", "category", "forloeb", "level_ref", "days", "days_in_month", "gross",
        "wage_deduction", "holiday_deduction", "activation_deduction", "other_deduction",
        "total_deduction", "payment", "provenance", "rates_id", "lines", "holiday_right",
        "holiday_run_months", "holiday_used_days", "holiday_days_left", "holiday_excess_days",
        "sanction_deduction", "warnings"};
    for (int i = 0; i < RFY_RESULT_COLUMNS; i++)
        ck_assert_str_eq(rfy_column_info_of((rfy_column)i)->name, names[i]);
    for (int i = 0; i < RFY_COL_COUNT_; i++)
        ck_assert_uint_gt(rfy_column_info_of((rfy_column)i)->width, 0);
    ck_assert_ptr_null(rfy_column_info_of(RFY_COL_COUNT_));
}
END_TEST

static Suite *cells_suite(void)
{
    Suite *s = suite_create("cells");
    TCase *tc = tcase_create("cells");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, casemonth_cells);
    tcase_add_test(tc, reject_cells);
    tcase_add_test(tc, large_amount);
    tcase_add_test(tc, column_table);
    tcase_add_test(tc, csv_line_reuse);
    tcase_add_test(tc, quoting_of_case_ids);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(cells_suite());
}
