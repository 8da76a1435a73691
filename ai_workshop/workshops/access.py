"""Who may do what with a workshop: its owner runs and owns it; co-facilitators run it."""

from flask import abort
from flask_babel import gettext as _
from flask_login import current_user

from ai_workshop.domain_errors import DomainError
from ai_workshop.models import Workshop
from ai_workshop.workshops.services import find_workshop
from ai_workshop.workshops.sharing import share_of


def owns(workshop: Workshop) -> bool:
    return current_user.is_authenticated and workshop.facilitator_id == current_user.id


def co_facilitates(workshop: Workshop) -> bool:
    return current_user.is_authenticated and share_of(workshop, current_user.id) is not None


def may_run(workshop: Workshop) -> bool:
    return owns(workshop) or co_facilitates(workshop)


def _workshop_or_404(code: str) -> Workshop:
    try:
        return find_workshop(code)
    except DomainError:
        abort(404, _("No workshop has that code."))


def workshop_to_run(code: str) -> Workshop:
    """For the routes that run a session: its owner or a co-facilitator; 404 if unknown."""
    workshop = _workshop_or_404(code)
    if not may_run(workshop):
        abort(403, _("This workshop belongs to another facilitator."))
    return workshop


def workshop_to_own(code: str) -> Workshop:
    """For sharing, the leaders' link and deletion: the owner alone."""
    workshop = _workshop_or_404(code)
    if owns(workshop):
        return workshop
    if co_facilitates(workshop):
        abort(403, _("Only the workshop's owner can do this. Ask them."))
    abort(403, _("This workshop belongs to another facilitator."))
