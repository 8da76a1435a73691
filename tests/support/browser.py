"""Shared browser settings and steps for the browser tests, benchmarks and screenshots."""

import re
import shutil

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PROJECTOR = {"width": 1920, "height": 1080}


def launch(playwright):
    executable = shutil.which("chromium")
    assert executable, "Chromium is missing: run `make browsers` (apt-get install chromium)."
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def log_in(page, base_url: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/auth/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base_url}/workshops/")


def join(phone, base_url: str, code: str, name: str = "") -> None:
    phone.goto(f"{base_url}/j/{code}")
    if name:
        phone.fill("#display_name", name)
    phone.click("main button[type=submit]")
    phone.wait_for_url(re.compile(f"/p/{code}$"))


# Resolves once the page's live parts went `quiet` ms without a redraw: a refetch already
# asked for (a live event and the page's own resync may each ask) has landed by then.
_SETTLED = """quiet => new Promise(done => {
  let timer = setTimeout(finish, quiet);
  function again() { clearTimeout(timer); timer = setTimeout(finish, quiet); }
  function finish() { document.removeEventListener("live:updated", again); done(); }
  document.addEventListener("live:updated", again);
})"""


def wait_until_settled(page, quiet_ms: int = 1000) -> None:
    """Before a drag or a read that must not straddle a redraw of the page's live parts."""
    page.evaluate(_SETTLED, quiet_ms)
