#!/usr/bin/env bash
# Payroll and audit files as kommuner have them (docs/batch.md, "Files from
# Excel and payroll systems"): encodings, Excel's sep= line, Danish headers
# through the shipped map, extra columns, thousands separators, the excel and
# xlsx output formats, the reconciled summary and the receipt's options.
#
# The inputs are fixtures/files/ (written by fixtures/files/make.sh).  The
# figures, by hand (2024-03, rates 2024: forsørger 16382.00, ikke-forsørger
# 12326.00; ressourceforløb from 2022-01: 55 % of the wage above 16323.00):
#   S-1 forsørger, wage 20.000,00:     0.55 × (20000 − 16323) = 2022.35; paid 14359.65
#   S-2 ikke-forsørger, no wage:       paid 12326.00
#   S-3 forsørger, wage 60.000,00:     0.55 × 43677 = 24022.35 > 16382.00; paid 0.00
#   S-4 forsørger, wage 1.000.000,5:   0.55 × 983677.50 = 541022.625 → 541022.63; paid 0.00
#   gross 4 × ... = 16382 + 12326 + 16382 + 16382 = 61472.00
#   paid 14359.65 + 12326.00 = 26685.65; deductions applied 61472.00 − 26685.65 = 34786.35
#   total_deduction 2022.35 + 24022.35 + 541022.63 = 567067.33
#   beyond the benefit 567067.33 − 34786.35 = 532280.98; case-months paid 0: 2
#
# usage: bash test_files.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
FIX=$SRC/fixtures/files
MAP=$SRC/fixtures/columns-da.csv
PY=/usr/bin/python3 # Debian's python3-openpyxl belongs to it
DA=(--columns "$MAP" --ignore-columns cpr,navn,afdeling --decimal-comma)

has() { grep -qF -- "$2" "$1"; } # has FILE TEXT

# ---- Windows-1252 as Danish Excel saves it ------------------------------------------
"$RFY" batch -o "$TMP/w.csv" "$FIX/excel-cp1252.csv" 2>"$TMP/w.err"
check "cp1252 without --encoding: exit 2" [ $? = 2 ]
check "cp1252 without --encoding: no output" [ ! -e "$TMP/w.csv" ]
check "cp1252: the header message says to try --encoding cp1252" has "$TMP/w.err" "prøv --encoding cp1252"
check "cp1252: every unknown column in one message" has "$TMP/w.err" "9 ukendte kolonner: 'Sagsnr'"
# Read as Windows-1252: the hint never proposes reading past a column that carries money (Løn,
# Feriepenge) or holiday (Feriedage): copying it would drop income without a word.
"$RFY" batch --encoding cp1252 -o "$TMP/w2.csv" "$FIX/excel-cp1252.csv" 2>"$TMP/w2.err"
check "cp1252 header: --ignore-columns offers only columns without money" \
    has "$TMP/w2.err" "eller spring over med --ignore-columns Sagsnr,Måned,CPR,Navn,Afdeling; 'Løn', 'Feriepenge', 'Feriedage' bærer penge eller ferie: map dem til rfy's navne, spring dem aldrig over"
"$RFY" --lang en batch --encoding cp1252 -o "$TMP/w2en.csv" "$FIX/excel-cp1252.csv" 2>"$TMP/w2en.err"
check "cp1252 header, --lang en: the same in English" \
    has "$TMP/w2en.err" "line 2: 9 unknown columns: 'Sagsnr' (column 1 of the header), 'Måned' (column 2 of the header)"
check "cp1252 header, --lang en: money columns never read past" \
    has "$TMP/w2en.err" "or read past with --ignore-columns Sagsnr,Måned,CPR,Navn,Afdeling; 'Løn', 'Feriepenge', 'Feriedage' carry money or holiday: map them to rfy's names, never read past them"
check "cp1252 header: no money column in the --ignore-columns hint" \
    bash -c "! grep -o -- '--ignore-columns [^;]*' '$TMP/w2.err' | grep -q 'Løn\|Feriepenge'"
check "cp1252: the header is line 2 (after sep=;)" has "$TMP/w.err" "linje 2: "
"$RFY" batch --encoding cp1252 "${DA[@]}" -o "$TMP/cp.csv" "$FIX/excel-cp1252.csv" 2>"$TMP/cp.err"
check "cp1252 + Danish map: exit 0" [ $? = 0 ]
# Through a ledger: the run's input hash is the file's own bytes (Windows-1252, as
# `sha256sum` gives it), the same the receipt names, not the hash of the text decoded.
"$RFY" batch --quiet --encoding cp1252 "${DA[@]}" --ledger "$TMP/cp.db" -o "$TMP/cpl.csv" \
    "$FIX/excel-cp1252.csv" 2>/dev/null
