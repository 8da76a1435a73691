"""Helpers for the check-in tests: a phone by its participant's token, pages, reports."""

import uuid

from flask import g
from itsdangerous import URLSafeSerializer

from ai_workshop.extensions import db
from ai_workshop.models import Action, CheckIn
from ai_workshop.web.phone_identity import COOKIE_NAME, COOKIE_SALT


def fresh(client):
    for name in ("_login_user", "csrf_token", "aiw_locale", "_flask_babel"):
        g.pop(name, None)
    return client


def phone_of(app, workshop, participant):
    client = app.test_client()
    cookie = URLSafeSerializer(app.config["SECRET_KEY"], salt=COOKIE_SALT).dumps(
        {workshop.code: participant.token}
    )
    client.set_cookie(COOKIE_NAME, cookie)
    return client


def page(client, url) -> str:
    response = fresh(client).get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def open_first(client, facilitator, login, workshop, number=1):
    login(facilitator)
    response = fresh(client).post(
        f"/workshops/{workshop.code}/check-ins/open", data={"number": number}
    )
    assert response.status_code == 302, response.data
    return db.session.scalar(db.select(CheckIn).where(CheckIn.workshop_id == workshop.id))


def report(phone, workshop, action, **fields):
    data = {"client_id": str(uuid.uuid4()), "status": "on_track", "progress": 40} | fields
    return fresh(phone).post(f"/p/{workshop.code}/check-in/actions/{action.id}", data=data)


def the_action(workshop) -> Action:
    return db.session.scalar(db.select(Action).where(Action.workshop_id == workshop.id))
