#!/usr/bin/env bash
# The documentation runner (tests/doc_examples.sh) fails where it should, naming file and line:
#   - one digit changed in an expected output of docs/preview.md fails the run and names that line;
#   - a missing and an extra output line are differences; "…" stands for any text, and a line of
#     "…" alone for any lines; here-documents, "\" continuations, cd and $? work as in a terminal;
#   - the unchanged docs/preview.md passes (so the failure above comes from the digit alone).
#
# usage: bash test_doc_examples_runner.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
RUNNER=$SRC/tests/doc_examples.sh

# A source tree of our own whose docs/ we may change; fixtures and rates are the shipped ones.
mkdir -p "$TMP/src/docs"
ln -s "$SRC/fixtures" "$TMP/src/fixtures"
ln -s "$SRC/rates" "$TMP/src/rates"
cp "$SRC/docs/preview.md" "$TMP/src/docs/preview.md"

bash "$RUNNER" "$RFY" "$TMP/src" "$TMP/src/docs/preview.md" >"$TMP/ok.out" 2>"$TMP/ok.err"
check "unchanged docs/preview.md passes" [ $? = 0 ]
check "unchanged: says how many examples ran" grep -q '^doc_examples: [1-9][0-9]* examples in 1 files, 0 failed$' "$TMP/ok.out"

# The worked example's payment, 16.382,00 - 2.022,35 = 14.359,65 (rules.md §6): change its last digit.
line=$(grep -n '^  Til udbetaling (før skat)     14.359,65  (16.382,00 − 2.022,35)$' "$TMP/src/docs/preview.md" | cut -d: -f1)
check "docs/preview.md shows the worked payment 14.359,65" [ -n "$line" ]
sed -i "${line}s/14.359,65 /14.359,66 /" "$TMP/src/docs/preview.md"
bash "$RUNNER" "$RFY" "$TMP/src" "$TMP/src/docs/preview.md" >"$TMP/bad.out" 2>"$TMP/bad.err"
check "one digit changed: the run fails" [ $? = 1 ]
check "one digit changed: names docs/preview.md:$line" grep -q "^docs/preview.md:$line: example output differs" "$TMP/bad.err"
check "one digit changed: shows the expected line" grep -qF "  expected:   Til udbetaling (før skat)     14.359,66" "$TMP/bad.err"
check "one digit changed: shows what rfy printed" grep -qF "  got:        Til udbetaling (før skat)     14.359,65" "$TMP/bad.err"
check "one digit changed: one example failed" grep -q ', 1 failed$' "$TMP/bad.out"

# The runner's own conventions, on a document made for it (line numbers in the comments).
cat >"$TMP/src/docs/conv.md" <<'DOC'
# conventions
```console
$ printf 'a\nb\nc\nrates_id 0123\n'
a
…
rates_id …
$ cat > x.csv <<'END'
1,2
END
$ cat x.csv
1,2
$ echo one \
       two
one two
$ mkdir -p sub && cd sub && false
$ echo $? "$(basename "$PWD")"
1 sub
```
Not an example:
```
$ false
never compared
```
```console
$ printf 'x\ny\n'
x
```
```console
$ printf 'x\n'
x
y
```
DOC
bash "$RUNNER" "$RFY" "$TMP/src" "$TMP/src/docs/conv.md" >"$TMP/conv.out" 2>"$TMP/conv.err"
check "conventions: two failures of eight examples" grep -q '^doc_examples: 8 examples in 1 files, 2 failed$' "$TMP/conv.out"
check "conventions: an extra output line is named after the example's last line" \
    grep -q '^docs/conv.md:27: example output differs (command at line 25: printf' "$TMP/conv.err"
check "conventions: a missing output line is named" \
    grep -q '^docs/conv.md:31: example output differs (command at line 29: printf' "$TMP/conv.err"
check "conventions: nothing else differs" [ "$(grep -c 'example output differs' "$TMP/conv.err")" = 2 ]

rfy_test_finish
