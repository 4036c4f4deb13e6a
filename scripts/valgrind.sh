#!/usr/bin/env bash
# Run every Check test program (tests/test_*.c) of a build WITHOUT
# sanitizers under valgrind's memcheck (docs/robustness.md).
#
#   scripts/valgrind.sh [BUILD_DIR] [TEST_NAME...]
#
# BUILD_DIR defaults to build-valgrind in the source tree; it is configured
# (-DRFY_SANITIZE=OFF) and built first.  A definite or indirect leak, an
# invalid read or write, or a use of uninitialised memory in any test, in the
# program or in one of Check's forked test processes, fails that test
# (--error-exitcode=1).  Memory still reachable at exit (GMP's and OpenSSL's
# process-wide state, tables a program keeps for its lifetime) is not an
# error.  Shell tests are not run here: they exercise the CLI, which the
# sanitizer build covers.
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$SRC/build-valgrind}
[[ $# -gt 0 ]] && shift
command -v valgrind >/dev/null || { echo "scripts/valgrind.sh: valgrind not found (apt-get install valgrind)" >&2; exit 2; }

# ASan and valgrind cannot share a process: refuse a sanitized build dir.
if [[ -f "$BUILD/CMakeCache.txt" ]] && grep -q '^RFY_SANITIZE:BOOL=ON' "$BUILD/CMakeCache.txt"; then
    echo "scripts/valgrind.sh: $BUILD is a sanitizer build; use a build without -DRFY_SANITIZE=ON" >&2
    exit 2
fi
cmake -S "$SRC" -B "$BUILD" -DRFY_SANITIZE=OFF >/dev/null
cmake --build "$BUILD" -j2 >/dev/null

if [[ $# -gt 0 ]]; then
    tests=("$@")
else
    tests=()
    for src in "$SRC"/tests/test_*.c; do
        tests+=("$(basename "${src%.c}")")
    done
fi

mkdir -p "$BUILD/valgrind"
# RFY_VALGRIND: tests/test_oom.c leaves its RLIMIT_AS case to the plain run
# (valgrind manages the address space itself).  CK_DEFAULT_TIMEOUT: memcheck
# runs programs 20-50 times slower.
export RFY_VALGRIND=1 CK_DEFAULT_TIMEOUT=900
passed=0 failed=0
for t in "${tests[@]}"; do
    log="$BUILD/valgrind/$t.log"
    if valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect --error-exitcode=1 --track-origins=yes \
        --log-file="$log.%p" "$BUILD/$t" >"$log" 2>&1; then
        passed=$((passed + 1))
        echo "valgrind $t: ok"
    else
        failed=$((failed + 1))
        echo "valgrind $t: FAILED (logs: $log and $log.<pid>)"
        tail -5 "$log"
        for f in "$log".*; do
            [[ -s "$f" ]] && { echo "--- $f"; head -40 "$f"; }
        done
    fi
    # memcheck writes one log per process (Check forks one per test); keep
    # only the ones that say something
    find "$BUILD/valgrind" -name "$t.log.*" -empty -delete
done
echo "valgrind: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
