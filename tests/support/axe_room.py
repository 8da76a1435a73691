"""The room the accessibility test walks through: the demo workshop filled through the
real services, set to each phase and vote, with a phone's own contributions."""

import uuid
from pathlib import Path

from ai_workshop.board.services import show_on_projector
from ai_workshop.checkins.services import start_check_in
from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.demo.seed import ensure_demo_facilitator, ensure_demo_workshop
from ai_workshop.extensions import db
from ai_workshop.models import Participant, Story
from ai_workshop.models.vote import VOTE_TARGETS
from ai_workshop.plan.content import plan_for
from ai_workshop.stories.services import own_stories, submit_story
from ai_workshop.workshops.services import find_workshop, set_phase

from ..factories import story_fields

PHONE_NAME = "Axe Tester"


def submit(page, button: str) -> int:
    """Send a form by its button and wait for the server's answer; gives its HTTP status."""
    with page.expect_navigation() as answer:
        page.click(button)
    return answer.value.status


def seed_room(app, instance: Path) -> dict:
    """The demo workshop, filled phase by phase through the real services, and its leaders' link."""
    with app.app_context():
        email, password = ensure_demo_facilitator(str(instance))
        workshop = ensure_demo_workshop()
        token = plan_for(workshop).regenerate_link()
        db.session.commit()
        data = {"email": email, "password": password, "code": workshop.code, "token": token}
        db.session.remove()
    return data


def add_phone_content(app, code: str) -> None:
    """The joined phone's own story, dream, proposition and commitment, so its lists show."""
    with app.app_context():
        workshop = find_workshop(code)
        me = db.session.scalar(
            db.select(Participant).filter_by(workshop_id=workshop.id, display_name=PHONE_NAME)
        )
        phase = workshop.phase
        for step, write in [
            ("discover", lambda: submit_story(workshop, me, story_fields())),
            ("dream", lambda: dreams.submit_dream(workshop, me, _text("Every caller is known"))),
            ("design", lambda: design.submit_proposition(workshop, me, _proposition(workshop))),
            ("destiny", lambda: destiny.submit_commitment(workshop, me, _commitment())),
        ]:
            set_phase(workshop, step)
            write()
        set_phase(workshop, phase)
        db.session.commit()
        db.session.remove()


def _text(text: str) -> dict:
    return {"client_id": str(uuid.uuid4()), "text": text, "theme_id": None}


def _proposition(workshop) -> dict:
    fields = _text("We answer every customer by name")
    fields["theme_id"] = dreams.chosen_themes(workshop)[0].id
    return fields


def _commitment() -> dict:
    return {
        "client_id": str(uuid.uuid4()),
        "kind": "offer",
        "text": "I will pair with new starters",
        "consent": "named",
    }


def set_state(app, code: str, phase: str, themes_shown: bool, vote: str | None) -> None:
    with app.app_context():
        workshop = find_workshop(code)
        current = votes.current_vote(workshop)
        still_open = current is not None and current.is_open
        if still_open and vote not in VOTE_TARGETS:
            votes.close_vote(workshop, current)
            if vote == "revealed":
                votes.reveal(workshop, current)
        set_phase(workshop, phase)
        show_on_projector(workshop, themes_shown)
        if vote in VOTE_TARGETS and not (still_open and current.target == vote):
            votes.open_vote(workshop, vote, dots=2)
        db.session.commit()
        db.session.remove()


def open_check_in(app, code: str) -> None:
    with app.app_context():
        workshop = find_workshop(code)
        set_phase(workshop, "closed")
        start_check_in(workshop, plan_for(workshop), 2)
        db.session.commit()
        db.session.remove()


def ids_for(app, code: str) -> dict:
    """A story of the phone's, a story from the room and an action, for their edit pages."""
    with app.app_context():
        workshop = find_workshop(code)
        me = db.session.scalar(
            db.select(Participant).filter_by(workshop_id=workshop.id, display_name=PHONE_NAME)
        )
        ids = {
            "mine": own_stories(me)[0].id,
            "story": db.session.scalar(
                db.select(Story.id).filter_by(workshop_id=workshop.id).order_by(Story.id)
            ),
            "action": destiny.actions_of(workshop)[0].id,
        }
        db.session.remove()
    return ids
