"""What phones show of the room's writing, named by one cheap value.

A phone in Dream, Design or Destiny shows what others add (actions to join, their teams,
the options of a vote). The state phones poll carries this value, so a held poll is
released when it moves and the phone fetches its live part once; dots and stories leave it
alone, so a busy vote or Discovery does not wake every phone of the room. Edits in place
(a renamed action, a hidden dream) move no count or id, so the services that make them
bump the workshop's content_edits, which rides along on the workshop row already loaded.
"""

from sqlalchemy import func, select

from ai_workshop.extensions import db
from ai_workshop.models import Action, ActionVolunteer, Dream, Proposition

FOLLOWED = ("dream", "design", "destiny")


def _count_and_last(model, workshop_id: int) -> list:
    mine = model.workshop_id == workshop_id
    return [
        select(func.count(model.id)).where(mine).scalar_subquery(),
        select(func.coalesce(func.max(model.id), 0)).where(mine).scalar_subquery(),
    ]


def content_version(workshop) -> str:
    """Changes when an item phones list is added, removed, or edited or hidden by the
    facilitator (the workshop's own count of such edits), or a team grows or shrinks."""
    if workshop.phase not in FOLLOWED:
        return ""
    parts = [
        c for model in (Dream, Proposition, Action) for c in _count_and_last(model, workshop.id)
    ]
    team = (
        select(func.count())
        .select_from(ActionVolunteer)
        .join(Action, Action.id == ActionVolunteer.action_id)
        .where(Action.workshop_id == workshop.id)
        .scalar_subquery()
    )
    row = db.session.execute(select(*parts, team)).one()
    return "-".join(str(value) for value in (workshop.content_edits, *row))
