"""`flask create-facilitator`: an account made from the shell, e.g. on a server."""

import sys

import click

from ai_workshop.auth.services import create_facilitator
from ai_workshop.domain_errors import DomainError
from ai_workshop.extensions import db


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
        raise click.ClickException(error.message) from None
    db.session.commit()
    click.echo(f"Created facilitator {facilitator.email}")
