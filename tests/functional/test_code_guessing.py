"""Guessing join codes: past the limit of unknown codes from one address, every code gets
429, known ones too (a known code answering 200 would tell the guesser it hit)."""

import pytest

GUESSES = ["ABC234", "XYZ789", "QQQ222"]


@pytest.fixture
def tight(app):
    app.config["RATELIMIT_UNKNOWN_CODES_PER_ADDRESS"] = (3, 60)


@pytest.mark.parametrize(
    "route",
    ["/api/v1/workshops/{code}", "/api/v1/workshops/{code}/state", "/j/{code}",
     "/api/v1/workshops/{code}/stories"],
)  # fmt: skip
def test_unknown_codes_from_one_address_end_in_429_for_every_code(client, workshop, tight, route):
    for guess in GUESSES:
        assert client.get(route.format(code=guess)).status_code == 404
    blocked = client.get(route.format(code="MNP456"))
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) >= 1
    assert client.get(route.format(code=workshop.code)).status_code == 429
    # Another address is not held back by this one's guesses.
    other = client.get(route.format(code=workshop.code), environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert other.status_code in (200, 401)


def test_known_codes_never_count_towards_the_limit(client, workshop, tight):
    for _ in range(10):
        assert client.get(f"/api/v1/workshops/{workshop.code}").status_code == 200
    assert client.get("/api/v1/workshops/ABC234").status_code == 404
