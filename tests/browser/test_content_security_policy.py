"""Every main surface under the real Content-Security-Policy: nothing blocked, all still works.

Each page reports policy violations to its console (an init script listens for
`securitypolicyviolation`); Chromium also logs its own "Content Security Policy" refusals.
"""

import re

from playwright.sync_api import expect

from ..support.board_stories import fill_workshop
from ..support.browser import PHONE, join, log_in

CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error("CSP violation: " + event.violatedDirective + " blocked "
    + (event.blockedURI || "inline code") + " in " + event.sourceFile + ":" + event.lineNumber);
});
"""


class ViolationWatch:
    """Collects what the pages of one browser context say about the policy."""

    def __init__(self, context):
        self.reports: list[str] = []
        context.add_init_script(CSP_LISTENER)
        context.on("console", self._heard)

    def _heard(self, message) -> None:
        text = message.text
        if "CSP violation" in text or "Content Security Policy" in text:
            self.reports.append(f"{message.page.url if message.page else '?'}: {text}")


def watched_context(browser, **options):
    context = browser.new_context(**options)
    return context, ViolationWatch(context)


def visit(page, url: str, heading: str | None = None) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    assert "default-src 'self'" in response.headers["content-security-policy"]
    if heading:
        expect(page.locator("h1").first).to_contain_text(heading)


def test_every_surface_works_without_a_policy_violation(browser, live_server, seeded):
    base, code = live_server.base_url, seeded["code"]
    fill_workshop(live_server.app_ref, code, count=8)  # Discovery, with stories from paper

    desk, desk_watch = watched_context(browser, viewport={"width": 1440, "height": 900})
    page = desk.new_page()
    visit(page, f"{base}/")
    visit(page, f"{base}/auth/signup")
    visit(page, f"{base}/auth/login", "Log in")
    log_in(page, base, seeded["email"], seeded["password"])
    expect(page.get_by_text("Browser workshop").first).to_be_visible()
    visit(page, f"{base}/workshops/new")
    visit(page, f"{base}/workshops/{code}/settings")

    console = desk.new_page()
    visit(console, f"{base}/workshops/{code}/console")
    expect(console.locator("[data-connection]").first).to_have_attribute("data-state", "online")
    projector = desk.new_page()
    projector.set_viewport_size({"width": 1920, "height": 1080})
    visit(projector, f"{base}/projector/{code}")
    expect(projector.locator("[data-connection]").first).to_have_attribute("data-state", "online")
    expect(projector.locator("[data-story-count]")).to_have_text("8")

    phone_context, phone_watch = watched_context(browser, **PHONE)
    phone = phone_context.new_page()
    visit(phone, f"{base}/j/{code}")
    join(phone, base, code, "Amira")
    expect(phone.locator("[data-story-form]")).to_be_visible()
    phone.fill("#headline", "The night the hotline stayed open")
    phone.fill("#story", "We stayed on past midnight so no caller was left alone with the outage.")
    phone.locator("label.chip").first.click()
    phone.click("[data-submit]")
    expect(phone.locator("#my-stories")).to_contain_text("The night the hotline stayed open")
    expect(projector.locator("[data-story-count]")).to_have_text("9")  # live, no reload

    board = desk.new_page()
    visit(board, f"{base}/board/{code}")
    board.locator("#suggest-k").select_option("3")
    board.get_by_role("button", name="Suggest themes").click()
    # The first suggestion loads the word vectors: give it longer than a click.
    expect(board.locator("section.column[data-theme-id]")).to_have_count(3, timeout=30000)
    board.get_by_role("button", name="Show on projector").click()
    expect(projector.locator(".core-card")).to_have_count(3)

    plan = desk.new_page()
    visit(plan, f"{base}/plan/{code}")
    plan.get_by_role("button", name="Make a secret link for leaders").click()
    link = plan.locator(".share-link code")
    expect(link).to_contain_text(f"{base}/l/")
    leaders_url = link.inner_text().strip()
    visit(plan, f"{base}/plan/{code}/edit")

    leader_context, leader_watch = watched_context(browser)
    leader = leader_context.new_page()
    visit(leader, leaders_url)
    expect(leader.locator(".badge")).to_have_text("Read-only")
    expect(leader.locator("article.plan")).to_contain_text(re.compile("positive core", re.I))

    for context in (desk, phone_context, leader_context):
        context.close()
    assert desk_watch.reports + phone_watch.reports + leader_watch.reports == []


def test_the_watch_does_report_a_violation(browser, live_server):
    """The control: inline script injected into a page is blocked, and reported."""
    context, watch = watched_context(browser)
    page = context.new_page()
    visit(page, f"{live_server.base_url}/auth/login")
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.inlineRan = true";
          document.head.append(script);
        }"""
    )
    expect(page.locator("body")).to_be_visible()
    page.wait_for_timeout(200)
    assert page.evaluate("window.inlineRan === undefined")
    context.close()
    assert any("script-src" in report for report in watch.reports), watch.reports
