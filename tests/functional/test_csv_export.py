"""The CSV export as people open it: Excel's encoding, headers, and no unnamed author."""

import csv
import io
import zipfile

import pytest

from ai_workshop.extensions import db
from ai_workshop.workshops.services import set_phase

from .test_plan import fill_session


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
