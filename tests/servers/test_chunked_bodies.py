"""A body sent in chunks (no Content-Length) is held to the same limit as any other: past
MAX_CONTENT_LENGTH it is refused with 413, never cut short and stored."""

import http.client
import json
import uuid

import pytest

from tests.support.server import GunicornServer

LIMIT = 256 * 1024


@pytest.fixture(scope="module")
def server():
    running = GunicornServer(extra_env={"WORKERS": "1"})
    _email, _password, code = running.seed(phase="discover")
    running.start()
    yield running, code
    running.stop()


def send(server, method: str, path: str, body: bytes, headers: dict, chunked: bool):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    pieces = (body[start : start + 8192] for start in range(0, len(body), 8192))
    connection.request(
        method, path, body=pieces if chunked else body, headers=headers, encode_chunked=chunked
    )
    response = connection.getresponse()
    answer = response.status, response.read()
    connection.close()
    return answer


def join(server, code: str) -> str:
    body = json.dumps({"code": code}).encode()
    status, answer = send(
        server, "POST", "/api/v1/join", body, {"Content-Type": "application/json"}, False
    )
    assert status == 201
    return json.loads(answer)["participant_token"]


def story_body(story: str, padding: int = 0) -> bytes:
    payload = {
        "client_id": uuid.uuid4().hex,
        "headline": "Chunked",
        "story": story,
        "strengths": ["Ownership"],
    }
    if padding:
        payload["padding"] = "x" * padding
    return json.dumps(payload).encode()


def test_a_chunked_body_past_the_limit_is_refused_with_413(server):
    running, code = server
    token = join(running, code)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    path = f"/api/v1/workshops/{code}/stories"
    status, _answer = send(running, "POST", path, story_body("A" * 3910, LIMIT), headers, True)
    assert status == 413
    # Within the limit, chunked, every character arrives.
    status, answer = send(running, "POST", path, story_body("B" * 3910), headers, True)
    assert status == 201, answer
    story_id = json.loads(answer)["id"]
    connection = http.client.HTTPConnection("127.0.0.1", running.port, timeout=30)
    connection.request("GET", f"{path}/{story_id}", headers=headers)
    stored = json.loads(connection.getresponse().read())
    assert stored["story"] == "B" * 3910
    # And the refused one was not stored.
    connection.request("GET", path, headers=headers)
    listed = json.loads(connection.getresponse().read())
    connection.close()
    assert [item["headline"] for item in listed["stories"]] == ["Chunked"]
