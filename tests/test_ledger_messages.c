/*
 * The ledger's messages (calc/run/ledger_messages.c): every id has a Danish
 * and an English text, the two are different words, and they take the same
 * arguments in the same order (ledger_fail passes one argument list to
 * whichever is rendered, so a %s in one language where the other has %d
 * would read the wrong argument).  And the handle's language: open's own
 * failures in the language asked for, Danish unless told.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rfy/ledger.h>
#include <rfy/status.h>
#include "check_run.h"
#include "format_kinds.h"
#include "ledger_internal.h"

START_TEST(argument_kinds_reads_formats)
{
    char k[32];
    /* the reader itself: a test of the table is only as good as it */
    ck_assert_int_eq(format_argument_kinds("ledger %s: mode %03o, %lu, %lld, %.*s, 100%%", k, sizeof k), 0);
    ck_assert_str_eq(k, "siuluLdis");
    ck_assert_int_eq(format_argument_kinds("%.40s %d", k, sizeof k), 0);
    ck_assert_str_eq(k, "sid");
    ck_assert_int_eq(format_argument_kinds("%n", k, sizeof k), -1);
}
END_TEST

START_TEST(every_message_in_both_languages)
{
    for (int id = 0; id < LM_COUNT; id++) {
        const char *da = ledger_message_format((ledger_message)id, RFY_LANG_DA);
        const char *en = ledger_message_format((ledger_message)id, RFY_LANG_EN);
        ck_format_pair(id, da, en);
    }
    ck_assert_ptr_null(ledger_message_format(LM_COUNT, RFY_LANG_DA));
}
END_TEST

START_TEST(danish_words_in_the_danish_texts)
{
    /* a few the brief's CLI examples show: the way out verbatim in both */
    ck_assert_ptr_nonnull(strstr(ledger_message_format(LM_MODE, RFY_LANG_DA), "chmod 600 %s"));
    ck_assert_ptr_nonnull(strstr(ledger_message_format(LM_MODE, RFY_LANG_EN), "chmod 600 %s"));
    ck_assert_ptr_nonnull(strstr(ledger_message_format(LM_IN_USE, RFY_LANG_DA), "kør igen"));
    ck_assert_ptr_nonnull(strstr(ledger_message_format(LM_RUN_NONE, RFY_LANG_DA), "rfy ledger runs"));
}
END_TEST

/* A file that is not a ledger (text, mode 0600) at *path; the directory in dir. */
static void not_a_ledger(char dir[64], char path[96])
{
    FILE *f;
    snprintf(dir, 64, "/tmp/rfy-ledger-msg.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, 96, "%s/text.db", dir);
    ck_assert_ptr_nonnull(f = fopen(path, "w"));
    fputs("not a database, just text\n", f);
    fclose(f);
    chmod(path, 0600);
}

START_TEST(open_says_it_in_the_language_asked)
{
    char dir[64], path[96], want[160];
    rfy_ledger *lg = NULL;
    char *err = NULL;
    not_a_ledger(dir, path);
    ck_assert_int_eq(rfy_ledger_open(&lg, path, 1, &err), RFY_EIO);
    ck_assert_ptr_null(lg);
    snprintf(want, sizeof want, "%s er ikke en ledger (ikke en SQLite-database)", path);
    ck_assert_msg(err && strncmp(err, want, strlen(want)) == 0, "%s", err ? err : "(none)");
    free(err);
    err = NULL;
    ck_assert_int_eq(rfy_ledger_open_lang(&lg, path, 1, RFY_LANG_EN, &err), RFY_EIO);
    snprintf(want, sizeof want, "%s is not a ledger (not an SQLite database)", path);
    ck_assert_msg(err && strncmp(err, want, strlen(want)) == 0, "%s", err ? err : "(none)");
    free(err);
    err = NULL;
    /* group-writable: refused, in the language asked */
    chmod(path, 0664);
    ck_assert_int_eq(rfy_ledger_open_lang(&lg, path, 0, RFY_LANG_EN, &err), RFY_EIO);
    snprintf(want, sizeof want, "ledger %s: others may write it (mode 664)", path);
    ck_assert_msg(err && strncmp(err, want, strlen(want)) == 0, "%s", err ? err : "(none)");
    free(err);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(set_lang_changes_later_messages)
{
    char dir[64], path[96], want[160];
    rfy_ledger *lg = NULL;
    char *err = NULL;
    snprintf(dir, sizeof dir, "/tmp/rfy-ledger-msg.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/l.db", dir);
    ck_assert_int_eq(rfy_ledger_open(&lg, path, 0, &err), RFY_EIO); /* read-only: must exist */
    free(err);
    err = NULL;
    ck_assert_int_eq(rfy_ledger_open(&lg, path, 1, &err), RFY_OK);
    /* no run begun: commit says so, Danish by default, English once told */
    ck_assert_int_eq(rfy_ledger_commit(lg, NULL, NULL, &err), RFY_EIO);
    snprintf(want, sizeof want, "ledgeren %s: ingen kørsel at gemme", path);
    ck_assert_str_eq(err, want);
    ck_assert_str_eq(rfy_ledger_error(lg), want);
    free(err);
    err = NULL;
    rfy_ledger_set_lang(lg, RFY_LANG_EN);
    ck_assert_int_eq(rfy_ledger_commit(lg, NULL, NULL, &err), RFY_EIO);
    snprintf(want, sizeof want, "ledger %s: no run to commit", path);
    ck_assert_str_eq(err, want);
    free(err);
    rfy_ledger_set_lang(NULL, RFY_LANG_EN); /* NULL is fine */
    rfy_ledger_close(lg);
    unlink(path);
    snprintf(want, sizeof want, "%s-wal", path);
    unlink(want);
    snprintf(want, sizeof want, "%s-shm", path);
    unlink(want);
    rmdir(dir);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ledger_messages");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, argument_kinds_reads_formats);
    tcase_add_test(tc, every_message_in_both_languages);
    tcase_add_test(tc, danish_words_in_the_danish_texts);
    suite_add_tcase(s, tc);
    tc = tcase_create("language");
    tcase_add_test(tc, open_says_it_in_the_language_asked);
    tcase_add_test(tc, set_lang_changes_later_messages);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
