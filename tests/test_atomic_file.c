/*
 * Output files that appear whole or not at all (cli/atomic_file.h): no name
 * before the commit, a group committed together or removed together, named
 * temporaries removed by a signal and by the next run, and which paths get
 * side files.  Each test works in its own fresh directory under /tmp.
 */
#define _GNU_SOURCE
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atomic_cleanup.h"
#include "atomic_file.h"
#include "check_run.h"
#include <rfy/rfy.h>

static char dir[64];
static char p_out[128], p_rej[128];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/rfy-atomic-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(p_out, sizeof p_out, "%s/out.csv", dir);
    snprintf(p_rej, sizeof p_rej, "%s/out.rejects.csv", dir);
    unsetenv("RFY_ATOMIC_NAMED");
}

static void teardown(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[512];
    while (d && (e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
    if (d)
        closedir(d);
    rmdir(dir);
}

/* Entries of the test directory other than . and .. */
static int entries(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

/* The whole content of a small file. */
static const char *content(const char *path)
{
    static char buf[256];
    FILE *fp = fopen(path, "r");
    size_t n;
    ck_assert_ptr_nonnull(fp);
    n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

static void put(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
}

/* An unnamed temporary has no name at all until the commit. */
START_TEST(unnamed_until_committed)
{
    atomic_file f;
    char *msg = NULL;
    ck_assert_int_eq(atomic_file_open(&f, p_out, &msg), RFY_OK);
    ck_assert_int_eq(f.kind, ATOMIC_UNNAMED); /* ext4 and tmpfs both have O_TMPFILE */
    fputs("a,b\n", f.fp);
    ck_assert_int_eq(entries(), 0);
    ck_assert_int_eq(atomic_file_finish(&f, &msg), RFY_OK);
    ck_assert_int_eq(entries(), 0);
    /* printf 'a,b\n' | sha256sum */
    ck_assert_str_eq(atomic_file_sha256(&f),
                     "5be08c9684a1d25efcee09318204824278b08bbfb4aef973ffefd0b9d7478313");
    ck_assert_int_eq(atomic_file_rename(&f, &msg), RFY_OK);
    atomic_file_close(&f);
    ck_assert_int_eq(entries(), 1);
    ck_assert_str_eq(content(p_out), "a,b\n");
}
END_TEST

/* Replacing a file: the new content, the old file's mode, nothing else left. */
START_TEST(replaces_keeping_mode)
{
    atomic_file f;
    char *msg = NULL;
    struct stat st;
    put(p_out, "old\n");
    ck_assert_int_eq(chmod(p_out, 0640), 0);
    ck_assert_int_eq(atomic_file_open(&f, p_out, &msg), RFY_OK);
    fputs("new\n", f.fp);
    ck_assert_int_eq(atomic_file_finish(&f, &msg), RFY_OK);
    ck_assert_str_eq(content(p_out), "old\n"); /* untouched until the commit */
    ck_assert_int_eq(atomic_file_rename(&f, &msg), RFY_OK);
    atomic_file_close(&f);
    ck_assert_str_eq(content(p_out), "new\n");
    ck_assert_int_eq(stat(p_out, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0640);
    ck_assert_int_eq(entries(), 1); /* the instant link name is gone */
}
END_TEST

/* A group: committed together; aborted after a commit, removed together. */
static void group(int named)
{
    atomic_file a, b;
    atomic_file *all[] = {&a, &b};
    char *msg = NULL;
    if (named)
        setenv("RFY_ATOMIC_NAMED", "1", 1);
    ck_assert_int_eq(atomic_file_open(&a, p_out, &msg), RFY_OK);
    ck_assert_int_eq(atomic_file_open(&b, p_rej, &msg), RFY_OK);
    ck_assert_int_eq(a.kind, named ? ATOMIC_NAMED : ATOMIC_UNNAMED);
    fputs("out\n", a.fp);
    fputs("rej\n", b.fp);
    ck_assert_int_eq(entries(), named ? 2 : 0);
    ck_assert_int_eq(atomic_file_finish(&a, &msg), RFY_OK);
    ck_assert_int_eq(atomic_file_finish(&b, &msg), RFY_OK);
    ck_assert_int_eq(atomic_file_commit_all(all, 2, &msg), RFY_OK);
    ck_assert_int_eq(entries(), 2);
    ck_assert_str_eq(content(p_out), "out\n");
    ck_assert_str_eq(content(p_rej), "rej\n");
    /* a later step failed (say the receipt): abort all removes both */
    atomic_file_abort(&a);
    atomic_file_abort(&b);
    atomic_file_abort(&b); /* twice is harmless */
    ck_assert_int_eq(entries(), 0);
}

START_TEST(group_unnamed)
{
    group(0);
}
END_TEST

START_TEST(group_named)
{
    group(1);
}
END_TEST

/* Aborting before the commit leaves nothing, and an existing file as it was. */
START_TEST(abort_keeps_old_file)
{
    atomic_file f;
    char *msg = NULL;
    setenv("RFY_ATOMIC_NAMED", "1", 1);
    put(p_out, "old\n");
    ck_assert_int_eq(atomic_file_open(&f, p_out, &msg), RFY_OK);
    fputs("new\n", f.fp);
    ck_assert_int_eq(entries(), 2); /* out.csv and its temporary */
    atomic_file_abort(&f);
    ck_assert_int_eq(entries(), 1);
    ck_assert_str_eq(content(p_out), "old\n");
}
END_TEST

/* The next run removes what a dead writer left, and only that. */
START_TEST(next_run_removes_stale)
{
    atomic_file f;
    char *msg = NULL, dead[160], live[160], other[160], mine[160];
    int status;
    pid_t gone = fork();
    ck_assert_int_ge(gone, 0);
    if (gone == 0)
        _exit(0);
    ck_assert_int_eq(waitpid(gone, &status, 0), gone); /* reaped: that PID is free now */
    snprintf(dead, sizeof dead, "%s/out.csv.rfy-tmp-%ld-Ab3dE9", dir, (long)gone);
    snprintf(live, sizeof live, "%s/out.csv.rfy-tmp-1-Ab3dE9", dir); /* init lives */
    snprintf(other, sizeof other, "%s/out.csv.rfy-tmp-%ld-Ab3dE9x", dir, (long)gone);
    snprintf(mine, sizeof mine, "%s/in.csv.rfy-tmp-%ld-Ab3dE9", dir, (long)gone);
    put(dead, "half\n");
    put(live, "half\n");
    put(other, "not ours: 7 characters after the PID\n");
    put(mine, "another path's temporary\n");
    ck_assert_int_eq(atomic_file_open(&f, p_out, &msg), RFY_OK);
    ck_assert_int_eq(access(dead, F_OK), -1);
    ck_assert_int_eq(access(live, F_OK), 0);
    ck_assert_int_eq(access(other, F_OK), 0);
    ck_assert_int_eq(access(mine, F_OK), 0);
    atomic_file_abort(&f);
}
END_TEST

START_TEST(temporary_names)
{
    long pid = 0;
    ck_assert(atomic_cleanup_is_temporary("out.csv.rfy-tmp-123-aZ09xy", "out.csv", &pid));
    ck_assert_int_eq(pid, 123);
    ck_assert(!atomic_cleanup_is_temporary("out.csv.rfy-tmp-123-aZ09x", "out.csv", &pid));
    ck_assert(!atomic_cleanup_is_temporary("out.csv.rfy-tmp--aZ09xy", "out.csv", &pid));
    ck_assert(!atomic_cleanup_is_temporary("out.csv.rfy-tmp-12a-aZ09xy", "out.csv", &pid));
    ck_assert(!atomic_cleanup_is_temporary("xout.csv.rfy-tmp-123-aZ09xy", "out.csv", &pid));
    ck_assert(!atomic_cleanup_is_temporary("out.csv.XXXXXX", "out.csv", &pid));
}
END_TEST

/* Standard output, devices, FIFOs and /proc names are written directly and
 * get no side files; a file in /dev gets none either, one in /dev/shm does. */
START_TEST(special_paths)
{
    char fifo[160];
    snprintf(fifo, sizeof fifo, "%s/p", dir);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    ck_assert(atomic_path_is_special("-"));
    ck_assert(atomic_path_is_special("/dev/null"));
    ck_assert(atomic_path_is_special("/dev/stdout"));
    ck_assert(atomic_path_is_special("/dev/fd/1"));
    ck_assert(atomic_path_is_special(fifo));
    ck_assert(atomic_path_is_special(dir)); /* a directory */
    ck_assert(!atomic_path_is_special(p_out)); /* does not exist yet */
    put(p_out, "x\n");
    ck_assert(!atomic_path_is_special(p_out));
    ck_assert(!atomic_path_allows_side_files("/dev/null"));
    ck_assert(!atomic_path_allows_side_files(fifo));
    ck_assert(!atomic_path_allows_side_files("/dev/new.csv"));
    ck_assert(atomic_path_allows_side_files(p_out));
    ck_assert(atomic_path_allows_side_files("/dev/shm/out.csv"));
}
END_TEST

/* A direct output: written at once, nothing to commit, no hash. */
START_TEST(direct_fifo)
{
    atomic_file f;
    char *msg = NULL, fifo[160], buf[16] = "";
    int rfd;
    ssize_t n;
    snprintf(fifo, sizeof fifo, "%s/p", dir);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    rfd = open(fifo, O_RDONLY | O_NONBLOCK); /* a reader, so that opening for writing does not wait */
    ck_assert_int_ge(rfd, 0);
    ck_assert_int_eq(atomic_file_open(&f, fifo, &msg), RFY_OK);
    ck_assert_int_eq(f.kind, ATOMIC_DIRECT);
    fputs("row\n", f.fp);
    ck_assert_int_eq(atomic_file_finish(&f, &msg), RFY_OK);
    ck_assert_int_eq(atomic_file_rename(&f, &msg), RFY_OK);
    ck_assert_ptr_null(atomic_file_sha256(&f));
    atomic_file_close(&f);
    n = read(rfd, buf, sizeof buf - 1);
    ck_assert_int_eq(n, 4);
    ck_assert_str_eq(buf, "row\n");
    close(rfd);
    ck_assert_int_eq(entries(), 1); /* the FIFO alone */
}
END_TEST

/* SIGTERM while a named temporary is written: removed, and the process ends
 * by the signal (a shell shows 128 + 15 = 143). */
START_TEST(signal_removes_named)
{
    int status, fds[2];
    char c;
    pid_t pid;
    ck_assert_int_eq(pipe(fds), 0);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        atomic_file f, g;
        char *msg = NULL;
        setenv("RFY_ATOMIC_NAMED", "1", 1);
        if (atomic_file_open(&f, p_out, &msg) != RFY_OK ||
            atomic_file_open(&g, p_rej, &msg) != RFY_OK)
            _exit(10);
        fputs("case_id,month\n", f.fp);
        fflush(f.fp);
        if (write(fds[1], "r", 1) != 1) /* ready: two temporaries exist */
            _exit(11);
        for (;;)
            pause();
    }
    close(fds[1]);
    ck_assert_int_eq(read(fds[0], &c, 1), 1);
    ck_assert_int_eq(entries(), 2);
    ck_assert_int_eq(kill(pid, SIGTERM), 0);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFSIGNALED(status));
    ck_assert_int_eq(WTERMSIG(status), SIGTERM);
    ck_assert_int_eq(entries(), 0);
    close(fds[0]);
}
END_TEST

/* A signal during a commit waits for it: the group is complete, then the
 * process ends by the signal. */
START_TEST(signal_waits_for_commit)
{
    int status;
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        atomic_file f;
        char *msg = NULL;
        if (atomic_file_open(&f, p_out, &msg) != RFY_OK)
            _exit(10);
        fputs("whole\n", f.fp);
        if (atomic_file_finish(&f, &msg) != RFY_OK)
            _exit(11);
        atomic_cleanup_commit_begin();
        raise(SIGINT); /* noted, not acted on */
        if (atomic_file_rename(&f, &msg) != RFY_OK) /* (its own begin/end: ends here) */
            _exit(12);
        _exit(13); /* not reached */
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFSIGNALED(status));
    ck_assert_int_eq(WTERMSIG(status), SIGINT);
    ck_assert_str_eq(content(p_out), "whole\n");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("atomic_file");
    TCase *t = tcase_create("atomic_file");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, unnamed_until_committed);
    tcase_add_test(t, replaces_keeping_mode);
    tcase_add_test(t, group_unnamed);
    tcase_add_test(t, group_named);
    tcase_add_test(t, abort_keeps_old_file);
    tcase_add_test(t, next_run_removes_stale);
    tcase_add_test(t, temporary_names);
    tcase_add_test(t, special_paths);
    tcase_add_test(t, direct_fifo);
    tcase_add_test(t, signal_removes_named);
    tcase_add_test(t, signal_waits_for_commit);
    suite_add_tcase(s, t);
    return rfy_check_run(s);
}
