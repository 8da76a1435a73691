"""What the room's screens show of a summit's tables: each table's progress for the
console and the projector's map, the table in the spotlight, the harvests, and the tables
each theme of the positive core came from."""

from dataclasses import dataclass

from sqlalchemy import bindparam, func, select

from ai_workshop.extensions import db
from ai_workshop.models import Participant, RoundTable, Story, Theme
from ai_workshop.participants.tables import people_at, round_table, table_stories


@dataclass(frozen=True)
class TableTile:
    number: int
    people: int
    stories: int
    table: RoundTable | None

    @property
    def harvest_done(self) -> bool:
        return bool(self.table and self.table.harvest_done)

    @property
    def harvest_started(self) -> bool:
        return bool(self.table and self.table.has_harvest)

    @property
    def hosted(self) -> bool:
        return bool(self.table and self.table.host_participant_id)


_PEOPLE_PER_TABLE = (
    select(Participant.table_number, func.count(Participant.id))
    .where(Participant.workshop_id == bindparam("workshop_id"))
    .group_by(Participant.table_number)
)
_STORIES_PER_TABLE = (
    select(Participant.table_number, func.count(Story.id))
    .join(Participant, Story.participant_id == Participant.id)
    .where(Story.workshop_id == bindparam("workshop_id"), Story.hidden.is_(False))
    .group_by(Participant.table_number)
)


def table_tiles(workshop) -> tuple[list[TableTile], int]:
    """Every table in order, empty ones included (its people, stories and harvest), and how
    many joined without a table."""
    if not workshop.table_count:
        return [], 0
    people = dict(db.session.execute(_PEOPLE_PER_TABLE, {"workshop_id": workshop.id}).all())
    stories = dict(db.session.execute(_STORIES_PER_TABLE, {"workshop_id": workshop.id}).all())
    tables = {
        table.number: table
        for table in db.session.scalars(
            select(RoundTable).where(RoundTable.workshop_id == workshop.id)
        )
    }
    tiles = [
        TableTile(n, people.get(n, 0), stories.get(n, 0), tables.get(n))
        for n in range(1, workshop.table_count + 1)
    ]
    return tiles, people.get(None, 0)


def behind(tiles: list[TableTile]) -> set[int]:
    """Tables with people but fewer stories than half the room's typical (median) table, or
    no harvest started once most tables have one: those the facilitator may want to visit."""
    seated = [tile for tile in tiles if tile.people]
    if not seated:
        return set()
    counts = sorted(tile.stories for tile in seated)
    typical = counts[len(counts) // 2]
    harvesting = sum(tile.harvest_started for tile in seated) * 2 > len(seated)
    return {
        tile.number
        for tile in seated
        if tile.stories * 2 < typical or (harvesting and not tile.harvest_started)
    }


def harvests(workshop) -> list[RoundTable]:
    """The tables' harvests that hold anything, in table order."""
    query = (
        select(RoundTable).where(RoundTable.workshop_id == workshop.id).order_by(RoundTable.number)
    )
    return [table for table in db.session.scalars(query) if table.has_harvest]


def theme_tables(workshop) -> dict[int, list[int]]:
    """For each theme, the tables it came from, in order: the tables of its stories' tellers,
    and each table whose harvest names a root cause sharing the theme's strengths."""
    query = (
        select(Story.theme_id, Participant.table_number)
        .join(Participant, Story.participant_id == Participant.id)
        .where(
            Story.workshop_id == workshop.id,
            Story.theme_id.is_not(None),
            Participant.table_number.is_not(None),
        )
        .distinct()
    )
    found: dict[int, set[int]] = {}
    for theme_id, number in db.session.execute(query):
        found.setdefault(theme_id, set()).add(number)
    for theme_id, number in _harvest_theme_tables(workshop):
        found.setdefault(theme_id, set()).add(number)
    return {theme_id: sorted(numbers) for theme_id, numbers in found.items()}


def _harvest_theme_tables(workshop) -> list[tuple[int, int]]:
    """(theme, table) for each finished harvest's cause, given to the theme whose strengths
    it shares most (the first such theme on a tie): strengths, not words, so that it holds
    in every language."""
    themes = list(
        db.session.execute(
            select(Theme.id, Theme.strengths)
            .where(Theme.workshop_id == workshop.id)
            .order_by(Theme.position, Theme.id)
        )
    )
    if not themes:
        return []
    named = [
        (theme_id, {name.casefold() for name in strengths or []}) for theme_id, strengths in themes
    ]
    pairs = []
    for number, causes in db.session.execute(
        select(RoundTable.number, RoundTable.causes).where(
            RoundTable.workshop_id == workshop.id, RoundTable.harvest_done.is_(True)
        )
    ):
        for cause in causes or []:
            said = {name.casefold() for name in cause.get("strengths") or []}
            best_id, best = None, 0
            for theme_id, strengths in named:
                if len(said & strengths) > best:
                    best_id, best = theme_id, len(said & strengths)
            if best_id is not None:
                pairs.append((best_id, number))
    return pairs


def spotlight_of(workshop) -> TableTile | None:
    """The table the projector shows large, if the facilitator chose one."""
    number = workshop.spotlight_table
    if not workshop.has_table(number):
        return None
    people = len(people_at(workshop, number))
    return TableTile(
        number, people, len(table_stories(workshop, number)), round_table(workshop, number)
    )
