"""The phone's card that asks an action owner for an address for the check-ins' invitations."""

from ai_workshop.checkins.forms import ReminderForm
from ai_workshop.checkins.reminders import address_of, mail_configured


def reminder_context(participant) -> dict:
    """The card that asks for an address, for the invitations; only where mail is set up."""
    if not mail_configured():
        return {"mail": False}
    return {"mail": True, "reminder": address_of(participant), "reminder_form": ReminderForm()}
