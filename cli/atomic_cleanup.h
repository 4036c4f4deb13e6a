/*
 * What atomic_file.c leaves behind when a run is cut short, and how it goes:
 *
 *  - named temporaries that exist right now are kept in static storage, so
 *    that the signal handler (SIGINT, SIGTERM, SIGHUP) and the out-of-memory
 *    handler (oom_exit.h) can unlink them without allocating;
 *  - the signal handler is async-signal-safe: it unlinks those paths, sets
 *    the signal's default action and raises it again, so the process ends
 *    "killed by SIGTERM" (a shell shows 128 + 15 = 143); while files are
 *    being committed the signal is only noted, and acted on afterwards;
 *  - named temporaries of dead processes (after `kill -9`) are removed by
 *    the next run that writes the same path.
 */
#ifndef RFY_ATOMIC_CLEANUP_H
#define RFY_ATOMIC_CLEANUP_H

/* Install the handlers for SIGINT, SIGTERM and SIGHUP, once per process
 * (a signal that is ignored stays ignored). */
void atomic_cleanup_install(void);

/* Register / forget a named temporary.  A path too long for the static
 * table, or beyond its size, is left to the next run's clean-up. */
void atomic_cleanup_add(const char *path);
void atomic_cleanup_remove(const char *path);

/* Around committing a group of files: a signal arriving in between is held
 * until atomic_cleanup_commit_end(), which then ends the process with it. */
void atomic_cleanup_commit_begin(void);
void atomic_cleanup_commit_end(void);

/*
 * Remove the named temporaries "BASE.rfy-tmp-PID-XXXXXX" in directory `dir`
 * whose process PID no longer exists on this machine (a live writer's file,
 * and this process's own, are kept).  Only regular files are removed.
 */
void atomic_cleanup_stale(const char *dir, const char *base);

/* Whether an entry name is a named temporary of `base`; *pid gets its PID. */
int atomic_cleanup_is_temporary(const char *name, const char *base, long *pid);

#endif
