/*
 * Out of memory in GMP (include/rfy/oom.h, calc/base/oom.c, cli/oom_exit.c).  Every case runs the
 * dying code in a child process of its own (fork) and checks from the parent
 * what interface.md promises: exit code 2, the one-line message on stderr,
 * and that the registered cleanups ran (a temporary file is gone).
 */
#include <check.h>
#include <fcntl.h>
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "oom_exit.h"
#include "oom_internal.h" /* rfy__oom_fail_after: the test hook, internal to librfy */
#include <rfy/status.h>
#include "check_run.h"

/* Under AddressSanitizer malloc never returns NULL for lack of address space
 * (ASan reports and aborts instead), so the RLIMIT_AS case runs only in a
 * build without it. */
#if defined(__SANITIZE_ADDRESS__)
#define RFY_HAVE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RFY_HAVE_ASAN 1
#endif
#endif

/* Paths shared between parent and child (set before fork). */
static char err_path[64];      /* the child's stderr */
static char marker_path[64];   /* a "temporary output file" the cleanup removes */
static char progress_path[64]; /* the child appends one byte per step it survives */

static void make_temp(char *path, size_t size, const char *stem)
{
    int fd;
    snprintf(path, size, "/tmp/rfy-oom-%s-XXXXXX", stem);
    fd = mkstemp(path);
    ck_assert_msg(fd >= 0, "mkstemp %s", path);
    close(fd);
}

static void setup(void)
{
    make_temp(err_path, sizeof err_path, "err");
    make_temp(marker_path, sizeof marker_path, "marker");
    make_temp(progress_path, sizeof progress_path, "progress");
}

static void teardown(void)
{
    unlink(err_path);
    unlink(marker_path);
    unlink(progress_path);
}

/* Append one byte to a file with plain system calls (no allocation). */
static void append_byte(const char *path, char byte)
{
    int fd = open(path, O_WRONLY | O_APPEND);
    if (fd >= 0) {
        if (write(fd, &byte, 1) != 1) {
            /* nothing to do: the parent sees the byte missing */
        }
        close(fd);
    }
}

/* Cleanup handlers as a CLI would register them. */
static void remove_marker(void)
{
    unlink(marker_path);
}
static void note_a(void)
{
    append_byte(progress_path, 'A');
}
static void note_b(void)
{
    append_byte(progress_path, 'B');
}

