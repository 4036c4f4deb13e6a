/* Shared by the rfy sub-commands (cli/). */
#ifndef RFY_CLI_H
#define RFY_CLI_H

#include "rfy.h"

/* Exit codes (interface.md). */
enum {
    RFY_EXIT_OK = 0,       /* all rows computed (audit: all match) */
    RFY_EXIT_REJECTS = 1,  /* some rows rejected (audit: a difference or reject) */
    RFY_EXIT_USAGE = 2     /* usage error, unreadable input, invalid rate tables, write failure */
};

/*
 * Load the rate tables: the built-in set, or the directory given with
 * --rates.  On failure prints "rfy: ..." to stderr and returns NULL.
 */
rfy_rates *cli_load_rates(const char *dir);

/* The sub-commands.  argv[0] is the sub-command name. Each returns an exit code. */
int cmd_rates(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_preview(int argc, char **argv);
int cmd_audit(int argc, char **argv);

#endif
