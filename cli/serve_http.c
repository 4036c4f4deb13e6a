/*
 * libmicrohttpd glue for `rfy serve`: collect the body, ask serve_api (on a
 * computing thread for POST, serve_jobs), send the answer with the security
 * headers; the connection deadlines (serve_watch), the memory budget for
 * bodies and answers, and the graceful stop.
 */
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "cli.h" /* cli_hints */
#include "serve_api.h"
#include "serve_http.h"
#include "serve_jobs.h"
#include "serve_watch.h"

struct serve_http {
    struct MHD_Daemon *daemon;
    const rfy_rates *rates;
    serve_watch *watch;
    serve_jobs *jobs;
    size_t held_budget;       /* bytes of bodies and answers that may be held at once */
    atomic_size_t held_bytes; /* bytes of bodies and answers held now */
    atomic_int stopping;        /* a stop has begun: answers say Connection: close */
    MHD_socket listen_fd;       /* returned by MHD_quiesce_daemon, ours to close */
};

/* libmicrohttpd's own messages (a client that went away, a bad request) go to
 * standard error at most LOG_BURST a minute: a flood of clients must not
 * flood the log, nor block the server on a full pipe. */
#define LOG_BURST 20

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static void on_log(void *cls, const char *fmt, va_list ap)
{
    static time_t minute;
    static unsigned said, dropped;
    time_t now = time(NULL) / 60;
    (void)cls;
    pthread_mutex_lock(&log_lock);
    if (now != minute) {
        if (dropped)
            cli_say("serve", RFY_MSG_SERVE_MHD_DROPPED, dropped);
        minute = now;
        said = dropped = 0;
    }
    if (said++ < LOG_BURST) {
        fputs("rfy serve: libmicrohttpd: ", stderr);
        vfprintf(stderr, fmt, ap);
    } else
        dropped++;
    pthread_mutex_unlock(&log_lock);
}

/* The page's own files only: no inline script or style, no other origin, no
 * framing (clickjacking), no plugins. */
