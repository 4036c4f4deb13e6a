/*
 * A tiny reader for the data-driven test vectors in tests/vectors/ (*.tsv).
 *
 * Format (in the spirit of jq's and libmpdec's test files): one case per
 * line, fields separated by TAB; lines that are empty or start with '#' are
 * comments.  Inside a field these escapes are understood, so that spaces,
 * tabs and odd bytes stay visible: \s (space), \t, \n, \r, \\ and \xHH (any
 * byte, including \x00).  Anything else after a backslash is an error, so a
 * typo in a vector file fails loudly instead of testing the wrong input.
 */
#ifndef RFY_TEST_VECTORS_H
#define RFY_TEST_VECTORS_H

#include <stddef.h>

#define RFY_VECTOR_MAX_FIELDS 8

/* One case: borrowed by the callback for the duration of the call. */
typedef struct rfy_vector {
    const char *file;    /* path as given to rfy_vectors_run() */
    unsigned long line;  /* 1-based line in that file */
    size_t nfields;
    const char *field[RFY_VECTOR_MAX_FIELDS]; /* unescaped, NUL-terminated */
    size_t len[RFY_VECTOR_MAX_FIELDS];        /* true length (a field may hold \x00) */
} rfy_vector;

/*
 * Check one case.  Return NULL when it passes, or a malloc()ed explanation
 * of the failure (the runner prints it with FILE:LINE and frees it).
 */
typedef char *(*rfy_vector_fn)(void *user, const rfy_vector *v);

/*
 * Run every case of the file at `path`, which must have exactly `nfields`
 * fields per case.  Prints each failure to stderr as "FILE:LINE: why".
 * Returns RFY_OK-style 0 with *ncases and *nfailed set, or -1 when the file
 * cannot be read or a line is malformed (explained on stderr).
 */
int rfy_vectors_run(const char *path, size_t nfields, rfy_vector_fn fn, void *user,
                    unsigned long *ncases, unsigned long *nfailed);

/* printf into a new malloc()ed string (for rfy_vector_fn results). */
char *rfy_vector_failf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#endif
