/* Output files that appear whole or not at all.  See atomic_file.h. */
#define _GNU_SOURCE /* fopencookie, sync_file_range, O_TMPFILE (glibc, Linux) */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic_cleanup.h"
#include "atomic_file.h"
#include "cli.h"
#include "hash_behind.h"
#include <rfy/status.h>

/* Output buffer: 64 KiB writes, as the I/O floor of bench/run.sh makes
 * (docs/performance.md).  glibc's setvbuf() ignores the size it is given
 * unless it is also given the buffer: the buffer is rfy's own. */
#define OUT_BUFFER (1u << 16)
/* Ask the kernel to start writing back after this many bytes, so that the
 * final fsync does not have to write a whole large file at the end. */
#define WRITEBACK_STEP (8u << 20)

/*
 * Where a temporary file's bytes go: its descriptor (owned by the
 * atomic_file), a SHA-256 of every byte written (the receipt names it
 * without reading the file back), and early write-back.  A stdio stream over
 * it comes from fopencookie().
 */
typedef struct out_sink {
    int fd;
    EVP_MD_CTX *md;
    hash_behind *behind; /* non-NULL: md's work goes on a thread of its own */
    unsigned long long bytes, synced;
    int md_failed;
    char *iobuf;         /* the stream's buffer (OUT_BUFFER bytes), freed after fclose */
} out_sink;

static ssize_t sink_write(void *cookie, const char *buf, size_t n)
{
    out_sink *s = cookie;
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(s->fd, buf + done, n - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return 0; /* fopencookie: 0 reports an error; errno is kept */
        }
        done += (size_t)w;
    }
    if (s->behind)
        hash_behind_update(s->behind, buf, n);
    else if (!EVP_DigestUpdate(s->md, buf, n))
        s->md_failed = 1;
    s->bytes += n;
    if (s->bytes - s->synced >= WRITEBACK_STEP) {
        /* Only a hint: errors surface at the final fsync. */
        (void)sync_file_range(s->fd, (off_t)s->synced, (off_t)(s->bytes - s->synced),
                              SYNC_FILE_RANGE_WRITE);
        s->synced = s->bytes;
    }
    return (ssize_t)n;
}

/* The descriptor stays open until the commit: nothing to close here. */
static int sink_close(void *cookie)
{
    (void)cookie;
    return 0;
}

static void sink_free(atomic_file *f)
{
    out_sink *s = f->sink;
    if (!s)
        return;
    hash_behind_free(s->behind);
    EVP_MD_CTX_free(s->md);
    free(s->iobuf);
    free(s);
    f->sink = NULL;
}

