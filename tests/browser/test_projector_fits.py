"""A summit-size room on the projector: every phase fits at 1920x1080 and 1280x720.

Each screen is checked in the page: no text leaves the viewport or a box that clips it,
no clipping box holds more than it shows, no two pieces of text overlap, and nothing
is cut short with "...". The main text of each screen keeps a size readable from the back
of the room: paging, not shrinking, is how a screen holds a summit's worth.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ai_workshop.extensions import db

from ..support.big_room import STRENGTHS, BigRoom
from ..support.browser import log_in

SIZES = [{"width": 1920, "height": 1080}, {"width": 1280, "height": 720}]
# Screenshots for a person to look at, outside the repository, when asked for.
SHOTS = os.environ.get("PROJECTOR_SHOTS")

FIT_PROBLEMS = """() => {
  const problems = [];
  const tolerance = 1;
  const width = window.innerWidth, height = window.innerHeight;
  const describe = (el) => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().replace(/\\s+/g, ".") : "")
    + " «" + el.textContent.trim().slice(0, 40) + "»";
  const clips = (style) => style.overflowX !== "visible" || style.overflowY !== "visible";
  const outside = (inner, outer) => inner.left < outer.left - tolerance || inner.top < outer.top - tolerance
    || inner.right > outer.right + tolerance || inner.bottom > outer.bottom + tolerance;
  const texts = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (!el.getClientRects().length || style.visibility === "hidden" || el.closest(".visually-hidden")) continue;
    if (clips(style) && el.textContent.trim() && (el.scrollWidth > el.clientWidth + tolerance
        || el.scrollHeight > el.clientHeight + tolerance)) {
      problems.push("holds more than it shows: " + describe(el) + " " + el.scrollWidth + "x" + el.scrollHeight
        + " in " + el.clientWidth + "x" + el.clientHeight);
    }
    const ownText = [...el.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
    if (!ownText) continue;
    const rect = el.getBoundingClientRect();
    if (!rect.width || !rect.height) continue;
    if (/\\.\\.\\.\\s*$/.test(el.textContent)) problems.push("cut short: " + describe(el));
    if (outside(rect, {left: 0, top: 0, right: width, bottom: height})) problems.push("leaves the screen: " + describe(el));
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (clips(getComputedStyle(box)) && outside(rect, box.getBoundingClientRect())) {
        problems.push("clipped by " + describe(box).split(" «")[0] + ": " + describe(el));
        break;
      }
    }
    texts.push([el, [...el.getClientRects()]]);
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [a, linesA] = texts[i], [b, linesB] = texts[j];
      if (a.contains(b) || b.contains(a)) continue;
      const overlap = linesA.some((ra) => linesB.some((rb) =>
        Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 2
        && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 2));
      if (overlap) problems.push("overlap: " + describe(a) + " / " + describe(b));
    }
  }
  return problems;
}"""


# The smallest the main text of each screen may be, in CSS pixels at 1920 and 1280 wide.
FLOORS = {
    "dream": {".wall-card p": (24, 16), ".prompt-title": (24, 16), ".theme-strip li": (18, 12)},
    "dream-vote": {".bar-label": (20, 14)},
    "design": {".proposition": (22, 16)},
    "design-vote": {".bar-label": (20, 14)},
    "destiny": {".commitment-text": (28, 18), ".action-tile h2": (24, 16)},
    "check-in": {".check-in-action .title": (24, 16), ".check-in-quotes blockquote": (22, 15)},
}

SMALLEST_TEXT = """(selector) => {
  const shown = [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length);
  return shown.length ? Math.min(...shown.map((el) => parseFloat(getComputedStyle(el).fontSize))) : null;
}"""


def too_small(page, name):
    wide = page.viewport_size["width"] >= 1920
    problems = []
    for selector, floors in FLOORS.get(name, {}).items():
        floor = floors[0] if wide else floors[1]
        size = page.evaluate(SMALLEST_TEXT, selector)
        if size is None:
            problems.append(f"{selector} not shown")
        elif size < floor - 0.5:
            problems.append(f"{selector} at {size:.1f}px, under {floor}px")
    return problems


def check_fits(pages, base, code, name):
    failures = []
    for page in pages:
        page.goto(f"{base}/projector/{code}")
        page.wait_for_function("document.fonts.status === 'loaded'")
        size = page.viewport_size
        label = f"{name} at {size['width']}x{size['height']}"
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=Path(SHOTS) / f"{name}-{size['width']}.png")
        failures += [f"{label}: {problem}" for problem in page.evaluate(FIT_PROBLEMS)]
        failures += [f"{label}: {problem}" for problem in too_small(page, name)]
    return failures


@pytest.fixture
def projectors(browser, live_server, seeded):
    contexts = [browser.new_context(viewport=size, reduced_motion="reduce") for size in SIZES]
    pages = [context.new_page() for context in contexts]
    for page in pages:
        log_in(page, live_server.base_url, seeded["email"], seeded["password"])
    yield pages
    for context in contexts:
        context.close()


def test_every_phase_fits_a_summit_size_room_at_both_sizes(live_server, seeded, projectors):
    base, code = live_server.base_url, seeded["code"]
    room = BigRoom(code)
    failures = []

    def step(name, change):
        with live_server.app_ref.app_context():
            change()
            db.session.remove()
        failures.extend(check_fits(projectors, base, code, name))

    step("welcome", room.welcome)
    step("discover-stories", room.discover)
    # _check_cloud(projectors)
    step("discover-positive-core", room.show_themes)
    step("dream", room.dream)
    step("dream-vote", room.theme_vote)
    for page in projectors:
        expect(page.locator(".bar-row")).to_have_count(8)
        expect(page.locator(".tie-note")).to_be_visible()
    step("design", room.design)
    step("design-vote", room.proposition_vote)
    step("destiny", room.destiny)
    # _check_destiny(projectors[0])
    step("closed", room.close)
    step("check-in", room.check_in)
    assert not failures, "\n".join(failures)


def _check_cloud(pages):
    """The most-named strengths first, and a count of the rest."""
    for page in pages:
        shown = page.locator(".cloud [data-strength]")
        names = shown.all_inner_texts()
        assert names[:3] == STRENGTHS[:3]
        rest = page.locator("[data-more]")
        hidden = int(rest.get_attribute("data-more")) if rest.is_visible() else 0
        assert len(names) + hidden == len(STRENGTHS)


def _check_destiny(page):
    commitment = page.locator(".commitment-text").first
    assert float(commitment.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 28
    assert "I need I need" not in page.locator(".destiny-screen").inner_text()
