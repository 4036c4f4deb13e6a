#!/usr/bin/env bash
# rfy preview end to end.
#
# Goldens: every fixtures/preview/NAME.args (one argument per line) is run as
#   rfy preview --rates fixtures/preview/rates ARGS...          → NAME.expected.txt
#   rfy preview --rates fixtures/preview/rates --json ARGS...   → NAME.expected.json
# and compared byte for byte (exit 0 and empty standard error required).
# The goldens run on frozen copies of the rate tables (fixtures/preview/rates)
# so that an edit of rates/ (a source URL, a new year) does not change them;
# the checks after the goldens run on the built-in tables.  The amounts in
# the goldens are worked out by hand in fixtures/preview/README.md.
#
# Bad options: exit 2, nothing on standard output, and a message on standard
# error that names the option as typed (--prior-until, never prior_until).
#
# To rewrite the goldens after an intended change of the wording:
#   RFY_REGEN=1 bash tests/test_preview.sh build/rfy .   (then review the diff!)
#
# usage: bash test_preview.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
FIX=$SRC/fixtures/preview
RATES=$FIX/rates


same() { # same GOLDEN ACTUAL: exact bytes (the preview goldens use frozen tables, no normalising)
    if [ -n "${RFY_REGEN:-}" ]; then
        cp "$2" "$1"
        return 0
    fi
    if [ ! -f "$1" ]; then
        echo "  missing golden $1"
        return 1
    fi
    if ! cmp -s "$1" "$2"; then
        diff -u "$1" "$2" | head -30
        return 1
    fi
}

# ---- goldens -----------------------------------------------------------------
ngolden=0
for argsfile in "$FIX"/*.args; do
    name=$(basename "$argsfile" .args)
    mapfile -t args <"$argsfile"
    ngolden=$((ngolden + 1))
    for mode in txt json; do
        extra=()
        [ "$mode" = json ] && extra=(--json)
        "$RFY" preview --rates "$RATES" "${extra[@]}" "${args[@]}" >"$TMP/$name.$mode" 2>"$TMP/$name.$mode.err"
        rc=$?
        if [ "$rc" -ne 0 ] || [ -s "$TMP/$name.$mode.err" ]; then
            bad "$name ($mode): exit $rc, stderr: $(head -c 300 "$TMP/$name.$mode.err")"
        elif same "$FIX/$name.expected.$mode" "$TMP/$name.$mode"; then
            ok
        else
            bad "$name ($mode) differs from $FIX/$name.expected.$mode"
        fi
    done
done
if [ "$ngolden" -lt 5 ]; then
    bad "only $ngolden goldens in $FIX (expected at least 5)"
fi

# Every text golden adds up: gross − total = payment, or 0 when the deductions
# exceed the gross (amounts parsed from the printed lines; integer øre).
ore() { tr -d '.,' <<<"$1" | sed 's/^0*\([0-9]\)/\1/'; }
for txt in "$FIX"/*.expected.txt; do
    # the Danish lines, or the English ones of a --lang en golden (NAME_en)
    g=$(ore "$(sed -n -e 's/^  Bruttoydelse  *\([0-9.,]*\)$/\1/p' -e 's/^  Gross benefit  *\([0-9.,]*\)$/\1/p' "$txt")")
    t=$(ore "$(sed -n -e 's/^  Fradrag i alt  *\([0-9.,]*\).*/\1/p' -e 's/^  Deductions in all  *\([0-9.,]*\).*/\1/p' "$txt")")
    p=$(ore "$(sed -n -e 's/^  Til udbetaling (før skat)  *\([0-9.,]*\).*/\1/p' -e 's/^  Payment (before tax)  *\([0-9.,]*\).*/\1/p' "$txt")")
    if [ -z "$g" ] || [ -z "$t" ] || [ -z "$p" ]; then
        bad "$(basename "$txt"): totals not found"
        continue
    fi
    want=$((g - t))
    [ "$want" -lt 0 ] && want=0
    if [ "$want" -eq "$p" ]; then ok; else bad "$(basename "$txt"): $g - $t != $p"; fi
