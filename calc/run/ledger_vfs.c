/*
 * The ledger's files start their way to disk while the run goes on
 * (ledger_internal.h: ledger_vfs_name).
 *
 * A run is one transaction.  SQLite writes its pages to the WAL as the run
 * goes (its page cache is small), but the kernel keeps them in memory until
 * the COMMIT's fdatasync, which then waits for all of them at once; the
 * checkpoint that folds the WAL into the database after the run does the
 * same with the database file.  For a month of 300 000 case-months that was
 * half a second of waiting after the computing was done.
 *
 * This is an SQLite VFS shim (https://sqlite.org/vfs.html) over the default
 * one: every call goes through unchanged, and after each 8 MiB written to
 * the database or its WAL it asks the kernel to begin writing those bytes
 * (sync_file_range(SYNC_FILE_RANGE_WRITE), as cli/atomic_file.c does for
 * the output).  Durability is SQLite's, unchanged: only its fsyncs promise
 * anything, and they now find less left to do.  The hint goes through a
 * read-only descriptor of the file's own, because the default VFS does not
 * hand out its own.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "ledger_internal.h"

#define WRITEBACK_BYTES (8 << 20)

typedef struct wb_file {
    sqlite3_file base;          /* pMethods: wb_methods (or NULL when the open failed) */
    int fd;                     /* read-only, for the hint; -1: none (not a db or WAL) */
    sqlite3_int64 lo, hi;       /* written since the last hint: [lo, hi) */
    sqlite3_file *real;         /* the default VFS's file, right after this struct */
} wb_file;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs wb_vfs;
static sqlite3_io_methods wb_methods;

#define REAL(f) (((wb_file *)(f))->real)

static void hint(wb_file *f)
{
    if (f->fd >= 0 && f->hi > f->lo)
        sync_file_range(f->fd, f->lo, f->hi - f->lo, SYNC_FILE_RANGE_WRITE);
    f->lo = f->hi = 0;
}

static int wb_write(sqlite3_file *file, const void *p, int n, sqlite3_int64 at)
{
    wb_file *f = (wb_file *)file;
    int rc = f->real->pMethods->xWrite(f->real, p, n, at);
    if (rc == SQLITE_OK && f->fd >= 0) {
        if (f->hi == f->lo) {
            f->lo = at;
            f->hi = at + n;
        } else {
            f->lo = at < f->lo ? at : f->lo;
            f->hi = at + n > f->hi ? at + n : f->hi;
        }
        /* a range, not a byte count: the checkpoint writes pages in order,
         * the WAL appends; both make the range grow as the bytes do */
        if (f->hi - f->lo >= WRITEBACK_BYTES)
            hint(f);
    }
    return rc;
}

static int wb_close(sqlite3_file *file)
{
    wb_file *f = (wb_file *)file;
    int rc = f->real->pMethods->xClose(f->real);
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    return rc;
}

/* The rest goes through as it is. */
static int wb_read(sqlite3_file *f, void *p, int n, sqlite3_int64 at)
{
    return REAL(f)->pMethods->xRead(REAL(f), p, n, at);
}
static int wb_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    return REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int wb_sync(sqlite3_file *f, int flags)
{
    return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int wb_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return REAL(f)->pMethods->xFileSize(REAL(f), size);
}
static int wb_lock(sqlite3_file *f, int level)
{
    return REAL(f)->pMethods->xLock(REAL(f), level);
}
static int wb_unlock(sqlite3_file *f, int level)
{
    return REAL(f)->pMethods->xUnlock(REAL(f), level);
}
static int wb_check_reserved(sqlite3_file *f, int *out)
{
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int wb_file_control(sqlite3_file *f, int op, void *arg)
{
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int wb_sector_size(sqlite3_file *f)
{
    return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int wb_device(sqlite3_file *f)
{
    return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int wb_shm_map(sqlite3_file *f, int region, int size, int extend, void volatile **p)
{
    return REAL(f)->pMethods->xShmMap(REAL(f), region, size, extend, p);
}
static int wb_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}
static void wb_shm_barrier(sqlite3_file *f)
{
    REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int wb_shm_unmap(sqlite3_file *f, int delete_flag)
{
    return REAL(f)->pMethods->xShmUnmap(REAL(f), delete_flag);
}
static int wb_fetch(sqlite3_file *f, sqlite3_int64 at, int n, void **p)
{
    return REAL(f)->pMethods->xFetch(REAL(f), at, n, p);
}
static int wb_unfetch(sqlite3_file *f, sqlite3_int64 at, void *p)
{
    return REAL(f)->pMethods->xUnfetch(REAL(f), at, p);
}

static int wb_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
    wb_file *f = (wb_file *)file;
    int rc;
    (void)vfs;
    memset(f, 0, sizeof *f);
    f->fd = -1;
    f->real = (sqlite3_file *)((char *)f + sizeof *f);
    rc = real_vfs->xOpen(real_vfs, name, f->real, flags, out_flags);
    /* the unix VFS's files are version 3 (shared memory, mmap): what this
     * shim forwards; another kind goes without the shim's methods */
    if (rc == SQLITE_OK && f->real->pMethods && f->real->pMethods->iVersion < 3) {
        f->real->pMethods->xClose(f->real);
        return SQLITE_CANTOPEN;
    }
    if (rc != SQLITE_OK || !f->real->pMethods) {
        /* SQLite calls no method of a file whose open failed */
        f->base.pMethods = NULL;
        return rc;
    }
    if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)))
        f->fd = open(name, O_RDONLY | O_CLOEXEC); /* -1: no hints, nothing else lost */
    f->base.pMethods = &wb_methods;
    return SQLITE_OK;
}

