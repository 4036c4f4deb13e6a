#!/usr/bin/env bash
# Sanctions the kommune decided, end to end (rules.md §9): batch, audit,
# preview, rates show and the rejects of bad sanction input.  The amounts of
# fixtures/sanctions/sanctioned.csv are worked out by hand in
# fixtures/sanctions/README.md.
#
# usage: bash test_sanctions_cli.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
FIX=$SRC/fixtures/sanctions

# column NAME FILE: the values of column NAME (by header name), one per line
column() {
    awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
                          /^#/ || NF == 0 { next } { print $c }' "$2"
}

# ---- batch: the worked rows ------------------------------------------------------------
"$RFY" batch --quiet -o "$TMP/out.csv" "$FIX/sanctioned.csv" 2>"$TMP/err"
check "batch: exit 0" [ $? = 0 ]
check "batch: sanction_deduction by hand (README)" [ "$(column sanction_deduction "$TMP/out.csv" | paste -sd' ')" \
    = "2268.00 1582.00 756.00 5487.00 1638.00 733.00 496.00" ]
check "batch: payment by hand (README)" [ "$(column payment "$TMP/out.csv" | paste -sd' ')" \
    = "14114.00 10134.00 19589.00 0.00 7109.48 15141.00 4886.00" ]
# total_deduction = wage + holiday + activation + other + sanction on every row, in øre
while IFS=, read -r w h a o s t; do
    ore() { echo "${1/./}" | sed 's/^0*\([0-9]\)/\1/'; }
    [ $(($(ore "$w") + $(ore "$h") + $(ore "$a") + $(ore "$o") + $(ore "$s"))) = "$(ore "$t")" ] \
        && ok || bad "total_deduction $t != $w + $h + $a + $o + $s"
done < <(paste -d, <(column wage_deduction "$TMP/out.csv") <(column holiday_deduction "$TMP/out.csv") \
    <(column activation_deduction "$TMP/out.csv") <(column other_deduction "$TMP/out.csv") \
    <(column sanction_deduction "$TMP/out.csv") <(column total_deduction "$TMP/out.csv"))
# the 2023 daily amount is derived (no published figure): the row says so
check "batch: S-6 (2023) provenance derived" [ "$(column provenance "$TMP/out.csv" | sed -n 6p)" = derived ]
check "batch: S-1 (2024) provenance published" [ "$(column provenance "$TMP/out.csv" | sed -n 1p)" = published ]

# ---- audit: a sanctioned month entered with its sanction finds no difference ---------------
"$RFY" audit -o "$TMP/audit.csv" "$FIX/paid.csv" 2>"$TMP/audit.err"
check "audit with the sanctions: exit 0" [ $? = 0 ]
check "audit with the sanctions: 7 match, 0 differ" grep -q "7 rækker læst, 7 stemmer, 0 afviger, 0 afvist" "$TMP/audit.err"
# the same history without the sanction columns: every sanctioned row differs by its sanction
cut -d, -f1-12,15 "$FIX/paid.csv" >"$TMP/nosanction.csv"
"$RFY" audit -o "$TMP/audit2.csv" "$TMP/nosanction.csv" 2>"$TMP/audit2.err"
check "audit without the sanctions: exit 1" [ $? = 1 ]
# difference = paid − payment = −sanction (S-4 pays 0 either way: 3.834 − 2.022,35 = 1.811,65 → −1.811,65)
check "audit without the sanctions: differences are the sanctions" \
    [ "$(column difference "$TMP/audit2.csv" | paste -sd' ')" = "-2268.00 -1582.00 -756.00 -1811.65 -1638.00 -733.00 -496.00" ]

# ---- bad input: a reject naming the column ------------------------------------------------
cat >"$TMP/bad.csv" <<'EOF'
case_id,month,category,start,end,sanction_days,sanction_amount
B-1,2024-05,forsorger,,,1.5,
B-2,2024-05,forsorger,,,-2,
B-3,2024-05,forsorger,,,,-500
B-4,2024-05,forsorger,2024-05-10,2024-05-20,12,
B-5,2024-05,forsorger,2024-05-10,2024-05-20,11,
EOF
"$RFY" batch --quiet -o "$TMP/bad.out.csv" --rejects "$TMP/bad.rej.csv" "$TMP/bad.csv" 2>/dev/null
check "bad sanction input: exit 1" [ $? = 1 ]
check "fraction of a day: rejected, column sanction_days" grep -q '^2,B-1,sanction_days,.*ikke et helt antal dage.*,not_whole$' "$TMP/bad.rej.csv"
check "negative days: rejected, column sanction_days" grep -q '^3,B-2,sanction_days,' "$TMP/bad.rej.csv"
check "negative amount: rejected, column sanction_amount" grep -q '^4,B-3,sanction_amount,.*fortegn er ikke tilladt.*,number_sign$' "$TMP/bad.rej.csv"
check "days beyond the row's 11 days of entitlement: rejected, column sanction_days" \
    grep -q "^5,B-4,sanction_days,.*sanction_days 12 er flere end rækkens 11 dage med ret.*,sanction_days_exceed$" "$TMP/bad.rej.csv"
