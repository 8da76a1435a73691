"""A facilitator and three phones run Discovery; the projector follows without a reload."""

import re

from playwright.sync_api import expect

from ..support.browser import PHONE, join
from ..support.browser import log_in as login

PEOPLE = [
    ("Amira", "The refund that became a referral", "named", "patience"),
    ("Jonas", "Night shift, lost passport, happy ending", "anonymous", "empathy"),
    ("", "A private high point", "private", "warmth"),
]


def log_in(page, base_url, seeded):
    login(page, base_url, seeded["email"], seeded["password"])


def write_story(phone, headline, consent, strength):
    phone.fill("#headline", headline)
    phone.fill("#story", f"{headline}: what happened, who was there and what we did about it.")
    phone.fill("#made_possible", "A colleague who had our back.")
    phone.get_by_label("Find a strength").fill(strength)  # chips past the first few hide
    phone.locator("label.chip", has_text=re.compile(f"^{strength}$")).click()
    phone.locator(f'input[name="consent"][value="{consent}"]').check()
    phone.click("[data-submit]")
    expect(phone.locator("#my-stories")).to_contain_text(headline)


def test_three_phones_join_and_their_stories_reach_the_projector_live(
    browser, live_server, seeded, artifacts
):
    base, code = live_server.base_url, seeded["code"]
    desk = browser.new_context(viewport={"width": 1920, "height": 1080})
    console = desk.new_page()
    log_in(console, base, seeded)
    console.goto(f"{base}/workshops/{code}/console")
    projector = desk.new_page()
    projector.goto(f"{base}/projector/{code}")
    expect(projector.locator("[data-connection]").first).to_have_attribute("data-state", "online")
    projector.evaluate("window.__notReloaded = true")

    phones = [browser.new_context(**PHONE).new_page() for _ in PEOPLE]
    for phone, (name, *_rest) in zip(phones, PEOPLE, strict=True):
        join(phone, base, code, name)
        expect(phone.locator(".waiting h1")).to_contain_text("You're in")
    expect(projector.locator("[data-joined]")).to_have_text("3")

    console.locator('li[data-phase="discover"] button').click()
    for phone in phones:
        expect(phone.locator("[data-story-form]")).to_be_visible(timeout=15000)
    expect(projector.locator(".discovery")).to_be_visible()

    for phone, (_name, headline, consent, strength) in zip(phones, PEOPLE, strict=True):
        write_story(phone, headline, consent, strength)

    write_story(phones[0], "A second story from the same phone", "anonymous", "empathy")
    expect(phones[0].locator("#my-stories .my-story")).to_have_count(2)
    expect(phones[0].locator("#headline")).to_have_value("")  # no stale draft comes back

    expect(projector.locator("[data-story-count]")).to_have_text("4")
    ticker = projector.locator(".ticker")
    expect(ticker).to_contain_text("The refund that became a referral")
    expect(ticker).to_contain_text("Amira")
    expect(ticker).to_contain_text("Night shift, lost passport")
    expect(ticker).not_to_contain_text("A private high point")
    expect(projector.locator(".cloud")).to_contain_text("warmth")  # private still counts
    assert projector.evaluate("window.__notReloaded") is True
    expect(console.locator(".story-item")).to_have_count(4)
    projector.screenshot(path=artifacts / "browser-projector-discovery.png")
    phones[0].screenshot(path=artifacts / "browser-phone-after-submit.png", full_page=True)


def test_console_moderation_updates_the_projector(browser, live_server, seeded):
    base, code = live_server.base_url, seeded["code"]
    desk = browser.new_context(viewport={"width": 1600, "height": 1000})
    console = desk.new_page()
    log_in(console, base, seeded)
    console.goto(f"{base}/workshops/{code}/console")
    console.locator('li[data-phase="discover"] button').click()
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, "Tomás")
    expect(phone.locator("[data-story-form]")).to_be_visible(timeout=15000)
    write_story(phone, "A headline to hide", "anonymous", "patience")
    projector = desk.new_page()
    projector.goto(f"{base}/projector/{code}")
    expect(projector.locator(".ticker")).to_contain_text("A headline to hide")
    console.get_by_role("button", name="Hide from projector").click()
    expect(projector.locator(".ticker")).not_to_contain_text("A headline to hide")
    expect(console.locator(".story-item.is-hidden")).to_have_count(1)


def test_draft_survives_a_reload_and_the_timer_reaches_the_phone(browser, live_server, seeded):
    base, code = live_server.base_url, seeded["code"]
    desk = browser.new_context()
    console = desk.new_page()
    log_in(console, base, seeded)
    console.goto(f"{base}/workshops/{code}/console")
    console.locator('li[data-phase="discover"] button').click()
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, "Sam")
    expect(phone.locator("[data-story-form]")).to_be_visible(timeout=15000)
    phone.fill("#headline", "Half-written headline")
    phone.fill("#story", "Typed before the phone locked")
    phone.reload()
    expect(phone.locator("#headline")).to_have_value("Half-written headline")
    expect(phone.locator("#story")).to_have_value("Typed before the phone locked")
    console.locator("#timer-minutes").fill("5")
    console.get_by_role("button", name="Start").click()
    expect(phone.locator("[data-timer-chip]")).to_be_visible(timeout=10000)
    expect(phone.locator("[data-timer-chip] [data-timer]")).to_have_text(
        re.compile(r"^4:5\d|5:00$")
    )


def test_story_form_works_with_javascript_off(browser, live_server, seeded):
    base, code = live_server.base_url, seeded["code"]
    with live_server.app_ref.app_context():
        from ai_workshop.extensions import db
        from ai_workshop.workshops.services import find_workshop, set_phase

        set_phase(find_workshop(code), "discover")
        db.session.commit()
        db.session.remove()
    phone = browser.new_context(java_script_enabled=False, **PHONE).new_page()
    join(phone, base, code, "No-JS")
    phone.fill("#headline", "Sent without JavaScript")
    phone.fill("#story", "Plain HTML forms still carry the story all the way.")
    phone.locator("label.chip", has_text=re.compile("^patience$")).click()
    phone.click("[data-submit]")
    expect(phone.locator(".flash.success")).to_contain_text("Your story arrived")
    expect(phone.locator("#my-stories")).to_contain_text("Sent without JavaScript")
