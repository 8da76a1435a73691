"""The participant's phone: join by code, then one clear task per phase."""

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ai_workshop.board.queries import theme_summaries
from ai_workshop.contributions import votes
from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db
from ai_workshop.participants.services import join
from ai_workshop.phone.forms import JoinForm
from ai_workshop.phone.identity import remember, token_for
from ai_workshop.phone.pacing import paced
from ai_workshop.phone.screens import phase_context, screen_key
from ai_workshop.stories.forms import StoryForm
from ai_workshop.stories.services import (
    delete_own_story,
    own_stories,
    own_story,
    submit_story,
    update_own_story,
)
from ai_workshop.web import access
from ai_workshop.web.forms import ConfirmForm
from ai_workshop.web.netinfo import public_base_url
from ai_workshop.web.qrcodes import qr_svg
from ai_workshop.web.ratelimit import retry_after
from ai_workshop.workshops.joincode import normalise_code

bp = Blueprint("phone", __name__)


@bp.get("/join")
@access.public
def join_by_code():
    """The home page's code box: tidy the code and send the phone to its workshop."""
    code = normalise_code(request.args.get("code", ""))
    if not code:
        flash(_("Type the 6-character code shown on the screen."), "error")
        return redirect(url_for("home.index"))
    return redirect(url_for("phone.join_page", code=code))


@bp.route("/j/<code>", methods=["GET", "POST"])
@access.joining
def join_page(workshop):
    if access.phone_participant(workshop) is not None:
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
@access.joining
def join_qr(workshop):
    url = f"{public_base_url()}{url_for('phone.join_page', code=workshop.code)}"
    response = Response(qr_svg(url), mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


def _render_home(workshop, participant, form=None, status=200, **overrides):
    discovering = workshop.phase == "discover"
    vote = votes.current_vote(workshop)
    context = {
        "workshop": workshop,
        "participant": participant,
        "token": token_for(workshop),
        "form": form
        or (StoryForm(vocabulary=workshop.strengths_vocabulary) if discovering else None),
        "stories": own_stories(participant) if discovering else [],
        # Phones list the themes with their counts while the room talks them through.
        "cards": theme_summaries(workshop, with_quotes=False)
        if discovering and workshop.themes_shown
        else [],
        "confirm": ConfirmForm(),
        "screen": screen_key(workshop, vote),
        **phase_context(workshop, participant, vote),
    }
    context.update(overrides)
    return render_template("phone/home.html", **context), status


@bp.get("/p/<code>")
@paced
@access.phone
def home(workshop, participant):
    return _render_home(workshop, participant)


@bp.post("/p/<code>/stories")
@access.phone
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
@access.phone
def edit_story(workshop, participant, story_id: int):
    try:
        story = own_story(participant, story_id)
    except DomainError as error:
        abort(error.status, error.message)
    form = StoryForm(obj=None, vocabulary=workshop.strengths_vocabulary)
    if request.method == "GET":
        _fill_form(form, story, workshop.strengths_vocabulary)
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


def _fill_form(form: StoryForm, story, vocabulary: list[str]) -> None:
    form.client_id.data = story.client_id
    form.headline.data = story.headline
    form.story.data = story.body
    form.made_possible.data = story.made_possible
    form.wish.data = story.wish
    form.whose.data = story.whose
    form.consent.data = story.consent
    form.strengths.data = [name for name in story.strength_names if name in vocabulary]
    form.other_strengths.data = ", ".join(
        name for name in story.strength_names if name not in vocabulary
    )


@bp.post("/p/<code>/stories/<int:story_id>/delete")
@access.phone
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
