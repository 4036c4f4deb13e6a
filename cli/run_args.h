/*
 * The command line `rfy batch` and `rfy audit` share: the files (--rates,
 * -o, --rejects, --receipt and the one input argument), how the input is
 * written (--delimiter, --decimal-comma and run_options.h's --encoding,
 * --columns, --ignore-columns, --format), --jobs and --quiet.  One place
 * parses them and words their messages ("rfy CMD: ..."); a command adds its
 * own options (audit: --explain, --tolerance) and --help.
 *
 *     run_args a;
 *     if (run_args_init(&a) != 0) ...out of memory...
 *     while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1)
 *         switch (c) { own options and 'h' ...;
 *         default: rc = run_args_parse(&a, "batch", c, optarg); 1: go on, 0: usage, -1: stop }
 *     if (run_args_input(&a, "batch", "IN.csv", "OUT.xlsx", USAGE, argc, argv) != 0) stop;
 *     ...; run_args_free(&a);
 */
#ifndef RFY_RUN_ARGS_H
#define RFY_RUN_ARGS_H

#include <getopt.h>

#include "run_options.h"

/* Option codes (below run_options.h's, above a command's own short options). */
enum { RUN_ARG_RATES = 256, RUN_ARG_REJECTS, RUN_ARG_RECEIPT, RUN_ARG_DELIM, RUN_ARG_COMMA,
       RUN_ARG_QUIET, RUN_ARG_JOBS, RUN_ARG_OWN /* a command's own codes start here */ };

#define RUN_ARGS_LONGOPTS                                                                     \
    {"rates", required_argument, 0, RUN_ARG_RATES},                                           \
        {"output", required_argument, 0, 'o'},                                                \
        {"rejects", required_argument, 0, RUN_ARG_REJECTS},                                   \
        {"receipt", required_argument, 0, RUN_ARG_RECEIPT},                                   \
        {"delimiter", required_argument, 0, RUN_ARG_DELIM},                                   \
        {"decimal-comma", no_argument, 0, RUN_ARG_COMMA},                                     \
        {"quiet", no_argument, 0, RUN_ARG_QUIET},                                             \
        {"jobs", required_argument, 0, RUN_ARG_JOBS},                                         \
        RUN_OPTIONS_LONGOPTS

typedef struct run_args {
    const char *rates_dir;    /* --rates DIR, or NULL: the built-in tables */
    const char *out_path;     /* -o, "-" (standard output) by default */
    const char *rej_path;     /* --rejects, or NULL: run_files.h decides */
    const char *receipt_path; /* --receipt, or NULL: run_files.h and receipt.h decide */
    const char *in_path;      /* the one argument, "-" = standard input */
    char delimiter;           /* --delimiter, ',' by default */
    int delimiter_given;      /* --delimiter was given (a "sep=" line may not contradict it) */
    int comma;                /* --decimal-comma */
    int quiet;                /* --quiet */
    unsigned jobs;            /* --jobs N, 1 by default */
    run_options ro;           /* --encoding, --columns, --ignore-columns, --format */
} run_args;

/* The defaults.  Returns 0, or -1 when out of memory (run_args_free() is still due). */
int run_args_init(run_args *a);
void run_args_free(run_args *a);

/*
 * Handle option code `opt` with argument `arg` for `rfy CMD`.  Returns 1
 * when handled, 0 when the code is none of these (the caller prints its
 * usage), -1 after printing "rfy CMD: ..." for a bad value.
 */
int run_args_parse(run_args *a, const char *cmd, int opt, const char *arg);

/*
 * After the options: exactly one input argument (argv[optind]) into
 * a->in_path, and a workbook (--format xlsx) only to a file.  `in_name`
 * ("IN.csv") and `xlsx_name` ("OUT.xlsx") are shown in the messages; the
 * command's synopsis (options_table.h) is printed to standard error after a
 * wrong argument count.  Returns 0, or -1 after printing why.
 */
int run_args_input(run_args *a, const char *cmd, const char *in_name, const char *xlsx_name,
                   int argc, char **argv);

#endif
