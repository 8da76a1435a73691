"""The countdown ends cleanly on the projector and the console: 0:00, then gone at the next
phase, never the seconds the page was drawn with."""

from playwright.sync_api import expect

from ai_workshop.extensions import db
from ai_workshop.workshops.services import control_timer, find_workshop, set_phase

from ..support.browser import log_in


def _in_app(live_server, code, change):
    with live_server.app_ref.app_context():
        workshop = find_workshop(code)
        change(workshop)
        db.session.commit()
        db.session.remove()


def test_a_timer_reads_zero_when_it_runs_out_and_leaves_with_its_phase(
    browser, live_server, seeded
):
    base, code = live_server.base_url, seeded["code"]
    _in_app(live_server, code, lambda workshop: set_phase(workshop, "discover"))
    desk = browser.new_context(viewport={"width": 1280, "height": 720})
    page = desk.new_page()
    log_in(page, base, seeded["email"], seeded["password"])
    screens = {
        "projector": (f"/projector/{code}", ".projector-timer"),
        "console": (f"/workshops/{code}/console", ".timer-display"),
    }
    pages = {}
    for name, (path, _selector) in screens.items():
        pages[name] = desk.new_page() if pages else page
        pages[name].goto(base + path)
        expect(pages[name].locator("[data-connection]").first).to_have_attribute(
            "data-state", "online"
        )

    # Started once both screens are open: they redraw with a running timer and get no
    # further word from the server when it runs out.
    _in_app(live_server, code, lambda workshop: control_timer(workshop, "start", 4))
    for name, (_path, selector) in screens.items():
        expect(pages[name].locator(selector)).to_have_attribute("data-state", "running")

    for name, (_path, selector) in screens.items():
        timer = pages[name].locator(selector)
        expect(timer).to_have_attribute("data-state", "finished", timeout=8000)
        expect(timer).to_have_text("0:00")
        pages[name].wait_for_timeout(600)  # a few more ticks: it stays at zero
        expect(timer).to_have_text("0:00")

    _in_app(live_server, code, lambda workshop: set_phase(workshop, "dream"))
    projector_timer = pages["projector"].locator(".projector-timer")
    expect(projector_timer).to_have_attribute("data-state", "idle", timeout=8000)
    expect(projector_timer).to_be_hidden()
    desk.close()