CP_SHA=$(sha256sum "$FIX/excel-cp1252.csv" | cut -d' ' -f1)
check "cp1252 through a ledger: the run's input_sha256 is the file's, as the receipt's" \
    [ "$("$RFY" ledger runs "$TMP/cp.db" --json | /usr/bin/python3 -c \
        'import json, sys; print(json.load(sys.stdin)[0]["input_sha256"])')" = "$CP_SHA" ] &&
    grep -q "\"sha256\": *\"$CP_SHA\"" "$TMP/cpl.receipt.json"
check "cp1252 + Danish map: output = golden" same "$FIX/danish.expected.csv" "$TMP/cp.csv"
check "cp1252: S-1 paid 14359.65 (wage 20.000,00)" has "$TMP/cp.csv" ",2022.35,14359.65,"
check "cp1252: the row of only delimiters is a blank line, not a row" has "$TMP/cp.err" "4 rækker læst, 4 beregnet, 0 afvist"
check "summary: gross - applied = paid" has "$TMP/cp.err" "brutto 61472.00 - anvendte fradrag 34786.35 = udbetalt 26685.65"
check "summary: beyond the benefit, paid 0" has "$TMP/cp.err" "fradrag ud over ydelsen 532280.98 (ikke udbetalt, ikke skyldig); sagsmåneder med udbetaling 0: 2"

# The same rows in UTF-8 and in UTF-16 (Excel's "Unicode text", tabs) give the same output.
"$RFY" batch "${DA[@]}" -o "$TMP/u8.csv" "$FIX/excel-utf8.csv" 2>/dev/null
check "UTF-8 save: same output" cmp -s "$TMP/cp.csv" "$TMP/u8.csv"
"$RFY" batch --delimiter tab "${DA[@]}" -o "$TMP/u16.csv" "$FIX/unicode-utf16.txt" 2>/dev/null
# the same rows apart from `lines` (the cp1252 file has a sep= line: its rows are one line further)
nolines() { awk -F, -v OFS=, '{ $(NF - 7) = ""; print }' "$1"; } # lines: 8th column from the end
check "UTF-16 with BOM, no --encoding: same output" cmp -s <(nolines "$TMP/cp.csv") <(nolines "$TMP/u16.csv")
"$RFY" batch --encoding cp1252 --delimiter tab "${DA[@]}" -o "$TMP/u16b.csv" "$FIX/unicode-utf16.txt" 2>/dev/null
check "UTF-16 with BOM, --encoding cp1252: the mark decides" cmp -s <(nolines "$TMP/cp.csv") <(nolines "$TMP/u16b.csv")
iconv -f UTF-8 -t UTF-16LE "$FIX/excel-utf8.csv" >"$TMP/nobom16.csv"
"$RFY" batch --encoding utf-16 "${DA[@]}" -o "$TMP/nb.csv" "$TMP/nobom16.csv" 2>/dev/null
check "UTF-16LE without BOM, --encoding utf-16: same output" cmp -s "$TMP/cp.csv" "$TMP/nb.csv"
iconv -f UTF-8 -t ISO-8859-1 "$FIX/excel-utf8.csv" >"$TMP/latin1.csv"
"$RFY" batch --encoding latin1 "${DA[@]}" -o "$TMP/l1.csv" "$TMP/latin1.csv" 2>/dev/null
check "Latin-1 with --encoding latin1: same output" cmp -s "$TMP/cp.csv" "$TMP/l1.csv"

# Bytes that are not text in the encoding: the whole file is refused, with the line.
printf 'case_id,month,category\nA,2024-03,forsorger\nB\x81,2024-03,forsorger\n' >"$TMP/x81.csv"
"$RFY" batch --encoding cp1252 -o "$TMP/x81.out.csv" "$TMP/x81.csv" 2>"$TMP/x81.err"
check "cp1252 byte 0x81: exit 2" [ $? = 2 ]
check "cp1252 byte 0x81: the reason names line 3 and the byte" has "$TMP/x81.err" "linje 3: byte 0x81 er ikke et tegn i Windows-1252"
check "cp1252 byte 0x81: nothing written" [ ! -e "$TMP/x81.out.csv" ]
head -c 101 "$FIX/unicode-utf16.txt" >"$TMP/odd16.txt"
"$RFY" batch --delimiter tab -o "$TMP/odd.csv" "$TMP/odd16.txt" 2>"$TMP/odd.err"
check "UTF-16 cut in a character: exit 2" [ $? = 2 ]
check "UTF-16 cut in a character: the reason" has "$TMP/odd.err" "slutter midt i et tegn"

# Past the first 64 KiB read (the streaming path): a character split between two
# reads is joined, and a fault names its line.
{ printf 'case_id;month;category;wage\n'
  for i in $(seq 1 3000); do printf 'Søren-%d;2024-03;forsørger;20.000,00\n' "$i"; done; } >"$TMP/big8.csv"
