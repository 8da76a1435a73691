"""Logging in: a fresh session and CSRF token, and limits on guessing passwords and signups."""

import re

import pytest
from flask import g

from ai_workshop import create_app
from ai_workshop.extensions import db

from ..conftest import config_for_tests
from ..factories import PASSWORD, Factories

CSRF_FIELD = re.compile(rb'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_token_on(client, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200
    return CSRF_FIELD.search(page.data).group(1).decode()


@pytest.fixture
def app_with_csrf(tmp_path):
    """Each request in its own app context, as in production: the `app` fixture keeps one
    open, and Flask-WTF would reuse the token it cached there from request to request."""
    config = config_for_tests(f"sqlite:///{tmp_path / 'csrf.sqlite3'}")
    config["WTF_CSRF_ENABLED"] = True
    app = create_app(config)
    with app.app_context():
        db.create_all()
        app.facilitator = Factories().facilitator()
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


def test_a_session_planted_before_login_does_not_carry_over(app_with_csrf):
    client, facilitator = app_with_csrf.test_client(), app_with_csrf.facilitator
    token_before = csrf_token_on(client, "/auth/login")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
        raw_before = session["csrf_token"]
    response = client.post(
        "/auth/login",
        data={"email": facilitator.email, "password": PASSWORD, "csrf_token": token_before},
    )
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"] == f"{facilitator.id}.{facilitator.session_epoch}"
    token_after = csrf_token_on(client, "/workshops/new")
    with client.session_transaction() as session:
        assert session["csrf_token"] != raw_before
    assert token_after != token_before
    stale = client.post("/auth/logout", data={"csrf_token": token_before})
    assert stale.status_code == 400  # the token from before login no longer works
    assert client.get("/workshops/").status_code == 200
    assert client.post("/auth/logout", data={"csrf_token": token_after}).status_code == 302


def test_logout_clears_the_session(client, facilitator, login):
    login(facilitator)
    with client.session_transaction() as session:
        session["planted"] = "left behind"
    assert client.post("/auth/logout").status_code == 302
    with client.session_transaction() as session:
        assert "planted" not in session and "_user_id" not in session
    assert client.get("/workshops/").status_code == 302


def test_a_session_copied_before_logout_opens_nothing_after_it(
    app, client, facilitator, workshop, login
):
    login(facilitator)
    assert client.get(EXPORT.format(code=workshop.code)).status_code == 200
    with client.session_transaction() as session:
        copied = dict(session)
    assert client.post("/auth/logout").status_code == 302
    thief = app.test_client()
    with thief.session_transaction() as session:
        session.update(copied)
    assert thief.get("/workshops/").status_code == 302  # to the login page
    assert thief.get(EXPORT.format(code=workshop.code)).status_code == 302


def test_log_out_other_sessions_keeps_this_one(app, client, facilitator, login):
    login(facilitator)
    other = app.test_client()
    with client.session_transaction() as session:
        copied = dict(session)
    with other.session_transaction() as session:
        session.update(copied)
    assert other.get("/workshops/").status_code == 200
    ended = client.post("/auth/sessions/end-others", follow_redirects=True)
    assert ended.status_code == 200 and b"Every other session is logged out." in ended.data
    assert client.get("/workshops/").status_code == 200
    # The tests' app context outlives a request, so Flask-Login's per-request user would
    # carry over from the last request; a real request starts without it.
    g.pop("_login_user", None)
    assert other.get("/workshops/").status_code == 302


def test_a_session_from_before_the_epoch_existed_is_void(client, facilitator):
    with client.session_transaction() as session:
        session["_user_id"] = str(facilitator.id)  # the form older cookies carry
        session["_fresh"] = True
    assert client.get("/workshops/").status_code == 302


EXPORT = "/plan/{code}/export.json"


def attempt(client, email, password="wrong password!", address="10.1.2.3"):
    return client.post(
        "/auth/login",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def assert_limited(response, message: bytes):
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 15 * 60
    assert message in response.data
    assert b'name="email"' in response.data  # the form, ready for later
    assert b"Traceback" not in response.data


def test_ten_failed_logins_lock_that_email_from_that_address(client, make):
    owner = make.facilitator(email="owner@example.com")
    for _ in range(10):
        assert attempt(client, owner.email).status_code == 401
    locked = attempt(client, "Owner@Example.com ", password=PASSWORD)
    assert_limited(locked, b"Too many failed logins")
    assert b"Try again in 15 minutes." in locked.data
    with client.session_transaction() as session:
        assert "_user_id" not in session
    # Someone else, failing on another account, is not locked out of their own.
    other = make.facilitator(email="other@example.com")
    assert attempt(client, other.email, password=PASSWORD).status_code == 302


def test_only_failed_logins_count(app, client, facilitator):
    app.config["RATELIMIT_LOGIN_FAILURES_PER_ACCOUNT"] = (3, 900)
    assert attempt(client, facilitator.email).status_code == 401
    assert attempt(client, facilitator.email).status_code == 401
    for _ in range(5):
        assert attempt(client, facilitator.email, password=PASSWORD).status_code == 302
        assert client.post("/auth/logout").status_code == 302
    assert attempt(client, facilitator.email).status_code == 401
    assert_limited(attempt(client, facilitator.email, PASSWORD), b"Too many failed logins")


def test_many_failures_from_one_address_lock_that_address(app, client, facilitator):
    app.config["RATELIMIT_LOGIN_FAILURES_PER_ADDRESS"] = (5, 900)
    for number in range(5):
        assert attempt(client, f"guess{number}@example.com").status_code == 401
    assert_limited(attempt(client, facilitator.email, PASSWORD), b"Too many failed logins")
    elsewhere = attempt(client, facilitator.email, PASSWORD, address="10.9.9.9")
    assert elsewhere.status_code == 302


def test_signups_are_limited_per_address(app, client):
    app.config["RATELIMIT_SIGNUPS_PER_ADDRESS"] = (2, 3600)

    def sign_up(number):
        data = {"email": f"new{number}@example.com", "password": PASSWORD, "confirm": PASSWORD}
        return client.post("/auth/signup", data=data)

    assert sign_up(1).status_code == 302
    assert sign_up(2).status_code == 302
    refused = sign_up(3)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1
    assert b"Too many new accounts" in refused.data and b"Traceback" not in refused.data


def test_an_unknown_email_costs_the_same_password_check_as_a_known_one(client, make, monkeypatch):
    from ai_workshop.auth import services
    from ai_workshop.models import facilitator as facilitator_model

    owner = make.facilitator(email="known@example.com")
    checked = []

    def spy(stored, password):
        checked.append(stored.split("$")[0])  # the method and its cost, not the hash
        return False

    monkeypatch.setattr(services, "check_password_hash", spy)
    monkeypatch.setattr(facilitator_model, "check_password_hash", spy)
    assert attempt(client, owner.email).status_code == 401
    assert attempt(client, "nobody@example.com").status_code == 401
    assert len(checked) == 2 and checked[0] == checked[1]
    # And the same words either way.
    known = attempt(client, owner.email).get_data(as_text=True)
    unknown = attempt(client, "nobody-else@example.com").get_data(as_text=True)
    assert "match an account" in known
    assert known.replace(owner.email, "") == unknown.replace("nobody-else@example.com", "")
