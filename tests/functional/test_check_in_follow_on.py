"""After the check-ins: invitations by e-mail to the owners who asked (against a local SMTP
server, never a real one), the next cycle started from what they found, and the export that
carries them."""

import socket
import uuid
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from ai_workshop.checkins.next_cycle import cycle_number
from ai_workshop.extensions import db
from ai_workshop.models import Action, CheckIn, ReminderAddress, Story, Theme, Workshop
from ai_workshop.workshops.exports import workshop_data
from ai_workshop.workshops.services import set_phase

from ..support.check_ins import fresh, open_first, page, phone_of, report, the_action
from ..support.round_trip import exported_again_elsewhere


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox(app):
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config["SMTP_URL"] = f"smtp://127.0.0.1:{controller.port}"
    yield handler
    controller.stop()


def leave_address(phone, workshop, email="priya@example.org", agree="y"):
    data = {"email": email} | ({"agree": agree} if agree else {})
    return fresh(phone).post(f"/p/{workshop.code}/reminder", data=data)


def test_an_owner_leaves_an_address_only_with_consent(app, inbox, closed_session, priya):
    phone = phone_of(app, closed_session, priya)
    home = page(phone, f"/p/{closed_session.code}")
    assert "Remind me of the check-ins" in home
    refused = leave_address(phone, closed_session, agree=None)
    assert refused.status_code == 422
    assert "Tick the box to agree, or leave the address out." in refused.get_data(as_text=True)
    assert leave_address(phone, closed_session, email="not an address").status_code == 422
    assert db.session.scalar(db.select(db.func.count(ReminderAddress.id))) == 0
    assert leave_address(phone, closed_session).status_code == 302
    assert "We send the check-in invitations to priya@example.org." in page(
        phone, f"/p/{closed_session.code}"
    )
    assert fresh(phone).post(f"/p/{closed_session.code}/reminder/delete").status_code == 302
    assert db.session.scalar(db.select(db.func.count(ReminderAddress.id))) == 0


def test_no_address_is_asked_for_when_mail_is_not_set_up(app, closed_session, priya):
    assert not app.config["SMTP_URL"]
    assert "Remind me of the check-ins" not in page(
        phone_of(app, closed_session, priya), f"/p/{closed_session.code}"
    )


def test_the_invitation_goes_to_each_owner_who_asked_and_no_one_else(
    app, client, facilitator, login, inbox, make, closed_session, priya
):
    leave_address(phone_of(app, closed_session, priya), closed_session)
    bystander = make.participant(closed_session, "Sam")
    leave_address(phone_of(app, closed_session, bystander), closed_session, email="sam@example.org")
    open_first(client, facilitator, login, closed_session)
    manage = page(fresh(client), f"/workshops/{closed_session.code}/check-ins")
    assert "1 action owner left an e-mail address" in manage
    response = fresh(client).post(f"/workshops/{closed_session.code}/check-ins/invite")
    assert response.status_code == 302
    assert "Invitation sent to 1 action owner." in page(
        fresh(client), f"/workshops/{closed_session.code}/check-ins"
    )
    assert len(inbox.messages) == 1
    recipients, message = inbox.messages[0]
    assert recipients == ["priya@example.org"]
    assert "30-day check-in" in message["Subject"] and closed_session.name in message["Subject"]
    body = message.get_content()
    assert f"http://workshop.test/j/{closed_session.code}" in body
    assert "Start a callback rota" in body and "Hello Priya," in body
    assert "sam@example.org" not in message.as_string()
    assert db.session.scalar(db.select(CheckIn)).invitations_sent_at is not None


def test_without_smtp_or_with_it_down_the_facilitator_is_told_and_nothing_breaks(
    app, client, facilitator, login, closed_session, priya
):
    open_first(client, facilitator, login, closed_session)
    manage = page(fresh(client), f"/workshops/{closed_session.code}/check-ins")
    assert "E-mail is not set up on this server." in manage
    response = fresh(client).post(f"/workshops/{closed_session.code}/check-ins/invite")
    assert response.status_code == 302
    assert "E-mail is not set up on this server (SMTP_URL)." in page(
        fresh(client), f"/workshops/{closed_session.code}/check-ins"
    )
    app.config["SMTP_URL"] = f"smtp://127.0.0.1:{free_port()}"  # nothing listens there
    leave_address(phone_of(app, closed_session, priya), closed_session)
    response = fresh(client).post(f"/workshops/{closed_session.code}/check-ins/invite")
    assert response.status_code == 302
    assert "The mail server could not be reached." in page(
        fresh(client), f"/workshops/{closed_session.code}/check-ins"
    )


