/* Output files that appear whole or not at all.  See atomic_file.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "rfy_status.h"

/* Output buffer: large enough that a million-row batch makes few syscalls. */
#define OUT_BUFFER (1u << 20)

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
    if (fchmod(fd, mode) != 0 || !(f->fp = fdopen(fd, "w"))) {
        rc = fail(errmsg, "cannot write %s: %s", f->tmp, strerror(errno));
        goto cleanup;
    }
    fd = -1; /* now owned by f->fp */
    f->owns_fp = 1;
    set_buffer(f->fp);
    return RFY_OK;
cleanup:
    if (fd >= 0) {
        close(fd);
        unlink(f->tmp);
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
        if (fsync(fileno(fp)) != 0)
            return fail(errmsg, "cannot write %s: %s", name, strerror(errno));
        f->fp = NULL;
        f->owns_fp = 0;
        if (fclose(fp) != 0)
            return fail(errmsg, "cannot write %s: %s", name, strerror(errno));
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
    f->renamed = 1;
    return RFY_OK;
}

void atomic_file_abort(atomic_file *f)
{
    if (f->owns_fp && f->fp)
        fclose(f->fp);
    f->fp = NULL;
    f->owns_fp = 0;
    if (f->tmp) {
        unlink(f->renamed ? f->path : f->tmp);
        free(f->tmp);
        f->tmp = NULL;
    }
}

void atomic_file_close(atomic_file *f)
{
    if (f->owns_fp && f->fp)
        fclose(f->fp);
    f->fp = NULL;
    f->owns_fp = 0;
    free(f->tmp);
    f->tmp = NULL;
}