iconv -f UTF-8 -t UTF-16 "$TMP/big8.csv" >"$TMP/big16.csv"
"$RFY" batch --delimiter ';' --decimal-comma --quiet -o "$TMP/big8.out.csv" "$TMP/big8.csv" 2>/dev/null
"$RFY" batch --delimiter ';' --decimal-comma --quiet -o "$TMP/big16.out.csv" "$TMP/big16.csv" 2>/dev/null
check "UTF-16 over several reads: same output as UTF-8 (3000 rows)" \
    bash -c "cmp -s '$TMP/big8.out.csv' '$TMP/big16.out.csv' && [ \$(wc -l <'$TMP/big16.out.csv') = 3001 ]"
{ iconv -f UTF-8 -t CP1252 "$TMP/big8.csv"; printf 'X\x81;2024-03;forsorger;1\n'; } >"$TMP/big1252.csv"
"$RFY" batch --encoding cp1252 --delimiter ';' --decimal-comma --quiet -o "$TMP/b1252.csv" "$TMP/big1252.csv" 2>"$TMP/b1252.err"
check "cp1252 fault after 64 KiB: exit 2, nothing written" [ $? = 2 -a ! -e "$TMP/b1252.csv" ]
check "cp1252 fault after 64 KiB: names line 3002" has "$TMP/b1252.err" "linje 3002: byte 0x81"

# Without --encoding, a Windows-1252 byte in a row: the row is rejected with the way out.
printf 'case_id,month,category\nS\xf8ren,2024-03,forsorger\n' >"$TMP/row1252.csv"
"$RFY" batch -o "$TMP/r.csv" "$TMP/row1252.csv" 2>/dev/null
check "UTF-8 fails on ø (0xF8): the reject says try --encoding cp1252" \
    has "$TMP/r.rejects.csv" "prøv --encoding cp1252"

# ---- sep= and line numbers ---------------------------------------------------------------
printf 'sep=;\ncase_id;month;category\nA;2024-03;forsorger\nB;2024-13;forsorger\n' >"$TMP/sep.csv"
"$RFY" batch -o "$TMP/sep.out.csv" "$TMP/sep.csv" 2>/dev/null
check "sep=;: read with ';', the bad month named on its physical line 4" \
    has "$TMP/sep.out.rejects.csv" "4,B,month,"
"$RFY" batch --delimiter , -o "$TMP/sep2.csv" "$TMP/sep.csv" 2>"$TMP/sep2.err"
check "sep=; against --delimiter ,: refused" [ $? = 2 ]

# ---- Extra and misspelt columns ---------------------------------------------------------------
"$RFY" batch -o - "$FIX/extra-columns.csv" 2>"$TMP/exda.err" >/dev/null
check "extra columns: all three named in one message (Danish)" \
    has "$TMP/exda.err" "linje 1: 3 ukendte kolonner: 'cpr' (kolonne 5 i overskriften), 'navn' (kolonne 6 i overskriften), 'afdeling' (kolonne 7 i overskriften); kolonnenavne staves præcist og med små bogstaver: omdøb dem eller map med --columns MAP.csv"
check "extra columns: the way out (Danish)" has "$TMP/exda.err" ", eller spring over med --ignore-columns cpr,navn,afdeling"
"$RFY" --lang en batch -o - "$FIX/extra-columns.csv" >"$TMP/ex.out" 2>"$TMP/ex.err"
check "extra columns: exit 2" [ $? = 2 ]
check "extra columns, -o -: nothing on standard output" [ ! -s "$TMP/ex.out" ]
check "extra columns: all three named in one message" \
    has "$TMP/ex.err" "3 unknown columns: 'cpr' (column 5 of the header), 'navn' (column 6 of the header), 'afdeling' (column 7 of the header)"
check "extra columns: the way out" has "$TMP/ex.err" "--ignore-columns cpr,navn,afdeling"
"$RFY" batch --ignore-columns cpr,navn,afdeling -o "$TMP/ex.csv" "$FIX/extra-columns.csv" 2>/dev/null
check "extra columns ignored: exit 0" [ $? = 0 ]
check "extra columns ignored: E-1 paid 14359.65" has "$TMP/ex.csv" "E-1,2024-03,forsorger,ressourceforloeb,§ 68 stk. 2 nr. 1,31,31,16382.00,2022.35,0.00,0.00,0.00,2022.35,14359.65,"
"$RFY" --lang en batch --ignore-columns cpr,navn,afdeling,wage -o "$TMP/exw.csv" "$FIX/extra-columns.csv" 2>"$TMP/exw.err"
check "--ignore-columns wage (a column rfy reads): refused" [ $? = 2 ]
check "--ignore-columns wage: says why" has "$TMP/exw.err" "is to be read past, but rfy reads it"
"$RFY" batch --ignore-columns cpr,navn,afdeling,wage -o "$TMP/exw.csv" "$FIX/extra-columns.csv" 2>"$TMP/exwda.err"
check "--ignore-columns wage: says why (Danish)" has "$TMP/exwda.err" \
    "'wage' (kolonne 4 i overskriften) skal springes over, men rfy læser den: tag den ud af --ignore-columns"
