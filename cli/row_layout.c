/*
 * The columns of an output, from the cells' column table (row_layout.h).
 */
#include <stdlib.h>
#include <string.h>

#include "row_layout.h"
#include "write_csv.h"

int row_layout_add(row_layout *l, rfy_column col)
{
    const rfy_column_info *info = rfy_column_info_of(col);
    if (!info || l->n == ROW_LAYOUT_MAX)
        return -1;
    l->name[l->n] = info->name;
    l->quoting[l->n++] = info->quoting;
    l->bound += info->width + 1; /* and its delimiter */
    return 0;
}

int row_layout_add_kept(row_layout *l, const char *name)
{
    const rfy_column_info *info = rfy_column_info_of(RFY_COL_KEPT);
    if (l->n == ROW_LAYOUT_MAX)
        return -1;
    l->name[l->n] = name;
    l->quoting[l->n++] = info->quoting;
    /* the kept cells of a row come from one record: all of them together
     * at most a whole record with every byte doubled */
    l->bound += (l->nkept++ ? 0 : 2 * (size_t)RFY_CSV_MAX_RECORD) + 4;
    return 0;
}

static void layout_start(row_layout *l)
{
    memset(l, 0, sizeof *l);
    l->bound = 4; /* the line end, "# " of a figure */
}

void row_layout_results(row_layout *l)
{
    layout_start(l);
    for (int c = RFY_COL_CASE_ID; c < RFY_RESULT_COLUMNS; c++)
        row_layout_add(l, (rfy_column)c);
}

void row_layout_rejects(row_layout *l)
{
    static const rfy_column cols[] = {RFY_COL_LINE, RFY_COL_CASE_ID, RFY_COL_COLUMN, RFY_COL_REASON,
                                      RFY_COL_CODE};
    layout_start(l);
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        row_layout_add(l, cols[i]);
}

size_t row_layout_header_bound(const row_layout *l)
{
    size_t n = 4;
    for (size_t i = 0; i < l->n; i++)
        n += 2 * strlen(l->name[i]) + 4;
    return n;
}

char *row_layout_csv_header(const row_layout *l)
{
    size_t size = row_layout_header_bound(l);
    char *buf = malloc(size + 1);
    int n;
    if (!buf)
        return NULL;
    if ((n = write_csv_names(buf, size, l->name, l->quoting, l->n, &WRITE_CSV)) < 0) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}
