/*
 * --format csv|excel|xlsx: the output as Danish payroll staff open it.
 *
 * The commands always write rfy's CSV (result_row.h); an adapter put in
 * front of the output stream turns each line into the format asked for, so
 * every format has exactly the columns and values of the CSV:
 *   csv    as written (the default; byte for byte what rfy always wrote);
 *   excel  ';' between fields, decimal comma in the amount columns, CRLF line
 *          ends and a UTF-8 byte-order mark (what Danish Excel opens right);
 *          the rejects file the same way;
 *   xlsx   a workbook: sheet "results" (amounts as numeric cells shown with
 *          two decimals, day counts as numbers, all else text -- never a
 *          formula), sheet "rejects" (the rejects file's rows; the rejects
 *          CSV file is written as well) and sheet "summary".
 * Amount columns are known by name (gross ... payment, sanction_deduction,
 * paid, difference), so columns added later keep their type.
 */
#ifndef RFY_OUTPUT_FORMAT_H
#define RFY_OUTPUT_FORMAT_H

#include <stdio.h>

typedef enum output_format { OUTPUT_CSV = 0, OUTPUT_EXCEL, OUTPUT_XLSX } output_format;

/* "csv", "excel", "xlsx".  Returns 0 and sets *out, or -1. */
int output_format_from_name(output_format *out, const char *name);
const char *output_format_name(output_format f);

typedef struct output_adapter output_adapter;
struct run_summary;

/*
 * Put the adapter for `fmt` in front of *out_fp and, when rej_fp is not NULL
 * (rejects go to a file), *rej_fp: both are replaced by adapter streams (the
 * originals are kept and given back by finish or free).  xlsx_path is the
 * file the workbook is written to (xlsx only: the output's temporary file).
 * OUTPUT_CSV changes nothing.  Returns 0, or -1 with *errmsg (caller frees).
 */
int output_adapter_open(output_adapter **a, output_format fmt, FILE **out_fp, FILE **rej_fp,
                        const char *xlsx_path, char **errmsg);

/* xlsx: the summary sheet of batch and audit (the figures of run_summary.h, rates_id).
 * Returns 0, or -1 (out of memory).  Other formats: nothing. */
int output_adapter_summary(output_adapter *a, const struct run_summary *s, const char *rates_id);

/*
 * Flush the adapter streams, give back the original streams and, for xlsx,
 * write the workbook.  Returns 0, or -1 with *errmsg.  Frees a.
 */
int output_adapter_finish(output_adapter *a, char **errmsg);

/* Give back the original streams and free a, writing nothing more (NULL is fine). */
void output_adapter_free(output_adapter *a);

#endif
