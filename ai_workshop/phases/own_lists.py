"""What a phone wrote in a phase, listed under the phase's task: its own part of the page.

The room's copy of a phone page (phone/room_page.py) leaves a hole where each list goes, and
each phone's copy gets its own list drawn into it: a query and a small template instead of
the whole page. The full drawing draws the same list in the same place.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import bindparam

from ai_workshop.contributions import destiny
from ai_workshop.extensions import db
from ai_workshop.models import Dream, Proposition
from ai_workshop.participants.pairs import interview_of
from ai_workshop.participants.tables import people_at, round_table
from ai_workshop.participants.teams import team_of, teams, teams_on
from ai_workshop.phases.voting import my_vote
from ai_workshop.stories.services import own_stories


@dataclass(frozen=True)
class OwnList:
    template: str
    values: Callable[..., dict]  # (workshop, participant, vote) -> the template's values
    listed: str  # which of the values is the list: an empty one draws nothing


_NEWEST_FIRST = {
    model: db.select(model)
    .where(model.participant_id == bindparam("participant_id"))
    .order_by(model.id.desc())
    for model in (Dream, Proposition)
}


def _newest_first(model, participant) -> list:
    return db.session.scalars(_NEWEST_FIRST[model], {"participant_id": participant.id}).all()


def _items(kind: str, list_id: str, title: str, items: list) -> dict:
    return {"items": items, "kind": kind, "list_id": list_id, "title": title}


def _table(workshop, participant, _vote) -> dict:
    """Its table when seated; otherwise, in a room with tables, a way to choose one. From
    Design on, its team (or a way to choose one) instead."""
    number = participant.table_number
    if teams_on(workshop):
        return {"tables_on": True, "teams_on": True, "team": team_of(workshop, participant)}
    return {
        "table": number if workshop.has_table(number) else None,
        "tables_on": bool(workshop.table_count),
    }


def _team(workshop, participant, _vote) -> dict:
    """At a summit in Design and Destiny: the phone's team and the teams it may join."""
    if not teams_on(workshop):
        return {"teams": []}
    return {"teams": teams(workshop), "mine": participant.team_theme_id}


def _table_note(workshop, participant, _vote) -> dict:
    """The facilitator's latest nudge to this phone's table."""
    table = round_table(workshop, participant.table_number) if participant.table_number else None
    return {"nudge": table.nudge if table else ""}


def _pair(workshop, participant, _vote) -> dict:
    """Whom this phone interviews at its table, and who interviews it."""
    number = participant.table_number
    if not workshop.has_table(number):
        return {"interview": None}
    return {"interview": interview_of(participant, people_at(workshop, number)), "table": number}


OWN_LISTS = {
    # The round table the phone sits at, in a summit's header.
    "table": OwnList("phone/my_table.html", _table, "tables_on"),
    # The facilitator's nudge to the phone's table, above the phase's task.
    "table_note": OwnList("phone/table_note.html", _table_note, "nudge"),
    # In Discovery at a summit: the phone's interview partner and the way to the timer.
    "pair": OwnList("phone/my_pair.html", _pair, "interview"),
    # In Design and Destiny at a summit: the team the phone chose, or the teams to choose.
    "team": OwnList("phone/my_team.html", _team, "teams"),
    # The open vote (the room's current one), with this phone's dots on its options.
    "vote": OwnList("phases/shared/phone_vote.html", my_vote, "vote"),
    "stories": OwnList(
        "phases/discover/my_stories.html",
        lambda _workshop, participant, _vote: {"stories": own_stories(participant)},
        "stories",
    ),
    "dreams": OwnList(
        "phases/shared/my_items.html",
        lambda _workshop, participant, _vote: _items(
            "dreams", "my-dreams", _("Your dreams"), _newest_first(Dream, participant)
        ),
        "items",
    ),
    "propositions": OwnList(
        "phases/shared/my_items.html",
        lambda _workshop, participant, _vote: _items(
            "propositions",
            "my-propositions",
            _("Your propositions"),
            _newest_first(Proposition, participant),
        ),
        "items",
    ),
    "commitments": OwnList(
        "phases/destiny/my_commitments.html",
        lambda workshop, participant, _vote: {
            "my_commitments": destiny.commitments_of(workshop, participant)
        },
        "my_commitments",
    ),
}
