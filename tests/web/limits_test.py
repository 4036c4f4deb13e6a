"""`rfy serve` against broken and greedy clients, over raw sockets.

    python3 limits_test.py RFY SOURCE_DIR

- junk bytes with no request line: the connection is closed by the request
  line deadline (2 s), well within the 6 s allowed here;
- a connection that sends nothing is closed the same way;
- two Content-Length headers that disagree, and Content-Length with
  Transfer-Encoding: 400 in the API's error format, with the security
  headers, one status line only, and the connection closed;
- a request line, then a header line every second: closed by the request
  deadline (10 s), within the 16 s allowed here (the idle timeout alone would
  never close it);
- --max-per-address 3: a fourth connection from 127.0.0.1 is closed
  unanswered while three are open; once they are gone, requests are answered;
- --max-answer-memory 1: a 1.000-row answer (about 2,5 MB) does not fit in
  1 MiB and is answered 503 with Retry-After and the security headers; a
  one-row request is still answered 200 (14.359,65: 16.382,00 − 0,55 ×
  (20.000 − 16.323,00)), again after the 503 (its memory was given back);
- --max-per-address, --max-connections and --max-answer-memory refuse values
  that are not counts;
- with a limit of 500 open files, --max-connections 5000 is lowered to
  500 − 64 = 436, said on the line after the one naming the port.
"""
import json
import os
import resource
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_fixture import Server, request  # noqa: E402

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def port_of(server):
    return int(server.url.rsplit(":", 1)[1])


