"""Take the README's screenshots from a running server, in headless Chromium.

Usage: python scripts/screenshots.py --base-url http://127.0.0.1:5000 \
           --email demo@example.com --password ... --code ABC234 --out docs/screenshots
"""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support.browser import PHONE, PROJECTOR, launch, log_in  # noqa: E402

SMALL_PROJECTOR = {"width": 1280, "height": 720}


def set_phase(page, base_url: str, code: str, phase: str) -> None:
    page.goto(f"{base_url}/workshops/{code}/console")
    page.click(f'li[data-phase="{phase}"] button')
    page.wait_for_selector(f'li[data-phase="{phase}"] button[aria-current="step"]')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", default="http://127.0.0.1:5000")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--code", required=True)
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    base, code = args.base_url.rstrip("/"), args.code

    with sync_playwright() as p:
        browser = launch(p)
        desk = browser.new_context(viewport=PROJECTOR)
        console = desk.new_page()
        log_in(console, base, args.email, args.password)
        set_phase(console, base, code, "define")
        projector = desk.new_page()
        projector.goto(f"{base}/projector/{code}")
        projector.wait_for_timeout(800)
        projector.screenshot(path=out / "projector-welcome-1920.png")

        phone = browser.new_context(device_scale_factor=2, **PHONE)
        phone_page = phone.new_page()
        phone_page.goto(f"{base}/j/{code}")
        phone_page.screenshot(path=out / "phone-join.png")
        phone_page.fill("#display_name", "Sam")
        phone_page.click("button[type=submit]")
        phone_page.wait_for_selector(".waiting")
        phone_page.screenshot(path=out / "phone-waiting.png")

        set_phase(console, base, code, "discover")
        console.click('form[action$="/timer"] button[type=submit]')
        phone_page.wait_for_selector("[data-story-form]", timeout=15000)
        phone_page.screenshot(path=out / "phone-story-form.png")
        projector.wait_for_selector(".discovery")
        projector.wait_for_timeout(1200)
        projector.screenshot(path=out / "projector-discovery-1920.png")
        projector.set_viewport_size(SMALL_PROJECTOR)
        projector.wait_for_timeout(300)
        projector.screenshot(path=out / "projector-discovery-1280.png")
        console.goto(f"{base}/workshops/{code}/console")
        console.wait_for_timeout(800)
        console.screenshot(path=out / "console-1920.png")

        console.goto(f"{base}/board/{code}")
        console.locator("form[action$='/suggest'] button").click()
        console.wait_for_selector("section.column[data-theme-id]")
        console.wait_for_timeout(800)
        console.screenshot(path=out / "board-1920.png")
        console.get_by_role("button", name="Show on projector").click()
        projector.set_viewport_size(PROJECTOR)
        projector.wait_for_selector(".positive-core")
        projector.wait_for_timeout(1000)
        projector.screenshot(path=out / "projector-positive-core-1920.png")
        phone_page.reload()
        phone_page.wait_for_selector(".phone-themes")
        phone_page.screenshot(path=out / "phone-themes.png")
        console.get_by_role("button", name="Back to stories on the projector").click()
        browser.close()
    print(f"Screenshots in {out}")


if __name__ == "__main__":
    main()