"$RFY" batch -o "$TMP/ms.csv" "$FIX/misspelt.csv" 2>"$TMP/msda.err"
check "misspelt: Case_ID → mente du 'case_id'" has "$TMP/msda.err" "'Case_ID' (kolonne 1 i overskriften; mente du 'case_id'?)"
"$RFY" --lang en batch -o "$TMP/ms.csv" "$FIX/misspelt.csv" 2>"$TMP/ms.err"
check "misspelt: Case_ID → did you mean 'case_id'" has "$TMP/ms.err" "'Case_ID' (column 1 of the header; did you mean 'case_id'?)"
check "misspelt: categori → did you mean 'category'" has "$TMP/ms.err" "did you mean 'category'?"
check "misspelt: 'wage ' → did you mean 'wage'" has "$TMP/ms.err" "'wage ' (column 4 of the header; did you mean 'wage'?)"
check "misspelt: only cpr is offered to --ignore-columns" has "$TMP/ms.err" "--ignore-columns cpr"

# ---- The header's messages: Danish by default, English with --lang en ------------------------
printf 'case_id;month;category;Løn\nA;2025-01;forsorger;100\n' >"$TMP/hsemi.csv"
"$RFY" batch -o "$TMP/hsemi.out.csv" "$TMP/hsemi.csv" 2>"$TMP/hsemi.err"
check "';' header read with ',': exit 2, nothing written" [ $? = 2 -a ! -e "$TMP/hsemi.out.csv" ]
check "';' header: Danish, with the way out" has "$TMP/hsemi.err" \
    "hsemi.csv: linje 1: ukendt kolonne 'case_id;month;category;Løn' (kolonne 1 i overskriften); en fil delt med ';'? brug --delimiter ';'; kolonnenavne staves præcist og med små bogstaver: omdøb den eller map med --columns MAP.csv (fixtures/columns-da.csv mapper gængse danske overskrifter)"
check "';' header: the money column is never offered to read past (Danish)" has "$TMP/hsemi.err" \
    "; 'case_id;month;category;Løn' bærer penge eller ferie: map den til rfy's navn, spring den aldrig over"
check "';' header: no English words" bash -c "! grep -qE 'unknown|column |use --|read past' '$TMP/hsemi.err'"
"$RFY" --lang en batch -o "$TMP/hsemi.out.csv" "$TMP/hsemi.csv" 2>"$TMP/hsemi.en.err"
check "';' header, --lang en: English" has "$TMP/hsemi.en.err" \
    "hsemi.csv: line 1: unknown column 'case_id;month;category;Løn' (column 1 of the header); a ';'-separated file? use --delimiter ';'; column names are exact and lowercase: rename it or map with --columns MAP.csv"
printf 'case_id\tmonth\tcategory\n' >"$TMP/htab.csv"
"$RFY" batch -o "$TMP/htab.out.csv" "$TMP/htab.csv" 2>"$TMP/htab.err"
check "tab header: Danish way out" has "$TMP/htab.err" "en fil delt med tabulator? brug --delimiter tab"
printf 'case_id,month,category,wage,month\n' >"$TMP/htwice.csv"
"$RFY" batch -o "$TMP/htwice.out.csv" "$TMP/htwice.csv" 2>"$TMP/htwice.err"
check "a column twice: Danish, both positions" has "$TMP/htwice.err" \
    "htwice.csv: linje 1: kolonnen 'month' står to gange i overskriften (kolonne 2 og 5)"
printf 'from,to\nmåned,month\n' >"$TMP/hmap.csv"
"$RFY" batch --columns "$TMP/hmap.csv" -o "$TMP/htwice.out.csv" "$TMP/htwice.csv" 2>"$TMP/htwice2.err"
check "a column twice with a map: Danish, counting the map" has "$TMP/htwice2.err" \
    "linje 1: kolonnen 'month' står to gange i overskriften (kolonne 2 og 5), kolonnekortet medregnet"
"$RFY" batch --lang en -o "$TMP/htwice.out.csv" "$TMP/htwice.csv" 2>"$TMP/htwice.en.err"
check "a column twice, --lang en: English" has "$TMP/htwice.en.err" \
    "line 1: column 'month' appears twice in the header (columns 2 and 5)"
printf 'from,to\nmåned,month\nMåned,month\n' >"$TMP/hmap2.csv"
"$RFY" batch --columns "$TMP/hmap2.csv" -o "$TMP/htwice.out.csv" "$TMP/htwice.csv" 2>"$TMP/hmap2.err"
check "a map naming a header twice: Danish" has "$TMP/hmap2.err" "hmap2.csv: linje 3: 'måned' er mappet to gange (linje 2 og 3)"
"$RFY" --lang en batch --columns "$TMP/hmap2.csv" -o "$TMP/htwice.out.csv" "$TMP/htwice.csv" 2>"$TMP/hmap2.en.err"
check "a map naming a header twice: --lang en" has "$TMP/hmap2.en.err" "hmap2.csv: line 3: 'måned' is mapped twice (lines 2 and 3)"
"$RFY" batch --ignore-columns cpr,,navn -o "$TMP/htwice.out.csv" "$TMP/htwice.csv" 2>"$TMP/hign.err"
check "--ignore-columns with an empty name: Danish" has "$TMP/hign.err" "et tomt kolonnenavn i 'cpr,,navn' (navnene adskilles med ',')"
printf 'Sagsnr,month,category\n' >"$TMP/hmiss.csv"
"$RFY" audit -o "$TMP/hmiss.out.csv" "$TMP/hmiss.csv" 2>"$TMP/hmiss.err"
check "audit: unknown column in Danish too" has "$TMP/hmiss.err" \
    "linje 1: ukendt kolonne 'Sagsnr' (kolonne 1 i overskriften)"

