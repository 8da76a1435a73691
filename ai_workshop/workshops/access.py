"""Who may run a workshop: its own facilitator (co-facilitators come later)."""

from flask import abort
from flask_babel import gettext as _
from flask_login import current_user

from ..domain_errors import DomainError
from ..models import Workshop
from .services import find_workshop


def may_run(workshop: Workshop) -> bool:
    return current_user.is_authenticated and workshop.facilitator_id == current_user.id


def workshop_to_run(code: str) -> Workshop:
    """The workshop for a facilitator route: 404 if unknown, 403 if someone else's."""
    try:
        workshop = find_workshop(code)
    except DomainError:
        abort(404, _("No workshop has that code."))
    if not may_run(workshop):
        abort(403, _("This workshop belongs to another facilitator."))
    return workshop
