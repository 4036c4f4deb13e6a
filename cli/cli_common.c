/* Helpers shared by the sub-commands (cli.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

rfy_rates *cli_load_rates(const char *dir)
{
    rfy_rates *rates = NULL;
    char *err = NULL;
    int rc = dir ? rfy_rates_load_dir_lang(&rates, dir, cli_lang, &err)
                 : rfy_rates_load_builtin_lang(&rates, cli_lang, &err);
    if (rc != RFY_OK) {
        /* the loader lists every structural error, one per line */
        fprintf(stderr, "rfy: %s", cli_msg(RFY_MSG_INVALID_RATES));
        for (const char *p = err ? err : rfy_rc_text(rc, cli_lang); *p; p++)
            fputs(*p == '\n' ? "\n  " : (char[2]){*p, 0}, stderr);
        fputc('\n', stderr);
        free(err);
        return NULL;
    }
    return rates;
}

char *cli_default_rejects_path(const char *out)
{
    size_t n = strlen(out);
    char *p;
    if (n > 4 && strcmp(out + n - 4, ".csv") == 0)
        n -= 4;
    else if (n > 5 && strcmp(out + n - 5, ".xlsx") == 0) /* --format xlsx */
        n -= 5;
    else if (n > 6 && strcmp(out + n - 6, ".jsonl") == 0) /* --format json */
        n -= 6;
    p = malloc(n + sizeof ".rejects.csv");
    if (p) {
        memcpy(p, out, n);
        memcpy(p + n, ".rejects.csv", sizeof ".rejects.csv");
    }
    return p;
}

int cli_parse_delimiter(char *out, const char *arg)
{
    if (strcmp(arg, "tab") == 0 || strcmp(arg, "\\t") == 0) {
        *out = '\t';
        return 0;
    }
    if (strlen(arg) != 1 || arg[0] == '"' || arg[0] == '\r' || arg[0] == '\n')
        return -1;
    *out = arg[0];
    return 0;
}

rfy_lang cli_lang = RFY_LANG_DA;

int cli_take_lang(int argc, char **argv)
{
    int i, o = 0;
    for (i = 0; i < argc; i++) {
        const char *v = NULL;
        if (strcmp(argv[i], "--") == 0) { /* the rest are operands */
            while (i < argc)
                argv[o++] = argv[i++];
            break;
        }
        if (strcmp(argv[i], "--lang") == 0) {
            if (i + 1 >= argc) {
                /* the language is not known: both, Danish first */
                fprintf(stderr, "rfy: %s (%s)\n", rfy_message_format(RFY_MSG_LANG_MISSING, RFY_LANG_DA),
                        rfy_message_format(RFY_MSG_LANG_MISSING, RFY_LANG_EN));
                return -1;
            }
            v = argv[++i];
        } else if (strncmp(argv[i], "--lang=", 7) == 0) {
            v = argv[i] + 7;
        } else {
            argv[o++] = argv[i];
            continue;
        }
        if (rfy_lang_from_name(&cli_lang, v) != 0) {
            fprintf(stderr, "rfy: ");
            fprintf(stderr, rfy_message_format(RFY_MSG_LANG_BAD, RFY_LANG_DA), v);
            fputs(" (", stderr);
            fprintf(stderr, rfy_message_format(RFY_MSG_LANG_BAD, RFY_LANG_EN), v);
            fputs(")\n", stderr);
            return -1;
        }
    }
    argv[o] = NULL;
    return o;
}

rfy_hints *cli_hints;

/* The command line's ways out at the end of the engine's messages, in both
 * languages side by side (the option to use where the library can only say
 * what to do). */
static const struct {
    rfy_hint hint;
    const char *da, *en;
} CLI_HINTS[] = {
    {RFY_HINT_NEWER_RATES, "lav en med rfy rates derive ÅR --r PCT -o MAPPE, og brug --rates MAPPE",
     "make one with rfy rates derive YEAR --r PCT -o DIR and use --rates DIR"},
    {RFY_HINT_MISSING_KEY, "tilføj rækken til tabellen (rfy rates check viser alle nøgler der mangler)",
     "add that row to the table (rfy rates check lists every missing key)"},
    {RFY_HINT_DECIMAL_COMMA, "decimalkomma kræver --decimal-comma", "decimal comma needs --decimal-comma"},
    {RFY_HINT_CP1252, "prøv --encoding cp1252", "try --encoding cp1252"},
    {RFY_HINT_SEMICOLON_FILE, "en fil delt med ';'? brug --delimiter ';'",
     "a ';'-separated file? use --delimiter ';'"},
    {RFY_HINT_TAB_FILE, "en fil delt med tabulator? brug --delimiter tab",
     "a tab-separated file? use --delimiter tab"},
    {RFY_HINT_UTF16, "brug --encoding utf-16", "use --encoding utf-16"},
    {RFY_HINT_MAP_COLUMNS,
     "map med --columns MAP.csv (fixtures/columns-da.csv mapper gængse danske overskrifter)",
     "map with --columns MAP.csv (fixtures/columns-da.csv maps common Danish headers)"},
    {RFY_HINT_IGNORE_COLUMNS, "spring over med --ignore-columns", "read past with --ignore-columns"},
};

