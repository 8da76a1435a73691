"""A new screen of the same phase reloads the phone; the reader's place survives it, even
when the new screen adds a section above (the positive core shown at the top)."""

from playwright.sync_api import expect

from ai_workshop.board.services import create_theme, show_on_projector
from ai_workshop.extensions import db
from ai_workshop.models import Participant
from ai_workshop.workshops.services import find_workshop, set_phase

from ..factories import Factories
from ..support.browser import PHONE, join

TOLERANCE_PX = 40
# Further down, a list whose chips wrap differently after the reload (the strength picker
# orders chips by use) may move a line or two; the reader's own place may not.
NEARBY_PX = 100
# The topmost named item below the phone's header: what the reader is looking at.
TOPMOST_IN_VIEW = """() => {
  const head = document.querySelector('.phone-head');
  const top = head ? head.getBoundingClientRect().bottom : 0;
  for (const el of document.querySelectorAll('.phone-main [data-key], .phone-main [id]')) {
    if (el.matches('input, select, textarea, option, label')) continue;
    const rect = el.getBoundingClientRect();
    if (rect.bottom > top && rect.height > 0) {
      const selector = el.id ? '#' + CSS.escape(el.id) : '[data-key="' + el.dataset.key + '"]';
      return {selector: selector, top: rect.top};
    }
  }
  return null;
}"""


def _in_room(app, code, change) -> None:
    with app.app_context():
        change(find_workshop(code))
        db.session.commit()
        db.session.remove()


def _top(phone, selector) -> float:
    return phone.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().top")


def test_the_reader_keeps_their_place_when_the_positive_core_is_shown(browser, live_server, seeded):
    app, base, code = live_server.app_ref, live_server.base_url, seeded["code"]
    _in_room(app, code, lambda workshop: set_phase(workshop, "discover"))
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, "Sam")

    def sams_stories(workshop):
        sam = db.session.query(Participant).filter_by(display_name="Sam").one()
        for number in range(3):
            Factories().story(workshop, sam, headline=f"Sam's high point {number}")

    _in_room(app, code, sams_stories)
    phone.reload()
    stories = phone.locator("#my-stories")
    expect(stories).to_contain_text("Sam's high point 2")
    stories.scroll_into_view_if_needed()
    phone.evaluate("window.scrollBy(0, -300)")  # the end of the form and the stories below
    before = _top(phone, "#my-stories-title")
    assert 200 < before < 700, before
    seen = phone.evaluate(TOPMOST_IN_VIEW)
    phone.evaluate("window.__notReloaded = true")

    def core_shown(workshop):
        for name in ("Listening first", "Owning the problem", "Teaching the customer"):
            create_theme(workshop, name)
        show_on_projector(workshop, True)

    _in_room(app, code, core_shown)

    expect(phone.locator(".phone-themes")).to_contain_text("Owning the problem", timeout=15000)
    phone.wait_for_load_state("load")
    assert phone.evaluate("window.__notReloaded") is None  # the phone reloaded itself
    after = _top(phone, "#my-stories-title")
    assert abs(after - before) < NEARBY_PX, (before, after)
    # What the reader was looking at (the topmost item in view) is where it was.
    assert abs(_top(phone, seen["selector"]) - seen["top"]) < TOLERANCE_PX, seen
