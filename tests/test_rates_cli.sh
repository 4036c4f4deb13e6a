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
expect_out "kontrollerede 184 værdier (55 offentliggjorte, 52 sekundære, 77 afledte): alle genskabt af kæden"
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
expect_out "kilde: https://bm.dk/satser/satser-for-2024/ressourceforloebsydelse (2024.csv:"
run --lang en rates show 2024
expect_rc 0
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
expect_err "ingen satstabel dækker 2030"
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
expect_out "AFVIGELSE 2025 rfy_ikke_forsorger (2025.csv:"
expect_out "tabellen 12771.00, kæden giver 12770.00"
expect_out "Strukturfejl: ingen"
expect_out "AFVIGELSER FUNDET"
run --lang en rates --rates "$scratch/rates-edited" check
expect_rc 1
expect_out "MISMATCH 2025 rfy_ikke_forsorger (2025.csv:"
expect_out "table 12771.00, chain gives 12770.00"
expect_out "Structural errors: none"
expect_out "MISMATCHES FOUND"
if grep -q "rates_id $builtin_id" "$scratch/out"; then bad "edited tables kept the built-in rates_id"; else ok; fi

# --- rates show 2025 / 2026: the values, and the assumptions written in the tables --------
run --lang en rates show 2026
expect_rc 0
# 2026 forsørger: round(16972 × 1.045) = round(17735.74) = 17736, computed by the chain
expect_out_re '^rfy_forsorger +17736\.00 kr/month +2026-01-01\.\.2026-12-31 +derived '
expect_out "amount computed by the chain"
expect_out_re '^wage_threshold_month +17672\.00 kr/month .* secondary '
# the highest sygedagpenge amount 2026: 5.085 (secondary, borger.dk; 4.865 × 1,045 = 5.083,93
# to the nearest 5 kr.)
expect_out_re '^rfy_sdp_max_week +5085\.00 kr/week +2026-01-01\.\.2026-12-31 +secondary '
# normalbidrag 2026: 1.483 + 192 = 1.675 (secondary); the dagpenge maximum 22.041 (secondary)
expect_out_re '^normalbidrag_month +1675\.00 kr/month .* secondary '
expect_out_re '^dagpenge_max_month +22041\.00 kr/month .* secondary '
# r 2026 = 4,5 corroborated: PSL § 20 4,8 % = 2,0 + 2,8; 1,7 + 2,8 = 4,5
expect_out "I 2026 sker reguleringen med 4,8 pct."
expect_out "1,7 + 2,8 = 4,5" 
expect_out "Notes and assumptions in the table files:"
expect_out "Assumption A2: r 2026 = 4.5"
expect_out "Assumption A3"
expect_out "lov nr. 1750 af 29.12.2025"
run rates show 2026
expect_rc 0
expect_out "; beløbet er beregnet af kæden"
expect_out "Noter og antagelser i tabelfilerne:"
run rates show 2025
expect_rc 0
expect_out_re '^rfy_forsorger +16972\.00 kr/month +2025-01-01\.\.2025-12-31 +derived '
# 2025: 4.865 (secondary; 4.695 × 1,036 = 4.864,02 to the nearest 5 kr.)
expect_out_re '^rfy_sdp_max_week +4865\.00 kr/week +2025-01-01\.\.2025-12-31 +secondary '
expect_out "Assumption A1"

# --- a year no table covers: say which years are covered, first ---------------------------
run rates show 2027
expect_rc 2
if head -n 1 "$scratch/err" | grep -qF "ingen satstabel dækker 2027: tabellerne dækker 2012-2026"; then ok; else
    bad "show 2027: the first line of stderr does not name the covered years"; fi
if head -n 1 "$scratch/out" | grep -qF "Ingen satstabel dækker 2027 (tabellerne dækker 2012-2026)"; then ok; else
    bad "show 2027: the first line of stdout does not name the covered years"; fi
