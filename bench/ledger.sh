#!/usr/bin/env bash
# What the case ledger costs (docs/ledger.md, docs/performance.md): one month
# of generated rows through `rfy batch --ledger` into an empty ledger, against
# the same run without it.  Prints the figures; not a test (the target, at
# most 2× the time without the ledger, is reported, not enforced).
#
#   bash bench/ledger.sh [ROWS]        (default 1000000)
#
# Builds a Release tree of its own ($RFY_BENCH_BUILD, default build-bench),
# generates the rows with bench/gen.c in a temporary directory (deleted at
# the end), runs each way $RFY_BENCH_REPEAT times (default 2) and keeps the
# fastest.  Integer arithmetic only (bash).
set -u
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${RFY_BENCH_BUILD:-$SRC/build-bench}
REPEAT=${RFY_BENCH_REPEAT:-2}
ROWS=${1:-1000000}

cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null &&
    cmake --build "$BUILD" -j2 --target rfy rfy_bench_gen >/dev/null || { echo "build failed"; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$BUILD/rfy_bench_gen" --rows "$ROWS" -o "$TMP/in.csv" || exit 2

now_ms() { echo $(($(date +%s%N) / 1000000)); }
best() { # best LABEL COMMAND...: the fastest of REPEAT runs, in ms
    local b=0 t
    for _ in $(seq 1 "$REPEAT"); do
        rm -f "$TMP"/ledger.db* "$TMP"/out*
        t=$(now_ms)
        "$@" >/dev/null 2>&1 || { echo "$1 failed" >&2; exit 2; }
        t=$(($(now_ms) - t))
        if [ "$b" = 0 ] || [ "$t" -lt "$b" ]; then b=$t; fi
    done
    echo "$b"
}
plain=$(best "$BUILD/rfy" batch --quiet -o "$TMP/out.csv" "$TMP/in.csv")
ledger=$(best "$BUILD/rfy" batch --quiet --ledger "$TMP/ledger.db" -o "$TMP/out.csv" "$TMP/in.csv")
"$BUILD/rfy" batch --quiet --ledger "$TMP/ledger.db" -o "$TMP/out.csv" "$TMP/in.csv" 2>/dev/null
size=$(stat -c %s "$TMP/ledger.db")
ratio=$((ledger * 100 / plain))
printf 'rows:               %d\n' "$ROWS"
printf 'without --ledger:   %d ms (%d rows/s)\n' "$plain" $((ROWS * 1000 / plain))
printf 'with --ledger:      %d ms (%d rows/s), empty ledger\n' "$ledger" $((ROWS * 1000 / ledger))
printf 'ratio:              %d.%02d x (target: at most 2 x)%s\n' $((ratio / 100)) $((ratio % 100)) \
    "$([ "$ratio" -le 200 ] && echo '' || echo '  MISSED')"
printf 'ledger size:        %d MB (%d bytes a case-month)\n' $((size / 1000000)) $((size / ROWS))
