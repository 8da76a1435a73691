"""Sharing a workshop with co-facilitators, and deleting a workshop with everything in it."""

from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from ai_workshop.contributions.dreams import dream_count
from ai_workshop.domain_errors import Conflict, NotFound, ValidationFailed
from ai_workshop.extensions import db
from ai_workshop.live import stage_cache
from ai_workshop.models import CoFacilitator, Facilitator, Story, Workshop
from ai_workshop.workshops.services import participant_count


def co_facilitators_of(workshop: Workshop) -> list[CoFacilitator]:
    return list(
        db.session.scalars(
            select(CoFacilitator)
            .where(CoFacilitator.workshop_id == workshop.id)
            .order_by(CoFacilitator.added_at, CoFacilitator.id)
        )
    )


def share_with(workshop: Workshop, email: str) -> CoFacilitator:
    """Share with the facilitator account of this e-mail address; it must exist already."""
    normalised = Facilitator.normalise_email(email)
    other = db.session.scalar(select(Facilitator).where(Facilitator.email == normalised))
    if other is None:
        raise ValidationFailed(
            _("No facilitator has an account with that e-mail. Ask them to sign up first."),
            {"email": [_("No account with this e-mail.")]},
        )
    if other.id == workshop.facilitator_id:
        raise ValidationFailed(
            _("That is the workshop's owner."), {"email": [_("The owner runs it already.")]}
        )
    if share_of(workshop, other.id) is not None:
        raise Conflict(_("%(name)s co-facilitates already.", name=other.display_name))
    share = CoFacilitator(workshop_id=workshop.id, facilitator_id=other.id)
    db.session.add(share)
    db.session.flush()
    return share


def share_of(workshop: Workshop, facilitator_id: int) -> CoFacilitator | None:
    """The facilitator's co-facilitation of the workshop, if any."""
    return db.session.scalar(
        select(CoFacilitator).where(
            CoFacilitator.workshop_id == workshop.id,
            CoFacilitator.facilitator_id == facilitator_id,
        )
    )


def stop_sharing(workshop: Workshop, facilitator_id: int) -> Facilitator:
    share = share_of(workshop, facilitator_id)
    if share is None:
        raise NotFound(_("That person does not co-facilitate this workshop."))
    person = share.facilitator
    db.session.delete(share)
    return person


def shared_with(facilitator: Facilitator) -> list[Workshop]:
    return list(
        db.session.scalars(
            select(Workshop)
            .join(CoFacilitator, CoFacilitator.workshop_id == Workshop.id)
            .where(CoFacilitator.facilitator_id == facilitator.id)
            .order_by(Workshop.created_at.desc())
        )
    )


def contents_of(workshop: Workshop) -> dict[str, int]:
    """What deleting the workshop removes, for the confirmation page: parked stories too."""
    every_story = select(func.count(Story.id)).where(Story.workshop_id == workshop.id)
    return {
        "participants": participant_count(workshop),
        "stories": db.session.scalar(every_story),
        "dreams": dream_count(workshop),
    }


def delete_workshop(workshop: Workshop) -> None:
    """Remove the workshop and, through the database's cascades, every row that hangs off it:
    participants, stories, strengths, themes, votes, dreams, propositions, actions, the plan.

    One DELETE, not the ORM's cascade: a summit's rows would otherwise be loaded one by one.
    """
    code = workshop.code
    db.session.execute(delete(Workshop).where(Workshop.id == workshop.id))
    db.session.expunge(workshop)
    stage_cache().forget(code)
