"""After the server is killed and restarted, the projector and phones find it by themselves."""

from playwright.sync_api import expect

from ..support.browser import PHONE, join, log_in
from ..support.server import GunicornServer


def test_projector_and_phone_recover_after_kill_and_restart(browser):
    server = GunicornServer().start()
    try:
        email, password, code = server.seed(phase="define")
        base = server.base_url
        desk = browser.new_context(viewport={"width": 1280, "height": 720})
        projector = desk.new_page()
        log_in(projector, base, email, password)
        projector.goto(f"{base}/projector/{code}")
        connection = projector.locator("[data-connection]").first
        expect(connection).to_have_attribute("data-state", "online")
        projector.evaluate("window.__notReloaded = true")
        phone = browser.new_context(**PHONE).new_page()
        join(phone, base, code)

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
