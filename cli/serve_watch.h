/*
 * Deadlines for the connections of `rfy serve`, and the count of requests
 * under way (for a graceful stop).
 *
 * libmicrohttpd closes a connection that stays idle for its timeout, but a
 * client that sends one byte now and then is never idle: it could hold a
 * connection for ever.  The watch gives each connection deadlines that no
 * trickle of bytes moves:
 *
 *   - the request line must have arrived SERVE_LINE_TIMEOUT_S after the
 *     connection opened (junk without a request line is closed quickly);
 *     after an answer, a kept-alive connection has the idle timeout for it;
 *   - the whole request, headers and body, must have arrived
 *     SERVE_REQUEST_TIMEOUT_S after its request line;
 *   - the answer must have been taken SERVE_ANSWER_TIMEOUT_S after it was
 *     ready (a client that reads slowly holds its answer's memory no longer).
 *
 * A connection past a deadline is shut down (shutdown(2)); libmicrohttpd
 * then sees it closed and frees it in its own thread.  The socket is never
 * closed here: the entry leaves the watch (under its lock) before
 * libmicrohttpd closes the socket, so a reused descriptor is never touched.
 *
 * Thread safety: every function may be called from any thread.
 */
#ifndef RFY_SERVE_WATCH_H
#define RFY_SERVE_WATCH_H

/* Seconds from a new connection to its request line. */
#define SERVE_LINE_TIMEOUT_S 2
/* Seconds from the request line to the end of the body (headers and body). */
#define SERVE_REQUEST_TIMEOUT_S 10
/* Seconds from an answer being ready to its last byte taken by the client. */
#define SERVE_ANSWER_TIMEOUT_S 60

typedef struct serve_watch serve_watch;
typedef struct serve_watched serve_watched;

/*
 * Start the watch and its thread; `idle_s` is the wait allowed for the next
 * request line on a kept-alive connection.  NULL when out of memory or
 * threads.
 */
serve_watch *serve_watch_start(unsigned idle_s);

/* Stop the thread and free the watch (after the server has stopped: every
 * connection has left it). */
void serve_watch_stop(serve_watch *w);

/* A new connection on socket `fd`: its entry, or NULL when out of memory (the
 * connection is then only under libmicrohttpd's idle timeout). */
serve_watched *serve_watch_add(serve_watch *w, int fd);

/* A connection was handed to libmicrohttpd, which will add it (and call
 * serve_watch_add) in its own thread: until then it counts as under way.
 * serve_watch_unexpect takes the count back when the hand-over failed. */
void serve_watch_expect(serve_watch *w);
void serve_watch_unexpect(serve_watch *w);

/* The connection is closing: its entry leaves the watch and is freed.  Safe
 * with NULL. */
void serve_watch_remove(serve_watch *w, serve_watched *c);

/* Its request line has arrived: the request deadline starts.  A request is
 * under way (serve_watch_wait_idle waits for it) from its request line to the
 * end of its answer, and on a new connection from the start (its request is
 * on the way; a silent one is closed by the request-line deadline). */
void serve_watch_request_line(serve_watch *w, serve_watched *c);

/* Its request has been read in full and is being answered. */
void serve_watch_answering(serve_watch *w, serve_watched *c);

/* Its answer has been sent (or the request ended otherwise): the connection
 * waits for the next request line, with the idle timeout. */
void serve_watch_request_done(serve_watch *w, serve_watched *c);

/*
 * Wait until no request is under way, or `grace_s` seconds have passed.
 * Returns the number of requests still under way (0: all finished).
 */
unsigned serve_watch_wait_idle(serve_watch *w, unsigned grace_s);

#endif
