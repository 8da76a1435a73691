"""The action plan: the facilitator's page and editor, the leaders' link, PDF and exports."""

import re

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select

from ai_workshop.extensions import db
from ai_workshop.models import Plan
from ai_workshop.plan.content import build_plan, plan_for
from ai_workshop.plan.forms import PlanForm
from ai_workshop.plan.pdf import PdfError, Renderer
from ai_workshop.web.forms import ConfirmForm
from ai_workshop.workshops.access import owns, workshop_to_own, workshop_to_run
from ai_workshop.workshops.exports import csv_zip, workshop_json

bp = Blueprint("plan", __name__, url_prefix="/plan")
leader_bp = Blueprint("leader", __name__, url_prefix="/l")
PAPERS = ("a4", "letter")
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,99}")


def renderer() -> Renderer:
    """This worker's warm PDF renderer, started on first use."""
    if "aiw_pdf" not in current_app.extensions:
        current_app.extensions["aiw_pdf"] = Renderer(current_app.static_folder)
    return current_app.extensions["aiw_pdf"]


def _pdf_response(workshop, paper: str) -> Response:
    if paper not in PAPERS:
        abort(400, _("Choose A4 or Letter."))
    html = render_template("plan/document.html", p=build_plan(workshop), paper=paper)
    try:
        pdf = renderer().render(html, current_app.config["PDF_TIMEOUT_SECONDS"])
    except PdfError:
        current_app.logger.exception("plan PDF failed")
        abort(503, _("The PDF could not be made just now. Try again in a moment."))
    response = Response(pdf, mimetype="application/pdf")
    filename = f"action-plan-{workshop.code}-{paper}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.before_request
@login_required
def require_login():
    """The plan's editor is the facilitator's; leaders use the secret link."""


@bp.get("/<code>")
def show(code: str):
    workshop = workshop_to_run(code)
    content = build_plan(workshop)
    db.session.commit()  # the plan record is made on first view
    return render_template(
        "plan/page.html", p=content, share_form=ConfirmForm(), is_owner=owns(workshop)
    )


@bp.route("/<code>/edit", methods=["GET", "POST"])
def edit(code: str):
    workshop = workshop_to_run(code)
    plan = plan_for(workshop)
    form = PlanForm(obj=plan if request.method == "GET" else None)
    if request.method == "GET":
        form.fill_followups(plan)
    elif form.validate_on_submit():
        form.apply(plan)
        db.session.commit()
        flash(_("Plan saved."), "success")
        return redirect(url_for("plan.show", code=workshop.code))
    status = 422 if form.errors else 200
    return render_template("plan/edit.html", workshop=workshop, form=form), status


@bp.post("/<code>/share")
def share(code: str):
    workshop = workshop_to_own(code)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    plan_for(workshop).regenerate_link()
    db.session.commit()
    flash(_("A new leaders' link is ready. Any earlier link no longer works."), "success")
    return redirect(url_for("plan.show", code=workshop.code))


@bp.post("/<code>/revoke")
def revoke(code: str):
    workshop = workshop_to_own(code)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    plan_for(workshop).revoke_link()
    db.session.commit()
    flash(_("The leaders' link is switched off."), "success")
    return redirect(url_for("plan.show", code=workshop.code))


@bp.get("/<code>/plan-<paper>.pdf")
def pdf(code: str, paper: str):
    return _pdf_response(workshop_to_run(code), paper)


@bp.get("/<code>/export.json")
def export_json(code: str):
    workshop = workshop_to_run(code)
    response = Response(workshop_json(workshop), mimetype="application/json")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="workshop-{workshop.code}.json"'
    )
    return response


@bp.get("/<code>/export.zip")
def export_zip(code: str):
    workshop = workshop_to_run(code)
    response = Response(csv_zip(workshop), mimetype="application/zip")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="workshop-{workshop.code}-csv.zip"'
    )
    return response


def _shared_plan(token: str) -> Plan:
    # Links are made by secrets.token_urlsafe; anything else (a NUL, which PostgreSQL
    # refuses in a query) is not looked up at all.
    plan = (
        db.session.scalar(select(Plan).where(Plan.share_token == token))
        if _TOKEN.fullmatch(token)
        else None
    )
    if plan is None:
        abort(404, _("This plan link is not valid. Ask the facilitator for a new one."))
    return plan


@leader_bp.get("/<token>")
def plan_page(token: str):
    plan = _shared_plan(token)
    response = Response(
        render_template("plan/leader.html", p=build_plan(plan.workshop_ref), token=token)
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


@leader_bp.get("/<token>/plan-<paper>.pdf")
def plan_pdf(token: str, paper: str):
    return _pdf_response(_shared_plan(token).workshop_ref, paper)
