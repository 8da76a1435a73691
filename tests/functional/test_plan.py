"""The action plan: consent on every surface, the leaders' link, PDF, exports and import."""

import csv
import io
import json
import re
import zipfile

import pytest
from pypdf import PdfReader

from ai_workshop.extensions import db
from ai_workshop.models import Workshop
from ai_workshop.workshops.exports import workshop_data
from ai_workshop.workshops.importer import import_workshop
from ai_workshop.workshops.services import set_phase

from ..support.full_session import fill_session
from ..support.round_trip import exported_again_elsewhere


@pytest.fixture
def full(make, workshop, facilitator, login):
    fill_session(make, workshop)
    login(facilitator)
    return workshop


def test_plan_page_has_every_section_and_respects_consent(client, full):
    page = client.get(f"/plan/{full.code}").data.decode()
    for heading in (
        "Summary",
        "The positive core",
        "What we want to keep",
        "The dream",
        "Design: provocative propositions",
        "Actions",
        "Commitments, offers and requests",
        "How we will know it works",
        "Follow-up rhythm",
        "Appendix",
    ):
        assert heading in page, heading
    assert "Named headline" in page and "— Priya" in page
    assert "Anonymous headline" in page and "Hidden Name" not in page
    assert "Private headline" not in page and "Secret wish" not in page
    assert "Start a callback rota" in page and "70% → 95%" in page.replace("&gt;", ">")
    # The actions table's dates are short enough for a narrow column, each kept whole.
    assert '<span class="date">Jan 31, 2027</span>' in page
    assert "2 votes" in page  # the proposition vote
    assert "Dot votes: which themes" not in page  # no vote on themes in this session
    assert "30-day check-in" in page


def test_facilitator_edits_the_plans_own_words(client, full):
    response = client.post(
        f"/plan/{full.code}/edit",
        data={
            "summary": "We found our core.",
            "keep": "Warmth\nPatience",
            "measures_note": "Monthly.",
            "followup_1_label": "First look",
            "followup_1_date": "2027-02-01",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/plan/{full.code}").data.decode()
    assert "We found our core." in page and "First look" in page and "February 1, 2027" in page
    assert "60-day check-in" not in page  # the dates are the facilitator's now


def test_a_leaders_link_makes_only_so_many_pdfs_an_hour(app, client, full):
    from ai_workshop.plan.content import plan_for

    app.config["RATELIMIT_PDFS_PER_LINK"] = (2, 3600)
    client.post(f"/plan/{full.code}/share")
    token = plan_for(full).share_token
    leader = app.test_client()
    for _ in range(2):
        assert leader.get(f"/l/{token}/plan-a4.pdf").data.startswith(b"%PDF")
    refused = leader.get(f"/l/{token}/plan-a4.pdf")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert "downloaded many times" in refused.text
    assert leader.get(f"/l/{token}").status_code == 200  # the page itself stays open


def test_leaders_link_is_read_only_revocable_and_regenerable(app, client, full):
    client.post(f"/plan/{full.code}/share")
    from ai_workshop.plan.content import plan_for

    token = plan_for(full).share_token
    leader = app.test_client()
    page = leader.get(f"/l/{token}")
    assert (
        page.status_code == 200 and b"Read-only" in page.data and b"Edit the plan" not in page.data
    )
    assert page.headers["Referrer-Policy"] == "no-referrer"
    client.post(f"/plan/{full.code}/share")
    db.session.expire_all()
    assert leader.get(f"/l/{token}").status_code == 404
    new_token = plan_for(full).share_token
    assert leader.get(f"/l/{new_token}").status_code == 200
    client.post(f"/plan/{full.code}/revoke")
    assert leader.get(f"/l/{new_token}").status_code == 404


def test_pdf_in_a4_and_letter(client, full):
    a4 = client.get(f"/plan/{full.code}/plan-a4.pdf")
    assert (
        a4.status_code == 200 and a4.mimetype == "application/pdf" and a4.data.startswith(b"%PDF")
    )
    letter = client.get(f"/plan/{full.code}/plan-letter.pdf")
    a4_page = PdfReader(io.BytesIO(a4.data)).pages[0].mediabox
    letter_page = PdfReader(io.BytesIO(letter.data)).pages[0].mediabox
    assert (round(a4_page.width), round(a4_page.height)) == (595, 842)
    assert (round(letter_page.width), round(letter_page.height)) == (612, 792)
    reader = PdfReader(io.BytesIO(a4.data))
    assert len(reader.pages) >= 6  # cover, contents, summary and the sections
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Named headline" in text and "Private headline" not in text
    assert client.get(f"/plan/{full.code}/plan-a3.pdf").status_code == 400


def test_exports_csv_zip_and_json(client, full):
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/plan/{full.code}/export.zip").data))
    assert {
        "stories.csv",
        "themes.csv",
        "actions.csv",
        "commitments.csv",
        "votes.csv",
        "vote_dots.csv",
    } <= set(archive.namelist())
    assert "Named headline" in archive.read("stories.csv").decode("utf-8-sig")
    data = client.get(f"/plan/{full.code}/export.json").json
    assert data["format"] == "ai-workshop" and len(data["stories"]) == 3
    assert "token" not in json.dumps(data["participants"])


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(client, make, full):
    teller = make.participant(full, '=HYPERLINK("http://evil.invalid","x")')
    phase, full.phase = full.phase, "discover"
    make.story(full, teller, headline="@SUM(A1:A9)", story="+1 and more", consent="named")
    make.story(full, teller, headline="-2+3", story="\t=cmd|' /C calc'!A0", consent="named")
    full.phase = phase
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/plan/{full.code}/export.zip").data))
    stories = list(csv.DictReader(io.StringIO(archive.read("stories.csv").decode("utf-8-sig"))))
    people = list(csv.DictReader(io.StringIO(archive.read("participants.csv").decode("utf-8-sig"))))
    cells = [value for row in stories + people for value in row.values() if value]
    assert "'@SUM(A1:A9)" in cells and "'+1 and more" in cells and "'-2+3" in cells
    assert "'\t=cmd|' /C calc'!A0" in cells
    assert any(value.startswith("'=HYPERLINK(") for value in cells)
    assert not [value for value in cells if value[0] in "=+-@\t\r"]
    # Plain text and numbers are written as they are.
    assert "Named headline" in cells and any(value.isdigit() for value in cells)


def test_json_export_imports_back_exactly(full, tmp_path):
    original = workshop_data(full)
    again = exported_again_elsewhere(original, tmp_path)
    assert again == original


def test_import_refuses_what_is_not_an_export(full, facilitator):
    from ai_workshop.domain_errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        import_workshop({"format": "something else"}, facilitator)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d["workshop"].update(phase="party"), "'party' is not one of define"),
        (lambda d: d["stories"][0].update(consent="public"), "stories row 1, field 'consent'"),
        (lambda d: d["stories"][0].update(headline=7), "must be text"),
        (lambda d: d["stories"][0].update(headline="x" * 5000), "is longer than"),
        (lambda d: d["stories"][0].update(participant_id=99999), "refers to participants"),
        (lambda d: d["votes"][0].update(dots_per_person="3"), "must be a whole number"),
        (lambda d: d["actions"][0].update(status="maybe"), "'maybe' is not one of"),
        (lambda d: d["workshop"].update(created_at="yesterday"), "is not a date"),
        (lambda d: d.update(stories="none"), "must be a list of rows"),
        (lambda d: d["vote_dots"][0].pop("vote_id"), "is missing or refers to nothing"),
    ],
)
def test_import_refuses_each_damaged_value_and_stores_nothing(full, facilitator, damage, message):
    from ai_workshop.domain_errors import ValidationFailed

    data = json.loads(json.dumps(workshop_data(full)))
    damage(data)
    before = Workshop.query.count()
    with pytest.raises(ValidationFailed, match=re.escape(message)):
        import_workshop(data, facilitator)
    db.session.rollback()
    assert Workshop.query.count() == before


