"""Dream, Design and Destiny over HTTP: phones (forms and API), console controls, projector."""

import uuid

import pytest

from ai_workshop.extensions import db
from ai_workshop.models import Action, Commitment, Dream, Proposition, Theme, Vote
from ai_workshop.workshops.services import set_phase


def cid():
    return str(uuid.uuid4())


@pytest.fixture
def session(app, make, facilitator, login, client):
    workshop = make.workshop(facilitator, phase="dream", name="Session")
    for position, name in enumerate(["Ownership", "Warmth", "Learning"]):
        db.session.add(Theme(workshop_id=workshop.id, name=name, position=position))
    db.session.commit()
    login(facilitator)
    return workshop


def phone(app, workshop, name="Phone"):
    client = app.test_client()
    client.post(f"/j/{workshop.code}", data={"display_name": name})
    return client


def api_phone(client, workshop, name="Api"):
    token = client.post("/api/v1/join", json={"code": workshop.code, "display_name": name}).json[
        "participant_token"
    ]
    return {"Authorization": f"Bearer {token}"}


def to_phase(workshop, phase):
    set_phase(workshop, phase)
    db.session.commit()


def theme_ids(workshop):
    return [t.id for t in Theme.query.filter_by(workshop_id=workshop.id).order_by(Theme.position)]


def test_dreams_from_a_phone_form_and_the_api(app, client, session):
    person = phone(app, session)
    page = person.get(f"/p/{session.code}").data.decode()
    assert session.dream_prompt.replace("'", "&#39;") in page and 'name="text"' in page
    response = person.post(
        f"/p/{session.code}/dreams",
        data={
            "client_id": cid(),
            "text": "Customers tell friends we fix things first time",
            "theme_id": str(theme_ids(session)[0]),
        },
    )
    assert response.status_code == 302 and "sent=dream" in response.headers["Location"]
    assert b"Your dream is on the wall" in person.get(response.headers["Location"]).data
    too_short = person.post(f"/p/{session.code}/dreams", data={"client_id": cid(), "text": "no"})
    assert too_short.status_code == 422
    headers = api_phone(client, session)
    body = {"client_id": cid(), "text": "Every caller feels heard"}
    assert (
        client.post(
            f"/api/v1/workshops/{session.code}/dreams", json=body, headers=headers
        ).status_code
        == 201
    )
    assert (
        client.post(
            f"/api/v1/workshops/{session.code}/dreams", json=body, headers=headers
        ).status_code
        == 200
    )
    assert Dream.query.count() == 2
    wrong = client.post(
        f"/api/v1/workshops/{session.code}/dreams",
        json={"client_id": cid(), "text": "A dream", "theme_id": 99999},
        headers=headers,
    )
    assert wrong.status_code == 422 and "theme_id" in wrong.json["error"]["fields"]
    projector = client.get(f"/projector/{session.code}/panel").data.decode()
    assert "Every caller feels heard" in projector and "Ownership" in projector


def test_dot_vote_end_to_end(app, client, session):
    ownership, warmth, learning = theme_ids(session)
    response = client.post(
        f"/workshops/{session.code}/votes", data={"target": "themes", "dots": "2", "hidden": "1"}
    )
    assert response.status_code == 302
    vote = Vote.query.one()
    assert (vote.dots_per_person, vote.revealed, vote.is_open) == (2, False, True)
    person = phone(app, session)
    page = person.get(f"/p/{session.code}").data.decode()
    assert "Spend your dots" in page and "2 of 2 dots left" in page.replace(
        "</span> ", " "
    ).replace("<span data-dots-left>", "")
    person.post(f"/p/{session.code}/votes/{vote.id}", data={"option_id": str(warmth), "dots": "2"})
    headers = api_phone(client, session)
    url = f"/api/v1/workshops/{session.code}/votes/{vote.id}/options/{ownership}"
    assert client.put(url, json={"dots": 2}, headers=headers).json["dots_left"] == 0
    over = client.put(
        f"/api/v1/workshops/{session.code}/votes/{vote.id}/options/{learning}",
        json={"dots": 1},
        headers=headers,
    )
    assert over.status_code == 409 and "no dots left" in over.json["error"]["message"]
    hidden = client.get(f"/projector/{session.code}/panel").data.decode()
    assert "votes are in" in hidden and "bar-row" not in hidden
    client.post(f"/workshops/{session.code}/votes/{vote.id}/reveal", data={"value": "1"})
    shown = client.get(f"/projector/{session.code}/panel").data.decode()
    assert shown.count('class="bar-row') == 3 and "=<span" in shown  # two options tie at 2
    client.post(f"/workshops/{session.code}/votes/{vote.id}/close")
    assert (
        client.get(f"/api/v1/workshops/{session.code}/vote", headers=headers).json["open"] is False
    )
    console = client.get(f"/workshops/{session.code}/console").data.decode()
    assert f'value="{ownership}" checked' in console and f'value="{warmth}" checked' in console


