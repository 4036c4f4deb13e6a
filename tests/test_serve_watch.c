/*
 * The two helpers of `rfy serve` that hold its threads, without libmicrohttpd:
 * serve_watch (the connection deadlines, the count of requests under way)
 * on a socket pair, and serve_jobs (the computing threads: every job run or
 * dropped exactly once).  tests/web/slow_clients.py, limits_test.py and
 * sigterm_test.py drive them inside the server.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <check.h>

#include "check_run.h"
#include "serve_jobs.h"
#include "serve_watch.h"

/* Sleep `us` microseconds (usleep is not POSIX.1-2008). */
static void sleep_us(long us)
{
    struct timespec t = {us / 1000000, (us % 1000000) * 1000};
    while (nanosleep(&t, &t) != 0)
        ;
}

/* Seconds (monotonic) since an arbitrary start. */
static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Seconds until the peer of sv[0] sees the end of the stream (at most `limit`). */
static double until_eof(int fd, double limit)
{
    double t0 = now_s();
    struct timeval tv = {0, 100000};
    char c;
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    while (now_s() - t0 < limit)
        if (recv(fd, &c, 1, 0) == 0)
            return now_s() - t0;
    return -1;
}

/* A new connection that sends nothing is shut down by the request-line
 * deadline (2 s; the watch looks every 0,25 s), and counts as under way
 * until then: a stop waits for its request. */
START_TEST(silent_connection_is_shut_down)
{
    int sv[2];
    serve_watch *w = serve_watch_start(10);
    serve_watched *c;
    double t;
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    c = serve_watch_add(w, sv[0]);
    ck_assert_ptr_nonnull(c);
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 1);
    t = until_eof(sv[1], 6);
    ck_assert_msg(t >= SERVE_LINE_TIMEOUT_S - 0.1 && t < SERVE_LINE_TIMEOUT_S + 2,
                  "shut down after %.2f s", t);
    serve_watch_remove(w, c);
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 0);
    serve_watch_stop(w);
    close(sv[0]);
    close(sv[1]);
}
END_TEST

/* A request under way from its request line to its answer; the kept-alive
 * connection after it is not under way; the computing time (answering) does
 * not count against the request deadline. */
START_TEST(requests_under_way)
{
    int sv[2];
    serve_watch *w = serve_watch_start(10);
    serve_watched *c;
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    c = serve_watch_add(w, sv[0]);
    serve_watch_request_line(w, c);
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 1);
    serve_watch_answering(w, c);
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 1);
    serve_watch_request_done(w, c);
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 0);
    /* a second request on the kept-alive connection */
    serve_watch_request_line(w, c);
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 1);
    serve_watch_remove(w, c); /* closed mid-request: no longer under way */
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 0);
    /* the silent-connection deadline never fired: no EOF on the peer */
    ck_assert(until_eof(sv[1], 0.3) < 0);
    serve_watch_stop(w);
    close(sv[0]);
    close(sv[1]);
}
END_TEST

/* A connection handed to libmicrohttpd counts as under way until it is
 * added, then as that connection (not twice); a failed hand-over not at all. */
START_TEST(expected_connections)
{
    int sv[2];
    serve_watch *w = serve_watch_start(10);
    serve_watched *c;
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    serve_watch_expect(w);
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 1);
    c = serve_watch_add(w, sv[0]);
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 1);
    serve_watch_request_line(w, c);
    serve_watch_request_done(w, c);
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 0);
    serve_watch_expect(w);
    serve_watch_unexpect(w);
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 0);
    serve_watch_unexpect(w); /* nothing expected: no effect */
    ck_assert_uint_eq(serve_watch_wait_idle(w, 0), 0);
    serve_watch_remove(w, c);
    serve_watch_stop(w);
    close(sv[0]);
    close(sv[1]);
}
END_TEST

/* serve_watch_wait_idle returns as soon as the last request ends, well
 * before its grace period. */
typedef struct ender {
    serve_watch *w;
    serve_watched *c;
} ender;

