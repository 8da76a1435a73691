"""A phone learns at once that the room has moved on, then loads the new step."""

import json
import time
import urllib.request

from playwright.sync_api import expect

from ..support.browser import PHONE, join
from ..support.server import GunicornServer


def state_of(server, code: str) -> dict:
    with urllib.request.urlopen(f"{server.base_url}/api/v1/workshops/{code}/state") as response:
        return json.load(response)


def test_the_phone_says_the_room_moved_on_then_opens_the_new_step(browser):
    # One page a second: the lone phone spreads its reload over a second or so.
    server = GunicornServer(extra_env={"PHONE_PAGES_PER_SECOND": "1"}).start()
    try:
        _email, _password, code = server.seed(phase="define")
        context = browser.new_context(**PHONE)
        context.add_init_script("Math.random = () => 0.99;")  # the end of its spread
        phone = context.new_page()
        join(phone, server.base_url, code)
        expect(phone.locator(".waiting")).to_be_visible()
        time.sleep(1.5)  # the phone's poll is now held, waiting for a change

        # Timed from the CLI's return: its start-up (a second or more) is not the phone's.
        server.flask("workshop", "phase", code, "discover")
        changed_at = time.monotonic()
        notice = phone.locator("[data-moving-on]")
        # Without the held poll's answer a phone would wait out its 25-second hold: a few
        # seconds leave room for a machine busy with other tests, and still tell the two apart.
        expect(notice).to_be_visible(timeout=5000)
        seen_after = time.monotonic() - changed_at
        label = state_of(server, code)["phase_label"]
        expect(notice).to_contain_text(f"moved on to {label}.")
        expect(phone.locator("[data-phase-label]")).to_have_text(label)
        expect(phone.locator("[data-story-form]")).to_be_visible(timeout=5000)
        expect(notice).to_be_hidden()
        assert seen_after < 4.0, f"the phone took {seen_after:.1f} s to notice"
    finally:
        server.stop()
