"""Participants delete their own dreams, propositions, actions and commitments, for good."""

import uuid

import pytest

from ai_workshop.extensions import db
from ai_workshop.models import Action, Commitment, Dream, Participant, Proposition

MODELS = {
    "dreams": (Dream, {"text": "Every caller is greeted by name"}),
    "propositions": (Proposition, {"text": "We call back when we said we would"}),
    "actions": (Action, {"title": "A callback rota"}),
    "commitments": (Commitment, {"text": "I will pair with a new starter"}),
}


def written_by(participant, kind: str):
    model, fields = MODELS[kind]
    item = model(
        workshop_id=participant.workshop_id,
        participant_id=participant.id,
        client_id=str(uuid.uuid4()),
        **fields,
    )
    db.session.add(item)
    db.session.commit()
    return item


def api_join(client, code):
    return client.post("/api/v1/join", json={"code": code}).get_json()


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_a_participant_deletes_their_own_over_the_api(client, make, workshop, kind):
    joined = api_join(client, workshop.code)
    me = db.session.get(Participant, joined["participant_id"])
    mine, theirs = written_by(me, kind), written_by(make.participant(workshop), kind)
    headers = {"Authorization": f"Bearer {joined['participant_token']}"}
    base = f"/api/v1/workshops/{workshop.code}/{kind}"

    refused = client.delete(f"{base}/{theirs.id}", headers=headers)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["message"] == "You can only delete what you wrote."
    assert client.delete(f"{base}/{mine.id}", headers=headers).status_code == 204
    assert client.delete(f"{base}/{mine.id}", headers=headers).status_code == 404
    db.session.expire_all()
    model = MODELS[kind][0]
    assert db.session.get(model, mine.id) is None
    assert db.session.get(model, theirs.id) is not None


def test_a_phone_deletes_its_own_dream_from_the_page(client, make, facilitator):
    workshop = make.workshop(facilitator, phase="dream")
    client.post(f"/j/{workshop.code}", data={"display_name": "Sam"})
    me = db.session.scalars(db.select(Participant).where(Participant.display_name == "Sam")).one()
    mine, theirs = written_by(me, "dreams"), written_by(make.participant(workshop), "dreams")
    page = client.get(f"/p/{workshop.code}").text
    assert f"/p/{workshop.code}/mine/dreams/{mine.id}/delete" in page
    assert f"/mine/dreams/{theirs.id}/delete" not in page

    response = client.post(f"/p/{workshop.code}/mine/dreams/{mine.id}/delete")
    assert response.status_code == 302 and response.headers["Location"].endswith("#my-dreams")
    assert "Deleted." in client.get(f"/p/{workshop.code}").text
    refused = client.post(
        f"/p/{workshop.code}/mine/dreams/{theirs.id}/delete", follow_redirects=True
    )
    assert "You can only delete what you wrote." in refused.text
    db.session.expire_all()
    assert db.session.get(Dream, mine.id) is None
    assert db.session.get(Dream, theirs.id) is not None
