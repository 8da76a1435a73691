"""How fast the room sees things, measured in headless Chromium against the real server.

1. Scan to story form: a fresh phone opens the join URL (what the QR code holds), taps
   Join, and the story form is ready to type in.
2. Submit to projector: a phone taps "Send my story"; the projector, open on the laptop,
   shows the headline (pushed over Server-Sent Events, no reload).

Usage: .venv/bin/python bench/live_latency.py [--runs 9]
"""

import argparse
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support.browser import PHONE, PROJECTOR, join, launch, log_in  # noqa: E402
from tests.support.server import GunicornServer  # noqa: E402

WATCH_TICKER = """
window.__seen = {};
new MutationObserver(() => {
  document.querySelectorAll('.ticker .headline').forEach(el => {
    const text = el.textContent;
    for (const key of Object.keys(window.__wanted || {})) {
      if (text.includes(key) && !window.__seen[key]) window.__seen[key] = Date.now();
    }
  });
}).observe(document.body, {subtree: true, childList: true, characterData: true});
"""


def summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (f"{name}: median {statistics.median(values):.0f} ms, p95 {p95:.0f} ms, "
            f"min {ordered[0]:.0f} ms, max {ordered[-1]:.0f} ms over {len(values)} runs")  # fmt: skip


def scan_to_form(browser, base: str, code: str) -> float:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto("about:blank")
    start = page.evaluate("Date.now()")
    page.goto(f"{base}/j/{code}")
    page.click("button[type=submit]")
    page.wait_for_selector("#headline:enabled")
    page.wait_for_load_state("load")  # the page's CSP refuses wait_for_function's eval
    ready = page.evaluate("Date.now()")
    context.close()
    return ready - start


def submit_to_projector(projector, phone, index: int) -> float:
    headline = f"Bench story number {index}"
    projector.evaluate(f"(window.__wanted = window.__wanted || {{}})[{headline!r}] = true")
    phone.fill("#headline", headline)
    phone.fill("#story", "A customer felt truly helped, and here is what we did about it.")
    phone.locator("label.chip").first.click()
    sent = phone.evaluate("Date.now()")
    phone.click("[data-submit]")
    projector.locator(".ticker .headline", has_text=headline).wait_for(timeout=10000)
    seen = projector.evaluate(f"window.__seen[{headline!r}]")
    phone.wait_for_selector(f"#my-stories >> text={headline}")
    return seen - sent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    server = GunicornServer().start()
    base = server.base_url
    try:
        email, password, code = server.seed()
        with sync_playwright() as playwright:
            browser = launch(playwright)
            scans = [scan_to_form(browser, base, code) for _ in range(args.runs)]

            projector = browser.new_context(viewport=PROJECTOR).new_page()
            log_in(projector, base, email, password)
            projector.goto(f"{base}/projector/{code}")
            projector.wait_for_selector('[data-connection][data-state="online"]')
            projector.evaluate(WATCH_TICKER)
            delays = []
            for index in range(args.runs):
                if index % 5 == 0:  # a person writes a few stories, not dozens a minute
                    phone = browser.new_context(**PHONE).new_page()
                    join(phone, base, code)
                phone.goto(f"{base}/p/{code}")
                delays.append(submit_to_projector(projector, phone, index))
            browser.close()
    finally:
        server.stop()
    print(summary("scan to usable story form", scans))
    print(summary("story submit to projector", delays))


if __name__ == "__main__":
    main()
