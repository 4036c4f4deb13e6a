"""No English on a Danish page (docs/web.md): the preview text, the served page's HTML and
JavaScript, and the words the API hands the page (fault reasons, rate sources, the catalogue) are
scanned for common English words (english_words.py).

usage: no_english_test.py PATH_TO_RFY SOURCE_DIR"""
import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from english_words import english_words, html_text, js_strings  # noqa: E402
from serve_fixture import Server, request  # noqa: E402

rfy, src = sys.argv[1], sys.argv[2]
failures = 0


def check(what, text):
    global failures
    words = english_words(text)
    if words:
        failures += 1
        print(f"FAIL: {what}: English words {sorted(set(words))}")


# ---- the preview text: every golden case and a few more (derived chains, secondary sources,
# holiday without a right, nr. 4, sygedagpenge, sanctions, several periods)
# NAME_en.args are the --lang en goldens: English on purpose (test_preview.sh checks them)
cases = [open(a, encoding="utf-8").read().split("\n") for a in sorted(glob.glob(f"{src}/fixtures/preview/*.args"))
         if not a.endswith("_en.args")]
cases += [
    ["--month", "2026-05", "--category", "forsorger", "--wage", "20000"],
    ["--month", "2013-05", "--category", "u25_hjemme_bidrag", "--children", "1"],
    ["--month", "2025-03", "--category", "ikke_forsorger", "--prior", "sygedagpenge", "--prior-amount", "4000",
     "--prior-unit", "week", "--prior-until", "2025-03-15"],
    ["--month", "2024-05", "--category", "forsorger", "--holiday-ydelse-days", "3"],
    ["--month", "2024-05", "--category", "forsorger", "--sanction-days", "2", "--sanction-amount", "100"],
]
for args in cases:
    args = [a for a in args if a]
    out = subprocess.run([rfy, "preview"] + args, capture_output=True, text=True)
    check("rfy preview " + " ".join(args), out.stdout + out.stderr)
out = subprocess.run([rfy, "preview", "--input", f"{src}/fixtures/casemonth/newuser.csv", "--case-id", "MAJ",
                      "--month", "2024-05"], capture_output=True, text=True)
check("rfy preview of an overlap (its reasons)", out.stderr.replace("rfy preview:", ""))

# ---- the served page and the API's words
server = Server(rfy)
try:
    status, _, body = request(server.url + "/")
    check("the page's HTML", html_text(body.decode("utf-8")))
    status, _, body = request(server.url + "/app.js")
    check("the page's JavaScript strings", "\n".join(js_strings(body.decode("utf-8"))))
    status, _, body = request(server.url + "/api/v1/catalogue")
    cat = json.loads(body)
    # the words, not the codes they are keyed by
    words = [v for k, v in cat.items() if isinstance(v, dict) for v in v.values()] + cat["months"]
    check("GET /api/v1/catalogue", "\n".join(words))
    rows = [
        {"month": "2026-05", "category": "forsorger", "wage": "20000", "holiday_ydelse_days": "2"},
        {"month": "2013-05", "category": "u25_hjemme_bidrag", "children": "1"},
        {"month": "2025-05", "category": "forsorger", "prior": "sygedagpenge", "prior_amount": "4800",
         "prior_unit": "week", "prior_until": "2025-05-31"},
    ]
    status, _, body = request(server.url + "/api/v1/calculate", "POST", json.dumps({"rows": rows}).encode(),
                              {"Content-Type": "application/json"})
    answer = json.loads(body)
    shown = []
    for r in answer.get("results", []):
        shown += [v["source_text"] for v in r.get("rates", [])]
    check("the rates' sources the page shows", "\n".join(shown))
    if not shown:
        failures += 1
        print(f"FAIL: no results to scan: {status} {answer}")
    bad = [{"month": "2026-13", "category": "x", "wage": "-500", "salary": "1"},
           {"month": "2024-05", "category": "forsorger", "wage": 1.5},
           {"month": "2031-05", "category": "forsorger"}]
    status, _, body = request(server.url + "/api/v1/calculate", "POST", json.dumps({"rows": bad}).encode(),
                              {"Content-Type": "application/json"})
    errors = json.loads(body).get("errors", [])
    # the Danish reasons, without the values and names they quote (a column name is a name)
    reasons = [e["reason"] for e in errors]
    for e in errors:
        if e["column"]:
            reasons = [r.replace(e["column"], " ") for r in reasons]
    check("the API's Danish reasons", "\n".join(r.split("'")[0] + " " + r.split("'")[-1] for r in reasons))
    if len(errors) < 5:
        failures += 1
        print(f"FAIL: expected the faults of three rows, got {errors}")
finally:
    server.stop()

print(f"{len(cases) + 5} scans, {failures} failed")
sys.exit(1 if failures else 0)
