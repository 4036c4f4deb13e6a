#!/usr/bin/env bash
# rfy serve: the caseworker page in Debian's chromium, headless, driven by
# python3-selenium and chromium-driver (tests/web/browser_test.py).  Three
# cases filled in the form, the amounts shown compared with the CLI's.
# RFY_SCREENSHOT=FILE.png saves the screenshot docs/web.md shows.
#
# usage: bash test_web_browser.sh PATH_TO_RFY SOURCE_DIR
set -eu
exec /usr/bin/python3 "$2/tests/web/browser_test.py" "$1" "$2" ${RFY_SCREENSHOT:+"$RFY_SCREENSHOT"}