static const char CSP[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
                          "img-src 'self'; connect-src 'self'; form-action 'self'; "
                          "base-uri 'none'; frame-ancestors 'none'";

/* Where a request stands with the computing threads. */
typedef enum job_state {
    JOB_NONE,     /* not handed to the computing threads */
    JOB_QUEUED,   /* suspended, queued or being computed */
    JOB_DONE      /* resumed with `ans` ready */
} job_state;

/* One request: its body as it arrives, then its answer. */
typedef struct upload {
    char *data;
    size_t len, cap;
    int too_big;     /* over SERVE_MAX_BODY: the rest is read past, the answer is 413 */
    int over_budget; /* the body did not fit in the budget: the answer is 503 */
    size_t held;     /* bytes of its body or answer counted in held_bytes */
    /* for the computing thread (serve_jobs), set when the request is handed over */
    job_state job;
    serve_http *s;
    struct MHD_Connection *con;
    char *method, *url;
    serve_answer ans;
} upload;

/* Count `n` more bytes held for `u` against the budget: 0, or -1 (nothing
 * counted) when they do not fit. */
static int hold(serve_http *s, upload *u, size_t n)
{
    size_t before = atomic_fetch_add(&s->held_bytes, n);
    if (before > s->held_budget || n > s->held_budget - before) {
        atomic_fetch_sub(&s->held_bytes, n);
        return -1;
    }
    u->held += n;
    return 0;
}

/* Give back everything counted for `u`. */
static void release(serve_http *s, upload *u)
{
    atomic_fetch_sub(&s->held_bytes, u->held);
    u->held = 0;
}

/* Free the body (after computing, or when it cannot be kept) and give back its bytes. */
static void drop_body(serve_http *s, upload *u)
{
    free(u->data);
    u->data = NULL;
    u->len = u->cap = 0;
    release(s, u);
}

/* The connection's entry in the watch (set when libmicrohttpd opened it). */
static serve_watched *watched(struct MHD_Connection *con)
{
    const union MHD_ConnectionInfo *i =
        MHD_get_connection_info(con, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return i ? i->socket_context : NULL;
}

/* An error answer in the API's format for a fault found here (server_busy,
 * server_stopping, request_length_ambiguous): its words come from the
 * engine's catalogue, like every other fault the server answers, and need no
 * JSON escaping. */
static void error_answer(serve_answer *ans, int status, rfy_fault_code code)
{
    static const char fmt[] = "{\"errors\":[{\"row\":null,\"column\":null,\"code\":\"%s\","
                              "\"reason\":\"%s\",\"reason_en\":\"%s\"}]}";
    rfy_fault f = {.code = code, .column = "", .name = "", .cause_column = ""};
    char da[320], en[320];
    size_t n;
    rfy_fault_text_hinted(da, sizeof da, &f, RFY_LANG_DA, cli_hints);
    rfy_fault_text_hinted(en, sizeof en, &f, RFY_LANG_EN, cli_hints);
    n = sizeof fmt + strlen(rfy_fault_id(code)) + strlen(da) + strlen(en);
    memset(ans, 0, sizeof *ans);
    ans->status = status;
    ans->content_type = "application/json; charset=utf-8";
    ans->is_api = 1;
    if ((ans->body = malloc(n)))
        ans->len = (size_t)snprintf(ans->body, n, fmt, rfy_fault_id(code), da, en);
}

static int add_headers(struct MHD_Response *r, const serve_answer *ans)
{
    int bad = 0;
    bad |= MHD_add_response_header(r, "Content-Type", ans->content_type) != MHD_YES;
    bad |= MHD_add_response_header(r, "Content-Security-Policy", CSP) != MHD_YES;
    bad |= MHD_add_response_header(r, "X-Content-Type-Options", "nosniff") != MHD_YES;
    bad |= MHD_add_response_header(r, "X-Frame-Options", "DENY") != MHD_YES;
    bad |= MHD_add_response_header(r, "Referrer-Policy", "no-referrer") != MHD_YES;
    bad |= MHD_add_response_header(r, "Cache-Control", ans->is_api ? "no-store" : "no-cache") !=
           MHD_YES;
    if (ans->status == 405)
        bad |= MHD_add_response_header(r, "Allow", ans->is_api ? "GET, POST" : "GET, HEAD") !=
               MHD_YES;
    return bad;
}

/*
 * Queue `ans` on `con`.  The body is given back; the answer's bytes count
 * against the budget until on_completed; over it, a 503 goes instead.
 * `close` asks for the connection to be closed after it (an answer before
 * the body was read, or a stop).
 */
static enum MHD_Result send_answer(serve_http *s, struct MHD_Connection *con, upload *u,
                                   serve_answer *ans, int close)
{
    struct MHD_Response *r;
    enum MHD_Result ok;

    serve_watch_answering(s->watch, watched(con));
    drop_body(s, u);
    if (hold(s, u, ans->len) != 0) {
        serve_answer_clear(ans);
        error_answer(ans, 503, RFY_FAULT_HTTP_BUSY);
        u->held = ans->len; /* a few hundred bytes: counted even past the budget */
        atomic_fetch_add(&s->held_bytes, ans->len);
    }
    /* MHD frees the body with free() after sending */
    r = MHD_create_response_from_buffer(ans->len, ans->body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        serve_answer_clear(ans);
        return MHD_NO;
    }
    ans->body = NULL;
    if (add_headers(r, ans) ||
        (ans->status == 503 && MHD_add_response_header(r, "Retry-After", "1") != MHD_YES) ||
        ((close || atomic_load(&s->stopping)) &&
         MHD_add_response_header(r, "Connection", "close") != MHD_YES)) {
        MHD_destroy_response(r);
        return MHD_NO;
    }
    ok = MHD_queue_response(con, (unsigned)ans->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* Keep up to SERVE_MAX_BODY bytes of the body, within the budget; beyond,
 * only count. */
static void take(serve_http *s, upload *u, const char *data, size_t n)
{
    if (u->too_big || u->over_budget || n > SERVE_MAX_BODY - u->len) {
        u->too_big |= !u->over_budget;
        drop_body(s, u);
        return;
    }
    if (u->len + n > u->cap) {
        size_t cap = u->cap ? u->cap : 4096;
        char *p;
        while (cap < u->len + n)
            cap *= 2;
        if (cap > SERVE_MAX_BODY)
            cap = SERVE_MAX_BODY;
        if (hold(s, u, cap - u->cap) != 0) {
            u->over_budget = 1; /* answered 503 rather than half-read */
            drop_body(s, u);
            return;
        }
        if (!(p = realloc(u->data, cap))) {
            u->too_big = 1; /* cannot keep it: answered 413 rather than half-read */
            drop_body(s, u);
            return;
        }
        u->data = p;
        u->cap = cap;
    }
    memcpy(u->data + u->len, data, n);
    u->len += n;
}

/* MHD_get_connection_values iterator: counts the Content-Length headers and
 * notes whether they disagree. */
typedef struct lengths {
    unsigned n;
    const char *first;
    int differ;
} lengths;

static enum MHD_Result count_length(void *cls, enum MHD_ValueKind kind, const char *key,
                                    const char *value)
{
    lengths *l = cls;
    (void)kind;
    if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) != 0)
        return MHD_YES;
    if (l->n++ == 0)
        l->first = value ? value : "";
    else if (strcmp(l->first, value ? value : "") != 0)
        l->differ = 1;
    return MHD_YES;
}

/* The body's length is ambiguous (request smuggling): Content-Length given
 * twice with different values, or with Transfer-Encoding (RFC 9112 § 6.3).
 * libmicrohttpd would take the first one silently. */
static int length_ambiguous(struct MHD_Connection *con)
{
    lengths l = {0, NULL, 0};
    MHD_get_connection_values(con, MHD_HEADER_KIND, count_length, &l);
    return l.differ ||
           (l.n && MHD_lookup_connection_value(con, MHD_HEADER_KIND,
                                               MHD_HTTP_HEADER_TRANSFER_ENCODING));
}

/* The computing thread's part of a request (serve_jobs run): compute, give
 * the body back, resume the connection; libmicrohttpd then calls on_request
 * again, which sends the answer.  `u` is not touched after the resume. */
static void compute_job(void *arg)
{
    upload *u = arg;
    serve_http *s = u->s;
    serve_api_answer(&u->ans, s->rates, u->method, u->url, u->data, u->len);
    drop_body(s, u);
    u->job = JOB_DONE;
    MHD_resume_connection(u->con);
}

/* The pool stopped before computing it (serve_jobs drop): answer 503. */
static void stopping_job(void *arg)
{
    upload *u = arg;
    error_answer(&u->ans, 503, RFY_FAULT_HTTP_STOPPING);
    u->job = JOB_DONE;
    MHD_resume_connection(u->con);
}

/* Hand a request with its body to the computing threads; MHD_NO when out of
 * memory before anything was suspended (the caller then answers it). */
static enum MHD_Result hand_over(serve_http *s, struct MHD_Connection *con, upload *u,
                                 const char *method, const char *url)
{
    u->s = s;
    u->con = con;
    if (!(u->method = strdup(method)) || !(u->url = strdup(url)))
        return MHD_NO;
    u->job = JOB_QUEUED;
    /* suspended before it is queued: the job may resume it at once */
    MHD_suspend_connection(con);
    if (serve_jobs_submit(s->jobs, compute_job, stopping_job, u) != 0)
        stopping_job(u); /* resumed at once with a 503 */
    return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    serve_http *s = cls;
    upload *u = *con_cls;
    serve_answer ans;
    (void)version;

    if (!u) {
        const char *cl = MHD_lookup_connection_value(con, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (!(u = calloc(1, sizeof *u)))
            return MHD_NO;
        *con_cls = u;
        if (length_ambiguous(con)) {
            error_answer(&ans, 400, RFY_FAULT_HTTP_LENGTH_AMBIGUOUS);
            return send_answer(s, con, u, &ans, 1);
        }
        /* A declared length over the limit is refused before reading it. */
        if (cl && strtoull(cl, NULL, 10) > SERVE_MAX_BODY) {
            serve_api_answer(&ans, s->rates, method, url, NULL, SERVE_MAX_BODY + 1);
            return send_answer(s, con, u, &ans, 1);
        }
        return MHD_YES;
    }
    if (*upload_data_size) {
        take(s, u, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (u->job == JOB_DONE) /* resumed by the computing thread */
        return send_answer(s, con, u, &u->ans, 0);
    serve_watch_answering(s->watch, watched(con)); /* computing is not the client's time */
    if (u->over_budget) {
        error_answer(&ans, 503, RFY_FAULT_HTTP_BUSY);
        return send_answer(s, con, u, &ans, 0);
    }
    /* A body to compute goes to the computing threads; the rest (the page,
     * rates, health, errors) is answered here at once. */
    if (!u->too_big && strcmp(method, MHD_HTTP_METHOD_POST) == 0 &&
        hand_over(s, con, u, method, url) == MHD_YES)
        return MHD_YES;
    /* (out of memory to hand it over: computed here) */
    serve_api_answer(&ans, s->rates, method, url, u->data, u->too_big ? SERVE_MAX_BODY + 1 : u->len);
    return send_answer(s, con, u, &ans, 0);
}

/* The request line has arrived: the deadline for the rest of the request. */
static void *on_request_line(void *cls, const char *uri, struct MHD_Connection *con)
{
    serve_http *s = cls;
    (void)uri;
    serve_watch_request_line(s->watch, watched(con));
    return NULL;
}

/* A connection opens or closes: it enters or leaves the watch.  A small send
 * buffer bounds the socket memory a slow reader holds. */
static void on_connection(void *cls, struct MHD_Connection *con, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    serve_http *s = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *i =
            MHD_get_connection_info(con, MHD_CONNECTION_INFO_CONNECTION_FD);
        int sndbuf = SERVE_SEND_BUFFER;
        *socket_context = NULL;
        if (!i)
            return;
        setsockopt(i->connect_fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
        *socket_context = serve_watch_add(s->watch, i->connect_fd);
    } else {
        serve_watch_remove(s->watch, *socket_context);
        *socket_context = NULL;
    }
}

static void on_completed(void *cls, struct MHD_Connection *con, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    serve_http *s = cls;
    upload *u = *con_cls;
    (void)toe;
    serve_watch_request_done(s->watch, watched(con));
    if (u) {
        release(s, u);
        serve_answer_clear(&u->ans);
        free(u->method);
        free(u->url);
        free(u->data);
        free(u);
        *con_cls = NULL;
    }
}

/* One computing thread per processor, 1 to SERVE_COMPUTE_THREADS. */
static unsigned compute_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1u : n > SERVE_COMPUTE_THREADS ? SERVE_COMPUTE_THREADS : (unsigned)n;
}

serve_http *serve_http_start(const struct sockaddr_in *addr, const rfy_rates *rates,
                             const serve_config *cfg, char *msg, size_t msgsize)
{
    serve_http *s = calloc(1, sizeof *s);
    if (!s || !(s->watch = serve_watch_start(SERVE_TIMEOUT_S)) ||
        !(s->jobs = serve_jobs_start(compute_threads()))) {
        snprintf(msg, msgsize, "%s", cli_msg(RFY_MSG_OUT_OF_MEMORY));
        if (s)
            serve_watch_stop(s->watch);
        free(s);
        return NULL;
    }
    s->rates = rates;
    s->held_budget = (size_t)cfg->answer_mib * 1024u * 1024u;
    atomic_init(&s->held_bytes, 0);
    atomic_init(&s->stopping, 0);
    s->listen_fd = MHD_INVALID_SOCKET;
    /* epoll: no FD_SETSIZE ceiling; ITC: MHD_quiesce_daemon needs it;
     * suspend/resume: the computing threads. */
    s->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_ALLOW_SUSPEND_RESUME |
            MHD_USE_ERROR_LOG,
        ntohs(addr->sin_port), NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER, on_log, s,
        MHD_OPTION_SOCK_ADDR,
        (const struct sockaddr *)addr, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)SERVE_THREADS,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_TIMEOUT_S, MHD_OPTION_CONNECTION_LIMIT,
        cfg->max_connections, MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->max_per_address,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_CONNECTION_MEMORY,
        /* refuse what the HTTP standard forbids (bare LF, spaces in the
         * URI, HTTP/1.1 without Host) rather than guess */
        MHD_OPTION_STRICT_FOR_CLIENT, (int)1, MHD_OPTION_NOTIFY_CONNECTION, on_connection, s,
        MHD_OPTION_URI_LOG_CALLBACK, on_request_line, s, MHD_OPTION_NOTIFY_COMPLETED,
        on_completed, s, MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(msg, msgsize, "%s", cli_msg(RFY_MSG_SERVE_CANNOT_LISTEN));
        serve_jobs_stop(s->jobs);
        serve_watch_stop(s->watch);
        free(s);
        return NULL;
    }
    return s;
}

unsigned serve_http_port(const serve_http *s)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

/* Connections the kernel has already accepted for us (a client connected
 * before the stop; its request may be on its way) go to libmicrohttpd rather
 * than being reset with the listening socket. */
static void take_backlog(serve_http *s)
{
    int flags = fcntl(s->listen_fd, F_GETFL);
    if (flags < 0 || fcntl(s->listen_fd, F_SETFL, flags | O_NONBLOCK) != 0)
        return; /* an accept could block: leave the backlog */
    for (;;) {
        struct sockaddr_storage a;
        socklen_t alen = sizeof a;
        int fd = accept(s->listen_fd, (struct sockaddr *)&a, &alen);
        if (fd < 0)
            break;
        serve_watch_expect(s->watch);
        /* (closes fd itself when it cannot take it) */
        if (MHD_add_connection(s->daemon, fd, (struct sockaddr *)&a, alen) != MHD_YES)
            serve_watch_unexpect(s->watch);
    }
}

/* Milliseconds with no request under way before a stop closes the connections. */
#define STOP_QUIET_MS 250

void serve_http_quiesce(serve_http *s)
{
    if (!s || atomic_exchange(&s->stopping, 1))
        return;
    /* No new connection: the listening socket leaves every thread's epoll;
     * what is in its backlog is taken; shut down, it refuses new clients at
     * once (it is closed only after the threads are gone). */
    s->listen_fd = MHD_quiesce_daemon(s->daemon);
    if (s->listen_fd != MHD_INVALID_SOCKET) {
        take_backlog(s);
        shutdown(s->listen_fd, SHUT_RDWR);
    }
}

unsigned serve_http_stop(serve_http *s, unsigned grace_s)
{
    struct timespec start;
    unsigned cut;
    if (!s)
        return 0;
    serve_http_quiesce(s);
    /* A connection that a libmicrohttpd thread accepted just before the
     * quiesce but has not announced yet (on_connection) is not counted: the
     * wait ends only when nothing has been under way for a quiet period. */
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        struct timespec quiet = {0, STOP_QUIET_MS * 1000000L}, now;
        unsigned spent;
        clock_gettime(CLOCK_MONOTONIC, &now);
        spent = (unsigned)(now.tv_sec - start.tv_sec);
        cut = serve_watch_wait_idle(s->watch, spent < grace_s ? grace_s - spent : 0);
        if (cut)
            break;
        nanosleep(&quiet, NULL);
        if (serve_watch_wait_idle(s->watch, 0) == 0)
            break;
    }
    /* Past the grace period: requests not yet computed are answered 503, the
     * ones being computed finish; no computing thread touches a connection
     * after this, so libmicrohttpd may free them. */
    serve_jobs_stop(s->jobs);
    MHD_stop_daemon(s->daemon);
    if (s->listen_fd != MHD_INVALID_SOCKET)
        close(s->listen_fd);
    serve_watch_stop(s->watch);
    free(s);
    return cut;
}
