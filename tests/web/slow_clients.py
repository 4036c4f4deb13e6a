"""Slow clients against `rfy serve`: does a normal client still get answers?

    python3 slow_clients.py RFY SOURCE_DIR [--connections N] [--seconds S]
                            [--interval I] [--probe-limit L] [--url URL]
                            [--expect-closed]

Opens N connections that each send a request line and then one header line
every I seconds, never finishing their request (a "slowloris"); a connection
the server closes is opened again at once, so N stay open all the time.
Meanwhile a normal client asks GET /api/v1/health four times a second, each
on a new connection, for S seconds.  Every probe must get its 200 within L
seconds (a correctness bound with a wide margin, not a timing); the script
prints the figures (slowest probe, connections the server closed) and exits
1 when a probe failed or was late.

Without --url it starts `RFY serve --listen 127.0.0.1:0` itself and checks
that SIGTERM still stops it with exit code 0.  The soft limit on open files is
raised to the hard limit first, as rfy serve does: each connection is a
descriptor.  Used by tests/test_serve_slow.sh (few connections, few seconds)
and bench/serve_slow_clients.sh (1.500 connections, 20 seconds).
"""
import argparse
import os
import resource
import selectors
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_fixture import Server  # noqa: E402


def raise_nofile():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


class Slow:
    """The slow connections: opened, fed a header line now and then, reopened."""

    def __init__(self, host, port, n, interval):
        self.addr = (host, port)
        self.interval = interval
        self.sel = selectors.DefaultSelector()
        self.next_send = {}
        self.closed_by_server = 0
        self.failed_opens = 0
        for _ in range(n):
            self.open()

    def open(self):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        try:
            s.connect_ex(self.addr)
            s.send(b"GET /api/v1/health HTTP/1.1\r\nHost: slow\r\n")
        except OSError:
            pass  # not connected yet: the line goes with the first header
        self.sel.register(s, selectors.EVENT_READ)
        self.next_send[s] = time.monotonic() + self.interval

    def close(self, s):
        self.sel.unregister(s)
        del self.next_send[s]
        s.close()

    def step(self, timeout):
        for key, _ in self.sel.select(timeout):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                data = b""
            if not data:  # the server closed it: open another
                self.closed_by_server += 1
                self.close(s)
                self.open()
        now = time.monotonic()
        for s, due in list(self.next_send.items()):
            if due <= now:
                try:
                    s.send(b"X-Slow: %d\r\n" % int(now))
                except OSError:
                    pass
                self.next_send[s] = now + self.interval

    def count(self):
        return len(self.next_send)

    def close_all(self):
        for s in list(self.next_send):
            self.close(s)


def probe(host, port, limit):
    """Seconds to a 200 from GET /api/v1/health on a new connection, or None."""
    t0 = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=limit) as s:
            s.settimeout(limit)
            s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n")
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
    except OSError as e:
        print(f"slow_clients: probe: {e}")
        return None
    if not data.startswith(b"HTTP/1.1 200 ") or b'"status":"ok"' not in data:
        return None
    return time.monotonic() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rfy")
    ap.add_argument("source_dir")
    ap.add_argument("--connections", type=int, default=1500)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--interval", type=float, default=5)
    ap.add_argument("--probe-limit", type=float, default=2)
    ap.add_argument("--url", help="an rfy serve already running (http://HOST:PORT)")
    ap.add_argument("--expect-closed", action="store_true",
                    help="fail unless the server closed every slow connection at least once "
                         "(run longer than the request deadline, 10 s)")
    a = ap.parse_args()

    nofile = raise_nofile()
    if a.connections + 64 > nofile:
        print(f"slow_clients: {a.connections} connections need more open files than {nofile}")
        return 2
    server = None
    if a.url:
        host, port = a.url.split("//")[1].rstrip("/").split(":")
        port = int(port)
    else:
        server = Server(a.rfy)
        host, port = "127.0.0.1", int(server.url.rsplit(":", 1)[1])

    slow = Slow(host, port, a.connections, a.interval)
    slow.step(0.5)
    probes, late, worst = 0, 0, 0.0
    start = time.monotonic()
    next_probe = start
    while time.monotonic() - start < a.seconds:
        slow.step(0.05)
        if time.monotonic() >= next_probe:
            t = probe(host, port, a.probe_limit)
            probes += 1
            if t is None or t > a.probe_limit:
                late += 1
                print(f"slow_clients: probe {probes} at {time.monotonic() - start:.1f} s: "
                      f"{'no answer' if t is None else f'{t:.2f} s'}")
            else:
                worst = max(worst, t)
            next_probe += 0.25
    open_now = slow.count()
    slow.close_all()
    print(f"slow_clients: {a.connections} slow connections (a header line every {a.interval:g} s) "
          f"for {a.seconds:g} s; {slow.closed_by_server} closed by the server (and reopened); "
          f"{probes} health probes, {late} late or failed, slowest {worst * 1000:.0f} ms "
          f"(bound {a.probe_limit:g} s); {open_now} open at the end")
    ok = late == 0 and probes > 0
    if a.expect_closed and slow.closed_by_server < a.connections:
        print(f"slow_clients: the server closed {slow.closed_by_server} slow connections, "
              f"expected at least {a.connections} (the request deadline)")
        ok = False
    if server:
        rc, err = server.stop()
        if rc != 0 or "stoppet (SIGTERM)" not in err:
            print(f"slow_clients: SIGTERM: exit {rc}, {err!r}")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
