"""A summit-size room, filled phase by phase through the real services, with long texts.

Each step leaves the workshop where a projector check wants it; call them in order.
"""

import uuid
from datetime import date, timedelta

from sqlalchemy import select

from ai_workshop.board.services import create_theme, move_story, show_on_projector
from ai_workshop.checkins.services import (
    actions_for_check_in,
    report_progress,
    start_check_in,
    tell_story,
)
from ai_workshop.contributions import design, destiny, dreams, votes
from ai_workshop.extensions import db
from ai_workshop.models import Participant, Story, Workshop
from ai_workshop.participants.services import join
from ai_workshop.plan.content import plan_for
from ai_workshop.stories.services import submit_story
from ai_workshop.workshops.services import set_phase

PEOPLE = 48
STORIES = 44
# 30 strengths, so the cloud has more than fit; the first ones are named most often.
STRENGTHS = [
    "patience", "follow-through", "empathy", "ownership", "humour", "listening",
    "resourcefulness", "keeping promises", "courage", "teamwork", "curiosity", "calm",
    "clear communication", "customer advocacy", "initiative", "reliability", "warmth",
    "persistence", "creativity", "generosity", "honesty", "flexibility", "attention to detail",
    "trusting the front line", "knowing the product inside out", "asking for help early",
    "celebrating small wins", "staying with it after hours", "local knowledge", "kindness",
]  # fmt: skip
THEMES = [
    "Owning the customer's problem from the first call to the very last follow-up",
    "Keeping our promises",
    "Colleagues who have each other's backs, across shifts, sites and teams",
    "Listening past the script",
    "Fixing the cause, not the symptom",
    "Small kindnesses",
    "Knowing the product and the network well enough to improvise safely",
    "Speaking up early",
]
SENTENCE = (
    "we stayed with the customer until the fault was found and fixed, rang them back at the "
    "time we promised, and told the whole team what we learned so nobody has to start again "
    "from nothing next time something like this happens on a busy Friday evening shift"
)
WORDS = SENTENCE.split(" ")


def _text(length: int, seed: int) -> str:
    words, index = [], seed
    while len(" ".join(words)) < length:
        words.append(WORDS[index % len(WORDS)])
        index += 3
    return " ".join(words)[:length].rstrip().capitalize() + "."


def _cid() -> str:
    return str(uuid.uuid4())


