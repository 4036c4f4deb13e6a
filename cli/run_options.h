/*
 * The options `rfy batch` and `rfy audit` share for files as kommuner have
 * them, and what the receipt records of every option that changes a result.
 *
 *   --encoding utf-8|cp1252|latin1|utf-16   (input_decode.h)
 *   --columns MAP.csv, --ignore-columns N,.. (rfy/columns.h)
 *   --format csv|excel|xlsx|json             (output_format.h)
 * A command adds RUN_OPTIONS_LONGOPTS to its getopt_long table and hands
 * every option code it does not know to run_options_parse().
 */
#ifndef RFY_RUN_OPTIONS_H
#define RFY_RUN_OPTIONS_H

#include <getopt.h>

#include <jansson.h>

#include <rfy/columns.h>
#include "input_decode.h"
#include "output_format.h"

enum { RUN_OPT_ENCODING = 1024, RUN_OPT_COLUMNS, RUN_OPT_IGNORE, RUN_OPT_FORMAT };

#define RUN_OPTIONS_LONGOPTS                                                                  \
    {"encoding", required_argument, 0, RUN_OPT_ENCODING},                                     \
        {"columns", required_argument, 0, RUN_OPT_COLUMNS},                                   \
        {"ignore-columns", required_argument, 0, RUN_OPT_IGNORE},                             \
        {"format", required_argument, 0, RUN_OPT_FORMAT}

typedef struct run_options {
    input_encoding encoding;  /* as asked (a byte-order mark may override: see used) */
    rfy_column_map *columns;      /* never NULL after init */
    output_format format;
} run_options;

/* Defaults: utf-8, nothing mapped or ignored, csv.  Returns 0, or -1 when out of memory. */
int run_options_init(run_options *o);
void run_options_free(run_options *o);

/*
 * Handle option code `opt` with argument `arg`.  Returns 1 when handled, 0
 * when the code is not one of these, -1 after printing "rfy CMD: ..." for a
 * bad value.
 */
int run_options_parse(run_options *o, const char *cmd, int opt, const char *arg);

/*
 * The receipt's "options" object: delimiter, decimal_comma, encoding (the one
 * used, and "byte-order mark" when the file's mark decided), sep_line (the
 * delimiter a "sep=" line gave, or null), columns {name, sha256} or null,
 * ignore_columns, format.  NULL when out of memory.
 */
json_t *run_options_json(const run_options *o, char delimiter, int decimal_comma,
                         input_encoding used, char sep_line);

/*
 * Open the input of `rfy CMD` as UTF-8 (input_decode_open(), with the same
 * arguments) and take Excel's "sep=X" first line into *delimiter, refused
 * when --delimiter (delimiter_given) named another.  Returns 0, or -1 after
 * printing "rfy CMD: NAME: reason" (NAME is in_path, or "standard input").
 */
int run_input_open(const char *cmd, const char *in_path, input_decoder **d, FILE **out,
                   char *sep, input_encoding *used, FILE *raw, input_encoding enc,
                   rfy_csv_tap_fn tap, void *tap_user, int delimiter_given, char *delimiter);

#endif
