"""Every cookie is HttpOnly and SameSite=Lax, and Secure when the app is served over HTTPS."""

import pytest
from flask_login import login_user

from ai_workshop import create_app
from ai_workshop.config import optional_flag
from ai_workshop.extensions import db
from ai_workshop.web.cookies import secure_cookies_configured
from ai_workshop.web.phone_identity import COOKIE_NAME

from ..conftest import config_for_tests
from ..factories import PASSWORD, Factories


def set_cookies(response) -> dict[str, str]:
    """name -> the whole Set-Cookie line, lower-cased for comparing attributes."""
    lines = response.headers.getlist("Set-Cookie")
    return {line.split("=", 1)[0]: line.lower() for line in lines}


def attributes(line: str) -> set[str]:
    return {part.strip() for part in line.split(";")[1:]}


def assert_flags(line: str, secure: bool) -> None:
    assert "httponly" in attributes(line)
    assert "samesite=lax" in attributes(line)
    assert ("secure" in attributes(line)) is secure


def log_in(client, facilitator, **kwargs):
    data = {"email": facilitator.email, "password": PASSWORD}
    response = client.post("/auth/login", data=data, **kwargs)
    assert response.status_code == 302
    return set_cookies(response)


def join(client, workshop, **kwargs):
    response = client.post(f"/j/{workshop.code}", data={"display_name": "Sam"}, **kwargs)
    assert response.status_code == 302
    return set_cookies(response)


def test_over_http_the_session_and_participant_cookies_are_httponly_and_lax(
    client, facilitator, workshop
):
    assert_flags(log_in(client, facilitator)["session"], secure=False)
    assert_flags(join(app_client(client), workshop)[COOKIE_NAME], secure=False)


def app_client(client):
    """A second browser: the participant's phone, with no facilitator session."""
    return client.application.test_client()


def test_a_request_over_https_gets_secure_cookies(client, facilitator, workshop):
    https = {"base_url": "https://workshop.test"}
    assert_flags(log_in(client, facilitator, **https)["session"], secure=True)
    assert_flags(join(app_client(client), workshop, **https)[COOKIE_NAME], secure=True)


@pytest.fixture
def https_app(tmp_path):
    """The app as deployed behind an HTTPS proxy: PUBLIC_URL says https."""
    config = config_for_tests(f"sqlite:///{tmp_path / 'https.sqlite3'}")
    config["PUBLIC_URL"] = "https://workshop.example.org"
    app = create_app(config)
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.engine.dispose()


def test_with_an_https_public_url_every_cookie_is_secure(https_app):
    make = Factories()
    facilitator = make.facilitator()
    workshop = make.workshop(facilitator)
    client = https_app.test_client()  # plain http between proxy and app
    assert_flags(log_in(client, facilitator)["session"], secure=True)
    assert_flags(join(https_app.test_client(), workshop)[COOKIE_NAME], secure=True)


def test_the_remember_cookie_has_the_same_flags(https_app):
    facilitator = Factories().facilitator()

    @https_app.get("/remember-me-for-test")
    def remember_me():
        login_user(facilitator, remember=True)
        return "ok"

    cookies = set_cookies(https_app.test_client().get("/remember-me-for-test"))
    assert_flags(cookies["remember_token"], secure=True)


@pytest.mark.parametrize(
    ("flag", "public_url", "secure"),
    [
        (None, "https://workshop.example.org", True),
        (None, "http://192.168.1.20:5000", False),
        (None, "", False),
        (False, "https://workshop.example.org", False),
        (True, "http://192.168.1.20:5000", True),
    ],
)
def test_secure_cookies_follow_the_flag_else_the_public_url(flag, public_url, secure):
    config = {"SECURE_COOKIES": flag, "PUBLIC_URL": public_url}
    assert secure_cookies_configured(config) is secure


def test_the_secure_cookies_flag_reads_the_usual_spellings():
    assert [optional_flag(value) for value in ("1", "true", "ON", "yes")] == [True] * 4
    assert [optional_flag(value) for value in ("0", "false", "off", "no")] == [False] * 4
    assert optional_flag(None) is None and optional_flag(" ") is None
