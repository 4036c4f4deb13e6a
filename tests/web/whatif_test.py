#!/usr/bin/python3
"""`rfy whatif`, POST /api/v1/whatif and `rfy batch` on the same cases.

    /usr/bin/python3 tests/web/whatif_test.py build/rfy SOURCE_DIR

For random case-months (fixed seed) over 2013-01..2026-12, every category,
both forløb, part months, holiday pay, income in tilbud, other income and
sanctions, a wage range (and an hours range) is asked of the CLI and the API:
  1. the API's JSON equals `rfy whatif --json` (the same object);
  2. every table row equals `rfy batch` on a file with that wage (payment and
     total_deduction; total = wage + payment);
  3. `rfy batch` pays 0 at break_even_wage and more than 0 at 0,01 kr. less;
  4. the Danish text table shows the same payments as the JSON;
  5. the worked example of docs/whatif.md: 46.108,45 kr.
Loopback only.  Exit 0 ok, 1 a failure.
"""
import csv
import io
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_fixture import Server, request  # noqa: E402

RFY = os.path.abspath(sys.argv[1])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def kr(ore):
    return "%d.%02d" % divmod(ore, 100)


def ore(s):
    whole, frac = s.split(".")
    return int(whole) * 100 + int(frac)


def random_case(g):
    """A valid case-month (the options of rfy preview, as API keys)."""
    y = g.randint(2013, 2026)
    m = g.randint(1, 12)
    c = {"month": "%04d-%02d" % (y, m),
         "category": g.choice(["forsorger", "ikke_forsorger", "u25_hjemme", "u25_hjemme_bidrag"])}
    if (y, m) >= (2014, 7) and g.random() < 0.4:
        c["forloeb"] = "jobafklaring"
    else:
        c["forloeb"] = "ressourceforloeb"
    if c["category"] == "u25_hjemme_bidrag":
        c["children"] = str(g.randint(1, 3))
        c["child_support"] = kr(g.randint(50000, 300000))
    if g.random() < 0.2:
        c["start"] = "%04d-%02d-%02d" % (y, m, g.randint(1, 28))
    if g.random() < 0.4:
        c["holiday_pay"] = kr(g.randint(1, 1500000))
        c["holiday_days"] = kr(g.randint(1, 2500))
    if g.random() < 0.2:
        c["activation_income"] = kr(g.randint(0, 800000))
        c["activation_hours"] = kr(g.randint(0, 20000))
    if g.random() < 0.25:
        c["other_income"] = kr(g.randint(0, 2000000))
    if g.random() < 0.1:
        c["sanction_days"] = str(g.randint(0, 3))
    if g.random() < 0.1:
        c["sanction_amount"] = kr(g.randint(0, 300000))
    return c


def cli_json(case, rng):
    args = [RFY, "whatif", "--json"]
    for k, v in list(case.items()) + list(rng.items()):
        args += ["--" + k.replace("_", "-"), v]
    p = subprocess.run(args, capture_output=True, text=True)
    check(p.returncode == 0, "rfy whatif %s: %s" % (" ".join(args[2:]), p.stderr))
    return json.loads(p.stdout) if p.returncode == 0 else None


