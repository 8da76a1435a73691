"""Create a participant's contribution exactly once per client-generated id."""

from collections.abc import Callable

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ai_workshop.domain_errors import Conflict, NotAllowedNow
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed


def stored_id(model, workshop, participant, client_id: str) -> int | None:
    """The id already stored for this submission (a retry gets it back), or None."""
    row = db.session.execute(
        select(model.id, model.participant_id).where(
            model.workshop_id == workshop.id, model.client_id == client_id
        )
    ).first()
    if row is None:
        return None
    if row.participant_id != participant.id:
        raise Conflict(_("That submission id was already used by someone else."))
    return row.id


def create_once(model, workshop, participant, client_id: str, build: Callable[[], object]):
    """(object, created): a retry of an acknowledged submission returns the first one."""
    existing = stored_id(model, workshop, participant, client_id)
    if existing is not None:
        return db.session.get(model, existing), False
    item = build()
    item.workshop_id, item.participant_id, item.client_id = workshop.id, participant.id, client_id
    try:
        with db.session.begin_nested():
            db.session.add(item)
            db.session.flush()
    except IntegrityError:
        return db.session.get(model, stored_id(model, workshop, participant, client_id)), False
    mark_changed(workshop)
    return item, True


def require_phase(workshop, phase: str) -> None:
    if workshop.phase != phase:
        raise NotAllowedNow(
            _("This is collected during %(phase)s.", phase=workshop.label_of(phase))
        )
