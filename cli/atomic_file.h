/*
 * Output files that appear whole or not at all.
 *
 * A regular file (or a path that does not exist yet) is written to a
 * temporary file in the same directory and given its name only when the
 * caller commits.  The temporary is, where the filesystem allows it, an
 * unnamed file (O_TMPFILE): it has no name at all until the commit links it
 * in through /proc/self/fd/N, and the kernel frees it when the process ends
 * in any way, `kill -9` included.  Elsewhere (no O_TMPFILE, no /proc, or
 * RFY_ATOMIC_NAMED=1 in the environment) it is a named temporary
 *
 *     PATH.rfy-tmp-PID-XXXXXX     (PID: the writing process, XXXXXX: random)
 *
 * which SIGINT, SIGTERM and SIGHUP remove (the handler is async-signal-safe:
 * it only unlinks paths kept in static storage, then dies of the same
 * signal, so the exit status is the conventional 128 + signal number), and
 * which the next run writing the same PATH removes when process PID no
 * longer exists (after `kill -9` or a power cut).  Replacing an existing
 * file also passes through such a name for the instant between link and
 * rename.  A signal that arrives while files are being committed waits
 * until the commit is done, then ends the process as above.
 *
 * While a temporary is written, its SHA-256 is computed (for receipts: no
 * second read of the file) and the kernel is asked to start write-back
 * every 8 MiB (so the final fsync does not write the whole file at the end).
 *
 * Not atomic, by necessity (atomic_path_is_special): standard output ("-"),
 * a stream the caller hands in (standard error), a path that exists but is
 * not a regular file (a pipe, /dev/null, /dev/full), and a name that leads
 * into /proc (/dev/stdout, /dev/fd/N).  Those are written directly, since
 * renaming a file over a device node would replace the device.
 *
 * The sequence for a group of files (a run's output, rejects and receipt)
 * is prepare all / commit all / abort all:
 *
 *     atomic_file a, b;
 *     prepare: atomic_file_open(&a, path, &msg) ... write to a.fp, checking
 *              every write ...; atomic_file_finish(&a, &msg) (flushed,
 *              fsync'ed, hashed, still without a name); the same for b.
 *              Any failure: abort all.
 *     (here a caller may commit something else that must go with the files,
 *      e.g. a database transaction: once it is committed, the files follow)
 *     commit:  atomic_file *all[] = {&a, &b};
 *              atomic_file_commit_all(all, 2, &msg) gives every file its name
 *              (signals held off until all are done).  Failure: abort all.
 *     success: atomic_file_close() each.
 *     abort:   atomic_file_abort() each: unnamed temporaries vanish, named
 *              ones are unlinked, and a file already committed by this run is
 *              removed again, so a half-done group never remains.
 */
#ifndef RFY_ATOMIC_FILE_H
#define RFY_ATOMIC_FILE_H

#include <stdio.h>

/* What the next run looks for next to PATH: PATH + this + "PID-XXXXXX". */
#define ATOMIC_TMP_MARK ".rfy-tmp-"

typedef enum { ATOMIC_DIRECT, ATOMIC_NAMED, ATOMIC_UNNAMED } atomic_kind;

typedef struct atomic_file {
    FILE *fp;          /* write here */
    const char *path;  /* the path as given (borrowed), or "-" for standard output */
    char *path_copy;   /* freed with f: the caller may hand path over (owned), or NULL */
    char *final;       /* the regular file a symbolic link names (owned), or NULL: path */
    char *tmp;         /* named temporary path (owned), NULL otherwise */
    atomic_kind kind;  /* how the file is written */
    int fd;            /* the temporary's descriptor, -1 when none */
    char fd_path[32];  /* "/proc/self/fd/N" of an unnamed temporary */
    int by_name;       /* atomic_file_write_path() was asked: hash the file's bytes */
    int owns_fp;       /* fp must be closed by us */
    int finished;      /* atomic_file_finish() succeeded */
    int renamed;       /* committed: the file has its final name */
    void *sink;        /* the temporary's hash and write-back state (owned) */
    char sha256[65];   /* hex SHA-256 of the bytes written, once finished; "" if not hashed */
} atomic_file;

