"""Steps for summit tests: round tables, phones seated at them, pages read as they are."""

from ai_workshop.extensions import db
from ai_workshop.models import Participant

from .clients import fresh


def summit(workshop, tables=6):
    workshop.table_count = tables
    db.session.commit()
    return workshop


def seat(app, workshop, number, name=None):
    """A new phone at table `number`; returns its client and participant."""
    phone = fresh(app.test_client())
    data = {"display_name": name} if name else {}
    assert phone.post(f"/j/{workshop.code}/t/{number}", data=data).status_code == 302
    person = db.session.scalars(
        db.select(Participant).order_by(Participant.id.desc()).limit(1)
    ).one()
    return phone, person


def page(client, url) -> str:
    response = fresh(client).get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def api_join(client, code, **body):
    return fresh(client).post("/api/v1/join", json={"code": code, **body})
