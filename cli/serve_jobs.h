/*
 * The computing threads of `rfy serve`.
 *
 * libmicrohttpd's threads move bytes for many connections each; a 1.000-row
 * request takes a noticeable time to compute, and computed on one of those
 * threads it would hold up every other connection of that thread (a health
 * probe among them).  So requests that compute are suspended and handed to
 * this pool; its threads compute and resume them, and libmicrohttpd's
 * threads stay free to answer the rest at once.
 *
 * A job is two functions on one argument: run() when a thread takes it,
 * drop() when the pool stops before any thread took it.  Exactly one of the
 * two is called, once, for every job submitted.
 *
 * Thread safety: every function may be called from any thread.
 */
#ifndef RFY_SERVE_JOBS_H
#define RFY_SERVE_JOBS_H

typedef struct serve_jobs serve_jobs;
typedef void (*serve_job_fn)(void *arg);

/* Start `threads` threads taking jobs in the order submitted.  NULL when out
 * of memory or threads. */
serve_jobs *serve_jobs_start(unsigned threads);

/* Queue a job: 0, or -1 when the pool is stopping or out of memory (then
 * neither function is called). */
int serve_jobs_submit(serve_jobs *j, serve_job_fn run, serve_job_fn drop, void *arg);

/* Stop: drop() every job no thread has taken yet, let the running ones
 * finish, join the threads, free.  Safe with NULL. */
void serve_jobs_stop(serve_jobs *j);

#endif
