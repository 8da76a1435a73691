"""Fixtures: a fresh database per test on SQLite, and on PostgreSQL when TEST_POSTGRES_URL is set."""

import os

import pytest
from sqlalchemy import text

from ai_workshop import create_app
from ai_workshop.catalogs import compile_stale_catalogs
from ai_workshop.config import normalise_database_url
from ai_workshop.extensions import db

from .factories import Factories
from .support.databases import give_each_worker_its_own_database

give_each_worker_its_own_database()
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgres"] if POSTGRES_URL else [])


def config_for_tests(database_uri: str) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_uri,
        "WTF_CSRF_ENABLED": False,
        "PUBLIC_URL": "http://workshop.test",
        "LIVE_POLL_SECONDS": 0.05,
        "LIVE_HEARTBEAT_SECONDS": 0.2,
        "LIVE_STREAM_MAX_SECONDS": 2,
        "LIVE_COALESCE_SECONDS": 0.0,
        "LIVE_REFETCH_SECONDS": 0.0,
        "LIVE_CHANNEL": "local",
        # One process per test app: no sibling workers to tell (tests/servers run real ones).
        "LIVE_SIBLINGS": False,
        # The quick engine: MiniLM's own tests (test_background_embedding.py and the theme
        # sets) choose it, and no other test should spend seconds reading stories.
        "THEMES_ENGINE": "static",
        # Counted in the process: each test's app starts from none (test_shared_limits.py
        # checks the file every worker shares).
        "RATELIMIT_STORAGE": "memory",
    }


@pytest.fixture(scope="session", autouse=True)
def catalogs_compiled():
    """Pages in every language, also when pytest runs without `make`."""
    compile_stale_catalogs()


@pytest.fixture(scope="session")
def postgres_schema_ready():
    """Create the schema once per run; each test then truncates the tables."""
    if not POSTGRES_URL:
        return False
    app = create_app(config_for_tests(normalise_database_url(POSTGRES_URL)))
    with app.app_context():
        db.drop_all()
        db.session.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        db.create_all()
        db.engine.dispose()
    return True


def _truncate_all() -> None:
    names = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
    db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    db.session.commit()


@pytest.fixture(params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture
def app(backend, tmp_path, request):
    if backend == "postgres":
        request.getfixturevalue("postgres_schema_ready")
        uri = normalise_database_url(POSTGRES_URL)
    else:
        uri = f"sqlite:///{tmp_path / 'test.sqlite3'}"
    app = create_app(config_for_tests(uri))
    with app.app_context():
        if backend == "postgres":
            _truncate_all()
        else:
            db.create_all()
        yield app
        if "aiw_pdf" in app.extensions:
            app.extensions["aiw_pdf"].close()
        if "aiw_live_reader" in app.extensions:
            app.extensions["aiw_live_reader"].close()
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make(app):
    return Factories()


@pytest.fixture
def facilitator(make):
    return make.facilitator()


@pytest.fixture
def workshop(make, facilitator):
    return make.workshop(facilitator, phase="discover")


@pytest.fixture
def login(client):
    def log_in(facilitator, password="correct horse battery"):
        response = client.post(
            "/auth/login", data={"email": facilitator.email, "password": password}
        )
        assert response.status_code == 302, response.data
        return response

    return log_in
