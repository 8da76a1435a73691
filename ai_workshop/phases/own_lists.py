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
    """Its table when seated; otherwise, in a room with tables, a way to choose one."""
    number = participant.table_number
    return {
        "table": number if workshop.has_table(number) else None,
        "tables_on": bool(workshop.table_count),
    }


OWN_LISTS = {
    # The round table the phone sits at, in a summit's header.
    "table": OwnList("phone/my_table.html", _table, "tables_on"),
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
