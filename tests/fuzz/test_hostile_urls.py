"""Every route of the URL map with a hostile value in each part of its path: never a 5xx."""

import re

from ai_workshop.extensions import db
from ai_workshop.models import Plan

from .conftest import in_phase
from .hostile import assert_handled

PASSWORD = "correct horse battery"
# Percent-encoded as a browser or script would send them: a NUL, half of a UTF-16 pair
# encoded as UTF-8 (not valid UTF-8), a number past any id, markup, a climb out of /static.
SEGMENTS = ["%00", "ab%00cd", "%ED%A0%80", "9" * 30, "-1", "%3Cscript%3E", "..%2F..%2Fetc",
            "%F0%9F%98%80", "A" * 300, "%20"]  # fmt: skip
ROUTE_STATUSES = {200, 204, 302, 303, 400, 401, 403, 404, 405, 409, 413, 422}


def _valid(room, leader_token: str) -> dict:
    return {**room["ids"], "token": leader_token, "paper": "a4", "joining": 1,
            "filename": "css/app.css", "facilitator_id": 1, "kind": "dreams",
            "item_id": 1, "number": 1}  # fmt: skip


def _routes(app) -> list:
    return [rule for rule in app.url_map.iter_rules() if rule.arguments]


def test_every_path_argument_takes_hostile_values(app, room):
    boss = app.test_client()
    assert boss.post(
        "/auth/login", data={"email": room["facilitator"].email, "password": PASSWORD}
    ).status_code == 302  # fmt: skip
    assert boss.post(f"/plan/{room['ids']['code']}/share").status_code == 302
    plan = db.session.query(Plan).filter_by(workshop_id=room["workshop"].id).one()
    valid = _valid(room, plan.share_token)
    phone = app.test_client()
    assert phone.post(f"/j/{room['ids']['code']}", data={"display_name": "Pat"}).status_code == 302
    in_phase(room, "discover")
    tried = 0
    for rule in _routes(app):
        for argument in sorted(rule.arguments):
            for segment in SEGMENTS:
                path = rule.rule
                for name in rule.arguments:
                    value = segment if name == argument else str(valid[name])
                    path = _fill(path, name, value)
                for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                    for client in (boss, phone):
                        response = client.open(path, method=method, data={})
                        assert_handled(response, ROUTE_STATUSES)
                        tried += 1
    assert tried > 1000


def _fill(path: str, name: str, value: str) -> str:
    """Put a value where <name>, <int:name>, <path:name> or <any(...):name> stands."""
    return re.sub(rf"<(?:[^<>:]+:)?{name}>", lambda _match: value, path)
