#!/usr/bin/env bash
# The "Kan det betale sig at arbejde?" chart in Debian's chromium, headless
# (tests/web/whatif_browser_test.py): the marked break-even equals the CLI's.
#
# usage: bash test_whatif_browser.sh PATH_TO_RFY SOURCE_DIR
set -eu
exec /usr/bin/python3 "$2/tests/web/whatif_browser_test.py" "$1" "$2" ${RFY_SCREENSHOT:+"$RFY_SCREENSHOT"}
