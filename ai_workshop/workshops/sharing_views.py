"""The workshop's team (owner and co-facilitators) and deleting a workshop for good."""

from flask import abort, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import EmailField, StringField
from wtforms.validators import DataRequired

from ai_workshop.domain_errors import TooManyRequests, ValidationFailed
from ai_workshop.live import mark_changed
from ai_workshop.text import clean_line
from ai_workshop.web import access
from ai_workshop.web.answers import FormPage
from ai_workshop.web.forms import AppForm, ConfirmForm, at_most
from ai_workshop.web.ratelimit import retry_after
from ai_workshop.web.write_views import write_view
from ai_workshop.workshops.sharing import (
    co_facilitators_of,
    contents_of,
    delete_workshop,
    share_with,
    stop_sharing,
)
from ai_workshop.workshops.views import bp


class CoFacilitatorForm(AppForm):
    email = EmailField(
        _l("Their e-mail address"),
        filters=[clean_line],
        validators=[DataRequired(_l("Enter their e-mail address.")), at_most(254)],
    )


class DeleteForm(AppForm):
    code = StringField(
        _l("Type the join code to confirm"),
        filters=[clean_line],
        validators=[DataRequired(_l("Type the join code.")), at_most(20)],
    )


def _team_page(workshop, form=None, status=200):
    return render_template(
        "workshops/team.html",
        workshop=workshop,
        owner=workshop.facilitator,
        co_facilitators=co_facilitators_of(workshop),
        is_owner=access.is_owner(workshop),
        form=form or CoFacilitatorForm(),
        confirm_form=ConfirmForm(),
    ), status


@bp.get("/<code>/team")
@access.runs_workshop
def team(workshop):
    return _team_page(workshop)


def _team_with_form(write, status: int):
    return _team_page(write.workshop, write.form, status)


@bp.post("/<code>/team")
@access.owns_workshop
@write_view(CoFacilitatorForm, FormPage(_team_with_form, error_field="email"))
def share(workshop, form):
    # Each try says whether an e-mail has an account: a person adds a handful of
    # co-facilitators, a script testing a list of addresses gets 429.
    if retry_after(str(current_user.id), "RATELIMIT_SHARE_LOOKUPS") is not None:
        raise TooManyRequests(_("Too many e-mail addresses tried. Wait an hour and try again."))
    added = share_with(workshop, form.email.data)
    return (
        _("%(name)s can now run this workshop with you.", name=added.facilitator.display_name),
        url_for("workshops.team", code=workshop.code),
    )


class _TeamButton(FormPage):
    """A button on the team page: a refusal is shown on the page, which has no form of the
    button's own to draw again."""

    def invalid(self, write):
        abort(400)


def _team_as_it_is(write, status: int):
    return _team_page(write.workshop, status=status)


@bp.post("/<code>/team/<int:facilitator_id>/remove")
@access.owns_workshop_or_leaving
@write_view(ConfirmForm, _TeamButton(_team_as_it_is))
def unshare(workshop, facilitator_id: int, form):
    person = stop_sharing(workshop, facilitator_id)
    if facilitator_id == current_user.id:
        return _("You left %(name)s.", name=workshop.name), url_for("workshops.index")
    return (
        _("%(name)s no longer runs this workshop.", name=person.display_name),
        url_for("workshops.team", code=workshop.code),
    )


def _delete_page(write, status: int):
    return render_template(
        "workshops/delete.html",
        workshop=write.workshop,
        form=write.form,
        contents=contents_of(write.workshop),
    ), status


@bp.route("/<code>/delete", methods=["GET", "POST"])
@access.owns_workshop
@write_view(DeleteForm, FormPage(_delete_page, error_field="code"))
def delete(workshop, form):
    if form.code.data.replace(" ", "").upper() != workshop.code:
        raise ValidationFailed(_("That is not this workshop's join code."))
    name = workshop.name
    mark_changed(workshop, stage=True)
    delete_workshop(workshop)
    return _("%(name)s and everything in it are deleted.", name=name), url_for("workshops.index")
