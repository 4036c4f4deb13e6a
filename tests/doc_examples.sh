#!/usr/bin/env bash
# Runs every example in the documentation and compares what it prints with what the document shows,
# the way doctests do.  The format of an example is described in docs/testing.md ("Examples in the
# documentation"); in short:
#
#   Markdown: a fenced block that opens with ```console (indentation allowed).  A line beginning with
#   "$ " is a command; a command line ending in "\" continues on the next line, and a command with a
#   here-document (<<EOF, <<'EOF') takes the lines up to the terminator.  Every other line is output
#   the command before it prints (standard output and standard error together, in order).
#   Man page (docs/rfy.1): every .EX ... .EE block, with the same "$ " convention; roff escapes
#   \- \e \(aq \(dq are read as - \ ' ".
#
#   "…" in an expected line stands for any text (a rates_id, a time, a path); a line that is only "…"
#   stands for any number of lines, none included.
#
# Each file's examples run in order, as in one terminal (a cd or an exit status carries over to the next
# command, variables do not), starting in one fresh temporary folder holding a copy of fixtures/ and rates/ (so the
# examples of one page can build on each other, as ledger.md's do), with the rfy under test first on
# PATH and --lang left at its default.  A difference names the file and line of the expected line (or
# of the command, when output is missing), shows both texts, and makes the run fail.
#
# usage: doc_examples.sh RFY_BINARY SOURCE_DIR [FILE...]   (default: README.md docs/*.md docs/rfy.1)
set -u
rfy_bin=$(readlink -f "$1")
src=$(readlink -f "$2")
shift 2
if [ $# -eq 0 ]; then
    set -- "$src/README.md" "$src"/docs/*.md "$src/docs/rfy.1"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$rfy_bin" "$work/bin/rfy"

failures=0
examples=0
files_with_examples=0

# Unescape the few roff escapes an example in the man page uses.
unroff() {
    local s=$1
    s=${s//\\-/-}
    s=${s//\\(aq/\'}
    s=${s//\\(dq/\"}
    s=${s//\\e/\\}
    printf '%s' "$s"
}

# glob_of LINE: the expected line as a bash pattern; "…" becomes *, every other character is literal.
glob_of() {
    local line=$1 out="" part
    local IFS=
    while [[ $line == *…* ]]; do
        part=${line%%…*}
        out+=$(printf '%q' "$part")'*'
        line=${line#*…}
    done
    out+=$(printf '%q' "$line")
    # printf %q of the empty string is '' : a pattern that matches the empty string, as it should.
    printf '%s' "$out"
}

# line_matches EXPECTED ACTUAL
line_matches() {
    local e=${1%"${1##*[![:space:]]}"} a=${2%"${2##*[![:space:]]}"}
    if [[ $e != *…* ]]; then
        [[ $e == "$a" ]]
        return
    fi
    local pat
    pat=$(glob_of "$e")
    eval "[[ \$a == $pat ]]"
}

# match_from EI AI: do expected[EI..] match actual[AI..]?  Sets mismatch_e / mismatch_a at the first
# difference found on the longest path (for the message).
match_from() {
    local ei=$1 ai=$2
    while [ "$ei" -lt "${#exp_text[@]}" ]; do
        if [ "${exp_text[$ei]}" = "…" ]; then
            local k
            for ((k = ai; k <= ${#act[@]}; k++)); do
                if match_from $((ei + 1)) "$k"; then return 0; fi
            done
            return 1
        fi
        if [ "$ai" -ge "${#act[@]}" ] || ! line_matches "${exp_text[$ei]}" "${act[$ai]}"; then
            if [ "$ei" -gt "$mismatch_e" ] || { [ "$ei" -eq "$mismatch_e" ] && [ "$ai" -gt "$mismatch_a" ]; }; then
                mismatch_e=$ei
                mismatch_a=$ai
            fi
            return 1
        fi
        ei=$((ei + 1))
        ai=$((ai + 1))
    done
    if [ "$ai" -lt "${#act[@]}" ]; then
        if [ "$ei" -gt "$mismatch_e" ] || { [ "$ei" -eq "$mismatch_e" ] && [ "$ai" -gt "$mismatch_a" ]; }; then
            mismatch_e=$ei
            mismatch_a=$ai
        fi
        return 1
    fi
    return 0
}

# run_example FILE CMD_LINE_NO CMD: runs CMD, compares with exp_text/exp_line.
run_example() {
    local file=$1 cmdline=$2 cmd=$3 rel=${1#"$src"/}
    examples=$((examples + 1))
    local out
    # As in one terminal: the command starts where the one before it ended (cd) and sees its exit
    # status ($?); variables do not carry over.  Standard input is empty.
    out=$(cd "$cwd" && PATH="$work/bin:$PATH" bash -c '(exit "$1"); eval "$2"; rc=$?; pwd >"$3"; exit $rc' \
              example "$last_rc" "$cmd" "$work/cwd" 2>&1 </dev/null)
    last_rc=$?
    [ -s "$work/cwd" ] && cwd=$(cat "$work/cwd")
    rm -f "$work/cwd"
    act=()
    if [ -n "$out" ]; then
        mapfile -t act <<<"$out"
    fi
    mismatch_e=-1
    mismatch_a=-1
    if match_from 0 0; then
        return
    fi
    failures=$((failures + 1))
    local where=$cmdline want="(no more lines)" got="(no more output)"
    if [ "$mismatch_e" -ge 0 ] && [ "$mismatch_e" -lt "${#exp_text[@]}" ]; then
        where=${exp_line[$mismatch_e]}
        want=${exp_text[$mismatch_e]}
    elif [ "${#exp_text[@]}" -gt 0 ]; then
        where=$((${exp_line[${#exp_text[@]} - 1]} + 1))   # the example shows no more lines
    fi
    if [ "$mismatch_a" -ge 0 ] && [ "$mismatch_a" -lt "${#act[@]}" ]; then
        got=${act[$mismatch_a]}
    fi
    {
        printf '%s:%s: example output differs (command at line %s: %s)\n' "$rel" "$where" "$cmdline" "${cmd%%$'\n'*}"
        printf '  expected: %s\n' "$want"
        printf '  got:      %s\n' "$got"
        printf '  full output:\n'
        printf '    | %s\n' "${act[@]+"${act[@]}"}"
    } >&2
}

for file in "$@"; do
    [ -f "$file" ] || { echo "doc_examples: no such file $file" >&2; failures=$((failures + 1)); continue; }
    dir="$work/run.$(basename "$file")"
    rm -rf "$dir"
    mkdir "$dir"
    cp -r "$src/fixtures" "$dir/fixtures"
    cp -r "$src/rates" "$dir/rates"
    cwd=$dir
    last_rc=0
    is_man=0
    case $file in *.1) is_man=1 ;; esac
    in_block=0 indent="" have_cmd=0 cmd="" cmdline=0 heredoc="" cont=0 counted=0
    exp_text=() exp_line=()
    lineno=0
    while IFS= read -r raw || [ -n "$raw" ]; do
        lineno=$((lineno + 1))
        if [ $in_block -eq 0 ]; then
            if [ $is_man -eq 1 ]; then
                [ "$raw" = ".EX" ] && { in_block=1; indent=""; }
            elif [[ $raw =~ ^([[:space:]]*)\`\`\`console[[:space:]]*$ ]]; then
                in_block=1
                indent=${BASH_REMATCH[1]}
            fi
            continue
        fi
        line=${raw#"$indent"}
        if { [ $is_man -eq 1 ] && [ "$line" = ".EE" ]; } ||
           { [ $is_man -eq 0 ] && [[ $line =~ ^\`\`\`[[:space:]]*$ ]] && [ -z "$heredoc" ]; }; then
            [ $have_cmd -eq 1 ] && run_example "$file" "$cmdline" "$cmd"
            in_block=0 have_cmd=0 cmd="" exp_text=() exp_line=() cont=0
            continue
        fi
        [ $is_man -eq 1 ] && line=$(unroff "$line")
        if [ -n "$heredoc" ]; then
            cmd+=$'\n'"$line"
            [ "$line" = "$heredoc" ] && heredoc=""
            continue
        fi
        if [ $cont -eq 1 ]; then
            cmd+=$'\n'"$line"
        elif [[ $line == '$ '* ]]; then
            [ $have_cmd -eq 1 ] && run_example "$file" "$cmdline" "$cmd"
            [ $counted -eq 0 ] && { counted=1; files_with_examples=$((files_with_examples + 1)); }
            have_cmd=1 cmd=${line#'$ '} cmdline=$lineno exp_text=() exp_line=()
        else
            exp_text+=("$line")
            exp_line+=("$lineno")
            continue
        fi
        cont=0
        [[ $line == *\\ ]] && cont=1
        if [[ $line =~ \<\<-?[\'\"]?([A-Za-z_][A-Za-z_0-9]*)[\'\"]? ]]; then
            heredoc=${BASH_REMATCH[1]}
        fi
    done <"$file"
    if [ $in_block -eq 1 ]; then
        echo "${file#"$src"/}:$lineno: example block not closed" >&2
        failures=$((failures + 1))
    fi
done

echo "doc_examples: $examples examples in $files_with_examples files, $failures failed"
[ "$failures" -eq 0 ]
