/* Output files that appear whole or not at all.  See atomic_file.h. */
#define _GNU_SOURCE /* fopencookie, sync_file_range (glibc, Linux) */
#include <errno.h>
#include <openssl/evp.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <limits.h>

#include "atomic_file.h"
#include "fatal.h"
#include "rfy_status.h"

/* Output buffer: large enough that a million-row batch makes few syscalls. */
#define OUT_BUFFER (1u << 20)
/* Ask the kernel to start writing back after this many bytes, so that the
 * final fsync does not have to write a whole large file at the end. */
#define WRITEBACK_STEP (8u << 20)

/*
 * Where a temporary file's bytes go: the file descriptor, a SHA-256 of every
 * byte written (the receipt names it without reading the file back), and
 * early write-back.  A stdio stream over it comes from fopencookie().
 */
typedef struct out_sink {
    int fd;
    EVP_MD_CTX *md;
    unsigned long long bytes, synced;
    int md_failed;
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
    if (!EVP_DigestUpdate(s->md, buf, n))
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

static int sink_close(void *cookie)
{
    out_sink *s = cookie;
    int rc = close(s->fd);
    s->fd = -1;
    return rc;
}

static void sink_free(atomic_file *f)
{
    out_sink *s = f->sink;
    if (!s)
        return;
    if (s->fd >= 0)
        close(s->fd);
    EVP_MD_CTX_free(s->md);
    free(s);
    f->sink = NULL;
}

/* The hex SHA-256 of all bytes written, into f->sha256; 0 or -1. */
static int sink_digest(atomic_file *f)
{
    static const char hex[] = "0123456789abcdef";
    out_sink *s = f->sink;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (s->md_failed || !EVP_DigestFinal_ex(s->md, md, &n) || n != 32)
        return -1;
    for (unsigned int i = 0; i < 32; i++) {
        f->sha256[2 * i] = hex[md[i] >> 4];
        f->sha256[2 * i + 1] = hex[md[i] & 15];
    }
    f->sha256[64] = '\0';
    return 0;
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

/*
 * Temporary files that exist right now, kept in static storage so that the
 * out-of-memory handler (rfy_oom.h) can remove them without allocating: a run
 * ended by a failed GMP allocation leaves no temporary behind.  A run has at
 * most three at once (output, rejects, receipt).
 */
#define LIVE_MAX 4
static char live_path[LIVE_MAX][PATH_MAX];

static void unlink_live(void)
{
    for (int i = 0; i < LIVE_MAX; i++)
        if (live_path[i][0])
            unlink(live_path[i]);
}

static void live_add(const char *path)
{
    static int registered;
    if (!registered)
        registered = cli_on_fatal(unlink_live) == RFY_OK;
    if (strlen(path) >= PATH_MAX)
        return;
    for (int i = 0; i < LIVE_MAX; i++)
        if (!live_path[i][0]) {
            memcpy(live_path[i], path, strlen(path) + 1);
            return;
        }
}

static void live_remove(const char *path)
{
    for (int i = 0; i < LIVE_MAX; i++)
        if (live_path[i][0] && strcmp(live_path[i], path) == 0) {
            live_path[i][0] = '\0';
            return;
        }
}

static void set_buffer(FILE *fp)
{
    /* Failing to enlarge the buffer only costs speed. */
    (void)setvbuf(fp, NULL, _IOFBF, OUT_BUFFER);
}

void atomic_file_wrap(atomic_file *f, FILE *fp, const char *name)
{
    memset(f, 0, sizeof *f);
    f->fp = fp;
    f->path = name;
}

int atomic_file_is_atomic(const atomic_file *f)
{
    return f->tmp != NULL;
}

/* The mode a new file gets: 0666 minus the umask (umask can only be read by setting it). */
static mode_t new_file_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return (mode_t)0666 & ~mask;
}

int atomic_file_open(atomic_file *f, const char *path, char **errmsg)
{
    static const char SUFFIX[] = ".XXXXXX";
    struct stat st;
    size_t n;
    int fd = -1, rc = RFY_EIO;
    mode_t mode;

    memset(f, 0, sizeof *f);
    f->path = path;
    if (errmsg)
        *errmsg = NULL;
    if (strcmp(path, "-") == 0) {
        f->fp = stdout;
        set_buffer(stdout);
        return RFY_OK;
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* A device or pipe: write directly (see atomic_file.h). */
        f->fp = fopen(path, "w");
        if (!f->fp)
            return fail(errmsg, "cannot open %s: %s", path, strerror(errno));
        f->owns_fp = 1;
        set_buffer(f->fp);
        return RFY_OK;
    }
    mode = (stat(path, &st) == 0) ? (st.st_mode & 07777) : new_file_mode();
    n = strlen(path);
    f->tmp = malloc(n + sizeof SUFFIX);
    if (!f->tmp)
        return fail(errmsg, "out of memory");
    memcpy(f->tmp, path, n);
    memcpy(f->tmp + n, SUFFIX, sizeof SUFFIX);
    fd = mkstemp(f->tmp);
    if (fd < 0) {
        rc = fail(errmsg, "cannot create %s: %s", path, strerror(errno));
        goto cleanup;
    }
    live_add(f->tmp);
    if (fchmod(fd, mode) != 0) {
        rc = fail(errmsg, "cannot write %s: %s", f->tmp, strerror(errno));
        goto cleanup;
    }
    {
        static const cookie_io_functions_t io = {NULL, sink_write, NULL, sink_close};
        out_sink *sink = calloc(1, sizeof *sink);
        if (!sink || !(sink->md = EVP_MD_CTX_new()) ||
            !EVP_DigestInit_ex(sink->md, EVP_sha256(), NULL)) {
            if (sink)
                EVP_MD_CTX_free(sink->md);
            free(sink);
            rc = fail(errmsg, "out of memory");
            goto cleanup;
        }
        sink->fd = fd;
        f->sink = sink;
        fd = -1; /* now owned by the sink */
        if (!(f->fp = fopencookie(sink, "w", io))) {
            rc = fail(errmsg, "cannot write %s: %s", f->tmp, strerror(errno));
            unlink(f->tmp);
            live_remove(f->tmp);
            sink_free(f);
            free(f->tmp);
            f->tmp = NULL;
            return rc;
        }
    }
    f->owns_fp = 1;
    set_buffer(f->fp);
    return RFY_OK;
cleanup:
    if (fd >= 0) {
        close(fd);
        unlink(f->tmp);
        live_remove(f->tmp);
    }
    free(f->tmp);
    f->tmp = NULL;
    return rc;
}

int atomic_file_finish(atomic_file *f, char **errmsg)
{
    const char *name = f->tmp ? f->path : (strcmp(f->path, "-") == 0 ? "standard output" : f->path);
    FILE *fp = f->fp;
    if (errmsg)
        *errmsg = NULL;
    errno = 0;
    if (fflush(fp) != 0)
        return fail(errmsg, "cannot write %s: %s", name, strerror(errno ? errno : EIO));
    if (ferror(fp)) /* an earlier write failed; its errno is gone */
        return fail(errmsg, "cannot write %s: a write failed", name);
    if (f->tmp) {
        out_sink *s = f->sink;
        if (sink_digest(f) != 0)
            return fail(errmsg, "cannot hash %s: out of memory", name);
        if (fsync(s->fd) != 0)
            return fail(errmsg, "cannot write %s: %s", name, strerror(errno));
        f->fp = NULL;
        f->owns_fp = 0;
        if (fclose(fp) != 0) { /* closes the descriptor through sink_close */
            sink_free(f);
            return fail(errmsg, "cannot write %s: %s", name, strerror(errno));
        }
        sink_free(f);
    } else if (f->owns_fp) {
        f->fp = NULL;
        f->owns_fp = 0;
        if (fclose(fp) != 0)
            return fail(errmsg, "cannot write %s: %s", name, strerror(errno));
    }
    f->finished = 1;
    return RFY_OK;
}

int atomic_file_rename(atomic_file *f, char **errmsg)
{
    if (errmsg)
        *errmsg = NULL;
    if (!f->tmp || f->renamed)
        return RFY_OK;
    if (rename(f->tmp, f->path) != 0)
        return fail(errmsg, "cannot replace %s: %s", f->path, strerror(errno));
    live_remove(f->tmp);
    f->renamed = 1;
    return RFY_OK;
}

void atomic_file_abort(atomic_file *f)
{
    if (f->owns_fp && f->fp)
        fclose(f->fp);
    f->fp = NULL;
    f->owns_fp = 0;
    sink_free(f);
    if (f->tmp) {
        unlink(f->renamed ? f->path : f->tmp);
        live_remove(f->tmp);
        free(f->tmp);
        f->tmp = NULL;
    }
}

int atomic_file_rewind(atomic_file *f)
{
    out_sink *s = f->sink;
    if (!f->tmp || !s || f->finished)
        return -1;
    /* Drop what the stream still buffers (it goes), then empty the file and
     * start its hash again. */
    if (fflush(f->fp) != 0)
        return -1;
    if (ftruncate(s->fd, 0) != 0 || lseek(s->fd, 0, SEEK_SET) != 0 ||
        !EVP_DigestInit_ex(s->md, EVP_sha256(), NULL))
        return -1;
    s->bytes = s->synced = 0;
    s->md_failed = 0;
    return 0;
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
    if (f->tmp)
        live_remove(f->tmp);
    free(f->tmp);
    f->tmp = NULL;
}
