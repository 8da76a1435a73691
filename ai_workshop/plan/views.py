"""The action plan: the facilitator's page and editor, the leaders' link, PDF and exports."""

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _

from ai_workshop.domain_errors import TooManyRequests
from ai_workshop.extensions import db
from ai_workshop.plan.calendar_file import plan_calendar
from ai_workshop.plan.content import build_plan, plan_for
from ai_workshop.plan.forms import PlanForm
from ai_workshop.plan.pdf import PdfError, Renderer
from ai_workshop.web import access
from ai_workshop.web.answers import BackTo, FormPage, page
from ai_workshop.web.forms import ConfirmForm
from ai_workshop.web.language import in_workshop_language
from ai_workshop.web.ratelimit import retry_after
from ai_workshop.web.write_views import finds, write_view
from ai_workshop.workshops.exports import csv_zip, workshop_json

bp = Blueprint("plan", __name__, url_prefix="/plan")
leader_bp = Blueprint("leader", __name__, url_prefix="/l")
PAPERS = ("a4", "letter")


def renderer() -> Renderer:
    """This worker's warm PDF renderer, started on first use."""
    if "aiw_pdf" not in current_app.extensions:
        current_app.extensions["aiw_pdf"] = Renderer(current_app.static_folder)
    return current_app.extensions["aiw_pdf"]


def pdf_download(html: str, filename: str) -> Response:
    """A page as a PDF to download, drawn by this worker's renderer; a 503 if it fails."""
    try:
        pdf = renderer().render(html, current_app.config["PDF_TIMEOUT_SECONDS"])
    except PdfError:
        current_app.logger.exception("PDF %s failed", filename)
        abort(503, _("The PDF could not be made just now. Try again in a moment."))
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _pdf_response(workshop, paper: str) -> Response:
    if paper not in PAPERS:
        abort(400, _("Choose A4 or Letter."))
    html = render_template("plan/document.html", p=build_plan(workshop), paper=paper)
    return pdf_download(html, f"action-plan-{workshop.code}-{paper}.pdf")


def _calendar_response(workshop) -> Response:
    content = build_plan(workshop)
    db.session.commit()  # the plan record, with its check-in dates, is made on first use
    response = Response(plan_calendar(content), mimetype="text/calendar")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="action-plan-{workshop.code}.ics"'
    )
    return response


@bp.get("/<code>")
@access.runs_workshop
@in_workshop_language
def show(workshop):
    content = build_plan(workshop)
    db.session.commit()  # the plan record is made on first view
    return render_template(
        "plan/page.html", p=content, share_form=ConfirmForm(), is_owner=access.is_owner(workshop)
    )


def _plan_form(workshop, plan) -> PlanForm:
    if request.method != "GET":
        return PlanForm()
    form = PlanForm(obj=plan)
    form.fill_followups(plan)
    return form


@bp.route("/<code>/edit", methods=["GET", "POST"])
@access.runs_workshop
@finds(plan=plan_for)
@write_view(_plan_form, FormPage(page("plan/edit.html", "workshop")))
def edit(workshop, plan, form):
    form.apply(plan)
    return _("Plan saved."), url_for("plan.show", code=workshop.code)


@bp.post("/<code>/share")
@access.owns_workshop
@write_view(ConfirmForm, BackTo("plan.show"))
def share(workshop, form):
    plan_for(workshop).regenerate_link()
    return _("A new leaders' link is ready. Any earlier link no longer works.")


@bp.post("/<code>/revoke")
@access.owns_workshop
@write_view(ConfirmForm, BackTo("plan.show"))
def revoke(workshop, form):
    plan_for(workshop).revoke_link()
    return _("The leaders' link is switched off.")


@bp.get("/<code>/plan-<paper>.pdf")
@access.runs_workshop
@in_workshop_language
def pdf(workshop, paper: str):
    return _pdf_response(workshop, paper)


@bp.get("/<code>/calendar.ics")
@access.runs_workshop
@in_workshop_language
def calendar(workshop):
    return _calendar_response(workshop)


@bp.get("/<code>/export.json")
@access.runs_workshop
@in_workshop_language
def export_json(workshop):
    response = Response(workshop_json(workshop), mimetype="application/json")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="workshop-{workshop.code}.json"'
    )
    return response


@bp.get("/<code>/export.zip")
@access.runs_workshop
@in_workshop_language
def export_zip(workshop):
    response = Response(csv_zip(workshop), mimetype="application/zip")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="workshop-{workshop.code}-csv.zip"'
    )
    return response


@leader_bp.get("/<token>")
@access.leaders_link
@in_workshop_language
def plan_page(plan):
    response = Response(
        render_template("plan/leader.html", p=build_plan(plan.workshop_ref), token=plan.share_token)
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


@leader_bp.get("/<token>/plan-<paper>.pdf")
@access.leaders_link
@in_workshop_language
def plan_pdf(plan, paper: str):
    # A PDF takes seconds of a core: a link passed around (or a script) may not queue
    # hundreds of them. A few leaders downloading it now and then never meet the limit.
    wait = retry_after(str(plan.id), "RATELIMIT_PDFS_PER_LINK")
    if wait is not None:
        raise TooManyRequests(_("This plan was downloaded many times just now. Try later."), wait)
    return _pdf_response(plan.workshop_ref, paper)


@leader_bp.get("/<token>/calendar.ics")
@access.leaders_link
@in_workshop_language
def plan_calendar_file(plan):
    response = _calendar_response(plan.workshop_ref)
    response.headers["Cache-Control"] = "private, no-store"
    return response
