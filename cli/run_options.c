/* Options shared by batch and audit (run_options.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/rfy.h>
#include "cli.h" /* cli_lang */
#include "run_options.h"

int run_input_open(const char *cmd, const char *in_path, input_decoder **d, FILE **out,
                   char *sep, input_encoding *used, FILE *raw, input_encoding enc,
                   rfy_csv_tap_fn tap, void *tap_user, int delimiter_given, char *delimiter)
{
    char *msg = NULL;
    if (input_decode_open(d, out, sep, used, raw, enc, tap, tap_user, &msg) != RFY_OK) {
        fprintf(stderr, "rfy %s: %s: %s\n", cmd, strcmp(in_path, "-") ? in_path : cli_msg(RFY_MSG_STDIN),
                msg ? msg : cli_msg(RFY_MSG_CANNOT_READ_INPUT));
        free(msg);
        return -1;
    }
    if (*sep) { /* Excel's "sep=X" first line */
        if (delimiter_given && *sep != *delimiter) {
            cli_say(cmd, RFY_MSG_SEP_LINE, in_path, *sep);
            return -1;
        }
        *delimiter = *sep;
    }
    return 0;
}

int run_options_init(run_options *o)
{
    memset(o, 0, sizeof *o);
    o->encoding = INPUT_ENC_UTF8;
    o->format = OUTPUT_CSV;
    o->columns = rfy_column_map_new();
    return o->columns ? 0 : -1;
}

void run_options_free(run_options *o)
{
    rfy_column_map_free(o->columns);
    o->columns = NULL;
}

int run_options_parse(run_options *o, const char *cmd, int opt, const char *arg)
{
    char *msg = NULL;
    switch (opt) {
    case RUN_OPT_ENCODING:
        if (input_encoding_from_name(&o->encoding, arg) != 0) {
            cli_say(cmd, RFY_MSG_ENCODING, arg);
            return -1;
        }
        return 1;
    case RUN_OPT_COLUMNS:
        if (rfy_column_map_file_name(o->columns)) {
            cli_say(cmd, RFY_MSG_COLUMNS_ONCE);
            return -1;
        }
        if (rfy_column_map_load_lang(o->columns, arg, cli_lang, &msg) != RFY_OK) {
            fprintf(stderr, "rfy %s: %s\n", cmd, msg ? msg : cli_msg(RFY_MSG_OUT_OF_MEMORY));
            free(msg);
            return -1;
        }
        return 1;
    case RUN_OPT_IGNORE:
        if (rfy_column_map_ignore_lang(o->columns, arg, cli_lang, &msg) != RFY_OK) {
            fprintf(stderr, "rfy %s: %s\n", cmd, msg ? msg : cli_msg(RFY_MSG_OUT_OF_MEMORY));
            free(msg);
            return -1;
        }
        return 1;
    case RUN_OPT_FORMAT:
        if (output_format_from_name(&o->format, arg) != 0) {
            cli_say(cmd, RFY_MSG_FORMAT, arg);
            return -1;
        }
        return 1;
    default:
        return 0;
    }
}

json_t *run_options_json(const run_options *o, char delimiter, int decimal_comma,
                         input_encoding used, char sep_line)
{
    char d[8] = {delimiter, '\0'}, s[8] = {sep_line, '\0'};
    const char *map = rfy_column_map_file_name(o->columns);
    json_t *j = json_object(), *cols = map ? json_pack("{s:s, s:s}", "name", map, "sha256",
                                                       rfy_column_map_file_sha256(o->columns))
                                           : json_null();
    int ok = j && cols;
    /* a delimiter byte that is not UTF-8 text on its own is written 0xNN */
    if ((unsigned char)delimiter >= 0x80)
        snprintf(d, sizeof d, "0x%02X", (unsigned char)delimiter);
    if ((unsigned char)sep_line >= 0x80)
        snprintf(s, sizeof s, "0x%02X", (unsigned char)sep_line);
    /* Keys in a fixed order (JSON_PRESERVE_ORDER when dumped). */
    ok = ok && json_object_set_new(j, "delimiter", json_string(delimiter == '\t' ? "tab" : d)) == 0;
    ok = ok && json_object_set_new(j, "decimal_comma", json_boolean(decimal_comma)) == 0;
    ok = ok && json_object_set_new(j, "encoding", json_string(input_encoding_name(used))) == 0;
    ok = ok && json_object_set_new(j, "encoding_asked", json_string(input_encoding_name(o->encoding))) == 0;
    ok = ok && json_object_set_new(j, "sep_line", sep_line ? json_string(s) : json_null()) == 0;
    ok = ok && json_object_set_new(j, "columns", cols) == 0;
    cols = NULL;
    ok = ok && json_object_set_new(j, "ignore_columns",
                                   json_string(rfy_column_map_ignored(o->columns))) == 0;
    ok = ok && json_object_set_new(j, "format", json_string(output_format_name(o->format))) == 0;
    json_decref(cols);
    if (!ok) {
        json_decref(j);
        return NULL;
    }
    return j;
}
