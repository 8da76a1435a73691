"""`flask plan export`: the plan as a PDF or calendar, the workshop as JSON or CSV."""

import click
from flask import current_app, render_template
from flask.cli import AppGroup
from flask_babel import force_locale

from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db
from ai_workshop.plan.calendar_file import plan_calendar
from ai_workshop.plan.content import build_plan
from ai_workshop.plan.pdf import PdfError, render_pdf
from ai_workshop.workshops.exports import csv_zip, workshop_json
from ai_workshop.workshops.services import find_workshop

plan_cli = AppGroup("plan", help="Export a workshop's action plan.")


def _fail(message: str) -> None:
    raise click.ClickException(message)


@plan_cli.command("export")
@click.argument("code")
@click.option("--format", "kind", type=click.Choice(["pdf", "csv", "json", "ics"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True)
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4")
def export_plan_command(code: str, kind: str, output: str, paper: str) -> None:
    """Write the plan as a PDF or a calendar (.ics), the workshop as JSON, or its data as a
    zip of CSV files."""

    try:
        workshop = find_workshop(code)
    except DomainError as error:
        _fail(error.message)
    if kind == "json":
        payload = workshop_json(workshop).encode("utf-8")
    elif kind == "csv":
        payload = csv_zip(workshop)
    elif kind == "ics":
        with current_app.test_request_context(), force_locale(workshop.language):
            payload = plan_calendar(build_plan(workshop))
    else:
        with current_app.test_request_context():
            html = render_template("plan/document.html", p=build_plan(workshop), paper=paper)
        try:
            payload = render_pdf(
                html, current_app.static_folder, current_app.config["PDF_TIMEOUT_SECONDS"]
            )
        except PdfError as error:
            _fail(f"The PDF could not be made: {error}")
    db.session.commit()
    with open(output, "wb") as handle:
        handle.write(payload)
    click.echo(f"Wrote {output} ({len(payload):,} bytes)")
