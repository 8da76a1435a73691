"""WCAG 2.2 AA under axe-core: every page a facilitator, a phone or the room sees, in every phase.

axe-core is fetched once from npm (`make axe`, scripts/ensure-axe.sh) into the git-ignored
.cache/axe. It goes into each page through Playwright's evaluate, since the
Content-Security-Policy refuses an injected <script> tag.
"""

import json
import subprocess
import uuid
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ai_workshop.board.services import show_on_projector
from ai_workshop.checkins.services import start_check_in
from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.demo.seed import ensure_demo_facilitator, ensure_demo_workshop
from ai_workshop.extensions import db
from ai_workshop.models import Participant, Story
from ai_workshop.models.vote import VOTE_TARGETS
from ai_workshop.plan.content import plan_for
from ai_workshop.stories.services import own_stories, submit_story
from ai_workshop.workshops.services import find_workshop, set_phase

from ..factories import story_fields
from ..support.browser import PHONE, PROJECTOR, join, log_in

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"critical", "serious"}
PHONE_NAME = "Axe Tester"

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    targets: v.nodes.slice(0, 6).map((n) => n.target.join(" ")),
    count: v.nodes.length,
    details: v.nodes.slice(0, 6).map((n) => n.failureSummary),
  }));
}"""

# axe counts these only as best practice; the app promises them on every page.
LANDMARKS = """() => ({
  main: document.querySelectorAll("main, [role=main]").length,
  h1: document.querySelectorAll("h1, [role=heading][aria-level='1']").length,
})"""

# The room's states: (name, phase, themes shown, vote, phone and projector checked too).
# The vote is None (none open), what an open vote is on, or "revealed" (closed, results
# shown). The console is checked in every state.
STATES = [
    ("welcome", "define", False, None, True),
    ("discover", "discover", False, None, True),
    ("discover-themes", "discover", True, None, True),
    ("dream", "dream", True, None, True),
    ("dream-vote", "dream", True, "themes", True),
    ("dream-results", "dream", True, "revealed", False),
    ("design", "design", True, None, True),
    ("design-vote", "design", True, "propositions", False),
    ("destiny", "destiny", True, None, True),
    ("closed", "closed", True, None, True),
]

# Pages answered with another status than 200: forms drawn again with their errors, and
# the error pages.
STATUS = {
    "login errors": 401,
    "signup errors": 422,
    "phone story errors": 422,
    "phone check-in errors": 422,
    "settings errors": 422,
    "not found": 404,
    "phone not found": 404,
}


@pytest.fixture(scope="session")
def axe_source() -> str:
    # A no-op when the pinned release is in place; fetches it otherwise.
    subprocess.run(["sh", str(ROOT / "scripts" / "ensure-axe.sh")], check=True)
    return AXE.read_text()


# Where the focused control is, after a Tab: gone from view or under a sticky or fixed
# element (WCAG 2.4.11) when its middle is off the screen or another element covers it.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = box.top + box.height / 2;
  const onScreen = y >= 0 && y < innerHeight && box.right > 0 && box.left < innerWidth;
  const top = onScreen ? document.elementFromPoint(x, y) : null;
  const covered = !top || !(el.contains(top) || top.contains(el) || el.control === top);
  return {name: el.id || el.getAttribute("name") || el.textContent.trim().slice(0, 40),
          tag: el.tagName, hidden: covered || !onScreen,
          at: Array.prototype.indexOf.call(document.querySelectorAll("*"), el)};
}"""


def obscured_focus(page, presses: int = 150) -> list[str]:
    """The controls that Tab reaches but leaves out of sight, from the top of the page."""
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    hidden, seen = [], set()
    for _ in range(presses):
        page.keyboard.press("Tab")
        where = page.evaluate(FOCUSED)
        if where is None:
            break
        if where["at"] in seen:
            break
        seen.add(where["at"])
        if where["hidden"]:
            hidden.append(f"{where['tag']} {where['name']!r}")
    return hidden


