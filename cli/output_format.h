/*
 * --format csv|excel|xlsx|json: the output as Danish payroll staff open it,
 * or as a program reads it.
 * The writers of each format are row_writer.h (all of them from the same
 * typed cells, so every format has exactly the columns and values of the CSV):
 *   csv    rfy's CSV (the default; write_csv.c);
 *   excel  ';' between fields, decimal comma in amounts and day counts, CRLF
 *          line ends and a UTF-8 byte-order mark (write_excel.c); the
 *          rejects file the same way;
 *   xlsx   a workbook (write_xlsx.c): sheet "resultater" (amounts as numeric
 *          cells shown with two decimals, day counts and whole numbers as
 *          numbers, all else text -- never a formula), sheet "afviste" (the
 *          rejects file's rows; the rejects CSV file is written as well) and
 *          sheet "resumé";
 *   json   JSON Lines: one object per row keyed by the column names, amounts
 *          and day counts as exact decimal strings (write_json.c); the
 *          rejects file stays rfy's CSV.
 */
#ifndef RFY_OUTPUT_FORMAT_H
#define RFY_OUTPUT_FORMAT_H

typedef enum output_format { OUTPUT_CSV = 0, OUTPUT_EXCEL, OUTPUT_XLSX, OUTPUT_JSON } output_format;

/* "csv", "excel", "xlsx", "json".  Returns 0 and sets *out, or -1. */
int output_format_from_name(output_format *out, const char *name);
const char *output_format_name(output_format f);

#endif
