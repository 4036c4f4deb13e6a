/*
 * The engine's side of rfy/columns.h: binding a header row through a
 * column map.  Internal to calc/ (the batch loop calls it for every file).
 */
#ifndef RFY_COLUMN_MAP_H
#define RFY_COLUMN_MAP_H

#include <stddef.h>

#include "case_from_cells.h"
#include <rfy/columns.h>

/* Room for a header message naming many unknown columns. */
#define COLUMN_MAP_MSG_MAX 2048

/*
 * Bind a header row as case_binding_bind() does, after mapping and ignoring
 * (m may be NULL: nothing mapped or ignored).  Field positions in *b are
 * those of the file.  Returns RFY_OK, or RFY_EINPUT with msg (msgsize >=
 * 1 bytes, COLUMN_MAP_MSG_MAX recommended): every unknown column at once, a
 * column given twice (also when a mapping makes it so), an ignored column
 * rfy reads, or case_binding_bind()'s own reasons.  The message is in lang
 * (Danish unless RFY_LANG_EN; header_messages.c), its ways out the library's
 * defaults in that language (a program replaces them with rfy_hints_apply).
 */
int column_map_bind(case_binding *b, const rfy_column_map *m, const rfy_csv_record *header,
                    const char *const *extra, size_t nextra, rfy_lang lang, char *msg,
                    size_t msgsize);

#endif
