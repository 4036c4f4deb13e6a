/*
 * External sort of input rows by case-month key (casemonth_key.h), then by
 * input line, in bounded memory: rows are kept in a buffer of a fixed size;
 * a full buffer is sorted and written to a temporary file (a "run"); at the
 * end the runs are merged.  An input that fits in the buffer never touches
 * the disk.
 *
 * Temporary files are created in $TMPDIR (default /tmp) and unlinked at once:
 * they have no name on disk, so they vanish on every exit path (normal end,
 * error, signal, the out-of-memory handler, even SIGKILL) without cleanup
 * code.  Memory: the buffer, plus while merging one read buffer per run.
 */
#ifndef RFY_ROW_SORT_H
#define RFY_ROW_SORT_H

#include <stddef.h>

#include "casemonth_key.h"

typedef struct row_sort row_sort;

/* Default buffer size: 16 MiB keeps a 1 M-row batch well under 64 MiB peak. */
#define ROW_SORT_BUFFER (16u << 20)

/* A new sorter with a buffer of `bytes` (at least 2 MiB, so that the longest
 * record fits).  Returns NULL when out of memory. */
row_sort *row_sort_new(size_t bytes);

/*
 * Add one data row with its key and its 1-based data row number.  Returns
 * RFY_OK, or RFY_EIO (a temporary file cannot be created or written: *errmsg
 * says why) or RFY_ENOMEM.
 */
int row_sort_add(row_sort *s, const casemonth_key *key, const rfy_csv_record *rec,
                 unsigned long number, char **errmsg);

/* Called for each row in (key, line) order; the record and key are valid
 * during the call only.  Return 0 to go on, anything else to stop. */
typedef int (*row_sort_fn)(void *user, const rfy_csv_record *rec, const casemonth_key *key,
                           unsigned long number);

/*
 * Hand every row added to fn, in order.  Returns RFY_OK; RFY_ESTOP when fn
 * stopped; RFY_EIO or RFY_ENOMEM with *errmsg.  Call once.
 */
int row_sort_finish(row_sort *s, row_sort_fn fn, void *user, char **errmsg);

/* Rows spilled to temporary files so far (0: all in memory). */
unsigned long row_sort_runs(const row_sort *s);

/* Free everything, closing (and so removing) the temporary files. */
void row_sort_free(row_sort *s);

#endif
