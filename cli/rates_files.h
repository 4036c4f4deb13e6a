/*
 * Rate table files as bytes, for `rfy rates export` and `rfy rates derive`:
 * the set to start from (the built-in tables, or a --rates directory's
 * *.csv files) and writing a set into a directory, all files or none.
 */
#ifndef RFY_CLI_RATES_FILES_H
#define RFY_CLI_RATES_FILES_H

#include <stddef.h>

typedef struct rates_files {
    size_t n;
    char **names; /* "2024.csv" */
    char **texts; /* the file's bytes (not NUL-terminated) */
    size_t *lens;
} rates_files;

/*
 * Fill `f` with copies of the built-in tables (dir NULL) or with every
 * "*.csv" file directly in `dir` (the files rfy_rates_load_dir() reads).
 * Returns 0, or -1 with a message on standard error, "rfy CMD: ..." (cmd: "rates export").
 */
int rates_files_read(rates_files *f, const char *dir, const char *cmd);

void rates_files_free(rates_files *f);

/*
 * Write n files into `dir` (created if needed): each to a temporary file,
 * then all renamed, so that the set appears whole or not at all.  An
 * existing file of the same name is never overwritten (it may hold a
 * kommune's edits).  Returns 0, or -1 with a message on standard error
 * "rfy CMD: ..."; nothing is left behind on failure.
 */
int rates_files_write(const char *cmd, const char *dir, size_t n, const char *const *names,
                      const char *const *texts, const size_t *lens);

#endif