# ---- The excel format -------------------------------------------------------------------------
"$RFY" batch --encoding cp1252 "${DA[@]}" --format excel -o "$TMP/ex1.csv" "$FIX/excel-cp1252.csv" 2>/dev/null
check "excel: starts with the UTF-8 byte-order mark" [ "$(head -c 3 "$TMP/ex1.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check "excel: ';', decimal comma, CRLF" has "$TMP/ex1.csv" $'S-1;2024-03;forsorger;ressourceforloeb;§ 68 stk. 2 nr. 1;31;31;16382,00;2022,35;0,00;0,00;0,00;2022,35;14359,65;published;'
check "excel: every line ends CRLF" [ "$(grep -c $'\r$' "$TMP/ex1.csv")" = 5 ]
check "excel: the same cells as the CSV" "$PY" - "$TMP/cp.csv" "$TMP/ex1.csv" <<'PY'
import csv, sys
a = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
b = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline=""), delimiter=";"))
money = {"gross", "wage_deduction", "holiday_deduction", "activation_deduction",
         "other_deduction", "total_deduction", "payment",
         "holiday_used_days", "holiday_days_left", "holiday_excess_days",  # and day counts
         "sanction_deduction"}
ok = len(a) == len(b) and a[0] == b[0]
for ra, rb in zip(a[1:], b[1:]):
    for name, x, y in zip(a[0], ra, rb):
        ok = ok and (x == (y.replace(",", ".") if name in money else y))
sys.exit(0 if ok else 1)
PY
# A case-month of two rows: categories, level references and lines joined by ';' are
# quoted in Excel's ';' CSV.  16.382 × 11/31 + 12.326 × 20/31 = (180.202 + 246.520)/31
# = 426.722/31 = 13.765,2258... → 13.765,23.
printf 'case_id,month,category,start,end,wage\nM,2024-05,forsorger,2024-05-01,2024-05-11,\nM,2024-05,ikke_forsorger,2024-05-12,2024-05-31,\n' >"$TMP/mr.csv"
"$RFY" batch -o "$TMP/mr.out.csv" "$TMP/mr.csv" 2>/dev/null
"$RFY" batch --format excel -o "$TMP/mr.xl.csv" "$TMP/mr.csv" 2>/dev/null
check "excel, two rows in a month: \"2;3\" quoted, 13765,23" has "$TMP/mr.xl.csv" ';13765,23;published;'
check "excel, two rows in a month: the same cells as the CSV" "$PY" - "$TMP/mr.out.csv" "$TMP/mr.xl.csv" <<'PY'
import csv, sys
a = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
b = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline=""), delimiter=";"))
assert len(a) == len(b) == 2 and a[0] == b[0], (a, b)
row = dict(zip(a[0], b[1]))
assert row["lines"] == "2;3" and row["category"] == "forsorger;ikke_forsorger", row
assert [x.replace(",", ".") for x in b[1]] == [x.replace(",", ".") for x in a[1]], (a[1], b[1])
PY
check "csv stays the default, byte for byte" bash -c \
    "'$RFY' batch --format csv --encoding cp1252 ${DA[*]} -o '$TMP/csv2.csv' '$FIX/excel-cp1252.csv' 2>/dev/null; cmp -s '$TMP/cp.csv' '$TMP/csv2.csv'"

# ---- The xlsx format, read back with openpyxl ------------------------------------------------
printf 'case_id,month,category,wage\nA,2024-03,forsorger,20000\nB,2024-03,forsorger,-1\n=1+1,2024-03,ikke_forsorger,\n' >"$TMP/x.csv"
"$RFY" batch -o "$TMP/x.out.csv" "$TMP/x.csv" 2>/dev/null
"$RFY" batch --format xlsx -o "$TMP/x.xlsx" "$TMP/x.csv" 2>/dev/null
check "xlsx: exit 1 (one reject), workbook written" [ -s "$TMP/x.xlsx" ]
check "xlsx: rejects and receipt next to it as x.rejects.csv, x.receipt.json" \
    [ -s "$TMP/x.rejects.csv" -a -s "$TMP/x.receipt.json" ]
"$RFY" batch --encoding cp1252 "${DA[@]}" --format xlsx -o "$TMP/d.xlsx" "$FIX/excel-cp1252.csv" 2>/dev/null
for pair in "$TMP/x.out.csv $TMP/x.xlsx" "$TMP/cp.csv $TMP/d.xlsx"; do
    set -- $pair
    check "xlsx $(basename "$2"): the results sheet equals the CSV to the øre; text is text" \
        "$PY" - "$1" "$2" <<'PY'
