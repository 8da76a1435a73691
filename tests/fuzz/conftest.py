"""One complete session for the fuzz tests: every kind of item exists, so ids are real."""

import pytest

from ai_workshop.contributions.votes import current_vote, options_for
from ai_workshop.extensions import db
from ai_workshop.models import Action, Dream, Proposition, Story, Theme
from ai_workshop.workshops.services import set_phase

from ..functional.test_plan import fill_session

STORY = {
    "client_id": "6f1c1f6e-0000-4000-8000-000000000001",
    "headline": "Mine",
    "story": "A story long enough to be kept.",
    "strengths": ["patience"],
    "consent": "anonymous",
}


def _first(model, workshop, **filters):
    return db.session.query(model).filter_by(workshop_id=workshop.id, **filters).first()


@pytest.fixture
def room(app, make, facilitator, client):
    """A complete session, and a phone that joined it through the API."""
    app.config["RATELIMIT_ENABLED"] = False  # thousands of requests a minute, on purpose
    workshop = make.workshop(facilitator, phase="discover")
    fill_session(make, workshop)
    joined = client.post("/api/v1/join", json={"code": workshop.code, "display_name": "Fuzz"})
    assert joined.status_code == 201
    token = joined.get_json()["participant_token"]
    set_phase(workshop, "discover")
    db.session.commit()
    story = client.post(
        f"/api/v1/workshops/{workshop.code}/stories",
        json=STORY,
        headers={"Authorization": f"Bearer {token}"},
    )
    assert story.status_code == 201, story.get_json()
    vote = current_vote(workshop)
    return {
        "workshop": workshop,
        "facilitator": facilitator,
        "token": token,
        "ids": {
            "code": workshop.code,
            "story_id": story.get_json()["id"],
            "action_id": _first(Action, workshop).id,
            "vote_id": vote.id,
            "option_id": options_for(workshop, vote.target)[0].id,
            "theme_id": _first(Theme, workshop, chosen=True).id,
            "proposition_id": _first(Proposition, workshop).id,
            "dream_id": _first(Dream, workshop).id,
            "any_story_id": _first(Story, workshop).id,
        },
    }


def in_phase(room, phase: str) -> None:
    set_phase(room["workshop"], phase)
    db.session.commit()