static void hex_of(char out[65], const unsigned char md[32])
{
    static const char hex[] = "0123456789abcdef";
    for (unsigned int i = 0; i < 32; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = '\0';
}

/* The hex SHA-256 of all bytes written through the stream, into f->sha256; 0 or -1. */
static int sink_digest(atomic_file *f)
{
    out_sink *s = f->sink;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (s->behind) {
        if (s->md_failed || hash_behind_final(s->behind, md) != 0)
            return -1;
        n = 32;
    } else if (s->md_failed || !EVP_DigestFinal_ex(s->md, md, &n) || n != 32) {
        return -1;
    }
    hex_of(f->sha256, md);
    return 0;
}

/* The file was written by name (atomic_file_write_path): hash what it holds,
 * read back through the descriptor.  0, or -1 with errno. */
static int file_digest(atomic_file *f)
{
    enum { CHUNK = 1 << 16 };
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    unsigned char *buf = malloc(CHUNK), out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    off_t at = 0;
    ssize_t r;
    int rc = -1;
    if (!md || !buf || !EVP_DigestInit_ex(md, EVP_sha256(), NULL)) {
        errno = ENOMEM;
        goto done;
    }
    while ((r = pread(f->fd, buf, CHUNK, at)) != 0) {
        if (r < 0) {
            if (errno == EINTR)
                continue;
            goto done;
        }
        if (!EVP_DigestUpdate(md, buf, (size_t)r)) {
            errno = ENOMEM;
            goto done;
        }
        at += r;
    }
    if (!EVP_DigestFinal_ex(md, out, &n) || n != 32) {
        errno = ENOMEM;
        goto done;
    }
    hex_of(f->sha256, out);
    rc = 0;
done:
    EVP_MD_CTX_free(md);
    free(buf);
    return rc;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int fail(char **errmsg, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (!errmsg)
        return RFY_EIO;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    *errmsg = malloc((size_t)n + 1);
    if (*errmsg) {
        va_start(ap, fmt);
        vsnprintf(*errmsg, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return RFY_EIO;
}

/* Give fp the buffer buf of OUT_BUFFER bytes (NULL: glibc's own, of the size
 * glibc picks).  Failing to enlarge the buffer only costs speed. */
static void set_buffer(FILE *fp, char *buf)
{
    (void)setvbuf(fp, buf, _IOFBF, OUT_BUFFER);
}

/* Standard output's buffer: it lives as long as the stream. */
static char stdout_buffer[OUT_BUFFER];

/* Where the committed file goes: the symbolic link's target, or the path. */
static const char *target_of(const atomic_file *f)
{
    return f->final ? f->final : f->path;
}

/* ---- Which paths are files ------------------------------------------------------ */

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int atomic_path_is_special(const char *path)
{
    struct stat st;
    char link[PATH_MAX];
    ssize_t n;
    if (strcmp(path, "-") == 0 || starts_with(path, "/proc/") || starts_with(path, "/dev/fd/") ||
        strcmp(path, "/dev/stdout") == 0 || strcmp(path, "/dev/stderr") == 0)
        return 1;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return 1;
    /* a symbolic link into /proc names a descriptor, not a file of its own */
    n = readlink(path, link, sizeof link - 1);
    if (n > 0) {
        link[n] = '\0';
        if (starts_with(link, "/proc/"))
            return 1;
    }
    return 0;
}

/* The directory of `path` into buf ("." when it has none); base set to its last part. */
static int split_path(char *buf, size_t size, const char *path, const char **base)
{
    const char *slash = strrchr(path, '/');
    size_t n;
    if (!slash) {
        *base = path;
        return snprintf(buf, size, ".") < (int)size ? 0 : -1;
    }
    *base = slash + 1;
    n = slash == path ? 1 : (size_t)(slash - path); /* "/x": the root */
    if (n >= size)
        return -1;
    memcpy(buf, path, n);
    buf[n] = '\0';
    return 0;
}

int atomic_path_allows_side_files(const char *path)
{
    char dir[PATH_MAX], real[PATH_MAX];
    const char *base;
    if (atomic_path_is_special(path))
        return 0;
    if (split_path(dir, sizeof dir, path, &base) != 0 || !realpath(dir, real))
        return 1; /* a missing directory: opening the output says so */
    if (strcmp(real, "/dev") == 0)
        return 0;
    return !(starts_with(real, "/dev/") && !starts_with(real, "/dev/shm"));
}

/* ---- Opening ------------------------------------------------------------------------ */

void atomic_file_wrap(atomic_file *f, FILE *fp, const char *name)
{
    memset(f, 0, sizeof *f);
    f->fp = fp;
    f->path = name;
    f->fd = -1;
}

int atomic_file_is_atomic(const atomic_file *f)
{
    return f->kind != ATOMIC_DIRECT;
}

/* The mode a new file gets: 0666 minus the umask (umask can only be read by setting it). */
static mode_t new_file_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return (mode_t)0666 & ~mask;
}

/* RFY_ATOMIC_NAMED=1: named temporaries even where O_TMPFILE works (tests,
 * and filesystems that mishandle unnamed files). */
static int named_forced(void)
{
    const char *v = getenv("RFY_ATOMIC_NAMED");
    return v && *v && strcmp(v, "0") != 0;
}

/* An unnamed temporary in `dir` that /proc can name, or -1. */
static int open_unnamed(atomic_file *f, const char *dir)
{
#ifdef O_TMPFILE
    int fd;
    if (named_forced())
        return -1;
    fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1; /* EOPNOTSUPP, EISDIR on old kernels, ...: a named one then */
    snprintf(f->fd_path, sizeof f->fd_path, "/proc/self/fd/%d", fd);
    if (access(f->fd_path, F_OK) != 0) { /* no /proc: it could never be linked in */
        close(fd);
        f->fd_path[0] = '\0';
        return -1;
    }
    return fd;
#else
    (void)f, (void)dir;
    return -1;
#endif
}

/* A named temporary PATH.rfy-tmp-PID-XXXXXX, or -1 with errno. */
static int open_named(atomic_file *f, const char *target)
{
    size_t n = strlen(target) + sizeof ATOMIC_TMP_MARK + 32;
    int fd;
    if (!(f->tmp = malloc(n))) {
        errno = ENOMEM;
        return -1;
    }
    snprintf(f->tmp, n, "%s" ATOMIC_TMP_MARK "%ld-XXXXXX", target, (long)getpid());
    if ((fd = mkostemp(f->tmp, O_CLOEXEC)) < 0) {
        free(f->tmp);
        f->tmp = NULL;
        return -1;
    }
    atomic_cleanup_add(f->tmp);
    return fd;
}

/* The stdio stream over the temporary's descriptor, hashing as it goes. */
static int open_stream(atomic_file *f)
{
    static const cookie_io_functions_t io = {NULL, sink_write, NULL, sink_close};
    out_sink *sink = calloc(1, sizeof *sink);
    if (!sink || !(sink->md = EVP_MD_CTX_new()) ||
        !EVP_DigestInit_ex(sink->md, EVP_sha256(), NULL)) {
        if (sink)
            EVP_MD_CTX_free(sink->md);
        free(sink);
        errno = ENOMEM;
        return -1;
    }
    sink->fd = f->fd;
    f->sink = sink;
    if (!(f->fp = fopencookie(sink, "w", io))) {
        sink_free(f);
        return -1;
    }
    f->owns_fp = 1;
    sink->iobuf = malloc(OUT_BUFFER);
    set_buffer(f->fp, sink->iobuf);
    return 0;
}

int atomic_file_open(atomic_file *f, const char *path, char **errmsg)
{
    char dir[PATH_MAX];
    const char *base, *target;
    struct stat st, lst;
    mode_t mode;

    memset(f, 0, sizeof *f);
    f->path = path;
    f->fd = -1;
    if (errmsg)
        *errmsg = NULL;
    if (strcmp(path, "-") == 0) {
        f->fp = stdout;
        set_buffer(stdout, stdout_buffer);
        return RFY_OK;
    }
    if (atomic_path_is_special(path)) {
        /* A device, pipe or descriptor: write directly (see atomic_file.h). */
        f->fp = fopen(path, "w");
        if (!f->fp)
            return fail(errmsg, cli_msg(RFY_MSG_CANNOT_OPEN), path, cli_errno(errno));
        f->owns_fp = 1;
        set_buffer(f->fp, NULL);
        return RFY_OK;
    }
    /* A symbolic link to a file: the file is replaced, the link kept. */
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && stat(path, &st) == 0 &&
        !(f->final = realpath(path, NULL)))
        return fail(errmsg, cli_msg(RFY_MSG_CANNOT_OPEN), path, cli_errno(errno));
    target = target_of(f);
    mode = (stat(target, &st) == 0) ? (st.st_mode & 07777) : new_file_mode();
    if (split_path(dir, sizeof dir, target, &base) != 0) {
        free(f->final);
        f->final = NULL;
        return fail(errmsg, cli_msg(RFY_MSG_CANNOT_CREATE), path, cli_errno(ENAMETOOLONG));
    }
    atomic_cleanup_install();
    atomic_cleanup_stale(dir, base); /* what a run killed before left */
    f->kind = ATOMIC_UNNAMED;
    if ((f->fd = open_unnamed(f, dir)) < 0) {
        f->kind = ATOMIC_NAMED;
        if ((f->fd = open_named(f, target)) < 0) {
            int e = errno;
            free(f->final);
            f->final = NULL;
            f->kind = ATOMIC_DIRECT;
            return fail(errmsg, cli_msg(RFY_MSG_CANNOT_CREATE), path, cli_errno(e));
        }
    }
    if (fchmod(f->fd, mode) != 0 || open_stream(f) != 0) {
        int e = errno;
        atomic_file_abort(f);
        return fail(errmsg, cli_msg(RFY_MSG_CANNOT_WRITE), path, cli_errno(e));
    }
    return RFY_OK;
}

const char *atomic_file_write_path(atomic_file *f)
{
    f->by_name = 1;
    switch (f->kind) {
    case ATOMIC_UNNAMED: return f->fd_path;
    case ATOMIC_NAMED: return f->tmp;
    default: return f->path;
    }
}

const char *atomic_file_read_path(const atomic_file *f)
{
    switch (f->kind) {
    case ATOMIC_UNNAMED: return f->fd_path;
    case ATOMIC_NAMED: return f->tmp;
    default: return NULL;
    }
}

/* ---- Finishing and committing --------------------------------------------------------- */

int atomic_file_finish(atomic_file *f, char **errmsg)
{
    const char *name = strcmp(f->path, "-") == 0 ? cli_msg(RFY_MSG_STDOUT) : f->path;
    FILE *fp = f->fp;
    if (errmsg)
        *errmsg = NULL;
    if (f->finished)
        return RFY_OK;
    errno = 0;
    if (fp && fflush(fp) != 0)
        return fail(errmsg, cli_msg(RFY_MSG_CANNOT_WRITE), name, cli_errno(errno ? errno : EIO));
    if (fp && ferror(fp)) /* an earlier write failed; its errno is gone */
        return fail(errmsg, cli_msg(RFY_MSG_WRITE_FAILED), name);
    if (f->kind != ATOMIC_DIRECT) {
        if (f->by_name ? file_digest(f) != 0 : sink_digest(f) != 0)
            return fail(errmsg, cli_msg(RFY_MSG_CANNOT_HASH), name,
                        f->by_name ? cli_errno(errno) : cli_msg(RFY_MSG_OUT_OF_MEMORY));
        if (fsync(f->fd) != 0)
            return fail(errmsg, cli_msg(RFY_MSG_CANNOT_WRITE), name, cli_errno(errno));
        f->fp = NULL;
        f->owns_fp = 0;
        fclose(fp); /* the descriptor stays open (sink_close) */
        sink_free(f);
    } else if (f->owns_fp) {
        f->fp = NULL;
        f->owns_fp = 0;
        if (fclose(fp) != 0)
            return fail(errmsg, cli_msg(RFY_MSG_CANNOT_WRITE), name, cli_errno(errno));
    }
    f->finished = 1;
    return RFY_OK;
}

/*
 * Link an unnamed temporary over an existing file: under a fresh temporary
 * name first (linkat cannot replace), then renamed over it.  0 or -1 (errno).
 */
static int link_replacing(atomic_file *f, const char *target)
{
    static const char ALNUM[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    size_t n = strlen(target) + sizeof ATOMIC_TMP_MARK + 32;
    char *name = malloc(n);
    unsigned long x = (unsigned long)time(NULL) ^ ((unsigned long)getpid() << 16);
    int rc = -1;
    if (!name) {
        errno = ENOMEM;
        return -1;
    }
    for (int tries = 0; tries < 100; tries++) {
        char tail[7];
        x = x * 6364136223846793005UL + 1442695040888963407UL;
        for (int i = 0; i < 6; i++)
            tail[i] = ALNUM[(x >> (8 + 5 * i)) % 36];
        tail[6] = '\0';
        snprintf(name, n, "%s" ATOMIC_TMP_MARK "%ld-%s", target, (long)getpid(), tail);
        if (linkat(AT_FDCWD, f->fd_path, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0) {
            atomic_cleanup_add(name);
            rc = rename(name, target);
            if (rc != 0) {
                int e = errno;
                unlink(name);
                errno = e;
            }
            atomic_cleanup_remove(name);
            break;
        }
        if (errno != EEXIST)
            break;
    }
    free(name);
    return rc;
}

/* Give one finished file its name.  RFY_OK or RFY_EIO with *errmsg. */
static int commit_one(atomic_file *f, char **errmsg)
{
    const char *target = target_of(f);
    if (f->kind == ATOMIC_DIRECT || f->renamed)
        return RFY_OK;
    if (!f->finished)
        return fail(errmsg, cli_msg(RFY_MSG_NOT_FINISHED), f->path);
    if (f->kind == ATOMIC_UNNAMED) {
        if (linkat(AT_FDCWD, f->fd_path, AT_FDCWD, target, AT_SYMLINK_FOLLOW) != 0 &&
            (errno != EEXIST || link_replacing(f, target) != 0))
            return fail(errmsg, cli_msg(RFY_MSG_CANNOT_REPLACE), f->path, cli_errno(errno));
    } else {
        if (rename(f->tmp, target) != 0)
            return fail(errmsg, cli_msg(RFY_MSG_CANNOT_REPLACE), f->path, cli_errno(errno));
        atomic_cleanup_remove(f->tmp);
    }
    f->renamed = 1;
    close(f->fd);
    f->fd = -1;
    return RFY_OK;
}

int atomic_file_commit_all(atomic_file *const *files, size_t n, char **errmsg)
{
    int rc = RFY_OK;
    if (errmsg)
        *errmsg = NULL;
    atomic_cleanup_commit_begin();
    for (size_t i = 0; i < n && rc == RFY_OK; i++)
        rc = commit_one(files[i], errmsg);
    /* a failure: the caller aborts all, which removes those committed here */
    atomic_cleanup_commit_end(); /* a signal that came meanwhile ends the process now */
    return rc;
}

int atomic_file_rename(atomic_file *f, char **errmsg)
{
    atomic_file *one[] = {f};
    return atomic_file_commit_all(one, 1, errmsg);
}

/* ---- Giving up, releasing -------------------------------------------------------------- */

void atomic_file_abort(atomic_file *f)
{
    if (f->owns_fp && f->fp)
        fclose(f->fp);
    f->fp = NULL;
    f->owns_fp = 0;
    sink_free(f);
    if (f->kind != ATOMIC_DIRECT && f->fd >= 0) /* (a zeroed object's 0 is not ours) */
        close(f->fd); /* an unnamed temporary is gone with it */
    f->fd = -1;
    if (f->kind != ATOMIC_DIRECT && f->renamed)
        unlink(target_of(f)); /* committed by this run: never half a group */
    if (f->tmp) {
        if (!f->renamed)
            unlink(f->tmp);
        atomic_cleanup_remove(f->tmp);
    }
    free(f->tmp);
    f->tmp = NULL;
    free(f->final);
    f->final = NULL;
    free(f->path_copy);
    f->path_copy = NULL;
    f->kind = ATOMIC_DIRECT;
    f->renamed = 0;
}

int atomic_file_rewind(atomic_file *f)
{
    out_sink *s = f->sink;
    if (f->kind == ATOMIC_DIRECT || !s || f->finished)
        return -1;
    /* Drop what the stream still buffers (it goes), then empty the file and
     * start its hash again. */
    if (fflush(f->fp) != 0)
        return -1;
    if (ftruncate(f->fd, 0) != 0 || lseek(f->fd, 0, SEEK_SET) != 0 ||
        (s->behind ? hash_behind_restart(s->behind) != 0 : !EVP_DigestInit_ex(s->md, EVP_sha256(), NULL)))
        return -1;
    s->bytes = s->synced = 0;
    s->md_failed = 0;
    return 0;
}

void atomic_file_hash_behind(atomic_file *f)
{
    out_sink *s = f->sink;
    if (s && !s->behind && !s->md_failed)
        s->behind = hash_behind_new(s->md); /* NULL: the hashing stays inline */
}

const char *atomic_file_sha256(const atomic_file *f)
{
    return f->sha256[0] ? f->sha256 : NULL;
}

void atomic_file_close(atomic_file *f)
{
    if (f->owns_fp && f->fp)
        fclose(f->fp);
    f->fp = NULL;
    f->owns_fp = 0;
    sink_free(f);
    if (f->kind != ATOMIC_DIRECT && f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    if (f->tmp)
        atomic_cleanup_remove(f->tmp);
    free(f->tmp);
    f->tmp = NULL;
    free(f->final);
    f->final = NULL;
    free(f->path_copy);
    f->path_copy = NULL;
    f->kind = ATOMIC_DIRECT; /* a later abort leaves the committed file alone */
    f->renamed = 0;
}
