/*
 * The rows rfy writes for payroll and audit (interface.md "Batch output"):
 * the result columns of a computed case-month, and a reject row.  Batch
 * and audit both write through here, so their columns can never drift apart.
 */
#ifndef RFY_RESULT_ROW_H
#define RFY_RESULT_ROW_H

#include <stddef.h>
#include <stdio.h>

#include <rfy/rfy.h>

/* The result columns, this order, always (no trailing newline).  interface.md
 * fixes the final order; columns after rates_id come with their features
 * (`lines`: the input lines of the case-month, given by the caller). */
#define RESULT_ROW_HEADER                                                                     \
    "case_id,month,category,forloeb,level_ref,days,days_in_month,gross,wage_deduction,"     \
    "holiday_deduction,activation_deduction,other_deduction,total_deduction,payment,"       \
    "provenance,rates_id,lines,holiday_right,holiday_run_months,holiday_used_days,"         \
    "holiday_days_left,holiday_excess_days,sanction_deduction,warnings"

/* The rejects file's header line. */
#define REJECT_ROW_HEADER "line,case_id,column,reason,code\n"

/*
 * Room for one formatted row: case_id (64 characters of at most 4 bytes,
 * quoted with every byte doubled: 2 × 256 + 3), level_ref (2 × 96 + 3), eight
 * amounts and two day counts (at most 48 each), the names, rates_id, the
 * lines of up to 64 rows (21 bytes each), the warning codes (under 128),
 * and audit's two extra amounts: 4096 bytes is ample.
 */
#define RESULT_ROW_MAX 4096

/*
 * Format the result columns of a computed case-month into buf (no
 * newline, not NUL-terminated).  case_id is neutralised against spreadsheet
 * formulas; level_ref is quoted when it holds a comma.  Amounts have two
 * decimals and '.'.  `lines` (lines_len bytes, digits and ';': see
 * rfy_batch_row_format_lines) is the `lines` column.  Returns the length, or -1
 * if it does not fit in size.  Reads only its arguments: safe in worker
 * threads.
 */
int result_row_format(char *buf, size_t size, const char *case_id, size_t case_id_len,
                      const rfy_case *in, const rfy_result *res, const char *rates_id,
                      const char *lines, size_t lines_len);

/*
 * Append ",AMOUNT" (two decimals, '.') at buf + *len within size; returns 0,
 * or -1 if it does not fit (buf unchanged beyond *len).
 */
int result_row_add_money(char *buf, size_t size, size_t *len, const mpz_t ore);

/*
 * Write one reject row "line,case_id,column,reason,code\n" to fp: all the
 * row's faults, their columns joined by ';', their reasons (in cli_lang)
 * by "; ", their codes by ';' (case_id and reason neutralised against
 * spreadsheet formulas).  err NULL or without faults: column and reason as
 * given and an empty code.  Returns 0 or EOF.
 */
int reject_row_write(FILE *fp, unsigned long line, const char *case_id, size_t case_id_len,
                     const rfy_error *err, const char *column, const char *reason);

/* Room for the reasons of one reject row (RFY_MAX_FAULTS of them). */
#define REJECT_REASON_MAX 2048

#endif
