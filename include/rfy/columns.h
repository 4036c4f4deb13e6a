/*
 * Header names as payroll exports write them, mapped to rfy's columns.
 *
 * Real exports carry columns rfy does not read (cpr, navn, afdeling) and
 * name the ones it does in Danish (sagsnr, måned, løn).  Nothing is ignored
 * or renamed unless the program asks -- a misspelt income column silently
 * dropped would underdeduct:
 *   - rfy_column_map_ignore(): columns read past (never one rfy reads);
 *   - rfy_column_map_load(): a CSV file "from,to" of a file's header names
 *     and rfy's column names (the rfy program's `--columns MAP.csv`; the
 *     sources ship fixtures/columns-da.csv with common Danish headers).
 * Hand the map to the batch loop in rfy_batch_config.columns.  Every other
 * unknown column is an error at the header, all of them named in one
 * message, each with a "did you mean" when it is close to one of rfy's
 * columns.  Header names are matched to the map and the ignore list without
 * regard to case (ASCII and æ/ø/å) and surrounding spaces; rfy's own names
 * exactly.
 *
 * Thread safety: build a map in one thread; once built it is only read, and
 * any number of runs may use it at once.
 */
#ifndef RFY_COLUMNS_H
#define RFY_COLUMNS_H

#include <rfy/export.h>
#include <rfy/fault.h> /* rfy_lang */

RFY_BEGIN_DECLS

typedef struct rfy_column_map rfy_column_map;

/* A new, empty map (nothing mapped, nothing ignored); NULL when out of memory. */
RFY_API rfy_column_map *rfy_column_map_new(void);
/* Free m (NULL is fine). */
RFY_API void rfy_column_map_free(rfy_column_map *m);

/*
 * Read a map file: a header "from,to" (or "from;to"), then one mapping per
 * row, UTF-8.  Returns RFY_OK, or RFY_EINPUT / RFY_EIO / RFY_ENOMEM with
 * *errmsg (caller frees) naming the line: an empty name, a `from` given
 * twice.  The file's base name and SHA-256 are kept (rfy_column_map_file_*),
 * so that a receipt can name the map that was used.
 */
RFY_API int rfy_column_map_load(rfy_column_map *m, const char *path, char **errmsg);

/* Add the names of a comma-separated list to the columns read past.
 * Returns RFY_OK, or RFY_EINPUT with *errmsg for an empty name. */
RFY_API int rfy_column_map_ignore(rfy_column_map *m, const char *list, char **errmsg);

/* rfy_column_map_load() and rfy_column_map_ignore() with *errmsg in `lang`:
 * the two above are these with RFY_LANG_DA ("linje 3: 'måned' er mappet to
 * gange (linje 2 og 3)"); RFY_LANG_EN gives English ("line 3: 'måned' is
 * mapped twice (lines 2 and 3)").  A malformed record in the map file keeps
 * the CSV reader's words.  Returns, owns and requires as those do. */
RFY_API int rfy_column_map_load_lang(rfy_column_map *m, const char *path, rfy_lang lang,
                                     char **errmsg);
RFY_API int rfy_column_map_ignore_lang(rfy_column_map *m, const char *list, rfy_lang lang,
                                       char **errmsg);

/* The map file's base name and SHA-256 (64 hex digits); NULL when no file
 * was loaded.  The ignored names as given, joined by ',' ("" when none).
 * Borrowed from m. */
RFY_API const char *rfy_column_map_file_name(const rfy_column_map *m);
RFY_API const char *rfy_column_map_file_sha256(const rfy_column_map *m);
RFY_API const char *rfy_column_map_ignored(const rfy_column_map *m);

RFY_END_DECLS

#endif
