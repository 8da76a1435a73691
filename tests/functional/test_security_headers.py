"""Security headers on every kind of response: pages, JSON, files, errors, the poll shortcut."""

from ai_workshop.extensions import db
from ai_workshop.live.shortcut import StatePollShortcut
from ai_workshop.plan.content import plan_for

DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def policy(headers) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    return {name: value for name, value in parts}


def assert_secured(headers, referrer="same-origin"):
    csp = policy(headers)
    for directive, value in DIRECTIVES.items():
        assert csp[directive] == value, directive
    assert "unsafe" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == referrer
    assert "camera=()" in headers["Permissions-Policy"]
    assert "microphone=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]


def test_pages_json_files_and_errors_carry_the_headers(client, workshop):
    responses = {
        "page": client.get("/auth/login"),
        "phone page": client.get(f"/j/{workshop.code}"),
        "json": client.get(f"/api/v1/workshops/{workshop.code}"),
        "json error": client.post("/api/v1/join", json={"code": "ZZZZZZ"}),
        "file": client.get("/static/css/app.css"),
        "qr code": client.get(f"/j/{workshop.code}/qr.svg"),
        "error page": client.get("/no/such/page"),
    }
    for kind, response in responses.items():
        assert response.status_code in (200, 404), kind
        assert_secured(response.headers)
        assert "Strict-Transport-Security" not in response.headers, kind


def test_the_leaders_plan_link_never_leaks_in_a_referer(client, workshop):
    plan = plan_for(workshop)
    plan.regenerate_link()
    db.session.commit()
    page = client.get(f"/l/{plan.share_token}")
    assert page.status_code == 200
    assert_secured(page.headers, referrer="no-referrer")
    wrong = client.get("/l/not-a-real-token")
    assert wrong.status_code == 404
    assert wrong.headers["Referrer-Policy"] == "no-referrer"


def test_hsts_only_over_https(client):
    over_https = client.get("/auth/login", base_url="https://workshop.test")
    assert over_https.headers["Strict-Transport-Security"].startswith("max-age=")
    assert int(over_https.headers["Strict-Transport-Security"].split("=")[1]) >= 15552000
    over_http = client.get("/auth/login")
    assert "Strict-Transport-Security" not in over_http.headers
    # Only a proxy that the server trusts may say the request was HTTPS, not any client.
    claimed = client.get("/auth/login", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in claimed.headers


def call(shortcut, environ):
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    body = shortcut({"REQUEST_METHOD": "GET", **environ}, start_response)
    return seen["status"], seen["headers"], body


def test_polls_answered_before_flask_carry_the_same_headers(app, client, workshop):
    path = f"/api/v1/workshops/{workshop.code}/state"
    from_flask = client.get(path)  # fills the stage cache
    assert from_flask.status_code == 200

    def flask_must_not_answer(environ, start_response):
        raise AssertionError("the shortcut should have answered " + environ["PATH_INFO"])

    shortcut = StatePollShortcut(
        flask_must_not_answer,
        app.extensions["aiw_stage"],
        app.extensions["aiw_stage_watch"],
        longest_wait=0,
        state_json=lambda stage: b"{}",
    )
    etag = from_flask.headers["ETag"]
    for tag, expected in ((etag, "304"), ('"older"', "200")):
        status, headers, _body = call(shortcut, {"PATH_INFO": path, "HTTP_IF_NONE_MATCH": tag})
        assert status.startswith(expected)
        assert_secured(headers)
        assert "Strict-Transport-Security" not in headers
        for name in ("Content-Security-Policy", "Permissions-Policy", "Referrer-Policy"):
            assert headers[name] == from_flask.headers[name]
    _status, headers, _body = call(
        shortcut, {"PATH_INFO": path, "HTTP_IF_NONE_MATCH": etag, "wsgi.url_scheme": "https"}
    )
    assert headers["Strict-Transport-Security"].startswith("max-age=")