done

# ---- the worked check of rules.md §6, on the built-in tables -------------------
out=$("$RFY" preview --month 2024-05 --category forsorger --wage 20000)
rc=$?
if [ "$rc" -eq 0 ] && grep -q '14\.359,65' <<<"$out" && grep -q '§ 68 a, stk\. 2' <<<"$out" &&
    grep -q '16\.323,00' <<<"$out" &&
    grep -qx '  Løn: 55 % af (20.000,00 − 16.323,00) = 2.022,35 (§ 68 a, stk. 2)' <<<"$out" &&
    grep -qx 'Dette er en forhåndsberegning, ikke en afgørelse.' <<<"$out"; then
    ok
else
    bad "forsorger 2024-05 wage 20000 (built-in tables): want 14.359,65 with § 68 a, stk. 2 and 16.323,00"
    echo "$out" | head -30
fi
out=$("$RFY" preview --json --month 2024-05 --category forsorger --wage 20000)
if grep -q '"payment": "14359.65"' <<<"$out" && grep -q '"amount": "2022.35"' <<<"$out" &&
    ! grep -Eq '"(gross|payment|total_deduction|amount)": [0-9]' <<<"$out"; then
    ok
else
    bad "--json: payment \"14359.65\", deduction \"2022.35\", money never a JSON number"
fi
# Danish spelling of the category (the engine's rfy_category_from_name): the
# same payment as forsorger, 14359.65 (see above)
if "$RFY" preview --json --month 2024-05 --category Forsørger --wage 20000 |
    grep -q '"payment": "14359.65"'; then ok; else bad "--category Forsørger: payment 14359.65"; fi
# --help: usage on standard output, exit 0
if "$RFY" preview --help | grep -q -- '--prior-until'; then ok; else bad "--help"; fi

