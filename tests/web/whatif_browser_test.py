#!/usr/bin/python3
"""The "Kan det betale sig at arbejde?" section in a real browser (Debian's
chromium, headless, driven by python3-selenium and chromium-driver).

    /usr/bin/python3 tests/web/whatif_browser_test.py build/rfy SOURCE_DIR [SCREENSHOT.png]

  1. forsørger, May 2024, wages 0..50.000 by 2.500: the chart is an inline SVG
     with the three lines, the break-even is marked and labelled
     "Ydelsen bliver 0 ved en løn på 46.108,45 kr." (by hand: 16.323 +
     16.381,995 / 0,55 = 46.108,445… → 46.108,45, docs/whatif.md), equal to
     `rfy whatif --json`; every row of the table beside it equals the CLI's;
  2. hours at 150 kr. an hour: the mark sits at 307,39 timer;
  3. a bad range gives a Danish error naming the field;
  4. printing hides the controls and keeps the chart and the table;
  5. the page loads nothing else and breaks no Content-Security-Policy rule.
Loopback only.  Exit 0 ok, 1 a failure (also when chromium, its driver or
selenium is missing).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_fixture import Server  # noqa: E402

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    print("whatif_browser_test: python3-selenium missing (apt-get install python3-selenium)")
    sys.exit(1)

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def kr(s):
    """"46108.45" → "46.108,45": how the page writes an API amount."""
    whole, frac = s.split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ".".join(groups) + "," + frac


def browser(profile):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1100,2600", "--user-data-dir=" + profile):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


def cli(rfy, args):
    return json.loads(subprocess.run([rfy, "whatif", "--json"] + args, check=True,
                                     capture_output=True, text=True).stdout)


def set_value(d, id_, v):
    e = d.find_element(By.ID, id_)
    if e.tag_name == "select":
        Select(e).select_by_value(v)
    else:
        e.clear()
        e.send_keys(v)


def wait_shown(d, css):
    WebDriverWait(d, 20).until(lambda drv: drv.find_elements(By.CSS_SELECTOR, css)
                               and drv.find_element(By.CSS_SELECTOR, css).is_displayed())


def main():
    rfy = os.path.abspath(sys.argv[1])
    shot = sys.argv[3] if len(sys.argv) > 3 else None
    if not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)):
        print("whatif_browser_test: chromium or chromium-driver missing")
        return 1
    profile = tempfile.mkdtemp(prefix="rfy-chromium-")
    server = Server(rfy)
    d = None
    try:
        d = browser(profile)
        # 1. wages
        d.get(server.url + "/")
        set_value(d, "month", "2024-05")
        set_value(d, "category", "forsorger")
        d.find_element(By.ID, "whatif-knap").click()
        wait_shown(d, "#whatif-graf")
        ref = cli(rfy, ["--month", "2024-05", "--category", "forsorger", "--forloeb", "ressourceforloeb",
                        "--prior", "none", "--wage-from", "0", "--wage-to", "50000", "--step", "2500"])
        check(ref["break_even_wage"] == "46108.45", "CLI break-even 46108.45")
        mark = d.find_element(By.ID, "whatif-break-even")
        check(mark.get_attribute("data-wage") == ref["break_even_wage"],
              f"marked wage {mark.get_attribute('data-wage')!r}, CLI {ref['break_even_wage']!r}")
        label = d.find_element(By.CSS_SELECTOR, "#whatif-break-even text").text
        check(label == "Ydelsen bliver 0 ved en løn på 46.108,45 kr.", f"the mark's label: {label!r}")
        check(d.find_element(By.ID, "whatif-break-even-tekst").text == label, "the sentence above the chart")
        lines = d.find_elements(By.CSS_SELECTOR, "#whatif-graf polyline")
        check(len(lines) == 3, f"three lines, got {len(lines)}")
        check(d.find_element(By.ID, "whatif-graf").tag_name == "svg", "the chart is inline SVG")
        rows = d.find_elements(By.CSS_SELECTOR, "#whatif-tabel tbody tr")
        check(len(rows) == len(ref["rows"]) == 21, f"21 rows, got {len(rows)}")
        for tr, r in zip(rows, ref["rows"]):
            cells = [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            want = [kr(r["wage"]), kr(r["payment"]), kr(r["deductions"]), kr(r["total"])]
            check(cells[:4] == want, f"row {r['wage']}: page {cells[:4]}, CLI {want}")
        check(rows[9].find_elements(By.TAG_NAME, "td")[4].text == "9/20 (45,00 %)",
              "kept of the last krone at 22.500: 9/20 (45,00 %)")
        if shot:
            d.save_screenshot(shot)
        # 4. printing
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        check(not d.find_element(By.ID, "whatif-form").is_displayed(), "print: the controls are hidden")
        check(d.find_element(By.ID, "whatif-graf").is_displayed(), "print: the chart is shown")
        check(d.find_element(By.ID, "whatif-tabel").is_displayed(), "print: the table is shown")
        pdf = d.execute_cdp_cmd("Page.printToPDF", {})
        check(len(pdf.get("data", "")) > 1000, "print: a PDF is produced")
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

        # 2. hours at 150 kr.: (2 × 4.610.845 − 1) × 50 / 15.000 → 30.739 hundredths = 307,39 h
        d.find_element(By.ID, "whatif-timer").click()
        set_value(d, "whatif-timer-til", "320")
        set_value(d, "whatif-timer-trin", "20")
        d.find_element(By.ID, "whatif-knap").click()
        # the answer replaces the section's content: read it by script, never a stale element
        WebDriverWait(d, 20).until(lambda drv: "timer" in drv.execute_script(
            "const e = document.getElementById('whatif-break-even-tekst'); return e ? e.textContent : ''"))
        href = cli(rfy, ["--month", "2024-05", "--category", "forsorger", "--hourly-wage", "150",
                         "--hours-from", "0", "--hours-to", "320", "--hours-step", "20"])
        check(href["break_even_hours"] == "307.39", "CLI break-even hours 307.39")
        label = d.find_element(By.CSS_SELECTOR, "#whatif-break-even text").text
        check(label == "Ydelsen bliver 0 ved en løn på 46.108,45 kr. (307,39 timer)", f"hours label: {label!r}")
        check(len(d.find_elements(By.CSS_SELECTOR, "#whatif-tabel tbody tr")) == 17, "17 rows of hours")

        # 3. a bad range: a Danish message naming the field
        d.find_element(By.ID, "whatif-loen").click()
        set_value(d, "whatif-trin", "0")
        d.find_element(By.ID, "whatif-knap").click()
        wait_shown(d, "#whatif-fejl")
        err = d.find_element(By.ID, "whatif-fejl").text
        check("Beregningen kunne ikke foretages" in err and "Trin, kr.:" in err, f"the error: {err!r}")

        # 5. no CSP violation, nothing loaded from elsewhere
        logs = d.get_log("browser")
        bad = [x["message"] for x in logs if "Content Security Policy" in x["message"] or
               ("http" in x["message"] and "127.0.0.1" not in x["message"])]
        check(not bad, f"console: {bad}")
    finally:
        if d:
            d.quit()
        rc, _ = server.stop()
        shutil.rmtree(profile, ignore_errors=True)
    check(rc == 0, f"rfy serve exit {rc}")
    print(f"whatif_browser_test: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
