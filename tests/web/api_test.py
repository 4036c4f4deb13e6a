#!/usr/bin/python3
"""The HTTP API of `rfy serve` over a real loopback socket.

    /usr/bin/python3 tests/web/api_test.py build/rfy SOURCE_DIR

- good requests: each result equals `rfy preview --json` for the same input,
  value for value (the API writes compact JSON, preview indents it);
- each error status: 400, 404, 405, 413 (body over 1 MiB; over 1000 rows), 422
  with the batch reasons;
- security headers on the page and the API;
- 200 parallel requests (20 at a time), each with its own wage, each answer
  checked against the CLI's amount for that wage;
- SIGTERM stops the server with exit code 0.
"""
import json
import os
import shutil
import socket
import tempfile
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_fixture import Server, preview_json, request  # noqa: E402

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def post(url, obj=None, raw=None):
    body = raw if raw is not None else json.dumps(obj).encode()
    status, headers, data = request(url + "/api/v1/calculate", "POST", body,
                                    {"Content-Type": "application/json"})
    try:
        parsed = json.loads(data)
    except ValueError:
        parsed = None
    return status, headers, parsed


def raw_post(url, body, chunked=False):
    """POST over a bare socket and return the first bytes of the answer.  The server may
    answer 413 before the body is sent: a broken pipe while sending is expected."""
    host, port = url.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        head = "POST /api/v1/calculate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        head += "Transfer-Encoding: chunked\r\n\r\n" if chunked else f"Content-Length: {len(body)}\r\n\r\n"
        try:
            s.sendall(head.encode())
            if chunked:
                for i in range(0, len(body), 65536):
                    part = body[i:i + 65536]
                    s.sendall(b"%x\r\n" % len(part) + part + b"\r\n")
                s.sendall(b"0\r\n\r\n")
            else:
                s.sendall(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            return s.recv(64)
        except ConnectionResetError:
            return b""


def no_files_after_start(rfy, src):
    """--rates DIR is read before the server listens: removing DIR afterwards changes nothing."""
    tmp = tempfile.mkdtemp(prefix="rfy-serve-rates-")
    rates = os.path.join(tmp, "rates")
    shutil.copytree(os.path.join(src, "rates"), rates)
    server = Server(rfy, rates)
    try:
        shutil.rmtree(tmp)
        status, _, body = post(server.url, {"rows": [{"month": "2024-05", "category": "forsorger", "wage": "20000"}]})
        check(status == 200 and body["results"][0]["payment"] == "14359.65",
              "--rates DIR removed after start: still answers 14359.65")
    finally:
        rc, _ = server.stop()
        check(rc == 0, "rates-dir server stops with 0")


def main():
    rfy, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    no_files_after_start(rfy, src)
    server = Server(rfy)
    url = server.url
    try:
        # ---- good requests, compared with rfy preview --json ----
        cases = [
            {"month": "2024-05", "category": "forsorger", "wage": "20000"},
            {"case_id": "A-17", "month": "2024-05", "category": "forsorger", "prior": "sygedagpenge",
             "prior_amount": "4000", "prior_unit": "week", "prior_until": "2024-05-14"},
            {"month": "2023-02", "category": "u25_hjemme_bidrag", "children": "2", "wage": "3000.50",
             "holiday_pay": "1500", "holiday_days": "5", "activation_income": "2000",
             "activation_hours": "40", "other_income": "100"},
            {"month": "2021-06", "category": "ikke_forsorger", "forloeb": "jobafklaring",
             "start": "2021-06-10", "wage": "18000"},
        ]
        status, headers, body = post(url, {"rows": cases})
        check(status == 200, f"4 good rows: 200, got {status} {body}")
        check(headers.get("Cache-Control") == "no-store", "API answer: Cache-Control no-store")
        check(headers.get("Content-Type", "").startswith("application/json"), "API answer is JSON")
        for i, row in enumerate(cases):
            _, ref = preview_json(rfy, row)
            check(body["results"][i] == ref, f"row {i}: result equals rfy preview --json")
        check(body["rates_id"] == body["results"][0]["rates_id"], "rates_id given")
        # 16.382,00 − 55 % × (20.000,00 − 16.323,00) = 14.359,65 (2024 rates)
        check(body["results"][0]["payment"] == "14359.65", "row 0 payment 14359.65")
        # totals are the engine's sums of the rows' payments, to the øre
        want = sum(int(r["payment"].replace(".", "")) for r in body["results"])
        check(body["totals"]["payment"] == f"{want // 100}.{want % 100:02d}", "totals.payment is the sum")
        # an integer amount is taken as its digits; byte-for-byte, a single result
        # dumped like preview equals preview's output
        status, _, one = post(url, {"rows": [{"month": "2024-05", "category": "forsorger", "wage": 20000}]})
        out, _ = preview_json(rfy, {"month": "2024-05", "category": "forsorger", "wage": "20000"})
        check(status == 200 and json.dumps(one["results"][0], indent=2, ensure_ascii=False) + "\n" == out,
              "integer wage: same bytes as rfy preview --json")

        # ---- holiday state threads through a case's months (docs/holiday.md) ----
        # run 12 before 2024-01: right, new window; 10 days → used 10, left 25; February: 30 days,
        # allowed 35 − 10 = 25 → excess 5, used 35, left 0, warning holiday_excess
        status, _, body = post(url, {"rows": [
            {"case_id": "H", "month": "2024-01", "category": "forsorger", "holiday_run_months": 12,
             "holiday_ydelse_days": 10},
            {"case_id": "H", "month": "2024-02", "category": "forsorger", "holiday_ydelse_days": 30}]})
        h = [r.get("holiday", {}) for r in body.get("results", [])] if status == 200 else []
        check(len(h) == 2 and h[0].get("used_after") == "10.00" and h[0].get("days_left") == "25.00"
              and h[1].get("allowed") == "25.00" and h[1].get("excess") == "5.00"
              and h[1].get("used_after") == "35.00" and h[1].get("run_months_after") == 14
              and [w["code"] for w in body["results"][1]["warnings"]] == ["holiday_excess"],
              f"holiday state threads through the rows: {status} {h}")
        _, ref = preview_json(rfy, {"case_id": "H", "month": "2024-02", "category": "forsorger",
                                    "holiday_run_months": "13", "holiday_used_days": "10",
                                    "holiday_ydelse_days": "30"})
        check(status == 200 and body["results"][1]["holiday"] == ref["holiday"],
              "the second month's Ferie section equals rfy preview with the state given")

        # ---- errors ----
        status, _, body = post(url, {"rows": [{"month": "2024-05", "category": "forsorger", "wage": 200.5}]})
        check(status == 422 and body["errors"][0]["column"] == "wage" and "fraction" in body["errors"][0]["reason"],
              f"fraction as a JSON number: 422 naming wage, got {status} {body}")
        status, _, body = post(url, {"rows": [{"month": "2024-05", "category": "forsorger", "wage": "12,5"}]})
        batch = subprocess.run([rfy, "batch", "-", "-o", "/dev/null", "--rejects", "/dev/stdout"],
                               input="case_id,month,category,wage\nx,2024-05,forsorger,\"12,5\"\n",
                               capture_output=True, text=True).stdout.splitlines()
        batch_reason = batch[1].split(",", 3)[3].strip('"') if len(batch) > 1 else None
        # the same reason as the batch reject; only the way out at the end is the API's own
        api_reason = (batch_reason or "").replace("decimal comma needs --decimal-comma",
                                                  'the API reads a decimal point, e.g. "12.50"')
        check(status == 422 and "decimal comma needs" in (batch_reason or "")
              and body["errors"][0]["reason"] == api_reason,
              f"bad amount: the batch reject's reason with the API's hint ({api_reason!r}), got {body}")
        status, _, body = post(url, {"rows": [{"month": "2024-05", "category": "forsorger"},
                                              {"month": "2010-05", "category": "forsorger"}]})
        check(status == 422 and body["errors"][0]["row"] == 1 and body["errors"][0]["column"] == "month",
              f"a month no table covers: 422 for row 1, got {body}")
        status, _, body = post(url, {"rows": [{"month": "2024-05", "category": "forsorger", "colour": "red"}]})
        check(status == 422 and "not an input column" in body["errors"][0]["reason"], "unknown key: 422")
        status, _, _ = post(url, raw=b'{"rows": [')
        check(status == 400, f"malformed JSON: 400, got {status}")
        status, _, _ = post(url, {"rows": []})
        check(status == 400, f"no rows: 400, got {status}")
        status, _, _ = post(url, raw=b'{"rows":[{"month":"2024-05","month":"2024-06","category":"forsorger"}]}')
        check(status == 400, f"duplicate key: 400, got {status}")
        status, _, body = post(url, {"rows": [{"month": "2024-05", "category": "forsorger"}] * 1001})
        check(status == 413 and "1000" in body["errors"][0]["reason"], f"1001 rows: 413, got {status}")
        status, _, _ = post(url, {"rows": [{"month": "2024-05", "category": "forsorger"}] * 1000})
        check(status == 200, f"1000 rows: 200, got {status}")
        check(raw_post(url, b" " * (1024 * 1024 + 1)).startswith(b"HTTP/1.1 413"),
              "body over 1 MiB (Content-Length): 413")
        check(raw_post(url, b" " * (1024 * 1024 + 1), chunked=True).startswith(b"HTTP/1.1 413"),
              "body over 1 MiB (chunked): 413")
        status, _, _ = post(url, raw=b'{"rows":[{"month":"2024-05","category":"forsorger"}]}' + b" " * (1024 * 1024 - 60))
        check(status == 200, f"body just under 1 MiB: 200, got {status}")
        check(request(url + "/api/v1/calculate")[0] == 405, "GET calculate: 405")
        check(request(url + "/api/v1/health", "POST", b"")[0] == 405, "POST health: 405")
        check(request(url + "/api/v1/nothing")[0] == 404, "unknown API path: 404")
        check(request(url + "/etc/passwd")[0] == 404, "unknown page path: 404")
        check(request(url + "/api/v1/rates/1999")[0] == 404, "rates of a year no table covers: 404")

        # ---- rates, health ----
        status, _, data = request(url + "/api/v1/rates/2024")
        rates = json.loads(data)
        fors = [r for r in rates["rates"] if r["key"] == "rfy_forsorger"]
        check(status == 200 and fors and fors[0]["amount"] == "16382.00" and fors[0]["provenance"] == "published",
              "rates/2024: forsørger 16382.00 published")
        status, _, data = request(url + "/api/v1/health")
        health = json.loads(data)
        version = subprocess.run([rfy, "--version"], capture_output=True, text=True).stdout.split()[1]
        check(status == 200 and health["status"] == "ok" and health["version"] == version
              and health["rates_id"] == rates["rates_id"], f"health: {health}")

        # ---- security headers ----
        status, headers, page = request(url + "/")
        csp = headers.get("Content-Security-Policy", "")
        check(status == 200 and b"<form" in page, "GET /: the page")
        check("frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp,
              f"CSP without inline script: {csp}")
        check(headers.get("X-Content-Type-Options") == "nosniff", "nosniff")
        check(b"<script>" not in page and b"onclick" not in page and b"style=" not in page,
              "the page has no inline script or style")
        check(b"http://" not in page and b"https://" not in page, "the page loads nothing from elsewhere")

        # ---- slow clients hold their own connection only ----
        idle = []
        for _ in range(16):
            s = socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=30)
            s.sendall(b"POST /api/v1/calculate HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"ro")
            idle.append(s)
        status, _, body = post(url, {"rows": [{"month": "2024-05", "category": "forsorger"}]})
        check(status == 200 and body["results"][0]["payment"] == "16382.00",
              "16 stalled uploads open: another request is still answered")
        for s in idle:
            s.close()

        # ---- 200 parallel requests, each checked ----
        def one(i):
            wage = 16000 + 37 * i
            status, _, body = post(url, {"rows": [{"month": "2024-05", "category": "forsorger", "wage": str(wage)}]})
            return i, wage, status, body

        with ThreadPoolExecutor(max_workers=20) as pool:
            answers = list(pool.map(one, range(200)))
        bad = 0
        for i, wage, status, body in answers:
            # 16.382,00 − 55 % × max(0, wage − 16.323,00), rounded half away from zero to øre
            ded_x20 = max(0, wage - 16323) * 100 * 11  # øre × 20
            ded = (ded_x20 + 10) // 20
            want = 1638200 - ded
            got = body["results"][0]["payment"] if status == 200 else None
            if got != f"{want // 100}.{want % 100:02d}":
                bad += 1
        check(bad == 0, f"200 parallel requests: {bad} wrong")
        # and the CLI agrees with the hand formula at one point: wage 16000 + 37 × 199 = 23363
        _, ref = preview_json(rfy, {"month": "2024-05", "category": "forsorger", "wage": "23363"})
        check(ref["payment"] == answers[199][3]["results"][0]["payment"], "parallel: CLI agrees")
    finally:
        rc, err = server.stop()
        check(rc == 0 and "stopped (SIGTERM)" in err, f"SIGTERM: exit 0, got {rc} {err!r}")
    if failures:
        print(f"api_test: {len(failures)} failure(s)")
        return 1
    print("api_test: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