class Audit:
    """Runs axe on pages and keeps every finding, so one run lists all that fails."""

    def __init__(self, source: str):
        self.source = source
        self.pages: dict[str, list[dict]] = {}
        self.outline: dict[str, dict[str, int]] = {}
        self.focus: dict[str, list[str]] = {}

    def __call__(self, page, name: str, status: int | None = None) -> None:
        """`status`, where given, is the page's HTTP status: the page must be the one meant."""
        if status is not None:
            assert status == STATUS.get(name, 200), f"{name}: HTTP {status}"
        page.wait_for_load_state("load")
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(self.source)
        self.pages[name] = page.evaluate(RUN_AXE, TAGS)
        self.outline[name] = page.evaluate(LANDMARKS)

    def counts(self) -> dict[str, dict[str, int]]:
        table = {}
        for name, violations in self.pages.items():
            impacts = Counter()
            for violation in violations:
                impacts[violation["impact"]] += violation["count"]
            table[name] = {level: impacts[level] for level in ("critical", "serious", "moderate")}
        return table

    def failures(self) -> list[str]:
        found = [
            f"{name}: {v['id']} ({v['impact']}, {v['count']}) at {', '.join(v['targets'])}"
            for name, violations in self.pages.items()
            for v in violations
            if v["impact"] in BLOCKING
        ]
        found += [
            f"{name}: {outline['main']} main landmarks and {outline['h1']} h1, not one of each"
            for name, outline in self.outline.items()
            if outline != {"main": 1, "h1": 1}
        ]
        found += [
            f"{name}: keyboard focus out of sight on {', '.join(hidden)}"
            for name, hidden in self.focus.items()
            if hidden
        ]
        return found


def submit(page, button: str) -> int:
    """Send a form by its button and wait for the server's answer; gives its HTTP status."""
    with page.expect_navigation() as answer:
        page.click(button)
    return answer.value.status


def seed_room(app, instance: Path) -> dict:
    """The demo workshop, filled phase by phase through the real services, and its leaders' link."""
    with app.app_context():
        email, password = ensure_demo_facilitator(str(instance))
        workshop = ensure_demo_workshop()
        token = plan_for(workshop).regenerate_link()
        db.session.commit()
        data = {"email": email, "password": password, "code": workshop.code, "token": token}
        db.session.remove()
    return data


def add_phone_content(app, code: str) -> None:
    """The joined phone's own story, dream, proposition and commitment, so its lists show."""
    with app.app_context():
        workshop = find_workshop(code)
        me = db.session.scalar(
            db.select(Participant).filter_by(workshop_id=workshop.id, display_name=PHONE_NAME)
        )
        phase = workshop.phase
        for step, write in [
            ("discover", lambda: submit_story(workshop, me, story_fields())),
            ("dream", lambda: dreams.submit_dream(workshop, me, _text("Every caller is known"))),
            ("design", lambda: design.submit_proposition(workshop, me, _proposition(workshop))),
            ("destiny", lambda: destiny.submit_commitment(workshop, me, _commitment())),
        ]:
            set_phase(workshop, step)
            write()
        set_phase(workshop, phase)
        db.session.commit()
        db.session.remove()


def _text(text: str) -> dict:
    return {"client_id": str(uuid.uuid4()), "text": text, "theme_id": None}


def _proposition(workshop) -> dict:
    fields = _text("We answer every customer by name")
    fields["theme_id"] = dreams.chosen_themes(workshop)[0].id
    return fields


def _commitment() -> dict:
    return {
        "client_id": str(uuid.uuid4()),
        "kind": "offer",
        "text": "I will pair with new starters",
        "consent": "named",
    }


