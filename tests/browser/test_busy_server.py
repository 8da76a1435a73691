"""A busy or unavailable server: the phone keeps the story and sends it again by itself."""

import json

from playwright.sync_api import expect

from ai_workshop.extensions import db
from ai_workshop.models import Story
from ai_workshop.workshops.services import find_workshop, set_phase

from ..support.browser import PHONE, join

BUSY = json.dumps({"error": {"code": "unavailable", "message": "The server is busy."}})


def test_the_phone_keeps_the_draft_through_503s_and_sends_it_once(browser, live_server, seeded):
    app, base, code = live_server.app_ref, live_server.base_url, seeded["code"]
    with app.app_context():
        set_phase(find_workshop(code), "discover")
        db.session.commit()
        db.session.remove()
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, "Sam")
    expect(phone.locator("[data-story-form]")).to_be_visible(timeout=15000)

    sent = []

    def busy_twice(route):
        sent.append(json.loads(route.request.post_data)["client_id"])
        if len(sent) <= 2:
            route.fulfill(status=503, headers={"Retry-After": "2"}, body=BUSY,
                          content_type="application/json")  # fmt: skip
        else:
            route.continue_()

    phone.route("**/api/v1/workshops/*/stories", busy_twice)
    phone.fill("#headline", "The callback that saved a contract")
    phone.fill("#story", "The line dropped twice, and I still called the customer back at six.")
    phone.locator("label.chip").first.click()
    phone.click("[data-submit]")

    status = phone.locator("[data-submit-status]")
    expect(status).to_contain_text("kept on this phone", timeout=5000)
    draft = phone.evaluate(f"localStorage.getItem('aiw-draft:{code}')")
    assert "The callback that saved a contract" in draft

    expect(phone.locator("#my-stories")).to_contain_text(
        "The callback that saved a contract", timeout=20000
    )
    assert len(sent) == 3 and len(set(sent)) == 1, sent  # one story, one client id
    assert phone.evaluate(f"localStorage.getItem('aiw-draft:{code}')") is None
    with app.app_context():
        headlines = db.session.scalars(db.select(Story.headline)).all()
        db.session.remove()
    assert headlines == ["The callback that saved a contract"]