run --lang en rates show 2027
expect_rc 2
if head -n 1 "$scratch/out" | grep -qF "No rate table covers 2027 (the tables cover 2012-2026)"; then ok; else
    bad "show 2027 --lang en: the first line of stdout does not name the covered years"; fi
expect_out_re '^regulation_reduction_pct +0\.45 percent +2027-01-01'

# --- export DIR -> --rates DIR: the same tables, id and results -------------------------------
run rates export "$scratch/exported"
expect_rc 0
expect_out "skrev $(ls "$SRC"/rates/*.csv | wc -l) tabelfiler i $scratch/exported; brug dem med --rates $scratch/exported (docs/rates.md)"
run --lang en rates export "$scratch/exported-en"
expect_rc 0
expect_out "wrote $(ls "$SRC"/rates/*.csv | wc -l) table files to $scratch/exported-en; use them with --rates $scratch/exported-en (docs/rates.md)"
for f in "$SRC"/rates/*.csv; do
    if cmp -s "$f" "$scratch/exported/$(basename "$f")"; then ok; else bad "export: $(basename "$f") differs from rates/"; fi
done
run rates --rates "$scratch/exported" check
expect_rc 0
expect_out "rates_id $builtin_id"
printf 'case_id,month,category,wage,prior,prior_amount,prior_unit,prior_until\nA,2026-11,forsorger,20000,,,,\nB,2025-03,forsorger,,sygedagpenge,4865,week,2025-03-31\n' >"$scratch/in.csv"
"$RFY" batch --quiet -o "$scratch/builtin.out.csv" "$scratch/in.csv" 2>/dev/null
"$RFY" batch --quiet --rates "$scratch/exported" -o "$scratch/exported.out.csv" "$scratch/in.csv" 2>/dev/null
if [ -s "$scratch/builtin.out.csv" ] && cmp -s "$scratch/builtin.out.csv" "$scratch/exported.out.csv"; then ok; else
    bad "batch with --rates on the export differs from the built-in tables"; fi
# 17.736 − 0,55 × (20.000 − 17.672) = 16.455,60; 4.865/uge × 52/12 = 252.980/12 = 21.081,67,
# at the secondary maximum 4.865: no sdp warning
if grep -q '^A,2026-11,.*,16455\.60,derived,[0-9a-f]*,\(.*,\)\{0,1\}derived_rate$' "$scratch/builtin.out.csv"; then ok; else
    bad "batch 2026-11: not 16455.60 with derived_rate"; fi
if grep -q '^B,2025-03,.*,21081\.67,derived,[0-9a-f]*,\(.*,\)\{0,1\}derived_rate$' "$scratch/builtin.out.csv"; then ok; else
    bad "batch 2025 sygedagpenge 4865/week: not 21081.67 with derived_rate only"; fi
run rates export "$scratch/exported"
expect_rc 2
expect_err "findes og overskrives ikke"

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
# ... and the check shows why the reduction is in 2027: the 2026 maxima with a source
# (5.085, 22.041) are not what the chain then gives (4.865 × 1,0405 → 5.060; 21.092 × 1,0405
# → 21.946)
run --lang en rates --rates "$scratch/moved" check
expect_rc 1
expect_out "MISMATCH 2026 rfy_sdp_max_week"
expect_out "table 5085.00, chain gives 5060.00"
expect_out "table 22041.00, chain gives 21946.00"

# --- check: every missing key of every covered month in one run, apart from the chain --------
cp -R "$scratch/exported" "$scratch/gaps"
sed -i '/^rfy_ikke_forsorger,2026-/d; /^activation_hour_disregard,2026-/d' "$scratch/gaps/2026.csv"
sed -i 's/^rfy_u25_hjemme,2025-01-01,2025-12-31,3972,/rfy_u25_hjemme,2025-01-01,2025-06-30,3972,/' "$scratch/gaps/2025.csv"
run rates --rates "$scratch/gaps" check
expect_rc 1
expect_out "MANGLER rfy_ikke_forsorger 2026-01..2026-12 (tabellen for de måneder har ingen række med den"
expect_out "manglende nøgler fundet: rækker i de måneder bliver afvist"
run --lang en rates --rates "$scratch/gaps" check
expect_rc 1
expect_out "Structural errors: none"
expect_out "MISSING rfy_ikke_forsorger 2026-01..2026-12"
expect_out "MISSING activation_hour_disregard 2026-01..2026-12"
expect_out "MISSING rfy_u25_hjemme 2025-07..2025-12"
expect_out "missing keys found: rows of those months will be rejected"
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
expect_out "Strukturfejl (tabellerne kan ikke bruges, før de er rettet):"
expect_out "2024.csv:4: unit for rfy_forsorger skal være 'kr/month'"
expect_out "2024.csv:5: amount: fortegn er ikke tilladt"
expect_err "rfy: ugyldige satstabeller: 2024.csv:4: unit for rfy_forsorger skal være 'kr/month' (alle fejl står på standardoutput)"
run --lang en rates --rates "$scratch/broken" check
expect_rc 2
expect_out "Structural errors (the tables cannot be used until these are fixed):"
expect_out "2024.csv:4: unit of rfy_forsorger must be 'kr/month'"
expect_out "2024.csv:5: amount: a sign is not allowed"
expect_err "rfy: invalid rate tables: 2024.csv:4: unit of rfy_forsorger must be 'kr/month' (all errors listed on standard output)"

# --- --rates on each malformed directory: exit 2 and FILE:LINE: reason -------------------
nbad=0
for dir in "$SRC"/fixtures/rates-bad/*/; do
    want=$(head -n 1 "$dir/expected-error-da.txt")
    run rates --rates "$dir" check
    expect_rc 2
    expect_err "rfy: ugyldige satstabeller: $want"
    want=$(head -n 1 "$dir/expected-error.txt")
    run --lang en rates --rates "$dir" check
    expect_rc 2
    expect_err "rfy: invalid rate tables: $want"
    nbad=$((nbad + 1))