import csv, sys
from decimal import Decimal
import openpyxl
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
wb = openpyxl.load_workbook(sys.argv[2])
assert wb.sheetnames == ["resultater", "afviste", "resumé"], wb.sheetnames  # Danish by default
ws = wb["resultater"]
got = [[c for c in r] for r in ws.iter_rows()]
money = {"gross", "wage_deduction", "holiday_deduction", "activation_deduction",
         "other_deduction", "total_deduction", "payment", "sanction_deduction"}
assert len(got) == len(rows), (len(got), len(rows))
for want, cells in zip(rows[1:], got[1:]):
    for name, text, cell in zip(rows[0], want, cells):
        if name in money:
            # exact: the shortest repr of the double is the decimal written
            assert cell.data_type == "n" and cell.number_format == "#,##0.00", (name, cell.number_format)
            assert Decimal(repr(cell.value)).quantize(Decimal("0.01")) == Decimal(text), (name, text, cell.value)
        elif name in ("days", "days_in_month", "holiday_run_months"):
            assert cell.value == int(text), (name, text, cell.value)
        elif name in ("holiday_used_days", "holiday_days_left", "holiday_excess_days"):
            assert cell.data_type == "n" and Decimal(repr(cell.value)) == Decimal(text), (name, text, cell.value)
        elif text == "":
            assert cell.value is None, (name, cell.value)  # an empty cell is no cell
        else:
            assert cell.data_type == "s" and cell.value == text, (name, text, cell.value)
assert [c.value for c in got[0]] == rows[0]
PY
done
check "xlsx: rejects and summary sheets" "$PY" - "$TMP/x.xlsx" "$TMP/x.rejects.csv" <<'PY'
import csv, sys
from decimal import Decimal
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rej = [[("" if v is None else str(v)) for v in r] for r in wb["afviste"].iter_rows(values_only=True)]
want = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
assert rej == want, (rej, want)
s = {r[0]: r[1] for r in wb["resumé"].iter_rows(values_only=True) if r[0]}
# A forsørger 20000 → 14359.65; '=1+1' ikke-forsørger → 12326.00 (never a formula)
assert Decimal(repr(s["brutto"])).quantize(Decimal("0.01")) == Decimal("28708.00")
assert Decimal(repr(s["udbetalt (brutto - anvendte fradrag)"])).quantize(Decimal("0.01")) == Decimal("26685.65")
assert s["afvist"] == 1 and s["beregnet"] == 2
# A and '=1+1 are two case-months of one row each
assert s["sagsmåneder"] == 2, s.get("sagsmåneder")
# the header rows stay in view and carry an autofilter over every row written
res, rj = wb["resultater"], wb["afviste"]
assert res.freeze_panes == "A2" and rj.freeze_panes == "A2", (res.freeze_panes, rj.freeze_panes)
from openpyxl.utils import get_column_letter
assert res.auto_filter.ref == f"A1:{get_column_letter(res.max_column)}3", res.auto_filter.ref
assert rj.auto_filter.ref == f"A1:{get_column_letter(rj.max_column)}2", rj.auto_filter.ref
# rows come by case_id bytewise ("'=1+1" before "A"): find the cell
f = [c for c in openpyxl.load_workbook(sys.argv[1])["resultater"]["A"] if c.value == "'=1+1"][0]
assert f.data_type == "s" and f.value == "'=1+1", (f.data_type, f.value)
PY
# The workbook's own XML (unzipped, no spreadsheet library): every amount,
# day count and whole number is a numeric cell (no t= attribute) whose value
# is exactly the CSV's decimal -- the øre / 100 of the engine, never text.
# The audit row: May 2024, forsørger, wage 20.000: payment 16.382,00 − 0,55 × 3.677,00 = 14.359,65;
# paid 14.000,00, difference 14.000,00 − 14.359,65 = −359,65.
printf 'case_id,month,category,wage,paid\nR1,2024-05,forsorger,20000,14000.00\n' >"$TMP/xa.in.csv"
"$RFY" audit --format xlsx -o "$TMP/xa.xlsx" "$TMP/xa.in.csv" 2>/dev/null
"$RFY" audit -o "$TMP/xa.csv" "$TMP/xa.in.csv" 2>/dev/null
check "audit: the differing row's paid and difference 14000.00, -359.65" has "$TMP/xa.csv" ",14000.00,-359.65"
for pair in "$TMP/x.out.csv $TMP/x.xlsx" "$TMP/cp.csv $TMP/d.xlsx" "$TMP/xa.csv $TMP/xa.xlsx"; do
    set -- $pair
    check "xlsx $(basename "$2") XML: numbers are numbers equal to the exact øre/100" \
        "$PY" - "$1" "$2" <<'PY'
