/* Temporaries of a run cut short: signals, out of memory, the next run.
 * See atomic_cleanup.h. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_cleanup.h"
#include "atomic_file.h"
#include "oom_exit.h"
#include <rfy/status.h>

/*
 * The named temporaries that exist now.  A run has at most three at once
 * (output, rejects, receipt) plus the instant links of a commit; `rfy rates
 * export` more, and those beyond the table are left to the next run.
 * A slot's path is written before it is marked used, and unmarked before it
 * is reused, so the handler never reads a half-written path.
 */
#define LIVE_MAX 16
static char live_path[LIVE_MAX][PATH_MAX];
static volatile sig_atomic_t live_used[LIVE_MAX];
static volatile sig_atomic_t committing;     /* inside commit_begin .. commit_end */
static volatile sig_atomic_t pending_signal; /* a signal that came meanwhile */

/* Async-signal-safe: unlink() only. */
static void unlink_live(void)
{
    for (int i = 0; i < LIVE_MAX; i++)
        if (live_used[i])
            unlink(live_path[i]);
}

/* Remove what is left, then die of `sig` with its default action
 * (async-signal-safe: unlink, sigaction, sigprocmask, raise, _exit). */
static void die_of(int sig)
{
    static const struct sigaction dfl; /* zero: SIG_DFL, empty mask, no flags */
    sigset_t set;
    unlink_live();
    sigaction(sig, &dfl, NULL);
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig); /* not reached: the default action of these signals ends the process */
}

static void on_signal(int sig)
{
    if (committing) {
        pending_signal = sig;
        return;
    }
    die_of(sig);
}

void atomic_cleanup_install(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    static int installed;
    struct sigaction sa, old;
    if (installed)
        return;
    installed = 1;
    /* an allocation failure in GMP removes them too; when that table is
     * full, the next run does */
    (void)cli_on_fatal(unlink_live);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaddset(&sa.sa_mask, sigs[i]); /* one handler at a time */
    sa.sa_flags = SA_RESTART;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue; /* nohup: stays ignored */
        sigaction(sigs[i], &sa, NULL);
    }
}

void atomic_cleanup_add(const char *path)
{
    size_t n = strlen(path);
    if (n >= PATH_MAX)
        return;
    for (int i = 0; i < LIVE_MAX; i++)
        if (!live_used[i]) {
            memcpy(live_path[i], path, n + 1);
            atomic_signal_fence(memory_order_seq_cst); /* the path, then the mark */
            live_used[i] = 1;
            return;
        }
}

void atomic_cleanup_remove(const char *path)
{
    for (int i = 0; i < LIVE_MAX; i++)
        if (live_used[i] && strcmp(live_path[i], path) == 0) {
            live_used[i] = 0;
            return;
        }
}

void atomic_cleanup_commit_begin(void)
{
    committing = 1;
}

void atomic_cleanup_commit_end(void)
{
    committing = 0;
    if (pending_signal)
        die_of(pending_signal);
}

int atomic_cleanup_is_temporary(const char *name, const char *base, long *pid)
{
    size_t bl = strlen(base), ml = sizeof ATOMIC_TMP_MARK - 1, digits = 0, tail = 0;
    const char *p;
    long v = 0;
    if (strncmp(name, base, bl) != 0 || strncmp(name + bl, ATOMIC_TMP_MARK, ml) != 0)
        return 0;
    for (p = name + bl + ml; *p >= '0' && *p <= '9' && digits < 10; p++, digits++)
        v = v * 10 + (*p - '0');
    if (digits == 0 || *p++ != '-')
        return 0;
    for (; (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
         p++)
        tail++;
    if (*p != '\0' || tail != 6 || v <= 0)
        return 0;
    *pid = v;
    return 1;
}

void atomic_cleanup_stale(const char *dir, const char *base)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    struct stat st;
    long pid;
    if (!d)
        return; /* opening the output there will say why */
    while ((e = readdir(d)) != NULL) {
        if (!atomic_cleanup_is_temporary(e->d_name, base, &pid) || pid == (long)getpid())
            continue;
        /* only a writer that is gone: kill(pid, 0) fails with ESRCH */
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
            unlinkat(dirfd(d), e->d_name, 0);
    }
    closedir(d);
}