def exchange(port, data, wait):
    """Send data; read until the server closes or `wait` s pass.
    Returns (bytes, seconds to the close or None when still open)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=wait)
    t0 = time.monotonic()
    if data:
        s.sendall(data)
    out = b""
    closed = None
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                closed = time.monotonic() - t0
                break
            out += chunk
    except socket.timeout:
        pass
    except ConnectionResetError:
        closed = time.monotonic() - t0
    s.close()
    return out, closed


def trickle(port, every, wait):
    """A request line, then one header line every `every` s; seconds until closed."""
    s = socket.create_connection(("127.0.0.1", port), timeout=every)
    t0 = time.monotonic()
    s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
    while time.monotonic() - t0 < wait:
        try:
            if s.recv(100) == b"":
                s.close()
                return time.monotonic() - t0
        except socket.timeout:
            pass
        except ConnectionResetError:
            return time.monotonic() - t0
        try:
            s.sendall(b"X-Trickle: 1\r\n")
        except OSError:
            return time.monotonic() - t0
    s.close()
    return None


def protocol(rfy):
    server = Server(rfy)
    port = port_of(server)

    out, closed = exchange(port, b"\x01\x02junk without a line end", 8)
    check(out == b"" and closed is not None and closed < 6,
          f"junk: closed after {closed} s with {out[:40]!r}")
    out, closed = exchange(port, b"", 8)
    check(out == b"" and closed is not None and closed < 6, f"silent: closed after {closed} s")

    for name, head in [
        ("two Content-Length", b"Content-Length: 2\r\nContent-Length: 7\r\n"),
        ("Content-Length with Transfer-Encoding",
         b"Content-Length: 2\r\nTransfer-Encoding: chunked\r\n"),
    ]:
        out, closed = exchange(port, b"POST /api/v1/calculate HTTP/1.1\r\nHost: x\r\n" + head +
                               b"\r\n{}", 8)
        head_part, _, body = out.partition(b"\r\n\r\n")
        check(out.startswith(b"HTTP/1.1 400 ") and out.count(b"HTTP/1.1") == 1,
              f"{name}: one 400, got {out[:200]!r}")
        check(b"Content-Security-Policy: default-src 'none'" in head_part and
              b"X-Content-Type-Options: nosniff" in head_part, f"{name}: security headers")
        check(b'"errors":[{"row":null,"column":null,"code":"request_length_ambiguous",'
              b'"reason":"anmodningens l' in body, f"{name}: {body!r}")
        check(closed is not None, f"{name}: connection left open")

    t = trickle(port, 1, 20)
    check(t is not None and 9 < t < 16, f"trickled request: closed after {t} s (deadline 10 s)")

    rc, err = server.stop()
    check(rc == 0, f"stop: exit {rc} {err!r}")


def per_address(rfy):
    proc = subprocess.Popen([rfy, "serve", "--listen", "127.0.0.1:0", "--max-per-address", "3"],
                            stderr=subprocess.PIPE, text=True)
    first = proc.stderr.readline()
    port = int(first.split("127.0.0.1:")[1].split("/")[0])
    held = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
    for s in held:
        s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")  # unfinished: kept open
    time.sleep(0.3)
    out, closed = exchange(port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n", 5)
    check(out == b"" and closed is not None and closed < 2,
          f"--max-per-address 3: a fourth connection got {out[:60]!r}, closed after {closed}")
    for s in held:
        s.close()
    time.sleep(0.5)
    out, _ = exchange(port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                      5)
    check(out.startswith(b"HTTP/1.1 200 "), f"--max-per-address 3: after they left: {out[:60]!r}")
    proc.terminate()
    check(proc.wait(timeout=30) == 0, "--max-per-address: exit 0 on SIGTERM")
    proc.stderr.close()

    for opt, bad in [("--max-per-address", "-1"), ("--max-per-address", "x"),
                     ("--max-connections", "0"), ("--max-connections", "2000000"),
                     ("--max-answer-memory", "0")]:
        r = subprocess.run([rfy, "serve", "--listen", "127.0.0.1:0", opt, bad],
                           capture_output=True, text=True, timeout=30)
        check(r.returncode == 2 and opt in r.stderr and "er ikke et helt tal" in r.stderr,
              f"{opt} {bad}: exit {r.returncode} {r.stderr!r}")


def answer_memory(rfy):
    proc = subprocess.Popen([rfy, "serve", "--listen", "127.0.0.1:0", "--max-answer-memory", "1"],
                            stderr=subprocess.PIPE, text=True)
    first = proc.stderr.readline()
    url = "http://127.0.0.1:" + first.split("127.0.0.1:")[1].split("/")[0]
    one = json.dumps({"rows": [{"month": "2024-05", "category": "forsorger",
                                "wage": "20000"}]}).encode()
    many = json.dumps({"rows": [{"case_id": "C%04d" % i, "month": "2024-05",
                                 "category": "forsorger", "wage": "20000"}
                                for i in range(1000)]}).encode()
    for n in range(2):
        st, h, b = request(url + "/api/v1/calculate", "POST", one)
        check(st == 200 and json.loads(b)["results"][0]["payment"] == "14359.65",
              f"--max-answer-memory 1: one row ({n}): {st} {b[:80]!r}")
        if n:
            break
        st, h, b = request(url + "/api/v1/calculate", "POST", many)
        err = json.loads(b)["errors"][0] if st == 503 else {}
        check(st == 503 and h.get("Retry-After") == "1" and err.get("code") == "server_busy"
              and h.get("X-Content-Type-Options") == "nosniff",
              f"--max-answer-memory 1: 1.000 rows: {st} {dict(h)} {b[:120]!r}")
    proc.terminate()
    check(proc.wait(timeout=30) == 0, "--max-answer-memory: exit 0 on SIGTERM")
    proc.stderr.close()


def open_files_limit(rfy):
    def limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (500, 500))
    proc = subprocess.Popen([rfy, "serve", "--listen", "127.0.0.1:0", "--max-connections", "5000"],
                            stderr=subprocess.PIPE, text=True, preexec_fn=limit)
    first, second = proc.stderr.readline(), proc.stderr.readline()
    check("lytter på http://127.0.0.1:" in first, f"open files: first line {first!r}")
    check("--max-connections 5000 sænket til 436" in second, f"open files: {second!r}")
    proc.terminate()
    check(proc.wait(timeout=30) == 0, "open files: exit 0 on SIGTERM")
    proc.stderr.close()


def main():
    rfy = sys.argv[1]
    protocol(rfy)
    per_address(rfy)
    answer_memory(rfy)
    open_files_limit(rfy)
    print(f"limits_test: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
