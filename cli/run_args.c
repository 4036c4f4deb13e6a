/* The command line batch and audit share (run_args.h). */
#include <stdio.h>
#include <string.h>

#include <rfy/batch.h>
#include "cli.h"
#include "options_table.h"
#include "run_args.h"

int run_args_init(run_args *a)
{
    memset(a, 0, sizeof *a);
    a->out_path = "-";
    a->delimiter = ',';
    a->jobs = 1;
    return run_options_init(&a->ro);
}

void run_args_free(run_args *a)
{
    run_options_free(&a->ro);
}

int run_args_parse(run_args *a, const char *cmd, int opt, const char *arg)
{
    switch (opt) {
    case RUN_ARG_RATES: a->rates_dir = arg; return 1;
    case 'o': a->out_path = arg; return 1;
    case RUN_ARG_REJECTS: a->rej_path = arg; return 1;
    case RUN_ARG_RECEIPT: a->receipt_path = arg; return 1;
    case RUN_ARG_DELIM:
        if (cli_parse_delimiter(&a->delimiter, arg) != 0) {
            cli_say(cmd, RFY_MSG_DELIMITER, arg);
            return -1;
        }
        a->delimiter_given = 1;
        return 1;
    case RUN_ARG_COMMA: a->comma = 1; return 1;
    case RUN_ARG_QUIET: a->quiet = 1; return 1;
    case RUN_ARG_JOBS: /* docs/performance.md */
        if (cli_parse_jobs(&a->jobs, arg, RFY_BATCH_MAX_JOBS) != 0) {
            cli_say(cmd, RFY_MSG_JOBS, RFY_BATCH_MAX_JOBS, arg);
            return -1;
        }
        return 1;
    default:
        return run_options_parse(&a->ro, cmd, opt, arg);
    }
}

int run_args_input(run_args *a, const char *cmd, const char *in_name, const char *xlsx_name,
                   int argc, char **argv)
{
    if (optind + 1 != argc) {
        cli_say(cmd, RFY_MSG_ONE_INPUT, in_name, optind < argc ? cli_msg(RFY_MSG_FOUND_MORE) : "");
        cli_print_usage(stderr, cmd);
        return -1;
    }
    a->in_path = argv[optind];
    if (a->ro.format == OUTPUT_XLSX && strcmp(a->out_path, "-") == 0) {
        cli_say(cmd, RFY_MSG_XLSX_NEEDS_FILE, xlsx_name);
        return -1;
    }
    return 0;
}