def without_ids(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if not k.endswith("id")} for row in rows]


def told_and_reported(app, client, facilitator, login, workshop, owner):
    open_first(client, facilitator, login, workshop)
    phone = phone_of(app, workshop, owner)
    report(phone, workshop, the_action(workshop), status="stuck", would_help="A budget decision")
    for consent, headline in (("named", "Callbacks kept all week"), ("private", "Not to quote")):
        fresh(phone).post(
            f"/p/{workshop.code}/check-in/stories",
            data={"client_id": str(uuid.uuid4()), "headline": headline, "consent": consent},
        )


def test_the_next_cycle_starts_from_the_stories_the_core_and_the_open_actions(
    app, client, facilitator, login, make, closed_session, priya
):
    told_and_reported(app, client, facilitator, login, closed_session, priya)
    finished = Action(
        workshop_id=closed_session.id,
        client_id=str(uuid.uuid4()),
        title="Done already",
        status="done",
    )
    db.session.add(finished)
    db.session.commit()
    response = fresh(client).post(f"/workshops/{closed_session.code}/next-cycle")
    assert response.status_code == 302
    new = db.session.scalar(
        db.select(Workshop).where(Workshop.follows_workshop_id == closed_session.id)
    )
    assert response.headers["Location"].endswith(f"/workshops/{new.code}/settings")
    assert new.name == f"{closed_session.name} · cycle 2" and new.phase == "define"
    assert new.facilitator_id == facilitator.id and new.questions == closed_session.questions
    assert "Where we start: Our core is ownership." in new.why_it_matters
    stories = db.session.scalars(db.select(Story).where(Story.workshop_id == new.id)).all()
    assert {(s.headline, s.consent) for s in stories} == {
        ("Callbacks kept all week", "anonymous"),  # a name does not follow into a new room
        ("Not to quote", "private"),
    }
    themes = db.session.scalars(db.select(Theme).where(Theme.workshop_id == new.id)).all()
    assert [(t.name, t.origin) for t in themes] == [("Owning it", "manual")]
    actions = db.session.scalars(db.select(Action).where(Action.workshop_id == new.id)).all()
    assert [(a.title, a.owner, a.status) for a in actions] == [
        ("Start a callback rota", "Priya", "in_progress")
    ]
    # And the cycle after that counts on.
    assert cycle_number(new) == 2


def test_the_next_cycle_waits_for_a_check_in(app, client, facilitator, login, closed_session):
    login(facilitator)
    response = fresh(client).post(f"/workshops/{closed_session.code}/next-cycle")
    assert response.status_code == 302
    assert "Hold a check-in first" in page(
        fresh(client), f"/workshops/{closed_session.code}/check-ins"
    )
    assert db.session.scalar(db.select(db.func.count(Workshop.id))) == 1


def test_the_export_carries_the_check_ins_and_imports_back(
    app, client, facilitator, login, closed_session, priya, inbox, tmp_path
):
    told_and_reported(app, client, facilitator, login, closed_session, priya)
    leave_address(phone_of(app, closed_session, priya), closed_session)
    original = workshop_data(closed_session)
    assert [c["label"] for c in original["check_ins"]] == ["30-day check-in"]
    assert [(r["status"], r["would_help"]) for r in original["action_reports"]] == [
        ("stuck", "A budget decision")
    ]
    assert len(original["check_in_stories"]) == 2
    assert "priya@example.org" not in str(original)  # addresses never leave in an export
    again = exported_again_elsewhere(original, tmp_path)
    for kind in ("check_ins", "action_reports", "check_in_stories"):
        assert without_ids(again[kind]) == without_ids(original[kind]), kind
    action_ids = {a["id"] for a in again["actions"]}
    assert again["action_reports"][0]["action_id"] in action_ids


def test_in_destiny_only_an_owner_is_asked_for_an_address(app, inbox, make, closed_session, priya):
    set_phase(closed_session, "destiny")
    db.session.commit()
    bystander = make.participant(closed_session, "Sam")
    assert "Remind me of the check-ins" in page(
        phone_of(app, closed_session, priya), f"/p/{closed_session.code}"
    )
    assert "Remind me of the check-ins" not in page(
        phone_of(app, closed_session, bystander), f"/p/{closed_session.code}"
    )
    assert leave_address(phone_of(app, closed_session, priya), closed_session).status_code == 302
    assert db.session.scalar(db.select(ReminderAddress.email)) == "priya@example.org"
