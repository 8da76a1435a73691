"""Phone form posts at a check-in: an owner's report on an action, a new success story,
and the address for the next invitations. Plain forms: post, then redirect."""

from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _

from ai_workshop.checkins import reminders, services
from ai_workshop.checkins.forms import ActionReportForm, CheckInStoryForm, ReminderForm
from ai_workshop.contributions.destiny import action_of
from ai_workshop.phone.home_page import OnHomePage, render_home
from ai_workshop.web import access
from ai_workshop.web.answers import BackTo
from ai_workshop.web.forms import ConfirmForm
from ai_workshop.web.write_views import finds, write_view

bp = Blueprint("check_in", __name__, url_prefix="/p")


def _find_action(workshop, action_id: int, **_values):
    return action_of(workshop, action_id)


class _OnAction(OnHomePage):
    """Back to the action's card; sent back with its errors, the card shows them."""

    def __init__(self):
        super().__init__("#check-in", None)

    def _page(self, write, status):
        workshop, participant = write.workshop, write.values["participant"]
        overrides = {"report_form": write.form, "report_action_id": write.values["action"].id}
        return render_home(workshop, participant, status=status, **overrides)

    def done(self, write, message):
        flash(message, "success")
        home = url_for("phone.home", code=write.workshop.code)
        return redirect(f"{home}#action-{write.values['action'].id}")


@bp.post("/<code>/check-in/actions/<int:action_id>")
@access.phone
@finds(action=_find_action)
@write_view(ActionReportForm, _OnAction())
def report(workshop, participant, action, form):
    _item, created = services.report_progress(workshop, participant, action, form.fields())
    if not created:
        return _("That was already saved.")
    if form.status.data == "stuck":
        return _("Thank you. Your facilitator sees what would help.")
    return _("Thank you. Your progress is in the plan.")


def _story_sent_back(_workshop, _participant, form):
    return {"story_form": form}


@bp.post("/<code>/check-in/stories")
@access.phone
@write_view(CheckInStoryForm, OnHomePage("#new-story", _story_sent_back))
def story(workshop, participant, form):
    _item, created = services.tell_story(workshop, participant, form.fields())
    return _("Thank you for the story.") if created else _("That was already saved.")


def _reminder_sent_back(_workshop, _participant, form):
    return {"reminder_form": form}


@bp.post("/<code>/reminder")
@access.phone
@write_view(ReminderForm, OnHomePage("#reminder", _reminder_sent_back))
def remember(workshop, participant, form):
    reminders.remember_address(workshop, participant, form.email.data)
    return _("We will send you the next check-in's invitation.")


@bp.post("/<code>/reminder/delete")
@access.phone
@write_view(ConfirmForm, BackTo("phone.home", "#reminder"))
def forget(workshop, participant, form):
    reminders.forget_address(participant)
    return _("Your e-mail address is deleted.")
