"""A participant deletes what they wrote: the delete is honoured, not hidden."""

from flask_babel import gettext as _

from ai_workshop.domain_errors import Forbidden, NotFound
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.models import Action, Commitment, Dream, Proposition, Workshop

# The URL's word for each kind a participant writes (stories have routes of their own).
OWN_KINDS = {
    "dreams": Dream,
    "propositions": Proposition,
    "actions": Action,
    "commitments": Commitment,
}


def delete_own(workshop: Workshop, participant, kind: str, item_id: int) -> None:
    model = OWN_KINDS.get(kind)
    item = db.session.get(model, item_id) if model is not None else None
    if item is None or item.workshop_id != workshop.id:
        raise NotFound(_("That contribution does not exist."))
    if item.participant_id != participant.id:
        raise Forbidden(_("You can only delete what you wrote."))
    db.session.delete(item)
    mark_changed(workshop)
