#!/usr/bin/env bash
# rfy whatif, POST /api/v1/whatif and rfy batch agree on random cases
# (tests/web/whatif_test.py; python3 from Debian, no browser needed).
#
# usage: bash test_whatif_cli.sh PATH_TO_RFY SOURCE_DIR
set -eu
exec /usr/bin/python3 "$2/tests/web/whatif_test.py" "$1" "$2"