static void *end_later(void *arg)
{
    ender *e = arg;
    sleep_us(200000);
    serve_watch_request_done(e->w, e->c);
    return NULL;
}

START_TEST(wait_idle_returns_when_done)
{
    int sv[2];
    ender e;
    pthread_t th;
    double t0;
    e.w = serve_watch_start(10);
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    e.c = serve_watch_add(e.w, sv[0]);
    serve_watch_request_line(e.w, e.c);
    t0 = now_s();
    pthread_create(&th, NULL, end_later, &e);
    ck_assert_uint_eq(serve_watch_wait_idle(e.w, 30), 0);
    ck_assert_msg(now_s() - t0 < 20, "waited %.2f s", now_s() - t0);
    pthread_join(th, NULL);
    serve_watch_remove(e.w, e.c);
    serve_watch_stop(e.w);
    close(sv[0]);
    close(sv[1]);
}
END_TEST

/* ---- serve_jobs ---- */

#define NJOBS 200
static atomic_int ran[NJOBS], dropped[NJOBS];

static void run_job(void *arg)
{
    atomic_fetch_add(&ran[(int)(intptr_t)arg], 1);
}

static void drop_job(void *arg)
{
    atomic_fetch_add(&dropped[(int)(intptr_t)arg], 1);
}

/* Every job submitted is run or dropped, exactly once, however the stop
 * falls; none is submitted after the stop. */
START_TEST(every_job_once)
{
    serve_jobs *j = serve_jobs_start(4);
    int i;
    ck_assert_ptr_nonnull(j);
    for (i = 0; i < NJOBS; i++) {
        atomic_init(&ran[i], 0);
        atomic_init(&dropped[i], 0);
    }
    for (i = 0; i < NJOBS; i++)
        ck_assert_int_eq(serve_jobs_submit(j, run_job, drop_job, (void *)(intptr_t)i), 0);
    serve_jobs_stop(j);
    for (i = 0; i < NJOBS; i++)
        ck_assert_msg(atomic_load(&ran[i]) + atomic_load(&dropped[i]) == 1,
                      "job %d: ran %d, dropped %d", i, atomic_load(&ran[i]),
                      atomic_load(&dropped[i]));
}
END_TEST

/* A job being run when the stop comes finishes; the ones queued behind it
 * (one thread) are dropped. */
static atomic_int slow_started;

static void slow_job(void *arg)
{
    (void)arg;
    atomic_store(&slow_started, 1);
    sleep_us(1000000);
    atomic_fetch_add(&ran[0], 1);
}

START_TEST(queued_jobs_dropped_on_stop)
{
    serve_jobs *j = serve_jobs_start(1);
    int i;
    for (i = 0; i < 6; i++) {
        atomic_init(&ran[i], 0);
        atomic_init(&dropped[i], 0);
    }
    atomic_init(&slow_started, 0);
    ck_assert_int_eq(serve_jobs_submit(j, slow_job, drop_job, (void *)(intptr_t)0), 0);
    while (!atomic_load(&slow_started))
        sleep_us(1000);
    for (i = 1; i < 6; i++)
        ck_assert_int_eq(serve_jobs_submit(j, run_job, drop_job, (void *)(intptr_t)i), 0);
    serve_jobs_stop(j);
    ck_assert_int_eq(atomic_load(&ran[0]), 1);
    ck_assert_int_eq(atomic_load(&dropped[0]), 0);
    for (i = 1; i < 6; i++)
        ck_assert_msg(atomic_load(&dropped[i]) == 1 && atomic_load(&ran[i]) == 0,
                      "job %d: ran %d, dropped %d", i, atomic_load(&ran[i]),
                      atomic_load(&dropped[i]));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("serve_watch");
    TCase *tc = tcase_create("serve_watch");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, silent_connection_is_shut_down);
    tcase_add_test(tc, requests_under_way);
    tcase_add_test(tc, expected_connections);
    tcase_add_test(tc, wait_idle_returns_when_done);
    tcase_add_test(tc, every_job_once);
    tcase_add_test(tc, queued_jobs_dropped_on_stop);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
