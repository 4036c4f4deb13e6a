#!/usr/bin/python3
"""batch, serve and preview decide a case-month through one runner (rfy/runner.h).

    /usr/bin/python3 tests/web/runner_test.py build/rfy SOURCE_DIR

The rows of fixtures/runner/rows.csv (shuffled; three cases, two months of two
rows, holiday carried across months, a gap) go through
- `rfy batch` (the output file),
- `rfy serve` (one POST of every row, in the file's order),
- `rfy preview`: `--input FILE --case-id --month` for a month of several rows,
  and the month's own options with the holiday state before it (the batch's
  columns of the case's previous month, 0 after a gap) for a month of one row,
and the amounts (gross, total_deduction, payment) and the holiday columns
(right, run months, used, left, excess) must be equal, value for value.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_fixture import Server, request  # noqa: E402

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def from_json(r):
    """The compared columns of a JSON result (serve, preview --json) in the batch's words."""
    h = r["holiday"]
    return {"gross": r["gross"], "total_deduction": r["total_deduction"], "payment": r["payment"],
            "holiday_right": "yes" if h["right"] else "no",
            "holiday_run_months": str(h["run_months_after"]), "holiday_used_days": h["used_after"],
            "holiday_days_left": h["days_left"], "holiday_excess_days": h["excess"]}


KEYS = ["gross", "total_deduction", "payment", "holiday_right", "holiday_run_months",
        "holiday_used_days", "holiday_days_left", "holiday_excess_days"]


def main():
    rfy, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    fixture = os.path.join(src, "fixtures", "runner", "rows.csv")
    with open(fixture, newline="") as f:
        rows = list(csv.DictReader(f))

    # ---- batch ----
    with tempfile.TemporaryDirectory(prefix="rfy-runner-") as tmp:
        out = os.path.join(tmp, "out.csv")
        p = subprocess.run([rfy, "batch", fixture, "-o", out, "--quiet"], capture_output=True, text=True)
        check(p.returncode == 0, f"batch: exit 0, got {p.returncode} {p.stderr}")
        with open(out, newline="") as f:
            batch = {(r["case_id"], r["month"]): {k: r[k] for k in KEYS} for r in csv.DictReader(f)}
    check(len(batch) == 19, f"batch: 19 case-months, got {len(batch)}")

    # Worked by hand (rules.md §7, §8; 2024 rates: ikke-forsørger 12.326, forsørger 16.382,
    # threshold 16.323):
    # R1 2024-01, ikke-forsørger 1–11 with wage 20.000 and forsørger 12–31:
    #   gross (12.326 × 11 + 16.382 × 20) / 31 = 463.226 / 31 = 14.942,77;
    #   wage 0,55 × (20.000 − 16.323) = 2.022,35; payment 12.920,42.
    #   Holiday: 12 months before (2023) → right, a new window; 4 + 6 = 10 days of the two
    #   rows → used 10, left 35 − 10 = 25.
    # R1 2024-02: 30 days, allowed 35 − 10 = 25 → excess 5, used 35, left 0.
    # R2 2024-05 (comes in with 13 months, 20 days used): 5 feriedage × 7/5 = 7 days held
    #   first → used 20 + 7 = 27, left 8; 2024-06: 12 days, allowed 8 → excess 4, used 35.
    # R3 2024-03 after a missing 2024-02: the run starts again (0 before) → no right, the
    #   2 days are all excess.
    want = {("R1", "2024-01"): {"gross": "14942.77", "total_deduction": "2022.35",
                                "payment": "12920.42", "holiday_right": "yes",
                                "holiday_run_months": "13", "holiday_used_days": "10.00",
                                "holiday_days_left": "25.00", "holiday_excess_days": "0.00"},
            ("R1", "2024-02"): {"holiday_used_days": "35.00", "holiday_days_left": "0.00",
                                "holiday_excess_days": "5.00"},
            ("R2", "2024-05"): {"holiday_run_months": "14", "holiday_used_days": "27.00",
                                "holiday_days_left": "8.00"},
            ("R2", "2024-06"): {"holiday_used_days": "35.00", "holiday_excess_days": "4.00"},
            ("R3", "2024-03"): {"holiday_right": "no", "holiday_run_months": "1",
                                "holiday_excess_days": "2.00"}}
    for key, cols in want.items():
        got = {k: batch.get(key, {}).get(k) for k in cols}
        check(got == cols, f"batch {key}: {cols}, got {got}")

    # ---- serve: every row in one request, in the file's order ----
    server = Server(rfy)
    try:
        body = json.dumps({"rows": [{k: v for k, v in r.items() if v != ""} for r in rows]}).encode()
        status, _, data = request(server.url + "/api/v1/calculate", "POST", body,
                                  {"Content-Type": "application/json"})
        answer = json.loads(data)
        check(status == 200, f"serve: 200, got {status} {answer}")
        served = {(r["input"]["case_id"], r["month"]): from_json(r) for r in answer.get("results", [])}
    finally:
        rc, _ = server.stop()
        check(rc == 0, "serve stops with 0")
    check(served == batch, "serve: the batch's amounts and holiday columns, every case-month")
    for key in sorted(batch):
        if served.get(key) != batch[key]:
            print("  serve", key, served.get(key), "batch", batch[key])

    # ---- preview ----
    by_month = {}
    for r in rows:
        by_month.setdefault((r["case_id"], r["month"]), []).append(r)
    previewed = {}
    for (case, month), group in sorted(by_month.items()):
        if len(group) > 1:
            args = ["--input", fixture, "--case-id", case, "--month", month]
        else:
            r = dict(group[0])
            # the state before the month: the batch's columns of the case's previous month
            y, m = int(month[:4]), int(month[5:])
            prev = (case, f"{y - (m == 1)}-{12 if m == 1 else m - 1:02d}")
            if prev in batch:
                r["holiday_run_months"] = batch[prev]["holiday_run_months"]
                r["holiday_used_days"] = batch[prev]["holiday_used_days"]
            elif any(k[0] == case and k[1] < month for k in batch):
                r["holiday_run_months"], r["holiday_used_days"] = "0", ""  # a gap: the run starts again
            args = []
            for k, v in r.items():
                if v != "":
                    args += ["--" + k.replace("_", "-"), v]
        p = subprocess.run([rfy, "preview", "--json"] + args, capture_output=True, text=True)
        check(p.returncode == 0, f"preview {case} {month}: exit 0, got {p.returncode} {p.stderr}")
        if p.returncode == 0:
            previewed[(case, month)] = from_json(json.loads(p.stdout))
    check(previewed == batch, "preview: the batch's amounts and holiday columns, every case-month")
    for key in sorted(batch):
        if previewed.get(key) != batch[key]:
            print("  preview", key, previewed.get(key), "batch", batch[key])

    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("ok: batch, serve and preview agree on", len(batch), "case-months")


if __name__ == "__main__":
    main()
