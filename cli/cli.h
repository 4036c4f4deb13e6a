/* Shared by the rfy sub-commands (cli/). */
#ifndef RFY_CLI_H
#define RFY_CLI_H

#include <getopt.h>

#include <rfy/messages.h>
#include <rfy/rfy.h>

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

/*
 * The default rejects file next to an output: "OUT.csv" (or "OUT.xlsx") → "OUT.rejects.csv",
 * any other name gets ".rejects.csv" appended.  malloc'ed (caller frees); NULL
 * when out of memory.
 */
char *cli_default_rejects_path(const char *out);

/*
 * --delimiter C: one byte other than a quote, CR or LF; "tab" (or "\t") for a
 * tab.  Returns 0 and sets *out, or -1.
 */
int cli_parse_delimiter(char *out, const char *arg);

/*
 * rfy's ways out at the end of the engine's messages (rfy/hint.h): "supply
 * newer tables with --rates DIR", "decimal comma needs --decimal-comma", ...
 * in cli_lang.  Every place rfy renders an engine message passes them
 * (rfy_error_text_hinted, rfy_fault_text_hinted, rfy_hints_apply).  NULL
 * (before cli_set_hints(), or when memory ran out) is the library's words.
 * The program's own setting, not the library's: set once by main() before
 * a command runs (rfy serve adds its API's words before any thread starts),
 * read-only after.
 */
extern rfy_hints *cli_hints;

/* Make cli_hints for cli_lang.  Called once by main(), after cli_take_lang(). */
void cli_set_hints(void);

/* --jobs N for batch and audit: a whole number 1..max, digits only.  Returns 0 or -1. */
int cli_parse_jobs(unsigned *out, const char *arg, unsigned max);

/*
 * The language of everything rfy prints for a person (--lang da|en, every
 * command): Danish unless --lang en.  Set once by main() before a command
 * runs, read-only after; the library itself has no such setting (each call
 * names its language).
 */
extern rfy_lang cli_lang;

/*
 * Take the global option --lang da|en (or --lang=da) out of argv, wherever it
 * stands, into cli_lang.  Returns the new argc, or -1 after a message on
 * stderr for a language other than da or en, or a missing value.
 */
int cli_take_lang(int argc, char **argv);

/*
 * What rfy says on its own account comes from the engine's one catalogue
 * (rfy/messages.h), in cli_lang: the format of message id (for a caller
 * that puts it into a buffer or a longer line).
 */
const char *cli_msg(rfy_message id);

/* A text of the program's own in cli_lang: the Danish, or the English with --lang en. */
#define CLI_TEXT(da, en) (cli_lang == RFY_LANG_EN ? (en) : (da))

/* The system's reason for errno e in cli_lang (rfy_errno_text): instead of strerror(). */
const char *cli_errno(int e);

/*
 * One line on standard error: "rfy CMD: " ("rfy: " when cmd is NULL), then
 * message id in cli_lang with the arguments its format takes, then a line end.
 */
void cli_say(const char *cmd, rfy_message id, ...);

/*
 * getopt_long for a command, with getopt's own (English) words off: an
 * unknown option, a value missing or one given to an option that takes none
 * is said from the catalogue ("rfy batch: ukendt tilvalg '--bogus' ...",
 * naming the option as written) and '?' returned.  cmd NULL: the options
 * before any command.  Other returns as getopt_long's.
 */
int cli_getopt(int argc, char **argv, const char *cmd, const char *shortopts,
               const struct option *longopts);

/* The sub-commands.  argv[0] is the sub-command name. Each returns an exit code. */
int cmd_rates(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_preview(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_whatif(int argc, char **argv);
int cmd_ledger(int argc, char **argv);

#endif
