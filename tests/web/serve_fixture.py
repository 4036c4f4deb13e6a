"""Start `rfy serve` on a free loopback port for a test, and stop it (SIGTERM).

Shared by tests/web/api_test.py and tests/web/browser_test.py.
"""
import json
import os
import re
import signal
import subprocess
import urllib.error
import urllib.request


class Server:
    """`rfy serve --listen 127.0.0.1:0 [--rates DIR]`; .url is its base URL."""

    def __init__(self, rfy, rates_dir=None):
        args = [rfy, "serve", "--listen", "127.0.0.1:0"]
        if rates_dir:
            args += ["--rates", rates_dir]
        self.proc = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
        first = self.proc.stderr.readline()
        m = re.search(r"lytter på (http://127\.0\.0\.1:\d+)/", first)
        if not m:
            self.proc.kill()
            raise RuntimeError("rfy serve did not start: " + first + self.proc.stderr.read())
        self.url = m.group(1)

    def stop(self):
        """SIGTERM; returns the exit code and the rest of standard error."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise RuntimeError("rfy serve did not stop on SIGTERM")
        return rc, self.proc.stderr.read()


def request(url, method="GET", body=None, headers=None):
    """(status, headers, body bytes) of one request; never raises on an HTTP status."""
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def preview_json(rfy, row, rates_dir=None):
    """`rfy preview --json` for the API row `row` (column → text): the reference answer."""
    args = [rfy, "preview", "--json"]
    if rates_dir:
        args += ["--rates", rates_dir]
    for k, v in row.items():
        args += ["--" + k.replace("_", "-"), str(v)]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return out, json.loads(out)
