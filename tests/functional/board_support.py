"""A room of labelled stories for the theme board's HTTP tests, and the facilitator's desk
that previews and applies suggestions on it."""

import json
import re
from pathlib import Path

from ai_workshop.board.snapshots import board_state
from ai_workshop.extensions import db
from ai_workshop.models import Story, Theme

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "ai_stories.json"


def labelled_rows(count: int = 24) -> list[dict]:
    return json.loads(DATA.read_text())["stories"][:count]


def add_labelled_stories(make, workshop, count: int = 24) -> list:
    """The first `count` labelled stories, told by three tellers, quotable by name."""
    tellers = [make.participant(workshop, "Teller") for _ in range(3)]
    return [
        make.story(
            workshop,
            tellers[number % 3],
            headline=row["headline"],
            story=row["story"],
            made_possible=row["made_possible"],
            strengths=row["strengths"][:4],
            consent="named",
        )
        for number, row in enumerate(labelled_rows(count))
    ]


def board_desk(client, facilitator, workshop, login):
    """The facilitator's browser without JavaScript: plain forms, redirects followed by hand."""
    login(facilitator)
    base = f"/board/{workshop.code}"

    class Desk:
        def post(self, path, script=False, **data):
            headers = {"X-Requested-With": "fetch"} if script else {}
            return client.post(base + path, data=data, headers=headers)

        def preview(self, k=""):
            return client.get(f"{base}/suggest", query_string={"k": k})

        def apply(self, k="", fingerprint=None, script=False):
            if fingerprint is None:
                fingerprint = fingerprint_in(self.preview(k).get_data(as_text=True))
            return self.post("/suggest/apply", script=script, k=k, fingerprint=fingerprint)

        def page(self):
            return client.get(base).get_data(as_text=True)

    return Desk()


def fingerprint_in(html: str) -> str:
    found = re.search(r'name="fingerprint" value="([0-9a-f]{64})"', html)
    assert found, "the page shows no preview to apply"
    return found.group(1)


def themes(workshop):
    return Theme.query.filter_by(workshop_id=workshop.id).order_by(Theme.position).all()


def state(workshop) -> dict:
    db.session.expire_all()
    found = board_state(workshop)
    found["themes"] = sorted(found["themes"], key=lambda entry: entry["id"])
    return found


def placements(workshop) -> dict[int, tuple]:
    db.session.expire_all()
    return {
        s.id: (s.theme_id, s.secondary_theme_id)
        for s in Story.query.filter_by(workshop_id=workshop.id)
    }


def first_suggestion(desk, workshop, k="4"):
    response = desk.post("/suggest", script=True, k=k)
    assert response.status_code == 200 and "themes suggested" in response.json["message"]
    return themes(workshop)
