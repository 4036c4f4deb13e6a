#!/usr/bin/env bash
# What the case ledger costs (docs/ledger.md, docs/performance.md): one month
# of generated rows through `rfy batch --ledger` into an empty ledger, against
# the same run without it, with the same --jobs.  Prints the figures; not a
# test (the target, at most 2× the time without the ledger, is reported, not
# enforced).
#
#   bash bench/ledger.sh [ROWS]        (default 1000000)
#
# Builds a Release tree of its own ($RFY_BENCH_BUILD, default build-bench),
# generates the rows with bench/gen.c in a temporary directory (deleted at
# the end), runs each way $RFY_BENCH_REPEAT times (default 3), alternating,
# and reports the median of the elapsed times and of the CPU times
# (user + system), each way with --jobs $RFY_BENCH_JOBS (default: 1 and 2).
# Integer arithmetic only (bash; times in ms).
set -u
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${RFY_BENCH_BUILD:-$SRC/build-bench}
REPEAT=${RFY_BENCH_REPEAT:-3}
JOBS=${RFY_BENCH_JOBS:-1 2}
ROWS=${1:-1000000}

cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null &&
    cmake --build "$BUILD" -j2 --target rfy rfy_bench_gen >/dev/null || { echo "build failed"; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$BUILD/rfy_bench_gen" --rows "$ROWS" -o "$TMP/in.csv" || exit 2

# one COMMAND...: "ELAPSED_MS CPU_MS" of one run (bash's own timer, no extra tool)
one() {
    local t
    rm -f "$TMP"/ledger.db* "$TMP"/out*
    TIMEFORMAT='%3R %3U %3S'
    t=$({ time "$@" >/dev/null 2>&1; } 2>&1) || { echo "failed: $*" >&2; exit 2; }
    set -- $t
    echo "$((10#${1/./})) $((10#${2/./} + 10#${3/./}))"
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
ratio() { local r=$(($1 * 100 / $2)); printf '%d.%02d' $((r / 100)) $((r % 100)); }

printf 'rows: %d, median of %d runs each (alternating), ms\n' "$ROWS" "$REPEAT"
printf '%-7s %-22s %9s %9s\n' jobs run elapsed cpu
for j in $JOBS; do
    pe=() pc=() le=() lc=()
    for _ in $(seq 1 "$REPEAT"); do
        set -- $(one "$BUILD/rfy" batch --quiet --jobs "$j" -o "$TMP/out.csv" "$TMP/in.csv")
        pe+=("$1") pc+=("$2")
        set -- $(one "$BUILD/rfy" batch --quiet --jobs "$j" --ledger "$TMP/ledger.db" \
            -o "$TMP/out.csv" "$TMP/in.csv")
        le+=("$1") lc+=("$2")
    done
    p=$(median "${pe[@]}") pcpu=$(median "${pc[@]}") l=$(median "${le[@]}") lcpu=$(median "${lc[@]}")
    printf '%-7s %-22s %9d %9d\n' "$j" "without --ledger" "$p" "$pcpu"
    printf '%-7s %-22s %9d %9d\n' "$j" "with --ledger (empty)" "$l" "$lcpu"
    printf '%-7s %-22s %8sx %8sx   (target: at most 2 x)\n' "$j" ratio "$(ratio "$l" "$p")" \
        "$(ratio "$lcpu" "$pcpu")"
done
rm -f "$TMP"/ledger.db*
"$BUILD/rfy" batch --quiet --ledger "$TMP/ledger.db" -o "$TMP/out.csv" "$TMP/in.csv" 2>/dev/null
size=$(stat -c %s "$TMP/ledger.db")
printf 'ledger size: %d MB (%d bytes a case-month)\n' $((size / 1000000)) $((size / ROWS))
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
