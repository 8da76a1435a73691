"""Fixtures the HTTP tests share: the theme board's, and a closed session's for check-ins."""

import pytest

from ai_workshop.extensions import db
from ai_workshop.models import Participant
from ai_workshop.workshops.services import set_phase

from .. import factories
from ..support.full_session import fill_session
from .board_support import add_labelled_stories, board_desk


@pytest.fixture
def stories(make, workshop):
    """The first 24 labelled stories, for the board's tests (test_theme_words.py has its own)."""
    return add_labelled_stories(make, workshop)


@pytest.fixture
def desk(client, facilitator, workshop, login):
    return board_desk(client, facilitator, workshop, login)


@pytest.fixture
def board(client, facilitator, workshop, login):
    login(facilitator)
    base = f"/board/{workshop.code}"

    def post(path, **data):
        return client.post(base + path, data=data, headers={"X-Requested-With": "fetch"})

    return post


# A closed session for the check-in tests (test_check_ins.py, test_check_in_follow_on.py).


@pytest.fixture
def tokens(monkeypatch) -> dict[int, str]:
    """Each participant's token as the factories make them join, by participant id."""
    kept: dict[int, str] = {}
    real = factories.join

    def join(workshop, name, *args, **kwargs):
        participant, token = real(workshop, name, *args, **kwargs)
        db.session.flush()
        kept[participant.id] = token
        return participant, token

    monkeypatch.setattr(factories, "join", join)
    return kept


@pytest.fixture
def closed_session(make, workshop, tokens):
    fill_session(make, workshop)
    set_phase(workshop, "closed")
    db.session.commit()
    return workshop


@pytest.fixture
def priya(closed_session, tokens):
    """The owner of the session's one action (she proposed it), with her phone's token."""
    person = db.session.scalar(db.select(Participant).where(Participant.display_name == "Priya"))
    person.token = tokens[person.id]
    return person
