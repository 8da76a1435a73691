from ai_workshop.extensions import db
from ai_workshop.models import Story, Workshop


def test_create_a_workshop_from_a_template(client, facilitator, login):
    login(facilitator)
    response = client.post("/workshops/new", data={"name": "Support offsite", "template": "team"})
    assert response.status_code == 302
    workshop = Workshop.query.filter_by(name="Support offsite").one()
    assert workshop.template_key == "team"
    assert response.headers["Location"].endswith(f"/workshops/{workshop.code}/settings")
    assert workshop.code.encode() in client.get("/workshops/").data


def test_new_workshop_needs_a_name(client, facilitator, login):
    login(facilitator)
    response = client.post("/workshops/new", data={"name": " ", "template": "team"})
    assert response.status_code == 422
    assert b"Name the workshop" in response.data


def test_settings_edit_every_field(client, facilitator, workshop, login):
    login(facilitator)
    page = client.get(f"/workshops/{workshop.code}/settings")
    assert workshop.topic.encode() in page.data
    response = client.post(
        f"/workshops/{workshop.code}/settings",
        data={
            "name": "Renamed",
            "topic": "Delighting our customers",
            "why_it_matters": "Because.",
            "questions": "First question?\n\nSecond question?",
            "dream_prompt": "Imagine...",
            "strengths": "Patience, empathy\nhumour, patience",
            "phase_vocabulary": "5d",
        },
    )
    assert response.status_code == 302
    db.session.refresh(workshop)
    assert workshop.name == "Renamed"
    assert workshop.questions == ["First question?", "Second question?"]
    assert workshop.strengths_vocabulary == ["Patience", "empathy", "humour"]
    assert workshop.phase_label == "Discover"


def test_settings_reject_missing_topic(client, facilitator, workshop, login):
    login(facilitator)
    response = client.post(
        f"/workshops/{workshop.code}/settings",
        data={"name": "X", "topic": "", "questions": "Q?", "phase_vocabulary": "4d"},
    )
    assert response.status_code == 422
    assert b"affirmative topic" in response.data


def test_console_shows_join_code_qr_and_stories(client, make, facilitator, workshop, login):
    make.story(workshop, make.participant(workshop), headline="Night shift hero")
    login(facilitator)
    page = client.get(f"/workshops/{workshop.code}/console")
    assert page.status_code == 200
    assert b"Night shift hero" in page.data
    assert f"/j/{workshop.code}/qr.svg".encode() in page.data
    assert b"http://workshop.test/j/" + workshop.code.encode() in page.data
    panel = client.get(f"/workshops/{workshop.code}/console/panel")
    assert b'id="console-feed"' in panel.data and b'id="console-controls"' in panel.data


def test_phase_control_moves_forward_and_back(client, facilitator, workshop, login):
    login(facilitator)
    url = f"/workshops/{workshop.code}/phase"
    assert client.post(url, data={"phase": "dream"}).status_code == 302
    db.session.refresh(workshop)
    assert workshop.phase == "dream"
    client.post(url, data={"phase": "discover"})
    db.session.refresh(workshop)
    assert workshop.phase == "discover"
    assert client.post(url, data={"phase": "party"}).status_code == 400


def test_timer_controls(client, facilitator, workshop, login):
    login(facilitator)
    url = f"/workshops/{workshop.code}/timer"
    client.post(url, data={"action": "start", "minutes": "7"})
    db.session.refresh(workshop)
    assert workshop.timer_duration_seconds == 420
    client.post(url, data={"action": "pause"})
    db.session.refresh(workshop)
    assert workshop.timer_remaining_seconds is not None and workshop.timer_ends_at is None
    client.post(url, data={"action": "extend", "minutes": "5"})
    db.session.refresh(workshop)
    assert workshop.timer_remaining_seconds > 400
    assert client.post(url, data={"action": "explode"}).status_code == 400
    assert client.post(url, data={"action": "start", "minutes": "9999"}).status_code == 400


def test_moderation_hide_park_and_fix_a_typo(client, make, facilitator, workshop, login):
    story = make.story(workshop, make.participant(workshop), headline="Teh best call")
    login(facilitator)
    base = f"/workshops/{workshop.code}/stories/{story.id}"
    client.post(f"{base}/moderate", data={"action": "hide"})
    client.post(f"{base}/moderate", data={"action": "park"})
    db.session.refresh(story)
    assert story.hidden and story.parked
    client.post(f"{base}/moderate", data={"action": "show"})
    db.session.refresh(story)
    assert not story.hidden
    response = client.post(
        f"{base}/edit",
        data={"headline": "The best call", "story": story.story, "made_possible": "", "wish": ""},
    )
    assert response.status_code == 302
    db.session.refresh(story)
    assert story.headline == "The best call"
    assert db.session.query(Story).count() == 1


def test_another_facilitator_cannot_run_my_workshop(client, make, workshop, login):
    intruder = make.facilitator()
    login(intruder)
    for url in (
        f"/workshops/{workshop.code}/console",
        f"/workshops/{workshop.code}/settings",
        f"/projector/{workshop.code}",
        f"/live/{workshop.code}/events",
    ):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(f"/workshops/{workshop.code}/phase", data={"phase": "dream"}).status_code == 403
    )


def test_unknown_workshop_is_a_404(client, facilitator, login):
    login(facilitator)
    assert client.get("/workshops/ZZZZZZ/console").status_code == 404
