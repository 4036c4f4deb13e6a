/*
 * The table of options (cli/options_table.c), from which `rfy --help` and
 * every `rfy COMMAND --help` are printed:
 *   - every option a form of a command names is in that command's table, and
 *     every option of the table is named by one of its forms;
 *   - preview and whatif offer every batch input column as an option
 *     ("prior_until" as --prior-until), and nothing else but their own;
 *   - audit offers --tolerance AMOUNT and --jobs N, batch --jobs N;
 *   - each help is one line that fits beside the option (57 characters);
 *   - the synopsis puts an option's argument after it, keeps brackets, and
 *     wraps before 80 columns.
 * That the program accepts exactly these options is tests/test_usage_docs.sh's.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "options_table.h"
#include <rfy/input.h>

/* Is `name` named in one of the command's forms (as a word, brackets stripped)? */
static int in_forms(const cli_command *cmd, const char *name)
{
    for (size_t f = 0; cmd->forms[f]; f++) {
        const char *p = cmd->forms[f];
        while (*p) {
            size_t len, lead = 0, trail = 0;
            while (*p == ' ')
                p++;
            len = strcspn(p, " ");
            while (lead < len && p[lead] == '[')
                lead++;
            while (trail < len - lead && p[len - 1 - trail] == ']')
                trail++;
            if (len - lead - trail == strlen(name) && strncmp(p + lead, name, strlen(name)) == 0)
                return 1;
            p += len;
        }
    }
    return 0;
}

START_TEST(forms_and_table_agree)
{
    size_t n;
    const cli_command *cmds = cli_commands(&n);
    ck_assert_uint_eq(n, 7); /* batch ledger preview whatif audit rates serve */
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < cmds[i].noptions; k++)
            ck_assert_msg(in_forms(&cmds[i], cmds[i].options[k].name), "rfy %s: %s in no form",
                          cmds[i].name, cmds[i].options[k].name);
        for (size_t f = 0; cmds[i].forms[f]; f++) {
            const char *p = cmds[i].forms[f];
            while (*p) {
                char word[64];
                size_t len, lead = 0, trail = 0;
                while (*p == ' ')
                    p++;
                len = strcspn(p, " ");
                while (lead < len && p[lead] == '[')
                    lead++;
                while (trail < len - lead && p[len - 1 - trail] == ']')
                    trail++;
                if (len - lead - trail > 0 && p[lead] == '-') {
                    ck_assert_uint_lt(len - lead - trail, sizeof word);
                    memcpy(word, p + lead, len - lead - trail);
                    word[len - lead - trail] = '\0';
                    ck_assert_msg(cli_option_find(&cmds[i], word), "rfy %s: form names %s, not in the table",
                                  cmds[i].name, word);
                }
                p += len;
            }
        }
    }
}
END_TEST

START_TEST(case_columns_are_options)
{
    static const char *const OWN[] = {"--rates", "--json", "--decimal-comma", "--input", "--delimiter",
                                      "--lang", "--wage-from", "--wage-to", "--step", "--hourly-wage",
                                      "--hours-from", "--hours-to", "--hours-step"};
    const char *const which[] = {"preview", "whatif"};
    for (size_t w = 0; w < 2; w++) {
        const cli_command *cmd = cli_command_find(which[w]);
        size_t columns = rfy_input_column_count();
        ck_assert_ptr_nonnull(cmd);
        for (size_t k = 0; k < columns; k++) {
            char opt[64] = "--";
            const char *c = rfy_input_column_name(k);
            size_t o = 2;
            for (; *c && o + 1 < sizeof opt; c++)
                opt[o++] = *c == '_' ? '-' : *c;
            opt[o] = '\0';
            ck_assert_msg(cli_option_find(cmd, opt), "rfy %s: column %s has no option %s", which[w],
                          rfy_input_column_name(k), opt);
        }
        for (size_t k = 0; k < cmd->noptions; k++) {
            int known = 0;
            for (size_t j = 0; j < sizeof OWN / sizeof OWN[0]; j++)
                known |= strcmp(cmd->options[k].name, OWN[j]) == 0;
            for (size_t j = 0; j < columns && !known; j++) {
                char opt[64] = "--";
                const char *c = rfy_input_column_name(j);
                size_t o = 2;
                for (; *c && o + 1 < sizeof opt; c++)
                    opt[o++] = *c == '_' ? '-' : *c;
                opt[o] = '\0';
                known = strcmp(opt, cmd->options[k].name) == 0;
            }
            ck_assert_msg(known, "rfy %s: %s is neither a column nor its own", which[w],
                          cmd->options[k].name);
        }
    }
}
END_TEST

