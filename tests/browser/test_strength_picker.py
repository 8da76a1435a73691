"""The strength picker at phone size: the room's chips first, a search over the rest, a
counter that counts the teller's own words, and few Tab presses from the headline to Send."""

import re

from playwright.sync_api import expect

from ai_workshop.extensions import db
from ai_workshop.models import Story
from ai_workshop.workshops.services import find_workshop, set_phase

from ..factories import Factories
from ..support.browser import PHONE, join

MOST_TABS_TO_SEND = 20


def discovery_with_stories(live_server, code) -> None:
    """Discovery open, and earlier stories that named two chips from deep in the list."""
    with live_server.app_ref.app_context():
        workshop = find_workshop(code)
        set_phase(workshop, "discover")
        make = Factories()
        teller = make.participant(workshop, "Earlier")
        make.story(workshop, teller, strengths=["gratitude", "initiative"])
        make.story(workshop, teller, strengths=["gratitude"])
        db.session.commit()
        db.session.remove()


def tab_presses_to_send(phone) -> int:
    """Tab from the headline until Send has focus; every stop must be in plain sight."""
    phone.focus("#headline")
    for presses in range(1, 80):
        phone.keyboard.press("Tab")
        stop = phone.evaluate(
            """() => {
              const el = document.activeElement;
              const box = (el.closest('.chip, .choice') || el).getBoundingClientRect();
              const bar = document.querySelector('.submit-bar').getBoundingClientRect();
              const head = document.querySelector('.phone-head').getBoundingClientRect();
              return {send: el.matches('[data-submit]'), inBar: !!el.closest('.submit-bar'),
                      top: box.top, bottom: box.bottom, barTop: bar.top, headBottom: head.bottom,
                      name: el.id || el.name || el.tagName};
            }"""
        )
        if stop["send"]:
            return presses
        assert stop["inBar"] or stop["bottom"] <= stop["barTop"] + 1, f"hidden by Send: {stop}"
        assert stop["top"] >= stop["headBottom"] - 1, f"hidden by the header: {stop}"
    raise AssertionError("Send never took focus")


def test_the_picker_is_short_searchable_and_counts_own_words(
    browser, live_server, seeded, artifacts
):
    base, code = live_server.base_url, seeded["code"]
    discovery_with_stories(live_server, code)
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, "Ana")
    picker = phone.locator("[data-strength-picker]")
    shown = picker.locator("[data-chips] label.chip")
    expect(shown.first).to_have_text("gratitude")
    expect(shown.nth(1)).to_have_text("initiative")
    expect(shown).to_have_count(8)
    expect(picker.locator("[data-more-strengths] label.chip").first).to_be_hidden()

    assert tab_presses_to_send(phone) <= MOST_TABS_TO_SEND

    count = picker.locator("[data-selection-count]")
    expect(count).to_have_text("0 of 4")
    expect(count).to_have_attribute("aria-live", "polite")
    picker.locator("label.chip", has_text=re.compile("^patience$")).click()
    expect(count).to_have_text("1 of 4")

    search = picker.get_by_label("Find a strength")
    search.fill("warm")
    warmth = picker.locator("label.chip", has_text=re.compile("^warmth$"))
    expect(warmth).to_be_visible()
    expect(picker.locator("label.chip", has_text=re.compile("^patience$"))).to_be_visible()
    expect(picker.locator("label.chip", has_text=re.compile("^empathy$"))).to_be_hidden()
    warmth.click()
    expect(count).to_have_text("2 of 4")

    search.fill("calm under pressure")
    expect(picker.locator("[data-strength-result]")).to_have_text(
        "None of the listed strengths matches."
    )
    search.press("Enter")  # adds the words; never sends the story
    own = phone.locator("#other_strengths")
    expect(own).to_have_value("calm under pressure")
    expect(count).to_have_text("3 of 4")
    expect(search).to_have_value("")
    phone.screenshot(path=artifacts / "browser-phone-strength-picker.png", full_page=True)

    own.fill("calm under pressure, humour, grit")
    expect(count).to_have_text("5 of 4")
    errors = picker.locator("[data-strength-errors]")
    expect(errors).to_have_text("Pick at most 4 strengths.")
    assert errors.bounding_box()["y"] > own.bounding_box()["y"]  # right under the own words
    expect(own).to_have_attribute("aria-invalid", "true")
    phone.click("[data-submit]")
    expect(own).to_be_focused()
    expect(errors).to_have_text("Pick at most 4 strengths.")

    own.fill("calm under pressure")
    expect(errors).to_be_empty()
    expect(own).not_to_have_attribute("aria-invalid", "true")
    expect(count).to_have_text("3 of 4")
    phone.fill("#headline", "Three strengths and a search")
    phone.fill(
        "#story", "A customer waited an hour and left smiling because we kept them in the loop."
    )
    phone.click("[data-submit]")
    expect(phone.locator("#my-stories")).to_contain_text("Three strengths and a search")
    with live_server.app_ref.app_context():
        story = db.session.query(Story).filter_by(headline="Three strengths and a search").one()
        assert story.strength_names == ["patience", "warmth", "calm under pressure"]
