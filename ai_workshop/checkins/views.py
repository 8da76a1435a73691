"""The facilitator's check-ins page: open and close the plan's follow-ups, invite the
owners by e-mail, moderate the new stories, and start the next cycle."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from wtforms import HiddenField
from wtforms.validators import AnyOf, DataRequired

from ai_workshop.checkins import services
from ai_workshop.checkins.forms import OpenCheckInForm
from ai_workshop.checkins.next_cycle import start_next_cycle
from ai_workshop.checkins.reminders import invitees, mail_configured, send_invitations
from ai_workshop.domain_errors import NotAllowedNow
from ai_workshop.plan.content import plan_for
from ai_workshop.web import access
from ai_workshop.web.answers import BackTo
from ai_workshop.web.forms import AppForm, ConfirmForm, at_most
from ai_workshop.web.language import in_workshop_language
from ai_workshop.web.netinfo import public_base_url
from ai_workshop.web.write_views import write_view

bp = Blueprint("checkins", __name__, url_prefix="/workshops")


class HideOrShowForm(AppForm):
    value = HiddenField(validators=[DataRequired(), at_most(20), AnyOf(("hide", "show"))])


def _back(anchor: str = "") -> BackTo:
    return BackTo("checkins.show", anchor, refusal=_l("Check the form and try again."))


@bp.get("/<code>/check-ins")
@access.runs_workshop
@in_workshop_language
def show(workshop):
    plan = plan_for(workshop)
    found = services.follow_through(workshop, include_hidden_stories=True)
    held = {check_in.number: check_in for check_in in found.check_ins}
    return render_template(
        "checkins/manage.html",
        workshop=workshop,
        plan=plan,
        followups=list(enumerate(plan.followup_dates(), start=1)),
        held=held,
        found=found,
        open_one=services.open_check_in(workshop),
        mail=mail_configured(),
        invitees=invitees(workshop),
        confirm=ConfirmForm(),
        join_url=_join_url(workshop),
    )


def _join_url(workshop) -> str:
    return f"{public_base_url()}{url_for('phone.join_page', code=workshop.code)}"


@bp.post("/<code>/check-ins/open")
@access.runs_workshop
@write_view(OpenCheckInForm, _back())
def open_check_in(workshop, form):
    check_in = services.start_check_in(workshop, plan_for(workshop), form.number.data)
    return _("“%(label)s” is open: the room's code works again.", label=check_in.label)


@bp.post("/<code>/check-ins/close")
@access.runs_workshop
@write_view(ConfirmForm, _back())
def close_check_in(workshop, form):
    check_in = services.close_check_in(workshop)
    return _("“%(label)s” is closed. Its progress is in the plan.", label=check_in.label)


@bp.post("/<code>/check-ins/invite")
@access.runs_workshop
@write_view(ConfirmForm, _back("#invite"))
def invite(workshop, form):
    check_in = services.open_check_in(workshop)
    if check_in is None:
        raise NotAllowedNow(_("Open the check-in first: the invitation links to it."))
    sent = send_invitations(workshop, check_in, _join_url(workshop))
    return ngettext(
        "Invitation sent to %(num)d action owner.",
        "Invitation sent to %(num)d action owners.",
        sent,
    )


@bp.post("/<code>/check-ins/stories/<int:story_id>/moderate")
@access.runs_workshop
@write_view(HideOrShowForm, _back("#new-stories"))
def moderate_story(workshop, story_id: int, form):
    services.set_story_hidden(workshop, story_id, form.value.data == "hide")
    return _("Hidden.") if form.value.data == "hide" else _("Shown again.")


class _ToNewWorkshop(BackTo):
    def done(self, write, outcome):
        message, code = outcome
        flash(message, "success")
        return redirect(url_for("workshops.settings", code=code))


@bp.post("/<code>/next-cycle")
@access.runs_workshop
@write_view(ConfirmForm, _ToNewWorkshop("checkins.show", "#next-cycle"))
def next_cycle(workshop, form):
    new = start_next_cycle(workshop, current_user)
    message = _(
        "“%(name)s” is ready: it starts from the check-ins' stories, the positive core and "
        "the open actions. Check its settings, then run it.",
        name=new.name,
    )
    return message, new.code