/*
 * Whether `path` is written directly, not atomically: "-", a path that
 * exists and is not a regular file (device, FIFO, directory, socket), or a
 * name that leads into /proc (/dev/stdout, /dev/fd/1).  Such an output gets
 * no default side files (rejects, receipt): docs/batch.md.
 */
int atomic_path_is_special(const char *path);

/*
 * Whether side files derived from `path` (OUT.rejects.csv, OUT.receipt.json)
 * may be made next to it: not when path is special (above), nor when its
 * directory is a device directory (/dev or below it, but /dev/shm, which
 * holds ordinary files).
 */
int atomic_path_allows_side_files(const char *path);

/*
 * Open `path` for writing ("-" = standard output).  A 1 MiB stdio buffer is
 * set on the stream.  The final file gets the mode an ordinary new file
 * would get (0666 minus the umask), or the mode of the file it replaces.
 * Stale named temporaries of PATH left by dead processes are removed first,
 * and the signal handlers are installed (once per process; a signal that is
 * ignored, as under nohup, stays ignored).
 * Returns RFY_OK, or RFY_EIO with *errmsg (malloc'ed, caller frees) naming
 * the path and the system's reason.  Preconditions: path outlives f.
 */
int atomic_file_open(atomic_file *f, const char *path, char **errmsg);

/* Wrap an already open stream (standard error) without atomicity. */
void atomic_file_wrap(atomic_file *f, FILE *fp, const char *name);

/*
 * A path under which another writer (libxlsxwriter) can open the file by
 * name and write it whole: the temporary's name, "/proc/self/fd/N" for an
 * unnamed temporary, or the path itself when written directly.  Its bytes
 * are then hashed at atomic_file_finish() by reading the file back.
 * Borrowed from f.
 */
const char *atomic_file_write_path(atomic_file *f);

/*
 * A path under which the temporary's bytes written so far can be read back
 * (after fflush(f->fp)): "/proc/self/fd/N" for an unnamed temporary, the
 * temporary's name for a named one, NULL for a file written directly.
 * Unlike atomic_file_write_path(), it changes nothing.  Borrowed from f.
 */
const char *atomic_file_read_path(const atomic_file *f);

/*
 * Flush, hash and fsync the temporary file (or flush the direct stream).
 * The file still has no name.  Returns RFY_OK, or RFY_EIO with *errmsg
 * (e.g. "No space left on device").  After a failure call atomic_file_abort().
 */
int atomic_file_finish(atomic_file *f, char **errmsg);

/*
 * Give every finished file of the group its final name (no-op for those
 * written directly), with SIGINT, SIGTERM and SIGHUP held off until all are
 * done.  Returns RFY_OK, or RFY_EIO with *errmsg; then abort all (those
 * already committed are removed again).
 */
int atomic_file_commit_all(atomic_file *const *files, size_t n, char **errmsg);

/* atomic_file_commit_all() of one file. */
int atomic_file_rename(atomic_file *f, char **errmsg);

/*
 * Give up: close the temporary (an unnamed one vanishes) and unlink a named
 * one, or, when it was already committed, unlink the final path (so that a
 * half-done group of files never remains).  Safe to call on a zeroed or
 * finished object, and twice; frees what f owns.
 */
void atomic_file_abort(atomic_file *f);

/* Release what f owns after a successful commit (or for a direct stream). */
void atomic_file_close(atomic_file *f);

/*
 * Hash the file's bytes on a thread of their own from here on
 * (hash_behind.h), for `rfy batch --jobs 2` and more: the same SHA-256, the
 * writing thread only copies the bytes.  Nothing for a direct stream; when
 * the thread cannot be started the hashing stays inline.
 */
void atomic_file_hash_behind(atomic_file *f);

/*
 * The hex SHA-256 of the file's bytes, available after a successful
 * atomic_file_finish(); NULL for a direct stream (standard output, a device)
 * or before finishing.  Borrowed from f.
 */
const char *atomic_file_sha256(const atomic_file *f);

/*
 * Start a temporary file afresh: empty it and its hash, as if just opened
 * (rfy/batch.h: an input found out of order is read again, sorted).
 * Returns 0, or -1 when f is not a temporary file or the file cannot be
 * emptied (errno).
 */
int atomic_file_rewind(atomic_file *f);

/* Whether f is written through a temporary file. */
int atomic_file_is_atomic(const atomic_file *f);

#endif
