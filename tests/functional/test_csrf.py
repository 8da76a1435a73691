"""With CSRF on, as in production: every state-changing route outside /api/v1 wants a token.

The tests' configuration switches CSRF off to keep other tests short; this one turns it on
and walks the URL map, so a new route is covered as soon as it exists.
"""

import re

import pytest

from ai_workshop import create_app
from ai_workshop.extensions import db

from ..conftest import config_for_tests
from ..factories import PASSWORD, Factories

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
CSRF_MESSAGE = "This page was open too long or the form expired. Reload and try again."
CSRF_FIELD = re.compile(rb'name="csrf_token" type="hidden" value="([^"]+)"')


@pytest.fixture
def site(tmp_path):
    """An app with CSRF on; each request gets its own app context, as in production."""
    config = config_for_tests(f"sqlite:///{tmp_path / 'csrf.sqlite3'}")
    config["WTF_CSRF_ENABLED"] = True
    app = create_app(config)
    with app.app_context():
        db.create_all()
        make = Factories()
        app.facilitator = make.facilitator()
        app.workshop = make.workshop(app.facilitator, phase="discover")
        app.story = make.story(app.workshop, make.participant(app.workshop))
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


def logged_in_client(app):
    client = app.test_client()
    token = CSRF_FIELD.search(client.get("/auth/login").data).group(1).decode()
    data = {"email": app.facilitator.email, "password": PASSWORD, "csrf_token": token}
    assert client.post("/auth/login", data=data).status_code == 302
    return client


def url_for_rule(rule, workshop, story) -> str:
    values = {"code": workshop.code, "story_id": story.id, "token": "not-a-real-link"}
    values |= {"paper": "a4", "filename": "css/app.css", "kind": "dreams", "joining": 1}
    for argument in rule.arguments - set(values):
        values[argument] = 1  # theme_id, vote_id, item_id and the like
    return rule.build(values, append_unknown=False)[1]


def state_changing_requests(app):
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods & STATE_CHANGING):
            yield rule, method, url_for_rule(rule, app.workshop, app.story)


def test_every_form_route_refuses_a_request_without_a_token(site):
    client = logged_in_client(site)
    checked = []
    for rule, method, url in state_changing_requests(site):
        if rule.rule.startswith("/api/v1/"):
            continue
        response = client.open(url, method=method, data={"text": "x"})
        assert response.status_code == 400, (method, url, response.status_code)
        assert response.mimetype == "text/html"
        page = response.get_data(as_text=True)
        assert CSRF_MESSAGE.replace("'", "&#39;") in page, (method, url)
        assert "Traceback" not in page
        checked.append(rule.endpoint)
    assert {"auth.login", "auth.logout", "phone.submit", "workshops.change_phase"} <= set(checked)
    assert len(checked) >= 40
    assert client.get("/workshops/").status_code == 200  # the refused logout did nothing


def test_a_script_without_a_token_gets_the_same_refusal_as_json(site):
    client = logged_in_client(site)
    response = client.post(
        f"/workshops/{site.workshop.code}/phase",
        data={"phase": "dream"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400
    assert response.json["error"] == {"code": "bad_request", "message": CSRF_MESSAGE}


def test_the_api_takes_bearer_tokens_and_needs_no_csrf_token(site):
    client = site.test_client()
    api_routes = 0
    for rule, method, url in state_changing_requests(site):
        if not rule.rule.startswith("/api/v1/"):
            continue
        response = client.open(url, method=method, json={})
        assert response.is_json, (method, url)
        assert response.json["error"]["message"] != CSRF_MESSAGE, (method, url)
        api_routes += 1
    assert api_routes >= 10
    joined = client.post("/api/v1/join", json={"code": site.workshop.code, "display_name": "Li"})
    assert joined.status_code == 201
    story = {
        "client_id": "6f1c1b8e-5a43-4f0e-9a53-0a4d1c0e8f11",
        "headline": "A call that ended in thanks",
        "story": "She called angry and left laughing because we fixed it together on the line.",
        "strengths": ["patience"],
        "whose": "mine",
        "consent": "anonymous",
    }
    stored = client.post(
        f"/api/v1/workshops/{site.workshop.code}/stories",
        json=story,
        headers={"Authorization": f"Bearer {joined.json['participant_token']}"},
    )
    assert stored.status_code == 201, stored.json
