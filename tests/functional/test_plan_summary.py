"""The plan's summary names the themes the room carried forward, and the PDF is tagged."""

import io
import re

from pypdf import PdfReader

from ai_workshop.extensions import db
from ai_workshop.models import Theme

from ..support.full_session import fill_session


def summary_box(page: str) -> str:
    start = page.index('class="summary-box"')
    return page[start : page.index("</div>", start)]


def test_top_themes_are_the_ones_the_room_carried_forward(
    client, make, workshop, facilitator, login
):
    fill_session(make, workshop)  # the room carried "Owning it" forward
    bigger = Theme(workshop_id=workshop.id, name="Left behind", position=2, strengths=[])
    db.session.add(bigger)
    db.session.commit()
    login(facilitator)
    box = summary_box(client.get(f"/plan/{workshop.code}").get_data(as_text=True))
    assert "Owning it" in box and "Left behind" not in box
    for theme in db.session.query(Theme).filter_by(workshop_id=workshop.id):
        theme.chosen = False
    db.session.commit()
    box = summary_box(client.get(f"/plan/{workshop.code}").get_data(as_text=True))
    assert "Owning it" in box and "Left behind" in box  # nothing chosen yet: the first three


def test_the_pdf_is_tagged_with_its_language_and_title_and_embeds_inter(
    client, make, workshop, facilitator, login
):
    fill_session(make, workshop)
    login(facilitator)
    pdf = client.get(f"/plan/{workshop.code}/plan-a4.pdf").data
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]) == "en"
    assert workshop.name in reader.metadata.title
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any(re.search(r"\+Inter", name) for name in fonts), fonts
