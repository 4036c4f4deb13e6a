#!/usr/bin/env bash
# Throughput benchmark of `rfy batch` (docs/performance.md).
#
#   bash bench/run.sh            (or: cmake --build BUILD --target bench)
#
# 1. Builds a Release tree of its own: $RFY_BENCH_BUILD, default build-bench
#    next to this script's source tree.
# 2. Generates batches of 1 M and 5 M rows ($RFY_BENCH_ROWS overrides the
#    list) with the seed of bench/golden.txt, in a temporary directory that is
#    deleted at the end.
# 3. For each: the parse-only baseline (libcsv alone, bench/parse_only.c) and
#    `rfy batch --quiet -o OUT IN` ($RFY_BENCH_REPEAT runs each, default 3;
#    the fastest time and the largest peak RSS count), and, when rfy batch
#    has --jobs, the same with --jobs $RFY_BENCH_JOBS (default 2); then the
#    same rows shuffled (sorted by rfy through temporary files), with one
#    job and with --jobs, whose output must equal the sorted input's apart
#    from the `lines` column.
# 4. Prints rows/s, elapsed, peak RSS and the ratio to parse-only, and
#    checks the sha256 of OUT for the golden row count against
#    bench/golden.txt (exactness: the output must never change by a byte).
#    Also checks every run against the targets of docs/performance.md, and
#    `batch -o OUT` (target 2x) and `batch --jobs N -o OUT` (target 1.2x)
#    against the I/O floor (parse-only writing an output of the same size,
#    fsync'ed: rfy_bench_parse IN OUT BYTES).  Each timed run starts from a
#    synced disk with the earlier run's output removed (not timed).
#
# Exit status: 0 the output matched the golden and every run succeeded with
# peak RSS below 64 MiB; 1 otherwise (a missed throughput target counts too
# with RFY_BENCH_STRICT=1; without it a miss is reported, not fatal); 2 a
# build or set-up failure.
# Integer arithmetic only (bash): no floating point, here as in the engine.
set -u

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${RFY_BENCH_BUILD:-$SRC/build-bench}
REPEAT=${RFY_BENCH_REPEAT:-3}
JOBS=${RFY_BENCH_JOBS:-2}

# Targets (docs/performance.md).
MIN_ROWS_PER_S=1000000
MAX_RATIO_PCT=300
MAX_FLOOR_PCT=200
MAX_JOBS_FLOOR_PCT=120
MAX_RSS_KIB=$((64 * 1024))

golden() { sed -n "s/^$1=//p" "$SRC/bench/golden.txt"; }
SEED=$(golden seed)
GOLDEN_ROWS=$(golden rows)
GOLDEN_SHA=$(golden sha256)
ROWS_LIST=${RFY_BENCH_ROWS:-1000000 5000000}
if [ -z "$SEED" ] || [ -z "$GOLDEN_ROWS" ] || [ -z "$GOLDEN_SHA" ]; then
    echo "bench: bench/golden.txt must give seed=, rows= and sha256=" >&2
    exit 2
fi

echo "== building Release in $BUILD"
cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DRFY_SANITIZE=OFF >/dev/null || exit 2
cmake --build "$BUILD" -j"$(nproc)" --target rfy rfy_bench_gen rfy_bench_parse rfy_bench_measure \
    >/dev/null || { echo "bench: build failed" >&2; exit 2; }
RFY=$BUILD/rfy
GEN=$BUILD/rfy_bench_gen
PARSE=$BUILD/rfy_bench_parse
MEASURE=$BUILD/rfy_bench_measure
HAVE_JOBS=0
"$RFY" batch --help 2>/dev/null | grep -q -- '--jobs' && HAVE_JOBS=1

