/*
 * The header row as payroll exports write it, bound to rfy's columns.
 *
 * Real exports carry columns rfy does not read (cpr, navn, afdeling) and
 * name the ones it does in Danish (sagsnr, måned, løn).  Nothing is ignored
 * or renamed unless the user asks -- a misspelt income column silently
 * dropped would underdeduct -- so:
 *   --ignore-columns NAME,...  columns read past (never one rfy reads);
 *   --columns MAP.csv          two columns from,to: a file header name → an
 *                              rfy column name (fixtures/columns-da.csv);
 * and every other unknown column is an error at the header, all of them named
 * in one message, each with a "did you mean" when it is close to a known
 * column (same letters in another case, or a typo or two away).
 * Header names are matched to the map and the ignore list without regard to
 * case (ASCII and æ/ø/å) and surrounding spaces; rfy's own names exactly.
 */
#ifndef RFY_HEADER_MAP_H
#define RFY_HEADER_MAP_H

#include <stddef.h>

#include "case_input.h"
#include "receipt.h"

/* Room for a header message naming many unknown columns. */
#define HEADER_MSG_MAX 2048

typedef struct header_map header_map;

/* A new, empty map (nothing mapped, nothing ignored); NULL when out of memory. */
header_map *header_map_new(void);
void header_map_free(header_map *m);

/*
 * Read MAP.csv: a header "from,to" (or "from;to"), then one mapping per
 * row.  Returns RFY_OK, or RFY_EINPUT / RFY_EIO / RFY_ENOMEM with *errmsg
 * (caller frees) naming the line: an empty name, a `from` given twice.
 * The file's name and SHA-256 are kept for the receipt.
 */
int header_map_load(header_map *m, const char *path, char **errmsg);

/* --ignore-columns NAME,...: add the names.  Returns RFY_OK, or RFY_EINPUT
 * with *errmsg for an empty name. */
int header_map_ignore(header_map *m, const char *list, char **errmsg);

/* For the receipt: the map file's base name and SHA-256 hex (NULL when no
 * map was loaded), and the ignored names joined by ',' ("" when none). */
const char *header_map_file_name(const header_map *m);
const char *header_map_file_sha256(const header_map *m);
const char *header_map_ignored(const header_map *m);

/*
 * Bind a header row as case_binding_bind() does, after mapping and ignoring
 * (m may be NULL: nothing mapped or ignored).  Field positions in *b are
 * those of the file.  Returns RFY_OK, or RFY_EINPUT with msg (msgsize >=
 * 1 bytes, HEADER_MSG_MAX recommended): every unknown column at once, a
 * column given twice (also when a mapping makes it so), an ignored column
 * rfy reads, or case_binding_bind()'s own reasons.
 */
int header_map_bind(case_binding *b, const header_map *m, const rfy_csv_record *header,
                    const char *const *extra, size_t nextra, char *msg, size_t msgsize);

#endif
