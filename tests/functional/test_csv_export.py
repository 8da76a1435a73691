"""The CSV export as people open it: Excel's encoding, headers, and no unnamed author."""

import csv
import io
import zipfile

import pytest

from ai_workshop.extensions import db
from ai_workshop.models import Action
from ai_workshop.workshops.services import set_phase

from ..support.full_session import fill_session


@pytest.fixture
def archive(client, make, workshop, facilitator, login):
    fill_session(make, workshop)
    set_phase(workshop, "discover")
    teller = make.participant(workshop, "Jürgen Müller")
    make.story(workshop, teller, headline="お客様の声を聞く", consent="named")
    set_phase(workshop, "destiny")
    db.session.commit()
    login(facilitator)
    return zipfile.ZipFile(io.BytesIO(client.get(f"/plan/{workshop.code}/export.zip").data))


def rows_of(archive, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))


def test_every_file_starts_with_a_byte_order_mark_so_excel_reads_utf8(archive):
    for name in archive.namelist():
        assert archive.read(name).startswith(b"\xef\xbb\xbf"), name
    names = [row["display_name"] for row in rows_of(archive, "participants.csv")]
    assert "Jürgen Müller" in names
    assert "お客様の声を聞く" in [row["headline"] for row in rows_of(archive, "stories.csv")]


def test_a_story_or_commitment_not_quoted_by_name_points_to_no_one(archive):
    people = {row["id"]: row["display_name"] for row in rows_of(archive, "participants.csv")}
    stories = {row["headline"]: row for row in rows_of(archive, "stories.csv")}
    assert people[stories["Named headline"]["participant_id"]] == "Priya"
    assert stories["Anonymous headline"]["participant_id"] == ""
    assert stories["Private headline"]["participant_id"] == ""
    commitments = {row["text"]: row for row in rows_of(archive, "commitments.csv")}
    assert people[commitments["I can coach"]["participant_id"]] == "Priya"
    assert commitments["I need quiet time"]["participant_id"] == ""


def test_a_kind_with_no_rows_still_has_its_header(archive):
    header = archive.read("round_tables.csv").decode("utf-8-sig").splitlines()
    assert header and header[0].startswith("id,number,host_participant_id")
    assert len(header) == 1


def test_the_actions_import_into_jira_and_trello_by_their_column_names(archive):
    jira = list(csv.reader(io.StringIO(archive.read("actions-for-jira.csv").decode("utf-8-sig"))))
    assert jira[0] == [
        "Summary", "Issue Type", "Status", "Assignee", "Start date", "Due date",
        "Labels", "Labels", "Description",
    ]  # fmt: skip
    (row,) = jira[1:]
    assert row[:7] == ["Start a callback rota", "Task", "To Do", "Priya", "", "2027-01-31",
                       "appreciative-inquiry"]  # fmt: skip
    assert row[7] == "Owning-it"  # a Jira label holds no space
    assert "First step: Draft the rota" in row[8] and "Baseline: 70%" in row[8]
    assert "Serves: We own every issue" in row[8]
    trello = rows_of(archive, "actions-for-trello.csv")
    assert list(trello[0]) == [
        "Card Name", "Card Description", "List", "Labels", "Start Date", "Due Date",
    ]  # fmt: skip
    assert (trello[0]["Card Name"], trello[0]["List"], trello[0]["Labels"]) == (
        "Start a callback rota",
        "Not started",
        "Owning it",
    )
    assert trello[0]["Due Date"] == "2027-01-31"


def test_a_formula_in_an_action_title_never_runs_in_the_tracker_files(
    client, make, workshop, facilitator, login
):
    fill_session(make, workshop)
    action = db.session.scalar(db.select(Action))
    action.title = '=HYPERLINK("http://evil.example","x")'
    db.session.commit()
    login(facilitator)
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/plan/{workshop.code}/export.zip").data))
    for name in ("actions-for-jira.csv", "actions-for-trello.csv"):
        text = archive.read(name).decode("utf-8-sig")
        assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text, name
