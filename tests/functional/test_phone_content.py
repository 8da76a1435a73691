"""What phones list moves their content version (and so the state's ETag) when the
facilitator edits or hides an item in place, and not with every dot."""

import uuid

from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.extensions import db
from ai_workshop.models import Proposition


def content_and_etag(app, client, workshop) -> tuple[str, str]:
    app.extensions["aiw_stage"].forget_all()  # what the cache lifetime does within a second
    response = client.get(f"/api/v1/workshops/{workshop.code}/state")
    return response.json["content"], response.headers["ETag"]


def assert_moved(before, after) -> None:
    assert after[0] != before[0], "content"
    assert after[1] != before[1], "ETag"


def test_a_dot_leaves_phones_alone_and_hiding_a_dream_reaches_them(app, client, make, facilitator):
    workshop = make.workshop(facilitator, phase="dream")
    ada = make.participant(workshop, "Ada")
    written = [
        dreams.submit_dream(
            workshop, ada, {"client_id": str(uuid.uuid4()), "text": f"Dream {n}", "theme_id": None}
        )[0]
        for n in range(3)
    ]
    vote = votes.open_vote(workshop, "dreams")
    db.session.commit()
    before = content_and_etag(app, client, workshop)

    votes.set_dots(workshop, vote, ada, votes.options_for(workshop, "dreams")[0].id, 1)
    db.session.commit()
    assert content_and_etag(app, client, workshop) == before

    dreams.set_dream_hidden(workshop, written[0], True)
    db.session.commit()
    hidden = content_and_etag(app, client, workshop)
    assert_moved(before, hidden)
    dreams.set_dream_hidden(workshop, written[0], False)
    db.session.commit()
    assert_moved(hidden, content_and_etag(app, client, workshop))


def test_editing_or_hiding_a_proposition_reaches_phones(app, client, make, facilitator):
    workshop = make.workshop(facilitator, phase="design")
    ada = make.participant(workshop, "Ada")
    proposition = Proposition(
        workshop_id=workshop.id, participant_id=ada.id, client_id=str(uuid.uuid4()), text="We do"
    )
    db.session.add(proposition)
    db.session.commit()
    before = content_and_etag(app, client, workshop)
    design.edit_proposition(workshop, proposition, "We always do")
    db.session.commit()
    edited = content_and_etag(app, client, workshop)
    assert_moved(before, edited)
    design.set_proposition_hidden(workshop, proposition, True)
    db.session.commit()
    assert_moved(edited, content_and_etag(app, client, workshop))


def test_renaming_or_hiding_an_action_reaches_phones(app, client, make, facilitator):
    workshop = make.workshop(facilitator, phase="destiny")
    ada = make.participant(workshop, "Ada")
    fields = {"client_id": str(uuid.uuid4()), "title": "Run a huddle", "proposition_id": None,
              "theme_id": None, "owner": "", "first_step": "", "due_date": None,
              "help_needed": "", "success_measure": ""}  # fmt: skip
    action, _created = destiny.propose_action(workshop, ada, fields)
    db.session.commit()
    before = content_and_etag(app, client, workshop)
    destiny.update_action(workshop, action, {"title": "Run a daily huddle"})
    db.session.commit()
    renamed = content_and_etag(app, client, workshop)
    assert_moved(before, renamed)
    destiny.set_action_hidden(workshop, action, True)
    db.session.commit()
    assert_moved(renamed, content_and_etag(app, client, workshop))