def set_state(app, code: str, phase: str, themes_shown: bool, vote: str | None) -> None:
    with app.app_context():
        workshop = find_workshop(code)
        current = votes.current_vote(workshop)
        still_open = current is not None and current.is_open
        if still_open and vote not in VOTE_TARGETS:
            votes.close_vote(workshop, current)
            if vote == "revealed":
                votes.reveal(workshop, current)
        set_phase(workshop, phase)
        show_on_projector(workshop, themes_shown)
        if vote in VOTE_TARGETS and not (still_open and current.target == vote):
            votes.open_vote(workshop, vote, dots=2)
        db.session.commit()
        db.session.remove()


def open_check_in(app, code: str) -> None:
    with app.app_context():
        workshop = find_workshop(code)
        set_phase(workshop, "closed")
        start_check_in(workshop, plan_for(workshop), 2)
        db.session.commit()
        db.session.remove()


def ids_for(app, code: str) -> dict:
    """A story of the phone's, a story from the room and an action, for their edit pages."""
    with app.app_context():
        workshop = find_workshop(code)
        me = db.session.scalar(
            db.select(Participant).filter_by(workshop_id=workshop.id, display_name=PHONE_NAME)
        )
        ids = {
            "mine": own_stories(me)[0].id,
            "story": db.session.scalar(
                db.select(Story.id).filter_by(workshop_id=workshop.id).order_by(Story.id)
            ),
            "action": destiny.actions_of(workshop)[0].id,
        }
        db.session.remove()
    return ids


def test_no_critical_or_serious_violation_anywhere(
    browser, live_server, axe_source, tmp_path, artifacts
):
    app, base = live_server.app_ref, live_server.base_url
    room = seed_room(app, tmp_path / "instance")
    code = room["code"]
    audit = Audit(axe_source)

    desk = browser.new_context(viewport={"width": 1440, "height": 900})
    page = desk.new_page()
    for name, path in [("home", "/"), ("login", "/auth/login"), ("signup", "/auth/signup")]:
        page.goto(base + path)
        audit(page, name)
    # Forms drawn again with their errors.
    page.fill("#email", "not an address")
    audit(page, "signup errors", submit(page, "main button[type=submit]"))
    page.goto(f"{base}/auth/login")
    page.fill("#email", room["email"])
    page.fill("#password", "not the password")
    audit(page, "login errors", submit(page, "main button[type=submit]"))

    phones = browser.new_context(**PHONE)
    phone = phones.new_page()
    phone.goto(f"{base}/j/{code}")
    audit(phone, "join")
    join(phone, base, code, PHONE_NAME)
    add_phone_content(app, code)
    ids = ids_for(app, code)

    log_in(page, base, room["email"], room["password"])
    for name, phase, themes_shown, vote, rooms in STATES:
        set_state(app, code, phase, themes_shown, vote)
        page.goto(f"{base}/workshops/{code}/console")
        audit(page, f"console {name}")
        audit.focus[f"console {name}"] = obscured_focus(page)
        if not rooms:
            continue
        # Fresh pages, so a page's own reload on the stage change cannot race the test's.
        phone.close()
        phone = phones.new_page()
        phone.goto(f"{base}/p/{code}")
        audit(phone, f"phone {name}")
        projector = desk.new_page()
        projector.set_viewport_size(PROJECTOR)
        projector.goto(f"{base}/projector/{code}")
        audit(projector, f"projector {name}")
        projector.close()
        if name == "discover":
            phone.goto(f"{base}/p/{code}/stories/{ids['mine']}/edit")
            audit(phone, "phone story edit")
            audit.focus["phone story edit"] = obscured_focus(phone)
            # Without the app's scripts, so axe sees the server's page with the errors (a
            # context without JavaScript would stop axe's own timers too).
            bare = phones.new_page()
            bare.route("**/*.js", lambda route: route.abort())
            bare.goto(f"{base}/p/{code}")
            audit(bare, "phone story errors", submit(bare, "[data-story-form] [type=submit]"))
            audit.focus["phone story errors"] = obscured_focus(bare)
            bare.close()
    # The 60-day check-in, open: the room's screens and the facilitator's page for it. A
    # fresh phone page: the open one reloads itself on the stage change, racing the test's.
    open_check_in(app, code)
    phone.close()
    phone = phones.new_page()
    for name, screen, path in [
        ("console check-in", page, f"/workshops/{code}/console"),
        ("check-ins", page, f"/workshops/{code}/check-ins"),
        ("phone check-in", phone, f"/p/{code}"),
    ]:
        screen.goto(base + path)
        audit(screen, name)
    projector = desk.new_page()
    projector.set_viewport_size(PROJECTOR)
    projector.goto(f"{base}/projector/{code}")
    audit(projector, "projector check-in")
    projector.close()
    bare = phones.new_page()
    bare.route("**/*.js", lambda route: route.abort())
    bare.goto(f"{base}/p/{code}")
    bare.locator(".report-details summary").first.click()
    bare.locator(".report-form .status-stuck").first.click()
    audit(bare, "phone check-in errors", submit(bare, ".report-form [type=submit]"))
    bare.close()
    audit(phone, "phone not found", phone.goto(f"{base}/p/NOSUCH").status)

    page.goto(f"{base}/board/{code}")
    expect(page.locator("section.column[data-theme-id]").first).to_be_visible()
    audit(page, "theme board")
    for name, path in [
        ("plan", f"/plan/{code}"),
        ("plan editor", f"/plan/{code}/edit"),
        ("workshops", "/workshops/"),
        ("new workshop", "/workshops/new"),
        ("team", f"/workshops/{code}/team"),
        ("story correction", f"/workshops/{code}/stories/{ids['story']}/edit"),
        ("action edit", f"/workshops/{code}/actions/{ids['action']}"),
        ("delete workshop", f"/workshops/{code}/delete"),
        ("not found", "/workshops/NOSUCH/console"),
        ("settings", f"/workshops/{code}/settings"),
    ]:
        audit(page, name, page.goto(base + path).status)
    page.fill("#name", "")
    audit(page, "settings errors", submit(page, "main form[novalidate] [type=submit]"))
    page.goto(f"{base}/l/{room['token']}")
    audit(page, "leaders")

    (artifacts / "axe-counts.json").write_text(json.dumps(audit.counts(), indent=2))
    (artifacts / "axe-violations.json").write_text(json.dumps(audit.pages, indent=2))
    failures = audit.failures()
    assert not failures, "axe-core found critical or serious violations:\n" + "\n".join(failures)


