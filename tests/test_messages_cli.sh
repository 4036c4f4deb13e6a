#!/usr/bin/env bash
# What rfy says when a run or a command fails, Danish by default and English with
# --lang en, from the engine's one catalogue (rfy/messages.h): every scenario below is
# run twice in a scratch directory, and its exit code and the first line of standard
# error must be the Danish line as written here, then the English line with --lang en
# added.  A message that reverts to English, or an exit code that changes, fails.
#
#   EXIT | ARGS | DANISH FIRST LINE | ENGLISH FIRST LINE
#
# ARGS are words (no quoting); @F@ is fixtures/batch.  The files of the scratch
# directory: empty.csv (nothing), one.csv (one good row), q.csv (a quote never
# closed on line 2), b81.csv (byte 0x81, not Windows-1252, on line 2); rate-table
# directories with one fault each: r-date (2024-02-30), r-header, r-key (an unknown
# key), r-unit (kr/week for a monthly key), r-legal (legal_ref empty), r-empty (no
# *.csv); r-none does not exist.
#
# After the table: what rfy rates check and rfy rates show print on standard output (the
# headings in Danish by default, in English with --lang en, the columns aligned in both).
#
# usage: bash test_messages_cli.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"

cd "$TMP" || exit 1
: >empty.csv
printf 'case_id,month,category\n1,2024-05,forsorger\n' >one.csv
printf 'case_id,month,category\n"1,2025-01,x\n' >q.csv
printf 'case_id,month,category\nA\x81,2024-05,forsorger\n' >b81.csv
H=key,effective_from,effective_to,amount,unit,provenance,legal_ref,source
mkdir r-date r-header r-key r-unit r-legal r-empty
printf '%s\nrfy_forsorger,2024-02-30,2024-12-31,16382,kr/month,published,x,y\n' $H >r-date/2024.csv
printf 'key,from,to\n' >r-header/2024.csv
printf '%s\nrfy_forsoerger,2024-01-01,2024-12-31,16382,kr/month,published,x,y\n' $H >r-key/2024.csv
printf '%s\nrfy_forsorger,2024-01-01,2024-12-31,16382,kr/week,published,x,y\n' $H >r-unit/2024.csv
printf '%s\nrfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,,y\n' $H >r-legal/2024.csv

# run EXIT ARGS DA EN: both languages, the exit code and the first line of stderr
run() {
    local want=$1 da=$3 en=$4 lang line rc want_line
    local -a args
    read -r -a args <<<"${2//@F@/$SRC/fixtures/batch}"
    check "table: the Danish and the English differ: $da" [ "$da" != "$en" ]
    for lang in da en; do
        "$RFY" "${args[@]}" --lang "$lang" >/dev/null 2>err.txt </dev/null
        rc=$?
        line=$(head -n 1 err.txt)
        check "rfy $2 (--lang $lang): exit $rc, expected $want" [ "$rc" = "$want" ]
        if [ "$lang" = da ]; then want_line=$da; else want_line=$en; fi
        if [ "$line" = "$want_line" ]; then
            ok
        else
            bad "rfy $2 (--lang $lang): first line of standard error"
            echo "  want: $want_line"
            echo "  got:  $line"
        fi
    done
}

