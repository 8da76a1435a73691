"""Parallel test workers never share a PostgreSQL database (tests/support/databases.py)."""

import os

import psycopg
import pytest
from sqlalchemy.engine import make_url

from ..support.databases import give_each_worker_its_own_database

URL = os.environ.get("TEST_POSTGRES_URL")


@pytest.mark.skipif(not URL, reason="needs TEST_POSTGRES_URL (CI sets it)")
def test_a_worker_gets_a_database_of_its_own_that_answers(monkeypatch):
    monkeypatch.setenv("TEST_POSTGRES_URL", URL)  # restored after the test
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gwcheck")
    give_each_worker_its_own_database()
    own = make_url(os.environ["TEST_POSTGRES_URL"])
    assert own.database == f"{make_url(URL).database}_gwcheck"
    dsn = own.set(drivername="postgresql").render_as_string(False)
    admin = own.set(drivername="postgresql", database="postgres").render_as_string(False)
    try:
        with psycopg.connect(dsn) as connection:
            assert connection.execute("SELECT current_database()").fetchone()[0] == own.database
        give_each_worker_its_own_database()  # a second call finds it and keeps it
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{own.database}" WITH (FORCE)')


def test_without_workers_the_url_is_left_as_it_is(monkeypatch):
    monkeypatch.setenv("TEST_POSTGRES_URL", "postgresql://nobody@127.0.0.1:1/test")
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    give_each_worker_its_own_database()  # would fail to connect if it tried
    assert os.environ["TEST_POSTGRES_URL"] == "postgresql://nobody@127.0.0.1:1/test"
