"""`flask db upgrade` builds exactly the schema the models describe."""

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from ai_workshop import create_app
from ai_workshop.config import normalise_database_url
from ai_workshop.extensions import db

from ..conftest import config_for_tests

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")


def schema_differences(uri: str) -> list:
    app = create_app(config_for_tests(uri))
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"render_as_batch": True})
            differences = compare_metadata(context, db.metadata)
            tables = set(db.inspect(connection).get_table_names())
        db.engine.dispose()
    return differences, tables


def test_sqlite_migrations_match_the_models(tmp_path):
    differences, tables = schema_differences(f"sqlite:///{tmp_path / 'migrated.sqlite3'}")
    assert {"facilitator", "workshop", "participant", "story", "story_strength"} <= tables
    assert differences == []


@pytest.mark.skipif(not POSTGRES_URL, reason="PostgreSQL run only where TEST_POSTGRES_URL is set")
def test_postgres_migrations_match_the_models():
    schema = f"migration_{uuid.uuid4().hex[:8]}"
    base = normalise_database_url(POSTGRES_URL)
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        separator = "&" if "?" in base else "?"
        differences, tables = schema_differences(
            f"{base}{separator}options=-csearch_path%3D{schema}"
        )
        assert "story" in tables
        assert differences == []
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_sqlite_migrations_downgrade_and_upgrade_again(tmp_path):
    from flask_migrate import downgrade

    app = create_app(config_for_tests(f"sqlite:///{tmp_path / 'round.sqlite3'}"))
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        with db.engine.connect() as connection:
            assert set(db.inspect(connection).get_table_names()) <= {"alembic_version"}
        upgrade()
        with db.engine.connect() as connection:
            assert "theme" in db.inspect(connection).get_table_names()
        db.engine.dispose()
