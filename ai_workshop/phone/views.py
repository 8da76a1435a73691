"""The participant's phone: join by code, then one clear task per phase."""

from functools import partial

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from ai_workshop.domain_errors import TooManyRequests
from ai_workshop.extensions import db
from ai_workshop.models.joincode import normalise_code
from ai_workshop.participants.services import join, seat
from ai_workshop.participants.tables import mixed_table
from ai_workshop.phone.forms import JoinForm, TableForm
from ai_workshop.phone.home_page import OnHomePage, home_page, live_part_page
from ai_workshop.phone.pacing import paced
from ai_workshop.phone.room_page import yours
from ai_workshop.stories.forms import StoryForm
from ai_workshop.stories.services import (
    delete_own_story,
    own_story,
    submit_story,
    update_own_story,
)
from ai_workshop.web import access
from ai_workshop.web.answers import BackTo, page
from ai_workshop.web.forms import ConfirmForm
from ai_workshop.web.netinfo import public_base_url
from ai_workshop.web.phone_identity import remember
from ai_workshop.web.qrcodes import qr_svg
from ai_workshop.web.ratelimit import retry_after
from ai_workshop.web.write_views import finds, write_view

bp = Blueprint("phone", __name__)
bp.add_app_template_global(yours, "yours")


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
    return _join(workshop)


@bp.route("/j/<code>/t/<int:number>", methods=["GET", "POST"])
@access.joining
def join_table(workshop, number: int):
    """A round table's card: join the workshop at that table, or move there if joined."""
    if not workshop.has_table(number):
        abort(404, _("This workshop has no table %(number)d.", number=number))
    participant = access.phone_participant(workshop)
    if participant is None:
        return _join(workshop, number)
    seat(participant, workshop, number)
    db.session.commit()
    flash(_("You're at table %(number)d.", number=number), "success")
    return redirect(url_for("phone.home", code=workshop.code))


@bp.route("/p/<code>/table", methods=["GET", "POST"])
@access.phone
def choose_table(workshop, participant):
    """A phone that joined by the room's code says which table it sits at."""
    if not workshop.table_count:
        return redirect(url_for("phone.home", code=workshop.code))
    form = TableForm(tables=workshop.table_count)
    if form.validate_on_submit():
        seat(participant, workshop, form.number.data)
        db.session.commit()
        flash(_("You're at table %(number)d.", number=form.number.data), "success")
        return redirect(url_for("phone.home", code=workshop.code))
    status = 422 if form.errors else 200
    page = render_template(
        "phone/table.html", workshop=workshop, participant=participant, form=form
    )
    return page, status


def _join(workshop, table: int | None = None):
    form = JoinForm(groups=workshop.mix_groups or ())
    draw = partial(render_template, "phone/join.html", workshop=workshop, form=form, table=table)
    if form.validate_on_submit():
        # The same per-address limit as POST /api/v1/join: one door, one count.
        wait = retry_after(request.remote_addr or "unknown", "RATELIMIT_JOINS_PER_ADDRESS")
        if wait is not None:
            flash(
                _("Too many people joined from here just now. Wait a moment and try again."),
                "error",
            )
            return draw(), 429, {"Retry-After": str(max(1, round(wait)))}
        participant, token = join(workshop, form.display_name.data, form.group_said())
        # A table's card seats at that table; max-mix seats one who joined by the room's code.
        seat_at = table if table is not None else mixed_table(workshop, participant.group)
        if seat_at is not None:
            seat(participant, workshop, seat_at)
        db.session.commit()
        if seat_at is not None:
            flash(_("Welcome! You're at table %(number)d.", number=seat_at), "success")
        response = redirect(url_for("phone.home", code=workshop.code))
        return remember(response, workshop, token)
    return draw(), 422 if form.errors else 200


@bp.get("/j/<code>/qr.svg")
@access.joining
def join_qr(workshop):
    url = f"{public_base_url()}{url_for('phone.join_page', code=workshop.code)}"
    response = Response(qr_svg(url), mimetype="image/svg+xml")
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


@bp.get("/p/<code>")
@paced
@access.phone
def home(workshop, participant):
    return home_page(workshop, participant)


@bp.get("/p/<code>/live")
@paced
@access.phone
def live_part(workshop, participant):
    """The phase's part of the page, for a phone that saw the room's writing move."""
    response = Response(live_part_page(workshop, participant))
    response.headers["Cache-Control"] = "no-store"
    return response


def _story_form(workshop, **_values) -> StoryForm:
    return StoryForm(vocabulary=workshop.strengths_vocabulary)


def _story_sent_back(_workshop, _participant, form) -> dict:
    return {"form": form}


@bp.post("/p/<code>/stories")
@access.phone
@write_view(_story_form, OnHomePage("#my-stories", _story_sent_back, saved=1))
def submit(workshop, participant, form):
    if retry_after(str(participant.id), "RATELIMIT_PARTICIPANT_WRITES") is not None:
        raise TooManyRequests(_("Too many stories at once. Wait a moment and send again."))
    _story, created = submit_story(workshop, participant, form.story_fields())
    return _("Thank you! Your story arrived.") if created else _("Your story was already saved.")


def _your_story(participant, story_id: int, **_values):
    return own_story(participant, story_id)


def _edit_form(workshop, story, **_values) -> StoryForm:
    form = StoryForm(obj=None, vocabulary=workshop.strengths_vocabulary)
    if request.method == "GET":
        form.fill_from(story)
    return form


_edit_page = page("phone/edit.html", "workshop", "story")


class _EditPage(BackTo):
    """The story's own page, drawn again with its errors; a refusal or a success goes back
    to the phone's page."""

    def invalid(self, write):
        return _edit_page(write, 422 if write.form.errors else 200)


@bp.route("/p/<code>/stories/<int:story_id>/edit", methods=["GET", "POST"])
@access.phone
@finds(story=_your_story)
@write_view(_edit_form, _EditPage("phone.home", "#my-stories", failed_anchor=""))
def edit_story(workshop, participant, story, form):
    update_own_story(participant, story, form.story_fields())
    return _("Your changes are saved.")


@bp.post("/p/<code>/stories/<int:story_id>/delete")
@access.phone
@write_view(ConfirmForm, BackTo("phone.home", "#my-stories", failed_anchor=""))
def delete_story(workshop, participant, story_id: int, form):
    delete_own_story(participant, own_story(participant, story_id))
    return _("Your story is deleted.")
