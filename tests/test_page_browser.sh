#!/usr/bin/env bash
# rfy serve: the caseworker page on narrow screens, focus after Beregn, Danish amounts, the
# printout (Chromium's print to PDF, read with pdftotext), keyboard use and axe-core's WCAG 2.1
# AA rules, in Debian's chromium (tests/web/page_test.py).
# RFY_SCREENSHOTS=DIR saves screenshots at 1280 and 390 px and the printed PDF there.
#
# usage: bash test_page_browser.sh PATH_TO_RFY SOURCE_DIR
set -eu
exec /usr/bin/python3 "$2/tests/web/page_test.py" "$1" "$2" ${RFY_SCREENSHOTS:+"$RFY_SCREENSHOTS"}