/* Run `body` in a child whose stderr goes to err_path; return its wait status. */
static int run_child(void (*body)(void))
{
    int status = 0;
    pid_t pid;
    fflush(NULL);
    pid = fork();
    ck_assert_msg(pid >= 0, "fork failed");
    if (pid == 0) {
        int fd = open(err_path, O_WRONLY | O_TRUNC);
        if (fd < 0 || dup2(fd, 2) < 0)
            _Exit(100);
        close(fd);
        body();
        _Exit(0); /* body returned: it did not die, which the parent reports */
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    return status;
}

/* Whole contents of a small file, NUL-terminated, into buf. */
static const char *slurp(const char *path, char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0;
    buf[0] = '\0';
    if (f) {
        n = fread(buf, 1, size - 1, f);
        fclose(f);
    }
    buf[n] = '\0';
    return buf;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void ck_died_of_oom(int status)
{
    char err[256];
    ck_assert_msg(WIFEXITED(status), "child did not exit normally (signal %d)",
                  WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    ck_assert_int_eq(WEXITSTATUS(status), RFY_OOM_EXIT);
    ck_assert_str_eq(slurp(err_path, err, sizeof err), "rfy: ikke nok hukommelse (GMP)\n");
}

/* ---- the test hook ---------------------------------------------------------- */

/* mpz_init2 allocates its limbs with exactly one call to GMP's allocator, so
 * with a budget of 3 the child survives 3 of them and dies in the 4th. */
static void body_fail_after_three(void)
{
    mpz_t z[6];
    int i;
    ck_assert_int_eq(cli_on_fatal(remove_marker), RFY_OK);
    cli_install_oom_exit();
    rfy__oom_fail_after(3);
    for (i = 0; i < 6; i++) {
        mpz_init2(z[i], 1024);
        append_byte(progress_path, '.');
    }
}

START_TEST(hook_fails_the_allocation_after_n)
{
    char progress[16];
    int status = run_child(body_fail_after_three);
    ck_died_of_oom(status);
    /* three allocations survived, the fourth ended the process */
    ck_assert_str_eq(slurp(progress_path, progress, sizeof progress), "...");
    ck_assert_msg(!exists(marker_path), "the cleanup handler did not remove %s", marker_path);
}
END_TEST

/* A failing realloc (a growing number) ends the process the same way. */
static void body_fail_in_realloc(void)
{
    mpz_t x;
    int i;
    ck_assert_int_eq(cli_on_fatal(remove_marker), RFY_OK);
    cli_install_oom_exit();
    mpz_init2(x, 64);
    mpz_set_ui(x, 1);
    rfy__oom_fail_after(0);
    for (i = 0; i < 64; i++) {
        mpz_mul_2exp(x, x, 4096); /* needs more limbs: realloc */
        append_byte(progress_path, '.');
    }
}

START_TEST(realloc_failure_exits_2)
{
    char progress[80];
    ck_died_of_oom(run_child(body_fail_in_realloc));
    ck_assert_str_eq(slurp(progress_path, progress, sizeof progress), "");
    ck_assert(!exists(marker_path));
}
END_TEST

/* Handlers run last registered first, each once; a removed one does not run. */
static void body_order(void)
{
    mpz_t x;
    cli_install_oom_exit();
    ck_assert_int_eq(cli_on_fatal(note_a), RFY_OK);
    ck_assert_int_eq(cli_on_fatal(remove_marker), RFY_OK);
    ck_assert_int_eq(cli_on_fatal(note_b), RFY_OK);
    ck_assert_int_eq(cli_on_fatal_remove(remove_marker), RFY_OK);
    rfy__oom_fail_after(0);
    mpz_init2(x, 4096);
}

START_TEST(handlers_run_in_reverse_order_once)
{
    char progress[16];
    ck_died_of_oom(run_child(body_order));
    ck_assert_str_eq(slurp(progress_path, progress, sizeof progress), "BA");
    ck_assert_msg(exists(marker_path), "a removed handler ran");
}
END_TEST

/* With the hook off nothing fails: a 2^20-bit number is built, printed and
 * freed with plain free() (the allocators are malloc-compatible, as the
 * header promises), and the child exits 0. */
static void body_no_failure(void)
{
    mpz_t x;
    char *s;
    cli_install_oom_exit();
    rfy__oom_fail_after(-1);
    mpz_init(x);
    mpz_setbit(x, 1UL << 20);
    mpz_sub_ui(x, x, 1);
    /* 2^20 bits of ones is 2^20 / 4 = 262144 hex digits 'f' */
    s = mpz_get_str(NULL, 16, x);
    if (strlen(s) != 262144 || strspn(s, "f") != 262144)
        _Exit(3);
    free(s);
    mpz_clear(x);
}

START_TEST(no_failure_without_the_hook)
{
    char err[64];
    int status = run_child(body_no_failure);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    ck_assert_str_eq(slurp(err_path, err, sizeof err), "");
    ck_assert(exists(marker_path));
}
END_TEST

/* ---- registration limits ---------------------------------------------------- */

static void h0(void) {}
static void h1(void) {}
static void h2(void) {}
static void h3(void) {}
static void h4(void) {}
static void h5(void) {}
static void h6(void) {}
static void h7(void) {}
static void h8(void) {}

START_TEST(at_most_eight_handlers)
{
    void (*const hs[9])(void) = {h0, h1, h2, h3, h4, h5, h6, h7, h8};
    int i;
    ck_assert_int_eq(cli_on_fatal(NULL), RFY_EINPUT);
    for (i = 0; i < RFY_FATAL_MAX_HANDLERS; i++)
        ck_assert_int_eq(cli_on_fatal(hs[i]), RFY_OK);
    ck_assert_int_eq(cli_on_fatal(hs[8]), RFY_EINPUT); /* the ninth */
    ck_assert_int_eq(cli_on_fatal_remove(hs[8]), RFY_EINPUT); /* never registered */
    ck_assert_int_eq(cli_on_fatal_remove(hs[3]), RFY_OK);
    ck_assert_int_eq(cli_on_fatal_remove(hs[3]), RFY_EINPUT); /* already gone */
    ck_assert_int_eq(cli_on_fatal(hs[8]), RFY_OK); /* room again */
    for (i = 0; i < 9; i++)
        if (i != 3)
            ck_assert_int_eq(cli_on_fatal_remove(hs[i]), RFY_OK);
}
END_TEST

/* ---- a real allocation failure ------------------------------------------------ */

#ifndef RFY_HAVE_ASAN
/* 256 MiB of address space, then a number of 2^33 bits (1 GiB): malloc
 * really returns NULL and the installed allocator turns it into exit 2. */
static void body_rlimit(void)
{
    struct rlimit lim = {256UL << 20, 256UL << 20};
    mpz_t x;
    ck_assert_int_eq(cli_on_fatal(remove_marker), RFY_OK);
    cli_install_oom_exit();
    if (setrlimit(RLIMIT_AS, &lim) != 0)
        _Exit(101);
    mpz_init(x);
    mpz_setbit(x, 1UL << 33);
    append_byte(progress_path, '!'); /* not reached */
}

START_TEST(real_failure_under_rlimit_as)
{
    char progress[8];
    /* valgrind manages the address space itself: scripts/valgrind.sh sets
     * RFY_VALGRIND so that this case is left to the plain run. */
    if (getenv("RFY_VALGRIND"))
        return;
    ck_died_of_oom(run_child(body_rlimit));
    ck_assert_str_eq(slurp(progress_path, progress, sizeof progress), "");
    ck_assert(!exists(marker_path));
}
END_TEST
#endif

static Suite *suite(void)
{
    Suite *s = suite_create("oom");
    TCase *t = tcase_create("gmp");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, hook_fails_the_allocation_after_n);
    tcase_add_test(t, realloc_failure_exits_2);
    tcase_add_test(t, handlers_run_in_reverse_order_once);
    tcase_add_test(t, no_failure_without_the_hook);
    tcase_add_test(t, at_most_eight_handlers);
#ifndef RFY_HAVE_ASAN
    tcase_add_test(t, real_failure_under_rlimit_as);
#endif
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
