"""The JSON API: join, idempotent stories, own stories and JSON errors (the stage phones poll:
test_api_state.py)."""

import re

import pytest

from ai_workshop.extensions import db
from ai_workshop.models import Story

from ..support.api import api_join, assert_error, bearer, story_payload


def test_join_returns_a_token_and_the_workshop(client, workshop):
    body = api_join(client, workshop.code.lower())
    assert body["participant_token"] and body["participant_id"]
    assert body["workshop"]["code"] == workshop.code
    assert body["workshop"]["phase"] == "discover"
    assert "patience" in body["workshop"]["strengths_vocabulary"]


def test_a_name_longer_than_the_schema_allows_is_refused_with_the_limit(client, workshop):
    long_name = client.post("/api/v1/join", json={"code": workshop.code, "display_name": "A" * 41})
    assert_error(long_name, 422, "validation_failed")
    assert "40" in long_name.json["error"]["fields"]["display_name"][0]
    assert api_join(client, workshop.code, name=" " + "B" * 40 + " ")["display_name"] == "B" * 40


def test_join_errors(client, workshop):
    assert_error(client.post("/api/v1/join", json={"code": "ZZZZZZ"}), 404, "not_found")
    assert_error(client.post("/api/v1/join", json={"code": 12}), 422, "validation_failed")
    assert_error(client.post("/api/v1/join", data="not json"), 400, "bad_request")
    assert_error(client.post("/api/v1/join", json=["a"]), 400, "bad_request")


def test_create_story_then_retry_returns_the_same_id(client, workshop):
    token = api_join(client, workshop.code)["participant_token"]
    payload = story_payload()
    url = f"/api/v1/workshops/{workshop.code}/stories"
    created = client.post(url, json=payload, headers=bearer(token))
    assert created.status_code == 201
    retry = client.post(url, json=payload, headers=bearer(token))
    assert retry.status_code == 200
    assert retry.json["id"] == created.json["id"]
    assert Story.query.count() == 1
    story = Story.query.one()
    assert story.strength_names == ["patience", "warmth", "keeping promises", "calm voice"]


def test_story_needs_a_valid_token(client, make, facilitator, workshop):
    url = f"/api/v1/workshops/{workshop.code}/stories"
    assert_error(client.post(url, json=story_payload()), 401, "unauthorized")
    assert_error(
        client.post(url, json=story_payload(), headers=bearer("forged")), 401, "unauthorized"
    )
    other = make.workshop(facilitator, phase="discover", name="Other")
    foreign = api_join(client, other.code)["participant_token"]
    assert_error(client.post(url, json=story_payload(), headers=bearer(foreign)), 403, "forbidden")
    # An unknown room is a 404 whatever the token: the room is checked before the phone.
    assert_error(
        client.post(
            "/api/v1/workshops/ZZZZ99/stories", json=story_payload(), headers=bearer(foreign)
        ),
        404,
        "not_found",
    )


def test_story_cap_refuses_the_next_story_but_answers_retries(client, workshop, monkeypatch):
    from ai_workshop.stories import services

    monkeypatch.setattr(services, "MAX_STORIES_PER_PARTICIPANT", 2)
    token = api_join(client, workshop.code)["participant_token"]
    url = f"/api/v1/workshops/{workshop.code}/stories"
    first = story_payload()
    for payload in (first, story_payload()):
        assert client.post(url, json=payload, headers=bearer(token)).status_code == 201
    refused = client.post(url, json=story_payload(), headers=bearer(token))
    assert_error(refused, 409, "conflict")
    assert "2 stories" in refused.json["error"]["message"]
    retry = client.post(url, json=first, headers=bearer(token))
    assert retry.status_code == 200 and retry.json["created"] is False
    assert Story.query.count() == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"headline": ""}, "headline"),
        ({"story": "too short"}, "story"),
        ({"story": "x" * 4001}, "story"),
        ({"strengths": []}, "strengths"),
        ({"strengths": ["a", "b", "c", "d", "e"]}, "strengths"),
        ({"strengths": "patience"}, "strengths"),
        ({"headline": 42}, "headline"),
        ({"consent": "sure"}, "consent"),
        ({"whose": "theirs"}, "whose"),
        ({"client_id": "not-a-uuid"}, "client_id"),
        ({"client_id": None}, "client_id"),
    ],
)
def test_invalid_stories_get_field_errors(client, workshop, change, field):
    token = api_join(client, workshop.code)["participant_token"]
    response = client.post(
        f"/api/v1/workshops/{workshop.code}/stories",
        json=story_payload(**change),
        headers=bearer(token),
    )
    assert_error(response, 422, "validation_failed")
    assert field in response.json["error"]["fields"]
    assert Story.query.count() == 0