# 11 days is the whole period: 16.382 × 11/31 = 5.812,90 (180.202/31 = 5.812,967… → 5.812,97); 11 × 756 = 8.316 > it: 0
check "11 days of 11: computed, payment 0.00" [ "$(column payment "$TMP/bad.out.csv")" = 0.00 ]

# ---- preview: the Sanktioner line and an option-named error --------------------------------
"$RFY" preview --month 2024-05 --category forsorger --sanction-days 3 >"$TMP/p.txt" 2>&1
check "preview: exit 0" [ $? = 0 ]
check "preview: Sanktioner line with days, daily amount, rule and §" \
    grep -qF "Sanktioner: periodesanktion 3 dage × 756,00 kr. = 2.268,00 (§ 69 b, stk. 2; dagssats: niveauet 16.382,00 × 12/260" "$TMP/p.txt"
check "preview: payment 14.114,00" grep -qE "Til udbetaling.* 14.114,00" "$TMP/p.txt"
"$RFY" preview --month 2024-05 --category forsorger --end 2024-05-02 --sanction-days 3 >"$TMP/p2.txt" 2>"$TMP/p2.err"
check "preview: days beyond entitlement: exit 2" [ $? = 2 ]
check "preview: the error names --sanction-days" grep -q "^rfy preview: --sanction-days: " "$TMP/p2.err"

# ---- rates show: the daily amounts of every year, with provenance --------------------------
for y in 2013 2014 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024 2025 2026; do
    "$RFY" rates show "$y" >"$TMP/r.txt"
    n=$(grep -cE '^sanction_day_(forsorger|ikke_forsorger|u25_hjemme|u25_bidrag_max) ' "$TMP/r.txt")
    check "rates show $y: four daily amounts" [ "$n" = 4 ]
done
"$RFY" rates show 2024 >"$TMP/r.txt"
check "rates show 2024: 756 published, from bm.dk" \
    grep -qE '^sanction_day_forsorger +756\.00 kr/day +2024-01-01\.\.2024-12-31 +published ' "$TMP/r.txt"
"$RFY" rates show 2022 >"$TMP/r.txt"
check "rates show 2022: 541 published" grep -qE '^sanction_day_ikke_forsorger +541\.00 kr/day .* published ' "$TMP/r.txt"
"$RFY" rates show 2023 >"$TMP/r.txt"
check "rates show 2023: 733 derived, with its rule" grep -qE '^sanction_day_forsorger +733\.00 kr/day .* derived ' "$TMP/r.txt"
check "rates show 2023: the derivation" grep -qF "derived: docs/rules.md §9: round(15874 × 12 / 260) = round(732.65) = 733" "$TMP/r.txt"

# 2026 is written "chain": derived from the level at load (forsørger 17.736 × 12 / 260 = 818,58 → 819)
"$RFY" rates show 2026 >"$TMP/r.txt"
check "rates show 2026: 819 derived from the level" \
    grep -qE '^sanction_day_forsorger +819\.00 kr/day +2026-01-01\.\.2026-12-31 +derived ' "$TMP/r.txt"
check "rates show 2026: says how" grep -qF "beløbet er beregnet af niveauet: afrundet(niveau × 12 / 260)" "$TMP/r.txt"
"$RFY" --lang en rates show 2026 >"$TMP/r.txt"
check "rates show 2026 --lang en: says how" grep -qF "amount computed from the level: round(level × 12 / 260)" "$TMP/r.txt"
# ... so it follows the level: the 0,45 reduction moved to 2026 gives 17.659 → 17.659 × 12 / 260 = 815,03 → 815
"$RFY" rates export "$TMP/tables" >/dev/null 2>&1
sed -i 's/^regulation_reduction_pct,2027-01-01,2027-12-31,/regulation_reduction_pct,2026-01-01,2026-12-31,/' "$TMP/tables/2027.csv"
"$RFY" rates --rates "$TMP/tables" show 2026 >"$TMP/r.txt"
check "reduction moved to 2026: 815 a day" grep -qE '^sanction_day_forsorger +815\.00 kr/day ' "$TMP/r.txt"
# rates check then reports the two 2026 maxima with a source (5.085 and 22.041), which the
# chain with the reduction in 2026 does not give (4.865 × 1,0405 → 5.060; 21.092 × 1,0405 →
# 21.946): the evidence for the reduction in 2027.  The day amounts all agree.
"$RFY" rates --rates "$TMP/tables" check >"$TMP/c.txt"
check "reduction moved to 2026: rates check 1" [ $? = 1 ]
check "reduction moved to 2026: two mismatches, in Danish" [ "$(grep -c '^AFVIGELSE' "$TMP/c.txt")" = 2 ]
"$RFY" --lang en rates --rates "$TMP/tables" check >"$TMP/c.txt"
check "reduction moved to 2026: rates check 1 (--lang en)" [ $? = 1 ]
check "reduction moved to 2026: two mismatches" [ "$(grep -c '^MISMATCH' "$TMP/c.txt")" = 2 ]
check "reduction moved to 2026: the sygedagpenge maximum" \
    grep -qF "MISMATCH 2026 rfy_sdp_max_week" "$TMP/c.txt"
