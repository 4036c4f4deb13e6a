#!/usr/bin/env bash
# The options of every command, as the options table gives them (cli/options_table.c, printed by
# `rfy COMMAND --help`), against the program and the documentation:
#   - each option listed is one the command accepts (getopt does not call it unknown);
#   - `rfy audit --help` lists --tolerance AMOUNT and --jobs N;
#   - the man page's SYNOPSIS names every option of each command in that command's lines, and every
#     command;
#   - `rfy help COMMAND` is `rfy COMMAND --help`.
# The usage blocks of docs/interface.md and each command's page are `rfy ... --help` itself, run as
# examples by tests/doc_examples.sh.
#
# usage: bash test_usage_docs.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
COMMANDS="batch ledger preview whatif audit rates serve"

# options CMD: "NAME ARG" per line, from the Options section of `rfy CMD --help` (Danish:
# "Tilvalg"; the English list is the same options: checked below).
options() {
    "$RFY" "$1" --help | sed -n '/^Tilvalg:$/,/^$/p' | sed -n 's/^  \(-[-a-z]*\)\( [^ ]*\)\{0,1\}.*$/\1/p'
}

# The man page's SYNOPSIS, roff escapes read, one paragraph per command form joined to one line.
sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' "$SRC/docs/rfy.1" | sed -e 's/\\-/-/g' -e 's/\\f[BIR]//g' |
    awk '/^\.B rfy /{ if (l) print l; l = substr($0, 4); next } /^\.br/{ next } /^\.SH/{ next } { l = l " " $0 }
         END { if (l) print l }' >"$TMP/man.synopsis"

for cmd in $COMMANDS; do
    options "$cmd" >"$TMP/$cmd.options"
    check "rfy $cmd --help lists options" [ -s "$TMP/$cmd.options" ]
    grep "^rfy $cmd " "$TMP/man.synopsis" >"$TMP/$cmd.man"
    check "rfy.1 SYNOPSIS has rfy $cmd" [ -s "$TMP/$cmd.man" ]
    while read -r opt; do
        # A value that is wrong for every option: the command refuses it, but not as unknown.
        err=$(timeout 10 "$RFY" "$cmd" "$opt" /nonexistent/x 2>&1 </dev/null >/dev/null)
        case $err in
            *"unrecognized option"* | *"unknown option"* | *"invalid option"*)
                bad "rfy $cmd does not accept $opt, which its --help lists: $err" ;;
            *) ok ;;
        esac
        check "rfy.1 SYNOPSIS of rfy $cmd names $opt" grep -qE -- "(^|[[ ])$opt([] ]|$)" "$TMP/$cmd.man"
    done <"$TMP/$cmd.options"
    check "rfy help $cmd is rfy $cmd --help" cmp -s <("$RFY" help "$cmd") <("$RFY" "$cmd" --help)
    check "rfy $cmd --help --lang en lists the same options" cmp -s "$TMP/$cmd.options" \
        <("$RFY" "$cmd" --help --lang en | sed -n '/^Options:$/,/^$/p' |
            sed -n 's/^  \(-[-a-z]*\)\( [^ ]*\)\{0,1\}.*$/\1/p')
done

check "rfy audit --help lists --tolerance AMOUNT" bash -c "'$RFY' audit --help | grep -q '^  --tolerance AMOUNT '"
check "rfy audit --help lists --jobs N" bash -c "'$RFY' audit --help | grep -q '^  --jobs N '"
check "rfy --help has audit's --tolerance and --jobs" \
    bash -c "'$RFY' --help | sed -n '/rfy audit/,/HISTORIC/p' | grep -q -- '--tolerance AMOUNT' &&
             '$RFY' --help | sed -n '/rfy audit/,/HISTORIC/p' | grep -q -- '--jobs N'"
# The check can fail: an option the table does not have is unknown to the command.
err=$("$RFY" audit --no-such-option x 2>&1)
check "an option not in the table is refused as unknown" bash -c "grep -q \"ukendt tilvalg '--no-such-option'\" <<<\"$err\""

rfy_test_finish
