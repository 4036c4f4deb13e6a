#!/usr/bin/env bash
# Run the libFuzzer targets (docs/robustness.md).
#
#   fuzz/run.sh [--ci] [--runs N] [--time SECONDS] [TARGET...]
#
#   TARGET      csv, decimal_date, rates, compute, serve, input_decode, column_map,
#               ledger_pack (default: all eight, one after the other)
#   --runs N    executions per target (default 10000000)
#   --time S    stop a target after S seconds (default: no limit)
#   --ci        about 60 s per target (same as --time 60 --runs 0): for CI
#
# Builds the targets first (fuzz/build.sh) into $FUZZ_OUT (default
# build-fuzz/fuzz).  Each target keeps a growing corpus in
# $FUZZ_OUT/corpus/TARGET (started from fuzz/seeds/TARGET) and writes crashes
# to $FUZZ_OUT/artifacts/TARGET/; the full log is $FUZZ_OUT/logs/TARGET.log.
# One worker at a time (the machines have 2 cores).  Exits 1 if any target
# crashed, leaked or broke a property; copy such an input to
# fuzz/regressions/TARGET/ so that tests/test_fuzz_regressions.c replays it.
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${FUZZ_OUT:-$SRC/build-fuzz/fuzz}
RUNS=10000000
TIME=0
TARGETS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
    --ci) TIME=60; RUNS=0 ;;
    --runs) RUNS=$2; shift ;;
    --time) TIME=$2; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    -*) echo "fuzz/run.sh: unknown option $1" >&2; exit 2 ;;
    *) TARGETS+=("$1") ;;
    esac
    shift
done
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(csv decimal_date rates compute serve input_decode column_map ledger_pack)

"$SRC/fuzz/build.sh" "$OUT" >/dev/null

# No allocation stack traces while fuzzing: recording them on every malloc
# costs two thirds of the time (measured: 1.7k → 5k executions/s).  To see
# them for a crash, run the target on the saved input without this setting.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0}

failed=0
for t in "${TARGETS[@]}"; do
    bin="$OUT/fuzz_$t"
    [[ -x "$bin" ]] || { echo "fuzz/run.sh: no target '$t'" >&2; exit 2; }
    mkdir -p "$OUT/corpus/$t" "$OUT/artifacts/$t" "$OUT/logs"
    case "$t" in
    decimal_date) maxlen=256 ;;   # fields are at most 24 characters; more only repeats
    compute) maxlen=64 ;;         # build_case reads fewer bytes than that
    csv) maxlen=4096 ;;
    serve) maxlen=8192 ;;          # a few rows; the 1 MiB and 1000-row limits are tested directly
    input_decode) maxlen=4096 ;;   # the target itself puts the 64 KiB read boundary inside the file
    column_map) maxlen=2048 ;;     # a header of 64 names, a map and a list
    ledger_pack) maxlen=16384 ;;   # 32 case-months of texts, or a damaged pack
    *) maxlen=16384 ;;            # room for two real table files
    esac
    args=(-timeout=10 -rss_limit_mb=2048 -max_len=$maxlen -print_final_stats=1
          -artifact_prefix="$OUT/artifacts/$t/")
    [[ -f "$SRC/fuzz/dicts/$t.dict" ]] && args+=(-dict="$SRC/fuzz/dicts/$t.dict")
    [[ "$RUNS" != 0 ]] && args+=(-runs="$RUNS")
    [[ "$TIME" != 0 ]] && args+=(-max_total_time="$TIME")
    log="$OUT/logs/$t.log"
    start=$(date +%s)
    set +e
    # Corpus dirs: the growing corpus, the seeds, and the regressions when there are any
    # (git keeps no empty directory, so a fresh clone may have none).
    dirs=("$OUT/corpus/$t" "$SRC/fuzz/seeds/$t")
    [[ -d "$SRC/fuzz/regressions/$t" ]] && dirs+=("$SRC/fuzz/regressions/$t")
    "$bin" "${args[@]}" "${dirs[@]}" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$(( $(date +%s) - start ))
    if [[ $rc -eq 0 ]]; then
        echo "fuzz_$t: ok, ${execs:-?} executions in ${secs} s, corpus $(ls "$OUT/corpus/$t" | wc -l) inputs"
    else
        failed=1
        echo "fuzz_$t: FAILED (exit $rc) after ${execs:-?} executions in ${secs} s; log: $log"
        grep -E 'ERROR|SUMMARY|fuzz property failed|Test unit written' "$log" | head -20 || true
    fi
done
exit $failed