check "reduction moved to 2026: the dagpenge maximum" \
    grep -qF "MISMATCH 2026 dagpenge_max_month" "$TMP/c.txt"
# a table without the 2026 ikke-forsørger level: the derived amount a day is absent, not guessed
sed -i '/^rfy_ikke_forsorger,2026-/d' "$TMP/tables/2026.csv"
printf 'case_id,month,category,sanction_days\nG-1,2026-05,ikke_forsorger,1\n' >"$TMP/gap.csv"
"$RFY" batch --quiet --rates "$TMP/tables" -o "$TMP/gap.out.csv" --rejects "$TMP/gap.rej.csv" "$TMP/gap.csv" 2>/dev/null
check "gap in 2026: the row is rejected" grep -q '^2,G-1,month,' "$TMP/gap.rej.csv"

# ---- a case-month of two period rows: each row's days on its own level (rules.md §7, §9) ----
# May 2024, 1–11 ikke-forsørger with 2 days, 12–31 forsørger with 1 day and a punktsanktion of 100:
# gross 12.326 × 11/31 + 16.382 × 20/31 = 463.226/31 = 14.942,77; sanctions 2 × 569 + 756 + 100
# = 1.994,00; payment 12.948,77
printf 'case_id,month,category,start,end,sanction_days,sanction_amount,paid\nM-1,2024-05,forsorger,2024-05-12,,1,100,12948.77\nM-1,2024-05,ikke_forsorger,,2024-05-11,2,,0\n' >"$TMP/two.csv"
cut -d, -f1-7 "$TMP/two.csv" >"$TMP/two.batch.csv"
"$RFY" batch --quiet -o "$TMP/two.out.csv" "$TMP/two.batch.csv" 2>/dev/null
check "two period rows: one case-month, sanction 1994.00, payment 12948.77" \
    [ "$(column sanction_deduction "$TMP/two.out.csv")/$(column payment "$TMP/two.out.csv")" = 1994.00/12948.77 ]
"$RFY" audit -o "$TMP/two.rep.csv" "$TMP/two.csv" 2>"$TMP/two.err"
check "two period rows: the audit finds no difference" grep -q "1 stemmer, 0 afviger" "$TMP/two.err"
"$RFY" preview --input "$TMP/two.batch.csv" --case-id M-1 --month 2024-05 >"$TMP/two.txt" 2>&1
check "two period rows: the preview says each period's days are on its own level" \
    grep -q "Sanktioner: periodesanktion 3 dage, hver periodes dage efter periodens eget niveau × 12/260, afrundet til hele kroner = 1.894,00" "$TMP/two.txt"
# a row's days beyond that row's entitlement: rejected, naming the column
printf 'case_id,month,category,start,end,sanction_days\nM-2,2024-05,forsorger,2024-05-12,,1\nM-2,2024-05,ikke_forsorger,,2024-05-11,12\n' >"$TMP/two.bad.csv"
"$RFY" batch --quiet -o "$TMP/two.bad.out.csv" --rejects "$TMP/two.bad.rej.csv" "$TMP/two.bad.csv" 2>/dev/null
check "two period rows: 12 days in an 11-day row rejected at sanction_days" grep -q '^3,M-2,sanction_days,' "$TMP/two.bad.rej.csv"

# a month with sanction days is a month like any other in the batch totals
printf 'case_id,month,category,sanction_days\nY-1,2026-11,forsorger,2\n' >"$TMP/y.csv"
"$RFY" batch --quiet -o "$TMP/y.out.csv" "$TMP/y.csv" 2>/dev/null
# 17.736 − 2 × 819 = 16.098,00, derived (2026), warning derived_rate
check "2026-11 forsorger 2 days: 16098.00, derived" \
    grep -q '^Y-1,2026-11,.*,16098\.00,derived,[0-9a-f]*,[0-9;]*,\([^,]*,\)\{5\}1638\.00,derived_rate$' "$TMP/y.out.csv"

rfy_test_finish