@pytest.mark.parametrize("code", ["abc234", "ABC234\r\n", "AB 234", ""])
def test_an_imported_code_phones_could_not_type_is_replaced(full, facilitator, code):
    from ai_workshop.models.joincode import looks_like_code

    data = json.loads(json.dumps(workshop_data(full)))
    data["workshop"]["code"] = code
    restored = import_workshop(data, facilitator)
    assert looks_like_code(restored.code)


def test_cli_exports_and_imports(runner, full, tmp_path):
    for kind in ("json", "csv", "pdf"):
        path = tmp_path / f"plan.{kind}"
        result = runner.invoke(
            args=["plan", "export", full.code, "--format", kind, "-o", str(path)]
        )
        assert result.exit_code == 0, result.output
        assert path.stat().st_size > 500
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    result = runner.invoke(args=["workshop", "import", str(tmp_path / "plan.json")])
    assert result.exit_code == 0, result.output
    assert result.output.strip() != full.code  # the code was taken, so a new one


def test_hostile_text_stays_inert_on_the_page_and_in_the_pdf(client, make, full):
    teller = make.participant(full, "Eve")
    set_phase(full, "discover")
    db.session.commit()
    make.story(full, teller, headline="<b>bold</b> {{ 7*7 }} <img src=x>", consent="named")
    page = client.get(f"/plan/{full.code}").data.decode()
    assert "&lt;b&gt;bold&lt;/b&gt; {{ 7*7 }} &lt;img src=x&gt;" in page
    assert "<b>bold</b>" not in page
    text = "".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO(client.get(f"/plan/{full.code}/plan-a4.pdf").data)).pages
    )
    assert "<b>bold</b> {{ 7*7 }}" in text
