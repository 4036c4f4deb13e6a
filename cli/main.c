/* rfy: the command-line entry point.  Dispatches to the sub-commands. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "oom_exit.h"
#include "options_table.h"

/* `rfy --help`: each command's synopsis comes from options_table.c, between these. */
static const char USAGE_HEAD[] =
    "rfy " RFY_VERSION " - ressourceforløbsydelse, computed exactly (LAS kap. 6 a, §§ 68, 68 a, 69)\n"
    "\n"
    "Usage:\n";
static const char USAGE_TAIL[] =
    "  rfy help [COMMAND] | --version | --help\n"
    "\n"
    "Every command takes --lang da|en: the language of reasons, summaries and\n"
    "explanations (Danish unless --lang en).  rfy help COMMAND lists its options.\n"
    "\n"
    "Exit codes: 0 all rows computed (audit: all match); 1 some rows rejected\n"
    "(audit: a difference); 2 usage error, unreadable input or invalid rate tables.\n"
    "See docs/ for the rules, the CSV columns and the rate tables.\n";

static const char USAGE_HEAD_DA[] =
    "rfy " RFY_VERSION " - ressourceforløbsydelse, beregnet præcist (LAS kap. 6 a, §§ 68, 68 a, 69)\n"
    "\n"
    "Brug:\n";
static const char USAGE_TAIL_DA[] =
    "  rfy help [COMMAND] | --version | --help\n"
    "\n"
    "Hver kommando tager --lang da|en: sproget i begrundelser, oversigter og\n"
    "forklaringer (dansk, medmindre --lang en).  rfy help COMMAND viser dens tilvalg.\n"
    "\n"
    "Exitkoder: 0 alle rækker beregnet (audit: alle stemmer); 1 nogle rækker afvist\n"
    "(audit: en difference); 2 brugsfejl, input der ikke kan læses, eller ugyldige\n"
    "satstabeller.  Se docs/ for reglerne, CSV-kolonnerne og satstabellerne.\n";

/* The whole text of `rfy --help`, in cli_lang. */
static void usage(FILE *out)
{
    size_t n;
    const cli_command *cmds = cli_commands(&n);
    fputs(CLI_TEXT(USAGE_HEAD_DA, USAGE_HEAD), out);
    for (size_t i = 0; i < n; i++)
        cli_print_synopsis(out, &cmds[i], "  ", "  ");
    fputs(CLI_TEXT(USAGE_TAIL_DA, USAGE_TAIL), out);
}

/* `rfy help` (this text) and `rfy help COMMAND` (the command's --help). */
static int help(int argc, char **argv)
{
    static char opt_help[] = "--help";
    char *args[3];
    if (argc == 0) {
        usage(stdout);
        return RFY_EXIT_OK;
    }
    args[0] = argv[0];
    args[1] = opt_help;
    args[2] = NULL;
    if (strcmp(argv[0], "batch") == 0)
        return cmd_batch(2, args);
    if (strcmp(argv[0], "preview") == 0)
        return cmd_preview(2, args);
    if (strcmp(argv[0], "audit") == 0)
        return cmd_audit(2, args);
    if (strcmp(argv[0], "whatif") == 0)
        return cmd_whatif(2, args);
    if (strcmp(argv[0], "rates") == 0)
        return cmd_rates(2, args);
    if (strcmp(argv[0], "serve") == 0)
        return cmd_serve(2, args);
    if (strcmp(argv[0], "ledger") == 0)
        return cmd_ledger(2, args);
    cli_say(NULL, RFY_MSG_NO_COMMAND, argv[0]);
    return RFY_EXIT_USAGE;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"version", no_argument, 0, 'V'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *cmd;
    int c;

    /* First, before any GMP number exists: a failed allocation inside GMP ends
     * the run with a message, exit code 2 and no temporary file left behind
     * (oom_exit.h), instead of GMP's abort(). */
    cli_install_oom_exit();
    if ((argc = cli_take_lang(argc, argv)) < 0)
        return RFY_EXIT_USAGE;
    cli_set_hints();

    /* "rfy --rates DIR COMMAND ...": the option every command takes, written
     * before the command, is handed to the command as if written after it. */
    if (argc >= 4 && strcmp(argv[1], "--rates") == 0 && argv[3][0] != '-') {
        char *dir = argv[2];
        argv[1] = argv[3];
        argv[2] = "--rates";
        argv[3] = dir;
    } else if (argc >= 3 && strncmp(argv[1], "--rates=", 8) == 0 && argv[2][0] != '-') {
        char *opt = argv[1];
        argv[1] = argv[2];
        argv[2] = opt;
    }

    if (argc >= 2 && argv[1][0] != '-') {
        cmd = argv[1];
        if (strcmp(cmd, "batch") == 0)
            return cmd_batch(argc - 1, argv + 1);
        if (strcmp(cmd, "preview") == 0)
            return cmd_preview(argc - 1, argv + 1);
        if (strcmp(cmd, "audit") == 0)
            return cmd_audit(argc - 1, argv + 1);
        if (strcmp(cmd, "whatif") == 0)
            return cmd_whatif(argc - 1, argv + 1);
        if (strcmp(cmd, "rates") == 0)
            return cmd_rates(argc - 1, argv + 1);
        if (strcmp(cmd, "serve") == 0)
            return cmd_serve(argc - 1, argv + 1);
        if (strcmp(cmd, "ledger") == 0)
            return cmd_ledger(argc - 1, argv + 1);
        if (strcmp(cmd, "help") == 0)
            return help(argc - 2, argv + 2);
        cli_say(NULL, RFY_MSG_UNKNOWN_COMMAND, cmd);
        return RFY_EXIT_USAGE;
    }
    while ((c = cli_getopt(argc, argv, NULL, "Vh", opts)) != -1) {
        switch (c) {
        case 'V':
            printf("rfy %s\n", RFY_VERSION);
            return RFY_EXIT_OK;
        case 'h':
            usage(stdout);
            return RFY_EXIT_OK;
        default:
            usage(stderr);
            return RFY_EXIT_USAGE;
        }
    }
    usage(stderr);
    return RFY_EXIT_USAGE;
}
