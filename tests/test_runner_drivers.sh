#!/usr/bin/env bash
# One case-month runner, three drivers: `rfy batch`, `rfy serve` and `rfy preview`
# give the same amounts and holiday columns on the same rows, months of several
# rows and holiday carried across months included (tests/web/runner_test.py,
# fixture fixtures/runner/rows.csv).
#
# usage: bash test_runner_drivers.sh PATH_TO_RFY SOURCE_DIR
set -eu
exec /usr/bin/python3 "$2/tests/web/runner_test.py" "$1" "$2"
