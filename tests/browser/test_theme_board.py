"""The theme board in Chromium: drag and drop, the keyboard path, and the live projector map."""

from playwright.sync_api import expect

from ai_workshop.extensions import db
from ai_workshop.models import Story, Theme
from ai_workshop.workshops.services import find_workshop

from ..support.board_stories import fill_workshop
from ..support.browser import log_in, wait_until_settled


def theme_of(app, headline: str) -> str | None:
    with app.app_context():
        story = Story.query.filter_by(headline=headline).one()
        name = db.session.get(Theme, story.theme_id).name if story.theme_id else None
        db.session.remove()
        return name


def open_board(browser, live_server, seeded):
    base, code = live_server.base_url, seeded["code"]
    desk = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = desk.new_page()
    log_in(page, base, seeded["email"], seeded["password"])
    page.goto(f"{base}/board/{code}")
    expect(page.locator("[data-connection]").first).to_have_attribute("data-state", "online")
    page.get_by_role("button", name="Suggest themes").click()
    # The first suggestion loads the word vectors: give it longer than a click.
    expect(page.locator("section.column[data-theme-id]").first).to_be_visible(timeout=30000)
    # The live stream redraws the board once more after a suggestion; a drag that starts
    # during that redraw is dropped with the old cards, so wait until the board is current.
    with live_server.app_ref.app_context():
        version = find_workshop(code).version
        db.session.remove()
    expect(page.locator(f'#theme-board[data-version="{version}"]')).to_be_attached()
    # It may already show that version while a refetch asked for meanwhile is on its way.
    wait_until_settled(page)
    return desk, page


def test_drag_a_story_to_another_theme(browser, live_server, seeded, artifacts):
    fill_workshop(live_server.app_ref, seeded["code"])
    _desk, page = open_board(browser, live_server, seeded)
    columns = page.locator("section.column[data-theme-id]")
    source, target = columns.nth(0), columns.nth(1)
    card = source.locator(".board-card").first
    headline = card.locator("h4").inner_text()
    target_name = target.locator('.rename textarea[name="name"]').input_value()
    # As a hand does it: press, move in steps over the other theme's cards, release.
    start = card.locator("h4").bounding_box()
    end = target.locator(".board-card").first.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=12)
    page.mouse.up()
    expect(target.locator(".board-card h4", has_text=headline)).to_be_visible()
    expect(page.locator(f'.board-card:has(h4:text-is("{headline}")) .lock')).to_be_visible()
    assert theme_of(live_server.app_ref, headline) == target_name
    page.screenshot(path=artifacts / "board-after-drag.png")


def test_move_a_story_with_the_keyboard_and_undo(browser, live_server, seeded):
    fill_workshop(live_server.app_ref, seeded["code"])
    _desk, page = open_board(browser, live_server, seeded)
    card = page.locator("section.column[data-theme-id]").nth(0).locator(".board-card").first
    headline = card.locator("h4").inner_text()
    card.locator("summary").focus()
    page.keyboard.press("Enter")  # open the Move… menu
    page.keyboard.press("Tab")  # to the theme list
    select = card.locator('select[name="target"]')
    expect(select).to_be_focused()
    for _ in range(20):  # walk down the list to the parking lot
        page.keyboard.press("ArrowDown")
    expect(select).to_have_value("parking")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the Move button
    parking = page.locator("section.column.parking")
    expect(parking.locator(".board-card h4", has_text=headline)).to_be_visible()
    page.get_by_role("button", name="Undo: Move").click()
    expect(parking.locator(".board-card h4", has_text=headline)).to_have_count(0)


def test_a_live_redraw_keeps_keyboard_focus_and_open_menus(browser, live_server, seeded):
    fill_workshop(live_server.app_ref, seeded["code"])
    _desk, page = open_board(browser, live_server, seeded)
    card = page.locator("section.column[data-theme-id]").nth(0).locator(".board-card").first
    summary = card.locator("summary")
    summary.focus()
    redrawn = "new Promise(done => { document.addEventListener('live:updated', done, {once: true}); AIW.live.refresh(); })"
    page.evaluate(redrawn)
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    page.evaluate(redrawn)
    expect(card.locator("details")).to_have_attribute("open", "")
    expect(summary).to_be_focused()
    page.keyboard.press("Tab")
    expect(card.locator('select[name="target"]')).to_be_focused()


def test_projector_map_follows_the_board(browser, live_server, seeded, artifacts):
    fill_workshop(live_server.app_ref, seeded["code"])
    desk, page = open_board(browser, live_server, seeded)
    projector = desk.new_page()
    projector.set_viewport_size({"width": 1920, "height": 1080})
    projector.goto(f"{live_server.base_url}/projector/{seeded['code']}")
    expect(projector.locator(".discovery")).to_be_visible()
    page.get_by_role("button", name="Show on projector").click()
    expect(projector.locator(".positive-core")).to_be_visible()
    first = page.locator("section.column[data-theme-id]").first
    name_box = first.locator('.rename textarea[name="name"]')
    name_box.fill("Owning it end to end")
    name_box.press("Enter")
    expect(projector.locator(".core-card h2", has_text="Owning it end to end")).to_be_visible()
    projector.screenshot(path=artifacts / "projector-positive-core.png")
    page.screenshot(path=artifacts / "board.png")


def test_suggest_again_previews_then_applies(browser, live_server, seeded, artifacts):
    fill_workshop(live_server.app_ref, seeded["code"], count=24)
    _desk, page = open_board(browser, live_server, seeded)
    columns = page.locator("section.column[data-theme-id]")
    first = columns.first
    name_box = first.locator('.rename textarea[name="name"]')
    name_box.fill("Ours, by hand")
    name_box.press("Enter")
    name_box.blur()  # the live board waits while someone types
    expect(page.get_by_role("button", name="Undo: Rename")).to_be_visible()
    count = columns.count()
    other_k = "3" if count != 3 else "4"  # a number of themes the board does not have

    page.locator("#suggest-k").select_option(other_k)
    page.get_by_role("button", name="Suggest again").click()
    preview = page.locator("#suggest-preview")
    expect(preview).to_be_visible(timeout=30000)
    expect(preview).to_contain_text("Kept as you shaped them")
    expect(preview).to_contain_text("Ours, by hand")
    page.screenshot(path=artifacts / "board-suggest-again-preview.png")
    preview.get_by_role("link", name="Cancel").click()
    expect(page.locator("#suggest-preview")).to_have_count(0)
    expect(columns).to_have_count(count)  # cancelled: nothing changed
    expect(page.locator("[data-connection]").first).to_have_attribute("data-state", "online")

    page.locator("#suggest-k").select_option(other_k)
    page.get_by_role("button", name="Suggest again").click()
    apply = page.locator("#suggest-preview").get_by_role("button", name="Apply changes")
    apply.click(timeout=60000)
    expect(page.locator(".flash.success")).to_contain_text("Suggestion applied")
    expect(page.locator("#suggest-preview")).to_have_count(0)
    expect(page.locator('.rename textarea[name="name"]').first).to_have_value("Ours, by hand")
    assert columns.count() != count  # the number asked for, not the automatic one
    page.get_by_role("button", name="Undo: Suggest themes").click()
    expect(columns).to_have_count(count)