done
if [ "$nbad" -ge 13 ]; then ok; else bad "only $nbad fixtures/rates-bad directories found"; fi
run rates --rates "$scratch/no-such-dir" check
expect_rc 2
expect_err "no-such-dir: kan ikke åbne satstabelmappen: filen eller mappen findes ikke"
run --lang en rates --rates "$scratch/no-such-dir" check
expect_rc 2
expect_err "no-such-dir: cannot open rate table directory: No such file or directory"

# --- rates derive: January 2027 from one published number -------------------------------------
# Without a table, a 2027-01 row is rejected and the reason names the way out.
printf 'case_id,month,category\nJ,2027-01,forsorger\n' >"$scratch/j27.csv"
run batch "$scratch/j27.csv"
expect_rc 1
expect_err "ingen satstabel dækker 2027-01"
expect_err "rfy rates derive ÅR --r PCT -o MAPPE"
run --lang en batch "$scratch/j27.csv"
expect_rc 1
expect_err "no rate table covers 2027-01"
expect_err "rfy rates derive YEAR --r PCT -o DIR"
run rates derive 2027 --r 2.9 -o "$scratch/d27"
expect_rc 0
expect_out "skrev 16 tabelfiler i $scratch/d27, 2027.csv afledt (hver værdi markeret derived"
run --lang en rates derive 2027 --r 2.9 -o "$scratch/d27en"
expect_rc 0
expect_out "wrote 16 table files to $scratch/d27en, 2027.csv derived (every value marked derived"
# every row of 2027 derived, with its chain and numbers in the source
if awk -F, '$2 ~ /^2027-/ && $6 != "derived" { bad = 1 } END { exit bad }' "$scratch/d27/2027.csv"; then ok; else
    bad "derive: a 2027 row is not derived"; fi
