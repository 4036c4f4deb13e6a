/*
 * rfy serve: the caseworker's page and the JSON API over HTTP (docs/web.md).
 *
 *   rfy serve [--rates DIR] [--listen ADDR:PORT] [--max-connections N]
 *             [--max-per-address N] [--max-answer-memory MIB]
 *
 * Port 0 takes any free port; the first line on standard error names it.
 * The rate tables are loaded before the server listens; after that the
 * process opens no file (the page's files are compiled in).  SIGTERM or
 * SIGINT stops it: no new connection is taken, the requests under way are
 * answered (for at most SERVE_GRACE_S seconds), then it exits 0.
 */
#include <arpa/inet.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <jansson.h>

#include "cli.h"
#include "options_table.h"
#include "serve_http.h"

/* `rfy serve --help`: the options come from options_table.c. */
static const char ABOUT[] =
    "The caseworker page and the JSON API.  Default 127.0.0.1:8080 (this machine\n"
    "only).  See docs/web.md.\n";

static const char ABOUT_DA[] =
    "Sagsbehandlerens side og JSON-API'et.  Standard 127.0.0.1:8080 (kun denne\n"
    "maskine).  Se docs/web.md.\n";

/* Descriptors kept free of connections: the listening socket, epoll and the
 * threads' wake-up pipes, standard streams. */
#define FD_RESERVE 64

/*
 * Raise the soft limit on open files to the hard limit (each connection is a
 * descriptor, and the soft limit is often 1024), and return how many
 * connections fit under it.
 */
static unsigned connections_that_fit(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return 1024 - FD_RESERVE;
    if (rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
            getrlimit(RLIMIT_NOFILE, &rl);
    }
    if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > 1000000)
        return 1000000;
    return rl.rlim_cur > 2 * FD_RESERVE ? (unsigned)(rl.rlim_cur - FD_RESERVE) : FD_RESERVE;
}

/* A count option's value (0 allowed when `zero_ok`) into *out; 0 or -1 with a message. */
static int parse_count(unsigned *out, const char *opt, const char *arg, int zero_ok)
{
    char *end;
    unsigned long v = strtoul(arg, &end, 10);
    if (*end || end == arg || arg[0] == '-' || arg[0] == '+' || v > 1000000 || (!v && !zero_ok)) {
        cli_say("serve", RFY_MSG_SERVE_NUMBER, opt, arg, zero_ok ? "0" : "1");
        return -1;
    }
    *out = (unsigned)v;
    return 0;
}

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
    cli_say("serve", RFY_MSG_SERVE_LISTEN, arg);
    return -1;
}

int cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {{"rates", required_argument, 0, 'r'},
                                         {"listen", required_argument, 0, 'l'},
                                         {"max-connections", required_argument, 0, 'c'},
                                         {"max-per-address", required_argument, 0, 'a'},
                                         {"max-answer-memory", required_argument, 0, 'm'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *dir = NULL, *listen = "127.0.0.1:8080";
    struct sockaddr_in addr;
    rfy_rates *rates;
    serve_http *server;
    serve_config cfg = {SERVE_MAX_CONNECTIONS, 0, SERVE_ANSWER_MEMORY_MIB};
    unsigned fit, cut, asked = 0;
    int per_address_given = 0, connections_given = 0;
    sigset_t stop;
    char msg[200];
    int c, sig = 0;

    optind = 1;
    while ((c = cli_getopt(argc, argv, "serve", "h", opts)) != -1) {
        if (c == 'r')
            dir = optarg;
        else if (c == 'l')
            listen = optarg;
        else if (c == 'c') {
            if (parse_count(&cfg.max_connections, "--max-connections", optarg, 0) != 0)
                return RFY_EXIT_USAGE;
            connections_given = 1;
        } else if (c == 'a') {
            if (parse_count(&cfg.max_per_address, "--max-per-address", optarg, 1) != 0)
                return RFY_EXIT_USAGE;
            per_address_given = 1;
        } else if (c == 'm') {
            if (parse_count(&cfg.answer_mib, "--max-answer-memory", optarg, 0) != 0)
                return RFY_EXIT_USAGE;
        } else {
            if (c == 'h')
                cli_print_help(stdout, "serve", CLI_TEXT(ABOUT_DA, ABOUT), NULL);
            else
                cli_print_usage(stderr, "serve");
            return c == 'h' ? RFY_EXIT_OK : RFY_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_say("serve", RFY_MSG_UNEXPECTED_ARG, argv[optind]);
        cli_print_usage(stderr, "serve");
        return RFY_EXIT_USAGE;
    }
    if (parse_listen(&addr, listen) != 0)
        return RFY_EXIT_USAGE;
    /* On loopback every client has the same address (a reverse proxy in
     * front too), so a per-address limit would be a limit on everyone. */
    if (!per_address_given && (ntohl(addr.sin_addr.s_addr) >> 24) != 127)
        cfg.max_per_address = SERVE_MAX_PER_ADDRESS;
    fit = connections_that_fit();
    if (cfg.max_connections > fit) {
        if (connections_given)
            asked = cfg.max_connections; /* said after the first line, which names the port */
        cfg.max_connections = fit;
    }
    if (!(rates = cli_load_rates(dir)))
        return RFY_EXIT_USAGE;

    /* The way out at the end of an engine message, in an API caller's terms
     * (rfy's own hints, cli_hints, changed before any thread exists: the
     * threads only read them). */
    /* Danish, as the page that shows them (reason_en carries the same hint) */
    rfy_hints_set(cli_hints, RFY_HINT_DECIMAL_COMMA, "API'et læser decimalpunktum, fx \"12.50\"");
    rfy_hints_set(cli_hints, RFY_HINT_NEWER_RATES,
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

    if (!(server = serve_http_start(&addr, rates, &cfg, msg, sizeof msg))) {
        fprintf(stderr, "rfy serve: %s: %s\n", listen, msg);
        rfy_rates_free(rates);
        return RFY_EXIT_USAGE;
    }
    {
        char host[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &addr.sin_addr, host, sizeof host);
        cli_say("serve", RFY_MSG_SERVE_LISTENING, host, serve_http_port(server), rfy_rates_id(rates));
    }
    if (asked)
        cli_say("serve", RFY_MSG_SERVE_LOWERED, asked, cfg.max_connections);
    while (sigwait(&stop, &sig) != 0)
        ;
    serve_http_quiesce(server);
    cli_say("serve", RFY_MSG_SERVE_STOPPING, sig == SIGTERM ? "SIGTERM" : "SIGINT", SERVE_GRACE_S);
    cut = serve_http_stop(server, SERVE_GRACE_S);
    rfy_rates_free(rates);
    if (cut)
        cli_say("serve", RFY_MSG_SERVE_CUT, cut, SERVE_GRACE_S);
    cli_say("serve", RFY_MSG_SERVE_STOPPED, sig == SIGTERM ? "SIGTERM" : "SIGINT");
    return RFY_EXIT_OK;
}
