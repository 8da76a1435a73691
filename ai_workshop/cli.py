"""Command-line tools: accounts, scripted workshops and the demo."""

import json
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from .auth.services import create_facilitator, find_facilitator
from .backups.commands import backup_command, restore_command
from .demo.seed import DEMO_EMAIL, ensure_demo_facilitator, ensure_demo_workshop
from .domain_errors import DomainError
from .extensions import db
from .phases import PHASES
from .story_files import StoryFileError, read_story_file
from .themes import StoryInput, suggest_themes
from .themes.embedders import available_engines, resolve_engine
from .workshop_templates import TEMPLATES
from .workshops.services import create_workshop, find_workshop, set_phase

workshop_cli = AppGroup("workshop", help="Create workshops and move them between phases.")
themes_cli = AppGroup("themes", help="Suggest themes for a file of stories.")
plan_cli = AppGroup("plan", help="Export a workshop's action plan.")


def _fail(message: str) -> None:
    raise click.ClickException(message)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@click.command("create-facilitator")
@click.option("--email", required=True, help="The facilitator's login email.")
@click.option("--name", default="", help="Display name.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_facilitator_command(email: str, name: str, password_stdin: bool) -> None:
    """Create a facilitator account."""
    password = _read_password(password_stdin)
    try:
        facilitator = create_facilitator(email, password, name)
    except DomainError as error:
        _fail(error.message)
    db.session.commit()
    click.echo(f"Created facilitator {facilitator.email}")


@workshop_cli.command("create")
@click.option("--facilitator", "email", required=True, help="Email of the owning facilitator.")
@click.option("--name", required=True, help="Workshop name.")
@click.option("--template", type=click.Choice(sorted(TEMPLATES)), default="customer-service")
def create_workshop_command(email: str, name: str, template: str) -> None:
    """Create a workshop and print its join code."""
    facilitator = find_facilitator(email)
    if facilitator is None:
        _fail(f"No facilitator with email {email}.")
    workshop = create_workshop(facilitator, template, name=name.strip()[:120])
    db.session.commit()
    click.echo(workshop.code)


@workshop_cli.command("phase")
@click.argument("code")
@click.argument("phase", type=click.Choice(PHASES))
def phase_command(code: str, phase: str) -> None:
    """Set a workshop's current phase."""
    try:
        workshop = find_workshop(code)
    except DomainError as error:
        _fail(error.message)
    set_phase(workshop, phase)
    db.session.commit()
    click.echo(f"{workshop.code} is now in {workshop.phase_label} ({phase})")


@workshop_cli.command("import-stories")
@click.argument("code")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_stories_command(code: str, path: str) -> None:
    """Add stories collected on paper (JSON or CSV) to a workshop."""
    from .stories.importer import import_stories

    try:
        workshop = find_workshop(code)
        rows = read_story_file(path)
        added, skipped = import_stories(workshop, rows)
    except (DomainError, StoryFileError) as error:
        _fail(getattr(error, "message", str(error)))
    db.session.commit()
    click.echo(
        f"Imported {added} stories into {workshop.code}"
        + (f"; skipped {len(skipped)}:" if skipped else ".")
    )
    for line in skipped:
        click.echo(f"  {line}")


@themes_cli.command("suggest")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--k", type=click.IntRange(2, 12), default=None, help="Number of themes (default: 3-8, chosen)."
)
@click.option("--engine", type=click.Choice(["static", "tfidf", "minilm"]), default=None)
def suggest_command(path: str, k: int | None, engine: str | None) -> None:
    """Print suggested themes for a file of stories as JSON."""
    try:
        rows = read_story_file(path)
    except StoryFileError as error:
        _fail(str(error))
    if engine and engine not in available_engines():
        _fail(f"The {engine} engine is not installed here.")
    stories = [
        StoryInput(row["headline"], row["story"], row["made_possible"], tuple(row["strengths"]))
        for row in rows
    ]
    result = suggest_themes(stories, k=k, engine=resolve_engine(engine))
    output = {
        "themes": [
            {
                "name": theme.name,
                "strengths": theme.strengths,
                "stories": sorted(theme.members),
                "representative": theme.representative,
                "also": sorted(theme.secondary),
                "cohesion": theme.cohesion,
            }
            for theme in result.themes
        ],
        "engine": result.engine,
    }
    if result.too_few:
        output["message"] = result.message
    click.echo(json.dumps(output, indent=2, ensure_ascii=False))


@workshop_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--facilitator", "email", default=None, help="Owner (default: the exporting facilitator)."
)
def import_workshop_command(path: str, email: str | None) -> None:
    """Restore a workshop from a JSON export; prints its join code."""
    from .plan.importer import import_workshop

    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        _fail(f"Cannot read {path}: {error}")
    owner = find_facilitator(
        email or (data.get("facilitator") if isinstance(data, dict) else "") or ""
    )
    if owner is None:
        _fail("No such facilitator here: pass --facilitator EMAIL of an existing account.")
    try:
        workshop = import_workshop(data, owner)
    except DomainError as error:
        _fail(error.message)
    except (KeyError, TypeError, ValueError) as error:
        _fail(f"The export is incomplete or damaged ({error}).")
    db.session.commit()
    click.echo(workshop.code)


@plan_cli.command("export")
@click.argument("code")
@click.option("--format", "kind", type=click.Choice(["pdf", "csv", "json"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True)
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4")
def export_plan_command(code: str, kind: str, output: str, paper: str) -> None:
    """Write the plan as a PDF, the workshop as JSON, or its data as a zip of CSV files."""
    from flask import render_template

    from .plan.content import build_plan
    from .plan.exports import csv_zip, workshop_json
    from .plan.pdf import PdfError, render_pdf

    try:
        workshop = find_workshop(code)
    except DomainError as error:
        _fail(error.message)
    if kind == "json":
        payload = workshop_json(workshop).encode("utf-8")
    elif kind == "csv":
        payload = csv_zip(workshop)
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


@click.command("demo")
def demo_command() -> None:
    """Create (once) the demo facilitator and a demo workshop; print how to log in."""
    email, password = ensure_demo_facilitator(current_app.instance_path)
    workshop = ensure_demo_workshop()
    db.session.commit()
    port = current_app.config["PORT"]
    click.echo("")
    click.echo(f"  Demo ready. Log in at http://127.0.0.1:{port}/auth/login")
    click.echo(f"    email:    {email}")
    click.echo(f"    password: {password}")
    click.echo(f"  Demo workshop join code: {workshop.code}  (phones: /j/{workshop.code})")
    click.echo("")


def init_cli(app) -> None:
    commands = (
        create_facilitator_command, workshop_cli, themes_cli, plan_cli, demo_command,
        backup_command, restore_command,
    )  # fmt: skip
    for command in commands:
        app.cli.add_command(command)


__all__ = ["DEMO_EMAIL", "init_cli"]
