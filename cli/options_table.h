/*
 * The options of every rfy command, in one table: `rfy --help`, each
 * `rfy COMMAND --help` and the checks of the documentation's usage blocks
 * (tests/test_usage_docs.sh) all come from it, so that no list of options
 * can fall behind another.  A command's parser (getopt_long in cli/cmd_*.c)
 * accepts exactly these; tests/test_options_table.c checks that.
 *
 * A command has one or more forms ("rfy rates show YEAR | check ...",
 * "rfy rates derive YEAR --r PCT ..."): each is a line of words in which an
 * option is written by its name alone ("[--jobs]", "--month", "[--ledger
 * [--corrections]]") and printed with its argument from the table
 * ("[--jobs N]").  Every other word (a file, "|", "show") is printed as it is.
 */
#ifndef RFY_OPTIONS_TABLE_H
#define RFY_OPTIONS_TABLE_H

#include <stddef.h>
#include <stdio.h>

typedef struct cli_option {
    const char *name; /* "--tolerance", "-o" */
    const char *arg;  /* "AMOUNT"; NULL for an option without an argument */
    const char *help;    /* one line, no line break: Danish, the default */
    const char *help_en; /* the same in English (--lang en) */
} cli_option;

typedef struct cli_command {
    const char *name;            /* "audit" */
    const char *const *forms;    /* the synopsis lines, NULL-terminated */
    const cli_option *options;   /* every option the command takes, in the order --help lists them */
    size_t noptions;
} cli_command;

/* Every command, in the order `rfy --help` lists them; *count is set to their number. */
const cli_command *cli_commands(size_t *count);

/* The command named `name`, or NULL. */
const cli_command *cli_command_find(const char *name);

/* The option `name` ("--jobs") of `cmd`, or NULL. */
const cli_option *cli_option_find(const cli_command *cmd, const char *name);

/*
 * Print the command's forms as "PREFIX rfy CMD WORDS", the first with
 * `first` ("usage: ") and the rest with `next` ("       "), each wrapped
 * before 80 columns with the continuation lined up after "rfy CMD ".
 */
void cli_print_synopsis(FILE *out, const cli_command *cmd, const char *first, const char *next);

/* Print "  NAME ARG   help" for every option, the help starting in column 23. */
void cli_print_options(FILE *out, const cli_command *cmd);

/*
 * A command's --help in cli_lang: the synopsis, `about` (what the command
 * does: a paragraph ending in a line break, or NULL), "Tilvalg:" ("Options:")
 * with the list, and `footer` (exit codes, where the documentation is; or
 * NULL).  `about` and `footer` are the caller's, already in cli_lang.
 */
void cli_print_help(FILE *out, const char *command, const char *about, const char *footer);

/* After a usage error: the command's synopsis alone ("usage: rfy audit ..."). */
void cli_print_usage(FILE *out, const char *command);

#endif
