"""Phones stay live: what others add appears without a reload and without moving the reader;
the dots-left count stays in view; revealed results reach the phones."""

import uuid

from playwright.sync_api import expect

from ai_workshop.contributions import destiny, dreams, votes
from ai_workshop.extensions import db
from ai_workshop.models import Vote
from ai_workshop.workshops.services import find_workshop, set_phase

from ..factories import Factories
from ..support.browser import PHONE, join


def _in_room(app, code, phase, change):
    with app.app_context():
        workshop = find_workshop(code)
        if phase:
            set_phase(workshop, phase)
        change(workshop)
        db.session.commit()
        db.session.remove()


def _propose(workshop, participant, title):
    fields = {"client_id": str(uuid.uuid4()), "title": title, "proposition_id": None,
              "theme_id": None, "owner": "", "first_step": "", "due_date": None,
              "help_needed": "", "success_measure": ""}  # fmt: skip
    destiny.propose_action(workshop, participant, fields)


def test_a_new_action_reaches_a_scrolled_phone_without_moving_it(browser, live_server, seeded):
    app, base, code = live_server.app_ref, live_server.base_url, seeded["code"]

    def many_actions(workshop):
        someone = Factories().participant(workshop, "Ada")
        for number in range(6):
            _propose(workshop, someone, f"Existing action {number}")

    _in_room(app, code, "destiny", many_actions)
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, "Sam")
    phone.evaluate("window.__notReloaded = true")
    phone.locator("#commit").scroll_into_view_if_needed()
    top_before = phone.evaluate("document.getElementById('commit').getBoundingClientRect().top")

    _in_room(
        app, code, None, lambda w: _propose(w, Factories().participant(w, "Bo"), "Run a huddle")
    )

    expect(phone.locator("#actions")).to_contain_text("Run a huddle", timeout=15000)
    expect(phone.locator("[data-live-note]")).to_contain_text("New items")
    assert phone.evaluate("window.__notReloaded") is True
    top_after = phone.evaluate("document.getElementById('commit').getBoundingClientRect().top")
    assert abs(top_after - top_before) < 2, (top_before, top_after)


def test_dots_left_stays_in_view_and_revealed_results_reach_the_phone(browser, live_server, seeded):
    app, base, code = live_server.app_ref, live_server.base_url, seeded["code"]
    state = {}

    def dreams_and_a_vote(workshop):
        someone = Factories().participant(workshop, "Ada")
        for number in range(12):
            dreams.submit_dream(workshop, someone, {
                "client_id": str(uuid.uuid4()), "text": f"Dream number {number} comes true",
                "theme_id": None,
            })  # fmt: skip
        state["vote"] = votes.open_vote(workshop, "dreams").id

    _in_room(app, code, "dream", dreams_and_a_vote)
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, "Sam")
    expect(phone.locator("[data-vote]")).to_be_visible()
    phone.locator(".vote-option").last.scroll_into_view_if_needed()
    counter = phone.locator(".dots-left")
    box = counter.bounding_box()
    assert 0 <= box["y"] < 844, box  # still on screen after scrolling to the last option

    def close_and_reveal(workshop):
        vote = db.session.get(Vote, state["vote"])
        votes.close_vote(workshop, vote)
        votes.reveal(workshop, vote)

    _in_room(app, code, None, close_and_reveal)
    expect(phone.locator("[data-vote-results]")).to_contain_text("Dream number", timeout=15000)
