#!/usr/bin/python3
"""The caseworker page in a real browser (Debian's chromium, headless, driven by
python3-selenium with Debian's chromium-driver).

    /usr/bin/python3 tests/web/browser_test.py build/rfy SOURCE_DIR [SCREENSHOT.png]

Fills the form for five cases, reads the amounts the page shows and asserts
that they equal `rfy preview --json` (the CLI), written the Danish way:
  1. one month with wage: forsørger, May 2024, løn 20.000 kr.;
  2. a period March–August 2024 in which the sygedagpenge end (14 May 2024);
  3. a 2026 month on derived rates (the shipped 2026 table; the note must show);
  4. sanctions the kommune decided (a periodesanktion and a punktsanktion);
  5. a month of two periods ("Tilføj periode", July 2024) with the Ferie section.
Also checks that the page prints (print stylesheet hides the form) and that
a bad value gives a Danish error.  Loopback only.  Exit 0 ok, 1 a failure,
also 1 when chromium, its driver or selenium is missing (CI installs them).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from english_words import english_words  # noqa: E402
from serve_fixture import Server, preview_json  # noqa: E402

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    print("browser_test: python3-selenium missing (apt-get install python3-selenium)")
    sys.exit(1)

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def kr(s):
    """"14359.65" → "14.359,65": how the page writes an API amount."""
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
                 "--disable-dev-shm-usage", "--window-size=1100,2200", "--user-data-dir=" + profile):
        opts.add_argument(flag)
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


def fill(d, base, fields, period=None):
    d.get(base + "/")
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
    d.find_element(By.ID, "beregn-knap").click()


def wait_shown(d, css):
    WebDriverWait(d, 20).until(lambda drv: drv.find_elements(By.CSS_SELECTOR, css)
                               and drv.find_element(By.CSS_SELECTOR, css).is_displayed())


def text(d, css):
    return d.find_element(By.CSS_SELECTOR, css).text.strip()


def one_month(d, base, rfy, month, fields, rates_dir=None):
    """Fill one month, compare gross, deduction and payment with the CLI."""
    fill(d, base, dict(fields, month=month))
    wait_shown(d, "#udbetaling")
    _, ref = preview_json(rfy, dict(fields, month=month), rates_dir)
    for css, key in (("#brutto", "gross"), ("#fradrag", "total_deduction"), ("#udbetaling", "payment")):
        check(text(d, css) == kr(ref[key]), f"{month} {key}: page {text(d, css)!r}, CLI {kr(ref[key])!r}")
    return ref


def two_period_month(d, base, rfy):
    fields = {"month": "2024-07", "category": "ikke_forsorger", "end": "2024-07-11", "wage": "20000",
              "holiday_run_months": "12", "holiday_ydelse_days": "10"}
    d.get(base + "/")
    d.find_element(By.ID, "tilfoej-periode").click()
    for k, v in fields.items():
        e = d.find_element(By.ID, k)
        if e.tag_name == "select":
            Select(e).select_by_value(v)
        else:
            e.send_keys(v)
    d.find_element(By.ID, "periode-1-start").send_keys("2024-07-12")
    Select(d.find_element(By.ID, "periode-1-category")).select_by_value("forsorger")
    d.find_element(By.ID, "beregn-knap").click()
    wait_shown(d, "#udbetaling")
    csv = ("case_id,month,category,start,end,wage,holiday_run_months,holiday_ydelse_days\n"
           "K,2024-07,ikke_forsorger,,2024-07-11,20000,12,10\nK,2024-07,forsorger,2024-07-12,,,,\n")
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write(csv)
    try:
        ref = json.loads(subprocess.run([rfy, "preview", "--input", f.name, "--case-id", "K", "--month",
                                         "2024-07", "--json"], check=True, capture_output=True,
                                        text=True).stdout)
    finally:
        os.unlink(f.name)
    check(ref["payment"] == "12920.42" and ref["gross"] == "14942.77", "case 5: CLI payment 12920.42")
    for css, key in (("#brutto", "gross"), ("#fradrag", "total_deduction"), ("#udbetaling", "payment")):
        check(text(d, css) == kr(ref[key]), f"case 5 {key}: page {text(d, css)!r}, CLI {kr(ref[key])!r}")
    check(text(d, "#udbetaling") == "12.920,42", "case 5: the page shows 12.920,42")
    check(d.find_element(By.ID, "ferie").is_displayed(), "case 5: the Ferie section shows")
    check("ja, 35 dage" in text(d, "#ferie-ret") and "juli 2024 – juni 2025" in text(d, "#ferie-ret"),
          f"case 5: the right and its window: {text(d, '#ferie-ret')!r}")
    check(ref["holiday"]["days_left"] == "25.00" and "tilbage i ferieperioden: 25,00 dage" in text(d, "#ferie-tilbage"),
          f"case 5: 25 days left: {text(d, '#ferie-tilbage')!r}")
    check("1.–11. juli: ikke-forsørger" in text(d, "#perioder-liste")
          and "12.–31. juli: forsørger" in text(d, "#perioder-liste"), "case 5: the two periods listed")


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    rfy, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    shot = sys.argv[3] if len(sys.argv) > 3 else None
    if not (os.access(CHROMIUM, os.X_OK) and os.access(DRIVER, os.X_OK)):
        print("browser_test: chromium or chromium-driver missing (apt-get install chromium chromium-driver)")
        return 1
    profile = tempfile.mkdtemp(prefix="rfy-chromium-")
    server = Server(rfy)
    d = None
    try:
        d = browser(profile)

        # 1. One month with wage.  By hand: 16.382,00 − 55 % × (20.000,00 − 16.323,00)
        #    = 16.382,00 − 2.022,35 = 14.359,65 (§ 68 stk. 2 nr. 1, § 68 a stk. 2; 2024 rates).
        ref = one_month(d, server.url, rfy, "2024-05", {"category": "forsorger", "wage": "20000"})
        check(ref["payment"] == "14359.65", "case 1: CLI payment is 14359.65")
        check("Til udbetaling (før skat)" in d.page_source, "case 1: 'Til udbetaling (før skat)' shown")
        check("Anvendte satser" in d.page_source, "case 1: 'Anvendte satser' shown")
        check("31 dage à 16.382,00/31" in d.page_source, "case 1: segment line with 'à'")
        # the wage line's percentage comes from the engine's JSON (high_pct 55)
        check("Løn: 55 % af (20.000,00 − 16.323,00)" in d.page_source, "case 1: the wage line")
        check("§ 68, stk. 2, nr. 1" in d.page_source, "case 1: level reference shown")
        check("bm.dk" in d.page_source, "case 1: rate source shown")
        if shot:
            d.save_screenshot(shot)
        # printing: the print stylesheet hides the form and keeps the result
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        check(not d.find_element(By.ID, "beregn").is_displayed(), "print: the form is hidden")
        check(d.find_element(By.ID, "udbetaling").is_displayed(), "print: the result is shown")
        pdf = d.execute_cdp_cmd("Page.printToPDF", {})
        check(len(pdf.get("data", "")) > 1000, "print: a PDF is produced")
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

        # 2. A period March–August 2024; sygedagpenge 4.000 kr./uge until 14 May 2024.
        #    May splits: 14 days at 4.000 × 52/12 = 17.333,33… and 17 days at 16.382,00.
        fields = {"category": "forsorger", "prior": "sygedagpenge", "prior_amount": "4000",
                  "prior_unit": "week", "prior_until": "2024-05-14"}
        fill(d, server.url, fields, period=("2024-03", "2024-08"))
        wait_shown(d, "#periode-tabel")
        rows = d.find_elements(By.CSS_SELECTOR, "#periode-tabel tbody tr[data-month]")
        check(len(rows) == 6, f"case 2: 6 months shown, got {len(rows)}")
        total_ore = 0
        for tr in rows:
            month = tr.get_attribute("data-month")
            _, ref = preview_json(rfy, dict(fields, month=month))
            total_ore += int(ref["payment"].replace(".", ""))
            shown = tr.find_element(By.CSS_SELECTOR, "td.payment").text.strip()
            check(shown == kr(ref["payment"]), f"case 2 {month}: page {shown!r}, CLI {kr(ref['payment'])!r}")
            if month == "2024-05":
                check("split" in tr.get_attribute("class"), "case 2: May is shown split")
                # 14 × (4.000 × 52/12)/31 + 17 × 16.382/31 = 72800000/93 + 27849400/31 øre
                # = 156348200/93 øre = 1681163,44… øre, rounded once: 16.811,63
                check(ref["payment"] == "16811.63", "case 2: May CLI payment 16811.63")
        total = f"{total_ore // 100}.{total_ore % 100:02d}"
        check(text(d, "#total-payment") == kr(total), f"case 2 total: page {text(d, '#total-payment')!r}, CLI sum {kr(total)!r}")

        # 3. A 2026 month on derived rates (the note shows; amounts equal the CLI's).  By hand:
        #    13.345,00 (derived) − 55 % × (20.000,00 − 17.672,00) = 13.345,00 − 1.280,40 = 12.064,60.
        ref = one_month(d, server.url, rfy, "2026-03", {"category": "ikke_forsorger", "wage": "20000"})
        check(ref["provenance"] == "derived", "case 3: CLI provenance derived")
        check(ref["payment"] == "12064.60", "case 3: CLI payment 12064.60")
        check(d.find_elements(By.CSS_SELECTOR, '[data-warning="derived_rate"]'), "case 3: derived_rate warning")
        check(d.find_elements(By.CSS_SELECTOR, '[data-note="no_new_ressourceforloeb"]'),
              "case 3: the note that no new ressourceforløb can start")
        check(d.find_element(By.ID, "afledt-note").is_displayed(), "case 3: derived-rate note visible")

        # 4. Sanctions the kommune decided (rules.md §9).  By hand: 3 days × 756 (16.382 × 12/260
        #    = 756,09 → 756) = 2.268,00 and a punktsanktion 500,00; 16.382,00 − 2.768,00 = 13.614,00.
        ref = one_month(d, server.url, rfy, "2024-05",
                        {"category": "forsorger", "sanction_days": "3", "sanction_amount": "500"})
        check(ref["payment"] == "13614.00", "case 4: CLI payment 13614.00")
        check("Sanktioner: periodesanktion 3 dage × 756,00" in d.page_source,
              "case 4: the Sanktioner line with days and the amount a day")
        check("niveauet 16.382,00 × 12/260" in d.page_source,
              "case 4: the amount a day's rule, with the engine's 12/260")
        check("§ 69 b, stk. 2" in d.page_source and "§ 69 d" in d.page_source,
              "case 4: the sanctions' paragraphs shown")

        # 5. A month of two periods (rules.md §7) with the Ferie section (rules.md §8).  July 2024:
        #    ikke-forsørger 1–11 with wage 20.000, forsørger 12–31 ("Tilføj periode"):
        #    gross (12.326 × 11 + 16.382 × 20) / 31 = 463.226 / 31 = 14.942,77;
        #    wage 0,55 × (20.000 − 16.323) = 2.022,35; payment 12.920,42.  12 months in a row before
        #    July and 10 days of holiday with ydelse: the right, window July 2024 – June 2025,
        #    35 − 10 = 25 days left, no excess.
        two_period_month(d, server.url, rfy)
        # ... and the ledger carried through a period: 12 months in a row before January 2024, 30 days
        #    with ydelse in each month.  January: a new holiday period, 35 − 30 = 5 days left; February:
        #    the right covers 35 − 30 = 5 of its 30 days, 25 beyond the right, 0 left.
        fill(d, server.url, {"category": "forsorger", "holiday_run_months": "12", "holiday_ydelse_days": "30"},
             period=("2024-01", "2024-02"))
        wait_shown(d, "#periode-tabel")
        cells = [td.text.strip() for td in d.find_elements(By.CSS_SELECTOR, "#periode-tabel td.ferie")]
        check(cells == ["tilbage 5,00 dage", "tilbage 0,00 dage; ud over retten 25,00 dage"],
              f"case 5: the ledger through a period: {cells}")

        # A bad value: a Danish message naming the field.
        fill(d, server.url, {"month": "2024-05", "category": "forsorger", "wage": "20000,123"})
        wait_shown(d, "#fejl")
        msg = text(d, "#fejl")
        check("Beregningen kunne ikke foretages" in msg and "Løn inkl. pension" in msg
              and "er ikke et gyldigt tal: mere end 2 decimaler" in msg, f"error in Danish: {msg!r}")
        # the engine's Danish words at the field they name, with the fault's code in the list
        at = d.find_elements(By.CSS_SELECTOR, "#wage + .fejl-felt")
        check(len(at) == 1 and "mere end 2 decimaler" in at[0].text, "error at the field: wage")
        codes = [li.get_attribute("data-code") for li in d.find_elements(By.CSS_SELECTOR, "#fejl li")]
        check(codes == ["number_decimals"], f"error code in the list: {codes}")
        # -500: the real reason, no sign allowed
        fill(d, server.url, {"month": "2024-05", "category": "forsorger", "wage": "-500"})
        wait_shown(d, "#fejl")
        msg = text(d, "#fejl")
        check("fortegn er ikke tilladt" in msg, f"-500: the real reason: {msg!r}")
        # The page as rendered with an API answer holds no English: a derived 2026 month with wage,
        # holiday and a sanction, and a secondary source (the 2026 wage threshold).
        fill(d, server.url, {"month": "2026-05", "category": "forsorger", "wage": "20000",
                             "holiday_ydelse_days": "2", "sanction_days": "1"})
        wait_shown(d, "#resultat")
        shown = text(d, "body")
        check("afledt: 16.972 × (1 + (4,5 − 0 − 0)/100) = 17.735,74 → 17.736" in shown
              and "Syddjurs Kommune, side om ressourceforløbsydelse (sekundær kilde)" in shown,
              "the rates' sources in Danish on the page")
        words = english_words(shown)
        check(not words, f"no English on the rendered page: {sorted(set(words))}")
        # A month no table covers: Danish words for it.
        fill(d, server.url, {"month": "2031-05", "category": "forsorger"})
        wait_shown(d, "#fejl")
        msg = text(d, "#fejl")
        check("Måned" in msg and "ingen satstabel dækker 2031-05" in msg, f"uncovered month in Danish: {msg!r}")
        logs = [e for e in d.get_log("browser") if e.get("level") == "SEVERE" and "favicon" not in e.get("message", "")
                and "422" not in e.get("message", "")]
        check(not logs, f"no console errors (CSP violations would show here): {logs}")
    finally:
        if d:
            d.quit()
        rc, err = server.stop()
        check(rc == 0, f"rfy serve stops with 0 on SIGTERM (got {rc}: {err})")
        shutil.rmtree(profile, ignore_errors=True)
    if failures:
        print(f"browser_test: {len(failures)} failure(s)")
        return 1
    print("browser_test: 5 cases, print and error: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
