# The installed library, as an integrator sees it (docs/library.md):
# `cmake --install` into a temporary prefix, then the example program built
# against it with `pkg-config --cflags --libs rfy` (and with find_package),
# run, and checked against values worked out by hand from the law.
#   bash tests/test_install.sh BUILD/rfy SOURCE_DIR
# $RFY_SANITIZE_FLAGS (set by ctest in a sanitizer build) is added when
# compiling the example, whose library was built with those flags.
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
BUILD=$(dirname "$RFY")
PREFIX=$TMP/prefix
CC=${CC:-cc}
SAN=${RFY_SANITIZE_FLAGS:-}

check "cmake --install into a temporary prefix" \
    cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
LIBDIR=$(dirname "$(find "$PREFIX" -name rfy.pc | head -1)")/..
LIBDIR=$(cd "$LIBDIR" && pwd)
for f in bin/rfy include/rfy/rfy.h include/rfy/version.h include/rfy/input.h include/rfy/batch.h \
         share/man/man1/rfy.1; do
    check "installs $f" test -f "$PREFIX/$f"
done
check "installs librfy.a" test -f "$LIBDIR/librfy.a"
check "librfy.so links to its SOVERSION" test -L "$LIBDIR/librfy.so" -a -L "$LIBDIR/librfy.so.1"
check "installs the CMake package" test -f "$LIBDIR/cmake/rfy/rfyConfig.cmake"

# Only rfy_ symbols leave the shared library (internal rfy__ rules stay hidden).
# (An AddressSanitizer build adds __odr_asan.NAME markers for exported data: the
# sanitizer's, not ours.)
nm -D --defined-only "$LIBDIR/librfy.so" | awk '{print $3}' | grep -v '^__odr_asan\.' >"$TMP/syms"
check "librfy.so exports rfy_compute" grep -qx rfy_compute "$TMP/syms"
check "librfy.so exports rfy_explain_text" grep -qx rfy_explain_text "$TMP/syms"
check "librfy.so exports rfy_explain_json" grep -qx rfy_explain_json "$TMP/syms"
check "librfy.so exports the handles' accessors" \
    sh -c "grep -qx rfy_result_new '$TMP/syms' && grep -qx rfy_result_amount '$TMP/syms' &&
           grep -qx rfy_case_set_amount '$TMP/syms' && grep -qx rfy_explanation_amount '$TMP/syms'"
check "the structs' init/clear stay inside librfy" \
    sh -c "! grep -qx 'rfy_\(case\|result\|explanation\)_\(init\|clear\)' '$TMP/syms'"
check "librfy.so exports nothing but rfy_ names" \
    sh -c "! grep -v '^rfy_' '$TMP/syms' && ! grep '^rfy__' '$TMP/syms'"
# No writable data and no test hook leave the library: the only data symbols it
# exports are constant tables (nm type R); a B, D, G, S, V or C symbol would be a
# global a program could change under another thread.
nm -D --defined-only "$LIBDIR/librfy.so" | grep -v ' __odr_asan\.' >"$TMP/symtypes"
check "librfy.so exports const tables only, no writable data (nm type R)" \
    sh -c "! awk '\$2 !~ /^[TtWwRri]\$/' '$TMP/symtypes' | grep ."
check "librfy.so exports read-only data (rfy_amount_dot, type R)" \
    grep -q ' R rfy_amount_dot$' "$TMP/symtypes"
check "librfy.so exports no test hook" sh -c "! grep -Ei 'fail_after|(^|_)test(_|\$)|_hook\$' '$TMP/syms'"
check "the soname carries the major version" \
    sh -c "objdump -p '$LIBDIR/librfy.so' | grep -q 'SONAME *librfy.so.1'"
check "the installed librfy.so and rfy carry an rpath" \
    sh -c "objdump -p '$LIBDIR/librfy.so' | grep -q 'R\(UN\)\?PATH *\\\$ORIGIN' &&
           objdump -p '$PREFIX/bin/rfy' | grep -q 'R\(UN\)\?PATH *\\\$ORIGIN/../'"
check "rfy.pc's Libs carry the libdir as rpath" \
    grep -q '^Libs: .*-Wl,-rpath,\${libdir}' "$LIBDIR/pkgconfig/rfy.pc"

check "the headers are installed under include/rfy/ with the umbrella rfy/rfy.h" test -f "$PREFIX/include/rfy/rfy.h" -a -f "$PREFIX/include/rfy/version.h"
check "no rfy header is installed flat into include/" sh -c "! ls '$PREFIX'/include/rfy*.h 2>/dev/null"