class BigRoom:
    """Each step runs inside an app context and commits; the room is looked up by its code."""

    def __init__(self, code: str):
        self.code = code

    @property
    def workshop(self) -> Workshop:
        return db.session.scalar(select(Workshop).where(Workshop.code == self.code))

    @property
    def people(self) -> list[Participant]:
        query = select(Participant).where(Participant.workshop_id == self.workshop.id)
        return list(db.session.scalars(query.order_by(Participant.id)))

    def welcome(self) -> None:
        """A long topic and reason, and 48 people joined."""
        workshop = self.workshop
        workshop.topic = _text(190, 1)
        workshop.why_it_matters = _text(400, 2)
        for index in range(PEOPLE):
            join(workshop, f"Participant number {index + 1}")
        db.session.commit()

    def discover(self) -> None:
        """44 stories naming 30 strengths, sorted into 8 themes not yet shown."""
        workshop = self.workshop
        set_phase(workshop, "discover")
        people = self.people
        stories = []
        for index in range(STORIES):
            # Skewed on purpose: a few strengths in many stories, every one in some.
            picks = [index % 3, 3 + index % 7, 10 + index % 13, index % len(STRENGTHS)]
            fields = {
                "client_id": _cid(),
                "headline": _text(110 + index % 10, index),
                "story": _text(600, index + 1),
                "made_possible": _text(120, index + 2),
                "wish": _text(90, index + 3),
                "whose": "mine",
                "consent": "named",
                "strengths": list(dict.fromkeys(STRENGTHS[pick] for pick in picks)),
            }
            story_id, _created = submit_story(workshop, people[index], fields)
            stories.append(story_id)
        themes = [create_theme(workshop, name) for name in THEMES]
        for index, story_id in enumerate(stories):
            move_story(workshop, db.session.get(Story, story_id), str(themes[index % 8].id))
        db.session.commit()

    def show_themes(self) -> None:
        show_on_projector(self.workshop, True)
        db.session.commit()

    def dream(self) -> None:
        workshop = self.workshop
        set_phase(workshop, "dream")
        workshop.dream_prompt = _text(260, 5)
        people = self.people
        for index in range(30):
            fields = {"client_id": _cid(), "text": _text(380, index), "theme_id": None}
            dreams.submit_dream(workshop, people[index], fields)
        db.session.commit()

    def theme_vote(self) -> None:
        """Eight themes, dots spread so that some places are tied."""
        self._vote("themes", spread=[9, 7, 7, 5, 4, 4, 2, 1])
        dreams.choose_themes(
            self.workshop, [option.id for option in votes.options_for(self.workshop, "themes")[:4]]
        )
        db.session.commit()

    def design(self) -> None:
        workshop = self.workshop
        set_phase(workshop, "design")
        chosen = dreams.chosen_themes(workshop)
        people = self.people
        for index in range(8):
            fields = {
                "client_id": _cid(),
                "text": _text(390, index),
                "theme_id": chosen[index % 4].id,
            }
            design.submit_proposition(workshop, people[index], fields)
        db.session.commit()

    def proposition_vote(self) -> None:
        self._vote("propositions", spread=[8, 8, 6, 5, 3, 3, 2, 1])

    def destiny(self) -> None:
        workshop = self.workshop
        set_phase(workshop, "destiny")
        propositions = design.propositions_of(workshop)
        people = self.people
        for index in range(15):
            fields = {
                "client_id": _cid(), "title": _text(150 + index % 10, index),
                "theme_id": None, "proposition_id": propositions[index % 8].id,
                "owner": f"Owner with a long name {index}", "first_step": _text(120, index),
                "due_date": date(2025, 9, 1) + timedelta(days=index),
                "help_needed": _text(100, index), "success_measure": _text(150, index),
            }  # fmt: skip
            action, _created = destiny.propose_action(workshop, people[index], fields)
            for helper in people[index + 1 : index + 6]:
                destiny.volunteer(workshop, action, helper, True)
        kinds = ["commitment", "offer", "request"]
        for index in range(26):
            kind = kinds[index % 3]
            text = _text(200, index)
            if kind == "request" and index % 2:
                text = ("I need " + text)[:199] + "."
            fields = {"client_id": _cid(), "kind": kind, "text": text, "consent": "named"}
            destiny.submit_commitment(workshop, people[index], fields)
        db.session.commit()

    def close(self) -> None:
        set_phase(self.workshop, "closed")
        db.session.commit()

    def check_in(self) -> None:
        """The 30-day check-in, open: every action reported on, long notes, many stories."""
        workshop = self.workshop
        start_check_in(workshop, plan_for(workshop), 1)
        statuses = ["on_track", "done", "stuck", "not_started"]
        people = self.people
        for index, action in enumerate(actions_for_check_in(workshop)[:-2]):
            status = statuses[index % 4]
            fields = {
                "client_id": _cid(), "status": status, "progress": (index * 13) % 100,
                "note": _text(300, index),
                "would_help": _text(300, index + 1) if status == "stuck" else "",
            }  # fmt: skip
            report_progress(workshop, people[index], action, fields)
        for index in range(30):
            fields = {"client_id": _cid(), "headline": _text(190, index), "story": _text(400, index),
                      "consent": "named" if index % 2 else "anonymous"}  # fmt: skip
            tell_story(workshop, people[index], fields)
        db.session.commit()

    def _vote(self, target: str, spread: list[int]) -> None:
        workshop = self.workshop
        vote = votes.open_vote(workshop, target, dots=1)
        options = votes.options_for(workshop, target)
        voters = iter(self.people)
        for option, dots in zip(options, spread, strict=False):
            for _dot in range(dots):
                votes.set_dots(workshop, vote, next(voters), option.id, 1)
        votes.close_vote(workshop, vote)
        db.session.commit()