if grep -qF 'round(17736 × (1 + (r 2.9 − afdæmpning 0 − reduction 0.45)/100)) = 18171' "$scratch/d27/2027.csv"; then ok; else
    bad "derive: the forsørger source does not show the chain"; fi
# the other files are the built-in ones, byte for byte (2027.csv replaced: it held the reduction)
for f in "$SRC"/rates/20[12][0-6].csv; do
    if cmp -s "$f" "$scratch/d27/$(basename "$f")"; then ok; else bad "derive: $(basename "$f") differs from rates/"; fi
done
run --rates "$scratch/d27" rates check
expect_rc 0
expect_out "alle genskabt af kæden"
expect_out "ingen påkrævet nøgle mangler"
run --lang en --rates "$scratch/d27" rates check
expect_rc 0
expect_out "all reproduced by the chain"
expect_out "no required key missing"
run rates --rates "$scratch/d27" show 2027
expect_rc 0
expect_out_re '^rfy_forsorger +18171\.00 kr/month +2027-01-01\.\.2027-12-31 +derived '
expect_out_re '^regulation_reduction_pct +0\.45 percent '
# forsørger 17.736 × (1 + (2,9 − 0,45)/100) = 18.170,53 → 18.171.
# threshold 17.672 × 1,029 = 18.184,49 → 18.184; wage 20.000: 0,55 × 1.816 = 998,80;
#   18.171 − 998,80 = 17.172,20 (ressourceforløb);
#   jobafklaring: 0,30 × 18.184 + 0,55 × 1.816 = 5.455,20 + 998,80 = 6.454,00; 18.171 − 6.454 = 11.717,00.
# hourly disregard 19,33 × 1,0245 = 19,80; 1.000 kr. over 10 h: 1.000 − 198 = 802; 18.171 − 802 = 17.369,00.
# highest sygedagpenge 5.085 × 1,0245 = 5.209,58 → 5.210: 5.300/uge × 52/12 = 22.966,67, flagged.
# dagpenge maximum 22.041 × 1,0245 = 22.581,00 → 22.581: 23.000/md. computed, flagged.
printf 'case_id,month,category,forloeb,wage,activation_income,activation_hours,prior,prior_amount,prior_unit,prior_until\nA,2027-01,forsorger,,,,,,,,\nB,2027-01,forsorger,ressourceforloeb,20000,,,,,,\nC,2027-01,forsorger,jobafklaring,20000,,,,,,\nD,2027-01,forsorger,,,1000,10,,,,\nS,2027-01,forsorger,,,,,sygedagpenge,5300,week,2027-01-31\nL,2027-01,forsorger,,,,,ledighedsydelse,23000,month,\n' >"$scratch/b27.csv"
brc=0
"$RFY" --rates "$scratch/d27" batch --quiet -o "$scratch/b27.out.csv" "$scratch/b27.csv" 2>"$scratch/b27.err" || brc=$?
if [ "$brc" = 0 ]; then ok; else bad "batch --rates derived 2027: exit $brc ($(cat "$scratch/b27.err"))"; fi
paid() { awk -F, -v id="$1" '$1 == id { print $14 "|" $15 "|" $NF }' "$scratch/b27.out.csv"; }
for want in "A|18171.00|derived|derived_rate" "B|17172.20|derived|derived_rate" \
            "C|11717.00|derived|derived_rate" "D|17369.00|derived|derived_rate" \
            "S|22966.67|derived|derived_rate;sdp_above_derived_max" \
            "L|23000.00|derived|derived_rate;ledighedsydelse_above_derived_max"; do
    id=${want%%|*}
    if [ "$id|$(paid "$id")" = "$want" ]; then ok; else bad "batch 2027 $id: got '$(paid "$id")', want '$want'"; fi
