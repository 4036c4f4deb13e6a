#!/usr/bin/env bash
# Property (docs/holiday.md "Monthly runs chain"): cutting a file into monthly
# files and feeding each run's holiday state into the next run gives the same
# output rows as one run over the whole file.
#
# A fixed-seed awk generator writes a random valid file of ROWS rows (default
# 100000), its rows then shuffled: cases over 2022-01..2025-06 with gaps (a month without receipt),
# holiday with ydelse (0–31 days), feriedage with feriegodtgørelse (fractional:
# 2,08 × 7/5 = 2,912 days), months paid 0 because of other income, and a
# starting state (holiday_run_months, holiday_used_days) on some cases' first
# month.  Then:
#   whole:   rfy batch over the whole file;
#   chained: one rfy batch per month, in month order; a case's state comes
#            from its output row of the month before, or from its own first
#            row, or is 0 after a month without a row (no receipt);
# and every output row of the chained runs must equal the whole run's row for
# the same case and month, byte for byte, and no row may be missing.
#
# usage: bash test_holiday_chain.sh PATH_TO_RFY SOURCE_DIR   (RFY_CHAIN_ROWS, RFY_CHAIN_SEED optional)
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
ROWS=${RFY_CHAIN_ROWS:-100000}
SEED=${RFY_CHAIN_SEED:-20240611}

HDR=case_id,month,category,other_income,holiday_pay,holiday_days,holiday_ydelse_days,holiday_run_months,holiday_used_days

# ---- the random file (sorted by case and month) --------------------------------------------
awk -v rows="$ROWS" -v seed="$SEED" -v hdr="$HDR" '
function pick(n) { return int(rand() * n) }
function mon(i) { return sprintf("%04d-%02d", 2022 + int(i / 12), i % 12 + 1) }
BEGIN {
    srand(seed)
    print hdr
    split("forsorger ikke_forsorger u25_hjemme", cat, " ")
    n = 0; c = 0
    while (n < rows) {
        c++
        id = sprintf("C%05d", c)
        first = pick(42); len = 1 + pick(30)
        k = cat[1 + pick(3)]
        firstrow = 1
        for (m = first; m < 42 && m < first + len && n < rows; m++) {
            if (!firstrow && pick(100) < 4) continue          # a month without receipt
            inc = ""; hp = ""; hd = ""; yd = ""; run = ""; used = ""
            if (pick(100) < 3) inc = "20000"                   # paid 0 because of income
            r = pick(100)
            if (r < 10) { hp = "1500"; hd = (pick(2) ? "2.08" : 1 + pick(10)) }
            r = pick(100)
            if (r < 15) yd = 1 + pick(31)
            if (firstrow && pick(100) < 40) {
                run = pick(40)
                if (run >= 12 && pick(2)) used = sprintf("%d.%03d", pick(35), pick(2) ? 0 : 912)
                if (used != "" && used + 0 > 35) used = "35"
            }
            print id "," mon(m) "," k "," inc "," hp "," hd "," yd "," run "," used
            n++
            firstrow = 0
        }
    }
}' >"$TMP/whole.csv"
check "generated $ROWS rows" [ "$(($(wc -l <"$TMP/whole.csv") - 1))" = "$ROWS" ]

# Rows in random order: the ledger follows each case's months whatever the order of the rows.
{
    head -1 "$TMP/whole.csv"
    tail -n +2 "$TMP/whole.csv" | awk -v seed="$SEED" 'BEGIN { srand(seed + 1) } { printf "%.15f\t%s\n", rand(), $0 }' |
        LC_ALL=C sort -t "$(printf '\t')" -k1,1 | cut -f2-
} >"$TMP/shuffled.csv"
check "shuffled: not in case-month order" bash -c "! cmp -s '$TMP/whole.csv' '$TMP/shuffled.csv'"
mv "$TMP/shuffled.csv" "$TMP/whole.csv"

