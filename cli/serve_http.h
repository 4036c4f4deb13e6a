/*
 * The HTTP side of `rfy serve`: libmicrohttpd moves the bytes, serve_api
 * answers.  Safe by default: a pool of threads polling with epoll (no
 * select() ceiling on descriptors), deadlines for the request line, the whole
 * request and the answer that no trickle of bytes moves (serve_watch.h), an
 * idle timeout, a connection limit in total and optionally per address, a
 * memory limit per connection and a budget for the answers held in memory,
 * request bodies over SERVE_MAX_BODY refused with 413 without being kept,
 * libmicrohttpd's strict reading of requests, and security headers on every
 * answer rfy writes.  Stopping finishes the requests under way first.
 */
#ifndef RFY_SERVE_HTTP_H
#define RFY_SERVE_HTTP_H

#include <netinet/in.h>

#include <rfy/rfy.h>

/* Threads moving bytes for the connections (libmicrohttpd's). */
#define SERVE_THREADS 4
/* Threads computing POST /api/v1/calculate (serve_jobs.h): one per
 * processor, at most this many (each holds a request's working memory). */
#define SERVE_COMPUTE_THREADS 4
/* Seconds a connection may stay idle before it is closed. */
#define SERVE_TIMEOUT_S 10
/* Most connections at once by default (more wait in the kernel's backlog);
 * lowered to fit the limit on open files (RLIMIT_NOFILE). */
#define SERVE_MAX_CONNECTIONS 10000
/* Most connections from one address when listening beyond loopback (on
 * loopback every client, a reverse proxy too, has the same address). */
#define SERVE_MAX_PER_ADDRESS 64
/* Bytes of libmicrohttpd's memory per connection (request line, headers). */
#define SERVE_CONNECTION_MEMORY (64u * 1024u)
/* MiB of request bodies and answers held in memory at once, over all
 * connections, by default: beyond, a request is answered 503 with
 * Retry-After (a 1.000-row answer is about 2,5 MB). */
#define SERVE_ANSWER_MEMORY_MIB 128
/* Kernel send buffer asked for per connection: a client that reads slowly
 * holds this much socket memory, not megabytes. */
#define SERVE_SEND_BUFFER (64 * 1024)
/* Seconds a stop waits for the requests under way to be answered. */
#define SERVE_GRACE_S 30

typedef struct serve_http serve_http;

/* What the caller may choose (cmd_serve's options). */
typedef struct serve_config {
    unsigned max_connections; /* open connections at most (> 0) */
    unsigned max_per_address; /* from one IP address at most; 0: no limit */
    unsigned answer_mib;      /* MiB of answers held at once, at most (> 0) */
} serve_config;

/*
 * Start listening on `addr` with `rates` (borrowed: must outlive the server;
 * only read) and the limits in `cfg`.  Returns the running server, or NULL
 * with a message in msg.
 */
serve_http *serve_http_start(const struct sockaddr_in *addr, const rfy_rates *rates,
                             const serve_config *cfg, char *msg, size_t msgsize);

/* The port the server listens on (the kernel's choice when started with port 0). */
unsigned serve_http_port(const serve_http *s);

/* Begin a stop: accept no new connection (new clients are refused at once);
 * answers from now on say Connection: close.  Safe to call twice. */
void serve_http_quiesce(serve_http *s);

/*
 * Stop: quiesce (if not yet), answer the requests under way (for at most
 * `grace_s` seconds; requests not computed by then are answered 503), then
 * close every connection and free.  Returns the number of requests still
 * under way when the grace period ended (0: none).
 */
unsigned serve_http_stop(serve_http *s, unsigned grace_s);

#endif
