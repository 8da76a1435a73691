"""What phones show of the room's writing, named by one cheap value.

A phone in Dream, Design or Destiny shows what others add (actions to join, their teams,
the options of a vote). The state phones poll carries this value, so a held poll is
released when it moves and the phone fetches its live part once; dots and stories leave it
alone, so a busy vote or Discovery does not wake every phone of the room. Edits in place
(a renamed action, a hidden dream) move no count or id, so the services that make them
bump the workshop's content_edits, which rides along on the workshop row already loaded.
"""

from sqlalchemy import bindparam, func, select

from ai_workshop.extensions import db
from ai_workshop.models import Action, ActionVolunteer, Dream, Proposition

FOLLOWED = ("dream", "design", "destiny")


def _count_and_last(model) -> list:
    mine = model.workshop_id == bindparam("workshop_id")
    return [
        select(func.count(model.id)).where(mine).scalar_subquery(),
        select(func.coalesce(func.max(model.id), 0)).where(mine).scalar_subquery(),
    ]


# Built once: every phone page asks it, and building the statement costs more than running it.
_COUNTS = select(
    *[c for model in (Dream, Proposition, Action) for c in _count_and_last(model)],
    select(func.count())
    .select_from(ActionVolunteer)
    .join(Action, Action.id == ActionVolunteer.action_id)
    .where(Action.workshop_id == bindparam("workshop_id"))
    .scalar_subquery(),
)


def content_version(workshop) -> str:
    """Changes when an item phones list is added, removed, or edited or hidden by the
    facilitator (the workshop's own count of such edits), or a team grows or shrinks."""
    if workshop.phase not in FOLLOWED:
        # At round tables phones follow the facilitator's nudges (edits, here) all along.
        return f"t{workshop.content_edits}" if workshop.table_count else ""
    row = db.session.execute(_COUNTS, {"workshop_id": workshop.id}).one()
    return "-".join(str(value) for value in (workshop.content_edits, *row))
