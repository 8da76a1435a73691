"""Test data built through the real services, so tests exercise the same rules as the app."""

import itertools
import uuid

from ai_workshop.auth.services import create_facilitator
from ai_workshop.extensions import db
from ai_workshop.models import Story
from ai_workshop.participants.services import join
from ai_workshop.stories.services import submit_story
from ai_workshop.workshops.services import create_workshop

PASSWORD = "correct horse battery"
_counter = itertools.count(1)


def story_fields(**overrides) -> dict:
    fields = {
        "client_id": str(uuid.uuid4()),
        "headline": "The refund that became a referral",
        "story": "A customer called about a double charge and I stayed with it until it was fixed.",
        "made_possible": "Finance answered straight away.",
        "wish": "Fewer handovers.",
        "whose": "mine",
        "consent": "anonymous",
        "strengths": ["patience", "follow-through"],
    }
    fields.update(overrides)
    return fields


class Factories:
    def facilitator(self, email=None, password=PASSWORD):
        email = email or f"facilitator{next(_counter)}@example.com"
        facilitator = create_facilitator(email, password, name="Test Facilitator")
        db.session.commit()
        return facilitator

    def workshop(self, facilitator, phase="define", template="customer-service", **fields):
        workshop = create_workshop(facilitator, template, **fields)
        workshop.phase = phase
        db.session.commit()
        return workshop

    def participant(self, workshop, name="Sam"):
        participant, token = join(workshop, name)
        db.session.commit()
        participant.token = token
        return participant

    def story(self, workshop, participant, **overrides):
        story_id, _created = submit_story(workshop, participant, story_fields(**overrides))
        db.session.commit()
        return db.session.get(Story, story_id)


def settings_form(workshop, **changes) -> dict:
    """The workshop's settings form as posted unchanged, but for `changes`."""
    return {
        "name": workshop.name,
        "topic": workshop.topic,
        "questions": "\n".join(workshop.questions),
        "strengths": "\n".join(workshop.strengths_vocabulary),
        "phase_vocabulary": workshop.phase_vocabulary,
        "language": workshop.language,
        "table_count": str(workshop.table_count),
        "interview_minutes": str(workshop.interview_minutes),
        "mix_groups": "\n".join(workshop.mix_groups or []),
        "time_zone": workshop.time_zone,
    } | changes
