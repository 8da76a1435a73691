"""A summit's round tables: who sits where, each table's host, nudge and harvest."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select, update

from ai_workshop.clock import utcnow
from ai_workshop.domain_errors import Conflict, Forbidden, NotFound
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Participant, RoundTable, Story
from ai_workshop.models.round_table import HARVEST_CAUSES
from ai_workshop.text import clean_line, clean_text

NUDGE_MAX = 200
CAUSE_MAX = 300
QUOTE_MAX = 500
STRENGTHS_PER_CAUSE = 5


def _known_table(workshop, number: int) -> None:
    if not workshop.has_table(number):
        raise NotFound(_("This workshop has no table %(number)d.", number=number))


def round_table(workshop, number: int) -> RoundTable | None:
    return db.session.scalar(
        select(RoundTable).where(RoundTable.workshop_id == workshop.id, RoundTable.number == number)
    )


def _round_table_made(workshop, number: int) -> RoundTable:
    _known_table(workshop, number)
    table = round_table(workshop, number)
    if table is None:
        table = RoundTable(workshop_id=workshop.id, number=number, causes=[])
        db.session.add(table)
    return table


_PEOPLE_AT = (
    select(Participant)
    .where(
        Participant.workshop_id == bindparam("workshop_id"),
        Participant.table_number == bindparam("number"),
    )
    .order_by(Participant.id)
)


def people_at(workshop, number: int) -> list[Participant]:
    """Who sits at the table, in the order they sat down (joined, for those who moved)."""
    return list(db.session.scalars(_PEOPLE_AT, {"workshop_id": workshop.id, "number": number}))


def table_stories(workshop, number: int) -> list[Story]:
    """The stories written by the people now at the table, newest first, as the room sees
    them: hidden and parked ones left out."""
    query = (
        select(Story)
        .join(Participant, Story.participant_id == Participant.id)
        .where(
            Story.workshop_id == workshop.id,
            Participant.table_number == number,
            Story.hidden.is_(False),
            Story.parked.is_(False),
        )
        .order_by(Story.id.desc())
    )
    return list(db.session.scalars(query))


def host_of(table: RoundTable | None) -> Participant | None:
    if table is None or table.host_participant_id is None:
        return None
    return db.session.get(Participant, table.host_participant_id)


def offer_to_host(workshop, participant) -> None:
    """The first phone at a table to offer hosts it; a later offer is told who does."""
    number = participant.table_number
    if not workshop.has_table(number):
        raise Conflict(_("Choose your table first."))
    table = _round_table_made(workshop, number)
    if table.host_participant_id not in (None, participant.id):
        raise Conflict(_("Your table already has a host."))
    table.host_participant_id = participant.id
    mark_changed(workshop)


def choose_host(workshop, number: int, participant: Participant) -> None:
    """The facilitator's choice: someone seated at the table hosts it."""
    if participant.table_number != number:
        raise Conflict(_("Only someone at this table can host it."))
    _round_table_made(workshop, number).host_participant_id = participant.id
    mark_changed(workshop)


@dataclass(frozen=True)
class Cause:
    text: str
    strengths: list[str]


@dataclass(frozen=True)
class HarvestFields:
    causes: list[Cause]
    best_quote: str
    quote_agreed: bool
    wish: str
    dream: str
    done: bool


def split_strengths(raw: str | None) -> list[str]:
    """'Patience, ownership; follow-up' as its strengths, each once, at most a handful."""
    names = []
    for piece in (raw or "").replace(";", ",").replace("、", ",").replace("،", ",").split(","):
        name = clean_line(piece)[:60]
        if name and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names[:STRENGTHS_PER_CAUSE]


def save_harvest(workshop, participant, fields: HarvestFields) -> RoundTable:
    """The host records the table's harvest; every phone at the table sees it as it grows."""
    table = round_table(workshop, participant.table_number or 0)
    if table is None or table.host_participant_id != participant.id:
        raise Forbidden(_("Only your table's host records its harvest."))
    table.causes = [
        {"text": clean_text(cause.text)[:CAUSE_MAX], "strengths": cause.strengths}
        for cause in fields.causes[:HARVEST_CAUSES]
        if clean_text(cause.text)
    ]
    table.best_quote = clean_text(fields.best_quote)[:QUOTE_MAX]
    table.quote_agreed = bool(fields.quote_agreed and table.best_quote)
    table.wish = clean_text(fields.wish)[:QUOTE_MAX]
    table.dream = clean_text(fields.dream)[:QUOTE_MAX]
    if fields.done and not table.harvest_done:
        table.harvested_at = utcnow()
    table.harvest_done = fields.done or table.harvest_done
    mark_changed(workshop)
    return table


def nudge(workshop, number: int, note: str) -> None:
    """A note for one table's phones, from the console: the latest replaces the one before."""
    table = _round_table_made(workshop, number)
    table.nudge = clean_line(note)[:NUDGE_MAX]
    table.nudged_at = utcnow() if table.nudge else None
    # Phones redraw their nudge as they redraw an item edited in place.
    mark_changed(workshop, stage=True, content=True)


def move(workshop, participant: Participant, number: int) -> None:
    """The facilitator seats someone at another table; a host who moves stops hosting."""
    _known_table(workshop, number)
    if participant.table_number == number:
        return
    release_host(workshop, participant)
    participant.table_number = number
    mark_changed(workshop)


def release_host(workshop, participant: Participant) -> None:
    """Someone who leaves a table stops hosting it."""
    db.session.execute(
        update(RoundTable)
        .where(
            RoundTable.workshop_id == workshop.id,
            RoundTable.host_participant_id == participant.id,
        )
        .values(host_participant_id=None)
    )


def merge(workshop, source: int, target: int) -> int:
    """Everyone at table `source` sits at `target`; their harvest stays with `source`.
    Returns how many moved."""
    _known_table(workshop, source)
    _known_table(workshop, target)
    if source == target:
        raise Conflict(_("Choose two different tables to merge."))
    moved = db.session.execute(
        update(Participant)
        .where(Participant.workshop_id == workshop.id, Participant.table_number == source)
        .values(table_number=target)
        .execution_options(synchronize_session="fetch")
    ).rowcount
    source_table = round_table(workshop, source)
    if source_table is not None:
        source_table.host_participant_id = None
    mark_changed(workshop)
    return moved


def spotlight(workshop, number: int | None) -> None:
    """The projector shows this table's harvest large for its report-out; None: the map."""
    if number is not None:
        _known_table(workshop, number)
    workshop.spotlight_table = number
    mark_changed(workshop)


_GROUPS_AT_TABLES = (
    select(Participant.table_number, Participant.group, func.count(Participant.id))
    .where(Participant.workshop_id == bindparam("workshop_id"))
    .group_by(Participant.table_number, Participant.group)
)


def mixed_table(workshop, group: str | None) -> int | None:
    """Max-mix: the table where this person's group is rarest, then the emptiest, then the
    lowest number; None in a room without tables or groups."""
    if not workshop.table_count or not workshop.mix_groups:
        return None
    same: dict[int, int] = {}
    everyone: dict[int, int] = {}
    for number, their_group, count in db.session.execute(
        _GROUPS_AT_TABLES, {"workshop_id": workshop.id}
    ):
        if number is None:
            continue
        everyone[number] = everyone.get(number, 0) + count
        if group is not None and their_group == group:
            same[number] = count
    return min(
        range(1, workshop.table_count + 1),
        key=lambda n: (same.get(n, 0), everyone.get(n, 0), n),
    )
