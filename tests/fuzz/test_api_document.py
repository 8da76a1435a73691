"""The OpenAPI document tells the truth about the answers schemathesis cannot provoke."""

import pytest

from ai_workshop.api.openapi import openapi_document

from .conftest import in_phase

# Every call that counts against a phone's write limit: (phase, method, path template, body).
LIMITED = [
    ("discover", "PATCH", "/workshops/{code}/stories/{story_id}", {"headline": "Again"}),
    ("discover", "DELETE", "/workshops/{code}/stories/{story_id}", None),
    ("destiny", "PUT", "/workshops/{code}/actions/{action_id}/volunteer", None),
    ("destiny", "DELETE", "/workshops/{code}/actions/{action_id}/volunteer", None),
    ("design", "PUT", "/workshops/{code}/votes/{vote_id}/options/{option_id}", {"dots": 1}),
    ("discover", "POST", "/workshops/{code}/stories", {}),
    ("dream", "POST", "/workshops/{code}/dreams", {}),
]


@pytest.mark.parametrize(("phase", "method", "path", "body"), LIMITED)
def test_a_rate_limited_write_is_a_documented_429(app, client, room, phase, method, path, body):
    app.config["RATELIMIT_ENABLED"] = True
    app.config["RATELIMIT_PARTICIPANT_WRITES"] = (1, 60)
    in_phase(room, phase)
    url = "/api/v1" + path.format(**room["ids"])
    headers = {"Authorization": f"Bearer {room['token']}"}
    client.open(url, method=method, headers=headers, json=body)
    response = client.open(url, method=method, headers=headers, json=body)
    assert response.status_code == 429, response.data
    assert response.headers["Retry-After"]
    documented = openapi_document()["paths"][path][method.lower()]["responses"]
    assert "429" in documented, f"{method} {path} can answer 429"
