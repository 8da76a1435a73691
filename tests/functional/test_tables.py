"""A summit's round tables: a card's QR seats a phone at its table, the phone shows it, the
console counts who sits where, and the facilitator sets how many tables there are."""

import io
import re

from pypdf import PdfReader

from ai_workshop.extensions import db
from ai_workshop.models import Participant, Workshop

from ..factories import settings_form
from ..support.clients import fresh


def phone_token_count(workshop) -> int:
    return db.session.query(Participant).filter_by(workshop_id=workshop.id).count()


def with_tables(workshop, count=12):
    workshop.table_count = count
    db.session.commit()
    return workshop


def test_a_table_card_joins_the_phone_at_its_table(client, workshop):
    with_tables(workshop)
    page = client.get(f"/j/{workshop.code}/t/7")
    assert page.status_code == 200 and "Table 7" in page.get_data(as_text=True)
    joined = client.post(f"/j/{workshop.code}/t/7", data={"display_name": "Kofi"})
    assert joined.status_code == 302
    kofi = db.session.query(Participant).filter_by(display_name="Kofi").one()
    assert kofi.table_number == 7
    home = fresh(client).get(f"/p/{workshop.code}").get_data(as_text=True)
    assert re.search(r'class="table-chip"[^>]*>\s*Table 7', home)


def test_scanning_another_card_moves_a_joined_phone(client, workshop):
    with_tables(workshop)
    client.post(f"/j/{workshop.code}/t/2", data={"display_name": "Ana"})
    moved = fresh(client).get(f"/j/{workshop.code}/t/5")
    assert moved.status_code == 302
    assert db.session.query(Participant).filter_by(display_name="Ana").one().table_number == 5
    assert phone_token_count(workshop) == 1  # moved, not joined twice


def test_a_table_the_room_does_not_have_is_a_clear_404(client, workshop):
    with_tables(workshop, 4)
    for number in (0, 5, 999):
        response = client.get(f"/j/{workshop.code}/t/{number}")
        assert response.status_code == 404
        assert f"no table {number}" in response.get_data(as_text=True)
    with_tables(workshop, 0)
    assert client.get(f"/j/{workshop.code}/t/1").status_code == 404


def test_the_phones_of_one_room_share_its_page_but_each_shows_its_own_table(app, workshop):
    with_tables(workshop)
    pages = []
    for number in (3, 9):
        phone = fresh(app.test_client())
        phone.post(f"/j/{workshop.code}/t/{number}")
        pages.append(fresh(phone).get(f"/p/{workshop.code}").get_data(as_text=True))
    assert "Table 3" in pages[0] and "Table 9" not in pages[0]
    assert "Table 9" in pages[1] and "Table 3" not in pages[1]


def test_the_console_counts_who_sits_at_each_table(client, app, login, facilitator, workshop):
    with_tables(workshop, 3)
    for number in (1, 1, 3):
        fresh(app.test_client()).post(f"/j/{workshop.code}/t/{number}")
    fresh(app.test_client()).post(f"/j/{workshop.code}")  # joined by the room's code
    login(facilitator)
    console = fresh(client).get(f"/workshops/{workshop.code}/console").get_data(as_text=True)
    tiles = re.findall(r'<span class="number">(\d+)</span>\s*<span class="people">([^<]+)', console)
    assert tiles == [("1", "2 people"), ("2", "0 people"), ("3", "1 person")]
    assert "1 person is not at a table yet." in console


def test_the_facilitator_sets_the_number_of_tables(client, login, facilitator, workshop):
    login(facilitator)
    data = settings_form(workshop, table_count="30")
    client.post(f"/workshops/{workshop.code}/settings", data=data)
    db.session.expire_all()
    assert db.session.get(Workshop, workshop.id).table_count == 30
    too_many = client.post(
        f"/workshops/{workshop.code}/settings", data=data | {"table_count": "401"}
    )
    assert too_many.status_code == 422
    db.session.expire_all()
    assert db.session.get(Workshop, workshop.id).table_count == 30


def pdf_pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def test_the_table_cards_print_four_to_a_sheet(client, login, facilitator, workshop):
    with_tables(workshop, 10)
    login(facilitator)
    console = client.get(f"/workshops/{workshop.code}/console").get_data(as_text=True)
    assert f"/workshops/{workshop.code}/tables-a4.pdf" in console
    for paper in ("a4", "letter"):
        response = fresh(client).get(f"/workshops/{workshop.code}/tables-{paper}.pdf")
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        assert pdf_pages(response.data) == 3  # ten cards, four a sheet
    assert fresh(client).get(f"/workshops/{workshop.code}/tables-a5.pdf").status_code == 400
    with_tables(workshop, 0)
    missing = fresh(client).get(f"/workshops/{workshop.code}/tables-a4.pdf")
    assert missing.status_code == 404 and "no tables" in missing.get_data(as_text=True)


def test_a_phone_that_joined_by_the_rooms_code_chooses_its_table(client, workshop):
    with_tables(workshop, 12)
    client.post(f"/j/{workshop.code}", data={"display_name": "Lea"})
    home = fresh(client).get(f"/p/{workshop.code}").get_data(as_text=True)
    assert f'href="/p/{workshop.code}/table"' in home and "Choose your table" in home
    form = fresh(client).get(f"/p/{workshop.code}/table")
    assert form.status_code == 200 and "Which table are you at?" in form.get_data(as_text=True)
    for wrong in ("", "0", "13", "x"):
        refused = fresh(client).post(f"/p/{workshop.code}/table", data={"number": wrong})
        assert refused.status_code == 422, wrong
        assert "Choose a table from 1 to 12." in refused.get_data(as_text=True)
    seated = fresh(client).post(f"/p/{workshop.code}/table", data={"number": "4"})
    assert seated.status_code == 302
    assert db.session.query(Participant).filter_by(display_name="Lea").one().table_number == 4
    home = fresh(client).get(f"/p/{workshop.code}").get_data(as_text=True)
    assert "You&#39;re at table 4." in home and "Table 4" in home
    assert "Choose your table" not in home
