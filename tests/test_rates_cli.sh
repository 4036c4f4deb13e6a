#!/usr/bin/env bash
# `rfy rates` as a payroll officer or auditor uses it, plus --version and --help.
# Usage: bash tests/test_rates_cli.sh PATH_TO_RFY SOURCE_DIR
# Prints one line per failure and ends with "N passed, M failed"; exits 1 if any failed.
set -euo pipefail

RFY=${1:?usage: test_rates_cli.sh PATH_TO_RFY SOURCE_DIR}
SRC=${2:?usage: test_rates_cli.sh PATH_TO_RFY SOURCE_DIR}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

passed=0
failed=0
rc=0

ok() { passed=$((passed + 1)); }
bad() {
    failed=$((failed + 1))
    echo "FAIL: $*" >&2
}

# run ARGS...: run rfy, keeping its exit code in $rc and its output in files.
run() {
    set +e
    "$RFY" "$@" >"$scratch/out" 2>"$scratch/err"
    rc=$?
    set -e
    last="rfy $*"
}

expect_rc() {
    if [ "$rc" -eq "$1" ]; then ok; else
        bad "$last: exit $rc, expected $1"
        sed 's/^/    stderr: /' "$scratch/err" >&2
    fi
}
# expect_out / expect_err FIXED-STRING
expect_out() { if grep -qF -- "$1" "$scratch/out"; then ok; else bad "$last: stdout lacks '$1'"; fi; }
expect_err() { if grep -qF -- "$1" "$scratch/err"; then ok; else bad "$last: stderr lacks '$1'"; fi; }
# expect_out_re EXTENDED-REGEX
expect_out_re() { if grep -qE -- "$1" "$scratch/out"; then ok; else bad "$last: stdout lacks /$1/"; fi; }

# --- rates check: the built-in tables reproduce the indexation chain --------------
run rates check
expect_rc 0
expect_out "all reproduced by the chain"
builtin_id=$(sed -n 's/^rates_id \([0-9a-f]\{16\}\)$/\1/p' "$scratch/out")
if [ -n "$builtin_id" ]; then ok; else bad "rates check: no 'rates_id <16 hex>' line"; fi

# --- rates show 2024: the published 2024 amounts with their source ------------------
run rates show 2024
expect_rc 0
expect_out "rates_id $builtin_id"
expect_out_re '^rfy_forsorger +16382\.00 kr/month +2024-01-01\.\.2024-12-31 +published '
expect_out_re '^rfy_ikke_forsorger +12326\.00 kr/month '
expect_out_re '^rfy_u25_hjemme +3834\.00 kr/month '
expect_out_re '^wage_threshold_month +16323\.00 kr/month '
expect_out_re '^activation_hour_disregard +17\.86 kr/hour '
expect_out_re '^rfy_sdp_max_week +4695\.00 kr/week '
expect_out "source: https://bm.dk/satser/satser-for-2024/ressourceforloebsydelse (2024.csv:"
# every 2024 row, and no row of another year
if grep -q '2023-\|2025-' "$scratch/out"; then bad "show 2024 lists another year's row"; else ok; fi

# --- rates show 2019: a year with derived and secondary values -----------------------
run rates show 2019
expect_rc 0
expect_out_re ' derived +'
expect_out_re ' secondary +'

# --- years no table covers, and bad arguments ---------------------------------------------
run rates show 2030
expect_rc 2
expect_err "no rate table covers 2030"
run rates show 20x4
expect_rc 2
run rates show
expect_rc 2
run rates frobnicate
expect_rc 2

# --- --rates on a copy of rates/: works, same rates_id as the built-in set ---------------
cp -R "$SRC/rates" "$scratch/rates-copy"
run rates --rates "$scratch/rates-copy" check
expect_rc 0
expect_out "rates_id $builtin_id"
"$RFY" rates show 2024 >"$scratch/show-builtin" 2>/dev/null || true
run rates --rates "$scratch/rates-copy" show 2024
expect_rc 0
if [ -s "$scratch/out" ] && cmp -s "$scratch/out" "$scratch/show-builtin"; then ok; else bad "show 2024 differs with --rates copy"; fi

# --- a copy with one derived value off by one krone: check reports it, exit 1 --------------
# 2025 ikke-forsørger: round(12326 × 1.036) = round(12769.736) = 12770; write 12771.
cp -R "$SRC/rates" "$scratch/rates-edited"
sed -i 's/^rfy_ikke_forsorger,2025-01-01,2025-06-30,12770,/rfy_ikke_forsorger,2025-01-01,2025-06-30,12771,/' \
    "$scratch/rates-edited/2025.csv"
run rates --rates "$scratch/rates-edited" check
expect_rc 1
expect_out "MISMATCH 2025 rfy_ikke_forsorger (2025.csv:"
expect_out "table 12771.00, chain gives 12770.00"
if grep -q "rates_id $builtin_id" "$scratch/out"; then bad "edited tables kept the built-in rates_id"; else ok; fi

# --- --rates on each malformed directory: exit 2 and FILE:LINE: reason -------------------
nbad=0
for dir in "$SRC"/fixtures/rates-bad/*/; do
    want=$(head -n 1 "$dir/expected-error.txt")
    run rates --rates "$dir" check
    expect_rc 2
    expect_err "rfy: invalid rate tables: $want"
    nbad=$((nbad + 1))
done
if [ "$nbad" -ge 13 ]; then ok; else bad "only $nbad fixtures/rates-bad directories found"; fi
run rates --rates "$scratch/no-such-dir" check
expect_rc 2
expect_err "cannot open rate table directory"

# --- --version and --help ----------------------------------------------------------------------
run --version
expect_rc 0
expect_out_re '^rfy [0-9]+\.[0-9]+\.[0-9]+'
run --help
expect_rc 0
expect_out "Usage:"
expect_out "rfy rates"
run rates --help
expect_rc 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
