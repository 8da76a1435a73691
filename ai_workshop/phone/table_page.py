"""A phone's round table: who sits there, the interview pairs and timer, the table's host and
its harvest, which every phone at the table watches grow."""

from flask import Response, redirect, render_template, url_for
from flask_babel import gettext as _

from ai_workshop.participants.pairs import interview_of
from ai_workshop.participants.tables import (
    host_of,
    offer_to_host,
    people_at,
    round_table,
    save_harvest,
    table_stories,
)
from ai_workshop.phone.forms import HarvestForm
from ai_workshop.phone.interview_words import round_lines
from ai_workshop.phone.views import bp
from ai_workshop.web import access
from ai_workshop.web.answers import BackTo, FormPage
from ai_workshop.web.write_views import write_view

bp.add_app_template_global(round_lines, "round_lines")

# Phases whose table work is the harvest: the dream statement joins it in Dream.
HARVEST_PHASES = ("discover", "dream")


def table_context(workshop, participant, form: HarvestForm | None = None) -> dict:
    number = participant.table_number
    people = people_at(workshop, number)
    table = round_table(workshop, number)
    host = host_of(table)
    hosting = host is not None and host.id == participant.id
    if hosting and form is None:
        form = HarvestForm()
        if table is not None:
            form.fill_from(table)
    return {
        "workshop": workshop,
        "participant": participant,
        "number": number,
        "people": people,
        "interview": interview_of(participant, people),
        "table": table,
        "host": host,
        "hosting": hosting,
        "form": form,
        "stories": table_stories(workshop, number),
        "harvesting": workshop.phase in HARVEST_PHASES,
    }


def _seated_or_away(workshop, participant):
    """Where a phone with no table goes instead of its table's page, if anywhere."""
    if not workshop.table_count:
        return redirect(url_for("phone.home", code=workshop.code))
    if not workshop.has_table(participant.table_number):
        return redirect(url_for("phone.choose_table", code=workshop.code))
    return None


@bp.get("/p/<code>/my-table")
@access.phone
def my_table(workshop, participant):
    away = _seated_or_away(workshop, participant)
    if away is not None:
        return away
    return render_template("phone/round_table.html", **table_context(workshop, participant))


@bp.get("/p/<code>/my-table/live")
@access.phone
def my_table_live(workshop, participant):
    """The table's people, host and harvest alone, which the page fetches every few seconds."""
    if not workshop.has_table(participant.table_number):
        return Response(status=204)
    body = render_template("phone/_round_table_live.html", **table_context(workshop, participant))
    response = Response(body)
    response.headers["Cache-Control"] = "no-store"
    return response


_BACK_TO_TABLE = BackTo("phone.my_table", "#harvest")


@bp.post("/p/<code>/my-table/host")
@access.phone
@write_view(None, _BACK_TO_TABLE)
def host_table(workshop, participant):
    offer_to_host(workshop, participant)
    return _("You host your table. Record its harvest below.")


def _harvest_page(write, status: int):
    context = table_context(write.workshop, write.values["participant"], form=write.form)
    return render_template("phone/round_table.html", **context), status


class _HarvestSaved(FormPage):
    """Drawn again with its errors; saved or refused (no longer the host), back to the
    table's page with the message."""

    def failed(self, write, error):
        return _BACK_TO_TABLE.failed(write, error)

    def done(self, write, message: str):
        return _BACK_TO_TABLE.done(write, message)


@bp.post("/p/<code>/my-table/harvest")
@access.phone
@write_view(HarvestForm, _HarvestSaved(_harvest_page))
def harvest(workshop, participant, form):
    fields = form.fields()
    save_harvest(workshop, participant, fields)
    if fields.done:
        return _("Your table's harvest is on the big screen. Thank you!")
    return _("Saved. Everyone at your table sees it.")
