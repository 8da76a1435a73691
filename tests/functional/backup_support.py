"""Shared by the backup and restore tests: databases to copy between, and how to compare them."""

import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from ai_workshop import create_app
from ai_workshop.backups.schema import alembic_config
from ai_workshop.config import normalise_database_url
from ai_workshop.extensions import db
from ai_workshop.models import Workshop

from ..conftest import config_for_tests
from ..support.full_session import fill_session

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")
sqlite_only = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
SESSION_TABLES = (
    "workshop", "participant", "story", "story_strength", "theme", "dream", "proposition",
    "vote", "vote_dot", "action", "action_volunteer", "commitment",
)  # fmt: skip


@pytest.fixture
def migrated(app, backend):
    """The test database as `flask db upgrade` leaves it: its alembic_version at the head."""
    command.stamp(alembic_config(), "head")
    yield ScriptDirectory.from_config(alembic_config()).get_current_head()
    if backend == "postgres":
        db.session.remove()
        with db.engine.begin() as connection:
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture
def instance(app, tmp_path, monkeypatch) -> Path:
    """Default backups and safety copies go to a folder of the test's own."""
    monkeypatch.setattr(app, "instance_path", str(tmp_path / "instance"))
    return tmp_path / "instance" / "backups"


def admin(statement: str) -> None:
    engine = create_engine(normalise_database_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


@pytest.fixture
def fresh_target(backend, tmp_path):
    """A second, empty database to restore into, on the same backend."""
    if backend == "postgres":
        url = make_url(normalise_database_url(POSTGRES_URL))
        scratch = f"{url.database}_restore"
        admin(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{scratch}"')
        uri = url.set(database=scratch).render_as_string(hide_password=False)
    else:
        uri = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    target = create_app(config_for_tests(uri))
    target.instance_path = str(tmp_path / "target-instance")  # its safety copies
    yield target
    with target.app_context():
        db.engine.dispose()
    if backend == "postgres":
        admin(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')


def invoke(target_app, *args, answer=None):
    """Run a command against target_app, whichever app the test has pushed."""
    with target_app.app_context():
        return target_app.test_cli_runner().invoke(args=list(args), input=answer)


def table_rows(engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in db.metadata.sorted_tables
        }


def whole_session(make) -> Workshop:
    workshop = make.workshop(make.facilitator(), phase="discover")
    for name in ("Ada", "Bo"):
        teller = make.participant(workshop, name)
        make.story(workshop, teller, strengths=["courage", f"{name}'s own words"])
    fill_session(make, workshop)
    return workshop


def file_rows(path: Path, query: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()