def test_design_propositions_with_tense_hint_edit_and_merge(app, client, session):
    ownership, warmth, _learning = theme_ids(session)
    client.post(f"/workshops/{session.code}/design-themes", data={"theme_ids": [str(ownership)]})
    to_phase(session, "design")
    person = phone(app, session)
    response = person.post(
        f"/p/{session.code}/propositions",
        data={
            "client_id": cid(),
            "theme_id": str(ownership),
            "text": "We will own every issue to the end",
        },
    )
    assert response.status_code == 302
    follow = person.get(response.headers["Location"]).data.decode()
    assert "present tense" in follow  # a hint, not a refusal
    refused = person.post(
        f"/p/{session.code}/propositions",
        data={"client_id": cid(), "theme_id": str(warmth), "text": "We greet everyone by name"},
    )
    assert refused.status_code == 422
    headers = api_phone(client, session)
    made = client.post(
        f"/api/v1/workshops/{session.code}/propositions",
        json={"client_id": cid(), "theme_id": ownership, "text": "One person owns each issue"},
        headers=headers,
    )
    assert made.status_code == 201 and made.json["hint"] is None and made.json["future_words"] == []
    first, second = Proposition.query.order_by(Proposition.id).all()
    client.post(
        f"/workshops/{session.code}/propositions/{first.id}/edit",
        data={"text": "We own every issue to the end"},
    )
    client.post(
        f"/workshops/{session.code}/propositions/{second.id}/merge", data={"into": str(first.id)}
    )
    db.session.expire_all()
    assert first.text == "We own every issue to the end" and first.edited_by_facilitator
    assert second.merged_into_id == first.id
    projector = client.get(f"/projector/{session.code}/panel").data.decode()
    assert (
        "We own every issue to the end" in projector
        and "One person owns each issue" not in projector
    )


def test_destiny_actions_volunteers_commitments_and_trace(app, client, session):
    ownership = theme_ids(session)[0]
    client.post(f"/workshops/{session.code}/design-themes", data={"theme_ids": [str(ownership)]})
    to_phase(session, "destiny")
    person = phone(app, session, "Ana")
    response = person.post(
        f"/p/{session.code}/actions",
        data={
            "client_id": cid(),
            "title": "Start a callback rota",
            "theme_id": str(ownership),
            "owner": "Ana",
            "due_date": "2027-01-31",
        },
    )
    assert response.status_code == 302
    action = Action.query.one()
    assert action.owner == "Ana" and len(action.volunteers) == 1
    headers = api_phone(client, session, "Bo")
    url = f"/api/v1/workshops/{session.code}/actions/{action.id}/volunteer"
    assert client.put(url, headers=headers).json["team_size"] == 2
    assert client.put(url, headers=headers).json["team_size"] == 2
    assert client.delete(url, headers=headers).json["team_size"] == 1
    commit = client.post(
        f"/api/v1/workshops/{session.code}/commitments",
        json={
            "client_id": cid(),
            "kind": "request",
            "text": "Half an hour a week for callbacks",
            "consent": "named",
        },
        headers=headers,
    )
    assert commit.status_code == 201 and Commitment.query.count() == 1
    detail = client.get(f"/workshops/{session.code}/actions/{action.id}")
    assert b"the chain back to the stories" in detail.data and b"Ownership" in detail.data
    saved = client.post(
        f"/workshops/{session.code}/actions/{action.id}",
        data={
            "title": "Start a callback rota",
            "status": "in_progress",
            "owner": "Ana",
            "start_date": "2027-01-10",
            "due_date": "2027-01-31",
            "review_date": "2027-03-01",
            "success_measure": "callbacks kept on time",
            "baseline": "70%",
            "target": "95%",
        },
    )
    assert saved.status_code == 302
    db.session.expire_all()
    assert (action.status, action.target) == ("in_progress", "95%")
    bad = client.post(
        f"/workshops/{session.code}/actions/{action.id}",
        data={
            "title": "Start a callback rota",
            "status": "done",
            "start_date": "2027-02-01",
            "due_date": "2027-01-01",
        },
    )
    assert bad.status_code == 422 and b"before the start date" in bad.data
    projector = client.get(f"/projector/{session.code}/panel").data.decode()
    assert (
        "Start a callback rota" in projector
        and "Half an hour a week" in projector
        and "— Bo" in projector
    )


def test_closed_shows_the_numbers(app, client, session):
    to_phase(session, "closed")
    projector = client.get(f"/projector/{session.code}/panel").data.decode()
    assert "Thank you" in projector and '<span class="n">3</span> themes' in projector
    person = phone(app, session)
    assert b"Thank you!" in person.get(f"/p/{session.code}").data


def test_phones_redraw_when_a_vote_opens(app, client, session):
    before = client.get(f"/api/v1/workshops/{session.code}/state").json["screen"]
    client.post(f"/workshops/{session.code}/votes", data={"target": "themes"})
    after = client.get(f"/api/v1/workshops/{session.code}/state").json["screen"]
    assert before != after and after.startswith("dream/vote")


def test_contributions_outside_their_phase_are_refused(app, client, session):
    headers = api_phone(client, session)
    refused = client.post(
        f"/api/v1/workshops/{session.code}/commitments",
        json={"client_id": cid(), "kind": "offer", "text": "Coaching"},
        headers=headers,
    )
    assert refused.status_code == 409 and refused.json["error"]["code"] == "phase_closed"


@pytest.mark.parametrize("phase", ["define", "discover", "dream", "design", "destiny", "closed"])
def test_every_screen_draws_in_every_phase(app, client, session, phase):
    to_phase(session, phase)
    person = phone(app, session)
    assert person.get(f"/p/{session.code}").status_code == 200
    assert client.get(f"/projector/{session.code}").status_code == 200
    assert client.get(f"/workshops/{session.code}/console").status_code == 200
    assert client.get(f"/board/{session.code}").status_code == 200
