"""A room in any phase and screen with something written in each phase, and pages made
comparable across drawings (tokens and client ids masked): for the tests that draw every
screen, of the room's copy and in every language."""

import re
import uuid

from ai_workshop.board.services import create_theme, show_on_projector, themes_of
from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.extensions import db

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Every form's token, whatever the order of its attributes: tokens are signed with the second
# they are made in, so two drawings a second apart differ there and only there.
CSRF_VALUE = re.compile(r'(name="csrf_token"[^>]*? value=")[^"]+(")')


def fields(**values) -> dict:
    return {"client_id": str(uuid.uuid4()), **values}


def action_fields(title: str) -> dict:
    return fields(
        title=title, proposition_id=None, theme_id=None, owner="", first_step="",
        due_date=None, help_needed="", success_measure="",
    )  # fmt: skip


def comparable(page: str) -> str:
    return CSRF_VALUE.sub(r"\1TOKEN\2", UUID.sub("UUID", page))


def room_with_writing(make, facilitator, phase: str):
    """A room in `phase` where others wrote, in each phase, what phones list there."""
    workshop = make.workshop(facilitator, phase="discover")
    ada = make.participant(workshop, "Ada")
    make.story(workshop, ada, strengths=["patience"])
    for name in ("Calm callbacks", "Owning the issue"):
        create_theme(workshop, name)
    workshop.phase = "dream"
    for number in range(3):
        dreams.submit_dream(workshop, ada, fields(text=f"Dream {number}", theme_id=None))
    dreams.choose_themes(workshop, [theme.id for theme in themes_of(workshop)])
    workshop.phase = "design"
    theme = dreams.chosen_themes(workshop)[0]
    for text in ("We own it", "We call back within the hour"):
        design.submit_proposition(workshop, ada, fields(text=text, theme_id=theme.id))
    workshop.phase = "destiny"
    destiny.propose_action(workshop, ada, action_fields("Ada's action"))
    # An action whose proposer left the room has no participant at all.
    orphan, _ = destiny.propose_action(workshop, ada, action_fields("An orphan's action"))
    orphan.participant_id = None
    destiny.submit_commitment(
        workshop, ada, fields(kind="offer", text="I offer my notes", consent="named")
    )
    workshop.phase = phase
    db.session.commit()
    return workshop, ada


SCREENS = [
    ("define", None),
    ("discover", None),
    ("discover", "themes shown"),
    ("dream", None),
    ("dream", "vote open"),
    ("dream", "results shown"),
    ("design", "vote open"),
    ("destiny", None),
    ("closed", None),
]


def set_screen(workshop, ada, screen):
    if screen == "themes shown":
        show_on_projector(workshop, True)
    elif screen in ("vote open", "results shown"):
        if workshop.phase == "design":
            vote = votes.open_vote(workshop, "propositions")
        else:
            vote = votes.open_vote(workshop, "dreams")
        votes.set_dots(workshop, vote, ada, votes.options_for(workshop, vote.target)[0].id, 1)
        if screen == "results shown":
            votes.close_vote(workshop, vote)
            votes.reveal(workshop, vote)
    db.session.commit()
