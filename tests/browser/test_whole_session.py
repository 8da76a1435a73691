"""A whole session in Chromium, Welcome to Closed: a facilitator, the projector and three phones."""

import re

from playwright.sync_api import expect

from ..support.board_stories import fill_workshop
from ..support.browser import PHONE, join, log_in

NAMES = ["Amira", "Jonas", "Priya"]


def go_to_phase(console, phase: str) -> None:
    console.locator(f'li[data-phase="{phase}"] button').click()
    expect(console.locator(f'li[data-phase="{phase}"] button[aria-current="step"]')).to_be_visible()


def shoot(page, artifacts, name: str) -> None:
    page.screenshot(path=artifacts / f"session-{name}.png")


def test_a_whole_session_from_welcome_to_closed(browser, live_server, seeded, artifacts):
    base, code = live_server.base_url, seeded["code"]
    desk = browser.new_context(viewport={"width": 1440, "height": 900})
    console = desk.new_page()
    log_in(console, base, seeded["email"], seeded["password"])
    console.goto(f"{base}/workshops/{code}/console")
    projector = desk.new_page()
    projector.set_viewport_size({"width": 1920, "height": 1080})
    projector.goto(f"{base}/projector/{code}")
    projector.evaluate("window.__notReloaded = true")

    phones = []
    for name in NAMES:
        page = browser.new_context(**PHONE).new_page()
        join(page, base, code, name)
        phones.append(page)
    expect(projector.locator("[data-joined]")).to_have_text("3")
    shoot(projector, artifacts, "1-welcome-projector")

    # Discovery: eight stories from paper plus one from each phone.
    fill_workshop(live_server.app_ref, code, count=8)
    go_to_phase(console, "discover")
    for number, page in enumerate(phones):
        expect(page.locator("[data-story-form]")).to_be_visible(timeout=15000)
        page.fill("#headline", f"High point number {number + 1}")
        page.fill(
            "#story", "A customer felt truly helped because we stayed with the problem to the end."
        )
        page.locator("label.chip").nth(number).click()
        page.click("[data-submit]")
        expect(page.locator("#my-stories")).to_contain_text(f"High point number {number + 1}")
    expect(projector.locator("[data-story-count]")).to_have_text("11")
    shoot(projector, artifacts, "2-discovery-projector")
    shoot(phones[0], artifacts, "2-discovery-phone")

    # Themes: suggest three, show the positive core.
    board = desk.new_page()
    board.goto(f"{base}/board/{code}")
    board.locator("#suggest-k").select_option("3")
    board.get_by_role("button", name="Suggest themes").click()
    expect(board.locator("section.column[data-theme-id]")).to_have_count(3)
    board.get_by_role("button", name="Show on projector").click()
    expect(projector.locator(".core-card")).to_have_count(3)
    shoot(projector, artifacts, "3-themes-projector")

    # Dream: statements, then a dot vote on the themes.
    go_to_phase(console, "dream")
    for number, page in enumerate(phones):
        expect(page.locator('form[data-draft="dream"]')).to_be_visible(timeout=15000)
        page.fill("#text", f"Customers tell their friends about dream {number + 1}")
        page.get_by_role("button", name="Add my dream").click()
        expect(page.locator("#my-dreams")).to_contain_text(f"dream {number + 1}")
    expect(projector.locator(".wall-card")).to_have_count(3)
    shoot(projector, artifacts, "4-dream-projector")
    shoot(phones[0], artifacts, "4-dream-phone")
    console.locator('select[name="target"]').select_option("themes")
    console.locator('input[name="dots"]').fill("2")
    console.get_by_role("button", name="Open a vote").click()
    for number, page in enumerate(phones):
        expect(page.locator("[data-vote]")).to_be_visible(timeout=15000)
        plus = page.locator(".vote-option").nth(number % 2).locator('[data-dot="1"]')
        plus.click()
        expect(page.locator("[data-dots-left]")).to_have_text("1")
        plus.click()
        expect(page.locator("[data-dots-left]")).to_have_text("0")
    expect(projector.locator(".bar-row")).to_have_count(3)
    expect(projector.locator(".bar-row").first.locator(".bar-value")).to_have_text("4")
    shoot(projector, artifacts, "5-vote-projector")
    console.reload()
    shoot(console, artifacts, "5-vote-console")
    shoot(phones[0], artifacts, "5-vote-phone")
    console.get_by_role("button", name="Close the vote").click()
    console.get_by_role("button", name="Carry these into Design").click()

    # Design: propositions, with the present-tense hint as people type.
    go_to_phase(console, "design")
    page = phones[0]
    expect(page.locator("form[data-tense-check]")).to_be_visible(timeout=15000)
    page.fill("#text", "We will own every issue until the customer says it is solved")
    expect(page.locator("[data-tense-output]")).to_contain_text("will")
    page.fill("#text", "We own every issue until the customer says it is solved")
    expect(page.locator("[data-tense-output]")).to_be_hidden()
    page.get_by_role("button", name="Add my proposition").click()
    expect(page.locator("#my-propositions")).to_contain_text("We own every issue")
    expect(projector.locator(".proposition")).to_contain_text("We own every issue")
    shoot(projector, artifacts, "6-design-projector")
    shoot(page, artifacts, "6-design-phone")

    # Destiny: an action, a volunteer, a commitment.
    go_to_phase(console, "destiny")
    page = phones[0]
    expect(page.locator("#actions")).to_be_visible(timeout=15000)
    page.locator("details.propose summary").click()
    page.fill("#title", "Start a weekly callback huddle")
    page.locator("#proposition_id").select_option(index=1)
    page.fill("#owner", "Amira")
    page.get_by_role("button", name="Add the action").click()
    expect(page.locator("#actions")).to_contain_text("Start a weekly callback huddle")
    helper = phones[1]
    # Let the phone finish its own move to Destiny before reloading it for the new action.
    expect(helper.locator("#actions")).to_be_visible(timeout=15000)
    helper.reload()
    helper.get_by_role("button", name="I'm in").click()
    expect(helper.get_by_role("button", name="Leave the team")).to_be_visible()
    third = phones[2]
    expect(third.locator("#actions")).to_be_visible(timeout=15000)
    third.reload()
    third.locator('input[name="kind"][value="offer"]').check()
    third.fill("#text", "I can coach new starters on callbacks")
    third.get_by_role("button", name="Add it").click()
    expect(third.locator("#my-commitments")).to_contain_text("coach new starters")
    expect(projector.locator(".action-tile")).to_contain_text("2 on the team")
    expect(projector.locator(".commitments")).to_contain_text("— Priya")
    shoot(projector, artifacts, "7-destiny-projector")
    shoot(third, artifacts, "7-destiny-phone")

    # The console traces the action back to its stories.
    console.reload()
    shoot(console, artifacts, "7-destiny-console")
    console.get_by_role("link", name="Edit and trace").click()
    shoot(console, artifacts, "7-action-trace")
    expect(console.locator(".chain")).to_contain_text("Proposition")
    expect(console.locator(".chain")).to_contain_text(re.compile(r"\d+ stor(y|ies)"))
    console.go_back()

    go_to_phase(console, "closed")
    expect(projector.locator(".thanks")).to_be_visible()
    expect(projector.locator(".numbers")).to_contain_text("11")
    for page in phones:
        expect(page.locator(".closed h1")).to_have_text("Thank you!", timeout=15000)
    shoot(projector, artifacts, "8-closed-projector")
    shoot(phones[0], artifacts, "8-closed-phone")
    assert projector.evaluate("window.__notReloaded") is True
