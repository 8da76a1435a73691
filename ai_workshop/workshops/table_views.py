"""The facilitator's round tables: one table's people, host, nudge and harvest; moving
people, merging tables and the projector's spotlight on one table's report-out."""

from flask import abort, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ai_workshop.extensions import db
from ai_workshop.models import Participant
from ai_workshop.participants import tables
from ai_workshop.web import access
from ai_workshop.web.answers import ToastOrBackTo
from ai_workshop.web.forms import ConfirmForm
from ai_workshop.web.write_views import write_view
from ai_workshop.workshops.forms import HostForm, MergeForm, MoveForm, NudgeForm, SpotlightForm
from ai_workshop.workshops.views import bp, to_console


class _ToTable(ToastOrBackTo):
    """Back to the table's own page in the console."""

    def url(self, write, anchor: str) -> str:
        number = write.values["number"]
        return url_for("workshops.round_table", code=write.workshop.code, number=number) + anchor


def _table_number(workshop, number: int, **_values) -> int:
    if not workshop.has_table(number):
        abort(404, _("This workshop has no table %(number)d.", number=number))
    return number


def _someone_here(workshop, participant_id: int) -> Participant:
    participant = db.session.get(Participant, participant_id)
    if participant is None or participant.workshop_id != workshop.id:
        abort(404, _("That person is not in this workshop."))
    return participant


@bp.get("/<code>/tables/<int:number>")
@access.runs_workshop
def round_table(workshop, number: int):
    _table_number(workshop, number)
    table = tables.round_table(workshop, number)
    return render_template(
        "workshops/round_table.html",
        workshop=workshop,
        number=number,
        people=tables.people_at(workshop, number),
        table=table,
        host=tables.host_of(table),
        stories=tables.table_stories(workshop, number),
        nudge_form=NudgeForm(),
        move_form=MoveForm(),
        confirm=ConfirmForm(),
    )


@bp.post("/<code>/tables/<int:number>/nudge")
@access.runs_workshop
@write_view(NudgeForm, _ToTable("workshops.round_table", refusal=_l("Keep the note short.")))
def nudge_table(workshop, number: int, form):
    tables.nudge(workshop, _table_number(workshop, number), form.note.data or "")
    if form.note.data:
        return _("Table %(number)d sees your note.", number=number)
    return _("The note to table %(number)d is taken back.", number=number)


@bp.post("/<code>/tables/<int:number>/host")
@access.runs_workshop
@write_view(HostForm, _ToTable("workshops.round_table", refusal=_l("Choose someone.")))
def choose_host(workshop, number: int, form):
    person = _someone_here(workshop, form.participant.data)
    tables.choose_host(workshop, _table_number(workshop, number), person)
    return _("%(name)s hosts table %(number)d.", name=_named(person), number=number)


@bp.post("/<code>/tables/<int:number>/move")
@access.runs_workshop
@write_view(MoveForm, _ToTable("workshops.round_table", refusal=_l("Give a table number.")))
def move_person(workshop, number: int, form):
    person = _someone_here(workshop, form.participant.data)
    tables.move(workshop, person, form.number.data)
    return _("%(name)s now sits at table %(number)d.", name=_named(person), number=form.number.data)


def _named(person: Participant) -> str:
    return person.display_name or _("Someone without a name")


@bp.post("/<code>/tables/merge")
@access.runs_workshop
@write_view(MergeForm, to_console(_l("Give two table numbers.")))
def merge_tables(workshop, form):
    moved = tables.merge(workshop, form.source.data, form.target.data)
    return _(
        "Table %(source)d joined table %(target)d (%(num)d people moved).",
        source=form.source.data,
        target=form.target.data,
        num=moved,
    )


@bp.post("/<code>/spotlight")
@access.runs_workshop
@write_view(SpotlightForm, to_console(_l("Give a table number.")))
def spotlight(workshop, form):
    tables.spotlight(workshop, form.number.data)
    if form.number.data:
        return _("The projector shows table %(number)d's harvest.", number=form.number.data)
    return _("The projector shows every table again.")
