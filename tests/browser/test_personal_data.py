"""Personal data: the phone's note while typing, the browser's rules against the server's,
and masking from the console."""

import re

from playwright.sync_api import expect

from ai_workshop.extensions import db
from ai_workshop.stories.personal_data import find_personal_data
from ai_workshop.workshops.services import find_workshop, set_phase

from ..factories import Factories
from ..support.browser import PHONE, join
from ..support.browser import log_in as login
from ..unit.test_personal_data import FLAGGED, ORDINARY, SENTENCES

EMAIL_NOTE = "This looks like an e-mail address."
PHONE_NOTE = "This looks like a phone number."


def open_discovery(live_server, seeded) -> None:
    with live_server.app_ref.app_context():
        set_phase(find_workshop(seeded["code"]), "discover")
        db.session.commit()
        db.session.remove()


def test_the_story_form_notes_personal_data_while_typing_and_still_sends(
    browser, live_server, seeded, artifacts
):
    base, code = live_server.base_url, seeded["code"]
    open_discovery(live_server, seeded)
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, "Ana")
    story, story_note = phone.locator("#story"), phone.locator("#story-personal")
    headline_note = phone.locator("#headline-personal")
    expect(phone.locator(".phone-intro")).to_contain_text("Leave out customers' names")
    story.fill("The customer wrote to me from ")
    expect(story_note).to_be_hidden()
    story.press_sequentially("jo.bloggs@example.com and I answered at once.")
    expect(story_note).to_be_visible()
    expect(story_note).to_contain_text(EMAIL_NOTE)
    expect(story_note).to_contain_text("write 'the customer' instead")
    expect(story).to_have_attribute("aria-describedby", re.compile("story-personal"))
    expect(headline_note).to_be_hidden()
    phone.screenshot(path=artifacts / "browser-phone-personal-data-note.png", full_page=True)

    story.fill("The customer wrote to me and I answered at once, 24/7, in 10 minutes.")
    expect(story_note).to_be_hidden()
    expect(story).not_to_have_attribute("aria-describedby", re.compile("story-personal"))

    phone.fill("#headline", "Called back on 020 7946 0958")
    expect(headline_note).to_contain_text(PHONE_NOTE)
    phone.locator("label.chip", has_text=re.compile("^patience$")).click()
    phone.click("[data-submit]")  # the note never blocks sending
    expect(phone.locator("#my-stories")).to_contain_text("Called back on 020 7946 0958")


def test_the_browser_finds_what_the_server_finds(browser, live_server, seeded):
    """personal-data.js mirrors personal_data.py: same kinds at the same positions."""
    base, code = live_server.base_url, seeded["code"]
    open_discovery(live_server, seeded)
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code)
    sentences = [text for text, _kind in FLAGGED] + ORDINARY + [text for text, _ in SENTENCES]
    sentences += [f"Ring {text} on 12/03/2025 at 14:30, or pay £1,250.00." for text, _ in FLAGGED]
    in_browser = phone.evaluate(
        "texts => texts.map(t => window.AIW.findPersonalData(t).map(f => [f.kind, f.start, f.end]))",
        sentences,
    )
    on_server = [
        [[finding.kind, finding.start, finding.end] for finding in find_personal_data(text)]
        for text in sentences
    ]
    assert dict(zip(sentences, in_browser, strict=True)) == dict(
        zip(sentences, on_server, strict=True)
    )


def test_the_console_masks_a_flagged_story_and_then_all(browser, live_server, seeded, artifacts):
    base, code = live_server.base_url, seeded["code"]
    with live_server.app_ref.app_context():
        make, workshop = Factories(), find_workshop(code)
        set_phase(workshop, "discover")
        teller = make.participant(workshop, "Priya")
        make.story(workshop, teller, headline="Mail from jo@example.org")
        make.story(workshop, teller, headline="Called back on 020 7946 0958")
        make.story(workshop, teller, headline="Night shift hero")
        db.session.remove()
    console = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
    login(console, base, seeded["email"], seeded["password"])
    console.goto(f"{base}/workshops/{code}/console")
    badges = console.locator("[data-personal-data]")
    expect(badges).to_have_count(2)
    expect(badges.first).to_contain_text("Personal data? phone number")
    called = console.locator(".story-item", has_text="Called back on")
    called.get_by_role("button", name="Mask personal data").click()
    expect(console.locator("[data-toast]")).to_contain_text("Masked 1 personal detail")
    expect(
        console.locator(".story-item h3", has_text="Called back on [phone number]")
    ).to_be_visible()
    expect(badges).to_have_count(1)

    console.once("dialog", lambda dialog: dialog.accept())
    console.get_by_role("button", name="Mask all").click()
    expect(console.locator("[data-toast]")).to_contain_text("Masked personal details in 1 story.")
    expect(badges).to_have_count(0)
    expect(console.locator(".story-item h3", has_text="Mail from [e-mail]")).to_be_visible()
    expect(console.locator(".story-item h3", has_text="Night shift hero")).to_be_visible()