START_TEST(audit_and_batch_options)
{
    const cli_command *audit = cli_command_find("audit"), *batch = cli_command_find("batch");
    ck_assert_ptr_nonnull(audit);
    ck_assert_ptr_nonnull(batch);
    ck_assert_str_eq(cli_option_find(audit, "--tolerance")->arg, "AMOUNT");
    ck_assert_str_eq(cli_option_find(audit, "--jobs")->arg, "N");
    ck_assert_str_eq(cli_option_find(batch, "--jobs")->arg, "N");
    ck_assert_ptr_null(cli_option_find(batch, "--tolerance"));
    ck_assert_ptr_null(cli_command_find("nosuch"));
}
END_TEST

START_TEST(help_is_one_short_line)
{
    size_t n;
    const cli_command *cmds = cli_commands(&n);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < cmds[i].noptions; k++) {
            /* Danish (the default) and English, each one line */
            const char *both[2] = {cmds[i].options[k].help, cmds[i].options[k].help_en};
            for (int l = 0; l < 2; l++) {
                const char *h = both[l];
                size_t cols = 0;
                ck_assert_msg(h && *h, "%s: no help (%s)", cmds[i].options[k].name, l ? "en" : "da");
                ck_assert_msg(strchr(h, '\n') == NULL, "%s: a line break", cmds[i].options[k].name);
                for (const char *p = h; *p; p++) /* columns: UTF-8 characters, not bytes */
                    cols += ((unsigned char)*p & 0xC0) != 0x80;
                /* 80 columns - 23 for "  --option ARG" and the gap */
                ck_assert_msg(cols <= 57, "rfy %s %s: help of %zu columns", cmds[i].name,
                              cmds[i].options[k].name, cols);
            }
        }
}
END_TEST

START_TEST(synopsis_printed)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    cli_print_synopsis(f, cli_command_find("rates"), "usage: ", "       ");
    fclose(f);
    ck_assert_str_eq(buf, "usage: rfy rates [--rates DIR] [--lang da|en] show YEAR | check | export DIR\n"
                          "       rfy rates [--rates DIR] [--lang da|en] derive YEAR --r PCT\n"
                          "                 [--afdaempning PCT] [--reduction PCT] [--normalbidrag KR]\n"
                          "                 -o DIR\n");
    free(buf);

    buf = NULL;
    f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    cli_print_synopsis(f, cli_command_find("audit"), "", "");
    fclose(f);
    for (char *line = buf, *end; *line; line = end + 1) {
        end = strchr(line, '\n');
        ck_assert_ptr_nonnull(end);
        ck_assert_int_lt(end - line, 80);
    }
    ck_assert_ptr_nonnull(strstr(buf, "[--tolerance AMOUNT]"));
    ck_assert_ptr_nonnull(strstr(buf, "[--jobs N]"));
    ck_assert_ptr_nonnull(strstr(buf, "[--explain CASE_ID[:YYYY-MM]]"));
    free(buf);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("options_table");
    TCase *tc = tcase_create("options_table");
    tcase_add_test(tc, forms_and_table_agree);
    tcase_add_test(tc, case_columns_are_options);
    tcase_add_test(tc, audit_and_batch_options);
    tcase_add_test(tc, help_is_one_short_line);
    tcase_add_test(tc, synopsis_printed);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