def cli_text(case, rng):
    args = [RFY, "whatif"]
    for k, v in list(case.items()) + list(rng.items()):
        args += ["--" + k.replace("_", "-"), v]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def batch(case, wages):
    """`rfy batch` with one row per wage: [(payment, total_deduction)] in øre."""
    cols = ["case_id"] + list(case.keys()) + ["wage"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for i, wage in enumerate(wages):
        w.writerow(["C%04d" % i] + list(case.values()) + [wage])
    p = subprocess.run([RFY, "batch", "-"], input=buf.getvalue(), capture_output=True, text=True)
    check(p.returncode == 0, "rfy batch: " + p.stderr)
    rows = {r["case_id"]: r for r in csv.DictReader(io.StringIO(p.stdout))}
    return [(ore(rows["C%04d" % i]["payment"]), ore(rows["C%04d" % i]["total_deduction"]))
            for i in range(len(wages))]


def main():
    g = random.Random(20261206)
    srv = Server(RFY)
    cases = rows_checked = 0
    try:
        for n in range(60):
            case = random_case(g)
            if n % 3 == 2:
                rng = {"hourly_wage": kr(g.randint(10000, 40000)), "hours_from": "0",
                       "hours_to": "160", "hours_step": g.choice(["7.5", "10", "37"])}
            else:
                rng = {"wage_from": "0", "wage_to": str(g.choice([30000, 50000, 80000])),
                       "step": str(g.choice([2500, 5000, 7777]))}
            want = cli_json(case, rng)
            if want is None:
                continue
            cases += 1
            # 1. the API answers the same object
            st, _, body = request(srv.url + "/api/v1/whatif", "POST",
                                  json.dumps(dict(rng, case=case)).encode(),
                                  {"Content-Type": "application/json"})
            check(st == 200, "API status %d for %s" % (st, case))
            check(st == 200 and json.loads(body) == want, "API and CLI differ for %s %s" % (case, rng))
            # 2. each row is rfy batch on that wage; 3. the break-even by rfy batch
            be = ore(want["break_even_wage"])
            wages = [r["wage"] for r in want["rows"]] + [kr(be)] + ([kr(be - 1)] if be > 0 else [])
            got = batch(case, wages)
            for r, (pay, ded) in zip(want["rows"], got):
                rows_checked += 1
                check(ore(r["payment"]) == pay and ore(r["deductions"]) == ded,
                      "row %s of %s: whatif %s/%s, batch %s/%s" % (r["wage"], case, r["payment"],
                                                                  r["deductions"], kr(pay), kr(ded)))
                check(ore(r["total"]) == ore(r["wage"]) + pay, "total of row %s" % r["wage"])
            check(got[len(want["rows"])][0] == 0, "batch pays at the break-even %s: %s" % (kr(be), case))
            if be > 0:
                check(got[-1][0] > 0, "batch pays nothing one øre below %s: %s" % (kr(be), case))
            # 4. the Danish table: the payments in the same order
            if n % 10 == 0:
                text = cli_text(case, rng)
                for r in want["rows"]:
                    da = "{:,}".format(ore(r["payment"]) // 100).replace(",", ".") + \
                         ",%02d" % (ore(r["payment"]) % 100)
                    check(da in text, "text table lacks payment %s" % da)
        # 5. docs/whatif.md's worked example
        ex = cli_json({"month": "2024-05", "category": "forsorger"},
                      {"wage_from": "0", "wage_to": "50000", "step": "5000"})
        check(ex["break_even_wage"] == "46108.45", "worked example: " + ex["break_even_wage"])
        check(ex["rows"][4]["payment"] == "14359.65" and ex["rows"][5]["kept_of_last_krone"] == "9/20",
              "worked example rows")
        # docs/whatif.md: its hand-worked figures hold
        doc = open(os.path.join(sys.argv[2], "docs", "whatif.md"), encoding="utf-8").read()
        # (its example output is checked by tests/doc_examples.sh, as every example of the docs)
        check("**break-even wage 16.323,00 + 29.785,45 = 46.108,45 kr.**" in doc
              and kr(ore(ex["break_even_wage"])) == "46108.45", "docs/whatif.md worked example")
        job = cli_json({"month": "2024-05", "category": "forsorger", "forloeb": "jobafklaring"},
                       {"wage_from": "0", "wage_to": "1000", "step": "1000"})
        check("**37.205,00 kr.**" in doc and job["break_even_wage"] == "37205.00",
              "docs/whatif.md jobafklaring example: " + job["break_even_wage"])
        hrs = cli_json({"month": "2024-05", "category": "forsorger"},
                       {"hourly_wage": "150", "hours_from": "0", "hours_to": "10", "hours_step": "10"})
        check("307,39 hours" in doc and hrs["break_even_hours"] == "307.39", "docs/whatif.md hours")
        # limits and faults as /calculate
        big = {"case": {"month": "2024-05", "category": "forsorger"}, "wage_from": "0",
               "wage_to": "1000", "step": "1"}
        st, _, _ = request(srv.url + "/api/v1/whatif", "POST", json.dumps(big).encode())
        check(st == 413, "1001 points: status %d" % st)
        frac = dict(big, step=2.5)
        st, _, body = request(srv.url + "/api/v1/whatif", "POST", json.dumps(frac).encode())
        check(st == 422 and b"fraction" in body, "a fractional JSON number: status %d" % st)
        st, _, _ = request(srv.url + "/api/v1/whatif")
        check(st == 405, "GET /api/v1/whatif: status %d" % st)
    finally:
        srv.stop()
    check(cases >= 40, "only %d cases computed" % cases)
    print("whatif_test: %d cases, %d rows checked against rfy batch, %d failures"
          % (cases, rows_checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