done
# refusals: not the next year, not a plain decimal, a directory holding other files
run rates derive 2028 --r 2.9 -o "$scratch/d28"
expect_rc 2
expect_err "rfy rates derive: ÅR skal være året efter den sidste tabel, og det er 2028 ikke"
expect_err "så afled 2027"
run --lang en rates derive 2028 --r 2.9 -o "$scratch/d28"
expect_rc 2
expect_err "YEAR must be the year after the last table"
expect_err "derive 2027"
if [ -e "$scratch/d28" ]; then bad "derive 2028: created the directory"; else ok; fi
for pct in 2,9 2.9% -1 abc 2.945 1e1; do
    run rates derive 2027 --r "$pct" -o "$scratch/dpct"
    expect_rc 2
    expect_err "rfy rates derive: --r skal være en procentsats skrevet som et decimaltal med punktum, f.eks. 2.9, ikke '$pct'"
    run --lang en rates derive 2027 --r "$pct" -o "$scratch/dpct"
    expect_rc 2
    expect_err "--r must be a plain decimal"
done
run rates derive 2027 --r 2.9 --afdaempning 0,1 -o "$scratch/dpct"
expect_rc 2
expect_err "--afdaempning skal være en procentsats"
run --lang en rates derive 2027 --r 2.9 --afdaempning 0,1 -o "$scratch/dpct"
expect_rc 2
expect_err "--afdaempning must be a plain decimal"
run rates derive 2027 --r 2.9 --normalbidrag 1.675,00 -o "$scratch/dpct"
expect_rc 2
expect_err "--normalbidrag skal være et beløb i kroner"
run --lang en rates derive 2027 --r 2.9 --normalbidrag 1.675,00 -o "$scratch/dpct"
expect_rc 2
expect_err "--normalbidrag must be a plain decimal"
if [ -e "$scratch/dpct" ]; then bad "derive with a bad number: created the directory"; else ok; fi
run rates derive 2027 --r 2.9 -o "$scratch/d27"
expect_rc 2
expect_err "rummer andre filer"
mkdir -p "$scratch/dother" && echo x >"$scratch/dother/notes.txt"
run rates derive 2027 --r 2.9 -o "$scratch/dother"
expect_rc 2
expect_err "rummer andre filer"
if [ "$(ls "$scratch/dother")" = "notes.txt" ]; then ok; else bad "derive into a used directory wrote files"; fi
# an empty directory is fine; --reduction 0 and --normalbidrag: 17.736 × 1,029 = 18.250,34 → 18.250;
# a 2027 nr. 4 case: u25 4.151 × 1,029 = 4.271,38 → 4.271; + 1.720 = 5.991,00
mkdir -p "$scratch/dempty"
run rates derive 2027 --r 2.9 --reduction 0 --normalbidrag 1720 -o "$scratch/dempty"
expect_rc 0
run preview --rates "$scratch/dempty" --month 2027-01 --category u25_hjemme_bidrag --children 1
expect_rc 0
expect_out "5.991,00"
run rates --rates "$scratch/dempty" show 2027
expect_out_re '^rfy_forsorger +18250\.00 '
expect_out_re '^normalbidrag_month +1720\.00 kr/month .* derived '
# from a --rates directory: 2028 from the derived 2027, no reduction (none held for 2028):
# 18.171 × 1,031 = 18.734,30 → 18.734
run rates --rates "$scratch/d27" derive 2028 --r 3.1 -o "$scratch/d28"
expect_rc 0
run --rates "$scratch/d28" rates check
expect_rc 0
run rates --rates "$scratch/d28" show 2028
expect_out_re '^rfy_forsorger +18734\.00 kr/month +2028-01-01\.\.2028-12-31 +derived '
if grep -q '^regulation_reduction_pct,2028' "$scratch/d28/2028.csv"; then bad "derive 2028: a reduction row"; else ok; fi
# derive needs --r and -o; the derive options belong to derive
run rates derive 2027 -o "$scratch/dnor"
expect_rc 2
run rates check --r 2.9
expect_rc 2
expect_err "hører til 'rfy rates derive'"