# No installed header declares a struct with a GMP member: amounts are handed
# out by accessors (mpq_t copies or exact text), so no GMP layout is ABI.  A
# member is an mpz_t/mpq_t line inside a struct body ("struct NAME {" up to the
# closing "}"); a function's mpz_t/mpq_t parameters are outside any body.
gmp_members() { awk '/^(typedef )?struct [A-Za-z_0-9]* *[{]/ {s = 1} s && /mp[zq]_t/ {print FILENAME": "$0; n++} /^[}]/ {s = 0} END {exit !n}' "$@"; }
printf 'typedef struct x {\n    int n;\n    mpz_t amount;\n} x;\nvoid f(int a,\n       const mpq_t q);\n' >"$TMP/gmp_member.h"
printf 'void f(int a,\n       const mpq_t q);\n' >"$TMP/gmp_param.h"
check "the GMP-member check finds a member (it can fail)" sh -c "$(declare -f gmp_members); gmp_members '$TMP/gmp_member.h' >/dev/null"
check "the GMP-member check passes a function's GMP parameter" sh -c "$(declare -f gmp_members); ! gmp_members '$TMP/gmp_param.h' >/dev/null"
# Every installed header is checked.
for h in "$PREFIX"/include/rfy/*.h; do
    check "$(basename "$h") declares no struct with a GMP member" \
        sh -c "$(declare -f gmp_members); ! gmp_members '$h'"
done

# GMP is the only dependency the public headers need.
check "public headers include no libcsv, jansson or OpenSSL header" \
    sh -c "! grep -l '#include <\(csv\|jansson\|openssl\)' '$PREFIX'/include/rfy/*.h"

# The example through pkg-config, and run against the installed librfy alone.
export PKG_CONFIG_PATH=$LIBDIR/pkgconfig
check "pkg-config knows rfy $(sed -n 's/^Version: //p' "$LIBDIR/pkgconfig/rfy.pc")" \
    pkg-config --exists rfy
# shellcheck disable=SC2046,SC2086
check "the example builds with pkg-config --cflags --libs rfy" \
    $CC -std=c11 -Wall -Wextra -Werror $SAN "$SRC/examples/one_month.c" \
        $(pkg-config --cflags --libs rfy) -o "$TMP/one_month"
# No LD_LIBRARY_PATH: rfy.pc's rpath finds the installed librfy.so.
run() { env -u LD_LIBRARY_PATH "$TMP/one_month" "$@"; }
found=$(env -u LD_LIBRARY_PATH ldd "$TMP/one_month" | awk '$1 == "librfy.so.1" {print $3}')
check "the example finds the installed librfy.so without LD_LIBRARY_PATH" \
    test -n "$found" -a "$(readlink -f "${found:-/nonexistent}")" = "$(readlink -f "$LIBDIR/librfy.so.1")"
run >"$TMP/out" 2>"$TMP/err"
check "the example computes (exit 0)" test $? = 0
# May 2024, forsørger: level 16.382,00 (§ 68 stk. 2 nr. 1, rates/2024.csv); wage
# 20.000,00 above T = 16.323,00: 55 % × (20.000,00 − 16.323,00) = 55 % × 3.677,00
# = 2.022,35 (§ 68 a stk. 2, 55 % only from 2022); payment 16.382,00 − 2.022,35 = 14.359,65.
check "gross 16382.00" grep -q '^gross  *16382.00$' "$TMP/out"
check "wage deduction 2022.35 under § 68 a stk. 2" \
    grep -q '^wage_deduction  *2022.35  (§ 68 a stk. 2)$' "$TMP/out"
check "payment 14359.65" grep -q '^payment  *14359.65$' "$TMP/out"
# The Danish explanation from rfy_explain_text(), as `rfy preview` prints it:
# 16.382,00 − 2.022,35 = 14.359,65.
check "the Danish explanation: its heading" grep -qx 'Forhåndsberegning af ressourceforløbsydelse' "$TMP/out"
check "the Danish explanation: the wage line 55 % af (20.000,00 − 16.323,00) = 2.022,35" \
    grep -qx '  Løn: 55 % af (20.000,00 − 16.323,00) = 2.022,35 (§ 68 a, stk. 2)' "$TMP/out"
check "the Danish explanation: til udbetaling 14.359,65" \
    grep -qx '  Til udbetaling (før skat)     14.359,65  (16.382,00 − 2.022,35)' "$TMP/out"
check "the Danish explanation: its closing line" \
    grep -qx 'Dette er en forhåndsberegning, ikke en afgørelse.' "$TMP/out"

# The library itself refuses a sygedagpenge amount without its unit.
run month=2024-05 category=forsorger prior=sygedagpenge prior_amount=4500 \
    prior_until=2024-12-31 >"$TMP/out" 2>"$TMP/err"
check "no prior_unit: refused (exit 1)" test $? = 1
check "no prior_unit: the reason names prior_unit" \
    grep -q '^one_month: bad input: prior_unit: prior_unit skal udfyldes med prior sygedagpenge' \
    "$TMP/err"

# find_package(rfy) in a CMake project of the integrator's.
if [ -z "$SAN" ]; then
    check "find_package(rfy) builds the example" sh -c \
        "cmake -S '$SRC/examples' -B '$TMP/ex' -DCMAKE_PREFIX_PATH='$PREFIX' >/dev/null &&
         cmake --build '$TMP/ex' >/dev/null && env -u LD_LIBRARY_PATH '$TMP/ex/one_month' |
         grep -q '^payment  *14359.65$'"
fi

# C++ programs get C linkage from the headers.
if command -v c++ >/dev/null; then
    printf '#include <rfy/rfy.h>\nint main() { return rfy_version()[0] == 0; }\n' >"$TMP/cxx.cc"
    # shellcheck disable=SC2046,SC2086
    check "the headers compile and link as C++" \
        c++ $SAN "$TMP/cxx.cc" $(pkg-config --cflags --libs rfy) -o "$TMP/cxx"
fi

rfy_test_finish
