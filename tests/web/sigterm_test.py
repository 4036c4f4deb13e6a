"""SIGTERM while `rfy serve` computes: the request under way gets its answer.

    python3 sigterm_test.py RFY SOURCE_DIR [--rounds N]

Each round starts a server, sends POST /api/v1/calculate with 1.000 rows
(case Ci, 2024-05, forsørger, wage 20.000 + i kr.), sends SIGTERM 30 ms
later, and checks:
- the answer is 200 with Connection: close, its 1.000 results, and the right
  amounts: row i pays 16.382,00 − 0,55 × (20.000 + i − 16.323,00)
  = 14.359,65 − 0,55 × i kr. (row 0: 14.359,65; row 999: 13.810,20), and
  the totals are their sum: 1.000 × 14.359,65 − 0,55 × (0 + … + 999)
  = 14.359.650,00 − 0,55 × 499.500 = 14.084.925,00;
- a new connection after the stop began is refused or closed unanswered
  (the server takes no new requests);
- the server exits 0 and says it stopped on SIGTERM.

Then each of as many rounds stops the server (SIGSTOP), connects and sends
the same request (the kernel accepts the connection into the listening
socket's backlog; the server has not seen it), sends SIGTERM and SIGCONT:
the request, under way before the stop, still gets its full 200 answer
(the server takes its backlog before it stops listening).
"""
import http.client
import json
import os
import signal
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_fixture import Server  # noqa: E402

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def body_1000():
    rows = [{"case_id": "C%04d" % i, "month": "2024-05", "category": "forsorger",
             "wage": str(20000 + i)} for i in range(1000)]
    return json.dumps({"rows": rows}).encode()


def expected_payment(i):
    """14.359,65 − 0,55 × i kr., in øre, as text with two decimals."""
    ore = 1435965 - 55 * i
    return "%d.%02d" % (ore // 100, ore % 100)


def new_connection_refused(port):
    """True when a new request after SIGTERM gets no answer."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.settimeout(5)
            s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            return not s.recv(100).startswith(b"HTTP/")
    except OSError:
        return True


def one_round(rfy, body, n):
    server = Server(rfy)
    port = int(server.url.rsplit(":", 1)[1])
    got = {}

    def post():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            conn.request("POST", "/api/v1/calculate", body,
                         {"Content-Type": "application/json"})
            resp = conn.getresponse()
            got["status"] = resp.status
            got["connection"] = resp.getheader("Connection")
            got["body"] = resp.read()
        except (OSError, http.client.HTTPException) as e:
            got["error"] = repr(e)

    t = threading.Thread(target=post)
    t.start()
    time.sleep(0.03)
    server.proc.send_signal(signal.SIGTERM)
    # the line is written once the server has stopped taking connections
    said = ""
    for _ in range(50):  # libmicrohttpd's own messages may come first
        said = server.proc.stderr.readline()
        if not said or "svarer på de forespørgsler, der er i gang" in said:
            break
    check("svarer på de forespørgsler, der er i gang" in said, f"round {n}: after SIGTERM: {said!r}")
    refused = new_connection_refused(port)
    t.join(120)
    rc, err = server.proc.wait(timeout=60), server.proc.stderr.read()

    check("error" not in got, f"round {n}: the request under way got no answer: {got.get('error')}")
    check(got.get("status") == 200, f"round {n}: status {got.get('status')}")
    check((got.get("connection") or "").lower() == "close",
          f"round {n}: Connection: {got.get('connection')}")
    if got.get("status") == 200:
        ans = json.loads(got["body"])
        res = ans["results"]
        check(len(res) == 1000, f"round {n}: {len(res)} results")
        wrong = [r["case_id"] for i, r in enumerate(res) if r["payment"] != expected_payment(i)]
        check(not wrong, f"round {n}: payments differ for {wrong[:3]}")
        check(res[0]["payment"] == "14359.65" and res[999]["payment"] == "13810.20",
              f"round {n}: first/last payment {res[0]['payment']} {res[999]['payment']}")
        check(ans["totals"]["payment"] == "14084925.00",
              f"round {n}: total {ans['totals']['payment']}")
    check(refused, f"round {n}: a new request after SIGTERM was answered")
    check(rc == 0 and "stoppet (SIGTERM)" in err and "afbrudt efter" not in err,
          f"round {n}: exit {rc}, {err!r}")


def read_answer(sock):
    """(status, body) of one HTTP/1.1 answer with Content-Length read from sock."""
    resp = http.client.HTTPResponse(sock)
    resp.begin()
    return resp.status, resp.read()


def backlog_round(rfy, body, n):
    server = Server(rfy)
    port = int(server.url.rsplit(":", 1)[1])
    server.proc.send_signal(signal.SIGSTOP)
    status, data, error = None, b"", None
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
            s.sendall(b"POST /api/v1/calculate HTTP/1.1\r\nHost: x\r\n"
                      b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                      % len(body) + body)
            server.proc.send_signal(signal.SIGTERM)
            server.proc.send_signal(signal.SIGCONT)
            status, data = read_answer(s)
    except (OSError, http.client.HTTPException) as e:
        error = e
    rc, err = server.proc.wait(timeout=60), server.proc.stderr.read()
    check(error is None, f"backlog round {n}: no answer: {error!r}; server: {err!r}")
    if status is not None:
        check(status == 200, f"backlog round {n}: status {status}")
        if status == 200:
            ans = json.loads(data)
            check(len(ans["results"]) == 1000 and ans["totals"]["payment"] == "14084925.00",
                  f"backlog round {n}: {len(ans['results'])} results, total "
                  f"{ans['totals']['payment']}")
    check(rc == 0 and "stoppet (SIGTERM)" in err, f"backlog round {n}: exit {rc}, {err!r}")


def main():
    rfy = sys.argv[1]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    body = body_1000()
    for n in range(rounds):
        one_round(rfy, body, n)
    for n in range(rounds):
        backlog_round(rfy, body, n)
    print(f"sigterm_test: {rounds} + {rounds} rounds, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
