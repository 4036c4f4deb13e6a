#!/usr/bin/python3
"""The caseworker page on any screen and on paper, in Debian's chromium (headless,
python3-selenium, chromium-driver).

    /usr/bin/python3 tests/web/page_test.py build/rfy SOURCE_DIR [SCREENSHOT_DIR]

Checks, each with the figure it measured printed:
  - at 390 and 360 px wide, document.documentElement.scrollWidth <= the width on the empty page
    and after a period result (a nr. 4 citizen with holiday pay and a month of two periods);
  - after "Beregn" the result's top lies inside the viewport and the result holds focus, named by
    its heading; a fault moves focus to the first field it names;
  - Danish amounts: "4.650" in Løn pays what 4650 pays, "20.650" what 20650 pays, "20.000,00" and
    "20000,5" are exact, "4,650,00" is refused with the engine's reason;
  - the printout (Chromium's print to PDF, read with pdftotext) holds the case id, the inputs,
    "Udskrevet" and the rfy version;
  - the form is grouped as the law groups it and is usable by keyboard alone, every stop with a
    visible focus ring;
  - axe-core (tests/web/vendor/axe-core, injected by this test only) reports no WCAG 2.1 A/AA
    violation (contrast included) on the empty page, a result and a fault, wide and narrow;
  - no console errors and no HTTP 404 while the page is used.
Loopback only.  Exit 0 ok, 1 a failure (also when chromium, its driver, selenium or pdftotext is
missing: CI installs them).
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_fixture import Server  # noqa: E402

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    print("page_test: python3-selenium missing (apt-get install python3-selenium)")
    sys.exit(1)

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
AXE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vendor", "axe-core", "axe.min.js")

failures = []


def check(cond, what):
    print(("ok:   " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)


def browser(profile):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


def width(d, w, h=900):
    """A viewport w px wide (headless chromium's window cannot be narrower than 500 px)."""
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": False})


def js(d, script, *args):
    return d.execute_script(script, *args)


def fill(d, base, fields, period=None, sag=None, submit=True):
    d.get(base + "/")
    WebDriverWait(d, 10).until(lambda drv: js(drv, "return document.readyState") == "complete")
    if sag:
        d.find_element(By.ID, "sag").send_keys(sag)
    if period:
        d.find_element(By.ID, "periode-fratil").click()
        d.find_element(By.ID, "from").send_keys(period[0])
        d.find_element(By.ID, "to").send_keys(period[1])
    for k, v in fields.items():
        e = d.find_element(By.ID, k)
        if e.tag_name == "select":
            Select(e).select_by_value(v)
        else:
            e.clear()
            e.send_keys(v)
    if submit:
        d.find_element(By.ID, "beregn-knap").click()


def wait_result(d):
    WebDriverWait(d, 20).until(lambda drv: drv.find_element(By.ID, "resultat").is_displayed()
                               or drv.find_element(By.ID, "fejl").is_displayed())
    time.sleep(0.2)  # the scroll settles


def payment(d, base, wage):
    fill(d, base, {"month": "2024-05", "category": "forsorger", "wage": wage})
    wait_result(d)
    found = d.find_elements(By.ID, "udbetaling")
    return found[0].text.strip() if found and found[0].is_displayed() else "(fejl: " + \
        d.find_element(By.ID, "fejl").text.strip() + ")"


def axe(d, what):
    """axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is; no violation allowed."""
    if not js(d, "return typeof window.axe"):
        pass
    with open(AXE, encoding="utf-8") as f:
        js(d, f.read())
    res = d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done({v: r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')),"
        " p: r.passes.length}), e => done({v: ['axe: ' + e], p: 0}));")
    check(not res["v"] and res["p"] > 10, f"axe-core, {what}: {len(res['v'])} violations, {res['p']} rules passed"
          + (f": {res['v']}" if res["v"] else ""))


def network_problems(d):
    """Console errors (not the API's deliberate 422) and every HTTP status >= 400 since the last call."""
    errors = [e["message"] for e in d.get_log("browser") if e.get("level") == "SEVERE"
              and " 422 " not in e.get("message", "")]
    bad = []
    for e in d.get_log("performance"):
        m = json.loads(e["message"])["message"]
        if m.get("method") == "Network.responseReceived":
            r = m["params"]["response"]
            if r["status"] >= 400 and not (r["status"] == 422 and "/api/v1/calculate" in r["url"]):
                bad.append(f"{r['status']} {r['url']}")
    return errors, bad


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    rfy, shots = os.path.abspath(sys.argv[1]), (sys.argv[3] if len(sys.argv) > 3 else None)
    if not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)):
        print("page_test: chromium or chromium-driver missing (apt-get install chromium chromium-driver)")
        return 1
    if not shutil.which("pdftotext"):
        print("page_test: pdftotext missing (apt-get install poppler-utils)")
        return 1
    profile = tempfile.mkdtemp(prefix="rfy-chromium-")
    server = Server(rfy)
    d = None
    try:
        d = browser(profile)
        base = server.url

        # ---- the form, grouped as the law groups it --------------------------------------------
        d.get(base + "/")
        legends = [e.text.strip() for e in d.find_elements(By.CSS_SELECTOR, "#beregn legend")]
        check(legends == ["Periode", "Borgeren", "Hidtidig ydelse (§ 68, stk. 4 og 5)", "Indtægter i måneden (§ 68 a)",
                          "Ferie (§ 69, stk. 5)", "Sanktioner (§ 69 b–d)"], f"the form's groups: {legends}")
        ferie = [e.get_attribute("id") for e in d.find_elements(
            By.XPATH, "//fieldset[legend='Ferie (§ 69, stk. 5)']//input")]
        check(ferie == ["holiday_pay", "holiday_days", "holiday_ydelse_days", "holiday_run_months",
                        "holiday_used_days"], f"the Ferie group holds the holiday fields: {ferie}")
        holders = {e.get_attribute("id"): e.get_attribute("placeholder")
                   for e in d.find_elements(By.CSS_SELECTOR, "#beregn input[placeholder]")}
        check(holders and all(v in ("ÅÅÅÅ-MM", "ÅÅÅÅ-MM-DD") for v in holders.values()),
              f"placeholders show a format, not a value: {sorted(set(holders.values()))}")

        # ---- narrow screens: no horizontal scrolling --------------------------------------------
        for w in (390, 360):
            width(d, w)
            d.get(base + "/")
            sw = js(d, "return document.documentElement.scrollWidth")
            check(sw <= w, f"{w} px, empty page: scrollWidth {sw} <= {w}")
            if shots and w == 390:
                d.save_screenshot(os.path.join(shots, "page-390-empty.png"))
            # a period with a nr. 4 citizen, holiday pay, and a month of two periods inside it
            fill(d, base, {"category": "u25_hjemme_bidrag", "children": "1", "child_support": "1.500",
                           "wage": "4.650", "holiday_pay": "20.000,00", "holiday_days": "5"},
                 period=("2024-03", "2024-06"), sag="K-2024/0815", submit=False)
            d.find_element(By.ID, "tilfoej-periode").click()
            d.find_element(By.ID, "periode-1-start").send_keys("2024-05-12")
            Select(d.find_element(By.ID, "periode-1-category")).select_by_value("forsorger")
            d.find_element(By.ID, "beregn-knap").click()
            wait_result(d)
            ok = d.find_element(By.ID, "resultat").is_displayed()
            months = [tr.get_attribute("data-month")
                      for tr in d.find_elements(By.CSS_SELECTOR, "#periode-tabel tbody tr[data-month]")]
            check(ok and months == ["2024-03", "2024-04", "2024-05", "2024-06"],
                  f"{w} px: a period result of four months ({months})")
            sw = js(d, "return document.documentElement.scrollWidth")
            check(sw <= w, f"{w} px, after a period result: scrollWidth {sw} <= {w}")
            if w == 390:
                may = d.find_element(By.CSS_SELECTOR, '#periode-tabel tr[data-month="2024-05"]')
                check("split" in may.get_attribute("class"),
                      "a month of two periods entered inside the period (May 2024 shown split)")
                # May: 1.–11. at nr. 4 (3.834 + 1.500 = 5.334,00) and 12.–31. at forsørger 16.382,00
                # 11 × 5.334/31 + 20 × 16.382/31 = (58.674 + 327.640)/31 = 386.314/31 = 12.461,74
                gross = may.find_element(By.CSS_SELECTOR, "td.gross").text.strip()
                check(gross == "12.461,74", f"May 2024, two periods: gross {gross!r} = 12.461,74")
                work = d.find_element(By.CSS_SELECTOR, '[data-month-of="2024-03"]').text
                check("Tillæg: det mindste af dokumenteret bidrag 1.500,00 og 1 barn × normalbidrag 1.548,00: "
                      "1.500,00" in work, "nr. 4: the tillæg's working in the period table")
                check("loft: ydelsen for 7,00 dage ≈ 1.204,45; loftet binder" in work,
                      "the holiday cap's working in the period table (5 feriedage = 7 kalenderdage)")
                if shots:
                    d.save_screenshot(os.path.join(shots, "page-390-period.png"))
        width(d, 1280)

        # ---- after Beregn: the result in view and focused ---------------------------------------
        for w in (1280, 390):
            width(d, w)
            fill(d, base, {"month": "2024-05", "category": "forsorger", "wage": "20.000,00"})
            wait_result(d)
            top = js(d, "return document.getElementById('resultat').getBoundingClientRect().top")
            inner = js(d, "return window.innerHeight")
            active = js(d, "return document.activeElement.id")
            named = js(d, "const r = document.getElementById('resultat');"
                          "return document.getElementById(r.getAttribute('aria-labelledby')).textContent")
            check(0 <= top < inner, f"{w} px: the result's top at y = {top:.1f} inside the {inner} px viewport")
            check(active == "resultat" and named == "Forhåndsberegning for maj 2024",
                  f"{w} px: the result holds focus ({active!r}), named by its heading {named!r}")
            if shots:
                d.save_screenshot(os.path.join(shots, f"page-{w}-result.png"))
            axe(d, f"{w} px, a month's result")
        width(d, 1280)

        # ---- Danish amounts: the engine reads them ----------------------------------------------
        # 4.650 and 4650 are under the 16.323,00 wage threshold: no deduction, 16.382,00 both.
        a, b = payment(d, base, "4.650"), payment(d, base, "4650")
        check(a == b == "16.382,00", f"Løn '4.650' pays {a}, '4650' pays {b} (16.382,00)")
        # 16.382,00 − 55 % × (20.650,00 − 16.323,00) = 16.382,00 − 2.379,85 = 14.002,15
        a, b = payment(d, base, "20.650"), payment(d, base, "20650")
        check(a == b == "14.002,15", f"Løn '20.650' pays {a}, '20650' pays {b} (14.002,15)")
        # 16.382,00 − 55 % × (20.000,00 − 16.323,00) = 14.359,65; 20000,5: 55 % × 3.677,50 = 2.022,625
        # → 2.022,63; 16.382,00 − 2.022,63 = 14.359,37
        a, b = payment(d, base, "20.000,00"), payment(d, base, "20000,5")
        check(a == "14.359,65" and b == "14.359,37", f"Løn '20.000,00' pays {a} (14.359,65), '20000,5' {b} (14.359,37)")
        network_problems(d)
        fill(d, base, {"month": "2024-05", "category": "forsorger", "wage": "4,650,00"})
        wait_result(d)
        msg = d.find_element(By.ID, "fejl").text
        active = js(d, "return document.activeElement.id")
        check("to kommaer" in msg and "Løn inkl. pension" in msg, f"'4,650,00' refused, saying why: {msg!r}")
        check(active == "wage", f"the fault moves focus to the field it names: {active!r}")
        axe(d, "1280 px, a fault")
        network_problems(d)  # the refusal's 422 is the API's answer, not a page error

        # ---- print: the case, the inputs, the date and the engine on paper ----------------------
        fill(d, base, {"month": "2024-05", "category": "forsorger", "wage": "20.650", "sanction_days": "1"},
             sag="K-2024/0815")
        wait_result(d)
        version = js(d, "return fetch('/api/v1/health').then(r => r.json()).then(h => h.version)")
        pdf = base64.b64decode(d.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
            f.write(pdf)
        try:
            text = subprocess.run(["pdftotext", "-layout", f.name, "-"], check=True, capture_output=True,
                                  text=True).stdout
            if shots:
                shutil.copy(f.name, os.path.join(shots, "page-print.pdf"))
        finally:
            os.unlink(f.name)
        flat = " ".join(text.split())
        for want in ("Sag: K-2024/0815", "Løn inkl. pension 20.650", "Måned 2024-05", "Kategori (§ 68, stk. 2) Forsørger (nr. 1)",
                     "Dage med periodesanktion 1", "Udskrevet", f"rfy {version}", "Til udbetaling (før skat)",
                     "Anvendte satser"):
            check(want in flat, f"the PDF holds {want!r}")
        check("Beregn" not in flat and "Kan det betale sig" not in flat, "the PDF holds no form")

        # ---- keyboard alone, with a visible focus ring ------------------------------------------
        d.get(base + "/")
        WebDriverWait(d, 10).until(lambda drv: js(drv, "return document.readyState") == "complete")
        js(d, "document.activeElement.blur(); window.focus();")
        stops, unringed = [], []
        for _ in range(60):
            ActionChains(d).send_keys(Keys.TAB).perform()
            cur = js(d, "const e = document.activeElement; const s = getComputedStyle(e);"
                        "return [e.id, s.outlineStyle, s.outlineWidth]")
            if cur[0] == "beregn-knap":
                stops.append(cur[0])
                break
            stops.append(cur[0])
            if cur[1] == "none" or cur[2] == "0px":
                unringed.append(cur[0])
        check("sag" in stops and "month" in stops and "wage" in stops and stops[-1] == "beregn-knap",
              f"Tab reaches every field in order, ending on Beregn ({len(stops)} stops)")
        check(not unringed, f"every stop shows a focus ring (none without: {unringed})")
        # by keyboard: type the month, Enter in a field submits
        d.find_element(By.ID, "month").send_keys("2024-05", Keys.ENTER)
        wait_result(d)
        check(d.find_element(By.ID, "udbetaling").text.strip() == "16.382,00",
              "by keyboard: May 2024, forsørger, pays 16.382,00")
        axe(d, "1280 px, empty form then a result by keyboard")
        width(d, 390)
        d.get(base + "/")
        axe(d, "390 px, the empty page")
        width(d, 1280)

        errors, bad = network_problems(d)
        check(not errors and not bad, f"no console errors ({errors}) and no 404s ({bad})")
        d.get(base + "/")
        time.sleep(0.5)
        errors, bad = network_problems(d)
        check(not errors and not bad, f"a fresh load: no console errors ({errors}) and no 404s, favicon included ({bad})")
    finally:
        if d:
            d.quit()
        rc, err = server.stop()
        check(rc == 0, f"rfy serve stops with 0 on SIGTERM (got {rc}: {err})")
        shutil.rmtree(profile, ignore_errors=True)
    if failures:
        print(f"page_test: {len(failures)} failure(s)")
        return 1
    print("page_test: screens, focus, Danish amounts, print, keyboard and axe-core: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
