"""Stored hostile text stays text on every surface: phone, projector and its live panel,
console and its panel, theme board, plan, the leaders' page, the JSON export and the PDF.

Each stored field carries `<script>x('label')</script>{{7*7}}`, so a page shows which field
it drew and whether it drew it escaped (the markup as entities, the braces as typed).
"""

import io
import json

import pytest
from markupsafe import escape
from pypdf import PdfReader

from ai_workshop.extensions import db
from ai_workshop.workshops.services import set_phase

from .hostile import IMG
from .scene import FETCHES, LABELS, build, escaped, payload

ALWAYS_ON_PLAN = {"workshop", "name", "headline", "wish", "theme", "dream", "prop", "action",
                  "owner", "step", "commit", "summary"}  # fmt: skip
STORY_TEXT = {"headline", "body", "possible", "wish"}
# surface -> phase -> the labels it must show (escaped); "*" is every phase.
EXPECTED = {
    "phone": {"discover": {"workshop", "headline"}, "dream": {"theme", "dream"},
              "design": {"prop"}, "destiny": {"action", "owner", "commit"}},
    "projector": {"discover": {"workshop", "name", "headline"}, "dream": {"theme", "dream"},
                  "design": {"workshop", "prop"}, "destiny": {"name", "action", "owner", "commit"}},
    "projector panel": {"discover": {"name", "headline"}, "dream": {"theme", "dream"},
                        "design": {"prop"}, "destiny": {"name", "action", "commit"}},
    "console": {"*": {"workshop", "name"} | STORY_TEXT, "dream": {"dream", "theme"},
                "design": {"prop"}, "destiny": {"action", "owner", "step", "commit"}},
    "console panel": {"*": {"name"} | STORY_TEXT, "dream": {"dream"}, "destiny": {"action"}},
    "board": {"*": {"workshop", "headline", "theme"}},
    "board panel": {"*": {"headline", "theme"}},
    "plan": {"*": ALWAYS_ON_PLAN},
    "leaders": {"*": ALWAYS_ON_PLAN},
    "workshops": {"*": {"workshop"}},
    "settings": {"*": {"workshop"}},
    "action": {"*": {"theme", "prop", "action", "owner", "step"}},
    "correct": {"*": STORY_TEXT},
}  # fmt: skip
PHASES = ("discover", "dream", "design", "destiny")


@pytest.fixture
def scene(app, make, facilitator):
    return build(app, make, facilitator)


def _pages(scene) -> dict:
    code, boss = scene["workshop"].code, scene["boss"]
    return {
        "phone": scene["phone"].get(f"/p/{code}"),
        "projector": boss.get(f"/projector/{code}"),
        "projector panel": boss.get(f"/projector/{code}/panel"),
        "console": boss.get(f"/workshops/{code}/console"),
        "console panel": boss.get(f"/workshops/{code}/console/panel"),
        "board": boss.get(f"/board/{code}"),
        "board panel": boss.get(f"/board/{code}/panel"),
        "plan": boss.get(f"/plan/{code}"),
        "leaders": scene["phone"].get(f"/l/{scene['leader_token']}"),
        "workshops": boss.get("/workshops/"),
        "settings": boss.get(f"/workshops/{code}/settings"),
        "action": boss.get(f"/workshops/{code}/actions/1"),
        "correct": boss.get(f"/workshops/{code}/stories/1/edit"),
    }


def test_every_page_shows_stored_markup_as_text(scene):
    for phase in PHASES:
        set_phase(scene["workshop"], phase)
        db.session.commit()
        _check_pages(scene, phase)


def _check_pages(scene, phase: str) -> None:
    for surface, response in _pages(scene).items():
        assert response.status_code == 200, surface
        html = response.get_data(as_text=True)
        for label in LABELS:
            assert payload(label) not in html, f"{label} unescaped on {surface}"
        assert "<script>x(" not in html and "<img src=x" not in html, surface
        assert '<img src="http://example.invalid' not in html, surface
        wanted = EXPECTED[surface].get("*", set()) | EXPECTED[surface].get(phase, set())
        missing = sorted(label for label in wanted if escaped(label) not in html)
        assert missing == [], f"{surface} in {phase} does not show {missing} escaped"


def test_the_console_shows_the_fetching_markup_of_a_story_as_text(scene):
    html = (
        scene["boss"]
        .get(f"/workshops/{scene['workshop'].code}/stories/1/edit")
        .get_data(as_text=True)
    )
    assert str(escape(FETCHES)) in html and str(escape(IMG)) in html


def test_the_json_export_carries_the_text_exactly_as_typed(scene):
    response = scene["boss"].get(f"/plan/{scene['workshop'].code}/export.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    text = json.dumps(json.loads(response.get_data(as_text=True)), ensure_ascii=False)
    for label in LABELS:
        assert json.dumps(payload(label), ensure_ascii=False)[1:-1] in text, label
    assert json.dumps(FETCHES)[1:-1] in text


def _words(text: str) -> str:
    return "".join(text.split())


def test_the_pdf_prints_the_markup_and_fetches_nothing(scene):
    code = scene["workshop"].code
    _check_pdf(scene["boss"].get(f"/plan/{code}/plan-letter.pdf"))
    _check_pdf(scene["phone"].get(f"/l/{scene['leader_token']}/plan-a4.pdf"))


def _check_pdf(response) -> None:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    # pypdf (a pinned test dependency) reads the text; poppler's pdftotext is not on
    # every machine that runs the tests.
    pages = PdfReader(io.BytesIO(response.data)).pages
    text = "".join(page.extract_text() for page in pages)
    for label in sorted(ALWAYS_ON_PLAN):
        assert _words(payload(label)) in _words(text), label
    # The image tag and the file URL were printed as words: nothing was loaded for them.
    assert _words(FETCHES) in _words(text)
    assert [image.name for page in pages for image in page.images] == []