def test_keyboard_focus_never_hides_behind_the_send_bar(browser, live_server, seeded):
    """WCAG 2.4.11: tabbing down the story form, each focused control stays clear of the bars.

    A textarea scrolls its caret, on its first line, into view, so its top must show.
    """
    app, base, code = live_server.app_ref, live_server.base_url, seeded["code"]
    with app.app_context():
        set_phase(find_workshop(code), "discover")
        db.session.commit()
        db.session.remove()
    phone = browser.new_context(**PHONE).new_page()
    join(phone, base, code, PHONE_NAME)
    form = phone.locator("[data-story-form]")
    expect(form).to_be_visible()
    phone.locator("#headline").focus()
    hidden = []
    for _ in range(60):
        phone.keyboard.press("Tab")
        where = phone.evaluate(
            """() => {
              const el = document.activeElement;
              const bar = document.querySelector(".submit-bar");
              const head = document.querySelector(".phone-head").getBoundingClientRect();
              if (!el || !bar || bar.contains(el)) return null;
              const box = el.getBoundingClientRect();
              const cover = bar.getBoundingClientRect();
              return {name: el.id || el.name || el.textContent.trim().slice(0, 30),
                      inForm: !!el.closest("[data-story-form]"),
                      hidden: box.top < head.bottom - 1 || box.top >= cover.top
                        || (el.tagName !== "TEXTAREA" && box.bottom > cover.top + 1)};
            }"""
        )
        if where is None or not where["inForm"]:
            break
        if where["hidden"]:
            hidden.append(where["name"])
    assert not hidden, f"focused controls under the sticky Send bar: {hidden}"
