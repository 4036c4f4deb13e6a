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
# Then, for information, the next month (one row a case) into the ledger that
# month filled, against the same rows without a ledger (one job).  Every timed
# run starts from a synced disk without the files of the run before.
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

# one COMMAND...: "ELAPSED_MS CPU_MS" of one run (bash's own timer, no extra tool),
# from a synced disk with no earlier run's files (and, with $FILLED set, the ledger
# a copy of that one: the second month)
one() {
    local t
    rm -f "$TMP"/ledger.db* "$TMP"/out*
    [ -z "${FILLED:-}" ] || cp "$FILLED" "$TMP/ledger.db"
    sync
    TIMEFORMAT='%3R %3U %3S'
    t=$({ time "$@" >/dev/null 2>&1; } 2>&1)
    [ $? -le "${OK_EXIT:-0}" ] || { echo "failed: $*" >&2; exit 2; }
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

# The next month into that ledger (not part of the target): every case's month after
# its last one, its last row again (start and end left out), so that every case is
# looked up and found and each new key goes in beside the case's earlier ones, all
# over the key table.  Rows the month rejects (exit 1) are part of such a run.
mv "$TMP/ledger.db" "$TMP/filled.db"
/usr/bin/python3 - "$TMP/in.csv" "$TMP/next.csv" <<'PY' || { echo "next month: cannot make it"; exit 2; }
import csv, sys
with open(sys.argv[1], newline='') as f, open(sys.argv[2], 'w', newline='') as g:
    r, w = csv.reader(f), csv.writer(g, lineterminator='\n')
    head = next(r)
    w.writerow(head)
    c, m, s, e = (head.index(k) for k in ('case_id', 'month', 'start', 'end'))
    last = None
    def put(row):
        y, mo = int(row[m][:4]), int(row[m][5:7])
        row[m] = '%04d-%02d' % (y + mo // 12, mo % 12 + 1)
        row[s] = row[e] = ''
        w.writerow(row)
    for row in r:
        if last and row[c] != last[c]:
            put(last)
        last = row
    if last:
        put(last)
PY
NEXT_ROWS=$(($(wc -l <"$TMP/next.csv") - 1))
pe=() pc=() le=() lc=()
for _ in $(seq 1 "$REPEAT"); do
    set -- $(OK_EXIT=1 one "$BUILD/rfy" batch --quiet -o "$TMP/out.csv" "$TMP/next.csv")
    pe+=("$1") pc+=("$2")
    set -- $(OK_EXIT=1 FILLED="$TMP/filled.db" one "$BUILD/rfy" batch --quiet --ledger "$TMP/ledger.db" \
        -o "$TMP/out.csv" "$TMP/next.csv")
    le+=("$1") lc+=("$2")
done
p=$(median "${pe[@]}") pcpu=$(median "${pc[@]}") l=$(median "${le[@]}") lcpu=$(median "${lc[@]}")
printf 'next month: %d rows, one a case, into the ledger above\n' "$NEXT_ROWS"
printf '%-7s %-22s %9d %9d\n' 1 "without --ledger" "$p" "$pcpu"
printf '%-7s %-22s %9d %9d\n' 1 "with --ledger (filled)" "$l" "$lcpu"
printf '%-7s %-22s %8sx %8sx\n' 1 ratio "$(ratio "$l" "$p")" "$(ratio "$lcpu" "$pcpu")"
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
