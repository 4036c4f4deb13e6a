/*
 * The connection deadlines of `rfy serve` (serve_watch.h): a list of the open
 * connections under one lock, and a thread that looks at it four times a
 * second and shuts down the connections past their deadline.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

#include "serve_watch.h"

/* How often the thread looks, in milliseconds: a deadline is kept to within this. */
#define WATCH_TICK_MS 250

typedef enum phase {
    PHASE_WAIT_LINE, /* no request line yet (new, or kept alive after an answer) */
    PHASE_REQUEST,   /* request line arrived: headers and body under way */
    PHASE_ANSWERING  /* read in full: computing, then sending the answer */
} phase;

struct serve_watched {
    serve_watched *prev, *next;
    int fd;
    phase ph;
    int shut;            /* shutdown() already done */
    int fresh;           /* no request yet: its first is on the way (a stop waits for it) */
    struct timespec due; /* deadline of the current phase */
};

struct serve_watch {
    pthread_mutex_t lock;
    pthread_cond_t changed; /* a request ended, or the thread is asked to stop */
    pthread_t thread;
    serve_watched *head;
    unsigned under_way; /* entries is_under_way() says are, and the expected ones */
    unsigned expected;  /* connections handed over, not yet added */
    unsigned idle_s;
    int stopping;
};

static struct timespec after(unsigned ms)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_sec += (time_t)(ms / 1000);
    t.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

static int passed(const struct timespec *due, const struct timespec *now)
{
    return now->tv_sec > due->tv_sec ||
           (now->tv_sec == due->tv_sec && now->tv_nsec >= due->tv_nsec);
}

/* A request is under way on the connection: its request line has arrived, or
 * it is new (a client connects to send a request; one that sends nothing is
 * closed by the request-line deadline).  A kept-alive connection waiting for
 * its next request is not: a stop may close it. */
static int is_under_way(const serve_watched *c)
{
    return c->ph != PHASE_WAIT_LINE || c->fresh;
}

/* Enter phase `ph` with a deadline `s` seconds from now; keeps under_way. */
static void enter(serve_watch *w, serve_watched *c, phase ph, unsigned s)
{
    int was = is_under_way(c), is;
    if (ph == PHASE_WAIT_LINE && c->ph != PHASE_WAIT_LINE)
        c->fresh = 0; /* a request has ended: the connection is kept alive, or closing */
    c->ph = ph;
    c->due = after(s * 1000u);
    is = is_under_way(c);
    if (was && !is) {
        w->under_way--;
        pthread_cond_broadcast(&w->changed);
    } else if (!was && is)
        w->under_way++;
}

static void *watch_thread(void *arg)
{
    serve_watch *w = arg;
    pthread_mutex_lock(&w->lock);
    while (!w->stopping) {
        struct timespec now, tick = after(WATCH_TICK_MS);
        serve_watched *c;
        /* The condition's clock is CLOCK_MONOTONIC (serve_watch_start). */
        while (!w->stopping && pthread_cond_timedwait(&w->changed, &w->lock, &tick) != ETIMEDOUT)
            ;
        clock_gettime(CLOCK_MONOTONIC, &now);
        for (c = w->head; c; c = c->next)
            if (!c->shut && passed(&c->due, &now)) {
                /* libmicrohttpd sees the end of the stream and closes it */
                shutdown(c->fd, SHUT_RDWR);
                c->shut = 1;
            }
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

serve_watch *serve_watch_start(unsigned idle_s)
{
    serve_watch *w = calloc(1, sizeof *w);
    pthread_condattr_t ca;
    if (!w)
        return NULL;
    w->idle_s = idle_s;
    pthread_mutex_init(&w->lock, NULL);
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&w->changed, &ca);
    pthread_condattr_destroy(&ca);
    if (pthread_create(&w->thread, NULL, watch_thread, w) != 0) {
        pthread_cond_destroy(&w->changed);
        pthread_mutex_destroy(&w->lock);
        free(w);
        return NULL;
    }
    return w;
}

void serve_watch_stop(serve_watch *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    w->stopping = 1;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    while (w->head) /* none left when the server stopped first; freed anyway */
        serve_watch_remove(w, w->head);
    pthread_cond_destroy(&w->changed);
    pthread_mutex_destroy(&w->lock);
    free(w);
}

serve_watched *serve_watch_add(serve_watch *w, int fd)
{
    serve_watched *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->fd = fd;
    c->ph = PHASE_WAIT_LINE;
    c->fresh = 1;
    c->due = after(SERVE_LINE_TIMEOUT_S * 1000u);
    pthread_mutex_lock(&w->lock);
    if (w->expected)
        w->expected--; /* it was counted when it was expected */
    else
        w->under_way++;
    c->next = w->head;
    if (w->head)
        w->head->prev = c;
    w->head = c;
    pthread_mutex_unlock(&w->lock);
    return c;
}

void serve_watch_expect(serve_watch *w)
{
    pthread_mutex_lock(&w->lock);
    w->expected++;
    w->under_way++;
    pthread_mutex_unlock(&w->lock);
}

void serve_watch_unexpect(serve_watch *w)
{
    pthread_mutex_lock(&w->lock);
    if (w->expected) {
        w->expected--;
        w->under_way--;
        pthread_cond_broadcast(&w->changed);
    }
    pthread_mutex_unlock(&w->lock);
}

void serve_watch_remove(serve_watch *w, serve_watched *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&w->lock);
    if (is_under_way(c)) { /* a request cut short is no longer under way */
        w->under_way--;
        pthread_cond_broadcast(&w->changed);
    }
    if (c->prev)
        c->prev->next = c->next;
    else
        w->head = c->next;
    if (c->next)
        c->next->prev = c->prev;
    pthread_mutex_unlock(&w->lock);
    free(c);
}

void serve_watch_request_line(serve_watch *w, serve_watched *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&w->lock);
    enter(w, c, PHASE_REQUEST, SERVE_REQUEST_TIMEOUT_S);
    pthread_mutex_unlock(&w->lock);
}

void serve_watch_answering(serve_watch *w, serve_watched *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&w->lock);
    enter(w, c, PHASE_ANSWERING, SERVE_ANSWER_TIMEOUT_S);
    pthread_mutex_unlock(&w->lock);
}

void serve_watch_request_done(serve_watch *w, serve_watched *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&w->lock);
    enter(w, c, PHASE_WAIT_LINE, w->idle_s);
    pthread_mutex_unlock(&w->lock);
}

unsigned serve_watch_wait_idle(serve_watch *w, unsigned grace_s)
{
    struct timespec until = after(grace_s * 1000u);
    unsigned left;
    pthread_mutex_lock(&w->lock);
    while (w->under_way && pthread_cond_timedwait(&w->changed, &w->lock, &until) != ETIMEDOUT)
        ;
    left = w->under_way;
    pthread_mutex_unlock(&w->lock);
    return left;
}
