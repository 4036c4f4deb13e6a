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
sed -i 's/^rfy_ikke_forsorger,2025-01-01,2025-12-31,12770,/rfy_ikke_forsorger,2025-01-01,2025-12-31,12771,/' \
    "$scratch/rates-edited/2025.csv"
run rates --rates "$scratch/rates-edited" check
expect_rc 1
expect_out "MISMATCH 2025 rfy_ikke_forsorger (2025.csv:"
expect_out "table 12771.00, chain gives 12770.00"
expect_out "Structural errors: none"
if grep -q "rates_id $builtin_id" "$scratch/out"; then bad "edited tables kept the built-in rates_id"; else ok; fi

# --- rates show 2025 / 2026: the values, and the assumptions written in the tables --------
run rates show 2026
expect_rc 0
# 2026 forsørger: round(16972 × 1.045) = round(17735.74) = 17736, computed by the chain
expect_out_re '^rfy_forsorger +17736\.00 kr/month +2026-01-01\.\.2026-12-31 +derived '
expect_out "amount computed by the chain"
expect_out_re '^wage_threshold_month +17672\.00 kr/month .* secondary '
expect_out_re '^rfy_sdp_max_week +5075\.00 kr/week '
expect_out "Notes and assumptions in the table files:"
expect_out "Assumption A2: r 2026 = 4.5"
expect_out "Assumption A3"
expect_out "lov nr. 1750 af 29.12.2025"
run rates show 2025
expect_rc 0
expect_out_re '^rfy_forsorger +16972\.00 kr/month +2025-01-01\.\.2025-12-31 +derived '
expect_out_re '^rfy_sdp_max_week +4860\.00 kr/week '
expect_out "Assumption A1"

# --- a year no table covers: say which years are covered, first ---------------------------
run rates show 2027
expect_rc 2
if head -n 1 "$scratch/err" | grep -qF "no rate table covers 2027: the tables cover 2012-2026"; then ok; else
    bad "show 2027: the first line of stderr does not name the covered years"; fi
if head -n 1 "$scratch/out" | grep -qF "No rate table covers 2027 (the tables cover 2012-2026)"; then ok; else
    bad "show 2027: the first line of stdout does not name the covered years"; fi
expect_out_re '^regulation_reduction_pct +0\.45 percent +2027-01-01'

# --- export DIR -> --rates DIR: the same tables, id and results -------------------------------
run rates export "$scratch/exported"
expect_rc 0
for f in "$SRC"/rates/*.csv; do
    if cmp -s "$f" "$scratch/exported/$(basename "$f")"; then ok; else bad "export: $(basename "$f") differs from rates/"; fi
done
run rates --rates "$scratch/exported" check
expect_rc 0
expect_out "rates_id $builtin_id"
printf 'case_id,month,category,wage,prior,prior_amount,prior_unit,prior_until\nA,2026-11,forsorger,20000,,,,\nB,2025-03,forsorger,,sygedagpenge,4900,week,2025-03-31\n' >"$scratch/in.csv"
"$RFY" batch --quiet -o "$scratch/builtin.out.csv" "$scratch/in.csv" 2>/dev/null
"$RFY" batch --quiet --rates "$scratch/exported" -o "$scratch/exported.out.csv" "$scratch/in.csv" 2>/dev/null
if [ -s "$scratch/builtin.out.csv" ] && cmp -s "$scratch/builtin.out.csv" "$scratch/exported.out.csv"; then ok; else
    bad "batch with --rates on the export differs from the built-in tables"; fi
# 17.736 − 0,55 × (20.000 − 17.672) = 16.455,60; 4.900/uge × 52/12 = 21.233,33 above the derived 4.860
if grep -q '^A,2026-11,.*,16455\.60,derived,[0-9a-f]*,\(.*,\)\{0,1\}derived_rate$' "$scratch/builtin.out.csv"; then ok; else
    bad "batch 2026-11: not 16455.60 with derived_rate"; fi
if grep -q '^B,2025-03,.*,21233\.33,derived,[0-9a-f]*,\(.*,\)\{0,1\}derived_rate;sdp_above_derived_max$' "$scratch/builtin.out.csv"; then ok; else
    bad "batch 2025 sygedagpenge 4900/week: not computed with sdp_above_derived_max"; fi
run rates export "$scratch/exported"
expect_rc 2
expect_err "exists and is not overwritten"

# --- move the 0,45 reduction to 2026: one row; the 2026 amounts follow ------------------------
cp -R "$scratch/exported" "$scratch/moved"
sed -i 's/^regulation_reduction_pct,2027-01-01,2027-12-31,/regulation_reduction_pct,2026-01-01,2026-12-31,/' "$scratch/moved/2027.csv"
run rates --rates "$scratch/moved" show 2026
expect_rc 0
# p = 4,5 − 0,45 = 4,05: 16972 × 1.0405 = 17659.37 -> 17659; 12770 × 1.0405 = 13287.19 -> 13287;
# 3972 × 1.0405 = 4132.87 -> 4133; 18.50 × 1.0405 = 19.249 -> 19.25
expect_out_re '^rfy_forsorger +17659\.00 '
expect_out_re '^rfy_ikke_forsorger +13287\.00 '
expect_out_re '^rfy_u25_hjemme +4133\.00 '
expect_out_re '^activation_hour_disregard +19\.25 '
expect_out_re '^wage_threshold_month +17672\.00 '
run rates --rates "$scratch/moved" check
expect_rc 0

# --- check: every missing key of every covered month in one run, apart from the chain --------
cp -R "$scratch/exported" "$scratch/gaps"
sed -i '/^rfy_ikke_forsorger,2026-/d; /^activation_hour_disregard,2026-/d' "$scratch/gaps/2026.csv"
sed -i 's/^rfy_u25_hjemme,2025-01-01,2025-12-31,3972,/rfy_u25_hjemme,2025-01-01,2025-06-30,3972,/' "$scratch/gaps/2025.csv"
run rates --rates "$scratch/gaps" check
expect_rc 1
expect_out "Structural errors: none"
expect_out "MISSING rfy_ikke_forsorger 2026-01..2026-12"
expect_out "MISSING activation_hour_disregard 2026-01..2026-12"
expect_out "MISSING rfy_u25_hjemme 2025-07..2025-12"
expect_out "all reproduced by the chain"
# and a computation in such a month names the table's gap, not "newer tables"
run preview --rates "$scratch/gaps" --month 2026-05 --category ikke_forsorger
expect_rc 2
expect_err "satstabellen for 2026-05 mangler rfy_ikke_forsorger"

# --- check: structural errors, all of them, in their own section -------------------------------
cp -R "$scratch/exported" "$scratch/broken"
sed -i 's/^rfy_forsorger,2024-01-01,2024-12-31,16382,kr\/month,/rfy_forsorger,2024-01-01,2024-12-31,16382,kr\/week,/' "$scratch/broken/2024.csv"
sed -i 's/^rfy_ikke_forsorger,2024-01-01,2024-12-31,12326,/rfy_ikke_forsorger,2024-01-01,2024-12-31,-12326,/' "$scratch/broken/2024.csv"
run rates --rates "$scratch/broken" check
expect_rc 2
expect_out "Structural errors (the tables cannot be used until these are fixed):"
expect_out "2024.csv:4: unit of rfy_forsorger must be 'kr/month'"
expect_out "2024.csv:5: amount: a sign is not allowed"
expect_err "rfy: invalid rate tables: 2024.csv:4: unit of rfy_forsorger must be 'kr/month' (all errors listed on standard output)"

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
