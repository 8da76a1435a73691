"""WCAG 2.2 AA under axe-core: every page a facilitator, a phone or the room sees, in every phase.

axe-core is fetched once from npm (`make axe`, scripts/ensure-axe.sh) into the git-ignored
.cache/axe. It goes into each page through Playwright's evaluate, since the
Content-Security-Policy refuses an injected <script> tag.
"""

import json
import subprocess

import pytest
from playwright.sync_api import expect

from ai_workshop.extensions import db
from ai_workshop.workshops.services import find_workshop, set_phase

from ..support.axe import AXE, ROOT, Audit, obscured_focus
from ..support.axe_room import (
    PHONE_NAME,
    add_phone_content,
    ids_for,
    open_check_in,
    seed_room,
    set_state,
    submit,
)
from ..support.browser import PHONE, PROJECTOR, join, log_in

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


def test_no_critical_or_serious_violation_anywhere(
    browser, live_server, axe_source, tmp_path, artifacts
):
    app, base = live_server.app_ref, live_server.base_url
    room = seed_room(app, tmp_path / "instance")
    code = room["code"]
    audit = Audit(axe_source, STATUS)

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
