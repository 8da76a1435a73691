"""Real phones in the simulated room: headless Chromium pages at phone size that join by the
join page, follow the session with the app's own JavaScript, and report how long after the
facilitator's click each one shows the new phase's screen.

Uses Debian's Chromium, as the browser tests do (tests/browser/conftest.py).
"""

import asyncio
import shutil
import time

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True}
# The new screen is up: the page of the new phase shows its task (a dream or the vote). (A selector, not a script:
# the app's Content-Security-Policy forbids evaluating strings, as it should.)
SHOWS_DREAM = "body[data-phase=dream] .phone-main h1"


class RealPhones:
    def __init__(self, base_url: str, code: str, count: int) -> None:
        self.base_url = base_url
        self.code = code
        self.count = count
        self.pages = []
        self.times_ms: list[float] = []
        self.failures: list[str] = []
        self._playwright = None
        self._browser = None

    async def join(self) -> None:
        from playwright.async_api import async_playwright

        self._playwright = await async_playwright().start()
        self._browser = await self._playwright.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        for number in range(self.count):
            context = await self._browser.new_context(**PHONE)
            page = await context.new_page()
            await page.goto(f"{self.base_url}/j/{self.code}", timeout=60_000)
            await page.fill("#display_name", f"Real phone {number + 1}")
            await page.click("button[type=submit]")
            await page.wait_for_url(f"**/p/{self.code}", timeout=60_000)
            self.pages.append(page)

    async def time_to_dream(self, phase_sent_at: float, timeout_s: float = 60) -> None:
        """Wait, on every page at once, for the Dream screen; times from the click."""

        async def one(page) -> None:
            try:
                await page.wait_for_selector(SHOWS_DREAM, state="visible", timeout=timeout_s * 1000)
                self.times_ms.append((time.perf_counter() - phase_sent_at) * 1000)
            except Exception as error:  # noqa: BLE001 — a phone that never got there is reported
                self.failures.append(f"{type(error).__name__}: {str(error)[:120]}")

        await asyncio.gather(*(one(page) for page in self.pages))

    async def close(self) -> None:
        if self._browser is not None:
            await self._browser.close()
        if self._playwright is not None:
            await self._playwright.stop()