# --- built-in 2025/2026: the sygedagpenge maxima are secondary, so above them is bad input -------
# 2025-03: 4.865 × 52/12 = 21.081,67 (no sdp warning); 4.870 rejected.
# 2026-05: 5.085 × 52/12 = 264.420/12 = 22.035,00; 5.090 rejected.
# 2026-04 nr. 4, one child, no child_support: 4.151 + 1.675 = 5.826,00.
# 2024-05 ledighedsydelse: 9.999.999,99/uge rejected (above 20.359/md.); 4.000/uge × 52/12 = 17.333,33.
printf 'case_id,month,category,children,prior,prior_amount,prior_unit,prior_until\nS1,2025-03,forsorger,,sygedagpenge,4865,week,2025-03-31\nS2,2025-03,forsorger,,sygedagpenge,4870,week,2025-03-31\nS3,2026-05,forsorger,,sygedagpenge,5085,week,2026-05-31\nS4,2026-05,forsorger,,sygedagpenge,5090,week,2026-05-31\nN4,2026-04,u25_hjemme_bidrag,1,,,,\nLY1,2024-05,forsorger,,ledighedsydelse,9999999.99,week,\nLY2,2024-05,forsorger,,ledighedsydelse,4000,week,\n' >"$scratch/bi.csv"
brc=0
"$RFY" batch --quiet -o "$scratch/bi.out.csv" --rejects "$scratch/bi.rej.csv" "$scratch/bi.csv" 2>/dev/null || brc=$?
if [ "$brc" = 1 ]; then ok; else bad "batch built-in 2024-2026 checks: exit $brc, expected 1 (rejects)"; fi
b27="$scratch/b27.out.csv"; cp "$scratch/bi.out.csv" "$b27"
for want in "S1|21081.67|derived|derived_rate" "S3|22035.00|derived|derived_rate" \
            "N4|5826.00|derived|derived_rate" "LY2|17333.33|published|"; do
    id=${want%%|*}
    if [ "$id|$(paid "$id")" = "$want" ]; then ok; else bad "batch $id: got '$(paid "$id")', want '$want'"; fi
done
for id in S2 S4 LY1; do
    if grep -q "^[0-9]*,$id,prior_amount," "$scratch/bi.rej.csv"; then ok; else bad "batch $id: not rejected on prior_amount"; fi
done
if grep -q '^[0-9]*,S2,.*4865\.00 kr\. pr\. uge' "$scratch/bi.rej.csv"; then ok; else bad "S2: reason does not name 4865.00"; fi
# LY1: 9.999.999,99/uge × 52/12 = 43.333.333,29/md. > 2024's dagpenge maximum 20.359/md.
if grep -qF 'LY1,prior_amount,"prior_amount er over det højeste dagpengebeløb for måneden (20359.00 kr. pr. måned; et ugebeløb tæller × 52/12; § 68 stk. 5, AFL § 47)",ledighedsydelse_above_max' "$scratch/bi.rej.csv"; then ok; else
    bad "LY1: reason is not the Danish ledighedsydelse_above_max naming 20359.00: $(grep LY1 "$scratch/bi.rej.csv")"; fi
"$RFY" --lang en batch --quiet -o "$scratch/bi-en.out.csv" --rejects "$scratch/bi-en.rej.csv" "$scratch/bi.csv" 2>/dev/null || true
if grep -qF 'LY1,prior_amount,"prior_amount is above the highest dagpenge amount for the month (20359.00 kr. per month; a weekly amount counts x 52/12; § 68 stk. 5, AFL § 47)",ledighedsydelse_above_max' "$scratch/bi-en.rej.csv"; then ok; else
    bad "LY1 --lang en: reason is not the English text: $(grep LY1 "$scratch/bi-en.rej.csv")"; fi

# --- --version and --help ----------------------------------------------------------------------
run --version
expect_rc 0
expect_out_re '^rfy [0-9]+\.[0-9]+\.[0-9]+'
run --help
expect_rc 0
expect_out "Brug:"
expect_out "rfy rates"
run rates --help
expect_rc 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
