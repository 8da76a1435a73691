"""Running axe-core on a page and keeping what it finds, with the landmarks and keyboard
focus checks the app promises beyond it (tests/browser/test_accessibility.py)."""

from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"critical", "serious"}

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

    def __init__(self, source: str, statuses: dict[str, int]):
        """`statuses`: the pages answered with another HTTP status than 200."""
        self.source, self.statuses = source, statuses
        self.pages: dict[str, list[dict]] = {}
        self.outline: dict[str, dict[str, int]] = {}
        self.focus: dict[str, list[str]] = {}

    def __call__(self, page, name: str, status: int | None = None) -> None:
        """`status`, where given, is the page's HTTP status: the page must be the one meant."""
        if status is not None:
            assert status == self.statuses.get(name, 200), f"{name}: HTTP {status}"
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