void cli_set_hints(void)
{
    rfy_hints *h = rfy_hints_new();
    if (!h)
        return; /* the library's own words then */
    cli_hints = h;
    /* The hints follow --lang: those that end a fault's words (the fault
     * catalogue) and those that end the header's messages (header_messages.c). */
    for (size_t i = 0; i < sizeof CLI_HINTS / sizeof CLI_HINTS[0]; i++)
        rfy_hints_set(h, CLI_HINTS[i].hint,
                      cli_lang == RFY_LANG_DA ? CLI_HINTS[i].da : CLI_HINTS[i].en);
    rfy_hints_set(h, RFY_HINT_ASSUMPTIONS, "rfy rates show");
}

/* --jobs N: 1..max, digits only (cli.h). */
int cli_parse_jobs(unsigned *out, const char *arg, unsigned max)
{
    unsigned long n = 0;
    size_t i, len = strlen(arg);
    if (len == 0 || len > 3)
        return -1;
    for (i = 0; i < len; i++) {
        if (arg[i] < '0' || arg[i] > '9')
            return -1;
        n = n * 10 + (unsigned long)(arg[i] - '0');
    }
    if (n < 1 || n > max)
        return -1;
    *out = (unsigned)n;
    return 0;
}

/* ---- The catalogue's words on standard error (cli.h) -------------------------- */

const char *cli_msg(rfy_message id)
{
    return rfy_message_format(id, cli_lang);
}

const char *cli_errno(int e)
{
    return rfy_errno_text(e, cli_lang);
}

void cli_say(const char *cmd, rfy_message id, ...)
{
    va_list ap;
    if (cmd)
        fprintf(stderr, "rfy %s: ", cmd);
    else
        fputs("rfy: ", stderr);
    va_start(ap, id);
    vfprintf(stderr, cli_msg(id), ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* Whether arg ("--na" or "--na=value") starts the names of two or more long
 * options and is none of them in full (getopt_long's "ambiguous"). */
static int ambiguous(const char *arg, const struct option *longopts)
{
    size_t len = strcspn(arg + 2, "="), n = 0;
    for (const struct option *o = longopts; o && o->name; o++) {
        if (strncmp(o->name, arg + 2, len) != 0)
            continue;
        if (strlen(o->name) == len)
            return 0; /* an exact name is never ambiguous */
        n++;
    }
    return n >= 2;
}

/* Whether arg ("--name=value") names a long option that takes no value. */
static int takes_no_value(const char *arg, const struct option *longopts)
{
    size_t len = strcspn(arg + 2, "=");
    if (arg[2 + len] != '=')
        return 0;
    for (const struct option *o = longopts; o && o->name; o++)
        if (strlen(o->name) == len && strncmp(o->name, arg + 2, len) == 0)
            return o->has_arg == no_argument;
    return 0;
}

int cli_getopt(int argc, char **argv, const char *cmd, const char *shortopts,
               const struct option *longopts)
{
    char opts[64], name[8], written[80];
    const char *last;
    int c;
    /* a leading ':' tells a missing value (':') from an unknown option ('?') */
    snprintf(opts, sizeof opts, "%s%s", shortopts[0] == ':' ? "" : ":", shortopts);
    opterr = 0;
    c = getopt_long(argc, argv, opts, longopts, NULL);
    if (c != '?' && c != ':')
        return c;
    /* the option as written: a long one is the argument getopt has just passed */
    last = optind >= 1 && optind <= argc ? argv[optind - 1] : "";
    snprintf(name, sizeof name, "-%c", optopt > 0 && optopt < 128 ? optopt : '?');
    if (c == ':') {
        cli_say(cmd, RFY_MSG_OPTION_NEEDS_VALUE, strncmp(last, "--", 2) == 0 ? last : name);
    } else if (strncmp(last, "--", 2) == 0 && (optopt == 0 || takes_no_value(last, longopts))) {
        if (optopt != 0)
            cli_say(cmd, RFY_MSG_OPTION_NO_VALUE, last);
        else if (ambiguous(last, longopts))
            cli_say(cmd, RFY_MSG_OPTION_AMBIGUOUS, last);
        else {
            /* the option's name, without a value given to it with '=' */
            snprintf(written, sizeof written, "%.*s", (int)strcspn(last, "="), last);
            if (cmd)
                cli_say(cmd, RFY_MSG_UNKNOWN_OPTION, written, cmd);
            else
                cli_say(cmd, RFY_MSG_UNKNOWN_OPTION_TOP, written);
        }
    } else if (cmd) {
        cli_say(cmd, RFY_MSG_UNKNOWN_OPTION, name, cmd);
    } else {
        cli_say(cmd, RFY_MSG_UNKNOWN_OPTION_TOP, name);
    }
    return '?';
}
