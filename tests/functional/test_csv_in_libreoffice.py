"""The CSV export opened in LibreOffice Calc, as a person opens it: the import dialog's own
settings (comma, double quote, character set detected), every cell read back as written."""

import csv
import io
import shutil
import subprocess
import zipfile

from ai_workshop.extensions import db
from ai_workshop.models import Action
from ai_workshop.workshops.services import set_phase

from ..support.full_session import fill_session

# Calc's CSV filter: comma (44), double quote (34), character set left to detection (0),
# which reads the byte-order mark; out: UTF-8 (76), so the cells can be compared here.
OPEN_AS_CALC_DOES = "CSV:44,34,0"
SAVE_AS_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76"


def opened_in_calc(tmp_path, names: list[str]) -> dict[str, list[list[str]]]:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: run `make office`."
    out = tmp_path / "calc"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         f"--infilter={OPEN_AS_CALC_DOES}", "--convert-to", SAVE_AS_UTF8, "--outdir", str(out),
         *[str(tmp_path / name) for name in names]],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return {
        name: list(csv.reader(io.StringIO((out / name).read_text(encoding="utf-8"))))
        for name in names
    }


def test_calc_reads_every_cell_as_written_accents_japanese_and_formulas_as_text(
    client, make, workshop, facilitator, login, tmp_path
):
    fill_session(make, workshop)
    set_phase(workshop, "discover")
    teller = make.participant(workshop, "Jürgen Müller")
    make.story(workshop, teller, headline="お客様の声を聞く", consent="named")
    db.session.scalar(db.select(Action)).title = "=1+1 callbacks, “kept”"
    db.session.commit()
    login(facilitator)
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/plan/{workshop.code}/export.zip").data))
    names = ["participants.csv", "stories.csv", "actions.csv", "actions-for-trello.csv"]
    written = {}
    for name in names:
        (tmp_path / name).write_bytes(archive.read(name))
        written[name] = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
    read = opened_in_calc(tmp_path, names)
    for name in names:
        assert read[name][0] == written[name][0], name  # the byte-order mark is no letter
        assert len(read[name]) == len(written[name]), name
    people = [row[1] for row in read["participants.csv"][1:]]
    assert "Jürgen Müller" in people
    headline = read["stories.csv"][0].index("headline")
    assert "お客様の声を聞く" in [row[headline] for row in read["stories.csv"][1:]]
    title = read["actions.csv"][0].index("title")
    # Text, never a formula: Calc shows the quote-guarded cell, not the sum.
    assert read["actions.csv"][1][title] == "'=1+1 callbacks, “kept”"
    assert read["actions-for-trello.csv"][1][0] == "'=1+1 callbacks, “kept”"
