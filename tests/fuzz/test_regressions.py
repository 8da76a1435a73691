"""One test per 5xx the fuzz tests found, each as a person or script would meet it."""

from ai_workshop.extensions import db
from ai_workshop.models import Facilitator, Participant

from .conftest import in_phase

HUGE = "9" * 30
PASSWORD = "correct horse battery"


def _bearer(room) -> dict:
    return {"Authorization": f"Bearer {room['token']}"}


def _boss(app, room):
    client = app.test_client()
    data = {"email": room["facilitator"].email, "password": PASSWORD}
    assert client.post("/auth/login", data=data).status_code == 302
    return client


def test_a_nul_in_a_display_name_is_removed_not_stored(client, room):
    response = client.post(
        "/api/v1/join", json={"code": room["ids"]["code"], "display_name": "Ann\x00\x07e"}
    )
    assert response.status_code == 201 and response.get_json()["display_name"] == "Anne"
    assert db.session.get(Participant, response.get_json()["participant_id"]).display_name == "Anne"


def test_json_nested_thousands_deep_is_a_400(client, room):
    for raw in (b"[" * 5000, b'{"a":' * 5000):
        response = client.post("/api/v1/join", data=raw, content_type="application/json")
        assert response.status_code == 400
        assert "JSON object" in response.get_json()["error"]["message"]


def test_a_lone_surrogate_is_refused_with_a_400(client, room):
    in_phase(room, "discover")
    body = {"headline": "Half a pair \ud800", "story": "Long enough to be a story, really."}
    response = client.patch(
        f"/api/v1/workshops/{room['ids']['code']}/stories/{room['ids']['story_id']}",
        json=body, headers=_bearer(room),
    )  # fmt: skip
    assert response.status_code == 400
    assert "valid Unicode" in response.get_json()["error"]["message"]


def test_an_id_past_integer_in_an_api_path_is_a_json_404(client, room):
    url = f"/api/v1/workshops/{room['ids']['code']}/stories/{HUGE}"
    for method in ("GET", "PATCH", "DELETE"):
        response = client.open(url, method=method, headers=_bearer(room), json={})
        assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"


def test_an_id_past_integer_in_a_json_field_is_a_field_error(client, room):
    in_phase(room, "dream")
    response = client.post(
        f"/api/v1/workshops/{room['ids']['code']}/dreams", headers=_bearer(room),
        json={"client_id": "0d0d0d0d-0000-4000-8000-000000000001", "text": "We dream big",
              "theme_id": int(HUGE)},
    )  # fmt: skip
    assert response.status_code == 422 and "theme_id" in response.get_json()["error"]["fields"]


def test_an_id_past_integer_in_board_and_console_forms_is_not_a_500(app, room):
    boss, code = _boss(app, room), room["ids"]["code"]
    story, theme = room["ids"]["any_story_id"], room["ids"]["theme_id"]
    fetch = {"X-Requested-With": "fetch"}
    moved = boss.post(f"/board/{code}/stories/{story}/move", data={"target": HUGE}, headers=fetch)
    assert moved.status_code == 422  # longer than any row id: a form error
    merged = boss.post(f"/board/{code}/themes/{theme}/merge", data={"into": HUGE}, headers=fetch)
    assert merged.status_code == 422
    split = boss.post(f"/board/{code}/split", data={"name": "New", "story_ids": [HUGE]},
                      headers=fetch)  # fmt: skip
    assert split.status_code == 422
    proposition = room["ids"]["proposition_id"]
    merge = boss.post(f"/workshops/{code}/propositions/{proposition}/merge", data={"into": HUGE})
    assert merge.status_code == 400


def test_white_space_as_a_second_theme_means_none(app, room):
    boss, code = _boss(app, room), room["ids"]["code"]
    url = f"/board/{code}/stories/{room['ids']['any_story_id']}/secondary"
    response = boss.post(url, data={"theme": "  \t "}, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 204


def test_a_nul_in_login_and_signup_is_removed(app, room):
    response = app.test_client().post(
        "/auth/login", data={"email": "no\x00body@example.com", "password": PASSWORD}
    )
    assert response.status_code == 401
    response = app.test_client().post("/auth/signup", data={
        "name": "Nia\x00", "email": "nia@exam\x00ple.com", "password": PASSWORD,
        "confirm": PASSWORD})  # fmt: skip
    assert response.status_code == 302
    assert db.session.query(Facilitator).filter_by(email="nia@example.com").one().name == "Nia"


def test_a_leaders_link_with_a_nul_is_not_found(client, room):
    for url in ("/l/abc%00def", "/l/abc%00def/plan-a4.pdf", "/l/" + "a" * 150):
        assert client.get(url).status_code == 404


def test_a_theme_that_is_not_a_number_gets_words_not_a_coercion_error(app, room):
    in_phase(room, "dream")
    code = room["ids"]["code"]
    phone = app.test_client()
    assert phone.post(f"/j/{code}", data={"display_name": "Pat"}).status_code == 302
    dream = phone.post(f"/p/{code}/dreams", data={"text": "We dream big", "theme_id": "abc"})
    assert dream.status_code == 422
    assert "Choose a theme from the list." in dream.get_data(as_text=True)
    boss = _boss(app, room)
    split = boss.post(f"/board/{code}/split", data={"name": "New", "story_ids": ["abc"]},
                      headers={"X-Requested-With": "fetch"})  # fmt: skip
    assert split.status_code == 422
    assert "Choose stories from the board." in split.get_data(as_text=True)
    for answer in (dream, split):
        assert "coerce" not in answer.get_data(as_text=True)
