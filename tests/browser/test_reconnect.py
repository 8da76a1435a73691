"""After the server is killed and restarted, the projector and phones find it by themselves."""

import re

from playwright.sync_api import expect

from ..support.server import GunicornServer

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_projector_and_phone_recover_after_kill_and_restart(browser):
    server = GunicornServer().start()
    try:
        email, password, code = server.seed(phase="define")
        base = server.base_url
        desk = browser.new_context(viewport={"width": 1280, "height": 720})
        projector = desk.new_page()
        projector.goto(f"{base}/auth/login")
        projector.fill("#email", email)
        projector.fill("#password", password)
        projector.click("button[type=submit]")
        projector.goto(f"{base}/projector/{code}")
        connection = projector.locator("[data-connection]").first
        expect(connection).to_have_attribute("data-state", "online")
        projector.evaluate("window.__notReloaded = true")
        phone = browser.new_context(**PHONE).new_page()
        phone.goto(f"{base}/j/{code}")
        phone.click("button[type=submit]")
        expect(phone).to_have_url(re.compile(f"/p/{code}$"))

        server.kill()
        expect(connection).to_have_attribute("data-state", "offline", timeout=10000)
        server.start()
        server.flask("workshop", "phase", code, "discover")

        expect(projector.locator(".discovery")).to_be_visible(timeout=20000)
        expect(connection).to_have_attribute("data-state", "online")
        assert projector.evaluate("window.__notReloaded") is True
        expect(phone.locator("[data-story-form]")).to_be_visible(timeout=20000)
    finally:
        server.stop()
