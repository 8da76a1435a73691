"""`flask demo`: the demo account and workshop that `make run` opens with."""

import click
from flask import current_app

from ai_workshop.demo.seed import ensure_demo_facilitator, ensure_demo_workshop
from ai_workshop.demo.summit import ensure_demo_summit
from ai_workshop.extensions import db
from ai_workshop.i18n import DEFAULT_LANGUAGE, LANGUAGES


@click.command("demo")
@click.option(
    "--language",
    type=click.Choice(sorted(LANGUAGES)),
    default=DEFAULT_LANGUAGE,
    help="The demo session's language: its stories, dreams, plan and the room's screens.",
)
@click.option(
    "--summit",
    is_flag=True,
    help="A finished AI Summit instead: 240 people at 30 round tables, with their harvests.",
)
def demo_command(language: str, summit: bool) -> None:
    """Create (once) the demo facilitator and a demo workshop; print how to log in."""
    email, password = ensure_demo_facilitator(current_app.instance_path)
    workshop = ensure_demo_summit(language) if summit else ensure_demo_workshop(language)
    db.session.commit()
    port = current_app.config["PORT"]
    click.echo("")
    click.echo(f"  Demo ready. Log in at http://127.0.0.1:{port}/auth/login")
    click.echo(f"    email:    {email}")
    click.echo(f"    password: {password}")
    click.echo(f"  Demo workshop join code: {workshop.code}  (phones: /j/{workshop.code})")
    click.echo("")
