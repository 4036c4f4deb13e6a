/*
 * Output files that appear whole or not at all.
 *
 * A regular file (or a path that does not exist yet) is written to a
 * temporary file "PATH.XXXXXX" in the same directory, flushed and fsync'ed,
 * and renamed over PATH only when the caller commits.  While it is written,
 * its SHA-256 is computed (for receipts: no second read of the file) and the
 * kernel is asked to start write-back every 8 MiB (so the final fsync does not
 * write the whole file at the end).  On abort, or on any
 * write error, the temporary file is removed and PATH is left as it was.
 *
 * Not atomic, by necessity: standard output ("-"), a stream the caller hands
 * in (standard error), and a path that exists but is not a regular file (a
 * pipe, /dev/null, /dev/full): those are written directly, since renaming a
 * file over a device node would replace the device.
 *
 * Usage:
 *     atomic_file f;
 *     if (atomic_file_open(&f, path, &msg) != RFY_OK) ...
 *     write to f.fp, checking every write ...
 *     if (failed) atomic_file_abort(&f); else rc = atomic_file_finish(&f, &msg);
 *     then atomic_file_rename(&f, &msg) (or atomic_file_abort to undo).
 * Finishing and renaming are separate steps so that two files (output and
 * rejects) can both be finished before either is renamed.
 */
#ifndef RFY_ATOMIC_FILE_H
#define RFY_ATOMIC_FILE_H

#include <stdio.h>

typedef struct atomic_file {
    FILE *fp;          /* write here */
    const char *path;  /* final path (borrowed), or "-" for standard output */
    char *tmp;         /* temporary path (owned), NULL when written directly */
    int owns_fp;       /* fp must be closed by us */
    int finished;      /* atomic_file_finish() succeeded */
    int renamed;       /* the temporary now is `path` */
    void *sink;        /* the temporary's descriptor, hash and write-back state (owned) */
    char sha256[65];   /* hex SHA-256 of the bytes written, once finished; "" if not hashed */
} atomic_file;

/*
 * Open `path` for writing ("-" = standard output).  A 1 MiB stdio buffer is
 * set on the stream.  The final file gets the mode an ordinary new file
 * would get (0666 minus the umask), or the mode of the file it replaces.
 * Returns RFY_OK, or RFY_EIO with *errmsg (malloc'ed, caller frees) naming
 * the path and the system's reason.  Preconditions: path outlives f.
 */
int atomic_file_open(atomic_file *f, const char *path, char **errmsg);

/* Wrap an already open stream (standard error) without atomicity. */
void atomic_file_wrap(atomic_file *f, FILE *fp, const char *name);

/*
 * Flush, fsync and close the temporary file (or flush the direct stream).
 * Returns RFY_OK, or RFY_EIO with *errmsg (e.g. "No space left on device").
 * After a failure call atomic_file_abort().
 */
int atomic_file_finish(atomic_file *f, char **errmsg);

/*
 * Rename the finished temporary over the final path (no-op when written
 * directly).  Returns RFY_OK or RFY_EIO with *errmsg.
 */
int atomic_file_rename(atomic_file *f, char **errmsg);

/*
 * Give up: close and unlink the temporary, or, when it was already renamed,
 * unlink the final path (so that a half-done pair of files never remains).
 * Safe to call on a zeroed or finished object; frees what f owns.
 */
void atomic_file_abort(atomic_file *f);

/* Release what f owns after a successful rename (or for a direct stream). */
void atomic_file_close(atomic_file *f);

/*
 * The hex SHA-256 of everything written to a temporary file, available after
 * a successful atomic_file_finish(); NULL for a direct stream (standard
 * output, a device) or before finishing.  Borrowed from f.
 */
const char *atomic_file_sha256(const atomic_file *f);

/*
 * Start a temporary file afresh: empty it and its hash, as if just opened
 * (batch_run.h: an input found out of order is read again, sorted).
 * Returns 0, or -1 when f is not a temporary file or the file cannot be
 * emptied (errno).
 */
int atomic_file_rewind(atomic_file *f);

/* Whether f is written through a temporary file. */
int atomic_file_is_atomic(const atomic_file *f);

#endif
