"""Steps for the JSON API's tests: join as a phone, its bearer header, a valid story, and
the error envelope every refusal must carry."""

import uuid


def api_join(client, code, name="Sam"):
    response = client.post("/api/v1/join", json={"code": code, "display_name": name})
    assert response.status_code == 201, response.json
    return response.json


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def story_payload(**overrides):
    payload = {
        "client_id": str(uuid.uuid4()),
        "headline": "The grandmother and the smart speaker",
        "story": "I slowed down and talked her through every button until her song played.",
        "made_possible": "Nobody rushed me.",
        "strengths": ["patience", "warmth", "Keeping promise", "calm voice"],
        "wish": "Celebrate long calls.",
        "whose": "mine",
        "consent": "anonymous",
    }
    payload.update(overrides)
    return payload


def assert_error(response, status, code):
    assert response.status_code == status, response.data
    assert response.is_json
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]
