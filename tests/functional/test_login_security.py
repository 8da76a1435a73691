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


@pytest.fixture
def pauses(monkeypatch):
    """The waits a login asks for, recorded instead of slept."""
    from ai_workshop.auth import throttle

    asked: list[float] = []
    monkeypatch.setattr(throttle.time, "sleep", asked.append)
    return asked


def test_failures_slow_an_account_down_but_never_lock_out_the_right_password(client, make, pauses):
    owner = make.facilitator(email="owner@example.com")
    for _ in range(9):
        assert attempt(client, owner.email).status_code == 401
    # Five free failures, then 1, 2, 4 and 8 s before the password is checked.
    assert pauses == [1, 2, 4, 8]
    # From any address, the right password gets in after its wait: no lock.
    entered = attempt(client, "Owner@Example.com ", password=PASSWORD, address="10.7.7.7")
    assert entered.status_code == 302 and pauses[-1] == 16
    with client.session_transaction() as session:
        assert session["_user_id"].startswith(f"{owner.id}.")
    client.post("/auth/logout")
    # Someone else's account is not slowed by these failures.
    other = make.facilitator(email="other@example.com")
    before = len(pauses)
    assert attempt(client, other.email, password=PASSWORD).status_code == 302
    assert len(pauses) == before


def test_the_wait_is_capped(app, client, facilitator, pauses):
    app.config["LOGIN_MAX_DELAY_SECONDS"] = 30
    for _ in range(15):
        attempt(client, facilitator.email)
    assert max(pauses) == 30 and pauses[-1] == 30


def test_only_failed_logins_count(client, facilitator, pauses):
    for _ in range(4):
        assert attempt(client, facilitator.email).status_code == 401
    for _ in range(5):
        assert attempt(client, facilitator.email, password=PASSWORD).status_code == 302
        assert client.post("/auth/logout").status_code == 302
    assert pauses == []  # four failures, and successes take their count back
    assert attempt(client, facilitator.email).status_code == 401
    assert attempt(client, facilitator.email).status_code == 401
    assert pauses == [1]


def test_many_failures_from_one_address_lock_that_address(app, client, facilitator):
    app.config["RATELIMIT_LOGIN_FAILURES_PER_ADDRESS"] = (5, 900)
    for number in range(5):
        assert attempt(client, f"guess{number}@example.com").status_code == 401
    assert_limited(attempt(client, facilitator.email, PASSWORD), b"Too many failed logins")
    elsewhere = attempt(client, facilitator.email, PASSWORD, address="10.9.9.9")
    assert elsewhere.status_code == 302


def test_behind_a_proxy_the_limit_is_per_person_not_per_proxy(tmp_path):
    """PROXY_HOPS=1: the address is the one nginx forwards, so one guesser behind the proxy
    does not lock out everyone else coming through it."""
    proxied = create_app(
        config_for_tests(f"sqlite:///{tmp_path / 'proxied.sqlite3'}")
        | {"PROXY_HOPS": 1, "RATELIMIT_LOGIN_FAILURES_PER_ADDRESS": (3, 900)}
    )
    with proxied.app_context():
        db.create_all()
        owner = Factories().facilitator(email="lead@example.com")
        db.session.commit()
        client = proxied.test_client()

        def through_proxy(person, password):
            return client.post(
                "/auth/login",
                data={"email": owner.email, "password": password},
                headers={"X-Forwarded-For": person},
                environ_base={"REMOTE_ADDR": "127.0.0.1"},
            )

        for _ in range(3):
            assert through_proxy("203.0.113.9", "wrong password!").status_code == 401
        assert through_proxy("203.0.113.9", PASSWORD).status_code == 429
        assert through_proxy("198.51.100.4", PASSWORD).status_code == 302
        db.session.remove()
        db.engine.dispose()


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
