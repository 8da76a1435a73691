"""Real servers on a PostgreSQL database of their own (CI sets TEST_POSTGRES_URL)."""

import os
import uuid

import psycopg
import pytest
from sqlalchemy.engine import make_url

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")


@pytest.fixture
def database_url():
    """A database of its own, so each server starts from an empty schema."""
    base = make_url(POSTGRES_URL)
    name = f"aiw_srv_{uuid.uuid4().hex[:8]}"
    admin = base.set(drivername="postgresql", database="postgres").render_as_string(False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield base.set(database=name).render_as_string(False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