def test_story_outside_discovery_is_409(client, make, facilitator):
    workshop = make.workshop(facilitator, phase="design")
    token = api_join(client, workshop.code)["participant_token"]
    response = client.post(
        f"/api/v1/workshops/{workshop.code}/stories", json=story_payload(), headers=bearer(token)
    )
    assert_error(response, 409, "phase_closed")


def test_too_large_body_is_413(client, workshop):
    token = api_join(client, workshop.code)["participant_token"]
    response = client.post(
        f"/api/v1/workshops/{workshop.code}/stories",
        json=story_payload(story="x" * 400_000),
        headers=bearer(token),
    )
    assert_error(response, 413, "too_large")


def test_list_patch_and_delete_own_story(client, workshop):
    token = api_join(client, workshop.code)["participant_token"]
    base = f"/api/v1/workshops/{workshop.code}/stories"
    story_id = client.post(base, json=story_payload(), headers=bearer(token)).json["id"]
    listed = client.get(base, headers=bearer(token)).json["stories"]
    assert [story["id"] for story in listed] == [story_id]
    patched = client.patch(
        f"{base}/{story_id}", json={"headline": "New headline"}, headers=bearer(token)
    )
    assert patched.status_code == 200
    assert patched.json["headline"] == "New headline"
    assert patched.json["consent"] == "anonymous"
    assert client.delete(f"{base}/{story_id}", headers=bearer(token)).status_code == 204
    assert_error(client.get(f"{base}/{story_id}", headers=bearer(token)), 404, "not_found")


def test_cannot_touch_someone_elses_story(client, workshop):
    owner = api_join(client, workshop.code, "Owner")["participant_token"]
    other = api_join(client, workshop.code, "Other")["participant_token"]
    base = f"/api/v1/workshops/{workshop.code}/stories"
    story_id = client.post(base, json=story_payload(), headers=bearer(owner)).json["id"]
    assert_error(
        client.patch(f"{base}/{story_id}", json={"headline": "Mine now"}, headers=bearer(other)),
        403,
        "forbidden",
    )
    assert_error(client.delete(f"{base}/{story_id}", headers=bearer(other)), 403, "forbidden")
    assert db.session.get(Story, story_id).headline != "Mine now"


def test_unknown_api_route_and_method_are_json(client):
    assert_error(client.get("/api/v1/nothing-here"), 404, "not_found")
    assert_error(client.put("/api/v1/join"), 405, "method_not_allowed")


def test_openapi_describes_every_api_route(client, app):
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"].startswith("3.")
    described = {
        (path, method.upper()) for path, item in document["paths"].items() for method in item
    }
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1"):
            continue
        path = re.sub(r"<(?:int:)?(\w+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
        # <any(a, b):kind> is one documented path per word.
        choice = re.search(r"<any\(([^)]*)\):\w+>", path)
        words = [word.strip() for word in choice.group(1).split(",")] if choice else [None]
        for word in words:
            concrete = path.replace(choice.group(0), word) if choice else path
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                assert (concrete, method) in described, (concrete, method)


def test_a_runaway_phone_gets_429_with_retry_after(client, app, workshop):
    app.config["RATELIMIT_PARTICIPANT_WRITES"] = (3, 60)
    token = api_join(client, workshop.code)["participant_token"]
    url = f"/api/v1/workshops/{workshop.code}/stories"
    statuses = [
        client.post(url, json=story_payload(), headers=bearer(token)).status_code for _ in range(3)
    ]
    assert statuses == [201, 201, 201]
    limited = client.post(url, json=story_payload(), headers=bearer(token))
    assert_error(limited, 429, "too_many_requests")
    assert int(limited.headers["Retry-After"]) >= 1
    assert Story.query.count() == 3
    other = api_join(client, workshop.code, "Other")["participant_token"]
    assert client.post(url, json=story_payload(), headers=bearer(other)).status_code == 201


def test_the_api_keeps_a_partners_name_only_on_a_partners_story(client, workshop):
    token = api_join(client, workshop.code)["participant_token"]
    base = f"/api/v1/workshops/{workshop.code}/stories"

    def sent(**overrides):
        story_id = client.post(base, json=story_payload(**overrides), headers=bearer(token))
        return client.get(f"{base}/{story_id.json['id']}", headers=bearer(token)).json

    assert sent(partner_name="Ben")["partner_name"] == ""
    partners = sent(whose="partner", partner_name="Ben")
    assert partners["partner_name"] == "Ben"
    patched = client.patch(
        f"{base}/{partners['id']}", json={"whose": "mine"}, headers=bearer(token)
    )
    assert (patched.json["whose"], patched.json["partner_name"]) == ("mine", "")
