/*
 * The rows rfy writes for payroll and audit, in every --format, from typed
 * cells (rfy/cells.h): the one place that turns a row into bytes.  Batch
 * and audit lay out their columns here (row_layout, from the library's one
 * column table) and write through one row_writer; the format's own writer
 * does the rest (write_csv.c, write_excel.c, write_xlsx.c).
 *
 *     row_layout out, rej;
 *     row_layout_results(&out); row_layout_add(&out, RFY_COL_PAID); ...
 *     row_layout_rejects(&rej);
 *     row_writer_open(&w, fmt, &out, &rej, rejects_to_file, xlsx_path, &msg);
 *     row_writer_header(w, fp, 0) ... row_writer_row(w, fp, cells, NULL, NULL) ...
 *     row_writer_summary(w, &sum, rates_id); row_writer_finish(w, &msg);
 *
 * xlsx: the rows go to the workbook (written at finish to xlsx_path), never
 * to the output stream; the rejects go to their CSV file as well.  json: one
 * object per line and no header line (write_json.h); the rejects are CSV.  Rejects
 * that do not go to a file (standard error) are always rfy's CSV.
 */
#ifndef RFY_ROW_WRITER_H
#define RFY_ROW_WRITER_H

#include <stdio.h>

#include <rfy/rfy.h>

#include "output_format.h"
#include "row_layout.h"

struct run_summary;

typedef struct row_writer row_writer;

/*
 * A writer of format fmt for output `out` and rejects `rej` (both borrowed:
 * keep them); cmd ("batch", "audit") words its one message of its own (a
 * sheet's row limit).  rejects_to_file: the rejects go to a file (else they are
 * rfy's CSV whatever the format).  xlsx_path: the workbook's file (xlsx).
 * Returns 0, or -1 with *errmsg (caller frees).
 */
int row_writer_open(row_writer **w, const char *cmd, output_format fmt, const row_layout *out,
                    const row_layout *rej, int rejects_to_file, const char *xlsx_path, char **errmsg);

/* The header line of the output (rejects 0) or the rejects (1) into fp.
 * Returns 0, or EOF (errno from the stream). */
int row_writer_header(row_writer *w, FILE *fp, int rejects);

/*
 * A result row into fp (one fwrite).  csv, csv_len not NULL: set to the
 * row's CSV text (rfy's CSV whatever the format; valid until the next row),
 * as the ledger stores it.  Returns 0, or EOF (a row that does not fit: errno
 * EOVERFLOW; xlsx: too many rows for a sheet).
 */
int row_writer_row(row_writer *w, FILE *fp, const rfy_cells *c, const char **csv, size_t *csv_len);

/* A reject row into fp (the rejects file, a spool or standard error); *len
 * (when not NULL) the bytes written to fp.  Returns 0, or EOF. */
int row_writer_reject(row_writer *w, FILE *fp, const rfy_cells *c, size_t *len);

/* audit's summary block: the empty line before it, then one figure per line
 * (cells RFY_COL_FIGURE_NAME and a value): "# name,value", in xlsx a row of
 * the summary sheet.  Return 0, or EOF. */
int row_writer_blank(row_writer *w, FILE *fp);
int row_writer_figure(row_writer *w, FILE *fp, const rfy_cells *c);

/* xlsx: the summary sheet of batch and audit (the figures of run_summary.h,
 * rates_id).  Returns 0, or -1 (out of memory).  Other formats: nothing. */
int row_writer_summary(row_writer *w, const struct run_summary *s, const char *rates_id);

/* xlsx: write the workbook.  Returns 0, or -1 with *errmsg.  Frees w (NULL is fine). */
int row_writer_finish(row_writer *w, char **errmsg);

/* Free w, writing nothing more (NULL is fine). */
void row_writer_free(row_writer *w);

#endif
