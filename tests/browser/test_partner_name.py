"""The partner's first name shows only while the story is the partner's, at phone size;
without JavaScript it stays in sight with its hint."""

import re

from playwright.sync_api import expect

from ai_workshop.extensions import db
from ai_workshop.models import Story
from ai_workshop.workshops.services import find_workshop, set_phase

from ..support.browser import PHONE, join


def open_discovery(live_server, code) -> None:
    with live_server.app_ref.app_context():
        set_phase(find_workshop(code), "discover")
        db.session.commit()
        db.session.remove()


def test_the_partners_name_follows_whose_story_it_is(browser, live_server, seeded):
    base, code = live_server.base_url, seeded["code"]
    open_discovery(live_server, code)
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, "Ana")
    name = phone.get_by_label("Your partner's first name")
    expect(name).to_be_hidden()
    phone.get_by_label("My partner's story").check()
    expect(name).to_be_visible()
    phone.get_by_label("My story", exact=True).check()
    expect(name).to_be_hidden()

    phone.get_by_label("My partner's story").check()
    name.fill("Ben")
    phone.fill("#headline", "Ben's night shift")
    phone.fill("#story", "Ben stayed on the line until the customer's shop could open again.")
    phone.locator("label.chip", has_text=re.compile("^patience$")).click()
    phone.reload()  # the draft brings the choice back, and the name with it
    expect(name).to_be_visible()
    expect(name).to_have_value("Ben")

    phone.click("[data-submit]")
    expect(phone.locator("#my-stories")).to_contain_text("Ben's night shift")
    with live_server.app_ref.app_context():
        story = db.session.query(Story).filter_by(headline="Ben's night shift").one()
        assert (story.whose, story.partner_name) == ("partner", "Ben")


def test_without_javascript_the_partners_name_stays_with_its_hint(browser, live_server, seeded):
    base, code = live_server.base_url, seeded["code"]
    open_discovery(live_server, code)
    phone = browser.new_context(**PHONE, java_script_enabled=False).new_page()
    join(phone, base, code, "Ana")
    expect(phone.get_by_label("Your partner's first name")).to_be_visible()
    expect(phone.get_by_text("Only for your partner's story")).to_be_visible()