import csv, re, sys, zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
rows = rows[:rows.index([])] if [] in rows else rows  # audit: the rows before the summary block
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
sheet = ET.fromstring(zipfile.ZipFile(sys.argv[2]).read("xl/worksheets/sheet1.xml"))
def col(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1
got = []
for r in sheet.find("m:sheetData", ns):
    cells = {}
    for c in r:
        v = c.find("m:v", ns)
        cells[col(c.get("r"))] = (c.get("t"), None if v is None else v.text)
    got.append(cells)
money = {"gross", "wage_deduction", "holiday_deduction", "activation_deduction", "other_deduction",
         "total_deduction", "payment", "sanction_deduction", "paid", "difference"}
days = {"holiday_used_days", "holiday_days_left", "holiday_excess_days"}
whole = {"days", "days_in_month", "holiday_run_months"}
assert len(got) == len(rows), (len(got), len(rows))
amounts = 0
for want, cells in zip(rows[1:], got[1:]):
    for i, (name, text) in enumerate(zip(rows[0], want)):
        if text == "" or name not in money | days | whole:
            continue
        t, v = cells[i]
        assert t is None and v is not None, (name, text, t, v)  # a number, not a string
        assert Decimal(v) == Decimal(text), (name, text, v)
        if name in money:  # the øre, exactly: 100 × the cell is a whole number
            assert (Decimal(v) * 100) == int(Decimal(text) * 100), (name, text, v)
            amounts += 1
assert amounts > 0
PY
done
# ---- The json format: JSON Lines from the same cells ------------------------------------------
"$RFY" batch --format json -o "$TMP/x.jsonl" "$TMP/x.csv" 2>/dev/null
check "json: exit 1 (one reject), receipt as x.receipt.json" [ $? = 1 -a -s "$TMP/x.jsonl" -a -s "$TMP/x.receipt.json" ]
check "json: the rejects are rfy's CSV in x.rejects.csv" cmp -s "$TMP/x.rejects.csv" "$TMP/x.out.rejects.csv"
check "json: one object per CSV row, keyed by its header; amounts exact strings, whole numbers integers" \
    "$PY" - "$TMP/x.out.csv" "$TMP/x.jsonl" <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
objs = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert len(objs) == len(rows) - 1, (len(objs), len(rows))
whole = {"days", "days_in_month", "holiday_run_months"}
for want, obj in zip(rows[1:], objs):
    assert list(obj) == rows[0], list(obj)
    for name, text in zip(rows[0], want):
        v = obj[name]
        if text == "":
            assert v is None, (name, v)
        elif name in whole:
            assert v == int(text) and type(v) is int, (name, v)
        elif name == "case_id":  # the raw id: JSON has no formulas ('=1+1 in CSV)
            assert v == text.lstrip("'"), (name, v)
        else:
            assert v == text, (name, text, v)  # 14359.65 stays the string "14359.65"
# A forsørger 20000: payment 16382,00 − 0,55 × 3677,00 = 14359,65
assert [o["payment"] for o in objs if o["case_id"] == "A"] == ["14359.65"]
PY
"$RFY" --lang en batch --format xlsx -o "$TMP/xen.xlsx" "$TMP/x.csv" 2>/dev/null
check "xlsx --lang en: English sheet names and summary labels" "$PY" - "$TMP/xen.xlsx" <<'PY'
import sys
from decimal import Decimal
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["results", "rejects", "summary"], wb.sheetnames
s = {r[0]: r[1] for r in wb["summary"].iter_rows(values_only=True) if r[0]}
assert Decimal(repr(s["paid (gross - deductions applied)"])).quantize(Decimal("0.01")) == Decimal("26685.65")
assert s["rejected"] == 1 and s["computed"] == 2 and s["case-months"] == 2
PY
"$RFY" batch --format xlsx -o - "$TMP/x.csv" >"$TMP/xo.out" 2>"$TMP/xo.err"
check "xlsx to standard output: refused, nothing written" [ $? = 2 -a ! -s "$TMP/xo.out" ]

# ---- The summary identity on random files ------------------------------------------------
# gross − applied = paid and applied + beyond = Σ total_deduction, to the øre,
# and the figures equal the column sums of the output and the receipt's.
"$PY" - "$TMP" <<'PY'
import random, sys
rnd = random.Random(15)  # fixed seed: the same files every run
cats = ["forsorger", "ikke_forsorger", "u25_hjemme", "forsørger", "ikke-forsørger", "bad"]
for n in range(6):
    with open(f"{sys.argv[1]}/rand{n}.csv", "w", encoding="utf-8") as f:
        f.write("case_id;month;category;wage;other_income;activation_income;activation_hours\n")
        for i in range(200):
            wage = ""
            if rnd.random() < 0.8:  # øre, written 12345,67 or, half the time, 12.345,67
                kr, ore = divmod(rnd.randrange(0, 6000000), 100)
                whole = f"{kr:,}".replace(",", ".") if rnd.random() < 0.5 else str(kr)
                wage = f"{whole},{ore:02d}"
            other = rnd.choice(["", "", f"{rnd.randrange(0, 2000000)},00"])
            act = rnd.choice(["", f"{rnd.randrange(0, 500000)},{rnd.randrange(0, 100):02d}"])
            hrs = rnd.choice(["", str(rnd.randrange(0, 200))])
            f.write(f"R{n}-{i};{rnd.choice(['2022','2023','2024'])}-{rnd.randrange(1, 13):02d};"
                    f"{rnd.choice(cats)};{wage};{other};{act};{hrs}\n")
        f.write(";;;;;;\n")
PY
for n in 0 1 2 3 4 5; do
    "$RFY" batch --delimiter ';' --decimal-comma --quiet --receipt "$TMP/rand$n.json" \
        -o "$TMP/rand$n.out.csv" "$TMP/rand$n.csv" 2>"$TMP/rand$n.err"
    check "random file $n: the summary reconciles to the øre with the columns and the receipt" \
        "$PY" - "$TMP/rand$n.out.csv" "$TMP/rand$n.err" "$TMP/rand$n.json" <<'PY'
import csv, json, re, sys
def ore(t):  # "123.45" → 12345, integers only
    neg = t.startswith("-"); w, f = t.lstrip("-").split(".")
    v = int(w) * 100 + int(f); return -v if neg else v
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
err = open(sys.argv[2], encoding="utf-8").read()
m = re.search(r"brutto (\S+) - anvendte fradrag (\S+) = udbetalt (\S+)", err)
b = re.search(r"fradrag ud over ydelsen (\S+) \(ikke udbetalt, ikke skyldig\); sagsmåneder med udbetaling 0: (\d+)", err)
g, a, p = (ore(x) for x in m.groups()); beyond = ore(b.group(1))
assert g - a == p
assert g == sum(ore(r["gross"]) for r in rows)
assert p == sum(ore(r["payment"]) for r in rows)
assert a + beyond == sum(ore(r["total_deduction"]) for r in rows)
assert beyond >= 0 and a >= 0
assert int(b.group(2)) == sum(1 for r in rows if ore(r["payment"]) == 0)
s = json.load(open(sys.argv[3]))["summary"]
assert [ore(s[k]) for k in ("gross", "deductions_applied", "paid", "deductions_beyond_benefit")] == [g, a, p, beyond]
assert s["case_months_paid_zero"] == int(b.group(2))
assert sum(r["count"] for r in s["rejects_by_reason"]) == json.load(open(sys.argv[3]))["rejected"]
PY
done

# ---- The receipt: every option that changes a result; files by name ---------------------------
"$RFY" batch --encoding cp1252 "${DA[@]}" --format excel -o "$TMP/rc.csv" "$FIX/excel-cp1252.csv" 2>/dev/null
check "receipt: options recorded" "$PY" - "$TMP/rc.receipt.json" "$(sha256sum "$MAP" | cut -d' ' -f1)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
o = r["options"]
assert o == {"delimiter": ";", "decimal_comma": True, "encoding": "cp1252", "encoding_asked": "cp1252",
             "sep_line": ";", "columns": {"name": "columns-da.csv", "sha256": sys.argv[2]},
             "ignore_columns": "cpr,navn,afdeling", "format": "excel"}, o
assert r["input"]["name"] == "excel-cp1252.csv" and "path" not in r["input"]
PY
mkdir -p "$TMP/elsewhere"
cp "$FIX/excel-cp1252.csv" "$MAP" "$TMP/elsewhere/"
(cd "$TMP/elsewhere" && "$RFY" batch --encoding cp1252 --columns columns-da.csv \
    --ignore-columns cpr,navn,afdeling --decimal-comma --format excel -o rc.csv excel-cp1252.csv 2>/dev/null)
check "receipt: the same run from another folder gives the same receipt" \
    cmp -s "$TMP/rc.receipt.json" "$TMP/elsewhere/rc.receipt.json"

# ---- Audit takes the same options ---------------------------------------------------------------
printf 'sep=;\r\nSagsnr;Måned;Kategori;Løn;Udbetalt;CPR\r\nA;2024-03;Forsørger;20.000,00;14.359,65;1\r\n' |
    iconv -f UTF-8 -t CP1252 >"$TMP/hist.csv"
"$RFY" audit --encoding cp1252 --columns "$MAP" --ignore-columns cpr --decimal-comma \
    --format excel -o "$TMP/hist.out.csv" "$TMP/hist.csv" 2>"$TMP/hist.err"
check "audit, cp1252 + Danish map: the paid 14.359,65 matches (exit 0)" [ $? = 0 ]
check "audit --format excel: summary block with decimal comma" has "$TMP/hist.out.csv" $'# total_paid;14359,65\r'

# ---- rfy help (the summary in docs/batch.md is checked by tests/doc_examples.sh) ---------------
check "rfy help: the usage, exit 0" bash -c "'$RFY' help | grep -q 'rfy batch'"
check "rfy help batch: the batch options" bash -c "'$RFY' help batch | grep -q -- '--encoding'"
rfy_test_finish
