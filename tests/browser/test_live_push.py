"""In real Chromium: the projector and console insert pushed stories without refetching, a
story pushed while a refetch is on its way is inserted into what it brings, and a hide
redraws at once."""

import time

from playwright.sync_api import expect

from ai_workshop.extensions import db
from ai_workshop.models import Story
from ai_workshop.stories.services import set_hidden
from ai_workshop.workshops.services import find_workshop, set_phase

from ..factories import Factories
from ..support.browser import PROJECTOR
from ..support.browser import log_in as login

PANEL = "/panel"


def in_app(live_server, action):
    with live_server.app_ref.app_context():
        try:
            return action(Factories())
        finally:
            db.session.remove()


def open_discovery(live_server, seeded):
    def discover(make):
        workshop = find_workshop(seeded["code"])
        set_phase(workshop, "discover")
        db.session.commit()
        return make.participant(workshop, "Amira").id

    return in_app(live_server, discover)


def tell(live_server, code, teller_id, headline):
    from ai_workshop.models import Participant

    def story(make):
        return make.story(
            find_workshop(code), db.session.get(Participant, teller_id), headline=headline,
            consent="named",
        ).id  # fmt: skip

    return in_app(live_server, story)


def projector_page(browser, base, seeded):
    page = browser.new_context(viewport=PROJECTOR).new_page()
    login(page, base, seeded["email"], seeded["password"])
    page.goto(f"{base}/projector/{seeded['code']}")
    expect(page.locator("[data-connection]").first).to_have_attribute("data-state", "online")
    return page


def panel_fetches(page) -> list:
    fetched = []
    page.on(
        "request", lambda request: fetched.append(request.url) if PANEL in request.url else None
    )
    return fetched


def test_a_story_is_inserted_on_the_projector_and_console_without_a_refetch(
    browser, live_server, seeded
):
    base, code = live_server.base_url, seeded["code"]
    teller = open_discovery(live_server, seeded)
    desk = browser.new_context(viewport=PROJECTOR)
    console = desk.new_page()
    login(console, base, seeded["email"], seeded["password"])
    console.goto(f"{base}/workshops/{code}/console")
    projector = desk.new_page()
    projector.goto(f"{base}/projector/{code}")
    for page in (projector, console):
        expect(page.locator("[data-connection]").first).to_have_attribute("data-state", "online")
    time.sleep(1.5)  # the first refetch after connecting is done
    fetched = {"projector": panel_fetches(projector), "console": panel_fetches(console)}

    story_id = tell(live_server, code, teller, "Pushed to the big screen")
    ticker_line = projector.locator(f'.ticker [data-story-id="{story_id}"]')
    expect(ticker_line).to_contain_text("Pushed to the big screen")
    expect(ticker_line).to_contain_text("Amira")
    expect(projector.locator("[data-story-count]")).to_have_text("1")
    expect(projector.locator('[data-push-label="stories"]')).to_have_text("story shared")
    expect(projector.locator('[data-push-label="joined_footer"]')).to_have_text("1 joined")
    card = console.locator(f'.story-feed [data-story-id="{story_id}"]')
    expect(card).to_contain_text("Pushed to the big screen")
    expect(card.get_by_role("button", name="Hide from projector")).to_be_visible()
    assert fetched == {"projector": [], "console": []}  # inserted, not refetched

    # The console's pushed card works as a drawn one: its hide redraws the projector at once.
    card.get_by_role("button", name="Hide from projector").click()
    expect(ticker_line).to_have_count(0, timeout=1500)
    expect(console.locator(f'[data-story-id="{story_id}"].is-hidden')).to_have_count(1)


# The page's panel fetches read the database at once and arrive 1.5 s later, counted.
SLOW_PANEL = """() => {
  const plain = window.fetch;
  window.panelFetches = 0;
  window.fetch = function (url, options) {
    window.panelFetches += 1;
    return plain(url, options).then((response) => response.text().then((body) =>
      new Promise((arrive) => setTimeout(() => arrive(new Response(body, {status: response.status})), 1500))));
  };
}"""


def test_a_story_pushed_during_a_refetch_is_inserted_into_what_it_brings(
    browser, live_server, seeded
):
    base, code = live_server.base_url, seeded["code"]
    teller = open_discovery(live_server, seeded)
    projector = projector_page(browser, base, seeded)
    time.sleep(0.5)
    projector.evaluate(SLOW_PANEL)
    projector.evaluate("window.AIW.live.refresh()")  # reads now, arrives in 1.5 s
    time.sleep(0.3)
    story_id = tell(live_server, code, teller, "Arrived while the panel was on its way")
    line = projector.locator(f'.ticker [data-story-id="{story_id}"]')
    expect(line).to_contain_text("Arrived while the panel was on its way", timeout=2500)
    # Inserted into the panel as it arrived, without the story, not by another fetch.
    assert projector.evaluate("window.panelFetches") == 1


def test_a_hidden_story_leaves_the_projector_at_once(browser, live_server, seeded):
    base, code = live_server.base_url, seeded["code"]
    teller = open_discovery(live_server, seeded)
    projector = projector_page(browser, base, seeded)
    story_id = tell(live_server, code, teller, "A customer's number by mistake")
    line = projector.locator(f'.ticker [data-story-id="{story_id}"]')
    expect(line).to_have_count(1)

    def hide(_make):
        set_hidden(db.session.get(Story, story_id), True)
        db.session.commit()

    hidden_at = time.monotonic()
    in_app(live_server, hide)
    expect(line).to_have_count(0, timeout=1500)  # not at the next catch-up, 2 s on
    assert time.monotonic() - hidden_at < 1.5


# Keeps a handle on the page's EventSource, as live.js opens it.
KEEP_SOURCES = """
window.__sources = [];
const PlainEventSource = window.EventSource;
window.EventSource = function (url, options) {
  const source = new PlainEventSource(url, options);
  window.__sources.push(source);
  return source;
};
window.EventSource.CLOSED = PlainEventSource.CLOSED;
"""


def test_a_push_after_a_gap_in_the_versions_refetches_so_nothing_is_missed(
    browser, live_server, seeded
):
    base, code = live_server.base_url, seeded["code"]
    teller = open_discovery(live_server, seeded)
    context = browser.new_context(viewport=PROJECTOR)
    context.add_init_script(KEEP_SOURCES)
    projector = context.new_page()
    login(projector, base, seeded["email"], seeded["password"])
    projector.goto(f"{base}/projector/{code}")
    expect(projector.locator("[data-connection]").first).to_have_attribute("data-state", "online")
    time.sleep(0.5)
    projector.evaluate("window.__sources.at(-1).close()")  # the stream drops, unnoticed
    tell(live_server, code, teller, "Told first while the stream was down")
    missed = tell(live_server, code, teller, "Told while the stream was down")
    shown = projector.evaluate("window.AIW.lastUpdate.version")
    current = in_app(live_server, lambda _make: find_workshop(code).version)
    assert current >= shown + 2
    # The next push starts after a version the page never saw: it refetches, not inserts.
    gap = {"version": current, "previous": shown + 1, "phase": "discover", "newest": missed,
           "items": [], "counts": {}, "labels": {}}  # fmt: skip
    projector.evaluate(
        "(data) => window.__sources.at(-1).dispatchEvent("
        "new MessageEvent('version', {data: JSON.stringify(data)}))",
        gap,
    )
    line = projector.locator(f'.ticker [data-story-id="{missed}"]')
    expect(line).to_contain_text("Told while the stream was down", timeout=1500)
