/*
 * rfy serve: the caseworker's page and the JSON API over HTTP (docs/web.md).
 *
 *   rfy serve [--rates DIR] [--listen ADDR:PORT]
 *
 * Port 0 takes any free port; the first line on standard error names it.
 * The rate tables are loaded before the server listens; after that the
 * process opens no file (the page's files are compiled in).  SIGTERM or
 * SIGINT stops it: the answers under way are finished, then it exits 0.
 */
#include <arpa/inet.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "serve_http.h"

static const char USAGE[] = "usage: rfy serve [--rates DIR] [--listen ADDR:PORT]\n"
                            "Default 127.0.0.1:8080 (this machine only).  See docs/web.md.\n";

/* "ADDR:PORT" (IPv4) into *out; 0, or -1 with a message printed. */
static int parse_listen(struct sockaddr_in *out, const char *arg)
{
    char host[64];
    const char *colon = strrchr(arg, ':');
    char *end;
    unsigned long port;
    size_t n;

    memset(out, 0, sizeof *out);
    out->sin_family = AF_INET;
    if (!colon || (n = (size_t)(colon - arg)) == 0 || n >= sizeof host)
        goto bad;
    memcpy(host, arg, n);
    host[n] = '\0';
    port = strtoul(colon + 1, &end, 10);
    if (*end || end == colon + 1 || port > 65535 || colon[1] == '-' ||
        colon[1] == '+' || inet_pton(AF_INET, host, &out->sin_addr) != 1)
        goto bad;
    out->sin_port = htons((unsigned short)port);
    return 0;
bad:
    fprintf(stderr, "rfy serve: --listen '%s' is not ADDR:PORT with an IPv4 address and a port "
                    "0-65535 (e.g. 127.0.0.1:8080; port 0: any free port)\n", arg);
    return -1;
}

int cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {{"rates", required_argument, 0, 'r'},
                                         {"listen", required_argument, 0, 'l'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *dir = NULL, *listen = "127.0.0.1:8080";
    struct sockaddr_in addr;
    rfy_rates *rates;
    serve_http *server;
    sigset_t stop;
    char msg[200];
    int c, sig = 0;

    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'r')
            dir = optarg;
        else if (c == 'l')
            listen = optarg;
        else {
            fputs(USAGE, c == 'h' ? stdout : stderr);
            return c == 'h' ? RFY_EXIT_OK : RFY_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "rfy serve: unexpected argument '%s'\n%s", argv[optind], USAGE);
        return RFY_EXIT_USAGE;
    }
    if (parse_listen(&addr, listen) != 0)
        return RFY_EXIT_USAGE;
    if (!(rates = cli_load_rates(dir)))
        return RFY_EXIT_USAGE;

    /* The way out at the end of an engine message, in an API caller's terms
     * (set before any thread exists: the library reads hints unlocked). */
    /* Danish, as the page that shows them (reason_en carries the same hint) */
    rfy_set_hint(RFY_HINT_DECIMAL_COMMA, "API'et læser decimalpunktum, fx \"12.50\"");
    rfy_set_hint(RFY_HINT_NEWER_RATES,
                 "start rfy serve med --rates MAPPE lavet med rfy rates derive ÅR --r PCT -o MAPPE");

    /* jansson seeds its hash function on first use; seed it here, before any
     * thread exists, rather than in a race between the first two requests. */
    json_object_seed(0);

    /* Block the stop signals before any thread starts, so that every server
     * thread inherits the mask and only sigwait() below receives them. */
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    if (!(server = serve_http_start(&addr, rates, msg, sizeof msg))) {
        fprintf(stderr, "rfy serve: %s: %s\n", listen, msg);
        rfy_rates_free(rates);
        return RFY_EXIT_USAGE;
    }
    {
        char host[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &addr.sin_addr, host, sizeof host);
        fprintf(stderr, "rfy serve: listening on http://%s:%u/ (rates_id %s); SIGTERM or Ctrl-C "
                        "stops\n", host, serve_http_port(server), rfy_rates_id(rates));
    }
    while (sigwait(&stop, &sig) != 0)
        ;
    serve_http_stop(server);
    rfy_rates_free(rates);
    fprintf(stderr, "rfy serve: stopped (%s)\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
    return RFY_EXIT_OK;
}
