"""One PostgreSQL database per pytest-xdist worker, so parallel workers never truncate each
other's tables. Every test module reads TEST_POSTGRES_URL; this points it at the worker's own."""

import os

import psycopg
from sqlalchemy.engine import make_url


def give_each_worker_its_own_database() -> None:
    url, worker = os.environ.get("TEST_POSTGRES_URL"), os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return
    base = make_url(url)
    name = f"{base.database}_{worker}"
    admin = base.set(drivername="postgresql", database="postgres").render_as_string(False)
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if found.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')
    os.environ["TEST_POSTGRES_URL"] = base.set(database=name).render_as_string(False)