# ---- one run over the whole file ---------------------------------------------------------------
"$RFY" batch --quiet -o "$TMP/whole.out.csv" "$TMP/whole.csv" 2>"$TMP/whole.err"
check "whole file: exit 0 (every row computed)" [ $? = 0 ]

# ---- monthly runs, chained ----------------------------------------------------------------------
# Months of the input in order; state file: case_id,month,run,used of each case's latest output.
mkdir -p "$TMP/m"
awk -F, -v dir="$TMP/m" 'NR > 1 { print > (dir "/" $2 ".csv") }' "$TMP/whole.csv"
: >"$TMP/state.csv"
: >"$TMP/chained.out.csv"
prev=""
for f in $(ls "$TMP/m" | sort); do
    month=${f%.csv}
    # the month before, as YYYY-MM
    y=${month%-*} mo=${month#*-}
    mo=$((10#$mo - 1))
    if [ "$mo" = 0 ]; then y=$((y - 1)) mo=12; fi
    before=$(printf '%04d-%02d' "$y" "$mo")
    # Fill the state columns: from last month's output; 0 (empty) after a month
    # without receipt; the case's own first row as given.
    awk -F, -v OFS=, -v before="$before" -v hdr="$HDR" '
        FILENAME == ARGV[1] { seen[$1] = 1; if ($2 == before) { run[$1] = $3; used[$1] = $4 }; next }
        FNR == 1 { print hdr }
        {
            if ($1 in run) { $8 = run[$1]; $9 = used[$1] }
            else if ($1 in seen) { $8 = ""; $9 = "" }
            print
        }' "$TMP/state.csv" "$TMP/m/$f" >"$TMP/month.csv"
    if ! "$RFY" batch --quiet -o "$TMP/month.out.csv" "$TMP/month.csv" 2>"$TMP/month.err"; then
        bad "month $month: rfy batch failed: $(head -c 300 "$TMP/month.err")"
        continue
    fi
    # Keep the rows, and the state after the month for the next run.
    awk -F, -v OFS=, '
        FILENAME == ARGV[1] { if (FNR == 1) { for (i = 1; i <= NF; i++) col[$i] = i } else
                        st[$1] = $1 OFS $2 OFS $col["holiday_run_months"] OFS $col["holiday_used_days"]
                    next }
        { if (!($1 in st)) st[$1] = $0 }
        END { for (k in st) print st[k] }' "$TMP/month.out.csv" "$TMP/state.csv" >"$TMP/state.next"
    mv "$TMP/state.next" "$TMP/state.csv"
    tail -n +2 "$TMP/month.out.csv" >>"$TMP/chained.out.csv"
done

# The `lines` column (7th from the end) names input lines, which differ between the files.
nolines() { awk -F, -v OFS=, '{ $(NF - 7) = ""; print }'; } # lines: 8th from the end (then 5 holiday columns, sanction_deduction, warnings)
tail -n +2 "$TMP/whole.out.csv" | nolines | LC_ALL=C sort >"$TMP/a"
nolines <"$TMP/chained.out.csv" | LC_ALL=C sort >"$TMP/b"
check "chained runs: as many rows as the whole run ($ROWS)" [ "$(wc -l <"$TMP/b")" = "$ROWS" ]
if cmp -s "$TMP/a" "$TMP/b"; then
    ok
else
    bad "chained runs differ from the whole run:"
    diff "$TMP/a" "$TMP/b" | head -10
fi
# The property must not hold by accident: rights, excess days and broken runs occur.
check "the file has months with a right" grep -q ',yes,' "$TMP/a"
excess=$(head -1 "$TMP/whole.out.csv" | tr ',' '\n' | grep -nxF holiday_excess_days | cut -d: -f1)
check "the file has excess days" awk -F, -v c="${excess:-0}" '$c + 0 > 0 { f = 1 } END { exit !f }' "$TMP/a"
check "the file has three-decimal day counts" grep -qE ',[0-9]+\.[0-9]{3}(,|$)' "$TMP/a"
rfy_test_finish
