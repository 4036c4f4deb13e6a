/*
 * The HTTP side of `rfy serve`: libmicrohttpd moves the bytes, serve_api
 * answers.  Safe by default: a pool of threads, a per-connection timeout and
 * memory limit (a slow or broken client holds one connection, never the
 * server), request bodies over SERVE_MAX_BODY refused with 413 without being
 * kept, and security headers on every answer.
 */
#ifndef RFY_SERVE_HTTP_H
#define RFY_SERVE_HTTP_H

#include <netinet/in.h>

#include "rfy.h"

/* Threads answering requests. */
#define SERVE_THREADS 4
/* Seconds a connection may stay idle before it is closed. */
#define SERVE_TIMEOUT_S 10
/* Most connections at once (more wait in the kernel's backlog). */
#define SERVE_MAX_CONNECTIONS 512

typedef struct serve_http serve_http;

/*
 * Start listening on `addr` with `rates` (borrowed: must outlive the server;
 * only read).  Returns the running server, or NULL with a message in msg.
 */
serve_http *serve_http_start(const struct sockaddr_in *addr, const rfy_rates *rates, char *msg,
                             size_t msgsize);

/* The port the server listens on (the kernel's choice when started with port 0). */
unsigned serve_http_port(const serve_http *s);

/* Stop: finish the answers under way, close every connection, free. */
void serve_http_stop(serve_http *s);

#endif
