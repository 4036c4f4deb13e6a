/*
 * The external sort of input rows (calc/run/row_sort.h): order by case_id
 * bytewise, then month, then input line; spilling to temporary files that
 * never have a name on disk; the same rows out as in.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "row_sort.h"
#include "check_run.h"

#define N 60000

typedef struct seen {
    unsigned long n, bad;
    casemonth_key_copy prev;
    unsigned long prev_line;
    unsigned long sum_lines;
} seen;

static int on_row(void *user, const rfy_csv_record *rec, const casemonth_key *key,
                  unsigned long number)
{
    seen *s = user;
    char want[64];
    if (s->prev.set) {
        int c = casemonth_key_cmp(&s->prev.key, key);
        if (c > 0 || (c == 0 && s->prev_line >= rec->line))
            s->bad++;
    }
    casemonth_key_keep(&s->prev, key);
    s->prev_line = rec->line;
    /* the fields come back as they went in: field 2 is "payload-LINE" */
    snprintf(want, sizeof want, "payload-%lu", rec->line);
    if (rec->nfields != 3 || strcmp(rec->field[2], want) != 0 || rec->len[2] != strlen(want) ||
        number + 1 != rec->line)
        s->bad++;
    s->n++;
    s->sum_lines += rec->line;
    return 0;
}

/* Entries in dir other than . and .. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

START_TEST(spills_and_merges_in_order)
{
    char dir[] = "/tmp/rfy-test-sort.XXXXXX";
    row_sort *s;
    seen got;
    char *msg = NULL, id[32], month[8], payload[32];
    unsigned long i, sum = 0;
    rfy_csv_record rec;
    case_binding b;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    setenv("TMPDIR", dir, 1);
    memset(&got, 0, sizeof got);
    memset(&b, 0, sizeof b);
    for (i = 0; i < CASE_COL_COUNT; i++)
        b.field[i] = -1;
    b.field[CASE_COL_CASE_ID] = 0;
    b.field[CASE_COL_MONTH] = 1;
    b.nfields = 3;
    s = row_sort_new(0); /* the smallest buffer, 2 MiB: this input spills */
    ck_assert_ptr_nonnull(s);
    for (i = 0; i < N; i++) {
        casemonth_key k;
        /* 997 case_ids in a scrambled order, months 2013-01..2024-12 */
        snprintf(id, sizeof id, "K%04lu", (i * 7919) % 997);
        snprintf(month, sizeof month, "%04lu-%02lu", 2013 + (i * 31) % 12, 1 + (i * 17) % 12);
        snprintf(payload, sizeof payload, "payload-%lu", i + 2);
        rec.line = i + 2;
        rec.index = i + 2;
        rec.nfields = 3;
        rec.field[0] = id;
        rec.len[0] = strlen(id);
        rec.field[1] = month;
        rec.len[1] = strlen(month);
        rec.field[2] = payload;
        rec.len[2] = strlen(payload);
        ck_assert_int_eq(casemonth_key_of(&k, &b, &rec), 0);
        ck_assert_int_eq(row_sort_add(s, &k, &rec, i + 1, &msg), RFY_OK);
        sum += i + 2;
    }
    ck_assert_uint_gt(row_sort_runs(s), 1);
    /* The runs are open but have no name: nothing to clean up on any exit. */
    ck_assert_int_eq(entries(dir), 0);
    ck_assert_int_eq(row_sort_finish(s, on_row, &got, &msg), RFY_OK);
    ck_assert_uint_eq(got.n, N);
    ck_assert_uint_eq(got.bad, 0);
    ck_assert_uint_eq(got.sum_lines, sum);
    row_sort_free(s);
    ck_assert_int_eq(entries(dir), 0);
    rmdir(dir);
    free(msg);
}
END_TEST

START_TEST(key_order_is_bytewise_then_month)
{
    casemonth_key a = {"AB", 2, RFY_MONTH(2024, 1)}, b = {"AB", 2, RFY_MONTH(2023, 12)};
    casemonth_key c = {"A", 1, RFY_MONTH(2030, 1)}, d = {"a", 1, RFY_MONTH(2013, 1)};
    ck_assert_int_gt(casemonth_key_cmp(&a, &b), 0); /* same case: by month */
    ck_assert_int_lt(casemonth_key_cmp(&c, &a), 0); /* "A" < "AB": a prefix first */
    ck_assert_int_lt(casemonth_key_cmp(&a, &d), 0); /* 'A' (0x41) < 'a' (0x61) */
    ck_assert_int_eq(casemonth_key_cmp(&a, &a), 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("row_sort");
    TCase *t = tcase_create("external sort");
    tcase_add_test(t, spills_and_merges_in_order);
    tcase_add_test(t, key_order_is_bytewise_then_month);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
