"""`flask workshop …`: create workshops, move phases, import stories and whole workshops."""

import json

import click
from flask.cli import AppGroup

from ai_workshop.auth.services import find_facilitator
from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db
from ai_workshop.i18n import DEFAULT_LANGUAGE, LANGUAGES
from ai_workshop.phases import PHASES
from ai_workshop.stories.files import StoryFileError, read_story_file
from ai_workshop.workshops.services import create_workshop, find_workshop, set_phase
from ai_workshop.workshops.template_library import TEMPLATES

workshop_cli = AppGroup("workshop", help="Create workshops and move them between phases.")


def _fail(message: str) -> None:
    raise click.ClickException(message)


@workshop_cli.command("create")
@click.option("--facilitator", "email", required=True, help="Email of the owning facilitator.")
@click.option("--name", required=True, help="Workshop name.")
@click.option("--template", type=click.Choice(sorted(TEMPLATES)), default="customer-service")
@click.option(
    "--language",
    type=click.Choice(sorted(LANGUAGES)),
    default=DEFAULT_LANGUAGE,
    help="The room's language: the template's texts, the projector, the plan.",
)
def create_workshop_command(email: str, name: str, template: str, language: str) -> None:
    """Create a workshop and print its join code."""
    facilitator = find_facilitator(email)
    if facilitator is None:
        _fail(f"No facilitator with email {email}.")
    workshop = create_workshop(facilitator, template, language=language, name=name.strip()[:120])
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
    from ai_workshop.stories.importer import import_stories

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


@workshop_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--facilitator", "email", default=None, help="Owner (default: the exporting facilitator)."
)
def import_workshop_command(path: str, email: str | None) -> None:
    """Restore a workshop from a JSON export; prints its join code."""
    from ai_workshop.workshops.importer import import_workshop

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