# ---- bad options: exit 2, empty standard output, message names the option -----
# reject WANT_IN_MESSAGE ARGS...
reject() {
    local want=$1
    shift
    "$RFY" preview "$@" >"$TMP/rej.out" 2>"$TMP/rej.err"
    local rc=$?
    if [ "$rc" -ne 2 ]; then
        bad "preview $*: exit $rc, want 2"
    elif [ -s "$TMP/rej.out" ]; then
        bad "preview $*: wrote to standard output"
    elif ! grep -qF -- "$want" "$TMP/rej.err"; then
        bad "preview $*: message does not name '$want': $(cat "$TMP/rej.err")"
    elif grep -Eq '(^|[^-a-z])(prior_until|prior_amount|prior_unit|holiday_days|holiday_pay|activation_hours|activation_income|other_income|child_support|case_id)' "$TMP/rej.err"; then
        bad "preview $*: message names a column, not the option: $(cat "$TMP/rej.err")"
    else
        ok
    fi
}
M=(--month 2024-05)
C=(--category forsorger)
reject --month "${C[@]}"
reject --category "${M[@]}"
reject --month --month 2024-13 "${C[@]}"
reject --month --month 2024-5 "${C[@]}"
reject --category "${M[@]}" --category forsorgr
reject --forloeb "${M[@]}" "${C[@]}" --forloeb job
reject --start "${M[@]}" "${C[@]}" --start 2024-06-01
reject --end "${M[@]}" "${C[@]}" --start 2024-05-10 --end 2024-05-09
reject --children "${M[@]}" --category u25_hjemme_bidrag
reject --children "${M[@]}" --category u25_hjemme_bidrag --children 21
reject --child-support "${M[@]}" --category u25_hjemme_bidrag --children 1 --child-support -5
reject --prior "${M[@]}" "${C[@]}" --prior syg
reject --prior-amount "${M[@]}" "${C[@]}" --prior-amount 100
reject --prior-unit "${M[@]}" "${C[@]}" --prior sygedagpenge --prior-amount 4695 --prior-until 2024-05-14
reject --prior-unit "${M[@]}" "${C[@]}" --prior sygedagpenge --prior-amount 4695 --prior-unit day --prior-until 2024-05-14
reject --prior-until "${M[@]}" "${C[@]}" --prior sygedagpenge --prior-amount 4695 --prior-unit week
reject --prior-until "${M[@]}" "${C[@]}" --prior ledighedsydelse --prior-amount 4185 --prior-unit week --prior-until 2024-05-14
reject --prior-until "${M[@]}" "${C[@]}" --prior sygedagpenge --prior-amount 4695 --prior-unit week --prior-until 2024-02-30
reject --prior-amount "${M[@]}" "${C[@]}" --prior sygedagpenge --prior-amount 4695.01 --prior-unit week --prior-until 2024-05-14
reject --prior "${M[@]}" "${C[@]}" --forloeb jobafklaring --prior sygedagpenge --prior-amount 4695 --prior-unit week --prior-until 2024-05-14
reject --wage "${M[@]}" "${C[@]}" --wage 12,5
reject --wage "${M[@]}" "${C[@]}" --wage 1e3
reject --wage "${M[@]}" "${C[@]}" --wage 10000000
reject --wage "${M[@]}" "${C[@]}" --decimal-comma --wage 12.5
reject --holiday-days "${M[@]}" "${C[@]}" --holiday-pay 100
reject --holiday-days "${M[@]}" "${C[@]}" --holiday-pay 100 --holiday-days 32
reject --holiday-pay "${M[@]}" "${C[@]}" --holiday-pay abc --holiday-days 1
reject --activation-hours "${M[@]}" "${C[@]}" --activation-income 100 --activation-hours 745
reject --activation-income "${M[@]}" "${C[@]}" --activation-income 1.234
reject --other-income "${M[@]}" "${C[@]}" --other-income ' 5'
reject --case-id "${M[@]}" "${C[@]}" --case-id ''
reject --wage "${M[@]}" "${C[@]}" --wage 1 --wage 2
reject --wage "${M[@]}" "${C[@]}" --wage
reject --bogus "${M[@]}" "${C[@]}" --bogus 1
reject "'extra'" "${M[@]}" "${C[@]}" extra
# the engine's refusals, named by option too
reject --month --month 2012-12 "${C[@]}"
reject --month --month 2014-06 "${C[@]}" --forloeb jobafklaring
reject --month --month 2027-01 "${C[@]}"
reject --month --rates "$RATES" --month 2023-05 "${C[@]}"
# unreadable rate tables: exit 2 as well
reject "rfy: ugyldige satstabeller" --rates "$TMP/no-such-dir" "${M[@]}" "${C[@]}"

# ---- --lang en: the same explanation in English ----------------------------------------------------
# The NAME_en goldens are NAME with --lang en: the amounts are the Danish golden's, line for line
# (all_deductions: 8.628,20 − (372,35 + 1.142,40 + 500,00) = 6.613,45, fixtures/preview/README.md).
for en in "$FIX"/*_en.expected.txt; do
    da=${en%_en.expected.txt}.expected.txt
    check "$(basename "$en"): the same numbers as $(basename "$da")" \
        [ "$(grep -oE '[0-9][0-9.]*,[0-9]+' "$en")" = "$(grep -oE '[0-9][0-9.]*,[0-9]+' "$da")" ]
    check "$(basename "$en"): the JSON is the Danish golden's" cmp -s "${en%.txt}.json" "${da%.txt}.json"
    # Danish words that the English text must not carry (names of the law stay: ressourceforløb,
    # feriedage, forsørger, normalbidrag, periodesanktion ...)
    check "$(basename "$en"): no Danish heading, label or sentence" \
        bash -c "! grep -nE 'Måned|Kategori|Niveau|Dage med|Fradrag|Løn:|Resultat|Til udbetaling|Anvendte|gældende|Grundlag|Advarsler|Ferie |Bemærk|Sag:| dage| af |kr\./md|kr\./uge|loftet|forskel|Dette er' '$en'"
done
check "all_deductions_en: the payment line in English" \
    grep -qxF "  Payment (before tax)           6.613,45  (8.628,20 − 2.014,75)" "$FIX/all_deductions_en.expected.txt"

rfy_test_finish
