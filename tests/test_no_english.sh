#!/usr/bin/env bash
# No English on a Danish page: the preview text, the served HTML and JavaScript, and the API's
# Danish words are scanned for common English words (tests/web/no_english_test.py).
#
# usage: bash test_no_english.sh PATH_TO_RFY SOURCE_DIR
set -eu
exec /usr/bin/python3 "$2/tests/web/no_english_test.py" "$1" "$2"
