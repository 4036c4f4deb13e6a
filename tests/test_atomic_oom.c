/*
 * A run ended by a failed GMP allocation leaves no temporary output file
 * (cli/atomic_file.c registers its live temporaries with cli_on_fatal, and
 * rfy's main() installs its out-of-memory policy, cli/oom_exit.h).  The failure is made
 * deterministic with the test hook rfy__oom_fail_after() (calc/base/oom_internal.h).
 */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atomic_file.h"
#include "check_run.h"
#include <rfy/rfy.h>
#include "oom_exit.h"
#include "oom_internal.h" /* rfy__oom_fail_after: the test hook, internal to librfy */

static char dir[] = "/tmp/rfy-oom-XXXXXX";

/* Number of directory entries other than . and .. */
static int entries(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int n = 0;
    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

START_TEST(oom_removes_live_temporaries)
{
    char out[64], errpath[80];
    int status;
    pid_t pid;
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(out, sizeof out, "%s/out.csv", dir);
    snprintf(errpath, sizeof errpath, "%s.stderr", dir);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        atomic_file f, g;
        char *msg = NULL;
        mpz_t big;
        int fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(fd, 2);
        cli_install_oom_exit();
        setenv("RFY_ATOMIC_NAMED", "1", 1); /* named temporaries: unnamed ones need no cleanup */
        if (atomic_file_open(&f, out, &msg) != RFY_OK || atomic_file_open(&g, out, &msg) != RFY_OK)
            _exit(10);
        fputs("case_id,month\n", f.fp);
        /* two temporaries exist now (out.csv.rfy-tmp-PID-XXXXXX twice) */
        if (entries(dir) != 2)
            _exit(11);
        rfy__oom_fail_after(0); /* the next GMP allocation fails */
        mpz_init(big);
        mpz_ui_pow_ui(big, 10, 100000); /* needs memory: ends the process */
        _exit(12);                      /* not reached */
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), RFY_OOM_EXIT); /* 2 */
    ck_assert_int_eq(entries(dir), 0); /* both temporaries removed, no out.csv */
    {
        char buf[256] = "";
        FILE *e = fopen(errpath, "r");
        ck_assert_ptr_nonnull(e);
        ck_assert_ptr_nonnull(fgets(buf, sizeof buf, e));
        fclose(e);
        ck_assert_str_eq(buf, "rfy: ikke nok hukommelse (GMP)\n");
    }
    unlink(errpath);
    rmdir(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("atomic_oom");
    TCase *t = tcase_create("oom");
    tcase_add_test(t, oom_removes_live_temporaries);
    suite_add_tcase(s, t);
    return rfy_check_run(s);
}