/* The VFS's other calls are the default VFS's own (sqlite3_vfs has no
 * per-file state there). */
static int wb_delete(sqlite3_vfs *v, const char *name, int sync_dir)
{
    (void)v;
    return real_vfs->xDelete(real_vfs, name, sync_dir);
}
static int wb_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
    (void)v;
    return real_vfs->xAccess(real_vfs, name, flags, out);
}
static int wb_full_pathname(sqlite3_vfs *v, const char *name, int n, char *out)
{
    (void)v;
    return real_vfs->xFullPathname(real_vfs, name, n, out);
}
static int wb_randomness(sqlite3_vfs *v, int n, char *out)
{
    (void)v;
    return real_vfs->xRandomness(real_vfs, n, out);
}
static int wb_sleep(sqlite3_vfs *v, int us)
{
    (void)v;
    return real_vfs->xSleep(real_vfs, us);
}
static int wb_last_error(sqlite3_vfs *v, int n, char *out)
{
    (void)v;
    return real_vfs->xGetLastError(real_vfs, n, out);
}
static int wb_current_time_int64(sqlite3_vfs *v, sqlite3_int64 *out)
{
    (void)v;
    return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static int registered = SQLITE_ERROR;

static void register_once(void)
{
    real_vfs = sqlite3_vfs_find(NULL);
    if (!real_vfs || real_vfs->iVersion < 2)
        return; /* not the unix VFS: the ledger opens without hints */
    wb_methods = (sqlite3_io_methods){
        .iVersion = 3,
        .xClose = wb_close,
        .xRead = wb_read,
        .xWrite = wb_write,
        .xTruncate = wb_truncate,
        .xSync = wb_sync,
        .xFileSize = wb_file_size,
        .xLock = wb_lock,
        .xUnlock = wb_unlock,
        .xCheckReservedLock = wb_check_reserved,
        .xFileControl = wb_file_control,
        .xSectorSize = wb_sector_size,
        .xDeviceCharacteristics = wb_device,
        .xShmMap = wb_shm_map,
        .xShmLock = wb_shm_lock,
        .xShmBarrier = wb_shm_barrier,
        .xShmUnmap = wb_shm_unmap,
        .xFetch = wb_fetch,
        .xUnfetch = wb_unfetch,
    };
    wb_vfs = (sqlite3_vfs){
        .iVersion = 2,
        .szOsFile = (int)sizeof(wb_file) + real_vfs->szOsFile,
        .mxPathname = real_vfs->mxPathname,
        .zName = LEDGER_VFS_NAME,
        .xOpen = wb_open,
        .xDelete = wb_delete,
        .xAccess = wb_access,
        .xFullPathname = wb_full_pathname,
        .xRandomness = wb_randomness,
        .xSleep = wb_sleep,
        /* the default VFS's clock ignores its VFS argument: its own
         * function (SQLite asks xCurrentTimeInt64 first) */
        .xCurrentTime = real_vfs->xCurrentTime,
        .xGetLastError = wb_last_error,
        .xCurrentTimeInt64 = wb_current_time_int64,
    };
    registered = sqlite3_vfs_register(&wb_vfs, 0);
}

const char *ledger_vfs_name(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, register_once);
    return registered == SQLITE_OK ? LEDGER_VFS_NAME : NULL;
}
