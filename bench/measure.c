/*
 * rfy_bench_measure: run a command and report its wall-clock time and peak
 * resident memory, for bench/run.sh.
 *
 *   rfy_bench_measure COMMAND [ARG...]
 *
 * Prints one line on standard error after the command ends:
 *   measure: elapsed_us=N maxrss_kib=N status=N
 * (elapsed from CLOCK_MONOTONIC, peak RSS from wait4()'s rusage of the child
 * alone).  Exits with the command's exit status, or 127 if it could not run.
 * Integers only: the script does the divisions.
 */
#define _DEFAULT_SOURCE /* wait4() */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct timespec t0, t1;
    struct rusage ru;
    pid_t pid;
    int status = 0, code;
    long long us;

    if (argc < 2) {
        fprintf(stderr, "usage: rfy_bench_measure COMMAND [ARG...]\n");
        return 127;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "rfy_bench_measure: fork: %s\n", strerror(errno));
        return 127;
    }
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        fprintf(stderr, "rfy_bench_measure: cannot run %s: %s\n", argv[1], strerror(errno));
        _exit(127);
    }
    while (wait4(pid, &status, 0, &ru) < 0)
        if (errno != EINTR) {
            fprintf(stderr, "rfy_bench_measure: wait4: %s\n", strerror(errno));
            return 127;
        }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    us = (long long)(t1.tv_sec - t0.tv_sec) * 1000000LL + (t1.tv_nsec - t0.tv_nsec) / 1000;
    code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    fprintf(stderr, "measure: elapsed_us=%lld maxrss_kib=%ld status=%d\n", us, ru.ru_maxrss, code);
    return code;
}
