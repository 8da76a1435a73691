"""The participant's phone: join by code, then one clear task per phase."""

from functools import wraps

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ai_workshop.contributions import votes
from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db
from ai_workshop.models import Workshop
from ai_workshop.participants.services import join
from ai_workshop.phases.registry import phase_of
from ai_workshop.phases.voting import screen_key
from ai_workshop.phone.forms import JoinForm
from ai_workshop.phone.identity import current_participant, remember, token_for
from ai_workshop.phone.pacing import paced
from ai_workshop.stories.forms import StoryForm
from ai_workshop.stories.services import (
    delete_own_story,
    own_story,
    submit_story,
    update_own_story,
)
from ai_workshop.web.forms import ConfirmForm
from ai_workshop.web.netinfo import public_base_url
from ai_workshop.web.qrcodes import qr_svg
from ai_workshop.web.ratelimit import retry_after
from ai_workshop.workshops.joincode import normalise_code
from ai_workshop.workshops.services import find_workshop

bp = Blueprint("phone", __name__)


def _workshop_or_404(code: str) -> Workshop:
    try:
        return find_workshop(code)
    except DomainError:
        abort(404, _("No workshop has that code. Check the code on the screen."))


def for_participant(view):
    """Load the workshop and this phone's participant, or send the phone to join first."""

    @wraps(view)
    def wrapper(code: str, **kwargs):
        workshop = _workshop_or_404(code)
        participant = current_participant(workshop)
        if participant is None:
            return redirect(url_for("phone.join_page", code=workshop.code))
        return view(workshop, participant, **kwargs)

    return wrapper


@bp.get("/join")
def join_by_code():
    """The home page's code box: tidy the code and send the phone to its workshop."""
    code = normalise_code(request.args.get("code", ""))
    if not code:
        flash(_("Type the 6-character code shown on the screen."), "error")
        return redirect(url_for("home.index"))
    return redirect(url_for("phone.join_page", code=code))


@bp.route("/j/<code>", methods=["GET", "POST"])
def join_page(code: str):
    workshop = _workshop_or_404(code)
    if current_participant(workshop) is not None:
        return redirect(url_for("phone.home", code=workshop.code))
    form = JoinForm()
    if form.validate_on_submit():
        _participant, token = join(workshop, form.display_name.data)
        db.session.commit()
        response = redirect(url_for("phone.home", code=workshop.code))
        return remember(response, workshop, token)
    status = 422 if form.errors else 200
    return render_template("phone/join.html", workshop=workshop, form=form), status


@bp.get("/j/<code>/qr.svg")
def join_qr(code: str):
    workshop = _workshop_or_404(code)
    url = f"{public_base_url()}{url_for('phone.join_page', code=workshop.code)}"
    response = Response(qr_svg(url), mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


def _render_home(workshop, participant, form=None, status=200, **overrides):
    vote = votes.current_vote(workshop)
    context = {
        "workshop": workshop,
        "participant": participant,
        "token": token_for(workshop),
        "confirm": ConfirmForm(),
        "screen": screen_key(workshop, vote),
        **phase_of(workshop.phase).context("phone", workshop, participant, vote),
    }
    if form is not None:
        context["form"] = form
    context.update(overrides)
    return render_template("phone/home.html", **context), status


@bp.get("/p/<code>")
@paced
@for_participant
def home(workshop, participant):
    return _render_home(workshop, participant)


@bp.post("/p/<code>/stories")
@for_participant
def submit(workshop, participant):
    form = StoryForm(vocabulary=workshop.strengths_vocabulary)
    if not form.validate_on_submit():
        return _render_home(workshop, participant, form, 422)
    if retry_after(str(participant.id), "RATELIMIT_PARTICIPANT_WRITES") is not None:
        flash(_("Too many stories at once. Wait a moment and send again."), "error")
        return _render_home(workshop, participant, form, 429)
    try:
        _story, created = submit_story(workshop, participant, form.story_fields())
    except DomainError as error:
        flash(error.message, "error")
        return _render_home(workshop, participant, form, error.status)
    db.session.commit()
    flash(
        _("Thank you! Your story arrived.") if created else _("Your story was already saved."),
        "success",
    )
    return redirect(url_for("phone.home", code=workshop.code, saved=1) + "#my-stories")


@bp.route("/p/<code>/stories/<int:story_id>/edit", methods=["GET", "POST"])
@for_participant
def edit_story(workshop, participant, story_id: int):
    try:
        story = own_story(participant, story_id)
    except DomainError as error:
        abort(error.status, error.message)
    form = StoryForm(obj=None, vocabulary=workshop.strengths_vocabulary)
    if request.method == "GET":
        form.fill_from(story)
    elif form.validate_on_submit():
        try:
            update_own_story(participant, story, form.story_fields())
        except DomainError as error:
            flash(error.message, "error")
            return redirect(url_for("phone.home", code=workshop.code))
        db.session.commit()
        flash(_("Your changes are saved."), "success")
        return redirect(url_for("phone.home", code=workshop.code) + "#my-stories")
    status = 422 if form.errors else 200
    return render_template("phone/edit.html", workshop=workshop, story=story, form=form), status


@bp.post("/p/<code>/stories/<int:story_id>/delete")
@for_participant
def delete_story(workshop, participant, story_id: int):
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        delete_own_story(participant, own_story(participant, story_id))
    except DomainError as error:
        flash(error.message, "error")
        return redirect(url_for("phone.home", code=workshop.code))
    db.session.commit()
    flash(_("Your story is deleted."), "success")
    return redirect(url_for("phone.home", code=workshop.code) + "#my-stories")
