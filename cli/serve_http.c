/*
 * libmicrohttpd glue for `rfy serve`: collect the body, ask serve_api, send
 * the answer with the security headers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "serve_api.h"
#include "serve_http.h"

struct serve_http {
    struct MHD_Daemon *daemon;
    const rfy_rates *rates;
};

/* The page's own files only: no inline script or style, no other origin, no
 * framing (clickjacking), no plugins. */
static const char CSP[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
                          "img-src 'self'; connect-src 'self'; form-action 'self'; "
                          "base-uri 'none'; frame-ancestors 'none'";

/* One request's body as it arrives. */
typedef struct upload {
    char *data;
    size_t len, cap;
    int too_big; /* over SERVE_MAX_BODY: the rest is read past, the answer is 413 */
} upload;

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

static enum MHD_Result send_answer(struct MHD_Connection *con, serve_answer *ans)
{
    struct MHD_Response *r;
    enum MHD_Result ok;

    /* MHD frees the body with free() after sending */
    r = MHD_create_response_from_buffer(ans->len, ans->body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        serve_answer_clear(ans);
        return MHD_NO;
    }
    ans->body = NULL;
    if (add_headers(r, ans)) {
        MHD_destroy_response(r);
        return MHD_NO;
    }
    ok = MHD_queue_response(con, (unsigned)ans->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* Keep up to SERVE_MAX_BODY bytes of the body; beyond, only count. */
static void take(upload *u, const char *data, size_t n)
{
    if (u->too_big || n > SERVE_MAX_BODY - u->len) {
        u->too_big = 1;
        free(u->data);
        u->data = NULL;
        u->len = u->cap = 0;
        return;
    }
    if (u->len + n > u->cap) {
        size_t cap = u->cap ? u->cap : 4096;
        char *p;
        while (cap < u->len + n)
            cap *= 2;
        if (cap > SERVE_MAX_BODY)
            cap = SERVE_MAX_BODY;
        if (!(p = realloc(u->data, cap))) {
            u->too_big = 1; /* cannot keep it: answered 413 rather than half-read */
            free(u->data);
            u->data = NULL;
            u->len = u->cap = 0;
            return;
        }
        u->data = p;
        u->cap = cap;
    }
    memcpy(u->data + u->len, data, n);
    u->len += n;
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
        /* A declared length over the limit is refused before reading it. */
        if (cl && strtoull(cl, NULL, 10) > SERVE_MAX_BODY) {
            serve_api_answer(&ans, s->rates, method, url, NULL, SERVE_MAX_BODY + 1);
            return send_answer(con, &ans);
        }
        return MHD_YES;
    }
    if (*upload_data_size) {
        take(u, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    serve_api_answer(&ans, s->rates, method, url, u->data, u->too_big ? SERVE_MAX_BODY + 1 : u->len);
    return send_answer(con, &ans);
}

static void on_completed(void *cls, struct MHD_Connection *con, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    upload *u = *con_cls;
    (void)cls;
    (void)con;
    (void)toe;
    if (u) {
        free(u->data);
        free(u);
        *con_cls = NULL;
    }
}

serve_http *serve_http_start(const struct sockaddr_in *addr, const rfy_rates *rates, char *msg,
                             size_t msgsize)
{
    serve_http *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(msg, msgsize, "out of memory");
        return NULL;
    }
    s->rates = rates;
    s->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, ntohs(addr->sin_port),
        NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)SERVE_THREADS, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)SERVE_TIMEOUT_S, MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_NOTIFY_COMPLETED,
        on_completed, s, MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(msg, msgsize, "cannot listen (address in use, or not this machine's?)");
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

void serve_http_stop(serve_http *s)
{
    if (!s)
        return;
    MHD_stop_daemon(s->daemon);
    free(s);
}
