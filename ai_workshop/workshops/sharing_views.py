"""The workshop's team (owner and co-facilitators) and deleting a workshop for good."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import EmailField, StringField
from wtforms.validators import DataRequired

from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db
from ai_workshop.live import mark_changed
from ai_workshop.text import clean_line
from ai_workshop.web import access
from ai_workshop.web.forms import AppForm, ConfirmForm, at_most
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


@bp.post("/<code>/team")
@access.owns_workshop
def share(workshop):
    form = CoFacilitatorForm()
    if not form.validate_on_submit():
        return _team_page(workshop, form, 422)
    try:
        added = share_with(workshop, form.email.data)
    except DomainError as error:
        db.session.rollback()
        form.email.errors = [error.message]
        return _team_page(workshop, form, error.status)
    db.session.commit()
    flash(
        _("%(name)s can now run this workshop with you.", name=added.facilitator.display_name),
        "success",
    )
    return redirect(url_for("workshops.team", code=workshop.code))


@bp.post("/<code>/team/<int:facilitator_id>/remove")
@access.owns_workshop_or_leaving
def unshare(workshop, facilitator_id: int):
    leaving = facilitator_id == current_user.id
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        person = stop_sharing(workshop, facilitator_id)
    except DomainError as error:
        flash(error.message, "error")
        return _team_page(workshop, status=error.status)
    db.session.commit()
    if leaving:
        flash(_("You left %(name)s.", name=workshop.name), "success")
        return redirect(url_for("workshops.index"))
    flash(_("%(name)s no longer runs this workshop.", name=person.display_name), "success")
    return redirect(url_for("workshops.team", code=workshop.code))


@bp.route("/<code>/delete", methods=["GET", "POST"])
@access.owns_workshop
def delete(workshop):
    form = DeleteForm()
    if form.validate_on_submit():
        if form.code.data.replace(" ", "").upper() == workshop.code:
            name = workshop.name
            mark_changed(workshop, stage=True)
            delete_workshop(workshop)
            db.session.commit()
            flash(_("%(name)s and everything in it are deleted.", name=name), "success")
            return redirect(url_for("workshops.index"))
        form.code.errors = [_("That is not this workshop's join code.")]
    status = 422 if form.errors else 200
    return render_template(
        "workshops/delete.html", workshop=workshop, form=form, contents=contents_of(workshop)
    ), status