while IFS='|' read -r want args da en; do
    case $want in '' | '#'*) continue ;; esac
    trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; printf '%s' "${s%"${s##*[![:space:]]}"}"; }
    run "$(trim "$want")" "$(trim "$args")" "$(trim "$da")" "$(trim "$en")"
done <<'EOF'
# ---- rfy batch: the input
2 | batch empty.csv | rfy batch: empty.csv: inputtet er tomt: der skal være en overskriftsrække med mindst case_id, month og category | rfy batch: empty.csv: the input is empty: expected a header row with at least case_id, month and category
2 | batch nofile.csv | rfy batch: kan ikke læse nofile.csv: filen eller mappen findes ikke | rfy batch: cannot read nofile.csv: No such file or directory
2 | batch -o o.csv q.csv | rfy batch: q.csv: linje 2: et felt i anførselstegn i kolonne 1 slutter aldrig (et '"' lukkes aldrig) | rfy batch: q.csv: line 2: unterminated quoted field in column 1 (a '"' is never closed)
2 | batch --encoding cp1252 -o o.csv b81.csv | rfy batch: b81.csv: linje 2: byte 0x81 er ikke et tegn i Windows-1252: er filen UTF-8 (udelad --encoding) eller Latin-1 (--encoding latin1)? | rfy batch: b81.csv: line 2: byte 0x81 is not a character in Windows-1252: is the file UTF-8 (leave out --encoding) or Latin-1 (--encoding latin1)?
# ---- rfy batch: the outputs
2 | batch -o /nonexist/out.csv @F@/worked.csv | rfy batch: kan ikke oprette /nonexist/out.csv: filen eller mappen findes ikke | rfy batch: cannot create /nonexist/out.csv: No such file or directory
2 | batch -o /dev/full @F@/worked.csv | rfy batch: kan ikke skrive /dev/full: disken er fuld | rfy batch: cannot write /dev/full: No space left on device
2 | batch -o s.csv --rejects s.csv one.csv | rfy batch: inputfilen, outputfilen og afvisningsfilen skal være forskellige filer | rfy batch: the input, output and rejects files must be different
2 | batch --format xlsx one.csv | rfy batch: --format xlsx skriver en projektmappe: giv den en fil med -o OUT.xlsx | rfy batch: --format xlsx writes a workbook: give it a file with -o OUT.xlsx
# ---- rfy batch: usage errors
2 | batch --bogus one.csv | rfy batch: ukendt tilvalg '--bogus' (rfy help batch viser tilvalgene) | rfy batch: unknown option '--bogus' (rfy help batch lists the options)
2 | batch -x one.csv | rfy batch: ukendt tilvalg '-x' (rfy help batch viser tilvalgene) | rfy batch: unknown option '-x' (rfy help batch lists the options)
2 | batch --nosuch=1 one.csv | rfy batch: ukendt tilvalg '--nosuch' (rfy help batch viser tilvalgene) | rfy batch: unknown option '--nosuch' (rfy help batch lists the options)
2 | batch --de one.csv | rfy batch: tilvalget '--de' kan være flere: skriv hele navnet | rfy batch: option '--de' is ambiguous: write its whole name
2 | batch --quiet=1 one.csv | rfy batch: --quiet=1 tager ingen værdi | rfy batch: --quiet=1 takes no value
2 | batch one.csv -o | rfy batch: -o kræver en værdi | rfy batch: -o needs a value
2 | batch one.csv --rates | rfy batch: --rates kræver en værdi | rfy batch: --rates needs a value
2 | batch | rfy batch: forventede én inputfil (IN.csv, eller - for standardinput) | rfy batch: expected one input file (IN.csv, or - for standard input)
2 | batch a.csv b.csv | rfy batch: forventede én inputfil (IN.csv, eller - for standardinput), fandt flere | rfy batch: expected one input file (IN.csv, or - for standard input), found more
2 | batch --jobs 99 one.csv | rfy batch: --jobs skal være et helt tal fra 1 til 16, ikke '99' | rfy batch: --jobs must be a whole number from 1 to 16, not '99'
2 | batch --delimiter ;; one.csv | rfy batch: --delimiter skal være ét tegn, der ikke er et anførselstegn eller et linjeskift (eller 'tab'), ikke ';;' | rfy batch: --delimiter must be one character other than a quote or a line break (or 'tab'), not ';;'
2 | batch --encoding ebcdic one.csv | rfy batch: --encoding skal være utf-8, cp1252, latin1 eller utf-16, ikke 'ebcdic' | rfy batch: --encoding must be utf-8, cp1252, latin1 or utf-16, not 'ebcdic'
2 | batch --format pdf one.csv | rfy batch: --format skal være csv, excel, xlsx eller json, ikke 'pdf' | rfy batch: --format must be csv, excel, xlsx or json, not 'pdf'
2 | batch --corrections one.csv | rfy batch: --corrections kræver --ledger FIL (de sagsmåneder, der er betalt før, står i ledgeren) | rfy batch: --corrections needs --ledger FILE (the case-months paid before are in the ledger)
2 | batch --keep-columns month one.csv | rfy batch: --keep-columns: 'month' er en af rfy's inputkolonner: rfy læser den (dens værdi står i outputtet) | rfy batch: --keep-columns: 'month' is one of rfy's input columns: rfy reads it (its value is in the output)
# ---- rfy itself
2 | frob | rfy: ukendt kommando 'frob' (prøv rfy --help) | rfy: unknown command 'frob' (try rfy --help)
2 | help frob | rfy: ingen kommando 'frob' (prøv rfy help) | rfy: no command 'frob' (try rfy help)
2 | --bogus | rfy: ukendt tilvalg '--bogus' (prøv rfy --help) | rfy: unknown option '--bogus' (try rfy --help)
# ---- rfy audit
2 | audit --explain= one.csv | rfy audit: --explain kræver et case_id (CASE_ID eller CASE_ID:ÅÅÅÅ-MM) | rfy audit: --explain needs a case_id (CASE_ID or CASE_ID:YYYY-MM)
2 | audit -o r.csv one.csv | rfy audit: one.csv: linje 1: kolonnen paid mangler: en revision skal bruge det beløb der blev udbetalt i hver række | rfy audit: one.csv: line 1: missing column paid: an audit needs the amount that was paid in each row
2 | audit --tolerance 0.5x one.csv | rfy audit: --tolerance skal være et beløb som 0.50 eller 0,50 (kr., højst 9999999.99), ikke '0.5x': uventet tegn (forventede cifre og ét decimaltegn) | rfy audit: --tolerance must be an amount such as 0.50 or 0,50 (kr., at most 9999999.99), not '0.5x': unexpected character (expected digits and one decimal point)
2 | audit --tolerance 1.000,50 one.csv | rfy audit: --tolerance skal være et beløb som 0.50 eller 0,50 (kr., højst 9999999.99), ikke '1.000,50': uventet '.' (ingen tusindtalsseparatorer; decimaltegnet er ',') | rfy audit: --tolerance must be an amount such as 0.50 or 0,50 (kr., at most 9999999.99), not '1.000,50': unexpected '.' (no thousands separators; the decimal separator is ',')
2 | audit --jobs 0 one.csv | rfy audit: --jobs skal være et helt tal fra 1 til 16, ikke '0' | rfy audit: --jobs must be a whole number from 1 to 16, not '0'
# ---- rfy ledger
2 | ledger import L.db nofile.csv | rfy ledger import: kan ikke læse nofile.csv: filen eller mappen findes ikke | rfy ledger import: cannot read nofile.csv: No such file or directory
2 | ledger runs nofile.db | rfy ledger: ledgeren nofile.db findes ikke: giv ledgerens fil (rfy batch --ledger FIL opretter en) | rfy ledger: ledger nofile.db does not exist: give the ledger's file (rfy batch --ledger FILE creates one)
2 | ledger --bogus runs L.db | rfy ledger: ukendt tilvalg '--bogus' (rfy help ledger viser tilvalgene) | rfy ledger: unknown option '--bogus' (rfy help ledger lists the options)
2 | ledger frob x.db | rfy ledger: ukendt underkommando 'frob' | rfy ledger: unknown sub-command 'frob'
2 | ledger runs x.db extra | rfy ledger: forkert antal argumenter til 'runs' | rfy ledger: wrong number of arguments to 'runs'
2 | ledger show x.db | rfy ledger: forkert antal argumenter til 'show' | rfy ledger: wrong number of arguments to 'show'
2 | ledger export x.db | rfy ledger: export kræver --run ID | rfy ledger: export needs --run ID
2 | ledger runs | rfy ledger: forventede en underkommando og ledgerens fil | rfy ledger: expected a sub-command and the ledger's file
# ---- rfy preview and rfy whatif
2 | preview --month 2024-05 | rfy preview: --category skal angives (forsorger, ikke_forsorger, u25_hjemme eller u25_hjemme_bidrag) | rfy preview: --category is required (forsorger, ikke_forsorger, u25_hjemme or u25_hjemme_bidrag)
2 | preview --category forsorger | rfy preview: --month ÅÅÅÅ-MM skal angives | rfy preview: --month YYYY-MM is required
2 | preview --wage 1 --wage 2 | rfy preview: --wage er givet to gange | rfy preview: --wage given twice
2 | preview --input x.csv --case-id A | rfy preview: --input kræver --case-id ID og --month ÅÅÅÅ-MM | rfy preview: --input needs --case-id ID and --month YYYY-MM
2 | preview --input nofile.csv --case-id A --month 2024-05 | rfy preview: kan ikke læse nofile.csv: filen eller mappen findes ikke | rfy preview: cannot read nofile.csv: No such file or directory
2 | preview --input one.csv --case-id 1 --month 2024-13 | rfy preview: --month '2024-13' er ikke en måned (ÅÅÅÅ-MM): den måned findes ikke | rfy preview: --month '2024-13' is not a month (YYYY-MM): no such month
2 | preview --month | rfy preview: --month kræver en værdi | rfy preview: --month needs a value
2 | preview --nosuch 1 | rfy preview: ukendt tilvalg '--nosuch' (rfy help preview viser tilvalgene) | rfy preview: unknown option '--nosuch' (rfy help preview lists the options)
2 | whatif extra | rfy whatif: uventet argument 'extra' | rfy whatif: unexpected argument 'extra'
# ---- rfy rates
2 | rates | rfy rates: forventede 'show ÅR', 'check', 'export MAPPE' eller 'derive ÅR' | rfy rates: expected 'show YEAR', 'check', 'export DIR' or 'derive YEAR'
2 | rates frob | rfy rates: forventede 'show ÅR', 'check', 'export MAPPE' eller 'derive ÅR', ikke 'frob' | rfy rates: expected 'show YEAR', 'check', 'export DIR' or 'derive YEAR', not 'frob'
2 | rates show 20x | rfy rates show: ÅR skal være et år som 2024, ikke '20x' | rfy rates show: YEAR must be a year like 2024, not '20x'
2 | rates check --r 2.9 | rfy rates: --r, --afdaempning, --reduction, --normalbidrag og -o hører til 'rfy rates derive' | rfy rates: --r, --afdaempning, --reduction, --normalbidrag and -o belong to 'rfy rates derive'
# ---- rate tables (--rates DIR): the loader's reasons, a parser's among them
2 | batch --rates r-date one.csv | rfy: ugyldige satstabeller: 2024.csv:2: effective_from: den dato findes ikke i kalenderen | rfy: invalid rate tables: 2024.csv:2: effective_from: no such date in the calendar
2 | batch --rates r-header one.csv | rfy: ugyldige satstabeller: 2024.csv:1: overskriften skal være: key,effective_from,effective_to,amount,unit,provenance,legal_ref,source | rfy: invalid rate tables: 2024.csv:1: header must be: key,effective_from,effective_to,amount,unit,provenance,legal_ref,source
2 | batch --rates r-key one.csv | rfy: ugyldige satstabeller: 2024.csv:2: ukendt nøgle 'rfy_forsoerger' | rfy: invalid rate tables: 2024.csv:2: unknown key 'rfy_forsoerger'
2 | batch --rates r-unit one.csv | rfy: ugyldige satstabeller: 2024.csv:2: unit for rfy_forsorger skal være 'kr/month' | rfy: invalid rate tables: 2024.csv:2: unit of rfy_forsorger must be 'kr/month'
2 | batch --rates r-legal one.csv | rfy: ugyldige satstabeller: 2024.csv:2: legal_ref er tom | rfy: invalid rate tables: 2024.csv:2: legal_ref is empty
2 | batch --rates r-empty one.csv | rfy: ugyldige satstabeller: r-empty: ingen *.csv-satstabeller i denne mappe | rfy: invalid rate tables: r-empty: no *.csv rate tables in this directory
2 | batch --rates r-none one.csv | rfy: ugyldige satstabeller: r-none: kan ikke åbne satstabelmappen: filen eller mappen findes ikke | rfy: invalid rate tables: r-none: cannot open rate table directory: No such file or directory
2 | preview --rates r-date --month 2024-05 --category forsorger | rfy: ugyldige satstabeller: 2024.csv:2: effective_from: den dato findes ikke i kalenderen | rfy: invalid rate tables: 2024.csv:2: effective_from: no such date in the calendar
2 | rates --rates r-key check | rfy: ugyldige satstabeller: 2024.csv:2: ukendt nøgle 'rfy_forsoerger' | rfy: invalid rate tables: 2024.csv:2: unknown key 'rfy_forsoerger'
2 | serve --rates r-unit | rfy: ugyldige satstabeller: 2024.csv:2: unit for rfy_forsorger skal være 'kr/month' | rfy: invalid rate tables: 2024.csv:2: unit of rfy_forsorger must be 'kr/month'
# ---- rfy serve (refused before it listens)
2 | serve --max-connections 0 | rfy serve: --max-connections '0' er ikke et helt tal 1-1000000 | rfy serve: --max-connections '0' is not a whole number 1-1000000
2 | serve --listen nope | rfy serve: --listen 'nope' er ikke ADDR:PORT med en IPv4-adresse og en port 0-65535 (f.eks. 127.0.0.1:8080; port 0: en vilkårlig ledig port) | rfy serve: --listen 'nope' is not ADDR:PORT with an IPv4 address and a port 0-65535 (e.g. 127.0.0.1:8080; port 0: any free port)
2 | serve extra | rfy serve: uventet argument 'extra' | rfy serve: unexpected argument 'extra'
EOF

# --lang itself, before the language is known: both, Danish first.
"$RFY" batch one.csv --lang fr >/dev/null 2>err.txt
check "--lang fr: exit 2" [ $? = 2 ]
check "--lang fr: both languages, Danish first" \
    [ "$(head -n 1 err.txt)" = "rfy: --lang 'fr': brug da eller en (--lang 'fr': use da or en)" ]
# rfy ledger frob: the message names the sub-command, then the usage follows (in the language)
"$RFY" ledger frob x.db >/dev/null 2>err.txt
check "ledger frob: exit 2" [ $? = 2 ]
check "ledger frob: the usage after the message" [ "$(sed -n 2p err.txt | cut -c1-16)" = "brug: rfy ledger" ]
check "ledger frob: no ledger file created" [ ! -e x.db ]

# What rfy rates check and rfy rates show print on standard output: the headings in Danish, in
# English with --lang en (keys, units, provenance names and sources are the tables' own words).
# stdout_lines EXIT "ARGS" FILE: run both languages, standard output into FILE.da and FILE.en
stdout_lines() {
    local want=$1 lang rc
    local -a args
    read -r -a args <<<"$2"
    for lang in da en; do
        "$RFY" "${args[@]}" --lang "$lang" >"$3.$lang" 2>/dev/null </dev/null
        rc=$?
        check "rfy $2 (--lang $lang): exit $rc, expected $want" [ "$rc" = "$want" ]
    done
}
# has FILE LINE: FILE holds LINE as a whole line
has() { grep -qxF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
stdout_lines 0 "rates check" check
for pair in \
    "Strukturfejl: ingen|Structural errors: none" \
    "Manglende nøgler (hver dækket måned fra 2013-01):|Missing keys (every covered month from 2013-01):" \
    "ingen påkrævet nøgle mangler|no required key missing" \
    "Indekseringskæden (docs/rates.md afsnit 4):|Indexation chain (docs/rates.md section 4):" \
    "IKKE ANGIVET normalbidrag_month 2016-01..2016-12 (en sag efter § 68 stk. 2 nr. 4 skal have det dokumenterede child_support)|ABSENT normalbidrag_month 2016-01..2016-12 (a § 68 stk. 2 nr. 4 case needs the documented child_support)" \
    "kontrollerede 184 værdier (55 offentliggjorte, 52 sekundære, 77 afledte): alle genskabt af kæden|checked 184 values (55 published, 52 secondary, 77 derived): all reproduced by the chain"; do
    check "rates check: Danish line '${pair%%|*}'" has check.da "${pair%%|*}"
    check "rates check --lang en: English line '${pair#*|}'" has check.en "${pair#*|}"
    check "rates check: no English line '${pair#*|}' by default" lacks check.da "${pair#*|}"
done
stdout_lines 0 "rates show 2025" show
check "rates show 2025: Danish heading" grep -qE '^Satstabel 2025 \(rates_id [0-9a-f]{16}\)$' show.da
check "rates show 2025 --lang en: English heading" grep -qE '^Rate table 2025 \(rates_id [0-9a-f]{16}\)$' show.en
check "rates show 2025: Danish column heads" grep -qE '^nøgle +beløb enhed +gælder +herkomst +lovhenvisning$' show.da
check "rates show 2025 --lang en: English column heads" \
    grep -qE '^key +amount unit +effective +provenance legal reference$' show.en
check "rates show 2025: 'kilde:' before a source" grep -qE '^ +kilde: .*\(2025\.csv:[0-9]+\)$' show.da
check "rates show 2025 --lang en: 'source:' before a source" grep -qE '^ +source: .*\(2025\.csv:[0-9]+\)$' show.en
check "rates show 2025: no 'source:' by default" lacks show.da 'source:'
# the columns line up in both languages: the legal reference starts under its head (characters,
# not bytes: "nøgle" and "beløb" are five wide)
for lang in da en; do
    head2=$(sed -n 2p show.$lang)
    row=$(sed -n 3p show.$lang)
    word=$(printf '%s' "$head2" | awk '{print $NF}')
    [ "$lang" = en ] && word="legal reference"
    pre_head=${head2%"$word"}
    pre_row=${row%%LAS*}
    check "rates show 2025 --lang $lang: the legal reference under its head" \
        [ "$(printf '%s' "$pre_head" | LC_ALL=C.UTF-8 wc -m)" = "$(printf '%s' "$pre_row" | LC_ALL=C.UTF-8 wc -m)" ]
    pre_head=${head2%%beløb*}
    [ "$lang" = en ] && pre_head=${head2%%amount*}
    pre_row=${row%%.00 kr/month*}
    check "rates show 2025 --lang $lang: the amounts end under their head" \
        [ $(( $(printf '%s' "$pre_head" | LC_ALL=C.UTF-8 wc -m) + $([ "$lang" = en ] && echo 6 || echo 5) )) = $(( $(printf '%s' "$pre_row" | LC_ALL=C.UTF-8 wc -m) + 3 )) ]
done

# The usage after an error follows the language too.
"$RFY" batch -x one.csv >/dev/null 2>err.txt
check "usage after an error: Danish" grep -q '^brug: rfy batch ' err.txt
"$RFY" batch -x one.csv --lang en >/dev/null 2>err.txt
check "usage after an error: English" grep -q '^usage: rfy batch ' err.txt

rfy_test_finish
