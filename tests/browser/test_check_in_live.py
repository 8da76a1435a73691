"""A check-in as the room lives it: the facilitator opens it, a phone that has been showing
the thank-you screen turns to the check-in by itself, an owner reports from it, and the
projector's counts move without anyone reloading."""

import uuid

from playwright.sync_api import expect

from ai_workshop.contributions import destiny
from ai_workshop.extensions import db
from ai_workshop.participants.services import join as join_service
from ai_workshop.workshops.services import find_workshop, set_phase

from ..support.browser import PHONE, PROJECTOR, join, log_in


def closed_with_an_action(app, code: str) -> None:
    with app.app_context():
        workshop = find_workshop(code)
        set_phase(workshop, "destiny")
        owner, _token = join_service(workshop, "Ana")
        fields = {"client_id": str(uuid.uuid4()), "title": "Call every customer back on time",
                  "theme_id": None, "proposition_id": None, "owner": "Ana"}  # fmt: skip
        destiny.propose_action(workshop, owner, fields)
        set_phase(workshop, "closed")
        db.session.commit()
        db.session.remove()


def test_the_room_turns_to_the_check_in_and_the_projector_follows_a_report(
    browser, live_server, seeded
):
    base, code = live_server.base_url, seeded["code"]
    closed_with_an_action(live_server.app_ref, code)
    desk = browser.new_context(viewport=PROJECTOR)
    facilitator = desk.new_page()
    log_in(facilitator, base, seeded["email"], seeded["password"])
    projector = desk.new_page()
    projector.goto(f"{base}/projector/{code}")
    expect(projector.locator(".thanks")).to_be_visible()

    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, "Ben")
    expect(phone.locator(".waiting.closed")).to_be_visible()

    facilitator.goto(f"{base}/workshops/{code}/check-ins")
    facilitator.get_by_role("button", name="Open the check-in").first.click()
    expect(facilitator.locator(".rhythm-step.is-open")).to_contain_text("30-day check-in")

    # Neither screen is reloaded by hand.
    expect(phone.locator("h1")).to_have_text("30-day check-in", timeout=10000)
    expect(projector.locator(".check-in-screen h1")).to_have_text("30-day check-in", timeout=10000)
    expect(projector.locator(".count-silent .n")).to_have_text("1")

    card = phone.locator("article.action-report").first
    card.locator("summary").click()
    card.locator("label.status-done").click()
    card.locator("button[type=submit]").click()
    expect(phone.get_by_text("Thank you. Your progress is in the plan.")).to_be_visible()
    expect(projector.locator(".count-done .n")).to_have_text("1", timeout=10000)
    expect(projector.locator(".count-silent .n")).to_have_text("0")
    expect(projector.locator(".check-in-action")).to_contain_text("100%")
