"""Hostile values in every field of every JSON write, and hostile bodies of every shape."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import in_phase
from .hostile import (
    FUZZ,
    HOSTILE_TEXT,
    LONE_SURROGATES,
    assert_handled,
    json_value,
    stored_nul_bytes,
)

UUID = "5e0b2a1c-1111-4111-8111-{:012d}"


def _writes(ids: dict) -> dict:
    """(phase, method, path, a valid body) for every API call that takes a body."""
    code = ids["code"]
    base = f"/api/v1/workshops/{code}"
    return {
        "join": ("discover", "POST", "/api/v1/join", {"code": code, "display_name": "Ann"}),
        "story": ("discover", "POST", f"{base}/stories", {
            "client_id": None, "headline": "A good day", "story": "Long enough to be a story.",
            "made_possible": "Help", "wish": "More", "whose": "mine", "consent": "named",
            "strengths": ["patience"]}),
        "story_patch": ("discover", "PATCH", f"{base}/stories/{ids['story_id']}", {
            "headline": "A better day", "story": "Still long enough to be a story.",
            "made_possible": "Help", "wish": "More", "whose": "partner", "consent": "private",
            "strengths": ["warmth"]}),
        "dream": ("dream", "POST", f"{base}/dreams", {
            "client_id": None, "text": "We dream big", "theme_id": ids["theme_id"]}),
        "proposition": ("design", "POST", f"{base}/propositions", {
            "client_id": None, "text": "We always call back", "theme_id": ids["theme_id"]}),
        "action": ("destiny", "POST", f"{base}/actions", {
            "client_id": None, "title": "Start a rota", "proposition_id": ids["proposition_id"],
            "theme_id": None, "owner": "Ann", "first_step": "Draft", "due_date": "2030-01-31",
            "help_needed": "Lead", "success_measure": "Calls on time"}),
        "commitment": ("destiny", "POST", f"{base}/commitments", {
            "client_id": None, "kind": "offer", "text": "I can coach", "consent": "anonymous"}),
        "dots": ("design", "PUT",
                 f"{base}/votes/{ids['vote_id']}/options/{ids['option_id']}", {"dots": 1}),
    }  # fmt: skip


def _send(client, room, name: str, body, **kwargs):
    phase, method, path, _valid = _writes(room["ids"])[name]
    in_phase(room, phase)
    headers = {"Authorization": f"Bearer {room['token']}"}
    return client.open(path, method=method, headers=headers, json=body, **kwargs)


OPERATIONS = list(_writes({"code": "", **dict.fromkeys(
    ["story_id", "theme_id", "proposition_id", "vote_id", "option_id"], 0)}))  # fmt: skip


@pytest.mark.parametrize("name", OPERATIONS)
def test_every_field_takes_hostile_values_without_a_server_error(client, room, name):
    valid = _writes(room["ids"])[name][3]
    serial = iter(range(10**6))

    def body_with(field, value) -> dict:
        body = {**valid, field: value}
        if body.get("client_id", "") is None:
            body["client_id"] = UUID.format(next(serial))
        return body

    for field in sorted(valid) + ["unexpected", "__proto__"]:
        for value in HOSTILE_TEXT + [12, -1, 2**70, 1.5, True, None, ["a"], {"a": 1}]:
            assert_handled(_send(client, room, name, body_with(field, value)))

    @FUZZ
    @given(field=st.sampled_from(sorted(valid)), value=json_value)
    def generated(field, value):
        assert_handled(_send(client, room, name, body_with(field, value)))

    generated()
    assert stored_nul_bytes() == []


NOT_OBJECTS = [[], ["a"], "text", 12, None, True, [{"code": "x"}]]
MALFORMED = [b"{", b"\xff\xfe{}", b'{"a": NaN}', b'{"a": 1e999}', b"[" * 5000, b'{"a": ' * 5000,
             b'{"a":"\\u0000"}']  # fmt: skip


def test_a_body_that_is_not_a_json_object_is_a_clear_client_error(client, room):
    for name in OPERATIONS:
        for body in NOT_OBJECTS:
            response = _send(client, room, name, body)
            assert response.status_code in (400, 422), (name, body, response.data)
            assert response.get_json()["error"]["message"]
        for raw in MALFORMED:
            response = _send(client, room, name, None, data=raw, content_type="application/json")
            assert_handled(response, {200, 201, 400, 409, 422})
            if response.status_code >= 400:
                assert response.get_json()["error"]["message"]


def test_lone_surrogates_in_json_text_are_refused(client, room):
    for name in OPERATIONS:
        valid = _writes(room["ids"])[name][3]
        for surrogate in LONE_SURROGATES:
            body = {key: (surrogate if isinstance(value, str) else value)
                    for key, value in valid.items()}  # fmt: skip
            body["note"] = surrogate  # the dots call has no text field of its own
            response = _send(client, room, name, body)
            assert response.status_code == 400, (name, response.data)
            assert "Unicode" in response.get_json()["error"]["message"]


def test_over_long_ids_in_the_path_are_not_found(client, room):
    headers = {"Authorization": f"Bearer {room['token']}"}
    for path in ("/stories/{huge}", "/actions/{huge}/volunteer", "/votes/{huge}/options/1",
                 "/votes/1/options/{huge}"):  # fmt: skip
        url = f"/api/v1/workshops/{room['ids']['code']}" + path.format(huge="9" * 30)
        for method in ("GET", "PUT", "PATCH", "DELETE"):
            response = client.open(url, method=method, headers=headers, json={"dots": 1})
            assert response.status_code in (404, 405), (method, url, response.data)


def test_hostile_values_of_every_kind_are_in_the_list():
    """The fixed list keeps the cases the issue names, whatever the generator draws."""
    joined = "".join(HOSTILE_TEXT)
    for needle in ("<script>", "onerror", "{{7*7}}", "{% raw %}", "${7*7}", "\x00", "\u202e",
                   "\u200d", "\u0301", "😀"):  # fmt: skip
        assert needle in joined
    assert max(map(len, HOSTILE_TEXT)) >= 100_000 and "" in HOSTILE_TEXT


def test_a_body_over_the_size_limit_is_a_clear_413(app, client, room):
    big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = _send(client, room, "story", {"headline": big})
    assert response.status_code == 413
    assert "too much text" in response.get_json()["error"]["message"]
