"""Slow readers against `rfy serve`: memory held for large answers.

    python3 bench/serve_slow_readers.py RFY [--connections N] [--seconds S]
                                            [--read-bytes B] [--serve-options OPTS]

Starts `RFY serve --listen 127.0.0.1:0`, opens N connections that each send
a 1.000-row POST /api/v1/calculate (its answer is about 2,5 MB) and then
read B bytes a second, for S seconds.  Meanwhile a health probe runs twice a
second.  Prints: the answers' statuses (200, or 503 when the answer budget
is used up), the server's peak resident memory (VmHWM), the peak TCP socket
memory of the machine (/proc/net/sockstat, pages of 4 KiB) and the slowest
health probe.  A figure, not a test: exit 0 unless the server failed to
answer a probe or did not stop with exit 0 on SIGTERM.
"""
import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "web"))
from slow_clients import probe, raise_nofile  # noqa: E402


def sockstat_tcp_pages():
    with open("/proc/net/sockstat") as f:
        for line in f:
            if line.startswith("TCP:"):
                parts = line.split()
                return int(parts[parts.index("mem") + 1])
    return 0


def vm(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])  # kB
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rfy")
    ap.add_argument("--connections", type=int, default=300)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--read-bytes", type=int, default=1024)
    ap.add_argument("--serve-options", default="",
                    help="more options for rfy serve, e.g. '--max-answer-memory 128'")
    a = ap.parse_args()
    raise_nofile()

    rows = [{"case_id": "C%04d" % i, "month": "2024-05", "category": "forsorger",
             "wage": str(20000 + i)} for i in range(1000)]
    body = json.dumps({"rows": rows}).encode()
    head = (b"POST /api/v1/calculate HTTP/1.1\r\nHost: slow\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body))

    proc = subprocess.Popen([a.rfy, "serve", "--listen", "127.0.0.1:0"] + a.serve_options.split(),
                            stderr=subprocess.PIPE, text=True)
    first = proc.stderr.readline()
    port = int(first.split("127.0.0.1:")[1].split("/")[0])
    base_pages = sockstat_tcp_pages()

    conns = []
    for _ in range(a.connections):
        s = socket.create_connection(("127.0.0.1", port))
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.sendall(head + body)
        s.setblocking(False)
        conns.append([s, b"", 0])  # socket, first bytes, bytes read

    peak_pages, worst, late = 0, 0.0, 0
    start = time.monotonic()
    next_probe = start
    while time.monotonic() - start < a.seconds:
        for c in conns:
            try:
                data = c[0].recv(a.read_bytes // 4)
                if len(c[1]) < 64:
                    c[1] += data[:64]
                c[2] += len(data)
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:
                pass
        peak_pages = max(peak_pages, sockstat_tcp_pages() - base_pages)
        if time.monotonic() >= next_probe:
            t = probe("127.0.0.1", port, 2)
            if t is None or t > 2:
                late += 1
            else:
                worst = max(worst, t)
            next_probe += 0.5
        time.sleep(0.25)
    statuses = {}
    for c in conns:
        st = c[1][9:12].decode(errors="replace") or "none yet"
        statuses[st] = statuses.get(st, 0) + 1
    hwm = vm(proc.pid, "VmHWM")
    for c in conns:
        c[0].close()
    proc.terminate()
    rc = proc.wait(timeout=60)
    proc.stderr.close()
    print(f"serve_slow_readers: {a.connections} connections, each a 1.000-row request read at "
          f"{a.read_bytes} B/s for {a.seconds:g} s: statuses {statuses}; server peak RSS "
          f"{hwm // 1024} MiB; peak TCP socket memory {peak_pages * 4 // 1024} MiB "
          f"({peak_pages} pages); health probes late {late}, slowest {worst * 1000:.0f} ms; "
          f"exit {rc}")
    return 0 if late == 0 and rc == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