TMP=$(mktemp -d "${TMPDIR:-/tmp}/rfy-bench.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

echo "== machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)," \
     "$(awk '/^MemTotal/ { print int($2 / 1024) " MiB" }' /proc/meminfo)"
echo "== seed $SEED; fastest of $REPEAT runs; golden: $GOLDEN_ROWS rows, sha256 $GOLDEN_SHA"

# Run "$@" $REPEAT times under the measure wrapper; sets BEST_US, MAX_RSS, STATUS.
# Before each run (not timed): the files in $CLEAN (the command's outputs) are
# removed and the disk is synced, so that every run, rfy's and the floor's
# alike, starts with no earlier run's output still being written or freed
# (with 5 M rows that is about 900 MB, and it made the times depend on the
# order of the passes).
CLEAN=""
measure() {
    local i line us rss st
    BEST_US=0 MAX_RSS=0 STATUS=0
    for ((i = 0; i < REPEAT; i++)); do
        # shellcheck disable=SC2086 # $CLEAN is a list of paths without spaces
        [ -z "$CLEAN" ] || rm -f $CLEAN
        sync
        line=$("$MEASURE" "$@" 2>&1 >/dev/null | grep '^measure: ' | tail -n1)
        us=$(sed -n 's/.*elapsed_us=\([0-9]*\).*/\1/p' <<<"$line")
        rss=$(sed -n 's/.*maxrss_kib=\([0-9]*\).*/\1/p' <<<"$line")
        st=$(sed -n 's/.*status=\([0-9]*\).*/\1/p' <<<"$line")
        [ -n "$us" ] || { STATUS=127; return; }
        [ "$st" -ne 0 ] && STATUS=$st
        if [ "$BEST_US" -eq 0 ] || [ "$us" -lt "$BEST_US" ]; then BEST_US=$us; fi
        if [ "$rss" -gt "$MAX_RSS" ]; then MAX_RSS=$rss; fi
    done
}

# a/b with two decimals, integers only.
ratio() { local x=$(($1 * 100 / $2)); printf '%d.%02d' $((x / 100)) $((x % 100)); }
seconds() { printf '%d.%03d' $(($1 / 1000000)) $(($1 / 1000 % 1000)); }

FAIL=0
MISSED=0
printf '\n%-9s %-22s %12s %10s %10s %8s\n' rows pass rows/s elapsed_s rss_MiB ratio
for ROWS in $ROWS_LIST; do
    IN=$TMP/in-$ROWS.csv
    OUT=$TMP/out-$ROWS.csv
    "$GEN" --seed "$SEED" --rows "$ROWS" -o "$IN" || { echo "bench: generator failed" >&2; exit 2; }

    measure "$PARSE" "$IN"
    PARSE_US=$BEST_US
    [ "$STATUS" -eq 0 ] || { echo "bench: parse-only failed on $ROWS rows" >&2; FAIL=1; continue; }
    printf '%-9s %-22s %12d %10s %10d %8s\n' "$ROWS" parse-only $((ROWS * 1000000 / PARSE_US)) \
        "$(seconds "$PARSE_US")" $((MAX_RSS / 1024)) 1.00

    # "batch" is the measured command; "-o -" writes to standard output
    # (discarded), which shows the row loop alone: no fsync of the output and
    # no second pass hashing it for the receipt (docs/performance.md).
    # The generated file is in case-month order (it streams); "shuffled" is
    # the same rows in a fixed random order, which rfy sorts through
    # temporary files (docs/casemonth.md).
    SHUF=$TMP/shuf-$ROWS.csv
    { head -n 1 "$IN"; tail -n +2 "$IN" | shuf --random-source=<(yes 20250601); } >"$SHUF"
    VARIANTS=("batch" "batch -o -")
    [ "$HAVE_JOBS" -eq 1 ] && VARIANTS+=("batch --jobs $JOBS" "batch --jobs $JOBS -o -")
    VARIANTS+=("shuffled batch")
    [ "$HAVE_JOBS" -eq 1 ] && VARIANTS+=("shuffled batch --jobs $JOBS")
    for V in "${VARIANTS[@]}"; do
        EXTRA=()
        SRCIN=$IN
        case "$V" in shuffled*) SRCIN=$SHUF ;; esac
        case "$V" in *--jobs*) EXTRA=(--jobs "$JOBS") ;; esac
        case "$V" in *"-o -") EXTRA+=(-o -) ;; *) EXTRA+=(-o "$OUT") ;; esac
        rm -f "$OUT" "$TMP/out-$ROWS.rejects.csv" "$TMP/out-$ROWS.receipt.json"
        CLEAN="$OUT $TMP/out-$ROWS.rejects.csv $TMP/out-$ROWS.receipt.json"
        case "$V" in *"-o -") CLEAN="" ;; esac
        measure "$RFY" batch --quiet "${EXTRA[@]}" "$SRCIN"
        CLEAN=""
        printf '%-9s %-22s %12d %10s %10d %8s\n' "$ROWS" "rfy $V" $((ROWS * 1000000 / BEST_US)) \
            "$(seconds "$BEST_US")" $((MAX_RSS / 1024)) "$(ratio "$BEST_US" "$PARSE_US")"
        if [ "$STATUS" -ne 0 ]; then
            echo "   FAIL: rfy batch exited $STATUS (every generated row must compute)"; FAIL=1
        fi
        # --jobs against the I/O floor measured after `batch` (target: 1.2x).
        if [ "$V" = "batch --jobs $JOBS" ] && [ -n "${FLOOR_US:-}" ]; then
            echo "   against the io-floor: $(ratio "$BEST_US" "$FLOOR_US")x"
            [ $((BEST_US * 100 / FLOOR_US)) -le $MAX_JOBS_FLOOR_PCT ] ||
                { echo "   MISS: rfy batch --jobs $JOBS -o OUT more than 1.2x the I/O floor"; MISSED=1; }
        fi
        if [ "$V" = batch ]; then
            BATCH_US=$BEST_US
            [ $((ROWS * 1000000 / BEST_US)) -ge $MIN_ROWS_PER_S ] ||
                { echo "   MISS: below $MIN_ROWS_PER_S rows/s on one core"; MISSED=1; }
            [ $((BEST_US * 100 / PARSE_US)) -le $MAX_RATIO_PCT ] ||
                { echo "   MISS: more than 3x the parse-only time"; MISSED=1; }
        fi
        [ "$MAX_RSS" -lt $MAX_RSS_KIB ] || { echo "   FAIL: peak RSS not below 64 MiB"; FAIL=1; }
        if [ "$ROWS" = "$GOLDEN_ROWS" ] && [ -f "$OUT" ] && [ "${V% -o -}" = "$V" ]; then
            # shuffled: the same output once the input line numbers (`lines`)
            # are put back as the sorted file has them: compare without them
            # (counted from the end of the row: a quoted case_id may hold a
            # comma; the columns after `lines` never do)
            if [ "${V#shuffled}" != "$V" ]; then
                AFTER=$(head -n 1 "$OUT" | tr -d '\r' | tr ',' '\n' | awk '/^lines$/ { f = 1; next } f' | wc -l)
                NOLINES="s/,[0-9;]*\(\(,[^,]*\)\{$AFTER\}\)\$/\1/"
                if cmp -s <(sed "$NOLINES" "$OUT") <(sed "$NOLINES" "$TMP/sorted-out.csv"); then
                    echo "   same as the sorted input's output, apart from lines: OK"
                else
                    echo "   MISMATCH: shuffled output differs from the sorted input's"; FAIL=1
                fi
                continue
            fi
            [ "$V" = batch ] && cp "$OUT" "$TMP/sorted-out.csv"
            SHA=$(sha256sum "$OUT" | cut -d' ' -f1)
            if [ "$SHA" = "$GOLDEN_SHA" ]; then
                echo "   golden: OK (sha256 $SHA)"
            else
                echo "   golden: MISMATCH: sha256 $SHA, expected $GOLDEN_SHA"; FAIL=1
            fi
        fi
        # The I/O floor (docs/performance.md): the same parse, writing an
        # output of the size rfy wrote; `batch` against it (target: 2x).
        if [ "$V" = batch ] && [ -f "$OUT" ]; then
            CLEAN="$TMP/floor-$ROWS.out"
            measure "$PARSE" "$IN" "$TMP/floor-$ROWS.out" "$(stat -c %s "$OUT")"
            CLEAN=""
            rm -f "$TMP/floor-$ROWS.out"
            FLOOR_US=$BEST_US
            if [ "$STATUS" -eq 0 ]; then
                printf '%-9s %-22s %12d %10s %10d %8s\n' "$ROWS" "io-floor (batch: $(ratio "$BATCH_US" "$BEST_US")x)" \
                    $((ROWS * 1000000 / BEST_US)) "$(seconds "$BEST_US")" $((MAX_RSS / 1024)) \
                    "$(ratio "$BEST_US" "$PARSE_US")"
                [ $((BATCH_US * 100 / BEST_US)) -le $MAX_FLOOR_PCT ] ||
                    { echo "   MISS: rfy batch -o OUT more than 2x the I/O floor"; MISSED=1; }
            else
                echo "   FAIL: the I/O floor pass failed"; FAIL=1
            fi
        fi
    done
    rm -f "$IN" "$SHUF" "$OUT" "$TMP/sorted-out.csv" "$TMP/out-$ROWS.rejects.csv" "$TMP/out-$ROWS.receipt.json"
    FLOOR_US=""
done
if [ "$MISSED" -eq 1 ] && [ "${RFY_BENCH_STRICT:-0}" = 1 ]; then FAIL=1; fi
exit $FAIL
